//! Every visible string, in English and Simplified Chinese. The `Text` struct makes a missing
//! translation a compile error: both tables must fill every field.

use crate::api::ApiError;
#[cfg(feature = "connections-ui")]
use crate::domain::application::DocumentKind;
#[cfg(feature = "connections-ui")]
use crate::domain::connection::{RequestKind, Stage, SupplyCategory};
use crate::domain::{
    AreaClass, BillStatus, CustomerCategory, Field, FieldError, LineKind, Problem,
};
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

/// A portal language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// Reads a stored or browser language tag: anything starting with `zh` is Chinese.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The strings of this language.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }
}

/// The strings of one language.
pub struct Text {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub main_menu: &'static str,
    pub switch_language: &'static str,
    pub other_language: &'static str,
    pub loading: &'static str,
    /// The separator between a label and its value (": " or "：").
    pub colon: &'static str,
    pub retry: &'static str,
    pub nav_overview: &'static str,
    pub nav_bills: &'static str,
    pub sign_in: &'static str,
    pub signing_in: &'static str,
    pub sign_out: &'static str,
    pub register: &'static str,
    pub registering: &'static str,
    pub sign_in_title: &'static str,
    pub register_title: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub password_hint: &'static str,
    pub no_login_yet: &'static str,
    pub have_login: &'static str,
    pub overview_title: &'static str,
    pub greeting: fn(&str) -> String,
    pub balance_due: &'static str,
    pub nothing_due: &'static str,
    pub next_due: &'static str,
    pub latest_bill: &'static str,
    pub no_bills_yet: &'static str,
    pub view_bill: &'static str,
    pub my_accounts: &'static str,
    pub no_accounts: &'static str,
    pub view_bills: &'static str,
    pub bind_title: &'static str,
    pub bind_help: &'static str,
    pub account_number: &'static str,
    pub phone_last4: &'static str,
    pub bind: &'static str,
    pub binding: &'static str,
    pub bound: fn(&str) -> String,
    pub bills_title: &'static str,
    pub choose_account: &'static str,
    pub bills_of: fn(&str) -> String,
    pub col_period: &'static str,
    pub col_energy: &'static str,
    pub col_amount: &'static str,
    pub col_due: &'static str,
    pub col_status: &'static str,
    pub col_details: &'static str,
    pub details: &'static str,
    pub page_of: fn(u32, u32) -> String,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub pages: &'static str,
    pub bill_title: fn(&str) -> String,
    pub back_to_bills: &'static str,
    pub account: &'static str,
    pub premise: &'static str,
    pub tariff: &'static str,
    pub meter: &'static str,
    pub period: &'static str,
    pub issued_on: &'static str,
    pub due_on: &'static str,
    pub status: &'static str,
    pub total: &'static str,
    pub paid: &'static str,
    pub balance: &'static str,
    pub readings: &'static str,
    pub register_col: &'static str,
    pub reading_start: &'static str,
    pub reading_end: &'static str,
    pub estimated: &'static str,
    pub charges: &'static str,
    pub col_item: &'static str,
    pub col_price: &'static str,
    pub payments: &'static str,
    pub no_payments: &'static str,
    pub col_paid_at: &'static str,
    pub col_channel: &'static str,
    pub col_reference: &'static str,
    pub tier_reset: fn(&str) -> String,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub go_home: &'static str,
    pub months: [&'static str; 12],
    pub date: fn(NaiveDate, &[&str; 12]) -> String,
    pub month_year: fn(NaiveDate, &[&str; 12]) -> String,
    // enumerations
    pub status_unpaid: &'static str,
    pub status_partly_paid: &'static str,
    pub status_paid: &'static str,
    pub status_overdue: &'static str,
    pub line_tier1: &'static str,
    pub line_tier2: &'static str,
    pub line_tier3: &'static str,
    pub line_peak: &'static str,
    pub line_valley: &'static str,
    pub line_flat: &'static str,
    pub register_total: &'static str,
    pub register_peak: &'static str,
    pub register_valley: &'static str,
    pub area_urban: &'static str,
    pub area_rural: &'static str,
    pub area_remote: &'static str,
    pub category_residential: &'static str,
    pub category_business_lv: &'static str,
    pub category_business_hv: &'static str,
    pub channel_wechat: &'static str,
    pub channel_alipay: &'static str,
    pub channel_online_banking: &'static str,
    pub channel_counter: &'static str,
    // errors
    pub err_not_signed_in: &'static str,
    pub err_forbidden: &'static str,
    pub err_not_found: &'static str,
    pub err_bad_credentials: &'static str,
    pub err_locked: fn(u32) -> String,
    pub err_email_taken: &'static str,
    pub err_bind_mismatch: &'static str,
    pub err_cross_site: &'static str,
    pub err_too_large: &'static str,
    pub err_not_now: &'static str,
    pub err_conflict: &'static str,
    pub err_bad_request: &'static str,
    pub err_network: &'static str,
    pub err_internal: &'static str,
    pub problem_required: &'static str,
    pub problem_too_short: fn(u32) -> String,
    pub problem_too_long: fn(u32) -> String,
    pub problem_malformed: &'static str,
    pub problem_not_a_number: &'static str,
    pub problem_out_of_range: &'static str,
    pub problem_not_allowed: &'static str,
    pub problem_missing: &'static str,
    pub field_page: &'static str,
    pub field_id: &'static str,
    pub field_reading: &'static str,
    pub field_kind: &'static str,
    pub field_category: &'static str,
    pub field_capacity: &'static str,
    pub field_supply_voltage: &'static str,
    pub field_premise_address: &'static str,
    pub field_contact_name: &'static str,
    pub field_contact_phone: &'static str,
    pub field_documents: &'static str,
    pub field_request: &'static str,
    pub field_note: &'static str,
    pub field_file: &'static str,
    #[cfg(feature = "connections-ui")]
    pub nav_applications: &'static str,
    #[cfg(feature = "connections-ui")]
    pub nav_queue: &'static str,
    #[cfg(feature = "connections-ui")]
    pub apps_title: &'static str,
    #[cfg(feature = "connections-ui")]
    pub apply_new: &'static str,
    #[cfg(feature = "connections-ui")]
    pub no_apps: &'static str,
    #[cfg(feature = "connections-ui")]
    pub col_number: &'static str,
    #[cfg(feature = "connections-ui")]
    pub col_kind: &'static str,
    #[cfg(feature = "connections-ui")]
    pub col_stage: &'static str,
    #[cfg(feature = "connections-ui")]
    pub col_next_due: &'static str,
    #[cfg(feature = "connections-ui")]
    pub late: &'static str,
    #[cfg(feature = "connections-ui")]
    pub on_time: &'static str,
    #[cfg(feature = "connections-ui")]
    pub in_progress: &'static str,
    #[cfg(feature = "connections-ui")]
    pub not_reached: &'static str,
    #[cfg(feature = "connections-ui")]
    pub kind_new_connection: &'static str,
    #[cfg(feature = "connections-ui")]
    pub kind_capacity_increase: &'static str,
    #[cfg(feature = "connections-ui")]
    pub kind_capacity_decrease: &'static str,
    #[cfg(feature = "connections-ui")]
    pub kind_tariff_change: &'static str,
    #[cfg(feature = "connections-ui")]
    pub kind_move_in: &'static str,
    #[cfg(feature = "connections-ui")]
    pub kind_move_out: &'static str,
    #[cfg(feature = "connections-ui")]
    pub kind_temporary_supply: &'static str,
    #[cfg(feature = "connections-ui")]
    pub kind_ev_charger: &'static str,
    #[cfg(feature = "connections-ui")]
    pub cat_residential: &'static str,
    #[cfg(feature = "connections-ui")]
    pub cat_lv_business: &'static str,
    #[cfg(feature = "connections-ui")]
    pub cat_hv_single: &'static str,
    #[cfg(feature = "connections-ui")]
    pub cat_hv_double: &'static str,
    #[cfg(feature = "connections-ui")]
    pub stage_application: &'static str,
    #[cfg(feature = "connections-ui")]
    pub stage_site_survey: &'static str,
    #[cfg(feature = "connections-ui")]
    pub stage_supply_plan: &'static str,
    #[cfg(feature = "connections-ui")]
    pub stage_design_review: &'static str,
    #[cfg(feature = "connections-ui")]
    pub stage_mid_check: &'static str,
    #[cfg(feature = "connections-ui")]
    pub stage_completion: &'static str,
    #[cfg(feature = "connections-ui")]
    pub stage_energise: &'static str,
    #[cfg(feature = "connections-ui")]
    pub stage_archived: &'static str,
    #[cfg(feature = "connections-ui")]
    pub state_in_progress: &'static str,
    #[cfg(feature = "connections-ui")]
    pub state_waiting: &'static str,
    #[cfg(feature = "connections-ui")]
    pub state_completed: &'static str,
    #[cfg(feature = "connections-ui")]
    pub state_rejected: &'static str,
    #[cfg(feature = "connections-ui")]
    pub state_cancelled: &'static str,
    #[cfg(feature = "connections-ui")]
    pub doc_id_card: &'static str,
    #[cfg(feature = "connections-ui")]
    pub doc_ownership: &'static str,
    #[cfg(feature = "connections-ui")]
    pub doc_licence: &'static str,
    #[cfg(feature = "connections-ui")]
    pub doc_legal_rep: &'static str,
    #[cfg(feature = "connections-ui")]
    pub doc_parking: &'static str,
    #[cfg(feature = "connections-ui")]
    pub doc_consent: &'static str,
    #[cfg(feature = "connections-ui")]
    pub doc_other: &'static str,
    #[cfg(feature = "connections-ui")]
    pub step_what: &'static str,
    #[cfg(feature = "connections-ui")]
    pub step_contact: &'static str,
    #[cfg(feature = "connections-ui")]
    pub step_documents: &'static str,
    #[cfg(feature = "connections-ui")]
    pub step_review: &'static str,
    #[cfg(feature = "connections-ui")]
    pub next: &'static str,
    #[cfg(feature = "connections-ui")]
    pub back: &'static str,
    #[cfg(feature = "connections-ui")]
    pub submit_application: &'static str,
    #[cfg(feature = "connections-ui")]
    pub submitting: &'static str,
    #[cfg(feature = "connections-ui")]
    pub service_account: &'static str,
    #[cfg(feature = "connections-ui")]
    pub new_premises: &'static str,
    #[cfg(feature = "connections-ui")]
    pub choose: &'static str,
    #[cfg(feature = "connections-ui")]
    pub documents_help: &'static str,
    #[cfg(feature = "connections-ui")]
    pub uploading: &'static str,
    #[cfg(feature = "connections-ui")]
    pub uploaded: &'static str,
    #[cfg(feature = "connections-ui")]
    pub fix_step: &'static str,
    #[cfg(feature = "connections-ui")]
    pub progress: &'static str,
    #[cfg(feature = "connections-ui")]
    pub col_limit: &'static str,
    #[cfg(feature = "connections-ui")]
    pub col_started: &'static str,
    #[cfg(feature = "connections-ui")]
    pub col_done: &'static str,
    #[cfg(feature = "connections-ui")]
    pub col_result: &'static str,
    #[cfg(feature = "connections-ui")]
    pub waiting_title: &'static str,
    #[cfg(feature = "connections-ui")]
    pub respond: &'static str,
    #[cfg(feature = "connections-ui")]
    pub message_optional: &'static str,
    #[cfg(feature = "connections-ui")]
    pub cancel_application: &'static str,
    #[cfg(feature = "connections-ui")]
    pub history: &'static str,
    #[cfg(feature = "connections-ui")]
    pub documents_title: &'static str,
    #[cfg(feature = "connections-ui")]
    pub still_needed: &'static str,
    #[cfg(feature = "connections-ui")]
    pub by_utility: &'static str,
    #[cfg(feature = "connections-ui")]
    pub by_you: &'static str,
    #[cfg(feature = "connections-ui")]
    pub by_customer: &'static str,
    #[cfg(feature = "connections-ui")]
    pub capacity_label: &'static str,
    #[cfg(feature = "connections-ui")]
    pub voltage_label: &'static str,
    #[cfg(feature = "connections-ui")]
    pub accepted_on: &'static str,
    #[cfg(feature = "connections-ui")]
    pub all_stages: &'static str,
    #[cfg(feature = "connections-ui")]
    pub queue_title: &'static str,
    #[cfg(feature = "connections-ui")]
    pub filter_stage: &'static str,
    #[cfg(feature = "connections-ui")]
    pub filter_category: &'static str,
    #[cfg(feature = "connections-ui")]
    pub filter_overdue: &'static str,
    #[cfg(feature = "connections-ui")]
    pub all: &'static str,
    #[cfg(feature = "connections-ui")]
    pub queue_empty: &'static str,
    #[cfg(feature = "connections-ui")]
    pub advance: &'static str,
    #[cfg(feature = "connections-ui")]
    pub ask_customer: &'static str,
    #[cfg(feature = "connections-ui")]
    pub reject: &'static str,
    #[cfg(feature = "connections-ui")]
    pub note_label: &'static str,
    #[cfg(feature = "connections-ui")]
    pub show_to_customer: &'static str,
    #[cfg(feature = "connections-ui")]
    pub staff_note: &'static str,
    #[cfg(feature = "connections-ui")]
    pub action_open: &'static str,
    #[cfg(feature = "connections-ui")]
    pub action_advance: &'static str,
    #[cfg(feature = "connections-ui")]
    pub action_ask: &'static str,
    #[cfg(feature = "connections-ui")]
    pub action_respond: &'static str,
    #[cfg(feature = "connections-ui")]
    pub action_reject: &'static str,
    #[cfg(feature = "connections-ui")]
    pub action_cancel: &'static str,
    #[cfg(feature = "connections-ui")]
    pub working_days: fn(u32) -> String,
    #[cfg(feature = "connections-ui")]
    pub used_of: fn(u32, u32) -> String,
}

fn en_date(d: NaiveDate, months: &[&str; 12]) -> String {
    format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
}

fn en_month_year(d: NaiveDate, months: &[&str; 12]) -> String {
    format!("{} {}", months[d.month0() as usize], d.year())
}

fn zh_date(d: NaiveDate, _: &[&str; 12]) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

fn zh_month_year(d: NaiveDate, _: &[&str; 12]) -> String {
    format!("{}年{}月", d.year(), d.month())
}

/// English.
pub static EN: Text = Text {
    app_name: "GridCare",
    tagline: "Your electricity account, bills and service, online.",
    skip_to_content: "Skip to content",
    main_menu: "Main menu",
    switch_language: "切换到中文",
    other_language: "中文",
    loading: "Loading…",
    colon: ": ",
    retry: "Try again",
    nav_overview: "Overview",
    nav_bills: "Bills",
    sign_in: "Sign in",
    signing_in: "Signing in…",
    sign_out: "Sign out",
    register: "Create account",
    registering: "Creating account…",
    sign_in_title: "Sign in to GridCare",
    register_title: "Create your GridCare account",
    email: "Email",
    password: "Password",
    password_hint: "At least 10 characters. Pasting from a password manager is fine.",
    no_login_yet: "New to GridCare?",
    have_login: "Already have an account?",
    overview_title: "Overview",
    greeting: |name| {
        if name.is_empty() {
            "Welcome".to_string()
        } else {
            format!("Welcome, {name}")
        }
    },
    balance_due: "Balance due",
    nothing_due: "Nothing due. Thank you!",
    next_due: "Next due date",
    latest_bill: "Latest bill",
    no_bills_yet: "No bills yet.",
    view_bill: "View bill",
    my_accounts: "My service accounts",
    no_accounts: "No service account is linked to this login yet.",
    view_bills: "View bills",
    bind_title: "Link a service account",
    bind_help: "Enter the 10-digit account number from a bill and the last 4 digits of the phone number we have on file.",
    account_number: "Account number",
    phone_last4: "Last 4 digits of phone",
    bind: "Link account",
    binding: "Linking…",
    bound: |n| format!("Account {n} is now linked."),
    bills_title: "Bills",
    choose_account: "Choose a service account to see its bills.",
    bills_of: |n| format!("Bills for account {n}"),
    col_period: "Period",
    col_energy: "Energy (kWh)",
    col_amount: "Amount",
    col_due: "Due",
    col_status: "Status",
    col_details: "Details",
    details: "Details",
    page_of: |p, n| format!("Page {p} of {n}"),
    previous_page: "Previous page",
    next_page: "Next page",
    pages: "Pages",
    bill_title: |m| format!("Bill for {m}"),
    back_to_bills: "Back to bills",
    account: "Account",
    premise: "Premises",
    tariff: "Tariff",
    meter: "Meter",
    period: "Period",
    issued_on: "Issued",
    due_on: "Due date",
    status: "Status",
    total: "Total",
    paid: "Paid",
    balance: "Still to pay",
    readings: "Meter readings",
    register_col: "Register",
    reading_start: "Start reading",
    reading_end: "End reading",
    estimated: "estimated",
    charges: "Charges",
    col_item: "Item",
    col_price: "Price (¥/kWh)",
    payments: "Payments",
    no_payments: "No payment received yet.",
    col_paid_at: "Received",
    col_channel: "Channel",
    col_reference: "Reference",
    tier_reset: |d| format!("Your tiers start again on {d}."),
    not_found_title: "Page not found",
    not_found_body: "There is no page at this address.",
    go_home: "Go to the overview",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    date: en_date,
    month_year: en_month_year,
    status_unpaid: "Unpaid",
    status_partly_paid: "Partly paid",
    status_paid: "Paid",
    status_overdue: "Overdue",
    line_tier1: "Tier 1",
    line_tier2: "Tier 2",
    line_tier3: "Tier 3",
    line_peak: "Peak (08:00–22:00)",
    line_valley: "Valley (22:00–08:00)",
    line_flat: "Flat rate",
    register_total: "Total",
    register_peak: "Peak",
    register_valley: "Valley",
    area_urban: "Urban",
    area_rural: "Rural",
    area_remote: "Remote",
    category_residential: "Residential",
    category_business_lv: "Business, low voltage",
    category_business_hv: "Business, high voltage",
    channel_wechat: "WeChat Pay",
    channel_alipay: "Alipay",
    channel_online_banking: "Online banking",
    channel_counter: "Service counter",
    err_not_signed_in: "Please sign in to continue.",
    err_forbidden: "You do not have access to this.",
    err_not_found: "We could not find that.",
    err_bad_credentials: "The email or password is wrong.",
    err_locked: |m| {
        format!(
            "Too many failed attempts. For your security this is locked; try again in {m} minutes."
        )
    },
    err_email_taken: "An account with this email already exists. Sign in instead.",
    err_bind_mismatch: "The account number and phone digits do not match our records.",
    err_cross_site: "The request was refused for security reasons. Reload the page and try again.",
    err_too_large: "That is too much to send at once.",
    err_not_now: "That cannot be done at this stage of the case.",
    err_conflict: "Someone changed this at the same moment. Reload the page and try again.",
    err_bad_request: "The request could not be read. Reload the page and try again.",
    err_network: "Cannot reach GridCare. Check your connection and try again.",
    err_internal: "Something went wrong on our side. Please try again later.",
    problem_required: "this field is required",
    problem_too_short: |n| format!("needs at least {n} characters"),
    problem_too_long: |n| format!("allows at most {n} characters"),
    problem_malformed: "is not in the expected form",
    problem_not_a_number: "must be a whole number",
    problem_out_of_range: "is out of range",
    problem_not_allowed: "is not one of the choices allowed here",
    problem_missing: "is missing something required",
    field_page: "Page",
    field_id: "Page address",
    field_reading: "Reading",
    field_kind: "Type of request",
    field_category: "Customer category",
    field_capacity: "Capacity (kW)",
    field_supply_voltage: "Supply voltage",
    field_premise_address: "Premises address",
    field_contact_name: "Contact name",
    field_contact_phone: "Contact phone",
    field_documents: "Documents",
    field_request: "Request",
    field_note: "Note",
    field_file: "File",
    #[cfg(feature = "connections-ui")]
    nav_applications: "Applications",
    #[cfg(feature = "connections-ui")]
    nav_queue: "Work queue",
    #[cfg(feature = "connections-ui")]
    apps_title: "My applications",
    #[cfg(feature = "connections-ui")]
    apply_new: "Apply for a connection",
    #[cfg(feature = "connections-ui")]
    no_apps: "You have no applications yet.",
    #[cfg(feature = "connections-ui")]
    col_number: "Number",
    #[cfg(feature = "connections-ui")]
    col_kind: "Request",
    #[cfg(feature = "connections-ui")]
    col_stage: "Stage",
    #[cfg(feature = "connections-ui")]
    col_next_due: "Next deadline",
    #[cfg(feature = "connections-ui")]
    late: "Late",
    #[cfg(feature = "connections-ui")]
    on_time: "On time",
    #[cfg(feature = "connections-ui")]
    in_progress: "In progress",
    #[cfg(feature = "connections-ui")]
    not_reached: "Not reached",
    #[cfg(feature = "connections-ui")]
    kind_new_connection: "New connection",
    #[cfg(feature = "connections-ui")]
    kind_capacity_increase: "Capacity increase",
    #[cfg(feature = "connections-ui")]
    kind_capacity_decrease: "Capacity decrease",
    #[cfg(feature = "connections-ui")]
    kind_tariff_change: "Tariff change",
    #[cfg(feature = "connections-ui")]
    kind_move_in: "Move in (start service)",
    #[cfg(feature = "connections-ui")]
    kind_move_out: "Move out (stop service)",
    #[cfg(feature = "connections-ui")]
    kind_temporary_supply: "Temporary supply",
    #[cfg(feature = "connections-ui")]
    kind_ev_charger: "EV charger",
    #[cfg(feature = "connections-ui")]
    cat_residential: "Residential",
    #[cfg(feature = "connections-ui")]
    cat_lv_business: "Low-voltage business",
    #[cfg(feature = "connections-ui")]
    cat_hv_single: "High voltage, single supply",
    #[cfg(feature = "connections-ui")]
    cat_hv_double: "High voltage, double supply",
    #[cfg(feature = "connections-ui")]
    stage_application: "Application accepted",
    #[cfg(feature = "connections-ui")]
    stage_site_survey: "Site survey",
    #[cfg(feature = "connections-ui")]
    stage_supply_plan: "Supply plan reply",
    #[cfg(feature = "connections-ui")]
    stage_design_review: "Design review",
    #[cfg(feature = "connections-ui")]
    stage_mid_check: "Mid-construction check",
    #[cfg(feature = "connections-ui")]
    stage_completion: "Completion inspection",
    #[cfg(feature = "connections-ui")]
    stage_energise: "Meter installed and power on",
    #[cfg(feature = "connections-ui")]
    stage_archived: "Done",
    #[cfg(feature = "connections-ui")]
    state_in_progress: "In progress",
    #[cfg(feature = "connections-ui")]
    state_waiting: "Waiting for you",
    #[cfg(feature = "connections-ui")]
    state_completed: "Completed",
    #[cfg(feature = "connections-ui")]
    state_rejected: "Rejected",
    #[cfg(feature = "connections-ui")]
    state_cancelled: "Cancelled",
    #[cfg(feature = "connections-ui")]
    doc_id_card: "Identity card",
    #[cfg(feature = "connections-ui")]
    doc_ownership: "Proof of ownership or lease",
    #[cfg(feature = "connections-ui")]
    doc_licence: "Business licence",
    #[cfg(feature = "connections-ui")]
    doc_legal_rep: "Legal representative's ID",
    #[cfg(feature = "connections-ui")]
    doc_parking: "Parking-space proof",
    #[cfg(feature = "connections-ui")]
    doc_consent: "Property management consent",
    #[cfg(feature = "connections-ui")]
    doc_other: "Other document",
    #[cfg(feature = "connections-ui")]
    step_what: "What you need",
    #[cfg(feature = "connections-ui")]
    step_contact: "Contact",
    #[cfg(feature = "connections-ui")]
    step_documents: "Documents",
    #[cfg(feature = "connections-ui")]
    step_review: "Review and submit",
    #[cfg(feature = "connections-ui")]
    next: "Next",
    #[cfg(feature = "connections-ui")]
    back: "Back",
    #[cfg(feature = "connections-ui")]
    submit_application: "Submit application",
    #[cfg(feature = "connections-ui")]
    submitting: "Submitting…",
    #[cfg(feature = "connections-ui")]
    service_account: "Service account",
    #[cfg(feature = "connections-ui")]
    new_premises: "A new premises (no account yet)",
    #[cfg(feature = "connections-ui")]
    choose: "Choose…",
    #[cfg(feature = "connections-ui")]
    documents_help: "Your identity card is enough to apply; send the others now or when we ask. PDF, JPEG or PNG, at most 5 MB each.",
    #[cfg(feature = "connections-ui")]
    uploading: "Uploading…",
    #[cfg(feature = "connections-ui")]
    uploaded: "Uploaded",
    #[cfg(feature = "connections-ui")]
    fix_step: "Please correct the fields marked below.",
    #[cfg(feature = "connections-ui")]
    progress: "Progress",
    #[cfg(feature = "connections-ui")]
    col_limit: "Time limit",
    #[cfg(feature = "connections-ui")]
    col_started: "Started",
    #[cfg(feature = "connections-ui")]
    col_done: "Done",
    #[cfg(feature = "connections-ui")]
    col_result: "Result",
    #[cfg(feature = "connections-ui")]
    waiting_title: "We need something from you",
    #[cfg(feature = "connections-ui")]
    respond: "Send to the utility",
    #[cfg(feature = "connections-ui")]
    message_optional: "Message (optional)",
    #[cfg(feature = "connections-ui")]
    cancel_application: "Cancel application",
    #[cfg(feature = "connections-ui")]
    history: "History",
    #[cfg(feature = "connections-ui")]
    documents_title: "Documents",
    #[cfg(feature = "connections-ui")]
    still_needed: "Still needed",
    #[cfg(feature = "connections-ui")]
    by_utility: "Utility",
    #[cfg(feature = "connections-ui")]
    by_you: "You",
    #[cfg(feature = "connections-ui")]
    by_customer: "Customer",
    #[cfg(feature = "connections-ui")]
    capacity_label: "Capacity",
    #[cfg(feature = "connections-ui")]
    voltage_label: "Supply voltage",
    #[cfg(feature = "connections-ui")]
    accepted_on: "Accepted",
    #[cfg(feature = "connections-ui")]
    all_stages: "All utility stages",
    #[cfg(feature = "connections-ui")]
    queue_title: "Connection work queue",
    #[cfg(feature = "connections-ui")]
    filter_stage: "Stage",
    #[cfg(feature = "connections-ui")]
    filter_category: "Category",
    #[cfg(feature = "connections-ui")]
    filter_overdue: "Only overdue",
    #[cfg(feature = "connections-ui")]
    all: "All",
    #[cfg(feature = "connections-ui")]
    queue_empty: "No open cases match.",
    #[cfg(feature = "connections-ui")]
    advance: "Finish this stage",
    #[cfg(feature = "connections-ui")]
    ask_customer: "Ask the customer",
    #[cfg(feature = "connections-ui")]
    reject: "Reject",
    #[cfg(feature = "connections-ui")]
    note_label: "Note",
    #[cfg(feature = "connections-ui")]
    show_to_customer: "Show this note to the customer",
    #[cfg(feature = "connections-ui")]
    staff_note: "staff only",
    #[cfg(feature = "connections-ui")]
    action_open: "Application filed",
    #[cfg(feature = "connections-ui")]
    action_advance: "Stage finished",
    #[cfg(feature = "connections-ui")]
    action_ask: "Asked the customer",
    #[cfg(feature = "connections-ui")]
    action_respond: "Customer answered",
    #[cfg(feature = "connections-ui")]
    action_reject: "Rejected",
    #[cfg(feature = "connections-ui")]
    action_cancel: "Cancelled",
    #[cfg(feature = "connections-ui")]
    working_days: |n| {
        if n == 1 {
            "1 working day".into()
        } else {
            format!("{n} working days")
        }
    },
    #[cfg(feature = "connections-ui")]
    used_of: |used, limit| format!("{used} of {limit} working days used"),
};

/// Simplified Chinese.
pub static ZH: Text = Text {
    app_name: "GridCare 网上营业厅",
    tagline: "用电账户、账单与服务，尽在网上。",
    skip_to_content: "跳到正文",
    main_menu: "主菜单",
    switch_language: "Switch to English",
    other_language: "English",
    loading: "正在加载…",
    colon: "：",
    retry: "重试",
    nav_overview: "首页",
    nav_bills: "账单",
    sign_in: "登录",
    signing_in: "正在登录…",
    sign_out: "退出登录",
    register: "注册账号",
    registering: "正在注册…",
    sign_in_title: "登录 GridCare",
    register_title: "注册 GridCare 账号",
    email: "邮箱",
    password: "密码",
    password_hint: "至少 10 个字符，可从密码管理器粘贴。",
    no_login_yet: "还没有账号？",
    have_login: "已有账号？",
    overview_title: "首页",
    greeting: |name| {
        if name.is_empty() {
            "欢迎".to_string()
        } else {
            format!("{name}，您好")
        }
    },
    balance_due: "应缴金额",
    nothing_due: "暂无欠费，谢谢！",
    next_due: "最近缴费截止日",
    latest_bill: "最新账单",
    no_bills_yet: "暂无账单。",
    view_bill: "查看账单",
    my_accounts: "我的用电户号",
    no_accounts: "此登录尚未绑定户号。",
    view_bills: "查看账单",
    bind_title: "绑定户号",
    bind_help: "请输入账单上的 10 位户号，以及预留手机号码的后 4 位。",
    account_number: "户号",
    phone_last4: "手机号后 4 位",
    bind: "绑定户号",
    binding: "正在绑定…",
    bound: |n| format!("户号 {n} 已绑定。"),
    bills_title: "账单",
    choose_account: "请选择户号查看账单。",
    bills_of: |n| format!("户号 {n} 的账单"),
    col_period: "账期",
    col_energy: "电量（千瓦时）",
    col_amount: "金额",
    col_due: "截止日",
    col_status: "状态",
    col_details: "详情",
    details: "详情",
    page_of: |p, n| format!("第 {p} 页，共 {n} 页"),
    previous_page: "上一页",
    next_page: "下一页",
    pages: "分页",
    bill_title: |m| format!("{m}账单"),
    back_to_bills: "返回账单列表",
    account: "户号",
    premise: "用电地址",
    tariff: "电价",
    meter: "电能表",
    period: "抄表周期",
    issued_on: "出账日期",
    due_on: "缴费截止日",
    status: "状态",
    total: "合计",
    paid: "已缴",
    balance: "待缴",
    readings: "抄表示数",
    register_col: "示数类型",
    reading_start: "上期示数",
    reading_end: "本期示数",
    estimated: "估抄",
    charges: "电费明细",
    col_item: "项目",
    col_price: "电价（元/千瓦时）",
    payments: "缴费记录",
    no_payments: "尚未收到缴费。",
    col_paid_at: "到账时间",
    col_channel: "渠道",
    col_reference: "流水号",
    tier_reset: |d| format!("阶梯电量将于{d}重新计算。"),
    not_found_title: "页面不存在",
    not_found_body: "此地址没有页面。",
    go_home: "返回首页",
    months: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    date: zh_date,
    month_year: zh_month_year,
    status_unpaid: "未缴费",
    status_partly_paid: "部分缴费",
    status_paid: "已缴清",
    status_overdue: "已逾期",
    line_tier1: "第一档",
    line_tier2: "第二档",
    line_tier3: "第三档",
    line_peak: "峰时段（08:00–22:00）",
    line_valley: "谷时段（22:00–08:00）",
    line_flat: "单一电价",
    register_total: "总",
    register_peak: "峰",
    register_valley: "谷",
    area_urban: "城市",
    area_rural: "农村",
    area_remote: "偏远地区",
    category_residential: "居民生活",
    category_business_lv: "低压工商业",
    category_business_hv: "高压工商业",
    channel_wechat: "微信支付",
    channel_alipay: "支付宝",
    channel_online_banking: "网上银行",
    channel_counter: "营业厅",
    err_not_signed_in: "请先登录。",
    err_forbidden: "您无权查看此内容。",
    err_not_found: "未找到该内容。",
    err_bad_credentials: "邮箱或密码不正确。",
    err_locked: |m| format!("失败次数过多，为保护账号安全已暂时锁定，请 {m} 分钟后再试。"),
    err_email_taken: "该邮箱已注册，请直接登录。",
    err_bind_mismatch: "户号与手机号后 4 位不匹配。",
    err_cross_site: "出于安全原因，请求被拒绝。请刷新页面后重试。",
    err_too_large: "提交的内容过多。",
    err_not_now: "当前环节不能进行此操作。",
    err_conflict: "内容刚被他人修改，请刷新页面后重试。",
    err_bad_request: "无法读取请求，请刷新页面后重试。",
    err_network: "无法连接 GridCare，请检查网络后重试。",
    err_internal: "系统出现问题，请稍后再试。",
    problem_required: "此项必填",
    problem_too_short: |n| format!("至少需要 {n} 个字符"),
    problem_too_long: |n| format!("最多 {n} 个字符"),
    problem_malformed: "格式不正确",
    problem_not_a_number: "必须是整数",
    problem_out_of_range: "超出范围",
    problem_not_allowed: "不在可选范围内",
    problem_missing: "缺少必需的内容",
    field_page: "页码",
    field_id: "页面地址",
    field_reading: "示数",
    field_kind: "业务类型",
    field_category: "用户类别",
    field_capacity: "容量（千瓦）",
    field_supply_voltage: "供电电压",
    field_premise_address: "用电地址",
    field_contact_name: "联系人",
    field_contact_phone: "联系电话",
    field_documents: "申请资料",
    field_request: "请求",
    field_note: "备注",
    field_file: "文件",
    #[cfg(feature = "connections-ui")]
    nav_applications: "业扩报装",
    #[cfg(feature = "connections-ui")]
    nav_queue: "工单队列",
    #[cfg(feature = "connections-ui")]
    apps_title: "我的用电申请",
    #[cfg(feature = "connections-ui")]
    apply_new: "申请用电",
    #[cfg(feature = "connections-ui")]
    no_apps: "暂无申请。",
    #[cfg(feature = "connections-ui")]
    col_number: "编号",
    #[cfg(feature = "connections-ui")]
    col_kind: "业务类型",
    #[cfg(feature = "connections-ui")]
    col_stage: "当前环节",
    #[cfg(feature = "connections-ui")]
    col_next_due: "下一截止日",
    #[cfg(feature = "connections-ui")]
    late: "已超期",
    #[cfg(feature = "connections-ui")]
    on_time: "按时",
    #[cfg(feature = "connections-ui")]
    in_progress: "办理中",
    #[cfg(feature = "connections-ui")]
    not_reached: "未开始",
    #[cfg(feature = "connections-ui")]
    kind_new_connection: "新装",
    #[cfg(feature = "connections-ui")]
    kind_capacity_increase: "增容",
    #[cfg(feature = "connections-ui")]
    kind_capacity_decrease: "减容",
    #[cfg(feature = "connections-ui")]
    kind_tariff_change: "改类（电价变更）",
    #[cfg(feature = "connections-ui")]
    kind_move_in: "过户迁入（开始用电）",
    #[cfg(feature = "connections-ui")]
    kind_move_out: "迁出（停止用电）",
    #[cfg(feature = "connections-ui")]
    kind_temporary_supply: "临时用电",
    #[cfg(feature = "connections-ui")]
    kind_ev_charger: "电动汽车充电桩",
    #[cfg(feature = "connections-ui")]
    cat_residential: "居民",
    #[cfg(feature = "connections-ui")]
    cat_lv_business: "低压非居民",
    #[cfg(feature = "connections-ui")]
    cat_hv_single: "高压单电源",
    #[cfg(feature = "connections-ui")]
    cat_hv_double: "高压双电源",
    #[cfg(feature = "connections-ui")]
    stage_application: "受理",
    #[cfg(feature = "connections-ui")]
    stage_site_survey: "现场勘查",
    #[cfg(feature = "connections-ui")]
    stage_supply_plan: "供电方案答复",
    #[cfg(feature = "connections-ui")]
    stage_design_review: "设计审核",
    #[cfg(feature = "connections-ui")]
    stage_mid_check: "中间检查",
    #[cfg(feature = "connections-ui")]
    stage_completion: "竣工检验",
    #[cfg(feature = "connections-ui")]
    stage_energise: "装表接电",
    #[cfg(feature = "connections-ui")]
    stage_archived: "归档",
    #[cfg(feature = "connections-ui")]
    state_in_progress: "办理中",
    #[cfg(feature = "connections-ui")]
    state_waiting: "待您补充",
    #[cfg(feature = "connections-ui")]
    state_completed: "已完成",
    #[cfg(feature = "connections-ui")]
    state_rejected: "已驳回",
    #[cfg(feature = "connections-ui")]
    state_cancelled: "已撤销",
    #[cfg(feature = "connections-ui")]
    doc_id_card: "身份证明",
    #[cfg(feature = "connections-ui")]
    doc_ownership: "产权或租赁证明",
    #[cfg(feature = "connections-ui")]
    doc_licence: "营业执照",
    #[cfg(feature = "connections-ui")]
    doc_legal_rep: "法定代表人身份证明",
    #[cfg(feature = "connections-ui")]
    doc_parking: "车位产权或使用证明",
    #[cfg(feature = "connections-ui")]
    doc_consent: "物业同意安装证明",
    #[cfg(feature = "connections-ui")]
    doc_other: "其他资料",
    #[cfg(feature = "connections-ui")]
    step_what: "申请内容",
    #[cfg(feature = "connections-ui")]
    step_contact: "联系方式",
    #[cfg(feature = "connections-ui")]
    step_documents: "申请资料",
    #[cfg(feature = "connections-ui")]
    step_review: "确认提交",
    #[cfg(feature = "connections-ui")]
    next: "下一步",
    #[cfg(feature = "connections-ui")]
    back: "上一步",
    #[cfg(feature = "connections-ui")]
    submit_application: "提交申请",
    #[cfg(feature = "connections-ui")]
    submitting: "正在提交…",
    #[cfg(feature = "connections-ui")]
    service_account: "用电户号",
    #[cfg(feature = "connections-ui")]
    new_premises: "新装（暂无户号）",
    #[cfg(feature = "connections-ui")]
    choose: "请选择…",
    #[cfg(feature = "connections-ui")]
    documents_help: "凭身份证明即可受理，其他资料可现在上传，也可在我们通知后补充。支持 PDF、JPEG、PNG，每个不超过 5 MB。",
    #[cfg(feature = "connections-ui")]
    uploading: "正在上传…",
    #[cfg(feature = "connections-ui")]
    uploaded: "已上传",
    #[cfg(feature = "connections-ui")]
    fix_step: "请修改下方标出的内容。",
    #[cfg(feature = "connections-ui")]
    progress: "办理进度",
    #[cfg(feature = "connections-ui")]
    col_limit: "时限",
    #[cfg(feature = "connections-ui")]
    col_started: "开始",
    #[cfg(feature = "connections-ui")]
    col_done: "完成",
    #[cfg(feature = "connections-ui")]
    col_result: "结果",
    #[cfg(feature = "connections-ui")]
    waiting_title: "需要您补充",
    #[cfg(feature = "connections-ui")]
    respond: "提交给供电公司",
    #[cfg(feature = "connections-ui")]
    message_optional: "留言（可选）",
    #[cfg(feature = "connections-ui")]
    cancel_application: "撤销申请",
    #[cfg(feature = "connections-ui")]
    history: "办理记录",
    #[cfg(feature = "connections-ui")]
    documents_title: "申请资料",
    #[cfg(feature = "connections-ui")]
    still_needed: "尚需提供",
    #[cfg(feature = "connections-ui")]
    by_utility: "供电公司",
    #[cfg(feature = "connections-ui")]
    by_you: "您",
    #[cfg(feature = "connections-ui")]
    by_customer: "客户",
    #[cfg(feature = "connections-ui")]
    capacity_label: "容量",
    #[cfg(feature = "connections-ui")]
    voltage_label: "供电电压",
    #[cfg(feature = "connections-ui")]
    accepted_on: "受理日期",
    #[cfg(feature = "connections-ui")]
    all_stages: "供电企业各环节合计",
    #[cfg(feature = "connections-ui")]
    queue_title: "业扩报装工单",
    #[cfg(feature = "connections-ui")]
    filter_stage: "环节",
    #[cfg(feature = "connections-ui")]
    filter_category: "用户类别",
    #[cfg(feature = "connections-ui")]
    filter_overdue: "仅显示超期",
    #[cfg(feature = "connections-ui")]
    all: "全部",
    #[cfg(feature = "connections-ui")]
    queue_empty: "没有符合条件的在办工单。",
    #[cfg(feature = "connections-ui")]
    advance: "完成本环节",
    #[cfg(feature = "connections-ui")]
    ask_customer: "要求客户补充",
    #[cfg(feature = "connections-ui")]
    reject: "驳回",
    #[cfg(feature = "connections-ui")]
    note_label: "备注",
    #[cfg(feature = "connections-ui")]
    show_to_customer: "客户可见",
    #[cfg(feature = "connections-ui")]
    staff_note: "仅内部可见",
    #[cfg(feature = "connections-ui")]
    action_open: "提交申请",
    #[cfg(feature = "connections-ui")]
    action_advance: "环节完成",
    #[cfg(feature = "connections-ui")]
    action_ask: "要求补充",
    #[cfg(feature = "connections-ui")]
    action_respond: "客户已补充",
    #[cfg(feature = "connections-ui")]
    action_reject: "驳回",
    #[cfg(feature = "connections-ui")]
    action_cancel: "撤销",
    #[cfg(feature = "connections-ui")]
    working_days: |n| format!("{n} 个工作日"),
    #[cfg(feature = "connections-ui")]
    used_of: |used, limit| format!("已用 {used} / {limit} 个工作日"),
};

impl Text {
    /// A date such as `2 December 2026` or `2026年12月2日`.
    pub fn date(&self, d: NaiveDate) -> String {
        (self.date)(d, &self.months)
    }

    /// A month such as `October 2026` or `2026年10月`.
    pub fn month_year(&self, d: NaiveDate) -> String {
        (self.month_year)(d, &self.months)
    }

    /// A bill's status.
    pub fn bill_status(&self, s: BillStatus) -> &'static str {
        match s {
            BillStatus::Unpaid => self.status_unpaid,
            BillStatus::PartlyPaid => self.status_partly_paid,
            BillStatus::Paid => self.status_paid,
            BillStatus::Overdue => self.status_overdue,
        }
    }

    /// A bill line's name.
    pub fn line_kind(&self, k: LineKind) -> &'static str {
        match k {
            LineKind::Tier1 => self.line_tier1,
            LineKind::Tier2 => self.line_tier2,
            LineKind::Tier3 => self.line_tier3,
            LineKind::Peak => self.line_peak,
            LineKind::Valley => self.line_valley,
            LineKind::Flat => self.line_flat,
        }
    }

    /// A meter register's name.
    pub fn register_name<'a>(&self, r: &'a str) -> &'a str {
        match r {
            "total" => self.register_total,
            "peak" => self.register_peak,
            "valley" => self.register_valley,
            other => other,
        }
    }

    /// A payment channel's name.
    pub fn channel<'a>(&self, c: &'a str) -> &'a str {
        match c {
            "wechat" => self.channel_wechat,
            "alipay" => self.channel_alipay,
            "online_banking" => self.channel_online_banking,
            "counter" => self.channel_counter,
            other => other,
        }
    }

    /// An area class.
    pub fn area(&self, a: AreaClass) -> &'static str {
        match a {
            AreaClass::Urban => self.area_urban,
            AreaClass::Rural => self.area_rural,
            AreaClass::Remote => self.area_remote,
        }
    }

    /// A customer category.
    pub fn category(&self, c: CustomerCategory) -> &'static str {
        match c {
            CustomerCategory::Residential => self.category_residential,
            CustomerCategory::BusinessLowVoltage => self.category_business_lv,
            CustomerCategory::BusinessHighVoltage => self.category_business_hv,
        }
    }

    /// A request kind's name.
    #[cfg(feature = "connections-ui")]
    pub fn request_kind(&self, k: RequestKind) -> &'static str {
        match k {
            RequestKind::NewConnection => self.kind_new_connection,
            RequestKind::CapacityIncrease => self.kind_capacity_increase,
            RequestKind::CapacityDecrease => self.kind_capacity_decrease,
            RequestKind::TariffChange => self.kind_tariff_change,
            RequestKind::MoveIn => self.kind_move_in,
            RequestKind::MoveOut => self.kind_move_out,
            RequestKind::TemporarySupply => self.kind_temporary_supply,
            RequestKind::EvCharger => self.kind_ev_charger,
        }
    }

    /// A supply category's name.
    #[cfg(feature = "connections-ui")]
    pub fn supply_category(&self, c: SupplyCategory) -> &'static str {
        match c {
            SupplyCategory::Residential => self.cat_residential,
            SupplyCategory::LowVoltageBusiness => self.cat_lv_business,
            SupplyCategory::HighVoltageSingle => self.cat_hv_single,
            SupplyCategory::HighVoltageDouble => self.cat_hv_double,
        }
    }

    /// A stage's name.
    #[cfg(feature = "connections-ui")]
    pub fn stage(&self, s: Stage) -> &'static str {
        match s {
            Stage::Application => self.stage_application,
            Stage::SiteSurvey => self.stage_site_survey,
            Stage::SupplyPlan => self.stage_supply_plan,
            Stage::DesignReview => self.stage_design_review,
            Stage::MidConstructionCheck => self.stage_mid_check,
            Stage::CompletionInspection => self.stage_completion,
            Stage::MeterAndEnergise => self.stage_energise,
            Stage::Archived => self.stage_archived,
        }
    }

    /// A case state's name (stored names as the server sends them).
    #[cfg(feature = "connections-ui")]
    pub fn case_state<'a>(&self, s: &'a str) -> &'a str {
        match s {
            "in_progress" => self.state_in_progress,
            "waiting_on_customer" => self.state_waiting,
            "completed" => self.state_completed,
            "rejected" => self.state_rejected,
            "cancelled" => self.state_cancelled,
            other => other,
        }
    }

    /// A document kind's name (stored names).
    #[cfg(feature = "connections-ui")]
    pub fn document_kind<'a>(&self, k: &'a str) -> &'a str {
        match DocumentKind::from_stored(k) {
            Some(DocumentKind::IdCard) => self.doc_id_card,
            Some(DocumentKind::ProofOfOwnership) => self.doc_ownership,
            Some(DocumentKind::BusinessLicence) => self.doc_licence,
            Some(DocumentKind::LegalRepresentativeId) => self.doc_legal_rep,
            Some(DocumentKind::ParkingSpaceProof) => self.doc_parking,
            Some(DocumentKind::PropertyConsent) => self.doc_consent,
            Some(DocumentKind::Other) => self.doc_other,
            None => k,
        }
    }

    /// What happened in a case event (stored action names).
    #[cfg(feature = "connections-ui")]
    pub fn case_action<'a>(&self, a: &'a str) -> &'a str {
        match a {
            "open" => self.action_open,
            "advance" => self.action_advance,
            "ask_customer" => self.action_ask,
            "customer_responded" => self.action_respond,
            "reject" => self.action_reject,
            "cancel" => self.action_cancel,
            other => other,
        }
    }

    /// The label a person sees for a field.
    pub fn field(&self, f: Field) -> &'static str {
        match f {
            Field::Email => self.email,
            Field::Password => self.password,
            Field::AccountNumber => self.account_number,
            Field::PhoneLast4 => self.phone_last4,
            Field::AccountId | Field::BillId => self.field_id,
            Field::Page => self.field_page,
            Field::Reading => self.field_reading,
            Field::Kind => self.field_kind,
            Field::Category => self.field_category,
            Field::Capacity => self.field_capacity,
            Field::SupplyVoltage => self.field_supply_voltage,
            Field::PremiseAddress => self.field_premise_address,
            Field::ContactName => self.field_contact_name,
            Field::ContactPhone => self.field_contact_phone,
            Field::Documents => self.field_documents,
            Field::CaseId => self.field_id,
            Field::IdempotencyKey => self.field_request,
            Field::Note => self.field_note,
            Field::File => self.field_file,
        }
    }

    /// Why a field was refused, without the field's name.
    pub fn problem(&self, p: Problem) -> String {
        match p {
            Problem::Required => self.problem_required.into(),
            Problem::TooShort { min } => (self.problem_too_short)(min),
            Problem::TooLong { max } => (self.problem_too_long)(max),
            Problem::Malformed => self.problem_malformed.into(),
            Problem::NotANumber => self.problem_not_a_number.into(),
            Problem::OutOfRange { .. } => self.problem_out_of_range.into(),
            Problem::NotAllowed => self.problem_not_allowed.into(),
            Problem::Missing => self.problem_missing.into(),
        }
    }

    /// A refused field: `Email: this field is required`.
    pub fn field_error(&self, e: FieldError) -> String {
        format!(
            "{}{}{}",
            self.field(e.field),
            self.colon,
            self.problem(e.problem)
        )
    }

    /// An error as a sentence for people.
    pub fn error(&self, e: &ApiError) -> String {
        match e {
            ApiError::NotSignedIn => self.err_not_signed_in.into(),
            ApiError::Forbidden => self.err_forbidden.into(),
            ApiError::NotFound => self.err_not_found.into(),
            ApiError::Invalid(f) => self.field_error(*f),
            ApiError::BadCredentials => self.err_bad_credentials.into(),
            ApiError::Locked { minutes } => (self.err_locked)(*minutes),
            ApiError::EmailTaken => self.err_email_taken.into(),
            ApiError::BindMismatch => self.err_bind_mismatch.into(),
            ApiError::CrossSite => self.err_cross_site.into(),
            ApiError::TooLarge => self.err_too_large.into(),
            ApiError::NotNow { .. } => self.err_not_now.into(),
            ApiError::Conflict => self.err_conflict.into(),
            ApiError::BadRequest { .. } => self.err_bad_request.into(),
            ApiError::Network { .. } => self.err_network.into(),
            ApiError::Internal => self.err_internal.into(),
        }
    }
}

/// The chosen language, shared by every component.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The current strings (tracked).
    pub fn t(&self) -> &'static Text {
        self.lang.get().text()
    }

    /// Switches language, remembers it, and tells the document.
    pub fn set(&self, lang: Lang) {
        self.lang.set(lang);
        crate::ui::browser::store_language(lang);
        crate::ui::browser::apply_language(lang);
    }
}

/// Provides the language picked before, else the browser's.
pub fn provide_i18n() -> I18n {
    let lang = crate::ui::browser::initial_language();
    crate::ui::browser::apply_language(lang);
    let i18n = I18n {
        lang: RwSignal::new(lang),
    };
    provide_context(i18n);
    i18n
}

/// The language context.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

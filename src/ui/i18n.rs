//! Every visible string, in English and Simplified Chinese. The `Text` struct makes a missing
//! translation a compile error: both tables must fill every field.

use crate::api::ApiError;
use crate::domain::application::DocumentKind;
use crate::domain::connection::{RequestKind, Stage, SupplyCategory};
use crate::domain::feedback::{Commitment, FeedbackKind, FeedbackState, JobKind, RatingTag};
use crate::domain::repair::{
    FaultKind, OutageKind, OutagePhase, Promise, TicketAction, TicketState,
};
use crate::domain::{
    AreaClass, BillStatus, CustomerCategory, Field, FieldError, LineKind, Problem,
};
use chrono::{Datelike, NaiveDate, Timelike};
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
    pub field_description: &'static str,
    pub field_danger: &'static str,
    pub field_photo: &'static str,
    pub field_action: &'static str,
    pub field_crew: &'static str,
    pub field_eta: &'static str,
    pub field_outage: &'static str,
    pub field_area: &'static str,
    pub field_reason: &'static str,
    pub field_starts_at: &'static str,
    pub field_expected_end: &'static str,
    pub field_ended: &'static str,
    pub field_job: &'static str,
    pub field_stars: &'static str,
    pub field_tags: &'static str,
    pub field_comment: &'static str,
    pub field_topic: &'static str,
    pub field_satisfied: &'static str,
    pub problem_too_soon: &'static str,
    pub nav_applications: &'static str,
    pub nav_queue: &'static str,
    pub apps_title: &'static str,
    pub apply_new: &'static str,
    pub no_apps: &'static str,
    pub col_number: &'static str,
    pub col_kind: &'static str,
    pub col_stage: &'static str,
    pub col_next_due: &'static str,
    pub late: &'static str,
    pub on_time: &'static str,
    pub in_progress: &'static str,
    pub not_reached: &'static str,
    pub kind_new_connection: &'static str,
    pub kind_capacity_increase: &'static str,
    pub kind_capacity_decrease: &'static str,
    pub kind_tariff_change: &'static str,
    pub kind_move_in: &'static str,
    pub kind_move_out: &'static str,
    pub kind_temporary_supply: &'static str,
    pub kind_ev_charger: &'static str,
    pub cat_residential: &'static str,
    pub cat_lv_business: &'static str,
    pub cat_hv_single: &'static str,
    pub cat_hv_double: &'static str,
    pub stage_application: &'static str,
    pub stage_site_survey: &'static str,
    pub stage_supply_plan: &'static str,
    pub stage_design_review: &'static str,
    pub stage_mid_check: &'static str,
    pub stage_completion: &'static str,
    pub stage_energise: &'static str,
    pub stage_archived: &'static str,
    pub state_in_progress: &'static str,
    pub state_waiting: &'static str,
    pub state_completed: &'static str,
    pub state_rejected: &'static str,
    pub state_cancelled: &'static str,
    pub doc_id_card: &'static str,
    pub doc_ownership: &'static str,
    pub doc_licence: &'static str,
    pub doc_legal_rep: &'static str,
    pub doc_parking: &'static str,
    pub doc_consent: &'static str,
    pub doc_other: &'static str,
    pub step_what: &'static str,
    pub step_contact: &'static str,
    pub step_documents: &'static str,
    pub step_review: &'static str,
    pub next: &'static str,
    pub back: &'static str,
    pub submit_application: &'static str,
    pub submitting: &'static str,
    pub service_account: &'static str,
    pub new_premises: &'static str,
    pub choose: &'static str,
    pub documents_help: &'static str,
    pub uploading: &'static str,
    pub uploaded: &'static str,
    pub fix_step: &'static str,
    pub progress: &'static str,
    pub col_limit: &'static str,
    pub col_started: &'static str,
    pub col_done: &'static str,
    pub col_result: &'static str,
    pub waiting_title: &'static str,
    pub respond: &'static str,
    pub message_optional: &'static str,
    pub cancel_application: &'static str,
    pub history: &'static str,
    pub documents_title: &'static str,
    pub still_needed: &'static str,
    pub by_utility: &'static str,
    pub by_you: &'static str,
    pub by_customer: &'static str,
    pub capacity_label: &'static str,
    pub voltage_label: &'static str,
    pub accepted_on: &'static str,
    pub all_stages: &'static str,
    pub queue_title: &'static str,
    pub filter_stage: &'static str,
    pub filter_category: &'static str,
    pub filter_overdue: &'static str,
    pub all: &'static str,
    pub queue_empty: &'static str,
    pub advance: &'static str,
    pub ask_customer: &'static str,
    pub reject: &'static str,
    pub note_label: &'static str,
    pub show_to_customer: &'static str,
    pub staff_note: &'static str,
    pub action_open: &'static str,
    pub action_advance: &'static str,
    pub action_ask: &'static str,
    pub action_respond: &'static str,
    pub action_reject: &'static str,
    pub action_cancel: &'static str,
    pub working_days: fn(u32) -> String,
    pub nav_repairs: &'static str,
    pub nav_outages: &'static str,
    pub nav_tickets: &'static str,
    pub tickets_title: &'static str,
    pub report_fault: &'static str,
    pub no_tickets: &'static str,
    pub fault_no_power: &'static str,
    pub fault_partial: &'static str,
    pub fault_voltage: &'static str,
    pub fault_damaged: &'static str,
    pub fault_hazard: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub safety_title: &'static str,
    pub safety_advice: &'static str,
    pub outage_here_title: &'static str,
    pub outage_here_help: &'static str,
    pub follow_outage: &'static str,
    pub send_report: &'static str,
    pub photo_optional: &'static str,
    pub ticket_reported: &'static str,
    pub ticket_dispatched: &'static str,
    pub ticket_on_the_way: &'static str,
    pub ticket_on_site: &'static str,
    pub ticket_restored: &'static str,
    pub ticket_closed: &'static str,
    pub ticket_merged: &'static str,
    pub ticket_cancelled: &'static str,
    pub arrival_label: &'static str,
    pub restoration_label: &'static str,
    pub promise_met: &'static str,
    pub promise_missed: &'static str,
    pub promise_void: &'static str,
    pub due_by: &'static str,
    pub crew_label: &'static str,
    pub eta_label: &'static str,
    pub reported_label: &'static str,
    pub cancel_ticket: &'static str,
    pub updates_itself: &'static str,
    pub outages_title: &'static str,
    pub no_outages: &'static str,
    pub your_area: &'static str,
    pub outage_planned: &'static str,
    pub outage_temporary: &'static str,
    pub outage_fault: &'static str,
    pub outage_shortfall: &'static str,
    pub phase_current: &'static str,
    pub phase_upcoming: &'static str,
    pub phase_ended: &'static str,
    pub ticket_queue_title: &'static str,
    pub no_open_tickets: &'static str,
    pub act_dispatch: &'static str,
    pub act_depart: &'static str,
    pub act_arrive: &'static str,
    pub act_restore: &'static str,
    pub act_close: &'static str,
    pub act_merge: &'static str,
    pub history_report: &'static str,
    pub publish_notice: &'static str,
    pub new_notice: &'static str,
    pub mark_power_back: &'static str,
    pub edit_notice: &'static str,
    pub save_notice: &'static str,
    pub saved: &'static str,
    pub nav_feedback_queue: &'static str,
    pub nav_dashboard: &'static str,
    pub feedback_queue_title: &'static str,
    pub no_open_feedback: &'static str,
    pub fb_complaint: &'static str,
    pub fb_report: &'static str,
    pub fb_suggestion: &'static str,
    pub fb_praise: &'static str,
    pub fb_open: &'static str,
    pub fb_contacted: &'static str,
    pub fb_answered: &'static str,
    pub fb_closed: &'static str,
    pub fb_filed: &'static str,
    pub fb_satisfied: &'static str,
    pub fb_not_satisfied: &'static str,
    pub topic_billing: &'static str,
    pub topic_meter_reading: &'static str,
    pub topic_power_supply: &'static str,
    pub topic_staff_conduct: &'static str,
    pub topic_connection: &'static str,
    pub topic_other: &'static str,
    pub contact_due: &'static str,
    pub reply_due: &'static str,
    pub act_log_contact: &'static str,
    pub act_reply: &'static str,
    pub act_close_case: &'static str,
    pub reply_label: &'static str,
    pub dashboard_title: &'static str,
    pub range_from: &'static str,
    pub range_to: &'static str,
    pub show_figures: &'static str,
    pub download_csv: &'static str,
    pub satisfaction_label: &'static str,
    pub average_stars: &'static str,
    pub ratings_count: &'static str,
    pub on_time_title: &'static str,
    pub commitment_label: &'static str,
    pub met_of: &'static str,
    pub share_label: &'static str,
    pub by_month_title: &'static str,
    pub by_area_title: &'static str,
    pub by_category_title: &'static str,
    pub at_risk_title: &'static str,
    pub no_at_risk: &'static str,
    pub c_repair_arrival: &'static str,
    pub c_repair_restoration: &'static str,
    pub c_connection_total: &'static str,
    pub c_complaint_contact: &'static str,
    pub c_complaint_reply: &'static str,
    pub past: &'static str,
    pub near: &'static str,
    pub chart_satisfaction_desc: &'static str,
    pub rate_title: &'static str,
    pub tag_speed: &'static str,
    pub tag_attitude: &'static str,
    pub tag_explanation: &'static str,
    pub tag_result: &'static str,
    pub send_rating: &'static str,
    pub rating_saved: &'static str,
    pub rating_final: &'static str,
    pub rate_invite_title: &'static str,
    pub rate_invite_help: &'static str,
    pub job_repair: &'static str,
    pub job_connection: &'static str,
    pub job_complaint: &'static str,
    pub stars_n: fn(u8) -> String,
    pub minutes_left: fn(i64) -> String,
    pub time: fn(i64) -> String,
    pub used_of: fn(u32, u32) -> String,
    pub nav_feedback: &'static str,
    pub feedback_title: &'static str,
    pub give_feedback: &'static str,
    pub no_feedback: &'static str,
    pub feedback_intro: &'static str,
    pub field_feedback_kind: &'static str,
    pub field_feedback_topic: &'static str,
    pub field_feedback_account: &'static str,
    pub field_feedback_text: &'static str,
    pub feedback_text_hint: &'static str,
    pub attachments_optional: &'static str,
    pub about_job: &'static str,
    pub complaint_deadlines_help: &'static str,
    pub send_feedback: &'static str,
    pub choose_none: &'static str,
    pub received_label: &'static str,
    pub our_reply: &'static str,
    pub no_reply_yet: &'static str,
    pub confirm_title: &'static str,
    pub confirm_yes: &'static str,
    pub confirm_no: &'static str,
    pub confirm_reason: &'static str,
    pub send_confirmation: &'static str,
    pub confirm_closed: &'static str,
    pub confirm_reopened: &'static str,
    pub attachments_label: &'static str,
    pub complain_about_job: &'static str,
    pub round_label: &'static str,
    pub reopened_round: fn(i64) -> String,
    pub deadline_running: fn(&str, i64) -> String,
    pub deadline_done: fn(&str, &str) -> String,
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

/// The utility's local time (UTC+8) of a unix instant.
fn local(unix: i64) -> chrono::NaiveDateTime {
    chrono::DateTime::from_timestamp(unix + crate::domain::repair::UTILITY_OFFSET_SECS, 0)
        .unwrap_or_default()
        .naive_utc()
}

fn en_time(unix: i64) -> String {
    let t = local(unix);
    format!(
        "{} {} {}, {:02}:{:02}",
        t.day(),
        EN.months[t.month0() as usize],
        t.year(),
        t.hour(),
        t.minute()
    )
}

fn zh_time(unix: i64) -> String {
    let t = local(unix);
    format!(
        "{}年{}月{}日 {:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
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
    field_description: "What happened",
    field_danger: "Is anyone in danger?",
    field_photo: "Photo",
    field_action: "Action",
    field_crew: "Crew",
    field_eta: "Expected arrival (minutes)",
    field_outage: "Outage",
    field_area: "Area",
    field_reason: "Reason",
    field_starts_at: "Starts",
    field_expected_end: "Expected end",
    field_ended: "Power is back",
    field_job: "Job",
    field_stars: "Stars",
    field_tags: "What stood out",
    field_comment: "Comment",
    field_topic: "Topic",
    field_satisfied: "Are you satisfied?",
    problem_too_soon: "is too soon: a planned outage must be announced at least 7 days ahead; otherwise mark it temporary or a fault and give the reason",
    nav_applications: "Applications",
    nav_queue: "Work queue",
    apps_title: "My applications",
    apply_new: "Apply for a connection",
    no_apps: "You have no applications yet.",
    col_number: "Number",
    col_kind: "Request",
    col_stage: "Stage",
    col_next_due: "Next deadline",
    late: "Late",
    on_time: "On time",
    in_progress: "In progress",
    not_reached: "Not reached",
    kind_new_connection: "New connection",
    kind_capacity_increase: "Capacity increase",
    kind_capacity_decrease: "Capacity decrease",
    kind_tariff_change: "Tariff change",
    kind_move_in: "Move in (start service)",
    kind_move_out: "Move out (stop service)",
    kind_temporary_supply: "Temporary supply",
    kind_ev_charger: "EV charger",
    cat_residential: "Residential",
    cat_lv_business: "Low-voltage business",
    cat_hv_single: "High voltage, single supply",
    cat_hv_double: "High voltage, double supply",
    stage_application: "Application accepted",
    stage_site_survey: "Site survey",
    stage_supply_plan: "Supply plan reply",
    stage_design_review: "Design review",
    stage_mid_check: "Mid-construction check",
    stage_completion: "Completion inspection",
    stage_energise: "Meter installed and power on",
    stage_archived: "Done",
    state_in_progress: "In progress",
    state_waiting: "Waiting for you",
    state_completed: "Completed",
    state_rejected: "Rejected",
    state_cancelled: "Cancelled",
    doc_id_card: "Identity card",
    doc_ownership: "Proof of ownership or lease",
    doc_licence: "Business licence",
    doc_legal_rep: "Legal representative's ID",
    doc_parking: "Parking-space proof",
    doc_consent: "Property management consent",
    doc_other: "Other document",
    step_what: "What you need",
    step_contact: "Contact",
    step_documents: "Documents",
    step_review: "Review and submit",
    next: "Next",
    back: "Back",
    submit_application: "Submit application",
    submitting: "Submitting…",
    service_account: "Service account",
    new_premises: "A new premises (no account yet)",
    choose: "Choose…",
    documents_help: "Your identity card is enough to apply; send the others now or when we ask. PDF, JPEG or PNG, at most 5 MB each.",
    uploading: "Uploading…",
    uploaded: "Uploaded",
    fix_step: "Please correct the fields marked below.",
    progress: "Progress",
    col_limit: "Time limit",
    col_started: "Started",
    col_done: "Done",
    col_result: "Result",
    waiting_title: "We need something from you",
    respond: "Send to the utility",
    message_optional: "Message (optional)",
    cancel_application: "Cancel application",
    history: "History",
    documents_title: "Documents",
    still_needed: "Still needed",
    by_utility: "Utility",
    by_you: "You",
    by_customer: "Customer",
    capacity_label: "Capacity",
    voltage_label: "Supply voltage",
    accepted_on: "Accepted",
    all_stages: "All utility stages",
    queue_title: "Connection work queue",
    filter_stage: "Stage",
    filter_category: "Category",
    filter_overdue: "Only overdue",
    all: "All",
    queue_empty: "No open cases match.",
    advance: "Finish this stage",
    ask_customer: "Ask the customer",
    reject: "Reject",
    note_label: "Note",
    show_to_customer: "Show this note to the customer",
    staff_note: "staff only",
    action_open: "Application filed",
    action_advance: "Stage finished",
    action_ask: "Asked the customer",
    action_respond: "Customer answered",
    action_reject: "Rejected",
    action_cancel: "Cancelled",
    working_days: |n| {
        if n == 1 {
            "1 working day".into()
        } else {
            format!("{n} working days")
        }
    },
    used_of: |used, limit| format!("{used} of {limit} working days used"),
    nav_repairs: "Repairs",
    nav_outages: "Outages",
    nav_tickets: "Repair tickets",
    tickets_title: "My repair tickets",
    report_fault: "Report a fault",
    no_tickets: "You have no repair tickets.",
    fault_no_power: "No power at all",
    fault_partial: "Part of the premises has no power",
    fault_voltage: "Voltage too low or too high, or flickering",
    fault_damaged: "Damaged meter or line",
    fault_hazard: "Safety hazard: wire down, sparks",
    yes: "Yes",
    no: "No",
    safety_title: "Stay safe",
    safety_advice: "Keep away from the wire or equipment and keep others away. Call the 95598 hotline now: a crew comes at once.",
    outage_here_title: "There is a known outage at this address",
    outage_here_help: "We already know about it and crews are working on it: you do not need to report it. If your problem is different, you can still send a report below.",
    follow_outage: "Follow this outage",
    send_report: "Send report",
    photo_optional: "Photo (optional)",
    ticket_reported: "Reported",
    ticket_dispatched: "Crew dispatched",
    ticket_on_the_way: "Crew on the way",
    ticket_on_site: "Crew on site",
    ticket_restored: "Power restored",
    ticket_closed: "Closed",
    ticket_merged: "Part of an area outage",
    ticket_cancelled: "Cancelled",
    arrival_label: "Crew arrival",
    restoration_label: "Power back",
    promise_met: "met",
    promise_missed: "missed",
    promise_void: "no longer measured",
    due_by: "due by",
    crew_label: "Crew",
    eta_label: "Expected arrival",
    reported_label: "Reported",
    cancel_ticket: "Cancel report",
    updates_itself: "This page updates by itself every few seconds.",
    outages_title: "Outage notices",
    no_outages: "There are no current or planned outages.",
    your_area: "Your area",
    outage_planned: "Planned work",
    outage_temporary: "Temporary maintenance",
    outage_fault: "Grid fault",
    outage_shortfall: "Supply shortfall",
    phase_current: "Now",
    phase_upcoming: "Coming",
    phase_ended: "Over",
    ticket_queue_title: "Repair tickets",
    no_open_tickets: "No open tickets.",
    act_dispatch: "Dispatch",
    act_depart: "Crew set out",
    act_arrive: "Crew on site",
    act_restore: "Power restored",
    act_close: "Close ticket",
    act_merge: "Merge into outage",
    history_report: "Reported",
    publish_notice: "Publish notice",
    new_notice: "New outage notice",
    mark_power_back: "Mark power back",
    edit_notice: "Edit notice",
    save_notice: "Save changes",
    saved: "Saved.",
    nav_feedback_queue: "Feedback",
    nav_dashboard: "Dashboard",
    feedback_queue_title: "Feedback cases",
    no_open_feedback: "No cases to act on.",
    fb_complaint: "Complaint",
    fb_report: "Report",
    fb_suggestion: "Suggestion",
    fb_praise: "Praise",
    fb_open: "Received",
    fb_contacted: "Customer contacted",
    fb_answered: "Answered",
    fb_closed: "Closed",
    fb_filed: "Filed",
    fb_satisfied: "Customer satisfied",
    fb_not_satisfied: "Customer not satisfied: reopened",
    topic_billing: "Billing",
    topic_meter_reading: "Meter reading",
    topic_power_supply: "Power supply",
    topic_staff_conduct: "Staff conduct",
    topic_connection: "Connection",
    topic_other: "Other",
    contact_due: "Contact the customer by",
    reply_due: "Reply by",
    act_log_contact: "Log the contact",
    act_reply: "Send reply",
    act_close_case: "Close case",
    reply_label: "Reply",
    dashboard_title: "Service supervision",
    range_from: "From",
    range_to: "To",
    show_figures: "Show",
    download_csv: "Download CSV",
    satisfaction_label: "Satisfaction (4–5 stars)",
    average_stars: "Average stars",
    ratings_count: "Ratings",
    on_time_title: "On time, per commitment",
    commitment_label: "Commitment",
    met_of: "Met",
    share_label: "Share",
    by_month_title: "By month",
    by_area_title: "By area class",
    by_category_title: "By category",
    at_risk_title: "Open cases near or past their deadline",
    no_at_risk: "None.",
    c_repair_arrival: "Repair: crew on site",
    c_repair_restoration: "Repair: power back",
    c_connection_total: "Connection: all utility stages",
    c_complaint_contact: "Complaint: customer contacted",
    c_complaint_reply: "Complaint: reply",
    past: "Past",
    near: "Near",
    chart_satisfaction_desc: "Bars show the share of 4–5 star ratings each month; the table below has the same numbers.",
    rate_title: "Rate this service",
    tag_speed: "Speed",
    tag_attitude: "Attitude",
    tag_explanation: "Explanation",
    tag_result: "Result",
    send_rating: "Send rating",
    rating_saved: "Thank you: your rating is saved.",
    rating_final: "Ratings can be changed for 7 days.",
    rate_invite_title: "How did we do?",
    rate_invite_help: "These jobs finished in the last 30 days. Your stars tell us what to improve.",
    job_repair: "Repair",
    job_connection: "Application",
    job_complaint: "Complaint",
    stars_n: |n| {
        if n == 1 {
            "1 star".into()
        } else {
            format!("{n} stars")
        }
    },
    minutes_left: |n| {
        if n == 1 {
            "1 minute left".into()
        } else {
            format!("{n} minutes left")
        }
    },
    time: en_time,
    nav_feedback: "Feedback",
    feedback_title: "My feedback",
    give_feedback: "Give feedback",
    no_feedback: "You have not sent us any feedback yet.",
    feedback_intro: "Tell us about a problem, report misconduct, suggest an improvement or praise good service. Complaints are answered within published time limits.",
    field_feedback_kind: "Type of feedback",
    field_feedback_topic: "What it is about",
    field_feedback_account: "Service account (optional)",
    field_feedback_text: "Tell us what happened",
    feedback_text_hint: "10 to 1000 characters.",
    attachments_optional: "Attachments (optional): up to 5 files; PDF, JPEG or PNG, at most 5 MB each",
    about_job: "About",
    complaint_deadlines_help: "A complaint gets a call back and a written reply; the case page shows the date for each once it is sent.",
    send_feedback: "Send feedback",
    choose_none: "None",
    received_label: "Received",
    our_reply: "Our reply",
    no_reply_yet: "We have not replied yet.",
    confirm_title: "Are you satisfied with our answer?",
    confirm_yes: "Yes, satisfied",
    confirm_no: "No, not satisfied",
    confirm_reason: "What is still wrong?",
    send_confirmation: "Send answer",
    confirm_closed: "Thank you: the case is closed.",
    confirm_reopened: "The case is open again: we will contact you and reply by the new dates.",
    attachments_label: "Attachments",
    complain_about_job: "Complaint or comment about this job",
    round_label: "Round",
    reopened_round: |n| {
        if n > 1 {
            format!("{n} (reopened)")
        } else {
            n.to_string()
        }
    },
    deadline_running: |due, n| match n {
        0 => format!("{due} · due today"),
        1 => format!("{due} · 1 day left"),
        n => format!("{due} · {n} days left"),
    },
    deadline_done: |due, done| format!("{due} · done {done}"),
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
    field_description: "故障情况",
    field_danger: "是否有人身危险？",
    field_photo: "照片",
    field_action: "操作",
    field_crew: "抢修班组",
    field_eta: "预计到达（分钟）",
    field_outage: "停电事件",
    field_area: "停电区域",
    field_reason: "停电原因",
    field_starts_at: "开始时间",
    field_expected_end: "预计恢复时间",
    field_ended: "已恢复送电",
    field_job: "业务",
    field_stars: "评分",
    field_tags: "印象",
    field_comment: "评价内容",
    field_topic: "类别",
    field_satisfied: "是否满意？",
    problem_too_soon: "过早：计划停电须至少提前 7 天公告，否则请标为临时停电或故障停电并说明原因",
    nav_applications: "业扩报装",
    nav_queue: "工单队列",
    apps_title: "我的用电申请",
    apply_new: "申请用电",
    no_apps: "暂无申请。",
    col_number: "编号",
    col_kind: "业务类型",
    col_stage: "当前环节",
    col_next_due: "下一截止日",
    late: "已超期",
    on_time: "按时",
    in_progress: "办理中",
    not_reached: "未开始",
    kind_new_connection: "新装",
    kind_capacity_increase: "增容",
    kind_capacity_decrease: "减容",
    kind_tariff_change: "改类（电价变更）",
    kind_move_in: "过户迁入（开始用电）",
    kind_move_out: "迁出（停止用电）",
    kind_temporary_supply: "临时用电",
    kind_ev_charger: "电动汽车充电桩",
    cat_residential: "居民",
    cat_lv_business: "低压非居民",
    cat_hv_single: "高压单电源",
    cat_hv_double: "高压双电源",
    stage_application: "受理",
    stage_site_survey: "现场勘查",
    stage_supply_plan: "供电方案答复",
    stage_design_review: "设计审核",
    stage_mid_check: "中间检查",
    stage_completion: "竣工检验",
    stage_energise: "装表接电",
    stage_archived: "归档",
    state_in_progress: "办理中",
    state_waiting: "待您补充",
    state_completed: "已完成",
    state_rejected: "已驳回",
    state_cancelled: "已撤销",
    doc_id_card: "身份证明",
    doc_ownership: "产权或租赁证明",
    doc_licence: "营业执照",
    doc_legal_rep: "法定代表人身份证明",
    doc_parking: "车位产权或使用证明",
    doc_consent: "物业同意安装证明",
    doc_other: "其他资料",
    step_what: "申请内容",
    step_contact: "联系方式",
    step_documents: "申请资料",
    step_review: "确认提交",
    next: "下一步",
    back: "上一步",
    submit_application: "提交申请",
    submitting: "正在提交…",
    service_account: "用电户号",
    new_premises: "新装（暂无户号）",
    choose: "请选择…",
    documents_help: "凭身份证明即可受理，其他资料可现在上传，也可在我们通知后补充。支持 PDF、JPEG、PNG，每个不超过 5 MB。",
    uploading: "正在上传…",
    uploaded: "已上传",
    fix_step: "请修改下方标出的内容。",
    progress: "办理进度",
    col_limit: "时限",
    col_started: "开始",
    col_done: "完成",
    col_result: "结果",
    waiting_title: "需要您补充",
    respond: "提交给供电公司",
    message_optional: "留言（可选）",
    cancel_application: "撤销申请",
    history: "办理记录",
    documents_title: "申请资料",
    still_needed: "尚需提供",
    by_utility: "供电公司",
    by_you: "您",
    by_customer: "客户",
    capacity_label: "容量",
    voltage_label: "供电电压",
    accepted_on: "受理日期",
    all_stages: "供电企业各环节合计",
    queue_title: "业扩报装工单",
    filter_stage: "环节",
    filter_category: "用户类别",
    filter_overdue: "仅显示超期",
    all: "全部",
    queue_empty: "没有符合条件的在办工单。",
    advance: "完成本环节",
    ask_customer: "要求客户补充",
    reject: "驳回",
    note_label: "备注",
    show_to_customer: "客户可见",
    staff_note: "仅内部可见",
    action_open: "提交申请",
    action_advance: "环节完成",
    action_ask: "要求补充",
    action_respond: "客户已补充",
    action_reject: "驳回",
    action_cancel: "撤销",
    working_days: |n| format!("{n} 个工作日"),
    used_of: |used, limit| format!("已用 {used} / {limit} 个工作日"),
    nav_repairs: "故障报修",
    nav_outages: "停电信息",
    nav_tickets: "抢修工单",
    tickets_title: "我的报修",
    report_fault: "我要报修",
    no_tickets: "暂无报修记录。",
    fault_no_power: "全部停电",
    fault_partial: "部分停电",
    fault_voltage: "电压过低、过高或闪烁",
    fault_damaged: "电表或线路损坏",
    fault_hazard: "安全隐患：电线断落、打火",
    yes: "是",
    no: "否",
    safety_title: "注意安全",
    safety_advice: "请远离电线或设备，并提醒他人远离。请立即拨打 95598 热线，我们会马上派人处理。",
    outage_here_title: "该地址正在停电",
    outage_here_help: "我们已掌握该停电情况并正在抢修，无需重复报修。如果您的问题不同，仍可在下方报修。",
    follow_outage: "查看停电进展",
    send_report: "提交报修",
    photo_optional: "照片（可选）",
    ticket_reported: "已受理",
    ticket_dispatched: "已派工",
    ticket_on_the_way: "抢修人员在途",
    ticket_on_site: "已到达现场",
    ticket_restored: "已恢复送电",
    ticket_closed: "已完成",
    ticket_merged: "已并入停电事件",
    ticket_cancelled: "已撤销",
    arrival_label: "到达现场",
    restoration_label: "恢复送电",
    promise_met: "按时",
    promise_missed: "超时",
    promise_void: "不再计时",
    due_by: "应于",
    crew_label: "抢修班组",
    eta_label: "预计到达",
    reported_label: "报修时间",
    cancel_ticket: "撤销报修",
    updates_itself: "本页每隔几秒自动更新。",
    outages_title: "停电信息",
    no_outages: "当前没有停电或停电计划。",
    your_area: "您所在地区",
    outage_planned: "计划停电",
    outage_temporary: "临时停电",
    outage_fault: "故障停电",
    outage_shortfall: "超电网供电能力停限电",
    phase_current: "正在停电",
    phase_upcoming: "即将停电",
    phase_ended: "已结束",
    ticket_queue_title: "抢修工单",
    no_open_tickets: "没有待处理的工单。",
    act_dispatch: "派工",
    act_depart: "出发",
    act_arrive: "到达现场",
    act_restore: "恢复送电",
    act_close: "结单",
    act_merge: "并入停电事件",
    history_report: "报修",
    publish_notice: "发布停电信息",
    new_notice: "新建停电信息",
    mark_power_back: "标记已恢复",
    edit_notice: "修改公告",
    save_notice: "保存修改",
    saved: "已保存。",
    nav_feedback_queue: "客户诉求",
    nav_dashboard: "服务监督",
    feedback_queue_title: "诉求工单",
    no_open_feedback: "没有待处理的诉求。",
    fb_complaint: "投诉",
    fb_report: "举报",
    fb_suggestion: "建议",
    fb_praise: "表扬",
    fb_open: "已受理",
    fb_contacted: "已联系客户",
    fb_answered: "已答复",
    fb_closed: "已办结",
    fb_filed: "已提交",
    fb_satisfied: "客户满意",
    fb_not_satisfied: "客户不满意，重新办理",
    topic_billing: "电费账单",
    topic_meter_reading: "抄表计量",
    topic_power_supply: "供电质量",
    topic_staff_conduct: "服务态度",
    topic_connection: "业扩报装",
    topic_other: "其他",
    contact_due: "联系客户时限",
    reply_due: "答复时限",
    act_log_contact: "登记已联系",
    act_reply: "答复客户",
    act_close_case: "办结",
    reply_label: "答复内容",
    dashboard_title: "服务监督",
    range_from: "开始日期",
    range_to: "结束日期",
    show_figures: "查询",
    download_csv: "下载 CSV",
    satisfaction_label: "满意率（4–5 星）",
    average_stars: "平均星级",
    ratings_count: "评价数",
    on_time_title: "各项承诺按时率",
    commitment_label: "服务承诺",
    met_of: "按时",
    share_label: "比例",
    by_month_title: "按月",
    by_area_title: "按区域",
    by_category_title: "按类别",
    at_risk_title: "临近或超过时限的在办工单",
    no_at_risk: "无。",
    c_repair_arrival: "抢修到达现场",
    c_repair_restoration: "抢修恢复送电",
    c_connection_total: "业扩报装全流程",
    c_complaint_contact: "投诉联系客户",
    c_complaint_reply: "投诉答复",
    past: "已超时",
    near: "临近",
    chart_satisfaction_desc: "柱形为每月 4–5 星评价占比；下表为相同数据。",
    rate_title: "评价本次服务",
    tag_speed: "速度快",
    tag_attitude: "态度好",
    tag_explanation: "解释清楚",
    tag_result: "问题解决",
    send_rating: "提交评价",
    rating_saved: "感谢您的评价，已保存。",
    rating_final: "评价提交后 7 天内可修改。",
    rate_invite_title: "请评价我们的服务",
    rate_invite_help: "以下业务在近 30 天内办结，您的评价帮助我们改进。",
    job_repair: "故障报修",
    job_connection: "用电申请",
    job_complaint: "投诉",
    stars_n: |n| format!("{n} 星"),
    minutes_left: |n| format!("剩余 {n} 分钟"),
    time: zh_time,
    nav_feedback: "投诉建议",
    feedback_title: "我的投诉建议",
    give_feedback: "提交投诉建议",
    no_feedback: "您还没有提交过投诉或建议。",
    feedback_intro: "投诉、举报、建议或表扬都可以在这里提交。投诉按公开承诺的时限办理。",
    field_feedback_kind: "类型",
    field_feedback_topic: "涉及业务",
    field_feedback_account: "用电户号（可选）",
    field_feedback_text: "具体内容",
    feedback_text_hint: "10 至 1000 个字。",
    attachments_optional: "附件（可选）：最多 5 个，PDF、JPEG 或 PNG，每个不超过 5 MB",
    about_job: "相关业务",
    complaint_deadlines_help: "投诉提交后，我们会回访并书面答复；案件页面显示各自的截止日期。",
    send_feedback: "提交",
    choose_none: "无",
    received_label: "受理时间",
    our_reply: "答复内容",
    no_reply_yet: "尚未答复。",
    confirm_title: "您对答复满意吗？",
    confirm_yes: "满意",
    confirm_no: "不满意",
    confirm_reason: "仍未解决的问题",
    send_confirmation: "提交确认",
    confirm_closed: "感谢您的确认，案件已办结。",
    confirm_reopened: "案件已重新受理，我们将在新的期限内联系并答复您。",
    attachments_label: "附件",
    complain_about_job: "对此业务投诉或建议",
    round_label: "办理轮次",
    reopened_round: |n| {
        if n > 1 {
            format!("第 {n} 轮（重新办理）")
        } else {
            format!("第 {n} 轮")
        }
    },
    deadline_running: |due, n| {
        if n == 0 {
            format!("{due} · 今天到期")
        } else {
            format!("{due} · 剩余 {n} 天")
        }
    },
    deadline_done: |due, done| format!("{due} · {done}已完成"),
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

    /// A fault kind's name.
    pub fn fault_kind(&self, k: FaultKind) -> &'static str {
        match k {
            FaultKind::NoPower => self.fault_no_power,
            FaultKind::PartialLoss => self.fault_partial,
            FaultKind::Voltage => self.fault_voltage,
            FaultKind::DamagedEquipment => self.fault_damaged,
            FaultKind::SafetyHazard => self.fault_hazard,
        }
    }

    /// A ticket state's name.
    pub fn ticket_state(&self, s: TicketState) -> &'static str {
        match s {
            TicketState::Reported => self.ticket_reported,
            TicketState::Dispatched => self.ticket_dispatched,
            TicketState::OnTheWay => self.ticket_on_the_way,
            TicketState::OnSite => self.ticket_on_site,
            TicketState::Restored => self.ticket_restored,
            TicketState::Closed => self.ticket_closed,
            TicketState::Merged => self.ticket_merged,
            TicketState::Cancelled => self.ticket_cancelled,
        }
    }

    /// A ticket history entry (stored action name).
    pub fn ticket_action<'a>(&self, a: &'a str) -> &'a str {
        match TicketAction::from_stored(a) {
            Some(TicketAction::Dispatch) => self.ticket_dispatched,
            Some(TicketAction::Depart) => self.ticket_on_the_way,
            Some(TicketAction::Arrive) => self.ticket_on_site,
            Some(TicketAction::Restore) => self.ticket_restored,
            Some(TicketAction::Close) => self.ticket_closed,
            Some(TicketAction::Merge) => self.ticket_merged,
            Some(TicketAction::Cancel) => self.ticket_cancelled,
            None if a == "report" => self.history_report,
            None => a,
        }
    }

    /// An outage kind's name.
    pub fn outage_kind(&self, k: OutageKind) -> &'static str {
        match k {
            OutageKind::Planned => self.outage_planned,
            OutageKind::Temporary => self.outage_temporary,
            OutageKind::GridFault => self.outage_fault,
            OutageKind::CapacityShortfall => self.outage_shortfall,
        }
    }

    /// Whether an outage is on now, coming, or over.
    pub fn outage_phase(&self, p: OutagePhase) -> &'static str {
        match p {
            OutagePhase::Current => self.phase_current,
            OutagePhase::Upcoming => self.phase_upcoming,
            OutagePhase::Ended => self.phase_ended,
        }
    }

    /// A promise in words: `due by 10:45 · 12 minutes left`, `met`, `missed`.
    pub fn promise(&self, p: Promise) -> String {
        match p {
            Promise::Running {
                due_at,
                seconds_left,
            } => format!(
                "{} {} · {}",
                self.due_by,
                (self.time)(due_at),
                (self.minutes_left)((seconds_left + 59) / 60)
            ),
            Promise::Met { due_at, .. } => format!(
                "{} · {} {}",
                self.promise_met,
                self.due_by,
                (self.time)(due_at)
            ),
            Promise::Missed { due_at, .. } => format!(
                "{} · {} {}",
                self.promise_missed,
                self.due_by,
                (self.time)(due_at)
            ),
            Promise::Void => self.promise_void.into(),
        }
    }

    /// A rating tag's name.
    pub fn rating_tag(&self, t: RatingTag) -> &'static str {
        match t {
            RatingTag::Speed => self.tag_speed,
            RatingTag::Attitude => self.tag_attitude,
            RatingTag::Explanation => self.tag_explanation,
            RatingTag::Result => self.tag_result,
        }
    }

    /// What kind of job it was.
    pub fn job_kind(&self, k: JobKind) -> &'static str {
        match k {
            JobKind::Repair => self.job_repair,
            JobKind::Connection => self.job_connection,
            JobKind::Complaint => self.job_complaint,
        }
    }

    /// A feedback kind's name.
    pub fn feedback_kind(&self, k: FeedbackKind) -> &'static str {
        match k {
            FeedbackKind::Complaint => self.fb_complaint,
            FeedbackKind::Report => self.fb_report,
            FeedbackKind::Suggestion => self.fb_suggestion,
            FeedbackKind::Praise => self.fb_praise,
        }
    }

    /// A feedback case's state.
    pub fn feedback_state(&self, s: FeedbackState) -> &'static str {
        match s {
            FeedbackState::Open => self.fb_open,
            FeedbackState::Contacted => self.fb_contacted,
            FeedbackState::Answered => self.fb_answered,
            FeedbackState::Closed => self.fb_closed,
        }
    }

    /// A feedback case's history entry (stored action name).
    pub fn feedback_action<'a>(&self, a: &'a str) -> &'a str {
        match a {
            "file" => self.fb_filed,
            "log_contact" => self.fb_contacted,
            "reply" => self.fb_answered,
            "close" => self.fb_closed,
            "satisfied" => self.fb_satisfied,
            "not_satisfied" => self.fb_not_satisfied,
            other => other,
        }
    }

    /// A feedback topic (stored name).
    pub fn topic<'a>(&self, t: &'a str) -> &'a str {
        match t {
            "billing" => self.topic_billing,
            "meter_reading" => self.topic_meter_reading,
            "power_supply" => self.topic_power_supply,
            "staff_conduct" => self.topic_staff_conduct,
            "connection" => self.topic_connection,
            "other" => self.topic_other,
            other => other,
        }
    }

    /// A measured commitment's name.
    pub fn commitment(&self, c: Commitment) -> String {
        match c {
            Commitment::RepairArrival => self.c_repair_arrival.into(),
            Commitment::RepairRestoration => self.c_repair_restoration.into(),
            Commitment::ConnectionStage(s) => {
                format!("{} · {}", self.nav_applications, self.stage(s))
            }
            Commitment::ConnectionTotal => self.c_connection_total.into(),
            Commitment::ComplaintContact => self.c_complaint_contact.into(),
            Commitment::ComplaintReply => self.c_complaint_reply.into(),
        }
    }

    /// A request kind's name.
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
    pub fn supply_category(&self, c: SupplyCategory) -> &'static str {
        match c {
            SupplyCategory::Residential => self.cat_residential,
            SupplyCategory::LowVoltageBusiness => self.cat_lv_business,
            SupplyCategory::HighVoltageSingle => self.cat_hv_single,
            SupplyCategory::HighVoltageDouble => self.cat_hv_double,
        }
    }

    /// A stage's name.
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
            Field::Description => self.field_description,
            Field::Danger => self.field_danger,
            Field::Photo => self.field_photo,
            Field::TicketId | Field::OutageId => self.field_id,
            Field::Action => self.field_action,
            Field::Crew => self.field_crew,
            Field::Eta => self.field_eta,
            Field::Area => self.field_area,
            Field::Reason => self.field_reason,
            Field::StartsAt => self.field_starts_at,
            Field::EndsAt => self.field_expected_end,
            Field::Ended => self.field_ended,
            Field::JobKind | Field::JobId => self.field_job,
            Field::FeedbackId => self.field_id,
            Field::Stars => self.field_stars,
            Field::Tags => self.field_tags,
            Field::Comment => self.field_comment,
            Field::Topic => self.field_topic,
            Field::Satisfied => self.field_satisfied,
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
            Problem::TooSoon => self.problem_too_soon.into(),
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

//! Every visible string, in English and Simplified Chinese. The `Text` struct makes a missing
//! translation a compile error: both tables must fill every field.

use crate::api::ApiError;
// Each client compiles only the strings and helpers its own pages use (see build.rs), so a
// type named here may go unused in one of them.
#[allow(unused_imports)]
use crate::domain::application::DocumentKind;
#[allow(unused_imports)]
use crate::domain::connection::{RequestKind, Stage, SupplyCategory};
#[allow(unused_imports)]
use crate::domain::feedback::{Commitment, FeedbackKind, FeedbackState, JobKind, RatingTag};
#[allow(unused_imports)]
use crate::domain::repair::{
    FaultKind, OutageKind, OutagePhase, Promise, TicketAction, TicketState,
};
#[allow(unused_imports)]
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
    #[cfg(client = "portal")]
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
    #[cfg(client = "portal")]
    pub signing_in: &'static str,
    pub sign_out: &'static str,
    #[cfg(client = "portal")]
    pub register: &'static str,
    #[cfg(client = "portal")]
    pub registering: &'static str,
    #[cfg(client = "portal")]
    pub sign_in_title: &'static str,
    #[cfg(client = "portal")]
    pub register_title: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    #[cfg(client = "portal")]
    pub password_hint: &'static str,
    #[cfg(client = "portal")]
    pub no_login_yet: &'static str,
    #[cfg(client = "portal")]
    pub have_login: &'static str,
    #[cfg(client = "portal")]
    pub greeting: fn(&str) -> String,
    #[cfg(any(client = "business", client = "portal"))]
    pub balance_due: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub nothing_due: &'static str,
    pub next_due: &'static str,
    #[cfg(client = "portal")]
    pub latest_bill: &'static str,
    #[cfg(client = "portal")]
    pub no_bills_yet: &'static str,
    #[cfg(client = "portal")]
    pub view_bill: &'static str,
    #[cfg(client = "portal")]
    pub my_accounts: &'static str,
    #[cfg(client = "portal")]
    pub no_accounts: &'static str,
    #[cfg(client = "portal")]
    pub view_bills: &'static str,
    #[cfg(client = "portal")]
    pub bind_title: &'static str,
    #[cfg(client = "portal")]
    pub bind_help: &'static str,
    pub account_number: &'static str,
    pub phone_last4: &'static str,
    #[cfg(client = "portal")]
    pub bind: &'static str,
    #[cfg(client = "portal")]
    pub binding: &'static str,
    #[cfg(client = "portal")]
    pub bound: fn(&str) -> String,
    #[cfg(client = "portal")]
    pub bills_title: &'static str,
    #[cfg(client = "portal")]
    pub choose_account: &'static str,
    #[cfg(client = "portal")]
    pub bills_of: fn(&str) -> String,
    #[cfg(any(client = "business", client = "portal"))]
    pub col_period: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub col_energy: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub col_amount: &'static str,
    pub col_due: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub col_status: &'static str,
    #[cfg(client = "portal")]
    pub col_details: &'static str,
    #[cfg(client = "portal")]
    pub details: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub page_of: fn(u32, u32) -> String,
    #[cfg(any(client = "business", client = "portal"))]
    pub previous_page: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub next_page: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub pages: &'static str,
    #[cfg(client = "portal")]
    pub bill_title: fn(&str) -> String,
    #[cfg(client = "portal")]
    pub back_to_bills: &'static str,
    #[cfg(any(client = "portal", client = "services"))]
    pub account: &'static str,
    pub premise: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub tariff: &'static str,
    #[cfg(client = "portal")]
    pub meter: &'static str,
    #[cfg(client = "portal")]
    pub period: &'static str,
    #[cfg(client = "portal")]
    pub issued_on: &'static str,
    pub due_on: &'static str,
    pub status: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub total: &'static str,
    #[cfg(client = "portal")]
    pub paid: &'static str,
    #[cfg(client = "portal")]
    pub balance: &'static str,
    #[cfg(client = "portal")]
    pub readings: &'static str,
    #[cfg(client = "portal")]
    pub register_col: &'static str,
    #[cfg(client = "portal")]
    pub reading_start: &'static str,
    #[cfg(client = "portal")]
    pub reading_end: &'static str,
    #[cfg(client = "portal")]
    pub estimated: &'static str,
    #[cfg(client = "portal")]
    pub charges: &'static str,
    #[cfg(client = "portal")]
    pub col_item: &'static str,
    #[cfg(client = "portal")]
    pub col_price: &'static str,
    #[cfg(client = "portal")]
    pub payments: &'static str,
    #[cfg(client = "portal")]
    pub no_payments: &'static str,
    #[cfg(client = "portal")]
    pub col_paid_at: &'static str,
    #[cfg(client = "portal")]
    pub col_channel: &'static str,
    #[cfg(client = "portal")]
    pub col_reference: &'static str,
    #[cfg(client = "portal")]
    pub tier_reset: fn(&str) -> String,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub go_home: &'static str,
    pub months: [&'static str; 12],
    pub date: fn(NaiveDate, &[&str; 12]) -> String,
    #[cfg(any(client = "business", client = "portal"))]
    pub month_year: fn(NaiveDate, &[&str; 12]) -> String,
    // enumerations
    pub status_unpaid: &'static str,
    pub status_partly_paid: &'static str,
    pub status_paid: &'static str,
    pub status_overdue: &'static str,
    #[cfg(client = "portal")]
    pub line_tier1: &'static str,
    #[cfg(client = "portal")]
    pub line_tier2: &'static str,
    #[cfg(client = "portal")]
    pub line_tier3: &'static str,
    #[cfg(client = "portal")]
    pub line_peak: &'static str,
    #[cfg(client = "portal")]
    pub line_valley: &'static str,
    #[cfg(client = "portal")]
    pub line_flat: &'static str,
    #[cfg(client = "portal")]
    pub register_total: &'static str,
    #[cfg(client = "portal")]
    pub register_peak: &'static str,
    #[cfg(client = "portal")]
    pub register_valley: &'static str,
    #[cfg(any(client = "portal", client = "staff"))]
    pub area_urban: &'static str,
    #[cfg(any(client = "portal", client = "staff"))]
    pub area_rural: &'static str,
    #[cfg(any(client = "portal", client = "staff"))]
    pub area_remote: &'static str,
    #[cfg(client = "portal")]
    pub category_residential: &'static str,
    #[cfg(client = "portal")]
    pub category_business_lv: &'static str,
    #[cfg(client = "portal")]
    pub category_business_hv: &'static str,
    #[cfg(client = "portal")]
    pub channel_wechat: &'static str,
    #[cfg(client = "portal")]
    pub channel_alipay: &'static str,
    #[cfg(client = "portal")]
    pub channel_online_banking: &'static str,
    #[cfg(client = "portal")]
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
    #[cfg(client = "staff")]
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
    #[cfg(any(client = "services", client = "staff"))]
    pub apps_title: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub apply_new: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub no_apps: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub col_number: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub col_kind: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub col_stage: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub col_next_due: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub late: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub on_time: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub in_progress: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub not_reached: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub kind_new_connection: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub kind_capacity_increase: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub kind_capacity_decrease: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub kind_tariff_change: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub kind_move_in: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub kind_move_out: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub kind_temporary_supply: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub kind_ev_charger: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub cat_residential: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub cat_lv_business: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub cat_hv_single: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub cat_hv_double: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub stage_application: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub stage_site_survey: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub stage_supply_plan: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub stage_design_review: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub stage_mid_check: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub stage_completion: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub stage_energise: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub stage_archived: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub state_in_progress: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub state_waiting: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub state_completed: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub state_rejected: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub state_cancelled: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub doc_id_card: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub doc_ownership: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub doc_licence: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub doc_legal_rep: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub doc_parking: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub doc_consent: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub doc_other: &'static str,
    #[cfg(client = "services")]
    pub step_what: &'static str,
    #[cfg(client = "services")]
    pub step_contact: &'static str,
    #[cfg(client = "services")]
    pub step_documents: &'static str,
    #[cfg(client = "services")]
    pub step_review: &'static str,
    pub next: &'static str,
    #[cfg(client = "services")]
    pub back: &'static str,
    #[cfg(client = "services")]
    pub submit_application: &'static str,
    #[cfg(client = "services")]
    pub submitting: &'static str,
    #[cfg(any(client = "portal", client = "services"))]
    pub service_account: &'static str,
    #[cfg(client = "services")]
    pub new_premises: &'static str,
    pub choose: &'static str,
    #[cfg(client = "services")]
    pub documents_help: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub uploaded: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub progress: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub col_limit: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub col_started: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub col_done: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub col_result: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub waiting_title: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub respond: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub message_optional: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub cancel_application: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub history: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub documents_title: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub still_needed: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub by_utility: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub by_you: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub by_customer: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub capacity_label: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub voltage_label: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub accepted_on: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub all_stages: &'static str,
    #[cfg(client = "staff")]
    pub queue_title: &'static str,
    #[cfg(client = "staff")]
    pub filter_stage: &'static str,
    #[cfg(client = "staff")]
    pub filter_category: &'static str,
    #[cfg(client = "staff")]
    pub filter_overdue: &'static str,
    pub all: &'static str,
    #[cfg(client = "staff")]
    pub queue_empty: &'static str,
    #[cfg(client = "staff")]
    pub advance: &'static str,
    #[cfg(client = "staff")]
    pub ask_customer: &'static str,
    #[cfg(client = "staff")]
    pub reject: &'static str,
    #[cfg(client = "staff")]
    pub note_label: &'static str,
    #[cfg(client = "staff")]
    pub show_to_customer: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub staff_note: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub action_open: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub action_advance: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub action_ask: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub action_respond: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub action_reject: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub action_cancel: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub working_days: fn(u32) -> String,
    pub nav_repairs: &'static str,
    pub nav_outages: &'static str,
    pub nav_tickets: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub tickets_title: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub report_fault: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub no_tickets: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fault_no_power: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fault_partial: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fault_voltage: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fault_damaged: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fault_hazard: &'static str,
    #[cfg(client = "services")]
    pub yes: &'static str,
    #[cfg(client = "services")]
    pub no: &'static str,
    #[cfg(client = "services")]
    pub safety_title: &'static str,
    #[cfg(client = "services")]
    pub safety_advice: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub outage_here_title: &'static str,
    #[cfg(client = "services")]
    pub outage_here_help: &'static str,
    #[cfg(client = "services")]
    pub follow_outage: &'static str,
    #[cfg(client = "services")]
    pub send_report: &'static str,
    #[cfg(client = "services")]
    pub photo_optional: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub ticket_reported: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub ticket_dispatched: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub ticket_on_the_way: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub ticket_on_site: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub ticket_restored: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub ticket_closed: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub ticket_merged: &'static str,
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    pub ticket_cancelled: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub arrival_label: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub restoration_label: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub promise_met: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub promise_missed: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub promise_void: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub due_by: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub crew_label: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub eta_label: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub reported_label: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub cancel_ticket: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub updates_itself: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub outages_title: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub no_outages: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub your_area: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub outage_planned: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub outage_temporary: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub outage_fault: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub outage_shortfall: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub phase_current: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub phase_upcoming: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub phase_ended: &'static str,
    #[cfg(client = "staff")]
    pub ticket_queue_title: &'static str,
    #[cfg(client = "staff")]
    pub no_open_tickets: &'static str,
    #[cfg(client = "staff")]
    pub act_dispatch: &'static str,
    #[cfg(client = "staff")]
    pub act_depart: &'static str,
    #[cfg(client = "staff")]
    pub act_arrive: &'static str,
    #[cfg(client = "staff")]
    pub act_restore: &'static str,
    #[cfg(client = "staff")]
    pub act_close: &'static str,
    #[cfg(client = "staff")]
    pub act_merge: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub history_report: &'static str,
    #[cfg(client = "staff")]
    pub publish_notice: &'static str,
    #[cfg(client = "staff")]
    pub new_notice: &'static str,
    #[cfg(client = "staff")]
    pub mark_power_back: &'static str,
    #[cfg(client = "staff")]
    pub edit_notice: &'static str,
    #[cfg(client = "staff")]
    pub save_notice: &'static str,
    pub nav_feedback_queue: &'static str,
    pub nav_dashboard: &'static str,
    #[cfg(client = "staff")]
    pub feedback_queue_title: &'static str,
    #[cfg(client = "staff")]
    pub no_open_feedback: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fb_complaint: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fb_report: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fb_suggestion: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fb_praise: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fb_open: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fb_contacted: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fb_answered: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fb_closed: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fb_filed: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fb_satisfied: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub fb_not_satisfied: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub topic_billing: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub topic_meter_reading: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub topic_power_supply: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub topic_staff_conduct: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub topic_connection: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub topic_other: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub contact_due: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub reply_due: &'static str,
    #[cfg(client = "staff")]
    pub act_log_contact: &'static str,
    #[cfg(client = "staff")]
    pub act_reply: &'static str,
    #[cfg(client = "staff")]
    pub act_close_case: &'static str,
    #[cfg(client = "staff")]
    pub reply_label: &'static str,
    #[cfg(client = "staff")]
    pub dashboard_title: &'static str,
    #[cfg(client = "staff")]
    pub range_from: &'static str,
    #[cfg(client = "staff")]
    pub range_to: &'static str,
    #[cfg(client = "staff")]
    pub show_figures: &'static str,
    #[cfg(any(client = "business", client = "portal", client = "staff"))]
    pub download_csv: &'static str,
    #[cfg(client = "staff")]
    pub satisfaction_label: &'static str,
    #[cfg(client = "staff")]
    pub average_stars: &'static str,
    #[cfg(client = "staff")]
    pub ratings_count: &'static str,
    #[cfg(client = "staff")]
    pub on_time_title: &'static str,
    #[cfg(client = "staff")]
    pub commitment_label: &'static str,
    #[cfg(client = "staff")]
    pub met_of: &'static str,
    #[cfg(client = "staff")]
    pub share_label: &'static str,
    #[cfg(client = "staff")]
    pub by_month_title: &'static str,
    #[cfg(client = "staff")]
    pub by_area_title: &'static str,
    #[cfg(client = "staff")]
    pub by_category_title: &'static str,
    #[cfg(client = "staff")]
    pub at_risk_title: &'static str,
    #[cfg(client = "staff")]
    pub no_at_risk: &'static str,
    #[cfg(client = "staff")]
    pub c_repair_arrival: &'static str,
    #[cfg(client = "staff")]
    pub c_repair_restoration: &'static str,
    #[cfg(client = "staff")]
    pub c_connection_total: &'static str,
    #[cfg(client = "staff")]
    pub c_complaint_contact: &'static str,
    #[cfg(client = "staff")]
    pub c_complaint_reply: &'static str,
    #[cfg(client = "staff")]
    pub past: &'static str,
    #[cfg(client = "staff")]
    pub near: &'static str,
    #[cfg(client = "staff")]
    pub chart_satisfaction_desc: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub rate_title: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub tag_speed: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub tag_attitude: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub tag_explanation: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub tag_result: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub send_rating: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub rating_saved: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub rating_final: &'static str,
    #[cfg(client = "portal")]
    pub rate_invite_title: &'static str,
    #[cfg(client = "portal")]
    pub rate_invite_help: &'static str,
    pub job_repair: &'static str,
    pub job_connection: &'static str,
    #[cfg(any(client = "portal", client = "services", client = "staff"))]
    pub job_complaint: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub stars_n: fn(u8) -> String,
    #[cfg(any(client = "services", client = "staff"))]
    pub minutes_left: fn(i64) -> String,
    pub time: fn(i64) -> String,
    #[cfg(any(client = "services", client = "staff"))]
    pub used_of: fn(u32, u32) -> String,
    pub nav_feedback: &'static str,
    #[cfg(client = "services")]
    pub feedback_title: &'static str,
    #[cfg(client = "services")]
    pub give_feedback: &'static str,
    #[cfg(client = "services")]
    pub no_feedback: &'static str,
    #[cfg(client = "services")]
    pub feedback_intro: &'static str,
    #[cfg(client = "services")]
    pub field_feedback_kind: &'static str,
    #[cfg(client = "services")]
    pub field_feedback_topic: &'static str,
    #[cfg(client = "services")]
    pub field_feedback_account: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub field_feedback_text: &'static str,
    #[cfg(client = "services")]
    pub feedback_text_hint: &'static str,
    #[cfg(client = "services")]
    pub attachments_optional: &'static str,
    #[cfg(client = "services")]
    pub about_job: &'static str,
    #[cfg(client = "services")]
    pub complaint_deadlines_help: &'static str,
    #[cfg(client = "services")]
    pub send_feedback: &'static str,
    pub choose_none: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub received_label: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub our_reply: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub no_reply_yet: &'static str,
    #[cfg(client = "services")]
    pub confirm_title: &'static str,
    #[cfg(client = "services")]
    pub confirm_yes: &'static str,
    #[cfg(client = "services")]
    pub confirm_no: &'static str,
    #[cfg(client = "services")]
    pub confirm_reason: &'static str,
    #[cfg(client = "services")]
    pub send_confirmation: &'static str,
    #[cfg(client = "services")]
    pub confirm_closed: &'static str,
    #[cfg(client = "services")]
    pub confirm_reopened: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub attachments_label: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub complain_about_job: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub round_label: &'static str,
    #[cfg(any(client = "services", client = "staff"))]
    pub reopened_round: fn(i64) -> String,
    #[cfg(any(client = "services", client = "staff"))]
    pub deadline_running: fn(&str, i64) -> String,
    #[cfg(any(client = "services", client = "staff"))]
    pub deadline_done: fn(&str, &str) -> String,
    pub field_organisation: &'static str,
    pub field_site: &'static str,
    pub field_user: &'static str,
    pub field_invitation: &'static str,
    pub field_token: &'static str,
    pub field_role: &'static str,
    pub field_label: &'static str,
    pub field_search: &'static str,
    pub field_open_requests: &'static str,
    pub field_unpaid: &'static str,
    pub field_from: &'static str,
    pub field_to: &'static str,
    pub field_sites: &'static str,
    pub field_add: &'static str,
    pub problem_already_member: &'static str,
    pub problem_last_owner: &'static str,
    pub context_label: &'static str,
    pub context_home: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub business_title: &'static str,
    #[cfg(client = "business")]
    pub no_organisations: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub role_owner: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub role_manager: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub role_viewer: &'static str,
    #[cfg(client = "business")]
    pub biz_menu: &'static str,
    #[cfg(client = "business")]
    pub biz_dashboard: &'static str,
    #[cfg(client = "business")]
    pub biz_sites: &'static str,
    #[cfg(client = "business")]
    pub biz_members: &'static str,
    #[cfg(client = "business")]
    pub biz_export: &'static str,
    #[cfg(client = "business")]
    pub total_due_label: &'static str,
    #[cfg(client = "business")]
    pub unpaid_bills_label: &'static str,
    #[cfg(client = "business")]
    pub site_count_label: &'static str,
    #[cfg(client = "business")]
    pub overdue_sites_title: &'static str,
    #[cfg(client = "business")]
    pub no_overdue: &'static str,
    #[cfg(client = "business")]
    pub overdue_since: &'static str,
    #[cfg(client = "business")]
    pub overdue_amount: &'static str,
    #[cfg(client = "business")]
    pub months_title: &'static str,
    #[cfg(client = "business")]
    pub months_of: fn(&str, &str) -> String,
    #[cfg(client = "business")]
    pub months_chart_desc: &'static str,
    #[cfg(client = "business")]
    pub kwh_latest: &'static str,
    #[cfg(client = "business")]
    pub kwh_before: &'static str,
    #[cfg(client = "business")]
    pub cost_latest: &'static str,
    #[cfg(client = "business")]
    pub cost_before: &'static str,
    #[cfg(client = "business")]
    pub col_change: &'static str,
    #[cfg(client = "business")]
    pub sort_by: &'static str,
    #[cfg(client = "business")]
    pub latest_series: &'static str,
    #[cfg(client = "business")]
    pub before_series: &'static str,
    #[cfg(client = "business")]
    pub open_requests_title: &'static str,
    #[cfg(client = "business")]
    pub no_open_requests: &'static str,
    #[cfg(client = "business")]
    pub deadline_label: &'static str,
    #[cfg(client = "business")]
    pub col_site: &'static str,
    #[cfg(client = "business")]
    pub find_sites: &'static str,
    #[cfg(client = "business")]
    pub supply_area_label: &'static str,
    #[cfg(client = "business")]
    pub show_sites: &'static str,
    #[cfg(client = "business")]
    pub clear_filters: &'static str,
    #[cfg(client = "business")]
    pub matching_sites: fn(u32) -> String,
    #[cfg(client = "business")]
    pub col_labels: &'static str,
    #[cfg(client = "business")]
    pub col_owed: &'static str,
    #[cfg(client = "business")]
    pub col_open_requests: &'static str,
    #[cfg(client = "business")]
    pub choice_all: &'static str,
    #[cfg(client = "business")]
    pub add_label: &'static str,
    #[cfg(client = "business")]
    pub remove_label: fn(&str) -> String,
    #[cfg(client = "business")]
    pub new_label: &'static str,
    #[cfg(any(client = "business", client = "portal"))]
    pub usage_by_month: &'static str,
    #[cfg(client = "business")]
    pub usage_chart_desc: &'static str,
    #[cfg(client = "business")]
    pub report_for_site: &'static str,
    #[cfg(client = "business")]
    pub apply_for_site: &'static str,
    #[cfg(any(client = "business", client = "services"))]
    pub read_only_role: &'static str,
    #[cfg(client = "business")]
    pub change_role: &'static str,
    #[cfg(client = "business")]
    pub remove_member: fn(&str) -> String,
    #[cfg(client = "business")]
    pub role_of: fn(&str) -> String,
    #[cfg(client = "business")]
    pub you_label: &'static str,
    #[cfg(client = "business")]
    pub invite_title: &'static str,
    #[cfg(client = "business")]
    pub invite_help: &'static str,
    #[cfg(client = "business")]
    pub send_invitation: &'static str,
    #[cfg(client = "business")]
    pub invitation_link: &'static str,
    #[cfg(client = "business")]
    pub invitations_title: &'static str,
    #[cfg(client = "business")]
    pub inv_pending: &'static str,
    #[cfg(client = "business")]
    pub inv_accepted: &'static str,
    #[cfg(client = "business")]
    pub inv_revoked: &'static str,
    #[cfg(client = "business")]
    pub inv_expired: &'static str,
    #[cfg(client = "business")]
    pub withdraw: &'static str,
    #[cfg(client = "business")]
    pub col_expires: &'static str,
    #[cfg(client = "business")]
    pub join_title: &'static str,
    #[cfg(client = "business")]
    pub join_offer: fn(&str, &str) -> String,
    #[cfg(client = "business")]
    pub join_not_for_me: fn(&str) -> String,
    #[cfg(client = "business")]
    pub join_gone: &'static str,
    #[cfg(client = "business")]
    pub accept_invitation: &'static str,
    #[cfg(client = "business")]
    pub joined: fn(&str) -> String,
    #[cfg(any(client = "business", client = "portal"))]
    pub open_dashboard: &'static str,
    #[cfg(client = "business")]
    pub export_title: &'static str,
    #[cfg(client = "business")]
    pub export_help: &'static str,
    #[cfg(client = "business")]
    pub export_which: &'static str,
    #[cfg(client = "business")]
    pub export_all: &'static str,
    #[cfg(client = "business")]
    pub export_chosen: fn(usize) -> String,
    #[cfg(client = "business")]
    pub export_by_label: &'static str,
    #[cfg(client = "business")]
    pub export_choose: &'static str,
    #[cfg(client = "business")]
    pub choose_site: fn(&str) -> String,
    pub field_days: &'static str,
    pub field_interval: &'static str,
    pub field_day: &'static str,
    #[cfg(client = "portal")]
    pub why_title: &'static str,
    #[cfg(client = "portal")]
    pub why_previous: fn(&str, &str, &str, &str, &str) -> String,
    #[cfg(client = "portal")]
    pub why_last_year: fn(&str, &str, &str) -> String,
    #[cfg(client = "portal")]
    pub why_more_days: fn(i64, i64) -> String,
    #[cfg(client = "portal")]
    pub why_higher_tier: fn(&str, &str, &str) -> String,
    #[cfg(client = "portal")]
    pub why_more_peak: fn(&str, &str) -> String,
    #[cfg(client = "portal")]
    pub why_tariff_changed: fn(&str, &str) -> String,
    #[cfg(client = "portal")]
    pub why_tier_reset: fn(&str) -> String,
    #[cfg(client = "portal")]
    pub why_none: &'static str,
    #[cfg(client = "portal")]
    pub print_bill: &'static str,
    #[cfg(client = "portal")]
    pub reference_label: &'static str,
    pub nav_usage: &'static str,
    #[cfg(client = "portal")]
    pub usage_title: &'static str,
    #[cfg(client = "portal")]
    pub usage_monthly_desc: &'static str,
    #[cfg(client = "portal")]
    pub month_series: &'static str,
    #[cfg(client = "portal")]
    pub year_before_series: &'static str,
    #[cfg(client = "portal")]
    pub usage_daily_title: &'static str,
    #[cfg(client = "portal")]
    pub usage_daily_desc: &'static str,
    #[cfg(client = "portal")]
    pub usage_tou_title: &'static str,
    #[cfg(client = "portal")]
    pub peak_share_of: fn(&str, &str, &str) -> String,
    #[cfg(client = "portal")]
    pub usage_hourly_title: &'static str,
    #[cfg(client = "portal")]
    pub usage_hourly_desc: &'static str,
    #[cfg(client = "portal")]
    pub days_option: fn(u32) -> String,
    #[cfg(client = "portal")]
    pub show_tables: &'static str,
    #[cfg(client = "portal")]
    pub show_charts: &'static str,
    #[cfg(client = "portal")]
    pub not_smart: &'static str,
    #[cfg(client = "portal")]
    pub download_title: &'static str,
    #[cfg(client = "portal")]
    pub download_help: &'static str,
    #[cfg(client = "portal")]
    pub interval_hourly: &'static str,
    #[cfg(client = "portal")]
    pub interval_monthly: &'static str,
    #[cfg(client = "portal")]
    pub download_xml: &'static str,
    #[cfg(client = "portal")]
    pub col_month: &'static str,
    #[cfg(client = "portal")]
    pub col_year_before: &'static str,
    #[cfg(client = "portal")]
    pub col_hour: &'static str,
    #[cfg(client = "portal")]
    pub col_peak: &'static str,
    #[cfg(client = "portal")]
    pub col_valley: &'static str,
}

fn en_date(d: NaiveDate, months: &[&str; 12]) -> String {
    format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
}

#[cfg(any(client = "business", client = "portal"))]
fn en_month_year(d: NaiveDate, months: &[&str; 12]) -> String {
    format!("{} {}", months[d.month0() as usize], d.year())
}

fn zh_date(d: NaiveDate, _: &[&str; 12]) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

#[cfg(any(client = "business", client = "portal"))]
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
    #[cfg(client = "portal")]
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
    #[cfg(client = "portal")]
    signing_in: "Signing in…",
    sign_out: "Sign out",
    #[cfg(client = "portal")]
    register: "Create account",
    #[cfg(client = "portal")]
    registering: "Creating account…",
    #[cfg(client = "portal")]
    sign_in_title: "Sign in to GridCare",
    #[cfg(client = "portal")]
    register_title: "Create your GridCare account",
    email: "Email",
    password: "Password",
    #[cfg(client = "portal")]
    password_hint: "At least 10 characters. Pasting from a password manager is fine.",
    #[cfg(client = "portal")]
    no_login_yet: "New to GridCare?",
    #[cfg(client = "portal")]
    have_login: "Already have an account?",
    #[cfg(client = "portal")]
    greeting: |name| {
        if name.is_empty() {
            "Welcome".to_string()
        } else {
            format!("Welcome, {name}")
        }
    },
    #[cfg(any(client = "business", client = "portal"))]
    balance_due: "Balance due",
    #[cfg(any(client = "business", client = "portal"))]
    nothing_due: "Nothing due. Thank you!",
    next_due: "Next due date",
    #[cfg(client = "portal")]
    latest_bill: "Latest bill",
    #[cfg(client = "portal")]
    no_bills_yet: "No bills yet.",
    #[cfg(client = "portal")]
    view_bill: "View bill",
    #[cfg(client = "portal")]
    my_accounts: "My service accounts",
    #[cfg(client = "portal")]
    no_accounts: "No service account is linked to this login yet.",
    #[cfg(client = "portal")]
    view_bills: "View bills",
    #[cfg(client = "portal")]
    bind_title: "Link a service account",
    #[cfg(client = "portal")]
    bind_help: "Enter the 10-digit account number from a bill and the last 4 digits of the phone number we have on file.",
    account_number: "Account number",
    phone_last4: "Last 4 digits of phone",
    #[cfg(client = "portal")]
    bind: "Link account",
    #[cfg(client = "portal")]
    binding: "Linking…",
    #[cfg(client = "portal")]
    bound: |n| format!("Account {n} is now linked."),
    #[cfg(client = "portal")]
    bills_title: "Bills",
    #[cfg(client = "portal")]
    choose_account: "Choose a service account to see its bills.",
    #[cfg(client = "portal")]
    bills_of: |n| format!("Bills for account {n}"),
    #[cfg(any(client = "business", client = "portal"))]
    col_period: "Period",
    #[cfg(any(client = "business", client = "portal"))]
    col_energy: "Energy (kWh)",
    #[cfg(any(client = "business", client = "portal"))]
    col_amount: "Amount",
    col_due: "Due",
    #[cfg(any(client = "business", client = "portal"))]
    col_status: "Status",
    #[cfg(client = "portal")]
    col_details: "Details",
    #[cfg(client = "portal")]
    details: "Details",
    #[cfg(any(client = "business", client = "portal"))]
    page_of: |p, n| format!("Page {p} of {n}"),
    #[cfg(any(client = "business", client = "portal"))]
    previous_page: "Previous page",
    #[cfg(any(client = "business", client = "portal"))]
    next_page: "Next page",
    #[cfg(any(client = "business", client = "portal"))]
    pages: "Pages",
    #[cfg(client = "portal")]
    bill_title: |m| format!("Bill for {m}"),
    #[cfg(client = "portal")]
    back_to_bills: "Back to bills",
    #[cfg(any(client = "portal", client = "services"))]
    account: "Account",
    premise: "Premises",
    #[cfg(any(client = "business", client = "portal"))]
    tariff: "Tariff",
    #[cfg(client = "portal")]
    meter: "Meter",
    #[cfg(client = "portal")]
    period: "Period",
    #[cfg(client = "portal")]
    issued_on: "Issued",
    due_on: "Due date",
    status: "Status",
    #[cfg(any(client = "business", client = "portal"))]
    total: "Total",
    #[cfg(client = "portal")]
    paid: "Paid",
    #[cfg(client = "portal")]
    balance: "Still to pay",
    #[cfg(client = "portal")]
    readings: "Meter readings",
    #[cfg(client = "portal")]
    register_col: "Register",
    #[cfg(client = "portal")]
    reading_start: "Start reading",
    #[cfg(client = "portal")]
    reading_end: "End reading",
    #[cfg(client = "portal")]
    estimated: "estimated",
    #[cfg(client = "portal")]
    charges: "Charges",
    #[cfg(client = "portal")]
    col_item: "Item",
    #[cfg(client = "portal")]
    col_price: "Price (¥/kWh)",
    #[cfg(client = "portal")]
    payments: "Payments",
    #[cfg(client = "portal")]
    no_payments: "No payment received yet.",
    #[cfg(client = "portal")]
    col_paid_at: "Received",
    #[cfg(client = "portal")]
    col_channel: "Channel",
    #[cfg(client = "portal")]
    col_reference: "Reference",
    #[cfg(client = "portal")]
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
    #[cfg(any(client = "business", client = "portal"))]
    month_year: en_month_year,
    status_unpaid: "Unpaid",
    status_partly_paid: "Partly paid",
    status_paid: "Paid",
    status_overdue: "Overdue",
    #[cfg(client = "portal")]
    line_tier1: "Tier 1",
    #[cfg(client = "portal")]
    line_tier2: "Tier 2",
    #[cfg(client = "portal")]
    line_tier3: "Tier 3",
    #[cfg(client = "portal")]
    line_peak: "Peak (08:00–22:00)",
    #[cfg(client = "portal")]
    line_valley: "Valley (22:00–08:00)",
    #[cfg(client = "portal")]
    line_flat: "Flat rate",
    #[cfg(client = "portal")]
    register_total: "Total",
    #[cfg(client = "portal")]
    register_peak: "Peak",
    #[cfg(client = "portal")]
    register_valley: "Valley",
    #[cfg(any(client = "portal", client = "staff"))]
    area_urban: "Urban",
    #[cfg(any(client = "portal", client = "staff"))]
    area_rural: "Rural",
    #[cfg(any(client = "portal", client = "staff"))]
    area_remote: "Remote",
    #[cfg(client = "portal")]
    category_residential: "Residential",
    #[cfg(client = "portal")]
    category_business_lv: "Business, low voltage",
    #[cfg(client = "portal")]
    category_business_hv: "Business, high voltage",
    #[cfg(client = "portal")]
    channel_wechat: "WeChat Pay",
    #[cfg(client = "portal")]
    channel_alipay: "Alipay",
    #[cfg(client = "portal")]
    channel_online_banking: "Online banking",
    #[cfg(client = "portal")]
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
    #[cfg(client = "staff")]
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
    #[cfg(any(client = "services", client = "staff"))]
    apps_title: "My applications",
    #[cfg(any(client = "services", client = "staff"))]
    apply_new: "Apply for a connection",
    #[cfg(any(client = "services", client = "staff"))]
    no_apps: "You have no applications yet.",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    col_number: "Number",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    col_kind: "Request",
    #[cfg(any(client = "services", client = "staff"))]
    col_stage: "Stage",
    #[cfg(any(client = "services", client = "staff"))]
    col_next_due: "Next deadline",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    late: "Late",
    #[cfg(any(client = "services", client = "staff"))]
    on_time: "On time",
    #[cfg(any(client = "services", client = "staff"))]
    in_progress: "In progress",
    #[cfg(any(client = "services", client = "staff"))]
    not_reached: "Not reached",
    #[cfg(any(client = "services", client = "staff"))]
    kind_new_connection: "New connection",
    #[cfg(any(client = "services", client = "staff"))]
    kind_capacity_increase: "Capacity increase",
    #[cfg(any(client = "services", client = "staff"))]
    kind_capacity_decrease: "Capacity decrease",
    #[cfg(any(client = "services", client = "staff"))]
    kind_tariff_change: "Tariff change",
    #[cfg(any(client = "services", client = "staff"))]
    kind_move_in: "Move in (start service)",
    #[cfg(any(client = "services", client = "staff"))]
    kind_move_out: "Move out (stop service)",
    #[cfg(any(client = "services", client = "staff"))]
    kind_temporary_supply: "Temporary supply",
    #[cfg(any(client = "services", client = "staff"))]
    kind_ev_charger: "EV charger",
    #[cfg(any(client = "services", client = "staff"))]
    cat_residential: "Residential",
    #[cfg(any(client = "services", client = "staff"))]
    cat_lv_business: "Low-voltage business",
    #[cfg(any(client = "services", client = "staff"))]
    cat_hv_single: "High voltage, single supply",
    #[cfg(any(client = "services", client = "staff"))]
    cat_hv_double: "High voltage, double supply",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_application: "Application accepted",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_site_survey: "Site survey",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_supply_plan: "Supply plan reply",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_design_review: "Design review",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_mid_check: "Mid-construction check",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_completion: "Completion inspection",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_energise: "Meter installed and power on",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_archived: "Done",
    #[cfg(any(client = "services", client = "staff"))]
    state_in_progress: "In progress",
    #[cfg(any(client = "services", client = "staff"))]
    state_waiting: "Waiting for you",
    #[cfg(any(client = "services", client = "staff"))]
    state_completed: "Completed",
    #[cfg(any(client = "services", client = "staff"))]
    state_rejected: "Rejected",
    #[cfg(any(client = "services", client = "staff"))]
    state_cancelled: "Cancelled",
    #[cfg(any(client = "services", client = "staff"))]
    doc_id_card: "Identity card",
    #[cfg(any(client = "services", client = "staff"))]
    doc_ownership: "Proof of ownership or lease",
    #[cfg(any(client = "services", client = "staff"))]
    doc_licence: "Business licence",
    #[cfg(any(client = "services", client = "staff"))]
    doc_legal_rep: "Legal representative's ID",
    #[cfg(any(client = "services", client = "staff"))]
    doc_parking: "Parking-space proof",
    #[cfg(any(client = "services", client = "staff"))]
    doc_consent: "Property management consent",
    #[cfg(any(client = "services", client = "staff"))]
    doc_other: "Other document",
    #[cfg(client = "services")]
    step_what: "What you need",
    #[cfg(client = "services")]
    step_contact: "Contact",
    #[cfg(client = "services")]
    step_documents: "Documents",
    #[cfg(client = "services")]
    step_review: "Review and submit",
    next: "Next",
    #[cfg(client = "services")]
    back: "Back",
    #[cfg(client = "services")]
    submit_application: "Submit application",
    #[cfg(client = "services")]
    submitting: "Submitting…",
    #[cfg(any(client = "portal", client = "services"))]
    service_account: "Service account",
    #[cfg(client = "services")]
    new_premises: "A new premises (no account yet)",
    choose: "Choose…",
    #[cfg(client = "services")]
    documents_help: "Your identity card is enough to apply; send the others now or when we ask. PDF, JPEG or PNG, at most 5 MB each.",
    #[cfg(any(client = "services", client = "staff"))]
    uploaded: "Uploaded",
    #[cfg(any(client = "services", client = "staff"))]
    progress: "Progress",
    #[cfg(any(client = "services", client = "staff"))]
    col_limit: "Time limit",
    #[cfg(any(client = "services", client = "staff"))]
    col_started: "Started",
    #[cfg(any(client = "services", client = "staff"))]
    col_done: "Done",
    #[cfg(any(client = "services", client = "staff"))]
    col_result: "Result",
    #[cfg(any(client = "services", client = "staff"))]
    waiting_title: "We need something from you",
    #[cfg(any(client = "services", client = "staff"))]
    respond: "Send to the utility",
    #[cfg(any(client = "services", client = "staff"))]
    message_optional: "Message (optional)",
    #[cfg(any(client = "services", client = "staff"))]
    cancel_application: "Cancel application",
    #[cfg(any(client = "services", client = "staff"))]
    history: "History",
    #[cfg(any(client = "services", client = "staff"))]
    documents_title: "Documents",
    #[cfg(any(client = "services", client = "staff"))]
    still_needed: "Still needed",
    #[cfg(any(client = "services", client = "staff"))]
    by_utility: "Utility",
    #[cfg(any(client = "services", client = "staff"))]
    by_you: "You",
    #[cfg(any(client = "services", client = "staff"))]
    by_customer: "Customer",
    #[cfg(any(client = "services", client = "staff"))]
    capacity_label: "Capacity",
    #[cfg(any(client = "services", client = "staff"))]
    voltage_label: "Supply voltage",
    #[cfg(any(client = "services", client = "staff"))]
    accepted_on: "Accepted",
    #[cfg(any(client = "services", client = "staff"))]
    all_stages: "All utility stages",
    #[cfg(client = "staff")]
    queue_title: "Connection work queue",
    #[cfg(client = "staff")]
    filter_stage: "Stage",
    #[cfg(client = "staff")]
    filter_category: "Category",
    #[cfg(client = "staff")]
    filter_overdue: "Only overdue",
    all: "All",
    #[cfg(client = "staff")]
    queue_empty: "No open cases match.",
    #[cfg(client = "staff")]
    advance: "Finish this stage",
    #[cfg(client = "staff")]
    ask_customer: "Ask the customer",
    #[cfg(client = "staff")]
    reject: "Reject",
    #[cfg(client = "staff")]
    note_label: "Note",
    #[cfg(client = "staff")]
    show_to_customer: "Show this note to the customer",
    #[cfg(any(client = "services", client = "staff"))]
    staff_note: "staff only",
    #[cfg(any(client = "services", client = "staff"))]
    action_open: "Application filed",
    #[cfg(any(client = "services", client = "staff"))]
    action_advance: "Stage finished",
    #[cfg(any(client = "services", client = "staff"))]
    action_ask: "Asked the customer",
    #[cfg(any(client = "services", client = "staff"))]
    action_respond: "Customer answered",
    #[cfg(any(client = "services", client = "staff"))]
    action_reject: "Rejected",
    #[cfg(any(client = "services", client = "staff"))]
    action_cancel: "Cancelled",
    #[cfg(any(client = "services", client = "staff"))]
    working_days: |n| {
        if n == 1 {
            "1 working day".into()
        } else {
            format!("{n} working days")
        }
    },
    #[cfg(any(client = "services", client = "staff"))]
    used_of: |used, limit| format!("{used} of {limit} working days used"),
    nav_repairs: "Repairs",
    nav_outages: "Outages",
    nav_tickets: "Repair tickets",
    #[cfg(any(client = "services", client = "staff"))]
    tickets_title: "My repair tickets",
    #[cfg(any(client = "services", client = "staff"))]
    report_fault: "Report a fault",
    #[cfg(any(client = "services", client = "staff"))]
    no_tickets: "You have no repair tickets.",
    #[cfg(any(client = "services", client = "staff"))]
    fault_no_power: "No power at all",
    #[cfg(any(client = "services", client = "staff"))]
    fault_partial: "Part of the premises has no power",
    #[cfg(any(client = "services", client = "staff"))]
    fault_voltage: "Voltage too low or too high, or flickering",
    #[cfg(any(client = "services", client = "staff"))]
    fault_damaged: "Damaged meter or line",
    #[cfg(any(client = "services", client = "staff"))]
    fault_hazard: "Safety hazard: wire down, sparks",
    #[cfg(client = "services")]
    yes: "Yes",
    #[cfg(client = "services")]
    no: "No",
    #[cfg(client = "services")]
    safety_title: "Stay safe",
    #[cfg(client = "services")]
    safety_advice: "Keep away from the wire or equipment and keep others away. Call the 95598 hotline now: a crew comes at once.",
    #[cfg(any(client = "services", client = "staff"))]
    outage_here_title: "There is a known outage at this address",
    #[cfg(client = "services")]
    outage_here_help: "We already know about it and crews are working on it: you do not need to report it. If your problem is different, you can still send a report below.",
    #[cfg(client = "services")]
    follow_outage: "Follow this outage",
    #[cfg(client = "services")]
    send_report: "Send report",
    #[cfg(client = "services")]
    photo_optional: "Photo (optional)",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_reported: "Reported",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_dispatched: "Crew dispatched",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_on_the_way: "Crew on the way",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_on_site: "Crew on site",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_restored: "Power restored",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_closed: "Closed",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_merged: "Part of an area outage",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_cancelled: "Cancelled",
    #[cfg(any(client = "services", client = "staff"))]
    arrival_label: "Crew arrival",
    #[cfg(any(client = "services", client = "staff"))]
    restoration_label: "Power back",
    #[cfg(any(client = "services", client = "staff"))]
    promise_met: "met",
    #[cfg(any(client = "services", client = "staff"))]
    promise_missed: "missed",
    #[cfg(any(client = "services", client = "staff"))]
    promise_void: "no longer measured",
    #[cfg(any(client = "services", client = "staff"))]
    due_by: "due by",
    #[cfg(any(client = "services", client = "staff"))]
    crew_label: "Crew",
    #[cfg(any(client = "services", client = "staff"))]
    eta_label: "Expected arrival",
    #[cfg(any(client = "services", client = "staff"))]
    reported_label: "Reported",
    #[cfg(any(client = "services", client = "staff"))]
    cancel_ticket: "Cancel report",
    #[cfg(any(client = "services", client = "staff"))]
    updates_itself: "This page updates by itself every few seconds.",
    #[cfg(any(client = "services", client = "staff"))]
    outages_title: "Outage notices",
    #[cfg(any(client = "services", client = "staff"))]
    no_outages: "There are no current or planned outages.",
    #[cfg(any(client = "services", client = "staff"))]
    your_area: "Your area",
    #[cfg(any(client = "services", client = "staff"))]
    outage_planned: "Planned work",
    #[cfg(any(client = "services", client = "staff"))]
    outage_temporary: "Temporary maintenance",
    #[cfg(any(client = "services", client = "staff"))]
    outage_fault: "Grid fault",
    #[cfg(any(client = "services", client = "staff"))]
    outage_shortfall: "Supply shortfall",
    #[cfg(any(client = "services", client = "staff"))]
    phase_current: "Now",
    #[cfg(any(client = "services", client = "staff"))]
    phase_upcoming: "Coming",
    #[cfg(any(client = "services", client = "staff"))]
    phase_ended: "Over",
    #[cfg(client = "staff")]
    ticket_queue_title: "Repair tickets",
    #[cfg(client = "staff")]
    no_open_tickets: "No open tickets.",
    #[cfg(client = "staff")]
    act_dispatch: "Dispatch",
    #[cfg(client = "staff")]
    act_depart: "Crew set out",
    #[cfg(client = "staff")]
    act_arrive: "Crew on site",
    #[cfg(client = "staff")]
    act_restore: "Power restored",
    #[cfg(client = "staff")]
    act_close: "Close ticket",
    #[cfg(client = "staff")]
    act_merge: "Merge into outage",
    #[cfg(any(client = "services", client = "staff"))]
    history_report: "Reported",
    #[cfg(client = "staff")]
    publish_notice: "Publish notice",
    #[cfg(client = "staff")]
    new_notice: "New outage notice",
    #[cfg(client = "staff")]
    mark_power_back: "Mark power back",
    #[cfg(client = "staff")]
    edit_notice: "Edit notice",
    #[cfg(client = "staff")]
    save_notice: "Save changes",
    nav_feedback_queue: "Feedback",
    nav_dashboard: "Dashboard",
    #[cfg(client = "staff")]
    feedback_queue_title: "Feedback cases",
    #[cfg(client = "staff")]
    no_open_feedback: "No cases to act on.",
    #[cfg(any(client = "services", client = "staff"))]
    fb_complaint: "Complaint",
    #[cfg(any(client = "services", client = "staff"))]
    fb_report: "Report",
    #[cfg(any(client = "services", client = "staff"))]
    fb_suggestion: "Suggestion",
    #[cfg(any(client = "services", client = "staff"))]
    fb_praise: "Praise",
    #[cfg(any(client = "services", client = "staff"))]
    fb_open: "Received",
    #[cfg(any(client = "services", client = "staff"))]
    fb_contacted: "Customer contacted",
    #[cfg(any(client = "services", client = "staff"))]
    fb_answered: "Answered",
    #[cfg(any(client = "services", client = "staff"))]
    fb_closed: "Closed",
    #[cfg(any(client = "services", client = "staff"))]
    fb_filed: "Filed",
    #[cfg(any(client = "services", client = "staff"))]
    fb_satisfied: "Customer satisfied",
    #[cfg(any(client = "services", client = "staff"))]
    fb_not_satisfied: "Customer not satisfied: reopened",
    #[cfg(any(client = "services", client = "staff"))]
    topic_billing: "Billing",
    #[cfg(any(client = "services", client = "staff"))]
    topic_meter_reading: "Meter reading",
    #[cfg(any(client = "services", client = "staff"))]
    topic_power_supply: "Power supply",
    #[cfg(any(client = "services", client = "staff"))]
    topic_staff_conduct: "Staff conduct",
    #[cfg(any(client = "services", client = "staff"))]
    topic_connection: "Connection",
    #[cfg(any(client = "services", client = "staff"))]
    topic_other: "Other",
    #[cfg(any(client = "services", client = "staff"))]
    contact_due: "Contact the customer by",
    #[cfg(any(client = "services", client = "staff"))]
    reply_due: "Reply by",
    #[cfg(client = "staff")]
    act_log_contact: "Log the contact",
    #[cfg(client = "staff")]
    act_reply: "Send reply",
    #[cfg(client = "staff")]
    act_close_case: "Close case",
    #[cfg(client = "staff")]
    reply_label: "Reply",
    #[cfg(client = "staff")]
    dashboard_title: "Service supervision",
    #[cfg(client = "staff")]
    range_from: "From",
    #[cfg(client = "staff")]
    range_to: "To",
    #[cfg(client = "staff")]
    show_figures: "Show",
    #[cfg(any(client = "business", client = "portal", client = "staff"))]
    download_csv: "Download CSV",
    #[cfg(client = "staff")]
    satisfaction_label: "Satisfaction (4–5 stars)",
    #[cfg(client = "staff")]
    average_stars: "Average stars",
    #[cfg(client = "staff")]
    ratings_count: "Ratings",
    #[cfg(client = "staff")]
    on_time_title: "On time, per commitment",
    #[cfg(client = "staff")]
    commitment_label: "Commitment",
    #[cfg(client = "staff")]
    met_of: "Met",
    #[cfg(client = "staff")]
    share_label: "Share",
    #[cfg(client = "staff")]
    by_month_title: "By month",
    #[cfg(client = "staff")]
    by_area_title: "By area class",
    #[cfg(client = "staff")]
    by_category_title: "By category",
    #[cfg(client = "staff")]
    at_risk_title: "Open cases near or past their deadline",
    #[cfg(client = "staff")]
    no_at_risk: "None.",
    #[cfg(client = "staff")]
    c_repair_arrival: "Repair: crew on site",
    #[cfg(client = "staff")]
    c_repair_restoration: "Repair: power back",
    #[cfg(client = "staff")]
    c_connection_total: "Connection: all utility stages",
    #[cfg(client = "staff")]
    c_complaint_contact: "Complaint: customer contacted",
    #[cfg(client = "staff")]
    c_complaint_reply: "Complaint: reply",
    #[cfg(client = "staff")]
    past: "Past",
    #[cfg(client = "staff")]
    near: "Near",
    #[cfg(client = "staff")]
    chart_satisfaction_desc: "Bars show the share of 4–5 star ratings each month; the table below has the same numbers.",
    #[cfg(any(client = "services", client = "staff"))]
    rate_title: "Rate this service",
    #[cfg(any(client = "services", client = "staff"))]
    tag_speed: "Speed",
    #[cfg(any(client = "services", client = "staff"))]
    tag_attitude: "Attitude",
    #[cfg(any(client = "services", client = "staff"))]
    tag_explanation: "Explanation",
    #[cfg(any(client = "services", client = "staff"))]
    tag_result: "Result",
    #[cfg(any(client = "services", client = "staff"))]
    send_rating: "Send rating",
    #[cfg(any(client = "services", client = "staff"))]
    rating_saved: "Thank you: your rating is saved.",
    #[cfg(any(client = "services", client = "staff"))]
    rating_final: "Ratings can be changed for 7 days.",
    #[cfg(client = "portal")]
    rate_invite_title: "How did we do?",
    #[cfg(client = "portal")]
    rate_invite_help: "These jobs finished in the last 30 days. Your stars tell us what to improve.",
    job_repair: "Repair",
    job_connection: "Application",
    #[cfg(any(client = "portal", client = "services", client = "staff"))]
    job_complaint: "Complaint",
    #[cfg(any(client = "services", client = "staff"))]
    stars_n: |n| {
        if n == 1 {
            "1 star".into()
        } else {
            format!("{n} stars")
        }
    },
    #[cfg(any(client = "services", client = "staff"))]
    minutes_left: |n| {
        if n == 1 {
            "1 minute left".into()
        } else {
            format!("{n} minutes left")
        }
    },
    time: en_time,
    nav_feedback: "Feedback",
    #[cfg(client = "services")]
    feedback_title: "My feedback",
    #[cfg(client = "services")]
    give_feedback: "Give feedback",
    #[cfg(client = "services")]
    no_feedback: "You have not sent us any feedback yet.",
    #[cfg(client = "services")]
    feedback_intro: "Tell us about a problem, report misconduct, suggest an improvement or praise good service. Complaints are answered within published time limits.",
    #[cfg(client = "services")]
    field_feedback_kind: "Type of feedback",
    #[cfg(client = "services")]
    field_feedback_topic: "What it is about",
    #[cfg(client = "services")]
    field_feedback_account: "Service account (optional)",
    #[cfg(any(client = "services", client = "staff"))]
    field_feedback_text: "Tell us what happened",
    #[cfg(client = "services")]
    feedback_text_hint: "10 to 1000 characters.",
    #[cfg(client = "services")]
    attachments_optional: "Attachments (optional): up to 5 files; PDF, JPEG or PNG, at most 5 MB each",
    #[cfg(client = "services")]
    about_job: "About",
    #[cfg(client = "services")]
    complaint_deadlines_help: "A complaint gets a call back and a written reply; the case page shows the date for each once it is sent.",
    #[cfg(client = "services")]
    send_feedback: "Send feedback",
    choose_none: "None",
    #[cfg(any(client = "services", client = "staff"))]
    received_label: "Received",
    #[cfg(any(client = "services", client = "staff"))]
    our_reply: "Our reply",
    #[cfg(any(client = "services", client = "staff"))]
    no_reply_yet: "We have not replied yet.",
    #[cfg(client = "services")]
    confirm_title: "Are you satisfied with our answer?",
    #[cfg(client = "services")]
    confirm_yes: "Yes, satisfied",
    #[cfg(client = "services")]
    confirm_no: "No, not satisfied",
    #[cfg(client = "services")]
    confirm_reason: "What is still wrong?",
    #[cfg(client = "services")]
    send_confirmation: "Send answer",
    #[cfg(client = "services")]
    confirm_closed: "Thank you: the case is closed.",
    #[cfg(client = "services")]
    confirm_reopened: "The case is open again: we will contact you and reply by the new dates.",
    #[cfg(any(client = "services", client = "staff"))]
    attachments_label: "Attachments",
    #[cfg(any(client = "services", client = "staff"))]
    complain_about_job: "Complaint or comment about this job",
    #[cfg(any(client = "services", client = "staff"))]
    round_label: "Round",
    #[cfg(any(client = "services", client = "staff"))]
    reopened_round: |n| {
        if n > 1 {
            format!("{n} (reopened)")
        } else {
            n.to_string()
        }
    },
    #[cfg(any(client = "services", client = "staff"))]
    deadline_running: |due, n| match n {
        0 => format!("{due} · due today"),
        1 => format!("{due} · 1 day left"),
        n => format!("{due} · {n} days left"),
    },
    #[cfg(any(client = "services", client = "staff"))]
    deadline_done: |due, done| format!("{due} · done {done}"),
    field_organisation: "Organisation",
    field_site: "Site",
    field_user: "Member",
    field_invitation: "Invitation",
    field_token: "Invitation link",
    field_role: "Role",
    field_label: "Label",
    field_search: "Search",
    field_open_requests: "Only sites with open requests",
    field_unpaid: "Only sites with unpaid bills",
    field_from: "From",
    field_to: "Until (not included)",
    field_sites: "Sites",
    field_add: "Add or remove",
    problem_already_member: "belongs to a member already",
    problem_last_owner: "an organisation must keep at least one owner",
    context_label: "Acting for",
    context_home: "Myself (home)",
    #[cfg(any(client = "business", client = "portal"))]
    business_title: "Your organisations",
    #[cfg(client = "business")]
    no_organisations: "You do not belong to any organisation.",
    #[cfg(any(client = "business", client = "portal"))]
    role_owner: "Owner",
    #[cfg(any(client = "business", client = "portal"))]
    role_manager: "Manager",
    #[cfg(any(client = "business", client = "portal"))]
    role_viewer: "Viewer",
    #[cfg(client = "business")]
    biz_menu: "Organisation menu",
    #[cfg(client = "business")]
    biz_dashboard: "Dashboard",
    #[cfg(client = "business")]
    biz_sites: "Sites",
    #[cfg(client = "business")]
    biz_members: "Members",
    #[cfg(client = "business")]
    biz_export: "Export",
    #[cfg(client = "business")]
    total_due_label: "Due across all sites",
    #[cfg(client = "business")]
    unpaid_bills_label: "Unpaid bills",
    #[cfg(client = "business")]
    site_count_label: "Sites",
    #[cfg(client = "business")]
    overdue_sites_title: "Sites with overdue bills",
    #[cfg(client = "business")]
    no_overdue: "No site has an overdue bill.",
    #[cfg(client = "business")]
    overdue_since: "Overdue since",
    #[cfg(client = "business")]
    overdue_amount: "Overdue",
    #[cfg(client = "business")]
    months_title: "Latest billing month and the month before",
    #[cfg(client = "business")]
    months_of: |a, b| format!("Latest billing month: {a}. The month before: {b}."),
    #[cfg(client = "business")]
    months_chart_desc: "Bars show the cost of the sites that cost most in the latest billing month, with the month before beside each; the table below has every site.",
    #[cfg(client = "business")]
    kwh_latest: "kWh, latest",
    #[cfg(client = "business")]
    kwh_before: "kWh, before",
    #[cfg(client = "business")]
    cost_latest: "Cost, latest",
    #[cfg(client = "business")]
    cost_before: "Cost, before",
    #[cfg(client = "business")]
    col_change: "Change",
    #[cfg(client = "business")]
    sort_by: "Sort the table by",
    #[cfg(client = "business")]
    latest_series: "Latest month",
    #[cfg(client = "business")]
    before_series: "Month before",
    #[cfg(client = "business")]
    open_requests_title: "Open requests",
    #[cfg(client = "business")]
    no_open_requests: "No open requests.",
    #[cfg(client = "business")]
    deadline_label: "Next deadline",
    #[cfg(client = "business")]
    col_site: "Site",
    #[cfg(client = "business")]
    find_sites: "Find sites",
    #[cfg(client = "business")]
    supply_area_label: "Supply area",
    #[cfg(client = "business")]
    show_sites: "Show sites",
    #[cfg(client = "business")]
    clear_filters: "Clear",
    #[cfg(client = "business")]
    matching_sites: |n| {
        if n == 1 {
            "1 site matches".to_string()
        } else {
            format!("{n} sites match")
        }
    },
    #[cfg(client = "business")]
    col_labels: "Labels",
    #[cfg(client = "business")]
    col_owed: "Owed",
    #[cfg(client = "business")]
    col_open_requests: "Open requests",
    #[cfg(client = "business")]
    choice_all: "All",
    #[cfg(client = "business")]
    add_label: "Add label",
    #[cfg(client = "business")]
    remove_label: |l| format!("Remove label {l}"),
    #[cfg(client = "business")]
    new_label: "New label",
    #[cfg(any(client = "business", client = "portal"))]
    usage_by_month: "Use by month",
    #[cfg(client = "business")]
    usage_chart_desc: "Bars show the kWh billed each month; the bills table has the same numbers.",
    #[cfg(client = "business")]
    report_for_site: "Report a fault here",
    #[cfg(client = "business")]
    apply_for_site: "Apply for a change here",
    #[cfg(any(client = "business", client = "services"))]
    read_only_role: "Your role is viewer: you can read every site, but filing requests, labelling and inviting need an owner or manager.",
    #[cfg(client = "business")]
    change_role: "Change role",
    #[cfg(client = "business")]
    remove_member: |e| format!("Remove {e}"),
    #[cfg(client = "business")]
    role_of: |e| format!("Role of {e}"),
    #[cfg(client = "business")]
    you_label: "(you)",
    #[cfg(client = "business")]
    invite_title: "Invite someone",
    #[cfg(client = "business")]
    invite_help: "We email them a link; it works once, for that address, for 7 days.",
    #[cfg(client = "business")]
    send_invitation: "Send invitation",
    #[cfg(client = "business")]
    invitation_link: "Invitation link (pass it on yourself if the email does not arrive)",
    #[cfg(client = "business")]
    invitations_title: "Invitations",
    #[cfg(client = "business")]
    inv_pending: "Pending",
    #[cfg(client = "business")]
    inv_accepted: "Accepted",
    #[cfg(client = "business")]
    inv_revoked: "Withdrawn",
    #[cfg(client = "business")]
    inv_expired: "Expired",
    #[cfg(client = "business")]
    withdraw: "Withdraw",
    #[cfg(client = "business")]
    col_expires: "Expires",
    #[cfg(client = "business")]
    join_title: "Invitation",
    #[cfg(client = "business")]
    join_offer: |org, role| format!("{org} invites you to join as {role}."),
    #[cfg(client = "business")]
    join_not_for_me: |email| {
        format!("This invitation is for {email}. Sign in with that address to accept it.")
    },
    #[cfg(client = "business")]
    join_gone: "This invitation was used, withdrawn or has expired. Ask the owner for a new one.",
    #[cfg(client = "business")]
    accept_invitation: "Accept invitation",
    #[cfg(client = "business")]
    joined: |org| format!("You are now a member: {org}"),
    #[cfg(any(client = "business", client = "portal"))]
    open_dashboard: "Open the dashboard",
    #[cfg(client = "business")]
    export_title: "Export bills",
    #[cfg(client = "business")]
    export_help: "One line per bill: site, account number, period, kWh, amount, paid, due date, status and labels.",
    #[cfg(client = "business")]
    export_which: "Which sites",
    #[cfg(client = "business")]
    export_all: "All sites",
    #[cfg(client = "business")]
    export_chosen: |n| format!("The {n} sites chosen on the sites list"),
    #[cfg(client = "business")]
    export_by_label: "Sites with the label",
    #[cfg(client = "business")]
    export_choose: "Export the chosen sites",
    #[cfg(client = "business")]
    choose_site: |name| format!("Choose {name}"),
    field_days: "Days shown",
    field_interval: "Readings",
    field_day: "Day",
    #[cfg(client = "portal")]
    why_title: "Why this amount",
    #[cfg(client = "portal")]
    why_previous: |kwh, before, change, amount, amount_before| {
        format!(
            "This bill: {kwh} kWh, {amount}. The bill before: {before} kWh, {amount_before}. Change in use: {change}."
        )
    },
    #[cfg(client = "portal")]
    why_last_year: |month, kwh, change| {
        format!("The same month a year earlier ({month}): {kwh} kWh. Change: {change}.")
    },
    #[cfg(client = "portal")]
    why_more_days: |days, before| {
        format!("This bill covers {days} days; the one before covered {before}.")
    },
    #[cfg(client = "portal")]
    why_higher_tier: |above, before, tier3| {
        format!(
            "{above} kWh were charged above tier 1 (the bill before: {before} kWh), {tier3} kWh of them at tier 3."
        )
    },
    #[cfg(client = "portal")]
    why_more_peak: |now, before| {
        format!("{now} of the energy fell in the peak hours (the bill before: {before}).")
    },
    #[cfg(client = "portal")]
    why_tariff_changed: |from, to| format!("The tariff changed from {from} to {to}."),
    #[cfg(client = "portal")]
    why_tier_reset: |day| format!("Your tiers start again at tier 1 on {day}."),
    #[cfg(client = "portal")]
    why_none: "This is the account's first bill: there is nothing to compare it with yet.",
    #[cfg(client = "portal")]
    print_bill: "Print or save as PDF",
    #[cfg(client = "portal")]
    reference_label: "Reference",
    nav_usage: "Usage",
    #[cfg(client = "portal")]
    usage_title: "Usage",
    #[cfg(client = "portal")]
    usage_monthly_desc: "Bars show each billed month's kWh, with the same month a year earlier beside it; the table has the same numbers.",
    #[cfg(client = "portal")]
    month_series: "Billed month",
    #[cfg(client = "portal")]
    year_before_series: "A year earlier",
    #[cfg(client = "portal")]
    usage_daily_title: "Use by day",
    #[cfg(client = "portal")]
    usage_daily_desc: "The line shows each day's kWh over the days chosen; the table has the same numbers.",
    #[cfg(client = "portal")]
    usage_tou_title: "Peak and valley",
    #[cfg(client = "portal")]
    peak_share_of: |peak, valley, share| {
        format!("Peak {peak} kWh, valley {valley} kWh: {share} in the peak hours.")
    },
    #[cfg(client = "portal")]
    usage_hourly_title: "Use by hour",
    #[cfg(client = "portal")]
    usage_hourly_desc: "Bars show each hour of the day chosen; the table has the same numbers.",
    #[cfg(client = "portal")]
    days_option: |n| format!("Last {n} days"),
    #[cfg(client = "portal")]
    show_tables: "Show as tables",
    #[cfg(client = "portal")]
    show_charts: "Show as charts",
    #[cfg(client = "portal")]
    not_smart: "This meter is read once a month, so there are no daily or hourly figures.",
    #[cfg(client = "portal")]
    download_title: "Download my data (Green Button)",
    #[cfg(client = "portal")]
    download_help: "A standard file of your use, to keep or to give to an energy adviser. Hourly files cover up to 92 days; monthly ones come from your bills.",
    #[cfg(client = "portal")]
    interval_hourly: "Hourly (smart meter)",
    #[cfg(client = "portal")]
    interval_monthly: "Monthly (from bills)",
    #[cfg(client = "portal")]
    download_xml: "Download Green Button XML",
    #[cfg(client = "portal")]
    col_month: "Month",
    #[cfg(client = "portal")]
    col_year_before: "A year earlier (kWh)",
    #[cfg(client = "portal")]
    col_hour: "Hour",
    #[cfg(client = "portal")]
    col_peak: "Peak (kWh)",
    #[cfg(client = "portal")]
    col_valley: "Valley (kWh)",
};

/// Simplified Chinese.
pub static ZH: Text = Text {
    app_name: "GridCare 网上营业厅",
    #[cfg(client = "portal")]
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
    #[cfg(client = "portal")]
    signing_in: "正在登录…",
    sign_out: "退出登录",
    #[cfg(client = "portal")]
    register: "注册账号",
    #[cfg(client = "portal")]
    registering: "正在注册…",
    #[cfg(client = "portal")]
    sign_in_title: "登录 GridCare",
    #[cfg(client = "portal")]
    register_title: "注册 GridCare 账号",
    email: "邮箱",
    password: "密码",
    #[cfg(client = "portal")]
    password_hint: "至少 10 个字符，可从密码管理器粘贴。",
    #[cfg(client = "portal")]
    no_login_yet: "还没有账号？",
    #[cfg(client = "portal")]
    have_login: "已有账号？",
    #[cfg(client = "portal")]
    greeting: |name| {
        if name.is_empty() {
            "欢迎".to_string()
        } else {
            format!("{name}，您好")
        }
    },
    #[cfg(any(client = "business", client = "portal"))]
    balance_due: "应缴金额",
    #[cfg(any(client = "business", client = "portal"))]
    nothing_due: "暂无欠费，谢谢！",
    next_due: "最近缴费截止日",
    #[cfg(client = "portal")]
    latest_bill: "最新账单",
    #[cfg(client = "portal")]
    no_bills_yet: "暂无账单。",
    #[cfg(client = "portal")]
    view_bill: "查看账单",
    #[cfg(client = "portal")]
    my_accounts: "我的用电户号",
    #[cfg(client = "portal")]
    no_accounts: "此登录尚未绑定户号。",
    #[cfg(client = "portal")]
    view_bills: "查看账单",
    #[cfg(client = "portal")]
    bind_title: "绑定户号",
    #[cfg(client = "portal")]
    bind_help: "请输入账单上的 10 位户号，以及预留手机号码的后 4 位。",
    account_number: "户号",
    phone_last4: "手机号后 4 位",
    #[cfg(client = "portal")]
    bind: "绑定户号",
    #[cfg(client = "portal")]
    binding: "正在绑定…",
    #[cfg(client = "portal")]
    bound: |n| format!("户号 {n} 已绑定。"),
    #[cfg(client = "portal")]
    bills_title: "账单",
    #[cfg(client = "portal")]
    choose_account: "请选择户号查看账单。",
    #[cfg(client = "portal")]
    bills_of: |n| format!("户号 {n} 的账单"),
    #[cfg(any(client = "business", client = "portal"))]
    col_period: "账期",
    #[cfg(any(client = "business", client = "portal"))]
    col_energy: "电量（千瓦时）",
    #[cfg(any(client = "business", client = "portal"))]
    col_amount: "金额",
    col_due: "截止日",
    #[cfg(any(client = "business", client = "portal"))]
    col_status: "状态",
    #[cfg(client = "portal")]
    col_details: "详情",
    #[cfg(client = "portal")]
    details: "详情",
    #[cfg(any(client = "business", client = "portal"))]
    page_of: |p, n| format!("第 {p} 页，共 {n} 页"),
    #[cfg(any(client = "business", client = "portal"))]
    previous_page: "上一页",
    #[cfg(any(client = "business", client = "portal"))]
    next_page: "下一页",
    #[cfg(any(client = "business", client = "portal"))]
    pages: "分页",
    #[cfg(client = "portal")]
    bill_title: |m| format!("{m}账单"),
    #[cfg(client = "portal")]
    back_to_bills: "返回账单列表",
    #[cfg(any(client = "portal", client = "services"))]
    account: "户号",
    premise: "用电地址",
    #[cfg(any(client = "business", client = "portal"))]
    tariff: "电价",
    #[cfg(client = "portal")]
    meter: "电能表",
    #[cfg(client = "portal")]
    period: "抄表周期",
    #[cfg(client = "portal")]
    issued_on: "出账日期",
    due_on: "缴费截止日",
    status: "状态",
    #[cfg(any(client = "business", client = "portal"))]
    total: "合计",
    #[cfg(client = "portal")]
    paid: "已缴",
    #[cfg(client = "portal")]
    balance: "待缴",
    #[cfg(client = "portal")]
    readings: "抄表示数",
    #[cfg(client = "portal")]
    register_col: "示数类型",
    #[cfg(client = "portal")]
    reading_start: "上期示数",
    #[cfg(client = "portal")]
    reading_end: "本期示数",
    #[cfg(client = "portal")]
    estimated: "估抄",
    #[cfg(client = "portal")]
    charges: "电费明细",
    #[cfg(client = "portal")]
    col_item: "项目",
    #[cfg(client = "portal")]
    col_price: "电价（元/千瓦时）",
    #[cfg(client = "portal")]
    payments: "缴费记录",
    #[cfg(client = "portal")]
    no_payments: "尚未收到缴费。",
    #[cfg(client = "portal")]
    col_paid_at: "到账时间",
    #[cfg(client = "portal")]
    col_channel: "渠道",
    #[cfg(client = "portal")]
    col_reference: "流水号",
    #[cfg(client = "portal")]
    tier_reset: |d| format!("阶梯电量将于{d}重新计算。"),
    not_found_title: "页面不存在",
    not_found_body: "此地址没有页面。",
    go_home: "返回首页",
    months: [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ],
    date: zh_date,
    #[cfg(any(client = "business", client = "portal"))]
    month_year: zh_month_year,
    status_unpaid: "未缴费",
    status_partly_paid: "部分缴费",
    status_paid: "已缴清",
    status_overdue: "已逾期",
    #[cfg(client = "portal")]
    line_tier1: "第一档",
    #[cfg(client = "portal")]
    line_tier2: "第二档",
    #[cfg(client = "portal")]
    line_tier3: "第三档",
    #[cfg(client = "portal")]
    line_peak: "峰时段（08:00–22:00）",
    #[cfg(client = "portal")]
    line_valley: "谷时段（22:00–08:00）",
    #[cfg(client = "portal")]
    line_flat: "单一电价",
    #[cfg(client = "portal")]
    register_total: "总",
    #[cfg(client = "portal")]
    register_peak: "峰",
    #[cfg(client = "portal")]
    register_valley: "谷",
    #[cfg(any(client = "portal", client = "staff"))]
    area_urban: "城市",
    #[cfg(any(client = "portal", client = "staff"))]
    area_rural: "农村",
    #[cfg(any(client = "portal", client = "staff"))]
    area_remote: "偏远地区",
    #[cfg(client = "portal")]
    category_residential: "居民生活",
    #[cfg(client = "portal")]
    category_business_lv: "低压工商业",
    #[cfg(client = "portal")]
    category_business_hv: "高压工商业",
    #[cfg(client = "portal")]
    channel_wechat: "微信支付",
    #[cfg(client = "portal")]
    channel_alipay: "支付宝",
    #[cfg(client = "portal")]
    channel_online_banking: "网上银行",
    #[cfg(client = "portal")]
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
    #[cfg(client = "staff")]
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
    #[cfg(any(client = "services", client = "staff"))]
    apps_title: "我的用电申请",
    #[cfg(any(client = "services", client = "staff"))]
    apply_new: "申请用电",
    #[cfg(any(client = "services", client = "staff"))]
    no_apps: "暂无申请。",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    col_number: "编号",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    col_kind: "业务类型",
    #[cfg(any(client = "services", client = "staff"))]
    col_stage: "当前环节",
    #[cfg(any(client = "services", client = "staff"))]
    col_next_due: "下一截止日",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    late: "已超期",
    #[cfg(any(client = "services", client = "staff"))]
    on_time: "按时",
    #[cfg(any(client = "services", client = "staff"))]
    in_progress: "办理中",
    #[cfg(any(client = "services", client = "staff"))]
    not_reached: "未开始",
    #[cfg(any(client = "services", client = "staff"))]
    kind_new_connection: "新装",
    #[cfg(any(client = "services", client = "staff"))]
    kind_capacity_increase: "增容",
    #[cfg(any(client = "services", client = "staff"))]
    kind_capacity_decrease: "减容",
    #[cfg(any(client = "services", client = "staff"))]
    kind_tariff_change: "改类（电价变更）",
    #[cfg(any(client = "services", client = "staff"))]
    kind_move_in: "过户迁入（开始用电）",
    #[cfg(any(client = "services", client = "staff"))]
    kind_move_out: "迁出（停止用电）",
    #[cfg(any(client = "services", client = "staff"))]
    kind_temporary_supply: "临时用电",
    #[cfg(any(client = "services", client = "staff"))]
    kind_ev_charger: "电动汽车充电桩",
    #[cfg(any(client = "services", client = "staff"))]
    cat_residential: "居民",
    #[cfg(any(client = "services", client = "staff"))]
    cat_lv_business: "低压非居民",
    #[cfg(any(client = "services", client = "staff"))]
    cat_hv_single: "高压单电源",
    #[cfg(any(client = "services", client = "staff"))]
    cat_hv_double: "高压双电源",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_application: "受理",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_site_survey: "现场勘查",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_supply_plan: "供电方案答复",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_design_review: "设计审核",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_mid_check: "中间检查",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_completion: "竣工检验",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_energise: "装表接电",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    stage_archived: "归档",
    #[cfg(any(client = "services", client = "staff"))]
    state_in_progress: "办理中",
    #[cfg(any(client = "services", client = "staff"))]
    state_waiting: "待您补充",
    #[cfg(any(client = "services", client = "staff"))]
    state_completed: "已完成",
    #[cfg(any(client = "services", client = "staff"))]
    state_rejected: "已驳回",
    #[cfg(any(client = "services", client = "staff"))]
    state_cancelled: "已撤销",
    #[cfg(any(client = "services", client = "staff"))]
    doc_id_card: "身份证明",
    #[cfg(any(client = "services", client = "staff"))]
    doc_ownership: "产权或租赁证明",
    #[cfg(any(client = "services", client = "staff"))]
    doc_licence: "营业执照",
    #[cfg(any(client = "services", client = "staff"))]
    doc_legal_rep: "法定代表人身份证明",
    #[cfg(any(client = "services", client = "staff"))]
    doc_parking: "车位产权或使用证明",
    #[cfg(any(client = "services", client = "staff"))]
    doc_consent: "物业同意安装证明",
    #[cfg(any(client = "services", client = "staff"))]
    doc_other: "其他资料",
    #[cfg(client = "services")]
    step_what: "申请内容",
    #[cfg(client = "services")]
    step_contact: "联系方式",
    #[cfg(client = "services")]
    step_documents: "申请资料",
    #[cfg(client = "services")]
    step_review: "确认提交",
    next: "下一步",
    #[cfg(client = "services")]
    back: "上一步",
    #[cfg(client = "services")]
    submit_application: "提交申请",
    #[cfg(client = "services")]
    submitting: "正在提交…",
    #[cfg(any(client = "portal", client = "services"))]
    service_account: "用电户号",
    #[cfg(client = "services")]
    new_premises: "新装（暂无户号）",
    choose: "请选择…",
    #[cfg(client = "services")]
    documents_help: "凭身份证明即可受理，其他资料可现在上传，也可在我们通知后补充。支持 PDF、JPEG、PNG，每个不超过 5 MB。",
    #[cfg(any(client = "services", client = "staff"))]
    uploaded: "已上传",
    #[cfg(any(client = "services", client = "staff"))]
    progress: "办理进度",
    #[cfg(any(client = "services", client = "staff"))]
    col_limit: "时限",
    #[cfg(any(client = "services", client = "staff"))]
    col_started: "开始",
    #[cfg(any(client = "services", client = "staff"))]
    col_done: "完成",
    #[cfg(any(client = "services", client = "staff"))]
    col_result: "结果",
    #[cfg(any(client = "services", client = "staff"))]
    waiting_title: "需要您补充",
    #[cfg(any(client = "services", client = "staff"))]
    respond: "提交给供电公司",
    #[cfg(any(client = "services", client = "staff"))]
    message_optional: "留言（可选）",
    #[cfg(any(client = "services", client = "staff"))]
    cancel_application: "撤销申请",
    #[cfg(any(client = "services", client = "staff"))]
    history: "办理记录",
    #[cfg(any(client = "services", client = "staff"))]
    documents_title: "申请资料",
    #[cfg(any(client = "services", client = "staff"))]
    still_needed: "尚需提供",
    #[cfg(any(client = "services", client = "staff"))]
    by_utility: "供电公司",
    #[cfg(any(client = "services", client = "staff"))]
    by_you: "您",
    #[cfg(any(client = "services", client = "staff"))]
    by_customer: "客户",
    #[cfg(any(client = "services", client = "staff"))]
    capacity_label: "容量",
    #[cfg(any(client = "services", client = "staff"))]
    voltage_label: "供电电压",
    #[cfg(any(client = "services", client = "staff"))]
    accepted_on: "受理日期",
    #[cfg(any(client = "services", client = "staff"))]
    all_stages: "供电企业各环节合计",
    #[cfg(client = "staff")]
    queue_title: "业扩报装工单",
    #[cfg(client = "staff")]
    filter_stage: "环节",
    #[cfg(client = "staff")]
    filter_category: "用户类别",
    #[cfg(client = "staff")]
    filter_overdue: "仅显示超期",
    all: "全部",
    #[cfg(client = "staff")]
    queue_empty: "没有符合条件的在办工单。",
    #[cfg(client = "staff")]
    advance: "完成本环节",
    #[cfg(client = "staff")]
    ask_customer: "要求客户补充",
    #[cfg(client = "staff")]
    reject: "驳回",
    #[cfg(client = "staff")]
    note_label: "备注",
    #[cfg(client = "staff")]
    show_to_customer: "客户可见",
    #[cfg(any(client = "services", client = "staff"))]
    staff_note: "仅内部可见",
    #[cfg(any(client = "services", client = "staff"))]
    action_open: "提交申请",
    #[cfg(any(client = "services", client = "staff"))]
    action_advance: "环节完成",
    #[cfg(any(client = "services", client = "staff"))]
    action_ask: "要求补充",
    #[cfg(any(client = "services", client = "staff"))]
    action_respond: "客户已补充",
    #[cfg(any(client = "services", client = "staff"))]
    action_reject: "驳回",
    #[cfg(any(client = "services", client = "staff"))]
    action_cancel: "撤销",
    #[cfg(any(client = "services", client = "staff"))]
    working_days: |n| format!("{n} 个工作日"),
    #[cfg(any(client = "services", client = "staff"))]
    used_of: |used, limit| format!("已用 {used} / {limit} 个工作日"),
    nav_repairs: "故障报修",
    nav_outages: "停电信息",
    nav_tickets: "抢修工单",
    #[cfg(any(client = "services", client = "staff"))]
    tickets_title: "我的报修",
    #[cfg(any(client = "services", client = "staff"))]
    report_fault: "我要报修",
    #[cfg(any(client = "services", client = "staff"))]
    no_tickets: "暂无报修记录。",
    #[cfg(any(client = "services", client = "staff"))]
    fault_no_power: "全部停电",
    #[cfg(any(client = "services", client = "staff"))]
    fault_partial: "部分停电",
    #[cfg(any(client = "services", client = "staff"))]
    fault_voltage: "电压过低、过高或闪烁",
    #[cfg(any(client = "services", client = "staff"))]
    fault_damaged: "电表或线路损坏",
    #[cfg(any(client = "services", client = "staff"))]
    fault_hazard: "安全隐患：电线断落、打火",
    #[cfg(client = "services")]
    yes: "是",
    #[cfg(client = "services")]
    no: "否",
    #[cfg(client = "services")]
    safety_title: "注意安全",
    #[cfg(client = "services")]
    safety_advice: "请远离电线或设备，并提醒他人远离。请立即拨打 95598 热线，我们会马上派人处理。",
    #[cfg(any(client = "services", client = "staff"))]
    outage_here_title: "该地址正在停电",
    #[cfg(client = "services")]
    outage_here_help: "我们已掌握该停电情况并正在抢修，无需重复报修。如果您的问题不同，仍可在下方报修。",
    #[cfg(client = "services")]
    follow_outage: "查看停电进展",
    #[cfg(client = "services")]
    send_report: "提交报修",
    #[cfg(client = "services")]
    photo_optional: "照片（可选）",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_reported: "已受理",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_dispatched: "已派工",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_on_the_way: "抢修人员在途",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_on_site: "已到达现场",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_restored: "已恢复送电",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_closed: "已完成",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_merged: "已并入停电事件",
    #[cfg(any(client = "business", client = "services", client = "staff"))]
    ticket_cancelled: "已撤销",
    #[cfg(any(client = "services", client = "staff"))]
    arrival_label: "到达现场",
    #[cfg(any(client = "services", client = "staff"))]
    restoration_label: "恢复送电",
    #[cfg(any(client = "services", client = "staff"))]
    promise_met: "按时",
    #[cfg(any(client = "services", client = "staff"))]
    promise_missed: "超时",
    #[cfg(any(client = "services", client = "staff"))]
    promise_void: "不再计时",
    #[cfg(any(client = "services", client = "staff"))]
    due_by: "应于",
    #[cfg(any(client = "services", client = "staff"))]
    crew_label: "抢修班组",
    #[cfg(any(client = "services", client = "staff"))]
    eta_label: "预计到达",
    #[cfg(any(client = "services", client = "staff"))]
    reported_label: "报修时间",
    #[cfg(any(client = "services", client = "staff"))]
    cancel_ticket: "撤销报修",
    #[cfg(any(client = "services", client = "staff"))]
    updates_itself: "本页每隔几秒自动更新。",
    #[cfg(any(client = "services", client = "staff"))]
    outages_title: "停电信息",
    #[cfg(any(client = "services", client = "staff"))]
    no_outages: "当前没有停电或停电计划。",
    #[cfg(any(client = "services", client = "staff"))]
    your_area: "您所在地区",
    #[cfg(any(client = "services", client = "staff"))]
    outage_planned: "计划停电",
    #[cfg(any(client = "services", client = "staff"))]
    outage_temporary: "临时停电",
    #[cfg(any(client = "services", client = "staff"))]
    outage_fault: "故障停电",
    #[cfg(any(client = "services", client = "staff"))]
    outage_shortfall: "超电网供电能力停限电",
    #[cfg(any(client = "services", client = "staff"))]
    phase_current: "正在停电",
    #[cfg(any(client = "services", client = "staff"))]
    phase_upcoming: "即将停电",
    #[cfg(any(client = "services", client = "staff"))]
    phase_ended: "已结束",
    #[cfg(client = "staff")]
    ticket_queue_title: "抢修工单",
    #[cfg(client = "staff")]
    no_open_tickets: "没有待处理的工单。",
    #[cfg(client = "staff")]
    act_dispatch: "派工",
    #[cfg(client = "staff")]
    act_depart: "出发",
    #[cfg(client = "staff")]
    act_arrive: "到达现场",
    #[cfg(client = "staff")]
    act_restore: "恢复送电",
    #[cfg(client = "staff")]
    act_close: "结单",
    #[cfg(client = "staff")]
    act_merge: "并入停电事件",
    #[cfg(any(client = "services", client = "staff"))]
    history_report: "报修",
    #[cfg(client = "staff")]
    publish_notice: "发布停电信息",
    #[cfg(client = "staff")]
    new_notice: "新建停电信息",
    #[cfg(client = "staff")]
    mark_power_back: "标记已恢复",
    #[cfg(client = "staff")]
    edit_notice: "修改公告",
    #[cfg(client = "staff")]
    save_notice: "保存修改",
    nav_feedback_queue: "客户诉求",
    nav_dashboard: "服务监督",
    #[cfg(client = "staff")]
    feedback_queue_title: "诉求工单",
    #[cfg(client = "staff")]
    no_open_feedback: "没有待处理的诉求。",
    #[cfg(any(client = "services", client = "staff"))]
    fb_complaint: "投诉",
    #[cfg(any(client = "services", client = "staff"))]
    fb_report: "举报",
    #[cfg(any(client = "services", client = "staff"))]
    fb_suggestion: "建议",
    #[cfg(any(client = "services", client = "staff"))]
    fb_praise: "表扬",
    #[cfg(any(client = "services", client = "staff"))]
    fb_open: "已受理",
    #[cfg(any(client = "services", client = "staff"))]
    fb_contacted: "已联系客户",
    #[cfg(any(client = "services", client = "staff"))]
    fb_answered: "已答复",
    #[cfg(any(client = "services", client = "staff"))]
    fb_closed: "已办结",
    #[cfg(any(client = "services", client = "staff"))]
    fb_filed: "已提交",
    #[cfg(any(client = "services", client = "staff"))]
    fb_satisfied: "客户满意",
    #[cfg(any(client = "services", client = "staff"))]
    fb_not_satisfied: "客户不满意，重新办理",
    #[cfg(any(client = "services", client = "staff"))]
    topic_billing: "电费账单",
    #[cfg(any(client = "services", client = "staff"))]
    topic_meter_reading: "抄表计量",
    #[cfg(any(client = "services", client = "staff"))]
    topic_power_supply: "供电质量",
    #[cfg(any(client = "services", client = "staff"))]
    topic_staff_conduct: "服务态度",
    #[cfg(any(client = "services", client = "staff"))]
    topic_connection: "业扩报装",
    #[cfg(any(client = "services", client = "staff"))]
    topic_other: "其他",
    #[cfg(any(client = "services", client = "staff"))]
    contact_due: "联系客户时限",
    #[cfg(any(client = "services", client = "staff"))]
    reply_due: "答复时限",
    #[cfg(client = "staff")]
    act_log_contact: "登记已联系",
    #[cfg(client = "staff")]
    act_reply: "答复客户",
    #[cfg(client = "staff")]
    act_close_case: "办结",
    #[cfg(client = "staff")]
    reply_label: "答复内容",
    #[cfg(client = "staff")]
    dashboard_title: "服务监督",
    #[cfg(client = "staff")]
    range_from: "开始日期",
    #[cfg(client = "staff")]
    range_to: "结束日期",
    #[cfg(client = "staff")]
    show_figures: "查询",
    #[cfg(any(client = "business", client = "portal", client = "staff"))]
    download_csv: "下载 CSV",
    #[cfg(client = "staff")]
    satisfaction_label: "满意率（4–5 星）",
    #[cfg(client = "staff")]
    average_stars: "平均星级",
    #[cfg(client = "staff")]
    ratings_count: "评价数",
    #[cfg(client = "staff")]
    on_time_title: "各项承诺按时率",
    #[cfg(client = "staff")]
    commitment_label: "服务承诺",
    #[cfg(client = "staff")]
    met_of: "按时",
    #[cfg(client = "staff")]
    share_label: "比例",
    #[cfg(client = "staff")]
    by_month_title: "按月",
    #[cfg(client = "staff")]
    by_area_title: "按区域",
    #[cfg(client = "staff")]
    by_category_title: "按类别",
    #[cfg(client = "staff")]
    at_risk_title: "临近或超过时限的在办工单",
    #[cfg(client = "staff")]
    no_at_risk: "无。",
    #[cfg(client = "staff")]
    c_repair_arrival: "抢修到达现场",
    #[cfg(client = "staff")]
    c_repair_restoration: "抢修恢复送电",
    #[cfg(client = "staff")]
    c_connection_total: "业扩报装全流程",
    #[cfg(client = "staff")]
    c_complaint_contact: "投诉联系客户",
    #[cfg(client = "staff")]
    c_complaint_reply: "投诉答复",
    #[cfg(client = "staff")]
    past: "已超时",
    #[cfg(client = "staff")]
    near: "临近",
    #[cfg(client = "staff")]
    chart_satisfaction_desc: "柱形为每月 4–5 星评价占比；下表为相同数据。",
    #[cfg(any(client = "services", client = "staff"))]
    rate_title: "评价本次服务",
    #[cfg(any(client = "services", client = "staff"))]
    tag_speed: "速度快",
    #[cfg(any(client = "services", client = "staff"))]
    tag_attitude: "态度好",
    #[cfg(any(client = "services", client = "staff"))]
    tag_explanation: "解释清楚",
    #[cfg(any(client = "services", client = "staff"))]
    tag_result: "问题解决",
    #[cfg(any(client = "services", client = "staff"))]
    send_rating: "提交评价",
    #[cfg(any(client = "services", client = "staff"))]
    rating_saved: "感谢您的评价，已保存。",
    #[cfg(any(client = "services", client = "staff"))]
    rating_final: "评价提交后 7 天内可修改。",
    #[cfg(client = "portal")]
    rate_invite_title: "请评价我们的服务",
    #[cfg(client = "portal")]
    rate_invite_help: "以下业务在近 30 天内办结，您的评价帮助我们改进。",
    job_repair: "故障报修",
    job_connection: "用电申请",
    #[cfg(any(client = "portal", client = "services", client = "staff"))]
    job_complaint: "投诉",
    #[cfg(any(client = "services", client = "staff"))]
    stars_n: |n| format!("{n} 星"),
    #[cfg(any(client = "services", client = "staff"))]
    minutes_left: |n| format!("剩余 {n} 分钟"),
    time: zh_time,
    nav_feedback: "投诉建议",
    #[cfg(client = "services")]
    feedback_title: "我的投诉建议",
    #[cfg(client = "services")]
    give_feedback: "提交投诉建议",
    #[cfg(client = "services")]
    no_feedback: "您还没有提交过投诉或建议。",
    #[cfg(client = "services")]
    feedback_intro: "投诉、举报、建议或表扬都可以在这里提交。投诉按公开承诺的时限办理。",
    #[cfg(client = "services")]
    field_feedback_kind: "类型",
    #[cfg(client = "services")]
    field_feedback_topic: "涉及业务",
    #[cfg(client = "services")]
    field_feedback_account: "用电户号（可选）",
    #[cfg(any(client = "services", client = "staff"))]
    field_feedback_text: "具体内容",
    #[cfg(client = "services")]
    feedback_text_hint: "10 至 1000 个字。",
    #[cfg(client = "services")]
    attachments_optional: "附件（可选）：最多 5 个，PDF、JPEG 或 PNG，每个不超过 5 MB",
    #[cfg(client = "services")]
    about_job: "相关业务",
    #[cfg(client = "services")]
    complaint_deadlines_help: "投诉提交后，我们会回访并书面答复；案件页面显示各自的截止日期。",
    #[cfg(client = "services")]
    send_feedback: "提交",
    choose_none: "无",
    #[cfg(any(client = "services", client = "staff"))]
    received_label: "受理时间",
    #[cfg(any(client = "services", client = "staff"))]
    our_reply: "答复内容",
    #[cfg(any(client = "services", client = "staff"))]
    no_reply_yet: "尚未答复。",
    #[cfg(client = "services")]
    confirm_title: "您对答复满意吗？",
    #[cfg(client = "services")]
    confirm_yes: "满意",
    #[cfg(client = "services")]
    confirm_no: "不满意",
    #[cfg(client = "services")]
    confirm_reason: "仍未解决的问题",
    #[cfg(client = "services")]
    send_confirmation: "提交确认",
    #[cfg(client = "services")]
    confirm_closed: "感谢您的确认，案件已办结。",
    #[cfg(client = "services")]
    confirm_reopened: "案件已重新受理，我们将在新的期限内联系并答复您。",
    #[cfg(any(client = "services", client = "staff"))]
    attachments_label: "附件",
    #[cfg(any(client = "services", client = "staff"))]
    complain_about_job: "对此业务投诉或建议",
    #[cfg(any(client = "services", client = "staff"))]
    round_label: "办理轮次",
    #[cfg(any(client = "services", client = "staff"))]
    reopened_round: |n| {
        if n > 1 {
            format!("第 {n} 轮（重新办理）")
        } else {
            format!("第 {n} 轮")
        }
    },
    #[cfg(any(client = "services", client = "staff"))]
    deadline_running: |due, n| {
        if n == 0 {
            format!("{due} · 今天到期")
        } else {
            format!("{due} · 剩余 {n} 天")
        }
    },
    #[cfg(any(client = "services", client = "staff"))]
    deadline_done: |due, done| format!("{due} · {done}已完成"),
    field_organisation: "单位",
    field_site: "用电户",
    field_user: "成员",
    field_invitation: "邀请",
    field_token: "邀请链接",
    field_role: "角色",
    field_label: "标签",
    field_search: "搜索",
    field_open_requests: "仅看有在办业务的用电户",
    field_unpaid: "仅看有未缴账单的用电户",
    field_from: "起始日期",
    field_to: "截止日期（不含）",
    field_sites: "用电户",
    field_add: "添加或移除",
    problem_already_member: "已是本单位成员",
    problem_last_owner: "单位至少须保留一名所有者",
    context_label: "当前身份",
    context_home: "个人（家庭）",
    #[cfg(any(client = "business", client = "portal"))]
    business_title: "我的企业",
    #[cfg(client = "business")]
    no_organisations: "您尚未加入任何企业。",
    #[cfg(any(client = "business", client = "portal"))]
    role_owner: "所有者",
    #[cfg(any(client = "business", client = "portal"))]
    role_manager: "管理员",
    #[cfg(any(client = "business", client = "portal"))]
    role_viewer: "查看者",
    #[cfg(client = "business")]
    biz_menu: "企业菜单",
    #[cfg(client = "business")]
    biz_dashboard: "总览",
    #[cfg(client = "business")]
    biz_sites: "用电户",
    #[cfg(client = "business")]
    biz_members: "成员",
    #[cfg(client = "business")]
    biz_export: "导出",
    #[cfg(client = "business")]
    total_due_label: "全部用电户应缴",
    #[cfg(client = "business")]
    unpaid_bills_label: "未缴账单",
    #[cfg(client = "business")]
    site_count_label: "用电户数",
    #[cfg(client = "business")]
    overdue_sites_title: "欠费逾期的用电户",
    #[cfg(client = "business")]
    no_overdue: "没有逾期欠费的用电户。",
    #[cfg(client = "business")]
    overdue_since: "逾期起始",
    #[cfg(client = "business")]
    overdue_amount: "逾期金额",
    #[cfg(client = "business")]
    months_title: "最近账期与上一账期",
    #[cfg(client = "business")]
    months_of: |a, b| format!("最近账期：{a}；上一账期：{b}。"),
    #[cfg(client = "business")]
    months_chart_desc: "柱形为最近账期电费最高的用电户，旁边为上一账期；下表列出全部用电户。",
    #[cfg(client = "business")]
    kwh_latest: "最近账期电量",
    #[cfg(client = "business")]
    kwh_before: "上一账期电量",
    #[cfg(client = "business")]
    cost_latest: "最近账期电费",
    #[cfg(client = "business")]
    cost_before: "上一账期电费",
    #[cfg(client = "business")]
    col_change: "变化",
    #[cfg(client = "business")]
    sort_by: "表格排序",
    #[cfg(client = "business")]
    latest_series: "最近账期",
    #[cfg(client = "business")]
    before_series: "上一账期",
    #[cfg(client = "business")]
    open_requests_title: "在办业务",
    #[cfg(client = "business")]
    no_open_requests: "没有在办业务。",
    #[cfg(client = "business")]
    deadline_label: "下一期限",
    #[cfg(client = "business")]
    col_site: "用电户",
    #[cfg(client = "business")]
    find_sites: "查找用电户",
    #[cfg(client = "business")]
    supply_area_label: "供电区域",
    #[cfg(client = "business")]
    show_sites: "查询",
    #[cfg(client = "business")]
    clear_filters: "清除",
    #[cfg(client = "business")]
    matching_sites: |n| format!("共 {n} 个用电户"),
    #[cfg(client = "business")]
    col_labels: "标签",
    #[cfg(client = "business")]
    col_owed: "欠费",
    #[cfg(client = "business")]
    col_open_requests: "在办业务",
    #[cfg(client = "business")]
    choice_all: "全部",
    #[cfg(client = "business")]
    add_label: "添加标签",
    #[cfg(client = "business")]
    remove_label: |l| format!("移除标签 {l}"),
    #[cfg(client = "business")]
    new_label: "新标签",
    #[cfg(any(client = "business", client = "portal"))]
    usage_by_month: "每月用电",
    #[cfg(client = "business")]
    usage_chart_desc: "柱形为每月计费电量；账单表中为相同数据。",
    #[cfg(client = "business")]
    report_for_site: "为此用电户报修",
    #[cfg(client = "business")]
    apply_for_site: "为此用电户办理业扩",
    #[cfg(any(client = "business", client = "services"))]
    read_only_role: "您的角色为查看者：可查看全部用电户，提交业务、设置标签和邀请成员需要所有者或管理员角色。",
    #[cfg(client = "business")]
    change_role: "修改角色",
    #[cfg(client = "business")]
    remove_member: |e| format!("移除 {e}"),
    #[cfg(client = "business")]
    role_of: |e| format!("{e} 的角色"),
    #[cfg(client = "business")]
    you_label: "（您）",
    #[cfg(client = "business")]
    invite_title: "邀请成员",
    #[cfg(client = "business")]
    invite_help: "我们会通过邮件发送邀请链接；链接仅限该邮箱使用一次，7 天内有效。",
    #[cfg(client = "business")]
    send_invitation: "发送邀请",
    #[cfg(client = "business")]
    invitation_link: "邀请链接（如未收到邮件，可自行转发）",
    #[cfg(client = "business")]
    invitations_title: "邀请记录",
    #[cfg(client = "business")]
    inv_pending: "待接受",
    #[cfg(client = "business")]
    inv_accepted: "已接受",
    #[cfg(client = "business")]
    inv_revoked: "已撤回",
    #[cfg(client = "business")]
    inv_expired: "已过期",
    #[cfg(client = "business")]
    withdraw: "撤回",
    #[cfg(client = "business")]
    col_expires: "有效期至",
    #[cfg(client = "business")]
    join_title: "加入邀请",
    #[cfg(client = "business")]
    join_offer: |org, role| format!("{org} 邀请您以“{role}”身份加入。"),
    #[cfg(client = "business")]
    join_not_for_me: |email| format!("该邀请发给 {email}，请使用该邮箱登录后接受。"),
    #[cfg(client = "business")]
    join_gone: "该邀请已被使用、撤回或已过期，请联系所有者重新邀请。",
    #[cfg(client = "business")]
    accept_invitation: "接受邀请",
    #[cfg(client = "business")]
    joined: |org| format!("您已加入 {org}。"),
    #[cfg(any(client = "business", client = "portal"))]
    open_dashboard: "进入总览",
    #[cfg(client = "business")]
    export_title: "导出账单",
    #[cfg(client = "business")]
    export_help: "每张账单一行：用电户、户号、账期、电量、金额、已缴、截止日、状态与标签。",
    #[cfg(client = "business")]
    export_which: "导出范围",
    #[cfg(client = "business")]
    export_all: "全部用电户",
    #[cfg(client = "business")]
    export_chosen: |n| format!("在用电户列表中选中的 {n} 个用电户"),
    #[cfg(client = "business")]
    export_by_label: "指定标签的用电户",
    #[cfg(client = "business")]
    export_choose: "导出所选用电户",
    #[cfg(client = "business")]
    choose_site: |name| format!("选择 {name}"),
    field_days: "显示天数",
    field_interval: "数据粒度",
    field_day: "日期",
    #[cfg(client = "portal")]
    why_title: "账单解读",
    #[cfg(client = "portal")]
    why_previous: |kwh, before, change, amount, amount_before| {
        format!(
            "本期：{kwh} 千瓦时，{amount}；上期：{before} 千瓦时，{amount_before}；用电量变化 {change}。"
        )
    },
    #[cfg(client = "portal")]
    why_last_year: |month, kwh, change| {
        format!("去年同期（{month}）：{kwh} 千瓦时；变化 {change}。")
    },
    #[cfg(client = "portal")]
    why_more_days: |days, before| format!("本期计费 {days} 天，上期 {before} 天。"),
    #[cfg(client = "portal")]
    why_higher_tier: |above, before, tier3| {
        format!(
            "本期有 {above} 千瓦时按第二、三档计价（上期 {before} 千瓦时），其中第三档 {tier3} 千瓦时。"
        )
    },
    #[cfg(client = "portal")]
    why_more_peak: |now, before| format!("峰时段用电占 {now}（上期 {before}）。"),
    #[cfg(client = "portal")]
    why_tariff_changed: |from, to| format!("电价由 {from} 调整为 {to}。"),
    #[cfg(client = "portal")]
    why_tier_reset: |day| format!("阶梯用量将于 {day} 重新计算。"),
    #[cfg(client = "portal")]
    why_none: "这是该户号的第一张账单，暂无可比较的数据。",
    #[cfg(client = "portal")]
    print_bill: "打印或另存为 PDF",
    #[cfg(client = "portal")]
    reference_label: "账单编号",
    nav_usage: "用电分析",
    #[cfg(client = "portal")]
    usage_title: "用电分析",
    #[cfg(client = "portal")]
    usage_monthly_desc: "柱形为每个账期的电量，旁边为去年同期；表格中为相同数据。",
    #[cfg(client = "portal")]
    month_series: "本期",
    #[cfg(client = "portal")]
    year_before_series: "上年同期",
    #[cfg(client = "portal")]
    usage_daily_title: "每日用电",
    #[cfg(client = "portal")]
    usage_daily_desc: "折线为所选天数内每日电量；表格中为相同数据。",
    #[cfg(client = "portal")]
    usage_tou_title: "峰谷用电",
    #[cfg(client = "portal")]
    peak_share_of: |peak, valley, share| {
        format!("峰时段 {peak} 千瓦时，谷时段 {valley} 千瓦时，峰时段占 {share}。")
    },
    #[cfg(client = "portal")]
    usage_hourly_title: "分时用电",
    #[cfg(client = "portal")]
    usage_hourly_desc: "柱形为所选日期每小时电量；表格中为相同数据。",
    #[cfg(client = "portal")]
    days_option: |n| format!("最近 {n} 天"),
    #[cfg(client = "portal")]
    show_tables: "以表格显示",
    #[cfg(client = "portal")]
    show_charts: "以图表显示",
    #[cfg(client = "portal")]
    not_smart: "该电表每月抄表一次，暂无每日或分时数据。",
    #[cfg(client = "portal")]
    download_title: "下载我的数据（绿色按钮）",
    #[cfg(client = "portal")]
    download_help: "标准格式的用电数据文件，可自行保存或提供给节能顾问。逐小时数据最多 92 天；逐月数据来自账单。",
    #[cfg(client = "portal")]
    interval_hourly: "逐小时（智能电表）",
    #[cfg(client = "portal")]
    interval_monthly: "逐月（账单）",
    #[cfg(client = "portal")]
    download_xml: "下载绿色按钮 XML",
    #[cfg(client = "portal")]
    col_month: "月份",
    #[cfg(client = "portal")]
    col_year_before: "上年同期（千瓦时）",
    #[cfg(client = "portal")]
    col_hour: "时段",
    #[cfg(client = "portal")]
    col_peak: "峰（千瓦时）",
    #[cfg(client = "portal")]
    col_valley: "谷（千瓦时）",
};

impl Text {
    /// A date such as `2 December 2026` or `2026年12月2日`.
    pub fn date(&self, d: NaiveDate) -> String {
        (self.date)(d, &self.months)
    }

    #[cfg(any(client = "business", client = "portal"))]
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

    #[cfg(client = "portal")]
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

    #[cfg(client = "portal")]
    /// A meter register's name.
    pub fn register_name<'a>(&self, r: &'a str) -> &'a str {
        match r {
            "total" => self.register_total,
            "peak" => self.register_peak,
            "valley" => self.register_valley,
            other => other,
        }
    }

    #[cfg(client = "portal")]
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

    #[cfg(any(client = "portal", client = "staff"))]
    /// An area class.
    pub fn area(&self, a: AreaClass) -> &'static str {
        match a {
            AreaClass::Urban => self.area_urban,
            AreaClass::Rural => self.area_rural,
            AreaClass::Remote => self.area_remote,
        }
    }

    #[cfg(client = "portal")]
    /// A customer category.
    pub fn category(&self, c: CustomerCategory) -> &'static str {
        match c {
            CustomerCategory::Residential => self.category_residential,
            CustomerCategory::BusinessLowVoltage => self.category_business_lv,
            CustomerCategory::BusinessHighVoltage => self.category_business_hv,
        }
    }

    #[cfg(any(client = "services", client = "staff"))]
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

    #[cfg(any(client = "business", client = "services", client = "staff"))]
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

    #[cfg(any(client = "services", client = "staff"))]
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

    #[cfg(any(client = "services", client = "staff"))]
    /// An outage kind's name.
    pub fn outage_kind(&self, k: OutageKind) -> &'static str {
        match k {
            OutageKind::Planned => self.outage_planned,
            OutageKind::Temporary => self.outage_temporary,
            OutageKind::GridFault => self.outage_fault,
            OutageKind::CapacityShortfall => self.outage_shortfall,
        }
    }

    #[cfg(any(client = "services", client = "staff"))]
    /// Whether an outage is on now, coming, or over.
    pub fn outage_phase(&self, p: OutagePhase) -> &'static str {
        match p {
            OutagePhase::Current => self.phase_current,
            OutagePhase::Upcoming => self.phase_upcoming,
            OutagePhase::Ended => self.phase_ended,
        }
    }

    #[cfg(any(client = "services", client = "staff"))]
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

    #[cfg(any(client = "services", client = "staff"))]
    /// A rating tag's name.
    pub fn rating_tag(&self, t: RatingTag) -> &'static str {
        match t {
            RatingTag::Speed => self.tag_speed,
            RatingTag::Attitude => self.tag_attitude,
            RatingTag::Explanation => self.tag_explanation,
            RatingTag::Result => self.tag_result,
        }
    }

    #[cfg(any(client = "portal", client = "services", client = "staff"))]
    /// What kind of job it was.
    pub fn job_kind(&self, k: JobKind) -> &'static str {
        match k {
            JobKind::Repair => self.job_repair,
            JobKind::Connection => self.job_connection,
            JobKind::Complaint => self.job_complaint,
        }
    }

    #[cfg(any(client = "business", client = "portal"))]
    /// A member's role in an organisation.
    pub fn org_role(&self, r: crate::domain::OrgRole) -> &'static str {
        match r {
            crate::domain::OrgRole::Owner => self.role_owner,
            crate::domain::OrgRole::Manager => self.role_manager,
            crate::domain::OrgRole::Viewer => self.role_viewer,
        }
    }

    #[cfg(client = "business")]
    /// Where an invitation stands.
    pub fn invitation_state(
        &self,
        s: crate::domain::organisation::InvitationState,
    ) -> &'static str {
        use crate::domain::organisation::InvitationState as S;
        match s {
            S::Pending => self.inv_pending,
            S::Accepted => self.inv_accepted,
            S::Revoked => self.inv_revoked,
            S::Expired => self.inv_expired,
        }
    }

    #[cfg(any(client = "services", client = "staff"))]
    /// A feedback kind's name.
    pub fn feedback_kind(&self, k: FeedbackKind) -> &'static str {
        match k {
            FeedbackKind::Complaint => self.fb_complaint,
            FeedbackKind::Report => self.fb_report,
            FeedbackKind::Suggestion => self.fb_suggestion,
            FeedbackKind::Praise => self.fb_praise,
        }
    }

    #[cfg(any(client = "services", client = "staff"))]
    /// A feedback case's state.
    pub fn feedback_state(&self, s: FeedbackState) -> &'static str {
        match s {
            FeedbackState::Open => self.fb_open,
            FeedbackState::Contacted => self.fb_contacted,
            FeedbackState::Answered => self.fb_answered,
            FeedbackState::Closed => self.fb_closed,
        }
    }

    #[cfg(any(client = "services", client = "staff"))]
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

    #[cfg(any(client = "services", client = "staff"))]
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

    #[cfg(client = "staff")]
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

    #[cfg(any(client = "services", client = "staff"))]
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

    #[cfg(any(client = "services", client = "staff"))]
    /// A supply category's name.
    pub fn supply_category(&self, c: SupplyCategory) -> &'static str {
        match c {
            SupplyCategory::Residential => self.cat_residential,
            SupplyCategory::LowVoltageBusiness => self.cat_lv_business,
            SupplyCategory::HighVoltageSingle => self.cat_hv_single,
            SupplyCategory::HighVoltageDouble => self.cat_hv_double,
        }
    }

    #[cfg(any(client = "business", client = "services", client = "staff"))]
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

    #[cfg(any(client = "services", client = "staff"))]
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

    #[cfg(any(client = "services", client = "staff"))]
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

    #[cfg(any(client = "services", client = "staff"))]
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
            Field::OrganisationId => self.field_organisation,
            Field::SiteId => self.field_site,
            Field::UserId => self.field_user,
            Field::InvitationId => self.field_invitation,
            Field::Token => self.field_token,
            Field::Role => self.field_role,
            Field::Label => self.field_label,
            Field::Search => self.field_search,
            Field::OpenRequests => self.field_open_requests,
            Field::Unpaid => self.field_unpaid,
            Field::From => self.field_from,
            Field::To => self.field_to,
            Field::Sites => self.field_sites,
            Field::Add => self.field_add,
            Field::Days => self.field_days,
            Field::Interval => self.field_interval,
            Field::Day => self.field_day,
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
            Problem::AlreadyMember => self.problem_already_member.into(),
            Problem::LastOwner => self.problem_last_owner.into(),
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

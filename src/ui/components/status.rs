//! Progress, errors and bill status, shown the same way everywhere.

use crate::api::ApiError;
use crate::domain::BillStatus;
use crate::ui::components::data::Cell;
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Text, use_i18n};
use leptos::prelude::*;

/// Shown while something loads.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <Tr s=|t| t.loading/>
        </p>
    }
}

/// An error in words, announced to screen readers. Offers sign-in when that is the cure, and
/// "Try again" when `retry` is given and trying again could help.
#[component]
pub fn ErrorMessage(
    error: ApiError,
    #[prop(optional, into)] retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let needs_sign_in = error == ApiError::NotSignedIn;
    let may_retry = matches!(error, ApiError::Network { .. } | ApiError::Internal);
    view! {
        <div class="error" role="alert">
            <p>{move || i18n.t().error(&error)}</p>
            {needs_sign_in.then(|| view! { <p><a href="/signin"><Tr s=|t| t.sign_in/></a></p> })}
            {retry.filter(|_| may_retry).map(|retry| view! {
                <p><button type="button" class="button" on:click=move |_| retry.run(())><Tr s=|t| t.retry/></button></p>
            })}
        </div>
    }
}

fn status_class(status: BillStatus) -> &'static str {
    match status {
        BillStatus::Paid => "badge badge-paid",
        BillStatus::Unpaid | BillStatus::PartlyPaid => "badge badge-due",
        BillStatus::Overdue => "badge badge-overdue",
    }
}

/// A bill's status as a coloured label; the colour is never the only signal.
#[component]
pub fn StatusBadge(status: BillStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=status_class(status)>{move || i18n.t().bill_status(status)}</span> }
}

/// A bill's status as a table cell or fact, in the language of `t`.
pub fn status_badge(t: &Text, status: BillStatus) -> Cell {
    Cell::Badge(status_class(status), t.bill_status(status).to_string())
}

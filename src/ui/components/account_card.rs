//! One service account, as a card that links to its bills.

use crate::api::accounts::ServiceAccountSummary;
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// A service account with its address, tariff and a link to its bills.
#[component]
pub fn AccountCard(account: ServiceAccountSummary) -> impl IntoView {
    let i18n = use_i18n();
    let a = account;
    let href = format!("/accounts/{}/bills", a.id);
    let title = match (&a.organisation, &a.site_name) {
        (Some(org), Some(site)) => format!("{site} · {org}"),
        _ => a.holder_name.clone(),
    };
    let (tariff, area, category) = (a.tariff, a.area_class, a.category);
    let details = move || {
        let t = i18n.t();
        let tariff = if i18n.lang() == Lang::Zh {
            &tariff.zh
        } else {
            &tariff.en
        };
        format!("{} · {} · {}", t.category(category), t.area(area), tariff)
    };
    view! {
        <li class="card account-card">
            <h3>{title}</h3>
            <p class="account-number">
                <Tr s=|t| t.account/>" "<span class="mono">{a.account_number.clone()}</span>
            </p>
            <p>{a.premise_address}</p>
            <p class="muted">{details}</p>
            <a class="button" href=href>
                <Tr s=|t| t.view_bills/>
                <span class="visually-hidden">" " {a.account_number}</span>
            </a>
        </li>
    }
}

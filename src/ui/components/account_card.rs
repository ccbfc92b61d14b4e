//! One service account, as a card that links to its bills.

use crate::api::accounts::ServiceAccountSummary;
use crate::api::pages::Page;
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// A service account with its address, tariff and a link to its bills.
#[component]
pub fn AccountCard(account: ServiceAccountSummary) -> impl IntoView {
    let i18n = use_i18n();
    let a = account;
    let href = Page::AccountBills(a.id).href();
    let title = match (&a.organisation, &a.site_name) {
        (Some(org), Some(site)) => format!("{site} · {org}"),
        _ => a.holder_name.clone(),
    };
    let (tariff, area, category) = (a.tariff, a.area_class, a.category);
    let details = move || {
        let t = Text::of(i18n.lang());
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
                <Tr s=|l| Text::of(l).account/>" "<span class="mono">{a.account_number.clone()}</span>
            </p>
            <p>{a.premise_address}</p>
            <p class="muted">{details}</p>
            <a class="button" href=href>
                <Tr s=|l| Text::of(l).view_bills/>
                <span class="visually-hidden">" " {a.account_number}</span>
            </a>
        </li>
    }
}

crate::ui::i18n::strings! {
    view_bills: &'static str = "View bills", "查看账单";
    category_residential: &'static str = "Residential", "居民生活";
    category_business_lv: &'static str = "Business, low voltage", "低压工商业";
    category_business_hv: &'static str = "Business, high voltage", "高压工商业";
}

impl Text {
    /// A customer category.
    pub fn category(&self, c: crate::domain::CustomerCategory) -> &'static str {
        match c {
            crate::domain::CustomerCategory::Residential => self.category_residential,
            crate::domain::CustomerCategory::BusinessLowVoltage => self.category_business_lv,
            crate::domain::CustomerCategory::BusinessHighVoltage => self.category_business_hv,
        }
    }
}

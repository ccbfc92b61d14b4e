//! Reporting a fault: which premises, what happened, a phone, whether anyone is in danger (the
//! safety advice shows at once), an optional photo. A premise inside a known outage is shown
//! that outage first.

use crate::api::accounts::ListAccounts;
use crate::api::connections::CaseDocument;
use crate::api::pages::Page;
use crate::api::repairs::{OutageAtAccount, OutageNotice, ReportFault};
use crate::domain::application::parse_contact_phone;
use crate::domain::repair::{FaultKind, parse_fault_description};
use crate::domain::{Field, FieldError, Problem, parse_row_id};
use crate::ui::components::choice::{InputField, SelectField, TextAreaField, premises_to_file_for};
use crate::ui::components::field::UploadField;
use crate::ui::components::guard::{PageHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Load, Write};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::router::use_navigate;
use leptos::prelude::*;

/// `/repairs/new`.
#[component]
pub fn ReportPage() -> impl IntoView {
    view! { <RequireSignIn><ReportForm/></RequireSignIn> }
}

#[derive(Clone, Copy)]
struct Answers {
    account: RwSignal<String>,
    kind: RwSignal<String>,
    description: RwSignal<String>,
    phone: RwSignal<String>,
    danger: RwSignal<bool>,
    photo: RwSignal<Option<(String, String)>>,
}

impl Answers {
    /// The refusals of the answers, checked with the domain's parsers (the server checks again).
    fn problems(&self) -> Vec<FieldError> {
        let mut out = Vec::new();
        if let Err(e) = parse_row_id(Field::AccountId, &self.account.get()) {
            out.push(FieldError::new(
                e.field,
                if self.account.with(String::is_empty) {
                    Problem::Required
                } else {
                    e.problem
                },
            ));
        }
        if let Err(e) = FaultKind::parse(&self.kind.get()) {
            out.push(e);
        }
        if let Err(e) = parse_fault_description(&self.description.get()) {
            out.push(e);
        }
        if let Err(e) = parse_contact_phone(&self.phone.get()) {
            out.push(e);
        }
        out
    }
}

#[component]
fn ReportForm() -> impl IntoView {
    let i18n = use_i18n();
    // A site's page links here with `?account=ID` to report for that site.
    let preset = crate::ui::router::use_query_map()
        .with_untracked(|q| q.get("account"))
        .unwrap_or_default();
    let a = Answers {
        account: RwSignal::new(preset),
        kind: RwSignal::new(String::new()),
        description: RwSignal::new(String::new()),
        phone: RwSignal::new(String::new()),
        danger: RwSignal::new(false),
        photo: RwSignal::new(None),
    };
    let tried = RwSignal::new(false);
    let key = crate::ui::browser::submission_key();
    let accounts = Load::ask(|| ListAccounts {});
    // The outage over the chosen premises, asked again whenever the choice changes.
    let outage = Load::ask_if(move || {
        let account_id = a.account.get();
        (!account_id.is_empty()).then_some(OutageAtAccount { account_id })
    });
    let shown = move |field: Field| {
        Signal::derive(move || {
            if !tried.get() {
                return None;
            }
            a.problems().into_iter().find(|e| e.field == field)
        })
    };
    // Only the premises the person may file for: an organisation's viewers only read.
    let account_options = Signal::derive(move || match accounts.get() {
        Some(Ok(list)) => premises_to_file_for(&list),
        _ => Vec::new(),
    });
    let kinds = Signal::derive(move || {
        let t = Text::of(i18n.lang());
        FaultKind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), t.fault_kind(*k).to_string()))
            .collect()
    });
    let hazard = move || {
        a.danger.get() || FaultKind::from_stored(&a.kind.get()) == Some(FaultKind::SafetyHazard)
    };
    let photo_label = Signal::derive(move || Text::of(i18n.lang()).photo_optional.to_string());
    let photo = Signal::derive(move || a.photo.get().map(|(_, name)| name).into_iter().collect());
    // One photo: a second replaces the first; anything but an image is refused.
    let keep_photo = move |doc: CaseDocument| {
        if !doc.content_type.starts_with("image/") {
            return Err(FieldError::new(Field::Photo, Problem::NotAllowed).into());
        }
        a.photo.set(Some((doc.id.to_string(), doc.file_name)));
        Ok(())
    };
    let write = Write::new();
    // Written with no network: kept on the phone and sent when the network is back.
    let kept_offline = RwSignal::new(false);
    let submit_error = move || {
        write
            .value()
            .get()
            .and_then(Result::err)
            .filter(|_| !kept_offline.get())
    };
    let session = crate::ui::session::use_session();
    let submitting = write.pending();
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if !a.problems().is_empty() {
            return;
        }
        let key = key.clone();
        let navigate = navigate.clone();
        let call = ReportFault {
            account_id: a.account.get_untracked(),
            kind: a.kind.get_untracked(),
            description: a.description.get_untracked(),
            contact_phone: a.phone.get_untracked(),
            danger: a.danger.get_untracked().to_string(),
            photo_id: a
                .photo
                .get_untracked()
                .map(|(id, _)| id)
                .unwrap_or_default(),
            idempotency_key: key,
        };
        use leptos::server_fn::ServerFn;
        let body = serde_json::to_string(&call).unwrap_or_default();
        let email = session
            .me
            .with_untracked(|m| m.as_ref().map(|m| m.email.clone()))
            .unwrap_or_default();
        kept_offline.set(false);
        write.dispatch_then(call, move |r| match r {
            Ok(t) => navigate(&Page::Ticket(t.id).href(), Default::default()),
            Err(crate::api::ApiError::Network { .. }) => {
                kept_offline.set(crate::ui::offline::keep_to_send(
                    ReportFault::PATH,
                    &body,
                    &email,
                ));
            }
            Err(_) => {}
        });
    };
    let read_only = move || matches!(accounts.get(), Some(Ok(list)) if !list.is_empty() && list.iter().all(|x| !x.may_act));
    view! {
        <PageHeading text=|l| Text::of(l).report_fault/>
        <Show when=read_only>
            <p class="muted" role="status"><Tr s=|l| Text::of(l).read_only_role/></p>
        </Show>
        <form on:submit=submit novalidate>
            <SelectField id="report-account" label=|l| Text::of(l).service_account value=a.account options=account_options error=shown(Field::AccountId)/>
            {move || outage.get().and_then(Result::ok).flatten().map(|o| view! { <KnownOutage outage=o/> })}
            <SelectField id="report-kind" label=|l| Text::of(l).field_kind value=a.kind options=kinds error=shown(Field::Kind)/>
            <fieldset class="field">
                <legend><Tr s=|l| Text::of(l).field_danger/></legend>
                <label class="radio"><input type="radio" name="danger" prop:checked=move || a.danger.get() on:change=move |_| a.danger.set(true)/><Tr s=|l| Text::of(l).yes/></label>
                <label class="radio"><input type="radio" name="danger" prop:checked=move || !a.danger.get() on:change=move |_| a.danger.set(false)/><Tr s=|l| Text::of(l).no/></label>
            </fieldset>
            <Show when=hazard>
                <section class="card attention" role="alert" aria-labelledby="safety-heading">
                    <h2 id="safety-heading"><Tr s=|l| Text::of(l).safety_title/></h2>
                    <p><Tr s=|l| Text::of(l).safety_advice/></p>
                </section>
            </Show>
            <TextAreaField id="report-description" label=|l| Text::of(l).field_description value=a.description error=shown(Field::Description)/>
            <InputField id="report-phone" label=|l| Text::of(l).field_contact_phone value=a.phone input_type="tel" autocomplete="tel" error=shown(Field::ContactPhone)/>
            <UploadField id="report-photo".to_string() label=photo_label kind="other".to_string() accept="image/jpeg,image/png" capture="environment" kept=photo keep=keep_photo/>
            {move || submit_error().map(|error| view! { <ErrorMessage error/> })}
            <Show when=move || kept_offline.get()>
                <p class="notice" role="status"><Tr s=|l| Text::of(l).kept_offline/></p>
            </Show>
            <button type="submit" class="button button-primary" disabled=move || submitting.get()>
                {move || if submitting.get() { Text::of(i18n.lang()).submitting } else { Text::of(i18n.lang()).send_report }}
            </button>
        </form>
    }
}

/// The outage the premises lie in: known already, with its expected end.
#[component]
fn KnownOutage(outage: OutageNotice) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = Text::of(i18n.lang());
        view! {
            <section class="card attention" role="status" aria-labelledby="known-outage-heading">
                <h2 id="known-outage-heading">{t.outage_here_title}</h2>
                <p><strong>{format!("{} · {}", t.outage_kind(outage.kind), outage.area)}</strong></p>
                <p>{format!("{}{}{}", t.field_expected_end, t.colon, (t.time)(outage.expected_end))}</p>
                <p>{outage.reason.clone()}</p>
                <p>{t.outage_here_help}</p>
                <p><a class="button" href=Page::Outages { outage: Some(outage.id) }.href()>{t.follow_outage}</a></p>
            </section>
        }
        .into_any()
    }
}

crate::ui::i18n::strings! {
    kept_offline: &'static str =
        "No network: your report is kept on this phone and will be sent by itself when the network is back. You will be told when it has been sent.",
        "当前没有网络：您的报修已保存在本机，恢复网络后会自动发送，发送后会通知您。";
    yes: &'static str = "Yes", "是";
    no: &'static str = "No", "否";
    safety_title: &'static str = "Stay safe", "注意安全";
    safety_advice: &'static str =
        "Keep away from the wire or equipment and keep others away. Call the 95598 hotline now: a crew comes at once.",
        "请远离电线或设备，并提醒他人远离。请立即拨打 95598 热线，我们会马上派人处理。";
    outage_here_help: &'static str =
        "We already know about it and crews are working on it: you do not need to report it. If your problem is different, you can still send a report below.",
        "我们已掌握该停电情况并正在抢修，无需重复报修。如果您的问题不同，仍可在下方报修。";
    follow_outage: &'static str = "Follow this outage", "查看停电进展";
    send_report: &'static str = "Send report", "提交报修";
    photo_optional: &'static str = "Photo (optional)", "照片（可选）";
}

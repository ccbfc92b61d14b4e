//! Notifications: the person's list (filter by group, unread only, mark all read; each item
//! opens its page and is marked read), and their settings (language, mobile number, high-use
//! threshold, email and text per kind). The words of each notice come from `domain::notify`,
//! the same words as the email and the text.

use crate::api::ApiError;
use crate::api::notifications::{
    MarkAllRead, MarkRead, NoticeSettings, Notifications, NotifySettings, SaveNotifySettings,
};
use crate::api::pages::Page;
use crate::domain::notify::Group;
use crate::domain::{Field, FieldError};
use crate::ui::components::guard::{PageHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Load, Write, loaded, loaded_in_place};
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// `/notifications`.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    view! { <RequireSignIn><List/></RequireSignIn> }
}

#[component]
fn List() -> impl IntoView {
    let i18n = use_i18n();
    let group = RwSignal::new(String::new());
    let unread = RwSignal::new(false);
    let list = Load::ask(move || Notifications {
        group: group.get(),
        unread: unread.get().to_string(),
    });
    let mark = Write::new();
    let all_read = move |_| {
        mark.dispatch_then(MarkAllRead {}, move |r| {
            if r.is_ok() {
                list.refetch();
                crate::ui::components::header::refresh_bell();
            }
        })
    };
    let group_label = move |g: Group| {
        let t = Text::of(i18n.lang());
        match g {
            Group::Bills => t.group_bills,
            Group::Requests => t.group_requests,
            Group::Outages => t.group_outages,
            Group::Feedback => t.group_feedback,
            Group::Organisations => t.group_organisations,
            Group::Accounts => t.group_accounts,
        }
    };
    view! {
        <PageHeading text=|l| Text::of(l).title/>
        <p><a href=Page::NotificationSettings.href()><Tr s=|l| Text::of(l).settings_link/></a></p>
        <div class="filters">
            <div class="field">
                <label for="notice-group"><Tr s=|l| Text::of(l).show/></label>
                <select id="notice-group" on:change=move |ev| group.set(event_target_value(&ev))>
                    <option value="">{move || Text::of(i18n.lang()).all}</option>
                    {Group::ALL.into_iter().map(|g| view! {
                        <option value=g.as_str()>{move || group_label(g)}</option>
                    }).collect_view()}
                </select>
            </div>
            <label class="check">
                <input type="checkbox" on:change=move |ev| unread.set(event_target_checked(&ev))/>
                <Tr s=|l| Text::of(l).unread_only/>
            </label>
            <button type="button" class="button" on:click=all_read><Tr s=|l| Text::of(l).mark_all_read/></button>
        </div>
        {loaded_in_place(list, move |items| {
            if items.is_empty() {
                return view! { <p><Tr s=|l| Text::of(l).none/></p> }.into_any();
            }
            view! {
                <ul class="notice-list">
                    {items.into_iter().map(|n| view! { <Item n/> }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
}

#[component]
fn Item(n: crate::api::notifications::Notification) -> impl IntoView {
    let i18n = use_i18n();
    let go = crate::ui::use_go();
    let (link, id, read) = (n.link, n.id, n.read);
    let which = move || usize::from(i18n.lang() == Lang::Zh);
    let (titles, bodies) = (n.title, n.body);
    let title = move || titles[which()].clone();
    let body = move || bodies[which()].clone();
    let href = link.clone();
    let mark = Write::<()>::new();
    let open = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let go = go.clone();
        let link = link.clone();
        // Opened either way: a notice that could not be marked read stays unread.
        if read {
            go(&link);
        } else {
            mark.dispatch_then(
                MarkRead {
                    notification_id: id.to_string(),
                },
                move |_| go(&link),
            );
        }
    };
    view! {
        <li class=if read { "notice" } else { "notice notice-unread" }>
            <p class="notice-title">
                {(!read).then(|| view! { <span class="badge badge-due"><Tr s=|l| Text::of(l).unread/></span>" " })}
                <a href=href on:click=open>{title}</a>
            </p>
            <p>{body}</p>
            <p class="muted">{move || (Text::of(i18n.lang()).time)(n.created_at)}</p>
        </li>
    }
}

/// `/notifications/settings`.
#[component]
pub fn NotificationSettingsPage() -> impl IntoView {
    view! { <RequireSignIn><Settings/></RequireSignIn> }
}

#[component]
fn Settings() -> impl IntoView {
    let settings = Load::ask(|| NotifySettings {});
    view! {
        <PageHeading text=|l| Text::of(l).settings_title/>
        {loaded(settings, move |s| view! { <SettingsForm s/> })}
    }
}

fn field_error(
    result: &Option<Result<NoticeSettings, ApiError>>,
    field: Field,
) -> Option<FieldError> {
    match result {
        Some(Err(ApiError::Invalid(e))) if e.field == field => Some(*e),
        _ => None,
    }
}

#[component]
fn SettingsForm(s: NoticeSettings) -> impl IntoView {
    let i18n = use_i18n();
    let write = Write::<NoticeSettings>::new();
    let result = write.value();
    let busy = write.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [lang, mobile, percent] =
            crate::ui::browser::form_values(&ev, ["lang", "mobile", "percent"]);
        let choices = crate::ui::browser::form_all(&ev, "choice").join(",");
        write.dispatch(SaveNotifySettings {
            lang,
            mobile,
            high_use_percent: percent,
            choices,
        });
    };
    let error = move |f: Field| {
        move || {
            result.with(|r| field_error(r, f)).map(|e| {
                let t = Text::of(i18n.lang());
                format!("{}{}{}", t.field(e.field), t.colon, t.problem(e.problem))
            })
        }
    };
    let other_error = move || {
        result.with(|r| match r {
            Some(Err(ApiError::Invalid(_))) | None | Some(Ok(_)) => None,
            Some(Err(e)) => Some(e.clone()),
        })
    };
    let zh = s.lang == "zh";
    view! {
        <form class="form" on:submit=on_submit novalidate>
            <div class="field">
                <label for="notice-lang"><Tr s=|l| Text::of(l).language/></label>
                <select id="notice-lang" name="lang">
                    <option value="en" lang="en" selected=!zh>"English"</option>
                    <option value="zh" lang="zh-CN" selected=zh>"中文"</option>
                </select>
            </div>
            <div class="field">
                <label for="notice-email"><Tr s=|l| Text::of(l).email_address/></label>
                <input id="notice-email" type="email" value=s.email.clone() readonly/>
            </div>
            <div class="field">
                <label for="notice-mobile"><Tr s=|l| Text::of(l).mobile/></label>
                <p class="hint" id="notice-mobile-hint"><Tr s=|l| Text::of(l).mobile_hint/></p>
                <input id="notice-mobile" name="mobile" type="tel" inputmode="tel" autocomplete="tel"
                    value=s.mobile.clone() aria-describedby="notice-mobile-hint notice-mobile-error"/>
                <p class="field-error" id="notice-mobile-error">{error(Field::Mobile)}</p>
            </div>
            <div class="field">
                <label for="notice-percent"><Tr s=|l| Text::of(l).threshold/></label>
                <input id="notice-percent" name="percent" type="number" inputmode="numeric" min="10" max="200"
                    value=s.high_use_percent.to_string() aria-describedby="notice-percent-error"/>
                <p class="field-error" id="notice-percent-error">{error(Field::Threshold)}</p>
            </div>
            <table class="data-table">
                <caption><Tr s=|l| Text::of(l).channels_caption/></caption>
                <thead><tr>
                    <th scope="col"><Tr s=|l| Text::of(l).kind/></th>
                    <th scope="col"><Tr s=|l| Text::of(l).in_app/></th>
                    <th scope="col"><Tr s=|l| Text::of(l).by_email/></th>
                    <th scope="col"><Tr s=|l| Text::of(l).by_sms/></th>
                </tr></thead>
                <tbody>
                    {s.kinds.into_iter().map(|k| {
                        let name = move || kind_name(k.kind, i18n.lang());
                        let email_label = move || format!("{}: {}", kind_name(k.kind, i18n.lang()), Text::of(i18n.lang()).by_email);
                        let sms_label = move || format!("{}: {}", kind_name(k.kind, i18n.lang()), Text::of(i18n.lang()).by_sms);
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td><Tr s=|l| Text::of(l).always/></td>
                                <td>{k.email_offered.then(|| view! {
                                    <input type="checkbox" name="choice" value=format!("{}.email", k.kind.as_str())
                                        checked=k.email aria-label=email_label/>
                                })}</td>
                                <td><input type="checkbox" name="choice" value=format!("{}.sms", k.kind.as_str())
                                    checked=k.sms aria-label=sms_label/></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <p class="field-error">{error(Field::Choices)}</p>
            {move || other_error().map(|error| view! { <ErrorMessage error/> })}
            <p role="status">{move || result.with(|r| matches!(r, Some(Ok(_)))).then(|| Text::of(i18n.lang()).saved)}</p>
            <button type="submit" class="button button-primary" disabled=move || busy.get()><Tr s=|l| Text::of(l).save/></button>
        </form>
    }
}

/// A kind's name for the settings table: its notice's title without the particulars.
fn kind_name(kind: crate::domain::notify::Kind, lang: Lang) -> &'static str {
    use crate::domain::notify::Kind::*;
    let t = Text::of(lang);
    match kind {
        BillIssued => t.k_bill_issued,
        BillDue => t.k_bill_due,
        BillOverdue => t.k_bill_overdue,
        HighUse => t.k_high_use,
        CaseMoved => t.k_case_moved,
        CaseWaiting => t.k_case_waiting,
        TicketDispatched => t.k_ticket_dispatched,
        CrewArrived => t.k_crew_arrived,
        PowerRestored => t.k_power_restored,
        OutagePlanned => t.k_outage_planned,
        OutageStarted => t.k_outage_started,
        OutageOver => t.k_outage_over,
        FeedbackContacted => t.k_feedback_contacted,
        FeedbackAnswered => t.k_feedback_answered,
        RateJob => t.k_rate_job,
        Invitation => t.k_invitation,
        RoleChanged => t.k_role_changed,
        HolderAdded => t.k_holder_added,
        AutopayPaid => t.k_autopay_paid,
        AutopayFailed => t.k_autopay_failed,
        LowBalance => t.k_low_balance,
    }
}

crate::ui::i18n::strings! {
    title: &'static str = "Notifications", "消息通知";
    settings_link: &'static str = "Notification settings", "通知设置";
    settings_title: &'static str = "Notification settings", "通知设置";
    show: &'static str = "Show", "显示";
    all: &'static str = "All", "全部";
    group_bills: &'static str = "Bills and use", "电费与用电";
    group_requests: &'static str = "Applications and repairs", "业扩与报修";
    group_outages: &'static str = "Outages", "停电信息";
    group_feedback: &'static str = "Feedback", "意见与评价";
    group_organisations: &'static str = "Organisations", "企业";
    unread_only: &'static str = "Unread only", "仅未读";
    unread: &'static str = "Unread", "未读";
    mark_all_read: &'static str = "Mark all as read", "全部标为已读";
    none: &'static str = "No notifications.", "暂无消息。";
    language: &'static str = "Language of emails and texts", "邮件和短信的语言";
    email_address: &'static str = "Email address", "电子邮箱";
    mobile: &'static str = "Mobile number for texts", "接收短信的手机号码";
    mobile_hint: &'static str = "Leave empty for no texts. Texts are not sent between 22:00 and 08:00, except for a sudden power cut.", "留空则不发短信。22:00至次日08:00不发短信，突发停电除外。";
    threshold: &'static str = "Tell me when this month's use is on course to be more than this many percent above last year", "本月用电预计比去年同月高出多少百分比时提醒我";
    channels_caption: &'static str = "What you are told, and how", "通知内容与方式";
    kind: &'static str = "Notice", "通知";
    in_app: &'static str = "In GridCare", "站内";
    by_email: &'static str = "Email", "邮件";
    by_sms: &'static str = "Text", "短信";
    always: &'static str = "Always", "始终";
    saved: &'static str = "Your settings are saved.", "设置已保存。";
    save: &'static str = "Save settings", "保存设置";
    k_bill_issued: &'static str = "A new bill", "新账单";
    k_bill_due: &'static str = "A bill due soon", "账单即将到期";
    k_bill_overdue: &'static str = "A bill overdue", "账单逾期";
    k_high_use: &'static str = "High use this month", "本月用电偏高";
    k_case_moved: &'static str = "An application moves on", "申请进入新环节";
    k_case_waiting: &'static str = "An application waits for you", "申请等待您处理";
    k_ticket_dispatched: &'static str = "A crew is on the way", "抢修人员出发";
    k_crew_arrived: &'static str = "The crew has arrived", "抢修人员到达";
    k_power_restored: &'static str = "Your power is back", "恢复供电";
    k_outage_planned: &'static str = "A planned outage where you are", "计划停电";
    k_outage_started: &'static str = "A sudden power cut where you are", "故障停电";
    k_outage_over: &'static str = "An outage is over", "停电结束";
    k_feedback_contacted: &'static str = "We contacted you about your feedback", "已就您的意见联系您";
    k_feedback_answered: &'static str = "A reply to your feedback", "意见已答复";
    k_rate_job: &'static str = "Asking you to rate a finished job", "请您评价";
    k_invitation: &'static str = "An invitation to an organisation", "企业邀请";
    k_role_changed: &'static str = "Your role in an organisation changed", "企业角色变更";
    k_holder_added: &'static str = "Someone new on your account", "户号新增绑定人";
    k_autopay_paid: &'static str = "Autopay paid a bill", "自动缴费成功";
    k_autopay_failed: &'static str = "Autopay could not pay", "自动缴费未成功";
    k_low_balance: &'static str = "Prepaid balance low", "预付费余额不足";
    group_accounts: &'static str = "Your accounts", "户号与账户";
}

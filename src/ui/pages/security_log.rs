//! Staff console, supervisors: the security log (sign-ins, failures, lockouts, password and
//! binding changes, staff reading customers' data), searched by event, email, address and days.

use crate::api::ApiError;
use crate::api::supervisor::{SecurityLine, SecurityLog};
use crate::domain::Field;
use crate::domain::login::{DeskAction, SecurityEvent};
use crate::ui::components::field::{TextField, field_message};
use crate::ui::components::guard::{PageHeading, RequireSignIn};
use crate::ui::components::status::{Loading, Write};
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Lang, use_i18n};
use leptos::prelude::*;

/// `/staff/security-log`.
#[component]
pub fn SecurityLogPage() -> impl IntoView {
    view! { <RequireSignIn><SecurityLog/><ServiceDesk/></RequireSignIn> }
}

/// The service desk: sign a login out everywhere, or turn its two-step sign-in off for a
/// person who lost their authenticator, saying how who asked was checked.
#[component]
fn ServiceDesk() -> impl IntoView {
    let i18n = use_i18n();
    let write = Write::<u64>::new();
    let result = write.value();
    let busy = write.pending();
    let form = NodeRef::<leptos::html::Form>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [email, action, note] =
            crate::ui::browser::form_values(&ev, ["email", "action", "note"]);
        write.dispatch_then(
            crate::api::supervisor::DeskAction {
                email,
                action,
                note,
            },
            move |r| {
                if r.is_ok()
                    && let Some(f) = form.get_untracked()
                {
                    f.reset();
                }
            },
        );
    };
    let choice = move |action: DeskAction, text: fn(Lang) -> &'static str| {
        view! {
            <label class="radio">
                <input type="radio" name="action" value=action.as_str()
                    checked=action == DeskAction::EndSessions/>
                <Tr s=text/>
            </label>
        }
    };
    view! {
        <section aria-labelledby="service-desk">
            <h2 id="service-desk"><Tr s=|l| Text::of(l).desk_title/></h2>
            <p class="hint"><Tr s=|l| Text::of(l).desk_intro/></p>
            {write.refusal()}
            <form node_ref=form on:submit=submit novalidate>
                <TextField
                    name="email"
                    label=|l| Text::of(l).desk_email
                    input_type="email"
                    error=write.field_error(Field::Email)
                />
                <fieldset class="field" aria-describedby="desk-action-error">
                    <legend><Tr s=|l| Text::of(l).desk_what/></legend>
                    {choice(DeskAction::EndSessions, |l| Text::of(l).desk_end_sessions)}
                    {choice(DeskAction::ResetSecondFactor, |l| Text::of(l).desk_reset)}
                    <p class="field-error" id="desk-action-error">
                        {move || result.with(|r| field_message(r, Field::Kind)).map(|e| match e {
                            ApiError::Invalid(e) => Text::of(i18n.lang()).field_error(e),
                            _ => String::new(),
                        })}
                    </p>
                </fieldset>
                <TextField
                    name="note"
                    label=|l| Text::of(l).desk_note
                    hint=|l| Text::of(l).desk_note_hint
                    error=write.field_error(Field::Note)
                />
                <p role="status">{move || result.get().and_then(Result::ok).map(|n| (Text::of(i18n.lang()).desk_done)(n))}</p>
                <button type="submit" class="button button-primary" disabled=move || busy.get()>
                    <Tr s=|l| Text::of(l).desk_apply/>
                </button>
            </form>
        </section>
    }
}

#[component]
fn SecurityLog() -> impl IntoView {
    let i18n = use_i18n();
    let filter = RwSignal::new([
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]);
    let lines = RwSignal::new(Vec::<SecurityLine>::new());
    // Pages of lines, read one after another: each answer is how many lines came.
    let read = Write::<usize>::new();
    let result = read.value();
    let busy = read.pending();
    let fetch = move |before: String| {
        let [event, email, address, from, to] = filter.get_untracked();
        read.send(async move {
            let more = !before.is_empty();
            let page = crate::api::codec::call(&SecurityLog {
                event,
                email,
                address,
                from,
                to,
                before,
            })
            .await?;
            let n = page.len();
            lines.update(|l| {
                if !more {
                    l.clear();
                }
                l.extend(page);
            });
            Ok(n)
        });
    };
    fetch(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        filter.set(crate::ui::browser::form_values(
            &ev,
            ["event", "email", "address", "from", "to"],
        ));
        fetch(String::new());
    };
    let older = move |_| {
        if let Some(last) = lines.with_untracked(|l| l.last().map(|x| x.id)) {
            fetch(last.to_string());
        }
    };
    view! {
        <PageHeading text=|l| Text::of(l).title/>
        <form class="filters" on:submit=submit novalidate>
            <div class="field">
                <label for="log-event"><Tr s=|l| Text::of(l).event/></label>
                <select id="log-event" name="event">
                    <option value="">{move || Text::of(i18n.lang()).all}</option>
                    {SecurityEvent::ALL.into_iter().map(|e| view! {
                        <option value=e.as_str()>{move || event_name(e, i18n.lang())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="log-email"><Tr s=|l| Text::of(l).email/></label>
                <input id="log-email" name="email" type="search"/>
            </div>
            <div class="field">
                <label for="log-address"><Tr s=|l| Text::of(l).address/></label>
                <input id="log-address" name="address" type="search"/>
            </div>
            <div class="field">
                <label for="log-from"><Tr s=|l| Text::of(l).field_from/></label>
                <input id="log-from" name="from" type="date"/>
            </div>
            <div class="field">
                <label for="log-to"><Tr s=|l| Text::of(l).field_to/></label>
                <input id="log-to" name="to" type="date"/>
            </div>
            <button type="submit" class="button button-primary"><Tr s=|l| Text::of(l).search/></button>
        </form>
        {read.refusal()}
        {move || match result.get() {
            Some(Err(ApiError::Invalid(e))) => Some(view! { <p class="field-error" role="alert">{Text::of(i18n.lang()).field_error(e)}</p> }),
            _ => None,
        }}
        <Show when=move || busy.get() && lines.with(Vec::is_empty)><Loading/></Show>
        <Show when=move || !busy.get() && lines.with(Vec::is_empty) && matches!(result.get(), Some(Ok(_)))>
            <p><Tr s=|l| Text::of(l).empty/></p>
        </Show>
        <Show when=move || lines.with(|l| !l.is_empty())>
            <table class="data-table">
                <caption class="visually-hidden"><Tr s=|l| Text::of(l).title/></caption>
                <thead><tr>
                    <th scope="col"><Tr s=|l| Text::of(l).when/></th>
                    <th scope="col"><Tr s=|l| Text::of(l).event/></th>
                    <th scope="col"><Tr s=|l| Text::of(l).email/></th>
                    <th scope="col"><Tr s=|l| Text::of(l).by/></th>
                    <th scope="col"><Tr s=|l| Text::of(l).address/></th>
                    <th scope="col"><Tr s=|l| Text::of(l).detail/></th>
                </tr></thead>
                <tbody>
                    <For each=move || lines.get() key=|l| l.id let:line>
                        <tr>
                            <td>{move || (Text::of(i18n.lang()).time)(line.at)}</td>
                            <td>{
                                let e = SecurityEvent::parse(&line.event);
                                let raw = line.event.clone();
                                move || e.map_or(raw.clone(), |e| event_name(e, i18n.lang()).to_string())
                            }</td>
                            <td>{line.email.clone()}</td>
                            <td>{line.actor.clone().unwrap_or_default()}</td>
                            <td>{line.address.clone()}</td>
                            <td>{line.detail.clone()}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
            <Show when=move || matches!(result.get(), Some(Ok(100)))>
                <button type="button" class="button" disabled=move || busy.get() on:click=older>
                    <Tr s=|l| Text::of(l).older/>
                </button>
            </Show>
        </Show>
    }
}

fn event_name(e: SecurityEvent, lang: Lang) -> &'static str {
    let t = Text::of(lang);
    match e {
        SecurityEvent::SignedIn => t.e_signed_in,
        SecurityEvent::SignInFailed => t.e_sign_in_failed,
        SecurityEvent::LockedOut => t.e_locked_out,
        SecurityEvent::SignedOut => t.e_signed_out,
        SecurityEvent::Registered => t.e_registered,
        SecurityEvent::EmailVerified => t.e_email_verified,
        SecurityEvent::PasswordChanged => t.e_password_changed,
        SecurityEvent::PasswordReset => t.e_password_reset,
        SecurityEvent::ResetAsked => t.e_reset_asked,
        SecurityEvent::AccountBound => t.e_account_bound,
        SecurityEvent::HolderRemoved => t.e_holder_removed,
        SecurityEvent::RoleChanged => t.e_role_changed,
        SecurityEvent::MemberRemoved => t.e_member_removed,
        SecurityEvent::StaffRead => t.e_staff_read,
        SecurityEvent::MfaEnabled => t.e_mfa_enabled,
        SecurityEvent::MfaDisabled => t.e_mfa_disabled,
        SecurityEvent::RecoveryCodeUsed => t.e_recovery_code_used,
        SecurityEvent::DataExported => t.e_data_exported,
        SecurityEvent::LoginDeleted => t.e_login_deleted,
        SecurityEvent::SessionsEndedByStaff => t.e_sessions_ended_by_staff,
        SecurityEvent::MfaResetByStaff => t.e_mfa_reset_by_staff,
    }
}

crate::ui::i18n::strings! {
    title: &'static str = "Security log", "安全日志";
    event: &'static str = "Event", "事件";
    all: &'static str = "All events", "全部事件";
    address: &'static str = "Network address", "网络地址";
    search: &'static str = "Search", "搜索";
    empty: &'static str = "Nothing in the log matches.", "日志中没有符合条件的记录。";
    when: &'static str = "When", "时间";
    by: &'static str = "By", "操作人";
    detail: &'static str = "Detail", "详情";
    older: &'static str = "Older entries", "更早的记录";
    e_signed_in: &'static str = "Signed in", "登录";
    e_sign_in_failed: &'static str = "Sign-in failed", "登录失败";
    e_locked_out: &'static str = "Locked out", "已锁定";
    e_signed_out: &'static str = "Signed out", "退出登录";
    e_registered: &'static str = "Registered", "注册";
    e_email_verified: &'static str = "Email confirmed", "邮箱已确认";
    e_password_changed: &'static str = "Password changed", "修改密码";
    e_password_reset: &'static str = "Password reset", "重设密码";
    e_reset_asked: &'static str = "Reset asked for", "申请重设密码";
    e_account_bound: &'static str = "Account linked", "绑定户号";
    e_holder_removed: &'static str = "Holder removed", "移除绑定人";
    e_role_changed: &'static str = "Role changed", "角色变更";
    e_member_removed: &'static str = "Member removed", "移除成员";
    e_staff_read: &'static str = "Staff read customer data", "员工查看客户数据";
    e_mfa_enabled: &'static str = "Two-step sign-in on", "开启两步验证";
    e_mfa_disabled: &'static str = "Two-step sign-in off", "关闭两步验证";
    e_recovery_code_used: &'static str = "Recovery code used", "使用恢复码";
    e_data_exported: &'static str = "Personal data downloaded", "下载个人数据";
    e_login_deleted: &'static str = "Login deleted", "注销账号";
    e_sessions_ended_by_staff: &'static str = "Signed out everywhere by the service desk", "客服退出全部登录";
    e_mfa_reset_by_staff: &'static str = "Two-step sign-in turned off by the service desk", "客服关闭两步验证";
    desk_title: &'static str = "Service desk", "客服协助";
    desk_intro: &'static str = "For a person whose phone or laptop was stolen while signed in, or who lost their authenticator and recovery codes. Check who they are first, as when the login was set up: an identity document in person, or a call back to the phone on file.", "用于登录中的手机或电脑被盗、或丢失验证器和恢复码的用户。请先按开户时的方式核实身份：当面查验身份证件，或回拨登记的电话。";
    desk_email: &'static str = "Email of the login", "账号邮箱";
    desk_what: &'static str = "What to do", "操作";
    desk_end_sessions: &'static str = "Sign out everywhere", "在所有设备上退出登录";
    desk_reset: &'static str = "Turn off two-step sign-in and sign out everywhere", "关闭两步验证并在所有设备上退出登录";
    desk_note: &'static str = "How you checked who asked", "身份核实方式";
    desk_note_hint: &'static str = "Kept in the security log, for example: ID card seen at the Pudong counter.", "将记入安全日志，例如：浦东营业厅查验身份证。";
    desk_apply: &'static str = "Apply to this login", "执行";
    desk_done: fn(u64) -> String = |n| format!("Done. Sessions ended: {n}. The person was emailed."), |n| format!("已完成：结束 {n} 个登录，已邮件通知本人。");
}

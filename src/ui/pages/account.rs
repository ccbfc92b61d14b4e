//! A login's own pages: confirming the email, forgetting and resetting the password, and
//! "Security" (change the password, see and end one's sessions).

use crate::api::ApiError;
use crate::api::auth::{
    SessionInfo, change_password, end_session, forgot_password, reset_password, sessions,
    verify_email,
};
use crate::api::pages::Page;
use crate::domain::Field;
use crate::ui::components::field::{TextField, field_message, form_error};
use crate::ui::components::guard::{PageHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Loading, loaded_in_place};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The `token` of the page's address.
fn token() -> String {
    leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("token"))
        .unwrap_or_default()
}

/// `/verify-email?token=…`: confirms the address, signs the person in and goes to the overview.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let session = use_session();
    let go = crate::ui::use_go();
    let token = token();
    let next = crate::ui::session::after_sign_in();
    let result = LocalResource::new(move || verify_email(token.clone()));
    Effect::new(move |_| {
        if let Some(Ok(me)) = result.get() {
            session.signed_in(me);
            go(&next);
        }
    });
    view! {
        <section class="narrow">
            <PageHeading text=|l| Text::of(l).verify_title/>
            <Suspense fallback=Loading>
                {move || result.get().map(|r| match r {
                    Ok(_) => view! { <p role="status"><Tr s=|l| Text::of(l).verified/></p> }.into_any(),
                    Err(error) => view! {
                        <ErrorMessage error/>
                        <p><a href=Page::SignIn { next: None }.href()><Tr s=|l| Text::of(l).sign_in_for_new_link/></a></p>
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

/// `/forgot-password`: asks for a reset link. The answer never says whether the address has a
/// login.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let result = RwSignal::new(None::<Result<(), ApiError>>);
    let sent_to = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [email] = crate::ui::browser::form_values(&ev, ["email"]);
        sent_to.set(email.trim().to_string());
        busy.set(true);
        let lang = i18n.lang_untracked().as_str().to_string();
        spawn_local(async move {
            result.set(Some(forgot_password(email, lang).await));
            busy.set(false);
        });
    };
    view! {
        <section class="narrow">
            <PageHeading text=|l| Text::of(l).forgot_title/>
            <Show
                when=move || result.with(|r| matches!(r, Some(Ok(()))))
                fallback=move || view! {
                    <p><Tr s=|l| Text::of(l).forgot_intro/></p>
                    {move || result.with(form_error).map(|error| view! { <ErrorMessage error/> })}
                    <form on:submit=submit novalidate>
                        <TextField
                            name="email"
                            label=|l| Text::of(l).email
                            input_type="email"
                            autocomplete="email"
                            error=Signal::derive(move || result.with(|r| field_message(r, Field::Email)))
                        />
                        <button type="submit" class="button button-primary" disabled=move || busy.get()>
                            <Tr s=|l| Text::of(l).send_link/>
                        </button>
                    </form>
                }
            >
                <p role="status">{move || (Text::of(i18n.lang()).reset_sent)(&sent_to.get())}</p>
            </Show>
            <p><a href=Page::SignIn { next: None }.href()><Tr s=|l| Text::of(l).back_to_sign_in/></a></p>
        </section>
    }
}

/// `/reset-password?token=…`: sets a new password from the emailed link.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let token = token();
    let result = RwSignal::new(None::<Result<(), ApiError>>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [password] = crate::ui::browser::form_values(&ev, ["password"]);
        let token = token.clone();
        busy.set(true);
        spawn_local(async move {
            result.set(Some(reset_password(token, password).await));
            busy.set(false);
        });
    };
    let link_error = move || {
        result.with(|r| match r {
            Some(Err(ApiError::Invalid(f))) if f.field == Field::Token => {
                r.as_ref().and_then(|r| r.clone().err())
            }
            _ => None,
        })
    };
    view! {
        <section class="narrow">
            <PageHeading text=|l| Text::of(l).reset_title/>
            <Show
                when=move || result.with(|r| matches!(r, Some(Ok(()))))
                fallback=move || view! {
                    {move || result.with(form_error).or_else(link_error).map(|error| view! {
                        <ErrorMessage error/>
                        <p><a href=Page::ForgotPassword.href()><Tr s=|l| Text::of(l).ask_new_link/></a></p>
                    })}
                    <form on:submit=submit.clone() novalidate>
                        <TextField
                            name="password"
                            label=|l| Text::of(l).new_password
                            input_type="password"
                            autocomplete="new-password"
                            hint=|l| Text::of(l).new_password_hint
                            error=Signal::derive(move || result.with(|r| field_message(r, Field::Password)))
                        />
                        <button type="submit" class="button button-primary" disabled=move || busy.get()>
                            <Tr s=|l| Text::of(l).set_password/>
                        </button>
                    </form>
                }
            >
                <p role="status"><Tr s=|l| Text::of(l).password_set/></p>
                <p><a href=Page::SignIn { next: None }.href()><Tr s=|l| Text::of(l).sign_in/></a></p>
            </Show>
        </section>
    }
}

/// `/security`: change the password; see and end one's sessions.
#[component]
pub fn SecurityPage() -> impl IntoView {
    view! {
        <RequireSignIn>
            <PageHeading text=|l| Text::of(l).security_title/>
            <ChangePassword/>
            <Sessions/>
        </RequireSignIn>
    }
}

#[component]
fn ChangePassword() -> impl IntoView {
    let result = RwSignal::new(None::<Result<(), ApiError>>);
    let busy = RwSignal::new(false);
    let form = NodeRef::<leptos::html::Form>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [current, new] = crate::ui::browser::form_values(&ev, ["current_password", "password"]);
        busy.set(true);
        spawn_local(async move {
            let r = change_password(current, new).await;
            if r.is_ok()
                && let Some(f) = form.get_untracked()
            {
                f.reset();
            }
            result.set(Some(r));
            busy.set(false);
        });
    };
    view! {
        <section aria-labelledby="change-password">
            <h2 id="change-password"><Tr s=|l| Text::of(l).change_password/></h2>
            {move || result.with(form_error).map(|error| view! { <ErrorMessage error/> })}
            <form node_ref=form on:submit=submit novalidate>
                <TextField
                    name="current_password"
                    label=|l| Text::of(l).current_password
                    input_type="password"
                    autocomplete="current-password"
                    error=Signal::derive(move || result.with(|r| field_message(r, Field::CurrentPassword)))
                />
                <TextField
                    name="password"
                    label=|l| Text::of(l).new_password
                    input_type="password"
                    autocomplete="new-password"
                    hint=|l| Text::of(l).new_password_hint
                    error=Signal::derive(move || result.with(|r| field_message(r, Field::Password)))
                />
                <p role="status">{move || result.with(|r| matches!(r, Some(Ok(())))).then(|| view! { <Tr s=|l| Text::of(l).password_changed/> })}</p>
                <button type="submit" class="button button-primary" disabled=move || busy.get()>
                    <Tr s=|l| Text::of(l).change_password/>
                </button>
            </form>
        </section>
    }
}

#[component]
fn Sessions() -> impl IntoView {
    let i18n = use_i18n();
    let list = LocalResource::new(sessions);
    let ended = RwSignal::new(None::<Result<Vec<SessionInfo>, ApiError>>);
    let end = move |id: String| {
        spawn_local(async move {
            let r = end_session(id).await;
            ended.set(Some(r));
            list.refetch();
        });
    };
    view! {
        <section aria-labelledby="sessions">
            <h2 id="sessions"><Tr s=|l| Text::of(l).sessions_title/></h2>
            <p class="hint"><Tr s=|l| Text::of(l).sessions_intro/></p>
            {move || ended.with(form_error).map(|error| view! { <ErrorMessage error/> })}
            {loaded_in_place(list, move |rows| {
                let others = rows.iter().any(|s| !s.current);
                view! {
                    <table class="data-table">
                        <caption class="visually-hidden"><Tr s=|l| Text::of(l).sessions_title/></caption>
                        <thead><tr>
                            <th scope="col"><Tr s=|l| Text::of(l).col_device/></th>
                            <th scope="col"><Tr s=|l| Text::of(l).col_from/></th>
                            <th scope="col"><Tr s=|l| Text::of(l).col_signed_in/></th>
                            <th scope="col"><Tr s=|l| Text::of(l).col_last_seen/></th>
                            <th scope="col"><span class="visually-hidden"><Tr s=|l| Text::of(l).col_action/></span></th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|s| {
                                let device = if s.device.is_empty() { "?".to_string() } else { s.device.clone() };
                                let label = {
                                    let device = device.clone();
                                    move || format!("{}: {device}", Text::of(i18n.lang()).end_this)
                                };
                                let id = s.id.clone();
                                view! {
                                    <tr>
                                        <td>{device.clone()}</td>
                                        <td>{s.address.clone()}</td>
                                        <td>{move || (Text::of(i18n.lang()).time)(s.signed_in_at)}</td>
                                        <td>{move || (Text::of(i18n.lang()).time)(s.last_seen_at)}</td>
                                        <td>{if s.current {
                                            view! { <Tr s=|l| Text::of(l).this_device/> }.into_any()
                                        } else {
                                            view! {
                                                <button type="button" class="button" aria-label=label on:click=move |_| end(id.clone())>
                                                    <Tr s=|l| Text::of(l).end_this/>
                                                </button>
                                            }.into_any()
                                        }}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    {others.then(|| view! {
                        <button type="button" class="button" on:click=move |_| end("others".into())>
                            <Tr s=|l| Text::of(l).end_others/>
                        </button>
                    })}
                }
            })}
        </section>
    }
}

crate::ui::i18n::strings! {
    verify_title: &'static str = "Confirming your email", "正在确认邮箱";
    verified: &'static str = "Your email is confirmed. Welcome to GridCare.", "邮箱已确认，欢迎使用 GridCare。";
    sign_in_for_new_link: &'static str =
        "Sign in to get a new link", "登录以获取新链接";
    forgot_title: &'static str = "Set a new password", "重设密码";
    forgot_intro: &'static str =
        "Type the email you sign in with. We will send it a link to set a new password.",
        "请输入您登录所用的邮箱，我们会发送设置新密码的链接。";
    send_link: &'static str = "Send the link", "发送链接";
    reset_sent: fn(&str) -> String =
        |e| format!("If {e} has a GridCare account, we have sent it a link to set a new password. The link works once, for 30 minutes."),
        |e| format!("如果 {e} 已注册 GridCare，我们已向该邮箱发送设置新密码的链接。链接 30 分钟内有效，只能使用一次。");
    back_to_sign_in: &'static str = "Back to sign in", "返回登录";
    reset_title: &'static str = "Choose a new password", "设置新密码";
    ask_new_link: &'static str = "Ask for a new link", "重新获取链接";
    new_password: &'static str = "New password", "新密码";
    new_password_hint: &'static str =
        "At least 10 characters, not a common password. Pasting from a password manager is fine.",
        "至少 10 个字符，不能是常见密码，可从密码管理器粘贴。";
    set_password: &'static str = "Set the new password", "设置新密码";
    password_set: &'static str =
        "Your new password is set, and every session of your account was signed out.",
        "新密码已设置，您账号的所有登录均已退出。";
    security_title: &'static str = "Security", "账号安全";
    change_password: &'static str = "Change password", "修改密码";
    current_password: &'static str = "Current password", "当前密码";
    password_changed: &'static str =
        "Your password is changed. Your other sessions were signed out.",
        "密码已修改，您的其他登录已退出。";
    sessions_title: &'static str = "Where you are signed in", "登录设备";
    sessions_intro: &'static str =
        "If you do not know a device here, sign it out and change your password.",
        "如有不认识的设备，请将其退出并修改密码。";
    col_device: &'static str = "Device", "设备";
    col_from: &'static str = "From", "来源地址";
    col_signed_in: &'static str = "Signed in", "登录时间";
    col_last_seen: &'static str = "Last used", "最近使用";
    col_action: &'static str = "Action", "操作";
    this_device: &'static str = "This device", "本设备";
    end_this: &'static str = "Sign out", "退出";
    end_others: &'static str = "Sign out everywhere else", "退出其他所有设备";
}

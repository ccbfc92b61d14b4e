//! A login's own pages: confirming the email, forgetting and resetting the password, and
//! "Security" (change the password, see and end one's sessions).

use crate::api::ApiError;
use crate::api::auth::{
    ChangePassword, EndSession, ForgotPassword, MfaConfirm, MfaDisable, MfaSetup, MfaStart,
    MfaStatus, QrCode, ResetPassword, SessionInfo, Sessions, TwoStepStatus, VerifyEmail,
};
use crate::api::pages::Page;
use crate::domain::Field;
use crate::ui::components::field::{TextField, form_error};
use crate::ui::components::guard::{PageHeading, RequireSignIn};
use crate::ui::components::status::{ErrorMessage, Load, Loading, Write, loaded_in_place};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The `token` of the page's address.
fn token() -> String {
    crate::ui::router::use_query_map()
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
    let result = Load::ask(move || VerifyEmail {
        token: token.clone(),
    });
    Effect::new(move |_| {
        if let Some(Ok(me)) = result.get() {
            crate::ui::offline::fresh();
            session.signed_in(me);
            go(&next);
        }
    });
    view! {
        <section class="narrow">
            <PageHeading text=|l| Text::of(l).verify_title/>
            {move || match result.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(_)) => view! { <p role="status"><Tr s=|l| Text::of(l).verified/></p> }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorMessage error/>
                    <p><a href=Page::SignIn { next: None }.href()><Tr s=|l| Text::of(l).sign_in_for_new_link/></a></p>
                }.into_any(),
            }}
        </section>
    }
}

/// `/forgot-password`: asks for a reset link. The answer never says whether the address has a
/// login.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let write = Write::new();
    let result = write.value();
    let sent_to = RwSignal::new(String::new());
    let busy = write.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [email] = crate::ui::browser::form_values(&ev, ["email"]);
        sent_to.set(email.trim().to_string());
        let lang = i18n.lang_untracked().as_str().to_string();
        write.dispatch(ForgotPassword { email, lang });
    };
    view! {
        <section class="narrow">
            <PageHeading text=|l| Text::of(l).forgot_title/>
            <Show
                when=move || result.with(|r| matches!(r, Some(Ok(()))))
                fallback=move || view! {
                    <p><Tr s=|l| Text::of(l).forgot_intro/></p>
                    {write.refusal()}
                    <form on:submit=submit novalidate>
                        <TextField
                            name="email"
                            label=|l| Text::of(l).email
                            input_type="email"
                            autocomplete="email"
                            error=write.field_error(Field::Email)
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
    let write = Write::new();
    let result = write.value();
    let busy = write.pending();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [password] = crate::ui::browser::form_values(&ev, ["password"]);
        write.dispatch(ResetPassword {
            token: token.clone(),
            password,
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
                            error=write.field_error(Field::Password)
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
            <Display/>
            <TwoStep/>
            <ChangePassword/>
            <Sessions/>
            <YourData/>
        </RequireSignIn>
    }
}

/// Care mode, the same switch as the header's, with what it does.
#[component]
fn Display() -> impl IntoView {
    view! {
        <section aria-labelledby="display">
            <h2 id="display"><Tr s=|l| Text::of(l).display_title/></h2>
            <p><Tr s=|l| Text::of(l).care_explained/></p>
            <crate::ui::components::care::CareSwitch/>
        </section>
    }
}

/// Two-step sign-in: set up an authenticator app (QR code or the key as text, then a code to
/// confirm), see the recovery codes once, or turn it off (customers only).
#[component]
fn TwoStep() -> impl IntoView {
    let session = use_session();
    let status = Load::ask(|| MfaStatus {});
    // Shown here, above either form: the recovery codes appear once, right after turning on.
    let confirm = Write::<Vec<String>>::new();
    let must = move || {
        session
            .me
            .with(|m| m.as_ref().is_some_and(|m| m.must_set_up_mfa))
    };
    view! {
        <section aria-labelledby="two-step">
            <h2 id="two-step"><Tr s=|l| Text::of(l).two_step_title/></h2>
            <Show when=must>
                <p class="notice" role="alert"><Tr s=|l| Text::of(l).staff_must/></p>
            </Show>
            {move || confirm.value().with(|c| match c {
                Some(Ok(codes)) => Some(view! {
                    <div class="notice" role="status">
                        <p><Tr s=|l| Text::of(l).two_step_on_now/></p>
                        <p><Tr s=|l| Text::of(l).recovery_intro/></p>
                        <ul class="recovery-codes" aria-label=move || Text::of(use_i18n().lang()).recovery_title>
                            {codes.iter().map(|c| view! { <li><code>{c.clone()}</code></li> }).collect_view()}
                        </ul>
                    </div>
                }),
                _ => None,
            })}
            {loaded_in_place(status, move |st| {
                if st.on {
                    view! {
                        <p>{move || (Text::of(use_i18n().lang()).two_step_is_on)(st.recovery_codes_left)}</p>
                        {(!st.required).then(|| view! { <TurnOff status confirm/> })}
                    }.into_any()
                } else {
                    view! { <SetUp status confirm/> }.into_any()
                }
            })}
        </section>
    }
}

/// Setting two-step sign-in up: a key for the authenticator app (QR code or text), then a code
/// from the app to confirm it works.
#[component]
fn SetUp(
    status: Load<Result<TwoStepStatus, ApiError>>,
    confirm: Write<Vec<String>>,
) -> impl IntoView {
    let session = use_session();
    let start = Write::<MfaSetup>::new();
    let setup = start.value();
    let busy = move || start.pending().get() || confirm.pending().get();
    let on_confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [code] = crate::ui::browser::form_values(&ev, ["code"]);
        confirm.dispatch_then(MfaConfirm { code }, move |r| {
            if r.is_ok() {
                session.two_step(true);
                status.refetch();
            }
        });
    };
    view! {
        <p><Tr s=|l| Text::of(l).two_step_intro/></p>
        {start.refusal()}
        {move || match setup.get() {
            Some(Ok(s)) => view! {
                <ol class="steps">
                    <li>
                        <p><Tr s=|l| Text::of(l).scan/></p>
                        <QrImage qr=s.qr.clone()/>
                        <p>
                            <Tr s=|l| Text::of(l).or_type/>" "
                            <code class="secret">{group(&s.secret)}</code>
                        </p>
                    </li>
                    <li>
                        {confirm.refusal()}
                        <form on:submit=on_confirm novalidate>
                            <TextField
                                name="code"
                                label=|l| Text::of(l).code_from_app
                                inputmode="numeric"
                                autocomplete="one-time-code"
                                error=confirm.field_error(Field::Code)
                            />
                            <button type="submit" class="button button-primary" disabled=busy>
                                <Tr s=|l| Text::of(l).turn_on/>
                            </button>
                        </form>
                    </li>
                </ol>
            }.into_any(),
            _ => view! {
                <button type="button" class="button button-primary" disabled=busy on:click=move |_| start.dispatch(MfaStart {})>
                    <Tr s=|l| Text::of(l).set_up/>
                </button>
            }.into_any(),
        }}
    }
}

/// Turning two-step sign-in off, with the password (not offered where it is required).
#[component]
fn TurnOff(
    status: Load<Result<TwoStepStatus, ApiError>>,
    confirm: Write<Vec<String>>,
) -> impl IntoView {
    let session = use_session();
    let write = Write::<()>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [password] = crate::ui::browser::form_values(&ev, ["current_password"]);
        write.dispatch_then(
            MfaDisable {
                current_password: password,
            },
            move |r| {
                if r.is_ok() {
                    session.two_step(false);
                    confirm.value().set(None);
                    status.refetch();
                }
            },
        );
    };
    view! {
        {write.refusal()}
        <form on:submit=on_submit novalidate>
            <TextField
                name="current_password"
                label=|l| Text::of(l).current_password
                input_type="password"
                autocomplete="current-password"
                error=write.field_error(Field::CurrentPassword)
            />
            <button type="submit" class="button" disabled=write.pending()>
                <Tr s=|l| Text::of(l).turn_off/>
            </button>
        </form>
    }
}

/// A QR code drawn as one SVG path, with the quiet zone around it.
#[component]
fn QrImage(qr: QrCode) -> impl IntoView {
    let i18n = use_i18n();
    let w = qr.width;
    let mut d = String::new();
    for (i, m) in qr.modules.bytes().enumerate() {
        if m == b'1' {
            d.push_str(&format!("M{} {}h1v1h-1z", i % w.max(1), i / w.max(1)));
        }
    }
    let size = w + 8;
    view! {
        <svg class="qr" role="img" viewBox=format!("-4 -4 {size} {size}") width="200" height="200"
            aria-label=move || Text::of(i18n.lang()).qr_label>
            <rect x="-4" y="-4" width=size height=size fill="#fff"/>
            <path d=d fill="#000"/>
        </svg>
    }
}

/// A key in groups of four, easier to type.
fn group(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The person's data (PIPL / GDPR): download all of it, or delete the login.
#[component]
fn YourData() -> impl IntoView {
    use crate::api::auth::{DeleteLogin, MyData};
    let session = use_session();
    let go = crate::ui::use_go();
    let download_write = Write::new();
    let delete_write = Write::new();
    let download = move |_| {
        download_write.send(async move {
            crate::api::codec::call(&MyData {}).await.map(|json| {
                crate::ui::browser::download_text(
                    "gridcare-my-data.json",
                    "application/json",
                    &json,
                )
            })
        });
    };
    let delete = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [password] = crate::ui::browser::form_values(&ev, ["current_password"]);
        let go = go.clone();
        delete_write.dispatch_then(
            DeleteLogin {
                current_password: password,
            },
            move |r| {
                if r.is_ok() {
                    session.signed_out();
                    go(&Page::SignIn { next: None }.href());
                }
            },
        );
    };
    view! {
        <section aria-labelledby="your-data">
            <h2 id="your-data"><Tr s=|l| Text::of(l).data_title/></h2>
            <p><Tr s=|l| Text::of(l).data_intro/></p>
            {download_write.refusal()}
            <p><button type="button" class="button" on:click=download><Tr s=|l| Text::of(l).download_data/></button></p>
            <h3><Tr s=|l| Text::of(l).delete_title/></h3>
            <p><Tr s=|l| Text::of(l).delete_intro/></p>
            {delete_write.refusal()}
            <form on:submit=delete novalidate>
                <TextField
                    name="current_password"
                    label=|l| Text::of(l).password_to_delete
                    input_type="password"
                    autocomplete="current-password"
                    error=delete_write.field_error(Field::CurrentPassword)
                />
                <button type="submit" class="button button-danger"><Tr s=|l| Text::of(l).delete_login/></button>
            </form>
        </section>
    }
}

#[component]
fn ChangePassword() -> impl IntoView {
    let write = Write::new();
    let result = write.value();
    let busy = write.pending();
    let form = NodeRef::<leptos::html::Form>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [current, new] = crate::ui::browser::form_values(&ev, ["current_password", "password"]);
        write.dispatch_then(
            ChangePassword {
                current_password: current,
                password: new,
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
    view! {
        <section aria-labelledby="change-password">
            <h2 id="change-password"><Tr s=|l| Text::of(l).change_password/></h2>
            {write.refusal()}
            <form node_ref=form on:submit=submit novalidate>
                <TextField
                    name="current_password"
                    label=|l| Text::of(l).current_password
                    input_type="password"
                    autocomplete="current-password"
                    error=write.field_error(Field::CurrentPassword)
                />
                <TextField
                    name="password"
                    label=|l| Text::of(l).new_password
                    input_type="password"
                    autocomplete="new-password"
                    hint=|l| Text::of(l).new_password_hint
                    error=write.field_error(Field::Password)
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
    let list = Load::ask(|| Sessions {});
    let end_write = Write::<Vec<SessionInfo>>::new();
    let end = move |id: String| end_write.dispatch_then(EndSession { id }, move |_| list.refetch());
    view! {
        <section aria-labelledby="sessions">
            <h2 id="sessions"><Tr s=|l| Text::of(l).sessions_title/></h2>
            <p class="hint"><Tr s=|l| Text::of(l).sessions_intro/></p>
            {end_write.refusal()}
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
    display_title: &'static str = "Display", "显示";
    care_explained: &'static str =
        "Care mode shows larger text and buttons, stronger colours and plainer words, with the 95598 hotline one tap away. It stays on for you on every device you sign in on.",
        "关怀模式使用更大的文字和按钮、更清楚的颜色和更简单的说法，并可一键拨打 95598 热线。开启后，您在任何设备上登录都会保持开启。";
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
    two_step_title: &'static str = "Two-step sign-in", "两步验证登录";
    staff_must: &'static str =
        "Staff must turn on two-step sign-in before using GridCare.",
        "员工须先开启两步验证登录，才能使用 GridCare。";
    two_step_intro: &'static str =
        "Sign in with your password and a code from an authenticator app on your phone, so a stolen password alone opens nothing.",
        "登录时除密码外还需输入手机身份验证器应用中的验证码，即使密码被盗也无法登录。";
    set_up: &'static str = "Set up two-step sign-in", "设置两步验证";
    scan: &'static str = "Scan this code with an authenticator app.", "用身份验证器应用扫描此二维码。";
    or_type: &'static str = "Or type this key:", "或手动输入密钥：";
    qr_label: &'static str = "QR code for your authenticator app", "身份验证器应用的二维码";
    code_from_app: &'static str = "Code the app shows", "应用显示的验证码";
    turn_on: &'static str = "Turn on two-step sign-in", "开启两步验证";
    two_step_on_now: &'static str = "Two-step sign-in is on.", "两步验证已开启。";
    recovery_title: &'static str = "Recovery codes", "恢复码";
    recovery_intro: &'static str =
        "Keep these recovery codes somewhere safe. Each works once if you lose your phone. They are shown only now.",
        "请妥善保存以下恢复码。手机丢失时每个恢复码可使用一次。恢复码只显示这一次。";
    two_step_is_on: fn(i64) -> String =
        |n| format!("Two-step sign-in is on. You have {n} unused recovery codes."),
        |n| format!("两步验证已开启。您还有 {n} 个未使用的恢复码。");
    turn_off: &'static str = "Turn off two-step sign-in", "关闭两步验证";
    data_title: &'static str = "Your data", "您的个人数据";
    data_intro: &'static str =
        "Download everything GridCare keeps about you: your login, linked accounts, applications, reports, feedback, notices, sessions and security log.",
        "下载 GridCare 保存的您的全部个人数据：登录信息、绑定户号、申请、报修、意见、消息、登录设备与安全日志。";
    download_data: &'static str = "Download my data", "下载我的数据";
    delete_title: &'static str = "Delete my login", "注销账号";
    delete_intro: &'static str =
        "Your login and what links it to accounts and organisations are deleted. The service accounts and their bills stay with the utility. This cannot be undone.",
        "您的登录账号及其与户号、企业的关联将被删除，户号和账单仍由供电公司保留。此操作无法撤销。";
    password_to_delete: &'static str = "Your password, to delete the login", "输入密码以注销账号";
    delete_login: &'static str = "Delete my login", "注销账号";
}

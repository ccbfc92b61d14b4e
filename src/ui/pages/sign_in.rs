//! Sign in with email and password.

use crate::api::ApiError;
use crate::api::auth::SignIn;
use crate::api::pages::Page;
use crate::domain::Field;
use crate::ui::components::field::{TextField, field_message, form_error};
use crate::ui::components::guard::PageHeading;
use crate::ui::components::status::{ErrorMessage, Write};
use crate::ui::components::text::Tr;
use crate::ui::session::enter_when_signed_in;
use leptos::prelude::*;

/// The sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let action = Write::new();
    let result = action.value();
    enter_when_signed_in(result);
    let pending = action.pending();
    // Once asked for a code, the field stays (a wrong code is refused beside it).
    let asked = RwSignal::new(false);
    Effect::new(move |_| {
        if result.with(|r| matches!(r, Some(Err(ApiError::SecondFactor)))) {
            asked.set(true);
        }
    });
    // The other of sign-in and registration, taking along where to go afterwards.
    let other_page = match crate::ui::session::after_sign_in().as_str() {
        "/" => Page::Register { next: None }.href(),
        next => Page::Register {
            next: Some(next.to_string()),
        }
        .href(),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [email, password, code] =
            crate::ui::browser::form_values(&ev, ["email", "password", "code"]);
        action.dispatch(SignIn {
            email,
            password,
            code,
        });
    };
    view! {
        <section class="narrow">
            <PageHeading text=|l| Text::of(l).sign_in_title/>
            <p class="muted"><Tr s=|l| Text::of(l).tagline/></p>
            {move || result.with(form_error).filter(|e| *e != ApiError::SecondFactor).map(|error| view! { <ErrorMessage error/> })}
            <Show when=move || asked.get()>
                <p role="status"><Tr s=|l| Text::of(l).code_asked/></p>
            </Show>
            // Shown only by a browser that runs no scripts (the server wrote this page).
            <noscript><p><Tr s=|l| Text::of(l).needs_scripts/></p></noscript>
            // `post`: a form sent without scripts never puts the password in an address.
            <form method="post" on:submit=submit novalidate>
                <TextField
                    name="email"
                    label=|l| Text::of(l).email
                    input_type="email"
                    autocomplete="username"
                    error=action.field_error(Field::Email)
                />
                <TextField
                    name="password"
                    label=|l| Text::of(l).password
                    input_type="password"
                    autocomplete="current-password"
                    error=action.field_error(Field::Password)
                />
                // Asked for once the password is right and two-step sign-in is on.
                <Show when=move || result.with(|r| matches!(r, Some(Err(ApiError::SecondFactor))) || field_message(r, Field::Code).is_some()) || asked.get()>
                    <TextField
                        name="code"
                        label=|l| Text::of(l).code_label
                        autocomplete="one-time-code"
                        hint=|l| Text::of(l).code_hint
                        error=action.field_error(Field::Code)
                    />
                </Show>
                <button type="submit" class="button button-primary" disabled=pending>
                    <Show when=move || pending.get() fallback=|| view! { <Tr s=|l| Text::of(l).sign_in/> }>
                        <Tr s=|l| Text::of(l).signing_in/>
                    </Show>
                </button>
            </form>
            <p><a href=Page::ForgotPassword.href()><Tr s=|l| Text::of(l).forgot/></a></p>
            <p>
                <Tr s=|l| Text::of(l).no_login_yet/>" "
                <a href=other_page><Tr s=|l| Text::of(l).register/></a>
            </p>
        </section>
    }
}

crate::ui::i18n::strings! {
    tagline: &'static str =
        "Your electricity account, bills and service, online.",
        "用电账户、账单与服务，尽在网上。";
    signing_in: &'static str = "Signing in…", "正在登录…";
    needs_scripts: &'static str =
        "Signing in needs JavaScript. The outage notices work without it.",
        "登录需要启用 JavaScript。停电公告无需 JavaScript 即可查看。";
    sign_in_title: &'static str = "Sign in to GridCare", "登录 GridCare";
    no_login_yet: &'static str = "New to GridCare?", "还没有账号？";
    forgot: &'static str = "Forgot your password?", "忘记密码？";
    code_label: &'static str = "Code from your authenticator app", "身份验证器应用中的验证码";
    code_hint: &'static str =
        "Six digits. Lost your phone? Type one of your recovery codes instead.",
        "6 位数字。手机丢失时，可输入一个恢复码。";
    code_asked: &'static str =
        "Your password is right. Now enter the code your authenticator app shows.",
        "密码正确。请输入身份验证器应用显示的验证码。";
}

//! Create a customer login.

use crate::api::auth::Register;
use crate::api::pages::Page;
use crate::domain::Field;
use crate::ui::components::field::TextField;
use crate::ui::components::guard::PageHeading;
use crate::ui::components::status::Write;
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// The registration page.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = Write::new();
    let result = action.value();
    let pending = action.pending();
    let sent_to = RwSignal::new(String::new());
    // The other of sign-in and registration, taking along where to go afterwards.
    let other_page = match crate::ui::session::after_sign_in().as_str() {
        "/" => Page::SignIn { next: None }.href(),
        next => Page::SignIn {
            next: Some(next.to_string()),
        }
        .href(),
    };
    // Where the confirmation link leads, after the overview's default.
    let next = crate::ui::session::after_sign_in();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [email, password] = crate::ui::browser::form_values(&ev, ["email", "password"]);
        sent_to.set(email.trim().to_string());
        let lang = i18n.lang_untracked().as_str().to_string();
        action.dispatch(Register {
            email,
            password,
            lang,
            next: next.clone(),
        });
    };
    view! {
        <section class="narrow">
            <PageHeading text=|l| Text::of(l).register_title/>
            <Show when=move || result.with(|r| matches!(r, Some(Ok(()))))>
                <div class="notice" role="status">
                    <h2><Tr s=|l| Text::of(l).check_email/></h2>
                    <p>{move || (Text::of(i18n.lang()).link_sent)(&sent_to.get())}</p>
                </div>
            </Show>
            {action.refusal()}
            <form on:submit=submit novalidate hidden=move || result.with(|r| matches!(r, Some(Ok(()))))>
                <TextField
                    name="email"
                    label=|l| Text::of(l).email
                    input_type="email"
                    autocomplete="email"
                    error=action.field_error(Field::Email)
                />
                <TextField
                    name="password"
                    label=|l| Text::of(l).password
                    input_type="password"
                    autocomplete="new-password"
                    hint=|l| Text::of(l).password_hint
                    error=action.field_error(Field::Password)
                />
                <button type="submit" class="button button-primary" disabled=pending>
                    <Show when=move || pending.get() fallback=|| view! { <Tr s=|l| Text::of(l).register/> }>
                        <Tr s=|l| Text::of(l).registering/>
                    </Show>
                </button>
            </form>
            <p>
                <Tr s=|l| Text::of(l).have_login/>" "
                <a href=other_page><Tr s=|l| Text::of(l).sign_in/></a>
            </p>
        </section>
    }
}

crate::ui::i18n::strings! {
    registering: &'static str = "Creating account…", "正在注册…";
    register_title: &'static str = "Create your GridCare account", "注册 GridCare 账号";
    password_hint: &'static str =
        "At least 10 characters, not a common password. Pasting from a password manager is fine.",
        "至少 10 个字符，不能是常见密码，可从密码管理器粘贴。";
    have_login: &'static str = "Already have an account?", "已有账号？";
    check_email: &'static str = "Check your email", "请查收邮件";
    link_sent: fn(&str) -> String =
        |e| format!("We have sent a link to {e}. Open it within 24 hours to confirm the address and finish creating your account. If the address already has an account, the email tells you how to sign in."),
        |e| format!("我们已向 {e} 发送链接。请在 24 小时内打开链接确认邮箱并完成注册。如该邮箱已注册，邮件会告诉您如何登录。");
}

//! Create a customer login.

use crate::api::auth::Register;
use crate::api::pages::Page;
use crate::domain::Field;
use crate::ui::components::field::{TextField, field_message, form_error};
use crate::ui::components::guard::PageHeading;
use crate::ui::components::status::ErrorMessage;
use crate::ui::components::text::Tr;
use crate::ui::session::enter_when_signed_in;
use leptos::prelude::*;

/// The registration page.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let action = ServerAction::<Register>::new();
    let result = action.value();
    enter_when_signed_in(result);
    let pending = action.pending();
    // The other of sign-in and registration, taking along where to go afterwards.
    let other_page = match crate::ui::session::after_sign_in().as_str() {
        "/" => Page::SignIn { next: None }.href(),
        next => Page::SignIn {
            next: Some(next.to_string()),
        }
        .href(),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [email, password] = crate::ui::browser::form_values(&ev, ["email", "password"]);
        action.dispatch(Register { email, password });
    };
    view! {
        <section class="narrow">
            <PageHeading text=|l| Text::of(l).register_title/>
            {move || result.with(form_error).map(|error| view! { <ErrorMessage error/> })}
            <form on:submit=submit novalidate>
                <TextField
                    name="email"
                    label=|l| Text::of(l).email
                    input_type="email"
                    autocomplete="email"
                    error=Signal::derive(move || result.with(|r| field_message(r, Field::Email)))
                />
                <TextField
                    name="password"
                    label=|l| Text::of(l).password
                    input_type="password"
                    autocomplete="new-password"
                    hint=|l| Text::of(l).password_hint
                    error=Signal::derive(move || result.with(|r| field_message(r, Field::Password)))
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
        "At least 10 characters. Pasting from a password manager is fine.",
        "至少 10 个字符，可从密码管理器粘贴。";
    have_login: &'static str = "Already have an account?", "已有账号？";
}

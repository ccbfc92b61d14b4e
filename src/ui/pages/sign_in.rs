//! Sign in with email and password.

use crate::api::auth::SignIn;
use crate::domain::Field;
use crate::ui::components::field::{TextField, field_message, form_error};
use crate::ui::components::guard::PageHeading;
use crate::ui::components::status::ErrorMessage;
use crate::ui::components::text::Tr;
use crate::ui::session::enter_when_signed_in;
use leptos::prelude::*;

/// The sign-in page.
#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let result = action.value();
    enter_when_signed_in(result);
    let pending = action.pending();
    // The other of sign-in and registration, taking along where to go afterwards.
    let other_page = match crate::ui::session::after_sign_in().as_str() {
        "/" => "/register".to_string(),
        next => format!("/register?next={}", crate::ui::browser::encode(next)),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [email, password] = crate::ui::browser::form_values(&ev, ["email", "password"]);
        action.dispatch(SignIn { email, password });
    };
    view! {
        <section class="narrow">
            <PageHeading text=|t| t.sign_in_title/>
            <p class="muted"><Tr s=|t| t.tagline/></p>
            {move || result.with(form_error).map(|error| view! { <ErrorMessage error/> })}
            <form on:submit=submit novalidate>
                <TextField
                    name="email"
                    label=|t| t.email
                    input_type="email"
                    autocomplete="username"
                    error=Signal::derive(move || result.with(|r| field_message(r, Field::Email)))
                />
                <TextField
                    name="password"
                    label=|t| t.password
                    input_type="password"
                    autocomplete="current-password"
                    error=Signal::derive(move || result.with(|r| field_message(r, Field::Password)))
                />
                <button type="submit" class="button button-primary" disabled=pending>
                    <Show when=move || pending.get() fallback=|| view! { <Tr s=|t| t.sign_in/> }>
                        <Tr s=|t| t.signing_in/>
                    </Show>
                </button>
            </form>
            <p>
                <Tr s=|t| t.no_login_yet/>" "
                <a href=other_page><Tr s=|t| t.register/></a>
            </p>
        </section>
    }
}

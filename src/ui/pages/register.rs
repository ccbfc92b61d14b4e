//! Create a customer login.

use crate::api::auth::Register;
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
        "/" => "/signin".to_string(),
        next => format!("/signin?next={}", crate::ui::browser::encode(next)),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [email, password] = crate::ui::browser::form_values(&ev, ["email", "password"]);
        action.dispatch(Register { email, password });
    };
    view! {
        <section class="narrow">
            <PageHeading text=|t| t.register_title/>
            {move || result.with(form_error).map(|error| view! { <ErrorMessage error/> })}
            <form on:submit=submit novalidate>
                <TextField
                    name="email"
                    label=|t| t.email
                    input_type="email"
                    autocomplete="email"
                    error=Signal::derive(move || result.with(|r| field_message(r, Field::Email)))
                />
                <TextField
                    name="password"
                    label=|t| t.password
                    input_type="password"
                    autocomplete="new-password"
                    hint=|t| t.password_hint
                    error=Signal::derive(move || result.with(|r| field_message(r, Field::Password)))
                />
                <button type="submit" class="button button-primary" disabled=pending>
                    <Show when=move || pending.get() fallback=|| view! { <Tr s=|t| t.register/> }>
                        <Tr s=|t| t.registering/>
                    </Show>
                </button>
            </form>
            <p>
                <Tr s=|t| t.have_login/>" "
                <a href=other_page><Tr s=|t| t.sign_in/></a>
            </p>
        </section>
    }
}

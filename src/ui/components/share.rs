//! Sharing with the phone's own share sheet (the Web Share API), where the browser has one:
//! elsewhere there is no button at all (printing and copying the address still work). The
//! button carries what it shares; `public/boot.js` shows it where there is a share sheet and
//! hands that over on a press, so the program carries no code of its own for it.

use leptos::prelude::*;

/// A button that shares `title`, `text` and the page at `path` (on this site). `label` names
/// what is shared ("Share the receipt"); `about`, read by screen readers only, says which one
/// when a page has several.
pub fn share_button(
    label: &'static str,
    about: Option<String>,
    title: String,
    text: String,
    path: String,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="button no-print share-button"
            data-share-title=title
            data-share-text=text
            data-share-url=path
        >
            {label}
            {about.map(|about| view! { <span class="visually-hidden">" " {about}</span> })}
        </button>
    }
}

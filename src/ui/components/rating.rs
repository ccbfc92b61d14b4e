//! Rating a finished job: 1–5 stars, what stood out, a comment. Shown on the job's page; a
//! rating can be changed for 7 days, after that it is shown as given. Also the way from a job's
//! page to feedback about it.

use crate::api::feedback::{JobRating, RateJob};
use crate::domain::RowId;
use crate::domain::feedback::{JobKind, RatingTag};
use crate::ui::components::status::ErrorMessage;
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// The rating card of one finished job.
#[component]
pub fn RatingCard(
    job_kind: JobKind,
    job_id: RowId,
    /// The rating given before, if any: it fills the form, and after 7 days locks it.
    existing: Option<JobRating>,
) -> impl IntoView {
    let i18n = use_i18n();
    let stars = RwSignal::new(existing.as_ref().map_or(0, |r| r.stars));
    let tags = RwSignal::new(
        existing
            .as_ref()
            .map(|r| r.tags.clone())
            .unwrap_or_default(),
    );
    let comment = RwSignal::new(
        existing
            .as_ref()
            .map(|r| r.comment.clone())
            .unwrap_or_default(),
    );
    let editable = RwSignal::new(existing.as_ref().is_none_or(|r| r.editable));
    let action = ServerAction::<RateJob>::new();
    let saved = move || matches!(action.value().get(), Some(Ok(_)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(RateJob {
            job_kind: job_kind.as_str().into(),
            job_id: job_id.to_string(),
            stars: match stars.get_untracked() {
                0 => String::new(),
                n => n.to_string(),
            },
            tags: RatingTag::join(&tags.get_untracked()),
            comment: comment.get_untracked(),
        });
    };
    let star_inputs = move || {
        let t = i18n.t();
        (1..=5u8)
            .map(|n| {
                view! {
                    <label class="radio">
                        <input type="radio" name="stars" prop:checked=move || stars.get() == n
                            disabled=move || !editable.get() on:change=move |_| stars.set(n)/>
                        {(t.stars_n)(n)}
                    </label>
                }
            })
            .collect_view()
    };
    let tag_inputs = move || {
        let t = i18n.t();
        RatingTag::ALL
            .into_iter()
            .map(|tag| {
                view! {
                    <label class="radio">
                        <input type="checkbox" prop:checked=move || tags.with(|v| v.contains(&tag))
                            disabled=move || !editable.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                tags.update(|v| {
                                    v.retain(|x| *x != tag);
                                    if on {
                                        v.push(tag);
                                    }
                                });
                            }/>
                        {t.rating_tag(tag)}
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card" aria-labelledby="rate-heading">
            <h2 id="rate-heading"><Tr s=|t| t.rate_title/></h2>
            <form on:submit=submit novalidate>
                <fieldset class="field">
                    <legend><Tr s=|t| t.field_stars/></legend>
                    {star_inputs}
                </fieldset>
                <fieldset class="field">
                    <legend><Tr s=|t| t.field_tags/></legend>
                    {tag_inputs}
                </fieldset>
                <div class="field">
                    <label for="rate-comment"><Tr s=|t| t.field_comment/></label>
                    <textarea id="rate-comment" rows="3" disabled=move || !editable.get()
                        prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                </div>
                {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
                <p class="success" role="status">{move || saved().then(|| i18n.t().rating_saved)}</p>
                <p class="muted"><Tr s=|t| t.rating_final/></p>
                <button type="submit" class="button button-primary" disabled=move || action.pending().get() || !editable.get()>
                    <Tr s=|t| t.send_rating/>
                </button>
            </form>
        </section>
    }
}

/// A link to give feedback (a complaint, say) about one job of the customer's.
#[component]
pub fn FeedbackAboutJob(kind: JobKind, id: RowId, number: String) -> impl IntoView {
    let href = format!(
        "/feedback/new?job_kind={}&job_id={id}&number={number}",
        kind.as_str()
    );
    view! { <p><a class="button" href=href><Tr s=|t| t.complain_about_job/></a></p> }
}

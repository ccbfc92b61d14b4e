//! Rating a finished job: 1–5 stars, what stood out, a comment. Shown on the job's page; a
//! rating can be changed for 7 days, after that it is shown as given. Also the way from a job's
//! page to feedback about it.

use crate::api::feedback::{JobRating, RateJob};
use crate::api::pages::{AboutJob, Page};
use crate::domain::RowId;
use crate::domain::feedback::{JobKind, RatingTag};
use crate::ui::components::status::{ErrorMessage, Write};
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
    let action = Write::new();
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
        let t = Text::of(i18n.lang());
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
        let t = Text::of(i18n.lang());
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
            <h2 id="rate-heading"><Tr s=|l| Text::of(l).rate_title/></h2>
            <form on:submit=submit novalidate>
                <fieldset class="field">
                    <legend><Tr s=|l| Text::of(l).field_stars/></legend>
                    {star_inputs}
                </fieldset>
                <fieldset class="field">
                    <legend><Tr s=|l| Text::of(l).field_tags/></legend>
                    {tag_inputs}
                </fieldset>
                <div class="field">
                    <label for="rate-comment"><Tr s=|l| Text::of(l).field_comment/></label>
                    <textarea id="rate-comment" rows="3" disabled=move || !editable.get()
                        prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                </div>
                {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorMessage error/> })}
                <p class="success" role="status">{move || saved().then(|| Text::of(i18n.lang()).rating_saved)}</p>
                <p class="muted"><Tr s=|l| Text::of(l).rating_final/></p>
                <button type="submit" class="button button-primary" disabled=move || action.pending().get() || !editable.get()>
                    <Tr s=|l| Text::of(l).send_rating/>
                </button>
            </form>
        </section>
    }
}

/// A link to give feedback (a complaint, say) about one job of the customer's.
#[component]
pub fn FeedbackAboutJob(kind: JobKind, id: RowId, number: String) -> impl IntoView {
    let about = AboutJob {
        kind: kind.as_str(),
        id,
        number,
    };
    let href = Page::GiveFeedback { about: Some(about) }.href();
    view! { <p><a class="button" href=href><Tr s=|l| Text::of(l).complain_about_job/></a></p> }
}

crate::ui::i18n::strings! {
    rate_title: &'static str = "Rate this service", "评价本次服务";
    tag_speed: &'static str = "Speed", "速度快";
    tag_attitude: &'static str = "Attitude", "态度好";
    tag_explanation: &'static str = "Explanation", "解释清楚";
    tag_result: &'static str = "Result", "问题解决";
    send_rating: &'static str = "Send rating", "提交评价";
    rating_saved: &'static str = "Thank you: your rating is saved.", "感谢您的评价，已保存。";
    rating_final: &'static str = "Ratings can be changed for 7 days.", "评价提交后 7 天内可修改。";
    stars_n: fn(u8) -> String =
        |n| {
            if n == 1 {
                "1 star".into()
            } else {
                format!("{n} stars")
            }
        },
        |n| format!("{n} 星");
    complain_about_job: &'static str = "Complaint or comment about this job", "对此业务投诉或建议";
}

impl Text {
    /// A rating tag's name.
    pub fn rating_tag(&self, t: crate::domain::feedback::RatingTag) -> &'static str {
        match t {
            crate::domain::feedback::RatingTag::Speed => self.tag_speed,
            crate::domain::feedback::RatingTag::Attitude => self.tag_attitude,
            crate::domain::feedback::RatingTag::Explanation => self.tag_explanation,
            crate::domain::feedback::RatingTag::Result => self.tag_result,
        }
    }
}

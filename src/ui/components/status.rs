//! Progress, errors and bill status, shown the same way everywhere.

use crate::api::ApiError;
use crate::api::codec;
use crate::api::pages::Page;
use crate::domain::BillStatus;
use crate::ui::components::data::Cell;
use crate::ui::components::text::Tr;
use crate::ui::i18n::{Common, use_i18n};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Shown while something loads.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <Tr s=|l| Text::of(l).loading/>
        </p>
    }
}

/// What a page asks the server for: asked once the page is on screen, and again whenever a
/// signal its question reads changes, or on `refetch`; an older answer that arrives late is
/// dropped. Plain signals: one small type per answer, where Leptos's `LocalResource` builds an
/// async-derived graph (and `Suspense`) per answer type, which cost the clients tens of
/// kilobytes.
///
/// A page asks a server function with [`ask`](Self::ask), giving its arguments: every such
/// question then travels through one future compiled once ([`codec::ask`]), where a future per
/// server function cost each client about a kilobyte per answer type.
pub struct Load<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    pending: RwSignal<bool>,
    again: Trigger,
    round: StoredValue<u64>,
}

impl<T: 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Load<T> {}

impl<T: 'static> Load<Result<T, ApiError>> {
    /// Asks the server function whose arguments `question` gives, now (once the page is on
    /// screen) and whenever what `question` reads changes.
    pub fn ask<S>(question: impl Fn() -> S + 'static) -> Self
    where
        S: ServerFn<Output = T, Error = ApiError> + Serialize,
        T: DeserializeOwned,
    {
        Self::ask_starting_with(None, question)
    }

    /// Like [`ask`](Self::ask), but starting from `first` when there is one (what the server
    /// wrote into the page): then nothing is asked until `refetch`.
    pub fn ask_starting_with<S>(
        first: Option<Result<T, ApiError>>,
        question: impl Fn() -> S + 'static,
    ) -> Self
    where
        S: ServerFn<Output = T, Error = ApiError> + Serialize,
        T: DeserializeOwned,
    {
        Self::watching(first, move |load| {
            let asked = codec::ask(&question());
            latest(
                load.round,
                load.pending,
                when_answered(
                    asked,
                    Box::new(move |text| {
                        load.value.try_set(Some(codec::answer(text)));
                    }),
                ),
            );
        })
    }
}

impl<T: Default + 'static> Load<Result<T, ApiError>> {
    /// Like [`ask`](Self::ask), for a question that is sometimes not asked: while `question`
    /// gives `None` (nothing chosen yet), the answer is the empty one, `T::default()`.
    pub fn ask_if<S>(question: impl Fn() -> Option<S> + 'static) -> Self
    where
        S: ServerFn<Error = ApiError> + Serialize,
        S::Output: DeserializeOwned,
        T: From<S::Output>,
    {
        Self::watching(None, move |load| {
            type Keep = Box<dyn FnOnce(Result<String, ApiError>)>;
            let (asked, keep): (codec::Asked, Keep) = match question() {
                Some(q) => (
                    codec::ask(&q),
                    Box::new(move |text| {
                        load.value
                            .try_set(Some(codec::answer::<S::Output>(text).map(T::from)));
                    }),
                ),
                // Answered at once, through the same steps (an older answer is dropped).
                None => (
                    Box::pin(std::future::ready(Ok(String::new()))),
                    Box::new(move |_| {
                        load.value.try_set(Some(Ok(T::default())));
                    }),
                ),
            };
            latest(load.round, load.pending, when_answered(asked, keep));
        })
    }
}

impl<T: 'static> Load<T> {
    /// Runs `start` once the page is on screen (unless `first` is given) and whenever what it
    /// reads changes, or on `refetch`.
    fn watching(first: Option<T>, start: impl Fn(Self) + 'static) -> Self {
        let given = first.is_some();
        let load = Load {
            value: RwSignal::new_local(first),
            pending: RwSignal::new(!given),
            again: Trigger::new(),
            round: StoredValue::new(0),
        };
        Effect::new(move |ran: Option<()>| {
            load.again.track();
            if ran.is_none() && given {
                return;
            }
            start(load);
        });
        load
    }

    /// Asks again.
    pub fn refetch(&self) {
        self.again.notify();
    }

    /// The latest answer (tracked); `None` before the first.
    pub fn get(&self) -> Option<T>
    where
        T: Clone,
    {
        self.value.get()
    }

    /// Reads the latest answer in place, without tracking.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Option<T>) -> R) -> R {
        self.value.with_untracked(f)
    }

    /// True while a question is out (tracked).
    pub fn pending(&self) -> bool {
        self.pending.get()
    }
}

/// A change a person asks the server for, the one way every page writes: `dispatch` of a
/// server function's arguments (or `send` of another future) starts it, `pending` is true until
/// the answer is in, and `value` holds the last answer, `None` before the first. An answer
/// overtaken by a newer one is dropped. Plain signals like [`Load`]: Leptos's `ServerAction`
/// cost about a kilobyte of each client per write.
pub struct Write<O: 'static> {
    value: RwSignal<Option<Result<O, ApiError>>, LocalStorage>,
    pending: RwSignal<bool>,
    round: StoredValue<u64>,
}

impl<O: 'static> Clone for Write<O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<O: 'static> Copy for Write<O> {}

impl<O: 'static> Default for Write<O> {
    fn default() -> Self {
        Self::new()
    }
}

impl<O: 'static> Write<O> {
    /// Nothing sent yet.
    pub fn new() -> Self {
        Write {
            value: RwSignal::new_local(None),
            pending: RwSignal::new(false),
            round: StoredValue::new(0),
        }
    }

    /// Calls the server function whose arguments `input` gives, and keeps its answer.
    pub fn dispatch<S>(&self, input: S)
    where
        S: ServerFn<Output = O, Error = ApiError> + Serialize,
        O: DeserializeOwned,
    {
        self.dispatch_then(input, |_| ());
    }

    /// Like [`dispatch`](Self::dispatch), and runs `then` with the answer just before the page
    /// sees it (to read something again, or go elsewhere, after a change).
    pub fn dispatch_then<S>(&self, input: S, then: impl FnOnce(&Result<O, ApiError>) + 'static)
    where
        S: ServerFn<Output = O, Error = ApiError> + Serialize,
        O: DeserializeOwned,
    {
        let value = self.value;
        latest(
            self.round,
            self.pending,
            when_answered(
                codec::ask(&input),
                Box::new(move |text| {
                    let answer = codec::answer(text);
                    then(&answer);
                    // `then` may have left the page.
                    value.try_set(Some(answer));
                }),
            ),
        );
    }

    /// Sends `call`, a change that is not one server function (an upload, a download); its
    /// answer becomes [`value`](Self::value).
    pub fn send(&self, call: impl std::future::Future<Output = Result<O, ApiError>> + 'static) {
        let value = self.value;
        latest(
            self.round,
            self.pending,
            Box::pin(async move {
                let answer = call.await;
                Box::new(move || {
                    value.try_set(Some(answer));
                }) as Box<dyn FnOnce()>
            }),
        );
    }

    /// The last answer (a signal: read it with `get` or `with`).
    pub fn value(&self) -> RwSignal<Option<Result<O, ApiError>>, LocalStorage> {
        self.value
    }

    /// True while an answer is awaited (a signal, for `disabled=`).
    pub fn pending(&self) -> ReadSignal<bool> {
        self.pending.read_only()
    }

    /// The last refusal that is not about one field, as an announced message (with what
    /// helps: signing in, confirming it is you, trying again); nothing otherwise.
    pub fn refusal(&self) -> impl IntoView + use<O>
    where
        O: Clone,
    {
        let value = self.value;
        move || {
            value
                .with(crate::ui::components::field::form_error)
                .map(|error| view! { <ErrorMessage error/> })
        }
    }

    /// The last refusal of `field`, for that field's input.
    pub fn field_error(&self, field: crate::domain::Field) -> Signal<Option<ApiError>> {
        let value = self.value;
        Signal::derive(move || {
            value.with(|r| crate::ui::components::field::field_message(r, field))
        })
    }

    /// True once the last answer is a success (tracked).
    pub fn done(&self) -> bool {
        self.value.with(|v| matches!(v, Some(Ok(_))))
    }
}

/// A button that makes one change when pressed (cancel an application, cancel a ticket):
/// disabled while the change is on its way, its refusal shown above it, and `on_done` run after
/// a success.
#[component]
pub fn WriteButton<O, S>(
    /// The button's words.
    label: fn(crate::ui::i18n::Lang) -> &'static str,
    /// The server function's arguments, written anew on each press.
    call: impl Fn() -> S + 'static,
    on_done: impl Fn() + Clone + 'static,
) -> impl IntoView
where
    O: Clone + DeserializeOwned + 'static,
    S: ServerFn<Output = O, Error = ApiError> + Serialize,
{
    let write = Write::<O>::new();
    view! {
        {write.refusal()}
        <button
            type="button"
            class="button"
            disabled=write.pending()
            on:click=move |_| {
                let on_done = on_done.clone();
                write.dispatch_then(call(), move |r| {
                    if r.is_ok() {
                        on_done();
                    }
                })
            }
        >
            <Tr s=label/>
        </button>
    }
}

/// A call on its way that ends with what to do with its answer (keep it, tell the page).
type Call = std::pin::Pin<Box<dyn std::future::Future<Output = Box<dyn FnOnce()>>>>;

/// Runs `call` as the newest of its `round`: `pending` is true until its answer is in, and the
/// step `call` ends with runs unless a newer call was started meanwhile (or the page is gone).
/// What `Load` and `Write` share; not generic, so compiled once.
fn latest(round: StoredValue<u64>, pending: RwSignal<bool>, call: Call) {
    let mine = round.get_value().wrapping_add(1);
    round.set_value(mine);
    pending.set(true);
    leptos::task::spawn_local(async move {
        let keep = call.await;
        if round.try_get_value() == Some(mine) {
            keep();
            pending.try_set(false);
        }
    });
}

/// The answer to `asked`, handed to `keep` when [`latest`] says it is still wanted.
fn when_answered(asked: codec::Asked, keep: Box<dyn FnOnce(Result<String, ApiError>)>) -> Call {
    Box::pin(async move {
        let text = asked.await;
        Box::new(move || keep(text)) as Box<dyn FnOnce()>
    })
}

/// What a page loads, shown one way everywhere: "Loading…" while it loads, the error with
/// "Try again" when it fails, else `show` of the value.
pub fn loaded<T, V>(
    resource: Load<Result<T, ApiError>>,
    show: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    move || {
        if resource.pending() {
            return view! { <Loading/> }.into_any();
        }
        answer(resource, &show)
    }
}

/// Like [`loaded`], for what is read again while it is shown (after a change, or every few
/// seconds): the old value stays on screen until the new one is there, so nothing flickers.
pub fn loaded_in_place<T, V>(
    resource: Load<Result<T, ApiError>>,
    show: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    move || answer(resource, &show)
}

fn answer<T, V>(resource: Load<Result<T, ApiError>>, show: &impl Fn(T) -> V) -> AnyView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    match resource.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok(value)) => show(value).into_any(),
        Some(Err(error)) => {
            view! { <ErrorMessage error retry=move |_| resource.refetch()/> }.into_any()
        }
    }
}

/// An error in words, announced to screen readers. Offers sign-in when that is the cure, and
/// "Try again" when `retry` is given and trying again could help.
#[component]
pub fn ErrorMessage(
    error: ApiError,
    #[prop(optional, into)] retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let needs_sign_in = error == ApiError::NotSignedIn;
    // A constant per client: the staff console and the services never ask, and the linker
    // drops the form from them.
    let needs_password =
        error == ApiError::Reauthenticate && const { crate::ui::THIS_CLIENT.asks_password_again() };
    let may_retry = matches!(error, ApiError::Network { .. } | ApiError::Internal);
    view! {
        <div class="error" role="alert">
            <p>{move || Text::of(i18n.lang()).error(&error)}</p>
            {needs_sign_in.then(|| view! { <p><a href=Page::SignIn { next: None }.href()><Tr s=|l| Text::of(l).sign_in/></a></p> })}
            {needs_password.then(|| view! { <ConfirmItsYou/> })}
            {retry.filter(|_| may_retry).map(|retry| view! {
                <p><button type="button" class="button" on:click=move |_| retry.run(())><Tr s=|l| Text::of(l).retry/></button></p>
            })}
        </div>
    }
}

/// The password (and the code, when two-step sign-in is on) asked again before a change that
/// needs it; then the person presses the button that was refused once more.
#[component]
fn ConfirmItsYou() -> impl IntoView {
    use crate::api::auth::Reauthenticate;
    let mfa = crate::ui::session::use_session()
        .me
        .with_untracked(|m| m.as_ref().is_some_and(|m| m.mfa));
    let write = Write::new();
    let result = write.value();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [password, code] = crate::ui::browser::form_values(&ev, ["password", "code"]);
        write.dispatch(Reauthenticate { password, code });
    };
    let i18n = use_i18n();
    view! {
        <Show
            when=move || result.with(|r| matches!(r, Some(Ok(()))))
            fallback=move || view! {
                <form on:submit=submit novalidate>
                    <p><Tr s=|l| Text::of(l).confirm_intro/></p>
                    <label for="reauth-password"><Tr s=|l| Text::of(l).password/></label>
                    <input id="reauth-password" name="password" type="password" autocomplete="current-password"/>
                    {mfa.then(|| view! {
                        <label for="reauth-code"><Tr s=|l| Text::of(l).field_code/></label>
                        <input id="reauth-code" name="code" autocomplete="one-time-code" inputmode="numeric"/>
                    })}
                    {move || result.get().and_then(Result::err).map(|e| view! { <p>{Text::of(i18n.lang()).error(&e)}</p> })}
                    <button type="submit" class="button"><Tr s=|l| Text::of(l).confirm/></button>
                </form>
            }
        >
            <p role="status"><Tr s=|l| Text::of(l).confirmed/></p>
        </Show>
    }
}

fn status_class(status: BillStatus) -> &'static str {
    match status {
        BillStatus::Paid => "badge badge-paid",
        BillStatus::Unpaid | BillStatus::PartlyPaid => "badge badge-due",
        BillStatus::Overdue => "badge badge-overdue",
    }
}

/// A bill's status as a coloured label; the colour is never the only signal.
#[component]
pub fn StatusBadge(status: BillStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=status_class(status)>{move || Text::of(i18n.lang()).bill_status(status)}</span> }
}

/// A bill's status as a table cell or fact, in the language of `t`.
pub fn status_badge(t: &Common, status: BillStatus) -> Cell {
    let t = Text::of(t.lang);
    Cell::Badge(status_class(status), t.bill_status(status).to_string())
}

crate::ui::i18n::strings! {
    confirm_intro: &'static str =
        "For your safety, confirm it is you before this change.",
        "为了您的账号安全，进行此项更改前请确认是您本人。";
    confirm: &'static str = "Confirm", "确认";
    confirmed: &'static str = "Thank you. Now try the change again.", "已确认，请重新进行刚才的操作。";
    loading: &'static str = "Loading…", "正在加载…";
    retry: &'static str = "Try again", "重试";
    status_unpaid: &'static str = "Unpaid", "未缴费";
    status_partly_paid: &'static str = "Partly paid", "部分缴费";
    status_paid: &'static str = "Paid", "已缴清";
    status_overdue: &'static str = "Overdue", "已逾期";
}

impl Text {
    /// A bill's status.
    pub fn bill_status(&self, s: crate::domain::BillStatus) -> &'static str {
        match s {
            crate::domain::BillStatus::Unpaid => self.status_unpaid,
            crate::domain::BillStatus::PartlyPaid => self.status_partly_paid,
            crate::domain::BillStatus::Paid => self.status_paid,
            crate::domain::BillStatus::Overdue => self.status_overdue,
        }
    }
}

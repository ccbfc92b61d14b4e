//! Who is signed in, as the client knows it.

use crate::api::ApiError;
use crate::api::auth::{CurrentUser, Me};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The signed-in person (`None` when signed out) and whether the server has been asked yet.
#[derive(Clone, Copy)]
pub struct Session {
    pub me: RwSignal<Option<Me>>,
    pub known: RwSignal<bool>,
}

impl Session {
    /// Records a sign-in.
    pub fn signed_in(&self, me: Me) {
        // The person's care mode, on this browser too from now on.
        crate::ui::browser::apply_care(me.care);
        self.me.set(Some(me));
        self.known.set(true);
    }

    /// Records two-step sign-in turned on or off for the signed-in person.
    pub fn two_step(&self, on: bool) {
        self.me.update(|m| {
            if let Some(m) = m {
                m.mfa = on;
                // Turning it on is what a staff login had to do first.
                m.must_set_up_mfa &= !on;
            }
        });
    }

    /// Records a sign-out (or an expired session).
    pub fn signed_out(&self) {
        self.me.set(None);
        self.known.set(true);
    }
}

/// Provides who is signed in to every component: `me` when the server wrote it into the page
/// (`Some(None)`: nobody), else the server's answer once it comes.
pub fn provide_session(me: Option<Option<Me>>) -> Session {
    let known = me.is_some();
    let session = Session {
        me: RwSignal::new(me.flatten()),
        known: RwSignal::new(known),
    };
    provide_context(session);
    if known {
        return session;
    }
    spawn_local(async move {
        match crate::api::codec::call(&CurrentUser {}).await {
            Ok(Some(me)) => session.signed_in(me),
            // Unreachable server or no session: the sign-in page shows any error when used.
            Ok(None) | Err(_) => session.signed_out(),
        }
    });
    session
}

/// The session context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Where to go after signing in: the `next` page of the address (when it is one of ours), else
/// the overview.
pub fn after_sign_in() -> String {
    let next = crate::ui::router::use_query_map()
        .with_untracked(|q| q.get("next"))
        .unwrap_or_default();
    crate::api::clients::own_page(&next)
        .unwrap_or("/")
        .to_string()
}

/// For the sign-in and registration pages: records the person a successful `result` signed in,
/// and goes on (to the `next` page asked for, else the overview) once someone is signed in
/// (just now, or before the page opened).
pub fn enter_when_signed_in(result: RwSignal<Option<Result<Me, ApiError>>, LocalStorage>) {
    let session = use_session();
    let go = crate::ui::use_go();
    let next = after_sign_in();
    Effect::new(move |_| {
        if let Some(Ok(me)) = result.get() {
            crate::ui::offline::fresh();
            session.signed_in(me);
        }
    });
    Effect::new(move |_| {
        if let Some(landing) = session.me.with(|m| m.as_ref().map(|m| m.landing(&next))) {
            go(&landing);
        }
    });
}

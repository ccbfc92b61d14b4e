//! With no network (`public/sw.js` keeps the last pages and reads and tells the page when it
//! served a kept one; `public/notes.js` says "Offline: … saved at …"): the fault reports kept
//! on the phone until they can be sent, and the wiping of what was kept on sign-out. The
//! notes and the sending are plain script, so the program carries none of their code.

/// Keeps a change the network did not take (a fault report: the server function's `path` and
/// its arguments as JSON) on this phone for `email`, to be sent when the network is back.
/// False when the browser keeps nothing (private mode with storage off).
pub fn keep_to_send(path: &str, body: &str, email: &str) -> bool {
    outbox::keep(path, body, email).unwrap_or(false)
}

/// How many changes `email` wrote that wait to be sent.
pub fn waiting(email: &str) -> usize {
    outbox::count(email).unwrap_or(0.0) as usize
}

/// `email` signing out: nothing of theirs stays in this browser (kept pages and reads, their
/// waiting changes; another person's wait for them).
pub fn forget(email: &str) {
    let _ = outbox::forget(email);
}

/// Signing in: the pages and reads kept for whoever was signed in on this browser before are
/// dropped (a session that ran out was not signed out of). Waiting changes stay: each is sent
/// only for the person who wrote it.
pub fn fresh() {
    let _ = outbox::fresh();
}

/// The outbox `public/boot.js` keeps (`globalThis.gridcareOutbox`) before the program starts:
/// it reads and writes the JSON there, so no JSON value code reaches the program.
#[cfg(target_arch = "wasm32")]
mod outbox {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(js_namespace = gridcareOutbox)]
    extern "C" {
        #[wasm_bindgen(catch)]
        pub fn keep(path: &str, body: &str, email: &str) -> Result<bool, JsValue>;
        #[wasm_bindgen(catch)]
        pub fn count(email: &str) -> Result<f64, JsValue>;
        #[wasm_bindgen(catch)]
        pub fn forget(email: &str) -> Result<(), JsValue>;
        #[wasm_bindgen(catch)]
        pub fn fresh() -> Result<(), JsValue>;
    }
}

/// The server renders pages but sends nothing from them.
#[cfg(not(target_arch = "wasm32"))]
mod outbox {
    pub fn keep(_: &str, _: &str, _: &str) -> Result<bool, ()> {
        Ok(false)
    }
    pub fn count(_: &str) -> Result<f64, ()> {
        Ok(0.0)
    }
    pub fn forget(_: &str) -> Result<(), ()> {
        Ok(())
    }
    pub fn fresh() -> Result<(), ()> {
        Ok(())
    }
}

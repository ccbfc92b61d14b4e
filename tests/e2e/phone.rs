//! On a phone: the portal is an app Chromium offers to install, and once a page has painted,
//! every client's program is kept, so the next visit, and the next client, download none of it.

use crate::browser::{Session, start};
use serde_json::{Value, json};
use std::time::Duration;

/// The program files (`.wasm` and `.js`) the current page loaded, with the bytes each took
/// over the network.
async fn programs_loaded(s: &Session) -> Vec<(String, u64)> {
    let entries = s
        .script(
            "return performance.getEntriesByType('resource')
               .filter(e => /\\.(wasm|js)$/.test(new URL(e.name).pathname))
               .map(e => [new URL(e.name).pathname, e.transferSize]);",
        )
        .await;
    entries
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| {
            (
                e[0].as_str().unwrap_or_default().to_string(),
                e[1].as_u64().unwrap_or(u64::MAX),
            )
        })
        .collect()
}

/// How many files the service worker keeps.
async fn kept(s: &Session) -> usize {
    s.client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             caches.open('gridcare-programs').then(c => c.keys()).then(k => done(k.length), () => done(0));",
            vec![],
        )
        .await
        .ok()
        .and_then(|v: Value| v.as_u64())
        .unwrap_or(0) as usize
}

#[tokio::test]
async fn the_portal_is_installable_and_a_second_visit_downloads_no_program() {
    let s = start(360, 740).await;
    s.open("/signin").await;
    s.heading("Sign in to GridCare").await;

    // Chromium finds nothing missing to offer the portal as an app.
    let installable = s.devtools("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(
        installable["installabilityErrors"],
        json!([]),
        "{installable}"
    );
    let manifest = s.devtools("Page.getAppManifest", json!({})).await;
    assert_eq!(manifest["errors"], json!([]), "{manifest}");
    assert!(
        manifest["url"]
            .as_str()
            .is_some_and(|u| u.ends_with("/manifest.webmanifest")),
        "{manifest}"
    );

    // The first visit downloads its program; then, when idle, every client's is kept.
    let first = programs_loaded(&s).await;
    assert!(
        first
            .iter()
            .any(|(name, bytes)| name.ends_with(".wasm") && *bytes > 0),
        "{first:?}"
    );
    let listed = gridcare::server::http::program_files(&crate::browser::dist());
    let mut waited = Duration::ZERO;
    while kept(&s).await < listed.len() {
        assert!(
            waited < Duration::from_secs(30),
            "kept {} of {}",
            kept(&s).await,
            listed.len()
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
        waited += Duration::from_millis(250);
    }

    // Another client (the outage page) and the same one again: no program byte downloaded.
    for (path, heading) in [
        ("/outages", "Outage notices"),
        ("/signin", "Sign in to GridCare"),
    ] {
        s.open(path).await;
        s.heading(heading).await;
        let loaded = programs_loaded(&s).await;
        assert!(
            loaded.iter().any(|(name, _)| name.ends_with(".wasm")),
            "{path}: {loaded:?}"
        );
        for (name, bytes) in &loaded {
            assert_eq!(*bytes, 0, "{path} downloaded {name}: {loaded:?}");
        }
    }
    s.finish().await;
}

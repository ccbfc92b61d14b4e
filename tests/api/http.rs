//! The HTTP surface: static files, SPA fallback, headers, guards.

use crate::helpers::{RESIDENT, spawn_app, spawn_app_with_demo};
use gridcare::api::clients::Client;
use gridcare::api::pages::Route;
use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, LOCATION};

#[tokio::test]
async fn health_check_answers_ok() {
    let app = spawn_app().await;
    let res = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("answer");
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_service_worker_is_told_every_program_file_and_is_never_kept_stale() {
    let app = spawn_app().await;
    let res = reqwest::get(app.url("/precache.json"))
        .await
        .expect("answer");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "no-cache");
    let list: Vec<String> = res.json().await.expect("a list");
    assert_eq!(list, ["/gridcare-0123456789abcdef_bg.wasm"]);
    // Each listed file is served, and kept for a year (its name changes with its bytes).
    let file = reqwest::get(app.url(&list[0])).await.expect("answer");
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(
        file.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
}

#[tokio::test]
async fn page_paths_get_the_app_and_unknown_api_paths_get_404() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    for path in ["/", "/bills/3", "/accounts/1/bills", "/nothing/here"] {
        let res = app.client.get(app.url(path)).send().await.expect("answer");
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(res.headers()[CACHE_CONTROL], "private, no-cache", "{path}");
        let body = res.text().await.expect("body");
        // The overview is written by the server (its first view); the others are the shell.
        let app_element = if path == "/" {
            "<div id=\"app\" data-rendered>"
        } else {
            "<div id=app>"
        };
        assert!(body.contains(app_element), "{path}: {body}");
    }
    // A page is read, never posted to (a form sent without scripts goes nowhere).
    let posted = app
        .client
        .post(app.url("/signin"))
        .send()
        .await
        .expect("answer");
    assert_eq!(posted.status(), StatusCode::METHOD_NOT_ALLOWED);
    for path in ["/api/nothing/here", "/api"] {
        let res = app.client.post(app.url(path)).send().await.expect("answer");
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let missing_asset = app
        .client
        .get(app.url("/missing-0123456789abcdef.js"))
        .send()
        .await
        .expect("answer");
    assert_eq!(missing_asset.status(), StatusCode::NOT_FOUND);
}

/// What the stand-in `dist/` (see `helpers::fake_dist`) puts in each client's `index.html`.
fn index_of(client: Client) -> String {
    format!("<meta name=gridcare-client content=\"{client:?}\">")
}

/// An address of `route`, with `7` for each parameter.
fn address_of(route: Route) -> String {
    if route.pattern() == "/" {
        return "/".into();
    }
    route
        .pattern()
        .split('/')
        .map(|s| if s.starts_with(':') { "7" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

#[tokio::test]
async fn every_page_in_the_page_table_gets_the_index_of_the_client_that_serves_it() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    for route in Route::ALL {
        let path = address_of(route);
        let res = app.client.get(app.url(&path)).send().await.expect("answer");
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let body = res.text().await.expect("body");
        assert!(
            body.contains(&index_of(route.client())),
            "{path} should get the {:?} client, got {body}",
            route.client()
        );
    }
}

#[tokio::test]
async fn a_page_that_needs_a_sign_in_sends_a_visitor_to_the_sign_in_page_first() {
    let app = spawn_app_with_demo().await;
    for route in Route::ALL {
        let path = address_of(route);
        let res = app.client.get(app.url(&path)).send().await.expect("answer");
        if route.needs_sign_in() {
            assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
            let expected = if path == "/" {
                "/signin".to_string()
            } else {
                format!("/signin?next={}", path.replace('/', "%2F"))
            };
            assert_eq!(res.headers()[LOCATION], expected.as_str(), "{path}");
        } else {
            assert_eq!(res.status(), StatusCode::OK, "{path}");
        }
    }
    // The query comes along.
    let res = app
        .client
        .get(app.url("/staff/queue?stage=survey"))
        .send()
        .await
        .expect("answer");
    assert_eq!(
        res.headers()[LOCATION],
        "/signin?next=%2Fstaff%2Fqueue%3Fstage%3Dsurvey"
    );
}

#[tokio::test]
async fn hashed_assets_are_cached_for_good_and_served_as_wasm() {
    let app = spawn_app().await;
    let res = app
        .client
        .get(app.url("/gridcare-0123456789abcdef_bg.wasm"))
        .send()
        .await
        .expect("answer");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[CONTENT_TYPE], "application/wasm");
    assert_eq!(
        res.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
}

#[tokio::test]
async fn responses_are_compressed_with_brotli_or_gzip() {
    let app = spawn_app().await;
    for encoding in ["br", "gzip"] {
        let res = reqwest::Client::new()
            .get(app.url("/gridcare-0123456789abcdef_bg.wasm"))
            .header("Accept-Encoding", encoding)
            .send()
            .await
            .expect("answer");
        assert_eq!(res.headers()[CONTENT_ENCODING], encoding);
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/healthz", "/api/nothing"] {
        let res = app.client.get(app.url(path)).send().await.expect("answer");
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().expect("text");
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin");
    }
}

#[tokio::test]
async fn requests_from_another_site_are_refused() {
    let app = spawn_app_with_demo().await;
    let forged = reqwest::Client::new()
        .post(app.url("/api/auth/sign_in"))
        .header("Origin", "https://evil.example")
        .json(&crate::helpers::fields_json(&[
            ("email", RESIDENT.0),
            ("password", RESIDENT.1),
        ]))
        .send()
        .await
        .expect("answer");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert!(forged.headers().get("set-cookie").is_none());
    let cross = reqwest::Client::new()
        .post(app.url("/api/auth/sign_in"))
        .header("Sec-Fetch-Site", "cross-site")
        .json(&crate::helpers::fields_json(&[
            ("email", RESIDENT.0),
            ("password", RESIDENT.1),
        ]))
        .send()
        .await
        .expect("answer");
    assert_eq!(cross.status(), StatusCode::FORBIDDEN);
    let same = reqwest::Client::new()
        .post(app.url("/api/auth/sign_in"))
        .header("Origin", app.url(""))
        .header("Sec-Fetch-Site", "same-origin")
        .json(&crate::helpers::fields_json(&[
            ("email", RESIDENT.0),
            ("password", RESIDENT.1),
        ]))
        .send()
        .await
        .expect("answer");
    assert_eq!(same.status(), StatusCode::OK);
}

#[tokio::test]
async fn server_functions_never_run_on_get() {
    let app = spawn_app_with_demo().await;
    let res = app
        .client
        .get(app.url("/api/auth/sign_out"))
        .send()
        .await
        .expect("answer");
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(res.headers()["allow"], "POST");
}

#[tokio::test]
async fn private_answers_are_never_stored_and_tls_answers_ask_for_tls_only() {
    let app = crate::helpers::spawn_app_behind_proxy().await;
    app.sign_in(RESIDENT).await;
    let post = |path: &'static str| {
        app.client
            .post(app.url(path))
            .json(&crate::helpers::fields_json(&[]))
            .send()
    };
    for path in [
        "/api/accounts/list",
        "/api/bills/overview",
        "/api/nothing/here",
    ] {
        let res = post(path).await.expect("answer");
        assert_eq!(res.headers()[CACHE_CONTROL], "no-store", "{path}");
    }
    // A download too: the bills of the household as a Green Button file.
    let account = app.account_id("3100123456").await;
    let res = app
        .client
        .get(app.url(&format!("/api/usage/{account}/greenbutton.csv")))
        .send()
        .await
        .expect("answer");
    assert_eq!(res.headers()[CACHE_CONTROL], "no-store", "{}", res.status());
    // Plain HTTP gets no HSTS; behind a TLS proxy every answer does.
    let plain = app.client.get(app.url("/")).send().await.expect("answer");
    assert!(plain.headers().get("strict-transport-security").is_none());
    let tls = app
        .client
        .get(app.url("/"))
        .header("X-Forwarded-Proto", "https")
        .send()
        .await
        .expect("answer");
    assert_eq!(
        tls.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
}

#[tokio::test]
async fn only_a_trusted_proxy_is_believed_about_tls() {
    let app = spawn_app_with_demo().await;
    let claimed = app
        .client
        .get(app.url("/"))
        .header("X-Forwarded-Proto", "https")
        .send()
        .await
        .expect("answer");
    assert!(claimed.headers().get("strict-transport-security").is_none());
    let signed_in = app
        .other_browser()
        .post(app.url("/api/auth/sign_in"))
        .header("X-Forwarded-Proto", "https")
        .json(&crate::helpers::fields_json(&[
            ("email", RESIDENT.0),
            ("password", RESIDENT.1),
        ]))
        .send()
        .await
        .expect("answer");
    let cookie = signed_in.headers()[reqwest::header::SET_COOKIE]
        .to_str()
        .expect("text")
        .to_string();
    assert!(cookie.starts_with("gridcare_session="), "{cookie}");
}

/// A document upload whose body arrives only when the returned sender is dropped or fed:
/// a request that stays in progress for as long as the test wants.
async fn held_upload(
    app: &crate::helpers::TestApp,
    browser: &reqwest::Client,
) -> (
    tokio::sync::mpsc::Sender<Result<Vec<u8>, std::io::Error>>,
    tokio::task::JoinHandle<reqwest::Result<reqwest::Response>>,
) {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(1);
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    });
    let request = browser
        .post(app.url("/api/documents?kind=other&name=held.pdf"))
        .header("Content-Type", "application/octet-stream")
        .body(reqwest::Body::wrap_stream(stream))
        .send();
    let handle = tokio::spawn(request);
    tx.send(Ok(b"%PDF-1.4\n".to_vec()))
        .await
        .expect("the first bytes go");
    // Let the server take the request and start reading its body.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    (tx, handle)
}

#[tokio::test]
async fn a_saturated_server_answers_503_at_once_instead_of_queueing() {
    let app = crate::helpers::spawn_app_configured(|c| c.max_concurrent = 1).await;
    let browser = app.registered_browser("busy@example.com").await;
    let (tx, held) = held_upload(&app, &browser).await;
    let busy = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("an answer");
    assert_eq!(busy.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(busy.headers()["retry-after"], "5");
    let body: serde_json::Value = busy.json().await.expect("json");
    assert_eq!(body["error"], "busy");
    drop(tx);
    let _ = held.await;
    // Free again once the held request is over.
    let ok = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("answer");
    assert_eq!(ok.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_request_that_takes_too_long_is_cut_off_with_408() {
    let app = crate::helpers::spawn_app_configured(|c| c.request_timeout_secs = 1).await;
    let browser = app.registered_browser("slow@example.com").await;
    let started = std::time::Instant::now();
    let (_tx, held) = held_upload(&app, &browser).await;
    let answer = held.await.expect("the task").expect("an answer");
    assert_eq!(answer.status(), StatusCode::REQUEST_TIMEOUT);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[tokio::test]
async fn a_client_that_dribbles_its_headers_is_disconnected() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = crate::helpers::spawn_app_configured(|c| c.header_timeout_secs = 1).await;
    let mut slow = tokio::net::TcpStream::connect(app.addr)
        .await
        .expect("connect");
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .expect("write");
    let started = std::time::Instant::now();
    let mut got = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        slow.read_to_end(&mut got),
    )
    .await;
    assert!(read.is_ok(), "the server kept a half-sent request open");
    assert!(started.elapsed() >= std::time::Duration::from_millis(900));
    let text = String::from_utf8_lossy(&got);
    assert!(!text.contains("200 OK"), "{text}");
    // A whole request on a new connection is served.
    let ok = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("answer");
    assert_eq!(ok.status(), StatusCode::OK);
}

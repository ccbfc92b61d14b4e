//! The HTTP surface: server functions under `/api`, the built client with SPA fallback,
//! `/healthz`, and the headers, limits and guards around them.

use crate::api::ApiError;
use crate::api::pages::FileAddress;
use crate::domain::application::MAX_DOCUMENT_BYTES;
use crate::server::app::AppState;
use crate::server::{documents, organisations, usage};
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use http::header::{self, HeaderName, HeaderValue};
use http::{Method, StatusCode};
use leptos::prelude::provide_context;
use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;
use std::path::{Path, PathBuf};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

/// The largest request body a server function accepts.
pub const MAX_API_BODY: usize = 64 * 1024;

/// Scripts only from this origin plus wasm compilation; no inline script, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
    object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The whole application router.
pub fn router(state: AppState, dist: &Path) -> Router {
    let tls_state = state.clone();
    let api = Router::new()
        .route("/api", any(api_not_found))
        .route("/api/{*path}", any(server_function))
        .layer(RequestBodyLimitLayer::new(MAX_API_BODY))
        .layer(middleware::from_fn_with_state(
            MAX_API_BODY,
            refuse_oversized,
        ));
    let uploads = Router::new()
        .route(FileAddress::UPLOAD, post(documents::upload))
        .route(FileAddress::DOCUMENT, get(documents::download))
        .route(FileAddress::ORG_BILLS, get(organisations::bills_csv))
        .route(FileAddress::ORG_PAYMENTS, get(organisations::payments_csv))
        .route(FileAddress::USAGE, get(usage::green_button))
        .route(FileAddress::STATEMENT, post(crate::server::pay::statement))
        .layer(RequestBodyLimitLayer::new(MAX_DOCUMENT_BYTES + 1024))
        .layer(middleware::from_fn_with_state(
            MAX_DOCUMENT_BYTES + 1024,
            refuse_oversized,
        ));
    let api = api
        .merge(uploads)
        .layer(middleware::from_fn(refuse_cross_site))
        // Every answer under /api is someone's private data (or a refusal): never stored.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    // A mail system posts to the unsubscribe link from elsewhere (RFC 8058) and without a
    // session; the signed token is the only authority it needs.
    let unsubscribe = Router::new()
        .route(
            "/api/unsubscribe",
            get(crate::server::notify::unsubscribe_page).post(crate::server::notify::unsubscribe),
        )
        .layer(RequestBodyLimitLayer::new(1024))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    // The payment provider posts its signed notices from its own servers, without a session;
    // the signature is the only authority it needs.
    let pay_notify = Router::new()
        .route("/api/pay/notify", post(crate::server::pay::notify))
        .layer(RequestBodyLimitLayer::new(16 * 1024))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    let client = Router::new()
        .fallback_service(
            ServeDir::new(dist)
                .precompressed_br()
                .precompressed_gzip()
                .fallback(get(missing_file)),
        )
        .layer(middleware::from_fn_with_state(
            (state.clone(), dist.to_path_buf()),
            pages_first,
        ))
        .layer(middleware::from_fn(cache_control));
    let header = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    // Read at each request: files deployed into `dist` are listed without a restart.
    let programs_in = dist.to_path_buf();
    Router::new()
        .route("/healthz", get(healthz))
        .route(
            "/precache.json",
            get(move || {
                let dist = programs_in.clone();
                async move {
                    let programs = tokio::task::spawn_blocking(move || program_files(&dist))
                        .await
                        .unwrap_or_default();
                    (
                        [(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"))],
                        axum::Json(programs),
                    )
                }
            }),
        )
        .merge(unsubscribe)
        .merge(pay_notify)
        .merge(api)
        .merge(client)
        .with_state(state)
        .layer(CompressionLayer::new())
        .layer(header(
            header::CONTENT_SECURITY_POLICY,
            CONTENT_SECURITY_POLICY,
        ))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(
            header::REFERRER_POLICY,
            "strict-origin-when-cross-origin",
        ))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(middleware::from_fn_with_state(
            tls_state,
            strict_transport_security,
        ))
        .layer(header(
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    tracing::info_span!(
                        "request",
                        method = %req.method(),
                        path = %logged_path(req.uri().path()),
                    )
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
}

/// What one server takes on at a time: at most `max_concurrent` requests in progress (more are
/// answered 503 `busy` at once, with `Retry-After`, rather than queued until everyone times out),
/// and `timeout` for each, body included (then 408).
pub fn limits(
    max_concurrent: usize,
    timeout: std::time::Duration,
) -> impl tower::Layer<
    axum::routing::Route,
    Service = impl tower::Service<
        Request,
        Response = Response,
        Error = std::convert::Infallible,
        Future = impl Send + 'static,
    > + Clone
              + Send
              + Sync
              + 'static,
> + Clone
+ Send
+ Sync
+ 'static {
    use axum::error_handling::HandleErrorLayer;
    use tower::ServiceBuilder;
    ServiceBuilder::new()
        .layer(HandleErrorLayer::new(|_: tower::BoxError| async {
            let mut res = error_response(&ApiError::Busy);
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
            res
        }))
        .layer(tower::load_shed::LoadShedLayer::new())
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(
            max_concurrent,
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(timeout))
}

/// A path as the log keeps it: never a query (unsubscribe links carry signed tokens there) and
/// never an invitation's token (`/business/join/…`).
pub fn logged_path(path: &str) -> String {
    let join = crate::api::pages::Route::Join.pattern();
    let prefix = join.trim_end_matches(":token");
    match path.strip_prefix(prefix) {
        Some(rest) if !rest.is_empty() => format!("{prefix}…"),
        _ => path.to_string(),
    }
}

/// An [`ApiError`] as the JSON response the client decodes.
pub fn error_response(error: &ApiError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(error).unwrap_or_default();
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

/// A streamed download whose store failed part way: logged, and the body ends in an error (the
/// status was sent already, so the browser sees a broken download rather than a short file).
pub fn stream_failed(what: &str, e: &dyn std::fmt::Display) -> std::io::Error {
    tracing::error!(error = %e, "{what} failed part way");
    std::io::Error::other(format!("{what} failed part way"))
}

async fn healthz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok\n").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response()
        }
    }
}

async fn api_not_found() -> Response {
    error_response(&ApiError::NotFound)
}

/// Runs a registered server function; unknown paths get 404, known paths with another method 405.
/// Errors leave with the status their [`ApiError`] names instead of server_fn's blanket 500.
async fn server_function(State(state): State<AppState>, req: Request) -> Response {
    let path = req.uri().path().to_owned();
    let methods: Vec<Method> = leptos::server_fn::axum::server_fn_paths()
        .filter(|(p, _)| *p == path)
        .map(|(_, m)| m)
        .collect();
    if methods.is_empty() {
        return error_response(&ApiError::NotFound);
    }
    if !methods.contains(req.method()) {
        let allow = methods
            .iter()
            .map(Method::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        let mut res = (StatusCode::METHOD_NOT_ALLOWED, "method not allowed\n").into_response();
        if let Ok(allow) = HeaderValue::from_str(&allow) {
            res.headers_mut().insert(header::ALLOW, allow);
        }
        return res;
    }
    let res =
        leptos_axum::handle_server_fns_with_context(move || provide_context(state.clone()), req)
            .await
            .into_response();
    if !res.headers().contains_key(SERVER_FN_ERROR_HEADER) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_API_BODY)
        .await
        .unwrap_or_default();
    if let Ok(error) = serde_json::from_slice::<ApiError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status()).unwrap_or(parts.status);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Server functions carry no CSRF token of their own: refuse what the browser says is cross-site.
/// Served over TLS (as a trusted proxy in front says): browsers are told to come back over TLS only,
/// for a year. A plain-HTTP answer carries no HSTS (browsers would ignore it anyway).
async fn strict_transport_security(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let (parts, body) = req.into_parts();
    let tls = crate::server::request::over_tls(&parts, &state.trusted_proxies);
    let mut res = next.run(Request::from_parts(parts, body)).await;
    if tls {
        res.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    res
}

async fn refuse_cross_site(req: Request, next: Next) -> Response {
    if is_cross_site(req.headers()) {
        tracing::warn!(path = %req.uri().path(), "refused a cross-site request");
        return error_response(&ApiError::CrossSite);
    }
    next.run(req).await
}

fn is_cross_site(headers: &http::HeaderMap) -> bool {
    let text = |name| headers.get(name).map(|v| v.to_str().unwrap_or("\u{0}"));
    if let Some(site) = text(HeaderName::from_static("sec-fetch-site"))
        && !matches!(site, "same-origin" | "none")
    {
        return true;
    }
    if let Some(origin) = text(header::ORIGIN) {
        let origin_host = origin
            .split_once("://")
            .map(|(_, rest)| rest.trim_end_matches('/'));
        let host = text(header::HOST);
        return origin_host.is_none() || origin_host != host;
    }
    false
}

async fn refuse_oversized(State(limit): State<usize>, req: Request, next: Next) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return error_response(&ApiError::TooLarge);
    }
    next.run(req).await
}

/// A page address (no `.` in its last segment) is answered by `server::pages`, written for the
/// visitor; anything else is a file of `dist/`.
async fn pages_first(
    State((state, dist)): State<(AppState, PathBuf)>,
    req: Request,
    next: Next,
) -> Response {
    let last = req.uri().path().rsplit('/').next().unwrap_or("");
    if last.contains('.') {
        return next.run(req).await;
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, HeaderValue::from_static("GET, HEAD"))],
            "A page is only read.\n",
        )
            .into_response();
    }
    let (parts, _) = req.into_parts();
    crate::server::pages::page(state, &dist, parts).await
}

/// A file `dist/` does not have.
async fn missing_file() -> Response {
    (StatusCode::NOT_FOUND, "not found\n").into_response()
}

/// Trunk's hashed file names never change content: cache them for a year. `index.html` must be
/// checked every time so a new release is picked up.
async fn cache_control(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let mut res = next.run(req).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let value = if is_html {
        // Pages are written for their visitor (`server::pages`): never kept by a shared cache.
        "private, no-cache"
    } else if path == "/sw.js" || path == "/manifest.webmanifest" {
        // A new release's service worker and manifest are picked up on the next visit.
        "no-cache"
    } else if is_hashed_asset(&path) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=3600"
    };
    if res.status().is_success() {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    res
}

/// Every client's program files in `dist` and its clients' folders (hashed names, not their
/// compressed copies), as the paths the service worker keeps:
/// `["/gridcare-3f9c2a1b7d4e5f6_bg.wasm", "/services/gridcare-…", …]`.
pub fn program_files(dist: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, depth: u32, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            match entry.file_type() {
                Ok(t) if t.is_dir() && depth > 0 => {
                    walk(&entry.path(), &format!("{prefix}{name}/"), depth - 1, out);
                }
                Ok(t)
                    if t.is_file()
                        && is_hashed_asset(&name)
                        && !name.ends_with(".br")
                        && !name.ends_with(".gz") =>
                {
                    out.push(format!("{prefix}{name}"));
                }
                _ => {}
            }
        }
    }
    let mut files = Vec::new();
    walk(dist, "/", 1, &mut files);
    files.sort();
    files
}

/// True for Trunk's names like `gridcare-3f9c2a1b7d4e5f6_bg.wasm`: a 64-bit hex hash (written
/// without leading zeros, so 12 to 16 digits) after a dash.
fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    name.split(['-', '_', '.'])
        .skip(1)
        .any(|part| (12..=16).contains(&part.len()) && part.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_log_keeps_no_token() {
        assert_eq!(
            super::logged_path("/business/join/SECRETTOKEN"),
            "/business/join/…"
        );
        assert_eq!(super::logged_path("/business/join/"), "/business/join/");
        assert_eq!(super::logged_path("/bills/3"), "/bills/3");
    }

    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| (HeaderName::from_static(k), HeaderValue::from_static(v)))
            .collect()
    }

    #[test]
    fn same_origin_requests_pass() {
        assert!(!is_cross_site(&headers(&[
            ("sec-fetch-site", "same-origin"),
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000"),
        ])));
        assert!(
            !is_cross_site(&headers(&[])),
            "non-browser clients send neither"
        );
    }

    #[test]
    fn other_sites_are_refused() {
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(is_cross_site(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000"),
        ])));
        assert!(is_cross_site(&headers(&[
            ("origin", "null"),
            ("host", "a")
        ])));
    }

    #[test]
    fn trunk_hashed_names_are_recognised() {
        assert!(is_hashed_asset("/gridcare-3f9c2a1b7d4e5f60_bg.wasm"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(is_hashed_asset("/gridcare-68d2e228967c70a.js"), "15 digits");
        assert!(!is_hashed_asset("/favicon.svg"));
        assert!(!is_hashed_asset("/"));
    }

    #[test]
    fn the_program_list_names_each_hashed_file_once_and_nothing_else() {
        let dist = std::env::temp_dir().join(format!("gridcare-programs-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("services")).expect("a folder");
        for name in [
            "gridcare-3f9c2a1b7d4e5f60_bg.wasm",
            "gridcare-3f9c2a1b7d4e5f60_bg.wasm.br",
            "gridcare-3f9c2a1b7d4e5f60_bg.wasm.gz",
            "style-0123456789abcdef.css",
            "favicon.svg",
            "sw.js",
            "index.html",
            "services/gridcare-0123456789abcdef_bg.wasm",
            "services/gridcare-0123456789abcdef_bg.wasm.br",
            "services/boot.js",
        ] {
            std::fs::write(dist.join(name), b"x").expect("a file");
        }
        assert_eq!(
            program_files(&dist),
            [
                "/gridcare-3f9c2a1b7d4e5f60_bg.wasm",
                "/services/gridcare-0123456789abcdef_bg.wasm",
                "/style-0123456789abcdef.css",
            ]
        );
        assert!(program_files(&dist.join("none")).is_empty());
        let _ = std::fs::remove_dir_all(dist);
    }
}

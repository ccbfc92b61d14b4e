//! A page address (`/signin`, `/outages`, `/bills/12`): the `index.html` of the client that
//! serves it, written for this visitor. The server adds what it already knows
//! (`api::first_paint`: the language, who is signed in, the page's data), so the client's first
//! view needs no request and matches what was painted; for the public pages a visitor opens
//! first (`Route::first_paint`) it also renders the first view itself with the client's own
//! components, readable before the program loads or with scripts off. A page that needs a
//! signed-in person sends anyone else to the sign-in page before any program loads.

use crate::api::clients::Client;
use crate::api::first_paint::{FirstPaint, request_language};
use crate::api::pages::{Page, Route};
use crate::server::app::AppState;
use crate::server::request::Request;
use axum::body::Bytes;
use axum::response::{IntoResponse, Redirect, Response};
use http::header::{self, HeaderValue};
use http::{StatusCode, request::Parts};
use std::path::Path;

/// Answers a page address.
pub async fn page(state: AppState, dist: &Path, parts: Parts) -> Response {
    let path = parts.uri.path().to_string();
    let path_and_query = parts
        .uri
        .path_and_query()
        .map_or(path.clone(), |p| p.as_str().to_string());
    let route = Route::for_path(&path);
    let client = Client::for_path(&path);
    let header_text = |name: header::HeaderName| {
        parts
            .headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect::<Vec<_>>()
            .join("; ")
    };
    // `/?home`: a person's own overview, wherever else they would start.
    let asks_home = crate::api::pages::parse_query(parts.uri.query().unwrap_or(""))
        .iter()
        .any(|(name, _)| name == "home");
    let cookies = header_text(header::COOKIE);
    let lang = request_language(Some(&cookies), Some(&header_text(header::ACCEPT_LANGUAGE)));
    let care_cookie = crate::api::first_paint::request_care(Some(&cookies));
    let request = Request::new(state, parts);
    // The database not answering is no reason to refuse the page: the client then asks itself
    // (and shows the error there).
    let known = match request.user().await {
        Ok(None) => Some((None, None)),
        Ok(Some(user)) => request
            .me(&user)
            .await
            .ok()
            .map(|me| (Some(user), Some(me))),
        Err(_) => None,
    };
    if let (Some(route), Some((None, _))) = (route, &known)
        && route.needs_sign_in()
    {
        let next = (path_and_query != "/").then_some(path_and_query.clone());
        return Redirect::to(&Page::SignIn { next }.href()).into_response();
    }
    // Someone who only acts for organisations opens the app (its start address is `/`) on
    // their organisation's dashboard; `/?home` is their own overview all the same.
    if let (Some(Route::Overview), Some((_, Some(me)))) = (route, &known)
        && !asks_home
    {
        let landing = me.landing("/");
        if landing != "/" {
            return Redirect::to(&landing).into_response();
        }
    }
    let outages = match (route, &known) {
        (Some(Route::Outages), Some((user, _))) => {
            crate::server::repairs::outages(&request, user.as_ref())
                .await
                .ok()
        }
        _ => None,
    };
    // Asked the way `bills/overview` asks: a login that must still set up its second factor
    // gets no overview here either (the client then shows why).
    let overview = match (route, &known) {
        (Some(Route::Overview), Some((Some(user), _))) => {
            match crate::server::request::with_second_factor(user.clone()) {
                Ok(user) => crate::server::bills::overview(&request, &user).await.ok(),
                Err(_) => None,
            }
        }
        _ => None,
    };
    let Ok(shell) = tokio::fs::read_to_string(dist.join(client.dir()).join("index.html")).await
    else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "The web client is not built. Run `cargo xtask run`.\n",
        )
            .into_response();
    };
    // Care mode from the first paint on: the person's own choice, else this browser's.
    let care = match &known {
        Some((Some(user), _)) => user.care,
        _ => care_cookie,
    };
    let first = known.map(|(_, me)| FirstPaint {
        lang: lang.as_str().into(),
        me,
        outages: outages.as_ref().map(crate::api::first_paint::Later::new),
        overview: overview.as_ref().map(crate::api::first_paint::Later::new),
    });
    let rendered = match (&first, route) {
        (Some(first), Some(route)) if route.first_paint() => {
            let (first, at) = (first.clone(), path_and_query.clone());
            // A panic while rendering costs only the first view: the client still starts.
            match tokio::task::spawn_blocking(move || crate::ui::first_paint::render(&at, first))
                .await
            {
                Ok(r) => Some(r),
                Err(e) => {
                    tracing::error!("rendering the first view of {path}: {e}");
                    None
                }
            }
        }
        _ => None,
    };
    let mut html = set_html_tag(&shell, lang.tag(), care);
    if let Some((body, title)) = rendered {
        html = set_title(&html, &title);
        html = replace_app(&html, &body);
        html = without_program_preloads(&html);
    }
    if let Some(first) = &first {
        html = add_before_body_end(
            &html,
            &format!(
                "<script type=\"application/json\" id=\"{}\">{}</script>",
                crate::api::first_paint::ELEMENT_ID,
                first.to_script_text()
            ),
        );
    }
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            // Written for this visitor: their language, their name.
            (
                header::VARY,
                HeaderValue::from_static("Cookie, Accept-Language"),
            ),
            (
                header::CONTENT_LANGUAGE,
                HeaderValue::from_static(lang.tag()),
            ),
        ],
        Bytes::from(html),
    )
        .into_response()
}

/// `html` with its `<html>` tag saying `lang`, and in care mode (the class `care`) when `care`.
fn set_html_tag(html: &str, lang: &str, care: bool) -> String {
    let class = if care { " class=\"care\"" } else { "" };
    match html
        .find("<html")
        .and_then(|i| html[i..].find('>').map(|j| (i, i + j + 1)))
    {
        Some((start, end)) => format!(
            "{}<html lang=\"{lang}\"{class}>{}",
            &html[..start],
            &html[end..]
        ),
        None => html.to_string(),
    }
}

/// `html` with its `<title>` saying `title` (escaped).
fn set_title(html: &str, title: &str) -> String {
    let (Some(start), Some(end)) = (html.find("<title>"), html.find("</title>")) else {
        return html.to_string();
    };
    if end < start || title.is_empty() {
        return html.to_string();
    }
    format!(
        "{}<title>{}{}",
        &html[..start],
        crate::domain::greenbutton::escape(title),
        &html[end..]
    )
}

/// `html` without the `<link>`s that fetch the program at once (Trunk's `modulepreload` of the
/// glue and `preload` of the wasm): a page the server rendered is read first, and
/// `public/boot.js` fetches the program once it is painted.
fn without_program_preloads(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<link") {
        let Some(len) = rest[i..].find('>').map(|j| j + 1) else {
            break;
        };
        let tag = &rest[i..i + len];
        out.push_str(&rest[..i]);
        let preloads_program = tag.contains("rel=\"modulepreload\"")
            || (tag.contains("rel=\"preload\"") && tag.contains(".wasm"));
        if !preloads_program {
            out.push_str(tag);
        }
        rest = &rest[i + len..];
    }
    out.push_str(rest);
    out
}

/// `html` whose body is `<div id="app" data-rendered>` holding `app` (the shell's loading view
/// replaced by the first view the server rendered).
fn replace_app(html: &str, app: &str) -> String {
    let open = html
        .find("<body")
        .and_then(|i| html[i..].find('>').map(|j| i + j + 1));
    let (Some(open), Some(close)) = (open, html.rfind("</body>")) else {
        return html.to_string();
    };
    if close < open {
        return html.to_string();
    }
    format!(
        "{}<div id=\"app\" data-rendered>{app}</div>{}",
        &html[..open],
        &html[close..]
    )
}

/// `html` with `element` added at the end of its body.
fn add_before_body_end(html: &str, element: &str) -> String {
    match html.rfind("</body>") {
        Some(i) => format!("{}{element}{}", &html[..i], &html[i..]),
        None => format!("{html}{element}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<!DOCTYPE html><html lang=en><head><title>GridCare</title>\
        <script type=module src=/boot.js></script></head><body><div id=app><p>Loading…</p></div></body></html>";

    #[test]
    fn a_rendered_page_does_not_fetch_the_program_before_it_is_painted() {
        let head = "<head><link rel=\"stylesheet\" href=\"/a.css\"/><script type=\"module\" \
            src=\"/boot.js\"></script><link rel=\"modulepreload\" href=\"/g-1.js\" \
            crossorigin=\"anonymous\"><link rel=\"preload\" href=\"/g-1_bg.wasm\" \
            as=\"fetch\" type=\"application/wasm\"><link rel=\"icon\" href=\"/f.svg\"></head>";
        assert_eq!(
            without_program_preloads(head),
            "<head><link rel=\"stylesheet\" href=\"/a.css\"/><script type=\"module\" \
             src=\"/boot.js\"></script><link rel=\"icon\" href=\"/f.svg\"></head>"
        );
    }

    #[test]
    fn the_shell_is_written_for_the_visitor() {
        assert!(
            set_html_tag(SHELL, "en", true)
                .starts_with("<!DOCTYPE html><html lang=\"en\" class=\"care\"><head>")
        );
        let html = set_html_tag(SHELL, "zh-CN", false);
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"zh-CN\"><head>"));
        let html = set_title(&html, "登录 <GridCare>");
        assert!(html.contains("<title>登录 &lt;GridCare&gt;</title>"));
        let html = replace_app(&html, "<h1>Sign in</h1>");
        assert!(html.contains("<body><div id=\"app\" data-rendered><h1>Sign in</h1></div></body>"));
        assert!(!html.contains("Loading"));
        let html = add_before_body_end(&html, "<script type=\"application/json\">{}</script>");
        assert!(
            html.ends_with("</div><script type=\"application/json\">{}</script></body></html>")
        );
        assert!(html.contains("<script type=module src=/boot.js></script>"));
    }
}

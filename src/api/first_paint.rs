//! What the server already knows when it sends a page, written into that page so the client's
//! first view is the server's first view: the language, who is signed in, and the data of a
//! page the server rendered (the outage notices, a customer's overview). The server writes it as JSON in
//! `<script type="application/json" id="first-paint">` (data, never run, so the CSP is
//! unchanged); the client reads it once when it starts.

use super::auth::Me;
use super::repairs::OutageNotice;
use crate::domain::lang::Lang;
use serde::{Deserialize, Serialize};

/// The `id` of the element that carries it.
pub const ELEMENT_ID: &str = "first-paint";

/// The name of the cookie that keeps the language a person chose (`en` or `zh`), so the
/// server writes the first view in it.
pub const LANG_COOKIE: &str = "gridcare_lang";

/// The name of the cookie that keeps care mode on this browser (`1` on, `0` off) for a page
/// the server writes before anyone signs in; a signed-in person's own choice wins.
pub const CARE_COOKIE: &str = "gridcare_care";

/// Care mode as this browser's cookie asks for it.
pub fn request_care(cookie_header: Option<&str>) -> bool {
    cookie(cookie_header, CARE_COOKIE) == Some("1")
}

/// The value of the cookie `name` in a `Cookie` header.
fn cookie<'a>(cookie_header: Option<&'a str>, name: &str) -> Option<&'a str> {
    cookie_header?.split(';').find_map(|pair| {
        let (n, value) = pair.trim().split_once('=')?;
        (n == name).then_some(value)
    })
}

/// What the server knew when it sent the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstPaint {
    /// `en` or `zh`: the language the page was written in.
    pub lang: String,
    /// The signed-in person (`None`: nobody).
    pub me: Option<Me>,
    /// The outage notices the page showed, when it was the outage page.
    pub outages: Option<Later<Vec<OutageNotice>>>,
    /// The customer's overview the page showed, when it was the overview.
    #[serde(default)]
    pub overview: Option<Later<super::bills::Overview>>,
}

/// A page's data inside the first paint, kept as JSON text until the page that shows it reads
/// it: each client then carries the decoder of its own pages' data only (the overview's types
/// cost the account client 10 KB of brotli when every client decoded them at start).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Later<T> {
    text: String,
    #[serde(skip)]
    of: std::marker::PhantomData<fn() -> T>,
}

impl<T: Serialize + serde::de::DeserializeOwned> Later<T> {
    /// `value`, written for the page.
    pub fn new(value: &T) -> Self {
        Later {
            text: serde_json::to_string(value).unwrap_or_default(),
            of: std::marker::PhantomData,
        }
    }

    /// The value again (`None` if the text is not one).
    pub fn read(&self) -> Option<T> {
        super::codec::from_json_str(&self.text).ok()
    }
}

impl FirstPaint {
    /// The page's language.
    pub fn lang(&self) -> Lang {
        Lang::from_tag(&self.lang)
    }

    /// The JSON to put inside the `<script>` element: nothing in it can end the element or
    /// open a comment (`<` is written `\u003c`, which JSON reads back as `<`).
    pub fn to_script_text(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_default()
            .replace('<', "\\u003c")
    }
}

/// The language a request asks for: the cookie of a person's own choice, else the first
/// language of the browser's `Accept-Language` that we have, else English.
pub fn request_language(cookie_header: Option<&str>, accept_language: Option<&str>) -> Lang {
    let chosen = cookie(cookie_header, LANG_COOKIE).map(Lang::from_tag);
    if let Some(lang) = chosen {
        return lang;
    }
    accept_language
        .and_then(|h| {
            h.split(',')
                .map(|part| {
                    part.split(';')
                        .next()
                        .unwrap_or("")
                        .trim()
                        .to_ascii_lowercase()
                })
                .find(|tag| tag.starts_with("zh") || tag.starts_with("en"))
        })
        .map_or(Lang::En, |tag| Lang::from_tag(&tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn care_mode_is_on_only_when_the_cookie_says_1() {
        assert!(request_care(Some("gridcare_lang=zh; gridcare_care=1")));
        assert!(!request_care(Some("gridcare_care=0")));
        assert!(!request_care(Some("xgridcare_care=1")));
        assert!(!request_care(None));
    }

    #[test]
    fn the_cookie_wins_then_the_browser_then_english() {
        assert_eq!(
            request_language(Some("a=1; gridcare_lang=zh"), Some("en-US")),
            Lang::Zh
        );
        assert_eq!(
            request_language(Some("gridcare_lang=en"), Some("zh-CN")),
            Lang::En
        );
        assert_eq!(
            request_language(None, Some("zh-CN,zh;q=0.9,en;q=0.8")),
            Lang::Zh
        );
        assert_eq!(
            request_language(None, Some("fr-FR, en;q=0.5, zh;q=0.1")),
            Lang::En
        );
        assert_eq!(request_language(None, Some("de, fr")), Lang::En);
        assert_eq!(request_language(Some("other=zh"), None), Lang::En);
    }

    #[test]
    fn nothing_in_the_data_can_close_its_element() {
        let first = FirstPaint {
            lang: "en".into(),
            me: None,
            outages: Some(Later::new(&vec![OutageNotice {
                id: crate::domain::RowId(1),
                kind: crate::domain::repair::OutageKind::Planned,
                area: "</script><script>alert(1)</script><!--".into(),
                starts_at: 0,
                expected_end: 0,
                ended_at: None,
                reason: String::new(),
                published_at: 0,
                phase: crate::domain::repair::OutagePhase::Upcoming,
                mine: false,
            }])),
            overview: None,
        };
        let text = first.to_script_text();
        assert!(!text.contains('<'));
        let back: FirstPaint = serde_json::from_str(&text).unwrap();
        assert_eq!(back, first);
    }
}

//! How a server function's question and answer travel: JSON in the body of a `POST`, the same
//! bytes as server_fn's own `Json`. The server reads and writes them with serde_json. The
//! browser lets its own `JSON.parse` read the text and [`js`] walk the parsed value into Rust:
//! serde_json's parser, compiled once for every answer type, was one of the largest parts of
//! each client's program, and `serde-wasm-bindgen`'s error messages another 10 KB.
//!
//! Every `#[server]` function says `protocol = Call` with this module's [`Call`], and `ApiError`
//! travels the same way.
//!
//! In the browser a call is one shared, non-generic step ([`post`]: send the JSON text, get the
//! answer's text or the refusal) between writing the question and reading the answer. server_fn's
//! own client path (its request and response types around `fetch`) was compiled once per server
//! function, inside every page's load and write.

use crate::api::ApiError;
use leptos::server_fn::codec::Post;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType, Http, Protocol};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::future::Future;

/// JSON, read by the browser's parser in the client and by serde_json on the server.
pub struct Wire;

/// A question or answer as JSON in the body of a `POST`.
pub type Json = Post<Wire>;

impl ContentType for Wire {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for Wire {
    const FORMAT_TYPE: Format = Format::Text;
}

/// How a server function runs: on the server exactly as server_fn's `Http<Json, Json>` (a `POST`
/// with JSON both ways, refusals as JSON with an error status); in the browser through [`post`].
pub struct Call;

impl<I, O, C, S> Protocol<I, O, C, S, ApiError> for Call
where
    Http<Json, Json>: Protocol<I, O, C, S, ApiError>,
    I: Serialize + Send,
    O: DeserializeOwned + Send,
    C: leptos::server_fn::client::Client<ApiError>,
    S: leptos::server_fn::server::Server<ApiError>,
{
    const METHOD: http::Method = http::Method::POST;

    fn run_server<F, Fut>(
        request: S::Request,
        server_fn: F,
    ) -> impl Future<Output = Result<S::Response, ApiError>> + Send
    where
        F: Fn(I) -> Fut + Send,
        Fut: Future<Output = Result<O, ApiError>> + Send,
    {
        <Http<Json, Json> as Protocol<I, O, C, S, ApiError>>::run_server(request, server_fn)
    }

    #[cfg(not(all(feature = "csr", target_arch = "wasm32")))]
    fn run_client(path: &str, input: I) -> impl Future<Output = Result<O, ApiError>> + Send {
        <Http<Json, Json> as Protocol<I, O, C, S, ApiError>>::run_client(path, input)
    }

    #[cfg(all(feature = "csr", target_arch = "wasm32"))]
    fn run_client(path: &str, input: I) -> impl Future<Output = Result<O, ApiError>> + Send {
        // Written before the future starts, so the future holds only text.
        let question = serde_json::to_string(&input);
        let asked = question.map(|body| post(path, body));
        send_wrapper::SendWrapper::new(async move {
            answer(asked.map_err(|_| ApiError::Internal)?.await)
        })
    }
}

/// A question on its way: the answer's text, or the refusal. The one future every page's loads
/// and writes await (`ui::components::status`), compiled once whatever the answer's type.
pub type Asked = std::pin::Pin<Box<dyn Future<Output = Result<String, ApiError>>>>;

/// Sends `question` (a server function's arguments) to its server function, as its own client
/// would, without a future of its own per server function.
pub fn ask<S>(question: &S) -> Asked
where
    S: leptos::server_fn::ServerFn + Serialize,
{
    match serde_json::to_string(question) {
        Ok(body) => post(S::PATH, body),
        Err(_) => Box::pin(std::future::ready(Err(ApiError::Internal))),
    }
}

/// Asks `question` and reads its answer, for code that awaits one server function itself
/// rather than through a page's `Load` or `Write`.
pub fn call<S>(question: &S) -> impl Future<Output = Result<S::Output, ApiError>> + use<S>
where
    S: leptos::server_fn::ServerFn + Serialize,
    S::Output: DeserializeOwned,
{
    let asked = ask(question);
    async move { answer(asked.await) }
}

/// Reads the answer to [`ask`]: the value, or why there is none.
pub fn answer<T: DeserializeOwned>(text: Result<String, ApiError>) -> Result<T, ApiError> {
    from_json_str(&text?).map_err(|e| ApiError::BadRequest { message: e.0 })
}

/// Sends `body` (JSON text) to the server function at `path` and returns the answer's text, or
/// the refusal the server wrote. One function for every call, so the browser's `fetch` and the
/// reading of refusals are compiled once.
#[cfg(all(feature = "csr", target_arch = "wasm32"))]
pub fn post(path: &str, body: String) -> Asked {
    let path = path.to_string();
    Box::pin(async move {
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&wasm_bindgen::JsValue::from_str(&body));
        let headers = web_sys::Headers::new().map_err(network)?;
        headers
            .set("content-type", "application/json")
            .map_err(network)?;
        headers.set("accept", "application/json").map_err(network)?;
        init.set_headers(&headers);
        fetch_text(&path, &init).await
    })
}

/// Outside the browser the pages are only rendered to HTML, and their effects (which ask) never
/// run; a question asked there is refused.
#[cfg(not(all(feature = "csr", target_arch = "wasm32")))]
pub fn post(_path: &str, _body: String) -> Asked {
    Box::pin(std::future::ready(Err(ApiError::Internal)))
}

/// `fetch` of `url` with `init`, and the answer's text: the text of a success, or the server's
/// refusal read as an [`ApiError`] (a network failure is `Network`, an unreadable refusal
/// `Internal`). The file uploads use it too. (The server compiles it with the client's
/// components and never calls it.)
#[cfg(any(feature = "csr", feature = "ssr"))]
pub async fn fetch_text(url: &str, init: &web_sys::RequestInit) -> Result<String, ApiError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or(ApiError::Internal)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, init))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?
        .as_string()
        .unwrap_or_default();
    if response.ok() {
        Ok(text)
    } else {
        Err(from_json_str(&text).unwrap_or(ApiError::Internal))
    }
}

#[cfg(any(feature = "csr", feature = "ssr"))]
fn network(e: wasm_bindgen::JsValue) -> ApiError {
    ApiError::Network {
        message: e.as_string().unwrap_or_else(|| "fetch failed".into()),
    }
}

/// Why a value could not be written or read.
#[derive(Debug)]
pub struct WireError(pub String);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<T: Serialize> Encodes<T> for Wire {
    type Error = WireError;

    fn encode(value: &T) -> Result<Bytes, WireError> {
        serde_json::to_vec(value)
            .map(Bytes::from)
            .map_err(|e| WireError(e.to_string()))
    }
}

impl<T: DeserializeOwned> Decodes<T> for Wire {
    type Error = WireError;

    fn decode(bytes: Bytes) -> Result<T, WireError> {
        from_json(&bytes)
    }
}

/// Reads a value from JSON text: with serde_json on the server, through the browser's
/// `JSON.parse` in the client.
pub fn from_json<T: DeserializeOwned>(text: &[u8]) -> Result<T, WireError> {
    let text = std::str::from_utf8(text).map_err(|_| WireError("not UTF-8".into()))?;
    from_json_str(text)
}

/// [`from_json`] of text already in a string.
#[cfg(not(all(feature = "csr", target_arch = "wasm32")))]
pub fn from_json_str<T: DeserializeOwned>(text: &str) -> Result<T, WireError> {
    serde_json::from_str(text).map_err(|e| WireError(e.to_string()))
}

/// [`from_json`] of text already in a string.
#[cfg(all(feature = "csr", target_arch = "wasm32"))]
pub fn from_json_str<T: DeserializeOwned>(text: &str) -> Result<T, WireError> {
    let value = js_sys::JSON::parse(text).map_err(|_| WireError("not JSON".into()))?;
    js::from_value(value).map_err(|_| WireError("unreadable".into()))
}

#[cfg(all(feature = "csr", target_arch = "wasm32"))]
mod js;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_reads_back() {
        let e = ApiError::Locked { minutes: 15 };
        let bytes = <Wire as Encodes<ApiError>>::encode(&e).expect("writes");
        assert_eq!(&bytes[..], br#"{"error":"locked","minutes":15}"#);
        let back: ApiError = <Wire as Decodes<ApiError>>::decode(bytes).expect("reads");
        assert_eq!(back, e);
    }

    #[test]
    fn text_that_is_not_json_is_an_error_not_a_panic() {
        let r: Result<ApiError, _> = <Wire as Decodes<ApiError>>::decode(Bytes::from_static(b"{"));
        assert!(r.is_err());
    }
}

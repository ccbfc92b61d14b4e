//! How a server function's question and answer travel: JSON in the body of a `POST`, the same
//! bytes as server_fn's own `Json`. The server reads and writes them with serde_json. The
//! browser lets its own `JSON.parse` read the text and `serde-wasm-bindgen` walk the parsed
//! value into Rust: serde_json's parser, compiled once for every answer type, was one of the
//! largest parts of each client's program.
//!
//! Every `#[server]` function says `input = Json, output = Json` with this module's `Json`, and
//! `ApiError` travels the same way.

use leptos::server_fn::codec::Post;
use leptos::server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};
use serde::Serialize;
use serde::de::DeserializeOwned;

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
    serde_wasm_bindgen::from_value(value).map_err(|e| WireError(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiError;

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

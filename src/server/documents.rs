//! Uploading and downloading documents: plain HTTP routes, since files travel as raw bytes.
//! An upload is stored at once, on its own, so a failed submit of the form never loses it.

use crate::api::ApiError;
use crate::api::connections::CaseDocument;
use crate::domain::application::{DocumentKind, FileType};
use crate::domain::{Field, FieldError, Problem, RowId, parse_row_id};
use crate::server::app::AppState;
use crate::server::http::error_response;
use crate::server::request::Request as PortalRequest;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};
use http::HeaderValue;
use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};

/// What an upload's address says: `?kind=id_card&name=scan.pdf`.
#[derive(Debug, Default, serde::Deserialize, PartialEq, Eq)]
struct UploadQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    name: String,
}

/// Reads the upload's kind and file name from its address (percent-decoded by axum's `Query`).
fn upload_query(uri: &http::Uri) -> Result<UploadQuery, FieldError> {
    axum::extract::Query::<UploadQuery>::try_from_uri(uri)
        .map(|q| q.0)
        .map_err(|_| FieldError::new(Field::File, Problem::Malformed))
}

/// A file name fit to store and show: its last path segment, without control characters or
/// the bidi marks that make `evil\u{202e}fdp.exe` read as `evilexe.pdf`.
fn clean_file_name(raw: &str) -> Result<String, FieldError> {
    let name: String = raw
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| {
            !c.is_control()
                && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
        })
        .collect();
    let name = name.trim().to_string();
    if name.is_empty() {
        return Err(FieldError::new(Field::File, Problem::Required));
    }
    if name.chars().count() > 200 {
        return Err(FieldError::new(Field::File, Problem::TooLong { max: 200 }));
    }
    Ok(name)
}

/// Files a person may have waiting, uploaded but not yet sent with a form. Unsent files are
/// deleted a day after their upload.
pub const MAX_WAITING_FILES: i64 = 20;

/// How long an unsent upload is kept.
pub const UNSENT_FILE_SECS: i64 = 86_400;

/// `POST /api/documents?kind=id_card&name=scan.pdf` with the file as the body.
pub async fn upload(State(state): State<AppState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let query = upload_query(&parts.uri);
    let request = PortalRequest::new(state.clone(), parts);
    match store_upload(&request, query, body).await {
        Ok(doc) => axum::Json(doc).into_response(),
        Err(e) => error_response(&e),
    }
}

async fn store_upload(
    request: &PortalRequest,
    query: Result<UploadQuery, FieldError>,
    body: axum::body::Body,
) -> Result<CaseDocument, ApiError> {
    let user = request.require_user().await?;
    crate::server::login::limit(
        request,
        crate::domain::login::RateLimit::UPLOADS_PER_PERSON,
        &user.id.to_string(),
    )
    .await?;
    let UploadQuery { kind, name } = query?;
    let kind = DocumentKind::from_stored(kind.trim()).ok_or(FieldError::new(
        Field::Documents,
        if kind.trim().is_empty() {
            Problem::Required
        } else {
            Problem::NotAllowed
        },
    ))?;
    let name = clean_file_name(&name)?;
    let limit = crate::domain::application::MAX_DOCUMENT_BYTES;
    let bytes = axum::body::to_bytes(body, limit + 1)
        .await
        .map_err(|_| FieldError::new(Field::File, Problem::TooLong { max: limit as u32 }))?;
    let file_type = FileType::check_upload(&bytes)?;
    file_type.check_name(&name)?;
    let store = &request.state.store;
    if store.unattached_documents(user.id).await? >= MAX_WAITING_FILES {
        return Err(FieldError::new(Field::Documents, Problem::QuotaFull).into());
    }
    let sha256 = crate::server::auth::sha256_hex(&bytes);
    let id = request
        .state
        .store
        .insert_document(
            user.id,
            kind.as_str(),
            &name,
            file_type.mime(),
            &bytes,
            &sha256,
            request.state.clock.unix(),
        )
        .await?;
    Ok(CaseDocument {
        id,
        kind: kind.as_str().to_string(),
        file_name: name,
        content_type: file_type.mime().to_string(),
        size_bytes: bytes.len() as i64,
        sha256,
    })
}

/// `GET /api/documents/{id}`: the file, to its uploader, the case's customer and staff.
pub async fn download(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Request,
) -> Response {
    let (parts, _) = req.into_parts();
    let request = PortalRequest::new(state, parts);
    match fetch(&request, &id).await {
        Ok((name, content_type, bytes)) => {
            let mut res = bytes.into_response();
            if let Ok(v) = HeaderValue::from_str(&content_type) {
                res.headers_mut().insert(CONTENT_TYPE, v);
            }
            let ascii: String = name
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"")) {
                res.headers_mut().insert(CONTENT_DISPOSITION, v);
            }
            res
        }
        Err(e) => error_response(&e),
    }
}

async fn fetch(request: &PortalRequest, id: &str) -> Result<(String, String, Vec<u8>), ApiError> {
    let id: RowId = parse_row_id(Field::File, id)?;
    let user = request.require_user().await?;
    let doc = request
        .state
        .store
        .document(id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let readable = crate::server::connections::may_read_document(request, &user, doc.owner_id, doc.case_id)
            .await?
            // Staff read what a customer attached to a feedback case.
            || (user.role.is_staff() && request.state.store.is_feedback_attachment(id).await?);
    // Someone else's document is as unknown as one that does not exist.
    if !readable {
        return Err(ApiError::NotFound);
    }
    if doc.owner_id != user.id && user.role.is_staff() {
        request.staff_read(&user, &format!("document {id}")).await?;
    }
    request
        .state
        .store
        .document_content(id)
        .await?
        .ok_or(ApiError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_their_paths_and_control_characters() {
        assert_eq!(
            clean_file_name("C:\\Users\\me\\scan.pdf").unwrap(),
            "scan.pdf"
        );
        assert_eq!(clean_file_name("../../etc/passwd").unwrap(), "passwd");
        assert_eq!(clean_file_name("a\u{0}b.png").unwrap(), "ab.png");
        assert_eq!(
            clean_file_name("  ").unwrap_err().problem,
            Problem::Required
        );
    }

    fn name_in(uri: &'static str) -> String {
        upload_query(&http::Uri::from_static(uri))
            .expect("a readable query")
            .name
    }

    #[test]
    fn query_values_are_percent_decoded() {
        assert_eq!(
            name_in("/api/documents?kind=id_card&name=my%20scan%E6%96%87.pdf"),
            "my scan文.pdf"
        );
        assert_eq!(name_in("/api/documents?name=a+b"), "a b");
        assert_eq!(name_in("/api/documents?name=100%"), "100%");
        assert_eq!(name_in("/api/documents?x=1"), "");
    }
}

//! A loopback payment provider for the demo and the tests, speaking the hosted-checkout
//! protocol GridCare's payment boundary (`server::pay`) is written for, the pattern of Alipay,
//! WeChat Pay and Stripe Checkout:
//!
//! 1. The merchant creates an order: `POST /v1/orders` with a JSON body (`merchant_order`,
//!    `amount_fen`, `currency`, `description`, `notify_url`, `return_url`, `expires_at`),
//!    its API key (`x-api-key`), a unix timestamp (`x-timestamp`) and an HMAC-SHA256 signature
//!    over the timestamp, a newline and the raw body (`x-signature`, `server::signed`). The
//!    answer is `{"order_id", "checkout_url"}`; the same `merchant_order` again gets the same
//!    answer (an idempotent retry), with another amount a 409.
//! 2. The customer's browser goes to `checkout_url`, a page with "Pay", "Fail" and "Cancel".
//! 3. On a choice the provider sends a signed notice to `notify_url` (`POST`, the same headers
//!    without the key; body `notice_id`, `order_id`, `merchant_order`, `status` of `paid`,
//!    `failed` or `cancelled`, `amount_fen`, `at`), tries again up to 3 times while the answer
//!    is not 2xx, and then sends the browser back to `return_url` with `?order=<merchant_order>`.
//!
//! The merchant must trust only the notice: the return is a browser's word.
//!
//! Standing payments (代扣) go through an agreement the payer signs on the provider's page:
//!
//! 4. `POST /v1/agreements` (signed as above; `merchant_agreement`, `description`, `max_fen`,
//!    `return_url`) answers `{"agreement_id", "sign_url"}`; the payer chooses "Agree" or
//!    "Decline" there and is sent back to `return_url` with `?agreement=<merchant_agreement>`.
//! 5. `POST /v1/agreements/query` and `POST /v1/agreements/cancel` (`{"merchant_agreement"}`)
//!    answer the agreement's `status`: `pending`, `active`, `declined` or `cancelled`. The
//!    merchant asks; the browser's return proves nothing here either.
//! 6. `POST /v1/charges` (`merchant_agreement`, `merchant_order`, `amount_fen`, `currency`,
//!    `description`, `notify_url`) takes money under an active agreement at once and answers
//!    `{"order_id", "merchant_order", "status", "reason"}` with `status` `paid` or `failed`; the
//!    same `merchant_order` again gets the same answer and moves no money twice. A signed notice
//!    follows, as for a checkout.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

/// An order as the merchant creates it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct NewOrder {
    pub merchant_order: String,
    pub amount_fen: i64,
    pub currency: String,
    pub description: String,
    pub notify_url: String,
    pub return_url: String,
    /// Unix seconds after which the page refuses to take money.
    pub expires_at: i64,
}

/// The provider's answer to a new order.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct CreatedOrder {
    pub order_id: String,
    pub checkout_url: String,
}

/// What the provider tells the merchant.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Notice {
    pub notice_id: String,
    pub order_id: String,
    pub merchant_order: String,
    /// `paid`, `failed` or `cancelled`.
    pub status: String,
    pub amount_fen: i64,
    /// Unix seconds.
    pub at: i64,
}

/// A notice the sandbox sent, with the merchant's answer (0 when it could not be reached).
#[derive(Debug, Clone)]
pub struct Sent {
    pub notice: Notice,
    pub status: u16,
}

#[derive(Debug, Clone)]
struct Order {
    new: NewOrder,
    id: String,
    done: Option<String>,
}

/// A standing agreement as the merchant asks for it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct NewAgreement {
    pub merchant_agreement: String,
    pub description: String,
    /// The most one charge may take, if the payer set a limit.
    pub max_fen: Option<i64>,
    pub return_url: String,
}

/// The provider's answer to a new agreement.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct CreatedAgreement {
    pub agreement_id: String,
    pub sign_url: String,
}

/// Which agreement a query or a cancellation is about.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct AgreementRef {
    pub merchant_agreement: String,
}

/// Where an agreement stands.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct AgreementStatus {
    pub agreement_id: String,
    pub merchant_agreement: String,
    /// `pending`, `active`, `declined` or `cancelled`.
    pub status: String,
}

/// A charge under an agreement.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct NewCharge {
    pub merchant_agreement: String,
    pub merchant_order: String,
    pub amount_fen: i64,
    pub currency: String,
    pub description: String,
    pub notify_url: String,
}

/// What became of a charge.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Charge {
    pub order_id: String,
    pub merchant_order: String,
    /// `paid` or `failed`.
    pub status: String,
    /// Why a charge failed (empty when paid).
    pub reason: String,
}

#[derive(Debug, Clone)]
struct Agreement {
    new: NewAgreement,
    id: String,
    status: String,
}

#[derive(Clone)]
struct Sandbox {
    key: String,
    secret: Vec<u8>,
    base: String,
    clock: Arc<dyn crate::server::clock::Clock>,
    orders: Arc<Mutex<HashMap<String, Order>>>,
    agreements: Arc<Mutex<HashMap<String, Agreement>>>,
    /// Charges by merchant order: the answer given, so a retry gets it again.
    charges: Arc<Mutex<HashMap<String, Charge>>>,
    /// When set, every new charge fails as a payer with no money would.
    decline: Arc<std::sync::atomic::AtomicBool>,
    sent: Arc<Mutex<Vec<Sent>>>,
    http: reqwest::Client,
}

/// A running sandbox.
#[derive(Clone)]
pub struct PaySandbox {
    pub addr: SocketAddr,
    pub key: String,
    pub secret: String,
    inner: Sandbox,
}

/// Reads a merchant's call: its key, its signature, then the body as `T`; or why not.
fn merchant_call<T: serde::de::DeserializeOwned>(
    s: &Sandbox,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<T, (StatusCode, &'static str)> {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if header("x-api-key") != Some(s.key.as_str()) {
        return Err((StatusCode::UNAUTHORIZED, "wrong API key"));
    }
    crate::server::signed::check(
        &s.secret,
        s.clock.unix(),
        header("x-timestamp"),
        header("x-signature"),
        body,
    )
    .map_err(|why| (StatusCode::UNAUTHORIZED, why.as_str()))?;
    serde_json::from_slice::<T>(body)
        .map_err(|_| (StatusCode::BAD_REQUEST, "the body could not be read"))
}

async fn create(State(s): State<Sandbox>, headers: HeaderMap, body: Bytes) -> Response {
    let new = match merchant_call::<NewOrder>(&s, &headers, &body) {
        Ok(new) => new,
        Err(refused) => return refused.into_response(),
    };
    if new.amount_fen <= 0 || new.currency != "CNY" || new.merchant_order.is_empty() {
        return (StatusCode::BAD_REQUEST, "amount, currency or order missing").into_response();
    }
    let Ok(mut orders) = s.orders.lock() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let id = match orders
        .values()
        .find(|o| o.new.merchant_order == new.merchant_order)
    {
        Some(o) if o.new.amount_fen != new.amount_fen => {
            return (
                StatusCode::CONFLICT,
                "that order exists with another amount",
            )
                .into_response();
        }
        Some(o) => o.id.clone(),
        None => {
            let id = format!("sbx_{}", crate::server::auth::new_token());
            let order = Order {
                new,
                id: id.clone(),
                done: None,
            };
            orders.insert(id.clone(), order);
            id
        }
    };
    axum::Json(CreatedOrder {
        checkout_url: format!("{}/checkout/{id}", s.base),
        order_id: id,
    })
    .into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

async fn checkout(State(s): State<Sandbox>, Path(id): Path<String>) -> Response {
    let order = s.orders.lock().ok().and_then(|o| o.get(&id).cloned());
    let Some(order) = order else {
        return (StatusCode::NOT_FOUND, "no such order").into_response();
    };
    let amount = crate::domain::Fen(order.new.amount_fen).yuan();
    let body = if let Some(done) = &order.done {
        format!("<p>This order is {done}.</p>")
    } else if s.clock.unix() > order.new.expires_at {
        "<p>This order has expired.</p>".to_string()
    } else {
        let path = format!("/checkout/{id}");
        let button = |action: &str, label: &str| form_button(&path, action, label);
        format!(
            "<p>Amount: <strong>¥{amount}</strong></p>{}{}{}",
            button("pay", &format!("Pay ¥{amount}")),
            button("fail", "Fail"),
            button("cancel", "Cancel"),
        )
    };
    page("Sandbox checkout", &order.new.description, &body)
}

fn page(title: &str, description: &str, body: &str) -> Response {
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>body{{font:18px/1.5 system-ui,sans-serif;\
         margin:1rem;max-width:30rem}}button{{font:inherit;min-height:48px;min-width:10rem;\
         margin:.25rem 0}}</style></head><body><main><h1>{title}</h1>\
         <p>A test payment page. No money moves.</p><p>For: {}</p>{body}</main></body></html>",
        escape(description)
    ))
    .into_response()
}

fn form_button(path: &str, action: &str, label: &str) -> String {
    format!(
        "<form method=\"post\" action=\"{path}\"><input type=\"hidden\" \
         name=\"action\" value=\"{action}\"><button type=\"submit\">{label}</button></form>"
    )
}

fn back_to(return_url: &str, name: &str, value: &str) -> Response {
    let join = if return_url.contains('?') { '&' } else { '?' };
    let back = format!(
        "{return_url}{join}{name}={}",
        crate::api::pages::encode(value)
    );
    Redirect::to(&back).into_response()
}

async fn new_agreement(State(s): State<Sandbox>, headers: HeaderMap, body: Bytes) -> Response {
    let new = match merchant_call::<NewAgreement>(&s, &headers, &body) {
        Ok(new) => new,
        Err(refused) => return refused.into_response(),
    };
    if new.merchant_agreement.is_empty() || new.max_fen.is_some_and(|m| m <= 0) {
        return (StatusCode::BAD_REQUEST, "agreement or limit missing").into_response();
    }
    let Ok(mut agreements) = s.agreements.lock() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let id = match agreements
        .values()
        .find(|a| a.new.merchant_agreement == new.merchant_agreement)
    {
        Some(a) => a.id.clone(),
        None => {
            let id = format!("agr_{}", crate::server::auth::new_token());
            let agreement = Agreement {
                new,
                id: id.clone(),
                status: "pending".into(),
            };
            agreements.insert(id.clone(), agreement);
            id
        }
    };
    axum::Json(CreatedAgreement {
        sign_url: format!("{}/agreements/{id}", s.base),
        agreement_id: id,
    })
    .into_response()
}

async fn agreement_page(State(s): State<Sandbox>, Path(id): Path<String>) -> Response {
    let agreement = s.agreements.lock().ok().and_then(|a| a.get(&id).cloned());
    let Some(agreement) = agreement else {
        return (StatusCode::NOT_FOUND, "no such agreement").into_response();
    };
    let limit = agreement.new.max_fen.map_or_else(
        || "no limit".to_string(),
        |m| format!("at most ¥{} each time", crate::domain::Fen(m).yuan()),
    );
    let path = format!("/agreements/{id}");
    let body = if agreement.status == "pending" {
        format!(
            "<p>Let the merchant take each bill from this account automatically ({limit}).</p>{}{}",
            form_button(&path, "agree", "Agree"),
            form_button(&path, "decline", "Decline"),
        )
    } else {
        format!("<p>This agreement is {}.</p>", agreement.status)
    };
    page("Sandbox agreement", &agreement.new.description, &body)
}

async fn agreement_choice(
    State(s): State<Sandbox>,
    Path(id): Path<String>,
    Form(choice): Form<Choice>,
) -> Response {
    let status = match choice.action.as_str() {
        "agree" => "active",
        "decline" => "declined",
        _ => return (StatusCode::BAD_REQUEST, "agree or decline").into_response(),
    };
    let Ok(mut agreements) = s.agreements.lock() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Some(agreement) = agreements.get_mut(&id) else {
        return (StatusCode::NOT_FOUND, "no such agreement").into_response();
    };
    if agreement.status != "pending" {
        return (StatusCode::CONFLICT, "this agreement is decided").into_response();
    }
    agreement.status = status.to_string();
    back_to(
        &agreement.new.return_url,
        "agreement",
        &agreement.new.merchant_agreement,
    )
}

fn agreement_status(s: &Sandbox, merchant: &str, cancel: bool) -> Response {
    let Ok(mut agreements) = s.agreements.lock() else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Some(agreement) = agreements
        .values_mut()
        .find(|a| a.new.merchant_agreement == merchant)
    else {
        return (StatusCode::NOT_FOUND, "no such agreement").into_response();
    };
    if cancel && agreement.status != "declined" {
        agreement.status = "cancelled".into();
    }
    axum::Json(AgreementStatus {
        agreement_id: agreement.id.clone(),
        merchant_agreement: merchant.to_string(),
        status: agreement.status.clone(),
    })
    .into_response()
}

async fn query_agreement(State(s): State<Sandbox>, headers: HeaderMap, body: Bytes) -> Response {
    match merchant_call::<AgreementRef>(&s, &headers, &body) {
        Ok(r) => agreement_status(&s, &r.merchant_agreement, false),
        Err(refused) => refused.into_response(),
    }
}

async fn cancel_agreement(State(s): State<Sandbox>, headers: HeaderMap, body: Bytes) -> Response {
    match merchant_call::<AgreementRef>(&s, &headers, &body) {
        Ok(r) => agreement_status(&s, &r.merchant_agreement, true),
        Err(refused) => refused.into_response(),
    }
}

async fn charge(State(s): State<Sandbox>, headers: HeaderMap, body: Bytes) -> Response {
    let new = match merchant_call::<NewCharge>(&s, &headers, &body) {
        Ok(new) => new,
        Err(refused) => return refused.into_response(),
    };
    if new.amount_fen <= 0 || new.currency != "CNY" || new.merchant_order.is_empty() {
        return (StatusCode::BAD_REQUEST, "amount, currency or order missing").into_response();
    }
    let (charge, fresh) = {
        let (Ok(agreements), Ok(mut charges), Ok(mut orders)) =
            (s.agreements.lock(), s.charges.lock(), s.orders.lock())
        else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        if let Some(done) = charges.get(&new.merchant_order) {
            (done.clone(), None)
        } else {
            let Some(agreement) = agreements
                .values()
                .find(|a| a.new.merchant_agreement == new.merchant_agreement)
            else {
                return (StatusCode::NOT_FOUND, "no such agreement").into_response();
            };
            if agreement.status != "active" {
                return (StatusCode::CONFLICT, "the agreement is not active").into_response();
            }
            let reason = if agreement.new.max_fen.is_some_and(|m| new.amount_fen > m) {
                "more than the payer agreed to"
            } else if s.decline.load(std::sync::atomic::Ordering::SeqCst) {
                "the payer's account has not enough money"
            } else {
                ""
            };
            let id = format!("sbx_{}", crate::server::auth::new_token());
            let status = if reason.is_empty() { "paid" } else { "failed" };
            let charge = Charge {
                order_id: id.clone(),
                merchant_order: new.merchant_order.clone(),
                status: status.into(),
                reason: reason.into(),
            };
            charges.insert(new.merchant_order.clone(), charge.clone());
            orders.insert(
                id.clone(),
                Order {
                    new: NewOrder {
                        merchant_order: new.merchant_order.clone(),
                        amount_fen: new.amount_fen,
                        currency: new.currency.clone(),
                        description: new.description.clone(),
                        notify_url: new.notify_url.clone(),
                        return_url: String::new(),
                        expires_at: s.clock.unix(),
                    },
                    id,
                    done: Some(status.into()),
                },
            );
            (charge, Some(new))
        }
    };
    if let Some(new) = fresh {
        // The notice follows the answer, as a real provider's does.
        let s = s.clone();
        let notice = Notice {
            notice_id: format!("ntf_{}", crate::server::auth::new_token()),
            order_id: charge.order_id.clone(),
            merchant_order: new.merchant_order.clone(),
            status: charge.status.clone(),
            amount_fen: new.amount_fen,
            at: s.clock.unix(),
        };
        tokio::spawn(async move {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            s.deliver(&new.notify_url, &notice).await;
        });
    }
    axum::Json(charge).into_response()
}

#[derive(Deserialize)]
struct Choice {
    action: String,
}

async fn choose(
    State(s): State<Sandbox>,
    Path(id): Path<String>,
    Form(choice): Form<Choice>,
) -> Response {
    let status = match choice.action.as_str() {
        "pay" => "paid",
        "fail" => "failed",
        "cancel" => "cancelled",
        _ => return (StatusCode::BAD_REQUEST, "pay, fail or cancel").into_response(),
    };
    let order = {
        let Ok(mut orders) = s.orders.lock() else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        let Some(order) = orders.get_mut(&id) else {
            return (StatusCode::NOT_FOUND, "no such order").into_response();
        };
        if order.done.is_some() {
            return (StatusCode::CONFLICT, "this order is finished").into_response();
        }
        if status == "paid" && s.clock.unix() > order.new.expires_at {
            return (StatusCode::GONE, "this order has expired").into_response();
        }
        order.done = Some(status.to_string());
        order.clone()
    };
    let notice = Notice {
        notice_id: format!("ntf_{}", crate::server::auth::new_token()),
        order_id: order.id.clone(),
        merchant_order: order.new.merchant_order.clone(),
        status: status.to_string(),
        amount_fen: order.new.amount_fen,
        at: s.clock.unix(),
    };
    s.deliver(&order.new.notify_url, &notice).await;
    back_to(&order.new.return_url, "order", &order.new.merchant_order)
}

impl Sandbox {
    /// Sends `notice` to `url`, signed, up to 4 times while the answer is not 2xx.
    async fn deliver(&self, url: &str, notice: &Notice) {
        let Ok(body) = serde_json::to_vec(notice) else {
            return;
        };
        for attempt in 0..4u64 {
            if attempt > 0 {
                tokio::time::sleep(std::time::Duration::from_millis(200 * attempt)).await;
            }
            let at = self.clock.unix();
            let answer = self
                .http
                .post(url)
                .header(header::CONTENT_TYPE, "application/json")
                .header("x-timestamp", at.to_string())
                .header(
                    "x-signature",
                    crate::server::signed::sign(&self.secret, at, &body),
                )
                .body(body.clone())
                .send()
                .await;
            let status = answer.map(|a| a.status().as_u16()).unwrap_or(0);
            if let Ok(mut sent) = self.sent.lock() {
                sent.push(Sent {
                    notice: notice.clone(),
                    status,
                });
            }
            if (200..300).contains(&status) || (400..500).contains(&status) {
                return;
            }
        }
    }
}

impl PaySandbox {
    /// Starts a sandbox on 127.0.0.1 (a free port) with a fresh key and secret.
    pub async fn start(clock: Arc<dyn crate::server::clock::Clock>) -> std::io::Result<PaySandbox> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let key = crate::server::auth::new_token();
        let secret = crate::server::auth::new_token();
        let inner = Sandbox {
            key: key.clone(),
            secret: secret.clone().into_bytes(),
            base: format!("http://{addr}"),
            clock,
            orders: Arc::default(),
            agreements: Arc::default(),
            charges: Arc::default(),
            decline: Arc::default(),
            sent: Arc::default(),
            http: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(10))
                .build()
                .map_err(std::io::Error::other)?,
        };
        let app = Router::new()
            .route("/v1/orders", post(create))
            .route("/checkout/{id}", get(checkout).post(choose))
            .route("/v1/agreements", post(new_agreement))
            .route("/v1/agreements/query", post(query_agreement))
            .route("/v1/agreements/cancel", post(cancel_agreement))
            .route("/v1/charges", post(charge))
            .route(
                "/agreements/{id}",
                get(agreement_page).post(agreement_choice),
            )
            .with_state(inner.clone());
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::error!(error = %e, "the payment sandbox stopped");
            }
        });
        Ok(PaySandbox {
            addr,
            key,
            secret,
            inner,
        })
    }

    /// Where orders are created.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every notice sent so far, with the merchant's answers.
    pub fn sent(&self) -> Vec<Sent> {
        self.inner
            .sent
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default()
    }

    /// The orders created so far, by merchant order: (provider id, amount).
    pub fn orders(&self) -> Vec<(String, String, i64)> {
        self.inner
            .orders
            .lock()
            .map(|o| {
                o.values()
                    .map(|o| (o.new.merchant_order.clone(), o.id.clone(), o.new.amount_fen))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The charges taken so far (one per merchant order, however often it was asked).
    pub fn charges(&self) -> Vec<Charge> {
        self.inner
            .charges
            .lock()
            .map(|c| c.values().cloned().collect())
            .unwrap_or_default()
    }

    /// From now on every new charge fails (`true`), as a payer with no money would, or not.
    pub fn decline_charges(&self, decline: bool) {
        self.inner
            .decline
            .store(decline, std::sync::atomic::Ordering::SeqCst);
    }

    /// Sends `notice` to `url` again, signed now, as a provider repeating itself would.
    pub async fn resend(&self, url: &str, notice: &Notice) -> u16 {
        let before = self.sent().len();
        self.inner.deliver(url, notice).await;
        self.sent().get(before).map_or(0, |s| s.status)
    }
}

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

#[derive(Clone)]
struct Sandbox {
    key: String,
    secret: Vec<u8>,
    base: String,
    clock: Arc<dyn crate::server::clock::Clock>,
    orders: Arc<Mutex<HashMap<String, Order>>>,
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

async fn create(State(s): State<Sandbox>, headers: HeaderMap, body: Bytes) -> Response {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if header("x-api-key") != Some(s.key.as_str()) {
        return (StatusCode::UNAUTHORIZED, "wrong API key").into_response();
    }
    let signed = crate::server::signed::check(
        &s.secret,
        s.clock.unix(),
        header("x-timestamp"),
        header("x-signature"),
        &body,
    );
    if let Err(why) = signed {
        return (StatusCode::UNAUTHORIZED, why.as_str()).into_response();
    }
    let Ok(new) = serde_json::from_slice::<NewOrder>(&body) else {
        return (StatusCode::BAD_REQUEST, "not an order").into_response();
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
        let button = |action: &str, label: &str| {
            format!(
                "<form method=\"post\" action=\"/checkout/{id}\"><input type=\"hidden\" \
                 name=\"action\" value=\"{action}\"><button type=\"submit\">{label}</button></form>"
            )
        };
        format!(
            "<p>Amount: <strong>¥{amount}</strong></p>{}{}{}",
            button("pay", &format!("Pay ¥{amount}")),
            button("fail", "Fail"),
            button("cancel", "Cancel"),
        )
    };
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Sandbox checkout</title><style>body{{font:18px/1.5 system-ui,sans-serif;\
         margin:1rem;max-width:30rem}}button{{font:inherit;min-height:48px;min-width:10rem;\
         margin:.25rem 0}}</style></head><body><main><h1>Sandbox checkout</h1>\
         <p>A test payment page. No money moves.</p><p>For: {}</p>{body}</main></body></html>",
        escape(&order.new.description)
    ))
    .into_response()
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
    let back = format!(
        "{}{}order={}",
        order.new.return_url,
        if order.new.return_url.contains('?') {
            '&'
        } else {
            '?'
        },
        crate::api::pages::encode(&order.new.merchant_order)
    );
    Redirect::to(&back).into_response()
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
            sent: Arc::default(),
            http: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(10))
                .build()
                .map_err(std::io::Error::other)?,
        };
        let app = Router::new()
            .route("/v1/orders", post(create))
            .route("/checkout/{id}", get(checkout).post(choose))
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

    /// Sends `notice` to `url` again, signed now, as a provider repeating itself would.
    pub async fn resend(&self, url: &str, notice: &Notice) -> u16 {
        let before = self.sent().len();
        self.inner.deliver(url, notice).await;
        self.sent().get(before).map_or(0, |s| s.status)
    }
}

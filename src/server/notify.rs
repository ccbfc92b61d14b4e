//! Telling people first, on the server: notices built from what happened (their words come
//! from `domain::notify`), signed unsubscribe links, the sender that drains the outbox over SMTP
//! and the SMS gateway, and the sweeps that notice what no request does (a bill due, high use).

use crate::api::pages::Page;
use crate::domain::Lang;
use crate::domain::notify::{self, Channel, Facts, Kind};
use crate::server::clock::Clock;
use crate::server::store::notify::{Audience, Notice, OutboxRow};
use crate::server::store::{Store, StoreError};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::sync::Arc;
use std::time::Duration;

/// What every server needs to write a notice: its public address (links in emails) and the key
/// that signs unsubscribe links (kept in the database, so every server signs alike).
#[derive(Clone)]
pub struct Notifier {
    pub public_url: String,
    key: Vec<u8>,
}

impl std::fmt::Debug for Notifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Notifier")
            .field("public_url", &self.public_url)
            .finish_non_exhaustive()
    }
}

impl Notifier {
    /// Reads (or makes, on first start) the signing key.
    pub async fn load(store: &Store, public_url: &str) -> Result<Notifier, StoreError> {
        let fresh = crate::server::auth::new_token();
        let key = store.secret("unsubscribe", &fresh).await?;
        Ok(Notifier {
            public_url: public_url.trim_end_matches('/').to_string(),
            key: key.into_bytes(),
        })
    }

    /// A notice of `kind` about `facts` for `audience`, opening `page`, once per `dedupe_key`.
    pub fn notice<'a>(
        &self,
        kind: Kind,
        audience: Audience,
        facts: &'a Facts,
        link: &'a str,
        dedupe_key: String,
        now: i64,
    ) -> Notice<'a> {
        let url = format!("{}{link}", self.public_url);
        let email = |lang| {
            let e = notify::email(kind, facts, lang, &url);
            (e.subject, e.text, e.html)
        };
        Notice {
            kind,
            audience,
            facts,
            link,
            dedupe_key,
            email: [email(Lang::En), email(Lang::Zh)],
            sms: [
                notify::sms(kind, facts, Lang::En),
                notify::sms(kind, facts, Lang::Zh),
            ],
            sms_not_before: notify::sms_not_before(kind, now),
            below_threshold: i64::MAX,
        }
    }

    fn mac(&self) -> Hmac<Sha256> {
        Hmac::<Sha256>::new_from_slice(&self.key).expect("HMAC takes a key of any length")
    }

    /// The token of an unsubscribe link: who and which kind, signed.
    pub fn unsubscribe_token(&self, user_id: i64, kind: Kind) -> String {
        let what = format!("{user_id}.{}", kind.as_str());
        let mut mac = self.mac();
        mac.update(what.as_bytes());
        format!("{what}.{}", hex(&mac.finalize().into_bytes()))
    }

    /// Who and which kind a token names, if its signature holds (compared in constant time).
    pub fn check_unsubscribe(&self, token: &str) -> Option<(i64, Kind)> {
        let mut parts = token.trim().splitn(3, '.');
        let (user, kind, sig) = (parts.next()?, parts.next()?, parts.next()?);
        let sig = unhex(sig)?;
        let mut mac = self.mac();
        mac.update(format!("{user}.{kind}").as_bytes());
        mac.verify_slice(&sig).ok()?;
        Some((user.parse().ok()?, Kind::from_stored(kind)?))
    }

    /// The absolute unsubscribe address for one person and kind.
    pub fn unsubscribe_url(&self, user_id: i64, kind: Kind) -> String {
        format!(
            "{}/api/unsubscribe?t={}",
            self.public_url,
            self.unsubscribe_token(user_id, kind)
        )
    }
}

use crate::server::signed::{hex, unhex};

/// Where emails go: an SMTP server.
#[derive(Clone)]
pub struct Mailer {
    transport: lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    from: lettre::message::Mailbox,
}

/// Why the mail settings cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error("GRIDCARE_SMTP_URL: {0}")]
    Url(String),
    #[error("GRIDCARE_MAIL_FROM: {0}")]
    From(String),
}

impl Mailer {
    /// `url` is `smtp://host:port` (plain, for loopback), `smtp://host?tls=required`
    /// (STARTTLS) or `smtps://user:pass@host` (TLS), as lettre reads them.
    pub fn new(url: &str, from: &str) -> Result<Mailer, MailConfigError> {
        let transport = lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(url)
            .map_err(|e| MailConfigError::Url(e.to_string()))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .map_err(|e: lettre::address::AddressError| MailConfigError::From(e.to_string()))?;
        Ok(Mailer { transport, from })
    }
}

/// Where texts go: an HTTP SMS gateway that takes a signed JSON POST.
#[derive(Clone)]
pub struct SmsClient {
    client: reqwest::Client,
    url: String,
    key: String,
    secret: Vec<u8>,
}

impl SmsClient {
    pub fn new(url: &str, key: &str, secret: &str) -> SmsClient {
        SmsClient {
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(15))
                .build()
                .unwrap_or_default(),
            url: url.to_string(),
            key: key.to_string(),
            secret: secret.as_bytes().to_vec(),
        }
    }
}

/// Why one message did not go: worth another try later, or never.
#[derive(Debug)]
pub struct SendError {
    pub permanent: bool,
    pub reason: String,
}

/// Drains the outbox: claims what is due, sends it, and records the outcome. Several senders
/// (one per server) may run at once; each message is claimed by one of them.
#[derive(Clone)]
pub struct Sender {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub notifier: Notifier,
    pub mailer: Option<Mailer>,
    pub sms: Option<SmsClient>,
    /// The payment provider autopay charges through, when one is set up.
    pub pay: Option<Arc<crate::server::pay::Provider>>,
    /// Who this sender is, in the claim.
    pub id: String,
}

/// What one round of sending did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub retrying: usize,
    pub failed: usize,
}

impl Sender {
    /// Claims up to 20 due messages and sends them. Messages of a channel that has no transport
    /// configured wait (they are released and tried again a minute later).
    pub async fn run_once(&self) -> Result<Round, StoreError> {
        let now = self.clock.unix();
        let claimed = self.store.claim_outbox(&self.id, now, 20).await?;
        let mut round = Round::default();
        for message in claimed {
            let outcome = match message.channel {
                Channel::Email => self.send_email(&message).await,
                Channel::Sms => self.send_sms(&message).await,
                Channel::InApp => Err(SendError {
                    permanent: true,
                    reason: "the portal's list is not sent".into(),
                }),
            };
            let now = self.clock.unix();
            match outcome {
                Ok(()) => {
                    self.store.outbox_sent(message.id, &self.id, now).await?;
                    round.sent += 1;
                }
                Err(e) => {
                    let retry = notify::retry_after(message.attempts, e.permanent);
                    tracing::warn!(id = message.id.0, attempts = message.attempts, permanent = e.permanent, reason = %e.reason, "a message was not sent");
                    self.store
                        .outbox_failed(message.id, &self.id, now, &e.reason, retry)
                        .await?;
                    if retry.is_some() {
                        round.retrying += 1;
                    } else {
                        round.failed += 1;
                    }
                }
            }
        }
        Ok(round)
    }

    async fn send_email(&self, m: &OutboxRow) -> Result<(), SendError> {
        let Some(mailer) = &self.mailer else {
            return Err(SendError {
                permanent: false,
                reason: "no mail server is configured (GRIDCARE_SMTP_URL)".into(),
            });
        };
        let to: lettre::message::Mailbox = m.recipient.parse().map_err(|e| SendError {
            permanent: true,
            reason: format!("the address {:?} is not valid: {e}", m.recipient),
        })?;
        let kind = Kind::from_stored(&m.kind);
        let unsubscribe = match (m.user_id, kind) {
            (Some(user), Some(kind)) => Some(self.notifier.unsubscribe_url(user, kind)),
            _ => None,
        };
        let (text, html) = match &unsubscribe {
            Some(url) => {
                let (t, h) = notify::email_footer(m.lang, url);
                (format!("{}{t}", m.body), format!("{}{h}", m.html))
            }
            None => (m.body.clone(), m.html.clone()),
        };
        let domain = self
            .notifier
            .public_url
            .rsplit("//")
            .next()
            .unwrap_or("gridcare")
            .split([':', '/'])
            .next()
            .unwrap_or("gridcare")
            .to_string();
        let mut builder = lettre::Message::builder()
            .from(mailer.from.clone())
            .to(to)
            .subject(m.subject.clone())
            // The same id on every try, so a mail system can drop a copy sent twice (a sender
            // that died after the server took the message but before it was marked sent).
            .message_id(Some(format!("<outbox-{}@{domain}>", m.id.0)));
        {
            use lettre::message::header::{HeaderName, HeaderValue};
            builder = builder.raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Content-Language"),
                m.lang.tag().to_string(),
            ));
        }
        if let Some(url) = &unsubscribe {
            use lettre::message::header::{HeaderName, HeaderValue};
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_string(),
                ));
        }
        let message = if html.is_empty() {
            builder.body(text)
        } else {
            builder.multipart(lettre::message::MultiPart::alternative_plain_html(
                text,
                notify::email_document(m.lang, &html, ""),
            ))
        }
        .map_err(|e| SendError {
            permanent: true,
            reason: format!("the message cannot be built: {e}"),
        })?;
        use lettre::AsyncTransport;
        mailer
            .transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| SendError {
                permanent: e.is_permanent(),
                reason: e.to_string(),
            })
    }

    async fn send_sms(&self, m: &OutboxRow) -> Result<(), SendError> {
        let Some(gateway) = &self.sms else {
            return Err(SendError {
                permanent: false,
                reason: "no SMS gateway is configured (GRIDCARE_SMS_URL)".into(),
            });
        };
        let body = serde_json::to_vec(&serde_json::json!({
            "to": m.recipient,
            "text": m.body,
            "reference": format!("outbox-{}", m.id.0),
        }))
        .map_err(|e| SendError {
            permanent: true,
            reason: e.to_string(),
        })?;
        let timestamp = self.clock.unix();
        let answer = gateway
            .client
            .post(&gateway.url)
            .header("content-type", "application/json")
            .header("x-api-key", &gateway.key)
            .header("x-timestamp", timestamp.to_string())
            .header(
                "x-signature",
                crate::server::signed::sign(&gateway.secret, timestamp, &body),
            )
            .body(body)
            .send()
            .await
            .map_err(|e| SendError {
                permanent: false,
                reason: format!("the SMS gateway did not answer: {e}"),
            })?;
        let status = answer.status();
        if status.is_success() {
            Ok(())
        } else {
            Err(SendError {
                // A refusal of the request itself will not change by trying again; a busy or
                // broken gateway may.
                permanent: status.is_client_error() && status.as_u16() != 429,
                reason: format!("the SMS gateway answered {status}"),
            })
        }
    }

    /// Charges the bills autopay should pay today (nothing when no provider is set up).
    pub async fn run_autopay(&self) -> Result<crate::server::autopay::AutopayRound, StoreError> {
        match &self.pay {
            Some(pay) => {
                crate::server::autopay::run_due(
                    &self.store,
                    pay,
                    self.clock.as_ref(),
                    &self.notifier,
                )
                .await
            }
            None => Ok(Default::default()),
        }
    }

    /// Sends every `every` until `stop` resolves; sweeps once a minute.
    pub async fn run(self, every: Duration, mut stop: tokio::sync::watch::Receiver<bool>) {
        let mut last_sweep: Option<i64> = None;
        loop {
            let now = self.clock.unix();
            if last_sweep.is_none_or(|at| now.saturating_sub(at) >= 60) {
                last_sweep = Some(now);
                if let Err(e) = sweep(&self.store, &self.notifier, now).await {
                    tracing::error!(error = %e, "the notice sweep failed");
                }
                let before = now - crate::server::documents::UNSENT_FILE_SECS;
                if let Err(e) = self.store.delete_unattached_documents(before).await {
                    tracing::error!(error = %e, "deleting unsent uploads failed");
                }
                // Counts, failed attempts and links matter for a day at most.
                if let Err(e) = self.store.forget_old_attempts(now - 24 * 3600).await {
                    tracing::error!(error = %e, "forgetting old attempts failed");
                }
                if let Err(e) = self.run_autopay().await {
                    tracing::error!(error = %e, "the autopay round failed");
                }
                if let Err(e) =
                    crate::server::autopay::warn_low_balances(&self.store, &self.notifier, now)
                        .await
                {
                    tracing::error!(error = %e, "the low-balance warnings failed");
                }
            }
            if let Err(e) = self.run_once().await {
                tracing::error!(error = %e, "the sender could not read the outbox");
            }
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = stop.changed() => return,
            }
        }
    }
}

/// What no request notices by itself: bills issued, due in 3 days, overdue; high use this month.
/// Each notice has a key, so a sweep run twice (or by two servers) tells each person once.
pub async fn sweep(store: &Store, notifier: &Notifier, now: i64) -> Result<u64, StoreError> {
    let today = crate::domain::local_time::local(now).date();
    let mut told = 0;
    for bill in store.bills_to_tell(today).await? {
        let facts = Facts {
            number: bill.reference.clone(),
            account: bill.account_number.clone(),
            address: bill.premise_address.clone(),
            amount_fen: Some(bill.amount_fen),
            day: Some(bill.due_on),
            ..Facts::default()
        };
        let link = Page::Bill(bill.id).href();
        let notice = notifier.notice(
            bill.kind,
            Audience::Payers(bill.account_id),
            &facts,
            &link,
            format!("{}:{}", bill.kind.as_str(), bill.id.0),
            now,
        );
        told += store.queue_once(&notice, now).await?;
    }
    for high in store.high_use_candidates(today).await? {
        let facts = Facts {
            account: high.account_number.clone(),
            address: high.premise_address.clone(),
            amount_fen: Some(high.projected_fen),
            percent: Some(high.rise_percent),
            ..Facts::default()
        };
        let link = Page::Usage {
            account: Some(high.account_id),
        }
        .href();
        let mut notice = notifier.notice(
            Kind::HighUse,
            Audience::Payers(high.account_id),
            &facts,
            &link,
            format!("high_use:{}:{}", high.account_id.0, today.format("%Y-%m")),
            now,
        );
        notice.below_threshold = high.rise_percent;
        told += store.queue_once(&notice, now).await?;
    }
    Ok(told)
}

/// The token of an unsubscribe link, from its query.
#[derive(Debug, serde::Deserialize)]
pub struct UnsubscribeQuery {
    #[serde(default)]
    t: String,
}

fn html_page(
    status: http::StatusCode,
    lang: Lang,
    title: &str,
    body: &str,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title></head><body><main><h1>{}</h1>{body}</main></body></html>\n",
        lang.tag(),
        escape_html(title),
        escape_html(title)
    );
    (
        status,
        [(http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

fn escape_html(s: &str) -> String {
    crate::domain::greenbutton::escape(s)
}

async fn unsubscribe_lang(store: &Store, user: i64) -> Lang {
    store
        .notify_settings(user)
        .await
        .ok()
        .flatten()
        .map_or(Lang::En, |s| s.lang)
}

fn kind_name(kind: Kind, lang: Lang) -> String {
    notify::words(kind, &Facts::default(), lang)
        .title
        .trim_matches(|c: char| c == ':' || c == '：' || c.is_whitespace())
        .to_string()
}

/// `GET /api/unsubscribe?t=…`: what the link will stop, with a button (a link scanner that
/// follows the link changes nothing).
pub async fn unsubscribe_page(
    axum::extract::State(state): axum::extract::State<crate::server::AppState>,
    axum::extract::Query(q): axum::extract::Query<UnsubscribeQuery>,
) -> axum::response::Response {
    let Some((user, kind)) = state.notifier.check_unsubscribe(&q.t) else {
        return invalid_link();
    };
    let lang = unsubscribe_lang(&state.store, user).await;
    let (title, button) = match lang {
        Lang::En => ("Stop these emails?", "Stop these emails"),
        Lang::Zh => ("不再接收此类邮件？", "不再接收此类邮件"),
    };
    let body = format!(
        "<p>{}</p><form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" \
         value=\"One-Click\"><button type=\"submit\">{button}</button></form>",
        escape_html(&kind_name(kind, lang))
    );
    html_page(http::StatusCode::OK, lang, title, &body)
}

/// `POST /api/unsubscribe?t=…` (the button, or a mail system's one-click request): stops that
/// kind of email for that person.
pub async fn unsubscribe(
    axum::extract::State(state): axum::extract::State<crate::server::AppState>,
    axum::extract::Query(q): axum::extract::Query<UnsubscribeQuery>,
) -> axum::response::Response {
    let Some((user, kind)) = state.notifier.check_unsubscribe(&q.t) else {
        return invalid_link();
    };
    if let Err(e) = state.store.unsubscribe(user, kind).await {
        tracing::error!(error = %e, "unsubscribe failed");
        return html_page(
            http::StatusCode::INTERNAL_SERVER_ERROR,
            Lang::En,
            "Something went wrong · 出错了",
            "<p>Please try again later. 请稍后再试。</p>",
        );
    }
    let lang = unsubscribe_lang(&state.store, user).await;
    let (title, text) = match lang {
        Lang::En => (
            "You will not get these emails any more",
            "You can turn them on again in GridCare under Notifications, Settings.",
        ),
        Lang::Zh => (
            "您将不再收到此类邮件",
            "您可以在 GridCare 的“消息通知”设置中重新开启。",
        ),
    };
    let body = format!(
        "<p>{}</p><p>{text}</p>",
        escape_html(&kind_name(kind, lang))
    );
    html_page(http::StatusCode::OK, lang, title, &body)
}

fn invalid_link() -> axum::response::Response {
    html_page(
        http::StatusCode::BAD_REQUEST,
        Lang::En,
        "This link is not valid · 此链接无效",
        "<p>Open GridCare and change your notification settings there. \
         请登录 GridCare 在消息通知设置中修改。</p>",
    )
}

/// A person's list.
pub async fn list(
    request: &crate::server::request::Request,
    user: &crate::server::store::User,
    group: &str,
    unread: &str,
) -> Result<Vec<crate::api::notifications::Notification>, crate::api::ApiError> {
    use crate::domain::{Field, FieldError, Problem};
    let group = match group.trim() {
        "" => None,
        g => Some(
            notify::Group::from_stored(g)
                .ok_or(FieldError::new(Field::Kind, Problem::NotAllowed))?,
        ),
    };
    let unread = crate::domain::input::parse_flag(Field::Unpaid, unread)?;
    Ok(request
        .state
        .store
        .notifications_of(user.id, group, unread, 50)
        .await?
        .into_iter()
        .map(|n| {
            let en = notify::words(n.kind, &n.facts, Lang::En);
            let zh = notify::words(n.kind, &n.facts, Lang::Zh);
            crate::api::notifications::Notification {
                id: n.id,
                kind: n.kind.as_str().to_string(),
                title: [en.title, zh.title],
                body: [en.body, zh.body],
                link: n.link,
                created_at: n.created_at,
                read: n.read_at.is_some(),
            }
        })
        .collect())
}

/// A person's settings, every kind with its channels.
pub async fn settings(
    request: &crate::server::request::Request,
    user: &crate::server::store::User,
) -> Result<crate::api::notifications::NoticeSettings, crate::api::ApiError> {
    use crate::api::notifications::{KindChoice, NoticeSettings};
    let s = request
        .state
        .store
        .notify_settings(user.id)
        .await?
        .ok_or(crate::api::ApiError::NotSignedIn)?;
    let on = |k: Kind, c: Channel| {
        s.choices
            .iter()
            .find(|(kind, channel, _)| *kind == k && *channel == c)
            .map_or(k.default_on(c), |(_, _, on)| *on)
    };
    Ok(NoticeSettings {
        email: s.email.clone(),
        mobile: s.mobile.clone(),
        lang: s.lang.as_str().to_string(),
        high_use_percent: s.high_use_percent,
        kinds: Kind::ALL
            .into_iter()
            .map(|k| KindChoice {
                kind: k,
                email: on(k, Channel::Email),
                sms: on(k, Channel::Sms),
                email_offered: k != Kind::Invitation,
            })
            .collect(),
    })
}

/// The outbox for staff.
pub async fn outbox(
    request: &crate::server::request::Request,
    filter: &str,
) -> Result<Vec<crate::api::notifications::OutboxMessage>, crate::api::ApiError> {
    use crate::domain::{Field, FieldError, Problem};
    use crate::server::store::notify::OutboxFilter;
    let filter = match filter.trim() {
        "" | "all" => OutboxFilter::All,
        "waiting" => OutboxFilter::Waiting,
        "sent" => OutboxFilter::Sent,
        "failed" => OutboxFilter::Failed,
        _ => return Err(FieldError::new(Field::Kind, Problem::NotAllowed).into()),
    };
    Ok(request
        .state
        .store
        .outbox(filter, 100)
        .await?
        .into_iter()
        .map(|m| crate::api::notifications::OutboxMessage {
            id: m.id,
            channel: m.channel,
            recipient: m.recipient,
            // A one-time code is for its phone only, never for staff eyes.
            subject: if m.kind == "binding_code" {
                "(a one-time code: not shown)".into()
            } else if m.subject.is_empty() {
                m.body.chars().take(80).collect()
            } else {
                m.subject
            },
            created_at: m.created_at,
            attempts: m.attempts,
            next_attempt_at: m.next_attempt_at,
            sent_at: m.sent_at,
            failed_at: m.failed_at,
            last_error: m.last_error,
            kind: m.kind,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notifier() -> Notifier {
        Notifier {
            public_url: "https://portal.example".into(),
            key: b"k".to_vec(),
        }
    }

    #[test]
    fn an_unsubscribe_link_cannot_be_forged_or_turned_to_someone_else() {
        let n = notifier();
        let t = n.unsubscribe_token(7, Kind::BillDue);
        assert_eq!(n.check_unsubscribe(&t), Some((7, Kind::BillDue)));
        let other = t.replacen("7.", "8.", 1);
        assert_eq!(n.check_unsubscribe(&other), None);
        let kind = t.replace("bill_due", "high_use");
        assert_eq!(n.check_unsubscribe(&kind), None);
        assert_eq!(n.check_unsubscribe("7.bill_due.00"), None);
        assert_eq!(n.check_unsubscribe(""), None);
        let elsewhere = Notifier {
            key: b"other".to_vec(),
            ..notifier()
        };
        assert_eq!(elsewhere.check_unsubscribe(&t), None);
        assert!(
            n.unsubscribe_url(7, Kind::BillDue)
                .starts_with("https://portal.example/api/unsubscribe?t=7.bill_due.")
        );
    }
}

//! Notifications: the bell's count, a person's list (mark read, all read), their choices of
//! channel per kind; for staff, the outbox with "send again".

use crate::api::ApiError;
use crate::domain::RowId;
use crate::domain::notify::{Channel, Kind};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One line of the list, in both languages (written by the server from `domain::notify`, so
/// the client carries none of the notices' words).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: RowId,
    /// The kind's stored name (`ticket_dispatched`).
    pub kind: String,
    /// The title in English and in Chinese.
    pub title: [String; 2],
    /// The sentence in English and in Chinese.
    pub body: [String; 2],
    /// The page it opens.
    pub link: String,
    pub created_at: i64,
    pub read: bool,
}

/// A person's choices and how they are reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeSettings {
    pub email: String,
    /// Empty when no texts are wanted.
    pub mobile: String,
    /// `en` or `zh`: the language of emails and texts.
    pub lang: String,
    pub high_use_percent: i64,
    /// Every kind with whether its email and its text are on.
    pub kinds: Vec<KindChoice>,
}

/// One kind's channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindChoice {
    pub kind: Kind,
    pub email: bool,
    pub sms: bool,
    /// False where the channel is not offered (an invitation's email goes anyway).
    pub email_offered: bool,
}

/// A message in the outbox, for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMessage {
    pub id: RowId,
    pub kind: String,
    pub channel: Channel,
    pub recipient: String,
    pub subject: String,
    pub created_at: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub sent_at: Option<i64>,
    pub failed_at: Option<i64>,
    pub last_error: String,
}

/// How many notices the person has not read (the bell).
#[server(endpoint = "notifications/unread", protocol = crate::api::codec::Call)]
pub async fn unread_count() -> Result<i64, ApiError> {
    let request = crate::server::request::current()?;
    // The bell asks every few seconds: that is not the person using the portal.
    let user = request.require_user_polling().await?;
    Ok(request.state.store.unread_count(user.id).await?)
}

/// The newest 50 notices; `group` (`bills`, `requests`, `outages`, `feedback`,
/// `organisations`, or empty for all) and `unread` (`true` for only unread) filter them.
#[server(endpoint = "notifications/list", protocol = crate::api::codec::Call)]
pub async fn notifications(group: String, unread: String) -> Result<Vec<Notification>, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::notify::list(&request, &user, &group, &unread).await
}

/// Marks one notice read (the person's own only).
#[server(endpoint = "notifications/read", protocol = crate::api::codec::Call)]
pub async fn mark_read(notification_id: String) -> Result<(), ApiError> {
    use crate::domain::{Field, parse_row_id};
    let id = parse_row_id(Field::NotificationId, &notification_id)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    let now = request.state.clock.unix();
    if request.state.store.mark_read(user.id, id, now).await? {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

/// Marks every notice of the person read; answers how many were unread.
#[server(endpoint = "notifications/read_all", protocol = crate::api::codec::Call)]
pub async fn mark_all_read() -> Result<u64, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    let now = request.state.clock.unix();
    Ok(request.state.store.mark_all_read(user.id, now).await?)
}

/// The person's channels and choices.
#[server(endpoint = "notifications/settings", protocol = crate::api::codec::Call)]
pub async fn notify_settings() -> Result<NoticeSettings, ApiError> {
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    crate::server::notify::settings(&request, &user).await
}

/// Saves the person's language, mobile number (empty for none), high-use threshold (10–200 %)
/// and the email and text choices that are on (`bill_due.email,outage_started.sms`).
#[server(endpoint = "notifications/save_settings", protocol = crate::api::codec::Call)]
pub async fn save_notify_settings(
    lang: String,
    mobile: String,
    high_use_percent: String,
    choices: String,
) -> Result<NoticeSettings, ApiError> {
    use crate::domain::notify::{parse_choices, parse_lang, parse_mobile, parse_threshold};
    let lang = parse_lang(&lang)?;
    let mobile = parse_mobile(&mobile)?;
    let threshold = parse_threshold(&high_use_percent)?;
    let choices = parse_choices(&choices)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    // A new number receives texts (and could be used to read them): it needs the password
    // again when the session proved it more than 10 minutes ago.
    let before = request.state.store.notify_settings(user.id).await?;
    if before.is_some_and(|b| b.mobile != mobile) {
        request.require_recent_auth().await?;
    }
    request
        .state
        .store
        .save_notify_settings(user.id, lang, &mobile, threshold, &choices)
        .await?;
    crate::server::notify::settings(&request, &user).await
}

/// Remembers the language a signed-in person chose in the header, for their emails and texts.
#[server(endpoint = "notifications/lang", protocol = crate::api::codec::Call)]
pub async fn set_language(lang: String) -> Result<(), ApiError> {
    let lang = crate::domain::notify::parse_lang(&lang)?;
    let request = crate::server::request::current()?;
    let user = request.require_user().await?;
    Ok(request.state.store.set_lang(user.id, lang).await?)
}

/// Staff: the newest 100 messages; `filter` is `waiting`, `sent`, `failed` or empty for all.
#[server(endpoint = "staff/outbox", protocol = crate::api::codec::Call)]
pub async fn outbox(filter: String) -> Result<Vec<OutboxMessage>, ApiError> {
    let request = crate::server::request::current()?;
    request.require_staff().await?;
    crate::server::notify::outbox(&request, &filter).await
}

/// Staff: sends a failed or waiting message again, now.
#[server(endpoint = "staff/outbox_again", protocol = crate::api::codec::Call)]
pub async fn send_again(message_id: String) -> Result<(), ApiError> {
    use crate::domain::{Field, parse_row_id};
    let id = parse_row_id(Field::NotificationId, &message_id)?;
    let request = crate::server::request::current()?;
    request.require_staff().await?;
    let now = request.state.clock.unix();
    if request.state.store.outbox_again(id, now).await? {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

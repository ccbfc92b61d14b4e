//! Notifications and the outbox: queueing a notice for the people it concerns (inside the
//! transaction of what happened), each person's list and choices, and the queue the senders
//! drain (claimed for a while, so several servers send each message once).

use super::{Backend, Store, StoreError, col};
use crate::domain::notify::{Channel, Facts, Group, Kind};
use crate::domain::{Lang, RowId};
use chrono::{Datelike, NaiveDate};
use sqlx::any::AnyRow;
use sqlx::{Any, Transaction};

/// The people a notice concerns, found when it is queued, so someone who may no longer see the
/// thing (a removed organisation member) gets nothing.
#[derive(Debug, Clone)]
pub enum Audience {
    /// Who pays for a service account: its holders, and its organisation's owners and managers
    /// (viewers read, but bills and payments are not theirs to act on).
    Payers(RowId),
    /// A repair ticket's reporter, while they may still see its account, and the account's
    /// holders.
    Ticket(RowId),
    /// A connection case's applicant, while they may still see its account (a new premise has
    /// none yet).
    Case(RowId),
    /// A feedback case's customer.
    Feedback(RowId),
    /// Everyone who may see a premise on a supply area.
    Area(String),
    /// One person.
    Person(i64),
    /// Whoever has an account under an email address (an invitation).
    Email(String),
    /// The people who hold a household account themselves.
    Holders(RowId),
}

impl Audience {
    /// A query of `user_id`s with the audience's key as `$1`.
    fn sql(&self) -> &'static str {
        match self {
            Audience::Payers(_) => {
                "SELECT h.user_id FROM account_holders h
                   JOIN service_accounts sa ON sa.id = h.service_account_id
                   WHERE h.service_account_id = $1 AND sa.organisation_id IS NULL
                 UNION SELECT m.user_id FROM organisation_members m
                   JOIN service_accounts sa ON sa.organisation_id = m.organisation_id
                   WHERE sa.id = $1 AND m.role IN ('owner', 'manager')"
            }
            Audience::Ticket(_) => {
                "SELECT t.reporter_id AS user_id FROM repair_tickets t
                   JOIN service_accounts sa ON sa.id = t.service_account_id
                   WHERE t.id = $1 AND (
                     EXISTS (SELECT 1 FROM account_holders h
                       WHERE h.service_account_id = sa.id AND h.user_id = t.reporter_id)
                     OR EXISTS (SELECT 1 FROM organisation_members m
                       WHERE m.organisation_id = sa.organisation_id AND m.user_id = t.reporter_id))
                 UNION SELECT h.user_id FROM account_holders h
                   JOIN repair_tickets t ON t.service_account_id = h.service_account_id
                   JOIN service_accounts sa ON sa.id = t.service_account_id
                   WHERE t.id = $1 AND sa.organisation_id IS NULL"
            }
            Audience::Case(_) => {
                "SELECT c.applicant_id AS user_id FROM connection_cases c
                   LEFT JOIN service_accounts sa ON sa.id = c.service_account_id
                   WHERE c.id = $1 AND (c.service_account_id IS NULL
                     OR EXISTS (SELECT 1 FROM account_holders h
                       WHERE h.service_account_id = sa.id AND h.user_id = c.applicant_id)
                     OR EXISTS (SELECT 1 FROM organisation_members m
                       WHERE m.organisation_id = sa.organisation_id AND m.user_id = c.applicant_id))"
            }
            Audience::Feedback(_) => {
                "SELECT f.customer_id AS user_id FROM feedback_cases f WHERE f.id = $1"
            }
            Audience::Area(_) => {
                "SELECT h.user_id FROM account_holders h
                   JOIN service_accounts sa ON sa.id = h.service_account_id
                   WHERE sa.supply_area = $1 AND sa.organisation_id IS NULL
                 UNION SELECT m.user_id FROM organisation_members m
                   JOIN service_accounts sa ON sa.organisation_id = m.organisation_id
                   WHERE sa.supply_area = $1"
            }
            Audience::Person(_) => "SELECT u.id AS user_id FROM users u WHERE u.id = $1",
            Audience::Email(_) => "SELECT u.id AS user_id FROM users u WHERE u.email = $1",
            Audience::Holders(_) => {
                "SELECT h.user_id FROM account_holders h
                   JOIN service_accounts sa ON sa.id = h.service_account_id
                   WHERE h.service_account_id = $1 AND sa.organisation_id IS NULL"
            }
        }
    }

    fn bind<'q>(
        &'q self,
        q: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>,
    ) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>> {
        match self {
            Audience::Payers(id)
            | Audience::Ticket(id)
            | Audience::Case(id)
            | Audience::Feedback(id)
            | Audience::Holders(id) => q.bind(id.0),
            Audience::Person(id) => q.bind(*id),
            Audience::Area(s) | Audience::Email(s) => q.bind(s.as_str()),
        }
    }
}

/// A notice to queue: what happened, for whom, and the words of its email and text in both
/// languages (written by the caller from `domain::notify`, so the store formats nothing).
pub struct Notice<'a> {
    pub kind: Kind,
    pub audience: Audience,
    pub facts: &'a Facts,
    /// The page it opens (from `api::pages`).
    pub link: &'a str,
    /// What makes it one happening: the same key for the same person is queued once.
    pub dedupe_key: String,
    /// The email in English and in Chinese: (subject, text, html).
    pub email: [(String, String, String); 2],
    /// The text message in English and in Chinese.
    pub sms: [String; 2],
    /// The earliest a text may go (quiet hours).
    pub sms_not_before: i64,
    /// Only people whose high-use threshold is below this many percent (`i64::MAX`: everyone).
    pub below_threshold: i64,
}

/// Queues a notice inside the transaction of the happening it tells of: one row in each
/// person's list, and an email and a text for those whose choices (or the kind's defaults)
/// want them. Returns how many people it reached.
pub async fn queue(
    tx: &mut Transaction<'_, Any>,
    notice: &Notice<'_>,
    now: i64,
) -> Result<u64, StoreError> {
    let batch = format!("{}:{}:{now}", notice.dedupe_key, rand_suffix());
    let facts = serde_json::to_string(notice.facts)
        .map_err(|e| StoreError::Corrupt(format!("facts: {e}")))?;
    let sql = format!(
        "INSERT INTO notifications (user_id, kind, facts, link, created_at, dedupe_key, batch)
         SELECT a.user_id, $2, $3, $4, $5, $6, $7 FROM ({}) a
         JOIN users u ON u.id = a.user_id WHERE u.high_use_percent < $8
         ON CONFLICT (user_id, dedupe_key) DO NOTHING",
        notice.audience.sql()
    );
    let reached = notice
        .audience
        .bind(sqlx::query(&sql))
        .bind(notice.kind.as_str())
        .bind(&facts)
        .bind(notice.link)
        .bind(now)
        .bind(&notice.dedupe_key)
        .bind(&batch)
        .bind(notice.below_threshold)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if reached == 0 {
        return Ok(0);
    }
    let [
        (en_subject, en_text, en_html),
        (zh_subject, zh_text, zh_html),
    ] = &notice.email;
    sqlx::query(
        "INSERT INTO outbox (kind, channel, user_id, notification_id, recipient, lang, subject,
            body, html, created_at, next_attempt_at)
         SELECT n.kind, 'email', u.id, n.id, u.email, u.lang,
            CASE WHEN u.lang = 'zh' THEN $2 ELSE $3 END,
            CASE WHEN u.lang = 'zh' THEN $4 ELSE $5 END,
            CASE WHEN u.lang = 'zh' THEN $6 ELSE $7 END, $8, $8
         FROM notifications n JOIN users u ON u.id = n.user_id
         LEFT JOIN notification_prefs p
           ON p.user_id = u.id AND p.kind = n.kind AND p.channel = 'email'
         WHERE n.batch = $1 AND COALESCE(p.enabled, $9) = 1",
    )
    .bind(&batch)
    .bind(zh_subject)
    .bind(en_subject)
    .bind(zh_text)
    .bind(en_text)
    .bind(zh_html)
    .bind(en_html)
    .bind(now)
    .bind(i64::from(notice.kind.default_on(Channel::Email)))
    .execute(&mut **tx)
    .await?;
    let [en_sms, zh_sms] = &notice.sms;
    sqlx::query(
        "INSERT INTO outbox (kind, channel, user_id, notification_id, recipient, lang, subject,
            body, html, created_at, next_attempt_at)
         SELECT n.kind, 'sms', u.id, n.id, u.mobile, u.lang, '',
            CASE WHEN u.lang = 'zh' THEN $2 ELSE $3 END, '', $4, $5
         FROM notifications n JOIN users u ON u.id = n.user_id
         LEFT JOIN notification_prefs p
           ON p.user_id = u.id AND p.kind = n.kind AND p.channel = 'sms'
         WHERE n.batch = $1 AND u.mobile <> '' AND COALESCE(p.enabled, $6) = 1",
    )
    .bind(&batch)
    .bind(zh_sms)
    .bind(en_sms)
    .bind(now)
    .bind(notice.sms_not_before)
    .bind(i64::from(notice.kind.default_on(Channel::Sms)))
    .execute(&mut **tx)
    .await?;
    Ok(reached)
}

/// A random tag that keeps two queueings of the same key at the same second apart.
fn rand_suffix() -> String {
    use rand::Rng;
    format!("{:016x}", rand::thread_rng().r#gen::<u64>())
}

/// One line of a person's list.
#[derive(Debug, Clone)]
pub struct NotificationRow {
    pub id: RowId,
    pub kind: Kind,
    pub facts: Facts,
    pub link: String,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

fn notification_from(row: &AnyRow) -> Result<NotificationRow, StoreError> {
    let facts: String = col(row, "facts")?;
    Ok(NotificationRow {
        id: RowId(col(row, "id")?),
        kind: super::enum_col(row, "kind", Kind::from_stored)?,
        facts: serde_json::from_str(&facts)
            .map_err(|e| StoreError::Corrupt(format!("column facts: {e}")))?,
        link: col(row, "link")?,
        created_at: col(row, "created_at")?,
        read_at: col(row, "read_at")?,
    })
}

/// What a person has chosen, and how they are reached.
#[derive(Debug, Clone)]
pub struct Settings {
    pub email: String,
    pub mobile: String,
    pub lang: Lang,
    pub high_use_percent: i64,
    /// Choices that differ from the defaults: (kind, channel, on).
    pub choices: Vec<(Kind, Channel, bool)>,
}

/// A message in the outbox, as staff see it and as a sender sends it.
#[derive(Debug, Clone)]
pub struct OutboxRow {
    pub id: RowId,
    pub kind: String,
    pub channel: Channel,
    pub user_id: Option<i64>,
    pub recipient: String,
    pub lang: Lang,
    pub subject: String,
    pub body: String,
    pub html: String,
    pub created_at: i64,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub sent_at: Option<i64>,
    pub failed_at: Option<i64>,
    pub last_error: String,
}

const OUTBOX_COLUMNS: &str = "id, kind, channel, user_id, recipient, lang, subject, body, html,
    created_at, attempts, next_attempt_at, sent_at, failed_at, last_error";

fn outbox_from(row: &AnyRow) -> Result<OutboxRow, StoreError> {
    let lang: String = col(row, "lang")?;
    Ok(OutboxRow {
        id: RowId(col(row, "id")?),
        kind: col(row, "kind")?,
        channel: super::enum_col(row, "channel", Channel::from_stored)?,
        user_id: col(row, "user_id")?,
        recipient: col(row, "recipient")?,
        lang: Lang::from_tag(&lang),
        subject: col(row, "subject")?,
        body: col(row, "body")?,
        html: col(row, "html")?,
        created_at: col(row, "created_at")?,
        attempts: col(row, "attempts")?,
        next_attempt_at: col(row, "next_attempt_at")?,
        sent_at: col(row, "sent_at")?,
        failed_at: col(row, "failed_at")?,
        last_error: col(row, "last_error")?,
    })
}

/// Which messages staff look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutboxFilter {
    All,
    Waiting,
    Sent,
    Failed,
}

/// A bill someone should hear about today, and why.
#[derive(Debug, Clone)]
pub struct BillToTell {
    pub kind: Kind,
    pub id: RowId,
    pub reference: String,
    pub account_id: RowId,
    pub account_number: String,
    pub premise_address: String,
    /// What is still owed (the whole bill when it was just issued).
    pub amount_fen: i64,
    pub due_on: NaiveDate,
}

/// An account whose month is on course to be well above the same month last year.
#[derive(Debug, Clone)]
pub struct HighUse {
    pub account_id: RowId,
    pub account_number: String,
    pub premise_address: String,
    pub rise_percent: i64,
    pub projected_fen: i64,
}

/// Bills issued up to this many days ago are announced.
const ISSUED_WITHIN_DAYS: u64 = 3;
/// Open bills due within this many days get a reminder.
const DUE_WITHIN_DAYS: u64 = 3;
/// Overdue bills are told about until this many days after their due day.
const OVERDUE_FOR_DAYS: u64 = 7;
/// High use is judged once this many hours of the month are metered.
const HIGH_USE_AFTER_HOURS: i64 = 72;

impl Store {
    /// Bills to tell about on `today`: just issued, due within 3 days and open, or overdue by
    /// up to 7 days and open. A bill can be in two of these at once.
    pub async fn bills_to_tell(&self, today: NaiveDate) -> Result<Vec<BillToTell>, StoreError> {
        let day = |d: Option<NaiveDate>| d.unwrap_or(today).to_string();
        let issued_since = day(today.checked_sub_days(chrono::Days::new(ISSUED_WITHIN_DAYS)));
        let due_until = day(today.checked_add_days(chrono::Days::new(DUE_WITHIN_DAYS)));
        let overdue_since = day(today.checked_sub_days(chrono::Days::new(OVERDUE_FOR_DAYS)));
        let rows = sqlx::query(
            "SELECT b.id, b.period_start, b.issued_on, b.due_on, b.total_fen,
                CAST(COALESCE((SELECT bp.paid_fen FROM bill_paid bp
                               WHERE bp.bill_id = b.id), 0) AS BIGINT) AS paid_fen,
                sa.id AS account_id, sa.account_number, sa.premise_address
             FROM bills b JOIN service_accounts sa ON sa.id = b.service_account_id
             WHERE (b.issued_on >= $1 AND b.issued_on <= $2 AND NOT EXISTS (SELECT 1
                     FROM notice_keys k WHERE k.dedupe_key = 'bill_issued:' || CAST(b.id AS TEXT)))
                OR (b.due_on >= $2 AND b.due_on <= $4 AND NOT EXISTS (SELECT 1
                     FROM notice_keys k WHERE k.dedupe_key = 'bill_due:' || CAST(b.id AS TEXT)))
                OR (b.due_on >= $3 AND b.due_on < $2 AND NOT EXISTS (SELECT 1
                     FROM notice_keys k WHERE k.dedupe_key = 'bill_overdue:' || CAST(b.id AS TEXT)))
             ORDER BY b.id",
        )
        .bind(&issued_since)
        .bind(today.to_string())
        .bind(&overdue_since)
        .bind(&due_until)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for r in &rows {
            let id = RowId(col(r, "id")?);
            let account_number: String = col(r, "account_number")?;
            let period_start = super::date_col(r, "period_start")?;
            let issued_on = super::date_col(r, "issued_on")?;
            let due_on = super::date_col(r, "due_on")?;
            let total: i64 = col(r, "total_fen")?;
            let paid: i64 = col(r, "paid_fen")?;
            let owed = total - paid;
            let mut kinds = Vec::new();
            if issued_on.to_string() >= issued_since && issued_on <= today {
                kinds.push((Kind::BillIssued, total));
            }
            if owed > 0 && due_on >= today && due_on.to_string() <= due_until {
                kinds.push((Kind::BillDue, owed));
            }
            if owed > 0 && due_on < today && due_on.to_string() >= overdue_since {
                kinds.push((Kind::BillOverdue, owed));
            }
            for (kind, amount) in kinds {
                out.push(BillToTell {
                    kind,
                    id,
                    reference: crate::domain::bill::reference(&account_number, period_start, id),
                    account_id: RowId(col(r, "account_id")?),
                    account_number: account_number.clone(),
                    premise_address: col(r, "premise_address")?,
                    amount_fen: amount,
                    due_on,
                });
            }
        }
        Ok(out)
    }

    /// Smart-metered accounts whose month so far, projected to the whole month, is above the
    /// same month's bill a year earlier (by any amount: each person's threshold is applied
    /// when the notice is queued).
    pub async fn high_use_candidates(&self, today: NaiveDate) -> Result<Vec<HighUse>, StoreError> {
        use crate::domain::local_time::day_start;
        let month_start = today.with_day(1).unwrap_or(today);
        let next_month = month_start
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(month_start);
        let (from, to) = (day_start(month_start), day_start(next_month));
        let month_hours = (to - from) / 3600;
        let year_ago = month_start
            .checked_sub_months(chrono::Months::new(12))
            .unwrap_or(month_start)
            .format("%Y-%m")
            .to_string();
        let rows = sqlx::query(
            "SELECT sa.id, sa.account_number, sa.premise_address,
                CAST(SUM(r.wh) AS BIGINT) AS wh,
                MAX(r.start_at + r.seconds) AS until_at,
                MAX(y.energy_centi_kwh) AS year_ago_centi_kwh,
                MAX(y.total_fen) AS year_ago_fen
             FROM service_accounts sa
             JOIN meters m ON m.service_account_id = sa.id AND m.smart = 1
             JOIN interval_readings r ON r.meter_id = m.id AND r.start_at >= $1 AND r.start_at < $2
             JOIN bills y ON y.service_account_id = sa.id AND substr(y.period_start, 1, 7) = $3
             WHERE NOT EXISTS (SELECT 1 FROM notice_keys k
               WHERE k.dedupe_key = 'high_use:' || CAST(sa.id AS TEXT) || ':' || $4)
             GROUP BY sa.id, sa.account_number, sa.premise_address",
        )
        .bind(from)
        .bind(to)
        .bind(&year_ago)
        .bind(month_start.format("%Y-%m").to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for r in &rows {
            let wh: i64 = col(r, "wh")?;
            let until: i64 = col(r, "until_at")?;
            let hours = (until - from) / 3600;
            if hours < HIGH_USE_AFTER_HOURS {
                continue;
            }
            let year_ago_wh = col::<i64>(r, "year_ago_centi_kwh")? * 10;
            let year_ago_fen: i64 = col(r, "year_ago_fen")?;
            let rise = crate::domain::notify::projected_rise(wh, hours, month_hours, year_ago_wh);
            let Some(rise) = rise.filter(|r| *r > 0) else {
                continue;
            };
            out.push(HighUse {
                account_id: RowId(col(r, "id")?),
                account_number: col(r, "account_number")?,
                premise_address: col(r, "premise_address")?,
                rise_percent: rise,
                projected_fen: year_ago_fen * (100 + rise) / 100,
            });
        }
        Ok(out)
    }

    /// Queues a notice in a transaction of its own (for happenings that have none).
    pub async fn queue_notice(&self, notice: &Notice<'_>, now: i64) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let n = queue(&mut tx, notice, now).await?;
        tx.commit().await?;
        Ok(n)
    }

    /// Queues a sweep's notice once for its key, whoever else sweeps: the key is recorded in
    /// the same transaction, and a key already recorded queues nothing.
    pub async fn queue_once(&self, notice: &Notice<'_>, now: i64) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let fresh = sqlx::query(
            "INSERT INTO notice_keys (dedupe_key, told_at) VALUES ($1, $2)
             ON CONFLICT (dedupe_key) DO NOTHING",
        )
        .bind(&notice.dedupe_key)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if fresh == 0 {
            return Ok(0);
        }
        let n = queue(&mut tx, notice, now).await?;
        // Told nobody because of their thresholds: ask again at the next sweep, when the month
        // may have gone further. (Dropping the transaction forgets the key.)
        if n == 0 && notice.below_threshold != i64::MAX {
            return Ok(0);
        }
        tx.commit().await?;
        Ok(n)
    }

    /// A person's newest notices, the unread first within a page, optionally of one group.
    pub async fn notifications_of(
        &self,
        user_id: i64,
        group: Option<Group>,
        unread_only: bool,
        limit: i64,
    ) -> Result<Vec<NotificationRow>, StoreError> {
        let kinds: Vec<&str> = crate::domain::notify::Kind::ALL
            .into_iter()
            .filter(|k| group.is_none_or(|g| k.group() == g))
            .map(|k| k.as_str())
            .collect();
        let list = kinds
            .iter()
            .map(|k| format!("'{k}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let unread = if unread_only {
            "AND read_at IS NULL"
        } else {
            ""
        };
        let rows = sqlx::query(&format!(
            "SELECT id, kind, facts, link, created_at, read_at FROM notifications
             WHERE user_id = $1 AND kind IN ({list}) {unread}
             ORDER BY id DESC LIMIT $2"
        ))
        .bind(user_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(notification_from).collect()
    }

    /// How many notices a person has not read.
    pub async fn unread_count(&self, user_id: i64) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL",
        )
        .bind(user_id)
        .fetch_one(&self.pool)
        .await?;
        col(&row, "n")
    }

    /// Marks one of a person's notices read; false when it is not theirs.
    pub async fn mark_read(&self, user_id: i64, id: RowId, now: i64) -> Result<bool, StoreError> {
        let row = sqlx::query("SELECT user_id FROM notifications WHERE id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        let owner: Option<i64> = row.map(|r| col(&r, "user_id")).transpose()?;
        if owner != Some(user_id) {
            return Ok(false);
        }
        sqlx::query(
            "UPDATE notifications SET read_at = $1 WHERE id = $2 AND user_id = $3
               AND read_at IS NULL",
        )
        .bind(now)
        .bind(id.0)
        .bind(user_id)
        .execute(&self.pool)
        .await?;
        Ok(true)
    }

    /// Marks every notice of a person read.
    pub async fn mark_all_read(&self, user_id: i64, now: i64) -> Result<u64, StoreError> {
        Ok(sqlx::query(
            "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
        )
        .bind(now)
        .bind(user_id)
        .execute(&self.pool)
        .await?
        .rows_affected())
    }

    /// A person's contact details and choices.
    pub async fn notify_settings(&self, user_id: i64) -> Result<Option<Settings>, StoreError> {
        let Some(row) =
            sqlx::query("SELECT email, mobile, lang, high_use_percent FROM users WHERE id = $1")
                .bind(user_id)
                .fetch_optional(&self.pool)
                .await?
        else {
            return Ok(None);
        };
        let lang: String = col(&row, "lang")?;
        let prefs = sqlx::query(
            "SELECT kind, channel, enabled FROM notification_prefs WHERE user_id = $1
             ORDER BY kind, channel",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        let mut choices = Vec::new();
        for p in &prefs {
            let kind: String = col(p, "kind")?;
            let channel: String = col(p, "channel")?;
            let on: i64 = col(p, "enabled")?;
            if let (Some(k), Some(c)) = (Kind::from_stored(&kind), Channel::from_stored(&channel)) {
                choices.push((k, c, on == 1));
            }
        }
        Ok(Some(Settings {
            email: col(&row, "email")?,
            mobile: col(&row, "mobile")?,
            lang: Lang::from_tag(&lang),
            high_use_percent: col(&row, "high_use_percent")?,
            choices,
        }))
    }

    /// Saves a person's language, mobile number, high-use threshold and channel choices; a
    /// choice equal to the default is stored as no choice.
    pub async fn save_notify_settings(
        &self,
        user_id: i64,
        lang: Lang,
        mobile: &str,
        high_use_percent: i64,
        choices: &[(Kind, Channel, bool)],
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE users SET lang = $1, mobile = $2, high_use_percent = $3 WHERE id = $4")
            .bind(lang.as_str())
            .bind(mobile)
            .bind(high_use_percent)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        for &(kind, channel, on) in choices {
            if channel == Channel::InApp {
                continue;
            }
            if on == kind.default_on(channel) {
                sqlx::query(
                    "DELETE FROM notification_prefs WHERE user_id = $1 AND kind = $2
                       AND channel = $3",
                )
                .bind(user_id)
                .bind(kind.as_str())
                .bind(channel.as_str())
                .execute(&mut *tx)
                .await?;
            } else {
                set_pref(&mut tx, user_id, kind, channel, on).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Stops one kind of email for a person (the unsubscribe link).
    pub async fn unsubscribe(&self, user_id: i64, kind: Kind) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        set_pref(&mut tx, user_id, kind, Channel::Email, false).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Only the language a person reads.
    pub async fn set_lang(&self, user_id: i64, lang: Lang) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET lang = $1 WHERE id = $2")
            .bind(lang.as_str())
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Takes up to `limit` messages that are due and not held by a live sender, for `sender`,
    /// until `now + CLAIM_SECS`; each take counts as a try. On PostgreSQL rows another sender is
    /// taking at this moment are skipped (`FOR UPDATE SKIP LOCKED`); SQLite has one writer at
    /// a time, so the statement is the claim.
    pub async fn claim_outbox(
        &self,
        sender: &str,
        now: i64,
        limit: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        let lock = match self.backend {
            Backend::Postgres => "FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let rows = sqlx::query(&format!(
            "UPDATE outbox SET claimed_by = $1, claimed_until = $2, attempts = attempts + 1
             WHERE id IN (SELECT id FROM outbox
               WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $3
                 AND (claimed_until IS NULL OR claimed_until < $3)
               ORDER BY id LIMIT $4 {lock})
             RETURNING {OUTBOX_COLUMNS}"
        ))
        .bind(sender)
        .bind(now + crate::domain::notify::CLAIM_SECS)
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut list = rows
            .iter()
            .map(outbox_from)
            .collect::<Result<Vec<_>, _>>()?;
        list.sort_by_key(|m| m.id.0);
        Ok(list)
    }

    /// A message went out; false when this sender no longer held it. A one-time code or an
    /// invitation's link is not kept once sent.
    pub async fn outbox_sent(&self, id: RowId, sender: &str, now: i64) -> Result<bool, StoreError> {
        Ok(sqlx::query(
            "UPDATE outbox SET sent_at = $1, claimed_by = NULL, claimed_until = NULL,
                last_error = '',
                body = CASE WHEN kind IN ('binding_code', 'invitation', 'verify_email', 'reset_password') THEN '' ELSE body END,
                html = CASE WHEN kind IN ('binding_code', 'invitation', 'verify_email', 'reset_password') THEN '' ELSE html END
             WHERE id = $2 AND claimed_by = $3 AND sent_at IS NULL",
        )
        .bind(now)
        .bind(id.0)
        .bind(sender)
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// A try failed: try again `retry_in` seconds from `now`, or mark it failed.
    pub async fn outbox_failed(
        &self,
        id: RowId,
        sender: &str,
        now: i64,
        error: &str,
        retry_in: Option<i64>,
    ) -> Result<(), StoreError> {
        let error: String = error.chars().take(500).collect();
        sqlx::query(
            "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL, last_error = $1,
                next_attempt_at = CASE WHEN $2 = 1 THEN $3 ELSE next_attempt_at END,
                failed_at = CASE WHEN $2 = 1 THEN NULL ELSE $4 END
             WHERE id = $5 AND claimed_by = $6",
        )
        .bind(error)
        .bind(i64::from(retry_in.is_some()))
        .bind(now + retry_in.unwrap_or(0))
        .bind(now)
        .bind(id.0)
        .bind(sender)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Staff send a failed (or waiting) message again, now, with fresh tries; false when
    /// there is no such message or it was sent.
    pub async fn outbox_again(&self, id: RowId, now: i64) -> Result<bool, StoreError> {
        Ok(sqlx::query(
            "UPDATE outbox SET failed_at = NULL, attempts = 0, next_attempt_at = $1,
                claimed_by = NULL, claimed_until = NULL
             WHERE id = $2 AND sent_at IS NULL",
        )
        .bind(now)
        .bind(id.0)
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// The newest messages for staff.
    pub async fn outbox(
        &self,
        filter: OutboxFilter,
        limit: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        let condition = match filter {
            OutboxFilter::All => "1 = 1",
            OutboxFilter::Waiting => "sent_at IS NULL AND failed_at IS NULL",
            OutboxFilter::Sent => "sent_at IS NOT NULL",
            OutboxFilter::Failed => "failed_at IS NOT NULL",
        };
        let rows = sqlx::query(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE {condition} ORDER BY id DESC LIMIT $1"
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(outbox_from).collect()
    }

    /// A secret kept in the database, made on first use, so every server signs alike.
    pub async fn secret(&self, name: &str, fresh: &str) -> Result<String, StoreError> {
        sqlx::query(
            "INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(fresh)
        .execute(&self.pool)
        .await?;
        let row = sqlx::query("SELECT value FROM secrets WHERE name = $1")
            .bind(name)
            .fetch_one(&self.pool)
            .await?;
        col(&row, "value")
    }
}

async fn set_pref(
    tx: &mut Transaction<'_, Any>,
    user_id: i64,
    kind: Kind,
    channel: Channel,
    on: bool,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO notification_prefs (user_id, kind, channel, enabled) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, kind, channel) DO UPDATE SET enabled = excluded.enabled",
    )
    .bind(user_id)
    .bind(kind.as_str())
    .bind(channel.as_str())
    .bind(i64::from(on))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

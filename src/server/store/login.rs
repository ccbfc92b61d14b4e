//! A login's safety: links sent by email, passwords set, limits counted across servers, the
//! sessions a person has, and the security log (append-only: the database refuses edits).

use super::{Store, StoreError, col};
use crate::domain::Lang;
use crate::domain::login::LinkPurpose;
use sqlx::any::AnyRow;

/// One line of the security log, to write.
#[derive(Debug, Clone, Default)]
pub struct AuditEntry<'a> {
    pub event: &'a str,
    /// Whom it is about (`None` for an email with no login).
    pub user_id: Option<i64>,
    /// Who did it (`None`: someone not signed in).
    pub actor_id: Option<i64>,
    pub email: &'a str,
    pub address: &'a str,
    pub detail: &'a str,
}

/// One line of the security log, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub id: i64,
    pub at: i64,
    pub event: String,
    pub user_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub actor_email: Option<String>,
    pub email: String,
    pub address: String,
    pub detail: String,
}

/// What to look for in the security log.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub event: Option<String>,
    /// Part of the email of whom it is about.
    pub email: Option<String>,
    pub address: Option<String>,
    pub from: Option<i64>,
    pub until: Option<i64>,
    /// Only lines older than this id (the next page).
    pub before_id: Option<i64>,
    pub limit: i64,
}

/// A session as its person sees it in their list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub public_id: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub user_agent: String,
    pub address: String,
    pub token_hash: String,
}

/// An account email to queue.
#[derive(Debug, Clone)]
pub struct AccountMail<'a> {
    /// `verify_email`, `reset_password`, `already_registered`, `password_changed`.
    pub kind: &'a str,
    pub user_id: Option<i64>,
    pub to: &'a str,
    pub lang: Lang,
    pub subject: &'a str,
    pub text: &'a str,
}

fn audit_from(row: &AnyRow) -> Result<AuditRow, StoreError> {
    Ok(AuditRow {
        id: col(row, "id")?,
        at: col(row, "at")?,
        event: col(row, "event")?,
        user_id: col(row, "user_id")?,
        actor_id: col(row, "actor_id")?,
        actor_email: col(row, "actor_email")?,
        email: col(row, "email")?,
        address: col(row, "address")?,
        detail: col(row, "detail")?,
    })
}

impl Store {
    /// Keeps a link's token hash for `user_id`, good until `now + purpose.lifetime_secs()`,
    /// and queues the email that carries it, in one transaction. Older unused links of the
    /// same purpose stop working: only the newest link counts.
    pub async fn create_link(
        &self,
        user_id: i64,
        purpose: LinkPurpose,
        token_hash: &str,
        mail: &AccountMail<'_>,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE login_links SET used_at = $1
             WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL",
        )
        .bind(now)
        .bind(user_id)
        .bind(purpose.as_str())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO login_links (token_hash, user_id, purpose, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(purpose.as_str())
        .bind(now)
        .bind(now + purpose.lifetime_secs())
        .execute(&mut *tx)
        .await?;
        insert_mail(&mut tx, mail, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Queues an account email on its own.
    pub async fn queue_account_mail(
        &self,
        mail: &AccountMail<'_>,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await?;
        insert_mail(&mut conn, mail, now).await
    }

    /// Uses a link: the person it was for, if it is for `purpose`, unused and not expired.
    /// Marked used in the same statement, so two clicks cannot both use it.
    pub async fn use_link(
        &self,
        token_hash: &str,
        purpose: LinkPurpose,
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query(
            "UPDATE login_links SET used_at = $1
             WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1
             RETURNING user_id",
        )
        .bind(now)
        .bind(token_hash)
        .bind(purpose.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| col(&r, "user_id")).transpose()
    }

    /// The person a link is for, if it is for `purpose`, unused and not expired, without using it.
    pub async fn peek_link(
        &self,
        token_hash: &str,
        purpose: LinkPurpose,
        now: i64,
    ) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query(
            "SELECT user_id FROM login_links
             WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        )
        .bind(token_hash)
        .bind(purpose.as_str())
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| col(&r, "user_id")).transpose()
    }

    /// The language `user_id` reads their emails in.
    pub async fn user_lang(&self, user_id: i64) -> Result<Lang, StoreError> {
        let row = sqlx::query("SELECT lang FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        let stored: Option<String> = row.map(|r| col(&r, "lang")).transpose()?;
        Ok(stored.as_deref().map_or(Lang::En, Lang::from_tag))
    }

    /// Marks `user_id`'s email confirmed (the first time only).
    pub async fn mark_email_verified(&self, user_id: i64, now: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE users SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL",
        )
        .bind(now)
        .bind(user_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The password hash of `user_id`.
    pub async fn password_hash(&self, user_id: i64) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT password_hash FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| col(&r, "password_hash")).transpose()
    }

    /// Sets a new password hash and ends every session of `user_id` but `keep` (a token hash),
    /// in one transaction.
    pub async fn set_password(
        &self,
        user_id: i64,
        hash: &str,
        keep: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(keep.unwrap_or(""))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many events `bucket` had since `since`.
    pub async fn rate_count(&self, bucket: &str, since: i64) -> Result<u32, StoreError> {
        let row = sqlx::query(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM rate_events WHERE bucket = $1 AND at >= $2",
        )
        .bind(bucket)
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        let n: i64 = col(&row, "n")?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Counts one event in `bucket`.
    pub async fn rate_note(&self, bucket: &str, now: i64) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO rate_events (bucket, at) VALUES ($1, $2)")
            .bind(bucket)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Forgets counts, failed attempts and links older than `before`: the once-a-minute
    /// housekeeping. Returns how many rows went.
    pub async fn forget_old_attempts(&self, before: i64) -> Result<u64, StoreError> {
        let mut gone = 0;
        for sql in [
            "DELETE FROM rate_events WHERE at < $1",
            "DELETE FROM failed_attempts WHERE at < $1",
            "DELETE FROM login_links WHERE expires_at < $1",
        ] {
            gone += sqlx::query(sql)
                .bind(before)
                .execute(&self.pool)
                .await?
                .rows_affected();
        }
        Ok(gone)
    }

    /// When the session with `token_hash` last proved who its person is.
    pub async fn session_authenticated_at(
        &self,
        token_hash: &str,
    ) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query("SELECT authenticated_at FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| col(&r, "authenticated_at")).transpose()
    }

    /// Everything the portal keeps about `user_id` that is personal to them, as JSON: their
    /// login, the accounts they hold, memberships, notice settings and notices, sessions,
    /// applications, repair reports, ratings, feedback, and the security log about them. No
    /// password hash, secret or token.
    pub async fn personal_data(&self, user_id: i64) -> Result<serde_json::Value, StoreError> {
        use Col::{Int, OptInt, Text};
        let part = |sql: &'static str, cols: &'static [(&'static str, Col)]| async move {
            let rows = sqlx::query(sql).bind(user_id).fetch_all(&self.pool).await?;
            rows.iter()
                .map(|r| {
                    let mut o = serde_json::Map::new();
                    for (name, kind) in cols {
                        let v = match kind {
                            Text => serde_json::Value::from(col::<String>(r, name)?),
                            Int => serde_json::Value::from(col::<i64>(r, name)?),
                            OptInt => serde_json::Value::from(col::<Option<i64>>(r, name)?),
                        };
                        o.insert((*name).to_string(), v);
                    }
                    Ok(serde_json::Value::Object(o))
                })
                .collect::<Result<Vec<_>, StoreError>>()
                .map(serde_json::Value::Array)
        };
        let login = part(
            "SELECT email, display_name, role, lang, mobile, high_use_percent, created_at,
                    email_verified_at, totp_enabled_at
             FROM users WHERE id = $1",
            &[
                ("email", Text),
                ("display_name", Text),
                ("role", Text),
                ("lang", Text),
                ("mobile", Text),
                ("high_use_percent", Int),
                ("created_at", Int),
                ("email_verified_at", OptInt),
                ("totp_enabled_at", OptInt),
            ],
        )
        .await?;
        let mut out = serde_json::Map::new();
        out.insert(
            "login".into(),
            login
                .as_array()
                .and_then(|a| a.first())
                .cloned()
                .unwrap_or_default(),
        );
        for (key, sql, cols) in PERSONAL_PARTS {
            out.insert((*key).to_string(), part(sql, cols).await?);
        }
        Ok(serde_json::Value::Object(out))
    }

    /// Deletes a login, keeping what the utility must keep: the row stays (cases and tickets
    /// name it) with its email, name, number and secrets blanked, and everything that linked it
    /// to accounts, organisations and notices goes. The email is free to register again.
    pub async fn delete_login(&self, user_id: i64, now: i64) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        // The last owner of an organisation must hand it over first.
        let last_owner = sqlx::query(
            "SELECT m.organisation_id FROM organisation_members m
             WHERE m.user_id = $1 AND m.role = 'owner'
               AND NOT EXISTS (SELECT 1 FROM organisation_members o
                               WHERE o.organisation_id = m.organisation_id
                                 AND o.role = 'owner' AND o.user_id <> $1)",
        )
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
        if last_owner.is_some() {
            return Err(StoreError::LastOwner);
        }
        for sql in [
            "DELETE FROM sessions WHERE user_id = $1",
            "DELETE FROM account_holders WHERE user_id = $1",
            "DELETE FROM organisation_members WHERE user_id = $1",
            "DELETE FROM notification_prefs WHERE user_id = $1",
            "DELETE FROM notifications WHERE user_id = $1",
            "DELETE FROM recovery_codes WHERE user_id = $1",
            "DELETE FROM login_links WHERE user_id = $1",
            "DELETE FROM outbox WHERE user_id = $1 AND sent_at IS NULL",
        ] {
            sqlx::query(sql).bind(user_id).execute(&mut *tx).await?;
        }
        sqlx::query(
            "UPDATE users SET email = $1, password_hash = '!', display_name = '', mobile = '',
                totp_secret = NULL, totp_enabled_at = NULL, email_verified_at = NULL
             WHERE id = $2",
        )
        .bind(format!("deleted-{user_id}-{now}@deleted.invalid"))
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The TOTP secret of `user_id` (being set up, or in use), if any.
    pub async fn mfa_secret(&self, user_id: i64) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT totp_secret FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row
            .map(|r| col::<Option<String>>(&r, "totp_secret"))
            .transpose()?
            .flatten())
    }

    /// Keeps a new secret for `user_id` while they set up their app (not while one is on).
    pub async fn set_mfa_secret(&self, user_id: i64, secret: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET totp_secret = $1 WHERE id = $2 AND totp_enabled_at IS NULL")
            .bind(secret)
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Turns the second factor on, with the step of the code that confirmed it and new recovery
    /// codes (their hashes), replacing any old ones.
    pub async fn enable_mfa(
        &self,
        user_id: i64,
        step: i64,
        recovery_hashes: &[String],
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE users SET totp_enabled_at = $1, totp_last_step = $2
             WHERE id = $3 AND totp_enabled_at IS NULL AND totp_secret IS NOT NULL",
        )
        .bind(now)
        .bind(step)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        for hash in recovery_hashes {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(user_id)
                .bind(hash)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Turns the second factor off and forgets its secret and recovery codes.
    pub async fn disable_mfa(&self, user_id: i64) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = 0
             WHERE id = $1",
        )
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Accepts a code's time step once: false when that step (or a later one) was used before.
    pub async fn use_totp_step(&self, user_id: i64, step: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1",
        )
        .bind(step)
        .bind(user_id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The hashes of `user_id`'s unused recovery codes.
    pub async fn unused_recovery_hashes(&self, user_id: i64) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query(
            "SELECT code_hash FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| col(r, "code_hash")).collect()
    }

    /// Uses a recovery code once: false when it is not one of theirs or was used.
    pub async fn use_recovery_code(
        &self,
        user_id: i64,
        hash: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1
             WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(now)
        .bind(user_id)
        .bind(hash)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// How many unused recovery codes `user_id` has.
    pub async fn recovery_codes_left(&self, user_id: i64) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM recovery_codes
             WHERE user_id = $1 AND used_at IS NULL",
        )
        .bind(user_id)
        .fetch_one(&self.pool)
        .await?;
        col(&row, "n")
    }

    /// Writes a line to the security log.
    pub async fn audit(&self, entry: &AuditEntry<'_>, now: i64) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO audit_log (at, event, user_id, actor_id, email, address, detail)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(now)
        .bind(entry.event)
        .bind(entry.user_id)
        .bind(entry.actor_id)
        .bind(entry.email)
        .bind(entry.address)
        .bind(entry.detail)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Lines of the security log, newest first.
    pub async fn audit_search(&self, f: &AuditFilter) -> Result<Vec<AuditRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id, a.at, a.event, a.user_id, a.actor_id, u.email AS actor_email,
                    a.email, a.address, a.detail
             FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
             WHERE ($1 = '' OR a.event = $1)
               AND ($2 = '' OR a.email LIKE '%' || $2 || '%')
               AND ($3 = '' OR a.address = $3)
               AND a.at >= $4 AND a.at < $5 AND a.id < $6
             ORDER BY a.id DESC LIMIT $7",
        )
        .bind(f.event.as_deref().unwrap_or(""))
        .bind(f.email.as_deref().unwrap_or(""))
        .bind(f.address.as_deref().unwrap_or(""))
        .bind(f.from.unwrap_or(i64::MIN))
        .bind(f.until.unwrap_or(i64::MAX))
        .bind(f.before_id.unwrap_or(i64::MAX))
        .bind(f.limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(audit_from).collect()
    }

    /// The sessions of `user_id`, the most recently used first.
    pub async fn sessions_of(&self, user_id: i64) -> Result<Vec<SessionRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT public_id, created_at, last_seen_at, user_agent, address, token_hash
             FROM sessions WHERE user_id = $1 ORDER BY last_seen_at DESC, created_at DESC",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SessionRow {
                    public_id: col(r, "public_id")?,
                    created_at: col(r, "created_at")?,
                    last_seen_at: col(r, "last_seen_at")?,
                    user_agent: col(r, "user_agent")?,
                    address: col(r, "address")?,
                    token_hash: col(r, "token_hash")?,
                })
            })
            .collect()
    }

    /// Ends the session `public_id` if it is `user_id`'s; false when there is none such.
    pub async fn end_session_of(&self, user_id: i64, public_id: &str) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND public_id = $2")
            .bind(user_id)
            .bind(public_id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Ends every session of `user_id` but `keep` (a token hash), if given; how many ended.
    pub async fn end_other_sessions(
        &self,
        user_id: i64,
        keep: Option<&str>,
    ) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(keep.unwrap_or(""))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}

/// How a column of a personal-data part is read.
#[derive(Debug, Clone, Copy)]
enum Col {
    Text,
    Int,
    OptInt,
}

/// The parts of a person's data besides their login: name, query (`$1` is the person), columns.
type Part = (&'static str, &'static str, &'static [(&'static str, Col)]);

const PERSONAL_PARTS: &[Part] = &[
    (
        "accounts",
        "SELECT sa.account_number, sa.holder_name, sa.premise_address, sa.phone, h.bound_at
         FROM account_holders h JOIN service_accounts sa ON sa.id = h.service_account_id
         WHERE h.user_id = $1 ORDER BY sa.account_number",
        &[
            ("account_number", Col::Text),
            ("holder_name", Col::Text),
            ("premise_address", Col::Text),
            ("phone", Col::Text),
            ("bound_at", Col::Int),
        ],
    ),
    (
        "organisations",
        "SELECT o.name, m.role FROM organisation_members m
         JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1 ORDER BY o.name",
        &[("name", Col::Text), ("role", Col::Text)],
    ),
    (
        "notice_settings",
        "SELECT kind, channel, enabled FROM notification_prefs WHERE user_id = $1
         ORDER BY kind, channel",
        &[
            ("kind", Col::Text),
            ("channel", Col::Text),
            ("enabled", Col::Int),
        ],
    ),
    (
        "notices",
        "SELECT kind, facts, link, created_at, read_at FROM notifications WHERE user_id = $1
         ORDER BY created_at",
        &[
            ("kind", Col::Text),
            ("facts", Col::Text),
            ("link", Col::Text),
            ("created_at", Col::Int),
            ("read_at", Col::OptInt),
        ],
    ),
    (
        "sessions",
        "SELECT created_at, last_seen_at, user_agent, address FROM sessions WHERE user_id = $1
         ORDER BY created_at",
        &[
            ("created_at", Col::Int),
            ("last_seen_at", Col::Int),
            ("user_agent", Col::Text),
            ("address", Col::Text),
        ],
    ),
    (
        "applications",
        "SELECT COALESCE(case_number, '') AS case_number, kind, category, premise_address,
                contact_name, contact_phone, accepted_on
         FROM connection_cases WHERE applicant_id = $1 ORDER BY id",
        &[
            ("case_number", Col::Text),
            ("kind", Col::Text),
            ("category", Col::Text),
            ("premise_address", Col::Text),
            ("contact_name", Col::Text),
            ("contact_phone", Col::Text),
            ("accepted_on", Col::Text),
        ],
    ),
    (
        "repair_reports",
        "SELECT COALESCE(ticket_number, '') AS ticket_number, kind, description, contact_phone,
                state, reported_at
         FROM repair_tickets WHERE reporter_id = $1 ORDER BY id",
        &[
            ("ticket_number", Col::Text),
            ("kind", Col::Text),
            ("description", Col::Text),
            ("contact_phone", Col::Text),
            ("state", Col::Text),
            ("reported_at", Col::Int),
        ],
    ),
    (
        "ratings",
        "SELECT job_kind, job_id, stars, tags, comment, rated_at FROM ratings
         WHERE customer_id = $1 ORDER BY id",
        &[
            ("job_kind", Col::Text),
            ("job_id", Col::Int),
            ("stars", Col::Int),
            ("tags", Col::Text),
            ("comment", Col::Text),
            ("rated_at", Col::Int),
        ],
    ),
    (
        "feedback",
        "SELECT COALESCE(case_number, '') AS case_number, kind, topic, body, state
         FROM feedback_cases WHERE customer_id = $1 ORDER BY id",
        &[
            ("case_number", Col::Text),
            ("kind", Col::Text),
            ("topic", Col::Text),
            ("body", Col::Text),
            ("state", Col::Text),
        ],
    ),
    (
        "security_log",
        "SELECT at, event, address, detail FROM audit_log WHERE user_id = $1 ORDER BY id",
        &[
            ("at", Col::Int),
            ("event", Col::Text),
            ("address", Col::Text),
            ("detail", Col::Text),
        ],
    ),
];

async fn insert_mail(
    conn: &mut sqlx::AnyConnection,
    mail: &AccountMail<'_>,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO outbox (kind, channel, user_id, recipient, lang, subject, body, html,
            created_at, next_attempt_at)
         VALUES ($1, 'email', $2, $3, $4, $5, $6, '', $7, $7)",
    )
    .bind(mail.kind)
    .bind(mail.user_id)
    .bind(mail.to)
    .bind(mail.lang.as_str())
    .bind(mail.subject)
    .bind(mail.text)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

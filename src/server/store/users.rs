//! People, their sessions, and failed attempts (for lockouts).

use super::{Store, StoreError, col, enum_col};
use crate::domain::{EmailAddress, OrgRole, Role};
use sqlx::AnyConnection;
use sqlx::any::AnyRow;

/// A person with a login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    /// The person has opened the confirmation link sent to their email.
    pub email_verified: bool,
    /// Sign-in asks for a second factor (a code from an authenticator app).
    pub mfa: bool,
    /// Care mode is on for them (larger type, bigger targets, plainer words).
    pub care: bool,
}

fn user_from(row: &AnyRow) -> Result<User, StoreError> {
    Ok(User {
        id: col(row, "id")?,
        email: col(row, "email")?,
        display_name: col(row, "display_name")?,
        role: enum_col(row, "role", Role::from_stored)?,
        email_verified: col::<Option<i64>>(row, "email_verified_at")?.is_some(),
        mfa: col::<Option<i64>>(row, "totp_enabled_at")?.is_some(),
        care: col::<i64>(row, "care_mode")? != 0,
    })
}

/// A session to record.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: i64,
    pub public_id: &'a str,
    pub user_agent: &'a str,
    pub address: &'a str,
}

const USER_COLUMNS: &str =
    "u.id, u.email, u.display_name, u.role, u.email_verified_at, u.totp_enabled_at, u.care_mode";

/// Inserts a person; `None` when the email already has a login.
pub async fn insert_user(
    conn: &mut AnyConnection,
    email: &EmailAddress,
    password_hash: &str,
    display_name: &str,
    role: Role,
    verified: bool,
    now: i64,
) -> Result<Option<User>, StoreError> {
    let row = sqlx::query(
        "INSERT INTO users (email, password_hash, display_name, role, created_at, email_verified_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (email) DO NOTHING
         RETURNING id",
    )
    .bind(email.as_str())
    .bind(password_hash)
    .bind(display_name)
    .bind(role.as_str())
    .bind(now)
    .bind(verified.then_some(now))
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| {
        Ok(User {
            id: col(&r, "id")?,
            email: email.as_str().to_owned(),
            display_name: display_name.to_owned(),
            role,
            email_verified: verified,
            mfa: false,
            care: false,
        })
    })
    .transpose()
}

/// Makes `user_id` a member of `organisation_id` with `role`.
pub async fn insert_member(
    conn: &mut AnyConnection,
    organisation_id: i64,
    user_id: i64,
    role: OrgRole,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO organisation_members (organisation_id, user_id, role) VALUES ($1, $2, $3)",
    )
    .bind(organisation_id)
    .bind(user_id)
    .bind(role.as_str())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Creates an organisation and returns its id.
pub async fn insert_organisation(
    conn: &mut AnyConnection,
    name: &str,
    now: i64,
) -> Result<i64, StoreError> {
    let row =
        sqlx::query("INSERT INTO organisations (name, created_at) VALUES ($1, $2) RETURNING id")
            .bind(name)
            .bind(now)
            .fetch_one(&mut *conn)
            .await?;
    col(&row, "id")
}

impl Store {
    /// Inserts a person; `None` when the email already has a login.
    pub async fn create_user(
        &self,
        email: &EmailAddress,
        password_hash: &str,
        display_name: &str,
        role: Role,
        verified: bool,
        now: i64,
    ) -> Result<Option<User>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        insert_user(
            &mut conn,
            email,
            password_hash,
            display_name,
            role,
            verified,
            now,
        )
        .await
    }

    /// Turns care mode on or off for `user_id`.
    pub async fn set_care_mode(&self, user_id: i64, on: bool) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET care_mode = $1 WHERE id = $2")
            .bind(i64::from(on))
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// True when `user_id` holds service accounts of their own (not only an organisation's
    /// sites).
    pub async fn holds_accounts(&self, user_id: i64) -> Result<bool, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT 1 AS held FROM service_accounts sa WHERE {} LIMIT 1",
            super::accounts::HELD_BY_USER
        ))
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }

    /// The person with id `user_id`.
    pub async fn user_by_id(&self, user_id: i64) -> Result<Option<User>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1"
        ))
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| user_from(&r)).transpose()
    }

    /// The person with this email and their password hash.
    pub async fn user_with_hash(
        &self,
        email: &EmailAddress,
    ) -> Result<Option<(User, String)>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {USER_COLUMNS}, u.password_hash FROM users u WHERE u.email = $1"
        ))
        .bind(email.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok((user_from(&r)?, col(&r, "password_hash")?)))
            .transpose()
    }

    /// Records a session for `user_id` under the hash of its token, with the id its person
    /// sees in their list, the browser it began in and the address it came from.
    pub async fn create_session(&self, new: &NewSession<'_>, now: i64) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, public_id,
                user_agent, address, authenticated_at)
             VALUES ($1, $2, $3, $3, $4, $5, $6, $3)",
        )
        .bind(new.token_hash)
        .bind(new.user_id)
        .bind(now)
        .bind(new.public_id)
        .bind(new.user_agent)
        .bind(new.address)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The person behind a session used within their role's idle limit and younger than their
    /// role's lifetime, marking it seen now when `touch` (a person's request, not a page's
    /// polling). Expired sessions are deleted when met. `last_seen_at` is written at most once a minute to spare the disk.
    pub async fn session_user(
        &self,
        token_hash: &str,
        now: i64,
        touch: bool,
    ) -> Result<Option<User>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {USER_COLUMNS}, s.last_seen_at, s.created_at AS signed_in_at
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1"
        ))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let last_seen: i64 = col(&row, "last_seen_at")?;
        let signed_in: i64 = col(&row, "signed_in_at")?;
        let user = user_from(&row)?;
        // Idle too long, or older than the role's absolute lifetime.
        if now - last_seen > user.role.session_idle_secs()
            || now - signed_in > user.role.session_lifetime_secs()
        {
            self.delete_session(token_hash).await?;
            return Ok(None);
        }
        if touch && now - last_seen >= 60 {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                .bind(now)
                .bind(token_hash)
                .execute(&self.pool)
                .await?;
        }
        Ok(Some(user))
    }

    /// Ends a session.
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Deletes sessions idle for longer than `idle_secs`.
    pub async fn delete_idle_sessions(&self, now: i64, idle_secs: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1")
            .bind(now - idle_secs)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    /// Notes a failed attempt under `key` (such as `sign_in:someone@example.com`).
    pub async fn record_failure(&self, key: &str, now: i64) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO failed_attempts (attempt_key, at) VALUES ($1, $2)")
            .bind(key)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Failed attempts under `key` since `since`, oldest first (unix seconds).
    pub async fn failures_since(&self, key: &str, since: i64) -> Result<Vec<i64>, StoreError> {
        let rows = sqlx::query(
            "SELECT at FROM failed_attempts WHERE attempt_key = $1 AND at >= $2 ORDER BY at",
        )
        .bind(key)
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| col(r, "at")).collect()
    }

    /// Forgets the failed attempts under `key` (after a success), and any older than `before`.
    pub async fn clear_failures(&self, key: &str, before: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM failed_attempts WHERE attempt_key = $1 OR at < $2")
            .bind(key)
            .bind(before)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

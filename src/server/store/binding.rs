//! One-time codes that link a service account to a login, the account's holders, and removing
//! a holder.

use super::notify::Notice;
use super::{Store, StoreError, col};
use crate::domain::RowId;
use crate::domain::binding::RecentCodes;

/// A code as stored.
#[derive(Debug, Clone)]
pub struct CodeRow {
    pub id: RowId,
    pub user_id: i64,
    pub account: RowId,
    pub code_hash: String,
    pub salt: String,
    pub created_at: i64,
    pub tries: i64,
    pub used: bool,
}

/// A new code and the text that carries it.
pub struct NewCode<'a> {
    pub user_id: i64,
    pub account: RowId,
    pub code_hash: &'a str,
    pub salt: &'a str,
    pub address: &'a str,
    /// The phone on file, and the text in the person's language.
    pub phone: &'a str,
    pub text: &'a str,
    pub lang: crate::domain::Lang,
}

/// One holder of an account, as the other holders see them.
#[derive(Debug, Clone)]
pub struct HolderRow {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub bound_at: i64,
}

impl Store {
    /// How many codes were asked for lately: for the account in the last hour and day, by the
    /// person and from the address in the last hour.
    pub async fn recent_codes(
        &self,
        account: RowId,
        user_id: i64,
        address: &str,
        now: i64,
    ) -> Result<RecentCodes, StoreError> {
        let row = sqlx::query(
            "SELECT
               COALESCE(SUM(CASE WHEN service_account_id = $1 AND created_at > $4 THEN 1 ELSE 0 END), 0) AS account_hour,
               COALESCE(SUM(CASE WHEN service_account_id = $1 THEN 1 ELSE 0 END), 0) AS account_day,
               COALESCE(SUM(CASE WHEN user_id = $2 AND created_at > $4 THEN 1 ELSE 0 END), 0) AS person_hour,
               COALESCE(SUM(CASE WHEN address = $3 AND created_at > $4 THEN 1 ELSE 0 END), 0) AS address_hour
             FROM binding_codes
             WHERE created_at > $5 AND (service_account_id = $1 OR user_id = $2 OR address = $3)",
        )
        .bind(account.0)
        .bind(user_id)
        .bind(address)
        .bind(now - 3600)
        .bind(now - 86_400)
        .fetch_one(&self.pool)
        .await?;
        let n = |name: &str| -> Result<i64, StoreError> { col::<i64>(&row, name) };
        Ok(RecentCodes {
            account_hour: n("account_hour")?,
            account_day: n("account_day")?,
            person_hour: n("person_hour")?,
            address_hour: n("address_hour")?,
        })
    }

    /// Stores a code and queues its text to the phone on file, in one transaction. The text
    /// goes at once, quiet hours or not: the person is waiting for it.
    pub async fn create_code(&self, new: &NewCode<'_>, now: i64) -> Result<RowId, StoreError> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(
            "INSERT INTO binding_codes (user_id, service_account_id, code_hash, salt, address,
                created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(new.user_id)
        .bind(new.account.0)
        .bind(new.code_hash)
        .bind(new.salt)
        .bind(new.address)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = col(&row, "id")?;
        sqlx::query(
            "INSERT INTO outbox (kind, channel, user_id, recipient, lang, subject, body, html,
                created_at, next_attempt_at)
             VALUES ('binding_code', 'sms', $1, $2, $3, '', $4, '', $5, $5)",
        )
        .bind(new.user_id)
        .bind(new.phone)
        .bind(new.lang.as_str())
        .bind(new.text)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(RowId(id))
    }

    /// A code, if it exists.
    pub async fn code(&self, id: RowId) -> Result<Option<CodeRow>, StoreError> {
        let row = sqlx::query(
            "SELECT id, user_id, service_account_id, code_hash, salt, created_at, tries, used_at
             FROM binding_codes WHERE id = $1",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(CodeRow {
                id: RowId(col(&r, "id")?),
                user_id: col(&r, "user_id")?,
                account: RowId(col(&r, "service_account_id")?),
                code_hash: col(&r, "code_hash")?,
                salt: col(&r, "salt")?,
                created_at: col(&r, "created_at")?,
                tries: col(&r, "tries")?,
                used: col::<Option<i64>>(&r, "used_at")?.is_some(),
            })
        })
        .transpose()
    }

    /// Counts a wrong answer; false when the code was used or spent meanwhile.
    pub async fn code_tried(&self, id: RowId, max_tries: i64) -> Result<bool, StoreError> {
        Ok(sqlx::query(
            "UPDATE binding_codes SET tries = tries + 1
             WHERE id = $1 AND used_at IS NULL AND tries < $2",
        )
        .bind(id.0)
        .bind(max_tries)
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// Uses a code and links its account to its person, telling the holders there were
    /// (`notices`, queued before the new holder is added); `Conflict` when the code was used
    /// meanwhile.
    pub async fn use_code(
        &self,
        code: &CodeRow,
        now: i64,
        notices: &[Notice<'_>],
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let done =
            sqlx::query("UPDATE binding_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
                .bind(now)
                .bind(code.id.0)
                .execute(&mut *tx)
                .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict);
        }
        for notice in notices {
            super::notify::queue(&mut tx, notice, now).await?;
        }
        sqlx::query(
            "INSERT INTO account_holders (service_account_id, user_id, bound_at)
             VALUES ($1, $2, $3) ON CONFLICT (service_account_id, user_id) DO NOTHING",
        )
        .bind(code.account.0)
        .bind(code.user_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The holders of an account, first bound first.
    pub async fn holders(&self, account: RowId) -> Result<Vec<HolderRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT u.id, u.email, u.display_name, h.bound_at FROM account_holders h
             JOIN users u ON u.id = h.user_id WHERE h.service_account_id = $1
             ORDER BY h.bound_at, u.id",
        )
        .bind(account.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(HolderRow {
                    user_id: col(r, "id")?,
                    email: col(r, "email")?,
                    display_name: col(r, "display_name")?,
                    bound_at: col(r, "bound_at")?,
                })
            })
            .collect()
    }

    /// Unlinks a holder; false when they did not hold it.
    pub async fn remove_holder(&self, account: RowId, user_id: i64) -> Result<bool, StoreError> {
        Ok(sqlx::query(
            "DELETE FROM account_holders WHERE service_account_id = $1 AND user_id = $2",
        )
        .bind(account.0)
        .bind(user_id)
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1)
    }
}

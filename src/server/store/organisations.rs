//! Enterprise organisations: memberships, invitations and the outbox, site labels, and the
//! figures of the sites list and the consolidated dashboard, each in a few set-based queries so
//! that an organisation of hundreds of sites answers quickly.

use super::bills::{BILL_COLUMNS, BILL_FROM, bill_from};
use super::{Backend, Store, StoreError, col, date_col, enum_col, opt_date};
use crate::api::accounts::LocalName;
use crate::api::bills::BillSummary;
use crate::api::organisations::{Membership, SiteSummary};
use crate::domain::organisation::{ExportRange, RoleChange, SiteQuery, keeps_an_owner};
use crate::domain::{Fen, KilowattHours, OrgRole, RowId};
use chrono::NaiveDate;
use sqlx::any::AnyRow;
use std::collections::HashMap;

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// What each of an organisation's sites owes: per site, the balance of bills not paid in full,
/// the part of it past due on `$2`, and the first due day. `$1` is the organisation.
const OWED: &str = "paid AS (
        SELECT bp.bill_id, bp.paid_fen AS paid
        FROM bill_paid bp JOIN service_accounts s ON s.id = bp.service_account_id
        WHERE s.organisation_id = $1),
    open_bills AS (
        SELECT b.service_account_id AS site_id, b.total_fen - COALESCE(paid.paid, 0) AS owed,
               b.due_on
        FROM bills b JOIN service_accounts s ON s.id = b.service_account_id
        LEFT JOIN paid ON paid.bill_id = b.id
        WHERE s.organisation_id = $1 AND b.total_fen > COALESCE(paid.paid, 0)),
    owed AS (
        SELECT site_id, CAST(SUM(owed) AS BIGINT) AS owed,
               CAST(SUM(CASE WHEN due_on < $2 THEN owed ELSE 0 END) AS BIGINT) AS overdue,
               COUNT(*) AS bills, MIN(due_on) AS first_due,
               MIN(CASE WHEN due_on < $2 THEN due_on END) AS overdue_since
        FROM open_bills GROUP BY site_id),
    requests AS (
        SELECT service_account_id AS site_id, COUNT(*) AS n FROM (
            SELECT t.service_account_id FROM repair_tickets t
            JOIN service_accounts s ON s.id = t.service_account_id
            WHERE s.organisation_id = $1 AND t.state NOT IN ('closed', 'merged', 'cancelled')
            UNION ALL
            SELECT c.service_account_id FROM connection_cases c
            JOIN service_accounts s ON s.id = c.service_account_id
            WHERE s.organisation_id = $1 AND c.state IN ('in_progress', 'waiting_on_customer')
        ) r GROUP BY service_account_id)";

const SITE_COLUMNS: &str = "sa.id, COALESCE(sa.site_name, sa.premise_address) AS name,
    sa.account_number, sa.premise_address, sa.tariff_code, t.name_en AS tariff_en,
    t.name_zh AS tariff_zh, sa.supply_area,
    CAST(COALESCE(o.owed, 0) AS BIGINT) AS owed, CAST(COALESCE(o.overdue, 0) AS BIGINT) AS overdue,
    CAST(COALESCE(o.bills, 0) AS BIGINT) AS unpaid_bills, o.first_due, o.overdue_since,
    CAST(COALESCE(r.n, 0) AS BIGINT) AS open_requests";

const SITE_FROM: &str = "service_accounts sa JOIN tariffs t ON t.code = sa.tariff_code
    LEFT JOIN owed o ON o.site_id = sa.id LEFT JOIN requests r ON r.site_id = sa.id";

fn site_from(
    row: &AnyRow,
    labels: &mut HashMap<i64, Vec<String>>,
) -> Result<SiteSummary, StoreError> {
    let id: i64 = col(row, "id")?;
    Ok(SiteSummary {
        id: RowId(id),
        name: col(row, "name")?,
        account_number: col(row, "account_number")?,
        premise_address: col(row, "premise_address")?,
        tariff_code: col(row, "tariff_code")?,
        tariff: LocalName {
            en: col(row, "tariff_en")?,
            zh: col(row, "tariff_zh")?,
        },
        supply_area: col(row, "supply_area")?,
        labels: labels.remove(&id).unwrap_or_default(),
        balance_due: Fen(col(row, "owed")?),
        unpaid_bills: u32::try_from(col::<i64>(row, "unpaid_bills")?).unwrap_or(0),
        next_due: opt_date(row, "first_due")?,
        overdue: Fen(col(row, "overdue")?),
        overdue_since: opt_date(row, "overdue_since")?,
        open_requests: col(row, "open_requests")?,
    })
}

/// A member as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
    pub role: OrgRole,
}

/// An invitation as stored (its token only as a hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationRow {
    pub id: RowId,
    pub organisation_id: RowId,
    pub organisation_name: String,
    pub email: String,
    pub role: OrgRole,
    pub created_at: i64,
    pub expires_at: i64,
    pub accepted: bool,
    pub revoked: bool,
}

const INVITATION_COLUMNS: &str = "i.id, i.organisation_id, o.name AS organisation_name, i.email,
    i.role, i.created_at, i.expires_at, i.accepted_at, i.revoked_at";

fn invitation_from(row: &AnyRow) -> Result<InvitationRow, StoreError> {
    Ok(InvitationRow {
        id: RowId(col(row, "id")?),
        organisation_id: RowId(col(row, "organisation_id")?),
        organisation_name: col(row, "organisation_name")?,
        email: col(row, "email")?,
        role: enum_col(row, "role", OrgRole::from_stored)?,
        created_at: col(row, "created_at")?,
        expires_at: col(row, "expires_at")?,
        accepted: col::<Option<i64>>(row, "accepted_at")?.is_some(),
        revoked: col::<Option<i64>>(row, "revoked_at")?.is_some(),
    })
}

/// A new invitation, and the message that tells the invited person.
#[derive(Debug, Clone)]
pub struct NewInvitation<'a> {
    pub organisation_id: RowId,
    pub email: &'a str,
    pub role: OrgRole,
    pub token_hash: &'a str,
    pub invited_by: i64,
    pub created_at: i64,
    pub expires_at: i64,
    pub subject: &'a str,
    pub body: &'a str,
}

/// One billing month of one site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SiteMonthRow {
    pub site_id: RowId,
    pub period_start: NaiveDate,
    pub energy: KilowattHours,
    pub cost: Fen,
}

/// A site as the export names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSite {
    pub id: RowId,
    pub name: String,
    pub account_number: String,
    pub labels: Vec<String>,
}

impl Store {
    /// The organisations `user_id` belongs to, by name.
    pub async fn memberships(&self, user_id: i64) -> Result<Vec<Membership>, StoreError> {
        let rows = sqlx::query(
            "SELECT o.id, o.name, m.role FROM organisation_members m
             JOIN organisations o ON o.id = m.organisation_id
             WHERE m.user_id = $1 ORDER BY o.name, o.id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(membership_from).collect()
    }

    /// `user_id`'s membership of `organisation`: `None` when they are not a member (or it
    /// does not exist).
    pub async fn membership(
        &self,
        organisation: RowId,
        user_id: i64,
    ) -> Result<Option<Membership>, StoreError> {
        let row = sqlx::query(
            "SELECT o.id, o.name, m.role FROM organisation_members m
             JOIN organisations o ON o.id = m.organisation_id
             WHERE m.organisation_id = $1 AND m.user_id = $2",
        )
        .bind(organisation.0)
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(membership_from).transpose()
    }

    /// The members of `organisation`, owners first.
    pub async fn members_of(&self, organisation: RowId) -> Result<Vec<MemberRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT u.id, u.email, u.display_name, m.role FROM organisation_members m
             JOIN users u ON u.id = m.user_id WHERE m.organisation_id = $1
             ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, u.email",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(MemberRow {
                    user_id: col(r, "id")?,
                    email: col(r, "email")?,
                    display_name: col(r, "display_name")?,
                    role: enum_col(r, "role", OrgRole::from_stored)?,
                })
            })
            .collect()
    }

    /// Gives member `user_id` the role `to`, or removes them (`None`), unless that would leave
    /// the organisation without an owner. The owners are counted under a lock on the
    /// organisation (PostgreSQL) or inside SQLite's single writer, so two owners stepping down
    /// at once cannot both succeed.
    pub async fn change_member(
        &self,
        organisation: RowId,
        user_id: i64,
        to: Option<OrgRole>,
        actor_id: i64,
        now: i64,
        notices: &[super::notify::Notice<'_>],
    ) -> Result<OrgRole, StoreError> {
        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT id FROM organisations WHERE id = $1 FOR UPDATE")
                .bind(organisation.0)
                .execute(&mut *tx)
                .await?;
        } else {
            // Takes SQLite's write lock now, before reading what the check depends on.
            sqlx::query("UPDATE organisations SET name = name WHERE id = $1")
                .bind(organisation.0)
                .execute(&mut *tx)
                .await?;
        }
        let current = sqlx::query(
            "SELECT role FROM organisation_members WHERE organisation_id = $1 AND user_id = $2",
        )
        .bind(organisation.0)
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(current) = current else {
            return Err(StoreError::NoSuchMember);
        };
        let from = enum_col(&current, "role", OrgRole::from_stored)?;
        let owners = sqlx::query(
            "SELECT COUNT(*) AS n FROM organisation_members
             WHERE organisation_id = $1 AND role = 'owner'",
        )
        .bind(organisation.0)
        .fetch_one(&mut *tx)
        .await?;
        let owners: i64 = col(&owners, "n")?;
        if !keeps_an_owner(owners as usize, RoleChange { from, to }) {
            return Err(StoreError::LastOwner);
        }
        let (action, detail) = match to {
            Some(role) => {
                sqlx::query(
                    "UPDATE organisation_members SET role = $3
                     WHERE organisation_id = $1 AND user_id = $2",
                )
                .bind(organisation.0)
                .bind(user_id)
                .bind(role.as_str())
                .execute(&mut *tx)
                .await?;
                (
                    "change_role",
                    format!("{} → {}", from.as_str(), role.as_str()),
                )
            }
            None => {
                sqlx::query(
                    "DELETE FROM organisation_members WHERE organisation_id = $1 AND user_id = $2",
                )
                .bind(organisation.0)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
                ("remove", from.as_str().to_string())
            }
        };
        record_event(
            &mut tx,
            organisation,
            now,
            actor_id,
            action,
            &user_id.to_string(),
            &detail,
        )
        .await?;
        // Only a role change is told: someone removed may no longer be reached through us.
        if to.is_some() {
            for notice in notices {
                super::notify::queue(&mut tx, notice, now).await?;
            }
        }
        tx.commit().await?;
        Ok(from)
    }

    /// Stores an invitation and queues its message in the outbox, in one transaction.
    pub async fn create_invitation(
        &self,
        new: &NewInvitation<'_>,
        notices: &[super::notify::Notice<'_>],
    ) -> Result<RowId, StoreError> {
        let now = new.created_at;
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(
            "INSERT INTO invitations (organisation_id, email, role, token_hash, invited_by,
                created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(new.organisation_id.0)
        .bind(new.email)
        .bind(new.role.as_str())
        .bind(new.token_hash)
        .bind(new.invited_by)
        .bind(new.created_at)
        .bind(new.expires_at)
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = col(&row, "id")?;
        sqlx::query(
            "INSERT INTO outbox (kind, recipient, subject, body, created_at)
             VALUES ('invitation', $1, $2, $3, $4)",
        )
        .bind(new.email)
        .bind(new.subject)
        .bind(new.body)
        .bind(new.created_at)
        .execute(&mut *tx)
        .await?;
        record_event(
            &mut tx,
            new.organisation_id,
            new.created_at,
            new.invited_by,
            "invite",
            new.email,
            new.role.as_str(),
        )
        .await?;
        for notice in notices {
            super::notify::queue(&mut tx, notice, now).await?;
        }
        tx.commit().await?;
        Ok(RowId(id))
    }

    /// The invitations of `organisation`, newest first.
    pub async fn invitations_of(
        &self,
        organisation: RowId,
    ) -> Result<Vec<InvitationRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {INVITATION_COLUMNS} FROM invitations i
             JOIN organisations o ON o.id = i.organisation_id
             WHERE i.organisation_id = $1 ORDER BY i.created_at DESC, i.id DESC"
        ))
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(invitation_from).collect()
    }

    /// The invitation whose token hashes to `token_hash`.
    pub async fn invitation_by_token(
        &self,
        token_hash: &str,
    ) -> Result<Option<InvitationRow>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {INVITATION_COLUMNS} FROM invitations i
             JOIN organisations o ON o.id = i.organisation_id WHERE i.token_hash = $1"
        ))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(invitation_from).transpose()
    }

    /// Takes up invitation `id` for `user_id` if it is still pending at `now`: they become a
    /// member with its role (a member already keeps the role they have). False when it was no
    /// longer pending, also when a second acceptance races the first.
    pub async fn accept_invitation(
        &self,
        id: RowId,
        user_id: i64,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let taken = sqlx::query(
            "UPDATE invitations SET accepted_at = $2, accepted_by = $3
             WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2
             RETURNING organisation_id, role, email",
        )
        .bind(id.0)
        .bind(now)
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(taken) = taken else {
            return Ok(false);
        };
        let organisation = RowId(col(&taken, "organisation_id")?);
        let role: String = col(&taken, "role")?;
        let email: String = col(&taken, "email")?;
        sqlx::query(
            "INSERT INTO organisation_members (organisation_id, user_id, role) VALUES ($1, $2, $3)
             ON CONFLICT (organisation_id, user_id) DO NOTHING",
        )
        .bind(organisation.0)
        .bind(user_id)
        .bind(&role)
        .execute(&mut *tx)
        .await?;
        record_event(&mut tx, organisation, now, user_id, "accept", &email, &role).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Withdraws invitation `id` of `organisation` if it is still pending; false otherwise.
    pub async fn revoke_invitation(
        &self,
        organisation: RowId,
        id: RowId,
        actor_id: i64,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE invitations SET revoked_at = $3
             WHERE id = $1 AND organisation_id = $2 AND accepted_at IS NULL
               AND revoked_at IS NULL AND expires_at > $3
             RETURNING email",
        )
        .bind(id.0)
        .bind(organisation.0)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(done) = done else {
            return Ok(false);
        };
        let email: String = col(&done, "email")?;
        record_event(&mut tx, organisation, now, actor_id, "revoke", &email, "").await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The audit trail of `organisation`'s membership, oldest first: `(at, actor email,
    /// action, subject, detail)`.
    pub async fn organisation_events(
        &self,
        organisation: RowId,
    ) -> Result<Vec<(i64, String, String, String, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT e.at, u.email, e.action, e.subject, e.detail FROM organisation_events e
             JOIN users u ON u.id = e.actor_id WHERE e.organisation_id = $1 ORDER BY e.at, e.id",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    col(r, "at")?,
                    col(r, "email")?,
                    col(r, "action")?,
                    col(r, "subject")?,
                    col(r, "detail")?,
                ))
            })
            .collect()
    }

    /// The labels of `organisation`'s sites, per site.
    async fn labels_by_site(
        &self,
        organisation: RowId,
    ) -> Result<HashMap<i64, Vec<String>>, StoreError> {
        let rows = sqlx::query(
            "SELECT l.service_account_id, l.label FROM site_labels l
             JOIN service_accounts sa ON sa.id = l.service_account_id
             WHERE sa.organisation_id = $1 ORDER BY l.label",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        let mut out: HashMap<i64, Vec<String>> = HashMap::new();
        for r in &rows {
            out.entry(col(r, "service_account_id")?)
                .or_default()
                .push(col(r, "label")?);
        }
        Ok(out)
    }

    /// Puts `site` under `label` (or takes it off); the site must be `organisation`'s. Returns
    /// its labels after, or `None` when it is not the organisation's site.
    pub async fn set_site_label(
        &self,
        organisation: RowId,
        site: RowId,
        label: &str,
        add: bool,
    ) -> Result<Option<Vec<String>>, StoreError> {
        if !self.is_site_of(organisation, site).await? {
            return Ok(None);
        }
        let sql = if add {
            "INSERT INTO site_labels (service_account_id, label) VALUES ($1, $2)
             ON CONFLICT (service_account_id, label) DO NOTHING"
        } else {
            "DELETE FROM site_labels WHERE service_account_id = $1 AND label = $2"
        };
        sqlx::query(sql)
            .bind(site.0)
            .bind(label)
            .execute(&self.pool)
            .await?;
        let rows = sqlx::query(
            "SELECT label FROM site_labels WHERE service_account_id = $1 ORDER BY label",
        )
        .bind(site.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(
            rows.iter()
                .map(|r| col(r, "label"))
                .collect::<Result<_, _>>()?,
        ))
    }

    /// True when `site` is a service account of `organisation`.
    pub async fn is_site_of(&self, organisation: RowId, site: RowId) -> Result<bool, StoreError> {
        let row = sqlx::query(
            "SELECT 1 AS ok FROM service_accounts WHERE id = $1 AND organisation_id = $2",
        )
        .bind(site.0)
        .bind(organisation.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }

    /// The page of `organisation`'s sites that `query` asks for, by name, with the number of
    /// sites that match on every page.
    pub async fn sites_page(
        &self,
        organisation: RowId,
        query: &SiteQuery,
        per_page: u32,
        today: NaiveDate,
    ) -> Result<(Vec<SiteSummary>, u32), StoreError> {
        // Fixed parameters: $1 organisation, $2 today, $3 search pattern, $4 tariff, $5 area,
        // $6 label, $7 open requests only, $8 unpaid only; an empty one filters nothing.
        let filter = "sa.organisation_id = $1
            AND ($3 = '' OR LOWER(COALESCE(sa.site_name, '') || ' ' || sa.account_number || ' '
                                  || sa.premise_address) LIKE $3)
            AND ($4 = '' OR sa.tariff_code = $4)
            AND ($5 = '' OR sa.supply_area = $5)
            AND ($6 = '' OR EXISTS (SELECT 1 FROM site_labels l
                                    WHERE l.service_account_id = sa.id AND l.label = $6))
            AND ($7 = 0 OR COALESCE(r.n, 0) > 0)
            AND ($8 = 0 OR COALESCE(o.owed, 0) > 0)";
        let pattern = if query.search.is_empty() {
            String::new()
        } else {
            format!("%{}%", query.search.replace(['%', '_'], ""))
        };
        let values = FilterValues {
            organisation: organisation.0,
            today: today.to_string(),
            pattern,
            tariff: query.tariff.clone().unwrap_or_default(),
            area: query.area.clone().unwrap_or_default(),
            label: query.label.clone().unwrap_or_default(),
            open_requests: i64::from(query.open_requests),
            unpaid: i64::from(query.unpaid),
        };
        let count_sql = format!("WITH {OWED} SELECT COUNT(*) AS n FROM {SITE_FROM} WHERE {filter}");
        let count = values
            .bind(sqlx::query(&count_sql))
            .fetch_one(&self.pool)
            .await?;
        let matching: i64 = col(&count, "n")?;
        let page_sql = format!(
            "WITH {OWED} SELECT {SITE_COLUMNS} FROM {SITE_FROM} WHERE {filter}
             ORDER BY name, sa.account_number LIMIT $9 OFFSET $10"
        );
        let rows = values
            .bind(sqlx::query(&page_sql))
            .bind(i64::from(per_page))
            .bind(i64::from(query.offset()))
            .fetch_all(&self.pool)
            .await?;
        let mut labels = self.labels_by_site(organisation).await?;
        let sites = rows
            .iter()
            .map(|r| site_from(r, &mut labels))
            .collect::<Result<_, _>>()?;
        Ok((sites, u32::try_from(matching).unwrap_or(u32::MAX)))
    }

    /// Every site of `organisation` with its figures, by name.
    pub async fn all_sites(
        &self,
        organisation: RowId,
        today: NaiveDate,
    ) -> Result<Vec<SiteSummary>, StoreError> {
        let rows = sqlx::query(&format!(
            "WITH {OWED} SELECT {SITE_COLUMNS} FROM {SITE_FROM} WHERE sa.organisation_id = $1
             ORDER BY name, sa.account_number"
        ))
        .bind(organisation.0)
        .bind(today.to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut labels = self.labels_by_site(organisation).await?;
        rows.iter().map(|r| site_from(r, &mut labels)).collect()
    }

    /// One site of `organisation` with its figures, if it is the organisation's.
    pub async fn site_of(
        &self,
        organisation: RowId,
        site: RowId,
        today: NaiveDate,
    ) -> Result<Option<SiteSummary>, StoreError> {
        let row = sqlx::query(&format!(
            "WITH {OWED} SELECT {SITE_COLUMNS} FROM {SITE_FROM}
             WHERE sa.organisation_id = $1 AND sa.id = $3"
        ))
        .bind(organisation.0)
        .bind(today.to_string())
        .bind(site.0)
        .fetch_optional(&self.pool)
        .await?;
        let mut labels = self.labels_by_site(organisation).await?;
        row.as_ref().map(|r| site_from(r, &mut labels)).transpose()
    }

    /// The choices the sites filters offer: the tariffs, supply areas and labels in use.
    pub async fn site_filter_choices(
        &self,
        organisation: RowId,
    ) -> Result<(Vec<(String, LocalName)>, Vec<String>, Vec<String>), StoreError> {
        let tariffs = sqlx::query(
            "SELECT DISTINCT t.code, t.name_en, t.name_zh FROM service_accounts sa
             JOIN tariffs t ON t.code = sa.tariff_code WHERE sa.organisation_id = $1
             ORDER BY t.code",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok((
                col(r, "code")?,
                LocalName {
                    en: col(r, "name_en")?,
                    zh: col(r, "name_zh")?,
                },
            ))
        })
        .collect::<Result<_, StoreError>>()?;
        let areas = sqlx::query(
            "SELECT DISTINCT supply_area FROM service_accounts
             WHERE organisation_id = $1 AND supply_area <> '' ORDER BY supply_area",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| col(r, "supply_area"))
        .collect::<Result<_, _>>()?;
        let labels = sqlx::query(
            "SELECT DISTINCT l.label FROM site_labels l
             JOIN service_accounts sa ON sa.id = l.service_account_id
             WHERE sa.organisation_id = $1 ORDER BY l.label",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| col(r, "label"))
        .collect::<Result<_, _>>()?;
        Ok((tariffs, areas, labels))
    }

    /// The latest billing month of `organisation` (the first day of the latest bill period).
    pub async fn latest_billing_month(
        &self,
        organisation: RowId,
    ) -> Result<Option<NaiveDate>, StoreError> {
        let row = sqlx::query(
            "SELECT MAX(b.period_start) AS latest FROM bills b
             JOIN service_accounts sa ON sa.id = b.service_account_id
             WHERE sa.organisation_id = $1",
        )
        .bind(organisation.0)
        .fetch_one(&self.pool)
        .await?;
        opt_date(&row, "latest")
    }

    /// Each site's bills of the billing months starting on `from` or later.
    pub async fn site_months_since(
        &self,
        organisation: RowId,
        from: NaiveDate,
    ) -> Result<Vec<SiteMonthRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT b.service_account_id, b.period_start, b.energy_centi_kwh, b.total_fen
             FROM bills b JOIN service_accounts sa ON sa.id = b.service_account_id
             WHERE sa.organisation_id = $1 AND b.period_start >= $2",
        )
        .bind(organisation.0)
        .bind(from.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SiteMonthRow {
                    site_id: RowId(col(r, "service_account_id")?),
                    period_start: date_col(r, "period_start")?,
                    energy: KilowattHours::from_centi(col(r, "energy_centi_kwh")?),
                    cost: Fen(col(r, "total_fen")?),
                })
            })
            .collect()
    }

    /// The sites an export covers, by name: all of `organisation`'s, or those of `only`.
    pub async fn export_sites(
        &self,
        organisation: RowId,
        only: Option<&[RowId]>,
    ) -> Result<Vec<ExportSite>, StoreError> {
        let rows = sqlx::query(
            "SELECT sa.id, COALESCE(sa.site_name, sa.premise_address) AS name, sa.account_number
             FROM service_accounts sa WHERE sa.organisation_id = $1
             ORDER BY name, sa.account_number",
        )
        .bind(organisation.0)
        .fetch_all(&self.pool)
        .await?;
        let mut labels = self.labels_by_site(organisation).await?;
        let mut out = Vec::new();
        for r in &rows {
            let id = RowId(col(r, "id")?);
            if only.is_some_and(|only| !only.contains(&id)) {
                continue;
            }
            out.push(ExportSite {
                id,
                name: col(r, "name")?,
                account_number: col(r, "account_number")?,
                labels: labels.remove(&id.0).unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// The bills of `sites` whose period starts in `range`, by site (in the order given) and
    /// period. The export asks for a few sites at a time, so it never holds them all.
    pub async fn export_bills(
        &self,
        sites: &[RowId],
        range: ExportRange,
        today: NaiveDate,
    ) -> Result<Vec<BillSummary>, StoreError> {
        if sites.is_empty() {
            return Ok(Vec::new());
        }
        let ids = id_list(sites);
        let rows = sqlx::query(&format!(
            "SELECT {BILL_COLUMNS} FROM {BILL_FROM} WHERE b.service_account_id IN ({ids})
               AND b.period_start >= $1 AND b.period_start < $2
             ORDER BY b.service_account_id, b.period_start"
        ))
        .bind(range.from.to_string())
        .bind(range.to.to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut bills = rows
            .iter()
            .map(|r| bill_from(r, today))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let order: HashMap<RowId, usize> = sites.iter().enumerate().map(|(i, s)| (*s, i)).collect();
        bills.sort_by_key(|b| (order.get(&b.account_id).copied(), b.period_start));
        Ok(bills)
    }
}

/// A payment as the payments export writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPayment {
    pub account_id: RowId,
    pub paid_at: i64,
    pub amount: Fen,
    pub refunded: Fen,
    pub channel: String,
    pub reference: String,
}

impl Store {
    /// The payments received on `sites` in `range` (local days), by site, oldest first.
    pub async fn export_payments(
        &self,
        sites: &[RowId],
        range: ExportRange,
    ) -> Result<Vec<ExportPayment>, StoreError> {
        use crate::domain::local_time::day_start;
        if sites.is_empty() {
            return Ok(Vec::new());
        }
        let ids = id_list(sites);
        let rows = sqlx::query(&format!(
            "SELECT p.service_account_id, p.paid_at, p.amount_fen, p.channel, p.reference,
                    CAST(COALESCE((SELECT SUM(r.amount_fen) FROM refunds r
                                   WHERE r.payment_id = p.id), 0) AS BIGINT) AS refunded
             FROM payments p WHERE p.service_account_id IN ({ids})
               AND p.paid_at >= $1 AND p.paid_at < $2
             ORDER BY p.service_account_id, p.paid_at, p.id"
        ))
        .bind(day_start(range.from))
        .bind(day_start(range.to))
        .fetch_all(&self.pool)
        .await?;
        let mut payments = rows
            .iter()
            .map(|r| {
                Ok(ExportPayment {
                    account_id: RowId(col(r, "service_account_id")?),
                    paid_at: col(r, "paid_at")?,
                    amount: Fen(col(r, "amount_fen")?),
                    refunded: Fen(col(r, "refunded")?),
                    channel: col(r, "channel")?,
                    reference: col(r, "reference")?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let order: HashMap<RowId, usize> = sites.iter().enumerate().map(|(i, s)| (*s, i)).collect();
        payments.sort_by_key(|p| order.get(&p.account_id).copied());
        Ok(payments)
    }
}

/// Ids for `IN (…)`. They are numbers we hold, not input text: writing them into the SQL is safe.
fn id_list(sites: &[RowId]) -> String {
    sites
        .iter()
        .map(|s| s.0.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// The values of the sites list's filters, bound as `$1`…`$8`.
struct FilterValues {
    organisation: i64,
    today: String,
    pattern: String,
    tariff: String,
    area: String,
    label: String,
    open_requests: i64,
    unpaid: i64,
}

impl FilterValues {
    fn bind<'q>(&self, q: AnyQuery<'q>) -> AnyQuery<'q> {
        q.bind(self.organisation)
            .bind(self.today.clone())
            .bind(self.pattern.clone())
            .bind(self.tariff.clone())
            .bind(self.area.clone())
            .bind(self.label.clone())
            .bind(self.open_requests)
            .bind(self.unpaid)
    }
}

fn membership_from(row: &AnyRow) -> Result<Membership, StoreError> {
    Ok(Membership {
        organisation_id: RowId(col(row, "id")?),
        name: col(row, "name")?,
        role: enum_col(row, "role", OrgRole::from_stored)?,
    })
}

async fn record_event(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    organisation: RowId,
    at: i64,
    actor_id: i64,
    action: &str,
    subject: &str,
    detail: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO organisation_events (organisation_id, at, actor_id, action, subject, detail)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(organisation.0)
    .bind(at)
    .bind(actor_id)
    .bind(action)
    .bind(subject)
    .bind(detail)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

//! Service accounts, who holds them, and their meters and readings.

use super::{Store, StoreError, col, enum_col};
use crate::api::accounts::{LocalName, ServiceAccountSummary};
use crate::domain::{AccountNumber, AreaClass, CustomerCategory, KilowattHours, RowId};
use chrono::NaiveDate;
use sqlx::AnyConnection;
use sqlx::any::AnyRow;

/// True when user `$1` holds the account `sa` directly or through an organisation. An
/// organisation's site is reached only through the organisation, so removal ends it.
pub(super) const VISIBLE_TO_USER: &str = "((sa.organisation_id IS NULL AND EXISTS (SELECT 1
        FROM account_holders h WHERE h.service_account_id = sa.id AND h.user_id = $1))
     OR EXISTS (SELECT 1 FROM organisation_members m
        WHERE m.organisation_id = sa.organisation_id AND m.user_id = $1))";

/// True when user `$1` holds the account `sa` themselves (never an organisation's site).
pub(super) const HELD_BY_USER: &str = "(sa.organisation_id IS NULL AND EXISTS (SELECT 1
        FROM account_holders h WHERE h.service_account_id = sa.id AND h.user_id = $1))";

pub(super) const SUMMARY_COLUMNS: &str = "sa.id, sa.account_number, sa.holder_name,
    sa.premise_address, sa.area_class, sa.customer_category, t.name_en AS tariff_en,
    t.name_zh AS tariff_zh, o.name AS organisation_name, sa.site_name";

pub(super) const SUMMARY_FROM: &str = "service_accounts sa
    JOIN tariffs t ON t.code = sa.tariff_code
    LEFT JOIN organisations o ON o.id = sa.organisation_id";

pub(super) fn summary_from(row: &AnyRow) -> Result<ServiceAccountSummary, StoreError> {
    Ok(ServiceAccountSummary {
        id: RowId(col(row, "id")?),
        account_number: col(row, "account_number")?,
        holder_name: col(row, "holder_name")?,
        premise_address: col(row, "premise_address")?,
        area_class: enum_col(row, "area_class", AreaClass::from_stored)?,
        category: enum_col(row, "customer_category", CustomerCategory::from_stored)?,
        tariff: LocalName {
            en: col(row, "tariff_en")?,
            zh: col(row, "tariff_zh")?,
        },
        organisation: col(row, "organisation_name")?,
        site_name: col(row, "site_name")?,
        may_act: false,
    })
}

/// A service account to create.
#[derive(Debug, Clone)]
pub struct NewServiceAccount<'a> {
    pub number: &'a AccountNumber,
    pub holder_name: &'a str,
    pub phone: &'a str,
    pub premise_address: &'a str,
    pub area_class: AreaClass,
    pub category: CustomerCategory,
    pub tariff_code: &'a str,
    pub organisation_id: Option<i64>,
    pub site_name: Option<&'a str>,
}

/// Creates a service account and returns its id.
pub async fn insert_service_account(
    conn: &mut AnyConnection,
    a: &NewServiceAccount<'_>,
    now: i64,
) -> Result<i64, StoreError> {
    let row = sqlx::query(
        "INSERT INTO service_accounts (account_number, holder_name, phone, premise_address,
            area_class, customer_category, tariff_code, organisation_id, site_name, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(a.number.as_str())
    .bind(a.holder_name)
    .bind(a.phone)
    .bind(a.premise_address)
    .bind(a.area_class.as_str())
    .bind(a.category.as_str())
    .bind(a.tariff_code)
    .bind(a.organisation_id)
    .bind(a.site_name)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    col(&row, "id")
}

/// Binds a service account to a person.
pub async fn insert_holder(
    conn: &mut AnyConnection,
    account_id: i64,
    user_id: i64,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO account_holders (service_account_id, user_id, bound_at) VALUES ($1, $2, $3)
         ON CONFLICT (service_account_id, user_id) DO NOTHING",
    )
    .bind(account_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Installs a meter with `registers` (`total` or `peak_valley`); returns its id.
pub async fn insert_meter(
    conn: &mut AnyConnection,
    account_id: i64,
    serial: &str,
    registers: &str,
    installed_on: NaiveDate,
) -> Result<i64, StoreError> {
    let row = sqlx::query(
        "INSERT INTO meters (service_account_id, serial, registers, installed_on)
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(account_id)
    .bind(serial)
    .bind(registers)
    .bind(installed_on.to_string())
    .fetch_one(&mut *conn)
    .await?;
    col(&row, "id")
}

/// Records a meter reading of one register on a day.
pub async fn insert_reading(
    conn: &mut AnyConnection,
    meter_id: i64,
    read_on: NaiveDate,
    register: &str,
    value: KilowattHours,
    estimated: bool,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO readings (meter_id, read_on, register, value_centi_kwh, source)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(meter_id)
    .bind(read_on.to_string())
    .bind(register)
    .bind(value.centi())
    .bind(if estimated { "estimated" } else { "actual" })
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl Store {
    /// Every service account `user_id` may see, by account number.
    pub async fn accounts_visible_to(
        &self,
        user_id: i64,
    ) -> Result<Vec<ServiceAccountSummary>, StoreError> {
        self.accounts_where(user_id, VISIBLE_TO_USER).await
    }

    /// The service accounts `user_id` holds themselves (their home), by number.
    pub async fn accounts_held_by(
        &self,
        user_id: i64,
    ) -> Result<Vec<ServiceAccountSummary>, StoreError> {
        self.accounts_where(user_id, HELD_BY_USER).await
    }

    /// The accounts meeting `condition` on user `$1`, each saying whether that user may act for
    /// it (holder, or owner or manager of its organisation).
    async fn accounts_where(
        &self,
        user_id: i64,
        condition: &str,
    ) -> Result<Vec<ServiceAccountSummary>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {SUMMARY_COLUMNS},
                CASE WHEN {HELD_BY_USER}
                       OR EXISTS (SELECT 1 FROM organisation_members m
                                  WHERE m.organisation_id = sa.organisation_id AND m.user_id = $1
                                    AND m.role IN ('owner', 'manager'))
                     THEN 1 ELSE 0 END AS may_act
             FROM {SUMMARY_FROM} WHERE {condition}
             ORDER BY sa.account_number"
        ))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ServiceAccountSummary {
                    may_act: col::<i64>(r, "may_act")? == 1,
                    ..summary_from(r)?
                })
            })
            .collect()
    }

    /// One service account, if it exists.
    pub async fn account_summary(
        &self,
        account: RowId,
    ) -> Result<Option<ServiceAccountSummary>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM {SUMMARY_FROM} WHERE sa.id = $1"
        ))
        .bind(account.0)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(summary_from).transpose()
    }

    /// `None` when the account does not exist; otherwise whether `user_id` may see it.
    pub async fn account_visible_to(
        &self,
        account: RowId,
        user_id: i64,
    ) -> Result<Option<bool>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT CASE WHEN {VISIBLE_TO_USER} THEN 1 ELSE 0 END AS visible
             FROM service_accounts sa WHERE sa.id = $2"
        ))
        .bind(user_id)
        .bind(account.0)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok(col::<i32>(&r, "visible")? == 1)).transpose()
    }

    /// What binding needs of the account with this number: its id, the phone on file, and
    /// whether an organisation holds it.
    pub async fn account_for_binding(
        &self,
        number: &AccountNumber,
    ) -> Result<Option<AccountToBind>, StoreError> {
        let row = sqlx::query(
            "SELECT id, phone, organisation_id FROM service_accounts WHERE account_number = $1",
        )
        .bind(number.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(AccountToBind {
                id: RowId(col(&r, "id")?),
                phone: col(&r, "phone")?,
                organisation: col::<Option<i64>>(&r, "organisation_id")?.is_some(),
            })
        })
        .transpose()
    }
}

/// A service account someone asks to link.
#[derive(Debug, Clone)]
pub struct AccountToBind {
    pub id: RowId,
    pub phone: String,
    /// An organisation's site: reached only through the organisation.
    pub organisation: bool,
}

/// How a person stands to a service account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountAccess {
    /// They hold it themselves.
    Holder,
    /// Their organisation holds it, and this is their role there.
    Member(crate::domain::OrgRole),
}

impl Store {
    /// How `user_id` stands to `account`: `None` when the account does not exist, `Some(None)`
    /// when it exists but is not theirs.
    pub async fn account_access(
        &self,
        account: RowId,
        user_id: i64,
    ) -> Result<Option<Option<AccountAccess>>, StoreError> {
        let row = sqlx::query(
            "SELECT
                (SELECT COUNT(*) FROM account_holders h
                  WHERE h.service_account_id = sa.id AND h.user_id = $2
                    AND sa.organisation_id IS NULL) AS held,
                (SELECT m.role FROM organisation_members m
                  WHERE m.organisation_id = sa.organisation_id AND m.user_id = $2) AS org_role
             FROM service_accounts sa WHERE sa.id = $1",
        )
        .bind(account.0)
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        if col::<i64>(&row, "held")? > 0 {
            return Ok(Some(Some(AccountAccess::Holder)));
        }
        let role: Option<String> = col(&row, "org_role")?;
        Ok(Some(
            role.as_deref()
                .and_then(crate::domain::OrgRole::from_stored)
                .map(AccountAccess::Member),
        ))
    }
}

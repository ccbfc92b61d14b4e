//! Storage through sqlx on SQLite (the embedded default) or PostgreSQL, one file per area.
//! Queries are written once in SQL both databases accept; only the migrations differ.

pub mod accounts;
pub mod autopay;
pub mod bills;
pub mod binding;
pub mod connections;
pub mod feedback;
pub mod login;
pub mod notify;
pub mod organisations;
pub mod pay;
pub mod repairs;
pub mod usage;
pub mod users;

pub use accounts::NewServiceAccount;
pub use bills::NewBill;
pub use users::User;

use crate::api::ApiError;
use crate::domain::{Field, FieldError, Problem};
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyConnection, AnyPool, Connection, Executor, Row};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

/// Which database is behind the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Why the store did not do what was asked: a refusal the person is told about (someone else
/// changed the row first, a document that is not theirs, the last owner), or a failure that is
/// logged and reported as [`ApiError::Internal`]. The one error of every store function.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Someone else changed the row at the same moment; read it again.
    #[error("the row changed meanwhile")]
    Conflict,
    /// A document or attachment is not the person's own upload, or belongs to something else.
    #[error("a document is not available here")]
    DocumentUnavailable,
    /// The member to change is not in the organisation.
    #[error("no such member")]
    NoSuchMember,
    /// The change would leave the organisation without an owner.
    #[error("the organisation would have no owner")]
    LastOwner,
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("cannot create the database folder {0}: {1}")]
    Folder(String, std::io::Error),
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict => ApiError::Conflict,
            StoreError::DocumentUnavailable => {
                FieldError::new(Field::Documents, Problem::NotAllowed).into()
            }
            StoreError::NoSuchMember => ApiError::NotFound,
            StoreError::LastOwner => FieldError::new(Field::Role, Problem::LastOwner).into(),
            e => {
                tracing::error!(error = %e, "store failure");
                ApiError::Internal
            }
        }
    }
}

/// The database, shared by every request.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Store {
    /// Connects to `url`, creating a SQLite file (and its folder) if needed, and migrates.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let (url, backend) = if url.starts_with("sqlite:") {
            (sqlite_url(url)?, Backend::Sqlite)
        } else {
            (url.to_string(), Backend::Postgres)
        };
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 10,
            })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        sqlite_pragmas(conn).await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        match backend {
            Backend::Sqlite => {
                pool.execute("PRAGMA journal_mode = WAL").await?;
                SQLITE_MIGRATIONS.run(&pool).await?;
            }
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&pool).await?,
        }
        Ok(Store { pool, backend })
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The connection pool, for tests and the demo seed.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Closes every connection (at shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The id of the row of `table` that `owner` (the value of `owner_column`) stored under the
    /// idempotency `key`, if any: how a repeated submit finds what the first one created.
    async fn id_by_key(
        &self,
        table: &'static str,
        owner_column: &'static str,
        owner: i64,
        key: &str,
    ) -> Result<Option<crate::domain::RowId>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT id FROM {table} WHERE {owner_column} = $1 AND idempotency_key = $2"
        ))
        .bind(owner)
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok(crate::domain::RowId(col(&r, "id")?)))
            .transpose()
    }

    /// Checks the database answers, for `/healthz`.
    pub async fn ping(&self) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await?;
        conn.ping().await?;
        Ok(())
    }
}

/// Foreign keys on, wait up to 5 s for a writer instead of failing with "database is locked".
async fn sqlite_pragmas(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    conn.execute("PRAGMA foreign_keys = ON").await?;
    conn.execute("PRAGMA busy_timeout = 5000").await?;
    conn.execute("PRAGMA synchronous = NORMAL").await?;
    Ok(())
}

/// Makes sure a SQLite file URL creates its file and folder.
fn sqlite_url(url: &str) -> Result<String, StoreError> {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path != ":memory:"
        && !path.is_empty()
        && let Some(dir) = Path::new(path)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| StoreError::Folder(dir.display().to_string(), e))?;
    }
    let mode = if query.contains("mode=") {
        ""
    } else {
        "mode=rwc"
    };
    let sep = if query.is_empty() || mode.is_empty() {
        ""
    } else {
        "&"
    };
    Ok(format!("sqlite://{path}?{query}{sep}{mode}"))
}

/// Reads a column, naming it when the stored value does not fit.
fn col<'r, T>(row: &'r AnyRow, name: &str) -> Result<T, StoreError>
where
    T: sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    row.try_get(name)
        .map_err(|e| StoreError::Corrupt(format!("column {name}: {e}")))
}

/// Reads an ISO date stored as text.
fn date_col(row: &AnyRow, name: &str) -> Result<chrono::NaiveDate, StoreError> {
    let s: String = col(row, name)?;
    chrono::NaiveDate::from_str(&s).map_err(|e| StoreError::Corrupt(format!("column {name}: {e}")))
}

/// Reads an ISO date stored as text that may be missing.
fn opt_date(row: &AnyRow, name: &str) -> Result<Option<chrono::NaiveDate>, StoreError> {
    let s: Option<String> = col(row, name)?;
    s.map(|s| {
        chrono::NaiveDate::from_str(&s)
            .map_err(|e| StoreError::Corrupt(format!("column {name}: {e}")))
    })
    .transpose()
}

/// Reads a stored enum name through its `from_stored`.
fn enum_col<T>(row: &AnyRow, name: &str, from: fn(&str) -> Option<T>) -> Result<T, StoreError> {
    let s: String = col(row, name)?;
    from(&s).ok_or_else(|| StoreError::Corrupt(format!("column {name}: unknown value {s:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_create_their_file() {
        assert_eq!(
            sqlite_url("sqlite::memory:").unwrap(),
            "sqlite://:memory:?mode=rwc"
        );
        let dir = std::env::temp_dir().join(format!("gridcare-url-{}", std::process::id()));
        let url = format!("sqlite://{}/x.db?mode=ro", dir.display());
        assert_eq!(sqlite_url(&url).unwrap(), url);
        assert!(dir.is_dir());
    }
}

//! The database itself: migrations, SQLite settings, the demo seed.

use crate::helpers::{spawn_app, spawn_app_with_demo};
use gridcare::server::seed;
use gridcare::server::store::Backend;
use sqlx::Row;

#[tokio::test]
async fn sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout() {
    let app = spawn_app().await;
    if app.state.store.backend() != Backend::Sqlite {
        return; // PostgreSQL has no such settings; this test is about SQLite.
    }
    let pool = app.state.store.pool();
    let mode: String = sqlx::query("PRAGMA journal_mode")
        .fetch_one(pool)
        .await
        .expect("pragma")
        .get(0);
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query("PRAGMA foreign_keys")
        .fetch_one(pool)
        .await
        .expect("pragma")
        .get(0);
    assert_eq!(fk, 1);
    let busy: i64 = sqlx::query("PRAGMA busy_timeout")
        .fetch_one(pool)
        .await
        .expect("pragma")
        .get(0);
    assert_eq!(busy, 5000);
}

#[tokio::test]
async fn foreign_keys_refuse_orphan_rows() {
    let app = spawn_app().await;
    let orphan = sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES ('x', 424242, 0, 0)")
        .execute(app.state.store.pool())
        .await;
    assert!(
        orphan.is_err(),
        "a session for a user that does not exist was stored"
    );
}

#[tokio::test]
async fn the_demo_is_seeded_once_with_the_promised_logins_and_bills() {
    let app = spawn_app_with_demo().await;
    let again = seed::demo(&app.state.store, app.clock.as_ref())
        .await
        .expect("seed");
    assert!(!again, "a second start does not seed again");
    let pool = app.state.store.pool();
    let count = |sql: &'static str| async move {
        sqlx::query(sql)
            .fetch_one(pool)
            .await
            .expect("count")
            .get::<i64, _>(0)
    };
    assert_eq!(count("SELECT COUNT(*) FROM users").await, 4);
    assert_eq!(count("SELECT COUNT(*) FROM organisations").await, 1);
    assert_eq!(
        count("SELECT COUNT(*) FROM bills b JOIN service_accounts sa ON sa.id = b.service_account_id WHERE sa.organisation_id IS NOT NULL").await,
        3 * 36
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM bills b JOIN service_accounts sa ON sa.id = b.service_account_id WHERE sa.account_number = '3100123456'").await,
        36
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM bills b WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.bill_id = b.id)").await,
        5,
        "one unpaid bill per account"
    );
}

//! Binding a service account and seeing one's accounts.

use crate::helpers::{OPS, RESIDENT, spawn_app_with_demo};
use gridcare::server::seed::SPARE_ACCOUNT;
use reqwest::StatusCode;

#[tokio::test]
async fn binding_with_the_phone_digits_on_file_adds_the_account() {
    let app = spawn_app_with_demo().await;
    app.register("tenant@example.com", "a long enough passphrase")
        .await;
    let bound = app
        .call(
            "accounts/bind",
            &[("account_number", "310 076-5432"), ("phone_last4", "8821")],
        )
        .await
        .ok();
    assert_eq!(bound["account_number"], SPARE_ACCOUNT);
    let list = app.call("accounts/list", &[]).await.ok();
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["area_class"], "rural");
}

#[tokio::test]
async fn binding_with_wrong_digits_is_refused_without_saying_which_part_was_wrong() {
    let app = spawn_app_with_demo().await;
    app.register("guess@example.com", "a long enough passphrase")
        .await;
    let wrong_digits = app
        .call(
            "accounts/bind",
            &[("account_number", SPARE_ACCOUNT), ("phone_last4", "0000")],
        )
        .await;
    wrong_digits.assert_error(StatusCode::UNPROCESSABLE_ENTITY, "bind_mismatch");
    let unknown = app
        .call(
            "accounts/bind",
            &[("account_number", "9999999999"), ("phone_last4", "8821")],
        )
        .await;
    assert_eq!(unknown.body, wrong_digits.body);
    assert_eq!(
        app.call("accounts/list", &[])
            .await
            .ok()
            .as_array()
            .map(Vec::len),
        Some(0)
    );
}

#[tokio::test]
async fn guessing_phone_digits_is_locked_after_five_tries() {
    let app = spawn_app_with_demo().await;
    app.register("guess@example.com", "a long enough passphrase")
        .await;
    for digits in ["0001", "0002", "0003", "0004"] {
        app.call(
            "accounts/bind",
            &[("account_number", SPARE_ACCOUNT), ("phone_last4", digits)],
        )
        .await
        .assert_error(StatusCode::UNPROCESSABLE_ENTITY, "bind_mismatch");
    }
    app.call(
        "accounts/bind",
        &[("account_number", SPARE_ACCOUNT), ("phone_last4", "0005")],
    )
    .await
    .assert_error(StatusCode::TOO_MANY_REQUESTS, "locked");
    app.call(
        "accounts/bind",
        &[("account_number", SPARE_ACCOUNT), ("phone_last4", "8821")],
    )
    .await
    .assert_error(StatusCode::TOO_MANY_REQUESTS, "locked");
}

#[tokio::test]
async fn binding_input_is_checked_field_by_field() {
    let app = spawn_app_with_demo().await;
    app.sign_in(RESIDENT).await;
    app.call(
        "accounts/bind",
        &[("account_number", ""), ("phone_last4", "8821")],
    )
    .await
    .assert_invalid("account_number", "required");
    app.call(
        "accounts/bind",
        &[("account_number", "31007654"), ("phone_last4", "8821")],
    )
    .await
    .assert_invalid("account_number", "malformed");
    app.call(
        "accounts/bind",
        &[("account_number", SPARE_ACCOUNT), ("phone_last4", "88x1")],
    )
    .await
    .assert_invalid("phone_last4", "malformed");
    app.call(
        "accounts/bind",
        &[
            ("account_number", &"1".repeat(100)),
            ("phone_last4", "8821"),
        ],
    )
    .await
    .assert_invalid("account_number", "too_long");
}

#[tokio::test]
async fn binding_needs_a_signed_in_person() {
    let app = spawn_app_with_demo().await;
    app.call(
        "accounts/bind",
        &[("account_number", SPARE_ACCOUNT), ("phone_last4", "8821")],
    )
    .await
    .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    app.call("accounts/list", &[])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
}

#[tokio::test]
async fn an_enterprise_owner_sees_every_site_of_the_organisation() {
    let app = spawn_app_with_demo().await;
    app.sign_in(OPS).await;
    let list = app.call("accounts/list", &[]).await.ok();
    let sites: Vec<&str> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| a["site_name"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        sites,
        [
            "Central Kitchen",
            "Harbor Road Store",
            "Cold Storage Warehouse"
        ]
    );
    assert!(
        list.as_array()
            .expect("list")
            .iter()
            .all(|a| a["organisation"] == "Harbor Foods Ltd.")
    );
}

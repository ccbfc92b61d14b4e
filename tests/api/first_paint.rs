//! The first view the server writes into a page (`server::pages`): in the visitor's language,
//! with the public pages' content readable before any script runs.

use crate::helpers::{RESIDENT, spawn_app_with_demo};
use gridcare::api::first_paint::FirstPaint;
use reqwest::StatusCode;

/// The page at `path` as a browser with `headers` first receives it, and what the server wrote
/// into it for the client.
async fn page(
    client: &reqwest::Client,
    url: String,
    headers: &[(&str, &str)],
) -> (String, FirstPaint) {
    let mut req = client.get(url);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = req.send().await.expect("answer");
    assert_eq!(res.status(), StatusCode::OK);
    let vary = res.headers()["vary"].to_str().expect("text").to_string();
    assert!(
        vary.contains("Cookie") && vary.contains("Accept-Language"),
        "{vary}"
    );
    let html = res.text().await.expect("body");
    let start = html
        .find("<script type=\"application/json\" id=\"first-paint\">")
        .expect("the first paint's data")
        + "<script type=\"application/json\" id=\"first-paint\">".len();
    let end = start + html[start..].find("</script>").expect("its end");
    let first = serde_json::from_str(&html[start..end]).expect("JSON");
    (html, first)
}

#[tokio::test]
async fn the_sign_in_page_arrives_with_its_form_in_the_visitors_language() {
    let app = spawn_app_with_demo().await;
    let (html, first) = page(
        &app.client,
        app.url("/signin"),
        &[("Accept-Language", "zh-CN,zh;q=0.9")],
    )
    .await;
    assert!(html.contains("<html lang=\"zh-CN\">"), "{html}");
    assert!(
        html.contains("<title>登录 GridCare · GridCare 网上营业厅</title>"),
        "{html}"
    );
    for words in ["登录 GridCare", "邮箱", "密码", "忘记密码？", "注册账号"] {
        assert!(html.contains(words), "{words} in {html}");
    }
    assert!(
        !html.contains("Loading GridCare"),
        "the shell's spinner is replaced"
    );
    assert_eq!(first.lang, "zh");
    assert_eq!(first.me, None);
    // The labels belong to their fields in the HTML itself.
    assert!(html.contains("<label for=\"field-email\""), "{html}");
    assert!(html.contains("id=\"field-email\""), "{html}");
    // The language a person chose wins over the browser's.
    let (html, first) = page(
        &app.client,
        app.url("/signin?next=%2Fbills"),
        &[("Accept-Language", "zh-CN"), ("Cookie", "gridcare_lang=en")],
    )
    .await;
    assert!(html.contains("<html lang=\"en\">"));
    for words in [
        "Sign in to GridCare",
        "Email",
        "Password",
        "Forgot your password?",
    ] {
        assert!(html.contains(words), "{words} in {html}");
    }
    assert_eq!(first.lang, "en");
}

#[tokio::test]
async fn the_outage_notices_are_in_the_page_itself() {
    let app = spawn_app_with_demo().await;
    let (html, first) = page(
        &app.client,
        app.url("/outages"),
        &[("Accept-Language", "en-GB")],
    )
    .await;
    for words in [
        "Outage notices",
        "Huangpu Harbor Road",
        "Cable fault on the 10 kV Harbor Road feeder",
        "Pudong Riverside",
        "Transformer replacement",
    ] {
        assert!(html.contains(words), "{words} in {html}");
    }
    assert!(!html.contains("(Your area)"));
    let notices = first.outages.and_then(|o| o.read()).expect("the notices");
    assert_eq!(notices.len(), 2);
    assert_eq!(
        app.call("outages/list", &[]).await.ok(),
        serde_json::to_value(&notices).unwrap()
    );
    // Signed in, the resident's own area is marked, and the header knows them.
    let resident = app.signed_in_browser(RESIDENT).await;
    let (html, first) = page(&resident, app.url("/outages"), &[]).await;
    assert!(html.contains("Pudong Riverside (Your area)"), "{html}");
    assert!(html.contains("Sign out"), "{html}");
    assert_eq!(first.me.map(|m| m.email), Some(RESIDENT.0.to_string()));
}

#[tokio::test]
async fn what_staff_write_in_a_notice_reaches_the_page_as_text() {
    let app = spawn_app_with_demo().await;
    let agent = app.agent().await;
    app.call_with(
        &agent,
        "staff/outage_save",
        &[
            ("outage_id", ""),
            ("kind", "grid_fault"),
            ("area", "Qingpu Village"),
            ("starts_at", "2026-11-27T09:30"),
            ("expected_end", "2026-11-27T13:00"),
            ("reason", "</script><script>alert(1)</script> <b>cut</b>"),
            ("ended", "false"),
        ],
    )
    .await
    .ok();
    let (html, first) = page(&app.client, app.url("/outages"), &[]).await;
    assert!(!html.contains("<script>alert(1)"), "{html}");
    assert!(!html.contains("<b>cut</b>"), "{html}");
    assert!(html.contains("&lt;b&gt;cut&lt;/b&gt;"), "{html}");
    let notices = first.outages.and_then(|o| o.read()).expect("the notices");
    assert!(
        notices
            .iter()
            .any(|n| n.reason.starts_with("</script><script>"))
    );
}

#[tokio::test]
async fn the_overview_arrives_with_the_customers_own_figures() {
    let app = spawn_app_with_demo().await;
    let resident = app.signed_in_browser(RESIDENT).await;
    let (html, first) = page(&resident, app.url("/"), &[("Accept-Language", "en")]).await;
    let asked = app.call_with(&resident, "bills/overview", &[]).await.ok();
    let overview = first.overview.and_then(|o| o.read()).expect("the overview");
    // The same answer the client would have asked for, and the page shows it.
    assert_eq!(serde_json::to_value(&overview).unwrap(), asked);
    assert!(!overview.accounts.is_empty());
    for words in ["Balance due", "Latest bill", "My service accounts"] {
        assert!(html.contains(words), "{words} in {html}");
    }
    assert!(html.contains(&overview.balance_due.to_string()), "{html}");
    for account in &overview.accounts {
        assert!(html.contains(&account.account_number), "{html}");
    }
    assert!(!html.contains("Loading"), "nothing left to load: {html}");
    // Another customer's first view holds none of the resident's accounts.
    let ops = app.signed_in_browser(crate::helpers::OPS).await;
    // (`?home`: their own overview; they hold no accounts, so `/` is their organisation's.)
    let (html, first) = page(&ops, app.url("/?home"), &[]).await;
    let theirs = first
        .overview
        .and_then(|o| o.read())
        .expect("their overview");
    for account in &overview.accounts {
        assert!(!html.contains(&account.account_number), "{html}");
        assert!(
            theirs
                .accounts
                .iter()
                .all(|a| a.account_number != account.account_number)
        );
    }
}

#[tokio::test]
async fn someone_who_only_acts_for_an_organisation_opens_on_its_dashboard() {
    let app = spawn_app_with_demo().await;
    let no_redirects = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    app.try_sign_in_with(&no_redirects, crate::helpers::OPS)
        .await
        .ok();
    let org = app
        .call_with(&no_redirects, "auth/current_user", &[])
        .await
        .ok()["organisations"][0]["organisation_id"]
        .as_i64()
        .expect("their organisation");
    let res = no_redirects.get(app.url("/")).send().await.expect("answer");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()["location"].to_str().expect("text"),
        format!("/business/{org}")
    );
    // Their own overview is still theirs to open.
    let res = no_redirects
        .get(app.url("/?home"))
        .send()
        .await
        .expect("answer");
    assert_eq!(res.status(), StatusCode::OK);
    // Someone with accounts of their own opens on them.
    let resident = app.signed_in_browser(RESIDENT).await;
    let (_, first) = page(&resident, app.url("/"), &[]).await;
    assert!(first.me.expect("signed in").home_accounts);
}

#[tokio::test]
async fn care_mode_is_kept_for_the_person_and_the_page_is_written_in_it() {
    let app = spawn_app_with_demo().await;
    // Nobody signed in: nothing to keep it for (the browser's cookie does).
    app.call("auth/care_mode", &[("on", "true")])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "not_signed_in");
    let (html, _) = page(
        &app.client,
        app.url("/signin"),
        &[("Cookie", "gridcare_care=1")],
    )
    .await;
    assert!(html.contains("<html lang=\"en\" class=\"care\">"), "{html}");
    let (html, _) = page(&app.client, app.url("/signin"), &[]).await;
    assert!(html.contains("<html lang=\"en\">"), "{html}");

    let resident = app.signed_in_browser(RESIDENT).await;
    let ops = app.signed_in_browser(crate::helpers::OPS).await;
    app.call_with(&resident, "auth/care_mode", &[("on", "true")])
        .await
        .ok();
    // Theirs, on every browser they sign in on, whatever that browser's cookie says; nobody
    // else's.
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let url = app.url("/").parse().expect("an address");
    jar.add_cookie_str("gridcare_care=0; Path=/", &url);
    let phone = reqwest::Client::builder()
        .cookie_provider(jar)
        .build()
        .expect("client");
    app.try_sign_in_with(&phone, RESIDENT).await.ok();
    let (html, first) = page(&phone, app.url("/bills"), &[]).await;
    assert!(first.me.expect("signed in").care);
    assert!(html.contains("class=\"care\""), "{html}");
    let (html, first) = page(&ops, app.url("/?home"), &[]).await;
    assert!(!first.me.expect("signed in").care);
    assert!(!html.contains("class=\"care\""), "{html}");
    // Off again.
    app.call_with(&phone, "auth/care_mode", &[("on", "false")])
        .await
        .ok();
    let who = app
        .call_with(&resident, "auth/current_user", &[])
        .await
        .ok();
    assert_eq!(who["care"], false);
    app.call_with(&resident, "auth/care_mode", &[("on", "maybe")])
        .await
        .assert_invalid("care_mode", "not_allowed");
}

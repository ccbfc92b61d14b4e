//! Enterprise accounts in the browser: the Harbor Foods owner invites a viewer, who accepts in
//! a browser of their own, reads the three sites and their bills and cannot file a repair; the
//! owner exports the bills as CSV and the file holds exactly the bills the tables hold.

use crate::browser::start;

#[tokio::test]
async fn the_owner_invites_a_viewer_who_reads_but_cannot_file_and_the_export_matches_the_bills() {
    let owner = start(1280, 900).await;
    owner
        .sign_in(
            "ops@example.com",
            "demo-enterprise-2026",
            // They hold no accounts of their own: they start where their work is.
            "Harbor Foods Ltd.",
        )
        .await;
    // The switcher in the header says whom they act for; "Myself (home)" is their own
    // overview, which offers the organisation too.
    let switch = owner.field("Acting for").await;
    assert_eq!(
        owner
            .client
            .execute(
                "return arguments[0].selectedOptions[0].text;",
                vec![serde_json::to_value(&switch).expect("an element")]
            )
            .await
            .expect("the chosen option"),
        "Harbor Foods Ltd."
    );
    owner.choose("Acting for", "Myself (home)").await;
    owner.heading("Welcome, Chen Jing").await;
    owner
        .wait_for("//h2[normalize-space(.)='Your organisations']")
        .await;
    owner.follow("Open the dashboard").await;
    owner.heading("Harbor Foods Ltd.").await;
    assert_eq!(
        owner
            .text("//section[@aria-labelledby='sites-heading']/p[@class='stat-value']")
            .await,
        "3"
    );
    owner
        .wait_for("//*[local-name()='svg' and @role='img']/*[local-name()='title' and normalize-space(.)='Latest billing month and the month before']")
        .await;
    owner.choose("Sort the table by", "Cost, latest").await;
    owner.assert_accessible("business dashboard").await;

    // Invite a viewer; the link is shown to pass on.
    owner.follow("Members").await;
    owner.heading("Members").await;
    owner.fill("Email", "buyer@harborfoods.example").await;
    owner.choose("Role", "Viewer").await;
    owner.press("Send invitation").await;
    // The list is read again with the new invitation; the link stays shown above it.
    owner.wait_for("//td[normalize-space(.)='Pending']").await;
    let link = owner
        .wait_for("//input[@id='invitation-link']")
        .await
        .prop("value")
        .await
        .expect("a value")
        .expect("the link");
    assert!(link.contains("/business/join/"), "{link}");
    owner.assert_accessible("members with an invitation").await;

    // The viewer, on a phone, opens the link: signs up, comes back to it, accepts.
    let viewer = owner.another_browser(360, 740).await;
    viewer.client.goto(&link).await.expect("open the link");
    viewer.heading("Sign in to GridCare").await;
    viewer.follow("Create account").await;
    viewer.heading("Create your GridCare account").await;
    viewer.fill("Email", "buyer@harborfoods.example").await;
    viewer.fill("Password", "a passphrase for the buyer").await;
    viewer.press("Create account").await;
    viewer
        .wait_for("//div[@role='status']/h2[normalize-space(.)='Check your email']")
        .await;
    // The link in the mail confirms the address and leads back to the invitation.
    let confirm = viewer
        .mailed_link("buyer@harborfoods.example", "/verify-email")
        .await;
    assert!(confirm.contains("next=%2Fbusiness%2Fjoin%2F"), "{confirm}");
    viewer.client.goto(&confirm).await.expect("open the link");
    viewer.heading("Invitation").await;
    viewer
        .wait_for("//p[normalize-space(.)='Harbor Foods Ltd. invites you to join as Viewer.']")
        .await;
    viewer.assert_accessible("invitation").await;
    viewer.press("Accept invitation").await;
    viewer
        .wait_for(
            "//p[@role='status' and normalize-space(.)='You are now a member: Harbor Foods Ltd.']",
        )
        .await;
    viewer.follow("Open the dashboard").await;
    viewer.heading("Harbor Foods Ltd.").await;
    viewer.follow("Sites").await;
    viewer.heading("Sites").await;
    viewer
        .wait_for("//p[@role='status' and normalize-space(.)='3 sites match']")
        .await;
    assert!(
        !viewer.scrolls_sideways().await,
        "the sites list scrolls sideways at 360 px"
    );
    viewer.assert_accessible("sites (360 px)").await;
    for (site, number) in [
        ("Central Kitchen", "3200000001"),
        ("Harbor Road Store", "3200000002"),
        ("Cold Storage Warehouse", "3200000003"),
    ] {
        viewer.follow("Sites").await;
        viewer.follow(site).await;
        viewer.heading(site).await;
        assert_eq!(viewer.fact("Account number").await, number);
        let bills = viewer
            .client
            .find_all(fantoccini::Locator::XPath(
                "//section[@aria-labelledby='bills-heading']//tbody/tr",
            ))
            .await
            .expect("bill rows")
            .len();
        assert_eq!(bills, 24, "{site}");
        viewer
            .wait_for("//p[starts-with(normalize-space(.), 'Your role is viewer')]")
            .await;
    }
    assert!(
        !viewer.scrolls_sideways().await,
        "a site page scrolls sideways at 360 px"
    );
    viewer.assert_accessible("site page (360 px)").await;
    // No repair can be filed: no premises are offered, and the form says why.
    viewer.open("/repairs/new").await;
    viewer.heading("Report a fault").await;
    viewer
        .wait_for("//p[@role='status' and starts-with(normalize-space(.), 'Your role is viewer')]")
        .await;
    let offered = viewer
        .client
        .find_all(fantoccini::Locator::XPath(
            "//select[@id='report-account']/option[@value!='']",
        ))
        .await
        .expect("options")
        .len();
    assert_eq!(offered, 0, "a viewer is offered premises to report for");
    viewer.press("Send report").await;
    viewer
        .wait_for("//p[@id='report-account-error' and normalize-space(.)='Service account: this field is required']")
        .await;
    viewer.assert_accessible("report form for a viewer").await;
    viewer.finish().await;

    // The owner exports every bill of the last two years: 24 billing months of each site.
    use chrono::{Datelike, Months};
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let this_month = today.with_day(1).expect("first of month");
    let from = (this_month - Months::new(24)).to_string();
    let until = (this_month + Months::new(1)).to_string();
    owner.follow("Export").await;
    owner.heading("Export bills").await;
    owner.set_date("From", &from).await;
    owner.set_date("Until (not included)", &until).await;
    owner.assert_accessible("export").await;
    owner.follow("Download CSV").await;
    let (name, csv) = owner.downloaded("bills-").await;
    assert!(name.ends_with(".csv"), "{name}");
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(
        lines[0].starts_with("site,account_number,period_start"),
        "{}",
        lines[0]
    );
    use sqlx::Row;
    let bills = sqlx::query(
        "SELECT COALESCE(sa.site_name, '') AS site, sa.account_number, b.period_start,
                b.energy_centi_kwh, b.total_fen, b.due_on
         FROM bills b JOIN service_accounts sa ON sa.id = b.service_account_id
         JOIN organisations o ON o.id = sa.organisation_id
         WHERE o.name = 'Harbor Foods Ltd.' AND b.period_start >= $1",
    )
    .bind(&from)
    .fetch_all(owner.state.store.pool())
    .await
    .expect("bills");
    assert_eq!(bills.len(), 72);
    assert_eq!(lines.len(), 1 + bills.len(), "one line per bill");
    for b in &bills {
        let kwh = gridcare::domain::KilowattHours::from_centi(b.get("energy_centi_kwh"));
        let amount = gridcare::domain::Fen(b.get("total_fen"));
        let start: String = b.get("period_start");
        let expected = format!(
            "{},{},{start},",
            b.get::<String, _>("site"),
            b.get::<String, _>("account_number")
        );
        let line = lines
            .iter()
            .find(|l| l.starts_with(&expected))
            .unwrap_or_else(|| panic!("no line for {expected}"));
        let due: String = b.get("due_on");
        assert!(
            line.contains(&format!(",{kwh},{},", amount.plain())) && line.contains(&due),
            "{line}"
        );
    }
    owner.finish().await;
}

//! A connection application from both sides of the counter: the resident applies, the agent works
//! the case, the resident follows it.

use crate::browser::{Session, pdf_file, start_with_clock};
use chrono::{TimeZone, Utc};
use fantoccini::key::Key;
use gridcare::server::ManualClock;
use std::sync::Arc;

/// A small but real PDF (the server reads the type from the content).
/// The text of column `column` (1-based) in the timeline row of stage `stage`.
async fn stage_cell(s: &Session, stage: &str, column: usize) -> String {
    s.text(&format!(
        "//section[@aria-labelledby='progress-heading']//tr[*[1][normalize-space(.)='{stage}']]/*[{column}]"
    ))
    .await
}

#[tokio::test]
async fn the_resident_applies_for_an_ev_charger_and_follows_the_agents_work() {
    // Monday 23 November 2026, 09:00 in the utility's zone: five working days end on 30 November.
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap(),
    ));
    let resident = start_with_clock(360, 740, clock.clone()).await;
    resident
        .sign_in(
            "resident@example.com",
            "demo-resident-2026",
            "Welcome, Li Wei",
        )
        .await;
    resident.follow("Applications").await;
    resident.heading("My applications").await;
    resident.assert_accessible("my applications").await;
    resident.follow("Apply for a connection").await;
    resident.heading("Apply for a connection").await;
    resident.assert_focus_on_heading().await;

    // Leaving a step with gaps explains each one next to its field.
    resident.press("Next").await;
    resident
        .wait_for("//p[@id='apply-kind-error' and normalize-space(.)='Type of request: this field is required']")
        .await;
    resident
        .assert_accessible("application, what (with errors)")
        .await;
    resident.choose("Type of request", "EV charger").await;
    resident.choose("Customer category", "Residential").await;
    resident.choose("Service account", "3100123456").await;
    resident.fill("Capacity (kW)", "7").await;
    resident.choose("Supply voltage", "220 V").await;
    assert!(
        !resident.scrolls_sideways().await,
        "the form scrolls sideways at 360 px"
    );
    resident.press("Next").await;
    resident.fill("Contact name", "Li Wei").await;
    // By keyboard: from the phone field, Tab past "Back" to "Next" and press Enter.
    resident
        .fill(
            "Contact phone",
            &format!("13800138000{}{}{}", Key::Tab, Key::Tab, Key::Enter),
        )
        .await;
    resident
        .wait_for("//h2[@id='step-documents' and not(ancestor::*[@hidden])]")
        .await;
    resident
        .attach("Identity card", &pdf_file("id-card.pdf"))
        .await;
    resident
        .wait_for("//*[@role='status']//li[starts-with(normalize-space(.), 'Uploaded: ') and contains(normalize-space(.), 'id-card.pdf')]")
        .await;
    resident.assert_accessible("application, documents").await;
    resident.press("Next").await;
    assert_eq!(resident.fact("Type of request").await, "EV charger");
    assert_eq!(resident.fact("Capacity").await, "7.00 kW");
    resident.assert_accessible("application, review").await;
    resident.press("Submit application").await;

    let heading = resident.heading_containing("EV charger YK-2026-").await;
    let number = heading.trim_start_matches("EV charger ").to_string();
    assert_eq!(resident.fact("Next deadline").await, "30 November 2026");
    assert_eq!(
        stage_cell(&resident, "Application accepted", 6).await,
        "In progress"
    );
    assert!(
        !resident.scrolls_sideways().await,
        "the case scrolls sideways at 360 px"
    );
    resident.assert_accessible("application detail (new)").await;

    // The agent, at another desk, finishes the acceptance and asks for the EV papers.
    let agent = resident.another_browser(1280, 900).await;
    agent
        .sign_in("agent@example.com", "demo-agent-2026", "Welcome, Wang Fang")
        .await;
    agent.follow("Work queue").await;
    agent.heading("Connection work queue").await;
    agent.assert_accessible("work queue").await;
    agent.follow(&number).await;
    agent.heading(&heading).await;
    agent.assert_accessible("staff case").await;
    agent.replace("Note", "Accepted; survey booked.").await;
    agent.press("Finish this stage").await;
    stage_cell(&agent, "Site survey", 6).await;
    agent
        .wait_for("//section[@aria-labelledby='progress-heading']//tr[@aria-current='step']/*[1][normalize-space(.)='Site survey']")
        .await;
    agent
        .replace("Note", "Please upload the parking-space proof.")
        .await;
    agent.press("Ask the customer").await;
    agent
        .wait_for("//ul[contains(@class,'history')]//strong[contains(., 'Asked the customer')]")
        .await;

    // Two working days later the resident answers; those days do not count against the utility.
    clock.advance(2 * 24 * 3600);
    resident.client.refresh().await.expect("reload");
    resident.heading(&heading).await;
    resident
        .wait_for("//h2[normalize-space(.)='We need something from you']")
        .await;
    resident
        .wait_for(
            "//p[@class='note' and normalize-space(.)='Please upload the parking-space proof.']",
        )
        .await;
    resident
        .assert_accessible("application detail (asked)")
        .await;
    resident
        .attach("Parking-space proof", &pdf_file("parking.pdf"))
        .await;
    resident
        .wait_for("//li[contains(normalize-space(.), 'parking.pdf')]")
        .await;
    resident.press("Send to the utility").await;
    resident
        .wait_for("//ul[contains(@class,'history')]//strong[contains(., 'Customer answered')]")
        .await;
    assert_eq!(resident.fact("Next deadline").await, "2 December 2026");

    // The agent finishes the survey: the case moves to the meter and power-on stage. Two
    // days on, the agent's session (a working day at most) has ended: the reload asks for a
    // sign-in, which leads back to the case.
    let case_page = agent
        .client
        .current_url()
        .await
        .expect("the case's address");
    agent.client.refresh().await.expect("reload");
    agent.heading("Sign in to GridCare").await;
    agent.fill("Email", "agent@example.com").await;
    agent.fill("Password", "demo-agent-2026").await;
    agent.press("Sign in").await;
    let code = agent
        .fresh_code(
            "agent@example.com",
            gridcare::server::seed::DEMO_STAFF_TOTP[0].1,
        )
        .await;
    agent.fill("Code from your authenticator app", &code).await;
    agent.press("Sign in").await;
    agent.heading(&heading).await;
    assert_eq!(
        agent.client.current_url().await.expect("an address").path(),
        case_page.path()
    );
    agent
        .replace("Note", "Survey done; meter on Tuesday.")
        .await;
    agent.press("Finish this stage").await;
    agent
        .wait_for("//section[@aria-labelledby='progress-heading']//tr[@aria-current='step']/*[1][normalize-space(.)='Meter installed and power on']")
        .await;
    agent.finish().await;

    resident.client.refresh().await.expect("reload");
    resident.heading(&heading).await;
    resident
        .wait_for("//section[@aria-labelledby='progress-heading']//tr[@aria-current='step']/*[1][normalize-space(.)='Meter installed and power on']")
        .await;
    assert_eq!(
        stage_cell(&resident, "Application accepted", 5).await,
        "23 November 2026"
    );
    assert_eq!(
        stage_cell(&resident, "Site survey", 3).await,
        "23 November 2026"
    );
    assert_eq!(
        stage_cell(&resident, "Site survey", 5).await,
        "25 November 2026"
    );
    assert_eq!(
        stage_cell(&resident, "Meter installed and power on", 6).await,
        "In progress"
    );
    assert_eq!(resident.fact("Next deadline").await, "2 December 2026");
    // The note meant for the customer is shown to them.
    resident
        .wait_for("//p[@class='note' and normalize-space(.)='Survey done; meter on Tuesday.']")
        .await;
    assert!(
        !resident.scrolls_sideways().await,
        "the case scrolls sideways at 360 px"
    );
    resident
        .assert_accessible("application detail (two stages on)")
        .await;
    resident.finish().await;
}

//! Repairs from both sides: the resident reports a fault and watches the crew come without
//! reloading; a site inside a known outage is shown that outage before a duplicate report.

use crate::browser::{Session, start};
use std::time::{Duration, Instant};

/// Waits until the fact `term` reads `value`, without reloading; returns how long it took.
async fn until_fact(s: &Session, term: &str, value: &str, within: Duration) -> Duration {
    let started = Instant::now();
    loop {
        if s.fact(term).await == value {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < within,
            "{term} did not become {value:?} within {within:?}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Sets an input's value as a person would (date and time pickers differ between browsers).
async fn set_value(s: &Session, id: &str, value: &str) {
    s.script(&format!(
        "const el = document.getElementById('{id}'); el.value = '{value}';
         el.dispatchEvent(new Event('input', {{ bubbles: true }})); return true;"
    ))
    .await;
}

#[tokio::test]
async fn the_resident_reports_no_power_and_sees_the_crew_dispatched_without_a_reload() {
    let resident = start(360, 740).await;
    resident
        .sign_in(
            "resident@example.com",
            "demo-resident-2026",
            "Welcome, Li Wei",
        )
        .await;
    resident.follow("Repairs").await;
    resident.heading("My repair tickets").await;
    resident.assert_accessible("my repair tickets").await;
    resident.follow("Report a fault").await;
    resident.heading("Report a fault").await;

    // Sending an empty form explains each gap beside its field.
    resident.press("Send report").await;
    resident
        .wait_for("//p[@id='report-description-error' and normalize-space(.)='What happened: this field is required']")
        .await;
    resident
        .assert_accessible("report a fault (with errors)")
        .await;

    // "Anyone in danger?" shows the safety advice at once.
    resident
        .wait_for("//label[normalize-space(.)='Yes']/input")
        .await
        .click()
        .await
        .expect("click");
    resident
        .wait_for("//*[@role='alert']/h2[normalize-space(.)='Stay safe']")
        .await;
    resident.assert_accessible("report a fault (danger)").await;
    resident
        .wait_for("//label[normalize-space(.)='No']/input")
        .await
        .click()
        .await
        .expect("click");

    resident.choose("Service account", "3100123456").await;
    resident.choose("Type of request", "No power at all").await;
    resident
        .fill("What happened", "The whole flat went dark at 9 pm.")
        .await;
    resident.fill("Contact phone", "13800005678").await;
    assert!(
        !resident.scrolls_sideways().await,
        "the report form scrolls sideways at 360 px"
    );
    resident.press("Send report").await;
    let heading = resident
        .heading_containing("No power at all BX-2026-")
        .await;
    let number = heading.trim_start_matches("No power at all ").to_string();
    assert_eq!(resident.fact("Status").await, "Reported");
    assert!(
        resident.fact("Crew arrival").await.contains("minutes left"),
        "an arrival countdown"
    );
    assert!(
        !resident.scrolls_sideways().await,
        "the ticket scrolls sideways at 360 px"
    );
    resident.assert_accessible("ticket (reported)").await;

    // The agent, in another browser, dispatches a crew from the staff console.
    let agent = resident.another_browser(1280, 900).await;
    agent
        .sign_in("agent@example.com", "demo-agent-2026", "Welcome, Wang Fang")
        .await;
    agent.follow("Repair tickets").await;
    agent.heading("Repair tickets").await;
    agent.assert_accessible("ticket queue").await;
    agent.follow(&number).await;
    agent.heading(&heading).await;
    agent.fill("Crew", "Crew 9 (Pudong)").await;
    agent.fill("Expected arrival (minutes)", "25").await;
    agent.assert_accessible("staff ticket").await;
    agent.press("Dispatch").await;
    let dispatched = Instant::now();
    until_fact(&agent, "Status", "Crew dispatched", Duration::from_secs(10)).await;

    // The resident's open page shows it by itself, within 15 seconds, with no reload.
    until_fact(
        &resident,
        "Status",
        "Crew dispatched",
        Duration::from_secs(15),
    )
    .await;
    let seen = dispatched.elapsed();
    println!("the resident saw the dispatch {seen:?} after the agent pressed Dispatch");
    assert!(seen <= Duration::from_secs(15), "{seen:?}");
    assert_eq!(resident.fact("Crew").await, "Crew 9 (Pudong)");
    assert!(!resident.fact("Expected arrival").await.is_empty());
    resident.assert_accessible("ticket (dispatched)").await;

    // Outage notices: short-notice planned work is refused; temporary maintenance is published.
    agent.open("/staff/outages").await;
    agent.heading("Outage notices").await;
    agent.assert_accessible("staff outage notices").await;
    let tomorrow = (chrono::Utc::now() + chrono::Duration::hours(8 + 24)).date_naive();
    agent.choose("Type of request", "Planned work").await;
    agent.fill("Area", "Qingpu Village").await;
    set_value(&agent, "notice-starts", &format!("{tomorrow}T09:00")).await;
    set_value(&agent, "notice-ends", &format!("{tomorrow}T12:00")).await;
    agent.fill("Reason", "Line maintenance").await;
    agent.press("Publish notice").await;
    agent
        .wait_for("//p[@id='notice-starts-error' and contains(normalize-space(.), 'at least 7 days ahead')]")
        .await;
    agent
        .assert_accessible("staff outage notices (refused)")
        .await;
    agent
        .choose("Type of request", "Temporary maintenance")
        .await;
    agent.press("Publish notice").await;
    agent
        .wait_for("//h2[normalize-space(.)='Temporary maintenance · Qingpu Village']")
        .await;
    agent.finish().await;
    resident.finish().await;
}

#[tokio::test]
async fn the_harbor_foods_owner_reporting_inside_the_outage_is_shown_it_first() {
    let s = start(1280, 900).await;
    s.sign_in(
        "ops@example.com",
        "demo-enterprise-2026",
        "Harbor Foods Ltd.",
    )
    .await;
    s.open("/repairs/new").await;
    s.heading("Report a fault").await;
    // On a phone the photo field offers the camera that faces away.
    assert_eq!(
        s.field("Photo (optional)")
            .await
            .attr("capture")
            .await
            .expect("an attribute")
            .as_deref(),
        Some("environment")
    );
    s.choose("Service account", "3200000002").await;
    s.wait_for("//h2[normalize-space(.)='There is a known outage at this address']")
        .await;
    s.wait_for("//strong[normalize-space(.)='Grid fault · Huangpu Harbor Road']")
        .await;
    s.assert_accessible("report a fault (known outage)").await;
    s.follow("Follow this outage").await;
    s.heading("Outage notices").await;
    s.wait_for("//h2[normalize-space(.)='Grid fault · Huangpu Harbor Road (Your area)']")
        .await;
    s.assert_accessible("outage notices").await;
    s.finish().await;
}

#[tokio::test]
async fn the_supervisor_reads_the_dashboard_and_the_agent_the_feedback_queue() {
    let s = start(1280, 900).await;
    s.sign_in(
        "supervisor@example.com",
        "demo-supervisor-2026",
        "Welcome, Zhao Min",
    )
    .await;
    s.follow("Dashboard").await;
    s.heading("Service supervision").await;
    // Twelve months of demo ratings: a share, an average, and a chart with its table.
    let share = s.fact("Satisfaction (4–5 stars)").await;
    assert!(share.ends_with('%'), "{share}");
    s.wait_for("//*[local-name()='svg' and @role='img']/*[local-name()='title' and contains(., 'By month')]")
        .await;
    s.wait_for("//h2[normalize-space(.)='On time, per commitment']")
        .await;
    s.assert_accessible("supervision dashboard").await;
    s.follow("Feedback").await;
    s.heading("Feedback cases").await;
    s.assert_accessible("feedback queue").await;
    s.finish().await;
}

#[tokio::test]
async fn without_scripts_the_outage_notices_and_the_sign_in_form_are_still_there() {
    let s = start(360, 740).await;
    let plain = s.browser_without_scripts(360, 740).await;
    // The sign-in page says scripts are off (only a browser without them shows a <noscript>),
    // and its form is there, labelled, before any program runs.
    plain.open("/signin").await;
    plain.heading("Sign in to GridCare").await;
    plain
        .wait_for("//p[normalize-space(.)='Signing in needs JavaScript. The outage notices work without it.']")
        .await;
    plain.field("Email").await;
    plain.field("Password").await;
    plain.follow("Outages").await;
    plain.heading("Outage notices").await;
    plain
        .wait_for("//h2[normalize-space(.)='Grid fault · Huangpu Harbor Road']")
        .await;
    plain
        .wait_for("//h2[normalize-space(.)='Planned work · Pudong Riverside']")
        .await;
    assert_eq!(
        plain.fact("Reason").await,
        "Cable fault on the 10 kV Harbor Road feeder; crews are repairing it."
    );
    assert!(!plain.scrolls_sideways().await);
    plain.finish().await;
    // With scripts, the same page takes over without a request for the notices it was sent.
    s.open("/outages").await;
    s.heading("Outage notices").await;
    s.wait_for("//h2[normalize-space(.)='Grid fault · Huangpu Harbor Road']")
        .await;
    s.assert_accessible("outage notices (first paint)").await;
    s.finish().await;
}

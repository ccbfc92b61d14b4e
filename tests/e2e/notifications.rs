//! Telling people first, in a browser: the agent dispatches the resident's repair and the
//! resident's bell rises without a reload; the notice opens the ticket; the mail server on
//! loopback received the email in the language the resident chose.

use crate::browser::start;
use std::time::{Duration, Instant};

#[tokio::test]
async fn the_residents_bell_rises_when_the_crew_is_dispatched_and_the_email_is_in_chinese() {
    let resident = start(360, 740).await;
    resident
        .sign_in(
            "resident@example.com",
            "demo-resident-2026",
            "Welcome, Li Wei",
        )
        .await;

    // Emails and texts in Chinese, chosen on the settings page.
    resident.follow("Notifications").await;
    resident.heading("Notifications").await;
    resident.assert_accessible("notifications").await;
    resident.follow("Notification settings").await;
    resident.heading("Notification settings").await;
    resident
        .choose("Language of emails and texts", "中文")
        .await;
    resident.fill("Mobile number for texts", "12345").await;
    resident.press("Save settings").await;
    resident
        .wait_for("//p[@id='notice-mobile-error' and starts-with(normalize-space(.), 'Mobile number') and contains(., 'is not in the expected form')]")
        .await;
    resident
        .replace("Mobile number for texts", "138 0013 8000")
        .await;
    resident.press("Save settings").await;
    resident
        .wait_for("//p[@role='status' and normalize-space(.)='Your settings are saved.']")
        .await;
    assert!(
        !resident.scrolls_sideways().await,
        "settings scroll sideways at 360 px"
    );
    resident.assert_accessible("notification settings").await;

    // A report, as in the repairs journey.
    resident.open("/repairs/new").await;
    resident.heading("Report a fault").await;
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
    resident.press("Send report").await;
    let heading = resident
        .heading_containing("No power at all BX-2026-")
        .await;
    let number = heading.trim_start_matches("No power at all ").to_string();

    // The bell's count now (the demo's bills may have put notices there already).
    let bell = "//header//a[starts-with(@aria-label, 'Notifications')]";
    let label = resident
        .wait_for(bell)
        .await
        .attr("aria-label")
        .await
        .expect("a label")
        .unwrap_or_default();
    let before: i64 = label
        .split(", ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);

    let agent = resident.another_browser(1280, 900).await;
    agent
        .sign_in("agent@example.com", "demo-agent-2026", "Welcome, Wang Fang")
        .await;
    agent.follow("Repair tickets").await;
    agent.follow(&number).await;
    agent.fill("Crew", "Crew 9 (Pudong)").await;
    agent.fill("Expected arrival (minutes)", "25").await;
    agent.press("Dispatch").await;
    let dispatched = Instant::now();

    // The bell rises by itself, within 15 seconds.
    let expected = format!("Notifications, {} unread", before + 1);
    resident
        .wait_for(&format!("//header//a[@aria-label='{expected}']"))
        .await;
    let seen = dispatched.elapsed();
    println!("the bell rose {seen:?} after the agent pressed Dispatch");
    assert!(seen <= Duration::from_secs(15), "{seen:?}");
    resident
        .assert_accessible("ticket with the bell raised")
        .await;

    // The notice opens the ticket.
    resident.follow("Notifications").await;
    resident.heading("Notifications").await;
    resident.follow(&format!("Crew on the way: {number}")).await;
    resident.heading(&heading).await;

    // The loopback mail server has the email, in Chinese.
    let mail = resident.mail.clone().expect("the demo's mail server");
    let started = Instant::now();
    let email = loop {
        let found = mail
            .received()
            .into_iter()
            .find(|m| m.subject().contains(&number));
        if let Some(m) = found {
            break m;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "no email about {number}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    println!(
        "the email reached the SMTP server {:?} after the agent pressed Dispatch",
        email.at.saturating_duration_since(dispatched)
    );
    assert_eq!(email.to, ["resident@example.com"]);
    assert_eq!(email.subject(), format!("抢修人员已出发：{number}"));
    assert_eq!(email.header("Content-Language").as_deref(), Some("zh-CN"));

    // Staff see the message in the outbox.
    agent.follow("Outbox").await;
    agent.heading("Outbox").await;
    agent
        .wait_for("//td[normalize-space(.)='resident@example.com']")
        .await;
    agent.assert_accessible("staff outbox").await;
    agent.finish().await;
    resident.finish().await;
}

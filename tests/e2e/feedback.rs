//! Rating the service and feedback cases from both sides: the resident rates a finished repair,
//! complains about it, reads the agent's reply, is not satisfied and sees the case reopen; the
//! supervisor's satisfaction figure takes in the new rating.

use crate::browser::{pdf_file, start};

#[tokio::test]
async fn the_resident_rates_a_repair_complains_and_reopens_and_the_supervisor_sees_it() {
    let supervisor = start(1280, 900).await;
    supervisor
        .sign_in(
            "supervisor@example.com",
            "demo-supervisor-2026",
            "Welcome, Zhao Min",
        )
        .await;
    supervisor.open("/staff/dashboard").await;
    supervisor.heading("Service supervision").await;
    // Twelve months of demo ratings: 25 of 41 gave 4 or 5 stars.
    assert_eq!(supervisor.fact("Ratings").await, "41");
    assert_eq!(supervisor.fact("Satisfaction (4–5 stars)").await, "61.0 %");

    let resident = supervisor.another_browser(360, 740).await;
    resident
        .sign_in(
            "resident@example.com",
            "demo-resident-2026",
            "Welcome, Li Wei",
        )
        .await;
    // The overview invites a rating of the repair finished three weeks ago; the link leads
    // from the portal into the services client.
    resident
        .wait_for("//h2[normalize-space(.)='How did we do?']")
        .await;
    resident
        .assert_accessible("overview with a rating invitation")
        .await;
    resident.follow("Repair BX-2026-000001").await;
    resident.heading_containing("BX-2026-000001").await;
    resident
        .wait_for("//label[normalize-space(.)='4 stars']/input")
        .await
        .click()
        .await
        .expect("click");
    resident
        .wait_for("//label[normalize-space(.)='Speed']/input")
        .await
        .click()
        .await
        .expect("click");
    resident.press("Send rating").await;
    resident
        .wait_for("//p[@role='status' and normalize-space(.)='Thank you: your rating is saved.']")
        .await;
    resident.assert_accessible("ticket with its rating").await;
    assert!(
        !resident.scrolls_sideways().await,
        "the rating card scrolls sideways at 360 px"
    );

    // A complaint about the same repair, from its page.
    resident.follow("Complaint or comment about this job").await;
    resident.heading("Give feedback").await;
    resident
        .wait_for("//p[normalize-space(.)='About: Repair BX-2026-000001']")
        .await;
    resident.press("Send feedback").await;
    resident
        .wait_for("//p[@id='feedback-kind-error' and normalize-space(.)='Type of feedback: this field is required']")
        .await;
    resident
        .assert_accessible("feedback form with errors")
        .await;
    resident.choose("Type of feedback", "Complaint").await;
    resident
        .wait_for("//p[contains(normalize-space(.), 'a call back and a written reply')]")
        .await;
    resident.choose("What it is about", "Power supply").await;
    resident
        .fill(
            "Tell us what happened",
            "The crew came on time but the power failed again the same evening.",
        )
        .await;
    resident
        .attach(
            "Attachments (optional): up to 5 files; PDF, JPEG or PNG, at most 5 MB each",
            &pdf_file("outage-log.pdf"),
        )
        .await;
    resident
        .wait_for("//li[contains(normalize-space(.), 'outage-log.pdf')]")
        .await;
    assert!(
        !resident.scrolls_sideways().await,
        "the feedback form scrolls sideways at 360 px"
    );
    resident.press("Send feedback").await;
    let heading = resident.heading_containing("Complaint TS-").await;
    let number = heading.trim_start_matches("Complaint ").to_string();
    assert_eq!(resident.fact("Status").await, "Received");
    let contact = resident.fact("Contact the customer by").await;
    assert!(
        contact.contains("left") || contact.contains("due today"),
        "{contact}"
    );
    let reply_by = resident.fact("Reply by").await;
    assert!(reply_by.contains("days left"), "{reply_by}");
    resident
        .wait_for("//dd/a[contains(normalize-space(.), 'outage-log.pdf')]")
        .await;
    resident
        .wait_for("//p[normalize-space(.)='We have not replied yet.']")
        .await;
    resident.assert_accessible("complaint just filed").await;

    // The agent replies from the staff console.
    let agent = supervisor.another_browser(1280, 900).await;
    agent
        .sign_in("agent@example.com", "demo-agent-2026", "Welcome, Wang Fang")
        .await;
    agent.follow("Feedback").await;
    agent.heading("Feedback cases").await;
    agent.follow(&number).await;
    agent.heading(&heading).await;
    agent
        .fill(
            "Reply",
            "We replaced a loose fuse at the cabinet; the line is stable now.",
        )
        .await;
    agent.press("Send reply").await;
    agent
        .wait_for("//dt[normalize-space(.)='Status']/following-sibling::dd[1][normalize-space(.)='Answered']")
        .await;
    agent
        .assert_accessible("staff feedback case answered")
        .await;
    agent.finish().await;

    // The resident reads the reply and is not satisfied: the case opens again.
    resident.client.refresh().await.expect("reload");
    resident.heading(&heading).await;
    resident
        .wait_for("//p[normalize-space(.)='We replaced a loose fuse at the cabinet; the line is stable now.']")
        .await;
    resident
        .wait_for("//h2[normalize-space(.)='Are you satisfied with our answer?']")
        .await;
    resident.assert_accessible("answered complaint").await;
    resident
        .wait_for("//label[normalize-space(.)='No, not satisfied']/input")
        .await
        .click()
        .await
        .expect("click");
    resident.press("Send answer").await;
    resident
        .wait_for("//p[@id='confirm-reason-error' and normalize-space(.)='What is still wrong?: this field is required']")
        .await;
    resident
        .fill("What is still wrong?", "It failed again this morning.")
        .await;
    resident.press("Send answer").await;
    resident
        .wait_for(
            "//p[@role='status' and starts-with(normalize-space(.), 'The case is open again')]",
        )
        .await;
    resident
        .wait_for("//dt[normalize-space(.)='Status']/following-sibling::dd[1][normalize-space(.)='Received']")
        .await;
    assert_eq!(resident.fact("Round").await, "2 (reopened)");
    let contact = resident.fact("Contact the customer by").await;
    assert!(!contact.contains("Late"), "fresh deadlines: {contact}");
    resident
        .wait_for("//li/strong[contains(., 'Customer not satisfied: reopened')]")
        .await;
    assert!(
        !resident.scrolls_sideways().await,
        "the complaint page scrolls sideways at 360 px"
    );
    resident.assert_accessible("reopened complaint").await;
    // My feedback lists it.
    resident.follow("Feedback").await;
    resident.heading("My feedback").await;
    resident
        .wait_for(&format!("//a[normalize-space(.)='{number}']"))
        .await;
    resident.assert_accessible("my feedback").await;

    resident.open("/outages").await;
    resident.heading("Outage notices").await;
    assert!(
        !resident.scrolls_sideways().await,
        "the outage notices scroll sideways at 360 px"
    );
    resident.assert_accessible("outage notices (360 px)").await;
    resident.finish().await;

    // The new rating is in the figure: 26 of 42.
    supervisor.client.refresh().await.expect("reload");
    supervisor.heading("Service supervision").await;
    assert_eq!(supervisor.fact("Ratings").await, "42");
    assert_eq!(supervisor.fact("Satisfaction (4–5 stars)").await, "61.9 %");
    supervisor.finish().await;
}

//! Paying in the browser through the demo's payment sandbox: the resident pays the latest bill
//! on a phone and gets a receipt; a failed payment is said plainly and pays nothing; the
//! Harbor Foods owner pays two sites in one payment.

use crate::browser::{Session, start};
use fantoccini::Locator;
use std::time::Duration;

/// Presses the button named `name` on the sandbox's own page (not GridCare's app). The page is
/// on its way when this is called: a look that the navigation cuts short is made again.
async fn on_sandbox_press(s: &Session, name: &str) {
    let xpath = format!("//button[starts-with(normalize-space(.), '{name}')]");
    let started = std::time::Instant::now();
    let wait = Duration::from_secs(20);
    let button = loop {
        let left = wait.saturating_sub(started.elapsed());
        match s
            .client
            .wait()
            .at_most(left)
            .for_element(Locator::XPath(&xpath))
            .await
        {
            Ok(button) => break button,
            Err(e) if e.to_string().contains("aborted by navigation") && !left.is_zero() => {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("no {name} button on the sandbox page: {e}"),
        }
    };
    button.click().await.expect("click");
}

#[tokio::test]
async fn the_resident_pays_the_latest_bill_on_a_phone_and_a_failed_payment_pays_nothing() {
    let s = start(360, 740).await;
    s.sign_in(
        "resident@example.com",
        "demo-resident-2026",
        "Welcome, Li Wei",
    )
    .await;
    let owed = s
        .text("//section[@aria-labelledby='balance-heading']/p[@class='stat-value']")
        .await;
    assert!(owed.starts_with('¥') && owed != "¥0.00", "{owed}");

    // First a payment that fails at the provider.
    s.follow("Pay").await;
    s.heading("Pay").await;
    assert_eq!(s.fact("Balance due").await, owed);
    // The slip for paying at a bank or a counter carries the account's reference.
    assert_eq!(
        s.fact("Payment reference").await,
        gridcare::domain::ledger::offline_reference("3100123456")
    );
    s.assert_accessible("pay").await;
    s.press("Pay").await;
    on_sandbox_press(&s, "Fail").await;
    s.heading("Payment").await;
    s.wait_for("//div[@role='status']//strong[normalize-space(.)='The payment failed. Nothing was taken, and your bill is still unpaid.']")
        .await;
    s.assert_accessible("a failed payment").await;

    // Then again from the bill itself, and it goes through.
    s.open("/").await;
    s.follow("View bill").await;
    s.heading_containing("Bill for").await;
    s.wait_for("//span[contains(@class, 'badge')][normalize-space(.)='Unpaid']")
        .await;
    s.follow("Pay this bill").await;
    s.heading("Pay").await;
    let amount = s
        .field("Amount (¥)")
        .await
        .prop("value")
        .await
        .expect("a value");
    assert_eq!(
        amount.as_deref(),
        Some(owed.trim_start_matches('¥').replace(',', "").as_str())
    );
    s.press("Pay").await;
    on_sandbox_press(&s, "Pay ¥").await;
    s.heading("Payment").await;
    s.wait_for("//div[@role='status']//strong[normalize-space(.)='Paid. Thank you!']")
        .await;
    s.follow("Receipt for account 3100123456").await;
    s.heading("Receipt").await;
    assert_eq!(s.fact("Amount").await, owed);
    assert_eq!(s.fact("Paid by").await, "Online (payment provider)");
    assert_eq!(s.fact("Balance due now").await, "¥0.00");
    assert!(!s.scrolls_sideways().await, "the receipt fits 360 px");
    s.assert_accessible("receipt").await;

    // The bill says paid, and its payment links to the receipt.
    s.follow("The bill paid").await;
    s.heading_containing("Bill for").await;
    s.wait_for("//span[contains(@class, 'badge')][normalize-space(.)='Paid']")
        .await;
    s.wait_for("//a[contains(normalize-space(.), '(Receipt)')]")
        .await;
    s.finish().await;
}

#[tokio::test]
async fn the_harbor_foods_owner_pays_two_sites_in_one_payment() {
    let s = start(1280, 900).await;
    s.sign_in(
        "ops@example.com",
        "demo-enterprise-2026",
        // Holding no accounts of their own, they land on their organisation's dashboard.
        "Harbor Foods Ltd.",
    )
    .await;
    s.follow("Sites").await;
    s.heading("Sites").await;
    // Tick two sites, then pay for the chosen ones.
    for site in ["Central Kitchen", "Harbor Road Store"] {
        s.wait_for(&format!(
            "//label[contains(normalize-space(.), '{site}')]/input[@type='checkbox']"
        ))
        .await
        .click()
        .await
        .expect("tick");
    }
    s.follow("Pay for chosen sites (2)").await;
    s.heading("Pay for sites").await;
    let total = s
        .text("//p[@role='status'][starts-with(normalize-space(.), 'Total')]")
        .await;
    assert!(total.ends_with("for 2 sites"), "{total}");
    s.assert_accessible("pay for sites").await;
    s.press("Pay").await;
    on_sandbox_press(&s, "Pay ¥").await;
    s.heading("Payment").await;
    s.wait_for("//div[@role='status']//strong[normalize-space(.)='Paid. Thank you!']")
        .await;
    s.wait_for("//a[starts-with(normalize-space(.), 'Receipt for account 3200000001')]")
        .await;
    s.wait_for("//a[starts-with(normalize-space(.), 'Receipt for account 3200000002')]")
        .await;
    s.finish().await;
}

#[tokio::test]
async fn a_supervisor_takes_a_bank_statement_assigns_the_line_left_over_and_refunds_a_payment() {
    let s = start(360, 740).await;
    s.sign_in(
        "supervisor@example.com",
        "demo-supervisor-2026",
        "Welcome, Zhao Min",
    )
    .await;
    s.follow("Payments").await;
    s.heading("Payments").await;
    s.assert_accessible("staff payments").await;

    // The bank's statement: one line names the resident's payment reference, one names nobody.
    let reference = gridcare::domain::ledger::offline_reference("3100123456");
    let csv = std::env::temp_dir().join(format!("{:x}-statement.csv", rand::random::<u64>()));
    std::fs::write(
        &csv,
        format!(
            "date,amount,reference,transaction_id\n2026-12-03,88.00,TRANSFER {reference},E2E-1\n2026-12-03,20.00,FOR THE FLAT,E2E-2\n"
        ),
    )
    .expect("a statement file");
    s.attach("Upload a statement", &csv).await;
    s.wait_for(
        "//p[@role='status'][normalize-space(.)='2 lines read: 1 paid, 0 seen before; 1 waiting.']",
    )
    .await;
    // The line left over goes to the account the customer meant.
    s.fill("Account number for E2E-2", "3100123456").await;
    s.press("Assign").await;
    s.wait_for("//p[normalize-space(.)='Nothing waits.']").await;

    // Both are now the resident's payments; the first is refunded in part.
    s.fill("Account number", "3100123456").await;
    s.press("Find").await;
    s.wait_for("//td[normalize-space(.)='E2E-1']").await;
    s.press("Refund E2E-1").await;
    s.replace("Amount to refund (¥)", "8").await;
    s.fill("Reason (the customer sees it)", "Paid ¥8 too much")
        .await;
    s.assert_accessible("a refund").await;
    s.press("Refund").await;
    s.wait_for("//tr[td[normalize-space(.)='E2E-1']]/td[normalize-space(.)='¥8.00']")
        .await;
    assert!(!s.scrolls_sideways().await, "the page fits 360 px");
    s.finish().await;
}

#[tokio::test]
async fn the_resident_turns_autopay_on_at_the_provider_and_off_and_watches_a_prepaid_balance() {
    use sqlx::Row;
    let s = start(360, 740).await;
    // The village home (prepaid in the demo) is the resident's too, as if bound by code.
    let pool = s.state.store.pool();
    let ids = sqlx::query(
        "SELECT (SELECT id FROM service_accounts WHERE account_number = $1) AS account,
                (SELECT id FROM users WHERE email = 'resident@example.com') AS person",
    )
    .bind(gridcare::server::seed::SPARE_ACCOUNT)
    .fetch_one(pool)
    .await
    .expect("the ids");
    let (village, person): (i64, i64) = (ids.get("account"), ids.get("person"));
    sqlx::query(
        "INSERT INTO account_holders (service_account_id, user_id, bound_at) VALUES ($1, $2, 0)",
    )
    .bind(village)
    .bind(person)
    .execute(pool)
    .await
    .expect("bound");
    s.sign_in(
        "resident@example.com",
        "demo-resident-2026",
        "Welcome, Li Wei",
    )
    .await;

    // Autopay on the home account: the consent box must be ticked, then the provider asks too.
    s.follow("Pay").await;
    s.heading("Pay").await;
    s.wait_for("//h2[normalize-space(.)='Autopay']").await;
    s.press("Turn on autopay").await;
    s.wait_for("//p[@class='field-error'][normalize-space(.)!='']")
        .await;
    s.fill("Most per bill (¥, optional)", "500").await;
    s.wait_for("//label[starts-with(normalize-space(.), 'I agree that each bill')]/input")
        .await
        .click()
        .await
        .expect("tick");
    s.assert_accessible("autopay form").await;
    s.press("Turn on autopay").await;
    on_sandbox_press(&s, "Agree").await;
    s.heading("Pay").await;
    s.wait_for(
        "//p[@role='status'][normalize-space(.)='Autopay is on: each bill up to ¥500.00 is paid on its due day.']",
    )
    .await;
    assert!(!s.scrolls_sideways().await, "the pay page fits 360 px");
    s.assert_accessible("autopay on").await;
    s.press("Turn off autopay").await;
    s.wait_for("//button[normalize-space(.)='Turn on autopay']")
        .await;

    // The prepaid account: its credit, how long it lasts, and a warning over it.
    s.open(&format!("/pay?account={village}")).await;
    s.heading("Pay").await;
    s.wait_for("//h2[normalize-space(.)='Prepaid balance']")
        .await;
    let credit = s.fact("Balance").await;
    assert!(credit.starts_with('¥') && credit != "¥0.00", "{credit}");
    let lasts = s.fact("Lasts about").await;
    assert!(lasts.ends_with("days at your recent use"), "{lasts}");
    s.wait_for("//button[normalize-space(.)='Top up']").await;
    s.fill("Warn me when the balance is under (¥)", "abc").await;
    s.press("Save warning level").await;
    s.wait_for("//p[@id='field-low_balance-error'][normalize-space(.)!='']")
        .await;
    s.replace("Warn me when the balance is under (¥)", "1000")
        .await;
    s.press("Save warning level").await;
    s.wait_for(
        "//p[@role='status'][starts-with(normalize-space(.), 'Your balance is under the ¥1,000.00 you set.')]",
    )
    .await;
    s.assert_accessible("prepaid").await;
    s.press("切换到中文").await;
    s.wait_for("//h2[normalize-space(.)='预付费余额']").await;
    s.wait_for("//h2[normalize-space(.)='自动缴费']").await;
    s.assert_accessible("prepaid (Chinese)").await;
    s.finish().await;
}

//! What people do in the portal, start to finish.

use crate::browser::start;
use fantoccini::Locator;
use fantoccini::key::Key;
use gridcare::domain::Fen;
use sqlx::Row;

/// The newcomer who registers in the journey below.
const NEWCOMER: (&str, &str) = ("newcomer@example.com", "a passphrase pasted from a manager");

/// The demo household's account.
const HOME: &str = "3100123456";

#[tokio::test]
async fn the_resident_signs_in_reads_the_latest_bill_in_both_languages_and_signs_out() {
    let s = start(1280, 900).await;
    s.open("/signin").await;
    s.heading("Sign in to GridCare").await;
    s.assert_accessible("sign-in").await;

    s.fill("Email", "resident@example.com").await;
    s.fill("Password", "demo-resident-2026").await;
    s.press("Sign in").await;
    s.heading("Welcome, Li Wei").await;
    s.assert_accessible("overview").await;

    s.follow("View bill").await;
    s.heading_containing("Bill for").await;
    s.assert_focus_on_heading().await;
    let total: i64 = sqlx::query(
        "SELECT b.total_fen FROM bills b JOIN service_accounts sa ON sa.id = b.service_account_id
         WHERE sa.account_number = $1 ORDER BY b.period_start DESC LIMIT 1",
    )
    .bind(HOME)
    .fetch_one(s.state.store.pool())
    .await
    .expect("the latest bill")
    .get("total_fen");
    let expected = Fen(total).to_string();
    assert_eq!(s.fact("Total").await, expected);
    assert_eq!(s.fact("Status").await, "Unpaid");
    s.assert_accessible("bill (English)").await;

    s.press("切换到中文").await;
    let heading = s.heading_containing("账单").await;
    assert!(heading.ends_with("月账单"), "{heading}");
    assert_eq!(s.fact("合计").await, expected);
    assert_eq!(
        s.script("return document.documentElement.lang").await,
        "zh-CN"
    );
    s.assert_accessible("bill (Chinese)").await;

    // The choice survives a reload.
    s.client.refresh().await.expect("reload");
    s.heading_containing("账单").await;

    s.press("退出登录").await;
    s.heading("登录 GridCare").await;
    s.assert_accessible("sign-in (Chinese)").await;
    s.open("/").await;
    s.heading("登录 GridCare").await;
    s.assert_accessible("overview, signed out (Chinese)").await;
    s.finish().await;
}

#[tokio::test]
async fn bills_work_at_360_px_wide_and_by_keyboard() {
    let s = start(360, 740).await;
    s.open("/signin").await;
    s.heading("Sign in to GridCare").await;
    let email = s.field("Email").await;
    email.click().await.expect("focus");
    email
        .send_keys(&format!(
            "resident@example.com{}demo-resident-2026{}",
            Key::Tab,
            Key::Enter
        ))
        .await
        .expect("typing");
    s.heading("Welcome, Li Wei").await;
    assert!(
        !s.scrolls_sideways().await,
        "overview scrolls sideways at 360 px"
    );

    s.follow("Bills").await;
    s.heading(&format!("Bills for account {HOME}")).await;
    s.wait_for("//nav[@aria-label='Pages']//span[normalize-space(.)='Page 1 of 3']")
        .await;
    assert!(
        !s.scrolls_sideways().await,
        "bill list scrolls sideways at 360 px"
    );
    s.assert_accessible("bill list (360 px)").await;

    s.follow("Next page").await;
    s.wait_for("//nav[@aria-label='Pages']//span[normalize-space(.)='Page 2 of 3']")
        .await;
    // Each "Details" link says which bill it opens, to a screen reader's list of links too.
    let named = s
        .script(
            "return [...document.querySelectorAll('main a')]
               .map(a => a.textContent.trim())
               .find(t => t.startsWith('Details'));",
        )
        .await;
    let named = named.as_str().unwrap_or_default();
    assert!(
        named.starts_with("Details of the ") && named.ends_with(" bill"),
        "{named}"
    );
    s.follow("Details").await;
    s.heading_containing("Bill for").await;
    assert_eq!(s.fact("Status").await, "Paid");
    assert!(
        !s.scrolls_sideways().await,
        "bill scrolls sideways at 360 px"
    );
    s.assert_accessible("bill (360 px)").await;
    s.finish().await;
}

#[tokio::test]
async fn sign_in_mistakes_are_explained_next_to_the_field() {
    let s = start(1280, 900).await;
    s.open("/signin").await;
    s.heading("Sign in to GridCare").await;
    s.fill("Password", "whatever-it-is").await;
    s.press("Sign in").await;
    s.wait_for(
        "//p[@id='field-email-error' and normalize-space(.)='Email: this field is required']",
    )
    .await;
    let invalid = s
        .field("Email")
        .await
        .attr("aria-invalid")
        .await
        .expect("attr");
    assert_eq!(invalid.as_deref(), Some("true"));
    s.assert_accessible("sign-in with a field error").await;

    s.fill("Email", "resident@example.com").await;
    s.press("Sign in").await;
    s.wait_for("//*[@role='alert']/p[normalize-space(.)='The email or password is wrong.']")
        .await;
    s.heading("Sign in to GridCare").await;
    s.finish().await;
}

#[tokio::test]
async fn the_first_paint_is_the_sign_in_form_in_the_visitors_language_with_no_inline_script() {
    let s = start(1280, 900).await;
    // A new visitor whose browser prefers Chinese, arriving at the front door (sent on to the
    // sign-in page): the first HTML, before any script runs, holds the form and its labels.
    let html = reqwest::Client::new()
        .get(format!("{}/", s.base))
        .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
        .send()
        .await
        .expect("index")
        .text()
        .await
        .expect("body");
    assert!(html.contains("<html lang=\"zh-CN\">"), "{html}");
    for words in ["登录 GridCare", ">邮箱<", ">密码<", ">登录<"] {
        assert!(html.contains(words), "{words} in the first HTML: {html}");
    }
    assert!(!html.contains("Loading GridCare"), "{html}");
    // Every script either loads from this origin or is data (never run).
    let inline_scripts = html
        .match_indices("<script")
        .map(|(i, _)| html[i..].split('>').next().unwrap_or(""))
        .filter(|tag| !tag.contains("src=") && !tag.contains("type=\"application/json\""))
        .count();
    assert_eq!(inline_scripts, 0, "the CSP allows no inline script: {html}");
    // And the app does start under that CSP, from that first view.
    s.open("/signin").await;
    s.heading("Sign in to GridCare").await;
    s.assert_accessible("sign-in").await;
    s.finish().await;
}

/// What the network delivered for the page just loaded (headers included): its document and
/// its wasm, js and css.
async fn first_load_bytes(s: &crate::browser::Session) -> (u64, serde_json::Value) {
    let sizes = s
        .script(
            "const nav = performance.getEntriesByType('navigation')[0];
             const res = performance.getEntriesByType('resource')
               .filter(r => /\\.(wasm|js|css)$/.test(new URL(r.name).pathname));
             return { html: nav.transferSize,
                      assets: res.map(r => [new URL(r.name).pathname, r.transferSize, r.decodedBodySize]) };",
        )
        .await;
    let assets = sizes["assets"].as_array().expect("resources");
    assert!(
        assets
            .iter()
            .any(|a| a[0].as_str().is_some_and(|p| p.ends_with(".wasm"))),
        "{sizes}"
    );
    let total = sizes["html"].as_u64().expect("html size")
        + assets
            .iter()
            .map(|a| a[1].as_u64().unwrap_or(0))
            .sum::<u64>();
    (total, sizes)
}

/// The most a client's first load may send over the wire (compressed, with the headers), issue
/// 15's limit. On 5 December 2026 this test measured 186.4 (business) to 199.6 KB (customer
/// services): the services have the least room.
const FIRST_LOAD_BUDGET: u64 = 200_000;

#[tokio::test]
async fn the_first_load_stays_within_200_kb_compressed() {
    // A fresh profile, so an empty cache: the customer portal's first visit.
    let s = start(1280, 900).await;
    s.open("/signin").await;
    s.heading("Sign in to GridCare").await;
    let (total, sizes) = first_load_bytes(&s).await;
    println!("customer portal first load: {total} bytes over the wire: {sizes}");
    assert!(
        total <= FIRST_LOAD_BUDGET,
        "first load is {total} bytes compressed: {sizes}"
    );
    s.assert_accessible("sign-in").await;

    // The customer services (connections, repairs, outages, feedback) are a client of their
    // own, loaded from /services/; outage notices are open to everyone.
    s.open("/outages").await;
    s.heading("Outage notices").await;
    let (total, sizes) = first_load_bytes(&s).await;
    println!("customer services first load: {total} bytes over the wire: {sizes}");
    assert!(
        sizes["assets"]
            .as_array()
            .expect("resources")
            .iter()
            .any(|a| a[0].as_str().is_some_and(|p| p.starts_with("/services/"))),
        "the services load their own client: {sizes}"
    );
    assert!(
        total <= FIRST_LOAD_BUDGET,
        "the customer services' first load is {total} bytes compressed: {sizes}"
    );

    // So are the enterprise pages, loaded from /business/.
    s.sign_in(
        "ops@example.com",
        "demo-enterprise-2026",
        // Holding no accounts of their own, they land on their organisation's dashboard.
        "Harbor Foods Ltd.",
    )
    .await;
    let (total, sizes) = first_load_bytes(&s).await;
    println!("business pages first load: {total} bytes over the wire: {sizes}");
    assert!(
        sizes["assets"]
            .as_array()
            .expect("resources")
            .iter()
            .any(|a| a[0].as_str().is_some_and(|p| p.starts_with("/business/"))),
        "the business pages load their own client: {sizes}"
    );
    assert!(
        total <= FIRST_LOAD_BUDGET,
        "the business pages' first load is {total} bytes compressed: {sizes}"
    );
    s.press("Sign out").await;
    s.heading("Sign in to GridCare").await;

    // The staff console is a client of its own; its first load has the same budget.
    s.sign_in("agent@example.com", "demo-agent-2026", "Welcome, Wang Fang")
        .await;
    s.open("/staff/queue").await;
    s.heading("Connection work queue").await;
    let (total, sizes) = first_load_bytes(&s).await;
    println!("staff console first load: {total} bytes over the wire: {sizes}");
    assert!(
        sizes["assets"]
            .as_array()
            .expect("resources")
            .iter()
            .any(|a| a[0].as_str().is_some_and(|p| p.starts_with("/staff/"))),
        "the console loads its own client: {sizes}"
    );
    assert!(
        total <= FIRST_LOAD_BUDGET,
        "the staff console's first load is {total} bytes compressed: {sizes}"
    );

    // And so is the account client: "Forgot your password?" from a fresh sign-in page.
    s.press("Sign out").await;
    s.heading("Sign in to GridCare").await;
    s.follow("Forgot your password?").await;
    s.heading("Set a new password").await;
    let (total, sizes) = first_load_bytes(&s).await;
    println!("account pages first load: {total} bytes over the wire: {sizes}");
    assert!(
        sizes["assets"]
            .as_array()
            .expect("resources")
            .iter()
            .any(|a| a[0].as_str().is_some_and(|p| p.starts_with("/account/"))),
        "the account pages load their own client: {sizes}"
    );
    assert!(
        total <= FIRST_LOAD_BUDGET,
        "the account pages' first load is {total} bytes compressed: {sizes}"
    );
    s.assert_accessible("forgot password").await;
    s.finish().await;
}

#[tokio::test]
async fn a_newcomer_registers_links_an_account_and_reads_its_bills() {
    let s = start(1280, 900).await;
    s.open("/register").await;
    s.heading("Create your GridCare account").await;
    s.assert_accessible("register").await;
    s.fill("Email", "newcomer@example.com").await;
    s.fill("Password", "short").await;
    s.press("Create account").await;
    s.wait_for("//p[@id='field-password-error' and normalize-space(.)='Password: needs at least 10 characters']").await;
    s.assert_accessible("register with a field error").await;
    s.field("Password").await.clear().await.expect("clear");
    s.fill("Password", "a passphrase pasted from a manager")
        .await;
    s.press("Create account").await;
    // Nobody is signed in until the address is proven: the link comes by email.
    s.wait_for("//div[@role='status']/h2[normalize-space(.)='Check your email']")
        .await;
    s.assert_accessible("register: check your email").await;
    let link = s.mailed_link("newcomer@example.com", "/verify-email").await;
    s.client.goto(&link).await.expect("open the link");

    s.heading("Welcome").await;
    s.wait_for("//p[normalize-space(.)='No service account is linked to this login yet.']")
        .await;
    s.assert_accessible("overview without accounts").await;
    s.fill("Account number", "3100765432").await;
    s.press("Send code").await;
    s.wait_for("//p[@role='status' and normalize-space(.)='We sent a code to 139****8821. It works for 10 minutes.']")
        .await;
    // The code, as the phone on file received it from the loopback SMS gateway.
    let gateway = s.sms.clone().expect("the demo's SMS gateway");
    let started = std::time::Instant::now();
    let code = loop {
        let text = gateway
            .texts()
            .into_iter()
            .rev()
            .find(|t| t.to == "13912348821")
            .map(|t| t.text);
        if let Some(text) = text {
            break text
                .split(|c: char| !c.is_ascii_digit())
                .find(|run| run.len() == 6)
                .expect("a six-digit code")
                .to_string();
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(15),
            "no text with a code"
        );
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    };
    let wrong = if code == "000000" { "000001" } else { "000000" };
    s.fill("Code from the text message", wrong).await;
    s.press("Link account").await;
    s.wait_for(
        "//p[@id='field-code-error' and contains(normalize-space(.), 'is not the code we sent')]",
    )
    .await;
    s.assert_accessible("overview with a wrong code").await;
    s.replace("Code from the text message", &code).await;
    s.press("Link account").await;
    s.wait_for("//p[@role='status' and normalize-space(.)='Account 3100765432 is now linked.']")
        .await;
    s.wait_for("//li//p[contains(normalize-space(.), '3100765432')]")
        .await;
    s.assert_accessible("overview with a linked account").await;

    s.follow("View bills").await;
    s.heading("Bills for account 3100765432").await;
    s.wait_for("//nav[@aria-label='Pages']//span[normalize-space(.)='Page 1 of 1']")
        .await;
    s.assert_accessible("bill list").await;

    // Two-step sign-in, set up from the Security page with the key typed into an "app".
    s.follow("Security").await;
    s.heading("Security").await;
    s.assert_accessible("security").await;
    s.press("Set up two-step sign-in").await;
    let key = s
        .wait_for("//code[@class='secret']")
        .await
        .text()
        .await
        .expect("the key as text");
    let secret: String = key.split_whitespace().collect();
    s.wait_for("//*[local-name()='svg' and @role='img' and @aria-label='QR code for your authenticator app']")
        .await;
    s.assert_accessible("security: setting up two-step sign-in")
        .await;
    let code = s.fresh_code("newcomer@example.com", &secret).await;
    s.fill("Code the app shows", &code).await;
    s.press("Turn on two-step sign-in").await;
    s.wait_for("//p[normalize-space(.)='Two-step sign-in is on.']")
        .await;
    let mut recovery = Vec::new();
    for c in s
        .client
        .find_all(Locator::XPath("//ul[@class='recovery-codes']//code"))
        .await
        .expect("recovery codes")
    {
        recovery.push(c.text().await.expect("a code"));
    }
    assert_eq!(recovery.len(), 10, "{recovery:?}");
    s.assert_accessible("security: recovery codes").await;

    // Out, and in again with the password and the app's next code.
    s.press("Sign out").await;
    s.heading("Sign in to GridCare").await;
    let next = s.fresh_code("newcomer@example.com", &secret).await;
    s.sign_in_with_code(NEWCOMER, &next, "Welcome").await;
    // A phone signs in with a recovery code.
    let phone = s.another_browser(360, 740).await;
    phone
        .sign_in_with_code(NEWCOMER, &recovery[0], "Welcome")
        .await;

    // The sessions list shows both; the phone's is ended from here.
    s.follow("Security").await;
    s.heading("Security").await;
    let rows = "//section[@aria-labelledby='sessions']//tbody/tr";
    s.wait_for(&format!("({rows})[2]")).await;
    s.assert_accessible("security: two sessions").await;
    s.wait_for(&format!("{rows}//button[normalize-space(.)='Sign out']"))
        .await
        .click()
        .await
        .expect("click");
    s.wait_for(
        "//section[@aria-labelledby='sessions'][count(.//tbody/tr)=1]//td[normalize-space(.)='This device']",
    )
    .await;
    phone.open("/bills").await;
    phone.heading("Sign in to GridCare").await;
    phone.finish().await;
    s.finish().await;
}

#[tokio::test]
async fn a_new_staff_login_sets_up_two_step_sign_in_before_any_page() {
    use gridcare::domain::{EmailAddress, Role};
    let s = start(1280, 900).await;
    let hash = gridcare::server::auth::hash_password("a new agent's passphrase")
        .await
        .expect("a hash");
    s.state
        .store
        .create_user(
            &EmailAddress::parse("new.agent@example.com").expect("an email"),
            &hash,
            "Zhou Lan",
            Role::StaffAgent,
            true,
            s.state.clock.unix(),
        )
        .await
        .expect("the store")
        .expect("a new login");
    s.open("/signin?next=%2Fstaff%2Fqueue").await;
    s.heading("Sign in to GridCare").await;
    s.fill("Email", "new.agent@example.com").await;
    s.fill("Password", "a new agent's passphrase").await;
    s.press("Sign in").await;
    // The queue asked for sends them to set up two-step sign-in first.
    s.heading("Security").await;
    s.wait_for("//p[@role='alert' and normalize-space(.)='Staff must turn on two-step sign-in before using GridCare.']")
        .await;
    s.assert_accessible("staff: two-step sign-in required")
        .await;
    s.open("/staff/queue").await;
    s.heading("Security").await;
    s.press("Set up two-step sign-in").await;
    let key = s
        .wait_for("//code[@class='secret']")
        .await
        .text()
        .await
        .expect("the key as text");
    let secret: String = key.split_whitespace().collect();
    let code = s.fresh_code("new.agent@example.com", &secret).await;
    s.fill("Code the app shows", &code).await;
    s.press("Turn on two-step sign-in").await;
    s.wait_for("//p[normalize-space(.)='Two-step sign-in is on.']")
        .await;
    // Staff cannot turn it off.
    assert!(
        s.client
            .find(Locator::XPath(
                "//button[normalize-space(.)='Turn off two-step sign-in']"
            ))
            .await
            .is_err()
    );
    s.open("/staff/queue").await;
    s.heading("Connection work queue").await;
    s.assert_accessible("staff queue after two-step sign-in")
        .await;
    s.finish().await;
}

#[tokio::test]
async fn the_service_desk_signs_a_stolen_phone_out_everywhere_at_360_px() {
    // The resident's phone, signed in, with the Security page at 360 px.
    let phone = start(360, 740).await;
    phone
        .sign_in(
            "resident@example.com",
            "demo-resident-2026",
            "Welcome, Li Wei",
        )
        .await;
    phone.open("/security").await;
    phone.heading("Security").await;
    phone
        .wait_for("//h2[normalize-space(.)='Where you are signed in']")
        .await;
    assert!(
        !phone.scrolls_sideways().await,
        "the Security page scrolls sideways at 360 px"
    );
    phone.assert_accessible("Security (360 px)").await;
    // The phone is stolen; the resident calls 95598, and a supervisor signs it out.
    let desk = phone.another_browser(360, 740).await;
    desk.sign_in(
        "supervisor@example.com",
        "demo-supervisor-2026",
        "Welcome, Zhao Min",
    )
    .await;
    desk.follow("Security log").await;
    desk.heading("Security log").await;
    desk.wait_for("//table//td[normalize-space(.)='resident@example.com']")
        .await;
    assert!(
        !desk.scrolls_sideways().await,
        "the security log scrolls sideways at 360 px"
    );
    desk.assert_accessible("security log (360 px)").await;
    desk.fill("Email of the login", "resident@example.com")
        .await;
    desk.press("Apply to this login").await;
    // The reason is required, and said next to its field.
    desk.wait_for("//input[@id=//label[normalize-space(.)='How you checked who asked']/@for and @aria-invalid='true']")
        .await;
    desk.fill(
        "How you checked who asked",
        "Called back on the phone on file",
    )
    .await;
    desk.press("Apply to this login").await;
    desk.wait_for("//p[@role='status' and normalize-space(.)='Done. Sessions ended: 1. The person was emailed.']")
        .await;
    desk.assert_accessible("service desk: done").await;
    // The phone's next step asks to sign in.
    phone.open("/security").await;
    phone.heading("Sign in to GridCare").await;
    phone.finish().await;
    desk.finish().await;
}

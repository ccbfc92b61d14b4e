//! On a phone: the portal is an app Chromium offers to install, and once a page has painted,
//! every client's program is kept, so the next visit, and the next client, download none of it.

use crate::browser::{Session, start};
use serde_json::{Value, json};
use std::time::Duration;

/// The program files (`.wasm` and `.js`) the current page loaded, with the bytes each took
/// over the network.
async fn programs_loaded(s: &Session) -> Vec<(String, u64)> {
    let entries = s
        .script(
            "return performance.getEntriesByType('resource')
               .filter(e => /\\.(wasm|js)$/.test(new URL(e.name).pathname))
               .map(e => [new URL(e.name).pathname, e.transferSize]);",
        )
        .await;
    entries
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| {
            (
                e[0].as_str().unwrap_or_default().to_string(),
                e[1].as_u64().unwrap_or(u64::MAX),
            )
        })
        .collect()
}

/// How many files the service worker keeps.
async fn kept(s: &Session) -> usize {
    s.client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             caches.open('gridcare-programs').then(c => c.keys()).then(k => done(k.length), () => done(0));",
            vec![],
        )
        .await
        .ok()
        .and_then(|v: Value| v.as_u64())
        .unwrap_or(0) as usize
}

#[tokio::test]
async fn the_portal_is_installable_and_a_second_visit_downloads_no_program() {
    let s = start(360, 740).await;
    // A phone on a slow mobile network (Lighthouse's "slow 4G": 150 ms, 1.6 Mbit/s down).
    s.devtools(
        "Network.emulateNetworkConditions",
        json!({
            "offline": false,
            "latency": 150,
            "downloadThroughput": 200_000,
            "uploadThroughput": 93_750
        }),
    )
    .await;
    s.open("/signin").await;
    s.heading("Sign in to GridCare").await;

    // Chromium finds nothing missing to offer the portal as an app.
    let installable = s.devtools("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(
        installable["installabilityErrors"],
        json!([]),
        "{installable}"
    );
    let manifest = s.devtools("Page.getAppManifest", json!({})).await;
    assert_eq!(manifest["errors"], json!([]), "{manifest}");
    assert!(
        manifest["url"]
            .as_str()
            .is_some_and(|u| u.ends_with("/manifest.webmanifest")),
        "{manifest}"
    );

    // The first visit downloads its program; then, when idle, every client's is kept.
    let first = programs_loaded(&s).await;
    assert!(
        first
            .iter()
            .any(|(name, bytes)| name.ends_with(".wasm") && *bytes > 0),
        "{first:?}"
    );
    let listed = gridcare::server::http::program_files(&crate::browser::dist());
    let mut waited = Duration::ZERO;
    while kept(&s).await < listed.len() {
        assert!(
            waited < Duration::from_secs(30),
            "kept {} of {}",
            kept(&s).await,
            listed.len()
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
        waited += Duration::from_millis(250);
    }

    // Another client (the outage page) and the same one again: no program byte downloaded.
    for (path, heading) in [
        ("/outages", "Outage notices"),
        ("/signin", "Sign in to GridCare"),
    ] {
        s.open(path).await;
        s.heading(heading).await;
        let loaded = programs_loaded(&s).await;
        assert!(
            loaded.iter().any(|(name, _)| name.ends_with(".wasm")),
            "{path}: {loaded:?}"
        );
        for (name, bytes) in &loaded {
            assert_eq!(*bytes, 0, "{path} downloaded {name}: {loaded:?}");
        }
    }
    s.finish().await;
}

/// The header's height, in CSS pixels.
async fn header_height(s: &Session) -> f64 {
    s.script("return document.querySelector('header').getBoundingClientRect().height;")
        .await
        .as_f64()
        .expect("a height")
}

/// Whether the header's "Menu" button says its menu is open.
async fn menu_open(s: &Session) -> bool {
    s.wait_for("//header//button[normalize-space(.)='Menu']")
        .await
        .attr("aria-expanded")
        .await
        .expect("an attribute")
        .as_deref()
        == Some("true")
}

#[tokio::test]
async fn on_a_phone_the_header_is_one_row_and_its_menu_opens_by_touch_and_keyboard() {
    let s = start(360, 740).await;
    // A touch screen (the page sees touch points; the driver's clicks stay mouse clicks).
    s.devtools(
        "Emulation.setTouchEmulationEnabled",
        json!({ "enabled": true, "maxTouchPoints": 5 }),
    )
    .await;

    s.sign_in(
        "resident@example.com",
        "demo-resident-2026",
        "Welcome, Li Wei",
    )
    .await;
    // Brand, bell and "Menu" on one row; the page's own heading right below it.
    let height = header_height(&s).await;
    println!("the resident's header at 360 px: {height} px");
    assert!(height <= 64.0, "the header is {height} px tall");
    assert!(!menu_open(&s).await);
    s.wait_for("//header//a[starts-with(normalize-space(.), 'Notifications')]")
        .await;

    // The menu link is reached through "Menu", and the menu folds again on the new page.
    s.follow("Bills").await;
    s.heading("Bills for account 3100123456").await;
    assert!(!menu_open(&s).await);
    assert!(!s.scrolls_sideways().await);

    // By keyboard: Enter opens it (with the language and sign-out inside), Escape closes it
    // and puts the focus back on the button.
    let button = s
        .wait_for("//header//button[normalize-space(.)='Menu']")
        .await;
    button.send_keys("\u{E007}").await.expect("Enter");
    assert!(menu_open(&s).await);
    s.assert_accessible("the open menu").await;
    let sign_out = s
        .wait_for("//header//button[normalize-space(.)='Sign out']")
        .await;
    assert!(sign_out.is_displayed().await.expect("shown"));
    s.client
        .active_element()
        .await
        .expect("the focus")
        .send_keys("\u{E00C}")
        .await
        .expect("Escape");
    assert!(!menu_open(&s).await);
    let focused = s
        .script("return document.activeElement.textContent.trim();")
        .await;
    assert_eq!(focused, "Menu");

    // The same in Chinese.
    s.press("切换到中文").await;
    s.heading("户号 3100123456 的账单").await;
    s.wait_for("//header//button[normalize-space(.)='菜单']")
        .await;
    assert!(header_height(&s).await <= 64.0);
    s.finish().await;

    // Someone acting for an organisation ("Acting for" is in the menu) gets the same one row,
    // on their organisation's dashboard.
    let s = start(360, 740).await;
    s.sign_in(
        "ops@example.com",
        "demo-enterprise-2026",
        "Harbor Foods Ltd.",
    )
    .await;
    let height = header_height(&s).await;
    println!("the Harbor Foods owner's header at 360 px: {height} px");
    assert!(height <= 64.0, "the header is {height} px tall");
    s.choose("Acting for", "Myself (home)").await;
    s.heading("Welcome, Chen Jing").await;
    assert!(!menu_open(&s).await);
    s.finish().await;
}

#[tokio::test]
async fn care_mode_is_larger_plainer_and_kept_for_the_person_on_another_phone() {
    let s = start(360, 740).await;
    s.sign_in(
        "resident@example.com",
        "demo-resident-2026",
        "Welcome, Li Wei",
    )
    .await;
    s.press("Care mode").await;
    s.wait_for("//button[normalize-space(.)='Care mode' and @aria-pressed='true']")
        .await;
    // The main tasks in plain words, the hotline one tap away.
    s.wait_for("//nav[@aria-label='Main tasks']/a[normalize-space(.)='Pay my electricity bill']")
        .await;
    s.wait_for("//nav[@aria-label='Main tasks']/a[@href='tel:95598' and normalize-space(.)='Call us: 95598']")
        .await;
    let type_size = s
        .script(
            "const b = getComputedStyle(document.body);
             return [parseFloat(b.fontSize), parseFloat(b.lineHeight) / parseFloat(b.fontSize)];",
        )
        .await;
    assert!(type_size[0].as_f64().expect("px") >= 18.0, "{type_size}");
    assert!(type_size[1].as_f64().expect("ratio") >= 1.5, "{type_size}");
    // Every control shown is at least 48 px tall.
    let small = s
        .script(
            "return [...document.querySelectorAll('button, select, input:not([type=checkbox]):not([type=radio]), nav a, a.button, .bell')]
               .filter(e => e.getClientRects().length > 0)
               .filter(e => e.getBoundingClientRect().height < 48)
               .map(e => e.outerHTML.slice(0, 80) + ' ' + e.getBoundingClientRect().height);",
        )
        .await;
    assert_eq!(small, json!([]), "controls under 48 px in care mode");
    s.assert_accessible("the overview in care mode").await;

    // Other pages, narrower (320 px is 1280 px at 400 %; 200 % of 360 px is 180 px of page at
    // that zoom's rules, which these pages reach by reflowing): nothing scrolls sideways.
    s.follow("Bills").await;
    s.heading("Bills for account 3100123456").await;
    s.assert_accessible("the bills in care mode").await;
    s.client
        .set_window_size(320, 740)
        .await
        .expect("a narrower window");
    for (path, heading) in [
        ("/", "Welcome, Li Wei"),
        ("/bills", "Bills for account 3100123456"),
        ("/repairs/new", "Report a fault"),
        ("/pay", "Pay"),
    ] {
        s.open(path).await;
        s.heading(heading).await;
        // Written in care mode by the server, before the program ran.
        assert_eq!(
            s.script("return document.documentElement.className;").await,
            "care"
        );
        assert!(!s.scrolls_sideways().await, "{path} scrolls sideways");
    }

    // The same person on another phone: care mode is on there too; turned off there, it is
    // off here after a reload.
    let other = s.another_browser(360, 740).await;
    other
        .sign_in(
            "resident@example.com",
            "demo-resident-2026",
            "Welcome, Li Wei",
        )
        .await;
    other
        .wait_for("//nav[@aria-label='Main tasks']/a[@href='tel:95598']")
        .await;
    other.open("/security").await;
    other.heading("Security").await;
    other.press("Care mode").await;
    other
        .wait_for("//button[normalize-space(.)='Care mode' and @aria-pressed='false']")
        .await;
    other.finish().await;
    s.open("/").await;
    s.heading("Welcome, Li Wei").await;
    assert_eq!(
        s.script("return document.documentElement.className;").await,
        ""
    );
    s.finish().await;
}

/// The paths of the files the service worker keeps.
async fn kept_paths(s: &Session) -> Vec<String> {
    let paths: Value = s
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             caches.open('gridcare-programs').then(c => c.keys())
               .then(k => done(k.map(r => new URL(r.url).pathname).sort()), () => done([]));",
            vec![],
        )
        .await
        .expect("the kept files");
    serde_json::from_value(paths).expect("paths")
}

/// Waits up to 30 s until the service worker keeps exactly `files`.
async fn wait_until_kept(s: &Session, files: &[String]) {
    let mut waited = Duration::ZERO;
    loop {
        let kept = kept_paths(s).await;
        if kept == files {
            return;
        }
        assert!(
            waited < Duration::from_secs(30),
            "kept {kept:?}, not {files:?}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
        waited += Duration::from_millis(250);
    }
}

/// Copies the folder `from` into `to`, with its subfolders.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("a folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("a copy");
        }
    }
}

/// Deploys "a new release" of the clients in `dist`, in place, as a deploy swaps files: every
/// hashed name gets another hash (each hex digit moved on by one), in the files' names and in
/// every page, script and style sheet that names them. Returns the new program files.
fn deploy_new_release(dist: &std::path::Path) -> Vec<String> {
    let hashes: Vec<String> = gridcare::server::http::program_files(dist)
        .iter()
        .flat_map(|path| {
            let name = path.rsplit('/').next().unwrap_or_default().to_string();
            name.split(['-', '_', '.'])
                .skip(1)
                .filter(|p| {
                    (12..=16).contains(&p.len()) && p.chars().all(|c| c.is_ascii_hexdigit())
                })
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let next = |hash: &str| -> String {
        hash.chars()
            .map(|c| {
                let d = c.to_digit(16).expect("hex");
                std::char::from_digit((d + 1) % 16, 16).expect("hex")
            })
            .collect()
    };
    let renamed = |text: &str| {
        hashes
            .iter()
            .fold(text.to_string(), |t, h| t.replace(h.as_str(), &next(h)))
    };
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a folder").flatten() {
            if entry.file_type().expect("a type").is_dir() {
                files(&entry.path(), out);
            } else {
                out.push(entry.path());
            }
        }
    }
    let mut all = Vec::new();
    files(dist, &mut all);
    for path in all {
        let name = path
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .to_string();
        let text_file = [".html", ".js", ".css", ".json", ".webmanifest"]
            .iter()
            .any(|e| name.ends_with(e));
        if text_file {
            let text = std::fs::read_to_string(&path).expect("text");
            std::fs::write(&path, renamed(&text)).expect("written");
        }
        let new_name = renamed(&name);
        if new_name != name {
            // A compressed copy of a page or script would still name the old files: a
            // release's server sends the plain file then.
            if text_file || !(name.ends_with(".br") || name.ends_with(".gz")) {
                std::fs::rename(&path, path.with_file_name(new_name)).expect("renamed");
            } else {
                std::fs::remove_file(&path).expect("removed");
            }
        }
    }
    gridcare::server::http::program_files(dist)
}

#[tokio::test]
async fn a_new_release_is_picked_up_whole_on_the_next_visit_with_a_quiet_note() {
    let dist = std::env::temp_dir().join(format!("gridcare-e2e-dist-{:x}", rand::random::<u64>()));
    copy_dir(&crate::browser::dist(), &dist);
    let s = crate::browser::start_on(360, 740, dist.clone()).await;
    let old_release = gridcare::server::http::program_files(&dist);

    // First visit: no note; once idle, the worker keeps this release's files.
    s.open("/outages").await;
    s.heading("Outage notices").await;
    wait_until_kept(&s, &old_release).await;
    let notes = "return document.querySelectorAll('aside[aria-label=\"Update\"]').length;";
    assert_eq!(s.script(notes).await, 0);

    // A deploy while the page is open: the open page keeps working on its own release.
    let new_release = deploy_new_release(&dist);
    assert_eq!(new_release.len(), old_release.len());
    assert!(new_release.iter().all(|f| !old_release.contains(f)));
    s.press("切换到中文").await;
    s.heading("停电信息").await;
    s.press("Switch to English").await;
    s.heading("Outage notices").await;

    // The next visit runs the new release, whole, says so quietly, and the worker drops the
    // old files.
    s.open("/outages").await;
    s.heading("Outage notices").await;
    s.wait_for("//aside[@aria-label='Update']/p[@role='status' and normalize-space(.)='GridCare has been updated to a new version.']")
        .await;
    s.assert_accessible("the outage notices with the update note")
        .await;
    let loaded = programs_loaded(&s).await;
    assert!(!loaded.is_empty());
    for (name, _) in &loaded {
        assert!(
            !old_release.contains(name),
            "the new release's page loaded the old {name}: {loaded:?}"
        );
    }
    wait_until_kept(&s, &new_release).await;
    s.press("Close").await;
    assert_eq!(s.script(notes).await, 0);
    // And the visit after that has nothing to say (looked for once the loader is done: it
    // writes down the release it ran).
    s.open("/outages").await;
    s.heading("Outage notices").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(s.script(notes).await, 0);
    s.finish().await;
    let _ = std::fs::remove_dir_all(&dist);
}

/// How many repair tickets hold `description`.
async fn tickets_saying(s: &Session, description: &str) -> i64 {
    use sqlx::Row;
    sqlx::query("SELECT COUNT(*) AS n FROM repair_tickets WHERE description = $1")
        .bind(description)
        .fetch_one(s.state.store.pool())
        .await
        .expect("a count")
        .get("n")
}

/// The "Offline: … saved at …" note.
const OFFLINE: &str = "//main//p[@role='status' and starts-with(normalize-space(.), 'Offline: this shows what was saved at ')]";

#[tokio::test]
async fn offline_the_phone_shows_what_was_saved_and_files_a_report_written_offline_once() {
    let (s, cable) = crate::browser::start_behind_cable(360, 740).await;
    s.sign_in(
        "resident@example.com",
        "demo-resident-2026",
        "Welcome, Li Wei",
    )
    .await;
    // Once the worker keeps the programs, the pages visited (and what they read) are kept.
    wait_until_kept(
        &s,
        &gridcare::server::http::program_files(&crate::browser::dist()),
    )
    .await;
    let visits = [
        (
            "/",
            "Welcome, Li Wei",
            "//h2[normalize-space(.)='Balance due']",
        ),
        (
            "/bills",
            "Bills for account 3100123456",
            "//a[starts-with(normalize-space(.), 'Details of the ')]",
        ),
        ("/repairs", "My repair tickets", "//main//li|//main//table"),
        (
            "/outages",
            "Outage notices",
            "//main//section[@aria-labelledby]//dt[normalize-space(.)='Reason']",
        ),
        (
            "/repairs/new",
            "Report a fault",
            "//select/option[starts-with(normalize-space(.), '3100123456')]",
        ),
    ];
    for (path, heading, content) in visits {
        s.open(path).await;
        s.heading(heading).await;
        s.wait_for(content).await;
        let fresh = s.script(&format!("return document.evaluate(\"{OFFLINE}\", document, null, 9, null).singleNodeValue === null;")).await;
        assert_eq!(fresh, true, "{path} is fresh while online");
    }

    // No network: each page as it was last loaded, marked so.
    cable.pull();
    for (path, heading, content) in visits {
        s.open(path).await;
        s.heading(heading).await;
        s.wait_for(content).await;
        s.wait_for(OFFLINE).await;
    }
    s.open("/bills").await;
    s.heading("Bills for account 3100123456").await;
    s.wait_for(OFFLINE).await;
    s.assert_accessible("the bills, offline").await;
    s.open("/outages").await;
    s.heading("Outage notices").await;
    assert!(
        s.text(OFFLINE)
            .await
            .ends_with("It cannot refresh until the network is back.")
    );

    // A fault report written with no network waits on the phone...
    let description = format!(
        "Offline report {:x}: sparks at the meter box.",
        rand::random::<u32>()
    );
    s.open("/repairs/new").await;
    s.heading("Report a fault").await;
    s.choose("Service account", "3100123456").await;
    s.choose("Type of request", "No power at all").await;
    s.fill("What happened", &description).await;
    s.fill("Contact phone", "13800005678").await;
    s.press("Send report").await;
    s.wait_for("//p[@role='status' and starts-with(normalize-space(.), 'No network: your report is kept on this phone')]")
        .await;
    s.assert_accessible("a report kept offline").await;
    assert_eq!(tickets_saying(&s, &description).await, 0);

    // ...and is filed, once, when the network is back; the person is told, with a link.
    cable.plug();
    s.open("/").await;
    s.heading("Welcome, Li Wei").await;
    s.wait_for("//aside[@aria-label='Report sent']/p[@role='status' and normalize-space(.)='Your fault report written offline has been sent.']")
        .await;
    assert_eq!(tickets_saying(&s, &description).await, 1);
    s.follow("Open the report").await;
    s.heading_containing("No power at all BX-2026-").await;
    s.open("/").await;
    s.heading("Welcome, Li Wei").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(tickets_saying(&s, &description).await, 1);

    // A session that runs out is not a sign-out: what was kept for the resident stays in this
    // browser until someone signs in here, which drops it.
    assert!(
        !kept_mentioning(&s, &["Li Wei", "3100123456"])
            .await
            .is_empty()
    );
    s.client
        .delete_all_cookies()
        .await
        .expect("the session gone");
    s.sign_in(
        "ops@example.com",
        "demo-enterprise-2026",
        "Harbor Foods Ltd.",
    )
    .await;
    assert_eq!(
        kept_mentioning(&s, &["Li Wei", "3100123456"]).await,
        Vec::<String>::new()
    );

    // Signing out leaves nothing private in this browser, the waiting reports included.
    s.press("Sign out").await;
    s.heading("Sign in to GridCare").await;
    // (What the sign-in page keeps anew is public.)
    assert_eq!(
        kept_mentioning(&s, &["Chen Jing", "Harbor Foods"]).await,
        Vec::<String>::new()
    );
    assert_eq!(
        s.script("return localStorage.getItem('gridcare-outbox');")
            .await,
        Value::Null
    );
    s.finish().await;
}

/// The addresses of the pages and reads the service worker keeps that mention any of `words`.
async fn kept_mentioning(s: &Session, words: &[&str]) -> Vec<String> {
    let found: Value = s
        .client
        .execute_async(
            "const [words, done] = arguments;
             (async () => {
               const found = [];
               for (const name of ['gridcare-pages', 'gridcare-reads']) {
                 const cache = await caches.open(name);
                 for (const request of await cache.keys()) {
                   const text = await (await cache.match(request)).text();
                   if (words.some(w => text.includes(w))) {
                     found.push(request.url);
                   }
                 }
               }
               return found;
             })().then(done, e => done([String(e)]));",
            vec![json!(words)],
        )
        .await
        .expect("what is kept");
    serde_json::from_value(found).expect("addresses")
}

#[tokio::test]
async fn a_receipt_and_an_outage_notice_go_to_the_phones_share_sheet() {
    let s = start(360, 740).await;
    // A phone's share sheet, standing in for the one Chromium on Linux does not have: it
    // records what it was given.
    s.devtools(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "Object.defineProperty(Navigator.prototype, 'share', {
            configurable: true,
            value: function (data) { window.shared = data; return Promise.resolve(); }
        });" }),
    )
    .await;
    s.sign_in(
        "resident@example.com",
        "demo-resident-2026",
        "Welcome, Li Wei",
    )
    .await;
    let (payment, reference): (i64, String) = {
        use sqlx::Row;
        let row = sqlx::query(
            "SELECT p.id, p.reference FROM payments p JOIN bills b ON b.id = p.bill_id
             JOIN service_accounts sa ON sa.id = b.service_account_id
             WHERE sa.account_number = '3100123456' AND p.reference <> '' ORDER BY p.id LIMIT 1",
        )
        .fetch_one(s.state.store.pool())
        .await
        .expect("a payment of the resident's");
        (row.get("id"), row.get("reference"))
    };
    s.open(&format!("/receipts/{payment}")).await;
    s.heading("Receipt").await;
    s.press("Share the receipt").await;
    let shared = s.script("return window.shared;").await;
    assert_eq!(shared["title"], format!("Receipt {reference}"));
    assert!(
        shared["url"]
            .as_str()
            .is_some_and(|u| u.ends_with(&format!("/receipts/{payment}"))),
        "{shared}"
    );
    s.assert_accessible("a receipt with its share button").await;

    s.open("/outages").await;
    s.heading("Outage notices").await;
    // (Its name says which notice: "Share this notice Grid fault · Huangpu Harbor Road …".)
    s.wait_for("//button[starts-with(normalize-space(.), 'Share this notice Grid fault · Huangpu Harbor Road')]")
        .await
        .click()
        .await
        .expect("click");
    let shared = s.script("return window.shared;").await;
    assert!(
        shared["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Grid fault · Huangpu Harbor Road")),
        "{shared}"
    );
    assert!(
        shared["text"]
            .as_str()
            .is_some_and(|t| t.contains("Cable fault on the 10 kV Harbor Road feeder")),
        "{shared}"
    );
    assert!(
        shared["url"]
            .as_str()
            .is_some_and(|u| u.contains("/outages")),
        "{shared}"
    );
    s.finish().await;
}

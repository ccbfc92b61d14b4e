//! Usage in the browser: the resident opens Usage, reads the charts, switches to the tables,
//! downloads the Green Button XML (which must validate against the ESPI schemas), and prints a
//! bill on one A4 page with its explanation.

use crate::browser::start;

/// Validates a Green Button file with xmllint and the ESPI v3.3 schemas kept in the repository.
fn assert_valid_green_button(text: &str) {
    let schemas = crate::browser::manifest_dir().join("tests/greenbutton");
    let file =
        std::env::temp_dir().join(format!("gridcare-e2e-gb-{:x}.xml", rand::random::<u64>()));
    std::fs::write(&file, text).expect("write the download");
    let out = std::process::Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(schemas.join("greenbutton.xsd"))
        .arg(&file)
        .output()
        .expect("xmllint runs (cargo xtask test installs libxml2-utils)");
    let _ = std::fs::remove_file(&file);
    assert!(
        out.status.success(),
        "the download does not validate: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test]
async fn the_resident_reads_usage_as_tables_and_downloads_green_button_data_that_validates() {
    let s = start(360, 740).await;
    s.sign_in(
        "resident@example.com",
        "demo-resident-2026",
        "Welcome, Li Wei",
    )
    .await;
    s.follow("Usage").await;
    s.heading("Usage").await;
    s.wait_for("//*[local-name()='svg' and @role='img']/*[local-name()='title' and normalize-space(.)='Use by month']")
        .await;
    s.wait_for("//*[local-name()='svg' and @role='img']/*[local-name()='title' and normalize-space(.)='Use by day']")
        .await;
    s.wait_for("//*[local-name()='svg' and @role='img']/*[local-name()='title' and normalize-space(.)='Use by hour']")
        .await;
    assert!(
        !s.scrolls_sideways().await,
        "the usage charts scroll sideways at 360 px"
    );
    s.assert_accessible("usage charts (360 px)").await;

    // The same numbers as tables.
    s.press("Show as tables").await;
    s.wait_for("//button[@aria-pressed='true' and normalize-space(.)='Show as charts']")
        .await;
    let months = s
        .client
        .find_all(fantoccini::Locator::XPath(
            "//section[@aria-labelledby='months-heading']//tbody/tr",
        ))
        .await
        .expect("month rows")
        .len();
    assert_eq!(months, 36, "three years of billed months");
    s.choose("Days shown", "Last 7 days").await;
    s.wait_for("//section[@aria-labelledby='days-heading']//tbody[count(tr)=7 or count(tr)=8]")
        .await;
    let hours = s
        .client
        .find_all(fantoccini::Locator::XPath(
            "//section[@aria-labelledby='hours-heading']//tbody/tr",
        ))
        .await
        .expect("hour rows")
        .len();
    assert_eq!(hours, 24);
    assert!(
        !s.scrolls_sideways().await,
        "the usage tables scroll sideways at 360 px"
    );
    s.assert_accessible("usage tables (360 px)").await;

    // Green Button "Download My Data": the last 30 days, hour by hour.
    s.follow("Download Green Button XML").await;
    let (name, xml) = s.downloaded("greenbutton-3100123456-hour-").await;
    assert!(name.ends_with(".xml"), "{name}");
    assert!(xml.contains("<UsagePoint xmlns=\"http://naesb.org/espi\">"));
    assert!(
        xml.matches("<IntervalReading>").count() >= 29 * 24,
        "30 days of hours"
    );
    assert_valid_green_button(&xml);
    s.finish().await;
}

#[tokio::test]
async fn a_bill_explains_itself_and_prints_on_one_a4_page() {
    let s = start(1280, 900).await;
    s.sign_in(
        "resident@example.com",
        "demo-resident-2026",
        "Welcome, Li Wei",
    )
    .await;
    s.follow("View bill").await;
    s.heading_containing("Bill for").await;
    s.wait_for("//h2[normalize-space(.)='Why this amount']")
        .await;
    s.wait_for("//section[@aria-labelledby='why-heading']//li[starts-with(normalize-space(.), 'This bill: ')]")
        .await;
    let reference = s.fact("Reference").await;
    assert!(reference.starts_with("GC-3100123456-"), "{reference}");
    s.wait_for("//button[normalize-space(.)='Print or save as PDF']")
        .await;
    s.assert_accessible("bill with its explanation").await;
    let pdf = s
        .client
        .print(
            fantoccini::wd::PrintConfiguration::builder()
                .size(fantoccini::wd::PrintSize::A4)
                .shrink_to_fit(false)
                .build()
                .expect("a print configuration"),
        )
        .await
        .expect("a PDF");
    let text = String::from_utf8_lossy(&pdf);
    let pages = text
        .match_indices("/Type /Page")
        .filter(|(i, _)| !text[i + 11..].starts_with('s'))
        .count();
    assert_eq!(pages, 1, "the bill prints on {pages} A4 pages");
    s.finish().await;
}

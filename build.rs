//! Tells the code which browser client it is being built as (see `api::clients`), as
//! `cfg(client = "portal" | "services" | "business" | "staff")`, so that each client compiles
//! only its own pages and the strings they use. Server builds get no `client`.

fn main() {
    println!(
        "cargo::rustc-check-cfg=cfg(client, values(\"portal\", \"services\", \"business\", \"staff\"))"
    );
    let on = |feature: &str| std::env::var_os(format!("CARGO_FEATURE_{feature}")).is_some();
    let client = if on("STAFF") {
        Some("staff")
    } else if on("SERVICES") {
        Some("services")
    } else if on("BUSINESS") {
        Some("business")
    } else if on("CSR") {
        Some("portal")
    } else {
        None
    };
    if let Some(client) = client {
        println!("cargo::rustc-cfg=client=\"{client}\"");
    }
}

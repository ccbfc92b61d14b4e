//! End-to-end tests: the built client in real headless Chromium, driven from Rust over WebDriver,
//! against the real server with the demo data. Every page visited is checked with axe-core.
//! `cargo xtask test` builds the client and sets CHROMIUM, CHROMEDRIVER, AXE_CORE, GRIDCARE_DIST.

mod browser;
mod business;
mod connections;
mod feedback;
mod journeys;
mod notifications;
mod pay;
mod phone;
mod repairs;
mod usage;

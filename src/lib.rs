//! GridCare: a self-service portal for the customers of an electricity utility.
//!
//! `domain` holds the rules, `api` the contract between browser and server, `ui` the Leptos
//! client (feature `csr`), `server` the axum server (feature `ssr`). See ARCHITECTURE.md.

pub mod api;
pub mod domain;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "csr")]
pub mod ui;

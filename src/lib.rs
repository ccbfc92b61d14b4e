//! GridCare: a self-service portal for the customers of an electricity utility.
//!
//! `domain` holds the rules, `api` the contract between browser and server, `ui` the Leptos
//! client (feature `csr`; the server renders public pages' first view with it too), `server` the
//! axum server (feature `ssr`). See ARCHITECTURE.md.

// The server renders views whose types nest deeply.
#![recursion_limit = "256"]

pub mod api;
pub mod domain;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(any(feature = "csr", feature = "ssr"))]
pub mod ui;

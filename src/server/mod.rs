//! The server (feature `ssr`): configuration, storage, sign-in and sessions, HTTP, demo data.
//! Nothing here is compiled into the browser client.

pub mod app;
pub mod auth;
pub mod autopay;
pub mod bills;
pub mod binding;
pub mod cache;
pub mod clock;
pub mod config;
pub mod connections;
pub mod documents;
pub mod feedback;
pub mod http;
pub mod login;
pub mod mailsink;
pub mod mfa;
pub mod notify;
pub mod organisations;
pub mod pages;
pub mod pay;
pub mod paysandbox;
pub mod repairs;
pub mod request;
pub mod seed;
pub mod signed;
pub mod smsgateway;
pub mod store;
pub mod supervisor;
pub mod usage;

pub use app::{AppState, Application};
pub use clock::{Clock, ManualClock, SystemClock};
pub use config::Config;

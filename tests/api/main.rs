//! API tests: the server functions over HTTP against a started server and a fresh database per
//! test. `GRIDCARE_TEST_DATABASE` picks the database: `sqlite` (default) or a `postgres://` URL
//! (each test then gets its own database, dropped at the end). `cargo xtask test` runs both.

mod access;
mod accounts;
mod auth;
mod bills;
mod connections;
mod feedback;
mod first_paint;
mod helpers;
mod http;
mod login;
mod mfa;
mod notifications;
mod organisations;
mod pay;
mod repairs;
mod storage;
mod supervisor;
mod usage;

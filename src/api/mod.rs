//! The contract between browser and server: the shapes that travel and the `#[server]` functions,
//! one file per area. Each server function is thin: who is asking, may they, call the store,
//! map the error. Their bodies exist only in the `ssr` build; the client gets an HTTP call.

pub mod accounts;
pub mod auth;
pub mod bills;
pub mod clients;
pub mod codec;
pub mod connections;
pub mod error;
pub mod feedback;
pub mod first_paint;
pub mod notifications;
pub mod organisations;
pub mod pages;
pub mod pay;
pub mod repairs;
pub mod staff;
pub mod supervisor;
pub mod usage;

pub use error::ApiError;

//! Widgets shared by pages.

pub mod account_card;
#[cfg(feature = "connections-ui")]
pub mod case_view;
#[cfg(feature = "connections-ui")]
pub mod choice;
pub mod data;
pub mod field;
pub mod guard;
pub mod header;
pub mod status;
pub mod text;

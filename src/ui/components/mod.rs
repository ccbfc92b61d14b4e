//! Widgets shared by pages.

pub mod account_card;
pub mod field;
pub mod guard;
pub mod header;
pub mod status;
pub mod text;

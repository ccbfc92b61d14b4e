//! Widgets shared by pages.

pub mod account_card;
pub mod care;
pub mod case_view;
pub mod chart;
pub mod choice;
pub mod data;
pub mod feedback_view;
pub mod field;
pub mod guard;
pub mod header;
pub mod org_nav;
pub mod rating;
pub mod share;
pub mod status;
pub mod text;

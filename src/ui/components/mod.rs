//! Widgets shared by pages.

#[cfg(client = "portal")]
pub mod account_card;
#[cfg(any(client = "services", client = "staff"))]
pub mod case_view;
#[cfg(any(client = "business", client = "portal", client = "staff"))]
pub mod chart;
pub mod choice;
pub mod data;
#[cfg(any(client = "services", client = "staff"))]
pub mod feedback_view;
#[cfg(any(client = "business", client = "portal"))]
pub mod field;
pub mod guard;
pub mod header;
#[cfg(client = "business")]
pub mod org_nav;
#[cfg(any(client = "services", client = "staff"))]
pub mod rating;
pub mod status;
pub mod text;

//! One file per page.

#[cfg(feature = "connections-ui")]
pub mod apply;
pub mod bill;
pub mod bills;
#[cfg(feature = "connections-ui")]
pub mod connections;
pub mod not_found;
pub mod overview;
pub mod register;
pub mod sign_in;
#[cfg(feature = "connections-ui")]
pub mod staff;

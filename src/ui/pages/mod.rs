//! One file per page.

pub mod apply;
pub mod bill;
pub mod bills;
pub mod connections;
pub mod not_found;
pub mod overview;
pub mod register;
pub mod sign_in;
pub mod staff;

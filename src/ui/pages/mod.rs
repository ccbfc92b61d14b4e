//! One file per page.

pub mod bill;
pub mod bills;
pub mod not_found;
pub mod overview;
pub mod register;
pub mod sign_in;

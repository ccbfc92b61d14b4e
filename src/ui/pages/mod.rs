//! One file per page.

#[cfg(client = "services")]
pub mod apply;
#[cfg(client = "portal")]
pub mod bill;
#[cfg(client = "portal")]
pub mod bills;
#[cfg(client = "business")]
pub mod business;
#[cfg(any(client = "services", client = "staff"))]
pub mod connections;
#[cfg(client = "staff")]
pub mod dispatch;
#[cfg(client = "business")]
pub mod export;
#[cfg(client = "services")]
pub mod feedback;
#[cfg(client = "staff")]
pub mod feedback_desk;
#[cfg(client = "business")]
pub mod members;
pub mod not_found;
#[cfg(any(client = "services", client = "staff"))]
pub mod outages;
#[cfg(client = "portal")]
pub mod overview;
#[cfg(client = "portal")]
pub mod register;
#[cfg(any(client = "services", client = "staff"))]
pub mod repairs;
#[cfg(client = "services")]
pub mod report;
#[cfg(client = "portal")]
pub mod sign_in;
#[cfg(client = "business")]
pub mod site;
#[cfg(client = "business")]
pub mod sites;
#[cfg(client = "staff")]
pub mod staff;
#[cfg(client = "staff")]
pub mod supervision;
#[cfg(client = "portal")]
pub mod usage;

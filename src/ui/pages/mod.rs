//! One file per page.

pub mod account;
pub mod apply;
pub mod bill;
pub mod bills;
pub mod business;
pub mod connections;
pub mod dispatch;
pub mod export;
pub mod feedback;
pub mod feedback_desk;
pub mod members;
pub mod not_found;
pub mod notifications;
pub mod outages;
pub mod outbox;
pub mod overview;
pub mod register;
pub mod repairs;
pub mod report;
pub mod security_log;
pub mod sign_in;
pub mod site;
pub mod sites;
pub mod staff;
pub mod supervision;
pub mod usage;

//! The rules of the utility's customer service, in plain Rust: no I/O, no framework, no clock.
//! Everything here is shared by the server and the browser client.

pub mod account;
pub mod application;
pub mod bill;
pub mod binding;
pub mod calendar;
pub mod case_number;
pub mod connection;
pub mod csv;
pub mod energy;
pub mod feedback;
pub mod greenbutton;
pub mod identity;
pub mod input;
pub mod lang;
pub mod ledger;
pub mod local_time;
pub mod lockout;
pub mod login;
pub mod money;
pub mod notify;
pub mod organisation;
pub mod repair;
pub mod tariff;
pub mod usage;

pub use account::{AccountNumber, AreaClass, CustomerCategory, PhoneLast4};
pub use bill::BillStatus;
pub use energy::KilowattHours;
pub use identity::{EmailAddress, OrgRole, Password, Role};
pub use input::{Field, FieldError, Problem, RowId, parse_page, parse_row_id};
pub use lang::Lang;
pub use lockout::LockoutPolicy;
pub use money::Fen;
pub use tariff::{LineKind, PricePerKwh, PricedLine, Tariff, TariffError, TierPeriod, Usage};

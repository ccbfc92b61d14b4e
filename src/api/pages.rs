//! Every page of the portal in one table: its address, its parameters, and the client that
//! serves it. Links, redirects, the header, each client's routes and the server's fallback to
//! a client's `index.html` are all built from here; no other code writes a page's address.
//!
//! `Route` is a kind of page (its pattern, its client); `Page` is one page with its values,
//! which writes its own address (`Page::href`).

use super::clients::Client;
use crate::domain::RowId;

/// A kind of page: one pattern, served by one client. Listed in matching order (a fixed word
/// before a parameter in the same place: `/repairs/new` before `/repairs/:id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Overview,
    SignIn,
    Register,
    Bills,
    Bill,
    AccountBills,
    Usage,
    Applications,
    Apply,
    Application,
    Repairs,
    Report,
    Ticket,
    Outages,
    Feedback,
    GiveFeedback,
    FeedbackCase,
    Organisations,
    Join,
    OrgDashboard,
    Sites,
    Site,
    Members,
    Export,
    StaffHome,
    StaffQueue,
    StaffCase,
    StaffTickets,
    StaffTicket,
    StaffOutages,
    StaffFeedback,
    StaffFeedbackCase,
    StaffDashboard,
    Notifications,
    NotificationSettings,
    StaffOutbox,
    VerifyEmail,
    ForgotPassword,
    ResetPassword,
    Security,
    StaffSecurityLog,
    PayDone,
    Pay,
    Receipt,
    OrgPay,
    StaffPayments,
}

impl Route {
    /// Every route, in matching order.
    pub const ALL: [Route; 46] = [
        Route::Overview,
        Route::SignIn,
        Route::Register,
        Route::Bills,
        Route::Bill,
        Route::AccountBills,
        Route::Usage,
        Route::Applications,
        Route::Apply,
        Route::Application,
        Route::Repairs,
        Route::Report,
        Route::Ticket,
        Route::Outages,
        Route::Feedback,
        Route::GiveFeedback,
        Route::FeedbackCase,
        Route::Organisations,
        Route::Join,
        Route::OrgDashboard,
        Route::Sites,
        Route::Site,
        Route::Members,
        Route::Export,
        Route::StaffHome,
        Route::StaffQueue,
        Route::StaffCase,
        Route::StaffTickets,
        Route::StaffTicket,
        Route::StaffOutages,
        Route::StaffFeedback,
        Route::StaffFeedbackCase,
        Route::StaffDashboard,
        Route::Notifications,
        Route::NotificationSettings,
        Route::StaffOutbox,
        Route::VerifyEmail,
        Route::ForgotPassword,
        Route::ResetPassword,
        Route::Security,
        Route::StaffSecurityLog,
        Route::PayDone,
        Route::Pay,
        Route::Receipt,
        Route::OrgPay,
        Route::StaffPayments,
    ];

    /// The address pattern: fixed words, and `:name` for a parameter.
    pub const fn pattern(self) -> &'static str {
        match self {
            Route::Overview => "/",
            Route::SignIn => "/signin",
            Route::Register => "/register",
            Route::Bills => "/bills",
            Route::Bill => "/bills/:id",
            Route::AccountBills => "/accounts/:id/bills",
            Route::Usage => "/usage",
            Route::Applications => "/connections",
            Route::Apply => "/connections/new",
            Route::Application => "/connections/:id",
            Route::Repairs => "/repairs",
            Route::Report => "/repairs/new",
            Route::Ticket => "/repairs/:id",
            Route::Outages => "/outages",
            Route::Feedback => "/feedback",
            Route::GiveFeedback => "/feedback/new",
            Route::FeedbackCase => "/feedback/:id",
            Route::Organisations => "/business",
            Route::Join => "/business/join/:token",
            Route::OrgDashboard => "/business/:org",
            Route::Sites => "/business/:org/sites",
            Route::Site => "/business/:org/sites/:site",
            Route::Members => "/business/:org/members",
            Route::Export => "/business/:org/export",
            Route::StaffHome => "/staff",
            Route::StaffQueue => "/staff/queue",
            Route::StaffCase => "/staff/cases/:id",
            Route::StaffTickets => "/staff/tickets",
            Route::StaffTicket => "/staff/tickets/:id",
            Route::StaffOutages => "/staff/outages",
            Route::StaffFeedback => "/staff/feedback",
            Route::StaffFeedbackCase => "/staff/feedback/:id",
            Route::StaffDashboard => "/staff/dashboard",
            Route::Notifications => "/notifications",
            Route::NotificationSettings => "/notifications/settings",
            Route::StaffOutbox => "/staff/outbox",
            Route::VerifyEmail => "/verify-email",
            Route::ForgotPassword => "/forgot-password",
            Route::ResetPassword => "/reset-password",
            Route::Security => "/security",
            Route::StaffSecurityLog => "/staff/security-log",
            Route::PayDone => "/pay/done",
            Route::Pay => "/pay",
            Route::Receipt => "/receipts/:id",
            Route::OrgPay => "/business/:org/pay",
            Route::StaffPayments => "/staff/payments",
        }
    }

    /// The client that serves this page.
    pub const fn client(self) -> Client {
        match self {
            Route::Overview
            | Route::SignIn
            | Route::Register
            | Route::Bills
            | Route::Bill
            | Route::AccountBills
            | Route::Usage
            | Route::Notifications
            | Route::NotificationSettings => Client::Portal,
            Route::Applications
            | Route::Apply
            | Route::Application
            | Route::Repairs
            | Route::Report
            | Route::Ticket
            | Route::Outages
            | Route::Feedback
            | Route::GiveFeedback
            | Route::FeedbackCase => Client::Services,
            Route::Organisations
            | Route::Join
            | Route::OrgDashboard
            | Route::Sites
            | Route::Site
            | Route::Members
            | Route::Export
            | Route::OrgPay => Client::Business,
            Route::StaffHome
            | Route::StaffQueue
            | Route::StaffCase
            | Route::StaffTickets
            | Route::StaffTicket
            | Route::StaffOutages
            | Route::StaffFeedback
            | Route::StaffFeedbackCase
            | Route::StaffDashboard
            | Route::StaffOutbox => Client::Staff,
            Route::VerifyEmail
            | Route::ForgotPassword
            | Route::ResetPassword
            | Route::Security
            | Route::StaffSecurityLog
            | Route::PayDone
            | Route::Pay
            | Route::Receipt
            | Route::StaffPayments => Client::Account,
        }
    }

    /// True for a page only a signed-in person opens: the server sends anyone else to the
    /// sign-in page (which brings them back) before any program loads.
    pub const fn needs_sign_in(self) -> bool {
        !matches!(
            self,
            Route::SignIn
                | Route::Register
                | Route::Outages
                | Route::VerifyEmail
                | Route::ForgotPassword
                | Route::ResetPassword
        )
    }

    /// True for a page whose first view the server writes into the HTML it sends (the
    /// components rendered on the server), so a visitor reads it before the program has
    /// loaded, or without scripts at all: the public pages a new visitor opens first, and the
    /// overview a customer opens first.
    pub const fn first_paint(self) -> bool {
        matches!(
            self,
            Route::SignIn
                | Route::Register
                | Route::Outages
                | Route::ForgotPassword
                | Route::Overview
        )
    }

    /// True when this page is served by `client`; usable in constant expressions, so a client's
    /// build keeps only its own pages.
    pub const fn served_by(self, client: Client) -> bool {
        self.client() as u8 == client as u8
    }

    /// The route an address belongs to (its query and fragment ignored), if any.
    pub fn for_path(path: &str) -> Option<Route> {
        let path = path.split(['?', '#']).next().unwrap_or("");
        Route::ALL.into_iter().find(|r| matches(r.pattern(), path))
    }
}

/// The `:name` segments of `path` by name, where `path` fits `pattern`.
pub fn path_params(pattern: &str, path: &str) -> Vec<(String, String)> {
    segments(pattern)
        .zip(segments(path))
        .filter_map(|(w, h)| Some((w.strip_prefix(':')?.to_string(), decode(h))))
        .collect()
}

/// A query (without the `?`) as its decoded `name=value` pairs, in order.
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Undoes [`encode`] (and a form's `+` for a space); a `%` not followed by two hex digits is
/// kept as it is, and bytes that are not UTF-8 become U+FFFD.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|&b| (b as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
            (b'+', _, _) => out.push(b' '),
            (b, _, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// True when `path` fits `pattern` segment by segment (`:name` takes any one non-empty segment).
fn matches(pattern: &str, path: &str) -> bool {
    let (mut want, mut have) = (segments(pattern), segments(path));
    loop {
        match (want.next(), have.next()) {
            (None, None) => return true,
            (Some(w), Some(h)) if w.starts_with(':') || w == h => {}
            _ => return false,
        }
    }
}

/// The segments of a pattern or a path: what lies between slashes, empty ones skipped.
fn segments(s: &str) -> impl Iterator<Item = &str> {
    s.split('/').filter(|s| !s.is_empty())
}

/// Which finished job a new feedback case is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AboutJob {
    /// `repair` or `connection` (`domain::feedback::JobKind`'s wire name).
    pub kind: &'static str,
    pub id: RowId,
    /// The job's number as people know it (`BX-2026-000001`).
    pub number: String,
}

/// One page with its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Overview,
    /// Sign in, then go to `next` (one of our own pages).
    SignIn {
        next: Option<String>,
    },
    Register {
        next: Option<String>,
    },
    Bills,
    Bill(RowId),
    AccountBills(RowId),
    /// Usage, of one account when it is named.
    Usage {
        account: Option<RowId>,
    },
    Applications,
    Apply,
    Application(RowId),
    Repairs,
    /// Report a fault, for a premise when it is named.
    Report {
        account: Option<RowId>,
    },
    Ticket(RowId),
    /// The outage notices, scrolled to one when it is named.
    Outages {
        outage: Option<RowId>,
    },
    Feedback,
    GiveFeedback {
        about: Option<AboutJob>,
    },
    FeedbackCase(RowId),
    Organisations,
    Join(String),
    OrgDashboard(RowId),
    /// An organisation's sites, with the filters as a query (`q=…&unpaid=true`), or none.
    Sites {
        org: RowId,
        query: String,
    },
    Site {
        org: RowId,
        site: RowId,
    },
    Members(RowId),
    /// The export form, with chosen sites when any.
    Export {
        org: RowId,
        sites: Vec<RowId>,
    },
    StaffQueue,
    StaffCase(RowId),
    StaffTickets,
    StaffTicket(RowId),
    StaffOutages,
    StaffFeedback,
    StaffFeedbackCase(RowId),
    StaffDashboard,
    Notifications,
    NotificationSettings,
    StaffOutbox,
    /// Confirms an email address with the token from the link sent to it, then goes to
    /// `next` (one of our own pages), else the overview.
    VerifyEmail {
        token: String,
        next: Option<String>,
    },
    ForgotPassword,
    /// Sets a new password with the token from the link sent by email.
    ResetPassword {
        token: String,
    },
    /// The person's password and sessions.
    Security,
    StaffSecurityLog,
    /// Where the payment provider sends the person back (it adds `?order=…`).
    PayDone,
    /// Paying one account, from one of its bills when it is named.
    Pay {
        account: Option<RowId>,
        bill: Option<RowId>,
    },
    /// One payment's receipt.
    Receipt(RowId),
    /// Paying an organisation's sites, the chosen ones when any.
    OrgPay {
        org: RowId,
        sites: Vec<RowId>,
    },
    /// Staff: payments, refunds and bank statements.
    StaffPayments,
}

impl Page {
    /// The kind of page.
    pub fn route(&self) -> Route {
        match self {
            Page::Overview => Route::Overview,
            Page::SignIn { .. } => Route::SignIn,
            Page::Register { .. } => Route::Register,
            Page::Bills => Route::Bills,
            Page::Bill(_) => Route::Bill,
            Page::AccountBills(_) => Route::AccountBills,
            Page::Usage { .. } => Route::Usage,
            Page::Applications => Route::Applications,
            Page::Apply => Route::Apply,
            Page::Application(_) => Route::Application,
            Page::Repairs => Route::Repairs,
            Page::Report { .. } => Route::Report,
            Page::Ticket(_) => Route::Ticket,
            Page::Outages { .. } => Route::Outages,
            Page::Feedback => Route::Feedback,
            Page::GiveFeedback { .. } => Route::GiveFeedback,
            Page::FeedbackCase(_) => Route::FeedbackCase,
            Page::Organisations => Route::Organisations,
            Page::Join(_) => Route::Join,
            Page::OrgDashboard(_) => Route::OrgDashboard,
            Page::Sites { .. } => Route::Sites,
            Page::Site { .. } => Route::Site,
            Page::Members(_) => Route::Members,
            Page::Export { .. } => Route::Export,
            Page::StaffQueue => Route::StaffQueue,
            Page::StaffCase(_) => Route::StaffCase,
            Page::StaffTickets => Route::StaffTickets,
            Page::StaffTicket(_) => Route::StaffTicket,
            Page::StaffOutages => Route::StaffOutages,
            Page::StaffFeedback => Route::StaffFeedback,
            Page::StaffFeedbackCase(_) => Route::StaffFeedbackCase,
            Page::StaffDashboard => Route::StaffDashboard,
            Page::Notifications => Route::Notifications,
            Page::NotificationSettings => Route::NotificationSettings,
            Page::StaffOutbox => Route::StaffOutbox,
            Page::VerifyEmail { .. } => Route::VerifyEmail,
            Page::ForgotPassword => Route::ForgotPassword,
            Page::ResetPassword { .. } => Route::ResetPassword,
            Page::Security => Route::Security,
            Page::StaffSecurityLog => Route::StaffSecurityLog,
            Page::PayDone => Route::PayDone,
            Page::Pay { .. } => Route::Pay,
            Page::Receipt(_) => Route::Receipt,
            Page::OrgPay { .. } => Route::OrgPay,
            Page::StaffPayments => Route::StaffPayments,
        }
    }

    /// The page's address: its route's pattern with the values filled in, then any query.
    pub fn href(&self) -> String {
        let values: Vec<String> = match self {
            Page::Bill(id)
            | Page::AccountBills(id)
            | Page::Application(id)
            | Page::Ticket(id)
            | Page::FeedbackCase(id)
            | Page::OrgDashboard(id)
            | Page::Members(id)
            | Page::StaffCase(id)
            | Page::StaffTicket(id)
            | Page::StaffFeedbackCase(id)
            | Page::Receipt(id) => vec![id.to_string()],
            Page::Sites { org, .. } | Page::Export { org, .. } | Page::OrgPay { org, .. } => {
                vec![org.to_string()]
            }
            Page::Site { org, site } => vec![org.to_string(), site.to_string()],
            Page::Join(token) => vec![encode(token)],
            _ => Vec::new(),
        };
        let mut values = values.into_iter();
        let mut href = String::new();
        for segment in self.route().pattern().split('/').filter(|s| !s.is_empty()) {
            href.push('/');
            if segment.starts_with(':') {
                href.push_str(&values.next().unwrap_or_default());
            } else {
                href.push_str(segment);
            }
        }
        if href.is_empty() {
            href.push('/');
        }
        match self {
            Page::SignIn { next: Some(next) } | Page::Register { next: Some(next) } => {
                href.push_str(&format!("?next={}", encode(next)));
            }
            Page::Usage {
                account: Some(account),
            } => href.push_str(&format!("?account={account}")),
            Page::Report { account: Some(id) } => href.push_str(&format!("?account={id}")),
            Page::VerifyEmail { token, next } => {
                href.push_str(&format!("?token={}", encode(token)));
                if let Some(next) = next {
                    href.push_str(&format!("&next={}", encode(next)));
                }
            }
            Page::ResetPassword { token } => {
                href.push_str(&format!("?token={}", encode(token)));
            }
            Page::Outages { outage: Some(id) } => href.push_str(&format!("#outage-{id}")),
            Page::GiveFeedback { about: Some(job) } => href.push_str(&format!(
                "?job_kind={}&job_id={}&number={}",
                job.kind,
                job.id,
                encode(&job.number)
            )),
            Page::Sites { query, .. } if !query.is_empty() => {
                href.push('?');
                href.push_str(query);
            }
            Page::Export { sites, .. } | Page::OrgPay { sites, .. } if !sites.is_empty() => {
                let ids: Vec<String> = sites.iter().map(RowId::to_string).collect();
                href.push_str(&format!("?sites={}", ids.join(",")));
            }
            Page::Pay { account, bill } => {
                let pairs = [
                    (
                        "account",
                        account.map(|a| a.to_string()).unwrap_or_default(),
                    ),
                    ("bill", bill.map(|b| b.to_string()).unwrap_or_default()),
                ];
                let q = query(&pairs);
                if !q.is_empty() {
                    href.push('?');
                    href.push_str(&q);
                }
            }
            _ => {}
        }
        href
    }

    /// The client that serves this page.
    pub fn client(&self) -> Client {
        self.route().client()
    }
}

/// A file the server sends or takes, beside the pages: the server's routes are these
/// patterns, and the client writes these addresses, so neither writes them on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileAddress {
    /// A stored document (`GET`).
    Document(RowId),
    /// Storing a document of `kind` named `name` (`POST`, the file is the body).
    Upload { kind: String, name: String },
    /// An organisation's bills as CSV, for the range and sites in `query` (name and value
    /// pairs; empty values are left out).
    OrgBills {
        org: RowId,
        query: Vec<(&'static str, String)>,
    },
    /// The payments received on an organisation's sites as CSV, for the same `query`.
    OrgPayments {
        org: RowId,
        query: Vec<(&'static str, String)>,
    },
    /// A service account's usage as a Green Button `file` (`espi.xml` or `usage.csv`), for a
    /// range of days and an interval.
    Usage {
        account: RowId,
        file: &'static str,
        from: String,
        to: String,
        interval: &'static str,
    },
    /// A bank statement staff upload (`POST`, the CSV is the body).
    Statement,
}

impl FileAddress {
    /// The server's route for uploads.
    pub const UPLOAD: &'static str = "/api/documents";
    /// The server's route for a stored document.
    pub const DOCUMENT: &'static str = "/api/documents/{id}";
    /// The server's route for an organisation's bills.
    pub const ORG_BILLS: &'static str = "/api/org/{id}/bills.csv";
    /// The server's route for the payments received on an organisation's sites.
    pub const ORG_PAYMENTS: &'static str = "/api/org/{id}/payments.csv";
    /// The server's route for Green Button files.
    pub const USAGE: &'static str = "/api/usage/{account}/{file}";
    /// The server's route for bank statements staff upload (`POST`, the CSV is the body).
    pub const STATEMENT: &'static str = "/api/pay/statement";

    /// The address to fetch.
    pub fn href(&self) -> String {
        match self {
            FileAddress::Document(id) => Self::DOCUMENT.replace("{id}", &id.to_string()),
            FileAddress::Statement => Self::STATEMENT.to_string(),
            FileAddress::Upload { kind, name } => format!(
                "{}?{}",
                Self::UPLOAD,
                query(&[("kind", kind.clone()), ("name", name.clone())])
            ),
            FileAddress::OrgBills { org, query: q } => format!(
                "{}?{}",
                Self::ORG_BILLS.replace("{id}", &org.to_string()),
                query(q)
            ),
            FileAddress::OrgPayments { org, query: q } => format!(
                "{}?{}",
                Self::ORG_PAYMENTS.replace("{id}", &org.to_string()),
                query(q)
            ),
            FileAddress::Usage {
                account,
                file,
                from,
                to,
                interval,
            } => format!(
                "{}?{}",
                Self::USAGE
                    .replace("{account}", &account.to_string())
                    .replace("{file}", file),
                query(&[
                    ("from", from.clone()),
                    ("to", to.clone()),
                    ("interval", interval.to_string()),
                ])
            ),
        }
    }
}

/// `name=value` pairs as a query (without the `?`), values encoded, empty values left out.
pub fn query(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes everything but unreserved characters, for a value inside an address.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_reads_back_what_encode_wrote() {
        let value = "Harbor & Sons 100% 港口+/?";
        let q = query(&[
            ("search", value.to_string()),
            ("empty", String::new()),
            ("page", "2".into()),
        ]);
        assert_eq!(
            parse_query(&q),
            vec![
                ("search".to_string(), value.to_string()),
                ("page".into(), "2".into())
            ]
        );
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%FF"), "\u{FFFD}");
        assert_eq!(
            parse_query("flag&x=1"),
            vec![("flag".into(), String::new()), ("x".into(), "1".into())]
        );
    }

    #[test]
    fn a_path_gives_its_named_segments() {
        assert_eq!(
            path_params(
                "/organisations/:org/sites/:site",
                "/organisations/7/sites/12/"
            ),
            vec![
                ("org".to_string(), "7".to_string()),
                ("site".into(), "12".into())
            ]
        );
        assert!(path_params("/bills", "/bills").is_empty());
    }

    #[test]
    fn file_addresses_are_the_servers_routes_filled_in() {
        assert_eq!(FileAddress::Document(RowId(7)).href(), "/api/documents/7");
        assert_eq!(
            FileAddress::Upload {
                kind: "id_card".into(),
                name: "my scan 文.pdf".into()
            }
            .href(),
            "/api/documents?kind=id_card&name=my%20scan%20%E6%96%87.pdf"
        );
        assert_eq!(
            FileAddress::OrgBills {
                org: RowId(3),
                query: vec![
                    ("from", "2026-01".into()),
                    ("to", "2026-06".into()),
                    ("sites", String::new()),
                    ("label", "North & East".into()),
                ],
            }
            .href(),
            "/api/org/3/bills.csv?from=2026-01&to=2026-06&label=North%20%26%20East"
        );
        assert_eq!(
            FileAddress::Usage {
                account: RowId(12),
                file: "espi.xml",
                from: "2026-11-01".into(),
                to: "2026-11-30".into(),
                interval: "hour",
            }
            .href(),
            "/api/usage/12/espi.xml?from=2026-11-01&to=2026-11-30&interval=hour"
        );
    }

    fn samples() -> Vec<Page> {
        vec![
            Page::Overview,
            Page::SignIn { next: None },
            Page::SignIn {
                next: Some("/bills/3?page=2".into()),
            },
            Page::Register { next: None },
            Page::Bills,
            Page::Bill(RowId(7)),
            Page::AccountBills(RowId(2)),
            Page::Usage { account: None },
            Page::Usage {
                account: Some(RowId(4)),
            },
            Page::Applications,
            Page::Apply,
            Page::Application(RowId(5)),
            Page::Repairs,
            Page::Report {
                account: Some(RowId(9)),
            },
            Page::Ticket(RowId(12)),
            Page::Outages {
                outage: Some(RowId(3)),
            },
            Page::Feedback,
            Page::GiveFeedback {
                about: Some(AboutJob {
                    kind: "repair",
                    id: RowId(1),
                    number: "BX-2026-000001".into(),
                }),
            },
            Page::FeedbackCase(RowId(4)),
            Page::Organisations,
            Page::Join("abc".into()),
            Page::OrgDashboard(RowId(3)),
            Page::Sites {
                org: RowId(3),
                query: "unpaid=true".into(),
            },
            Page::Site {
                org: RowId(3),
                site: RowId(8),
            },
            Page::Members(RowId(3)),
            Page::Export {
                org: RowId(3),
                sites: vec![RowId(8), RowId(9)],
            },
            Page::StaffQueue,
            Page::StaffCase(RowId(1)),
            Page::StaffTickets,
            Page::StaffTicket(RowId(1)),
            Page::StaffOutages,
            Page::StaffFeedback,
            Page::StaffFeedbackCase(RowId(1)),
            Page::StaffDashboard,
            Page::VerifyEmail {
                token: "abc_-1".into(),
                next: Some("/business/join/abc".into()),
            },
            Page::ForgotPassword,
            Page::ResetPassword {
                token: "abc_-1".into(),
            },
            Page::Security,
            Page::StaffSecurityLog,
        ]
    }

    #[test]
    fn every_page_address_is_read_back_as_its_own_route() {
        for page in samples() {
            let href = page.href();
            assert_eq!(Route::for_path(&href), Some(page.route()), "{href}");
            assert_eq!(Client::for_path(&href), page.client(), "{href}");
        }
    }

    #[test]
    fn addresses_are_as_people_have_bookmarked_them() {
        assert_eq!(Page::Overview.href(), "/");
        assert_eq!(Page::AccountBills(RowId(2)).href(), "/accounts/2/bills");
        assert_eq!(
            Page::SignIn {
                next: Some("/bills/3?page=2".into())
            }
            .href(),
            "/signin?next=%2Fbills%2F3%3Fpage%3D2"
        );
        assert_eq!(
            Page::Site {
                org: RowId(3),
                site: RowId(8)
            }
            .href(),
            "/business/3/sites/8"
        );
        assert_eq!(
            Page::Outages {
                outage: Some(RowId(3))
            }
            .href(),
            "/outages#outage-3"
        );
        assert_eq!(
            Page::Export {
                org: RowId(3),
                sites: vec![RowId(8), RowId(9)]
            }
            .href(),
            "/business/3/export?sites=8,9"
        );
    }

    #[test]
    fn fixed_words_win_over_parameters() {
        assert_eq!(Route::for_path("/repairs/new"), Some(Route::Report));
        assert_eq!(Route::for_path("/repairs/12"), Some(Route::Ticket));
        assert_eq!(Route::for_path("/business/join/x"), Some(Route::Join));
        assert_eq!(Route::for_path("/business/3"), Some(Route::OrgDashboard));
        assert_eq!(Route::for_path("/nowhere"), None);
    }

    #[test]
    fn every_client_serves_a_page_and_every_route_is_listed_once() {
        for client in Client::ALL {
            assert!(Route::ALL.iter().any(|r| r.served_by(client)), "{client:?}");
        }
        for (i, a) in Route::ALL.iter().enumerate() {
            assert!(Route::ALL[i + 1..].iter().all(|b| b != a), "{a:?} twice");
            assert!(a.pattern().starts_with('/'));
        }
    }
}

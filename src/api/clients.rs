//! The browser clients this crate is built into, and which pages each one holds.
//!
//! Trunk cannot split one wasm module (trunk-rs/trunk#1022), so the pages are shared out among
//! several clients, each a Trunk target of its own with its own first load. The server uses this
//! table to answer a page address with the right client's `index.html`; a client uses it to
//! tell its own pages (followed by the router) from another client's (loaded by the browser).

use super::pages::Route;

/// One browser client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Client {
    /// Signing in, the overview, bills and usage: what every customer opens first.
    Portal,
    /// Connection applications, repair tickets, outage notices, feedback cases.
    Services,
    /// Enterprise organisations: the consolidated dashboard, sites, members, exports.
    Business,
    /// The staff console: queues, dispatch, the supervisor's dashboard.
    Staff,
    /// A login's own safety: confirming the email, a forgotten password, "Security" (password,
    /// two-step sign-in, sessions), and the supervisors' security log.
    Account,
}

impl Client {
    /// Every client, in the order `cargo xtask` builds them (the portal first: Trunk replaces
    /// `dist/` as a whole).
    pub const ALL: [Client; 5] = [
        Client::Portal,
        Client::Services,
        Client::Business,
        Client::Staff,
        Client::Account,
    ];

    /// The folder under `dist/` that holds this client's build, which is also the address its
    /// files are served from (`/services/…`); empty for the portal, which lives at the top.
    pub fn dir(self) -> &'static str {
        match self {
            Client::Portal => "",
            Client::Services => "services",
            Client::Business => "business",
            Client::Staff => "staff",
            Client::Account => "account",
        }
    }

    /// The Trunk target at the top of the repository that builds this client: `index.html` for
    /// the portal, else `<dir>.html`. `cargo xtask` builds every such file into `dist/<dir>/`.
    pub fn trunk_target(self) -> String {
        match self {
            Client::Portal => "index.html".into(),
            c => format!("{}.html", c.dir()),
        }
    }

    /// The Cargo feature that selects this client's pages (each implies `csr`).
    pub fn feature(self) -> &'static str {
        match self {
            Client::Portal => "csr",
            Client::Services => "services",
            Client::Business => "business",
            Client::Staff => "staff",
            Client::Account => "account",
        }
    }

    /// The client whose pages include the address `path` (`/repairs/12` → `Services`), from
    /// the page table. An address no page has goes to the client whose pages share its first
    /// word (`/staff/nothing` shows the staff console's "not found"), else to the portal.
    pub fn for_path(path: &str) -> Client {
        if let Some(route) = Route::for_path(path) {
            return route.client();
        }
        let first = |p: &str| {
            let p = p.trim_start_matches('/');
            p.split(['/', '?', '#']).next().unwrap_or("").to_string()
        };
        let word = first(path);
        Route::ALL
            .into_iter()
            .find(|r| !word.is_empty() && first(r.pattern()) == word)
            .map_or(Client::Portal, Route::client)
    }

    /// True for a client with pages that make changes asking for the password again (linking
    /// an account, notice settings, inviting, roles, two-step sign-in): only these carry the
    /// small form that answers `reauthenticate` in place.
    pub const fn asks_password_again(self) -> bool {
        matches!(self, Client::Portal | Client::Business | Client::Account)
    }

    /// The client this crate is being built as (the portal in server builds too).
    pub const fn this() -> Client {
        if cfg!(feature = "staff") {
            Client::Staff
        } else if cfg!(feature = "services") {
            Client::Services
        } else if cfg!(feature = "business") {
            Client::Business
        } else if cfg!(feature = "account") {
            Client::Account
        } else {
            Client::Portal
        }
    }
}

/// `next` if it is an address of one of our own pages (where to go after signing in), never
/// another site's: it starts with one `/`, and holds no backslash or control character.
pub fn own_page(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control)
        && !next.starts_with("/api/");
    ok.then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_address_belongs_to_one_client() {
        assert_eq!(Client::for_path("/"), Client::Portal);
        assert_eq!(Client::for_path("/bills/7"), Client::Portal);
        assert_eq!(Client::for_path("/usage"), Client::Portal);
        assert_eq!(Client::for_path("/repairs"), Client::Services);
        assert_eq!(Client::for_path("/repairs/12?x=1"), Client::Services);
        assert_eq!(Client::for_path("/outages#outage-3"), Client::Services);
        assert_eq!(Client::for_path("/feedback/new"), Client::Services);
        assert_eq!(Client::for_path("/connections/new"), Client::Services);
        assert_eq!(Client::for_path("/business/3/sites"), Client::Business);
        assert_eq!(Client::for_path("/business/join/abc"), Client::Business);
        assert_eq!(Client::for_path("/staff"), Client::Staff);
        assert_eq!(Client::for_path("/staff/queue"), Client::Staff);
        assert_eq!(Client::for_path("/security"), Client::Account);
        assert_eq!(Client::for_path("/reset-password?token=x"), Client::Account);
        assert_eq!(Client::for_path("/staff/security-log"), Client::Account);
    }

    #[test]
    fn only_our_own_pages_are_gone_to_after_signing_in() {
        assert_eq!(own_page("/business/join/abc"), Some("/business/join/abc"));
        assert_eq!(own_page("/bills/3?page=2"), Some("/bills/3?page=2"));
        assert_eq!(own_page("//evil.example/x"), None);
        assert_eq!(own_page("https://evil.example"), None);
        assert_eq!(own_page("/\\evil.example"), None);
        assert_eq!(own_page("/api/documents/3"), None);
        assert_eq!(own_page(""), None);
    }

    #[test]
    fn a_prefix_is_a_whole_segment() {
        assert_eq!(Client::for_path("/staffing"), Client::Portal);
        assert_eq!(Client::for_path("/repairsx"), Client::Portal);
    }

    #[test]
    fn each_client_has_a_trunk_target_with_its_feature() {
        for c in Client::ALL {
            let dir = std::env::var("CARGO_MANIFEST_DIR")
                .unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string());
            let path = format!("{dir}/{}", c.trunk_target());
            let html = std::fs::read_to_string(&path).expect("the client's Trunk target");
            let feature = format!("data-cargo-features=\"{}\"", c.feature());
            assert!(html.contains(&feature), "{path} must build with {feature}");
        }
    }

    #[test]
    fn folders_and_features_are_distinct() {
        for a in Client::ALL {
            for b in Client::ALL {
                if a != b {
                    assert_ne!(a.dir(), b.dir());
                    assert_ne!(a.feature(), b.feature());
                }
            }
        }
    }
}

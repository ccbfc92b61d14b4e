//! What a server function knows about the request it serves: the app, the caller, the cookie.

use crate::api::ApiError;
use crate::domain::RowId;
use crate::server::app::AppState;
use crate::server::auth::{
    SESSION_IDLE_SECS, new_token, session_cookie, token_from_cookie_header, token_hash,
};
use crate::server::store::User;
use chrono::NaiveDate;
use http::header::{COOKIE, SET_COOKIE};
use http::{HeaderValue, request::Parts};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// The request a server function is serving.
pub struct Request {
    pub state: AppState,
    parts: Parts,
}

/// The current request; only inside a server function.
pub fn current() -> Result<Request, ApiError> {
    let state = use_context::<AppState>().ok_or(ApiError::Internal)?;
    let parts = use_context::<Parts>().ok_or(ApiError::Internal)?;
    Ok(Request { state, parts })
}

impl Request {
    /// A request served by a plain axum handler (uploads), outside any server function.
    pub fn new(state: AppState, parts: Parts) -> Self {
        Request { state, parts }
    }

    fn session_token(&self) -> Option<&str> {
        self.parts
            .headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|h| token_from_cookie_header(h, self.over_tls()))
    }

    /// What the store keeps of this browser's session token, if it sent one.
    pub fn session_hash(&self) -> Option<String> {
        self.session_token().map(token_hash)
    }

    /// The browser's own description of itself, cut to 200 characters and without hidden
    /// characters, for the person's list of sessions.
    fn user_agent(&self) -> String {
        self.parts
            .headers
            .get(http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect()
    }

    /// True when the browser reached us over TLS: directly, or through a trusted proxy that
    /// says so (`X-Forwarded-Proto` from anyone else is not believed).
    fn over_tls(&self) -> bool {
        over_tls(&self.parts, &self.state.trusted_proxies)
    }

    fn set_cookie(&self, value: String) {
        if let (Some(options), Ok(value)) = (
            use_context::<ResponseOptions>(),
            HeaderValue::from_str(&value),
        ) {
            options.append_header(SET_COOKIE, value);
        }
    }

    /// The signed-in person, if the session cookie names a live session.
    pub async fn user(&self) -> Result<Option<User>, ApiError> {
        self.user_touching(true).await
    }

    /// [`Self::require_user`] for a page's background polling (the bell's count every few
    /// seconds): it does not count as use, so a console left open still ends after its idle
    /// limit.
    pub async fn require_user_polling(&self) -> Result<User, ApiError> {
        let user = self.user_touching(false).await?;
        with_second_factor(user.ok_or(ApiError::NotSignedIn)?)
    }

    async fn user_touching(&self, touch: bool) -> Result<Option<User>, ApiError> {
        let Some(token) = self.session_token() else {
            return Ok(None);
        };
        let user = self
            .state
            .store
            .session_user(&token_hash(token), self.state.clock.unix(), touch)
            .await?;
        if user.is_none() {
            self.set_cookie(session_cookie(None, self.over_tls()));
        }
        Ok(user)
    }

    /// The signed-in person, or `NotSignedIn`; staff who have not set up their second factor
    /// yet get `SetUpSecondFactor` for everything but that.
    pub async fn require_user(&self) -> Result<User, ApiError> {
        with_second_factor(self.require_user_setting_up().await?)
    }

    /// `Ok` when this session proved who its person is within the last 10 minutes (signing in,
    /// or `auth/reauthenticate`); `Reauthenticate` otherwise.
    pub async fn require_recent_auth(&self) -> Result<(), ApiError> {
        let now = self.state.clock.unix();
        let at = match self.session_hash() {
            Some(hash) => self.state.store.session_authenticated_at(&hash).await?,
            None => None,
        };
        match at {
            Some(at) if now - at <= crate::domain::login::REAUTH_SECS => Ok(()),
            _ => Err(ApiError::Reauthenticate),
        }
    }

    /// The signed-in person if they are a customer: staff read customers' things but never
    /// act as one (file, cancel, answer, rate, bind), so they get `Forbidden`.
    pub async fn require_customer(&self) -> Result<User, ApiError> {
        let user = self.require_user().await?;
        if user.role.is_staff() {
            Err(ApiError::Forbidden)
        } else {
            Ok(user)
        }
    }

    /// The signed-in person, second factor or not: only for setting one up.
    pub async fn require_user_setting_up(&self) -> Result<User, ApiError> {
        self.user().await?.ok_or(ApiError::NotSignedIn)
    }

    /// The signed-in person if they are staff; `NotSignedIn` or `Forbidden` otherwise.
    pub async fn require_staff(&self) -> Result<User, ApiError> {
        let user = self.require_user().await?;
        if user.role.is_staff() {
            Ok(user)
        } else {
            Err(ApiError::Forbidden)
        }
    }

    /// The signed-in person if they are a supervisor; `NotSignedIn` or `Forbidden` otherwise.
    pub async fn require_supervisor(&self) -> Result<User, ApiError> {
        let user = self.require_user().await?;
        if user.role == crate::domain::Role::StaffSupervisor {
            Ok(user)
        } else {
            Err(ApiError::Forbidden)
        }
    }

    /// Starts a new session for `user` under a new id, ending any session the browser had.
    pub async fn start_session(&self, user: &User) -> Result<(), ApiError> {
        let now = self.state.clock.unix();
        if let Some(old) = self.session_token() {
            self.state.store.delete_session(&token_hash(old)).await?;
        }
        self.state
            .store
            .delete_idle_sessions(now, SESSION_IDLE_SECS)
            .await?;
        let token = new_token();
        self.state
            .store
            .create_session(
                &crate::server::store::users::NewSession {
                    token_hash: &token_hash(&token),
                    user_id: user.id,
                    public_id: &new_token()[..16],
                    user_agent: &self.user_agent(),
                    address: &self.client_address(),
                },
                now,
            )
            .await?;
        self.set_cookie(session_cookie(Some(&token), self.over_tls()));
        Ok(())
    }

    /// Ends the browser's session and clears its cookie.
    pub async fn end_session(&self) -> Result<(), ApiError> {
        if let Some(token) = self.session_token() {
            self.state.store.delete_session(&token_hash(token)).await?;
        }
        self.set_cookie(session_cookie(None, self.over_tls()));
        Ok(())
    }

    /// What the client is told about `user`: who they are and their organisations.
    pub async fn me(&self, user: &User) -> Result<crate::api::auth::Me, ApiError> {
        Ok(crate::api::auth::Me {
            email: user.email.clone(),
            display_name: user.display_name.clone(),
            role: user.role,
            mfa: user.mfa,
            must_set_up_mfa: user.role.is_staff() && !user.mfa,
            organisations: self.state.store.memberships(user.id).await?,
            care: user.care,
            home_accounts: self.state.store.holds_accounts(user.id).await?,
        })
    }

    /// The address people reach this server at (`https://portal.example`): the configured
    /// `GRIDCARE_PUBLIC_URL` (by default the address listened on), for links in feeds and mails.
    pub fn origin(&self) -> String {
        // The configured public address: a request's Host header is the sender's to choose.
        self.state.notifier.public_url.clone()
    }

    /// The network address the request came from: the peer, or, when the peer is a trusted
    /// proxy, the address that proxy saw (the last entry of `X-Forwarded-For`).
    pub fn client_address(&self) -> String {
        let peer = peer(&self.parts);
        let forwarded: Vec<&str> = self
            .parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        client_address(peer, &self.state.trusted_proxies, &forwarded)
    }

    /// Notes in the security log that staff member `user` read a customer's private data
    /// (`what`: `case 12`, `account 3`), at most once an hour per staff member and thing, so a
    /// page that refreshes itself does not flood the log.
    pub async fn staff_read(&self, user: &User, what: &str) -> Result<(), ApiError> {
        let now = self.state.clock.unix();
        let key = format!("staff_read:{}:{what}", user.id);
        if self.state.store.rate_count(&key, now - 3600).await? > 0 {
            return Ok(());
        }
        self.state.store.rate_note(&key, now).await?;
        crate::server::login::audit(
            self,
            crate::domain::login::SecurityEvent::StaffRead,
            (None, ""),
            Some(user.id),
            what,
        )
        .await
    }

    /// Today in the utility's time zone.
    pub fn today(&self) -> NaiveDate {
        self.state.clock.today()
    }

    /// `Ok` when `user` may file requests for `account`: they hold it, or are an owner or
    /// manager of its organisation. A viewer is `Forbidden`; a stranger sees `NotFound`.
    pub async fn may_act_for_account(&self, user: &User, account: RowId) -> Result<(), ApiError> {
        use crate::server::store::accounts::AccountAccess;
        match self.state.store.account_access(account, user.id).await? {
            None | Some(None) => Err(ApiError::NotFound),
            Some(Some(AccountAccess::Holder)) => Ok(()),
            Some(Some(AccountAccess::Member(role))) if role.may_act() => Ok(()),
            Some(Some(AccountAccess::Member(_))) => Err(ApiError::Forbidden),
        }
    }

    /// `Ok` when `user` may read `account`: they hold it, their organisation does, or they are
    /// staff; `NotFound` otherwise, whether or not it exists.
    pub async fn may_read_account(&self, user: &User, account: RowId) -> Result<(), ApiError> {
        match self
            .state
            .store
            .account_visible_to(account, user.id)
            .await?
        {
            None => Err(ApiError::NotFound),
            Some(true) => Ok(()),
            Some(false) if user.role.is_staff() => {
                self.staff_read(user, &format!("account {account}")).await
            }
            // Someone else's account is as unknown as one that does not exist.
            Some(false) => Err(ApiError::NotFound),
        }
    }
}

/// `user`, unless they are staff who have not set up their second factor yet.
pub fn with_second_factor(user: User) -> Result<User, ApiError> {
    if user.role.is_staff() && !user.mfa {
        Err(ApiError::SetUpSecondFactor)
    } else {
        Ok(user)
    }
}

/// The address of the connection's other end (a client, or a proxy in front).
fn peer(parts: &Parts) -> Option<std::net::IpAddr> {
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip())
}

/// True when the request came over TLS: its own scheme, or `X-Forwarded-Proto: https` (or
/// `Forwarded: proto=https`) from one of the `trusted` proxies.
pub fn over_tls(parts: &Parts, trusted: &[std::net::IpAddr]) -> bool {
    if parts.uri.scheme_str() == Some("https") {
        return true;
    }
    if !peer(parts).is_some_and(|p| trusted.contains(&p)) {
        return false;
    }
    let forwarded = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.to_ascii_lowercase())
    };
    forwarded("x-forwarded-proto").is_some_and(|v| v.starts_with("https"))
        || forwarded("forwarded").is_some_and(|v| v.contains("proto=https"))
}

/// Who is asking, by network address: `peer` itself unless it is one of the `trusted`
/// proxies, whose own entry (the last of its `X-Forwarded-For` lines) names the client.
/// Entries to the left of it are what the client claimed, and are never believed.
pub fn client_address(
    peer: Option<std::net::IpAddr>,
    trusted: &[std::net::IpAddr],
    forwarded_for: &[&str],
) -> String {
    let Some(peer) = peer else {
        return "unknown".into();
    };
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    forwarded_for
        .iter()
        .flat_map(|v| v.split(','))
        .next_back()
        .and_then(|s| s.trim().parse::<std::net::IpAddr>().ok())
        .unwrap_or(peer)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::client_address;

    #[test]
    fn only_a_trusted_proxy_names_the_client_and_only_by_its_own_entry() {
        let proxy: std::net::IpAddr = "10.0.0.2".parse().unwrap();
        let other: std::net::IpAddr = "198.51.100.9".parse().unwrap();
        let claimed = ["1.2.3.4, 203.0.113.7"];
        assert_eq!(
            client_address(Some(proxy), &[proxy], &claimed),
            "203.0.113.7"
        );
        // Straight from the client: its header is ignored.
        assert_eq!(
            client_address(Some(other), &[proxy], &claimed),
            "198.51.100.9"
        );
        // A proxy that wrote nothing usable: the proxy itself.
        assert_eq!(
            client_address(Some(proxy), &[proxy], &["1.2.3.4, junk"]),
            "10.0.0.2"
        );
        assert_eq!(client_address(Some(proxy), &[proxy], &[]), "10.0.0.2");
        assert_eq!(client_address(None, &[proxy], &claimed), "unknown");
    }
}

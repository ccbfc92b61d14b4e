//! A login's safety: registering with a confirmed email, resetting and changing the password,
//! limits every server counts together, the list of one's sessions, and the security log.

use crate::api::ApiError;
use crate::api::pages::Page;
use crate::domain::login::{self, LinkPurpose, RateLimit, SecurityEvent};
use crate::domain::{
    EmailAddress, Field, FieldError, Lang, LockoutPolicy, Password, Problem, Role,
};
use crate::server::auth::{hash_password, new_token, token_hash, verify_password};
use crate::server::request::Request;
use crate::server::store::User;
use crate::server::store::login::{AccountMail, AuditEntry};
use std::collections::HashSet;
use std::sync::OnceLock;

/// The 100,000 most common passwords (SecLists' "10 million passwords" list, its first
/// 100,000 lines), lower-cased, checked offline.
fn common_passwords() -> &'static HashSet<String> {
    static LIST: OnceLock<HashSet<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../../assets/common-passwords.txt")
            .lines()
            .map(|l| l.trim().to_lowercase())
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// Refuses a new password that is on the common list or little more than a word of ours.
pub fn refuse_weak(password: &Password, email: &str) -> Result<(), FieldError> {
    let p = password.expose();
    if common_passwords().contains(&p.trim().to_lowercase()) {
        return Err(FieldError::new(Field::Password, Problem::TooCommon));
    }
    login::refuse_context_words(p, email)
}

/// Counts one more event against `limit` for `who`; `Locked` when the limit is reached.
pub async fn limit(request: &Request, limit: RateLimit, who: &str) -> Result<(), ApiError> {
    let now = request.state.clock.unix();
    let key = limit.key(who);
    let so_far = request
        .state
        .store
        .rate_count(&key, now - limit.window_secs)
        .await?;
    if !limit.allows(so_far) {
        tracing::warn!(limit = limit.name, "rate limit reached");
        return Err(ApiError::Locked {
            minutes: limit.minutes(),
        });
    }
    request.state.store.rate_note(&key, now).await?;
    Ok(())
}

/// Like [`limit`], but says only whether it was allowed (for emails that must be sent, or
/// not, without the answer telling which).
async fn within(request: &Request, l: RateLimit, who: &str) -> Result<bool, ApiError> {
    match limit(request, l, who).await {
        Ok(()) => Ok(true),
        Err(ApiError::Locked { .. }) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Writes a line to the security log: `event` about `user` (or an email with no login), done
/// by `actor`, from the request's address.
pub async fn audit(
    request: &Request,
    event: SecurityEvent,
    about: (Option<i64>, &str),
    actor: Option<i64>,
    detail: &str,
) -> Result<(), ApiError> {
    let address = request.client_address();
    request
        .state
        .store
        .audit(
            &AuditEntry {
                event: event.as_str(),
                user_id: about.0,
                actor_id: actor,
                email: about.1,
                address: &address,
                detail,
            },
            request.state.clock.unix(),
        )
        .await?;
    Ok(())
}

fn link(request: &Request, page: Page) -> String {
    format!("{}{}", request.origin(), page.href())
}

/// Mails `user` a link to confirm their address (at most 3 account emails an hour to one
/// address; past that nothing is sent, and nobody is told otherwise).
pub async fn send_confirmation(
    request: &Request,
    user: &User,
    lang: Lang,
    next: Option<&str>,
) -> Result<(), ApiError> {
    if !within(request, RateLimit::EMAILS_PER_RECIPIENT, &user.email).await? {
        return Ok(());
    }
    let next = next.map(str::to_string);
    mail_link(
        request,
        user,
        LinkPurpose::VerifyEmail,
        |token| Page::VerifyEmail { token, next },
        |url| login::verify_mail(lang, url),
        lang,
    )
    .await
}

/// Keeps a new link for `user` (only the newest of its purpose works) and queues, in the same
/// transaction, the email that carries it: `words` of the link's address, in `lang`.
async fn mail_link(
    request: &Request,
    user: &User,
    purpose: LinkPurpose,
    page: impl FnOnce(String) -> Page,
    words: impl FnOnce(&str) -> login::AccountMail,
    lang: Lang,
) -> Result<(), ApiError> {
    let token = new_token();
    let mail = words(&link(request, page(token.clone())));
    request
        .state
        .store
        .create_link(
            user.id,
            purpose,
            &token_hash(&token),
            &AccountMail {
                kind: purpose.as_str(),
                user_id: Some(user.id),
                to: &user.email,
                lang,
                subject: &mail.subject,
                text: &mail.text,
            },
            request.state.clock.unix(),
        )
        .await?;
    Ok(())
}

/// Queues an account email that carries no link of its own (`kind` names it in the outbox).
async fn queue_mail(
    request: &Request,
    kind: &str,
    (user_id, to): (Option<i64>, &str),
    lang: Lang,
    mail: &login::AccountMail,
) -> Result<(), ApiError> {
    request
        .state
        .store
        .queue_account_mail(
            &AccountMail {
                kind,
                user_id,
                to,
                lang,
                subject: &mail.subject,
                text: &mail.text,
            },
            request.state.clock.unix(),
        )
        .await?;
    Ok(())
}

/// Registers a customer login and mails a link to confirm the address. The answer is the same
/// whether or not the address already has a login: if it has, that address is told instead.
pub async fn register(
    request: &Request,
    email: &EmailAddress,
    password: &Password,
    lang: Lang,
    next: Option<&str>,
) -> Result<(), ApiError> {
    limit(
        request,
        RateLimit::REGISTRATIONS_PER_ADDRESS,
        &request.client_address(),
    )
    .await?;
    refuse_weak(password, email.as_str())?;
    let hash = hash_password(password.expose()).await?;
    let now = request.state.clock.unix();
    let created = request
        .state
        .store
        .create_user(email, &hash, "", Role::Customer, false, now)
        .await?;
    match created {
        Some(user) => {
            request.state.store.set_lang(user.id, lang).await?;
            audit(
                request,
                SecurityEvent::Registered,
                (Some(user.id), email.as_str()),
                None,
                "",
            )
            .await?;
            send_confirmation(request, &user, lang, next).await
        }
        None => {
            if within(request, RateLimit::EMAILS_PER_RECIPIENT, email.as_str()).await? {
                let mail = login::already_registered_mail(
                    lang,
                    &link(request, Page::SignIn { next: None }),
                    &link(request, Page::ForgotPassword),
                );
                queue_mail(
                    request,
                    "already_registered",
                    (None, email.as_str()),
                    lang,
                    &mail,
                )
                .await?;
            }
            Ok(())
        }
    }
}

/// Confirms an address from its link; the person it confirmed.
pub async fn confirm(request: &Request, token: &str) -> Result<User, ApiError> {
    let now = request.state.clock.unix();
    let expired = || FieldError::new(Field::Token, Problem::Expired);
    let user_id = request
        .state
        .store
        .use_link(&token_hash(token), LinkPurpose::VerifyEmail, now)
        .await?
        .ok_or_else(expired)?;
    request
        .state
        .store
        .mark_email_verified(user_id, now)
        .await?;
    let user = request
        .state
        .store
        .user_by_id(user_id)
        .await?
        .ok_or_else(expired)?;
    audit(
        request,
        SecurityEvent::EmailVerified,
        (Some(user.id), &user.email),
        Some(user.id),
        "",
    )
    .await?;
    Ok(user)
}

/// Mails a reset link if `email` has a login. The answer never says whether it has.
pub async fn ask_reset(
    request: &Request,
    email: &EmailAddress,
    lang: Lang,
) -> Result<(), ApiError> {
    limit(
        request,
        RateLimit::RESETS_PER_ADDRESS,
        &request.client_address(),
    )
    .await?;
    let Some((user, _)) = request.state.store.user_with_hash(email).await? else {
        audit(
            request,
            SecurityEvent::ResetAsked,
            (None, email.as_str()),
            None,
            "no login",
        )
        .await?;
        return Ok(());
    };
    audit(
        request,
        SecurityEvent::ResetAsked,
        (Some(user.id), &user.email),
        None,
        "",
    )
    .await?;
    if !within(request, RateLimit::EMAILS_PER_RECIPIENT, &user.email).await? {
        return Ok(());
    }
    mail_link(
        request,
        &user,
        LinkPurpose::ResetPassword,
        |token| Page::ResetPassword { token },
        |url| login::reset_mail(lang, url),
        lang,
    )
    .await
}

async fn tell_password_changed(request: &Request, user: &User, lang: Lang) -> Result<(), ApiError> {
    let mail = login::password_changed_mail(lang, &link(request, Page::ForgotPassword));
    queue_mail(
        request,
        "password_changed",
        (Some(user.id), &user.email),
        lang,
        &mail,
    )
    .await
}

/// Sets a new password from a reset link: the link works once and within 30 minutes, and
/// every session of the login ends. Opening the link also proves the address.
pub async fn reset(request: &Request, token: &str, password: &Password) -> Result<(), ApiError> {
    let now = request.state.clock.unix();
    // The password is checked first, so a refused one does not use up the link.
    let user = match request
        .state
        .store
        .peek_link(&token_hash(token), LinkPurpose::ResetPassword, now)
        .await?
    {
        Some(id) => request.state.store.user_by_id(id).await?,
        None => None,
    }
    .ok_or(FieldError::new(Field::Token, Problem::Expired))?;
    refuse_weak(password, &user.email)?;
    let hash = hash_password(password.expose()).await?;
    request
        .state
        .store
        .use_link(&token_hash(token), LinkPurpose::ResetPassword, now)
        .await?
        .filter(|id| *id == user.id)
        .ok_or(FieldError::new(Field::Token, Problem::Expired))?;
    request
        .state
        .store
        .set_password(user.id, &hash, None)
        .await?;
    request
        .state
        .store
        .mark_email_verified(user.id, now)
        .await?;
    audit(
        request,
        SecurityEvent::PasswordReset,
        (Some(user.id), &user.email),
        None,
        "",
    )
    .await?;
    let lang = request.state.store.user_lang(user.id).await?;
    tell_password_changed(request, &user, lang).await
}

fn password_check_key(user: &User) -> String {
    format!("password_check:{}", user.id)
}

/// Checks the signed-in person's own password (to change it, confirm a change, turn two-step
/// sign-in off or delete the login). A wrong one is `field: incorrect`, and five wrong ones in
/// 15 minutes lock these checks, so a stolen session cannot guess the password.
pub async fn check_own_password(
    request: &Request,
    user: &User,
    password: &str,
    field: Field,
) -> Result<(), ApiError> {
    let key = password_check_key(user);
    let now = request.state.clock.unix();
    crate::server::auth::refuse_if_locked(&request.state, &key, now).await?;
    let stored = request
        .state
        .store
        .password_hash(user.id)
        .await?
        .ok_or(ApiError::NotSignedIn)?;
    if verify_password(password, stored).await? {
        return Ok(());
    }
    let wrong = FieldError::new(field, Problem::Incorrect).into();
    Err(crate::server::auth::fail(&request.state, &key, now, wrong).await)
}

/// Changes the signed-in person's password, given the current one; their other sessions end.
/// Wrong current passwords count towards a lockout of this login's password checks.
pub async fn change_password(
    request: &Request,
    user: &User,
    current: &str,
    new: &Password,
) -> Result<(), ApiError> {
    check_own_password(request, user, current, Field::CurrentPassword).await?;
    let key = password_check_key(user);
    let now = request.state.clock.unix();
    refuse_weak(new, &user.email)?;
    if current == new.expose() {
        return Err(FieldError::new(Field::Password, Problem::Unchanged).into());
    }
    let hash = hash_password(new.expose()).await?;
    let keep = request.session_hash();
    request
        .state
        .store
        .set_password(user.id, &hash, keep.as_deref())
        .await?;
    request
        .state
        .store
        .clear_failures(&key, now - LockoutPolicy::SIGN_IN.lookback_secs())
        .await?;
    audit(
        request,
        SecurityEvent::PasswordChanged,
        (Some(user.id), &user.email),
        Some(user.id),
        "",
    )
    .await?;
    let lang = request.state.store.user_lang(user.id).await?;
    tell_password_changed(request, user, lang).await
}

/// The person's sessions, the most recently used first.
pub async fn sessions(
    request: &Request,
    user: &User,
) -> Result<Vec<crate::api::auth::SessionInfo>, ApiError> {
    let current = request.session_hash();
    Ok(request
        .state
        .store
        .sessions_of(user.id)
        .await?
        .into_iter()
        .map(|s| crate::api::auth::SessionInfo {
            current: current.as_deref() == Some(s.token_hash.as_str()),
            id: s.public_id,
            signed_in_at: s.created_at,
            last_seen_at: s.last_seen_at,
            device: s.user_agent,
            address: s.address,
        })
        .collect())
}

/// Ends one of the person's sessions by its id, or every other one (`others`). Someone else's
/// session is as unknown as one that does not exist.
pub async fn end_session(request: &Request, user: &User, id: &str) -> Result<(), ApiError> {
    request.require_recent_auth().await?;
    let detail;
    if id == "others" {
        let keep = request.session_hash();
        let n = request
            .state
            .store
            .end_other_sessions(user.id, keep.as_deref())
            .await?;
        detail = format!("{n} other sessions");
    } else {
        if !request.state.store.end_session_of(user.id, id).await? {
            return Err(ApiError::NotFound);
        }
        detail = format!("session {id}");
    }
    audit(
        request,
        SecurityEvent::SignedOut,
        (Some(user.id), &user.email),
        Some(user.id),
        &detail,
    )
    .await
}

/// The security log for supervisors, filtered (see `api::supervisor::security_log`).
pub async fn security_log(
    request: &Request,
    event: &str,
    email: &str,
    address: &str,
    from: &str,
    to: &str,
    before: &str,
) -> Result<Vec<crate::api::supervisor::SecurityLine>, ApiError> {
    use crate::domain::input::refuse_hidden_characters;
    use crate::domain::local_time::{day_start, parse_day};
    use crate::server::store::login::AuditFilter;
    let event = match event.trim() {
        "" => None,
        e => Some(
            SecurityEvent::parse(e)
                .ok_or(FieldError::new(Field::Kind, Problem::NotAllowed))?
                .as_str()
                .to_string(),
        ),
    };
    let text = |field: Field, s: &str| -> Result<Option<String>, FieldError> {
        let s = s.trim();
        refuse_hidden_characters(field, s, false)?;
        if s.chars().count() > 254 {
            return Err(FieldError::new(field, Problem::TooLong { max: 254 }));
        }
        Ok((!s.is_empty()).then(|| s.to_lowercase()))
    };
    let day = |field: Field, s: &str| -> Result<Option<i64>, FieldError> {
        match s.trim() {
            "" => Ok(None),
            s => Ok(Some(day_start(parse_day(field, s)?))),
        }
    };
    let before_id = match before.trim() {
        "" => None,
        s => Some(crate::domain::parse_row_id(Field::Page, s)?.0),
    };
    let filter = AuditFilter {
        event,
        email: text(Field::Email, email)?,
        address: text(Field::Search, address)?,
        from: day(Field::From, from)?,
        until: day(Field::To, to)?,
        before_id,
        limit: 100,
    };
    Ok(request
        .state
        .store
        .audit_search(&filter)
        .await?
        .into_iter()
        .map(|a| crate::api::supervisor::SecurityLine {
            id: a.id,
            at: a.at,
            event: a.event,
            email: a.email,
            actor: a.actor_email,
            address: a.address,
            detail: a.detail,
        })
        .collect())
}

/// Confirms who is asking again (the password, and the code when two-step sign-in is on), for
/// changes that ask for it after 10 minutes. Wrong answers count towards a lockout.
pub async fn reauthenticate(
    request: &Request,
    user: &User,
    password: &str,
    code: &str,
) -> Result<(), ApiError> {
    check_own_password(request, user, password, Field::Password).await?;
    let key = password_check_key(user);
    let now = request.state.clock.unix();
    if user.mfa {
        if code.trim().is_empty() {
            return Err(ApiError::SecondFactor);
        }
        if !crate::server::mfa::check(request, user, code).await? {
            let wrong = FieldError::new(Field::Code, Problem::WrongCode).into();
            return Err(crate::server::auth::fail(&request.state, &key, now, wrong).await);
        }
    }
    // A new session token on re-authentication too: the old one ends here.
    request.start_session(user).await
}

/// Everything personal the portal keeps about `user`, as a JSON document to download.
pub async fn my_data(request: &Request, user: &User) -> Result<String, ApiError> {
    let data = request.state.store.personal_data(user.id).await?;
    audit(
        request,
        SecurityEvent::DataExported,
        (Some(user.id), &user.email),
        Some(user.id),
        "",
    )
    .await?;
    serde_json::to_string_pretty(&data).map_err(|e| {
        tracing::error!(error = %e, "personal data failed to serialise");
        ApiError::Internal
    })
}

/// Deletes the signed-in person's login, given the password: the accounts and bills stay with
/// the utility, unlinked; the last owner of an organisation must hand it over first. Staff
/// logins belong to the utility, which ends them; their holders cannot.
pub async fn delete_login(request: &Request, user: &User, password: &str) -> Result<(), ApiError> {
    if user.role.is_staff() {
        return Err(ApiError::Forbidden);
    }
    check_own_password(request, user, password, Field::CurrentPassword).await?;
    let now = request.state.clock.unix();
    request.state.store.delete_login(user.id, now).await?;
    audit(
        request,
        SecurityEvent::LoginDeleted,
        (Some(user.id), &user.email),
        Some(user.id),
        "",
    )
    .await
}

/// The service desk: a supervisor ends every session of the login with `email`, or turns its
/// two-step sign-in off (which ends them too), after checking who is asking as at enrolment
/// (`note` says how, and goes in the security log). The person is mailed. A supervisor does
/// not use this on their own login (their Security page does that), and a login that does not
/// exist is `NotFound`. Answers how many sessions ended.
pub async fn desk_action(
    request: &Request,
    supervisor: &User,
    email: &str,
    action: &str,
    note: &str,
) -> Result<u64, ApiError> {
    let email = crate::domain::EmailAddress::parse(email)?;
    let action = login::DeskAction::parse(action)?;
    let note = login::parse_desk_note(note)?;
    request.require_recent_auth().await?;
    let (target, _) = request
        .state
        .store
        .user_with_hash(&email)
        .await?
        .ok_or(ApiError::NotFound)?;
    if target.id == supervisor.id {
        return Err(ApiError::Forbidden);
    }
    if action == login::DeskAction::ResetSecondFactor {
        if !target.mfa {
            return Err(ApiError::NotNow {
                reason: "two-step sign-in is not on for this login".into(),
            });
        }
        request.state.store.disable_mfa(target.id).await?;
    }
    let ended = request
        .state
        .store
        .end_other_sessions(target.id, None)
        .await?;
    audit(
        request,
        action.event(),
        (Some(target.id), &target.email),
        Some(supervisor.id),
        &format!("{note} ({ended} sessions ended)"),
    )
    .await?;
    let lang = request.state.store.user_lang(target.id).await?;
    let mail = login::desk_mail(lang, action, &link(request, Page::Security));
    queue_mail(
        request,
        action.as_str(),
        (Some(target.id), &target.email),
        lang,
        &mail,
    )
    .await?;
    Ok(ended)
}

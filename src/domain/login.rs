//! A login's own safety: how long an emailed link lasts, how often a thing may be tried, which
//! passwords are too easy, what the security log records, and the words of the account emails.

use crate::domain::input::{Field, FieldError, Problem};
use crate::domain::lang::Lang;

/// An email-confirmation link lasts a day.
pub const VERIFY_LINK_SECS: i64 = 24 * 3600;
/// A password-reset link lasts 30 minutes.
pub const RESET_LINK_SECS: i64 = 30 * 60;

/// Binding an account, inviting, changing roles and turning two-step sign-in on or off ask for
/// the password (and code) again when the session last proved it longer ago than this.
pub const REAUTH_SECS: i64 = 10 * 60;

/// What an emailed link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    /// Confirms that the person reads the address they registered with.
    VerifyEmail,
    /// Sets a new password.
    ResetPassword,
}

impl LinkPurpose {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::VerifyEmail => "verify_email",
            LinkPurpose::ResetPassword => "reset_password",
        }
    }

    /// How long a link for this purpose is good for, in seconds.
    pub fn lifetime_secs(self) -> i64 {
        match self {
            LinkPurpose::VerifyEmail => VERIFY_LINK_SECS,
            LinkPurpose::ResetPassword => RESET_LINK_SECS,
        }
    }
}

/// At most `max` events within `window_secs`: a limit counted in a table every server shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// The name the counts are kept under (with the address or login it counts).
    pub name: &'static str,
    pub max: u32,
    pub window_secs: i64,
}

impl RateLimit {
    /// Failed sign-ins from one network address, whatever the login: 30 in 15 minutes.
    pub const SIGN_IN_FAILURES_PER_ADDRESS: RateLimit = RateLimit {
        name: "sign_in_address",
        max: 30,
        window_secs: 15 * 60,
    };
    /// New logins asked for from one network address: 30 an hour (many phones share one
    /// address behind a mobile carrier's NAT, so not fewer).
    pub const REGISTRATIONS_PER_ADDRESS: RateLimit = RateLimit {
        name: "register_address",
        max: 30,
        window_secs: 3600,
    };
    /// Password resets asked for from one network address: 10 an hour.
    pub const RESETS_PER_ADDRESS: RateLimit = RateLimit {
        name: "reset_address",
        max: 10,
        window_secs: 3600,
    };
    /// Account emails (confirm, reset, "already registered") to one address: 3 an hour, so
    /// nobody can flood someone's inbox through the portal.
    pub const EMAILS_PER_RECIPIENT: RateLimit = RateLimit {
        name: "mail_to",
        max: 3,
        window_secs: 3600,
    };
    /// Files uploaded by one person: 60 an hour.
    pub const UPLOADS_PER_PERSON: RateLimit = RateLimit {
        name: "upload_person",
        max: 60,
        window_secs: 3600,
    };

    /// True when one more event is allowed after `so_far` events inside the window.
    pub fn allows(&self, so_far: u32) -> bool {
        so_far < self.max
    }

    /// The key the counts of `who` are kept under.
    pub fn key(&self, who: &str) -> String {
        format!("{}:{who}", self.name)
    }

    /// Whole minutes until the window has room again, at least 1.
    pub fn minutes(&self) -> u32 {
        ((self.window_secs + 59) / 60).max(1) as u32
    }
}

/// Words that make a password easy to guess here: the portal's name, the hotline, and the
/// person's own email name. A password that is little more than one of them is refused.
pub fn refuse_context_words(password: &str, email: &str) -> Result<(), FieldError> {
    let lower = password.to_lowercase();
    let local = email.split('@').next().unwrap_or("").to_lowercase();
    let mut rest = lower.clone();
    for word in ["gridcare", "95598", "password", "passwort", "mima"]
        .into_iter()
        .chain((local.chars().count() >= 4).then_some(local.as_str()))
    {
        rest = rest.replace(word, "");
    }
    let others = rest.chars().filter(|c| !c.is_whitespace()).count();
    if rest != lower && others < 6 {
        return Err(FieldError::new(Field::Password, Problem::TooCommon));
    }
    Ok(())
}

/// What the security log records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecurityEvent {
    SignedIn,
    SignInFailed,
    LockedOut,
    SignedOut,
    Registered,
    EmailVerified,
    PasswordChanged,
    PasswordReset,
    ResetAsked,
    AccountBound,
    HolderRemoved,
    RoleChanged,
    MemberRemoved,
    StaffRead,
    MfaEnabled,
    MfaDisabled,
    RecoveryCodeUsed,
    DataExported,
    LoginDeleted,
    /// A supervisor signed a login out everywhere (the service desk).
    SessionsEndedByStaff,
    /// A supervisor turned a login's two-step sign-in off after checking who they are.
    MfaResetByStaff,
}

impl SecurityEvent {
    /// Every event, for the log's filter.
    pub const ALL: [SecurityEvent; 21] = [
        SecurityEvent::SignedIn,
        SecurityEvent::SignInFailed,
        SecurityEvent::LockedOut,
        SecurityEvent::SignedOut,
        SecurityEvent::Registered,
        SecurityEvent::EmailVerified,
        SecurityEvent::PasswordChanged,
        SecurityEvent::PasswordReset,
        SecurityEvent::ResetAsked,
        SecurityEvent::AccountBound,
        SecurityEvent::HolderRemoved,
        SecurityEvent::RoleChanged,
        SecurityEvent::MemberRemoved,
        SecurityEvent::StaffRead,
        SecurityEvent::MfaEnabled,
        SecurityEvent::MfaDisabled,
        SecurityEvent::RecoveryCodeUsed,
        SecurityEvent::DataExported,
        SecurityEvent::LoginDeleted,
        SecurityEvent::SessionsEndedByStaff,
        SecurityEvent::MfaResetByStaff,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SecurityEvent::SignedIn => "signed_in",
            SecurityEvent::SignInFailed => "sign_in_failed",
            SecurityEvent::LockedOut => "locked_out",
            SecurityEvent::SignedOut => "signed_out",
            SecurityEvent::Registered => "registered",
            SecurityEvent::EmailVerified => "email_verified",
            SecurityEvent::PasswordChanged => "password_changed",
            SecurityEvent::PasswordReset => "password_reset",
            SecurityEvent::ResetAsked => "reset_asked",
            SecurityEvent::AccountBound => "account_bound",
            SecurityEvent::HolderRemoved => "holder_removed",
            SecurityEvent::RoleChanged => "role_changed",
            SecurityEvent::MemberRemoved => "member_removed",
            SecurityEvent::StaffRead => "staff_read",
            SecurityEvent::MfaEnabled => "mfa_enabled",
            SecurityEvent::MfaDisabled => "mfa_disabled",
            SecurityEvent::RecoveryCodeUsed => "recovery_code_used",
            SecurityEvent::DataExported => "data_exported",
            SecurityEvent::LoginDeleted => "login_deleted",
            SecurityEvent::SessionsEndedByStaff => "sessions_ended_by_staff",
            SecurityEvent::MfaResetByStaff => "mfa_reset_by_staff",
        }
    }

    /// Reads a stored or typed name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.as_str() == s)
    }
}

/// What the service desk (a supervisor) may do for a login whose owner cannot: a stolen
/// phone or laptop that is still signed in, or a lost authenticator with no recovery code left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeskAction {
    /// End every session of the login.
    EndSessions,
    /// Turn two-step sign-in off (and end every session), after the person proved who they
    /// are as at enrolment: in person with an identity document, or by a call back to the phone
    /// on file. The login must set it up again to sign in if it is staff.
    ResetSecondFactor,
}

impl DeskAction {
    pub const ALL: [DeskAction; 2] = [DeskAction::EndSessions, DeskAction::ResetSecondFactor];

    pub fn as_str(self) -> &'static str {
        match self {
            DeskAction::EndSessions => "end_sessions",
            DeskAction::ResetSecondFactor => "reset_second_factor",
        }
    }

    /// Reads a stored or sent name; empty is `required`, anything else `not_allowed`.
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(FieldError::new(Field::Kind, Problem::Required));
        }
        Self::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or(FieldError::new(Field::Kind, Problem::NotAllowed))
    }

    /// The event the log records.
    pub fn event(self) -> SecurityEvent {
        match self {
            DeskAction::EndSessions => SecurityEvent::SessionsEndedByStaff,
            DeskAction::ResetSecondFactor => SecurityEvent::MfaResetByStaff,
        }
    }
}

/// Why the desk acted: what the supervisor checked (`ID card seen at the Pudong counter`),
/// required, kept in the security log.
pub fn parse_desk_note(input: &str) -> Result<String, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::new(Field::Note, Problem::Required));
    }
    if s.chars().count() > 500 {
        return Err(FieldError::new(Field::Note, Problem::TooLong { max: 500 }));
    }
    crate::domain::input::refuse_hidden_characters(Field::Note, s, false)?;
    Ok(s.to_owned())
}

/// An account email: subject and plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountMail {
    pub subject: String,
    pub text: String,
}

fn mail(subject: &str, lines: &[&str]) -> AccountMail {
    AccountMail {
        subject: subject.to_string(),
        text: format!("{}\n", lines.join("\n\n")),
    }
}

/// "Confirm your email": sent at registration.
pub fn verify_mail(lang: Lang, link: &str) -> AccountMail {
    match lang {
        Lang::En => mail(
            "Confirm your email for GridCare",
            &[
                "Welcome to GridCare. Open this link within 24 hours to confirm that this is your address and finish creating your account:",
                link,
                "If you did not ask for a GridCare account, ignore this email: nothing happens without the link.",
            ],
        ),
        Lang::Zh => mail(
            "确认您在 GridCare 的邮箱",
            &[
                "欢迎使用 GridCare。请在 24 小时内打开以下链接，确认这是您的邮箱并完成注册：",
                link,
                "如果您没有申请 GridCare 账号，请忽略本邮件：不打开链接就不会发生任何事。",
            ],
        ),
    }
}

/// Sent instead of a confirmation when someone registers with an address that has a login.
pub fn already_registered_mail(lang: Lang, sign_in: &str, reset: &str) -> AccountMail {
    match lang {
        Lang::En => mail(
            "You already have a GridCare account",
            &[
                "Someone (perhaps you) tried to create a GridCare account with this email address, which already has one.",
                &format!("To sign in: {sign_in}"),
                &format!("Forgot your password? Set a new one: {reset}"),
                "If it was not you, ignore this email: your account has not changed.",
            ],
        ),
        Lang::Zh => mail(
            "您已有 GridCare 账号",
            &[
                "有人（也许是您）尝试用这个邮箱注册 GridCare，但该邮箱已有账号。",
                &format!("登录：{sign_in}"),
                &format!("忘记密码？设置新密码：{reset}"),
                "如果不是您本人操作，请忽略本邮件，您的账号没有任何变化。",
            ],
        ),
    }
}

/// "Set a new password": the reset link.
pub fn reset_mail(lang: Lang, link: &str) -> AccountMail {
    match lang {
        Lang::En => mail(
            "Set a new GridCare password",
            &[
                "Someone asked to set a new password for your GridCare account. Open this link within 30 minutes to choose one; it works once:",
                link,
                "If it was not you, ignore this email: your password stays as it is.",
            ],
        ),
        Lang::Zh => mail(
            "设置新的 GridCare 密码",
            &[
                "有人申请为您的 GridCare 账号设置新密码。请在 30 分钟内打开以下链接设置新密码，链接只能使用一次：",
                link,
                "如果不是您本人操作，请忽略本邮件，您的密码不会改变。",
            ],
        ),
    }
}

/// "Your password was changed": after a change or a reset, with the way back if it was not them.
pub fn password_changed_mail(lang: Lang, reset: &str) -> AccountMail {
    match lang {
        Lang::En => mail(
            "Your GridCare password was changed",
            &[
                "The password of your GridCare account was just changed, and other sessions were signed out.",
                &format!(
                    "If this was not you, set a new password at once: {reset} and call 95598."
                ),
            ],
        ),
        Lang::Zh => mail(
            "您的 GridCare 密码已更改",
            &[
                "您的 GridCare 账号密码刚刚已更改，其他登录已退出。",
                &format!("如果不是您本人操作，请立即重设密码：{reset}，并致电 95598。"),
            ],
        ),
    }
}

/// Tells a person what the service desk did to their login, and where to look.
pub fn desk_mail(lang: Lang, action: DeskAction, security: &str) -> AccountMail {
    match (lang, action) {
        (Lang::En, DeskAction::EndSessions) => mail(
            "You were signed out of GridCare everywhere",
            &[
                "At your request, the GridCare service desk signed your account out on every device.",
                &format!("Sign in again to see and manage your sessions: {security}"),
                "If you did not ask for this, call 95598.",
            ],
        ),
        (Lang::En, DeskAction::ResetSecondFactor) => mail(
            "Two-step sign-in was turned off for your GridCare account",
            &[
                "At your request, after checking who you are, the GridCare service desk turned off two-step sign-in for your account and signed it out everywhere.",
                &format!(
                    "Sign in with your password and set it up again with your new phone: {security}"
                ),
                "If you did not ask for this, call 95598 at once.",
            ],
        ),
        (Lang::Zh, DeskAction::EndSessions) => mail(
            "您的 GridCare 账号已在所有设备上退出",
            &[
                "应您的要求，GridCare 客服已将您的账号在所有设备上退出登录。",
                &format!("重新登录后可查看和管理登录设备：{security}"),
                "如果不是您本人要求，请致电 95598。",
            ],
        ),
        (Lang::Zh, DeskAction::ResetSecondFactor) => mail(
            "您的 GridCare 账号已关闭两步验证",
            &[
                "应您的要求，GridCare 客服在核实您的身份后，已关闭您账号的两步验证，并在所有设备上退出登录。",
                &format!("请用密码登录，并用新手机重新设置两步验证：{security}"),
                "如果不是您本人要求，请立即致电 95598。",
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_desk_names_its_actions_and_needs_a_reason() {
        assert_eq!(
            DeskAction::parse("reset_second_factor"),
            Ok(DeskAction::ResetSecondFactor)
        );
        assert_eq!(
            DeskAction::parse(" "),
            Err(FieldError::new(Field::Kind, Problem::Required))
        );
        assert_eq!(
            DeskAction::parse("delete_login"),
            Err(FieldError::new(Field::Kind, Problem::NotAllowed))
        );
        assert_eq!(
            parse_desk_note("  "),
            Err(FieldError::new(Field::Note, Problem::Required))
        );
        assert_eq!(
            parse_desk_note("ID card seen\u{202e}"),
            Err(FieldError::new(Field::Note, Problem::Malformed))
        );
        assert_eq!(
            parse_desk_note(" Called back on the phone on file. ").as_deref(),
            Ok("Called back on the phone on file.")
        );
        for action in DeskAction::ALL {
            assert_eq!(DeskAction::parse(action.as_str()), Ok(action));
            assert_eq!(
                SecurityEvent::parse(action.event().as_str()),
                Some(action.event())
            );
            for lang in [Lang::En, Lang::Zh] {
                assert!(
                    desk_mail(lang, action, "https://x/security")
                        .text
                        .contains("https://x/security")
                );
            }
        }
    }

    #[test]
    fn links_last_a_day_for_confirming_and_half_an_hour_for_a_reset() {
        assert_eq!(LinkPurpose::VerifyEmail.lifetime_secs(), 86_400);
        assert_eq!(LinkPurpose::ResetPassword.lifetime_secs(), 1_800);
    }

    #[test]
    fn a_limit_allows_up_to_its_count() {
        let l = RateLimit::EMAILS_PER_RECIPIENT;
        assert!(l.allows(0) && l.allows(2));
        assert!(!l.allows(3));
        assert_eq!(l.key("a@example.com"), "mail_to:a@example.com");
        assert_eq!(l.minutes(), 60);
    }

    #[test]
    fn passwords_that_are_little_more_than_our_name_or_the_email_are_refused() {
        let refused = |p: &str| refuse_context_words(p, "meiling.zhang@example.com").is_err();
        assert!(refused("gridcare2026"));
        assert!(refused("GridCare-95598"));
        assert!(refused("meiling.zhang1"));
        assert!(refused("Password12345"));
        assert!(!refused("gridcare is where I pay for light"));
        assert!(!refused("correct horse battery"));
        // A short email name is not a word worth refusing.
        assert!(refuse_context_words("abc-lantern-river", "abc@example.com").is_ok());
    }

    #[test]
    fn every_event_reads_back_from_its_name() {
        for e in SecurityEvent::ALL {
            assert_eq!(SecurityEvent::parse(e.as_str()), Some(e));
        }
        assert_eq!(SecurityEvent::parse("nothing"), None);
    }

    #[test]
    fn account_mails_carry_their_link_in_both_languages() {
        for lang in [Lang::En, Lang::Zh] {
            assert!(
                verify_mail(lang, "https://x/v?t=1")
                    .text
                    .contains("https://x/v?t=1")
            );
            assert!(
                reset_mail(lang, "https://x/r?t=2")
                    .text
                    .contains("https://x/r?t=2")
            );
            let taken = already_registered_mail(lang, "https://x/signin", "https://x/forgot");
            assert!(
                taken.text.contains("https://x/signin") && taken.text.contains("https://x/forgot")
            );
            assert!(
                password_changed_mail(lang, "https://x/forgot")
                    .text
                    .contains("95598")
            );
        }
        assert!(verify_mail(Lang::Zh, "l").subject.contains("确认"));
    }
}

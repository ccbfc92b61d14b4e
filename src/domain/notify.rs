//! Telling people first: the kinds of notice, which channels each kind uses unless the person
//! chose otherwise, quiet hours for texts, how a failed message is retried, and the words of
//! every message in both languages (the portal's list, the email and the text say the same).

use crate::domain::connection::Stage;
use crate::domain::greenbutton::escape;
use crate::domain::local_time::{day_start, local};
use crate::domain::{Fen, Field, FieldError, Lang, OrgRole, Problem};
use chrono::{Days, NaiveDate, Timelike};
use serde::{Deserialize, Serialize};

/// What happened, as far as a person is told about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    BillIssued,
    BillDue,
    BillOverdue,
    HighUse,
    CaseMoved,
    CaseWaiting,
    TicketDispatched,
    CrewArrived,
    PowerRestored,
    OutagePlanned,
    OutageStarted,
    OutageOver,
    FeedbackContacted,
    FeedbackAnswered,
    RateJob,
    Invitation,
    RoleChanged,
    HolderAdded,
    AutopayPaid,
    AutopayFailed,
    LowBalance,
}

/// How a notice reaches a person. The portal's own list always has every notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    InApp,
    Email,
    Sms,
}

/// The groups the portal's list filters by and the settings page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Bills,
    Requests,
    Outages,
    Feedback,
    Organisations,
    Accounts,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Bills,
        Group::Requests,
        Group::Outages,
        Group::Feedback,
        Group::Organisations,
        Group::Accounts,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Group::Bills => "bills",
            Group::Requests => "requests",
            Group::Outages => "outages",
            Group::Feedback => "feedback",
            Group::Organisations => "organisations",
            Group::Accounts => "accounts",
        }
    }

    pub fn from_stored(s: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::InApp => "in_app",
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }

    pub fn from_stored(s: &str) -> Option<Channel> {
        [Channel::InApp, Channel::Email, Channel::Sms]
            .into_iter()
            .find(|c| c.as_str() == s)
    }
}

impl Kind {
    /// Every kind, in the order the settings page lists them.
    pub const ALL: [Kind; 21] = [
        Kind::BillIssued,
        Kind::BillDue,
        Kind::BillOverdue,
        Kind::HighUse,
        Kind::CaseMoved,
        Kind::CaseWaiting,
        Kind::TicketDispatched,
        Kind::CrewArrived,
        Kind::PowerRestored,
        Kind::OutagePlanned,
        Kind::OutageStarted,
        Kind::OutageOver,
        Kind::FeedbackContacted,
        Kind::FeedbackAnswered,
        Kind::RateJob,
        Kind::Invitation,
        Kind::RoleChanged,
        Kind::HolderAdded,
        Kind::AutopayPaid,
        Kind::AutopayFailed,
        Kind::LowBalance,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::BillIssued => "bill_issued",
            Kind::BillDue => "bill_due",
            Kind::BillOverdue => "bill_overdue",
            Kind::HighUse => "high_use",
            Kind::CaseMoved => "case_moved",
            Kind::CaseWaiting => "case_waiting",
            Kind::TicketDispatched => "ticket_dispatched",
            Kind::CrewArrived => "crew_arrived",
            Kind::PowerRestored => "power_restored",
            Kind::OutagePlanned => "outage_planned",
            Kind::OutageStarted => "outage_started",
            Kind::OutageOver => "outage_over",
            Kind::FeedbackContacted => "feedback_contacted",
            Kind::FeedbackAnswered => "feedback_answered",
            Kind::RateJob => "rate_job",
            Kind::Invitation => "invitation",
            Kind::RoleChanged => "role_changed",
            Kind::HolderAdded => "holder_added",
            Kind::AutopayPaid => "autopay_paid",
            Kind::AutopayFailed => "autopay_failed",
            Kind::LowBalance => "low_balance",
        }
    }

    pub fn from_stored(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn group(self) -> Group {
        match self {
            Kind::BillIssued
            | Kind::BillDue
            | Kind::BillOverdue
            | Kind::HighUse
            | Kind::AutopayPaid
            | Kind::AutopayFailed
            | Kind::LowBalance => Group::Bills,
            Kind::CaseMoved
            | Kind::CaseWaiting
            | Kind::TicketDispatched
            | Kind::CrewArrived
            | Kind::PowerRestored => Group::Requests,
            Kind::OutagePlanned | Kind::OutageStarted | Kind::OutageOver => Group::Outages,
            Kind::FeedbackContacted | Kind::FeedbackAnswered | Kind::RateJob => Group::Feedback,
            Kind::Invitation | Kind::RoleChanged => Group::Organisations,
            Kind::HolderAdded => Group::Accounts,
        }
    }

    /// Whether a channel carries this kind when the person has not chosen. Everything here is
    /// about the person's own service; the one request for an opinion (rate a job) is never
    /// sent by email or text unless asked for, like anything marketing-like would be.
    /// Texts go by default only where minutes matter or the person must act. An invitation
    /// is always mailed with its link by itself, so its notice adds no second email.
    pub fn default_on(self, channel: Channel) -> bool {
        match channel {
            Channel::InApp => true,
            Channel::Email => !matches!(self, Kind::RateJob | Kind::CrewArrived | Kind::Invitation),
            Channel::Sms => matches!(
                self,
                Kind::BillOverdue
                    | Kind::CaseWaiting
                    | Kind::TicketDispatched
                    | Kind::CrewArrived
                    | Kind::PowerRestored
                    | Kind::OutagePlanned
                    | Kind::OutageStarted
                    | Kind::OutageOver
                    | Kind::HolderAdded
                    | Kind::AutopayFailed
                    | Kind::LowBalance
            ),
        }
    }

    /// An unplanned outage is texted at any hour; everything else waits out the quiet hours.
    pub fn urgent(self) -> bool {
        self == Kind::OutageStarted
    }
}

/// Texts are not sent between 22:00 and 08:00 local time.
pub const QUIET_FROM_HOUR: u32 = 22;
pub const QUIET_UNTIL_HOUR: u32 = 8;

/// When a text about `kind` may go out, if it is queued at `now`: at once, or at 08:00 local
/// when `now` is inside the quiet hours.
pub fn sms_not_before(kind: Kind, now: i64) -> i64 {
    if kind.urgent() {
        return now;
    }
    let at = local(now);
    let hour = at.hour();
    let day = at.date();
    let morning = |d: NaiveDate| day_start(d) + i64::from(QUIET_UNTIL_HOUR) * 3600;
    if hour >= QUIET_FROM_HOUR {
        morning(day.checked_add_days(Days::new(1)).unwrap_or(day))
    } else if hour < QUIET_UNTIL_HOUR {
        morning(day)
    } else {
        now
    }
}

/// A message is tried this many times, then marked failed for staff to look at.
pub const MAX_ATTEMPTS: i64 = 5;

/// How long a sender may hold a message it claimed before another sender may take it over (a
/// sender that died mid-send).
pub const CLAIM_SECS: i64 = 120;

/// What to do after the `attempts`-th try failed: try again this many seconds later (one
/// minute, doubling, at most an hour), or give up when `permanent` or out of tries.
pub fn retry_after(attempts: i64, permanent: bool) -> Option<i64> {
    if permanent || attempts >= MAX_ATTEMPTS {
        return None;
    }
    let doublings = u32::try_from(attempts.clamp(1, 7) - 1).unwrap_or(0);
    Some((60_i64 << doublings).min(3600))
}

/// The details a notice is written from; which are filled depends on the kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// A case, ticket or bill reference (`BX-2026-000001`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
    /// A service account number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub account: String,
    /// A premise address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// A supply area.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub area: String,
    /// A crew, an organisation.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// A connection stage or an organisation role, as stored.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub state: String,
    /// What staff wrote for the customer (what a case waits for, why power is off).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_fen: Option<i64>,
    /// An instant (unix seconds): arrival expected, outage start, power back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<i64>,
    /// An expected end (unix seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<i64>,
    /// A day: when a bill is due.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::domain::local_time::day::option"
    )]
    pub day: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<i64>,
}

/// A notice in words: a title (the list's line, the email's subject) and a sentence or two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub title: String,
    pub body: String,
}

fn time(unix: Option<i64>) -> String {
    unix.map(|t| local(t).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

fn stage_words(stored: &str, lang: Lang) -> &'static str {
    let zh = lang == Lang::Zh;
    match Stage::from_stored(stored) {
        Some(Stage::Application) => {
            if zh {
                "受理"
            } else {
                "Application accepted"
            }
        }
        Some(Stage::SiteSurvey) => {
            if zh {
                "现场勘查"
            } else {
                "Site survey"
            }
        }
        Some(Stage::SupplyPlan) => {
            if zh {
                "供电方案答复"
            } else {
                "Supply plan"
            }
        }
        Some(Stage::DesignReview) => {
            if zh {
                "设计审核"
            } else {
                "Design review"
            }
        }
        Some(Stage::MidConstructionCheck) => {
            if zh {
                "中间检查"
            } else {
                "Mid-construction check"
            }
        }
        Some(Stage::CompletionInspection) => {
            if zh {
                "竣工检验"
            } else {
                "Completion inspection"
            }
        }
        Some(Stage::MeterAndEnergise) => {
            if zh {
                "装表接电"
            } else {
                "Meter and power on"
            }
        }
        Some(Stage::Archived) => {
            if zh {
                "归档"
            } else {
                "Completed"
            }
        }
        None => "",
    }
}

fn role_words(stored: &str, lang: Lang) -> &'static str {
    let zh = lang == Lang::Zh;
    match OrgRole::from_stored(stored) {
        Some(OrgRole::Owner) => {
            if zh {
                "所有者"
            } else {
                "owner"
            }
        }
        Some(OrgRole::Manager) => {
            if zh {
                "管理者"
            } else {
                "manager"
            }
        }
        Some(OrgRole::Viewer) => {
            if zh {
                "查看者"
            } else {
                "viewer"
            }
        }
        None => "",
    }
}

/// The words of a notice in a language.
pub fn words(kind: Kind, f: &Facts, lang: Lang) -> Words {
    let n = &f.number;
    let amount = f.amount_fen.map(|a| Fen(a).to_string()).unwrap_or_default();
    let day = f.day.map(|d| d.to_string()).unwrap_or_default();
    let at = time(f.at);
    let until = time(f.until);
    let (acct, addr, area, name, note) = (&f.account, &f.address, &f.area, &f.name, &f.note);
    let pct = f.percent.unwrap_or(0);
    let w = |title: String, body: String| Words { title, body };
    match (lang, kind) {
        (_, Kind::HolderAdded) => holder_words(f, lang),
        (Lang::En, Kind::AutopayPaid) => w(
            format!("Autopay paid {amount}"),
            format!("Autopay paid {amount} of the bill for account {acct}."),
        ),
        (Lang::Zh, Kind::AutopayPaid) => w(
            format!("自动缴费成功：{amount}"),
            format!("户号{acct}已自动缴纳电费{amount}。"),
        ),
        (Lang::En, Kind::AutopayFailed) => {
            let why = if f.state == "over_limit" {
                "it is more than the limit you set"
            } else {
                "the payment service declined it"
            };
            w(
                format!("Autopay could not pay {amount}"),
                format!(
                    "Autopay could not pay the bill of {amount} for account {acct}: {why}. Please pay it yourself; it was due on {day}."
                ),
            )
        }
        (Lang::Zh, Kind::AutopayFailed) => {
            let why = if f.state == "over_limit" {
                "金额超过您设置的上限"
            } else {
                "支付机构未能扣款"
            };
            w(
                format!("自动缴费未成功：{amount}"),
                format!(
                    "户号{acct}的电费{amount}未能自动缴纳（{why}），请自行缴纳；缴费截止日为{day}。"
                ),
            )
        }
        (Lang::En, Kind::LowBalance) => w(
            format!("Prepaid balance low: {amount}"),
            format!(
                "The prepaid balance of account {acct} is {amount}, under the level you set. Top up to keep the power on."
            ),
        ),
        (Lang::Zh, Kind::LowBalance) => w(
            format!("预付费余额不足：{amount}"),
            format!(
                "户号{acct}的预付费余额为{amount}，已低于您设置的提醒金额，请及时充值，以免停电。"
            ),
        ),
        (Lang::En, Kind::BillIssued) => w(
            format!("Your bill is ready: {amount}"),
            format!("The bill for account {acct} ({addr}) is {amount}, due on {day}."),
        ),
        (Lang::Zh, Kind::BillIssued) => w(
            format!("电费账单已出：{amount}"),
            format!("户号{acct}（{addr}）本期电费{amount}，缴费截止日{day}。"),
        ),
        (Lang::En, Kind::BillDue) => w(
            format!("Bill due on {day}: {amount}"),
            format!("The bill of {amount} for account {acct} is due on {day}."),
        ),
        (Lang::Zh, Kind::BillDue) => w(
            format!("电费将于{day}到期：{amount}"),
            format!("户号{acct}的电费{amount}将于{day}到期。"),
        ),
        (Lang::En, Kind::BillOverdue) => w(
            format!("Bill overdue: {amount}"),
            format!(
                "The bill of {amount} for account {acct} was due on {day}. Please pay it to avoid late charges."
            ),
        ),
        (Lang::Zh, Kind::BillOverdue) => w(
            format!("电费已逾期：{amount}"),
            format!("户号{acct}的电费{amount}已于{day}到期，请尽快缴纳，以免产生违约金。"),
        ),
        (Lang::En, Kind::HighUse) => w(
            format!("High use at account {acct}: about {pct}% above last year"),
            format!(
                "At this pace this month's bill for {addr} will be about {amount}, {pct}% more than the same month last year."
            ),
        ),
        (Lang::Zh, Kind::HighUse) => w(
            format!("用电偏高：户号{acct}比去年同期高约{pct}%"),
            format!("按目前的用电速度，{addr}本月电费预计约{amount}，比去年同月高{pct}%。"),
        ),
        (Lang::En, Kind::CaseMoved) => {
            let stage = stage_words(&f.state, lang);
            w(
                format!("{n}: now at {stage}"),
                format!("Your application for {addr} has moved to the stage \"{stage}\"."),
            )
        }
        (Lang::Zh, Kind::CaseMoved) => {
            let stage = stage_words(&f.state, lang);
            w(
                format!("{n}：已进入“{stage}”"),
                format!("您在{addr}的用电申请已进入“{stage}”环节。"),
            )
        }
        (Lang::En, Kind::CaseWaiting) => w(
            format!("{n}: we need something from you"),
            format!("Your application for {addr} is waiting for you: {note}"),
        ),
        (Lang::Zh, Kind::CaseWaiting) => w(
            format!("{n}：需要您补充"),
            format!("您在{addr}的用电申请正在等待您处理：{note}"),
        ),
        (Lang::En, Kind::TicketDispatched) => w(
            format!("Crew on the way: {n}"),
            format!("A crew ({name}) is on the way to {addr}, expected by {at}."),
        ),
        (Lang::Zh, Kind::TicketDispatched) => w(
            format!("抢修人员已出发：{n}"),
            format!("抢修班组（{name}）正前往{addr}，预计{at}前到达。"),
        ),
        (Lang::En, Kind::CrewArrived) => w(
            format!("The crew has arrived: {n}"),
            format!("The crew is at {addr} and working on the fault."),
        ),
        (Lang::Zh, Kind::CrewArrived) => w(
            format!("抢修人员已到达：{n}"),
            format!("抢修人员已到达{addr}，正在处理故障。"),
        ),
        (Lang::En, Kind::PowerRestored) => w(
            format!("Power is back: {n}"),
            format!("Power at {addr} was restored at {at}."),
        ),
        (Lang::Zh, Kind::PowerRestored) => w(
            format!("已恢复供电：{n}"),
            format!("{addr}已于{at}恢复供电。"),
        ),
        (Lang::En, Kind::OutagePlanned) => w(
            format!("Planned outage in {area}"),
            format!("Power in {area} will be off from {at} until {until}. Reason: {note}"),
        ),
        (Lang::Zh, Kind::OutagePlanned) => w(
            format!("计划停电：{area}"),
            format!("{area}将于{at}至{until}计划停电。原因：{note}"),
        ),
        (Lang::En, Kind::OutageStarted) => w(
            format!("Power cut in {area}"),
            format!(
                "There is an unplanned outage in {area} since {at}. We expect power back by {until}."
            ),
        ),
        (Lang::Zh, Kind::OutageStarted) => w(
            format!("故障停电：{area}"),
            format!("{area}自{at}起故障停电，预计{until}前恢复供电。"),
        ),
        (Lang::En, Kind::OutageOver) => w(
            format!("Power is back in {area}"),
            format!("The outage in {area} is over since {at}."),
        ),
        (Lang::Zh, Kind::OutageOver) => w(
            format!("{area}已恢复供电"),
            format!("{area}的停电已于{at}结束。"),
        ),
        (Lang::En, Kind::FeedbackContacted) => w(
            format!("{n}: we have been in touch"),
            format!("We have recorded our contact with you about {n} and are working on it."),
        ),
        (Lang::Zh, Kind::FeedbackContacted) => w(
            format!("{n}：我们已与您联系"),
            format!("我们已就{n}与您联系，正在处理。"),
        ),
        (Lang::En, Kind::FeedbackAnswered) => w(
            format!("{n}: we have replied"),
            format!("There is a reply about {n}. Read it and tell us whether you are satisfied."),
        ),
        (Lang::Zh, Kind::FeedbackAnswered) => w(
            format!("{n}：已答复"),
            format!("{n}已有答复，请查看并告诉我们您是否满意。"),
        ),
        (Lang::En, Kind::RateJob) => w(
            format!("How did we do? {n}"),
            format!("Rating {n} takes a few seconds and tells us what to improve."),
        ),
        (Lang::Zh, Kind::RateJob) => w(
            format!("请评价：{n}"),
            format!("花几秒钟评价{n}，帮助我们改进服务。"),
        ),
        (Lang::En, Kind::Invitation) => {
            let role = role_words(&f.state, lang);
            w(
                format!("Invitation to {name}"),
                format!(
                    "You are invited to join {name} on GridCare as {role}. The invitation is good for 7 days."
                ),
            )
        }
        (Lang::Zh, Kind::Invitation) => {
            let role = role_words(&f.state, lang);
            w(
                format!("邀请您加入{name}"),
                format!("您受邀以{role}身份加入 GridCare 上的{name}，邀请7天内有效。"),
            )
        }
        (Lang::En, Kind::RoleChanged) => {
            let role = role_words(&f.state, lang);
            w(
                format!("Your role in {name}: {role}"),
                format!("Your role in {name} is now {role}."),
            )
        }
        (Lang::Zh, Kind::RoleChanged) => {
            let role = role_words(&f.state, lang);
            w(
                format!("您在{name}的角色：{role}"),
                format!("您在{name}的角色已变更为{role}。"),
            )
        }
    }
}

/// The words of someone new on an account, in both languages (kept apart from `words` only
/// to keep that match readable).
fn holder_words(f: &Facts, lang: Lang) -> Words {
    let (acct, addr, name) = (&f.account, &f.address, &f.name);
    match lang {
        Lang::En => Words {
            title: format!("Someone was linked to account {acct}"),
            body: format!(
                "{name} can now read the bills and use of {addr} and file requests for it. If you do not know them, remove them under the account's holders."
            ),
        },
        Lang::Zh => Words {
            title: format!("户号{acct}新增绑定人"),
            body: format!(
                "{name}现在可以查看{addr}的账单和用电，并可为其办理业务。如非您认识的人，请在该户号的绑定人中将其移除。"
            ),
        },
    }
}

/// A text message: the words without any link (texts never carry links to a sign-in form:
/// that is what phishing texts look like), signed with the utility's name.
pub fn sms(kind: Kind, facts: &Facts, lang: Lang) -> String {
    let w = words(kind, facts, lang);
    match lang {
        Lang::En => format!("[GridCare] {}. {}", w.title, w.body),
        Lang::Zh => format!("【GridCare】{}。{}", w.title, w.body),
    }
}

/// An email's parts before its footer: subject, plain text and simple HTML, each with a link
/// to the page (`url`, absolute).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The email for a notice.
pub fn email(kind: Kind, facts: &Facts, lang: Lang, url: &str) -> Email {
    let w = words(kind, facts, lang);
    let open = match lang {
        Lang::En => "Open in GridCare",
        Lang::Zh => "在 GridCare 中查看",
    };
    Email {
        text: format!("{}\n\n{}\n\n{open}: {url}\n", w.title, w.body),
        html: format!(
            "<h1 style=\"font-size:1.25rem\">{}</h1>\n<p>{}</p>\n<p><a href=\"{}\">{open}</a></p>\n",
            escape(&w.title),
            escape(&w.body),
            escape(url)
        ),
        subject: w.title,
    }
}

/// The footer every email ends with: why it came, and a link that stops this kind of email
/// without signing in (`unsubscribe`, absolute and signed).
pub fn email_footer(lang: Lang, unsubscribe: &str) -> (String, String) {
    let (why, stop) = match lang {
        Lang::En => (
            "You get this email because of your GridCare account. Hotline 95598.",
            "Stop these emails",
        ),
        Lang::Zh => (
            "您收到此邮件是因为您的 GridCare 账户。服务热线 95598。",
            "不再接收此类邮件",
        ),
    };
    (
        format!("\n--\n{why}\n{stop}: {unsubscribe}\n"),
        format!(
            "<hr><p style=\"font-size:.875rem;color:#555\">{why}<br><a href=\"{}\">{stop}</a></p>\n",
            escape(unsubscribe)
        ),
    )
}

/// The whole HTML document of an email.
pub fn email_document(lang: Lang, html: &str, footer: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"></head>\
         <body style=\"font-family:sans-serif;max-width:36rem\">\n{html}{footer}</body></html>\n",
        lang.tag()
    )
}

/// How far a month is on course to be above the same month a year ago, in whole percent,
/// projected from the days metered so far: `None` when there is nothing to compare (no bill a
/// year ago, or no days yet).
pub fn projected_rise(
    so_far_wh: i64,
    days_so_far: i64,
    days_in_month: i64,
    last_year_wh: i64,
) -> Option<i64> {
    if days_so_far <= 0 || last_year_wh <= 0 || days_in_month <= 0 {
        return None;
    }
    let projected = so_far_wh.checked_mul(days_in_month)? / days_so_far;
    Some((projected - last_year_wh).checked_mul(100)? / last_year_wh)
}

/// Whether a projected rise is worth telling someone whose threshold is `threshold` percent.
pub fn is_high_use(rise: Option<i64>, threshold: i64) -> bool {
    rise.is_some_and(|r| r > threshold)
}

/// A mobile number for texts: empty (no texts), or a mainland number of 11 digits starting
/// with 1, with or without `+86` and spaces or dashes; kept as the 11 digits.
pub fn parse_mobile(input: &str) -> Result<String, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(String::new());
    }
    let err = || FieldError::new(Field::Mobile, Problem::Malformed);
    if s.len() > 20 || !s.chars().all(|c| c.is_ascii_digit() || " -+".contains(c)) {
        return Err(err());
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let national = match digits.strip_prefix("86") {
        Some(rest) if s.starts_with('+') || digits.len() == 13 => rest.to_string(),
        _ if s.contains('+') => return Err(err()),
        _ => digits,
    };
    if national.len() == 11 && national.starts_with('1') {
        Ok(national)
    } else {
        Err(err())
    }
}

/// The high-use threshold: a whole percent from 10 to 200.
pub fn parse_threshold(input: &str) -> Result<i64, FieldError> {
    let s = input.trim().trim_end_matches('%').trim();
    if s.is_empty() {
        return Err(FieldError::new(Field::Threshold, Problem::Required));
    }
    let n: i64 = s
        .parse()
        .map_err(|_| FieldError::new(Field::Threshold, Problem::NotANumber))?;
    if (10..=200).contains(&n) {
        Ok(n)
    } else {
        Err(FieldError::new(
            Field::Threshold,
            Problem::OutOfRange { min: 10, max: 200 },
        ))
    }
}

/// The language messages are written in: `en` or `zh`.
pub fn parse_lang(input: &str) -> Result<Lang, FieldError> {
    match input.trim() {
        "en" => Ok(Lang::En),
        "zh" | "zh-CN" => Ok(Lang::Zh),
        "" => Err(FieldError::new(Field::Language, Problem::Required)),
        _ => Err(FieldError::new(Field::Language, Problem::NotAllowed)),
    }
}

/// Channel choices as the settings form sends them: `kind.channel` pairs that are on,
/// separated by commas (`bill_due.email,outage_started.sms`). Every email and text choice not
/// named is off; the portal's list cannot be turned off.
pub fn parse_choices(input: &str) -> Result<Vec<(Kind, Channel, bool)>, FieldError> {
    let bad = || FieldError::new(Field::Choices, Problem::NotAllowed);
    let mut on = Vec::new();
    for item in input.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (kind, channel) = item.split_once('.').ok_or_else(bad)?;
        let kind = Kind::from_stored(kind).ok_or_else(bad)?;
        let channel = Channel::from_stored(channel)
            .filter(|c| *c != Channel::InApp)
            .ok_or_else(bad)?;
        on.push((kind, channel));
    }
    Ok(Kind::ALL
        .into_iter()
        .flat_map(|k| [(k, Channel::Email), (k, Channel::Sms)])
        .map(|(k, c)| (k, c, on.contains(&(k, c))))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::local_time::parse_local_time;

    fn at(s: &str) -> i64 {
        parse_local_time(Field::StartsAt, s).unwrap()
    }

    #[test]
    fn kinds_and_channels_read_back_what_they_store() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_stored(k.as_str()), Some(k));
        }
        for c in [Channel::InApp, Channel::Email, Channel::Sms] {
            assert_eq!(Channel::from_stored(c.as_str()), Some(c));
        }
        assert_eq!(Kind::from_stored("spam"), None);
    }

    #[test]
    fn the_portal_list_has_everything_and_a_request_for_an_opinion_is_never_sent_unasked() {
        for k in Kind::ALL {
            assert!(k.default_on(Channel::InApp));
        }
        assert!(!Kind::RateJob.default_on(Channel::Email));
        assert!(!Kind::RateJob.default_on(Channel::Sms));
        assert!(Kind::OutageStarted.default_on(Channel::Sms));
        assert!(Kind::BillIssued.default_on(Channel::Email));
        assert!(!Kind::BillIssued.default_on(Channel::Sms));
    }

    #[test]
    fn texts_wait_out_the_quiet_hours_except_for_an_unplanned_outage() {
        let late = at("2026-12-01T23:10");
        assert_eq!(
            sms_not_before(Kind::TicketDispatched, late),
            at("2026-12-02T08:00")
        );
        assert_eq!(sms_not_before(Kind::OutageStarted, late), late);
        let early = at("2026-12-02T06:59");
        assert_eq!(
            sms_not_before(Kind::PowerRestored, early),
            at("2026-12-02T08:00")
        );
        let day = at("2026-12-02T08:00");
        assert_eq!(sms_not_before(Kind::PowerRestored, day), day);
        let evening = at("2026-12-02T21:59");
        assert_eq!(sms_not_before(Kind::PowerRestored, evening), evening);
        assert_eq!(
            sms_not_before(Kind::BillDue, at("2026-12-31T22:00")),
            at("2027-01-01T08:00")
        );
    }

    #[test]
    fn a_failed_message_is_tried_again_later_and_later_then_given_up() {
        assert_eq!(retry_after(1, false), Some(60));
        assert_eq!(retry_after(2, false), Some(120));
        assert_eq!(retry_after(4, false), Some(480));
        assert_eq!(retry_after(MAX_ATTEMPTS, false), None);
        assert_eq!(retry_after(1, true), None);
    }

    #[test]
    fn words_exist_in_both_languages_for_every_kind_and_texts_carry_no_link() {
        let facts = Facts {
            number: "BX-2026-000001".into(),
            account: "3100000001".into(),
            address: "8 Garden Road".into(),
            area: "Riverside 10 kV line 3".into(),
            name: "Crew 7".into(),
            state: "site_survey".into(),
            note: "a signed plan".into(),
            amount_fen: Some(12_345),
            at: Some(at("2026-12-02T10:30")),
            until: Some(at("2026-12-02T14:00")),
            day: NaiveDate::from_ymd_opt(2026, 12, 15),
            percent: Some(42),
        };
        for k in Kind::ALL {
            for lang in [Lang::En, Lang::Zh] {
                let w = words(k, &facts, lang);
                assert!(!w.title.is_empty() && !w.body.is_empty(), "{k:?} {lang:?}");
                let text = sms(k, &facts, lang);
                assert!(!text.contains("http") && !text.contains("www."), "{text}");
            }
        }
        let zh = words(Kind::TicketDispatched, &facts, Lang::Zh);
        assert_eq!(zh.title, "抢修人员已出发：BX-2026-000001");
        assert!(zh.body.contains("2026-12-02 10:30"), "{}", zh.body);
        let en = words(Kind::CaseMoved, &facts, Lang::En);
        assert_eq!(en.title, "BX-2026-000001: now at Site survey");
        assert_eq!(
            words(Kind::BillDue, &facts, Lang::En).title,
            "Bill due on 2026-12-15: ¥123.45"
        );
    }

    #[test]
    fn an_email_escapes_what_people_typed() {
        let facts = Facts {
            number: "TS-2026-000009".into(),
            area: "<script>alert(1)</script>".into(),
            ..Facts::default()
        };
        let e = email(
            Kind::OutageOver,
            &facts,
            Lang::En,
            "https://x.example/outages?a=1&b=2",
        );
        assert!(!e.html.contains("<script>"));
        assert!(e.html.contains("&lt;script&gt;"));
        assert!(e.html.contains("a=1&amp;b=2"));
        assert!(e.text.contains("https://x.example/outages?a=1&b=2"));
        let (text, html) = email_footer(Lang::Zh, "https://x.example/u?t=1");
        assert!(text.contains("不再接收此类邮件"));
        assert!(html.contains("https://x.example/u?t=1"));
    }

    #[test]
    fn settings_are_parsed_and_refusals_name_their_field() {
        assert_eq!(parse_mobile("").unwrap(), "");
        assert_eq!(parse_mobile("138 0013 8000").unwrap(), "13800138000");
        assert_eq!(parse_mobile("+86 138-0013-8000").unwrap(), "13800138000");
        assert_eq!(parse_mobile("8613800138000").unwrap(), "13800138000");
        for bad in ["12345", "+1 555 0100 000", "23800138000", "1380013800a"] {
            assert_eq!(
                parse_mobile(bad),
                Err(FieldError::new(Field::Mobile, Problem::Malformed)),
                "{bad}"
            );
        }
        assert_eq!(parse_threshold("30"), Ok(30));
        assert_eq!(parse_threshold("45 %"), Ok(45));
        assert_eq!(
            parse_threshold("5"),
            Err(FieldError::new(
                Field::Threshold,
                Problem::OutOfRange { min: 10, max: 200 }
            ))
        );
        assert_eq!(
            parse_threshold("lots"),
            Err(FieldError::new(Field::Threshold, Problem::NotANumber))
        );
        assert_eq!(parse_lang("zh"), Ok(Lang::Zh));
        assert!(parse_lang("fr").is_err());
        let choices = parse_choices("bill_due.email, outage_started.sms").unwrap();
        assert_eq!(choices.len(), Kind::ALL.len() * 2);
        assert!(choices.contains(&(Kind::BillDue, Channel::Email, true)));
        assert!(choices.contains(&(Kind::BillDue, Channel::Sms, false)));
        assert!(choices.contains(&(Kind::OutageStarted, Channel::Sms, true)));
        assert!(parse_choices("bill_due.in_app").is_err());
        assert!(parse_choices("spam.email").is_err());
    }

    #[test]
    fn high_use_is_projected_from_the_days_so_far() {
        // 10 days of 100 kWh in a 30-day month against 2,000 kWh a year ago: +50 %.
        assert_eq!(projected_rise(1_000_000, 10, 30, 2_000_000), Some(50));
        assert!(is_high_use(Some(50), 30));
        assert!(!is_high_use(Some(30), 30));
        assert_eq!(projected_rise(1_000, 0, 30, 2_000), None);
        assert_eq!(projected_rise(1_000, 3, 30, 0), None);
        assert!(!is_high_use(None, 0));
    }
}

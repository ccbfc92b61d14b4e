//! The portal's two languages and the shared words. Every module that shows text declares its
//! own strings beside its code with `strings!`, English and Chinese side by side, so a missing
//! translation does not compile; what several modules show lives here, in `Common`. A client
//! carries only the tables its pages reach: the linker drops the rest.

use crate::api::ApiError;
use crate::domain::application::DocumentKind;
use crate::domain::connection::{RequestKind, Stage, SupplyCategory};
use crate::domain::feedback::{FeedbackKind, JobKind};
use crate::domain::repair::{FaultKind, OutageKind, TicketState};
use crate::domain::{AreaClass, Field, FieldError, Problem};
use chrono::{Datelike, NaiveDate, Timelike};
use leptos::prelude::*;

pub use crate::domain::lang::Lang;

/// A table of strings in both languages, made by `strings!`.
pub trait Strings: Sync + 'static {
    /// The English table.
    const EN: &'static Self;
    /// The Chinese table.
    const ZH: &'static Self;

    /// The table of `lang`.
    fn of(lang: Lang) -> &'static Self {
        match lang {
            Lang::En => Self::EN,
            Lang::Zh => Self::ZH,
        }
    }
}

/// Declares a module's strings, English then Chinese, one entry each:
///
/// ```ignore
/// crate::ui::i18n::strings! {
///     /// The page's heading.
///     title: &'static str = "Bills", "账单";
///     bills_of: fn(&str) -> String = |n| format!("Bills for {n}"), |n| format!("户号 {n} 的账单");
/// }
/// ```
///
/// It makes the module's `Text` (read it with `Text::of(lang)`), whose shared words come from
/// `Common` through `Deref`, and its two tables.
macro_rules! strings {
    (@common $($(#[doc = $doc:literal])* $field:ident : $ty:ty = $en:expr , $zh:expr ;)*) => {
        /// The shared words in one language.
        pub struct Common {
            $($(#[doc = $doc])* pub $field: $ty,)*
        }
        static EN: Common = Common { $($field: $en,)* };
        static ZH: Common = Common { $($field: $zh,)* };
        impl Strings for Common {
            const EN: &'static Self = &EN;
            const ZH: &'static Self = &ZH;
        }
        impl Common {
            /// The shared words in `lang`.
            pub fn of(lang: Lang) -> &'static Self {
                <Self as Strings>::of(lang)
            }
        }
    };
    ($($(#[doc = $doc:literal])* $field:ident : $ty:ty = $en:expr , $zh:expr ;)*) => {
        /// This module's strings in one language; the shared words come through `Deref`.
        pub struct Text {
            common: &'static $crate::ui::i18n::Common,
            $($(#[doc = $doc])* pub $field: $ty,)*
        }
        static EN: Text = Text {
            common: <$crate::ui::i18n::Common as $crate::ui::i18n::Strings>::EN,
            $($field: $en,)*
        };
        static ZH: Text = Text {
            common: <$crate::ui::i18n::Common as $crate::ui::i18n::Strings>::ZH,
            $($field: $zh,)*
        };
        impl $crate::ui::i18n::Strings for Text {
            const EN: &'static Self = &EN;
            const ZH: &'static Self = &ZH;
        }
        impl Text {
            /// This module's strings in `lang`.
            pub fn of(lang: $crate::ui::i18n::Lang) -> &'static Self {
                <Self as $crate::ui::i18n::Strings>::of(lang)
            }
        }
        impl ::core::ops::Deref for Text {
            type Target = $crate::ui::i18n::Common;
            fn deref(&self) -> &$crate::ui::i18n::Common {
                self.common
            }
        }
    };
}
pub(crate) use strings;

// The shared words: what several pages or widgets show. A module's own strings are in its own
// `strings!` block and reach these through `Deref`.
strings! {
    @common
    /// The language these strings are in.
    lang: Lang = Lang::En, Lang::Zh;
    app_name: &'static str = "GridCare", "GridCare 网上营业厅";
    /// The separator between a label and its value (": " or "：").
    colon: &'static str = ": ", "：";
    nav_bills: &'static str = "Bills", "账单";
    sign_in: &'static str = "Sign in", "登录";
    register: &'static str = "Create account", "注册账号";
    email: &'static str = "Email", "邮箱";
    password: &'static str = "Password", "密码";
    nothing_due: &'static str = "Nothing due. Thank you!", "暂无欠费，谢谢！";
    next_due: &'static str = "Next due date", "最近缴费截止日";
    no_accounts: &'static str = "No service account is linked to this login yet.", "此登录尚未绑定户号。";
    bind_title: &'static str = "Link a service account", "绑定户号";
    account_number: &'static str = "Account number", "户号";
    phone_last4: &'static str = "Last 4 digits of phone", "手机号后 4 位";
    bills_title: &'static str = "Bills", "账单";
    col_period: &'static str = "Period", "账期";
    col_energy: &'static str = "Energy (kWh)", "电量（千瓦时）";
    col_amount: &'static str = "Amount", "金额";
    col_due: &'static str = "Due", "截止日";
    col_status: &'static str = "Status", "状态";
    page_of: fn(u32, u32) -> String =
        |p, n| format!("Page {p} of {n}"),
        |p, n| format!("第 {p} 页，共 {n} 页");
    previous_page: &'static str = "Previous page", "上一页";
    next_page: &'static str = "Next page", "下一页";
    pages: &'static str = "Pages", "分页";
    account: &'static str = "Account", "户号";
    premise: &'static str = "Premises", "用电地址";
    tariff: &'static str = "Tariff", "电价";
    status: &'static str = "Status", "状态";
    months: [&'static str; 12] =
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        [
            "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
        ];
    date: fn(NaiveDate, &[&str; 12]) -> String = en_date, zh_date;
    month_year: fn(NaiveDate, &[&str; 12]) -> String = en_month_year, zh_month_year;
    area_urban: &'static str = "Urban", "城市";
    area_rural: &'static str = "Rural", "农村";
    area_remote: &'static str = "Remote", "偏远地区";
    err_not_signed_in: &'static str = "Please sign in to continue.", "请先登录。";
    err_forbidden: &'static str = "You do not have access to this.", "您无权查看此内容。";
    err_not_found: &'static str = "We could not find that.", "未找到该内容。";
    err_bad_credentials: &'static str = "The email or password is wrong.", "邮箱或密码不正确。";
    err_locked: fn(u32) -> String =
        |m| {
            format!(
                "Too many failed attempts. For your security this is locked; try again in {m} minutes."
            )
        },
        |m| format!("失败次数过多，为保护账号安全已暂时锁定，请 {m} 分钟后再试。");
    err_reauthenticate: &'static str =
        "This change needs your password again.", "此项更改需要再次输入密码。";
    err_busy: &'static str =
        "GridCare is very busy right now. Try again in a few seconds.",
        "系统繁忙，请稍后几秒再试。";
    err_second_factor: &'static str =
        "Enter the code from your authenticator app.", "请输入身份验证器应用中的验证码。";
    err_set_up_second_factor: &'static str =
        "Staff must turn on two-step sign-in first, under Security.",
        "员工须先在“账号安全”中开启两步验证。";
    err_unverified: &'static str =
        "Confirm your email address first: we have sent you a new link. Open it, and you are signed in.",
        "请先确认您的邮箱：我们已重新发送链接，打开链接即可登录。";
    err_bind_mismatch: &'static str =
        "We have no service account with this number. Check it against a bill.",
        "没有此户号，请对照电费账单核对。";
    err_cross_site: &'static str =
        "The request was refused for security reasons. Reload the page and try again.",
        "出于安全原因，请求被拒绝。请刷新页面后重试。";
    err_too_large: &'static str = "That is too much to send at once.", "提交的内容过多。";
    err_not_now: &'static str = "That cannot be done at this stage of the case.", "当前环节不能进行此操作。";
    err_conflict: &'static str =
        "Someone changed this at the same moment. Reload the page and try again.",
        "内容刚被他人修改，请刷新页面后重试。";
    err_bad_request: &'static str =
        "The request could not be read. Reload the page and try again.",
        "无法读取请求，请刷新页面后重试。";
    err_network: &'static str =
        "Cannot reach GridCare. Check your connection and try again.",
        "无法连接 GridCare，请检查网络后重试。";
    err_internal: &'static str =
        "Something went wrong on our side. Please try again later.",
        "系统出现问题，请稍后再试。";
    problem_required: &'static str = "this field is required", "此项必填";
    problem_too_short: fn(u32) -> String =
        |n| format!("needs at least {n} characters"),
        |n| format!("至少需要 {n} 个字符");
    problem_too_long: fn(u32) -> String =
        |n| format!("allows at most {n} characters"),
        |n| format!("最多 {n} 个字符");
    problem_malformed: &'static str = "is not in the expected form", "格式不正确";
    problem_not_a_number: &'static str = "must be a whole number", "必须是整数";
    problem_out_of_range: &'static str = "is out of range", "超出范围";
    problem_not_allowed: &'static str = "is not one of the choices allowed here", "不在可选范围内";
    problem_already_paid: &'static str = "is paid in full already", "已全额缴清";
    problem_missing: &'static str = "is missing something required", "缺少必需的内容";
    field_page: &'static str = "Page", "页码";
    field_id: &'static str = "Page address", "页面地址";
    field_reading: &'static str = "Reading", "示数";
    field_kind: &'static str = "Type of request", "业务类型";
    field_category: &'static str = "Customer category", "用户类别";
    field_capacity: &'static str = "Capacity (kW)", "容量（千瓦）";
    field_supply_voltage: &'static str = "Supply voltage", "供电电压";
    field_premise_address: &'static str = "Premises address", "用电地址";
    field_contact_name: &'static str = "Contact name", "联系人";
    field_contact_phone: &'static str = "Contact phone", "联系电话";
    field_documents: &'static str = "Documents", "申请资料";
    field_request: &'static str = "Request", "请求";
    field_note: &'static str = "Note", "备注";
    field_file: &'static str = "File", "文件";
    field_description: &'static str = "What happened", "故障情况";
    field_danger: &'static str = "Is anyone in danger?", "是否有人身危险？";
    field_photo: &'static str = "Photo", "照片";
    field_action: &'static str = "Action", "操作";
    field_crew: &'static str = "Crew", "抢修班组";
    field_eta: &'static str = "Expected arrival (minutes)", "预计到达（分钟）";
    field_area: &'static str = "Area", "停电区域";
    field_reason: &'static str = "Reason", "停电原因";
    field_starts_at: &'static str = "Starts", "开始时间";
    field_expected_end: &'static str = "Expected end", "预计恢复时间";
    field_ended: &'static str = "Power is back", "已恢复送电";
    field_job: &'static str = "Job", "业务";
    field_stars: &'static str = "Stars", "评分";
    field_tags: &'static str = "What stood out", "印象";
    field_comment: &'static str = "Comment", "评价内容";
    field_topic: &'static str = "Topic", "类别";
    field_satisfied: &'static str = "Are you satisfied?", "是否满意？";
    problem_too_soon: &'static str =
        "is too soon: a planned outage must be announced at least 7 days ahead; otherwise mark it temporary or a fault and give the reason",
        "过早：计划停电须至少提前 7 天公告，否则请标为临时停电或故障停电并说明原因";
    nav_applications: &'static str = "Applications", "业扩报装";
    apply_new: &'static str = "Apply for a connection", "申请用电";
    col_number: &'static str = "Number", "编号";
    col_kind: &'static str = "Request", "业务类型";
    col_stage: &'static str = "Stage", "当前环节";
    col_next_due: &'static str = "Next deadline", "下一截止日";
    late: &'static str = "Late", "已超期";
    kind_new_connection: &'static str = "New connection", "新装";
    kind_capacity_increase: &'static str = "Capacity increase", "增容";
    kind_capacity_decrease: &'static str = "Capacity decrease", "减容";
    kind_tariff_change: &'static str = "Tariff change", "改类（电价变更）";
    kind_move_in: &'static str = "Move in (start service)", "过户迁入（开始用电）";
    kind_move_out: &'static str = "Move out (stop service)", "迁出（停止用电）";
    kind_temporary_supply: &'static str = "Temporary supply", "临时用电";
    kind_ev_charger: &'static str = "EV charger", "电动汽车充电桩";
    cat_residential: &'static str = "Residential", "居民";
    cat_lv_business: &'static str = "Low-voltage business", "低压非居民";
    cat_hv_single: &'static str = "High voltage, single supply", "高压单电源";
    cat_hv_double: &'static str = "High voltage, double supply", "高压双电源";
    stage_application: &'static str = "Application accepted", "受理";
    stage_site_survey: &'static str = "Site survey", "现场勘查";
    stage_supply_plan: &'static str = "Supply plan reply", "供电方案答复";
    stage_design_review: &'static str = "Design review", "设计审核";
    stage_mid_check: &'static str = "Mid-construction check", "中间检查";
    stage_completion: &'static str = "Completion inspection", "竣工检验";
    stage_energise: &'static str = "Meter installed and power on", "装表接电";
    stage_archived: &'static str = "Done", "归档";
    doc_id_card: &'static str = "Identity card", "身份证明";
    doc_ownership: &'static str = "Proof of ownership or lease", "产权或租赁证明";
    doc_licence: &'static str = "Business licence", "营业执照";
    doc_legal_rep: &'static str = "Legal representative's ID", "法定代表人身份证明";
    doc_parking: &'static str = "Parking-space proof", "车位产权或使用证明";
    doc_consent: &'static str = "Property management consent", "物业同意安装证明";
    doc_other: &'static str = "Other document", "其他资料";
    submitting: &'static str = "Submitting…", "正在提交…";
    service_account: &'static str = "Service account", "用电户号";
    choose: &'static str = "Choose…", "请选择…";
    uploaded: &'static str = "Uploaded", "已上传";
    progress: &'static str = "Progress", "办理进度";
    col_done: &'static str = "Done", "完成";
    history: &'static str = "History", "办理记录";
    documents_title: &'static str = "Documents", "申请资料";
    capacity_label: &'static str = "Capacity", "容量";
    voltage_label: &'static str = "Supply voltage", "供电电压";
    note_label: &'static str = "Note", "备注";
    report_fault: &'static str = "Report a fault", "我要报修";
    fault_no_power: &'static str = "No power at all", "全部停电";
    fault_partial: &'static str = "Part of the premises has no power", "部分停电";
    fault_voltage: &'static str = "Voltage too low or too high, or flickering", "电压过低、过高或闪烁";
    fault_damaged: &'static str = "Damaged meter or line", "电表或线路损坏";
    fault_hazard: &'static str = "Safety hazard: wire down, sparks", "安全隐患：电线断落、打火";
    outage_here_title: &'static str = "There is a known outage at this address", "该地址正在停电";
    ticket_reported: &'static str = "Reported", "已受理";
    ticket_dispatched: &'static str = "Crew dispatched", "已派工";
    ticket_on_the_way: &'static str = "Crew on the way", "抢修人员在途";
    ticket_on_site: &'static str = "Crew on site", "已到达现场";
    ticket_restored: &'static str = "Power restored", "已恢复送电";
    ticket_closed: &'static str = "Closed", "已完成";
    ticket_merged: &'static str = "Part of an area outage", "已并入停电事件";
    ticket_cancelled: &'static str = "Cancelled", "已撤销";
    cancel_ticket: &'static str = "Cancel report", "撤销报修";
    outages_title: &'static str = "Outage notices", "停电信息";
    no_outages: &'static str = "There are no current or planned outages.", "当前没有停电或停电计划。";
    outage_planned: &'static str = "Planned work", "计划停电";
    outage_temporary: &'static str = "Temporary maintenance", "临时停电";
    outage_fault: &'static str = "Grid fault", "故障停电";
    outage_shortfall: &'static str = "Supply shortfall", "超电网供电能力停限电";
    fb_complaint: &'static str = "Complaint", "投诉";
    fb_report: &'static str = "Report", "举报";
    fb_suggestion: &'static str = "Suggestion", "建议";
    fb_praise: &'static str = "Praise", "表扬";
    topic_billing: &'static str = "Billing", "电费账单";
    topic_meter_reading: &'static str = "Meter reading", "抄表计量";
    topic_power_supply: &'static str = "Power supply", "供电质量";
    topic_staff_conduct: &'static str = "Staff conduct", "服务态度";
    topic_connection: &'static str = "Connection", "业扩报装";
    topic_other: &'static str = "Other", "其他";
    download_csv: &'static str = "Download CSV", "下载 CSV";
    job_repair: &'static str = "Repair", "故障报修";
    job_connection: &'static str = "Application", "用电申请";
    job_complaint: &'static str = "Complaint", "投诉";
    time: fn(i64) -> String = en_time, zh_time;
    field_feedback_text: &'static str = "Tell us what happened", "具体内容";
    field_organisation: &'static str = "Organisation", "单位";
    field_site: &'static str = "Site", "用电户";
    field_user: &'static str = "Member", "成员";
    field_invitation: &'static str = "Invitation", "邀请";
    field_token: &'static str = "Link", "链接";
    field_role: &'static str = "Role", "角色";
    field_label: &'static str = "Label", "标签";
    field_search: &'static str = "Search", "搜索";
    field_open_requests: &'static str = "Only sites with open requests", "仅看有在办业务的用电户";
    field_unpaid: &'static str = "Only sites with unpaid bills", "仅看有未缴账单的用电户";
    field_from: &'static str = "From", "起始日期";
    field_to: &'static str = "Until (not included)", "截止日期（不含）";
    field_sites: &'static str = "Sites", "用电户";
    field_add: &'static str = "Add or remove", "添加或移除";
    problem_already_member: &'static str = "belongs to a member already", "已是本单位成员";
    problem_last_owner: &'static str =
        "an organisation must keep at least one owner",
        "单位至少须保留一名所有者";
    problem_wrong_code: &'static str = "is not the code we sent", "与我们发送的验证码不符";
    problem_organisation_site: &'static str =
        "belongs to an organisation: ask its owner to invite you",
        "属于企业用户，请联系企业管理员邀请您";
    field_code: &'static str = "Code", "验证码";
    problem_too_common: &'static str =
        "is too common or too close to your email or our name: choose one that is harder to guess",
        "过于常见，或与您的邮箱、本站名称过于相似，请换一个更难猜的";
    problem_expired: &'static str =
        "has expired or was already used", "已过期或已被使用";
    problem_incorrect: &'static str = "is not right", "不正确";
    problem_unchanged: &'static str = "is the same as before", "与原来相同";
    field_current_password: &'static str = "Current password", "当前密码";
    field_amount: &'static str = "Amount", "金额";
    field_payment: &'static str = "Payment", "付款";
    field_max_amount: &'static str = "Most per bill", "每期上限";
    field_consent: &'static str = "Agreement", "授权";
    field_low_balance: &'static str = "Warn me under", "余额提醒金额";
    field_care_mode: &'static str = "Care mode", "关怀模式";
    problem_not_positive: &'static str = "must be more than zero", "必须大于零";
    problem_too_precise: &'static str =
        "can have at most two decimals (fen)", "最多保留两位小数（分）";
    problem_too_large: fn(crate::domain::Fen) -> String =
        |max| format!("must be at most ¥{}", max.yuan()),
        |max| format!("不能超过 ¥{}", max.yuan());
    problem_quota_full: &'static str =
        "too many files are waiting: send them with a form, or wait a day",
        "待提交的文件过多：请先随表单提交，或一天后再试";
    business_title: &'static str = "Your organisations", "我的企业";
    role_owner: &'static str = "Owner", "所有者";
    role_manager: &'static str = "Manager", "管理员";
    role_viewer: &'static str = "Viewer", "查看者";
    biz_dashboard: &'static str = "Dashboard", "总览";
    biz_sites: &'static str = "Sites", "用电户";
    biz_members: &'static str = "Members", "成员";
    open_requests_title: &'static str = "Open requests", "在办业务";
    no_open_requests: &'static str = "No open requests.", "没有在办业务。";
    col_site: &'static str = "Site", "用电户";
    supply_area_label: &'static str = "Supply area", "供电区域";
    col_labels: &'static str = "Labels", "标签";
    col_owed: &'static str = "Owed", "欠费";
    usage_by_month: &'static str = "Use by month", "每月用电";
    read_only_role: &'static str =
        "Your role is viewer: you can read every site, but filing requests, labelling and inviting need an owner or manager.",
        "您的角色为查看者：可查看全部用电户，提交业务、设置标签和邀请成员需要所有者或管理员角色。";
    open_dashboard: &'static str = "Open the dashboard", "进入总览";
    field_days: &'static str = "Days shown", "显示天数";
    field_interval: &'static str = "Readings", "数据粒度";
    field_day: &'static str = "Day", "日期";
    field_mobile: &'static str = "Mobile number", "手机号码";
    field_threshold: &'static str = "High-use threshold", "用电偏高提醒阈值";
    field_language: &'static str = "Language", "语言";
    field_choices: &'static str = "Notifications", "通知选项";
}

fn en_date(d: NaiveDate, months: &[&str; 12]) -> String {
    format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
}

fn en_month_year(d: NaiveDate, months: &[&str; 12]) -> String {
    format!("{} {}", months[d.month0() as usize], d.year())
}

fn zh_date(d: NaiveDate, _: &[&str; 12]) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

fn zh_month_year(d: NaiveDate, _: &[&str; 12]) -> String {
    format!("{}年{}月", d.year(), d.month())
}

/// The utility's local time (UTC+8) of a unix instant.
fn local(unix: i64) -> chrono::NaiveDateTime {
    chrono::DateTime::from_timestamp(unix + crate::domain::local_time::UTILITY_OFFSET_SECS, 0)
        .unwrap_or_default()
        .naive_utc()
}

fn en_time(unix: i64) -> String {
    let t = local(unix);
    format!(
        "{} {} {}, {:02}:{:02}",
        t.day(),
        EN.months[t.month0() as usize],
        t.year(),
        t.hour(),
        t.minute()
    )
}

fn zh_time(unix: i64) -> String {
    let t = local(unix);
    format!(
        "{}年{}月{}日 {:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// English.
impl Common {
    /// A date such as `2 December 2026` or `2026年12月2日`.
    pub fn date(&self, d: NaiveDate) -> String {
        (self.date)(d, &self.months)
    }

    /// A month such as `October 2026` or `2026年10月`.
    pub fn month_year(&self, d: NaiveDate) -> String {
        (self.month_year)(d, &self.months)
    }

    /// An area class.
    pub fn area(&self, a: AreaClass) -> &'static str {
        match a {
            AreaClass::Urban => self.area_urban,
            AreaClass::Rural => self.area_rural,
            AreaClass::Remote => self.area_remote,
        }
    }

    /// A fault kind's name.
    pub fn fault_kind(&self, k: FaultKind) -> &'static str {
        match k {
            FaultKind::NoPower => self.fault_no_power,
            FaultKind::PartialLoss => self.fault_partial,
            FaultKind::Voltage => self.fault_voltage,
            FaultKind::DamagedEquipment => self.fault_damaged,
            FaultKind::SafetyHazard => self.fault_hazard,
        }
    }

    /// A ticket state's name.
    pub fn ticket_state(&self, s: TicketState) -> &'static str {
        match s {
            TicketState::Reported => self.ticket_reported,
            TicketState::Dispatched => self.ticket_dispatched,
            TicketState::OnTheWay => self.ticket_on_the_way,
            TicketState::OnSite => self.ticket_on_site,
            TicketState::Restored => self.ticket_restored,
            TicketState::Closed => self.ticket_closed,
            TicketState::Merged => self.ticket_merged,
            TicketState::Cancelled => self.ticket_cancelled,
        }
    }

    /// An outage kind's name.
    pub fn outage_kind(&self, k: OutageKind) -> &'static str {
        match k {
            OutageKind::Planned => self.outage_planned,
            OutageKind::Temporary => self.outage_temporary,
            OutageKind::GridFault => self.outage_fault,
            OutageKind::CapacityShortfall => self.outage_shortfall,
        }
    }

    /// What kind of job it was.
    pub fn job_kind(&self, k: JobKind) -> &'static str {
        match k {
            JobKind::Repair => self.job_repair,
            JobKind::Connection => self.job_connection,
            JobKind::Complaint => self.job_complaint,
        }
    }

    /// A member's role in an organisation.
    pub fn org_role(&self, r: crate::domain::OrgRole) -> &'static str {
        match r {
            crate::domain::OrgRole::Owner => self.role_owner,
            crate::domain::OrgRole::Manager => self.role_manager,
            crate::domain::OrgRole::Viewer => self.role_viewer,
        }
    }

    /// A feedback kind's name.
    pub fn feedback_kind(&self, k: FeedbackKind) -> &'static str {
        match k {
            FeedbackKind::Complaint => self.fb_complaint,
            FeedbackKind::Report => self.fb_report,
            FeedbackKind::Suggestion => self.fb_suggestion,
            FeedbackKind::Praise => self.fb_praise,
        }
    }

    /// A feedback topic (stored name).
    pub fn topic<'a>(&self, t: &'a str) -> &'a str {
        match t {
            "billing" => self.topic_billing,
            "meter_reading" => self.topic_meter_reading,
            "power_supply" => self.topic_power_supply,
            "staff_conduct" => self.topic_staff_conduct,
            "connection" => self.topic_connection,
            "other" => self.topic_other,
            other => other,
        }
    }

    /// A request kind's name.
    pub fn request_kind(&self, k: RequestKind) -> &'static str {
        match k {
            RequestKind::NewConnection => self.kind_new_connection,
            RequestKind::CapacityIncrease => self.kind_capacity_increase,
            RequestKind::CapacityDecrease => self.kind_capacity_decrease,
            RequestKind::TariffChange => self.kind_tariff_change,
            RequestKind::MoveIn => self.kind_move_in,
            RequestKind::MoveOut => self.kind_move_out,
            RequestKind::TemporarySupply => self.kind_temporary_supply,
            RequestKind::EvCharger => self.kind_ev_charger,
        }
    }

    /// A supply category's name.
    pub fn supply_category(&self, c: SupplyCategory) -> &'static str {
        match c {
            SupplyCategory::Residential => self.cat_residential,
            SupplyCategory::LowVoltageBusiness => self.cat_lv_business,
            SupplyCategory::HighVoltageSingle => self.cat_hv_single,
            SupplyCategory::HighVoltageDouble => self.cat_hv_double,
        }
    }

    /// A stage's name.
    pub fn stage(&self, s: Stage) -> &'static str {
        match s {
            Stage::Application => self.stage_application,
            Stage::SiteSurvey => self.stage_site_survey,
            Stage::SupplyPlan => self.stage_supply_plan,
            Stage::DesignReview => self.stage_design_review,
            Stage::MidConstructionCheck => self.stage_mid_check,
            Stage::CompletionInspection => self.stage_completion,
            Stage::MeterAndEnergise => self.stage_energise,
            Stage::Archived => self.stage_archived,
        }
    }

    /// A document kind's name (stored names).
    pub fn document_kind<'a>(&self, k: &'a str) -> &'a str {
        match DocumentKind::from_stored(k) {
            Some(DocumentKind::IdCard) => self.doc_id_card,
            Some(DocumentKind::ProofOfOwnership) => self.doc_ownership,
            Some(DocumentKind::BusinessLicence) => self.doc_licence,
            Some(DocumentKind::LegalRepresentativeId) => self.doc_legal_rep,
            Some(DocumentKind::ParkingSpaceProof) => self.doc_parking,
            Some(DocumentKind::PropertyConsent) => self.doc_consent,
            Some(DocumentKind::Other) => self.doc_other,
            None => k,
        }
    }

    /// The label a person sees for a field.
    pub fn field(&self, f: Field) -> &'static str {
        match f {
            Field::Email => self.email,
            Field::Password => self.password,
            Field::AccountNumber => self.account_number,
            Field::PhoneLast4 => self.phone_last4,
            Field::AccountId | Field::BillId => self.field_id,
            Field::Page => self.field_page,
            Field::Reading => self.field_reading,
            Field::Kind => self.field_kind,
            Field::Category => self.field_category,
            Field::Capacity => self.field_capacity,
            Field::SupplyVoltage => self.field_supply_voltage,
            Field::PremiseAddress => self.field_premise_address,
            Field::ContactName => self.field_contact_name,
            Field::ContactPhone => self.field_contact_phone,
            Field::Documents => self.field_documents,
            Field::CaseId => self.field_id,
            Field::IdempotencyKey => self.field_request,
            Field::Note => self.field_note,
            Field::File => self.field_file,
            Field::Description => self.field_description,
            Field::Danger => self.field_danger,
            Field::Photo => self.field_photo,
            Field::TicketId | Field::OutageId => self.field_id,
            Field::Action => self.field_action,
            Field::Crew => self.field_crew,
            Field::Eta => self.field_eta,
            Field::Area => self.field_area,
            Field::Reason => self.field_reason,
            Field::StartsAt => self.field_starts_at,
            Field::EndsAt => self.field_expected_end,
            Field::Ended => self.field_ended,
            Field::JobKind | Field::JobId => self.field_job,
            Field::FeedbackId => self.field_id,
            Field::Stars => self.field_stars,
            Field::Tags => self.field_tags,
            Field::Comment => self.field_comment,
            Field::Topic => self.field_topic,
            Field::Satisfied => self.field_satisfied,
            Field::OrganisationId => self.field_organisation,
            Field::SiteId => self.field_site,
            Field::UserId => self.field_user,
            Field::InvitationId => self.field_invitation,
            Field::Token => self.field_token,
            Field::Role => self.field_role,
            Field::Label => self.field_label,
            Field::Search => self.field_search,
            Field::OpenRequests => self.field_open_requests,
            Field::Unpaid => self.field_unpaid,
            Field::From => self.field_from,
            Field::To => self.field_to,
            Field::Sites => self.field_sites,
            Field::Add => self.field_add,
            Field::Days => self.field_days,
            Field::Interval => self.field_interval,
            Field::Day => self.field_day,
            Field::Mobile => self.field_mobile,
            Field::Threshold => self.field_threshold,
            Field::Language => self.field_language,
            Field::Choices => self.field_choices,
            Field::NotificationId | Field::Challenge | Field::HolderId => self.field_id,
            Field::Code => self.field_code,
            Field::CurrentPassword => self.field_current_password,
            Field::SessionId => self.field_id,
            Field::Amount => self.field_amount,
            Field::PaymentId | Field::LineId => self.field_payment,
            Field::MaxAmount => self.field_max_amount,
            Field::Consent => self.field_consent,
            Field::LowBalance => self.field_low_balance,
            Field::CareMode => self.field_care_mode,
        }
    }

    /// Why a field was refused, without the field's name.
    pub fn problem(&self, p: Problem) -> String {
        match p {
            Problem::Required => self.problem_required.into(),
            Problem::TooShort { min } => (self.problem_too_short)(min),
            Problem::TooLong { max } => (self.problem_too_long)(max),
            Problem::Malformed => self.problem_malformed.into(),
            Problem::NotANumber => self.problem_not_a_number.into(),
            Problem::OutOfRange { .. } => self.problem_out_of_range.into(),
            Problem::NotAllowed => self.problem_not_allowed.into(),
            Problem::AlreadyPaid => self.problem_already_paid.into(),
            Problem::Missing => self.problem_missing.into(),
            Problem::TooSoon => self.problem_too_soon.into(),
            Problem::AlreadyMember => self.problem_already_member.into(),
            Problem::LastOwner => self.problem_last_owner.into(),
            Problem::WrongCode => self.problem_wrong_code.into(),
            Problem::OrganisationSite => self.problem_organisation_site.into(),
            Problem::QuotaFull => self.problem_quota_full.into(),
            Problem::TooCommon => self.problem_too_common.into(),
            Problem::Expired => self.problem_expired.into(),
            Problem::Incorrect => self.problem_incorrect.into(),
            Problem::Unchanged => self.problem_unchanged.into(),
            Problem::NotPositive => self.problem_not_positive.into(),
            Problem::TooPrecise => self.problem_too_precise.into(),
            Problem::TooLarge { max } => (self.problem_too_large)(max),
        }
    }

    /// A refused field: `Email: this field is required`.
    pub fn field_error(&self, e: FieldError) -> String {
        format!(
            "{}{}{}",
            self.field(e.field),
            self.colon,
            self.problem(e.problem)
        )
    }

    /// An error as a sentence for people.
    pub fn error(&self, e: &ApiError) -> String {
        match e {
            ApiError::NotSignedIn => self.err_not_signed_in.into(),
            ApiError::Forbidden => self.err_forbidden.into(),
            ApiError::NotFound => self.err_not_found.into(),
            ApiError::Invalid(f) => self.field_error(*f),
            ApiError::BadCredentials => self.err_bad_credentials.into(),
            ApiError::Locked { minutes } => (self.err_locked)(*minutes),
            ApiError::Unverified => self.err_unverified.into(),
            ApiError::SecondFactor => self.err_second_factor.into(),
            ApiError::Busy => self.err_busy.into(),
            ApiError::Reauthenticate => self.err_reauthenticate.into(),
            ApiError::SetUpSecondFactor => self.err_set_up_second_factor.into(),
            ApiError::BindMismatch => self.err_bind_mismatch.into(),
            ApiError::CrossSite => self.err_cross_site.into(),
            ApiError::TooLarge => self.err_too_large.into(),
            ApiError::NotNow { .. } => self.err_not_now.into(),
            ApiError::Conflict => self.err_conflict.into(),
            ApiError::BadRequest { .. } => self.err_bad_request.into(),
            ApiError::Network { .. } => self.err_network.into(),
            ApiError::Internal => self.err_internal.into(),
        }
    }
}

/// The chosen language, shared by every component.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The current language (tracked).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The current language, without tracking.
    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// Switches language, remembers it, and tells the document.
    pub fn set(&self, lang: Lang) {
        self.lang.set(lang);
        crate::ui::browser::store_language(lang);
        crate::ui::browser::apply_language(lang);
    }
}

/// Provides `lang`, the language the server wrote the page in (from the person's choice, else
/// the browser's), or, on a page the server did not write, the browser's preference.
pub fn provide_i18n(lang: Option<Lang>) -> I18n {
    let lang = lang.unwrap_or_else(|| {
        let lang = crate::ui::browser::initial_language();
        crate::ui::browser::apply_language(lang);
        lang
    });
    let i18n = I18n {
        lang: RwSignal::new(lang),
    };
    provide_context(i18n);
    i18n
}

/// The language context.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

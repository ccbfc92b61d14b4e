//! Staff console: payments. Find payments by account, reference and days; supervisors refund
//! (a new row, with a reason); upload the bank's statement, whose lines with a customer's
//! payment reference are paid at once, and assign the lines that wait.

use crate::api::pages::FileAddress;
use crate::api::pay::{
    AssignLine, Reconciled, RefundPayment, StaffPayment, StaffPayments, WaitingLine, WaitingLines,
};
use crate::domain::{Field, Role};
use crate::ui::components::data::{Cell, DataTable};
use crate::ui::components::field::TextField;
use crate::ui::components::guard::{PageHeading, RequireSignIn};
use crate::ui::components::status::{Load, Write, loaded_in_place};
use crate::ui::components::text::Tr;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// `/staff/payments`.
#[component]
pub fn StaffPaymentsPage() -> impl IntoView {
    view! { <RequireSignIn><Payments/></RequireSignIn> }
}

#[component]
fn Payments() -> impl IntoView {
    view! {
        <PageHeading text=|l| Text::of(l).payments_title/>
        <Search/>
        <Statement/>
    }
}

#[component]
fn Search() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let supervisor = move || {
        session
            .me
            .with(|m| m.as_ref().is_some_and(|m| m.role == Role::StaffSupervisor))
    };
    let asked = RwSignal::new(None::<[String; 4]>);
    let found = Load::ask_if(move || {
        asked
            .get()
            .map(|[account_number, reference, from, to]| StaffPayments {
                account_number,
                reference,
                from,
                to,
            })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        asked.set(Some(crate::ui::browser::form_values(
            &ev,
            ["account_number", "reference", "from", "to"],
        )));
    };
    let chosen = RwSignal::new(None::<StaffPayment>);
    let table = move |list: Vec<StaffPayment>| {
        let t = Text::of(i18n.lang());
        if asked.with(Option::is_none) {
            return view! { <p class="muted">{t.search_hint}</p> }.into_any();
        }
        if list.is_empty() {
            return view! { <p role="status">{t.none_found}</p> }.into_any();
        }
        let rows = list
            .iter()
            .map(|p| {
                vec![
                    Cell::Text((t.time)(p.paid_at)),
                    Cell::Mono(p.account_number.clone()),
                    Cell::Text(p.holder_name.clone()),
                    Cell::Num(p.amount.to_string()),
                    Cell::Num(p.refunded.to_string()),
                    Cell::Text(p.channel.clone()),
                    Cell::Mono(p.reference.clone()),
                ]
            })
            .collect();
        let refund_buttons = supervisor().then(|| {
            list.into_iter()
                .filter(|p| p.refunded < p.amount)
                .map(|p| {
                    let label = (t.refund_of)(&p.reference);
                    view! { <li><button type="button" class="button" on:click=move |_| chosen.set(Some(p.clone()))>{label}</button></li> }
                })
                .collect_view()
        });
        view! {
            <DataTable
                headings=vec![(t.col_received, false), (t.col_account, false), (t.col_holder, false), (t.col_amount, true), (t.col_refunded, true), (t.col_channel, false), (t.col_reference, false)]
                rows
                cards=true
            />
            {refund_buttons.map(|b| view! { <ul class="plain-list">{b}</ul> })}
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="find-heading">
            <h2 id="find-heading"><Tr s=|l| Text::of(l).find_title/></h2>
            <form on:submit=submit novalidate class="filters">
                <TextField name="account_number" label=|l| Text::of(l).col_account inputmode="numeric" error=Signal::derive(|| None)/>
                <TextField name="reference" label=|l| Text::of(l).col_reference error=Signal::derive(|| None)/>
                <TextField name="from" label=|l| Text::of(l).from_day input_type="date" error=Signal::derive(|| None)/>
                <TextField name="to" label=|l| Text::of(l).to_day input_type="date" error=Signal::derive(|| None)/>
                <button type="submit" class="button button-primary"><Tr s=|l| Text::of(l).find/></button>
            </form>
            {loaded_in_place(found, table)}
            {move || chosen.get().map(|p| view! { <Refund payment=p on_done=move || { chosen.set(None); found.refetch(); }/> })}
        </section>
    }
}

#[component]
fn Refund(
    payment: StaffPayment,
    on_done: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let write = Write::new();
    let busy = write.pending();
    let id = payment.id.to_string();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [amount, reason] = crate::ui::browser::form_values(&ev, ["amount", "reason"]);
        write.dispatch_then(
            RefundPayment {
                payment_id: id.clone(),
                amount,
                reason,
            },
            move |r| {
                if r.is_ok() {
                    on_done();
                }
            },
        );
    };
    let left = crate::domain::Fen(payment.amount.0 - payment.refunded.0);
    view! {
        <section class="card" aria-labelledby="refund-heading">
            <h3 id="refund-heading">{move || (Text::of(i18n.lang()).refund_of)(&payment.reference)}</h3>
            <p>{move || (Text::of(i18n.lang()).refund_left)(&left.to_string())}</p>
            {write.refusal()}
            <form on:submit=submit novalidate>
                <TextField name="amount" label=|l| Text::of(l).refund_amount inputmode="decimal" value=left.plain() error=write.field_error(Field::Amount)/>
                <TextField name="reason" label=|l| Text::of(l).refund_reason error=write.field_error(Field::Reason)/>
                <button type="submit" class="button button-primary" disabled=move || busy.get()><Tr s=|l| Text::of(l).refund/></button>
            </form>
        </section>
    }
}

#[component]
fn Statement() -> impl IntoView {
    let i18n = use_i18n();
    let waiting = Load::ask(|| WaitingLines {});
    let upload = Write::<Reconciled>::new();
    let report = upload.value();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(file) = crate::ui::browser::chosen_file(&ev) else {
            return;
        };
        upload.send(async move {
            let init = web_sys::RequestInit::new();
            init.set_method("POST");
            init.set_body(&file);
            let text = crate::api::codec::fetch_text(&FileAddress::Statement.href(), &init).await;
            // The lines left over are listed again once the upload is in.
            waiting.refetch();
            crate::api::codec::from_json_str(&text?).map_err(|_| crate::api::ApiError::Internal)
        });
    };
    let summary = move || {
        report.with(|r| match r {
            Some(Ok(r)) => Some((Text::of(i18n.lang()).statement_done)(
                r.lines,
                r.matched,
                r.already_seen,
                r.waiting.len() as u32,
            )),
            _ => None,
        })
    };
    view! {
        <section aria-labelledby="statement-heading">
            <h2 id="statement-heading"><Tr s=|l| Text::of(l).statement_title/></h2>
            <p class="hint" id="statement-hint"><Tr s=|l| Text::of(l).statement_hint/></p>
            <div class="field">
                <label for="statement-file"><Tr s=|l| Text::of(l).statement_file/></label>
                <input id="statement-file" type="file" accept=".csv,text/csv" aria-describedby="statement-hint" on:change=on_change/>
            </div>
            {upload.refusal()}
            <p role="status">{summary}</p>
            <h3><Tr s=|l| Text::of(l).waiting_title/></h3>
            {loaded_in_place(waiting, move |lines| {
                if lines.is_empty() {
                    return view! { <p><Tr s=|l| Text::of(l).nothing_waiting/></p> }.into_any();
                }
                view! {
                    <ul class="card-list">
                        {lines.into_iter().map(|line| view! { <Waiting line on_done=move || waiting.refetch()/> }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </section>
    }
}

#[component]
fn Waiting(line: WaitingLine, on_done: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let write = Write::new();
    let id = line.id.to_string();
    let field_id = format!("assign-{}", line.id);
    let submit = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let [account_number] = crate::ui::browser::form_values(&ev, ["account_number"]);
            write.dispatch_then(
                AssignLine {
                    line_id: id.clone(),
                    account_number,
                },
                move |r| {
                    if r.is_ok() {
                        on_done();
                    }
                },
            );
        }
    };
    let text = format!(
        "{} · {} · {} · {}",
        line.booked_on, line.amount, line.transaction_id, line.text
    );
    view! {
        <li class="card">
            <p>{text}</p>
            {write.refusal()}
            <form on:submit=submit novalidate class="filters">
                <div class="field">
                    <label for=field_id.clone()>{move || (Text::of(i18n.lang()).assign_to)(&line.transaction_id)}</label>
                    <input id=field_id name="account_number" inputmode="numeric"/>
                </div>
                <button type="submit" class="button"><Tr s=|l| Text::of(l).assign/></button>
            </form>
        </li>
    }
}

crate::ui::i18n::strings! {
    payments_title: &'static str = "Payments", "缴费管理";
    find_title: &'static str = "Find payments", "查询缴费";
    search_hint: &'static str = "Search by account number, reference or days.", "可按户号、流水号或日期查询。";
    none_found: &'static str = "No payment matches.", "没有符合条件的缴费记录。";
    find: &'static str = "Find", "查询";
    from_day: &'static str = "From", "起始日期";
    to_day: &'static str = "To", "截止日期";
    col_received: &'static str = "Received", "到账时间";
    col_account: &'static str = "Account number", "户号";
    col_holder: &'static str = "Holder", "户名";
    col_amount: &'static str = "Amount", "金额";
    col_refunded: &'static str = "Refunded", "已退款";
    col_channel: &'static str = "Channel", "渠道";
    col_reference: &'static str = "Reference", "流水号";
    refund_of: fn(&str) -> String = |r| format!("Refund {r}"), |r| format!("退款：{r}");
    refund_left: fn(&str) -> String = |a| format!("Up to {a} can still be refunded."), |a| format!("最多还可退款 {a}。");
    refund_amount: &'static str = "Amount to refund (¥)", "退款金额（元）";
    refund_reason: &'static str = "Reason (the customer sees it)", "退款原因（客户可见）";
    refund: &'static str = "Refund", "退款";
    statement_title: &'static str = "Bank statement", "银行对账单";
    statement_hint: &'static str =
        "A CSV file with the columns date, amount, reference and transaction_id. Lines whose reference holds a customer's payment reference are paid at once; the rest wait below.",
        "CSV 文件，包含 date、amount、reference、transaction_id 四列。附言中含客户缴费编号的记录将自动入账，其余列在下方待处理。";
    statement_file: &'static str = "Upload a statement", "上传对账单";
    statement_done: fn(u32, u32, u32, u32) -> String =
        |n, m, a, w| format!("{n} lines read: {m} paid, {a} seen before; {w} waiting."),
        |n, m, a, w| format!("共 {n} 条：已入账 {m} 条，重复 {a} 条，待处理 {w} 条。");
    waiting_title: &'static str = "Lines waiting for an account", "待处理的记录";
    nothing_waiting: &'static str = "Nothing waits.", "没有待处理的记录。";
    assign_to: fn(&str) -> String = |t| format!("Account number for {t}"), |t| format!("{t} 的户号");
    assign: &'static str = "Assign", "入账";
}

//! Data-driven tables and fact lists. One component renders every table and every list of facts
//! from plain rows, which keeps the wasm small: each hand-written table costs kilobytes.

use leptos::prelude::*;

/// One table cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Plain text.
    Text(String),
    /// Right-aligned figures.
    Num(String),
    /// Monospaced identifiers.
    Mono(String),
    /// A link: address, visible text, and extra words for screen readers.
    Link {
        href: String,
        text: String,
        hidden: String,
    },
    /// A coloured label: class, text.
    Badge(&'static str, String),
    /// A file to download: address, file name.
    Download(String, String),
}

impl Cell {
    fn class(&self) -> Option<&'static str> {
        match self {
            Cell::Num(_) => Some("num"),
            Cell::Mono(_) => Some("mono"),
            _ => None,
        }
    }

    fn content(self) -> AnyView {
        match self {
            Cell::Text(t) | Cell::Num(t) | Cell::Mono(t) => t.into_any(),
            Cell::Link { href, text, hidden } => view! {
                <a href=href>{text}<span class="visually-hidden">{hidden}</span></a>
            }
            .into_any(),
            Cell::Badge(class, text) => view! { <span class=class>{text}</span> }.into_any(),
            Cell::Download(href, name) => view! { <a href=href download>{name}</a> }.into_any(),
        }
    }
}

/// A table: column headings (numeric columns right-aligned), rows whose first cell heads the
/// row, and an optional footer row. `cards` turns rows into labelled cards on narrow screens.
#[component]
pub fn DataTable(
    headings: Vec<(&'static str, bool)>,
    rows: Vec<Vec<Cell>>,
    #[prop(optional)] footer: Option<Vec<Cell>>,
    #[prop(optional)] cards: bool,
    #[prop(optional)] current_row: Option<usize>,
) -> impl IntoView {
    let labels: Vec<&'static str> = headings.iter().map(|(h, _)| *h).collect();
    let row_view = move |cells: Vec<Cell>, current: bool| {
        let cells = cells
            .into_iter()
            .enumerate()
            .map(|(i, cell)| {
                let class = cell.class();
                let label = labels.get(i).copied().unwrap_or("");
                if i == 0 {
                    view! { <th scope="row" class=class data-label=label>{cell.content()}</th> }
                        .into_any()
                } else {
                    view! { <td class=class data-label=label>{cell.content()}</td> }.into_any()
                }
            })
            .collect_view();
        view! { <tr aria-current=current.then_some("step")>{cells}</tr> }
    };
    let head = headings
        .iter()
        .map(|(h, num)| view! { <th scope="col" class=num.then_some("num")>{*h}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| row_view.clone()(r, current_row == Some(i)))
        .collect_view();
    let foot = footer.map(|f| view! { <tfoot>{row_view(f, false)}</tfoot> });
    view! {
        <div class="table-wrap">
            <table class=cards.then_some("bills-table")>
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
                {foot}
            </table>
        </div>
    }
}

/// A list of facts: term and value.
#[component]
pub fn Facts(facts: Vec<(&'static str, Cell)>) -> impl IntoView {
    let items = facts
        .into_iter()
        .map(|(term, value)| {
            let class = value.class();
            view! { <div><dt>{term}</dt><dd class=class>{value.content()}</dd></div> }
        })
        .collect_view();
    view! { <dl class="facts">{items}</dl> }
}

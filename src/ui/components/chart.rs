//! A bar chart drawn as SVG, with a title and a description for screen readers and a tooltip
//! per bar; pages put the same numbers in a table beside it. Bars come in groups (a month, a
//! site) of one or more series (this month and last month), told apart by shade and legend.

use leptos::prelude::*;

/// One group of bars: its label under the axis, and per series a height (any unit, scaled
/// against the largest) with the words its tooltip reads.
#[derive(Debug, Clone, PartialEq)]
pub struct BarGroup {
    pub label: String,
    pub bars: Vec<(Option<u64>, String)>,
}

/// Vertical bars, one group per label.
#[component]
pub fn BarChart(
    /// Unique within the page (ids of the title and description).
    id: &'static str,
    title: String,
    description: String,
    groups: Vec<BarGroup>,
    /// The series' names, for the legend (none with a single series).
    #[prop(optional)]
    legend: Vec<String>,
    /// The value of a full-height bar; the largest value when not given.
    #[prop(optional)]
    full: Option<u64>,
) -> impl IntoView {
    const HEIGHT: u64 = 120;
    const BAR: u64 = 16;
    const GAP: u64 = 10;
    let series = groups
        .iter()
        .map(|g| g.bars.len())
        .max()
        .unwrap_or(1)
        .max(1) as u64;
    let group_width = series * BAR + GAP;
    let width = (groups.len() as u64).max(1) * group_width + GAP;
    let largest = groups
        .iter()
        .flat_map(|g| g.bars.iter().filter_map(|(v, _)| *v))
        .max()
        .unwrap_or(0);
    let full = full.unwrap_or(largest).max(1);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    let rects = groups
        .into_iter()
        .enumerate()
        .map(|(i, group)| {
            let x0 = GAP + i as u64 * group_width;
            let bars = group
                .bars
                .into_iter()
                .enumerate()
                .map(|(k, (value, tip))| {
                    let h = value.unwrap_or(0).min(full) * HEIGHT / full;
                    let x = x0 + k as u64 * BAR;
                    view! {
                        <rect class=format!("bar bar-{k}") x=x y=HEIGHT - h width=BAR - 2 height=h>
                            <title>{tip}</title>
                        </rect>
                    }
                })
                .collect_view();
            view! {
                <g>
                    {bars}
                    <text class="bar-label" x=x0 + series * BAR / 2 y=HEIGHT + 14 text-anchor="middle">{group.label}</text>
                </g>
            }
        })
        .collect_view();
    let legend = (legend.len() > 1).then(|| {
        let items = legend
            .into_iter()
            .enumerate()
            .map(|(k, name)| view! { <li><span class=format!("swatch bar-{k}") aria-hidden="true"></span>{name}</li> })
            .collect_view();
        view! { <ul class="legend">{items}</ul> }
    });
    view! {
        <figure class="chart">
            <svg
                role="img"
                aria-labelledby=labelled
                viewBox=format!("0 0 {width} {}", HEIGHT + 20)
                preserveAspectRatio="xMinYMin meet"
            >
                <title id=title_id>{title}</title>
                <desc id=desc_id>{description}</desc>
                <line class="axis" x1="0" y1=HEIGHT x2=width y2=HEIGHT></line>
                {rects}
            </svg>
            {legend}
        </figure>
    }
}

/// A line through one value per label (days, say), each point with its tooltip; every
/// `label_every`-th label is written under the axis.
#[component]
pub fn LineChart(
    id: &'static str,
    title: String,
    description: String,
    /// Label, value (any unit) and tooltip per point, oldest first.
    points: Vec<(String, u64, String)>,
    #[prop(default = 7)] label_every: usize,
) -> impl IntoView {
    const HEIGHT: u64 = 120;
    const STEP: u64 = 8;
    const LEFT: u64 = 10;
    let width = LEFT * 2 + (points.len().max(2) as u64 - 1) * STEP;
    let top = points.iter().map(|p| p.1).max().unwrap_or(0).max(1);
    let y = move |v: u64| HEIGHT - v.min(top) * (HEIGHT - 10) / top;
    let line = points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{},{}", LEFT + i as u64 * STEP, y(p.1)))
        .collect::<Vec<_>>()
        .join(" ");
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    let dots = points
        .into_iter()
        .enumerate()
        .map(|(i, (label, value, tip))| {
            let x = LEFT + i as u64 * STEP;
            let text = (i % label_every.max(1) == 0).then(|| {
                view! { <text class="bar-label" x=x y=HEIGHT + 14 text-anchor="middle">{label}</text> }
            });
            view! {
                <g>
                    <circle class="bar-0" cx=x cy=y(value) r="2.5"><title>{tip}</title></circle>
                    {text}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg role="img" aria-labelledby=labelled viewBox=format!("0 0 {width} {}", HEIGHT + 20)
                preserveAspectRatio="xMinYMin meet">
                <title id=title_id>{title}</title>
                <desc id=desc_id>{description}</desc>
                <line class="axis" x1="0" y1=HEIGHT x2=width y2=HEIGHT></line>
                <polyline class="line" points=line></polyline>
                {dots}
            </svg>
        </figure>
    }
}

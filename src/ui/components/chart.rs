//! A bar chart drawn as SVG, with a title and a description for screen readers; pages put the
//! same numbers in a table beside it.

use leptos::prelude::*;

/// Vertical bars for shares in parts per thousand (0–1000), one per label.
#[component]
pub fn BarChart(
    /// Unique within the page (ids of the title and description).
    id: &'static str,
    title: String,
    description: String,
    bars: Vec<(String, Option<u32>)>,
) -> impl IntoView {
    const HEIGHT: u32 = 120;
    const BAR: u32 = 24;
    const GAP: u32 = 8;
    let width = (bars.len() as u32).max(1) * (BAR + GAP) + GAP;
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled = format!("{title_id} {desc_id}");
    let rects = bars
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let v = value.unwrap_or(0).min(1000);
            let h = v * HEIGHT / 1000;
            let x = GAP + i as u32 * (BAR + GAP);
            let tip = match value {
                Some(v) => format!("{label}: {}.{} %", v / 10, v % 10),
                None => format!("{label}: —"),
            };
            view! {
                <g>
                    <title>{tip}</title>
                    <rect class="bar" x=x y=HEIGHT - h width=BAR height=h></rect>
                    <text class="bar-label" x=x + BAR / 2 y=HEIGHT + 14 text-anchor="middle">{label}</text>
                </g>
            }
        })
        .collect_view();
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
        </figure>
    }
}

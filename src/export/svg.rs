//! The cascade as a standalone SVG picture (the README's, and the HTML page's drawing). Nodes are
//! `<g class="node …" data-id="n3">`, edges `<path class="edge cites" data-from data-to>`, so the
//! HTML page can script them; the picture itself needs no script.

use std::fmt::Write;

use super::card::Row;
use super::layout::{CAPTION_WIDTH, CARD_RULE, LINE_HEIGHT, Layout, Placed, layout};
use super::route;
use super::{Cascade, EdgeKind, ExportNode, NodeKind};
use crate::diagnostics::Severity;
use crate::model::Level;

const FONTS: &str = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif";

const STYLE: &str = "
.node rect{fill:#eef5ff;stroke:#2e6da4;stroke-width:1.2}
.node.warning rect{fill:#fff4d6;stroke:#d68910}
.node.error rect{fill:#fde2e1;stroke:#c0392b}
.node.stub rect{fill:#fafbfc;stroke:#8a949e;stroke-dasharray:5 3}
.node.stub text{fill:#5c6670}
.node text{fill:#1f2a36}
.node .badge{font-weight:bold}
.node.error .badge{fill:#c0392b}
.node.warning .badge{fill:#b9770e}
.edge{fill:none;stroke:#8796a5;stroke-width:1.1}
.edge.stub{stroke-dasharray:4 3}
.caption{fill:#5c6670;font-size:12px}
.rule{stroke:#e3e8ed}
.legend text{fill:#5c6670;font-size:11px}
.card-rule{stroke:#c5d3e0}
.node .item{font-size:11px;fill:#34495e}
.node .item.heading{fill:#5c6670;font-weight:bold}
.node .item.weaker{fill:#c0392b}
.node .item.more{fill:#5c6670;font-style:italic}
";

/// The SVG document.
#[must_use]
pub fn to_svg(cascade: &Cascade) -> String {
    let layout = layout(cascade);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" width=\"{w:.0}\" height=\"{h:.0}\" font-family=\"{FONTS}\" font-size=\"12\" role=\"img\" aria-label=\"plan cascade\">",
        w = layout.width,
        h = layout.height
    );
    let _ = writeln!(out, "<style>{STYLE}</style>");
    out.push_str("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#8796a5\"/></marker></defs>\n");
    captions(&mut out, &layout);
    edges(&mut out, cascade, &layout);
    nodes(&mut out, cascade, &layout);
    legend(&mut out, &layout);
    out.push_str("</svg>\n");
    out
}

fn captions(out: &mut String, layout: &Layout) {
    out.push_str("<g class=\"levels\">\n");
    for (layer, top, height) in &layout.rows {
        let (zh, en) = match layer {
            0 => (Level::National.zh(), Level::National.en()),
            1 => (Level::Provincial.zh(), Level::Provincial.en()),
            2 => (Level::Municipal.zh(), Level::Municipal.en()),
            3 => (Level::County.zh(), Level::County.en()),
            _ => ("未收录", "not in corpus"),
        };
        let y = top + height / 2.0;
        let _ = writeln!(
            out,
            "<line class=\"rule\" x1=\"8\" x2=\"{:.0}\" y1=\"{:.1}\" y2=\"{:.1}\"/><text class=\"caption\" x=\"12\" y=\"{:.1}\">{}</text><text class=\"caption\" x=\"12\" y=\"{:.1}\">{}</text>",
            layout.width - 8.0,
            top - 12.0,
            top - 12.0,
            y - 2.0,
            zh,
            y + 14.0,
            en
        );
    }
    out.push_str("</g>\n");
}

fn edges(out: &mut String, cascade: &Cascade, layout: &Layout) {
    out.push_str("<g class=\"edges\">\n");
    for edge in cascade.edges.iter().filter(|e| e.kind == EdgeKind::Cites) {
        let Some(d) = route::path(layout, edge.from, edge.to) else {
            continue;
        };
        let stub = cascade.nodes[edge.to].kind == NodeKind::Stub;
        let _ = writeln!(
            out,
            "<path class=\"edge cites{}\" data-from=\"{}\" data-to=\"{}\" d=\"{}\" marker-end=\"url(#arrow)\"/>",
            if stub { " stub" } else { "" },
            cascade.nodes[edge.from].id,
            cascade.nodes[edge.to].id,
            d
        );
    }
    out.push_str("</g>\n");
}

fn nodes(out: &mut String, cascade: &Cascade, layout: &Layout) {
    out.push_str("<g class=\"nodes\">\n");
    for (i, (node, place)) in cascade.nodes.iter().zip(&layout.placed).enumerate() {
        let Some(place) = place else { continue };
        let _ = writeln!(
            out,
            "<g class=\"node {}\" data-id=\"{}\" tabindex=\"0\">",
            classes(node),
            node.id
        );
        if let Some(tip) = node.tooltip() {
            let _ = writeln!(out, "<title>{}</title>", escape(&tip));
        }
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\"/>",
            place.x, place.y, place.width, place.height
        );
        let cx = place.centre_x();
        let mut y = place.y + 8.0 + LINE_HEIGHT - 4.0;
        for line in &node.lines {
            let _ = writeln!(
                out,
                "<text x=\"{cx:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">{}</text>",
                escape(line)
            );
            y += LINE_HEIGHT;
        }
        let counts = node.findings;
        if counts.errors + counts.warnings > 0 {
            let _ = writeln!(
                out,
                "<text class=\"badge\" x=\"{cx:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">✗ {}  ⚠ {}</text>",
                counts.errors, counts.warnings
            );
            y += LINE_HEIGHT;
        }
        card(out, place, y, &layout.cards[i]);
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");
}

/// The targets and agencies listed under a plan's label, below a rule, left-aligned; each
/// shortened row has its whole text as a tooltip.
fn card(out: &mut String, place: &Placed, baseline: f64, rows: &[Row]) {
    if rows.is_empty() {
        return;
    }
    let rule = baseline - LINE_HEIGHT + 4.0 + CARD_RULE / 2.0;
    let _ = writeln!(
        out,
        "<line class=\"card-rule\" x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{rule:.1}\" y2=\"{rule:.1}\"/>",
        place.x + 4.0,
        place.x + place.width - 4.0
    );
    let x = place.x + 8.0;
    let mut y = baseline + CARD_RULE;
    for row in rows {
        let id = row
            .id
            .as_ref()
            .map(|id| format!(" data-id=\"{id}\""))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<text class=\"item {}\"{id} x=\"{x:.1}\" y=\"{y:.1}\"><title>{}</title>{}</text>",
            row.class,
            escape(&row.full),
            escape(&row.text)
        );
        y += LINE_HEIGHT;
    }
}

/// `plan error`, `stub`…
#[must_use]
pub fn classes(node: &ExportNode) -> String {
    let kind = match node.kind {
        NodeKind::Plan => "plan",
        NodeKind::Stub => "stub",
        NodeKind::Target => "target",
        NodeKind::Agency => "agency",
    };
    match node.findings.worst() {
        Some(Severity::Error) => format!("{kind} error"),
        Some(Severity::Warning) => format!("{kind} warning"),
        _ => kind.to_string(),
    }
}

fn legend(out: &mut String, layout: &Layout) {
    let y = layout.height - 14.0;
    let x = CAPTION_WIDTH;
    let _ = writeln!(
        out,
        "<g class=\"legend\"><rect x=\"{x:.0}\" y=\"{:.0}\" width=\"14\" height=\"10\" fill=\"#fde2e1\" stroke=\"#c0392b\"/><text x=\"{:.0}\" y=\"{y:.0}\">有错误 errors</text><rect x=\"{:.0}\" y=\"{:.0}\" width=\"14\" height=\"10\" fill=\"#fff4d6\" stroke=\"#d68910\"/><text x=\"{:.0}\" y=\"{y:.0}\">有警告 warnings</text><rect x=\"{:.0}\" y=\"{:.0}\" width=\"14\" height=\"10\" fill=\"#fafbfc\" stroke=\"#8a949e\" stroke-dasharray=\"4 2\"/><text x=\"{:.0}\" y=\"{y:.0}\">未收录的文件 not in the corpus</text><text x=\"{:.0}\" y=\"{y:.0}\">箭头：引用 arrows: cites</text></g>",
        y - 9.0,
        x + 20.0,
        x + 120.0,
        y - 9.0,
        x + 140.0,
        x + 250.0,
        y - 9.0,
        x + 270.0,
        x + 460.0,
    );
}

pub(crate) fn escape(text: &str) -> String {
    super::escape::xml(text)
}

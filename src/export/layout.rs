//! A layered layout for the drawn formats (SVG, HTML): one row per level, national on top, plans
//! in their sorted order (by jurisdiction path, so a county sits near its city), each row
//! centred. Only plans and stubs are placed; with `--with`, a plan's box also lists its targets
//! and agencies ([`card`]).

use super::card::{self, Row};
use super::{Cascade, NodeKind};

/// Where a node is drawn, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Placed {
    #[must_use]
    pub fn centre_x(&self) -> f64 {
        self.x + self.width / 2.0
    }
}

/// Left margin that holds the level captions.
pub const CAPTION_WIDTH: f64 = 96.0;
const MARGIN: f64 = 24.0;
const GAP_X: f64 = 18.0;
const GAP_Y: f64 = 64.0;
pub const LINE_HEIGHT: f64 = 16.0;
/// Rows wrap at this width (or at the widest node), so that a level of 31 provinces draws as a
/// block that fits a laptop screen rather than a strip.
const WRAP_WIDTH: f64 = 1200.0;
const PADDING: f64 = 8.0;
/// The width the legend takes right of the captions.
const LEGEND_WIDTH: f64 = 620.0;
/// The space above a box's list of targets and agencies, where a rule separates it from the label.
pub const CARD_RULE: f64 = 6.0;

/// The drawn size of a line of text at 12px: Chinese characters are square, Latin half as wide.
#[must_use]
pub fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 7.0 } else { 12.5 })
        .sum()
}

/// The layout: a place for each drawn node (others `None`), and the canvas size.
#[derive(Debug, Clone)]
pub struct Layout {
    pub placed: Vec<Option<Placed>>,
    pub width: f64,
    pub height: f64,
    /// The top of each non-empty row, by layer.
    pub rows: Vec<(usize, f64, f64)>,
    /// Every drawn row, top to bottom, with its boxes: the routes of the edges run through the
    /// gaps between them.
    pub bands: Vec<Band>,
    /// The band of each node (`None` for nodes not drawn).
    pub band_of: Vec<Option<usize>>,
    /// The rows listed under each node's label (targets, agencies), by node index.
    pub cards: Vec<Vec<Row>>,
}

/// One drawn row: its vertical extent and the horizontal extents of its boxes, left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub top: f64,
    pub bottom: f64,
    pub boxes: Vec<(f64, f64)>,
}

#[must_use]
pub fn layout(cascade: &Cascade) -> Layout {
    let drawn = |kind: NodeKind| matches!(kind, NodeKind::Plan | NodeKind::Stub);
    let cards = card::rows(cascade);
    let sizes: Vec<(f64, f64)> = cascade
        .nodes
        .iter()
        .zip(&cards)
        .map(|(node, rows)| {
            let lines = node.lines.len()
                + usize::from(node.findings.errors + node.findings.warnings > 0)
                + rows.len();
            // The listed rows are drawn at 11px, the label at 12px.
            let width = node
                .lines
                .iter()
                .map(|l| text_width(l))
                .chain(rows.iter().map(|r| text_width(&r.text) * 11.0 / 12.0))
                .fold(0.0, f64::max)
                .max(96.0)
                + 2.0 * PADDING;
            let rule = if rows.is_empty() { 0.0 } else { CARD_RULE };
            #[expect(clippy::cast_precision_loss, reason = "a handful of lines")]
            let height = lines as f64 * LINE_HEIGHT + 2.0 * PADDING + rule;
            (width, height)
        })
        .collect();
    // Rows: each layer's nodes in order, wrapped at WRAP_WIDTH.
    let layers = cascade
        .nodes
        .iter()
        .map(|n| n.layer)
        .max()
        .map_or(0, |m| m + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for (i, node) in cascade.nodes.iter().enumerate() {
        if drawn(node.kind) {
            members[node.layer].push(i);
        }
    }
    let row_width = |row: &[usize]| -> f64 {
        let gaps = GAP_X * row.len().saturating_sub(1) as f64;
        row.iter().map(|i| sizes[*i].0).sum::<f64>() + gaps
    };
    let widest_node = members
        .iter()
        .flatten()
        .map(|i| sizes[*i].0)
        .fold(0.0, f64::max);
    let wrap = widest_node.max(WRAP_WIDTH);
    let mut rows: Vec<(usize, Vec<usize>)> = Vec::new();
    for (layer, nodes) in members.iter().enumerate() {
        let mut row: Vec<usize> = Vec::new();
        for &i in nodes {
            let mut candidate = row.clone();
            candidate.push(i);
            if !row.is_empty() && row_width(&candidate) > wrap {
                rows.push((layer, std::mem::take(&mut row)));
            }
            row.push(i);
        }
        if !row.is_empty() {
            rows.push((layer, row));
        }
    }
    // At least as wide as the legend below the picture.
    let content_width = rows
        .iter()
        .map(|(_, r)| row_width(r))
        .fold(LEGEND_WIDTH, f64::max);
    let mut placed = vec![None; cascade.nodes.len()];
    let mut band_of = vec![None; cascade.nodes.len()];
    let mut bands = Vec::new();
    let mut captions = Vec::new();
    let mut y = MARGIN;
    let mut previous_layer = None;
    for (layer, row) in &rows {
        let height = row.iter().map(|i| sizes[*i].1).fold(0.0, f64::max);
        if previous_layer != Some(*layer) {
            captions.push((*layer, y, height));
        }
        let mut x = CAPTION_WIDTH + MARGIN + (content_width - row_width(row)) / 2.0;
        let mut boxes = Vec::with_capacity(row.len());
        for &i in row {
            let (width, h) = sizes[i];
            boxes.push((x, x + width));
            band_of[i] = Some(bands.len());
            placed[i] = Some(Placed {
                x,
                y: y + (height - h) / 2.0,
                width,
                height: h,
            });
            x += width + GAP_X;
        }
        bands.push(Band {
            top: y,
            bottom: y + height,
            boxes,
        });
        let same_layer_next = rows
            .iter()
            .skip_while(|(l, r)| !(std::ptr::eq(r, row) && l == layer))
            .nth(1)
            .is_some_and(|(l, _)| l == layer);
        y += height + if same_layer_next { GAP_X } else { GAP_Y };
        previous_layer = Some(*layer);
    }
    Layout {
        placed,
        width: CAPTION_WIDTH + content_width + 2.0 * MARGIN,
        height: y - GAP_Y + MARGIN + 28.0,
        rows: captions,
        bands,
        band_of,
        cards,
    }
}

//! Edge routes for the drawn formats (SVG, HTML). An edge between rows runs through a gap between
//! the boxes of every row it crosses, and curves only in the empty channels between rows, so it
//! never passes behind a plan it does not touch (which would read as a citation it does not make).

use super::layout::{Band, CAPTION_WIDTH, Layout};

/// Where an edge crosses one row: its x, and the heights at which it enters and leaves the row.
#[derive(Debug, Clone, Copy)]
struct Pass {
    x: f64,
    enter: f64,
    leave: f64,
}

/// The SVG path data of the edge from node `from` to node `to`; `None` when either is not drawn.
#[must_use]
pub fn path(layout: &Layout, from: usize, to: usize) -> Option<String> {
    let (a, b) = (layout.placed[from]?, layout.placed[to]?);
    let (band_a, band_b) = (layout.band_of[from]?, layout.band_of[to]?);
    let (x1, x2) = (a.centre_x(), b.centre_x());
    let bands = &layout.bands;
    let passes = match band_a.cmp(&band_b) {
        std::cmp::Ordering::Equal => return Some(arc(layout, band_a, (x1, a.y), (x2, b.y))),
        // The cited document is above: leave by the top, cross the rows between upwards.
        std::cmp::Ordering::Greater => {
            let (start, end) = (bands[band_a].top, bands[band_b].bottom);
            let mut passes = vec![Pass {
                x: x1,
                enter: a.y,
                leave: start,
            }];
            for band in bands[band_b + 1..band_a].iter().rev() {
                let x = through(band, between(x1, x2, start, end, band), layout);
                passes.push(Pass {
                    x,
                    enter: band.bottom,
                    leave: band.top,
                });
            }
            passes.push(Pass {
                x: x2,
                enter: end,
                leave: b.y + b.height,
            });
            passes
        }
        // The cited document is below (a document not in the corpus): leave by the bottom.
        std::cmp::Ordering::Less => {
            let (start, end) = (bands[band_a].bottom, bands[band_b].top);
            let mut passes = vec![Pass {
                x: x1,
                enter: a.y + a.height,
                leave: start,
            }];
            for band in &bands[band_a + 1..band_b] {
                let x = through(band, between(x1, x2, start, end, band), layout);
                passes.push(Pass {
                    x,
                    enter: band.top,
                    leave: band.bottom,
                });
            }
            passes.push(Pass {
                x: x2,
                enter: end,
                leave: b.y,
            });
            passes
        }
    };
    Some(draw(&passes))
}

/// Straight down (or up) through each row, a curve with vertical ends in each channel.
fn draw(passes: &[Pass]) -> String {
    let mut d = String::new();
    for (i, pass) in passes.iter().enumerate() {
        if i == 0 {
            d.push_str(&format!("M{:.1},{:.1}", pass.x, pass.enter));
        } else {
            let previous = passes[i - 1];
            let mid = f64::midpoint(previous.leave, pass.enter);
            d.push_str(&format!(
                " C{:.1},{mid:.1} {:.1},{mid:.1} {:.1},{:.1}",
                previous.x, pass.x, pass.x, pass.enter
            ));
        }
        if (pass.leave - pass.enter).abs() > f64::EPSILON {
            d.push_str(&format!(" L{:.1},{:.1}", pass.x, pass.leave));
        }
    }
    d
}

/// Two boxes in one row: up from the first to the row's top, an arch in the channel above, and
/// down into the second.
fn arc(layout: &Layout, band: usize, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) -> String {
    let top = layout.bands[band].top;
    let above = band
        .checked_sub(1)
        .map_or(0.0, |previous| layout.bands[previous].bottom);
    // A cubic's peak is ¾ of its control offset: 0.9 of the channel keeps it inside.
    let lift = top - (0.9 * (top - above)).min(28.0);
    format!(
        "M{x1:.1},{y1:.1} L{x1:.1},{top:.1} C{x1:.1},{lift:.1} {x2:.1},{lift:.1} {x2:.1},{top:.1} L{x2:.1},{y2:.1}"
    )
}

/// The x of the straight line from `x1` (at height `start`) to `x2` (at `end`) at the middle of
/// `band`: where the edge would like to cross it.
fn between(x1: f64, x2: f64, start: f64, end: f64, band: &Band) -> f64 {
    let middle = f64::midpoint(band.top, band.bottom);
    let t = if (end - start).abs() > f64::EPSILON {
        (middle - start) / (end - start)
    } else {
        0.5
    };
    x1 + (x2 - x1) * t
}

/// The x nearest to `want` inside a gap of `band`: between two boxes, or beside the row.
fn through(band: &Band, want: f64, layout: &Layout) -> f64 {
    let mut gaps = Vec::with_capacity(band.boxes.len() + 1);
    let mut left = CAPTION_WIDTH;
    for &(start, end) in &band.boxes {
        gaps.push((left, start));
        left = end;
    }
    gaps.push((left, layout.width - 8.0));
    gaps.into_iter()
        .filter(|(lo, hi)| hi > lo)
        .map(|(lo, hi)| {
            let pad = ((hi - lo) / 2.0).min(8.0);
            want.clamp(lo + pad, hi - pad)
        })
        .min_by(|p, q| (p - want).abs().total_cmp(&(q - want).abs()))
        .unwrap_or(want)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(boxes: &[(f64, f64)]) -> Band {
        Band {
            top: 100.0,
            bottom: 140.0,
            boxes: boxes.to_vec(),
        }
    }

    fn layout_of(width: f64) -> Layout {
        Layout {
            placed: Vec::new(),
            width,
            height: 400.0,
            rows: Vec::new(),
            bands: Vec::new(),
            band_of: Vec::new(),
            cards: Vec::new(),
        }
    }

    #[test]
    fn a_crossing_goes_through_the_nearest_gap() {
        let row = band(&[(120.0, 220.0), (238.0, 338.0), (356.0, 456.0)]);
        let layout = layout_of(600.0);
        // Behind the middle box: the gap on its left is nearer than the one on its right.
        assert!((through(&row, 260.0, &layout) - 230.0).abs() < 1e-9);
        // Beside the row on the right.
        assert!((through(&row, 500.0, &layout) - 500.0).abs() < 1e-9);
        // Already in a gap: stays.
        assert!((through(&row, 347.0, &layout) - 347.0).abs() < 1e-9);
    }
}

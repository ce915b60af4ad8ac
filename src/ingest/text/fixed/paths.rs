//! The paths a page paints, read for the straight lines a table's borders are: a stroked
//! segment (PDF `m`, `l`, `S`; OFD `M`, `L` stroked), or a thin filled rectangle (`re`, `f`),
//! which is how Chromium and Word draw a border. Curves end a straight run and are otherwise
//! not read.

use super::Rule;

/// A filled rectangle no thicker than this (points) is a ruled line.
const THIN: f32 = 3.0;
/// Rules kept from one page.
const MAX_RULES: usize = 50_000;
/// Segments held in one path before it is painted.
const MAX_SEGMENTS: usize = 100_000;

/// The path being built, in page coordinates with y growing down.
#[derive(Debug, Default)]
pub(crate) struct Path {
    /// Each subpath's points; a curve's end starts a new run so no segment crosses a curve.
    subpaths: Vec<Subpath>,
    segments: usize,
}

#[derive(Debug, Default)]
struct Subpath {
    points: Vec<(f32, f32)>,
    closed: bool,
    /// A curve was drawn in it: its outline is no rectangle.
    curved: bool,
}

/// What a painting operator does with the path.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Paint {
    Stroke,
    Fill,
    Both,
    /// `n`: the path only clips.
    Neither,
}

impl Paint {
    /// PDF's painting operators; whether they close the path first.
    pub(crate) fn of(operator: &str) -> Option<(Self, bool)> {
        Some(match operator {
            "S" => (Self::Stroke, false),
            "s" => (Self::Stroke, true),
            "f" | "F" | "f*" => (Self::Fill, false),
            "B" | "B*" => (Self::Both, false),
            "b" | "b*" => (Self::Both, true),
            "n" => (Self::Neither, false),
            _ => return None,
        })
    }
}

impl Path {
    /// `m`: a new subpath at `point`.
    pub(crate) fn move_to(&mut self, point: (f32, f32)) {
        self.subpaths.push(Subpath {
            points: vec![point],
            ..Subpath::default()
        });
    }

    /// `l`: a straight segment to `point`.
    pub(crate) fn line_to(&mut self, point: (f32, f32)) {
        if self.segments >= MAX_SEGMENTS {
            return;
        }
        self.segments += 1;
        match self.subpaths.last_mut() {
            Some(subpath) => subpath.points.push(point),
            None => self.move_to(point),
        }
    }

    /// `c`, `v`, `y`: a curve to `point`, which the next straight segment starts from.
    pub(crate) fn curve_to(&mut self, point: (f32, f32)) {
        if let Some(subpath) = self.subpaths.last_mut() {
            subpath.curved = true;
        }
        self.move_to(point);
        if let Some(subpath) = self.subpaths.last_mut() {
            subpath.curved = true;
        }
    }

    /// `h`: the subpath closed back to its start.
    pub(crate) fn close(&mut self) {
        if let Some(subpath) = self.subpaths.last_mut() {
            subpath.closed = true;
        }
    }

    /// `re`: a closed rectangle of four corners.
    pub(crate) fn rectangle(&mut self, corners: [(f32, f32); 4]) {
        self.move_to(corners[0]);
        for corner in &corners[1..] {
            self.line_to(*corner);
        }
        self.close();
    }

    /// Paints the path, adding the ruled lines it draws to `rules`, and starts a new one.
    pub(crate) fn paint(&mut self, paint: Paint, close: bool, rules: &mut Vec<Rule>) {
        let subpaths = std::mem::take(&mut self.subpaths);
        self.segments = 0;
        for mut subpath in subpaths {
            subpath.closed |= close;
            if rules.len() >= MAX_RULES {
                return;
            }
            if matches!(paint, Paint::Stroke | Paint::Both) {
                rules.extend(subpath.segments().filter_map(|(a, b)| Rule::between(a, b)));
            }
            if matches!(paint, Paint::Fill | Paint::Both) {
                rules.extend(subpath.thin_rectangle());
            }
        }
    }
}

impl Subpath {
    fn segments(&self) -> impl Iterator<Item = ((f32, f32), (f32, f32))> + '_ {
        let closing = self
            .closed
            .then(|| Some((*self.points.last()?, *self.points.first()?)))
            .flatten();
        self.points
            .windows(2)
            .map(|pair| (pair[0], pair[1]))
            .chain(closing)
    }

    /// The line a filled rectangle no thicker than [`THIN`] draws, along its length through
    /// its middle.
    fn thin_rectangle(&self) -> Option<Rule> {
        if self.curved || self.points.len() < 4 {
            return None;
        }
        // Every side across or down the page: the outline is an upright rectangle.
        if !self
            .segments()
            .all(|(a, b)| a == b || Rule::between(a, b).is_some())
        {
            return None;
        }
        let xs = self.points.iter().map(|p| p.0);
        let ys = self.points.iter().map(|p| p.1);
        let (left, right) = (
            xs.clone().fold(f32::INFINITY, f32::min),
            xs.fold(f32::NEG_INFINITY, f32::max),
        );
        let (top, bottom) = (
            ys.clone().fold(f32::INFINITY, f32::min),
            ys.fold(f32::NEG_INFINITY, f32::max),
        );
        let (width, height) = (right - left, bottom - top);
        if height <= THIN && width > height {
            let at = f32::midpoint(top, bottom);
            return Rule::between((left, at), (right, at));
        }
        if width <= THIN && height > width {
            let at = f32::midpoint(left, right);
            return Rule::between((at, top), (at, bottom));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stroked_segment_and_a_thin_filled_rectangle_are_rules_a_curve_and_a_box_are_not() {
        let mut path = Path::default();
        let mut rules = Vec::new();
        path.move_to((10.0, 20.0));
        path.line_to((110.0, 20.0));
        path.line_to((150.0, 60.0));
        path.paint(Paint::Stroke, false, &mut rules);
        assert_eq!(
            rules,
            [Rule {
                horizontal: true,
                at: 20.0,
                from: 10.0,
                to: 110.0
            }]
        );
        rules.clear();
        path.rectangle([(5.0, 0.0), (6.0, 0.0), (6.0, 47.0), (5.0, 47.0)]);
        path.rectangle([(0.0, 0.0), (50.0, 0.0), (50.0, 50.0), (0.0, 50.0)]);
        path.paint(Paint::Fill, false, &mut rules);
        assert_eq!(
            rules,
            [Rule {
                horizontal: false,
                at: 5.5,
                from: 0.0,
                to: 47.0
            }]
        );
        rules.clear();
        path.move_to((0.0, 0.0));
        path.curve_to((10.0, 10.0));
        path.line_to((10.0, 30.0));
        path.paint(Paint::Neither, false, &mut rules);
        assert!(rules.is_empty());
    }
}

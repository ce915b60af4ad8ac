//! One OFD page's content: its `TextObject`s and their `TextCode`s placed on the page, its
//! `PathObject`s read for ruled lines (a table's borders), images noted, glyph-only text
//! (`CGTransform`) counted as unmapped.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::ingest::text::docx::markup::{entity, value};
use crate::ingest::text::fixed::paths::{Paint, Path};
use crate::ingest::text::fixed::{Glyph, Page};

/// The text object being read: where its coordinates start and how they scale.
#[derive(Debug, Clone, Copy)]
struct TextObject {
    origin: (f32, f32),
    size: f32,
    /// The `CTM`: `a b c d e f`.
    ctm: [f32; 6],
}

/// The characters a page's content draws, and whether it draws images.
pub(super) fn read_page(xml: &str) -> Page {
    let mut page = Page::default();
    let mut reader = Reader::from_str(xml);
    let mut object: Option<TextObject> = None;
    let mut code: Option<(BytesStart<'static>, String)> = None;
    // The path object being read, and its `AbbreviatedData`.
    let mut path: Option<(PathObject, String)> = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "TextObject" => object = Some(text_object(&e)),
                "PathObject" => path = Some((path_object(&e), String::new())),
                "AbbreviatedData" => {
                    if let Some((_, data)) = &mut path {
                        data.clear();
                    }
                }
                "TextCode" => code = Some((e.into_owned(), String::new())),
                "ImageObject" => page.has_image = true,
                "CGTransform" => page.unmapped += 1,
                _ => {}
            },
            Event::Text(t) => {
                if let Some((_, text)) = &mut code {
                    text.push_str(&t.xml10_content());
                } else if let Some((_, data)) = &mut path {
                    data.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, text)) = &mut code {
                    text.push_str(&entity(&r));
                }
            }
            Event::CData(c) => {
                if let Some((_, text)) = &mut code {
                    text.push_str(&c.into_inner());
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "TextCode" => {
                    if let (Some((start, text)), Some(object)) = (code.take(), object) {
                        place_code(&start, &text, object, &mut page.glyphs);
                    }
                }
                "TextObject" => object = None,
                "PathObject" => {
                    if let Some((object, data)) = path.take() {
                        object.paint(&data, &mut page.rules);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    page
}

fn numbers(text: &str) -> Vec<f32> {
    text.split_whitespace()
        .filter_map(|n| n.parse::<f32>().ok())
        .filter(|n| n.is_finite())
        .collect()
}

fn text_object(e: &BytesStart<'_>) -> TextObject {
    let boundary = value(e, "Boundary")
        .map(|b| numbers(&b))
        .unwrap_or_default();
    let ctm = value(e, "CTM")
        .map(|c| numbers(&c))
        .and_then(|c| <[f32; 6]>::try_from(c).ok())
        .unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
    TextObject {
        origin: (
            boundary.first().copied().unwrap_or(0.0),
            boundary.get(1).copied().unwrap_or(0.0),
        ),
        size: value(e, "Size")
            .and_then(|s| s.trim().parse::<f32>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .unwrap_or(3.5),
        ctm,
    }
}

/// A path object: where its coordinates start, how they are transformed, how it is painted.
#[derive(Debug, Clone, Copy)]
struct PathObject {
    origin: (f32, f32),
    ctm: [f32; 6],
    stroke: bool,
    fill: bool,
}

fn path_object(e: &BytesStart<'_>) -> PathObject {
    let placed = text_object(e);
    let flag = |name, default| value(e, name).map_or(default, |v| v.trim() == "true");
    PathObject {
        origin: placed.origin,
        ctm: placed.ctm,
        stroke: flag("Stroke", true),
        fill: flag("Fill", false),
    }
}

impl PathObject {
    fn on_page(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.ctm;
        (
            self.origin.0 + a * x + c * y + e,
            self.origin.1 + b * x + d * y + f,
        )
    }

    /// Draws `AbbreviatedData` (`S`/`M` start, `L` line, `Q`/`B` curves, `A` arc, `C`
    /// close), adding the ruled lines it paints to `rules`.
    fn paint(&self, data: &str, rules: &mut Vec<crate::ingest::text::fixed::Rule>) {
        let mut path = Path::default();
        let mut tokens = data.split_whitespace();
        while let Some(command) = tokens.next() {
            let operands = match command {
                "S" | "M" | "L" => 2,
                "Q" => 4,
                "B" => 6,
                "A" => 7,
                "C" => 0,
                _ => continue,
            };
            let Some(values) = numbers_of(&mut tokens, operands) else {
                break;
            };
            let end = |values: &[f32]| {
                let n = values.len();
                self.on_page(values[n - 2], values[n - 1])
            };
            match command {
                "S" | "M" => path.move_to(end(&values)),
                "L" => path.line_to(end(&values)),
                "C" => path.close(),
                _ => path.curve_to(end(&values)),
            }
        }
        let paint = match (self.stroke, self.fill) {
            (true, true) => Paint::Both,
            (true, false) => Paint::Stroke,
            (false, true) => Paint::Fill,
            (false, false) => Paint::Neither,
        };
        path.paint(paint, false, rules);
    }
}

/// The next `count` numbers, when there are that many.
fn numbers_of(tokens: &mut std::str::SplitWhitespace<'_>, count: usize) -> Option<Vec<f32>> {
    let values: Vec<f32> = tokens
        .take(count)
        .filter_map(|t| t.parse::<f32>().ok())
        .filter(|v| v.is_finite())
        .collect();
    (values.len() == count).then_some(values)
}

/// `DeltaX`/`DeltaY` expanded: `g N v` is `v` N times (capped at the characters there are).
fn deltas(text: &str, count: usize) -> Vec<f32> {
    let mut out = Vec::new();
    let mut tokens = text.split_whitespace();
    while let Some(token) = tokens.next() {
        if out.len() >= count {
            break;
        }
        if token == "g" {
            let times = tokens
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0);
            let step = tokens
                .next()
                .and_then(|v| v.parse::<f32>().ok())
                .unwrap_or(0.0);
            out.extend(std::iter::repeat_n(step, times.min(count - out.len())));
        } else if let Ok(step) = token.parse::<f32>() {
            out.push(step);
        }
    }
    out.retain(|d| d.is_finite());
    out
}

/// The characters of one `TextCode`, placed on the page.
fn place_code(code: &BytesStart<'_>, text: &str, object: TextObject, glyphs: &mut Vec<Glyph>) {
    let chars: Vec<char> = text.chars().collect();
    let number = |name| value(code, name).and_then(|v| v.trim().parse::<f32>().ok());
    let (mut x, mut y) = (number("X").unwrap_or(0.0), number("Y").unwrap_or(0.0));
    let delta_x = value(code, "DeltaX").map_or_else(Vec::new, |d| deltas(&d, chars.len()));
    let delta_y = value(code, "DeltaY").map_or_else(Vec::new, |d| deltas(&d, chars.len()));
    let [a, b, c, d, e, f] = object.ctm;
    let scale = (a * d - b * c).abs().sqrt().max(0.01);
    let size = object.size * scale;
    for (i, &ch) in chars.iter().enumerate() {
        let advance_default = if ch.is_ascii() { size / 2.0 } else { size };
        let page_x = object.origin.0 + a * x + c * y + e;
        let page_y = object.origin.1 + b * x + d * y + f;
        let width = delta_x
            .get(i)
            .map_or(advance_default, |dx| (dx * scale).min(size).max(size / 3.0));
        let (top, bottom) = (page_y - 0.88 * size, page_y + 0.12 * size);
        let right = page_x + width;
        glyphs.push(Glyph {
            ch,
            left: page_x,
            right,
            top,
            bottom,
            native: [page_x, top, right, bottom],
            page: 0,
        });
        x += delta_x.get(i).copied().unwrap_or(advance_default / scale);
        y += delta_y.get(i).copied().unwrap_or(0.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_x_repeats_within_the_characters_there_are() {
        assert_eq!(deltas("g 3 5 2.5", 10), [5.0, 5.0, 5.0, 2.5]);
        assert_eq!(deltas("g 1000000 5", 2), [5.0, 5.0]);
    }

    #[test]
    fn a_stroked_path_rules_lines_and_a_curve_does_not() {
        let xml = r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>
            <ofd:PathObject ID="1" Boundary="20 30 100 50" LineWidth="0.35"><ofd:AbbreviatedData>M 0 0 L 100 0 M 0 0 L 0 50 Q 5 5 10 10</ofd:AbbreviatedData></ofd:PathObject>
            <ofd:PathObject ID="2" Boundary="0 0 10 10" Stroke="false" Fill="true"><ofd:AbbreviatedData>M 0 0 L 10 0 L 10 10 C</ofd:AbbreviatedData></ofd:PathObject>
            </ofd:Layer></ofd:Content></ofd:Page>"#;
        let rules = read_page(xml).rules;
        assert_eq!(rules.len(), 2, "{rules:?}");
        assert!(
            rules[0].horizontal
                && rules[0].at == 30.0
                && rules[0].from == 20.0
                && rules[0].to == 120.0
        );
        assert!(!rules[1].horizontal && rules[1].at == 20.0 && rules[1].to == 80.0);
    }

    #[test]
    fn text_codes_are_placed_by_boundary_and_delta_x() {
        let xml = r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>
            <ofd:TextObject ID="1" Boundary="20 30 100 10" Size="5"><ofd:TextCode X="0" Y="4" DeltaX="g 2 5">到20&amp;</ofd:TextCode></ofd:TextObject>
            </ofd:Layer></ofd:Content></ofd:Page>"#;
        let page = read_page(xml);
        let text: String = page.glyphs.iter().map(|g| g.ch).collect();
        assert_eq!(text, "到20&");
        assert_eq!(page.glyphs[0].left, 20.0);
        assert_eq!(page.glyphs[2].left, 30.0);
        assert!((page.glyphs[0].bottom - 34.6).abs() < 0.01);
    }
}

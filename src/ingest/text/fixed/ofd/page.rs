//! One OFD page's content: its `TextObject`s and their `TextCode`s placed on the page, images
//! noted, glyph-only text (`CGTransform`) counted as unmapped.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::ingest::text::docx::markup::{entity, value};
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
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "TextObject" => object = Some(text_object(&e)),
                "TextCode" => code = Some((e.into_owned(), String::new())),
                "ImageObject" => page.has_image = true,
                "CGTransform" => page.unmapped += 1,
                _ => {}
            },
            Event::Text(t) => {
                if let Some((_, text)) = &mut code {
                    text.push_str(&t.xml10_content());
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

//! A PDF font as text extraction needs it: how its byte strings split into codes, the
//! Unicode text of each code and each code's width.
//!
//! The text comes from the font's `ToUnicode` CMap when it has one; else from a predefined
//! CMap that is Unicode or GBK itself (`UniGB-UCS2-H`, `UniGB-UTF16-H`, `GBK-EUC-H`: older
//! Chinese PDFs name the font `STSong-Light` and embed nothing); else, for a simple font, from
//! its encoding (WinAnsi and its `Differences`). A code with none of these is unmapped.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::cmap::{self, ToUnicode};
use super::number;

/// A font's own CMap data is read up to this size.
const MAX_CMAP: usize = 4 * 1024 * 1024;

/// How a composite font's predefined CMap turns codes to text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Predefined {
    /// Two-byte codes that are UCS-2 / UTF-16BE.
    Unicode,
    /// One- or two-byte codes that are GBK.
    Gbk,
    /// `Identity-H` and the rest: codes are glyph ids, text only through `ToUnicode`.
    Opaque,
}

/// One code read from a string: its text (None when the font cannot say), its width in
/// thousandths of the font size, and whether it is the single-byte space (word spacing
/// applies to it).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Code {
    pub text: Option<String>,
    pub width: f32,
    pub space: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Font {
    composite: Option<Predefined>,
    to_unicode: Option<ToUnicode>,
    /// A simple font's codes 0–255 as text.
    simple: Vec<Option<char>>,
    widths: HashMap<u32, f32>,
    default_width: Option<f32>,
    /// Widths are in glyph space scaled by this (a Type3 font's `FontMatrix`), else 1.
    width_scale: f32,
}

impl Font {
    pub(super) fn new(document: &Document, font: &Dictionary) -> Self {
        let subtype = name(document, font, b"Subtype").unwrap_or_default();
        let to_unicode = font
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| document.dereference(o).ok())
            .and_then(|(_, o)| o.as_stream().ok())
            .and_then(|s| s.decompressed_content_with_limit(MAX_CMAP).ok())
            .map(|data| cmap::parse(&data))
            .filter(|c| !c.map.is_empty());
        if subtype == "Type0" {
            let encoding = name(document, font, b"Encoding").unwrap_or_default();
            let descendant = font
                .get(b"DescendantFonts")
                .ok()
                .and_then(|o| document.dereference(o).ok())
                .and_then(|(_, o)| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| document.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok());
            let (widths, default_width) =
                descendant.map_or_else(|| (HashMap::new(), None), |d| cid_widths(document, d));
            return Self {
                composite: Some(predefined(&encoding)),
                to_unicode,
                simple: Vec::new(),
                widths,
                default_width: default_width.or(Some(1000.0)),
                width_scale: 1.0,
            };
        }
        let base_font = name(document, font, b"BaseFont").unwrap_or_default();
        let simple = simple_encoding(document, font, base_font.contains('+'));
        let (widths, width_scale) = simple_widths(document, font, &subtype);
        Self {
            composite: None,
            to_unicode,
            simple,
            widths,
            default_width: None,
            width_scale,
        }
    }

    /// The codes of a string shown in this font.
    pub(super) fn codes(&self, bytes: &[u8]) -> Vec<Code> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let length = self.code_length(&bytes[i..]).clamp(1, bytes.len() - i);
            let code = cmap::code_of(&bytes[i..i + length]);
            let text = self.text(code, &bytes[i..i + length]);
            let width = self.width(code, text.as_deref());
            out.push(Code {
                text,
                width,
                space: length == 1 && code == 32,
            });
            i += length;
        }
        out
    }

    fn code_length(&self, bytes: &[u8]) -> usize {
        if let Some(length) = self.to_unicode.as_ref().and_then(|c| c.code_length(bytes)) {
            return length;
        }
        match self.composite {
            None => 1,
            Some(Predefined::Gbk) if bytes[0] < 0x81 => 1,
            Some(_) => 2,
        }
    }

    fn text(&self, code: u32, bytes: &[u8]) -> Option<String> {
        if let Some(text) = self.to_unicode.as_ref().and_then(|c| c.get(code)) {
            return Some(text.to_string());
        }
        match self.composite {
            Some(Predefined::Unicode) => char::from_u32(code).map(String::from),
            Some(Predefined::Gbk) => {
                let (text, _, bad) = encoding_rs::GBK.decode(bytes);
                (!bad).then(|| text.into_owned())
            }
            Some(Predefined::Opaque) => None,
            None => self
                .simple
                .get(code as usize)
                .copied()
                .flatten()
                .map(String::from),
        }
    }

    fn width(&self, code: u32, text: Option<&str>) -> f32 {
        let guess = || {
            let narrow = text.is_some_and(str::is_ascii);
            if narrow { 500.0 } else { 1000.0 }
        };
        let width = match self.composite {
            // A predefined CMap maps codes to CIDs through tables not read here: the widths,
            // indexed by CID, are only used for Identity encodings.
            Some(Predefined::Opaque) => self
                .widths
                .get(&code)
                .copied()
                .or(self.default_width)
                .unwrap_or(1000.0),
            // The Adobe character collections (GB1 and the others) hold printable ASCII at
            // CIDs 1–95 (space = 1), where a predefined Unicode or GBK CMap puts it: their
            // widths are those the font gives. Other characters' CIDs are not worked out.
            Some(_) => text
                .and_then(single_printable_ascii)
                .and_then(|c| self.widths.get(&(u32::from(c) - 31)).copied())
                .unwrap_or_else(guess),
            None => self.widths.get(&code).copied().unwrap_or_else(guess),
        };
        width * self.width_scale
    }
}

fn single_printable_ascii(text: &str) -> Option<u8> {
    match text.as_bytes() {
        [c @ b' '..=b'~'] => Some(*c),
        _ => None,
    }
}

fn predefined(encoding: &str) -> Predefined {
    if encoding.contains("UCS2") || encoding.contains("UTF16") {
        Predefined::Unicode
    } else if encoding.starts_with("GB") && encoding.contains("EUC") {
        Predefined::Gbk
    } else {
        Predefined::Opaque
    }
}

pub(super) fn name(document: &Document, dictionary: &Dictionary, key: &[u8]) -> Option<String> {
    let (_, object) = document.dereference(dictionary.get(key).ok()?).ok()?;
    object
        .as_name()
        .ok()
        .map(|n| String::from_utf8_lossy(n).into_owned())
}

fn array<'d>(document: &'d Document, dictionary: &'d Dictionary, key: &[u8]) -> &'d [Object] {
    dictionary
        .get(key)
        .ok()
        .and_then(|o| document.dereference(o).ok())
        .and_then(|(_, o)| o.as_array().ok())
        .map_or(&[], Vec::as_slice)
}

/// A CID font's `/W` (`c [w1 w2 …]` and `c_first c_last w`) and `/DW`.
fn cid_widths(document: &Document, font: &Dictionary) -> (HashMap<u32, f32>, Option<f32>) {
    let mut widths = HashMap::new();
    let entries = array(document, font, b"W");
    let mut i = 0;
    while i < entries.len() && widths.len() < 100_000 {
        let Some(first) = number(document, &entries[i]) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match entries
            .get(i + 1)
            .map(|o| document.dereference(o).map(|(_, o)| o))
        {
            Some(Ok(Object::Array(list))) => {
                for (step, w) in list.iter().enumerate().take(65_536) {
                    if let Some(w) = number(document, w) {
                        widths.insert(first.saturating_add(step as u32), w);
                    }
                }
                i += 2;
            }
            _ => {
                let last = entries.get(i + 1).and_then(|o| number(document, o));
                let width = entries.get(i + 2).and_then(|o| number(document, o));
                if let (Some(last), Some(width)) = (last, width) {
                    let last = (last.max(0.0) as u32).min(first.saturating_add(65_535));
                    for cid in first..=last {
                        widths.insert(cid, width);
                    }
                }
                i += 3;
            }
        }
    }
    let default = font.get(b"DW").ok().and_then(|o| number(document, o));
    (widths, default)
}

/// A simple font's `/Widths` from `/FirstChar`, and a Type3 font's scale.
fn simple_widths(
    document: &Document,
    font: &Dictionary,
    subtype: &str,
) -> (HashMap<u32, f32>, f32) {
    let first = font
        .get(b"FirstChar")
        .ok()
        .and_then(|o| number(document, o))
        .unwrap_or(0.0)
        .max(0.0) as u32;
    let widths = array(document, font, b"Widths")
        .iter()
        .take(256)
        .enumerate()
        .filter_map(|(i, w)| Some((first + i as u32, number(document, w)?)))
        .collect();
    let scale = if subtype == "Type3" {
        array(document, font, b"FontMatrix")
            .first()
            .and_then(|o| number(document, o))
            .map_or(1.0, |a| (a * 1000.0).abs())
    } else {
        1.0
    };
    (widths, scale)
}

/// A simple font's codes as text: WinAnsi, changed by the encoding's `Differences`. A subset
/// font (`ABCDEF+Name`) with no encoding of its own says nothing of codes above ASCII.
fn simple_encoding(document: &Document, font: &Dictionary, subset: bool) -> Vec<Option<char>> {
    let mut table: Vec<Option<char>> = (0u8..=255)
        .map(|b| {
            if b < 0x20 {
                return None;
            }
            let byte = [b];
            let (text, _, bad) = encoding_rs::WINDOWS_1252.decode(&byte);
            (!bad).then(|| text.chars().next()).flatten()
        })
        .collect();
    let encoding = font
        .get(b"Encoding")
        .ok()
        .and_then(|o| document.dereference(o).ok())
        .map(|(_, o)| o);
    let differences = match encoding {
        Some(Object::Dictionary(d)) => array(document, d, b"Differences"),
        _ => &[],
    };
    if subset && encoding.is_none() {
        for slot in table.iter_mut().skip(0x80) {
            *slot = None;
        }
    }
    let mut code = 0usize;
    for entry in differences {
        match entry {
            Object::Integer(n) => code = (*n).clamp(0, 255) as usize,
            Object::Name(glyph) => {
                if let Some(slot) = table.get_mut(code) {
                    *slot = glyph_char(&String::from_utf8_lossy(glyph));
                }
                code += 1;
            }
            _ => {}
        }
    }
    table
}

/// The character a glyph name stands for: `uni5230`, `u1F600`, a letter or a digit's name.
fn glyph_char(glyph: &str) -> Option<char> {
    let hex = |h: &str| u32::from_str_radix(h, 16).ok().and_then(char::from_u32);
    if let Some(h) = glyph.strip_prefix("uni").filter(|h| h.len() == 4) {
        return hex(h);
    }
    if let Some(h) = glyph
        .strip_prefix('u')
        .filter(|h| (4..=6).contains(&h.len()))
    {
        return hex(h);
    }
    let mut chars = glyph.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_ascii_alphabetic().then_some(c);
    }
    const NAMES: [(&str, char); 20] = [
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("space", ' '),
        ("period", '.'),
        ("comma", ','),
        ("hyphen", '-'),
        ("percent", '%'),
        ("parenleft", '('),
        ("parenright", ')'),
        ("colon", ':'),
        ("semicolon", ';'),
        ("slash", '/'),
    ];
    NAMES.iter().find(|(n, _)| *n == glyph).map(|(_, c)| *c)
}

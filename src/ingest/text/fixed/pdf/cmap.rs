//! A font's `ToUnicode` CMap: which byte strings are codes (`codespacerange`) and the Unicode
//! text of each code (`bfchar`, `bfrange`). Only what text extraction needs is read; a range
//! is capped so that a hostile `<0000> <FFFF>` range costs what a real one does.

use std::collections::HashMap;

/// Codes a single `bfrange` may map.
const MAX_RANGE: u32 = 0x1_0000;
/// Codes a CMap may map in all.
const MAX_CODES: usize = 200_000;

/// A parsed `ToUnicode` CMap.
#[derive(Debug, Clone, Default)]
pub(super) struct ToUnicode {
    /// `(byte length, low, high)` of each code space range.
    pub spaces: Vec<(usize, u32, u32)>,
    pub map: HashMap<u32, String>,
}

impl ToUnicode {
    /// The text of a code, when the CMap maps it.
    pub(super) fn get(&self, code: u32) -> Option<&str> {
        self.map.get(&code).map(String::as_str)
    }

    /// How many bytes the code at the start of `bytes` takes, when the code space says.
    pub(super) fn code_length(&self, bytes: &[u8]) -> Option<usize> {
        self.spaces
            .iter()
            .filter(|(len, low, high)| {
                bytes.len() >= *len && (low..=high).contains(&&code_of(&bytes[..*len]))
            })
            .map(|(len, _, _)| *len)
            .min()
    }
}

/// The big-endian number a byte string spells (at most four bytes count).
pub(super) fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |code, &b| (code << 8) | u32::from(b))
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Word(String),
    Open,
    Close,
}

fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + p);
                out.push(Token::Hex(hex(&data[i + 1..end])));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b if b.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !matches!(data[i], b'<' | b'[' | b']' | b'%')
                {
                    i += 1;
                }
                if i == start {
                    i += 1;
                }
                out.push(Token::Word(
                    String::from_utf8_lossy(&data[start..i]).into_owned(),
                ));
            }
        }
    }
    out
}

fn hex(digits: &[u8]) -> Vec<u8> {
    let nibbles: Vec<u8> = digits
        .iter()
        .filter_map(|&d| (d as char).to_digit(16))
        .map(|d| d as u8)
        .collect();
    nibbles
        .chunks(2)
        .map(|pair| (pair[0] << 4) | pair.get(1).copied().unwrap_or(0))
        .collect()
}

/// UTF-16BE bytes as text; an unpaired surrogate is left out.
fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|pair| (u16::from(pair[0]) << 8) | u16::from(pair.get(1).copied().unwrap_or(0)))
        .collect();
    char::decode_utf16(units).filter_map(Result::ok).collect()
}

/// Parses a `ToUnicode` CMap's data.
pub(super) fn parse(data: &[u8]) -> ToUnicode {
    let tokens = tokens(data);
    let mut cmap = ToUnicode::default();
    let mut section: Option<&str> = None;
    let mut i = 0;
    while i < tokens.len() && cmap.map.len() < MAX_CODES {
        match (&tokens[i], section) {
            (Token::Word(w), _) if w.starts_with("begin") => {
                section = match w.as_str() {
                    "begincodespacerange" => Some("space"),
                    "beginbfchar" => Some("char"),
                    "beginbfrange" => Some("range"),
                    _ => None,
                };
                i += 1;
            }
            (Token::Word(w), _) if w.starts_with("end") => {
                section = None;
                i += 1;
            }
            (Token::Hex(low), Some("space")) => {
                if let Some(Token::Hex(high)) = tokens.get(i + 1) {
                    cmap.spaces
                        .push((low.len().clamp(1, 4), code_of(low), code_of(high)));
                }
                i += 2;
            }
            (Token::Hex(code), Some("char")) => {
                if let Some(Token::Hex(text)) = tokens.get(i + 1) {
                    cmap.map.insert(code_of(code), utf16(text));
                }
                i += 2;
            }
            (Token::Hex(low), Some("range")) => i = range(&tokens, i, low, &mut cmap),
            _ => i += 1,
        }
    }
    cmap
}

/// One `bfrange` entry from `tokens[i]`: `<low> <high> <first>`, the text counting up from
/// `first`, or `<low> <high> [<t1> <t2> …]`. Gives the index after it.
fn range(tokens: &[Token], i: usize, low: &[u8], cmap: &mut ToUnicode) -> usize {
    let Some(Token::Hex(high)) = tokens.get(i + 1) else {
        return i + 1;
    };
    let (low, high) = (code_of(low), code_of(high));
    let count = high.saturating_sub(low).min(MAX_RANGE - 1);
    match tokens.get(i + 2) {
        Some(Token::Hex(first)) => {
            let text = utf16(first);
            let mut chars: Vec<char> = text.chars().collect();
            if let Some(last) = chars.pop() {
                for step in 0..=count {
                    let Some(shifted) = char::from_u32(u32::from(last) + step) else {
                        continue;
                    };
                    let mut value: String = chars.iter().collect();
                    value.push(shifted);
                    cmap.map.insert(low.saturating_add(step), value);
                }
            }
            i + 3
        }
        Some(Token::Open) => {
            let mut j = i + 3;
            let mut step = 0;
            while let Some(Token::Hex(text)) = tokens.get(j) {
                if step <= count {
                    cmap.map.insert(low.saturating_add(step), utf16(text));
                }
                step += 1;
                j += 1;
            }
            j + 1
        }
        _ => i + 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_code_spaces_chars_and_ranges() {
        let data = b"/CIDInit /ProcSet findresource begin\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
            2 beginbfchar <0003> <0020> <0010> <5230> endbfchar\n\
            2 beginbfrange <0011> <0013> <0030> <0020> <0021> [<5E74> <D83DDE00>] endbfrange\nend";
        let cmap = parse(data);
        assert_eq!(cmap.get(0x10), Some("到"));
        assert_eq!(cmap.get(0x13), Some("2"));
        assert_eq!(cmap.get(0x20), Some("年"));
        assert_eq!(cmap.get(0x21), Some("😀"));
        assert_eq!(cmap.code_length(&[0, 0x10]), Some(2));
    }

    #[test]
    fn a_huge_range_costs_what_a_real_one_does() {
        let cmap = parse(b"beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert!(cmap.map.len() <= MAX_RANGE as usize);
        assert!(cmap.map.len() > 60_000);
    }
}

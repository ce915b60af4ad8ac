//! Bytes → text. Plans arrive as UTF-8 (with or without a BOM), UTF-16 or GB18030; the encoding is
//! detected, never assumed, and anything else (random bytes, a binary) is refused with the offset
//! where reading failed.

use std::sync::Arc;

use crate::i18n::Msg;
use crate::msg;

/// How a text file was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

/// Why bytes are not a text.
#[derive(Debug, Clone)]
pub(crate) struct NotText {
    pub message: Msg,
    /// Byte offset in the file where reading failed.
    pub offset: usize,
}

/// Decodes a text file. The text is shared (a plan's text is held once, by its source and its
/// plan) and copied once from UTF-8 bytes, the usual case.
pub(crate) fn decode(bytes: &[u8]) -> Result<(Arc<str>, Encoding), NotText> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest).map(|t| (t.into(), Encoding::Utf8));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, encoding_rs::UTF_16LE).map(|t| (t.into(), Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, encoding_rs::UTF_16BE).map(|t| (t.into(), Encoding::Utf16Be));
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        let (codec, kind) = match encoding {
            Encoding::Utf16Be => (encoding_rs::UTF_16BE, Encoding::Utf16Be),
            _ => (encoding_rs::UTF_16LE, Encoding::Utf16Le),
        };
        return utf16(bytes, codec).map(|t| (t.into(), kind));
    }
    match crate::source::utf8(bytes) {
        Ok(text) => checked(text).map(|t| (t.into(), Encoding::Utf8)),
        Err(err) if err.error_len().is_none() => {
            let offset = err.valid_up_to();
            Err(NotText {
                message: msg!(
                    "文件在一个 UTF-8 字符中间结束（字节 {offset}）：文件可能被截断",
                    "the file ends in the middle of a UTF-8 character (byte {offset}): it may be truncated"
                ),
                offset,
            })
        }
        Err(err) => gb18030(bytes, err.valid_up_to()),
    }
}

fn utf8(bytes: &[u8]) -> Result<&str, NotText> {
    match crate::source::utf8(bytes) {
        Ok(text) => checked(text),
        Err(err) => {
            let offset = err.valid_up_to() + 3;
            Err(NotText {
                message: msg!(
                    "文件以 UTF-8 BOM 开头，但字节 {offset} 处不是有效的 UTF-8",
                    "the file starts with a UTF-8 BOM but is not valid UTF-8 at byte {offset}"
                ),
                offset,
            })
        }
    }
}

fn utf16(bytes: &[u8], codec: &'static encoding_rs::Encoding) -> Result<String, NotText> {
    match codec.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => checked(text.into_owned()),
        None => Err(NotText {
            message: msg!(
                "文件看似 UTF-16 编码，但含有无效的字符",
                "the file looks like UTF-16 but holds invalid characters"
            ),
            offset: 0,
        }),
    }
}

/// UTF-16 without a BOM: in Chinese text one of every two bytes is rarely zero, but in ASCII
/// lines (numbers, punctuation) the high byte is; zeros that fall mostly on one parity decide.
fn bomless_utf16(bytes: &[u8]) -> Option<Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in sample.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let pairs = sample.len() / 2;
    if odd * 5 > pairs && even * 20 < odd {
        Some(Encoding::Utf16Le)
    } else if even * 5 > pairs && odd * 20 < even {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

fn gb18030(bytes: &[u8], utf8_valid_up_to: usize) -> Result<(Arc<str>, Encoding), NotText> {
    let not_text = |offset: usize| NotText {
        message: msg!(
            "文件既不是 UTF-8、UTF-16，也不是 GB18030 文本（字节 {offset} 处无法读取）",
            "the file is not UTF-8, UTF-16 or GB18030 text (unreadable at byte {offset})"
        ),
        offset,
    };
    let Some(text) =
        encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
    else {
        return Err(not_text(utf8_valid_up_to));
    };
    // Decoding succeeds on some binaries; real GB18030 plans are mostly Chinese characters.
    let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
    let han = text
        .chars()
        .filter(|c| {
            ('\u{4e00}'..='\u{9fff}').contains(c)
                || ('\u{3000}'..='\u{303f}').contains(c)
                || ('\u{ff00}'..='\u{ffef}').contains(c)
        })
        .count();
    if non_ascii == 0 || han * 10 < non_ascii * 9 {
        return Err(not_text(utf8_valid_up_to));
    }
    checked(&*text).map(|t| (t.into(), Encoding::Gb18030))
}

/// Control characters other than tab, line and page breaks mean a binary file. One pass over
/// the bytes: in UTF-8 a control character is a byte below 0x20 or 0x7F (C0 and DEL) or 0xC2
/// followed by 0x80–0x9F (C1), and characters are the bytes that do not continue one.
fn checked<T: AsRef<str>>(text: T) -> Result<T, NotText> {
    let bytes = text.as_ref().as_bytes();
    // Most files hold no control character, and two quick scans say so: C0 and DEL a block
    // at a time without an early exit inside it, which the compiler vectorises; C1 from each
    // 0xC2 byte `memchr` finds (common: it starts ·, °, ±).
    let may_hold_control = bytes.chunks(64).any(|block| {
        block.iter().fold(false, |seen, &b| {
            seen | (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) | (b == 0x7F)
        })
    }) || memchr::memchr_iter(0xC2, bytes)
        .any(|i| bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)));
    if !may_hold_control {
        return Ok(text);
    }
    let mut total = 0usize;
    let mut count = 0usize;
    let mut first = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b & 0xC0 != 0x80 {
            total += 1;
        }
        let control = match b {
            b'\t' | b'\n' | b'\r' | 0x0C => false,
            0x00..=0x1F | 0x7F => true,
            0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
            _ => false,
        };
        if control {
            count += 1;
            first.get_or_insert(i);
        }
    }
    let total = total.max(1);
    if count * 100 > total || (first.is_some() && total < 100) {
        let offset = first.unwrap_or(0);
        return Err(NotText {
            message: msg!(
                "文件含有控制字符（字节 {offset}），不是文本文件",
                "the file holds control characters (byte {offset}): it is not a text file"
            ),
            offset,
        });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_counted_as_the_standard_library_counts_them() {
        for text in [
            "正文\u{85}二\u{1b}\t\n",
            "\u{7f}\u{9f}\u{a0}",
            "",
            "x\u{c}\r",
        ] {
            let total = text.chars().count().max(1);
            let controls: Vec<usize> = text
                .char_indices()
                .filter(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
                .map(|(i, _)| i)
                .collect();
            let expected = controls.len() * 100 > total || (!controls.is_empty() && total < 100);
            let got = checked(text.to_string());
            assert_eq!(got.is_err(), expected, "{text:?}");
            if let Err(e) = got {
                assert_eq!(e.offset, controls[0]);
            }
        }
    }

    #[test]
    fn detects_encodings() {
        let text = "到2025年，数控化率超过75%。\n";
        assert_eq!(
            decode(text.as_bytes()).unwrap(),
            (Arc::from(text), Encoding::Utf8)
        );
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&bom).unwrap().1, Encoding::Utf8);
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(decode(&gb).unwrap(), (Arc::from(text), Encoding::Gb18030));
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(
            decode(&[b"\xFF\xFE".as_slice(), &le].concat()).unwrap().1,
            Encoding::Utf16Le
        );
        let ascii_le: Vec<u8> = "2025 75% 0.8:1\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&ascii_le).unwrap().1, Encoding::Utf16Le);
    }

    #[test]
    fn refuses_truncated_and_random_bytes() {
        let text = "到2025年".as_bytes();
        let truncated = &text[..text.len() - 1];
        assert!(decode(truncated).is_err());
        let random: Vec<u8> = (0u32..4096)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(decode(&random).is_err());
    }
}

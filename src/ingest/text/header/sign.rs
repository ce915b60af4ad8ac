//! Who issued a plan and when: the signature above the 成文日期, the 版头 (`XX人民政府文件`), the
//! issuer a document's own title starts with (`国务院关于深入实施…的意见`), or the lead of a web
//! copy (`近日，宁波市人民政府办公厅印发《…》`, `《…》于2025年9月16日正式发布`).

use std::sync::LazyLock;

use regex::Regex;

use super::{Line, numeral, written_line};
use crate::model::{Date, Span};

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    // A mirror may leave junk after the date (`2026年1月15日? ?`).
    Regex::new(r"^([0-9〇零一二三四五六七八九]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日[?？\s]*$")
        .unwrap()
});

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static COMPACT_DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(20[0-9]{2})([01]?[0-9])([0-3]?[0-9])[?？\s]*$").unwrap());

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static RELEASED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"》于([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日(?:正式)?(?:发布|印发|出台)").unwrap()
});

/// Endings of a body's name: a government, its office, a department.
const BODIES: [&str; 9] = [
    "政府",
    "委员会",
    "管委会",
    "办公室",
    "办公厅",
    "厅",
    "局",
    "委",
    "国务院",
];

/// The date a plan was signed: a date line (`2024年7月23日`, `二〇二四年十二月三十一日`, or
/// `20251224` when it is a real date), else the date a web copy's lead says it was issued.
pub(super) fn issued(lines: &[Line]) -> Option<(Date, Span)> {
    let on_a_line = lines.iter().find_map(|l| {
        let text = &l.folded.text;
        let date = match DATE_LINE.captures(text) {
            Some(caps) => date(numeral(&caps[1])?, numeral(&caps[2])?, numeral(&caps[3])?)?,
            None => {
                let caps = COMPACT_DATE_LINE.captures(text)?;
                date(
                    caps[1].parse().ok()?,
                    caps[2].parse().ok()?,
                    caps[3].parse().ok()?,
                )?
            }
        };
        Some((date, l.folded.span(0..l.folded.len())))
    });
    on_a_line.or_else(|| {
        lines.iter().take(3).find_map(|l| {
            let caps = RELEASED.captures(&l.folded.text)?;
            let whole = caps.get(0)?;
            let date = date(
                caps[1].parse().ok()?,
                caps[2].parse().ok()?,
                caps[3].parse().ok()?,
            )?;
            Some((date, l.folded.span(whole.range())))
        })
    })
}

fn date(year: u16, month: u16, day: u16) -> Option<Date> {
    format!("{year:04}-{month:02}-{day:02}").parse().ok()
}

/// The line above the signing date: `安丘市人民政府` ⏎ `2024年7月23日`.
pub(super) fn signature(original: &str, lines: &[Line]) -> Option<(String, Span)> {
    let at = lines.iter().position(|l| {
        DATE_LINE.is_match(&l.folded.text) || COMPACT_DATE_LINE.is_match(&l.folded.text)
    })?;
    let above = lines.get(at.checked_sub(1)?)?;
    let text = above.folded.text.trim_end_matches(['?', '？']);
    let plausible = text.chars().count() <= 30
        && !text.contains(['。', ',', ':', ';', '《'])
        && BODIES.iter().any(|end| text.ends_with(end));
    plausible.then(|| {
        let (name, span) = written_line(original, above);
        (name.trim_end_matches(['?', '？', ' ']).to_string(), span)
    })
}

/// 版头: `XX人民政府文件`.
pub(super) fn masthead(original: &str, lines: &[Line]) -> Option<(String, Span)> {
    let line = lines.iter().take(3).find(|l| {
        let t = l.folded.text.trim_start_matches('#');
        t.ends_with("文件") && t.chars().count() <= 30
    })?;
    let (text, span) = written_line(original, line);
    let issuer = text.trim_end().strip_suffix("文件")?.trim().to_string();
    Some((issuer, span))
}

/// A document that is its own title, not sent by a notice: `国务院关于深入实施“人工智能+”行动的
/// 意见`, `湖北省人民政府办公厅关于加快推进…的实施意见`: the body before 关于.
pub(super) fn in_own_title(title: &str, span: Span) -> Option<(String, Span)> {
    let (issuer, _) = title.split_once("关于")?;
    let name = issuer.trim();
    let folded = crate::model::text::fold(name);
    (!name.is_empty()
        && folded.chars().count() <= 30
        && BODIES.iter().any(|end| folded.ends_with(end)))
    .then(|| (name.to_string(), span))
}

/// `近日，宁波市人民政府办公厅印发《…》`: the body a web copy's lead names as issuing the plan.
pub(super) fn in_lead(original: &str, lines: &[Line]) -> Option<(String, Span)> {
    lines.iter().take(3).find_map(|line| {
        let text = &line.folded.text;
        let verb = text.find("印发《")?;
        let before = &text[..verb];
        let start = before.rfind([',', '。', ':']).map_or(0, |i| i + 1);
        let name = &before[start..];
        let body = name.chars().count() <= 30 && BODIES.iter().any(|end| name.ends_with(end));
        body.then(|| {
            (
                line.folded.written(original, start..verb),
                line.folded.span(start..verb),
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::read;

    #[test]
    fn dates_with_junk_or_without_separators() {
        let h = read("某县人民政府? ??\n2026年1月15日? ?\n");
        assert_eq!(h.issued.unwrap().0.to_string(), "2026-01-15");
        assert_eq!(h.issuer.unwrap().0, "某县人民政府");
        let h = read("某区人民政府\n\n20251224\n");
        assert_eq!(h.issued.unwrap().0.to_string(), "2025-12-24");
        // Not a date: the month is 13.
        assert!(read("某区人民政府\n20251324\n").issued.is_none());
    }

    #[test]
    fn a_department_signs_and_a_lead_names_the_issuer() {
        let h = read("征求意见。\n某省科学技术厅\n2025年11月18日\n");
        assert_eq!(h.issuer.unwrap().0, "某省科学技术厅");
        let h = read(
            "近日,某市人民政府办公厅印发《某市行动方案》。\n某市行动方案\n为落实部署,制定本方案。\n",
        );
        assert_eq!(h.issuer.unwrap().0, "某市人民政府办公厅");
        let h = read("《某市行动方案》于2025年9月16日正式发布。方案明确。\n");
        assert_eq!(h.issued.unwrap().0.to_string(), "2025-09-16");
    }
}

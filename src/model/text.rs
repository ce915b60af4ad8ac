//! Text normalisation shared by every comparison of names and titles: NFKC folds full-width
//! letters, digits and punctuation (and Kangxi radicals from PDFs) and white space is dropped,
//! because extraction scatters spaces and line breaks inside names.

use unicode_normalization::UnicodeNormalization;

/// NFKC with all white space removed, and traditional script read as simplified
/// (`model::script`), so 國發 and 国发 compare equal.
#[must_use]
pub fn fold(text: &str) -> String {
    if folds_to_itself(text) {
        return text.to_string();
    }
    text.nfkc()
        .filter(|c| !c.is_whitespace())
        .map(super::script::simplified)
        .collect()
}

/// Whether [`fold`] gives `text` back as it is. Most text (Chinese names, codes, already-folded
/// keys) is simplified ideographs and ASCII, which NFKC leaves as they are: it is copied without
/// the normalisation tables.
#[must_use]
pub fn folds_to_itself(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_ascii_graphic()
            || (('\u{4e00}'..='\u{9fff}').contains(&c) && !super::script::is_traditional(c))
    })
}

/// A title folded for comparison: [`fold`], then inner quote marks (`<>`, `〈〉`, `《》`, `“”`)
/// removed, since plans write a cited notice's inner title with any of them or none.
#[must_use]
pub fn fold_title(text: &str) -> String {
    fold(text)
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '《' | '》' | '<' | '>' | '〈' | '〉' | '“' | '”' | '"' | '「' | '」'
            )
        })
        // A period is written 2024—2026, 2024-2026 or 2024–2026 by different copies.
        .map(|c| match c {
            '—' | '–' | '―' | '－' | '~' | '～' => '-',
            other => other,
        })
        .collect()
}

/// The title of the plan inside a notice title: `XX关于印发《…》的通知` → `…`. Children often
/// cite a parent by the plan's own title rather than the notice's, so both are compared by
/// this core.
#[must_use]
pub fn plan_title_core(title: &str) -> String {
    let folded = fold_title(title);
    let after = folded
        .find("关于印发")
        .map_or(folded.as_str(), |i| &folded[i + "关于印发".len()..]);
    after.strip_suffix("的通知").unwrap_or(after).to_string()
}

/// Levenshtein distance in characters (not bytes), for did-you-mean suggestions on Chinese.
#[must_use]
pub fn char_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    strsim::generic_levenshtein(&a, &b)
}

/// Whether every character of `short` appears in `long` in order: how Chinese abbreviations
/// are formed (市场监管局 from 市场监督管理局).
#[must_use]
pub fn is_subsequence(short: &str, long: &str) -> bool {
    let mut rest = long.chars();
    short.chars().all(|c| rest.any(|l| l == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_compare_without_inner_quotes_or_width() {
        assert_eq!(
            fold_title("国务院关于印发<推动 行动方案>的通知"),
            fold_title("国务院关于印发《推动行动方案》的通知")
        );
        assert_eq!(
            plan_title_core("山东省人民政府关于印发〈山东省推动…实施方案〉的通知"),
            "山东省推动...实施方案"
        );
    }

    #[test]
    fn abbreviations_are_subsequences() {
        assert!(is_subsequence("市场监管局", "市场监督管理局"));
        assert!(!is_subsequence("工信局", "发展和改革局"));
        assert_eq!(char_distance("财政部", "财政管理部"), 2);
    }
}

//! `planlint check --fix`: mechanical fixes applied to the files they point into. Edits are
//! applied from the end of a file to its start; an edit overlapping one already taken is left
//! for the next run. A YAML file is re-parsed after editing and left untouched if the result
//! would not read back; files that are not UTF-8 on disk, and .docx files, are never rewritten.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::model::{SourceId, Sources};
use crate::msg;

pub use crate::diagnostics::fix::{Applicability, Edit, Fix};

/// A file and its fixed text.
#[derive(Debug, Clone)]
pub struct FileFix {
    pub path: PathBuf,
    /// The path as every output prints it: relative to the project root, so that `git apply`
    /// and `patch -p1` take the diff run from that root.
    pub shown: String,
    pub original: String,
    pub fixed: String,
    /// How many findings it fixes.
    pub findings: usize,
}

/// A file the fixes were not applied to, and why.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: Msg,
}

/// Whether a fixed file (path, original text, fixed text) still reads as what it was; the
/// ingester knows.
pub type ReadsBack<'a> = &'a dyn Fn(&Path, &str, &str) -> bool;

/// The fixed text of every file the accepted findings' fixes touch. A YAML file whose fixed
/// text `reads_back` refuses is left untouched.
pub fn plan(
    findings: &[Diagnostic],
    sources: &Sources,
    accept: impl Fn(&Diagnostic) -> bool,
    reads_back: ReadsBack<'_>,
) -> (Vec<FileFix>, Vec<Skipped>) {
    let mut by_source: std::collections::BTreeMap<usize, Vec<(usize, &Edit)>> =
        std::collections::BTreeMap::new();
    for (i, d) in findings.iter().enumerate() {
        let Some(fix) = d.fix().filter(|_| accept(d)) else {
            continue;
        };
        for edit in &fix.edits {
            by_source.entry(edit.source.0).or_default().push((i, edit));
        }
    }
    let mut fixes = Vec::new();
    let mut skipped = Vec::new();
    for (source, edits) in by_source {
        let file = sources.get(SourceId(source));
        match fix_file(&file.path, &file.text, &edits, reads_back) {
            Ok(Some(fix)) => fixes.push(FileFix {
                shown: file.display_path(),
                ..fix
            }),
            Ok(None) => {}
            Err(reason) => skipped.push(Skipped {
                path: file.path.clone(),
                reason,
            }),
        }
    }
    (fixes, skipped)
}

fn fix_file(
    path: &Path,
    text: &str,
    edits: &[(usize, &Edit)],
    reads_back: ReadsBack<'_>,
) -> Result<Option<FileFix>, Msg> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
    {
        return Err(msg!(
            ".docx 文件不能自动修改，请手工修正",
            "a .docx is not rewritten; fix it by hand"
        ));
    }
    let on_disk =
        std::fs::read(path).map_err(|err| msg!("无法读取：{err}", "cannot read it: {err}"))?;
    let bom = on_disk.starts_with(b"\xEF\xBB\xBF");
    let body = if bom { &on_disk[3..] } else { &on_disk[..] };
    if body != text.as_bytes() {
        return Err(msg!(
            "文件不是 UTF-8 编码（或在读取后已改变），不自动修改",
            "the file is not UTF-8 on disk (or changed since it was read); not rewritten"
        ));
    }
    let yaml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    let mut sorted: Vec<&(usize, &Edit)> = edits.iter().collect();
    sorted.sort_by_key(|(_, e)| {
        (
            std::cmp::Reverse(e.span.start),
            std::cmp::Reverse(e.span.len),
        )
    });
    let mut fixed = text.to_string();
    let mut taken_from = usize::MAX;
    let mut findings = std::collections::BTreeSet::new();
    for (finding, edit) in sorted {
        let (start, end) = (edit.span.start, edit.span.end());
        if end > taken_from
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        let current = &text[start..end];
        let replacement = if yaml {
            yaml_scalar(current, &edit.replacement)
        } else if fits_running_text(&edit.replacement) {
            edit.replacement.clone()
        } else {
            continue;
        };
        if replacement == current {
            continue;
        }
        fixed.replace_range(start..end, &replacement);
        taken_from = start;
        findings.insert(*finding);
    }
    if fixed == text {
        return Ok(None);
    }
    if yaml && !(same_shape(text, &fixed) && reads_back(path, text, &fixed)) {
        return Err(msg!(
            "修改后的 YAML 无法读取，文件保持不变",
            "the fixed YAML would not read back; the file is left untouched"
        ));
    }
    if !yaml && !reads_back(path, text, &fixed) {
        return Err(msg!(
            "修改后的文本所引文件与原文不同，文件保持不变",
            "the fixed text would not cite what it cited; the file is left untouched"
        ));
    }
    let fixed = if bom {
        format!("\u{feff}{fixed}")
    } else {
        fixed
    };
    let original = if bom {
        format!("\u{feff}{text}")
    } else {
        text.to_string()
    };
    Ok(Some(FileFix {
        path: path.to_path_buf(),
        shown: crate::model::span::display_path(path),
        original,
        fixed,
        findings: findings.len(),
    }))
}

/// Whether a replacement can go into a plan's running text: one line, no control or
/// direction-changing character, and no 《》 of its own (a cited title's inner marks are 〈〉),
/// so that text from another file can never add lines or citations to this one.
fn fits_running_text(replacement: &str) -> bool {
    !replacement.chars().any(|c| {
        c.is_control()
            || crate::diagnostics::terminal::is_bidi_control(c)
            || matches!(c, '《' | '》' | '\u{2028}' | '\u{2029}')
    })
}

/// The replacement written the way the scalar it replaces is: inside single quotes, or plain
/// when that is safe, else double-quoted with every control character escaped. Plan text is
/// never spliced raw: a line break in a plain or single-quoted scalar could start a key of its
/// own (`allow:`) in the file being fixed.
fn yaml_scalar(current: &str, new: &str) -> String {
    // A JSON string is a YAML double-quoted scalar: `\n`, `\u0000`… escaped, nothing raw.
    let double_quoted = || {
        let json = serde_json::to_string(new).unwrap_or_else(|_| "\"\"".to_string());
        json.chars()
            .map(|c| {
                if crate::diagnostics::terminal::is_bidi_control(c) {
                    format!("\\u{:04x}", u32::from(c))
                } else {
                    c.to_string()
                }
            })
            .collect::<String>()
    };
    let controls = new
        .chars()
        .any(|c| c.is_control() || crate::diagnostics::terminal::is_bidi_control(c));
    if current.starts_with('"') || controls {
        return double_quoted();
    }
    if current.starts_with('\'') {
        return format!("'{}'", new.replace('\'', "''"));
    }
    let risky = new.is_empty()
        || new.contains(": ")
        || new.contains(" #")
        || new.ends_with(':')
        || new.starts_with([
            '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '#', '-', '?',
            ':', ',',
        ])
        || new.trim() != new;
    if risky {
        double_quoted()
    } else {
        new.to_string()
    }
}

/// Whether `fixed` has the shape of `original`: the same keys at every level and as many items
/// in every list, so that the fix changed values and nothing else.
fn same_shape(original: &str, fixed: &str) -> bool {
    use serde_json::Value;
    fn alike(a: &Value, b: &Value) -> bool {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| alike(v, w)))
            }
            (Value::Array(x), Value::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(v, w)| alike(v, w))
            }
            (Value::Object(_) | Value::Array(_), _) | (_, Value::Object(_) | Value::Array(_)) => {
                false
            }
            _ => true,
        }
    }
    let parse = |text: &str| serde_saphyr::from_str::<Value>(text).ok();
    matches!((parse(original), parse(fixed)), (Some(a), Some(b)) if alike(&a, &b))
}

/// A unified diff of a fix, for `--diff`.
#[must_use]
pub fn diff(fix: &FileFix) -> String {
    let shown = &fix.shown;
    similar::TextDiff::from_lines(&fix.original, &fix.fixed)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{shown}"), &format!("b/{shown}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_keep_their_quoting() {
        assert_eq!(
            yaml_scalar("\"国发[2024]7号\"", "国发〔2024〕7号"),
            "\"国发〔2024〕7号\""
        );
        assert_eq!(yaml_scalar("'a'", "it's"), "'it''s'");
        assert_eq!(
            yaml_scalar("市工信局", "市工业和信息化局"),
            "市工业和信息化局"
        );
        assert_eq!(yaml_scalar("x", "a: b"), "\"a: b\"");
        // A line break never reaches the file raw, whatever the quoting.
        assert_eq!(yaml_scalar("x", "a\nallow:"), "\"a\\nallow:\"");
        assert_eq!(yaml_scalar("'x'", "a\nb"), "\"a\\nb\"");
        assert_eq!(yaml_scalar("x", "a\u{202e}b"), "\"a\\u202eb\"");
    }

    #[test]
    fn a_fix_may_change_values_but_not_keys() {
        let original = "title: a\ncitations:\n  - title: b\n";
        assert!(same_shape(
            original,
            "title: a\ncitations:\n  - title: \"c\\nd\"\n"
        ));
        assert!(!same_shape(
            original,
            "title: a\ncitations:\n  - title: c\nallow:\n- lint: x\n"
        ));
        assert!(!same_shape(original, "title: a\ncitations: []\n"));
    }

    #[test]
    fn a_fix_that_breaks_the_yaml_leaves_the_file_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.yaml");
        let text = "title: 方案\ntargets:\n  - indicator: 数控化率\n    year: 2027\n    comparator: \">=\"\n    value: 75\n    unit: \"%\"\n";
        std::fs::write(&path, text).unwrap();
        let start = text.find("2027").unwrap();
        let edit = Edit {
            source: SourceId(0),
            span: crate::model::Span::new(start, 4),
            // Valid YAML, but no longer a year: the plan file would not read back.
            replacement: "明年".to_string(),
        };
        let result = fix_file(&path, text, &[(0, &edit)], &crate::ingest::reads_back);
        assert!(result.is_err(), "{result:?}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }
}

//! Whether a fixed file still reads as what it was: `--fix` writes nothing that would not.

use std::path::Path;

use super::schema;
use super::text;
use super::text_plan::SIDECAR_SUFFIX;
use crate::source::yaml;

/// Whether `fixed`, the fixed text of `original` at `path`, still reads as the file it was: a
/// YAML plan or sidecar still parses; a plan's text still holds as many citations, each with a
/// title and a number where it had them (a fix corrects a title or a number, never makes or
/// unmakes a citation).
#[must_use]
pub fn reads_back(path: &Path, original: &str, fixed: &str) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let source = crate::model::SourceId(0);
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(SIDECAR_SUFFIX) {
        return yaml::parse::<schema::SidecarFile>(source, fixed).is_ok();
    }
    if lower.ends_with(".yaml") || lower.ends_with(".yml") {
        return yaml::parse::<schema::PlanFile>(source, fixed).is_ok();
    }
    let cited = |text: &str| -> Vec<(bool, bool)> {
        text::extract(text)
            .citations
            .into_iter()
            .map(|c| (c.title.is_some(), c.doc_number.is_some()))
            .collect()
    };
    cited(original) == cited(fixed)
}

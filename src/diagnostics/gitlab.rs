//! GitLab Code Quality (`--format gitlab`): the CodeClimate JSON subset GitLab reads for its
//! merge-request widget, an array of issues with `description`, `check_name`, `fingerprint`,
//! `severity` and `location.path`/`location.lines.begin`. Its shape is
//! docs/schema/gitlab-code-quality.schema.json.

use std::collections::HashMap;

use serde::Serialize;

use super::{Diagnostic, Fingerprint, Severity};
use crate::i18n::Lang;
use crate::model::Sources;

#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// GitLab's levels: an error blocks (`major`), a warning is `minor`, a note `info`.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Note => "info",
    }
}

/// Writes the report to `out`, each issue made as it is written (a national corpus has tens of
/// thousands); a finding about the whole run is placed at the project root (`.`), line 1.
pub fn write_gitlab(
    mut out: impl std::io::Write,
    diagnostics: &[Diagnostic],
    sources: &Sources,
    lang: Lang,
) -> serde_json::Result<()> {
    // GitLab keys issues by fingerprint: two findings with one fingerprint would be one.
    let mut seen: HashMap<Fingerprint, usize> = HashMap::new();
    let repeats: Vec<usize> = diagnostics
        .iter()
        .map(|d| {
            let repeat = seen.entry(d.fingerprint).or_default();
            *repeat += 1;
            *repeat
        })
        .collect();
    // The issues, each made as it is written, on every core.
    super::batched::write_json_array(&mut out, diagnostics, 0, |i, d| {
        issue(d, repeats[i], sources, lang)
    })?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

fn issue(d: &Diagnostic, repeat: usize, sources: &Sources, lang: Lang) -> Issue {
    let fingerprint = if repeat == 1 {
        d.fingerprint.to_string()
    } else {
        format!("{}-{repeat}", d.fingerprint)
    };
    let (path, line) = d.source.map_or((".".to_string(), 1), |source| {
        let file = sources.get(source);
        let line = d
            .label
            .as_ref()
            .map_or(1, |label| file.line_col(label.span.start).0);
        (file.display_path(), line)
    });
    let mut description = d.message.get(lang).to_string();
    if let Some(help) = &d.help {
        description = format!("{description} ({})", help.get(lang));
    }
    Issue {
        description,
        check_name: d.code.as_str().to_string(),
        fingerprint,
        severity: severity(d.severity),
        location: Location {
            path,
            lines: Lines { begin: line },
        },
    }
}

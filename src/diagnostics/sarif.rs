//! SARIF 2.1.0 (`--format sarif`), as GitHub code scanning takes it: every rule with its help
//! text, every result at its place in the original file (line and column as a person counts
//! them), the parent's place as a related location, and a fingerprint that survives edits
//! elsewhere in the file.

use std::path::Path;

use serde::Serialize;

use super::{Diagnostic, Label, Severity};
use crate::code::Code;
use crate::i18n::Lang;
use crate::model::{SourceId, Sources};

/// A rule: a lint or an ingest code.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: (&'static str, &'static str),
    /// The full documentation, for `help.text`.
    pub help: String,
    /// Runs without being enabled by name.
    pub enabled: bool,
}

/// The rules of a run: `codes` (every code planlint can report), lints first, then its own,
/// each in code order.
#[must_use]
pub fn rules(codes: &[Code]) -> Vec<Rule> {
    let (lints, tools): (Vec<Code>, Vec<Code>) = codes.iter().partition(|c| c.is_lint());
    lints
        .into_iter()
        .chain(tools)
        .map(|c| {
            let doc = c.doc();
            Rule {
                id: doc.code,
                severity: doc.default_severity,
                summary: doc.summary,
                help: doc.markdown(),
                enabled: !doc.nursery,
            }
        })
        .collect()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    /// Where `%SRCROOT%` is on this machine; each result's path is relative to it.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    original_uri_base_ids: std::collections::BTreeMap<&'static str, Artifact>,
    results: super::batched::ListGoesHere,
    column_kind: &'static str,
}

/// The results, each made as it is written (on every core, [`super::batched`]): a national
/// corpus's log is tens of megabytes, and made whole it was held twice (the results, then their
/// text).
struct Results<'a> {
    /// How many findings before each one share its fingerprint.
    occurrences: Vec<usize>,
    rules: &'a [Rule],
    sources: &'a Sources,
    facts: super::facts::FactsOf<'a>,
    lang: Lang,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Text,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Configuration {
    /// `false` for a nursery lint, which runs only when enabled by name.
    #[serde(skip_serializing_if = "is_true")]
    enabled: bool,
    level: &'static str,
}

fn is_true(value: &bool) -> bool {
    *value
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultItem<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<LocationItem<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<LocationItem<'a>>,
    partial_fingerprints: Fingerprints,
    properties: Properties,
}

/// The result's property bag: planlint's facts of the finding (as in `--format json`).
#[derive(Serialize)]
struct Properties {
    subject: super::SubjectFacts,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "planlint/v1")]
    v1: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LocationItem<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: Physical,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
    #[serde(skip)]
    _marker: std::marker::PhantomData<&'a ()>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical {
    artifact_location: Artifact,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Artifact {
    uri: String,
    /// `%SRCROOT%` for a path inside the project, so the log reads the same in every clone.
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// The `%SRCROOT%` base: the project root as a `file:` URI ending in `/`.
fn root_uri(sources: &Sources) -> std::collections::BTreeMap<&'static str, Artifact> {
    let mut bases = std::collections::BTreeMap::new();
    if let Some(root) = sources.root() {
        let path = crate::model::span::display_path(root);
        let path = path.trim_end_matches('/');
        bases.insert(
            SRCROOT,
            Artifact {
                uri: format!("file://{}/", uri(path)),
                uri_base_id: None,
            },
        );
    }
    bases
}

/// The base id of paths inside the project.
const SRCROOT: &str = "%SRCROOT%";

/// A path as a relative URI (RFC 3986): forward slashes, and every byte other than an unreserved
/// character (letters, digits, `-._~`) or a separator percent-encoded, Chinese names included.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    crate::escape::url(path, true)
}

fn physical(sources: &Sources, source: SourceId, label: Option<&Label>) -> Physical {
    let file = sources.get(source);
    let region = label.map(|l| {
        let (start_line, start_column) = file.line_col(l.span.start);
        let (end_line, end_column) = file.line_col(l.span.end());
        Region {
            start_line,
            start_column,
            end_line,
            end_column,
        }
    });
    Physical {
        artifact_location: {
            let shown = file.display_path();
            let inside = sources.root().is_some() && !Path::new(&shown).is_absolute();
            Artifact {
                uri: uri(&shown),
                uri_base_id: inside.then_some(SRCROOT),
            }
        },
        region,
    }
}

fn fingerprint(d: &Diagnostic, occurrence: usize) -> String {
    format!("{}:{occurrence}", d.fingerprint)
}

/// Writes the SARIF log of a run to `out`, each result made as it is written.
pub fn write_sarif(
    mut out: impl std::io::Write,
    diagnostics: &[Diagnostic],
    sources: &Sources,
    facts: super::facts::FactsOf<'_>,
    codes: &[Code],
    lang: Lang,
) -> Result<(), serde_json::Error> {
    let rules = rules(codes);
    let mut seen = std::collections::HashMap::new();
    let occurrences = diagnostics
        .iter()
        .map(|d| {
            *seen
                .entry(d.fingerprint)
                .and_modify(|n| *n += 1)
                .or_insert(0usize)
        })
        .collect();
    let results = Results {
        occurrences,
        rules: &rules,
        sources,
        facts,
        lang,
    };
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "planlint",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: rules
                        .iter()
                        .map(|r| RuleDescriptor {
                            id: r.id,
                            name: r.id.split('-').map(capitalise).collect(),
                            short_description: Text {
                                text: format!("{} / {}", r.summary.1, r.summary.0),
                            },
                            full_description: Text {
                                text: format!("{} / {}", r.summary.1, r.summary.0),
                            },
                            help: Text {
                                text: r.help.clone(),
                            },
                            default_configuration: Configuration {
                                enabled: r.enabled,
                                level: level(r.severity),
                            },
                        })
                        .collect(),
                },
            },
            results: super::batched::ListGoesHere,
            original_uri_base_ids: root_uri(sources),
            column_kind: "unicodeCodePoints",
        }],
    };
    // log → runs → the run → its results: the list three levels down.
    super::batched::write_json_with_list(&mut out, &log, ("results", 3), diagnostics, |i, d| {
        results.item(d, results.occurrences[i])
    })?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

impl Results<'_> {
    fn item(&self, d: &Diagnostic, occurrence: usize) -> ResultItem<'_> {
        let (sources, lang) = (self.sources, self.lang);
        let rule_index = self
            .rules
            .iter()
            .position(|r| r.id == d.code.as_str())
            .unwrap_or(0);
        let mut text = d.message.get(lang).to_string();
        if let Some(help) = &d.help {
            text = format!("{text}\n{}", help.get(lang));
        }
        ResultItem {
            rule_id: d.code.as_str(),
            rule_index,
            level: level(d.severity),
            message: Text { text },
            locations: d
                .source
                .map(|s| LocationItem {
                    id: None,
                    physical_location: physical(sources, s, d.label.as_ref()),
                    message: None,
                    _marker: std::marker::PhantomData,
                })
                .into_iter()
                .collect(),
            related_locations: d
                .related
                .iter()
                .enumerate()
                .map(|(i, r)| LocationItem {
                    id: Some(i),
                    physical_location: physical(sources, r.source, Some(&r.label)),
                    message: Some(Text {
                        text: r.message.get(lang).to_string(),
                    }),
                    _marker: std::marker::PhantomData,
                })
                .collect(),
            partial_fingerprints: Fingerprints {
                v1: fingerprint(d, occurrence),
            },
            properties: Properties {
                subject: d.subject_facts(self.facts),
            },
        }
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod uri_tests {
    #[test]
    fn paths_are_percent_encoded() {
        assert_eq!(super::uri("plans/a b#?%.yaml"), "plans/a%20b%23%3F%25.yaml");
        assert_eq!(super::uri("./济南/x.txt"), "%E6%B5%8E%E5%8D%97/x.txt");
        assert_eq!(super::uri("a\nb:c"), "a%0Ab%3Ac");
    }
}

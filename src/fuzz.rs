//! Entry points for the fuzz targets in `fuzz/` (see fuzz/README.md): each reads arbitrary bytes
//! the way planlint reads a file of that kind, and must return, whatever the bytes, without a
//! panic, a hang or unbounded memory. Not part of the library's interface.

use std::path::Path;

use crate::ingest::schema::{JurisdictionFile, PlanFile, SidecarFile};
use crate::ingest::{jurisdiction_file, plan_file, text};
use crate::model::{Date, DocNumber, Quantity, Sources};
use crate::source::yaml;

/// A text plan: decoding (UTF-8, UTF-16, GB18030) and extraction.
pub fn text_plan(bytes: &[u8]) {
    if let Ok(original) = text::read_bytes(Path::new("plan.txt"), bytes) {
        let _ = text::extract(&original);
    }
}

/// A `.docx`: the archive and its XML, then extraction; then comment ranges on a few spans of
/// its text, which must leave the text as it was.
pub fn docx(bytes: &[u8]) {
    if let Ok(original) = text::docx::text(bytes) {
        let _ = text::extract(&original);
        let boundary = |at: usize| {
            (0..=at)
                .rev()
                .find(|&i| original.is_char_boundary(i))
                .unwrap_or(0)
        };
        let len = original.len();
        let spans = [
            0..len,
            boundary(len / 3)..boundary(2 * len / 3),
            boundary(len / 2)..boundary(len / 2),
        ];
        if let Ok((before, after)) = crate::export::docx::text_around_comments(bytes, &spans) {
            assert_eq!(before, after, "comment marks changed the text");
        }
    }
}

/// A PDF: parsed, each page's content interpreted, the lines laid out, then extraction.
pub fn pdf(bytes: &[u8]) {
    if let Ok(read) = text::fixed::read(text::fixed::Kind::Pdf, bytes) {
        let _ = text::extract(&read.text);
    }
}

/// An OFD: the archive, its document and pages as XML, the lines laid out, then extraction.
pub fn ofd(bytes: &[u8]) {
    if let Ok(read) = text::fixed::read(text::fixed::Kind::Ofd, bytes) {
        let _ = text::extract(&read.text);
    }
}

/// The annotator on a `.docx`: the parts read as XML, comments placed and merged, the package
/// rewritten and read back.
pub fn annotate(bytes: &[u8]) {
    let _ = crate::export::docx::annotate_bytes(bytes);
}

/// A plan file: YAML with spans, then every value converted as the loader does.
pub fn plan_yaml(bytes: &[u8]) {
    let Some((source, text)) = as_text(bytes) else {
        return;
    };
    let Ok(file) = yaml::parse::<PlanFile>(source, &text) else {
        return;
    };
    let mut diagnostics = Vec::new();
    if let Some(issued) = file.issued {
        let _ = plan_file::parse_date(source, issued, &mut diagnostics);
    }
    for citation in file.citations {
        let _ = plan_file::convert_citation(source, citation, &mut diagnostics);
    }
    for target in file.targets {
        let _ = plan_file::convert_target(source, target, None, &mut diagnostics);
    }
}

/// A `jurisdiction.yaml`.
pub fn jurisdiction_yaml(bytes: &[u8]) {
    let Some((source, text)) = as_text(bytes) else {
        return;
    };
    if let Ok(file) = yaml::parse::<JurisdictionFile>(source, &text) {
        let (aliases, normative) = Default::default();
        let _ = jurisdiction_file::convert(
            source,
            "fuzz".into(),
            file.into(),
            None,
            &mut jurisdiction_file::Registries::new(&aliases, &normative),
        );
    }
}

/// A sidecar.
pub fn sidecar_yaml(bytes: &[u8]) {
    if let Some((source, text)) = as_text(bytes) {
        let _ = yaml::parse::<SidecarFile>(source, &text);
    }
}

/// A 文号, a value with its unit and a date, as written anywhere.
pub fn values(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let _ = text.parse::<DocNumber>();
    let _ = text.parse::<Date>();
    let (value, unit) = text.split_once('|').unwrap_or((&text, ""));
    let _ = Quantity::parse(value, (!unit.is_empty()).then_some(unit));
    let _ = Quantity::parse(&text, None);
}

/// `planlint.yaml`.
pub fn config(bytes: &[u8]) {
    let Some((_, text)) = as_text(bytes) else {
        return;
    };
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    crate::config::Config::defaults().read_text(
        Path::new("planlint.yaml"),
        &text,
        &mut sources,
        &mut diagnostics,
    );
}

/// A baseline.
pub fn baseline(bytes: &[u8]) {
    let _ = crate::diagnostics::baseline::Baseline::parse(&String::from_utf8_lossy(bytes));
}

/// A cache entry against a text: the input is the text, a 0xFF byte (never in UTF-8), then the
/// entry. The entry is read as found on disk, and its bytes read again as the body of an entry
/// sealed for that text, of each kind (what extraction read, a parsed `jurisdiction.yaml`), so
/// that they reach the body's reader and the check of every place. What is accepted must be
/// usable: every place slices the text, every task index names a task.
pub fn cache_entry(bytes: &[u8]) {
    use crate::ingest::cache::{format, valid};
    use crate::ingest::jurisdiction_file::Declared;
    use crate::ingest::text::Extracted;
    let (text, entry) = match bytes.iter().position(|&b| b == 0xff) {
        Some(at) => (&bytes[..at], &bytes[at + 1..]),
        None => (bytes, &[][..]),
    };
    let text = String::from_utf8_lossy(text);
    let hash = format::text_hash(&text);
    let _ = format::decode::<Extracted>(entry, &hash, &text);
    let sealed = format::seal_as::<Declared>(&hash, entry);
    if let Ok(declared) = format::decode::<Declared>(&sealed, &hash, &text) {
        let _ = &text[declared.name_span.start..declared.name_span.end()];
    }
    if let Ok(extracted) = format::decode::<Extracted>(&format::seal(&hash, entry), &hash, &text) {
        for span in valid::spans(&extracted) {
            let _ = &text[span.start..span.end()];
        }
        for task in extracted.targets.iter().filter_map(|(_, task)| *task) {
            let _ = &extracted.tasks[task];
        }
    }
}

/// An extraction cache entry holding `body` for the text whose hash is `text_hash`
/// (hexadecimal), sealed as planlint seals its own: for tests of what another program could
/// write into the cache.
#[must_use]
pub fn seal_cache_entry(text_hash: &str, body: &[u8]) -> Vec<u8> {
    crate::ingest::cache::format::seal(text_hash, body)
}

/// The two kinds of cache entry, for tests that edit an entry as another program could.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheEntryKind {
    /// What extraction read from a plan's text.
    Extraction,
    /// A `jurisdiction.yaml` as parsed.
    Jurisdiction,
}

/// What the body of a cache entry of `kind` (its bytes after the first line) holds, as JSON
/// for a test to edit; `None` when the bytes are not such a body.
#[must_use]
pub fn cache_body_as_json(kind: CacheEntryKind, body: &[u8]) -> Option<serde_json::Value> {
    use crate::ingest::cache::format::read_body;
    match kind {
        CacheEntryKind::Extraction => serde_json::to_value(read_body::<text::Extracted>(body)?),
        CacheEntryKind::Jurisdiction => {
            serde_json::to_value(read_body::<jurisdiction_file::Declared>(body)?)
        }
    }
    .ok()
}

/// The body of a cache entry of `kind` holding `json`, written as planlint writes one; `None`
/// when the JSON is not what such an entry holds.
#[must_use]
pub fn cache_body_from_json(kind: CacheEntryKind, json: &serde_json::Value) -> Option<Vec<u8>> {
    use crate::ingest::cache::format::body_of;
    let json = json.clone();
    match kind {
        CacheEntryKind::Extraction => {
            body_of(&serde_json::from_value::<text::Extracted>(json).ok()?)
        }
        CacheEntryKind::Jurisdiction => {
            body_of(&serde_json::from_value::<jurisdiction_file::Declared>(json).ok()?)
        }
    }
}

fn as_text(bytes: &[u8]) -> Option<(crate::model::SourceId, String)> {
    let text = crate::source::decode_utf8(bytes).ok()?;
    let mut sources = Sources::default();
    let source = sources.add("fuzz.yaml".into(), text.as_str());
    Some((source, text))
}

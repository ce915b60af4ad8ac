//! One draft checked against a generation of the corpus, as `check DRAFT --corpus DIR` does,
//! and everything its page and downloads show, made once in each language: the JSON (the
//! bytes `check --format json` prints), the view, the annotated .docx, the 对照表 as .docx
//! and .csv.

use std::time::Instant;

use crate::code::{Code, Severity, ToolCode};
use crate::diagnostics::Diagnostic;
use crate::engine::{self, Inputs, Report};
use crate::error::Error;
use crate::export::{compare, docx};
use crate::i18n::{Lang, Msg};
use crate::model::PlanId;

use super::Settings;
use super::corpus::Generation;
use super::upload::{Kind, Upload};
use super::view::View;

/// What became of a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Read, placed and compared.
    Checked,
    /// Read, but its place is open: the reviewer picks among the candidates.
    Unplaced,
    /// Not read as a plan (a damaged file, a zip bomb, no text): the API answers 400.
    Unreadable,
}

/// A draft's review, held for its page and downloads.
#[derive(Debug)]
pub(crate) struct Review {
    pub(crate) name: String,
    pub(crate) created: Instant,
    pub(crate) outcome: Outcome,
    /// The corpus generation it was checked against.
    pub(crate) generation: u64,
    zh: Rendered,
    en: Rendered,
    /// The upload, kept (in memory) only while its place is open, so that picking the
    /// jurisdiction does not mean uploading it again.
    pub(crate) pending: Option<Upload>,
}

/// A review in one language.
#[derive(Debug)]
pub(crate) struct Rendered {
    pub(crate) view: View,
    /// The bytes `check DRAFT --corpus DIR --format json` prints.
    pub(crate) json: Vec<u8>,
    /// The draft with a Word comment at each error and warning and the 对照表 as appendix, as
    /// `check --annotate OUT.docx` writes it; why not, when it cannot be made.
    pub(crate) annotated: Result<Vec<u8>, Msg>,
    /// The 对照表 alone, as .docx and .csv.
    pub(crate) table_docx: Option<Vec<u8>>,
    pub(crate) table_csv: Option<String>,
}

impl Review {
    /// A review of `name` whose two languages hold `json_bytes` each (store tests).
    #[cfg(test)]
    pub(crate) fn of_json(name: &str, json_bytes: usize) -> Self {
        Self {
            name: name.to_string(),
            created: Instant::now(),
            outcome: Outcome::Checked,
            generation: 1,
            zh: Rendered::of_json(json_bytes),
            en: Rendered::of_json(json_bytes),
            pending: None,
        }
    }

    /// About the memory it holds: its downloads, its text in both languages, a held upload.
    #[must_use]
    pub(crate) fn bytes(&self) -> usize {
        let pending = self.pending.as_ref().map_or(0, |u| u.bytes.len());
        pending + self.zh.bytes() + self.en.bytes()
    }

    #[must_use]
    pub(crate) fn in_lang(&self, lang: Lang) -> &Rendered {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

impl Rendered {
    /// A review in one language holding `json_bytes` of JSON and nothing else (store tests).
    #[cfg(test)]
    pub(crate) fn of_json(json_bytes: usize) -> Self {
        Self {
            view: View::default(),
            json: vec![b' '; json_bytes],
            annotated: Err(crate::msg!("无", "none")),
            table_docx: None,
            table_csv: None,
        }
    }

    fn bytes(&self) -> usize {
        let text: usize = self
            .view
            .text
            .iter()
            .map(|piece| match piece {
                super::view::Piece::Plain(text) | super::view::Piece::Marked { text, .. } => {
                    text.len()
                }
            })
            .sum();
        text + self.json.len()
            + self.annotated.as_ref().map_or(0, Vec::len)
            + self.table_docx.as_ref().map_or(0, Vec::len)
            + self.table_csv.as_ref().map_or(0, String::len)
    }
}

/// Checks `upload` against `generation` (on the calling thread: run it on a blocking one).
pub(crate) fn check(
    settings: &Settings,
    generation: &Generation,
    upload: Upload,
) -> Result<Review, Error> {
    // The upload lives in a private folder (0700) only while it is checked.
    let folder = tempfile::Builder::new()
        .prefix("planlint-upload-")
        .tempdir()
        .map_err(|e| Error::Output(e.to_string()))?;
    let path = folder.path().join(&upload.name);
    std::fs::write(&path, &upload.bytes).map_err(|e| Error::write(&path, e))?;
    let mut names = generation.names();
    names.push((path.clone(), upload.name.clone()));
    let inputs = Inputs {
        paths: vec![path],
        corpus: vec![generation.snapshot().to_path_buf()],
        jurisdiction: upload.jurisdiction.clone(),
        lints_dir: settings.lints_dir.clone(),
        cache: settings.cache,
        names,
        ..Inputs::default()
    };
    let report = engine::check(&settings.config, &inputs)?;
    drop(folder);
    let outcome = outcome(&report);
    let keep_upload = outcome == Outcome::Unplaced;
    let docx_bytes = (upload.kind == Kind::Docx).then_some(&upload.bytes[..]);
    let review = Review {
        name: upload.name.clone(),
        created: Instant::now(),
        outcome,
        generation: generation.number,
        zh: render(&report, generation, docx_bytes, Lang::Zh),
        en: render(&report, generation, docx_bytes, Lang::En),
        pending: keep_upload.then_some(upload),
    };
    Ok(review)
}

/// The draft's plan, when it was read as one.
#[must_use]
pub(crate) fn draft_plan(report: &Report) -> Option<PlanId> {
    report.corpus.plan_of(*report.corpus.drafts.first()?)
}

fn outcome(report: &Report) -> Outcome {
    if draft_plan(report).is_some() {
        return Outcome::Checked;
    }
    let placement_open = report.findings.iter().any(|d| {
        matches!(
            d.code,
            Code::Tool(ToolCode::UnknownJurisdiction | ToolCode::AmbiguousJurisdiction)
        )
    });
    if placement_open {
        Outcome::Unplaced
    } else {
        Outcome::Unreadable
    }
}

fn render(
    report: &Report,
    generation: &Generation,
    docx_bytes: Option<&[u8]>,
    lang: Lang,
) -> Rendered {
    let mut json = Vec::new();
    let written = crate::diagnostics::json::write_json(
        &mut json,
        &report.findings,
        report.summary(),
        &report.corpus.sources,
        &|id| report.facts(id),
        lang,
    );
    if let Err(err) = written {
        json = serde_json::json!({ "error": err.to_string() })
            .to_string()
            .into_bytes();
    }
    let plan = draft_plan(report);
    let tables: Vec<compare::Table> = plan
        .map(|plan| vec![compare::table(report, plan, lang)])
        .unwrap_or_default();
    let annotated = annotated(report, plan, docx_bytes, &tables, lang);
    Rendered {
        view: View::of(report, generation, plan, tables.first(), lang),
        json,
        annotated,
        table_docx: (!tables.is_empty())
            .then(|| docx::tables_document(&tables, lang).ok())
            .flatten(),
        table_csv: (!tables.is_empty())
            .then(|| compare::to_csv(&tables, lang).ok())
            .flatten(),
    }
}

/// The annotated copy, with the errors and warnings (what `--annotate` comments by default).
fn annotated(
    report: &Report,
    plan: Option<PlanId>,
    docx_bytes: Option<&[u8]>,
    tables: &[compare::Table],
    lang: Lang,
) -> Result<Vec<u8>, Msg> {
    let Some(plan) = plan else {
        return Err(crate::msg!(
            "草案未能读取为方案，不生成批注版",
            "the draft could not be read as a plan; no annotated copy is made"
        ));
    };
    let source = report.corpus.plan(plan).source;
    let findings: Vec<&Diagnostic> = report
        .findings
        .iter()
        .filter(|d| d.source == Some(source) && d.severity != Severity::Note)
        .collect();
    docx::annotate(&docx::Draft {
        report,
        source,
        docx: docx_bytes,
        findings: &findings,
        tables,
        lang,
    })
}

//! Human output: each finding rendered by miette's graphical handler, with the source lines it
//! points at. The parent's sentence, in another file, comes as a related diagnostic because one
//! miette report cannot hold labels from two files.

use std::fmt;
use std::sync::Arc;

use super::columns::{back, columns, forward, line_end, line_start};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::terminal::{safe_source, safe_text};
use super::{Diagnostic, Label, Severity};

use crate::i18n::Lang;
use crate::model::Sources;

/// How the terminal output looks.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub lang: Lang,
    pub color: bool,
    pub width: usize,
}

/// Renders findings as miette reports, one after another.
pub struct HumanRenderer<'s> {
    handler: GraphicalReportHandler,
    lang: Lang,
    named: Vec<Arc<FileSource>>,
    /// The files as read, for their line indexes.
    sources: &'s Sources,
}

impl<'s> HumanRenderer<'s> {
    #[must_use]
    pub fn new(sources: &'s Sources, options: RenderOptions) -> Self {
        let theme = if options.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(options.width)
            .with_links(false)
            .without_syntax_highlighting();
        let named = sources
            .iter()
            .map(|(_, file)| {
                Arc::new(FileSource {
                    name: safe_text(&file.display_path()),
                    raw: Arc::clone(&file.text),
                    safe: std::sync::OnceLock::new(),
                    columns: options.width,
                })
            })
            .collect();
        Self {
            handler,
            lang: options.lang,
            named,
            sources,
        }
    }

    /// One finding as text.
    pub fn render(&self, diagnostic: &Diagnostic, out: &mut String) -> fmt::Result {
        let mut view = self.view(diagnostic);
        // Related places are rendered as reports of their own (a ☞ header and a snippet):
        // miette's own related rendering prefixes each with "Advice:" or wraps paths.
        let related = std::mem::take(&mut view.related);
        let mut report = String::new();
        self.handler.render_report(&mut report, &view)?;
        // miette writes `help:` in English; in Chinese it reads 帮助：, as wide, so wrapped help
        // lines stay aligned.
        if self.lang == Lang::Zh {
            report = report.replace("\n  help: ", "\n  帮助：");
        }
        out.push_str(&report);
        for place in &related {
            self.handler.render_report(out, place)?;
        }
        Ok(())
    }

    fn view(&self, d: &Diagnostic) -> View {
        let source = d.source.map(|s| Arc::clone(&self.named[s.0]));
        let mut labels = Vec::new();
        let mut related = Vec::new();
        match &d.label {
            Some(label) => labels.push(labeled(label, self.lang, true, source.as_deref())),
            // A finding about a whole file still names the file.
            None if source.is_some() => {
                labels.push(LabeledSpan::new_primary_with_span(None, (0, 0)))
            }
            None => {}
        }
        // Labels far from the primary one would make miette print every line between them:
        // those get a snippet of their own, after the finding.
        let primary_line = d.label.as_ref().map(|l| self.line_of(d, l));
        for label in &d.secondary {
            let near =
                primary_line.is_some_and(|p| self.line_of(d, label).abs_diff(p) <= NEAR_LINES);
            if near {
                labels.push(labeled(label, self.lang, false, source.as_deref()));
            } else if let Some(source) = &source {
                let span = LabeledSpan::new_primary_with_span(
                    None,
                    source.fit(label.span.start, label.span.len),
                );
                related.push(self.view_at(Arc::clone(source), label.text.get(self.lang), span));
            }
        }
        related.extend(d.related.iter().map(|r| {
            let source = Arc::clone(&self.named[r.source.0]);
            let span = labeled(&r.label, self.lang, true, Some(&source));
            self.view_at(source, r.message.get(self.lang), span)
        }));
        View {
            // The heading says how serious the finding is in words, then its code:
            // `error[weaker-target]`, `错误[weaker-target]`.
            code: Some(match self.lang {
                Lang::Zh => format!("{}[{}]", d.severity.zh(), d.code),
                Lang::En => format!("{}[{}]", d.severity.en(), d.code),
            }),
            severity: match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Note => miette::Severity::Advice,
            },
            message: safe_text(d.message.get(self.lang)),
            help: d.help.as_ref().map(|h| safe_text(h.get(self.lang))),
            labels,
            source,
            related,
        }
    }
}

/// Secondary labels within this many lines of the primary share its snippet.
const NEAR_LINES: usize = 4;

impl HumanRenderer<'_> {
    /// The line a label is on (from the file's line index, not a scan from its start).
    fn line_of(&self, d: &Diagnostic, label: &Label) -> usize {
        d.source
            .map_or(0, |s| self.sources.get(s).line_col(label.span.start).0)
    }

    /// A ☞ report of one place: a caption and a snippet.
    fn view_at(&self, source: Arc<FileSource>, message: &str, span: LabeledSpan) -> View {
        View {
            code: None,
            severity: miette::Severity::Advice,
            message: safe_text(message),
            help: None,
            labels: vec![span],
            source: Some(source),
            related: Vec::new(),
        }
    }
}

fn labeled(label: &Label, lang: Lang, primary: bool, source: Option<&FileSource>) -> LabeledSpan {
    let text = Some(safe_text(label.text.get(lang))).filter(|t| !t.is_empty());
    let span = source.map_or((label.span.start, label.span.len), |s| {
        s.fit(label.span.start, label.span.len)
    });
    if primary {
        LabeledSpan::new_primary_with_span(text, span)
    } else {
        LabeledSpan::new_with_span(text, span)
    }
}

/// A finding as miette sees it.
#[derive(Debug)]
struct View {
    code: Option<String>,
    severity: miette::Severity,
    message: String,
    help: Option<String>,
    labels: Vec<LabeledSpan>,
    source: Option<Arc<FileSource>>,
    related: Vec<View>,
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for View {}

impl miette::Diagnostic for View {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s.as_ref() as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() || self.source.is_none() {
            return None;
        }
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
    }
}

/// A file as miette reads it, but with columns counted in characters as a person counts them:
/// miette counts bytes, which puts `到2025年` three columns per Chinese character off.
#[derive(Debug)]
struct FileSource {
    name: String,
    raw: Arc<str>,
    /// The text made safe to print ([`safe_source`]), made on first use: only files with
    /// findings are ever copied.
    safe: std::sync::OnceLock<String>,
    /// The output's width: a line wider than fits is shown as a window around the span.
    columns: usize,
}

/// Columns taken before the source text: the line number and the bar (`  86 │ `).
const GUTTER: usize = 10;
/// The least context kept on each side of the span in a window, in columns.
const MIN_MARGIN: usize = 8;
/// The columns kept right of a span for the label drawn from it (`╰── parent: more than 90%`).
const LABEL_ROOM: usize = 34;

impl FileSource {
    fn text(&self) -> &str {
        self.safe.get_or_init(|| safe_source(&self.raw))
    }

    /// The columns a source line may take.
    fn room(&self) -> usize {
        self.columns.saturating_sub(GUTTER).max(2 * MIN_MARGIN + 10)
    }

    /// The width of the line that holds `offset`.
    fn line_width(&self, offset: usize) -> usize {
        let text: &str = self.text();
        text.get(line_start(text, offset)..line_end(text, offset))
            .map_or(0, columns)
    }

    /// A span on one line too wide for the output is underlined over its beginning only, so
    /// that the underline and its label stay on screen.
    fn fit(&self, start: usize, len: usize) -> (usize, usize) {
        let Some(spanned) = self.text().get(start..start + len) else {
            return (start, len);
        };
        let most = self.room() - 2 * MIN_MARGIN;
        if spanned.contains('\n')
            || columns(spanned) <= most
            || self.line_width(start) <= self.room()
        {
            return (start, len);
        }
        (
            start,
            forward(self.text(), start, most, start + len) - start,
        )
    }
}

impl SourceCode for FileSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text: &'a str = self.text();
        let room = self.room();
        let fits = |data: &[u8]| {
            std::str::from_utf8(data).is_ok_and(|d| d.lines().all(|l| columns(l) <= room))
        };
        let inner = text.read_span(span, context_lines_before, context_lines_after)?;
        let offset = span.offset().min(text.len());
        let line_start = line_start(text, offset);
        let column = text
            .get(line_start..offset)
            .map_or(inner.column(), |s| s.chars().count());
        let end = (offset + span.len()).min(text.len());
        // A label is drawn from the span rightwards: a span near the end of a long line is
        // shown in a window too, so the label stays on screen.
        let label_fits = match (text.get(line_start..offset), text.get(offset..end)) {
            (Some(before), Some(spanned)) => {
                spanned.contains('\n')
                    || columns(before) + columns(spanned) / 2 + LABEL_ROOM <= room
            }
            _ => true,
        };
        if !fits(inner.data()) || !label_fits {
            // A wide line of context is dropped; then a paragraph on one line (Word, Markdown,
            // a PDF's table row) that would run past the terminal, and the underline with it,
            // is cut to the part around the span, sized to the output.
            let line_end = line_end(text, end);
            let whole_line = text.get(line_start..line_end).unwrap_or_default();
            let (start, stop) = if label_fits && fits(whole_line.as_bytes()) {
                (line_start, line_end)
            } else {
                let span_width = text.get(offset..end).map_or(0, columns);
                let margin = (room.saturating_sub(span_width) / 2).max(MIN_MARGIN);
                // Room the right side does not need (the span near the line's end) goes to the
                // left, short of what the label drawn from the span needs.
                let width = |from: usize, to: usize| text.get(from..to).map_or(0, columns);
                let stop = forward(text, end, margin, line_end);
                let left = (2 * margin - width(end, stop).min(margin))
                    .min(room.saturating_sub(span_width + LABEL_ROOM))
                    .max(margin.min(MIN_MARGIN));
                let start = back(text, offset, left.max(MIN_MARGIN), line_start);
                let stop = forward(
                    text,
                    end,
                    2 * margin - width(start, offset).min(2 * margin),
                    line_end,
                );
                (start, stop)
            };
            let line = text.get(..start).map_or(0, |b| b.matches('\n').count());
            let window = text.get(start..stop).unwrap_or_default();
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                window.as_bytes(),
                SourceSpan::from((start, stop - start)),
                line,
                column,
                window.matches('\n').count() + 1,
            )));
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

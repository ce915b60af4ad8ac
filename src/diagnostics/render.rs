//! Human output: each finding rendered by miette's graphical handler, with the source lines it
//! points at. The parent's sentence, in another file, comes as a related diagnostic because one
//! miette report cannot hold labels from two files.

use std::fmt;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::snippet::FileSource;
use super::terminal::safe_text;
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
                Arc::new(
                    FileSource::new(
                        safe_text(&file.display_path()),
                        Arc::clone(&file.text),
                        options.width,
                    )
                    .with_printed(file.printed().cloned(), options.lang),
                )
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

//! `planlint check`: read the corpus, build the graph, run the lints, print the findings.

use std::io::IsTerminal;

use super::{CheckArgs, Color, ExitStatus, Format, report_failure, write_stdout};
use crate::config::{Config, Overrides};
use crate::diagnostics::render::{HumanRenderer, RenderOptions};
use crate::diagnostics::{self, Severity, Summary};
use crate::i18n::Lang;
use crate::lints::{self, LintMeta};

/// A user's lint selection that names no lint.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{0}")]
#[diagnostic(
    code(planlint::cli::unknown_lint),
    help("`planlint explain --all` lists every lint / 列出全部规则")
)]
struct SelectionError(lints::UnknownLint);

fn selection(args: &CheckArgs) -> Result<Option<Vec<&'static LintMeta>>, SelectionError> {
    let parse = |codes: &[String]| -> Result<Vec<&'static LintMeta>, SelectionError> {
        codes
            .iter()
            .map(|c| lints::lookup(c.trim()).map_err(SelectionError))
            .collect()
    };
    let selected = parse(&args.select)?;
    let ignored = parse(&args.ignore)?;
    if selected.is_empty() && ignored.is_empty() {
        return Ok(None);
    }
    let base: Vec<&'static LintMeta> = if selected.is_empty() {
        lints::ALL.to_vec()
    } else {
        selected
    };
    Ok(Some(
        base.into_iter()
            .filter(|l| !ignored.iter().any(|i| std::ptr::eq(*i, *l)))
            .collect(),
    ))
}

/// The configuration of a run: `--config FILE`, else planlint.yaml found upward, else the
/// defaults; then the command line's overrides. A broken configuration is reported and ends
/// the run.
pub(super) fn configuration(
    args: &super::ConfigArgs,
    lang: Option<Lang>,
) -> Result<Config, ExitStatus> {
    let path = args.config.clone().or_else(Config::discover);
    let overrides = Overrides {
        allow: args.allow.clone(),
        warn: args.warn.clone(),
        deny: args.deny.clone(),
    };
    Config::load(path.as_deref(), &overrides).map_err(|err| {
        let lang = lang.unwrap_or_else(Lang::from_env);
        let summary = Summary::of(&err.diagnostics, 1);
        eprint!(
            "{}",
            human(
                &err.diagnostics,
                summary,
                &err.sources,
                lang,
                Color::Never,
                false
            )
        );
        ExitStatus::Failure
    })
}

/// `planlint config`.
pub(super) fn print_config(args: &super::ConfigArgs) -> ExitStatus {
    match configuration(args, None) {
        Ok(config) => match write_stdout(&config.to_yaml()) {
            Ok(()) => ExitStatus::Clean,
            Err(err) => {
                eprintln!("planlint: {err}");
                ExitStatus::Failure
            }
        },
        Err(status) => status,
    }
}

pub(super) fn run(args: &CheckArgs) -> ExitStatus {
    let config = match configuration(&args.config, args.lang) {
        Ok(config) => config,
        Err(status) => return status,
    };
    let lang = args.lang.or(config.lang).unwrap_or_else(Lang::from_env);
    let selected = match selection(args) {
        Ok(s) => s,
        Err(err) => {
            report_failure(&err);
            return ExitStatus::Failure;
        }
    };
    // The configuration's levels decide which lints run; --select and --ignore narrow that.
    let enabled = config.enabled();
    let selected: Vec<&'static LintMeta> = match selected {
        Some(chosen) => chosen
            .into_iter()
            .filter(|l| enabled.iter().any(|e| std::ptr::eq(*e, *l)))
            .collect(),
        None => enabled,
    };
    let paths = if args.paths.is_empty() {
        config.include.clone()
    } else {
        args.paths.clone()
    };
    let exclude = |p: &std::path::Path| config.excludes(p);
    let loaded = if args.corpus.is_empty() {
        crate::ingest::load_filtered(
            &paths,
            args.lints.as_deref(),
            &crate::ingest::Drafts::default(),
            &exclude,
        )
    } else {
        let drafts = crate::ingest::Drafts {
            paths: args.paths.clone(),
            jurisdiction: args.jurisdiction.clone(),
        };
        crate::ingest::load_filtered(&args.corpus, args.lints.as_deref(), &drafts, &exclude)
    };
    let mut corpus = match loaded {
        Ok(corpus) => corpus,
        Err(err) => {
            report_failure(&err);
            return ExitStatus::Failure;
        }
    };
    let graph = crate::graph::build(&mut corpus);
    let mut findings = std::mem::take(&mut corpus.diagnostics);
    findings.extend(lints::run_with(
        &corpus,
        &graph,
        Some(&selected),
        config.thresholds,
    ));
    config.apply(&mut findings);
    let ran: Vec<&'static str> = selected.iter().map(|l| l.code).collect();
    lints::suppressions::apply(&corpus, &ran, &mut findings);
    diagnostics::sort(&mut findings, &corpus.sources);
    if args.fix || args.diff {
        return fix(args, &config, &findings, &corpus, lang);
    }
    if let Some(path) = &args.write_baseline {
        return write_baseline(path.as_deref(), &config, &findings, &corpus.sources, lang);
    }
    if let Err(status) = filter_by_baseline(args, &config, &mut findings, &corpus.sources, lang) {
        return status;
    }
    if !args.corpus.is_empty() {
        // A draft is reviewed, not the corpus: only findings located in the drafts are shown.
        findings.retain(|d| d.source.is_none_or(|s| corpus.drafts.contains(&s)));
    }
    let summary = Summary::of(&findings, corpus.files);
    let text = match args.format {
        Format::Human => human(&findings, summary, &corpus.sources, lang, args.color, true),
        Format::Json => match diagnostics::json::to_json(&findings, summary, &corpus.sources, lang)
        {
            Ok(text) => text,
            Err(err) => {
                eprintln!("planlint: {err}");
                return ExitStatus::Failure;
            }
        },
        Format::Sarif => match diagnostics::sarif::to_sarif(&findings, &corpus.sources, lang) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("planlint: {err}");
                return ExitStatus::Failure;
            }
        },
        Format::Github => diagnostics::github::to_github(&findings, summary, &corpus.sources, lang),
    };
    if let Err(err) = write_stdout(&text) {
        eprintln!("planlint: {err}");
        return ExitStatus::Failure;
    }
    if findings.iter().any(|d| d.severity == Severity::Error) {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}

pub(super) fn human(
    findings: &[crate::diagnostics::Diagnostic],
    summary: Summary,
    sources: &crate::model::Sources,
    lang: Lang,
    color: Color,
    with_summary: bool,
) -> String {
    let color = match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100);
    let renderer = HumanRenderer::new(sources, RenderOptions { lang, color, width });
    let mut text = String::new();
    for finding in findings {
        if renderer.render(finding, &mut text).is_err() {
            text.push_str(finding.message.get(lang));
        }
        text.push('\n');
    }
    if with_summary {
        text.push_str(&summary.line(lang));
        text.push('\n');
    }
    text
}

/// `--write-baseline [FILE]`.
fn write_baseline(
    path: Option<&std::path::Path>,
    config: &Config,
    findings: &[crate::diagnostics::Diagnostic],
    sources: &crate::model::Sources,
    lang: Lang,
) -> ExitStatus {
    let path = path.map(std::path::Path::to_path_buf).unwrap_or_else(|| {
        config
            .baseline
            .clone()
            .unwrap_or_else(|| std::path::PathBuf::from(diagnostics::baseline::DEFAULT_FILE))
    });
    let baseline = diagnostics::baseline::Baseline::of(findings, sources);
    let text = match baseline.to_json() {
        Ok(text) => text,
        Err(err) => {
            eprintln!("planlint: {err}");
            return ExitStatus::Failure;
        }
    };
    // Asked for by name: replacing the previous baseline is the point.
    if let Err(err) = super::extract::write_new_file(&path, &text, true) {
        eprintln!(
            "planlint: {}: {err}",
            crate::model::span::display_path(&path)
        );
        return ExitStatus::Failure;
    }
    let (n, shown) = (findings.len(), crate::model::span::display_path(&path));
    let line = match lang {
        Lang::Zh => format!("已将 {n} 个问题写入基线 {shown}\n"),
        Lang::En => format!("wrote {n} findings to the baseline {shown}\n"),
    };
    eprint!("{line}");
    ExitStatus::Clean
}

/// `--baseline FILE`, or the configuration's baseline when it exists: leaves out the findings it
/// lists and says how many of its entries are fixed.
fn filter_by_baseline(
    args: &CheckArgs,
    config: &Config,
    findings: &mut Vec<crate::diagnostics::Diagnostic>,
    sources: &crate::model::Sources,
    lang: Lang,
) -> Result<(), ExitStatus> {
    let path = match (&args.baseline, &config.baseline) {
        (Some(path), _) => path.clone(),
        (None, Some(path)) if path.is_file() => path.clone(),
        _ => return Ok(()),
    };
    let shown = crate::model::span::display_path(&path);
    let baseline = std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|text| diagnostics::baseline::Baseline::parse(&text).map_err(|e| e.to_string()));
    let baseline = match baseline {
        Ok(b) => b,
        Err(err) => {
            eprintln!("planlint: {shown}: {err} / 基线文件无法读取");
            return Err(ExitStatus::Failure);
        }
    };
    let fixed = baseline.filter(findings, sources);
    if fixed > 0 {
        let line = match lang {
            Lang::Zh => format!(
                "基线 {shown} 中有 {fixed} 个问题已不再出现；用 --write-baseline 更新基线\n"
            ),
            Lang::En => format!(
                "{fixed} findings of the baseline {shown} are gone; update it with --write-baseline\n"
            ),
        };
        eprint!("{line}");
    }
    Ok(())
}

/// `--fix` and `--diff`.
fn fix(
    args: &CheckArgs,
    config: &Config,
    findings: &[crate::diagnostics::Diagnostic],
    corpus: &crate::ingest::Corpus,
    lang: Lang,
) -> ExitStatus {
    // Checking drafts against a corpus fixes the drafts only.
    let in_scope = |d: &crate::diagnostics::Diagnostic| {
        d.source
            .is_some_and(|s| args.corpus.is_empty() || corpus.drafts.contains(&s))
    };
    let (fixes, skipped) = crate::fix::plan(findings, &corpus.sources, |d| {
        (config.fix_aliases || d.code != "agency-alias") && in_scope(d)
    });
    for s in &skipped {
        let shown = crate::model::span::display_path(&s.path);
        eprintln!("planlint: {shown}: {}", s.reason.get(lang));
    }
    if args.diff {
        let text: String = fixes.iter().map(crate::fix::diff).collect();
        if let Err(err) = write_stdout(&text) {
            eprintln!("planlint: {err}");
            return ExitStatus::Failure;
        }
        return if fixes.is_empty() {
            ExitStatus::Clean
        } else {
            ExitStatus::Findings
        };
    }
    for f in &fixes {
        if let Err(err) = super::extract::write_new_file(&f.path, &f.fixed, true) {
            eprintln!(
                "planlint: {}: {err}",
                crate::model::span::display_path(&f.path)
            );
            return ExitStatus::Failure;
        }
    }
    let (count, files) = (fixes.iter().map(|f| f.findings).sum::<usize>(), fixes.len());
    let line = match lang {
        Lang::Zh => format!("已修复 {count} 个问题（{files} 个文件）\n"),
        Lang::En => format!("fixed {count} findings in {files} files\n"),
    };
    eprint!("{line}");
    // What remains is reported as a plain check would, with the fixed files read again.
    let rerun = CheckArgs {
        paths: args.paths.clone(),
        format: args.format,
        lang: args.lang,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        lints: args.lints.clone(),
        color: args.color,
        corpus: args.corpus.clone(),
        jurisdiction: args.jurisdiction.clone(),
        config: args.config.clone(),
        baseline: args.baseline.clone(),
        write_baseline: None,
        fix: false,
        diff: false,
    };
    run(&rerun)
}

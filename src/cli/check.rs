//! `planlint check`: read the corpus, build the graph, run the lints, print the findings.

use super::context::RunContext;
use std::io::Write as _;

use super::{CheckArgs, ExitStatus, Format, report_failure};
use crate::code::Code;
use crate::config::Config;
use crate::diagnostics::{self, Severity};
use crate::engine::{self, BaselineUse, Inputs, Report};
use crate::error::Error;
use crate::i18n::Lang;
use crate::lints;

/// Parses `--select` and `--ignore`.
fn codes(given: &[String]) -> Result<Vec<Code>, Error> {
    given
        .iter()
        .map(|c| lints::lookup(c.trim()).map_err(Error::from))
        .collect()
}

/// What the command line asks the engine to read and report.
pub(super) fn inputs(args: &CheckArgs, context: &RunContext) -> Result<Inputs, Error> {
    let baseline = if args.fix || args.diff || args.write_baseline.is_some() || args.no_baseline {
        BaselineUse::Off
    } else {
        args.baseline
            .clone()
            .map_or(BaselineUse::FromConfig, BaselineUse::File)
    };
    let (changed, before) = match &args.changed_since {
        Some(reference) => {
            let changes = super::changed::changed_files(reference)?;
            (Some(changes.files), changes.before)
        }
        None => Default::default(),
    };
    Ok(Inputs {
        select: codes(&args.select)?,
        ignore: codes(&args.ignore)?,
        baseline,
        changed,
        before,
        ..context.inputs(&args.input)
    })
}

/// `planlint config`.
pub(super) fn print_config(args: &super::ConfigCommandArgs) -> ExitStatus {
    match super::context::configuration(&args.config, args.lang) {
        Ok(config) => {
            let lang = super::context::language(args.lang, &config);
            super::emit(Ok(config.to_yaml()), None, false, lang)
        }
        Err(status) => status,
    }
}

pub(super) fn run(args: &CheckArgs) -> ExitStatus {
    let cache = super::context::cache_wanted(args.run.no_cache);
    match super::replay::begin(args, cache) {
        super::replay::Begun::Replayed(status) => status,
        super::replay::Begun::Run(mut recorder) => {
            let status = run_recorded(args, &mut recorder);
            recorder.finish(status)
        }
    }
}

/// A `check` that is run (not replayed), printing through `recorder`.
fn run_recorded(args: &CheckArgs, recorder: &mut super::replay::Recorder) -> ExitStatus {
    let context = match RunContext::new(&args.run) {
        Ok(context) => context,
        Err(status) => return status,
    };
    let (config, lang) = (&context.config, context.lang);
    let report = match inputs(args, &context).and_then(|inputs| engine::check(config, &inputs)) {
        Ok(report) => report,
        Err(err) => {
            report_failure(&err, lang);
            return ExitStatus::Failure;
        }
    };
    if report.corpus.cache_note.is_some() {
        recorder.forgo();
    }
    super::context::cache_note(&report, lang);
    if args.fix || args.diff {
        return fix(args, config, &report, lang);
    }
    if let Some(path) = &args.write_baseline {
        return write_baseline(path.as_deref(), config, &report, lang);
    }
    if let Some(why) = report.widened() {
        recorder.say(&super::changed::widened_line(
            why,
            &report.corpus.sources,
            lang,
        ));
    }
    if let Some((fixed, path)) = &report.baseline_fixed {
        recorder.say(&baseline_fixed_line(*fixed, path, lang));
    }
    let summary = report.summary();
    let min_level = if args.quiet {
        super::MinLevel::Error
    } else {
        args.min_level.unwrap_or(super::MinLevel::Note)
    };
    // The findings shown: all of them, borrowed, unless a level leaves some out.
    let shown: std::borrow::Cow<'_, [crate::diagnostics::Diagnostic]> =
        if report.findings.iter().all(|d| min_level.shows(d.severity)) {
            std::borrow::Cow::Borrowed(&report.findings)
        } else {
            report
                .findings
                .iter()
                .filter(|d| min_level.shows(d.severity))
                .cloned()
                .collect()
        };
    let findings: &[crate::diagnostics::Diagnostic] = &shown;
    let written = print(recorder, |out| {
        write_report(
            out,
            args.format,
            findings,
            summary,
            &report,
            lang,
            args.color,
        )
    })
    .map_err(Error::Output);
    if let Err(err) = written {
        report_failure(&err, lang);
        return ExitStatus::Failure;
    }
    if let Some(out) = &args.annotate {
        // The Word copy has its own level, whatever the terminal shows.
        let commented: Vec<_> = report
            .findings
            .iter()
            .filter(|d| args.annotate_level.shows(d.severity))
            .cloned()
            .collect();
        let annotated = super::annotate::write(
            &args.input.paths,
            out,
            args.force,
            &report,
            &commented,
            lang,
        );
        if let Err(err) = annotated {
            report_failure(&err, lang);
            return ExitStatus::Failure;
        }
    }
    let status = if findings.iter().any(|d| d.severity == Severity::Error) {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    };
    // The process ends with this command: the system takes the memory back at once, while
    // freeing a national corpus piece by piece takes a twentieth of a warm run.
    std::mem::forget(shown);
    std::mem::forget(report);
    status
}

/// Every file a report covers, as it prints them: the plans read (the drafts only, when drafts
/// are checked against a corpus).
fn checked_files(report: &Report) -> Vec<String> {
    let corpus = &report.corpus;
    corpus
        .plans
        .iter()
        .filter(|plan| report.reports_on(plan.source))
        .map(|plan| corpus.sources.get(plan.source).display_path())
        .collect()
}

/// `--write-baseline [FILE]`.
fn write_baseline(
    path: Option<&std::path::Path>,
    config: &Config,
    report: &Report,
    lang: Lang,
) -> ExitStatus {
    let path = path.map(std::path::Path::to_path_buf).unwrap_or_else(|| {
        config
            .baseline
            .clone()
            .unwrap_or_else(|| std::path::PathBuf::from(diagnostics::baseline::DEFAULT_FILE))
    });
    let baseline = diagnostics::baseline::Baseline::of(&report.findings, &report.corpus.sources);
    // Replacing the previous baseline is the point; replacing anything else (a plan given by
    // mistake) is refused. Only a regular file is read: a pipe would wait forever, and the
    // writer refuses anything else at the path.
    let regular = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
    let replaces = regular
        && std::fs::read_to_string(&path).is_ok_and(|old| {
            serde_json::from_str::<serde_json::Value>(&old)
                .is_ok_and(|v| v.get("version").is_some() && v.get("findings").is_some())
        });
    let written = baseline
        .to_json()
        .map_err(|e| Error::Output(e.to_string()))
        .and_then(|text| {
            super::output::write_new_file(&path, text.as_bytes(), replaces)
                .map_err(|e| Error::write(&path, e))
        });
    if let Err(err) = written {
        report_failure(&err, lang);
        return ExitStatus::Failure;
    }
    let (n, shown) = (
        report.findings.len(),
        crate::model::span::display_path(&path),
    );
    let line = match lang {
        Lang::Zh => format!("已将 {n} 个问题写入基线 {shown}\n"),
        Lang::En => format!("wrote {n} findings to the baseline {shown}\n"),
    };
    eprint!("{line}");
    ExitStatus::Clean
}

/// What to say of the entries of the baseline that no longer match a finding (nothing when
/// none).
fn baseline_fixed_line(fixed: usize, path: &std::path::Path, lang: Lang) -> String {
    if fixed == 0 {
        return String::new();
    }
    let shown = crate::model::span::display_path(path);
    match lang {
        Lang::Zh => {
            format!("基线 {shown} 中有 {fixed} 个问题已不再出现；用 --write-baseline 更新基线\n")
        }
        Lang::En => format!(
            "{fixed} findings of the baseline {shown} are gone; update it with --write-baseline\n"
        ),
    }
}

fn report_held_back(held_back: usize, lang: Lang) {
    let line = match lang {
        Lang::Zh => format!(
            "已印发文本或上级方案中有 {held_back} 处可修正，未作修改；如确需修改，请加 --fix-corpus\n"
        ),
        Lang::En => format!(
            "{held_back} fixes in issued texts or parent plans were left alone: give --fix-corpus to make them\n"
        ),
    };
    eprint!("{line}");
}

/// `--fix` and `--diff`.
fn fix(args: &CheckArgs, config: &Config, report: &Report, lang: Lang) -> ExitStatus {
    let (findings, corpus) = (&report.findings, &report.corpus);
    let opted_in = |d: &crate::diagnostics::Diagnostic| {
        d.fix().is_some_and(|f| {
            f.applicability == crate::fix::Applicability::Safe || config.fix_aliases
        })
    };
    // A draft may be fixed; an issued text or a parent plan only when asked.
    let drafts = report.draft_sources();
    let in_scope = |d: &crate::diagnostics::Diagnostic| {
        d.source
            .is_some_and(|s| args.fix_corpus || drafts.contains(&s))
    };
    let held_back = findings
        .iter()
        .filter(|d| opted_in(d) && !in_scope(d))
        .count();
    if held_back > 0 {
        report_held_back(held_back, lang);
    }
    let (fixes, skipped) = crate::fix::plan(
        findings,
        &corpus.sources,
        |d| opted_in(d) && in_scope(d),
        &crate::ingest::reads_back,
    );
    for s in &skipped {
        let shown = crate::model::span::display_path(&s.path);
        eprintln!("planlint: {shown}: {}", s.reason.get(lang));
    }
    if args.diff {
        let text: String = fixes.iter().map(crate::fix::diff).collect();
        if super::emit(Ok(text), None, false, lang) == ExitStatus::Failure {
            return ExitStatus::Failure;
        }
        return if fixes.is_empty() {
            ExitStatus::Clean
        } else {
            ExitStatus::Findings
        };
    }
    // Each file is written whole or not at all; a failure is reported with what was written.
    let mut written = Vec::new();
    let mut failed = false;
    for f in &fixes {
        match super::output::write_new_file(&f.path, f.fixed.as_bytes(), true) {
            Ok(()) => written.push(f),
            Err(err) => {
                report_failure(&Error::write(&f.path, err), lang);
                failed = true;
            }
        }
    }
    let (count, files) = (
        written.iter().map(|f| f.findings).sum::<usize>(),
        written.len(),
    );
    if failed {
        let line = match lang {
            Lang::Zh => format!("其余文件已修复：{count} 个问题（{files} 个文件）\n"),
            Lang::En => format!("the other files were fixed: {count} findings in {files} files\n"),
        };
        eprint!("{line}");
        return ExitStatus::Failure;
    }
    let line = match lang {
        Lang::Zh => format!("已修复 {count} 个问题（{files} 个文件）\n"),
        Lang::En => format!("fixed {count} findings in {files} files\n"),
    };
    eprint!("{line}");
    // What remains is reported as a plain check would, with the fixed files read again.
    let rerun = CheckArgs {
        write_baseline: None,
        fix: false,
        diff: false,
        annotate: None,
        force: false,
        ..args.clone()
    };
    run(&rerun)
}

/// Writes the findings to `out` in `format`, each report as it is made, on every core (the
/// report of a national corpus is tens of megabytes).
fn write_report(
    out: &mut impl std::io::Write,
    format: Format,
    findings: &[crate::diagnostics::Diagnostic],
    summary: crate::diagnostics::Summary,
    report: &Report,
    lang: Lang,
    color: super::args::Color,
) -> std::io::Result<()> {
    let sources = &report.corpus.sources;
    match format {
        Format::Json => {
            let facts = |id| report.facts(id);
            diagnostics::json::write_json(out, findings, summary, sources, &facts, lang)
                .map_err(std::io::Error::from)
        }
        Format::Human => {
            let shown = super::output::Shown {
                summary,
                sources,
                lang,
                color,
                with_summary: true,
            };
            super::output::write_human(out, findings, &shown)
        }
        Format::Sarif => {
            let facts = |id| report.facts(id);
            let codes = lints::codes();
            diagnostics::sarif::write_sarif(out, findings, sources, &facts, &codes, lang)
                .map_err(std::io::Error::from)
        }
        Format::Github => diagnostics::github::write_github(out, findings, summary, sources, lang),
        Format::Gitlab => diagnostics::gitlab::write_gitlab(out, findings, sources, lang)
            .map_err(std::io::Error::from),
        Format::Checkstyle => {
            diagnostics::checkstyle::write_checkstyle(out, findings, sources, lang)
        }
        Format::Junit => {
            diagnostics::junit::write_junit(out, findings, &checked_files(report), sources, lang)
        }
    }
}

/// Prints the report to standard output (and the run's record) as it is made.
fn print(
    recorder: &mut super::replay::Recorder,
    write: impl FnOnce(&mut std::io::BufWriter<super::replay::Tee<'_>>) -> std::io::Result<()>,
) -> Result<(), String> {
    let mut out = recorder.stdout();
    super::done_if_closed(write(&mut out).and_then(|()| out.flush())).map_err(|e| e.to_string())
}

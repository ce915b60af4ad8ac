//! One run context for every command: the configuration (planlint.yaml and the command line's
//! levels), the language, the rule data and the cache, decided once from [`RunArgs`] so that
//! `check`, `compare`, `graph` and `trace` read a corpus the same way and speak one language.

use std::path::PathBuf;

use super::ExitStatus;
use super::args::{ConfigArgs, InputArgs, RunArgs};
use super::output::human;
use crate::config::{Config, Overrides};
use crate::diagnostics::Summary;
use crate::engine::{self, Inputs, Report};
use crate::error::Error;
use crate::i18n::Lang;

/// What a command runs with.
#[derive(Debug)]
pub(super) struct RunContext {
    pub(super) config: Config,
    pub(super) lang: Lang,
    /// Whether to read and fill the extraction cache.
    pub(super) cache: bool,
    pub(super) lints_dir: Option<PathBuf>,
}

impl RunContext {
    /// Loads the configuration and decides the language; a broken configuration is reported and
    /// ends the run.
    pub(super) fn new(args: &RunArgs) -> Result<Self, ExitStatus> {
        let config = configuration(&args.config, args.lang)?;
        Ok(Self {
            lang: language(args.lang, &config),
            cache: cache_wanted(args.no_cache),
            lints_dir: args.lints.clone(),
            config,
        })
    }

    /// What the engine reads: `input`'s plans (or the configuration's `include:`), with this
    /// run's rule data and cache.
    pub(super) fn inputs(&self, input: &InputArgs) -> Inputs {
        Inputs {
            paths: input.paths.clone(),
            corpus: input.corpus.clone(),
            jurisdiction: input.jurisdiction.clone(),
            lints_dir: self.lints_dir.clone(),
            cache: self.cache,
            ..Inputs::default()
        }
    }

    /// Runs the engine as `check` would, so a table, picture or trace shows what `check` reports:
    /// a lint allowed in planlint.yaml colours nothing and marks its rows allowed.
    pub(super) fn check(&self, inputs: &Inputs) -> Result<Report, ExitStatus> {
        let report = engine::check(&self.config, inputs).map_err(|err| {
            self.fail(&err);
            ExitStatus::Failure
        })?;
        cache_note(&report, self.lang);
        Ok(report)
    }

    /// Reports a failure that is not a finding, in the run's language.
    pub(super) fn fail(&self, err: &Error) {
        super::report_failure(err, self.lang);
    }
}

/// The language of a run, decided in one place for every command and output (terminal, JSON
/// messages, tables, the HTML report, Word comments): `--lang`, else `lang:` of planlint.yaml,
/// else the locale.
pub(super) fn language(flag: Option<Lang>, config: &Config) -> Lang {
    flag.or(config.lang).unwrap_or_else(Lang::from_env)
}

/// The configuration of a run: `--config FILE`, else planlint.yaml found upward, else the
/// defaults; then the command line's overrides. A broken configuration is reported (in `lang`,
/// else the locale's language) and ends the run.
pub(super) fn configuration(args: &ConfigArgs, lang: Option<Lang>) -> Result<Config, ExitStatus> {
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
                super::args::Color::Never,
                false
            )
        );
        ExitStatus::Failure
    })
}

/// Says on standard error what the run found wrong with the extraction cache (an entry or its
/// folder not trusted): once, and never among the findings, which are the same bytes with or
/// without the cache.
pub(super) fn cache_note(report: &Report, lang: Lang) {
    if let Some(note) = &report.corpus.cache_note {
        eprintln!("planlint: {}", note.get(lang));
    }
}

/// Whether to use the extraction cache: not with `--no-cache`, nor with `PLANLINT_NO_CACHE`
/// set.
pub(super) fn cache_wanted(no_cache: bool) -> bool {
    !no_cache && std::env::var_os("PLANLINT_NO_CACHE").is_none()
}

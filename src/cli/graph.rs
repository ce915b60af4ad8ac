//! `planlint graph`: the cascade as DOT, Mermaid, GraphML, JSON, SVG or a self-contained HTML
//! page; and `planlint trace`: one indicator down the cascade.

use super::{ExitStatus, GraphArgs, GraphFormat, TraceArgs, report_failure};
use crate::engine::{self, Inputs, Report};
use crate::export::{self, Cascade, With};
use crate::i18n::Lang;

/// Runs the engine as `check` would with the same configuration, so the picture shows what
/// `check` reports: a lint allowed in planlint.yaml colours nothing.
fn checked(
    config_args: &super::ConfigArgs,
    paths: &[std::path::PathBuf],
    lints_dir: Option<&std::path::Path>,
    lang: Lang,
) -> Result<Report, ExitStatus> {
    let config = super::check::configuration(config_args, Some(lang))?;
    let inputs = Inputs {
        paths: paths.to_vec(),
        lints_dir: lints_dir.map(std::path::Path::to_path_buf),
        ..Inputs::default()
    };
    engine::check(&config, &inputs).map_err(|err| {
        report_failure(&err, lang);
        ExitStatus::Failure
    })
}

/// The cascade in a format.
pub(crate) fn render(cascade: &Cascade, format: GraphFormat) -> Result<String, String> {
    match format {
        GraphFormat::Dot => Ok(export::dot::to_dot(cascade)),
        GraphFormat::Mermaid => export::mermaid::to_mermaid(cascade).map_err(|e| e.to_string()),
        GraphFormat::Graphml => Ok(export::graphml::to_graphml(cascade)),
        GraphFormat::Json => export::json::to_json(cascade).map_err(|e| e.to_string()),
        GraphFormat::Svg => Ok(export::svg::to_svg(cascade)),
        GraphFormat::Html => export::html::to_html(cascade).map_err(|e| e.to_string()),
    }
}

pub(super) fn run(args: &GraphArgs) -> ExitStatus {
    let lang = Lang::from_env();
    let report = match checked(&args.config, &args.paths, args.lints.as_deref(), lang) {
        Ok(report) => report,
        Err(status) => return status,
    };
    let with = With {
        targets: args.with.contains(&super::GraphWith::Targets),
        agencies: args.with.contains(&super::GraphWith::Agencies),
    };
    let cascade = export::cascade(&report, with);
    super::emit(
        render(&cascade, args.format),
        args.output.as_deref(),
        args.force,
        lang,
    )
}

pub(super) fn trace(args: &TraceArgs) -> ExitStatus {
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    let report = match checked(&args.config, &args.paths, args.lints.as_deref(), lang) {
        Ok(report) => report,
        Err(status) => return status,
    };
    match export::trace::trace(&report, &args.indicator, lang) {
        Ok(text) => super::emit(Ok(text), None, false, lang),
        Err(err) => {
            report_failure(&err, lang);
            ExitStatus::Failure
        }
    }
}

//! A plan repository's own rule data (`catalogue:` in planlint.yaml): folders laid over the
//! bundled catalogue, never replacing it. A folder may hold only `indicators.yaml`, only
//! `agency-abbreviations.yaml`, or both. An indicator entry with a bundled id adds to it (more
//! wordings; a direction, kind or unit given replaces the bundled one); an entry with a new id is
//! a new indicator and needs everything a bundled entry has.

use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{
    ABBREVIATIONS_FILE, AbbreviationsFile, Catalogue, INDICATORS_FILE, Indicator, Measure,
};
use crate::diagnostics::Diagnostic;
use crate::model::text::fold;
use crate::model::{Direction, IndicatorId, IndicatorKind, Sources};
use crate::msg;
use crate::source::yaml::span_of;

/// An entry of a layer's `indicators.yaml`: only `id` is required.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LayerIndicator {
    id: Spanned<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    wordings: Vec<String>,
    #[serde(default)]
    direction: Option<Direction>,
    #[serde(default)]
    kind: Option<IndicatorKind>,
    #[serde(default)]
    measure: Option<Measure>,
    #[serde(default)]
    unit: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LayerIndicators {
    indicators: Vec<LayerIndicator>,
}

impl Catalogue {
    /// Lays the folder `dir` over the catalogue. Problems become diagnostics; a folder with
    /// neither file is one.
    pub(super) fn add_layer(
        &mut self,
        dir: &Path,
        sources: &mut Sources,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let (indicators, abbreviations) = (dir.join(INDICATORS_FILE), dir.join(ABBREVIATIONS_FILE));
        if !crate::source::observe::is_file(&indicators)
            && !crate::source::observe::is_file(&abbreviations)
        {
            diagnostics.push(empty_layer(dir));
            return;
        }
        if let Some((id, file)) = parse::<LayerIndicators>(&indicators, sources, diagnostics) {
            for entry in file.indicators {
                if let Err(problem) = self.add_indicator(entry) {
                    diagnostics.push(problem.at_source(id));
                }
            }
        }
        if let Some((_, file)) = parse::<AbbreviationsFile>(&abbreviations, sources, diagnostics) {
            for (official, short) in file.abbreviations {
                self.abbreviations
                    .entry(fold(&official))
                    .or_default()
                    .extend(short);
            }
            self.normative
                .extend(file.normative.iter().map(|n| fold(n)));
        }
    }

    /// Adds to the entry with the same id, or adds a new entry.
    fn add_indicator(&mut self, entry: LayerIndicator) -> Result<(), Unfinished> {
        let id = IndicatorId(entry.id.value.clone());
        if let Some(known) = self.indicators.iter_mut().find(|i| i.id == id) {
            known.wordings.extend(entry.wordings);
            known.direction = entry.direction.unwrap_or(known.direction);
            known.kind = entry.kind.unwrap_or(known.kind);
            known.unit = entry.unit.or(known.unit.take());
            return Ok(());
        }
        let (Some(name), Some(direction), Some(kind), Some(measure)) =
            (entry.name, entry.direction, entry.kind, entry.measure)
        else {
            return Err(Unfinished {
                id: entry.id.value.clone(),
                span: span_of(&entry.id),
            });
        };
        self.indicators.push(Indicator {
            id,
            name,
            wordings: entry.wordings,
            direction,
            kind,
            measure,
            unit: entry.unit,
        });
        Ok(())
    }
}

/// A new entry without all it needs.
struct Unfinished {
    id: String,
    span: crate::model::Span,
}

impl Unfinished {
    fn at_source(self, source: crate::model::SourceId) -> Diagnostic {
        let id = self.id;
        Diagnostic::new(
            crate::code::ToolCode::InvalidValue,
            msg!(
                "指标“{id}”不在内置目录中，新增条目须写明 name、direction、kind 和 measure",
                "`{id}` is not a bundled indicator: a new entry needs name, direction, kind and measure"
            ),
        )
        .at(source, self.span, msg!("新增条目", "new entry"))
        .with_help(msg!(
            "补全这些字段；若要为内置指标增加措辞，请使用其 id（`planlint trace 指标措辞` 的首行给出）",
            "give them; to add wordings to a bundled indicator, use its id (the first line of `planlint trace WORDING` gives it)"
        ))
    }
}

/// Reads and parses `path` when it exists.
fn parse<T: serde::de::DeserializeOwned>(
    path: &Path,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(crate::model::SourceId, T)> {
    if !crate::source::observe::is_file(path) {
        return None;
    }
    let text = crate::source::read_text(path)
        .map_err(|problem| diagnostics.push(problem.into_diagnostic(sources, path)))
        .ok()?;
    let id = sources.add(path.to_path_buf(), text.as_str());
    crate::source::yaml::parse::<T>(id, &text)
        .map(|file| (id, file))
        .map_err(|d| diagnostics.push(*d))
        .ok()
}

fn empty_layer(dir: &Path) -> Diagnostic {
    let dir = crate::model::span::display_path(dir);
    Diagnostic::new(
        crate::code::ToolCode::InvalidConfig,
        msg!(
            "catalogue 文件夹 {dir} 中既没有 indicators.yaml 也没有 agency-abbreviations.yaml",
            "the catalogue folder {dir} holds neither indicators.yaml nor agency-abbreviations.yaml"
        ),
    )
    .with_help(msg!(
        "改正 planlint.yaml 中 catalogue 的路径，或在该文件夹中加入 indicators.yaml（见 docs/adding-a-campaign.md）",
        "correct the path under `catalogue:` in planlint.yaml, or add an indicators.yaml to the folder (see docs/adding-a-campaign.md)"
    ))
}

//! The YAML file formats, as serde sees them. Every field keeps its span (serde-saphyr's
//! `Spanned`) so diagnostics point at the exact node, and unknown keys are errors: a typo must
//! never silently drop data. Converting to [`crate::model`] types happens in `plan_file` and
//! `jurisdiction_file`.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Visitor};
use serde_saphyr::Spanned;

use crate::model::{AgencyKind, Level, PlanStatus};

/// A plan file: any `*.yaml` under `plans/` other than `jurisdiction.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlanFile {
    pub doc_number: Option<Spanned<String>>,
    pub title: Spanned<String>,
    /// The title (and notice title) were checked against the issued document.
    #[serde(default)]
    pub title_verified: bool,
    /// The notice's own title, as issued.
    #[serde(default)]
    pub notice_title: Option<Spanned<String>>,
    pub issuer: Option<Spanned<String>>,
    pub issued: Option<Spanned<Scalar>>,
    pub level: Option<Spanned<Level>>,
    pub jurisdiction: Option<Spanned<String>>,
    #[serde(default)]
    pub status: Option<Spanned<PlanStatus>>,
    /// Where the text was transcribed from, for people.
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "documentation for readers of the file; accepted so it is not an unknown key"
    )]
    pub source: Option<String>,
    /// Remarks for people.
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "documentation for readers of the file; accepted so it is not an unknown key"
    )]
    pub notes: Option<String>,
    #[serde(default)]
    pub citations: Vec<CitationEntry>,
    #[serde(default)]
    pub targets: Vec<TargetEntry>,
    #[serde(default)]
    pub qualitative: Vec<QualitativeEntry>,
    #[serde(default)]
    pub tasks: Vec<TaskEntry>,
    #[serde(default)]
    pub allow: Vec<AllowEntry>,
    #[serde(default)]
    pub not_applicable: Vec<NotApplicableEntry>,
}

/// A parent's indicator the plan does not take up, and why (`omitted-target` then leaves it
/// out). The reason is required: a reviewer must be able to check it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NotApplicableEntry {
    pub indicator: Spanned<String>,
    pub reason: Spanned<String>,
}

/// A suppression: findings of `lint` on the item whose words contain `item` are not reported,
/// for the reason given.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AllowEntry {
    pub lint: Spanned<String>,
    #[serde(default)]
    pub item: Option<Spanned<String>>,
    #[serde(default)]
    pub reason: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CitationEntry {
    pub doc_number: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TargetEntry {
    pub indicator: Spanned<String>,
    #[serde(default)]
    pub year: Option<Spanned<Year>>,
    pub comparator: Spanned<String>,
    pub value: Spanned<Scalar>,
    #[serde(default)]
    pub unit: Option<Spanned<String>>,
    #[serde(default)]
    pub baseline: Option<Spanned<u16>>,
    /// `annual-growth`, `cumulative`, `per-year`; a level or total growth when absent.
    #[serde(default)]
    pub form: Option<Spanned<crate::model::TargetForm>>,
    /// `higher` or `lower`: which way the indicator improves (default: the catalogue's, else
    /// read from the wording).
    #[serde(default)]
    pub better: Option<Spanned<crate::model::Direction>>,
    /// `increase` or `decrease`: a change from the baseline (default: the comparator's word,
    /// 增长 or 下降; an increase when a baseline is given).
    #[serde(default)]
    pub change: Option<Spanned<crate::model::Change>>,
    #[serde(default)]
    pub quote: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QualitativeEntry {
    pub indicator: Spanned<String>,
    #[serde(default)]
    pub year: Option<Spanned<Year>>,
    pub text: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TaskEntry {
    pub label: Spanned<Scalar>,
    #[serde(default)]
    pub title: Option<Spanned<String>>,
    #[serde(default)]
    pub lead: Vec<Spanned<String>>,
    #[serde(default)]
    pub responsible: Vec<Spanned<String>>,
    /// 完成时限 as written (`2025年底前`): part of the format, checked to be text, and read by
    /// no lint yet.
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "part of the plan-file format; no lint reads it yet"
    )]
    pub deadline: Option<Spanned<String>>,
    #[serde(default)]
    pub targets: Vec<TargetEntry>,
    #[serde(default)]
    pub qualitative: Vec<QualitativeEntry>,
}

/// A sidecar (`NAME.sidecar.yaml` beside `NAME.txt`, `.md` or `.docx`): what the text cannot say
/// (its jurisdiction) and corrections to what extraction read, each with its reason.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SidecarFile {
    #[serde(default)]
    pub level: Option<Spanned<Level>>,
    #[serde(default)]
    pub jurisdiction: Option<Spanned<String>>,
    #[serde(default)]
    pub status: Option<Spanned<PlanStatus>>,
    #[serde(default)]
    pub doc_number: Option<Spanned<String>>,
    #[serde(default)]
    pub title: Option<Spanned<String>>,
    /// The title (read or given) and the notice title were checked against the document.
    #[serde(default)]
    pub title_verified: bool,
    #[serde(default)]
    pub notice_title: Option<Spanned<String>>,
    #[serde(default)]
    pub issuer: Option<Spanned<String>>,
    #[serde(default)]
    pub issued: Option<Spanned<Scalar>>,
    /// Remarks for people.
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "documentation for readers of the file; accepted so it is not an unknown key"
    )]
    pub notes: Option<String>,
    #[serde(default)]
    pub corrections: Vec<Correction>,
    #[serde(default)]
    pub allow: Vec<AllowEntry>,
    #[serde(default)]
    pub not_applicable: Vec<NotApplicableEntry>,
}

/// One correction of what extraction read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Correction {
    pub action: Spanned<CorrectionAction>,
    pub item: Spanned<CorrectedItem>,
    /// Words of the item as read (its sentence, indicator, title, number or label) that pick it
    /// out; required to drop or replace.
    #[serde(default, rename = "match")]
    pub matches: Option<Spanned<String>>,
    #[serde(default)]
    pub target: Option<TargetEntry>,
    #[serde(default)]
    pub citation: Option<CitationEntry>,
    #[serde(default)]
    pub task: Option<TaskEntry>,
    pub reason: Spanned<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum CorrectionAction {
    Add,
    Replace,
    Drop,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum CorrectedItem {
    Target,
    Citation,
    Task,
}

/// `jurisdiction.yaml`: one per folder of `plans/`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct JurisdictionFile {
    pub name: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub level: Spanned<Level>,
    #[serde(default)]
    pub code: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub self_prefix: Option<String>,
    #[serde(default)]
    pub doc_prefixes: Vec<String>,
    #[serde(default)]
    pub issuers: Vec<String>,
    #[serde(default)]
    pub agencies: Vec<AgencyEntry>,
    #[serde(default)]
    pub collectives: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AgencyEntry {
    pub name: String,
    #[serde(default)]
    pub kind: AgencyKind,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A scalar read as text whether YAML typed it as a number or a string (`value: 35`,
/// `value: 1.8万`, `label: 3`, `issued: 2024-07-23`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a string")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// `year:` of a target: a year, `annual` (每年), or absent/null when the plan states none.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Year {
    Year(u16),
    Annual,
}

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct YearVisitor;
        impl Visitor<'_> for YearVisitor {
            type Value = Year;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a year such as 2025, or `annual`")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Year, E> {
                match u16::try_from(v) {
                    Ok(year) if (1949..=2100).contains(&year) => Ok(Year::Year(year)),
                    _ => Err(E::invalid_value(de::Unexpected::Unsigned(v), &self)),
                }
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Year, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(E::invalid_value(de::Unexpected::Signed(v), &self)),
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Year, E> {
                match v.trim() {
                    "annual" | "每年" => Ok(Year::Annual),
                    other => other
                        .parse::<u64>()
                        .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
                        .and_then(|n| self.visit_u64(n)),
                }
            }
        }
        deserializer.deserialize_any(YearVisitor)
    }
}

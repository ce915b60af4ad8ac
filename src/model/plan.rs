//! A plan (方案) as the corpus knows it: its header, citations, targets and tasks.

use super::agency::AgencyName;
use super::campaign::Campaign;
use super::date::Date;
use super::deadline::Deadline;
use super::doc_number::DocNumber;
use super::jurisdiction::JurisdictionId;
use super::level::Level;
use super::span::{Located, SourceId, Span};
use super::target::Target;

pub use super::id::PlanId;

/// How much of a plan the corpus holds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, Default,
)]
#[serde(rename_all = "kebab-case")]
pub enum PlanStatus {
    /// The whole text is transcribed: every target, task and citation.
    #[default]
    Full,
    /// Only part is known (targets from a press report, no tasks).
    Partial,
    /// Known only by number and title, from citations.
    Stub,
}

/// A document number as written, and what it parses to.
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenDocNumber {
    pub written: String,
    pub parsed: Option<DocNumber>,
}

impl WrittenDocNumber {
    #[must_use]
    pub fn new(written: &str) -> Self {
        Self {
            written: written.to_string(),
            parsed: written.parse().ok(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Citation {
    pub doc_number: Option<Located<WrittenDocNumber>>,
    /// The title as written inside the outer 《》.
    pub title: Option<Located<String>>,
    pub source: SourceId,
    /// The number when there is one, else the title.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct QualitativeTarget {
    pub indicator: Located<String>,
    pub deadline: Deadline,
    pub text: Located<String>,
    pub task: Option<usize>,
}

/// A task of the plan (一项重点任务) as the lints read it: where it starts, and the bodies that
/// lead it and share it. Its label, title and deadline are read while the plan is made (a
/// sidecar's corrections find a task by its words) and not kept: no lint reads them, and the
/// national corpus has hundreds of thousands of tasks.
#[derive(Debug, Clone)]
pub struct Task {
    /// The file its label (`（一）`) is in.
    pub source: SourceId,
    /// Its label: where the task starts.
    pub span: Span,
    pub lead: Vec<Located<AgencyName>>,
    pub responsible: Vec<Located<AgencyName>>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub source: SourceId,
    pub doc_number: Option<Located<WrittenDocNumber>>,
    pub title: Located<String>,
    /// The title (and `notice_title`) were checked against the issued document
    /// (`title_verified: true` in its plan file or sidecar): only then does `--fix` copy them
    /// into a citation.
    pub title_verified: bool,
    /// The notice's own title (`XX关于印发《…》的通知`), when the file gives it; otherwise a
    /// citation of the notice is compared with one rebuilt from the issuer and the title.
    pub notice_title: Option<Located<String>>,
    pub issuer: Option<Located<String>>,
    pub issued: Option<Located<Date>>,
    pub level: Level,
    pub jurisdiction: JurisdictionId,
    pub status: PlanStatus,
    pub campaign: Campaign,
    pub citations: Vec<Citation>,
    pub targets: Vec<Target>,
    pub qualitative: Vec<QualitativeTarget>,
    pub tasks: Vec<Task>,
    /// `allow:` entries: findings the plan's authors accept, each with its reason.
    pub suppressions: Vec<Suppression>,
    /// `not_applicable:` entries: parent indicators the plan does not take up, with reasons.
    pub not_applicable: Vec<NotApplicable>,
}

/// A parent's indicator a plan declares it does not take up.
#[derive(Debug, Clone)]
pub struct NotApplicable {
    /// The indicator as the declaration words it.
    pub indicator: Located<String>,
    pub reason: Located<String>,
}

/// One `allow:` entry of a plan (or of its sidecar).
#[derive(Debug, Clone)]
pub struct Suppression {
    /// The lint code as written.
    pub lint: Located<String>,
    /// Words of the item it covers (a target's indicator or sentence, an agency's name, a
    /// citation's title or number); `None` covers every finding of the lint in the plan.
    pub item: Option<Located<String>>,
    pub reason: Option<Located<String>>,
}

/// A period in a title: `(2025—2027年)`, `2024-2026年`, `2025至2027年`.
static PERIOD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    #[expect(
        clippy::unwrap_used,
        reason = "a literal pattern, checked by the unit tests"
    )]
    regex::Regex::new(r"((?:19|20)[0-9]{2})\s*年?\s*[-—–~～至]\s*((?:19|20)[0-9]{2})\s*年").unwrap()
});

impl Plan {
    /// The years its title says it covers (`…行动方案(2025—2027年)` → 2025 to 2027).
    #[must_use]
    pub fn period(&self) -> Option<(u16, u16)> {
        let caps = PERIOD.captures(&self.title.value)?;
        let (from, to) = (caps[1].parse().ok()?, caps[2].parse().ok()?);
        (from <= to).then_some((from, to))
    }

    /// Whether it was certainly issued before `parent`: it could not take up what `parent`
    /// had not yet said. A plan without a date is known to be of its number's year (国发〔2025〕
    /// 11号 was issued in 2025).
    #[must_use]
    pub fn predates(&self, parent: &Plan) -> bool {
        match (
            self.issued_within().map(|w| w.1),
            parent.issued_within().map(|w| w.0),
        ) {
            (Some(latest), Some(earliest)) => latest < earliest,
            _ => false,
        }
    }

    /// The earliest and latest days it can have been issued on: its date, else its number's
    /// year.
    fn issued_within(&self) -> Option<(Date, Date)> {
        if let Some(issued) = &self.issued {
            return Some((issued.value, issued.value));
        }
        let year = self.number()?.year;
        Some((
            Date {
                year,
                month: 1,
                day: 1,
            },
            Date {
                year,
                month: 12,
                day: 31,
            },
        ))
    }
    /// The parsed document number, if it has one that parses.
    #[must_use]
    pub fn number(&self) -> Option<&DocNumber> {
        self.doc_number
            .as_ref()
            .and_then(|n| n.value.parsed.as_ref())
    }

    /// How a reviewer names the plan: its number, else its title.
    #[must_use]
    pub fn display_name(&self) -> String {
        match (&self.doc_number, self.number()) {
            (_, Some(number)) => number.to_string(),
            (Some(written), None) => written.value.written.clone(),
            (None, None) => format!("《{}》", self.title.value),
        }
    }

    /// Every agency mention: (task index, is lead, name).
    pub fn agency_mentions(&self) -> impl Iterator<Item = (usize, bool, &Located<AgencyName>)> {
        self.tasks.iter().enumerate().flat_map(|(i, task)| {
            task.lead
                .iter()
                .map(move |n| (i, true, n))
                .chain(task.responsible.iter().map(move |n| (i, false, n)))
        })
    }
}

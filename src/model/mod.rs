//! Domain types, parsed once at the edge (`ingest`) and compared as types by the lints.

pub mod agency;
pub mod campaign;
pub mod comparator;
pub mod date;
pub mod deadline;
pub mod doc_number;
pub mod growth;
pub mod id;
pub mod indicator;
pub mod jurisdiction;
pub mod level;
pub mod marker;
pub mod numeral;
pub mod plan;
pub mod polarity;
pub mod quantity;
pub mod script;
pub mod span;
pub mod target;
pub mod text;
pub mod wording;

pub use agency::{AgencyKind, AgencyName, Collective};
pub use campaign::Campaign;
pub use comparator::Comparator;
pub use date::Date;
pub use deadline::Deadline;
pub use doc_number::DocNumber;
pub use id::ComparisonId;
pub use indicator::{Direction, IndicatorId, IndicatorKey, IndicatorKind};
pub use jurisdiction::{Jurisdiction, JurisdictionId};
pub use level::Level;
pub use plan::{Citation, Plan, PlanId, PlanStatus, QualitativeTarget, Task};
pub use polarity::Change;
pub use quantity::{Quantity, Unit};
pub use span::{Located, SourceFile, SourceId, Sources, Span};
pub use target::{Target, TargetForm, TargetId};

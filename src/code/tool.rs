//! planlint's own codes: problems reading the corpus, the configuration or the suppressions, as
//! opposed to problems a lint finds in a plan. Each is documented like a lint, so `explain`,
//! `--select`, `--allow`, `allow:` entries and SARIF treat both alike.

use super::CodeDoc;
use super::tool_docs::*;

/// A code planlint reports itself, not through a lint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ToolCode {
    InvalidYaml,
    InvalidValue,
    InvalidEncoding,
    FileTooLarge,
    IoError,
    UnknownJurisdiction,
    EmptyCorpus,
    UnreadablePlan,
    InvalidConfig,
    CorrectionWithoutReason,
    StaleCorrection,
    OrphanSidecar,
    UncertainTarget,
    SuppressionWithoutReason,
    UnusedSuppression,
    AmbiguousJurisdiction,
    InferredJurisdiction,
    JurisdictionContradictsText,
    SkippedFile,
    TruncatedText,
    NotAPlan,
    HiddenText,
}

impl ToolCode {
    /// Every tool code, in the order of their codes.
    pub const ALL: [ToolCode; 22] = [
        ToolCode::AmbiguousJurisdiction,
        ToolCode::CorrectionWithoutReason,
        ToolCode::EmptyCorpus,
        ToolCode::FileTooLarge,
        ToolCode::HiddenText,
        ToolCode::InvalidConfig,
        ToolCode::InvalidEncoding,
        ToolCode::InvalidValue,
        ToolCode::InvalidYaml,
        ToolCode::InferredJurisdiction,
        ToolCode::IoError,
        ToolCode::JurisdictionContradictsText,
        ToolCode::NotAPlan,
        ToolCode::OrphanSidecar,
        ToolCode::SkippedFile,
        ToolCode::StaleCorrection,
        ToolCode::SuppressionWithoutReason,
        ToolCode::TruncatedText,
        ToolCode::UncertainTarget,
        ToolCode::UnknownJurisdiction,
        ToolCode::UnreadablePlan,
        ToolCode::UnusedSuppression,
    ];

    #[must_use]
    pub fn doc(self) -> &'static CodeDoc {
        match self {
            ToolCode::InvalidYaml => &INVALID_YAML,
            ToolCode::InvalidValue => &INVALID_VALUE,
            ToolCode::InvalidEncoding => &INVALID_ENCODING,
            ToolCode::FileTooLarge => &FILE_TOO_LARGE,
            ToolCode::IoError => &IO_ERROR,
            ToolCode::UnknownJurisdiction => &UNKNOWN_JURISDICTION,
            ToolCode::EmptyCorpus => &EMPTY_CORPUS,
            ToolCode::UnreadablePlan => &UNREADABLE_PLAN,
            ToolCode::InvalidConfig => &INVALID_CONFIG,
            ToolCode::CorrectionWithoutReason => &CORRECTION_WITHOUT_REASON,
            ToolCode::StaleCorrection => &STALE_CORRECTION,
            ToolCode::OrphanSidecar => &ORPHAN_SIDECAR,
            ToolCode::UncertainTarget => &UNCERTAIN_TARGET,
            ToolCode::SuppressionWithoutReason => &SUPPRESSION_WITHOUT_REASON,
            ToolCode::UnusedSuppression => &UNUSED_SUPPRESSION,
            ToolCode::AmbiguousJurisdiction => &AMBIGUOUS_JURISDICTION,
            ToolCode::InferredJurisdiction => &INFERRED_JURISDICTION,
            ToolCode::SkippedFile => &SKIPPED_FILE,
            ToolCode::JurisdictionContradictsText => &JURISDICTION_CONTRADICTS_TEXT,
            ToolCode::TruncatedText => &TRUNCATED_TEXT,
            ToolCode::NotAPlan => &NOT_A_PLAN,
            ToolCode::HiddenText => &HIDDEN_TEXT,
        }
    }
}

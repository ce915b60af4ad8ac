//! The registry: every lint, in alphabetical order of code. Adding a lint adds one line here.

mod agency_alias;
mod agency_inconsistent_naming;
mod agency_wrong_level;
mod citation_cycle;
mod citation_missing_number;
mod citation_title_mismatch;
mod conflicting_target;
mod dangling_agency;
mod duplicate_document;
mod inconsistent_deadline;
mod malformed_doc_number;
mod regressing_target;
mod uncatalogued_indicator;
mod unresolved_citation;
mod weaker_target;

use super::LintMeta;

/// Every lint planlint has.
pub static ALL: &[&LintMeta] = &[
    &agency_alias::AGENCY_ALIAS,
    &agency_inconsistent_naming::AGENCY_INCONSISTENT_NAMING,
    &agency_wrong_level::AGENCY_WRONG_LEVEL,
    &citation_cycle::CITATION_CYCLE,
    &citation_missing_number::CITATION_MISSING_NUMBER,
    &citation_title_mismatch::CITATION_TITLE_MISMATCH,
    &conflicting_target::CONFLICTING_TARGET,
    &dangling_agency::DANGLING_AGENCY,
    &duplicate_document::DUPLICATE_DOCUMENT,
    &inconsistent_deadline::INCONSISTENT_DEADLINE,
    &malformed_doc_number::MALFORMED_DOC_NUMBER,
    &regressing_target::REGRESSING_TARGET,
    &uncatalogued_indicator::UNCATALOGUED_INDICATOR,
    &unresolved_citation::UNRESOLVED_CITATION,
    &weaker_target::WEAKER_TARGET,
];

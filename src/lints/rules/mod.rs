//! The registry: every lint, in alphabetical order of code. Adding a lint adds one line here.

crate::register_lints! {
    agency_alias::AGENCY_ALIAS,
    agency_inconsistent_naming::AGENCY_INCONSISTENT_NAMING,
    agency_wrong_level::AGENCY_WRONG_LEVEL,
    allocation::ALLOCATION,
    citation_cycle::CITATION_CYCLE,
    citation_missing_number::CITATION_MISSING_NUMBER,
    citation_title_mismatch::CITATION_TITLE_MISMATCH,
    conflicting_target::CONFLICTING_TARGET,
    dangling_agency::DANGLING_AGENCY,
    duplicate_document::DUPLICATE_DOCUMENT,
    inconsistent_deadline::INCONSISTENT_DEADLINE,
    malformed_doc_number::MALFORMED_DOC_NUMBER,
    missing_parent_plan::MISSING_PARENT_PLAN,
    omitted_target::OMITTED_TARGET,
    qualitative_target::QUALITATIVE_TARGET,
    regressing_target::REGRESSING_TARGET,
    uncatalogued_indicator::UNCATALOGUED_INDICATOR,
    uncompared_plan::UNCOMPARED_PLAN,
    unresolved_citation::UNRESOLVED_CITATION,
    weaker_target::WEAKER_TARGET,
}

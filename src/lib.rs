//! planlint: reads a corpus of Chinese policy plans, links national, provincial, municipal and
//! county plans into a knowledge graph by citation and by target, and lints every plan against
//! the plans above it.
//!
//! The pipeline is `ingest` (files → [`model`] types, parsed once at the edge) → `graph`
//! (petgraph, citations and parent targets resolved) → `lints` (one file per rule, returning
//! [`diagnostics::Diagnostic`] data) → `diagnostics` renderers (miette, JSON) and `export`
//! (the graph as DOT, Mermaid, GraphML, JSON, SVG, HTML) → `cli`.

pub mod catalogue;
pub mod cli;
pub mod code;
pub mod comparison;
pub mod config;
pub mod diagnostics;
pub mod engine;
pub mod error;
pub mod escape;
pub mod export;
pub mod fix;
#[doc(hidden)]
pub mod fuzz;
pub mod gazetteer;
pub mod generate;
pub mod graph;
pub mod i18n;
pub mod ingest;
pub mod lints;
pub mod model;
pub mod serve;
pub mod source;

#[cfg(test)]
mod properties;

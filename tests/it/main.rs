//! planlint's integration tests: one binary, one module per area.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

mod agreement;
mod ai_plus;
mod annotate;
mod architecture;
mod bounded;
mod campaign_rules;
mod campaigns;
mod cli;
mod compare;
mod config;
mod docs;
mod engine;
mod extract;
mod filesystem;
mod graph;
mod language;
mod layouts;
mod outputs;
mod picture;
mod places;
mod properties;
mod quantity_kinds;
mod rules;
mod scale;
mod seeds;
mod support;
mod trust;

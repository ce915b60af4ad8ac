//! planlint's integration tests: one binary, one module per area.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

mod agreement;
mod ai_plus;
mod annotate;
mod annotated_ofd;
mod architecture;
mod baseline_view;
mod bounded;
mod cache_trust;
mod campaign_rules;
mod campaigns;
mod changed;
mod ci_formats;
mod cli;
mod compare;
mod config;
mod docs;
mod docx_tricks;
mod engine;
mod extract;
mod filesystem;
mod fixed_layout;
mod focus;
mod graph;
mod language;
mod layouts;
mod ofd_builder;
mod output_targets;
mod outputs;
mod picture;
mod places;
mod producers;
mod properties;
mod quantity_kinds;
mod replay;
mod rules;
mod scale;
mod security;
mod seeds;
mod serve;
mod sqlite;
mod support;
mod trust;
mod unread_formats;

//! The service's log on stderr, one line a request: when, who (the peer's address), what
//! (method, path, status, time taken) and, for a check, the upload's name, size and outcome —
//! never the draft's text. Names are escaped, so a file name cannot forge a log line.

use std::net::SocketAddr;
use std::time::{Instant, SystemTime};

use axum::extract::{ConnectInfo, Request};
use axum::middleware::Next;
use axum::response::Response;

use super::Settings;

/// What a handler adds to its request's log line.
#[derive(Debug, Clone)]
pub(crate) struct Note(pub String);

pub(crate) async fn requests(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "-".to_string(), |info| info.0.to_string());
    let method = request.method().clone();
    // The path only: a query may carry a jurisdiction or a search the reviewer typed.
    let path = escape(request.uri().path());
    let response = next.run(request).await;
    let note = response
        .extensions()
        .get::<Note>()
        .map(|note| format!(" {}", note.0))
        .unwrap_or_default();
    line(&format!(
        "{peer} {method} {path} {} {}ms{note}",
        response.status().as_u16(),
        started.elapsed().as_millis()
    ));
    response
}

/// The service is listening on `addr`, with a corpus of `plans` plans shown as `corpus`.
pub(crate) fn started(addr: SocketAddr, corpus: &str, plans: usize, settings: &Settings) {
    let auth = match settings.access {
        super::Access::Token(_) => "token",
        super::Access::Open => "open",
    };
    line(&format!(
        "planlint serve: http://{addr}/ corpus={} plans={plans} access={auth} workers={} queue={}",
        escape(corpus),
        settings.limits.workers,
        settings.limits.queue
    ));
}

pub(crate) fn reloaded(generation: u64, plans: usize) {
    line(&format!(
        "corpus reloaded: generation={generation} plans={plans}"
    ));
}

pub(crate) fn reload_failed(err: &crate::error::Error) {
    line(&format!(
        "corpus reload failed, the previous corpus stays: {}",
        escape(err.message().en())
    ));
}

pub(crate) fn keep_failed(folder: &std::path::Path, err: &std::io::Error) {
    line(&format!(
        "--keep: cannot write {}: {err}",
        escape(&crate::model::span::display_path(folder))
    ));
}

pub(crate) fn stopped() {
    line("planlint serve: stopped");
}

fn line(text: &str) {
    eprintln!("{} {text}", utc_now());
}

/// A name as a log shows it: control characters and the like written as escapes.
#[must_use]
pub(crate) fn escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            if c.is_control() || crate::diagnostics::terminal::is_bidi_control(c) {
                c.escape_unicode().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// The time as `2026-12-06T16:50:01Z`.
fn utc_now() -> String {
    let seconds = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_become_dates() {
        assert_eq!(super::civil_from_days(0), (1970, 1, 1));
        assert_eq!(super::civil_from_days(20_428), (2025, 12, 6));
        assert_eq!(super::civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn a_name_cannot_forge_a_log_line() {
        assert_eq!(super::escape("a\nb"), "a\\u{a}b");
    }
}

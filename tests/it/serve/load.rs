//! 200 concurrent uploads of real drafts on loopback: every answer is the right JSON or a 503
//! with Retry-After, and the service is healthy afterwards. The latencies and the service's
//! peak memory are written to target/serve-load.json (docs/serving.md records a run).

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{Server, cli_json, drafts, workspace};

const UPLOADS: usize = 200;

#[test]
fn two_hundred_concurrent_uploads_are_answered_correctly_or_turned_away() {
    let dir = workspace();
    let server = Arc::new(Server::start(dir.path(), &[]));
    let drafts = drafts();
    let expected: Vec<Vec<u8>> = drafts
        .iter()
        .map(|(name, _)| cli_json(dir.path(), name))
        .collect();
    let drafts = Arc::new(drafts);
    let expected = Arc::new(expected);
    let start = Arc::new(std::sync::Barrier::new(UPLOADS));
    let began = Instant::now();
    let workers: Vec<_> = (0..UPLOADS)
        .map(|i| {
            let (server, drafts, expected, start) = (
                Arc::clone(&server),
                Arc::clone(&drafts),
                Arc::clone(&expected),
                Arc::clone(&start),
            );
            std::thread::spawn(move || {
                let which = i % drafts.len();
                let (name, bytes) = &drafts[which];
                start.wait();
                let sent = Instant::now();
                let answer = server.upload("/api/v1/check?lang=zh", name, bytes, &[], &[]);
                let took = sent.elapsed();
                match answer.status {
                    200 => assert_eq!(
                        answer.text(),
                        String::from_utf8_lossy(&expected[which]),
                        "{name}: a wrong answer under load"
                    ),
                    503 => assert_eq!(answer.header("retry-after"), Some("5")),
                    other => panic!("{name}: {other} under load: {}", answer.text()),
                }
                (answer.status, took)
            })
        })
        .collect();
    let results: Vec<(u16, Duration)> = workers.into_iter().map(|w| w.join().unwrap()).collect();
    let wall = began.elapsed();
    let answered: Vec<Duration> = results
        .iter()
        .filter(|(status, _)| *status == 200)
        .map(|(_, took)| *took)
        .collect();
    let busy = results.iter().filter(|(status, _)| *status == 503).count();
    assert!(!answered.is_empty(), "some uploads are checked");
    assert_eq!(answered.len() + busy, UPLOADS);

    // Healthy afterwards: nothing in flight, and a new check is answered.
    server.wait_for("the checks to end", |h| h["checks_in_flight"] == 0);
    let (name, bytes) = &drafts[0];
    let after = server.upload("/api/v1/check?lang=zh", name, bytes, &[], &[]);
    assert_eq!(after.status, 200);

    let mut all: Vec<Duration> = results.iter().map(|(_, took)| *took).collect();
    all.sort();
    let mut checked = answered;
    checked.sort();
    let at = |sorted: &[Duration], q: f64| {
        let index = ((sorted.len() as f64 - 1.0) * q).round() as usize;
        sorted[index].as_millis()
    };
    let report = serde_json::json!({
        "uploads": UPLOADS,
        "checked": checked.len(),
        "turned_away_503": busy,
        "wall_ms": wall.as_millis(),
        "checked_p50_ms": at(&checked, 0.5),
        "checked_p99_ms": at(&checked, 0.99),
        "all_p50_ms": at(&all, 0.5),
        "all_p99_ms": at(&all, 0.99),
        "server_peak_rss_kib": server.peak_kib(),
    });
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../serve-load.json");
    std::fs::write(&out, serde_json::to_string_pretty(&report).unwrap()).unwrap();
    eprintln!("serve load: {report}");
}

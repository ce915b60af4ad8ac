//! A check asked for by a request: admitted (or turned away), run on a blocking thread against
//! the generation current when it started, bounded in time, kept for its page and downloads,
//! and copied into `--keep DIR` when asked.

use std::sync::Arc;

use axum::http::StatusCode;

use crate::error::Error;
use crate::i18n::{Lang, Msg};
use crate::msg;

use super::admission::Ticket;
use super::app::AppState;
use super::review::{self, Review};
use super::upload::{self, Upload};

/// A kept review and its id.
#[derive(Debug)]
pub(crate) struct Done {
    pub(crate) id: String,
    pub(crate) review: Arc<Review>,
}

/// Why a check gave no review.
#[derive(Debug)]
pub(crate) struct Failed {
    pub(crate) status: StatusCode,
    pub(crate) why: Msg,
    /// Seconds to wait before asking again, when the service is only busy.
    pub(crate) retry_after: Option<u64>,
}

/// How long a client turned away is told to wait.
const RETRY_AFTER_SECONDS: u64 = 5;

/// A place among the checks running and waiting, taken before the upload is read: a burst of
/// large uploads is turned away before its bodies are held in memory.
pub(crate) async fn admit(state: &Arc<AppState>) -> Result<Ticket, Failed> {
    state.admission.enter().await.map_err(|_| Failed {
        status: StatusCode::SERVICE_UNAVAILABLE,
        why: msg!(
            "检查排队已满，请稍后再试",
            "every worker and place in the queue is taken; try again shortly"
        ),
        retry_after: Some(RETRY_AFTER_SECONDS),
    })
}

/// Reads the upload a request carries, within the check's time: a client that sends its body
/// slowly does not hold its place for ever.
pub(crate) async fn receive(
    state: &Arc<AppState>,
    reading: impl std::future::Future<Output = Result<Upload, upload::Refused>>,
) -> Result<Upload, Failed> {
    match tokio::time::timeout(state.settings.limits.check_timeout, reading).await {
        Ok(Ok(upload)) => Ok(upload),
        Ok(Err(refused)) => Err(Failed {
            status: refused.status,
            why: refused.why,
            retry_after: None,
        }),
        Err(_elapsed) => Err(Failed {
            status: StatusCode::REQUEST_TIMEOUT,
            why: msg!("上传超时", "the upload took too long"),
            retry_after: None,
        }),
    }
}

/// Checks `upload` in the place `ticket` holds; `--keep` keeps its JSON in `lang`, the
/// language it was asked in.
pub(crate) async fn run(
    state: &Arc<AppState>,
    ticket: Ticket,
    upload: Upload,
    lang: Lang,
) -> Result<Done, Failed> {
    let generation = state.live.current();
    let task_state = Arc::clone(state);
    let kept_bytes = state.settings.keep.as_ref().map(|_| upload.bytes.clone());
    let name = upload.name.clone();
    let task = tokio::task::spawn_blocking(move || {
        // The ticket is released when the check ends, even after its request timed out: a
        // check that runs on still holds its worker.
        let _ticket = ticket;
        review::check(&task_state.settings, &generation, upload)
    });
    let limit = state.settings.limits.check_timeout;
    let review = match tokio::time::timeout(limit, task).await {
        Ok(Ok(Ok(review))) => review,
        Ok(Ok(Err(err))) => {
            // A jurisdiction the reviewer named that names no place, or several, is theirs to
            // correct; anything else is the service's failure.
            let status = match err {
                Error::UnknownJurisdiction { .. } | Error::AmbiguousJurisdiction { .. } => {
                    StatusCode::BAD_REQUEST
                }
                _ => StatusCode::INTERNAL_SERVER_ERROR,
            };
            return Err(Failed {
                status,
                why: err.message(),
                retry_after: None,
            });
        }
        Ok(Err(_panicked)) => {
            return Err(Failed {
                status: StatusCode::INTERNAL_SERVER_ERROR,
                why: msg!(
                    "检查中途出错（planlint 的缺陷，请报告）",
                    "the check failed part way (a bug in planlint; please report it)"
                ),
                retry_after: None,
            });
        }
        Err(_elapsed) => {
            let seconds = limit.as_secs();
            return Err(Failed {
                status: StatusCode::SERVICE_UNAVAILABLE,
                why: msg!(
                    "检查超过 {seconds} 秒未完成，已放弃",
                    "the check took longer than {seconds} s and was given up"
                ),
                retry_after: None,
            });
        }
    };
    let json = review.in_lang(lang).json.clone();
    let id = state.store.keep(review).ok_or_else(|| Failed {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        why: msg!("系统无法生成随机编号", "the system gave no random id"),
        retry_after: None,
    })?;
    if let (Some(dir), Some(bytes)) = (&state.settings.keep, kept_bytes) {
        keep(dir, &id, &name, &bytes, &json);
    }
    let review = state.store.get(&id).ok_or_else(|| Failed {
        status: StatusCode::SERVICE_UNAVAILABLE,
        why: msg!("检查结果已过期", "the review expired"),
        retry_after: Some(RETRY_AFTER_SECONDS),
    })?;
    Ok(Done { id, review })
}

/// `--keep DIR`: the upload and its JSON in `DIR/ID/`, written aside and renamed, so a
/// reader never sees half a file. A failure is logged, never the reviewer's problem.
fn keep(dir: &std::path::Path, id: &str, name: &str, bytes: &[u8], json: &[u8]) {
    let folder = dir.join(id);
    let written = std::fs::create_dir_all(&folder).and_then(|()| {
        for (file, content) in [(name, bytes), ("report.json", json)] {
            let mut temp = tempfile::NamedTempFile::new_in(&folder)?;
            std::io::Write::write_all(&mut temp, content)?;
            temp.persist_noclobber(folder.join(file))
                .map_err(|e| e.error)?;
        }
        Ok(())
    });
    if let Err(err) = written {
        super::log::keep_failed(&folder, &err);
    }
}

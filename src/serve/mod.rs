//! `planlint serve`: the reviewer's desk, planlint as pages on the office network.
//!
//! A reviewer uploads a draft (.docx, .pdf, .ofd, .txt, .md) and gets its review: where it
//! was placed and why, the chain of parent plans, the findings marked in its text, the 对照表
//! and the downloads (annotated .docx, the table as .docx and .csv, the JSON). The corpus is
//! browsable (the cascade picture, each plan's page, search), and office systems call the same
//! checks through a JSON API described by OpenAPI.
//!
//! Layout: `corpus` holds the loaded corpus and reloads it when its files change; `review`
//! runs one check and keeps what its page and downloads show; `admission` bounds the checks
//! running and waiting; `app` wires the routes and the safety layers; `pages` renders HTML,
//! `api` answers JSON.

mod access;
mod admission;
mod api;
mod app;
mod checks;
mod corpus;
mod log;
mod pages;
mod review;
mod store;
mod upload;
mod view;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::config::Config;
use crate::error::Error;
use crate::i18n::Lang;
use crate::msg;

/// Who may use the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    /// Every request carries this bearer token (or the cookie the password page sets).
    Token(String),
    /// Anyone who reaches the address: only loopback by default, or `--no-auth`.
    Open,
}

impl Access {
    /// The access a command line asks for on `addr`: a service reachable from other machines
    /// needs a token or an explicit `--no-auth`.
    pub fn decide(addr: SocketAddr, token: Option<String>, no_auth: bool) -> Result<Self, Error> {
        match token {
            Some(token) if token.trim().len() < 8 => Err(Error::Serve(msg!(
                "--token 至少需要 8 个字符",
                "--token needs at least 8 characters"
            ))),
            Some(token) => Ok(Access::Token(token.trim().to_string())),
            None if no_auth || addr.ip().is_loopback() => Ok(Access::Open),
            None => Err(Error::Serve(msg!(
                "监听 {addr} 时其他机器也能访问：请用 --token 设置口令，或明确给出 --no-auth",
                "listening on {addr} lets other machines in: set a password with --token, or say --no-auth"
            ))),
        }
    }
}

/// The bounds that keep one service up under any load and any upload.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest request body, in bytes.
    pub max_upload: usize,
    /// How long one check may run.
    pub check_timeout: Duration,
    /// Checks run at once (default: the cores).
    pub workers: usize,
    /// Checks waiting for a worker; past them the answer is 503 with Retry-After.
    pub queue: usize,
    /// Reviews held in memory for their page and downloads.
    pub reviews: usize,
    /// The bytes they may hold together (their downloads, text and held uploads).
    pub review_bytes: usize,
    /// How long a review is held.
    pub review_ttl: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_upload: 20 * 1024 * 1024,
            check_timeout: Duration::from_secs(60),
            workers: std::thread::available_parallelism().map_or(2, usize::from),
            queue: 16,
            reviews: 64,
            review_bytes: 256 * 1024 * 1024,
            review_ttl: Duration::from_secs(30 * 60),
        }
    }
}

/// Everything one service is started with.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The corpus folder drafts are checked against.
    pub corpus: PathBuf,
    pub access: Access,
    pub limits: Limits,
    /// Keep every upload and its JSON here (nothing is kept otherwise).
    pub keep: Option<PathBuf>,
    /// The configuration a `check` in the working folder would use.
    pub config: Config,
    pub lints_dir: Option<PathBuf>,
    pub cache: bool,
    /// The language pages open in until the reviewer switches.
    pub lang: Lang,
    /// Watch the corpus and reload it when its files change.
    pub watch: bool,
}

/// Loads the corpus, binds `addr` and serves until Ctrl-C or SIGTERM.
pub fn run(settings: Settings, addr: SocketAddr) -> Result<(), Error> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("planlint-serve")
        .build()
        .map_err(|e| Error::Serve(msg!("无法启动服务：{e}", "cannot start the service: {e}")))?;
    let served = runtime.block_on(serve(settings, addr));
    // Ending the runtime ends the tasks that still hold a generation (the reload watcher's);
    // then every copy of the corpus is removed before the process exits.
    drop(runtime);
    corpus::finish_removals();
    if served.is_ok() {
        log::stopped();
    }
    served
}

async fn serve(settings: Settings, addr: SocketAddr) -> Result<(), Error> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| Error::Serve(msg!("无法监听 {addr}：{e}", "cannot listen on {addr}: {e}")))?;
    let bound = listener.local_addr().unwrap_or(addr);
    let live = Arc::new(corpus::Live::load(&settings).await?);
    let watcher = if settings.watch {
        Some(corpus::watch(Arc::clone(&live), settings.clone())?)
    } else {
        None
    };
    let app = app::router(Arc::clone(&live), &settings);
    let stop = shutdown();
    let generation = live.current();
    log::started(
        bound,
        &generation.shown,
        generation.report.corpus.plans.len(),
        &settings,
    );
    drop(generation);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(stop)
    .await
    .map_err(|e| Error::Output(e.to_string()))?;
    drop(watcher);
    Ok(())
}

/// Listens for Ctrl-C and SIGTERM from now on, and resolves on the first: requests running
/// finish, new connections are refused. Called before the service says it has started: a signal
/// that came before the listening began would end the process at once, its copies of the corpus
/// left behind.
fn shutdown() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{Signal, SignalKind, signal};
        let (terminate, interrupt) = (
            signal(SignalKind::terminate()).ok(),
            signal(SignalKind::interrupt()).ok(),
        );
        let received = |signal: Option<Signal>| async move {
            match signal {
                Some(mut signal) => {
                    signal.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        async move {
            tokio::select! {
                () = received(terminate) => {},
                () = received(interrupt) => {},
            }
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}

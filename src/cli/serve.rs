//! `planlint serve`: the review service on this machine or the office network (`crate::serve`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use super::context::RunContext;
use super::{ExitStatus, RunArgs};
use crate::serve::{Access, Limits, Settings};

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The corpus drafts are checked against; reloaded when its files change.
    #[arg(long, value_name = "DIR", default_value = "plans")]
    pub corpus: PathBuf,
    /// Where to listen. Any address other than loopback needs --token or --no-auth.
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// A password every request must carry (Authorization: Bearer, or the password page).
    #[arg(
        long,
        value_name = "TOKEN",
        env = "PLANLINT_TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,
    /// Listen on a non-loopback address without a token (a network you trust).
    #[arg(long, conflicts_with = "token")]
    pub no_auth: bool,
    /// Keep each upload and its JSON in DIR/ID/ (nothing is kept otherwise).
    #[arg(long, value_name = "DIR")]
    pub keep: Option<PathBuf>,
    /// The largest upload, in MB.
    #[arg(long, value_name = "MB", default_value_t = 20)]
    pub max_upload_mb: usize,
    /// How long one check may run, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub check_timeout: u64,
    /// Checks run at once (default: the cores).
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
    /// Checks that wait for a worker; past them the answer is 503 with Retry-After.
    #[arg(long, value_name = "N", default_value_t = 16)]
    pub queue: usize,
    /// Do not watch the corpus for changes.
    #[arg(long)]
    pub no_watch: bool,
    #[command(flatten)]
    pub run: RunArgs,
}

pub(super) fn run(args: &ServeArgs) -> ExitStatus {
    let context = match RunContext::new(&args.run) {
        Ok(context) => context,
        Err(status) => return status,
    };
    let access = match Access::decide(args.addr, args.token.clone(), args.no_auth) {
        Ok(access) => access,
        Err(err) => {
            context.fail(&err);
            return ExitStatus::Failure;
        }
    };
    let defaults = Limits::default();
    let settings = Settings {
        corpus: args.corpus.clone(),
        access,
        limits: Limits {
            max_upload: args.max_upload_mb.saturating_mul(1024 * 1024),
            check_timeout: Duration::from_secs(args.check_timeout.max(1)),
            workers: args.workers.unwrap_or(defaults.workers).max(1),
            queue: args.queue,
            ..defaults
        },
        keep: args.keep.clone(),
        lang: context.lang,
        lints_dir: context.lints_dir.clone(),
        cache: context.cache,
        watch: !args.no_watch,
        config: context.config.clone(),
    };
    match crate::serve::run(settings, args.addr) {
        Ok(()) => ExitStatus::Clean,
        Err(err) => {
            context.fail(&err);
            ExitStatus::Failure
        }
    }
}

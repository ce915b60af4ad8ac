//! `planlint completions SHELL` and `planlint man`: shell completions and man pages made from
//! the command line's own definition, so they never drift from it. The Debian package installs
//! what these print.

use std::path::PathBuf;

use clap::CommandFactory;

use super::{Cli, ExitStatus};

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write `planlint.1` and a page for each subcommand (`planlint-check.1`…) into this
    /// folder, instead of printing `planlint.1`.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// Prints the completion script for a shell.
pub(super) fn completions(args: &CompletionsArgs) -> ExitStatus {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "planlint", &mut script);
    super::emit_bytes(Ok(script), None, false, crate::i18n::Lang::from_env())
}

/// Prints the man page, or writes every page into a folder.
pub(super) fn man(args: &ManArgs) -> ExitStatus {
    let lang = crate::i18n::Lang::from_env();
    let command = Cli::command();
    let Some(dir) = &args.out_dir else {
        return super::emit_bytes(page(&command, "planlint"), None, false, lang);
    };
    let mut pages = vec![("planlint".to_string(), command.clone())];
    for sub in command.get_subcommands() {
        let name = format!("planlint-{}", sub.get_name());
        pages.push((
            name.clone(),
            sub.clone()
                .bin_name(format!("planlint {}", sub.get_name()))
                .display_name(name),
        ));
    }
    for (name, page_command) in pages {
        let path = dir.join(format!("{name}.1"));
        if let status @ ExitStatus::Failure =
            super::emit_bytes(page(&page_command, &name), Some(&path), true, lang)
        {
            return status;
        }
    }
    ExitStatus::Clean
}

fn page(command: &clap::Command, title: &str) -> Result<Vec<u8>, String> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(command.clone())
        .title(title.to_uppercase())
        .render(&mut roff)
        .map_err(|e| e.to_string())?;
    Ok(roff)
}

//! The command line: `peerbrief check`, `peerbrief fmt`, and (with no subcommand) the window.
//!
//! Exit codes scripts can rely on: 0 success (warnings allowed), 1 errors in the files,
//! 2 usage errors (clap's own).

mod check;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "peerbrief",
    version = crate::BUILD_INFO,
    about = "Peer review briefings and committee packs for UK councils",
    long_about = "PeerBrief keeps each council peer review in a .peerreview file (RON text), \
                  shows its strengths against its areas for consideration, and prints panel \
                  briefings and committee packs.\n\nRun with file names (or none) to open the window.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Review files to open in the window (paths or file:// URIs).
    pub files: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check review files: parse errors as file:line:col, then validation warnings.
    Check {
        /// Review files (.peerreview or .ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Rewrite review files in PeerBrief's canonical layout (the old file is kept as `name~`).
    Fmt {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Check { files }) => check::check(&files, &mut std::io::stdout().lock()),
        Some(Command::Fmt { files }) => check::fmt(&files, &mut std::io::stdout().lock()),
        None => crate::app::run(&cli.files),
    }
}

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    peerbrief::cli::run(peerbrief::cli::Cli::parse())
}

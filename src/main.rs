use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // First thing, so `PEERBRIEF_TRACE_STARTUP=1` times the first frame from process start.
    #[cfg(feature = "gui")]
    peerbrief::app::note_process_start();
    peerbrief::cli::run(peerbrief::cli::Cli::parse())
}

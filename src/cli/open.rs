//! `peerbrief [FILE]...`: open files in the running window if there is one, else start it.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::desktop::path_from_arg;
use crate::desktop::single_instance::{HAND_OFF_TIMEOUT, HandOff, default_socket_path, hand_off};

pub fn open_window(args: &[String], new_window: bool) -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_default();
    let files: Vec<PathBuf> = args.iter().map(|a| path_from_arg(a, &cwd)).collect();
    if !new_window {
        match hand_off(&default_socket_path(), &files, HAND_OFF_TIMEOUT) {
            HandOff::Delivered => {
                eprintln!("peerbrief: handed {} file(s) to the running window", files.len());
                return ExitCode::SUCCESS;
            }
            HandOff::NoInstance(reason) => {
                if std::env::var_os("PEERBRIEF_DEBUG").is_some() {
                    eprintln!("peerbrief: no running window ({reason}); starting one");
                }
            }
        }
    }
    eprintln!(
        "peerbrief {}: the desktop window is not part of this build yet; use `peerbrief check FILE…`",
        crate::BUILD_INFO
    );
    if files.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) }
}

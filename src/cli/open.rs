//! `peerbrief [FILE]...`: open files in the running window if there is one, else start it.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::app::{AppOptions, open_request_channel, run_with};
use crate::desktop::path_from_arg;
use crate::desktop::single_instance::{HAND_OFF_TIMEOUT, HandOff, default_socket_path, hand_off, listen};

pub fn open_window(args: &[String], new_window: bool) -> ExitCode {
    let cwd = std::env::current_dir().unwrap_or_default();
    let files: Vec<PathBuf> = args.iter().map(|a| path_from_arg(a, &cwd)).collect();
    if new_window {
        // A separate window: it neither hands off nor takes the socket from the first one.
        return run_with(AppOptions { files, ..AppOptions::default() });
    }
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
    // This window now takes later launches' files. If the socket cannot be made, the window
    // still works; a second launch then opens its own window.
    let (sender, requests) = open_request_channel();
    let socket = default_socket_path();
    let _listener = match listen(&socket, move |paths| {
        sender.send(paths);
    }) {
        Ok(listener) => Some(listener),
        Err(e) => {
            eprintln!("peerbrief: other launches will open their own window ({}: {e})", socket.display());
            None
        }
    };
    run_with(AppOptions { files, open_requests: Some(requests), ..AppOptions::default() })
}

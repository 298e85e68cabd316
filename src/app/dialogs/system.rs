//! [`SystemDialogs`]: the desktop's own file dialogs through rfd (xdg portal, zenity fallback,
//! Windows and macOS natively), with PeerBrief's in-window picker when the desktop has none.
//!
//! rfd answers `None` both when the user cancels and when nothing could be shown (no portal, no
//! zenity: measured 54 ms here), so "no dialog" is told apart from "Cancel" in two ways:
//!
//! 1. Before the first dialog, without talking D-Bus (nothing is sure to be installed for that):
//!    rfd has exactly two ways to show a dialog on Linux — the portal over the session bus, or
//!    the `zenity` program. If `zenity` is not on `PATH` *and* there is no session bus to ask
//!    (`DBUS_SESSION_BUS_ADDRESS` unset, no `$XDG_RUNTIME_DIR/bus`, and no `dbus-launch` to start
//!    one on X11), no dialog can appear: use the in-window picker from the start.
//! 2. Otherwise ask rfd, and time it. An empty answer in under [`NO_DIALOG_WITHIN`] is not a
//!    person pressing Cancel (a dialog takes longer than that just to appear, let alone to be
//!    read): nothing answered. The same question is then put to the in-window picker. This also
//!    covers a bus without a portal, a portal without a file chooser and a zenity that fails.
//!
//! Either way the user is told once why (at the top of the first in-window picker), and the
//! in-window picker is used for the rest of the session. `PEERBRIEF_FILE_DIALOG=builtin` always
//! uses the in-window picker; `=native` always uses rfd (and takes every empty answer as Cancel).
//! Windows and macOS always have a native dialog, so there `auto` means `native`.
//!
//! Not covered: a portal that is installed but hangs (rfd #193) keeps rfd waiting for D-Bus's
//! timeout; that answer comes too late to be told from a cancel.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use super::in_window::BuiltinDialogs;
use super::{DialogPurpose, FileDialogs, FileKind, Request, SaveAs};
use crate::app::inbox::EventSender;

/// An empty answer sooner than this means no dialog was shown (see the module docs).
pub const NO_DIALOG_WITHIN: Duration = Duration::from_millis(300);

/// Told once, when PeerBrief has to use its own picker.
pub const NO_DIALOG_NOTICE: &str = "Your desktop has no file chooser service (xdg-desktop-portal) or zenity, so PeerBrief is using its own file picker.";

/// Which file dialogs to use: `PEERBRIEF_FILE_DIALOG` = `auto` (default), `native` or `builtin`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogChoice {
    /// The desktop's dialog; PeerBrief's own picker if the desktop turns out to have none.
    Auto,
    /// Always the desktop's dialog (rfd), even if nothing answers.
    Native,
    /// Always PeerBrief's in-window picker.
    Builtin,
}

impl DialogChoice {
    /// Reads `PEERBRIEF_FILE_DIALOG`; an unknown value is reported and taken as `auto`.
    pub fn from_env() -> DialogChoice {
        let value = std::env::var("PEERBRIEF_FILE_DIALOG").ok();
        DialogChoice::parse(value.as_deref()).unwrap_or_else(|e| {
            eprintln!("peerbrief: {e}");
            DialogChoice::Auto
        })
    }

    fn parse(value: Option<&str>) -> Result<DialogChoice, String> {
        match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            None | Some("" | "auto") => Ok(DialogChoice::Auto),
            Some("native" | "system") => Ok(DialogChoice::Native),
            Some("builtin" | "in-window") => Ok(DialogChoice::Builtin),
            Some(other) => {
                Err(format!("PEERBRIEF_FILE_DIALOG={other} is not known (use auto, native or builtin); using auto"))
            }
        }
    }
}

pub struct SystemDialogs {
    choice: DialogChoice,
    /// The desktop has no dialog: the in-window picker for the rest of the session.
    builtin_now: bool,
    builtin: BuiltinDialogs,
    /// Questions no system dialog answered, sent back by the worker threads.
    unanswered: (Sender<Request>, Receiver<Request>),
}

impl Default for SystemDialogs {
    /// As `PEERBRIEF_FILE_DIALOG` says.
    fn default() -> Self {
        SystemDialogs::new(DialogChoice::from_env())
    }
}

impl SystemDialogs {
    pub fn new(choice: DialogChoice) -> SystemDialogs {
        let mut dialogs = SystemDialogs {
            choice,
            builtin_now: choice == DialogChoice::Builtin,
            builtin: BuiltinDialogs::in_home_folder(),
            unanswered: channel(),
        };
        if choice == DialogChoice::Auto && !native_dialog_possible() {
            eprintln!("peerbrief: no xdg-desktop-portal session bus and no zenity: using the in-window file picker");
            dialogs.switch_to_builtin();
        }
        dialogs
    }

    /// As `PEERBRIEF_FILE_DIALOG` says (the same as `default()`).
    pub fn from_env() -> SystemDialogs {
        SystemDialogs::default()
    }

    /// Does the in-window picker answer from now on?
    pub fn uses_builtin(&self) -> bool {
        self.builtin_now
    }

    fn switch_to_builtin(&mut self) {
        if !self.builtin_now {
            self.builtin_now = true;
            self.builtin.tell_once(NO_DIALOG_NOTICE);
        }
    }

    fn dialog(frame: &eframe::Frame, kind: FileKind, title: &str) -> rfd::AsyncFileDialog {
        let (name, extensions) = kind.filter();
        rfd::AsyncFileDialog::new()
            .add_filter(name, extensions)
            .add_filter("All files", &["*"])
            .set_parent(frame)
            .set_title(title)
    }

    /// Awaits an rfd future on a worker thread and posts the answer (the future is created on
    /// the UI thread, as macOS requires). A quick empty answer goes back to the in-window picker.
    fn deliver(&self, future: Pin<Box<dyn Future<Output = Vec<PathBuf>> + Send>>, request: Request, started: Instant) {
        let fallback = (self.choice == DialogChoice::Auto && timing_rule_applies()).then(|| self.unanswered.0.clone());
        std::thread::spawn(move || {
            let paths = pollster::block_on(future);
            let waited = started.elapsed();
            match fallback {
                Some(fallback) if paths.is_empty() && waited < NO_DIALOG_WITHIN => {
                    eprintln!(
                        "peerbrief: the system file dialog answered nothing after {} ms: no dialog was shown",
                        waited.as_millis()
                    );
                    let ctx = request.ctx.clone();
                    let _ = fallback.send(request);
                    ctx.request_repaint();
                }
                _ => request.answer(paths),
            }
        });
    }
}

impl FileDialogs for SystemDialogs {
    fn pick_files(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        kind: FileKind,
        purpose: DialogPurpose,
        reply: EventSender,
    ) {
        let request = Request { kind, save_as: None, purpose, reply, ctx: ctx.clone() };
        if self.builtin_now {
            return self.builtin.ask(request);
        }
        let started = Instant::now();
        let dialog = Self::dialog(frame, kind, kind.title(false));
        let paths: Pin<Box<dyn Future<Output = Vec<PathBuf>> + Send>> = match kind {
            FileKind::Review => {
                let future = dialog.pick_files();
                Box::pin(async move {
                    future.await.map(|files| files.iter().map(|f| f.path().to_owned()).collect()).unwrap_or_default()
                })
            }
            FileKind::Pdf | FileKind::Pack | FileKind::Logo => {
                let future = dialog.pick_file();
                Box::pin(async move { future.await.map(|f| vec![f.path().to_owned()]).unwrap_or_default() })
            }
        };
        self.deliver(paths, request, started);
    }

    fn pick_save_path(
        &mut self,
        ctx: &egui::Context,
        frame: &eframe::Frame,
        kind: FileKind,
        suggested: &SaveAs,
        purpose: DialogPurpose,
        reply: EventSender,
    ) {
        let request = Request { kind, save_as: Some(suggested.clone()), purpose, reply, ctx: ctx.clone() };
        if self.builtin_now {
            return self.builtin.ask(request);
        }
        let started = Instant::now();
        let mut dialog = Self::dialog(frame, kind, kind.title(true)).set_file_name(&suggested.name);
        if let Some(folder) = suggested.folder.as_ref().filter(|f| f.is_dir()) {
            dialog = dialog.set_directory(folder);
        }
        let future = dialog.save_file();
        let paths = Box::pin(async move { future.await.map(|f| vec![f.path().to_owned()]).unwrap_or_default() });
        self.deliver(paths, request, started);
    }

    fn ui(&mut self, ctx: &egui::Context) {
        while let Ok(request) = self.unanswered.1.try_recv() {
            self.switch_to_builtin();
            self.builtin.ask(request);
        }
        self.builtin.ui(ctx);
    }

    fn is_open(&self) -> bool {
        self.builtin.is_open()
    }
}

/// Windows and macOS always show a dialog; on Linux and the BSDs a quick empty answer means none.
fn timing_rule_applies() -> bool {
    cfg!(all(unix, not(target_os = "macos")))
}

/// Could rfd show any dialog here? (Rule 1 of the module docs.)
fn native_dialog_possible() -> bool {
    if !timing_rule_applies() {
        return true;
    }
    let var = std::env::var_os;
    dialog_route(
        var("PATH").as_deref(),
        var("DBUS_SESSION_BUS_ADDRESS").as_deref(),
        var("XDG_RUNTIME_DIR").as_deref(),
        var("DISPLAY").is_some_and(|d| !d.is_empty()),
    )
    .is_some()
}

/// How rfd could show a dialog, given these environment variables; `None` if it cannot.
fn dialog_route(
    path: Option<&OsStr>,
    bus_address: Option<&OsStr>,
    runtime_dir: Option<&OsStr>,
    x11_display: bool,
) -> Option<&'static str> {
    if on_path("zenity", path) {
        return Some("zenity");
    }
    if bus_address.is_some_and(|a| !a.is_empty()) {
        return Some("the session bus (DBUS_SESSION_BUS_ADDRESS)");
    }
    if runtime_dir.is_some_and(|d| !d.is_empty() && Path::new(d).join("bus").exists()) {
        return Some("the session bus ($XDG_RUNTIME_DIR/bus)");
    }
    if x11_display && on_path("dbus-launch", path) {
        return Some("a session bus started by dbus-launch");
    }
    None
}

/// Is there an executable `program` in one of `path`'s folders?
fn on_path(program: &str, path: Option<&OsStr>) -> bool {
    let Some(path) = path else { return false };
    std::env::split_paths(path).any(|dir| {
        let file = dir.join(program);
        std::fs::metadata(&file).is_ok_and(|m| m.is_file() && is_executable(&m))
    })
}

#[cfg(unix)]
fn is_executable(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn is_executable(_meta: &std::fs::Metadata) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_override_is_read_plainly() {
        assert_eq!(DialogChoice::parse(None), Ok(DialogChoice::Auto));
        assert_eq!(DialogChoice::parse(Some("Builtin")), Ok(DialogChoice::Builtin));
        assert_eq!(DialogChoice::parse(Some(" native ")), Ok(DialogChoice::Native));
        assert!(DialogChoice::parse(Some("gtk")).unwrap_err().contains("use auto, native or builtin"));
    }

    #[cfg(unix)]
    #[test]
    fn no_zenity_and_no_bus_means_no_dialog() {
        use std::os::unix::fs::PermissionsExt;
        let bin = tempfile::tempdir().unwrap();
        let run = tempfile::tempdir().unwrap();
        let path = bin.path().as_os_str();
        let run_dir = run.path().as_os_str();
        assert_eq!(dialog_route(Some(path), None, Some(run_dir), true), None);
        assert_eq!(dialog_route(None, Some(OsStr::new("")), None, false), None);
        // A session bus, by address or by socket, may have a portal: ask rfd (and time it).
        assert!(dialog_route(Some(path), Some(OsStr::new("unix:path=/x")), None, false).is_some());
        std::fs::write(run.path().join("bus"), "").unwrap();
        assert!(dialog_route(Some(path), None, Some(run_dir), false).is_some());
        // dbus-launch only helps on X11; zenity always; a file that cannot run does not count.
        let launcher = bin.path().join("dbus-launch");
        std::fs::write(&launcher, "#!/bin/sh\n").unwrap();
        std::fs::set_permissions(&launcher, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(dialog_route(Some(path), None, None, false), None);
        assert!(dialog_route(Some(path), None, None, true).is_some());
        let zenity = bin.path().join("zenity");
        std::fs::write(&zenity, "#!/bin/sh\n").unwrap();
        assert!(!on_path("zenity", Some(path)));
        std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(dialog_route(Some(path), None, None, false), Some("zenity"));
    }
}

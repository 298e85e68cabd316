//! Platform glue for opening files the way people do: double-click in the file manager
//! (file association, `install-desktop`) and a second launch handing its files to the window
//! that is already open (single instance).

mod args;
mod install;
pub mod single_instance;

pub use args::path_from_arg;
pub use install::{DesktopInstall, InstallScope, install_desktop, uninstall_desktop};

/// Application id: desktop file name, Wayland app id, X11 WM_CLASS and persistence folder.
pub const APP_ID: &str = "org.peerbrief.PeerBrief";

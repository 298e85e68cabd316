//! `peerbrief install-desktop` and `uninstall-desktop`.

use std::process::ExitCode;

use crate::desktop::{DesktopInstall, InstallScope, install_desktop, uninstall_desktop};

fn target(system: bool) -> Result<DesktopInstall, String> {
    DesktopInstall::for_scope(if system { InstallScope::System } else { InstallScope::User })
}

pub fn install(system: bool) -> ExitCode {
    let result =
        std::env::current_exe().map_err(|e| format!("cannot find the running peerbrief binary: {e}")).and_then(|exe| {
            let exe = exe.canonicalize().unwrap_or(exe);
            let install = target(system)?;
            install_desktop(&install, &exe).map(|files| (install, files))
        });
    match result {
        Ok((install, files)) => {
            println!(
                "Installed {} files under {}: .peerreview and .peerpack files now open in PeerBrief.",
                files.len(),
                install.data_dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("peerbrief: error: install-desktop: {e}");
            ExitCode::from(1)
        }
    }
}

pub fn uninstall(system: bool) -> ExitCode {
    match target(system).and_then(|install| uninstall_desktop(&install).map(|removed| (install, removed))) {
        Ok((install, removed)) => {
            println!("Removed {} files under {}.", removed.len(), install.data_dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("peerbrief: error: uninstall-desktop: {e}");
            ExitCode::from(1)
        }
    }
}

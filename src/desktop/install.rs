//! `peerbrief install-desktop`: the MIME types, desktop entry and icons that make a
//! double-click on a `.peerreview` file open PeerBrief (freedesktop.org desktops).
//!
//! Everything is embedded in the binary, so this works from `cargo install` as well as the .deb.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::APP_ID;

const MIME_XML: &[u8] = include_bytes!("../../assets/linux/org.peerbrief.PeerBrief.xml");
const DESKTOP_ENTRY: &str = include_str!("../../assets/linux/org.peerbrief.PeerBrief.desktop");
const ICON_SVG: &[u8] = include_bytes!("../../assets/icons/hicolor/scalable/apps/org.peerbrief.PeerBrief.svg");

macro_rules! png_icons {
    ($($size:literal),*) => {
        [$(($size, include_bytes!(concat!("../../assets/icons/hicolor/", $size, "x", $size, "/apps/org.peerbrief.PeerBrief.png")) as &[u8])),*]
    };
}
const ICON_PNGS: [(&str, &[u8]); 8] = png_icons!("16", "24", "32", "48", "64", "128", "256", "512");

/// Where to install: for this user (`$XDG_DATA_HOME`, default `~/.local/share`) or for everyone
/// (`/usr/local/share`, needs root).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstallScope {
    User,
    System,
}

/// The files an install writes, under one data folder.
#[derive(Clone, Debug)]
pub struct DesktopInstall {
    pub data_dir: PathBuf,
}

impl DesktopInstall {
    pub fn for_scope(scope: InstallScope) -> Result<DesktopInstall, String> {
        let data_dir = match scope {
            InstallScope::System => PathBuf::from("/usr/local/share"),
            InstallScope::User => match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
                Some(dir) => PathBuf::from(dir),
                None => std::env::var_os("HOME")
                    .filter(|v| !v.is_empty())
                    .map(|home| Path::new(&home).join(".local/share"))
                    .ok_or("neither XDG_DATA_HOME nor HOME is set, so there is no user data folder")?,
            },
        };
        Ok(DesktopInstall { data_dir })
    }

    fn mime_dir(&self) -> PathBuf {
        self.data_dir.join("mime")
    }

    fn applications_dir(&self) -> PathBuf {
        self.data_dir.join("applications")
    }

    /// Every file this install owns, with its content.
    fn files(&self, exe: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let icons = self.data_dir.join("icons/hicolor");
        let mut files = vec![
            (self.mime_dir().join(format!("packages/{APP_ID}.xml")), MIME_XML.to_vec()),
            (self.applications_dir().join(format!("{APP_ID}.desktop")), desktop_entry_for(exe).into_bytes()),
            (icons.join(format!("scalable/apps/{APP_ID}.svg")), ICON_SVG.to_vec()),
        ];
        for (size, png) in ICON_PNGS {
            files.push((icons.join(format!("{size}x{size}/apps/{APP_ID}.png")), png.to_vec()));
        }
        files
    }
}

/// The desktop entry with `Exec`/`TryExec` pointing at this very binary, so a double-click works
/// even when `peerbrief` is not on the file manager's PATH (e.g. a build in `target/`).
pub fn desktop_entry_for(exe: &Path) -> String {
    let exe = exe.display().to_string();
    // Desktop entry quoting: wrap in double quotes and escape ", `, $ and \.
    let needs_quotes = exe.chars().any(|c| c.is_whitespace() || "\"`$\\'()&;<>|*?#~=%".contains(c));
    let quoted = if needs_quotes {
        let escaped: String =
            exe.chars().flat_map(|c| if "\"`$\\".contains(c) { vec!['\\', c] } else { vec![c] }).collect();
        format!("\"{}\"", escaped.replace('\\', "\\\\"))
    } else {
        exe.clone()
    };
    DESKTOP_ENTRY
        .lines()
        .map(|line| {
            if line.starts_with("Exec=") {
                format!("Exec={quoted} %F")
            } else if line.starts_with("TryExec=") {
                format!("TryExec={exe}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    // Write beside, then rename: a desktop scanning the folder never sees half a file.
    let tmp = path.with_extension("peerbrief-tmp");
    fs::write(&tmp, bytes)?;
    fs::rename(&tmp, path)
}

fn refresh(tool: &str, args: &[&Path], package: &str) -> Result<(), String> {
    match Command::new(tool).args(args).output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!("`{tool}` failed: {}", String::from_utf8_lossy(&out.stderr).trim())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            Err(format!("`{tool}` was not found; install the Debian package `{package}` and run this again"))
        }
        Err(e) => Err(format!("could not run `{tool}`: {e}")),
    }
}

fn refresh_caches(install: &DesktopInstall) -> Result<(), String> {
    refresh("update-mime-database", &[&install.mime_dir()], "shared-mime-info")?;
    refresh("update-desktop-database", &[&install.applications_dir()], "desktop-file-utils")?;
    // Icon caches are optional: desktops fall back to scanning the folder.
    let hicolor = install.data_dir.join("icons/hicolor");
    if hicolor.join("index.theme").exists() {
        let _ = Command::new("gtk-update-icon-cache").arg("-q").arg("-t").arg(&hicolor).output();
    }
    Ok(())
}

/// Installs (or refreshes) the association; running it again is harmless.
/// Returns the paths written.
pub fn install_desktop(install: &DesktopInstall, exe: &Path) -> Result<Vec<PathBuf>, String> {
    let mut written = Vec::new();
    for (path, bytes) in install.files(exe) {
        write_file(&path, &bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    refresh_caches(install)?;
    Ok(written)
}

/// Removes what `install_desktop` wrote; files already gone are fine. Returns the paths removed.
pub fn uninstall_desktop(install: &DesktopInstall) -> Result<Vec<PathBuf>, String> {
    let mut removed = Vec::new();
    for (path, _) in install.files(Path::new("peerbrief")) {
        match fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("cannot remove {}: {e}", path.display())),
        }
    }
    if install.mime_dir().join("packages").is_dir() {
        refresh_caches(install)?;
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desktop_entry_points_at_the_running_binary() {
        let entry = desktop_entry_for(Path::new("/opt/peer brief/peerbrief"));
        assert!(entry.contains("\nExec=\"/opt/peer brief/peerbrief\" %F\n"), "{entry}");
        assert!(entry.contains("\nTryExec=/opt/peer brief/peerbrief\n"), "{entry}");
        assert!(entry.contains("MimeType=application/x-peerbrief-review;application/x-peerbrief-pack;"));
        let plain = desktop_entry_for(Path::new("/usr/bin/peerbrief"));
        assert!(plain.contains("\nExec=/usr/bin/peerbrief %F\n"), "{plain}");
    }

    #[test]
    fn owns_mime_desktop_and_every_icon_size() {
        let install = DesktopInstall { data_dir: PathBuf::from("/x") };
        let names: Vec<String> = install.files(Path::new("p")).iter().map(|(p, _)| p.display().to_string()).collect();
        assert!(names.contains(&"/x/mime/packages/org.peerbrief.PeerBrief.xml".to_owned()));
        assert!(names.contains(&"/x/applications/org.peerbrief.PeerBrief.desktop".to_owned()));
        assert!(names.contains(&"/x/icons/hicolor/512x512/apps/org.peerbrief.PeerBrief.png".to_owned()));
        assert!(names.contains(&"/x/icons/hicolor/scalable/apps/org.peerbrief.PeerBrief.svg".to_owned()));
        assert_eq!(names.len(), 11);
    }
}

//! Build information for `--version`, and the Windows icon and version resources.
//!
//! The git hash is added only for CI and reproducible builds (`CI` or `SOURCE_DATE_EPOCH` set), so
//! a developer's incremental builds do not rebuild on every commit.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=CI");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let stamped = std::env::var_os("CI").is_some() || std::env::var_os("SOURCE_DATE_EPOCH").is_some();
    let hash = stamped
        .then(|| Command::new("git").args(["rev-parse", "--short=10", "HEAD"]).output().ok())
        .flatten()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    let info = match hash {
        Some(h) => format!("{version} ({h})"),
        None => version.clone(),
    };
    println!("cargo:rustc-env=PEERBRIEF_BUILD_INFO={info}");
    windows_resources(&version);
}

/// Icon and version info for Explorer. Keyed on the *target* OS (not `cfg!(windows)`, which is
/// the build machine), so cross builds for Windows get them too.
fn windows_resources(version: &str) {
    println!("cargo:rerun-if-changed=assets/windows/peerbrief.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/windows/peerbrief.ico")
        .set("ProductName", "PeerBrief")
        .set("FileDescription", "PeerBrief: peer review briefings and committee packs")
        .set("OriginalFilename", "peerbrief.exe")
        .set("ProductVersion", version)
        .set("FileVersion", version)
        .set("LegalCopyright", "PeerBrief developers; MIT OR Apache-2.0");
    if let Err(e) = res.compile() {
        // A missing resource compiler must not stop a build; the exe just has no icon.
        println!("cargo:warning=Windows resources not embedded: {e}");
    }
}

//! Build information for `--version`, and (later) Windows resources.
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
        None => version,
    };
    println!("cargo:rustc-env=PEERBRIEF_BUILD_INFO={info}");
}

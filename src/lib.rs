//! PeerBrief: peer review briefings and committee packs for UK councils.
//!
//! Rooms, with dependencies pointing down: `cli` → `app` → `briefing` → `store` → `model`,
//! plus `desktop` (platform glue for opening files). `model` is pure data and rules; `store` is
//! the only code touching review and pack files.

#[cfg(feature = "gui")]
pub mod app;
pub mod briefing;
pub mod cli;
pub mod desktop;
pub mod model;
pub mod store;

/// Version and, for CI or reproducible builds, the git commit: "0.1.0 (abc1234)".
pub const BUILD_INFO: &str = env!("PEERBRIEF_BUILD_INFO");

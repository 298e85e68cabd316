//! Upgrades older review files to the current format, one version step at a time.
//!
//! Format history:
//! - **1** (pre-release prototype): no `key` flag on findings — every finding was a headline
//!   finding — and the marking field was called `protective_marking` (still accepted as an alias).
//! - **2** (current): `key` flag per finding; `marking`.

use crate::model::{FORMAT_VERSION, Review};

/// Brings a review parsed from format `from` up to [`FORMAT_VERSION`].
pub fn upgrade(review: &mut Review, from: u32) -> Result<(), String> {
    if from == 0 {
        return Err("format version 0 was never written by PeerBrief; the file's format_version is wrong".into());
    }
    for version in from..FORMAT_VERSION {
        match version {
            1 => {
                for finding in &mut review.findings {
                    finding.key = true;
                }
            }
            other => return Err(format!("no upgrade step from format version {other}")),
        }
    }
    review.format_version = FORMAT_VERSION;
    Ok(())
}

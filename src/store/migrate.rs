//! Upgrades older review files to the current format, one version step at a time.
//!
//! Format history:
//! - **1** (pre-release prototype): no `key` flag on findings — every finding was a headline
//!   finding — and the marking field was called `protective_marking`.
//! - **2**: `key` flag per finding; `marking`. The seed report's paragraphs were review fields.
//! - **3** (current): the report is data — `report: Report(sections: [...])`, each section a
//!   heading over blocks — plus `template`, `header_facts`, `numbering` and `house_style`.
//!   Format 2's prose fields migrate word for word to the `worcestershire-scrutiny` sections.

use super::legacy::LegacyReview;
use crate::model::Review;

/// Brings a format 1 or 2 review up to format 3.
pub fn upgrade(mut legacy: LegacyReview) -> Result<Review, String> {
    let from = legacy.format_version;
    if from == 0 {
        return Err("format version 0 was never written by PeerBrief; the file's format_version is wrong".into());
    }
    if from == 1 {
        for finding in &mut legacy.findings {
            finding.key = true;
        }
    }
    if from > 2 {
        return Err(format!("no upgrade step from format version {from}"));
    }
    Ok(legacy.into_review())
}

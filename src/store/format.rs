//! The canonical text of a review: pretty RON in field order, so an unedited file saves back
//! byte for byte and version control shows small diffs.

use std::path::Path;

use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::StoreError;
use super::migrate;
use crate::model::action_plan::from_legacy;
use crate::model::{FORMAT_VERSION, Review};

/// Deepest nesting accepted; real reviews need about 6 levels.
const RECURSION_LIMIT: usize = 64;

fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .new_line("\n")
        // Paragraphs are written as real lines and apostrophes as they are, so files read well.
        .escape_strings(false)
}

/// The exact text PeerBrief writes for a review (ends with a newline).
pub fn to_canonical_text(review: &Review) -> Result<String, String> {
    let mut text = ron::Options::default().to_string_pretty(review, pretty()).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// Only the version, read leniently so a newer file with unknown fields can still be recognised.
#[derive(Deserialize)]
#[serde(rename = "PeerReview")]
struct VersionProbe {
    format_version: u32,
}

fn options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// Gives findings written before ids their ids, then moves format 2's per-finding actions into
/// the action plan (the lead joins this to the format 2 → 3 migration).
fn settle_ids_and_actions(review: &mut Review) {
    review.assign_finding_ids();
    let legacy = from_legacy(&mut review.findings);
    review.action_plan.absorb(legacy);
}

/// Parses review text (already decoded and normalised by `read_text`); `path` is for messages.
///
/// Returns the review at the current format version and, if it was migrated, the version it had.
pub fn parse_review(text: &str, path: &Path) -> Result<(Review, Option<u32>), StoreError> {
    match options().from_str::<Review>(text) {
        Ok(mut review) => {
            settle_ids_and_actions(&mut review);
            let found = review.format_version;
            if found > FORMAT_VERSION {
                return Err(StoreError::NewerVersion { path: path.to_owned(), found, supported: FORMAT_VERSION });
            }
            if found == FORMAT_VERSION {
                return Ok((review, None));
            }
            migrate::upgrade(&mut review, found).map_err(|message| StoreError::Migration {
                path: path.to_owned(),
                found,
                message,
            })?;
            Ok((review, Some(found)))
        }
        Err(e) => {
            // A newer file may fail on fields we do not know: say so rather than "unknown field".
            if let Ok(probe) = options().from_str::<VersionProbe>(text)
                && probe.format_version > FORMAT_VERSION
            {
                return Err(StoreError::NewerVersion {
                    path: path.to_owned(),
                    found: probe.format_version,
                    supported: FORMAT_VERSION,
                });
            }
            Err(StoreError::from_ron(path, text, &e))
        }
    }
}

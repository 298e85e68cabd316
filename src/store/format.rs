//! The canonical text of a review: pretty RON in field order, so an unedited file saves back
//! byte for byte and version control shows small diffs.

use std::path::Path;

use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::StoreError;
use super::legacy::LegacyReview;
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

/// The file's format version, read before choosing how to parse it: found by a scan of the
/// canonical layout (where it is the first field), else by a lenient parse.
fn version_of(text: &str) -> Option<u32> {
    let scanned = text.find("format_version").and_then(|at| {
        let rest = text[at + "format_version".len()..].trim_start().strip_prefix(':')?.trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    });
    scanned.or_else(|| options().from_str::<VersionProbe>(text).ok().map(|p| p.format_version))
}

/// Parses review text (already decoded and normalised by `read_text`); `path` is for messages.
///
/// Returns the review at the current format version and, if it was migrated, the version it had.
/// Formats 1 and 2 are read with their own field list and migrated (see [`migrate`]).
pub fn parse_review(text: &str, path: &Path) -> Result<(Review, Option<u32>), StoreError> {
    let mut parsed = parse_any(text, path);
    if let Ok((review, _)) = &mut parsed {
        settle_ids_and_actions(review);
    }
    parsed
}

/// Gives findings written before ids their ids, then moves format 2's per-finding actions (read
/// as `Finding::legacy_action`, never written) into the action plan.
fn settle_ids_and_actions(review: &mut Review) {
    review.assign_finding_ids();
    let legacy = from_legacy(&mut review.findings);
    review.action_plan.absorb(legacy);
}

fn parse_any(text: &str, path: &Path) -> Result<(Review, Option<u32>), StoreError> {
    let newer = |found| StoreError::NewerVersion { path: path.to_owned(), found, supported: FORMAT_VERSION };
    match version_of(text) {
        Some(found) if found > FORMAT_VERSION => Err(newer(found)),
        Some(found) if found < FORMAT_VERSION => parse_legacy(text, path),
        _ => match options().from_str::<Review>(text) {
            Ok(review) if review.format_version > FORMAT_VERSION => Err(newer(review.format_version)),
            Ok(review) if review.format_version < FORMAT_VERSION => parse_legacy(text, path),
            Ok(review) => Ok((review, None)),
            Err(e) => Err(StoreError::from_ron(path, text, &e)),
        },
    }
}

/// A format 1 or 2 file, migrated.
fn parse_legacy(text: &str, path: &Path) -> Result<(Review, Option<u32>), StoreError> {
    let legacy = options().from_str::<LegacyReview>(text).map_err(|e| StoreError::from_ron(path, text, &e))?;
    let found = legacy.format_version;
    if found >= FORMAT_VERSION {
        // The scan misread the version (a hand-edited file): parse it as what it says it is.
        return match options().from_str::<Review>(text) {
            Ok(review) if review.format_version == FORMAT_VERSION => Ok((review, None)),
            Ok(review) => Err(StoreError::NewerVersion {
                path: path.to_owned(),
                found: review.format_version,
                supported: FORMAT_VERSION,
            }),
            Err(e) => Err(StoreError::from_ron(path, text, &e)),
        };
    }
    let review =
        migrate::upgrade(legacy).map_err(|message| StoreError::Migration { path: path.to_owned(), found, message })?;
    Ok((review, Some(found)))
}

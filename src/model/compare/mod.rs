//! "Since the last review": which findings keep coming back.
//!
//! Each current area for consideration is matched with the previous review's areas of the same
//! theme and similar wording (shared key words, see [`words`]); a match is **recurring**, the rest
//! are **new**, and previous areas with no match are **not raised again**. The same for
//! strengths. A person can confirm or break a match; that is stored in the current review as
//! [`MatchDecision`]s, keyed by the findings' text.
//!
//! Pure: no files. The caller loads the previous review (see `store::load_previous_review`).

mod words;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{Finding, FindingKind, Review};

pub use words::{key_words, stem};

/// How similar two findings' key words must be to match without a person saying so: the Jaccard
/// index of their stems (shared / all) at least this, with at least [`MIN_SHARED`] shared.
pub const THRESHOLD: f32 = 0.2;
/// Fewest shared key words for an automatic match.
pub const MIN_SHARED: usize = 2;

/// A person's decision about one pair of findings, stored in the current review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchDecision {
    /// The current finding's text.
    pub current: String,
    /// The previous review's finding's text.
    pub previous: String,
    /// `true`: they are the same concern (confirmed); `false`: they are not (broken).
    pub keep: bool,
}

/// How a current finding stands against the previous review.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Raised before, as the previous review's finding `previous` (its index in `findings`).
    Recurring {
        previous: usize,
        /// The key words both share, as written in the current finding.
        shared: Vec<String>,
        /// A person confirmed the match (otherwise it was found by wording).
        confirmed: bool,
    },
    /// Not raised in the previous review.
    New,
}

impl Status {
    pub fn label(&self) -> &'static str {
        match self {
            Status::Recurring { .. } => "recurring",
            Status::New => "new",
        }
    }
}

/// One current finding and its status.
#[derive(Clone, Debug, PartialEq)]
pub struct CurrentItem {
    /// Index in the current review's `findings`.
    pub index: usize,
    pub status: Status,
    /// A match a person broke for this finding, if any (index in the previous review).
    pub broken: Vec<usize>,
}

/// The comparison for one kind of finding.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KindComparison {
    pub current: Vec<CurrentItem>,
    /// Previous findings (indices) with no match in the current review.
    pub not_raised_again: Vec<usize>,
}

impl KindComparison {
    pub fn recurring(&self) -> usize {
        self.current.iter().filter(|c| matches!(c.status, Status::Recurring { .. })).count()
    }
}

/// The whole comparison of a review with its previous one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    pub areas: KindComparison,
    pub strengths: KindComparison,
    /// False when the two reviews share no theme (id or label): then wording alone decides.
    pub themes_shared: bool,
}

impl Comparison {
    pub fn of(&self, kind: FindingKind) -> &KindComparison {
        match kind {
            FindingKind::AreaForConsideration => &self.areas,
            FindingKind::Strength => &self.strengths,
        }
    }
}

/// Why two reviews cannot be compared: they are of different councils.
pub fn same_council(previous: &Review, current: &Review) -> Result<(), String> {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    if norm(&previous.council) == norm(&current.council) {
        Ok(())
    } else {
        Err(format!(
            "it is a review of another council ({}, not {})",
            or_unnamed(&previous.council),
            or_unnamed(&current.council)
        ))
    }
}

fn or_unnamed(council: &str) -> &str {
    if council.trim().is_empty() { "no council named" } else { council.trim() }
}

/// Compares `current` with `previous` (the council is not checked here: see [`same_council`]).
pub fn compare(previous: &Review, current: &Review) -> Comparison {
    let themes_shared = previous.themes.iter().any(|p| current.themes.iter().any(|c| same_theme(p, c)));
    let kind = |k| compare_kind(previous, current, k, themes_shared);
    Comparison { areas: kind(FindingKind::AreaForConsideration), strengths: kind(FindingKind::Strength), themes_shared }
}

fn same_theme(a: &super::Theme, b: &super::Theme) -> bool {
    a.id == b.id || a.label.trim().eq_ignore_ascii_case(b.label.trim())
}

/// Whether two findings share a theme, comparing ids and labels across the two theme sets.
fn share_theme(previous: &Review, p: &Finding, current: &Review, c: &Finding) -> bool {
    let labels = |r: &Review, f: &Finding| -> BTreeSet<String> {
        f.themes.iter().flat_map(|id| [id.clone(), r.theme_label(id).trim().to_lowercase()]).collect()
    };
    let (a, b) = (labels(previous, p), labels(current, c));
    a.iter().any(|x| b.contains(x))
}

fn same_text(a: &str, b: &str) -> bool {
    a.trim() == b.trim()
}

/// The key words shared by two findings (as written in the current one) and their Jaccard index.
pub fn similarity(previous: &str, current: &str) -> (Vec<String>, f32) {
    let (p, c) = (key_words(previous), key_words(current));
    let shared: Vec<String> = c.iter().filter(|(k, _)| p.contains_key(*k)).map(|(_, w)| w.clone()).collect();
    let union = p.len() + c.len() - shared.len();
    let score = if union == 0 { 0.0 } else { shared.len() as f32 / union as f32 };
    (shared, score)
}

fn compare_kind(previous: &Review, current: &Review, kind: FindingKind, themes_shared: bool) -> KindComparison {
    let prev: Vec<usize> = previous.findings_of(kind, false).map(|(i, _)| i).collect();
    let cur: Vec<usize> = current.findings_of(kind, false).map(|(i, _)| i).collect();
    let decision = |c: usize, p: usize| {
        let (ct, pt) = (&current.findings[c].text, &previous.findings[p].text);
        current
            .comparison
            .iter()
            .rev()
            .find(|d| same_text(&d.current, ct) && same_text(&d.previous, pt))
            .map(|d| d.keep)
    };
    let mut matched_cur: Vec<Option<(usize, bool)>> = vec![None; cur.len()];
    let mut matched_prev = vec![false; prev.len()];
    // Confirmed pairs first, whatever their wording.
    for (ci, &c) in cur.iter().enumerate() {
        for (pi, &p) in prev.iter().enumerate() {
            if matched_cur[ci].is_none() && !matched_prev[pi] && decision(c, p) == Some(true) {
                matched_cur[ci] = Some((pi, true));
                matched_prev[pi] = true;
            }
        }
    }
    // Then the most similar pairs, each finding used once; broken pairs never.
    let mut candidates = Vec::new();
    for (ci, &c) in cur.iter().enumerate() {
        for (pi, &p) in prev.iter().enumerate() {
            let (cf, pf) = (&current.findings[c], &previous.findings[p]);
            if themes_shared && !share_theme(previous, pf, current, cf) {
                continue;
            }
            let (shared, score) = similarity(&pf.text, &cf.text);
            if shared.len() >= MIN_SHARED && score >= THRESHOLD && decision(c, p) != Some(false) {
                candidates.push((score, ci, pi));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, ci, pi) in candidates {
        if matched_cur[ci].is_none() && !matched_prev[pi] {
            matched_cur[ci] = Some((pi, false));
            matched_prev[pi] = true;
        }
    }
    let items = cur
        .iter()
        .zip(&matched_cur)
        .map(|(&c, m)| {
            let status = match *m {
                Some((pi, confirmed)) => Status::Recurring {
                    previous: prev[pi],
                    shared: similarity(&previous.findings[prev[pi]].text, &current.findings[c].text).0,
                    confirmed,
                },
                None => Status::New,
            };
            let broken = prev.iter().copied().filter(|&p| decision(c, p) == Some(false)).collect();
            CurrentItem { index: c, status, broken }
        })
        .collect();
    let not_raised_again = prev.iter().zip(&matched_prev).filter(|(_, m)| !**m).map(|(&p, _)| p).collect();
    KindComparison { current: items, not_raised_again }
}

/// Records a person's decision on a pair in `current` (replacing any earlier one for the pair).
pub fn decide(current: &mut Review, current_text: &str, previous_text: &str, keep: bool) {
    current.comparison.retain(|d| !(same_text(&d.current, current_text) && same_text(&d.previous, previous_text)));
    current.comparison.push(MatchDecision {
        current: current_text.trim().to_owned(),
        previous: previous_text.trim().to_owned(),
        keep,
    });
}

/// Forgets a person's decision on a pair (back to matching by wording).
pub fn undecide(current: &mut Review, current_text: &str, previous_text: &str) {
    current.comparison.retain(|d| !(same_text(&d.current, current_text) && same_text(&d.previous, previous_text)));
}

#[cfg(test)]
mod tests;

//! What a peer review *is*: the review, its themes and findings, and the checks a user can act on.
//!
//! Pure data and rules: no files, no UI. Everything else in PeerBrief is built on these types.

pub mod action_plan;
pub mod compare;
mod date;
pub mod disclosure;
mod finding;
mod pack;
mod review;
mod text;
mod theme;
mod validate;

pub use action_plan::{
    Action, ActionAt, ActionPlan, ActionSummary, DueDateChange, LegacyAction, Officer, Outcome, ProgressNote, RagStatus,
};
pub use compare::{Comparison, MatchDecision};
pub use date::{Date, DateError};
pub use disclosure::{Disclosure, DisclosureKind, ReviewedDisclosure, ScanOptions};
pub use finding::{Finding, FindingKind};
pub use pack::{AgendaContent, AgendaEntry, AgendaItem, CommitteePack, ContactOfficer};
pub use review::{
    Appendix, BackgroundPaper, ContactKind, ContactLine, ContactPoints, ExemptParagraph, Meeting, NamedOfficer,
    ProtectiveMarking, Review, TeamMember,
};
pub use text::{paragraphs, placeholder_in};
pub use theme::{Theme, ThemeSet};
pub use validate::{Place, Section, Warning, validate};

/// The file format version this build writes. Older versions are migrated on load (see `store`).
pub const FORMAT_VERSION: u32 = 2;

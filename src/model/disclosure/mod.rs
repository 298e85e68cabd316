//! The disclosure check: personal data in the text a public briefing or pack would print.
//!
//! Safeguarding reviews are full of children's circumstances; a public committee paper must not
//! carry them. Everything not exempt (Schedule 12A) goes public, so it is all scanned:
//! - [`numbers`]: shapes of NHS numbers (modulus 11), NI numbers, postcodes and phone numbers;
//! - [`patterns`]: every detector over one text, overlaps resolved (names, references, small
//!   numbers, e-mails here; [`ages`] and [`dates`] of birth in their own files);
//! - [`scan`]: which texts of a review or pack are public, their places, and which findings a
//!   person has already reviewed (recorded in the file as [`ReviewedDisclosure`]).
//!
//! Pure: no files, no clock, no user names (the caller supplies who and when).

mod ages;
mod dates;
mod numbers;
mod patterns;
mod scan;

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Date;

pub use numbers::nhs_check;
pub use patterns::{Match, scan_text};
pub use scan::{
    PackPlace, is_resolved, open_findings, open_pack_findings, open_previous_findings, public_texts, scan_pack,
    scan_review,
};

/// The kinds of personal data looked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DisclosureKind {
    Postcode,
    NhsNumber,
    NiNumber,
    DateOfBirth,
    /// An age attached to a person or case: "Child X, aged 12", "a 14-year-old girl".
    Age,
    /// Mr / Mrs / Ms / Miss / Mx / Dr and a surname.
    TitledName,
    Phone,
    Email,
    /// A case, file or ID reference.
    Reference,
    /// A small number of people: "3 children", "two families".
    SmallNumber,
}

impl DisclosureKind {
    pub const ALL: [DisclosureKind; 10] = [
        DisclosureKind::Postcode,
        DisclosureKind::NhsNumber,
        DisclosureKind::NiNumber,
        DisclosureKind::DateOfBirth,
        DisclosureKind::Age,
        DisclosureKind::TitledName,
        DisclosureKind::Phone,
        DisclosureKind::Email,
        DisclosureKind::Reference,
        DisclosureKind::SmallNumber,
    ];

    /// As printed in messages: "possible personal data (NHS number)".
    pub fn label(self) -> &'static str {
        match self {
            DisclosureKind::Postcode => "postcode",
            DisclosureKind::NhsNumber => "NHS number",
            DisclosureKind::NiNumber => "National Insurance number",
            DisclosureKind::DateOfBirth => "date of birth",
            DisclosureKind::Age => "age of a person",
            DisclosureKind::TitledName => "name with a title",
            DisclosureKind::Phone => "phone number",
            DisclosureKind::Email => "e-mail address",
            DisclosureKind::Reference => "case or ID reference",
            DisclosureKind::SmallNumber => "small number of people",
        }
    }

    /// The short name used in the labelled test set and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            DisclosureKind::Postcode => "postcode",
            DisclosureKind::NhsNumber => "nhs",
            DisclosureKind::NiNumber => "ni",
            DisclosureKind::DateOfBirth => "dob",
            DisclosureKind::Age => "age",
            DisclosureKind::TitledName => "name",
            DisclosureKind::Phone => "phone",
            DisclosureKind::Email => "email",
            DisclosureKind::Reference => "reference",
            DisclosureKind::SmallNumber => "small",
        }
    }

    pub fn from_code(code: &str) -> Option<DisclosureKind> {
        DisclosureKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// When two matches overlap, the lower number wins (the more specific kind).
    fn priority(self) -> u8 {
        match self {
            DisclosureKind::Email => 0,
            DisclosureKind::Postcode => 1,
            DisclosureKind::NhsNumber => 2,
            DisclosureKind::NiNumber => 3,
            DisclosureKind::DateOfBirth => 4,
            DisclosureKind::Phone => 5,
            DisclosureKind::Reference => 6,
            DisclosureKind::Age => 7,
            DisclosureKind::TitledName => 8,
            DisclosureKind::SmallNumber => 9,
        }
    }
}

impl fmt::Display for DisclosureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What the check looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScanOptions {
    /// Counts of people below this are reported ("3 children" with the default 5).
    pub small_number_threshold: u32,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions { small_number_threshold: 5 }
    }
}

/// One possible piece of personal data in a public text. `P` is where: a [`super::Place`] in a
/// review, a [`PackPlace`] in a pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disclosure<P = super::Place> {
    pub kind: DisclosureKind,
    /// The matched text, exactly as in the field.
    pub text: String,
    pub place: P,
    /// Byte offset of the match in the field's text.
    pub at: usize,
}

impl<P> fmt::Display for Disclosure<P> {
    /// `possible personal data (NHS number): "943 476 5919"`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "possible personal data ({}): \"{}\"", self.kind.label(), self.text)
    }
}

/// A finding someone looked at and decided may be published, recorded in the file so the check
/// passes next time and the record shows who decided and why. It resolves every finding of the
/// same kind with the same text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewedDisclosure {
    pub kind: DisclosureKind,
    pub text: String,
    pub reason: String,
    /// Who decided (the user name of the computer they used).
    pub by: String,
    pub on: Date,
}

//! Where the council is: England and Wales have different Parts of Schedule 12A to the Local
//! Government Act 1972, with their own paragraph numbers and wording for exempt information.

use serde::{Deserialize, Serialize};

use super::ExemptParagraph;

/// The nation whose access-to-information rules apply to a review or a committee pack.
/// Not written to files while England (the default), so older files save back unchanged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Jurisdiction {
    #[default]
    England,
    /// Part 4 of Schedule 12A, as substituted by the Local Government (Access to Information)
    /// (Variation) (Wales) Order 2007 (SI 2007/969 (W.86)).
    Wales,
}

impl Jurisdiction {
    pub const ALL: [Jurisdiction; 2] = [Jurisdiction::England, Jurisdiction::Wales];

    /// For `skip_serializing_if`.
    pub fn is_england(&self) -> bool {
        *self == Jurisdiction::England
    }

    pub fn label(self) -> &'static str {
        match self {
            Jurisdiction::England => "England",
            Jurisdiction::Wales => "Wales",
        }
    }

    /// The Part of Schedule 12A that describes exempt information here.
    pub fn part(self) -> &'static str {
        match self {
            Jurisdiction::England => "Part 1",
            Jurisdiction::Wales => "Part 4",
        }
    }

    /// The paragraph numbers of that Part: 1–7 (England) or 12–18 (Wales).
    pub fn paragraph_range(self) -> std::ops::RangeInclusive<u8> {
        match self {
            Jurisdiction::England => 1..=7,
            Jurisdiction::Wales => 12..=18,
        }
    }

    /// Every exempt paragraph that applies here, in order (for the editor's choices).
    pub fn paragraphs(self) -> impl Iterator<Item = ExemptParagraph> {
        self.paragraph_range().filter_map(ExemptParagraph::new)
    }

    /// Whether `p` belongs to this jurisdiction's Part.
    pub fn allows(self, p: ExemptParagraph) -> bool {
        self.paragraph_range().contains(&p.number())
    }

    /// Why `p` cannot be used here, or `None` when it can: the message names both Parts.
    pub fn misplaced(self, p: ExemptParagraph) -> Option<String> {
        (!self.allows(p)).then(|| {
            let range = self.paragraph_range();
            format!(
                "paragraph {} is in {} of Schedule 12A ({}), but this is a {} file: use paragraphs {} to {} of {}",
                p.number(),
                p.part(),
                p.jurisdiction().label(),
                match self {
                    Jurisdiction::England => "English",
                    Jurisdiction::Wales => "Welsh",
                },
                range.start(),
                range.end(),
                self.part()
            )
        })
    }
}

/// Part 1 of Schedule 12A (England), paragraphs 1 to 7, as PeerBrief has always printed them.
const ENGLAND: [&str; 7] = [
    "information relating to any individual",
    "information which is likely to reveal the identity of an individual",
    "information relating to the financial or business affairs of any particular person (including the authority holding that information)",
    "information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter",
    "information in respect of which a claim to legal professional privilege could be maintained in legal proceedings",
    "information which reveals that the authority proposes to give a notice or make an order or direction under any enactment",
    "information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime",
];

/// Part 4 of Schedule 12A (Wales), paragraphs 12 to 18, in the words of the Schedule to SI
/// 2007/969 (initial capitals lowered, as notices quote them mid-sentence).
const WALES: [&str; 7] = [
    "information relating to a particular individual",
    "information which is likely to reveal the identity of an individual",
    "information relating to the financial or business affairs of any particular person (including the authority holding that information)",
    "information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority",
    "information in respect of which a claim to legal professional privilege could be maintained in legal proceedings",
    "information which reveals that the authority proposes (a) to give under any enactment a notice under or by virtue of which requirements are imposed on a person; or (b) to make an order or direction under any enactment",
    "information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime",
];

/// The description of paragraph `number` (1–7 or 12–18), for notices.
pub(super) fn description(number: u8) -> &'static str {
    match number {
        12..=18 => WALES[usize::from(number - 12)],
        1..=7 => ENGLAND[usize::from(number - 1)],
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_jurisdiction_has_seven_paragraphs_of_its_own_part() {
        let england: Vec<u8> = Jurisdiction::England.paragraphs().map(ExemptParagraph::number).collect();
        let wales: Vec<u8> = Jurisdiction::Wales.paragraphs().map(ExemptParagraph::number).collect();
        assert_eq!(england, vec![1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(wales, vec![12, 13, 14, 15, 16, 17, 18]);
        for p in Jurisdiction::Wales.paragraphs() {
            assert_eq!(p.part(), "Part 4");
            assert_eq!(p.jurisdiction(), Jurisdiction::Wales);
            assert!(!p.description().is_empty());
        }
        for p in Jurisdiction::England.paragraphs() {
            assert_eq!(p.part(), "Part 1");
        }
    }

    #[test]
    fn welsh_paragraphs_have_their_own_wording() {
        let p = |n| ExemptParagraph::new(n).expect("a paragraph");
        assert_eq!(p(12).description(), "information relating to a particular individual");
        assert_eq!(p(1).description(), "information relating to any individual");
        assert!(p(15).description().ends_with("employees of, or office holders under, the authority"));
        assert!(p(17).description().contains("(b) to make an order or direction under any enactment"));
    }

    #[test]
    fn a_paragraph_of_the_other_part_is_named_with_the_right_range() {
        let p2 = ExemptParagraph::new(2).expect("paragraph 2");
        let p13 = ExemptParagraph::new(13).expect("paragraph 13");
        assert_eq!(Jurisdiction::England.misplaced(p2), None);
        assert_eq!(Jurisdiction::Wales.misplaced(p13), None);
        assert_eq!(
            Jurisdiction::Wales.misplaced(p2).as_deref(),
            Some(
                "paragraph 2 is in Part 1 of Schedule 12A (England), but this is a Welsh file: use paragraphs 12 to 18 of Part 4"
            )
        );
        assert!(Jurisdiction::England.misplaced(p13).is_some_and(|m| m.contains("use paragraphs 1 to 7 of Part 1")));
    }

    #[test]
    fn england_is_the_default_and_is_not_written() {
        assert_eq!(Jurisdiction::default(), Jurisdiction::England);
        assert!(Jurisdiction::England.is_england());
        assert_eq!(ron::to_string(&Jurisdiction::Wales).as_deref(), Ok("Wales"));
    }
}

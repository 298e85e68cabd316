//! Themes group findings. They are data carried by each review, never a Rust enum: the LGA used
//! five themes in 2011–2015 and three core areas since.

use serde::{Deserialize, Serialize};

/// One theme: a short stable id (what findings refer to) and the label people read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub label: String,
}

impl Theme {
    pub fn new(id: &str, label: &str) -> Theme {
        Theme { id: id.to_owned(), label: label.to_owned() }
    }
}

/// Named theme sets a new review can start from.
pub struct ThemeSet;

impl ThemeSet {
    /// The five themes of the LGA safeguarding peer reviews (as listed in the Worcestershire report).
    pub fn lga_five() -> Vec<Theme> {
        vec![
            Theme::new("vision", "Vision, strategy and leadership"),
            Theme::new("practice", "Effective practice, service delivery and the voice of the child"),
            Theme::new("outcomes", "Outcomes, impact and performance management"),
            Theme::new("partnership", "Working together (including LSCB and Health and Wellbeing Board)"),
            Theme::new("capacity", "Capacity and managing resources"),
        ]
    }
}

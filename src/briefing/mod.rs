//! Panel briefings and committee packs: layout, then writers.
//!
//! As in typst, layout and export are split: [`lay_out_briefing`] and [`lay_out_pack`] turn
//! reviews into [`Page`]s of positioned text, rules and links; [`write_pdf`] writes those pages
//! as PDF and [`preview`] paints the same pages in the app. Nothing here touches files.

mod agenda;
mod chart;
mod compose;
mod content;
pub mod fonts;
pub mod import;
mod logo;
mod pack;
mod page;
pub mod pdf;
mod pdf_file;
mod pdf_fonts;
mod pdf_images;
#[cfg(feature = "gui")]
pub mod preview;
#[cfg(feature = "gui")]
mod preview_picture;
pub mod progress;
mod report;
mod subset;
mod tagged_pdf;
pub mod tags;
mod xmp;

pub use fonts::{FontStyle, Fonts};
pub use logo::decoded as decoded_logo;
pub use pack::{PackError, PackPart, lay_out_pack, lay_out_pack_with_documents};
pub use page::{
    Colour, ImportedPage, Item, Layout, LayoutWarning, MM, OutlineEntry, PAGE_HEIGHT, PAGE_WIDTH, Page, TextRun,
};
pub use pdf::{PdfError, write_pdf};
pub use report::{BriefingOptions, Visibility, lay_out_briefing};

/// The text column's edges, for tests and the preview's guides: (left, right) in points.
pub const BODY_LEFT: f32 = compose::MARGIN_LEFT;
/// Right edge of the text area.
pub const BODY_RIGHT: f32 = PAGE_WIDTH - compose::MARGIN_RIGHT;

//! What a document's views remember: which view is showing, the editor page, the dashboard's
//! filters and selection, and the laid-out preview. None of it is saved in the file.

use crate::briefing::Visibility;
use crate::model::Place;

/// Which view of a review is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Dashboard,
    Editor,
    /// The briefing as it will print.
    Preview,
}

/// Groups of the editor, each a page of fields (see `editor/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorPage {
    Report,
    Text,
    Themes,
    Team,
    Findings,
    ActionPlan,
    Closing,
}

impl EditorPage {
    pub const ALL: [EditorPage; 7] = [
        EditorPage::Report,
        EditorPage::Text,
        EditorPage::Themes,
        EditorPage::Team,
        EditorPage::Findings,
        EditorPage::ActionPlan,
        EditorPage::Closing,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EditorPage::Report => "Report and meeting",
            EditorPage::Text => "Report sections",
            EditorPage::Themes => "Themes and focus",
            EditorPage::Team => "Review team",
            EditorPage::Findings => "Findings and actions",
            EditorPage::ActionPlan => "Action plan",
            EditorPage::Closing => "Appendices and contacts",
        }
    }
}

/// Dashboard filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DashboardFilter {
    pub key_only: bool,
    /// A theme id, or `None` for every theme.
    pub theme: Option<String>,
    pub search: String,
}

impl Default for DashboardFilter {
    fn default() -> Self {
        DashboardFilter { key_only: true, theme: None, search: String::new() }
    }
}

/// The view state of one open review.
#[derive(Debug)]
pub struct ViewState {
    pub current: View,
    pub page: EditorPage,
    pub selected_finding: Option<usize>,
    pub filter: DashboardFilter,
    /// A field to scroll to and focus on the next frame.
    pub jump: Option<Place>,
    /// The laid-out briefing for the Preview view, redone when the review changes.
    pub preview: Option<super::preview::PreviewState>,
    /// Which version the preview shows: public unless the user picks the private one.
    pub preview_visibility: Visibility,
    /// "Include charts": the preview and the printed briefing show the charts (off to start with).
    pub charts: bool,
    /// The "Before publishing" panel.
    pub publishing: super::publishing::PanelState,
    /// "Since the last review": the previous review as read, and the comparison.
    pub since_last: super::since_last::SinceLastState,
    /// The editor's "Logo…" was clicked; the app opens the file dialog and clears this.
    pub choose_logo: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            current: View::Dashboard,
            page: EditorPage::Report,
            selected_finding: None,
            filter: DashboardFilter::default(),
            jump: None,
            preview: None,
            preview_visibility: Visibility::Public,
            charts: false,
            publishing: super::publishing::PanelState::default(),
            since_last: super::since_last::SinceLastState::default(),
            choose_logo: false,
        }
    }
}

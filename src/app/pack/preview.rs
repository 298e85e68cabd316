//! The pack as it will print, from the same layout engine as the PDF, with the page each agenda
//! item starts on (shown on the Agenda page too).

use egui::Ui;

use super::PackEditing;
use crate::app::preview::{PreviewState, show as show_pages, version_switch};
use crate::briefing::{Layout, Visibility, lay_out_pack};
use crate::model::CommitteePack;

/// The laid-out pack of one tab, or why it cannot be laid out yet.
#[derive(Debug)]
pub struct PackPreview {
    revision: u64,
    visibility: Visibility,
    pages: Result<PreviewState, String>,
    /// First and last page (1-based) of each agenda item.
    ranges: Vec<Option<(usize, usize)>>,
    /// The title of each report item's review, as read from its file.
    report_titles: Vec<Option<String>>,
}

impl PackPreview {
    /// "(Pages 6 – 10)" or "(Page 6)" for item `i`, as it will print.
    pub fn pages_of(&self, i: usize) -> Option<String> {
        let (first, last) = self.ranges.get(i).copied().flatten()?;
        Some(if first == last { format!("(Page {first})") } else { format!("(Pages {first} – {last})") })
    }

    /// Why the pack cannot be laid out (a paper that cannot be read, a missing report), if so.
    pub fn problem(&self) -> Option<&str> {
        self.pages.as_ref().err().map(String::as_str)
    }

    /// The title the report of item `i` has in its own file.
    pub fn report_title(&self, i: usize) -> Option<&str> {
        self.report_titles.get(i).and_then(|t| t.as_deref())
    }

    /// Lays the pack out again when it changed (reading its reports from the pack's folder).
    pub fn refresh(e: &mut PackEditing) {
        let visibility = e.view.preview_visibility;
        if e.view.preview.as_ref().is_some_and(|p| p.revision == e.revision && p.visibility == visibility) {
            return;
        }
        let laid_out = lay_out(&e.pack, e.path.as_deref(), visibility);
        let report_titles = match &laid_out {
            Ok((_, titles)) => titles.clone(),
            Err(_) => Vec::new(),
        };
        let pages =
            laid_out.map(|(layout, _)| PreviewState::from_layout(layout, e.revision, visibility, "committee pack"));
        let ranges = match &pages {
            Ok(state) => item_ranges(&state.layout, &e.pack),
            Err(_) => Vec::new(),
        };
        // Keep the zoom the user chose.
        let zoom = e.view.preview.as_ref().and_then(|p| p.pages.as_ref().ok()).and_then(|s| s.zoom);
        let mut preview = PackPreview { revision: e.revision, visibility, pages, ranges, report_titles };
        if let Ok(state) = &mut preview.pages {
            state.zoom = zoom;
        }
        e.view.preview = Some(preview);
    }
}

/// The pack's pages and the titles of its reports.
type LaidOut = (Layout, Vec<Option<String>>);

fn lay_out(pack: &CommitteePack, path: Option<&std::path::Path>, visibility: Visibility) -> Result<LaidOut, String> {
    let has_reports = pack.items.iter().any(|i| i.content.file().is_some());
    match path {
        Some(path) => {
            let loaded = crate::store::resolve_pack(pack.clone(), path).map_err(|e| e.to_string())?;
            let titles = loaded.reviews.iter().map(|r| r.as_ref().map(|r| r.title.clone())).collect();
            Ok((crate::app::printing::lay_out_loaded_pack(&loaded, visibility)?, titles))
        }
        None if !has_reports => Ok((lay_out_pack(pack, &vec![None; pack.items.len()], visibility), Vec::new())),
        None => Err("Save the pack first: its reports are read from the pack's folder.".into()),
    }
}

/// Each item's pages, from the pack's bookmarks: item N's bookmark is "N. title" at level 0
/// (N as printed: the generated exclusion item takes a number too). Items printed on the agenda
/// page itself have no pages of their own.
fn item_ranges(layout: &Layout, pack: &CommitteePack) -> Vec<Option<(usize, usize)>> {
    let tops: Vec<(usize, usize)> = layout
        .outline
        .iter()
        .filter(|o| o.level == 0)
        .filter_map(|o| o.title.split_once(". ").and_then(|(n, _)| n.parse::<usize>().ok()).map(|n| (n, o.page)))
        .collect();
    (0..pack.items.len())
        .map(|i| {
            let n = pack.item_number(i);
            let k = tops.iter().position(|(m, _)| *m == n)?;
            let first = tops[k].1;
            let next = tops.get(k + 1).map_or(layout.pages.len(), |(_, p)| *p);
            Some((first + 1, next.max(first + 1)))
        })
        .collect()
}

pub fn show(ui: &mut Ui, e: &mut PackEditing) {
    version_switch(ui, &mut e.view.preview_visibility, "exempt items");
    PackPreview::refresh(e);
    let Some(preview) = e.view.preview.as_mut() else { return };
    match &mut preview.pages {
        Ok(state) => show_pages(ui, state),
        Err(problem) => {
            ui.add_space(20.0);
            ui.colored_label(ui.visuals().warn_fg_color, problem.as_str());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_items_know_their_pages() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/children-and-families-panel.peerpack");
        let loaded = crate::store::load_pack(&path).unwrap();
        let layout = lay_out_pack(&loaded.pack, &loaded.reviews, Visibility::Public);
        let ranges = item_ranges(&layout, &loaded.pack);
        // Reports, papers and exempt items have pages of their own; procedural items print on the
        // agenda, and
        // papers to follow are in the supplementary pack.
        for (item, range) in loaded.pack.items.iter().zip(&ranges) {
            let own_pages =
                (item.content.file().is_some() || item.own_page || item.exempt.is_some()) && !item.to_follow;
            assert_eq!(range.is_some(), own_pages, "{}: {range:?}", item.title);
        }
        let ranges: Vec<(usize, usize)> = ranges.into_iter().flatten().collect();
        assert!(ranges.windows(2).all(|w| w[0].1 < w[1].0), "in order, not overlapping: {ranges:?}");
        assert_eq!(ranges.last().unwrap().1, layout.pages.len());
    }
}

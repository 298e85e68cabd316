//! Any bytes as an agenda item's PDF: parsing fails cleanly or succeeds, and a PDF that parses
//! is laid out in a pack and written (merge, strip, stamp) — never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use peerbrief::briefing::{PackPart, Visibility, import, lay_out_pack_with_documents, write_pdf};
use peerbrief::model::{AgendaContent, AgendaItem, CommitteePack, Date, ProtectiveMarking};

fuzz_target!(|data: &[u8]| {
    let Ok(pdf) = import::parse(data) else { return };
    if pdf.page_count() > 40 {
        return;
    }
    let pack = CommitteePack {
        council: "Fuzz Council".into(),
        jurisdiction: Default::default(),
        committee: "Panel".into(),
        date: Date::ymd(2026, 3, 17).expect("date"),
        time: String::new(),
        venue: String::new(),
        members: Vec::new(),
        marking: ProtectiveMarking::OfficialSensitive,
        contact: Default::default(),
        public_notice: String::new(),
        exclusion_item: true,
        items: vec![AgendaItem {
            title: "Paper".into(),
            content: AgendaContent::Document("paper.pdf".into()),
            exempt: None,
            to_follow: false,
            own_page: false,
        }],
        disclosure_reviewed: Vec::new(),
        logo: None,
        logo_image: None,
    };
    let documents = [Some(data)];
    if let Ok(layout) = lay_out_pack_with_documents(&pack, &[None], &documents, Visibility::Private, PackPart::Main) {
        let _ = write_pdf(&layout);
    }
});

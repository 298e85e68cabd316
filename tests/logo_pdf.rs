//! Council logos in briefings and packs: printed in the report heading and on the pack cover,
//! embedded once however many pages show them, never changing the text, and left out with a
//! warning (the briefing still printing) when the logo file is bad.

mod pdf_support;

use std::path::{Path, PathBuf};

use pdf_support::{copy_folder, pdf, raw_uncompressed, text, tool};

use peerbrief::briefing::{
    BriefingOptions, Item, Layout, PackPart, Visibility, lay_out_briefing, lay_out_pack_with_documents,
};
use peerbrief::model::{Logo, Review};
use peerbrief::store::{LoadedPack, load_pack, load_review, read_logo};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)
}

fn review(name: &str) -> Review {
    load_review(&sample(name)).expect("sample loads").review
}

fn logo(name: &str) -> Logo {
    read_logo(&sample("logos").join(name), "Harbridge Borough Council").expect("sample logo")
}

fn pack_layout(loaded: &LoadedPack) -> Layout {
    let docs: Vec<Option<&[u8]>> = loaded.documents.iter().map(|d| d.as_ref().map(|d| &*d.bytes)).collect();
    lay_out_pack_with_documents(&loaded.pack, &loaded.reviews, &docs, Visibility::Public, PackPart::Main)
        .expect("lays out")
}

fn briefing(r: &Review) -> Layout {
    lay_out_briefing(r, &BriefingOptions { action_plan: true, ..BriefingOptions::default() })
}

/// `pdfimages -list` rows: (page, type, object number).
fn images(path: &str) -> Vec<(u32, String, u32)> {
    tool("pdfimages", &["-list", path])
        .lines()
        .skip(2)
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            Some((f.first()?.parse().ok()?, (*f.get(2)?).to_owned(), f.get(10)?.parse().ok()?))
        })
        .collect()
}

fn image_pages(layout: &Layout) -> Vec<usize> {
    layout
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.items.iter().any(|i| matches!(i, Item::Image { .. })))
        .map(|(n, _)| n)
        .collect()
}

#[test]
fn a_png_logo_prints_in_the_heading_once_and_the_text_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let plain = review("ambleshire-2024.peerreview");
    let mut with_logo = plain.clone();
    with_logo.house_style.logo = Some(logo("harbridge.png"));
    let layout = briefing(&with_logo);
    assert!(layout.warnings.is_empty(), "{:?}", layout.warnings);
    assert_eq!(image_pages(&layout), vec![0], "the heading is on page 1");
    let path = pdf(&layout, dir.path(), "png.pdf");
    let check = tool("qpdf", &["--check", &path]);
    assert!(check.contains("No syntax or stream encoding errors"), "{check}");
    let list = images(&path);
    let kinds: Vec<&str> = list.iter().map(|(_, k, _)| k.as_str()).collect();
    assert_eq!(kinds, vec!["image", "smask"], "one picture with its transparency: {list:?}");
    let info = tool("pdfimages", &["-list", &path]);
    assert!(info.contains("720   240"), "the PNG's own pixels, not resampled: {info}");
    let before = text(&pdf(&briefing(&plain), dir.path(), "plain.pdf"));
    assert_eq!(text(&path), before, "a logo changes no word, heading or paragraph number");
}

#[test]
fn an_svg_logo_is_one_vector_form_xobject_drawn_from_the_heading() {
    let dir = tempfile::tempdir().unwrap();
    let plain = review("worcestershire-2015.peerreview");
    let mut with_logo = plain.clone();
    with_logo.house_style.logo = Some(logo("harbridge.svg"));
    let layout = briefing(&with_logo);
    assert!(layout.warnings.is_empty(), "{:?}", layout.warnings);
    let path = pdf(&layout, dir.path(), "svg.pdf");
    assert!(images(&path).is_empty(), "kept vector: no raster image");
    let raw = raw_uncompressed(&path, dir.path());
    assert_eq!(raw.matches("/Subtype /Form").count(), 1, "one form XObject");
    assert!(raw.contains(" c\n"), "curves kept as Bézier curves");
    assert_eq!(raw.matches(" Do\n").count(), 1, "drawn once, on page 1");
    assert_eq!(text(&path), text(&pdf(&briefing(&plain), dir.path(), "plain.pdf")));
}

#[test]
fn a_pack_of_two_reports_with_one_logo_embeds_it_once() {
    let dir = tempfile::tempdir().unwrap();
    copy_folder(&sample(""), dir.path());
    for name in ["worcestershire-2015.peerreview", "ambleshire-2024.peerreview"] {
        let path = dir.path().join(name);
        let mut r = load_review(&path).unwrap().review;
        r.house_style.logo = Some(logo("harbridge.png"));
        peerbrief::store::save_review(&path, &r).unwrap();
    }
    let loaded = load_pack(&dir.path().join("children-and-families-panel.peerpack")).expect("pack loads");
    let layout = pack_layout(&loaded);
    let pages = image_pages(&layout);
    assert_eq!(pages.len(), 3, "the cover (first report's logo) and both report headings: {pages:?}");
    assert_eq!(pages[0], 0);
    let path = pdf(&layout, dir.path(), "pack.pdf");
    let list = images(&path);
    let pictures: std::collections::BTreeSet<u32> =
        list.iter().filter(|(_, k, _)| k == "image").map(|(_, _, obj)| *obj).collect();
    assert_eq!(pictures.len(), 1, "one image object: {list:?}");
    let shown_on: Vec<u32> = list.iter().filter(|(_, k, _)| k == "image").map(|(p, _, _)| *p).collect();
    assert_eq!(shown_on.len(), 3, "referenced from three pages: {list:?}");
}

#[test]
fn a_pack_names_its_own_cover_logo() {
    let dir = tempfile::tempdir().unwrap();
    copy_folder(&sample(""), dir.path());
    let manifest = dir.path().join("children-and-families-panel.peerpack");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let text = text.replacen("    council: ", "    logo: Some(\"logos/harbridge.svg\"),\n    council: ", 1);
    std::fs::write(&manifest, text).unwrap();
    let loaded = load_pack(&manifest).expect("pack loads");
    let layout = pack_layout(&loaded);
    assert_eq!(image_pages(&layout), vec![0], "only the cover: the reports have no logo");
    // A logo that cannot be read: the pack still prints, and says why the cover has none.
    let broken = std::fs::read_to_string(&manifest).unwrap().replace("logos/harbridge.svg", "logos/missing.png");
    std::fs::write(&manifest, broken).unwrap();
    let loaded = load_pack(&manifest).expect("pack still loads");
    let layout = pack_layout(&loaded);
    assert!(image_pages(&layout).is_empty());
    let warning = layout.warnings.iter().map(ToString::to_string).find(|w| w.contains("logo")).expect("a warning");
    assert!(warning.contains("missing.png: cannot read the logo: the file or folder does not exist"), "{warning}");
}

#[test]
fn bad_logos_give_a_message_and_the_briefing_still_prints_without_them() {
    let dir = tempfile::tempdir().unwrap();
    let plain = review("ambleshire-2024.peerreview");
    let expected = text(&pdf(&briefing(&plain), dir.path(), "plain.pdf"));
    let png = std::fs::read(sample("logos/harbridge.png")).unwrap();
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("truncated PNG", png[..png.len() / 2].to_vec(), "the PNG logo is damaged or cut short"),
        ("JPEG", vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0], "the logo is a JPEG picture"),
        ("text file", b"Harbridge Borough Council\n".to_vec(), "the logo is not a PNG or SVG picture"),
        ("6 MB", [png.clone(), vec![0; 6 * 1024 * 1024]].concat(), "the logo is 6 MB; logos may be at most 4 MB"),
    ];
    for (what, data, message) in cases {
        let mut r = plain.clone();
        r.house_style.logo = Some(Logo { alt: "Ambleshire".into(), data: data.into() });
        let layout = briefing(&r);
        let warnings: Vec<String> = layout.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(warnings.len(), 1, "{what}: {warnings:?}");
        assert!(warnings[0].starts_with("Report heading: The logo is not printed: "), "{what}: {}", warnings[0]);
        assert!(warnings[0].contains(message), "{what}: {}", warnings[0]);
        assert!(image_pages(&layout).is_empty(), "{what}");
        let path = pdf(&layout, dir.path(), "bad.pdf");
        assert_eq!(text(&path), expected, "{what}: printed as without a logo");
    }
}

#[test]
fn a_review_file_carries_its_logo_and_saves_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("with-logo.peerreview");
    let mut r = review("ambleshire-2024.peerreview");
    r.house_style.logo = Some(logo("harbridge.svg"));
    peerbrief::store::save_review(&path, &r).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains(
        "        logo: Some(Logo(\n            alt: \"Harbridge Borough Council\",\n            data: \"PHN2Zy"
    ));
    let back = load_review(&path).unwrap().review;
    assert_eq!(back, r);
    peerbrief::store::save_review(&path, &back).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), saved);
}

#[test]
fn the_standard_template_sample_prints_its_logo_without_changing_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let harbridge = review("harbridge-2026.peerreview");
    assert!(harbridge.house_style.logo.is_some(), "the sample carries its logo");
    let layout = briefing(&harbridge);
    assert!(layout.warnings.is_empty(), "{:?}", layout.warnings);
    assert_eq!(image_pages(&layout), vec![0]);
    let mut plain = harbridge.clone();
    plain.house_style.logo = None;
    let with_logo = pdf(&layout, dir.path(), "harbridge.pdf");
    assert_eq!(text(&with_logo), text(&pdf(&briefing(&plain), dir.path(), "plain.pdf")));
}

#[test]
fn a_template_names_its_logo_file_and_reviews_made_from_it_carry_the_bytes() {
    use peerbrief::store::{find_template, load_template, template_text};
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(sample("logos/harbridge.svg"), dir.path().join("crest.svg")).unwrap();
    let (standard, _) = find_template("standard-committee-report").expect("built in");
    let text = template_text(&standard).unwrap().replacen(
        "    sections: [",
        "    logo: Some(\"crest.svg\"),\n    sections: [",
        1,
    );
    let file = dir.path().join("harbridge.peertemplate");
    std::fs::write(&file, &text).unwrap();
    let template = load_template(&file).expect("loads with its logo");
    let bytes = std::fs::read(dir.path().join("crest.svg")).unwrap();
    assert_eq!(template.house_style.logo.as_ref().map(|l| l.data.to_vec()), Some(bytes.clone()));
    let review = Review::from_template(&template);
    assert_eq!(review.house_style.logo.as_ref().map(|l| l.data.to_vec()), Some(bytes), "the review gets the bytes");
    let written = template_text(&template).unwrap();
    assert!(
        written.contains("logo: Some(\"crest.svg\")") && !written.contains("PHN2Zy"),
        "the file name, not the bytes"
    );

    // A logo file that cannot be used is an error at the template's `logo:` line.
    std::fs::write(dir.path().join("crest.svg"), b"not a picture").unwrap();
    let err = load_template(&file).expect_err("refused").to_string();
    let line = text.lines().position(|l| l.contains("logo: Some(")).unwrap() + 1;
    assert!(err.starts_with(&format!("{}:{line}:5: the template's logo: ", file.display())), "{err}");
    assert!(err.ends_with("crest.svg: the logo is not a PNG or SVG picture"), "{err}");
}

//! Template files (`.peertemplate`, RON): the built-in ones, the user's own folder, any path.
//!
//! A council's own templates live in `$XDG_CONFIG_HOME/peerbrief/templates/` (default
//! `~/.config/peerbrief/templates/`), one `NAME.peertemplate` each; a name containing `/` or
//! ending in `.peertemplate` is read as a path instead. A user template with a built-in's name
//! takes its place, so a council can adapt the standard one and keep its name.

use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;

use super::{StoreError, read_text};
use crate::model::Template;

/// The file extension of templates.
pub const TEMPLATE_EXTENSION: &str = "peertemplate";

/// The built-in templates' text, embedded in the program.
pub const BUILTIN_TEMPLATES: [(&str, &str); 2] = [
    ("worcestershire-scrutiny", include_str!("../../assets/templates/worcestershire-scrutiny.peertemplate")),
    ("standard-committee-report", include_str!("../../assets/templates/standard-committee-report.peertemplate")),
];

/// Where a template came from, for `peerbrief template list`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateSource {
    BuiltIn,
    File(PathBuf),
}

/// The user's template folder (it may not exist yet), or `None` with neither
/// `XDG_CONFIG_HOME` nor `HOME` set.
pub fn user_template_dir() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").filter(|v| !v.is_empty())?).join(".config"),
    };
    Some(base.join("peerbrief").join("templates"))
}

/// Parses template text; errors name `path:line:col` exactly as review errors do.
pub fn parse_template(text: &str, path: &Path) -> Result<Template, StoreError> {
    let template: Template = ron::Options::default()
        .with_recursion_limit(64)
        .from_str(text)
        .map_err(|e| StoreError::from_ron(path, text, &e))?;
    if template.name.trim().is_empty() {
        return Err(StoreError::Parse {
            path: path.to_owned(),
            line: 1,
            col: 1,
            message: "the template has no name; give it one such as `name: \"harbridge-committee\"`".into(),
        });
    }
    Ok(template)
}

/// Reads a template file (size-limited, UTF-8, CRLF allowed, as reviews are), with the logo
/// file it names. A logo that cannot be used is an error at the `logo:` line, naming the reason.
pub fn load_template(path: &Path) -> Result<Template, StoreError> {
    let (text, _) = read_text(path)?;
    let mut template = parse_template(&text, path)?;
    if let Some(file) = template.logo.clone() {
        let folder = path.parent().unwrap_or(Path::new("."));
        let alt = template.house_style.logo.as_ref().map(|l| l.alt.clone()).unwrap_or_default();
        let logo = super::read_logo(&folder.join(&file), &alt).map_err(|e| {
            let (line, col) =
                text.lines().enumerate().find_map(|(i, l)| l.find("logo:").map(|c| (i + 1, c + 1))).unwrap_or((1, 1));
            StoreError::Parse { path: path.to_owned(), line, col, message: format!("the template's logo: {e}") }
        })?;
        template.house_style.logo = Some(logo);
    }
    Ok(template)
}

fn builtin(name: &str) -> Option<Template> {
    let (file, text) = BUILTIN_TEMPLATES.iter().find(|(n, _)| *n == name)?;
    // Built-ins are checked by a test; a broken one would be a build mistake, not user data.
    parse_template(text, Path::new(&format!("(built-in) {file}.{TEMPLATE_EXTENSION}"))).ok()
}

/// Finds a template by name (the user's folder first, then the built-ins) or by path.
pub fn find_template(name_or_path: &str) -> Result<(Template, TemplateSource), String> {
    if name_or_path.contains('/') || name_or_path.ends_with(&format!(".{TEMPLATE_EXTENSION}")) {
        let path = PathBuf::from(name_or_path);
        return load_template(&path).map(|t| (t, TemplateSource::File(path))).map_err(|e| e.to_string());
    }
    if let Some(dir) = user_template_dir() {
        let path = dir.join(format!("{name_or_path}.{TEMPLATE_EXTENSION}"));
        if path.is_file() {
            return load_template(&path).map(|t| (t, TemplateSource::File(path))).map_err(|e| e.to_string());
        }
    }
    builtin(name_or_path).map(|t| (t, TemplateSource::BuiltIn)).ok_or_else(|| {
        let names: Vec<String> = list_templates().into_iter().map(|(t, _)| t.name).collect();
        format!("there is no template called `{name_or_path}`; the templates are: {}", names.join(", "))
    })
}

/// Every template: the built-ins, then the user's folder (readable files only; a broken file
/// is listed by `peerbrief check`, not here). A user template replaces a built-in of its name.
pub fn list_templates() -> Vec<(Template, TemplateSource)> {
    let mut out: Vec<(Template, TemplateSource)> =
        BUILTIN_TEMPLATES.iter().filter_map(|(n, _)| builtin(n)).map(|t| (t, TemplateSource::BuiltIn)).collect();
    let mut files: Vec<PathBuf> = user_template_dir()
        .and_then(|dir| std::fs::read_dir(dir).ok())
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == TEMPLATE_EXTENSION))
        .collect();
    files.sort();
    for path in files {
        if let Ok(t) = load_template(&path) {
            out.retain(|(existing, _)| existing.name != t.name);
            out.push((t, TemplateSource::File(path)));
        }
    }
    out
}

/// A template as readable RON text (ends with a newline).
pub fn template_text(template: &Template) -> Result<String, String> {
    // A logo named by file is written as its file name, not as the bytes read from it.
    let mut template = template.clone();
    if template.logo.is_some() {
        template.house_style.logo = None;
    }
    let template = &template;
    let pretty = PrettyConfig::new().struct_names(true).indentor("    ").new_line("\n").escape_strings(false);
    let mut text = ron::Options::default().to_string_pretty(template, pretty).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// True if the path names a template file.
pub fn is_template_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == TEMPLATE_EXTENSION)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::seed::{SeedText, seed_report};
    use crate::model::{Block, Review};

    #[test]
    fn the_built_ins_parse_and_round_trip() {
        for (name, text) in BUILTIN_TEMPLATES {
            let t = parse_template(text, Path::new(name)).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(t.name, name);
            let again = parse_template(&template_text(&t).unwrap(), Path::new(name)).unwrap();
            assert_eq!(again, t);
        }
    }

    #[test]
    fn the_seed_template_is_the_layout_format_2_files_migrate_to() {
        let t = builtin("worcestershire-scrutiny").unwrap();
        assert_eq!(t.sections, seed_report(&SeedText::default(), "", "", false).sections);
        assert_eq!(Review::default().report.sections, t.sections, "File → New starts from it too");
        let mut migrated = Review::default();
        assert!(migrated.apply_template(&t).is_empty(), "nothing to change in a migrated review");
    }

    #[test]
    fn the_standard_template_has_the_usual_sections_and_implications() {
        let t = builtin("standard-committee-report").unwrap();
        let ids: Vec<&str> = t.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "purpose",
                "recommendations",
                "background",
                "findings",
                "implications",
                "consultation",
                "next_steps",
                "appendices",
                "background_papers",
                "contact"
            ]
        );
        let implications = t.sections[4].blocks.iter().find_map(|b| match b {
            Block::Implications(items) => Some(items.clone()),
            _ => None,
        });
        assert_eq!(implications, Some(crate::model::Implication::standard()));
        assert!(t.sections.iter().all(|s| s.fixed), "the council says: do not change section titles");
    }

    #[test]
    fn a_malformed_template_names_line_and_column() {
        let text = "PeerTemplate(\n    name: \"x\",\n    version: \"one\",\n    sections: [],\n)\n";
        let e = parse_template(text, Path::new("bad.peertemplate")).unwrap_err().to_string();
        assert!(e.starts_with("bad.peertemplate:3:"), "{e}");
        let e = parse_template("PeerTemplate(name: \"\", version: 1, sections: [])", Path::new("t.peertemplate"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("has no name"), "{e}");
    }

    #[test]
    fn unknown_names_list_the_templates_there_are() {
        let e = find_template("nonesuch").unwrap_err();
        assert!(e.contains("standard-committee-report"), "{e}");
    }
}

//! `peerbrief template list`, `peerbrief template new` and `peerbrief new --template`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::model::Review;
use crate::store::{
    TEMPLATE_EXTENSION, TemplateSource, find_template, list_templates, save_review, template_text, user_template_dir,
    write_atomically,
};

/// One line per template: name, version, where it is, and its description.
pub fn list(out: &mut impl Write) -> ExitCode {
    for (t, source) in list_templates() {
        let from = match source {
            TemplateSource::BuiltIn => "built in".to_owned(),
            TemplateSource::File(path) => path.display().to_string(),
        };
        let _ = writeln!(out, "{} (version {}, {from})\n    {}", t.name, t.version, t.description);
    }
    if let Some(dir) = user_template_dir() {
        let _ = writeln!(out, "Your own templates go in {}", dir.display());
    }
    ExitCode::SUCCESS
}

/// Writes a copy of template `from` named `name`, at version 1, for a council to edit.
pub fn new_template(name: &str, from: &str, output: Option<&Path>) -> ExitCode {
    if name.trim().is_empty() || name.contains(['/', '\\']) {
        eprintln!("peerbrief: a template name is a short word such as harbridge-committee, not `{name}`");
        return ExitCode::from(2);
    }
    let (mut template, _) = match find_template(from) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("peerbrief: {e}");
            return ExitCode::from(2);
        }
    };
    template.name = name.to_owned();
    template.version = 1;
    let path = match output {
        Some(p) => p.to_owned(),
        None => match user_template_dir() {
            Some(dir) => dir.join(format!("{name}.{TEMPLATE_EXTENSION}")),
            None => {
                eprintln!("peerbrief: neither XDG_CONFIG_HOME nor HOME is set; say where to write it with -o FILE");
                return ExitCode::from(2);
            }
        },
    };
    let text = match template_text(&template) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("peerbrief: cannot write the template: {e}");
            return ExitCode::from(1);
        }
    };
    write_new(&path, &text).map_or_else(
        |e| {
            eprintln!("peerbrief: {e}");
            ExitCode::from(1)
        },
        |()| {
            println!("Wrote template {name} (from {from}) to {}", path.display());
            ExitCode::SUCCESS
        },
    )
}

/// Writes a new review laid out by the template.
pub fn new_review(template: &str, output: &Path) -> ExitCode {
    let (template, _) = match find_template(template) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("peerbrief: {e}");
            return ExitCode::from(2);
        }
    };
    if output.exists() {
        eprintln!("peerbrief: {} already exists; PeerBrief does not overwrite it", output.display());
        return ExitCode::from(1);
    }
    match save_review(output, &Review::from_template(&template)) {
        Ok(_) => {
            println!("Wrote a new review from template {} to {}", template.name, output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("peerbrief: {e}");
            ExitCode::from(1)
        }
    }
}

/// Writes `text` to a file that must not exist yet, making its folder if needed.
fn write_new(path: &Path, text: &str) -> Result<(), String> {
    if path.exists() {
        return Err(format!("{} already exists; PeerBrief does not overwrite it", path.display()));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot make the folder: {}", dir.display(), crate::store::plain_io(&e)))?;
    }
    write_atomically(path, text.as_bytes()).map_err(|e| e.to_string())
}

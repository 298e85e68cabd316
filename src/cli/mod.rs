//! The command line: `peerbrief check`, `peerbrief fmt`, and (with no subcommand) the window.
//!
//! Exit codes scripts can rely on: 0 success (warnings allowed), 1 errors in the files,
//! 2 usage errors (clap's own).

mod check;
pub mod compare;
mod desktop;
mod disclosure;
#[cfg(feature = "gui")]
mod open;
mod print;
mod template;

pub use print::MarkingArg;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "peerbrief",
    version = crate::BUILD_INFO,
    about = "Peer review briefings and committee packs for UK councils",
    long_about = "PeerBrief keeps each council peer review in a .peerreview file (RON text), \
                  shows its strengths against its areas for consideration, and prints panel \
                  briefings and committee packs.\n\nRun with file names (or none) to open the window.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Review files to open in the window (paths or file:// URIs).
    pub files: Vec<String>,
    /// Open a new window even if PeerBrief is already running (no hand-off to it).
    #[arg(long)]
    pub new_window: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check review files: parse errors as file:line:col, then validation warnings.
    Check {
        /// Review files (.peerreview or .ron), committee packs (.peerpack) or templates (.peertemplate).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also check the text that would be published for possible personal data (postcodes,
        /// NHS and NI numbers, dates of birth, ages, names, phones, e-mails, case references,
        /// small numbers of people); exits 1 while any finding is not reviewed.
        #[arg(long)]
        public: bool,
        /// With --public: counts of people below this are reported ("3 children").
        #[arg(long, value_name = "N", default_value_t = 5)]
        small_numbers_below: u32,
    },
    /// Start a new review file from a template (the LGA five themes, the template's sections).
    New {
        /// A template name (see `peerbrief template list`) or a .peertemplate file.
        #[arg(long, default_value = "worcestershire-scrutiny")]
        template: String,
        /// The review file to write (refused if it exists).
        #[arg(short, long, value_name = "FILE.peerreview")]
        output: PathBuf,
    },
    /// Council report templates: list them, or make your council's own from one.
    Template {
        #[command(subcommand)]
        action: TemplateAction,
    },
    /// Rewrite review files in PeerBrief's canonical layout (the old file is kept as `name~`).
    Fmt {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Make double-clicking .peerreview and .peerpack files open PeerBrief (freedesktop desktops).
    InstallDesktop {
        /// Install for the current user in $XDG_DATA_HOME (the default).
        #[arg(long, conflicts_with = "system")]
        user: bool,
        /// Install for every user in /usr/local/share (needs root).
        #[arg(long)]
        system: bool,
    },
    /// Remove what install-desktop installed.
    UninstallDesktop {
        #[arg(long, conflicts_with = "system")]
        user: bool,
        #[arg(long)]
        system: bool,
    },
    /// Print the panel briefing for one review as a PDF.
    Briefing {
        /// The review file (.peerreview).
        file: PathBuf,
        /// Where to write the PDF (replaced atomically).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
        /// Protective marking printed at the top and bottom of each page (default: the review's own).
        #[arg(long, value_enum)]
        marking: Option<MarkingArg>,
        /// Add the action plan as a final appendix.
        #[arg(long)]
        action_plan: bool,
        /// The public briefing: exempt appendices (Schedule 12A) replaced by notices (the default).
        #[arg(long, conflicts_with = "private")]
        public: bool,
        /// The private briefing for members: exempt appendices printed, every page marked NOT FOR PUBLICATION.
        #[arg(long)]
        private: bool,
        /// Add the charts: strengths against areas for consideration by theme, and (with
        /// --action-plan) the actions by status, each followed by the same numbers in words.
        #[arg(long)]
        charts: bool,
    },
    /// Print the progress report on a review's action plan for a follow-up panel: the actions by
    /// status, then each outcome and action with officer, due date, status, latest progress and
    /// every due-date change with its reason. A public paper: refused while the disclosure check
    /// finds possible personal data in it.
    Progress {
        /// The review file (.peerreview).
        file: PathBuf,
        /// Where to write the PDF (replaced atomically).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
    },
    /// Compare a review with its previous one: each finding recurring or new, and the previous
    /// findings not raised again ("Since the last review").
    Compare {
        /// The previous review file.
        old: PathBuf,
        /// The current review file.
        new: PathBuf,
        /// Print JSON for scripts instead of plain text.
        #[arg(long)]
        json: bool,
    },
    /// Print a committee pack (cover, agenda, every item) from a .peerpack manifest.
    Pack {
        /// The pack manifest (.peerpack).
        manifest: PathBuf,
        /// Where to write the PDF (replaced atomically).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
        /// The public pack: exempt items replaced by notices (the default).
        #[arg(long, conflicts_with = "private")]
        public: bool,
        /// The private pack for members: exempt items included.
        #[arg(long)]
        private: bool,
        /// The supplementary pack: only the late papers (`to_follow: true`), with a
        /// "Supplementary agenda" cover and page numbers continuing after the main pack's.
        #[arg(long)]
        supplementary: bool,
    },
}

/// Runs a parsed command line.
/// `peerbrief template …`.
#[derive(Debug, Subcommand)]
pub enum TemplateAction {
    /// List the built-in templates and your own (in ~/.config/peerbrief/templates/).
    List,
    /// Write a new template, a copy of another with your council's name, as readable RON to edit.
    New {
        /// The new template's name, e.g. harbridge-committee.
        name: String,
        /// The template to start from (a name or a .peertemplate file).
        #[arg(long, default_value = "standard-committee-report")]
        from: String,
        /// Where to write it (default: NAME.peertemplate in your template folder). Refused if it exists.
        #[arg(short, long, value_name = "FILE.peertemplate")]
        output: Option<PathBuf>,
    },
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Check { files, public, small_numbers_below }) => {
            let public = public.then_some(crate::model::ScanOptions { small_number_threshold: small_numbers_below });
            check::check(&files, public.as_ref(), &mut std::io::stdout().lock())
        }
        Some(Command::New { template, output }) => template::new_review(&template, &output),
        Some(Command::Template { action: TemplateAction::List }) => template::list(&mut std::io::stdout().lock()),
        Some(Command::Template { action: TemplateAction::New { name, from, output } }) => {
            template::new_template(&name, &from, output.as_deref())
        }
        Some(Command::Fmt { files }) => check::fmt(&files, &mut std::io::stdout().lock()),
        Some(Command::Briefing { file, output, marking, action_plan, public: _, private, charts }) => {
            print::briefing(&file, &output, print::BriefingChoices { marking, action_plan, private, charts })
        }
        Some(Command::Progress { file, output }) => print::progress(&file, &output, crate::store::today()),
        Some(Command::Pack { manifest, output, public: _, private, supplementary }) => {
            print::pack(&manifest, &output, private, supplementary)
        }
        Some(Command::Compare { old, new, json }) => {
            compare::run(&old, &new, json, &mut std::io::stdout().lock(), &mut std::io::stderr().lock())
        }
        Some(Command::InstallDesktop { system, .. }) => desktop::install(system),
        Some(Command::UninstallDesktop { system, .. }) => desktop::uninstall(system),
        #[cfg(feature = "gui")]
        None => open::open_window(&cli.files, cli.new_window),
        #[cfg(not(feature = "gui"))]
        None => {
            eprintln!("peerbrief {}: this build has no window (built without the `gui` feature)", crate::BUILD_INFO);
            if cli.files.is_empty() && !cli.new_window { ExitCode::SUCCESS } else { ExitCode::from(2) }
        }
    }
}

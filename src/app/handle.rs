//! Carrying out what the user asked: actions from the UI, commands from menus and shortcuts,
//! answers to prompts and dialogs, and the events other threads post to the inbox.

use std::path::PathBuf;
use std::time::Duration;

use egui::ViewportCommand;

use super::dialogs::{DialogAnswer, DialogPurpose, FileKind, SaveAs};
use super::document::{Document, View};
use super::files::{with_pack_extension, with_pdf_extension, with_review_extension};
use super::inbox::Event;
use super::pack::{PackPage, PackRequest};
use super::printing::{self, PrintJob, Progress};
use super::prompts::{
    Answer, CloseReason, ExternalChoice, PrintedChoice, PrinterState, Prompt, RecoveryChoice, UnsavedChoice,
    exempt_appendices,
};
use super::saving::Guard;
use super::{Action, PeerBriefApp, UICommand};
use crate::briefing::Visibility;
use crate::model::ScanOptions;
use crate::model::disclosure::open_findings;

impl PeerBriefApp {
    /// Carries out the queued actions (once per frame, after drawing).
    pub(super) fn handle(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        let actions = std::mem::take(&mut self.actions);
        if !actions.is_empty() {
            // What an action changed (a prompt, a view) is drawn on the next frame.
            ctx.request_repaint();
        }
        for action in actions {
            self.handle_one(action, ctx, frame);
        }
    }

    fn handle_one(&mut self, action: Action, ctx: &egui::Context, frame: &eframe::Frame) {
        match action {
            Action::Command(c) => self.command(c, ctx, frame),
            Action::OpenPaths(paths) => {
                for path in paths {
                    self.open_path(&path);
                }
            }
            Action::SelectTab(id) => {
                if let Some(i) = self.index_of(id) {
                    self.current = i;
                }
            }
            Action::CloseTab(id) => {
                if let Some(i) = self.index_of(id) {
                    self.close_tab(i);
                }
            }
            Action::JumpTo(place) => {
                if let Some(e) = self.current_mut().and_then(Document::editing_mut) {
                    e.view.current = View::Editor;
                    e.view.jump = Some(place);
                }
            }
            Action::Reload => {
                if self.current < self.docs.len() {
                    if self.docs[self.current].is_dirty() {
                        let id = self.docs[self.current].id;
                        self.prompt = Some(Prompt::Unsaved { docs: vec![id], reason: CloseReason::Reopen });
                    } else {
                        self.reload(self.current);
                    }
                }
            }
            Action::Answer(answer) => self.answer(answer, ctx, frame),
            Action::ChooseLogo(id) if !self.dialog_open => {
                self.dialog_open = true;
                let purpose = DialogPurpose::ChooseLogo { id };
                self.dialogs.pick_files(ctx, frame, FileKind::Logo, purpose, self.inbox.sender());
            }
            Action::ChooseLogo(_) => {}
            Action::Pack(id, request) => match request {
                PackRequest::OpenReview(path) => self.open_path(&path),
                PackRequest::AddReview if !self.dialog_open => {
                    self.dialog_open = true;
                    let purpose = DialogPurpose::AddAgendaReview { id };
                    self.dialogs.pick_files(ctx, frame, FileKind::Review, purpose, self.inbox.sender());
                }
                PackRequest::AddDocument if !self.dialog_open => {
                    self.dialog_open = true;
                    let purpose = DialogPurpose::AddAgendaDocument { id };
                    self.dialogs.pick_files(ctx, frame, FileKind::Pdf, purpose, self.inbox.sender());
                }
                PackRequest::AddReview | PackRequest::AddDocument => {}
            },
        }
    }

    fn command(&mut self, command: UICommand, ctx: &egui::Context, frame: &eframe::Frame) {
        if matches!(
            command,
            UICommand::Save
                | UICommand::SaveAs
                | UICommand::Close
                | UICommand::PrintBriefing
                | UICommand::PrintProgress
                | UICommand::Quit
        ) {
            // A field still being typed in (a theme id) counts as part of what is saved or printed.
            self.apply_pending_edits(ctx);
        }
        let current = (self.current < self.docs.len()).then_some(self.current);
        match command {
            UICommand::New => self.new_review(),
            UICommand::NewFromTemplate => self.ask_new_from_template(),
            UICommand::ApplyTemplate => self.ask_apply_template(),
            UICommand::SaveAsTemplate => self.ask_save_as_template(),
            UICommand::NewPack => self.new_pack(),
            UICommand::Open => {
                if !self.dialog_open {
                    self.dialog_open = true;
                    self.dialogs.pick_files(ctx, frame, FileKind::Review, DialogPurpose::Open, self.inbox.sender());
                }
            }
            UICommand::Save => {
                if let Some(i) = current {
                    self.save(i, false, frame, ctx);
                }
            }
            UICommand::SaveAs => {
                if let Some(i) = current {
                    if self.docs[i].editing().is_some() {
                        self.ask_save_path(i, false, frame, ctx);
                    } else {
                        self.save(i, false, frame, ctx);
                    }
                }
            }
            UICommand::Close => {
                if let Some(i) = current {
                    self.close_tab(i);
                }
            }
            UICommand::PrintBriefing => self.print_briefing(ctx, frame),
            UICommand::PrintProgress => self.print_progress(ctx, frame),
            UICommand::MakePack => {
                if self.printing.is_some() {
                    self.info("Already making a PDF: wait for it to finish.");
                } else {
                    self.prompt = Some(Prompt::PackVersion { doc: None, choice: Visibility::Public });
                }
            }
            UICommand::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            UICommand::Undo | UICommand::Redo => {
                let Some(doc) = self.current_mut() else { return };
                let done = doc.step_history(command == UICommand::Undo);
                if !done {
                    self.info(format!("Nothing to {}", command.text().to_lowercase()));
                } else {
                    self.info(command.text());
                }
            }
            UICommand::ShowDashboard | UICommand::ShowEditor | UICommand::ShowPreview => {
                if let Some(p) = self.current_mut().and_then(Document::pack_mut) {
                    p.view.page = match command {
                        UICommand::ShowDashboard => PackPage::Meeting,
                        UICommand::ShowEditor => PackPage::Agenda,
                        _ => PackPage::Preview,
                    };
                }
                if let Some(e) = self.current_mut().and_then(Document::editing_mut) {
                    e.view.current = match command {
                        UICommand::ShowDashboard => View::Dashboard,
                        UICommand::ShowEditor => View::Editor,
                        _ => View::Preview,
                    };
                }
            }
        }
    }

    // ----- printing -----

    /// File → Print briefing: public or private (asked only when something is exempt), then
    /// where to save the PDF, then it is made on a worker thread.
    fn print_briefing(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        let Some(doc) = self.current() else { return self.error("Open a review to print its briefing.") };
        if doc.pack().is_some() {
            if self.printing.is_some() {
                return self.info("Already making a PDF: wait for it to finish.");
            }
            let id = doc.id;
            self.prompt = Some(Prompt::PackVersion { doc: Some(id), choice: Visibility::Public });
            return;
        }
        let Some(e) = doc.editing() else {
            return self.error("This file could not be opened, so it cannot be printed.");
        };
        if self.printing.is_some() {
            return self.info("Already making a PDF: wait for it to finish.");
        }
        let id = doc.id;
        let open = open_findings(&e.review, &ScanOptions::default()).len();
        if exempt_appendices(&e.review).is_empty() {
            if open > 0 {
                return self.refuse_public_briefing(id, open);
            }
            // Nothing is exempt: the public version is the whole briefing.
            self.ask_briefing_path(id, Visibility::Public, ctx, frame);
        } else {
            let charts = e.view.charts;
            self.prompt = Some(Prompt::BriefingVersion { doc: id, choice: Visibility::Public, charts });
        }
    }

    /// File → Print progress report: refused with a clear message when the review has no action
    /// plan or when possible personal data in the report's text is open (the Before publishing
    /// panel is shown); otherwise where to save it, then it is made on a worker thread.
    fn print_progress(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        let Some(doc) = self.current() else { return self.error("Open a review to print its progress report.") };
        let Some(e) = doc.editing() else {
            return self.error("Open a review (not a committee pack) to print its progress report.");
        };
        if self.printing.is_some() {
            return self.info("Already making a PDF: wait for it to finish.");
        }
        let id = doc.id;
        let today = crate::store::today();
        if let Err(e) = crate::briefing::progress::lay_out_progress(&e.review, today) {
            return self.error(format!("No progress report: {e}."));
        }
        if let Err(message) = printing::refuse_open_progress_findings(&e.review) {
            if let Some(e) = self.index_of(id).and_then(|i| self.docs[i].editing_mut()) {
                e.view.publishing.open = true;
            }
            return self.error(message);
        }
        if self.dialog_open {
            return;
        }
        let stem = if e.review.title.trim().is_empty() { doc.name() } else { e.review.title.clone() };
        let suggested = SaveAs::beside(printing::suggested_pdf_name(&stem, "progress report"), doc.path());
        self.dialog_open = true;
        let purpose = DialogPurpose::PrintProgress { id };
        self.dialogs.pick_save_path(ctx, frame, FileKind::Pdf, &suggested, purpose, self.inbox.sender());
    }

    fn ask_briefing_path(
        &mut self,
        id: super::DocId,
        visibility: Visibility,
        ctx: &egui::Context,
        frame: &eframe::Frame,
    ) {
        let Some(doc) = self.index_of(id).map(|i| &self.docs[i]) else { return };
        let Some(e) = doc.editing() else { return };
        if self.dialog_open {
            return;
        }
        let open = open_findings(&e.review, &ScanOptions::default()).len();
        if visibility == Visibility::Public && open > 0 {
            return self.refuse_public_briefing(id, open);
        }
        let stem = if e.review.title.trim().is_empty() { doc.name() } else { e.review.title.clone() };
        let suffix = match visibility {
            Visibility::Public => "briefing",
            Visibility::Private => "briefing (private, not for publication)",
        };
        let suggested = SaveAs::beside(printing::suggested_pdf_name(&stem, suffix), doc.path());
        self.dialog_open = true;
        let purpose = DialogPurpose::PrintBriefing { id, visibility };
        self.dialogs.pick_save_path(ctx, frame, FileKind::Pdf, &suggested, purpose, self.inbox.sender());
    }

    /// The public briefing is not printed while possible personal data is open: say how much,
    /// and show the Before publishing panel.
    fn refuse_public_briefing(&mut self, id: super::DocId, open: usize) {
        if let Some(e) = self.index_of(id).and_then(|i| self.docs[i].editing_mut()) {
            e.view.publishing.open = true;
        }
        let s = if open == 1 { "" } else { "s" };
        self.error(format!(
            "The public briefing was not printed: {open} possible personal data finding{s} open. \
             Resolve them in Before publishing, or print the private version."
        ));
    }

    fn start_printing(&mut self, job: PrintJob) {
        let running = printing::Running::start(job, self.inbox.sender());
        self.info(format!("Making the {}…", running.what));
        self.printing = Some(running);
    }

    // ----- answers -----

    fn answer(&mut self, answer: Answer, ctx: &egui::Context, frame: &eframe::Frame) {
        if let Answer::Recovery(k, choice) = answer {
            if k < self.recovered.len() {
                let r = self.recovered.remove(k);
                match choice {
                    RecoveryChoice::Restore => self.restore(r),
                    RecoveryChoice::Discard => self.discard_recovered(r),
                }
            }
            return;
        }
        let Some(prompt) = self.prompt.take() else { return };
        match (prompt, answer) {
            (Prompt::Unsaved { docs, reason }, Answer::Unsaved(choice)) => {
                let first = docs.first().and_then(|id| self.index_of(*id));
                match (choice, reason) {
                    (UnsavedChoice::Cancel, _) => {
                        self.quitting = false;
                        self.info("Cancelled: nothing was closed.");
                    }
                    (UnsavedChoice::Save, CloseReason::Quit) => {
                        self.quitting = true;
                        self.continue_quit(ctx, frame);
                    }
                    (UnsavedChoice::Save, reason) => {
                        if let Some(i) = first {
                            self.save(i, reason == CloseReason::CloseTab, frame, ctx);
                        }
                    }
                    (UnsavedChoice::Discard, CloseReason::Quit) => self.quit_discarding(&docs, ctx),
                    (UnsavedChoice::Discard, CloseReason::CloseTab) => {
                        if let Some(i) = first {
                            self.remove_document(i);
                        }
                    }
                    (UnsavedChoice::Discard, CloseReason::Reopen) => {
                        if let Some(i) = first {
                            self.discard_and_reload(i);
                        }
                    }
                }
            }
            (Prompt::ExternalChange { doc, then_close }, Answer::ExternalChange(choice)) => {
                let Some(i) = self.index_of(doc) else { return };
                match choice {
                    ExternalChoice::Overwrite => {
                        if let Some(path) = self.docs[i].path().map(PathBuf::from) {
                            self.write(i, &path, then_close, Guard::Overwrite);
                        }
                    }
                    ExternalChoice::SaveCopy => self.ask_save_path(i, then_close, frame, ctx),
                    ExternalChoice::Reload => {
                        self.quitting = false;
                        self.reload(i);
                    }
                    ExternalChoice::Cancel => {
                        self.quitting = false;
                        self.info("Not saved: the file on disk was left as it is.");
                    }
                }
            }
            (Prompt::BriefingVersion { doc, charts, .. }, Answer::BriefingVersion(choice)) => match choice {
                Some(visibility) => {
                    // The choice stays for the preview and the next print.
                    if let Some(e) = self.index_of(doc).and_then(|i| self.docs[i].editing_mut()) {
                        e.view.charts = charts;
                    }
                    self.ask_briefing_path(doc, visibility, ctx, frame)
                }
                None => self.info("Printing cancelled."),
            },
            (Prompt::PackVersion { doc: Some(id), .. }, Answer::PackVersion(choice)) => match choice {
                Some(visibility) if !self.dialog_open => {
                    let Some(p) = self.index_of(id).and_then(|i| self.docs[i].pack()) else { return };
                    let stem = p.path.as_deref().and_then(|p| p.file_stem()).map_or_else(
                        || super::files::suggested_pack_name(&p.pack).trim_end_matches(".peerpack").to_owned(),
                        |s| s.to_string_lossy().into_owned(),
                    );
                    let suffix = if visibility == Visibility::Private {
                        "private pack, not for publication"
                    } else {
                        "public pack"
                    };
                    let suggested = SaveAs::beside(printing::suggested_pdf_name(&stem, suffix), p.path.as_deref());
                    self.dialog_open = true;
                    let purpose = DialogPurpose::PackTabOutput { id, visibility };
                    self.dialogs.pick_save_path(ctx, frame, FileKind::Pdf, &suggested, purpose, self.inbox.sender());
                }
                Some(_) => {}
                None => self.info("Committee pack cancelled."),
            },
            (Prompt::PackVersion { doc: None, .. }, Answer::PackVersion(choice)) => match choice {
                Some(visibility) if !self.dialog_open => {
                    self.dialog_open = true;
                    let purpose = DialogPurpose::PackManifest { private: visibility == Visibility::Private };
                    self.dialogs.pick_files(ctx, frame, FileKind::Pack, purpose, self.inbox.sender());
                }
                Some(_) => {}
                None => self.info("Committee pack cancelled."),
            },
            (Prompt::Printed { printed, .. }, Answer::Printed(choice)) => match choice {
                PrintedChoice::OpenPdf => match open::that_detached(&printed.path) {
                    Ok(()) => self.info(format!("Opened {}", printed.path.display())),
                    Err(e) => {
                        let message = format!("Could not open the PDF viewer: {e}");
                        self.error(message.clone());
                        self.prompt = Some(Prompt::Printed { printed, printer: PrinterState::Failed(message) });
                    }
                },
                PrintedChoice::Print => {
                    let (command, path, events) =
                        (self.print_command.clone(), printed.path.clone(), self.inbox.sender());
                    std::thread::spawn(move || {
                        events.send(Event::Printer(printing::send_to_printer(&command, &path)));
                    });
                    self.info(format!("Sending {} to the printer…", printed.path.display()));
                    self.prompt = Some(Prompt::Printed { printed, printer: PrinterState::Sending });
                }
                PrintedChoice::Close => {}
            },
            // An answer to a question no longer on screen: keep the question.
            (prompt, answer) => self.prompt = self.answer_template(prompt, answer),
        }
    }

    fn dialog_answer(&mut self, answer: DialogAnswer, ctx: &egui::Context, frame: &eframe::Frame) {
        self.dialog_open = false;
        if answer.purpose == DialogPurpose::Open {
            if answer.paths.is_empty() {
                self.info("Open cancelled (no file chosen).");
            }
            for path in answer.paths {
                self.open_path(&path);
            }
            return ctx.request_repaint();
        }
        let chosen = answer.paths.into_iter().next();
        match answer.purpose {
            DialogPurpose::Open => {}
            DialogPurpose::PrintBriefing { id, visibility } => {
                let review = self.index_of(id).and_then(|i| self.docs[i].editing_mut()).map(|e| {
                    let previous = e.view.since_last.for_briefing(e.path.as_ref(), &e.review);
                    (e.review.clone(), previous, e.view.charts)
                });
                match (chosen, review) {
                    (None, _) => self.info("Printing cancelled (no file chosen)."),
                    (Some(_), None) => self.error("That review was closed before its briefing could be made."),
                    (Some(out), Some((review, previous, charts))) => self.start_printing(PrintJob::Briefing {
                        review: Box::new(review),
                        visibility,
                        out: with_pdf_extension(out),
                        previous,
                        charts,
                    }),
                }
            }
            DialogPurpose::PrintProgress { id } => {
                let review = self.index_of(id).and_then(|i| self.docs[i].editing()).map(|e| e.review.clone());
                match (chosen, review) {
                    (None, _) => self.info("Printing cancelled (no file chosen)."),
                    (Some(_), None) => self.error("That review was closed before its progress report could be made."),
                    (Some(out), Some(review)) => self.start_printing(PrintJob::Progress {
                        review: Box::new(review),
                        today: crate::store::today(),
                        out: with_pdf_extension(out),
                    }),
                }
            }
            DialogPurpose::PackManifest { private } => match chosen {
                None => self.info("Committee pack cancelled (no manifest chosen)."),
                Some(manifest) => {
                    let stem = manifest.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                    let suffix = if private { "private pack, not for publication" } else { "public pack" };
                    let suggested = SaveAs::beside(printing::suggested_pdf_name(&stem, suffix), Some(&manifest));
                    self.dialog_open = true;
                    let purpose = DialogPurpose::PackOutput { manifest, private };
                    self.dialogs.pick_save_path(ctx, frame, FileKind::Pdf, &suggested, purpose, self.inbox.sender());
                }
            },
            DialogPurpose::PackOutput { manifest, private } => match chosen {
                None => self.info("Committee pack cancelled (no file chosen)."),
                Some(out) => {
                    let visibility = if private { Visibility::Private } else { Visibility::Public };
                    self.start_printing(PrintJob::Pack { manifest, visibility, out: with_pdf_extension(out) })
                }
            },
            DialogPurpose::SaveAs { id, then_close } => {
                let Some(i) = self.index_of(id) else { return };
                let is_pack = self.docs[i].kind() == FileKind::Pack;
                match chosen {
                    None => {
                        self.quitting = false;
                        self.info("Not saved: no file name was chosen.");
                    }
                    // The dialog asked before replacing an existing file.
                    Some(path) if is_pack => self.write(i, &with_pack_extension(path), then_close, Guard::Overwrite),
                    Some(path) => self.write(i, &with_review_extension(path), then_close, Guard::Overwrite),
                }
            }
            DialogPurpose::AddAgendaReview { id } => self.add_agenda_file(id, chosen, false),
            DialogPurpose::AddAgendaDocument { id } => self.add_agenda_file(id, chosen, true),
            DialogPurpose::ChooseLogo { id } => self.set_logo(id, chosen),
            DialogPurpose::PackTabOutput { id, visibility } => {
                let tab = self.index_of(id).and_then(|i| self.docs[i].pack());
                let job = tab.map(|p| (p.pack.clone(), p.path.clone()));
                match (chosen, job) {
                    (None, _) => self.info("Committee pack cancelled (no file chosen)."),
                    (Some(_), None) => self.error("That pack was closed before it could be printed."),
                    (Some(out), Some((pack, manifest))) => {
                        // An unsaved pack has no folder: its papers are looked for beside the PDF.
                        let manifest = manifest.unwrap_or_else(|| out.with_extension("peerpack"));
                        self.start_printing(PrintJob::OpenPack {
                            pack: Box::new(pack),
                            manifest,
                            visibility,
                            out: with_pdf_extension(out),
                        })
                    }
                }
            }
        }
        ctx.request_repaint();
    }

    /// A logo file picked for review `id`: checked, then carried inside the review (one undo
    /// step). A file that cannot be used changes nothing and says why.
    fn set_logo(&mut self, id: super::DocId, chosen: Option<PathBuf>) {
        let Some(chosen) = chosen else { return self.info("No logo chosen.") };
        let Some(i) = self.index_of(id) else { return };
        let Some(e) = self.docs[i].editing_mut() else { return };
        let alt = e.review.council.trim().to_owned();
        match crate::store::read_logo(&chosen, &alt) {
            Ok(logo) => {
                e.review.house_style.logo = Some(logo);
                e.note_change(false);
                let name = chosen.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                self.info(format!("Logo added: {name}. It is saved inside the review file."));
            }
            Err(error) => self.error(format!("Logo not added: {error}")),
        }
    }

    /// A review or PDF picked for a pack's agenda: stored relative to the pack's folder.
    fn add_agenda_file(&mut self, id: super::DocId, chosen: Option<PathBuf>, document: bool) {
        let Some(chosen) = chosen else { return self.info("Nothing added (no file chosen).") };
        let Some(i) = self.index_of(id) else { return };
        let Some(p) = self.docs[i].pack_mut() else { return };
        let Some(folder) = p.folder().map(PathBuf::from) else {
            return self.error("Save the pack first: its reports are files in the pack's folder.");
        };
        match crate::store::relative_to_folder(&folder, &chosen) {
            Ok(file) => {
                let content = if document {
                    crate::model::AgendaContent::Document(file.clone())
                } else {
                    crate::model::AgendaContent::Review(file.clone())
                };
                p.pack.items.push(crate::model::AgendaItem {
                    title: String::new(),
                    content,
                    exempt: None,
                    to_follow: false,
                    own_page: false,
                });
                p.note_change(false);
                let n = p.pack.items.len();
                self.info(format!("Added {file} to the agenda as item {n}"));
            }
            Err(message) => self.error(format!("Not added: {message}")),
        }
    }

    // ----- per-frame housekeeping -----

    /// Drains the inbox, dropped files and keyboard shortcuts (once per frame, before drawing).
    pub(super) fn drain_inputs(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        for event in self.inbox.drain() {
            self.on_event(event, ctx, frame);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        if !dropped.is_empty() {
            self.actions.push(Action::OpenPaths(dropped));
        }
        let typing = ctx.egui_wants_keyboard_input();
        // While a question is on screen, its buttons are the only way on.
        let asking = self.prompt.is_some() || !self.recovered.is_empty() || self.dialogs.is_open();
        for (shortcut, command) in UICommand::all_shortcuts() {
            if asking {
                break;
            }
            if typing && command.text_box_owns_shortcut() {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.actions.push(command.into());
            }
        }
        if let Some(running) = &self.printing {
            let text = format!("Making the {}: {}", running.what, running.stage);
            self.info(text);
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    fn on_event(&mut self, event: Event, ctx: &egui::Context, frame: &eframe::Frame) {
        match event {
            Event::Open(paths) => {
                self.actions.push(Action::OpenPaths(paths));
                ctx.send_viewport_cmd(ViewportCommand::Focus);
            }
            Event::Dialog(answer) => self.dialog_answer(answer, ctx, frame),
            Event::Saved(saved) => self.on_saved(*saved),
            Event::Printing(Progress::Stage(stage)) => {
                if let Some(running) = &mut self.printing {
                    running.stage = stage;
                }
            }
            Event::Printing(Progress::Done(result)) => {
                self.printing = None;
                match result {
                    Ok(printed) => {
                        self.info(format!(
                            "Saved the {} to {} ({} pages, {} ms)",
                            printed.what,
                            printed.path.display(),
                            printed.pages,
                            printed.millis
                        ));
                        self.prompt = Some(Prompt::Printed { printed, printer: PrinterState::Idle });
                    }
                    Err(e) => self.error(format!("No PDF made: {e}")),
                }
            }
            Event::Printer(result) => {
                let showing = matches!(self.prompt, Some(Prompt::Printed { .. }));
                match result {
                    Ok(text) => {
                        if showing {
                            self.prompt = None;
                        }
                        self.info(text);
                    }
                    Err(text) => {
                        if let Some(Prompt::Printed { printer, .. }) = &mut self.prompt {
                            *printer = PrinterState::Failed(text.clone());
                        }
                        self.error(text);
                    }
                }
            }
            Event::RecoveryFailed(message) => self.error(message),
        }
    }
}

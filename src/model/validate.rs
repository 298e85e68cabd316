//! Checks a user can act on. Each warning names the place in the document so the editor can jump
//! there and the CLI can print it.

use std::collections::HashSet;
use std::fmt;

use super::{ContactKind, Date, FindingKind, RagStatus, Review, placeholder_in};

/// Which part of the document a warning (or an editor field) belongs to. Indices are 0-based here
/// and shown 1-based to people, matching the editor's numbered lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Document,
    Meeting,
    Theme(usize),
    FocusQuestion(usize),
    TeamMember(usize),
    Finding(usize),
    /// Desired outcome N of the action plan.
    Outcome(usize),
    /// Outcome N's success indicator M.
    SuccessIndicator(usize, usize),
    /// Outcome N's action M.
    Action(usize, usize),
    /// A progress note (outcome, action, note).
    ProgressNote(usize, usize, usize),
    /// A due-date revision (outcome, action, revision).
    DueDateChange(usize, usize, usize),
    Recommendation(usize),
    Appendix(usize),
    ContactLine(usize),
    Officer(usize),
    BackgroundPaper(usize),
}

/// A field within a section: `Place { section: Finding(2), field: "themes" }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Place {
    pub section: Section,
    pub field: &'static str,
}

impl Place {
    pub const fn new(section: Section, field: &'static str) -> Place {
        Place { section, field }
    }

    pub const fn doc(field: &'static str) -> Place {
        Place { section: Section::Document, field }
    }
}

impl fmt::Display for Place {
    /// As printed by `peerbrief check`: `findings[3].themes` (1-based, as in the editor).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, name: &str, i: usize| write!(f, "{name}[{}]", i + 1);
        match self.section {
            Section::Document => return f.write_str(self.field),
            Section::Meeting => f.write_str("meeting")?,
            Section::Theme(i) => list(f, "themes", i)?,
            Section::FocusQuestion(i) => list(f, "focus_questions", i)?,
            Section::TeamMember(i) => list(f, "team", i)?,
            Section::Finding(i) => list(f, "findings", i)?,
            Section::Outcome(o) => list(f, "action_plan.outcomes", o)?,
            Section::SuccessIndicator(o, k) => {
                list(f, "action_plan.outcomes", o)?;
                list(f, ".success_indicators", k)?
            }
            Section::Action(o, a) => {
                list(f, "action_plan.outcomes", o)?;
                list(f, ".actions", a)?
            }
            Section::ProgressNote(o, a, n) => {
                list(f, "action_plan.outcomes", o)?;
                list(f, ".actions", a)?;
                list(f, ".progress", n)?
            }
            Section::DueDateChange(o, a, j) => {
                list(f, "action_plan.outcomes", o)?;
                list(f, ".actions", a)?;
                list(f, ".due_history", j)?
            }
            Section::Recommendation(i) => list(f, "recommendations", i)?,
            Section::Appendix(i) => list(f, "appendices", i)?,
            Section::ContactLine(i) => list(f, "contacts.general", i)?,
            Section::Officer(i) => list(f, "contacts.officers", i)?,
            Section::BackgroundPaper(i) => list(f, "background_papers", i)?,
        }
        if self.field.is_empty() { Ok(()) } else { write!(f, ".{}", self.field) }
    }
}

/// One thing worth fixing before the report goes to the panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub place: Place,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at {})", self.message, self.place)
    }
}

impl Review {
    /// Every piece of text in the document with its place, in reading order.
    ///
    /// Used for placeholder checks, glyph coverage checks and leak tests of public packs.
    pub fn texts<'a>(&'a self) -> Vec<(Place, &'a str)> {
        use Section as S;
        let mut out: Vec<(Place, &'a str)> = Vec::with_capacity(64 + self.findings.len() * 4);
        let mut push = |section, field, text: &'a str| out.push((Place::new(section, field), text));
        let doc_fields: [(&'static str, &'a str); 16] = [
            ("council", &self.council),
            ("title", &self.title),
            ("subject", &self.subject),
            ("report_of", &self.report_of),
            ("facilitator", &self.facilitator),
            ("summary", &self.summary),
            ("background", &self.background),
            ("about_peer_review", &self.about_peer_review),
            ("themes_intro", &self.themes_intro),
            ("focus_intro", &self.focus_intro),
            ("team_intro", &self.team_intro),
            ("method", &self.method),
            ("findings_intro", &self.findings_intro),
            ("findings_summary", &self.findings_summary),
            ("findings_note", &self.findings_note),
            ("conclusion", &self.conclusion),
        ];
        for (field, text) in doc_fields {
            push(S::Document, field, text);
        }
        push(S::Document, "purpose", &self.purpose);
        push(S::Meeting, "panel", &self.meeting.panel);
        push(S::Meeting, "agenda_item", &self.meeting.agenda_item);
        for (i, t) in self.themes.iter().enumerate() {
            push(S::Theme(i), "id", &t.id);
            push(S::Theme(i), "label", &t.label);
        }
        for (i, q) in self.focus_questions.iter().enumerate() {
            push(S::FocusQuestion(i), "", q);
        }
        for (i, m) in self.team.iter().enumerate() {
            push(S::TeamMember(i), "role", &m.role);
            if let Some(name) = &m.name {
                push(S::TeamMember(i), "name", name);
            }
            push(S::TeamMember(i), "position", &m.position);
            push(S::TeamMember(i), "organisation", &m.organisation);
        }
        for (i, f) in self.findings.iter().enumerate() {
            push(S::Finding(i), "text", &f.text);
        }
        for (o, outcome) in self.action_plan.outcomes.iter().enumerate() {
            push(S::Outcome(o), "title", &outcome.title);
            for (k, indicator) in outcome.success_indicators.iter().enumerate() {
                push(S::SuccessIndicator(o, k), "", indicator);
            }
            for (a, action) in outcome.actions.iter().enumerate() {
                push(S::Action(o, a), "text", &action.text);
                push(S::Action(o, a), "officer.name", &action.officer.name);
                push(S::Action(o, a), "officer.role", &action.officer.role);
                for (n, note) in action.progress.iter().enumerate() {
                    push(S::ProgressNote(o, a, n), "text", &note.text);
                }
                for (j, c) in action.due_history.iter().enumerate() {
                    push(S::DueDateChange(o, a, j), "reason", &c.reason);
                }
            }
        }
        for (i, r) in self.recommendations.iter().enumerate() {
            push(S::Recommendation(i), "", r);
        }
        for (i, a) in self.appendices.iter().enumerate() {
            push(S::Appendix(i), "title", &a.title);
            push(S::Appendix(i), "body", &a.body);
        }
        push(S::Document, "contacts.general_heading", &self.contacts.general_heading);
        for (i, c) in self.contacts.general.iter().enumerate() {
            push(S::ContactLine(i), "label", &c.label);
            push(S::ContactLine(i), "value", &c.value);
        }
        for (i, o) in self.contacts.officers.iter().enumerate() {
            push(S::Officer(i), "name", &o.name);
            push(S::Officer(i), "job_title", &o.job_title);
            push(S::Officer(i), "phone", &o.phone);
            push(S::Officer(i), "email", &o.email);
        }
        push(S::Document, "background_papers_statement", &self.background_papers_statement);
        for (i, p) in self.background_papers.iter().enumerate() {
            push(S::BackgroundPaper(i), "text", &p.text);
            if let Some(url) = &p.url {
                push(S::BackgroundPaper(i), "url", url);
            }
        }
        out
    }
}

/// A plausible email address: one `@`, a local part, a dotted domain, no spaces.
pub fn is_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// A UK phone number: 10 or 11 digits starting 0 (or +44 for the 0), spaces, hyphens and
/// brackets allowed; 3-digit service numbers (101, 111) also pass. An "ext. 123" suffix is ignored.
pub fn is_uk_phone(s: &str) -> bool {
    let s = s.trim();
    let main = s.split(|c: char| c.is_alphabetic()).next().unwrap_or(s);
    if !main.chars().all(|c| c.is_ascii_digit() || " -()+".contains(c)) {
        return false;
    }
    let digits: String = main.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    let national = if let Some(rest) = digits.strip_prefix("+44") {
        format!("0{}", rest.trim_start_matches('0'))
    } else if digits.contains('+') {
        return false;
    } else {
        digits
    };
    matches!(national.as_str(), "101" | "111" | "999" | "112")
        || (national.starts_with('0') && !national.starts_with("00") && (10..=11).contains(&national.len()))
}

/// All warnings for a review, in document order. `today` decides which due dates have passed.
pub fn validate(review: &Review, today: Date) -> Vec<Warning> {
    use Section as S;
    let mut warnings = Vec::new();
    let mut warn =
        |section, field, message: String| warnings.push(Warning { place: Place::new(section, field), message });

    let required: [(&'static str, &str, &str); 5] = [
        ("council", &review.council, "The council's name is empty"),
        ("title", &review.title, "The report title is empty"),
        ("summary", &review.summary, "The summary is empty"),
        ("findings_summary", &review.findings_summary, "The findings summary is empty"),
        ("purpose", &review.purpose, "The purpose of the meeting is empty"),
    ];
    for (field, text, message) in required {
        if text.trim().is_empty() {
            warn(S::Document, field, message.to_owned());
        }
    }
    if review.meeting.panel.trim().is_empty() {
        warn(S::Meeting, "panel", "The panel or committee name is empty".to_owned());
    }
    if review.themes.is_empty() {
        warn(S::Document, "themes", "The review has no themes: add the theme set its findings use".to_owned());
    }
    if review.team.is_empty() {
        warn(S::Document, "team", "The review team is empty".to_owned());
    }
    for kind in [FindingKind::Strength, FindingKind::AreaForConsideration] {
        if review.findings_of(kind, false).next().is_none() {
            let what = match kind {
                FindingKind::Strength => "strengths",
                FindingKind::AreaForConsideration => "areas for consideration",
            };
            warn(S::Document, "findings", format!("The review has no {what}"));
        }
    }

    let mut seen = HashSet::new();
    for (i, theme) in review.themes.iter().enumerate() {
        if theme.id.trim().is_empty() {
            warn(S::Theme(i), "id", format!("Theme {} has no id", i + 1));
        } else if !seen.insert(theme.id.as_str()) {
            warn(S::Theme(i), "id", format!("Theme id `{}` is used twice; findings cannot tell them apart", theme.id));
        }
        if theme.label.trim().is_empty() {
            warn(S::Theme(i), "label", format!("Theme `{}` has no label", theme.id));
        }
    }

    let mut ids = HashSet::new();
    for (i, finding) in review.findings.iter().enumerate() {
        let what = finding.kind.label();
        if finding.text.trim().is_empty() {
            warn(S::Finding(i), "text", format!("{what} {} has no text", i + 1));
        }
        if finding.themes.is_empty() {
            warn(S::Finding(i), "themes", format!("{what} {} has no theme", i + 1));
        }
        for id in &finding.themes {
            if review.theme(id).is_none() {
                warn(S::Finding(i), "themes", format!("{what} {} refers to unknown theme `{id}`", i + 1));
            }
        }
        if !finding.id.is_empty() && !ids.insert(finding.id.as_str()) {
            warn(
                S::Finding(i),
                "id",
                format!("Finding id `{}` is used twice; actions cannot tell the findings apart", finding.id),
            );
        }
    }
    action_plan(review, today, &mut warn);

    for (i, line) in review.contacts.general.iter().enumerate() {
        match line.kind {
            ContactKind::Email if !is_email(&line.value) => {
                warn(S::ContactLine(i), "value", format!("`{}` is not a valid email address", line.value))
            }
            ContactKind::Phone if !is_uk_phone(&line.value) => {
                warn(S::ContactLine(i), "value", format!("`{}` is not a valid UK phone number", line.value))
            }
            _ => {}
        }
    }
    for (i, officer) in review.contacts.officers.iter().enumerate() {
        if !officer.email.trim().is_empty() && !is_email(&officer.email) {
            warn(S::Officer(i), "email", format!("`{}` is not a valid email address", officer.email));
        }
        if !officer.phone.trim().is_empty() && !is_uk_phone(&officer.phone) {
            warn(S::Officer(i), "phone", format!("`{}` is not a valid UK phone number", officer.phone));
        }
    }

    for (place, text) in review.texts() {
        if let Some(fragment) = placeholder_in(text) {
            warnings.push(Warning { place, message: format!("Placeholder text `{fragment}` left in") });
        }
    }
    warnings
}

/// Warnings about the action plan: outcomes with no words, actions with no text, officer or due
/// date, overdue actions, and actions answering findings the review does not have.
fn action_plan(review: &Review, today: Date, warn: &mut impl FnMut(Section, &'static str, String)) {
    use Section as S;
    for (o, outcome) in review.action_plan.outcomes.iter().enumerate() {
        if outcome.title.trim().is_empty() {
            warn(S::Outcome(o), "title", format!("Outcome {} has no desired outcome written", o + 1));
        }
        for (a, action) in outcome.actions.iter().enumerate() {
            let n = format!("{}.{}", o + 1, a + 1);
            let s = S::Action(o, a);
            if action.text.trim().is_empty() {
                warn(s, "text", format!("Action {n} has no text"));
            }
            if action.officer.is_empty() {
                warn(s, "officer.name", format!("Action {n} has no officer"));
            }
            match action.due {
                None if action.status != RagStatus::Complete => warn(s, "due", format!("Action {n} has no due date")),
                Some(due) if action.is_overdue(today) => warn(
                    s,
                    "due",
                    format!("Action {n} was due {due} and is not complete ({})", action.status.label().to_lowercase()),
                ),
                _ => {}
            }
            for (j, change) in action.due_history.iter().enumerate() {
                if change.reason.trim().is_empty() {
                    let on = change.changed_on.map_or_else(String::new, |d| format!(" on {d}"));
                    warn(
                        S::DueDateChange(o, a, j),
                        "reason",
                        format!("Action {n}'s due date was moved{on} with no reason given"),
                    );
                }
            }
            for id in &action.answers {
                if review.finding_by_id(id).is_none() {
                    warn(s, "answers", format!("Action {n} answers finding `{id}`, which the review does not have"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Finding, NamedOfficer, Officer, RagStatus, Theme};

    fn minimal() -> Review {
        let mut r = Review {
            council: "Testshire County Council".into(),
            title: "Testshire Peer Review".into(),
            summary: "Summary.".into(),
            findings_summary: "Summary of findings.".into(),
            purpose: "To consider.".into(),
            ..Review::default()
        };
        r.meeting.panel = "Scrutiny Panel".into();
        r.team.push(crate::model::TeamMember { role: "Lead".into(), organisation: "LGA".into(), ..Default::default() });
        r.findings.push(Finding::new(FindingKind::Strength, "Good.", "vision", true));
        r.findings.push(Finding::new(FindingKind::AreaForConsideration, "Better.", "capacity", true));
        r
    }

    fn today() -> Date {
        Date::ymd(2016, 3, 1).unwrap()
    }

    #[test]
    fn a_complete_review_has_no_warnings() {
        assert_eq!(validate(&minimal(), today()), vec![]);
    }

    #[test]
    fn empty_review_names_each_required_section() {
        let places: Vec<String> = validate(&Review { themes: vec![], ..Review::default() }, today())
            .iter()
            .map(|w| w.place.to_string())
            .collect();
        for p in [
            "council",
            "title",
            "summary",
            "findings_summary",
            "purpose",
            "meeting.panel",
            "themes",
            "team",
            "findings",
        ] {
            assert!(places.contains(&p.to_owned()), "no warning at {p}: {places:?}");
        }
    }

    #[test]
    fn findings_with_no_or_unknown_theme_and_duplicate_theme_ids() {
        let mut r = minimal();
        r.findings[0].themes.clear();
        r.findings[1].themes = vec!["nonesuch".into()];
        r.themes.push(Theme::new("vision", "Again"));
        let w = validate(&r, today());
        let text: Vec<String> = w.iter().map(ToString::to_string).collect();
        assert!(text.contains(&"Strength 1 has no theme (at findings[1].themes)".to_owned()), "{text:?}");
        assert!(text.contains(
            &"Area for consideration 2 refers to unknown theme `nonesuch` (at findings[2].themes)".to_owned()
        ));
        assert!(
            text.iter().any(|t| t.starts_with("Theme id `vision` is used twice") && t.ends_with("(at themes[6].id)"))
        );
    }

    #[test]
    fn placeholders_emails_and_phones() {
        let mut r = minimal();
        r.summary = "To be presented on XX xxx 2016.".into();
        r.contacts.officers.push(NamedOfficer {
            name: "A Officer".into(),
            job_title: "Director".into(),
            phone: "01905 7663".into(),
            email: "a.officer@@council".into(),
        });
        let text: Vec<String> = validate(&r, today()).iter().map(ToString::to_string).collect();
        assert!(text.contains(&"Placeholder text `XX` left in (at summary)".to_owned()), "{text:?}");
        assert!(
            text.contains(
                &"`a.officer@@council` is not a valid email address (at contacts.officers[1].email)".to_owned()
            )
        );
        assert!(
            text.contains(&"`01905 7663` is not a valid UK phone number (at contacts.officers[1].phone)".to_owned())
        );
    }

    #[test]
    fn action_plan_warnings_name_the_action_by_its_numbers() {
        let mut r = minimal();
        r.assign_finding_ids();
        assert_eq!(r.findings[1].id, "A2");
        let o = r.action_plan.add_outcome();
        r.action_plan.outcomes[o].title = "A simpler front door".into();
        r.action_plan.outcomes[o].add_action();
        let action = &mut r.action_plan.outcomes[o].actions[0];
        action.text = "Simplify the front door".into();
        action.officer = Officer { name: String::new(), role: "Head of Service".into() };
        action.due = Date::ym(2016, 1);
        action.status = RagStatus::Amber;
        action.answers = vec!["A2".into()];
        let text = |r: &Review| validate(r, today()).iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            text(&r),
            [
                "Action 1.1 was due January 2016 and is not complete (at risk (amber)) (at action_plan.outcomes[1].actions[1].due)"
            ]
        );
        let action = &mut r.action_plan.outcomes[0].actions[0];
        action.status = RagStatus::Complete;
        assert!(text(&r).is_empty());
        // Due this month is not yet overdue.
        let action = &mut r.action_plan.outcomes[0].actions[0];
        action.status = RagStatus::Red;
        action.due = Date::ym(2016, 3);
        assert!(text(&r).is_empty());

        let action = &mut r.action_plan.outcomes[0].actions[0];
        action.status = RagStatus::Green;
        action.officer = Officer::default();
        action.text.clear();
        action.answers.push("A9".into());
        action.move_due(Date::ym(2016, 6), today());
        let second = r.action_plan.outcomes[0].add_action();
        let action = &mut r.action_plan.outcomes[0].actions[second];
        action.text = "Second".into();
        action.officer.name = "A Officer".into();
        r.action_plan.outcomes[0].title = " ".into();
        r.findings[0].id = "A2".into();
        assert_eq!(
            text(&r),
            [
                "Finding id `A2` is used twice; actions cannot tell the findings apart (at findings[2].id)",
                "Outcome 1 has no desired outcome written (at action_plan.outcomes[1].title)",
                "Action 1.1 has no text (at action_plan.outcomes[1].actions[1].text)",
                "Action 1.1 has no officer (at action_plan.outcomes[1].actions[1].officer.name)",
                "Action 1.1's due date was moved on 1 March 2016 with no reason given (at action_plan.outcomes[1].actions[1].due_history[1].reason)",
                "Action 1.1 answers finding `A9`, which the review does not have (at action_plan.outcomes[1].actions[1].answers)",
                "Action 1.2 has no due date (at action_plan.outcomes[1].actions[2].due)",
            ]
        );
    }

    #[test]
    fn email_and_phone_shapes() {
        for ok in ["gquinton@worcestershire.gov.uk", "a.b-c@x.co.uk"] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in ["", "a@b", "a b@c.uk", "@c.uk", "a@c..uk", "a@b@c.uk"] {
            assert!(!is_email(bad), "{bad}");
        }
        for ok in [
            "01905 763763",
            "01905 76633",
            "+44 1905 763763",
            "(01905) 763-763",
            "020 7946 0958",
            "07700 900123",
            "101",
            "01905 76633 ext. 12",
        ] {
            assert!(is_uk_phone(ok), "{ok}");
        }
        for bad in
            ["", "1905 763763", "01905 7637", "0044 1905 763763", "+1 212 555 0100", "phone me", "01905 763763 763"]
        {
            assert!(!is_uk_phone(bad), "{bad}");
        }
    }
}

//! After a crash: each document's unsaved work, offered back (Restore / Discard).

use egui::RichText;

use super::{Answer, RecoveryChoice};
use crate::app::editor::named_button;
use crate::store::recovery::Recovered;

pub fn show(ctx: &egui::Context, recovered: &[Recovered]) -> Option<Answer> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.label(RichText::new("Recover unsaved work").heading());
        ui.label("PeerBrief closed without saving these reviews last time. Restore them to keep the changes.");
        ui.add_space(6.0);
        for (k, r) in recovered.iter().enumerate() {
            let name = recovered_name(r);
            ui.group(|ui| {
                ui.label(RichText::new(&name).strong());
                ui.weak(format!("Saved for recovery {}", ago(now_secs().saturating_sub(r.entry.written_at))));
                ui.horizontal(|ui| {
                    if named_button(ui, true, "Restore", &format!("Restore {name}")) {
                        answer = Some(Answer::Recovery(k, RecoveryChoice::Restore));
                    }
                    if named_button(ui, true, "Discard", &format!("Discard {name}")) {
                        answer = Some(Answer::Recovery(k, RecoveryChoice::Discard));
                    }
                });
            });
        }
    });
    answer
}

/// The file a recovered document belongs to, or its title if it was never saved.
pub fn recovered_name(r: &Recovered) -> String {
    match &r.entry.original {
        Some(p) => p.display().to_string(),
        None if !r.entry.review.title.trim().is_empty() => format!("{} (never saved)", r.entry.review.title),
        None => "Untitled review (never saved)".to_owned(),
    }
}

fn now_secs() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// "less than a minute ago", "1 minute ago", "3 hours ago", "2 days ago".
pub fn ago(secs: u64) -> String {
    let (n, unit) = match secs {
        0..=59 => return "less than a minute ago".to_owned(),
        60..=3599 => (secs / 60, "minute"),
        3600..=86_399 => (secs / 3600, "hour"),
        _ => (secs / 86_400, "day"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::ago;

    #[test]
    fn ago_says_one_minute_not_one_minutes() {
        assert_eq!(ago(5), "less than a minute ago");
        assert_eq!(ago(60), "1 minute ago");
        assert_eq!(ago(119), "1 minute ago");
        assert_eq!(ago(120), "2 minutes ago");
        assert_eq!(ago(3600), "1 hour ago");
        assert_eq!(ago(7300), "2 hours ago");
        assert_eq!(ago(86_400), "1 day ago");
        assert_eq!(ago(3 * 86_400), "3 days ago");
    }
}

//! "Today" is the local civil date, not UTC's: overdue checks run in the user's time zone.
//!
//! `peerbrief check` runs under two time zones, 26 hours apart (UTC+14 and UTC−12). At any moment
//! at least one of them is on a different date from UTC, so a UTC "today" fails here whatever
//! the time of day the test runs.

use std::path::Path;
use std::process::Command;

use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use peerbrief::model::Date;

/// POSIX TZ strings: no time zone database needed.
const ZONES: [&str; 2] = ["<+14>-14", "<-12>+12"];

fn local_date(tz: &str) -> jiff::civil::Date {
    TimeZone::posix(tz).unwrap().to_datetime(Timestamp::now()).date()
}

#[test]
fn an_action_due_yesterday_is_overdue_and_one_due_today_is_not_in_the_local_zone() {
    let sample = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/afonwen-2025-action-plan.peerreview"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    for tz in ZONES {
        let today = local_date(tz);
        let yesterday = today.checked_sub(1.day()).unwrap();
        // jiff prints civil dates in ISO form, as the file stores them.
        let date = |d: jiff::civil::Date| Date::parse(&d.to_string()).unwrap();
        let (today, yesterday) = (date(today), date(yesterday));
        // Two open actions (Red, Amber) get the dates under test.
        let text = sample
            .replace("due: Some(\"2027-01-31\")", &format!("due: Some(\"{}\")", yesterday.iso()))
            .replace("due: Some(\"2027-03-31\")", &format!("due: Some(\"{}\")", today.iso()));
        assert_ne!(text, sample, "the sample's due dates changed");
        let path = dir.path().join("plan.peerreview");
        std::fs::write(&path, text).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_peerbrief")).arg("check").arg(&path).env("TZ", tz).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(&format!("was due {yesterday} and is not complete")), "TZ={tz}: {stdout}");
        assert!(!stdout.contains(&format!("was due {today} ")), "TZ={tz}: due today is not overdue yet: {stdout}");
    }
}

//! Today's date where the user is: the one place PeerBrief reads the calendar.
//!
//! Overdue actions and "changed on" stamps need the *local* civil date. UTC is wrong for an hour
//! after midnight every summer in the UK (00:30 BST on 1 July is still 30 June in UTC).

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::model::Date;

/// Today's date in the computer's own time zone: `TZ` if set, else `/etc/localtime` on Linux
/// and macOS, the Windows time zone setting on Windows; UTC if none can be found.
pub fn today() -> Date {
    date_in(Timestamp::now(), &TimeZone::system())
}

/// The civil date at `instant` in `zone`.
pub fn date_in(instant: Timestamp, zone: &TimeZone) -> Date {
    // Only a clock set before year 1 falls back.
    Date::from_civil(zone.to_datetime(instant).date()).unwrap_or(Date::EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// UK time without the time zone database: GMT in winter, BST from the last Sunday of March
    /// to the last Sunday of October.
    fn uk() -> TimeZone {
        TimeZone::posix("GMT0BST,M3.5.0/1,M10.5.0").unwrap()
    }

    #[test]
    fn just_after_midnight_in_summer_is_already_tomorrow_in_the_uk() {
        let instant: Timestamp = "2026-06-30T23:30:00Z".parse().unwrap();
        assert_eq!(date_in(instant, &TimeZone::UTC).iso(), "2026-06-30");
        assert_eq!(date_in(instant, &uk()).iso(), "2026-07-01");
        // In winter the UK is on GMT: the same clock time is still the same day.
        let winter: Timestamp = "2026-12-31T23:30:00Z".parse().unwrap();
        assert_eq!(date_in(winter, &uk()).iso(), "2026-12-31");
    }

    #[test]
    fn today_is_the_date_in_the_system_zone() {
        let before = date_in(Timestamp::now(), &TimeZone::system());
        let got = today();
        let after = date_in(Timestamp::now(), &TimeZone::system());
        assert!(got == before || got == after, "{got} vs {before}/{after}");
    }
}

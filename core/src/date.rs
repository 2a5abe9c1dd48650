//! Civil dates (proleptic Gregorian), just enough for label checks.
//!
//! Labels carry dates as text (`2026-10-01`, `20261001`, `2026年10月01日`); standards speak of
//! months of shelf life and effective dates. A full date-time crate would add weight to the
//! WebAssembly build for four operations, so this module keeps a day number and converts with
//! Howard Hinnant's `days_from_civil` algorithm.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A printed date as the date readers take it: full-width ASCII (`２０２６／０９／１５`) and the
/// ideographic space folded to ASCII, a caption printed before it (`生产日期：2026-09-15`,
/// `灌装日期: 2023/05/18` — a data entry that copied the label's line) left out (words with no
/// digit, up to a colon, at the start), and blanks beside a separator dropped
/// (`2026 - 11 - 12`). Only the readers' text: spans point at the printed value.
pub fn printed_date_text(s: &str) -> std::borrow::Cow<'_, str> {
    let s = s.trim_matches(|c: char| c.is_whitespace());
    let wide = |c: char| matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}');
    let folded: std::borrow::Cow<'_, str> = if s.chars().any(wide) {
        std::borrow::Cow::Owned(
            s.chars()
                .map(|c| match c {
                    '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                    '\u{3000}' => ' ',
                    c => c,
                })
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    let caption_end = folded.char_indices().take(16).find_map(|(i, c)| match c {
        ':' | '：' if i > 0 => Some(i + c.len_utf8()),
        ':' | '：' => Some(usize::MAX),
        c if c.is_ascii_digit() => Some(usize::MAX),
        _ => None,
    });
    let dated = match (caption_end, &folded) {
        (Some(end), std::borrow::Cow::Borrowed(b)) if end != usize::MAX => {
            std::borrow::Cow::Borrowed(b[end..].trim_start())
        }
        (Some(end), std::borrow::Cow::Owned(o)) if end != usize::MAX => {
            std::borrow::Cow::Owned(o[end..].trim_start().to_string())
        }
        _ => folded,
    };
    // `（生产日期：2027.01.20）` (a line printed in brackets): the bracket that closes the
    // line is not the date's (GB 7718-2025 A.2.1 forms; blind audit round 22).
    let dated = match dated.strip_suffix(['）', ')']) {
        Some(rest) if !rest.contains(['（', '(']) => {
            std::borrow::Cow::Owned(rest.trim_end().to_string())
        }
        // `2026年11月12日（分装日期）`: a note in brackets after a date, no figure in it.
        Some(rest) => match rest.rfind(['（', '(']) {
            Some(open)
                if rest[..open].chars().any(|c| c.is_ascii_digit())
                    && !rest[open..].chars().any(|c| c.is_ascii_digit()) =>
            {
                std::borrow::Cow::Owned(rest[..open].trim_end().to_string())
            }
            _ => dated,
        },
        None => dated,
    };
    without_translation(without_blanks_at_separators(dated))
}

/// `2026年06月15日　Manufactured: 2026-06-15` (a back label's date with the maker's own line
/// after it): the words from the first blank followed by two Latin letters on are not the
/// date's, when a figure comes before them (blind audit round 22).
fn without_translation(s: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    let cut = s.char_indices().find_map(|(i, c)| {
        let rest = &s[i + c.len_utf8()..];
        let mut letters = rest.chars().take_while(char::is_ascii_alphabetic);
        (c == ' '
            && s[..i].chars().any(|d| d.is_ascii_digit())
            && letters.next().is_some()
            && letters.next().is_some())
        .then_some(i)
    });
    match cut {
        Some(i) => std::borrow::Cow::Owned(s[..i].trim_end().to_string()),
        None => s,
    }
}

/// `2026 - 11 - 12`, `2026 年 11 月 12 日` (GB 7718 附录C C.3 lets blanks part the date's
/// parts, and its own example spaces 年月日): blanks beside a separator are dropped, so the
/// date reads as its unspaced form. Blanks between two figures stay (`2026 11 12`).
fn without_blanks_at_separators(s: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    // Before a separator or the day's 日; after a separator but not after 日 (a time may
    // follow the date: `2026年09月18日 23:50`).
    let before = |c: char| matches!(c, '-' | '/' | '.' | '年' | '月' | '日' | '号');
    let after = |c: char| matches!(c, '-' | '/' | '.' | '年' | '月');
    let chars: Vec<char> = s.chars().collect();
    let drop = |i: usize| {
        chars[i] == ' '
            && (chars[..i]
                .iter()
                .rev()
                .find(|c| **c != ' ')
                .is_some_and(|&c| after(c))
                || chars[i + 1..]
                    .iter()
                    .find(|c| **c != ' ')
                    .is_some_and(|&c| before(c)))
            && chars[..i].iter().any(|c| c.is_ascii_digit())
    };
    if !(0..chars.len()).any(drop) {
        return s;
    }
    std::borrow::Cow::Owned(
        (0..chars.len())
            .filter(|&i| !drop(i))
            .map(|i| chars[i])
            .collect(),
    )
}

/// A calendar date. Ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Days since 1970-01-01.
    days: i64,
}

impl Date {
    /// Builds a date, or `None` when the fields do not name a real day.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Date {
            days: days_from_civil(y, m, d),
        })
    }

    /// Parses `YYYY-MM-DD` strictly (the form used in packs, options and JSON labels).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        // Digits only: `u32::from_str` would also take `+1` (`2025-+1-+1`).
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10
            || b[4] != b'-'
            || b[7] != b'-'
            || !(digits(0..4) && digits(5..7) && digits(8..10))
        {
            return None;
        }
        let y: i32 = s.get(0..4)?.parse().ok()?;
        let m: u32 = s.get(5..7)?.parse().ok()?;
        let d: u32 = s.get(8..10)?.parse().ok()?;
        Date::from_ymd(y, m, d)
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }

    pub fn add_days(self, n: i64) -> Option<Date> {
        let days = self.days.checked_add(n)?;
        let (y, _, _) = civil_from_days(days);
        (1..=9999).contains(&y).then_some(Date { days })
    }

    /// Adds calendar months; the day is clamped to the end of a shorter month
    /// (2026-01-31 + 1 month = 2026-02-28), which is how shelf lives are read in practice.
    pub fn add_months(self, n: i64) -> Option<Date> {
        let (y, m, d) = self.ymd();
        let total = (y as i64) * 12 + (m as i64 - 1) + n;
        let ny = total.div_euclid(12);
        let nm = (total.rem_euclid(12) + 1) as u32;
        let ny = i32::try_from(ny).ok()?;
        if !(1..=9999).contains(&ny) {
            return None;
        }
        let nd = d.min(days_in_month(ny, nm));
        Date::from_ymd(ny, nm, nd)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.days - self.days
    }

    /// Today's date from the system clock (UTC). Not available in the browser build, where the
    /// caller passes the date.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date {
            days: secs.div_euclid(86_400),
        }
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y as i64 - 1 } else { y as i64 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = if m <= 2 { y + 1 } else { y };
    (y as i32, m, d)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    /// A visitor, so that a malformed date's error is positioned at the date itself (see
    /// `label::json_pointer`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a date in YYYY-MM-DD form")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Date, E> {
                Date::parse_iso(s)
                    .ok_or_else(|| E::custom(format!("`{s}` is not a date in YYYY-MM-DD form")))
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn printed_date_text_folds_width_and_drops_a_caption() {
        use super::printed_date_text as p;
        assert_eq!(p("2026 - 11 - 12"), "2026-11-12");
        assert_eq!(p("生产日期：2026 年 11 月 12 日"), "2026年11月12日");
        assert_eq!(p("2026 11 12"), "2026 11 12");
        assert_eq!(p("2026年09月18日 23:50"), "2026年09月18日 23:50");
        assert_eq!(p("2027.01.20）"), "2027.01.20");
        assert_eq!(p("2026年11月12日（分装日期）"), "2026年11月12日");
        assert_eq!(
            p("2026年06月15日　Manufactured: 2026-06-15"),
            "2026年06月15日"
        );
        assert_eq!(p("见罐底 Best before"), "见罐底 Best before");
        assert_eq!(p("见罐底（年/月/日）"), "见罐底(年/月/日)");
        assert_eq!(p("见瓶身 - 喷码"), "见瓶身 - 喷码");
        assert_eq!(p("２０２６－０９－１５"), "2026-09-15");
        assert_eq!(p("生产日期：２０２６年０９月１５日"), "2026年09月15日");
        assert_eq!(p("灌装日期: 2023/05/18"), "2023/05/18");
        assert_eq!(p("Best before: 12.10.2026"), "12.10.2026");
        assert_eq!(p("2026-09-15 12:30"), "2026-09-15 12:30");
        assert_eq!(p("见瓶盖"), "见瓶盖");
        assert_eq!(p("：2026"), ":2026");
    }

    use super::*;

    #[test]
    fn round_trips_and_validates() {
        let d = Date::parse_iso("2027-03-16").unwrap();
        assert_eq!(d.to_string(), "2027-03-16");
        assert!(Date::parse_iso("2027-02-29").is_none());
        assert!(Date::parse_iso("2028-02-29").is_some());
        assert!(Date::parse_iso("2027-3-16").is_none());
        assert!(Date::parse_iso("+027-03-16").is_none());
        for s in [
            "2025-+1-+1",
            "2025-01-+1",
            "2025-+1-01",
            "2025- 1-01",
            "2025-01-1 ",
        ] {
            assert!(Date::parse_iso(s).is_none(), "{s}");
        }
    }

    #[test]
    fn month_arithmetic_clamps() {
        let d = Date::parse_iso("2026-01-31").unwrap();
        assert_eq!(d.add_months(1).unwrap().to_string(), "2026-02-28");
        assert_eq!(d.add_months(12).unwrap().to_string(), "2027-01-31");
        assert_eq!(d.add_months(-2).unwrap().to_string(), "2025-11-30");
        assert_eq!(d.add_days(365).unwrap().to_string(), "2027-01-31");
        assert!(d.add_months(i64::MAX / 2).is_none());
    }

    proptest::proptest! {
        #[test]
        fn civil_round_trip(days in -700_000i64..2_900_000) {
            let (y, m, dd) = civil_from_days(days);
            proptest::prop_assume!((1..=9999).contains(&y));
            proptest::prop_assert_eq!(days_from_civil(y, m, dd), days);
        }
    }
}

//! GS1 identifiers printed on a package: the GTIN under the barcode and the GS1 Digital Link
//! URI a QR code carries (`https://id.example.com/01/06901234567892/10/ABC123?17=270331`).
//!
//! The URI is read here, once, into its application identifiers (AI 01 GTIN, 10 batch/lot,
//! 17 expiry date, 21 serial) so that rules compare them with the printed GTIN and dates
//! like any other field. What cannot be read is kept as a readable problem, never guessed.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// The `gs1` section of a label document.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Gs1 {
    /// The GTIN printed under the barcode (GTIN-8, -12, -13 or -14; spaces allowed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gtin: Option<String>,
    /// The GS1 Digital Link URI encoded in the package's QR code, as decoded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digital_link: Option<String>,
    /// Filled in by normalisation: the GTIN's digits, without spaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gtin_digits: Option<String>,
    /// Filled in by normalisation: the GTIN padded to 14 digits (when it is 8, 12, 13 or 14
    /// digits), for comparison with the Digital Link's AI 01.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gtin14: Option<String>,
    /// Filled in by normalisation: what the Digital Link URI says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<DigitalLink>,
}

/// A GS1 Digital Link URI read into its application identifiers.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DigitalLink {
    /// AI 01, as given (8, 12, 13 or 14 digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gtin: Option<String>,
    /// AI 01 padded to 14 digits, for comparison with the printed GTIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gtin14: Option<String>,
    /// AI 10, batch or lot number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
    /// AI 21, serial number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    /// AI 17, expiration date as given (YYMMDD; DD = 00 means the month's end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry: Option<String>,
    /// AI 17 as a date (the last day of the month when DD = 00).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<Date>,
    /// Problems reading the URI or its AI values, in order; empty when it reads cleanly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
}

/// Longest URI read (a QR code holds at most a few thousand characters).
const MAX_URI: usize = 4096;

impl Gs1 {
    pub(crate) fn normalise(&mut self) {
        self.gtin_digits = self.gtin.as_deref().map(|g| {
            g.chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .collect()
        });
        self.gtin14 = self
            .gtin_digits
            .as_deref()
            .filter(|d| {
                d.chars().all(|c| c.is_ascii_digit()) && matches!(d.len(), 8 | 12 | 13 | 14)
            })
            .map(|d| format!("{d:0>14}"));
        self.link = self.digital_link.as_deref().map(read_digital_link);
    }
}

/// Characters GS1 allows in batch and serial values (the 82-character set of the General
/// Specifications, figure 7.11-1): `!"%&'()*+,-./0-9:;<=>?A-Z_a-z`.
fn in_cset82(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!\"%&'()*+,-./:;<=>?_".contains(c)
}

fn percent_decode(s: &str) -> Result<String, String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| format!("`{s}` has a broken %-escape"))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| format!("`{s}` does not decode to text"))
}

/// Reads a Digital Link URI: the path's AI/value pairs from the first `01` on, then the
/// query's. Each value is checked for its AI's syntax (GS1 General Specifications 3.2:
/// 01 = 8, 12, 13 or 14 digits; 10 and 21 = 1–20 characters of the 82-character set;
/// 17 = YYMMDD).
pub fn read_digital_link(uri: &str) -> DigitalLink {
    let mut link = DigitalLink::default();
    if uri.chars().count() > MAX_URI {
        link.problems
            .push(format!("the URI is longer than {MAX_URI} characters"));
        return link;
    }
    let uri = uri.trim();
    let Some(rest) = uri
        .strip_prefix("https://")
        .or_else(|| uri.strip_prefix("http://"))
    else {
        link.problems
            .push("a Digital Link URI starts with https:// (or http://)".into());
        return link;
    };
    let (path, query) = match rest.split_once('?') {
        Some((p, q)) => (p, q.split('#').next().unwrap_or("")),
        None => (rest.split('#').next().unwrap_or(rest), ""),
    };
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let Some(start) = segments.iter().position(|s| *s == "01") else {
        link.problems
            .push("the path has no /01/ (GTIN) element".into());
        return link;
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    let path_pairs = &segments[start..];
    if path_pairs.len() % 2 != 0 {
        link.problems
            .push("the path's AI elements are not in AI/value pairs".into());
    }
    for pair in path_pairs.chunks(2) {
        if let [ai, value] = pair {
            pairs.push((ai.to_string(), value.to_string()));
        }
    }
    for kv in query.split('&').filter(|kv| !kv.is_empty()) {
        if let Some((k, v)) = kv.split_once('=') {
            if k.chars().all(|c| c.is_ascii_digit()) {
                pairs.push((k.to_string(), v.to_string()));
            }
        }
    }
    for (ai, raw) in pairs {
        let value = match percent_decode(&raw) {
            Ok(v) => v,
            Err(e) => {
                link.problems.push(format!("AI {ai}: {e}"));
                continue;
            }
        };
        match ai.as_str() {
            "01" => {
                if value.chars().all(|c| c.is_ascii_digit())
                    && matches!(value.len(), 8 | 12 | 13 | 14)
                {
                    link.gtin14 = Some(format!("{value:0>14}"));
                    link.gtin = Some(value);
                } else {
                    link.problems
                        .push(format!("AI 01 `{value}` is not 8, 12, 13 or 14 digits"));
                }
            }
            "10" | "21" => {
                let n = value.chars().count();
                if n == 0 || n > 20 || !value.chars().all(in_cset82) {
                    link.problems.push(format!(
                        "AI {ai} `{value}` is not 1–20 characters of the GS1 82-character set"
                    ));
                } else if ai == "10" {
                    link.batch = Some(value);
                } else {
                    link.serial = Some(value);
                }
            }
            "17" => match yymmdd(&value) {
                Some(d) => {
                    link.expiry_date = Some(d);
                    link.expiry = Some(value);
                }
                None => link
                    .problems
                    .push(format!("AI 17 `{value}` is not a date YYMMDD")),
            },
            _ => {}
        }
    }
    if link.gtin.is_none() && link.problems.is_empty() {
        link.problems.push("no GTIN (AI 01) could be read".into());
    }
    link
}

/// YYMMDD per GS1 General Specifications 7.12: the century is the one that puts the year
/// nearest (within −49…+50 years of) the current year — read here against 2000–2099, which
/// holds for every date a label printed this century can carry. DD = 00: the month's last day.
fn yymmdd(s: &str) -> Option<Date> {
    if s.len() != 6 || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (yy, mm, dd) = (n(0..2)?, n(2..4)?, n(4..6)?);
    let year = 2000 + yy as i32;
    if dd == 0 {
        let first_next = if mm == 12 {
            Date::from_ymd(year + 1, 1, 1)?
        } else {
            Date::from_ymd(year, mm + 1, 1)?
        };
        return Date::from_ymd(year, mm, 1).and(first_next.add_days(-1));
    }
    Date::from_ymd(year, mm, dd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_path_and_query_ais() {
        let l = read_digital_link("https://id.gs1.org/01/09506000134352/10/AB%2F12?17=270331&21=x");
        assert_eq!(l.gtin.as_deref(), Some("09506000134352"));
        assert_eq!(l.batch.as_deref(), Some("AB/12"));
        assert_eq!(l.serial.as_deref(), Some("x"));
        assert_eq!(l.expiry_date, Date::from_ymd(2027, 3, 31));
        assert!(l.problems.is_empty(), "{:?}", l.problems);
        let short = read_digital_link("https://example.com/shop/01/6901234567892");
        assert_eq!(short.gtin14.as_deref(), Some("06901234567892"));
    }

    #[test]
    fn day_00_is_the_end_of_the_month() {
        assert_eq!(yymmdd("270200"), Date::from_ymd(2027, 2, 28));
        assert_eq!(yymmdd("281200"), Date::from_ymd(2028, 12, 31));
        assert_eq!(yymmdd("271301"), None);
        assert_eq!(yymmdd("2703"), None);
    }

    #[test]
    fn problems_are_said_not_guessed() {
        for (uri, word) in [
            ("ftp://x/01/09506000134352", "https"),
            ("https://x/gtin/09506000134352", "/01/"),
            ("https://x/01/123", "AI 01"),
            ("https://x/01/09506000134352/10/", "AI 10"),
            ("https://x/01/09506000134352/10", "pairs"),
            ("https://x/01/09506000134352/10/%ZZ", "%-escape"),
            ("https://x/01/09506000134352?17=271341", "AI 17"),
            ("https://x/01/09506000134352/21/ab~c", "AI 21"),
        ] {
            let l = read_digital_link(uri);
            assert!(
                l.problems.iter().any(|p| p.contains(word)),
                "{uri}: {:?}",
                l.problems
            );
        }
        let long = format!("https://x/01/09506000134352/10/{}", "A".repeat(5000));
        assert!(!read_digital_link(&long).problems.is_empty());
    }
}

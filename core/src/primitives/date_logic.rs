//! `date_logic`: the date clauses. Modes:
//! - `format`: printed date text matches one of the allowed formats (a table of regexes
//!   with named groups `y`, `m`, `d`) and names a real day;
//! - `order`: `start` is not after `end` (production before expiry);
//! - `shelf_life`: `start` + `months` (or `days`) equals `end` within `tolerance_days`
//!   (with `month_days`, months counted as that many days also pass);
//! - `not_expired`: `end` is not before the check date.

use super::{pointer_of, CompileEnv, Hit, Outcome, RunEnv, WRONG_SPEC};
use crate::date::Date;
use crate::expr::{Expr, Scope, Val};
use crate::pack::format::CheckSpec;
use rust_decimal::prelude::ToPrimitive;
use std::borrow::Cow;

#[derive(Debug)]
enum Mode {
    Format {
        field: Expr,
        /// Prefiltered (`Pattern`): a date is tried against the formats in table order,
        /// and each format needs its separator (`年`, `/`, `-`…), so most are ruled out
        /// without running the regex.
        formats: Vec<super::required_chars::Pattern>,
        /// Take a time or line code after the date off first (`without_time_or_code`).
        ignore_time_or_code: bool,
    },
    Order {
        start: Expr,
        end: Expr,
    },
    ShelfLife {
        start: Expr,
        end: Expr,
        months: Option<Expr>,
        days: Option<Expr>,
        tolerance: i64,
        month_days: Option<i64>,
    },
    NotExpired {
        end: Expr,
    },
}

/// The value of a captured run of digits, ASCII or full-width (`２０２７`): labels print
/// both, and a format table may accept both. `None` for anything else or an absurd length.
fn digits_value(s: &str) -> Option<u32> {
    let mut v: u32 = 0;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        v = v.checked_mul(10)?.checked_add(d)?;
    }
    (!s.is_empty()).then_some(v)
}

#[derive(Debug)]
pub struct DateLogic {
    mode: Mode,
}

/// The date without a time or a line code printed after it, as ink-jet coders print them
/// (`2026年10月05日 14:32 B2`, `2026-10-05 14:32`): at most two words after a blank, each
/// of at most eight characters holding a colon or a letter (a word of digits alone may be
/// the date's own part, `2010 03 20`). `None` when there is nothing to take off. The form of
/// the date is judged on what is left: the Annex's forms are of the date (C.1 「可选用但不限于
/// 这些形式」), and a time after it is no other form of it.
fn without_time_or_code(text: &str) -> Option<&str> {
    let mut rest = text.trim_end();
    let mut taken = 0;
    while taken < 2 {
        let Some((head, word)) = rest.rsplit_once([' ', '\u{3000}']) else {
            break;
        };
        // `A2线`, `线号3`: a line code may hold Chinese characters beside its letters or digits.
        let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        let code = word.chars().count() <= 8
            && (word.chars().any(|c| c == ':' || c.is_ascii_alphabetic())
                || (word.chars().any(han) && word.chars().any(|c| c.is_ascii_digit())))
            && word
                .chars()
                .all(|c| c == ':' || c == '-' || c.is_ascii_alphanumeric() || han(c));
        if !code {
            break;
        }
        rest = head.trim_end();
        taken += 1;
    }
    (taken > 0 && !rest.is_empty()).then_some(rest)
}

impl DateLogic {
    pub fn compile(spec: &CheckSpec, env: &CompileEnv<'_>) -> Result<Self, String> {
        let CheckSpec::DateLogic {
            mode,
            field,
            formats_table,
            start,
            end,
            months,
            days,
            tolerance_days,
            month_days,
            ignore_time_or_code,
        } = spec
        else {
            return Err(WRONG_SPEC.into());
        };
        let need = |v: &Option<String>, name: &str| -> Result<Expr, String> {
            let src = v
                .as_deref()
                .ok_or_else(|| format!("mode `{mode}` needs `{name}`"))?;
            env.expr(name, src)
        };
        let opt =
            |v: &Option<String>, name: &str| v.as_deref().map(|s| env.expr(name, s)).transpose();
        let mode = match mode.as_str() {
            "format" => {
                let t = formats_table
                    .as_deref()
                    .ok_or("mode `format` needs `formats_table`")?;
                let table = env.table(t)?;
                let mut formats = Vec::new();
                for row in &table.rows {
                    let Some(re) = row.get("regex").and_then(|r| r.as_str()) else {
                        return Err(format!("table `{t}` has a row without `regex`"));
                    };
                    let anchored = format!("^(?:{re})$");
                    let pattern = super::required_chars::Pattern::new(&anchored)
                        .map_err(|e| format!("table `{t}` regex `{re}`: {e}"))?;
                    let compiled = pattern
                        .compiled()
                        .ok_or_else(|| format!("table `{t}` regex `{re}` does not compile"))?;
                    for g in ["y", "m", "d"] {
                        if !compiled.capture_names().any(|n| n == Some(g)) {
                            return Err(format!("table `{t}` regex `{re}` has no group `{g}`"));
                        }
                    }
                    formats.push(pattern);
                }
                Mode::Format {
                    field: need(field, "field")?,
                    formats,
                    ignore_time_or_code: *ignore_time_or_code,
                }
            }
            "order" => Mode::Order {
                start: need(start, "start")?,
                end: need(end, "end")?,
            },
            "shelf_life" => {
                let months = opt(months, "months")?;
                let days = opt(days, "days")?;
                if months.is_none() && days.is_none() {
                    return Err("mode `shelf_life` needs `months` or `days`".into());
                }
                let tolerance = tolerance_days
                    .map(|d| d.0.to_i64().unwrap_or(0))
                    .unwrap_or(0);
                let month_days = match month_days {
                    Some(d) => match d.0.to_i64() {
                        Some(n) if (1..=31).contains(&n) && d.0.fract().is_zero() => Some(n),
                        _ => {
                            return Err(format!(
                                "`month_days` {} is not a whole number of days from 1 to 31",
                                d.0
                            ))
                        }
                    },
                    None => None,
                };
                Mode::ShelfLife {
                    start: need(start, "start")?,
                    end: need(end, "end")?,
                    months,
                    days,
                    tolerance,
                    month_days,
                }
            }
            "not_expired" => Mode::NotExpired {
                end: need(end, "end")?,
            },
            other => {
                return Err(format!(
                    "mode `{other}` is not one of format, order, shelf_life, not_expired"
                ))
            }
        };
        Ok(DateLogic { mode })
    }

    pub fn run<'c: 'a, 'a>(
        &'c self,
        scope: &mut Scope<'c, 'a>,
        base: &str,
        _env: &RunEnv<'a>,
    ) -> Outcome<'a> {
        let date = |scope: &Scope<'c, 'a>, e: &Expr| crate::expr::to_date_val(&scope.eval(&e.root));
        match &self.mode {
            Mode::Format {
                field,
                formats,
                ignore_time_or_code,
            } => {
                let v = scope.eval(&field.root);
                let Some(text) = v.as_str() else {
                    return Outcome::Skip(format!("no text at `{}`", field.source));
                };
                // Full-width forms and a copied caption read as the date itself.
                let text = crate::date::printed_date_text(text);
                let text = text.as_ref();
                let real_date = |text: &str| {
                    formats.iter().any(|re| {
                        re.capture_groups(text, ["y", "m", "d"])
                            .is_some_and(|[y, m, d]| {
                                let num = |g: Option<&str>| g.and_then(digits_value);
                                match (num(y), num(m), num(d)) {
                                    (Some(y), Some(m), Some(d)) => {
                                        let y = if y < 100 { 2000 + y } else { y };
                                        Date::from_ymd(y as i32, m, d).is_some()
                                    }
                                    _ => false,
                                }
                            })
                    })
                };
                if real_date(text)
                    || (*ignore_time_or_code && without_time_or_code(text).is_some_and(real_date))
                {
                    return Outcome::Pass;
                }
                Outcome::Fail(vec![Hit::at(pointer_of(field, base)).found(v.clone())])
            }
            Mode::Order { start, end } => match (date(scope, start), date(scope, end)) {
                (Some(s), Some(e)) if s <= e => Outcome::Pass,
                (Some(s), Some(e)) => Outcome::Fail(vec![Hit::at(pointer_of(end, base))
                    .expected(Val::Date(s))
                    .found(Val::Date(e))]),
                _ => Outcome::Skip("dates missing or unreadable".into()),
            },
            Mode::ShelfLife {
                start,
                end,
                months,
                days,
                tolerance,
                month_days,
            } => {
                let (Some(s), Some(e)) = (date(scope, start), date(scope, end)) else {
                    return Outcome::Skip("dates missing or unreadable".into());
                };
                let n = |x: &Option<Expr>| {
                    x.as_ref()
                        .and_then(|x| scope.eval(&x.root).as_num())
                        .and_then(|d| d.trunc().to_i64())
                };
                let expected = match (n(months), n(days)) {
                    (Some(m), _) => s.add_months(m),
                    (None, Some(d)) => s.add_days(d),
                    _ => return Outcome::Skip("shelf life missing or unreadable".into()),
                };
                let Some(expected) = expected else {
                    return Outcome::Skip("shelf life out of range".into());
                };
                // Months counted as `month_days`-day months: the other count the pack allows.
                let by_month_days = match (n(months), month_days) {
                    (Some(m), Some(md)) => m
                        .checked_mul(*md)
                        .and_then(|d| s.add_days(d))
                        .is_some_and(|alt| alt.days_until(e).abs() <= *tolerance),
                    _ => false,
                };
                if expected.days_until(e).abs() <= *tolerance || by_month_days {
                    Outcome::Pass
                } else {
                    Outcome::Fail(vec![Hit::at(pointer_of(end, base))
                        .expected(Val::Date(expected))
                        .found(Val::Date(e))])
                }
            }
            Mode::NotExpired { end } => match date(scope, end) {
                Some(e) if e >= scope.ctx.as_of => Outcome::Pass,
                Some(e) => Outcome::Fail(vec![Hit::at(pointer_of(end, base))
                    .expected(Val::Str(Cow::Owned(format!("≥ {}", scope.ctx.as_of))))
                    .found(Val::Date(e))]),
                None => Outcome::Skip("expiry date missing or unreadable".into()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{digits_value, without_time_or_code};

    #[test]
    fn a_time_or_line_code_after_the_date_is_taken_off() {
        assert_eq!(
            without_time_or_code("2026年10月05日 14:32 B2"),
            Some("2026年10月05日")
        );
        assert_eq!(without_time_or_code("2026-10-05 14:32"), Some("2026-10-05"));
        assert_eq!(without_time_or_code("2026-10-05 L3"), Some("2026-10-05"));
        assert_eq!(
            without_time_or_code("2026年09月18日 23:50 线号3"),
            Some("2026年09月18日")
        );
        assert_eq!(
            without_time_or_code("2027/03/15 09:42:17 A2线"),
            Some("2027/03/15")
        );
        // Digits alone may be the date's own part; nothing else after it, nothing to take.
        assert_eq!(without_time_or_code("2010 03 20"), None);
        assert_eq!(without_time_or_code("2026-10-05"), None);
        assert_eq!(without_time_or_code("L3"), None);
        // A word that is no code (a place, a sentence) stays: the form is judged with it.
        assert_eq!(without_time_or_code("2026-10-05 见瓶盖"), None);
    }

    #[test]
    fn digits_ascii_and_full_width() {
        assert_eq!(digits_value("2027"), Some(2027));
        assert_eq!(digits_value("２０２７"), Some(2027));
        assert_eq!(digits_value("0３"), Some(3));
        assert_eq!(digits_value(""), None);
        assert_eq!(digits_value("3a"), None);
        assert_eq!(digits_value("99999999999"), None);
    }
}

//! Nutrition tables as they arrive in text: tab- or multi-space-separated columns, `|`
//! tables, one nutrient per line with single spaces, per-100 g / per-100 mL / per-serving
//! headers, NRV % columns, `—` or blank cells, units attached or in their own cell,
//! full-width digits.

use super::headings::fold;

/// What one line of a nutrition table is.
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    /// A header (`项目  每100mL  营养素参考值%`), with the basis it names, if any.
    Header(Option<Basis>),
    Row(Row),
    /// Not a row the reader can read; the reason.
    Unread(&'static str),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Basis {
    /// `per_100g`, `per_100ml` or `per_serving`.
    pub basis: String,
    pub serving_size: Option<String>,
    pub serving_unit: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub name: String,
    pub value: String,
    pub unit: Option<String>,
    pub nrv_percent: Option<String>,
    /// A second value column (infant formula: per 100 kJ beside per 100 g): value and unit.
    /// The caller decides from the header whether it can be placed.
    pub second: Option<(String, Option<String>)>,
}

/// Whether a header or title names a per-100 kJ column (GB 10765/10766/10767 tables).
pub fn names_per_100kj(s: &str) -> bool {
    let c = compact(s);
    c.contains("100kj") || c.contains("100千焦")
}

fn compact(s: &str) -> String {
    s.chars()
        .map(fold)
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// The basis a header or title names: `每100mL`, `per 100 g`, `每份（30g）`.
pub fn basis_in(s: &str) -> Option<Basis> {
    let c = compact(s).replace("毫升", "ml").replace('克', "g");
    let per100 = c
        .find("100ml")
        .map(|i| (i, "per_100ml"))
        .into_iter()
        .chain(c.find("100g").map(|i| (i, "per_100g")))
        .min_by_key(|(i, _)| *i);
    let serving = [
        "每份",
        "perserving",
        "每包",
        "每袋",
        "每瓶",
        "每杯",
        "每片",
        "每粒",
        "每支",
    ]
    .iter()
    .filter_map(|w| c.find(w).map(|i| (i, w.len())))
    .min();
    match (per100, serving) {
        (Some((i, b)), s) if s.is_none_or(|(j, _)| i < j) => Some(Basis {
            basis: b.into(),
            serving_size: None,
            serving_unit: None,
        }),
        (_, Some((j, len))) => {
            let after = &c[j + len..];
            let size = super::values::numbers_with_units(after)
                .into_iter()
                .find(|(_, u)| matches!(u.as_str(), "g" | "ml"));
            Some(Basis {
                basis: "per_serving".into(),
                serving_size: size.as_ref().map(|(n, _)| n.clone()),
                serving_unit: size.map(|(_, u)| if u == "ml" { "mL".into() } else { u }),
            })
        }
        _ => None,
    }
}

/// Whether a line is a table header: names a basis or an NRV column, or starts with 项目.
pub fn is_header(s: &str) -> bool {
    let c = compact(s);
    c.starts_with("项目")
        || c.starts_with("营养成分")
        || c.contains("nrv")
        || c.contains("营养素参考值")
        || c.starts_with("per100")
        || c.starts_with("每100")
        || c.starts_with("amountper")
}

fn is_empty_cell(s: &str) -> bool {
    let t = s.trim();
    t.is_empty()
        || t.chars()
            .all(|c| matches!(c, '—' | '-' | '–' | '－' | '/' | '*' | '…'))
}

/// Cells of a row: split on `|`, tabs, two or more blanks (or an ideographic space); when
/// none of those is present, on single blanks.
fn cells(s: &str) -> Vec<String> {
    let s: String = s.chars().map(|c| if c == '｜' { '|' } else { c }).collect();
    let s = s.trim().trim_matches('|');
    let wide = s.contains('|') || s.contains('\t') || s.contains("  ") || s.contains('\u{3000}');
    let mut out = Vec::new();
    if wide {
        let mut cur = String::new();
        let mut blanks = 0;
        for c in s.chars() {
            if c == '|' || c == '\t' || c == '\u{3000}' {
                out.push(std::mem::take(&mut cur));
                blanks = 0;
            } else if c == ' ' {
                blanks += 1;
                if blanks == 2 {
                    out.push(std::mem::take(&mut cur));
                }
            } else {
                if blanks == 1 && !cur.is_empty() {
                    cur.push(' ');
                }
                blanks = 0;
                cur.push(c);
            }
        }
        out.push(cur);
    } else {
        out = s.split(' ').map(str::to_string).collect();
    }
    out.into_iter()
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

fn starts_numeric(s: &str) -> bool {
    s.chars()
        .next()
        .map(fold)
        .is_some_and(|c| c.is_ascii_digit())
}

/// Number prefix of a cell (`308kJ` → (`308`, `kJ`)).
fn split_number(s: &str) -> Option<(String, String)> {
    let f: String = s.chars().map(fold).collect();
    let n: String = f
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if n.is_empty() || n.starts_with('.') || n.ends_with('.') || n.matches('.').count() > 1 {
        return None;
    }
    Some((n.clone(), f[n.len()..].trim().to_string()))
}

/// Reads one line of a table.
pub fn read_line(s: &str) -> Line {
    let mut cells = cells(s);
    if cells.is_empty() {
        return Line::Unread("empty");
    }
    if is_header(s)
        && !cells
            .iter()
            .skip(1)
            .any(|c| starts_numeric(c) && !c.contains('%'))
    {
        return Line::Header(basis_in(s));
    }
    // `能量308kJ`: a name glued to its value (the name ending in a Chinese character, so
    // `维生素B1` stays whole).
    let first = cells[0].clone();
    let fchars: Vec<char> = first.chars().collect();
    if let Some(i) = fchars.iter().position(|c| fold(*c).is_ascii_digit()) {
        let glued = i > 0 && !fchars[i - 1].is_ascii() && !matches!(fchars[i - 1], '（' | '(');
        // `钠 55mg  —`: a wide row whose first cell kept a single blank before the value.
        let spaced = i > 1 && fchars[i - 1] == ' ';
        if glued || spaced {
            cells[0] = fchars[..i].iter().collect::<String>().trim().to_string();
            cells.insert(1, fchars[i..].iter().collect());
        }
    }
    // The name: the cells before the first one that starts with a digit or is empty-ish.
    let mut k = 0;
    while k < cells.len() && !starts_numeric(&cells[k]) && !is_empty_cell(&cells[k]) {
        k += 1;
    }
    if k == 0 {
        return Line::Unread("no nutrient name before the value");
    }
    let name = cells[..k].join(" ");
    let Some(value_cell) = cells.get(k) else {
        return Line::Unread("no value");
    };
    if is_empty_cell(value_cell) {
        return Line::Unread("no value (blank or dash)");
    }
    let Some((value, mut unit)) = split_number(value_cell) else {
        return Line::Unread("the value is not a number");
    };
    let mut k = k + 1;
    if unit.is_empty() {
        if let Some(c) = cells.get(k) {
            if !starts_numeric(c) && !c.contains('%') && !is_empty_cell(c) {
                unit = c.clone();
                k += 1;
            }
        }
    }
    if unit.contains('%') {
        return Line::Unread("the value is a percentage");
    }
    let mut nrv = None;
    let mut second = None;
    for _ in 0..2 {
        let Some(c) = cells.get(k) else {
            break;
        };
        if is_empty_cell(c) {
            k += 1;
        } else if let Some((n, rest)) = split_number(c) {
            if rest == "%" || (rest.is_empty() && cells.get(k + 1).is_some_and(|x| x == "%")) {
                if nrv.is_some() {
                    return Line::Unread("two NRV % cells");
                }
                nrv = Some(n);
                k += if rest.is_empty() { 2 } else { 1 };
            } else if second.is_none() && nrv.is_none() {
                // A second value column: its unit attached or in the next cell.
                k += 1;
                let mut unit = (!rest.is_empty()).then_some(rest);
                if unit.is_none() {
                    if let Some(u) = cells.get(k) {
                        if !starts_numeric(u) && !u.contains('%') && !is_empty_cell(u) {
                            unit = Some(u.clone());
                            k += 1;
                        }
                    }
                }
                second = Some((n, unit));
            } else {
                return Line::Unread("more value columns than the reader places");
            }
        } else {
            return Line::Unread("a cell after the value that is not a value or an NRV %");
        }
    }
    if k < cells.len() {
        return Line::Unread("more cells than name, value, unit and NRV %");
    }
    Line::Row(Row {
        name,
        value,
        unit: (!unit.is_empty()).then_some(unit),
        nrv_percent: nrv,
        second,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(s: &str) -> Row {
        match read_line(s) {
            Line::Row(r) => r,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn shapes() {
        let r = row("能量\t308kJ\t4%");
        assert_eq!(
            (
                r.name.as_str(),
                r.value.as_str(),
                r.unit.as_deref(),
                r.nrv_percent.as_deref()
            ),
            ("能量", "308", Some("kJ"), Some("4"))
        );
        let r = row("| 蛋白质 | 2.6 | g | 4 % |");
        assert_eq!(
            (
                r.value.as_str(),
                r.unit.as_deref(),
                r.nrv_percent.as_deref()
            ),
            ("2.6", Some("g"), Some("4"))
        );
        let r = row("维生素B1 0.12mg 9%");
        assert_eq!(r.name, "维生素B1");
        let r = row("钠 ５５ｍｇ  —");
        assert_eq!(
            (r.value.as_str(), r.unit.as_deref(), r.nrv_percent),
            ("55", Some("mg"), None)
        );
        let r = row("能量308kJ 4%");
        assert_eq!(r.name, "能量");
        let r = row("Total Fat 3.5 g 5%");
        assert_eq!(r.name, "Total Fat");
        assert!(matches!(read_line("脂肪  —  —"), Line::Unread(_)));
        assert!(
            matches!(read_line("项目  每100mL  营养素参考值%"), Line::Header(Some(b)) if b.basis == "per_100ml")
        );
        assert!(
            matches!(read_line("项目 每份(30g) NRV%"), Line::Header(Some(b)) if b.basis == "per_serving" && b.serving_size.as_deref() == Some("30"))
        );
    }
}

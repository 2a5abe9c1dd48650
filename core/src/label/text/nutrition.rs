//! Nutrition tables as they arrive in text: tab- or multi-space-separated columns, `|`
//! tables, one nutrient per line with single spaces, per-100 g / per-100 mL / per-serving
//! headers, NRV % columns, `—` or blank cells, units attached or in their own cell,
//! full-width digits.

use super::headings::{fold, WordLists};

/// What one line of a nutrition table is.
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    /// A header (`项目  每100mL  营养素参考值%`), with the basis it names, if any.
    Header(Option<Basis>),
    Row(Row),
    /// `6 servings per container`, `Servings Per Container about 2.5`: the number.
    Servings(String),
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
    /// The percentage printed after the second value column (that column's own).
    pub second_nrv: Option<String>,
    /// A further value column after energy given in both units in one cell.
    pub more_columns: bool,
    /// That further column a bare figure, the row's last cell (`能量 | 2088千焦（499千卡） | 25`):
    /// the NRV % under a header that names only an NRV column.
    pub bare_after_pair: Option<String>,
    /// Printed as an upper bound: `less than 5mg`, `<1g`.
    pub less_than: bool,
    /// The percentage printed as an upper bound: `<2%`, `less than 2%` (US 21 CFR
    /// 101.9(c)(8)(iii)).
    pub nrv_less_than: bool,
}

/// Whether a header or title names a per-serving or per-portion column beside the per-100
/// one (GB 28050-2025 附录B 示例2 「每100克和每份」; EU Art 33 per portion): that column's
/// values are not read into the document (the rules judge the per-100 column).
pub fn names_serving_column(words: &WordLists, s: &str) -> bool {
    let c = compact(s).replace("毫升", "ml").replace('克', "g");
    let per100 = c.contains("100g") || c.contains("100ml");
    // `per 100 g | per bar`, `per 100 g | per ½ can (200 g)`: a second `per`.
    // `100g contains | Each cake (8.5g) contains` (the UK form), `100 g enthalten | 1 Riegel
    // enthält`.
    let beside_per100 = per100
        && (words.serving_column_words.iter().any(|w| c.contains(w.as_str()))
            || ["per", "pro", "por", "par", "je"]
                .iter()
                .any(|w| c.matches(w).count() >= 2)
            || c.matches('每').count() >= 2
            || c.contains("each")
            || c.matches("contains").count() >= 2
            // `100g contains | Per 2 biscuits (37.5g)`: a second quantity names a portion.
            || super::values::numbers_with_units(s)
                .iter()
                .filter(|(_, u)| matches!(u.to_lowercase().as_str(), "g" | "ml"))
                .count()
                >= 2
            || c.matches("enth").count() >= 2);
    // `| Per serving | Per container`: 21 CFR 101.9(e)'s dual columns, the per-serving one
    // first (the rules judge per serving), the whole container's beside it.
    // The first column may be headed by the serving's household measure (`Per 1/4 cup |
    // Per container`, `Per 1 cup | Per package`): 101.9(b)(12)(i) asks for the amount per
    // serving and per container, and does not word the column heads.
    let dual_us =
        (c.contains("perserving") || c.matches("per").count() >= 2) && names_per_container(&c);
    beside_per100 || dual_us || names_combined_column(&c)
}

/// Whether a compacted header names a column for the food as combined with another
/// (`Cereal | with 1/2 cup skim milk`, `As packaged | As prepared`): 21 CFR 101.9(e) lets a
/// panel give a second column "for the food as consumed … combined with other
/// ingredients", and 101.9(h)(4) one for a cereal with milk. The first column is the food
/// as sold, per serving, which the rules judge.
fn names_combined_column(c: &str) -> bool {
    let c = c.trim_start_matches('|');
    (c.contains("with") && c.contains("milk") && {
        let head = ["cereal", "aspackaged", "assold", "with", "amountin", "dry"];
        head.iter().any(|h| c.starts_with(h))
    }) || (c.starts_with("aspackaged") && c.contains("asprepared"))
}

/// Whether a compacted header names a whole-container column (`per container`, `per
/// package`…), the second column of 101.9(b)(12)(i)'s dual-column label.
fn names_per_container(c: &str) -> bool {
    [
        "percontainer",
        "perpackage",
        "perpack",
        "perbag",
        "perbox",
        "percan",
        "perbottle",
    ]
    .iter()
    .any(|w| c.contains(w))
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
        // `Per 100 Calories (5 fl oz)`: a US infant formula's table (21 CFR 107.10(a)).
        .chain(c.find("per100calories").map(|i| (i, "per_100kcal")))
        .chain(c.find("per100kcal").map(|i| (i, "per_100kcal")))
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
            // The serving's amount is in its own words (`每份（30g）`, `per serving (30 g)`),
            // not in a value after the next separator (`Amount per serving: …, Total Fat 3g`).
            // `每份：105克/1袋` (round 20): a colon right after the word opens its amount.
            let after = c[j + len..].trim_start_matches([':', '：']);
            let after = &after[..after.find([':', ',', ';', '|']).unwrap_or(after.len())];
            let size = super::values::numbers_with_units(after)
                .into_iter()
                .find(|(_, u)| matches!(u.as_str(), "g" | "ml"));
            Some(Basis {
                basis: "per_serving".into(),
                serving_size: size.as_ref().map(|(n, _)| n.clone()),
                serving_unit: size.map(|(_, u)| if u == "ml" { "mL".into() } else { u }),
            })
        }
        // `每10mL`, `每30克`: an amount other than 100 after 每 is a serving whose amount is
        // stated (GB 28050-2011 6.1: 每份食品可食部…当用份标示时，应标明每份食品的量).
        _ => per_amount(&c).map(|(n, u)| Basis {
            basis: "per_serving".into(),
            serving_size: Some(n),
            serving_unit: Some(if u == "ml" { "mL".into() } else { u.into() }),
        }),
    }
}

/// `每10ml` in a compact, lower-cased header (克 → g, 毫升 → ml): the amount after 每 and its
/// unit, when the unit follows the number directly.
fn per_amount(c: &str) -> Option<(String, &'static str)> {
    c.match_indices('每').find_map(|(i, w)| {
        let after = &c[i + w.len()..];
        let n: String = after
            .chars()
            .take_while(|ch| ch.is_ascii_digit() || *ch == '.')
            .collect();
        let rest = &after[n.len()..];
        let unit = ["ml", "g"].into_iter().find(|u| rest.starts_with(u))?;
        let valid = !n.is_empty()
            && !n.starts_with('.')
            && !n.ends_with('.')
            && n.matches('.').count() <= 1
            && n != "100"
            && n.parse::<f64>().is_ok_and(|x| x > 0.0);
        valid.then_some((n, unit))
    })
}

/// What a cell of a header names: a per-100 g/mL column, a per-serving column, or an NRV %
/// column (GB 28050's 营养素参考值% / NRV%; the EU's %RI is not counted: EU tables are read per
/// 100 g whatever column the percentage follows).
#[derive(Clone, Debug, PartialEq)]
pub enum Column {
    Per100,
    Serving(Basis),
    Nrv,
}

/// The columns a header line names, in printed order (`项目 每100克 每份（30克） NRV%` → per 100,
/// per serving of 30 g, NRV %). A serving's amount in a cell of its own after it
/// (`每份 (30克)`) belongs to it.
pub fn header_columns(s: &str) -> Vec<Column> {
    // `每100克/Per 100g`, `每100克 Per 100g`: `Per` and the amount in the next cell are one
    // cell (the English gloss of the basis).
    let mut cells: Vec<String> = Vec::new();
    for c in self::cells(s) {
        match cells.last_mut() {
            Some(last) if ends_with_per(last) && starts_numeric(&c) => {
                last.push(' ');
                last.push_str(&c);
            }
            _ => cells.push(c),
        }
    }
    let has_cjk = |t: &str| t.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch));
    let mut out: Vec<Column> = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let c = compact(&cells[i]);
        // `每100克 Per 100g`: a cell in Latin letters right after a Chinese one of the same
        // kind is its translation (GB 7718 3.8), not a column of its own.
        let gloss = i > 0 && has_cjk(&cells[i - 1]) && !has_cjk(&cells[i]);
        let same_as_last = |col: &Column| {
            matches!(
                (out.last(), col),
                (Some(Column::Per100), Column::Per100)
                    | (Some(Column::Nrv), Column::Nrv)
                    | (Some(Column::Serving(_)), Column::Serving(_))
            )
        };
        if c.contains("nrv") || c.contains("营养素参考值") {
            if !(gloss && same_as_last(&Column::Nrv)) {
                out.push(Column::Nrv);
            }
        } else if gloss
            && basis_in(&cells[i]).is_some_and(|b| {
                same_as_last(&if b.basis == "per_serving" {
                    Column::Serving(b)
                } else {
                    Column::Per100
                })
            })
        {
            // The translation of the column before it.
        } else {
            match basis_in(&cells[i]) {
                Some(b) if b.basis == "per_serving" => {
                    // The amount in the next cell, when this one has none.
                    let mut b = b;
                    if b.serving_size.is_none() {
                        if let Some(Some(next)) = cells.get(i + 1).map(|n| {
                            let joined = format!("{}{}", cells[i], n);
                            basis_in(&joined).filter(|x| x.serving_size.is_some())
                        }) {
                            b = next;
                            i += 1;
                        }
                    }
                    out.push(Column::Serving(b));
                }
                Some(_) => out.push(Column::Per100),
                None => {}
            }
        }
        i += 1;
    }
    out
}

/// The serving basis of a table whose header names a per-100 column, then a per-serving
/// column, then one NRV % column (`项目 每100克 每份（30克） NRV%`): the percentages are the
/// serving's (they follow its column), so the table is read per serving. None for any other
/// order (`每100克 NRV% 每份 NRV%`, GB 28050-2025 附录B 示例2, keeps the per-100 column with its
/// own NRV %).
pub fn nrv_of_serving(columns: &[Column]) -> Option<Basis> {
    match columns {
        [Column::Per100, Column::Serving(b), Column::Nrv] => Some(b.clone()),
        _ => None,
    }
}

/// Whether a line is a table header: names a basis or an NRV column, or starts with 项目.
pub fn is_header(s: &str) -> bool {
    let c = compact(s);
    let c = c.trim_start_matches('|');
    c.starts_with("项目")
        || c.starts_with("营养成分")
        || c.contains("nrv")
        || c.contains("营养素参考值")
        || c.starts_with("per100")
        || c.starts_with("每100")
        || c.starts_with("每份")
        || c.strip_prefix('每')
            .is_some_and(|r| r.starts_with(|d: char| d.is_ascii_digit()))
        // `Nutrients | Per 100 Calories (5 fl oz)`: a US infant formula's table (107.10(a)).
        || (c.starts_with("nutrients") && c.contains("per100"))
        || c.starts_with("typicalvalues")
        || c.starts_with("averagevalues")
        || c.starts_with("durchschnittlichenährwerte")
        // `Nährwertangaben je 100 g` (the usual German heading).
        || c.starts_with("nährwertangaben")
        || c.starts_with("durchschnittlichenährwertangaben")
        || c.starts_with("pro100")
        || c.starts_with("je100")
        || c.starts_with("pour100")
        || c.starts_with("por100")
        || c.starts_with("amountper")
        || c.starts_with("perserving")
        // `Per 1/4 cup | Per container` (the serving's household measure heads its column).
        || (c.starts_with("per") && c.matches("per").count() >= 2 && names_per_container(c))
        || c.starts_with("amount/serving")
        // `100g contains | Each bar contains` (UK, no first cell).
        || c.starts_with("100gcontains")
        || c.starts_with("100mlcontains")
        || c.starts_with("%dailyvalue")
        || c.starts_with("%dv")
        || names_combined_column(c)
}

/// A US Nutrition Facts line that is no nutrient row: `Serving size 1 bar (40g)` (the
/// per-serving basis and its metric quantity) or `6 servings per container`.
fn us_serving_line(s: &str) -> Option<Line> {
    let c = compact(s);
    // `Serv. size` is 101.9(j)(13)(ii)(B)'s abbreviation.
    if let Some(rest) = c
        .strip_prefix("servingsize")
        .or_else(|| c.strip_prefix("serv.size"))
    {
        // The metric quantity, usually in brackets after the household measure.
        let metric = |t: &str| {
            super::values::numbers_with_units(t)
                .into_iter()
                .find(|(_, u)| matches!(u.as_str(), "g" | "ml"))
        };
        // `1/20 package (26g dry mix)`: compacted, the unit runs into the words after it;
        // read with its blanks, it ends at the first.
        let size = metric(rest).or_else(|| metric(&s.to_lowercase()));
        return Some(Line::Header(Some(Basis {
            basis: "per_serving".into(),
            serving_size: size.as_ref().map(|(n, _)| n.clone()),
            serving_unit: size.map(|(_, u)| if u == "ml" { "mL".into() } else { u }),
        })));
    }
    // `Servings: 1`, `Servings 2.5` (the tabular and linear small-package forms), `Servings:
    // about 12` (101.9(b)(8): 'about' before a count that is not whole).
    if let Some(n) = c
        .strip_prefix("servings")
        .map(|r| r.trim_start_matches(':'))
        .map(|r| r.strip_prefix("about").unwrap_or(r))
        .filter(|r| {
            !r.is_empty()
                && r.chars().all(|ch| ch.is_ascii_digit() || ch == '.')
                && !r.starts_with('.')
                && !r.ends_with('.')
        })
    {
        return Some(Line::Servings(n.to_string()));
    }
    // (Not the dual-column header `Per serving | Per container`.)
    if (c.contains("servingspercontainer") || c.contains("servingpercontainer"))
        && !c.trim_start_matches('|').starts_with("perserving")
    {
        let n: String = c
            .chars()
            .skip_while(|ch| !ch.is_ascii_digit())
            .take_while(|ch| ch.is_ascii_digit() || *ch == '.')
            .collect();
        return Some(if n.is_empty() || n.ends_with('.') {
            Line::Unread("servings per container without a number")
        } else {
            Line::Servings(n)
        });
    }
    None
}

/// `3%  Total Fat 2g` (a panel that prints the % DV column left of the nutrient) read as
/// `Total Fat 2g  3%`: the percentage first, then a name, then the amount.
fn dv_first_moved(s: &str) -> Option<String> {
    let t = s.trim_start();
    let digits = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|&n| n > 0)?;
    let rest = t[digits..].strip_prefix('%')?;
    let rest = rest.trim_start();
    // A name, then an amount somewhere after it.
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic())
        || !rest.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some(format!("{}  {}%", rest.trim_end(), &t[..digits]))
}

/// `Includes 9g Added Sugars 18%` (the 2016 Nutrition Facts wording, amount before the name)
/// read as `Added Sugars 9g 18%`.
fn us_added_sugars(s: &str) -> Option<String> {
    // `| Includes 0g Added Sugars |  | 0% |`: a table with its cells set off by bars.
    let s = s.trim_start().trim_start_matches('|').trim_start();
    // ASCII lower-casing keeps byte offsets, so they index `s` too.
    let lower = s.to_ascii_lowercase();
    let rest = ["includes ", "incl. ", "incl "]
        .iter()
        .find_map(|p| lower.strip_prefix(p).map(|_| &s[p.len()..]))?;
    // `Includes / Incluye 0g Added Sugars / Azúcares Añadidos 0%` (a bilingual panel, 21 CFR
    // 101.15(c)(2)): the translation of `Includes` after a slash is no part of the amount.
    let rest = match rest.trim_start().strip_prefix('/') {
        Some(r) => {
            let r = r.trim_start();
            let word = r
                .find(|c: char| c.is_whitespace() || c.is_ascii_digit())
                .unwrap_or(r.len());
            if r[..word].chars().any(|c| c.is_ascii_digit()) {
                return None;
            }
            &r[word..]
        }
        None => rest,
    };
    let at = rest.to_ascii_lowercase().find("added sugar")?;
    let (amount, tail) = rest.split_at(at);
    let name_len = if tail.to_ascii_lowercase().starts_with("added sugars") {
        "added sugars".len()
    } else {
        "added sugar".len()
    };
    let (name, after) = tail.split_at(name_len);
    // `Incl. 12g Added Sugars, 24%` (the linear form): the comma before the percentage.
    let after = after.trim().trim_start_matches(',').trim();
    // `… Added Sugars / Azúcares Añadidos 0%`, `… Added Sugars / Incluye 0g Azúcares
    // Añadidos 0%`: the Spanish half after the slash repeats the row; only its % DV is kept.
    let after = match after.strip_prefix('/') {
        Some(spanish) => spanish
            .split_whitespace()
            .last()
            .filter(|w| w.ends_with('%') && w.starts_with(|c: char| c.is_ascii_digit() || c == '<'))
            .unwrap_or(""),
        None => after,
    };
    // `… Added Sugars 26% 91g 182%` (a dual-column panel, 21 CFR 101.9(e)): each figure after
    // the name is a cell of its own.
    let after = after
        .split_whitespace()
        .filter(|w| *w != "|")
        .collect::<Vec<_>>()
        .join("  ");
    let name = name.trim_end_matches('|').trim();
    let after = after.trim_start_matches('|').trim();
    Some(format!("{name}  {}  {after}", amount.trim()))
}

/// `Total Fat 3g (4% DV)`, `Sodium 15mg 1% DV` (the linear and tabular small-package forms,
/// 21 CFR 101.9(j)(13)(ii)(A)): the percentage without its brackets and its `DV`, or None
/// when the line has no `% DV`. Likewise `Vitamin D 4.2µg (84% NRV)`, `Iron 8.0mg 57 % NRV`:
/// the percentage of the nutrient reference value that Reg. (EU) 1169/2011 Art 32 has the
/// amounts of vitamins and minerals also expressed as (the reference intakes of Annex XIII
/// Part A point 1, the NRVs; paraphrased from summaries, paragraph 3 or 4 not checked against
/// the OJ text), without its brackets and its `NRV`. Only `NRV`: a `% RI` in brackets stays
/// unread.
fn daily_value_words_removed(s: &str) -> Option<String> {
    // Also `能量1517kJ(18%)` (an NRV % in brackets after the value, GB 28050 附录B text form).
    if !s.contains("DV")
        && !s.contains("NRV")
        && !s.contains("VRN")
        && !s.contains("VNR")
        && !s.contains("%)")
        && !s.contains("%）")
        && !s.contains("％）")
    {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        // `(4% DV)`, `(18%)`, `(84 % NRV)`: the opening bracket of a bracketed percentage (and
        // its closing one, when no `DV` follows).
        if matches!(chars[i], '(' | '（') {
            let mut j = i + 1;
            while j < chars.len() && (chars[j].is_ascii_digit() || matches!(chars[j], '.' | '<')) {
                j += 1;
            }
            let figures = j;
            // `(84 % NRV)`, `(8,4 % NRV)`: a blank before the sign (or a decimal comma) where
            // the word after it is `NRV`.
            let mut m = j;
            while m < chars.len() && (chars[m].is_ascii_digit() || matches!(chars[m], ','))
                || chars.get(m).copied().is_some_and(is_blank)
            {
                m += 1;
            }
            let nrv_form = m > figures
                && matches!(chars.get(m), Some('%' | '％'))
                && matches!(daily_value_word(&chars, m + 1), (_, Some((_, true))));
            if nrv_form {
                j = m;
            }
            if j > i + 1 && matches!(chars.get(j), Some('%' | '％')) {
                changed = true;
                out.push(' ');
                out.extend(chars[i + 1..j].iter().filter(|c| !is_blank(**c)));
                out.push('%');
                let (blank_end, dv) = daily_value_word(&chars, j + 1);
                let mut k = dv.map_or(blank_end, |(end, _)| end);
                if matches!(chars.get(k), Some(')' | '）')) {
                    k += 1;
                    i = k;
                    continue;
                }
                // No closing bracket: leave the text as it was.
                return None;
            }
        }
        if matches!(chars[i], '%' | '％') {
            // `57% NRV`, `57 % NRV`: only after a figure (`% NRV` heading a column is a header).
            let after_figure = chars[..i]
                .iter()
                .rev()
                .find(|c| !is_blank(**c))
                .is_some_and(|c| c.is_ascii_digit());
            if let (_, Some((mut j, nrv))) = daily_value_word(&chars, i + 1) {
                if !nrv || after_figure {
                    if chars.get(j) == Some(&')') {
                        j += 1;
                    }
                    out.push('%');
                    changed = true;
                    i = j;
                    continue;
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    changed.then_some(out)
}

fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// From `from`: where the blanks end, and where `DV` or `NRV` (with an optional `*`) after them
/// ends, if it is there (`4% DV*`, `84% NRV`), with whether the word is `NRV`.
fn daily_value_word(chars: &[char], from: usize) -> (usize, Option<(usize, bool)>) {
    let mut k = from;
    while chars.get(k).copied().is_some_and(is_blank) {
        k += 1;
    }
    let word = if chars.get(k) == Some(&'D') && chars.get(k + 1) == Some(&'V') {
        Some((k + 2, false))
    } else if [['N', 'R', 'V'], ['V', 'R', 'N'], ['V', 'N', 'R']]
        .iter()
        .any(|w| chars.get(k..k + 3) == Some(&w[..]))
    {
        // `NRV`, and the Spanish and Portuguese `VRN` (valores de referencia de nutrientes),
        // the French and Italian `VNR` (valeurs nutritionnelles / valori nutritivi di
        // riferimento): Reg. (EU) 1169/2011 Annex XIII's NRV in those language versions.
        Some((k + 3, true))
    } else {
        None
    };
    match word {
        // `NRVs`, `DVD`: a longer word is not the one.
        Some((end, _)) if chars.get(end).is_some_and(|c| c.is_alphanumeric()) => (k, None),
        Some((end, nrv)) => {
            let end = if chars.get(end) == Some(&'*') {
                end + 1
            } else {
                end
            };
            (k, Some((end, nrv)))
        }
        None => (k, None),
    }
}

/// A line holding rows side by side (the tabular small-package form, 21 CFR
/// 101.9(j)(13)(ii)(A)(2): `Total Fat 10g 13% | Total Carb. 15g 5%`, `Vit. D 0mcg 0% •
/// Calcium 10mg 0%`): the char ranges of its rows, or None unless each part, set apart by
/// `|` or `•`, begins with a name and reads as a row of one value column.
pub fn side_by_side(s: &str) -> Option<Vec<(usize, usize)>> {
    split_side_by_side(s, false).or_else(|| split_side_by_side(s, true))
}

/// [`side_by_side`] with the parts set apart by `|` / `•` only, or by wide gaps as well.
fn split_side_by_side(s: &str, gaps: bool) -> Option<Vec<(usize, usize)>> {
    let chars: Vec<char> = s.chars().collect();
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    // A wide gap (two blanks, a tab) sets parts apart too: `Servings: 1   Serv. size 1
    // pouch (23g)`.
    let wide = |i: usize| {
        gaps && (chars[i] == '\t'
            || (chars[i] == ' ' && chars.get(i + 1) == Some(&' ') && i > 0 && chars[i - 1] != ' '))
    };
    for i in 0..=chars.len() {
        if i == chars.len() || matches!(chars[i], '|' | '｜' | '•' | '·') || wide(i) {
            let (mut a, mut b) = (start, i);
            while a < b && chars[a].is_whitespace() {
                a += 1;
            }
            while b > a && chars[b - 1].is_whitespace() {
                b -= 1;
            }
            if a < b {
                parts.push((a, b));
            }
            start = i + 1;
        }
    }
    // A %DV printed in its own column (`Total Fat 1g    1%`) belongs to the part before it.
    if gaps {
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(parts.len());
        for (a, b) in parts {
            let text: String = chars[a..b].iter().collect();
            let percent_only = text
                .strip_suffix('%')
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            match merged.last_mut() {
                Some(last) if percent_only => last.1 = b,
                _ => merged.push((a, b)),
            }
        }
        parts = merged;
    }
    // Each part a row of one value column, or a serving line (the tabular display's left
    // column: `Servings: 1 | Total Fat 12g 15% | Total Carb. 17g 6%`).
    let part = |(a, b): (usize, usize)| {
        let text: String = chars[a..b].iter().collect();
        let named = chars[a].is_alphabetic();
        let serving = us_serving_line(&text)
            .is_some_and(|l| matches!(l, Line::Servings(_) | Line::Header(Some(_))));
        serving || (named && matches!(read_line(&text), Line::Row(r) if r.second.is_none()))
    };
    // The tabular display's left column cut by the line breaks (`1 serving per` / `container`
    // / `Serving size` / `1 bag (43g)`, 101.9(j)(13)(ii)(A)(1)): a first part that is no row,
    // set apart by a wide gap from rows, is a piece of that column (the caller joins them).
    let stub = |(a, b): (usize, usize)| {
        gaps && !chars[a..b].contains(&'%')
            && !matches!(
                read_line(&chars[a..b].iter().collect::<String>()),
                Line::Row(_)
            )
    };
    let rows_from = usize::from(parts.first().is_some_and(|&p| !part(p) && stub(p)));
    (parts.len() >= 2 && parts[rows_from..].iter().all(|&p| part(p))).then_some(parts)
}

/// `unit` without the bracketed symbol of the Chinese unit it follows (`千焦(kJ)` → `千焦`) and without a
/// bracketed note of the salt a sodium figure makes (`毫克（相当于食盐0.5克）` → `毫克`).
fn without_unit_glosses(unit: &str) -> String {
    let mut out = unit.to_string();
    loop {
        let Some(open) = out.find(['(', '（']) else {
            return out;
        };
        let inner_start = open + out[open..].chars().next().map_or(1, char::len_utf8);
        let Some(close) = out[inner_start..]
            .find([')', '）'])
            .map(|i| inner_start + i)
        else {
            return out;
        };
        let inner = out[inner_start..close].trim();
        // Only the symbol of the Chinese unit before it (`μg(RE)` keeps its RE).
        let before = out[..open].trim_end();
        let symbol = [
            ("千焦", "kj"),
            ("千卡", "kcal"),
            ("克", "g"),
            ("毫克", "mg"),
            ("微克", "μg"),
            ("微克", "µg"),
            ("微克", "ug"),
            ("毫升", "ml"),
        ]
        .iter()
        .any(|(zh, sym)| before.ends_with(zh) && inner.to_lowercase() == *sym);
        let salt_note = inner.contains('盐') || inner.to_ascii_lowercase().contains("salt");
        if open == 0 || !(symbol || salt_note) {
            return out;
        }
        let close_len = out[close..].chars().next().map_or(1, char::len_utf8);
        out = format!("{}{}", out[..open].trim_end(), &out[close + close_len..]);
    }
}

fn is_empty_cell(s: &str) -> bool {
    let t = s.trim();
    // `Trace` in a per-portion column (UK tables): no figure.
    t.is_empty()
        || t.eq_ignore_ascii_case("trace")
        || t.chars()
            .all(|c| matches!(c, '—' | '-' | '–' | '－' | '/' | '*' | '…'))
}

/// Cells of a row: split on `|`, tabs, two or more blanks (or an ideographic space); when
/// none of those is present, on single blanks.
/// The separator a line's cells are set apart by, if it is ` / ` or a full-width `／`: a
/// name without a figure, then cells of one word each (`蛋白质 / 10.5克 / 18%`,
/// `能量／2401千焦／29%`) — not `Energy 407 kJ / 97 kcal`, one cell's two units.
fn slash_cells(s: &str) -> Option<&'static str> {
    [" / ", "／"].into_iter().find(|sep| {
        let parts: Vec<&str> = s.split(sep).map(str::trim).collect();
        // The name may be bilingual (`能量 Energy / 196kJ / 2%`, round 21): blanks in it
        // only after Chinese words.
        let bilingual_name = parts[0].chars().next().is_some_and(|c| !c.is_ascii());
        parts.len() >= 2
            && !parts[0].is_empty()
            && (!parts[0].contains(' ') || bilingual_name)
            && !parts[0].chars().any(|c| c.is_ascii_digit())
            && parts[1..].iter().all(|p| !p.is_empty() && !p.contains(' '))
    })
}

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
    } else if let Some(sep) = slash_cells(s) {
        // `能量 / 1500千焦`, `项目 / 每100克`: cells set apart by ` / ` (blind audit round 19),
        // or by a full-width `／` (`能量／2401千焦／29%`, round 20).
        out = s.split(sep).map(|c| c.trim().to_string()).collect();
    } else {
        out = s.split(' ').map(str::to_string).collect();
    }
    let mut out: Vec<String> = out
        .into_iter()
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    // `Total Fat 9g 12% | 23g 29%`: a US dual-column row whose name and first column are set
    // apart by a blank, the columns by `|` (21 CFR 101.9(e)(6)): the name is a cell of its own.
    if s.contains('|') && out.len() >= 2 {
        let first = out[0].clone();
        let words: Vec<&str> = first.split(' ').collect();
        if let Some(k) = words
            .iter()
            .position(|w| starts_numeric(w))
            .filter(|&k| k > 0)
        {
            out[0] = words[..k].join(" ");
            out.insert(1, words[k..].join(" "));
        }
    }
    out
}

fn starts_numeric(s: &str) -> bool {
    s.chars()
        .next()
        .map(fold)
        .is_some_and(|c| c.is_ascii_digit())
}

/// Number prefix of a cell (`308kJ` → (`308`, `kJ`)). A decimal comma (`3,0 g`, `0,125 g`)
/// reads as a point; a comma before exactly three digits after a non-zero integer part
/// (`1,200mg`) is a thousands separator.
fn split_number(s: &str) -> Option<(String, String)> {
    let f: String = s.chars().map(fold).collect();
    let f = match f.find(',') {
        Some(i) if i > 0 && f[..i].chars().all(|c| c.is_ascii_digit()) && !f.contains('.') => {
            let digits = f[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits == 0 {
                f
            } else if digits == 3 && &f[..i] != "0" {
                format!("{}{}", &f[..i], &f[i + 1..])
            } else {
                format!("{}.{}", &f[..i], &f[i + 1..])
            }
        }
        _ => f,
    };
    let n: String = f
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if n.is_empty() || n.starts_with('.') || n.ends_with('.') || n.matches('.').count() > 1 {
        return None;
    }
    Some((n.clone(), f[n.len()..].trim().to_string()))
}

/// `Fat - 15 g`, `Energy – 1850 kJ / 441 kcal`: a dash set apart by blanks between a row's
/// name (or a value's unit) and the next value, as a separator (EU 1169/2011 Art 34(2)
/// prescribes no separator): the line without it. A dash between digits (a range) or
/// joined to a word (`Omega-3`) is not one.
fn dash_before_value_removed(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let dash = matches!(c, '-' | '–' | '—');
        let blank_before = i > 0 && is_blank(chars[i - 1]);
        let blank_after = chars.get(i + 1).is_some_and(|c| is_blank(*c));
        // Looked at only around a dash set apart, and over a few blanks: a line of blanks
        // stays linear.
        let near = |c: &&char| !is_blank(**c);
        if dash
            && blank_before
            && blank_after
            && chars[i.saturating_sub(8)..i]
                .iter()
                .rev()
                .find(near)
                .is_some_and(|b| b.is_alphabetic() || *b == ')' || *b == '）')
            && chars[i + 1..chars.len().min(i + 9)]
                .iter()
                .find(near)
                .is_some_and(|a| fold(*a).is_ascii_digit() || *a == '<')
        {
            changed = true;
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    changed.then_some(out)
}

/// Whether `s` holds an amount with its unit as a word of its own (`0.6g`, `| 12 mg`,
/// `4%`): the first value of a row is before the end of `s`. A number in a name (`Vitamin
/// B12`, `Omega 3`) has no unit after it.
fn holds_a_value(s: &str) -> bool {
    let s: String = s.chars().map(fold).collect();
    let words: Vec<&str> = s
        .split(|c: char| is_blank(c) || matches!(c, '|' | '\t' | '/' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    const UNITS: [&str; 9] = ["g", "mg", "µg", "μg", "mcg", "kj", "kcal", "%", "ml"];
    words.iter().enumerate().any(|(k, w)| {
        let Some((_, unit)) = split_number(w) else {
            return false;
        };
        let unit = match unit.is_empty() {
            true => words.get(k + 1).copied().unwrap_or(""),
            false => unit.as_str(),
        };
        UNITS.contains(&unit.to_ascii_lowercase().as_str())
    })
}

/// `of which: saturates 0,3 g`, `dont : sucres`, `de las cuales: saturadas`: a sub-row's
/// lead word (Annex XV's 'of which' in its language) closed by a colon, the line without it.
fn sub_row_colon_removed(s: &str) -> Option<String> {
    const LEADS: [&str; 10] = [
        "of which",
        "dont",
        "davon",
        "di cui",
        "waarvan",
        "w tym",
        "de las cuales",
        "de los cuales",
        "wovon",
        "varav",
    ];
    let t = s.trim_start().trim_start_matches(['-', '–', ' ']);
    let lower = t.to_lowercase();
    let lead = LEADS.iter().find(|l| lower.starts_with(*l))?;
    // The leads are ASCII: their length in `t` is the same unless a character lower-cased
    // to ASCII from elsewhere (then `get` finds no boundary and nothing is rewritten).
    let head = t.get(..lead.len())?;
    let rest = t.get(lead.len()..)?;
    let after = rest.trim_start().strip_prefix([':', '：'])?;
    Some(format!("{head} {}", after.trim_start()))
}

/// `Protein, g | 2.1`, `Thiamin (Vitamin B1), mcg | 100`: the unit printed after the nutrient's
/// name, the figure alone in its column (21 CFR 107.10(a)'s infant-formula table, 'in the
/// units specified'); the line with the unit after the figure.
fn unit_in_name_moved(s: &str) -> Option<String> {
    const UNITS: [&str; 8] = ["g", "mg", "mcg", "µg", "μg", "ug", "iu", "kcal"];
    let (name, rest) = s.rsplit_once(", ")?;
    let rest = rest.trim_start();
    let cut = rest.find(|c: char| c.is_whitespace())?;
    let (unit, value) = (&rest[..cut], rest[cut..].trim());
    let figure = !value.is_empty()
        && value.chars().all(|c| c.is_ascii_digit() || c == '.')
        && value.chars().next().is_some_and(|c| c.is_ascii_digit());
    (UNITS.contains(&unit.to_lowercase().as_str()) && figure && !name.trim().is_empty())
        .then(|| format!("{}\t{value} {unit}", name.trim()))
}

/// `energie 1 802 kJ`, `Energie 1.958 kJ / 468 kcal` (the EU writes `8 400 kJ`; a point
/// parts thousands in DE/NL/ES prints): a figure's thousands parted by a blank (also a
/// no-break or thin one) before three figures and a unit, or by a point before three figures
/// and an energy unit (no energy is printed to the thousandth of a kJ), joined.
fn thousands_joined(s: &str) -> Option<String> {
    const UNITS: [&str; 6] = ["kj", "kcal", "g", "mg", "千焦", "千卡"];
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let gap = matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}') || c == '.';
        if gap && i > 0 && chars[i - 1].is_ascii_digit() {
            // The group before: one to three figures, not after another figure or a decimal mark.
            let mut g = i;
            while g > 0 && chars[g - 1].is_ascii_digit() {
                g -= 1;
            }
            let lead_ok = (1..=3).contains(&(i - g))
                && (g == 0 || !matches!(chars[g - 1], '.' | ',' | ' ' | '\u{a0}') || {
                    // `1 802` after a word (`energie 1 802`) — a blank before the group is fine
                    // when a letter comes before it.
                    g >= 2 && chars[g - 1] == ' ' && chars[g - 2].is_alphabetic()
                });
            let three = i + 3 < chars.len() + 1
                && chars
                    .get(i + 1..i + 4)
                    .is_some_and(|d| d.iter().all(char::is_ascii_digit))
                && chars
                    .get(i + 4)
                    .is_none_or(|c| !c.is_ascii_digit() && *c != '.' && *c != ',');
            let unit_after = || {
                let rest: String = chars[(i + 4).min(chars.len())..].iter().collect();
                let rest = rest.trim_start().to_lowercase();
                UNITS
                    .iter()
                    .filter(|u| c != '.' || matches!(**u, "kj" | "kcal" | "千焦" | "千卡"))
                    .any(|u| {
                        rest.strip_prefix(u)
                            .is_some_and(|r| r.chars().next().is_none_or(|n| !n.is_alphabetic()))
                    })
            };
            if lead_ok && three && unit_after() {
                changed = true;
                i += 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    changed.then_some(out)
}

/// `Calcium 10mg    *` (21 CFR 101.9(c)(8)(iii): an asterisk in the %DV column, its footnote
/// 'Contains less than 2 percent of the Daily Value of this nutrient'): the percentage is
/// below 2 %, written `<2%` (blind audit round 22).
fn dv_asterisk_read(s: &str) -> Option<String> {
    let t = s.trim_end();
    let rest = t.strip_suffix('*')?.trim_end();
    if rest.len() == t.len() - 1 || rest.ends_with('*') {
        return None; // `10mg*` (a mark on the value) or `**`
    }
    let last = rest.rsplit(char::is_whitespace).next()?.to_lowercase();
    let unit = ["mcg", "µg", "μg", "mg", "g"]
        .iter()
        .find(|u| last.ends_with(**u))?;
    let figure = &last[..last.len() - unit.len()];
    (!figure.is_empty() && figure.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .then(|| format!("{rest} <2%"))
}

/// `Fett g | 1,5`, `Calcium mg | 120 (15 %*)`: the unit printed after the name, the figures
/// in their own cells (a German layout; round 21); the line with the unit after each figure.
fn unit_after_name_moved(s: &str) -> Option<String> {
    const UNITS: [&str; 6] = ["g", "mg", "µg", "μg", "mcg", "ug"];
    let cells: Vec<&str> = s
        .split(['\t', '|'])
        .flat_map(|c| c.split("  "))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let [name, figures @ ..] = cells.as_slice() else {
        return None;
    };
    let (n, unit) = name.rsplit_once(' ')?;
    let figure = |c: &str| {
        let first = c.split_whitespace().next().unwrap_or("");
        let rest = c[first.len()..].trim();
        !first.is_empty()
            && first.starts_with(|ch: char| ch.is_ascii_digit())
            && first
                .chars()
                .all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',')
            && (rest.is_empty() || (rest.starts_with(['(', '（']) && rest.contains('%')))
    };
    (!figures.is_empty()
        && figures.len() <= 3
        && UNITS.contains(&unit.to_lowercase().as_str())
        && n.chars().any(char::is_alphabetic)
        && figures.iter().all(|c| figure(c)))
    .then(|| {
        let cols: Vec<String> = figures
            .iter()
            .map(|f| {
                let first = f.split_whitespace().next().unwrap_or("");
                format!("{first} {unit}{}", &f[first.len()..])
            })
            .collect();
        format!("{}\t{}", n.trim(), cols.join("\t"))
    })
}

/// `Fat | g | 3.4 | 25.8`: a unit column between the name and the figures (infant-formula
/// tins print their tables so); the line with the unit after each figure.
fn unit_column_moved(s: &str) -> Option<String> {
    const UNITS: [&str; 10] = ["g", "mg", "µg", "μg", "mcg", "ug", "kj", "kcal", "ml", "iu"];
    // Cells: set apart by a tab or two blanks or more.
    let mut cells: Vec<&str> = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let cut = rest
            .find('\t')
            .into_iter()
            .chain(rest.find("  "))
            .min()
            .unwrap_or(rest.len());
        cells.push(rest[..cut].trim());
        rest = rest[cut..].trim_start();
    }
    let [name, unit, figures @ ..] = cells.as_slice() else {
        return None;
    };
    let figure = |c: &str| {
        !c.is_empty()
            && c.chars()
                .all(|ch| ch.is_ascii_digit() || ch == '.' || ch == ',')
            && c.starts_with(|ch: char| ch.is_ascii_digit())
    };
    (!figures.is_empty()
        && figures.len() <= 3
        && UNITS.contains(&unit.to_lowercase().as_str())
        && figures.iter().all(|c| figure(c))
        && name.chars().any(char::is_alphabetic))
    .then(|| {
        let cols: Vec<String> = figures.iter().map(|f| format!("{f} {unit}")).collect();
        format!("{name}\t{}", cols.join("\t"))
    })
}

/// A header naming per 100 g (or mL), per 100 mL and per 100 kJ (`项目 每100克 每100毫升
/// 每100千焦`, or the prepared per-100 mL column last: `项目 每100g 每100kJ 每100mL（冲调后）`,
/// round 22; GB 13432 4.3.2 gives per 100 g and/or per 100 mL with per 100 kJ): the cell index
/// of the per-100 mL column, which a row's reading leaves out.
pub fn per_ml_between(header: &str) -> Option<usize> {
    let cells = cells(header);
    let kind = |c: &str| {
        let c = compact(c);
        if c.contains("100千焦") || c.contains("100kj") {
            Some('j')
        } else if c.contains("100毫升") || c.contains("100ml") {
            Some('m')
        } else if c.contains("100克") || c.contains("100g") {
            Some('g')
        } else {
            None
        }
    };
    let kinds: Vec<Option<char>> = cells.iter().map(|c| kind(c)).collect();
    let g = kinds.iter().position(|k| *k == Some('g'))?;
    let m = kinds.iter().position(|k| *k == Some('m'))?;
    let j = kinds.iter().position(|k| *k == Some('j'))?;
    (g < m && g < j).then_some(m)
}

/// The line without its cell `k` (cells parted by tabs, bars or two blanks), rejoined by
/// tabs; `None` when the line has no such cell.
pub fn without_cell(line: &str, k: usize) -> Option<String> {
    let mut cells = cells(line);
    if k >= cells.len() || cells.len() < 3 {
        return None;
    }
    cells.remove(k);
    Some(cells.join("\t"))
}

/// `每100克 NRV% 每100克 NRV% 每100克 NRV%` under the names of the foods of a pack (GB
/// 28050-2025 附录B 示例8: the tables of a pack's several foods side by side): how many foods
/// — `None` unless the per-100 basis repeats at least twice, more often than 项目 (示例5's
/// column groups repeat 项目 with each basis: `项目 每100克 NRV% 项目 每100克 NRV%`).
pub fn foods_side_by_side(header: &str) -> Option<usize> {
    let per100 = cells(header)
        .iter()
        .filter(|c| {
            let c = compact(c).replace('克', "g").replace("毫升", "ml");
            c.starts_with("每100g") || c.starts_with("每100ml")
        })
        .count();
    (per100 >= 2 && header.matches("项目").count() < per100 && !header.contains('份'))
        .then_some(per100)
}

/// The row `line` of `foods` foods side by side with its name and only the first food's
/// cells (the cells after the name shared out evenly); `None` when they cannot be.
pub fn first_food_cells(line: &str, foods: usize) -> Option<String> {
    let cells = cells(line);
    let after = cells.len().checked_sub(1)?;
    if foods < 2 || after < foods || after % foods != 0 {
        return None;
    }
    Some(cells[..=after / foods].join("\t"))
}

/// Reads one line of a table.
pub fn read_line(s: &str) -> Line {
    if let Some(line) = us_serving_line(s) {
        return line;
    }
    // Lines printed in another shape, rewritten to the plain one and read again (the first
    // rewriting that applies, in this order).
    const REWRITES: [fn(&str) -> Option<String>; 10] = [
        dv_first_moved,
        thousands_joined,
        dv_asterisk_read,
        daily_value_words_removed,
        us_added_sugars,
        dash_before_value_removed,
        sub_row_colon_removed,
        unit_in_name_moved,
        unit_column_moved,
        unit_after_name_moved,
    ];
    if let Some(rewritten) = REWRITES.iter().find_map(|rewrite| rewrite(s)) {
        return read_line(&rewritten);
    }
    // `Vitamin D 0.1mcg <2%`: a bound on the percentage, flagged and taken out before the
    // value's own bound is looked for.
    let nrv_bounded = percent_bound_removed(s);
    let nrv_less_than = nrv_bounded.is_some();
    let s = nrv_bounded.as_deref().unwrap_or(s);
    // `Cholesterol less than 5mg`, `Protein <1g`: the bound is read as the value, flagged.
    // Only a bound before the first value: in `of which saturates | 0.6g | <0.1g` the bound
    // is the second column's, and 0.6 g per 100 g is a value, not a bound.
    let mut less_than = false;
    // ASCII lower-casing keeps byte offsets, so they index `s` too.
    let lowered = s.to_ascii_lowercase();
    let stripped;
    let s = match ["less than ", "< ", "<"]
        .iter()
        .find_map(|w| lowered.find(w).map(|i| (i, w.len())))
    {
        Some((i, len))
            if i > 0
                && !holds_a_value(&s[..i])
                && s[i + len..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit()) =>
        {
            less_than = true;
            stripped = format!("{} {}", s[..i].trim_end(), s[i + len..].trim_start());
            stripped.as_str()
        }
        _ => s,
    };
    // `405 kJ/97 kcal`: the slash between the two energy figures set apart like `405 kJ / 97
    // kcal`, which reads as energy in both units.
    let spaced;
    let s = if ["kJ/", "KJ/", "kj/", "kcal/", "Kcal/", "KCAL/"]
        .iter()
        .any(|w| s.contains(w))
    {
        spaced = ["kJ/", "KJ/", "kj/", "kcal/", "Kcal/", "KCAL/"]
            .iter()
            .fold(s.to_string(), |acc, w| {
                acc.replace(w, &format!("{} / ", &w[..w.len() - 1]))
            });
        spaced.as_str()
    } else {
        s
    };
    // `per 100 g`, `Typical values per 100 g per 1/2 can (200 g)`, `Valori medi per 100 g`:
    // a line naming the basis, all its numbers quantities of it.
    {
        let c = compact(s);
        let starts = [
            "per100",
            "每100",
            "pro100",
            "je100",
            "pour100",
            "por100",
            "typicalvalues",
            "averagevalues",
            // `Nutrients per 100 Calories (5 fl oz prepared)`: a US infant formula's table
            // title (21 CFR 107.10(a)).
            "nutrientsper100",
        ]
        .iter()
        .any(|p| c.starts_with(p));
        let names_basis = ["per100", "por100", "pour100", "pro100", "je100", "w100"]
            .iter()
            .any(|p| c.contains(p))
            && !c.contains('%')
            && super::values::numbers_with_units(s).iter().all(|(_, u)| {
                matches!(
                    u.to_lowercase().trim_end_matches([')', ':', '.']),
                    "g" | "ml"
                )
            });
        if starts || names_basis {
            return Line::Header(basis_in(s));
        }
    }
    // `Energie 2030 kJ (485 kcal)`: the kcal figure in brackets after the kJ one is the
    // second energy figure.
    let bracketed;
    let s = match (s.find("kJ ("), s.find("kcal)")) {
        (Some(i), Some(j)) if i < j => {
            bracketed = format!("{}kJ / {}kcal{}", &s[..i], &s[i + 4..j], &s[j + 5..]);
            bracketed.as_str()
        }
        _ => s,
    };
    // `Fett / Matières grasses 16 g`, `Glucides / Koolhydraten: 50 g`: a name in two
    // languages is one name (a blank-set slash between words, before any figure, joined),
    // its colon dropped.
    let joined;
    let s = if s.contains(" / ") {
        let chars: Vec<char> = s.chars().collect();
        let first_digit = chars
            .iter()
            .position(|c| c.is_ascii_digit())
            .unwrap_or(chars.len());
        let mut out = String::with_capacity(s.len());
        let mut i = 0;
        while i < chars.len() {
            let slash = i >= 1
                && i + 3 < first_digit
                && chars[i] == ' '
                && chars[i + 1] == '/'
                && chars[i + 2] == ' '
                && chars[i - 1].is_alphabetic()
                && chars[i + 3].is_alphabetic();
            if slash {
                out.push('/');
                i += 3;
            } else {
                out.push(chars[i]);
                i += 1;
            }
        }
        joined = out.replacen(": ", " ", 1);
        joined.as_str()
    } else {
        s
    };
    let mut cells = cells(s);
    // `- of which saturates 1.2 g`, `– davon Zucker 2,4 g`, `• davon Zucker`: the mark that
    // indents a sub-row (Reg. (EU) 1169/2011 Annex XV prints `of which`/`davon` under its
    // nutrient; the mark is not regulated) is no part of the name. (GB 28050's `—饱和脂肪`, glued
    // to the name, stays as printed.)
    let marked = cells
        .first()
        .and_then(|first| first.strip_prefix(['-', '–', '•']))
        .filter(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
        .map(|rest| rest.trim().to_string());
    match marked {
        // `- of which …` in cells of its own: the mark alone, a name after it.
        Some(rest) if rest.is_empty() && cells.get(1).is_some_and(|c| !starts_numeric(c)) => {
            cells.remove(0);
        }
        Some(rest) if !rest.is_empty() && !starts_numeric(&rest) => {
            if let Some(first) = cells.first_mut() {
                *first = rest;
            }
        }
        _ => {}
    }
    if cells.is_empty() {
        return Line::Unread("empty");
    }
    // `能量     2112千焦(505千卡) 25%`: in a table whose columns are set apart by wider
    // blanks elsewhere, a percentage after a single blank is still a cell of its own.
    if cells.len() > 1 {
        cells = cells
            .into_iter()
            .flat_map(|c| {
                let tail = c
                    .rfind(' ')
                    .map(|i| (c[..i].trim().to_string(), c[i + 1..].to_string()));
                match tail {
                    Some((head, t))
                        if !head.is_empty()
                            && starts_numeric(&head)
                            && split_number(&t).is_some_and(|(_, u)| u == "%") =>
                    {
                        vec![head, t]
                    }
                    _ => vec![c],
                }
            })
            .collect();
    }
    // `项目/Items 每100克/Per 100g NRV%`, `项目 Items 每100克 Per 100g NRV%`: the English gloss of
    // a column (GB 7718 3.8 lets a foreign language stand beside the Chinese) puts the basis's
    // `100g` in a cell after `Per`; that figure is the header's, no value. So is a bare `100mL`
    // right after `项目` (`项目  100mL  NRV%`: the basis printed without its 每).
    if is_header(s)
        && !cells.iter().enumerate().skip(1).any(|(i, c)| {
            starts_numeric(c)
                && !c.contains('%')
                && !(i > 0
                    && (ends_with_per(&cells[i - 1]) || (i == 1 && compact(&cells[0]) == "项目"))
                    && basis_amount(c, cells.get(i + 1)))
        })
    {
        return Line::Header(basis_in(s));
    }
    // `能量308kJ`: a name glued to its value (the name ending in a Chinese character, so
    // `维生素B1` stays whole).
    let first = cells[0].clone();
    let fchars: Vec<char> = first.chars().collect();
    // A digit inside a word (`Vitamin B12 2.1µg`, `维生素B1 0.12mg`) is passed over for the
    // next one.
    let split_at = fchars
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            fold(**c).is_ascii_digit()
                && !(*i > 0 && (fchars[i - 1].is_ascii_alphanumeric() || fchars[i - 1] == '.'))
        })
        .map(|(i, _)| i)
        .next();
    if let Some(i) = split_at {
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
    // `Matières grasses : 2,9 g`, `Sel\u{a0}: 0,78 g`: French typography sets a blank (or a
    // no-break space) before the colon; the colon ends the name, it is no part of it.
    let name = cells[..k]
        .join(" ")
        .trim_end()
        .trim_end_matches([':', '：'])
        .trim_end_matches(|c: char| c.is_whitespace() || c == '\u{202f}')
        .to_string();
    if name.is_empty() {
        return Line::Unread("no nutrient name before the value");
    }
    // `Brennwert (kJ/kcal)  1535/362`, `Energy (kJ)  213`, `能量(kJ)  201`: the units printed
    // in the row's name (Reg. (EU) 1169/2011 Art 32(1), Annex XV 'energy kJ/kcal').
    let (name, name_units) = match units_in_name(&name) {
        Some((bare, first, second)) => (bare, Some((first, second))),
        None => (name, None),
    };
    let Some(value_cell) = cells.get(k) else {
        return Line::Unread("no value");
    };
    // `Salt | Trace` (UK tables): a negligible amount, Art 34(5) — read as an upper bound of
    // nothing measurable (0, flagged `less_than`).
    if value_cell.trim().eq_ignore_ascii_case("trace") {
        let rest_ok = cells[k + 1..]
            .iter()
            .all(|c| is_empty_cell(c) || split_number(c.trim_start_matches(['<', '＜'])).is_some());
        if rest_ok {
            return Line::Row(Row {
                name,
                value: "0".into(),
                unit: None,
                nrv_percent: None,
                second: None,
                second_nrv: None,
                more_columns: false,
                bare_after_pair: None,
                less_than: true,
                nrv_less_than: false,
            });
        }
    }
    if is_empty_cell(value_cell) {
        return Line::Unread("no value (blank or dash)");
    }
    let Some((value, mut unit)) = split_number(value_cell) else {
        return Line::Unread("the value is not a number");
    };
    // `2112千焦(kJ)（505千卡）`, `200毫克(mg)（相当于食盐0.5克）`: the unit's symbol in brackets
    // after its Chinese name is the same unit, and a bracketed note of the sodium as salt is
    // supplementary wording GB 28050-2025 5.5 allows (允许使用“盐”字进行说明): neither is
    // part of the unit (blind audit round 20).
    unit = without_unit_glosses(&unit);
    // `2112千焦（505千卡）`, `1936 kJ / 462 kcal` in one cell: the figure in the other unit,
    // in brackets or after a slash, is a second value of the row (energy in both units).
    let mut inline_second: Option<(String, Option<String>)> = None;
    if let Some(pos) = unit.find(['(', '（', '/', '／']) {
        let open = unit[pos..].chars().next().map_or(1, char::len_utf8);
        let rest = unit[pos + open..]
            .trim()
            .trim_end_matches([')', '）'])
            .trim();
        if let Some((n2, u2)) = split_number(rest) {
            if !u2.is_empty() && !u2.contains(['%', '(', '（', '/']) {
                inline_second = Some((n2, Some(u2)));
                unit = unit[..pos].trim().to_string();
            }
        }
    }
    // `1760 kJ 421 kcal`, `1046kJ 250kcal` in one cell: energy in both units, no slash
    // between them (Art 32(1) asks for both units; no separator is prescribed).
    if inline_second.is_none() {
        if let Some((u1, rest)) = unit.split_once(char::is_whitespace) {
            let energy = |u: &str| matches!(compact(u).as_str(), "kj" | "kcal" | "千焦" | "千卡");
            if let Some((n2, u2)) = split_number(rest.trim()) {
                if energy(u1) && energy(&u2) && compact(u1) != compact(&u2) {
                    inline_second = Some((n2, Some(u2)));
                    unit = u1.to_string();
                }
            }
        }
    }
    if let Some((first, second)) = name_units {
        if unit.is_empty() {
            unit = first.to_string();
        } else if let Some(second) = second.filter(|_| inline_second.is_none()) {
            // `1535/362` under `(kJ/kcal)`: the figure after the slash is the second unit's.
            let rest = unit
                .strip_prefix(['/', '／'])
                .and_then(|r| split_number(r.trim()))
                .filter(|(_, u)| u.is_empty());
            if let Some((n2, _)) = rest {
                inline_second = Some((n2, Some(second.to_string())));
                unit = first.to_string();
            }
        }
    }
    let mut k = k + 1;
    if unit.is_empty() {
        if let Some(c) = cells.get(k) {
            if !starts_numeric(c) && !c.contains('%') && !is_empty_cell(c) {
                unit = c.clone();
                k += 1;
            }
        }
    }
    // `This pack contains 18 servings` (printed under a UK table): the servings in the pack,
    // no nutrient.
    if matches!(
        unit.to_ascii_lowercase().as_str(),
        "servings" | "portions" | "serving" | "portion"
    ) && k == cells.len()
    {
        return Line::Servings(value);
    }
    // `能量 Energy 2007千焦 kJ 24%`: the unit printed again in English after the Chinese one
    // (a bilingual table, GB 7718 3.8) is the same unit, no further cell.
    if let Some(c) = cells.get(k) {
        if !unit.is_empty() && same_unit(&unit, c) {
            k += 1;
        }
    }
    // `Folate 340mcg DFE 90%`, `Vitamin A 90mcg RAE`: the equivalents' name is part of the
    // unit (21 CFR 101.9(c)(8)(iv) declares folate in mcg DFE, vitamin A in mcg RAE).
    if let Some(c) = cells.get(k) {
        if matches!(c.as_str(), "DFE" | "RAE" | "NE" | "RE" | "α-TE") && !unit.is_empty() {
            unit = format!("{unit} {c}");
            k += 1;
            // `Folate 100mcg DFE (60mcg folic acid) 25%`: the form of 21 CFR 101.9(c)(8)(iv)
            // for a food with added folic acid (its amount in mcg, in parentheses after the
            // folate in mcg DFE; paraphrased, not checked against the CFR text). The bracket is
            // part of the folate row, whose amount and % DV are the DFE ones; the row holds no
            // second amount, so the folic acid figure is not kept.
            if let Some(end) = folic_acid_bracket(&cells[k..]) {
                k += end;
            }
        }
    }
    // `Vitamin D 3mcg (120 IU) 15%`: the amount in international units, in parentheses after
    // the metric amount (21 CFR 101.9(c)(8)(iv) lets vitamin D's IU follow its mcg; the
    // wording is the session-27 audit's, not read here). The metric amount is the row's.
    if !unit.is_empty() {
        if let Some(end) = iu_bracket(&cells[k..]) {
            k += end;
        }
    }
    if unit.contains('%') {
        // `Vit. D (0% DV)`: a vitamin or mineral under 2 % of its RDI "may be declared by a
        // zero" (21 CFR 101.9(c)(8)(iii)); the amount is read as that zero.
        let zero = unit.trim() == "%" && value.parse::<f64>().is_ok_and(|v| v == 0.0);
        if zero && k == cells.len() {
            return Line::Row(Row {
                name,
                value: value.clone(),
                unit: None,
                nrv_percent: Some(value),
                second: None,
                second_nrv: None,
                more_columns: false,
                bare_after_pair: None,
                less_than: false,
                nrv_less_than: false,
            });
        }
        return Line::Unread("the value is a percentage");
    }
    let mut nrv = None;
    let mut second = inline_second;
    // The percentage printed after a second value column is that column's (`每份` with its
    // own NRV %, a per-portion %RI): kept apart from the first column's.
    let mut second_nrv: Option<String> = None;
    let mut second_column = false;
    let mut more_columns = false;
    let mut bare_after_pair = None;
    for _ in 0..4 {
        let Some(c) = cells.get(k) else {
            break;
        };
        if is_empty_cell(c) {
            k += 1;
        } else if let Some((n, rest)) = split_number(c.trim_start_matches(['<', '＜', '≤'])) {
            if rest == "%" || (rest.is_empty() && cells.get(k + 1).is_some_and(|x| x == "%")) {
                if second_column && second_nrv.is_none() {
                    second_nrv = Some(n);
                } else if nrv.is_some() && second.is_none() && second_nrv.is_none() {
                    // `Total Fat 2.5g  3%  3%` (a cereal's `with 1/2 cup skim milk` column
                    // gives only its % DV, 21 CFR 101.9(e)): kept as the second column's
                    // percentage; placed only under a header that names that column.
                    second_nrv = Some(n);
                } else if nrv.is_some() {
                    return Line::Unread("two NRV % cells");
                } else {
                    nrv = Some(n);
                }
                k += if rest.is_empty() { 2 } else { 1 };
            } else if second.is_some() && !second_column && second_nrv.is_none() {
                // `2176 kJ / 521 kcal   370 kJ / 89 kcal`: after energy in both units, the
                // next column (per portion) with its own pair.
                if rest.is_empty() && k + 1 == cells.len() {
                    bare_after_pair = Some(n);
                }
                k += 1;
                more_columns = true;
                second_column = true;
            } else if second.is_none() {
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
                second_column = true;
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
    let nrv_less_than = nrv_less_than && nrv.is_some();
    Line::Row(Row {
        name,
        value,
        unit: (!unit.is_empty()).then_some(unit),
        nrv_percent: nrv,
        second,
        second_nrv,
        more_columns,
        bare_after_pair,
        less_than,
        nrv_less_than,
    })
}

/// A row name that ends in the energy units it is given in (`Brennwert (kJ/kcal)`, `Energy
/// (kcal)`, `能量（千焦）`, `Energie kJ/kcal`): the name without them, the first unit and the
/// second (when two are named).
fn units_in_name(name: &str) -> Option<(String, &'static str, Option<&'static str>)> {
    let t = name.trim_end();
    let (head, inner) = match t.strip_suffix([')', '）', ']']) {
        Some(open) => {
            let at = open.rfind(['(', '（', '['])?;
            let bracket = open[at..].chars().next().map_or(1, char::len_utf8);
            (&open[..at], &open[at + bracket..])
        }
        None => {
            // `Energie kJ/kcal`: the units as the name's last word.
            let at = t.rfind(' ')?;
            (&t[..at], &t[at + 1..])
        }
    };
    let unit = |u: &str| -> Option<&'static str> {
        match compact(u).as_str() {
            "kj" => Some("kJ"),
            "kcal" => Some("kcal"),
            "千焦" => Some("千焦"),
            "千卡" => Some("千卡"),
            _ => None,
        }
    };
    // `蛋白质(g)`, `钠(mg)`, `Vitamin D (µg)`: one mass unit in brackets.
    let mass = |u: &str| -> Option<&'static str> {
        match compact(u).as_str() {
            "g" => Some("g"),
            "mg" => Some("mg"),
            "µg" | "μg" => Some("µg"),
            "mcg" => Some("mcg"),
            "克" => Some("克"),
            "毫克" => Some("毫克"),
            "微克" => Some("微克"),
            _ => None,
        }
    };
    if t.ends_with([')', '）', ']']) {
        if let Some(m) = mass(inner) {
            let head = head.trim_end().to_string();
            return (!head.is_empty()).then_some((head, m, None));
        }
    }
    let mut parts = inner.split(['/', '／']);
    let first = unit(parts.next()?)?;
    let second = match parts.next() {
        Some(p) => Some(unit(p)?).filter(|u| *u != first),
        None => None,
    };
    if parts.next().is_some() || (inner.contains(['/', '／']) && second.is_none()) {
        return None;
    }
    let head = head.trim_end().to_string();
    (!head.is_empty()).then_some((head, first, second))
}

/// A unit printed in a cell of its own (`g`, `毫克`, `kJ`).
fn unit_cell(s: &str) -> bool {
    let c = compact(s);
    matches!(
        c.as_str(),
        "g" | "mg"
            | "μg"
            | "µg"
            | "ug"
            | "mcg"
            | "kj"
            | "kcal"
            | "ml"
            | "%"
            | "克"
            | "毫克"
            | "微克"
            | "千焦"
            | "千卡"
            | "毫升"
    )
}

/// `(60mcg folic acid)` at the start of `cells` (one cell or several): how many cells it takes.
/// Looked for in the next few cells only.
fn folic_acid_bracket(cells: &[String]) -> Option<usize> {
    bracket_at_start(cells, 4, &['(', '（'], &[')', '）'], |inner| {
        split_number(inner.to_ascii_lowercase().trim()).is_some_and(|(_, rest)| {
            rest.strip_suffix("folic acid")
                .is_some_and(|u| matches!(u.trim(), "mcg" | "µg" | "μg" | "ug"))
        })
    })
}

/// `(120 IU)` at the start of `cells` (one cell or two): how many cells it takes.
fn iu_bracket(cells: &[String]) -> Option<usize> {
    bracket_at_start(cells, 2, &['('], &[')'], |inner| {
        split_number(inner.trim()).is_some_and(|(_, rest)| rest.trim().eq_ignore_ascii_case("iu"))
    })
}

/// How many of the first `max` cells a bracket opened by the first cell takes, when its
/// inside (the cells joined by blanks, brackets taken off) is what `accept` wants.
fn bracket_at_start(
    cells: &[String],
    max: usize,
    open: &[char],
    close: &[char],
    accept: impl Fn(&str) -> bool,
) -> Option<usize> {
    if !cells.first()?.starts_with(open) {
        return None;
    }
    let mut text = String::new();
    for (i, c) in cells.iter().take(max).enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(c);
        if c.ends_with(close) {
            let inner = text.trim_start_matches(open).trim_end_matches(close);
            return accept(inner).then_some(i + 1);
        }
    }
    None
}

/// A cell ending in the word `per` (`Per`, `每100克/Per`): the English gloss of a basis whose
/// amount is in the next cell.
fn ends_with_per(s: &str) -> bool {
    let c = compact(s);
    c.strip_suffix("per")
        .is_some_and(|head| !head.ends_with(|ch: char| ch.is_ascii_alphabetic()))
}

/// The amount of a per-100 basis in a cell of its own (`100g`, `100 mL`; `100` with the unit in
/// the next cell).
fn basis_amount(s: &str, next: Option<&String>) -> bool {
    let c = compact(s).replace("毫升", "ml").replace('克', "g");
    match c.as_str() {
        "100g" | "100ml" => true,
        "100" => next.is_some_and(|n| {
            matches!(
                compact(n).replace("毫升", "ml").replace('克', "g").as_str(),
                "g" | "ml"
            )
        }),
        _ => false,
    }
}

/// The same unit in another script (`2007千焦 kJ`, `6.8克 g`, `420毫克 mg`: a bilingual table
/// that prints the unit in Chinese and in English).
fn same_unit(a: &str, b: &str) -> bool {
    let canon = |u: &str| -> Option<&'static str> {
        Some(match compact(u).as_str() {
            "g" | "克" => "g",
            "mg" | "毫克" => "mg",
            "μg" | "µg" | "ug" | "mcg" | "微克" => "ug",
            "kj" | "千焦" => "kj",
            "kcal" | "千卡" => "kcal",
            "ml" | "毫升" => "ml",
            _ => return None,
        })
    };
    compact(a) != compact(b) && canon(a).is_some() && canon(a) == canon(b)
}

/// A cell that belongs to the values of a row, not to a name: a figure (`1922千焦`, `23%`,
/// `<1g`), a blank or dash cell, a unit of its own.
pub fn value_cell(s: &str) -> bool {
    let t = s.trim();
    let bounded = t
        .strip_prefix(['<', '＜', '≤'])
        .is_some_and(|r| starts_numeric(r.trim_start()));
    !t.is_empty() && (starts_numeric(t) || bounded || is_empty_cell(t) || unit_cell(t) || t == "<")
}

/// A header cell: names a basis, an NRV column or the 项目 column.
fn header_cell(s: &str) -> bool {
    is_header(s) || basis_in(s).is_some() || s.contains(['%', '％'])
}

/// A flattened table's header cells (if any) and rows: char ranges within its line.
pub type Flat = (Option<(usize, usize)>, Vec<(usize, usize)>);

/// A table flattened onto one line (`项目 每100克 营养素参考值% 能量 1922千焦 23% 蛋白质 6.8克
/// 11% …`, what OCR gives of a table read row after row): the char ranges, within `s`, of its
/// header cells (if any) and of each row (a name — one or more words — and the values after
/// it). None unless there are two rows or more and each reads as a row.
pub fn flattened(s: &str) -> Option<Flat> {
    let chars: Vec<char> = s.chars().collect();
    let blank = |c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '\u{3000}');
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if blank(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !blank(chars[i]) {
            i += 1;
        }
        tokens.push((start, i));
    }
    let text = |(a, b): (usize, usize)| chars[a..b].iter().collect::<String>();
    let is_value: Vec<bool> = tokens.iter().map(|&t| value_cell(&text(t))).collect();
    let first_value = is_value.iter().position(|v| *v)?;
    // The first row's name: the words right before its first value that are no header cell.
    let mut name_start = first_value;
    while name_start > 0 && !header_cell(&text(tokens[name_start - 1])) {
        name_start -= 1;
    }
    if name_start == first_value {
        return None;
    }
    let header = (name_start > 0).then(|| (tokens[0].0, tokens[name_start - 1].1));
    let mut rows: Vec<(usize, usize)> = Vec::new();
    let mut k = name_start;
    while k < tokens.len() {
        let start = k;
        while k < tokens.len() && !is_value[k] {
            k += 1;
        }
        if k == start || k == tokens.len() {
            // Values without a name, or a name without values.
            return None;
        }
        while k < tokens.len() && is_value[k] {
            k += 1;
        }
        rows.push((tokens[start].0, tokens[k - 1].1));
    }
    let all_rows = rows
        .iter()
        .all(|&r| matches!(read_line(&text(r)), Line::Row(_)));
    (rows.len() >= 2 && all_rows).then_some((header, rows))
}

/// `s` without the `<` / `less than` of a percentage printed as an upper bound (`<2%`,
/// `Less than 2 %`), or None when no percentage is so printed.
fn percent_bound_removed(s: &str) -> Option<String> {
    // ASCII lower-casing keeps byte offsets, so they index `s` too.
    let lowered = s.to_ascii_lowercase();
    for w in ["less than ", "<"] {
        for (i, _) in lowered.match_indices(w) {
            let after = s[i + w.len()..].trim_start();
            let digits = after
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(after.len());
            if digits > 0 && after[digits..].trim_start().starts_with(['%', '％']) {
                return Some(format!("{} {}", s[..i].trim_end(), after));
            }
        }
    }
    None
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

    /// Thousands parted by a blank (any width) before three figures and a unit, or by a
    /// point before three figures and an energy unit, are one figure; other blanks and
    /// points stay.
    #[test]
    fn thousands_are_joined_only_before_a_unit() {
        let r = row("Energie\t1 802 kJ");
        assert_eq!((r.value.as_str(), r.unit.as_deref()), ("1802", Some("kJ")));
        let r = row("Energie\t1\u{202f}802 kJ");
        assert_eq!(r.value, "1802");
        let r = row("Valor energético\t1.958 kJ");
        assert_eq!(r.value, "1958");
        // A point before three figures and a mass unit is a decimal point.
        assert_eq!(thousands_joined("Salt 1.250 g"), None);
        // Two figures of two columns, no unit after the second: not joined.
        assert_eq!(thousands_joined("kcal 375 125"), None);
        assert_eq!(thousands_joined("Fat 12.5 g 1.2 g"), None);
    }

    /// The tabular display: a %DV in its own column joins its row, and a first part that is
    /// no row (a piece of the left column) is let through for the caller to join.
    #[test]
    fn tabular_lines_part_into_rows_and_the_left_column() {
        let line = "1 serving per       Total Fat 1g       1%    Total Carb. 35g         13%";
        let parts = side_by_side(line).expect("parts");
        let texts: Vec<String> = parts
            .iter()
            .map(|&(a, z)| line.chars().skip(a).take(z - a).collect())
            .collect();
        assert_eq!(
            texts,
            [
                "1 serving per",
                "Total Fat 1g       1%",
                "Total Carb. 35g         13%"
            ]
        );
        // A row and its %DV alone is one row, not rows side by side.
        assert_eq!(side_by_side("Total Fat 8g      10%"), None);
        // A name and a figure apart are no left column and a row.
        assert_eq!(side_by_side("Energie   1500 kJ   359 kcal"), None);
    }

    /// A lone asterisk in the %DV column is 'less than 2 percent'; a mark on the value is not.
    #[test]
    fn a_dv_asterisk_reads_as_less_than_two_percent() {
        let r = row("Calcium 10mg    *");
        assert_eq!(
            (r.nrv_percent.as_deref(), r.nrv_less_than),
            (Some("2"), true)
        );
        assert_eq!(dv_asterisk_read("Calcium 10mg*"), None);
        assert_eq!(dv_asterisk_read("Energy 1500 kJ *"), None);
    }

    /// `Fett g | 1,5`: the unit after the name goes after the figure.
    #[test]
    fn a_unit_after_the_name_moves_to_the_figures() {
        let r = row("Fett g\t1,5");
        assert_eq!(
            (r.name.as_str(), r.value.as_str(), r.unit.as_deref()),
            ("Fett", "1.5", Some("g"))
        );
        assert_eq!(unit_after_name_moved("Fett\t1,5 g"), None);
        assert_eq!(unit_after_name_moved("Energie kJ/kcal\t179/43"), None);
    }

    /// `Fat - 15 g`: a dash set apart by blanks before the value is a separator; a range, a
    /// dash in a name and an empty cell's dash are not.
    #[test]
    fn a_dash_before_the_value_separates_name_and_value() {
        let r = row("Fat - 15 g");
        assert_eq!(
            (r.name.as_str(), r.value.as_str(), r.unit.as_deref()),
            ("Fat", "15", Some("g"))
        );
        let r = row("of which saturates – 1.8 g");
        assert_eq!(
            (r.name.as_str(), r.value.as_str()),
            ("of which saturates", "1.8")
        );
        let r = row("Energy - 1796 kJ / 427 kcal");
        assert_eq!((r.value.as_str(), r.unit.as_deref()), ("1796", Some("kJ")));
        let r = row("Salt - <0.01 g");
        assert!(r.less_than);
        assert_eq!(dash_before_value_removed("Omega-3 fatty acids 1.2 g"), None);
        assert_eq!(dash_before_value_removed("Fibre 3 - 5 g"), None);
        assert!(matches!(read_line("脂肪  —  —"), Line::Unread(_)));
    }

    #[test]
    fn a_percentage_printed_before_the_nutrient() {
        assert_eq!(
            dv_first_moved("3%  Total Fat 2g").as_deref(),
            Some("Total Fat 2g  3%")
        );
        assert_eq!(dv_first_moved("% Daily Value*"), None);
        assert_eq!(dv_first_moved("Total Fat 2g 3%"), None);
    }

    /// `Includes 13g Added Sugars 26% 91g 182%` on a dual-column panel: the first column's
    /// %DV is read.
    #[test]
    fn added_sugars_in_two_columns() {
        let r = row("Includes 13g Added Sugars 26% 91g 182%");
        assert_eq!((r.name.as_str(), r.value.as_str()), ("Added Sugars", "13"));
        assert_eq!(r.nrv_percent.as_deref(), Some("26"));
        let r = row("Includes 9g Added Sugars 18%");
        assert_eq!(r.nrv_percent.as_deref(), Some("18"));
    }

    /// A sub-row's lead closed by a colon is the same sub-row.
    #[test]
    fn sub_row_lead_with_a_colon() {
        let r = row("of which: saturates 0,3 g");
        assert_eq!(
            (r.name.as_str(), r.value.as_str()),
            ("of which saturates", "0.3")
        );
        let r = row("dont : sucres 3,5 g");
        assert_eq!(r.name, "dont sucres");
        let r = row("de las cuales: saturadas 5,6 g");
        assert_eq!(r.name, "de las cuales saturadas");
        assert_eq!(sub_row_colon_removed("Fat: 3 g"), None);
    }

    /// `Servings: about 12` (the linear small-package form with 101.9(b)(8)'s 'about').
    #[test]
    fn servings_with_about() {
        assert!(matches!(read_line("Servings: about 12"), Line::Servings(n) if n == "12"));
        assert!(matches!(read_line("Servings 2.5"), Line::Servings(n) if n == "2.5"));
        assert!(!matches!(read_line("Servings: about"), Line::Servings(_)));
    }

    /// A bound printed in a later column is that column's: the first value stays a value.
    #[test]
    fn a_later_columns_bound_is_not_the_first_values() {
        let r = row("of which saturates | 0.6g | <0.1g");
        assert_eq!((r.value.as_str(), r.less_than), ("0.6", false));
        let r = row("Protein <0.5g | <0.1g");
        assert_eq!((r.value.as_str(), r.less_than), ("0.5", true));
        let r = row("Vitamin B12 <0.1µg");
        assert!(r.less_than);
        assert!(!holds_a_value("Omega 3 "));
        assert!(holds_a_value("Sugars 12 g "));
    }

    #[test]
    fn energy_in_both_units_in_one_cell() {
        for s in [
            "能量     2112千焦(505千卡) 25%",
            "能量\t２１１２千焦（５０５千卡）\t２５％",
            "| Energy | 1936 kJ / 462 kcal | 25% |",
        ] {
            let r = row(s);
            assert_eq!(r.nrv_percent.as_deref(), Some("25"), "{s}");
            let (v2, u2) = r.second.clone().expect(s);
            assert!(
                matches!(u2.as_deref(), Some("千卡" | "kcal")),
                "{s}: {u2:?}"
            );
            assert!(v2 == "505" || v2 == "462", "{s}");
            assert!(
                matches!(r.unit.as_deref(), Some("千焦" | "kJ")),
                "{s}: {:?}",
                r.unit
            );
        }
    }

    #[test]
    fn a_percentage_printed_as_a_bound() {
        for s in ["Vitamin D 0.1mcg <2%", "Vitamin D 0.1mcg Less than 2 %"] {
            let r = row(s);
            assert_eq!(
                (
                    r.value.as_str(),
                    r.nrv_percent.as_deref(),
                    r.nrv_less_than,
                    r.less_than
                ),
                ("0.1", Some("2"), true, false),
                "{s}"
            );
        }
        let r = row("Cholesterol less than 5mg 1%");
        assert_eq!(
            (r.value.as_str(), r.less_than, r.nrv_less_than),
            ("5", true, false)
        );
        let r = row("Protein <1g <1%");
        assert_eq!(
            (r.value.as_str(), r.less_than, r.nrv_less_than),
            ("1", true, true)
        );
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

    #[test]
    fn us_nutrition_facts_lines() {
        assert!(
            matches!(read_line("Serving size 1 bar (40g)"), Line::Header(Some(b)) if b.basis == "per_serving" && b.serving_size.as_deref() == Some("40") && b.serving_unit.as_deref() == Some("g"))
        );
        assert!(
            matches!(read_line("Serving Size 1 cup (240mL)"), Line::Header(Some(b)) if b.serving_size.as_deref() == Some("240") && b.serving_unit.as_deref() == Some("mL"))
        );
        assert_eq!(
            read_line("About 2.5 servings per container"),
            Line::Servings("2.5".into())
        );
        assert_eq!(
            read_line("Servings Per Container 8"),
            Line::Servings("8".into())
        );
        assert!(matches!(read_line("% Daily Value*"), Line::Header(None)));
        let r = row("Includes 9g Added Sugars 18%");
        assert_eq!(
            (
                r.name.as_str(),
                r.value.as_str(),
                r.unit.as_deref(),
                r.nrv_percent.as_deref()
            ),
            ("Added Sugars", "9", Some("g"), Some("18"))
        );
        let r = row("Cholesterol less than 5mg 1%");
        assert_eq!(
            (
                r.name.as_str(),
                r.value.as_str(),
                r.unit.as_deref(),
                r.less_than
            ),
            ("Cholesterol", "5", Some("mg"), true)
        );
        let r = row("Protein <1g");
        assert_eq!(
            (r.name.as_str(), r.value.as_str(), r.less_than),
            ("Protein", "1", true)
        );
        let r = row("Calories 190");
        assert_eq!(
            (r.name.as_str(), r.value.as_str(), r.unit, r.less_than),
            ("Calories", "190", None, false)
        );
        // Non-ASCII text around the words keeps its byte offsets (no panic, nothing read wrong).
        let r = row("Énergie <17kJ");
        assert_eq!(
            (r.name.as_str(), r.value.as_str(), r.less_than),
            ("Énergie", "17", true)
        );
    }

    #[test]
    fn a_column_per_amount_other_than_100_is_a_serving() {
        for (s, size, unit) in [
            ("项目 每10mL NRV%", "10", "mL"),
            ("项目  每15毫升  营养素参考值%", "15", "mL"),
            ("每30克", "30", "g"),
            ("每 2.5 g", "2.5", "g"),
        ] {
            let b = basis_in(s).expect(s);
            assert_eq!(
                (
                    b.basis.as_str(),
                    b.serving_size.as_deref(),
                    b.serving_unit.as_deref()
                ),
                ("per_serving", Some(size), Some(unit)),
                "{s}"
            );
        }
        assert_eq!(
            basis_in("每100mL").map(|b| b.basis),
            Some("per_100ml".into())
        );
        for s in ["每日", "每100", "每10个", "每0g"] {
            assert_eq!(basis_in(s), None, "{s}");
        }
        assert!(
            matches!(read_line("每10mL"), Line::Header(Some(b)) if b.serving_size.as_deref() == Some("10"))
        );
        assert!(
            matches!(read_line("每份（30克）"), Line::Header(Some(b)) if b.serving_size.as_deref() == Some("30"))
        );
    }

    #[test]
    fn the_nrv_column_after_the_serving_column_is_the_servings() {
        let cols = header_columns("项目 每100克 每份（30克） NRV%");
        let b = nrv_of_serving(&cols).expect("per serving");
        assert_eq!(
            (b.serving_size.as_deref(), b.serving_unit.as_deref()),
            (Some("30"), Some("g"))
        );
        let cols = header_columns("项目\t每100克\t每份\t(30克)\tNRV%");
        assert!(nrv_of_serving(&cols).is_some_and(|b| b.serving_size.as_deref() == Some("30")));
        for s in [
            "项目 每100克 NRV% 每份（30克） NRV%",
            "项目 每100克 NRV% 每份（30克）",
            "项目 每100克 NRV%",
            "Typical values  per 100 g  per portion (30 g)  %RI*",
        ] {
            assert_eq!(nrv_of_serving(&header_columns(s)), None, "{s}");
        }
    }

    #[test]
    fn a_table_flattened_onto_one_line() {
        let s = "项目 每100克 营养素参考值% 能量 1922千焦 23% 蛋白质 6.8克 11% 反式脂肪 0克 钠 480毫克 24%";
        let (head, rows) = flattened(s).expect("flattened");
        let chars: Vec<char> = s.chars().collect();
        let text = |(a, b): (usize, usize)| chars[a..b].iter().collect::<String>();
        assert_eq!(
            head.map(text).as_deref(),
            Some("项目 每100克 营养素参考值%")
        );
        let rows: Vec<String> = rows.into_iter().map(text).collect();
        assert_eq!(
            rows,
            [
                "能量 1922千焦 23%",
                "蛋白质 6.8克 11%",
                "反式脂肪 0克",
                "钠 480毫克 24%"
            ]
        );
        let (head, rows) = flattened("Total Fat 8 g 10% Saturated Fat 1g 5%").expect("rows");
        assert_eq!((head, rows.len()), (None, 2));
        for s in [
            "能量 1922千焦 23%",
            "能量 1922千焦 23% 生产日期见包装",
            "项目 每100克 能量",
            "1922千焦 23% 6.8克",
        ] {
            assert_eq!(flattened(s), None, "{s}");
        }
    }

    #[test]
    fn us_small_package_forms() {
        // 21 CFR 101.9(j)(13)(ii)(A)(2): `(4% DV)` is the percentage.
        let r = row("Total Fat 3g (4% DV)");
        assert_eq!(
            (r.value.as_str(), r.nrv_percent.as_deref()),
            ("3", Some("4"))
        );
        let r = row("Incl. 12g Added Sugars, 24% DV");
        assert_eq!(r.name, "Added Sugars");
        assert_eq!(r.nrv_percent.as_deref(), Some("24"));
        // A declared zero (101.9(c)(8)(iii)); a non-zero percentage alone is no amount.
        assert_eq!(row("Vit. D (0% DV)").value, "0");
        assert!(matches!(read_line("Iron (2% DV)"), Line::Unread(_)));
        assert_eq!(
            side_by_side("Total Fat 10g 13% | Total Carb. 15g 5%"),
            Some(vec![(0, 17), (20, 38)])
        );
        assert_eq!(side_by_side("能量 | 1922kJ | 23%"), None);
        assert_eq!(side_by_side("Calories | 200 | 400"), None);
        let words = &super::super::headings::table().unwrap().words;
        assert!(names_serving_column(
            words,
            " | Per serving | Per container"
        ));
        assert!(names_serving_column(
            words,
            "Typical Values | 100g contains | Each cake (8.5g) contains"
        ));
        assert!(matches!(read_line("Servings: 1"), Line::Servings(n) if n == "1"));
    }

    #[test]
    fn round_9_forms() {
        // A CN header with its English gloss (slash or blank): the header, per 100 g.
        for s in [
            "项目/Items 每100克/Per 100g NRV%",
            "项目 Items 每100克 Per 100g NRV%",
            "项目 Items 每100克 Per 100 g NRV%",
        ] {
            assert!(
                matches!(read_line(s), Line::Header(Some(b)) if b.basis == "per_100g"),
                "{s}"
            );
            assert_eq!(header_columns(s), [Column::Per100, Column::Nrv], "{s}");
        }
        // The unit printed again in English.
        let r = row("能量 Energy 2007千焦 kJ 24%");
        assert_eq!(
            (
                r.value.as_str(),
                r.unit.as_deref(),
                r.nrv_percent.as_deref()
            ),
            ("2007", Some("千焦"), Some("24"))
        );
        let r = row("—糖 Sugars 9.0克 g");
        assert_eq!((r.name.as_str(), r.nrv_percent), ("—糖 Sugars", None));
        assert!(matches!(read_line("蛋白质 6.8克 mg 11%"), Line::Unread(_)));
        // French spacing before the colon.
        for s in [
            "Matières grasses : 2,9 g",
            "Matières grasses\u{a0}: 2,9 g",
            "Matières grasses\u{202f}: 2,9 g",
            "Matières grasses :\t2,9 g",
        ] {
            assert_eq!(row(s).name, "Matières grasses", "{s:?}");
        }
        // Sub-rows indented by a mark.
        for (s, name) in [
            ("- of which saturates 1.2 g", "of which saturates"),
            (
                "- davon gesättigte Fettsäuren 2,1 g",
                "davon gesättigte Fettsäuren",
            ),
            ("– of which sugars\t0.5 g", "of which sugars"),
            ("• davon Zucker 2,4 g", "davon Zucker"),
        ] {
            assert_eq!(row(s).name, name, "{s}");
        }
        assert!(matches!(read_line("- 5 g"), Line::Unread(_)));
        // %NRV after a vitamin's amount.
        for s in [
            "Vitamin D 4.2µg (84% NRV)",
            "Vitamin D 4.2µg (84 % NRV)",
            "Vitamin D 4.2µg 84% NRV",
            "Vitamin D\t4.2µg\t(84% NRV)",
        ] {
            let r = row(s);
            assert_eq!(
                (r.name.as_str(), r.value.as_str(), r.nrv_percent.as_deref()),
                ("Vitamin D", "4.2", Some("84")),
                "{s}"
            );
        }
        assert_eq!(row("Vitamin B12 2.1µg (84% NRV)").name, "Vitamin B12");
        assert!(matches!(
            read_line("Nutrient  Amount  % NRV"),
            Line::Header(None)
        ));
        assert!(matches!(read_line("Iron 2.1 mg (15% RI)"), Line::Unread(_)));
        // US folate with folic acid.
        let r = row("Folate 100mcg DFE (60mcg folic acid) 25%");
        assert_eq!(
            (
                r.value.as_str(),
                r.unit.as_deref(),
                r.nrv_percent.as_deref()
            ),
            ("100", Some("mcg DFE"), Some("25"))
        );
        assert!(matches!(
            read_line("Folate 100mcg DFE (60mcg iron) 25%"),
            Line::Unread(_)
        ));
    }

    #[test]
    fn value_cells() {
        for s in ["1922千焦", "23%", "—", "克", "<1g", "０.５g"] {
            assert!(value_cell(s), "{s}");
        }
        for s in [
            "能量",
            "—饱和脂肪",
            "Energy",
            "儿童青少年应避免过量摄入盐油糖",
        ] {
            assert!(!value_cell(s), "{s}");
        }
    }

    #[test]
    fn energy_units_in_the_name_or_without_a_slash() {
        let r = row("Brennwert (kJ/kcal)\t1535/362");
        assert_eq!(
            (r.name.as_str(), r.value.as_str(), r.unit.as_deref()),
            ("Brennwert", "1535", Some("kJ"))
        );
        assert_eq!(r.second, Some(("362".into(), Some("kcal".into()))));
        let r = row("Energy (kcal)\t51");
        assert_eq!(
            (r.name.as_str(), r.unit.as_deref()),
            ("Energy", Some("kcal"))
        );
        let r = row("能量(kJ)\t201\t2%");
        assert_eq!(
            (r.name.as_str(), r.unit.as_deref(), r.nrv_percent.as_deref()),
            ("能量", Some("kJ"), Some("2"))
        );
        let r = row("钠(mg)\t12\t1%");
        assert_eq!((r.name.as_str(), r.unit.as_deref()), ("钠", Some("mg")));
        let r = row("Energie\t1760 kJ 421 kcal");
        assert_eq!(r.unit.as_deref(), Some("kJ"));
        assert_eq!(r.second, Some(("421".into(), Some("kcal".into()))));
        // A bracket that holds no unit stays in the name.
        assert_eq!(row("Vitamin D (D3)\t5µg").name, "Vitamin D (D3)");
        assert_eq!(
            read_line("This pack contains 18 servings"),
            Line::Servings("18".into())
        );
        assert!(matches!(
            read_line("项目\t100mL\tNRV%"),
            Line::Header(Some(_))
        ));
    }

    #[test]
    fn a_us_infant_formula_table_per_100_calories() {
        // 21 CFR 107.10(a): the nutrients per 100 Calories, the unit after each name.
        assert!(matches!(
            read_line("Nutrients\tPer 100 Calories (5 fl oz)"),
            Line::Header(Some(b)) if b.basis == "per_100kcal"
        ));
        for (line, name, value, unit) in [
            ("Protein, g\t2.1", "Protein", "2.1", "g"),
            (
                "Thiamin (Vitamin B1), mcg\t100",
                "Thiamin (Vitamin B1)",
                "100",
                "mcg",
            ),
            ("Vitamin A, IU\t300", "Vitamin A", "300", "IU"),
        ] {
            let r = row(line);
            assert_eq!((r.name.as_str(), r.value.as_str()), (name, value), "{line}");
            assert_eq!(r.unit.as_deref(), Some(unit), "{line}");
        }
        // A comma that is no unit's stays the row it was.
        assert!(unit_in_name_moved("Fat, total\t3.6 g").is_none());
        assert!(unit_in_name_moved("Sugars, g\tabout 5").is_none());
    }

    #[test]
    fn a_unit_column_between_the_name_and_the_figures() {
        let r = row("Fat                   g       3.4           25.8");
        assert_eq!((r.name.as_str(), r.value.as_str()), ("Fat", "3.4"));
        assert_eq!(r.unit.as_deref(), Some("g"));
        assert!(unit_column_moved("Fat  3.4 g  25.8 g").is_none());
        assert!(unit_column_moved("Energy  kJ  about").is_none());
    }
}

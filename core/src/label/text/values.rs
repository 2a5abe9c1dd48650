//! Values as printed: numbers with units (net content, alcohol), Chinese numerals in a shelf
//! life (`十八个月` → `18个月`), dates printed elsewhere (`见瓶盖`).

use super::headings::{fold, WordLists};

/// The text with full-width ASCII folded (`２５０ｍＬ` → `250mL`).
pub fn folded(s: &str) -> String {
    s.chars().map(fold).collect()
}

/// Numbers in `s` with the unit word that follows each: (number text, unit text after it,
/// trimmed, up to the next blank/digit/bracket).
pub fn numbers_with_units(s: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = folded(s).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let st = i;
            let mut num = String::new();
            while i < chars.len() {
                let c = chars[i];
                if c.is_ascii_digit() {
                    num.push(c);
                } else if c == '.' && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
                    num.push('.');
                } else if c == ',' && !num.contains('.') {
                    // `1,5 kg` and `0,452 kg` (a decimal comma, EU labels) against `1,200 mg`
                    // (a thousands comma, US): three digits after a comma that follows
                    // something other than a lone 0 group thousands.
                    let k = chars[i + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_digit())
                        .count();
                    if k == 0 {
                        break;
                    }
                    if k != 3 || num == "0" {
                        num.push('.');
                    }
                } else {
                    break;
                }
                i += 1;
            }
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let us = j;
            while j < chars.len()
                && !chars[j].is_ascii_digit()
                && !chars[j].is_whitespace()
                && !"()（）[]【】,，;；/×xX*、".contains(chars[j])
            {
                j += 1;
            }
            out.push((num, chars[us..j].iter().collect()));
            i = i.max(st + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// A net content's value and unit: the first number followed by a unit the document knows.
pub fn net_content(s: &str) -> Option<(String, String)> {
    const UNITS: &[&str] = &[
        "毫升", "千克", "公斤", "mL", "ml", "ML", "mℓ", "cl", "cL", "CL", "cℓ", "kg", "KG", "Kg",
        "litres", "litre", "liters", "liter", "升", "克", "L", "l", "ℓ", "g", "G",
    ];
    for (num, unit) in numbers_with_units(s) {
        if let Some(u) = UNITS.iter().find(|u| unit.starts_with(**u)) {
            // `250mL装` is fine; `250mLx` would be a different unit.
            let rest = &unit[u.len()..];
            if rest.chars().next().is_none_or(|c| !c.is_ascii_alphabetic()) {
                return Some((num, (*u).to_string()));
            }
        }
    }
    None
}

/// Whether the whole line is a registration or filing number alone (`国食注字YP20230087`,
/// `国食健注G20190231`, `食健备G201944000123`): the number is its own heading.
pub fn registration_only(words: &WordLists, line: &str) -> bool {
    let l = line.trim();
    words.registration_leads.iter().any(|lead| {
        l.strip_prefix(lead.as_str()).is_some_and(|rest| {
            let rest = rest.trim();
            !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ')
        })
    })
}

/// The length in characters of the date part of a line that is a date followed by the
/// words GB 7718-2025 A.2.3 allows after it (`2028年01月09日之前食用最佳`, `2028-01-09之前最佳`);
/// None for any other line. A line in an A.2.3 form whose date is a place on the package
/// (`见瓶盖日期之前饮用最佳`, `最好在瓶盖所示日期之前饮用`: 4.7.1 allows 「见包装物某部位」)
/// is the expiry date whole: its length is the whole line's.
pub fn expiry_with_suffix(words: &WordLists, line: &str) -> Option<usize> {
    let l = line.trim();
    if let Some(n) = expiry_by_reference(words, l) {
        return Some(n);
    }
    let head = words
        .best_before_suffixes
        .iter()
        .find_map(|s| l.strip_suffix(s.as_str()))?
        .trim_end();
    let starts_with_digit = head.chars().next().is_some_and(|c| c.is_ascii_digit());
    let all_date = head
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '-' | '/' | '.' | ' '));
    (starts_with_digit && all_date).then(|| head.chars().count())
}

/// The A.2.3 forms with a place on the package for the date: `……之前食(饮)用最佳` after a
/// pointer (`见瓶盖日期之前饮用最佳`), or `最好在……之前食(饮)用` around one
/// (`最好在瓶盖所示日期之前饮用`; words `best_before_leads` and `best_before_ends`). No digit
/// (a printed date is read by `expiry_with_suffix`), a word that points (`date_place_words`:
/// 见, 所示, 喷码 …), and at most 40 characters, so a sentence that only mentions a date is
/// not taken.
fn expiry_by_reference(words: &WordLists, l: &str) -> Option<usize> {
    let n = l.chars().count();
    if n > 40
        || l.chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return None;
    }
    let body = words
        .best_before_suffixes
        .iter()
        .find_map(|s| l.strip_suffix(s.as_str()))
        .or_else(|| {
            let rest = words
                .best_before_leads
                .iter()
                .find_map(|w| l.strip_prefix(w.as_str()))?;
            words
                .best_before_ends
                .iter()
                .find_map(|s| rest.strip_suffix(s.as_str()))
        })?;
    (!body.is_empty()
        && words
            .date_place_words
            .iter()
            .any(|p| body.contains(p.as_str())))
    .then_some(n)
}

/// A storage instruction that ends in its verb, as German and Dutch put it (`Gekühlt bei
/// max. +2 °C aufbewahren.`, `Tussen 0 en 4 °C bewaren.`): EU 1169/2011 Annex X 2(b) asks
/// for the storage conditions, not a heading. The verb must end the line, so a sentence
/// that only mentions storing is not taken.
pub fn storage_by_verb(line: &str) -> bool {
    let l = line
        .trim()
        .trim_end_matches(['.', '!', ' ', '\u{3000}'])
        .to_lowercase();
    l.chars().count() <= 120
        && l.contains(' ')
        && [
            " aufbewahren",
            " lagern",
            " bewaren",
            " bewaard",
            " opbevares",
            " förvaras",
        ]
        .iter()
        .any(|v| l.ends_with(v))
}

/// Whether the whole line is an alcohol strength: `14 % vol`, `Alc. 12,5% vol.`,
/// `alcohol 5.0 % vol` (EU 1169/2011 Annex XII: the figure followed by `% vol`, which 'may be
/// preceded by the word "alcohol" or the abbreviation "alc"').
pub fn alcohol_only(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    let l = l
        .strip_prefix("alcohol")
        .or_else(|| l.strip_prefix("alk."))
        .or_else(|| l.strip_prefix("alc."))
        // `Álc. 5,2 % vol.` (ES, round 21).
        .or_else(|| l.strip_prefix("álc."))
        .or_else(|| l.strip_prefix("alc"))
        .unwrap_or(&l)
        .trim_start_matches([' ', ':', '.'])
        .trim();
    let digits = l
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(l.len());
    if digits == 0 || !l.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    let rest: String = l[digits..].chars().filter(|c| !c.is_whitespace()).collect();
    matches!(
        rest.as_str(),
        "%vol" | "%vol." | "%v/v" | "%alc/vol" | "%alc./vol." | "%obj" | "%obj."
    )
}

/// Whether the whole line is a count of pieces and nothing else: a number and one to three
/// words (`6 apples`, `80 tea bags`, `2 Stück`), the words not a serving's or a time's
/// (`4 portions`, `12 months`). EU 1169/2011 Annex IX 1(c): a food normally sold by number
/// needs no net quantity when the number is indicated on the labelling.
pub fn count_only(line: &str) -> bool {
    const NOT_PIECES: &[&str] = &[
        "serving",
        "servings",
        "portion",
        "portions",
        "portionen",
        "porzioni",
        "porciones",
        "parts",
        "persons",
        "people",
        "personen",
        "personnes",
        "persone",
        "months",
        "month",
        "days",
        "day",
        "weeks",
        "years",
        "minutes",
        "min",
        "hours",
        "calories",
        "kcal",
        "kj",
        "mg",
        "µg",
        "mcg",
        "vol",
        // Units: `1,5 litre` is a quantity whose decimal comma is no count's.
        "g",
        "kg",
        "ml",
        "l",
        "cl",
        "dl",
        "oz",
        "fl",
        "lb",
        "lbs",
        "pt",
        "qt",
        "gal",
        "litre",
        "litres",
        "liter",
        "liters",
        "quart",
        "quarts",
        "pint",
        "pints",
        "gallon",
        "gallons",
        "gr",
        "gram",
        "grams",
        "gramm",
        "grammes",
        "kilo",
        "kilos",
    ];
    let l = line.trim().to_lowercase();
    let mut words = l.split_whitespace();
    let Some(n) = words.next() else {
        return false;
    };
    if n.is_empty() || n.len() > 4 || !n.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    (1..=3).contains(&rest.len())
        && rest
            .iter()
            .all(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic))
        && !rest.iter().any(|w| NOT_PIECES.contains(w))
}

/// A count of pieces followed by a comma and words that describe the pieces, with no figure
/// outside brackets (`10 st ägg, storlek M (53–63 g)`, `6 eggs, size L`): the count, with a
/// grade or size beside it, is still the number a food sold by number gives.
pub fn count_with_description(line: &str) -> bool {
    let Some((head, tail)) = line.split_once(',') else {
        return false;
    };
    if !count_only(head) || tail.trim().is_empty() {
        return false;
    }
    let mut depth = 0i32;
    for c in tail.chars() {
        match c {
            '(' | '（' | '[' => depth += 1,
            ')' | '）' | ']' => depth -= 1,
            c if c.is_ascii_digit() && depth <= 0 => return false,
            _ => {}
        }
    }
    true
}

/// `80 tea bags 250 g`, `4 MUFFINS NET WT 14 OZ`: the rest of a line that opens with a
/// count of pieces (a number and one to three words) followed at once by a figure or the
/// word 'net' — `None` when the line does not open so.
fn count_before_figure(l: &str) -> Option<&str> {
    let words: Vec<(usize, &str)> = l
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - l.as_ptr() as usize, w))
        .collect();
    (2..=4.min(words.len().saturating_sub(1))).find_map(|k| {
        let (at, next) = words[k];
        let count = &l[..at];
        (count_only(count)
            && (next.starts_with(|c: char| c.is_ascii_digit()) || next.eq_ignore_ascii_case("net")))
        .then(|| &l[at..])
    })
}

/// Whether the whole line is a quantity and nothing else: `12 FL OZ (355 mL)`,
/// `NET 12 FL OZ (355 mL)`, `750 ml`, `1 LB 4 OZ (567 g)` — a net quantity printed without a
/// heading (21 CFR 101.105: 'Net' or 'Net contents' may be left out for fluid measure).
pub fn quantity_only(line: &str) -> bool {
    const UNITS: &[&str] = &[
        "fl oz", "fl. oz.", "fl. oz", "fl.oz.", "fl.oz", "oz", "lb", "lbs", "g", "kg", "ml", "l",
        "cl", "pt", "qt", "gal", "litre", "litres", "liter", "liters", "quart", "quarts", "pint",
        "pints", "gallon", "gallons",
    ];
    // `NET WT 27.5 OZ (1 LB 11.5 OZ) 780 g / CONTENIDO NETO 780 g`: a bilingual declaration,
    // the same quantity on each side of a slash.
    if let Some((a, b)) = line.split_once(" / ") {
        if quantity_only(a) && quantity_only(b) {
            return true;
        }
    }
    // The ℮ mark beside the quantity (Directive 76/211/EEC) is no part of it.
    let l = line.trim().to_lowercase().replace('℮', " ");
    let l = l.trim().trim_end_matches(" e").trim().to_string();
    // `12 COOKIES  NET WT 10 OZ (283 g)`, `4 croissants – Net weight 240 g`: a count of pieces
    // before the declaration, parted from it by a comma, a dash or a run of blanks (21 CFR
    // 101.105(a): 'a combination of numerical count and weight or measure').
    // `approx. 20 biscuits, 250 g`: an approximate count.
    let l = ["approx. ", "approx ", "ca. ", "about ", "env. ", "etwa "]
        .iter()
        .find_map(|w| l.strip_prefix(w))
        .map_or(l.as_str(), str::trim_start);
    let l = match l
        .split_once(',')
        .or_else(|| l.split_once("  "))
        .or_else(|| l.split_once(" – "))
        .or_else(|| l.split_once(" - "))
    {
        Some((count, rest)) if count_only(count) => rest.trim(),
        _ => count_before_figure(l).unwrap_or(l),
    };
    // `250 g ℮ – 10 biscuits`: a count after a dash.
    let l = match l.rsplit_once(" – ").or_else(|| l.rsplit_once(" - ")) {
        Some((rest, count)) if count_only(count) => rest.trim(),
        _ => l,
    };
    // `6 Riegel à 25 g = 150 g`, `6 x 25 g = 150 g`: the units and their total (EU 1169/2011
    // Annex IX 4 asks for the units' quantity and their number; the total may follow):
    // the line is a declaration when what follows the `=` is one.
    let l = match l.rsplit_once('=') {
        Some((units, total))
            if units.chars().any(|c| c.is_ascii_digit())
                && total.trim().starts_with(|c: char| c.is_ascii_digit()) =>
        {
            total.trim()
        }
        _ => l,
    };
    let l = l
        .strip_prefix("net contents")
        .or_else(|| l.strip_prefix("net weight"))
        .or_else(|| l.strip_prefix("net quantity"))
        .or_else(|| l.strip_prefix("net wt."))
        .or_else(|| l.strip_prefix("net wt"))
        .or_else(|| l.strip_prefix("net"))
        .or_else(|| l.strip_prefix("contenido neto"))
        .or_else(|| l.strip_prefix("peso neto"))
        .or_else(|| l.strip_prefix("contenu net"))
        .or_else(|| l.strip_prefix("poids net"))
        .map(|r| r.trim_start_matches([':', ' ']))
        .unwrap_or(l);
    // `HALF GALLON 64 FL OZ (2 QT) 1.89 L`: US milk cartons name the container's size in
    // words before the declaration (21 CFR 101.105 asks for the customary and the metric
    // quantity; the words add nothing to judge).
    let l = [
        "one half gallon",
        "one-half gallon",
        "half gallon",
        "half-gallon",
        "one gallon",
        "one quart",
        "one pint",
        "gallon",
        "quart",
        "pint",
    ]
    .iter()
    .find_map(|w| l.strip_prefix(w).filter(|r| r.starts_with(' ')))
    .unwrap_or(l);
    // `200 g (80 tea bags)`, `350 g, 1 pizza`: a count after the quantity (Annex IX 4: the
    // number of units beside the net quantity).
    let l = match l.rsplit_once(['(', ',']) {
        Some((rest, count)) if count_only(count.trim_end_matches(')')) => rest.trim(),
        _ => l,
    };
    let chars: Vec<char> = l.chars().collect();
    let mut i = 0;
    let mut groups = 0;
    // Between groups: blanks, brackets, `=`, and the ℮ mark written as a lone `e` (`6 x 55g
    // e 330g`, Annex IX 4: the total of a multipack after its units).
    let skip = |i: &mut usize| loop {
        while *i < chars.len() && matches!(chars[*i], ' ' | '(' | ')' | '/' | ':' | '=') {
            *i += 1;
        }
        if *i + 1 < chars.len() && chars[*i] == 'e' && chars[*i + 1] == ' ' {
            *i += 1;
            continue;
        }
        break;
    };
    skip(&mut i);
    while i < chars.len() {
        let st = i;
        // `1/2 GAL`: a fraction is a figure (a slash between two digits).
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || matches!(chars[i], '.' | ',')
                || (chars[i] == '/'
                    && i > st
                    && chars[i - 1].is_ascii_digit()
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        // `2 x 125 g`: a count of units before the quantity.
        let mut j = i;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        if i > st && j < chars.len() && matches!(chars[j], 'x' | '×' | '*') {
            i = j + 1;
            while i < chars.len() && chars[i] == ' ' {
                i += 1;
            }
            continue;
        }
        // `6 - 12 FL OZ (355 mL) CANS, 72 FL OZ (2.13 L)`: a multipack's count before a dash
        // (21 CFR 101.105(s) prints the units' number and quantity, then the total).
        if i > st
            && j + 2 < chars.len()
            && chars[j] == '-'
            && chars[j + 1] == ' '
            && chars[j + 2..]
                .iter()
                .find(|c| **c != ' ')
                .is_some_and(char::is_ascii_digit)
        {
            i = j + 1;
            while i < chars.len() && chars[i] == ' ' {
                i += 1;
            }
            continue;
        }
        // `(1 PT .9 FL OZ)`: a decimal printed without its leading zero is a figure too.
        let figure_starts = chars[st].is_ascii_digit()
            || (chars[st] == '.' && chars.get(st + 1).is_some_and(char::is_ascii_digit));
        if i == st || !figure_starts {
            return false;
        }
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        // The unit and the character after it: a window as long as the longest unit and
        // one more (the rest of the line, collected for every group, made a long line
        // quadratic).
        let rest: String = chars[i..].iter().take(12).collect();
        let Some(u) = UNITS
            .iter()
            .filter(|u| {
                rest.starts_with(**u)
                    && rest[u.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_ascii_alphanumeric())
            })
            .max_by_key(|u| u.len())
        else {
            return false;
        };
        i += u.chars().count();
        groups += 1;
        skip(&mut i);
        // `… (355 mL) CANS, 72 FL OZ`: the units' container named after their quantity.
        const CONTAINERS: &[&str] = &[
            "cans", "can", "bottles", "bottle", "pouches", "pouch", "packets", "packet", "cups",
            "cartons", "boxes", "bags", "bars", "jars",
        ];
        let word: String = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        // Only with the total after a comma: `4 - 3.25 OZ (92g) CUPS` alone is the units'
        // quantity, not the declaration (the total is printed apart).
        if !word.is_empty() && CONTAINERS.contains(&word.as_str()) {
            let after = i + word.chars().count();
            let mut k = after;
            while k < chars.len() && chars[k] == ' ' {
                k += 1;
            }
            if k < chars.len() && chars[k] == ',' {
                i = k + 1;
                while i < chars.len() && chars[i] == ' ' {
                    i += 1;
                }
                if i >= chars.len() {
                    return false;
                }
            }
        }
    }
    groups > 0
}

/// A net quantity and an alcohol strength on one line, set apart by blanks (`500 ml   4.2%
/// vol`, `4,2 % vol 0,5 l`): EU 1169/2011 Art 13(5) puts the name, the net quantity and the
/// strength in the same field of vision, and beer and wine print the two side by side. The
/// char offsets of the two parts: `(quantity, strength)`, each `(start, end)`.
pub fn quantity_and_strength(line: &str) -> Option<((usize, usize), (usize, usize))> {
    let chars: Vec<char> = line.chars().collect();
    let n = chars.len();
    // Such a line is short; the cut is tried at every blank, each try reading both sides, so a
    // long line (a sentence, a noise line of 100 000 words) is not tried at all.
    if n > 60 {
        return None;
    }
    for i in 1..n {
        if !chars[i].is_whitespace() || chars[i - 1].is_whitespace() {
            continue;
        }
        let mut j = i;
        while j < n && chars[j].is_whitespace() {
            j += 1;
        }
        if j >= n {
            break;
        }
        // `750 ml ℮ - 12% vol`: a dash between the two is no part of either.
        let dash = |c: &char| matches!(c, '-' | '–' | '—');
        let mut le = i;
        while le > 0 && (dash(&chars[le - 1]) || chars[le - 1].is_whitespace()) {
            le -= 1;
        }
        let mut rs = j;
        while rs < n && (dash(&chars[rs]) || chars[rs].is_whitespace()) {
            rs += 1;
        }
        if le == 0 || rs >= n {
            continue;
        }
        let left: String = chars[..le].iter().collect();
        let right: String = chars[rs..].iter().collect();
        if quantity_only(&left) && alcohol_only(&right) {
            return Some(((0, le), (rs, n)));
        }
        if alcohol_only(&left) && quantity_only(&right) {
            return Some(((rs, n), (0, le)));
        }
    }
    None
}

/// `52%vol` → 52.
pub fn alcohol(s: &str) -> Option<String> {
    numbers_with_units(s)
        .into_iter()
        .find(|(_, u)| {
            u.starts_with('%')
                || u.to_lowercase().starts_with("vol")
                || u.starts_with('度')
                || u.starts_with('°')
        })
        .map(|(n, _)| n)
}

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Chinese numerals up to 9 999 replaced by Arabic digits: `十八个月` → `18个月`,
/// `一百八十天` → `180天`, `两年` → `2年`. Other text unchanged.
pub fn arabic_numerals(s: &str) -> String {
    let chars: Vec<char> = folded(s).chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let is_num = |c: char| digit(c).is_some() || matches!(c, '十' | '百' | '千');
        if !is_num(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let st = i;
        while i < chars.len() && is_num(chars[i]) {
            i += 1;
        }
        let run = &chars[st..i];
        let mut total = 0u32;
        let mut cur: Option<u32> = None;
        let mut ok = true;
        for &c in run {
            if let Some(d) = digit(c) {
                if cur.is_some() {
                    ok = false;
                }
                cur = Some(d);
            } else {
                let mult = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                total += cur.take().unwrap_or(1) * mult;
            }
        }
        total += cur.unwrap_or(0);
        if ok {
            out.push_str(&total.to_string());
        } else {
            out.extend(run.iter());
        }
    }
    out
}

/// A date value that says where the date is printed rather than the date: `见瓶盖`,
/// `见喷码`, `见包装底部`, `see cap`.
pub fn printed_elsewhere(value: &str) -> bool {
    let v = folded(value);
    let v = v.trim().trim_start_matches(['(', '（']);
    let lower = v.to_lowercase();
    (v.starts_with('见')
        || v.starts_with("详见")
        || v.starts_with("标于")
        || v.starts_with("印于")
        || lower.starts_with("see "))
        && !v.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::{cn_comparative_claim, count_with_description, quantity_only};

    /// The forms of 表C.4 / 2025 表C.2 注a read whole; a line that says more is not one.
    #[test]
    fn comparative_claims_are_read_whole() {
        let read = |t: &str| {
            cn_comparative_claim(t).map(|c| {
                (
                    c.nutrient,
                    c.level,
                    c.change_percent,
                    c.reference.unwrap_or_default(),
                )
            })
        };
        let some = |n: &str, l: &'static str, p: &str, r: &str| {
            Some((n.to_string(), l, p.to_string(), r.to_string()))
        };
        assert_eq!(
            read("钠含量比普通挂面降低24%"),
            some("sodium", "reduced", "24", "普通挂面")
        );
        assert_eq!(
            read("比普通酸奶减少30%脂肪"),
            some("fat", "reduced", "30", "普通酸奶")
        );
        assert_eq!(read("减盐 25%。"), some("sodium", "reduced", "25", ""));
        assert_eq!(
            read("蛋白质含量较同类产品提高30%以上"),
            some("protein", "increased", "30", "同类产品")
        );
        assert_eq!(
            read("维生素B12含量增加50%"),
            some("vitamin_b12", "increased", "50", "")
        );
        assert_eq!(
            read("脂肪含量比普通薯片减少25%（普通薯片脂肪32.0g/100g）"),
            some("fat", "reduced", "25", "普通薯片")
        );
        assert_eq!(
            read("减盐15%：与本公司特级生抽（钠含量6600毫克/100毫升）相比，钠含量减少15%"),
            some("sodium", "reduced", "15", "本公司特级生抽")
        );
        assert_eq!(read("本品比普通产品更健康，脂肪降低25%"), None);
        assert_eq!(read("脂肪减少"), None);
        assert_eq!(read("果汁含量≥30%"), None);
    }

    #[test]
    fn a_count_with_its_grade_is_a_count() {
        assert!(count_with_description("10 st ägg, storlek M (53–63 g)"));
        assert!(count_with_description("6 eggs, size L"));
        // A figure outside brackets is a quantity, not a description.
        assert!(!count_with_description("4 croissants, 240 g"));
        assert!(!count_with_description("Wheat flour, sugar"));
        assert!(!count_with_description("10 st ägg"));
    }

    #[test]
    fn a_decimal_without_its_leading_zero_is_a_figure() {
        assert!(quantity_only("16.9 FL OZ (1 PT .9 FL OZ) 500 mL"));
        assert!(!quantity_only(". FL OZ"));
        assert!(quantity_only(
            "30 TORTILLAS, NET WT 27.5 OZ (1 LB 11.5 OZ) 780 g / CONTENIDO NETO 780 g"
        ));
        assert!(!quantity_only("NET WT 12 OZ / Made in USA"));
        assert!(quantity_only(
            "6 - 12 FL OZ (355 mL) CANS, 72 FL OZ (2.13 L)"
        ));
        assert!(!quantity_only("6 - 12 FL OZ (355 mL) CANS OF SODA"));
        assert!(!quantity_only("4 - 3.25 OZ (92g) CUPS"));
    }

    use super::{alcohol, net_content};

    fn nc(s: &str) -> Option<(String, String)> {
        net_content(s)
    }

    #[test]
    fn decimal_and_thousands_commas_and_centilitres() {
        let pair = |n: &str, u: &str| Some((n.to_string(), u.to_string()));
        assert_eq!(nc("Poids net : 1,5 kg"), pair("1.5", "kg"));
        assert_eq!(nc("0,452 kg"), pair("0.452", "kg"));
        assert_eq!(nc("0,75 l"), pair("0.75", "l"));
        assert_eq!(nc("Net Wt 1,200 g"), pair("1200", "g"));
        assert_eq!(nc("Contenido neto: 75 cl"), pair("75", "cl"));
        assert_eq!(nc("NET WT 8.4 OZ (240 g)"), pair("240", "g"));
        assert_eq!(nc("净含量：250mL"), pair("250", "mL"));
        assert_eq!(alcohol("14,5 % vol").as_deref(), Some("14.5"));
    }

    #[test]
    fn a_quantity_and_a_strength_joined_by_a_dash() {
        for s in [
            "750 ml ℮ - 12% vol",
            "75 cl – 13,5 % vol",
            "Alc. 13% vol     750 ml ℮",
        ] {
            assert!(super::quantity_and_strength(s).is_some(), "{s}");
        }
        let l = "750 ml ℮ - 12% vol";
        let ((qs, qe), (as_, ae)) = super::quantity_and_strength(l).expect("pair");
        let c: Vec<char> = l.chars().collect();
        assert_eq!(c[qs..qe].iter().collect::<String>(), "750 ml ℮");
        assert_eq!(c[as_..ae].iter().collect::<String>(), "12% vol");
    }

    #[test]
    fn lines_that_are_only_a_strength_or_a_quantity() {
        use super::{alcohol_only, quantity_only};
        for s in [
            "14 % vol",
            "Alc. 12,5% vol.",
            "alcohol 5.0 % vol",
            "13.5%vol",
        ] {
            assert!(alcohol_only(s), "{s}");
        }
        for s in ["14 %", "Rioja 14 % vol", "vol 14"] {
            assert!(!alcohol_only(s), "{s}");
        }
        for s in [
            "12 FL OZ (355 mL)",
            "NET 12 FL OZ (355 mL)",
            "750 ml",
            "1 LB 4 OZ (567 g)",
            "Net contents 1 qt (946 mL)",
            "500 g ℮",
            "℮ 500 g",
            "1 litre",
            "2 x 125 g",
            "240 g e",
            "6 x 55g e 330g",
            "4 x 200 g = 800 g",
            "1 Pizza, 350 g ℮",
            "80 tea bags  200 g",
            "200 g (80 tea bags)",
            "350 g, 2 pizzas",
            "12 COOKIES  NET WT 10 OZ (283 g)",
            "8 rolls   Net weight 320 g",
            "4 croissants – Net weight 240 g",
            "80 tea bags 250 g e",
            "4 MUFFINS NET WT 14 OZ (397g)",
            "250 g ℮ – 10 biscuits",
            "approx. 20 biscuits, 250 g",
            "1,5 kg",
            "1,5 litre",
        ] {
            assert!(quantity_only(s), "{s}");
        }
        for s in ["6 apples", "80 tea bags", "2 Stück", "12 bars"] {
            assert!(super::count_only(s), "{s}");
        }
        for s in [
            "4 portions",
            "12 months",
            "Serves 4",
            "6",
            "250 g",
            "2 x 125 g",
            "12 a",
            "5 litre",
        ] {
            assert!(!super::count_only(s), "{s}");
        }
        for s in [
            "Calories 190",
            "12 bars",
            "Serving size 1 bar (40g)",
            "355 mL of juice",
            "55g each",
        ] {
            assert!(!quantity_only(s), "{s}");
        }
    }
}

/// A Chinese comparative claim printed as a line of its own (GB 28050-2011 表C.3 / 表C.4,
/// 2025 表C.2 and its 注a synonyms): the nutrient, the direction (`reduced` / `increased`),
/// the stated difference in percent and the reference food when the line names one.
#[derive(Debug, PartialEq)]
pub struct Comparative {
    pub nutrient: String,
    pub level: &'static str,
    pub change_percent: String,
    pub reference: Option<String>,
}

/// `钠含量比普通挂面降低24%`, `比普通酸奶减少30%脂肪`, `脂肪减少25%`, `减盐25%`, `蛋白质含量较同类
/// 产品提高30%以上`: the whole line (blanks and a closing stop aside) must be one such claim
/// — a nutrient word, a 减少 / 增加 word (or a synonym of 表C.4 / 注a), a percentage, and at
/// most a reference food after 比 / 较. A sentence that says more is not read.
pub fn cn_comparative_claim(line: &str) -> Option<Comparative> {
    const NUTRIENT: &str = r"(能量|热量|饱和脂肪酸|饱和脂肪|反式脂肪酸|脂肪|糖|钠|盐|食盐|蛋白质|膳食纤维|胆固醇|碳水化合物|钙|铁|锌|镁|钾|硒|碘|维生素[A-Z][0-9]{0,2}|维生素)";
    const VERB: &str = r"(降低|减少|减低|降|减|少|增加|提高|增高|增|加|多)";
    const PCT: &str = r"([0-9]{1,3}(?:\.[0-9]{1,2})?)[%％]";
    static RES: std::sync::OnceLock<Vec<(regex_lite::Regex, [usize; 4])>> =
        std::sync::OnceLock::new();
    // Each form with the group numbers of (nutrient, verb, percent, reference; 0 = none).
    let res = RES.get_or_init(|| {
        [
            (
                format!(r"^{NUTRIENT}(?:含量)?(?:比|较)(.{{1,15}}?){VERB}了?{PCT}(?:以上)?$"),
                [1, 3, 4, 2],
            ),
            (
                format!(r"^(?:比|较)(.{{1,15}}?){VERB}了?{PCT}(?:以上)?的?{NUTRIENT}(?:含量)?$"),
                [4, 2, 3, 1],
            ),
            (
                format!(r"^{NUTRIENT}(?:含量)?{VERB}了?{PCT}(?:以上)?$"),
                [1, 2, 3, 0],
            ),
            (
                format!(r"^{VERB}了?{NUTRIENT}(?:含量)?{PCT}(?:以上)?$"),
                [2, 1, 3, 0],
            ),
            (
                format!(r"^{VERB}了?{PCT}(?:以上)?的?{NUTRIENT}$"),
                [3, 1, 2, 0],
            ),
        ]
        .into_iter()
        .map(|(p, g)| {
            (
                regex_lite::Regex::new(&p).unwrap_or_else(|e| unreachable!("fixed pattern: {e}")),
                g,
            )
        })
        .collect()
    });
    let text: String = folded(line)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut text = text.trim_end_matches(['。', '！', '!', '*', '.']);
    // `减盐15%：与本公司特级生抽（钠含量6600毫克/100毫升）相比，钠含量减少15%`: the claim before the
    // colon, its explanation after — the reference food is the one 与 … 相比 names.
    let mut explained_reference = None;
    if let Some(colon) = text.find(['：', ':']) {
        let after = &text[colon + text[colon..].chars().next().map_or(1, char::len_utf8)..];
        if let (Some(a), Some(z)) = (after.find('与'), after.find("相比")) {
            if a < z {
                let inner = &after[a + '与'.len_utf8()..z];
                let inner = inner.split(['（', '(']).next().unwrap_or(inner).trim();
                if !inner.is_empty() && inner.chars().count() <= 15 {
                    explained_reference = Some(inner.to_string());
                }
            }
        }
        text = &text[..colon];
    }
    // `…减少25%（普通油炸马铃薯片脂肪32.0g/100g）`: the reference's figure in brackets after
    // the claim is the claim's note.
    if text.ends_with(['）', ')']) {
        if let Some(open) = text.rfind(['（', '(']) {
            text = &text[..open];
        }
    }
    if text.chars().count() > 30 {
        return None;
    }
    res.iter().find_map(|(re, [n, v, p, r])| {
        let caps = re.captures(text)?;
        let verb = caps.get(*v)?.as_str();
        let level = if ["增加", "提高", "增高", "增", "加", "多"].contains(&verb) {
            "increased"
        } else {
            "reduced"
        };
        let word = caps.get(*n)?.as_str();
        let nutrient = match word {
            "能量" | "热量" => "energy",
            "饱和脂肪" | "饱和脂肪酸" => "saturated_fat",
            "反式脂肪酸" => "trans_fat",
            "脂肪" => "fat",
            "糖" => "sugar",
            "钠" | "盐" | "食盐" => "sodium",
            "蛋白质" => "protein",
            "膳食纤维" => "dietary_fibre",
            "胆固醇" => "cholesterol",
            "碳水化合物" => "carbohydrate",
            "钙" => "calcium",
            "铁" => "iron",
            "锌" => "zinc",
            "镁" => "magnesium",
            "钾" => "potassium",
            "硒" => "selenium",
            "碘" => "iodine",
            _ => "",
        };
        // `维生素C`, `维生素B12`: the code list's ids (vitamin_c, vitamin_b12); `维生素` alone
        // is the 表C.2 row's group.
        let nutrient = match (nutrient, word.strip_prefix("维生素")) {
            ("", Some("")) => "vitamin".to_string(),
            ("", Some(letter)) => format!("vitamin_{}", letter.to_ascii_lowercase()),
            (id, _) => id.to_string(),
        };
        Some(Comparative {
            nutrient,
            level,
            change_percent: caps.get(*p)?.as_str().to_string(),
            reference: (*r > 0)
                .then(|| caps.get(*r).map(|m| m.as_str().to_string()))
                .flatten()
                .or_else(|| explained_reference.clone()),
        })
    })
}

//! Values as printed: numbers with units (net content, alcohol), Chinese numerals in a shelf
//! life (`十八个月` → `18个月`), dates printed elsewhere (`见瓶盖`).

use super::headings::fold;

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
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (chars[i] == '.' && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
            {
                i += 1;
            }
            let num: String = chars[st..i].iter().collect();
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
        "毫升", "千克", "公斤", "mL", "ml", "ML", "kg", "KG", "Kg", "升", "克", "L", "l", "g", "G",
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

/// `52%vol` → 52.
pub fn alcohol(s: &str) -> Option<String> {
    numbers_with_units(s)
        .into_iter()
        .find(|(_, u)| {
            u.starts_with('%') || u.to_lowercase().starts_with("vol") || u.starts_with('度')
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

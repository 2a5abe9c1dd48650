//! Lines and items: the printed text cut into lines, each line cut into items where a
//! heading starts one (`保质期：6个月  生产日期：见瓶盖` is two items).

use super::headings::{HeadingMatch, HeadingScope, Headings, Target};

/// Lines of `chars` as `start..end` character ranges (without the line break). Breaks:
/// `\n`, `\r\n`, `\r`, U+2028, U+2029, form feed and vertical tab.
pub fn lines(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(
            c,
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0C}' | '\u{0B}'
        ) {
            out.push((start, i));
            if c == '\r' && chars.get(i + 1) == Some(&'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    out.push((start, chars.len()));
    out
}

/// Spaces as OCR and artwork text layers give them, control characters included (read as
/// blanks rather than refused: a stray control character must not lose a line).
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c.is_control() || c == '\u{FEFF}' || c == '\u{200B}'
}

/// `start..end` without blanks at either end.
pub fn trim(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && is_blank(chars[start]) {
        start += 1;
    }
    while end > start && is_blank(chars[end - 1]) {
        end -= 1;
    }
    (start, end)
}

/// One item of a line: its characters, and the heading that starts it, if any.
#[derive(Clone, Debug)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    pub heading: Option<HeadingMatch>,
}

/// Where an item whose heading starts at `h` begins, the line's text starting at `s`: after
/// a bullet (`■ 配料：` → `配料：`), but with an opening bracket the heading is printed in
/// (`【原料】`), which the item's own reader takes as its lead word.
fn after_bullet(chars: &[char], s: usize, h: usize) -> usize {
    if h <= s || chars[s..h].iter().any(|c| matches!(c, '【' | '[' | '『')) {
        s
    } else {
        h
    }
}

/// Separators after which a heading followed by a colon starts a new item inside a line.
pub(super) fn separator(c: char) -> bool {
    is_blank(c)
        || matches!(
            c,
            '；' | ';' | '，' | ',' | '。' | '|' | '｜' | '/' | '】' | ']' | '【' | '['
        )
}

/// `原料原产国：巴西`, `大豆原产国：美国`, `配料产地：…`: a line whose first heading is an
/// origin heading with words of its own attached before it (no separator between) gives
/// the origin of a raw material or ingredient, not of the food — GB 7718-2025 8.4 lets a
/// label add 原料或配料的来源 beside the food's own origin. Read as a statement with those
/// line as its text, so the food is not taken for an import. `产品原产国` / `本品产地`
/// still name the food's origin (the word before the heading is read as part of it).
fn ingredient_origin(
    chars: &[char],
    start: usize,
    end: usize,
    headings: &Headings,
    scope: HeadingScope<'_>,
) -> Option<HeadingMatch> {
    use super::headings::Target;
    let colon = (start..end).find(|&i| matches!(chars[i], '：' | ':' | '﹕'))?;
    let h = headings.ending_at_colon(chars, start, colon, end, scope, separator)?;
    if !matches!(h.target, Target::OriginCountry | Target::OriginPlace) || h.start <= start {
        return None;
    }
    let prefix: String = chars[start..h.start].iter().collect();
    let attached = prefix
        .chars()
        .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    if !attached {
        return None;
    }
    if headings.words.the_food.contains(&prefix) {
        // `产品原产国：` is the food's origin, its heading with the word before it.
        return Some(HeadingMatch { start, ..h });
    }
    // The whole line is the statement (its heading says whose origin it is).
    Some(HeadingMatch {
        target: Target::Statement,
        start,
        value_start: start,
        ..h
    })
}

/// `IT Da consumarsi preferibilmente entro il …`, `NL Bewaren bij …` (a multilingual pack's
/// language code, no colon): the code is skipped when a heading or a line start the reader
/// knows follows it (blind audit round 24). Where the words after it begin.
pub(super) fn code_before_heading(
    chars: &[char],
    start: usize,
    end: usize,
    headings: &Headings,
    scope: HeadingScope<'_>,
) -> Option<usize> {
    const LANGUAGES: &[&str] = &["EN", "SV", "DA", "CS", "EL", "ET", "SL", "GA"];
    if end < start + 4 || chars[start + 2] != ' ' {
        return None;
    }
    let code: String = chars[start..start + 2].iter().collect();
    let known = code.chars().all(|c| c.is_ascii_uppercase())
        && (headings.words.eu_member_codes.contains(&code) || LANGUAGES.contains(&code.as_str()));
    let mut p = start + 3;
    while p < end && is_blank(chars[p]) {
        p += 1;
    }
    (known
        && p < end
        && (headings.at_start(chars, p, end, scope).is_some()
            || headings.line_start(chars, p, end, scope).is_some()))
    .then_some(p)
}

/// Cuts line `start..end` into items. Linear: each colon is looked back from at most the
/// longest heading's length.
pub fn items(
    chars: &[char],
    start: usize,
    end: usize,
    headings: &Headings,
    scope: HeadingScope<'_>,
) -> Vec<Item> {
    let (start, end) = trim(chars, start, end);
    // `SE: Näringsvärde / DK: …`: the language code is no heading and no value.
    let start = headings.after_language_code(chars, start, end);
    let start = code_before_heading(chars, start, end, headings, scope).unwrap_or(start);
    if start >= end {
        return Vec::new();
    }
    // `CONTAINS 2% OR LESS OF: TAHINI, …` (21 CFR 101.4(a)(2)): a share after `Contains` is
    // more of the ingredient list, not the allergen statement's heading.
    let first = headings.at_start(chars, start, end, scope).filter(|h| {
        let rest: String = chars[h.value_start.min(end)..end]
            .iter()
            .take(16)
            .collect::<String>()
            .trim_start()
            .to_lowercase();
        !(h.target == Target::Allergens
            && (rest.starts_with(|c: char| c.is_ascii_digit()) || rest.starts_with("less than")))
    });
    let origin_line = first
        .is_none()
        .then(|| ingredient_origin(chars, start, end, headings, scope))
        .flatten();
    // Such a line's value runs from its start; other headings are looked for after its colon.
    let scan_from = match &origin_line {
        Some(h) if h.value_start == start => (h.end + 1).min(end),
        _ => first
            .as_ref()
            .or(origin_line.as_ref())
            .map_or(start, |h| h.value_start),
    };
    let first = first.or(origin_line);
    let mut cuts: Vec<(usize, HeadingMatch)> = Vec::new();
    let mut i = scan_from;
    while i < end {
        // `20270301【保质期到期日】20270321`: a closing bracket ends a heading as a colon does.
        if matches!(chars[i], '：' | ':' | '﹕' | '】') {
            // A one-letter heading (`L:` of a lot) after a slash is a unit's letter
            // (`Gemiddelde analyse in mg/l:`), not a heading.
            let found = headings
                .ending_at_colon(chars, scan_from, i, end, scope, separator)
                .filter(|h| {
                    h.end > h.start + 1
                        || h.start == 0
                        || !matches!(chars.get(h.start - 1), Some('/' | '／'))
                });
            if let Some(h) = found {
                let next = h.value_start;
                cuts.push((h.start, h));
                i = next.max(i + 1);
                continue;
            }
        }
        // `净含量 210克　　保质期 12个月`, `酒精度52%vol 净含量500ml` (OCR that lost the colons):
        // on a line that starts with a heading, a heading after a wide gap (two blanks, a
        // tab, an ideographic space), or after a blank that follows a figure or a unit,
        // starts the next item, colon or not.
        if is_blank(chars[i]) && i > scan_from {
            let mut j = i;
            while j < end && is_blank(chars[j]) {
                j += 1;
            }
            let wide = j - i >= 2 || chars[i..j].iter().any(|c| matches!(c, '\t' | '\u{3000}'));
            let after_figure = chars[i - 1].is_ascii_alphanumeric()
                || matches!(chars[i - 1], '%' | '％' | '克' | '升')
                || super::headings::fold(chars[i - 1]).is_ascii_alphanumeric();
            // After any single blank: a Chinese heading of two characters or more for
            // another item than the current one (`净含量 500克 生产日期 2026年10月12日 保质期
            // 12个月`, OCR that lost the colons and the wide gaps).
            let current = cuts
                .last()
                .map(|(_, h)| h.target)
                .or(first.as_ref().map(|h| h.target));
            if j < end {
                if let Some(h) = headings.at_start(chars, j, end, scope) {
                    let cjk_heading = !chars[j].is_ascii();
                    let other_item = cjk_heading
                        && h.end >= j + 2
                        && chars[j..h.end].iter().all(|c| !c.is_ascii())
                        && current.is_some_and(|t| t != h.target);
                    // With no heading at the line's start, only a net quantity after a wide
                    // gap starts an item (`12 - 1 OZ (28g) BAGS  NET WT 12 OZ (340g)`, 21 CFR
                    // 101.105(s): the count of units, then the total).
                    let cut = match first {
                        Some(_) => wide || (after_figure && cjk_heading) || other_item,
                        // (`12 COOKIES  NET WT 10 OZ`: a plain count stays with the quantity.)
                        None => {
                            wide && h.target == Target::NetContent && {
                                let before: String = chars[start..i].iter().collect();
                                !super::values::count_only(&before)
                            }
                        }
                    };
                    if cut {
                        let next = h.value_start;
                        cuts.push((h.start, h));
                        i = next.max(j);
                        continue;
                    }
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut cur_start = start;
    let mut cur_heading = first;
    // An item ends before the decoration (`■`, `●`) or the separator (`2027年02月10日，保质期：`,
    // `20270305 /保质期`) that sets the next one apart, and before the bracket the next
    // heading is printed in (`20270305   【保质期】`).
    let undecorated = |s: usize, mut e: usize| {
        while e > s
            && (is_blank(chars[e - 1]) || "■●·•*#>，,；;。|｜/／【[『".contains(chars[e - 1]))
        {
            e -= 1;
        }
        e
    };
    for (at, h) in cuts {
        // `Composition / Zusammensetzung / Composición:`: headings of one item in several
        // languages, set apart by slashes, are one heading (its value after the last).
        if let Some(ch) = cur_heading.as_ref().filter(|ch| ch.target == h.target) {
            let sep = |c: char| is_blank(c) || matches!(c, '/' | '／' | '|' | '｜');
            // Between the two: separators and headings of the same item only.
            let mut p = ch.value_start.min(h.start);
            let mut slashed = false;
            loop {
                while p < h.start && sep(chars[p]) {
                    slashed |= !is_blank(chars[p]);
                    p += 1;
                }
                if p >= h.start {
                    break;
                }
                match headings.at_start(chars, p, h.start, scope) {
                    Some(m) if m.target == h.target && m.end > p && !m.colon => p = m.end,
                    _ => break,
                }
            }
            if p >= h.start && slashed && !ch.colon {
                cur_heading = Some(HeadingMatch {
                    start: ch.start,
                    ..h
                });
                continue;
            }
        }
        let (s, e) = trim(chars, cur_start, at);
        let e = undecorated(s, e);
        // A heading after a decoration (`■ 配料：`) starts the item at its own first character.
        let s = cur_heading
            .as_ref()
            .map_or(s, |h| after_bullet(chars, s, h.start));
        out.push(Item {
            start: s,
            end: e.max(s),
            heading: cur_heading.take(),
        });
        cur_start = at;
        cur_heading = Some(h);
    }
    let (s, e) = trim(chars, cur_start, end);
    let s = cur_heading
        .as_ref()
        .map_or(s, |h| after_bullet(chars, s, h.start));
    out.push(Item {
        start: s,
        end: e,
        heading: cur_heading,
    });
    out.retain(|it| it.end > it.start || it.heading.is_some());
    if scope.market == "CN" {
        if let [only] = out.as_slice() {
            if only.heading.is_none() {
                if let Some(pieces) = self_described_pieces(chars, only.start, only.end) {
                    return pieces;
                }
            }
        }
    }
    out
}

/// `SC11650010200033　GB/T 19858` (a small pack's last line, no headings): pieces set apart
/// by wide gaps (an ideographic blank, two blanks, a tab), each a licence number or a
/// standard's code alone, are an item each — each says by itself what it is (GB 7718 asks
/// for the number and the code, not for headings; blind audit round 20). Each piece's
/// target is given as a heading of no characters.
fn self_described_pieces(chars: &[char], start: usize, end: usize) -> Option<Vec<Item>> {
    let mut pieces = Vec::new();
    let mut i = start;
    let mut piece_start = start;
    while i < end {
        if is_blank(chars[i]) {
            let mut j = i;
            while j < end && is_blank(chars[j]) {
                j += 1;
            }
            if j - i >= 2 || chars[i..j].iter().any(|c| matches!(c, '\t' | '\u{3000}')) {
                pieces.push((piece_start, i));
                piece_start = j;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    pieces.push((piece_start, end));
    // Each piece's target, as a heading of no characters (the piece is all value).
    let described = |&(s, e): &(usize, usize)| {
        let t: String = chars[s..e].iter().collect();
        let target = if super::licence_alone(&t) {
            Target::LicenceNumber
        } else if super::standard_code_alone(&t) {
            Target::StandardCode
        } else {
            return None;
        };
        Some(Item {
            start: s,
            end: e,
            heading: Some(HeadingMatch {
                target,
                start: s,
                end: s,
                value_start: s,
                colon: false,
            }),
        })
    };
    let items: Option<Vec<Item>> = pieces.iter().map(described).collect();
    items.filter(|v| v.len() >= 2)
}

//! Lines and items: the printed text cut into lines, each line cut into items where a
//! heading starts one (`保质期：6个月  生产日期：见瓶盖` is two items).

use super::headings::{HeadingMatch, HeadingScope, Headings};

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

/// Separators after which a heading followed by a colon starts a new item inside a line.
fn separator(c: char) -> bool {
    is_blank(c)
        || matches!(
            c,
            '；' | ';' | '，' | ',' | '。' | '|' | '｜' | '/' | '】' | ']'
        )
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
    if start >= end {
        return Vec::new();
    }
    let first = headings.at_start(chars, start, end, scope);
    let scan_from = first.as_ref().map_or(start, |h| h.value_start);
    let mut cuts: Vec<(usize, HeadingMatch)> = Vec::new();
    let mut i = scan_from;
    while i < end {
        if matches!(chars[i], '：' | ':' | '﹕') {
            if let Some(h) = headings.ending_at_colon(chars, scan_from, i, end, scope, separator) {
                let next = h.value_start;
                cuts.push((h.start, h));
                i = next.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut cur_start = start;
    let mut cur_heading = first;
    for (at, h) in cuts {
        let (s, e) = trim(chars, cur_start, at);
        let s = cur_heading.as_ref().map_or(s, |h| h.start.min(s));
        out.push(Item {
            start: s,
            end: e.max(s),
            heading: cur_heading.take(),
        });
        cur_start = at;
        cur_heading = Some(h);
    }
    let (s, e) = trim(chars, cur_start, end);
    out.push(Item {
        start: s,
        end: e,
        heading: cur_heading,
    });
    out.retain(|it| it.end > it.start || it.heading.is_some());
    out
}

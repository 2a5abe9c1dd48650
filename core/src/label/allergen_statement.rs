//! The printed allergen statement read into the words it names: `致敏物质提示：含有小麦、蛋`
//! → `小麦`, `蛋`; `Contains: milk, soy, almonds.` → `milk`, `soy`, `almonds` — each with its
//! span in the statement, so a rule can say which printed word names no allergen group
//! (a word the packs' tables cannot place is reported, never silently ignored). Which words
//! name which group is pack data; this only finds the list after a "contains" word.

use crate::report::{CharIndex, Span};
use serde::{Deserialize, Serialize};

/// One word of the list after a "contains" lead word.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatementWord {
    pub text: String,
    /// `contains` or `may_contain` (after 可能含有, may contain, kann … enthalten).
    pub kind: String,
    pub span: Span,
}

/// Lead words, longest first within a kind; matched case-insensitively (ASCII).
const MAY: &[&str] = &[
    "可能含有",
    "可能含",
    "may contain",
    "peut contenir",
    "puede contener",
];
const CONTAINS: &[&str] = &[
    "含有", "含", "contains", "contain", "enthält", "contient", "contiene", "bevat",
];
/// Separators of the list's words.
const SEPARATORS: &[char] = &['、', '，', ',', '和', '及', '与', '/', '／', '；', ';'];
/// Clause ends: a new clause may have its own lead word.
const CLAUSE_ENDS: &[char] = &['。', '.', '\n', '！', '!'];
/// More words than this in one statement are not a list.
const MAX_WORDS: usize = 64;

/// Reads `statement`; the words' spans are in the statement's characters, `field` names it.
pub fn read(statement: &str, field: &str) -> Vec<StatementWord> {
    let index = CharIndex::new(statement);
    let chars = index.chars();
    let lower: Vec<char> = chars.iter().map(|c| c.to_ascii_lowercase()).collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() && out.len() < MAX_WORDS {
        let mut end = start;
        while end < chars.len() && !CLAUSE_ENDS.contains(&chars[end]) {
            end += 1;
        }
        // A line break ends the clause only before a lead word of its own: a list the line
        // break cut (`本品含有小麦、鸡⏎蛋、乳及乳制品`) goes on.
        while end < chars.len() && chars[end] == '\n' && cut_word_goes_on(&lower, end) {
            end += 1;
            while end < chars.len() && !CLAUSE_ENDS.contains(&chars[end]) {
                end += 1;
            }
        }
        clause(&lower, &index, field, start, end, &mut out);
        start = end + 1;
    }
    out.truncate(MAX_WORDS);
    out
}

/// Whether the line break at `nl` cut a word of the list: a letter or Chinese character
/// before it, and after it a short tail (at most six characters up to a separator or the
/// clause's end) that opens with no lead word — `小麦、鸡⏎蛋、乳`, not `蛋⏎本生产线也加工…`.
fn cut_word_goes_on(lower: &[char], nl: usize) -> bool {
    // Over a few blanks only, so a statement of many line breaks stays linear.
    let before = lower[nl.saturating_sub(8)..nl]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace());
    if !before.is_some_and(|c| c.is_alphabetic()) {
        return false;
    }
    let mut k = nl + 1;
    while k < lower.len() && k < nl + 9 && lower[k].is_whitespace() {
        k += 1;
    }
    let leads = MAY
        .iter()
        .chain(CONTAINS.iter())
        .any(|w| chars_at(&lower[k..], w).is_some());
    let tail = lower[k..]
        .iter()
        .take(8)
        .take_while(|c| !SEPARATORS.contains(c) && !CLAUSE_ENDS.contains(c))
        .count();
    !leads && (1..=6).contains(&tail)
}

/// The first lead word in `[start, end)`: its kind and the index after it.
fn lead(lower: &[char], start: usize, end: usize) -> Option<(&'static str, usize)> {
    for i in start..end {
        for (kind, words) in [("may_contain", MAY), ("contains", CONTAINS)] {
            for w in words {
                let Some(len) = chars_at(&lower[i..end], w) else {
                    continue;
                };
                // A Latin lead word stands alone (`contains`, not `containers`).
                let latin = w.starts_with(|c: char| c.is_ascii_alphabetic());
                let before_ok = !latin || i == start || !lower[i - 1].is_alphabetic();
                let after = i + len;
                let after_ok = !latin || after >= end || !lower[after].is_alphabetic();
                if before_ok && after_ok {
                    return Some((kind, after));
                }
            }
        }
    }
    None
}

/// Whether `chars` begins with `word`, and then how many characters `word` has (compared
/// character by character: no list of `word`'s characters is built, at every position).
fn chars_at(chars: &[char], word: &str) -> Option<usize> {
    let mut n = 0;
    for c in word.chars() {
        if chars.get(n) != Some(&c) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

fn clause(
    lower: &[char],
    index: &CharIndex,
    field: &str,
    start: usize,
    end: usize,
    out: &mut Vec<StatementWord>,
) {
    let Some((mut kind, mut i)) = lead(lower, start, end) else {
        return;
    };
    // `含有：`, `Contains:`, `contains traces of` — skip a colon and blanks.
    while i < end && (lower[i].is_whitespace() || matches!(lower[i], ':' | '：')) {
        i += 1;
    }
    let mut word_start = may_lead_at(lower, i, end, &mut kind);
    for j in i..=end {
        if j < word_start {
            continue;
        }
        let at_end = j == end;
        let sep = !at_end && SEPARATORS.contains(&lower[j]);
        // ` and ` / ` und ` / ` et ` between Latin words.
        let and = !at_end
            && [" and ", " und ", " et ", " y "]
                .iter()
                .any(|w| chars_at(&lower[j..end], w).is_some());
        if at_end || sep || and {
            push_word(index, field, word_start, j, kind, out);
            word_start = if and {
                let mut k = j + 1;
                while k < end && !lower[k].is_whitespace() {
                    k += 1;
                }
                k
            } else {
                j + 1
            };
            word_start = may_lead_at(lower, word_start, end, &mut kind);
        }
    }
}

/// A "may contain" lead word at the start of a list's next word (`含有乳、大豆，可能含有花生`:
/// 花生 is a may-contain word, not a third declared one): from there on the words are
/// `may_contain`. Returns where the word starts, after the lead word and a colon or blanks.
fn may_lead_at(lower: &[char], at: usize, end: usize, kind: &mut &'static str) -> usize {
    let mut i = at;
    while i < end && lower[i].is_whitespace() {
        i += 1;
    }
    for w in MAY {
        if let Some(len) = chars_at(&lower[i.min(end)..end], w) {
            *kind = "may_contain";
            let mut k = i + len;
            while k < end && (lower[k].is_whitespace() || matches!(lower[k], ':' | '：')) {
                k += 1;
            }
            return k;
        }
    }
    at
}

fn push_word(
    index: &CharIndex,
    field: &str,
    mut s: usize,
    mut e: usize,
    kind: &str,
    out: &mut Vec<StatementWord>,
) {
    let chars = index.chars();
    let trim = |c: char| {
        c.is_whitespace() || matches!(c, ':' | '：' | '"' | '“' | '”' | '(' | ')' | '（' | '）')
    };
    while s < e && trim(chars[s]) {
        s += 1;
    }
    while e > s && trim(chars[e - 1]) {
        e -= 1;
    }
    if s >= e || out.len() >= MAX_WORDS {
        return;
    }
    let span = index.span(field, s, e);
    // `鸡⏎蛋`: a word the line break cut is one word (joined directly between Chinese
    // characters, by a blank otherwise); its span stays the printed characters.
    let text = if span.text.contains(['\n', '\r']) {
        let mut t = String::with_capacity(span.text.len());
        for line in span.text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
            let join = t.chars().last().is_some_and(han) && line.chars().next().is_some_and(han);
            if !t.is_empty() && !join {
                t.push(' ');
            }
            t.push_str(line);
        }
        t
    } else {
        span.text.clone()
    };
    out.push(StatementWord {
        text,
        kind: kind.to_string(),
        span,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(String, String)> {
        read(s, "/allergens/statement")
            .into_iter()
            .map(|w| (w.text, w.kind))
            .collect()
    }

    #[test]
    fn a_word_cut_by_a_line_break_is_one_word() {
        let w = words("本品含有小麦、鸡\n蛋、乳及乳制品");
        let texts: Vec<&str> = w.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["小麦", "鸡蛋", "乳", "乳制品"]);
        // A line of its own after the list is a clause of its own.
        let w = words("含有小麦、乳、蛋\n本生产线也加工含有芝麻的产品");
        assert_eq!(w.last().map(|(t, _)| t.as_str()), Some("芝麻的产品"));
    }

    #[test]
    fn lists_after_a_lead_word() {
        let w = |v: &[&str], k: &str| -> Vec<(String, String)> {
            v.iter().map(|s| (s.to_string(), k.to_string())).collect()
        };
        assert_eq!(
            words("致敏物质提示：含有小麦、蛋"),
            w(&["小麦", "蛋"], "contains")
        );
        assert_eq!(
            words("含有乳制品和大豆"),
            w(&["乳制品", "大豆"], "contains")
        );
        assert_eq!(words("本品含麸质"), w(&["麸质"], "contains"));
        assert_eq!(
            words("Contains: milk, soy, almonds."),
            w(&["milk", "soy", "almonds"], "contains")
        );
        assert_eq!(
            words("Contains milk and soy"),
            w(&["milk", "soy"], "contains")
        );
        let mixed = words("含有：乳。可能含有花生、芝麻");
        assert_eq!(mixed[0], ("乳".to_string(), "contains".to_string()));
        assert_eq!(mixed[1..], w(&["花生", "芝麻"], "may_contain")[..]);
        // A may-contain lead inside a contains list turns the rest of it.
        let inside = words("含有乳、大豆，可能含有花生、芝麻");
        assert_eq!(inside[..2], w(&["乳", "大豆"], "contains")[..]);
        assert_eq!(inside[2..], w(&["花生", "芝麻"], "may_contain")[..]);
        let en = words("Contains milk, may contain: peanuts");
        assert_eq!(en[0], ("milk".to_string(), "contains".to_string()));
        assert_eq!(en[1], ("peanuts".to_string(), "may_contain".to_string()));
        // No lead word: a free sentence is no list.
        assert!(words("本生产线同时加工花生制品").is_empty());
        assert!(words("Allergen advice: see ingredients in bold").is_empty());
        // `containers` is no lead word.
        assert!(words("Recyclable containers").is_empty());
    }

    #[test]
    fn spans_point_at_the_printed_words() {
        let s = "Allergens – contains: Milk , Sesame";
        let ws = read(s, "/allergens/statement");
        let chars: Vec<char> = s.chars().collect();
        for w in &ws {
            assert_eq!(
                chars[w.span.start..w.span.end].iter().collect::<String>(),
                w.text
            );
            assert_eq!(&*w.span.field, "/allergens/statement");
        }
        assert_eq!(
            ws.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(),
            ["Milk", "Sesame"]
        );
    }

    #[test]
    fn hostile_statements_stay_bounded() {
        let long = format!("含有{}", "乳、".repeat(10_000));
        assert_eq!(read(&long, "/x").len(), MAX_WORDS);
        assert!(read("含有", "/x").is_empty());
        assert!(read("", "/x").is_empty());
        assert!(read("contains", "/x").is_empty());
    }
}

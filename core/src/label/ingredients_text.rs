//! Parser for a printed ingredient list: `配料：生牛乳、白砂糖(5%)、稳定剂（果胶、卡拉胶）`.
//!
//! Produces items in printed order with the percentages printed beside them and the
//! sub-ingredients printed in brackets, each with its character span in the original text,
//! so a finding ("白砂糖 is out of order") can point a web form at the exact characters.
//! The parser never fails: text it cannot structure becomes plain items, and unbalanced
//! brackets close at the end of the text.

use super::{Dec, Ingredient};
use crate::report::{CharIndex, Span};
use rust_decimal::Decimal;

/// The result of parsing printed ingredient text.
#[derive(Clone, Debug, Default)]
pub struct ParsedIngredients {
    /// The word before the first colon (`配料`, `配料表`, `原料`), if any.
    pub lead_word: Option<String>,
    pub items: Vec<Ingredient>,
}

const SEPARATORS: &[char] = &['、', ',', '，', ';', '；'];
const OPEN: &[char] = &['(', '（', '[', '【', '〔'];
const CLOSE: &[char] = &[')', '）', ']', '】', '〕'];
/// Nesting deeper than this is kept as text; printed lists rarely go past 3.
const MAX_NESTING: usize = 8;

/// Parses `text` (the value of `/ingredients/text`).
pub fn parse_ingredients_text(text: &str) -> ParsedIngredients {
    let index = CharIndex::new(text);
    let chars = index.chars();
    let p = Parser {
        chars,
        index: &index,
    };

    let mut start = 0;
    let mut lead_word = None;
    if let Some(colon) = chars.iter().take(12).position(|c| *c == '：' || *c == ':') {
        let word: String = chars[..colon].iter().collect::<String>().trim().to_string();
        if !word.is_empty()
            && !word
                .chars()
                .any(|c| SEPARATORS.contains(&c) || OPEN.contains(&c))
        {
            lead_word = Some(word);
            start = colon + 1;
        }
    }
    let mut end = chars.len();
    while end > start
        && (chars[end - 1] == '。' || chars[end - 1] == '.' || chars[end - 1].is_whitespace())
    {
        end -= 1;
    }
    ParsedIngredients {
        lead_word,
        items: p.list(start, end, 0),
    }
}

struct Parser<'a> {
    chars: &'a [char],
    index: &'a CharIndex,
}

impl Parser<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        self.index.span("/ingredients/text", start, end)
    }

    /// Splits `[start, end)` at separators outside brackets and parses each segment.
    fn list(&self, start: usize, end: usize, depth: usize) -> Vec<Ingredient> {
        let mut items = Vec::new();
        let mut seg_start = start;
        let mut level = 0usize;
        for i in start..end {
            let c = self.chars[i];
            if OPEN.contains(&c) {
                level += 1;
            } else if CLOSE.contains(&c) {
                level = level.saturating_sub(1);
            } else if level == 0 && SEPARATORS.contains(&c) {
                if let Some(item) = self.item(seg_start, i, depth) {
                    items.push(item);
                }
                seg_start = i + 1;
            }
        }
        if let Some(item) = self.item(seg_start, end, depth) {
            items.push(item);
        }
        items
    }

    /// Parses one segment: a name, optional bracket groups, optional trailing percentage.
    fn item(&self, mut start: usize, mut end: usize, depth: usize) -> Option<Ingredient> {
        while start < end && self.chars[start].is_whitespace() {
            start += 1;
        }
        while end > start && self.chars[end - 1].is_whitespace() {
            end -= 1;
        }
        if start >= end {
            return None;
        }
        let mut name = String::new();
        let mut percent = None;
        let mut subs = Vec::new();
        let mut i = start;
        while i < end {
            let c = self.chars[i];
            if OPEN.contains(&c) {
                let close = self.matching(i, end);
                let inner = (i + 1, close.min(end));
                if let Some(p) = percent_of(&self.chars[inner.0..inner.1]) {
                    percent = Some(p);
                } else if depth < MAX_NESTING {
                    subs.extend(self.list(inner.0, inner.1, depth + 1));
                }
                i = close + 1;
                continue;
            }
            if subs.is_empty() && percent.is_none() {
                name.push(c);
            }
            i += 1;
        }
        // "白砂糖5%" / "白砂糖 5.0%": a percentage glued to the name.
        if percent.is_none() {
            if let Some((keep, p)) = trailing_percent(&name) {
                percent = Some(p);
                name = name.chars().take(keep).collect();
            }
        }
        let name = name.trim().to_string();
        if name.is_empty() && subs.is_empty() {
            return None;
        }
        Some(Ingredient {
            name,
            percent: percent.map(Dec),
            compound: (!subs.is_empty()).then_some(true),
            ingredients: subs,
            span: Some(self.span(start, end)),
            ..Ingredient::default()
        })
    }

    /// Index of the bracket closing the one at `open`, or `end` when unbalanced.
    fn matching(&self, open: usize, end: usize) -> usize {
        let mut level = 0usize;
        for j in open..end {
            let c = self.chars[j];
            if OPEN.contains(&c) {
                level += 1;
            } else if CLOSE.contains(&c) {
                level -= 1;
                if level == 0 {
                    return j;
                }
            }
        }
        end
    }
}

/// `5%`, `≥5%`, ` 5.0 % `, `5％` → 5.
fn percent_of(chars: &[char]) -> Option<Decimal> {
    let s: String = chars.iter().collect();
    let s = s
        .trim()
        .trim_start_matches(['≥', '≤', '>', '<', '约'])
        .trim();
    let s = s.strip_suffix('%').or_else(|| s.strip_suffix('％'))?.trim();
    let d: Decimal = s.parse().ok()?;
    (d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED).then_some(d)
}

/// A percentage at the end of a name: returns the char count to keep and the value.
fn trailing_percent(name: &str) -> Option<(usize, Decimal)> {
    let chars: Vec<char> = name.chars().collect();
    let last = *chars.last()?;
    if last != '%' && last != '％' {
        return None;
    }
    let mut i = chars.len() - 1;
    while i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.' || chars[i - 1] == ' ') {
        i -= 1;
    }
    if i == 0 || i == chars.len() - 1 {
        return None;
    }
    let p = percent_of(&chars[i..])?;
    let keep = chars[..i]
        .iter()
        .collect::<String>()
        .trim_end()
        .chars()
        .count();
    Some((keep, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lead_word_items_percent_and_compound() {
        let t = "配料：生牛乳、白砂糖(5%)、稳定剂（果胶、卡拉胶）、乳清粉 3.5%。";
        let p = parse_ingredients_text(t);
        assert_eq!(p.lead_word.as_deref(), Some("配料"));
        let names: Vec<_> = p.items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["生牛乳", "白砂糖", "稳定剂", "乳清粉"]);
        assert_eq!(p.items[1].percent.unwrap().0, Decimal::from(5));
        assert_eq!(
            p.items[3].percent.unwrap().0,
            "3.5".parse::<Decimal>().unwrap()
        );
        assert_eq!(p.items[2].ingredients.len(), 2);
        assert_eq!(p.items[2].compound, Some(true));
        let s = p.items[1].span.as_ref().unwrap();
        assert_eq!(s.text, "白砂糖(5%)");
        let chars: Vec<char> = t.chars().collect();
        assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.text);
        let sub = p.items[2].ingredients[1].span.as_ref().unwrap();
        assert_eq!(sub.text, "卡拉胶");
    }

    #[test]
    fn never_fails_on_odd_text() {
        for t in [
            "",
            "：",
            "配料：",
            "((((",
            "a)b)c",
            "配料：、、、",
            "配料表：水（",
            "😀、😀（5%）",
        ] {
            let p = parse_ingredients_text(t);
            for item in &p.items {
                let s = item.span.as_ref().unwrap();
                assert!(s.start <= s.end && s.end <= t.chars().count());
            }
        }
        let p = parse_ingredients_text("😀、水（5%）");
        assert_eq!(p.items[1].span.as_ref().unwrap().utf16_start, 3);
    }
}

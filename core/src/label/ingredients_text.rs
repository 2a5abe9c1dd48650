//! Parser for a printed ingredient list: `配料：生牛乳、白砂糖(5%)、稳定剂（果胶、卡拉胶）`.
//!
//! Produces items in printed order with the percentages printed beside them and the
//! sub-ingredients printed in brackets, each with its character span in the original text,
//! so a finding ("白砂糖 is out of order") can point a web form at the exact characters.
//! The parser never fails: text it cannot structure becomes plain items, and unbalanced
//! brackets close at the end of the text.

use super::fibre::UnparsedToken;
use super::{Dec, Ingredient};
use crate::report::{CharIndex, Span};
use rust_decimal::Decimal;

/// The result of parsing printed ingredient text.
#[derive(Clone, Debug, Default)]
pub struct ParsedIngredients {
    /// The word before the first colon (`配料`, `配料表`, `原料`), if any.
    pub lead_word: Option<String>,
    pub items: Vec<Ingredient>,
    /// A quantifying statement before the list's tail (`Contains 2% or less of:`), if any;
    /// the items after it carry its share as `threshold_group`.
    pub threshold_statement: Option<ThresholdStatement>,
}

/// `Contains 2% or less of` / `Less than 2% of`: the US statement (21 CFR 101.4(a)(2)) that
/// lets the ingredients after it stand out of descending order. Read by the parser because
/// it changes how the list is structured; what the threshold may be, and what it allows, is
/// pack data.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ThresholdStatement {
    /// The words as printed (`contains 2% or less of:`).
    pub text: String,
    /// The share named, in percent.
    pub percent: super::Dec,
    /// `or_less` (`2% or less of`) or `less_than` (`less than 2% of`).
    pub form: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// `contains 2% or less of:`, `and less than 2% of each of the following:`, `2% or less of`.
static THRESHOLD_RE: once_cell::sync::Lazy<regex_lite::Regex> = once_cell::sync::Lazy::new(|| {
    regex_lite::Regex::new(
        r"(?i)(?:^|[,;，；、]\s*)((?:and\s+)?(?:contains?\s+)?(?:(less\s+than)\s+([0-9]+(?:\.[0-9]+)?)\s*%|([0-9]+(?:\.[0-9]+)?)\s*%\s+or\s+less)\s+of(?:\s+(?:each\s+of\s+)?the\s+following)?\s*:?)",
    )
    .expect("valid regex")
});

const SEPARATORS: &[char] = &['、', ',', '，', ';', '；'];
const OPEN: &[char] = &['(', '（', '[', '【', '〔', '［'];
const CLOSE: &[char] = &[')', '）', ']', '】', '〕', '］'];
/// How far into the text a colon may close the lead word: `配料：` and `Ingredients:` are
/// short, but `List of ingredients:`, `Ingrédients :` and `Zutatenverzeichnis:` are not.
/// A colon after a separator or bracket never closes it, so an item's colon is not taken.
const LEAD_WORD_MAX: usize = 32;
/// Footnote markers printed after an ingredient's name (`oats*`, `wheat flour¹`): an EU
/// organic list marks its organic ingredients with one (Reg. (EU) 2018/848 Art 30(5)(b)).
const FOOTNOTE_MARKERS: &[char] = &[
    '*', '＊', '†', '‡', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰',
];
/// Nesting deeper than this is kept as text; printed lists rarely go past 3.
const MAX_NESTING: usize = 8;

/// The character the parser reads in place of a printed one: full-width digits and `％．＋－＞＜`
/// as their ASCII forms (NFKC for these), `≧≦` as `≥≤`, and a Chinese full stop `。` between two digits as a
/// decimal point (`10。5%`). One character for one, so every span still points at the
/// printed characters.
fn normalise_char(chars: &[char], i: usize) -> char {
    let c = chars[i];
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '％' => '%',
        '．' => '.',
        '＞' => '>',
        '＜' => '<',
        '≧' => '≥',
        '≦' => '≤',
        '＋' => '+',
        '－' | '−' => '-',
        '。' if i > 0
            && i + 1 < chars.len()
            && is_digit(chars[i - 1])
            && is_digit(chars[i + 1]) =>
        {
            '.'
        }
        c => c,
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A lead word with its translation in brackets before the colon: `配料（Ingredients）`,
/// `Ingredients (配料)` — a word, then one bracketed word in the other script, and nothing
/// after it. (GB 7718
/// 3.8.2 / 3.6 allow foreign text beside the Chinese; an item before a colon, `奶油（含乳）：`,
/// cannot come first in a list, which is where a lead word is read.)
fn with_translation(word: &str) -> bool {
    let Some(open) = word.find(OPEN) else {
        return false;
    };
    let (head, rest) = word.split_at(open);
    let mut inner = rest.chars();
    inner.next();
    let inner = inner.as_str();
    let Some(inner) = inner.strip_suffix(CLOSE) else {
        return false;
    };
    let plain = |t: &str| {
        !t.trim().is_empty()
            && !t
                .chars()
                .any(|c| SEPARATORS.contains(&c) || OPEN.contains(&c) || CLOSE.contains(&c))
    };
    // One side Latin, the other Chinese: a translation, not an item with a note
    // (`牛肉（内蒙古）：` opens no list with a lead word).
    let latin = |t: &str| {
        t.trim()
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-')
    };
    let cjk = |t: &str| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    plain(head) && plain(inner) && ((latin(head) && cjk(inner)) || (cjk(head) && latin(inner)))
}

/// Parses `text` (the value of `/ingredients/text`).
pub fn parse_ingredients_text(text: &str) -> ParsedIngredients {
    let index = CharIndex::new(text);
    let printed = index.chars();
    let normal: Vec<char> = (0..printed.len())
        .map(|i| normalise_char(printed, i))
        .collect();
    let chars = normal.as_slice();
    let p = Parser {
        chars,
        index: &index,
    };

    let mut start = 0;
    let mut lead_word = None;
    // 【配料】 / [配料表]: a lead word set off by brackets instead of a colon.
    let bracketed = match chars.first() {
        Some('【') => chars.iter().take(12).position(|c| *c == '】'),
        Some('[') => chars.iter().take(12).position(|c| *c == ']'),
        _ => None,
    };
    // 配料 生牛乳 / 配料表⏎…: one of the standard's lead words followed by a blank (OCR and
    // artwork text often lose the colon; the word itself is what 4.1.3.1.1 requires).
    let spaced = ["原料与辅料", "配料表", "配料", "原料"]
        .iter()
        .find_map(|w| {
            let n = w.chars().count();
            let word: String = chars.iter().take(n).collect();
            (word == *w && chars.get(n).is_some_and(|c| c.is_whitespace())).then_some(n)
        });
    if let Some(close) = bracketed {
        let word: String = chars[1..close]
            .iter()
            .collect::<String>()
            .trim()
            .to_string();
        if !word.is_empty() {
            lead_word = Some(word);
            start = close + 1;
            // 【配料】：… — a colon after the bracket belongs to the lead word too.
            while start < chars.len() && (chars[start] == '：' || chars[start] == ':') {
                start += 1;
            }
        }
    } else if let Some(colon) = chars
        .iter()
        .take(LEAD_WORD_MAX)
        .position(|c| *c == '：' || *c == ':')
    {
        let word: String = chars[..colon].iter().collect::<String>().trim().to_string();
        if !word.is_empty()
            && (!word
                .chars()
                .any(|c| SEPARATORS.contains(&c) || OPEN.contains(&c))
                || with_translation(&word))
        {
            lead_word = Some(word);
            start = colon + 1;
        }
    } else if let Some(n) = spaced {
        lead_word = Some(chars[..n].iter().collect());
        start = n;
    }
    let mut end = chars.len();
    while end > start
        && (chars[end - 1] == '。' || chars[end - 1] == '.' || chars[end - 1].is_whitespace())
    {
        end -= 1;
    }
    if let Some((st, (from, to))) = threshold_statement(chars, start, end, &index) {
        let mut items = p.list(start, from, 0);
        let mut tail = p.list(to, end, 0);
        for t in &mut tail {
            t.threshold_group = Some(st.percent);
        }
        items.extend(tail);
        return ParsedIngredients {
            lead_word,
            items,
            threshold_statement: Some(st),
        };
    }
    ParsedIngredients {
        lead_word,
        items: p.list(start, end, 0),
        threshold_statement: None,
    }
}

/// Finds a quantifying statement at the first level of the list (outside brackets, at the
/// start of an item): the statement and the char range it covers.
fn threshold_statement(
    chars: &[char],
    start: usize,
    end: usize,
    index: &CharIndex,
) -> Option<(ThresholdStatement, (usize, usize))> {
    // Every statement has a `%`; most lists (all Chinese ones) have none, and the regex
    // (a PikeVM, case-insensitive) walked each whole list looking for one.
    if !chars[start..end].contains(&'%') {
        return None;
    }
    let text: String = chars[start..end].iter().collect();
    // Byte offsets of `text` → char offsets in `chars`.
    let mut byte_to_char = Vec::with_capacity(text.len() + 1);
    for (n, c) in text.chars().enumerate() {
        byte_to_char.extend(std::iter::repeat_n(start + n, c.len_utf8()));
    }
    byte_to_char.push(end);
    for caps in THRESHOLD_RE.captures_iter(&text) {
        let whole = caps.get(1)?;
        let (from, to) = (byte_to_char[whole.start()], byte_to_char[whole.end()]);
        // Only at bracket level 0.
        let mut level = 0i32;
        for c in &chars[start..from] {
            if OPEN.contains(c) {
                level += 1;
            } else if CLOSE.contains(c) {
                level -= 1;
            }
        }
        if level != 0 {
            continue;
        }
        let (form, number) = match (caps.get(2), caps.get(3), caps.get(4)) {
            (Some(_), Some(n), _) => ("less_than", n.as_str()),
            (None, _, Some(n)) => ("or_less", n.as_str()),
            _ => continue,
        };
        let Ok(percent) = number.parse::<Decimal>() else {
            continue;
        };
        let span = index.span("/ingredients/text", from, to);
        return Some((
            ThresholdStatement {
                text: span.text.clone(),
                percent: super::Dec(percent),
                form: form.to_string(),
                span: Some(span),
            },
            (from, to),
        ));
    }
    None
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
        // One allocation for the list: at most one item per top-level separator, plus one
        // (an ingredient is a large struct, and growing the list copied it four times over).
        let mut items = Vec::with_capacity(1 + self.top_level_separators(start, end));
        let mut seg_start = start;
        let mut level = 0usize;
        for i in start..end {
            let c = self.chars[i];
            if OPEN.contains(&c) {
                level += 1;
            } else if CLOSE.contains(&c) {
                level = level.saturating_sub(1);
            } else if level == 0
                && (SEPARATORS.contains(&c)
                    || self.sub_list_break(i, end)
                    || self.break_after_bracket(i, start, end))
            {
                // `单、双甘油脂肪酸酯`: the separator is part of one chemical name.
                if self.name_prefix(seg_start, i) {
                    continue;
                }
                if let Some(item) = self.item(seg_start, i, depth) {
                    items.push(item);
                }
                seg_start = i + 1;
            }
        }
        if let Some(item) = self.item(seg_start, end, depth) {
            items.push(item);
        }
        // `开心果：开心果（≥97%），食用盐；盐焗腰果仁：腰果仁（≥98%），食用盐；奶油味夏威夷果：夏威夷果…`
        // (a pack of several foods, each food's list under its name, GB 7718-2025 4.1.2's
        // 各自标示): the names before the colons head the parts and are no ingredient — only
        // when two parts or more are headed so, and not for an additive heading.
        if depth == 0
            && items
                .iter()
                .filter(|it| part_head(&it.name).is_some())
                .count()
                >= 2
        {
            for it in &mut items {
                if let Some(at) = part_head(&it.name) {
                    it.name = it.name[at..].to_string();
                }
            }
        }
        items
    }

    /// Whether the character at `i` is a line break before a sub-list under its own lead
    /// (`…freshness.⏎Vitamins and Minerals: Calcium carbonate, …`): the break ends the item
    /// before it, as a separator does. Only before words of Latin letters and a colon, so a
    /// name wrapped onto the next line stays one item.
    fn sub_list_break(&self, i: usize, end: usize) -> bool {
        if !matches!(self.chars[i], '\n' | '\r') {
            return false;
        }
        let mut j = i + 1;
        while j < end && self.chars[j].is_whitespace() {
            j += 1;
        }
        let from = j;
        while j < end
            && j < from + LEAD_WORD_MAX
            && (self.chars[j].is_ascii_alphabetic() || matches!(self.chars[j], ' ' | '&'))
        {
            j += 1;
        }
        if j > from && j < end && self.chars[j] == ':' {
            return true;
        }
        // `…枧水⏎馅料：五仁馅…`: a Chinese part's lead (a few characters and a colon) on the
        // next line starts a sub-list too (up to 8: `脱水蔬菜包配料：`).
        let mut k = from;
        while k < end && k < from + 8 && is_han(self.chars[k]) {
            k += 1;
        }
        k > from && k < end && matches!(self.chars[k], ':' | '：')
    }

    /// Whether the character at `i` is a line break right after a closed bracket, before a
    /// name (`…［白砂糖，核桃仁］⏎蛋液（鸡蛋）`): an item ends with its bracket, so the name
    /// on the next line is the next item, not more of it. A bracket on the next line
    /// (`五仁馅（≥60%）⏎［白砂糖…］`) is still the item's.
    fn break_after_bracket(&self, i: usize, start: usize, end: usize) -> bool {
        if !matches!(self.chars[i], '\n' | '\r') {
            return false;
        }
        // Over a few blanks only, so a text of many line breaks stays linear.
        let before = self.chars[start.max(i.saturating_sub(8))..i]
            .iter()
            .rev()
            .find(|c| !c.is_whitespace());
        let after = self.chars[i + 1..end.min(i + 9)]
            .iter()
            .find(|c| !c.is_whitespace());
        before.is_some_and(|c| CLOSE.contains(c))
            && after.is_some_and(|c| !OPEN.contains(c) && !SEPARATORS.contains(c))
    }

    /// The separators of `[start, end)` outside brackets (the items `list` may make, less
    /// one).
    fn top_level_separators(&self, start: usize, end: usize) -> usize {
        let mut level = 0usize;
        let mut n = 0;
        for c in &self.chars[start..end] {
            if OPEN.contains(c) {
                level += 1;
            } else if CLOSE.contains(c) {
                level = level.saturating_sub(1);
            } else if level == 0 && SEPARATORS.contains(c) {
                n += 1;
            }
        }
        n
    }

    /// Whether `[start, end)` is the first half of a name printed with a separator inside
    /// it: `单、双甘油脂肪酸酯` (mono- and diglycerides, INS 471), `乙酰化单、双甘油脂肪酸酯`,
    /// `辛、癸酸甘油酯` — the names GB 2760 itself writes with a comma.
    fn name_prefix(&self, start: usize, end: usize) -> bool {
        let mut seg = &self.chars[start..end];
        while let [first, rest @ ..] = seg {
            if !first.is_whitespace() {
                break;
            }
            seg = rest;
        }
        while let [rest @ .., last] = seg {
            if !last.is_whitespace() {
                break;
            }
            seg = rest;
        }
        matches!(seg, ['单'] | ['辛'] | ['乙', '酰', '化', '单'])
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
        // Sized for every character of the segment: the name is built without regrowing.
        let mut name =
            String::with_capacity(self.chars[start..end].iter().map(|c| c.len_utf8()).sum());
        let mut name_end = start;
        let mut percent = None;
        let mut percent_bound = None;
        let mut subs = Vec::new();
        let mut unparsed = Vec::new();
        let mut origin: Option<String> = None;
        // What follows a bracketed origin (`wheat flour (EU) 55%`): read for a share only.
        let mut after_origin = String::new();
        let mut line_break = false;
        let mut i = start;
        while i < end {
            let c = self.chars[i];
            if OPEN.contains(&c) {
                let close = self.matching(i, end);
                let inner = (i + 1, close.min(end));
                let content = &self.chars[inner.0..inner.1];
                if let Some((p, bound)) = share_of(content) {
                    percent = Some(p);
                    percent_bound = bound;
                } else if let Some(reason) = percent_problem(content) {
                    // "(300%)", "(-80%)", "(%)": a share that cannot be one is reported,
                    // never read as a sub-ingredient.
                    unparsed.push(self.token(inner.0, inner.1, reason));
                } else if let Some((share, place)) = origin_group(content) {
                    // `(55%, wheat from EU and non-EU)`, `(wheat does not originate from
                    // Ireland)`, `(origin: EU)`: the origin of the ingredient (Reg. (EU)
                    // 2018/775 Art 2), with the share printed beside it.
                    if let (Some((p, bound)), None) = (share, percent) {
                        percent = Some(p);
                        percent_bound = bound;
                    }
                    origin = Some(match origin.take() {
                        Some(o) => format!("{o}, {place}"),
                        None => place,
                    });
                } else if depth < MAX_NESTING {
                    subs.extend(self.list(inner.0, inner.1, depth + 1));
                }
                i = close + 1;
                continue;
            }
            if subs.is_empty() && percent.is_none() {
                if origin.is_none() {
                    // A name the line break cut (`白砂⏎糖`, `sunflower⏎oil`) is one name:
                    // joined directly between Chinese characters, by a blank otherwise.
                    if matches!(c, '\n' | '\r') {
                        line_break = !name.is_empty();
                        i += 1;
                        continue;
                    }
                    if line_break {
                        if c.is_whitespace() {
                            i += 1;
                            continue;
                        }
                        line_break = false;
                        let joined = name.chars().last().is_some_and(is_han) && is_han(c);
                        if !joined && !name.ends_with(char::is_whitespace) {
                            name.push(' ');
                        }
                    }
                    name.push(c);
                    name_end = i + 1;
                } else {
                    after_origin.push(c);
                }
            }
            i += 1;
        }
        if percent.is_none() && !after_origin.is_empty() {
            let after: Vec<char> = after_origin.chars().collect();
            if let Some((p, bound)) = share_of(&after) {
                percent = Some(p);
                percent_bound = bound;
            }
        }
        // `oats* (8%)`, `wheat flour¹`: a footnote marker after the name (organic lists mark
        // their organic ingredients so) is not part of the name, nor in the way of a
        // percentage printed after it (`oats 8%*`). White space before a bracket is not
        // either (`wheat flour 55% (EU)`).
        let strip_end = |name: &mut String, name_end: &mut usize| loop {
            let ws = name.len() - name.trim_end().len();
            if ws > 0 {
                *name_end -= name[name.len() - ws..].chars().count();
                name.truncate(name.len() - ws);
                continue;
            }
            let Some(last) = name.chars().last() else {
                break;
            };
            if FOOTNOTE_MARKERS.contains(&last)
                && !name
                    .trim_end_matches(FOOTNOTE_MARKERS)
                    .trim_end()
                    .is_empty()
            {
                name.pop();
                *name_end -= 1;
                continue;
            }
            break;
        };
        strip_end(&mut name, &mut name_end);
        // "白砂糖5%" / "白砂糖 5.0%": a percentage glued to the name.
        if percent.is_none() {
            match trailing_percent(&name) {
                Some((keep, Ok(p))) => {
                    percent = Some(p);
                    name = name.chars().take(keep).collect();
                }
                Some((keep, Err(reason))) => {
                    let first = name_end - (name.chars().count() - keep);
                    unparsed.push(self.token(first, name_end, reason));
                    name = name.chars().take(keep).collect();
                }
                None => {}
            }
            strip_end(&mut name, &mut name_end);
        }
        // Trimmed in place (`trim` as `str::trim` does it, without a new string).
        name.truncate(name.trim_end().len());
        let lead = name.len() - name.trim_start().len();
        name.drain(..lead);
        if name.is_empty() && subs.is_empty() && unparsed.is_empty() {
            return None;
        }
        // `乳化剂（322，476）`: INS numbers in the brackets are additives named by class and
        // number (GB 7718 附录B; EU `emulsifier (E471)`). The numbers become `ins` of their
        // items, and the item holding them is marked as using the class + INS form, so the
        // rules on forms and numbers read a printed list as they read a structured one.
        let mut numbered = false;
        for sub in &mut subs {
            if let Some(code) = ins_code(&sub.name, &sub.ingredients) {
                sub.ins = Some(code);
                sub.additive = Some(true);
                sub.ingredients.clear();
                sub.compound = None;
                numbered = true;
            }
        }
        let heading = numbered && ins_code(&name, &[]).is_none();
        Some(Ingredient {
            additive: heading.then_some(true),
            additive_form: heading.then(|| "class_plus_ins".to_string()),
            function_class: heading.then(|| name.clone()),
            name,
            percent: percent.map(Dec),
            percent_bound: percent_bound.map(str::to_string),
            compound: (!subs.is_empty()).then_some(true),
            ingredients: subs,
            origin,
            span: Some(self.span(start, end)),
            unparsed,
            ..Ingredient::default()
        })
    }

    /// An unreadable share, with its printed characters and span.
    fn token(&self, start: usize, end: usize, reason: &str) -> UnparsedToken {
        let span = self.span(start, end);
        UnparsedToken {
            text: span.text.clone(),
            reason: reason.to_string(),
            span,
        }
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

/// The INS number a printed name is, normalised (`322`, `160b`, `E471` → `471`, `INS 150c` →
/// `150c`, `322` with a bracketed `i` → `322(i)`), or `None`. INS numbers run from 100 to 1521;
/// anything else (`2023`, `30`, a name) is not one.
pub(crate) fn ins_code(name: &str, subs: &[Ingredient]) -> Option<String> {
    // Read case-blind in place: every name of a list is tried, and few are numbers, so
    // nothing is allocated until one is.
    let trimmed = name.trim();
    let head = trimmed.as_bytes();
    let unprefixed = if head.len() >= 3 && head[..3].eq_ignore_ascii_case(b"ins") {
        &trimmed[3..]
    } else if head.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'e')) {
        &trimmed[1..]
    } else {
        trimmed
    };
    let body = unprefixed.trim_start_matches([' ', '-', '.', ':']);
    let digits = &body[..body.bytes().take_while(u8::is_ascii_digit).count()];
    let rest = &body[digits.len()..];
    let roman = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| matches!(c.to_ascii_lowercase(), 'i' | 'v' | 'x'))
    };
    // `500ii`, `450i`, `160aii` (GB 2760 and the INS list write the variant in Roman
    // numerals): the variant read as if bracketed, `500(ii)`.
    let lower = rest.to_ascii_lowercase();
    let (letter, variant) = match lower.as_bytes() {
        [l, more @ ..] if (b'a'..=b'h').contains(l) && (more.is_empty() || roman(&lower[1..])) => {
            (&lower[..1], &lower[1..])
        }
        [] => ("", ""),
        _ if roman(&lower) => ("", lower.as_str()),
        _ => ("", "-"),
    };
    let letter_ok = variant != "-";
    let number: u32 = digits.parse().ok()?;
    if !(100..=1599).contains(&number) || !letter_ok || digits.starts_with('0') {
        return None;
    }
    let rest = letter;
    match subs {
        [] if !variant.is_empty() => Some(format!("{digits}{rest}({variant})")),
        [] => Some(format!("{digits}{rest}")),
        [only] if only.ingredients.is_empty() && roman(&only.name) => Some(format!(
            "{digits}{rest}({})",
            only.name.to_ascii_lowercase()
        )),
        _ => None,
    }
}

/// A share read from a bracket: the value and its bound.
type Share = (Decimal, Option<&'static str>);

/// A bracket that gives the ingredient's origin, with or without its share: `(EU and
/// non-EU)`, `(55%, wheat from EU and non-EU)`, `(wheat does not originate from Ireland)`,
/// `(origin: Spain)`, `(origin of the wheat: EU)` — Reg. (EU) 2018/775 Art 2: the origin of
/// the primary ingredient is given '(a) with reference to one of the following geographical
/// areas: (i) 'EU', 'non-EU' or 'EU and non-EU'; or (ii) region, or any other geographical
/// area …; or (iii) FAO Fishing area …; or (iv) Member State(s) or third country(ies); …
/// or (b) by means of a statement as follows: '(name of the primary ingredient) do/does not
/// originate from (the country of origin or the place of provenance of the food)' or any
/// similar wording likely to have the same meaning for the consumer'.
///
/// Every part of the bracket (split at separators) must be a share or an origin wording,
/// else it is a list of sub-ingredients as before. Only English wordings are read, and a
/// place only when it is written as one (an area form, or a capitalised name: `from Spain`,
/// not `from wheat` or `from WHEAT`, which name a source, EU 1169/2011 Annex II): a
/// Chinese list's brackets (`（产地：内蒙古）`) are never read here. Returns the share and
/// the origin (the place, or the statement as printed).
fn origin_group(content: &[char]) -> Option<(Option<Share>, String)> {
    // Cheap refusals first: every form has ASCII letters and no bracket inside.
    if !content.iter().any(char::is_ascii_alphabetic)
        || content
            .iter()
            .any(|c| OPEN.contains(c) || CLOSE.contains(c) || ('\u{3000}'..='\u{9fff}').contains(c))
    {
        return None;
    }
    let text: String = content.iter().collect();
    let mut share = None;
    let mut places: Vec<String> = Vec::new();
    for part in text.split(SEPARATORS) {
        let part = part.trim().trim_end_matches('.').trim();
        if part.is_empty() {
            continue;
        }
        let chars: Vec<char> = part.chars().collect();
        if let Some(s) = share_of(&chars) {
            if share.is_some() {
                return None;
            }
            share = Some(s);
        } else if let Some(place) = origin_wording(part) {
            places.push(place);
        } else {
            return None;
        }
    }
    if places.is_empty() {
        return None;
    }
    Some((share, places.join(", ")))
}

/// One part of a bracket read as an origin (see `origin_group`): the place, or the Art 2(b)
/// statement as printed.
fn origin_wording(part: &str) -> Option<String> {
    let lower = part.to_lowercase();
    // (b) '(ingredient) does not originate from (place)' and similar wordings: the
    // statement itself is what the label says.
    for neg in [
        "not originate from ",
        "not originate in ",
        "not originating from ",
        "not come from ",
        "not coming from ",
        "not sourced from ",
        "not from ",
    ] {
        if let Some(at) = lower.find(neg) {
            if !lower[at + neg.len()..].trim().is_empty() {
                return Some(part.to_string());
            }
        }
    }
    if is_area(part) {
        return Some(part.to_string());
    }
    // `origin: EU`, `origin of the wheat: EU and non-EU`, `country of origin: Spain`,
    // `origin Spain`.
    for head in [
        "country of origin",
        "place of provenance",
        "provenance",
        "origin",
    ] {
        let bounded = lower
            .get(head.len()..)
            .is_some_and(|r| !r.starts_with(char::is_alphabetic));
        if lower.starts_with(head) && bounded && part.is_char_boundary(head.len()) {
            let rest = part[head.len()..].trim_start();
            if let Some(x) = rest.strip_prefix([':', '：']) {
                return place(x);
            }
            if let Some(of) = rest
                .strip_prefix("of ")
                .or_else(|| rest.strip_prefix("of the "))
            {
                if let Some((_, x)) = of.split_once([':', '：']) {
                    return place(x);
                }
                // `origin of the wheat EU and non-EU`: the place starts at the first word
                // that begins one.
                let mut at = 0;
                for word in of.split(' ') {
                    if let Some(p) = place(&of[at..]) {
                        return Some(p);
                    }
                    at += word.len() + 1;
                    if at >= of.len() {
                        break;
                    }
                }
                return None;
            }
            return place(rest);
        }
    }
    // `EU origin`, `of Irish origin`.
    let cut = part.len().saturating_sub(" origin".len());
    if let Some(x) = part
        .get(cut..)
        .filter(|t| t.eq_ignore_ascii_case(" origin"))
        .and_then(|_| part.get(..cut))
    {
        return place(x.strip_prefix("of ").unwrap_or(x));
    }
    // `from Spain`, `wheat from EU and non-EU`, `wheat grown in Canada`, `wheat
    // originates from France`: the words before name the raw material (lower-case words
    // only; `From` in a Title Case list is left alone).
    for verb in [
        "from ",
        "grown in ",
        "produced in ",
        "harvested in ",
        "farmed in ",
        "originating in ",
    ] {
        let at = if part.starts_with(verb) {
            Some(0)
        } else {
            part.find(&format!(" {verb}")).map(|i| i + 1)
        };
        let Some(at) = at else {
            continue;
        };
        let before = &part[..at];
        if !before
            .chars()
            .all(|c| c.is_lowercase() || c == ' ' || c == '-' || c == '\'')
        {
            return None;
        }
        return place(&part[at + verb.len()..]);
    }
    None
}

/// The area forms of 2018/775 Art 2(a)(i): `EU`, `non-EU`, `EU and non-EU` (also written
/// with `/` or `&`, and `outside the EU`).
fn is_area(text: &str) -> bool {
    let t: String = text
        .trim()
        .to_lowercase()
        .replace(['-', '\u{2010}', '\u{2011}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let t = t.strip_prefix("the ").unwrap_or(&t);
    let t = t
        .strip_suffix(" countries")
        .or_else(|| t.strip_suffix(" country"))
        .unwrap_or(t);
    let t = t.replace(" / ", "/").replace(" & ", " and ");
    matches!(
        t.as_str(),
        "eu" | "non eu"
            | "eu and non eu"
            | "non eu and eu"
            | "eu/non eu"
            | "eu or non eu"
            | "eu and/or non eu"
            | "outside the eu"
            | "outside eu"
    )
}

/// Words for the source of a derived ingredient, never a place: `glucose syrup (from
/// Wheat)` names the cereal (EU 1169/2011 Annex II), not a country.
const SOURCE_WORDS: &[&str] = &[
    "wheat",
    "barley",
    "rye",
    "oat",
    "oats",
    "spelt",
    "kamut",
    "milk",
    "soy",
    "soya",
    "soybean",
    "soybeans",
    "egg",
    "eggs",
    "fish",
    "maize",
    "corn",
    "sugar",
    "beet",
    "cane",
    "rice",
    "potato",
    "potatoes",
    "peanut",
    "peanuts",
    "nuts",
    "sesame",
    "mustard",
    "celery",
    "lupin",
    "crustaceans",
    "molluscs",
    "pork",
    "beef",
    "chicken",
];

/// A place as printed after `from`, `origin:` …: an area form, `UK`/`USA`, or a name
/// written with a capital (`Spain`, `the Netherlands`, `Côte d'Ivoire`), of letters only.
fn place(text: &str) -> Option<String> {
    let x = text.trim().trim_end_matches('.').trim();
    if x.is_empty() {
        return None;
    }
    if is_area(x) {
        return Some(x.to_string());
    }
    if !x
        .chars()
        .all(|c| c.is_alphabetic() || " -'’./&".contains(c))
    {
        return None;
    }
    let bare = x
        .strip_prefix("the ")
        .or_else(|| x.strip_prefix("The "))
        .unwrap_or(x);
    if matches!(bare, "UK" | "U.K." | "USA" | "U.S.A." | "US" | "U.S.") {
        return Some(x.to_string());
    }
    let capital = |w: &str| {
        let mut letters = w.chars();
        letters.next().is_some_and(char::is_uppercase)
            && letters.next().is_none_or(|c| !c.is_uppercase())
    };
    let first = bare.split([' ', '-']).next().unwrap_or("");
    if !capital(first) || SOURCE_WORDS.contains(&first.to_lowercase().as_str()) {
        return None;
    }
    // `Isle of Man`, `Bosnia and Herzegovina`, `Côte d'Ivoire`: the other words are names
    // or the small words of names (`from Rainforest Alliance certified farms` is no place).
    let small = [
        "and", "of", "the", "de", "del", "da", "du", "la", "le", "von", "van", "der", "y", "et",
    ];
    let not_places = [
        "farm",
        "farms",
        "certified",
        "sources",
        "source",
        "sustainable",
        "organic",
    ];
    let named = bare.split([' ', '-']).filter(|w| !w.is_empty()).all(|w| {
        let w = w
            .strip_prefix("d'")
            .or_else(|| w.strip_prefix("d’"))
            .or_else(|| w.strip_prefix("l'"))
            .unwrap_or(w);
        (capital(w) || small.contains(&w)) && !not_places.contains(&w.to_lowercase().as_str())
    });
    named.then(|| x.to_string())
}

/// `5%`, `≥5%`, ` 5.0 % `, `5％` → 5.
fn percent_of(chars: &[char]) -> Option<Decimal> {
    share_of(chars).map(|(d, _)| d)
}

/// Words before a share that make it a minimum (`≥5%`, `不低于5%`, `min. 5%`) or a maximum.
const MIN_WORDS: &[&str] = &[
    "≥",
    ">",
    "不低于",
    "不少于",
    "不小于",
    "至少",
    "最少",
    "最低",
    "min.",
    "min",
];
const MAX_WORDS: &[&str] = &[
    "≤",
    "<",
    "不高于",
    "不多于",
    "不大于",
    "不超过",
    "最多",
    "最高",
    "max.",
    "max",
];

/// A printed share and how it bounds the amount: `≥5%` → (5, `min`), `8%以下` → (8, `max`),
/// `5%` or `约5%` → (5, none). The ingredient records the bound (`percent_bound`), so an
/// order rule can tell a printed minimum from an amount without reading the text again.
fn share_of(chars: &[char]) -> Option<(Decimal, Option<&'static str>)> {
    let s: String = chars.iter().collect();
    let mut s = s.trim();
    // `≥20%，以原汁计`: the basis the share is counted on, after it (a juice drink's juice
    // counted as single-strength juice; blind audit round 24) — the share is the same.
    if let Some((head, note)) = s.rsplit_once(['，', ',']) {
        let note = note.trim();
        if head.trim_end().ends_with('%')
            && note.starts_with('以')
            && note.ends_with('计')
            && note.chars().count() <= 10
        {
            s = head.trim_end();
        }
    }
    let mut bound = None;
    for (kind, words) in [("min", MIN_WORDS), ("max", MAX_WORDS)] {
        for w in words {
            let head = s.get(..w.len()).filter(|h| h.eq_ignore_ascii_case(w));
            if head.is_some() {
                s = s[w.len()..].trim_start_matches([' ', ':', '：']);
                bound = Some(kind);
                break;
            }
        }
        if bound.is_some() {
            break;
        }
    }
    let mut s = s.trim_start_matches('约').trim();
    if bound.is_none() {
        if let Some(rest) = s.strip_suffix("以上") {
            (s, bound) = (rest.trim_end(), Some("min"));
        } else if let Some(rest) = s.strip_suffix("以下") {
            (s, bound) = (rest.trim_end(), Some("max"));
        }
    }
    let s = s.strip_suffix('%')?.trim();
    let d: Decimal = s.parse().ok()?;
    (d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED).then_some((d, bound))
}

/// Why a bracket's content that reads as a percentage is not a share, or `None` when it
/// is no percentage at all (a sub-ingredient list): `percent_out_of_range` (over 100 or
/// negative), `percent_without_number` (`%` alone), `unreadable_percent` (digits and signs
/// that make no number, `5..0%`).
fn percent_problem(chars: &[char]) -> Option<&'static str> {
    let s: String = chars.iter().collect();
    let s = s.trim();
    let body = s.strip_suffix('%')?.trim();
    let allowed = |c: char| c.is_ascii_digit() || ".+-≥≤<>约 ".contains(c);
    if !body.chars().all(allowed) {
        return None;
    }
    let number = body.trim_start_matches(['≥', '≤', '>', '<', '约']).trim();
    if !number.chars().any(|c| c.is_ascii_digit()) {
        return Some("percent_without_number");
    }
    match number.parse::<Decimal>() {
        Ok(_) => Some("percent_out_of_range"),
        Err(_) => Some("unreadable_percent"),
    }
}

/// A percentage at the end of a name: the char count of the name to keep and the value, or
/// why the trailing percentage is no share (`白砂糖300%`, `白砂糖-80%`, `白砂糖%`).
fn trailing_percent(name: &str) -> Option<(usize, Result<Decimal, &'static str>)> {
    // Most names end otherwise: no character list for them.
    if !name.ends_with('%') {
        return None;
    }
    let chars: Vec<char> = name.chars().collect();
    let last = *chars.last()?;
    if last != '%' {
        return None;
    }
    let mut i = chars.len() - 1;
    while i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.' || chars[i - 1] == ' ') {
        i -= 1;
    }
    // A sign printed before the number belongs to it (`-80%`).
    if i > 0 && (chars[i - 1] == '-' || chars[i - 1] == '+') {
        i -= 1;
    }
    if i == 0 {
        return None;
    }
    let keep = chars[..i]
        .iter()
        .collect::<String>()
        .trim_end()
        .chars()
        .count();
    let value = match percent_of(&chars[i..]) {
        Some(p) => Ok(p),
        None => Err(percent_problem(&chars[i..]).unwrap_or("unreadable_percent")),
    };
    Some((keep, value))
}

/// A Chinese character (CJK Unified Ideographs and Extension A): a name broken between two
/// of them is joined without a blank.
fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Where an ingredient's name starts after a part's heading (`盐焗腰果仁：腰果仁` → after the
/// colon): one to ten Chinese characters, a colon, a name after it; not an additive heading
/// (`食品添加剂：`, `甜味剂：`, whose class the additive rules read).
fn part_head(name: &str) -> Option<usize> {
    let colon = name.find(['：', ':'])?;
    let head = &name[..colon];
    let n = head.chars().count();
    let rest = &name[colon + name[colon..].chars().next()?.len_utf8()..];
    let additive = head.ends_with('剂') || head.contains("添加");
    ((1..=10).contains(&n) && head.chars().all(is_han) && !additive && !rest.trim().is_empty())
        .then(|| name.len() - rest.trim_start().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A composite food's parts under 配料 (`饼皮：…` over `馅料：…`), a `［…］` bracket, and
    /// an item on the line after a closed bracket.
    #[test]
    fn chinese_parts_full_width_brackets_and_items_after_a_bracket() {
        let p = parse_ingredients_text(
            "配料：\n饼皮：小麦粉，花生油，枧水\n馅料：五仁馅（≥60%）［白砂糖，核桃仁］\n蛋液（鸡蛋）",
        );
        let names: Vec<&str> = p.items.iter().map(|i| i.name.as_str()).collect();
        // The parts' headings (饼皮, 馅料) are no ingredients (session 29).
        assert_eq!(names, ["小麦粉", "花生油", "枧水", "五仁馅", "蛋液"]);
        let subs: Vec<&str> = p.items[3]
            .ingredients
            .iter()
            .map(|i| i.name.as_str())
            .collect();
        assert_eq!(subs, ["白砂糖", "核桃仁"]);
        assert_eq!(p.items[4].ingredients[0].name, "鸡蛋");
        // A bracket on the next line is still the item's.
        let p = parse_ingredients_text("配料：五仁馅（≥60%）\n［白砂糖，核桃仁］，蛋液");
        assert_eq!(p.items[0].ingredients.len(), 2);
        assert_eq!(p.items[1].name, "蛋液");
    }

    /// A gift box's list, each food's part under its name: the names head the parts; a single
    /// heading, or an additive class before a colon, is left as printed.
    #[test]
    fn the_foods_of_a_pack_head_their_parts() {
        let p = parse_ingredients_text(
            "配料：开心果：开心果（≥97%），食用盐；奶油味夏威夷果：夏威夷果（≥90%），白砂糖",
        );
        let names: Vec<&str> = p.items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["开心果", "食用盐", "夏威夷果", "白砂糖"]);
        let p = parse_ingredients_text("配料：水，白砂糖，甜味剂：安赛蜜；防腐剂：山梨酸钾");
        let names: Vec<&str> = p.items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(
            names,
            ["水", "白砂糖", "甜味剂：安赛蜜", "防腐剂：山梨酸钾"]
        );
    }

    /// A list wrapped where the line was full: a name cut by the break is one name, its
    /// span the printed characters on both lines.
    #[test]
    fn a_name_cut_by_a_line_break_is_one_name() {
        let p = parse_ingredients_text("配料：生牛乳、白砂\n糖、嗜热\r\n链球菌");
        let names: Vec<&str> = p.items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["生牛乳", "白砂糖", "嗜热链球菌"]);
        let p =
            parse_ingredients_text("Ingredients: oat flakes (62%), sunflower\n  oil, honey (4%)");
        let names: Vec<&str> = p.items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["oat flakes", "sunflower oil", "honey"]);
        let p = parse_ingredients_text("Ingredients: wheat flour, palm \noil");
        assert_eq!(p.items[1].name, "palm oil");
        // A break after a separator is no part of the next name.
        let p = parse_ingredients_text("配料：水、\n白砂糖");
        assert_eq!(p.items[1].name, "白砂糖");
    }

    /// `ins_code` as it was written first (lowercasing and collecting), the reference for
    /// the version that reads the name in place.
    fn ins_code_reference(name: &str, subs: &[Ingredient]) -> Option<String> {
        let lower = name.trim().to_ascii_lowercase();
        let body = lower
            .strip_prefix("ins")
            .or_else(|| lower.strip_prefix('e'))
            .unwrap_or(&lower)
            .trim_start_matches([' ', '-', '.', ':']);
        let digits: String = body.chars().take_while(|c| c.is_ascii_digit()).collect();
        let tail = &body[digits.len()..];
        let roman = |s: &str| !s.is_empty() && s.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
        let (rest, variant) = if roman(tail) {
            ("", tail)
        } else if !tail.is_empty()
            && tail.is_char_boundary(1)
            && ('a'..='h').contains(&tail.chars().next().unwrap_or(' '))
            && (tail.len() == 1 || roman(&tail[1..]))
        {
            (&tail[..1], &tail[1..])
        } else if tail.is_empty() {
            ("", "")
        } else {
            return None;
        };
        let number: u32 = digits.parse().ok()?;
        if !(100..=1599).contains(&number) || digits.starts_with('0') {
            return None;
        }
        match subs {
            [] if !variant.is_empty() => Some(format!("{digits}{rest}({variant})")),
            [] => Some(format!("{digits}{rest}")),
            [only] if only.ingredients.is_empty() && roman(&only.name.to_ascii_lowercase()) => {
                Some(format!(
                    "{digits}{rest}({})",
                    only.name.to_ascii_lowercase()
                ))
            }
            _ => None,
        }
    }

    proptest::proptest! {
        #[test]
        fn ins_code_reads_names_as_the_reference_does(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "", " ", "\u{3000}", "INS", "ins", "In", "E", "e", "-", ".", ":", "0", "1", "3",
                "4", "5", "9", "160", "1599", "1600", "b", "B", "bb", "i", "é", "乳", "Ⅰ",
            ]), 0..6),
            sub in proptest::sample::select(vec!["", "i", "II", "iv", "Xi", "a", "牛", "ⅰ"]),
        ) {
            let name = parts.concat();
            proptest::prop_assert_eq!(ins_code(&name, &[]), ins_code_reference(&name, &[]));
            let subs = [Ingredient { name: sub.to_string(), ..Ingredient::default() }];
            proptest::prop_assert_eq!(ins_code(&name, &subs), ins_code_reference(&name, &subs));
        }
    }

    #[test]
    fn ins_code_examples() {
        for (name, want) in [
            ("322", Some("322")),
            ("E471", Some("471")),
            ("INS 150c", Some("150c")),
            ("500ii", Some("500(ii)")),
            ("E450i", Some("450(i)")),
            ("160aii", Some("160a(ii)")),
            ("160z", None),
            ("ins-160B", Some("160b")),
            ("2023", None),
            ("0322", None),
            ("30", None),
            ("é100", None),
            ("乳化剂", None),
        ] {
            assert_eq!(ins_code(name, &[]).as_deref(), want, "{name}");
        }
        let roman = [Ingredient {
            name: "I".into(),
            ..Ingredient::default()
        }];
        assert_eq!(ins_code("452", &roman).as_deref(), Some("452(i)"));
    }

    #[test]
    fn ins_numbers_in_brackets_are_additives_named_by_class() {
        let p = parse_ingredients_text(
            "配料：水，乳化剂（322，476），着色剂(160b)，增稠剂（INS 407），酸度调节剂(E330)，稳定剂(452(i))",
        );
        let heading = &p.items[1];
        assert_eq!(heading.additive_form.as_deref(), Some("class_plus_ins"));
        assert_eq!(heading.function_class.as_deref(), Some("乳化剂"));
        let codes: Vec<_> = p.items[1..]
            .iter()
            .flat_map(|h| {
                h.ingredients
                    .iter()
                    .map(|i| i.ins.clone().unwrap_or_default())
            })
            .collect();
        assert_eq!(codes, ["322", "476", "160b", "407", "330", "452(i)"]);
        assert!(p.items[1]
            .ingredients
            .iter()
            .all(|i| i.additive == Some(true)));
        // Names, shares, years and out-of-range numbers are not INS numbers.
        for t in [
            "配料：牛肉（产地：内蒙古）",
            "配料：海盐(30)",
            "配料：年份酒(2023)",
            "配料：稳定剂（果胶）",
        ] {
            let p = parse_ingredients_text(t);
            assert!(p.items[0].additive_form.is_none(), "{t}");
            assert!(
                p.items[0].ingredients.iter().all(|i| i.ins.is_none()),
                "{t}"
            );
        }
        // A name next to numbers keeps its name; the numbers are still read.
        let p = parse_ingredients_text("着色剂（102，红曲红）");
        assert_eq!(p.items[0].ingredients[0].ins.as_deref(), Some("102"));
        assert_eq!(p.items[0].ingredients[1].ins, None);
    }

    #[test]
    fn names_written_with_a_separator_stay_one_item() {
        let p = parse_ingredients_text(
            "配料：小麦粉，乳化剂（单、双甘油脂肪酸酯，辛，癸酸甘油酯），水",
        );
        let names: Vec<_> = p.items[1]
            .ingredients
            .iter()
            .map(|i| i.name.as_str())
            .collect();
        assert_eq!(names, ["单、双甘油脂肪酸酯", "辛，癸酸甘油酯"]);
        assert_eq!(p.items.len(), 3);
    }

    #[test]
    fn lead_words_in_brackets_or_before_a_blank() {
        let p = parse_ingredients_text("【配料】生牛乳、白砂糖");
        assert_eq!(p.lead_word.as_deref(), Some("配料"));
        assert_eq!(p.items.len(), 2);
        assert_eq!(p.items[0].name, "生牛乳");
        let p = parse_ingredients_text("[配料表]：水");
        assert_eq!(p.lead_word.as_deref(), Some("配料表"));
        assert_eq!(p.items[0].name, "水");
        let p = parse_ingredients_text("配料表\n小麦粉、水");
        assert_eq!(p.lead_word.as_deref(), Some("配料表"));
        assert_eq!(p.items[0].name, "小麦粉");
        // A list that starts with an ingredient is no lead word.
        let p = parse_ingredients_text("配料粉 水");
        assert_eq!(p.lead_word, None);
        // A translation in brackets beside the lead word (GB 7718 3.8.2).
        for t in [
            "配料（Ingredients）：生牛乳、白砂糖",
            "Ingredients (配料): 生牛乳、白砂糖",
        ] {
            let p = parse_ingredients_text(t);
            assert!(p.lead_word.is_some(), "{t}");
            assert_eq!(p.items.len(), 2, "{t}");
            assert_eq!(p.items[0].name, "生牛乳", "{t}");
        }
        // A bracket that is not one translated word before the colon is no lead word.
        for t in [
            "奶油（含乳、糖）：奶油、糖",
            "牛肉（内蒙古）：白砂糖、食用盐",
        ] {
            assert_eq!(parse_ingredients_text(t).lead_word, None, "{t}");
        }
    }

    #[test]
    fn long_lead_words_up_to_a_colon() {
        for (t, word) in [
            ("List of ingredients: milk, sugar", "List of ingredients"),
            ("Ingrédients : lait, sucre", "Ingrédients"),
            ("Ingrediënten: melk, suiker", "Ingrediënten"),
        ] {
            let p = parse_ingredients_text(t);
            assert_eq!(p.lead_word.as_deref(), Some(word), "{t}");
            assert_eq!(p.items.len(), 2, "{t}");
        }
        // A colon after a separator belongs to an item, not to a lead word.
        let p = parse_ingredients_text("milk, sugar: cane");
        assert_eq!(p.lead_word, None);
    }

    #[test]
    fn threshold_statement_splits_the_tail() {
        let t = "Ingredients: oats, sugar, contains 2% or less of: salt, soy lecithin (emulsifier), natural flavor.";
        let p = parse_ingredients_text(t);
        let st = p.threshold_statement.as_ref().expect("statement read");
        assert_eq!(st.percent.0, Decimal::from(2));
        assert_eq!(st.form, "or_less");
        assert_eq!(st.text, "contains 2% or less of:");
        let names: Vec<_> = p.items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(
            names,
            ["oats", "sugar", "salt", "soy lecithin", "natural flavor"]
        );
        let groups: Vec<_> = p.items.iter().map(|i| i.threshold_group).collect();
        assert_eq!(groups[..2], [None, None]);
        assert!(groups[2..]
            .iter()
            .all(|g| *g == Some(Dec(Decimal::from(2)))));
        // Spans still point at the printed characters.
        assert_eq!(p.items[2].span.as_ref().unwrap().text, "salt");
        let chars: Vec<char> = t.chars().collect();
        let sp = st.span.as_ref().unwrap();
        assert_eq!(chars[sp.start..sp.end].iter().collect::<String>(), st.text);

        let p = parse_ingredients_text(
            "Ingredients: water, sugar, less than 1.5% of each of the following: salt, citric acid",
        );
        let st = p.threshold_statement.as_ref().expect("statement read");
        assert_eq!(st.form, "less_than");
        assert_eq!(st.percent.0, "1.5".parse::<Decimal>().unwrap());
        assert_eq!(p.items.len(), 4);
        assert_eq!(p.items[2].name, "salt");

        // Inside brackets, or without a percentage, it is no statement.
        for t in [
            "Ingredients: seasoning (contains 2% or less of salt), oats",
            "Ingredients: oats, contains: milk",
            "配料：生牛乳、白砂糖",
        ] {
            let p = parse_ingredients_text(t);
            assert!(p.threshold_statement.is_none(), "{t}");
            assert!(p.items.iter().all(|i| i.threshold_group.is_none()), "{t}");
        }
    }

    #[test]
    fn a_printed_bound_is_recorded() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let c = |s: &str| s.chars().collect::<Vec<char>>();
        assert_eq!(share_of(&c("5%")), Some((d("5"), None)));
        assert_eq!(share_of(&c("约5%")), Some((d("5"), None)));
        assert_eq!(share_of(&c("≥80%")), Some((d("80"), Some("min"))));
        assert_eq!(share_of(&c("不低于 80 %")), Some((d("80"), Some("min"))));
        assert_eq!(share_of(&c("Min. 3%")), Some((d("3"), Some("min"))));
        assert_eq!(share_of(&c("8%以下")), Some((d("8"), Some("max"))));
        assert_eq!(share_of(&c("不超过8%")), Some((d("8"), Some("max"))));
        assert_eq!(share_of(&c("≥20%，以原汁计")), Some((d("20"), Some("min"))));
        assert_eq!(share_of(&c("20%，苹果汁")), None);
        assert_eq!(share_of(&c("minimum 5%")), None);
        let t = "配料：生牛乳（不低于80%）、白砂糖（6%）、燕麦粉（≦8％）、核桃仁（5%以上）";
        let p = parse_ingredients_text(t);
        let got: Vec<(&str, String, Option<&str>)> = p
            .items
            .iter()
            .map(|i| {
                (
                    i.name.as_str(),
                    i.percent.map(|d| d.0.to_string()).unwrap_or_default(),
                    i.percent_bound.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("生牛乳", "80".to_string(), Some("min")),
                ("白砂糖", "6".to_string(), None),
                ("燕麦粉", "8".to_string(), Some("max")),
                ("核桃仁", "5".to_string(), Some("min")),
            ]
        );
    }

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

    #[test]
    fn full_width_and_chinese_decimal_shares_are_read() {
        let p = parse_ingredients_text(
            "配料：生牛乳（８０％）、水（１０．５％）、白砂糖５％、燕麦粉 2。5%",
        );
        let got: Vec<_> = p
            .items
            .iter()
            .map(|i| (i.name.as_str(), i.percent.map(|d| d.0.to_string())))
            .collect();
        assert_eq!(
            got,
            [
                ("生牛乳", Some("80".to_string())),
                ("水", Some("10.5".to_string())),
                ("白砂糖", Some("5".to_string())),
                ("燕麦粉", Some("2.5".to_string())),
            ]
        );
        // Spans point at the printed (full-width) characters.
        assert_eq!(p.items[1].span.as_ref().unwrap().text, "水（１０．５％）");
    }

    #[test]
    fn impossible_or_unreadable_shares_are_reported_with_spans() {
        let t = "配料：白砂糖(300%)、水（-80%）、燕麦粉（％）、盐150%、油-5%";
        let p = parse_ingredients_text(t);
        let chars: Vec<char> = t.chars().collect();
        let got: Vec<_> = p
            .items
            .iter()
            .map(|i| {
                assert!(i.ingredients.is_empty() && i.percent.is_none(), "{i:?}");
                let u = &i.unparsed[0];
                assert_eq!(
                    chars[u.span.start..u.span.end].iter().collect::<String>(),
                    u.text
                );
                (i.name.as_str(), u.text.as_str(), u.reason.as_str())
            })
            .collect();
        assert_eq!(
            got,
            [
                ("白砂糖", "300%", "percent_out_of_range"),
                ("水", "-80%", "percent_out_of_range"),
                ("燕麦粉", "％", "percent_without_number"),
                ("盐", "150%", "percent_out_of_range"),
                ("油", "-5%", "percent_out_of_range"),
            ]
        );
    }

    /// Reg. (EU) 2018/775 Art 2: the origin of the primary ingredient printed in the list,
    /// as an area ('EU', 'non-EU', 'EU and non-EU'), a country, or '(ingredient) does not
    /// originate from (place)'; the share printed with it is still the item's share.
    #[test]
    fn origin_of_an_ingredient_in_its_brackets() {
        let d = |s: &str| Some(Dec(s.parse::<Decimal>().unwrap()));
        for (t, origin, percent) in [
            (
                "Ingredients: wheat flour (55%, wheat from EU and non-EU), sugar",
                "EU and non-EU",
                d("55"),
            ),
            (
                "Ingredients: wheat flour (55 %) (wheat does not originate from Ireland), sugar",
                "wheat does not originate from Ireland",
                d("55"),
            ),
            (
                "Ingredients: wheat flour 55% (EU and non-EU), sugar",
                "EU and non-EU",
                d("55"),
            ),
            ("Ingredients: wheat flour (origin: EU), sugar", "EU", None),
            ("Ingredients: tomatoes (from Spain), sugar", "Spain", None),
            (
                "Ingredients: wheat flour (origin of the wheat: EU and non-EU) 55%, sugar",
                "EU and non-EU",
                d("55"),
            ),
            (
                "Ingredients: wheat flour (55%; origin of the wheat EU and non-EU), sugar",
                "EU and non-EU",
                d("55"),
            ),
            (
                "Ingredients: wheat flour (min. 55%, wheat grown in Canada), sugar",
                "Canada",
                d("55"),
            ),
            (
                "Ingredients: pork (60%) (from the Netherlands), salt",
                "the Netherlands",
                d("60"),
            ),
            ("Ingredients: milk (non-EU), sugar", "non-EU", None),
            ("Ingredients: cocoa (EU/non-EU), sugar", "EU/non-EU", None),
            (
                "Ingredients: pork (60%, EU origin), salt",
                "EU",
                None.or(d("60")),
            ),
            (
                "Ingredients: tomatoes (55%, tomatoes not from Italy), salt",
                "tomatoes not from Italy",
                d("55"),
            ),
        ] {
            let p = parse_ingredients_text(t);
            let first = &p.items[0];
            assert_eq!(first.origin.as_deref(), Some(origin), "{t}");
            assert_eq!(first.percent, percent, "{t}");
            assert!(first.ingredients.is_empty(), "{t}: {:?}", first.ingredients);
            assert_eq!(first.compound, None, "{t}");
            assert_eq!(p.items.len(), 2, "{t}");
            assert_eq!(p.items[1].origin, None, "{t}");
        }
        assert_eq!(
            parse_ingredients_text("wheat flour (55%, wheat from EU and non-EU)").items[0].name,
            "wheat flour"
        );
        // A source, a process or a sub-ingredient list is no origin: sub-ingredients as
        // before.
        for (t, subs) in [
            ("glucose syrup (from wheat)", vec!["from wheat"]),
            ("glucose syrup (from WHEAT)", vec!["from WHEAT"]),
            ("Glucose Syrup (From Corn)", vec!["From Corn"]),
            ("orange juice (from concentrate)", vec!["from concentrate"]),
            ("gelatine (bovine origin)", vec!["bovine origin"]),
            ("gelatine (origin: pork)", vec!["origin: pork"]),
            ("glucose syrup (from Wheat)", vec!["from Wheat"]),
            (
                "cocoa mass (from Rainforest Alliance certified farms)",
                vec!["from Rainforest Alliance certified farms"],
            ),
            (
                "chocolate (sugar, cocoa butter, EU)",
                vec!["sugar", "cocoa butter", "EU"],
            ),
            ("牛肉（产地：内蒙古）", vec!["产地：内蒙古"]),
        ] {
            let p = parse_ingredients_text(t);
            assert_eq!(p.items[0].origin, None, "{t}");
            let names: Vec<_> = p.items[0]
                .ingredients
                .iter()
                .map(|i| i.name.as_str())
                .collect();
            assert_eq!(names, subs, "{t}");
        }
        // Statements and places are read only as whole parts of the bracket.
        assert!(origin_wording("originates from France").is_none_or(|o| o == "France"));
        assert_eq!(
            origin_wording("wheat originates from France").as_deref(),
            Some("France")
        );
        assert_eq!(
            origin_wording("from Côte d'Ivoire").as_deref(),
            Some("Côte d'Ivoire")
        );
        assert_eq!(
            origin_wording("from Bosnia and Herzegovina").as_deref(),
            Some("Bosnia and Herzegovina")
        );
        assert_eq!(origin_wording("from the UK").as_deref(), Some("the UK"));
        assert_eq!(
            origin_wording("country of origin: Spain").as_deref(),
            Some("Spain")
        );
        assert_eq!(origin_wording("from 2 farms"), None);
    }

    proptest::proptest! {
        /// Origin wordings in brackets never break the parse: spans stay in the text and
        /// an origin is read only where a bracket's every part is a share or an origin.
        #[test]
        fn origin_brackets_never_break_the_parse(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "wheat", " ", "(", ")", "（", "）", ",", "、", "55%", "*", "¹", "from ", "Spain",
                "EU", "non-EU", " and ", "origin", ": ", "of the ", "does not originate from ",
                "Ireland", "İ", "\u{212a}", "ORİGIN", " origin", "产地：", "内蒙古", "d'Ivoire",
            ]), 0..14),
        ) {
            let t = parts.concat();
            crate::fuzzing::ingredients_text(&t);
            for item in parse_ingredients_text(&t).items {
                if item.origin.is_some() {
                    proptest::prop_assert!(item.span.unwrap().text.contains(['(', '（']));
                }
            }
        }
    }

    /// EU 1169/2011 Annex VIII 3(b): the quantity appears 'in the list of ingredients in
    /// connection with the ingredient' — `oats* (8%)` as well as `oats (8%)*`: a footnote
    /// marker (organic ingredients, Reg. (EU) 2018/848 Art 30(5)(b)) is not part of the name.
    #[test]
    fn a_footnote_marker_before_the_share() {
        let t = "Ingredients: wheat flour* (45%), sugar, oats* (8%), oats¹ 7%, barley (6%)*, rye 5%*, salt**, *Organic";
        let p = parse_ingredients_text(t);
        let got: Vec<_> = p
            .items
            .iter()
            .map(|i| (i.name.as_str(), i.percent.map(|d| d.0.to_string())))
            .collect();
        assert_eq!(
            got,
            [
                ("wheat flour", Some("45".to_string())),
                ("sugar", None),
                ("oats", Some("8".to_string())),
                ("oats", Some("7".to_string())),
                ("barley", Some("6".to_string())),
                ("rye", Some("5".to_string())),
                ("salt", None),
                ("*Organic", None),
            ]
        );
        // The span still covers the printed item, marker and all.
        assert_eq!(p.items[2].span.as_ref().unwrap().text, "oats* (8%)");
        // A name that is only a marker stays as printed.
        assert_eq!(parse_ingredients_text("水、*").items[1].name, "*");
        // An unreadable share after a marker is still reported at its characters.
        let t = "oats* 300%";
        let p = parse_ingredients_text(t);
        assert_eq!(p.items[0].name, "oats");
        assert_eq!(p.items[0].unparsed[0].text.trim(), "300%");
    }

    #[test]
    fn a_declaration_that_yields_nothing_has_no_items() {
        for t in ["配料：", "配料：（）", "配料： 、 ", "配料表：()"] {
            assert!(parse_ingredients_text(t).items.is_empty(), "{t}");
        }
    }
}

//! Parser for printed fibre-content text:
//! `面料：80%山羊绒 20%绵羊毛；里料：100%聚酯纤维`, `纯山羊绒`, `羊毛 70% 锦纶 30%`,
//! `Shell: 80% Wool, 20% Nylon; Lining: 100% Polyester`, `100% Cotton exclusive of decoration`.
//!
//! Produces components (a part label before a colon starts one; `；`, `;` and line breaks
//! separate them) with their fibres in printed order, each with its character span in the
//! original text. A percentage may stand before or after the fibre name — the first token of a
//! component decides which, for the whole component. `纯` / `全` / `pure` / `all` before a
//! name, or a single fibre at 100 %, set the component's `wording`. `含微量X` is a trace fibre;
//! bracketed or trailing `…除外` / `exclusive of …` are statements; other bracketed words
//! right after a name are its descriptor (`棉(丝光)`).
//!
//! The parser never fails and never guesses: a percentage with no fibre, a number without a
//! percent sign, a percentage over 100 or an unexpected sign becomes an entry of `unparsed`
//! with its span.

use super::fibre::{Fibre, FibreComponent, UnparsedToken};
use super::Dec;
use crate::report::{CharIndex, Span};
use rust_decimal::Decimal;

/// The result of parsing printed fibre-content text.
#[derive(Clone, Debug, Default)]
pub struct ParsedFibres {
    /// Components in printed order; each keeps the tokens of its own text it could not read
    /// in `unparsed` (a part label with nothing after it is a component with one such token).
    pub components: Vec<FibreComponent>,
    /// Every unreadable token of the text, in order (the components' lists, flattened).
    pub unparsed: Vec<UnparsedToken>,
}

const FIELD: &str = "/fibre_content/text";
const OPEN: &[char] = &['(', '（', '[', '【', '〔'];
const CLOSE: &[char] = &[')', '）', ']', '】', '〕'];
const COMPONENT_SEPS: &[char] = &['；', ';'];
const SEPS: &[char] = &[',', '，', '、', '/', '+', '。', '.', '|', '＋', '／'];
/// Words before a colon that introduce the whole statement rather than name a part.
const LEAD_WORDS: &[&str] = &[
    "纤维含量",
    "纤维成分",
    "成分",
    "成份",
    "含量",
    "材质",
    "面料成分及含量",
    "composition",
    "fibre content",
    "fiber content",
    "content",
    "material",
    "materials",
];

/// The usual names of a garment's parts (GB/T 29862 6 declares them apart): read as a part
/// label before the part's fibres even without a colon.
const PART_NAMES: &[&str] = &[
    "面料",
    "里料",
    "填充物",
    "填充料",
    "衬里",
    "里布",
    "胆料",
    "罗纹",
    "袖里",
    "帽里",
    "主料",
    "表布",
    "底布",
    "网布",
    // A spliced garment's parts (GB/T 29862 6.8: each declared apart), printed the same way:
    // `大身 100%聚酯纤维  袖子 65%棉 35%聚酯纤维` (blind audit, session 28).
    "大身",
    "主体",
    "衣身",
    "裤身",
    "袖子",
    "前片",
    "后片",
    "侧片",
    "帽子",
    "领子",
    "衣领",
    "口袋",
    "拼接",
    "拼接部分",
    "拼料",
    "下摆",
    "育克",
    "裤腿",
    "裙摆",
    "上衣",
    "裤子",
    "裙子",
];

/// Words printed before a fibre name that say the product is of that fibre alone — the
/// "pure" / "all" wording in the language versions of EU Reg. 1007/2011 Art 7(1) (EN '100 %',
/// 'pure', 'all'; DE „rein", „ganz"; FR « pur », « tout »; NL 'zuiver', 'puur'; IT 'puro',
/// 'tutto'; ES 'puro', 'todo') and their inflected forms, lower case. The word is the
/// component's `wording`, not part of the fibre's name (`Reine Schurwolle` is Schurwolle).
pub const PURE_WORDS: &[&str] = &[
    "pure",
    "all", // en (also fr pure)
    "rein",
    "reine",
    "reiner",
    "reines",
    "reinem",
    "reinen",
    "ganz", // de
    "pur",
    "tout",
    "toute", // fr
    "puro",
    "pura",
    "tutto",
    "tutta", // it (puro, pura also es, pt)
    "todo",
    "toda", // es
    "zuiver",
    "zuivere",
    "puur", // nl
    // Unverified (recalled, not read in the language versions of Art 7(1)): the adjective
    // 'pure' of the other official languages in its inflected forms (blind audit 18b
    // nonfood2 §A). pt/es/it puro/pura and fr pur are above.
    "czysty",
    "czysta",
    "czyste", // pl
    "čistý",
    "čistá",
    "čisté", // cs, sk
    "čista",
    "čisti",
    "čisto", // hr, sl
    "ren",
    "rent",
    "rena",
    "rene", // sv, da
    "puhdas",
    "puhdasta", // fi
    "tiszta",   // hu
    "puhas",    // et
    "tīra",
    "tīrs", // lv
    "grynas",
    "gryna", // lt
    "καθαρό",
    "καθαρή",
    "καθαρός", // el
    "чист",
    "чиста",
    "чисто", // bg
];

/// Down-content labels (GB/T 29862 6.7): `含绒量90%` is a statement, not a fibre.
const DOWN_LABELS: &[&str] = &["含绒量", "绒子含量"];

#[derive(Debug, Clone)]
enum Tok {
    Pct(Decimal),
    Num,
    Word(String),
    Bracket(String),
    Colon,
    ComponentSep,
    /// A line break: it ends a component only before a part label (fibres are often printed
    /// one per line: `80% Cotton` / `20% Nylon`).
    LineBreak,
    Other,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

struct Text<'a> {
    index: &'a CharIndex,
}

impl Text<'_> {
    fn span(&self, start: usize, end: usize) -> Span {
        self.index.span(FIELD, start, end)
    }

    fn unparsed(&self, start: usize, end: usize, reason: &str) -> UnparsedToken {
        let span = self.span(start, end);
        UnparsedToken {
            text: span.text.clone(),
            reason: reason.into(),
            span,
        }
    }
}

/// A letter of a script that separates words by spaces: Latin (with its accented and
/// extended letters), Greek, Cyrillic. Not Han, kana or Hangul (from U+2E80 up).
fn spaced_letter(c: char) -> bool {
    c.is_alphabetic() && (c as u32) < 0x2E80
}

fn is_word_char(c: char) -> bool {
    (c.is_alphabetic() && !OPEN.contains(&c) && !CLOSE.contains(&c))
        || matches!(c, '-' | '\'' | '’' | '®' | '™' | '·')
}

/// Parses `text` (the value of `/fibre_content/text`).
pub fn parse_fibre_text(text: &str) -> ParsedFibres {
    let index = CharIndex::new(text);
    let chars = index.chars();
    let t = Text { index: &index };
    // Full-width digits, point and percent sign read as ASCII, one character for one, so
    // every span still points at the printed characters (`１００％山羊绒`).
    let read: Vec<char> = chars
        .iter()
        .map(|&c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '％' => '%',
            c => c,
        })
        .collect();
    let tokens = tokenise(&read);
    let mut out = ParsedFibres::default();

    // Group tokens into components.
    let mut part: Option<(String, usize, usize)> = None;
    let mut body: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let tk = &tokens[i];
        match &tk.tok {
            Tok::ComponentSep => {
                flush(&t, part.take(), std::mem::take(&mut body), &mut out);
            }
            // `【面料】棉97% 氨纶3%`: a bracketed part name at the start of a line (or of the
            // text) is a part label.
            Tok::Bracket(inner)
                if bracket_part(inner)
                    && (i == 0
                        || matches!(tokens[i - 1].tok, Tok::LineBreak | Tok::ComponentSep))
                    && matches!(
                        tokens.get(i + 1).map(|t| &t.tok),
                        Some(Tok::Pct(_) | Tok::Word(_))
                    ) =>
            {
                flush(&t, part.take(), std::mem::take(&mut body), &mut out);
                part = Some((inner.clone(), tk.start, tk.end));
            }
            Tok::LineBreak => {
                let next = tokens[i + 1..]
                    .iter()
                    .position(|t| !matches!(t.tok, Tok::LineBreak))
                    .map(|k| i + 1 + k);
                let part_next = next.is_some_and(|k| {
                    (matches!(tokens[k].tok, Tok::Word(_))
                        && matches!(tokens.get(k + 1).map(|t| &t.tok), Some(Tok::Colon))
                        && !fibre_colon_percent(&tokens, k))
                        || matches!(&tokens[k].tok, Tok::Bracket(inner) if bracket_part(inner))
                });
                if part_next {
                    flush(&t, part.take(), std::mem::take(&mut body), &mut out);
                }
            }
            // `山羊绒：70%`: a fibre, a colon and its percentage, not a part label — the
            // percentage ends the component or is followed by the next such pair.
            Tok::Word(_) if fibre_colon_percent(&tokens, i) => {
                body.push(tk.clone());
                body.push(tokens[i + 2].clone());
                i += 3;
                continue;
            }
            Tok::Word(w) if matches!(tokens.get(i + 1).map(|n| &n.tok), Some(Tok::Colon)) => {
                let lead = LEAD_WORDS.contains(&w.to_lowercase().as_str());
                // `面料/Shell：`: a part label printed in two languages is one label.
                let paired = match body.last() {
                    Some(
                        prev @ Token {
                            tok: Tok::Word(p), ..
                        },
                    ) if !lead
                        && has_cjk(p) != has_cjk(w)
                        && read[prev.end..tk.start]
                            .iter()
                            .all(|c| matches!(c, '/' | '／' | ' ' | '\u{3000}')) =>
                    {
                        Some((format!("{p}/{w}"), prev.start, 1))
                    }
                    // `里  料：`: a part label set out with blanks between its characters (as
                    // `面  料` and `品  名` are printed) is one label.
                    Some(
                        prev @ Token {
                            tok: Tok::Word(p), ..
                        },
                    ) if !lead
                        && p.chars().all(|c| has_cjk(&c.to_string()))
                        && w.chars().all(|c| has_cjk(&c.to_string()))
                        && p.chars().count() + w.chars().count() <= 4
                        && read[..prev.start]
                            .iter()
                            .rev()
                            .find(|c| !matches!(c, ' ' | '\u{3000}'))
                            .is_none_or(|c| matches!(c, '\n' | '\r' | '；' | ';'))
                        && read[prev.end..tk.start]
                            .iter()
                            .all(|c| matches!(c, ' ' | '\u{3000}')) =>
                    {
                        Some((format!("{p}{w}"), prev.start, 1))
                    }
                    _ if !lead => slashed_label(&read, &body, w, tk.start),
                    _ => None,
                };
                if let Some((label, start, words)) = paired {
                    for _ in 0..words {
                        body.pop();
                    }
                    flush(&t, part.take(), std::mem::take(&mut body), &mut out);
                    part = Some((label, start, tk.end));
                } else if !(lead && part.is_none() && body.is_empty()) {
                    flush(&t, part.take(), std::mem::take(&mut body), &mut out);
                    if !lead {
                        part = Some((w.clone(), tk.start, tk.end));
                    }
                }
                i += 2;
                continue;
            }
            Tok::Colon => {}
            // `成分 Composition` over `棉 Cotton 100%`: the heading's translation, alone at the
            // start before a line break, is no fibre (GB/T 29862 4.10: other languages may be
            // added; blind audit, session 28).
            Tok::Word(w)
                if i == 0
                    && LEAD_WORDS.contains(&w.to_lowercase().as_str())
                    && matches!(tokens.get(i + 1).map(|n| &n.tok), Some(Tok::LineBreak)) => {}
            // `EN 70% polyamide` / `FR 70% polyamide`: a language's code at the start of a
            // line, before a share, is no fibre (a multilingual label, EU 1007/2011 Art 16(3)).
            Tok::Word(w)
                if w.len() == 2
                    && w.chars().all(|c| c.is_ascii_uppercase())
                    && (i == 0 || matches!(tokens[i - 1].tok, Tok::LineBreak))
                    && matches!(tokens.get(i + 1).map(|n| &n.tok), Some(Tok::Pct(_))) => {}
            // `面料 棉100% 填充物 聚酯纤维100%`: a part's usual name before its fibres, with no
            // colon, on one line (GB/T 29862 6: the parts declared apart).
            Tok::Word(w)
                if PART_NAMES.contains(&w.as_str())
                    && match tokens.get(i + 1).map(|n| &n.tok) {
                        Some(Tok::Pct(_)) => true,
                        Some(Tok::Word(_)) => {
                            matches!(tokens.get(i + 2).map(|n| &n.tok), Some(Tok::Pct(_)))
                        }
                        _ => false,
                    } =>
            {
                flush(&t, part.take(), std::mem::take(&mut body), &mut out);
                part = Some((w.clone(), tk.start, tk.end));
            }
            _ => body.push(tk.clone()),
        }
        i += 1;
    }
    flush(&t, part.take(), body, &mut out);
    fold_translated_components(&t, &mut out);
    out
}

/// `Shell / Extérieur / Obermaterial:`, `Main fabric / Tissu principal:`: a part label in
/// several languages parted by slashes, opening its line (EU 1007/2011 Art 16(3): the
/// languages of the Member States; a multilingual sewn-in label). The words of `body` before
/// `w` that make it, when there is a slash among the gaps: the label, its start, and how many
/// words of `body` it takes.
fn slashed_label(
    read: &[char],
    body: &[Token],
    w: &str,
    w_start: usize,
) -> Option<(String, usize, usize)> {
    let mut k = body.len();
    let mut start = w_start;
    let mut parts: Vec<String> = vec![w.to_string()];
    let mut slash = false;
    // A label of a few words at most: the walk back stops there, so a long run of words
    // before many colons stays linear.
    while k > 0 && parts.len() < 15 {
        let Tok::Word(p) = &body[k - 1].tok else {
            break;
        };
        let gap = &read[body[k - 1].end..start];
        if !gap
            .iter()
            .all(|c| matches!(c, '/' | '／' | ' ' | '\u{3000}'))
            || gap.len() > 4
        {
            break;
        }
        let sep = gap.iter().any(|c| matches!(c, '/' | '／'));
        slash |= sep;
        parts.push(if sep { "/".into() } else { " ".into() });
        parts.push(p.clone());
        start = body[k - 1].start;
        k -= 1;
    }
    let line_start = read[..start]
        .iter()
        .rev()
        .find(|c| !matches!(c, ' ' | '\u{3000}'))
        .is_none_or(|c| matches!(c, '\n' | '\r' | '；' | ';'));
    if !slash || k == body.len() || !line_start || parts.len() > 15 {
        return None;
    }
    parts.reverse();
    Some((parts.concat(), start, body.len() - k))
}

/// Whether the word at `i` is followed by a colon and a percentage that ends its component
/// or is followed by another word-colon-percentage (`山羊绒：70%，绵羊毛：30%`).
fn fibre_colon_percent(tokens: &[Token], i: usize) -> bool {
    let is = |k: usize, f: fn(&Tok) -> bool| tokens.get(k).map(|t| f(&t.tok)).unwrap_or(false);
    if !is(i + 1, |t| matches!(t, Tok::Colon)) || !is(i + 2, |t| matches!(t, Tok::Pct(_))) {
        return false;
    }
    match tokens.get(i + 3).map(|t| &t.tok) {
        None | Some(Tok::ComponentSep) => true,
        Some(Tok::Word(_)) => {
            is(i + 4, |t| matches!(t, Tok::Colon)) && is(i + 5, |t| matches!(t, Tok::Pct(_)))
        }
        _ => false,
    }
}

/// `100% Schurwolle / 100% laine vierge`, `棉60% 聚酯纤维40% / Cotton 60% Polyester 40%`:
/// the same declaration printed again in other languages, in one component. When the fibres
/// split into equal groups with the same percentages in the same order, the first group
/// adding up to 100 %, and no pair of corresponding names both in Chinese characters (a
/// Chinese label states its fibres once; its translations are in other scripts), the later
/// groups are the first one's translations: their names become its fibres' glosses.
fn fold_repeated_groups(fibres: &mut Vec<Fibre>) {
    let n = fibres.len();
    if n < 2
        || fibres
            .iter()
            .any(|f| f.trace.is_some() || f.percent.is_none())
    {
        return;
    }
    let pct = |f: &Fibre| f.percent.map(|d| d.0).unwrap_or_default();
    for g in 1..=n / 2 {
        if n % g != 0 {
            continue;
        }
        let first = &fibres[..g];
        if first.iter().map(pct).sum::<Decimal>() != Decimal::ONE_HUNDRED {
            continue;
        }
        let same = fibres[g..].chunks(g).all(|group| {
            group
                .iter()
                .zip(first)
                .all(|(y, x)| pct(y) == pct(x) && !(has_cjk(&x.name) && has_cjk(&y.name)))
        });
        // One language's list names each fibre once.
        let distinct = fibres.chunks(g).all(|group| {
            let mut names: Vec<String> = group.iter().map(|f| f.name.to_lowercase()).collect();
            names.sort();
            names.windows(2).all(|w| w[0] != w[1])
        });
        if !same || !distinct {
            continue;
        }
        let rest: Vec<Fibre> = fibres.drain(g..).collect();
        for group in rest.chunks(g) {
            for (x, y) in fibres.iter_mut().zip(group) {
                x.gloss = Some(match x.gloss.take() {
                    Some(before) => format!("{before}/{}", y.name),
                    None => y.name.clone(),
                });
            }
        }
        return;
    }
}

/// Whether the text printed between two fibres of a component holds a translation
/// separator (`/`, `／`, `|`, a dash) and no list separator (line break, comma, `、`): in
/// `80% cotton / 80% coton / 80% Baumwolle` the names are language versions of one fibre.
fn translation_gap(t: &Text<'_>, a: &Fibre, b: &Fibre) -> bool {
    let (Some(x), Some(y)) = (&a.span, &b.span) else {
        return false;
    };
    let Some(gap) = t.index.chars().get(x.end..y.start) else {
        return false;
    };
    gap.iter()
        .any(|c| matches!(c, '/' | '／' | '|' | '-' | '–' | '—'))
        && !gap
            .iter()
            .any(|c| matches!(c, '\n' | '\r' | ',' | '，' | '、' | ';' | '；'))
}

/// `80%聚酯纤维/聚酰胺纤维复合纤维`: a composite (bicomponent) fibre is named by its
/// components separated by `/`, then 复合纤维 (GB/T 29862 Annex B, PARTIAL–SOLID in
/// cn-nonfood.md): the slash joins one name, not a fibre and its translation or a second
/// fibre. Joined back when the name after the slash ends in 复合纤维 and has no percentage of
/// its own, and only a slash stands between the two (blind audit, session 28).
fn fold_composite_names(t: &Text<'_>, fibres: &mut Vec<Fibre>) {
    let mut k = 1;
    while k < fibres.len() {
        let joins = fibres[k].name.ends_with("复合纤维")
            && fibres[k].percent.is_none()
            && fibres[k].trace.is_none()
            && fibres[k - 1].gloss.is_none()
            && has_cjk(&fibres[k - 1].name)
            && match (&fibres[k - 1].span, &fibres[k].span) {
                (Some(a), Some(b)) if a.end <= b.start => {
                    let between: String = t.index.chars()[a.end..b.start].iter().collect();
                    matches!(between.trim(), "/" | "／")
                }
                _ => false,
            };
        if joins {
            let y = fibres.remove(k);
            let x = &mut fibres[k - 1];
            x.name = format!("{}/{}", x.name, y.name);
            if let (Some(a), Some(b)) = (&x.span, &y.span) {
                x.span = Some(t.span(a.start, b.end));
            }
        } else {
            k += 1;
        }
    }
}

/// `90%白鸭绒 10%白鸭毛/WHITE DUCK DOWN 90% WHITE DUCK FEATHER 10%`: a Chinese list with the
/// percentages first, then the same list in a Latin script with the percentages after the
/// names (GB/T 29862 4.10: other languages may be added). The second list is taken out of the
/// tokens and returned as the glosses of the first list's fibres, in order, when it has as
/// many fibres with the same percentages; otherwise the tokens are left as they are.
fn split_trailing_translation(body: Vec<Token>) -> (Vec<Token>, Option<Vec<String>>) {
    let word = |tk: &Token| match &tk.tok {
        Tok::Word(w) => Some(w.clone()),
        _ => None,
    };
    let pct = |tk: &Token| match &tk.tok {
        Tok::Pct(v) => Some(*v),
        _ => None,
    };
    // The Chinese list: share, name, share, name…
    let mut first = Vec::new();
    while let (Some(v), Some(w)) = (
        body.get(2 * first.len()).and_then(pct),
        body.get(2 * first.len() + 1).and_then(word),
    ) {
        if !has_cjk(&w) {
            break;
        }
        first.push(v);
    }
    let n = first.len();
    if n < 2 {
        return (body, None);
    }
    // Then the same list in a Latin script: name, share, … with the same shares.
    let mut glosses = Vec::new();
    for (k, v) in first.iter().enumerate() {
        let at = 2 * n + 2 * k;
        match (body.get(at).and_then(word), body.get(at + 1).and_then(pct)) {
            (Some(w), Some(p)) if !has_cjk(&w) && p == *v => glosses.push(w),
            _ => return (body, None),
        }
    }
    // Whatever follows (`含绒量：90%`) stays.
    let mut body = body;
    body.drain(2 * n..4 * n);
    (body, Some(glosses))
}

/// Appends `name` to a fibre's gloss (`cotton` → `coton`, then `coton/Baumwolle`).
fn add_gloss(x: &mut Fibre, name: &str) {
    x.gloss = Some(match x.gloss.take() {
        Some(before) => format!("{before}/{name}"),
        None => name.to_string(),
    });
}

/// `65% Polyester/Poliéster, 35% Cotton/Algodón`, `80% cotton/coton/Baumwolle, 20%
/// polyester/polyester/Polyester`: each fibre's name followed, after a slash or dash and
/// without a percentage, by the same number of names in other languages (EU 1007/2011 Art
/// 16(3), 16 CFR 303.4, GB/T 29862 4.10). When two fibres or more carry a percentage and each
/// is followed by the same number (one or more) of such names and no other fibre lacks its
/// percentage, those names are the fibres' glosses, not fibres without a percentage; so are
/// two names or more after a single fibre (one line of a multilingual list).
fn fold_slash_glosses(t: &Text<'_>, fibres: &mut Vec<Fibre>) {
    if fibres.iter().any(|f| f.trace.is_some()) {
        return;
    }
    let heads: Vec<usize> = (0..fibres.len())
        .filter(|&i| fibres[i].percent.is_some())
        .collect();
    // One fibre with its names in other languages (`70% wool / laine / Wolle / lana`, a line
    // of a multilingual label, the next fibre on the next line): two names or more after it,
    // so `100% cotton / polyester` (a fibre without its share) is not taken for a gloss.
    let one_glossed = heads.len() == 1 && fibres.len() >= 3;
    if (heads.len() < 2 && !one_glossed) || heads.first() != Some(&0) {
        return;
    }
    let mut each: Option<usize> = None;
    for (h, &i) in heads.iter().enumerate() {
        let end = heads.get(h + 1).copied().unwrap_or(fibres.len());
        let m = end - i - 1;
        if m == 0 || each.is_some_and(|e| e != m) {
            return;
        }
        each = Some(m);
        for j in i + 1..end {
            if !translation_gap(t, &fibres[j - 1], &fibres[j])
                || (has_cjk(&fibres[i].name) && has_cjk(&fibres[j].name))
            {
                return;
            }
        }
    }
    let Some(m) = each else { return };
    let all: Vec<Fibre> = std::mem::take(fibres);
    for run in all.chunks(m + 1) {
        let mut run = run.iter();
        let Some(first) = run.next() else { continue };
        let mut x = first.clone();
        for y in run {
            add_gloss(&mut x, &y.name);
            if let (Some(a), Some(b)) = (&x.span, &y.span) {
                x.span = Some(t.span(a.start, b.end));
            }
        }
        fibres.push(x);
    }
}

/// `80% cotton / 80% coton / 80% Baumwolle` then `20% polyester / 20% polyester / 20%
/// Polyester`: each fibre printed in every language before the next fibre (EU 1007/2011 Art
/// 16(3): the language(s) of the Member State; 16 CFR 303.4: English, other languages as
/// well; GB/T 29862 4.10). When the fibres split into runs of the same length k ≥ 2, the
/// entries of a run with the same percentage and separated by a slash or dash only (see
/// `translation_gap`), the runs' first entries adding up to 100 %, no run with two names in
/// Chinese characters, and the names of each language position all different (one language's
/// list names each fibre once), the later entries of a run are its first entry's
/// translations. Returns whether it folded.
fn fold_interleaved(t: &Text<'_>, fibres: &mut Vec<Fibre>) -> bool {
    let n = fibres.len();
    if n < 2
        || fibres
            .iter()
            .any(|f| f.trace.is_some() || f.percent.is_none())
    {
        return false;
    }
    let pct = |f: &Fibre| f.percent.map(|d| d.0).unwrap_or_default();
    for k in 2..=n {
        if n % k != 0 {
            continue;
        }
        let runs: Vec<&[Fibre]> = fibres.chunks(k).collect();
        if runs.iter().map(|r| pct(&r[0])).sum::<Decimal>() != Decimal::ONE_HUNDRED {
            continue;
        }
        let shaped = runs.iter().all(|r| {
            r.iter().all(|f| pct(f) == pct(&r[0]))
                && r.windows(2).all(|w| translation_gap(t, &w[0], &w[1]))
                && r.iter().filter(|f| has_cjk(&f.name)).count() <= 1
        });
        let distinct = (0..k).all(|j| {
            let mut names: Vec<String> = runs.iter().map(|r| r[j].name.to_lowercase()).collect();
            names.sort();
            names.windows(2).all(|w| w[0] != w[1])
        });
        if !shaped || !distinct {
            continue;
        }
        let all: Vec<Fibre> = std::mem::take(fibres);
        for run in all.chunks(k) {
            let mut run = run.iter();
            let Some(first) = run.next() else { continue };
            let mut x = first.clone();
            for y in run {
                add_gloss(&mut x, &y.name);
                if let Some(g) = &y.gloss {
                    add_gloss(&mut x, g);
                }
                if let (Some(a), Some(b)) = (&x.span, &y.span) {
                    x.span = Some(t.span(a.start, b.end));
                }
            }
            fibres.push(x);
        }
        return true;
    }
    false
}

/// Whether a bracketed word can be a part label (`【里料】`): a short name, no figure, no
/// statement.
fn bracket_part(inner: &str) -> bool {
    let n = inner.chars().count();
    (1..=6).contains(&n) && inner.chars().all(char::is_alphabetic) && !statement_like(inner)
}

/// Whether a name is written in Chinese characters (the other script being Latin): a name
/// and its translation differ in this, which is how a gloss is told from a second fibre.
fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'))
}

/// `70%山羊绒 30%绵羊毛；70% Cashmere 30% Wool`: a component that repeats the one before it
/// in another language — the same number of fibres with the same percentages, each name in
/// the other script, and no part label or a translated one — is that component's
/// translation (GB/T 29862 4.10: other languages may be added; a label in several languages): its names become the glosses of
/// the first component's fibres instead of a second set of fibres.
fn fold_translated_components(t: &Text<'_>, out: &mut ParsedFibres) {
    let mut i = 1;
    while i < out.components.len() {
        let (a, b) = (&out.components[i - 1], &out.components[i]);
        let translated = !b.fibres.is_empty()
            && b.unparsed.is_empty()
            && b.statements.is_empty()
            && a.fibres.len() == b.fibres.len()
            && match (&a.part, &b.part) {
                (_, None) => true,
                (Some(p), Some(q)) => has_cjk(p) != has_cjk(q),
                (None, Some(_)) => false,
            }
            && a.fibres.iter().zip(&b.fibres).all(|(x, y)| {
                x.gloss.is_none()
                    && x.trace == y.trace
                    && x.percent.map(|d| d.0) == y.percent.map(|d| d.0)
                    && has_cjk(&x.name) != has_cjk(&y.name)
            });
        if !translated {
            i += 1;
            continue;
        }
        let b = out.components.remove(i);
        let a = &mut out.components[i - 1];
        for (x, y) in a.fibres.iter_mut().zip(b.fibres) {
            x.gloss = Some(y.name);
        }
        if let (Some(sa), Some(sb)) = (&a.span, &b.span) {
            a.span = Some(t.span(sa.start, sb.end));
        }
        if let (Some(p), Some(q)) = (&a.part, &b.part) {
            a.part = Some(format!("{p}/{q}"));
        }
    }
}

fn tokenise(chars: &[char]) -> Vec<Token> {
    let mut out = Vec::new();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        let start = i;
        if c.is_ascii_digit() {
            while i < n && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let num: String = chars[start..i].iter().collect();
            let mut j = i;
            while j < n && chars[j] == ' ' {
                j += 1;
            }
            let value = num.trim_end_matches('.').parse::<Decimal>().ok();
            if j < n && (chars[j] == '%' || chars[j] == '％') {
                i = j + 1;
                out.push(Token {
                    tok: value.map(Tok::Pct).unwrap_or(Tok::Num),
                    start,
                    end: i,
                });
            } else {
                out.push(Token {
                    tok: Tok::Num,
                    start,
                    end: i,
                });
            }
        } else if OPEN.contains(&c) {
            let mut level = 0usize;
            let mut close = n;
            for (j, &d) in chars.iter().enumerate().skip(i) {
                if OPEN.contains(&d) {
                    level += 1;
                } else if CLOSE.contains(&d) {
                    level -= 1;
                    if level == 0 {
                        close = j;
                        break;
                    }
                }
            }
            let inner: String = chars[i + 1..close].iter().collect();
            i = (close + 1).min(n);
            out.push(Token {
                tok: Tok::Bracket(inner.trim().to_string()),
                start,
                end: i,
            });
        } else if c == ':' || c == '：' {
            i += 1;
            out.push(Token {
                tok: Tok::Colon,
                start,
                end: i,
            });
        } else if COMPONENT_SEPS.contains(&c) {
            i += 1;
            out.push(Token {
                tok: Tok::ComponentSep,
                start,
                end: i,
            });
        } else if matches!(c, '\n' | '\r') {
            i += 1;
            out.push(Token {
                tok: Tok::LineBreak,
                start,
                end: i,
            });
        } else if c.is_whitespace()
            || SEPS.contains(&c)
            || matches!(c, '–' | '—')
            // A hyphen standing alone between spaces separates (`80% cotton - 80% coton`).
            || (c == '-'
                && (i == 0 || chars[i - 1].is_whitespace())
                && chars.get(i + 1).is_none_or(|d| d.is_whitespace()))
        {
            i += 1;
        } else if is_word_char(c) {
            i += 1;
            loop {
                if i < n && is_word_char(chars[i]) {
                    i += 1;
                    continue;
                }
                // Latin words joined by single spaces stay one name: "other fibres", and a
                // fibre trademark with the generic name after it: "Lycra® Spandex" (16 CFR
                // 303.17(a): in immediate conjunction; the rules judge the whole name).
                // Letters of the alphabetic scripts of the EU languages count too (Art 16(3)
                // of Reg. (EU) 1007/2011: 'čistá vlna', 'włókno szklane', 'fibră de sticlă',
                // 'ίνες γυαλιού'); Han text keeps its own rules.
                let latin_before = spaced_letter(chars[i - 1])
                    || (matches!(chars[i - 1], '®' | '™') && i >= 2 && spaced_letter(chars[i - 2]));
                if i + 1 < n && chars[i] == ' ' && latin_before && spaced_letter(chars[i + 1]) {
                    i += 2;
                    continue;
                }
                break;
            }
            let w: String = chars[start..i].iter().collect();
            out.push(Token {
                tok: Tok::Word(w),
                start,
                end: i,
            });
        } else {
            i += 1;
            out.push(Token {
                tok: Tok::Other,
                start,
                end: i,
            });
        }
    }
    out
}

/// A word or percentage of a component, after statements and odd tokens are set aside.
enum Atom {
    Pct(Decimal, usize, usize),
    Word(Box<Fibre>, usize, usize),
}

fn statement_like(s: &str) -> bool {
    let l = s.to_lowercase();
    s.contains("除外")
        || s.contains("微量")
        || s.contains("净干")
        || l.contains("exclusive")
        || l.contains("except")
}

/// The fibres a bracket lists with their shares (`棉95% 氨纶5%` in `纯棉（棉95% 氨纶5%）`), with
/// their places in the whole text: two or more fibres, each with its percentage, read with
/// nothing left over; `None` for anything else (a descriptor, a single share, a bracket
/// holding brackets — read once, not recursively).
fn bracket_fibres(t: &Text<'_>, inner: &str, open: usize) -> Option<Vec<(Fibre, usize, usize)>> {
    if inner.matches(['%', '％']).count() < 2 || inner.contains(OPEN) || inner.contains(CLOSE) {
        return None;
    }
    let p = parse_fibre_text(inner);
    let [c] = p.components.as_slice() else {
        return None;
    };
    if !p.unparsed.is_empty()
        || c.part.is_some()
        || c.fibres.len() < 2
        || c.fibres.iter().any(|f| f.percent.is_none())
    {
        return None;
    }
    // Where the trimmed inner text starts: after the bracket and the blanks inside it.
    let chars = t.index.chars();
    let lead = chars
        .get(open + 1..)?
        .iter()
        .take_while(|c| c.is_whitespace())
        .count();
    let at = open + 1 + lead;
    c.fibres
        .iter()
        .map(|f| {
            let sp = f.span.as_ref()?;
            let x = Fibre {
                name: f.name.clone(),
                percent: f.percent,
                trace: f.trace,
                ..Fibre::default()
            };
            Some((x, at + sp.start, at + sp.end))
        })
        .collect()
}

fn percent_of(s: &str) -> Option<Decimal> {
    let s = s.trim();
    let s = s.strip_suffix('%').or_else(|| s.strip_suffix('％'))?.trim();
    s.parse::<Decimal>().ok()
}

fn flush(
    t: &Text<'_>,
    part: Option<(String, usize, usize)>,
    body: Vec<Token>,
    out: &mut ParsedFibres,
) {
    if body.is_empty() {
        if let Some((name, s, e)) = part {
            let bad = t.unparsed(s, e, "empty_part");
            out.unparsed.push(bad.clone());
            out.components.push(FibreComponent {
                part: Some(name),
                span: Some(t.span(s, e)),
                unparsed: vec![bad],
                ..FibreComponent::default()
            });
        }
        return;
    }
    let (body, late_glosses) = split_trailing_translation(body);
    let mut bad: Vec<UnparsedToken> = Vec::new();
    let mut comp = FibreComponent {
        part: part.as_ref().map(|p| p.0.clone()),
        ..FibreComponent::default()
    };
    let mut atoms: Vec<Atom> = Vec::new();
    let mut wording: Option<String> = None;
    let mut traces: Vec<Fibre> = Vec::new();
    // A down-content label (含绒量 / 绒子含量, GB/T 29862 6.7) waiting for its percentage.
    let mut down_label: Option<String> = None;
    // Where an `except …` phrase starts (16 CFR 303.23: 'All Cotton except 1% Nylon added to
    // neckband'): the rest of the component is that statement, not more fibres.
    let mut except_at: Option<usize> = None;
    for tk in &body {
        if except_at.is_some() {
            continue;
        }
        if let Some(label) = down_label.take() {
            match &tk.tok {
                Tok::Pct(v) => {
                    comp.statements.push(format!("{label}{}%", v.normalize()));
                    continue;
                }
                _ => comp.statements.push(label),
            }
        }
        match &tk.tok {
            Tok::Word(w) if DOWN_LABELS.contains(&w.as_str()) => {
                down_label = Some(w.clone());
            }
            Tok::Pct(v) if *v > Decimal::ONE_HUNDRED || *v < Decimal::ZERO => {
                bad.push(t.unparsed(tk.start, tk.end, "percent_out_of_range"))
            }
            Tok::Pct(v) => atoms.push(Atom::Pct(*v, tk.start, tk.end)),
            Tok::Num => bad.push(t.unparsed(tk.start, tk.end, "number_without_percent")),
            Tok::Other => bad.push(t.unparsed(tk.start, tk.end, "unexpected_character")),
            Tok::Colon | Tok::ComponentSep | Tok::LineBreak => {}
            Tok::Bracket(inner) => {
                let after_word = match atoms.last_mut() {
                    Some(Atom::Word(f, _, e)) if *e == tk.start => Some((f, e)),
                    _ => None,
                };
                if inner.is_empty() {
                    continue;
                }
                // `纯棉（棉95% 氨纶5%）`: a bracket that lists fibres with their shares after
                // a fibre's name declares the component's content (GB/T 29862 6.1 then judges
                // the 纯 before it); it was read as the name's descriptor and the second fibre
                // was lost.
                let listed = match after_word {
                    Some(_) if !statement_like(inner) => bracket_fibres(t, inner, tk.start),
                    _ => None,
                };
                match after_word {
                    Some((f, e)) if listed.is_some() => {
                        let mut listed = listed.unwrap_or_default().into_iter();
                        let first = listed.next();
                        match first {
                            // The name repeated with its share: one fibre.
                            Some((x, _, xe)) if x.name == f.name => {
                                f.percent = x.percent;
                                *e = xe;
                            }
                            Some(other) => {
                                *e = tk.start;
                                atoms.push(Atom::Word(Box::new(other.0), other.1, other.2));
                            }
                            None => {}
                        }
                        for (x, xs, xe) in listed {
                            atoms.push(Atom::Word(Box::new(x), xs, xe));
                        }
                    }
                    Some((f, e)) if !statement_like(inner) => {
                        if let Some(p) = percent_of(inner) {
                            f.percent = Some(Dec(p));
                        } else {
                            f.descriptor = Some(inner.clone());
                        }
                        *e = tk.end;
                    }
                    _ => comp.statements.push(inner.clone()),
                }
            }
            Tok::Word(w) => {
                let lower = w.to_lowercase();
                if w.ends_with("除外") || lower.starts_with("exclusive of") {
                    comp.statements.push(w.clone());
                    continue;
                }
                let (mut name, mut s) = (w.as_str(), tk.start);
                let mut e = tk.end;
                let except = if lower == "except" || lower.starts_with("except ") {
                    Some(0)
                } else {
                    lower
                        .find(" except")
                        .filter(|&k| matches!(lower.as_bytes().get(k + 7), None | Some(b' ')))
                };
                if let Some(k) = except.filter(|&k| w.is_char_boundary(k)) {
                    let lead = w[..k].chars().count();
                    except_at = Some(tk.start + lead + usize::from(k > 0));
                    if k == 0 {
                        continue;
                    }
                    name = &w[..k];
                    e = s + lead;
                }
                if let Some(k) = lower.find(" exclusive of") {
                    // Byte index in `lower` equals the one in `w` for ASCII text before it.
                    if w.is_char_boundary(k) {
                        comp.statements.push(w[k + 1..].to_string());
                        name = &w[..k];
                        e = s + name.chars().count();
                    }
                }
                if let Some(rest) = name.strip_prefix("含微量") {
                    if rest.is_empty() {
                        comp.statements.push(w.clone());
                    } else {
                        traces.push(Fibre {
                            name: rest.to_string(),
                            trace: Some(true),
                            span: Some(t.span(s, e)),
                            ..Fibre::default()
                        });
                    }
                    continue;
                }
                for (prefix, word) in [("纯", "纯"), ("全", "全")] {
                    if let Some(rest) = name.strip_prefix(prefix) {
                        if !rest.is_empty() && wording.is_none() {
                            wording = Some(word.to_string());
                            name = rest;
                        }
                    }
                }
                // `Pure Cashmere`, `All Cotton`, `Reine Schurwolle`, `Pur coton`: the word
                // before the first blank is the wording when it is one of PURE_WORDS and a
                // name follows it.
                if let Some((first, rest)) = name.split_once(' ') {
                    let rest = rest.trim_start();
                    if !rest.is_empty() && PURE_WORDS.contains(&first.to_lowercase().as_str()) {
                        wording.get_or_insert_with(|| first.to_lowercase());
                        name = rest;
                    }
                }
                let _ = &mut s;
                atoms.push(Atom::Word(
                    Box::new(Fibre {
                        name: name.to_string(),
                        ..Fibre::default()
                    }),
                    s,
                    e,
                ));
            }
        }
    }

    if let Some(label) = down_label {
        comp.statements.push(label);
    }
    if let Some(at) = except_at {
        let end = body.iter().map(|b| b.end).max().unwrap_or(at);
        comp.statements.push(t.span(at, end.max(at)).text);
    }
    // Pair percentages with names; the first atom decides the style.
    let prefix_style = matches!(atoms.first(), Some(Atom::Pct(..)));
    let mut fibres: Vec<Fibre> = Vec::new();
    let mut pending: Option<(Decimal, usize, usize)> = None;
    let mut waiting: Option<(usize, usize)> = None; // (fibre index, span start)
                                                    // The fibre the atom before belonged to (its name, or its percentage), and a
                                                    // percentage a gloss printed after its fibre's percentage may repeat (`山羊绒70%/Cashmere 70%`).
    let mut prev: Option<usize> = None;
    let mut repeat: Option<(usize, Decimal)> = None;
    let mut atoms = atoms.into_iter().peekable();
    while let Some(atom) = atoms.next() {
        // A name in the other script right after a fibre's name or percentage translates it
        // (GB/T 29862 4.10: other languages may be added): `70%山羊绒/Cashmere`,
        // `70%山羊绒/70% Cashmere`, `山羊绒 Cashmere 70%`. It is kept as the fibre's gloss.
        // A percentage between them must repeat the fibre's own, or the word is a fibre.
        if let (Atom::Word(f, _, e), Some(idx)) = (&atom, prev) {
            let x = &fibres[idx];
            let own = f.percent.map(|d| d.0);
            let between = pending.map(|p| p.0);
            let same = |v: Option<Decimal>| v.is_none() || v == x.percent.map(|d| d.0);
            if x.gloss.is_none()
                && has_cjk(&x.name) != has_cjk(&f.name)
                && f.trace.is_none()
                && same(own)
                && (prefix_style && same(between) || !prefix_style && between.is_none())
                && (own.is_none() || between.is_none())
                // `羊毛70% Polyester30%`: after a fibre that has its percentage, a word
                // followed by another percentage is the next fibre.
                && (prefix_style
                    || own.is_some()
                    || x.percent.is_none()
                    || match atoms.peek() {
                        Some(Atom::Pct(v, ..)) => Some(*v) == x.percent.map(|d| d.0),
                        _ => true,
                    })
            {
                let e = *e;
                let x = &mut fibres[idx];
                x.gloss = Some(f.name.clone());
                if let Some(sp) = &x.span {
                    x.span = Some(t.span(sp.start, e));
                }
                pending = None;
                repeat = match (own.or(between), x.percent) {
                    (None, Some(p)) if !prefix_style => Some((idx, p.0)),
                    _ => None,
                };
                continue;
            }
        }
        match atom {
            Atom::Pct(v, _, e) if repeat.map(|r| r.1) == Some(v) => {
                let idx = repeat.map(|r| r.0).unwrap_or_default();
                if let Some(sp) = &fibres[idx].span {
                    fibres[idx].span = Some(t.span(sp.start, e));
                }
                repeat = None;
            }
            Atom::Pct(v, s, e) => {
                repeat = None;
                if prefix_style {
                    if let Some((_, ps, pe)) = pending.replace((v, s, e)) {
                        bad.push(t.unparsed(ps, pe, "percent_without_fibre"));
                    }
                } else if let Some((idx, fs)) = waiting.take() {
                    fibres[idx].percent = Some(Dec(v));
                    fibres[idx].span = Some(t.span(fs, e));
                    prev = Some(idx);
                } else {
                    bad.push(t.unparsed(s, e, "percent_without_fibre"));
                    prev = None;
                }
            }
            Atom::Word(mut f, s, e) => {
                repeat = None;
                let has_own = f.percent.is_some();
                let mut start = s;
                if prefix_style && !has_own {
                    if let Some((v, ps, _)) = pending.take() {
                        f.percent = Some(Dec(v));
                        start = ps;
                    }
                } else if let Some((_, ps, pe)) = pending.take() {
                    bad.push(t.unparsed(ps, pe, "percent_without_fibre"));
                }
                f.span = Some(t.span(start, e));
                fibres.push(*f);
                prev = Some(fibres.len() - 1);
                waiting = (!prefix_style && !has_own).then(|| (fibres.len() - 1, s));
            }
        }
    }
    if let Some((_, ps, pe)) = pending {
        bad.push(t.unparsed(ps, pe, "percent_without_fibre"));
    }
    fold_composite_names(t, &mut fibres);
    if let Some(glosses) = late_glosses {
        if glosses.len() == fibres.len() {
            for (x, g) in fibres.iter_mut().zip(glosses) {
                add_gloss(x, &g);
            }
        }
    }
    fold_slash_glosses(t, &mut fibres);
    if !fold_interleaved(t, &mut fibres) {
        fold_repeated_groups(&mut fibres);
    }
    if wording.is_none()
        && fibres.len() == 1
        && fibres[0].percent.map(|p| p.0) == Some(Decimal::ONE_HUNDRED)
    {
        wording = Some("100%".into());
    }
    fibres.extend(traces);
    comp.wording = wording;
    comp.fibres = fibres;
    let start = part.as_ref().map(|p| p.1).unwrap_or(body[0].start);
    let end = body.iter().map(|b| b.end).max().unwrap_or(start);
    comp.span = Some(t.span(start, end));
    if comp.fibres.is_empty() && comp.statements.is_empty() && bad.is_empty() {
        if let Some((_, s, e)) = part {
            bad.push(t.unparsed(s, e, "empty_part"));
        }
    }
    if comp.fibres.is_empty() && comp.statements.is_empty() && bad.is_empty() {
        return;
    }
    crate::order::sort_by_key(&mut bad, |u| u.span.start);
    out.unparsed.extend(bad.iter().cloned());
    comp.unparsed = bad;
    out.components.push(comp);
}

/// Renders components as canonical printed text (`part：` + `name80%` entries joined by `，`,
/// components joined by `；`). Parsing the rendering gives the same structure back.
pub fn render_fibre_components(components: &[FibreComponent]) -> String {
    let mut parts = Vec::new();
    for c in components {
        let mut entries = Vec::new();
        let declared: Vec<&Fibre> = c.fibres.iter().filter(|f| f.trace != Some(true)).collect();
        let glosses: Vec<usize> = declared
            .iter()
            .map(|f| f.gloss.as_deref().map_or(0, |g| g.split('/').count()))
            .collect();
        // Every declared fibre translated as often: the list was printed again per language.
        let whole_list =
            !glosses.is_empty() && glosses[0] > 0 && glosses.iter().all(|&n| n == glosses[0]);
        // The wording printed before the first declared fibre (纯 / 全 / pure / all).
        let first = c.fibres.iter().position(|f| f.trace != Some(true));
        for (i, f) in c.fibres.iter().enumerate() {
            let mut s = String::new();
            if f.trace == Some(true) {
                s.push_str("含微量");
                s.push_str(&f.name);
                entries.push(s);
                continue;
            }
            match c.wording.as_deref().filter(|_| Some(i) == first) {
                Some(w @ ("纯" | "全")) => s.push_str(w),
                Some(w) if PURE_WORDS.contains(&w) => {
                    s.push_str(w);
                    s.push(' ');
                }
                _ => {}
            }
            s.push_str(&f.name);
            if let Some(d) = &f.descriptor {
                s.push('(');
                s.push_str(d);
                s.push(')');
            }
            if let Some(p) = f.percent {
                s.push_str(&p.0.normalize().to_string());
                s.push('%');
            }
            // A gloss of this fibre alone (`山羊绒70%/Cashmere 70%`); translations of the
            // whole list are printed as the list again, below.
            if !whole_list {
                for g in f.gloss.iter().flat_map(|g| g.split('/')) {
                    s.push('/');
                    s.push_str(g);
                    if let Some(p) = f.percent {
                        s.push_str(&format!(" {}%", p.0.normalize()));
                    }
                }
            }
            entries.push(s);
        }
        // Translations (glosses) as the list printed again in each other language, after a
        // slash: `山羊绒70%，绵羊毛30%/Cashmere70%，Wool30%`.
        let languages = if whole_list { glosses[0] } else { 0 };
        let mut body = entries.join("，");
        for j in 0..languages {
            let again: Vec<String> = declared
                .iter()
                .map(|f| {
                    let name = f
                        .gloss
                        .as_deref()
                        .and_then(|g| g.split('/').nth(j))
                        .unwrap_or(&f.name);
                    match f.percent {
                        Some(p) => format!("{name}{}%", p.0.normalize()),
                        None => name.to_string(),
                    }
                })
                .collect();
            body.push('/');
            body.push_str(&again.join("，"));
        }
        for st in &c.statements {
            body.push_str(&format!("，（{st}）"));
        }
        let body = body.trim_start_matches('，').to_string();
        parts.push(match &c.part {
            Some(p) => format!("{p}：{body}"),
            None => body,
        });
    }
    parts.join("；")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(c: &FibreComponent) -> Vec<(String, Option<String>)> {
        c.fibres
            .iter()
            .map(|f| {
                (
                    f.name.clone(),
                    f.percent.map(|p| p.0.normalize().to_string()),
                )
            })
            .collect()
    }

    fn check_spans(text: &str, p: &ParsedFibres) {
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let utf16_len: usize = text.encode_utf16().count();
        let spans = p
            .components
            .iter()
            .flat_map(|c| {
                c.span
                    .iter()
                    .chain(c.fibres.iter().filter_map(|f| f.span.as_ref()))
            })
            .chain(p.unparsed.iter().map(|u| &u.span));
        for s in spans {
            assert!(s.start <= s.end && s.end <= n, "{s:?} in {text}");
            assert!(s.utf16_start <= s.utf16_end && s.utf16_end <= utf16_len);
            assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.text);
        }
    }

    /// Parse → render → parse gives the same structure.
    fn round_trip(text: &str) -> ParsedFibres {
        let p = parse_fibre_text(text);
        check_spans(text, &p);
        let rendered = render_fibre_components(&p.components);
        let q = parse_fibre_text(&rendered);
        assert!(q.unparsed.is_empty(), "{rendered}: {:?}", q.unparsed);
        assert_eq!(
            p.components.len(),
            q.components.len(),
            "{text} → {rendered}"
        );
        for (a, b) in p.components.iter().zip(&q.components) {
            assert_eq!(a.part, b.part, "{text} → {rendered}");
            assert_eq!(a.wording, b.wording, "{text} → {rendered}");
            assert_eq!(names(a), names(b), "{text} → {rendered}");
            assert_eq!(a.statements, b.statements, "{text} → {rendered}");
            let tr = |c: &FibreComponent| {
                c.fibres
                    .iter()
                    .map(|f| (f.trace, f.descriptor.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(tr(a), tr(b));
        }
        p
    }

    #[test]
    fn components_with_percent_before_names() {
        let t = "面料：80%山羊绒 20%绵羊毛；里料：100%聚酯纤维";
        let p = round_trip(t);
        assert!(p.unparsed.is_empty());
        assert_eq!(p.components.len(), 2);
        assert_eq!(p.components[0].part.as_deref(), Some("面料"));
        assert_eq!(
            names(&p.components[0]),
            [
                ("山羊绒".into(), Some("80".into())),
                ("绵羊毛".into(), Some("20".into()))
            ]
        );
        assert_eq!(
            p.components[0].fibres[0].span.as_ref().unwrap().text,
            "80%山羊绒"
        );
        assert_eq!(p.components[1].wording.as_deref(), Some("100%"));
        assert_eq!(
            p.components[1].span.as_ref().unwrap().text,
            "里料：100%聚酯纤维"
        );
    }

    #[test]
    fn pure_words_and_percent_after_names() {
        let p = round_trip("纯山羊绒");
        assert_eq!(p.components[0].wording.as_deref(), Some("纯"));
        assert_eq!(p.components[0].fibres[0].name, "山羊绒");
        assert_eq!(p.components[0].fibres[0].percent, None);
        let p = round_trip("羊毛 70% 锦纶 30%");
        assert_eq!(
            names(&p.components[0]),
            [
                ("羊毛".into(), Some("70".into())),
                ("锦纶".into(), Some("30".into()))
            ]
        );
        assert_eq!(
            p.components[0].fibres[1].span.as_ref().unwrap().text,
            "锦纶 30%"
        );
        let p = round_trip("山羊绒100%");
        assert_eq!(p.components[0].wording.as_deref(), Some("100%"));
        let p = round_trip("全棉");
        assert_eq!(p.components[0].wording.as_deref(), Some("全"));
    }

    #[test]
    fn english_variants() {
        let p = round_trip("Shell: 80% Wool, 20% Nylon; Lining: 100% Polyester");
        assert_eq!(p.components[0].part.as_deref(), Some("Shell"));
        assert_eq!(
            names(&p.components[0])[1],
            ("Nylon".into(), Some("20".into()))
        );
        let p = round_trip("100% Cotton exclusive of decoration");
        assert_eq!(p.components[0].fibres[0].name, "Cotton");
        assert_eq!(p.components[0].statements, ["exclusive of decoration"]);
        let p = round_trip("All Cotton except 1% Nylon added to neckband");
        assert_eq!(names(&p.components[0]), [("Cotton".into(), None)]);
        assert_eq!(p.components[0].wording.as_deref(), Some("all"));
        assert_eq!(
            p.components[0].statements,
            ["except 1% Nylon added to neckband"]
        );
        let p = round_trip("100% Cotton Except 1% Nylon added to neckband");
        assert_eq!(
            names(&p.components[0]),
            [("Cotton".into(), Some("100".into()))]
        );
        assert_eq!(
            p.components[0].statements,
            ["Except 1% Nylon added to neckband"]
        );
        let p = round_trip("Pure Cashmere");
        assert_eq!(p.components[0].wording.as_deref(), Some("pure"));
        let p = round_trip("Composition: 95% cotton, 5% other fibres");
        assert_eq!(names(&p.components[0])[1].0, "other fibres");
        assert_eq!(p.components[0].part, None);
    }

    #[test]
    fn pure_words_of_other_languages() {
        // EU 1007/2011 Art 7(1) in its language versions: the word is the wording.
        for (text, word, name) in [
            ("Reine Schurwolle", "reine", "Schurwolle"),
            ("reine Seide", "reine", "Seide"),
            ("Ganz Baumwolle", "ganz", "Baumwolle"),
            ("Pur coton", "pur", "coton"),
            ("Pure laine vierge", "pure", "laine vierge"),
            ("Tout coton", "tout", "coton"),
            ("Puro cotone", "puro", "cotone"),
            ("Pura lana vergine", "pura", "lana vergine"),
            ("Todo algodón", "todo", "algodón"),
            ("Zuiver katoen", "zuiver", "katoen"),
            ("Puur linnen", "puur", "linnen"),
        ] {
            let p = round_trip(text);
            let c = &p.components[0];
            assert_eq!(c.wording.as_deref(), Some(word), "{text}");
            assert_eq!(names(c), [(name.into(), None)], "{text}");
            assert_eq!(c.fibres[0].span.as_ref().unwrap().text, text);
        }
        // A word of the list alone is a name (judged by the rules), not wording.
        let p = round_trip("100% Rein");
        assert_eq!(p.components[0].fibres[0].name, "Rein");
    }

    #[test]
    fn trademark_and_generic_name_are_one_name() {
        // 16 CFR 303.17(a): the trademark in immediate conjunction with the generic name.
        let p = round_trip("95% Cotton, 5% Lycra® Spandex");
        assert_eq!(
            names(&p.components[0])[1],
            ("Lycra® Spandex".into(), Some("5".into()))
        );
        let p = round_trip("60% TENCEL™ Lyocell, 40% Cotton");
        assert_eq!(names(&p.components[0])[0].0, "TENCEL™ Lyocell");
        let p = round_trip("95% Cotton, 5% Spandex Lycra®");
        assert_eq!(names(&p.components[0])[1].0, "Spandex Lycra®");
    }

    #[test]
    fn statements_traces_descriptors_and_lead_words() {
        let p = round_trip("纤维含量：100%棉(丝光)（装饰线除外）含微量氨纶");
        let c = &p.components[0];
        assert_eq!(c.part, None);
        assert_eq!(c.fibres[0].name, "棉");
        assert_eq!(c.fibres[0].descriptor.as_deref(), Some("丝光"));
        assert_eq!(c.statements, ["装饰线除外"]);
        assert_eq!(c.fibres[1].name, "氨纶");
        assert_eq!(c.fibres[1].trace, Some(true));
        assert_eq!(c.wording.as_deref(), Some("100%"));
        let p = round_trip("羊毛(80%) 锦纶(20%)");
        assert_eq!(
            names(&p.components[0])[1],
            ("锦纶".into(), Some("20".into()))
        );
    }

    #[test]
    fn down_content_is_a_statement() {
        let p = round_trip("面料：100%锦纶；填充物：白鹅绒 含绒量90%");
        let c = &p.components[1];
        assert_eq!(c.fibres.len(), 1);
        assert_eq!(c.fibres[0].name, "白鹅绒");
        assert_eq!(c.statements, ["含绒量90%"]);
        assert!(p.unparsed.is_empty());
    }

    #[test]
    fn unparseable_tokens_are_reported_with_spans_not_guessed() {
        let t = "面料：80%山羊绒 15%；里料：";
        let p = parse_fibre_text(t);
        check_spans(t, &p);
        let reasons: Vec<_> = p
            .unparsed
            .iter()
            .map(|u| (u.reason.as_str(), u.span.text.as_str()))
            .collect();
        assert_eq!(
            reasons,
            [("percent_without_fibre", "15%"), ("empty_part", "里料")]
        );
        let p = parse_fibre_text("羊毛 70 锦纶 30% ★ 120%");
        let reasons: Vec<_> = p
            .unparsed
            .iter()
            .map(|u| (u.reason.as_str(), u.text.as_str()))
            .collect();
        assert_eq!(
            reasons,
            [
                ("number_without_percent", "70"),
                ("unexpected_character", "★"),
                ("percent_out_of_range", "120%")
            ]
        );
        assert_eq!(
            names(&p.components[0]),
            [("羊毛".into(), None), ("锦纶".into(), Some("30".into()))]
        );
    }

    fn glosses(c: &FibreComponent) -> Vec<Option<String>> {
        c.fibres.iter().map(|f| f.gloss.clone()).collect()
    }

    #[test]
    fn translations_are_glosses_not_fibres() {
        let both = || {
            vec![
                ("山羊绒".to_string(), Some("70".to_string())),
                ("绵羊毛".to_string(), Some("30".to_string())),
            ]
        };
        let want = vec![Some("Cashmere".to_string()), Some("Wool".to_string())];
        for t in [
            "70%山羊绒/Cashmere 30%绵羊毛/Wool",
            "70%山羊绒/70% Cashmere 30%绵羊毛/30% Wool",
            "山羊绒 Cashmere 70%，绵羊毛 Wool 30%",
            "山羊绒70%/Cashmere 70%，绵羊毛30%/Wool 30%",
            "70%山羊绒 30%绵羊毛；70% Cashmere 30% Wool",
        ] {
            let p = round_trip(t);
            assert!(p.unparsed.is_empty(), "{t}: {p:?}");
            assert_eq!(p.components.len(), 1, "{t}: {p:?}");
            assert_eq!(names(&p.components[0]), both(), "{t}");
            assert_eq!(glosses(&p.components[0]), want, "{t}");
        }
        let p = round_trip("70%山羊绒/70% Cashmere 30%绵羊毛/30% Wool");
        assert_eq!(
            p.components[0].fibres[0].span.as_ref().unwrap().text,
            "70%山羊绒/70% Cashmere"
        );
        // A different percentage, or a name in the same script, is another fibre.
        let p = round_trip("70%羊毛 30% Polyester");
        assert_eq!(p.components[0].fibres.len(), 2);
        let p = round_trip("70%羊毛 30%锦纶");
        assert_eq!(glosses(&p.components[0]), [None, None]);
        // Lists that differ are not translations of each other.
        let p = round_trip("70%山羊绒 30%绵羊毛；60% Cashmere 40% Wool");
        assert_eq!(p.components.len(), 2);
    }

    /// Language codes at the start of each line of a multilingual list are no fibres, and
    /// the lines are one list in three languages.
    #[test]
    fn language_codes_before_each_line() {
        let t = "EN 70% polyamide, 30% elastane\nFR 70% polyamide, 30% élasthanne\nDE 70% Polyamid, 30% Elasthan";
        let p = parse_fibre_text(t);
        check_spans(t, &p);
        let names: Vec<&str> = p.components[0]
            .fibres
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(names, ["polyamide", "elastane"], "{p:?}");
    }

    /// Parts named without a colon on one line (`面料 棉100% 填充物 聚酯纤维100%`).
    #[test]
    fn part_names_without_a_colon() {
        let t = "面料 棉100% 填充物 聚酯纤维100%";
        let p = parse_fibre_text(t);
        check_spans(t, &p);
        let parts: Vec<Option<&str>> = p.components.iter().map(|c| c.part.as_deref()).collect();
        assert_eq!(parts, [Some("面料"), Some("填充物")], "{p:?}");
        assert!(p.unparsed.is_empty(), "{:?}", p.unparsed);
    }

    /// A part label in several languages parted by slashes is one label.
    #[test]
    fn a_part_label_in_several_languages() {
        let t = "Shell / Extérieur / Obermaterial: 100% polyester\nLining / Doublure / Futter: 100% viscose";
        let p = parse_fibre_text(t);
        check_spans(t, &p);
        let parts: Vec<Option<&str>> = p.components.iter().map(|c| c.part.as_deref()).collect();
        assert_eq!(
            parts,
            [
                Some("Shell/Extérieur/Obermaterial"),
                Some("Lining/Doublure/Futter")
            ],
            "{p:?}"
        );
        assert!(p.unparsed.is_empty(), "{:?}", p.unparsed);
        let p = parse_fibre_text("Main fabric / Tissu principal: 100% cotton");
        assert_eq!(
            p.components[0].part.as_deref(),
            Some("Main fabric/Tissu principal")
        );
    }

    /// One fibre with its names in two languages or more on its line is glossed; with one
    /// other name it is not (it may be a second fibre without its share).
    #[test]
    fn one_fibre_with_its_translations() {
        let t = "70% wool / laine / Wolle / lana";
        let p = parse_fibre_text(t);
        check_spans(t, &p);
        assert_eq!(p.components[0].fibres.len(), 1, "{p:?}");
        assert_eq!(
            p.components[0].fibres[0].gloss.as_deref(),
            Some("laine/Wolle/lana")
        );
        let p = parse_fibre_text("100% cotton / polyester");
        assert_eq!(p.components[0].fibres.len(), 2, "{p:?}");
    }

    /// `里  料：` set out with blanks is the part label 里料; a fibre name before a colon on
    /// a line of its own is not joined to anything.
    #[test]
    fn a_part_label_set_out_with_blanks_is_one_label() {
        let p = round_trip("锦纶 100%\n里  料：聚酯纤维 100%\n填  充：白鸭绒 100%");
        let parts: Vec<Option<&str>> = p.components.iter().map(|c| c.part.as_deref()).collect();
        assert_eq!(parts, [None, Some("里料"), Some("填充")], "{p:?}");
        assert!(p.unparsed.is_empty(), "{:?}", p.unparsed);
        let p = round_trip("面　料：棉 100%");
        assert_eq!(p.components[0].part.as_deref(), Some("面料"));
    }

    #[test]
    fn fibres_one_per_line_and_lists_repeated_in_other_languages() {
        let p = round_trip("80% Cotton\n20% Nylon");
        assert_eq!(p.components.len(), 1, "{p:?}");
        assert_eq!(p.components[0].fibres.len(), 2);
        let p = round_trip("纤维含量：\n棉60%\n聚酯纤维40%");
        assert_eq!(p.components.len(), 1, "{p:?}");
        assert_eq!(p.components[0].part, None);
        // A part label at the start of a line still starts a component.
        let p = round_trip("面料：\n80%羊毛\n20%锦纶\n里料：\n100%聚酯纤维");
        assert_eq!(p.components.len(), 2, "{p:?}");
        assert_eq!(p.components[1].part.as_deref(), Some("里料"));
        for (t, n) in [
            ("100% Schurwolle / 100% laine vierge", 1),
            ("60% cotton 40% polyester / 60% coton 40% polyester", 2),
            ("棉60% 聚酯纤维40% / Cotton 60% Polyester 40%", 2),
            ("100% wool\n100% laine\n100% lana", 1),
        ] {
            let p = round_trip(t);
            assert_eq!(p.components.len(), 1, "{t}: {p:?}");
            assert_eq!(p.components[0].fibres.len(), n, "{t}: {p:?}");
            assert!(p.components[0].fibres[0].gloss.is_some(), "{t}");
        }
        // Two Chinese lists are not translations of each other; other percentages either.
        let p = round_trip("100%棉\n100%聚酯纤维");
        assert_eq!(p.components[0].fibres.len(), 2);
        let p = round_trip("60% cotton 40% polyester / 50% coton 50% polyester");
        assert_eq!(p.components[0].fibres.len(), 4);
    }

    #[test]
    fn each_fibre_repeated_in_other_languages() {
        // EU 1007/2011 Art 16(3), 16 CFR 303.4, GB/T 29862 4.10 (blind audit 19 nonfood3 P1).
        for (t, want, gloss) in [
            (
                "80% cotton / 80% coton / 80% Baumwolle\n20% polyester / 20% polyester / 20% Polyester",
                vec![("cotton", "80"), ("polyester", "20")],
                "coton/Baumwolle",
            ),
            (
                "80% cotton - 80% coton - 80% Baumwolle\n20% polyester - 20% polyester - 20% Polyester",
                vec![("cotton", "80"), ("polyester", "20")],
                "coton/Baumwolle",
            ),
            (
                "80% cotton / 80% coton\n20% polyester / 20% polyester",
                vec![("cotton", "80"), ("polyester", "20")],
                "coton",
            ),
            (
                "80%山羊绒 / 80% cashmere / 80% Kaschmir\n20%绵羊毛 / 20% wool / 20% Wolle",
                vec![("山羊绒", "80"), ("绵羊毛", "20")],
                "cashmere/Kaschmir",
            ),
            (
                "65% Polyester / 65% Poliéster\n35% Cotton / 35% Algodón",
                vec![("Polyester", "65"), ("Cotton", "35")],
                "Poliéster",
            ),
            (
                "65% Polyester/Poliéster, 35% Cotton/Algodón",
                vec![("Polyester", "65"), ("Cotton", "35")],
                "Poliéster",
            ),
            (
                "80% cotton/coton/Baumwolle, 20% polyester/polyester/Polyester",
                vec![("cotton", "80"), ("polyester", "20")],
                "coton/Baumwolle",
            ),
            (
                "50% cotton / 50% coton, 50% polyester / 50% polyester",
                vec![("cotton", "50"), ("polyester", "50")],
                "coton",
            ),
        ] {
            let p = round_trip(t);
            assert!(p.unparsed.is_empty(), "{t}: {p:?}");
            assert_eq!(p.components.len(), 1, "{t}: {p:?}");
            let got = names(&p.components[0]);
            let want: Vec<(String, Option<String>)> = want
                .iter()
                .map(|(n, v)| (n.to_string(), Some(v.to_string())))
                .collect();
            assert_eq!(got, want, "{t}");
            assert_eq!(p.components[0].fibres[0].gloss.as_deref(), Some(gloss), "{t}");
        }
        // Not translations: different percentages, a comma between the entries (one fibre
        // named twice in one language), or two Chinese names.
        for (t, n) in [
            ("80% cotton / 70% coton\n20% polyester / 30% polyester", 4),
            ("50% cotton, 50% coton\n50% polyester, 50% polyester", 4),
            ("50%棉 / 50%麻\n50%羊毛 / 50%锦纶", 4),
            ("100% cotton/polyester", 2),
            ("60% cotton/coton, 40% polyester", 3),
        ] {
            let p = round_trip(t);
            let fibres: usize = p.components.iter().map(|c| c.fibres.len()).sum();
            assert_eq!(fibres, n, "{t}: {p:?}");
        }
    }

    #[test]
    fn bilingual_part_labels_and_fibre_colon_percent() {
        let p =
            round_trip("面料/Shell：70%山羊绒/Cashmere 30%绵羊毛/Wool；里料/Lining：100%聚酯纤维");
        assert!(p.unparsed.is_empty(), "{p:?}");
        assert_eq!(p.components.len(), 2);
        assert_eq!(p.components[0].part.as_deref(), Some("面料/Shell"));
        assert_eq!(p.components[1].part.as_deref(), Some("里料/Lining"));
        assert_eq!(
            p.components[0].span.as_ref().unwrap().text,
            "面料/Shell：70%山羊绒/Cashmere 30%绵羊毛/Wool"
        );
        assert_eq!(
            super::super::fibre::kind_of_part(Some("面料/Shell")),
            "shell"
        );
        assert_eq!(
            super::super::fibre::kind_of_part(Some("里料/Lining")),
            "lining"
        );
        let p = round_trip("山羊绒：70%，绵羊毛：30%");
        assert!(p.unparsed.is_empty(), "{p:?}");
        assert_eq!(p.components.len(), 1);
        assert_eq!(p.components[0].part, None);
        assert_eq!(
            names(&p.components[0]),
            [
                ("山羊绒".into(), Some("70".into())),
                ("绵羊毛".into(), Some("30".into()))
            ]
        );
        // A part label followed by its fibres stays a part label.
        let p = round_trip("面料：70%山羊绒 30%绵羊毛");
        assert_eq!(p.components[0].part.as_deref(), Some("面料"));
        let p = round_trip("面料：山羊绒：70% 绵羊毛：30%");
        assert_eq!(p.components[0].part.as_deref(), Some("面料"));
        assert_eq!(p.components[0].fibres.len(), 2);
    }

    #[test]
    fn full_width_digits_are_read() {
        let p = parse_fibre_text("１００％山羊绒");
        assert_eq!(p.components.len(), 1, "{p:?}");
        let f = &p.components[0].fibres;
        assert_eq!(f.len(), 1, "{p:?}");
        assert_eq!(
            f[0].percent.map(|d| d.0.to_string()),
            Some("100".to_string())
        );
        let p = parse_fibre_text("７０．５％棉 ２９．５％涤纶");
        let shares: Vec<String> = p.components[0]
            .fibres
            .iter()
            .filter_map(|f| f.percent.map(|d| d.0.to_string()))
            .collect();
        assert_eq!(shares, ["70.5", "29.5"]);
    }

    #[test]
    fn never_fails_on_odd_text() {
        for t in [
            "",
            "：",
            "；；",
            "((((",
            "a)b)c",
            "100%",
            "%%%",
            "😀80%😀",
            "面料：",
            "：：80%",
            "1.2.3%",
            "99999999999999999999999999999999%",
            "纯",
            "全全全",
            "含微量",
            "Pure",
            "(装饰除外",
            "exclusive of",
            "😀 exclusive of x",
            "80 %棉 20 ％ 麻",
        ] {
            let p = parse_fibre_text(t);
            check_spans(t, &p);
            let _ = render_fibre_components(&p.components);
        }
        let p = parse_fibre_text("😀：80%棉");
        assert_eq!(
            p.components[0].fibres[0].span.as_ref().unwrap().utf16_start,
            3
        );
    }

    /// EU languages with accented, Greek or Cyrillic letters keep multi-word names and read
    /// the 'pure' word before a name (Reg. (EU) 1007/2011 Art 7(1), 16(3)).
    #[test]
    fn eu_language_names_and_pure_words() {
        let p = parse_fibre_text("čistá vlna");
        assert_eq!(p.components[0].wording.as_deref(), Some("čistá"));
        assert_eq!(p.components[0].fibres[0].name, "vlna");
        let p = parse_fibre_text("Czysta bawełna");
        assert_eq!(p.components[0].wording.as_deref(), Some("czysta"));
        assert_eq!(p.components[0].fibres[0].name, "bawełna");
        let p = parse_fibre_text("90 % bawełna, 10 % włókno szklane");
        assert_eq!(p.components[0].fibres[1].name, "włókno szklane");
        let p = parse_fibre_text("100 % ίνες γυαλιού");
        assert_eq!(p.components[0].fibres[0].name, "ίνες γυαλιού");
        let p = parse_fibre_text("棉 100%");
        assert_eq!(p.components[0].fibres[0].name, "棉");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]

        /// Any text: no panic, spans in bounds and pointing at their own characters.
        #[test]
        fn arbitrary_text_never_panics(t in "\\PC{0,40}") {
            let p = parse_fibre_text(&t);
            check_spans(&t, &p);
            let _ = render_fibre_components(&p.components);
        }

        /// Generated statements (percent before or after, parts) round-trip exactly.
        #[test]
        fn generated_statements_round_trip(
            parts in proptest::collection::vec(
                (proptest::option::of("[面里填充物罗纹]{2,3}"),
                 proptest::collection::vec(("[山羊绒绵毛锦纶聚酯纤维棉]{1,4}", 1u32..100), 1..4),
                 proptest::bool::ANY),
                1..4),
        ) {
            let text = parts
                .iter()
                .map(|(part, fibres, before)| {
                    let body = fibres
                        .iter()
                        .map(|(n, p)| if *before { format!("{p}%{n}") } else { format!("{n} {p}%") })
                        .collect::<Vec<_>>()
                        .join(" ");
                    match part {
                        Some(part) => format!("{part}：{body}"),
                        None => body,
                    }
                })
                .collect::<Vec<_>>()
                .join("；");
            let p = round_trip(&text);
            proptest::prop_assert!(p.unparsed.is_empty(), "{}: {:?}", text, p.unparsed);
            let fibres: usize = p.components.iter().map(|c| c.fibres.len()).sum();
            let want: usize = parts.iter().map(|(_, f, _)| f.len()).sum();
            proptest::prop_assert_eq!(fibres, want);
        }
    }

    #[test]
    fn a_bracket_listing_fibres_after_a_name_declares_them() {
        // GB/T 29862 6.1: 纯/全 only for one fibre — the bracket's second fibre was read as
        // the name's descriptor and lost (blind audit round 17, M-1).
        for text in ["纯棉（棉95%　氨纶5%）", "纯棉(棉95% 氨纶5%)"] {
            let p = parse_fibre_text(text);
            assert!(p.unparsed.is_empty(), "{text}");
            let c = &p.components[0];
            assert_eq!(c.wording.as_deref(), Some("纯"), "{text}");
            let got: Vec<(&str, Option<Decimal>)> = c
                .fibres
                .iter()
                .map(|f| (f.name.as_str(), f.percent.map(|d| d.0)))
                .collect();
            assert_eq!(
                got,
                [
                    ("棉", Some(Decimal::from(95))),
                    ("氨纶", Some(Decimal::from(5)))
                ],
                "{text}"
            );
            let spans: Vec<String> = c
                .fibres
                .iter()
                .filter_map(|f| f.span.as_ref().map(|s| s.text.clone()))
                .collect();
            let open = text.split_once('5').map(|(a, _)| a).unwrap_or(text);
            assert_eq!(spans, [format!("{open}5%"), "氨纶5%".to_string()], "{text}");
        }
        // A descriptor or a single share stays what it was.
        let p = parse_fibre_text("棉（精梳）100%");
        assert_eq!(
            p.components[0].fibres[0].descriptor.as_deref(),
            Some("精梳")
        );
        let p = parse_fibre_text("棉（95%） 氨纶（5%）");
        assert_eq!(p.components[0].fibres.len(), 2);
    }

    /// Session 28 audit: a spliced garment's parts without colons, a heading's translation
    /// alone before the list, and Annex B's composite fibre name.
    #[test]
    fn parts_without_colons_heading_translation_and_composite_names() {
        let p = parse_fibre_text("大身 100%聚酯纤维  袖子 65%棉 35%聚酯纤维");
        assert!(p.unparsed.is_empty(), "{p:?}");
        let parts: Vec<_> = p.components.iter().map(|c| c.part.clone()).collect();
        assert_eq!(parts, [Some("大身".to_string()), Some("袖子".to_string())]);
        assert_eq!(p.components[1].fibres.len(), 2);
        let p = parse_fibre_text("Composition\n棉 Cotton 100%");
        assert_eq!(p.components.len(), 1, "{p:?}");
        assert_eq!(p.components[0].fibres.len(), 1, "{p:?}");
        assert_eq!(p.components[0].fibres[0].name, "棉");
        let p = parse_fibre_text("80%聚酯纤维/聚酰胺纤维复合纤维 20%聚酰胺纤维");
        let names: Vec<_> = p.components[0]
            .fibres
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(names, ["聚酯纤维/聚酰胺纤维复合纤维", "聚酰胺纤维"]);
        // A fibre and its translation after a slash stay a fibre and its gloss.
        let p = parse_fibre_text("100%聚酯纤维/POLYESTER");
        assert_eq!(p.components[0].fibres.len(), 1, "{p:?}");
        // The list again in English, percentages after the names: glosses.
        let p = parse_fibre_text("90%白鸭绒 10%白鸭毛/WHITE DUCK DOWN 90% WHITE DUCK FEATHER 10%");
        assert!(p.unparsed.is_empty(), "{p:?}");
        let names: Vec<_> = p.components[0]
            .fibres
            .iter()
            .map(|f| (f.name.as_str(), f.gloss.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("白鸭绒", Some("WHITE DUCK DOWN")),
                ("白鸭毛", Some("WHITE DUCK FEATHER"))
            ]
        );
        // Different percentages: two lists, not a translation — no fibre takes the English
        // name of the other list's second fibre as its gloss.
        let p = parse_fibre_text("90%白鸭绒 10%白鸭毛/WHITE DUCK DOWN 80% WHITE DUCK FEATHER 20%");
        assert!(
            p.components
                .iter()
                .flat_map(|c| &c.fibres)
                .all(|f| f.gloss.as_deref() != Some("WHITE DUCK FEATHER")),
            "{p:?}"
        );
    }
}

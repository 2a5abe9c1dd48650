//! `text_pattern`: printed text must match a pattern (the ingredient list starts with its
//! lead word), must not match one, and must not contain words from a table (the banned
//! "不添加" wording, a lexicon of generic environmental claims). Forbidden matches carry
//! their character span. With `ignore_case` words match in any letter case; with
//! `whole_words` a word of a spaced script matches only between word boundaries, while
//! words in CJK scripts (written without spaces) match anywhere.

use super::required_chars::Pattern;
use super::{pointer_of, CompileEnv, Hit, Outcome, RunEnv, WRONG_SPEC};
use crate::expr::{Expr, Scope, Val};
use crate::pack::format::CheckSpec;
use crate::report::Span;
use std::borrow::Cow;

#[derive(Debug)]
pub struct TextPattern {
    field: Expr,
    /// Patterns with their prefilter (`Pattern`): the disease-claim and "see the package"
    /// patterns run on every name and date, and most texts hold none of their words.
    must_match: Option<Pattern>,
    must_not_match: Option<Pattern>,
    /// The forbidden words, longest first.
    words: Vec<Word>,
    ignore_case: bool,
    whole_words: bool,
}

/// A forbidden word as listed, as searched (lower-cased when `ignore_case`), and the longer
/// texts (searched form) in which it is not the forbidden word.
#[derive(Debug)]
struct Word {
    listed: String,
    searched: String,
    excludes: Vec<String>,
}

impl TextPattern {
    pub fn compile(spec: &CheckSpec, env: &CompileEnv<'_>) -> Result<Self, String> {
        let CheckSpec::TextPattern {
            field,
            must_match,
            must_not_match,
            forbidden_table,
            words_column,
            exclude_column,
            ignore_case,
            whole_words,
        } = spec
        else {
            return Err(WRONG_SPEC.into());
        };
        let re = |p: &Option<String>, what: &str| -> Result<Option<Pattern>, String> {
            p.as_deref()
                .map(|p| env.pattern(p).map_err(|e| format!("{what} `{p}`: {e}")))
                .transpose()
        };
        let searched = |w: &str| {
            if *ignore_case {
                fold(w).0
            } else {
                w.to_string()
            }
        };
        let mut words: Vec<Word> = Vec::new();
        if let Some(t) = forbidden_table {
            let table = env.table(t)?;
            for row in &table.rows {
                let excludes: Vec<String> = match exclude_column {
                    Some(c) => crate::pack::cell_texts(row, c)
                        .filter(|x| !x.trim().is_empty())
                        .map(searched)
                        .collect(),
                    None => Vec::new(),
                };
                for w in crate::pack::cell_texts(row, words_column) {
                    if w.trim().is_empty() {
                        continue;
                    }
                    words.push(Word {
                        listed: w.to_string(),
                        searched: searched(w),
                        excludes: excludes.clone(),
                    });
                }
            }
            if words.is_empty() {
                return Err(format!("table `{t}` has no `{words_column}` values"));
            }
            // Longest first, so "零添加" is reported rather than a shorter word inside it.
            crate::order::sort_by_key(&mut words, |w| std::cmp::Reverse(w.listed.chars().count()));
        } else if exclude_column.is_some() {
            return Err("`exclude_column` needs `forbidden_table`".into());
        }
        let check = TextPattern {
            field: env.expr("field", field)?,
            must_match: re(must_match, "must_match")?,
            must_not_match: re(must_not_match, "must_not_match")?,
            words,
            ignore_case: *ignore_case,
            whole_words: *whole_words,
        };
        if check.must_match.is_none() && check.must_not_match.is_none() && check.words.is_empty() {
            return Err(
                "`text_pattern` needs must_match, must_not_match or forbidden_table".into(),
            );
        }
        Ok(check)
    }

    pub fn run<'c: 'a, 'a>(
        &'c self,
        scope: &mut Scope<'c, 'a>,
        base: &str,
        _env: &RunEnv<'a>,
    ) -> Outcome<'a> {
        let value = scope.eval(&self.field.root);
        let Some(text) = value.as_str() else {
            return Outcome::Skip(format!("no text at `{}`", self.field.source));
        };
        let text = text.to_string();
        // Written only for a finding.
        let pointer = || pointer_of(&self.field, base);
        let mut hits = Vec::new();
        if let Some(re) = &self.must_match {
            if !re.is_match(&text) {
                hits.push(
                    Hit::at(pointer())
                        .expected(Val::Str(Cow::Owned(re.source().to_string())))
                        .found(value.clone()),
                );
            }
        }
        if let Some(re) = &self.must_not_match {
            if let Some(m) = re.find(&text) {
                let found = text.get(m.clone()).unwrap_or_default().to_string();
                let mut hit = Hit::at(pointer()).found(Val::Str(Cow::Owned(found)));
                hit.span = Some(span_of(&pointer(), &text, m.start, m.end));
                hits.push(hit);
            }
        }
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for (s, e, w) in self.find_words(&text) {
            if taken.iter().any(|&(a, b)| s < b && a < e) {
                continue;
            }
            taken.push((s, e));
            let printed = text[s..e].to_string();
            let mut hit = Hit::at(pointer())
                .found(Val::Str(Cow::Owned(printed)))
                .bind("word", Val::Str(Cow::Owned(w.to_string())));
            hit.span = Some(span_of(&pointer(), &text, s, e));
            hits.push(hit);
        }
        if hits.is_empty() {
            Outcome::Pass
        } else {
            Outcome::Fail(hits)
        }
    }
}

impl TextPattern {
    /// Every occurrence of every listed word in `text`, as byte ranges of `text` with the
    /// word as listed; longest words first, overlaps not yet removed.
    fn find_words<'w>(&'w self, text: &str) -> Vec<(usize, usize, &'w str)> {
        let mut out = Vec::new();
        if self.words.is_empty() {
            return out;
        }
        let folded;
        let (hay, map): (&str, Option<&[usize]>) = if self.ignore_case {
            folded = fold(text);
            (&folded.0, Some(&folded.1))
        } else {
            (text, None)
        };
        // Most listed words have a byte the text has not: they are passed over without
        // setting up a substring search for each (that setup was 1.5 % of a check).
        let bytes = super::required_chars::WordSearch::new(hay);
        for w in &self.words {
            if !bytes.could_contain(&w.searched) {
                continue;
            }
            for (hs, _) in hay.match_indices(w.searched.as_str()) {
                let he = hs + w.searched.len();
                if w.excludes.iter().any(|x| covers(hay, x, hs, he)) {
                    continue;
                }
                let (s, e) = match map {
                    Some(m) => (m[hs], m[he]),
                    None => (hs, he),
                };
                if self.whole_words && !whole_word_at(text, s, e) {
                    continue;
                }
                out.push((s, e, w.listed.as_str()));
            }
        }
        out
    }
}

/// Does an occurrence of `longer` in `hay` cover the bytes `s..e`? (`未用完` covers the
/// `未用` inside it.) Only the occurrences that could reach over `s..e` are looked at.
fn covers(hay: &str, longer: &str, s: usize, e: usize) -> bool {
    if longer.len() < e - s {
        return false;
    }
    // An occurrence covering s..e starts in e - len ..= s and ends by s + len.
    let lo = e.saturating_sub(longer.len());
    let lo = (lo..=s).find(|&i| hay.is_char_boundary(i)).unwrap_or(s);
    let hi = (s + longer.len()).min(hay.len());
    let hi = (hi..=hay.len())
        .find(|&i| hay.is_char_boundary(i))
        .unwrap_or(hay.len());
    hay.get(lo..hi).is_some_and(|w| {
        w.match_indices(longer)
            .any(|(i, _)| lo + i <= s && lo + i + longer.len() >= e)
    })
}

/// `text` lower-cased character by character (a character whose lower case is several
/// characters is kept as it is), with a map from each byte offset of the result to the
/// byte offset of the same character in `text` (one entry more, for the end).
fn fold(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        let mut lower = c.to_lowercase();
        let f = match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        };
        out.push(f);
        map.resize(out.len(), i);
    }
    map.push(text.len());
    (out, map)
}

/// Is `c` a letter or digit of a script written with spaces between words?
fn spaced_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F | 0x20000..=0x3FFFF)
}

/// The match `text[s..e]` does not continue a word of a spaced script on either side.
fn whole_word_at(text: &str, s: usize, e: usize) -> bool {
    let inside = &text[s..e];
    let joins = |edge: Option<char>, next: Option<char>| {
        edge.is_some_and(spaced_word_char) && next.is_some_and(spaced_word_char)
    };
    !joins(inside.chars().next(), text[..s].chars().next_back())
        && !joins(inside.chars().next_back(), text[e..].chars().next())
}

/// A span from byte offsets in `text`.
pub fn span_of(field: &str, text: &str, start: usize, end: usize) -> Span {
    Span::from_bytes(field, text, start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::format::CheckSpec;
    use crate::pack::Table;
    use std::collections::BTreeMap;

    fn compile(ignore_case: bool, whole_words: bool, words: &[&str]) -> TextPattern {
        compile_excluding(ignore_case, whole_words, words, &[])
    }

    fn compile_excluding(
        ignore_case: bool,
        whole_words: bool,
        words: &[&str],
        exclude: &[&str],
    ) -> TextPattern {
        let mut tables = crate::pack::Tables::new();
        tables.insert(
            "lex".to_string(),
            Table::new(
                "lex".into(),
                None,
                "id".into(),
                &[],
                vec![serde_json::json!({"id": "a", "words": words, "exclude": exclude})],
            ),
        );
        let codelists = BTreeMap::new();
        let env = CompileEnv {
            tables: &tables,
            codelists: &codelists,
            deferred_patterns: false,
        };
        let spec = CheckSpec::TextPattern {
            field: "label.t".into(),
            must_match: None,
            must_not_match: None,
            forbidden_table: Some("lex".into()),
            words_column: "words".into(),
            exclude_column: Some("exclude".into()),
            ignore_case,
            whole_words,
        };
        TextPattern::compile(&spec, &env).unwrap()
    }

    fn found(tp: &TextPattern, text: &str) -> Vec<(String, String)> {
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let mut out = Vec::new();
        for (s, e, w) in tp.find_words(text) {
            if taken.iter().any(|&(a, b)| s < b && a < e) {
                continue;
            }
            taken.push((s, e));
            let span = span_of("/t", text, s, e);
            assert!(span.end <= text.chars().count() && span.start <= span.end);
            assert_eq!(
                text.chars()
                    .skip(span.start)
                    .take(span.end - span.start)
                    .collect::<String>(),
                span.text
            );
            out.push((w.to_string(), text[s..e].to_string()));
        }
        out
    }

    #[test]
    fn case_and_word_boundaries() {
        let tp = compile(
            true,
            true,
            &["eco-friendly", "eco", "green", "环保", "umweltfreundlich"],
        );
        assert_eq!(
            found(&tp, "ECO-Friendly, green."),
            vec![
                ("eco-friendly".into(), "ECO-Friendly".into()),
                ("green".into(), "green".into())
            ]
        );
        assert!(found(&tp, "economy evergreen Umweltfreundliche").is_empty());
        assert_eq!(found(&tp, "环保材料"), vec![("环保".into(), "环保".into())]);
        assert_eq!(
            found(&tp, "采用环保材料"),
            vec![("环保".into(), "环保".into())]
        );
        assert_eq!(found(&tp, "100%Eco"), vec![("eco".into(), "Eco".into())]);
        // A character whose lower case is longer keeps the spans aligned.
        assert_eq!(found(&tp, "İ eco"), vec![("eco".into(), "eco".into())]);
        let exact = compile(false, false, &["eco"]);
        assert!(found(&exact, "ECO").is_empty());
        assert_eq!(found(&exact, "economy").len(), 1);
    }

    #[test]
    fn a_word_inside_an_excluded_longer_text_is_passed_over() {
        let tp = compile_excluding(
            false,
            false,
            &["未用", "不使用"],
            &["未用完", "请不使用", "不使用时"],
        );
        assert!(found(&tp, "开封后未用完部分请密封冷藏").is_empty());
        assert!(found(&tp, "包装破损请不使用，不使用时请密封").is_empty());
        assert_eq!(
            found(&tp, "本品未用防腐剂，未用完请冷藏"),
            vec![("未用".into(), "未用".into())]
        );
        // Case-folded search: the exclusion is folded too.
        let en = compile_excluding(true, true, &["free"], &["Free Range", "free-flowing"]);
        assert!(found(&en, "FREE RANGE eggs, Free-Flowing salt").is_empty());
        assert_eq!(found(&en, "Gluten FREE").len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn excluded_texts_never_panic(text in "\\PC{0,40}") {
            let tp = compile_excluding(true, true, &["eco", "ß", "环保"], &["İeco", "环保袋", "ßß"]);
            let _ = found(&tp, &text);
        }

        #[test]
        fn never_panics_and_spans_stay_in_bounds(text in "\\PC{0,40}") {
            let tp = compile(true, true, &["eco", "ß", "环保", "İ"]);
            let _ = found(&tp, &text);
        }
    }
}

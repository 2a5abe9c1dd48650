//! `text_pattern`: printed text must match a pattern (the ingredient list starts with its
//! lead word), must not match one, and must not contain words from a table (the banned
//! "不添加" wording). Forbidden matches carry their character span.

use super::{pointer_of, CompileEnv, Hit, Outcome, RunEnv, WRONG_SPEC};
use crate::expr::{Expr, Scope, Val};
use crate::pack::format::CheckSpec;
use crate::report::Span;
use std::borrow::Cow;

#[derive(Debug)]
pub struct TextPattern {
    field: Expr,
    must_match: Option<regex_lite::Regex>,
    must_not_match: Option<regex_lite::Regex>,
    words: Vec<String>,
}

impl TextPattern {
    pub fn compile(spec: &CheckSpec, env: &CompileEnv<'_>) -> Result<Self, String> {
        let CheckSpec::TextPattern {
            field,
            must_match,
            must_not_match,
            forbidden_table,
            words_column,
        } = spec
        else {
            return Err(WRONG_SPEC.into());
        };
        let re = |p: &Option<String>, what: &str| -> Result<Option<regex_lite::Regex>, String> {
            p.as_deref()
                .map(|p| regex_lite::Regex::new(p).map_err(|e| format!("{what} `{p}`: {e}")))
                .transpose()
        };
        let mut words = Vec::new();
        if let Some(t) = forbidden_table {
            let table = env.table(t)?;
            for row in &table.rows {
                match row.get(words_column) {
                    Some(serde_json::Value::String(s)) => words.push(s.clone()),
                    Some(serde_json::Value::Array(a)) => {
                        words.extend(a.iter().filter_map(|w| w.as_str().map(str::to_string)))
                    }
                    _ => {}
                }
            }
            if words.is_empty() {
                return Err(format!("table `{t}` has no `{words_column}` values"));
            }
            // Longest first, so "零添加" is reported rather than a shorter word inside it.
            words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        }
        let check = TextPattern {
            field: env.expr("field", field)?,
            must_match: re(must_match, "must_match")?,
            must_not_match: re(must_not_match, "must_not_match")?,
            words,
        };
        if check.must_match.is_none() && check.must_not_match.is_none() && check.words.is_empty() {
            return Err(
                "`text_pattern` needs must_match, must_not_match or forbidden_table".into(),
            );
        }
        Ok(check)
    }

    pub fn run<'c, 'a>(
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
        let pointer = pointer_of(&self.field, base);
        let mut hits = Vec::new();
        if let Some(re) = &self.must_match {
            if !re.is_match(&text) {
                hits.push(
                    Hit::at(pointer.clone())
                        .expected(Val::Str(Cow::Owned(re.as_str().to_string())))
                        .found(value.clone()),
                );
            }
        }
        if let Some(re) = &self.must_not_match {
            if let Some(m) = re.find(&text) {
                let mut hit =
                    Hit::at(pointer.clone()).found(Val::Str(Cow::Owned(m.as_str().to_string())));
                hit.span = Some(span_of(&pointer, &text, m.start(), m.end()));
                hits.push(hit);
            }
        }
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for w in &self.words {
            for (s, _) in text.match_indices(w.as_str()) {
                let e = s + w.len();
                if taken.iter().any(|&(a, b)| s < b && a < e) {
                    continue;
                }
                taken.push((s, e));
                let mut hit = Hit::at(pointer.clone())
                    .found(Val::Str(Cow::Owned(w.clone())))
                    .bind("word", Val::Str(Cow::Owned(w.clone())));
                hit.span = Some(span_of(&pointer, &text, s, e));
                hits.push(hit);
            }
        }
        if hits.is_empty() {
            Outcome::Pass
        } else {
            Outcome::Fail(hits)
        }
    }
}

/// A span from byte offsets in `text`.
pub fn span_of(field: &str, text: &str, start: usize, end: usize) -> Span {
    let before = &text[..start];
    let inside = &text[start..end];
    let c0 = before.chars().count();
    let u0 = before.encode_utf16().count();
    Span {
        field: field.to_string(),
        start: c0,
        end: c0 + inside.chars().count(),
        utf16_start: u0,
        utf16_end: u0 + inside.encode_utf16().count(),
        text: inside.to_string(),
    }
}

//! `claim_conditions`: every claim printed on the label that matches a row of a claims
//! table (by structured nutrient + level, by wording, or by pattern) must meet that row's
//! condition. Conditions are expressions stored in the table, compiled at load — so
//! "高钙 needs ≥ 30 % NRV per 100 g" lives in the pack next to the standard's table.
//!
//! An embedded pack compiled on first use (`CompileEnv::deferred_patterns`) keeps each
//! row's condition as text and compiles it when a claim first matches the row: the claims
//! tables hold hundreds of conditions (GB 28050 alone ≈ 200) and a label makes a few
//! claims, so compiling them all was most of a first check's table cost. The tests compile
//! the embedded packs eagerly (`Standards::compile_all`), so a bad condition still fails
//! the build; packs read from files compile every condition at load.

use super::{element_pointer, is_field_path, CompileEnv, Hit, Outcome, RunEnv, WRONG_SPEC};
use crate::expr::{Expr, Scope, Val};
use crate::pack::format::CheckSpec;

#[derive(Debug)]
struct ClaimRow {
    index: usize,
    nutrient: Option<String>,
    level: Option<String>,
    words: Vec<String>,
    pattern: Option<super::required_chars::Pattern>,
    condition: Condition,
}

/// A row's condition, compiled at load or on first use.
#[derive(Debug)]
enum Condition {
    Ready(Expr),
    /// The source, compiled when a claim first matches the row (embedded packs only).
    Deferred(String, std::sync::OnceLock<Result<Expr, String>>),
}

impl ClaimRow {
    fn source(&self) -> &str {
        match &self.condition {
            Condition::Ready(e) => &e.source,
            Condition::Deferred(src, _) => src,
        }
    }

    /// The compiled condition; the error of a deferred compile (which the eager compile
    /// of the embedded packs in the tests rules out).
    fn condition(&self, table: &str, env: &RunEnv<'_>) -> Result<&Expr, String> {
        match &self.condition {
            Condition::Ready(e) => Ok(e),
            Condition::Deferred(src, cell) => cell
                .get_or_init(|| {
                    env.expr(
                        &format!("table `{table}` row #{} condition", self.index + 1),
                        src,
                    )
                })
                .as_ref()
                .map_err(String::clone),
        }
    }
}

/// A row's group of alternatives: its nutrient when each nutrient must be met, else the
/// whole match (`None`).
fn group_of(each_nutrient: bool, row: &ClaimRow) -> Option<&str> {
    if each_nutrient {
        row.nutrient.as_deref()
    } else {
        None
    }
}

#[derive(Debug)]
pub struct ClaimConditions {
    claims: Expr,
    table: String,
    text_field: String,
    expected_column: Option<String>,
    /// Claims of these kinds are not matched (the spec's `skip_kinds`).
    skip_kinds: Vec<String>,
    /// The spec's `each_nutrient`: one passing row per nutrient the claim matches.
    each_nutrient: bool,
    rows: Vec<ClaimRow>,
    /// Names which rows a claim matches: two checks over the same table with the same
    /// words and pattern columns (GB 28050-2011 has four over `content_claims`, one per
    /// condition column) match a claim to the same rows.
    matcher: u64,
}

/// The rows of a claims table a claim of the label matches, by the matcher
/// (`ClaimConditions::matcher`), the table's rows and the claim's address in the label
/// view: matching a claim tries every row's words and pattern, and the rules that share a
/// table and its match columns used to do it once each. One per check (an address names
/// one claim only while the check's label view lives).
#[derive(Default)]
pub struct ClaimMatches(std::cell::RefCell<crate::pack::FastMap<(u64, usize, usize), Vec<u32>>>);

impl ClaimConditions {
    pub fn compile(spec: &CheckSpec, env: &CompileEnv<'_>) -> Result<Self, String> {
        let CheckSpec::ClaimConditions {
            claims,
            table,
            words_column,
            pattern_column,
            condition_column,
            text_field,
            expected_column,
            skip_kinds,
            each_nutrient,
        } = spec
        else {
            return Err(WRONG_SPEC.into());
        };
        let t = env.table(table)?;
        let mut rows = Vec::new();
        for (index, row) in t.rows.iter().enumerate() {
            // For error messages only.
            let id = || {
                row.get(&t.key)
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| format!("#{}", index + 1))
            };
            let Some(cond) = row.get(condition_column).and_then(|v| v.as_str()) else {
                return Err(format!(
                    "table `{table}` row {} has no `{condition_column}` expression",
                    id()
                ));
            };
            let condition = if env.deferred_patterns {
                Condition::Deferred(cond.to_string(), std::sync::OnceLock::new())
            } else {
                Condition::Ready(
                    env.expr(&format!("table `{table}` row {} condition", id()), cond)?,
                )
            };
            let words: Vec<String> = crate::pack::cell_texts(row, words_column)
                .map(str::to_string)
                .collect();
            // A pattern cell that is there but is no string would read as no pattern (the
            // row's words alone): refused at load, as a threshold table's bounds are.
            let source = match row.get(pattern_column) {
                None | Some(serde_json::Value::Null) => None,
                Some(v) => Some(v.as_str().ok_or_else(|| {
                    format!(
                        "table `{table}` row {}: `{pattern_column}` is {}, not a pattern string",
                        id(),
                        crate::pack::template::truncate(&v.to_string())
                    )
                })?),
            };
            let pattern = match source {
                Some(p) => Some(
                    env.pattern(p)
                        .map_err(|e| format!("table `{table}` row {} pattern: {e}", id()))?,
                ),
                None => None,
            };
            rows.push(ClaimRow {
                index,
                nutrient: row
                    .get("nutrient")
                    .and_then(|v| v.as_str())
                    .map(str::to_string),
                level: row
                    .get("level")
                    .and_then(|v| v.as_str())
                    .map(str::to_string),
                words,
                pattern,
                condition,
            });
        }
        let matcher = {
            use std::hash::BuildHasher;
            crate::pack::FastMap::<(), ()>::default()
                .hasher()
                .hash_one((words_column, pattern_column, text_field))
        };
        Ok(ClaimConditions {
            claims: env.expr("claims", claims)?,
            table: table.clone(),
            text_field: text_field.clone(),
            expected_column: expected_column.clone(),
            skip_kinds: skip_kinds.clone(),
            each_nutrient: *each_nutrient,
            rows,
            matcher,
        })
    }

    pub fn run<'c: 'a, 'a>(
        &'c self,
        scope: &mut Scope<'c, 'a>,
        base: &str,
        env: &RunEnv<'a>,
    ) -> Outcome<'a> {
        let Some(table) = env.tables.get(&self.table) else {
            return Outcome::Skip(format!("table `{}` missing", self.table));
        };
        let claims: Vec<Val<'a>> = scope.eval(&self.claims.root).elements().collect();
        let mut matched_any = false;
        let mut hits = Vec::new();
        for (i, claim) in claims.iter().enumerate() {
            if !self.skip_kinds.is_empty() {
                let kind = claim.field("kind");
                if kind
                    .as_str()
                    .is_some_and(|k| self.skip_kinds.iter().any(|s| s == k))
                {
                    continue;
                }
            }
            let text = claim.field(&self.text_field);
            let text = text.as_str().unwrap_or("");
            let nutrient = claim.field("nutrient");
            let level = claim.field("level");
            // The claim is tried against every row's words and pattern: the set of bytes
            // it holds answers most of them before any scan.
            let find = || -> Vec<u32> {
                let search = super::required_chars::WordSearch::new(text);
                (0u32..)
                    .zip(&self.rows)
                    .filter(|(_, r)| {
                        let structured = matches!((&r.nutrient, nutrient.as_str(), &r.level, level.as_str()),
                            (Some(rn), Some(cn), Some(rl), Some(cl)) if rn == cn && rl == cl);
                        structured
                            || (!text.is_empty() && r.words.iter().any(|w| search.contains(w)))
                            || r.pattern.as_ref().is_some_and(|p| p.is_match_in(&search))
                    })
                    .map(|(i, _)| i)
                    .collect()
            };
            // A claim of the label view is matched once per check and matcher; a computed
            // claim has no address to remember it by.
            let rows_of = |found: &[u32]| -> Vec<&ClaimRow> {
                found
                    .iter()
                    .filter_map(|&i| self.rows.get(i as usize))
                    .collect()
            };
            let matching = match claim {
                Val::Doc(d) => {
                    let key = (
                        self.matcher,
                        table.rows.as_ptr() as usize,
                        *d as *const crate::expr::Doc<'_> as usize,
                    );
                    let mut memo = env.claim_matches.0.borrow_mut();
                    rows_of(memo.entry(key).or_insert_with(find))
                }
                _ => rows_of(&find()),
            };
            if matching.is_empty() {
                continue;
            }
            matched_any = true;
            scope.set("claim", claim.clone());
            // Rows of one group are alternatives: the whole match is one group, or with
            // `each_nutrient` each nutrient is one. A group passes when one of its rows does.
            let each = self.each_nutrient;
            let mut passed: Vec<Option<&str>> = Vec::new();
            for r in &matching {
                let group = group_of(each, r);
                if passed.contains(&group) {
                    continue;
                }
                let condition = match r.condition(&self.table, env) {
                    Ok(c) => c,
                    Err(e) => return Outcome::Skip(e),
                };
                scope.set("row", Val::from_json(&table.rows[r.index]));
                if scope.eval(&condition.root).truthy() {
                    passed.push(group);
                    if !self.each_nutrient {
                        break;
                    }
                }
            }
            scope.unset("row");
            scope.unset("claim");
            // The first row of the first group none of whose rows passed.
            if let Some(failed) = matching
                .iter()
                .find(|r| !passed.contains(&group_of(each, r)))
            {
                let first = &table.rows[failed.index];
                let expected = self
                    .expected_column
                    .as_ref()
                    .and_then(|c| first.get(c))
                    .map(Val::from_json)
                    .unwrap_or_else(|| {
                        Val::Str(std::borrow::Cow::Owned(failed.source().to_string()))
                    });
                // A list computed from the element (the parts of a combined claim, 高钙低脂)
                // has no pointers of its own: the finding points at the element's text,
                // where the part is printed.
                let at = if is_field_path(&self.claims) {
                    element_pointer(&self.claims, base, i)
                } else {
                    format!("{base}/{}", self.text_field)
                };
                hits.push(
                    Hit::at(at)
                        .expected(expected)
                        .found(claim.field(&self.text_field))
                        .bind("claim", claim.clone())
                        .bind("row", Val::from_json(first)),
                );
            }
        }
        if !matched_any {
            return Outcome::Skip(format!("no claim matches table `{}`", self.table));
        }
        if hits.is_empty() {
            Outcome::Pass
        } else {
            Outcome::Fail(hits)
        }
    }
}

//! Regression suites: data files of labels and the findings they must produce, run the
//! same way from `cargo test`, `labelcheck test`, Python and WebAssembly.
//!
//! A suite file is JSON (`tests/suites/<pack>/<topic>.json`):
//!
//! ```json
//! {
//!   "description": "GB 7718-2011 ingredient list",
//!   "base": "../../../examples/uht-milk.json",
//!   "as_of": "2026-11-26",
//!   "packs": ["gb7718-2011"],
//!   "cases": [
//!     { "name": "sugar before milk", "clause": "4.1.3.1.2",
//!       "comment": "白砂糖 8 % printed before 生牛乳 90 %",
//!       "patch": { "ingredients": { "items": [ … ] } },
//!       "expect": [ { "rule": "GB7718-2011/4.1.3.1.2/order", "path": "/ingredients/items/1" } ] }
//!   ]
//! }
//! ```
//!
//! `base` (relative to the suite file) is a label that `patch` (RFC 7396 JSON merge
//! patch) modifies; a case may give a whole `label` instead. `expect` lists findings by
//! rule and path, and is exhaustive for the packs named in `packs` (default: the pack whose
//! id is the suite's directory name): a finding not listed fails the case. A label to which
//! no pack applies is `not_checked`, never a pass: such a case must say `expect_error:
//! "not_checked"`. `expect_error`
//! names the error kind (`syntax`, `invalid`, `unknown`, `too_large`) for bad-input cases.
//!
//! A case may give a label's printed `text` instead (with `market` and `category`, on the
//! case or the file, and optional `extra` facts): it is read by the text reader and checked.
//! Such a case may also say what the reader must build — `document`, a JSON subset of the
//! document read (every value given must be there, equal) — and which lines it must leave
//! `unread` (their texts, exactly); an `expect` entry may name the `span` text a finding
//! must point at.

use crate::date::Date;
use crate::engine::{CheckOptions, EditionChoice, Engine};
use crate::error::Error;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuiteFile {
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub base: Option<String>,
    #[serde(default)]
    pub as_of: Option<Date>,
    #[serde(default)]
    pub editions: Vec<String>,
    #[serde(default)]
    pub packs: Option<Vec<String>>,
    /// Default market and category of text cases.
    #[serde(default)]
    pub market: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    pub cases: Vec<Case>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    /// The clause the case exercises (documentation for the reader).
    #[serde(default)]
    pub clause: Option<String>,
    #[serde(default)]
    pub comment: Option<String>,
    #[serde(default)]
    pub patch: Option<Value>,
    #[serde(default)]
    pub label: Option<Value>,
    /// Raw input text instead of JSON (for malformed-input cases).
    #[serde(default)]
    pub raw: Option<String>,
    #[serde(default)]
    pub as_of: Option<Date>,
    #[serde(default)]
    pub editions: Option<Vec<String>>,
    #[serde(default)]
    pub expect: Vec<Expected>,
    #[serde(default)]
    pub expect_error: Option<String>,
    /// A label's printed text, read by the text reader (instead of `label`/`patch`/`raw`).
    #[serde(default)]
    pub text: Option<String>,
    /// Check the label against each of these markets in place of its own (a multi-market
    /// check); the expectations are every market's findings together.
    #[serde(default)]
    pub markets: Option<Vec<String>>,
    #[serde(default)]
    pub market: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    /// Facts the text does not print, merged under the document read.
    #[serde(default)]
    pub extra: Option<serde_json::Map<String, Value>>,
    /// What the reader must build: a JSON subset of the document.
    #[serde(default)]
    pub document: Option<Value>,
    /// The texts of the lines the reader must leave unread, in order.
    #[serde(default)]
    pub unread: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    pub rule: String,
    pub path: String,
    /// The text of the span the finding must point at (text cases).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<String>,
}

/// The result of one case.
#[derive(Debug, Clone, Serialize)]
pub struct CaseResult {
    pub suite: String,
    pub name: String,
    pub passed: bool,
    /// Expected findings that did not occur.
    pub missing: Vec<Expected>,
    /// Findings that occurred but were not expected, with their English message.
    pub unexpected: Vec<(Expected, String)>,
    /// An error that was not expected, or an expected error that did not occur.
    pub error: Option<String>,
}

/// Per-rule evidence gathered over all cases.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Coverage {
    /// Rule id → number of cases where the rule fired as expected.
    pub failing_cases: BTreeMap<String, usize>,
    /// Rule id → number of cases where the rule was evaluated and passed.
    pub passing_cases: BTreeMap<String, usize>,
    /// Rule id → the first few cases where it fired as expected (for the rules reference).
    #[serde(skip)]
    pub failing_examples: BTreeMap<String, Vec<CaseExample>>,
    /// Rule id → the first few cases where it was evaluated and passed.
    #[serde(skip)]
    pub passing_examples: BTreeMap<String, Vec<CaseExample>>,
}

/// A suite case shown as an example of a rule: where it is, what it says, and the label
/// change it makes (its merge patch, or its whole label).
#[derive(Debug, Clone, Serialize)]
pub struct CaseExample {
    pub suite: String,
    pub case: String,
    pub clause: Option<String>,
    pub input: Option<Value>,
}

/// Examples kept per rule and side.
const EXAMPLES_PER_RULE: usize = 3;

fn keep_example(
    map: &mut BTreeMap<String, Vec<CaseExample>>,
    rule: &str,
    ex: impl FnOnce() -> CaseExample,
) {
    let list = map.entry(rule.to_string()).or_default();
    if list.len() < EXAMPLES_PER_RULE {
        list.push(ex());
    }
}

impl Coverage {
    /// Rules of the engine lacking a failing or a passing case.
    pub fn gaps(&self, engine: &Engine) -> Vec<String> {
        let mut out = Vec::new();
        for (_, rule) in engine.standards().rules() {
            let f = self.failing_cases.get(&rule.id).copied().unwrap_or(0);
            let p = self.passing_cases.get(&rule.id).copied().unwrap_or(0);
            if f == 0 || p == 0 {
                let mut lacks = Vec::new();
                if f == 0 {
                    lacks.push("a failing case");
                }
                if p == 0 {
                    lacks.push("a passing case");
                }
                out.push(format!("{} lacks {}", rule.id, lacks.join(" and ")));
            }
        }
        out
    }
}

/// A multi-market result as one report for comparing with a case's expectations: every
/// market's findings and trace (rule ids name their pack, so their market); not checked
/// only when no market was.
fn combined_report(m: crate::report::MarketReports) -> Result<crate::report::Report, Error> {
    let verdict = m.verdict;
    let mut it = m.markets.into_iter().map(|x| x.report);
    let Some(mut first) = it.next() else {
        return Err(Error::Option("no market to check against".into()));
    };
    for r in it {
        first.findings.extend(r.findings);
        first.trace.extend(r.trace);
        first.packs.extend(r.packs);
    }
    first.verdict = verdict;
    Ok(first)
}

/// Reads a suite file and checks what the cases cannot: the file is an object, the packs it
/// compares are loaded (an unknown id filtered every finding away, so every case passed),
/// and no two cases share a name.
fn parse_suite_file(engine: &Engine, suite: &str, text: &str) -> Result<SuiteFile, String> {
    if text.starts_with('\u{feff}') {
        return Err(format!(
            "{suite}: the file starts with a byte-order mark (U+FEFF); save it as UTF-8 \
             without one"
        ));
    }
    if text.trim_start().starts_with('[') {
        return Err(format!(
            "{suite}: a suite file must be a JSON object (`{{\"cases\": [...]}}`), not an array"
        ));
    }
    let file: SuiteFile = serde_json::from_str(text).map_err(|e| format!("{suite}: {e}"))?;
    for id in file.packs.iter().flatten() {
        if !engine.packs().iter().any(|p| p.meta.id == *id) {
            let mut known: Vec<&str> = engine.packs().iter().map(|p| p.meta.id.as_str()).collect();
            known.sort_unstable();
            known.dedup();
            return Err(format!(
                "{suite}: `packs` names `{}`, which is no loaded pack (known: {})",
                crate::pack::template::truncate(id),
                known.join(", ")
            ));
        }
    }
    let mut names = BTreeSet::new();
    for case in &file.cases {
        if !names.insert(case.name.as_str()) {
            return Err(format!(
                "{suite}: two cases are named `{}`; case names must be unique in a file",
                crate::pack::template::truncate(&case.name)
            ));
        }
    }
    Ok(file)
}

/// Runs one suite. `suite` names it in results (usually its path); `dir_name` is the
/// suite's directory (the default pack filter); `load` reads a file relative to the suite.
pub fn run_suite(
    engine: &Engine,
    suite: &str,
    dir_name: &str,
    text: &str,
    load: &dyn Fn(&str) -> Result<String, String>,
    coverage: &mut Coverage,
) -> Result<Vec<CaseResult>, String> {
    let file = parse_suite_file(engine, suite, text)?;
    let base: Option<Value> = match &file.base {
        Some(b) => {
            // Shown with control characters escaped (a NUL was echoed raw).
            let shown = b.escape_debug().to_string();
            let t = load(b).map_err(|e| format!("{suite}: base `{shown}`: {e}"))?;
            Some(serde_json::from_str(&t).map_err(|e| format!("{suite}: base `{shown}`: {e}"))?)
        }
        None => None,
    };
    let packs: BTreeSet<String> = match &file.packs {
        Some(p) => p.iter().cloned().collect(),
        None if engine.packs().iter().any(|p| p.meta.id == dir_name) => {
            std::iter::once(dir_name.to_string()).collect()
        }
        None => BTreeSet::new(),
    };
    let own_rules: BTreeSet<&str> = engine
        .packs()
        .iter()
        .filter(|p| packs.is_empty() || packs.contains(&p.meta.id))
        .flat_map(|p| p.rules.iter().map(|r| r.id.as_str()))
        .collect();
    let mut results = Vec::new();
    for case in &file.cases {
        if case.text.is_some() {
            results.push(run_text_case(
                engine, suite, &file, case, &packs, &own_rules, coverage,
            )?);
            continue;
        }
        let input: Vec<u8> = if let Some(raw) = &case.raw {
            raw.clone().into_bytes()
        } else {
            let mut doc = match (&case.label, &base) {
                (Some(l), _) => l.clone(),
                (None, Some(b)) => b.clone(),
                (None, None) => {
                    return Err(format!(
                        "{suite}: case `{}` has neither label nor base",
                        case.name
                    ))
                }
            };
            if let Some(p) = &case.patch {
                merge_patch(&mut doc, p);
            }
            serde_json::to_vec(&doc).map_err(|e| e.to_string())?
        };
        let editions = case
            .editions
            .clone()
            .unwrap_or_else(|| file.editions.clone());
        let opts = CheckOptions {
            as_of: case.as_of.or(file.as_of),
            editions: if editions.is_empty() {
                EditionChoice::InForce
            } else {
                EditionChoice::Named(editions)
            },
            trace: true,
            only: None,
            omit_skipped: false,
        };
        let mut result = CaseResult {
            suite: suite.to_string(),
            name: case.name.clone(),
            passed: true,
            missing: vec![],
            unexpected: vec![],
            error: None,
        };
        let outcome = match &case.markets {
            Some(markets) => engine
                .check_markets_json(&input, markets, &opts)
                .and_then(combined_report),
            None => engine.check_json(&input, &opts),
        };
        match (outcome, &case.expect_error) {
            // No pack applied: judged like an error of kind `not_checked`.
            (Ok(report), Some(kind)) if !report.is_checked() => {
                if kind != "not_checked" {
                    result.passed = false;
                    result.error = Some(format!(
                        "expected a `{kind}` error, got `not_checked` (no pack applies)"
                    ));
                }
            }
            (Ok(report), None) if !report.is_checked() => {
                result.passed = false;
                result.error = Some(
                    "no pack applies to the label on the check date (not checked); \
                     expect_error: \"not_checked\" if that is the point"
                        .into(),
                );
            }
            (Ok(report), None) => {
                let actual: BTreeSet<Expected> = report
                    .findings
                    .iter()
                    .filter(|f| packs.is_empty() || packs.contains(&f.citation.pack))
                    .map(|f| Expected {
                        rule: f.rule.clone(),
                        path: f.path.clone(),
                        span: None,
                    })
                    .collect();
                let expected: BTreeSet<Expected> = case.expect.iter().cloned().collect();
                result.missing = expected.difference(&actual).cloned().collect();
                result.unexpected = actual
                    .difference(&expected)
                    .map(|e| {
                        let msg = report
                            .findings
                            .iter()
                            .find(|f| f.rule == e.rule && f.path == e.path)
                            .map(|f| f.message.en.clone())
                            .unwrap_or_default();
                        (e.clone(), msg)
                    })
                    .collect();
                result.passed = result.missing.is_empty() && result.unexpected.is_empty();
                let example = || CaseExample {
                    suite: suite.to_string(),
                    case: case.name.clone(),
                    clause: case.clause.clone(),
                    input: case.patch.clone().or_else(|| case.label.clone()),
                };
                if result.passed {
                    for e in &expected {
                        *coverage.failing_cases.entry(e.rule.clone()).or_default() += 1;
                        keep_example(&mut coverage.failing_examples, &e.rule, example);
                    }
                }
                for t in &report.trace {
                    if t.outcome == "pass" && own_rules.contains(t.rule.as_str()) {
                        *coverage.passing_cases.entry(t.rule.clone()).or_default() += 1;
                        keep_example(&mut coverage.passing_examples, &t.rule, example);
                    }
                }
            }
            (Ok(_), Some(kind)) => {
                result.passed = false;
                result.error = Some(format!("expected a `{kind}` error, got a report"));
            }
            (Err(e), Some(kind)) => {
                let actual_kind = error_kind(&e);
                if actual_kind != kind {
                    result.passed = false;
                    result.error = Some(format!(
                        "expected a `{kind}` error, got `{actual_kind}`: {e}"
                    ));
                }
            }
            (Err(e), None) => {
                result.passed = false;
                result.error = Some(e.to_string());
            }
        }
        results.push(result);
    }
    Ok(results)
}

/// Runs a case given as printed text: reads it, checks the document, and compares the
/// findings (with their spans when the case names them), the document and the unread lines.
fn run_text_case(
    engine: &Engine,
    suite: &str,
    file: &SuiteFile,
    case: &Case,
    packs: &BTreeSet<String>,
    own_rules: &BTreeSet<&str>,
    coverage: &mut Coverage,
) -> Result<CaseResult, String> {
    let text = case.text.as_deref().unwrap_or_default();
    let need = |v: &Option<String>, d: &Option<String>, what: &str| {
        v.clone()
            .or_else(|| d.clone())
            .ok_or_else(|| format!("{suite}: text case `{}` has no {what}", case.name))
    };
    let ctx = crate::label::text::TextContext {
        market: need(&case.market, &file.market, "market")?,
        category: need(&case.category, &file.category, "category")?,
        check_date: None,
        id: None,
        extra: case.extra.clone(),
    };
    let editions = case
        .editions
        .clone()
        .unwrap_or_else(|| file.editions.clone());
    let opts = CheckOptions {
        as_of: case.as_of.or(file.as_of),
        editions: if editions.is_empty() {
            EditionChoice::InForce
        } else {
            EditionChoice::Named(editions)
        },
        trace: true,
        only: None,
        omit_skipped: false,
    };
    let mut result = CaseResult {
        suite: suite.to_string(),
        name: case.name.clone(),
        passed: true,
        missing: vec![],
        unexpected: vec![],
        error: None,
    };
    let report = match (engine.check_text(text, &ctx, &opts), &case.expect_error) {
        (Ok(r), None) => r,
        (Ok(_), Some(kind)) => {
            result.passed = false;
            result.error = Some(format!("expected a `{kind}` error, got a report"));
            return Ok(result);
        }
        (Err(e), Some(kind)) => {
            let actual = error_kind(&e);
            if actual != kind {
                result.passed = false;
                result.error = Some(format!("expected a `{kind}` error, got `{actual}`: {e}"));
            }
            return Ok(result);
        }
        (Err(e), None) => {
            result.passed = false;
            result.error = Some(e.to_string());
            return Ok(result);
        }
    };
    let actual: BTreeSet<Expected> = report
        .findings
        .iter()
        .filter(|f| packs.is_empty() || packs.contains(&f.citation.pack))
        .map(|f| Expected {
            rule: f.rule.clone(),
            path: f.path.clone(),
            span: None,
        })
        .collect();
    let expected: BTreeSet<Expected> = case
        .expect
        .iter()
        .map(|e| Expected {
            span: None,
            ..e.clone()
        })
        .collect();
    result.missing = expected.difference(&actual).cloned().collect();
    for e in case.expect.iter().filter(|e| e.span.is_some()) {
        let hit = report.findings.iter().any(|f| {
            f.rule == e.rule
                && f.path == e.path
                && f.span.as_ref().map(|s| s.text.as_str()) == e.span.as_deref()
        });
        if !hit
            && actual.contains(&Expected {
                span: None,
                ..e.clone()
            })
        {
            result.missing.push(e.clone());
        }
    }
    result.unexpected = actual
        .difference(&expected)
        .map(|e| {
            let msg = report
                .findings
                .iter()
                .find(|f| f.rule == e.rule && f.path == e.path)
                .map(|f| f.message.en.clone())
                .unwrap_or_default();
            (e.clone(), msg)
        })
        .collect();
    let mut problems = Vec::new();
    if let Some(reading) = &report.text {
        if let Some(want) = &case.document {
            subset_mismatch(want, &reading.document, "", &mut problems);
        }
        if let Some(want) = &case.unread {
            let got: Vec<&str> = reading
                .unread
                .iter()
                .map(|u| u.span.text.as_str())
                .collect();
            if got != want.iter().map(String::as_str).collect::<Vec<_>>() {
                problems.push(format!("unread lines {got:?}, expected {want:?}"));
            }
        }
    }
    if !problems.is_empty() {
        result.error = Some(problems.join("; "));
    }
    result.passed =
        result.missing.is_empty() && result.unexpected.is_empty() && result.error.is_none();
    // Coverage as for JSON cases: the text is the case's input.
    let example = || CaseExample {
        suite: suite.to_string(),
        case: case.name.clone(),
        clause: case.clause.clone(),
        input: case.text.clone().map(Value::String),
    };
    if result.passed {
        for e in &expected {
            *coverage.failing_cases.entry(e.rule.clone()).or_default() += 1;
            keep_example(&mut coverage.failing_examples, &e.rule, example);
        }
    }
    for t in &report.trace {
        if t.outcome == "pass" && own_rules.contains(t.rule.as_str()) {
            *coverage.passing_cases.entry(t.rule.clone()).or_default() += 1;
            keep_example(&mut coverage.passing_examples, &t.rule, example);
        }
    }
    Ok(result)
}

/// Where `want` is not a JSON subset of `got` (objects by key, everything else equal).
fn subset_mismatch(want: &Value, got: &Value, at: &str, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, v) in w {
                let p = format!("{at}/{k}");
                match g.get(k) {
                    Some(gv) => subset_mismatch(v, gv, &p, out),
                    None if v.is_null() => {}
                    None => out.push(format!("document {p}: missing, expected {v}")),
                }
            }
        }
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => {
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                subset_mismatch(wv, gv, &format!("{at}/{i}"), out);
            }
        }
        (w, g) if w == g => {}
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => {}
        (w, g) => out.push(format!("document {at}: {g}, expected {w}")),
    }
}

/// The short kind of an error, as named by `expect_error`.
pub fn error_kind(e: &Error) -> &'static str {
    use crate::error::LabelError;
    match e {
        Error::Label(LabelError::Syntax { .. }) => "syntax",
        Error::Label(LabelError::Invalid { .. }) => "invalid",
        Error::Label(LabelError::Unknown { .. }) => "unknown",
        Error::Label(LabelError::TooLarge { .. }) => "too_large",
        Error::Pack(_) | Error::Packs(_) => "pack",
        Error::Option(_) => "option",
        Error::Io { .. } => "io",
    }
}

/// RFC 7396 JSON merge patch.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    match patch {
        Value::Object(p) => {
            if !target.is_object() {
                *target = Value::Object(serde_json::Map::new());
            }
            if let Value::Object(t) = target {
                for (k, v) in p {
                    if v.is_null() {
                        t.remove(k);
                    } else {
                        merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
                    }
                }
            }
        }
        other => *target = other.clone(),
    }
}

/// The largest suite file read.
#[cfg(not(target_arch = "wasm32"))]
const SUITE_FILE_LIMIT: u64 = 16 * 1024 * 1024;

/// The tree a suite directory belongs to: the nearest ancestor that is a project root (holds
/// `.git` or `standards/`), else the directory itself. A case's `base` must lie inside it —
/// the repository's suites use the repository's `examples/`; nothing outside is read.
#[cfg(not(target_arch = "wasm32"))]
fn suite_tree(dir: &std::path::Path) -> std::path::PathBuf {
    let start = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    start
        .ancestors()
        .find(|a| a.join(".git").exists() || a.join("standards").is_dir())
        .map(|a| a.to_path_buf())
        .unwrap_or(start)
}

/// Runs every suite under a directory (native builds): `<dir>/<pack>/*.json`.
#[cfg(not(target_arch = "wasm32"))]
pub fn run_dir(
    engine: &Engine,
    dir: &std::path::Path,
) -> Result<(Vec<CaseResult>, Coverage), String> {
    let mut files = Vec::new();
    // Symbolic links are not followed and only regular files are read (as for packs).
    fn walk(d: &std::path::Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
        let rd = std::fs::read_dir(d).map_err(|e| format!("{}: {e}", d.display()))?;
        for e in rd.flatten() {
            let p = e.path();
            let Ok(kind) = e.file_type() else { continue };
            if kind.is_dir() {
                walk(&p, out)?;
            } else if kind.is_file() && p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
        Ok(())
    }
    walk(dir, &mut files)?;
    crate::order::sort(&mut files);
    let tree = suite_tree(dir);
    let mut coverage = Coverage::default();
    let mut all = Vec::new();
    for f in files {
        let text = crate::engine::read_bounded_file(&f, SUITE_FILE_LIMIT)
            .map_err(|e| format!("{}: {e}", f.display()))?;
        let parent = f.parent().map(|p| p.to_path_buf()).unwrap_or_default();
        let dir_name = parent
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        // A base stays inside the tree the suites belong to (see `suite_tree`), is a regular
        // file and is no larger than a label may be.
        let load = |rel: &str| -> Result<String, String> {
            let p = parent.join(rel);
            let real = std::fs::canonicalize(&p).map_err(|e| e.to_string())?;
            if !real.starts_with(&tree) {
                return Err(format!(
                    "{} is outside the suite tree {}",
                    real.display(),
                    tree.display()
                ));
            }
            if !std::fs::metadata(&real)
                .map(|m| m.is_file())
                .unwrap_or(false)
            {
                return Err("not a regular file".into());
            }
            crate::engine::read_bounded_file(&real, engine.limits().max_label_bytes as u64)
                .map_err(|e| e.to_string())
        };
        let name = f.strip_prefix(dir).unwrap_or(&f).display().to_string();
        all.extend(run_suite(
            engine,
            &name,
            &dir_name,
            &text,
            &load,
            &mut coverage,
        )?);
    }
    Ok((all, coverage))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_patch_follows_rfc7396() {
        let mut t = serde_json::json!({"a": {"b": 1, "c": 2}, "d": [1, 2]});
        merge_patch(
            &mut t,
            &serde_json::json!({"a": {"b": null, "e": 3}, "d": [9]}),
        );
        assert_eq!(t, serde_json::json!({"a": {"c": 2, "e": 3}, "d": [9]}));
    }
}

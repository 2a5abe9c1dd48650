//! Invariant checks shared by the fuzz targets (`fuzz/`) and the regression tests that
//! replay their findings (`core/tests/fuzz_regressions.rs`). Not part of the stable API.
//!
//! Each function takes arbitrary input, runs one entry point and panics only when an
//! invariant is broken: the entry point itself panicked, a span lies outside its text, a
//! report does not serialise, or the same input gave different output bytes.

use crate::expr::{EvalContext, Expr, Scope, Val};
use crate::label::{parse_ingredients_text, Ingredient};
use crate::pack::{SourceFile, Standards};
use crate::report::Span;
use crate::{CheckOptions, Date, Engine};
use serde_json::Value;
use std::sync::OnceLock;

/// The embedded engine, built once per process.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().unwrap_or_else(|e| panic!("embedded packs: {e}")))
}

fn opts() -> CheckOptions {
    CheckOptions {
        as_of: Date::from_ymd(2026, 11, 26),
        ..Default::default()
    }
}

/// Checks spans against one text: the text's characters and UTF-16 offsets are indexed
/// once, so checking every item of a long ingredient list is linear, not quadratic (the
/// oracle used to cost more than the parser under fuzzing).
pub struct SpanOracle {
    chars: Vec<char>,
    /// UTF-16 offset of each char, plus the total at the end.
    utf16_at: Vec<usize>,
}

impl SpanOracle {
    pub fn new(whole: &str) -> Self {
        let chars: Vec<char> = whole.chars().collect();
        let mut utf16_at = Vec::with_capacity(chars.len() + 1);
        let mut n = 0;
        for c in &chars {
            utf16_at.push(n);
            n += c.len_utf16();
        }
        utf16_at.push(n);
        SpanOracle { chars, utf16_at }
    }

    /// `span` covers exactly its `text` inside the whole text, in chars and UTF-16.
    pub fn check(&self, span: &Span) {
        assert!(
            span.start <= span.end && span.end <= self.chars.len(),
            "span {}..{} outside a text of {} chars",
            span.start,
            span.end,
            self.chars.len()
        );
        let covered: String = self.chars[span.start..span.end].iter().collect();
        assert_eq!(covered, span.text, "span text differs from the input");
        assert_eq!(
            (span.utf16_start, span.utf16_end),
            (self.utf16_at[span.start], self.utf16_at[span.end]),
            "UTF-16 span disagrees with the char span"
        );
    }
}

/// Checks that `span` covers exactly its `text` inside `whole`, in chars and UTF-16.
pub fn assert_span_in(span: &Span, whole: &str) {
    SpanOracle::new(whole).check(span);
}

/// Label JSON → check: never panics; errors and reports serialise; output is deterministic;
/// every span of a finding lies inside the input text it names. Returns the result.
pub fn label_check(bytes: &[u8]) -> Result<crate::Report, crate::Error> {
    let engine = engine();
    let first = engine.check_json(bytes, &opts());
    let second = engine.check_json(bytes, &opts());
    let a = serde_json::to_vec(&first).expect("result serialises");
    let b = serde_json::to_vec(&second).expect("result serialises");
    assert!(a == b, "same input, different output");
    let Ok(report) = &first else { return first };
    let input: Value = serde_json::from_slice(bytes).expect("a checked label is JSON");
    for f in &report.findings {
        if let Some(span) = &f.span {
            let text = input
                .pointer(&span.field)
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("span field {} is not a text of the input", span.field));
            assert_span_in(span, text);
        }
    }
    first
}

/// Printed ingredient text → items: never panics; every item span (at any depth) covers its
/// characters of the input; parsing is deterministic.
pub fn ingredients_text(text: &str) {
    let parsed = parse_ingredients_text(text);
    fn walk(items: &[Ingredient], oracle: &SpanOracle) {
        for i in items {
            if let Some(s) = &i.span {
                oracle.check(s);
            }
            walk(&i.ingredients, oracle);
        }
    }
    walk(&parsed.items, &SpanOracle::new(text));
    let again = parse_ingredients_text(text);
    let a = serde_json::to_vec(&parsed.items).expect("items serialise");
    let b = serde_json::to_vec(&again.items).expect("items serialise");
    assert!(
        a == b && parsed.lead_word == again.lead_word,
        "nondeterministic parse"
    );
}

/// The fibre-content text parser: spans of components, fibres and unreadable tokens lie in
/// the input, and parsing is deterministic.
pub fn fibre_text(text: &str) {
    let parsed = crate::label::parse_fibre_text(text);
    let oracle = SpanOracle::new(text);
    for c in &parsed.components {
        if let Some(s) = &c.span {
            oracle.check(s);
        }
        for f in &c.fibres {
            if let Some(s) = &f.span {
                oracle.check(s);
            }
        }
    }
    for u in &parsed.unparsed {
        oracle.check(&u.span);
    }
    let again = crate::label::parse_fibre_text(text);
    let a = serde_json::to_vec(&parsed.components).expect("components serialise");
    let b = serde_json::to_vec(&again.components).expect("components serialise");
    assert!(a == b, "nondeterministic parse");
}

/// Label-text reader and check: the first byte picks the category (food, textile); the rest
/// is the label's text. Every span of the reading and every finding span on the text covers
/// exactly its characters; the same text gives the same report.
pub fn label_text(bytes: &[u8]) {
    let Some((&pick, rest)) = bytes.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let ctx = crate::label::text::TextContext {
        market: "CN".into(),
        category: if pick % 2 == 0 {
            "food"
        } else {
            "textile.apparel"
        }
        .into(),
        check_date: None,
        id: None,
        extra: None,
    };
    let engine = engine();
    let first = engine.check_text(text, &ctx, &opts());
    let oracle = SpanOracle::new(text);
    if let Ok(report) = &first {
        let reading = report
            .text
            .as_ref()
            .expect("a text report carries its reading");
        for f in &reading.fields {
            oracle.check(&f.span);
        }
        for u in &reading.unread {
            oracle.check(&u.span);
        }
        for f in &report.findings {
            if let Some(s) = f.span.as_ref().filter(|s| &*s.field == "/text") {
                oracle.check(s);
            }
        }
    }
    let second = engine.check_text(text, &ctx, &opts());
    let a = serde_json::to_vec(&first.map_err(|e| e.to_string())).expect("result serialises");
    let b = serde_json::to_vec(&second.map_err(|e| e.to_string())).expect("result serialises");
    assert!(a == b, "same text, different output");
}

/// The standards files a pack fuzz input is laid over: the catalogue, code lists and packs.
fn base_files() -> &'static [SourceFile] {
    static FILES: OnceLock<Vec<SourceFile>> = OnceLock::new();
    FILES.get_or_init(|| {
        crate::embedded::files()
            .into_iter()
            .filter(|f| f.path.ends_with(".toml"))
            .collect()
    })
}

/// Pack loader: the input is one standards file whose first line may name the file it
/// replaces (`# packs/gb7718-2011/rules-dates.toml`); otherwise it is the `pack.toml` of a
/// new pack `packs/fuzz/`. Only that file's pack directory (plus the catalogue and code
/// lists) is loaded. Never panics; every error names a file of the input set.
pub fn pack_load(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let first = text.lines().next().unwrap_or("");
    let target = first
        .strip_prefix("# ")
        .map(str::trim)
        .filter(|p| p.starts_with("packs/") && p.ends_with(".toml") && p.split('/').count() == 3)
        .unwrap_or("packs/fuzz/pack.toml")
        .to_string();
    let dir = target.rsplit_once('/').map(|(d, _)| d).unwrap_or("packs");
    let mut files: Vec<SourceFile> = base_files()
        .iter()
        .filter(|f| !f.path.starts_with("packs/") || f.path.starts_with(&format!("{dir}/")))
        .filter(|f| f.path != target)
        .cloned()
        .collect();
    files.push(SourceFile {
        path: target,
        text: text.to_string().into(),
    });
    match Standards::load(&files) {
        Ok(s) => {
            // A loaded pack keeps every rule it declared: ids are unique.
            let mut ids: Vec<&str> = s.rules().map(|(_, r)| r.id.as_str()).collect();
            let n = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), n, "duplicate rule ids survived loading");
        }
        Err(errors) => {
            assert!(
                !errors.is_empty(),
                "a failed load reports at least one error"
            );
            for e in &errors {
                // A file of the input, or a pack directory (`packs/fuzz`: no [pack] table).
                assert!(
                    files
                        .iter()
                        .any(|f| f.path == e.file || f.path.starts_with(&format!("{}/", e.file)))
                        || e.file == "categories.toml",
                    "error names a file that is not in the input: {e}"
                );
                let _ = e.to_string();
            }
        }
    }
}

/// `examples/uht-milk.json`, compact (kept inside the crate so that the packaged crate
/// builds; `core/tests/fuzz_regressions.rs` checks it still equals the example).
#[doc(hidden)]
pub const EXPRESSION_LABEL: &str = r#"{"schema_version":"1","id":"example-uht-milk","market":"CN","category":"food.dairy.modified_milk","check_date":"2026-11-26","product_name":{"text":"草原早餐奶（调制乳）","char_height_mm":8},"ingredients":{"text":"配料：生牛乳(≥80%)、水、白砂糖、燕麦粉、食品添加剂（单，双甘油脂肪酸酯、卡拉胶）、食用香精","recipe":[{"name":"水","percent":9.5},{"name":"白砂糖","percent":6},{"name":"燕麦粉","percent":2},{"name":"食品添加剂","percent":0.3},{"name":"食用香精","percent":0.05}]},"nutrition":{"basis":"per_100ml","format":"table","title":"营养成分表","rows":[{"name":"能量","value":308,"unit":"kJ","nrv_percent":4},{"name":"蛋白质","value":2.6,"unit":"g","nrv_percent":4},{"name":"脂肪","value":3.0,"unit":"g","nrv_percent":5},{"name":"碳水化合物","value":9.0,"unit":"g","nrv_percent":3},{"name":"钠","value":55,"unit":"mg","nrv_percent":3},{"name":"钙","value":90,"unit":"mg","nrv_percent":11}]},"net_content":{"text":"净含量：250mL","value":250,"unit":"mL","char_height_mm":4,"same_panel_as_name":true},"producer":{"name":"内蒙古草原牧场乳业有限公司","address":"内蒙古自治区呼和浩特市赛罕区金桥开发区乳业大街8号","contact":"0471-5551234","kind":"legal_entity"},"origin":{"place":"内蒙古自治区呼和浩特市"},"dates":{"production":"2026-10-15","shelf_life":"6个月"},"storage":"常温避光保存，开启后请冷藏并尽快饮用","licence_number":"SC10515010500011","standard_code":"GB 25191","package":{"shape":"cuboid","largest_surface_cm2":66,"height_cm":10.5,"width_cm":6.3,"min_char_height_mm":1.8}}"#;

/// The label the expression target evaluates against.
fn expr_label() -> &'static crate::expr::Doc<'static> {
    static LABEL: OnceLock<crate::expr::Doc<'static>> = OnceLock::new();
    LABEL.get_or_init(|| {
        let text = EXPRESSION_LABEL;
        let mut label = crate::label::parse_label(text.as_bytes(), &Default::default())
            .expect("the example parses");
        label.normalise(&|_| None, &|_| None);
        // The view lives as long as the process: its arena is leaked once.
        let arena: &'static crate::expr::Arena = Box::leak(Box::default());
        crate::expr::Doc::of(&label, arena).expect("label serialises")
    })
}

/// Expression compiler and evaluator: arbitrary source text compiles or fails with an
/// offset inside the text; what compiles evaluates without panicking, deterministically,
/// against a real label and the tables of a real pack.
pub fn expression(bytes: &[u8]) {
    let Ok(src) = std::str::from_utf8(bytes) else {
        return;
    };
    let engine = engine();
    let pack = &engine.packs()[0];
    let known = |t: &str| pack.tables.contains_key(t);
    let expr = match Expr::compile(src, &known) {
        Ok(e) => e,
        Err(e) => {
            assert!(e.offset <= src.len(), "error offset past the end");
            return;
        }
    };
    let ctx = EvalContext {
        label: expr_label(),
        tables: &pack.tables,
        tags: &[],
        as_of: Date::from_ymd(2026, 11, 26).expect("a date"),
        codelists: &engine.standards().codelists,
    };
    let item = expr_label()
        .get("ingredients")
        .and_then(|i| i.get("items"))
        .and_then(|i| i.as_array())
        .and_then(|a| a.first());
    let mut scope = Scope::new(&ctx);
    scope.set("item", item.map(Val::from_doc).unwrap_or(Val::Null));
    let a = scope.eval(&expr.root);
    let b = scope.eval(&expr.root);
    let (ja, jb) = (a.to_json(), b.to_json());
    assert_eq!(ja, jb, "nondeterministic evaluation");
    let _ = a.display();
    let _ = a.truthy();
}

//! The hostile-input corpus (`tests/hostile/labels.json`, written by
//! `tests/hostile/generate.py`): every case gets the structured error or the report the
//! manifest names, never a panic. Reports also pass the fuzz invariants (spans inside the
//! input, serialisable, deterministic). Big inputs are generated here from small recipes.

use labelcheck::{CheckOptions, Engine, Error, LabelError, Report};
use serde_json::{json, Value};

fn engine() -> &'static Engine {
    // The same engine the fuzz invariants use.
    labelcheck::fuzzing::engine()
}

fn opts() -> CheckOptions {
    CheckOptions {
        as_of: labelcheck::Date::parse_iso("2026-11-26"),
        ..Default::default()
    }
}

fn base() -> Value {
    serde_json::from_str(include_str!("../../examples/uht-milk.json")).expect("example is JSON")
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

/// Expands a `generate` recipe into input bytes.
fn generate(g: &Value) -> Vec<u8> {
    let n = |k: &str| g[k].as_u64().unwrap_or_else(|| panic!("recipe needs {k}")) as usize;
    let s = |k: &str| g[k].as_str().unwrap_or("").to_string();
    match g["kind"].as_str() {
        Some("deep") => format!(
            "{}{}",
            s("open").repeat(n("depth")),
            s("close").repeat(n("depth"))
        )
        .into_bytes(),
        Some("deep_in") => {
            let mut b = base().to_string();
            b.pop();
            format!(
                "{b},\"extensions\":{{\"x\":{}{}}}}}",
                "[".repeat(n("depth")),
                "]".repeat(n("depth"))
            )
            .into_bytes()
        }
        Some("deep_items") => {
            let mut item = json!({"name": "盐"});
            for _ in 0..n("depth") {
                item = json!({"name": "复合配料", "ingredients": [item]});
            }
            let mut b = base();
            b["ingredients"] = json!({"items": [item]});
            b.to_string().into_bytes()
        }
        Some("big_string") => {
            let mut b = base();
            let count = n("bytes");
            match s("field").as_str() {
                "ingredients_text" => b["ingredients"]["text"] = json!("水".repeat(count)),
                f => b[f] = json!("x".repeat(count)),
            }
            b.to_string().into_bytes()
        }
        Some("spaces") => vec![b' '; n("bytes")],
        Some("many") => {
            let mut b = base();
            let count = n("count");
            match s("list").as_str() {
                "claims" => b["claims"] = json!(vec![json!({"text": "高钙"}); count]),
                "nutrition_rows" => {
                    b["nutrition"]["rows"] = json!(vec![json!({"name": "钠", "value": 1}); count])
                }
                "items" => {
                    b["ingredients"] = json!({"items": (0..count).map(|i| json!({"name": format!("料{i}")})).collect::<Vec<_>>()})
                }
                "statements" => b["statements"] = json!(vec!["x"; count]),
                other => panic!("unknown list {other}"),
            }
            b.to_string().into_bytes()
        }
        other => panic!("unknown recipe {other:?}"),
    }
}

fn input_of(case: &Value) -> Vec<u8> {
    if let Some(s) = case["input"].as_str() {
        s.as_bytes().to_vec()
    } else if let Some(h) = case["input_hex"].as_str() {
        hex(h)
    } else {
        generate(&case["generate"])
    }
}

fn outcome(r: &Result<Report, Error>) -> (&'static str, Option<String>) {
    match r {
        Ok(_) => ("report", None),
        Err(Error::Label(LabelError::Syntax { .. })) => ("syntax", None),
        Err(Error::Label(LabelError::TooLarge { .. })) => ("too_large", None),
        Err(Error::Label(e @ LabelError::Invalid { .. })) => {
            ("invalid", e.path().map(String::from))
        }
        Err(Error::Label(e @ LabelError::Unknown { .. })) => {
            ("unknown", e.path().map(String::from))
        }
        Err(_) => ("other", None),
    }
}

fn findings(r: &Report) -> Vec<(String, String)> {
    let mut v: Vec<_> = r
        .findings
        .iter()
        .map(|f| (f.rule.clone(), f.path.clone()))
        .collect();
    v.sort();
    v
}

#[test]
fn hostile_label_corpus() {
    let manifest: Value =
        serde_json::from_str(include_str!("../../tests/hostile/labels.json")).expect("manifest");
    let cases = manifest["cases"].as_array().expect("cases");
    assert!(cases.len() >= 300, "the corpus keeps at least 300 cases");
    let base_report = engine()
        .check_json(base().to_string().as_bytes(), &opts())
        .expect("base label checks");
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        let bytes = input_of(case);
        // Spans inside the input, serialisable, deterministic; a panic here names the case.
        let result = match std::panic::catch_unwind(|| labelcheck::fuzzing::label_check(&bytes)) {
            Ok(r) => r,
            Err(p) => {
                failures.push(format!("{name}: panicked or broke an invariant: {p:?}"));
                continue;
            }
        };
        let (got, path) = outcome(&result);
        let want = case["expect"].as_str().unwrap_or("?");
        if got != want {
            failures.push(format!(
                "{name}: expected {want}, got {got}: {:?}",
                result.err()
            ));
            continue;
        }
        if let Some(p) = case["path"].as_str() {
            if path.as_deref() != Some(p) {
                failures.push(format!("{name}: expected path {p}, got {path:?}"));
            }
        }
        if case["same_as_base"].as_bool() == Some(true) {
            if let Ok(r) = &result {
                if findings(r) != findings(&base_report) {
                    failures.push(format!("{name}: findings differ from the base label's"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} hostile cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

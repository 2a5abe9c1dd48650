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

const PACK_HEADER: &str = "[pack]\nid = \"hostile\"\nstandard = \"HOSTILE 1\"\nedition = \"1\"\ntitle = { zh = \"坏\", en = \"Hostile\" }\njurisdiction = \"CN\"\ncategories = [\"food\"]\neffective_from = \"2020-01-01\"\nversion = \"1\"\n\n[tables.t]\nkey = \"id\"\nrows = [ { id = \"a\", over = 0, upto = 10, v = 1 } ]\n";

fn rule(id: &str, check: &str) -> String {
    format!("\n[[rule]]\nid = \"{id}\"\nclause = \"1\"\nseverity = \"error\"\nmessage = {{ zh = \"x\", en = \"x\" }}\ncheck = {check}\n")
}

/// Broken packs laid over the embedded standards: each load fails, and some error names
/// the rules file, the rule, and (for TOML and rule errors) the line.
#[test]
fn hostile_pack_corpus() {
    let ok = "{ type = \"required\", field = \"label.storage\" }";
    let deep = format!("{}1{}", "(".repeat(200), ")".repeat(200));
    let long = vec!["1"; 700].join(" + ");
    let cases: Vec<(&str, String, Option<&str>, bool)> = vec![
        ("duplicate id in the pack", rule("H1/1/a", ok) + &rule("H1/1/a", ok), Some("H1/1/a"), true),
        ("id of an embedded rule", rule("GB7718-2011/4.1.7.3/production-date-format", ok), Some("GB7718-2011/4.1.7.3/production-date-format"), true),
        ("retired id reused", "\n[[retired]]\nid = \"H1/2/old\"\nreason = \"gone\"\n".to_string() + &rule("H1/2/old", ok), Some("H1/2/old"), false),
        ("unknown table", rule("H1/3/t", "{ type = \"assert\", condition = \"lookup('nope', 'a', 'v') == 1\" }"), Some("H1/3/t"), true),
        ("unknown primitive", rule("H1/4/p", "{ type = \"teleport\", field = \"label.x\" }"), None, true),
        ("unknown function", rule("H1/5/f", "{ type = \"assert\", condition = \"frobnicate(1)\" }"), Some("H1/5/f"), true),
        ("expression nested 200 deep", rule("H1/6/d", &format!("{{ type = \"assert\", condition = \"{deep} == 1\" }}")), Some("H1/6/d"), true),
        ("expression of 700 terms", rule("H1/7/n", &format!("{{ type = \"assert\", condition = \"{long} > 0\" }}")), Some("H1/7/n"), true),
        ("unterminated string", "\n[[rule]]\nid = \"H1/8/s\nclause = \"1\"\n".to_string(), None, true),
        ("severity of the wrong type", "\n[[rule]]\nid = \"H1/9/s\"\nclause = \"1\"\nseverity = 5\nmessage = { zh = \"x\", en = \"x\" }\ncheck = { type = \"required\", field = \"label.x\" }\n".to_string(), None, true),
        ("unknown severity", "\n[[rule]]\nid = \"H1/10/s\"\nclause = \"1\"\nseverity = \"fatal\"\nmessage = { zh = \"x\", en = \"x\" }\ncheck = { type = \"required\", field = \"label.x\" }\n".to_string(), None, true),
        ("broken message placeholder", "\n[[rule]]\nid = \"H1/11/m\"\nclause = \"1\"\nseverity = \"error\"\nmessage = { zh = \"{label.a +}\", en = \"x\" }\ncheck = { type = \"required\", field = \"label.x\" }\n".to_string(), Some("H1/11/m"), true),
        ("invalid regex", rule("H1/12/r", "{ type = \"assert\", condition = \"matches(label.storage, '(')\" }"), Some("H1/12/r"), true),
        ("missing column of a threshold table", rule("H1/13/c", "{ type = \"threshold_table\", input = \"1\", table = \"t\", result = \"nope\", declared = \"1\", relation = \"ge\" }"), Some("H1/13/c"), true),
        ("missing check", "\n[[rule]]\nid = \"H1/14/c\"\nclause = \"1\"\nseverity = \"error\"\nmessage = { zh = \"x\", en = \"x\" }\n".to_string(), None, true),
        ("missing id", "\n[[rule]]\nclause = \"1\"\nseverity = \"error\"\nmessage = { zh = \"x\", en = \"x\" }\ncheck = { type = \"required\", field = \"label.x\" }\n".to_string(), None, true),
        ("NUL and control bytes", "\n[[rule]]\u{0}\u{1}id = 1\n".to_string(), None, true),
        ("a spreadsheet pasted in", "id\tclause\tseverity\nH1/15\t1\terror\n".to_string(), None, true),
        ("JSON instead of TOML", "{\"rule\": [{\"id\": \"H1/16\"}]}".to_string(), None, true),
        ("unknown key in a rule", rule("H1/17/k", ok).replace("clause", "clause = \"1\"\nclauses"), None, true),
        ("empty rule id", rule("", ok), None, true),
        ("let naming an unknown value", "\n[[rule]]\nid = \"H1/18/l\"\nclause = \"1\"\nseverity = \"error\"\nmessage = { zh = \"x\", en = \"x\" }\nlet = [[\"a\"]]\ncheck = { type = \"required\", field = \"label.x\" }\n".to_string(), None, true),
    ];
    let mut failures = Vec::new();
    for (name, rules, want_rule, want_line) in &cases {
        let mut files = labelcheck::pack::SourceFile::embedded();
        files.push(labelcheck::pack::SourceFile {
            path: "packs/hostile/pack.toml".into(),
            text: PACK_HEADER.into(),
        });
        files.push(labelcheck::pack::SourceFile {
            path: "packs/hostile/rules.toml".into(),
            text: rules.clone().into(),
        });
        let errors = match std::panic::catch_unwind(|| Engine::from_files(&files)) {
            Ok(Err(Error::Packs(e))) => e,
            Ok(Err(other)) => {
                failures.push(format!("{name}: unexpected error kind {other}"));
                continue;
            }
            Ok(Ok(_)) => {
                failures.push(format!("{name}: loaded without error"));
                continue;
            }
            Err(p) => {
                failures.push(format!("{name}: panicked {p:?}"));
                continue;
            }
        };
        let in_file: Vec<_> = errors
            .iter()
            .filter(|e| {
                e.file.starts_with("packs/hostile/rules.toml")
                    || (want_rule.is_some() && e.rule.as_deref() == *want_rule)
            })
            .collect();
        let good = in_file.iter().any(|e| {
            want_rule.is_none_or(|r| e.rule.as_deref() == Some(r))
                && (!want_line || e.line.is_some())
        });
        if !good {
            failures.push(format!(
                "{name}: no error with rule {want_rule:?} and a line: {errors:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

//! The energy-label catalogues (`product_types` tables of the CEL and EU framework packs) and
//! the product packs stay in step, and adding an energy product is a data-only change.

use labelcheck::label::energy::standard_key;
use labelcheck::pack::{Pack, SourceFile};
use labelcheck::{CheckOptions, Date, Engine};
use serde_json::Value;
use std::fs;

const FRAMEWORKS: [&str; 2] = ["cn-cel-2016", "eu-2017-1369"];

fn text<'a>(row: &'a Value, col: &str) -> Option<&'a str> {
    row.get(col).and_then(Value::as_str)
}

fn framework<'e>(engine: &'e Engine, id: &str) -> &'e Pack {
    engine
        .packs()
        .iter()
        .find(|p| p.meta.id == id)
        .unwrap_or_else(|| panic!("framework pack {id} missing"))
}

/// The key a row must carry for a pack: `GB 21455` + `2019` → `GB21455-2019`;
/// `EU 2019/2017` → `2019/2017`.
fn key_of(pack: &Pack) -> String {
    match pack.meta.standard.strip_prefix("EU ") {
        Some(number) => standard_key(number),
        None => standard_key(&format!("{}-{}", pack.meta.standard, pack.meta.edition)),
    }
}

#[test]
fn catalogue_rows_and_product_packs_agree() {
    let engine = Engine::new().unwrap_or_else(|e| panic!("embedded packs: {e}"));
    let catalogue = &engine.standards().catalogue;
    let mut problems = Vec::new();
    for fw_id in FRAMEWORKS {
        let fw = framework(&engine, fw_id);
        let rows = &fw.tables["product_types"].rows;
        assert!(!rows.is_empty(), "{fw_id}: empty product_types");
        for row in rows {
            let id = text(row, "id").unwrap_or("?");
            let (Some(category), Some(standard), Some(key)) = (
                text(row, "category"),
                text(row, "standard"),
                text(row, "standard_key"),
            ) else {
                problems.push(format!(
                    "{fw_id} {id}: category, standard and standard_key are required"
                ));
                continue;
            };
            if !catalogue.categories.contains_key(category) {
                problems.push(format!(
                    "{fw_id} {id}: category {category} not in the catalogue"
                ));
            }
            if !fw.covers(&fw.meta.jurisdiction, category) {
                problems.push(format!(
                    "{fw_id} {id}: the framework does not cover {category}"
                ));
            }
            if standard_key(standard) != key {
                problems.push(format!(
                    "{fw_id} {id}: standard_key {key} ≠ normalised {standard}"
                ));
            }
            if id != format!("{category}|{key}") {
                problems.push(format!(
                    "{fw_id} {id}: id must be <category>|<standard_key>"
                ));
            }
            let from = text(row, "effective_from").map(|d| Date::parse_iso(d).expect("date"));
            let until = text(row, "effective_until").map(|d| Date::parse_iso(d).expect("date"));
            if until.is_some() != text(row, "superseded_by").is_some() {
                problems.push(format!(
                    "{fw_id} {id}: effective_until and superseded_by go together"
                ));
            }
            if let (Some(f), Some(u)) = (from, until) {
                if u <= f {
                    problems.push(format!(
                        "{fw_id} {id}: effective_until not after effective_from"
                    ));
                }
            }
            if let Some(grades) = row.get("grades").and_then(Value::as_array) {
                if text(row, "scale").is_none() || grades.is_empty() {
                    problems.push(format!("{fw_id} {id}: grades need a scale"));
                }
            }
            let Some(pack_id) = text(row, "pack") else {
                continue;
            };
            let Some(pack) = engine.packs().iter().find(|p| p.meta.id == pack_id) else {
                problems.push(format!("{fw_id} {id}: pack {pack_id} missing"));
                continue;
            };
            if pack.meta.jurisdiction != fw.meta.jurisdiction {
                problems.push(format!("{fw_id} {id}: {pack_id} is for another market"));
            }
            if !pack.covers(&fw.meta.jurisdiction, category) {
                problems.push(format!("{fw_id} {id}: {pack_id} does not cover {category}"));
            }
            if key_of(pack) != key {
                problems.push(format!(
                    "{fw_id} {id}: {pack_id} is {}, not {key}",
                    key_of(pack)
                ));
            }
            if from != Some(pack.meta.effective_from) || until != pack.meta.effective_until {
                problems.push(format!(
                    "{fw_id} {id}: dates differ from {pack_id} ({} → {:?})",
                    pack.meta.effective_from, pack.meta.effective_until
                ));
            }
        }
        for pack in engine.packs() {
            let energy = pack.meta.families.iter().any(|f| f == "energy_label");
            if !energy || pack.meta.id == fw_id || pack.meta.jurisdiction != fw.meta.jurisdiction {
                continue;
            }
            if !rows
                .iter()
                .any(|r| text(r, "pack") == Some(pack.meta.id.as_str()))
            {
                problems.push(format!(
                    "{}: no product_types row of {fw_id} names it",
                    pack.meta.id
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// An 11th (12th, …) CN product: a category file, one appended catalogue row and a pack
/// directory laid over the embedded standards — no Rust.
#[test]
fn a_new_energy_product_is_data_only() {
    let dir = std::env::temp_dir().join(format!("labelcheck-energy-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("categories")).expect("mkdir");
    fs::create_dir_all(dir.join("packs/cn-cel-2016")).expect("mkdir");
    fs::create_dir_all(dir.join("packs/demo-kettle-2026")).expect("mkdir");
    fs::write(
        dir.join("categories/kettles.toml"),
        "[[category]]\nid = \"appliance.electric_kettle\"\nzh = \"电水壶\"\nen = \"Electric kettles\"\n",
    )
    .expect("write");
    let embedded = SourceFile::embedded()
        .into_iter()
        .find(|f| f.path == "packs/cn-cel-2016/product-types.toml")
        .expect("embedded catalogue");
    let row = r#"
[[tables.product_types.rows]]
id = "appliance.electric_kettle|DEMO1-2026"
category = "appliance.electric_kettle"
zh = "电水壶"
en = "Electric kettles"
standard = "DEMO 1-2026"
standard_key = "DEMO1-2026"
effective_from = "2026-01-01"
pack = "demo-kettle-2026"
scale = "1-3"
grades = ["1", "2", "3"]
grading = "Demo: grades by heating efficiency."
"#;
    fs::write(
        dir.join("packs/cn-cel-2016/product-types.toml"),
        format!("{}{row}", embedded.text),
    )
    .expect("write");
    fs::write(
        dir.join("packs/demo-kettle-2026/pack.toml"),
        r#"[pack]
id = "demo-kettle-2026"
standard = "DEMO 1"
edition = "2026"
title = { zh = "演示：电水壶能效", en = "Demo: kettle efficiency" }
jurisdiction = "CN"
families = ["energy_label"]
categories = ["appliance.electric_kettle"]
effective_from = "2026-01-01"
version = "1.0.0"

[tables.grades]
rows = [
  { id = "1", grade = "1", min = 90 },
  { id = "2", grade = "2", min = 85, max = 90 },
  { id = "3", grade = "3", min = 80, max = 85 },
]

[[rule]]
id = "DEMO1-2026/4/grade"
clause = "4"
severity = "error"
message = { zh = "热效率 {input}% 对应 {expected} 级，标注 {found} 级", en = "Efficiency {input} % earns grade {expected}, not {found}" }
let = [["eta", "find(label.energy_label.figures, 'name', 'efficiency', 'value')"]]
check = { type = "threshold_table", input = "eta", table = "grades", lower = "min", upper = "max", lower_inclusive = true, upper_inclusive = false, result = "grade", declared = "label.energy_label.declared_grade", relation = "eq" }
"#,
    )
    .expect("write");
    let engine = Engine::with_overlay(&dir).unwrap_or_else(|e| panic!("{e}"));
    let label = |grade: &str, standard: &str| {
        format!(
            r#"{{"market":"CN","category":"appliance.electric_kettle","check_date":"2026-11-26",
            "energy_label":{{"scheme":"CN-CEL","title":"中国能效标识","supplier":"北辰","model":"K1",
            "declared_grade":"{grade}","figures":[{{"name":"efficiency","value":90}}],
            "standard":"{standard}","qr_code":{{"present":true}}}}}}"#
        )
    };
    let rules = |grade: &str, standard: &str| -> Vec<String> {
        engine
            .check_json(label(grade, standard).as_bytes(), &CheckOptions::default())
            .expect("checks")
            .findings
            .into_iter()
            .map(|f| f.rule)
            .collect()
    };
    assert_eq!(rules("1", "DEMO 1-2026"), Vec::<String>::new());
    assert_eq!(rules("2", "DEMO 1-2026"), vec!["DEMO1-2026/4/grade"]);
    assert_eq!(
        rules("1", "GB 21455-2019"),
        vec!["CEL-2016/standard/for-product"]
    );
    assert_eq!(rules("4", "DEMO 1-2026"), {
        let mut v = vec!["CEL-2016/content/grade-in-scale", "DEMO1-2026/4/grade"];
        v.sort();
        v
    });
    let _ = fs::remove_dir_all(&dir);
}

/// `Engine::table` gives a pack's table as the pack holds it — what the web demo shows beside
/// the grade the engine gives (it keeps no copy) — and nothing for an unknown pack or table.
#[test]
fn a_pack_table_as_data() {
    let engine = Engine::new().expect("engine");
    let t = engine.table("gb21455-2019", "grades").expect("grades");
    assert_eq!(t["pack"], "gb21455-2019");
    assert_eq!(t["table"], "grades");
    assert_eq!(t["key"], "id");
    let rows = t["rows"].as_array().expect("rows");
    let pack = framework(&engine, "gb21455-2019");
    assert_eq!(rows, &pack.tables["grades"].rows);
    // GB 21455-2019 table 1: heat pump, CC ≤ 4500 W, grade 1 from APF 5.00, no upper bound.
    let g1 = rows
        .iter()
        .find(|r| text(r, "id") == Some("split_heat_pump|b1|1"))
        .expect("row");
    assert_eq!(g1["min"].as_f64(), Some(5.0));
    assert!(g1.get("max").is_none());
    assert!(engine.table("gb21455-2019", "no_such_table").is_none());
    assert!(engine.table("no-such-pack", "grades").is_none());
}

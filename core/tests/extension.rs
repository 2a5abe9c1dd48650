//! Adding a product category and a rule is a data-only change: an extra directory laid over
//! the embedded standards, no Rust.

use labelcheck::{CheckOptions, Engine};
use std::fs;

#[test]
fn an_extra_pack_directory_adds_a_category_and_rules() {
    let dir = std::env::temp_dir().join(format!("labelcheck-ext-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("categories")).expect("mkdir");
    fs::create_dir_all(dir.join("packs/nm-cheese-demo")).expect("mkdir");
    fs::write(
        dir.join("categories/nm.toml"),
        "[[category]]\nid = \"food.dairy.milk_tablet\"\nzh = \"奶片\"\nen = \"Milk tablets\"\ntags = [\"milk_tablet\"]\n",
    )
    .expect("write");
    fs::write(
        dir.join("packs/nm-cheese-demo/pack.toml"),
        r#"[pack]
id = "nm-cheese-demo"
standard = "DEMO 1"
edition = "2026"
title = { zh = "演示包", en = "Demo pack" }
jurisdiction = "CN"
categories = ["food.dairy.milk_tablet"]
effective_from = "2026-01-01"
version = "1.0.0"

[tables.min_protein]
key = "id"
rows = [ { id = "milk_tablet", min = 15 } ]

[[rule]]
id = "DEMO1-2026/5.1/protein-min"
clause = "5.1"
severity = "error"
message = { zh = "蛋白质 {found} g/100 g 低于 {expected} g", en = "Protein {found} g/100 g is below {expected} g" }
check = { type = "assert", condition = "amount('protein') >= lookup('min_protein', 'milk_tablet', 'min')", field = "label.nutrition", expected = "lookup('min_protein', 'milk_tablet', 'min')", found = "amount('protein')" }
"#,
    )
    .expect("write");
    let engine = Engine::with_overlay(&dir).unwrap_or_else(|e| panic!("{e}"));
    let label = |protein: &str| {
        format!(
            r#"{{"market":"CN","category":"food.dairy.milk_tablet","check_date":"2026-11-26",
            "nutrition":{{"basis":"per_100g","rows":[{{"name":"蛋白质","value":{protein}}}]}}}}"#
        )
    };
    let report = engine
        .check_json(label("12.0").as_bytes(), &CheckOptions::default())
        .expect("checks");
    let f: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "DEMO1-2026/5.1/protein-min")
        .collect();
    assert_eq!(f.len(), 1, "{:?}", report.findings);
    assert_eq!(f[0].message.en, "Protein 12 g/100 g is below 15 g");
    assert!(report
        .packs
        .iter()
        .any(|p| p.id == "nm-cheese-demo" && p.hash.len() == 64));
    let report = engine
        .check_json(label("18.0").as_bytes(), &CheckOptions::default())
        .expect("checks");
    assert!(report
        .findings
        .iter()
        .all(|f| f.rule != "DEMO1-2026/5.1/protein-min"));
    // The embedded packs still apply to the new category (it is under `food`).
    assert!(report.packs.iter().any(|p| p.id == "gb7718-2011"));
    let _ = fs::remove_dir_all(&dir);
}

//! `for_each` + `recurse` binds `parent` for elements reached through a sub-list (and not for
//! top-level elements): rules can judge an element against the one that holds it.

use labelcheck::{CheckOptions, Engine};
use std::fs;

#[test]
fn recursed_elements_see_their_parent() {
    let dir = std::env::temp_dir().join(format!("labelcheck-parent-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("packs/parent-demo")).expect("mkdir");
    fs::write(
        dir.join("packs/parent-demo/pack.toml"),
        r#"[pack]
id = "parent-demo"
standard = "DEMO 2"
edition = "2026"
title = { zh = "演示包", en = "Demo pack" }
jurisdiction = "CN"
categories = ["food"]
effective_from = "2026-01-01"
version = "1.0.0"

[[rule]]
id = "DEMO2-2026/1/sub-named"
clause = "1"
severity = "info"
message = { zh = "{item.name} 属于 {parent.name}", en = "{item.name} is part of {parent.name}" }
for_each = "label.ingredients.items"
recurse = "ingredients"
check = { type = "assert", condition = "not exists(parent)", field = "item.name" }
"#,
    )
    .expect("write");
    let engine = Engine::with_overlay(&dir).unwrap_or_else(|e| panic!("{e}"));
    let label = r#"{"market":"CN","category":"food.dairy.fermented_milk","check_date":"2026-11-26",
        "ingredients":{"text":"配料：生牛乳、稳定剂（果胶（柑橘果胶、苹果果胶）、卡拉胶）、白砂糖"}}"#;
    let report = engine
        .check_json(label.as_bytes(), &CheckOptions::default())
        .expect("checks");
    let got: Vec<(String, String)> = report
        .findings
        .iter()
        .filter(|f| f.rule == "DEMO2-2026/1/sub-named")
        .map(|f| (f.path.clone(), f.message.en.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "/ingredients/items/1/ingredients/0/name".to_string(),
                "果胶 is part of 稳定剂".to_string()
            ),
            // Two levels down: the pointer is the parent's, then the sub-list and index.
            (
                "/ingredients/items/1/ingredients/0/ingredients/0/name".to_string(),
                "柑橘果胶 is part of 果胶".to_string()
            ),
            (
                "/ingredients/items/1/ingredients/0/ingredients/1/name".to_string(),
                "苹果果胶 is part of 果胶".to_string()
            ),
            (
                "/ingredients/items/1/ingredients/1/name".to_string(),
                "卡拉胶 is part of 稳定剂".to_string()
            ),
        ]
    );
    let _ = fs::remove_dir_all(&dir);
}

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

/// Rules of a pack that visit the same list share the elements collected for the first of
/// them: each still sees its own elements (a rule without `recurse` only the top level),
/// with the right pointers and `parent`, whichever rule ran first.
#[test]
fn rules_sharing_a_list_each_see_their_elements() {
    let dir = std::env::temp_dir().join(format!("labelcheck-shared-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("packs/shared-demo")).expect("mkdir");
    let rule = |id: &str, recurse: bool, when: &str| {
        format!(
            "[[rule]]\nid = \"DEMO3-2026/1/{id}\"\nclause = \"1\"\nseverity = \"info\"\n\
             message = {{ zh = \"{{item.name}}\", en = \"{{item.name}}\" }}\n\
             for_each = \"label.ingredients.items\"\n{}when = \"{when}\"\n\
             check = {{ type = \"assert\", condition = \"false\", field = \"item.name\" }}\n\n",
            if recurse {
                "recurse = \"ingredients\"\n"
            } else {
                ""
            }
        )
    };
    let rules = [
        rule("sub", true, "exists(parent)"),
        rule("top", false, "true"),
        rule("all", true, "true"),
        rule("top-again", true, "not exists(parent)"),
    ]
    .concat();
    fs::write(
        dir.join("packs/shared-demo/pack.toml"),
        format!(
            "[pack]\nid = \"shared-demo\"\nstandard = \"DEMO 3\"\nedition = \"2026\"\n\
             title = {{ zh = \"演示包\", en = \"Demo pack\" }}\njurisdiction = \"CN\"\n\
             categories = [\"food\"]\neffective_from = \"2026-01-01\"\nversion = \"1.0.0\"\n\n{rules}"
        ),
    )
    .expect("write");
    let engine = Engine::with_overlay(&dir).unwrap_or_else(|e| panic!("{e}"));
    let label = r#"{"market":"CN","category":"food.dairy.fermented_milk","check_date":"2026-11-26",
        "ingredients":{"text":"配料：生牛乳、稳定剂（果胶、卡拉胶）、白砂糖"}}"#;
    let report = engine
        .check_json(label.as_bytes(), &CheckOptions::default())
        .expect("checks");
    let paths = |id: &str| -> Vec<String> {
        report
            .findings
            .iter()
            .filter(|f| f.rule == format!("DEMO3-2026/1/{id}"))
            .map(|f| f.path.clone())
            .collect()
    };
    let top = [
        "/ingredients/items/0/name",
        "/ingredients/items/1/name",
        "/ingredients/items/2/name",
    ];
    let sub = [
        "/ingredients/items/1/ingredients/0/name",
        "/ingredients/items/1/ingredients/1/name",
    ];
    assert_eq!(paths("sub"), sub);
    assert_eq!(paths("top"), top);
    assert_eq!(paths("all"), [top[0], top[1], sub[0], sub[1], top[2]]);
    assert_eq!(paths("top-again"), top);
    let _ = fs::remove_dir_all(&dir);
}

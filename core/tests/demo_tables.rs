//! The web demo shows GB 21455-2019's grade table beside the grade the engine gives; the API
//! exposes rules and packs but not pack tables, so `bindings/wasm/demo/demo.js` carries a copy
//! of the rows. This keeps the copy equal to the pack's table, so the page never shows a band
//! the engine does not use.

use labelcheck::Engine;

#[test]
fn the_demo_grade_table_is_the_packs() {
    let js = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../bindings/wasm/demo/demo.js"
    ))
    .expect("demo.js");
    let start = js
        .find("const GRADE_ROWS = [")
        .expect("GRADE_ROWS in demo.js");
    let end = start + js[start..].find("].map(").expect("end of GRADE_ROWS");
    let row = regex_lite::Regex::new(
        r#"\["([a-z_]+)", (\d+), (\d+), "(\d)", ([0-9.]+), ([0-9.]+|null)\]"#,
    )
    .expect("pattern");
    let norm = |s: &str| {
        s.parse::<f64>()
            .map(|f| format!("{f:.2}"))
            .unwrap_or_default()
    };
    let mut demo: Vec<String> = row
        .captures_iter(&js[start..end])
        .map(|c| {
            let max = if &c[6] == "null" {
                String::new()
            } else {
                norm(&c[6])
            };
            format!(
                "{}|{}|{}|{}|{}|{}",
                &c[1],
                &c[2],
                &c[3],
                &c[4],
                norm(&c[5]),
                max
            )
        })
        .collect();

    let engine = Engine::new().expect("engine");
    let pack = engine
        .packs()
        .iter()
        .find(|p| p.meta.id == "gb21455-2019")
        .expect("pack gb21455-2019");
    let table = pack.tables.get("grades").expect("table grades");
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    let mut packed: Vec<String> = table
        .rows
        .iter()
        .map(|r| {
            let max = r.get("max").map(|m| norm(&text(m))).unwrap_or_default();
            format!(
                "{}|{}|{}|{}|{}|{}",
                text(&r["type"]),
                text(&r["cc_over"]),
                text(&r["cc_upto"]),
                text(&r["grade"]),
                norm(&text(&r["min"])),
                max
            )
        })
        .collect();
    demo.sort();
    packed.sort();
    assert_eq!(demo.len(), 30, "rows read from demo.js");
    assert_eq!(demo, packed);
}

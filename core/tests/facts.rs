//! Facts behind the label (`facts`): kept apart from the print, compared with it, and shown
//! as a declared-vs-measured view. A label without facts checks exactly as before.

use labelcheck::{CheckOptions, Engine, Error, LabelError};

fn engine() -> Engine {
    Engine::new().unwrap_or_else(|e| panic!("embedded packs: {e}"))
}

fn opts() -> CheckOptions {
    CheckOptions {
        as_of: labelcheck::Date::parse_iso("2026-11-26"),
        ..Default::default()
    }
}

fn milk() -> serde_json::Value {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/uht-milk.json"),
    )
    .expect("example");
    serde_json::from_str(&text).expect("json")
}

#[test]
fn empty_facts_change_nothing() {
    let e = engine();
    let plain = e
        .check_json(&serde_json::to_vec(&milk()).expect("json"), &opts())
        .expect("report");
    let mut with = milk();
    with["facts"] = serde_json::json!({ "lab": { "nutrients": [] } });
    let same = e
        .check_json(&serde_json::to_vec(&with).expect("json"), &opts())
        .expect("report");
    assert_eq!(plain.findings, same.findings);
    assert!(plain.measurements.is_empty() && same.measurements.is_empty());
}

#[test]
fn the_lab_report_example_has_one_finding_and_a_row_per_compared_value() {
    let text = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../examples/faulty/uht-milk-lab-report.json"),
    )
    .expect("example");
    let r = engine().check_json(&text, &opts()).expect("report");
    let rules: Vec<&str> = r.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["GB28050-2011/6.4/tolerance"]);
    assert_eq!(r.findings[0].path, "/nutrition/rows/1/value");
    assert_eq!(
        r.findings[0].expected,
        Some(serde_json::json!("≥ 80 % = 2.08"))
    );
    // Six measured values, six rows; only protein fails.
    assert_eq!(r.measurements.len(), 6);
    let failing: Vec<_> = r
        .measurements
        .iter()
        .filter(|m| m.verdict == "fail")
        .map(|m| m.name.clone())
        .collect();
    assert_eq!(failing, [serde_json::json!("蛋白质")]);
    let sodium = r
        .measurements
        .iter()
        .find(|m| m.name == "钠")
        .expect("sodium row");
    assert_eq!(sodium.printed, serde_json::json!(55));
    assert_eq!(sodium.measured, serde_json::json!(61));
    assert_eq!(sodium.allowed, serde_json::json!("≤ 120 % = 66"));
    assert_eq!(sodium.path, "/nutrition/rows/4");
}

#[test]
fn bad_facts_are_errors_at_their_pointer() {
    let e = engine();
    for (facts, pointer) in [
        (
            serde_json::json!({ "lab": { "nutrients": [{ "name": "钠", "value": -3 }] } }),
            "/facts/lab/nutrients/0/value",
        ),
        (
            serde_json::json!({ "lab": { "nutrients": [{ "name": "钠", "value": 1e15 }] } }),
            "/facts/lab/nutrients/0/value",
        ),
        (
            serde_json::json!({ "lab": { "nutrient": [] } }),
            "/facts/lab/nutrient",
        ),
        (
            serde_json::json!({ "market": { "placed_on_market": "2026-13-01" } }),
            "/facts/market/placed_on_market",
        ),
    ] {
        let mut label = milk();
        label["facts"] = facts;
        match e.check_json(&serde_json::to_vec(&label).expect("json"), &opts()) {
            Err(Error::Label(LabelError::Invalid { path, .. })) => {
                assert!(path.starts_with(pointer), "{path} vs {pointer}")
            }
            other => panic!("expected an invalid-label error at {pointer}, got {other:?}"),
        }
    }
    // More measured values than a list may hold.
    let mut label = milk();
    let many: Vec<_> = (0..1001)
        .map(|_| serde_json::json!({ "name": "钠", "value": 1 }))
        .collect();
    label["facts"] = serde_json::json!({ "lab": { "nutrients": many } });
    match e.check_json(&serde_json::to_vec(&label).expect("json"), &opts()) {
        Err(Error::Label(LabelError::Invalid { path, .. })) => {
            assert_eq!(path, "/facts/lab/nutrients")
        }
        other => panic!("expected the list limit, got {other:?}"),
    }
}

#[test]
fn a_hang_tag_text_is_bounded_like_the_ingredient_text() {
    let mut label = milk();
    label["facts"] = serde_json::json!({
        "artwork": { "hang_tag": { "fibre_content_text": "羊".repeat(20_001) } }
    });
    match engine().check_json(&serde_json::to_vec(&label).expect("json"), &opts()) {
        Err(Error::Label(LabelError::Invalid { path, .. })) => {
            assert_eq!(path, "/facts/artwork/hang_tag/fibre_content_text")
        }
        other => panic!("expected the text limit, got {other:?}"),
    }
}

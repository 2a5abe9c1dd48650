//! One label against several markets: one report per market, each the report a label of that
//! market would get, and the worst verdict over them.

use labelcheck::{CheckOptions, Engine, Verdict};
use std::path::Path;

fn example(name: &str) -> Vec<u8> {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples")).join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn markets(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn each_market_gets_the_report_its_own_label_would_get() {
    let engine = Engine::new().expect("embedded packs");
    let opts = CheckOptions::default();
    let bytes = example("us-granola-bar.json");
    let all = engine
        .check_markets_json(&bytes, &markets(&["US", "CODEX", "EU", "US"]), &opts)
        .expect("checked");
    // In the order asked, duplicates dropped.
    let order: Vec<&str> = all.markets.iter().map(|m| m.market.as_str()).collect();
    assert_eq!(order, ["US", "CODEX", "EU"]);
    for m in &all.markets {
        let mut label: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
        label["market"] = serde_json::Value::String(m.market.clone());
        let own = engine
            .check_json(label.to_string().as_bytes(), &opts)
            .expect("checked");
        assert_eq!(m.report, own, "{}", m.market);
        assert_eq!(m.report.market, m.market);
    }
    // The US label passes in the US, not under Codex (the 2% tail, no lot mark).
    assert_eq!(all.markets[0].report.verdict, Verdict::Pass);
    assert_eq!(all.markets[1].report.verdict, Verdict::Fail);
    assert_eq!(all.verdict, Verdict::Fail);
}

#[test]
fn unknown_or_empty_market_lists_are_refused() {
    let engine = Engine::new().expect("embedded packs");
    let bytes = example("us-granola-bar.json");
    let opts = CheckOptions::default();
    let err = engine
        .check_markets_json(&bytes, &markets(&["US", "MARS"]), &opts)
        .expect_err("unknown market");
    assert!(err.to_string().contains("MARS"), "{err}");
    assert!(engine
        .check_markets_json(&bytes, &markets(&[" ", ""]), &opts)
        .is_err());
}

#[test]
fn not_checked_only_when_no_market_has_a_pack() {
    let engine = Engine::new().expect("embedded packs");
    let opts = CheckOptions::default();
    // A garment: CN and EU have textile packs, CODEX has none.
    let bytes = example("cashmere-sweater.json");
    let some = engine
        .check_markets_json(&bytes, &markets(&["CN", "CODEX"]), &opts)
        .expect("checked");
    assert_eq!(some.markets[1].report.verdict, Verdict::NotChecked);
    assert_ne!(some.verdict, Verdict::NotChecked);
    let none = engine
        .check_markets_json(&bytes, &markets(&["CODEX"]), &opts)
        .expect("checked");
    assert_eq!(none.verdict, Verdict::NotChecked);
}

#[test]
fn warm_up_compiles_the_packs_of_a_market() {
    let engine = Engine::new().expect("embedded packs");
    let codex = engine
        .packs()
        .iter()
        .filter(|p| p.meta.jurisdiction == "CODEX" || p.meta.jurisdiction == "*")
        .count();
    assert!(codex >= 2);
    assert_eq!(engine.warm_up(Some("CODEX")), codex);
    assert_eq!(engine.warm_up(None), engine.packs().len());
    // A warmed engine checks as a cold one does.
    let bytes = example("codex-uht-milk.json");
    let cold = Engine::new().expect("embedded packs");
    let opts = CheckOptions::default();
    assert_eq!(
        engine.check_json(&bytes, &opts).expect("checked"),
        cold.check_json(&bytes, &opts).expect("checked")
    );
}

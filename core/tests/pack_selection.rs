//! The packs a check applies depend on the label's market and category alone, whatever the
//! engine checked before: an engine remembers the packs covering each market and category
//! pair it has seen (`Engine::covering`), and what it remembers must never leak from one
//! pair to another.

use labelcheck::{CheckOptions, Engine};
use std::path::Path;

#[test]
fn a_used_engine_applies_the_packs_a_fresh_one_does() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples"));
    let mut labels: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("examples")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| {
            let bytes = std::fs::read(e.path()).expect("readable");
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    labels.sort();
    assert!(labels.len() >= 20, "examples: {}", labels.len());
    let opts = CheckOptions::default();
    let used = Engine::new().expect("embedded packs");
    let mut pairs = std::collections::BTreeSet::new();
    // Forwards, then backwards: every pair is met both first and after the others.
    let order = labels.iter().chain(labels.iter().rev());
    for (name, bytes) in order {
        let Ok(report) = used.check_json(bytes, &opts) else {
            continue;
        };
        pairs.insert((report.market.clone(), report.category.clone()));
        let fresh = Engine::new()
            .expect("embedded packs")
            .check_json(bytes, &opts)
            .expect("checked by a fresh engine");
        let ids = |r: &labelcheck::Report| -> Vec<String> {
            r.packs.iter().map(|p| p.id.clone()).collect()
        };
        assert_eq!(ids(&report), ids(&fresh), "{name}");
        assert_eq!(report, fresh, "{name}");
    }
    // The examples span markets and categories, or the test proves little.
    let markets: std::collections::BTreeSet<&String> = pairs.iter().map(|(m, _)| m).collect();
    assert!(markets.len() >= 3, "{markets:?}");
    assert!(pairs.len() >= 12, "{pairs:?}");
}

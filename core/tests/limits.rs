//! Documented limits are enforced with clear errors, and checking time grows linearly with
//! the input (a ratio between sizes, never an absolute time).

use labelcheck::{CheckOptions, Date, Engine, Error, LabelError, Limits};
use serde_json::json;
use std::time::{Duration, Instant};

fn engine() -> &'static Engine {
    labelcheck::fuzzing::engine()
}

fn opts() -> CheckOptions {
    CheckOptions {
        as_of: Date::parse_iso("2026-11-26"),
        ..Default::default()
    }
}

fn base() -> serde_json::Value {
    serde_json::from_str(include_str!("../../examples/uht-milk.json")).expect("example is JSON")
}

fn invalid_path(r: Result<labelcheck::Report, Error>) -> (String, String) {
    match r {
        Err(Error::Label(LabelError::Invalid { path, message, .. })) => (path, message),
        other => panic!("expected an invalid-label error, got {other:?}"),
    }
}

#[test]
fn default_limits_are_the_documented_ones() {
    let l = Limits::default();
    assert_eq!(l.max_label_bytes, 4 * 1024 * 1024);
    assert_eq!(l.max_depth, 32);
    assert_eq!(l.max_text_chars, 20_000);
    assert_eq!(l.max_list_items, 1_000);
}

#[test]
fn list_limit_names_the_list_at_any_depth() {
    let mut l = base();
    l["claims"] = json!(vec![json!({"text": "高钙"}); 1001]);
    let (path, msg) = invalid_path(engine().check_json(l.to_string().as_bytes(), &opts()));
    assert_eq!(path, "/claims");
    assert!(
        msg.contains("1001 elements, over the limit of 1000"),
        "{msg}"
    );
    // Sub-ingredients of a compound ingredient.
    let mut l = base();
    l["ingredients"] = json!({"items": [{"name": "水"}, {"name": "复合", "ingredients": vec![json!({"name": "盐"}); 1001]}]});
    let (path, _) = invalid_path(engine().check_json(l.to_string().as_bytes(), &opts()));
    assert_eq!(path, "/ingredients/items/1/ingredients");
    // A smaller limit is honoured too (the base label has 6 nutrition rows).
    let small = Engine::new().expect("engine").with_limits(Limits {
        max_list_items: 6,
        ..Limits::default()
    });
    let mut l = base();
    l["statements"] = json!(["a", "b", "c", "d", "e", "f", "g"]);
    let (path, _) = invalid_path(small.check_json(l.to_string().as_bytes(), &opts()));
    assert_eq!(path, "/statements");
}

/// Median wall time of checking `bytes`, over `runs` runs.
fn median_time(bytes: &[u8], runs: usize) -> Duration {
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let r = engine().check_json(bytes, &opts());
            let d = start.elapsed();
            assert!(r.is_ok(), "{r:?}");
            d
        })
        .collect();
    t.sort();
    t[runs / 2]
}

fn label_with_items(n: usize) -> Vec<u8> {
    let text: Vec<String> = (0..n)
        .map(|i| format!("料{i}({}%)", if i % 3 == 0 { 1 } else { 2 }))
        .collect();
    let mut l = base();
    l["ingredients"] = json!({"text": format!("配料：{}", text.join("、"))});
    l["nutrition"]["rows"] = json!((0..n / 4)
        .map(|i| json!({"name": format!("成分{i}"), "value": i}))
        .collect::<Vec<_>>());
    l["claims"] = json!((0..n / 4)
        .map(|_| json!({"text": "高钙"}))
        .collect::<Vec<_>>());
    l.to_string().into_bytes()
}

#[test]
fn checking_time_grows_linearly_with_the_input() {
    let (small, big) = (label_with_items(150), label_with_items(600));
    median_time(&small, 1); // warm up
                            // 4× the input: linear is about 4×, quadratic 16×. Allow 9× for noise on a busy machine,
                            // and retry before failing.
    let mut ratios = Vec::new();
    for _ in 0..3 {
        let (a, b) = (median_time(&small, 3), median_time(&big, 3));
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-6);
        ratios.push(ratio);
        if ratio < 9.0 {
            return;
        }
    }
    panic!("checking 4× the items took {ratios:?}× as long: not linear");
}

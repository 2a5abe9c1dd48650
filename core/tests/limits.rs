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

#[test]
fn fibre_text_and_every_list_are_bounded() {
    let sweater = || -> serde_json::Value {
        serde_json::from_str(include_str!("../../examples/cashmere-sweater.json")).expect("json")
    };
    // Fibre text has the ingredient text's limit.
    let mut l = sweater();
    l["fibre_content"] = json!({"text": "棉".repeat(20_001)});
    let (path, _) = invalid_path(engine().check_json(l.to_string().as_bytes(), &opts()));
    assert_eq!(path, "/fibre_content/text");
    // A fibre text of many short entries cannot make a list longer than a JSON list may be.
    let mut l = sweater();
    l["fibre_content"] = json!({"text": vec!["棉1%"; 1001].join(" ")});
    let (path, msg) = invalid_path(engine().check_json(l.to_string().as_bytes(), &opts()));
    assert_eq!(path, "/fibre_content/text");
    assert!(msg.contains("1001"), "{msg}");
    // Nor an ingredient text.
    let mut l = base();
    l["ingredients"] = json!({"text": format!("配料：{}", vec!["水"; 1001].join("、"))});
    let (path, _) = invalid_path(engine().check_json(l.to_string().as_bytes(), &opts()));
    assert_eq!(path, "/ingredients/text");
    // Lists DESIGN.md names that were not bounded before, each in an example that has the
    // section.
    let example = |name: &str| -> serde_json::Value {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../examples")
            .join(name);
        serde_json::from_str(&std::fs::read_to_string(path).expect("example")).expect("json")
    };
    for (file, section, list, item) in [
        (
            "eu-dishwasher.json",
            "energy_label",
            "classes",
            json!({"name": "noise", "class": "A"}),
        ),
        (
            "infant-formula-stage1.json",
            "population",
            "pictures",
            json!("婴儿"),
        ),
        (
            "infant-formula-stage1.json",
            "population",
            "main_panel",
            json!("x"),
        ),
        (
            "cashmere-sweater.json",
            "textile",
            "cords",
            json!({"zone": "neck"}),
        ),
        ("cashmere-sweater.json", "textile", "layers", json!("外层")),
    ] {
        let mut l = example(file);
        l[section][list] = json!(vec![item; 1001]);
        let r = engine().check_json(l.to_string().as_bytes(), &opts());
        let (path, _) = invalid_path(r);
        assert_eq!(path, format!("/{section}/{list}"), "{file}");
    }
    let mut l = example("cashmere-sweater.json");
    l["textile"]["care"] = json!({"symbols": vec!["40"; 1001]});
    let (path, _) = invalid_path(engine().check_json(l.to_string().as_bytes(), &opts()));
    assert_eq!(path, "/textile/care/symbols");
    // The lists added for EU labels and recipe facts.
    for (pointer, value) in [
        ("/sold_in", json!(vec!["DE"; 1001])),
        ("/languages", json!(vec!["de"; 1001])),
        (
            "/facts/recipe/nano_ingredients",
            json!(vec!["silicon dioxide"; 1001]),
        ),
        (
            "/facts/recipe/added_protein_origins",
            json!(vec!["pork"; 1001]),
        ),
        (
            "/facts/recipe/ingredient_origins",
            json!(vec![json!({"ingredient": "milk", "country": "DE"}); 1001]),
        ),
    ] {
        let mut l = example("eu-biscuit.json");
        match pointer.strip_prefix("/facts/recipe/") {
            Some(list) => l["facts"] = json!({"recipe": {list: value}}),
            None => l[&pointer[1..]] = value,
        }
        let (path, _) = invalid_path(engine().check_json(l.to_string().as_bytes(), &opts()));
        assert_eq!(path, pointer);
    }
    // The front-of-pack repeat's two row lists (Art 30(3)).
    for list in ["rows", "portion_rows"] {
        let mut l = example("eu-biscuit.json");
        let row = json!({"nutrient": "energy", "value": 1, "unit": "kJ"});
        l["nutrition"]["front_of_pack"] = json!({ list: vec![row; 1001] });
        let (path, _) = invalid_path(engine().check_json(l.to_string().as_bytes(), &opts()));
        assert_eq!(path, format!("/nutrition/front_of_pack/{list}"));
    }
}

fn sweater_with_fibres(n: usize) -> Vec<u8> {
    let mut l: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/cashmere-sweater.json")).expect("json");
    l["fibre_content"] = json!({"text": vec!["棉1%"; n].join(" ")});
    l.to_string().into_bytes()
}

/// Rules that look at a whole list for every element (`count(parent.fibres, …)`) compute
/// the aggregate once per list: 4× the fibres costs about 4×, not 16×.
#[test]
fn whole_list_aggregates_per_element_stay_linear() {
    let (small, big) = (sweater_with_fibres(240), sweater_with_fibres(960));
    let time = |bytes: &[u8]| {
        let mut t: Vec<Duration> = (0..3)
            .map(|_| {
                let start = Instant::now();
                let _ = engine().check_json(bytes, &opts());
                start.elapsed()
            })
            .collect();
        t.sort();
        t[1]
    };
    time(&small);
    let mut ratios = Vec::new();
    for _ in 0..3 {
        let ratio = time(&big).as_secs_f64() / time(&small).as_secs_f64().max(1e-6);
        ratios.push(ratio);
        if ratio < 9.0 {
            return;
        }
    }
    panic!("4× the fibres took {ratios:?}× as long: not linear");
}

/// A rule reports at most 100 findings per label, then one that counts the rest; a value
/// repeated in a message is cut at 200 characters. The report stays bounded by the input.
#[test]
fn findings_per_rule_and_interpolated_values_are_bounded() {
    let mut l = base();
    // 300 claims of a kind the panel does not support (高钙 with low calcium), each quoted.
    l["nutrition"]["rows"][5]["value"] = json!(1);
    l["claims"] = json!(vec![json!({"text": "高钙"}); 300]);
    let r = engine()
        .check_json(l.to_string().as_bytes(), &opts())
        .expect("report");
    let of_rule: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule == "GB28050-2011/5.2/content-claim-conditions")
        .collect();
    assert_eq!(of_rule.len(), 101);
    let last = of_rule[100];
    assert_eq!(last.found, Some(json!(200)));
    assert!(last.message.en.contains("200 more"), "{}", last.message.en);
    // A long claim text quoted in a message is cut.
    let mut l = base();
    l["nutrition"]["rows"][5]["value"] = json!(1);
    l["claims"] = json!([{ "text": format!("高钙{}", "钙".repeat(5000)) }]);
    let r = engine()
        .check_json(l.to_string().as_bytes(), &opts())
        .expect("report");
    let f = r
        .findings
        .iter()
        .find(|f| f.rule == "GB28050-2011/5.2/content-claim-conditions")
        .expect("finding");
    assert!(
        f.message.zh.chars().count() < 400,
        "{}",
        f.message.zh.chars().count()
    );
    assert!(f.message.zh.contains('…'));
    let found = f.found.as_ref().and_then(|v| v.as_str()).unwrap_or("");
    assert!(
        found.chars().count() <= 201 && found.ends_with('…'),
        "{found}"
    );
}

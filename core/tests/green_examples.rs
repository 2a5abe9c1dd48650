//! The green-label examples are clean under every pack in force on their check date (the
//! CLI test covers the food ones; the sweater and the washing machine are not food), and the
//! headline cases of the green-label work behave as stated: a generic claim on an EU product
//! fails from 2026-09-27 and not the day before; 有机牛肉 with 90 % organic ingredients fails.

use labelcheck::{CheckOptions, Date, Engine, Report, Verdict};

fn example(name: &str) -> serde_json::Value {
    let path = format!("{}/../examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn check(engine: &Engine, label: &serde_json::Value, as_of: Option<&str>) -> Report {
    let opts = CheckOptions {
        as_of: as_of.map(|d| Date::parse_iso(d).expect("date")),
        ..Default::default()
    };
    engine
        .check_json(label.to_string().as_bytes(), &opts)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn packs(r: &Report) -> Vec<&str> {
    r.packs.iter().map(|p| p.id.as_str()).collect()
}

#[test]
fn green_examples_are_clean_under_every_pack_in_force() {
    let engine = Engine::new().expect("embedded packs");
    for (name, must_apply) in [
        (
            "green-food-milk",
            &["cn-green-food-2012", "gb7718-2011"][..],
        ),
        ("organic-beef", &["gbt19630-2019", "gb7718-2011"][..]),
        (
            "cashmere-sweater-green-product",
            &["cn-green-product-2019"][..],
        ),
        (
            "eu-washing-machine-ecolabel",
            &["eu-66-2010", "eu-2024-825"][..],
        ),
    ] {
        let r = check(&engine, &example(name), None);
        assert!(r.findings.is_empty(), "{name}: {:#?}", r.findings);
        assert_eq!(r.verdict, Verdict::Pass, "{name}");
        for p in must_apply {
            assert!(packs(&r).contains(p), "{name}: {:?}", packs(&r));
        }
    }
}

#[test]
fn a_generic_claim_on_an_eu_product_is_banned_from_2026_09_27() {
    let engine = Engine::new().expect("embedded packs");
    let mut label = example("eu-washing-machine-ecolabel");
    let o = label.as_object_mut().expect("object");
    o.remove("eco_labels");
    o.insert(
        "environmental_claims".into(),
        serde_json::json!([{ "text": "环保材料" }]),
    );
    let after = check(&engine, &label, Some("2026-11-26"));
    assert_eq!(after.findings.len(), 1, "{:#?}", after.findings);
    let f = &after.findings[0];
    assert_eq!(f.rule, "ECGT-2024/annex-I-4a/generic-claim");
    assert_eq!(f.path, "/environmental_claims/0/text");
    let span = f.span.as_ref().expect("span");
    assert_eq!((span.start, span.end, span.text.as_str()), (0, 2, "环保"));
    let before = check(&engine, &label, Some("2026-09-26"));
    assert!(before.findings.is_empty(), "{:#?}", before.findings);
    assert!(!packs(&before).contains(&"eu-2024-825"));
}

#[test]
fn organic_beef_at_90_percent_fails() {
    let engine = Engine::new().expect("embedded packs");
    let mut label = example("organic-beef");
    label["eco_labels"][0]["organic_percent"] = serde_json::json!(90);
    let r = check(&engine, &label, None);
    let rules: Vec<&str> = r.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(
        rules,
        ["GBT19630-2019/name/organic-95"],
        "{:#?}",
        r.findings
    );
    let span = r.findings[0].span.as_ref().expect("span");
    assert_eq!(span.text, "有机");
    assert!(r.findings[0].message.en.contains("90"));
}

#[test]
fn packs_about_marks_skip_labels_without_marks() {
    let engine = Engine::new().expect("embedded packs");
    let r = check(&engine, &example("uht-milk"), None);
    // The food packs apply; none of the packs about marks does, since the milk shows none.
    assert!(packs(&r).contains(&"gb7718-2011"), "{:?}", packs(&r));
    for mark_pack in [
        "gbt19630-2019",
        "cn-green-food-2012",
        "eu-66-2010",
        "eu-2018-848",
        "cn-green-product-2019",
    ] {
        assert!(
            !packs(&r).contains(&mark_pack),
            "{mark_pack} in {:?}",
            packs(&r)
        );
    }
    let mut milk = example("uht-milk");
    milk["product_name"]["text"] = serde_json::json!("有机纯牛奶");
    let r = check(&engine, &milk, None);
    assert!(packs(&r).contains(&"gbt19630-2019"), "{:?}", packs(&r));
    let rules: Vec<&str> = r.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["GBT19630-2019/name/organic-uncertified"]);
}

#[test]
fn a_bad_applies_if_is_a_pack_error() {
    let files = vec![
        labelcheck::pack::SourceFile {
            path: "categories.toml".into(),
            text: "markets = [{ id = \"CN\", zh = \"中国\", en = \"China\" }]\n[[category]]\nid = \"food\"\nzh = \"食品\"\nen = \"Food\"\n".into(),
        },
        labelcheck::pack::SourceFile {
            path: "packs/x-1/pack.toml".into(),
            text: "[pack]\nid = \"x-1\"\nstandard = \"X\"\nedition = \"1\"\ntitle = { zh = \"x\", en = \"x\" }\njurisdiction = \"CN\"\ncategories = [\"food\"]\napplies_if = \"lookup('nope', 1, 'a')\"\neffective_from = \"2020-01-01\"\nversion = \"1\"\n".into(),
        },
    ];
    let err = match Engine::from_files(&files) {
        Ok(_) => panic!("a pack with an unknown table in applies_if loaded"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("applies_if"), "{err}");
}

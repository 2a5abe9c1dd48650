//! Property tests: the text parser round-trips, order rules ignore what the standard
//! exempts, and no input — however odd — makes the engine or the expression compiler panic.

use labelcheck::label::parse_ingredients_text;
use labelcheck::{CheckOptions, Date, Engine};
use once_cell::sync::Lazy;
use proptest::prelude::*;

static ENGINE: Lazy<Engine> =
    Lazy::new(|| Engine::new().unwrap_or_else(|e| panic!("embedded packs: {e}")));

fn opts() -> CheckOptions {
    CheckOptions {
        as_of: Date::parse_iso("2026-11-26"),
        ..Default::default()
    }
}

/// Ingredient names: CJK and Latin letters, no separators or brackets.
fn name() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[生牛乳白砂糖水燕麦粉食用盐香精果胶abcXYZ]{1,6}")
        .expect("valid regex")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn ingredient_text_parse_render_round_trips(items in proptest::collection::vec((name(), proptest::option::of(0u32..1000)), 1..12)) {
        let rendered: Vec<String> = items
            .iter()
            .map(|(n, p)| match p {
                Some(p) => format!("{n}({}.{}%)", p / 10, p % 10),
                None => n.clone(),
            })
            .collect();
        let text = format!("配料：{}", rendered.join("、"));
        let parsed = parse_ingredients_text(&text);
        prop_assert_eq!(parsed.lead_word.as_deref(), Some("配料"));
        prop_assert_eq!(parsed.items.len(), items.len());
        let chars: Vec<char> = text.chars().collect();
        for ((item, (n, p)), r) in parsed.items.iter().zip(&items).zip(&rendered) {
            prop_assert_eq!(&item.name, n);
            let want = p.map(|p| rust_decimal::Decimal::new(p as i64, 1));
            prop_assert_eq!(item.percent.map(|d| d.0), want);
            let span = item.span.as_ref().expect("span");
            prop_assert_eq!(&span.text, r);
            prop_assert_eq!(chars[span.start..span.end].iter().collect::<String>(), span.text.clone());
        }
    }

    #[test]
    fn reordering_ingredients_at_or_below_2_percent_never_changes_the_order_finding(
        big in proptest::collection::vec(21u32..1000, 1..5),
        small in proptest::collection::vec(1u32..=20, 0..6),
        seed in any::<u64>(),
    ) {
        // Shares in tenths of a percent: big > 2 %, small ≤ 2 %.
        let mut big = big;
        big.sort_unstable_by(|a, b| b.cmp(a));
        let mut small = small;
        // A deterministic shuffle of the exempt tail.
        let n = small.len();
        for i in (1..n).rev() {
            let j = (seed.rotate_left(i as u32) as usize) % (i + 1);
            small.swap(i, j);
        }
        let items: Vec<serde_json::Value> = big
            .iter()
            .chain(small.iter())
            .enumerate()
            .map(|(i, p)| serde_json::json!({ "name": format!("配料{i}"), "percent": (*p as f64) / 10.0 }))
            .collect();
        let label = serde_json::json!({ "market": "CN", "category": "food", "ingredients": { "items": items } });
        let report = ENGINE.check_json(label.to_string().as_bytes(), &opts()).expect("well-formed");
        prop_assert!(report.findings.iter().all(|f| f.topic.as_deref() != Some("ingredients.order")), "{:?}", report.findings);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = ENGINE.check_json(&bytes, &opts());
    }

    #[test]
    fn arbitrary_json_in_any_section_never_panics(key in "[a-z_]{1,12}", value in arb_json()) {
        for section in ["product_name", "ingredients", "nutrition", "net_content", "dates", "origin", "extensions", "claims", "package"] {
            let mut label = serde_json::json!({ "market": "CN", "category": "food.dairy.sterilized_milk" });
            label[section] = serde_json::json!({ key.clone(): value.clone() });
            let _ = ENGINE.check_json(label.to_string().as_bytes(), &opts());
            label[section] = value.clone();
            let _ = ENGINE.check_json(label.to_string().as_bytes(), &opts());
        }
    }

    #[test]
    fn expression_compiler_never_panics(src in "[a-z0-9_ ().,'\"+\\-*/<>=!\\[\\]]{0,80}") {
        let _ = labelcheck::expr::Expr::compile(&src, &|_| true);
    }
}

fn arb_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|i| serde_json::json!(i)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| serde_json::json!(f)),
        "[配料生牛乳0-9a-z%：、（）() ]{0,20}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::btree_map("[a-z_]{1,10}", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A synthetic grade pack: `threshold_table` on a figure where lower is better (an energy
/// figure, say), bands (over, upto] with grade 1 best. The real energy packs live elsewhere;
/// the primitive is what is under test.
static GRADE_ENGINE: Lazy<Engine> = Lazy::new(|| {
    let mut files = labelcheck::pack::SourceFile::embedded();
    files.push(labelcheck::pack::SourceFile {
        path: "packs/grade-demo/pack.toml".into(),
        text: r#"[pack]
id = "grade-demo"
standard = "GRADE DEMO"
edition = "1"
title = { zh = "等级演示", en = "Grade demo" }
jurisdiction = "CN"
categories = ["food"]
effective_from = "2020-01-01"
version = "1.0.0"

[tables.grades]
key = "id"
rows = [
  { id = "g1", over = 0, upto = 10, grade = 1 },
  { id = "g2", over = 10, upto = 25, grade = 2 },
  { id = "g3", over = 25, upto = 40.5, grade = 3 },
  { id = "g4", over = 40.5, upto = 100, grade = 4 },
  { id = "g5", over = 100, upto = 1000000, grade = 5 },
]

[[rule]]
id = "GRADEDEMO-1/1/grade"
clause = "1"
severity = "error"
message = { zh = "等级 {found} 应为 {expected}", en = "Grade {found} should be {expected}" }
check = { type = "threshold_table", input = "label.net_content.value", table = "grades", result = "grade", declared = "label.extensions.grade", relation = "eq" }
"#
        .into(),
    });
    Engine::from_files(&files).unwrap_or_else(|e| panic!("grade pack: {e}"))
});

/// The grade the pack gives `figure`: the declared grade that draws no finding.
fn grade_of(figure: &str) -> Option<u32> {
    (1..=5).find(|g| {
        let label = format!(
            r#"{{"market":"CN","category":"food","net_content":{{"value":{figure}}},"extensions":{{"grade":{g}}}}}"#
        );
        let report = GRADE_ENGINE
            .check_json(label.as_bytes(), &opts())
            .expect("well-formed");
        !report.findings.iter().any(|f| f.rule == "GRADEDEMO-1/1/grade")
    })
}

/// Figures around and on the band edges, as decimal text.
fn figure() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..200_000).prop_map(|n| format!("{}.{:02}", n / 100, n % 100)),
        prop::sample::select(vec![
            "10", "10.0", "10.01", "25", "40.5", "40.49", "40.51", "100", "0.01"
        ])
        .prop_map(String::from),
    ]
}

/// Writes `v` as JSON with keys in a shuffled order, random whitespace and equivalent
/// number forms (`3` as `3.0`, `3e0`, `30e-1`), driven by `seed`.
fn permuted_json(v: &serde_json::Value, seed: &mut u64, out: &mut String) {
    let mut next = |n: u64| {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed % n
    };
    let ws = [" ", "", "\n", "\t", "  \r\n"];
    let w = ws[next(ws.len() as u64) as usize];
    match v {
        serde_json::Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            for i in (1..keys.len()).rev() {
                keys.swap(i, next(i as u64 + 1) as usize);
            }
            out.push('{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(w);
                out.push_str(&serde_json::to_string(k).expect("key"));
                out.push_str(w);
                out.push(':');
                permuted_json(&m[k.as_str()], seed, out);
            }
            out.push_str(w);
            out.push('}');
        }
        serde_json::Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(w);
                permuted_json(x, seed, out);
            }
            out.push(']');
        }
        serde_json::Value::Number(n) if n.is_u64() => {
            let n = n.as_u64().expect("u64");
            let forms = [
                format!("{n}"),
                format!("{n}.0"),
                format!("{n}e0"),
                format!("{n}0e-1"),
                format!("{n}.000"),
            ];
            out.push_str(&forms[next(forms.len() as u64) as usize]);
        }
        other => out.push_str(&other.to_string()),
    }
}

fn finding_keys(r: &labelcheck::Report) -> Vec<(String, String)> {
    let mut v: Vec<_> = r
        .findings
        .iter()
        .map(|f| (f.rule.clone(), f.path.clone()))
        .collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_better_figure_never_gets_a_worse_grade(a in figure(), b in figure()) {
        let (x, y): (f64, f64) = (a.parse().expect("num"), b.parse().expect("num"));
        let (better, worse) = if x <= y { (&a, &b) } else { (&b, &a) };
        let (gb, gw) = (grade_of(better), grade_of(worse));
        prop_assert!(gb.is_some() && gw.is_some(), "every figure in range has a grade: {better} {gb:?} {worse} {gw:?}");
        prop_assert!(gb <= gw, "{better} graded {gb:?} but the worse {worse} graded {gw:?}");
    }

    #[test]
    fn key_order_whitespace_and_number_forms_never_change_the_report(seed in 1u64..u64::MAX) {
        let base: serde_json::Value = serde_json::from_str(include_str!("../../examples/uht-milk.json")).expect("json");
        let expected = ENGINE.check_json(base.to_string().as_bytes(), &opts()).expect("checks");
        let mut text = String::new();
        let mut s = seed;
        permuted_json(&base, &mut s, &mut text);
        let got = ENGINE.check_json(text.as_bytes(), &opts()).expect("still well-formed");
        prop_assert_eq!(finding_keys(&got), finding_keys(&expected), "{}", text);
        prop_assert_eq!(got.verdict, expected.verdict);
    }
}

#[test]
fn grade_band_edges_follow_the_table() {
    // (over, upto]: 10 is grade 1, 10.01 grade 2, 40.5 grade 3, 40.51 grade 4.
    assert_eq!(grade_of("10"), Some(1));
    assert_eq!(grade_of("10.01"), Some(2));
    assert_eq!(grade_of("40.5"), Some(3));
    assert_eq!(grade_of("40.51"), Some(4));
    assert_eq!(grade_of("1000000"), Some(5));
}

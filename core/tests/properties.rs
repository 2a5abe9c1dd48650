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

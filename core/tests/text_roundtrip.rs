//! Round trip: a label document rendered as printed text (one `heading：value` line per
//! field, a nutrition table under its heading) reads back into the same document.

use labelcheck::label::text::{read, TextContext};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Printed values: Chinese text and digits without the characters that end an item (colons,
/// list separators) — what a real field value looks like.
fn value() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[\u{4e00}-\u{4e2f}A-Z0-9]{1,12}号?").expect("regex")
}

fn number() -> impl Strategy<Value = String> {
    (1u32..5000, 0u32..10).prop_map(|(i, f)| {
        if f == 0 {
            i.to_string()
        } else {
            format!("{i}.{f}")
        }
    })
}

#[derive(Debug, Clone)]
struct Doc {
    name: String,
    ingredients: Vec<String>,
    net: (String, &'static str),
    production: String,
    shelf_life: String,
    storage: String,
    producer: String,
    address: String,
    contact: String,
    licence: String,
    rows: Vec<(&'static str, String, &'static str, Option<u32>)>,
}

fn doc() -> impl Strategy<Value = Doc> {
    let rows = proptest::sample::subsequence(
        vec![
            ("能量", "kJ"),
            ("蛋白质", "g"),
            ("脂肪", "g"),
            ("碳水化合物", "g"),
            ("钠", "mg"),
        ],
        1..=5,
    )
    .prop_flat_map(|names| {
        let n = names.len();
        (
            Just(names),
            proptest::collection::vec((number(), proptest::option::of(0u32..100)), n),
        )
    })
    .prop_map(|(names, vals)| {
        names
            .into_iter()
            .zip(vals)
            .map(|((n, u), (v, nrv))| (n, v, u, nrv))
            .collect::<Vec<_>>()
    });
    (
        // A Chinese label's name holds Chinese characters (GB 7718 3.4); a name of Latin
        // capitals alone can be a heading the reader knows (`SC`, the licence's), which no
        // printed name is.
        value().prop_filter("a name in Chinese", |n| {
            n.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        }),
        proptest::collection::vec(value(), 1..6),
        (
            number(),
            proptest::sample::select(vec!["mL", "g", "kg", "L", "克", "毫升"]),
        ),
        (2000u32..2030, 1u32..13, 1u32..29),
        (1u32..36, proptest::sample::select(vec!["个月", "天"])),
        value(),
        (value(), value(), "[0-9]{3,4}-[0-9]{7,8}"),
        "SC[0-9]{14}",
        rows,
    )
        .prop_map(
            |(
                name,
                ingredients,
                net,
                (y, m, d),
                (n, unit),
                storage,
                (producer, address, contact),
                licence,
                rows,
            )| Doc {
                name,
                ingredients,
                net,
                production: format!("{y}年{m:02}月{d:02}日"),
                shelf_life: format!("{n}{unit}"),
                storage,
                producer,
                address,
                contact,
                licence,
                rows,
            },
        )
}

fn render(d: &Doc) -> String {
    let mut t = String::new();
    t.push_str(&format!("{}\n", d.name));
    t.push_str(&format!("配料：{}\n", d.ingredients.join("、")));
    t.push_str(&format!("净含量：{}{}\n", d.net.0, d.net.1));
    t.push_str("营养成分表\n项目\t每100g\tNRV%\n");
    for (n, v, u, nrv) in &d.rows {
        match nrv {
            Some(p) => t.push_str(&format!("{n}\t{v}{u}\t{p}%\n")),
            None => t.push_str(&format!("{n}\t{v}{u}\n")),
        }
    }
    t.push_str(&format!("生产日期：{}\n", d.production));
    t.push_str(&format!("保质期：{}\n", d.shelf_life));
    t.push_str(&format!("贮存条件：{}\n", d.storage));
    t.push_str(&format!("生产者：{}\n", d.producer));
    t.push_str(&format!("地址：{}\n", d.address));
    t.push_str(&format!("电话：{}\n", d.contact));
    t.push_str(&format!("食品生产许可证编号：{}\n", d.licence));
    t
}

fn num(s: &str) -> Value {
    serde_json::from_str(s).expect("a number")
}

fn expected(d: &Doc) -> Value {
    let rows: Vec<Value> = d
        .rows
        .iter()
        .map(|(n, v, u, nrv)| {
            let mut r = Map::new();
            r.insert("name".into(), json!(n));
            r.insert("value".into(), num(v));
            r.insert("unit".into(), json!(u));
            if let Some(p) = nrv {
                r.insert("nrv_percent".into(), json!(p));
            }
            Value::Object(r)
        })
        .collect();
    json!({
        "schema_version": "1",
        "market": "CN",
        "category": "food",
        "product_name": { "text": d.name },
        "ingredients": { "text": format!("配料：{}", d.ingredients.join("、")) },
        "net_content": { "text": format!("净含量：{}{}", d.net.0, d.net.1), "value": num(&d.net.0), "unit": d.net.1 },
        "nutrition": { "basis": "per_100g", "format": "table", "title": "营养成分表", "rows": rows },
        "dates": { "production": d.production, "shelf_life": d.shelf_life },
        "storage": d.storage,
        "producer": { "name": d.producer, "address": d.address, "contact": d.contact },
        "licence_number": d.licence,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_rendered_document_reads_back_the_same(d in doc()) {
        let text = render(&d);
        let ctx = TextContext { market: "CN".into(), category: "food".into(), ..TextContext::default() };
        let r = read(&text, &ctx, 1_000_000, None).expect("reads");
        prop_assert_eq!(&r.document, &expected(&d), "{}", text);
        prop_assert!(r.unread.is_empty(), "{:?}", r.unread);
        prop_assert!(r.conflicts.is_empty());
        // Every field's span is the text it came from.
        let chars: Vec<char> = text.chars().collect();
        for f in &r.fields {
            prop_assert_eq!(chars[f.span.start..f.span.end].iter().collect::<String>(), f.span.text.clone());
        }
    }

    #[test]
    fn any_text_reads_without_panicking(text in "\\PC{0,400}", nl in proptest::collection::vec(0usize..400, 0..20)) {
        let mut chars: Vec<char> = text.chars().collect();
        for i in nl {
            if i <= chars.len() {
                chars.insert(i, '\n');
            }
        }
        let text: String = chars.into_iter().collect();
        let ctx = TextContext { market: "CN".into(), category: "food".into(), ..TextContext::default() };
        let r = read(&text, &ctx, 1_000_000, None).expect("reads");
        let all: Vec<char> = text.chars().collect();
        for u in &r.unread {
            prop_assert!(u.span.end <= all.len());
        }
        for f in &r.fields {
            prop_assert_eq!(all[f.span.start..f.span.end].iter().collect::<String>(), f.span.text.clone());
        }
    }
}

//! divan benches: `cargo bench -p labelcheck-bench` (see benches/README.md).
use labelcheck::{CheckOptions, Engine, Limits};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new().expect("embedded packs"))
}

fn corpus(family: &str) -> Vec<Vec<u8>> {
    (0..200)
        .map(|n| serde_json::to_vec(&labelcheck_bench::label(9, n, Some(family))).expect("json"))
        .collect()
}

const FAMILIES: &[&str] = &["food", "infant_formula"];

/// `Engine::new`: metadata only, pack bodies compile on first use.
#[divan::bench]
fn engine_new() -> Engine {
    Engine::new().expect("embedded packs")
}

/// Every embedded pack compiled (what a cold start cost before bodies were deferred).
#[divan::bench]
fn pack_compile() -> Engine {
    let e = Engine::new().expect("embedded packs");
    assert!(e.standards().compile_all().is_empty());
    e
}

#[divan::bench(args = FAMILIES)]
fn check_label(b: divan::Bencher, family: &str) {
    let labels = corpus(family);
    let opts = CheckOptions::default();
    let e = engine();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % labels.len();
        e.check_json(&labels[i], &opts)
    });
}

#[divan::bench(args = FAMILIES)]
fn serde_value(b: divan::Bencher, family: &str) {
    let labels = corpus(family);
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % labels.len();
        serde_json::from_slice::<serde_json::Value>(&labels[i])
    });
}

#[divan::bench(args = FAMILIES)]
fn serde_label(b: divan::Bencher, family: &str) {
    let labels = corpus(family);
    let limits = Limits::default();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % labels.len();
        labelcheck::label::parse_label(&labels[i], &limits)
    });
}

#[divan::bench]
fn ingredients_text(b: divan::Bencher) {
    let texts: Vec<String> = corpus("food")
        .iter()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_slice(l).ok()?;
            Some(v.pointer("/ingredients/text")?.as_str()?.to_string())
        })
        .collect();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % texts.len();
        labelcheck::label::parse_ingredients_text(&texts[i])
    });
}

/// The printed-text examples (examples/text/*.txt, about 0.5–1 KB each) with their JSON twins.
fn text_examples() -> Vec<(String, Vec<u8>, labelcheck::label::text::TextContext)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/text");
    let mut out = Vec::new();
    for name in [
        "uht-milk",
        "butter-cookies",
        "orange-drink",
        "imported-wine",
    ] {
        let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("text example");
        let twin = std::fs::read(dir.join(format!("{name}.json"))).expect("twin");
        let v: serde_json::Value = serde_json::from_slice(&twin).expect("twin JSON");
        let ctx = labelcheck::label::text::TextContext {
            market: "CN".into(),
            category: v["category"].as_str().expect("category").into(),
            check_date: v["check_date"].as_str().map(str::to_string),
            ..Default::default()
        };
        out.push((text, twin, ctx));
    }
    out
}

/// Reading a label's text into the document (no check): the cost the text path adds.
#[divan::bench]
fn text_read(b: divan::Bencher) {
    let labels = text_examples();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % labels.len();
        labelcheck::label::text::read(&labels[i].0, &labels[i].2, 1 << 22, None)
    });
}

/// Checking the same labels as text (read + check) …
#[divan::bench]
fn text_check(b: divan::Bencher) {
    let labels = text_examples();
    let opts = CheckOptions::default();
    let e = engine();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % labels.len();
        e.check_text(&labels[i].0, &labels[i].2, &opts)
    });
}

/// … and as their JSON twins: the baseline the text path is measured against.
#[divan::bench]
fn text_twin_check_json(b: divan::Bencher) {
    let labels = text_examples();
    let opts = CheckOptions::default();
    let e = engine();
    let mut i = 0;
    b.bench_local(|| {
        i = (i + 1) % labels.len();
        e.check_json(&labels[i].1, &opts)
    });
}

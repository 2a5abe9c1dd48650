//! `lc-measure [COUNT]`: the in-process figures of benches/README.md, every baseline measured
//! in the same run on the same labels and reported as a ratio. Prints a Markdown table.
//!
//! Each figure is the best of several passes over the whole corpus (the minimum is the
//! least noisy estimate on a shared machine), divided by the number of labels.
use labelcheck::{CheckOptions, Engine, Limits};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn best_of(passes: usize, mut f: impl FnMut()) -> Duration {
    (0..passes)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn us(d: Duration, n: usize) -> f64 {
    d.as_secs_f64() * 1e6 / n as f64
}

/// A table row: the figure and its ratio to the serde_json → Value floor.
fn ratio_row(what: String, us_per_label: f64, floor: f64) -> (String, f64, String) {
    let ratio = format!("{:.2}×", us_per_label / floor);
    (what, us_per_label, ratio)
}

fn main() {
    let count: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let passes = 5;
    let mut rows: Vec<(String, f64, String)> = Vec::new();

    // Cold start: the catalogue, the code-list headers and every pack's metadata; the
    // embedded packs' bodies compile on first use.
    let cold = best_of(20, || {
        black_box(Engine::new().expect("embedded packs load"));
    });
    rows.push((
        "engine cold start (`Engine::new`; pack bodies compile on first use)".into(),
        cold.as_secs_f64() * 1e6,
        "per engine".into(),
    ));
    // Time to the first result on a new engine: the packs a food label needs compile then.
    let first_label =
        serde_json::to_vec(&labelcheck_bench::label(9, 0, Some("food"))).expect("json");
    let first = best_of(10, || {
        let e = Engine::new().expect("embedded packs load");
        black_box(
            e.check_json(&first_label, &CheckOptions::default())
                .expect("report"),
        );
    });
    rows.push((
        "new engine + first check of a food label (compiles its packs)".into(),
        first.as_secs_f64() * 1e6,
        "per engine".into(),
    ));
    // Everything compiled, as the eager loader did before.
    let all = best_of(10, || {
        let e = Engine::new().expect("embedded packs load");
        assert!(e.standards().compile_all().is_empty());
        black_box(e);
    });
    rows.push((
        "new engine + every pack compiled (`Standards::compile_all`)".into(),
        all.as_secs_f64() * 1e6,
        "per engine".into(),
    ));

    let engine = Engine::new().expect("embedded packs load");
    let opts = CheckOptions::default();
    let limits = Limits::default();
    let mut names: Vec<Option<&str>> = vec![None];
    names.extend(labelcheck_bench::families().iter().map(|f| Some(f.name)));
    for only in names {
        // `None`: the mixed corpus, exactly `lc-corpus COUNT 9` (labels-COUNT.jsonl).
        let labels: Vec<Vec<u8>> = (0..count)
            .map(|n| serde_json::to_vec(&labelcheck_bench::label(9, n, only)).expect("json"))
            .collect();
        let n = labels.len();
        let bytes: usize = labels.iter().map(Vec::len).sum();
        let value = best_of(passes, || {
            for l in &labels {
                black_box(serde_json::from_slice::<serde_json::Value>(l).expect("valid json"));
            }
        });
        let typed = best_of(passes, || {
            for l in &labels {
                black_box(labelcheck::label::parse_label(l, &limits).expect("label"));
            }
        });
        let check = best_of(passes, || {
            for l in &labels {
                black_box(engine.check_json(l, &opts).expect("report"));
            }
        });
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../../standards/schema/label.schema.json"))
                .expect("schema");
        let validator = jsonschema::validator_for(&schema).expect("schema compiles");
        let jsonschema = best_of(passes, || {
            for l in &labels {
                let v: serde_json::Value = serde_json::from_slice(l).expect("json");
                black_box(validator.is_valid(&v));
            }
        });
        let texts: Vec<String> = labels
            .iter()
            .filter_map(|l| {
                let v: serde_json::Value = serde_json::from_slice(l).ok()?;
                Some(v.pointer("/ingredients/text")?.as_str()?.to_string())
            })
            .collect();
        let ingr = best_of(passes, || {
            for t in &texts {
                black_box(labelcheck::label::parse_ingredients_text(t));
            }
        });
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        let refs: Vec<&[u8]> = labels.iter().map(Vec::as_slice).collect();
        let many = best_of(passes, || {
            black_box(engine.check_many_json(&refs, &opts, 0));
        });
        let f = only.unwrap_or("mixed corpus");
        let base = us(value, n);
        rows.push((
            format!("{f}: serde_json → Value (floor; {} B/label avg)", bytes / n),
            base,
            "1.00×".into(),
        ));
        rows.push(ratio_row(
            format!("{f}: serde_json → Label (typed, normalised)"),
            us(typed, n),
            base,
        ));
        rows.push(ratio_row(
            format!("{f}: jsonschema (parse + is_valid, structural subset)"),
            us(jsonschema, n),
            base,
        ));
        rows.push(ratio_row(
            format!("{f}: labelcheck check_json, 1 thread"),
            us(check, n),
            base,
        ));
        rows.push(ratio_row(
            format!("{f}: labelcheck check_many_json, {threads} threads (wall / label)"),
            us(many, n),
            base,
        ));
        rows.push((
            format!("{f}: ingredients free text → structure"),
            us(ingr, texts.len().max(1)),
            String::new(),
        ));
    }
    println!("| what | µs | ratio to serde_json → Value |");
    println!("|---|---:|---:|");
    for (what, v, ratio) in rows {
        println!("| {what} | {v:.2} | {ratio} |");
    }
}

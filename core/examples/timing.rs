//! Rough timings for orientation (the benchmarks proper live in benches/):
//! `cargo run --release -p labelcheck --example timing [LABEL.json …]` (default: the beef-jerky
//! example; `N` checks each).
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let files = labelcheck::pack::SourceFile::embedded();
    let t_files = t.elapsed();
    let t = Instant::now();
    let engine = match labelcheck::Engine::from_files(&files) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let t_load = t.elapsed();
    // Labels to time: the paths given, else the beef-jerky example.
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        paths.push(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/beef-jerky.json").into());
    }
    let opts = labelcheck::CheckOptions::default();
    let n: u32 = std::env::var("N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000)
        .max(1);
    println!("embedded files: {t_files:?}; Engine::from_files: {t_load:?}");
    for path in &paths {
        let label = std::fs::read(path).unwrap_or_default();
        // The first check compiles the packs the label needs (the embedded packs are compiled
        // on first use); later checks reuse them.
        let t = Instant::now();
        let first = engine.check_json(&label, &opts);
        let t_first = t.elapsed();
        let t = Instant::now();
        for _ in 0..n {
            let _ = engine.check_json(&label, &opts);
        }
        let per = t.elapsed() / n;
        let t = Instant::now();
        for _ in 0..n {
            let _: Result<serde_json::Value, _> = serde_json::from_slice(&label);
        }
        let parse = t.elapsed() / n;
        let (market, rules) = match &first {
            Ok(r) => (r.market.clone(), r.rules_evaluated),
            Err(_) => ("error".into(), 0),
        };
        println!(
            "{path}: {market}, {rules} rules evaluated; first check {t_first:?}; check {per:?}; serde_json::Value parse {parse:?} ({:.0}×)",
            per.as_secs_f64() / parse.as_secs_f64().max(1e-12)
        );
    }
}

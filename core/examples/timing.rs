//! Rough timings for orientation (the benchmarks proper live in benches/):
//! `cargo run --release -p labelcheck --example timing`.
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
    let label = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/beef-jerky.json"
    ))
    .unwrap_or_default();
    let opts = labelcheck::CheckOptions::default();
    // The first check compiles the packs the label needs (the embedded packs are compiled
    // on first use); later checks reuse them.
    let t = Instant::now();
    let _ = engine.check_json(&label, &opts);
    let t_first = t.elapsed();
    let n: u32 = std::env::var("N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000)
        .max(1);
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
    println!("embedded files: {t_files:?}; Engine::from_files: {t_load:?}; first check (compiles the packs it needs): {t_first:?}; check one label: {per:?}; serde_json::Value parse: {parse:?}");
}

//! Per-rule cost on one label: `cargo run --release -p labelcheck --example rule_cost -- LABEL.json`
//! (each rule of the packs that apply, run alone N times; the costliest first) — for finding
//! where a label's check time goes.
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: rule_cost LABEL.json");
        std::process::exit(2);
    };
    let engine = labelcheck::Engine::new().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let label = std::fs::read(&path).unwrap_or_default();
    let n: u32 = std::env::var("N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300)
        .max(1);
    let all = labelcheck::CheckOptions::default();
    let report = match engine.check_json(&label, &all) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2)
        }
    };
    let packs: Vec<String> = report.packs.iter().map(|p| p.id.clone()).collect();
    // The cost of a check with an empty selection (parse, normalise, select) as the baseline.
    let time = |opts: &labelcheck::CheckOptions| {
        let t = Instant::now();
        for _ in 0..n {
            let _ = engine.check_json(&label, opts);
        }
        t.elapsed().as_secs_f64() * 1e6 / f64::from(n)
    };
    let total = time(&all);
    let mut costs = Vec::new();
    for p in engine.packs().iter().filter(|p| packs.contains(&p.meta.id)) {
        for r in &p.rules {
            let opts = labelcheck::CheckOptions {
                only: Some(labelcheck::RuleSelection {
                    rules: vec![r.id.clone()],
                    ..Default::default()
                }),
                ..Default::default()
            };
            costs.push((time(&opts), r.id.clone()));
        }
    }
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("{path}: {total:.0} µs per check with every rule");
    for (us, id) in costs.iter().take(12) {
        println!("{us:>8.0} µs  {id}");
    }
}

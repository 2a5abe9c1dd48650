//! `lc-profile cold` / `all` / `check COUNT` / `parse COUNT` / `heap`: fixed workloads
//! for `valgrind --tool=callgrind` (instruction counts are steady on a loaded machine, wall
//! clock is not). `cold` is `Engine::new` (pack bodies deferred), `all` adds compiling every
//! pack. `check` includes a cold start and the first label's pack compiles: the per-label
//! cost is (check 101 − check 1 − (none 101 − none 1)) / 100, which still carries the
//! compiles of packs first met after the first label; `warm COUNT` checks the labels twice,
//! and (warm N − check N) / N is the cost per label once every pack the corpus needs is
//! compiled (a long batch's steady state). `rules COUNT [PASSES]` (built with
//! `--features rule-timing`) times every rule over PASSES passes of the labels after a
//! warm-up pass and prints the rules a check spends its time in.
use labelcheck::{CheckOptions, Engine};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts the bytes currently allocated, for `lc-profile heap`.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

/// The second pass of `warm`, in a function of its own so that callgrind can profile it
/// alone: `valgrind --tool=callgrind --collect-atstart=no
/// --toggle-collect='lc_profile::steady_pass' lc-profile warm 101`.
#[inline(never)]
fn steady_pass(e: &Engine, opts: &CheckOptions, labels: &[Vec<u8>]) {
    for l in labels {
        black_box(e.check_json(l, opts).expect("report"));
    }
}

/// The check options of every mode: `LC_ONLY` (the CLI's `--only` syntax) profiles a check
/// restricted to some rules, e.g. the ten of `python_baseline.py`'s like-for-like figure.
fn options() -> CheckOptions {
    let only = std::env::var("LC_ONLY")
        .ok()
        .map(|s| labelcheck::RuleSelection::parse(&s).expect("LC_ONLY: a rule selection"));
    CheckOptions {
        only,
        ..CheckOptions::default()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(1).map(String::as_str).unwrap_or("cold");
    let count: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(200);
    let labels: Vec<Vec<u8>> = (0..count)
        .map(|n| serde_json::to_vec(&labelcheck_bench::label(9, n, None)).expect("json"))
        .collect();
    match mode {
        "cold" => {
            black_box(Engine::new().expect("packs"));
        }
        "all" => {
            let e = Engine::new().expect("packs");
            assert!(e.standards().compile_all().is_empty());
            black_box(e);
        }
        "check" => {
            let e = Engine::new().expect("packs");
            let opts = options();
            for l in &labels {
                black_box(e.check_json(l, &opts).expect("report"));
            }
        }
        "warm" => {
            // Every label checked twice: the first pass compiles what the corpus needs, so
            // (warm N − check N) / N is the steady-state cost per label of a long batch.
            let e = Engine::new().expect("packs");
            let opts = options();
            for l in &labels {
                black_box(e.check_json(l, &opts).expect("report"));
            }
            steady_pass(&e, &opts, &labels);
        }
        "parse" => {
            for l in &labels {
                black_box(serde_json::from_slice::<serde_json::Value>(l).expect("json"));
            }
        }
        "heap" => {
            let before = LIVE.load(Ordering::Relaxed);
            let e = Engine::new().expect("packs");
            let lazy = LIVE.load(Ordering::Relaxed) - before;
            println!("heap held by a new engine (pack bodies not yet compiled): {lazy} bytes");
            assert!(e.standards().compile_all().is_empty());
            let held = LIVE.load(Ordering::Relaxed) - before;
            println!("heap held by an engine with every embedded pack: {held} bytes");
            black_box(e);
        }
        "rules" => rule_costs(
            &labels,
            args.get(3).and_then(|s| s.parse().ok()).unwrap_or(5),
        ),
        "none" => {}
        _ => {
            eprintln!("modes: cold, all, check COUNT, warm COUNT, parse COUNT, heap, none COUNT, rules COUNT [PASSES]");
            std::process::exit(2);
        }
    }
}

#[cfg(feature = "rule-timing")]
fn rule_costs(labels: &[Vec<u8>], passes: u32) {
    let e = Engine::new().expect("packs");
    let opts = options();
    for l in labels {
        black_box(e.check_json(l, &opts).expect("report"));
    }
    let _ = labelcheck::rule_timing::take();
    let started = std::time::Instant::now();
    for _ in 0..passes {
        for l in labels {
            black_box(e.check_json(l, &opts).expect("report"));
        }
    }
    let total = started.elapsed();
    let costs = labelcheck::rule_timing::take();
    let checks = (labels.len() as f64) * f64::from(passes);
    let per_label = |d: std::time::Duration| d.as_secs_f64() * 1e6 / checks;
    use labelcheck::rule_timing::{NOT_APPLICABLE, OUTCOME};
    let (extra, costs): (Vec<_>, Vec<_>) = costs
        .into_iter()
        .partition(|(k, _)| k.starts_with(OUTCOME) || k.starts_with(NOT_APPLICABLE));
    let in_rules: std::time::Duration = costs.iter().map(|(_, c)| c.time).sum();
    println!(
        "{} labels x {passes} passes: {:.1} us per check, {:.1} us in rules and pack lets ({:.0} %), the rest parsing, preparing and writing the report",
        labels.len(),
        per_label(total),
        per_label(in_rules),
        100.0 * in_rules.as_secs_f64() / total.as_secs_f64()
    );
    println!("{:>8} {:>6} {:>9}  rule", "us/label", "share", "runs/lbl");
    // One line per cost: time per label, share of the check, runs per label, the name after
    // the key's prefix.
    let print = |rows: &mut dyn Iterator<Item = &(String, labelcheck::rule_timing::RuleCost)>,
                 prefix: &str| {
        for (k, c) in rows {
            println!(
                "{:>8.2} {:>5.1}% {:>9.2}  {}",
                per_label(c.time),
                100.0 * c.time.as_secs_f64() / total.as_secs_f64(),
                c.runs as f64 / checks,
                &k[prefix.len()..]
            );
        }
    };
    print(&mut costs.iter().take(50), "");
    // By outcome, then the not-applicable rules that cost most: their condition is
    // evaluated on every element only to admit none.
    println!("by outcome (runs/lbl = rules per label):");
    print(
        &mut extra.iter().filter(|(k, _)| k.starts_with(OUTCOME)),
        OUTCOME,
    );
    println!("not applicable, most expensive:");
    print(
        &mut extra
            .iter()
            .filter(|(k, _)| k.starts_with(NOT_APPLICABLE))
            .take(15),
        NOT_APPLICABLE,
    );
}

#[cfg(not(feature = "rule-timing"))]
fn rule_costs(_: &[Vec<u8>], _: u32) {
    eprintln!("build with `--features rule-timing` for `lc-profile rules`");
    std::process::exit(2);
}

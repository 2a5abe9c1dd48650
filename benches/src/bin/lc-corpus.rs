//! `lc-corpus COUNT [SEED] [FAMILY] > labels.jsonl`: the seeded benchmark corpus.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(9);
    let only = args.get(3).map(String::as_str);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
    if let Err(e) = labelcheck_bench::jsonl(seed, count, only, &mut out) {
        eprintln!("lc-corpus: {e}");
        std::process::exit(1);
    }
}

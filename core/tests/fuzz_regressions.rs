//! Replays every minimised crash and slow input the fuzzers found
//! (`tests/fuzz-regressions/<target>/*`) through the same invariant checks the fuzz targets
//! run, so a fixed bug stays fixed without cargo-fuzz. Slow inputs must finish quickly.

use std::path::PathBuf;
use std::time::{Duration, Instant};

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fuzz-regressions")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut n = 0;
    for entry in entries.flatten() {
        let bytes = std::fs::read(entry.path()).expect("read regression input");
        let start = Instant::now();
        run(&bytes);
        // Generous: a debug build on a busy machine; the bugs were hangs, not milliseconds.
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{} took {:?}",
            entry.path().display(),
            start.elapsed()
        );
        n += 1;
    }
    n
}

#[test]
fn fuzz_regressions_replay_clean() {
    let n = replay("label_check", |b| {
        let _ = labelcheck::fuzzing::label_check(b);
    }) + replay("ingredients_text", |b| {
        if let Ok(s) = std::str::from_utf8(b) {
            labelcheck::fuzzing::ingredients_text(s)
        }
    }) + replay("pack_load", labelcheck::fuzzing::pack_load)
        + replay("expression", labelcheck::fuzzing::expression)
        + replay("fibre_text", |b| {
            if let Ok(s) = std::str::from_utf8(b) {
                labelcheck::fuzzing::fibre_text(s)
            }
        })
        + replay("label_text", labelcheck::fuzzing::label_text);
    assert!(n >= 1, "the regression inputs are found");
}

#[test]
fn fibre_text_invariants_hold_on_the_seeds_and_odd_text() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/seeds/fibre_text");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).expect("seed dir").flatten() {
        let text = std::fs::read_to_string(e.path()).expect("utf-8 seed");
        labelcheck::fuzzing::fibre_text(&text);
        n += 1;
    }
    assert!(n >= 5, "fibre seeds found");
    for odd in [
        "",
        "%",
        "100%",
        "；；；",
        "面料：",
        "80%%山羊绒",
        "😀 50% 羊毛 50%",
        "纯",
        "（（（",
        "1e308% wool",
    ] {
        labelcheck::fuzzing::fibre_text(odd);
    }
}

/// The expression target's built-in label is the UHT milk example, kept in step.
#[test]
fn the_expression_label_is_the_uht_milk_example() {
    let file = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/uht-milk.json"),
    )
    .expect("example");
    let a: serde_json::Value = serde_json::from_str(&file).expect("json");
    let b: serde_json::Value =
        serde_json::from_str(labelcheck::fuzzing::EXPRESSION_LABEL).expect("json");
    assert_eq!(a, b);
}

#[test]
fn label_text_invariants_hold_on_the_seeds_and_hostile_text() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/seeds/label_text");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).expect("seed dir").flatten() {
        labelcheck::fuzzing::label_text(&std::fs::read(e.path()).expect("seed"));
        n += 1;
    }
    assert!(n >= 5, "label text seeds found");
    // The hostile text: binary, one long line, many headings, only headings.
    let long_line = format!("\u{0}{}", "配料：水、".repeat(200_000));
    let headings = format!("\u{0}{}", "净含量：\n".repeat(100_000));
    let binary: Vec<u8> = (0..=255u8).cycle().take(100_000).collect();
    for input in [
        long_line.as_bytes(),
        headings.as_bytes(),
        &binary[..],
        b"\x01\xff\xfe",
    ] {
        let start = Instant::now();
        labelcheck::fuzzing::label_text(input);
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{:?}",
            start.elapsed()
        );
    }
}

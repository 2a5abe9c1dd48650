//! Runs every regression suite under `tests/suites/` and enforces that each rule of every
//! embedded pack has at least one failing and one passing case.

use std::path::PathBuf;

fn suites_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join("suites")
}

#[test]
fn regression_suites_pass_and_cover_every_rule() {
    let engine = labelcheck::Engine::new().unwrap_or_else(|e| panic!("embedded packs: {e}"));
    let (results, coverage) =
        labelcheck::suite::run_dir(&engine, &suites_dir()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !results.is_empty(),
        "no suite cases found under {}",
        suites_dir().display()
    );
    let failures: Vec<String> = results
        .iter()
        .filter(|r| !r.passed)
        .map(|r| {
            let mut s = format!("{} :: {}", r.suite, r.name);
            if let Some(e) = &r.error {
                s.push_str(&format!("\n    error: {e}"));
            }
            for m in &r.missing {
                s.push_str(&format!("\n    - expected {} at {}", m.rule, m.path));
            }
            for (u, msg) in &r.unexpected {
                s.push_str(&format!(
                    "\n    + unexpected {} at {}: {msg}",
                    u.rule, u.path
                ));
            }
            s
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        results.len(),
        failures.join("\n")
    );
    let gaps = coverage.gaps(&engine);
    assert!(
        gaps.is_empty(),
        "rules without both a failing and a passing case:\n{}",
        gaps.join("\n")
    );
}

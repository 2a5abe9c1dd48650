//! The "no false fail" guard: a compliant label reported as failing is the worst defect.
//! Every example under `examples/` (the faulty ones under `examples/faulty/` excepted) is
//! checked on its own check date with zero error findings and a verdict other than
//! not-checked, and no suite case may get a finding it does not expect.

use labelcheck::{CheckOptions, Engine, Severity};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

#[test]
fn every_clean_example_has_no_error_finding() {
    let engine = Engine::new().unwrap_or_else(|e| panic!("embedded packs: {e}"));
    let mut n = 0;
    for entry in std::fs::read_dir(root().join("examples")).expect("examples") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read example");
        let report = engine
            .check_json(&bytes, &CheckOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(report.is_checked(), "{}: not checked", path.display());
        let errors: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{} {} {}", f.rule, f.path, f.message.en))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        n += 1;
    }
    assert!(n >= 20, "only {n} examples");
}

#[test]
fn no_suite_case_gets_a_finding_it_does_not_expect() {
    let engine = Engine::new().unwrap_or_else(|e| panic!("embedded packs: {e}"));
    let (results, coverage) =
        labelcheck::suite::run_dir(&engine, &root().join("tests/suites")).expect("suites");
    // The harness compares findings exactly for the compared packs; here the guard is that no
    // case expecting a clean label fails, whatever else changes.
    let failed: Vec<_> = results
        .iter()
        .filter(|r| !r.passed && r.missing.is_empty())
        .map(|r| format!("{} :: {} {:?} {:?}", r.suite, r.name, r.unexpected, r.error))
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    assert!(!coverage.passing_cases.is_empty());
}

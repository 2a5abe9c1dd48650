//! An engine over the embedded packs defers work until a check needs it (pack bodies, claim
//! conditions, message templates, code-list indexes, regex patterns); an engine over the same
//! files read as TOML compiles everything at load. Both give the same report for every
//! example label, in force and with the 2025 editions, with findings, messages and spans.
#![cfg(feature = "toml")]

use labelcheck::pack::SourceFile;
use labelcheck::{CheckOptions, EditionChoice, Engine};
use std::path::Path;

/// The embedded files, each with a trailing newline: "changed", so read as TOML and
/// compiled at load.
fn eager_files() -> Vec<SourceFile> {
    SourceFile::embedded()
        .into_iter()
        .map(|mut f| {
            f.text.to_mut().push('\n');
            f
        })
        .collect()
}

/// A report as JSON without the pack hashes (the TOML texts differ by a newline).
fn comparable(r: &labelcheck::Report) -> serde_json::Value {
    let mut v = serde_json::to_value(r).expect("report as JSON");
    if let Some(packs) = v.get_mut("packs").and_then(|p| p.as_array_mut()) {
        for p in packs {
            if let Some(o) = p.as_object_mut() {
                o.remove("hash");
                o.remove("sha256");
            }
        }
    }
    v
}

#[test]
fn deferred_and_eager_engines_give_the_same_reports() {
    let eager = Engine::from_files(&eager_files()).expect("TOML path");
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples"));
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("examples")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    assert!(names.len() > 10);
    for editions in [
        EditionChoice::InForce,
        EditionChoice::Named(vec!["2025".into()]),
    ] {
        // A fresh deferred engine per label: each check is some engine's first.
        for p in &names {
            let bytes = std::fs::read(p).expect("example");
            let opts = CheckOptions {
                editions: editions.clone(),
                ..CheckOptions::default()
            };
            let lazy = Engine::new().expect("embedded packs");
            let a = lazy.check_json(&bytes, &opts);
            let b = eager.check_json(&bytes, &opts);
            match (a, b) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(comparable(&a), comparable(&b), "{}", p.display())
                }
                (a, b) => assert_eq!(a.is_ok(), b.is_ok(), "{}", p.display()),
            }
        }
    }
}

//! Every printed fibre statement in the suites and examples round-trips through the fibre
//! text parser (parse → render → parse gives the same components), every span points at its
//! own characters, and unreadable tokens are reported rather than guessed.

use labelcheck::label::fibre::FibreComponent;
use labelcheck::label::{parse_fibre_text, render_fibre_components};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json" || x == "label") {
            out.push(p);
        }
    }
}

/// Strings at `fibre_content.text` anywhere in a JSON value (labels, patches, cases).
fn statements(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(o) => {
            if let Some(serde_json::Value::Object(fc)) = o.get("fibre_content") {
                if let Some(serde_json::Value::String(t)) = fc.get("text") {
                    out.push(t.clone());
                }
            }
            o.values().for_each(|x| statements(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| statements(x, out)),
        _ => {}
    }
}

type Shape = (
    Option<String>,
    Option<String>,
    Vec<(String, Option<String>, Option<bool>, Option<String>)>,
    Vec<String>,
);

fn shape(cs: &[FibreComponent]) -> Vec<Shape> {
    cs.iter()
        .filter(|c| !c.fibres.is_empty() || !c.statements.is_empty())
        .map(|c| {
            (
                c.part.clone(),
                c.wording.clone(),
                c.fibres
                    .iter()
                    .map(|f| {
                        (
                            f.name.clone(),
                            f.percent.map(|p| p.0.normalize().to_string()),
                            f.trace,
                            f.descriptor.clone(),
                        )
                    })
                    .collect(),
                c.statements.clone(),
            )
        })
        .collect()
}

#[test]
fn every_fibre_statement_in_the_suites_round_trips() {
    let mut files = Vec::new();
    json_files(&root().join("tests/suites"), &mut files);
    json_files(&root().join("examples"), &mut files);
    let mut texts = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable");
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        statements(&v, &mut texts);
    }
    assert!(
        texts.len() >= 40,
        "only {} fibre statements found",
        texts.len()
    );
    let mut with_unread = 0;
    for t in &texts {
        let p = parse_fibre_text(t);
        let chars: Vec<char> = t.chars().collect();
        for u in &p.unparsed {
            assert!(u.span.end <= chars.len(), "{t}");
            assert_eq!(
                chars[u.span.start..u.span.end].iter().collect::<String>(),
                u.text
            );
        }
        for c in &p.components {
            for f in c.fibres.iter().filter_map(|f| f.span.as_ref()) {
                assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.text);
            }
        }
        if !p.unparsed.is_empty() {
            with_unread += 1;
        }
        let rendered = render_fibre_components(&p.components);
        let q = parse_fibre_text(&rendered);
        assert_eq!(
            shape(&p.components),
            shape(&q.components),
            "{t} → {rendered}"
        );
        assert!(
            q.unparsed.iter().all(|u| u.reason == "empty_part"),
            "{t} → {rendered}: {:?}",
            q.unparsed
        );
    }
    assert!(with_unread >= 2, "the suites show unreadable tokens");
}

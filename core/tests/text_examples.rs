//! Labels as printed text (`examples/text/`) check exactly as their JSON twins do.
//!
//! Each `NAME.txt` has a twin `NAME.json` written by hand from the same label: the document
//! a person would write for it. `NAME.extra.json`, when present, holds the facts the text
//! does not print (a textile's durable label). The reader must build the twin, the findings
//! must be the twin's, and every finding on a field read from the text must carry a span
//! into the text that covers the characters it names.

use labelcheck::label::text::TextContext;
use labelcheck::{CheckOptions, Engine};
use std::path::{Path, PathBuf};

fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("examples/text is readable") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            text_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

fn key(f: &labelcheck::Finding) -> (String, String, String) {
    (f.rule.clone(), f.path.clone(), format!("{:?}", f.severity))
}

#[test]
fn text_labels_read_into_their_twins_and_check_the_same() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/text");
    let mut files = Vec::new();
    text_files(&dir, &mut files);
    files.sort();
    assert!(files.len() >= 6, "only {} text examples", files.len());
    let engine = Engine::new().expect("embedded packs load");
    let opts = CheckOptions::default();
    let mut failing = 0;
    for txt in &files {
        let text = std::fs::read_to_string(txt).expect("text is readable");
        let twin_path = txt.with_extension("json");
        let twin_bytes = std::fs::read(&twin_path).expect("every text example has a twin");
        let twin: serde_json::Value = serde_json::from_slice(&twin_bytes).expect("twin is JSON");
        let extra = std::fs::read_to_string(txt.with_extension("extra.json"))
            .ok()
            .map(|s| match serde_json::from_str(&s) {
                Ok(serde_json::Value::Object(m)) => m,
                _ => panic!("{}: extra is not a JSON object", txt.display()),
            });
        let ctx = TextContext {
            market: twin["market"].as_str().expect("market").into(),
            category: twin["category"].as_str().expect("category").into(),
            check_date: twin["check_date"].as_str().map(str::to_string),
            id: None,
            extra,
        };
        let from_text = engine
            .check_text(&text, &ctx, &opts)
            .unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
        let from_json = engine
            .check_json(&twin_bytes, &opts)
            .unwrap_or_else(|e| panic!("{}: {e}", twin_path.display()));
        let reading = from_text
            .text
            .as_ref()
            .expect("the report carries the reading");
        assert_eq!(
            reading.document,
            twin,
            "{}: the reader's document differs from the twin",
            txt.display()
        );
        assert!(reading.conflicts.is_empty(), "{}", txt.display());
        let mut a: Vec<_> = from_text.findings.iter().map(key).collect();
        let mut b: Vec<_> = from_json.findings.iter().map(key).collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{}: findings differ from the twin's", txt.display());
        assert_eq!(from_text.verdict, from_json.verdict);
        if from_text.has_errors() {
            failing += 1;
        }
        let chars: Vec<char> = text.chars().collect();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for f in &from_text.findings {
            let mapped = reading
                .fields
                .iter()
                .any(|s| f.path == s.pointer || f.path.starts_with(&format!("{}/", s.pointer)));
            if !mapped {
                continue;
            }
            let span = f
                .span
                .as_ref()
                .unwrap_or_else(|| panic!("{}: {} has no span", txt.display(), f.rule));
            assert_eq!(&*span.field, "/text");
            assert_eq!(
                chars[span.start..span.end].iter().collect::<String>(),
                span.text,
                "{}: {}",
                txt.display(),
                f.rule
            );
            assert_eq!(
                String::from_utf16_lossy(&utf16[span.utf16_start..span.utf16_end]),
                span.text
            );
        }
    }
    assert!(failing >= 1, "the faulty text example must fail");
}

#[test]
fn a_finding_inside_the_ingredient_list_points_at_its_characters() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/text/faulty");
    let text = std::fs::read_to_string(dir.join("peanut-cookies.txt")).expect("readable");
    let engine = Engine::new().expect("embedded packs load");
    let ctx = TextContext {
        market: "CN".into(),
        category: "food.bakery".into(),
        check_date: Some("2026-12-01".into()),
        id: None,
        extra: None,
    };
    let r = engine
        .check_text(&text, &ctx, &CheckOptions::default())
        .expect("checks");
    let order = r
        .findings
        .iter()
        .find(|f| f.rule == "GB7718-2011/4.1.3.1.2/descending-order")
        .expect("白砂糖 (25%) after 花生 (15%) is out of order");
    let span = order.span.as_ref().expect("span");
    assert_eq!(span.text, "白砂糖（25%）");
    let at = text.find("白砂糖").expect("in text");
    assert_eq!(span.start, text[..at].chars().count());
    let unit = r
        .findings
        .iter()
        .find(|f| f.rule == "GB7718-2011/4.1.5.1/net-content-legal-unit")
        .expect("净含量：150 has no unit");
    assert_eq!(unit.span.as_ref().expect("span").text, "净含量：150");
}

#[test]
fn text_over_the_label_size_limit_is_too_large() {
    let engine = Engine::new().expect("embedded packs load");
    let ctx = TextContext {
        market: "CN".into(),
        category: "food".into(),
        ..TextContext::default()
    };
    let limit = engine.limits().max_label_bytes;
    // Three bytes a character: over the byte limit with a third as many characters.
    let text = "配".repeat(limit / 3 + 1);
    match engine.check_text(&text, &ctx, &CheckOptions::default()) {
        Err(labelcheck::Error::Label(labelcheck::LabelError::TooLarge { size, limit: l })) => {
            assert_eq!((size, l), (text.len(), limit));
        }
        other => panic!("expected too_large, got {:?}", other.map(|r| r.verdict)),
    }
}

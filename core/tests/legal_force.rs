//! Severity follows legal force: every embedded pack states how its instrument binds and
//! why, and a guidance pack (advice, e.g. the FTC Green Guides) cannot make error findings.

use labelcheck::pack::format::LegalForce;
use labelcheck::pack::SourceFile;
use labelcheck::{Engine, Error, Severity};

#[test]
fn every_embedded_pack_states_its_legal_force_and_basis() {
    let engine = Engine::new().unwrap_or_else(|e| panic!("embedded packs: {e}"));
    engine.standards().compile_all();
    let mut guidance = 0;
    for p in engine.packs() {
        let force = p
            .meta
            .legal_force
            .unwrap_or_else(|| panic!("pack {} has no legal_force", p.meta.id));
        assert!(
            p.meta
                .legal_basis
                .as_deref()
                .is_some_and(|b| b.trim().len() > 10),
            "pack {} has no legal_basis",
            p.meta.id
        );
        if force == LegalForce::Guidance {
            guidance += 1;
            for r in &p.rules {
                assert_ne!(r.severity, Severity::Error, "{} in guidance pack", r.id);
            }
        }
    }
    // The FTC Green Guides and the unsourced 十环/节 mark rules.
    assert!(guidance >= 2);
}

#[test]
fn a_guidance_pack_with_an_error_rule_does_not_load() {
    let mut files = SourceFile::embedded();
    files.push(SourceFile {
        path: "packs/advice/pack.toml".into(),
        text: "[pack]\nid = \"advice\"\nstandard = \"T 2\"\nedition = \"1\"\ntitle = { zh = \"指南\", en = \"Advice\" }\njurisdiction = \"CN\"\ncategories = [\"food\"]\neffective_from = \"2020-01-01\"\nversion = \"1\"\nlegal_force = \"guidance\"\nlegal_basis = \"A guide, not a rule.\"\n".into(),
    });
    let rule = |sev: &str| {
        format!("[[rule]]\nid = \"T2/1/x\"\nclause = \"1\"\nseverity = \"{sev}\"\nmessage = {{ zh = \"x\", en = \"x\" }}\ncheck = {{ type = \"required\", field = \"label.storage\" }}\n")
    };
    files.push(SourceFile {
        path: "packs/advice/rules.toml".into(),
        text: rule("error").into(),
    });
    let errs = match Engine::from_files(&files) {
        Err(Error::Packs(errs)) => errs,
        other => panic!("expected pack errors, got {:?}", other.err()),
    };
    assert!(
        errs.iter().any(|e| e.rule.as_deref() == Some("T2/1/x")
            && e.message.contains("guidance")
            && e.file == "packs/advice/rules.toml"),
        "{errs:?}"
    );
    if let Some(f) = files.last_mut() {
        f.text = rule("warning").into();
    }
    assert!(Engine::from_files(&files).is_ok());
}

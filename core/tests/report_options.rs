//! `CheckOptions::omit_skipped`: the report leaves out the list of skipped rules and keeps
//! everything else — the same findings, packs, verdict and counts.

use labelcheck::{CheckOptions, Date, Engine};

#[test]
fn omitting_the_skipped_list_changes_nothing_else() {
    let engine = Engine::new().expect("embedded packs");
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples"));
    let mut checked = 0;
    for name in [
        "yoghurt.json",
        "us-granola-bar.json",
        "eu-biscuit.json",
        "cashmere-sweater.json",
    ] {
        let bytes = std::fs::read(dir.join(name)).expect("example");
        let full_opts = CheckOptions {
            as_of: Date::parse_iso("2026-11-26"),
            ..Default::default()
        };
        let brief_opts = CheckOptions {
            omit_skipped: true,
            ..full_opts.clone()
        };
        let full = engine.check_json(&bytes, &full_opts).expect("checked");
        let brief = engine.check_json(&bytes, &brief_opts).expect("checked");
        assert!(!full.skipped.is_empty(), "{name}: the example skips rules");
        assert_eq!(full.rules_skipped, full.skipped.len(), "{name}");
        assert!(brief.skipped.is_empty(), "{name}");
        assert_eq!(brief.rules_skipped, full.rules_skipped, "{name}");
        let mut expected = full.clone();
        expected.skipped.clear();
        assert_eq!(brief, expected, "{name}");
        checked += 1;
    }
    assert_eq!(checked, 4);
}

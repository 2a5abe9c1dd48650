//! Robustness audit of session 21: bad input is refused with a clear, structured error that
//! says where — never a hang, a silent pass or a place in a document the user never saw.

use labelcheck::label::text::TextContext;
use labelcheck::{CheckOptions, Date, Engine, Error, LabelError, RuleSelection};
use std::fs;

fn engine() -> &'static Engine {
    labelcheck::fuzzing::engine()
}

fn opts() -> CheckOptions {
    CheckOptions {
        as_of: Date::parse_iso("2026-11-26"),
        ..Default::default()
    }
}

fn ctx(extra: Option<&str>) -> TextContext {
    TextContext {
        market: "CN".into(),
        category: "food".into(),
        check_date: None,
        id: None,
        extra: extra.map(|e| match serde_json::from_str(e) {
            Ok(serde_json::Value::Object(m)) => m,
            other => panic!("extra is an object: {other:?}"),
        }),
    }
}

fn invalid(r: Result<labelcheck::Report, Error>) -> (String, usize, usize, String) {
    match r {
        Err(Error::Label(LabelError::Invalid {
            path,
            line,
            column,
            message,
        })) => (path, line, column, message),
        other => panic!("expected an invalid-label error, got {other:?}"),
    }
}

/// D1: a safety category of a million class letters, as JSON and as printed text, is
/// checked in the test's normal run (it was quadratic: 160 KB took minutes).
#[test]
fn a_long_safety_category_is_linear() {
    let mut l: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/cashmere-sweater.json")).expect("JSON");
    l["textile"]["safety_category"] = "A".repeat(1_000_000).into();
    let _ = engine().check_json(l.to_string().as_bytes(), &opts());
    let text = format!("安全类别：{}\n", "A".repeat(500_000));
    let c = TextContext {
        category: "textile.apparel".into(),
        ..ctx(None)
    };
    let _ = engine().check_text(&text, &c, &opts());
}

/// D6: an invalid value read from the text is reported at its line and column in the text,
/// not at those of the internal JSON document (line 1, column 160).
#[test]
fn a_text_label_error_points_into_the_text() {
    let text = "\n营养成分表\n项目 每100克 NRV%\n能量 99999999999999999 kJ 5%\n蛋白质 1.0 g 2%\n";
    let (path, line, column, message) = invalid(engine().check_text(text, &ctx(None), &opts()));
    assert_eq!(path, "/nutrition/rows/0/value");
    assert_eq!(line, 4, "{message}");
    assert!(column >= 1, "{message}");
    assert!(message.contains(&format!("text line {line}")), "{message}");
}

/// D6: a bad fact given with `extra` is attributed to the extra facts (the merged key's
/// pointer), with no line or column of a document the user never saw.
#[test]
fn an_extra_fact_error_names_the_extra_facts() {
    let extra =
        r#"{"nutrition": {"rows": [{"name": "能量", "value": 1, "unit": "kJ", "bogus": 1}]}}"#;
    let (path, line, column, message) =
        invalid(engine().check_text("配料：水\n", &ctx(Some(extra)), &opts()));
    assert_eq!(path, "/nutrition/rows/0/bogus");
    assert_eq!((line, column), (0, 0));
    assert!(message.starts_with("in the extra facts"), "{message}");
    let (path, line, _, message) = invalid(engine().check_text(
        "配料：水\n",
        &ctx(Some(r#"{"extra_zeros": [0, 0]}"#)),
        &opts(),
    ));
    assert_eq!(path, "/extra_zeros");
    assert_eq!(line, 0);
    assert!(message.contains("extra facts"), "{message}");
}

/// D5: a text with more nutrition lines than a list may hold is refused at the list's
/// place in the text, not as an input size the user never gave.
#[test]
fn too_many_nutrition_lines_are_a_list_error_in_the_text() {
    let mut text = String::from("营养成分表\n项目 每100克 NRV%\n");
    for _ in 0..80_000 {
        text.push_str("能量 1 kJ 1%\n");
    }
    match engine().check_text(&text, &ctx(None), &opts()) {
        Err(Error::Label(LabelError::Invalid {
            path,
            line,
            message,
            ..
        })) => {
            assert!(path.starts_with("/nutrition"), "{path}");
            assert!(line >= 1, "{message}");
            assert!(message.contains("over the limit of 1000"), "{message}");
        }
        other => panic!("expected a list error, got {other:?}"),
    }
}

/// D7: a band bound of a threshold table that is not a number is a pack error at load,
/// not an open band that turns a failing label into a pass.
#[test]
fn a_non_numeric_band_bound_is_a_pack_error() {
    let tables = include_str!("../../standards/packs/gb7718-2011/tables.toml");
    let row = r#"{ id = "volume_ml", quantity = "volume", over = 0, below = 1000,"#;
    assert!(tables.contains(row), "the row to break is in the table");
    for bad in [r#""1000""#, "nan", "true", "[1]", "{ a = 1 }"] {
        let broken = tables.replace(row, &row.replace("below = 1000", &format!("below = {bad}")));
        let text = overlay_pack_error("gb7718-2011", &broken, bad.len());
        assert!(
            text.contains("net_content_units") && text.contains("`below`"),
            "{text}"
        );
        assert!(text.contains("rules-net-content.toml"), "{text}");
    }
}

/// D10: a topic no rule has, or an empty one, is an error like an unknown pack.
#[test]
fn an_unknown_or_empty_topic_is_an_error() {
    assert!(RuleSelection::parse("topic:").is_err());
    assert!(RuleSelection::parse("pack:").is_err());
    let sel = RuleSelection::parse("topic:zzz").expect("parses");
    let o = CheckOptions {
        only: Some(sel.clone()),
        ..opts()
    };
    let label = include_str!("../../examples/uht-milk.json");
    match engine().check_json(label.as_bytes(), &o) {
        Err(Error::Option(m)) => assert!(m.contains("zzz"), "{m}"),
        other => panic!("expected an option error, got {other:?}"),
    }
    assert!(engine().validate_selection(&sel).is_err());
    // A parent topic of real ones is known.
    let known = RuleSelection::parse("topic:nutrition").expect("parses");
    assert!(engine().validate_selection(&known).is_ok());
}

/// D12: a market given by the caller, in the wrong case, says so.
#[test]
fn a_lower_case_market_option_is_named() {
    match engine().known_market("us") {
        Err(Error::Option(m)) => assert!(m.contains("`us`") && m.contains("`US`"), "{m}"),
        other => panic!("{other:?}"),
    }
    assert!(engine().known_market("CN").is_ok());
}

/// D12: a byte-order mark or UTF-16 is named as such.
#[test]
fn a_bom_or_utf16_label_says_so() {
    let label = include_str!("../../examples/uht-milk.json");
    let bom = [b"\xEF\xBB\xBF".as_slice(), label.as_bytes()].concat();
    match engine().check_json(&bom, &opts()) {
        Err(Error::Label(LabelError::Syntax { message, .. })) => {
            assert!(message.contains("byte-order mark"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    let mut utf16 = vec![0xFF, 0xFE];
    for u in label.encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    match engine().check_json(&utf16, &opts()) {
        Err(Error::Label(LabelError::Syntax { message, .. })) => {
            assert!(message.contains("UTF-16"), "{message}")
        }
        other => panic!("{other:?}"),
    }
}

fn run_suite(text: &str) -> Result<Vec<labelcheck::suite::CaseResult>, String> {
    let base = include_str!("../../examples/uht-milk.json");
    let mut cov = labelcheck::suite::Coverage::default();
    labelcheck::suite::run_suite(
        engine(),
        "tests/suites/gb7718-2011/x.json",
        "gb7718-2011",
        text,
        &|_| Ok(base.to_string()),
        &mut cov,
    )
}

/// D9: a suite that compares an unknown pack is an error (it filtered every finding away,
/// so every case passed); two cases of one name are an error; `[]` is no suite object.
#[test]
fn suite_files_with_unknown_packs_or_duplicate_names_are_errors() {
    let vacuous = r#"{"base": "b.json", "packs": ["nope"], "as_of": "2026-11-26",
        "cases": [{"name": "a", "patch": {"product_name": null}, "expect": []}]}"#;
    let e = run_suite(vacuous).expect_err("unknown pack");
    assert!(e.contains("`nope`"), "{e}");
    let dup = r#"{"base": "b.json", "as_of": "2026-11-26",
        "cases": [{"name": "a", "expect": []}, {"name": "a", "expect": []}]}"#;
    let e = run_suite(dup).expect_err("duplicate names");
    assert!(e.contains("two cases are named `a`"), "{e}");
    let e = run_suite("[]").expect_err("not an object");
    assert!(e.contains("must be a JSON object"), "{e}");
    // The same file with a known pack runs.
    let ok = vacuous.replace("\"nope\"", "\"gb7718-2011\"");
    assert!(run_suite(&ok).is_ok());
}

/// D5: a document read from a text that is larger, as JSON, than a label may be is said as
/// such — the reading, and its largest field — not as an input size the user never gave.
#[test]
fn a_reading_over_the_size_limit_names_the_reading() {
    let small = Engine::new()
        .expect("engine")
        .with_limits(labelcheck::Limits {
            max_label_bytes: 120,
            ..labelcheck::Limits::default()
        });
    let text = format!("配料：{}\n", "水，".repeat(15));
    assert!(text.len() <= 120);
    match small.check_text(&text, &ctx(None), &opts()) {
        Err(Error::Label(LabelError::Invalid {
            path,
            line,
            message,
            ..
        })) => {
            assert_eq!(path, "/ingredients", "{message}");
            assert_eq!(line, 1, "{message}");
            assert!(
                message.contains("the document read from the text is")
                    && message.contains("over the limit of 120 bytes"),
                "{message}"
            );
        }
        other => panic!("expected the reading named, got {other:?}"),
    }
}

/// Like a threshold table's bounds: a claim table's pattern cell that is no string would
/// read as no pattern at all, so the row would match by its words alone. A pack error.
#[test]
fn a_claim_pattern_that_is_no_string_is_a_pack_error() {
    let tables = include_str!("../../standards/packs/gb28050-2011/tables.toml");
    let cell = r#"pattern = '(^|[^极减降])(低|少)(能量|热量)'"#;
    assert!(tables.contains(cell), "the cell to break is in the table");
    let text = overlay_pack_error("gb28050-2011", &tables.replace(cell, "pattern = 42"), 0);
    assert!(
        text.contains("content_claims") && text.contains("energy_low") && text.contains("42"),
        "{text}"
    );
}

/// The pack error of checking uht-milk.json with a pack's tables.toml replaced by `tables`
/// (`n` tells runs of one test apart); a panic if the overlay loads and checks.
fn overlay_pack_error(pack: &str, tables: &str, n: usize) -> String {
    let dir =
        std::env::temp_dir().join(format!("labelcheck-a21-{pack}-{}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("packs").join(pack)).expect("mkdir");
    fs::write(dir.join("packs").join(pack).join("tables.toml"), tables).expect("write");
    let label = include_str!("../../examples/uht-milk.json");
    let r = Engine::with_overlay(&dir).and_then(|e| e.check_json(label.as_bytes(), &opts()));
    let _ = fs::remove_dir_all(&dir);
    match r {
        Err(e @ (Error::Pack(_) | Error::Packs(_))) => e.to_string(),
        other => panic!("{pack}: expected a pack error, got {other:?}"),
    }
}

/// D8: a standards overlay's `text/headings.toml` is the table the reader uses (a heading
/// it adds is read), and a broken one is a load error with its file and line — it was read
/// and then ignored, the embedded table used whatever it held.
#[test]
fn an_overlay_headings_table_is_used_or_refused() {
    let table = include_str!("../../standards/text/headings.toml");
    let dir = std::env::temp_dir().join(format!("labelcheck-a21-head-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("text")).expect("mkdir");
    let path = dir.join("text/headings.toml");
    let text = "纯牛奶\n原材料：生牛乳\n净含量：250mL\n";
    let ingredients = |e: &Engine| {
        let r = e.check_text(text, &ctx(None), &opts()).expect("checked");
        let reading = r.text.expect("a reading");
        reading.document.get("ingredients").cloned()
    };
    assert_eq!(ingredients(engine()), None, "原材料 is no embedded heading");
    let added = "\n[[heading]]\ntarget = \"ingredients\"\nfamily = \"food\"\nzh = [\"原材料\"]\n";
    fs::write(&path, format!("{table}{added}")).expect("write");
    let with = Engine::with_overlay(&dir).expect("a sound overlay loads");
    assert!(
        ingredients(&with).is_some(),
        "the overlay's heading is read"
    );
    fs::write(
        &path,
        table.replacen("target = \"ingredients\"", "target = \"nope\"", 1),
    )
    .expect("write");
    let broken = Engine::with_overlay(&dir).map(|_| ());
    let _ = fs::remove_dir_all(&dir);
    match broken {
        Err(e @ Error::Packs(_)) => {
            let m = e.to_string();
            assert!(
                m.contains("text/headings.toml:") && m.contains("nope"),
                "{m}"
            );
        }
        other => panic!("expected a load error, got {other:?}"),
    }
}

/// D2–D4: lines the reader searched back over from every colon, comma or blank — a
/// nutrition line of colons, a producer of commas, a pair of dates of blanks — are read in
/// linear time (each of these 400 000-character texts took minutes).
#[test]
fn colons_commas_and_blanks_are_read_linearly() {
    let n = 200_000;
    for (market, text) in [
        ("CN", format!("营养成分表 {}", "：".repeat(2 * n))),
        (
            "US",
            format!(
                "Nutrition Facts\nServing size 1 bar, Amount per serving{}",
                ":".repeat(2 * n)
            ),
        ),
        ("CN", format!("生产者：{}", "a,".repeat(n))),
        ("EU", format!("Manufacturer: {}", "a, ".repeat(n))),
        ("CN", format!("生产日期/保质期到期日：{}", "a ".repeat(n))),
        // A heading-less line is tried as `500 ml   4.2% vol` at its blanks.
        ("EU", format!("Lager\n{}", "500 ml ".repeat(n / 2))),
    ] {
        let mut c = ctx(None);
        c.market = market.into();
        let r = engine().check_text(&text, &c, &opts());
        assert!(
            r.is_ok() || matches!(r, Err(Error::Label(_))),
            "{:?}",
            r.err()
        );
    }
}

/// Session 22: an item that grows line by line (20 000 storage lines, care lines, address
/// lines) had its bracket depth counted again from its start at every line — seconds in a
/// release build, minutes in a debug one. It is counted on from where it stopped.
#[test]
fn an_item_of_many_lines_is_read_linearly() {
    let n = 20_000;
    for (market, family, line) in [
        ("EU", "food", "Keep refrigerated."),
        ("EU", "food", "Gekühlt bei +8 °C"),
        ("CN", "food", "请置于阴凉干燥处"),
        ("EU", "food", "Acme Foods Ltd, Main St, Dublin 2"),
        ("US", "textile", "Machine wash cold"),
    ] {
        let mut c = ctx(None);
        c.market = market.into();
        c.category = family.into();
        let text = format!("Product\n{}", format!("{line}\n").repeat(n));
        let r = engine().check_text(&text, &c, &opts());
        assert!(
            r.is_ok() || matches!(r, Err(Error::Label(_))),
            "{line}: {:?}",
            r.err()
        );
    }
}

//! Bad input never panics: each gets a structured error that says where, and the engine
//! keeps working for the next label.

use labelcheck::{CheckOptions, Engine, Error, LabelError};

fn engine() -> Engine {
    Engine::new().unwrap_or_else(|e| panic!("embedded packs: {e}"))
}

fn check(e: &Engine, input: &[u8]) -> Result<labelcheck::Report, Error> {
    e.check_json(
        input,
        &CheckOptions {
            as_of: labelcheck::Date::parse_iso("2026-11-26"),
            ..Default::default()
        },
    )
}

fn label_error(r: Result<labelcheck::Report, Error>) -> LabelError {
    match r {
        Err(Error::Label(l)) => l,
        other => panic!("expected a label error, got {other:?}"),
    }
}

/// The embedded standards with one more pack: `packs/<dir>/pack.toml` and `rules.toml`.
fn with_pack(dir: &str, pack: &str, rules: &str) -> Vec<labelcheck::pack::SourceFile> {
    let mut files = labelcheck::pack::SourceFile::embedded();
    for (name, text) in [("pack.toml", pack), ("rules.toml", rules)] {
        files.push(labelcheck::pack::SourceFile {
            path: format!("packs/{dir}/{name}"),
            text: text.to_string().into(),
        });
    }
    files
}

/// The pack errors an engine built from `files` reports (it must report some).
fn pack_errors(files: &[labelcheck::pack::SourceFile], what: &str) -> Vec<labelcheck::PackError> {
    match Engine::from_files(files) {
        Err(Error::Packs(errs)) => errs,
        other => panic!("{what}: expected pack errors, got {:?}", other.err()),
    }
}

#[test]
fn malformed_json_reports_line_and_column() {
    let e = engine();
    match label_error(check(&e, b"{\n  \"market\": \"CN\",\n  \"category\": }")) {
        LabelError::Syntax { line, column, .. } => assert_eq!((line, column), (3, 15)),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        label_error(check(&e, b"")),
        LabelError::Syntax { .. }
    ));
    assert!(matches!(
        label_error(check(&e, b"[1,2,3]")),
        LabelError::Invalid { .. }
    ));
    assert!(matches!(
        label_error(check(
            &e,
            b"{\"market\":\"CN\",\"category\":\"food\"} trailing"
        )),
        LabelError::Syntax { .. }
    ));
    // NaN and Infinity are not JSON.
    assert!(matches!(
        label_error(check(
            &e,
            br#"{"market":"CN","category":"food","alcohol_percent_vol":NaN}"#
        )),
        LabelError::Syntax { .. }
    ));
    assert!(matches!(
        label_error(check(
            &e,
            br#"{"market":"CN","category":"food","alcohol_percent_vol":Infinity}"#
        )),
        LabelError::Syntax { .. }
    ));
}

#[test]
fn wrong_types_and_absurd_numbers_name_the_field() {
    let e = engine();
    let cases: &[(&str, &str)] = &[
        (
            r#"{"market":"CN","category":"food","net_content":{"value":"lots"}}"#,
            "/net_content/value",
        ),
        (
            r#"{"market":"CN","category":"food","net_content":{"value":-250}}"#,
            "/net_content/value",
        ),
        (
            r#"{"market":"CN","category":"food","net_content":{"value":1e308}}"#,
            "/net_content/value",
        ),
        (
            r#"{"market":"CN","category":"food","nutrition":{"basis":"per_100g","rows":[{"value":3},{"value":[1]}]}}"#,
            "/nutrition/rows/1/value",
        ),
        (
            r#"{"market":"CN","category":"food","ingredients":{"items":[{"name":"水","percent":true}]}}"#,
            "/ingredients/items/0/percent",
        ),
        (
            r#"{"market":"CN","category":"food","check_date":"2026-02-30"}"#,
            "/check_date",
        ),
        (
            r#"{"market":"CN","category":"food","claims":[{"txt":"高钙"}]}"#,
            "/claims/0/txt",
        ),
    ];
    for (input, path) in cases {
        let err = label_error(check(&e, input.as_bytes()));
        assert_eq!(err.path(), Some(*path), "{input}: {err}");
    }
}

#[test]
fn unknown_market_and_category_are_errors_not_findings() {
    let e = engine();
    assert_eq!(
        label_error(check(&e, br#"{"market":"XX","category":"food"}"#)).path(),
        Some("/market")
    );
    assert_eq!(
        label_error(check(&e, br#"{"market":"CN","category":"food.spaceship"}"#)).path(),
        Some("/category")
    );
}

#[test]
fn hostile_sizes_are_refused_without_panic() {
    let e = engine();
    let deep = format!(
        "{{\"market\":\"CN\",\"category\":\"food\",\"extensions\":{{\"x\":{}{}}}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert!(matches!(
        label_error(check(&e, deep.as_bytes())),
        LabelError::Syntax { .. }
    ));
    let huge = format!(
        "{{\"market\":\"CN\",\"category\":\"food\",\"storage\":\"{}\"}}",
        "x".repeat(50 * 1024 * 1024)
    );
    assert!(matches!(
        label_error(check(&e, huge.as_bytes())),
        LabelError::TooLarge { .. }
    ));
    let invalid_utf8 = b"{\"market\":\"CN\",\"category\":\"food\",\"storage\":\"\xc3\x28\"}";
    assert!(matches!(
        label_error(check(&e, invalid_utf8)),
        LabelError::Syntax { .. }
    ));
    let long_text = format!(
        "{{\"market\":\"CN\",\"category\":\"food\",\"ingredients\":{{\"text\":\"配料：{}\"}}}}",
        "水、".repeat(30_000)
    );
    assert_eq!(
        label_error(check(&e, long_text.as_bytes())).path(),
        Some("/ingredients/text")
    );
}

#[test]
fn engine_keeps_working_after_bad_input() {
    let e = engine();
    let _ = check(&e, b"{{{{");
    let good = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/yoghurt.json"
    ))
    .expect("example");
    assert!(check(&e, &good).is_ok());
}

/// A rule's `check` table that names no primitive, an unknown one, or a field its primitive
/// does not have is a pack error naming the file and what is wrong (the table is read with its
/// kind under `type`, as the pack format writes it).
#[test]
fn broken_check_tables_are_pack_errors() {
    let pack = "[pack]\nid = \"broken\"\nstandard = \"T 1\"\nedition = \"1\"\ntitle = { zh = \"坏\", en = \"Broken\" }\njurisdiction = \"CN\"\ncategories = [\"food\"]\neffective_from = \"2020-01-01\"\nversion = \"1\"\n";
    let rule = |check: &str| {
        format!("[[rule]]\nid = \"T1/1/x\"\nclause = \"1\"\nseverity = \"error\"\nmessage = {{ zh = \"x\", en = \"x\" }}\ncheck = {check}\n")
    };
    for (check, says) in [
        ("{ field = \"label.x\" }", "missing field `type`"),
        (
            "{ type = \"requird\", field = \"label.x\" }",
            "unknown variant `requird`",
        ),
        (
            "{ type = \"required\", feild = \"label.x\" }",
            "unknown field `feild`",
        ),
        ("{ type = 7, field = \"label.x\" }", "invalid type"),
        (
            "{ type = \"code_list\", field = \"label.x\" }",
            "missing field `list`",
        ),
        (
            "{ type = \"required\", any_of = \"label.x\" }",
            "invalid type: string",
        ),
    ] {
        let errs = pack_errors(&with_pack("broken", pack, &rule(check)), check);
        assert!(
            errs.iter()
                .any(|e| e.file == "packs/broken/rules.toml" && e.to_string().contains(says)),
            "{check}: {:?}",
            errs.iter().map(|e| e.to_string()).collect::<Vec<_>>()
        );
    }
    // A well-formed table of the same kinds loads.
    let good = rule("{ type = \"required\", any_of = [\"label.x\", \"label.y\"] }");
    assert!(Engine::from_files(&with_pack("broken", pack, &good)).is_ok());
}

#[test]
fn broken_packs_report_file_line_and_rule() {
    let files = with_pack(
        "broken",
        "[pack]\nid = \"broken\"\nstandard = \"T 1\"\nedition = \"1\"\ntitle = { zh = \"坏\", en = \"Broken\" }\njurisdiction = \"CN\"\ncategories = [\"food\"]\neffective_from = \"2020-01-01\"\nversion = \"1\"\n",
        "\n[[rule]]\nid = \"T1/1/bad-expr\"\nclause = \"1\"\nseverity = \"error\"\nmessage = { zh = \"x\", en = \"x\" }\ncheck = { type = \"assert\", condition = \"label.a +\" }\n\n[[rule]]\nid = \"T1/2/no-clause\"\nclause = \"\"\nseverity = \"error\"\nmessage = { zh = \"x\", en = \"x\" }\ncheck = { type = \"required\", field = \"label.x\" }\n\n[[rule]]\nid = \"T1/3/typo\"\nclause = \"3\"\nseverity = \"error\"\nmesage = { zh = \"x\", en = \"x\" }\ncheck = { type = \"required\", field = \"label.x\" }\n",
    );
    let err = pack_errors(&files, "a typo");
    let text: Vec<String> = err.iter().map(|e| e.to_string()).collect();
    assert!(
        text.iter()
            .any(|t| t.contains("packs/broken/rules.toml") && t.contains("mesage")),
        "{text:?}"
    );
    // A TOML-level error (unknown key) stops that file; the expression and clause errors are
    // reported when the file parses — check them with the typo removed.
    let fixed: Vec<_> = files
        .iter()
        .map(|f| {
            let mut f = f.clone();
            f.text = f.text.replace("mesage", "message").into();
            f
        })
        .collect();
    let err = pack_errors(&fixed, "the typo fixed");
    let bad_expr = err
        .iter()
        .find(|e| e.rule.as_deref() == Some("T1/1/bad-expr"))
        .expect("expression error reported");
    assert_eq!(bad_expr.file, "packs/broken/rules.toml");
    assert_eq!(bad_expr.line, Some(3));
    assert!(
        bad_expr.message.contains("unexpected end of expression"),
        "{}",
        bad_expr.message
    );
    assert!(err
        .iter()
        .any(|e| e.rule.as_deref() == Some("T1/2/no-clause") && e.message.contains("clause")));
}

#[test]
fn unknown_edition_names_are_option_errors_and_printed_forms_match() {
    let e = engine();
    let label = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/yoghurt.json"
    ))
    .expect("example");
    let named = |n: &str| CheckOptions {
        as_of: labelcheck::Date::parse_iso("2026-11-26"),
        editions: labelcheck::EditionChoice::Named(vec![n.to_string()]),
        trace: false,
        only: None,
        omit_skipped: false,
    };
    assert!(matches!(
        e.check_json(&label, &named("2052")),
        Err(Error::Option(_))
    ));
    for printed in ["GB 7718—2025", "gb7718-2025", "2025"] {
        let r = e
            .check_json(&label, &named(printed))
            .unwrap_or_else(|err| panic!("{printed}: {err}"));
        assert!(r.packs.iter().any(|p| p.id == "gb7718-2025"), "{printed}");
    }
}

/// Well-formed JSON that is not an object is told apart from a label: an array of labels
/// (a whole file pasted where one label goes) says so instead of `/0: invalid type: map…`.
#[test]
fn a_label_is_an_object_and_the_error_says_so() {
    let e = engine();
    for (input, found) in [
        (&br#"[{"market":"CN","category":"food"}]"#[..], "an array"),
        (b"  \n 42", "a number"),
        (b"\"text\"", "a string"),
        (b"true", "a boolean"),
        (b"null", "null"),
    ] {
        match label_error(check(&e, input)) {
            LabelError::Invalid { path, message, .. } => {
                assert_eq!(path, "");
                assert_eq!(message, format!("a label is a JSON object; found {found}"));
            }
            other => panic!("{other:?}"),
        }
    }
    // Malformed input keeps its syntax error with a position.
    for input in [&b"["[..], b"tru", b"{\"market\":"] {
        assert!(matches!(
            label_error(check(&e, input)),
            LabelError::Syntax { .. }
        ));
    }
}

/// A rule selection runs only the rules it names; one that names nothing loaded is an
/// option error, never a silently empty check.
#[test]
fn rule_selection_runs_only_what_it_names() {
    use labelcheck::RuleSelection;
    let e = engine();
    let faulty = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../examples/faulty/uht-milk-faulty.json"),
    )
    .expect("example");
    let with = |spec: &str| CheckOptions {
        as_of: labelcheck::Date::parse_iso("2026-11-26"),
        only: Some(RuleSelection::parse(spec).expect("selection")),
        ..Default::default()
    };
    let rules = |spec: &str| -> Vec<String> {
        let mut v: Vec<String> = e
            .check_json(&faulty, &with(spec))
            .expect("report")
            .findings
            .into_iter()
            .map(|f| f.rule)
            .collect();
        v.sort();
        v
    };
    let all = check(&e, &faulty).expect("report").findings.len();
    assert_eq!(all, 3);
    assert_eq!(
        rules("pack:gb7718-2011"),
        ["GB7718-2011/4.1.3.1.2/descending-order"]
    );
    assert_eq!(
        rules("topic:nutrition"),
        [
            "GB28050-2011/4.1/nrv-column",
            "GB28050-2011/5.2/content-claim-conditions"
        ]
    );
    assert_eq!(
        rules("GB28050-2011/4.1/nrv-column,pack:gb7718-2011"),
        [
            "GB28050-2011/4.1/nrv-column",
            "GB7718-2011/4.1.3.1.2/descending-order"
        ]
    );
    for bad in ["pack:nope", "rule:GB7718-2011/none/none"] {
        assert!(matches!(
            e.check_json(&faulty, &with(bad)),
            Err(Error::Option(_))
        ));
    }
    assert!(RuleSelection::parse("").is_err());
    assert!(RuleSelection::parse("colour:red").is_err());
}

/// Numbers and dates are read strictly: what does not parse is refused at its pointer,
/// never read leniently (issue 15 item 9).
#[test]
fn numbers_and_dates_are_read_strictly() {
    let e = engine();
    let with = |field: &str, value: &str| {
        format!(
            r#"{{"market":"CN","category":"food","net_content":{{"{field}":{value},"unit":"g"}}}}"#
        )
    };
    for (value, why) in [
        ("\"1_000\"", "underscore digit separators"),
        ("\"1e3\"", "exponent in a numeric string"),
        ("\"+-1\"", "two signs"),
        ("1000000000000.0001", "over 1e12, rounded back to it by f64"),
    ] {
        match label_error(check(&e, with("value", value).as_bytes())) {
            LabelError::Invalid { path, .. } => assert_eq!(path, "/net_content/value", "{why}"),
            other => panic!("{why}: {other:?}"),
        }
    }
    // Plain forms still read.
    for value in ["\"1000\"", "\" 12.50 \"", "1000000000000", "\".5\""] {
        assert!(
            check(&e, with("value", value).as_bytes()).is_ok(),
            "{value}"
        );
    }
    // A check date with signs in it is not a date.
    let bad_date = br#"{"market":"CN","category":"food","check_date":"2025-+1-+1"}"#;
    assert!(matches!(
        label_error(check(&e, bad_date)),
        LabelError::Invalid { .. }
    ));
}

/// Standards and suites read from disk are walked without following symbolic links, file
/// by file with a size bound, and a suite case's base stays inside its tree (issue 15 #14).
#[cfg(unix)]
#[test]
fn directory_walks_do_not_follow_links_and_bases_stay_in_their_tree() {
    let dir = std::env::temp_dir().join(format!("labelcheck-walk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("packs")).expect("mkdir");
    // Two links back to the root: following them would be exponential.
    std::os::unix::fs::symlink(&dir, dir.join("packs/a")).expect("link");
    std::os::unix::fs::symlink(&dir, dir.join("packs/b")).expect("link");
    std::os::unix::fs::symlink("/", dir.join("root")).expect("link");
    let started = std::time::Instant::now();
    let r = Engine::with_overlay(&dir);
    assert!(r.is_ok(), "{:?}", r.err());
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    // /proc/self is walked without hanging (its links are not followed).
    let _ = Engine::from_dir(std::path::Path::new("/proc/self"));
    // A suite whose base leaves the tree is refused; one inside it is read.
    let suites = dir.join("suites/x");
    std::fs::create_dir_all(&suites).expect("mkdir");
    std::fs::create_dir_all(dir.join("standards")).expect("mkdir");
    let outside = dir.with_extension("outside.json");
    std::fs::write(&outside, r#"{"market":"CN","category":"food"}"#).expect("write");
    std::fs::write(
        suites.join("s.json"),
        format!(
            r#"{{"base": "../../../{}", "cases": [{{"name": "c", "expect": []}}]}}"#,
            outside.file_name().and_then(|n| n.to_str()).expect("name")
        ),
    )
    .expect("write");
    let e = engine();
    let err = labelcheck::suite::run_dir(&e, &dir.join("suites")).expect_err("outside");
    assert!(err.contains("outside the suite tree"), "{err}");
    let _ = std::fs::remove_file(&outside);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn descending_order_needs_exactly_one_key() {
    let pack = "[pack]\nid = \"order\"\nstandard = \"T 2\"\nedition = \"1\"\ntitle = { zh = \"序\", en = \"Order\" }\njurisdiction = \"CN\"\ncategories = [\"food\"]\neffective_from = \"2020-01-01\"\nversion = \"1\"\n";
    let rule = |check: &str| {
        format!("[[rule]]\nid = \"T2/1/order\"\nclause = \"1\"\nseverity = \"error\"\nmessage = {{ zh = \"x\", en = \"x\" }}\ncheck = {check}\n")
    };
    for (check, ok) in [
        ("{ type = \"descending_order\", list = \"label.nutrition.rows\", key = \"value\" }", true),
        ("{ type = \"descending_order\", list = \"label.nutrition.rows\", key_expr = \"0 - el.value\" }", true),
        ("{ type = \"descending_order\", list = \"label.nutrition.rows\" }", false),
        ("{ type = \"descending_order\", list = \"label.nutrition.rows\", key = \"value\", key_expr = \"el.value\" }", false),
        ("{ type = \"descending_order\", list = \"label.nutrition.rows\", key_expr = \"el.value +\" }", false),
    ] {
        let result = Engine::from_files(&with_pack("order", pack, &rule(check)));
        match (ok, result) {
            (true, Ok(_)) => {}
            (false, Err(Error::Packs(errs))) => assert!(
                errs.iter().any(|e| e.rule.as_deref() == Some("T2/1/order")),
                "{check}: {errs:?}"
            ),
            (ok, other) => panic!("{check}: expected ok = {ok}, got {:?}", other.err()),
        }
    }
}

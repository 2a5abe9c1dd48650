//! The `labelcheck` binary end to end: exit codes, batches, languages, formats.

use std::io::Write;
use std::process::{Command, Output, Stdio};

mod common;
use common::http;
#[cfg(unix)]
use common::start_server;

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_labelcheck"));
    cmd.args(args)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if stdin.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd.spawn().expect("spawn labelcheck");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    }
    child.wait_with_output().expect("wait")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn every_example_is_clean_under_the_editions_in_force() {
    for name in [
        "uht-milk",
        "yoghurt",
        "infant-formula",
        "beef-jerky",
        "milk-tea-powder",
        "green-food-milk",
        "organic-beef",
        "cashmere-sweater",
        "cashmere-wool-scarf",
        "infant-cashmere-cardigan",
        "camel-hair-blanket",
        "split-ac-3.5kw",
        "refrigerator-500l",
        "eu-dishwasher",
        "eu-smartphone",
        "infant-formula-stage1",
        "health-food",
        "gi-mutton",
        "eu-biscuit",
        "eu-yoghurt-de",
    ] {
        let path = format!("examples/{name}.json");
        let o = run(&["check", &path, "--format", "json"], None);
        let out = stdout(&o);
        let v: serde_json::Value =
            serde_json::from_str(out.trim()).expect("one JSON line per label");
        assert_eq!(
            v["report"]["findings"],
            serde_json::json!([]),
            "{path}: {out}"
        );
        assert_eq!(v["report"]["verdict"], "pass");
        assert_eq!(o.status.code(), Some(0), "{path}");
        let packs: Vec<&str> = v["report"]["packs"]
            .as_array()
            .expect("packs")
            .iter()
            .filter_map(|p| p["id"].as_str())
            .collect();
        // Each example is judged by the packs of its family: GB 7718 for food, GB/T 29862 for
        // textiles, a framework and a product pack for appliances.
        let category = v["report"]["category"].as_str().unwrap_or("");
        let market = v["report"]["market"].as_str().unwrap_or("");
        if market == "EU" && category.starts_with("food") {
            assert!(packs.contains(&"eu-1169-2011"), "{path}: {packs:?}");
        } else if category.starts_with("food") {
            assert!(packs.contains(&"gb7718-2011"), "{path}: {packs:?}");
        } else if category.starts_with("textile") {
            assert!(packs.contains(&"gbt29862-2013"), "{path}: {packs:?}");
        } else {
            assert!(packs.len() >= 2, "{path}: {packs:?}");
        }
    }
}

#[test]
fn batch_with_a_bad_line_exits_2_and_still_checks_the_rest() {
    let good = std::fs::read_to_string(root().join("examples/yoghurt.json")).expect("example");
    let good_line =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&good).expect("json"))
            .expect("json");
    let dir = std::env::temp_dir().join(format!("labelcheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let file = dir.join("batch.jsonl");
    std::fs::write(
        &file,
        format!("{good_line}\n{{\"market\": \"CN\", \n{good_line}\n"),
    )
    .expect("write");
    let o = run(
        &[
            "check",
            file.to_str().expect("utf-8 path"),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0]["report"].is_object());
    assert_eq!(lines[1]["error"]["error"], "label");
    assert!(lines[2]["report"].is_object());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stdin_and_usage_errors() {
    let o = run(
        &["check", "-"],
        Some(b"{\"market\":\"CN\",\"category\":\"no.such\"}"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("/category"), "{}", stdout(&o));
    let o = run(
        &["check", "examples/yoghurt.json", "--as-of", "2026-13-01"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["check"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["check", "does/not/exist.json"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn junit_output_is_wellformed_enough_for_ci() {
    let o = run(
        &[
            "check",
            "examples/yoghurt.json",
            "examples/beef-jerky.json",
            "--format",
            "junit",
        ],
        None,
    );
    let out = stdout(&o);
    assert!(out.starts_with("<?xml"));
    assert!(
        out.contains("<testsuite name=\"labelcheck\" tests=\"2\" failures=\"0\" errors=\"0\">"),
        "{out}"
    );
}

#[test]
fn label_schema_file_matches_the_rust_types() {
    let o = run(&["schema"], None);
    let generated: serde_json::Value = serde_json::from_slice(&o.stdout).expect("schema json");
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("standards/schema/label.schema.json"))
            .expect("schema file"),
    )
    .expect("json");
    assert_eq!(
        generated, committed,
        "run `labelcheck schema > standards/schema/label.schema.json`"
    );
}

#[test]
fn rules_packs_and_explain() {
    let o = run(&["packs"], None);
    let out = stdout(&o);
    for id in ["gb7718-2011", "gb7718-2025", "gb28050-2011", "gb28050-2025"] {
        assert!(out.contains(id), "{out}");
    }
    let o = run(&["rules", "GB7718-2011/4.1.3.1.2/descending-order"], None);
    let out = stdout(&o);
    assert!(
        out.contains("clause:     4.1.3.1.2") && out.contains("descending_order"),
        "{out}"
    );
    let o = run(&["rules", "NO-SUCH-RULE"], None);
    assert_eq!(o.status.code(), Some(2));
    // One pack table as JSON, as the pack holds it; none for an unknown table.
    let o = run(&["packs", "--table", "gb21455-2019/grades"], None);
    assert_eq!(o.status.code(), Some(0));
    let t: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(t["pack"], "gb21455-2019");
    assert_eq!(t["rows"].as_array().map(Vec::len), Some(30));
    let o = run(&["packs", "--table", "gb21455-2019/no_such_table"], None);
    assert_eq!(o.status.code(), Some(2));
}

/// A reader that stops early closes the pipe: the CLI ends quietly (SIGPIPE), no panic.
#[cfg(unix)]
#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::os::unix::process::ExitStatusExt;
    let mut child = Command::new(env!("CARGO_BIN_EXE_labelcheck"))
        .args(["rules"])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn labelcheck");
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        o.status.success() || o.status.signal() == Some(13),
        "{:?}",
        o.status
    );
}

#[test]
fn faulty_copy_gives_exactly_the_three_findings_in_both_languages() {
    let o = run(
        &[
            "check",
            "examples/faulty/uht-milk-faulty.json",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    let mut rules: Vec<(String, String)> = v["report"]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["path"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    rules.sort();
    assert_eq!(
        rules,
        [
            (
                "GB28050-2011/4.1/nrv-column".to_string(),
                "/nutrition/rows".to_string()
            ),
            (
                "GB28050-2011/5.2/content-claim-conditions".to_string(),
                "/claims/0".to_string()
            ),
            (
                "GB7718-2011/4.1.3.1.2/descending-order".to_string(),
                "/ingredients/items/2".to_string()
            ),
        ]
    );
    // The order finding points at the characters of 水 in the printed list.
    let order = v["report"]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "GB7718-2011/4.1.3.1.2/descending-order")
        .expect("order finding");
    assert_eq!(order["span"]["text"], "水");
    assert_eq!(order["span"]["field"], "/ingredients/text");

    let zh = stdout(&run(
        &["check", "examples/faulty/uht-milk-faulty.json"],
        None,
    ));
    assert!(
        zh.contains("配料“水”（9.5%）应排在“白砂糖”（6%）之前"),
        "{zh}"
    );
    assert!(
        zh.contains("GB 7718-2011 §4.1.3.1.2") && zh.contains("GB 28050-2011 §5.2"),
        "{zh}"
    );
    assert!(zh.contains("营养成分表缺少"), "{zh}");
    let en = stdout(&run(
        &[
            "--lang",
            "en",
            "check",
            "examples/faulty/uht-milk-faulty.json",
        ],
        None,
    ));
    assert!(
        en.contains("Ingredient “水” (9.5%) must come before “白砂糖” (6%)"),
        "{en}"
    );
    assert!(
        en.contains("The nutrition table has no NRV % column"),
        "{en}"
    );
}

#[test]
fn after_2027_03_16_the_2025_editions_apply_and_compare_shows_the_change() {
    let o = run(
        &[
            "check",
            "examples/uht-milk.json",
            "--as-of",
            "2027-06-01",
            "--format",
            "json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    let packs: Vec<&str> = v["report"]["packs"]
        .as_array()
        .expect("packs")
        .iter()
        .filter_map(|p| p["id"].as_str())
        .filter(|id| id.starts_with("gb7718") || id.starts_with("gb28050"))
        .collect();
    assert_eq!(packs, ["gb28050-2025", "gb7718-2025"]);
    // Early adoption: the 2025 editions on a 2026 date.
    let o = run(
        &[
            "check",
            "examples/uht-milk.json",
            "--edition",
            "2025",
            "--format",
            "json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    assert_eq!(v["report"]["as_of"], "2026-11-26");
    assert!(v["report"]["packs"]
        .as_array()
        .expect("packs")
        .iter()
        .filter(|p| p["standard"] == "GB 7718" || p["standard"] == "GB 28050")
        .all(|p| p["edition"] == "2025"));

    let o = run(
        &[
            "check",
            "examples/uht-milk.json",
            "--compare",
            "--format",
            "json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    let c = &v["comparison"];
    assert_eq!(c["current"]["findings"], serde_json::json!([]));
    let new: Vec<&str> = c["newly_failing"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    for expected in [
        "GB28050-2025/4.5/children-statement",
        "GB28050-2025/4.1/core-nutrients",
    ] {
        assert!(new.contains(&expected), "{new:?}");
    }
    assert!(
        new.iter().any(|r| r.starts_with("GB7718-2025/4.7")),
        "expiry date now required: {new:?}"
    );
    assert_eq!(c["resolved"], serde_json::json!([]));
    let human = stdout(&run(
        &[
            "--lang",
            "en",
            "check",
            "examples/uht-milk.json",
            "--compare",
        ],
        None,
    ));
    assert!(
        human.contains("newly failing under the latest editions"),
        "{human}"
    );
}

#[test]
fn product_types_lists_each_scheme_with_editions_dates_and_status() {
    let out = stdout(&run(
        &["--lang", "en", "product-types", "--as-of", "2026-11-26"],
        None,
    ));
    let ac = out
        .lines()
        .find(|l| l.contains("appliance.room_air_conditioner") && l.contains("GB 21455-2019"))
        .expect("AC row");
    assert!(
        ac.contains("2020-07-01")
            && ac.contains("in force")
            && ac.contains("graded by gb21455-2019"),
        "{ac}"
    );
    let fridge = out
        .lines()
        .find(|l| l.contains("GB 12021.2-2015"))
        .expect("fridge row");
    assert!(
        fridge.contains("superseded") && fridge.contains("→ GB 12021.2-2025"),
        "{fridge}"
    );
    let before = stdout(&run(
        &["product-types", "--as-of", "2026-05-20", "--market", "CN"],
        None,
    ));
    assert!(
        before
            .lines()
            .any(|l| l.contains("GB 12021.2-2015") && l.contains("in force")),
        "{before}"
    );
    assert!(!before.contains("EU 2017/1369"), "market filter");
}

#[test]
fn a_jsonl_batch_larger_than_one_chunk_keeps_order_and_line_names() {
    let good = std::fs::read_to_string(root().join("examples/beef-jerky.json")).expect("example");
    let line =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&good).expect("json"))
            .expect("json");
    let dir = std::env::temp_dir().join(format!("labelcheck-cli-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let file = dir.join("many.jsonl");
    // 4 096 labels per chunk: 4 100 lines cross a chunk boundary; line 4 098 is broken.
    let mut text = String::new();
    for i in 1..=4100 {
        text.push_str(if i == 4098 { "{\"market\":" } else { &line });
        text.push('\n');
    }
    std::fs::write(&file, text).expect("write");
    let o = run(
        &["check", file.to_str().expect("utf-8"), "--format", "json"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 4100);
    for (i, v) in lines.iter().enumerate() {
        let want = format!("{}:{}", file.display(), i + 1);
        assert_eq!(v["input"], want.as_str());
        assert_eq!(v["error"].is_object(), i + 1 == 4098, "line {}", i + 1);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every error kind renders in every format; `--edition nope --format json` used to panic
/// (exit 101) because the JSON renderer could not serialise `Error::Option`.
#[test]
fn option_errors_render_in_every_format() {
    for format in ["human", "json", "junit"] {
        let o = run(
            &[
                "check",
                "examples/uht-milk.json",
                "--format",
                format,
                "--edition",
                "nope",
            ],
            None,
        );
        assert_eq!(o.status.code(), Some(2), "{format}: {o:?}");
        let out = stdout(&o);
        match format {
            "json" => {
                let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json line");
                assert_eq!(v["error"]["error"], "option");
                assert!(v["error"]["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("nope")));
            }
            "junit" => assert!(
                out.contains("errors=\"1\"") && out.contains("nope"),
                "{out}"
            ),
            _ => assert!(out.contains("ERROR") && out.contains("nope"), "{out}"),
        }
    }
}

/// Input is read with a bound: a device that never ends, or a stream of zeros on stdin, is
/// refused after the size limit instead of being read until memory runs out.
#[test]
fn endless_inputs_are_refused_at_the_size_limit() {
    let o = run(&["check", "/dev/zero", "--format", "json"], None);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    assert_eq!(v["error"]["kind"], "too_large", "{v}");
    // stdin: more than the limit of zeros (the process stops reading; writing may then fail).
    let mut child = Command::new(env!("CARGO_BIN_EXE_labelcheck"))
        .args(["check", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let chunk = vec![0u8; 1 << 20];
        for _ in 0..64 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let o = child.wait_with_output().expect("wait");
    let _ = writer.join();
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).expect("json");
    assert_eq!(v["error"]["kind"], "too_large");
}

/// A JSON Lines line longer than the label limit is an error for that line only; the lines
/// after it are still checked.
#[test]
fn an_overlong_jsonl_line_fails_alone() {
    let good = std::fs::read_to_string(root().join("examples/beef-jerky.json")).expect("example");
    let line =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&good).expect("json"))
            .expect("json");
    let dir = std::env::temp_dir().join(format!("labelcheck-cli-long-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let file = dir.join("long.jsonl");
    let mut text = String::new();
    text.push_str(&line);
    text.push('\n');
    text.push_str(&"x".repeat(5 * 1024 * 1024));
    text.push('\n');
    text.push_str(&line);
    text.push_str("\r\n");
    std::fs::write(&file, text).expect("write");
    let o = run(
        &["check", file.to_str().expect("utf-8"), "--format", "json"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0]["report"].is_object());
    assert_eq!(lines[1]["error"]["kind"], "too_large");
    assert_eq!(lines[1]["error"]["size"], 5 * 1024 * 1024);
    assert!(lines[2]["report"].is_object(), "{}", lines[2]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Text from the label never reaches the terminal or XML raw: control characters are shown
/// as escapes in the human format and JUnit output stays well-formed XML 1.0.
#[test]
fn control_characters_from_labels_are_escaped_in_every_renderer() {
    let mut label: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("examples/uht-milk.json")).expect("example"),
    )
    .expect("json");
    // An unsupported claim is quoted in its finding's message and `found` value.
    label["claims"] = serde_json::json!([{ "text": "高钙\u{1b}[2J\r\u{7}" }]);
    label["nutrition"]["rows"][5]["value"] = serde_json::json!(1);
    let bytes = serde_json::to_vec(&label).expect("json");
    let human = stdout(&run(&["check", "-"], Some(&bytes)));
    assert!(human.contains("FAIL"), "{human}");
    assert!(
        !human.contains('\u{1b}') && !human.contains('\r') && !human.contains('\u{7}'),
        "{human:?}"
    );
    assert!(human.contains("\\x1b[2J\\r\\x07"), "{human}");
    let junit = stdout(&run(&["check", "-", "--format", "junit"], Some(&bytes)));
    assert!(
        !junit.contains('\u{1b}') && !junit.contains('\u{7}'),
        "{junit:?}"
    );
    assert!(junit.contains("\\x1b"), "{junit}");
}

/// `labelcheck docs` writes a page per pack, and every link in the site (pages, the search
/// index) leads to a file that exists and, with a fragment, to an element with that id.
#[test]
fn the_rules_reference_has_a_page_per_pack_and_no_broken_link() {
    let dir = std::env::temp_dir().join(format!("labelcheck-docs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let o = run(&["docs", "--out", dir.to_str().expect("utf-8")], None);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let packs = stdout(&run(&["packs"], None));
    let n_packs = packs.lines().count();
    let pages: Vec<_> = std::fs::read_dir(&dir)
        .expect("site")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("pack-"))
        .collect();
    assert_eq!(pages.len(), n_packs, "{pages:?}");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let mut links: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("site").flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if !name.ends_with(".html") {
            continue;
        }
        let text = read(&name);
        for part in text.split("href=\"").skip(1) {
            let href = part.split('"').next().unwrap_or("").to_string();
            links.push((name.clone(), href));
        }
    }
    let index: serde_json::Value =
        serde_json::from_str(&read("search-index.json")).expect("search index");
    for r in index.as_array().expect("array") {
        links.push((
            "search-index.json".into(),
            r["href"].as_str().unwrap_or("").to_string(),
        ));
    }
    assert!(links.len() > 500, "{}", links.len());
    for (from, href) in links {
        let (file, frag) = href.split_once('#').unwrap_or((&href, ""));
        assert!(!file.contains("://"), "external link {href} in {from}");
        let target = read(file);
        assert!(!target.is_empty(), "{from}: broken link {href}");
        if !frag.is_empty() {
            assert!(
                target.contains(&format!("id=\"{frag}\"")),
                "{from}: no anchor {href}"
            );
        }
    }
    // A rule shows its clause and an example case from the suites.
    let gb = read("pack-gb28050-2011.html");
    assert!(gb.contains("GB28050-2011/6.4/tolerance") && gb.contains("cases where it fails"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The README's pack list names every loaded pack (regenerate it from `labelcheck packs`
/// when a pack is added).
#[test]
fn the_readme_lists_every_pack() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let packs = stdout(&run(&["packs"], None));
    for line in packs.lines() {
        let id = line.split_whitespace().nth(1).expect("pack id");
        assert!(
            readme.contains(&format!("`{id}`")),
            "README.md does not list pack {id}"
        );
    }
}

/// `labelcheck serve` end to end over real HTTP on loopback: reports equal the CLI's,
/// errors are problem details, the batch streams JSON Lines, and SIGTERM stops it cleanly.
#[cfg(unix)]
#[test]
fn the_http_service_answers_like_the_cli() {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_labelcheck"))
        .args(["serve", "--addr", "127.0.0.1:0", "--concurrency", "2"])
        .current_dir(root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn serve");
    let mut err = std::io::BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    err.read_line(&mut line).expect("listening line");
    let port: u16 = line
        .trim()
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {line:?}"));

    let (status, _, body) = http(port, "GET", "/healthz", b"", "text/plain");
    assert_eq!((status, body.trim()), (200, "ok"));

    let faulty =
        std::fs::read(root().join("examples/faulty/uht-milk-faulty.json")).expect("example");
    let (status, headers, body) = http(
        port,
        "POST",
        "/v1/check?as_of=2026-11-26",
        &faulty,
        "application/json",
    );
    assert_eq!(status, 200, "{headers}{body}");
    let served: serde_json::Value = serde_json::from_str(&body).expect("report");
    // The faulty milk's report from the CLI, with `extra` arguments.
    let cli_report = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec![
            "check",
            "examples/faulty/uht-milk-faulty.json",
            "--format",
            "json",
            "--as-of",
            "2026-11-26",
        ];
        args.extend_from_slice(extra);
        let out = stdout(&run(&args, None));
        let v: serde_json::Value = serde_json::from_str(out.trim()).expect("cli json");
        v["report"].clone()
    };
    assert_eq!(served, cli_report(&[]));

    // `omit_skipped` / `--omit-skipped`: the same report with an empty list of skipped
    // rules, still counted — from the service and the CLI alike.
    let (status, headers, body) = http(
        port,
        "POST",
        "/v1/check?as_of=2026-11-26&omit_skipped=true",
        &faulty,
        "application/json",
    );
    assert_eq!(status, 200, "{headers}{body}");
    let brief: serde_json::Value = serde_json::from_str(&body).expect("report");
    assert_eq!(brief, cli_report(&["--omit-skipped"]));
    assert_eq!(brief["skipped"], serde_json::json!([]));
    assert!(served["rules_skipped"].as_u64().is_some_and(|n| n > 0));
    assert_eq!(brief["rules_skipped"], served["rules_skipped"]);
    let mut expected = served.clone();
    expected["skipped"] = serde_json::json!([]);
    assert_eq!(brief, expected);

    // One label against several markets: the same as `check --market US,CODEX`.
    let bar = std::fs::read(root().join("examples/us-granola-bar.json")).expect("example");
    let (status, headers, body) = http(
        port,
        "POST",
        "/v1/check?markets=US,CODEX",
        &bar,
        "application/json",
    );
    assert_eq!(status, 200, "{headers}{body}");
    let served: serde_json::Value = serde_json::from_str(&body).expect("markets");
    let by_cli = stdout(&run(
        &[
            "check",
            "examples/us-granola-bar.json",
            "--format",
            "json",
            "--market",
            "US,CODEX",
        ],
        None,
    ));
    let by_cli: serde_json::Value = serde_json::from_str(by_cli.trim()).expect("cli json");
    assert_eq!(served, by_cli["markets"]);
    assert_eq!(served["markets"][0]["market"], "US");
    assert_eq!(served["markets"][1]["report"]["verdict"], "fail");

    let (status, headers, body) = http(
        port,
        "POST",
        "/v1/check",
        b"{\"market\":",
        "application/json",
    );
    assert_eq!(status, 400);
    assert!(headers.contains("application/problem+json"), "{headers}");
    let p: serde_json::Value = serde_json::from_str(&body).expect("problem");
    assert_eq!(p["error"]["kind"], "syntax");
    assert_eq!(p["status"], 400);

    let (status, _, body) = http(
        port,
        "POST",
        "/v1/check?as_of=2005-01-01",
        &faulty,
        "application/json",
    );
    assert_eq!(status, 422, "{body}");

    let (status, _, _) = http(
        port,
        "POST",
        "/v1/check?as_of=yesterday",
        &faulty,
        "application/json",
    );
    assert_eq!(status, 400);

    let big = vec![b' '; 5 * 1024 * 1024];
    let (status, _, _) = http(port, "POST", "/v1/check", &big, "application/json");
    assert_eq!(status, 413);

    let one =
        serde_json::to_string(&serde_json::from_slice::<serde_json::Value>(&faulty).expect("json"))
            .expect("json");
    let batch = format!("{one}\n\n{{\"market\":\n{one}\n");
    let (status, headers, body) = http(
        port,
        "POST",
        "/v1/check/batch?as_of=2026-11-26",
        batch.as_bytes(),
        "application/x-ndjson",
    );
    assert_eq!(status, 200, "{headers}");
    let lines: Vec<serde_json::Value> = body
        .lines()
        .map(|l| serde_json::from_str(l).expect("line"))
        .collect();
    assert_eq!(lines.len(), 3, "{body}");
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["report"], cli_report(&[]));
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(lines[1]["error"]["kind"], "syntax");
    assert_eq!(lines[2]["line"], 4);

    let (status, _, body) = http(port, "GET", "/v1/openapi.json", b"", "application/json");
    assert_eq!(status, 200);
    let spec: serde_json::Value = serde_json::from_str(&body).expect("openapi");
    assert_eq!(spec["openapi"], "3.1.0");
    assert!(spec["components"]["schemas"]["Label"].is_object());

    let (status, _, body) = http(port, "GET", "/v1/packs", b"", "application/json");
    assert_eq!(status, 200);
    assert!(body.contains("gb7718-2011"));
    let (status, _, _) = http(port, "GET", "/nope", b"", "text/plain");
    assert_eq!(status, 404);

    // SIGTERM: it stops after the requests in flight, exit 0.
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let status = child.wait().expect("wait");
    assert!(status.success(), "{status:?}");
}

/// A 10 000-label JSON Lines batch over HTTP gives the CLI's reports, line for line; every
/// input of the hostile corpus sent as a request body gets a report or a 4xx problem, and
/// the service is still up afterwards.
#[cfg(unix)]
#[test]
fn the_http_service_handles_a_big_batch_and_the_hostile_corpus() {
    let (mut child, port) = start_server(&[]);
    let labels = [
        "examples/faulty/uht-milk-faulty.json",
        "examples/yoghurt.json",
        "examples/cashmere-sweater.json",
    ];
    let compact: Vec<serde_json::Value> = labels
        .iter()
        .map(|f| {
            serde_json::from_str(&std::fs::read_to_string(root().join(f)).expect("example"))
                .expect("json")
        })
        .collect();
    let mut text = String::new();
    for i in 0..10_000 {
        let mut l = compact[i % compact.len()].clone();
        l["id"] = serde_json::json!(format!("batch-{i}"));
        text.push_str(&l.to_string());
        text.push('\n');
    }
    let dir = std::env::temp_dir().join(format!("labelcheck-serve-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let file = dir.join("batch.jsonl");
    std::fs::write(&file, &text).expect("write");
    let cli = stdout(&run(
        &[
            "check",
            file.to_str().expect("utf-8"),
            "--format",
            "json",
            "--as-of",
            "2026-11-26",
        ],
        None,
    ));
    let cli: Vec<serde_json::Value> = cli
        .lines()
        .map(|l| serde_json::from_str(l).expect("cli line"))
        .collect();
    let (status, _, body) = http(
        port,
        "POST",
        "/v1/check/batch?as_of=2026-11-26",
        text.as_bytes(),
        "application/x-ndjson",
    );
    assert_eq!(status, 200);
    let served: Vec<serde_json::Value> = body
        .lines()
        .map(|l| serde_json::from_str(l).expect("line"))
        .collect();
    assert_eq!(served.len(), 10_000);
    assert_eq!(cli.len(), 10_000);
    for (i, (s, c)) in served.iter().zip(&cli).enumerate() {
        assert_eq!(s["line"], i + 1);
        assert_eq!(s["report"], c["report"], "line {}", i + 1);
    }
    let _ = std::fs::remove_dir_all(&dir);

    let corpus: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/hostile/labels.json")).expect("corpus"),
    )
    .expect("json");
    let mut sent = 0;
    for case in corpus["cases"].as_array().expect("cases") {
        let bytes: Vec<u8> = if let Some(t) = case["input"].as_str() {
            t.as_bytes().to_vec()
        } else if let Some(h) = case["input_hex"].as_str() {
            (0..h.len() / 2)
                .filter_map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).ok())
                .collect()
        } else {
            continue; // generated recipes (big inputs) are covered by the body limit above
        };
        let (status, headers, body) = http(
            port,
            "POST",
            "/v1/check?as_of=2026-11-26",
            &bytes,
            "application/json",
        );
        let name = case["name"].as_str().unwrap_or("?");
        match status {
            200 => assert!(
                serde_json::from_str::<serde_json::Value>(&body).is_ok(),
                "{name}"
            ),
            400..=499 => assert!(
                headers.contains("application/problem+json"),
                "{name}: {headers}"
            ),
            other => panic!("{name}: status {other}: {body}"),
        }
        sent += 1;
    }
    assert!(sent > 400, "{sent}");
    let (status, _, _) = http(port, "GET", "/healthz", b"", "text/plain");
    assert_eq!(status, 200);
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
}

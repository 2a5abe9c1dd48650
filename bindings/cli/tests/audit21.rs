//! Robustness audit of session 21, end to end: unknown option values are errors (exit 2,
//! naming the value), and the HTTP service bounds a whole request by `--timeout` and answers
//! every rejection as an RFC 9457 problem.

use std::process::{Command, Output, Stdio};

mod common;
#[cfg(unix)]
use common::{http, start_server};

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_labelcheck"))
        .args(args)
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run labelcheck")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// D10: an unknown or empty topic, an unknown pack for `rules`, an unknown market for
/// `product-types` are errors that name the value, not an empty success.
#[test]
fn unknown_selectors_are_errors() {
    for (args, name) in [
        (
            vec!["check", "examples/uht-milk.json", "--only", "topic:zzz"],
            "zzz",
        ),
        (
            vec!["check", "examples/uht-milk.json", "--only", "topic:"],
            "topic",
        ),
        (vec!["rules", "--pack", "nope"], "nope"),
        (vec!["product-types", "--market", "XX"], "XX"),
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(name), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    // Known values still work.
    let o = run(&["rules", "--pack", "gb7718-2011"]);
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["product-types", "--market", "CN"]);
    assert_eq!(o.status.code(), Some(0));
}

/// D12: `--market us` is an option error naming the option (the label's own market is CN).
#[test]
fn a_bad_market_option_is_an_option_error() {
    let o = run(&["check", "examples/uht-milk.json", "--market", "us"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("--market") && e.contains("`us`") && e.contains("`US`"),
        "{e}"
    );
    assert!(!e.contains("/market"), "{e}");
}

/// D12: an `--extra` file with a byte-order mark says so.
#[test]
fn an_extra_file_with_a_bom_says_so() {
    let dir = std::env::temp_dir().join(format!("labelcheck-a21-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("mkdir");
    let extra = dir.join("extra.json");
    std::fs::write(&extra, b"\xEF\xBB\xBF{}").expect("write");
    let o = run(&[
        "check",
        "--market",
        "CN",
        "--category",
        "food",
        "--extra",
        extra.to_str().expect("path"),
        "examples/text/uht-milk.txt",
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("byte-order mark"), "{}", stderr(&o));
}

fn problem(status: u16, headers: &str, body: &str) -> serde_json::Value {
    assert!(
        headers
            .to_ascii_lowercase()
            .contains("content-type: application/problem+json"),
        "{status}: {headers}\n{body}"
    );
    let v: serde_json::Value = serde_json::from_str(body).expect("a problem is JSON");
    assert_eq!(v["status"], status, "{v}");
    assert!(v["type"].is_string() && v["detail"].is_string(), "{v}");
    v
}

/// D10, D11: axum's own rejections and an unknown topic are problem details; a batch is
/// bounded by `--timeout` as a whole (it ran for minutes when each line had the timeout):
/// the answer ends with a line that says from where nothing was checked.
#[cfg(unix)]
#[test]
fn the_http_service_answers_problems_and_bounds_a_batch() {
    let (mut child, port) = start_server(&["--timeout", "1", "--concurrency", "1"]);
    let label = std::fs::read(root().join("examples/uht-milk.json")).expect("example");

    let (status, headers, body) = http(
        port,
        "POST",
        "/v1/check?only=topic:zzz",
        &label,
        "application/json",
    );
    assert_eq!(status, 400);
    assert!(problem(status, &headers, &body)["detail"]
        .as_str()
        .is_some_and(|d| d.contains("zzz")));

    let (status, headers, body) = http(
        port,
        "POST",
        "/v1/check?as_of=1&as_of=2",
        &label,
        "application/json",
    );
    assert_eq!(status, 400);
    problem(status, &headers, &body);

    let (status, headers, body) = http(port, "GET", "/v1/check", b"", "application/json");
    assert_eq!(status, 405);
    problem(status, &headers, &body);

    let big = vec![b' '; 5 * 1024 * 1024];
    let (status, headers, body) = http(port, "POST", "/v1/check", &big, "application/json");
    assert_eq!(status, 413);
    problem(status, &headers, &body);

    // 400 000 lines take far longer than a second to check: the answer stops at the
    // deadline, with a last line naming the first line not checked.
    let n = 400_000;
    let batch = "{}\n".repeat(n);
    let (status, _, body) = http(
        port,
        "POST",
        "/v1/check/batch",
        batch.as_bytes(),
        "application/json",
    );
    assert_eq!(status, 200);
    let lines: Vec<serde_json::Value> = body
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert!(
        lines.len() < n,
        "every line was checked: the timeout did not bound it"
    );
    let last = lines.last().expect("a last line");
    assert_eq!(last["error"]["error"], "timeout", "{last}");
    assert!(
        last["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("were not checked")),
        "{last}"
    );
    // Every line before it was answered, in order.
    for (i, l) in lines[..lines.len() - 1].iter().enumerate() {
        assert_eq!(l["line"], i + 1, "{l}");
    }

    let _ = child.kill();
    let _ = child.wait();
}

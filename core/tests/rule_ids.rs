//! Rule ids are forever: `standards/rule-ids.lock` lists every id ever shipped. An id may
//! leave the packs only by moving to a `[[retired]]` entry, and a retired id is never used
//! again. New rules add their id to the lock (run with `LABELCHECK_UPDATE_RULE_IDS=1` to
//! append them).

use std::collections::BTreeSet;
use std::path::PathBuf;

fn lock_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../standards/rule-ids.lock")
}

fn read_lock(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Every problem with the lock against the packs' current and retired ids.
fn lock_problems(
    lock: &[String],
    current: &BTreeSet<String>,
    retired: &BTreeSet<String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    let locked: BTreeSet<&String> = lock.iter().collect();
    if locked.len() != lock.len() {
        problems.push("the lock lists an id twice".to_string());
    }
    for id in lock {
        if !current.contains(id) && !retired.contains(id) {
            problems.push(format!(
                "rule id `{id}` disappeared: keep the rule, or add a [[retired]] entry (id, reason) to its pack"
            ));
        }
    }
    for id in current {
        if retired.contains(id) {
            problems.push(format!("rule id `{id}` is retired and must not be reused"));
        }
        if !locked.contains(id) {
            problems.push(format!(
                "new rule id `{id}` is not in standards/rule-ids.lock (LABELCHECK_UPDATE_RULE_IDS=1 cargo test --test rule_ids appends it)"
            ));
        }
    }
    for id in retired {
        if !locked.contains(id) {
            problems.push(format!(
                "retired id `{id}` was never shipped: list it in the lock"
            ));
        }
    }
    problems
}

#[test]
fn every_shipped_rule_id_is_present_or_retired() {
    let engine = labelcheck::Engine::new().unwrap_or_else(|e| panic!("embedded packs: {e}"));
    let current: BTreeSet<String> = engine
        .standards()
        .rules()
        .map(|(_, r)| r.id.clone())
        .collect();
    let retired: BTreeSet<String> = engine
        .packs()
        .iter()
        .flat_map(|p| p.retired.iter().map(|r| r.id.clone()))
        .collect();
    let text = std::fs::read_to_string(lock_path()).unwrap_or_default();
    let mut lock = read_lock(&text);
    if std::env::var_os("LABELCHECK_UPDATE_RULE_IDS").is_some() {
        let known: BTreeSet<String> = lock.iter().cloned().collect();
        let mut out = text.clone();
        if out.is_empty() {
            out.push_str("# Every rule id ever shipped, one a line, never removed (see core/tests/rule_ids.rs).\n");
        }
        for id in current
            .iter()
            .chain(&retired)
            .filter(|id| !known.contains(*id))
        {
            out.push_str(id);
            out.push('\n');
            lock.push(id.clone());
        }
        std::fs::write(lock_path(), out).expect("write the lock");
    }
    let problems = lock_problems(&lock, &current, &retired);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn lock_check_catches_disappeared_reused_and_unlisted_ids() {
    let set = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    let lock: Vec<String> = ["A/1", "A/2", "A/3"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    // All present, or retired: fine.
    assert!(lock_problems(&lock, &set(&["A/1", "A/2", "A/3"]), &set(&[])).is_empty());
    assert!(lock_problems(&lock, &set(&["A/1", "A/2"]), &set(&["A/3"])).is_empty());
    // A/3 silently dropped.
    let p = lock_problems(&lock, &set(&["A/1", "A/2"]), &set(&[]));
    assert!(p.len() == 1 && p[0].contains("`A/3` disappeared"), "{p:?}");
    // A/3 retired and reused.
    let p = lock_problems(&lock, &set(&["A/1", "A/2", "A/3"]), &set(&["A/3"]));
    assert!(p.iter().any(|m| m.contains("must not be reused")), "{p:?}");
    // A new id must be added to the lock.
    let p = lock_problems(&lock, &set(&["A/1", "A/2", "A/3", "B/1"]), &set(&[]));
    assert!(p.len() == 1 && p[0].contains("new rule id `B/1`"), "{p:?}");
    // Retired but never shipped; duplicate in the lock.
    let p = lock_problems(&lock, &set(&["A/1", "A/2", "A/3"]), &set(&["Z/9"]));
    assert!(p.iter().any(|m| m.contains("never shipped")), "{p:?}");
    let dup: Vec<String> = ["A/1", "A/1"].iter().map(|s| s.to_string()).collect();
    assert!(!lock_problems(&dup, &set(&["A/1"]), &set(&[])).is_empty());
}

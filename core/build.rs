//! Embeds the standards tree (`../standards`) into the library, so the default engine needs
//! no files at run time — the same packs in the CLI, Python and the browser.
//!
//! Each TOML file is also converted here to compact JSON: the loader reads the embedded
//! packs from that (serde_json is several times faster than a TOML parser, and a cold start
//! should not parse 1 MB of TOML). The TOML text stays embedded for hashing, overlays and
//! error lines, except in the WebAssembly build, which has no overlays and ships only the
//! JSON (size budget).

use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    // `core/standards` links to the repository's `standards/` so that `cargo package`
    // carries the embedded standards inside the crate; a packaged crate has the files
    // there, a checkout reaches them through the link (or `../standards` without it).
    let root = if manifest.join("standards").is_dir() {
        manifest.join("standards")
    } else {
        manifest.join("..").join("standards")
    };
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    // LABELCHECK_MARKETS=CN (comma-separated jurisdictions) embeds only the packs of those
    // markets — a web form for one market ships none of the others' packs. Unset: every pack.
    println!("cargo:rerun-if-env-changed=LABELCHECK_MARKETS");
    if let Ok(markets) = std::env::var("LABELCHECK_MARKETS") {
        let markets: Vec<String> = markets
            .split(',')
            .map(|m| m.trim().to_ascii_uppercase())
            .filter(|m| !m.is_empty())
            .collect();
        let mut keep_pack: std::collections::HashMap<String, bool> = Default::default();
        files.retain(|(rel, _)| {
            let Some(pack) = rel.strip_prefix("packs/").and_then(|r| r.split('/').next()) else {
                return true;
            };
            *keep_pack.entry(pack.to_string()).or_insert_with(|| {
                let meta = root.join("packs").join(pack).join("pack.toml");
                let jurisdiction = std::fs::read_to_string(&meta)
                    .ok()
                    .and_then(|t| toml::from_str::<toml::Value>(&t).ok())
                    .and_then(|v| {
                        v.get("pack")?
                            .get("jurisdiction")?
                            .as_str()
                            .map(str::to_ascii_uppercase)
                    });
                // A pack whose jurisdiction cannot be read stays: the loader reports it.
                jurisdiction.is_none_or(|j| j == "*" || markets.contains(&j))
            })
        });
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let mut out = String::from("/// Files of the standards tree embedded at build time: (path, TOML text — empty in the\n/// WebAssembly build —, the same document as compact JSON).\npub static EMBEDDED: &[(&str, &str, &str)] = &[\n");
    let mut rule_lines: Vec<(String, String, usize)> = Vec::new();
    let mut rows_out = String::from("/// Rows of the embedded code lists, read when a check first needs them: (path, number of\n/// rows, one text per column holding its cells as compact JSON, one cell a line).\npub static CODELIST_ROWS: &[(&str, usize, &[&str])] = &[\n");
    for (n, (rel, abs)) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", abs.display());
        let text = std::fs::read_to_string(abs).expect("read standards file");
        // A file that is not valid TOML is embedded without JSON: the loader then parses
        // the TOML at run time and reports the error with its line, as for any other file.
        let json = match toml::from_str::<toml::Value>(&text) {
            Ok(v) => {
                let mut v = toml_to_json(v);
                // Rule lines for the build without TOML text (wasm): `rules()` still says
                // where each rule is defined.
                if let Some(rules) = v.get("rule").and_then(|r| r.as_array()) {
                    // The same one-pass line index as the loader's `rule_lines`.
                    let mut index = std::collections::HashMap::new();
                    for (i, l) in text.lines().enumerate() {
                        let rest = l.trim_start();
                        let id = rest
                            .strip_prefix("id")
                            .and_then(|r| r.trim_start().strip_prefix('='))
                            .and_then(|r| r.trim_start().strip_prefix('"'))
                            .and_then(|r| r.find('"').map(|e| &r[..e]));
                        if let Some(id) = id {
                            index.entry(id.to_string()).or_insert(i + 1);
                        }
                    }
                    for id in rules.iter().filter_map(|r| r.get("id")?.as_str()) {
                        if let Some(line) = index.get(id) {
                            rule_lines.push((rel.clone(), id.to_string(), *line));
                        }
                    }
                }
                if rel.starts_with("codelists/") {
                    if let Some((count, columns)) = split_codelist_rows(rel, &mut v) {
                        let mut texts = Vec::new();
                        for (c, column) in columns.iter().enumerate() {
                            let path = out_dir.join(format!("standards-{n}-col{c}.txt"));
                            std::fs::write(&path, column).expect("write column");
                            texts.push(format!("include_str!({:?})", path.display().to_string()));
                        }
                        writeln!(rows_out, "    ({rel:?}, {count}, &[{}]),", texts.join(", "))
                            .expect("write to string");
                    }
                }
                if wasm {
                    strip_documentation(&mut v);
                }
                serde_json::to_string(&v).expect("JSON from TOML")
            }
            Err(_) => String::new(),
        };
        let json_path = out_dir.join(format!("standards-{n}.json"));
        std::fs::write(&json_path, json).expect("write JSON");
        let toml_part = if wasm {
            "\"\"".to_string()
        } else {
            format!("include_str!({:?})", abs.display().to_string())
        };
        writeln!(
            out,
            "    ({rel:?}, {toml_part}, include_str!({:?})),",
            json_path.display().to_string()
        )
        .expect("write to string");
    }
    out.push_str("];\n");
    rows_out.push_str("];\n");
    out.push_str(&rows_out);
    rule_lines.sort();
    out.push_str("/// Where each embedded rule is defined: (file, rule id, 1-based line), sorted.\npub static RULE_LINES: &[(&str, &str, usize)] = &[\n");
    for (file, id, line) in &rule_lines {
        writeln!(out, "    ({file:?}, {id:?}, {line}),").expect("write to string");
    }
    out.push_str("];\n");
    // Each pack's SHA-256 (the loader's: path, NUL, text, NUL for the pack's files in path
    // order), so loading the embedded packs unchanged skips hashing 0.8 MB at every start.
    let mut packs: std::collections::BTreeMap<String, Sha256> = std::collections::BTreeMap::new();
    for (rel, abs) in &files {
        let parts: Vec<&str> = rel.split('/').collect();
        if let ["packs", dir, _] = parts.as_slice() {
            let text = std::fs::read(abs).expect("read standards file");
            let h = packs.entry((*dir).to_string()).or_default();
            h.update(rel.as_bytes());
            h.update([0]);
            h.update(&text);
            h.update([0]);
        }
    }
    out.push_str("/// Precomputed hashes of the embedded packs: (pack directory, hex SHA-256).\npub static PACK_HASHES: &[(&str, &str)] = &[\n");
    for (dir, h) in packs {
        let hex: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
        writeln!(out, "    ({dir:?}, {hex:?}),").expect("write to string");
    }
    out.push_str("];\n");
    let dest = out_dir.join("embedded_standards.rs");
    std::fs::write(dest, out).expect("write embedded_standards.rs");
}

/// Moves a code list's `rows` out of its JSON form (left as `[]`) and returns their number
/// and their columns, each the column's cells as compact JSON one a line (compact JSON has no
/// raw line break, so a line is a cell), after the checks the loader would make on them
/// (each row has one value per column, keys are unique): the loader reads deferred rows only
/// when a check first needs them, so they must be right before they are embedded. Columns,
/// not rows: a list is opened for its key and name columns, and cutting one column's cells
/// at line breaks is far cheaper than scanning every row's JSON (and the columns compress
/// better). A list with a broken header is left whole for the loader to report.
fn split_codelist_rows(rel: &str, v: &mut serde_json::Value) -> Option<(usize, Vec<String>)> {
    let list = v.get_mut("list")?.as_object_mut()?;
    let columns: Vec<String> = list
        .get("columns")?
        .as_array()?
        .iter()
        .map(|c| c.as_str().map(str::to_string))
        .collect::<Option<_>>()?;
    let key = list.get("key")?.as_str()?.to_string();
    let k = columns.iter().position(|c| *c == key)?;
    let rows = list.get_mut("rows")?;
    let arr = rows.as_array()?;
    let mut seen = std::collections::HashSet::new();
    let mut texts: Vec<Vec<String>> = vec![Vec::new(); columns.len()];
    for (i, r) in arr.iter().enumerate() {
        let r = r.as_array();
        let ok = r.is_some_and(|r| r.len() == columns.len());
        assert!(
            ok,
            "{rel}: row {} does not have one value per column",
            i + 1
        );
        let key_text = r.map(|r| r[k].to_string()).unwrap_or_default();
        assert!(
            seen.insert(key_text.clone()),
            "{rel}: duplicate key {key_text} in row {}",
            i + 1
        );
        for (c, cell) in r.into_iter().flatten().enumerate() {
            let text = serde_json::to_string(cell).expect("cell as JSON");
            assert!(!text.contains('\n'), "compact JSON has no line break");
            texts[c].push(text);
        }
    }
    let count = arr.len();
    *rows = serde_json::Value::Array(Vec::new());
    Some((count, texts.into_iter().map(|t| t.join("\n")).collect()))
}

/// Leaves out of the WebAssembly build's JSON what documents a pack but no check reads: a
/// rule's `note`, a table's `note` (a row's stays: a row is data a rule may read), and the
/// pack's `notes` and `sources`. They are ≈ 210 KB of the 1.5 MB of JSON and ≈ 75 KB of the
/// module's brotli size; a browser form checks labels and does not show them (the CLI,
/// Python and the Rust library keep them, and `rules()` in the browser says no note).
fn strip_documentation(v: &mut serde_json::Value) {
    if let Some(pack) = v.get_mut("pack").and_then(|p| p.as_object_mut()) {
        pack.remove("notes");
        pack.remove("sources");
    }
    if let Some(rules) = v.get_mut("rule").and_then(|r| r.as_array_mut()) {
        for rule in rules.iter_mut().filter_map(|r| r.as_object_mut()) {
            rule.remove("note");
        }
    }
    if let Some(tables) = v.get_mut("tables").and_then(|t| t.as_object_mut()) {
        for table in tables.values_mut().filter_map(|t| t.as_object_mut()) {
            table.remove("note");
        }
    }
}

/// TOML data as JSON data; dates and times become their text (the packs quote dates anyway).
fn toml_to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            println!("cargo:rerun-if-changed={}", p.display());
            collect(root, &p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            let rel = p
                .strip_prefix(root)
                .expect("under root")
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, p));
        }
    }
}

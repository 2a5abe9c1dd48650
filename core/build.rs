//! Embeds the standards tree (`../standards`) into the library, so the default engine needs
//! no files at run time — the same packs in the CLI, Python and the browser.

use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest.join("..").join("standards");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut out = String::from("/// Files of the standards tree embedded at build time: (path, text).\npub static EMBEDDED: &[(&str, &str)] = &[\n");
    for (rel, abs) in &files {
        println!("cargo:rerun-if-changed={}", abs.display());
        writeln!(
            out,
            "    ({rel:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .expect("write to string");
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
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("embedded_standards.rs");
    std::fs::write(dest, out).expect("write embedded_standards.rs");
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

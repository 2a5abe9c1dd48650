//! The standards tree compiled into the library (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/embedded_standards.rs"));

/// The embedded files as loader input.
pub fn files() -> Vec<crate::pack::SourceFile> {
    EMBEDDED
        .iter()
        .map(|(p, t)| crate::pack::SourceFile {
            path: (*p).to_string(),
            text: (*t).to_string(),
        })
        .collect()
}

/// The precomputed hash of pack directory `dir`, if `files` (its files in path order) are
/// exactly the embedded ones — an overlay that changes a file gets a freshly computed hash.
pub fn pack_hash(dir: &str, files: &[&crate::pack::SourceFile]) -> Option<&'static str> {
    let i = PACK_HASHES.binary_search_by(|(d, _)| (*d).cmp(dir)).ok()?;
    let prefix = format!("packs/{dir}/");
    let embedded = EMBEDDED
        .iter()
        .filter(|(p, _)| p.starts_with(&prefix) && !p[prefix.len()..].contains('/'));
    let mut n = 0;
    for (e, f) in embedded.zip(files) {
        if e.0 != f.path || e.1 != f.text {
            return None;
        }
        n += 1;
    }
    (n == files.len()).then_some(PACK_HASHES[i].1)
}

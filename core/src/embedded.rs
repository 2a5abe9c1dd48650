//! The standards tree compiled into the library (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/embedded_standards.rs"));

/// The embedded files as loader input (their TOML text; empty in the WebAssembly build,
/// where only the JSON form is shipped).
pub fn files() -> Vec<crate::pack::SourceFile> {
    EMBEDDED
        .iter()
        .map(|(p, t, _)| crate::pack::SourceFile {
            path: (*p).to_string(),
            text: std::borrow::Cow::Borrowed(t),
        })
        .collect()
}

/// The build-time JSON form of an embedded file, when `text` is that file's text unchanged.
pub fn json_of(path: &str, text: &str) -> Option<&'static str> {
    let i = EMBEDDED.binary_search_by(|(p, _, _)| (*p).cmp(path)).ok()?;
    let (_, toml, json) = EMBEDDED[i];
    (same_text(toml, text) && !json.is_empty()).then_some(json)
}

/// Equal texts; the embedded ones are usually the very same bytes (no comparison needed).
fn same_text(a: &str, b: &str) -> bool {
    (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
}

/// The deferred rows of an embedded code list, when `text` is that file's text unchanged:
/// how many, and each column's cells (compact JSON, one a line).
pub fn codelist_rows(path: &str, text: &str) -> Option<(usize, &'static [&'static str])> {
    json_of(path, text)?;
    let i = CODELIST_ROWS
        .binary_search_by(|(p, _, _)| (*p).cmp(path))
        .ok()?;
    let (_, count, columns) = CODELIST_ROWS[i];
    Some((count, columns))
}

/// The line of rule `id` in embedded file `path` (computed at build time, for the build that
/// ships no TOML text).
pub fn rule_line(path: &str, id: &str) -> Option<usize> {
    RULE_LINES
        .binary_search_by(|(p, i, _)| (*p, *i).cmp(&(path, id)))
        .ok()
        .map(|k| RULE_LINES[k].2)
}

/// The precomputed hash of pack directory `dir`, if `files` (its files in path order) are
/// exactly the embedded ones — an overlay that changes a file gets a freshly computed hash.
pub fn pack_hash(dir: &str, files: &[&crate::pack::SourceFile]) -> Option<&'static str> {
    let i = PACK_HASHES.binary_search_by(|(d, _)| (*d).cmp(dir)).ok()?;
    let prefix = format!("packs/{dir}/");
    let embedded = EMBEDDED
        .iter()
        .filter(|(p, _, _)| p.starts_with(&prefix) && !p[prefix.len()..].contains('/'));
    let mut n = 0;
    for (e, f) in embedded.zip(files) {
        if e.0 != f.path || !same_text(e.1, &f.text) {
            return None;
        }
        n += 1;
    }
    (n == files.len()).then_some(PACK_HASHES[i].1)
}

#[cfg(test)]
mod tests {
    /// The JSON the loader reads must say exactly what the TOML says: every embedded file
    /// parsed both ways gives the same data.
    #[cfg(feature = "toml")]
    #[test]
    fn json_form_equals_toml_form() {
        for (path, toml_text, json) in super::EMBEDDED {
            let mut from_toml: serde_json::Value = toml::from_str(toml_text).expect(path);
            crate::pack::plain_json_for_tests(&mut from_toml);
            let mut from_json: serde_json::Value = serde_json::from_str(json).expect(path);
            if let Some((count, columns)) = super::codelist_rows(path, toml_text) {
                let cells: Vec<Vec<serde_json::Value>> = columns
                    .iter()
                    .map(|c| {
                        c.split('\n')
                            .filter(|t| !t.is_empty())
                            .map(|t| serde_json::from_str(t).expect(path))
                            .collect()
                    })
                    .collect();
                let rows: Vec<serde_json::Value> = (0..count)
                    .map(|i| cells.iter().map(|c| c[i].clone()).collect())
                    .collect();
                assert!(cells.iter().all(|c| c.len() == count), "{path}");
                from_json["list"]["rows"] = serde_json::Value::Array(rows);
            }
            assert_eq!(from_toml, from_json, "{path}");
        }
    }

    /// Every embedded code list's deferred rows parse into a non-empty table.
    #[test]
    fn deferred_code_lists_open() {
        let s = crate::pack::Standards::load(&super::files()).expect("embedded standards");
        assert_eq!(s.codelists.len(), super::CODELIST_ROWS.len());
        for (id, list) in s.codelists.iter() {
            assert!(!list.is_empty(), "{id}");
        }
    }

    /// The embedded packs are compiled on first use; compiled all at once they load without
    /// a single error (rule ids unique across packs included), and without deferral
    /// (the TOML path, as an overlay would be read) they give the same packs.
    #[test]
    fn embedded_packs_compile_in_full() {
        let s = crate::pack::Standards::load(&super::files()).expect("embedded standards");
        assert_eq!(s.compile_all(), Vec::new());
        assert!(s
            .packs
            .iter()
            .all(|p| !p.rules.is_empty() || !p.tables.is_empty()));
        #[cfg(feature = "toml")]
        {
            // A trailing newline makes every file "changed": read as TOML, compiled at load.
            let files: Vec<_> = super::files()
                .into_iter()
                .map(|mut f| {
                    f.text.to_mut().push('\n');
                    f
                })
                .collect();
            let eager = crate::pack::Standards::load(&files).expect("TOML path");
            let ids = |s: &crate::pack::Standards| {
                s.rules()
                    .map(|(p, r)| format!("{} {} {:?}", p.meta.id, r.id, r.line))
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(&s), ids(&eager));
        }
    }

    /// The build-time rule lines (used where no TOML text is shipped) are the lines the
    /// loader finds in the TOML text.
    #[test]
    fn build_time_rule_lines_match_the_text() {
        let s = crate::pack::Standards::load(&super::files()).expect("embedded standards");
        let mut n = 0;
        for (_, r) in s.rules() {
            assert_eq!(super::rule_line(&r.file, &r.id), r.line, "{}", r.id);
            n += 1;
        }
        assert_eq!(n, super::RULE_LINES.len());
    }

    #[test]
    fn sorted_by_path_for_lookup() {
        assert!(super::EMBEDDED.windows(2).all(|w| w[0].0 < w[1].0));
        let (p, t, _) = super::EMBEDDED[0];
        assert!(super::json_of(p, t).is_some());
        assert!(super::json_of(p, "changed").is_none() || t == "changed");
    }
}

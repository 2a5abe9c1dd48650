//! Code lists (`standards/codelists/*.toml`): GB/T 2260 divisions, ISO 3166 countries,
//! nutrient names… Shared by all packs.
//!
//! File format: a `[list]` header (id, title, source, licence, key, columns) and `rows`,
//! an array of arrays in column order — compact enough for lists of thousands of rows.

use super::table::Table;
use crate::error::PackError;
use serde::Deserialize;

/// The file: `[list]` with the metadata keys and `rows`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CodeListFile {
    list: CodeListMeta,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct CodeListMeta {
    pub id: String,
    pub title: super::format::Text,
    pub source: String,
    pub licence: String,
    #[serde(default)]
    pub generated_by: Option<String>,
    pub key: String,
    pub columns: Vec<String>,
    /// Columns that also match lookups (names, short names, aliases).
    #[serde(default)]
    pub match_columns: Vec<String>,
    /// The entries, each an array of values in column order (moved out at load).
    #[serde(default, skip_serializing)]
    rows: Vec<Vec<serde_json::Value>>,
}

/// A loaded code list.
///
/// An embedded list's rows stay as build-time JSON until a check first looks into the
/// list (GB/T 2260 alone is 3 212 rows; most labels never need it), so a cold start does
/// not pay for them. `build.rs` validates those rows (arity, unique keys) when it embeds
/// them, so the deferred parse cannot find what the eager one would have refused.
#[derive(Debug, Clone)]
pub struct CodeList {
    pub meta: CodeListMeta,
    data: std::sync::OnceLock<Data>,
    deferred: Option<&'static str>,
}

/// The rows and the indexes over them.
#[derive(Debug, Clone)]
struct Data {
    table: Table,
    /// (text, row) for every value of a match column, longest first: used to find the
    /// names a free text mentions.
    names: Vec<(String, usize)>,
    /// Indexes into `names` by their first two characters (one-character names under
    /// `(c, None)`), longest names first: finding the names a text mentions then costs two
    /// map probes per character and a few comparisons, not a search per name (GB/T 2260
    /// has dozens of names starting with 新 or 南, far fewer with any two characters).
    by_prefix: std::collections::HashMap<(char, Option<char>), Vec<usize>>,
}

impl CodeList {
    pub fn parse(file: &str, text: &str) -> Result<CodeList, PackError> {
        let mut f: CodeListFile = super::source::parse_file(file, text)?;
        let raw_rows = std::mem::take(&mut f.list.rows);
        let cols = &f.list.columns;
        if !cols.contains(&f.list.key) {
            return Err(PackError::new(
                file,
                format!("key column `{}` is not among the columns", f.list.key),
            ));
        }
        if let Some(rows) = crate::embedded::codelist_rows(file, text) {
            return Ok(CodeList {
                meta: f.list,
                data: std::sync::OnceLock::new(),
                deferred: Some(rows),
            });
        }
        let rows = rows_to_objects(&f.list, raw_rows).map_err(|m| PackError::new(file, m))?;
        let data = Data::build(&f.list, rows);
        Ok(CodeList {
            meta: f.list,
            data: data.into(),
            deferred: None,
        })
    }

    fn data(&self) -> &Data {
        self.data.get_or_init(|| {
            let raw: Vec<Vec<serde_json::Value>> = self
                .deferred
                .and_then(|json| serde_json::from_str(json).ok())
                .unwrap_or_default();
            // Validated by build.rs; an empty list here would be a build defect, caught by
            // the test that opens every embedded list.
            let rows = rows_to_objects(&self.meta, raw).unwrap_or_default();
            Data::build(&self.meta, rows)
        })
    }

    /// The rows, indexed by key and match columns.
    pub fn table(&self) -> &Table {
        &self.data().table
    }

    /// Entries whose names occur in `text`, in text order, each name match the longest one
    /// starting at its position, without overlaps.
    pub fn mentioned_in(&self, text: &str) -> Vec<&serde_json::Value> {
        let d = self.data();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let rest = &text[pos..];
            let Some(c) = rest.chars().next() else { break };
            let second = rest[c.len_utf8()..].chars().next();
            let find = |key| {
                d.by_prefix.get(&key).and_then(|cands: &Vec<usize>| {
                    cands
                        .iter()
                        .find(|&&i| rest.starts_with(d.names[i].0.as_str()))
                })
            };
            // Longer names first: every two-character-prefix name is longer than a
            // one-character one.
            let hit = second
                .and_then(|s| find((c, Some(s))))
                .or_else(|| find((c, None)));
            match hit {
                Some(&i) => {
                    out.push(&d.table.rows[d.names[i].1]);
                    pos += d.names[i].0.len();
                }
                None => pos += c.len_utf8(),
            }
        }
        out
    }
}

/// Rows (arrays in column order) as objects keyed by column; refuses a row of the wrong
/// length and a repeated key.
fn rows_to_objects(
    meta: &CodeListMeta,
    raw_rows: Vec<Vec<serde_json::Value>>,
) -> Result<Vec<serde_json::Value>, String> {
    let cols = &meta.columns;
    let mut rows = Vec::with_capacity(raw_rows.len());
    let mut seen = std::collections::HashSet::new();
    for (i, r) in raw_rows.into_iter().enumerate() {
        if r.len() != cols.len() {
            return Err(format!(
                "row {} has {} values for {} columns",
                i + 1,
                r.len(),
                cols.len()
            ));
        }
        let obj: serde_json::Map<_, _> = cols
            .iter()
            .cloned()
            .zip(r.into_iter().map(super::source::plain_json))
            .collect();
        let key = obj
            .get(&meta.key)
            .map(|v| v.to_string())
            .unwrap_or_default();
        if !seen.insert(key.clone()) {
            return Err(format!("duplicate key {key} in row {}", i + 1));
        }
        rows.push(serde_json::Value::Object(obj));
    }
    Ok(rows)
}

impl Data {
    fn build(meta: &CodeListMeta, rows: Vec<serde_json::Value>) -> Data {
        let cols = &meta.columns;
        let match_cols: Vec<String> = if meta.match_columns.is_empty() {
            cols.iter().filter(|c| *c != &meta.key).cloned().collect()
        } else {
            meta.match_columns.clone()
        };
        let mut names = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            for c in &match_cols {
                match row.get(c) {
                    Some(serde_json::Value::String(s)) if !s.is_empty() => {
                        names.push((s.clone(), i))
                    }
                    Some(serde_json::Value::Array(a)) => names.extend(
                        a.iter()
                            .filter_map(|x| x.as_str())
                            .filter(|s| !s.is_empty())
                            .map(|s| (s.to_string(), i)),
                    ),
                    _ => {}
                }
            }
        }
        // Longest first (then row order); the key is computed once per name, not per
        // comparison.
        names.sort_by_cached_key(|(s, i)| (std::cmp::Reverse(s.chars().count()), *i));
        let table = Table::new(meta.id.clone(), None, meta.key.clone(), &match_cols, rows);
        let mut by_prefix: std::collections::HashMap<(char, Option<char>), Vec<usize>> =
            std::collections::HashMap::new();
        for (i, (name, _)) in names.iter().enumerate() {
            let mut chars = name.chars();
            if let Some(c) = chars.next() {
                by_prefix.entry((c, chars.next())).or_default().push(i);
            }
        }
        Data {
            table,
            names,
            by_prefix,
        }
    }
}

/// 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset.min(text.len()))
        .map(|t| t.matches('\n').count() + 1)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    /// The indexed search gives what a plain scan gives: at each position the longest name
    /// starting there (earliest row on ties), no overlaps.
    #[test]
    fn mentioned_in_matches_a_plain_scan() {
        let s = crate::pack::Standards::load(&crate::embedded::files()).expect("standards");
        let plain = |list: &super::CodeList, text: &str| {
            let d = list.data();
            let mut out = Vec::new();
            let mut pos = 0;
            while pos < text.len() {
                let rest = &text[pos..];
                match d.names.iter().find(|(n, _)| rest.starts_with(n.as_str())) {
                    Some((n, row)) => {
                        out.push(*row);
                        pos += n.len();
                    }
                    None => pos += rest.chars().next().map_or(1, char::len_utf8),
                }
            }
            out
        };
        let texts = [
            "广东省深圳市南山区科技园南区",
            "新疆维吾尔自治区乌鲁木齐市新市区",
            "南京市玄武区；内蒙古自治区锡林郭勒盟",
            "产地：中国 China, Made in Viet Nam, Deutschland",
            "南",
            "",
            "北京上海重庆天津河北山西吉林黑龙江",
        ];
        for (id, list) in s.codelists.iter() {
            let d = list.data();
            for t in texts {
                let got: Vec<usize> = list
                    .mentioned_in(t)
                    .into_iter()
                    .map(|row| {
                        d.table
                            .rows
                            .iter()
                            .position(|r| std::ptr::eq(r, row))
                            .expect("row of the list")
                    })
                    .collect();
                assert_eq!(got, plain(list, t), "{id}: {t}");
            }
        }
    }
}

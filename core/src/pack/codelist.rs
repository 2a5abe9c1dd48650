//! Code lists (`standards/codelists/*.toml`): GB/T 2260 divisions, ISO 3166 countries,
//! nutrient names… Shared by all packs.
//!
//! File format: a `[list]` header (id, title, source, licence, key, columns) and `rows`,
//! an array of arrays in column order — compact enough for lists of thousands of rows.

use super::table::{toml_to_json, Table};
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
    rows: Vec<Vec<toml::Value>>,
}

/// A loaded code list.
#[derive(Debug, Clone)]
pub struct CodeList {
    pub meta: CodeListMeta,
    pub table: Table,
    /// (text, row) for every value of a match column, longest first: used to find the
    /// names a free text mentions.
    pub names: Vec<(String, usize)>,
    /// Indexes into `names` by first character, longest names first: finding the names a
    /// text mentions then costs one map probe per character, not one search per name.
    by_first: std::collections::HashMap<char, Vec<usize>>,
}

impl CodeList {
    pub fn parse(file: &str, text: &str) -> Result<CodeList, PackError> {
        let mut f: CodeListFile = toml::from_str(text).map_err(|e| {
            PackError::new(file, e.message().to_string())
                .at_line(e.span().map(|s| line_of(text, s.start)))
        })?;
        let raw_rows = std::mem::take(&mut f.list.rows);
        let cols = &f.list.columns;
        if !cols.contains(&f.list.key) {
            return Err(PackError::new(
                file,
                format!("key column `{}` is not among the columns", f.list.key),
            ));
        }
        let mut rows = Vec::with_capacity(raw_rows.len());
        let mut seen = std::collections::HashSet::new();
        for (i, r) in raw_rows.iter().enumerate() {
            if r.len() != cols.len() {
                return Err(PackError::new(
                    file,
                    format!(
                        "row {} has {} values for {} columns",
                        i + 1,
                        r.len(),
                        cols.len()
                    ),
                ));
            }
            let obj: serde_json::Map<_, _> = cols
                .iter()
                .cloned()
                .zip(r.iter().map(toml_to_json))
                .collect();
            let key = obj
                .get(&f.list.key)
                .map(|v| v.to_string())
                .unwrap_or_default();
            if !seen.insert(key.clone()) {
                return Err(PackError::new(
                    file,
                    format!("duplicate key {key} in row {}", i + 1),
                ));
            }
            rows.push(serde_json::Value::Object(obj));
        }
        let match_cols: Vec<String> = if f.list.match_columns.is_empty() {
            cols.iter().filter(|c| *c != &f.list.key).cloned().collect()
        } else {
            f.list.match_columns.clone()
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
        names.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(a.1.cmp(&b.1))
        });
        let table = Table::new(
            f.list.id.clone(),
            None,
            f.list.key.clone(),
            &match_cols,
            rows,
        );
        let mut by_first: std::collections::HashMap<char, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, (name, _)) in names.iter().enumerate() {
            if let Some(c) = name.chars().next() {
                by_first.entry(c).or_default().push(i);
            }
        }
        Ok(CodeList {
            meta: f.list,
            table,
            names,
            by_first,
        })
    }

    /// Entries whose names occur in `text`, in text order, each name match the longest one
    /// starting at its position, without overlaps.
    pub fn mentioned_in(&self, text: &str) -> Vec<&serde_json::Value> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let rest = &text[pos..];
            let Some(c) = rest.chars().next() else { break };
            let hit = self.by_first.get(&c).and_then(|cands| {
                cands
                    .iter()
                    .find(|&&i| rest.starts_with(self.names[i].0.as_str()))
            });
            match hit {
                Some(&i) => {
                    out.push(&self.table.rows[self.names[i].1]);
                    pos += self.names[i].0.len();
                }
                None => pos += c.len_utf8(),
            }
        }
        out
    }
}

/// 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset.min(text.len()))
        .map(|t| t.matches('\n').count() + 1)
        .unwrap_or(1)
}

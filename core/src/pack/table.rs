//! Data tables of a pack (thresholds, names, claim conditions) and code lists, with
//! indexed lookups.

use crate::expr::Val;
use serde_json::Value;
use std::collections::HashMap;

/// Rows as JSON objects plus an index from key (and alias) text to row.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub name: String,
    pub clause: Option<String>,
    pub key: String,
    pub rows: Vec<Value>,
    index: HashMap<String, usize>,
}

impl Table {
    /// Builds the index. The first row wins when two rows share a key or alias; duplicate
    /// keys are reported by the loader before this.
    pub fn new(
        name: String,
        clause: Option<String>,
        key: String,
        aliases: &[String],
        rows: Vec<Value>,
    ) -> Table {
        let mut index = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            for col in std::iter::once(&key).chain(aliases.iter()) {
                for text in key_texts(row.get(col)) {
                    index.entry(text).or_insert(i);
                }
            }
        }
        Table {
            name,
            clause,
            key,
            rows,
            index,
        }
    }

    /// The row whose key or alias equals `key` (numbers match their decimal text).
    pub fn find(&self, key: &Val<'_>) -> Option<&Value> {
        let i = match key {
            // Looked up as a borrowed slice: a text key costs no allocation.
            Val::Str(s) => self.index.get(s.trim()),
            Val::Num(d) => self.index.get(&d.normalize().to_string()),
            _ => return None,
        };
        i.map(|&i| &self.rows[i])
    }

    pub fn find_str(&self, key: &str) -> Option<&Value> {
        self.index.get(key.trim()).map(|&i| &self.rows[i])
    }

    /// `find_str`, else the row whose key or alias equals `key` ignoring ASCII case (`total
    /// fat`, `SODIUM`): for names as people type them. Scans the index, so only on a miss.
    pub fn find_str_any_case(&self, key: &str) -> Option<&Value> {
        let key = key.trim();
        self.find_str(key).or_else(|| {
            self.index
                .iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, &i)| i)
                .min()
                .map(|i| &self.rows[i])
        })
    }

    /// Keys of rows, in order, for duplicate detection.
    pub fn keys(&self) -> Vec<String> {
        self.rows
            .iter()
            .filter_map(|r| key_texts(r.get(&self.key)).into_iter().next())
            .collect()
    }
}

fn key_texts(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.trim().to_string()],
        Some(Value::Number(n)) => crate::expr::json_to_decimal(n)
            .map(|d| vec![d.normalize().to_string()])
            .unwrap_or_default(),
        Some(Value::Array(a)) => a.iter().flat_map(|x| key_texts(Some(x))).collect(),
        _ => Vec::new(),
    }
}

//! Code lists (`standards/codelists/*.toml`): GB/T 2260 divisions, ISO 3166 countries,
//! nutrient names… Shared by all packs.
//!
//! File format: a `[list]` header (id, title, source, licence, key, columns) and `rows`,
//! an array of arrays in column order — compact enough for lists of thousands of rows.

use super::table::FastMap;
#[cfg(doc)]
use super::table::Table;
use crate::error::PackError;
use crate::expr::Val;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;

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
///
/// Rows are kept as the arrays the file gives (column order) and turned into JSON objects
/// keyed by column only when a check first returns that row (`row`): opening GB/T 2260 for
/// the first origin lookup used to build 3 212 objects (a `BTreeMap` and six key strings
/// each) and a `Table` over them — 44 M instructions, a third of a first check — while a
/// label's addresses touch a handful of rows. An embedded list's cells are not even parsed:
/// they stay slices of the embedded JSON text (one JSON value each), and the index and the names
/// borrow their texts from it (a JSON string without escapes is its own text).
#[derive(Debug, Clone)]
struct Data {
    /// Column names, for turning a row into an object.
    columns: Vec<String>,
    /// Position of the key column and of the match columns (`None`: not a column, so it
    /// matches nothing, as a missing field of an object did).
    key_col: Option<usize>,
    match_cols: Vec<Option<usize>>,
    rows: Rows,
    /// Each row as an object keyed by column, built on first use.
    objects: Vec<std::sync::OnceLock<serde_json::Value>>,
    /// Key and match-column texts → first row with that text (as `Table`'s index: texts
    /// trimmed, numbers as normalised decimals). Built on the first lookup by key or name:
    /// an origin check only asks which names a text mentions.
    index: std::sync::OnceLock<FastMap<Cow<'static, str>, usize>>,
    /// The names of the match columns, built on the first `mentioned_in`.
    names: std::sync::OnceLock<Names>,
}

/// The names a free text can mention.
#[derive(Debug, Clone)]
struct Names {
    /// (text, row) for every value of a match column, longest first.
    list: Vec<(Cow<'static, str>, usize)>,
    /// Indexes into `list` by their first two characters (one-character names under
    /// `(c, None)`), longest names first: finding the names a text mentions then costs two
    /// map probes per character and a few comparisons, not a search per name (GB/T 2260
    /// has dozens of names starting with 新 or 南, far fewer with any two characters).
    by_prefix: FastMap<(char, Option<char>), Vec<usize>>,
}

/// The rows in column order.
#[derive(Debug, Clone)]
enum Rows {
    /// Cells of an embedded list, row after row (one value per column, as build.rs
    /// checked): slices of the build-time JSON text, each one JSON value, parsed when a row
    /// is returned. One vector for all cells, not one per row (3 212 vectors grown cell by
    /// cell were a fifth of reading GB/T 2260).
    Raw(Vec<&'static str>),
    /// Cells of a list read from TOML (TOML datetimes already plain text).
    Owned(Vec<Vec<serde_json::Value>>),
}

/// An embedded list's rows (`[[cell, …], …]`) as one vector of cell texts, row after row;
/// empty if the text is not an array of rows of `width` cells each (a build defect, caught by
/// the test that opens every embedded list).
///
/// The text is build.rs's own compact JSON, checked when it was written, so this only finds
/// where each cell starts and ends (strings with their escapes, nested arrays, scalars); a
/// cell is parsed by serde_json when it is read. Reading GB/T 2260's 19 000 cells through
/// serde_json's `RawValue` cost 6.5 M instructions, a seventh of a first check.
fn flat_rows(json: &'static str, width: usize) -> Vec<&'static str> {
    flat_cells(json, width).unwrap_or_default()
}

fn flat_cells(json: &'static str, width: usize) -> Option<Vec<&'static str>> {
    let b = json.as_bytes();
    let ws = |mut i: usize| {
        while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        i
    };
    let mut out = Vec::with_capacity(json.len() / 8);
    let mut i = ws(0);
    if b.get(i) != Some(&b'[') {
        return None;
    }
    i = ws(i + 1);
    if b.get(i) == Some(&b']') {
        return (ws(i + 1) == b.len()).then_some(out);
    }
    loop {
        if b.get(i) != Some(&b'[') {
            return None;
        }
        i += 1;
        let mut n = 0;
        loop {
            i = ws(i);
            let end = skip_value(b, i)?;
            out.push(json.get(i..end)?);
            n += 1;
            i = ws(end);
            match b.get(i) {
                Some(b',') => i += 1,
                Some(b']') => break,
                _ => return None,
            }
        }
        if n != width {
            return None;
        }
        i = ws(i + 1);
        match b.get(i) {
            Some(b',') => i = ws(i + 1),
            Some(b']') => break,
            _ => return None,
        }
    }
    (ws(i + 1) == b.len()).then_some(out)
}

/// The end of the JSON value starting at `i` (a string, an array or object, or a scalar).
fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    let skip_string = |mut i: usize| -> Option<usize> {
        // At the opening quote.
        i += 1;
        loop {
            match b.get(i)? {
                b'\\' => i += 2,
                b'"' => return Some(i + 1),
                _ => i += 1,
            }
        }
    };
    match b.get(i)? {
        b'"' => skip_string(i),
        b'[' | b'{' => {
            let mut depth = 0usize;
            loop {
                match b.get(i)? {
                    b'"' => {
                        i = skip_string(i)?;
                        continue;
                    }
                    b'[' | b'{' => depth += 1,
                    b']' | b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let start = i;
            while b
                .get(i)
                .is_some_and(|c| !matches!(c, b',' | b']' | b'}') && !c.is_ascii_whitespace())
            {
                i += 1;
            }
            (i > start).then_some(i)
        }
    }
}

/// What the indexes read of a cell.
enum Cell {
    Str(Cow<'static, str>),
    Num(serde_json::Number),
    List(Vec<Cell>),
    Other,
}

impl Cell {
    /// A cell of the embedded JSON: strings without escapes are borrowed.
    fn raw(t: &'static str) -> Cell {
        match t.as_bytes().first() {
            Some(b'"') => match t.get(1..t.len() - 1) {
                Some(inner) if !inner.contains('\\') => Cell::Str(Cow::Borrowed(inner)),
                _ => serde_json::from_str::<String>(t)
                    .map(|s| Cell::Str(Cow::Owned(s)))
                    .unwrap_or(Cell::Other),
            },
            Some(b'[') => serde_json::from_str::<Vec<&'static RawValue>>(t)
                .map(|a| Cell::List(a.into_iter().map(|c| Cell::raw(c.get())).collect()))
                .unwrap_or(Cell::Other),
            Some(b'-' | b'0'..=b'9') => serde_json::from_str::<serde_json::Number>(t)
                .map(Cell::Num)
                .unwrap_or(Cell::Other),
            _ => Cell::Other,
        }
    }

    /// A cell of a list read from TOML (texts copied).
    fn owned(v: &serde_json::Value) -> Cell {
        match v {
            serde_json::Value::String(s) => Cell::Str(Cow::Owned(s.clone())),
            serde_json::Value::Number(n) => Cell::Num(n.clone()),
            serde_json::Value::Array(a) => Cell::List(a.iter().map(Cell::owned).collect()),
            _ => Cell::Other,
        }
    }

    /// The index texts of a key or alias cell, in order (as `Table`'s index).
    fn key_texts(&self, f: &mut dyn FnMut(Cow<'static, str>)) {
        match self {
            Cell::Str(Cow::Borrowed(s)) => f(Cow::Borrowed(s.trim())),
            Cell::Str(Cow::Owned(s)) => f(Cow::Owned(s.trim().to_string())),
            Cell::Num(n) => {
                if let Some(d) = crate::expr::json_to_decimal(n) {
                    f(Cow::Owned(d.normalize().to_string()))
                }
            }
            Cell::List(a) => a.iter().for_each(|c| c.key_texts(f)),
            Cell::Other => {}
        }
    }
}

impl CodeList {
    pub fn parse(file: &str, text: &str) -> Result<CodeList, PackError> {
        let mut f: CodeListFile = super::source::parse_file(file, text)?;
        let mut raw_rows = std::mem::take(&mut f.list.rows);
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
        raw_rows
            .iter_mut()
            .flatten()
            .for_each(super::source::plain_json_in_place);
        check_rows(&f.list, &raw_rows).map_err(|m| PackError::new(file, m))?;
        let data = Data::build(&f.list, Rows::Owned(raw_rows));
        Ok(CodeList {
            meta: f.list,
            data: data.into(),
            deferred: None,
        })
    }

    fn data(&self) -> &Data {
        self.data.get_or_init(|| {
            // The embedded JSON is plain (build.rs writes datetimes as text) and its rows
            // were checked by build.rs (one value per column, unique keys).
            let cells = self
                .deferred
                .map(|json| flat_rows(json, self.meta.columns.len()))
                .unwrap_or_default();
            Data::build(&self.meta, Rows::Raw(cells))
        })
    }

    /// The key column's name.
    pub fn key(&self) -> &str {
        &self.meta.key
    }

    /// How many entries the list has.
    pub fn len(&self) -> usize {
        self.data().len()
    }

    /// Whether the list has no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entry whose key or match column equals `key` (numbers match their decimal
    /// text), as [`Table::find`].
    pub fn find(&self, key: &Val<'_>) -> Option<&serde_json::Value> {
        let d = self.data();
        let text = match key {
            Val::Str(s) => s.trim().to_string(),
            Val::Num(n) => n.normalize().to_string(),
            _ => return None,
        };
        d.index().get(text.as_str()).map(|&i| d.row(i))
    }

    /// As [`Table::find_str`].
    pub fn find_str(&self, key: &str) -> Option<&serde_json::Value> {
        let d = self.data();
        d.index().get(key.trim()).map(|&i| d.row(i))
    }

    /// As [`Table::find_str_any_case`]: `find_str`, else the entry whose key or match
    /// column equals `key` ignoring ASCII case (scans the index, so only on a miss).
    pub fn find_str_any_case(&self, key: &str) -> Option<&serde_json::Value> {
        let key = key.trim();
        self.find_str(key).or_else(|| {
            let d = self.data();
            d.index()
                .iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, &i)| i)
                .min()
                .map(|i| d.row(i))
        })
    }

    /// Entries whose names occur in `text`, in text order, each name match the longest one
    /// starting at its position, without overlaps.
    pub fn mentioned_in(&self, text: &str) -> Vec<&serde_json::Value> {
        self.mentioned_rows(text)
            .into_iter()
            .map(|i| self.data().row(i))
            .collect()
    }

    /// The row numbers behind [`CodeList::mentioned_in`].
    fn mentioned_rows(&self, text: &str) -> Vec<usize> {
        let d = self.data().names();
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
                        .find(|&&i| rest.starts_with(d.list[i].0.as_ref()))
                })
            };
            // Longer names first: every two-character-prefix name is longer than a
            // one-character one.
            let hit = second
                .and_then(|s| find((c, Some(s))))
                .or_else(|| find((c, None)));
            match hit {
                Some(&i) => {
                    out.push(d.list[i].1);
                    pos += d.list[i].0.len();
                }
                None => pos += c.len_utf8(),
            }
        }
        out
    }
}

/// Refuses a row of the wrong length and a repeated key (what build.rs checks for the
/// embedded lists).
fn check_rows(meta: &CodeListMeta, raw_rows: &[Vec<serde_json::Value>]) -> Result<(), String> {
    let cols = &meta.columns;
    let k = cols.iter().position(|c| *c == meta.key).unwrap_or(0);
    let mut seen = std::collections::HashSet::new();
    for (i, r) in raw_rows.iter().enumerate() {
        if r.len() != cols.len() {
            return Err(format!(
                "row {} has {} values for {} columns",
                i + 1,
                r.len(),
                cols.len()
            ));
        }
        let key = r[k].to_string();
        if !seen.insert(key.clone()) {
            return Err(format!("duplicate key {key} in row {}", i + 1));
        }
    }
    Ok(())
}

impl Data {
    fn build(meta: &CodeListMeta, rows: Rows) -> Data {
        let cols = &meta.columns;
        let match_cols: Vec<String> = if meta.match_columns.is_empty() {
            cols.iter().filter(|c| *c != &meta.key).cloned().collect()
        } else {
            meta.match_columns.clone()
        };
        let count = match &rows {
            Rows::Raw(cells) => cells.len() / cols.len().max(1),
            Rows::Owned(r) => r.len(),
        };
        let mut objects = Vec::new();
        objects.resize_with(count, std::sync::OnceLock::new);
        Data {
            columns: cols.clone(),
            key_col: cols.iter().position(|c| *c == meta.key),
            match_cols: match_cols
                .iter()
                .map(|c| cols.iter().position(|x| x == c))
                .collect(),
            rows,
            objects,
            index: std::sync::OnceLock::new(),
            names: std::sync::OnceLock::new(),
        }
    }

    fn len(&self) -> usize {
        self.objects.len()
    }

    /// What the indexes read of a cell.
    fn cell(&self, row: usize, col: Option<usize>) -> Cell {
        let Some(col) = col else { return Cell::Other };
        match &self.rows {
            Rows::Raw(cells) => cells
                .get(row * self.columns.len() + col)
                .map_or(Cell::Other, |c| Cell::raw(c)),
            Rows::Owned(r) => r[row].get(col).map_or(Cell::Other, Cell::owned),
        }
    }

    /// The key index (see `index`), built on first use.
    fn index(&self) -> &FastMap<Cow<'static, str>, usize> {
        self.index.get_or_init(|| {
            let mut index: FastMap<Cow<'static, str>, usize> = FastMap::default();
            index.reserve(self.len() * (1 + self.match_cols.len()));
            // Per row the key column, then the match columns; the first row wins.
            for i in 0..self.len() {
                for col in std::iter::once(self.key_col).chain(self.match_cols.iter().copied()) {
                    self.cell(i, col).key_texts(&mut |t| {
                        index.entry(t).or_insert(i);
                    });
                }
            }
            index
        })
    }

    /// The names (see `names`), built on first use.
    fn names(&self) -> &Names {
        self.names.get_or_init(|| {
            let mut list: Vec<(Cow<'static, str>, usize)> = Vec::new();
            for i in 0..self.len() {
                for &col in &self.match_cols {
                    // Non-empty texts of the match columns, untrimmed.
                    match self.cell(i, col) {
                        Cell::Str(s) if !s.is_empty() => list.push((s, i)),
                        Cell::List(a) => list.extend(a.into_iter().filter_map(|c| match c {
                            Cell::Str(s) if !s.is_empty() => Some((s, i)),
                            _ => None,
                        })),
                        _ => {}
                    }
                }
            }
            // Longest first (then row order); the key is computed once per name, not per
            // comparison.
            list.sort_by_cached_key(|(s, i)| (std::cmp::Reverse(s.chars().count()), *i));
            let mut by_prefix: FastMap<(char, Option<char>), Vec<usize>> = FastMap::default();
            for (i, (name, _)) in list.iter().enumerate() {
                let mut chars = name.chars();
                if let Some(c) = chars.next() {
                    by_prefix.entry((c, chars.next())).or_default().push(i);
                }
            }
            Names { list, by_prefix }
        })
    }

    /// Row `i` as an object keyed by column, built on first use.
    fn row(&self, i: usize) -> &serde_json::Value {
        self.objects[i].get_or_init(|| {
            let cells: Vec<serde_json::Value> = match &self.rows {
                // Scanned as JSON when the list was opened, so it parses.
                Rows::Raw(cells) => {
                    let w = self.columns.len();
                    cells
                        .get(i * w..(i + 1) * w)
                        .unwrap_or_default()
                        .iter()
                        .map(|c| serde_json::from_str(c).unwrap_or(serde_json::Value::Null))
                        .collect()
                }
                Rows::Owned(r) => r[i].clone(),
            };
            serde_json::Value::Object(self.columns.iter().cloned().zip(cells).collect())
        })
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
                match d
                    .names()
                    .list
                    .iter()
                    .find(|(n, _)| rest.starts_with(n.as_ref()))
                {
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
            for t in texts {
                let got = list.mentioned_rows(t);
                assert_eq!(got, plain(list, t), "{id}: {t}");
                let rows: Vec<&serde_json::Value> =
                    got.iter().map(|&i| list.data().row(i)).collect();
                assert_eq!(list.mentioned_in(t), rows, "{id}: {t}");
            }
        }
    }

    /// An embedded list (cells left as slices of its JSON, texts borrowed) and the same
    /// list read from its TOML text (cells parsed, texts owned) give the same rows, index
    /// and names.
    #[cfg(feature = "toml")]
    #[test]
    fn raw_and_parsed_rows_agree() {
        for (path, toml_text, _) in crate::embedded::EMBEDDED {
            if !path.starts_with("codelists/") || toml_text.is_empty() {
                continue;
            }
            let raw = super::CodeList::parse(path, toml_text).expect(path);
            assert!(raw.deferred.is_some(), "{path}");
            // Under another path the text is not an embedded file: read from TOML, eagerly.
            let copy = format!("{path}.copy");
            let owned = super::CodeList::parse(&copy, toml_text).expect(path);
            assert!(owned.deferred.is_none(), "{path}");
            let (r, o) = (raw.data(), owned.data());
            assert_eq!(r.len(), o.len(), "{path}");
            for i in 0..r.len() {
                assert_eq!(r.row(i), o.row(i), "{path} row {i}");
            }
            assert_eq!(r.index(), o.index(), "{path}");
            assert_eq!(r.names().list, o.names().list, "{path}");
            assert_eq!(r.names().by_prefix, o.names().by_prefix, "{path}");
        }
    }

    /// Cells are cut where serde_json would cut them; anything but an array of rows of
    /// `width` cells gives nothing.
    #[test]
    fn flat_cells_cut_like_serde() {
        let text = r#"[["a\"]b", [1, ["x,]"], {"k": "v]"}], -2.5e3, true, null],["", [], 0, false, "é\\"]]"#;
        let cells = super::flat_cells(text, 5).expect("cells");
        let want: Vec<Vec<serde_json::Value>> = serde_json::from_str(text).expect("json");
        let want: Vec<serde_json::Value> = want.into_iter().flatten().collect();
        let got: Vec<serde_json::Value> = cells
            .iter()
            .map(|c| serde_json::from_str(c).expect("one value"))
            .collect();
        assert_eq!(got, want);
        assert_eq!(super::flat_cells("[]", 3), Some(Vec::new()));
        assert_eq!(super::flat_cells(" [ ] ", 3), Some(Vec::new()));
        for bad in [
            "",
            "[",
            "[[1,2]",
            "[[1,2],]",
            "[[1,2]]x",
            "[[1,2,3]]",
            "[[1],[2,3]]",
            "[1,2]",
            r#"[["a]]"#,
            "[[,]]",
            "[[1,,2]]",
        ] {
            assert_eq!(super::flat_cells(bad, 2), None, "{bad}");
        }
    }
}

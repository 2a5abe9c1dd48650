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
/// An embedded list's rows stay as build-time text until a check first looks into the
/// list (GB/T 2260 alone is 3 212 rows; most labels never need it), so a cold start does
/// not pay for them. `build.rs` validates those rows (arity, unique keys) when it embeds
/// them, so the deferred read cannot find what the eager one would have refused.
#[derive(Debug, Clone)]
pub struct CodeList {
    pub meta: CodeListMeta,
    data: std::sync::OnceLock<Data>,
    /// An embedded list's rows: how many, and each column's cells (see [`Rows::Columns`]).
    deferred: Option<(usize, &'static [&'static str])>,
}

/// The rows and the indexes over them.
///
/// Rows are kept as the cells the file gives and turned into JSON objects keyed by column
/// only when a check first returns that row (`row`): opening GB/T 2260 for the first origin
/// lookup used to build 3 212 objects (a `BTreeMap` and six key strings each) and a `Table`
/// over them — 44 M instructions, a third of a first check — while a label's addresses touch
/// a handful of rows. An embedded list's cells are not even parsed: they stay slices of the
/// embedded text (one JSON value each), and the index and the names borrow their texts from
/// it (a JSON string without escapes is its own text).
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
///
/// Which name a text mentions at a position is the longest name the text continues with
/// there, the earliest row on a tie (two such names of one length are the same text), so a
/// map from each name's text to its first row answers it with a probe per candidate length;
/// the lengths names starting with a character have are kept per character, so a position
/// costs one probe for the character and one per length its names have. Building it is a
/// map insert per name — the sorted list of every name it replaces (GB/T 2260's 6 000 names
/// sorted longest first, then grouped by their first two characters) was most of the first
/// origin check.
#[derive(Debug, Clone, PartialEq)]
struct Names {
    /// Every non-empty text of the match columns (untrimmed) → the first row holding it.
    rows: FastMap<Cow<'static, str>, usize>,
    /// For a first character, bit `n - 1` is set when a name of `n` bytes (`n` ≤ 64) starts
    /// with it.
    lengths: FastMap<char, u64>,
    /// Names longer than 64 bytes with their first row, longest first (then by row): rare,
    /// tried one by one.
    long: Vec<(Cow<'static, str>, usize)>,
}

/// The rows in column order.
#[derive(Debug, Clone)]
enum Rows {
    /// Cells of an embedded list: per column, the text build.rs wrote (each cell as compact
    /// JSON, one a line), cut into cells on first use — an origin check reads only the name
    /// columns, a lookup only the key and match columns.
    Columns(Vec<Column>),
    /// Cells of a list read from TOML (TOML datetimes already plain text).
    Owned(Vec<Vec<serde_json::Value>>),
}

/// Where each line of `text` starts (`count`: the expected number of lines, for the
/// capacity).
///
/// Eight bytes at a time, keeping offsets only: a cell is a few bytes long, and
/// `str::split`'s per-call search set-up, then slicing each line as it was found, cost
/// more than the scan (a third of opening GB/T 2260's names).
fn line_starts(text: &str, count: usize) -> Vec<u32> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const NL: u64 = ONES * b'\n' as u64;
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(count);
    out.push(0);
    let mut words = b.chunks_exact(8);
    let mut i = 0;
    for w in &mut words {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(w);
        // A zero byte of `word ^ NL` is a line break.
        let x = u64::from_le_bytes(bytes) ^ NL;
        let mut found = x.wrapping_sub(ONES) & !x & HIGH;
        while found != 0 {
            let at = (found.trailing_zeros() / 8) as usize;
            // Every line break is flagged, but the borrow out of one can flag the byte
            // above it too: each hit is checked.
            if w[at] == b'\n' {
                out.push((i + at + 1) as u32);
            }
            found &= found - 1;
        }
        i += 8;
    }
    for (at, &c) in words.remainder().iter().enumerate() {
        if c == b'\n' {
            out.push((i + at + 1) as u32);
        }
    }
    out
}

/// One column of an embedded list (see [`Rows::Columns`]).
#[derive(Debug, Clone)]
struct Column {
    text: &'static str,
    /// Where each cell starts, found on first use.
    starts: std::sync::OnceLock<Vec<u32>>,
}

impl Column {
    fn new(text: &'static str) -> Column {
        Column {
            text,
            starts: std::sync::OnceLock::new(),
        }
    }

    /// Cell `k` of a column of `count` cells; `None` if the column does not have `count`
    /// lines (a build defect, caught by the test that opens every embedded list).
    fn cell(&self, count: usize, k: usize) -> Option<&'static str> {
        let starts = self.starts.get_or_init(|| {
            let starts = line_starts(self.text, count);
            if count > 0 && starts.len() == count {
                starts
            } else {
                Vec::new()
            }
        });
        let start = *starts.get(k)? as usize;
        let end = starts
            .get(k + 1)
            .map_or(self.text.len(), |&next| next as usize - 1);
        self.text.get(start..end)
    }
}

/// What the indexes read of a cell.
enum Cell {
    Str(Cow<'static, str>),
    Num(serde_json::Number),
    List(Vec<Cell>),
    Other,
}

/// The elements of a compact JSON array of strings and scalars (`["a","b\\"c",1]`, as
/// build.rs writes them), cut without a parser: serde_json took a fifth of opening a list
/// of array cells (GB 2760's names). `None` for anything else (a nested array or object, a
/// space), which serde_json then reads.
fn array_items(t: &'static str) -> Option<Vec<&'static str>> {
    let b = t.as_bytes();
    if b.first() != Some(&b'[') || b.last() != Some(&b']') {
        return None;
    }
    let mut out = Vec::new();
    let mut i = 1;
    if b.get(i) == Some(&b']') {
        return (i + 1 == b.len()).then_some(out);
    }
    loop {
        let start = i;
        if b.get(i) == Some(&b'"') {
            i += 1;
            loop {
                match b.get(i)? {
                    b'\\' => i += 2,
                    b'"' => break,
                    _ => i += 1,
                }
            }
            i += 1;
        } else {
            while !matches!(b.get(i)?, b',' | b']') {
                if matches!(b[i], b'[' | b'{' | b'"' | b' ') {
                    return None;
                }
                i += 1;
            }
            if i == start {
                return None;
            }
        }
        out.push(t.get(start..i)?);
        match b.get(i)? {
            b',' => i += 1,
            b']' => return (i + 1 == b.len()).then_some(out),
            _ => return None,
        }
    }
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
            Some(b'[') => match array_items(t) {
                Some(items) => Cell::List(items.into_iter().map(Cell::raw).collect()),
                None => serde_json::from_str::<Vec<&'static RawValue>>(t)
                    .map(|a| Cell::List(a.into_iter().map(|c| Cell::raw(c.get())).collect()))
                    .unwrap_or(Cell::Other),
            },
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
        let count = raw_rows.len();
        let data = Data::build(&f.list, Rows::Owned(raw_rows), count);
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
            let (count, texts) = self.deferred.unwrap_or((0, &[]));
            let columns = texts.iter().map(|&text| Column::new(text)).collect();
            Data::build(&self.meta, Rows::Columns(columns), count)
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
        // A text key is looked up as a borrowed slice (no allocation), as `Table::find`.
        let i = match key {
            Val::Str(s) => d.index().get(super::table::trim_key(s)),
            Val::Num(n) => d.index().get(n.normalize().to_string().as_str()),
            _ => return None,
        };
        i.map(|&i| d.row(i))
    }

    /// As [`Table::find_str`].
    pub fn find_str(&self, key: &str) -> Option<&serde_json::Value> {
        let d = self.data();
        d.index()
            .get(super::table::trim_key(key))
            .map(|&i| d.row(i))
    }

    /// As [`Table::find_str_any_case`]: `find_str`, else the entry whose key or match
    /// column equals `key` ignoring case — Unicode case, so `énergie` finds `Énergie` and
    /// `ΠΡΩΤΕΐΝΕΣ` finds `Πρωτεΐνες` (scans the index, so only on a miss).
    pub fn find_str_any_case(&self, key: &str) -> Option<&serde_json::Value> {
        let key = key.trim();
        self.find_str(key).or_else(|| {
            let d = self.data();
            let lower = key.to_lowercase();
            d.index()
                .iter()
                .filter(|(k, _)| {
                    k.eq_ignore_ascii_case(key) || (!k.is_ascii() && k.to_lowercase() == lower)
                })
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
            let long = d
                .long
                .iter()
                .find(|(name, _)| rest.starts_with(name.as_ref()))
                .map(|(name, row)| (name.len(), *row));
            let hit = long.or_else(|| {
                let mut mask = d.lengths.get(&c).copied().unwrap_or(0);
                // Longest first: the highest length bit left.
                while mask != 0 {
                    let n = 64 - mask.leading_zeros() as usize;
                    mask &= !(1u64 << (n - 1));
                    if let Some(&row) = rest.get(..n).and_then(|name| d.rows.get(name)) {
                        return Some((n, row));
                    }
                }
                None
            });
            match hit {
                Some((len, row)) => {
                    out.push(row);
                    pos += len;
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
    fn build(meta: &CodeListMeta, rows: Rows, count: usize) -> Data {
        let cols = &meta.columns;
        let match_cols: Vec<String> = if meta.match_columns.is_empty() {
            cols.iter().filter(|c| *c != &meta.key).cloned().collect()
        } else {
            meta.match_columns.clone()
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
            Rows::Columns(columns) => columns
                .get(col)
                .and_then(|c| c.cell(self.len(), row))
                .map_or(Cell::Other, Cell::raw),
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
            let mut names = Names {
                rows: FastMap::default(),
                lengths: FastMap::default(),
                long: Vec::new(),
            };
            names.rows.reserve(self.len() * self.match_cols.len());
            let mut add = |name: Cow<'static, str>, row: usize| {
                let (Some(c), n) = (name.chars().next(), name.len()) else {
                    return;
                };
                if n > 64 {
                    names.long.push((name, row));
                    return;
                }
                if let std::collections::hash_map::Entry::Vacant(e) = names.rows.entry(name) {
                    e.insert(row);
                    *names.lengths.entry(c).or_default() |= 1u64 << (n - 1);
                }
            };
            for i in 0..self.len() {
                for &col in &self.match_cols {
                    // Non-empty texts of the match columns, untrimmed.
                    match self.cell(i, col) {
                        Cell::Str(s) => add(s, i),
                        Cell::List(a) => a.into_iter().for_each(|c| {
                            if let Cell::Str(s) = c {
                                add(s, i)
                            }
                        }),
                        _ => {}
                    }
                }
            }
            // Longest first, then row order (stable).
            crate::order::sort_by_key(&mut names.long, |(s, _)| std::cmp::Reverse(s.len()));
            names
        })
    }

    /// Row `i` as an object keyed by column, built on first use.
    fn row(&self, i: usize) -> &serde_json::Value {
        self.objects[i].get_or_init(|| {
            let cells: Vec<serde_json::Value> = match &self.rows {
                // Scanned as JSON when the list was opened, so it parses.
                Rows::Columns(columns) => columns
                    .iter()
                    .map(|c| {
                        c.cell(self.len(), i)
                            .and_then(|t| serde_json::from_str(t).ok())
                            .unwrap_or(serde_json::Value::Null)
                    })
                    .collect(),
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
            // Every name with its row, longest first, then by row.
            let mut names: Vec<(String, usize)> = Vec::new();
            for i in 0..d.len() {
                for &col in &d.match_cols {
                    let mut texts = Vec::new();
                    match d.cell(i, col) {
                        super::Cell::Str(s) => texts.push(s.to_string()),
                        super::Cell::List(a) => {
                            texts.extend(a.into_iter().filter_map(|c| match c {
                                super::Cell::Str(s) => Some(s.to_string()),
                                _ => None,
                            }))
                        }
                        _ => {}
                    }
                    names.extend(texts.into_iter().filter(|t| !t.is_empty()).map(|t| (t, i)));
                }
            }
            crate::order::sort_by_key(&mut names, |(s, i)| {
                (std::cmp::Reverse(s.chars().count()), *i)
            });
            let mut out = Vec::new();
            let mut pos = 0;
            while pos < text.len() {
                let rest = &text[pos..];
                match names.iter().find(|(n, _)| rest.starts_with(n.as_str())) {
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
            assert_eq!(r.names(), o.names(), "{path}");
        }
    }

    /// Lines are cut where `str::split` cuts them, around multi-byte characters and at
    /// every position within a word.
    #[test]
    fn line_starts_like_str_split() {
        let mut texts = vec![
            String::new(),
            "\n".into(),
            "a".into(),
            "\n\n\n".into(),
            "\"北京市\"\n\"\"\n3\ntrue\n[\"a\",\"b\"]".into(),
        ];
        for n in 0..40 {
            texts.push(
                (0..n)
                    .map(|i| if i % 3 == 0 { "\n" } else { "é\u{b}x" })
                    .collect(),
            );
            texts.push(format!("{}\n{}", "x".repeat(n), "\u{b}".repeat(n)));
        }
        for t in texts {
            let want: Vec<&str> = t.split('\n').collect();
            let starts = super::line_starts(&t, 0);
            let got: Vec<&str> = (0..starts.len())
                .map(|k| {
                    let end = starts.get(k + 1).map_or(t.len(), |&n| n as usize - 1);
                    &t[starts[k] as usize..end]
                })
                .collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    /// Array cells are cut where serde_json would cut them, or left to serde_json.
    #[test]
    fn array_items_like_serde() {
        for t in [
            r#"[]"#,
            r#"["a"]"#,
            r#"["a","b\"],c","",1,-2.5e3,true,null]"#,
            r#"["é\\",["x"]]"#,
            r#"[{"k":1}]"#,
            r#"["a", "b"]"#,
            r#"["a"]x"#,
            r#"[,]"#,
            r#"["a",]"#,
        ] {
            let want = serde_json::from_str::<Vec<serde_json::Value>>(t).ok();
            match super::array_items(t) {
                Some(items) => {
                    let got: Vec<serde_json::Value> = items
                        .iter()
                        .map(|c| serde_json::from_str(c).expect("one value"))
                        .collect();
                    assert_eq!(Some(got), want, "{t}");
                }
                None => assert!(want.is_none() || t[1..].contains(['[', '{', ' ']), "{t}"),
            }
        }
    }
}

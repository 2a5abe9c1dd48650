//! Data tables of a pack (thresholds, names, claim conditions) and code lists, with
//! indexed lookups.

use crate::expr::Val;
use serde_json::Value;
use std::hash::{BuildHasherDefault, Hasher};

/// A hash map with the Fx hash (rustc's): a multiply and a rotate per 8 bytes, against
/// SipHash's dozens of rounds. The keys are pack and code-list data, never label input
/// (labels only look keys up), so flooding is not a concern; indexing GB/T 2260's 6 000
/// texts with SipHash was a tenth of opening the list.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The Fx hasher (see [`FastMap`]).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Rows as JSON objects plus an index from key (and alias) text to row.
///
/// A table of an embedded pack compiled on first use keeps its rows as the build-time JSON
/// text until something reads them (`Rows`), and every table builds its index on the first
/// lookup: a label reaches a few of a pack's tables (GB 7718-2011 has 22, GB 28050-2011 11),
/// and reading them all into `serde_json::Value` objects was the larger part of compiling a
/// pack. Packs read from files, and the eager compile of the embedded packs in the tests
/// (`Standards::compile_all`), read every row at load and check them (objects, keys present
/// and unique), so a deferred read cannot meet rows the loader would have refused.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub name: String,
    pub clause: Option<String>,
    pub key: String,
    pub rows: Rows,
    aliases: Vec<String>,
    /// Keys and lookups folded (see [`fold_key`]): the pack table's `fold = true`.
    fold: bool,
    index: std::sync::OnceLock<FastMap<String, usize>>,
    /// The words of the first column pair `words_in` read, by row, with the rows that have a
    /// word starting with each character: built on first use.
    words: std::sync::OnceLock<(String, String, WordIndex)>,
}

/// A table's words and exclusions by row for `words_in`, and each word by its first
/// character: a text is tried only against the rows one of whose words it holds, instead of
/// reading every row's cells from JSON and searching every word (GB 28050's claim_parts has
/// ≈ 80 rows and ≈ 300 words, searched once per claim).
#[derive(Debug, Clone, Default)]
pub(crate) struct WordIndex {
    pub words: Vec<Vec<String>>,
    pub excl: Vec<Vec<String>>,
    /// First character → (row, word) of every word starting with it.
    by_first: FastMap<char, Vec<(u32, u32)>>,
}

impl WordIndex {
    fn build(rows: &[Value], words_col: &str, excl_col: &str) -> WordIndex {
        let mut ix = WordIndex::default();
        for (i, row) in rows.iter().enumerate() {
            let words: Vec<String> = cell_texts(row, words_col)
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            for (k, w) in words.iter().enumerate() {
                if let Some(c) = w.chars().next() {
                    ix.by_first.entry(c).or_default().push((i as u32, k as u32));
                }
            }
            ix.words.push(words);
            ix.excl.push(
                cell_texts(row, excl_col)
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect(),
            );
        }
        ix
    }

    /// The rows (in table order) one of whose words occurs in `text` — before exclusions,
    /// which the caller applies to these rows only.
    pub fn candidates(&self, text: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for (at, c) in text.char_indices() {
            let Some(entries) = self.by_first.get(&c) else {
                continue;
            };
            let rest = &text[at..];
            for &(row, k) in entries {
                if out.last() != Some(&row)
                    && rest.starts_with(self.words[row as usize][k as usize].as_str())
                {
                    out.push(row);
                }
            }
        }
        crate::order::sort(&mut out);
        out.dedup();
        out
    }
}

/// A table's rows: JSON objects, read from the embedded pack's JSON on first use.
///
/// Dereferences to the rows, so `table.rows.iter()`, `table.rows[i]` and `&table.rows` in a
/// `for` loop read as they did when this was a plain vector.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    /// The rows' JSON (an array of objects, as build.rs wrote it), for a deferred table.
    raw: Option<&'static str>,
    parsed: std::sync::OnceLock<Vec<Value>>,
}

impl Rows {
    fn ready(rows: Vec<Value>) -> Rows {
        Rows {
            raw: None,
            parsed: std::sync::OnceLock::from(rows),
        }
    }
}

impl std::ops::Deref for Rows {
    type Target = Vec<Value>;
    #[inline]
    fn deref(&self) -> &Vec<Value> {
        match self.parsed.get() {
            Some(rows) => rows,
            None => self.read(),
        }
    }
}

impl Rows {
    #[cold]
    fn read(&self) -> &Vec<Value> {
        self.parsed.get_or_init(|| {
            // build.rs wrote this JSON from a table the eager compile in the tests reads and
            // checks; should it not read, the table is empty rather than a panic.
            self.raw
                .and_then(|json| serde_json::from_str(json).ok())
                .unwrap_or_default()
        })
    }
}

impl<'a> IntoIterator for &'a Rows {
    type Item = &'a Value;
    type IntoIter = std::slice::Iter<'a, Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Rows {
    fn eq(&self, other: &Rows) -> bool {
        **self == **other
    }
}

impl PartialEq<Vec<Value>> for Rows {
    fn eq(&self, other: &Vec<Value>) -> bool {
        **self == *other
    }
}

impl PartialEq<Rows> for Vec<Value> {
    fn eq(&self, other: &Rows) -> bool {
        *self == **other
    }
}

impl serde::Serialize for Rows {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

impl Table {
    /// A table over `rows`. The first row wins when two rows share a key or alias; duplicate
    /// keys are reported by the loader before this.
    pub fn new(
        name: String,
        clause: Option<String>,
        key: String,
        aliases: &[String],
        rows: Vec<Value>,
    ) -> Table {
        Table {
            name,
            clause,
            key,
            rows: Rows::ready(rows),
            aliases: aliases.to_vec(),
            fold: false,
            index: std::sync::OnceLock::new(),
            words: std::sync::OnceLock::new(),
        }
    }

    /// A table whose rows are read from `json` (an array of objects, as build.rs writes an
    /// embedded pack's tables) when first used.
    pub(crate) fn deferred(
        name: String,
        clause: Option<String>,
        key: String,
        aliases: &[String],
        json: &'static str,
    ) -> Table {
        Table {
            name,
            clause,
            key,
            rows: Rows {
                raw: Some(json),
                parsed: std::sync::OnceLock::new(),
            },
            aliases: aliases.to_vec(),
            fold: false,
            index: std::sync::OnceLock::new(),
            words: std::sync::OnceLock::new(),
        }
    }

    /// The word index of `words_col` / `excl_col` (see [`WordIndex`]), when they are the
    /// first pair `words_in` read from this table; None for another pair.
    pub(crate) fn word_index(&self, words_col: &str, excl_col: &str) -> Option<&WordIndex> {
        let (w, e, ix) = self.words.get_or_init(|| {
            (
                words_col.to_string(),
                excl_col.to_string(),
                WordIndex::build(&self.rows, words_col, excl_col),
            )
        });
        (w == words_col && e == excl_col).then_some(ix)
    }

    /// The same table matching keys folded when `fold` (a pack table's `fold = true`; see
    /// [`fold_key`]).
    pub(crate) fn folding(mut self, fold: bool) -> Table {
        self.fold = fold;
        self
    }

    /// Key and alias texts → first row, built on the first lookup.
    #[inline]
    fn index(&self) -> &FastMap<String, usize> {
        match self.index.get() {
            Some(index) => index,
            None => self.build_index(),
        }
    }

    #[cold]
    fn build_index(&self) -> &FastMap<String, usize> {
        self.index.get_or_init(|| {
            let mut index = FastMap::default();
            for (i, row) in self.rows.iter().enumerate() {
                for col in std::iter::once(&self.key).chain(self.aliases.iter()) {
                    for_each_key_text(row.get(col), &mut |text| {
                        let text = if self.fold { fold_key(&text) } else { text };
                        index.entry(text).or_insert(i);
                    });
                }
            }
            index
        })
    }

    /// The row whose key or alias equals `key` (numbers match their decimal text).
    #[inline]
    pub fn find(&self, key: &Val<'_>) -> Option<&Value> {
        let i = match key {
            Val::Str(s) if self.fold => self.index().get(&fold_key(s)),
            // Looked up as a borrowed slice: a text key costs no allocation.
            Val::Str(s) => self.index().get(trim_key(s)),
            Val::Num(d) => self.index().get(&d.normalize().to_string()),
            _ => return None,
        };
        i.map(|&i| &self.rows[i])
    }

    #[inline]
    pub fn find_str(&self, key: &str) -> Option<&Value> {
        let i = if self.fold {
            self.index().get(&fold_key(key))
        } else {
            self.index().get(trim_key(key))
        };
        i.map(|&i| &self.rows[i])
    }

    /// `find_str`, else the row whose key or alias equals `key` ignoring ASCII case (`total
    /// fat`, `SODIUM`): for names as people type them. Scans the index, so only on a miss.
    pub fn find_str_any_case(&self, key: &str) -> Option<&Value> {
        let key = key.trim();
        self.find_str(key).or_else(|| {
            self.index()
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

/// A key as a folding table (`fold = true`) indexes and looks it up: white space left out
/// (U+3000 too), full-width ASCII forms (U+FF01–U+FF5E: `％`, `（`, `，`, `０`…) read as ASCII,
/// and the ideographic full stop `。` as `.`. Printed sentences differ in nothing else
/// that the standard's wording cares about: `30 ％` and `30%` are one wording.
pub(crate) fn fold_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '。' => '.',
            _ => c,
        })
        .collect()
}

/// The texts of a cell that holds a string or a list of strings (a row's words, its
/// exclusions), in order; nothing for a cell of another kind.
pub(crate) fn cell_texts<'r>(row: &'r Value, col: &str) -> impl Iterator<Item = &'r str> {
    let (one, many) = match row.get(col) {
        Some(Value::String(w)) => (Some(w.as_str()), None),
        Some(Value::Array(a)) => (None, Some(a.iter().filter_map(Value::as_str))),
        _ => (None, None),
    };
    one.into_iter().chain(many.into_iter().flatten())
}

/// The index texts of a key or alias cell, in order, without collecting them.
pub(crate) fn for_each_key_text(v: Option<&Value>, f: &mut dyn FnMut(String)) {
    match v {
        Some(Value::String(s)) => f(s.trim().to_string()),
        Some(Value::Number(n)) => {
            if let Some(d) = crate::expr::json_to_decimal(n) {
                f(d.normalize().to_string())
            }
        }
        Some(Value::Array(a)) => a.iter().for_each(|x| for_each_key_text(Some(x), f)),
        _ => {}
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

/// `key.trim()`, answered from the two ends' bytes for most keys: a key that starts and ends
/// with a printable ASCII character or a character of the CJK block U+4E00–U+9FFF (lead bytes
/// E4–E9, which no white space has) has nothing to trim. A lookup key is trimmed at every
/// table and code-list lookup, and `str::trim` decodes both ends and asks Unicode each time.
#[inline]
pub(crate) fn trim_key(key: &str) -> &str {
    let plain = |b: u8| (b > b' ' && b < 0x80) || (0xE4..=0xE9).contains(&b);
    let b = key.as_bytes();
    // The last character's first byte: back over at most three continuation bytes.
    let last = b.iter().rev().take(4).find(|&&c| c & 0xC0 != 0x80).copied();
    match (b.first(), last) {
        (Some(&first), Some(last)) if plain(first) && plain(last) => key,
        _ => key.trim(),
    }
}

/// A pack's tables by name.
///
/// Kept sorted by name in one vector, so that a table also has a position: an expression's
/// table argument (`lookup('nrv', …)`) keeps the position it was last found at (see
/// [`Tables::get_hinted`]) and finds the table again with one comparison. As a
/// `BTreeMap<String, Table>`, every `lookup` / `in_table` call searched the map by name —
/// about a hundred searches of five or six string comparisons per label.
#[derive(Debug, Clone, Default)]
pub struct Tables(Vec<(String, Table)>);

impl Tables {
    pub fn new() -> Tables {
        Tables::default()
    }

    fn position(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(name))
    }

    pub fn get(&self, name: &str) -> Option<&Table> {
        self.position(name).ok().map(|i| &self.0[i].1)
    }

    /// `get`, trying first the position `slot` remembers (a hint: any value is safe, and a
    /// table found elsewhere moves it), as `Doc::get_hinted` does for label fields.
    pub fn get_hinted(&self, name: &str, slot: &std::sync::atomic::AtomicU32) -> Option<&Table> {
        use std::sync::atomic::Ordering::Relaxed;
        let hint = slot.load(Relaxed) as usize;
        if let Some((k, t)) = self.0.get(hint) {
            if crate::expr::same_name(k, name) {
                return Some(t);
            }
        }
        let i = self.position(name).ok()?;
        slot.store(u32::try_from(i).unwrap_or(0), Relaxed);
        self.0.get(i).map(|(_, t)| t)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_ok()
    }

    /// Adds or replaces the table called `name`, giving back the one it replaces.
    pub fn insert(&mut self, name: String, table: Table) -> Option<Table> {
        match self.position(&name) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, table)),
            Err(i) => {
                self.0.insert(i, (name, table));
                None
            }
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The tables in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Table)> {
        self.0.iter().map(|(k, t)| (k, t))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &Table> {
        self.0.iter().map(|(_, t)| t)
    }
}

/// `tables["name"]`, as the map this type replaced allowed: panics when the pack has no
/// such table (for tests and tools that know it has; checks use [`Tables::get`]).
impl std::ops::Index<&str> for Tables {
    type Output = Table;
    fn index(&self, name: &str) -> &Table {
        match self.get(name) {
            Some(t) => t,
            None => panic!("no table `{name}`"),
        }
    }
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The byte test never keeps white space `str::trim` would take off: over any
        /// characters, white space of every kind at either end included.
        #[test]
        fn trim_key_is_str_trim(
            inner in "\\PC{0,8}",
            lead in proptest::sample::select(vec!["", " ", "\u{3000}", "\u{a0}", "\t", "\u{2029}", "\u{85}", "a", "牛"]),
            tail in proptest::sample::select(vec!["", " ", "\u{3000}", "\u{a0}", "\n", "\u{1680}", "\u{205f}", "1", "肉"]),
        ) {
            let key = format!("{lead}{inner}{tail}");
            proptest::prop_assert_eq!(super::trim_key(&key), key.trim());
        }
    }

    /// A folding table finds a row whatever the spacing and the width of the text, and only
    /// then: a table without `fold` keeps exact (trimmed) keys.
    #[test]
    fn folding_tables_ignore_spacing_and_width() {
        let rows = vec![serde_json::json!({"id": "d4", "text": "脂肪不宜超过总能量的30%。"})];
        let t = |fold: bool| {
            super::Table::new(
                "t".into(),
                None,
                "id".into(),
                &["text".into()],
                rows.clone(),
            )
            .folding(fold)
        };
        for printed in [
            "脂肪不宜超过总能量的30%。",
            "脂肪不宜超过总能量的30 ％。",
            "脂肪不宜超过 总能量的３０%.",
            "\u{3000}脂肪不宜超过总能量的30%。 ",
        ] {
            assert!(t(true).find_str(printed).is_some(), "{printed}");
        }
        assert!(t(true).find_str("脂肪不宜超过总能量的25%。").is_none());
        assert!(t(false).find_str("脂肪不宜超过总能量的30 ％。").is_none());
        assert!(t(false).find_str(" 脂肪不宜超过总能量的30%。").is_some());
    }

    fn tables(names: &[&str]) -> super::Tables {
        let mut t = super::Tables::new();
        for n in names {
            let table = super::Table::new(n.to_string(), None, "id".into(), &[], vec![]);
            assert!(t.insert(n.to_string(), table).is_none());
        }
        t
    }

    /// A table is found by name whatever its hint says: a right hint, a stale one (the
    /// position of another table, or past the end, as when the same expression is read
    /// against a pack's gate tables and then its full tables), and the hint moves to
    /// where the table was found.
    #[test]
    fn tables_get_hinted_finds_by_name_whatever_the_hint() {
        use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
        let full = tables(&["nrv", "additives", "units", "claims"]);
        let gate = tables(&["units"]);
        let names: Vec<&String> = full.keys().collect();
        assert_eq!(names, ["additives", "claims", "nrv", "units"]);
        for hint in [0, 1, 2, 3, 4, 99, u32::MAX] {
            let slot = AtomicU32::new(hint);
            assert_eq!(
                full.get_hinted("nrv", &slot).map(|t| t.name.as_str()),
                Some("nrv")
            );
            assert_eq!(slot.load(Relaxed), 2);
            assert_eq!(
                gate.get_hinted("units", &slot).map(|t| t.name.as_str()),
                Some("units")
            );
            assert_eq!(slot.load(Relaxed), 0);
            assert!(gate.get_hinted("nrv", &slot).is_none());
            assert!(full.get_hinted("nr", &slot).is_none());
        }
        // `insert` replaces a table of the same name, giving the old one back.
        let mut t = tables(&["b", "a"]);
        let old = t.insert(
            "a".into(),
            super::Table::new("a2".into(), None, "id".into(), &[], vec![]),
        );
        assert_eq!(old.map(|t| t.name), Some("a".to_string()));
        assert_eq!((t.len(), t["a"].name.as_str()), (2, "a2"));
    }

    #[test]
    fn trim_key_examples() {
        for key in [
            "",
            " ",
            "牛肉",
            " 牛肉",
            "牛肉\u{3000}",
            "E 330",
            "e330 ",
            "\u{a0}x",
            "x\u{a0}",
            "é",
        ] {
            assert_eq!(super::trim_key(key), key.trim(), "{key:?}");
        }
    }
}

#[cfg(test)]
mod word_index_tests {
    use super::Table;

    /// The rows a text holds a word of, in table order, and no others.
    #[test]
    fn candidates_are_the_rows_whose_words_occur() {
        let mut rows = Vec::new();
        for i in 0..30 {
            rows.push(
                serde_json::json!({"id": format!("r{i}"), "words": [format!("词{i}号")], "x": []}),
            );
        }
        rows.push(
            serde_json::json!({"id": "low_fat", "words": ["低脂", "低脂肪"], "x": ["不是低脂"]}),
        );
        rows.push(serde_json::json!({"id": "high_ca", "words": ["高钙"], "x": []}));
        let t = Table::new("t".into(), None, "id".into(), &[], rows);
        let ix = t.word_index("words", "x").expect("first pair");
        assert_eq!(
            ix.candidates("高钙低脂"),
            vec![31, 30].into_iter().rev().collect::<Vec<u32>>()
        );
        assert_eq!(ix.candidates("词7号与词12号"), vec![7, 12]);
        assert!(ix.candidates("无关").is_empty());
        // Exclusions are the caller's: the row is still a candidate.
        assert_eq!(ix.candidates("不是低脂"), vec![30]);
        // Another column pair has no index.
        assert!(t.word_index("x", "words").is_none());
    }
}

//! `Doc`: the label as the rules read it.
//!
//! Rules name label fields by their JSON names (`label.nutrition.rows`, `item.percent`), so
//! the normalised label is given to the evaluator as a JSON-shaped tree. That tree used to be
//! a `serde_json::Value`, built with `serde_json::to_value`: every object key became an owned
//! `String` in a `BTreeMap`, which made the view a tenth of a check to build and another
//! twentieth to drop, and every field lookup a walk of string comparisons.
//!
//! `Doc` has the same shape and the same JSON (`to_json` gives exactly what `to_value` gave),
//! but a struct's keys are the `&'static str` names serde's derive hands the serializer, kept
//! in declaration order in one vector; only maps with keys from the input (`extensions`)
//! own their keys, sorted so that a lookup is a binary search. Numbers keep their JSON
//! form, so a value reported as `found` prints as it always did.
//!
//! A view lives in an [`Arena`] that the check owns: its nodes, lists and strings are
//! allocated by bumping a pointer and freed together with the arena, a few chunks, where
//! one allocation per object, list and string made building and dropping the view about a
//! sixth of a check. So a `Doc` owns nothing and needs no drop.

use bumpalo::collections::Vec as ArenaVec;
use serde::ser::{self, Serialize};
use serde_json::{Number, Value};
use std::fmt;

/// Where a view's nodes live: one per check (`Arena::new()` allocates nothing until the
/// view is built).
pub use bumpalo::Bump as Arena;

/// A JSON-shaped value of the label view, in an [`Arena`] (`'b`). See the module
/// documentation.
#[derive(Clone, Debug)]
pub enum Doc<'b> {
    Null,
    Bool(bool),
    Num(Number),
    Str(&'b str),
    Arr(&'b [Doc<'b>]),
    /// A struct's fields in declaration order, named by the struct's own `&'static`
    /// names; no key twice.
    Obj(&'b [(&'static str, Doc<'b>)]),
    /// A map's entries (keys from the input) sorted by key, no key twice (the last given
    /// wins, as in a JSON object read by serde_json).
    Map(&'b [(&'b str, Doc<'b>)]),
}

impl<'b> Doc<'b> {
    /// The view of a serialisable value (the normalised label), built in `arena`. Fails
    /// only where `serde_json::to_value` would: a map key that is not text or a number.
    pub fn of<T: Serialize + ?Sized>(value: &T, arena: &'b Arena) -> Result<Doc<'b>> {
        value.serialize(DocSerializer(arena))
    }

    /// The view of a JSON value (tests, fuzz targets, callers that hold JSON already): its
    /// strings borrowed, its lists and objects in `arena`.
    pub fn from_json(v: &'b Value, arena: &'b Arena) -> Doc<'b> {
        match v {
            Value::Null => Doc::Null,
            Value::Bool(b) => Doc::Bool(*b),
            Value::Number(n) => Doc::Num(n.clone()),
            Value::String(s) => Doc::Str(s),
            Value::Array(a) => {
                Doc::Arr(arena.alloc_slice_fill_iter(a.iter().map(|v| Doc::from_json(v, arena))))
            }
            // serde_json's map is sorted by key (no `preserve_order`), so the entries are
            // already in the order `Map` keeps.
            Value::Object(o) => Doc::Map(
                arena.alloc_slice_fill_iter(
                    o.iter()
                        .map(|(k, v)| (k.as_str(), Doc::from_json(v, arena))),
                ),
            ),
        }
    }

    /// The JSON this view stands for: what `serde_json::to_value` gives for the same value.
    pub fn to_json(&self) -> Value {
        match self {
            Doc::Null => Value::Null,
            Doc::Bool(b) => Value::Bool(*b),
            Doc::Num(n) => Value::Number(n.clone()),
            Doc::Str(s) => Value::String(s.to_string()),
            Doc::Arr(a) => Value::Array(a.iter().map(Doc::to_json).collect()),
            Doc::Obj(o) => Value::Object(
                o.iter()
                    .map(|(k, v)| (k.to_string(), v.to_json()))
                    .collect(),
            ),
            Doc::Map(o) => Value::Object(
                o.iter()
                    .map(|(k, v)| (k.to_string(), v.to_json()))
                    .collect(),
            ),
        }
    }

    /// The number of entries when the value is an object.
    pub fn object_len(&self) -> Option<usize> {
        match self {
            Doc::Obj(o) => Some(o.len()),
            Doc::Map(o) => Some(o.len()),
            _ => None,
        }
    }

    /// The entries when the value is an object, in the view's order.
    pub fn entries(&self) -> impl Iterator<Item = (&'b str, &'b Doc<'b>)> {
        let (obj, map) = match *self {
            Doc::Obj(o) => (Some(o), None),
            Doc::Map(o) => (None, Some(o)),
            _ => (None, None),
        };
        let obj = obj.into_iter().flatten().map(|(k, v)| (*k, v));
        let map = map.into_iter().flatten().map(|(k, v)| (*k, v));
        obj.chain(map)
    }

    pub fn as_array(&self) -> Option<&'b [Doc<'b>]> {
        match self {
            Doc::Arr(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&'b str> {
        match *self {
            Doc::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Doc::Obj(_) | Doc::Map(_))
    }

    /// A field of an object; `None` for a missing field or a value that is no object.
    pub fn get(&self, name: &str) -> Option<&'b Doc<'b>> {
        match *self {
            // A struct has a few dozen fields at most: a scan comparing lengths first
            // beats a search of comparisons.
            Doc::Obj(o) => o.iter().find(|(k, _)| same_name(k, name)).map(|(_, v)| v),
            Doc::Map(o) => o
                .binary_search_by(|(k, _)| (*k).cmp(name))
                .ok()
                .map(|i| &o[i].1),
            _ => None,
        }
    }

    /// `get`, trying the position `slot` holds first and keeping there the position found:
    /// a path's field name is looked up in objects of one struct type, where it mostly has
    /// the same position (an optional field skipped before it moves it: then the scan runs
    /// and the hint follows).
    pub fn get_hinted(
        &self,
        name: &str,
        slot: &std::sync::atomic::AtomicU32,
    ) -> Option<&'b Doc<'b>> {
        use std::sync::atomic::Ordering::Relaxed;
        let Doc::Obj(o) = *self else {
            return self.get(name);
        };
        // One load: another thread may move the hint between two (engines are shared).
        let hint = slot.load(Relaxed) as usize;
        let at = match o.get(hint) {
            Some((k, _)) if same_name(k, name) => hint,
            _ => {
                let i = o.iter().position(|(k, _)| same_name(k, name))?;
                slot.store(u32::try_from(i).unwrap_or(0), Relaxed);
                i
            }
        };
        o.get(at).map(|(_, v)| v)
    }

    /// Equality as JSON values (objects compare as sets of entries).
    pub fn json_eq(&self, other: &Doc<'_>) -> bool {
        match (self, other) {
            (Doc::Null, Doc::Null) => true,
            (Doc::Bool(a), Doc::Bool(b)) => a == b,
            (Doc::Num(a), Doc::Num(b)) => a == b,
            (Doc::Str(a), Doc::Str(b)) => a == b,
            (Doc::Arr(a), Doc::Arr(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.json_eq(y))
            }
            (a, b) => match (a.object_len(), b.object_len()) {
                (Some(x), Some(y)) => {
                    x == y
                        && a.entries()
                            .all(|(k, v)| b.get(k).is_some_and(|w| v.json_eq(w)))
                }
                _ => false,
            },
        }
    }

    /// Equality with a JSON value, as `json_eq` (a label list compared with a table's).
    pub fn eq_json(&self, other: &Value) -> bool {
        match (self, other) {
            (Doc::Null, Value::Null) => true,
            (Doc::Bool(a), Value::Bool(b)) => a == b,
            (Doc::Num(a), Value::Number(b)) => a == b,
            (Doc::Str(a), Value::String(b)) => **a == **b,
            (Doc::Arr(a), Value::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.eq_json(y))
            }
            (a, Value::Object(b)) if a.is_object() => {
                a.object_len() == Some(b.len())
                    && a.entries()
                        .all(|(k, v)| b.get(k).is_some_and(|w| v.eq_json(w)))
            }
            _ => false,
        }
    }
}

/// `a == b` for names (a field's, a variable's), without a call to `memcmp`: names are short,
/// and a lookup compares a few of them — the call was ≈ 6 % of a check, most of it for
/// names of a few bytes. Two loads that overlap cover every length up to 16; longer names
/// compare as slices.
#[inline]
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => word::<4>(a, 0) == word::<4>(b, 0) && word::<4>(a, n - 4) == word::<4>(b, n - 4),
        8..=16 => word::<8>(a, 0) == word::<8>(b, 0) && word::<8>(a, n - 8) == word::<8>(b, n - 8),
        _ => a == b,
    }
}

/// `N` bytes of `s` from `at`, as one value to compare (`same_name` keeps `at + N` within
/// `s`).
#[inline]
fn word<const N: usize>(s: &[u8], at: usize) -> [u8; N] {
    <[u8; N]>::try_from(&s[at..at + N]).unwrap_or([0; N])
}

/// Why a value could not be viewed (only a map key that is not text or a number).
#[derive(Debug)]
pub struct DocError(String);

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DocError {}

impl ser::Error for DocError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DocError(msg.to_string())
    }
}

macro_rules! integers {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Result<Doc<'b>> {
            Ok(Doc::Num(v.into()))
        }
    )*};
}

/// Serialises into a [`Doc`] in an arena, value for value as
/// `serde_json::value::Serializer` does.
#[derive(Clone, Copy)]
struct DocSerializer<'b>(&'b Arena);

type Result<T> = std::result::Result<T, DocError>;

impl<'b> ser::Serializer for DocSerializer<'b> {
    type Ok = Doc<'b>;
    type Error = DocError;
    type SerializeSeq = SeqBuilder<'b>;
    type SerializeTuple = SeqBuilder<'b>;
    type SerializeTupleStruct = SeqBuilder<'b>;
    type SerializeTupleVariant = VariantBuilder<SeqBuilder<'b>>;
    type SerializeMap = MapBuilder<'b>;
    type SerializeStruct = StructBuilder<'b>;
    type SerializeStructVariant = VariantBuilder<StructBuilder<'b>>;

    fn serialize_bool(self, v: bool) -> Result<Doc<'b>> {
        Ok(Doc::Bool(v))
    }
    // Every integer up to 64 bits is a JSON number as it is (`Number: From<i8…u64>`).
    integers! {
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64
    }
    fn serialize_i128(self, v: i128) -> Result<Doc<'b>> {
        if let Ok(u) = u64::try_from(v) {
            Ok(Doc::Num(u.into()))
        } else if let Ok(i) = i64::try_from(v) {
            Ok(Doc::Num(i.into()))
        } else {
            Err(DocError("number out of range".into()))
        }
    }
    fn serialize_u128(self, v: u128) -> Result<Doc<'b>> {
        u64::try_from(v)
            .map(|u| Doc::Num(u.into()))
            .map_err(|_| DocError("number out of range".into()))
    }
    fn serialize_f32(self, v: f32) -> Result<Doc<'b>> {
        Ok(match Value::from(v) {
            Value::Number(n) => Doc::Num(n),
            _ => Doc::Null,
        })
    }
    fn serialize_f64(self, v: f64) -> Result<Doc<'b>> {
        Ok(Number::from_f64(v).map_or(Doc::Null, Doc::Num))
    }
    fn serialize_char(self, v: char) -> Result<Doc<'b>> {
        Ok(Doc::Str(self.0.alloc_str(v.encode_utf8(&mut [0; 4]))))
    }
    fn serialize_str(self, v: &str) -> Result<Doc<'b>> {
        Ok(Doc::Str(self.0.alloc_str(v)))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Doc<'b>> {
        Ok(Doc::Arr(self.0.alloc_slice_fill_iter(
            v.iter().map(|b| Doc::Num((*b).into())),
        )))
    }
    fn serialize_none(self) -> Result<Doc<'b>> {
        Ok(Doc::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Doc<'b>> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Doc<'b>> {
        Ok(Doc::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Doc<'b>> {
        Ok(Doc::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Doc<'b>> {
        Ok(Doc::Str(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Doc<'b>> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Doc<'b>> {
        let inner = value.serialize(self)?;
        Ok(Doc::Obj(self.0.alloc([(variant, inner)])))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder<'b>> {
        Ok(SeqBuilder(ArenaVec::with_capacity_in(
            len.unwrap_or(0),
            self.0,
        )))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder<'b>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<SeqBuilder<'b>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantBuilder<SeqBuilder<'b>>> {
        Ok(VariantBuilder {
            variant,
            inner: SeqBuilder(ArenaVec::with_capacity_in(len, self.0)),
        })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapBuilder<'b>> {
        Ok(MapBuilder {
            entries: ArenaVec::with_capacity_in(len.unwrap_or(0), self.0),
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<StructBuilder<'b>> {
        Ok(StructBuilder(ArenaVec::with_capacity_in(len, self.0)))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantBuilder<StructBuilder<'b>>> {
        Ok(VariantBuilder {
            variant,
            inner: StructBuilder(ArenaVec::with_capacity_in(len, self.0)),
        })
    }
}

struct SeqBuilder<'b>(ArenaVec<'b, Doc<'b>>);

impl<'b> SeqBuilder<'b> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let doc = value.serialize(DocSerializer(self.0.bump()))?;
        self.0.push(doc);
        Ok(())
    }
}

/// A sequence, a tuple and a tuple struct are all a JSON array: one body, three traits.
macro_rules! seq_builder {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<'b> ser::$trait for SeqBuilder<'b> {
            type Ok = Doc<'b>;
            type Error = DocError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
                self.push(value)
            }
            fn end(self) -> Result<Doc<'b>> {
                Ok(Doc::Arr(self.0.into_bump_slice()))
            }
        }
    )*};
}

seq_builder!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

struct StructBuilder<'b>(ArenaVec<'b, (&'static str, Doc<'b>)>);

impl<'b> ser::SerializeStruct for StructBuilder<'b> {
    type Ok = Doc<'b>;
    type Error = DocError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        let doc = value.serialize(DocSerializer(self.0.bump()))?;
        self.0.push((key, doc));
        Ok(())
    }
    fn end(self) -> Result<Doc<'b>> {
        Ok(Doc::Obj(self.0.into_bump_slice()))
    }
}

/// `{variant: inner}`, as serde_json writes an enum variant with data.
struct VariantBuilder<B> {
    variant: &'static str,
    inner: B,
}

impl<'b> ser::SerializeTupleVariant for VariantBuilder<SeqBuilder<'b>> {
    type Ok = Doc<'b>;
    type Error = DocError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.inner.push(value)
    }
    fn end(self) -> Result<Doc<'b>> {
        let arena = self.inner.0.bump();
        Ok(Doc::Obj(arena.alloc([(
            self.variant,
            Doc::Arr(self.inner.0.into_bump_slice()),
        )])))
    }
}

impl<'b> ser::SerializeStructVariant for VariantBuilder<StructBuilder<'b>> {
    type Ok = Doc<'b>;
    type Error = DocError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        ser::SerializeStruct::serialize_field(&mut self.inner, key, value)
    }
    fn skip_field(&mut self, key: &'static str) -> Result<()> {
        ser::SerializeStruct::skip_field(&mut self.inner, key)
    }
    fn end(self) -> Result<Doc<'b>> {
        let arena = self.inner.0.bump();
        Ok(Doc::Obj(arena.alloc([(
            self.variant,
            Doc::Obj(self.inner.0.into_bump_slice()),
        )])))
    }
}

struct MapBuilder<'b> {
    entries: ArenaVec<'b, (&'b str, Doc<'b>)>,
    key: Option<&'b str>,
}

impl<'b> ser::SerializeMap for MapBuilder<'b> {
    type Ok = Doc<'b>;
    type Error = DocError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        // Map keys are rare in a label (`extensions`); serde_json's own value serializer
        // reads them, and text or a number is a key as it is for `to_value`.
        let text = match key.serialize(serde_json::value::Serializer) {
            Ok(Value::String(s)) => s,
            Ok(Value::Number(n)) => n.to_string(),
            Ok(Value::Bool(b)) => b.to_string(),
            Ok(_) => return Err(DocError("key must be a string".into())),
            Err(e) => return Err(DocError(e.to_string())),
        };
        self.key = Some(self.entries.bump().alloc_str(&text));
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| DocError("a map value without its key".into()))?;
        let doc = value.serialize(DocSerializer(self.entries.bump()))?;
        self.entries.push((key, doc));
        Ok(())
    }
    fn end(mut self) -> Result<Doc<'b>> {
        // Sorted by key with the last of equal keys kept: reversed, a stable sort puts the
        // last given first among equals, and `dedup_by` keeps the first of each run.
        self.entries.reverse();
        crate::order::sort_by(&mut self.entries, |a, b| a.0.cmp(b.0));
        self.entries.dedup_by(|a, b| a.0 == b.0);
        Ok(Doc::Map(self.entries.into_bump_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::{BTreeMap, HashMap};

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Wrapped(u8),
        Pair(u8, String),
        Shaped { a: f64, b: Option<bool> },
    }

    #[derive(Serialize)]
    struct Sample {
        name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        missing: Option<u32>,
        none: Option<u32>,
        small: f64,
        whole: f64,
        negative: i64,
        big: u64,
        not_finite: f64,
        letter: char,
        kinds: Vec<Kind>,
        map: HashMap<String, i32>,
        numbered: BTreeMap<u32, &'static str>,
        tuple: (u8, &'static str),
        #[serde(rename = "renamed-field")]
        renamed: (),
        extensions: serde_json::Map<String, Value>,
    }

    /// `Doc::of(x).to_json()` is `serde_json::to_value(x)`, for every shape serde makes.
    #[test]
    fn the_view_is_the_json_serde_json_writes() {
        let sample = Sample {
            name: "牛肉干".into(),
            missing: None,
            none: None,
            small: 3.8,
            whole: 5.0,
            negative: -7,
            big: u64::MAX,
            not_finite: f64::NAN,
            letter: 'é',
            kinds: vec![
                Kind::Plain,
                Kind::Wrapped(3),
                Kind::Pair(1, "x".into()),
                Kind::Shaped { a: 0.1, b: None },
            ],
            map: (0..40).map(|i| (format!("k{i}"), i)).collect(),
            numbered: [(10, "ten"), (2, "two")].into_iter().collect(),
            tuple: (1, "one"),
            renamed: (),
            extensions: serde_json::json!({"z": [1, {"y": null}], "a": "b"})
                .as_object()
                .cloned()
                .unwrap_or_default(),
        };
        let arena = Arena::new();
        let doc = Doc::of(&sample, &arena).expect("view");
        let json = serde_json::to_value(&sample).expect("json");
        assert_eq!(doc.to_json(), json);
        assert_eq!(doc.to_json().to_string(), json.to_string());
        // Lookups: struct fields, renamed fields, map keys (sorted), missing names.
        assert_eq!(doc.get("name").and_then(Doc::as_str), Some("牛肉干"));
        assert!(matches!(doc.get("renamed-field"), Some(Doc::Null)));
        assert!(doc.get("missing").is_none());
        let map = doc.get("map").expect("map");
        for i in 0..40 {
            let v = map.get(&format!("k{i}")).map(Doc::to_json);
            assert_eq!(v, Some(serde_json::json!(i)), "k{i}");
        }
        assert!(map.get("k40").is_none());
        assert_eq!(
            doc.get("numbered")
                .and_then(|m| m.get("10"))
                .and_then(Doc::as_str),
            Some("ten")
        );
        // A lookup through a position hint finds what `get` finds, whatever the hint held.
        let slot = std::sync::atomic::AtomicU32::new(7);
        for name in [
            "name",
            "missing",
            "none",
            "renamed-field",
            "kinds",
            "nothing",
            "name",
        ] {
            assert_eq!(
                doc.get_hinted(name, &slot).map(Doc::to_json),
                doc.get(name).map(Doc::to_json),
                "{name}"
            );
        }
        // The view of the JSON is the same view.
        let again = Doc::from_json(&json, &arena);
        assert!(again.json_eq(&doc) && doc.json_eq(&again));
        assert!(doc.eq_json(&json));
        assert_eq!(again.to_json(), json);
    }

    /// A hint shared by threads that look the same name up in objects where it sits at
    /// different positions (an engine is shared, and a path's hint with it) always finds
    /// the right field.
    #[test]
    fn a_shared_hint_never_gives_another_field() {
        let a_fields = [("x", Doc::Num(1.into()))];
        let b_fields = [("y", Doc::Num(2.into())), ("x", Doc::Num(3.into()))];
        let (a, b) = (Doc::Obj(&a_fields), Doc::Obj(&b_fields));
        let slot = std::sync::atomic::AtomicU32::new(0);
        std::thread::scope(|s| {
            for (doc, want) in [(&a, 1u64), (&b, 3), (&a, 1), (&b, 3)] {
                let slot = &slot;
                s.spawn(move || {
                    for _ in 0..200_000 {
                        let got = doc.get_hinted("x", slot).map(Doc::to_json);
                        assert_eq!(got, Some(serde_json::json!(want)));
                        assert!(doc.get_hinted("z", slot).is_none());
                    }
                });
            }
        });
    }

    /// `same_name` is `==`, at every length around its cases' edges, for strings that
    /// differ at any one byte.
    #[test]
    fn same_name_is_equality() {
        let base = "abcdefghijklmnopqrstuvwxyz0123456789";
        for n in 0..=base.len() {
            let a = &base[..n];
            // The same text at another address, too.
            let copy = String::from(a);
            assert!(same_name(a, a) && same_name(a, &copy));
            for i in 0..n {
                let mut b = a.as_bytes().to_vec();
                b[i] = b'_';
                let b = String::from_utf8(b).expect("ASCII");
                assert!(!same_name(a, &b), "{a} vs {b}");
            }
            if n > 0 {
                assert!(!same_name(a, &base[..n - 1]) && !same_name(&base[..n - 1], a));
            }
        }
        assert!(same_name("营养成分", "营养成分") && !same_name("营养成分", "营养成份"));
    }

    proptest::proptest! {
        #[test]
        fn same_name_agrees_with_eq(a in "[a-c_]{0,20}", b in "[a-c_]{0,20}") {
            proptest::prop_assert_eq!(same_name(&a, &b), a == b);
        }
    }

    #[test]
    fn the_last_of_a_repeated_map_key_wins_as_in_serde_json() {
        struct Repeated;
        impl Serialize for Repeated {
            fn serialize<S: ser::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                use ser::SerializeMap;
                let mut m = s.serialize_map(None)?;
                m.serialize_entry("b", &1)?;
                m.serialize_entry("a", &2)?;
                m.serialize_entry("b", &3)?;
                m.serialize_entry("a", &4)?;
                m.serialize_entry("c", &5)?;
                m.end()
            }
        }
        let arena = Arena::new();
        let doc = Doc::of(&Repeated, &arena).expect("view");
        assert_eq!(
            doc.to_json(),
            serde_json::to_value(&Repeated).expect("json")
        );
        assert_eq!(doc.to_json(), serde_json::json!({"a": 4, "b": 3, "c": 5}));
    }

    #[test]
    fn equality_is_json_equality() {
        let arena = Arena::new();
        let json = [
            serde_json::json!({"x": [1, 2.5, "t"], "y": {"z": null}}),
            serde_json::json!({"y": {"z": null}, "x": [1, 2.5, "t"]}),
            serde_json::json!({"x": [1, 2.5, "t"], "y": {"z": 0}}),
            serde_json::json!(1),
        ];
        let [a, b, c, one] = json.each_ref().map(|j| Doc::from_json(j, &arena));
        assert!(a.json_eq(&b));
        assert!(!a.json_eq(&c));
        assert!(!a.eq_json(&serde_json::json!({"x": [1, 2.5, "t"]})));
        // 1 and 1.0 differ as JSON numbers, as they do for `serde_json::Value`.
        assert!(!one.eq_json(&serde_json::json!(1.0)));
    }
}

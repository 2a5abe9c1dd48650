//! Runtime values of the expression language.

use super::doc::Doc;
use crate::date::Date;
use rust_decimal::Decimal;
use serde_json::Value;
use std::borrow::Cow;
use std::str::FromStr;

/// A value during evaluation. Label data is borrowed, never copied: field access on a JSON
/// object yields `Json` pointing into the label.
#[derive(Clone, Debug)]
pub enum Val<'a> {
    Null,
    Bool(bool),
    Num(Decimal),
    Str(Cow<'a, str>),
    Date(Date),
    List(ValList<'a>),
    /// An array or object inside a table.
    Json(&'a Value),
    /// An array or object inside the label.
    Doc(&'a Doc<'a>),
}

/// The elements of a list value. A list drops its elements out of line (`Drop` below), so
/// that dropping a `Val` — some seven thousand temporaries per label, nearly all of them
/// numbers, text borrowed from the label, or references — is a few inlined instructions
/// rather than a call: a `Vec<Val>` inside `Val` made its drop recursive, and the compiler
/// kept it out of line for every value.
#[derive(Clone, Debug, Default)]
pub struct ValList<'a>(std::mem::ManuallyDrop<Vec<Val<'a>>>);

impl<'a> ValList<'a> {
    pub fn new(items: Vec<Val<'a>>) -> Self {
        ValList(std::mem::ManuallyDrop::new(items))
    }
}

impl<'a> std::ops::Deref for ValList<'a> {
    type Target = [Val<'a>];
    fn deref(&self) -> &[Val<'a>] {
        &self.0
    }
}

impl<'a> FromIterator<Val<'a>> for ValList<'a> {
    fn from_iter<I: IntoIterator<Item = Val<'a>>>(iter: I) -> Self {
        ValList::new(iter.into_iter().collect())
    }
}

impl Drop for ValList<'_> {
    #[inline(never)]
    fn drop(&mut self) {
        // SAFETY: the vector is dropped here, once, and the list is never used again.
        unsafe { std::mem::ManuallyDrop::drop(&mut self.0) }
    }
}

/// The elements of a list value (see [`Val::elements`]).
pub enum Elements<'v, 'a> {
    Json(std::slice::Iter<'a, Value>),
    Doc(std::slice::Iter<'a, Doc<'a>>),
    List(std::slice::Iter<'v, Val<'a>>),
    Empty,
}

impl<'a> Iterator for Elements<'_, 'a> {
    type Item = Val<'a>;

    fn next(&mut self) -> Option<Val<'a>> {
        match self {
            Elements::Json(i) => i.next().map(Val::from_json),
            Elements::Doc(i) => i.next().map(Val::from_doc),
            Elements::List(i) => i.next().cloned(),
            Elements::Empty => None,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match self {
            Elements::Json(i) => i.len(),
            Elements::Doc(i) => i.len(),
            Elements::List(i) => i.len(),
            Elements::Empty => 0,
        };
        (n, Some(n))
    }
}

impl ExactSizeIterator for Elements<'_, '_> {}

/// Converts a JSON number to an exact decimal.
///
/// Integers convert exactly. Floats go through their shortest round-trip text (Rust's `{}`),
/// so a label's `3.8` becomes exactly `3.8`, not `3.79999…`. Values outside the decimal range
/// (about ±7.9e28) give `None`; the label parser rejects them before rules run.
pub fn json_to_decimal(n: &serde_json::Number) -> Option<Decimal> {
    if let Some(i) = n.as_i64() {
        return Some(Decimal::from(i));
    }
    if let Some(u) = n.as_u64() {
        return Some(Decimal::from(u));
    }
    let f = n.as_f64()?;
    if !f.is_finite() || f.abs() > 1e27 {
        return None;
    }
    short_decimal(f).or_else(|| Decimal::from_str(&format!("{f}")).ok())
}

/// The fast path of `json_to_decimal` for the common case (a few decimal places): the
/// decimal with the fewest fractional digits that reads back as `f` — the same value Rust's
/// shortest round-trip text gives, without formatting and parsing a string. `None` (zero,
/// or more than 9 places or 15 digits) falls back to the text path.
fn short_decimal(f: f64) -> Option<Decimal> {
    const POW10: [f64; 10] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
    if f == 0.0 {
        return None;
    }
    for (scale, p) in POW10.iter().enumerate() {
        let m = (f * p).round();
        if m.abs() >= 1e15 {
            return None;
        }
        // `m` and `p` are exact, so `m / p` is the double nearest to the decimal m·10⁻ˢ:
        // equal to `f` means that decimal reads back as `f`.
        if m / p == f {
            return Some(Decimal::new(m as i64, scale as u32));
        }
    }
    None
}

impl<'a> Val<'a> {
    /// Turns a borrowed JSON node into the most specific value.
    pub fn from_json(v: &'a Value) -> Val<'a> {
        match v {
            Value::Null => Val::Null,
            Value::Bool(b) => Val::Bool(*b),
            Value::Number(n) => json_to_decimal(n).map(Val::Num).unwrap_or(Val::Null),
            Value::String(s) => Val::Str(Cow::Borrowed(s.as_str())),
            _ => Val::Json(v),
        }
    }

    /// Turns a node of the label view into the most specific value.
    pub fn from_doc(v: &'a Doc<'a>) -> Val<'a> {
        match v {
            Doc::Null => Val::Null,
            Doc::Bool(b) => Val::Bool(*b),
            Doc::Num(n) => json_to_decimal(n).map(Val::Num).unwrap_or(Val::Null),
            Doc::Str(s) => Val::Str(Cow::Borrowed(s)),
            _ => Val::Doc(v),
        }
    }

    /// Is the value a list (of the language, the label or a table)?
    pub fn is_list(&self) -> bool {
        matches!(
            self,
            Val::List(_) | Val::Json(Value::Array(_)) | Val::Doc(Doc::Arr(_))
        )
    }

    /// The number of elements when the value is a list.
    pub fn list_len(&self) -> Option<usize> {
        match self {
            Val::List(l) => Some(l.len()),
            Val::Json(Value::Array(a)) => Some(a.len()),
            Val::Doc(Doc::Arr(a)) => Some(a.len()),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Val::Null)
    }

    /// Truthiness for `and`/`or`/`not` and `when`: only `true` is true.
    pub fn truthy(&self) -> bool {
        matches!(self, Val::Bool(true))
    }

    pub fn as_num(&self) -> Option<Decimal> {
        match self {
            Val::Num(d) => Some(*d),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Is the value present in the sense of a "required" field: not null, not blank text,
    /// not an empty list or object.
    pub fn is_present(&self) -> bool {
        match self {
            Val::Null => false,
            Val::Str(s) => !s.trim().is_empty(),
            Val::List(l) => !l.is_empty(),
            Val::Json(Value::Array(a)) => !a.is_empty(),
            Val::Json(Value::Object(o)) => !o.is_empty(),
            Val::Doc(Doc::Arr(a)) => !a.is_empty(),
            Val::Doc(d) => d.object_len().is_none_or(|n| n > 0),
            _ => true,
        }
    }

    /// Field access: `x.name`.
    pub fn field(&self, name: &str) -> Val<'a> {
        match self {
            Val::Json(Value::Object(o)) => o.get(name).map(Val::from_json).unwrap_or(Val::Null),
            Val::Doc(d) => d.get(name).map(Val::from_doc).unwrap_or(Val::Null),
            _ => Val::Null,
        }
    }

    /// `field`, for the elements of one list, which are objects of one struct type: the
    /// position `hint` holds is tried first and keeps the position found (see
    /// `Doc::get_hinted`), so a name is not searched for among the fields of each element.
    pub fn field_hinted(&self, name: &str, hint: &std::sync::atomic::AtomicU32) -> Val<'a> {
        match self {
            Val::Doc(d) => d
                .get_hinted(name, hint)
                .map(Val::from_doc)
                .unwrap_or(Val::Null),
            other => other.field(name),
        }
    }

    /// Elements when the value is a list (none otherwise), one by one: collecting them
    /// for every `in`, `count` or `sum` was an allocation per call.
    pub fn elements(&self) -> Elements<'_, 'a> {
        match self {
            Val::Json(Value::Array(a)) => Elements::Json(a.iter()),
            Val::Doc(Doc::Arr(a)) => Elements::Doc(a.iter()),
            Val::List(l) => Elements::List(l.iter()),
            _ => Elements::Empty,
        }
    }

    /// Equality used by `==`, `in`, and lookups: numbers by value, text by content.
    pub fn loose_eq(&self, other: &Val<'_>) -> bool {
        match (self, other) {
            (Val::Null, Val::Null) => true,
            (Val::Bool(a), Val::Bool(b)) => a == b,
            (Val::Num(a), Val::Num(b)) => a == b,
            (Val::Str(a), Val::Str(b)) => a == b,
            (Val::Date(a), Val::Date(b)) => a == b,
            (Val::Json(a), Val::Json(b)) => a == b,
            (Val::Doc(a), Val::Doc(b)) => a.json_eq(b),
            (Val::Doc(a), Val::Json(b)) | (Val::Json(b), Val::Doc(a)) => a.eq_json(b),
            (Val::List(a), Val::List(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.loose_eq(y))
            }
            _ => false,
        }
    }

    /// A JSON rendering, used for `expected` / `found` in findings.
    pub fn to_json(&self) -> Value {
        match self {
            Val::Null => Value::Null,
            Val::Bool(b) => Value::Bool(*b),
            Val::Num(d) => decimal_to_json(*d),
            Val::Str(s) => Value::String(s.to_string()),
            Val::Date(d) => Value::String(d.to_string()),
            Val::List(l) => Value::Array(l.iter().map(Val::to_json).collect()),
            Val::Json(v) => (*v).clone(),
            Val::Doc(v) => v.to_json(),
        }
    }

    /// Text for message templates: decimals without trailing zeros, text as is.
    pub fn display(&self) -> String {
        match self {
            Val::Null => "—".to_string(),
            Val::Bool(b) => b.to_string(),
            Val::Num(d) => d.normalize().to_string(),
            Val::Str(s) => s.to_string(),
            Val::Date(d) => d.to_string(),
            Val::List(l) => l.iter().map(Val::display).collect::<Vec<_>>().join("、"),
            Val::Json(v) => v.to_string(),
            Val::Doc(v) => v.to_json().to_string(),
        }
    }
}

/// Renders a decimal as a JSON number when it round-trips, else as a string.
pub fn decimal_to_json(d: Decimal) -> Value {
    let d = d.normalize();
    if d.scale() == 0 {
        if let Ok(i) = i64::try_from(d.mantissa()) {
            return Value::from(i);
        }
    }
    // The common case without text (a label's every decimal is written into its view):
    // `m / 10ˢ` with both exact is the double nearest to the decimal, the one its text
    // parses to, and that double's shortest text is the decimal's own exactly when
    // `short_decimal` gives the decimal back.
    const POW10: [f64; 10] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
    if let (Some(p), true) = (
        POW10.get(d.scale() as usize),
        d.mantissa().unsigned_abs() < 1_000_000_000_000_000,
    ) {
        let f = d.mantissa() as f64 / p;
        if let Some(back) = short_decimal(f) {
            if back.mantissa() == d.mantissa() && back.scale() == d.scale() {
                return Value::from(f);
            }
        }
    }
    decimal_to_json_by_text(d)
}

/// `decimal_to_json` by the decimal's text: a number when the text reads back unchanged.
fn decimal_to_json_by_text(d: Decimal) -> Value {
    let text = d.to_string();
    match text.parse::<f64>() {
        Ok(f) if format!("{f}") == text => Value::from(f),
        _ => Value::String(text),
    }
}

#[cfg(test)]
mod fast_decimal_tests {
    use super::*;

    /// A xorshift generator: reproducible numbers for the comparisons below.
    fn xorshift(mut x: u64) -> impl FnMut() -> u64 {
        move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        }
    }

    /// The fast path of `decimal_to_json` gives what the text path gives.
    #[test]
    fn decimal_to_json_equals_the_text_path() {
        let mut next = xorshift(0x2545_F491_4F6C_DD1D);
        for i in 0..200_000u64 {
            let m = match i % 4 {
                0 => (next() % 100_000) as i64,
                1 => (next() % 10_000_000_000_000_000) as i64,
                2 => -((next() % 1_000_000_000) as i64),
                _ => next() as i64,
            };
            let d = Decimal::new(m, (next() % 13) as u32).normalize();
            let slow = if d.scale() == 0 && i64::try_from(d.mantissa()).is_ok() {
                decimal_to_json(d)
            } else {
                decimal_to_json_by_text(d)
            };
            let fast = decimal_to_json(d);
            assert_eq!(fast, slow, "{d}");
            assert_eq!(fast.to_string(), slow.to_string(), "{d}");
        }
        assert_eq!(decimal_to_json(Decimal::new(38, 1)), serde_json::json!(3.8));
        assert_eq!(decimal_to_json(Decimal::new(5, 0)), serde_json::json!(5));
    }

    /// The fast path gives exactly the decimal (mantissa and scale) of the text path.
    #[test]
    fn short_decimal_equals_the_text_path() {
        let mut next = xorshift(0x9E37_79B9_7F4A_7C15);
        let mut checked = 0;
        for i in 0..200_000u64 {
            let f = match i % 3 {
                // Label-like numbers: up to 12 integer digits, 0–9 places.
                0 => {
                    let places = (next() % 10) as i32;
                    let digits = next() % 1_000_000_000_000;
                    digits as f64 / 10f64.powi(places)
                }
                1 => (next() % 100_000) as f64 / 100.0 - 500.0,
                // Any double in range.
                _ => f64::from_bits(next()),
            };
            if !f.is_finite() || f.abs() > 1e27 {
                continue;
            }
            let slow = Decimal::from_str(&format!("{f}")).ok();
            if let Some(fast) = short_decimal(f) {
                let slow = slow.expect("text path parses");
                assert_eq!(
                    (fast.mantissa(), fast.scale()),
                    (slow.mantissa(), slow.scale()),
                    "{f}"
                );
                checked += 1;
            }
        }
        assert!(checked > 60_000, "{checked}");
        for f in [
            0.1,
            0.2,
            0.3,
            45.6,
            1e-9,
            123456.789,
            -3.8,
            7.5,
            99999999999999.9,
        ] {
            let slow = Decimal::from_str(&format!("{f}")).expect("text");
            let fast = short_decimal(f).unwrap_or(slow);
            assert_eq!(
                (fast.mantissa(), fast.scale()),
                (slow.mantissa(), slow.scale()),
                "{f}"
            );
        }
    }
}

//! `Dec`: an exact decimal as it appears in label JSON.

use crate::expr::json_to_decimal;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The largest magnitude a label number may have. Nothing printed on a package comes near
/// it; anything beyond is a data error (a spreadsheet cell pasted into the wrong field),
/// reported with its path instead of being carried into arithmetic.
pub const MAX_LABEL_NUMBER: i64 = 1_000_000_000_000;

/// An exact decimal number from the label. Accepts JSON numbers and numeric strings
/// (`"3.8"`), so values copied from a spreadsheet as text still parse; rejects
/// non-finite, negative and absurdly large values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dec(pub Decimal);

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::expr::Val::Num(self.0).to_json().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Dec {
    /// A visitor rather than "read a `Value`, then judge it": an error raised inside the
    /// visitor gets serde_json's position right after the offending value, which is how
    /// `label::json_pointer` finds its JSON pointer (an error raised after the visitor
    /// returns would be placed after the enclosing object).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DecVisitor)
    }
}

struct DecVisitor;

impl DecVisitor {
    fn judge<E: serde::de::Error>(
        dec: Option<Decimal>,
        shown: &dyn Fn() -> String,
    ) -> Result<Dec, E> {
        let dec = dec.ok_or_else(|| E::custom(format!("`{}` is not a usable number", shown())))?;
        if dec.is_sign_negative() && !dec.is_zero() {
            return Err(E::custom(format!(
                "`{dec}` is negative, and a quantity on a label cannot be negative (a decrease, \
                 such as a claim's change_percent, is given as a positive number)"
            )));
        }
        if dec > Decimal::from(MAX_LABEL_NUMBER) {
            return Err(E::custom(format!(
                "`{dec}` is larger than {MAX_LABEL_NUMBER}"
            )));
        }
        Ok(Dec(dec))
    }

    fn wrong<E: serde::de::Error>(kind: &str) -> E {
        E::custom(format!("expected a number, found {kind}"))
    }
}

impl<'de> serde::de::Visitor<'de> for DecVisitor {
    type Value = Dec;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number or a numeric string")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Dec, E> {
        let n = serde_json::Number::from(v);
        Self::judge(json_to_decimal(&n), &|| n.to_string())
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Dec, E> {
        let n = serde_json::Number::from(v);
        Self::judge(json_to_decimal(&n), &|| n.to_string())
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Dec, E> {
        match serde_json::Number::from_f64(v) {
            Some(n) => Self::judge(json_to_decimal(&n), &|| n.to_string()),
            None => Err(Self::wrong("a number that is not finite")),
        }
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Dec, E> {
        // Plain decimal notation only: `Decimal::from_str` would also take `1_000`.
        let t = v.trim();
        let plain = {
            let body = t.strip_prefix(['-', '+']).unwrap_or(t);
            let (int, frac) = body.split_once('.').unwrap_or((body, ""));
            !(int.is_empty() && frac.is_empty())
                && int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
        };
        Self::judge(plain.then(|| t.parse::<Decimal>().ok()).flatten(), &|| {
            serde_json::Value::String(v.to_string()).to_string()
        })
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Dec, E> {
        Err(Self::wrong("a boolean"))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Dec, E> {
        Err(Self::wrong("null"))
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Dec, E> {
        Err(Self::wrong("null"))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Dec, A::Error> {
        // Read to the end, so the error's position is after the array.
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Err(Self::wrong("an array"))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Dec, A::Error> {
        while map
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        Err(Self::wrong("an object"))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Dec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An exact, non-negative decimal: a JSON number or a numeric string (\"3.8\"), at most 1e12.",
            "anyOf": [
                { "type": "number", "minimum": 0, "maximum": 1_000_000_000_000_i64 },
                { "type": "string", "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*$" }
            ]
        })
    }
}

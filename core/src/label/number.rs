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
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let v = serde_json::Value::deserialize(d)?;
        let dec = match &v {
            serde_json::Value::Number(n) => json_to_decimal(n),
            serde_json::Value::String(s) => s.trim().parse::<Decimal>().ok(),
            other => {
                return Err(D::Error::custom(format!(
                    "expected a number, found {}",
                    kind(other)
                )))
            }
        }
        .ok_or_else(|| D::Error::custom(format!("`{v}` is not a usable number")))?;
        if dec.is_sign_negative() && !dec.is_zero() {
            return Err(D::Error::custom(format!(
                "`{dec}` is negative; label quantities cannot be"
            )));
        }
        if dec > Decimal::from(MAX_LABEL_NUMBER) {
            return Err(D::Error::custom(format!(
                "`{dec}` is larger than {MAX_LABEL_NUMBER}"
            )));
        }
        Ok(Dec(dec))
    }
}

fn kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
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

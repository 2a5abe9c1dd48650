//! Reading one standards file into its typed spec.
//!
//! The embedded files are read from the compact JSON that `build.rs` converted them to:
//! serde_json is several times faster than a TOML parser, and most of a cold start used to
//! be TOML parsing. Any other file (an overlay, a pack directory given at run time, a fuzz
//! input) is TOML, parsed with spans so that errors carry their line.

use super::codelist::line_of;
use crate::error::PackError;
use serde::de::DeserializeOwned;

/// Deserialises a standards file: from its embedded JSON when `text` is exactly an embedded
/// file's text, otherwise from the TOML text.
pub fn parse_file<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, PackError> {
    if let Some(json) = crate::embedded::json_of(path, text) {
        match serde_json::from_str(json) {
            Ok(v) => return Ok(v),
            // An embedded file the typed spec refuses: the TOML parse below reports it with
            // its line (and the WebAssembly build, which has no TOML text, without).
            Err(e) if text.is_empty() => return Err(PackError::new(path, e.to_string())),
            Err(_) => {}
        }
    }
    parse_toml(path, text)
}

/// Deserialises a TOML standards file, errors with their line.
#[cfg(feature = "toml")]
pub(crate) fn parse_toml<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, PackError> {
    toml::from_str(text).map_err(|e| {
        let message = e.message().trim().to_string();
        // The parser's recursion limit comes without a place: the line that nests deepest
        // (most dotted-key dots and brackets) is where it was met.
        let line = e.span().map(|s| line_of(text, s.start)).or_else(|| {
            message
                .contains("recursion")
                .then(|| deepest_line(text))
                .flatten()
        });
        PackError::new(path, message).at_line(line)
    })
}

/// The 1-based line with the most nesting characters (`.`, `[`, `{`), if any has one.
#[cfg(feature = "toml")]
fn deepest_line(text: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            (
                l.bytes()
                    .filter(|b| matches!(b, b'.' | b'[' | b'{'))
                    .count(),
                i,
            )
        })
        .filter(|(n, _)| *n > 0)
        .max_by_key(|&(n, i)| (n, usize::MAX - i))
        .map(|(_, i)| i + 1)
}

/// Without the `toml` feature there is no TOML reader: only embedded files can be read.
#[cfg(not(feature = "toml"))]
pub(crate) fn parse_toml<T: DeserializeOwned>(path: &str, _text: &str) -> Result<T, PackError> {
    let _ = line_of;
    Err(PackError::new(
        path,
        "this build reads only the embedded standards (the `toml` feature is off)",
    ))
}

/// TOML datetimes deserialised into a JSON value arrive as `{"$__toml_private_datetime": …}`;
/// tables and code lists hold them as their text, as the JSON form does. In place: most
/// values hold no datetime, and rebuilding every object (as this did) cost more than
/// reading it.
pub fn plain_json_in_place(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            if m.len() == 1 {
                if let Some(Value::String(s)) = m.get_mut("$__toml_private_datetime") {
                    let s = std::mem::take(s);
                    *v = Value::String(s);
                    return;
                }
            }
            m.values_mut().for_each(plain_json_in_place);
        }
        Value::Array(a) => a.iter_mut().for_each(plain_json_in_place),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    /// The recursion limit of deep dotted keys is reported at the line that nests.
    #[cfg(feature = "toml")]
    #[test]
    fn recursion_limit_has_a_line() {
        let deep = format!("a = 1\n\nx{} = 1\n", ".a".repeat(100_000));
        let e = super::parse_toml::<serde_json::Value>("packs/p/rules.toml", &deep)
            .expect_err("too deep");
        assert_eq!(e.line, Some(3), "{e}");
        assert_eq!(e.file, "packs/p/rules.toml");
    }

    #[test]
    fn toml_datetimes_become_text_in_place() {
        let mut v = serde_json::json!([
            { "a": { "$__toml_private_datetime": "2024-01-02" }, "b": [1, { "c": "x" }] },
            { "$__toml_private_datetime": "2025-03-04" },
            { "$__toml_private_datetime": "2025-03-04", "other": 1 }
        ]);
        super::plain_json_in_place(&mut v);
        assert_eq!(
            v,
            serde_json::json!([
                { "a": "2024-01-02", "b": [1, { "c": "x" }] },
                "2025-03-04",
                { "$__toml_private_datetime": "2025-03-04", "other": 1 }
            ])
        );
    }
}

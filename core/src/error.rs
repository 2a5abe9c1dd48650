//! Operational failures: the label could not be read, a pack could not be loaded, the
//! engine was asked for something it cannot do. Shortfalls of a label against a standard
//! are never errors — they are findings in a report.

use serde::Serialize;

/// The label input could not be turned into a label document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LabelError {
    /// The input is larger than [`crate::Limits::max_label_bytes`].
    #[error("label input is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    /// Not well-formed JSON (including invalid UTF-8 and nesting past the parser's limit).
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Well-formed JSON that does not fit the label document: wrong type, unknown field,
    /// impossible number. `path` is a JSON pointer to the offending value.
    #[error("{path}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The label names a market or category the loaded catalogue does not know.
    #[error("{path}: {message}")]
    Unknown { path: String, message: String },
}

impl LabelError {
    /// The JSON pointer of the offending value, when there is one.
    pub fn path(&self) -> Option<&str> {
        match self {
            LabelError::Invalid { path, .. } | LabelError::Unknown { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// A pack, code list or category catalogue could not be loaded. Says which file, line and
/// rule, so a standards editor can go straight to the mistake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{file}{}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default(), rule.as_ref().map(|r| format!(" (rule {r})")).unwrap_or_default())]
pub struct PackError {
    pub file: String,
    pub line: Option<usize>,
    pub rule: Option<String>,
    pub message: String,
}

impl PackError {
    /// A pack error; a quoted part of the message (between backticks) longer than
    /// [`MAX_QUOTED_CHARS`] is cut with `…` (a 100 000-term expression was echoed whole, a
    /// 900 KB message), as interpolated label values are.
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        PackError {
            file: file.into(),
            line: None,
            rule: None,
            message: cut_quoted(message.into()),
        }
    }
    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }
    pub fn in_rule(mut self, rule: impl Into<String>) -> Self {
        self.rule = Some(rule.into());
        self
    }
}

/// The longest quoted part (an expression, a value) a pack error shows, in characters.
pub const MAX_QUOTED_CHARS: usize = 200;

/// `message` with every part between backticks longer than [`MAX_QUOTED_CHARS`] cut.
fn cut_quoted(message: String) -> String {
    if message.len() <= MAX_QUOTED_CHARS || !message.contains('`') {
        return message;
    }
    let mut out = String::with_capacity(message.len().min(4 * MAX_QUOTED_CHARS));
    let parts = message.split('`').count();
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd parts are inside backticks (an unpaired last one is left whole).
        let quoted = i % 2 == 1 && parts > i + 1;
        match part.char_indices().nth(MAX_QUOTED_CHARS) {
            Some((at, _)) if quoted => {
                out.push_str(&part[..at]);
                out.push('…');
            }
            _ => out.push_str(part),
        }
    }
    out
}

/// Everything `Engine` operations can fail with.
///
/// Serialises as one JSON object tagged by `error` (`label`, `pack`, `packs`, `option`,
/// `io`) with the variant's fields beside the tag: `{"error": "option", "message": "…"}`,
/// `{"error": "packs", "errors": [...]}`. (serde's derived internal tagging cannot hold a
/// bare string or list, which made rendering `Option` and `Packs` fail; the impl below
/// cannot fail for any value.)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("invalid label: {0}")]
    Label(#[from] LabelError),
    #[error("invalid pack: {0}")]
    Pack(#[from] PackError),
    /// Several pack errors found in one load; all are reported at once.
    #[error("invalid packs: {}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
    Packs(Vec<PackError>),
    #[error("invalid option: {0}")]
    Option(String),
    #[error("i/o error on {path}: {message}")]
    Io { path: String, message: String },
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            // The label and pack errors carry their own fields; the tag goes beside them.
            Error::Label(e) => {
                #[derive(Serialize)]
                struct Tagged<'a> {
                    error: &'static str,
                    #[serde(flatten)]
                    inner: &'a LabelError,
                }
                Tagged {
                    error: "label",
                    inner: e,
                }
                .serialize(s)
            }
            Error::Pack(e) => {
                #[derive(Serialize)]
                struct Tagged<'a> {
                    error: &'static str,
                    #[serde(flatten)]
                    inner: &'a PackError,
                }
                Tagged {
                    error: "pack",
                    inner: e,
                }
                .serialize(s)
            }
            Error::Packs(errors) => {
                let mut m = s.serialize_map(Some(3))?;
                m.serialize_entry("error", "packs")?;
                m.serialize_entry("message", &self.to_string())?;
                m.serialize_entry("errors", errors)?;
                m.end()
            }
            Error::Option(message) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("error", "option")?;
                m.serialize_entry("message", message)?;
                m.end()
            }
            Error::Io { path, message } => {
                let mut m = s.serialize_map(Some(3))?;
                m.serialize_entry("error", "io")?;
                m.serialize_entry("path", path)?;
                m.serialize_entry("message", message)?;
                m.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long quoted expression in a pack error is cut; the reason after it stays.
    #[test]
    fn pack_errors_cut_long_quoted_parts() {
        let expr = vec!["true"; 100_000].join(" and ");
        let e = PackError::new(
            "packs/x/rules.toml",
            format!("when: `{expr}`: expression is larger than 512 nodes"),
        );
        assert!(e.message.len() < 400, "{}", e.message.len());
        assert!(e
            .message
            .ends_with("`: expression is larger than 512 nodes"));
        assert!(e.message.starts_with("when: `true and true") && e.message.contains("…`: "));
        // Short quoted parts, and text outside quotes, are kept whole.
        let short = PackError::new("f", format!("unknown table `t`; {}", "x".repeat(300)));
        assert_eq!(
            short.message,
            format!("unknown table `t`; {}", "x".repeat(300))
        );
    }

    /// Every variant serialises (the derived form could not serialise `Option` or `Packs`),
    /// tagged by `error`, with its data beside the tag.
    #[test]
    fn every_variant_serialises_with_its_tag() {
        let pack = PackError::new("standards/packs/x/rules.toml", "bad").at_line(Some(3));
        let cases = [
            (
                Error::Label(LabelError::Invalid {
                    path: "/a".into(),
                    line: 1,
                    column: 2,
                    message: "m".into(),
                }),
                "label",
            ),
            (Error::Pack(pack.clone()), "pack"),
            (Error::Packs(vec![pack.clone(), pack]), "packs"),
            (Error::Option("no edition `nope`".into()), "option"),
            (
                Error::Io {
                    path: "f".into(),
                    message: "gone".into(),
                },
                "io",
            ),
        ];
        for (e, tag) in cases {
            let v = serde_json::to_value(&e).expect("serialises");
            assert_eq!(v["error"], tag, "{v}");
            match tag {
                "label" => {
                    assert_eq!(v["kind"], "invalid");
                    assert_eq!(v["path"], "/a");
                }
                "pack" => assert_eq!(v["line"], 3),
                "packs" => assert_eq!(v["errors"].as_array().map(Vec::len), Some(2)),
                "option" => assert_eq!(v["message"], "no edition `nope`"),
                _ => assert_eq!(v["path"], "f"),
            }
        }
    }
}

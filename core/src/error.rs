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
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        PackError {
            file: file.into(),
            line: None,
            rule: None,
            message: message.into(),
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

/// Everything `Engine` operations can fail with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "error", rename_all = "snake_case")]
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

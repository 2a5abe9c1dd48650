//! The report: every finding at once, with what was applied and what was skipped.
//!
//! Findings are data: a stable rule id, severity, the message in Chinese and English, the
//! citation, a JSON pointer to the field, a character span when the field was free text,
//! and the expected and found values. A caller renders them however it likes; the CLI's
//! human format is one rendering.

use crate::date::Date;
pub use crate::pack::format::{Confidence, Severity, Text};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Characters of a free-text field that a finding is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Span {
    // Shared by the spans of one text (an ingredient list has one per item): one
    // allocation, not one per span. Serialised as the plain string.
    /// JSON pointer of the text field (e.g. `/ingredients/text`).
    pub field: std::sync::Arc<str>,
    /// Start and end (exclusive) in Unicode scalar values.
    pub start: usize,
    pub end: usize,
    /// The same in UTF-16 code units, for JavaScript string indices.
    pub utf16_start: usize,
    pub utf16_end: usize,
    /// The characters covered.
    pub text: String,
}

impl Span {
    /// The span of bytes `start..end` of `text` (offsets on char boundaries, as regex and
    /// `str::find` give them; out-of-range offsets give an empty span rather than a panic).
    pub fn from_bytes(field: &str, text: &str, start: usize, end: usize) -> Span {
        let before = text.get(..start).unwrap_or("");
        let inside = text.get(start..end).unwrap_or("");
        let c0 = before.chars().count();
        let u0 = before.encode_utf16().count();
        Span {
            field: field.into(),
            start: c0,
            end: c0 + inside.chars().count(),
            utf16_start: u0,
            utf16_end: u0 + inside.encode_utf16().count(),
            text: inside.to_string(),
        }
    }
}

/// A text as characters with their UTF-16 offsets, for parsers that work by character
/// index and report spans (the ingredient and fibre text parsers).
#[derive(Clone, Debug)]
pub struct CharIndex {
    chars: Vec<char>,
    /// Per character, and one past the last: its offset in UTF-16 code units and in bytes
    /// of `text`.
    offsets: Vec<(u32, u32)>,
    /// The text itself: a span's characters are copied from it as one slice (collecting
    /// them character by character was half a span's cost).
    text: Box<str>,
    /// The field of the last span made, shared with the next span of the same field.
    field: std::cell::RefCell<Option<std::sync::Arc<str>>>,
}

impl CharIndex {
    pub fn new(text: &str) -> CharIndex {
        // Offsets are kept as `u32`: a text longer than 4 GiB cannot reach a parser (the
        // label's size is limited far below that), and the saturating conversion keeps
        // even that case in bounds.
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let chars: Vec<char> = text.chars().collect();
        let mut offsets = Vec::with_capacity(chars.len() + 1);
        let (mut units, mut bytes) = (0usize, 0usize);
        for c in &chars {
            offsets.push((at(units), at(bytes)));
            units += c.len_utf16();
            bytes += c.len_utf8();
        }
        offsets.push((at(units), at(bytes)));
        CharIndex {
            chars,
            offsets,
            text: text.into(),
            field: std::cell::RefCell::new(None),
        }
    }

    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The span of characters `start..end` (clamped to the text) of the field at `field`.
    pub fn span(&self, field: &str, start: usize, end: usize) -> Span {
        let end = end.min(self.chars.len());
        let start = start.min(end);
        let shared = {
            let mut last = self.field.borrow_mut();
            match last.as_ref() {
                Some(f) if **f == *field => f.clone(),
                _ => last.insert(std::sync::Arc::from(field)).clone(),
            }
        };
        Span {
            field: shared,
            start,
            end,
            utf16_start: self.offsets.get(start).map_or(0, |o| o.0 as usize),
            utf16_end: self.offsets.get(end).map_or(0, |o| o.0 as usize),
            text: self
                .offsets
                .get(start)
                .zip(self.offsets.get(end))
                .and_then(|(a, b)| self.text.get(a.1 as usize..b.1 as usize))
                .unwrap_or_default()
                .to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// `GB 7718`.
    pub standard: String,
    /// `2011`.
    pub edition: String,
    /// `4.1.3.1.2`: the clause that states the duty that was broken.
    pub clause: String,
    /// Other clauses of the same standard the finding also rests on, e.g. the conformity
    /// clause that lists the defect types (GB/T 29862 clause 8 a)–g)). Empty for most rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// The pack the rule came from.
    pub pack: String,
}

impl Citation {
    /// `GB 7718-2011 §4.1.3.1.2`, with `(also §8 a))` when there are further clauses.
    pub fn short(&self) -> String {
        let mut s = format!("{}-{} §{}", self.standard, self.edition, self.clause);
        if !self.also.is_empty() {
            s.push_str(" (also §");
            s.push_str(&self.also.join("; §"));
            s.push(')');
        }
        s
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: Text,
    pub citation: Citation,
    /// JSON pointer to the field the finding is about (`""` = the whole label).
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<serde_json::Value>,
    /// `unverified` when the rule rests on a fact not confirmed from the standard's text.
    #[serde(default, skip_serializing_if = "is_solid")]
    pub confidence: Confidence,
    /// Shared by the same requirement across editions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
}

fn is_solid(c: &Confidence) -> bool {
    *c == Confidence::Solid
}

/// A pack that was applied, identified well enough to reproduce the result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackRef {
    pub id: String,
    pub standard: String,
    pub edition: String,
    pub version: String,
    /// SHA-256 of the pack's files (sorted by name), hex.
    pub hash: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skip {
    /// Shared with the compiled rule, as is `reason` unless it names missing data: a
    /// label skips about sixty rules, and copying two strings for each (and freeing them
    /// with the report) was about 3 % of a check.
    pub rule: Arc<str>,
    pub reason: Arc<str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// No findings, or only notes (`info`): a note says what was not or could not be
    /// checked, or draws attention, and is no fault of the label — a compliant label must be
    /// able to pass (a GI outside the register the pack carries is noted, not warned).
    Pass,
    /// At least one warning, no error.
    PassWithWarnings,
    /// At least one finding of error severity.
    Fail,
    /// No pack applies to the label's market and category on the check date (e.g. a date
    /// before any edition took effect): nothing was judged, so the label did not pass.
    NotChecked,
}

/// Per-rule outcome, included when tracing (the regression harness uses it to prove each
/// rule has a passing case).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleTrace {
    pub rule: String,
    /// `pass`, `fail`, `skip`, `not_applicable`.
    pub outcome: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_id: Option<String>,
    pub market: String,
    pub category: String,
    pub as_of: Date,
    pub verdict: Verdict,
    pub findings: Vec<Finding>,
    /// Shared with the packs (`Pack::reference`).
    pub packs: Vec<Arc<PackRef>>,
    pub rules_evaluated: usize,
    pub rules_skipped: usize,
    /// Rules that applied to the label but could not be judged, and why.
    pub skipped: Vec<Skip>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<RuleTrace>,
    /// Declared against measured, one row per value a lab report was compared with, passing
    /// or not: what a QA lab prints for its customers. Empty without `facts`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<Measurement>,
    /// For a label read from text: what the reader understood (the document it built, where
    /// each field came from, what it could not read). Finding spans then point into the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<crate::label::text::TextReading>,
}

/// One row of the declared-vs-measured view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    /// The rule that compared them.
    pub rule: String,
    /// JSON pointer of the printed value's element.
    pub path: String,
    /// What is compared (`蛋白质`).
    pub name: serde_json::Value,
    pub printed: serde_json::Value,
    pub measured: serde_json::Value,
    /// The allowed range, readable.
    pub allowed: serde_json::Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<serde_json::Value>,
    /// `pass` or `fail`.
    pub verdict: String,
}

impl Report {
    pub fn verdict_of(findings: &[Finding]) -> Verdict {
        match findings.iter().map(|f| f.severity).max() {
            None | Some(Severity::Info) => Verdict::Pass,
            Some(Severity::Error) => Verdict::Fail,
            Some(Severity::Warning) => Verdict::PassWithWarnings,
        }
    }

    /// Error findings (a `Fail`). A `NotChecked` report has none — callers that must not
    /// take it for a pass check `is_checked()` (the CLI exits 2, Python raises `NotChecked`,
    /// wasm reports an error of kind `not_checked`).
    pub fn has_errors(&self) -> bool {
        self.verdict == Verdict::Fail
    }

    /// Whether any pack applied: false for a `NotChecked` report.
    pub fn is_checked(&self) -> bool {
        self.verdict != Verdict::NotChecked
    }
}

/// One label checked against several markets (`check --market US,EU,CN,CODEX`): one report
/// per market, in the order asked — what an exporter asks first ("what does each market
/// require of this label?").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarketReports {
    /// The worst verdict over the markets (`not_checked` only when no market was checked).
    pub verdict: Verdict,
    pub markets: Vec<MarketReport>,
}

/// The report for one market of a multi-market check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarketReport {
    pub market: String,
    pub report: Report,
}

impl MarketReports {
    pub fn new(markets: Vec<MarketReport>) -> MarketReports {
        let checked: Vec<&Report> = markets
            .iter()
            .map(|m| &m.report)
            .filter(|r| r.is_checked())
            .collect();
        let verdict = if checked.is_empty() {
            Verdict::NotChecked
        } else if checked.iter().any(|r| r.verdict == Verdict::Fail) {
            Verdict::Fail
        } else if checked
            .iter()
            .any(|r| r.verdict == Verdict::PassWithWarnings)
        {
            Verdict::PassWithWarnings
        } else {
            Verdict::Pass
        };
        MarketReports { verdict, markets }
    }

    /// Every market's findings, in market order.
    pub fn findings(&self) -> impl Iterator<Item = (&str, &Finding)> {
        self.markets.iter().flat_map(|m| {
            m.report
                .findings
                .iter()
                .map(move |f| (m.market.as_str(), f))
        })
    }
}

/// Two editions side by side: what a label gains and loses moving to the later one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub current: Report,
    pub next: Report,
    /// Findings under the later editions with no counterpart (same topic and path) now.
    pub newly_failing: Vec<Finding>,
    /// Findings now with no counterpart under the later editions.
    pub resolved: Vec<Finding>,
}

#[cfg(test)]
mod span_tests {
    use super::CharIndex;

    /// Spans of one field share its pointer; another field gets its own; a span serialises
    /// its field as the plain string.
    #[test]
    fn spans_share_their_field() {
        let index = CharIndex::new("配料：生牛乳、白砂糖");
        let a = index.span("/ingredients/text", 3, 6);
        let b = index.span("/ingredients/text", 7, 10);
        let c = index.span("/text", 0, 2);
        let d = index.span("/ingredients/text", 0, 2);
        assert!(std::sync::Arc::ptr_eq(&a.field, &b.field));
        assert_eq!((&*a.text, &*b.text, &*c.text), ("生牛乳", "白砂糖", "配料"));
        assert_eq!(&*c.field, "/text");
        assert_eq!(&*d.field, "/ingredients/text");
        let json = serde_json::to_value(&a).expect("serialises");
        assert_eq!(json["field"], "/ingredients/text");
        let back: super::Span = serde_json::from_value(json).expect("reads back");
        assert_eq!(back, a);
    }
}

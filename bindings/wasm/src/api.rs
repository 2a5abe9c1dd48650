//! Types that the binding itself adds to the core's: options, errors and listings.
//!
//! `build.rs` reads this file (and the core's report types) with `syn` and writes the
//! TypeScript declarations from them, so every type here must stay serde-describable:
//! plain structs and enums, `rename_all`, `skip_serializing_if`, `default`.

use serde::{Deserialize, Serialize};

/// Options of `check` and `compare`. Every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckOptions {
    /// The date to judge on, `YYYY-MM-DD`. Default: the label's `check_date`, else today by
    /// the JavaScript clock (the report's `as_of` says which date was used).
    #[serde(default, alias = "as_of")]
    pub as_of: Option<String>,
    /// Editions to apply early (or again) where a standard has them: `2025`, `GB 7718-2025`.
    /// Default: the edition of each standard in force on the check date.
    #[serde(default)]
    pub editions: Vec<String>,
    /// Language of each finding's `text`: `zh` (default) or `en`. Both languages stay in
    /// `message`.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Include every rule's outcome in `report.trace` (regression suites, debugging).
    #[serde(default)]
    pub trace: bool,
    /// Run only these rules: `pack:gb28050-2011,topic:nutrition,rule:<id>` (as the CLI's
    /// `--only`). Default: every rule of the packs that apply.
    #[serde(default)]
    pub only: Option<String>,
    /// `true`: leave `report.skipped` (each skipped rule with its reason) empty;
    /// `rules_skipped` still counts them. The list is most of a report, and a form checking
    /// as the user types shows findings: the check returns ≈ 9 % sooner.
    #[serde(default)]
    pub omit_skipped: bool,
}

/// Options of `checkText`: what a label's text does not print (market, category, other
/// facts), and the options of `check`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TextOptions {
    /// `CN`, `EU`, `US`.
    pub market: String,
    /// A category id of the catalogue (`food.dairy.sterilized_milk`).
    pub category: String,
    /// An object of facts the text does not print (`imported`, `package`,
    /// `textile.durable_label`…), merged under what the text gives.
    #[serde(default)]
    pub extra: Option<serde_json::Value>,
    /// As `CheckOptions.asOf`; also the document's `check_date`.
    #[serde(default, alias = "as_of")]
    pub as_of: Option<String>,
    #[serde(default)]
    pub editions: Vec<String>,
    #[serde(default)]
    pub lang: Option<Lang>,
    #[serde(default)]
    pub trace: bool,
    #[serde(default)]
    pub only: Option<String>,
    #[serde(default)]
    pub omit_skipped: bool,
}

/// A message language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// What the binding adds to every finding of a report (declaration-merged into `Finding`).
#[derive(Debug, Serialize)]
#[serde(rename = "Finding")]
pub struct FindingText {
    /// The message in the language of `options.lang` (default `zh`).
    pub text: String,
}

/// Why a call could not produce a report. Shortfalls against a standard are never errors:
/// they are findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// Not well-formed JSON (`line` and `column` say where).
    Syntax,
    /// Well-formed JSON that is not a label document; `path` is a JSON pointer to the value.
    Invalid,
    /// An unknown market or category (`path` is `/market` or `/category`).
    Unknown,
    /// Larger than the input limit (`size`, `limit` in bytes).
    TooLarge,
    /// The embedded standards could not be loaded (`packs` lists every problem).
    Pack,
    /// A bad option (`path` is `/asOf`, `/editions`…), or no check date could be found.
    Option,
    /// A file could not be read (native builds only).
    Io,
    /// No pack applies to the label's market and category on the check date: nothing was
    /// judged (not a pass).
    NotChecked,
}

/// A structured error: what `tryCheck` returns, and the fields of the thrown `LabelcheckError`.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorInfo {
    pub kind: ErrorKind,
    /// Human-readable, in English.
    pub message: String,
    /// JSON pointer of the offending value in the label (or in the options).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// 1-based line and column in the JSON text, for `syntax` and `invalid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// For `too_large`: the input size and the limit, in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// For `pack`: every problem found while loading the standards.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub packs: Vec<PackProblem>,
}

/// One problem in a standards file.
#[derive(Debug, Clone, Serialize)]
pub struct PackProblem {
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    pub message: String,
}

/// Filter of `rules()`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RuleFilter {
    /// Only the rules of this pack (`gb7718-2011`).
    #[serde(default)]
    pub pack: Option<String>,
    /// Only the rules whose topic starts with this (`ingredients`).
    #[serde(default)]
    pub topic: Option<String>,
}

/// A rule of a loaded pack.
#[derive(Debug, Clone, Serialize)]
pub struct RuleInfo {
    /// Stable id: `GB7718-2011/4.1.3.1.2/descending-order`.
    pub id: String,
    pub pack: String,
    /// `GB 7718`.
    pub standard: String,
    /// `2011`.
    pub edition: String,
    pub clause: String,
    pub severity: labelcheck::Severity,
    pub confidence: labelcheck::report::Confidence,
    /// Shared by the same requirement across editions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// The primitive the rule runs: `required`, `descending_order`, `assert`…
    pub check: String,
    /// Applicability expression, when the rule has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// The list the rule runs over, element by element.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_each: Option<String>,
    /// Why the rule reads its clause the way it does. Absent in this build: the browser
    /// module leaves the packs' notes out (size budget); `labelcheck rules`, Python and the
    /// Rust library have them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Pack file and line the rule is defined at.
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// A pack's table, as the pack holds it (`Engine.table`; the value is the core's
/// `Engine::table` JSON, which has this shape — declared here for the TypeScript types).
#[derive(Debug, Clone, Serialize)]
#[allow(dead_code)]
pub struct PackTable {
    pub pack: String,
    pub table: String,
    /// The clause the table comes from (`null` when the pack names none).
    pub clause: Option<String>,
    /// The column that keys the rows.
    pub key: String,
    pub rows: Vec<serde_json::Value>,
}

/// A loaded pack: one edition of one standard.
#[derive(Debug, Clone, Serialize)]
pub struct PackInfo {
    pub id: String,
    pub standard: String,
    pub edition: String,
    pub title: labelcheck::report::Text,
    pub jurisdiction: String,
    pub categories: Vec<String>,
    pub exclude_categories: Vec<String>,
    /// First day in force, `YYYY-MM-DD`.
    pub effective_from: String,
    /// First day no longer in force (exclusive), when the edition has an end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_until: Option<String>,
    /// Version of the pack data.
    pub version: String,
    /// SHA-256 of the pack's files, hex.
    pub hash: String,
    pub rules: usize,
}

/// A product category of the catalogue.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryInfo {
    /// Dotted id: `food.dairy.sterilized_milk`.
    pub id: String,
    pub zh: String,
    pub en: String,
    /// Tags, including those inherited from parent categories.
    pub tags: Vec<String>,
}

/// A market (jurisdiction) of the catalogue.
#[derive(Debug, Clone, Serialize)]
pub struct MarketInfo {
    /// `CN`.
    pub id: String,
    pub zh: String,
    pub en: String,
}

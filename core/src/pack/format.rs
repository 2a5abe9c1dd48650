//! The pack file format, as read from TOML. See DESIGN.md § Pack format.
//!
//! A pack is a directory under `standards/packs/`. Every `*.toml` file in it is read and
//! merged: exactly one holds `[pack]` (conventionally `pack.toml`), any may hold
//! `[tables.*]` and `[[rule]]`. Unknown keys are errors, so a misspelt key cannot silently
//! switch a rule off.

use crate::date::Date;
use crate::label::Dec;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One file of a pack. `R` is how a table's rows are read: as JSON values, or (for an
/// embedded pack's build-time JSON) as the borrowed JSON text, read when the table is first
/// used (see `Table`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "R: Deserialize<'de>"))]
pub struct PackFile<R = Vec<serde_json::Value>> {
    #[serde(default)]
    pub pack: Option<PackMeta>,
    #[serde(default)]
    pub tables: BTreeMap<String, TableSpec<R>>,
    #[serde(default)]
    pub rule: Vec<RuleSpec>,
    /// Rule ids that were used once and must never be used again.
    #[serde(default)]
    pub retired: Vec<RetiredRule>,
    /// Named values shared by every rule of the pack (`let = [["area", "…"]]` at the top of a
    /// file), evaluated once per label before the rules; they may use `label`, tables and
    /// earlier pack values, not `item`.
    #[serde(default, rename = "let")]
    pub lets: Vec<[String; 2]>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    /// Stable pack id, e.g. `gb7718-2011`.
    pub id: String,
    /// Standard number without edition, e.g. `GB 7718`. Packs with the same standard are
    /// editions of one series; the engine picks one per series by date.
    pub standard: String,
    pub edition: String,
    pub title: Text,
    /// `CN`, `EU`, `US` — or `*` for a system used in every market (GS1 identifiers).
    pub jurisdiction: String,
    /// Label families the pack belongs to (`ingredient_content`, `origin`, …).
    #[serde(default)]
    pub families: Vec<String>,
    /// Category ids (prefixes in the catalogue) the pack applies to.
    pub categories: Vec<String>,
    #[serde(default)]
    pub exclude_categories: Vec<String>,
    /// A condition on the label (expression): the pack applies only when it holds. For packs
    /// about marks or claims, so that a label showing none is not judged (nor listed) under
    /// them, e.g. `any(label.eco_labels, 'scheme', 'cn_green_food')`. Must cover everything
    /// the pack's rules look at.
    #[serde(default)]
    pub applies_if: Option<String>,
    pub effective_from: Date,
    /// First day the pack no longer applies (exclusive).
    #[serde(default)]
    pub effective_until: Option<Date>,
    #[serde(default)]
    pub supersedes: Vec<String>,
    /// Which date picks this standard's edition for a label: the check date (default), or
    /// the unit's placing on the market (`placed_on_market`: the label's
    /// `facts.market.placed_on_market` when given and not after the check date). An energy
    /// label is drawn up under the grading standard in force when the unit is placed on the
    /// market; a unit placed before a new edition applied is graded by the old one, though
    /// it is checked later (China Energy Label measures 2016, cn-cel-2016 requirement 9).
    #[serde(default)]
    pub edition_date: Option<EditionDate>,
    /// Version of the pack data (not of the standard).
    pub version: String,
    /// How the instrument binds: a law, regulation or mandatory standard (`binding`), a
    /// voluntary standard made binding by a law or by the standard a label declares
    /// (`binding_by_reference`), or advice (`guidance`). A guidance pack may not make
    /// error findings: its shortfalls are warnings (checked at load).
    #[serde(default)]
    pub legal_force: Option<LegalForce>,
    /// Why: the instrument's legal nature and what makes it binding, in a sentence.
    #[serde(default)]
    pub legal_basis: Option<String>,
    /// Where the pack's facts come from.
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

/// The date that picks a standard's edition (see [`PackMeta::edition_date`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EditionDate {
    PlacedOnMarket,
}

/// The legal force of a pack's instrument (see [`PackMeta::legal_force`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalForce {
    Binding,
    BindingByReference,
    Guidance,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "R: Deserialize<'de>"))]
pub struct TableSpec<R = Vec<serde_json::Value>> {
    #[serde(default)]
    pub title: Option<Text>,
    #[serde(default)]
    pub clause: Option<String>,
    #[serde(default = "default_key")]
    pub key: String,
    /// Columns whose values (strings or arrays of strings) also match lookups.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub note: Option<String>,
    /// Keys match folded (`fold = true`): white space left out, full-width forms and CJK
    /// punctuation read as their ASCII forms (`30 ％。` is `30%.`). For tables of printed
    /// sentences — GB 28050 Annex D's function claims — which labels print with either
    /// width and spacing; the standard's wording is the same.
    #[serde(default)]
    pub fold: bool,
    pub rows: R,
}

fn default_key() -> String {
    "id".into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetiredRule {
    pub id: String,
    pub reason: String,
}

/// How sure we are of the fact a rule rests on.
#[derive(Debug, Clone, Copy, Default, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Read in the standard's own text.
    #[default]
    Solid,
    /// From a reputable secondary source, not the clause itself.
    Secondary,
    /// Not confirmed; the finding says so.
    Unverified,
}

#[derive(
    Debug, Clone, Copy, Deserialize, serde::Serialize, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Stable id, never reused: `GB7718-2011/4.1.3.1.2/order`.
    pub id: String,
    /// The clause that states the duty the rule checks (the primary citation).
    pub clause: String,
    /// Other clauses a finding also rests on — a conformity clause listing the defect types
    /// (GB/T 29862 clause 8), an edition rule — shown after the primary clause.
    #[serde(default)]
    pub also: Vec<String>,
    pub severity: Severity,
    #[serde(default)]
    pub confidence: Confidence,
    /// The same requirement across editions shares a topic, so side-by-side mode can tell
    /// "changed" from "new".
    #[serde(default)]
    pub topic: Option<String>,
    pub message: Text,
    #[serde(default)]
    pub when: Option<String>,
    /// Named values, evaluated in order for each item before `when` and the check.
    #[serde(default, rename = "let")]
    pub lets: Vec<[String; 2]>,
    /// Run the check once per element of this list (bound as `item`).
    #[serde(default)]
    pub for_each: Option<String>,
    /// With `for_each`: also visit the elements of this sub-list, depth first
    /// (e.g. `ingredients` for compound ingredients).
    #[serde(default)]
    pub recurse: Option<String>,
    pub check: CheckSpec,
    #[serde(default)]
    pub note: Option<String>,
    /// For rules that compare a printed value with a measured one: what to put in the
    /// report's declared-vs-measured view for every element judged, passing or failing.
    #[serde(default)]
    pub record: Option<RecordSpec>,
}

/// Expressions (evaluated like the check's, with `item` and the rule's lets bound) giving one
/// row of the report's declared-vs-measured view.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordSpec {
    /// What the row is about (`item.name`).
    pub name: String,
    /// The printed value.
    pub printed: String,
    /// The measured value.
    pub measured: String,
    /// The allowed range, readable (`≥ 2.08`).
    pub allowed: String,
    /// The unit, when there is one.
    #[serde(default)]
    pub unit: Option<String>,
}

/// The closed set of check primitives; each is implemented in `core/src/primitives/`.
///
/// Written in a pack as one table with its kind under `type` (`{ type = "date_logic", … }`).
/// Read through the derived, externally tagged form (`remote = "Self"`): the table is read
/// as a JSON object, `type` taken out and the rest read as that variant. serde's own
/// internal tagging buffers every check into its `Content` and instantiated that
/// machinery once per variant (≈ 50 KB of the WebAssembly module); the messages are the
/// same (`missing field`, `unknown variant`, `unknown field`).
#[derive(Debug, Clone, Deserialize)]
#[serde(remote = "Self", rename_all = "snake_case", deny_unknown_fields)]
pub enum CheckSpec {
    /// A field (or one of several) must be present and non-empty.
    Required {
        #[serde(default)]
        field: Option<String>,
        #[serde(default)]
        any_of: Vec<String>,
    },
    /// A value must be in a code list, or text must name an entry of it.
    CodeList {
        field: String,
        list: String,
        /// `key`: equals the key column; `name`: equals the key or a name column;
        /// `contains`: the text contains a name of an entry (longest names first).
        #[serde(default = "default_mode")]
        mode: String,
        /// A condition on the matched `entry` (e.g. `entry.prefecture_ok`).
        #[serde(default)]
        require: Option<String>,
    },
    /// Elements of a list must be in non-increasing order of `key`, except those at or
    /// below `exempt_at_or_below`.
    DescendingOrder {
        list: String,
        /// The numeric field compared; or leave it out and give `key_expr`.
        #[serde(default)]
        key: String,
        /// The key computed from the element (bound as `el`) instead of read from a field —
        /// for an order fixed by a table rather than by amounts: `0 - lookup('order',
        /// el.nutrient, 'rank')` makes "in the table's order" a descending order of ranks.
        #[serde(default)]
        key_expr: Option<String>,
        /// What the key is (an expression on `el`): `'min'` for a minimum (≥ 5 %), `'max'`
        /// for a maximum (≤ 8 %), anything else for the amount itself. A bound proves an
        /// order wrong only where the amounts it allows all do: an element is out of order
        /// when its amount is at least its key (exact or minimum) and an earlier element's
        /// is at most a smaller key (exact or maximum).
        #[serde(default)]
        bound_expr: Option<String>,
        #[serde(default)]
        exempt_at_or_below: Option<Dec>,
        /// Also check the sub-lists under this field.
        #[serde(default)]
        recurse: Option<String>,
        /// Elements for which this holds (bound as `item`) are left out of the order.
        #[serde(default)]
        skip_if: Option<String>,
    },
    /// The sum of `key` over a list compared with `target` within `tolerance`.
    SumTolerance {
        list: String,
        key: String,
        target: String,
        #[serde(default)]
        tolerance: Option<Dec>,
        /// `eq` (|sum − target| ≤ tolerance), `le` (sum ≤ target + tolerance), `ge`.
        #[serde(default = "default_eq")]
        relation: String,
    },
    /// Find the band of `input` in a table, read `result`, and compare `declared` to it.
    ThresholdTable {
        input: String,
        table: String,
        #[serde(default = "default_over")]
        lower: String,
        #[serde(default = "default_upto")]
        upper: String,
        #[serde(default)]
        lower_inclusive: bool,
        #[serde(default = "default_true")]
        upper_inclusive: bool,
        #[serde(default)]
        row_filter: Option<String>,
        result: String,
        declared: String,
        /// `ge`: declared ≥ result; `le`; `eq`.
        #[serde(default = "default_ge")]
        relation: String,
    },
    /// Compute a value and compare the declared one with it.
    Formula {
        compute: String,
        declared: String,
        #[serde(default)]
        tolerance: Option<String>,
    },
    /// Claims on the label must meet the condition of the table row they match.
    ClaimConditions {
        claims: String,
        table: String,
        #[serde(default = "default_words")]
        words_column: String,
        #[serde(default = "default_pattern")]
        pattern_column: String,
        #[serde(default = "default_condition")]
        condition_column: String,
        #[serde(default = "default_text")]
        text_field: String,
        /// Column with a readable statement of the condition, reported as `expected`
        /// (else the condition expression itself).
        #[serde(default)]
        expected_column: Option<String>,
        /// Claims whose `kind` is one of these are not matched against the table: a
        /// function claim or a "no added" statement is not a content claim, even where its
        /// words contain one (「膳食纤维是低能量物质」, 「不含卡拉胶」).
        #[serde(default)]
        skip_kinds: Vec<String>,
        /// Rows of one `nutrient` are alternatives for a claim; with this set, a claim that
        /// matches rows of several nutrients ("source of calcium and vitamin D") must meet
        /// one row of each, not just one row.
        #[serde(default)]
        each_nutrient: bool,
    },
    /// Text must (not) match patterns or contain listed words.
    TextPattern {
        field: String,
        #[serde(default)]
        must_match: Option<String>,
        #[serde(default)]
        must_not_match: Option<String>,
        /// Table whose `words_column` lists forbidden words.
        #[serde(default)]
        forbidden_table: Option<String>,
        #[serde(default = "default_word")]
        words_column: String,
        /// Column of `forbidden_table` listing, per row, longer texts in which that row's word
        /// is not the forbidden word (`未用` is not banned inside `未用完`, "not used up"). A
        /// match covered by one of them is passed over.
        #[serde(default)]
        exclude_column: Option<String>,
        /// Match forbidden words regardless of letter case (`Eco-friendly` = `eco-friendly`).
        #[serde(default)]
        ignore_case: bool,
        /// A word written in a spaced script (Latin, Greek, Cyrillic…) matches only as a whole
        /// word: `eco` does not match inside `economy`. Words in CJK scripts match anywhere.
        #[serde(default)]
        whole_words: bool,
    },
    /// Date checks: `format`, `order`, `shelf_life`, `not_expired`.
    DateLogic {
        mode: String,
        #[serde(default)]
        field: Option<String>,
        #[serde(default)]
        formats_table: Option<String>,
        #[serde(default)]
        start: Option<String>,
        #[serde(default)]
        end: Option<String>,
        #[serde(default)]
        months: Option<String>,
        #[serde(default)]
        days: Option<String>,
        #[serde(default)]
        tolerance_days: Option<Dec>,
        /// `shelf_life`: a month may also be counted as this many days (a shelf life in
        /// months counted as 30-day months, a common factory convention the standard does
        /// not rule out): the end date passes on either count.
        #[serde(default)]
        month_days: Option<Dec>,
        /// `format`: a time or a line code printed after the date (`2026-10-05 14:32 B2`,
        /// ink-jet practice) is taken off before the form is judged — for a table of
        /// recommended forms whose rule asks only that the date be in one of them.
        #[serde(default)]
        ignore_time_or_code: bool,
    },
    /// A printed code has its scheme's shape, check character and segment values.
    CodeFormat {
        field: String,
        /// Table of code schemes (rows with `regex`, `check_digit`, `segments`, `shape`).
        table: String,
        /// Expression giving the row id of the scheme to apply (e.g. `'cn_organic'`).
        format: String,
        /// `shape`, `check_digit` or `segments`.
        aspect: String,
    },
    /// A condition that must hold.
    Assert {
        condition: String,
        #[serde(default)]
        field: Option<String>,
        #[serde(default)]
        expected: Option<String>,
        #[serde(default)]
        found: Option<String>,
    },
}

fn default_mode() -> String {
    "key".into()
}
fn default_eq() -> String {
    "eq".into()
}
fn default_ge() -> String {
    "ge".into()
}
fn default_over() -> String {
    "over".into()
}
fn default_upto() -> String {
    "upto".into()
}
fn default_true() -> bool {
    true
}
fn default_words() -> String {
    "words".into()
}
fn default_word() -> String {
    "word".into()
}
fn default_pattern() -> String {
    "pattern".into()
}
fn default_condition() -> String {
    "condition".into()
}
fn default_text() -> String {
    "text".into()
}

impl<R> PackFile<R> {
    /// The same file with each table's rows turned by `f`.
    pub fn map_rows<S>(self, f: impl Fn(R) -> S) -> PackFile<S> {
        PackFile {
            pack: self.pack,
            tables: self
                .tables
                .into_iter()
                .map(|(name, t)| (name, t.map_rows(&f)))
                .collect(),
            rule: self.rule,
            retired: self.retired,
            lets: self.lets,
        }
    }
}

impl<R> TableSpec<R> {
    /// The same table with its rows turned by `f`.
    pub fn map_rows<S>(self, f: impl Fn(R) -> S) -> TableSpec<S> {
        TableSpec {
            title: self.title,
            clause: self.clause,
            key: self.key,
            aliases: self.aliases,
            confidence: self.confidence,
            note: self.note,
            fold: self.fold,
            rows: f(self.rows),
        }
    }
}

impl<'de> Deserialize<'de> for CheckSpec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<CheckSpec, D::Error> {
        use serde::de::Error;
        let mut table = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
        let kind = match table.remove("type") {
            Some(serde_json::Value::String(kind)) => kind,
            Some(other) => {
                return Err(D::Error::custom(format!(
                    "invalid type: {}, expected the name of a check primitive",
                    kind_of(&other)
                )))
            }
            None => return Err(D::Error::missing_field("type")),
        };
        let tagged = serde_json::Value::Object(
            std::iter::once((kind, serde_json::Value::Object(table))).collect(),
        );
        CheckSpec::deserialize(tagged).map_err(D::Error::custom)
    }
}

/// A JSON value's kind, as serde names it in `invalid type` messages.
fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "sequence",
        serde_json::Value::Object(_) => "map",
    }
}

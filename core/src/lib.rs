//! # labelcheck
//!
//! Checks what is printed on a consumer product's label against the standards that govern
//! it. Standards are data — packs under `standards/`, embedded at build time — and the
//! library holds a closed set of generic check primitives that the packs parameterise.
//!
//! ```
//! let engine = labelcheck::Engine::new().expect("embedded packs load");
//! let label = r#"{"market":"CN","category":"food.dairy.sterilized_milk","check_date":"2026-11-26",
//!   "product_name":{"text":"纯牛奶"},"ingredients":{"text":"配料：生牛乳"}}"#;
//! let report = engine.check_json(label.as_bytes(), &labelcheck::CheckOptions::default()).expect("a well-formed label");
//! // No net content, producer, dates…: GB 7718-2011 findings, each citing its clause.
//! assert!(report.findings.iter().any(|f| f.citation.standard == "GB 7718"));
//! for f in &report.findings {
//!     println!("{} {} {}", f.rule, f.path, f.message.en);
//! }
//! ```
//!
//! Data flow: label JSON → [`label::parse_label`] (typed, with JSON-pointer errors) →
//! normalisation (printed text parsed with spans) → [`Engine`] selects the packs whose
//! market, category and effective dates match → each rule's primitive runs → [`Report`].

pub mod date;
mod embedded;
pub mod engine;
pub mod error;
pub mod expr;
#[doc(hidden)]
pub mod fuzzing;
pub mod label;
mod order;
pub mod pack;
pub mod primitives;
pub mod report;
#[cfg(feature = "rule-timing")]
pub mod rule_timing;
pub mod suite;

pub use date::Date;
pub use engine::{CheckOptions, EditionChoice, Engine, RuleSelection};
pub use error::{Error, LabelError, PackError};
pub use label::{Label, Limits};
pub use report::{Comparison, Finding, MarketReport, MarketReports, Report, Severity, Verdict};

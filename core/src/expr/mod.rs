//! The small, safe expression language used by packs for `when` conditions, formulas and
//! claim conditions.
//!
//! Why a language of our own: rules must be data, yet many clauses are arithmetic
//! ("energy = 17 × protein + 37 × fat + 17 × carbohydrate") or conditions
//! ("largest surface ≤ 20 cm²"). The language has literals, field paths, arithmetic,
//! comparisons, `and`/`or`/`not`, `in`, and a fixed set of functions; it has no loops, no
//! recursion and no user-defined functions, and an expression is limited to
//! [`MAX_NODES`] nodes — so every evaluation costs at most a bounded number of steps over the
//! input. Expressions are compiled once when a pack loads; `check` never parses pack text.
//!
//! Semantics worth knowing when writing packs:
//! - Numbers are exact decimals. `0.1 + 0.2 == 0.3` holds.
//! - A missing field is `null`. Arithmetic on `null` gives `null`; an ordering comparison
//!   (`<`, `<=`, `>`, `>=`) with `null` is `false`; `and`/`or`/`not` read `null` as `false`.
//!   A rule whose computed value is `null` is reported as skipped for missing data, not as a
//!   finding.

mod doc;
mod eval;
mod parse;
mod value;

pub(crate) use doc::same_name;
pub use doc::{Arena, Doc, DocError};
pub(crate) use eval::retype;
pub use eval::{parse_printed_date, to_date as to_date_val};
pub use eval::{EvalContext, Scope, SpareVars};
pub use parse::{BinOp, Expr, ExprError, FieldName, Func, Node, CODELIST_PREFIX, MAX_NODES};
pub use value::{decimal_to_json, json_to_decimal, Elements, Val, ValList};

//! The closed set of check primitives. Packs parameterise them; Rust never names a
//! standard. One file per primitive, each with `compile` (at pack load: parse expressions,
//! resolve tables, reject bad parameters) and `run` (per label: no parsing, no allocation
//! beyond the findings).

mod assert;
pub(crate) mod claim_conditions;
mod code_format;
mod code_list;
mod date_logic;
mod descending_order;
mod formula;
mod required;
pub(crate) mod required_chars;
mod small_regex;
mod sum_tolerance;
mod text_pattern;
mod threshold_table;

use crate::expr::{Expr, Scope, Val};
use crate::pack::format::CheckSpec;
use crate::pack::{CodeList, Table};
use crate::report::Span;
use std::collections::BTreeMap;

/// One shortfall found by a primitive, before the engine adds the rule's metadata.
#[derive(Debug, Clone)]
pub struct Hit<'a> {
    /// JSON pointer into the label.
    pub pointer: String,
    pub expected: Option<Val<'a>>,
    pub found: Option<Val<'a>>,
    /// A span the primitive knows directly (a matched word in a text field).
    pub span: Option<Span>,
    /// Extra names for the message template (`entry`, `row`, `claim`, `prev`…).
    pub bindings: Vec<(&'static str, Val<'a>)>,
}

impl<'a> Hit<'a> {
    pub fn at(pointer: String) -> Self {
        Hit {
            pointer,
            expected: None,
            found: None,
            span: None,
            bindings: Vec::new(),
        }
    }
    pub fn expected(mut self, v: Val<'a>) -> Self {
        self.expected = Some(v);
        self
    }
    pub fn found(mut self, v: Val<'a>) -> Self {
        self.found = Some(v);
        self
    }
    pub fn bind(mut self, name: &'static str, v: Val<'a>) -> Self {
        self.bindings.push((name, v));
        self
    }
}

/// What running a primitive once gives.
#[derive(Debug)]
pub enum Outcome<'a> {
    /// Evaluated; the label meets the requirement.
    Pass,
    /// Evaluated; these shortfalls.
    Fail(Vec<Hit<'a>>),
    /// Could not be evaluated (missing data); the reason goes into the report.
    Skip(String),
}

/// What compile-time code can see: the pack's tables and the shared code lists.
pub struct CompileEnv<'p> {
    pub tables: &'p crate::pack::Tables,
    pub codelists: &'p BTreeMap<String, CodeList>,
    /// Compile regex patterns on first use (an embedded pack compiled on first use; a test
    /// compiles the embedded packs eagerly so a bad pattern still fails a build).
    pub deferred_patterns: bool,
}

impl CompileEnv<'_> {
    pub fn expr(&self, what: &str, src: &str) -> Result<Expr, String> {
        Expr::compile_with(src, &|t| self.knows(t), self.deferred_patterns)
            .map_err(|e| format!("{what}: `{src}`: {e}"))
    }

    /// A table row's pattern, compiled now or on first use.
    pub fn pattern(&self, src: &str) -> Result<required_chars::Pattern, regex_lite::Error> {
        required_chars::Pattern::with(src, self.deferred_patterns)
    }

    /// Whether a name used by `lookup` / `in_table` (a pack table) or `codelist` (a code
    /// list, asked with [`crate::expr::CODELIST_PREFIX`]) exists.
    pub fn knows(&self, name: &str) -> bool {
        match name.strip_prefix(crate::expr::CODELIST_PREFIX) {
            Some(list) => self.codelists.contains_key(list),
            None => self.tables.contains_key(name),
        }
    }

    pub fn table(&self, name: &str) -> Result<&Table, String> {
        self.tables
            .get(name)
            .ok_or_else(|| format!("unknown table `{name}`"))
    }
}

/// What run-time code can see besides the scope.
pub struct RunEnv<'a> {
    pub codelists: &'a BTreeMap<String, CodeList>,
    pub tables: &'a crate::pack::Tables,
    /// The claims-table rows each claim of the label matches, remembered for the check
    /// (see `claim_conditions::ClaimMatches`).
    pub claim_matches: &'a claim_conditions::ClaimMatches,
}

impl RunEnv<'_> {
    /// Compiles an expression deferred by an embedded pack (see `CompileEnv::expr`), with
    /// the same tables and code lists in view and the same error text.
    pub fn expr(&self, what: &str, src: &str) -> Result<Expr, String> {
        let env = CompileEnv {
            tables: self.tables,
            codelists: self.codelists,
            deferred_patterns: true,
        };
        env.expr(what, src)
    }
}

/// A compiled check.
#[derive(Debug)]
pub enum Check {
    Required(required::Required),
    CodeList(code_list::CodeListCheck),
    DescendingOrder(descending_order::DescendingOrder),
    SumTolerance(sum_tolerance::SumTolerance),
    ThresholdTable(threshold_table::ThresholdTable),
    Formula(formula::Formula),
    ClaimConditions(claim_conditions::ClaimConditions),
    TextPattern(text_pattern::TextPattern),
    DateLogic(date_logic::DateLogic),
    CodeFormat(code_format::CodeFormat),
    Assert(assert::Assert),
}

impl Check {
    pub fn compile(spec: &CheckSpec, env: &CompileEnv<'_>) -> Result<Check, String> {
        Ok(match spec {
            CheckSpec::Required { .. } => Check::Required(required::Required::compile(spec, env)?),
            CheckSpec::CodeList { .. } => {
                Check::CodeList(code_list::CodeListCheck::compile(spec, env)?)
            }
            CheckSpec::DescendingOrder { .. } => {
                Check::DescendingOrder(descending_order::DescendingOrder::compile(spec, env)?)
            }
            CheckSpec::SumTolerance { .. } => {
                Check::SumTolerance(sum_tolerance::SumTolerance::compile(spec, env)?)
            }
            CheckSpec::ThresholdTable { .. } => {
                Check::ThresholdTable(threshold_table::ThresholdTable::compile(spec, env)?)
            }
            CheckSpec::Formula { .. } => Check::Formula(formula::Formula::compile(spec, env)?),
            CheckSpec::ClaimConditions { .. } => {
                Check::ClaimConditions(claim_conditions::ClaimConditions::compile(spec, env)?)
            }
            CheckSpec::TextPattern { .. } => {
                Check::TextPattern(text_pattern::TextPattern::compile(spec, env)?)
            }
            CheckSpec::DateLogic { .. } => {
                Check::DateLogic(date_logic::DateLogic::compile(spec, env)?)
            }
            CheckSpec::CodeFormat { .. } => {
                Check::CodeFormat(code_format::CodeFormat::compile(spec, env)?)
            }
            CheckSpec::Assert { .. } => Check::Assert(assert::Assert::compile(spec, env)?),
        })
    }

    pub fn run<'c: 'a, 'a>(
        &'c self,
        scope: &mut Scope<'c, 'a>,
        base: &str,
        env: &RunEnv<'a>,
    ) -> Outcome<'a> {
        match self {
            Check::Required(c) => c.run(scope, base),
            Check::CodeList(c) => c.run(scope, base, env),
            Check::DescendingOrder(c) => c.run(scope, base),
            Check::SumTolerance(c) => c.run(scope, base),
            Check::ThresholdTable(c) => c.run(scope, base, env),
            Check::Formula(c) => c.run(scope, base),
            Check::ClaimConditions(c) => c.run(scope, base, env),
            Check::TextPattern(c) => c.run(scope, base, env),
            Check::DateLogic(c) => c.run(scope, base, env),
            Check::CodeFormat(c) => c.run(scope, base, env),
            Check::Assert(c) => c.run(scope, base),
        }
    }

    /// The primitive's name as written in packs.
    pub fn kind(&self) -> &'static str {
        match self {
            Check::Required(_) => "required",
            Check::CodeList(_) => "code_list",
            Check::DescendingOrder(_) => "descending_order",
            Check::SumTolerance(_) => "sum_tolerance",
            Check::ThresholdTable(_) => "threshold_table",
            Check::Formula(_) => "formula",
            Check::ClaimConditions(_) => "claim_conditions",
            Check::TextPattern(_) => "text_pattern",
            Check::DateLogic(_) => "date_logic",
            Check::CodeFormat(_) => "code_format",
            Check::Assert(_) => "assert",
        }
    }
}

/// The JSON pointer a field expression names: `label.a.b` → `/a/b`, `item.x` → `base/x`.
/// Other expressions point at `base` (the current item, or the document root).
pub fn pointer_of(expr: &Expr, base: &str) -> String {
    // Measured first, then written into a string of that size: written into an empty
    // string, a pointer of three or four names grew it two or three times.
    let Some(len) = path_len(&expr.root, base) else {
        return base.to_string();
    };
    let mut p = String::with_capacity(len);
    push_path(&expr.root, base, &mut p);
    p
}

/// The length of the pointer `push_path` writes for `node`; `None` where it writes none.
fn path_len(node: &crate::expr::Node, base: &str) -> Option<usize> {
    use crate::expr::Node;
    match node {
        Node::Var(v) if v == "label" => Some(0),
        Node::Var(v) if v == "item" => Some(base.len()),
        Node::Field(inner, name) => {
            let escapes = name.bytes().filter(|b| matches!(b, b'~' | b'/')).count();
            Some(path_len(inner, base)? + 1 + name.len() + escapes)
        }
        _ => None,
    }
}

/// Writes the pointer of a field path (`label.a.b`, `item.x`) into `p`, outermost field
/// last; false for any other expression. Walks the tree instead of copying the path's
/// names: a rule over a list builds its list's pointer on every check.
fn push_path(node: &crate::expr::Node, base: &str, p: &mut String) -> bool {
    use crate::expr::Node;
    match node {
        Node::Var(v) if v == "label" => true,
        Node::Var(v) if v == "item" => {
            p.push_str(base);
            true
        }
        Node::Field(inner, name) => {
            if !push_path(inner, base, p) {
                return false;
            }
            p.push('/');
            push_escaped(p, name);
            true
        }
        _ => false,
    }
}

/// Appends a pointer token: `~` as `~0`, `/` as `~1` (RFC 6901).
fn push_escaped(p: &mut String, s: &str) {
    // A field name rarely has either: then one copy, not a push per character.
    if !s.contains(['~', '/']) {
        p.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '~' => p.push_str("~0"),
            '/' => p.push_str("~1"),
            c => p.push(c),
        }
    }
}

/// The pointer of the `i`-th element of a list expression.
pub fn element_pointer(list: &Expr, base: &str, i: usize) -> String {
    format!("{}/{}", pointer_of(list, base), i)
}

/// Whether a list expression is a field path of the label (so its elements have pointers of
/// their own) rather than a list computed from it.
pub fn is_field_path(list: &Expr) -> bool {
    path_len(&list.root, "").is_some()
}

/// Returned if a primitive's `compile` is handed another primitive's parameters — a bug in
/// the dispatch above, reported as an error rather than a panic.
const WRONG_SPEC: &str = "internal error: check parameters dispatched to the wrong primitive";

#[cfg(test)]
mod pointer_tests {
    use super::{path_len, pointer_of};
    use crate::expr::Expr;

    /// A field path's pointer: from the label's root, or under the element's for `item`,
    /// with `~` and `/` escaped; any other expression points at the base. The length
    /// measured first is the length written.
    #[test]
    fn pointers_of_paths() {
        for (src, base, want) in [
            ("label.nutrition.rows", "", Some("/nutrition/rows")),
            (
                "item.name",
                "/ingredients/items/3",
                Some("/ingredients/items/3/name"),
            ),
            ("item", "/claims/0", Some("/claims/0")),
            ("label.extensions.a_b", "/x", Some("/extensions/a_b")),
            ("len(item.name)", "/claims/1", None),
            ("found", "", None),
        ] {
            let e = Expr::compile(src, &|_| true).expect(src);
            let p = pointer_of(&e, base);
            assert_eq!(p, want.unwrap_or(base), "{src}");
            assert_eq!(path_len(&e.root, base), want.map(str::len), "{src}");
        }
        // Escapes count in the length (names with `~` or `/` come from `extensions`).
        let mut p = String::new();
        let node = crate::expr::Node::Field(
            Box::new(crate::expr::Node::Var("label".into())),
            crate::expr::FieldName::new("a/b~c"),
        );
        assert!(super::push_path(&node, "", &mut p));
        assert_eq!(p, "/a~1b~0c");
        assert_eq!(path_len(&node, ""), Some(p.len()));
    }
}

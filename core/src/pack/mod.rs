//! Pack loading: TOML files → validated, compiled packs. Everything that can be wrong
//! with a pack is found here, at load, and reported with file, line and rule id — all
//! errors at once, not the first. After loading, checking a label parses no pack text.

mod catalogue;
mod codelist;
pub mod format;
pub(crate) mod source;
mod table;
pub(crate) use table::{cell_texts, fold_key};
pub(crate) mod template;

pub use catalogue::{category_under, Catalogue, CategorySpec, Market};
pub use codelist::{line_of, CodeList, CodeListMeta};
pub(crate) use table::FastMap;
pub use table::{Table, Tables};

#[cfg(all(test, feature = "toml"))]
pub(crate) use source::plain_json_in_place as plain_json_for_tests;
pub use template::Template;

use crate::error::PackError;
use crate::expr::Expr;
use crate::primitives::{Check, CompileEnv};
use format::{Confidence, PackFile, PackMeta, RetiredRule, Severity};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};

/// One file of the standards tree, by its path relative to the tree's root
/// (`packs/gb7718-2011/rules.toml`, `codelists/gb2260.toml`, `categories.toml`).
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    /// Borrowed for the embedded files: loading them copies nothing, and a check that
    /// `text` is an embedded file unchanged is a pointer comparison.
    pub text: std::borrow::Cow<'static, str>,
}

impl SourceFile {
    /// The standards tree embedded in the library at build time.
    pub fn embedded() -> Vec<SourceFile> {
        crate::embedded::files()
    }
}

/// A compiled rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub clause: String,
    /// Further clauses cited with `clause` (see `RuleSpec::also`).
    pub also: Vec<String>,
    /// The declared-vs-measured row this rule records (see `RuleSpec::record`).
    pub record: Option<Record>,
    pub severity: Severity,
    pub confidence: Confidence,
    pub topic: Option<String>,
    pub message_zh: Template,
    pub message_en: Template,
    pub when: Option<Expr>,
    pub lets: Vec<(String, Expr)>,
    /// Which of `lets` the `when` condition reads, directly or through other lets: those
    /// are evaluated before it, the rest only for elements the condition admits (a rule
    /// over every ingredient whose message needs a costly lookup pays it only where it
    /// judges).
    pub when_lets: Vec<bool>,
    /// Which of `lets` read the element (`item`, `parent`), directly or through other lets.
    /// The others have one value per label and are evaluated once, not per element.
    pub item_lets: Vec<bool>,
    /// For each operand of `when`'s chain of `and`s, the per-element lets to evaluate just
    /// before it (each once, in declaration order): an element the first operands refuse
    /// costs none of the lets only the later ones read (a costly `words_in` behind a cheap
    /// `exists`). `None` when a let reads a let declared after it or two share a name —
    /// then every let `when` reads is evaluated before it, as before.
    pub(crate) when_steps: Option<Vec<Vec<usize>>>,
    /// The operands of `when`'s `and` chain, in order (`Node::conjuncts`), when it has a
    /// `when_steps` plan and more than one operand: the engine walks them in a loop, not
    /// down the tree of `and`s (a call per operand and per `and`). Empty for one operand,
    /// which is `when` itself (see `Rule::when_operands`): copies cost the first check.
    pub(crate) when_chain: Vec<crate::expr::Node>,
    /// For each operand of `when`'s `and` chain (with a `when_steps` plan), the pack-wide
    /// number of the operand when its value is remembered for the check (see
    /// `number_when_operands`): the same operand in several rules of a pack
    /// (`in_table('nutrients', item.nutrient)` in four rules over the nutrition rows) has
    /// one number, so it is evaluated once per element and check, and one that reads only
    /// `label` once per check (see `engine::admits`). Empty without a plan.
    pub(crate) when_memo: Vec<Option<u32>>,
    pub for_each: Option<Expr>,
    pub recurse: Option<String>,
    /// The pack-wide number of this rule's element list when other rules of the pack visit
    /// the same one (the same `for_each` and `recurse`; see `number_shared_lists`): the
    /// first of them to run collects the elements, the others reuse the list for the rest
    /// of the check. Six rules of GB 7718-2011 walk the ingredients with their
    /// sub-ingredients, nine of GB 28050-2011 the nutrition rows.
    pub(crate) list_id: Option<u32>,
    /// The JSON pointer of the `for_each` list (`/ingredients/items`), the base of every
    /// element's pointer: written once here, not for every check of every rule (it was
    /// ≈ 1 % of a check, mostly for rules that then admitted no element).
    pub(crate) list_pointer: Box<str>,
    pub check: Check,
    pub note: Option<String>,
    /// Source location, for `labelcheck rules --explain` and error messages.
    pub file: String,
    pub line: Option<usize>,
    /// The reasons reported when the rule does not apply to a label, written once here:
    /// formatting them per label was 2 % of a check.
    pub(crate) reasons: SkipReasons,
}

impl Rule {
    /// The operands of `when`'s `and` chain, left to right (see `Rule::when_chain`); empty
    /// without a `when_steps` plan.
    pub(crate) fn when_operands(&self) -> &[crate::expr::Node] {
        match (&self.when, &self.when_steps) {
            (Some(w), Some(_)) if self.when_chain.is_empty() => std::slice::from_ref(&w.root),
            (Some(_), Some(_)) => &self.when_chain,
            _ => &[],
        }
    }
}

/// A rule's `not_applicable` reasons (see [`Rule`]).
#[derive(Clone, Debug)]
pub(crate) struct SkipReasons {
    /// The rule's id, shared by every report that skips it.
    pub(crate) id: std::sync::Arc<str>,
    /// `when` was false.
    pub(crate) when_false: std::sync::Arc<str>,
    /// `for_each` named no element.
    pub(crate) no_elements: std::sync::Arc<str>,
}

impl SkipReasons {
    fn of(id: &str, when: Option<&Expr>, for_each: Option<&Expr>) -> SkipReasons {
        SkipReasons {
            id: id.into(),
            when_false: match when {
                Some(w) => format!("not applicable: `{}` is false", w.source).into(),
                None => "not applicable".into(),
            },
            no_elements: for_each
                .map(|l| format!("no elements in `{}`", l.source))
                .unwrap_or_default()
                .into(),
        }
    }
}

/// A rule's declared-vs-measured row, compiled.
#[derive(Debug)]
pub struct Record {
    pub name: Expr,
    pub printed: Expr,
    pub measured: Expr,
    pub allowed: Expr,
    pub unit: Option<Expr>,
}

/// A pack: one edition of one standard.
///
/// The metadata is read at load; the body (tables, rules, values) is compiled then for
/// packs read from files, and on first use for the embedded packs — a cold start compiles
/// only what the labels checked need. The embedded packs are the ones the test suites
/// compile in full (`Standards::compile_all`), so their deferred compile cannot fail; if
/// it somehow did, `PackBody::errors` holds the errors and checking refuses the pack.
/// `Pack` dereferences to its body, compiling it if needed.
pub struct Pack {
    pub meta: PackMeta,
    /// SHA-256 over the pack's files, sorted by path.
    pub hash: String,
    pub files: Vec<String>,
    body: std::sync::OnceLock<PackBody>,
    deferred: Option<DeferredPack>,
    /// A deferred pack's `applies_if` compiled without the body (see [`Gate`]); `None` inside
    /// when it cannot be (then the body answers, as for any other pack).
    gate: std::sync::OnceLock<Option<Gate>>,
    /// What a report says of the pack, made once and shared by every report (see
    /// [`Pack::reference`]).
    reference: std::sync::OnceLock<std::sync::Arc<crate::report::PackRef>>,
}

/// `applies_if` of a deferred pack, compiled with only the tables it names.
///
/// Mark and claim packs (green food, organic, certification marks, GS1) say with `applies_if`
/// whether a label concerns them; most labels do not, and asking used to compile the whole
/// pack — four of the eleven packs a first CN food label compiled were compiled only to answer
/// no. The expression names its tables literally (`any_in(…, 'traceable_marks')`), so these
/// are all the evaluation can reach; the eager compile in the tests (`compile_all`) checks the
/// expression against the full pack, so the gate cannot accept what the body would refuse.
struct Gate {
    cond: Expr,
    tables: crate::pack::Tables,
}

/// Only the tables of an embedded pack file (the rest skipped unparsed), rows left as JSON.
#[derive(serde::Deserialize)]
struct TablesOnly<'a> {
    #[serde(default, borrow)]
    tables: BTreeMap<String, format::TableSpec<&'a serde_json::value::RawValue>>,
}

/// A table's rows as read from a pack file.
enum TableRows {
    Parsed(Vec<serde_json::Value>),
    /// The build-time JSON of an embedded file's rows, read when the table is first used
    /// (or at once, and checked, by an eager compile).
    Raw(&'static str),
}

/// Reads a pack file: an embedded one from its build-time JSON, its tables' rows left as
/// JSON text (see `Table`); any other from TOML.
///
/// The embedded JSON is read only as `PackFile<&RawValue>`: when that fails, the TOML text
/// says where (as `source::parse_file` does), and without TOML text (the WebAssembly build)
/// the JSON error is the answer. A second reading of the JSON with parsed rows could only
/// fail too (raw rows accept any value), and it instantiated the pack format's
/// deserialisers a second time in the WebAssembly module.
fn read_pack_file(f: &SourceFile) -> Result<PackFile<TableRows>, PackError> {
    if let Some(json) = crate::embedded::json_of(&f.path, &f.text) {
        match serde_json::from_str::<PackFile<&'static serde_json::value::RawValue>>(json) {
            Ok(p) => return Ok(p.map_rows(|r| TableRows::Raw(r.get()))),
            Err(e) if f.text.is_empty() => return Err(PackError::new(&f.path, e.to_string())),
            Err(_) => {}
        }
    }
    source::parse_toml::<PackFile>(&f.path, &f.text).map(|p| p.map_rows(TableRows::Parsed))
}

/// What a deferred pack needs to compile its body later.
struct DeferredPack {
    sources: Vec<SourceFile>,
    codelists: std::sync::Arc<BTreeMap<String, CodeList>>,
}

/// The compiled part of a pack.
#[derive(Debug, Default)]
pub struct PackBody {
    /// `meta.applies_if`, compiled.
    pub applies_if: Option<Expr>,
    pub tables: crate::pack::Tables,
    pub rules: Vec<Rule>,
    pub retired: Vec<RetiredRule>,
    /// Pack-level named values, in file order.
    pub lets: Vec<(String, Expr)>,
    /// Errors of a deferred compile (empty for a pack compiled at load, which fails the
    /// load instead).
    pub errors: Vec<PackError>,
    /// How many element lists rules of this pack share (`Rule::list_id` counts up to it).
    pub(crate) shared_lists: usize,
}

impl std::ops::Deref for Pack {
    type Target = PackBody;
    fn deref(&self) -> &PackBody {
        self.body()
    }
}

impl std::fmt::Debug for Pack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pack")
            .field("meta", &self.meta)
            .field("hash", &self.hash)
            .field("compiled", &self.body.get().is_some())
            .finish()
    }
}

impl Pack {
    /// The pack's entry in a report (id, standard, edition, version, hash): shared, not
    /// copied — a label applies seven or eight packs, and five strings copied for each (and
    /// freed with the report) were about 1 % of a check.
    pub fn reference(&self) -> std::sync::Arc<crate::report::PackRef> {
        self.reference
            .get_or_init(|| {
                std::sync::Arc::new(crate::report::PackRef {
                    id: self.meta.id.clone(),
                    standard: self.meta.standard.clone(),
                    edition: self.meta.edition.clone(),
                    version: self.meta.version.clone(),
                    hash: self.hash.clone(),
                })
            })
            .clone()
    }

    /// The compiled body, compiling a deferred pack on first use.
    pub fn body(&self) -> &PackBody {
        // Embedded sources only: their regex patterns compile on first use too.
        self.body.get_or_init(|| self.compile_deferred(true))
    }

    /// Compiles a deferred pack's body (an empty body for a pack compiled at load).
    fn compile_deferred(&self, deferred_patterns: bool) -> PackBody {
        match &self.deferred {
            Some(d) => {
                let files: Vec<&SourceFile> = d.sources.iter().collect();
                let mut errors = Vec::new();
                let parsed = read_pack(&files, true, &mut errors);
                let mut body = compile_body(
                    &self.meta,
                    parsed,
                    &d.codelists,
                    deferred_patterns,
                    &mut errors,
                );
                body.errors = errors;
                body
            }
            None => PackBody::default(),
        }
    }

    /// The errors of a full, eager compile (every regex pattern too): a deferred pack not yet
    /// compiled keeps this body; one already compiled is compiled once more to check.
    fn compile_errors(&self) -> Vec<PackError> {
        if self.deferred.is_none() {
            return self.body().errors.clone();
        }
        if self.body.get().is_none() {
            let _ = self.body.set(self.compile_deferred(false));
            return self.body().errors.clone();
        }
        self.compile_deferred(false).errors
    }

    /// Is the pack in force on `date`?
    pub fn in_force(&self, date: crate::date::Date) -> bool {
        self.meta.effective_from <= date && self.meta.effective_until.is_none_or(|u| date < u)
    }

    /// Does the pack's `applies_if` condition hold for this (normalised) label? True when
    /// the pack has none.
    pub fn applies_to(
        &self,
        label: &crate::expr::Doc<'_>,
        tags: &[String],
        as_of: crate::date::Date,
        codelists: &BTreeMap<String, CodeList>,
    ) -> bool {
        // A deferred pack not compiled yet answers from its gate, compiling no rule.
        let gate = match self.body.get() {
            None => self.gate(),
            Some(_) => None,
        };
        let (cond, tables) = match gate {
            Some(g) => (&g.cond, &g.tables),
            None => match &self.applies_if {
                Some(cond) => (cond, &self.tables),
                None => return true,
            },
        };
        let ctx = crate::expr::EvalContext {
            label,
            tables,
            tags,
            as_of,
            codelists,
        };
        crate::expr::Scope::new(&ctx).eval(&cond.root).truthy()
    }

    /// The gate of a deferred pack with an `applies_if`, compiled on first use; `None` for
    /// any other pack, or when the expression does not compile on its own (the body then
    /// compiles and answers, reporting its errors as before).
    fn gate(&self) -> Option<&Gate> {
        let d = self.deferred.as_ref()?;
        let src = self.meta.applies_if.as_deref()?;
        self.gate
            .get_or_init(|| {
                let named = std::cell::RefCell::new(Vec::new());
                let known = |t: &str| match t.strip_prefix(crate::expr::CODELIST_PREFIX) {
                    Some(list) => d.codelists.contains_key(list),
                    None => {
                        named.borrow_mut().push(t.to_string());
                        true
                    }
                };
                let cond = Expr::compile_with(src, &known, true).ok()?;
                let named = named.into_inner();
                let mut tables = Tables::new();
                if !named.is_empty() {
                    for f in &d.sources {
                        // A deferred pack's files are all embedded (its rows are checked by
                        // the eager compile in the tests).
                        let json = crate::embedded::json_of(&f.path, &f.text)?;
                        let file: TablesOnly<'static> = serde_json::from_str(json).ok()?;
                        for (name, spec) in file.tables {
                            if !named.contains(&name) {
                                continue;
                            }
                            if tables.contains_key(&name) {
                                return None;
                            }
                            let t = Table::deferred(
                                name.clone(),
                                spec.clause,
                                spec.key,
                                &spec.aliases,
                                spec.rows.get(),
                            )
                            .folding(spec.fold);
                            tables.insert(name, t);
                        }
                    }
                    if named.iter().any(|n| !tables.contains_key(n)) {
                        return None;
                    }
                }
                Some(Gate { cond, tables })
            })
            .as_ref()
    }

    /// Does the pack apply to this market and category?
    pub fn covers(&self, market: &str, category: &str) -> bool {
        (self.meta.jurisdiction == market || self.meta.jurisdiction == "*")
            && self
                .meta
                .categories
                .iter()
                .any(|c| category_under(category, c))
            && !self
                .meta
                .exclude_categories
                .iter()
                .any(|c| category_under(category, c))
    }
}

/// Everything loaded from a standards tree.
#[derive(Debug, Default)]
pub struct Standards {
    pub catalogue: Catalogue,
    pub codelists: std::sync::Arc<BTreeMap<String, CodeList>>,
    pub packs: Vec<Pack>,
    /// The printed-text reader's headings table when the tree gives one of its own
    /// (`text/headings.toml` in an overlay or a directory); None: the embedded table.
    pub headings: Option<std::sync::Arc<crate::label::text::headings::Headings>>,
}

impl Standards {
    /// Loads a standards tree from its files. Later files with the same path replace
    /// earlier ones, so a run-time directory can override embedded packs file by file.
    pub fn load(files: &[SourceFile]) -> Result<Standards, Vec<PackError>> {
        let mut by_path: BTreeMap<&str, &SourceFile> = BTreeMap::new();
        for f in files {
            by_path.insert(f.path.as_str(), f);
        }
        let mut errors = Vec::new();
        let mut catalogue_files: Vec<(&str, &str)> = Vec::new();
        let mut codelists = BTreeMap::new();
        let mut pack_files: BTreeMap<String, Vec<&SourceFile>> = BTreeMap::new();
        let mut headings = None;
        for (path, f) in &by_path {
            let parts: Vec<&str> = path.split('/').collect();
            match parts.as_slice() {
                ["categories.toml"] => catalogue_files.insert(0, (path, &f.text)),
                ["categories", name] if name.ends_with(".toml") => {
                    catalogue_files.push((path, &f.text))
                }
                ["codelists", name] if name.ends_with(".toml") => {
                    match CodeList::parse(path, &f.text) {
                        Ok(c) => {
                            if codelists.contains_key(&c.meta.id) {
                                errors.push(PackError::new(
                                    *path,
                                    format!("code list id `{}` used twice", c.meta.id),
                                ));
                            } else {
                                codelists.insert(c.meta.id.clone(), c);
                            }
                        }
                        Err(e) => errors.push(e),
                    }
                }
                ["packs", dir, name] if name.ends_with(".toml") => {
                    pack_files.entry(dir.to_string()).or_default().push(f)
                }
                // The reader's headings table: read here only when it is not the embedded
                // file (that one is compiled on the first text label), so a broken overlay
                // is a load error and a sound one is what the reader uses.
                ["text", "headings.toml"] if crate::embedded::json_of(path, &f.text).is_none() => {
                    match crate::label::text::headings::Headings::from_toml(path, &f.text) {
                        Ok(h) => headings = Some(std::sync::Arc::new(h)),
                        Err(e) => errors.push(e),
                    }
                }
                _ => {} // schema, notes and other files are not loaded
            }
        }
        if catalogue_files.first().map(|(p, _)| *p) != Some("categories.toml") {
            errors.push(PackError::new(
                "categories.toml",
                "the category catalogue is missing",
            ));
            return Err(errors);
        }
        let catalogue = match Catalogue::parse_all(&catalogue_files) {
            Ok(c) => c,
            Err(e) => {
                errors.push(e);
                return Err(errors);
            }
        };
        let codelists = std::sync::Arc::new(codelists);
        let mut packs = Vec::new();
        for (dir, files) in &pack_files {
            match load_pack(dir, files, &catalogue, &codelists) {
                Ok(p) => packs.push(p),
                Err(mut e) => errors.append(&mut e),
            }
        }
        // Ids are checked across packs when any pack came from outside the embedded set
        // (that compiles the embedded ones too); the embedded set alone is checked by the
        // test suites.
        if packs.iter().any(|p| p.deferred.is_none()) {
            check_rule_ids(&packs, &mut errors);
        }
        if errors.is_empty() {
            Ok(Standards {
                catalogue,
                codelists,
                packs,
                headings,
            })
        } else {
            Err(errors)
        }
    }

    /// Compiles every deferred pack now and returns the errors (none for a sound tree) —
    /// what loading would have reported had nothing been deferred, rule-id checks included.
    pub fn compile_all(&self) -> Vec<PackError> {
        let mut errors: Vec<PackError> =
            self.packs.iter().flat_map(|p| p.compile_errors()).collect();
        check_rule_ids(&self.packs, &mut errors);
        errors
    }

    /// All rules of all packs, with their pack.
    pub fn rules(&self) -> impl Iterator<Item = (&Pack, &Rule)> {
        self.packs
            .iter()
            .flat_map(|p| p.rules.iter().map(move |r| (p, r)))
    }
}

/// Rule ids are unique across every pack and never reuse a retired id.
fn check_rule_ids(packs: &[Pack], errors: &mut Vec<PackError>) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for p in packs {
        for r in &p.rules {
            if let Some(other) = seen.insert(r.id.as_str(), r.file.as_str()) {
                errors.push(
                    PackError::new(r.file.clone(), format!("rule id is also used in {other}"))
                        .at_line(r.line)
                        .in_rule(r.id.clone()),
                );
            }
        }
    }
    for p in packs {
        for retired in &p.retired {
            if let Some(file) = seen.get(retired.id.as_str()) {
                errors.push(
                    PackError::new(*file, "rule id was retired and must not be reused")
                        .in_rule(retired.id.clone()),
                );
            }
        }
    }
}

/// A pack's files read into specs (not yet compiled).
#[derive(Default)]
struct ParsedPack {
    meta: Option<(PackMeta, String)>,
    table_specs: BTreeMap<String, (format::TableSpec<TableRows>, String)>,
    rule_specs: Vec<(format::RuleSpec, String, Option<usize>)>,
    retired: Vec<RetiredRule>,
    let_specs: Vec<([String; 2], String)>,
}

/// Only the `[pack]` table of a file (the rest is skipped unparsed).
#[derive(serde::Deserialize)]
struct MetaOnly {
    #[serde(default)]
    pack: Option<PackMeta>,
}

/// Loads a pack: its metadata now; its body now, or on first use when every file is an
/// unchanged embedded one.
fn load_pack(
    dir: &str,
    files: &[&SourceFile],
    catalogue: &Catalogue,
    codelists: &std::sync::Arc<BTreeMap<String, CodeList>>,
) -> Result<Pack, Vec<PackError>> {
    let mut errors = Vec::new();
    // The embedded packs' hashes are computed at build time (build.rs).
    let precomputed = crate::embedded::pack_hash(dir, files);
    let deferred = precomputed.is_some();
    let mut parsed = if deferred {
        // `pack.toml` first, and stop at the first `[pack]` table: an embedded pack has
        // exactly one (the full compile in the tests checks that).
        let mut p = ParsedPack::default();
        let mut order: Vec<&&SourceFile> = files.iter().collect();
        crate::order::sort_by_key(&mut order, |f| !f.path.ends_with("/pack.toml"));
        for f in order {
            match source::parse_file::<MetaOnly>(&f.path, &f.text) {
                Ok(MetaOnly { pack: Some(m) }) => {
                    p.meta = Some((m, f.path.clone()));
                    break;
                }
                Ok(_) => {}
                Err(e) => errors.push(e),
            }
        }
        p
    } else {
        read_pack(files, false, &mut errors)
    };
    let Some((meta, meta_file)) = parsed.meta.take() else {
        // A file that could not be read may well hold the [pack] table (a bad date in
        // pack.toml): its own error is the one to fix, not a missing table.
        if errors.is_empty() {
            errors.push(PackError::new(
                format!("packs/{dir}"),
                "no file of the pack has a [pack] table",
            ));
        }
        return Err(errors);
    };
    check_meta(dir, &meta, &meta_file, catalogue, &mut errors);
    let body = std::sync::OnceLock::new();
    if !deferred {
        let b = compile_body(&meta, parsed, codelists, false, &mut errors);
        let _ = body.set(b);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let hash = match precomputed {
        Some(h) => h.to_string(),
        None => {
            let mut hasher = Sha256::new();
            for f in files {
                hasher.update(f.path.as_bytes());
                hasher.update([0]);
                hasher.update(f.text.as_bytes());
                hasher.update([0]);
            }
            hasher
                .finalize()
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect()
        }
    };
    Ok(Pack {
        meta,
        hash,
        files: files.iter().map(|f| f.path.clone()).collect(),
        body,
        deferred: deferred.then(|| DeferredPack {
            sources: files.iter().map(|f| (*f).clone()).collect(),
            codelists: codelists.clone(),
        }),
        gate: std::sync::OnceLock::new(),
        reference: std::sync::OnceLock::new(),
    })
}

/// Parses a pack's files into specs, collecting errors (duplicate `[pack]` tables and
/// tables). The lines of an `embedded` pack's rules (its files unchanged) come from the
/// table build.rs wrote with the same line index, not from scanning the TOML text again.
fn read_pack(files: &[&SourceFile], embedded: bool, errors: &mut Vec<PackError>) -> ParsedPack {
    let mut out = ParsedPack::default();
    for f in files {
        let parsed = match read_pack_file(f) {
            Ok(p) => p,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if let Some(m) = parsed.pack {
            if let Some((_, first)) = &out.meta {
                errors.push(PackError::new(
                    f.path.clone(),
                    format!("second [pack] table in the pack (first in {first})"),
                ));
            } else {
                out.meta = Some((m, f.path.clone()));
            }
        }
        for (name, t) in parsed.tables {
            match out.table_specs.entry(name) {
                std::collections::btree_map::Entry::Occupied(e) => errors.push(PackError::new(
                    f.path.clone(),
                    format!("table `{}` defined twice in the pack", e.key()),
                )),
                std::collections::btree_map::Entry::Vacant(e) => {
                    e.insert((t, f.path.clone()));
                }
            }
        }
        let lines = (!embedded && !f.text.is_empty()).then(|| rule_lines(&f.text));
        for r in parsed.rule {
            let line = match &lines {
                None => crate::embedded::rule_line(&f.path, &r.id),
                Some(lines) => lines.get(r.id.as_str()).copied(),
            };
            out.rule_specs.push((r, f.path.clone(), line));
        }
        out.retired.extend(parsed.retired);
        out.let_specs
            .extend(parsed.lets.into_iter().map(|l| (l, f.path.clone())));
    }
    out
}

/// Checks of the `[pack]` table against its directory and the catalogue.
fn check_meta(
    dir: &str,
    meta: &PackMeta,
    meta_file: &str,
    catalogue: &Catalogue,
    errors: &mut Vec<PackError>,
) {
    if meta.id != dir {
        errors.push(PackError::new(
            meta_file,
            format!("pack id `{}` differs from its directory `{dir}`", meta.id),
        ));
    }
    for c in meta.categories.iter().chain(&meta.exclude_categories) {
        if !catalogue.categories.contains_key(c) {
            errors.push(PackError::new(
                meta_file,
                format!("category `{c}` is not in the catalogue"),
            ));
        }
    }
    if let Some(until) = meta.effective_until {
        if until <= meta.effective_from {
            errors.push(PackError::new(
                meta_file,
                "effective_until is not after effective_from",
            ));
        }
    }
}

/// Compiles tables, values, `applies_if` and rules.
fn compile_body(
    meta: &PackMeta,
    parsed: ParsedPack,
    codelists: &BTreeMap<String, CodeList>,
    deferred_patterns: bool,
    errors: &mut Vec<PackError>,
) -> PackBody {
    let meta_file = parsed
        .meta
        .as_ref()
        .map(|(_, f)| f.clone())
        .unwrap_or_default();
    let mut tables = Tables::new();
    for (name, (spec, file)) in parsed.table_specs {
        let mut rows: Vec<serde_json::Value> = match spec.rows {
            // An embedded pack compiled on first use reads a table when it is first used.
            TableRows::Raw(json) if deferred_patterns => {
                let t = Table::deferred(name.clone(), spec.clause, spec.key, &spec.aliases, json)
                    .folding(spec.fold);
                tables.insert(name, t);
                continue;
            }
            TableRows::Raw(json) => match serde_json::from_str(json) {
                Ok(rows) => rows,
                Err(e) => {
                    errors.push(PackError::new(
                        file.clone(),
                        format!("table `{name}` rows: {e}"),
                    ));
                    continue;
                }
            },
            TableRows::Parsed(rows) => rows,
        };
        rows.iter_mut().for_each(source::plain_json_in_place);
        if let Some(i) = rows.iter().position(|r| !r.is_object()) {
            errors.push(PackError::new(
                file.clone(),
                format!("table `{name}` row {} is not an inline table", i + 1),
            ));
            continue;
        }
        let t = Table::new(
            name.clone(),
            spec.clause.clone(),
            spec.key.clone(),
            &spec.aliases,
            rows,
        )
        .folding(spec.fold);
        let keys = t.keys();
        let mut seen = std::collections::HashSet::new();
        for k in &keys {
            if !seen.insert(k) {
                errors.push(PackError::new(
                    file.clone(),
                    format!("table `{name}` has key `{k}` twice"),
                ));
            }
        }
        if keys.len() != t.rows.len() {
            errors.push(PackError::new(
                file.clone(),
                format!("table `{name}`: every row needs a `{}` value", spec.key),
            ));
        }
        tables.insert(name, t);
    }

    let env = CompileEnv {
        tables: &tables,
        codelists,
        deferred_patterns,
    };
    let mut lets = Vec::new();
    for ([name, src], file) in &parsed.let_specs {
        if !is_identifier(name)
            || RESERVED.contains(&name.as_str())
            || lets.iter().any(|(n, _)| n == name)
        {
            errors.push(PackError::new(
                file.clone(),
                format!("pack `let` name `{name}` is not a free identifier"),
            ));
            continue;
        }
        match env.expr(&format!("let {name}"), src) {
            Ok(e) => lets.push((name.clone(), e)),
            Err(e) => errors.push(PackError::new(file.clone(), e)),
        }
    }
    let applies_if = match meta
        .applies_if
        .as_deref()
        .map(|src| env.expr("applies_if", src))
    {
        Some(Ok(e)) => Some(e),
        Some(Err(e)) => {
            errors.push(PackError::new(meta_file.clone(), e));
            None
        }
        None => None,
    };
    let mut rules = Vec::new();
    for (spec, file, line) in parsed.rule_specs {
        let err = |msg: String| {
            PackError::new(file.clone(), msg)
                .at_line(line)
                .in_rule(spec.id.clone())
        };
        if spec.id.trim().is_empty() {
            errors.push(err("rule id is empty".into()));
            continue;
        }
        if spec.clause.trim().is_empty() {
            errors.push(err(
                "rule has no clause: every rule cites the clause it enforces".into(),
            ));
        }
        if spec.message.zh.trim().is_empty() || spec.message.en.trim().is_empty() {
            errors.push(err("rule needs a message in both zh and en".into()));
        }
        if meta.legal_force == Some(format::LegalForce::Guidance)
            && spec.severity == Severity::Error
        {
            errors.push(err(
                "the pack's legal_force is guidance: its shortfalls are warnings, not errors"
                    .into(),
            ));
        }
        let compile = || -> Result<Rule, String> {
            let known = |t: &str| env.knows(t);
            // An embedded pack's messages compile when a finding first renders them.
            let template = |src: &str| {
                if deferred_patterns {
                    Ok(Template::deferred(src))
                } else {
                    Template::compile(src, &known)
                }
            };
            let mut lets = Vec::new();
            for [name, src] in &spec.lets {
                if !is_identifier(name) || RESERVED.contains(&name.as_str()) {
                    return Err(format!("`let` name `{name}` is not a free identifier"));
                }
                lets.push((name.clone(), env.expr(&format!("let {name}"), src)?));
            }
            let when: Option<Expr> = spec
                .when
                .as_deref()
                .map(|w| env.expr("when", w))
                .transpose()?;
            let when_lets = when_lets(when.as_ref(), &lets);
            let item_lets = item_lets(&lets, spec.for_each.is_none());
            let when_steps = when_steps(when.as_ref(), &lets, &item_lets);
            let mut when_chain = Vec::new();
            if let (Some(w), Some(_)) = (&when, &when_steps) {
                let mut conjuncts = Vec::new();
                w.root.conjuncts(&mut conjuncts);
                if conjuncts.len() > 1 {
                    when_chain = conjuncts.into_iter().cloned().collect();
                }
            }
            // In the order errors were always reported: messages, `for_each`, the check.
            let message_zh = template(&spec.message.zh).map_err(|e| format!("message.zh: {e}"))?;
            let message_en = template(&spec.message.en).map_err(|e| format!("message.en: {e}"))?;
            let for_each = spec
                .for_each
                .as_deref()
                .map(|w| env.expr("for_each", w))
                .transpose()?;
            Ok(Rule {
                reasons: SkipReasons::of(&spec.id, when.as_ref(), for_each.as_ref()),
                id: spec.id.clone(),
                clause: spec.clause.clone(),
                severity: spec.severity,
                confidence: spec.confidence,
                topic: spec.topic.clone(),
                message_zh,
                message_en,
                when,
                lets,
                when_lets,
                item_lets,
                when_steps,
                when_chain,
                when_memo: Vec::new(),
                list_id: None,
                list_pointer: for_each
                    .as_ref()
                    .map(|l| crate::primitives::pointer_of(l, ""))
                    .unwrap_or_default()
                    .into(),
                for_each,
                recurse: spec.recurse.clone(),
                check: Check::compile(&spec.check, &env)?,
                note: spec.note.clone(),
                also: spec.also.clone(),
                record: spec
                    .record
                    .as_ref()
                    .map(|r| -> Result<Record, String> {
                        Ok(Record {
                            name: env.expr("record.name", &r.name)?,
                            printed: env.expr("record.printed", &r.printed)?,
                            measured: env.expr("record.measured", &r.measured)?,
                            allowed: env.expr("record.allowed", &r.allowed)?,
                            unit: r
                                .unit
                                .as_deref()
                                .map(|u| env.expr("record.unit", u))
                                .transpose()?,
                        })
                    })
                    .transpose()?,
                file: file.clone(),
                line,
            })
        };
        match compile() {
            Ok(r) => rules.push(r),
            Err(e) => errors.push(err(e)),
        }
    }
    number_when_operands(&mut rules);
    let shared_lists = number_shared_lists(&mut rules);
    PackBody {
        shared_lists,
        applies_if,
        tables,
        rules,
        retired: parsed.retired,
        lets,
        errors: Vec::new(),
    }
}

/// Names the engine binds itself; a `let` may not shadow them.
const RESERVED: &[&str] = &[
    "label",
    "item",
    "parent",
    "row",
    "claim",
    "entry",
    "el",
    "prev",
    "found",
    "expected",
    "word",
    "input",
    "tolerance",
    "entries",
];

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The line of every `id = "<id>"` in a pack file, read in one pass (a search per rule was
/// quadratic in the rules of a file). The first line wins for an id given twice.
fn rule_lines(text: &str) -> std::collections::HashMap<&str, usize> {
    let mut out = std::collections::HashMap::new();
    for (i, l) in text.lines().enumerate() {
        let l = l.trim_start();
        let Some(rest) = l.strip_prefix("id") else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix('"') else {
            continue;
        };
        if let Some(end) = rest.find('"') {
            out.entry(&rest[..end]).or_insert(i + 1);
        }
    }
    out
}

#[cfg(test)]
mod rule_line_tests {
    #[test]
    fn one_pass_index_of_rule_ids() {
        let text = "[[rule]]\nid = \"A/1\"\nclause = \"1\"\n\n[[rule]]\n  id=\"B/2\"\nnote = \"id = \\\"C\\\"\"\n[[rule]]\nid = \"A/1\"\n";
        let lines = super::rule_lines(text);
        assert_eq!(lines.get("A/1"), Some(&2));
        assert_eq!(lines.get("B/2"), Some(&6));
        assert_eq!(lines.get("C"), None);
        // Linear: 20 000 rules are indexed without a search per rule.
        let big: String = (0..20_000)
            .map(|i| format!("[[rule]]\nid = \"R/{i}\"\n"))
            .collect();
        let lines = super::rule_lines(&big);
        assert_eq!(lines.len(), 20_000);
        assert_eq!(lines.get("R/19999"), Some(&40_000));
    }
}

/// Marks the lets `when` reads, directly or through other lets (see `Rule::when_lets`). A
/// let sees only the lets before it, so the walk goes backwards: a let is needed when a
/// needed expression names it, and then the names it reads are needed too. Two lets of
/// one name are both marked — evaluating one more value early changes nothing.
fn when_lets(when: Option<&Expr>, lets: &[(String, Expr)]) -> Vec<bool> {
    let mut needed: Vec<&str> = Vec::new();
    if let Some(w) = when {
        w.root.root_names(&mut needed);
    }
    let mut marks = vec![false; lets.len()];
    for (i, (name, e)) in lets.iter().enumerate().rev() {
        if needed.contains(&name.as_str()) {
            marks[i] = true;
            e.root.root_names(&mut needed);
        }
    }
    marks
}

/// Numbers the `when` operands worth remembering for a check (see `Rule::when_memo`): an
/// operand that reads only `item` and `label`, calls a function or runs a pattern, and
/// either reads only `label` (its value is the same for every element of the rule) or
/// occurs in more than one rule of the pack (the rules share its value per element). An
/// operand of one rule that reads the element is judged once per element anyway, so
/// remembering it would only cost.
fn number_when_operands(rules: &mut [Rule]) {
    // Per rule, per operand: its key and whether it reads only `label`.
    let keys: Vec<Vec<Option<(String, bool)>>> = rules
        .iter()
        .map(|rule| {
            let (Some(when), Some(_)) = (&rule.when, &rule.when_steps) else {
                return Vec::new();
            };
            let mut conjuncts = Vec::new();
            when.root.conjuncts(&mut conjuncts);
            conjuncts
                .into_iter()
                .map(|c| {
                    let mut names = Vec::new();
                    c.root_names(&mut names);
                    if !c.calls() || !names.iter().all(|n| *n == "item" || *n == "label") {
                        return None;
                    }
                    let mut key = String::new();
                    c.memo_key(&mut key);
                    Some((key, names.iter().all(|n| *n == "label")))
                })
                .collect()
        })
        .collect();
    let mut rules_of: HashMap<&str, usize> = HashMap::new();
    for per_rule in &keys {
        let mut seen: Vec<&str> = Vec::new();
        for (key, _) in per_rule.iter().flatten() {
            if !seen.contains(&key.as_str()) {
                seen.push(key);
                *rules_of.entry(key).or_default() += 1;
            }
        }
    }
    let mut ids: HashMap<&str, u32> = HashMap::new();
    for (rule, per_rule) in rules.iter_mut().zip(&keys) {
        rule.when_memo = per_rule
            .iter()
            .map(|k| {
                let (key, label_only) = k.as_ref()?;
                if !label_only && rules_of.get(key.as_str()).copied().unwrap_or(0) < 2 {
                    return None;
                }
                let next = u32::try_from(ids.len()).ok()?;
                let id = *ids.entry(key.as_str()).or_insert(next);
                // The top bit says the operand reads only `label` (see `engine::admits`).
                Some(if *label_only { id | LABEL_ONLY } else { id })
            })
            .collect();
    }
}

/// Numbers the element lists (`for_each` with its `recurse`) that more than one rule of
/// the pack visits, in `Rule::list_id`, and returns how many there are. A `for_each` is
/// evaluated before any of the rule's own names are bound, so it reads only the label, the
/// pack's lets and its tables — all the same for every rule of the pack in one check — and
/// rules with the same source text and `recurse` visit the same elements.
fn number_shared_lists(rules: &mut [Rule]) -> usize {
    let key = |r: &Rule| {
        r.for_each
            .as_ref()
            .map(|l| (l.source.clone(), r.recurse.clone()))
    };
    let mut uses: HashMap<(String, Option<String>), usize> = HashMap::new();
    for k in rules.iter().filter_map(key) {
        *uses.entry(k).or_default() += 1;
    }
    let mut ids: HashMap<(String, Option<String>), u32> = HashMap::new();
    for rule in rules.iter_mut() {
        rule.list_id = key(rule)
            .filter(|k| uses.get(k).copied().unwrap_or(0) > 1)
            .and_then(|k| {
                let next = u32::try_from(ids.len()).ok()?;
                Some(*ids.entry(k).or_insert(next))
            });
    }
    ids.len()
}

/// Set in a `Rule::when_memo` number whose operand reads only `label`: one value per check,
/// whatever the element.
pub(crate) const LABEL_ONLY: u32 = 1 << 31;

/// The per-element lets to evaluate before each operand of `when`'s `and` chain (see
/// `Rule::when_steps`).
fn when_steps(
    when: Option<&Expr>,
    lets: &[(String, Expr)],
    item_lets: &[bool],
) -> Option<Vec<Vec<usize>>> {
    let when = when?;
    // Evaluating a subset of the lets in declaration order gives each the value the full
    // order gives only when no let reads a later (or its own) name: check that.
    for (i, (name, e)) in lets.iter().enumerate() {
        let mut names = Vec::new();
        e.root.root_names(&mut names);
        if lets[i..]
            .iter()
            .any(|(later, _)| names.contains(&later.as_str()))
            || lets[..i].iter().any(|(earlier, _)| earlier == name)
        {
            return None;
        }
    }
    let mut conjuncts = Vec::new();
    when.root.conjuncts(&mut conjuncts);
    let mut done = vec![false; lets.len()];
    let mut steps = Vec::with_capacity(conjuncts.len());
    for c in conjuncts {
        // The lets this operand reads, directly or through earlier lets.
        let mut needed: Vec<&str> = Vec::new();
        c.root_names(&mut needed);
        let mut marks = vec![false; lets.len()];
        for (i, (name, e)) in lets.iter().enumerate().rev() {
            if needed.contains(&name.as_str()) {
                marks[i] = true;
                e.root.root_names(&mut needed);
            }
        }
        let step: Vec<usize> = (0..lets.len())
            .filter(|&i| marks[i] && !done[i] && item_lets.get(i).copied().unwrap_or(true))
            .collect();
        step.iter().for_each(|&i| done[i] = true);
        steps.push(step);
    }
    Some(steps)
}

/// Marks the lets that read the element of a `for_each` (see `Rule::item_lets`): those
/// naming `item` or `parent`, or a let marked before them. A rule without `for_each` has
/// one element, the label: every let is marked, so each is evaluated where `when` needs it
/// or once the label is admitted — not all of them before `when` (a rule about a GI mark
/// computed its five lets for every label, which has none).
fn item_lets(lets: &[(String, Expr)], one_element: bool) -> Vec<bool> {
    if one_element {
        return vec![true; lets.len()];
    }
    let mut varying: Vec<&str> = vec!["item", "parent"];
    let mut marks = Vec::with_capacity(lets.len());
    for (name, e) in lets {
        let mut names = Vec::new();
        e.root.root_names(&mut names);
        let reads_element = names.iter().any(|n| varying.contains(n));
        if reads_element {
            varying.push(name);
        }
        marks.push(reads_element);
    }
    marks
}

#[cfg(test)]
mod when_lets_tests {
    use crate::expr::Expr;

    fn lets(src: &[(&str, &str)]) -> Vec<(String, Expr)> {
        src.iter()
            .map(|(n, s)| (n.to_string(), Expr::compile(s, &|_| true).expect("expr")))
            .collect()
    }

    #[test]
    fn marks_what_the_condition_reads_through_other_lets() {
        let l = lets(&[
            ("x", "label.a"),
            ("msg", "words_in(item.name, 't', 'w', 'e')"),
            ("y", "x + 1"),
            ("z", "msg"),
        ]);
        let when = Expr::compile("y > 2 and exists(item)", &|_| true).expect("when");
        assert_eq!(
            super::when_lets(Some(&when), &l),
            [true, false, true, false]
        );
        assert_eq!(super::item_lets(&l, false), [false, true, false, true]);
        // Without a condition nothing goes first.
        assert_eq!(super::when_lets(None, &l), [false; 4]);
        // A let reads only the lets before it: `z` naming `msg` makes `msg` needed.
        let when = Expr::compile("z", &|_| true).expect("when");
        assert_eq!(
            super::when_lets(Some(&when), &l),
            [false, true, false, true]
        );
    }

    #[test]
    fn plans_each_operand_its_lets() {
        let l = lets(&[
            ("a", "item.x"),
            ("b", "words_in(item.name, 't', 'w', 'e')"),
            ("c", "a + 1"),
            ("k", "label.k"),
        ]);
        let item = super::item_lets(&l, false);
        let when = Expr::compile("c > 2 and k == 1 and len(b) > 0", &|_| true).expect("when");
        // `c` needs `a` (both per element) first; `k` is one value per label, evaluated
        // before the elements; `b` only before the operand that reads it.
        assert_eq!(
            super::when_steps(Some(&when), &l, &item),
            Some(vec![vec![0, 2], vec![], vec![1]])
        );
        // A rule without `for_each` has one element: `k` too waits for its operand, and
        // a label the first operand refuses costs no let at all.
        let one = super::item_lets(&l, true);
        assert_eq!(one, [true; 4]);
        assert_eq!(
            super::when_steps(Some(&when), &l, &one),
            Some(vec![vec![0, 2], vec![3], vec![1]])
        );
        let when =
            Expr::compile("exists(item.y) and (len(b) > 0 or c > 1)", &|_| true).expect("when");
        assert_eq!(
            super::when_steps(Some(&when), &l, &item),
            Some(vec![vec![], vec![0, 1, 2]])
        );
        assert_eq!(super::when_steps(None, &l, &item), None);
        // A let reading a later name, or a name given twice: no plan.
        let forward = lets(&[("p", "q + 1"), ("q", "item.x")]);
        let when = Expr::compile("p > 1", &|_| true).expect("when");
        assert_eq!(
            super::when_steps(Some(&when), &forward, &super::item_lets(&forward, false)),
            None
        );
        let twice = lets(&[("p", "item.x"), ("p", "item.y")]);
        assert_eq!(
            super::when_steps(Some(&when), &twice, &super::item_lets(&twice, false)),
            None
        );
    }
}

#[cfg(test)]
mod when_memo_tests {
    use super::LABEL_ONLY;

    /// Operands shared by rules of a pack share a number; an operand reading only `label`
    /// is marked so; one reading a let, or read by one rule only and reading the element,
    /// is not remembered.
    #[test]
    fn numbers_the_operands_worth_remembering() {
        let s = crate::pack::Standards::load(&crate::embedded::files()).expect("standards");
        let pack = |id: &str| {
            s.packs
                .iter()
                .find(|p| p.meta.id == id)
                .unwrap_or_else(|| panic!("pack {id}"))
        };
        let nutrition = pack("gb28050-2011");
        let memo = |id: &str| {
            nutrition
                .rules
                .iter()
                .chain(pack("gb7718-2011").rules.iter())
                .find(|r| r.id == id)
                .unwrap_or_else(|| panic!("rule {id}"))
                .when_memo
                .clone()
        };
        // `in_table('nutrients', item.nutrient)` opens both conditions: one number.
        let rounding = memo("GB28050-2011/6.2/rounding-interval");
        let zero = memo("GB28050-2011/6.2/zero-threshold");
        assert!(rounding[0].is_some());
        assert_eq!(rounding[0], zero[0]);
        assert_eq!(rounding[0].map(|id| id & LABEL_ONLY), Some(0));
        // `count_present(label.nutrition.rows, …) > 0` (the third operand, after the
        // supplementary-kcal test and `in_table`) reads only the label.
        let nrv = memo("GB28050-2011/4.1/nrv-present");
        assert!(nrv[2].is_some_and(|id| id & LABEL_ONLY != 0), "{nrv:?}");
        // `exists(ins_of_name)` (the last operand) reads a let: judged every time.
        let ins = memo("GB7718-2011/4.1.3.1.4/specific-name-has-ins");
        assert_eq!(ins.last(), Some(&None), "{ins:?}");
        // `matches(item.name, '氢化')` is one rule's operand over the element: not kept.
        let trans = memo("GB28050-2011/4.4/trans-fat-if-hydrogenated");
        assert!(trans.contains(&None), "{trans:?}");
    }

    fn gb7718(s: &crate::pack::Standards) -> &crate::pack::Pack {
        s.packs
            .iter()
            .find(|p| p.meta.id == "gb7718-2011")
            .expect("gb7718-2011")
    }

    fn rule_of<'p>(pack: &'p crate::pack::Pack, id: &str) -> &'p crate::pack::Rule {
        pack.rules
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("rule {id}"))
    }

    /// A rule's `when` operands are its `and` chain's, in order; one operand is `when`
    /// itself, not a copy.
    #[test]
    fn lists_the_when_operands() {
        let s = crate::pack::Standards::load(&crate::embedded::files()).expect("standards");
        let pack = gb7718(&s);
        let rule = |id: &str| rule_of(pack, id);
        let chained = rule("GB7718-2011/4.1.3.1.4/specific-name-has-ins");
        let when = chained.when.as_ref().expect("when");
        let mut conjuncts = Vec::new();
        when.root.conjuncts(&mut conjuncts);
        // `(a specific name or a sub-item) and not exists(item.ins) and (…) and
        // exists(ins_of_name)`.
        assert_eq!(conjuncts.len(), 4);
        let keys = |nodes: &mut dyn Iterator<Item = &crate::expr::Node>| -> Vec<String> {
            nodes
                .map(|n| {
                    let mut k = String::new();
                    n.memo_key(&mut k);
                    k
                })
                .collect()
        };
        assert_eq!(
            keys(&mut chained.when_operands().iter()),
            keys(&mut conjuncts.into_iter())
        );
        let single = rule("GB7718-2011/4.1.3.1.4/ins-in-gb2760");
        let root = &single.when.as_ref().expect("when").root;
        assert!(single.when_chain.is_empty());
        assert!(std::ptr::eq(&single.when_operands()[0], root));
        assert_eq!(single.when_operands().len(), 1);
        let unconditional = pack
            .rules
            .iter()
            .find(|r| r.when.is_none())
            .expect("a rule");
        assert!(unconditional.when_operands().is_empty());
    }

    /// Rules with the same `for_each` and `recurse` share a list number; a list with
    /// another `recurse`, or visited by one rule only, has none.
    #[test]
    fn numbers_the_element_lists_rules_share() {
        let s = crate::pack::Standards::load(&crate::embedded::files()).expect("standards");
        let pack = gb7718(&s);
        let id = |rule: &str| rule_of(pack, rule).list_id;
        // The ingredients with their sub-ingredients: six rules, one list.
        let ingredients = id("GB7718-2011/4.1.3.1.4/additive-one-form");
        assert!(ingredients.is_some());
        assert_eq!(ingredients, id("GB7718-2011/4.1.3.1.4/ins-in-gb2760"));
        assert_eq!(ingredients, id("GB7718-2011/4.1.3.1.3/compound-expanded"));
        // The unreadable shares: two rules, another list.
        let unparsed = id("GB7718-2011/3.4/impossible-share");
        assert!(unparsed.is_some());
        assert_eq!(unparsed, id("GB7718-2011/3.2/unreadable-share"));
        assert_ne!(unparsed, ingredients);
        // Rules without `for_each` have no list.
        let unlisted = pack.rules.iter().filter(|r| r.for_each.is_none());
        assert!(unlisted.clone().count() > 0);
        assert!(unlisted.clone().all(|r| r.list_id.is_none()));
        let numbered: std::collections::BTreeSet<u32> =
            pack.rules.iter().filter_map(|r| r.list_id).collect();
        assert_eq!(numbered.len(), pack.shared_lists);
        assert_eq!(
            numbered.iter().max().map(|m| *m as usize + 1),
            Some(pack.shared_lists)
        );
    }
}

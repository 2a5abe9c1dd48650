//! The result objects: `Report`, `Finding`, `Citation`, `Span`, `PackRef`, `Comparison`,
//! and the catalogue objects `Pack` and `Rule`. Each wraps the core value and converts a
//! field to Python only when it is read, so a batch of reports costs little until used.

use crate::convert::{date_to_py, value_to_py};
use labelcheck::report::{Citation, PackRef, Span};
use labelcheck::{Comparison, Finding, MarketReports, Report, Severity, Verdict};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

/// Which language `Finding.message` returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn name(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "pass",
        Verdict::PassWithWarnings => "pass_with_warnings",
        Verdict::Fail => "fail",
        Verdict::NotChecked => "not_checked",
    }
}

fn confidence_name(c: labelcheck::report::Confidence) -> &'static str {
    use labelcheck::report::Confidence;
    match c {
        Confidence::Solid => "solid",
        Confidence::Secondary => "secondary",
        Confidence::Unverified => "unverified",
    }
}

fn short_repr(s: &str) -> String {
    // Python-style repr of a str, good enough for __repr__ output.
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

// ---------------------------------------------------------------------------------------

/// The clause a finding rests on: standard, edition, clause and the pack it came from.
/// `str(citation)` is the short form, `GB 7718-2011 §4.1.3.1.2`.
#[pyclass(frozen, eq, module = "labelcheck", name = "Citation")]
#[derive(Clone, PartialEq)]
pub struct PyCitation(pub Citation);

#[pymethods]
impl PyCitation {
    #[getter]
    fn standard(&self) -> &str {
        &self.0.standard
    }
    #[getter]
    fn edition(&self) -> &str {
        &self.0.edition
    }
    #[getter]
    fn clause(&self) -> &str {
        &self.0.clause
    }
    /// Further clauses the finding also rests on (e.g. a conformity clause); often empty.
    #[getter]
    fn also(&self) -> Vec<String> {
        self.0.also.clone()
    }
    #[getter]
    fn pack(&self) -> &str {
        &self.0.pack
    }
    fn __str__(&self) -> String {
        self.0.short()
    }
    fn __repr__(&self) -> String {
        format!("<Citation {} ({})>", self.0.short(), self.0.pack)
    }
}

/// The characters of a free-text field a finding is about. `start`/`end` index Python
/// strings (Unicode code points): `label_text[span.start:span.end] == span.text`;
/// `utf16_start`/`utf16_end` are the same for JavaScript.
#[pyclass(frozen, eq, module = "labelcheck", name = "Span")]
#[derive(Clone, PartialEq)]
pub struct PySpan(pub Span);

#[pymethods]
impl PySpan {
    /// JSON pointer of the text field, e.g. `/ingredients/text`.
    #[getter]
    fn field(&self) -> &str {
        &self.0.field
    }
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
    #[getter]
    fn utf16_start(&self) -> usize {
        self.0.utf16_start
    }
    #[getter]
    fn utf16_end(&self) -> usize {
        self.0.utf16_end
    }
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    fn __repr__(&self) -> String {
        format!(
            "<Span {}[{}:{}] {}>",
            self.0.field,
            self.0.start,
            self.0.end,
            short_repr(&self.0.text)
        )
    }
}

/// One shortfall of a label against a rule.
#[pyclass(frozen, eq, module = "labelcheck", name = "Finding")]
#[derive(Clone, PartialEq)]
pub struct PyFinding {
    pub inner: Finding,
    pub lang: Lang,
}

#[pymethods]
impl PyFinding {
    /// Stable rule id, e.g. `GB7718-2011/4.1.3.1.2/descending-order`.
    #[getter]
    fn rule(&self) -> &str {
        &self.inner.rule
    }
    /// `error`, `warning` or `info`.
    #[getter]
    fn severity(&self) -> &'static str {
        severity_name(self.inner.severity)
    }
    /// The message in the language chosen with `lang=` (default Chinese).
    #[getter]
    fn message(&self) -> &str {
        match self.lang {
            Lang::Zh => &self.inner.message.zh,
            Lang::En => &self.inner.message.en,
        }
    }
    #[getter]
    fn message_zh(&self) -> &str {
        &self.inner.message.zh
    }
    #[getter]
    fn message_en(&self) -> &str {
        &self.inner.message.en
    }
    #[getter]
    fn lang(&self) -> &'static str {
        self.lang.name()
    }
    #[getter]
    fn citation(&self) -> PyCitation {
        PyCitation(self.inner.citation.clone())
    }
    /// JSON pointer to the field (`""` = the whole label).
    #[getter]
    fn path(&self) -> &str {
        &self.inner.path
    }
    #[getter]
    fn span(&self) -> Option<PySpan> {
        self.inner.span.clone().map(PySpan)
    }
    /// What the rule required (a JSON value), or `None`.
    #[getter]
    fn expected<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.inner.expected {
            Some(v) => value_to_py(py, v),
            None => Ok(py.None().into_bound(py)),
        }
    }
    /// What the label has (a JSON value), or `None`.
    #[getter]
    fn found<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.inner.found {
            Some(v) => value_to_py(py, v),
            None => Ok(py.None().into_bound(py)),
        }
    }
    /// `solid`, `secondary` or `unverified`: how sure the rule's reading of the clause is.
    #[getter]
    fn confidence(&self) -> &'static str {
        confidence_name(self.inner.confidence)
    }
    /// Shared by the same requirement across editions.
    #[getter]
    fn topic(&self) -> Option<&str> {
        self.inner.topic.as_deref()
    }
    /// The finding as plain data (the same as in `Report.to_dict()`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict!(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "<Finding {} {} at {}>",
            severity_name(self.inner.severity),
            self.inner.rule,
            short_repr(&self.inner.path)
        )
    }
    fn __str__(&self) -> String {
        format!(
            "{} {} {}: {}",
            severity_name(self.inner.severity),
            self.inner.citation.short(),
            if self.inner.path.is_empty() {
                "(label)"
            } else {
                &self.inner.path
            },
            self.message()
        )
    }
}

/// A pack that was applied to a label, identified well enough to reproduce the result.
#[pyclass(frozen, eq, module = "labelcheck", name = "PackRef")]
#[derive(Clone, PartialEq)]
pub struct PyPackRef(pub PackRef);

#[pymethods]
impl PyPackRef {
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    #[getter]
    fn standard(&self) -> &str {
        &self.0.standard
    }
    #[getter]
    fn edition(&self) -> &str {
        &self.0.edition
    }
    #[getter]
    fn version(&self) -> &str {
        &self.0.version
    }
    /// SHA-256 of the pack's files, hex.
    #[getter]
    fn hash(&self) -> &str {
        &self.0.hash
    }
    fn __repr__(&self) -> String {
        format!(
            "<PackRef {} ({}-{} v{})>",
            self.0.id, self.0.standard, self.0.edition, self.0.version
        )
    }
}

/// The result of checking one label: every finding at once, and what was applied.
#[pyclass(frozen, eq, module = "labelcheck", name = "Report")]
#[derive(Clone, PartialEq)]
pub struct PyReport {
    pub inner: Report,
    pub lang: Lang,
}

pub fn findings_list<'py>(
    py: Python<'py>,
    fs: &[Finding],
    lang: Lang,
) -> PyResult<Bound<'py, PyList>> {
    PyList::new(
        py,
        fs.iter().map(|f| PyFinding {
            inner: f.clone(),
            lang,
        }),
    )
}

#[pymethods]
impl PyReport {
    /// For a label read from text: what the reader understood, as a dict (`document`,
    /// `fields` with their spans, `unread`, `conflicts`); None for a JSON label.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .text
            .as_ref()
            .map(|t| to_dict!(py, t))
            .transpose()
    }
    /// True when no finding has error severity (warnings and notes allowed).
    #[getter]
    fn ok(&self) -> bool {
        self.inner.verdict != Verdict::Fail
    }
    /// `pass` (no findings, or notes only), `pass_with_warnings` or `fail`.
    #[getter]
    fn verdict(&self) -> &'static str {
        verdict_name(self.inner.verdict)
    }
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        findings_list(py, &self.inner.findings, self.lang)
    }
    /// The packs applied (one edition per standard), with version and hash.
    #[getter]
    fn packs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(
            py,
            self.inner
                .packs
                .iter()
                .map(|p| PyPackRef(PackRef::clone(p))),
        )
    }
    /// The label's `id`, if it has one.
    #[getter]
    fn label_id(&self) -> Option<&str> {
        self.inner.label_id.as_deref()
    }
    #[getter]
    fn market(&self) -> &str {
        &self.inner.market
    }
    #[getter]
    fn category(&self) -> &str {
        &self.inner.category
    }
    /// The date the label was judged on.
    #[getter]
    fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.inner.as_of)
    }
    #[getter]
    fn rules_evaluated(&self) -> usize {
        self.inner.rules_evaluated
    }
    #[getter]
    fn rules_skipped(&self) -> usize {
        self.inner.rules_skipped
    }
    /// `(rule id, reason)` for rules that applied but could not be judged.
    #[getter]
    fn skipped<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items: Vec<Bound<'py, PyTuple>> = self
            .inner
            .skipped
            .iter()
            .map(|s| PyTuple::new(py, [&*s.rule, &*s.reason]))
            .collect::<PyResult<_>>()?;
        PyList::new(py, items)
    }
    /// Declared against measured: one dict per value a lab report (`facts.lab`) was compared
    /// with — `rule`, `path`, `name`, `printed`, `measured`, `allowed`, `unit`, `verdict`.
    #[getter]
    fn measurements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items: Vec<Bound<'py, PyAny>> = self
            .inner
            .measurements
            .iter()
            .map(|m| to_dict!(py, m))
            .collect::<PyResult<_>>()?;
        PyList::new(py, items)
    }
    #[getter]
    fn lang(&self) -> &'static str {
        self.lang.name()
    }
    /// The report as plain data, exactly as `labelcheck check --format json` prints it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict!(py, &self.inner)
    }
    /// The report as JSON text (non-ASCII kept as is): compact, or indented by `indent`.
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        to_json!(&self.inner, indent)
    }
    fn __repr__(&self) -> String {
        let packs: Vec<&str> = self.inner.packs.iter().map(|p| p.id.as_str()).collect();
        format!(
            "<Report {}{} as of {}: {}, {} finding{} [{}]>",
            self.inner
                .label_id
                .as_deref()
                .map(|s| format!("{s} "))
                .unwrap_or_default(),
            self.inner.category,
            self.inner.as_of,
            verdict_name(self.inner.verdict),
            self.inner.findings.len(),
            if self.inner.findings.len() == 1 {
                ""
            } else {
                "s"
            },
            packs.join(", ")
        )
    }
}

/// One label checked against several markets: a report per market, in the order asked.
#[pyclass(frozen, eq, module = "labelcheck", name = "MarketReports")]
#[derive(Clone, PartialEq)]
pub struct PyMarketReports {
    pub inner: MarketReports,
    pub lang: Lang,
}

#[pymethods]
impl PyMarketReports {
    /// The worst verdict over the markets: `pass`, `pass_with_warnings` or `fail`.
    #[getter]
    fn verdict(&self) -> &'static str {
        verdict_name(self.inner.verdict)
    }
    /// True when no market has an error finding.
    #[getter]
    fn ok(&self) -> bool {
        self.inner.verdict != Verdict::Fail
    }
    /// `{market: Report}` in the order asked (a market with no pack for the label's
    /// category has a report whose verdict is `not_checked`).
    #[getter]
    fn markets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        let d = pyo3::types::PyDict::new(py);
        for m in &self.inner.markets {
            d.set_item(
                &m.market,
                PyReport {
                    inner: m.report.clone(),
                    lang: self.lang,
                },
            )?;
        }
        Ok(d)
    }
    /// As plain data, exactly as `labelcheck check --market … --format json` prints it
    /// under `markets`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict!(py, &self.inner)
    }
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        to_json!(&self.inner, indent)
    }
    fn __repr__(&self) -> String {
        let parts: Vec<String> = self
            .inner
            .markets
            .iter()
            .map(|m| format!("{}: {}", m.market, verdict_name(m.report.verdict)))
            .collect();
        format!(
            "<MarketReports {}: {}>",
            verdict_name(self.inner.verdict),
            parts.join(", ")
        )
    }
}

/// A label under the editions in force and under the latest editions, side by side.
#[pyclass(frozen, eq, module = "labelcheck", name = "Comparison")]
#[derive(Clone, PartialEq)]
pub struct PyComparison {
    pub inner: Comparison,
    pub lang: Lang,
}

#[pymethods]
impl PyComparison {
    /// The report under the editions in force on the check date.
    #[getter]
    fn current(&self) -> PyReport {
        PyReport {
            inner: self.inner.current.clone(),
            lang: self.lang,
        }
    }
    /// The report under the latest editions (e.g. GB 7718-2025 before it is in force).
    #[getter]
    fn next(&self) -> PyReport {
        PyReport {
            inner: self.inner.next.clone(),
            lang: self.lang,
        }
    }
    /// Findings under the latest editions with no counterpart (same topic and path) now.
    #[getter]
    fn newly_failing<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        findings_list(py, &self.inner.newly_failing, self.lang)
    }
    /// Findings now with no counterpart under the latest editions.
    #[getter]
    fn resolved<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        findings_list(py, &self.inner.resolved, self.lang)
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_dict!(py, &self.inner)
    }
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        to_json!(&self.inner, indent)
    }
    fn __repr__(&self) -> String {
        format!(
            "<Comparison {} → {}: {} newly failing, {} resolved>",
            verdict_name(self.inner.current.verdict),
            verdict_name(self.inner.next.verdict),
            self.inner.newly_failing.len(),
            self.inner.resolved.len()
        )
    }
}

// ---------------------------------------------------------------------------------------

/// A loaded pack: one edition of one standard.
#[pyclass(frozen, module = "labelcheck", name = "Pack")]
pub struct PyPack {
    pub id: String,
    pub standard: String,
    pub edition: String,
    pub title_zh: String,
    pub title_en: String,
    pub jurisdiction: String,
    pub categories: Vec<String>,
    pub exclude_categories: Vec<String>,
    pub families: Vec<String>,
    pub effective_from: labelcheck::Date,
    pub effective_until: Option<labelcheck::Date>,
    pub supersedes: Vec<String>,
    pub version: String,
    pub hash: String,
    pub files: Vec<String>,
    pub rules: Vec<String>,
}

impl PyPack {
    pub fn new(p: &labelcheck::pack::Pack) -> PyPack {
        let m = &p.meta;
        PyPack {
            id: m.id.clone(),
            standard: m.standard.clone(),
            edition: m.edition.clone(),
            title_zh: m.title.zh.clone(),
            title_en: m.title.en.clone(),
            jurisdiction: m.jurisdiction.clone(),
            categories: m.categories.clone(),
            exclude_categories: m.exclude_categories.clone(),
            families: m.families.clone(),
            effective_from: m.effective_from,
            effective_until: m.effective_until,
            supersedes: m.supersedes.clone(),
            version: m.version.clone(),
            hash: p.hash.clone(),
            files: p.files.clone(),
            rules: p.rules.iter().map(|r| r.id.clone()).collect(),
        }
    }
}

#[pymethods]
impl PyPack {
    #[getter]
    fn id(&self) -> &str {
        &self.id
    }
    #[getter]
    fn standard(&self) -> &str {
        &self.standard
    }
    #[getter]
    fn edition(&self) -> &str {
        &self.edition
    }
    #[getter]
    fn title_zh(&self) -> &str {
        &self.title_zh
    }
    #[getter]
    fn title_en(&self) -> &str {
        &self.title_en
    }
    /// Market the pack applies in, e.g. `CN`.
    #[getter]
    fn jurisdiction(&self) -> &str {
        &self.jurisdiction
    }
    #[getter]
    fn categories(&self) -> Vec<String> {
        self.categories.clone()
    }
    #[getter]
    fn exclude_categories(&self) -> Vec<String> {
        self.exclude_categories.clone()
    }
    #[getter]
    fn families(&self) -> Vec<String> {
        self.families.clone()
    }
    #[getter]
    fn effective_from<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.effective_from)
    }
    /// First day the pack no longer applies, or `None` when open-ended.
    #[getter]
    fn effective_until<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.effective_until {
            Some(d) => date_to_py(py, d),
            None => Ok(py.None().into_bound(py)),
        }
    }
    #[getter]
    fn supersedes(&self) -> Vec<String> {
        self.supersedes.clone()
    }
    /// Version of the pack data (not of the standard).
    #[getter]
    fn version(&self) -> &str {
        &self.version
    }
    #[getter]
    fn hash(&self) -> &str {
        &self.hash
    }
    #[getter]
    fn files(&self) -> Vec<String> {
        self.files.clone()
    }
    /// The ids of the pack's rules, in pack order.
    #[getter]
    fn rules(&self) -> Vec<String> {
        self.rules.clone()
    }
    fn __repr__(&self) -> String {
        format!(
            "<Pack {} ({}-{} v{}, {} rules)>",
            self.id,
            self.standard,
            self.edition,
            self.version,
            self.rules.len()
        )
    }
}

/// A rule of a pack, with what it checks and why.
#[pyclass(frozen, module = "labelcheck", name = "Rule")]
pub struct PyRule {
    pub id: String,
    pub citation: Citation,
    pub severity: Severity,
    pub confidence: &'static str,
    pub topic: Option<String>,
    pub check: &'static str,
    pub when: Option<String>,
    pub for_each: Option<String>,
    pub note: Option<String>,
    pub file: String,
    pub line: Option<usize>,
    pub pack_title_zh: String,
    pub pack_title_en: String,
    pub pack_version: String,
    pub effective_from: labelcheck::Date,
    pub effective_until: Option<labelcheck::Date>,
}

impl PyRule {
    pub fn new(p: &labelcheck::pack::Pack, r: &labelcheck::pack::Rule) -> PyRule {
        PyRule {
            id: r.id.clone(),
            citation: Citation {
                standard: p.meta.standard.clone(),
                edition: p.meta.edition.clone(),
                clause: r.clause.clone(),
                also: r.also.clone(),
                pack: p.meta.id.clone(),
            },
            severity: r.severity,
            confidence: confidence_name(r.confidence),
            topic: r.topic.clone(),
            check: r.check.kind(),
            when: r.when.as_ref().map(|e| e.source.clone()),
            for_each: r.for_each.as_ref().map(|e| e.source.clone()),
            note: r.note.clone(),
            file: r.file.clone(),
            line: r.line,
            pack_title_zh: p.meta.title.zh.clone(),
            pack_title_en: p.meta.title.en.clone(),
            pack_version: p.meta.version.clone(),
            effective_from: p.meta.effective_from,
            effective_until: p.meta.effective_until,
        }
    }
}

#[pymethods]
impl PyRule {
    #[getter]
    fn id(&self) -> &str {
        &self.id
    }
    /// The pack id.
    #[getter]
    fn pack(&self) -> &str {
        &self.citation.pack
    }
    #[getter]
    fn standard(&self) -> &str {
        &self.citation.standard
    }
    #[getter]
    fn edition(&self) -> &str {
        &self.citation.edition
    }
    #[getter]
    fn clause(&self) -> &str {
        &self.citation.clause
    }
    #[getter]
    fn citation(&self) -> PyCitation {
        PyCitation(self.citation.clone())
    }
    #[getter]
    fn severity(&self) -> &'static str {
        severity_name(self.severity)
    }
    #[getter]
    fn confidence(&self) -> &'static str {
        self.confidence
    }
    #[getter]
    fn topic(&self) -> Option<&str> {
        self.topic.as_deref()
    }
    /// The check primitive, e.g. `descending_order`.
    #[getter]
    fn check(&self) -> &'static str {
        self.check
    }
    /// The applicability expression, if any.
    #[getter]
    fn when(&self) -> Option<&str> {
        self.when.as_deref()
    }
    #[getter]
    fn for_each(&self) -> Option<&str> {
        self.for_each.as_deref()
    }
    /// Why the rule reads the clause the way it does.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
    /// The pack file the rule is defined in (relative to the standards tree) and its line.
    #[getter]
    fn file(&self) -> &str {
        &self.file
    }
    #[getter]
    fn line(&self) -> Option<usize> {
        self.line
    }
    /// A human explanation, as `labelcheck rules <ID>` prints it.
    #[pyo3(signature = (lang="zh"))]
    fn explain(&self, py: Python<'_>, lang: &str) -> PyResult<String> {
        let lang = crate::parse_lang(py, lang)?;
        let title = match lang {
            Lang::Zh => &self.pack_title_zh,
            Lang::En => &self.pack_title_en,
        };
        let mut out = String::new();
        let c = &self.citation;
        out.push_str(&format!("{}\n", self.id));
        out.push_str(&format!(
            "  standard:   {}-{} {title}\n",
            c.standard, c.edition
        ));
        out.push_str(&format!("  clause:     {}\n", c.clause));
        out.push_str(&format!("  severity:   {}\n", severity_name(self.severity)));
        out.push_str(&format!("  confidence: {}\n", self.confidence));
        out.push_str(&format!("  check:      {}\n", self.check));
        if let Some(w) = &self.when {
            out.push_str(&format!("  when:       {w}\n"));
        }
        if let Some(f) = &self.for_each {
            out.push_str(&format!("  for each:   {f}\n"));
        }
        if let Some(t) = &self.topic {
            out.push_str(&format!("  topic:      {t}\n"));
        }
        if let Some(n) = &self.note {
            out.push_str(&format!("  note:       {n}\n"));
        }
        out.push_str(&format!(
            "  pack:       {} v{} ({}{})\n",
            c.pack,
            self.pack_version,
            self.file,
            self.line.map(|l| format!(":{l}")).unwrap_or_default()
        ));
        out.push_str(&format!(
            "  in force:   {} → {}\n",
            self.effective_from,
            self.effective_until
                .map(|d| d.to_string())
                .unwrap_or_else(|| "—".into())
        ));
        Ok(out)
    }
    fn __repr__(&self) -> String {
        format!(
            "<Rule {} ({} {})>",
            self.id,
            severity_name(self.severity),
            self.citation.short()
        )
    }
}

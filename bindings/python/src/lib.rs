//! Python binding of labelcheck: the native module `labelcheck._native`.
//!
//! The `labelcheck` package (python/labelcheck/) re-exports everything here and defines the
//! exception classes. Checking releases the GIL; `check_many` spreads a batch over the
//! available cores with `Engine::check_many_json` and keeps input order.

#[macro_use]
mod convert;
mod errors;
mod objects;

use convert::{date_arg, label_input, LabelInput};
use errors::Source;
use labelcheck::{CheckOptions, EditionChoice, Engine, Error};
use objects::{
    Lang, PyCitation, PyComparison, PyFinding, PyPack, PyPackRef, PyReport, PyRule, PySpan,
};
use pyo3::exceptions::{PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyIterator, PyList, PyString, PyTuple};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

pub(crate) fn parse_lang(py: Python<'_>, lang: &str) -> PyResult<Lang> {
    match lang {
        "zh" => Ok(Lang::Zh),
        "en" => Ok(Lang::En),
        other => Err(errors::invalid_option(
            py,
            format!("lang `{other}` is not one of 'zh', 'en'"),
        )),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum OnError {
    Raise,
    Return,
}

fn parse_errors(py: Python<'_>, errors: &str) -> PyResult<OnError> {
    match errors {
        "raise" => Ok(OnError::Raise),
        "return" => Ok(OnError::Return),
        other => Err(errors::invalid_option(
            py,
            format!("errors `{other}` is not one of 'raise', 'return'"),
        )),
    }
}

/// Options for one call, checked once.
#[derive(Clone)]
struct Opts {
    check: CheckOptions,
    lang: Lang,
}

/// Where an engine's standards came from, so it can be pickled (rebuilt in a worker).
#[derive(Clone)]
enum Origin {
    Embedded,
    Dir(PathBuf),
    Overlay(PathBuf),
}

/// The embedded standards, compiled once per process and shared by every `Engine()`.
static EMBEDDED: OnceLock<Arc<Engine>> = OnceLock::new();

/// Loaded, compiled standards, ready to check labels. Build it once and reuse it: it is
/// immutable and safe to share between threads.
#[pyclass(frozen, module = "labelcheck", name = "Engine")]
struct PyEngine {
    engine: Arc<Engine>,
    origin: Origin,
}

/// One label of a batch: converted, or failed already in conversion.
type Prepared = Result<LabelInput, PyErr>;

impl PyEngine {
    fn opts(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        edition: Option<&Bound<'_, PyAny>>,
        lang: &str,
        rules: Option<&str>,
        omit_skipped: bool,
    ) -> PyResult<Opts> {
        let only = rules
            .map(labelcheck::RuleSelection::parse)
            .transpose()
            .map_err(|e| errors::invalid_option(py, format!("rules: {e}")))?;
        let as_of = match as_of {
            Some(v) if !v.is_none() => Some(date_arg(v)?),
            _ => None,
        };
        let editions = match edition {
            None => vec![],
            Some(v) if v.is_none() => vec![],
            Some(v) => {
                if let Ok(s) = v.cast::<PyString>() {
                    vec![s.to_cow()?.into_owned()]
                } else if let Ok(items) = v.try_iter() {
                    let mut out = vec![];
                    for it in items {
                        let it = it?;
                        let s = it.cast::<PyString>().map_err(|_| {
                            PyTypeError::new_err("edition is a str or a list of str")
                        })?;
                        out.push(s.to_cow()?.into_owned());
                    }
                    out
                } else {
                    return Err(PyTypeError::new_err("edition is a str or a list of str"));
                }
            }
        };
        // Standards print their numbers with an em dash (`GB 7718—2025`); the core matches
        // `standard-edition` with a hyphen, so accept either.
        let editions: Vec<String> = editions
            .into_iter()
            .map(|e| e.replace(['—', '–'], "-"))
            .collect();
        self.check_editions(py, &editions)?;
        Ok(Opts {
            check: CheckOptions {
                as_of,
                editions: if editions.is_empty() {
                    EditionChoice::InForce
                } else {
                    EditionChoice::Named(editions)
                },
                trace: false,
                only,
                omit_skipped,
            },
            lang: parse_lang(py, lang)?,
        })
    }

    /// An edition name that matches no loaded pack is a typo, not a silent no-op.
    fn check_editions(&self, py: Python<'_>, names: &[String]) -> PyResult<()> {
        let norm = |s: &str| s.replace([' ', '—', '–'], "").to_ascii_lowercase();
        let packs = self.engine.packs();
        for n in names {
            let hit = packs.iter().any(|p| {
                norm(n) == norm(&p.meta.edition)
                    || norm(n) == norm(&format!("{}-{}", p.meta.standard, p.meta.edition))
            });
            if !hit {
                let mut known: Vec<String> = packs
                    .iter()
                    .map(|p| format!("{}-{}", p.meta.standard, p.meta.edition))
                    .collect();
                known.sort();
                known.dedup();
                return Err(errors::invalid_option(
                    py,
                    format!(
                        "edition `{n}` matches no loaded pack; known: {}",
                        known.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Converts a batch under the GIL, checks it without, and returns one result per item.
    fn run_batch(
        &self,
        py: Python<'_>,
        prepared: Vec<Prepared>,
        opts: &Opts,
        threads: usize,
        first_index: usize,
    ) -> Vec<PyResult<Py<PyAny>>> {
        let good: Vec<&[u8]> = prepared
            .iter()
            .filter_map(|p| p.as_ref().ok().map(|l| l.bytes.as_slice()))
            .collect();
        let engine = &*self.engine;
        let check = &opts.check;
        let results = py.detach(|| engine.check_many_json(&good, check, threads));
        let mut results = results.into_iter();
        prepared
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let input = p?;
                match results.next() {
                    Some(Ok(report)) if !report.is_checked() => {
                        let obj = Py::new(
                            py,
                            PyReport {
                                inner: report.clone(),
                                lang: opts.lang,
                            },
                        )?
                        .into_any();
                        Err(errors::not_checked(py, &report, obj, Some(first_index + i)))
                    }
                    Some(Ok(report)) => Ok(Py::new(
                        py,
                        PyReport {
                            inner: report,
                            lang: opts.lang,
                        },
                    )?
                    .into_any()),
                    Some(Err(e)) => Err(errors::to_py(py, &e, input.source, Some(first_index + i))),
                    None => Err(errors::invalid_option(py, "missing result")),
                }
            })
            .collect()
    }

    fn prepare(&self, item: &Bound<'_, PyAny>, index: usize) -> PyResult<Prepared> {
        match label_input(item, self.engine.limits(), Some(index)) {
            Ok(l) => Ok(Ok(l)),
            // A wrong Python type is a programming error: raise at once.
            Err(e) if e.is_instance_of::<PyTypeError>(item.py()) => Err(e),
            Err(e) => Ok(Err(e)),
        }
    }
}

/// `check_many("{...}")` would iterate the characters of one label: say so instead.
fn not_one_label(labels: &Bound<'_, PyAny>) -> PyResult<()> {
    if labels.cast::<PyString>().is_ok()
        || labels.cast::<PyBytes>().is_ok()
        || labels.cast::<PyByteArray>().is_ok()
        || labels.cast::<PyDict>().is_ok()
    {
        return Err(PyTypeError::new_err(
            "labels is an iterable of labels (a list, a generator, a file of JSON lines); \
             for one label use check()",
        ));
    }
    Ok(())
}

fn engine_error(py: Python<'_>, e: Error) -> PyErr {
    errors::to_py(py, &e, Source::Text, None)
}

#[pymethods]
impl PyEngine {
    /// The engine with the standards embedded in the package (compiled once per process).
    #[new]
    fn new(py: Python<'_>) -> PyResult<Self> {
        if let Some(e) = EMBEDDED.get() {
            return Ok(PyEngine {
                engine: e.clone(),
                origin: Origin::Embedded,
            });
        }
        let engine = py.detach(Engine::new).map_err(|e| engine_error(py, e))?;
        let engine = EMBEDDED.get_or_init(|| Arc::new(engine)).clone();
        Ok(PyEngine {
            engine,
            origin: Origin::Embedded,
        })
    }

    /// Only the standards in a directory (a tree like the repository's `standards/`).
    #[staticmethod]
    fn from_dir(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let engine = py
            .detach(|| Engine::from_dir(&path))
            .map_err(|e| engine_error(py, e))?;
        Ok(PyEngine {
            engine: Arc::new(engine),
            origin: Origin::Dir(path),
        })
    }

    /// The embedded standards with a directory laid over them: files at the same relative
    /// path replace embedded ones; new files add packs, code lists or categories.
    #[staticmethod]
    fn with_overlay(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let engine = py
            .detach(|| Engine::with_overlay(&path))
            .map_err(|e| engine_error(py, e))?;
        Ok(PyEngine {
            engine: Arc::new(engine),
            origin: Origin::Overlay(path),
        })
    }

    /// Compiles now the packs a first check would compile (all, or one market's) and returns
    /// how many — for a service that should answer its first request at full speed.
    #[pyo3(signature = (market=None))]
    fn warm_up(&self, py: Python<'_>, market: Option<String>) -> usize {
        let engine = &*self.engine;
        py.detach(|| engine.warm_up(market.as_deref()))
    }

    /// Checks one label (a dict, JSON text or JSON bytes).
    #[pyo3(signature = (label, *, as_of=None, edition=None, lang="zh", rules=None, omit_skipped=false))]
    #[allow(clippy::too_many_arguments)]
    fn check(
        &self,
        py: Python<'_>,
        label: &Bound<'_, PyAny>,
        as_of: Option<&Bound<'_, PyAny>>,
        edition: Option<&Bound<'_, PyAny>>,
        lang: &str,
        rules: Option<&str>,
        omit_skipped: bool,
    ) -> PyResult<PyReport> {
        let opts = self.opts(py, as_of, edition, lang, rules, omit_skipped)?;
        let input = label_input(label, self.engine.limits(), None)?;
        let engine = &*self.engine;
        let check = &opts.check;
        let bytes = input.bytes.as_slice();
        let report = py
            .detach(|| engine.check_json(bytes, check))
            .map_err(|e| errors::to_py(py, &e, input.source, None))?;
        if !report.is_checked() {
            let obj = Py::new(
                py,
                PyReport {
                    inner: report.clone(),
                    lang: opts.lang,
                },
            )?
            .into_any();
            return Err(errors::not_checked(py, &report, obj, None));
        }
        Ok(PyReport {
            inner: report,
            lang: opts.lang,
        })
    }

    /// Checks one label against each of `markets` (e.g. `["US", "EU", "CN", "CODEX"]`) in
    /// place of its own market: one report per market. Raises NotChecked only when no market
    /// has a pack for the label's category on the check date.
    #[pyo3(signature = (label, markets, *, as_of=None, edition=None, lang="zh", rules=None, omit_skipped=false))]
    #[allow(clippy::too_many_arguments)]
    fn check_markets(
        &self,
        py: Python<'_>,
        label: &Bound<'_, PyAny>,
        markets: Vec<String>,
        as_of: Option<&Bound<'_, PyAny>>,
        edition: Option<&Bound<'_, PyAny>>,
        lang: &str,
        rules: Option<&str>,
        omit_skipped: bool,
    ) -> PyResult<objects::PyMarketReports> {
        let opts = self.opts(py, as_of, edition, lang, rules, omit_skipped)?;
        let input = label_input(label, self.engine.limits(), None)?;
        let engine = &*self.engine;
        let check = &opts.check;
        let bytes = input.bytes.as_slice();
        let result = py
            .detach(|| engine.check_markets_json(bytes, &markets, check))
            .map_err(|e| errors::to_py(py, &e, input.source, None))?;
        if result.verdict == labelcheck::Verdict::NotChecked {
            if let Some(first) = result.markets.first() {
                let obj = Py::new(
                    py,
                    PyReport {
                        inner: first.report.clone(),
                        lang: opts.lang,
                    },
                )?
                .into_any();
                return Err(errors::not_checked(py, &first.report, obj, None));
            }
        }
        Ok(objects::PyMarketReports {
            inner: result,
            lang: opts.lang,
        })
    }

    /// Reads a label's printed text (the artwork text layer, an OCR result, a label typed
    /// out) and checks it: `market` and `category` are not printed, so they are given;
    /// `extra` is a dict of facts the text does not print (imported, package,
    /// textile.durable_label…). Finding spans point into `text`; `report.text` holds what
    /// the reader understood (document, fields, unread lines, conflicts).
    #[pyo3(signature = (text, *, market, category, as_of=None, edition=None, lang="zh", rules=None, extra=None, omit_skipped=false))]
    #[allow(clippy::too_many_arguments)]
    fn check_text(
        &self,
        py: Python<'_>,
        text: &str,
        market: &str,
        category: &str,
        as_of: Option<&Bound<'_, PyAny>>,
        edition: Option<&Bound<'_, PyAny>>,
        lang: &str,
        rules: Option<&str>,
        extra: Option<&Bound<'_, PyAny>>,
        omit_skipped: bool,
    ) -> PyResult<PyReport> {
        let opts = self.opts(py, as_of, edition, lang, rules, omit_skipped)?;
        let extra = match extra {
            None => None,
            Some(obj) => {
                let input = label_input(obj, self.engine.limits(), None)?;
                match serde_json::from_slice::<serde_json::Value>(&input.bytes) {
                    Ok(serde_json::Value::Object(m)) => Some(m),
                    _ => {
                        return Err(errors::make(
                            py,
                            errors::Class::Label,
                            "extra: not a JSON object of facts",
                            &[("kind", errors::obj(py, "type"))],
                        ))
                    }
                }
            }
        };
        let ctx = labelcheck::label::text::TextContext {
            market: market.to_string(),
            category: category.to_string(),
            check_date: opts.check.as_of.map(|d| d.to_string()),
            id: None,
            extra,
        };
        let engine = &*self.engine;
        let check = &opts.check;
        let report = py
            .detach(|| engine.check_text(text, &ctx, check))
            .map_err(|e| errors::to_py(py, &e, Source::Text, None))?;
        if !report.is_checked() {
            let obj = Py::new(
                py,
                PyReport {
                    inner: report.clone(),
                    lang: opts.lang,
                },
            )?
            .into_any();
            return Err(errors::not_checked(py, &report, obj, None));
        }
        Ok(PyReport {
            inner: report,
            lang: opts.lang,
        })
    }

    /// Checks many labels on the available cores (GIL released), in input order.
    #[pyo3(signature = (labels, *, as_of=None, edition=None, lang="zh", errors="raise", threads=0, rules=None, omit_skipped=false))]
    #[allow(clippy::too_many_arguments)]
    fn check_many<'py>(
        &self,
        py: Python<'py>,
        labels: &Bound<'py, PyAny>,
        as_of: Option<&Bound<'py, PyAny>>,
        edition: Option<&Bound<'py, PyAny>>,
        lang: &str,
        errors: &str,
        threads: usize,
        rules: Option<&str>,
        omit_skipped: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let opts = self.opts(py, as_of, edition, lang, rules, omit_skipped)?;
        let mode = parse_errors(py, errors)?;
        not_one_label(labels)?;
        let mut prepared = Vec::new();
        for (i, item) in labels.try_iter()?.enumerate() {
            prepared.push(self.prepare(&item?, i)?);
        }
        let results = self.run_batch(py, prepared, &opts, threads, 0);
        let out = PyList::empty(py);
        for r in results {
            match (r, mode) {
                (Ok(o), _) => out.append(o)?,
                (Err(e), OnError::Raise) => return Err(e),
                (Err(e), OnError::Return) => out.append(e.into_value(py))?,
            }
        }
        Ok(out)
    }

    /// Like `check_many`, but lazily: reads `labels` in batches of `batch_size` and yields
    /// one result per label, so memory stays flat over files of any size.
    #[pyo3(signature = (labels, *, as_of=None, edition=None, lang="zh", errors="raise", batch_size=1024, threads=0, rules=None, omit_skipped=false))]
    #[allow(clippy::too_many_arguments)]
    fn check_iter(
        slf: &Bound<'_, Self>,
        labels: &Bound<'_, PyAny>,
        as_of: Option<&Bound<'_, PyAny>>,
        edition: Option<&Bound<'_, PyAny>>,
        lang: &str,
        errors: &str,
        batch_size: usize,
        threads: usize,
        rules: Option<&str>,
        omit_skipped: bool,
    ) -> PyResult<CheckIter> {
        let py = slf.py();
        let this = slf.get();
        let opts = this.opts(py, as_of, edition, lang, rules, omit_skipped)?;
        let mode = parse_errors(py, errors)?;
        not_one_label(labels)?;
        if batch_size == 0 || batch_size > MAX_BATCH_SIZE {
            return Err(errors::invalid_option(
                py,
                format!("batch_size must be from 1 to {MAX_BATCH_SIZE}, not {batch_size}"),
            ));
        }
        Ok(CheckIter {
            engine: slf.clone().unbind(),
            source: Some(labels.try_iter()?.unbind()),
            opts,
            mode,
            batch_size,
            threads,
            next_index: 0,
            buffer: VecDeque::new(),
        })
    }

    /// Checks a label under the editions in force and under the latest editions.
    #[pyo3(signature = (label, *, as_of=None, lang="zh"))]
    fn compare(
        &self,
        py: Python<'_>,
        label: &Bound<'_, PyAny>,
        as_of: Option<&Bound<'_, PyAny>>,
        lang: &str,
    ) -> PyResult<PyComparison> {
        let opts = self.opts(py, as_of, None, lang, None, false)?;
        let input = label_input(label, self.engine.limits(), None)?;
        let engine = &*self.engine;
        let check = &opts.check;
        let bytes = input.bytes.as_slice();
        let c = py
            .detach(|| engine.compare_json(bytes, check))
            .map_err(|e| errors::to_py(py, &e, input.source, None))?;
        Ok(PyComparison {
            inner: c,
            lang: opts.lang,
        })
    }

    /// The rules of every loaded pack, or of one pack.
    #[pyo3(signature = (pack=None))]
    fn rules(&self, py: Python<'_>, pack: Option<&str>) -> PyResult<Vec<PyRule>> {
        if let Some(id) = pack {
            if !self.engine.packs().iter().any(|p| p.meta.id == id) {
                let known: Vec<&str> = self
                    .engine
                    .packs()
                    .iter()
                    .map(|p| p.meta.id.as_str())
                    .collect();
                return Err(errors::invalid_option(
                    py,
                    format!("no pack `{id}`; loaded: {}", known.join(", ")),
                ));
            }
        }
        Ok(self
            .engine
            .standards()
            .rules()
            .filter(|(p, _)| pack.is_none_or(|id| p.meta.id == id))
            .map(|(p, r)| PyRule::new(p, r))
            .collect())
    }

    /// One rule by id; `KeyError` when no loaded pack has it.
    fn rule(&self, id: &str) -> PyResult<PyRule> {
        match self.engine.rule(id) {
            Some((p, r)) => Ok(PyRule::new(p, r)),
            None => Err(PyKeyError::new_err(format!("no rule `{id}`"))),
        }
    }

    /// A pack's table as the pack holds it — `{"pack", "table", "clause", "key", "rows"}` —
    /// or `None` when the pack or the table does not exist.
    fn table<'py>(
        &self,
        py: Python<'py>,
        pack: &str,
        table: &str,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.engine
            .table(pack, table)
            .map(|v| convert::value_to_py(py, &v))
            .transpose()
    }

    /// The loaded packs (every edition), with dates, version and hash.
    fn packs(&self) -> Vec<PyPack> {
        self.engine.packs().iter().map(PyPack::new).collect()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let cls = py.get_type::<PyEngine>();
        match &slf.get().origin {
            Origin::Embedded => (cls, PyTuple::empty(py)).into_pyobject(py),
            Origin::Dir(p) => (cls.getattr("from_dir")?, (p.clone(),)).into_pyobject(py),
            Origin::Overlay(p) => (cls.getattr("with_overlay")?, (p.clone(),)).into_pyobject(py),
        }
        .map(|t| t.into_any().cast_into::<PyTuple>().expect("a tuple"))
    }

    fn __repr__(&self) -> String {
        let src = match &self.origin {
            Origin::Embedded => "embedded".to_string(),
            Origin::Dir(p) => format!("from_dir {}", p.display()),
            Origin::Overlay(p) => format!("embedded + overlay {}", p.display()),
        };
        let packs: Vec<&str> = self
            .engine
            .packs()
            .iter()
            .map(|p| p.meta.id.as_str())
            .collect();
        format!("<Engine {src}: {}>", packs.join(", "))
    }
}

/// The largest `batch_size` of `check_iter`: a batch is held in memory whole.
const MAX_BATCH_SIZE: usize = 1_000_000;
/// A `check_iter` batch is also closed once its labels hold this many bytes of JSON, so
/// memory stays bounded whatever the labels' sizes.
const MAX_BATCH_BYTES: usize = 64 * 1024 * 1024;

/// The iterator `Engine.check_iter` returns.
#[pyclass(module = "labelcheck", name = "CheckIter")]
struct CheckIter {
    engine: Py<PyEngine>,
    source: Option<Py<PyIterator>>,
    opts: Opts,
    mode: OnError,
    batch_size: usize,
    threads: usize,
    next_index: usize,
    buffer: VecDeque<PyResult<Py<PyAny>>>,
}

#[pymethods]
impl CheckIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        if self.buffer.is_empty() {
            self.fill(py)?;
        }
        match self.buffer.pop_front() {
            None => Ok(None),
            Some(Ok(o)) => Ok(Some(o)),
            Some(Err(e)) if self.mode == OnError::Raise => {
                self.source = None;
                self.buffer.clear();
                Err(e)
            }
            Some(Err(e)) => Ok(Some(e.into_value(py).into_any())),
        }
    }
}

impl CheckIter {
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        let Some(source) = &self.source else {
            return Ok(());
        };
        let mut source = source.bind(py).clone();
        let engine = self.engine.bind(py).get();
        // Never preallocated from the caller's number: the batch grows as labels arrive.
        let mut prepared = Vec::with_capacity(self.batch_size.min(1024));
        let mut bytes = 0usize;
        while prepared.len() < self.batch_size && bytes < MAX_BATCH_BYTES {
            match source.next() {
                Some(item) => {
                    let index = self.next_index + prepared.len();
                    let p = engine.prepare(&item?, index)?;
                    bytes += p.as_ref().map(|l| l.bytes.len()).unwrap_or(0);
                    prepared.push(p);
                }
                None => {
                    self.source = None;
                    break;
                }
            }
        }
        if prepared.is_empty() {
            return Ok(());
        }
        let n = prepared.len();
        let results = engine.run_batch(py, prepared, &self.opts, self.threads, self.next_index);
        self.next_index += n;
        self.buffer.extend(results);
        Ok(())
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyEngine>()?;
    m.add_class::<PyReport>()?;
    m.add_class::<PyFinding>()?;
    m.add_class::<PyCitation>()?;
    m.add_class::<PySpan>()?;
    m.add_class::<PyPackRef>()?;
    m.add_class::<PyComparison>()?;
    m.add_class::<objects::PyMarketReports>()?;
    m.add_class::<PyPack>()?;
    m.add_class::<PyRule>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

//! Operational failures → the Python exception hierarchy defined in `labelcheck/_errors.py`
//! (`LabelcheckError` → `InvalidLabel`, `InvalidPack`, `InvalidOption`). The classes live in
//! Python so that they carry ordinary attributes (`.path`, `.line`, …), pickle, and subclass
//! `ValueError` where that is the idiom — none of which abi3 pyclasses can do.

use labelcheck::{Error, LabelError, PackError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};
use pyo3::BoundObject;

static INVALID_LABEL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INVALID_PACK: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INVALID_OPTION: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static NOT_CHECKED: PyOnceLock<Py<PyType>> = PyOnceLock::new();

const MODULE: &str = "labelcheck._errors";

#[derive(Clone, Copy)]
pub enum Class {
    Label,
    Pack,
    Option,
    NotChecked,
}

fn class<'py>(py: Python<'py>, c: Class) -> PyResult<&'py Bound<'py, PyType>> {
    match c {
        Class::Label => INVALID_LABEL.import(py, MODULE, "InvalidLabel"),
        Class::Pack => INVALID_PACK.import(py, MODULE, "InvalidPack"),
        Class::Option => INVALID_OPTION.import(py, MODULE, "InvalidOption"),
        Class::NotChecked => NOT_CHECKED.import(py, MODULE, "NotChecked"),
    }
}

/// Builds an exception of class `c` with `message` and keyword attributes.
pub fn make(py: Python<'_>, c: Class, message: &str, attrs: &[(&str, Py<PyAny>)]) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let kwargs = PyDict::new(py);
        for (k, v) in attrs {
            kwargs.set_item(*k, v)?;
        }
        let exc = class(py, c)?.call((message,), Some(&kwargs))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|e| e)
}

pub fn invalid_option(py: Python<'_>, message: impl AsRef<str>) -> PyErr {
    make(
        py,
        Class::Option,
        message.as_ref(),
        &[("kind", obj(py, "option"))],
    )
}

/// Where a label came from: JSON text (line/column are meaningful) or a Python object
/// (only the JSON pointer is).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Text,
    Object,
}

pub fn obj<'py, T: IntoPyObject<'py>>(py: Python<'py>, v: T) -> Py<PyAny> {
    v.into_pyobject(py)
        .map(|b| b.into_any().unbind())
        .unwrap_or_else(|_| py.None())
}

fn pack_problem(py: Python<'_>, p: &PackError) -> Py<PyAny> {
    let d = PyDict::new(py);
    let _ = d.set_item("file", &p.file);
    let _ = d.set_item("line", p.line);
    let _ = d.set_item("rule", p.rule.as_deref());
    let _ = d.set_item("message", &p.message);
    d.into_any().unbind()
}

/// The Python exception for a core error. `index` is the position in a batch.
pub fn to_py(py: Python<'_>, e: &Error, source: Source, index: Option<usize>) -> PyErr {
    let kind = labelcheck::suite::error_kind(e);
    let mut message = e.to_string();
    let mut attrs: Vec<(&str, Py<PyAny>)> =
        vec![("kind", obj(py, kind)), ("index", obj(py, index))];
    let class = match e {
        Error::Label(le) => {
            let (path, line, column) = match le {
                LabelError::Syntax { line, column, .. } => (None, Some(*line), Some(*column)),
                LabelError::Invalid {
                    path, line, column, ..
                } => {
                    if source == Source::Text && *line > 0 {
                        // An error read from printed text already names its place there.
                        if !message.contains("(text line ") {
                            message.push_str(&format!(" (line {line}, column {column})"));
                        }
                        (Some(path.as_str()), Some(*line), Some(*column))
                    } else {
                        (Some(path.as_str()), None, None)
                    }
                }
                LabelError::Unknown { path, .. } => (Some(path.as_str()), None, None),
                LabelError::TooLarge { .. } => (None, None, None),
            };
            attrs.push(("path", obj(py, path)));
            attrs.push(("line", obj(py, line)));
            attrs.push(("column", obj(py, column)));
            Class::Label
        }
        Error::Pack(p) => {
            attrs.push(("file", obj(py, &p.file)));
            attrs.push(("line", obj(py, p.line)));
            attrs.push(("rule", obj(py, p.rule.as_deref())));
            attrs.push(("problems", obj(py, vec![pack_problem(py, p)])));
            Class::Pack
        }
        Error::Packs(ps) => {
            if let Some(p) = ps.first() {
                attrs.push(("file", obj(py, &p.file)));
                attrs.push(("line", obj(py, p.line)));
                attrs.push(("rule", obj(py, p.rule.as_deref())));
            }
            let problems: Vec<Py<PyAny>> = ps.iter().map(|p| pack_problem(py, p)).collect();
            attrs.push(("problems", obj(py, problems)));
            Class::Pack
        }
        Error::Io { path, .. } => {
            attrs.push(("file", obj(py, path)));
            Class::Pack
        }
        Error::Option(_) => Class::Option,
    };
    if let Some(i) = index {
        message = format!("item {i}: {message}");
    }
    make(py, class, &message, &attrs)
}

/// An error raised while turning a Python object into label JSON (`path` is a JSON pointer).
pub fn object_error(py: Python<'_>, path: &str, message: &str, index: Option<usize>) -> PyErr {
    let mut text = format!("invalid label: {path}: {message}");
    if let Some(i) = index {
        text = format!("item {i}: {text}");
    }
    make(
        py,
        Class::Label,
        &text,
        &[
            ("kind", obj(py, "invalid")),
            ("index", obj(py, index)),
            ("path", obj(py, path)),
        ],
    )
}

/// A report no pack applied to (`Verdict::NotChecked`) as the `NotChecked` exception, with
/// the report attached.
pub fn not_checked(
    py: Python<'_>,
    report: &labelcheck::Report,
    report_obj: Py<PyAny>,
    index: Option<usize>,
) -> PyErr {
    let mut message = format!(
        "not checked: no pack applies to market {} and category {} on {}",
        report.market, report.category, report.as_of
    );
    if let Some(i) = index {
        message = format!("item {i}: {message}");
    }
    make(
        py,
        Class::NotChecked,
        &message,
        &[
            ("kind", obj(py, "not_checked")),
            ("index", obj(py, index)),
            ("report", report_obj),
        ],
    )
}

//! Python ↔ JSON: labels given as `dict` / `str` / `bytes` become the JSON bytes the core
//! reads; JSON values in reports (`expected`, `found`, `to_dict()`) become Python objects.

use crate::errors::{self, Source};
use labelcheck::{Date, Error, LabelError, Limits};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDate, PyDateAccess, PyDict, PyFloat, PyInt, PyList, PyMapping,
    PyString, PyTuple, PyType,
};
use serde_json::Value;

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A label ready for the core: its JSON bytes and where it came from.
pub struct LabelInput {
    pub bytes: Vec<u8>,
    pub source: Source,
}

/// Turns one label argument into JSON bytes. A wrong top-level type is a `TypeError`
/// (a programming error); a dict holding something JSON cannot say is `InvalidLabel`
/// with the JSON pointer of the value.
pub fn label_input(
    obj: &Bound<'_, PyAny>,
    limits: &Limits,
    index: Option<usize>,
) -> PyResult<LabelInput> {
    let py = obj.py();
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(LabelInput {
            bytes: b.as_bytes().to_vec(),
            source: Source::Text,
        });
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow().map_err(|_| {
            errors::make(
                py,
                errors::Class::Label,
                &with_index(
                    index,
                    "invalid label: the str is not valid Unicode (lone surrogate)",
                ),
                &[
                    ("kind", errors::obj(py, "syntax")),
                    ("index", errors::obj(py, index)),
                ],
            )
        })?;
        return Ok(LabelInput {
            bytes: text.into_owned().into_bytes(),
            source: Source::Text,
        });
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(LabelInput {
            bytes: b.to_vec(),
            source: Source::Text,
        });
    }
    if obj.cast::<PyDict>().is_ok() || obj.cast::<PyMapping>().is_ok() {
        let mut out = Vec::with_capacity(2048);
        let mut path = String::new();
        let walk = Walk {
            max_depth: limits.max_depth,
            max_bytes: limits.max_label_bytes,
        };
        walk.write(obj, &mut out, &mut path, 0)
            .map_err(|e| match e {
                WalkError::Py(e) => e,
                WalkError::Label { path, message } => {
                    errors::object_error(py, &path, &message, index)
                }
                WalkError::TooLarge { size } => errors::to_py(
                    py,
                    &Error::Label(LabelError::TooLarge {
                        size,
                        limit: limits.max_label_bytes,
                    }),
                    Source::Object,
                    index,
                ),
            })?;
        return Ok(LabelInput {
            bytes: out,
            source: Source::Object,
        });
    }
    let tn = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into());
    Err(PyTypeError::new_err(with_index(
        index,
        &format!("a label is a dict (or mapping), a JSON str or bytes, not {tn}"),
    )))
}

fn with_index(index: Option<usize>, message: &str) -> String {
    match index {
        Some(i) => format!("item {i}: {message}"),
        None => message.to_string(),
    }
}

enum WalkError {
    Py(PyErr),
    Label {
        path: String,
        message: String,
    },
    /// The JSON written so far is over the label size limit: the same limit the JSON path
    /// applies, checked while converting, so a mapping or iterator that never ends stops.
    TooLarge {
        size: usize,
    },
}

/// The limits a conversion walks under (the engine's).
struct Walk {
    max_depth: usize,
    max_bytes: usize,
}

/// Digits in the longest integer or exponent written through as a JSON number. Larger ones
/// are no number JSON readers can hold (serde_json would call them a syntax error at a
/// column); they are refused here with their JSON pointer.
const MAX_NUMBER_DIGITS: usize = 300;

impl From<PyErr> for WalkError {
    fn from(e: PyErr) -> Self {
        WalkError::Py(e)
    }
}

fn label_err(path: &str, message: impl Into<String>) -> WalkError {
    WalkError::Label {
        path: if path.is_empty() {
            String::new()
        } else {
            path.to_string()
        },
        message: message.into(),
    }
}

fn push_pointer(path: &mut String, key: &str) {
    path.push('/');
    for c in key.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    // serde_json's string escaping; writing to a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

fn iso(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Writes a Python value as JSON. Supports dict (str keys), list, tuple, str, bool, int,
/// float (finite), None, `datetime.date` (ISO text; a datetime gives its date) and
/// `decimal.Decimal` (written exactly).
impl Walk {
    fn write(
        &self,
        v: &Bound<'_, PyAny>,
        out: &mut Vec<u8>,
        path: &mut String,
        depth: usize,
    ) -> Result<(), WalkError> {
        if out.len() > self.max_bytes {
            return Err(WalkError::TooLarge { size: out.len() });
        }
        let max_depth = self.max_depth;
        let py = v.py();
        if v.is_none() {
            out.extend_from_slice(b"null");
        } else if let Ok(s) = v.cast::<PyString>() {
            let text = s
                .to_cow()
                .map_err(|_| label_err(path, "text is not valid Unicode (lone surrogate)"))?;
            write_str(out, &text);
        } else if let Ok(b) = v.cast::<PyBool>() {
            out.extend_from_slice(if b.is_true() { b"true" } else { b"false" });
        } else if let Ok(i) = v.cast::<PyInt>() {
            match i.extract::<i64>() {
                Ok(n) => out.extend_from_slice(n.to_string().as_bytes()),
                Err(_) => {
                    let digits = i.call_method0("bit_length")?.extract::<u64>()? / 3;
                    if digits > MAX_NUMBER_DIGITS as u64 {
                        return Err(label_err(
                        path,
                        format!("an integer of about {digits} digits is too large for a label number"),
                    ));
                    }
                    out.extend_from_slice(i.str()?.to_cow()?.as_bytes())
                }
            }
        } else if let Ok(f) = v.cast::<PyFloat>() {
            let x = f.value();
            if !x.is_finite() {
                return Err(label_err(path, format!("{x} is not a finite number")));
            }
            let _ = serde_json::to_writer(&mut *out, &x);
        } else if v.cast::<PyDict>().is_ok() || v.cast::<PyMapping>().is_ok() {
            if depth >= max_depth {
                return Err(label_err(
                    path,
                    format!("nesting deeper than {max_depth} levels"),
                ));
            }
            out.push(b'{');
            let mut first = true;
            let items: Vec<(Bound<'_, PyAny>, Bound<'_, PyAny>)> = match v.cast::<PyDict>() {
                Ok(d) => d.iter().collect(),
                Err(_) => {
                    // A mapping's items are read under the size limit too: at least 6 bytes of
                    // JSON (`"":0,`) per item, so a mapping that never ends is stopped.
                    let mut items = Vec::new();
                    for kv in v.call_method0("items")?.try_iter()? {
                        items.push(kv?.extract()?);
                        if items.len().saturating_mul(6) > self.max_bytes {
                            return Err(WalkError::TooLarge {
                                size: out.len() + items.len() * 6,
                            });
                        }
                    }
                    items
                }
            };
            for (k, val) in items {
                let key = k.cast::<PyString>().map_err(|_| {
                    let tn = k
                        .get_type()
                        .name()
                        .map(|n| n.to_string())
                        .unwrap_or_default();
                    label_err(path, format!("object keys must be str, not {tn}"))
                })?;
                let key = key
                    .to_cow()
                    .map_err(|_| label_err(path, "key is not valid Unicode (lone surrogate)"))?;
                if !first {
                    out.push(b',');
                }
                first = false;
                write_str(out, &key);
                out.push(b':');
                let len = path.len();
                push_pointer(path, &key);
                self.write(&val, out, path, depth + 1)?;
                path.truncate(len);
            }
            out.push(b'}');
        } else if v.cast::<PyList>().is_ok() || v.cast::<PyTuple>().is_ok() {
            if depth >= max_depth {
                return Err(label_err(
                    path,
                    format!("nesting deeper than {max_depth} levels"),
                ));
            }
            out.push(b'[');
            for (i, el) in v.try_iter()?.enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                let len = path.len();
                path.push('/');
                path.push_str(&i.to_string());
                self.write(&el?, out, path, depth + 1)?;
                path.truncate(len);
            }
            out.push(b']');
        } else if let Ok(d) = v.cast::<PyDate>() {
            write_str(
                out,
                &iso(d.get_year(), d.get_month() as u32, d.get_day() as u32),
            );
        } else if v.is_instance(DECIMAL.import(py, "decimal", "Decimal")?)? {
            let finite: bool = v.call_method0("is_finite")?.extract()?;
            if !finite {
                return Err(label_err(
                    path,
                    "a non-finite Decimal is not a finite number",
                ));
            }
            let text = v.str()?.to_cow()?.into_owned();
            // `Decimal('1e999999999')`: the exponent is past any JSON number reader.
            let adjusted: i64 = v.call_method0("adjusted")?.extract()?;
            if adjusted.unsigned_abs() > MAX_NUMBER_DIGITS as u64 {
                return Err(label_err(
                    path,
                    format!("`{text}` is too large or too small for a label number"),
                ));
            }
            out.extend_from_slice(text.as_bytes());
        } else {
            let tn = v
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default();
            return Err(label_err(
                path,
                format!("a Python {tn} cannot be a JSON value"),
            ));
        }
        Ok(())
    }
}

/// `as_of=`: `YYYY-MM-DD` text or a `datetime.date` (a `datetime` gives its date).
pub fn date_arg(v: &Bound<'_, PyAny>) -> PyResult<Date> {
    let py = v.py();
    if let Ok(s) = v.cast::<PyString>() {
        let s = s.to_cow()?;
        return Date::parse_iso(&s).ok_or_else(|| {
            errors::invalid_option(py, format!("as_of `{s}` is not a date in YYYY-MM-DD form"))
        });
    }
    if let Ok(d) = v.cast::<PyDate>() {
        return Date::from_ymd(d.get_year(), d.get_month() as u32, d.get_day() as u32)
            .ok_or_else(|| errors::invalid_option(py, "as_of is out of range"));
    }
    let tn = v
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    Err(PyTypeError::new_err(format!(
        "as_of is a str (YYYY-MM-DD) or a datetime.date, not {tn}"
    )))
}

pub fn date_to_py<'py>(py: Python<'py>, d: Date) -> PyResult<Bound<'py, PyAny>> {
    let (y, m, day) = d.ymd();
    Ok(PyDate::new(py, y, m as u8, day as u8)?.into_any())
}

/// A JSON value as the Python object `json.loads` would give.
pub fn value_to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => {
            let list = PyList::empty(py);
            for el in a {
                list.append(value_to_py(py, el)?)?;
            }
            list.into_any()
        }
        Value::Object(o) => {
            let d = PyDict::new(py);
            for (k, el) in o {
                d.set_item(k, value_to_py(py, el)?)?;
            }
            d.into_any()
        }
    })
}

/// Re-indents `serde_json::to_string_pretty` output (two spaces a level) to `indent`
/// spaces. Safe line by line: JSON strings cannot hold a raw newline.
pub fn reindent(pretty: String, indent: usize) -> String {
    if indent == 2 {
        return pretty;
    }
    let mut out = String::with_capacity(pretty.len());
    for (i, line) in pretty.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = line.trim_start_matches(' ');
        let levels = (line.len() - body.len()) / 2;
        out.push_str(&" ".repeat(levels * indent));
        out.push_str(body);
    }
    out
}

/// `to_dict()` of a core value (report, finding, comparison): what `json.loads` of its JSON gives.
macro_rules! to_dict {
    ($py:expr, $v:expr) => {
        serde_json::to_value($v)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
            .and_then(|v| $crate::convert::value_to_py($py, &v))
    };
}

/// `to_json(indent=None)` of a core value: compact, or pretty with `indent` spaces.
macro_rules! to_json {
    ($v:expr, $indent:expr) => {
        match $indent {
            None => serde_json::to_string($v),
            Some(n) => serde_json::to_string_pretty($v).map(|s| $crate::convert::reindent(s, n)),
        }
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    };
}

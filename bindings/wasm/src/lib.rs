//! WebAssembly binding of `labelcheck` (wasm-bindgen).
//!
//! ```js
//! import init, { Engine } from "labelcheck-wasm";     // web; in Node: require/import, no init
//! await init();
//! const engine = new Engine();                         // embedded packs, compiled once
//! const report = engine.check(label, { asOf: "2026-11-26", lang: "en" });
//! for (const f of report.findings) console.log(f.rule, f.path, f.text, f.span?.utf16_start);
//! ```
//!
//! Labels go in as a JS object or a JSON string. An object is serialised with
//! `JSON.stringify` and then read by the same parser as the native library, so limits,
//! error kinds and JSON-pointer paths are identical. Reports come back as plain objects
//! (the Rust `Report` serialised as JSON, plus `text` on each finding).
//!
//! Errors never trap: `check`/`compare` throw a `LabelcheckError` (an `Error` with the
//! fields of `ErrorInfo`: `kind`, `path`, `line`, `column`…); `tryCheck`/`tryCompare`
//! return `{ ok: false, error }` instead.

pub mod api;

/// The example labels `warmUp` checks once (see there).
const WARM_UP_CN: &str = include_str!("../../../examples/beef-jerky.json");
const WARM_UP_EU: &str = include_str!("../../../examples/eu-biscuit.json");
const WARM_UP_US: &str = include_str!("../../../examples/us-granola-bar.json");

use api::{
    CategoryInfo, CheckOptions, ErrorInfo, ErrorKind, Lang, MarketInfo, PackInfo, PackProblem,
    RuleFilter, RuleInfo, TextOptions,
};
use labelcheck::label::parse_label;
use labelcheck::{Date, EditionChoice, Error, LabelError};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Declarations derived by build.rs from the Rust types and the label JSON Schema.
#[wasm_bindgen(typescript_custom_section)]
const DERIVED_TYPES: &'static str = include_str!(concat!(env!("OUT_DIR"), "/types.d.ts"));

/// Declarations of the binding's JS-only shapes (no Rust type behind them).
#[wasm_bindgen(typescript_custom_section)]
const BINDING_TYPES: &'static str = r#"
/** What `check`/`compare` throw: an `Error` carrying the fields of `ErrorInfo`. */
export interface LabelcheckError extends Error, Omit<ErrorInfo, "message"> {
  name: "LabelcheckError";
}
/** The result of `tryCheck` / `tryCompare`: never throws. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = stringify, catch)]
    fn json_stringify(v: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(s: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = assign)]
    fn object_assign(target: &JsValue, source: &JsValue) -> JsValue;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray)]
    fn is_array(v: &JsValue) -> bool;
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    fn reflect_set(target: &JsValue, key: &str, value: &JsValue) -> bool;

    #[wasm_bindgen(js_name = Date)]
    type JsDate;
    #[wasm_bindgen(constructor, js_class = "Date")]
    fn new() -> JsDate;
    #[wasm_bindgen(method, js_class = "Date", js_name = getFullYear)]
    fn full_year(this: &JsDate) -> f64;
    #[wasm_bindgen(method, js_class = "Date", js_name = getMonth)]
    fn month0(this: &JsDate) -> f64;
    #[wasm_bindgen(method, js_class = "Date", js_name = getDate)]
    fn day(this: &JsDate) -> f64;
}

/// The version of this package (= the crate version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Is `e` an error thrown by this package?
#[wasm_bindgen(js_name = isLabelcheckError, unchecked_return_type = "e is LabelcheckError")]
pub fn is_labelcheck_error(e: &JsValue) -> bool {
    let Ok(name) = get_name(e) else { return false };
    name.as_string().as_deref() == Some("LabelcheckError")
}

fn get_name(e: &JsValue) -> Result<JsValue, JsValue> {
    if !e.is_object() {
        return Ok(JsValue::UNDEFINED);
    }
    reflect_get(e, "name")
}

/// A loaded, compiled set of standards (the packs embedded at build time). Build it once
/// and check many labels with it.
#[wasm_bindgen]
pub struct Engine {
    inner: labelcheck::Engine,
}

#[wasm_bindgen]
impl Engine {
    /// Loads the embedded standards. Throws a `LabelcheckError` of kind `pack` if they do
    /// not load (never for a released build).
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Engine, JsValue> {
        labelcheck::Engine::new()
            .map(|inner| Engine { inner })
            .map_err(|e| throwable(&error_info(&e)))
    }

    /// Compiles now the packs a first check would compile (all, or one market's: `"CN"`) and
    /// returns how many, then checks one built-in example label of that market (CN when
    /// none is named) and drops the report. Call it when the page is idle so the first
    /// keystroke does not wait.
    ///
    /// Why the sample check: the browser compiles a wasm function when it is first called,
    /// so a cold first check paid for compiling the code of parsing, every primitive and the
    /// report (most of its 35–70 ms in Node, against 8–10 ms for the engine's own work);
    /// running one check here moves that compile to idle time as well.
    #[wasm_bindgen(js_name = warmUp)]
    pub fn warm_up(&self, market: Option<String>) -> usize {
        let n = self.inner.warm_up(market.as_deref());
        let sample = match market.as_deref() {
            Some("EU") => WARM_UP_EU,
            Some("US") => WARM_UP_US,
            _ => WARM_UP_CN,
        };
        // A build without that market's packs answers "not checked": nothing to warm.
        let _ = self.do_check(&JsValue::from_str(sample), None);
        n
    }

    /// Checks one label (a label object or its JSON text). Throws a `LabelcheckError` on
    /// bad input.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Label | string")] label: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        self.do_check(label, options.as_ref())
            .map_err(|e| throwable(&e))
    }

    /// Like `check`, but returns `{ ok, value | error }` and never throws.
    #[wasm_bindgen(js_name = tryCheck, unchecked_return_type = "Outcome<Report>")]
    pub fn try_check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Label | string")] label: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
    ) -> JsValue {
        outcome(self.do_check(label, options.as_ref()))
    }

    /// Reads a label's printed text (artwork text layer, OCR result, a label typed out) and
    /// checks it: `options.market` and `options.category` say what is not printed. Finding
    /// spans point into `text` (`utf16Start`/`utf16End` index a JS string); `report.text` is
    /// what the reader understood. Throws a `LabelcheckError` on bad input.
    #[wasm_bindgen(js_name = checkText, unchecked_return_type = "Report")]
    pub fn check_text(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "TextOptions")] options: &JsValue,
    ) -> Result<JsValue, JsValue> {
        self.do_check_text(text, options).map_err(|e| throwable(&e))
    }

    /// Like `checkText`, but returns `{ ok, value | error }` and never throws.
    #[wasm_bindgen(js_name = tryCheckText, unchecked_return_type = "Outcome<Report>")]
    pub fn try_check_text(
        &self,
        text: &str,
        #[wasm_bindgen(unchecked_param_type = "TextOptions")] options: &JsValue,
    ) -> JsValue {
        outcome(self.do_check_text(text, options))
    }

    /// Checks one label against each of `markets` (`["US", "EU", "CN", "CODEX"]`) in place
    /// of its own market: one report per market, in the order given. Throws a
    /// `LabelcheckError` on bad input, and of kind `not_checked` only when no market has a
    /// pack for the label's category.
    #[wasm_bindgen(js_name = checkMarkets, unchecked_return_type = "MarketReports")]
    pub fn check_markets(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Label | string")] label: &JsValue,
        markets: Vec<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        self.do_check_markets(label, &markets, options.as_ref())
            .map_err(|e| throwable(&e))
    }

    /// Like `checkMarkets`, but returns `{ ok, value | error }` and never throws.
    #[wasm_bindgen(js_name = tryCheckMarkets, unchecked_return_type = "Outcome<MarketReports>")]
    pub fn try_check_markets(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Label | string")] label: &JsValue,
        markets: Vec<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
    ) -> JsValue {
        outcome(self.do_check_markets(label, &markets, options.as_ref()))
    }

    /// Checks a label under the editions in force and under the latest editions, and says
    /// what changes (`newly_failing`, `resolved`). Throws a `LabelcheckError` on bad input.
    #[wasm_bindgen(unchecked_return_type = "Comparison")]
    pub fn compare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Label | string")] label: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        self.do_compare(label, options.as_ref())
            .map_err(|e| throwable(&e))
    }

    /// Like `compare`, but returns `{ ok, value | error }` and never throws.
    #[wasm_bindgen(js_name = tryCompare, unchecked_return_type = "Outcome<Comparison>")]
    pub fn try_compare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Label | string")] label: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
    ) -> JsValue {
        outcome(self.do_compare(label, options.as_ref()))
    }

    /// The rules of the loaded packs, in pack order. Throws on a bad filter.
    #[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
    pub fn rules(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "RuleFilter")] filter: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let filter: RuleFilter = from_js(filter.as_ref()).map_err(|e| throwable(&e))?;
        let list: Vec<RuleInfo> = self
            .inner
            .packs()
            .iter()
            .filter(|p| filter.pack.as_ref().is_none_or(|want| *want == p.meta.id))
            .flat_map(|p| p.rules.iter().map(move |r| rule_info(p, r)))
            .filter(|r| {
                filter.topic.as_ref().is_none_or(|t| {
                    r.topic
                        .as_deref()
                        .is_some_and(|rt| rt == t || rt.starts_with(&format!("{t}.")))
                })
            })
            .collect();
        to_js(&list).map_err(|e| throwable(&e))
    }

    /// One rule by id, or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "RuleInfo | undefined")]
    pub fn rule(&self, id: &str) -> JsValue {
        match self.inner.rule(id) {
            Some((p, r)) => to_js(&rule_info(p, r)).unwrap_or(JsValue::UNDEFINED),
            None => JsValue::UNDEFINED,
        }
    }

    /// A pack's table (`engine.table("gb21455-2019", "grades")`) — to show the band a finding
    /// was judged by without a copy of the pack's data — or `undefined`.
    #[wasm_bindgen(unchecked_return_type = "PackTable | undefined")]
    pub fn table(&self, pack: &str, table: &str) -> JsValue {
        // The core's JSON has the shape of `PackTable` (declared in api.rs for the types).
        self.inner
            .table(pack, table)
            .and_then(|v| to_js(&v).ok())
            .unwrap_or(JsValue::UNDEFINED)
    }

    /// The loaded packs (editions of standards) with their dates, versions and hashes.
    #[wasm_bindgen(unchecked_return_type = "PackInfo[]")]
    pub fn packs(&self) -> Result<JsValue, JsValue> {
        let list: Vec<PackInfo> = self
            .inner
            .packs()
            .iter()
            .map(|p| PackInfo {
                id: p.meta.id.clone(),
                standard: p.meta.standard.clone(),
                edition: p.meta.edition.clone(),
                title: p.meta.title.clone(),
                jurisdiction: p.meta.jurisdiction.clone(),
                categories: p.meta.categories.clone(),
                exclude_categories: p.meta.exclude_categories.clone(),
                effective_from: p.meta.effective_from.to_string(),
                effective_until: p.meta.effective_until.map(|d| d.to_string()),
                version: p.meta.version.clone(),
                hash: p.hash.clone(),
                rules: p.rules.len(),
            })
            .collect();
        to_js(&list).map_err(|e| throwable(&e))
    }

    /// The product categories of the catalogue, with inherited tags.
    #[wasm_bindgen(unchecked_return_type = "CategoryInfo[]")]
    pub fn categories(&self) -> Result<JsValue, JsValue> {
        let cat = &self.inner.standards().catalogue;
        let list: Vec<CategoryInfo> = cat
            .categories
            .values()
            .map(|c| CategoryInfo {
                id: c.id.clone(),
                zh: c.zh.clone(),
                en: c.en.clone(),
                tags: cat.tags_of(&c.id).map(<[_]>::to_vec).unwrap_or_default(),
            })
            .collect();
        to_js(&list).map_err(|e| throwable(&e))
    }

    /// The markets (jurisdictions) of the catalogue.
    #[wasm_bindgen(unchecked_return_type = "MarketInfo[]")]
    pub fn markets(&self) -> Result<JsValue, JsValue> {
        let list: Vec<MarketInfo> = self
            .inner
            .standards()
            .catalogue
            .markets
            .iter()
            .map(|m| MarketInfo {
                id: m.id.clone(),
                zh: m.zh.clone(),
                en: m.en.clone(),
            })
            .collect();
        to_js(&list).map_err(|e| throwable(&e))
    }
}

impl Engine {
    fn do_check(&self, label: &JsValue, options: Option<&JsValue>) -> Result<JsValue, ErrorInfo> {
        let opts: CheckOptions = from_js(options)?;
        let bytes = label_bytes(label, self.inner.limits().max_label_bytes)?;
        let parsed = parse_label(&bytes, self.inner.limits()).map_err(|e| error_info(&e.into()))?;
        let core_opts = core_options(&opts, parsed.check_date)?;
        let report = self
            .inner
            .check(parsed, &core_opts)
            .map_err(|e| error_info(&e))?;
        if !report.is_checked() {
            return Err(bare(
                ErrorKind::NotChecked,
                format!(
                    "not checked: no pack applies to market {} and category {} on {}",
                    report.market, report.category, report.as_of
                ),
            ));
        }
        report_to_js(&report, opts.lang.unwrap_or_default())
    }

    fn do_check_text(&self, text: &str, options: &JsValue) -> Result<JsValue, ErrorInfo> {
        if options.is_undefined() || options.is_null() {
            return Err(bare(
                ErrorKind::Option,
                "checkText needs options with market and category (they are not printed)".into(),
            ));
        }
        let t: TextOptions = from_js(Some(options))?;
        let extra = match t.extra {
            None | Some(Value::Null) => None,
            Some(Value::Object(m)) => Some(m),
            Some(_) => {
                return Err(ErrorInfo {
                    path: Some("/extra".into()),
                    ..bare(ErrorKind::Option, "extra must be an object of facts".into())
                })
            }
        };
        let opts = CheckOptions {
            as_of: t.as_of,
            editions: t.editions,
            lang: t.lang,
            trace: t.trace,
            only: t.only,
            omit_skipped: t.omit_skipped,
        };
        let core_opts = core_options(&opts, None)?;
        let ctx = labelcheck::label::text::TextContext {
            market: t.market,
            category: t.category,
            check_date: core_opts.as_of.map(|d| d.to_string()),
            id: None,
            extra,
        };
        let report = self
            .inner
            .check_text(text, &ctx, &core_opts)
            .map_err(|e| error_info(&e))?;
        if !report.is_checked() {
            return Err(bare(
                ErrorKind::NotChecked,
                format!(
                    "not checked: no pack applies to market {} and category {} on {}",
                    report.market, report.category, report.as_of
                ),
            ));
        }
        report_to_js(&report, opts.lang.unwrap_or_default())
    }

    fn do_check_markets(
        &self,
        label: &JsValue,
        markets: &[String],
        options: Option<&JsValue>,
    ) -> Result<JsValue, ErrorInfo> {
        let opts: CheckOptions = from_js(options)?;
        let bytes = label_bytes(label, self.inner.limits().max_label_bytes)?;
        let core_opts = self.options_for_bytes(&opts, &bytes)?;
        let result = self
            .inner
            .check_markets_json(&bytes, markets, &core_opts)
            .map_err(|e| error_info(&e))?;
        if result.verdict == labelcheck::Verdict::NotChecked {
            let r = result.markets.first().map(|m| &m.report);
            return Err(bare(
                ErrorKind::NotChecked,
                match r {
                    Some(r) => format!(
                        "not checked: no pack applies to category {} in any of the markets on {}",
                        r.category, r.as_of
                    ),
                    None => "not checked: no market".into(),
                },
            ));
        }
        let js = to_js(&result)?;
        let key = lang_key(opts.lang.unwrap_or_default());
        if let Some(ms) = reflect_get(&js, "markets")
            .ok()
            .and_then(|ms| ms.dyn_into::<js_sys::Array>().ok())
        {
            for m in ms.iter() {
                add_text(&m, &["report", "findings"], key);
            }
        }
        Ok(js)
    }

    /// The core's options for a label given as bytes: its own check date is the default date,
    /// so the label is parsed here only when `asOf` is not given.
    fn options_for_bytes(
        &self,
        opts: &CheckOptions,
        bytes: &[u8],
    ) -> Result<labelcheck::CheckOptions, ErrorInfo> {
        let check_date = if opts.as_of.is_none() {
            parse_label(bytes, self.inner.limits())
                .map_err(|e| error_info(&e.into()))?
                .check_date
        } else {
            None
        };
        core_options(opts, check_date)
    }

    fn do_compare(&self, label: &JsValue, options: Option<&JsValue>) -> Result<JsValue, ErrorInfo> {
        let opts: CheckOptions = from_js(options)?;
        let bytes = label_bytes(label, self.inner.limits().max_label_bytes)?;
        let core_opts = self.options_for_bytes(&opts, &bytes)?;
        let cmp = self
            .inner
            .compare_json(&bytes, &core_opts)
            .map_err(|e| error_info(&e))?;
        let js = to_js(&cmp)?;
        let key = lang_key(opts.lang.unwrap_or_default());
        add_text(&js, &["current", "findings"], key);
        add_text(&js, &["next", "findings"], key);
        add_text(&js, &["newly_failing"], key);
        add_text(&js, &["resolved"], key);
        Ok(js)
    }
}

/// The core's options from the binding's; the JS clock stands in for the missing system
/// clock when neither the options nor the label give a date.
fn core_options(
    opts: &CheckOptions,
    label_date: Option<Date>,
) -> Result<labelcheck::CheckOptions, ErrorInfo> {
    let as_of = match &opts.as_of {
        Some(s) => Some(Date::parse_iso(s.trim()).ok_or_else(|| ErrorInfo {
            path: Some("/asOf".into()),
            ..bare(
                ErrorKind::Option,
                format!("asOf `{s}` is not a date of the form YYYY-MM-DD"),
            )
        })?),
        None if label_date.is_some() => None,
        None => Some(today().ok_or_else(|| {
            bare(
                ErrorKind::Option,
                "no check date: pass `asOf` or set the label's `check_date`".into(),
            )
        })?),
    };
    Ok(labelcheck::CheckOptions {
        as_of,
        editions: if opts.editions.is_empty() {
            EditionChoice::InForce
        } else {
            EditionChoice::Named(opts.editions.clone())
        },
        trace: opts.trace,
        omit_skipped: opts.omit_skipped,
        only: opts
            .only
            .as_deref()
            .map(labelcheck::RuleSelection::parse)
            .transpose()
            .map_err(|e| ErrorInfo {
                path: Some("/only".into()),
                ..bare(ErrorKind::Option, format!("only: {e}"))
            })?,
    })
}

fn today() -> Option<Date> {
    let d = JsDate::new();
    let (y, m, day) = (d.full_year(), d.month0(), d.day());
    if !(y.is_finite() && m.is_finite() && day.is_finite()) {
        return None;
    }
    Date::from_ymd(y as i32, m as u32 + 1, day as u32)
}

/// Why a JS label value cannot be read: the pointer of the value and what is wrong.
struct Unreadable {
    path: String,
    message: String,
    too_large: bool,
}

/// Refuses what `JSON.stringify` would silently change, before it runs: non-finite numbers
/// (`NaN` and `Infinity` became `null`, so a missing value could pass) and lone surrogates in
/// strings or keys (they became U+FFFD). The error names the JSON pointer of the value, as the
/// CLI and Python bindings do. Cycles are left to `JSON.stringify` (which throws); the walk
/// stops at an ancestor and visits at most `budget` values (each is at least one byte of
/// JSON, so more is over the size limit anyway — shared references cannot make it explode).
fn check_js_value(
    v: &JsValue,
    path: &mut String,
    ancestors: &mut Vec<JsValue>,
    budget: &mut usize,
) -> Result<(), Unreadable> {
    let fail = |path: &str, message: String| Unreadable {
        path: path.to_string(),
        message,
        too_large: false,
    };
    if *budget == 0 {
        return Err(Unreadable {
            path: path.to_string(),
            message: "the label has more values than its size limit allows".into(),
            too_large: true,
        });
    }
    *budget -= 1;
    if let Some(x) = v.as_f64() {
        if !x.is_finite() {
            let shown = if x.is_nan() {
                "NaN"
            } else if x > 0.0 {
                "Infinity"
            } else {
                "-Infinity"
            };
            return Err(fail(path, format!("{shown} is not a finite number")));
        }
        return Ok(());
    }
    if let Some(s) = v.dyn_ref::<js_sys::JsString>() {
        if utf8_of(s).is_none() {
            return Err(fail(
                path,
                "text is not valid Unicode (lone surrogate)".into(),
            ));
        }
        return Ok(());
    }
    if !v.is_object() || v.is_function() || ancestors.iter().any(|a| a == v) {
        return Ok(());
    }
    ancestors.push(v.clone());
    let result = (|| {
        if let Some(list) = v.dyn_ref::<js_sys::Array>() {
            for (i, el) in list.iter().enumerate() {
                let len = path.len();
                path.push('/');
                path.push_str(&i.to_string());
                check_js_value(&el, path, ancestors, budget)?;
                path.truncate(len);
            }
            return Ok(());
        }
        let Some(object) = v.dyn_ref::<js_sys::Object>() else {
            return Ok(());
        };
        for key in js_sys::Object::keys(object).iter() {
            let Some(k) = key.dyn_ref::<js_sys::JsString>() else {
                continue;
            };
            let len = path.len();
            path.push('/');
            let Some(name) = utf8_of(k) else {
                return Err(fail(
                    path,
                    "key is not valid Unicode (lone surrogate)".into(),
                ));
            };
            path.push_str(&name.replace('~', "~0").replace('/', "~1"));
            // A getter that throws is left to JSON.stringify, which reports it.
            if let Ok(val) = js_sys::Reflect::get(v, &key) {
                check_js_value(&val, path, ancestors, budget)?;
            }
            path.truncate(len);
        }
        Ok(())
    })();
    ancestors.pop();
    result
}

/// The label's JSON bytes: a string as it is (refused when it holds a lone surrogate),
/// anything else through [`check_js_value`] and then `JSON.stringify`.
/// A JS string as UTF-8, or `None` when it holds a lone surrogate. The conversion turns a
/// lone surrogate into U+FFFD, so only a string whose UTF-8 holds U+FFFD (the character
/// itself may be there) is read again unit by unit: `JsString::is_valid_utf16` crosses into
/// JS once per UTF-16 unit, ≈ 3 % of a check of a label given as text.
fn utf8_of(s: &js_sys::JsString) -> Option<String> {
    let text = String::from(s);
    if text.contains('\u{FFFD}') && !s.is_valid_utf16() {
        return None;
    }
    Some(text)
}

fn label_bytes(label: &JsValue, max_bytes: usize) -> Result<Vec<u8>, ErrorInfo> {
    if label.is_undefined() || label.is_null() {
        return Err(ErrorInfo {
            path: Some(String::new()),
            ..bare(
                ErrorKind::Invalid,
                "no label given: pass a label object or its JSON text".into(),
            )
        });
    }
    if let Some(s) = label.dyn_ref::<js_sys::JsString>() {
        let Some(text) = utf8_of(s) else {
            return Err(bare(
                ErrorKind::Syntax,
                "the label text is not valid Unicode (lone surrogate)".into(),
            ));
        };
        return Ok(text.into_bytes());
    }
    let mut budget = max_bytes;
    if let Err(u) = check_js_value(label, &mut String::new(), &mut Vec::new(), &mut budget) {
        if u.too_large {
            return Err(ErrorInfo {
                size: Some(max_bytes + 1),
                limit: Some(max_bytes),
                ..bare(ErrorKind::TooLarge, u.message)
            });
        }
        return Err(ErrorInfo {
            path: Some(u.path.clone()),
            ..bare(ErrorKind::Invalid, format!("{}: {}", u.path, u.message))
        });
    }
    stringify(label)
        .map(String::into_bytes)
        .map_err(|message| ErrorInfo {
            path: Some(String::new()),
            ..bare(ErrorKind::Invalid, message)
        })
}

/// `JSON.stringify`, with its exceptions (cycles, BigInt) and `undefined` results turned
/// into messages.
fn stringify(v: &JsValue) -> Result<String, String> {
    match json_stringify(v) {
        Ok(s) => s
            .as_string()
            .ok_or_else(|| "the value has no JSON form (a function or a symbol?)".to_string()),
        Err(e) => Err(format!(
            "the value cannot be turned into JSON: {}",
            js_message(&e)
        )),
    }
}

fn js_message(e: &JsValue) -> String {
    reflect_get(e, "message")
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Options or a filter from a JS object (`undefined`/`null` = all defaults).
fn from_js<T: serde::de::DeserializeOwned + Default>(v: Option<&JsValue>) -> Result<T, ErrorInfo> {
    let Some(v) = v.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(T::default());
    };
    let opt_err = |message: String| bare(ErrorKind::Option, message);
    if !v.is_object() || is_array(v) {
        return Err(opt_err("options must be an object".into()));
    }
    let text = stringify(v).map_err(opt_err)?;
    serde_json::from_str(&text).map_err(|e| opt_err(format!("bad option: {e}")))
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, ErrorInfo> {
    let text = serde_json::to_string(v).map_err(internal)?;
    json_parse(&text).map_err(|e| bare(ErrorKind::Option, js_message(&e)))
}

fn internal(e: serde_json::Error) -> ErrorInfo {
    bare(
        ErrorKind::Invalid,
        format!("internal serialisation error: {e}"),
    )
}

/// A report as a JS object, each finding with its `text` (the message in `lang`): the
/// report goes to JSON text directly and `text` is set on the parsed findings. (Through a
/// `serde_json::Value` first, every key of the report was a `String` in a `BTreeMap`, an
/// allocation-heavy detour a wasm check paid on every label; and serialising reports into
/// `Value` as well as into text instantiated every report type's `Serialize` twice.)
fn report_to_js(report: &labelcheck::Report, lang: Lang) -> Result<JsValue, ErrorInfo> {
    let js = to_js(report)?;
    add_text(&js, &["findings"], lang_key(lang));
    Ok(js)
}

/// The key of a finding's message in `lang`.
fn lang_key(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// Sets `text` (the message under `key`) on each finding of the array found by following
/// `path` from `root`; nothing when the path does not lead to an array.
fn add_text(root: &JsValue, path: &[&str], key: &str) {
    let mut at = root.clone();
    for p in path {
        match reflect_get(&at, p) {
            Ok(next) => at = next,
            Err(_) => return,
        }
    }
    let Some(list) = at.dyn_ref::<js_sys::Array>() else {
        return;
    };
    for f in list.iter() {
        let text = reflect_get(&f, "message")
            .and_then(|m| reflect_get(&m, key))
            .unwrap_or(JsValue::NULL);
        reflect_set(&f, "text", &text);
    }
}

fn bare(kind: ErrorKind, message: String) -> ErrorInfo {
    ErrorInfo {
        kind,
        message,
        path: None,
        line: None,
        column: None,
        size: None,
        limit: None,
        packs: vec![],
    }
}

fn pack_problem(p: &labelcheck::PackError) -> PackProblem {
    PackProblem {
        file: p.file.clone(),
        line: p.line,
        rule: p.rule.clone(),
        message: p.message.clone(),
    }
}

/// The structured form of a core error.
fn error_info(e: &Error) -> ErrorInfo {
    let message = match e {
        Error::Label(l) => l.to_string(),
        other => other.to_string(),
    };
    let mut info = bare(ErrorKind::Option, message);
    match e {
        Error::Label(LabelError::Syntax { line, column, .. }) => {
            info.kind = ErrorKind::Syntax;
            info.line = Some(*line);
            info.column = Some(*column);
        }
        Error::Label(LabelError::Invalid {
            path, line, column, ..
        }) => {
            info.kind = ErrorKind::Invalid;
            info.path = Some(path.clone());
            info.line = Some(*line).filter(|l| *l > 0);
            info.column = Some(*column).filter(|_| *line > 0);
        }
        Error::Label(LabelError::Unknown { path, .. }) => {
            info.kind = ErrorKind::Unknown;
            info.path = Some(path.clone());
        }
        Error::Label(LabelError::TooLarge { size, limit }) => {
            info.kind = ErrorKind::TooLarge;
            info.size = Some(*size);
            info.limit = Some(*limit);
        }
        Error::Pack(p) => {
            info.kind = ErrorKind::Pack;
            info.packs = vec![pack_problem(p)];
        }
        Error::Packs(ps) => {
            info.kind = ErrorKind::Pack;
            info.packs = ps.iter().map(pack_problem).collect();
        }
        Error::Option(_) => info.kind = ErrorKind::Option,
        Error::Io { path, .. } => {
            info.kind = ErrorKind::Io;
            info.path = Some(path.clone());
        }
    }
    info
}

/// A JS `Error` named `LabelcheckError` carrying the fields of `info`.
fn throwable(info: &ErrorInfo) -> JsValue {
    let err: JsValue = JsError::new(&info.message).into();
    if let Ok(fields) = to_js(info) {
        object_assign(&err, &fields);
    }
    reflect_set(&err, "name", &JsValue::from_str("LabelcheckError"));
    err
}

/// `{ ok: true, value }` or `{ ok: false, error }`.
fn outcome(r: Result<JsValue, ErrorInfo>) -> JsValue {
    let (head, key, value) = match r {
        Ok(v) => ("{\"ok\":true}", "value", v),
        Err(e) => (
            "{\"ok\":false}",
            "error",
            to_js(&e).unwrap_or(JsValue::NULL),
        ),
    };
    let obj = json_parse(head).unwrap_or(JsValue::UNDEFINED);
    if obj.is_object() {
        reflect_set(&obj, key, &value);
    }
    obj
}

fn rule_info(p: &labelcheck::pack::Pack, r: &labelcheck::pack::Rule) -> RuleInfo {
    RuleInfo {
        id: r.id.clone(),
        pack: p.meta.id.clone(),
        standard: p.meta.standard.clone(),
        edition: p.meta.edition.clone(),
        clause: r.clause.clone(),
        severity: r.severity,
        confidence: r.confidence,
        topic: r.topic.clone(),
        check: r.check.kind().to_string(),
        when: r.when.as_ref().map(|e| e.source.clone()),
        for_each: r.for_each.as_ref().map(|e| e.source.clone()),
        note: r.note.clone(),
        file: r.file.clone(),
        line: r.line,
    }
}

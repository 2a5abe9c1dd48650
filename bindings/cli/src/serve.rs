//! `labelcheck serve`: the engine over HTTP, for systems that are not Rust, Python or
//! JavaScript (Java, .NET, a low-code platform).
//!
//! - `POST /v1/check` — one label (JSON) → its report; query `as_of`, `edition` (repeatable),
//!   `lang`, `only`, and `markets` (`US,EU,CODEX`: the label checked against each market,
//!   `{verdict, markets: [{market, report}]}` as `labelcheck check --market` prints it).
//! - `POST /v1/check/batch` — JSON Lines in, JSON Lines out (one `{"line", "report"|"error"}`
//!   object per non-blank input line, in order, streamed as they are checked).
//! - `GET /v1/rules`, `GET /v1/packs`, `GET /healthz`, `GET /v1/openapi.json`.
//!
//! Errors are RFC 9457 problem details (`application/problem+json`) with the same structured
//! error the CLI prints under `error`. Limits: a request body of at most the label size
//! limit (one label) or `--max-batch-bytes` (a batch), at most `--concurrency` checks at once
//! (the rest wait), and `--timeout` seconds per request. Binds 127.0.0.1 unless told
//! otherwise; SIGINT/SIGTERM stop it after the requests in flight.

use axum::body::{Body, Bytes};
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use futures_util::StreamExt as _;
use labelcheck::{CheckOptions, Date, EditionChoice, Engine, RuleSelection};
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Settings of a running service.
pub struct Settings {
    pub addr: String,
    pub concurrency: usize,
    pub timeout: Duration,
    pub max_batch_bytes: usize,
}

struct App {
    engine: Engine,
    permits: Semaphore,
    concurrency: usize,
    timeout: Duration,
}

/// Query parameters of the check endpoints.
#[derive(Deserialize, Default)]
struct CheckQuery {
    as_of: Option<String>,
    #[serde(default)]
    edition: Vec<String>,
    lang: Option<String>,
    only: Option<String>,
    /// `true`: the reports leave out the list of skipped rules (the count stays).
    #[serde(default)]
    omit_skipped: bool,
    /// Comma-separated markets for a multi-market check (`/v1/check` only).
    markets: Option<String>,
}

/// An RFC 9457 problem: `type`, `title`, `status`, `detail`, plus the structured error.
fn problem(status: StatusCode, kind: &str, detail: &str, error: Option<Value>) -> Response {
    let mut body = json!({
        "type": format!("https://labelcheck.invalid/problems/{kind}"),
        "title": kind.replace('_', " "),
        "status": status.as_u16(),
        "detail": detail,
    });
    if let Some(e) = error {
        body["error"] = e;
    }
    (
        status,
        [(header::CONTENT_TYPE, "application/problem+json")],
        body.to_string(),
    )
        .into_response()
}

/// axum's own rejections (a body over the limit, a query that does not parse) as problem
/// details like every other error, not its plain-text bodies.
fn rejected(status: StatusCode, kind: &str, detail: String) -> Response {
    problem(status, kind, &detail, None)
}

/// The query and body of a check request, or the problem that rejects them.
#[allow(clippy::result_large_err)]
fn request_parts(
    q: Result<Query<CheckQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(CheckQuery, Bytes), Response> {
    let q = match q {
        Ok(Query(q)) => q,
        Err(e) => return Err(rejected(e.status(), "query", e.body_text())),
    };
    let body = match body {
        Ok(b) => b,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(rejected(
                e.status(),
                "too_large",
                format!(
                    "the request body is over the limit for this endpoint: {}",
                    e.body_text()
                ),
            ))
        }
        Err(e) => return Err(rejected(e.status(), "body", e.body_text())),
    };
    Ok((q, body))
}

/// A check request's query, body and options, or the problem that refuses it: what both
/// check endpoints begin with.
#[allow(clippy::result_large_err)]
fn checked_request(
    q: Result<Query<CheckQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
    engine: &Engine,
) -> Result<(CheckQuery, Bytes, CheckOptions), Response> {
    let (q, body) = request_parts(q, body)?;
    let opts = options(&q, engine)?;
    Ok((q, body, opts))
}

// A rejected option is answered at once; its size does not matter on this path.
#[allow(clippy::result_large_err)]
fn options(q: &CheckQuery, engine: &Engine) -> Result<CheckOptions, Response> {
    let bad = |d: String| problem(StatusCode::BAD_REQUEST, "option", &d, None);
    let as_of = match &q.as_of {
        Some(s) => Some(
            Date::parse_iso(s)
                .ok_or_else(|| bad(format!("as_of `{s}` is not a date YYYY-MM-DD")))?,
        ),
        None => None,
    };
    let only = q
        .only
        .as_deref()
        .map(RuleSelection::parse)
        .transpose()
        .map_err(|e| bad(format!("only: {e}")))?;
    // An unknown pack, rule or topic is refused, not an empty report.
    if let Some(sel) = &only {
        engine.validate_selection(sel).map_err(|e| {
            bad(format!(
                "only: {}",
                e.to_string().trim_start_matches("invalid option: ")
            ))
        })?;
    }
    if let Some(l) = &q.lang {
        if l != "zh" && l != "en" {
            return Err(bad(format!("lang `{l}` is not zh or en")));
        }
    }
    Ok(CheckOptions {
        as_of,
        editions: if q.edition.is_empty() {
            EditionChoice::InForce
        } else {
            EditionChoice::Named(q.edition.clone())
        },
        trace: false,
        only,
        omit_skipped: q.omit_skipped,
    })
}

/// The status a core error maps to: input problems are 4xx, a failed load 500.
fn error_status(e: &labelcheck::Error) -> StatusCode {
    use labelcheck::{Error, LabelError};
    match e {
        Error::Label(LabelError::TooLarge { .. }) => StatusCode::PAYLOAD_TOO_LARGE,
        Error::Label(_) | Error::Option(_) => StatusCode::BAD_REQUEST,
        Error::Pack(_) | Error::Packs(_) | Error::Io { .. } => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A result as the service answers it: the value as JSON when something was checked, else
/// `not_checked` (422) with the value; a core error as its status, kind and structured form.
fn answer<T: serde::Serialize>(
    result: Result<(bool, T), labelcheck::Error>,
) -> Result<Value, (StatusCode, String, Value)> {
    match result {
        Ok((false, v)) => Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_checked".into(),
            serde_json::to_value(&v).unwrap_or(Value::Null),
        )),
        Ok((true, v)) => Ok(serde_json::to_value(&v).unwrap_or(Value::Null)),
        Err(e) => Err((
            error_status(&e),
            labelcheck::suite::error_kind(&e).to_string(),
            serde_json::to_value(&e).unwrap_or(Value::Null),
        )),
    }
}

/// Checks one label's bytes against several markets: `{verdict, markets}` as JSON, or the
/// structured error (`not_checked` only when no market has a pack).
fn check_markets(
    engine: &Engine,
    bytes: &[u8],
    markets: &[String],
    opts: &CheckOptions,
) -> Result<Value, (StatusCode, String, Value)> {
    answer(
        engine
            .check_markets_json(bytes, markets, opts)
            .map(|m| (m.verdict != labelcheck::Verdict::NotChecked, m)),
    )
}

/// Checks one label's bytes: the report as JSON, or the structured error.
fn check_one(
    engine: &Engine,
    bytes: &[u8],
    opts: &CheckOptions,
) -> Result<Value, (StatusCode, String, Value)> {
    answer(engine.check_json(bytes, opts).map(|r| (r.is_checked(), r)))
}

async fn check(
    State(app): State<Arc<App>>,
    q: Result<Query<CheckQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (q, body, opts) = match checked_request(q, body, &app.engine) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let Ok(_permit) = app.permits.acquire().await else {
        return problem(
            StatusCode::SERVICE_UNAVAILABLE,
            "shutting_down",
            "the service is stopping",
            None,
        );
    };
    let markets: Option<Vec<String>> = q.markets.as_deref().map(|m| {
        m.split(',')
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect()
    });
    let work = {
        let app = app.clone();
        tokio::task::spawn_blocking(move || match &markets {
            Some(m) => check_markets(&app.engine, &body, m, &opts),
            None => check_one(&app.engine, &body, &opts),
        })
    };
    match tokio::time::timeout(app.timeout, work).await {
        Err(_) => problem(
            StatusCode::GATEWAY_TIMEOUT,
            "timeout",
            "the check took too long",
            None,
        ),
        Ok(Err(_)) => problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the check failed",
            None,
        ),
        Ok(Ok(Ok(report))) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            report.to_string(),
        )
            .into_response(),
        Ok(Ok(Err((status, kind, error)))) => {
            let detail = error
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or(&kind)
                .to_string();
            problem(status, &kind, &detail, Some(error))
        }
    }
}

/// JSON Lines in, JSON Lines out: each non-blank line is checked on the blocking pool under
/// the concurrency limit and written as soon as it is done, in input order.
async fn check_batch(
    State(app): State<Arc<App>>,
    q: Result<Query<CheckQuery>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (_, body, opts) = match checked_request(q, body, &app.engine) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let limit = app.engine.limits().max_label_bytes;
    // `--timeout` bounds the whole request (a 9 MB batch of 3 M lines ran two minutes
    // under a 10 s timeout when it bounded each line).
    let deadline = tokio::time::Instant::now() + app.timeout;
    // The lines, found as they are needed (not a list of millions up front).
    let mut at = 0usize;
    let mut number = 0usize;
    let lines = std::iter::from_fn(move || loop {
        if at >= body.len() {
            return None;
        }
        let end = body[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(body.len(), |p| at + p);
        let l = body.slice(at..end);
        at = end + 1;
        number += 1;
        if !l.iter().all(u8::is_ascii_whitespace) {
            return Some((number, l));
        }
    });
    let parallel = app.concurrency;
    let timeout = app.timeout;
    let stream = futures_util::stream::iter(lines).map(move |(line, bytes)| {
        let app = app.clone();
        let opts = opts.clone();
        async move {
            if tokio::time::Instant::now() >= deadline {
                return (line, None);
            }
            let value = if bytes.len() > limit {
                json!({ "line": line, "error": { "error": "label", "kind": "too_large", "size": bytes.len(), "limit": limit } })
            } else {
                let Ok(permit) = tokio::time::timeout_at(deadline, app.permits.acquire()).await
                else {
                    return (line, None);
                };
                let engine_app = app.clone();
                let work = tokio::task::spawn_blocking(move || check_one(&engine_app.engine, &bytes, &opts));
                let out = match tokio::time::timeout_at(deadline, work).await {
                    Ok(Ok(Ok(report))) => json!({ "line": line, "report": report }),
                    Ok(Ok(Err((_, kind, error)))) if kind == "not_checked" => {
                        json!({ "line": line, "not_checked": error })
                    }
                    Ok(Ok(Err((_, _, error)))) => json!({ "line": line, "error": error }),
                    Err(_) => return (line, None),
                    _ => json!({ "line": line, "error": { "error": "internal", "message": "the check failed" } }),
                };
                drop(permit);
                out
            };
            (line, Some(value))
        }
    })
    // Up to `concurrency` lines at once, answered in input order.
    .buffered(parallel)
    // Past the deadline: one last line says from which input line nothing was checked,
    // and the answer ends.
    .scan(false, move |stopped, (line, value)| {
        let out = match value {
            _ if *stopped => None,
            Some(v) => Some(v),
            None => {
                *stopped = true;
                Some(json!({ "line": line, "error": { "error": "timeout", "message": format!(
                    "the request took longer than the service's timeout ({} s); lines from {line} on were not checked",
                    timeout.as_secs_f64()
                ) } }))
            }
        };
        futures_util::future::ready(
            out.map(|v| Ok::<_, std::convert::Infallible>(format!("{v}\n"))),
        )
    });
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/x-ndjson")],
        Body::from_stream(stream),
    )
        .into_response()
}

async fn rules(State(app): State<Arc<App>>) -> Response {
    let list: Vec<Value> = app
        .engine
        .standards()
        .rules()
        .map(|(p, r)| {
            json!({
                "id": r.id, "pack": p.meta.id, "standard": p.meta.standard,
                "edition": p.meta.edition, "clause": r.clause, "also": r.also,
                "severity": format!("{:?}", r.severity).to_lowercase(),
                "topic": r.topic, "check": r.check.kind(),
            })
        })
        .collect();
    axum::Json(list).into_response()
}

async fn packs(State(app): State<Arc<App>>) -> Response {
    let list: Vec<Value> = app
        .engine
        .packs()
        .iter()
        .map(|p| {
            json!({
                "id": p.meta.id, "standard": p.meta.standard, "edition": p.meta.edition,
                "market": p.meta.jurisdiction, "title": p.meta.title,
                "effective_from": p.meta.effective_from, "effective_until": p.meta.effective_until,
                "version": p.meta.version, "hash": p.hash, "categories": p.meta.categories,
            })
        })
        .collect();
    axum::Json(list).into_response()
}

/// The OpenAPI 3.1 document: paths written here, the label document's schema generated
/// from the Rust types (the same as `labelcheck schema`).
pub fn openapi() -> Value {
    let mut label = labelcheck::label::json_schema();
    let defs = label
        .as_object_mut()
        .and_then(|o| o.remove("$defs"))
        .unwrap_or_else(|| json!({}));
    let fix_refs = |v: Value| -> Value {
        serde_json::from_str(&v.to_string().replace("#/$defs/", "#/components/schemas/"))
            .unwrap_or(Value::Null)
    };
    let mut schemas = fix_refs(defs);
    if let Some(o) = schemas.as_object_mut() {
        let mut l = fix_refs(label);
        if let Some(lo) = l.as_object_mut() {
            lo.remove("$schema");
            lo.remove("$id");
        }
        o.insert("Label".into(), l);
        o.insert(
            "Problem".into(),
            json!({"type": "object", "properties": {
                "type": {"type": "string"}, "title": {"type": "string"},
                "status": {"type": "integer"}, "detail": {"type": "string"},
                "error": {"type": "object"}}}),
        );
    }
    let q = |name: &str, desc: &str| json!({"name": name, "in": "query", "required": false, "schema": {"type": "string"}, "description": desc});
    let params = json!([
        q(
            "as_of",
            "Judge as of this date (YYYY-MM-DD); default the label's check_date, else today."
        ),
        q("edition", "Apply a named edition early (repeatable)."),
        q("lang", "zh (default) or en."),
        q(
            "only",
            "Run only these rules: pack:ID, topic:TOPIC, rule:ID, comma-separated."
        ),
        json!({"name": "omit_skipped", "in": "query", "required": false, "schema": {"type": "boolean"},
               "description": "true: leave the list of skipped rules and their reasons out of the report (rules_skipped still counts them)."}),
        q(
            "markets",
            "POST /v1/check only: check the label against each of these markets (CN, EU, US, CODEX; comma-separated) instead of its own; the answer is {verdict, markets: [{market, report}]}."
        ),
    ]);
    let problems = json!({"description": "A problem (RFC 9457)", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}});
    json!({
        "openapi": "3.1.0",
        "info": {"title": "labelcheck", "version": env!("CARGO_PKG_VERSION"),
                 "description": "Checks product labels against the standards that govern them."},
        "paths": {
            "/v1/check": {"post": {
                "summary": "Check one label", "parameters": params,
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Label"}}}},
                "responses": {"200": {"description": "The report", "content": {"application/json": {"schema": {"type": "object"}}}},
                              "400": problems, "413": problems, "422": problems, "504": problems}}},
            "/v1/check/batch": {"post": {
                "summary": "Check labels given as JSON Lines; JSON Lines out, streamed", "parameters": params,
                "requestBody": {"required": true, "content": {"application/x-ndjson": {"schema": {"type": "string"}}}},
                "responses": {"200": {"description": "One object per non-blank line: line and report, error or not_checked", "content": {"application/x-ndjson": {"schema": {"type": "string"}}}}, "413": problems}}},
            "/v1/rules": {"get": {"summary": "Every rule", "responses": {"200": {"description": "Rules"}}}},
            "/v1/packs": {"get": {"summary": "Every pack with version and hash", "responses": {"200": {"description": "Packs"}}}},
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "ok"}}}},
            "/v1/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI"}}}},
        },
        "components": {"schemas": schemas},
    })
}

/// Runs the service until SIGINT or SIGTERM; requests in flight finish first.
pub fn run(engine: Engine, s: Settings) -> Result<(), String> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    rt.block_on(async move {
        let label_limit = engine.limits().max_label_bytes;
        let app = Arc::new(App {
            engine,
            permits: Semaphore::new(s.concurrency.max(1)),
            concurrency: s.concurrency.max(1),
            timeout: s.timeout,
        });
        let spec = openapi();
        let router = Router::new()
            .route(
                "/v1/check",
                post(check).layer(DefaultBodyLimit::max(label_limit)),
            )
            .route(
                "/v1/check/batch",
                post(check_batch).layer(DefaultBodyLimit::max(s.max_batch_bytes)),
            )
            .route("/v1/rules", get(rules))
            .route("/v1/packs", get(packs))
            .route("/healthz", get(|| async { "ok\n" }))
            .route(
                "/v1/openapi.json",
                get(move || async move { axum::Json(spec.clone()) }),
            )
            .fallback(|| async {
                problem(StatusCode::NOT_FOUND, "not_found", "no such endpoint", None)
            })
            .method_not_allowed_fallback(|method: axum::http::Method| async move {
                problem(
                    StatusCode::METHOD_NOT_ALLOWED,
                    "method_not_allowed",
                    &format!("this endpoint does not take {method}"),
                    None,
                )
            })
            .with_state(app);
        let listener = tokio::net::TcpListener::bind(&s.addr)
            .await
            .map_err(|e| format!("{}: {e}", s.addr))?;
        let local = listener.local_addr().map_err(|e| e.to_string())?;
        eprintln!("labelcheck: listening on http://{local}");
        axum::serve(listener, router)
            .with_graceful_shutdown(async {
                let ctrl_c = tokio::signal::ctrl_c();
                #[cfg(unix)]
                {
                    let mut term = match tokio::signal::unix::signal(
                        tokio::signal::unix::SignalKind::terminate(),
                    ) {
                        Ok(t) => t,
                        Err(_) => {
                            let _ = ctrl_c.await;
                            return;
                        }
                    };
                    tokio::select! {
                        _ = ctrl_c => {},
                        _ = term.recv() => {},
                    }
                }
                #[cfg(not(unix))]
                {
                    let _ = ctrl_c.await;
                }
            })
            .await
            .map_err(|e| e.to_string())?;
        eprintln!("labelcheck: stopped");
        Ok(())
    })
}

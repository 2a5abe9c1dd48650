//! Renderings of reports: human (with the offending characters underlined), JSON, JUnit.

use crate::Lang;
use labelcheck::pack::{Pack, Rule};
use labelcheck::report::{Comparison, Finding, MarketReports, Report};
use labelcheck::suite::CaseResult;
use std::borrow::Cow;
use std::fmt::Write as _;

// Reports are the common case; boxing them would add an allocation per label.
#[allow(clippy::large_enum_variant)]
pub enum Outcome {
    Report(Report),
    Comparison(Box<Comparison>),
    /// One label checked against several markets (`--market US,EU`).
    Markets(MarketReports),
}

impl Outcome {
    /// The reports whose findings count for exit codes, JUnit and SARIF: a comparison's
    /// editions in force, every market of a multi-market check.
    pub fn reports(&self) -> Vec<&Report> {
        match self {
            Outcome::Report(r) => vec![r],
            Outcome::Comparison(c) => vec![&c.current],
            Outcome::Markets(m) => m.markets.iter().map(|m| &m.report).collect(),
        }
    }
}

type Results = [(String, Result<Outcome, labelcheck::Error>)];

fn msg(f: &Finding, lang: Lang) -> &str {
    if lang == Lang::Zh {
        &f.message.zh
    } else {
        &f.message.en
    }
}

/// Display width of a character in a terminal: East Asian wide characters take two cells.
fn width(c: char) -> usize {
    let u = c as u32;
    if (0x1100..=0x115F).contains(&u)
        || (0x2E80..=0xA4CF).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0xFE30..=0xFE4F).contains(&u)
        || (0xFF00..=0xFF60).contains(&u)
        || (0xFFE0..=0xFFE6).contains(&u)
        || (0x1F300..=0x1FAFF).contains(&u)
        || (0x20000..=0x3FFFD).contains(&u)
    {
        2
    } else {
        1
    }
}

/// `s` followed by spaces up to `cells` terminal cells (wide characters count two).
fn pad(s: &str, cells: usize) -> String {
    let used: usize = s.chars().map(width).sum();
    format!("{s}{}", " ".repeat(cells.saturating_sub(used)))
}

/// A character that must not reach a terminal as itself: C0 and C1 controls (ESC starts
/// terminal sequences, CR rewrites the line, LF forges new lines), DEL, and the bidirectional
/// overrides and isolates that reorder what is shown.
fn is_unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// How an unsafe character is shown: `\n`, `\r`, `\t`, `\x1b`, `\u{202e}`.
fn escape_char(c: char) -> String {
    match c {
        '\n' => "\\n".into(),
        '\r' => "\\r".into(),
        '\t' => "\\t".into(),
        c if (c as u32) < 0x100 => format!("\\x{:02x}", c as u32),
        c => format!("\\u{{{:x}}}", c as u32),
    }
}

/// Untrusted text (label values inside messages, file names, spans) made safe for a
/// terminal: unsafe characters shown as visible escapes, everything else unchanged.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_char(c) {
            out.push_str(&escape_char(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn finding_lines(out: &mut String, f: &Finding, lang: Lang, source: Option<&str>) {
    let sev = format!("{:?}", f.severity).to_lowercase();
    let path = if f.path.is_empty() { "/" } else { &f.path };
    let _ = writeln!(out, "  {sev:<7} {}  {}", visible(&f.rule), visible(path));
    let _ = writeln!(out, "          {}", visible(msg(f, lang)));
    let mut cite = format!("          {}", f.citation.short());
    if let Some(e) = &f.expected {
        let _ = write!(
            cite,
            " · {} {}",
            if lang == Lang::Zh {
                "应为"
            } else {
                "expected"
            },
            e
        );
    }
    if let Some(v) = &f.found {
        let _ = write!(
            cite,
            " · {} {}",
            if lang == Lang::Zh { "实为" } else { "found" },
            v
        );
    }
    if f.confidence != labelcheck::report::Confidence::Solid {
        let _ = write!(cite, " · {:?}", f.confidence);
    }
    let _ = writeln!(out, "{}", visible(&cite));
    if let Some(span) = f.span.as_ref().filter(|s| &*s.field == "/text") {
        // A label read from text: the characters and where they are in it.
        let _ = writeln!(
            out,
            "          text {}–{}: {}",
            span.start,
            span.end,
            visible(&span.text)
        );
    } else if let (Some(span), Some(text)) = (&f.span, source) {
        let chars: Vec<char> = text.chars().collect();
        if span.start <= span.end && span.end <= chars.len() {
            // Each character as shown: unsafe ones as their escapes, which take their
            // length in cells.
            let cells = |c: &char| {
                if is_unsafe_char(*c) {
                    escape_char(*c).len()
                } else {
                    width(*c)
                }
            };
            let pad: usize = chars[..span.start].iter().map(cells).sum();
            let mark: usize = chars[span.start..span.end]
                .iter()
                .map(cells)
                .sum::<usize>()
                .max(1);
            let _ = writeln!(out, "          {}", visible(text));
            let _ = writeln!(out, "          {}{}", " ".repeat(pad), "^".repeat(mark));
        }
    }
}

fn report_block(
    out: &mut String,
    name: &str,
    r: &Report,
    lang: Lang,
    label_text: Option<&serde_json::Value>,
) {
    let verdict = match r.verdict {
        labelcheck::Verdict::Pass => "PASS",
        labelcheck::Verdict::PassWithWarnings => "PASS (warnings)",
        labelcheck::Verdict::Fail => "FAIL",
        labelcheck::Verdict::NotChecked => "NOT CHECKED (no pack applies on this date)",
    };
    let _ = writeln!(
        out,
        "{}: {verdict}  ({} · {} · as of {})",
        visible(name),
        visible(&r.market),
        visible(&r.category),
        r.as_of
    );
    let packs: Vec<String> = r
        .packs
        .iter()
        .map(|p| {
            format!(
                "{}-{} v{} ({})",
                p.standard,
                p.edition,
                p.version,
                &p.hash[..12]
            )
        })
        .collect();
    let _ = writeln!(out, "  packs: {}", packs.join(", "));
    for f in &r.findings {
        let source = f.span.as_ref().and_then(|s| {
            label_text
                .and_then(|l| l.pointer(&s.field))
                .and_then(|v| v.as_str())
        });
        finding_lines(
            out,
            f,
            lang,
            source
                .or(f.span.as_ref().map(|_| ""))
                .filter(|s| !s.is_empty()),
        );
    }
    if let Some(t) = &r.text {
        let (read, unread) = if lang == Lang::Zh {
            ("从文字读取", "未读")
        } else {
            ("read from text", "unread")
        };
        let _ = writeln!(
            out,
            "  {read}: {} field(s), {} conflict(s), {} {unread}",
            t.fields.len(),
            t.conflicts.len(),
            t.unread.len() + t.unread_more
        );
        for c in t.conflicts.iter().take(20) {
            let _ = writeln!(
                out,
                "    conflict {}: kept «{}», also «{}»",
                visible(&c.pointer),
                visible(&c.kept.text),
                visible(&c.other.text)
            );
        }
        for u in t.unread.iter().take(20) {
            let _ = writeln!(
                out,
                "    {unread} {}–{}: «{}» ({})",
                u.span.start,
                u.span.end,
                visible(&u.span.text),
                u.reason
            );
        }
    }
    if !r.measurements.is_empty() {
        let (title, cols) = if lang == Lang::Zh {
            (
                "标示值与实测值",
                ["项目", "标示值", "实测值", "允许范围", "结论"],
            )
        } else {
            (
                "declared vs measured",
                ["item", "declared", "measured", "allowed", "verdict"],
            )
        };
        let _ = writeln!(out, "  {title}:");
        let _ = writeln!(
            out,
            "    {} {} {} {} {}",
            pad(cols[0], 14),
            pad(cols[1], 12),
            pad(cols[2], 12),
            pad(cols[3], 26),
            cols[4]
        );
        let text = |v: &serde_json::Value| match v {
            serde_json::Value::String(s) => visible(s).into_owned(),
            serde_json::Value::Null => "—".into(),
            other => other.to_string(),
        };
        for m in &r.measurements {
            let unit = m.unit.as_ref().map(text).unwrap_or_default();
            let verdict = match (m.verdict.as_str(), lang) {
                ("pass", Lang::Zh) => "合格",
                ("pass", Lang::En) => "pass",
                (_, Lang::Zh) => "不合格",
                (_, Lang::En) => "FAIL",
            };
            let _ = writeln!(
                out,
                "    {} {} {} {} {verdict}",
                pad(&text(&m.name), 14),
                pad(&format!("{} {unit}", text(&m.printed)), 12),
                pad(&format!("{} {unit}", text(&m.measured)), 12),
                pad(&text(&m.allowed), 26),
            );
        }
    }
    let errors = r
        .findings
        .iter()
        .filter(|f| f.severity == labelcheck::Severity::Error)
        .count();
    let _ = writeln!(
        out,
        "  {} finding(s), {} error(s) · {} rules evaluated, {} skipped\n",
        r.findings.len(),
        errors,
        r.rules_evaluated,
        r.rules_skipped
    );
}

/// The label file behind a report, as JSON, for showing spans under their text: a regular
/// file of at most the default label size limit, else nothing.
fn read_label_file(name: &str) -> Option<serde_json::Value> {
    use std::io::Read as _;
    const LIMIT: u64 = 4 * 1024 * 1024;
    let meta = std::fs::metadata(name).ok()?;
    if !meta.is_file() || meta.len() > LIMIT {
        return None;
    }
    let mut bytes = Vec::new();
    std::fs::File::open(name)
        .ok()?
        .take(LIMIT)
        .read_to_end(&mut bytes)
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

pub fn human(results: &Results, lang: Lang) -> String {
    let mut out = String::new();
    for (name, outcome) in results {
        // Re-read the label for showing spans under their text: the span carries the text
        // it covers and its field, and the field's text is in the input.
        // Only when a finding has a span, and never more than a label's size limit: the
        // name may be a device or a pipe (`/dev/zero` was read for ever).
        let has_span = match outcome {
            Ok(Outcome::Report(r)) => r.findings.iter().any(|f| f.span.is_some()),
            Ok(Outcome::Markets(m)) => m.findings().any(|(_, f)| f.span.is_some()),
            Ok(Outcome::Comparison(c)) => c
                .current
                .findings
                .iter()
                .chain(&c.next.findings)
                .any(|f| f.span.is_some()),
            Err(_) => false,
        };
        let label_text = if has_span {
            read_label_file(name)
        } else {
            None
        };
        match outcome {
            Err(e) => {
                let _ = writeln!(
                    out,
                    "{}: ERROR  {}\n",
                    visible(name),
                    visible(&e.to_string())
                );
            }
            Ok(Outcome::Report(r)) => report_block(&mut out, name, r, lang, label_text.as_ref()),
            Ok(Outcome::Markets(m)) => {
                for mr in &m.markets {
                    report_block(
                        &mut out,
                        &format!("{name} [{}]", mr.market),
                        &mr.report,
                        lang,
                        label_text.as_ref(),
                    );
                }
            }
            Ok(Outcome::Comparison(c)) => {
                report_block(
                    &mut out,
                    &format!("{name} [in force]"),
                    &c.current,
                    lang,
                    label_text.as_ref(),
                );
                report_block(
                    &mut out,
                    &format!("{name} [latest editions]"),
                    &c.next,
                    lang,
                    label_text.as_ref(),
                );
                let (new_h, res_h) = if lang == Lang::Zh {
                    ("新版本新增问题", "新版本不再出现的问题")
                } else {
                    (
                        "newly failing under the latest editions",
                        "resolved under the latest editions",
                    )
                };
                let _ = writeln!(out, "  {new_h}: {}", c.newly_failing.len());
                for f in &c.newly_failing {
                    let _ = writeln!(
                        out,
                        "    + {} {}  {}",
                        f.rule,
                        visible(&f.path),
                        visible(msg(f, lang))
                    );
                }
                let _ = writeln!(out, "  {res_h}: {}", c.resolved.len());
                for f in &c.resolved {
                    let _ = writeln!(
                        out,
                        "    - {} {}  {}",
                        f.rule,
                        visible(&f.path),
                        visible(msg(f, lang))
                    );
                }
                out.push('\n');
            }
        }
    }
    out
}

/// One line of the JSON output: the input's name and its report, comparison or error.
#[derive(serde::Serialize)]
struct JsonLine<'a> {
    input: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comparison: Option<&'a Comparison>,
    /// A multi-market check: `{verdict, markets: [{market, report}]}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    markets: Option<&'a MarketReports>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a labelcheck::Error>,
}

/// JSON Lines: one object per input. Serialising cannot fail for these types; were it ever
/// to, the line says so as an error object rather than the process aborting.
pub fn json(results: &Results) -> String {
    let mut out = String::new();
    for (name, outcome) in results {
        let line = JsonLine {
            input: name,
            report: match outcome {
                Ok(Outcome::Report(r)) => Some(r),
                _ => None,
            },
            comparison: match outcome {
                Ok(Outcome::Comparison(c)) => Some(c),
                _ => None,
            },
            markets: match outcome {
                Ok(Outcome::Markets(m)) => Some(m),
                _ => None,
            },
            error: outcome.as_ref().err(),
        };
        match serde_json::to_string(&line) {
            Ok(text) => out.push_str(&text),
            Err(e) => out.push_str(
                &serde_json::json!({
                    "input": name,
                    "error": { "error": "render", "message": e.to_string() }
                })
                .to_string(),
            ),
        }
        out.push('\n');
    }
    out
}

/// Text for an XML 1.0 attribute or element: markup escaped, the whitespace controls XML
/// allows kept as character references, and the characters XML 1.0 forbids even as
/// references (other C0 controls, U+FFFE, U+FFFF) shown as visible escapes.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#x9;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => out.push_str("&#xD;"),
            '\u{FFFE}' | '\u{FFFF}' => out.push_str(&escape_char(c)),
            c if is_unsafe_char(c) => out.push_str(&escape_char(c)),
            c => out.push(c),
        }
    }
    out
}

pub fn junit(results: &Results, lang: Lang) -> String {
    let mut cases = String::new();
    let (mut failures, mut errors) = (0, 0);
    for (name, outcome) in results {
        let _ = write!(
            cases,
            "  <testcase classname=\"labelcheck\" name=\"{}\">",
            xml(name)
        );
        match outcome {
            Err(e) => {
                errors += 1;
                let _ = write!(cases, "<error message=\"{}\"/>", xml(&e.to_string()));
            }
            Ok(o) => {
                let reports = o.reports();
                if reports.iter().any(|r| r.has_errors()) {
                    failures += 1;
                }
                for f in reports.iter().flat_map(|r| &r.findings) {
                    let _ = write!(
                        cases,
                        "<failure type=\"{}\" message=\"{}\">{} {} {}</failure>",
                        xml(&f.rule),
                        xml(msg(f, lang)),
                        xml(&f.citation.short()),
                        xml(&f.path),
                        xml(msg(f, lang))
                    );
                }
            }
        }
        cases.push_str("</testcase>\n");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"labelcheck\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\">\n{cases}</testsuite>\n",
        results.len()
    )
}

/// SARIF 2.1.0: one run, the packs' rules that fired as `tool.driver.rules` (with standard,
/// edition, clause and pack as properties), one result per finding located by the label file
/// (artifact) and the finding's JSON pointer (a logical location), and one tool execution
/// notification per input that could not be checked.
pub fn sarif(results: &Results, engine: &labelcheck::Engine, lang: Lang) -> String {
    use serde_json::{json, Value};
    // An input's artifact: the file as a URI reference, and for a JSON Lines input
    // (`file.jsonl:12`) the line as a region.
    let location = |name: &str, index: usize| -> Value {
        let (file, line) = match name.rsplit_once(':') {
            Some((f, l))
                if (f.ends_with(".jsonl") || f.ends_with(".ndjson"))
                    && !l.is_empty()
                    && l.bytes().all(|b| b.is_ascii_digit()) =>
            {
                (f, l.parse::<u64>().ok())
            }
            _ => (name, None),
        };
        let mut loc = json!({ "artifactLocation": { "uri": uri_reference(file), "index": index } });
        if let Some(line) = line {
            loc["region"] = json!({ "startLine": line });
        }
        loc
    };
    let mut rules: Vec<Value> = Vec::new();
    let mut rule_index: std::collections::BTreeMap<String, usize> = Default::default();
    let mut sarif_results: Vec<Value> = Vec::new();
    let mut notifications: Vec<Value> = Vec::new();
    let mut artifacts: Vec<Value> = Vec::new();
    for (i, (name, outcome)) in results.iter().enumerate() {
        artifacts.push(json!({ "location": location(name, i)["artifactLocation"].clone() }));
        let reports = match outcome {
            Err(e) => {
                notifications.push(json!({
                    "level": "error",
                    "message": { "text": e.to_string() },
                    "locations": [{ "physicalLocation": location(name, i) }],
                    "properties": { "error": e },
                }));
                continue;
            }
            Ok(o) => o.reports(),
        };
        for (report, f) in reports
            .iter()
            .flat_map(|r| r.findings.iter().map(move |f| (*r, f)))
        {
            let index = *rule_index.entry(f.rule.clone()).or_insert_with(|| {
                let (short, full, props) = match engine.rule(&f.rule) {
                    Some((p, r)) => (
                        if lang == Lang::Zh {
                            p.meta.title.zh.clone()
                        } else {
                            p.meta.title.en.clone()
                        },
                        r.note.clone().unwrap_or_default(),
                        json!({
                            "standard": p.meta.standard,
                            "edition": p.meta.edition,
                            "clause": r.clause,
                            "also": r.also,
                            "pack": p.meta.id,
                            "confidence": format!("{:?}", r.confidence).to_lowercase(),
                        }),
                    ),
                    None => (f.citation.short(), String::new(), json!({})),
                };
                rules.push(json!({
                    "id": f.rule,
                    "shortDescription": { "text": format!("{} — {}", f.citation.short(), short) },
                    "fullDescription": { "text": if full.is_empty() { f.citation.short() } else { full } },
                    "properties": props,
                }));
                rules.len() - 1
            });
            let level = match f.severity {
                labelcheck::Severity::Error => "error",
                labelcheck::Severity::Warning => "warning",
                labelcheck::Severity::Info => "note",
            };
            let pointer = if f.path.is_empty() { "/" } else { &f.path };
            sarif_results.push(json!({
                "ruleId": f.rule,
                "ruleIndex": index,
                "level": level,
                "message": { "text": msg(f, lang) },
                "locations": [{
                    "physicalLocation": location(name, i),
                    "logicalLocations": [{ "fullyQualifiedName": pointer, "kind": "member" }],
                }],
                "properties": {
                    "citation": f.citation.short(),
                    "expected": f.expected,
                    "found": f.found,
                    "span": f.span,
                    "labelId": report.label_id,
                    "market": report.market,
                },
            }));
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "labelcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "artifacts": artifacts,
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": sarif_results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

/// A file name as a URI reference: unreserved characters and `/` kept, everything else
/// (spaces, `:`, `%`, `#`, `?`, non-ASCII) percent-encoded as UTF-8 — so `a:b.json` is not
/// read as a URI with the scheme `a`.
fn uri_reference(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn explain(p: &Pack, r: &Rule, lang: Lang) -> String {
    let mut out = String::new();
    let title = if lang == Lang::Zh {
        &p.meta.title.zh
    } else {
        &p.meta.title.en
    };
    let _ = writeln!(out, "{}", r.id);
    let _ = writeln!(
        out,
        "  standard:   {}-{} {title}",
        p.meta.standard, p.meta.edition
    );
    let _ = writeln!(out, "  clause:     {}", r.clause);
    if !r.also.is_empty() {
        let _ = writeln!(out, "  also:       {}", r.also.join("; "));
    }
    if let Some(force) = p.meta.legal_force {
        let name = match force {
            labelcheck::pack::format::LegalForce::Binding => "binding",
            labelcheck::pack::format::LegalForce::BindingByReference => "binding by reference",
            labelcheck::pack::format::LegalForce::Guidance => "guidance",
        };
        let _ = writeln!(
            out,
            "  force:      {name}{}",
            p.meta
                .legal_basis
                .as_deref()
                .map(|b| format!(" — {b}"))
                .unwrap_or_default()
        );
    }
    let _ = writeln!(out, "  severity:   {:?}", r.severity);
    let _ = writeln!(out, "  confidence: {:?}", r.confidence);
    let _ = writeln!(out, "  check:      {}", r.check.kind());
    if let Some(w) = &r.when {
        let _ = writeln!(out, "  when:       {}", w.source);
    }
    if let Some(f) = &r.for_each {
        let _ = writeln!(out, "  for each:   {}", f.source);
    }
    if let Some(t) = &r.topic {
        let _ = writeln!(out, "  topic:      {t}");
    }
    if let Some(n) = &r.note {
        let _ = writeln!(out, "  note:       {n}");
    }
    let _ = writeln!(
        out,
        "  pack:       {} v{} ({}{})",
        p.meta.id,
        p.meta.version,
        r.file,
        r.line.map(|l| format!(":{l}")).unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "  in force:   {} → {}",
        p.meta.effective_from,
        p.meta
            .effective_until
            .map(|d| d.to_string())
            .unwrap_or_else(|| "—".into())
    );
    out
}

pub fn case_diff(r: &CaseResult) -> String {
    let mut out = format!("FAIL {} :: {}\n", r.suite, r.name);
    if let Some(e) = &r.error {
        let _ = writeln!(out, "  error: {e}");
    }
    for m in &r.missing {
        let _ = writeln!(out, "  - expected {} at {}", m.rule, m.path);
    }
    for (u, message) in &r.unexpected {
        let _ = writeln!(
            out,
            "  + unexpected {} at {}: {}",
            u.rule,
            visible(&u.path),
            visible(message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use labelcheck::{Error, LabelError, PackError};

    fn every_error() -> Vec<Error> {
        let pack = PackError::new("p/rules.toml", "bad \u{1b}[31m").at_line(Some(2));
        vec![
            Error::Label(LabelError::TooLarge { size: 9, limit: 1 }),
            Error::Label(LabelError::Syntax {
                line: 1,
                column: 2,
                message: "m".into(),
            }),
            Error::Label(LabelError::Invalid {
                path: "/a".into(),
                line: 1,
                column: 2,
                message: "m".into(),
            }),
            Error::Label(LabelError::Unknown {
                path: "/market".into(),
                message: "m".into(),
            }),
            Error::Pack(pack.clone()),
            Error::Packs(vec![pack.clone(), pack]),
            Error::Option("no edition `nope`".into()),
            Error::Io {
                path: "x\r.json".into(),
                message: "gone".into(),
            },
        ]
    }

    /// Each error variant renders in every format (the JSON renderer used to panic on
    /// `Option` and `Packs`), and the JSON line carries the variant's tag.
    #[test]
    fn every_error_variant_renders_in_every_format() {
        for e in every_error() {
            let tag = serde_json::to_value(&e).expect("serialises")["error"].clone();
            let results = vec![("in\u{1b}put".to_string(), Err(e))];
            let h = human(&results, Lang::En);
            assert!(h.contains("ERROR"), "{h}");
            assert!(!h.contains('\u{1b}') && !h.contains('\r'), "{h:?}");
            let j = json(&results);
            let v: serde_json::Value = serde_json::from_str(j.trim()).expect("one JSON line");
            assert_eq!(v["error"]["error"], tag);
            assert_eq!(v["input"], "in\u{1b}put");
            let x = junit(&results, Lang::Zh);
            assert!(x.contains("errors=\"1\""), "{x}");
            assert_xml_chars(&x);
        }
    }

    /// Characters XML 1.0 forbids (even as references) never appear in JUnit output.
    fn assert_xml_chars(x: &str) {
        for c in x.chars() {
            let ok = matches!(c, '\t' | '\n' | '\r')
                || ('\u{20}'..='\u{D7FF}').contains(&c)
                || ('\u{E000}'..='\u{FFFD}').contains(&c)
                || c >= '\u{10000}';
            assert!(ok, "forbidden XML character {:?} in {x:?}", c);
        }
        for bad in ["&#x1b;", "&#x0;", "&#1;"] {
            assert!(!x.contains(bad), "{x}");
        }
    }

    #[test]
    fn control_characters_become_visible_escapes() {
        assert_eq!(visible("a\u{1b}[2Jb"), "a\\x1b[2Jb");
        assert_eq!(visible("x\ry\nz\t"), "x\\ry\\nz\\t");
        assert_eq!(visible("\u{202e}abc"), "\\u{202e}abc");
        assert_eq!(visible("配料：水"), "配料：水");
        assert_eq!(xml("a\u{1}b<\"\r"), "a\\x01b&lt;&quot;&#xD;");
        assert_eq!(xml("\u{7f}"), "\\x7f");
    }
}

//! Renderings of reports: human (with the offending characters underlined), JSON, JUnit.

use crate::Lang;
use labelcheck::pack::{Pack, Rule};
use labelcheck::report::{Comparison, Finding, Report};
use labelcheck::suite::CaseResult;
use std::fmt::Write as _;

pub enum Outcome {
    Report(Report),
    Comparison(Box<Comparison>),
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

fn finding_lines(out: &mut String, f: &Finding, lang: Lang, source: Option<&str>) {
    let sev = format!("{:?}", f.severity).to_lowercase();
    let path = if f.path.is_empty() { "/" } else { &f.path };
    let _ = writeln!(out, "  {sev:<7} {}  {path}", f.rule);
    let _ = writeln!(out, "          {}", msg(f, lang));
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
    let _ = writeln!(out, "{cite}");
    if let (Some(span), Some(text)) = (&f.span, source) {
        let chars: Vec<char> = text.chars().collect();
        if span.end <= chars.len() {
            let pad: usize = chars[..span.start].iter().map(|c| width(*c)).sum();
            let mark: usize = chars[span.start..span.end]
                .iter()
                .map(|c| width(*c))
                .sum::<usize>()
                .max(1);
            let _ = writeln!(out, "          {text}");
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
    };
    let _ = writeln!(
        out,
        "{name}: {verdict}  ({} · {} · as of {})",
        r.market, r.category, r.as_of
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

pub fn human(results: &Results, lang: Lang) -> String {
    let mut out = String::new();
    for (name, outcome) in results {
        // Re-read the label for showing spans under their text: the span carries the text
        // it covers and its field, and the field's text is in the input.
        let label_text = std::fs::read(name)
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok());
        match outcome {
            Err(e) => {
                let _ = writeln!(out, "{name}: ERROR  {e}\n");
            }
            Ok(Outcome::Report(r)) => report_block(&mut out, name, r, lang, label_text.as_ref()),
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
                    let _ = writeln!(out, "    + {} {}  {}", f.rule, f.path, msg(f, lang));
                }
                let _ = writeln!(out, "  {res_h}: {}", c.resolved.len());
                for f in &c.resolved {
                    let _ = writeln!(out, "    - {} {}  {}", f.rule, f.path, msg(f, lang));
                }
                out.push('\n');
            }
        }
    }
    out
}

pub fn json(results: &Results) -> String {
    let mut out = String::new();
    for (name, outcome) in results {
        let v = match outcome {
            Ok(Outcome::Report(r)) => serde_json::json!({ "input": name, "report": r }),
            Ok(Outcome::Comparison(c)) => serde_json::json!({ "input": name, "comparison": c }),
            Err(e) => serde_json::json!({ "input": name, "error": e }),
        };
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
                let r = match o {
                    Outcome::Report(r) => r,
                    Outcome::Comparison(c) => &c.current,
                };
                if r.has_errors() {
                    failures += 1;
                }
                for f in &r.findings {
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
        let _ = writeln!(out, "  + unexpected {} at {}: {message}", u.rule, u.path);
    }
    out
}

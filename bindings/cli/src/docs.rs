//! `labelcheck docs --out DIR`: a static, browsable reference of the loaded packs — plain
//! HTML, one CSS file and a small client-side search — for standards staff who want to read
//! the rules without the CLI. One page per pack (standard, edition, dates, legal force,
//! sources, every rule with its clause, severity, messages, note and example cases from the
//! regression suites), an index by market and label family, and a search over rule ids,
//! clauses and messages. Nothing is fetched at view time.

use labelcheck::pack::Pack;
use labelcheck::suite::{CaseExample, Coverage};
use labelcheck::Engine;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// HTML text: `&<>"'` escaped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The file name of a pack's page (pack ids are `[a-z0-9.-]`, safe in a file name).
pub fn pack_page(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("pack-{safe}.html")
}

/// An anchor for a rule id (ids hold `/`, `.`, and non-ASCII letters are possible).
pub fn rule_anchor(id: &str) -> String {
    let mut out = String::from("r-");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            out.push(b as char);
        } else {
            let _ = write!(out, "_{b:02x}");
        }
    }
    out
}

const CSS: &str = r#"body{font:15px/1.5 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#1b1f23}
a{color:#0b5cad}h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.35rem .5rem;text-align:left;vertical-align:top}
.rule{border:1px solid #ddd;border-radius:6px;padding:.6rem .9rem;margin:.8rem 0}
.rule h3{font-size:1rem;margin:.2rem 0;font-family:ui-monospace,monospace}
.sev-error{color:#b00020}.sev-warning{color:#8a5a00}.sev-info{color:#555}
.meta{color:#555;font-size:.9rem}pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:.8rem;max-height:14rem}
details{margin:.3rem 0}#q{width:100%;font-size:1rem;padding:.4rem;margin:.5rem 0}
"#;

const SEARCH_JS: &str = r#"// Filters the rule list by every word typed (id, clause, pack, messages).
(async () => {
  const q = document.getElementById("q"), out = document.getElementById("hits");
  const rules = await (await fetch("search-index.json")).json();
  const show = () => {
    const words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    out.replaceChildren();
    if (!words.length) return;
    let n = 0;
    for (const r of rules) {
      const hay = (r.id + " " + r.clause + " " + r.pack + " " + r.zh + " " + r.en).toLowerCase();
      if (!words.every((w) => hay.includes(w))) continue;
      const li = document.createElement("li"), a = document.createElement("a");
      a.href = r.href; a.textContent = r.id;
      li.append(a, " — " + r.en);
      out.append(li);
      if (++n >= 200) break;
    }
  };
  q.addEventListener("input", show);
  show();
})();
"#;

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<title>{}</title><link rel=\"stylesheet\" href=\"style.css\"></head>\n<body>\n{body}\n</body></html>\n",
        esc(title)
    )
}

fn example_block(title: &str, list: Option<&Vec<CaseExample>>) -> String {
    let Some(list) = list.filter(|l| !l.is_empty()) else {
        return String::new();
    };
    let mut out = format!("<details><summary>{}</summary>", esc(title));
    for ex in list {
        let input = ex
            .input
            .as_ref()
            .and_then(|v| serde_json::to_string_pretty(v).ok())
            .unwrap_or_default();
        let input: String = if input.chars().count() > 1200 {
            input.chars().take(1200).chain("\n…".chars()).collect()
        } else {
            input
        };
        let _ = write!(
            out,
            "<p class=\"meta\">{} — {}{}</p><pre>{}</pre>",
            esc(&ex.suite),
            esc(&ex.case),
            ex.clause
                .as_deref()
                .map(|c| format!(" ({})", esc(c)))
                .unwrap_or_default(),
            esc(&input)
        );
    }
    out.push_str("</details>");
    out
}

fn pack_body(p: &Pack, cov: &Coverage) -> String {
    let m = &p.meta;
    let mut b = String::new();
    let _ = write!(
        b,
        "<p><a href=\"index.html\">← all packs</a></p><h1>{} {}-{}</h1><p>{}</p>",
        esc(&m.title.zh),
        esc(&m.standard),
        esc(&m.edition),
        esc(&m.title.en)
    );
    let force = match m.legal_force {
        Some(labelcheck::pack::format::LegalForce::Binding) => "binding",
        Some(labelcheck::pack::format::LegalForce::BindingByReference) => "binding by reference",
        Some(labelcheck::pack::format::LegalForce::Guidance) => "guidance",
        None => "—",
    };
    let _ = write!(
        b,
        "<table><tr><th>pack</th><td>{} v{} · sha256 {}</td></tr>\
<tr><th>market</th><td>{}</td></tr><tr><th>in force</th><td>{} → {}</td></tr>\
<tr><th>categories</th><td>{}</td></tr><tr><th>families</th><td>{}</td></tr>\
<tr><th>legal force</th><td>{}{}</td></tr>",
        esc(&m.id),
        esc(&m.version),
        esc(p.hash.get(..16).unwrap_or(&p.hash)),
        esc(&m.jurisdiction),
        m.effective_from,
        m.effective_until
            .map(|d| d.to_string())
            .unwrap_or_else(|| "—".into()),
        esc(&m.categories.join(", ")),
        esc(&m.families.join(", ")),
        force,
        m.legal_basis
            .as_deref()
            .map(|s| format!(" — {}", esc(s)))
            .unwrap_or_default()
    );
    if !m.supersedes.is_empty() {
        let _ = write!(
            b,
            "<tr><th>supersedes</th><td>{}</td></tr>",
            esc(&m.supersedes.join(", "))
        );
    }
    b.push_str("</table>");
    if !m.sources.is_empty() {
        b.push_str("<h2>Sources</h2><ul>");
        for s in &m.sources {
            let _ = write!(b, "<li>{}</li>", esc(s));
        }
        b.push_str("</ul>");
    }
    if let Some(n) = &m.notes {
        let _ = write!(b, "<h2>Notes</h2><p>{}</p>", esc(n));
    }
    let _ = write!(b, "<h2>Rules ({})</h2>", p.rules.len());
    for r in &p.rules {
        let sev = format!("{:?}", r.severity).to_lowercase();
        let also = if r.also.is_empty() {
            String::new()
        } else {
            format!(" (also §{})", esc(&r.also.join("; §")))
        };
        let _ = write!(
            b,
            "<div class=\"rule\" id=\"{}\"><h3>{}</h3>\
<p class=\"meta\">§{}{} · <span class=\"sev-{sev}\">{sev}</span> · {:?} · {}{}</p>\
<p>{}<br>{}</p>",
            rule_anchor(&r.id),
            esc(&r.id),
            esc(&r.clause),
            also,
            r.confidence,
            r.check.kind(),
            r.topic
                .as_deref()
                .map(|t| format!(" · topic {}", esc(t)))
                .unwrap_or_default(),
            esc(r.message_zh.source()),
            esc(r.message_en.source()),
        );
        if let Some(n) = &r.note {
            let _ = write!(b, "<p class=\"meta\">{}</p>", esc(n));
        }
        if let Some(w) = &r.when {
            let _ = write!(
                b,
                "<p class=\"meta\">when <code>{}</code></p>",
                esc(&w.source)
            );
        }
        b.push_str(&example_block(
            "cases where it fails",
            cov.failing_examples.get(&r.id),
        ));
        b.push_str(&example_block(
            "cases where it passes",
            cov.passing_examples.get(&r.id),
        ));
        b.push_str("</div>");
    }
    b
}

/// Writes the site into `out`. `suites`: regression-suite directories whose cases are shown
/// as examples (missing directories are skipped).
pub fn write_site(engine: &Engine, out: &Path, suites: &[&Path]) -> Result<usize, String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let errors = engine.standards().compile_all();
    if let Some(e) = errors.first() {
        return Err(e.to_string());
    }
    let mut cov = Coverage::default();
    for d in suites.iter().filter(|d| d.is_dir()) {
        let (_, c) = labelcheck::suite::run_dir(engine, d)?;
        for (k, v) in c.failing_examples {
            cov.failing_examples.entry(k).or_default().extend(v);
        }
        for (k, v) in c.passing_examples {
            cov.passing_examples.entry(k).or_default().extend(v);
        }
    }
    let write = |name: &str, text: &str| {
        std::fs::write(out.join(name), text).map_err(|e| format!("{name}: {e}"))
    };
    write("style.css", CSS)?;
    write("search.js", SEARCH_JS)?;
    let mut index_rows: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut search = Vec::new();
    let mut pages = 0;
    for p in engine.packs() {
        let file = pack_page(&p.meta.id);
        write(
            &file,
            &page(
                &format!("{}-{} — labelcheck", p.meta.standard, p.meta.edition),
                &pack_body(p, &cov),
            ),
        )?;
        pages += 1;
        for r in &p.rules {
            search.push(serde_json::json!({
                "id": r.id, "pack": p.meta.id, "clause": r.clause,
                "zh": r.message_zh.source(), "en": r.message_en.source(),
                "href": format!("{file}#{}", rule_anchor(&r.id)),
            }));
        }
        let row = format!(
            "<tr><td><a href=\"{file}\">{}-{}</a></td><td>{}</td><td>{} → {}</td><td>{}</td></tr>",
            esc(&p.meta.standard),
            esc(&p.meta.edition),
            esc(&p.meta.title.zh),
            p.meta.effective_from,
            p.meta
                .effective_until
                .map(|d| d.to_string())
                .unwrap_or_else(|| "—".into()),
            p.rules.len()
        );
        for fam in if p.meta.families.is_empty() {
            vec!["other".to_string()]
        } else {
            p.meta.families.clone()
        } {
            index_rows
                .entry((p.meta.jurisdiction.clone(), fam))
                .or_default()
                .push(row.clone());
        }
    }
    let mut body = String::from(
        "<h1>labelcheck — rules reference</h1><p>Every rule of every loaded pack, with the \
clause it enforces and example cases from the regression suites. \
<a href=\"search-index.json\">search-index.json</a></p>\
<input id=\"q\" type=\"search\" placeholder=\"search rules: id, clause, words…\" aria-label=\"search rules\">\
<ul id=\"hits\"></ul>",
    );
    let mut current = String::new();
    for ((market, family), rows) in &index_rows {
        if *market != current {
            let shown = if market == "*" {
                "All markets (*)"
            } else {
                market.as_str()
            };
            let _ = write!(body, "<h2>{}</h2>", esc(shown));
            current = market.clone();
        }
        let _ = write!(
            body,
            "<h3>{}</h3><table><tr><th>standard</th><th>title</th><th>in force</th><th>rules</th></tr>{}</table>",
            esc(family),
            rows.join("")
        );
    }
    body.push_str("<script src=\"search.js\"></script>");
    write("index.html", &page("labelcheck — rules reference", &body))?;
    write(
        "search-index.json",
        &serde_json::to_string(&search).map_err(|e| e.to_string())?,
    )?;
    Ok(pages)
}

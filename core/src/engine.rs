//! The engine: selects the packs that apply to a label on its check date, runs their
//! rules, and assembles the report.

use crate::date::Date;
use crate::error::{Error, LabelError};
use crate::expr::{Arena, Doc, EvalContext, Scope, SpareVars, Val};
use crate::label::parse::parse_label;
use crate::label::{Label, Limits};
use crate::pack::{Pack, Rule, SourceFile, Standards};
use crate::primitives::{Outcome, RunEnv};
use crate::report::{
    Citation, Comparison, Finding, MarketReport, MarketReports, Measurement, Report, RuleTrace,
    Skip, Span, Text, Verdict,
};
use serde_json::Value;

/// Which editions to apply.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum EditionChoice {
    /// For each standard, the edition in force on the check date.
    #[default]
    InForce,
    /// Named editions (`2025`, or `GB 7718-2025`) where a standard has them — early
    /// adoption of a new edition, or re-checking against an old one; the edition in force
    /// for standards not named.
    Named(Vec<String>),
}

/// Options for one check.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// The date to judge on; else the label's `check_date`; else today.
    pub as_of: Option<Date>,
    pub editions: EditionChoice,
    /// Include every rule's outcome in the report (for regression suites and debugging).
    pub trace: bool,
    /// Run only these rules (by pack, topic or rule id); `None` runs every rule of the packs
    /// that apply. Packs are still selected by market, category and date as usual.
    pub only: Option<RuleSelection>,
    /// Leave the list of skipped rules and their reasons out of the report; `rules_skipped`
    /// still counts them. The list is most of a report (≈ 9 of a food label's 11 KB of
    /// JSON): a form checking as the user types, or a batch that keeps only findings, need
    /// not write, send and read it.
    pub omit_skipped: bool,
}

/// Which rules to run: a rule runs when its pack, its topic (or a parent topic: `nutrition`
/// selects `nutrition.tolerance`) or its id is listed. An enterprise may want only the
/// nutrition checks; a standards officer one pack.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSelection {
    #[serde(default)]
    pub packs: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub rules: Vec<String>,
}

impl RuleSelection {
    /// Reads `pack:gb28050-2011,topic:nutrition,rule:GB7718-2011/4.1.3.1.2/descending-order`;
    /// a bare item is a rule id when it contains `/`, else a pack id.
    pub fn parse(spec: &str) -> Result<RuleSelection, String> {
        let mut sel = RuleSelection::default();
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if let Some((k @ ("pack" | "topic" | "rule"), v)) = item.split_once(':') {
                if v.trim().is_empty() {
                    return Err(format!("`{k}:` names no {k} (in `{item}`)"));
                }
            }
            match item.split_once(':') {
                Some(("pack", v)) => sel.packs.push(v.trim().to_string()),
                Some(("topic", v)) => sel.topics.push(v.trim().to_string()),
                Some(("rule", v)) => sel.rules.push(v.trim().to_string()),
                Some((k, _)) if !item.contains('/') => {
                    return Err(format!(
                        "`{k}:` is not one of pack:, topic:, rule: (in `{item}`)"
                    ))
                }
                _ if item.contains('/') => sel.rules.push(item.to_string()),
                _ => sel.packs.push(item.to_string()),
            }
        }
        if sel.packs.is_empty() && sel.topics.is_empty() && sel.rules.is_empty() {
            return Err("the rule selection is empty".into());
        }
        Ok(sel)
    }

    /// Whether `rule` of `pack` is selected.
    pub fn selects(&self, pack: &Pack, rule: &Rule) -> bool {
        self.packs.contains(&pack.meta.id)
            || self.rules.contains(&rule.id)
            || rule.topic.as_deref().is_some_and(|t| {
                self.topics
                    .iter()
                    .any(|s| t == s || (t.starts_with(s.as_str()) && t[s.len()..].starts_with('.')))
            })
    }
}

/// A loaded, compiled set of standards, ready to check labels. Cheap to share across
/// threads (`&Engine` is `Sync`); build it once.
pub struct Engine {
    standards: Standards,
    limits: Limits,
    /// The packs covering each market and category (by the catalogue's numbering, market
    /// by market), as positions in `standards.packs`, grouped by standard: worked out on
    /// a pair's first check, not filtered and sorted on every check.
    covering: Box<[std::sync::OnceLock<Box<[u32]>>]>,
}

impl Engine {
    /// The engine with the standards embedded at build time.
    pub fn new() -> Result<Engine, Error> {
        Engine::from_files(&crate::embedded::files())
    }

    /// An engine from standards files (paths relative to the tree root).
    pub fn from_files(files: &[SourceFile]) -> Result<Engine, Error> {
        let standards = Standards::load(files).map_err(Error::Packs)?;
        let pairs = standards.catalogue.markets.len() * standards.catalogue.categories.len();
        Ok(Engine {
            standards,
            limits: Limits::default(),
            covering: (0..pairs).map(|_| std::sync::OnceLock::new()).collect(),
        })
    }

    /// The embedded standards with a directory laid over them: files at the same relative
    /// path replace embedded ones, new files add packs, code lists or categories.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn with_overlay(dir: &std::path::Path) -> Result<Engine, Error> {
        let mut files = crate::embedded::files();
        files.extend(read_tree(dir)?);
        Engine::from_files(&files)
    }

    /// Only the standards in a directory (no embedded packs).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_dir(dir: &std::path::Path) -> Result<Engine, Error> {
        Engine::from_files(&read_tree(dir)?)
    }

    pub fn with_limits(mut self, limits: Limits) -> Engine {
        self.limits = limits;
        self
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    pub fn standards(&self) -> &Standards {
        &self.standards
    }

    pub fn packs(&self) -> &[Pack] {
        &self.standards.packs
    }

    /// A pack's table as data — `{pack, table, clause, key, rows}`, rows as the pack holds
    /// them — so a form can show the band a finding was judged by (a grade table, a word list)
    /// without keeping a copy that may drift from the pack. `None` when the pack or the table
    /// does not exist.
    pub fn table(&self, pack: &str, table: &str) -> Option<serde_json::Value> {
        let p = self.standards.packs.iter().find(|p| p.meta.id == pack)?;
        let t = p.tables.get(table)?;
        Some(serde_json::json!({
            "pack": p.meta.id,
            "table": t.name,
            "clause": t.clause,
            "key": t.key,
            "rows": t.rows,
        }))
    }

    /// Compiles now the pack bodies that would otherwise compile on a label's first check —
    /// every pack, or the packs of one market — and returns how many packs that covers. A web
    /// form calls it while the page is idle, so the first keystroke does not wait for the
    /// compile (115–255 ms in wasm); a server calls it before taking traffic. Compile errors
    /// are what `Standards::compile_all` reports; a sound tree has none.
    pub fn warm_up(&self, market: Option<&str>) -> usize {
        let mut n = 0;
        for p in &self.standards.packs {
            if market.is_none_or(|m| p.meta.jurisdiction == m || p.meta.jurisdiction == "*") {
                let _ = p.body();
                n += 1;
            }
        }
        n
    }

    /// A rule and its pack by id.
    pub fn rule(&self, id: &str) -> Option<(&Pack, &Rule)> {
        self.standards.rules().find(|(_, r)| r.id == id)
    }

    /// Refuses a selection that names a pack or rule no loaded pack has: a typo must not
    /// become a silently empty check.
    fn check_selection(&self, opts: &CheckOptions) -> Result<(), Error> {
        let Some(sel) = &opts.only else {
            return Ok(());
        };
        for p in &sel.packs {
            if !self.packs().iter().any(|x| x.meta.id == *p) {
                return Err(Error::Option(format!("no pack `{p}` to select")));
            }
        }
        for r in &sel.rules {
            if self.rule(r).is_none() {
                return Err(Error::Option(format!("no rule `{r}` to select")));
            }
        }
        // A topic no rule has (or is under) would select nothing: an empty pass.
        for t in &sel.topics {
            let one = RuleSelection {
                topics: vec![t.clone()],
                ..RuleSelection::default()
            };
            if !self
                .packs()
                .iter()
                .any(|p| p.rules.iter().any(|r| one.selects(p, r)))
            {
                return Err(Error::Option(format!(
                    "no rule has the topic `{}` (or one under it) to select",
                    crate::pack::template::truncate(t)
                )));
            }
        }
        Ok(())
    }

    /// Whether `market` (as given on a command line or in a request, not in a label) is
    /// one the catalogue knows; the error names the known ones. Market ids are matched
    /// exactly (`CN`, not `cn`), as in a label.
    pub fn known_market(&self, market: &str) -> Result<(), Error> {
        let catalogue = &self.standards.catalogue;
        if catalogue.market_index(market).is_some() {
            return Ok(());
        }
        let known: Vec<&str> = catalogue.markets.iter().map(|m| m.id.as_str()).collect();
        let hint = if catalogue.market_index(&market.to_uppercase()).is_some() {
            format!(" (market ids are upper case: `{}`)", market.to_uppercase())
        } else {
            String::new()
        };
        Err(Error::Option(format!(
            "unknown market `{}`{hint}; known: {}",
            crate::pack::template::truncate(market),
            known.join(", ")
        )))
    }

    /// Checks a rule selection against the loaded packs once, before any label: an unknown
    /// pack, rule or topic is an error rather than an empty pass.
    pub fn validate_selection(&self, only: &RuleSelection) -> Result<(), Error> {
        self.check_selection(&CheckOptions {
            only: Some(only.clone()),
            ..CheckOptions::default()
        })
    }

    /// Says whether the bytes of a JSON input start with a byte-order mark or look like
    /// UTF-16 (which the JSON parser reports only as an unexpected character at 1:1).
    pub fn encoding_problem(bytes: &[u8]) -> Option<String> {
        crate::label::parse::encoding_mark(bytes)
            .err()
            .map(|e| match e {
                LabelError::Syntax { message, .. } => message,
                other => other.to_string(),
            })
    }

    /// Parses and checks one label given as JSON bytes.
    pub fn check_json(&self, bytes: &[u8], opts: &CheckOptions) -> Result<Report, Error> {
        self.check_selection(opts)?;
        let label = parse_label(bytes, &self.limits)?;
        let arena = LentArena::take();
        let prepared = self.prepare(label, opts, &arena)?;
        let packs = self.select(&prepared, &opts.editions, false);
        refuse_broken(&packs)?;
        Ok(self.run(&prepared, &packs, opts))
    }

    /// Checks one label (JSON bytes) against each of `markets` in turn — the label's own
    /// `market` is replaced by each — and returns one report per market, in the order given
    /// (duplicates dropped). An unknown market is an error, as in the label itself.
    pub fn check_markets_json(
        &self,
        bytes: &[u8],
        markets: &[String],
        opts: &CheckOptions,
    ) -> Result<MarketReports, Error> {
        self.check_selection(opts)?;
        let label = parse_label(bytes, &self.limits)?;
        let mut out: Vec<MarketReport> = Vec::new();
        for market in markets_in_order(markets)? {
            let mut l = label.clone();
            l.market = market.clone();
            let arena = LentArena::take();
            let prepared = self.prepare(l, opts, &arena)?;
            let packs = self.select(&prepared, &opts.editions, false);
            refuse_broken(&packs)?;
            out.push(MarketReport {
                market,
                report: self.run(&prepared, &packs, opts),
            });
        }
        Ok(MarketReports::new(out))
    }

    /// `check_text` for each of `markets` (the text is read once per market: headings and
    /// defaults may depend on it).
    pub fn check_text_markets(
        &self,
        text: &str,
        ctx: &crate::label::text::TextContext,
        markets: &[String],
        opts: &CheckOptions,
    ) -> Result<MarketReports, Error> {
        let mut out = Vec::new();
        for market in markets_in_order(markets)? {
            let mut c = ctx.clone();
            c.market = market.clone();
            out.push(MarketReport {
                report: self.check_text(text, &c, opts)?,
                market,
            });
        }
        Ok(MarketReports::new(out))
    }

    /// Reads a label's printed text (`label::text`) and checks the document it builds, as
    /// `check_json` would; each finding's span is mapped into the text (its span inside a
    /// field read verbatim, else the whole field the finding points at), and the report
    /// carries the reading.
    pub fn check_text(
        &self,
        text: &str,
        ctx: &crate::label::text::TextContext,
        opts: &CheckOptions,
    ) -> Result<Report, Error> {
        // The same size limit as a JSON label, in bytes.
        if text.len() > self.limits.max_label_bytes {
            return Err(Error::Label(crate::error::LabelError::TooLarge {
                size: text.len(),
                limit: self.limits.max_label_bytes,
            }));
        }
        let reading = crate::label::text::read(
            text,
            ctx,
            self.limits.max_label_bytes,
            self.standards.headings.as_deref(),
        )?;
        let index = crate::report::CharIndex::new(text);
        // A list of the reading longer than a JSON list may be is refused at its place in
        // the text before the document is written out (80 000 nutrition lines made a
        // document over the size limit, reported as an input size the user never gave).
        if let Some(e) = long_list(&reading.document, self.limits.max_list_items) {
            return Err(Error::Label(text_error(e, &reading, ctx, &index)));
        }
        let bytes = serde_json::to_vec(&reading.document)
            .map_err(|e| Error::Option(format!("the document read from text: {e}")))?;
        if bytes.len() > self.limits.max_label_bytes {
            let e = reading_too_large(&reading.document, bytes.len(), self.limits.max_label_bytes);
            return Err(Error::Label(text_error(e, &reading, ctx, &index)));
        }
        let mut report = self.check_json(&bytes, opts).map_err(|e| match e {
            Error::Label(e) => Error::Label(text_error(e, &reading, ctx, &index)),
            other => other,
        })?;
        for f in &mut report.findings {
            if let Some(span) = reading.locate(&index, &f.path, f.span.as_ref()) {
                f.span = Some(span);
            }
        }
        report.text = Some(reading);
        Ok(report)
    }

    /// Checks many labels on up to `threads` threads (0 = the available cores), returning
    /// results in input order. Each label succeeds or fails on its own: one bad input does
    /// not stop the batch.
    pub fn check_many_json(
        &self,
        inputs: &[&[u8]],
        opts: &CheckOptions,
        threads: usize,
    ) -> Vec<Result<Report, Error>> {
        let threads = match threads {
            0 => std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
            n => n,
        }
        .min(inputs.len().max(1));
        if threads <= 1 || inputs.len() < 2 {
            return inputs.iter().map(|b| self.check_json(b, opts)).collect();
        }
        let chunk = inputs.len().div_ceil(threads);
        std::thread::scope(|s| {
            let handles: Vec<_> = inputs
                .chunks(chunk)
                .map(|part| {
                    (
                        part.len(),
                        s.spawn(move || {
                            part.iter()
                                .map(|b| self.check_json(b, opts))
                                .collect::<Vec<_>>()
                        }),
                    )
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|(n, h)| {
                    h.join().unwrap_or_else(|_| {
                        (0..n)
                            .map(|_| {
                                Err(Error::Option(
                                    "a checking thread stopped unexpectedly".into(),
                                ))
                            })
                            .collect()
                    })
                })
                .collect()
        })
    }

    /// Checks a parsed label.
    pub fn check(&self, label: Label, opts: &CheckOptions) -> Result<Report, Error> {
        self.check_selection(opts)?;
        let arena = LentArena::take();
        let prepared = self.prepare(label, opts, &arena)?;
        let packs = self.select(&prepared, &opts.editions, false);
        refuse_broken(&packs)?;
        Ok(self.run(&prepared, &packs, opts))
    }

    /// Checks a label under the editions in force and under the latest editions, and says
    /// what changes: the view of the 2027-03-16 transition from either side of it.
    pub fn compare_json(&self, bytes: &[u8], opts: &CheckOptions) -> Result<Comparison, Error> {
        self.check_selection(opts)?;
        let label = parse_label(bytes, &self.limits)?;
        let arena = LentArena::take();
        let prepared = self.prepare(label, opts, &arena)?;
        let now = self.select(&prepared, &EditionChoice::InForce, false);
        let latest = self.select(&prepared, &EditionChoice::InForce, true);
        refuse_broken(&now)?;
        refuse_broken(&latest)?;
        let current = self.run(&prepared, &now, opts);
        let next = self.run(&prepared, &latest, opts);
        let key = |f: &Finding| {
            (
                f.topic.clone().unwrap_or_else(|| f.rule.clone()),
                f.path.clone(),
            )
        };
        let now: std::collections::HashSet<_> = current.findings.iter().map(key).collect();
        let later: std::collections::HashSet<_> = next.findings.iter().map(key).collect();
        let newly_failing = next
            .findings
            .iter()
            .filter(|f| !now.contains(&key(f)))
            .cloned()
            .collect();
        let resolved = current
            .findings
            .iter()
            .filter(|f| !later.contains(&key(f)))
            .cloned()
            .collect();
        Ok(Comparison {
            current,
            next,
            newly_failing,
            resolved,
        })
    }

    /// Refuses edition names that match no pack at all: a typo must not silently fall back
    /// to the editions in force.
    fn validate_editions(&self, choice: &EditionChoice) -> Result<(), Error> {
        let EditionChoice::Named(names) = choice else {
            return Ok(());
        };
        for n in names {
            let known = self.standards.packs.iter().any(|p| {
                normalise_edition(n) == normalise_edition(&p.meta.edition)
                    || normalise_edition(n)
                        == normalise_edition(&format!("{}-{}", p.meta.standard, p.meta.edition))
            });
            if !known {
                return Err(Error::Option(format!(
                    "no pack has the edition `{n}` (try `2025` or `GB 7718-2025`)"
                )));
            }
        }
        Ok(())
    }

    /// Normalises the label and builds the view the rules read.
    fn prepare<'b>(
        &'b self,
        mut label: Label,
        opts: &CheckOptions,
        arena: &'b Arena,
    ) -> Result<Prepared<'b>, Error> {
        // One column of the code-list entry a printed name found.
        let column = |row: Option<&serde_json::Value>, col: &str| {
            row.and_then(|r| r.get(col))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let nutrients = self.standards.codelists.get("nutrients");
        let fibres = self.standards.codelists.get("fibres-cn");
        label.normalise(
            &|name| column(nutrients.and_then(|n| n.find_str_any_case(name)), "id"),
            &|name| column(fibres.and_then(|f| f.find_str(name)), "zh"),
        );
        let classes = self.standards.codelists.get("gb2760-function-classes");
        let plain = self.standards.codelists.get("gb2760-plain-additives");
        label.name_additive_forms(&|name, kind| {
            let list = match kind {
                crate::label::parse::AdditiveName::Class => classes,
                crate::label::parse::AdditiveName::Plain => plain,
            };
            list.and_then(|c| c.find_str(name)).is_some()
        });
        crate::label::parse::check_parsed_lists(&label, self.limits.max_list_items)?;
        let view = Doc::of(&label, arena).map_err(|e| LabelError::Invalid {
            path: String::new(),
            line: 0,
            column: 0,
            message: e.to_string(),
        })?;
        self.validate_editions(&opts.editions)?;
        let catalogue = &self.standards.catalogue;
        let Some(market) = catalogue.market_index(&label.market) else {
            let known: Vec<&str> = catalogue.markets.iter().map(|m| m.id.as_str()).collect();
            return Err(LabelError::Unknown {
                path: "/market".into(),
                message: format!(
                    "unknown market `{}`; known: {}",
                    label.market,
                    known.join(", ")
                ),
            }
            .into());
        };
        let Some((category, tags)) = catalogue.category_entry(&label.category) else {
            return Err(LabelError::Unknown {
                path: "/category".into(),
                message: format!(
                    "unknown category `{}`; see `labelcheck categories`",
                    label.category
                ),
            }
            .into());
        };
        let as_of = match opts.as_of.or(label.check_date) {
            Some(d) => d,
            None => today()?,
        };
        Ok(Prepared {
            covering: market * catalogue.categories.len() + category,
            tags,
            as_of,
            view,
            label,
        })
    }

    /// Positions of the packs covering the label's market and category, grouped by
    /// standard, each standard's in load order.
    fn covering_packs(&self, label: &Label) -> Box<[u32]> {
        let packs = &self.standards.packs;
        let mut covering: Vec<u32> = (0..packs.len())
            .filter(|&i| packs[i].covers(&label.market, &label.category))
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        crate::order::sort_by(&mut covering, |&a, &b| {
            packs[a as usize]
                .meta
                .standard
                .cmp(&packs[b as usize].meta.standard)
        });
        covering.into_boxed_slice()
    }

    /// The packs to apply: one edition per standard.
    fn select<'e>(
        &'e self,
        p: &Prepared<'_>,
        choice: &EditionChoice,
        latest: bool,
    ) -> Vec<&'e Pack> {
        // Packs are grouped by standard before `applies_if` is asked, and each standard's
        // editions are asked in the order of preference, stopping at the first that applies:
        // asking compiles the pack's body, and a cold engine used to compile every edition
        // of every covering standard (the 2025 editions of GB 7718 and GB 28050 on a 2026
        // label — a third of a first check) to then keep the one in force. The pack chosen
        // is the same: the first preferred edition among those that apply.
        // The covering packs, grouped by standard (a stable sort keeps each standard's packs
        // in load order), once per market and category; one candidate list for every
        // group: a map of lists per check was 2 % of a check.
        let packs = &self.standards.packs;
        let positions = match self.covering.get(p.covering) {
            Some(cell) => cell.get_or_init(|| self.covering_packs(&p.label)),
            None => &self.covering_packs(&p.label)[..],
        };
        let covering: Vec<&Pack> = positions
            .iter()
            .filter_map(|&i| packs.get(i as usize))
            .collect();
        let applies =
            |pk: &&Pack| pk.applies_to(&p.view, p.tags, p.as_of, &self.standards.codelists);
        let norm = normalise_edition;
        let mut out = Vec::new();
        let mut candidates: Vec<&Pack> = Vec::new();
        // The unit's placing on the market, for standards whose edition it picks.
        let placed = p
            .view
            .get("facts")
            .and_then(|f| f.get("market"))
            .and_then(|m| m.get("placed_on_market"))
            .and_then(|d| d.as_str())
            .and_then(Date::parse_iso)
            .filter(|d| *d <= p.as_of);
        for editions in covering.chunk_by(|a, b| a.meta.standard == b.meta.standard) {
            let standard = editions[0].meta.standard.as_str();
            let by_placing = editions.iter().any(|pk| {
                pk.meta.edition_date == Some(crate::pack::format::EditionDate::PlacedOnMarket)
            });
            let edition_day = placed.filter(|_| by_placing && !latest).unwrap_or(p.as_of);
            let named = match choice {
                EditionChoice::Named(names) => editions.iter().copied().find(|pk| {
                    names.iter().any(|n| {
                        norm(n) == norm(&pk.meta.edition)
                            || norm(n) == norm(&format!("{standard}-{}", pk.meta.edition))
                    }) && applies(pk)
                }),
                EditionChoice::InForce => None,
            };
            let chosen = named.or_else(|| {
                candidates.clear();
                candidates.extend(editions.iter().copied().filter(|pk| {
                    if latest {
                        pk.meta.effective_until.is_none_or(|u| p.as_of < u)
                    } else {
                        pk.in_force(edition_day)
                    }
                }));
                // Latest effective_from first; on a tie the later pack first (the one
                // `max_by_key` picked).
                candidates.reverse();
                crate::order::sort_by_key(&mut candidates, |pk| {
                    std::cmp::Reverse(pk.meta.effective_from)
                });
                candidates.iter().copied().find(applies).or_else(|| {
                    // No edition was in force when the unit was placed on the market (it
                    // was labelled early under the edition that applies now): the check
                    // date's edition, as for any other label.
                    if edition_day == p.as_of {
                        return None;
                    }
                    candidates.clear();
                    candidates.extend(editions.iter().copied().filter(|pk| pk.in_force(p.as_of)));
                    candidates.reverse();
                    crate::order::sort_by_key(&mut candidates, |pk| {
                        std::cmp::Reverse(pk.meta.effective_from)
                    });
                    candidates.iter().copied().find(applies)
                })
            });
            out.extend(chosen);
        }
        // Keep the packs' load order (by directory) so reports are stable.
        crate::order::sort_by(&mut out, |a, b| a.meta.id.cmp(&b.meta.id));
        out
    }

    fn run(&self, p: &Prepared<'_>, packs: &[&Pack], opts: &CheckOptions) -> Report {
        let trace = opts.trace;
        let mut findings = Vec::new();
        let mut measurements = Vec::new();
        let mut skipped = Vec::new();
        let mut skipped_count = 0;
        let mut traces = Vec::new();
        let mut evaluated = 0;
        let mut spare = SpareVars::new();
        let mut spare_visits = Vec::new();
        // One table for every pack of the check, emptied per pack: it keeps its capacity.
        let mut when_memo = WhenMemo::default();
        let mut pointer_buf = String::new();
        let claim_matches = crate::primitives::claim_conditions::ClaimMatches::default();
        for pack in packs {
            let ctx = EvalContext {
                label: &p.view,
                tables: &pack.tables,
                codelists: &self.standards.codelists,
                tags: p.tags,
                as_of: p.as_of,
            };
            let env = RunEnv {
                codelists: &self.standards.codelists,
                tables: &pack.tables,
                claim_matches: &claim_matches,
            };
            // A run restricted to some rules skips the packs it selects none of.
            if let Some(sel) = &opts.only {
                if !pack.rules.iter().any(|r| sel.selects(pack, r)) {
                    continue;
                }
            }
            // `when` operands remembered for this pack's rules (numbered per pack).
            when_memo.clear();
            // Pack-level values, once per label.
            let mut shared: Vec<(&str, Val<'_>)> = Vec::with_capacity(pack.lets.len());
            #[cfg(feature = "rule-timing")]
            let lets_started = std::time::Instant::now();
            {
                let mut scope = Scope::new(&ctx);
                for (name, e) in &pack.lets {
                    let v = scope.eval(&e.root);
                    scope.set(name.as_str(), v.clone());
                    shared.push((name.as_str(), v));
                }
            }
            #[cfg(feature = "rule-timing")]
            if !pack.lets.is_empty() {
                crate::rule_timing::record(
                    &format!("{}/lets", pack.meta.id),
                    lets_started.elapsed(),
                );
            }
            // Element lists shared by rules of this pack, collected by the first to visit.
            let mut lists: Vec<Option<Vec<Visit<'_>>>> = Vec::new();
            lists.resize_with(pack.shared_lists, || None);
            for rule in &pack.rules {
                if opts
                    .only
                    .as_ref()
                    .is_some_and(|sel| !sel.selects(pack, rule))
                {
                    continue;
                }
                #[cfg(feature = "rule-timing")]
                let started = std::time::Instant::now();
                let outcome = run_rule(
                    pack,
                    rule,
                    &ctx,
                    &env,
                    &p.view,
                    &shared,
                    &mut spare,
                    &mut spare_visits,
                    &mut lists,
                    &mut pointer_buf,
                    &mut when_memo,
                    &mut findings,
                    &mut measurements,
                );
                #[cfg(feature = "rule-timing")]
                crate::rule_timing::record(&rule.id, started.elapsed());
                // The time again by outcome, and a not-applicable rule's apart: what the
                // rules whose condition refuses every element cost.
                #[cfg(feature = "rule-timing")]
                crate::rule_timing::record_outcome(&rule.id, outcome.name(), started.elapsed());
                if trace {
                    traces.push(RuleTrace {
                        rule: rule.id.clone(),
                        outcome: outcome.name().to_string(),
                    });
                }
                match outcome {
                    RuleOutcome::Pass | RuleOutcome::Fail => evaluated += 1,
                    RuleOutcome::Skip(reason) | RuleOutcome::NotApplicable(reason) => {
                        skipped_count += 1;
                        if !opts.omit_skipped {
                            skipped.push(Skip {
                                rule: rule.reasons.id.clone(),
                                reason,
                            })
                        }
                    }
                }
            }
        }
        Report {
            label_id: p.label.id.clone(),
            market: p.label.market.clone(),
            category: p.label.category.clone(),
            as_of: p.as_of,
            verdict: if packs.is_empty() {
                Verdict::NotChecked
            } else {
                Report::verdict_of(&findings)
            },
            rules_evaluated: evaluated,
            rules_skipped: skipped_count,
            findings,
            packs: packs.iter().map(|pk| pk.reference()).collect(),
            skipped,
            trace: traces,
            measurements,
            text: None,
        }
    }
}

/// A pack whose deferred compile failed is not silently skipped: the check fails with the
/// pack's errors. (Cannot happen with the embedded packs, which the tests compile in full.)
fn refuse_broken(packs: &[&Pack]) -> Result<(), Error> {
    let errors: Vec<_> = packs
        .iter()
        .flat_map(|p| p.errors.iter().cloned())
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Packs(errors))
    }
}

/// `GB 7718—2025` (as printed, with an em dash), `gb7718-2025` and `GB 7718-2025` compare equal.
fn normalise_edition(s: &str) -> String {
    s.replace([' ', '\u{3000}'], "")
        .replace(['—', '–', '－'], "-")
        .to_ascii_lowercase()
}

struct Prepared<'b> {
    label: Label,
    /// The label's market and category, numbered for `Engine::covering`.
    covering: usize,
    /// The view the rules read, in the check's arena.
    view: Doc<'b>,
    /// The category's tags, the catalogue's own (not copied per check).
    tags: &'b [String],
    as_of: Date,
}

enum RuleOutcome {
    Pass,
    Fail,
    Skip(std::sync::Arc<str>),
    NotApplicable(std::sync::Arc<str>),
}

impl RuleOutcome {
    fn name(&self) -> &'static str {
        match self {
            RuleOutcome::Pass => "pass",
            RuleOutcome::Fail => "fail",
            RuleOutcome::Skip(_) => "skip",
            RuleOutcome::NotApplicable(_) => "not_applicable",
        }
    }
}

/// A finding's `expected` / `found`: a long string is cut like an interpolated message value.
fn bounded_json(v: Value) -> Value {
    match v {
        Value::String(s) => match crate::pack::template::truncate(&s) {
            std::borrow::Cow::Borrowed(_) => Value::String(s),
            std::borrow::Cow::Owned(t) => Value::String(t),
        },
        other => other,
    }
}

/// Findings one rule may report for one label before the rest are counted in one more.
pub const MAX_FINDINGS_PER_RULE: usize = 100;

/// Sub-lists visited by `recurse` stop at this depth.
const MAX_ITEM_DEPTH: usize = 8;

#[allow(clippy::too_many_arguments)]
fn run_rule<'a>(
    pack: &'a Pack,
    rule: &'a Rule,
    ctx: &'a EvalContext<'a>,
    env: &RunEnv<'a>,
    view: &'a Doc<'a>,
    shared: &'a [(&'a str, Val<'a>)],
    spare: &mut SpareVars,
    spare_visits: &mut Vec<Visit<'static>>,
    lists: &mut [Option<Vec<Visit<'a>>>],
    pointer_buf: &mut String,
    memo: &mut WhenMemo,
    findings: &mut Vec<Finding>,
    measurements: &mut Vec<Measurement>,
) -> RuleOutcome {
    let mut scope = LentScope {
        scope: Scope::reusing(ctx, shared, std::mem::take(spare)),
        home: spare,
    };
    // The elements to visit; their pointers are written only for the elements `when` admits.
    // The list lives in the previous rule's allocation and leaves its own for the next.
    let mut items = Visits {
        list: crate::expr::retype(std::mem::take(spare_visits)),
        home: spare_visits,
    };
    let collect = |out: &mut Vec<Visit<'a>>, list: &'a crate::expr::Expr| {
        let list_val = scope.eval(&list.root);
        out.reserve(list_val.list_len().unwrap_or(0));
        let hint = std::sync::atomic::AtomicU32::new(0);
        collect_items(list_val, rule.recurse.as_deref(), 0, None, out, &hint);
    };
    let shared = rule.list_id.and_then(|id| lists.get_mut(id as usize));
    let (items, base): (&[Visit<'a>], &str) = match (&rule.for_each, shared) {
        (None, _) => {
            items.list.push(Visit::ROOT);
            (&items.list, "")
        }
        (Some(list), shared) => {
            let visited: &[Visit<'a>] = match shared {
                Some(slot) => slot.get_or_insert_with(|| {
                    let mut out = Vec::new();
                    collect(&mut out, list);
                    out
                }),
                None => {
                    collect(&mut items.list, list);
                    &items.list
                }
            };
            if visited.is_empty() {
                return RuleOutcome::NotApplicable(rule.reasons.no_elements.clone());
            }
            (visited, &rule.list_pointer)
        }
    };
    // Lets that do not read the element have one value for every element: evaluated once,
    // in order, before the elements are visited.
    let per_item = |i: usize| rule.item_lets.get(i).copied().unwrap_or(true);
    let when_only = |i: usize| rule.when_lets.get(i).copied().unwrap_or(false);
    // With a `when_steps` plan (no let reads a later name, no name given twice), those of
    // them `when` does not read wait for the first element `when` admits: a rule whose
    // condition refuses every element computes none of them.
    let defer_label_lets = rule.when_steps.is_some();
    for (i, (name, e)) in rule.lets.iter().enumerate() {
        if !per_item(i) && (when_only(i) || !defer_label_lets) {
            let v = scope.eval(&e.root);
            scope.set(name.as_str(), v);
        }
    }
    let mut label_lets_pending = defer_label_lets;
    let (mut passed, mut failed) = (false, false);
    let (mut emitted, mut suppressed) = (0usize, 0usize);
    let mut skip_reason = None;
    // The element's pointer, in a buffer the rules of a check hand on (it grew again for
    // every rule).
    let pointer = pointer_buf;
    let mut parent_bound = false;
    for (slot, visit) in items.iter().enumerate() {
        if let Some(item) = &visit.item {
            scope.set_item(item.clone());
        }
        match visit.parent {
            Some(up) => {
                scope.set("parent", items[up].item.clone().unwrap_or(Val::Null));
                parent_bound = true;
            }
            // Only a rule that recurses ever binds `parent`: the others skip the search.
            None if parent_bound => {
                scope.unset("parent");
                parent_bound = false;
            }
            None => {}
        }
        // The lets the condition reads, then the condition, then the other lets: same
        // values as evaluating them in order (each sees every let before it), computed
        // only for the elements judged. With a plan, each operand of the condition's `and`
        // chain gets its lets just before it, and the chain stops at the first false one
        // (as `and` does).
        let admitted = match (&rule.when, &rule.when_steps) {
            (None, _) => true,
            (Some(_), Some(steps)) => {
                admits(steps, rule, &mut scope, Element::of(&visit.item), memo)
            }
            (Some(w), None) => {
                for (i, (name, e)) in rule.lets.iter().enumerate() {
                    if when_only(i) && per_item(i) {
                        let v = scope.eval(&e.root);
                        scope.set(name.as_str(), v);
                    }
                }
                scope.eval(&w.root).truthy()
            }
        };
        if !admitted {
            continue;
        }
        if label_lets_pending {
            label_lets_pending = false;
            for (i, (name, e)) in rule.lets.iter().enumerate() {
                if !when_only(i) && !per_item(i) {
                    let v = scope.eval(&e.root);
                    scope.set(name.as_str(), v);
                }
            }
        }
        for (i, (name, e)) in rule.lets.iter().enumerate() {
            if !when_only(i) && per_item(i) {
                let v = scope.eval(&e.root);
                scope.set(name.as_str(), v);
            }
        }
        pointer.clear();
        if rule.for_each.is_some() {
            write_item_pointer(items, slot, base, rule.recurse.as_deref(), pointer);
        }
        let outcome = rule.check.run(&mut scope, pointer, env);
        if let (Some(rec), Outcome::Pass | Outcome::Fail(_)) = (&rule.record, &outcome) {
            measurements.push(Measurement {
                rule: rule.id.clone(),
                path: pointer.clone(),
                name: scope.eval(&rec.name.root).to_json(),
                printed: scope.eval(&rec.printed.root).to_json(),
                measured: scope.eval(&rec.measured.root).to_json(),
                allowed: scope.eval(&rec.allowed.root).to_json(),
                unit: rec.unit.as_ref().map(|u| scope.eval(&u.root).to_json()),
                verdict: if matches!(outcome, Outcome::Pass) {
                    "pass"
                } else {
                    "fail"
                }
                .into(),
            });
        }
        match outcome {
            Outcome::Pass => passed = true,
            Outcome::Skip(reason) => skip_reason = Some(reason),
            Outcome::Fail(hits) => {
                failed = true;
                for hit in hits {
                    // A rule reports at most MAX_FINDINGS_PER_RULE findings per label, then
                    // one that counts the rest: a report's size is bounded by the input's.
                    if emitted >= MAX_FINDINGS_PER_RULE {
                        suppressed += 1;
                        continue;
                    }
                    emitted += 1;
                    for (name, v) in &hit.bindings {
                        scope.set(name, v.clone());
                    }
                    scope.set("found", hit.found.clone().unwrap_or(Val::Null));
                    scope.set("expected", hit.expected.clone().unwrap_or(Val::Null));
                    let span = hit.span.clone().or_else(|| span_at(view, &hit.pointer));
                    findings.push(Finding {
                        rule: rule.id.clone(),
                        severity: rule.severity,
                        message: Text {
                            zh: rule.message_zh.render(&scope),
                            en: rule.message_en.render(&scope),
                        },
                        citation: Citation {
                            standard: pack.meta.standard.clone(),
                            edition: pack.meta.edition.clone(),
                            clause: rule.clause.clone(),
                            also: rule.also.clone(),
                            pack: pack.meta.id.clone(),
                        },
                        path: hit.pointer,
                        span,
                        expected: hit.expected.map(|v| bounded_json(v.to_json())),
                        found: hit.found.map(|v| bounded_json(v.to_json())),
                        confidence: rule.confidence,
                        topic: rule.topic.clone(),
                    });
                    for (name, _) in &hit.bindings {
                        scope.unset(name);
                    }
                }
            }
        }
    }
    if suppressed > 0 {
        findings.push(Finding {
            rule: rule.id.clone(),
            severity: rule.severity,
            message: Text {
                zh: format!("…另有 {suppressed} 处同一问题未逐一列出"),
                en: format!("…and {suppressed} more findings of this rule, not listed one by one"),
            },
            citation: Citation {
                standard: pack.meta.standard.clone(),
                edition: pack.meta.edition.clone(),
                clause: rule.clause.clone(),
                also: rule.also.clone(),
                pack: pack.meta.id.clone(),
            },
            path: rule.list_pointer.to_string(),
            span: None,
            expected: None,
            found: Some(serde_json::json!(suppressed)),
            confidence: rule.confidence,
            topic: rule.topic.clone(),
        });
    }
    if failed {
        RuleOutcome::Fail
    } else if passed {
        RuleOutcome::Pass
    } else if let Some(reason) = skip_reason {
        RuleOutcome::Skip(format!("missing data: {reason}").into())
    } else {
        RuleOutcome::NotApplicable(rule.reasons.when_false.clone())
    }
}

/// Whether the rule's `when`, a chain of `and`s, is true: its operands
/// (`Rule::when_operands`) left to right, each after the lets of its step
/// (`Rule::when_steps`), stopping at the first that is not — as `and` itself evaluates.
fn admits<'a>(
    steps: &[Vec<usize>],
    rule: &'a Rule,
    scope: &mut Scope<'a, 'a>,
    element: Element,
    memo: &mut WhenMemo,
) -> bool {
    for (operand, node) in rule.when_operands().iter().enumerate() {
        for &i in steps.get(operand).into_iter().flatten() {
            if let Some((name, e)) = rule.lets.get(i) {
                let v = scope.eval(&e.root);
                scope.set(name.as_str(), v);
            }
        }
        if !operand_holds(node, operand, rule, scope, element, memo) {
            return false;
        }
    }
    true
}

/// One operand of `when`, through the check's memo when it has a number.
fn operand_holds<'a>(
    node: &'a crate::expr::Node,
    operand: usize,
    rule: &'a Rule,
    scope: &Scope<'a, 'a>,
    element: Element,
    memo: &mut WhenMemo,
) -> bool {
    // An operand that reads only `item` and `label` has one value per element and check:
    // the first rule of the pack to ask for it evaluates it, the others read it.
    let Some(id) = rule.when_memo.get(operand).copied().flatten() else {
        return scope.eval(node).truthy();
    };
    if id & crate::pack::LABEL_ONLY != 0 {
        // One value per check: kept by number in a vector, not hashed.
        let i = (id & !crate::pack::LABEL_ONLY) as usize;
        match memo.label.get(i) {
            Some(&JUDGED_TRUE) => return true,
            Some(&JUDGED_FALSE) => return false,
            _ => {}
        }
        let value = scope.eval(node).truthy();
        if memo.label.len() <= i {
            memo.label.resize(i + 1, NOT_JUDGED);
        }
        if let Some(slot) = memo.label.get_mut(i) {
            *slot = if value { JUDGED_TRUE } else { JUDGED_FALSE };
        }
        return value;
    }
    let key = match element {
        Element::At(kind, address) => (id, kind, address),
        Element::Computed => return scope.eval(node).truthy(),
    };
    if let Some(&known) = memo.elements.get(&key) {
        return known;
    }
    let value = scope.eval(node).truthy();
    memo.elements.insert(key, value);
    value
}

/// The element a rule judges (its `item`), as the operand memo knows it: by kind and
/// address, read from the element visited rather than looked up by name per operand.
#[derive(Clone, Copy)]
enum Element {
    /// No element (`(0, 0)`), a node of the label (`1`) or of a table (`2`), at an address
    /// that names it for the whole check.
    At(u8, usize),
    /// A computed element has no identity to remember it by.
    Computed,
}

impl Element {
    fn of(item: &Option<Val<'_>>) -> Element {
        match item {
            None | Some(Val::Null) => Element::At(0, 0),
            Some(Val::Doc(d)) => Element::At(1, *d as *const Doc<'_> as usize),
            Some(Val::Json(v)) => Element::At(2, *v as *const Value as usize),
            Some(_) => Element::Computed,
        }
    }
}

/// Results of `when` operands remembered for one pack and check (see `Rule::when_memo`).
#[derive(Default)]
struct WhenMemo {
    /// Operands that read only the label, by number: `NOT_JUDGED`, `JUDGED_FALSE` or
    /// `JUDGED_TRUE`.
    label: Vec<u8>,
    /// The other operands, by number and the element's kind and address (the label and the
    /// pack's tables live, unchanged, for the whole check, so an address names one element).
    elements: crate::pack::FastMap<(u32, u8, usize), bool>,
}

const NOT_JUDGED: u8 = 0;
const JUDGED_FALSE: u8 = 1;
const JUDGED_TRUE: u8 = 2;

impl WhenMemo {
    /// Forgets every result, keeping the allocations (the next pack numbers its own).
    fn clear(&mut self) {
        self.label.clear();
        self.elements.clear();
    }
}

thread_local! {
    /// The arena of the thread's last check, reset, for its next one.
    static SPARE_ARENA: std::cell::Cell<Option<Arena>> = const { std::cell::Cell::new(None) };
}

/// An arena kept after a check is at most this large (its largest chunk): a huge label's
/// arena is freed, not held by the thread.
const KEEP_ARENA_BYTES: usize = 1 << 20;

/// A check's arena (the label view lives in it): the thread's spare one, reset, when it has
/// one. A new arena per check allocated a chain of growing chunks every time, and the
/// largest were handed back to the system and faulted in again on the next check (fewer
/// instructions than malloc per node, yet no faster by the clock); a reset arena keeps its
/// largest chunk, so a batch allocates nothing for its views after its first label.
struct LentArena {
    arena: Arena,
}

impl LentArena {
    fn take() -> LentArena {
        let spare = SPARE_ARENA.try_with(|s| s.take()).ok().flatten();
        LentArena {
            arena: spare.unwrap_or_default(),
        }
    }
}

impl std::ops::Deref for LentArena {
    type Target = Arena;
    fn deref(&self) -> &Arena {
        &self.arena
    }
}

impl Drop for LentArena {
    fn drop(&mut self) {
        let mut arena = std::mem::take(&mut self.arena);
        if arena.allocated_bytes() <= KEEP_ARENA_BYTES {
            arena.reset();
            // During the thread's teardown there is nowhere to keep it: it is dropped.
            let _ = SPARE_ARENA.try_with(|s| s.set(Some(arena)));
        }
    }
}

/// A rule's scope, its bindings in an allocation lent by the rules before it and given back
/// to the rules after it when the rule ends (whichever way `run_rule` returns).
struct LentScope<'h, 'c, 'a> {
    scope: Scope<'c, 'a>,
    home: &'h mut SpareVars,
}

impl<'c, 'a> std::ops::Deref for LentScope<'_, 'c, 'a> {
    type Target = Scope<'c, 'a>;
    fn deref(&self) -> &Scope<'c, 'a> {
        &self.scope
    }
}

impl<'c, 'a> std::ops::DerefMut for LentScope<'_, 'c, 'a> {
    fn deref_mut(&mut self) -> &mut Scope<'c, 'a> {
        &mut self.scope
    }
}

impl Drop for LentScope<'_, '_, '_> {
    fn drop(&mut self) {
        *self.home = self.scope.take_spare();
    }
}

/// A rule's elements to visit, in an allocation lent by the rules before it and given back
/// to the rules after it when the rule ends.
struct Visits<'h, 'a> {
    list: Vec<Visit<'a>>,
    home: &'h mut Vec<Visit<'static>>,
}

impl Drop for Visits<'_, '_> {
    fn drop(&mut self) {
        *self.home = crate::expr::retype(std::mem::take(&mut self.list));
    }
}

/// One element a rule visits: the element (`None` for a rule without `for_each`), the slot
/// of the element whose sub-list holds it when `recurse` went down, and its index in its
/// list. Its JSON pointer is written from these only when the rule judges it: most
/// elements fail `when`, and a pointer per element was a tenth of a check.
struct Visit<'a> {
    item: Option<Val<'a>>,
    parent: Option<usize>,
    index: usize,
}

impl Visit<'_> {
    const ROOT: Visit<'static> = Visit {
        item: None,
        parent: None,
        index: 0,
    };
}

fn collect_items<'a>(
    list: Val<'a>,
    recurse: Option<&str>,
    depth: usize,
    parent: Option<usize>,
    out: &mut Vec<Visit<'a>>,
    // Where the `recurse` field sits in an element: the elements are of one type.
    hint: &std::sync::atomic::AtomicU32,
) {
    for (index, el) in list.elements().enumerate() {
        let child = recurse
            .filter(|_| depth < MAX_ITEM_DEPTH)
            .map(|r| el.field_hinted(r, hint))
            .filter(|c| c.list_len().is_some_and(|n| n > 0));
        let slot = out.len();
        out.push(Visit {
            item: Some(el),
            parent,
            index,
        });
        if let Some(child) = child {
            collect_items(child, recurse, depth + 1, Some(slot), out, hint);
        }
    }
}

/// Writes the pointer of `items[slot]`: `base/i` at the top, `<parent's>/<recurse>/i` below.
fn write_item_pointer(
    items: &[Visit<'_>],
    slot: usize,
    base: &str,
    recurse: Option<&str>,
    out: &mut String,
) {
    let Some(visit) = items.get(slot) else { return };
    match visit.parent {
        // A parent always comes before its children, so this recursion ends.
        Some(up) if up < slot => {
            write_item_pointer(items, up, base, recurse, out);
            out.push('/');
            out.push_str(recurse.unwrap_or_default());
        }
        _ => out.push_str(base),
    }
    out.push('/');
    push_index(out, visit.index);
}

/// Appends `n` in decimal: `write!` goes through the formatting machinery, ≈ 100
/// instructions for a list index, for every element a rule judges.
fn push_index(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// The span of the deepest element on `pointer`'s way that carries one (ingredients parsed
/// from printed text do).
fn span_at(view: &Doc<'_>, pointer: &str) -> Option<Span> {
    // The spans on the way, outermost first; only the deepest that reads as a span is
    // turned into one (each was converted at every level, for every finding).
    let mut spans: Vec<&Doc<'_>> = Vec::new();
    let deepest = |spans: &[&Doc<'_>]| {
        spans
            .iter()
            .rev()
            .find_map(|s| serde_json::from_value::<Span>(s.to_json()).ok())
    };
    let mut node = view;
    for part in pointer.split('/').skip(1) {
        let part: std::borrow::Cow<'_, str> = if part.contains('~') {
            part.replace("~1", "/").replace("~0", "~").into()
        } else {
            part.into()
        };
        node = match node {
            Doc::Arr(a) => a.get(part.parse::<usize>().ok()?)?,
            Doc::Obj(_) | Doc::Map(_) => node.get(&part)?,
            _ => return deepest(&spans),
        };
        if let Some(s) = node.get("span") {
            spans.push(s);
        }
    }
    deepest(&spans)
}

#[cfg(not(target_arch = "wasm32"))]
fn today() -> Result<Date, Error> {
    Ok(Date::today())
}

#[cfg(target_arch = "wasm32")]
fn today() -> Result<Date, Error> {
    Err(Error::Option(
        "no check date: pass `as_of` (the browser build has no clock)".into(),
    ))
}

/// The largest standards file read from a directory (a pack file is a few hundred KiB).
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_STANDARDS_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a regular file of at most `limit` bytes as text; larger is an error, not a read.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_bounded_file(p: &std::path::Path, limit: u64) -> Result<String, Error> {
    use std::io::Read as _;
    let io = |message: String| Error::Io {
        path: p.display().to_string(),
        message,
    };
    let f = std::fs::File::open(p).map_err(|e| io(e.to_string()))?;
    let mut bytes = Vec::new();
    f.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(io(format!("larger than {limit} bytes")));
    }
    String::from_utf8(bytes).map_err(|e| {
        io(Engine::encoding_problem(e.as_bytes()).unwrap_or_else(|| "not UTF-8 text".into()))
    })
}

/// Reads every `.toml` file under `dir` as a standards tree.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_tree(dir: &std::path::Path) -> Result<Vec<SourceFile>, Error> {
    fn walk(
        root: &std::path::Path,
        dir: &std::path::Path,
        out: &mut Vec<SourceFile>,
    ) -> Result<(), Error> {
        let io = |e: std::io::Error| Error::Io {
            path: dir.display().to_string(),
            message: e.to_string(),
        };
        // Symbolic links are not followed and only regular files are read: two links to `.`
        // made the walk exponential, a link to `/` walked the file system, `/proc/self` hung.
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .flatten()
            .filter_map(|e| e.file_type().ok().map(|t| (e.path(), t)))
            .collect();
        crate::order::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        for (p, kind) in entries {
            if kind.is_dir() {
                walk(root, &p, out)?;
            } else if kind.is_file() && p.extension().is_some_and(|x| x == "toml") {
                let text = read_bounded_file(&p, MAX_STANDARDS_FILE_BYTES)?;
                let rel = p.strip_prefix(root).unwrap_or(&p);
                let path = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push(SourceFile {
                    path,
                    text: text.into(),
                });
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    Ok(out)
}

/// The markets of a multi-market check, trimmed, without duplicates, in the order given;
/// an empty list is refused (a check of nothing must not look like a pass).
fn markets_in_order(markets: &[String]) -> Result<Vec<String>, Error> {
    let mut out: Vec<String> = Vec::new();
    for m in markets.iter().map(|m| m.trim()).filter(|m| !m.is_empty()) {
        if !out.iter().any(|x| x == m) {
            out.push(m.to_string());
        }
    }
    if out.is_empty() {
        return Err(Error::Option("no market to check against".into()));
    }
    Ok(out)
}

/// A label error about the document read from a text, said in terms of the text: the
/// line and column of the field in the text when the reading's source map has it; a fact
/// from the `extra` facts named as such (its pointer is the merged key); otherwise no line
/// or column (those of the internal JSON document mean nothing to the user) and a message
/// that says the error is in the document read from the text.
fn text_error(
    e: LabelError,
    reading: &crate::label::text::TextReading,
    ctx: &crate::label::text::TextContext,
    index: &crate::report::CharIndex,
) -> LabelError {
    let (path, message) = match e {
        LabelError::Invalid { path, message, .. } => (path, message),
        // The market and category of a text come from the caller, not from the text.
        LabelError::Unknown { path, message } if path == "/market" || path == "/category" => {
            return LabelError::Unknown {
                path,
                message: format!("{message} (given with the text, not read from it)"),
            }
        }
        other => return other,
    };
    let from_text = |p: &str| {
        reading.fields.iter().any(|f| {
            p == f.pointer
                || (p.starts_with(&f.pointer) && p.as_bytes().get(f.pointer.len()) == Some(&b'/'))
        })
    };
    if let Some(extra) = &ctx.extra {
        // The deepest prefix of the pointer that the extra facts give, with the same value
        // in the document (the printed value wins a conflict), and no printed field over it.
        let extra = serde_json::Value::Object(extra.clone());
        let mut at = path.as_str();
        loop {
            if let (Some(given), Some(used)) = (extra.pointer(at), reading.document.pointer(at)) {
                if given == used && !from_text(at) && !at.is_empty() {
                    return LabelError::Invalid {
                        message: if at == path {
                            format!("in the extra facts: {message}")
                        } else {
                            format!("in the extra facts (at `{at}`): {message}")
                        },
                        path,
                        line: 0,
                        column: 0,
                    };
                }
            }
            match at.rfind('/') {
                Some(i) if i > 0 => at = &at[..i],
                _ => break,
            }
        }
    }
    if let Some(span) = reading.locate(index, &path, None) {
        let (line, column) = line_column(index.chars(), span.start);
        return LabelError::Invalid {
            message: format!("{message} (text line {line}, column {column})"),
            path,
            line,
            column,
        };
    }
    LabelError::Invalid {
        message: format!("in the document read from the text: {message}"),
        path,
        line: 0,
        column: 0,
    }
}

/// The 1-based line and column (in characters) of a character offset.
fn line_column(chars: &[char], at: usize) -> (usize, usize) {
    let before = &chars[..at.min(chars.len())];
    let line = 1 + before.iter().filter(|&&c| c == '\n').count();
    let column = 1 + before.iter().rev().take_while(|&&c| c != '\n').count();
    (line, column)
}

/// The first list of a document longer than `max`, as the error a JSON label with that
/// list gets (walked without recursion: the extra facts may nest).
fn long_list(doc: &serde_json::Value, max: usize) -> Option<LabelError> {
    let mut stack = vec![(String::new(), doc)];
    while let Some((at, v)) = stack.pop() {
        let children: Vec<(String, &serde_json::Value)> = match v {
            serde_json::Value::Array(items) => {
                if items.len() > max {
                    return Some(LabelError::Invalid {
                        message: format!(
                            "this list of the document read has {} elements, over the limit \
                             of {max} per list",
                            items.len()
                        ),
                        path: at,
                        line: 0,
                        column: 0,
                    });
                }
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (format!("{at}/{i}"), v))
                    .collect()
            }
            serde_json::Value::Object(m) => m
                .iter()
                .map(|(k, v)| {
                    (
                        format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                        v,
                    )
                })
                .collect(),
            _ => continue,
        };
        stack.extend(children.into_iter().rev());
    }
    None
}

/// The error for a document read from a text that is larger, written as JSON, than a
/// label may be: it names the largest field, where the bulk is.
fn reading_too_large(doc: &serde_json::Value, size: usize, limit: usize) -> LabelError {
    let largest = doc.as_object().and_then(|m| {
        m.iter()
            .map(|(k, v)| (k, serde_json::to_vec(v).map_or(0, |b| b.len())))
            .max_by_key(|(_, n)| *n)
    });
    let (path, part) = match largest {
        Some((k, n)) => (
            format!("/{}", k.replace('~', "~0").replace('/', "~1")),
            format!("; this field alone takes {n} bytes"),
        ),
        None => (String::new(), String::new()),
    };
    LabelError::Invalid {
        path,
        line: 0,
        column: 0,
        message: format!(
            "the document read from the text is {size} bytes as JSON, over the limit of \
             {limit} bytes for a label{part}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::push_index;

    #[test]
    fn an_index_is_written_as_to_string_writes_it() {
        for n in [0, 7, 9, 10, 99, 100, 123_456, usize::MAX] {
            let mut out = String::from("/x/");
            push_index(&mut out, n);
            assert_eq!(out, format!("/x/{n}"));
        }
    }
}

#[cfg(test)]
mod span_at_tests {
    use super::span_at;
    use crate::expr::Doc;

    /// A finding's span is the deepest one on its pointer's way that reads as a span; a
    /// token with `~1` / `~0` is unescaped; a pointer that leaves the document gives none.
    #[test]
    fn the_deepest_span_on_the_way() {
        let span = |start: usize, text: &str| {
            serde_json::json!({"field": "/ingredients/text", "start": start,
                "end": start + text.chars().count(), "utf16_start": start,
                "utf16_end": start + text.chars().count(), "text": text})
        };
        let label = serde_json::json!({
            "ingredients": {"items": [
                {"name": "稳定剂", "span": span(0, "稳定剂"), "ingredients": [
                    {"name": "果胶", "span": span(4, "果胶")},
                    {"name": "卡拉胶", "span": {"broken": true}},
                ]},
            ]},
            "extensions": {"a/b": {"span": span(9, "x")}},
        });
        let arena = crate::expr::Arena::new();
        let view = Doc::from_json(&label, &arena);
        let at = |p: &str| span_at(&view, p).map(|s| s.text);
        assert_eq!(
            at("/ingredients/items/0/ingredients/0/name").as_deref(),
            Some("果胶")
        );
        // The inner span does not read as one: the outer one stands.
        assert_eq!(
            at("/ingredients/items/0/ingredients/1/name").as_deref(),
            Some("稳定剂")
        );
        assert_eq!(at("/ingredients/items/0/name").as_deref(), Some("稳定剂"));
        assert_eq!(at("/extensions/a~1b").as_deref(), Some("x"));
        assert_eq!(at("/ingredients/items/7/name"), None);
        assert_eq!(at("/ingredients"), None);
    }
}

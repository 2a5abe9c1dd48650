//! `labelcheck`: check labels, list and explain rules, run regression suites.
//!
//! Exit codes: 0 — every label checked and none has an error-severity finding;
//! 1 — some label has error findings (or a suite case failed); 2 — bad input or usage
//! (other labels in the batch are still checked and reported).

mod docs;
mod render;
mod serve;

use clap::{Parser, Subcommand, ValueEnum};
use labelcheck::{CheckOptions, Date, EditionChoice, Engine};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "labelcheck",
    version,
    about = "Check product labels against the standards that govern them"
)]
struct Cli {
    /// Lay a standards directory over the embedded one (same relative paths replace files).
    #[arg(long, global = true, value_name = "DIR")]
    standards: Option<PathBuf>,
    /// Use only the standards in this directory (no embedded packs).
    #[arg(long, global = true, value_name = "DIR", conflicts_with = "standards")]
    only_standards: Option<PathBuf>,
    /// Language of messages.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
    /// No progress line on stderr (it is shown only when stderr is a terminal).
    #[arg(long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Junit,
    /// SARIF 2.1.0, for code-scanning dashboards and CI systems.
    Sarif,
}

#[derive(Subcommand)]
enum Command {
    /// Check label files (JSON, or JSON Lines with a .jsonl extension; `-` reads stdin; a
    /// .txt file, or any file with --text, is a label's printed text).
    Check {
        #[arg(required = true)]
        files: Vec<String>,
        /// Read the files as a label's printed text (the text layer, an OCR result, a label
        /// typed out); needs --market and --category, which are not printed.
        #[arg(long)]
        text: bool,
        /// Market(s) to check against (CN, EU, US, CODEX), comma-separated. A label read from
        /// text needs it; a JSON label is checked against each market listed instead of its
        /// own, one report per market (`--market US,EU,CODEX`: what each market requires).
        #[arg(long, value_name = "MARKET[,MARKET…]")]
        market: Option<String>,
        /// Product category of a label read from text (see `labelcheck categories`).
        #[arg(long, value_name = "CATEGORY")]
        category: Option<String>,
        /// A JSON object of facts a label's text does not print (imported, package,
        /// textile.durable_label, facts…), merged under what the text gives.
        #[arg(long, value_name = "FILE")]
        extra: Option<String>,
        /// Judge as of this date (YYYY-MM-DD); default: the label's check_date, else today.
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Apply a named edition (e.g. 2025, or "GB 7718-2025"); repeatable.
        #[arg(long, value_name = "EDITION")]
        edition: Vec<String>,
        /// Show the editions in force and the latest editions side by side.
        #[arg(long)]
        compare: bool,
        /// Run only these rules: `pack:ID`, `topic:TOPIC` (a parent topic selects its
        /// children) or `rule:ID`, comma-separated; a bare item with `/` is a rule id, else
        /// a pack id.
        #[arg(long, value_name = "SELECTION")]
        only: Option<String>,
        /// Leave the list of skipped rules and their reasons out of the reports (the count
        /// stays): most of a JSON report's bytes, for batches that keep only findings.
        #[arg(long)]
        omit_skipped: bool,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// List rules, or explain one rule.
    Rules {
        /// A rule id to explain.
        id: Option<String>,
        /// Only rules of this pack.
        #[arg(long)]
        pack: Option<String>,
    },
    /// List the loaded packs with edition, dates, version and hash; with --categories, the
    /// product categories each covers (grouped by market).
    Packs {
        /// Only packs of this label family (ingredient_content, origin, energy_efficiency…).
        #[arg(long)]
        family: Option<String>,
        /// Only packs for this market (CN, EU, US).
        #[arg(long)]
        market: Option<String>,
        /// Show the categories each pack applies to.
        #[arg(long)]
        categories: bool,
        /// Print one pack table as JSON instead: `PACK/TABLE` (`gb21455-2019/grades`).
        #[arg(long, value_name = "PACK/TABLE")]
        table: Option<String>,
    },
    /// List the product categories of the catalogue.
    Categories,
    /// Product types covered per scheme: the `product_types` tables of framework packs, with
    /// the standard edition each is graded under, its dates and its status on a date.
    ProductTypes {
        /// Only schemes (packs) of this market (CN, EU, US).
        #[arg(long)]
        market: Option<String>,
        /// The date the status (in force, superseded, upcoming) is judged on; default today.
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Print the JSON Schema of the label document.
    Schema,
    /// Serve the engine over HTTP (POST /v1/check, /v1/check/batch; GET /v1/rules, /v1/packs,
    /// /healthz, /v1/openapi.json). Stops on SIGINT/SIGTERM after the requests in flight.
    Serve {
        /// Address to bind (loopback by default).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Checks running at once (default: the available cores).
        #[arg(long)]
        concurrency: Option<usize>,
        /// Seconds a request may take.
        #[arg(long, default_value_t = 30)]
        timeout: u64,
        /// Largest JSON Lines batch body, in bytes (one label: the label size limit).
        #[arg(long, default_value_t = 64 * 1024 * 1024)]
        max_batch_bytes: usize,
    },
    /// Print the OpenAPI document of `labelcheck serve`.
    Openapi,
    /// Write a browsable rules reference (static HTML, one page per pack, with search).
    Docs {
        /// The directory to write into (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Regression-suite directories whose cases are shown as examples of each rule.
        #[arg(long, value_name = "DIR", default_value = "tests/suites")]
        suites: Vec<PathBuf>,
    },
    /// Run regression suites (default: tests/suites) and print what differs.
    Test {
        dirs: Vec<PathBuf>,
        /// Fail when a rule lacks a failing or a passing case.
        #[arg(long)]
        require_coverage: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // `labelcheck schema | head`: a closed pipe ends the process quietly, as for any Unix
    // tool, instead of a panic in `println!` (std ignores SIGPIPE). Not for `serve`, whose
    // sockets report a closed peer as an error to handle.
    #[cfg(unix)]
    if !matches!(cli.command, Command::Serve { .. }) {
        // SAFETY: restoring the default disposition of one signal, before any thread starts.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        }
    }
    let engine = match load_engine(&cli) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("labelcheck: {e}");
            return ExitCode::from(2);
        }
    };
    let code = match &cli.command {
        Command::Check {
            files,
            text,
            market,
            category,
            extra,
            as_of,
            edition,
            compare,
            format,
            only,
            omit_skipped,
        } => check(
            &engine,
            &cli,
            files,
            TextArgs {
                all: *text,
                market: market.as_deref(),
                category: category.as_deref(),
                extra: extra.as_deref(),
            },
            as_of.as_deref(),
            edition,
            *compare,
            *format,
            only.as_deref(),
            *omit_skipped,
        ),
        Command::Rules { id, pack } => rules(&engine, cli.lang, id.as_deref(), pack.as_deref()),
        Command::Packs {
            table: Some(spec), ..
        } => pack_table(&engine, spec),
        Command::Packs {
            family,
            market,
            categories,
            table: None,
        } => packs(
            &engine,
            family.as_deref(),
            market.as_deref(),
            *categories,
            cli.lang,
        ),
        Command::Categories => categories(&engine, cli.lang),
        Command::ProductTypes { market, as_of } => {
            product_types(&engine, market.as_deref(), as_of.as_deref(), cli.lang)
        }
        Command::Schema => {
            println!(
                "{}",
                serde_json::to_string_pretty(&labelcheck::label::json_schema()).unwrap_or_default()
            );
            0
        }
        Command::Test {
            dirs,
            require_coverage,
        } => test(&engine, dirs, *require_coverage),
        Command::Serve {
            addr,
            concurrency,
            timeout,
            max_batch_bytes,
        } => {
            let settings = serve::Settings {
                addr: addr.clone(),
                concurrency: concurrency
                    .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())),
                timeout: std::time::Duration::from_secs(*timeout),
                max_batch_bytes: *max_batch_bytes,
            };
            // The engine moves into the service; the command ends with it.
            return match serve::run(engine, settings) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("labelcheck: serve: {e}");
                    ExitCode::from(2)
                }
            };
        }
        Command::Openapi => {
            println!(
                "{}",
                serde_json::to_string_pretty(&serve::openapi()).unwrap_or_default()
            );
            0
        }
        Command::Docs { out, suites } => {
            let suites: Vec<&Path> = suites.iter().map(PathBuf::as_path).collect();
            match docs::write_site(&engine, out, &suites) {
                Ok(n) => {
                    eprintln!("labelcheck: wrote {n} pack pages to {}", out.display());
                    0
                }
                Err(e) => {
                    eprintln!("labelcheck: docs: {e}");
                    2
                }
            }
        }
    };
    ExitCode::from(code)
}

fn load_engine(cli: &Cli) -> Result<Engine, labelcheck::Error> {
    match (&cli.standards, &cli.only_standards) {
        (Some(dir), _) => Engine::with_overlay(dir),
        (None, Some(dir)) => Engine::from_dir(dir),
        (None, None) => Engine::new(),
    }
}

/// One label input: where it came from (file, or file:line) and its bytes.
struct Input {
    name: String,
    bytes: Result<Vec<u8>, InputError>,
}

/// Why an input could not be handed to the engine.
enum InputError {
    /// The file could not be read.
    Io(String),
    /// The input (or JSON Lines line) is longer than the label size limit; `size` is what
    /// was seen before reading stopped (a lower bound for a stream that never ends).
    TooLarge { size: usize, limit: usize },
}

impl InputError {
    fn into_error(self, name: &str) -> labelcheck::Error {
        match self {
            InputError::Io(message) => labelcheck::Error::Io {
                path: name.to_string(),
                message,
            },
            InputError::TooLarge { size, limit } => {
                labelcheck::Error::Label(labelcheck::LabelError::TooLarge { size, limit })
            }
        }
    }
}

/// Labels checked per batch: JSON Lines files are read, checked on all cores and printed a
/// batch at a time, so memory stays flat however large the file.
const BATCH: usize = 4096;
/// A batch is also handed over once it holds this many bytes: 4 096 lines of almost 4 MiB
/// each would otherwise be 16 GiB held at once.
const BATCH_BYTES: usize = 64 * 1024 * 1024;

/// Reads at most `limit` bytes of `r`: a source longer than that (a huge file, `/dev/zero`,
/// an endless pipe) is refused after `limit + 1` bytes, never read whole.
fn read_bounded(r: impl std::io::Read, limit: usize) -> Result<Vec<u8>, InputError> {
    use std::io::Read as _;
    let mut buf = Vec::new();
    r.take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| InputError::Io(e.to_string()))?;
    if buf.len() > limit {
        return Err(InputError::TooLarge {
            size: buf.len(),
            limit,
        });
    }
    Ok(buf)
}

/// Reads one line (through `\n` or the end) keeping at most `limit` bytes of it. A longer
/// line is read on to its end without being kept, and reported as too large; `Ok(None)` at
/// the end of the input. Memory is bounded by `limit` whatever the line's length.
fn read_line_bounded(
    r: &mut impl std::io::BufRead,
    limit: usize,
) -> std::io::Result<Option<Result<Vec<u8>, InputError>>> {
    let mut line = Vec::new();
    let mut seen = 0usize; // bytes of the line, its newline included
    let mut newline = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        let take = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => {
                newline = true;
                i + 1
            }
            None => chunk.len(),
        };
        seen = seen.saturating_add(take);
        // Keep the line only while it can still be within the limit (+1 for its newline).
        if seen <= limit.saturating_add(1) {
            line.extend_from_slice(&chunk[..take]);
        } else if !line.is_empty() {
            line = Vec::new();
        }
        r.consume(take);
        if newline {
            break;
        }
    }
    if seen == 0 {
        return Ok(None);
    }
    let content = seen - usize::from(newline);
    if content > limit {
        return Ok(Some(Err(InputError::TooLarge {
            size: content,
            limit,
        })));
    }
    Ok(Some(Ok(line)))
}

/// Reads the inputs in order and hands them over in batches (by count and by bytes). A JSON
/// Lines file (`.jsonl`, `.ndjson`) gives one input per non-blank line, named `file:line`.
/// Every read is bounded by `limit` (the engine's label size limit) per label.
fn inputs_in_batches(files: &[String], limit: usize, on_batch: &mut dyn FnMut(Vec<Input>)) {
    let mut batch = Vec::new();
    let mut batch_bytes = 0usize;
    let mut push = |input: Input, on_batch: &mut dyn FnMut(Vec<Input>)| {
        batch_bytes += input.bytes.as_ref().map(Vec::len).unwrap_or(0);
        batch.push(input);
        if batch.len() >= BATCH || batch_bytes >= BATCH_BYTES {
            batch_bytes = 0;
            on_batch(std::mem::take(&mut batch));
        }
    };
    for f in files {
        let jsonl = f.ends_with(".jsonl") || f.ends_with(".ndjson");
        if !jsonl {
            let bytes = if f == "-" {
                read_bounded(std::io::stdin().lock(), limit)
            } else {
                std::fs::File::open(f)
                    .map_err(|e| InputError::Io(e.to_string()))
                    .and_then(|file| read_bounded(file, limit))
            };
            push(
                Input {
                    name: f.clone(),
                    bytes,
                },
                on_batch,
            );
            continue;
        }
        let file = match std::fs::File::open(f) {
            Ok(file) => file,
            Err(e) => {
                push(
                    Input {
                        name: f.clone(),
                        bytes: Err(InputError::Io(e.to_string())),
                    },
                    on_batch,
                );
                continue;
            }
        };
        let mut reader = std::io::BufReader::new(file);
        let mut line_no = 0usize;
        loop {
            match read_line_bounded(&mut reader, limit) {
                Ok(None) => break,
                Ok(Some(line)) => {
                    line_no += 1;
                    if line
                        .as_ref()
                        .is_ok_and(|l| l.iter().all(u8::is_ascii_whitespace))
                    {
                        continue;
                    }
                    push(
                        Input {
                            name: format!("{f}:{line_no}"),
                            bytes: line,
                        },
                        on_batch,
                    );
                }
                Err(e) => {
                    push(
                        Input {
                            name: format!("{f}:{}", line_no + 1),
                            bytes: Err(InputError::Io(e.to_string())),
                        },
                        on_batch,
                    );
                    break;
                }
            }
        }
    }
    if !batch.is_empty() {
        on_batch(batch);
    }
}

/// The `--extra` file: a JSON object of at most a label's size.
/// An option error's own words, without the `invalid option:` the caller's prefix repeats.
fn option_message(e: &labelcheck::Error) -> String {
    match e {
        labelcheck::Error::Option(m) => m.clone(),
        other => other.to_string(),
    }
}

fn read_extra(path: &str) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    let text = labelcheck::engine::read_bounded_file(std::path::Path::new(path), 4 * 1024 * 1024)
        .map_err(|e| e.to_string())?;
    if let Some(problem) = Engine::encoding_problem(text.as_bytes()) {
        return Err(format!("{path}: {problem}"));
    }
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(serde_json::Value::Object(m)) => Ok(m),
        Ok(_) => Err(format!("{path}: not a JSON object")),
        Err(e) => Err(format!("{path}: {e}")),
    }
}

/// How `check` reads printed label text.
struct TextArgs<'a> {
    /// Every file is text (else only `.txt` files).
    all: bool,
    market: Option<&'a str>,
    category: Option<&'a str>,
    /// File of facts not printed.
    extra: Option<&'a str>,
}

#[allow(clippy::too_many_arguments)]
fn check(
    engine: &Engine,
    cli: &Cli,
    files: &[String],
    text: TextArgs,
    as_of: Option<&str>,
    editions: &[String],
    compare: bool,
    format: Format,
    only: Option<&str>,
    omit_skipped: bool,
) -> u8 {
    let only = match only.map(labelcheck::RuleSelection::parse).transpose() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("labelcheck: --only: {e}");
            return 2;
        }
    };
    let as_of = match as_of.map(|s| Date::parse_iso(s).ok_or(s)) {
        Some(Err(s)) => {
            eprintln!("labelcheck: --as-of `{s}` is not a date in YYYY-MM-DD form");
            return 2;
        }
        Some(Ok(d)) => Some(d),
        None => None,
    };
    let opts = CheckOptions {
        as_of,
        editions: if editions.is_empty() {
            EditionChoice::InForce
        } else {
            EditionChoice::Named(editions.to_vec())
        },
        trace: false,
        only,
        omit_skipped,
    };
    let is_text = |name: &str| text.all || name.to_ascii_lowercase().ends_with(".txt");
    // `--market A,B`: each label checked against every market listed.
    let markets: Option<Vec<String>> = text.market.map(|m| {
        m.split(',')
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect()
    });
    if markets.as_ref().is_some_and(|m| m.is_empty()) {
        eprintln!("labelcheck: --market names no market");
        return 2;
    }
    // A market given on the command line is an option error, not the label's `/market`.
    for m in markets.iter().flatten() {
        if let Err(e) = engine.known_market(m) {
            eprintln!(
                "labelcheck: --market: {}",
                render::visible(&option_message(&e))
            );
            return 2;
        }
    }
    if let Some(sel) = &opts.only {
        if let Err(e) = engine.validate_selection(sel) {
            eprintln!(
                "labelcheck: --only: {}",
                render::visible(&option_message(&e))
            );
            return 2;
        }
    }
    if compare && markets.is_some() {
        eprintln!("labelcheck: --compare and --market cannot be combined");
        return 2;
    }
    let multi = markets.as_ref().is_some_and(|m| m.len() > 1);
    let text_ctx = if files.iter().any(|f| is_text(f)) {
        let (Some(market), Some(category)) = (
            markets.as_ref().and_then(|m| m.first()).map(String::as_str),
            text.category,
        ) else {
            eprintln!(
                "labelcheck: a label read from text needs --market and --category (they are not printed)"
            );
            return 2;
        };
        if compare {
            eprintln!("labelcheck: --compare reads JSON labels only");
            return 2;
        }
        let extra = match text.extra.map(read_extra).transpose() {
            Ok(e) => e,
            Err(e) => {
                eprintln!("labelcheck: --extra: {e}");
                return 2;
            }
        };
        Some(labelcheck::label::text::TextContext {
            market: market.to_string(),
            category: category.to_string(),
            check_date: as_of.map(|d| d.to_string()),
            id: None,
            extra,
        })
    } else {
        None
    };
    let mut worst = 0u8;
    // A progress line for big batches, only for a person watching a terminal.
    let progress = !cli.quiet && std::io::IsTerminal::is_terminal(&std::io::stderr());
    let started = std::time::Instant::now();
    let mut done = 0usize;
    // JUnit wraps every label in one document with totals, so it is printed at the end; the
    // other formats are printed batch by batch.
    let mut kept = Vec::new();
    inputs_in_batches(
        files,
        engine.limits().max_label_bytes,
        &mut |inputs: Vec<Input>| {
            // Labels are checked in parallel on the available cores; results keep input order.
            let readable: Vec<&[u8]> = inputs
                .iter()
                .filter(|i| !is_text(&i.name))
                .filter_map(|i| i.bytes.as_deref().ok())
                .collect();
            let mut checked = if compare || markets.is_some() {
                Vec::new()
            } else {
                engine
                    .check_many_json(&readable, &opts, 0)
                    .into_iter()
                    .map(|r| r.map(render::Outcome::Report))
                    .collect()
            }
            .into_iter();
            let mut results = Vec::with_capacity(inputs.len());
            for input in inputs {
                let outcome = match input.bytes {
                    Err(e) => Err(e.into_error(&input.name)),
                    Ok(bytes) if is_text(&input.name) => {
                        match (&text_ctx, std::str::from_utf8(&bytes)) {
                            (Some(ctx), Ok(t)) if multi => engine
                                .check_text_markets(
                                    t,
                                    ctx,
                                    markets.as_deref().unwrap_or(&[]),
                                    &opts,
                                )
                                .map(render::Outcome::Markets),
                            (Some(ctx), Ok(t)) => engine
                                .check_text(t, ctx, &opts)
                                .map(render::Outcome::Report),
                            (_, Err(e)) => Err(labelcheck::Error::Option(format!(
                                "{}: the label text is not UTF-8 (byte {})",
                                input.name,
                                e.valid_up_to()
                            ))),
                            (None, _) => Err(labelcheck::Error::Option("no text context".into())),
                        }
                    }
                    Ok(bytes) if compare => engine
                        .compare_json(&bytes, &opts)
                        .map(|c| render::Outcome::Comparison(Box::new(c))),
                    Ok(bytes) if markets.is_some() => engine
                        .check_markets_json(&bytes, markets.as_deref().unwrap_or(&[]), &opts)
                        .map(render::Outcome::Markets),
                    Ok(_) => checked
                        .next()
                        .unwrap_or_else(|| Err(labelcheck::Error::Option("missing result".into()))),
                };
                worst = worst.max(match &outcome {
                    Err(_) => 2,
                    // Nothing judged: not a pass (exit 2, like input that cannot be checked).
                    Ok(render::Outcome::Report(r)) if !r.is_checked() => 2,
                    Ok(render::Outcome::Report(r)) if r.has_errors() => 1,
                    Ok(render::Outcome::Comparison(c)) if c.current.has_errors() => 1,
                    Ok(render::Outcome::Markets(m))
                        if m.verdict == labelcheck::Verdict::NotChecked =>
                    {
                        2
                    }
                    Ok(render::Outcome::Markets(m)) if m.verdict == labelcheck::Verdict::Fail => 1,
                    Ok(_) => 0,
                });
                results.push((input.name, outcome));
            }
            done += results.len();
            if progress {
                let secs = started.elapsed().as_secs_f64().max(1e-3);
                eprint!(
                    "\rlabelcheck: {done} labels checked, {:.0} labels/s ",
                    done as f64 / secs
                );
            }
            match format {
                Format::Human => print!("{}", render::human(&results, cli.lang)),
                Format::Json => print!("{}", render::json(&results)),
                Format::Junit | Format::Sarif => kept.extend(results),
            }
        },
    );
    if progress && done > 0 {
        eprintln!();
    }
    if format == Format::Sarif {
        print!("{}", render::sarif(&kept, engine, cli.lang));
    }
    if format == Format::Junit {
        print!("{}", render::junit(&kept, cli.lang));
    }
    worst
}

fn rules(engine: &Engine, lang: Lang, id: Option<&str>, pack: Option<&str>) -> u8 {
    if let Some(id) = id {
        let Some((p, r)) = engine.rule(id) else {
            eprintln!("labelcheck: no rule `{id}`");
            return 2;
        };
        print!("{}", render::explain(p, r, lang));
        return 0;
    }
    if let Some(want) = pack {
        if !engine.packs().iter().any(|p| p.meta.id == want) {
            eprintln!(
                "labelcheck: --pack: no pack `{}` (`labelcheck packs` lists them)",
                render::visible(want)
            );
            return 2;
        }
    }
    for p in engine.packs() {
        if pack.is_some_and(|want| want != p.meta.id) {
            continue;
        }
        for r in &p.rules {
            let sev = format!("{:?}", r.severity).to_lowercase();
            println!(
                "{:<48} {:<8} {}-{} §{}",
                r.id, sev, p.meta.standard, p.meta.edition, r.clause
            );
        }
    }
    0
}

/// `labelcheck packs --table PACK/TABLE`: the table as JSON on stdout; 2 when there is none.
fn pack_table(engine: &Engine, spec: &str) -> u8 {
    let Some((pack, table)) = spec.split_once('/') else {
        eprintln!("labelcheck: --table takes PACK/TABLE (gb21455-2019/grades), not `{spec}`");
        return 2;
    };
    match engine.table(pack, table) {
        Some(v) => match serde_json::to_string_pretty(&v) {
            Ok(text) => {
                println!("{text}");
                0
            }
            Err(e) => {
                eprintln!("labelcheck: {e}");
                2
            }
        },
        None => {
            eprintln!("labelcheck: no table `{table}` in a pack `{pack}`");
            2
        }
    }
}

fn packs(
    engine: &Engine,
    family: Option<&str>,
    market: Option<&str>,
    with_categories: bool,
    lang: Lang,
) -> u8 {
    let mut list: Vec<&labelcheck::pack::Pack> = engine
        .packs()
        .iter()
        .filter(|p| family.is_none_or(|f| p.meta.families.iter().any(|x| x == f)))
        .filter(|p| market.is_none_or(|m| p.meta.jurisdiction == m))
        .collect();
    list.sort_by(|a, b| {
        (
            &a.meta.jurisdiction,
            &a.meta.standard,
            a.meta.effective_from,
        )
            .cmp(&(
                &b.meta.jurisdiction,
                &b.meta.standard,
                b.meta.effective_from,
            ))
    });
    for p in list {
        let until = p
            .meta
            .effective_until
            .map(|d| d.to_string())
            .unwrap_or_else(|| "—".into());
        println!(
            "{:<3} {:<22} {}-{}  in force {} → {}  v{}  {} rules  sha256:{}",
            p.meta.jurisdiction,
            p.meta.id,
            p.meta.standard,
            p.meta.edition,
            p.meta.effective_from,
            until,
            p.meta.version,
            p.rules.len(),
            &p.hash[..16]
        );
        if with_categories {
            let cats = &engine.standards().catalogue.categories;
            for c in &p.meta.categories {
                let name = cats
                    .get(c)
                    .map(|c| {
                        if lang == Lang::Zh {
                            c.zh.as_str()
                        } else {
                            c.en.as_str()
                        }
                    })
                    .unwrap_or("");
                println!("      {c:<40} {name}");
            }
        }
    }
    0
}

fn product_types(engine: &Engine, market: Option<&str>, as_of: Option<&str>, lang: Lang) -> u8 {
    let date = match as_of {
        Some(s) => match Date::parse_iso(s) {
            Some(d) => d,
            None => {
                eprintln!("labelcheck: --as-of `{s}` is not a date in YYYY-MM-DD form");
                return 2;
            }
        },
        None => Date::today(),
    };
    if let Some(m) = market {
        if let Err(e) = engine.known_market(m) {
            eprintln!(
                "labelcheck: --market: {}",
                render::visible(&option_message(&e))
            );
            return 2;
        }
    }
    let text = |row: &serde_json::Value, k: &str| {
        row.get(k)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    for p in engine.packs() {
        if market.is_some_and(|m| m != p.meta.jurisdiction) {
            continue;
        }
        let Some(table) = p.tables.get("product_types") else {
            continue;
        };
        let title = if lang == Lang::Zh {
            &p.meta.title.zh
        } else {
            &p.meta.title.en
        };
        println!(
            "{} {}-{} ({}) — {title}",
            p.meta.jurisdiction, p.meta.standard, p.meta.edition, p.meta.id
        );
        for row in &table.rows {
            let from = Date::parse_iso(&text(row, "effective_from"));
            let until = Date::parse_iso(&text(row, "effective_until"));
            let status = match (from, until) {
                (_, Some(u)) if date >= u => "superseded",
                (Some(f), _) if date < f => "upcoming",
                _ => "in force",
            };
            let name = text(row, if lang == Lang::Zh { "zh" } else { "en" });
            let graded = match text(row, "pack").as_str() {
                "" => "not graded".to_string(),
                pack => format!("graded by {pack}"),
            };
            println!(
                "  {:<38} {:<18} {} → {}  {:<10} {}  {}{}",
                text(row, "category"),
                text(row, "standard"),
                from.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
                until.map(|d| d.to_string()).unwrap_or_else(|| "—".into()),
                status,
                graded,
                name,
                match text(row, "superseded_by").as_str() {
                    "" => String::new(),
                    s => format!(" (→ {s})"),
                }
            );
        }
    }
    0
}

fn categories(engine: &Engine, lang: Lang) -> u8 {
    for (id, c) in &engine.standards().catalogue.categories {
        println!("{id:<40} {}", if lang == Lang::Zh { &c.zh } else { &c.en });
    }
    0
}

fn test(engine: &Engine, dirs: &[PathBuf], require_coverage: bool) -> u8 {
    let default = [PathBuf::from("tests/suites")];
    let dirs: &[PathBuf] = if dirs.is_empty() { &default } else { dirs };
    let mut failed = 0;
    let mut total = 0;
    let mut coverage = labelcheck::suite::Coverage::default();
    for d in dirs {
        match labelcheck::suite::run_dir(engine, Path::new(d)) {
            Ok((results, cov)) => {
                for (k, v) in cov.failing_cases {
                    *coverage.failing_cases.entry(k).or_default() += v;
                }
                for (k, v) in cov.passing_cases {
                    *coverage.passing_cases.entry(k).or_default() += v;
                }
                for r in results {
                    total += 1;
                    if !r.passed {
                        failed += 1;
                        print!("{}", render::case_diff(&r));
                    }
                }
            }
            Err(e) => {
                eprintln!("labelcheck: {e}");
                return 2;
            }
        }
    }
    let gaps = coverage.gaps(engine);
    for g in &gaps {
        println!("coverage: {g}");
    }
    println!("{} passed, {} failed", total - failed, failed);
    if failed > 0 || (require_coverage && !gaps.is_empty()) {
        1
    } else {
        0
    }
}

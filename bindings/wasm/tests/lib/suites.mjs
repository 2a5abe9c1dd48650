// The regression-suite case semantics of core/src/suite.rs, in JavaScript, so the wasm build
// is judged by the same case files (tests/suites/**/*.json) as the Rust library:
//
// * `base` (relative to the suite file) patched by `patch` (RFC 7396 merge patch), or a whole
//   `label`, or `raw` input text;
// * `as_of` / `editions` from the case, else from the suite;
// * `expect` (rule + path) is exhaustive for the suite's `packs`, else for the pack named
//   like the suite's directory, else for all packs;
// * `expect_error` names the error kind (syntax / invalid / unknown / too_large);
// * a case may give a label's printed `text` (with `market`/`category` on the case or suite,
//   optional `extra`), read by checkText; `document` is a JSON subset the reader must build,
//   `unread` the texts of the lines it must leave unread, and an `expect` entry may name the
//   `span` text the finding must point at.

import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(fileURLToPath(new URL("../../../..", import.meta.url)));
export const SUITES = join(REPO, "tests", "suites");

const SUITE_KEYS = new Set(["description", "base", "as_of", "editions", "packs", "cases", "market", "category"]);
const CASE_KEYS = new Set([
  "name", "clause", "comment", "patch", "label", "raw", "as_of", "editions", "expect", "expect_error",
  "text", "market", "category", "extra", "document", "unread", "markets",
]);

/** RFC 7396 JSON merge patch; returns the patched value (the target is not modified). */
export function mergePatch(target, patch) {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) {
    return structuredClone(patch);
  }
  const out =
    target !== null && typeof target === "object" && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] === undefined ? null : out[k], v);
  }
  return out;
}

/** Every suite file under `dir`, sorted by path (as the Rust runner does). */
export function suiteFiles(dir = SUITES) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".json")) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function checkKeys(obj, allowed, where) {
  for (const k of Object.keys(obj)) {
    if (!allowed.has(k)) throw new Error(`${where}: unknown field \`${k}\``);
  }
}

/**
 * Reads a suite file into cases ready to run: { suite, name, input, options, expect,
 * expectError, packs }. `packIds` are the ids of the loaded packs (the default filter).
 */
export function loadSuite(file, packIds, root = SUITES) {
  const suite = relative(root, file);
  const spec = JSON.parse(readFileSync(file, "utf8"));
  checkKeys(spec, SUITE_KEYS, suite);
  if (!Array.isArray(spec.cases)) throw new Error(`${suite}: missing field \`cases\``);
  const base = spec.base != null ? JSON.parse(readFileSync(join(dirname(file), spec.base), "utf8")) : null;
  const dirName = basename(dirname(file));
  const packs = spec.packs != null ? spec.packs : packIds.includes(dirName) ? [dirName] : [];
  return spec.cases.map((c) => {
    checkKeys(c, CASE_KEYS, `${suite}: case \`${c.name}\``);
    let input;
    let text = null;
    if (c.text != null) {
      text = { text: c.text, market: c.market ?? spec.market, category: c.category ?? spec.category, extra: c.extra ?? null };
      input = c.text;
    } else if (c.raw != null) {
      input = c.raw;
    } else {
      let doc = c.label != null ? c.label : base;
      if (doc == null) throw new Error(`${suite}: case \`${c.name}\` has neither label nor base`);
      if (c.patch != null) doc = mergePatch(doc, c.patch);
      input = doc;
    }
    const editions = c.editions != null ? c.editions : spec.editions ?? [];
    const asOf = c.as_of ?? spec.as_of ?? undefined;
    return {
      suite,
      name: c.name,
      input,
      options: { ...(asOf ? { asOf } : {}), editions },
      expect: (c.expect ?? []).map((e) => ({ rule: e.rule, path: e.path })),
      spans: (c.expect ?? []).filter((e) => e.span != null),
      expectError: c.expect_error ?? null,
      packs,
      text,
      document: c.document ?? null,
      unread: c.unread ?? null,
      markets: c.markets ?? null,
    };
  });
}

const key = (e) => `${e.rule}\u0000${e.path}`;

/**
 * Runs one case on an engine. Returns { passed, missing, unexpected, error, report }.
 * `report` carries the trace, for coverage.
 */
export function runCase(engine, c) {
  const out = c.text
    ? engine.tryCheckText(c.text.text, {
        ...c.options, trace: true, lang: "en", market: c.text.market, category: c.text.category,
        ...(c.text.extra ? { extra: c.text.extra } : {}),
      })
    : c.markets
      ? combined(engine.tryCheckMarkets(c.input, c.markets, { ...c.options, trace: true, lang: "en" }))
      : engine.tryCheck(c.input, { ...c.options, trace: true, lang: "en" });
  const result = { passed: true, missing: [], unexpected: [], error: null, report: null };
  if (!out.ok) {
    if (c.expectError == null) {
      result.passed = false;
      result.error = `${out.error.kind}: ${out.error.message}`;
    } else if (out.error.kind !== c.expectError) {
      result.passed = false;
      result.error = `expected a \`${c.expectError}\` error, got \`${out.error.kind}\`: ${out.error.message}`;
    }
    return result;
  }
  result.report = out.value;
  if (c.expectError != null) {
    result.passed = false;
    result.error = `expected a \`${c.expectError}\` error, got a report`;
    return result;
  }
  const actual = new Map();
  for (const f of out.value.findings) {
    if (c.packs.length === 0 || c.packs.includes(f.citation.pack)) {
      if (!actual.has(key(f))) actual.set(key(f), f);
    }
  }
  const expected = new Map(c.expect.map((e) => [key(e), e]));
  for (const [k, e] of expected) if (!actual.has(k)) result.missing.push(e);
  for (const [k, f] of actual) {
    if (!expected.has(k)) result.unexpected.push({ rule: f.rule, path: f.path, message: f.text });
  }
  const problems = [];
  if (c.text) {
    for (const e of c.spans) {
      const hit = out.value.findings.some((f) => f.rule === e.rule && f.path === e.path && f.span?.text === e.span);
      if (!hit) problems.push(`expected ${e.rule} at ${e.path} pointing at “${e.span}”`);
    }
    const reading = out.value.text;
    if (c.document != null) subsetProblems(c.document, reading.document, "", problems);
    if (c.unread != null) {
      const got = reading.unread.map((u) => u.span.text);
      if (JSON.stringify(got) !== JSON.stringify(c.unread)) problems.push(`unread lines ${JSON.stringify(got)}, expected ${JSON.stringify(c.unread)}`);
    }
  }
  if (problems.length) result.error = problems.join("; ");
  result.passed = result.missing.length === 0 && result.unexpected.length === 0 && problems.length === 0;
  return result;
}

/** A multi-market outcome as one report: every market's findings and trace together. */
function combined(out) {
  if (!out.ok) return out;
  const reports = out.value.markets.map((m) => m.report);
  return {
    ok: true,
    value: {
      ...reports[0],
      verdict: out.value.verdict,
      findings: reports.flatMap((r) => r.findings),
      trace: reports.flatMap((r) => r.trace ?? []),
    },
  };
}

/** Where `want` is not a JSON subset of `got` (as core/src/suite.rs judges `document`). */
function subsetProblems(want, got, at, out) {
  const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObj(want) && isObj(got)) {
    for (const [k, v] of Object.entries(want)) {
      if (k in got) subsetProblems(v, got[k], `${at}/${k}`, out);
      else if (v !== null) out.push(`document ${at}/${k}: missing, expected ${JSON.stringify(v)}`);
    }
  } else if (Array.isArray(want) && Array.isArray(got) && want.length === got.length) {
    want.forEach((w, i) => subsetProblems(w, got[i], `${at}/${i}`, out));
  } else if (JSON.stringify(want) !== JSON.stringify(got)) {
    out.push(`document ${at}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
}

/** A readable account of a failed case (like `labelcheck test`). */
export function describeFailure(c, r) {
  const lines = [`${c.suite}: ${c.name}`];
  if (r.error) lines.push(`  error: ${r.error}`);
  for (const m of r.missing) lines.push(`  missing:    ${m.rule} ${m.path}`);
  for (const u of r.unexpected) lines.push(`  unexpected: ${u.rule} ${u.path} — ${u.message}`);
  return lines.join("\n");
}

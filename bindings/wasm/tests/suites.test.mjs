// The regression suites (tests/suites/**/*.json) run through the wasm build, with the case
// semantics implemented in JS (tests/lib/suites.mjs); then the same inputs through the native
// CLI, which must give identical reports, and identical coverage gaps.

import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Engine } from "labelcheck-wasm";
import { REPO, SUITES, describeFailure, loadSuite, runCase, suiteFiles } from "./lib/suites.mjs";

const engine = new Engine();
const packIds = engine.packs().map((p) => p.id);
const files = suiteFiles();
const suites = files.map((f) => ({ file: f, cases: loadSuite(f, packIds) }));
const allCases = suites.flatMap((s) => s.cases);

// Coverage, as the Rust harness counts it: a failing case per rule (a passing case that
// expects it) and a passing case (the rule evaluated and passed, in a suite whose packs own it).
const failingCases = new Map();
const passingCases = new Map();
const results = new Map();

describe("regression suites (wasm)", () => {
  it("finds the suite files", () => {
    assert.ok(files.length > 0, `no suites under ${SUITES}`);
    assert.ok(allCases.length > 0);
  });
  for (const s of suites) {
    describe(s.file.slice(SUITES.length + 1), () => {
      for (const c of s.cases) {
        it(c.name, () => {
          const r = runCase(engine, c);
          results.set(c, r);
          const own = new Set(
            engine
              .packs()
              .filter((p) => c.packs.length === 0 || c.packs.includes(p.id))
              .flatMap((p) => engine.rules({ pack: p.id }).map((r) => r.id)),
          );
          if (r.passed) {
            for (const e of c.expect) failingCases.set(e.rule, (failingCases.get(e.rule) ?? 0) + 1);
          }
          for (const t of r.report?.trace ?? []) {
            if (t.outcome === "pass" && own.has(t.rule)) {
              passingCases.set(t.rule, (passingCases.get(t.rule) ?? 0) + 1);
            }
          }
          assert.ok(r.passed, describeFailure(c, r));
        });
      }
    });
  }
});

/** The rules lacking a failing or a passing case, worded as `labelcheck test` does. */
function gaps() {
  const out = [];
  for (const r of engine.rules()) {
    const lacks = [];
    if (!failingCases.get(r.id)) lacks.push("a failing case");
    if (!passingCases.get(r.id)) lacks.push("a passing case");
    if (lacks.length) out.push(`${r.id} lacks ${lacks.join(" and ")}`);
  }
  return out;
}

// ------------------------------------------------------------------ native cross-check ---

const target = process.env.CARGO_TARGET_DIR ?? "/var/tmp/labelcheck-target";
const cli = process.env.LABELCHECK_CLI ?? join(target, "debug", "labelcheck");
const haveCli = existsSync(cli);

function run(args) {
  const r = spawnSync(cli, args, { cwd: REPO, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return r;
}

describe("same results as the native library", { skip: !haveCli && `no CLI at ${cli} (set LABELCHECK_CLI)` }, () => {
  let sameStandards = true;
  before(() => {
    // Both builds must embed the same standards (others may edit packs between builds).
    const native = run(["packs"]).stdout;
    for (const p of engine.packs()) {
      if (!native.includes(`sha256:${p.hash.slice(0, 16)}`)) sameStandards = false;
    }
  });

  it("every case: identical report or identical error kind and path", (t) => {
    if (!sameStandards) {
      t.skip("the CLI and the wasm build embed different standards: rebuild both");
      return;
    }
    // Group cases by options; one CLI run per group, one file per case.
    const dir = mkdtempSync(join(tmpdir(), "labelcheck-wasm-"));
    try {
      const groups = new Map();
      allCases.forEach((c, i) => {
        if (c.text || c.markets) return; // text and multi-market cases: compared below
        const k = JSON.stringify([c.options.asOf ?? null, c.options.editions]);
        if (!groups.has(k)) groups.set(k, []);
        const text = typeof c.input === "string" ? c.input : JSON.stringify(c.input);
        const file = join(dir, `case-${i}.json`);
        writeFileSync(file, text);
        groups.get(k).push({ c, text, file });
      });
      let compared = 0;
      for (const [k, items] of groups) {
        const [asOf, editions] = JSON.parse(k);
        const args = ["check", "--format", "json"];
        if (asOf) args.push("--as-of", asOf);
        for (const e of editions) args.push("--edition", e);
        const out = run([...args, ...items.map((i) => i.file)]);
        const lines = out.stdout.split("\n").filter((l) => l.trim());
        const byInput = new Map(lines.map((l) => JSON.parse(l)).map((o) => [o.input, o]));
        for (const { c, text, file } of items) {
          const native = byInput.get(file);
          assert.ok(native, `${c.suite}: ${c.name}: no native result (stderr: ${out.stderr})`);
          const wasm = engine.tryCheck(text, { ...c.options });
          const what = `${c.suite}: ${c.name}`;
          if (native.report && native.report.verdict === "not_checked") {
            // The CLI prints the empty report (and exits 2); the binding reports an error.
            assert.equal(wasm.ok, false, `${what}: native not checked, wasm did not say so`);
            assert.equal(wasm.error.kind, "not_checked", what);
          } else if (native.error) {
            assert.equal(wasm.ok, false, `${what}: native failed (${JSON.stringify(native.error)}), wasm did not`);
            const kind = native.error.kind ?? native.error.error;
            assert.equal(wasm.error.kind, kind, what);
            assert.equal(wasm.error.path, native.error.path, what);
            for (const k of ["line", "column", "size", "limit"]) {
              if (native.error[k]) assert.equal(wasm.error[k], native.error[k], `${what}: ${k}`);
            }
          } else {
            assert.equal(wasm.ok, true, `${what}: wasm failed: ${JSON.stringify(wasm.error)}`);
            const report = structuredClone(wasm.value);
            for (const f of report.findings) delete f.text; // the binding's addition
            assert.deepStrictEqual(report, native.report, what);
          }
          compared++;
        }
      }
      t.diagnostic(`${compared} cases compared with ${cli}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every multi-market case: identical reports per market (`check --market A,B`)", (t) => {
    if (!sameStandards) {
      t.skip("the CLI and the wasm build embed different standards: rebuild both");
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "labelcheck-wasm-markets-"));
    try {
      let compared = 0;
      allCases.forEach((c, i) => {
        if (!c.markets) return;
        const text = typeof c.input === "string" ? c.input : JSON.stringify(c.input);
        const file = join(dir, `case-${i}.json`);
        writeFileSync(file, text);
        const args = ["check", "--format", "json", "--market", c.markets.join(",")];
        if (c.options.asOf) args.push("--as-of", c.options.asOf);
        const native = JSON.parse(run([...args, file]).stdout);
        const wasm = engine.tryCheckMarkets(text, c.markets, { ...c.options });
        const what = `${c.suite}: ${c.name}`;
        assert.equal(wasm.ok, true, `${what}: wasm failed: ${JSON.stringify(wasm.error)}`);
        const value = structuredClone(wasm.value);
        for (const m of value.markets) for (const f of m.report.findings) delete f.text;
        assert.deepStrictEqual(value, native.markets, what);
        compared++;
      });
      assert.ok(compared > 0, "no multi-market case under tests/suites");
      t.diagnostic(`${compared} multi-market cases compared with ${cli}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("identical coverage gaps and case counts as `labelcheck test`", (t) => {
    if (!sameStandards) {
      t.skip("the CLI and the wasm build embed different standards: rebuild both");
      return;
    }
    if (results.size !== allCases.length) {
      t.skip("run together with the suite cases above");
      return;
    }
    const out = run(["test", "tests/suites"]).stdout;
    const nativeGaps = out.split("\n").filter((l) => l.startsWith("coverage: ")).map((l) => l.slice(10));
    assert.deepStrictEqual(gaps().sort(), nativeGaps.sort());
    const m = out.match(/^(\d+) passed, (\d+) failed$/m);
    assert.ok(m, out);
    const failed = [...results.values()].filter((r) => !r.passed).length;
    assert.deepStrictEqual([results.size - failed, failed], [Number(m[1]), Number(m[2])]);
    for (const g of gaps()) t.diagnostic(`coverage: ${g}`);
  });
});

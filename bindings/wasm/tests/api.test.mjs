// The JS API of the Node build: check / compare / listings, spans for highlighting, and
// structured errors for every kind of bad input (never a trap, never a foreign exception).

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Engine, isLabelcheckError, version } from "labelcheck-wasm";
import { REPO } from "./lib/suites.mjs";

const t0 = performance.now();
const engine = new Engine();
const loadMs = performance.now() - t0;
const milk = () => JSON.parse(readFileSync(join(REPO, "examples", "uht-milk.json"), "utf8"));
const SUGAR_FIRST = "配料：白砂糖、生牛乳(≥80%)、水、燕麦粉、食品添加剂（单，双甘油脂肪酸酯、卡拉胶）、食用香精";
const ORDER = "GB7718-2011/4.1.3.1.2/descending-order";
const KINDS = ["syntax", "invalid", "unknown", "too_large", "pack", "option", "io", "not_checked"];

describe("engine", () => {
  it("loads the embedded packs", (t) => {
    t.diagnostic(`Engine() ${loadMs.toFixed(0)} ms`);
    assert.match(version(), /^\d+\.\d+\.\d+/);
    const packs = engine.packs();
    assert.ok(packs.some((p) => p.id === "gb7718-2011"));
    for (const p of packs) {
      assert.match(p.hash, /^[0-9a-f]{64}$/);
      assert.match(p.effective_from, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(typeof p.title.zh, "string");
    }
  });

  it("warmUp compiles a market's packs, and a warmed engine checks as before", () => {
    const fresh = new Engine();
    const us = fresh.packs().filter((p) => p.jurisdiction === "US" || p.jurisdiction === "*").length;
    assert.ok(us >= 2);
    const t = performance.now();
    assert.equal(fresh.warmUp("US"), us);
    const warm = performance.now() - t;
    assert.equal(fresh.warmUp(), fresh.packs().length);
    const bar = readFileSync(join(REPO, "examples", "us-granola-bar.json"), "utf8");
    assert.deepStrictEqual(fresh.check(bar), engine.check(bar));
    void warm;
  });

  it("gives a pack's table as the pack holds it, undefined for an unknown one", () => {
    const t = engine.table("gb21455-2019", "grades");
    assert.equal(t.pack, "gb21455-2019");
    assert.equal(t.table, "grades");
    assert.equal(t.key, "id");
    assert.match(t.clause, /4\.2/);
    // GB 21455-2019 table 1, heat pump, CC ≤ 4500 W: grade 1 from APF 5.00.
    const g1 = t.rows.find((r) => r.id === "split_heat_pump|b1|1");
    assert.equal(g1.min, 5);
    assert.equal(g1.max, undefined);
    assert.equal(t.rows.length, 30);
    assert.equal(engine.table("gb21455-2019", "no_such_table"), undefined);
    assert.equal(engine.table("no-such-pack", "grades"), undefined);
  });

  it("lists rules, filters them and explains one", () => {
    const all = engine.rules();
    assert.ok(all.length > 0);
    const own = engine.rules({ pack: "gb7718-2011" });
    assert.ok(own.length > 0 && own.every((r) => r.pack === "gb7718-2011"));
    const byTopic = engine.rules({ topic: "ingredients" });
    assert.ok(byTopic.every((r) => r.topic === "ingredients" || r.topic.startsWith("ingredients.")));
    const r = engine.rule(ORDER);
    assert.equal(r.check, "descending_order");
    assert.equal(r.standard, "GB 7718");
    assert.equal(r.severity, "error");
    assert.match(r.file, /^packs\/gb7718-2011\//);
    // The browser build ships no TOML text; rule lines come from build time and must point
    // at the rule's `id = "…"` line, as in the native build.
    assert.ok(all.every((x) => Number.isInteger(x.line) && x.line > 0), "every rule has a line");
    const text = readFileSync(join(REPO, "standards", r.file), "utf8").split("\n");
    assert.ok(text[r.line - 1].includes(`"${ORDER}"`), `line ${r.line} of ${r.file}`);
    assert.equal(engine.rule("no/such/rule"), undefined);
    assert.throws(() => engine.rules({ packs: "x" }), (e) => isLabelcheckError(e) && e.kind === "option");
  });

  it("lists categories and markets", () => {
    const cats = engine.categories();
    const milkCat = cats.find((c) => c.id === "food.dairy.modified_milk");
    assert.ok(milkCat && milkCat.zh && milkCat.en);
    assert.ok(Array.isArray(milkCat.tags));
    assert.ok(engine.markets().some((m) => m.id === "CN"));
  });
});

describe("check", () => {
  it("a clean example passes, from an object and from JSON text alike", () => {
    const label = milk();
    const a = engine.check(label);
    const b = engine.check(JSON.stringify(label));
    assert.deepStrictEqual(a, b);
    assert.equal(a.as_of, "2026-11-26");
    assert.equal(a.label_id, "example-uht-milk");
    assert.ok(a.packs.length > 0);
    assert.ok(a.rules_evaluated > 0);
  });

  it("findings carry the JSON pointer, the span in UTF-16 units and text in the chosen language", () => {
    const label = milk();
    label.ingredients.text = SUGAR_FIRST;
    const zh = engine.check(label, { asOf: "2026-11-26" });
    const en = engine.check(label, { asOf: "2026-11-26", lang: "en" });
    const order = zh.findings.filter((f) => f.rule === ORDER);
    assert.deepStrictEqual(order.map((f) => f.path), ["/ingredients/items/1", "/ingredients/items/2"]);
    const f = order[0];
    assert.equal(f.text, f.message.zh);
    assert.equal(en.findings.find((g) => g.rule === ORDER).text, f.message.en);
    assert.equal(f.severity, "error");
    assert.equal(f.citation.standard, "GB 7718");
    assert.equal(f.citation.clause, "4.1.3.1.2");
    assert.equal(f.span.field, "/ingredients/text");
    assert.equal(SUGAR_FIRST.slice(f.span.utf16_start, f.span.utf16_end), f.span.text);
    assert.ok(f.span.text.startsWith("生牛乳"));
    assert.equal(zh.verdict, "fail");
  });

  it("UTF-16 offsets differ from character offsets past astral characters, and index JS strings", () => {
    const label = milk();
    // 𠮷 (U+20BB7) is two UTF-16 code units.
    label.ingredients.text = "配料：白砂糖𠮷、生牛乳(≥80%)、水、燕麦粉、食用香精";
    label.ingredients.recipe = [
      { name: "白砂糖𠮷", percent: 6 },
      { name: "水", percent: 9.5 },
      { name: "燕麦粉", percent: 2 },
      { name: "食用香精", percent: 0.05 },
    ];
    const r = engine.check(label);
    const f = r.findings.find((g) => g.rule === ORDER && g.span);
    assert.ok(f, JSON.stringify(r.findings.map((g) => [g.rule, g.path])));
    assert.equal(f.span.utf16_start, f.span.start + 1);
    assert.equal(label.ingredients.text.slice(f.span.utf16_start, f.span.utf16_end), f.span.text);
  });

  it("editions: early adoption of 2025 applies the 2025 packs", () => {
    const r = engine.check(milk(), { asOf: "2026-11-26", editions: ["2025"] });
    assert.ok(r.packs.some((p) => p.id === "gb7718-2025"));
    const r2 = engine.check(milk(), { asOf: "2026-11-26", editions: ["GB 7718-2025"] });
    assert.ok(r2.packs.some((p) => p.id === "gb7718-2025"));
    assert.ok(r2.packs.some((p) => p.id === "gb28050-2011"));
  });

  it("trace lists every rule's outcome", () => {
    const r = engine.check(milk(), { trace: true });
    assert.ok(r.trace.length >= r.rules_evaluated);
    assert.ok(r.trace.every((t) => ["pass", "fail", "skip", "not_applicable"].includes(t.outcome)));
  });

  it("without asOf or check_date the JS clock gives today's date", () => {
    const label = milk();
    delete label.check_date;
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    assert.equal(engine.check(label).as_of, today);
    assert.equal(engine.check(label, { asOf: "2027-06-01" }).as_of, "2027-06-01");
  });
});

describe("not checked", () => {
  it("a label no pack applies to is an error of kind not_checked, never a pass", () => {
    const out = engine.tryCheck(milk(), { asOf: "2005-01-01" });
    assert.equal(out.ok, false);
    assert.equal(out.error.kind, "not_checked");
    assert.match(out.error.message, /2005-01-01/);
    assert.throws(() => engine.check(milk(), { asOf: "2005-01-01" }), (e) => isLabelcheckError(e) && e.kind === "not_checked");
  });
});

describe("rule selection", () => {
  it("runs only the rules `only` names and refuses a selection that names nothing", () => {
    const label = JSON.parse(readFileSync(join(REPO, "examples", "faulty", "uht-milk-faulty.json"), "utf8"));
    const one = engine.check(label, { asOf: "2026-11-26", only: "pack:gb7718-2011" });
    assert.deepEqual(one.findings.map((f) => f.rule), [ORDER]);
    const bad = engine.tryCheck(label, { only: "pack:nope" });
    assert.equal(bad.ok, false);
    assert.equal(bad.error.kind, "option");
    const malformed = engine.tryCheck(label, { only: "colour:red" });
    assert.equal(malformed.error.kind, "option");
    assert.equal(malformed.error.path, "/only");
  });
});

describe("omitSkipped", () => {
  it("leaves the list of skipped rules out and keeps the rest of the report, in check and checkText", () => {
    const label = JSON.parse(readFileSync(join(REPO, "examples", "faulty", "uht-milk-faulty.json"), "utf8"));
    const full = engine.check(label, { asOf: "2026-11-26" });
    const brief = engine.check(label, { asOf: "2026-11-26", omitSkipped: true });
    assert.ok(full.skipped.length > 0);
    assert.equal(full.rules_skipped, full.skipped.length);
    assert.deepEqual(brief.skipped, []);
    assert.deepEqual(brief, { ...full, skipped: [] });
    const text = "产品名称：纯牛奶\n配料：生牛乳\n净含量：250 mL";
    const textOpts = { market: "CN", category: "food.dairy.sterilized_milk", asOf: "2026-12-01" };
    const t = engine.checkText(text, textOpts);
    const tb = engine.checkText(text, { ...textOpts, omitSkipped: true });
    assert.ok(t.skipped.length > 0);
    assert.deepEqual(tb, { ...t, skipped: [] });
  });
});

describe("compare", () => {
  it("in force vs latest editions", () => {
    const label = milk();
    label.ingredients.text = SUGAR_FIRST;
    const c = engine.compare(label, { lang: "en" });
    assert.ok(c.current.packs.some((p) => p.id === "gb7718-2011"));
    assert.ok(c.next.packs.some((p) => p.id === "gb7718-2025"));
    for (const f of [...c.newly_failing, ...c.resolved, ...c.current.findings, ...c.next.findings]) {
      assert.equal(f.text, f.message.en);
    }
    const ok = engine.tryCompare("{", {});
    assert.equal(ok.ok, false);
    assert.equal(ok.error.kind, "syntax");
  });
});

describe("report shape", () => {
  it("checkMarkets and compare give findings and reports keyed as check's: struct order, text last", () => {
    const label = milk();
    label.ingredients.text = SUGAR_FIRST;
    const opts = { asOf: "2026-11-26", lang: "en" };
    const one = engine.check(label, opts);
    assert.ok(one.findings.length > 0);
    const findingKeys = Object.keys(one.findings[0]);
    assert.equal(findingKeys.at(-1), "text");
    const many = engine.checkMarkets(label, [label.market], opts);
    const report = many.markets[0].report;
    assert.deepEqual(report, one);
    assert.deepEqual(Object.keys(report), Object.keys(one));
    const c = engine.compare(label, opts);
    assert.deepEqual(Object.keys(c.current), Object.keys(one));
    for (const f of [...report.findings, ...c.current.findings, ...c.next.findings, ...c.newly_failing]) {
      assert.deepEqual(Object.keys(f).filter((k) => findingKeys.includes(k)), findingKeys.filter((k) => k in f));
      assert.equal(Object.keys(f).at(-1), "text");
    }
  });
});

describe("bad input: structured errors, never a trap", () => {
  const cases = [
    ["truncated JSON", "{\"market\": \"CN\",", "syntax"],
    ["not JSON", "garbage", "syntax"],
    ["wrong type", { market: "CN", category: 5 }, "invalid", "/category"],
    ["unknown field", { market: "CN", category: "food.dairy.modified_milk", colour: "red" }, "invalid"],
    ["negative number", { market: "CN", category: "food", net_content: { value: -1 } }, "invalid", "/net_content/value"],
    ["unknown market", { market: "XX", category: "food" }, "unknown", "/market"],
    ["unknown category", { market: "CN", category: "food.nope" }, "unknown", "/category"],
    ["too large", JSON.stringify({ market: "CN", category: "food", storage: "x".repeat(4 << 20) }), "too_large"],
    ["undefined", undefined, "invalid", ""],
    ["null", null, "invalid", ""],
    ["a number", 42, "invalid"],
    ["an array", [1, 2], "invalid"],
    ["a BigInt inside", { market: "CN", category: "food", n: 10n }, "invalid", ""],
    ["a function", () => 1, "invalid", ""],
  ];
  for (const [name, input, kind, path] of cases) {
    it(name, () => {
      const out = engine.tryCheck(input, { asOf: "2026-11-26" });
      assert.equal(out.ok, false);
      assert.equal(out.error.kind, kind, JSON.stringify(out.error));
      if (path !== undefined) assert.equal(out.error.path, path);
      assert.equal(typeof out.error.message, "string");
      assert.throws(
        () => engine.check(input, { asOf: "2026-11-26" }),
        (e) => e instanceof Error && isLabelcheckError(e) && e.name === "LabelcheckError" && e.kind === kind,
      );
    });
  }

  it("syntax errors carry line and column", () => {
    const out = engine.tryCheck('{\n  "market": "CN",\n  "category": }', {});
    assert.equal(out.error.kind, "syntax");
    assert.equal(out.error.line, 3);
    assert.ok(out.error.column > 0);
  });

  it("non-finite numbers are refused at their pointer, not read as null", () => {
    for (const [v, word] of [[NaN, "NaN"], [Infinity, "Infinity"], [-Infinity, "-Infinity"]]) {
      const label = milk();
      label.net_content.value = v;
      const out = engine.tryCheck(label, { asOf: "2026-11-26" });
      assert.equal(out.ok, false, word);
      assert.equal(out.error.kind, "invalid");
      assert.equal(out.error.path, "/net_content/value");
      assert.match(out.error.message, new RegExp(`${word} is not a finite number`));
    }
    // A NaN where a value is required used to turn into null and pass the rule.
    const label = milk();
    label.nutrition.rows[0].value = NaN;
    assert.equal(engine.tryCheck(label).error.path, "/nutrition/rows/0/value");
  });

  it("lone surrogates are refused, not turned into U+FFFD", () => {
    const label = milk();
    label.storage = "冷藏\ud800";
    let out = engine.tryCheck(label);
    assert.equal(out.error.kind, "invalid");
    assert.equal(out.error.path, "/storage");
    const withKey = milk();
    withKey.extensions = { ["k\udc00"]: 1 };
    out = engine.tryCheck(withKey);
    assert.equal(out.error.kind, "invalid");
    out = engine.tryCheck(JSON.stringify(milk()).replace("冷藏", "冷藏\ud800"));
    assert.equal(out.error.kind, "syntax");
    // A proper pair is fine.
    const ok = milk();
    ok.storage = "冷藏 😀";
    assert.equal(engine.tryCheck(ok, { asOf: "2026-11-26" }).ok, true);
  });

  it("an array of labels is told apart from a label", () => {
    const out = engine.tryCheck([milk()]);
    assert.equal(out.error.kind, "invalid");
    assert.equal(out.error.path, "");
    assert.match(out.error.message, /a label is a JSON object; found an array/);
  });

  it("a cyclic object", () => {
    const o = { market: "CN", category: "food" };
    o.self = o;
    const out = engine.tryCheck(o);
    assert.equal(out.error.kind, "invalid");
  });

  it("bad options", () => {
    const label = milk();
    for (const [opts, path] of [
      [{ asOf: "2026-13-01" }, "/asOf"],
      [{ asOf: "tomorrow" }, "/asOf"],
      [{ lang: "fr" }],
      [{ editions: "2025" }],
      [{ bogus: true }],
      ["asOf"],
      [[1]],
    ]) {
      const out = engine.tryCheck(label, opts);
      assert.equal(out.ok, false, JSON.stringify(opts));
      assert.equal(out.error.kind, "option");
      if (path) assert.equal(out.error.path, path);
    }
    assert.equal(engine.tryCheck(label, null).ok, true);
    assert.equal(engine.tryCheck(label, { as_of: "2026-11-26" }).ok, true);
  });

  it("mangled labels never throw from tryCheck", () => {
    const text = JSON.stringify(milk());
    let seed = 7;
    const rnd = (n) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    const pieces = ['"', "{", "}", "[", "]", ",", ":", "null", "-1", "1e999", "\\u0000", "生", "\ud800", "99999999999999999999"];
    let errors = 0;
    for (let i = 0; i < 300; i++) {
      let s = text;
      for (let k = 0; k <= rnd(3); k++) {
        const at = rnd(s.length);
        s = rnd(2) ? s.slice(0, at) + pieces[rnd(pieces.length)] + s.slice(at + 1) : s.slice(0, at);
      }
      const out = engine.tryCheck(s, { asOf: "2026-11-26" });
      if (!out.ok) {
        errors++;
        assert.ok(KINDS.includes(out.error.kind), JSON.stringify(out.error));
      } else {
        assert.ok(Array.isArray(out.value.findings));
      }
    }
    assert.ok(errors > 0);
  });
});

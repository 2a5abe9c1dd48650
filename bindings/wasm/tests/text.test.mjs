// Labels as printed text in JavaScript: checkText gives the JSON twin's findings, with spans
// whose UTF-16 offsets index the pasted string (what a web form highlights).

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Engine, isLabelcheckError } from "labelcheck-wasm";
import { REPO } from "./lib/suites.mjs";

const engine = new Engine();
const dir = join(REPO, "examples", "text");
const key = (f) => `${f.rule} ${f.path} ${f.severity}`;

describe("checkText", () => {
  for (const name of ["uht-milk", "butter-cookies", "imported-wine", "faulty/peanut-cookies"]) {
    it(`${name}: same findings as the JSON twin, spans into the text`, () => {
      const text = readFileSync(join(dir, `${name}.txt`), "utf8");
      const twin = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"));
      const r = engine.checkText(text, { market: twin.market, category: twin.category, asOf: twin.check_date });
      const j = engine.check(twin);
      assert.deepEqual(r.findings.map(key).sort(), j.findings.map(key).sort());
      assert.deepEqual(r.text.document, twin);
      for (const f of r.findings) {
        if (f.span && f.span.field === "/text") {
          assert.equal(text.slice(f.span.utf16_start, f.span.utf16_end), f.span.text);
        }
      }
    });
  }

  it("points a finding at the characters of the pasted text", () => {
    const text = readFileSync(join(dir, "faulty", "peanut-cookies.txt"), "utf8");
    const r = engine.checkText(text, { market: "CN", category: "food.bakery", asOf: "2026-12-01" });
    const f = r.findings.find((f) => f.rule === "GB7718-2011/4.1.3.1.2/descending-order");
    assert.equal(text.slice(f.span.utf16_start, f.span.utf16_end), "白砂糖（25%）");
  });

  it("lists unread lines, and refuses missing options with a structured error", () => {
    const r = engine.checkText("配料：水\n这一行没有标题：", { market: "CN", category: "food.beverage", asOf: "2026-12-01" });
    assert.deepEqual(r.text.unread.map((u) => u.span.text), ["这一行没有标题："]);
    assert.throws(() => engine.checkText("配料：水"), (e) => isLabelcheckError(e) && e.kind === "option");
    const bad = engine.tryCheckText("配料：水", { market: "CN", category: "food", extra: [1] });
    assert.equal(bad.ok, false);
    assert.equal(bad.error.path, "/extra");
    const unknown = engine.tryCheckText("配料：水", { market: "CN", category: "no.such" });
    assert.equal(unknown.error.kind, "unknown");
  });

  it("survives hostile text", () => {
    for (const text of ["\u0000\uffff".repeat(10000), "配料：".repeat(20000), "\n".repeat(50000), "能量 1e999kJ"]) {
      const r = engine.tryCheckText(text, { market: "CN", category: "food", asOf: "2026-12-01" });
      assert.equal(typeof r.ok, "boolean");
    }
  });
});

// The native CLI's `--format sarif` output validated against the SARIF 2.1.0 JSON schema
// (OASIS, as shipped in the @microsoft/jest-sarif package) with ajv. It lives with the Node
// tests because that is where a JSON-schema validator and the schema are installed; it needs
// the native CLI the cross-check already builds (LABELCHECK_CLI).

import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "./lib/suites.mjs";

const require = createRequire(import.meta.url);
const Ajv = require("ajv");
const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

const target = process.env.CARGO_TARGET_DIR ?? "/var/tmp/labelcheck-target";
const cli = process.env.LABELCHECK_CLI ?? join(target, "debug", "labelcheck");
const haveCli = existsSync(cli);

function sarif(args) {
  let out;
  try {
    out = execFileSync(cli, ["check", ...args, "--format", "sarif", "--lang", "en"], { cwd: REPO, encoding: "utf8" });
  } catch (e) {
    out = e.stdout; // exit 1 (error findings) or 2 (bad input) still prints the log
  }
  return JSON.parse(out);
}

describe("CLI --format sarif", { skip: !haveCli && `no CLI at ${cli} (set LABELCHECK_CLI)` }, () => {
  const ajv = new Ajv({ allErrors: true, schemaId: "auto" });
  ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json"));
  const validate = ajv.compile(schema);

  it("is a valid SARIF 2.1.0 log: findings, rule metadata, an unreadable input, JSON Lines", () => {
    const dir = mkdtempSync(join(tmpdir(), "labelcheck-sarif-"));
    const milk = JSON.parse(readFileSync(join(REPO, "examples", "faulty", "uht-milk-faulty.json"), "utf8"));
    const jsonl = join(dir, "two labels.jsonl");
    writeFileSync(jsonl, JSON.stringify(milk) + "\n{\"market\":\n");
    const log = sarif(["examples/faulty/uht-milk-faulty.json", "examples/faulty/cashmere-sweater-hang-tag.json", jsonl, "/nonexistent.json"]);
    const ok = validate(log);
    assert.ok(ok, JSON.stringify(validate.errors, null, 1));
    const run = log.runs[0];
    assert.equal(log.version, "2.1.0");
    assert.equal(run.tool.driver.name, "labelcheck");
    // 3 findings in the faulty milk (twice: file and JSONL line 1) + 1 in the sweater.
    assert.equal(run.results.length, 7);
    for (const r of run.results) {
      const rule = run.tool.driver.rules[r.ruleIndex];
      assert.equal(rule.id, r.ruleId);
      assert.ok(rule.properties.clause && rule.properties.standard, JSON.stringify(rule));
      assert.ok(r.locations[0].logicalLocations[0].fullyQualifiedName.startsWith("/"));
    }
    // JSON Lines results point at the file with the line as a region, not at "file:1".
    const fromJsonl = run.results.filter((r) => r.locations[0].physicalLocation.region);
    assert.equal(fromJsonl.length, 3);
    assert.ok(fromJsonl.every((r) => r.locations[0].physicalLocation.region.startLine === 1));
    assert.ok(fromJsonl.every((r) => r.locations[0].physicalLocation.artifactLocation.uri.endsWith("two%20labels.jsonl")));
    // The broken JSONL line and the missing file are tool execution notifications.
    const notes = run.invocations[0].toolExecutionNotifications;
    assert.equal(run.invocations[0].executionSuccessful, false);
    assert.equal(notes.length, 2);
    assert.equal(notes[0].locations[0].physicalLocation.region.startLine, 2);
  });

  it("a clean label gives an empty, valid result list", () => {
    const log = sarif(["examples/uht-milk.json"]);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
    assert.equal(log.runs[0].results.length, 0);
    assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
  });
});

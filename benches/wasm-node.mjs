// The wasm build in Node against native, per label: `node benches/wasm-node.mjs labels.jsonl`.
// Needs bindings/wasm/pkg/node (built by `bash bindings/wasm/test.sh`). Labels go in as JSON
// text, the same path as the native `check_json`. Prints cold start (`new Engine()`), the first
// check (which compiles the packs it needs) and µs per label (best of 5).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { Engine } = require(join(here, "..", "bindings", "wasm", "pkg", "node", "labelcheck_wasm.js"));
// `--warm-up`: call `engine.warmUp("CN")` (what a web form does when the page is idle) before
// the first check, and print its time separately.
const warmUp = process.argv.includes("--warm-up");
const file = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "/var/tmp/labelcheck-corpus/labels-1000.jsonl";
const lines = readFileSync(file, "utf8").split("\n").filter((l) => l.trim());

let t = performance.now();
const engine = new Engine();
const cold = performance.now() - t;
let warmed = "";
if (warmUp) {
  t = performance.now();
  engine.warmUp("CN");
  warmed = ` warmUp("CN") ${(performance.now() - t).toFixed(1)} ms, then`;
}
// `--omit-skipped`: reports without the list of skipped rules (what a form checking as the
// user types asks for; the list is most of a report's bytes).
const opts = process.argv.includes("--omit-skipped") ? { omitSkipped: true } : {};
// The first check compiles the packs the label needs (pack bodies are compiled on first use).
t = performance.now();
engine.tryCheck(lines[0], opts);
const first = performance.now() - t;
let best = Infinity;
for (let pass = 0; pass < 5; pass++) {
  t = performance.now();
  for (const l of lines) engine.tryCheck(l, opts);
  best = Math.min(best, performance.now() - t);
}
t = performance.now();
for (let pass = 0; pass < 5; pass++) for (const l of lines) JSON.parse(l);
const parse = (performance.now() - t) / 5;
// The same first check on a warm V8 (new Engine + first label, the module's code already
// compiled by the runs above): what the engine itself costs, without V8 compiling the wasm
// code a first check touches (lazy compilation, tier-up), which is most of `first` above.
const warm = [];
for (let i = 0; i < 25; i++) {
  t = performance.now();
  const e = new Engine();
  e.tryCheck(lines[0], opts);
  warm.push(performance.now() - t);
  e.free();
}
warm.sort((a, b) => a - b);
console.log(
  `wasm (Node ${process.version}): cold start ${cold.toFixed(1)} ms;${warmed} first check ${first.toFixed(1)} ms (warm V8: new engine + first check ${warm[12].toFixed(1)} ms); check ${((best * 1000) / lines.length).toFixed(1)} µs/label; ` +
    `JSON.parse ${((parse * 1000) / lines.length).toFixed(1)} µs/label (${lines.length} labels)`,
);

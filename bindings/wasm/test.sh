#!/usr/bin/env bash
# Builds the WebAssembly binding and runs its tests, installing what it needs first:
#   wasm32 target, wasm-bindgen-cli (= the version in Cargo.lock), Chromium (Debian), npm deps.
# Output: bindings/wasm/pkg/ — an npm package with an ES-module web build (pkg/web) and a
# CommonJS Node build (pkg/node), TypeScript declarations derived from the Rust types.
#
#   bash bindings/wasm/test.sh            # everything
#   WASM_OPT=1 bash bindings/wasm/test.sh # also run wasm-opt -Oz (npm binaryen, ~50 s). Off by default:
#                                         # measured here it saves ~6 % raw but adds ~8 % gzip/brotli
#                                         # (the transfer size), so the shipped module skips it.
#   BROWSER=0 …                           # skip the headless-Chromium test
#   NATIVE=0 …                            # skip the cross-check against the native CLI
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$HERE"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/labelcheck-target}"
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
WASM_OPT="${WASM_OPT:-0}"
BROWSER="${BROWSER:-1}"
NATIVE="${NATIVE:-1}"

T0=$(date +%s.%N)
LAST=$T0
TIMES=()
step() { printf '\n=== %s\n' "$*"; }
lap() {
  local now; now=$(date +%s.%N)
  TIMES+=("$(awk -v a="$LAST" -v b="$now" -v n="$1" 'BEGIN { printf "%-28s %6.1f s", n, b - a }')")
  LAST=$now
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive

# ----------------------------------------------------------------------------- tools ---
step "tools"
command -v cargo >/dev/null || { echo "cargo is required (rustup)"; exit 2; }
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
WBG=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")
[ -n "$WBG" ] || { echo "no wasm-bindgen in Cargo.lock"; exit 2; }
HAVE=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$HAVE" != "$WBG" ]; then
  echo "installing wasm-bindgen-cli $WBG (have: ${HAVE:-none}); takes about 4 min"
  # Not --locked: the registry here lacks a crate version the CLI's lockfile pins.
  cargo install wasm-bindgen-cli --version "$WBG"
fi
wasm-bindgen --version
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  as_root apt-get update && as_root apt-get install -y nodejs npm
fi
if [ "$BROWSER" = 1 ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # A CJK font, or the screenshot shows boxes for every Chinese character.
  [ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing+=(fonts-wqy-zenhei)
  if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update && as_root apt-get install -y "${missing[@]}"
  fi
fi
node --version
# npm ci (typescript, playwright-core, binaryen) only when the lockfile changed since the last one.
if ! cmp -s package-lock.json node_modules/.lock-stamp 2>/dev/null; then
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.lock-stamp
fi
lap "tools"

# ----------------------------------------------------------------------------- build ---
# The native CLI first (for the identical-results cross-check), then the wasm build right
# after it, so both embed the same standards files.
if [ "$NATIVE" = 1 ]; then
  step "native CLI (for the identical-results cross-check)"
  (cd "$ROOT" && cargo build -p labelcheck-cli --locked)
  export LABELCHECK_CLI="$CARGO_TARGET_DIR/debug/labelcheck"
  lap "cargo build (native CLI)"
else
  export LABELCHECK_CLI=/nonexistent
fi

step "build (wasm32, profile wasm-release)"
cargo build -p labelcheck-wasm --target wasm32-unknown-unknown --profile wasm-release --locked
RAW="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/labelcheck_wasm.wasm"
lap "cargo build (wasm)"

step "wasm-bindgen (web + nodejs)"
rm -rf pkg
for t in web nodejs; do
  dir=pkg/$([ "$t" = nodejs ] && echo node || echo web)
  wasm-bindgen "$RAW" --target "$t" --out-dir "$dir" --remove-name-section --remove-producers-section
done
# --target nodejs emits CommonJS; keep Node from reading it as ESM under a "type": "module".
echo '{ "type": "commonjs" }' > pkg/node/package.json
lap "wasm-bindgen"

BG=pkg/web/labelcheck_wasm_bg.wasm
if [ "$WASM_OPT" = 1 ]; then
  step "wasm-opt -Oz (npm binaryen; Debian's binaryen breaks wasm-bindgen output)"
  node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers "$BG" -o pkg/opt.wasm
  mv pkg/opt.wasm "$BG"
  lap "wasm-opt"
fi
# One .wasm at the package root, shared by both entry points (the two targets' modules are
# byte-identical): each glue file is pointed one directory up, and the change is checked.
mv "$BG" pkg/labelcheck_wasm_bg.wasm
rm -f pkg/node/labelcheck_wasm_bg.wasm
BG=pkg/labelcheck_wasm_bg.wasm
sed -i 's|`${__dirname}/labelcheck_wasm_bg.wasm`|`${__dirname}/../labelcheck_wasm_bg.wasm`|' pkg/node/labelcheck_wasm.js
sed -i "s|new URL('labelcheck_wasm_bg.wasm', import.meta.url)|new URL('../labelcheck_wasm_bg.wasm', import.meta.url)|" pkg/web/labelcheck_wasm.js
grep -q '/../labelcheck_wasm_bg.wasm' pkg/node/labelcheck_wasm.js \
  && grep -q "'../labelcheck_wasm_bg.wasm'" pkg/web/labelcheck_wasm.js \
  || { echo "wasm-bindgen glue changed: cannot point it at the shared module"; exit 1; }

VERSION=$(awk -F'"' '/^\[workspace.package\]/ { w = 1 } w && /^version/ { print $2; exit }' "$ROOT/Cargo.toml")
cat > pkg/package.json <<EOF
{
  "name": "labelcheck-wasm",
  "version": "$VERSION",
  "description": "Check product labels against GB 7718, GB 28050 and other standards — WebAssembly build of labelcheck",
  "license": "Apache-2.0",
  "type": "module",
  "sideEffects": false,
  "main": "./node/labelcheck_wasm.js",
  "module": "./web/labelcheck_wasm.js",
  "types": "./node/labelcheck_wasm.d.ts",
  "exports": {
    ".": {
      "node": { "types": "./node/labelcheck_wasm.d.ts", "default": "./node/labelcheck_wasm.js" },
      "default": { "types": "./web/labelcheck_wasm.d.ts", "default": "./web/labelcheck_wasm.js" }
    },
    "./web": { "types": "./web/labelcheck_wasm.d.ts", "default": "./web/labelcheck_wasm.js" },
    "./node": { "types": "./node/labelcheck_wasm.d.ts", "default": "./node/labelcheck_wasm.js" },
    "./labelcheck_wasm_bg.wasm": "./labelcheck_wasm_bg.wasm",
    "./package.json": "./package.json"
  },
  "files": ["web/", "node/", "labelcheck_wasm_bg.wasm"]
}
EOF
cp README.md pkg/README.md
# Tests and the type-check import the package by name, through its exports map.
ln -sfn ../pkg node_modules/labelcheck-wasm

step "sizes"
node --input-type=module -e '
  import { readFileSync } from "node:fs";
  import { gzipSync, brotliCompressSync, constants } from "node:zlib";
  const row = (f) => {
    const b = readFileSync(f);
    const gz = gzipSync(b, { level: 9 }).length;
    const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KiB";
    console.log(`${f.padEnd(36)} raw ${kb(b.length)}  gzip ${kb(gz)}  brotli ${kb(br)}`);
  };
  for (const f of process.argv.slice(1)) row(f);
' "$BG" pkg/web/labelcheck_wasm.js pkg/node/labelcheck_wasm.js
echo "(cargo output before wasm-bindgen: $(wc -c < "$RAW") bytes, with the name section)"
lap "package + sizes"

# ------------------------------------------------------------------------------ tests ---

PASS=0
FAIL=0
count() { # sums node's closing "# pass N" / "# fail N" lines
  local p f
  p=$(grep -E '^# pass [0-9]+' "$1" | awk '{s += $3} END {print s + 0}')
  f=$(grep -E '^# fail [0-9]+' "$1" | awk '{s += $3} END {print s + 0}')
  PASS=$((PASS + p)); FAIL=$((FAIL + f))
}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
status=0

step "npm pack: the tarball installed into a scratch project (ESM import, CJS require, tsc)"
SCRATCH="$(mktemp -d)"
TARBALL="$(cd pkg && npm pack --silent --pack-destination "$SCRATCH")"
echo "tarball: $TARBALL $(wc -c < "$SCRATCH/$TARBALL") bytes; brotli of the module: $(node -e 'const z=require("zlib"),fs=require("fs");console.log(z.brotliCompressSync(fs.readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length)' "$BG") bytes"
(
  cd "$SCRATCH"
  printf '{ "name": "scratch", "private": true }\n' > package.json
  npm install --silent --no-audit --no-fund "./$TARBALL"
  [ "$(find node_modules/labelcheck-wasm -name '*.wasm' | wc -l)" = 1 ] || { echo "more than one .wasm in the package"; exit 1; }
  cat > esm.mjs <<'JS'
import { Engine, version } from "labelcheck-wasm";
const r = new Engine().check({ market: "CN", category: "food.dairy.modified_milk" }, { asOf: "2026-11-26" });
if (!version() || !Array.isArray(r.findings) || r.findings.length === 0) throw new Error("ESM check failed");
console.log("esm ok", r.findings.length);
JS
  cat > cjs.cjs <<'JS'
const { Engine } = require("labelcheck-wasm");
const r = new Engine().check({ market: "CN", category: "food.dairy.modified_milk" }, { asOf: "2026-11-26" });
if (!Array.isArray(r.findings)) throw new Error("CJS check failed");
console.log("cjs ok", r.findings.length);
JS
  cat > check.ts <<'TS'
import { Engine, type Report } from "labelcheck-wasm";
const report: Report = new Engine().check({ market: "CN", category: "food" }, { asOf: "2026-11-26", lang: "en" });
const rules: string[] = report.findings.map((f) => f.rule);
console.log(rules.length);
TS
  node esm.mjs && node cjs.cjs
  "$HERE/node_modules/.bin/tsc" --noEmit --strict --module nodenext --moduleResolution nodenext --target es2022 --lib es2022,esnext.disposable,dom check.ts
  echo "tsc ok"
)
rm -rf "$SCRATCH"
lap "npm pack + scratch install"

step "node tests (API, regression suites, native cross-check, tsc on the .d.ts)"
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$LOG" tests/ || status=1
count "$LOG"
lap "node tests"

if [ "$BROWSER" = 1 ]; then
  step "browser test (headless Chromium, demo page)"
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$LOG" browser/ || status=1
  count "$LOG"
  lap "browser test"
fi

step "timings"
printf '%s\n' "${TIMES[@]}"
awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%-28s %6.1f s\n", "total", b - a }'
echo
echo "wasm: $PASS passed, $FAIL failed"
[ "$status" = 0 ] && [ "$FAIL" = 0 ] && [ "$PASS" -gt 0 ]

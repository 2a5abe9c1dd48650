#!/usr/bin/env bash
# Every figure of benches/README.md in one command: `bash benches/run.sh [COUNT]`.
#   COUNT        labels per family for the in-process figures (default 1000)
#   BIG=1        also generate the 100 k and 1 M corpora and time the CLI on them (slow)
#   CALLGRIND=1  also count instructions (valgrind) for cold start and 200 checks
# The corpora go to $CORPUS (default /var/tmp/labelcheck-corpus), never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/labelcheck-target}"
COUNT="${1:-1000}"
CORPUS="${CORPUS:-/var/tmp/labelcheck-corpus}"
mkdir -p "$CORPUS"
BIN="$CARGO_TARGET_DIR/release"

echo "== machine"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rustc --version

cargo build --release -q -p labelcheck-bench -p labelcheck-cli

echo "== corpora (seed 9)"
sizes=("$COUNT")
[ "${BIG:-0}" = 1 ] && sizes+=(100000 1000000)
for n in "${sizes[@]}"; do
  f="$CORPUS/labels-$n.jsonl"
  [ -s "$f" ] || "$BIN/lc-corpus" "$n" 9 > "$f"
  echo "$f: $(wc -l < "$f") labels, $(du -h "$f" | cut -f1)"
done

echo "== in-process figures (best of 5 passes; ratios to serde_json → Value on the same labels)"
"$BIN/lc-measure" "$COUNT"

echo "== CLI end to end (JSON Lines in, JSON report out)"
for n in "${sizes[@]}"; do
  f="$CORPUS/labels-$n.jsonl"
  /usr/bin/time -f "labels=$n wall=%e s user=%U s sys=%S s cpu=%P peak_rss=%M KB" \
    "$BIN/labelcheck" check --format json "$f" > /dev/null || true
done

echo "== wasm in Node (same labels as the mixed corpus row above)"
if [ -f bindings/wasm/pkg/node/package.json ] || [ -d bindings/wasm/pkg/node ]; then
  node benches/wasm-node.mjs "$CORPUS/labels-$COUNT.jsonl" || true
  # The same in a fresh process after warmUp("CN"), as a web form calls it while idle.
  node benches/wasm-node.mjs --warm-up "$CORPUS/labels-$COUNT.jsonl" || true
  # test.sh keeps one module at the package root for both entry points.
  for f in bindings/wasm/pkg/*_bg.wasm bindings/wasm/pkg/node/*_bg.wasm; do
    [ -f "$f" ] || continue
    node -e 'const z=require("zlib"),b=require("fs").readFileSync(process.argv[1]);
      console.log(`${process.argv[1]}: ${b.length} B raw, ${z.gzipSync(b,{level:9}).length} B gzip -9, ${z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length} B brotli 11`)' "$f"
  done
else
  echo "bindings/wasm/pkg/node missing: run bash bindings/wasm/test.sh first"
fi

echo "== Python: pure-Python GB 28050-2011 panel checks vs the binding (release build, own venv)"
# bindings/python/test.sh builds a debug extension for its tests; timing needs a release one.
PYV="${PYBENCH_VENV:-/var/tmp/labelcheck-pybench-venv}"
MATURIN=bindings/python/.venv/bin/maturin
if [ -x "$MATURIN" ]; then
  [ -x "$PYV/bin/python" ] || python3 -m venv "$PYV"
  VIRTUAL_ENV="$PYV" "$MATURIN" develop --release --locked -q --manifest-path bindings/python/Cargo.toml \
    --target-dir "$CARGO_TARGET_DIR/maturin-release" >/dev/null
  "$PYV/bin/python" benches/python_baseline.py "$CORPUS/labels-$COUNT.jsonl" || true
else
  echo "bindings/python/.venv missing: run bash bindings/python/test.sh first (it installs maturin)"
fi

echo "== memory"
"$BIN/lc-profile" heap 0

if [ "${CALLGRIND:-0}" = 1 ]; then
  echo "== instruction counts (valgrind --tool=callgrind)"
  for args in "none 1" "cold 1" "all 1" "check 1" "none 101" "check 101" "parse 101"; do
    n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN/lc-profile" $args 2>&1 \
        | awk '/Collected/ {print $4}')
    echo "lc-profile $args: $n instructions"
  done
  bash benches/callgrind.sh "$BIN/lc-profile"
fi

#!/usr/bin/env bash
# Peak memory of the CLI on a 100 MB JSON Lines batch of large labels, measured with
# /usr/bin/time -v and checked against a stated bound. Run by scripts/test-all.sh (CI).
#
# The batch: 400 labels of ~256 KB each (the UHT milk example with a long free-text field,
# so each label costs real parsing) plus one line of 5 MiB (over the label limit: an error
# for that line alone). The CLI holds at most one batch (4 096 labels or 64 MiB) and its
# reports at a time, so peak RSS must not grow with the file.
#   LABELCHECK_BIN  the binary (default: $CARGO_TARGET_DIR/debug/labelcheck)
#   RSS_BOUND_MB    the bound (default 256)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/labelcheck-target}"
BIN="${LABELCHECK_BIN:-$CARGO_TARGET_DIR/debug/labelcheck}"
BOUND="${RSS_BOUND_MB:-256}"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
python3 - "$DIR/big.jsonl" <<'PY'
import json, sys
label = json.load(open("examples/uht-milk.json", encoding="utf-8"))
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for i in range(400):
        label["id"] = "big-%d" % i
        label["extensions"] = {"note": ("批次%d " % i) * 26000}
        out.write(json.dumps(label, ensure_ascii=False) + "\n")
        if i == 200:
            out.write("x" * (5 * 1024 * 1024) + "\n")
PY
size_mb=$(( $(stat -c %s "$DIR/big.jsonl") / 1024 / 1024 ))
set +e
/usr/bin/time -v "$BIN" check "$DIR/big.jsonl" --format json >"$DIR/out.jsonl" 2>"$DIR/time.txt"
code=$?
set -e
# Exit 2: the over-long line is an input error; every other label is still checked.
if [ "$code" != 2 ]; then
  echo "rss: unexpected exit code $code"; tail -5 "$DIR/time.txt"; exit 1
fi
reports=$(grep -c '"report"' "$DIR/out.jsonl" || true)
errors=$(grep -c '"too_large"' "$DIR/out.jsonl" || true)
peak_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$DIR/time.txt")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$DIR/time.txt")
peak_mb=$((peak_kb / 1024))
echo "rss: ${size_mb} MB JSONL, ${reports} reports + ${errors} too-large line; peak RSS ${peak_mb} MB (bound ${BOUND} MB), wall ${wall}"
[ "$reports" = 400 ] && [ "$errors" = 1 ] || { echo "rss: expected 400 reports and 1 error"; exit 1; }
[ "$peak_mb" -le "$BOUND" ] || { echo "rss: peak RSS ${peak_mb} MB is over the bound of ${BOUND} MB"; exit 1; }

#!/usr/bin/env bash
# The instruction counts of benches/README.md in one command (callgrind: steady on a loaded
# machine, unlike the clock): `bash benches/callgrind.sh [LC_PROFILE_BINARY]`.
#   per label = (check 101 − check 1 − (none 101 − none 1)) / 100   (label generation removed)
#   floor     = the same for `parse` (serde_json → Value of the same labels)
#   steady    = (warm 101 − check 101) / 101   (every pack the corpus needs already compiled)
#   check 1   = a new engine and its first label (cold start + the first pack compiles)
# Without an argument it builds lc-profile (release) first. Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/labelcheck-target}"
B="${1:-}"
if [ -z "$B" ]; then
  cargo build --release -q -p labelcheck-bench --bin lc-profile
  B="$CARGO_TARGET_DIR/release/lc-profile"
fi
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)"; exit 2; }
ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$B" "$@" 2>&1 | awk '/Collected/ {print $4}'; }
c1=$(ir check 1); c101=$(ir check 101); n1=$(ir none 1); n101=$(ir none 101)
p1=$(ir parse 1); p101=$(ir parse 101); w101=$(ir warm 101)
awk -v c1="$c1" -v c101="$c101" -v n1="$n1" -v n101="$n101" -v p1="$p1" -v p101="$p101" -v w101="$w101" 'BEGIN {
  gen = n101 - n1; per = (c101 - c1 - gen) / 100; floor = (p101 - p1 - gen) / 100; steady = (w101 - c101) / 101
  printf "per label %.3f M = %.2fx  steady %.3f M = %.2fx  check 1 %.2f M  floor %.1f k\n", per / 1e6, per / floor, steady / 1e6, steady / floor, (c1 - n1) / 1e6, floor / 1e3
}'

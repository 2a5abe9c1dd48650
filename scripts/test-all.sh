#!/usr/bin/env bash
# Runs every test of the project, installing what it needs first. This is the README's test
# command and what CI runs (.ci/run). Safe to run on a fresh machine with only rustup/cargo.
set -euo pipefail
cd "$(dirname "$0")/.."

# A fixed target directory outside the checkout: a fresh clone elsewhere on the same machine
# recompiles only the workspace crates (see shared toolchain notes). Override as you like.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/labelcheck-target}"
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { printf '\n=== %s\n' "$*"; }

step "toolchain"
command -v cargo >/dev/null || { echo "cargo is required (rustup: https://rustup.rs)"; exit 2; }
for c in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
done
cargo --version

step "format"
cargo fmt --all -- --check

step "build"
cargo build --workspace --exclude labelcheck-python --exclude labelcheck-wasm --exclude labelcheck-bench --all-targets --locked

step "unit, integration, suite and doc tests"
cargo test --workspace --exclude labelcheck-python --exclude labelcheck-wasm --exclude labelcheck-bench --locked

step "regression suites through the CLI (every rule covered both ways)"
"$CARGO_TARGET_DIR/debug/labelcheck" test tests/suites --require-coverage

step "examples through the CLI"
"$CARGO_TARGET_DIR/debug/labelcheck" check examples/*.json >/dev/null

step "CLI peak memory on a 100 MB JSON Lines batch (benches/rss.sh, bound 256 MB)"
bash benches/rss.sh

step "Python binding: maturin build into a venv, stubtest, mypy, pytest (suites through Python)"
bash bindings/python/test.sh

step "WebAssembly binding: build, Node tests, headless-Chromium demo test"
bash bindings/wasm/test.sh

# The benchmark crate (benches/, `bash benches/run.sh`) is not run here; clippy below keeps it compiling.
step "fuzz smoke (installs cargo-fuzz, builds the targets, FUZZ_SECONDS (20) each on stable; FUZZ_SMOKE=0 skips)"
if [ "${FUZZ_SMOKE:-1}" = "1" ]; then
  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
  (
    cd fuzz
    for t in label_check ingredients_text fibre_text label_text pack_load expression; do
      mkdir -p "corpus/$t"
      cargo fuzz run --sanitizer none --target-dir "$CARGO_TARGET_DIR/fuzz" "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="${FUZZ_SECONDS:-20}" -max_len=200000 -timeout=10 -rss_limit_mb=2048 2>&1 | tail -n 3
    done
  )
else
  echo "skipped (FUZZ_SMOKE=0)"
fi

step "Rust crate: cargo package -p labelcheck (the standards travel inside the crate) and cargo doc without warnings"
cargo package -p labelcheck --allow-dirty --quiet
RUSTDOCFLAGS="-D warnings" cargo doc -p labelcheck --no-deps --quiet

step "lints"
cargo clippy --workspace --exclude labelcheck-python --exclude labelcheck-wasm --all-targets --locked -- -D warnings

echo
echo "all test steps passed"

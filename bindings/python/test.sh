#!/usr/bin/env bash
# Builds the Python binding into a venv and runs its tests: stubtest (the .pyi against the
# compiled module), mypy --strict on the package, and pytest (API, README examples, and every
# regression case of tests/suites/ compared with the Rust CLI's JSON output).
#
# Needs only python3 (≥ 3.9, with venv) and cargo. Exits non-zero on any failure.
#   LABELCHECK_VENV   the venv (default bindings/python/.venv)
#   CARGO_TARGET_DIR  shared cargo target dir (default /var/tmp/labelcheck-target);
#                     this script builds in its own subdirectory, $CARGO_TARGET_DIR/maturin
#   LABELCHECK_PY_WHEEL=1  build the clean-venv wheel with the release profile (slow)
#   extra arguments go to pytest (e.g. -k check_many, -x)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
cd "$REPO"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/labelcheck-target}"
TARGET="$CARGO_TARGET_DIR/maturin"
VENV="${LABELCHECK_VENV:-$HERE/.venv}"
PY="$VENV/bin/python"
t0=$SECONDS
step() { printf '\n=== python: %s  [%d s]\n' "$*" "$((SECONDS - t0))"; }

command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 2; }
command -v cargo >/dev/null || { echo "cargo is required" >&2; exit 2; }

step "venv ($VENV)"
if ! "$PY" -c 'import sys; assert sys.version_info >= (3, 9)' 2>/dev/null; then
  rm -rf "$VENV"
  python3 -m venv "$VENV"
fi
# Reinstall the tools only when the requirements change.
STAMP="$VENV/.requirements-dev.sha256"
WANT="$(sha256sum "$HERE/requirements-dev.txt" | cut -d' ' -f1)"
if [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
  "$PY" -m pip install -q --disable-pip-version-check -r "$HERE/requirements-dev.txt"
  # polars is optional: the README's Polars recipe runs only when it installs.
  "$PY" -m pip install -q --disable-pip-version-check --only-binary=:all: polars \
    || echo "polars did not install; its README example will be skipped"
  echo "$WANT" > "$STAMP"
fi
"$PY" -m maturin --version

step "build: maturin develop (target $TARGET)"
VIRTUAL_ENV="$VENV" "$VENV/bin/maturin" develop --locked -q --manifest-path "$HERE/Cargo.toml" --target-dir "$TARGET"

step "build: the CLI the tests compare against"
cargo build --locked -q -p labelcheck-cli --target-dir "$TARGET"
export LABELCHECK_CLI="$TARGET/debug/labelcheck"
export LABELCHECK_REPO="$REPO"

step "stubtest: labelcheck/_native.pyi against the compiled module"
"$PY" -m mypy.stubtest labelcheck

step "mypy --strict on the package"
"$PY" -m mypy --strict --cache-dir "$HERE/.mypy_cache" -p labelcheck

step "pytest"
"$PY" -m pytest -q -p no:cacheprovider --rootdir "$HERE" -c "$HERE/pyproject.toml" "$HERE/tests" "$@"

# The README's Spark recipe (bindings/python/recipes/spark_check.py) in local mode: needs a Java
# runtime and pyspark (installed here once per venv, ≈ 1 min); 2 000 labels over two partitions,
# every row compared with the in-process run. Skipped, and said so, when either is missing.
step "Spark recipe (local mode)"
if command -v java >/dev/null; then
  "$PY" -c 'import pyspark' 2>/dev/null \
    || "$PY" -m pip install -q --disable-pip-version-check 'pyspark==3.5.3' \
    || echo "pyspark did not install"
  if "$PY" -c 'import pyspark' 2>/dev/null; then
    SPARK_LOG="$(mktemp)"
    if LABELCHECK_REPO="$REPO" "$PY" "$HERE/recipes/spark_check.py" 2000 2 >"$SPARK_LOG" 2>&1; then
      grep -E '^[0-9]+ labels in' "$SPARK_LOG"
      rm -f "$SPARK_LOG"
    else
      cat "$SPARK_LOG"; rm -f "$SPARK_LOG"
      echo "the Spark recipe failed" >&2
      exit 1
    fi
  else
    echo "pyspark is not installed: the Spark recipe is skipped"
  fi
else
  echo "no java on PATH: the Spark recipe is skipped"
fi

# The package as a user installs it: a wheel (abi3) and an sdist are built, the wheel goes
# into a clean venv outside the repository, and the README's examples and stubtest run
# against the installed package. CI builds the wheel with the dev profile (it reuses the
# build above); LABELCHECK_PY_WHEEL=1 builds the release wheel a publisher would upload.
step "wheel + sdist, installed into a clean venv: README examples and stubtest against it"
WHEELS="$(mktemp -d)"
trap 'rm -rf "$WHEELS"' EXIT
if [ "${LABELCHECK_PY_WHEEL:-0}" = 1 ]; then PROFILE=(--release); else PROFILE=(--profile dev); fi
"$VENV/bin/maturin" build "${PROFILE[@]}" --locked -q --manifest-path "$HERE/Cargo.toml" \
  --target-dir "$TARGET" --out "$WHEELS"
"$VENV/bin/maturin" sdist --manifest-path "$HERE/Cargo.toml" --out "$WHEELS"
ls "$WHEELS"/labelcheck-*.whl "$WHEELS"/labelcheck-*.tar.gz
python3 -m venv "$WHEELS/venv"
"$WHEELS/venv/bin/pip" install -q --disable-pip-version-check "$WHEELS"/labelcheck-*.whl -r "$HERE/requirements-dev.txt"
(
  cd "$WHEELS"
  "$WHEELS/venv/bin/python" -c "import labelcheck, sys; assert '$REPO' not in labelcheck.__file__, labelcheck.__file__; print('installed at', labelcheck.__file__)"
  "$WHEELS/venv/bin/python" -m mypy.stubtest labelcheck
  "$WHEELS/venv/bin/python" -m pytest -q -p no:cacheprovider --rootdir "$WHEELS" "$HERE/tests/test_readme.py"
)

echo "python binding: all steps passed in $((SECONDS - t0)) s"

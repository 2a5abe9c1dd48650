"""The README's examples are executed: every ```python block, in order, in one namespace,
from a folder whose `examples/` is the repository's. ```python no-run blocks are shown only
(Spark); a block that imports polars runs when polars is installed. The recipe's partition
function is then tested on its own."""

from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Tuple

import pytest

import labelcheck
from conftest import REPO

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"^```([^\n]*)\n(.*?)^```\s*$", re.S | re.M)


def blocks() -> List[Tuple[int, str, str]]:
    text = README.read_text(encoding="utf-8")
    out = []
    for m in BLOCK.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        out.append((line, m.group(1).strip(), m.group(2)))
    return out


def needs_polars(code: str) -> bool:
    return bool(re.search(r"^import polars", code, re.M))


HAVE_POLARS = importlib.util.find_spec("polars") is not None


def runnable() -> List[Tuple[int, str, str]]:
    return [b for b in blocks() if b[1] == "python"]


@pytest.fixture(scope="module")
def readme_ns(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dict[str, Any]]:
    """Runs every runnable block in order, in one namespace; yields the namespace."""
    work = tmp_path_factory.mktemp("readme")
    (work / "examples").symlink_to(REPO / "examples", target_is_directory=True)
    ns: Dict[str, Any] = {"__name__": "readme"}
    old = os.getcwd()
    os.chdir(work)
    try:
        for line, _, code in runnable():
            if needs_polars(code) and not HAVE_POLARS:
                continue
            exec(compile(code, "README.md:%d" % line, "exec"), ns)
        yield ns
    finally:
        os.chdir(old)


def test_readme_has_examples() -> None:
    infos = {info for _, info, _ in blocks()}
    assert "python" in infos and len(runnable()) >= 5
    assert any("def check_partition" in code for _, _, code in runnable())


def test_readme_examples_run(readme_ns: Dict[str, Any]) -> None:
    assert isinstance(readme_ns["engine"], labelcheck.Engine)
    assert readme_ns["report"].findings  # the faulty example found its ordering problem
    if HAVE_POLARS:
        assert readme_ns["checked"].height == len(list((REPO / "examples").glob("*.json")))


def test_install_line_of_the_readme(repo: Path) -> None:
    """The one-liner of "Done means": the example label checks clean."""
    label = (repo / "examples" / "uht-milk.json").read_text(encoding="utf-8")
    assert labelcheck.Engine().check(label).ok


# --- the national-scale recipe's partition function -------------------------------------------


@pytest.fixture(scope="module")
def check_partition(readme_ns: Dict[str, Any]) -> Callable[..., Iterator[Dict[str, Any]]]:
    fn: Callable[..., Iterator[Dict[str, Any]]] = readme_ns["check_partition"]
    return fn


def jsonl(repo: Path) -> List[str]:
    lines = []
    for p in sorted((repo / "examples").glob("*.json")):
        lines.append(json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False))
    return lines


def test_partition_rows_in_order(check_partition: Callable[..., Iterator[Dict[str, Any]]], repo: Path) -> None:
    lines = jsonl(repo)
    bad = '{"market": "CN", "category": "food.dairy.sterilized_milk", "ingredients": 5}'
    rows = list(check_partition(iter(lines[:2] + ["{truncated", bad] + lines[2:]), batch_size=2))
    assert len(rows) == len(lines) + 2
    ids = [json.loads(x)["id"] for x in lines]
    assert [r["label_id"] for r in rows] == ids[:2] + [None, None] + ids[2:]
    assert rows[2]["verdict"] == "error" and "malformed JSON" in rows[2]["problem"]
    assert rows[3]["verdict"] == "error" and "/ingredients" in rows[3]["problem"]
    assert all(r["verdict"] == "pass" and r["problem"] is None for i, r in enumerate(rows) if i not in (2, 3))
    assert set(rows[0]) == {"label_id", "verdict", "errors", "warnings", "rules", "problem"}


def test_partition_findings_match_reports(check_partition: Callable[..., Iterator[Dict[str, Any]]], repo: Path) -> None:
    lines = [x.encode("utf-8") for x in jsonl(repo)]
    rows = list(check_partition(lines, as_of="2027-06-01"))
    engine = labelcheck.Engine()
    for row, line in zip(rows, lines):
        report = engine.check(line, as_of="2027-06-01")
        assert row["verdict"] == report.verdict
        assert row["errors"] == sum(f.severity == "error" for f in report.findings)
        assert row["rules"] == sorted({f.rule for f in report.findings})
    assert any(r["verdict"] == "fail" for r in rows)


def test_partition_as_spark_would_call_it(check_partition: Callable[..., Iterator[Dict[str, Any]]], repo: Path) -> None:
    """mapPartitions calls the function once per partition with an iterator of lines;
    simulate partitions of uneven size, each read only once."""
    lines = jsonl(repo) * 7
    parts = [lines[i : i + 9] for i in range(0, len(lines), 9)]
    out = [row for part in parts for row in check_partition(iter(part), batch_size=4)]
    assert [r["label_id"] for r in out] == [json.loads(x)["id"] for x in lines]


@pytest.mark.skipif(not HAVE_POLARS, reason="polars is not installed")
def test_partition_in_polars_map_batches(
    check_partition: Callable[..., Iterator[Dict[str, Any]]], readme_ns: Dict[str, Any], repo: Path
) -> None:
    import polars as pl

    lines = jsonl(repo) * 3
    schema = readme_ns["SUMMARY"]
    df = pl.DataFrame({"json": lines})
    out = df.with_columns(
        pl.col("json")
        .map_batches(lambda s: pl.Series(list(check_partition(s.to_list())), dtype=schema), return_dtype=schema)
        .alias("c")
    ).unnest("c")
    assert out["label_id"].to_list() == [json.loads(x)["id"] for x in lines]
    assert set(out["verdict"].to_list()) == {"pass"}

"""Every regression case of tests/suites/ through the Python API, on the embedded packs:
each case must pass, and each report must equal what the Rust CLI prints for the same input."""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

import labelcheck
from conftest import REPO
from suites import Case, load_cases, subset_problems

CASES = load_cases(REPO / "tests" / "suites")
IDS = [c.id for c in CASES]
# Cases given as JSON (compared with the CLI's JSON path and run in batches) and as text.
JSON_CASES = [c for c in CASES if c.text_input is None and c.markets is None]
TEXT_CASES = [c for c in CASES if c.text_input is not None]
MARKET_CASES = [c for c in CASES if c.markets is not None]


def options(case: Case) -> Dict[str, Any]:
    return {"as_of": case.as_of, "edition": case.editions or None}


def test_suites_found() -> None:
    assert len(CASES) > 0, "no regression cases under tests/suites"


def evaluate(case: Case, engine: labelcheck.Engine) -> Optional[str]:
    """None when the case passes, else what differs (like `labelcheck test`)."""
    if case.problems:
        return "; ".join(case.problems)
    try:
        if case.text_input is not None:
            findings = list(engine.check_text(**case.text_input, **options(case)).findings)
        elif case.markets is not None:
            result = engine.check_markets(case.input, case.markets, **options(case))
            findings = [f for r in result.markets.values() for f in r.findings]
        else:
            findings = list(engine.check(case.input, **options(case)).findings)
    except labelcheck.LabelcheckError as e:
        if case.expect_error is None:
            return "error: %s" % e
        if e.kind != case.expect_error:
            return "expected a `%s` error, got `%s`: %s" % (case.expect_error, e.kind, e)
        return None
    if case.expect_error is not None:
        return "expected a `%s` error, got a report" % case.expect_error
    packs = case.packs({p.id for p in engine.packs()})
    actual = {(f.rule, f.path) for f in findings if not packs or f.citation.pack in packs}
    messages = {(f.rule, f.path): f.message_en for f in findings}
    missing = sorted(case.expect - actual)
    unexpected = sorted(actual - case.expect)
    problems: List[str] = []
    if case.text_input is not None:
        report = engine.check_text(**case.text_input, **options(case))
        spans = {(f.rule, f.path, (f.to_dict().get("span") or {}).get("text")) for f in report.findings}
        problems += ["- expected %s at %s pointing at %r" % s for s in sorted(case.spans - spans)]
        reading = report.text or {}
        if case.document is not None:
            problems += subset_problems(case.document, reading.get("document"))
        if case.unread is not None:
            got = [u["span"]["text"] for u in reading.get("unread", [])]
            if got != case.unread:
                problems.append("unread lines %r, expected %r" % (got, case.unread))
    if not missing and not unexpected and not problems:
        return None
    return "\n".join(
        ["- expected %s at %s" % m for m in missing]
        + ["+ unexpected %s at %s: %s" % (r, p, messages[(r, p)]) for r, p in unexpected]
        + problems
    )


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_case(case: Case, engine: labelcheck.Engine) -> None:
    problem = evaluate(case, engine)
    assert problem is None, problem


def test_harness_agrees_with_rust_on_edge_cases(
    engine: labelcheck.Engine, cli: List[str], repo: Path, tmp_path: Path
) -> None:
    """The case semantics no shipped suite uses yet (raw, label, expect_error, packs,
    editions, wrong expectations) judged the same by this harness and `labelcheck test`."""
    # A case's base must lie inside the suite tree: copy the example in (as `.label`, which
    # the suite walk does not take for a suite file).
    (tmp_path / "suites").mkdir()
    base_file = tmp_path / "suites" / "uht-milk.label"
    base_file.write_text((repo / "examples" / "uht-milk.json").read_text(encoding="utf-8"), encoding="utf-8")
    base = "../uht-milk.label"
    sugar_first = {"ingredients": {"text": "配料：白砂糖、生牛乳(≥80%)、水、燕麦粉、食品添加剂（单，双甘油脂肪酸酯、卡拉胶）、食用香精"}}
    order = "GB7718-2011/4.1.3.1.2/descending-order"
    order_found = [{"rule": order, "path": "/ingredients/items/1"}, {"rule": order, "path": "/ingredients/items/2"}]
    minimal = {"market": "CN", "category": "food.dairy.sterilized_milk", "check_date": "2026-11-26"}
    cases = [
        {"name": "clean", "expect": []},
        {"name": "ordering", "patch": sugar_first, "expect": order_found},
        {"name": "wrong: missing expectation", "patch": sugar_first, "expect": order_found[:1]},
        {"name": "wrong: extra expectation", "expect": order_found[:1]},
        {"name": "raw syntax", "raw": "{\"market\": ", "expect_error": "syntax"},
        {"name": "raw invalid", "raw": "{\"market\": 5}", "expect_error": "invalid"},
        {"name": "unknown market", "patch": {"market": "XX"}, "expect_error": "unknown"},
        {"name": "wrong: error kind", "patch": {"market": "XX"}, "expect_error": "invalid"},
        {"name": "wrong: error expected, report given", "expect_error": "syntax"},
        {"name": "too large", "raw": " " * (4 * 1024 * 1024 + 1), "expect_error": "too_large"},
        {
            "name": "patch removes a field",
            "patch": {"storage": None},
            "expect": [{"rule": "GB7718-2011/4.1.8/storage-required", "path": "/storage"}],
        },
        {"name": "whole label", "label": json.loads(base_file.read_text(encoding="utf-8")), "expect": []},
        {"name": "wrong: whole minimal label", "label": minimal, "expect": []},
        {"name": "editions named", "patch": sugar_first, "editions": ["2025"], "expect": []},
        {"name": "as_of per case", "patch": sugar_first, "as_of": "2027-06-01", "expect": []},
    ]
    suites = tmp_path / "suites"
    (suites / "gb7718-2011").mkdir(parents=True)
    (suites / "elsewhere").mkdir()
    (suites / "gb7718-2011" / "edge.json").write_text(
        json.dumps({"base": base, "as_of": "2026-11-26", "cases": cases}, ensure_ascii=False), encoding="utf-8"
    )
    # A directory that is no pack id, with `packs` naming the compared packs.
    (suites / "elsewhere" / "packs.json").write_text(
        json.dumps(
            {
                "base": base,
                "as_of": "2026-11-26",
                "packs": ["gb7718-2011", "gb28050-2011"],
                "cases": [
                    {"name": "packs: ordering", "patch": sugar_first, "expect": order_found},
                    {"name": "wrong: packs all", "label": minimal, "expect": []},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    ours = {c.name: evaluate(c, engine) is None for c in load_cases(suites)}
    proc = subprocess.run(cli + ["test", str(suites)], cwd=repo, capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    failed_in_rust = {line.split(" :: ", 1)[1] for line in proc.stdout.splitlines() if line.startswith("FAIL ")}
    theirs = {name: name not in failed_in_rust for name in ours}
    assert ours == theirs, proc.stdout
    assert {n for n, ok in ours.items() if not ok} == {n for n in ours if n.startswith("wrong")}


@pytest.fixture(scope="session")
def cli_results(cli: List[str], tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Dict[str, Any]]:
    """Runs the CLI once per (as_of, editions) group over all cases; case id → JSON line."""
    tmp = tmp_path_factory.mktemp("cli-cases")
    groups: Dict[Tuple[Optional[str], Tuple[str, ...]], List[Tuple[str, Path]]] = defaultdict(list)
    for n, case in enumerate(JSON_CASES):
        path = tmp / ("case-%05d.json" % n)
        path.write_text(case.text(), encoding="utf-8")
        groups[(case.as_of, tuple(case.editions))].append((case.id, path))
    out: Dict[str, Dict[str, Any]] = {}
    for (as_of, editions), items in groups.items():
        args = ["check", "--format", "json"]
        if as_of:
            args += ["--as-of", as_of]
        for e in editions:
            args += ["--edition", e]
        proc = subprocess.run(
            cli + args + [str(p) for _, p in items], cwd=REPO, capture_output=True, text=True
        )
        assert proc.returncode in (0, 1, 2), proc.stderr
        lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
        assert len(lines) == len(items), proc.stderr
        for (case_id, path), line in zip(items, lines):
            assert line["input"] == str(path)
            out[case_id] = line
    return out


@pytest.mark.parametrize("case", TEXT_CASES, ids=[c.id for c in TEXT_CASES])
def test_text_case_matches_cli(case: Case, engine: labelcheck.Engine, cli: List[str], tmp_path: Path) -> None:
    """A text case through `labelcheck check --text` gives the report check_text gives."""
    ti = case.text_input
    assert ti is not None
    path = tmp_path / "label.txt"
    path.write_text(ti["text"], encoding="utf-8")
    args = ["check", "--format", "json", "--market", ti["market"], "--category", ti["category"]]
    if case.as_of:
        args += ["--as-of", case.as_of]
    if ti.get("extra") is not None:
        (tmp_path / "extra.json").write_text(json.dumps(ti["extra"]), encoding="utf-8")
        args += ["--extra", str(tmp_path / "extra.json")]
    proc = subprocess.run(cli + args + [str(path)], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode in (0, 1, 2), proc.stderr
    line = json.loads(proc.stdout)
    if "report" in line:
        assert engine.check_text(**ti, **options(case)).to_dict() == line["report"]
    else:
        with pytest.raises(labelcheck.LabelcheckError) as info:
            engine.check_text(**ti, **options(case))
        assert info.value.kind == line["error"].get("kind")


@pytest.mark.parametrize("case", MARKET_CASES, ids=[c.id for c in MARKET_CASES])
def test_market_case_matches_cli(case: Case, engine: labelcheck.Engine, cli: List[str], tmp_path: Path) -> None:
    """A multi-market case through `labelcheck check --market A,B` gives what check_markets gives."""
    assert case.markets is not None
    path = tmp_path / "label.json"
    path.write_text(case.text(), encoding="utf-8")
    args = ["check", "--format", "json", "--market", ",".join(case.markets)]
    if case.as_of:
        args += ["--as-of", case.as_of]
    proc = subprocess.run(cli + args + [str(path)], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    line = json.loads(proc.stdout)
    assert engine.check_markets(case.input, case.markets, **options(case)).to_dict() == line["markets"]


@pytest.mark.parametrize("case", JSON_CASES, ids=[c.id for c in JSON_CASES])
def test_case_matches_cli(case: Case, engine: labelcheck.Engine, cli_results: Dict[str, Dict[str, Any]]) -> None:
    line = cli_results[case.id]
    inputs = [case.input, case.text(), case.text().encode("utf-8")]
    if "report" in line and line["report"]["verdict"] == "not_checked":
        # The CLI prints the empty report (and exits 2); Python raises NotChecked with it.
        for inp in inputs:
            with pytest.raises(labelcheck.NotChecked) as nc:
                engine.check(inp, **options(case))
            assert nc.value.report.to_dict() == line["report"]
    elif "report" in line:
        for inp in inputs:
            assert engine.check(inp, **options(case)).to_dict() == line["report"]
    else:
        error = line["error"]
        for inp in inputs:
            with pytest.raises(labelcheck.LabelcheckError) as info:
                engine.check(inp, **options(case))
            assert info.value.kind == error.get("kind"), (str(info.value), error)
            if "path" in error:
                assert getattr(info.value, "path", None) == error["path"]


def test_batch_equals_one_by_one(engine: labelcheck.Engine) -> None:
    """check_many over every case (grouped by options) keeps order and equals check()."""
    groups: Dict[Tuple[Optional[str], Tuple[str, ...]], List[Case]] = defaultdict(list)
    for case in JSON_CASES:
        groups[(case.as_of, tuple(case.editions))].append(case)
    for cases in groups.values():
        batch = engine.check_many([c.input for c in cases], errors="return", **options(cases[0]))
        assert len(batch) == len(cases)
        for case, result in zip(cases, batch):
            if isinstance(result, labelcheck.LabelcheckError):
                assert case.expect_error == result.kind
            else:
                assert result == engine.check(case.input, **options(case))

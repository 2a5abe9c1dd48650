"""The stubs type the API: ordinary uses pass `mypy --strict`, misuses are reported."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

api = pytest.importorskip("mypy.api")

HERE = Path(__file__).resolve().parent
CACHE = HERE.parent / ".mypy_cache"


def mypy(args: List[str]) -> str:
    out, err, status = api.run(["--strict", "--no-error-summary", "--cache-dir", str(CACHE)] + args)
    return out + err


def test_usage_type_checks() -> None:
    out = mypy([str(HERE / "typing_usage.py")])
    assert out.strip() == "", out


@pytest.mark.parametrize(
    "code, complaint",
    [
        ("labelcheck.Engine().check({}, lang='fr')", "lang"),
        ("labelcheck.Engine().check(42)", "arg-type"),
        ("labelcheck.Engine().check({}, as_of=20270601)", "as_of"),
        ("x: list[labelcheck.Report] = labelcheck.Engine().check_many([], errors='return')", "assignment"),
        ("labelcheck.Engine().check({}).findings[0].severity = 'info'", "read-only"),
        ("labelcheck.Engine().check_many([], errors='ignore')", "overload"),
    ],
)
def test_misuse_is_reported(code: str, complaint: str) -> None:
    out = mypy(["-c", "import labelcheck\n" + code])
    assert "error" in out and complaint in out, out

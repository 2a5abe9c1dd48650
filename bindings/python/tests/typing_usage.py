"""Type-checked with `mypy --strict` by test_typing.py (not run): the stubs must type the
ordinary uses of the API precisely."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, TypedDict, Union

import labelcheck
from labelcheck import Engine, Finding, LabelcheckError, Report

engine: Engine = Engine()
other: Engine = Engine.from_dir(Path("standards"))
overlay: Engine = Engine.with_overlay("my-packs")
label: Dict[str, Any] = {"market": "CN"}

report: Report = engine.check(label, as_of=datetime.date(2027, 6, 1), edition=["2025"], lang="en")
report = engine.check('{"market": "CN"}', as_of="2027-06-01", edition="2025")
report = engine.check(b"{}")


class Minimal(TypedDict):
    market: str
    category: str


report = engine.check(Minimal(market="CN", category="food.dairy.sterilized_milk"))
ok: bool = report.ok
verdict: str = report.verdict
when: datetime.date = report.as_of
findings: List[Finding] = report.findings
for f in findings:
    rule: str = f.rule
    span_start: Optional[int] = f.span.start if f.span is not None else None
    clause: str = f.citation.clause
    expected: Any = f.expected
data: Dict[str, Any] = report.to_dict()
text: str = report.to_json(indent=2)

reports: List[Report] = engine.check_many([label, "{}", b"{}"])
mixed: List[Union[Report, LabelcheckError]] = engine.check_many([label], errors="return", threads=2)
stream: Iterator[Report] = engine.check_iter(iter([label]), batch_size=10)
mixed_stream: Iterator[Union[Report, LabelcheckError]] = engine.check_iter([label], errors="return")
for r in mixed:
    if isinstance(r, LabelcheckError):
        where: Optional[int] = r.index
    else:
        n: int = len(r.findings)

cmp = engine.compare(label)
newly: List[Finding] = cmp.newly_failing
later: Report = cmp.next
rules: List[labelcheck.Rule] = engine.rules(pack="gb7718-2011")
explained: str = engine.rule("x").explain("en")
until: Optional[datetime.date] = engine.packs()[0].effective_until
grades: Optional[dict[str, Any]] = engine.table("gb21455-2019", "grades")

try:
    engine.check(label)
except labelcheck.InvalidLabel as e:
    path: Optional[str] = e.path
    line: Optional[int] = e.line
except labelcheck.InvalidPack as e:
    problems: List[Dict[str, Any]] = e.problems

"""Labels as printed text: Engine.check_text gives the findings of the JSON twin, with spans
into the text, and Report.text says what the reader understood."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import labelcheck
from labelcheck import Engine


def _key(f: labelcheck.Finding) -> tuple[str, str, str]:
    return (f.rule, f.path, f.severity)


@pytest.mark.parametrize(
    "name", ["uht-milk", "butter-cookies", "imported-wine", "cotton-t-shirt", "faulty/peanut-cookies"]
)
def test_text_checks_as_its_json_twin(repo: Path, name: str) -> None:
    engine = Engine()
    base = repo / "examples" / "text" / name
    text = base.with_suffix(".txt").read_text(encoding="utf-8")
    twin = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
    extra_path = base.with_suffix(".extra.json")
    extra = json.loads(extra_path.read_text(encoding="utf-8")) if extra_path.exists() else None
    r = engine.check_text(
        text, market=twin["market"], category=twin["category"], as_of=twin["check_date"], extra=extra
    )
    j = engine.check(twin)
    assert sorted(map(_key, r.findings)) == sorted(map(_key, j.findings))
    assert r.text is not None and j.text is None
    assert r.text["document"] == twin


def test_spans_point_into_the_text(repo: Path) -> None:
    text = (repo / "examples" / "text" / "faulty" / "peanut-cookies.txt").read_text(encoding="utf-8")
    r = Engine().check_text(text, market="CN", category="food.bakery", as_of="2026-12-01")
    assert not r.ok
    f = next(f for f in r.findings if f.rule == "GB7718-2011/4.1.3.1.2/descending-order")
    span = f.to_dict()["span"]
    assert span["field"] == "/text"
    assert text[span["start"] : span["end"]] == "白砂糖（25%）"


def test_unread_lines_and_bad_input() -> None:
    engine = Engine()
    r = engine.check_text("配料：水\n这一行没有标题：\n", market="CN", category="food.beverage", as_of="2026-12-01")
    assert r.text is not None
    assert [u["span"]["text"] for u in r.text["unread"]] == ["这一行没有标题："]
    with pytest.raises(labelcheck.InvalidLabel):
        engine.check_text("配料：水", market="CN", category="no.such.category")
    with pytest.raises(TypeError):
        engine.check_text("配料：水", market="CN", category="food", extra=[1, 2])  # type: ignore[arg-type]

"""The Python API: inputs, options, results, batches, catalogue, errors."""

from __future__ import annotations

import datetime
import decimal
import json
import pickle
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

import labelcheck
from labelcheck import Engine, InvalidLabel, InvalidOption, InvalidPack, LabelcheckError

# The two general food standards; other packs (origin, special foods…) may also apply to a food.
FOOD = ("GB 7718", "GB 28050")


@pytest.fixture(scope="module")
def milk_text(repo: Path) -> str:
    return (repo / "examples" / "uht-milk.json").read_text(encoding="utf-8")


@pytest.fixture()
def milk(milk_text: str) -> Dict[str, Any]:
    d: Dict[str, Any] = json.loads(milk_text)
    return d


def out_of_order(label: Dict[str, Any]) -> Dict[str, Any]:
    """The example with sugar printed first: two GB 7718-2011 ordering findings."""
    text = "配料：白砂糖、生牛乳(≥80%)、水、燕麦粉、食品添加剂（单，双甘油脂肪酸酯、卡拉胶）、食用香精"
    return dict(label, ingredients=dict(label["ingredients"], text=text))


# --- inputs -----------------------------------------------------------------------------


def test_dict_str_bytes_agree(engine: Engine, milk: Dict[str, Any], milk_text: str) -> None:
    reports = [
        engine.check(milk),
        engine.check(milk_text),
        engine.check(milk_text.encode("utf-8")),
        engine.check(bytearray(milk_text.encode("utf-8"))),
    ]
    assert all(r == reports[0] for r in reports)
    assert reports[0].ok and reports[0].verdict == "pass" and reports[0].findings == []


def test_mappings_are_labels(engine: Engine, milk: Dict[str, Any]) -> None:
    import collections
    import types

    plain = engine.check(milk)
    assert engine.check(types.MappingProxyType(milk)) == plain
    assert engine.check(collections.OrderedDict(milk)) == plain
    nested = dict(milk, producer=types.MappingProxyType(milk["producer"]))
    assert engine.check(nested) == plain


def test_python_values_in_dicts(engine: Engine, milk: Dict[str, Any]) -> None:
    """date → ISO text, Decimal → exact number, tuple → array."""
    plain = engine.check(milk)
    milk = json.loads(json.dumps(milk))
    milk["check_date"] = datetime.date(2026, 11, 26)
    milk["nutrition"]["rows"][1]["value"] = decimal.Decimal("2.6")
    milk["nutrition"]["rows"] = tuple(milk["nutrition"]["rows"])
    assert engine.check(milk) == plain


@pytest.mark.parametrize(
    "value, where",
    [
        ({1, 2}, "/storage"),
        (float("nan"), "/storage"),
        (decimal.Decimal("Infinity"), "/storage"),
        ({1: "x"}, "/storage"),
        ({"a/b": [object()]}, "/storage/a~1b/0"),
    ],
)
def test_unrepresentable_values(engine: Engine, milk: Dict[str, Any], value: Any, where: str) -> None:
    milk["storage"] = value
    with pytest.raises(InvalidLabel) as info:
        engine.check(milk)
    assert info.value.kind == "invalid" and info.value.path == where
    assert where in str(info.value)


@pytest.mark.parametrize(
    "value",
    [10**1000, -(10**1000), decimal.Decimal("1e999999999"), decimal.Decimal("1e-999999999")],
)
def test_numbers_no_reader_can_hold_are_refused_at_their_pointer(
    engine: Engine, milk: Dict[str, Any], value: Any
) -> None:
    # Used to be a JSON syntax error at a column of the converted text.
    milk["net_content"]["value"] = value
    with pytest.raises(InvalidLabel) as info:
        engine.check(milk)
    assert info.value.kind == "invalid" and info.value.path == "/net_content/value"


def test_large_numbers_that_json_holds_reach_the_core_limit(engine: Engine, milk: Dict[str, Any]) -> None:
    milk["net_content"]["value"] = 10**20
    with pytest.raises(InvalidLabel, match="larger than") as info:
        engine.check(milk)
    assert info.value.path == "/net_content/value"


class EndlessMapping:
    """A Mapping whose items never end: conversion must stop at the size limit."""

    def __getitem__(self, key: str) -> int:
        return 0

    def __len__(self) -> int:
        return 1

    def __iter__(self) -> Iterator[str]:
        i = 0
        while True:
            yield "k%d" % i
            i += 1

    def items(self) -> Iterator[Any]:
        return ((k, 0) for k in self)


def test_endless_mapping_stops_at_the_size_limit(engine: Engine, milk: Dict[str, Any]) -> None:
    import collections.abc

    collections.abc.Mapping.register(EndlessMapping)
    milk["extensions"] = EndlessMapping()
    with pytest.raises(InvalidLabel) as info:
        engine.check(milk)
    assert info.value.kind == "too_large"


def test_endless_list_stops_at_the_size_limit(engine: Engine, milk: Dict[str, Any]) -> None:
    import itertools

    class Endless(list):  # type: ignore[type-arg]
        def __iter__(self) -> Iterator[int]:
            return itertools.count()

    milk["extensions"] = {"x": Endless()}
    with pytest.raises(InvalidLabel) as info:
        engine.check(milk)
    assert info.value.kind == "too_large"


def test_cyclic_dict_is_an_error_not_a_crash(engine: Engine, milk: Dict[str, Any]) -> None:
    loop: Dict[str, Any] = {}
    loop["again"] = loop
    milk["storage"] = loop
    with pytest.raises(InvalidLabel, match="nesting deeper"):
        engine.check(milk)


@pytest.mark.parametrize("bad", [5, None, ["{}"], 1.5])
def test_wrong_type_is_type_error(engine: Engine, bad: Any) -> None:
    with pytest.raises(TypeError, match="a JSON str or bytes"):
        engine.check(bad)


# --- options ----------------------------------------------------------------------------


def test_as_of_forms(engine: Engine, milk: Dict[str, Any]) -> None:
    a = engine.check(milk, as_of="2027-06-01")
    b = engine.check(milk, as_of=datetime.date(2027, 6, 1))
    c = engine.check(milk, as_of=datetime.datetime(2027, 6, 1, 23, 59))
    assert a == b == c
    assert a.as_of == datetime.date(2027, 6, 1)
    assert {p.edition for p in a.packs if p.standard in FOOD} == {"2025"} and not a.ok
    assert engine.check(milk).as_of == datetime.date(2026, 11, 26)  # the label's check_date


@pytest.mark.parametrize("bad", ["2027-6-1", "2027-02-30", "tomorrow", ""])
def test_bad_as_of(engine: Engine, milk: Dict[str, Any], bad: str) -> None:
    with pytest.raises(InvalidOption, match="as_of") as info:
        engine.check(milk, as_of=bad)
    assert isinstance(info.value, ValueError) and info.value.kind == "option"


def test_as_of_wrong_type(engine: Engine, milk: Dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        engine.check(milk, as_of=20270601)  # type: ignore[arg-type]


def test_editions(engine: Engine, milk: Dict[str, Any]) -> None:
    both = engine.check(milk, edition="2025")
    assert {p.id for p in both.packs if p.standard in FOOD} == {"gb7718-2025", "gb28050-2025"}
    assert engine.check(milk, edition=["2025"]) == both
    assert engine.check(milk, edition=("GB 7718-2025", "GB 28050—2025")) == both
    one = engine.check(milk, edition=["GB 7718-2025"])
    assert {p.id for p in one.packs if p.standard in FOOD} == {"gb7718-2025", "gb28050-2011"}
    assert engine.check(milk, edition=[]) == engine.check(milk)
    with pytest.raises(InvalidOption, match="2052"):
        engine.check(milk, edition="2052")
    with pytest.raises(TypeError):
        engine.check(milk, edition=[2025])  # type: ignore[list-item]


def test_lang(engine: Engine, milk: Dict[str, Any]) -> None:
    zh = engine.check(out_of_order(milk))
    en = engine.check(out_of_order(milk), lang="en")
    assert zh.lang == "zh" and en.lang == "en"
    for fz, fe in zip(zh.findings, en.findings):
        assert fz.message == fz.message_zh == fe.message_zh
        assert fe.message == fe.message_en == fz.message_en
        assert fz.message_zh != fz.message_en
    assert zh.to_dict() == en.to_dict()  # both languages are in the data
    with pytest.raises(InvalidOption, match="lang"):
        engine.check(milk, lang="fr")  # type: ignore[arg-type]


# --- results ----------------------------------------------------------------------------


def test_report_and_findings(engine: Engine, milk: Dict[str, Any]) -> None:
    report = engine.check(out_of_order(milk), lang="en")
    assert not report.ok and report.verdict == "fail"
    assert report.label_id == "example-uht-milk"
    assert report.market == "CN" and report.category == "food.dairy.modified_milk"
    assert [p.id for p in report.packs if p.standard in FOOD] == ["gb28050-2011", "gb7718-2011"]
    assert all(len(p.hash) == 64 and p.version for p in report.packs)
    assert report.rules_evaluated > 0
    assert report.rules_skipped == len(report.skipped)
    assert all(isinstance(r, str) and isinstance(why, str) for r, why in report.skipped)
    rules = [(f.rule, f.path) for f in report.findings]
    assert rules == [
        ("GB7718-2011/4.1.3.1.2/descending-order", "/ingredients/items/1"),
        ("GB7718-2011/4.1.3.1.2/descending-order", "/ingredients/items/2"),
    ]
    f = report.findings[0]
    assert f.severity == "error" and f.confidence in ("solid", "secondary", "unverified")
    assert isinstance(f.citation, labelcheck.Citation)
    assert (f.citation.standard, f.citation.edition, f.citation.clause, f.citation.pack) == (
        "GB 7718",
        "2011",
        "4.1.3.1.2",
        "gb7718-2011",
    )
    assert str(f.citation) == "GB 7718-2011 §4.1.3.1.2"
    assert f.span is not None and f.span.field == "/ingredients/text"
    text = out_of_order(milk)["ingredients"]["text"]
    assert text[f.span.start : f.span.end] == f.span.text == "生牛乳(≥80%)"
    assert f.span.utf16_end - f.span.utf16_start == len(f.span.text.encode("utf-16-le")) // 2
    assert f.to_dict() == report.to_dict()["findings"][0]
    assert f.rule in repr(f) and f.message in str(f)
    assert "fail" in repr(report)


def test_expected_and_found_are_python_values(engine: Engine, milk: Dict[str, Any]) -> None:
    report = engine.check(milk, as_of="2027-06-01")
    values = [(f.expected, f.found) for f in report.findings]
    assert values and all(e is not None or fd is not None for e, fd in values)
    for f, d in zip(report.findings, report.to_dict()["findings"]):
        assert f.expected == d.get("expected") and f.found == d.get("found")
        assert f.topic == d.get("topic")


def test_to_json(engine: Engine, milk: Dict[str, Any]) -> None:
    report = engine.check(out_of_order(milk))
    compact = report.to_json()
    assert "\n" not in compact and "生牛乳" in compact  # non-ASCII kept
    assert json.loads(compact) == report.to_dict()
    pretty = report.to_json(indent=4)
    assert json.loads(pretty) == report.to_dict()
    assert '\n    "label_id"' in pretty and '\n        {' in pretty
    assert report.to_dict()["as_of"] == "2026-11-26"


def test_results_are_immutable(engine: Engine, milk: Dict[str, Any]) -> None:
    report = engine.check(milk)
    with pytest.raises(AttributeError):
        report.verdict = "pass"  # type: ignore[misc]
    with pytest.raises(TypeError):
        labelcheck.Report()  # type: ignore[call-arg]


def test_compare(engine: Engine, milk: Dict[str, Any]) -> None:
    cmp = engine.compare(milk, lang="en")
    assert cmp.current == engine.check(milk, lang="en")
    assert cmp.current.ok and not cmp.next.ok
    assert {p.edition for p in cmp.next.packs if p.standard in FOOD} == {"2025"}
    assert {f.rule for f in cmp.newly_failing} == {f.rule for f in cmp.next.findings}
    assert cmp.resolved == []
    assert all(f.lang == "en" for f in cmp.newly_failing)
    d = cmp.to_dict()
    assert set(d) == {"current", "next", "newly_failing", "resolved"}
    assert json.loads(cmp.to_json()) == d
    # After the transition the "current" view is the 2025 editions.
    assert {p.edition for p in engine.compare(milk, as_of="2027-06-01").current.packs if p.standard in FOOD} == {"2025"}


# --- batches ----------------------------------------------------------------------------


def labelled(milk: Dict[str, Any], n: int) -> List[Dict[str, Any]]:
    return [dict(milk, id="label-%d" % i) for i in range(n)]


def test_check_many_keeps_order(engine: Engine, milk: Dict[str, Any]) -> None:
    labels = labelled(milk, 50)
    reports = engine.check_many(labels)
    assert [r.label_id for r in reports] == ["label-%d" % i for i in range(50)]
    assert engine.check_many(labels, threads=1) == reports
    assert engine.check_many(iter(labels), threads=3) == reports
    assert engine.check_many([]) == []
    assert engine.check_many(labels[:3], as_of="2027-06-01", lang="en") == [
        engine.check(x, as_of="2027-06-01", lang="en") for x in labels[:3]
    ]


def mixed(milk: Dict[str, Any]) -> List[Any]:
    return [milk, "{oops", dict(milk, market="XX"), json.dumps(milk), b'{"market": 1}']


def test_check_many_errors_return(engine: Engine, milk: Dict[str, Any]) -> None:
    results = engine.check_many(mixed(milk), errors="return")
    assert [type(r).__name__ for r in results] == ["Report", "InvalidLabel", "InvalidLabel", "Report", "InvalidLabel"]
    kinds = [(r.index, r.kind) for r in results if isinstance(r, LabelcheckError)]
    assert kinds == [(1, "syntax"), (2, "unknown"), (4, "invalid")]
    e = results[2]
    assert isinstance(e, InvalidLabel) and e.path == "/market" and str(e).startswith("item 2: ")


def test_check_many_errors_raise(engine: Engine, milk: Dict[str, Any]) -> None:
    with pytest.raises(InvalidLabel) as info:
        engine.check_many(mixed(milk))
    assert info.value.index == 1 and info.value.kind == "syntax"
    assert (info.value.line, info.value.column) == (1, 2)
    with pytest.raises(InvalidOption, match="errors"):
        engine.check_many([milk], errors="ignore")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="item 1"):
        engine.check_many([milk, 42], errors="return")  # type: ignore[list-item]


def test_check_many_wants_many(engine: Engine, milk_text: str) -> None:
    for one in (milk_text, milk_text.encode(), json.loads(milk_text)):
        with pytest.raises(TypeError, match="for one label use check"):
            engine.check_many(one)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="for one label use check"):
            engine.check_iter(one)  # type: ignore[arg-type]


def test_lone_surrogates(engine: Engine, milk: Dict[str, Any]) -> None:
    with pytest.raises(InvalidLabel) as info:
        engine.check('{"market": "\ud800"}')
    assert info.value.kind == "syntax"
    milk["storage"] = "\udc00"
    with pytest.raises(InvalidLabel) as info:
        engine.check(milk)
    assert info.value.kind == "invalid" and info.value.path == "/storage"


def test_check_many_releases_the_gil(engine: Engine, milk_text: str) -> None:
    """A Python thread keeps running while a batch is checked."""
    labels = [milk_text.encode("utf-8")] * 400
    engine.check_many(labels[:2])
    ticks = [0]
    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            ticks[0] += 1

    t = threading.Thread(target=spin)
    t.start()
    time.sleep(0.05)
    try:
        before = ticks[0]
        start = time.perf_counter()
        engine.check_many(labels)
        elapsed = time.perf_counter() - start
        during = ticks[0] - before
    finally:
        stop.set()
        t.join()
    assert elapsed > 0.01, "batch too small to measure"
    assert during > 1000, "the spinning thread did not run during check_many (%d ticks in %.3f s)" % (during, elapsed)


def test_engine_shared_between_threads(engine: Engine, milk: Dict[str, Any]) -> None:
    labels = labelled(out_of_order(milk), 40)
    expected = [engine.check(x) for x in labels]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(engine.check, labels)) == expected


def test_check_iter_is_lazy_and_ordered(engine: Engine, milk: Dict[str, Any]) -> None:
    pulled = [0]

    def source() -> Iterator[Dict[str, Any]]:
        for x in labelled(milk, 10):
            pulled[0] += 1
            yield x

    it = engine.check_iter(source(), batch_size=4)
    assert pulled[0] == 0
    first = next(it)
    assert first.label_id == "label-0" and pulled[0] == 4
    rest = list(it)
    assert [r.label_id for r in rest] == ["label-%d" % i for i in range(1, 10)]
    with pytest.raises(InvalidOption, match="batch_size"):
        engine.check_iter([], batch_size=0)


def test_check_iter_huge_batch_size_is_refused_not_preallocated(
    engine: Engine, milk: Dict[str, Any]
) -> None:
    # batch_size=10**9 used to preallocate 72 GB and abort the interpreter.
    with pytest.raises(InvalidOption, match="batch_size"):
        engine.check_iter([milk], batch_size=10**9)
    # The largest accepted size allocates as labels arrive.
    got = list(engine.check_iter(labelled(milk, 3), batch_size=1_000_000))
    assert [r.label_id for r in got] == ["label-0", "label-1", "label-2"]


def test_check_iter_errors(engine: Engine, milk: Dict[str, Any]) -> None:
    got = list(engine.check_iter(mixed(milk), errors="return", batch_size=2))
    assert [getattr(r, "index", None) for r in got] == [None, 1, 2, None, 4]
    it = engine.check_iter(mixed(milk), batch_size=2)
    assert isinstance(next(it), labelcheck.Report)
    with pytest.raises(InvalidLabel) as info:
        next(it)
    assert info.value.index == 1
    assert list(it) == []  # an iterator that raised is finished


# --- catalogue --------------------------------------------------------------------------


def test_packs(engine: Engine) -> None:
    packs = {p.id: p for p in engine.packs()}
    assert {"gb7718-2011", "gb7718-2025", "gb28050-2011", "gb28050-2025"} <= set(packs)
    p = packs["gb7718-2011"]
    assert p.standard == "GB 7718" and p.edition == "2011" and p.jurisdiction == "CN"
    assert p.effective_from == datetime.date(2012, 4, 20)
    assert p.effective_until == datetime.date(2027, 3, 16)
    assert packs["gb7718-2025"].effective_until is None
    assert p.title_zh and p.title_en and p.version and len(p.hash) == 64
    assert "food" in p.categories and all(f.endswith(".toml") for f in p.files)
    assert p.rules and all(r.startswith("GB7718-2011/") for r in p.rules)


def test_table(engine: Engine) -> None:
    t = engine.table("gb21455-2019", "grades")
    assert t is not None
    assert t["pack"] == "gb21455-2019" and t["table"] == "grades" and t["key"] == "id"
    # GB 21455-2019 table 1: heat pump, CC <= 4500 W, grade 1 from APF 5.00, no upper bound.
    g1 = next(r for r in t["rows"] if r["id"] == "split_heat_pump|b1|1")
    assert g1["min"] == 5 and "max" not in g1
    assert len(t["rows"]) == 30
    assert engine.table("gb21455-2019", "no_such_table") is None
    assert engine.table("no-such-pack", "grades") is None


def test_rules(engine: Engine) -> None:
    rules = engine.rules()
    assert len(rules) == sum(len(p.rules) for p in engine.packs())
    assert len({r.id for r in rules}) == len(rules)
    mine = engine.rules(pack="gb7718-2011")
    assert mine and all(r.pack == "gb7718-2011" for r in mine)
    with pytest.raises(InvalidOption, match="no pack"):
        engine.rules(pack="gb0000")
    r = engine.rule("GB7718-2011/4.1.3.1.2/descending-order")
    assert (r.standard, r.edition, r.clause, r.severity) == ("GB 7718", "2011", "4.1.3.1.2", "error")
    assert r.check == "descending_order" and r.file.startswith("packs/gb7718-2011/")
    assert r.line is not None and r.line > 0
    assert str(r.citation) == "GB 7718-2011 §4.1.3.1.2"
    text = r.explain("en")
    assert text.startswith(r.id + "\n") and "descending_order" in text and "2012-04-20 → 2027-03-16" in text
    assert r.explain() != text  # zh title
    with pytest.raises(KeyError, match="no rule"):
        engine.rule("GB0000/1/none")


# --- engines from directories, pickling, errors ---------------------------------------------


def test_from_dir_and_overlay(engine: Engine, repo: Path, milk: Dict[str, Any]) -> None:
    standards = repo / "standards"
    for other in (Engine.from_dir(standards), Engine.from_dir(str(standards)), Engine.with_overlay(standards)):
        assert other.check(out_of_order(milk)).findings == engine.check(out_of_order(milk)).findings
    assert "from_dir" in repr(Engine.from_dir(standards))


def test_from_missing_dir(tmp_path: Path) -> None:
    with pytest.raises(InvalidPack) as info:
        Engine.from_dir(tmp_path / "nowhere")
    assert info.value.kind == "io" and "nowhere" in (info.value.file or "")


def test_broken_overlay_says_where(tmp_path: Path, repo: Path) -> None:
    pack = tmp_path / "packs" / "gb7718-2011"
    pack.mkdir(parents=True)
    shutil.copy(repo / "standards" / "packs" / "gb7718-2011" / "pack.toml", pack / "pack.toml")
    with open(pack / "pack.toml", "a", encoding="utf-8") as f:
        f.write("\n[oops]\nkey = 1\n")
    with pytest.raises(InvalidPack) as info:
        Engine.with_overlay(tmp_path)
    e = info.value
    assert e.kind == "pack" and e.file == "packs/gb7718-2011/pack.toml"
    assert e.problems and e.problems[0]["file"] == e.file
    assert "packs/gb7718-2011/pack.toml" in str(e)


def test_engine_pickles(engine: Engine, repo: Path, milk: Dict[str, Any]) -> None:
    for e in (engine, Engine.from_dir(repo / "standards")):
        again = pickle.loads(pickle.dumps(e))
        assert isinstance(again, Engine) and repr(again) == repr(e)
        assert again.check(milk) == e.check(milk)


def test_error_hierarchy_and_pickling(engine: Engine) -> None:
    assert issubclass(InvalidLabel, LabelcheckError) and issubclass(InvalidLabel, ValueError)
    assert issubclass(InvalidOption, LabelcheckError) and issubclass(InvalidOption, ValueError)
    assert issubclass(InvalidPack, LabelcheckError) and not issubclass(InvalidPack, ValueError)
    with pytest.raises(InvalidLabel) as info:
        engine.check('{\n  "market": "CN",\n  "category": 7\n}')
    e = info.value
    assert (e.kind, e.path, e.line, e.column, e.index) == ("invalid", "/category", 3, 15, None)
    assert "/category" in str(e) and "line 3, column 15" in str(e)
    again = pickle.loads(pickle.dumps(e))
    assert type(again) is InvalidLabel and again.__dict__ == e.__dict__ and str(again) == str(e)


def test_syntax_and_size_errors(engine: Engine) -> None:
    with pytest.raises(InvalidLabel) as info:
        engine.check('{"market": "CN",, }')
    assert info.value.kind == "syntax" and (info.value.line, info.value.column) == (1, 17)
    assert info.value.path is None
    with pytest.raises(InvalidLabel) as info:
        engine.check(" " * (5 * 1024 * 1024))
    assert info.value.kind == "too_large"
    with pytest.raises(InvalidLabel) as info:
        engine.check({"market": "CN", "category": "food.nothing"})
    assert info.value.kind == "unknown" and info.value.path == "/category"
    assert info.value.line is None


def test_version() -> None:
    assert labelcheck.__version__.count(".") == 2
    assert set(labelcheck.__all__) <= set(dir(labelcheck))


def test_declared_vs_measured(engine: Engine, repo: Path) -> None:
    text = (repo / "examples" / "faulty" / "uht-milk-lab-report.json").read_text(encoding="utf-8")
    report = engine.check(text, as_of="2026-11-26")
    assert [f.rule for f in report.findings] == ["GB28050-2011/6.4/tolerance"]
    rows = report.measurements
    assert len(rows) == 6
    protein = next(r for r in rows if r["name"] == "蛋白质")
    assert protein["verdict"] == "fail" and protein["allowed"] == "≥ 80 % = 2.08"
    assert protein["printed"] == 2.6 and protein["measured"] == 2
    assert report.to_dict()["measurements"] == rows


def test_rule_selection(engine: Engine, repo: Path) -> None:
    text = (repo / "examples" / "faulty" / "uht-milk-faulty.json").read_text(encoding="utf-8")
    only = engine.check(text, as_of="2026-11-26", rules="pack:gb7718-2011")
    assert [f.rule for f in only.findings] == ["GB7718-2011/4.1.3.1.2/descending-order"]
    many = engine.check_many([text, text], as_of="2026-11-26", rules="topic:nutrition")
    assert all(len(r.findings) == 2 for r in many)
    with pytest.raises(InvalidOption, match="no pack"):
        engine.check(text, rules="pack:nope")
    with pytest.raises(InvalidOption, match="rules"):
        engine.check(text, rules="colour:red")


def test_omit_skipped_keeps_the_rest_of_the_report(engine: Engine, repo: Path) -> None:
    text = (repo / "examples" / "faulty" / "uht-milk-faulty.json").read_text(encoding="utf-8")
    full = engine.check(text, as_of="2026-11-26").to_dict()
    brief = engine.check(text, as_of="2026-11-26", omit_skipped=True).to_dict()
    assert full["skipped"] and full["rules_skipped"] == len(full["skipped"])
    assert brief == {**full, "skipped": []}
    many = engine.check_many([text, text], as_of="2026-11-26", omit_skipped=True)
    assert [r.to_dict() for r in many] == [brief, brief]
    it = engine.check_iter(iter([text]), as_of="2026-11-26", omit_skipped=True)
    assert [r.to_dict() for r in it] == [brief]


def test_not_checked_is_never_a_pass(engine: Engine, milk: Dict[str, Any]) -> None:
    with pytest.raises(labelcheck.NotChecked) as info:
        engine.check(milk, as_of="2005-01-01")
    e = info.value
    assert e.kind == "not_checked" and isinstance(e, labelcheck.LabelcheckError)
    assert e.report.verdict == "not_checked" and e.report.market == "CN"
    got = engine.check_many([milk, milk], as_of="2005-01-01", errors="return")
    assert [type(r).__name__ for r in got] == ["NotChecked", "NotChecked"]
    assert [r.index for r in got] == [0, 1]  # type: ignore[union-attr]


def test_warm_up_compiles_a_markets_packs_and_changes_no_result(engine: Engine, repo: Path) -> None:
    fresh = Engine()
    us = [p for p in fresh.packs() if p.jurisdiction in ("US", "*")]
    assert len(us) >= 2
    assert fresh.warm_up("US") == len(us)
    assert fresh.warm_up() == len(fresh.packs())
    bar = (repo / "examples" / "us-granola-bar.json").read_text(encoding="utf-8")
    assert fresh.check(bar).to_dict() == engine.check(bar).to_dict()


def test_check_markets_one_report_per_market(engine: Engine, repo: Path) -> None:
    bar = (repo / "examples" / "us-granola-bar.json").read_text(encoding="utf-8")
    result = engine.check_markets(bar, ["US", "CODEX", "US"], lang="en")
    assert list(result.markets) == ["US", "CODEX"]
    assert result.markets["US"].ok and result.markets["CODEX"].verdict == "fail"
    assert result.verdict == "fail" and not result.ok
    assert result.to_dict()["markets"][1]["market"] == "CODEX"
    with pytest.raises(labelcheck.InvalidLabel):
        engine.check_markets(bar, ["US", "MARS"])
    sweater = (repo / "examples" / "cashmere-sweater.json").read_text(encoding="utf-8")
    with pytest.raises(labelcheck.NotChecked):
        engine.check_markets(sweater, ["CODEX"])

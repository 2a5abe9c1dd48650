"""The regression-suite case format (tests/suites/**/*.json), implemented in Python.

The same semantics as `labelcheck::suite::run_suite`: `base` (relative to the suite file) plus
an RFC 7396 merge `patch`, or a whole `label`, or `raw` text; `as_of` and `editions` per case
or per file; `expect` lists findings by rule and path and is exhaustive for the suite's packs
(`packs`, else the suite's directory name when that is a pack id, else all packs);
`expect_error` names the error kind (`syntax`, `invalid`, `unknown`, `too_large`).
A case may give a label's printed `text` (with `market`/`category` on the case or file and
optional `extra`), read by the text reader; it may say the `document` subset the reader must
build, the `unread` line texts, and a `span` text on an `expect` entry.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, FrozenSet, List, Optional, Set, Tuple, Union

SUITE_KEYS = {"description", "base", "as_of", "editions", "packs", "cases", "market", "category"}
CASE_KEYS = {
    "name", "clause", "comment", "patch", "label", "raw", "as_of", "editions", "expect", "expect_error",
    "text", "market", "category", "extra", "document", "unread", "markets",
}
ERROR_KINDS = {"syntax", "invalid", "unknown", "too_large", "not_checked"}


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396 JSON merge patch; returns a new value and leaves both arguments alone."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge_patch(out.get(key), value)
    return out


@dataclass
class Case:
    id: str
    suite: str
    name: str
    dir_name: str
    file_packs: Optional[List[str]]
    input: Union[Dict[str, Any], str]  # a label document, or raw text
    as_of: Optional[str]
    editions: List[str]
    expect: FrozenSet[Tuple[str, str]]
    expect_error: Optional[str]
    problems: List[str] = field(default_factory=list)
    # Text cases: the printed text and what is not printed; what the reader must build.
    text_input: Optional[Dict[str, Any]] = None
    document: Optional[Any] = None
    unread: Optional[List[str]] = None
    spans: FrozenSet[Tuple[str, str, str]] = frozenset()
    # A multi-market case: checked against each of these markets in place of its own.
    markets: Optional[List[str]] = None

    def packs(self, loaded: Set[str]) -> Set[str]:
        """The packs whose findings the case lists exhaustively (empty = every pack)."""
        if self.file_packs is not None:
            return set(self.file_packs)
        return {self.dir_name} if self.dir_name in loaded else set()

    def text(self) -> str:
        """The input as JSON text (what the CLI reads)."""
        if isinstance(self.input, str):
            return self.input
        return json.dumps(self.input, ensure_ascii=False)


def load_cases(suites_dir: Path) -> List[Case]:
    cases: List[Case] = []
    for path in sorted(suites_dir.rglob("*.json")):
        rel = path.relative_to(suites_dir).as_posix()
        doc = json.loads(path.read_text(encoding="utf-8"))
        problems = ["unknown suite key `%s`" % k for k in sorted(set(doc) - SUITE_KEYS)]
        base = None
        if doc.get("base") is not None:
            base = json.loads((path.parent / doc["base"]).read_text(encoding="utf-8"))
        for i, c in enumerate(doc["cases"]):
            case_problems = list(problems)
            case_problems += ["unknown case key `%s`" % k for k in sorted(set(c) - CASE_KEYS)]
            for e in c.get("expect", []):
                if not {"rule", "path"} <= set(e) <= {"rule", "path", "span"}:
                    case_problems.append("expect entry %r must have rule and path (and a span)" % (e,))
            if c.get("expect_error") is not None and c["expect_error"] not in ERROR_KINDS:
                case_problems.append("unknown expect_error kind `%s`" % c["expect_error"])
            text_input = None
            if c.get("text") is not None:
                text_input = {
                    "text": c["text"],
                    "market": c.get("market") or doc.get("market"),
                    "category": c.get("category") or doc.get("category"),
                    "extra": c.get("extra"),
                }
                inp: Union[Dict[str, Any], str] = c["text"]
            elif c.get("raw") is not None:
                inp = c["raw"]
            else:
                doc_in = c.get("label") if c.get("label") is not None else base
                if doc_in is None:
                    case_problems.append("case has neither label nor base")
                    doc_in = {}
                inp = merge_patch(doc_in, c["patch"]) if c.get("patch") is not None else copy.deepcopy(doc_in)
            editions = c["editions"] if c.get("editions") is not None else doc.get("editions", [])
            cases.append(
                Case(
                    id="%s::%d %s" % (rel, i, c["name"]),
                    suite=rel,
                    name=c["name"],
                    dir_name=path.parent.name,
                    file_packs=doc.get("packs"),
                    input=inp,
                    as_of=c.get("as_of") or doc.get("as_of"),
                    editions=list(editions),
                    expect=frozenset((e["rule"], e["path"]) for e in c.get("expect", [])),
                    expect_error=c.get("expect_error"),
                    problems=case_problems,
                    text_input=text_input,
                    document=c.get("document"),
                    unread=c.get("unread"),
                    spans=frozenset((e["rule"], e["path"], e["span"]) for e in c.get("expect", []) if "span" in e),
                    markets=c.get("markets"),
                )
            )
    return cases


def subset_problems(want: Any, got: Any, at: str = "") -> List[str]:
    """Where `want` is not a JSON subset of `got` (as core/src/suite.rs judges a text case's
    `document`): objects by key (a null asks for absence), arrays of equal length element by
    element, everything else equal."""
    if isinstance(want, dict) and isinstance(got, dict):
        out: List[str] = []
        for k, v in want.items():
            if k in got:
                out += subset_problems(v, got[k], "%s/%s" % (at, k))
            elif v is not None:
                out.append("document %s/%s: missing, expected %r" % (at, k, v))
        return out
    if isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        return [p for i, (w, g) in enumerate(zip(want, got)) for p in subset_problems(w, g, "%s/%d" % (at, i))]
    if want == got:
        return []
    return ["document %s: %r, expected %r" % (at, got, want)]

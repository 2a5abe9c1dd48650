"""Type stubs of the native module ``labelcheck._native`` (checked by mypy's stubtest)."""

import datetime
import os
from typing import Any, Iterable, Iterator, Literal, Mapping, Optional, Sequence, Union, final, overload

from ._errors import LabelcheckError

__all__ = [
    "Engine",
    "Report",
    "Finding",
    "Citation",
    "Span",
    "PackRef",
    "Comparison",
    "MarketReports",
    "Pack",
    "Rule",
    "__version__",
]

__version__: str

_LabelInput = Union[Mapping[str, Any], str, bytes, bytearray]
"""A label: a dict or other mapping (the JSON document as Python objects), JSON text, or JSON bytes."""
_DateInput = Union[str, datetime.date]
"""A date: ``YYYY-MM-DD`` text or a ``datetime.date`` (a ``datetime`` gives its date)."""
_EditionInput = Union[str, Sequence[str], None]
"""Editions to apply early (or re-check against): ``"2025"``, ``"GB 7718-2025"`` or a list."""
_Lang = Literal["zh", "en"]
_Severity = Literal["error", "warning", "info"]
_Verdict = Literal["pass", "pass_with_warnings", "fail", "not_checked"]
_Confidence = Literal["solid", "secondary", "unverified"]

@final
class Citation:
    """The clause a finding rests on; ``str()`` gives ``GB 7718-2011 §4.1.3.1.2``."""
    @property
    def standard(self) -> str: ...
    @property
    def edition(self) -> str: ...
    @property
    def clause(self) -> str: ...
    @property
    def also(self) -> list[str]: ...
    @property
    def pack(self) -> str: ...

@final
class Span:
    """Characters of a free-text field: ``text[span.start:span.end] == span.text``."""
    @property
    def field(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def utf16_start(self) -> int: ...
    @property
    def utf16_end(self) -> int: ...
    @property
    def text(self) -> str: ...

@final
class Finding:
    """One shortfall of a label against a rule: which rule, where, why, per which clause."""
    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> _Severity: ...
    @property
    def message(self) -> str: ...
    @property
    def message_zh(self) -> str: ...
    @property
    def message_en(self) -> str: ...
    @property
    def lang(self) -> _Lang: ...
    @property
    def citation(self) -> Citation: ...
    @property
    def path(self) -> str: ...
    @property
    def span(self) -> Optional[Span]: ...
    @property
    def expected(self) -> Any: ...
    @property
    def found(self) -> Any: ...
    @property
    def confidence(self) -> _Confidence: ...
    @property
    def topic(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class PackRef:
    """A pack applied to a label, with its data version and SHA-256."""
    @property
    def id(self) -> str: ...
    @property
    def standard(self) -> str: ...
    @property
    def edition(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def hash(self) -> str: ...

@final
class Report:
    """Every finding for one label, and what was applied. ``ok``: no error findings."""
    @property
    def ok(self) -> bool: ...
    @property
    def verdict(self) -> _Verdict: ...
    @property
    def findings(self) -> list[Finding]: ...
    @property
    def packs(self) -> list[PackRef]: ...
    @property
    def label_id(self) -> Optional[str]: ...
    @property
    def market(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def rules_evaluated(self) -> int: ...
    @property
    def rules_skipped(self) -> int: ...
    @property
    def skipped(self) -> list[tuple[str, str]]: ...
    @property
    def measurements(self) -> list[dict[str, Any]]: ...
    @property
    def text(self) -> Optional[dict[str, Any]]: ...
    @property
    def lang(self) -> _Lang: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, *, indent: Optional[int] = None) -> str: ...

@final
class Comparison:
    """A label under the editions in force (``current``) and the latest ones (``next``)."""
    @property
    def current(self) -> Report: ...
    @property
    def next(self) -> Report: ...
    @property
    def newly_failing(self) -> list[Finding]: ...
    @property
    def resolved(self) -> list[Finding]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, *, indent: Optional[int] = None) -> str: ...

@final
class MarketReports:
    """One label checked against several markets: a report per market, in the order asked."""
    @property
    def verdict(self) -> _Verdict: ...
    @property
    def ok(self) -> bool: ...
    @property
    def markets(self) -> dict[str, Report]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, *, indent: Optional[int] = None) -> str: ...

@final
class Pack:
    """A loaded pack: one edition of one standard."""
    @property
    def id(self) -> str: ...
    @property
    def standard(self) -> str: ...
    @property
    def edition(self) -> str: ...
    @property
    def title_zh(self) -> str: ...
    @property
    def title_en(self) -> str: ...
    @property
    def jurisdiction(self) -> str: ...
    @property
    def categories(self) -> list[str]: ...
    @property
    def exclude_categories(self) -> list[str]: ...
    @property
    def families(self) -> list[str]: ...
    @property
    def effective_from(self) -> datetime.date: ...
    @property
    def effective_until(self) -> Optional[datetime.date]: ...
    @property
    def supersedes(self) -> list[str]: ...
    @property
    def version(self) -> str: ...
    @property
    def hash(self) -> str: ...
    @property
    def files(self) -> list[str]: ...
    @property
    def rules(self) -> list[str]: ...

@final
class Rule:
    """A rule of a pack; ``explain()`` describes it as ``labelcheck rules <ID>`` does."""
    @property
    def id(self) -> str: ...
    @property
    def pack(self) -> str: ...
    @property
    def standard(self) -> str: ...
    @property
    def edition(self) -> str: ...
    @property
    def clause(self) -> str: ...
    @property
    def citation(self) -> Citation: ...
    @property
    def severity(self) -> _Severity: ...
    @property
    def confidence(self) -> _Confidence: ...
    @property
    def topic(self) -> Optional[str]: ...
    @property
    def check(self) -> str: ...
    @property
    def when(self) -> Optional[str]: ...
    @property
    def for_each(self) -> Optional[str]: ...
    @property
    def note(self) -> Optional[str]: ...
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> Optional[int]: ...
    def explain(self, lang: _Lang = "zh") -> str: ...

@final
class Engine:
    """Loaded, compiled standards. Build once, share between threads; pickles.

    Operational failures raise ``LabelcheckError`` subclasses; findings are never exceptions.
    """

    def __new__(cls) -> "Engine":
        """The standards embedded in the package (compiled once per process)."""
    @staticmethod
    def from_dir(path: Union[str, os.PathLike[str]]) -> "Engine":
        """Only the standards in ``path`` (laid out like the repository's ``standards/``)."""
    @staticmethod
    def with_overlay(path: Union[str, os.PathLike[str]]) -> "Engine":
        """The embedded standards with ``path`` laid over them (same relative path replaces)."""
    def check(
        self,
        label: _LabelInput,
        *,
        as_of: Optional[_DateInput] = None,
        edition: _EditionInput = None,
        lang: _Lang = "zh",
        rules: Optional[str] = None,
        omit_skipped: bool = False,
    ) -> Report:
        """Checks one label. ``as_of``: the date to judge on (default: the label's
        ``check_date``, else today). ``edition``: editions to apply instead of those in force.
        ``lang``: the language of ``Finding.message``. ``rules``: run only these rules —
        ``"pack:gb28050-2011,topic:nutrition,rule:<id>"`` (as the CLI's ``--only``).
        ``omit_skipped``: leave ``Report.skipped`` empty (``rules_skipped`` still counts the
        skipped rules) — the list is most of a report; the other check methods take it too.
        Raises ``InvalidLabel``/``InvalidOption``, and ``NotChecked`` when no pack applies.
        """
    def warm_up(self, market: Optional[str] = None) -> int:
        """Compiles now the packs a first check would compile (all, or one market's: ``"CN"``)
        and returns how many — so the first request is answered at full speed."""
    def check_markets(
        self,
        label: _LabelInput,
        markets: Sequence[str],
        *,
        as_of: Optional[_DateInput] = None,
        edition: _EditionInput = None,
        lang: _Lang = "zh",
        rules: Optional[str] = None,
        omit_skipped: bool = False,
    ) -> MarketReports:
        """Checks one label against each of ``markets`` (``["US", "EU", "CN", "CODEX"]``)
        in place of its own market: one report per market, in the order given. Raises
        ``NotChecked`` only when no market has a pack for the label's category.
        """
    def check_text(
        self,
        text: str,
        *,
        market: str,
        category: str,
        as_of: Optional[_DateInput] = None,
        edition: _EditionInput = None,
        lang: _Lang = "zh",
        rules: Optional[str] = None,
        extra: Optional[Mapping[str, Any]] = None,
        omit_skipped: bool = False,
    ) -> Report:
        """Reads a label's printed text and checks it. ``market`` and ``category`` are not
        printed, so they are given; ``extra`` holds facts the text does not print (imported,
        package, textile.durable_label…). Finding spans point into ``text``;
        ``Report.text`` is what the reader understood. Raises as ``check``.
        """
    @overload
    def check_many(
        self,
        labels: Iterable[_LabelInput],
        *,
        as_of: Optional[_DateInput] = None,
        edition: _EditionInput = None,
        lang: _Lang = "zh",
        errors: Literal["raise"] = "raise",
        threads: int = 0,
        rules: Optional[str] = None,
        omit_skipped: bool = False,
    ) -> list[Report]: ...
    @overload
    def check_many(
        self,
        labels: Iterable[_LabelInput],
        *,
        as_of: Optional[_DateInput] = None,
        edition: _EditionInput = None,
        lang: _Lang = "zh",
        errors: Literal["return"],
        threads: int = 0,
        rules: Optional[str] = None,
        omit_skipped: bool = False,
    ) -> list[Union[Report, LabelcheckError]]: ...
    @overload
    def check_iter(
        self,
        labels: Iterable[_LabelInput],
        *,
        as_of: Optional[_DateInput] = None,
        edition: _EditionInput = None,
        lang: _Lang = "zh",
        errors: Literal["raise"] = "raise",
        batch_size: int = 1024,
        threads: int = 0,
        rules: Optional[str] = None,
        omit_skipped: bool = False,
    ) -> Iterator[Report]: ...
    @overload
    def check_iter(
        self,
        labels: Iterable[_LabelInput],
        *,
        as_of: Optional[_DateInput] = None,
        edition: _EditionInput = None,
        lang: _Lang = "zh",
        errors: Literal["return"],
        batch_size: int = 1024,
        threads: int = 0,
        rules: Optional[str] = None,
        omit_skipped: bool = False,
    ) -> Iterator[Union[Report, LabelcheckError]]: ...
    def compare(
        self,
        label: _LabelInput,
        *,
        as_of: Optional[_DateInput] = None,
        lang: _Lang = "zh",
    ) -> Comparison:
        """The label under the editions in force and under the latest editions."""
    def rules(self, pack: Optional[str] = None) -> list[Rule]:
        """Every rule of the loaded packs, or of one pack."""
    def rule(self, id: str) -> Rule:
        """One rule by id; ``KeyError`` when no loaded pack has it."""
    def table(self, pack: str, table: str) -> Optional[dict[str, Any]]:
        """A pack's table as the pack holds it (``pack``, ``table``, ``clause``, ``key``,
        ``rows``), or ``None`` when the pack or the table does not exist."""
    def packs(self) -> list[Pack]:
        """The loaded packs, every edition."""
    def __reduce__(self) -> tuple[Any, ...]: ...

"""The exceptions of labelcheck: operational failures only.

A label that falls short of a standard is never an exception: that is a ``Finding`` in the
``Report``. These are raised when a label cannot be read at all, when standards cannot be
loaded, or when an option is wrong.

    LabelcheckError
     ├── InvalidLabel   (also a ValueError)  kind: syntax | invalid | unknown | too_large
     ├── InvalidPack                         kind: pack | io
     ├── InvalidOption  (also a ValueError)  kind: option
     └── NotChecked                          kind: not_checked
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple


class LabelcheckError(Exception):
    """Base class of every labelcheck exception.

    ``kind`` is the short error kind (the names regression suites use in ``expect_error``);
    ``index`` is the item's position when the error comes from a batch, else ``None``.
    """

    kind: str
    index: Optional[int]

    def __init__(self, message: str, *, kind: str = "error", index: Optional[int] = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.index = index

    @property
    def message(self) -> str:
        """The message (``str(error)``)."""
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...], Dict[str, Any]]:
        # Keep the attributes across pickling (multiprocessing, Spark executors).
        return (self.__class__, (self.message,), dict(self.__dict__))


class InvalidLabel(LabelcheckError, ValueError):
    """The input could not be read as a label document.

    ``kind``: ``syntax`` (malformed JSON: ``line`` and ``column`` say where), ``invalid``
    (well-formed JSON that does not fit the label document: ``path`` is the JSON pointer of
    the offending value, plus ``line``/``column`` when the label was JSON text), ``unknown``
    (an unknown market or category: ``path`` is ``/market`` or ``/category``) or
    ``too_large``.
    """

    path: Optional[str]
    line: Optional[int]
    column: Optional[int]

    def __init__(
        self,
        message: str,
        *,
        kind: str = "invalid",
        path: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        index: Optional[int] = None,
    ) -> None:
        super().__init__(message, kind=kind, index=index)
        self.path = path
        self.line = line
        self.column = column


class InvalidPack(LabelcheckError):
    """Standards could not be loaded (``Engine.from_dir`` / ``Engine.with_overlay``).

    ``file``, ``line`` and ``rule`` locate the first problem; ``problems`` lists every
    problem found in the load, each a dict with ``file``, ``line``, ``rule``, ``message``.
    ``kind`` is ``pack``, or ``io`` when a file or directory could not be read.
    """

    file: Optional[str]
    line: Optional[int]
    rule: Optional[str]
    problems: List[Dict[str, Any]]

    def __init__(
        self,
        message: str,
        *,
        kind: str = "pack",
        file: Optional[str] = None,
        line: Optional[int] = None,
        rule: Optional[str] = None,
        problems: Optional[List[Dict[str, Any]]] = None,
        index: Optional[int] = None,
    ) -> None:
        super().__init__(message, kind=kind, index=index)
        self.file = file
        self.line = line
        self.rule = rule
        self.problems = list(problems or [])


class InvalidOption(LabelcheckError, ValueError):
    """An option has a value the engine cannot use (``as_of``, ``edition``, ``lang``, …)."""

    def __init__(self, message: str, *, kind: str = "option", index: Optional[int] = None) -> None:
        super().__init__(message, kind=kind, index=index)


class NotChecked(LabelcheckError):
    """No pack applies to the label's market and category on the check date (for example a
    date before any edition took effect): nothing was judged, so it is not a pass.

    ``report`` is the (empty) report, with ``market``, ``category`` and ``as_of``.
    """

    report: Any

    def __init__(
        self,
        message: str,
        *,
        kind: str = "not_checked",
        report: Any = None,
        index: Optional[int] = None,
    ) -> None:
        super().__init__(message, kind=kind, index=index)
        self.report = report


__all__ = ["LabelcheckError", "InvalidLabel", "InvalidPack", "InvalidOption", "NotChecked"]

"""labelcheck: check product labels against the standards that govern them.

>>> import labelcheck
>>> engine = labelcheck.Engine()                      # embedded packs, compiled once
>>> report = engine.check({"market": "CN", "category": "food.dairy.sterilized_milk",
...                        "check_date": "2026-11-26", "product_name": {"text": "纯牛奶"}},
...                       lang="en")
>>> report.ok
False
>>> any(f.citation.standard == "GB 7718" for f in report.findings)
True

See ``help(labelcheck.Engine)`` and the package README.
"""

from ._errors import InvalidLabel, InvalidOption, InvalidPack, LabelcheckError, NotChecked
from ._native import (
    Citation,
    Comparison,
    MarketReports,
    Engine,
    Finding,
    Pack,
    PackRef,
    Report,
    Rule,
    Span,
    __version__,
)

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
    "LabelcheckError",
    "InvalidLabel",
    "NotChecked",
    "InvalidPack",
    "InvalidOption",
    "__version__",
]

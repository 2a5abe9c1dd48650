#!/usr/bin/env python3
"""Writes the 21 CFR 101.9(c) rounding boundary suite (tests/suites/us-21cfr101/rounding-boundaries.json).

The rounding of each nutrient is written here from the paragraph's own words, independently of
the pack: 101.9(c)(1) calories, (c)(2) fats, (c)(3) cholesterol, (c)(4) sodium (and potassium),
(c)(6)-(7) carbohydrates and protein. For every boundary of every scheme the suite takes the true
amount on the boundary and just either side of it, and:
  * declares what the paragraph says the label shows (expects no finding), and
  * declares the amounts a careless label shows — the unrounded amount, or the amount rounded
    with the step of the neighbouring band — each expecting the rounding finding exactly when no
    true amount at all could round to it (the image of the rounding function, found here by
    brute force over a fine grid, is the oracle — not the pack's own arithmetic).
Values exactly half-way between two increments are avoided: the regulation does not say which way
they round (intl.md §3.3).

Run from the repository root (stdlib only):  python3 tools/us/gen_rounding_suite.py
"""
from __future__ import annotations

import copy
import json
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASE = "../../../examples/us-granola-bar.json"
OUT = ROOT / "tests" / "suites" / "us-21cfr101" / "rounding-boundaries.json"
RULE = "US21CFR101/101.9-c/rounding"

D = Decimal


def nearest(x: Decimal, step: Decimal) -> Decimal:
    return (x / step).quantize(D(1), rounding=ROUND_HALF_UP) * step


# Each scheme: the true amount → (declared value, printed as "less than"?) per 101.9(c).
def calories(x):  # (c)(1): < 5 → 0; ≤ 50 → nearest 5; > 50 → nearest 10
    if x < 5:
        return D(0), False
    return (nearest(x, D(5)) if x <= 50 else nearest(x, D(10))), False


def fat(x):  # (c)(2): < 0.5 g → 0; < 5 g → nearest 0.5 g; ≥ 5 g → nearest 1 g
    if x < D("0.5"):
        return D(0), False
    return (nearest(x, D("0.5")) if x < 5 else nearest(x, D(1))), False


def cholesterol(x):  # (c)(3): < 2 mg → 0; 2-5 mg → "less than 5 mg"; > 5 mg → nearest 5 mg
    if x < 2:
        return D(0), False
    if x <= 5:
        return D(5), True
    return nearest(x, D(5)), False


def sodium(x):  # (c)(4): < 5 mg → 0; 5-140 mg → nearest 5 mg; > 140 mg → nearest 10 mg
    if x < 5:
        return D(0), False
    return (nearest(x, D(5)) if x <= 140 else nearest(x, D(10))), False


def carbohydrate(x):  # (c)(6)-(7): < 0.5 g → 0; < 1 g → "less than 1 g"; ≥ 1 g → nearest 1 g
    if x < D("0.5"):
        return D(0), False
    if x < 1:
        return D(1), True
    return nearest(x, D(1)), False


SCHEMES = {
    # scheme: (function, nutrient row name in the base label, boundaries, grid step, top, steps of the bands)
    "calories": (calories, "Calories", [D(5), D(50)], D("0.1"), D(400), [D(5), D(10)]),
    "fat": (fat, "Total Fat", [D("0.5"), D(5)], D("0.01"), D(40), [D("0.5"), D(1)]),
    "cholesterol": (cholesterol, "Cholesterol", [D(2), D(5)], D("0.1"), D(400), [D(5)]),
    "sodium": (sodium, "Sodium", [D(5), D(140)], D("0.1"), D(1000), [D(5), D(10)]),
    "carbohydrate": (carbohydrate, "Total Carbohydrate", [D("0.5"), D(1)], D("0.01"), D(60), [D(1)]),
}
# Amounts a hair either side of a boundary (never a half-way point of any step).
EPS = {"calories": D("0.3"), "fat": D("0.03"), "cholesterol": D("0.3"), "sodium": D("0.3"), "carbohydrate": D("0.03")}
DV = {"Total Fat": D(78), "Sodium": D(2300), "Total Carbohydrate": D(275), "Cholesterol": D(300)}


def image(fn, grid: Decimal, top: Decimal) -> set[tuple[Decimal, bool]]:
    out = set()
    x = D(0)
    while x <= top:
        out.add(fn(x))
        x += grid
    return out


def num(d: Decimal):
    d = d.normalize()
    return int(d) if d == d.to_integral_value() else float(str(d))


def main() -> None:
    base = json.loads((OUT.parent / BASE).resolve().read_text(encoding="utf-8"))
    rows = base["nutrition"]["rows"]
    cases = []
    for scheme, (fn, row_name, bounds, grid, top, steps) in SCHEMES.items():
        producible = image(fn, grid, top)
        idx = next(i for i, r in enumerate(rows) if r["name"] == row_name)
        for b in bounds:
            for x in (b - EPS[scheme], b, b + EPS[scheme]):
                right = fn(x)
                candidates = [("as 101.9(c) rounds it", right)]
                candidates.append(("unrounded", (x, False)))
                for s in steps:
                    candidates.append((f"rounded to the nearest {num(s)}", (nearest(x, s), False)))
                seen = set()
                for how, (v, lt) in candidates:
                    if (v, lt) in seen or v < 0:
                        continue
                    seen.add((v, lt))
                    row = copy.deepcopy(rows[idx])
                    row["value"] = num(v)
                    row.pop("less_than", None)
                    if lt:
                        row["less_than"] = True
                        row.pop("nrv_percent", None)
                    elif row_name in DV:
                        # A %DV consistent with the declared amount, to the whole percent.
                        row["nrv_percent"] = num(nearest(v * 100 / DV[row_name], D(1)))
                    new_rows = copy.deepcopy(rows)
                    new_rows[idx] = row
                    ok = (v, lt) in producible
                    printed = ("less than " if lt else "") + str(num(v))
                    cases.append({
                        "name": f"{row_name}: true amount {num(x)}, declared {printed} ({how})",
                        "clause": {"calories": "101.9(c)(1)", "fat": "101.9(c)(2)", "cholesterol": "101.9(c)(3)",
                                   "sodium": "101.9(c)(4)", "carbohydrate": "101.9(c)(6)-(7)"}[scheme],
                        "patch": {"nutrition": {"rows": new_rows}},
                        "expect": [] if ok else [{"rule": RULE, "path": f"/nutrition/rows/{idx}/value"}],
                    })
    suite = {
        "description": "21 CFR 101.9(c) rounding: every boundary of every scheme, on it and either side, declared right and declared as careless labels do. Generated by tools/us/gen_rounding_suite.py — do not edit by hand.",
        "base": BASE,
        "as_of": "2026-12-01",
        "packs": ["us-21cfr101"],
        "cases": cases,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(suite, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases → {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the boundary suites of the energy-label grade and class tables.

For every threshold of every table: a label whose figure lies exactly on the threshold and one
step either side, each declaring the class that the act's *stated* boundary convention gives
(the case expects no finding), and, on the threshold itself, a label declaring the class of the
other side (the case expects the grade finding). Values below the lowest grade are expected to
fail the product's minimum rule where it has one.

The expected class is computed here from the convention written next to each table below
(which bound is inclusive — shared/reference/intl.md §11.12, cn-nonfood.md §9), not by the
engine, so a wrong `lower_inclusive` / `upper_inclusive` or a wrong row order in a pack fails
the suite. Thresholds are read from the pack tables, so the suites follow a corrected value.

Run from the repository root (stdlib only, Python ≥ 3.11):
    python3 tools/energy/gen_boundary_suites.py
Output: tests/suites/<pack>/boundaries-<table>.json (overwritten).
Not every written file is pure output any more: eu-2023-1669/boundaries-repairability.json and
gb24850-2020/boundaries-grades.json carry hand-written cases below the lowest threshold (their
sessions' reviews); `git checkout` those two after a run unless this script learns them.
"""

from __future__ import annotations

import copy
import json
import tomllib
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKS = ROOT / "standards" / "packs"
SUITES = ROOT / "tests" / "suites"


def D(x) -> Decimal:
    return Decimal(str(x))


def num(d: Decimal):
    """A JSON number with the decimal's shortest text (the engine reads it back exactly)."""
    d = d.normalize()
    if d == d.to_integral_value():
        return int(d)
    return float(str(d))


def table(pack: str, name: str) -> list[dict]:
    rows = []
    for f in sorted((PACKS / pack).glob("*.toml")):
        data = tomllib.loads(f.read_text(encoding="utf-8"))
        t = data.get("tables", {}).get(name)
        if t:
            rows.extend(t["rows"])
    if not rows:
        raise SystemExit(f"{pack}: no table {name}")
    return rows


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


UNITS = {"standard_eei": "%", "total_eei": "%"}


def with_figures(figures: list[dict], set_: dict[str, Decimal], drop=()) -> list[dict]:
    out = []
    for f in figures:
        if f["name"] in drop:
            continue
        g = dict(f)
        if f["name"] in set_:
            g["value"] = num(set_[f["name"]])
        out.append(g)
    for name, v in set_.items():
        if not any(f["name"] == name for f in out):
            f = {"name": name, "value": num(v)}
            if name in UNITS:
                f["unit"] = UNITS[name]
            out.append(f)
    return out


def index_of(figures: list[dict], name: str) -> int:
    return next(i for i, f in enumerate(figures) if f["name"] == name)


# ---- conventions -----------------------------------------------------------------------------

def band_lower_inclusive(rows, v, lo="lo", hi="hi", key="id"):
    """lo ≤ v < hi (lower bound inclusive)."""
    for r in rows:
        if (lo not in r or D(r[lo]) <= v) and (hi not in r or v < D(r[hi])):
            return r[key]
    return None


def band_upper_inclusive(rows, v, lo="over", hi="upto", key="id"):
    """lo < v ≤ hi (upper bound inclusive)."""
    for r in rows:
        if (lo not in r or D(r[lo]) < v) and (hi not in r or v <= D(r[hi])):
            return r[key]
    return None


def thresholds(rows, *cols):
    ts = sorted({D(r[c]) for r in rows for c in cols if c in r})
    return ts


def other_side(classify, t, step):
    """The class just across the threshold from t's own class, if any."""
    own = classify(t)
    for v in (t - step, t + step):
        c = classify(v)
        if c is not None and c != own:
            return c
    return None


def write(pack: str, topic: str, description: str, base: str, cases: list[dict], as_of="2026-11-26"):
    suite = {
        "description": description,
        "base": base,
        "as_of": as_of,
        "cases": cases,
    }
    path = SUITES / pack / f"boundaries-{topic}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(suite, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(cases)} cases")


def threshold_cases(*, label, classify, ts, step, patch_for, grade_path, grade_rule, below=None, fmt=str):
    """Cases for each threshold t: t − step, t, t + step declared as classified, plus t declared
    with the other side's class. `patch_for(v, cls)` builds the patch; `below(v)` gives the
    findings expected when no class holds (None: the grade rule skips, no finding)."""
    cases = []
    for t in ts:
        for v, where in ((t - step, "below"), (t, "on"), (t + step, "above")):
            cls = classify(v)
            if cls is None:
                if below is None:
                    continue
                cases.append({
                    "name": f"{label} {fmt(v)} ({where} {fmt(t)}): no grade",
                    "patch": patch_for(v, None),
                    "expect": below(v),
                })
                continue
            cases.append({
                "name": f"{label} {fmt(v)} ({where} {fmt(t)}) → {cls}",
                "patch": patch_for(v, cls),
                "expect": [],
            })
        wrong = other_side(classify, t, step)
        own = classify(t)
        if wrong is not None and own is not None:
            cases.append({
                "name": f"{label} {fmt(t)} exactly on the threshold declared {wrong} (is {own})",
                "patch": patch_for(t, wrong),
                "expect": [{"rule": grade_rule, "path": grade_path}],
            })
    return cases


# ---- CN: GB 21455-2019 room air conditioners ---------------------------------------------------

def gb21455():
    pack = "gb21455-2019"
    base_path = ROOT / "examples" / "split-ac-3.5kw.json"
    base = load(base_path)
    rows = table(pack, "grades")
    mid = {"b1": D(3500), "b2": D(5000), "b3": D(10000)}
    # Convention (cn-nonfood.md §9.1): a value ≥ a grade's threshold earns it: min ≤ v < max.
    for ptype, metric in (("split_heat_pump", "apf"), ("split_cooling_only", "seer")):
        cases = []
        for band, cc in mid.items():
            band_rows = [r for r in rows if r["type"] == ptype and r["band"] == band]
            g5 = D(next(r["min"] for r in band_rows if r["grade"] == "5"))

            def classify(v, band_rows=band_rows):
                return band_lower_inclusive(band_rows, v, lo="min", hi="max", key="grade")

            if ptype == "split_heat_pump":
                figs0 = base["energy_label"]["figures"]
            else:
                figs0 = [
                    {"name": "seer", "value": 5.0, "unit": "W·h/(W·h)"},
                    {"name": "rated_cooling_capacity", "value": 3500, "unit": "W"},
                    {"name": "cooling_season_consumption", "value": 520, "unit": "kWh"},
                ]

            def patch_for(v, cls, figs0=figs0, cc=cc, metric=metric, ptype=ptype):
                figs = with_figures(figs0, {metric: v, "rated_cooling_capacity": cc})
                return {"energy_label": {"product_type": ptype, "declared_grade": cls or "5", "figures": figs}}

            def below(v, figs0=figs0, metric=metric):
                return [{"rule": "GB21455-2019/4.3/minimum", "path": f"/energy_label/figures/{index_of(figs0, metric)}/value"}]

            cases += threshold_cases(
                label=f"{metric.upper()} at {cc} W ({band})", classify=classify,
                ts=thresholds(band_rows, "min"), step=D("0.01"), patch_for=patch_for,
                grade_path="/energy_label/declared_grade", grade_rule="GB21455-2019/4.2/grade",
                below=below)
            assert any(c["expect"] and "minimum" in c["expect"][0]["rule"] for c in cases), g5
        if ptype == "split_heat_pump":
            # Capacity-band edges: 4500 W is in the first band, 7100 W in the second (§9.1).
            figs0 = base["energy_label"]["figures"]

            def cc_case(cc, apf, grade, expect, note):
                figs = with_figures(figs0, {"apf": D(apf), "rated_cooling_capacity": D(cc)})
                return {"name": f"APF {apf} at rated cooling capacity {cc} W declared {grade} ({note})",
                        "patch": {"energy_label": {"declared_grade": grade, "figures": figs}},
                        "expect": expect}

            g = "/energy_label/declared_grade"
            r = "GB21455-2019/4.2/grade"
            cases += [
                cc_case(4499, "4.70", "2", [], "band CC ≤ 4500 W: 4.50 ≤ APF < 5.00"),
                cc_case(4500, "4.70", "2", [], "4500 W is still the first band"),
                cc_case(4500, "4.70", "1", [{"rule": r, "path": g}], "4500 W is the first band, grade 1 needs 5.00"),
                cc_case(4501, "4.70", "1", [], "4501 W is the second band: APF ≥ 4.50 is grade 1"),
                cc_case(7099, "4.30", "2", [], "second band: 4.00 ≤ APF < 4.50"),
                cc_case(7100, "4.30", "2", [], "7100 W is still the second band"),
                cc_case(7100, "4.30", "1", [{"rule": r, "path": g}], "7100 W is the second band, grade 1 needs 4.50"),
                cc_case(7101, "4.30", "1", [], "7101 W is the third band: APF ≥ 4.20 is grade 1"),
                cc_case(13999, "4.30", "1", [], "third band"),
                cc_case(14000, "4.30", "1", [], "14000 W is the top of the scope"),
                cc_case(14001, "4.30", "1", [{"rule": "GB21455-2019/1/scope", "path": "/energy_label/figures/1/value"}],
                        "outside the scope: no band, grade and minimum rules skip"),
            ]
        write(pack, metric, f"GB 21455-2019 表{'1' if metric == 'apf' else '2'}: {metric.upper()} grade thresholds (value ≥ threshold earns the grade), each exactly, ±0.01, per capacity band",
              "../../../examples/split-ac-3.5kw.json", cases)


# ---- CN: GB 12021.2-2015 refrigerators ---------------------------------------------------------

def gb12021_2():
    pack = "gb12021.2-2015"
    rows = table(pack, "grades")
    types = {
        "refrigerator_freezer": ("refrigerator_freezer", [
            {"name": "total_consumption", "value": 0.92, "unit": "kWh/24h"},
            {"name": "fresh_food_volume", "value": 310, "unit": "L"},
            {"name": "frozen_volume", "value": 190, "unit": "L"}]),
        "wine_cooler": ("wine_cooler", [
            {"name": "standard_consumption", "value": 0.45, "unit": "kWh/24h"},
            {"name": "total_volume", "value": 120, "unit": "L"}]),
        "chest_refrigerator_freezer": ("chest_refrigerator_freezer", [
            {"name": "standard_consumption", "value": 0.80, "unit": "kWh/24h"},
            {"name": "fresh_food_volume", "value": 150, "unit": "L"},
            {"name": "frozen_volume", "value": 150, "unit": "L"}]),
        "other": ("refrigerator_no_star", [
            {"name": "standard_consumption", "value": 0.40, "unit": "kWh/24h"},
            {"name": "fresh_food_volume", "value": 200, "unit": "L"}]),
    }
    cases = []
    # Convention (cn-nonfood.md §9.2): each band excludes its lower edge and includes its upper
    # edge; the grade is the best one whose ceilings all hold (worse of η_s and η_t).
    for group, (ptype, figs0) in types.items():
        grows = [r for r in rows if r["group"] == group]

        def grade(es, et, grows=grows):
            for r in grows:
                if es <= D(r["standard_eei"]) and ("total_eei" not in r or et <= D(r["total_eei"])):
                    return r["grade"]
            return None

        for index in ("standard_eei", "total_eei"):
            if not any(index in r for r in grows):
                continue
            other = {"standard_eei": "total_eei", "total_eei": "standard_eei"}[index]
            good = {"standard_eei": D(20), "total_eei": D(40)}[other]

            def patch_for(v, cls, index=index, other=other, good=good, figs0=figs0, ptype=ptype, group=group):
                s = {index: v}
                if group == "refrigerator_freezer":
                    s[other] = good
                figs = with_figures(figs0, s)
                return {"energy_label": {"product_type": ptype, "declared_grade": cls or "5", "figures": figs}}

            def classify(v, index=index, good=good):
                return grade(v, good) if index == "standard_eei" else grade(good, v)

            def below(v, figs0=figs0, index=index, group=group):
                figs = patch_for(v, None)["energy_label"]["figures"]
                return [{"rule": "GB12021.2-2015/4.2/maximum", "path": f"/energy_label/figures/{index_of(figs, index)}/value"}]

            cases += threshold_cases(
                label=f"{ptype} {index}", classify=classify, ts=thresholds(grows, index),
                step=D("0.1"), patch_for=patch_for, grade_path="/energy_label/declared_grade",
                grade_rule="GB12021.2-2015/4.3/grade", below=below)
    write(pack, "grades", "GB 12021.2-2015 表4: η_s and η_t ceilings per grade group (value ≤ ceiling earns the grade), each exactly and ±0.1",
          "../../../examples/refrigerator-500l.json", cases, as_of="2026-05-20")


# ---- CN: GB 21519-2008 storage water heaters ---------------------------------------------------

def gb21519():
    pack = "gb21519-2008"
    rows = table(pack, "grades")
    base = load(SUITES / pack / "base.label")
    figs0 = base["energy_label"]["figures"]

    # Convention (cn-nonfood.md §9.4): best grade with ε ≤ ceiling and μ ≥ floor.
    def grade(eps, mu):
        for r in rows:
            if eps <= D(r["eps_max"]) and mu >= D(r["mu_min"]):
                return r["grade"]
        return None

    cases = []
    for fig, step, fixed_name, fixed in (("standing_loss_coefficient", D("0.01"), "hot_water_output_rate", D(80)),
                                          ("hot_water_output_rate", D("0.1"), "standing_loss_coefficient", D("0.5"))):
        def patch_for(v, cls, fig=fig, fixed_name=fixed_name, fixed=fixed):
            return {"energy_label": {"declared_grade": cls or "5", "figures": with_figures(figs0, {fig: v, fixed_name: fixed})}}

        def classify(v, fig=fig, fixed=fixed):
            return grade(v, fixed) if fig == "standing_loss_coefficient" else grade(fixed, v)

        col = "eps_max" if fig == "standing_loss_coefficient" else "mu_min"
        cases += threshold_cases(
            label=fig, classify=classify, ts=thresholds(rows, col), step=step, patch_for=patch_for,
            grade_path="/energy_label/declared_grade", grade_rule="GB21519-2008/4.2/grade",
            below=lambda v: [{"rule": "GB21519-2008/4.3/minimum", "path": "/energy_label/figures"}])
    write(pack, "grades", "GB 21519-2008: ε ceilings (μ 80 %) and μ floors (ε 0.5), each exactly and one step either side",
          "base.label", cases)


# ---- CN: GB 20665-2015 gas water heaters and boilers ------------------------------------------

def gb20665():
    pack = "gb20665-2015"
    rows = table(pack, "grades")
    names = {"hw": ("hot_water_efficiency_full", "hot_water_efficiency_part"),
             "heat": ("heating_efficiency_full", "heating_efficiency_part")}
    best = {"hw": (D("99.9"), D("99.5")), "heat": (D("99.9"), D("99.5"))}
    funcs = {"water_heater": ("hw",), "heating_boiler": ("heat",), "combi_boiler": ("heat", "hw")}

    # Convention (cn-nonfood.md §9.5): η1 = the larger, η2 = the smaller of the full- and
    # part-load efficiencies; each must reach its floor (≥); the grade is the worst over η1,
    # η2 and both functions of a combi-boiler.
    def grade(ptype, eff):
        for r in (r for r in rows if r["type"] == ptype):
            ok = True
            for f in funcs[ptype]:
                hi, lo = max(eff[f]), min(eff[f])
                ok = ok and hi >= D(r[f"{f}_eta1"]) and lo >= D(r[f"{f}_eta2"])
            if ok:
                return r["grade"]
        return None

    def figures(ptype, eff):
        out = []
        for f in funcs[ptype]:
            for name, v in zip(names[f], eff[f]):
                out.append({"name": name, "value": num(v), "unit": "%"})
        return out

    cases = []
    for ptype, fs in funcs.items():
        prow = [r for r in rows if r["type"] == ptype]
        for f in fs:
            for col in ("eta1", "eta2"):
                for t in thresholds(prow, f"{f}_{col}"):
                    def eff_for(v, f=f, col=col, t=t):
                        eff = dict(best)
                        # Vary one of η1 / η2 and keep the other just inside the same grade.
                        eff[f] = (v, t - D("3.5")) if col == "eta1" else (t + D("3.5"), v)
                        return eff

                    def patch_for(v, cls, ptype=ptype, eff_for=eff_for):
                        return {"energy_label": {"product_type": ptype, "declared_grade": cls or "3",
                                                 "figures": figures(ptype, eff_for(v))}}

                    cases += threshold_cases(
                        label=f"{ptype} {f} {col}", classify=lambda v, ptype=ptype, eff_for=eff_for: grade(ptype, eff_for(v)),
                        ts=[t], step=D("0.1"), patch_for=patch_for,
                        grade_path="/energy_label/declared_grade", grade_rule="GB20665-2015/4.2/grade",
                        below=lambda v: [{"rule": "GB20665-2015/4.3/minimum", "path": "/energy_label/figures"}])
    write(pack, "grades", "GB 20665-2015: η1/η2 floors per function and type (value ≥ floor), each exactly and ±0.1; the worst grade wins",
          "base.label", cases)


# ---- CN: single-index tables (lower bound inclusive, min ≤ v < max) ----------------------------

def simple_cn(pack, topic, description, fig, step, rule, extra=None, row_filter=lambda r: True,
              below=lambda figs0, v: []):
    rows = [r for r in table(pack, "grades") if row_filter(r)]
    base = load(SUITES / pack / "base.label")
    figs0 = base["energy_label"]["figures"]

    def patch_for(v, cls):
        return {"energy_label": {"declared_grade": cls or "3", "figures": with_figures(figs0, {fig: v})}}

    cases = threshold_cases(
        label=fig, classify=lambda v: band_lower_inclusive(rows, v, lo="min", hi="max", key="grade"),
        ts=thresholds(rows, "min"), step=step, patch_for=patch_for,
        grade_path="/energy_label/declared_grade", grade_rule=rule,
        below=lambda v: below(figs0, v))
    cases += extra(figs0) if extra else []
    write(pack, topic, description, "base.label", cases)


def led_extra(figs0):
    def c(p, cct, grade, expect, note):
        return {"name": f"downlight {p} W {cct} K efficacy 80 declared {grade} ({note})",
                "patch": {"energy_label": {"declared_grade": grade, "figures": with_figures(figs0, {"rated_power": D(p), "cct": D(cct), "luminous_efficacy": D(80)})}},
                "expect": expect}
    g = [{"rule": "GB30255-2019/4.1/grade", "path": "/energy_label/declared_grade"}]
    return [
        c("5", 3000, "2", [], "≤ 5 W row"),
        c("5", 3000, "1", g, "≤ 5 W row, grade 1 needs 95 lm/W"),
        c("5.1", 3000, "1", [], "above 5 W: row not sourced, not graded"),
        c("4.9", 3499, "1", g, "CCT 3499 K is below 3500 K: graded"),
        c("4.9", 3500, "1", [], "CCT 3500 K is not < 3500 K: row not sourced, not graded"),
    ]


# ---- EU: class tables --------------------------------------------------------------------------

def eu(pack, topic, description, base_rel, rows, convention, cols, value_patch, step, rule, path,
       fmt=str, key="id", as_of="2026-11-26"):
    classify = (lambda v: band_lower_inclusive(rows, v, *cols, key=key)) if convention == "lower" \
        else (lambda v: band_upper_inclusive(rows, v, *cols, key=key))
    cases = threshold_cases(label=topic, classify=classify, ts=thresholds(rows, *cols), step=step,
                            patch_for=value_patch, grade_path=path, grade_rule=rule,
                            below=lambda v: [], fmt=fmt)
    write(pack, topic, description, base_rel, cases, as_of=as_of)


def eu_all():
    # 2019/2017 dishwashers — lower bound inclusive (EEI 32.0 → B; intl.md §11.12).
    dw = load(ROOT / "examples" / "eu-dishwasher.json")
    dfigs = dw["energy_label"]["figures"]

    def dw_eei(v, cls):
        return {"energy_label": {"declared_grade": cls or "G", "figures": with_figures(dfigs, {"eei": v}, drop=("epec",))}}

    def dw_noise(v, cls):
        return {"energy_label": {"figures": with_figures(dfigs, {"noise": v}), "classes": [{"name": "noise", "class": cls or "D"}]}}

    eu("eu-2019-2017", "classes", "2019/2017 Annex II Table 1: lo ≤ EEI < hi (lower bound inclusive), declared EEI, each threshold and ±0.1",
       "../../../examples/eu-dishwasher.json", table("eu-2019-2017", "classes"), "lower", ("lo", "hi"), dw_eei, D("0.1"),
       "EU-2019-2017/AnnexII.1/class", "/energy_label/declared_grade")
    eu("eu-2019-2017", "noise", "2019/2017 Annex II Table 2: noise classes, lower bound inclusive, ±1 dB",
       "../../../examples/eu-dishwasher.json", table("eu-2019-2017", "noise_classes"), "lower", ("lo", "hi"), dw_noise, D(1),
       "EU-2019-2017/AnnexII.2/noise-class", "/energy_label/classes/0/class")

    # 2023/1669 smartphones and tablets — upper bound inclusive, higher is better (2.70 → B).
    sp = load(ROOT / "examples" / "eu-smartphone.json")
    sfigs = sp["energy_label"]["figures"]
    for device, category in (("smartphone", "appliance.smartphone"), ("tablet", "appliance.tablet")):
        rows = [r for r in table("eu-2023-1669", "classes") if r["device"] == device]

        def sp_eei_full(v, cls, category=category):
            # Without the nominal voltage the EEI cannot be computed: the declared one is classed.
            return {"category": category,
                    "energy_label": {"declared_grade": cls or "G",
                                     "figures": with_figures(sfigs, {"eei": v}, drop=("nominal_voltage",))}}

        eu("eu-2023-1669", f"classes-{device}", f"2023/1669 Annex II Table {1 if device == 'smartphone' else 2}: over < EEI ≤ upto (upper bound inclusive, higher is better), declared EEI, each threshold and ±0.01",
           "../../../examples/eu-smartphone.json", rows, "upper", ("over", "upto"), sp_eei_full, D("0.01"),
           "EU-2023-1669/AnnexII.A/class", "/energy_label/declared_grade", key="class")

    def rep(v, cls):
        return {"energy_label": {"figures": with_figures(sfigs, {"repairability_score": v}),
                                 "classes": [{"name": "free_fall", "class": "B"}, {"name": "repairability", "class": cls or "E"}, {"name": "ip", "class": "IP68"}]}}

    def fall(v, cls):
        return {"energy_label": {"figures": with_figures(sfigs, {"free_fall_rounds": v}),
                                 "classes": [{"name": "free_fall", "class": cls or "D"}, {"name": "repairability", "class": "B"}, {"name": "ip", "class": "IP68"}]}}

    eu("eu-2023-1669", "repairability", "2023/1669 Annex II C: repairability classes, lower bound inclusive, ±0.01",
       "../../../examples/eu-smartphone.json", table("eu-2023-1669", "repairability_classes"), "lower", ("lo", "hi"), rep, D("0.01"),
       "EU-2023-1669/AnnexII.C/repairability-class", "/energy_label/classes/1/class")
    falls = table("eu-2023-1669", "free_fall_classes")
    eu("eu-2023-1669", "free-fall", "2023/1669 Annex II B: free-fall classes of non-foldable smartphones, lower bound inclusive, ±1 fall",
       "../../../examples/eu-smartphone.json", [r for r in falls if r["device"] == "smartphone"], "lower", ("lo", "hi"), fall, D(1),
       "EU-2023-1669/AnnexII.B/free-fall-class", "/energy_label/classes/0/class", key="class")

    def tablet_fall(v, cls):
        # The smartphone example's EEI of 2.5 is class G on the tablet scale (Table 2).
        patch = fall(v, cls)
        patch["energy_label"]["declared_grade"] = "G"
        return {"category": "appliance.tablet", **patch}

    eu("eu-2023-1669", "free-fall-tablet", "2023/1669 Annex II B: free-fall classes of non-foldable slate tablets, lower bound inclusive, ±1 fall",
       "../../../examples/eu-smartphone.json", [r for r in falls if r["device"] == "tablet"], "lower", ("lo", "hi"), tablet_fall, D(1),
       "EU-2023-1669/AnnexII.B/free-fall-class", "/energy_label/classes/0/class", key="class")

    # 2019/2016 refrigerating appliances — upper bound inclusive (EEI 41.0 → A).
    fr = load(SUITES / "eu-2019-2016" / "base.label")
    ffigs = fr["energy_label"]["figures"]
    eu("eu-2019-2016", "classes", "2019/2016 Annex II Table 1 (as replaced by 2021/340): over < EEI ≤ upto (upper bound inclusive), ±0.1",
       "base.label", table("eu-2019-2016", "classes"), "upper", ("over", "upto"),
       lambda v, cls: {"energy_label": {"declared_grade": cls or "G", "figures": with_figures(ffigs, {"eei": v})}}, D("0.1"),
       "EU-2019-2016/AnnexII.1/class", "/energy_label/declared_grade")
    eu("eu-2019-2016", "noise", "2019/2016 Annex II Table 2: noise classes, lower bound inclusive, ±1 dB",
       "base.label", table("eu-2019-2016", "noise_classes"), "lower", ("lo", "hi"),
       lambda v, cls: {"energy_label": {"figures": with_figures(ffigs, {"noise": v}), "classes": [{"name": "noise", "class": cls or "D"}]}}, D(1),
       "EU-2019-2016/AnnexII.2/noise-class", "/energy_label/classes/0/class")

    # 2019/2014 washing machines / washer-dryers — upper bound inclusive; spin and noise lower.
    wm = load(SUITES / "eu-2019-2014" / "base.label")
    wfigs = wm["energy_label"]["figures"]
    crow = table("eu-2019-2014", "classes")
    eu("eu-2019-2014", "washing", "2019/2014 Annex II Table 1: over < EEIW ≤ upto (upper bound inclusive), declared EEIW, ±0.1",
       "base.label", [r for r in crow if r["cycle"] == "washing"], "upper", ("over", "upto"),
       lambda v, cls: {"energy_label": {"declared_grade": cls or "G", "figures": with_figures(wfigs, {"eeiw": v}, drop=("ew",))}}, D("0.1"),
       "EU-2019-2014/AnnexII.1/washing-class", "/energy_label/declared_grade", key="class")
    eu("eu-2019-2014", "complete-cycle", "2019/2014 Annex II Table 2: over < EEIWD ≤ upto (upper bound inclusive), washer-dryers, ±0.1",
       "base.label", [r for r in crow if r["cycle"] == "complete"], "upper", ("over", "upto"),
       lambda v, cls: {"energy_label": {"product_type": "washer_dryer", "declared_grade": cls or "G",
                                        "figures": with_figures(wfigs, {"eeiwd": v}),
                                        "classes": [{"name": "spin_drying", "class": "B"}, {"name": "noise", "class": "A"}, {"name": "washing_cycle", "class": "A"}]}}, D("0.1"),
       "EU-2019-2014/AnnexII.2/complete-cycle-class", "/energy_label/declared_grade", key="class")
    eu("eu-2019-2014", "spin", "2019/2014 Annex II Table 3: spin-drying classes, lower bound inclusive, ±0.1 %",
       "base.label", table("eu-2019-2014", "spin_classes"), "lower", ("lo", "hi"),
       lambda v, cls: {"energy_label": {"figures": with_figures(wfigs, {"remaining_moisture": v}), "classes": [{"name": "spin_drying", "class": cls or "G"}, {"name": "noise", "class": "A"}]}}, D("0.1"),
       "EU-2019-2014/AnnexII.3/spin-class", "/energy_label/classes/0/class")
    eu("eu-2019-2014", "noise", "2019/2014 Annex II Table 4: spin noise classes, lower bound inclusive, ±1 dB",
       "base.label", table("eu-2019-2014", "noise_classes"), "lower", ("lo", "hi"),
       lambda v, cls: {"energy_label": {"figures": with_figures(wfigs, {"noise": v}), "classes": [{"name": "spin_drying", "class": "B"}, {"name": "noise", "class": cls or "D"}]}}, D(1),
       "EU-2019-2014/AnnexII.4/noise-class", "/energy_label/classes/1/class")

    # 2019/2013 electronic displays — lower bound inclusive (0.30 → B), unrounded.
    tv = load(SUITES / "eu-2019-2013" / "base.label")
    tfigs = tv["energy_label"]["figures"]
    eu("eu-2019-2013", "sdr", "2019/2013 Annex II Table 1: lo ≤ EEI < hi (lower bound inclusive), SDR, ±0.001",
       "base.label", table("eu-2019-2013", "classes"), "lower", ("lo", "hi"),
       lambda v, cls: {"energy_label": {"declared_grade": cls or "G", "figures": with_figures(tfigs, {"eei_sdr": v})}}, D("0.001"),
       "EU-2019-2013/AnnexII.A/sdr-class", "/energy_label/declared_grade")
    eu("eu-2019-2013", "hdr", "2019/2013 Annex II Table 1 applied to HDR: lower bound inclusive, ±0.001",
       "base.label", table("eu-2019-2013", "classes"), "lower", ("lo", "hi"),
       lambda v, cls: {"energy_label": {"figures": with_figures(tfigs, {"eei_hdr": v}), "classes": [{"name": "hdr", "class": cls or "G"}]}}, D("0.001"),
       "EU-2019-2013/AnnexII.A/hdr-class", "/energy_label/classes/0/class")

    # 2019/2015 light sources — lower bound inclusive, higher is better (210 → A).
    ls = load(SUITES / "eu-2019-2015" / "base.label")
    lfigs = ls["energy_label"]["figures"]
    eu("eu-2019-2015", "classes", "2019/2015 Annex II Table 1: lo ≤ η_TM < hi (lower bound inclusive, higher is better), declared η_TM, ±0.01",
       "base.label", table("eu-2019-2015", "classes"), "lower", ("lo", "hi"),
       lambda v, cls: {"energy_label": {"declared_grade": cls or "G", "figures": with_figures(lfigs, {"eta_tm": v}, drop=("useful_luminous_flux",))}}, D("0.01"),
       "EU-2019-2015/AnnexII/class", "/energy_label/declared_grade")

    # 626/2011 air conditioners — lower bound inclusive, higher is better (SEER 8.50 → A+++).
    ac = load(SUITES / "eu-626-2011" / "base.label")
    afigs = ac["energy_label"]["figures"]
    arows = table("eu-626-2011", "classes")
    eu("eu-626-2011", "seer", "626/2011 Annex II Table 1: lo ≤ SEER < hi (lower bound inclusive), ±0.01",
       "base.label", [r for r in arows if r["metric"] == "seer"], "lower", ("lo", "hi"),
       lambda v, cls: {"energy_label": {"declared_grade": cls or "G", "figures": with_figures(afigs, {"seer": v})}}, D("0.01"),
       "EU-626-2011/AnnexII/class", "/energy_label/declared_grade", key="class")
    eu("eu-626-2011", "scop", "626/2011 Annex II Table 1: lo ≤ SCOP < hi (average season), heating class of a reversible unit, ±0.01",
       "base.label", [r for r in arows if r["metric"] == "scop"], "lower", ("lo", "hi"),
       lambda v, cls: {"energy_label": {"figures": with_figures(afigs, {"scop": v}), "classes": [{"name": "heating", "class": cls or "G"}]}}, D("0.01"),
       "EU-626-2011/AnnexII/heating-class", "/energy_label/classes/0/class", key="class")
    duct_figs = [{"name": "eer", "value": 3.0}, {"name": "cop", "value": 2.5}]
    for ptype, metric, name, heat in (("double_duct", "eer", "Double-duct air conditioner", "C"), ("single_duct", "eer", "Local air conditioner (single duct)", "A")):
        # COP 2.5 is heating class C for double ducts (2.40 ≤ COP < 2.60), A for single ducts (2.30 ≤ COP < 2.60).
        eu("eu-626-2011", f"eer-{ptype.replace('_', '-')}", f"626/2011 Annex II Table 2: lo ≤ EER < hi, {ptype.replace('_', ' ')}, ±0.01",
           "base.label", [r for r in arows if r["metric"] == metric], "lower", ("lo", "hi"),
           lambda v, cls, ptype=ptype, name=name, heat=heat: {"product_name": {"text": name}, "energy_label": {"product_type": ptype, "declared_grade": cls or "G",
                                                   "figures": with_figures(duct_figs, {"eer": v}), "classes": [{"name": "heating", "class": heat}]}},
           D("0.01"), "EU-626-2011/AnnexII/class", "/energy_label/declared_grade", key="class")
    for ptype, metric, name in (("double_duct", "cop_double", "Double-duct air conditioner"), ("single_duct", "cop_single", "Local air conditioner (single duct)")):
        eu("eu-626-2011", f"cop-{ptype.replace('_', '-')}", f"626/2011 Annex II Table 2: lo ≤ COP < hi, {ptype.replace('_', ' ')}, ±0.01",
           "base.label", [r for r in arows if r["metric"] == metric], "lower", ("lo", "hi"),
           lambda v, cls, ptype=ptype, name=name: {"product_name": {"text": name}, "energy_label": {"product_type": ptype, "declared_grade": "A",
                                                   "figures": with_figures(duct_figs, {"cop": v}), "classes": [{"name": "heating", "class": cls or "G"}]}},
           D("0.01"), "EU-626-2011/AnnexII/heating-class", "/energy_label/classes/0/class", key="class")


def main():
    gb21455()
    gb12021_2()
    gb21519()
    gb20665()
    simple_cn("gb24850-2020", "grades", "GB 24850-2020 grades 1–3: min ≤ η < max (lower bound inclusive), each threshold and ±0.01; below 2.0 not graded",
              "energy_efficiency", D("0.01"), "GB24850-2020/4/grade")
    simple_cn("gb30255-2019", "grades", "GB 30255-2019 表1 downlights ≤ 5 W, CCT < 3500 K: efficacy ≥ threshold earns the grade, ±0.1; power and CCT edges",
              "luminous_efficacy", D("0.1"), "GB30255-2019/4.1/grade", extra=led_extra,
              below=lambda figs0, v: [{"rule": "GB30255-2019/4.2/minimum",
                                       "path": f"/energy_label/figures/{index_of(figs0, 'luminous_efficacy')}/value"}])
    eu_all()


if __name__ == "__main__":
    main()

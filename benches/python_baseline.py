"""Pure-Python baseline: GB 28050-2011 nutrition-panel checks written the straightforward way,
against the labelcheck Python binding on the same labels.

    bindings/python/.venv/bin/python benches/python_baseline.py labels-1000.jsonl

The baseline covers the panel rules a hand-written checker would start with (core nutrients
present and in order, NRV % agrees with the value, values under the 0 threshold printed as 0,
energy agrees with the conversion factors, the common content claims). labelcheck is timed twice:
running every rule of every pack in force for the label (GB 7718 and GB 28050, about 100 rules),
and restricted with `rules=` to the rules that judge the same things (SAME_RULES) — the like-for-
like figure. Both take the labels as JSON text.
"""
import json
import sys
import time

NAMES = {"能量": "energy", "蛋白质": "protein", "脂肪": "fat", "饱和脂肪": "saturated_fat",
         "反式脂肪酸": "trans_fat", "碳水化合物": "carbohydrate", "糖": "sugar",
         "膳食纤维": "dietary_fibre", "钠": "sodium", "维生素A": "vitamin_a", "维生素C": "vitamin_c",
         "维生素D": "vitamin_d", "钙": "calcium", "铁": "iron", "锌": "zinc"}
NRV = {"energy": 8400, "protein": 60, "fat": 60, "saturated_fat": 20, "carbohydrate": 300,
       "dietary_fibre": 25, "sodium": 2000, "vitamin_a": 800, "vitamin_c": 100, "vitamin_d": 5,
       "calcium": 800, "iron": 15, "zinc": 15}
ZERO = {"energy": 17, "protein": 0.5, "fat": 0.5, "saturated_fat": 0.1, "trans_fat": 0.3,
        "carbohydrate": 0.5, "sugar": 0.5, "dietary_fibre": 0.5, "sodium": 5}
CORE = ["energy", "protein", "fat", "carbohydrate", "sodium"]
FACTORS = {"protein": 17, "fat": 37, "carbohydrate": 17, "dietary_fibre": 8}
CLAIMS = [("高蛋白", "protein", lambda v: v >= 12), ("低脂", "fat", lambda v: v <= 3),
          ("低钠", "sodium", lambda v: v <= 120), ("富含钙", "calcium", lambda v: v >= 240)]


# The labelcheck rules that judge what `check` judges (GB 28050-2011, in force on the corpus's
# check date): core nutrients, NRV % value, the "0" threshold, energy from the factors, the
# claimed nutrient declared, content-claim conditions. The baseline's core-order group has no
# counterpart (GB 28050-2011 fixes no order for the core rows); nothing else is selected.
SAME_RULES = ",".join([
    "GB28050-2011/4.1/core-energy", "GB28050-2011/4.1/core-protein", "GB28050-2011/4.1/core-fat",
    "GB28050-2011/4.1/core-carbohydrate", "GB28050-2011/4.1/core-sodium",
    "GB28050-2011/A.2/nrv-value", "GB28050-2011/6.2/zero-threshold",
    "GB28050-2011/3.4/energy-calc", "GB28050-2011/4.2/claimed-nutrient-declared",
    "GB28050-2011/5.2/content-claim-conditions",
])


def check(text):
    label = json.loads(text)
    findings = []
    rows = (label.get("nutrition") or {}).get("rows") or []
    amounts, order = {}, []
    for i, row in enumerate(rows):
        nid = NAMES.get(row.get("name", "").strip())
        if nid is None:
            continue
        order.append(nid)
        value = row.get("value")
        amounts[nid] = value
        nrv, declared = NRV.get(nid), row.get("nrv_percent")
        if nrv and declared is not None and isinstance(value, (int, float)):
            if round(value / nrv * 100) != round(declared):
                findings.append(("nrv-value", f"/nutrition/rows/{i}/nrv_percent"))
        z = ZERO.get(nid)
        if z is not None and isinstance(value, (int, float)) and 0 < value <= z:
            findings.append(("zero-threshold", f"/nutrition/rows/{i}/value"))
    if rows:
        for n in CORE:
            if n not in amounts:
                findings.append(("core-nutrients", "/nutrition/rows"))
        seen = [n for n in order if n in CORE]
        if seen != [n for n in CORE if n in seen]:
            findings.append(("core-order", "/nutrition/rows"))
        if all(k in amounts for k in ("energy", "protein", "fat", "carbohydrate")):
            computed = sum(amounts.get(k, 0) * f for k, f in FACTORS.items())
            if abs(computed - amounts["energy"]) > max(0.1 * computed, 17):
                findings.append(("energy-factors", "/nutrition/rows/0/value"))
    for i, claim in enumerate(label.get("claims") or []):
        for word, nid, ok in CLAIMS:
            if word in claim.get("text", ""):
                if nid not in amounts:
                    findings.append(("claimed-nutrient-declared", f"/claims/{i}"))
                elif not ok(amounts[nid]):
                    findings.append(("content-claim-conditions", f"/claims/{i}"))
    return findings


def best(f, passes=3):
    out = float("inf")
    for _ in range(passes):
        t = time.perf_counter()
        f()
        out = min(out, time.perf_counter() - t)
    return out


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/var/tmp/labelcheck-corpus/labels-1000.jsonl"
    lines = [l for l in open(path, encoding="utf-8") if l.strip()]
    n = len(lines)
    py = best(lambda: [check(l) for l in lines])
    print(f"pure Python (GB 28050-2011 panel subset): {py / n * 1e6:.1f} µs/label")
    try:
        import labelcheck
    except ImportError:
        print("labelcheck binding not installed (bash bindings/python/test.sh builds it)")
        return
    engine = labelcheck.Engine()
    one = best(lambda: [engine.check(l) for l in lines])
    many1 = best(lambda: engine.check_many(lines, threads=1))
    many = best(lambda: engine.check_many(lines))
    # Like for like: the same rule groups on the same labels (rules= selects them).
    same1 = best(lambda: engine.check_many(lines, threads=1, rules=SAME_RULES))
    same = best(lambda: engine.check_many(lines, rules=SAME_RULES))
    for what, t in [("labelcheck Engine.check, one call per label", one),
                    ("labelcheck Engine.check_many, threads=1", many1),
                    ("labelcheck Engine.check_many, all cores", many),
                    ("labelcheck check_many, the same rules, threads=1", same1),
                    ("labelcheck check_many, the same rules, all cores", same)]:
        print(f"{what}: {t / n * 1e6:.1f} µs/label = {py / t:.2f}× the pure-Python speed")


if __name__ == "__main__":
    main()

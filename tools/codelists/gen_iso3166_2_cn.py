#!/usr/bin/env python3
"""Generate standards/codelists/iso3166-2-cn.toml (ISO 3166-2:CN subdivision codes).

Data package (PyPI, not a run-time dependency of labelcheck):

    python3 -m venv /tmp/cl-venv && /tmp/cl-venv/bin/pip install pycountry==26.2.16

Run from the repository root (needs standards/codelists/gb2260.toml for the province codes):

    /tmp/cl-venv/bin/python tools/codelists/gen_iso3166_2_cn.py

Columns: code (CN-NM), name_zh (the zh_CN name shipped with pycountry / Debian iso-codes,
NAME_ZH_OVERRIDES where the translation is missing), name_en (ISO name), type (ISO
subdivision type), gb2260 (the GB/T 2260 province-level code with the same name),
gb2260_prefix (its two significant digits) and legacy (the numeric code used before the
November 2017 change to letters: CN- plus the two GB/T 2260 digits, e.g. CN-15 for CN-NM).
Output is sorted by code.
"""
import argparse
import gettext
import sys
import tomllib

import pycountry

NAME_ZH_OVERRIDES = {
    "CN-NX": "宁夏回族自治区",  # no zh_CN translation in iso-codes
}

# The pre-2017 numeric codes of Hong Kong and Macao were CN-91 and CN-92, not the GB/T 2260
# digits (81, 82) that the code list uses for them.
LEGACY_OVERRIDES = {"CN-HK": "CN-91", "CN-MO": "CN-92"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="standards/codelists/iso3166-2-cn.toml")
    ap.add_argument("--gb2260", default="standards/codelists/gb2260.toml")
    args = ap.parse_args()
    from importlib.metadata import version
    pv = version("pycountry")
    with open(args.gb2260, "rb") as f:
        gb = tomllib.load(f)["list"]
    cols = gb["columns"]
    provinces = {}
    for r in gb["rows"]:
        row = dict(zip(cols, r))
        if row["level"] == 1:
            provinces[row["name"]] = row["code"]
    zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    rows = []
    for s in sorted(pycountry.subdivisions.get(country_code="CN"), key=lambda s: s.code):
        name_zh = NAME_ZH_OVERRIDES.get(s.code) or zh.gettext(s.name)
        if name_zh == s.name:
            sys.exit(f"{s.code}: no zh_CN name; add it to NAME_ZH_OVERRIDES")
        code = provinces.get(name_zh)
        if code is None:
            sys.exit(f"{s.code} {name_zh}: no GB/T 2260 province with this name")
        rows.append((s.code, name_zh, s.name, s.type, code, code[:2], LEGACY_OVERRIDES.get(s.code, "CN-" + code[:2])))
    if len(rows) != 34:
        sys.exit(f"expected 34 subdivisions, got {len(rows)}")
    q = lambda v: '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    out = [
        "[list]",
        'id = "iso3166-2-cn"',
        'title = { zh = "中国省级行政区划代码（ISO 3166-2:CN）", en = "Subdivision codes of China (ISO 3166-2:CN)" }',
        f'source = "pycountry {pv} (PyPI), ISO 3166-2 data and zh_CN names from Debian iso-codes; GB/T 2260 province codes matched by name from standards/codelists/gb2260.toml; legacy numeric codes (used until the November 2017 change to letters) = CN- plus the two GB/T 2260 digits (CN-91, CN-92 for Hong Kong and Macao)"',
        'licence = "LGPL-2.1 (pycountry / iso-codes data and translations)"',
        'generated_by = "tools/codelists/gen_iso3166_2_cn.py"',
        'key = "code"',
        'columns = ["code", "name_zh", "name_en", "type", "gb2260", "gb2260_prefix", "legacy"]',
        'match_columns = ["legacy"]',
        "# code = ISO 3166-2 code; legacy = the numeric form withdrawn in 2017 (matched by lookups so a rule can name the current code); gb2260 = province-level GB/T 2260 code.",
        "rows = [",
    ]
    for r in rows:
        out.append("  [" + ", ".join(q(v) for v in r) + "],")
    out.append("]")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

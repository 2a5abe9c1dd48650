#!/usr/bin/env python3
"""Builds standards/codelists/nutrients.toml from the GB 28050 packs' `nutrients` tables.

The engine uses this list to resolve a nutrient name printed on a label ("蛋白质",
"饱和脂肪酸", "Protein") to a canonical id before any pack runs. Stdlib only:
    python3 tools/codelists/gen_nutrients.py
"""
import json
import pathlib
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2] / "standards"
SOURCES = ["packs/gb28050-2025/tables.toml", "packs/gb28050-2011/tables.toml"]

rows = {}
for src in SOURCES:
    table = tomllib.loads((ROOT / src).read_text(encoding="utf-8"))["tables"]["nutrients"]["rows"]
    for r in table:
        entry = rows.setdefault(r["id"], {"zh": r["zh"], "en": r.get("en", ""), "aliases": []})
        for name in [r["zh"], r.get("printed", "")] + list(r.get("aliases", [])):
            if name and name != entry["zh"] and name not in entry["aliases"]:
                entry["aliases"].append(name)
        en = r.get("en", "")
        if en and en != entry["en"] and en not in entry["aliases"]:
            entry["aliases"].append(en)

out = [
    "[list]",
    'id = "nutrients"',
    'title = { zh = "营养成分名称", en = "Nutrient names" }',
    'source = "GB 28050-2011 表1 and GB 28050-2025 表1 (the `nutrients` tables of the packs)"',
    'licence = "facts from national standards; compiled by labelcheck"',
    'generated_by = "tools/codelists/gen_nutrients.py"',
    'key = "id"',
    'columns = ["id", "zh", "en", "aliases"]',
    'match_columns = ["zh", "en", "aliases"]',
    "rows = [",
]
for nid, e in rows.items():
    out.append(f"  [{json.dumps(nid)}, {json.dumps(e['zh'], ensure_ascii=False)}, {json.dumps(e['en'])}, {json.dumps(e['aliases'], ensure_ascii=False)}],")
out.append("]")
(ROOT / "codelists" / "nutrients.toml").write_text("\n".join(out) + "\n", encoding="utf-8")
print(f"{len(rows)} nutrients")

#!/usr/bin/env python3
"""Generate standards/codelists/iso3166-1.toml (ISO 3166-1 countries and regions).

Data package (PyPI, not a run-time dependency of labelcheck):

    python3 -m venv /tmp/cl-venv && /tmp/cl-venv/bin/pip install pycountry==26.2.16

Run (stdlib apart from pycountry):

    /tmp/cl-venv/bin/python tools/codelists/gen_iso3166.py --out standards/codelists/iso3166-1.toml

name_en is the ISO short name (pycountry `name`).  name_zh is the zh_CN translation shipped
with pycountry (Debian iso-codes) of the common name where ISO has one (e.g. 韩国, 老挝),
else of the ISO short name; NAME_ZH_OVERRIDES fixes a few entries to the usual mainland
form (typos or non-mainland transliterations in the translation).  aliases_zh holds the
zh translation of the ISO short name when it differs from name_zh and is not rejected,
plus the short hand-checked EXTRA_ALIASES.  Output is sorted by alpha-2.
"""
import argparse
import gettext
import json
import sys

import pycountry

NAME_ZH_OVERRIDES = {
    "TW": "中国台湾",        # as required for labels; translation gives 中国台湾省 / 台湾
    "KH": "柬埔寨",          # translation has the typo 柬埔塞
    "BO": "玻利维亚",        # translation gives 波利维亚 / 玻利维亚共和国
    "GT": "危地马拉",        # translation gives 瓜地马拉 (non-mainland form)
    "MT": "马耳他",          # translation gives 马尔他
    "KG": "吉尔吉斯斯坦",    # translation gives 吉尔吉斯坦
    "BD": "孟加拉国",        # translation gives 孟加拉
    "PF": "法属波利尼西亚",  # translation gives 法属玻利尼西亚
}

# zh translations of the ISO short name that are not to be used as aliases.
REJECT_ALIASES = {"BO": {"玻利维亚共和国", "波利维亚"}, "KH": {"柬埔塞"}, "GT": {"瓜地马拉"},
                  "MT": {"马尔他"}, "KG": {"吉尔吉斯坦"}, "BD": {"孟加拉"},
                  "PF": {"法属玻利尼西亚"}}

EXTRA_ALIASES = {
    "CN": ["中华人民共和国"],
    "TW": ["台湾"],
    "HK": ["中国香港", "香港特别行政区", "中国香港特别行政区"],
    "MO": ["中国澳门", "澳门特别行政区", "中国澳门特别行政区"],
    "MN": ["蒙古国"],
    "US": ["美利坚合众国"],
    "GB": ["大不列颠及北爱尔兰联合王国"],
    "RU": ["俄罗斯联邦"],
    "AU": ["澳洲"],
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="standards/codelists/iso3166-1.toml")
    args = ap.parse_args()
    from importlib.metadata import version
    pv = version("pycountry")
    t = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    po_date = t.info().get("po-revision-date", "?")
    rows = []
    for c in pycountry.countries:
        a2 = c.alpha_2
        common = getattr(c, "common_name", None) or c.name
        name_zh = NAME_ZH_OVERRIDES.get(a2) or t.gettext(common)
        if name_zh == common:
            sys.exit("no zh_CN translation for %s %s" % (a2, common))
        aliases = []
        for cand in [t.gettext(c.name), t.gettext(common)] + EXTRA_ALIASES.get(a2, []):
            if (cand != name_zh and cand not in aliases and cand not in (c.name, common)
                    and cand not in REJECT_ALIASES.get(a2, ())):
                aliases.append(cand)
        rows.append((a2, c.alpha_3, c.numeric, c.name, name_zh, aliases))
    rows.sort()
    q = lambda s: json.dumps(s, ensure_ascii=False)
    lines = [
        "[list]",
        'id = "iso3166-1"',
        'title = { zh = "世界各国和地区名称代码", en = "Codes for the representation of names of countries (ISO 3166-1)" }',
        "source = " + q("pycountry %s (PyPI), ISO 3166-1 data and zh_CN names from Debian iso-codes "
                        "(zh_CN translation revised %s); name_zh overrides and extra aliases in the generator"
                        % (pv, po_date)),
        'licence = "LGPL-2.1 (pycountry / iso-codes data and translations)"',
        'generated_by = "tools/codelists/gen_iso3166.py"',
        'key = "alpha2"',
        'columns = ["alpha2", "alpha3", "numeric", "name_en", "name_zh", "aliases_zh"]',
        'match_columns = ["alpha3", "numeric", "name_en", "name_zh", "aliases_zh"]',
        "# alpha2/alpha3/numeric = ISO 3166-1 codes (numeric as a 3-digit string); name_en = ISO short name; "
        "name_zh = common Chinese short name; aliases_zh = other common Chinese names (never repeats name_zh).",
        "rows = [",
    ]
    for a2, a3, num, en, zh, al in rows:
        lines.append("  [%s, %s, %s, %s, %s, [%s]]," % (
            q(a2), q(a3), q(num), q(en), q(zh), ", ".join(q(x) for x in al)))
    lines.append("]")
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s: %d rows" % (args.out, len(rows)), file=sys.stderr)


if __name__ == "__main__":
    main()

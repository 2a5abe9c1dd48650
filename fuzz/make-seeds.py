#!/usr/bin/env python3
"""Regenerates fuzz/seeds/ from the repository's own data (examples, suites, packs).
Run from the repository root: python3 fuzz/make-seeds.py"""
import json, os, glob, re

def merge(base, patch):
    if not isinstance(patch, dict) or not isinstance(base, dict):
        return patch
    out = dict(base)
    for k, v in patch.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = merge(out.get(k), v)
    return out

def write(target, name, data):
    d = os.path.join("fuzz", "seeds", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)

n = 0
texts = set()
for suite in sorted(glob.glob("tests/suites/*/*.json")):
    s = json.load(open(suite))
    base = json.load(open(os.path.normpath(os.path.join(os.path.dirname(suite), s["base"])))) if "base" in s else {}
    for case in s.get("cases", []):
        label = merge(base, case.get("patch", {})) if "label" not in case else case["label"]
        if n % 3 == 0:  # a third of the cases keep the corpus small
            write("label_check", f"suite-{n:04}.json", json.dumps(label, ensure_ascii=False))
        t = (label.get("ingredients") or {}).get("text") if isinstance(label, dict) else None
        if isinstance(t, str):
            texts.add(t)
        n += 1
for ex in glob.glob("examples/*.json") + glob.glob("examples/faulty/*.json"):
    write("label_check", os.path.basename(ex), open(ex, "rb").read())
    t = (json.load(open(ex)).get("ingredients") or {}).get("text")
    if isinstance(t, str):
        texts.add(t)
for i, t in enumerate(sorted(texts)):
    write("ingredients_text", f"text-{i:03}.txt", t)
exprs = set()
for f in sorted(glob.glob("standards/packs/*/*.toml")):
    text = open(f).read()
    write("pack_load", f.replace("/", "_"), "# " + f[len("standards/"):] + "\n" + text)
    for m in re.finditer(r'(?:when|condition|compute|input|field|declared) = "((?:[^"\\]|\\.)*)"', text):
        exprs.add(m.group(1).replace('\\"', '"'))
for i, e in enumerate(sorted(exprs)):
    write("expression", f"expr-{i:03}.txt", e)

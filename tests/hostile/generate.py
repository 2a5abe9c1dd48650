#!/usr/bin/env python3
"""Writes tests/hostile/labels.json: the hostile-input corpus for label checking.

Each case is {name, input | input_hex | generate, expect, path?}. `expect` is the outcome
the test asserts: `syntax`, `invalid`, `too_large`, `unknown` (structured errors; `path`
is the JSON pointer the error must name) or `report` (a report; `same_as_base` when the
findings must equal the untouched base label's). Big inputs are `generate` recipes that
core/tests/hostile.rs expands, so the file stays small. Run from the repository root:
python3 tests/hostile/generate.py"""
import json, copy

BASE = json.load(open("examples/uht-milk.json"))
BASE_TEXT = open("examples/uht-milk.json").read()
cases = []

def add(name, expect, label=None, text=None, hexdata=None, path=None, gen=None, same=False):
    c = {"name": name, "expect": expect}
    if label is not None:
        c["input"] = json.dumps(label, ensure_ascii=False)
    elif text is not None:
        c["input"] = text
    elif hexdata is not None:
        c["input_hex"] = hexdata.hex()
    elif gen is not None:
        c["generate"] = gen
    if path is not None:
        c["path"] = path
    if same:
        c["same_as_base"] = True
    cases.append(c)

def put(label, pointer, value):
    l = copy.deepcopy(label)
    parts = pointer.strip("/").split("/")
    node = l
    for p in parts[:-1]:
        node = node[int(p)] if isinstance(node, list) else node.setdefault(p, {})
    last = parts[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return l

# --- A. malformed JSON ------------------------------------------------------------------
for cut in [c for c in [0, 1, 2, 10, 50, 100, 200, 300, 500, 800, 1000, 1500, 2000, 3000] if c < len(BASE_TEXT.encode()) - 2] + [len(BASE_TEXT.encode()) - 2]:
    b = BASE_TEXT.encode()[:cut]
    try:
        b.decode()
        add(f"truncated at byte {cut}", "syntax", text=b.decode())
    except UnicodeDecodeError:
        add(f"truncated at byte {cut} (mid-character)", "syntax", hexdata=b)
for name, t in [
    ("empty", ""), ("whitespace only", "  \n\t "), ("lone brace", "{"), ("lone close", "}"),
    ("lone bracket", "["), ("bare word", "nul"), ("truncated literal", "tru"),
    ("single quotes", "{'market':'CN','category':'food'}"),
    ("trailing comma", '{"market":"CN","category":"food",}'),
    ("line comment", '{"market":"CN", // x\n"category":"food"}'),
    ("block comment", '{"market":"CN", /* x */ "category":"food"}'),
    ("unquoted key", '{market:"CN","category":"food"}'),
    ("NaN", '{"market":"CN","category":"food","alcohol_percent_vol":NaN}'),
    ("Infinity", '{"market":"CN","category":"food","alcohol_percent_vol":Infinity}'),
    ("-Infinity", '{"market":"CN","category":"food","alcohol_percent_vol":-Infinity}'),
    ("hex number", '{"market":"CN","category":"food","alcohol_percent_vol":0x10}'),
    ("leading zeros", '{"market":"CN","category":"food","alcohol_percent_vol":007}'),
    ("plus sign", '{"market":"CN","category":"food","alcohol_percent_vol":+1}'),
    ("bare dot number", '{"market":"CN","category":"food","alcohol_percent_vol":.5}'),
    ("raw newline in string", '{"market":"C\nN","category":"food"}'),
    ("raw tab in string", '{"market":"C\tN","category":"food"}'),
    ("bad escape", '{"market":"C\\qN","category":"food"}'),
    ("lone high surrogate escape", '{"market":"CN","category":"food","storage":"\\ud800"}'),
    ("lone low surrogate escape", '{"market":"CN","category":"food","storage":"\\udc00x"}'),
    ("short unicode escape", '{"market":"CN","category":"food","storage":"\\u12"}'),
    ("two documents", '{"market":"CN","category":"food"}{"market":"CN","category":"food"}'),
    ("trailing garbage", '{"market":"CN","category":"food"} x'),
    ("missing colon", '{"market" "CN","category":"food"}'),
    ("missing comma", '{"market":"CN" "category":"food"}'),
    ("unterminated string", '{"market":"CN","category":"food'),
    ("byte order mark", "\ufeff" + '{"market":"CN","category":"food"}'),
    ("spreadsheet row pasted", "CN\tfood\t纯牛奶\t250\tmL"),
    ("CSV pasted", "market,category\nCN,food\n"),
    ("XML pasted", "<label><market>CN</market></label>"),
    ("YAML pasted", "market: CN\ncategory: food\n"),
    ("NUL byte outside string", '{"market":"CN",\u0000"category":"food"}'),
]:
    add(name, "syntax", text=t)

# --- B. invalid UTF-8 -------------------------------------------------------------------
for name, raw in [
    ("0xff in string", b'{"market":"\xff","category":"food"}'),
    ("lone continuation byte", b'{"market":"CN","category":"food","storage":"\x80"}'),
    ("overlong slash", b'{"market":"CN","category":"food","storage":"\xc0\xaf"}'),
    ("truncated 3-byte sequence", b'{"market":"CN","category":"food","storage":"\xe4\xb8"}'),
    ("encoded surrogate", b'{"market":"CN","category":"food","storage":"\xed\xa0\x80"}'),
    ("code point past U+10FFFF", b'{"market":"CN","category":"food","storage":"\xf4\x90\x80\x80"}'),
    ("0xfe byte", b'{"market":"CN","category":"food","storage":"\xfe"}'),
    ("latin-1 text", '{"market":"CN","category":"food","storage":"caf\u00e9"}'.encode("latin-1")),
    ("UTF-16LE document", '{"market":"CN","category":"food"}'.encode("utf-16-le")),
    ("UTF-16 with BOM", '{"market":"CN","category":"food"}'.encode("utf-16")),
    ("GBK-encoded Chinese", '{"market":"CN","category":"food","storage":"常温保存"}'.encode("gbk")),
    ("invalid byte in key", b'{"mar\xffket":"CN","category":"food"}'),
    ("invalid byte in ingredient text", ('{"market":"CN","category":"food","ingredients":{"text":"配料：').encode() + b'\xff"}}'),
]:
    add(name, "syntax", hexdata=raw)

# --- C. wrong types at every section ----------------------------------------------------
wrong = {
    "/market": [1, None, [], {}], "/category": [2, ["food"], {}],
    "/check_date": [20261126, "2026-13-01", "2026-02-30", "yesterday", "26/11/2026"],
    "/sold_to_consumers": ["yes", 1], "/imported": ["no", 0],
    "/product_name": ["纯牛奶", 5, []], "/product_name/text": [5, None, []],
    "/ingredients": ["配料：水", 3], "/ingredients/text": [7, ["配料：水"], {}],
    "/ingredients/recipe": [{}, "水"], "/ingredients/items": ["水", {}],
    "/nutrition": ["营养成分表", []], "/nutrition/rows": [{}, "能量 308kJ"], "/nutrition/rows/0": [["能量", 308, "kJ"]],
    "/nutrition/basis": [100, []],
    "/net_content": ["250mL", 250, ["净含量：250mL", 250, "mL"]], "/package": [["cuboid", 66]], "/net_content/unit": [250, []],
    "/producer": ["内蒙古", [], ["某公司", "某地址"]], "/origin": [["内蒙古"]], "/producer/name": [3, {}],
    "/dates": ["2026-10-15", []], "/dates/production": [20261015, []],
    "/storage": [5, {}], "/licence_number": [10515010500011],
    "/claims": [{}, "高钙"], "/statements": ["x", {}], "/package": ["box", 1],
    "/allergens": ["milk", 1], "/quantitative_declarations": [{}],
    "/emphasised_ingredients": ["牛奶"], "/extensions": [[], "x", 1],
}
for ptr, vals in wrong.items():
    for v in vals:
        # A row pasted as an array fails on its first mistyped position, deeper than ptr.
        deeper = ptr == "/nutrition/rows/0"
        add(f"{ptr} = {json.dumps(v, ensure_ascii=False)}", "invalid", label=put(BASE, ptr, v), path=None if deeper else ptr)
for ptr in ["/prodcut_name", "/Market", "/net_content/valeu", "/nutrition/rows/0/vlaue", "/producer/adress", "/dates/prod"]:
    add(f"unknown field {ptr}", "invalid", label=put(BASE, ptr, "x"), path=ptr.rsplit("/", 1)[0] + "/" if False else None)
add("missing market", "invalid", label={k: v for k, v in BASE.items() if k != "market"})
add("missing category", "invalid", label={k: v for k, v in BASE.items() if k != "category"})
add("top-level array", "invalid", text="[1,2,3]")
add("top-level string", "invalid", text='"CN"')
add("top-level number", "invalid", text="42")
add("top-level null", "invalid", text="null")
add("top-level true", "invalid", text="true")
add("empty object", "invalid", text="{}")

# --- D. numbers -------------------------------------------------------------------------
num_fields = ["/net_content/value", "/product_name/char_height_mm", "/nutrition/rows/0/value",
              "/nutrition/rows/1/value", "/ingredients/recipe/0/percent", "/package/largest_surface_cm2",
              "/net_content/char_height_mm", "/alcohol_percent_vol"]
bad_nums = [("-1", "invalid"), ("-250.5", "invalid"), ("1e308", "invalid"), ("1e13", "invalid"),
            ("1000000000001", "invalid"), ("123456789012345678901234567890", "invalid"),
            ("-1e-30", "report"), ("1e-30", "report"), ("\"abc\"", "invalid"), ("\"\"", "invalid"),
            ("\"1,5\"", "invalid"), ("true", "invalid"), ("[1]", "invalid"), ("{}", "invalid"),
            ("\"-3\"", "invalid"), ("\"1e400\"", "invalid"), ("\"NaN\"", "invalid"), ("\"Infinity\"", "invalid")]
for ptr in num_fields:
    for v, expect in bad_nums:
        l = put(BASE, ptr, "@@")
        t = json.dumps(l, ensure_ascii=False).replace('"@@"', v)
        add(f"{ptr} = {v}", expect, text=t, path=ptr if expect == "invalid" else None)
for v in ["1e400", "-1e400"]:
    t = json.dumps(put(BASE, "/net_content/value", "@@"), ensure_ascii=False).replace('"@@"', v)
    add(f"/net_content/value = {v} (out of f64 range)", "syntax", text=t)
# Equivalent number forms of the same value never change the report.
for v in ["250.0", "250.000", "2.5e2", "2.50E+2", "25e1", "\"250\"", "\" 250 \"", "250.0000000000000"]:
    t = json.dumps(put(BASE, "/net_content/value", "@@"), ensure_ascii=False).replace('"@@"', v)
    add(f"net content written as {v}", "report", text=t, same=True)
for v in ["3", "3.00", "30e-1", "\"3.0\""]:
    t = json.dumps(put(BASE, "/nutrition/rows/2/value", "@@"), ensure_ascii=False).replace('"@@"', v)
    add(f"fat written as {v}", "report", text=t, same=True)
for v in ["0", "-0", "0.0", "1e12", "999999999999.999999", "0.000000000000000000000000001"]:
    t = json.dumps(put(BASE, "/net_content/value", "@@"), ensure_ascii=False).replace('"@@"', v)
    add(f"edge number {v}", "report", text=t)

# --- E. hostile strings -----------------------------------------------------------------
strings = {
    "zero-width space": "纯\u200b牛奶", "zero-width joiner": "纯\u200d牛奶", "BOM inside": "\ufeff纯牛奶",
    "full-width latin": "ＵＨＴ　牛奶", "mixed scripts": "Молоко牛奶ミルク밀크لبن",
    "right-to-left override": "\u202e奶牛纯", "combining marks": "e\u0301\u0301\u0301\u0301",
    "emoji and ZWJ family": "🥛👨\u200d👩\u200d👧", "astral CJK": "𠀀𠀁𪚥", "NUL escape": "a\u0000b",
    "control characters": "\u0001\u0007\u001b[31m", "empty": "", "whitespace only": " \u3000\t",
    "lone combining mark": "\u0301", "line and paragraph separators": "a\u2028b\u2029c",
    "private use": "\ue000\uf8ff", "noncharacters": "\ufffe\uffff", "replacement char": "\ufffd\ufffd",
    "html": "<script>alert(1)</script>", "sql": "'; DROP TABLE labels; --",
    "format string": "{found} {expected} %s %n {{}}", "json in string": "{\"market\":\"EU\"}",
    "very long name (10k chars)": "奶" * 10000,
}
text_fields = ["/product_name/text", "/storage", "/producer/name", "/producer/address", "/dates/production",
               "/licence_number", "/origin/place", "/net_content/text"]
for ptr in text_fields:
    for name, s in strings.items():
        add(f"{ptr}: {name}", "report", label=put(BASE, ptr, s))
for name, s in strings.items():
    add(f"ingredient text: {name}", "report", label=put(BASE, "/ingredients/text", "配料：" + s + "、水"))
for name, s in [("full-width CN", "ＣＮ"), ("lower-case", "cn"), ("zero-width", "C\u200bN"), ("padded", " CN "),
                ("empty", ""), ("mixed script", "СN"), ("unknown", "XX"), ("long", "C" * 5000)]:
    add(f"market {name}", "unknown", label=put(BASE, "/market", s), path="/market")
for name, s in [("zero-width", "food.dairy\u200b.modified_milk"), ("full-width dot", "food．dairy"),
                ("trailing dot", "food."), ("double dot", "food..dairy"), ("empty", ""), ("unknown", "food.moon_cheese"),
                ("upper-case", "FOOD"), ("path traversal", "../food"), ("long", "food." + "x" * 5000)]:
    add(f"category {name}", "unknown", label=put(BASE, "/category", s), path="/category")

# --- F. hostile ingredient texts (parsed with spans) ------------------------------------
for name, t in [
    ("only separators", "、、、，，;；"), ("only brackets", "((((（（【【"), ("only closers", "))))）】"),
    ("unbalanced open", "配料：水、糖（果胶、卡拉胶"), ("unbalanced close", "配料：水）、糖"),
    ("10000 opening brackets", "(" * 10000), ("deep nesting 100", "a(" * 100 + ")" * 100),
    ("percent only", "%%%"), ("huge percent", "配料：水(99999999999999999999999999999%)"),
    ("percent over 100", "配料：水(150%)、糖(120%)"), ("negative percent", "配料：水(-5%)"),
    ("exponent percent", "配料：水(1e5%)"), ("many colons", "配料：：：：水：糖"),
    ("colon at 13th char", "一二三四五六七八九十一二三：水"), ("full-width digits", "配料：水（８０％）"),
    ("surrogate pairs", "配料：𠀀(5%)、𪚥"), ("ends with brackets", "配料：水（"),
    ("trailing full stops", "配料：水。。。。...  "),
    ("crlf", "配料：水、\r\n糖"), ("mixed brackets", "配料：水(糖】、盐〔钙)"),
]:
    add(f"ingredient text: {name}", "report", label=put(BASE, "/ingredients/text", t))
# More entries than a list may hold, parsed from text: refused at the text (issue 15 item 6).
add("ingredient text: 5000 items", "invalid", label=put(BASE, "/ingredients/text", "、".join(["水"] * 5000)), path="/ingredients/text")
add("ingredient text: 1000 items", "report", label=put(BASE, "/ingredients/text", "、".join(["水"] * 1000)))

# Issue 15 (second robustness round): a top-level non-object says so; texts and lists that
# were unbounded.
add("top-level array of labels", "invalid", text='[{"market":"CN","category":"food"}]', path="")
add("top-level number", "invalid", text="42", path="")
add("fibre text over the text limit", "invalid", label=put(BASE, "/fibre_content", {"text": "棉" * 20001}), path="/fibre_content/text")
add("fibre text of 1001 entries", "invalid", label=put(BASE, "/fibre_content", {"text": " ".join(["棉1%"] * 1001)}), path="/fibre_content/text")
add("hang-tag text over the text limit", "invalid", label=put(BASE, "/facts", {"artwork": {"hang_tag": {"fibre_content_text": "棉" * 20001}}}), path="/facts/artwork/hang_tag/fibre_content_text")
add("1001 measured nutrients", "invalid", label=put(BASE, "/facts", {"lab": {"nutrients": [{"name": "钠", "value": 1}] * 1001}}), path="/facts/lab/nutrients")

# Session 4: the US 'Contains 2% or less of' statement and the allergen statement's words.
for name, t in [
    ("threshold statement only", "contains 2% or less of:"),
    ("threshold statement twice", "Ingredients: a, contains 2% or less of: b, less than 1% of: c"),
    ("threshold with a huge percent", "Ingredients: a, contains 99999999999999999999999999% or less of: b"),
    ("threshold inside brackets", "Ingredients: a (contains 2% or less of b, c), d"),
    ("threshold after a 19-character lead word", "List of ingredients: a, 2% or less of: b"),
    ("500 threshold statements", "Ingredients: " + ", ".join(["contains 2% or less of: x"] * 500)),
]:
    add(f"ingredient text: {name}", "report", label=put(BASE, "/ingredients/text", t))
for name, t in [
    ("9000 words after 含有", "含有" + "、".join(["乳"] * 9000)),
    ("lead words only", "含有含有含有contains contains may contain"),
    ("contains with no list", "Contains:"),
    ("surrogates and controls", "Contains: 𠀀, \u0007, 𪚥"),
    ("20000 characters", "含有" + "乳" * 19998),
]:
    add(f"allergen statement: {name}", "report", label=put(BASE, "/allergens", {"statement": t}))
add("allergen statement over the text limit", "invalid", label=put(BASE, "/allergens", {"statement": "含" * 20001}), path="/allergens/statement")

# --- G. duplicate keys ------------------------------------------------------------------
for name, t in [
    ("duplicate market", '{"market":"CN","market":"CN","category":"food"}'),
    ("duplicate category", '{"market":"CN","category":"food","category":"food.dairy"}'),
    ("duplicate nested key", '{"market":"CN","category":"food","net_content":{"value":1,"value":2}}'),
    ("duplicate ingredients", '{"market":"CN","category":"food","ingredients":{"text":"水"},"ingredients":{"text":"糖"}}'),
    ("duplicate row key", '{"market":"CN","category":"food","nutrition":{"basis":"per_100g","rows":[{"name":"能量","name":"钠","value":1}]}}'),
]:
    add(name, "invalid", text=t)

# --- H. nesting, size and lists (generated) ---------------------------------------------
add("10000-deep arrays", "syntax", gen={"kind": "deep", "open": "[", "close": "]", "depth": 10000})
add("10000-deep objects", "syntax", gen={"kind": "deep", "open": "{\"a\":", "close": "}", "depth": 10000})
add("100000-deep unclosed", "syntax", gen={"kind": "deep", "open": "[", "close": "", "depth": 100000})
add("10000-deep inside extensions", "syntax", gen={"kind": "deep_in", "field": "extensions", "depth": 10000})
add("deep compound ingredients (40)", "syntax", gen={"kind": "deep_items", "depth": 40})
add("compound ingredients 10 deep", "report", gen={"kind": "deep_items", "depth": 10})
add("50 MB string", "too_large", gen={"kind": "big_string", "field": "storage", "bytes": 50000000})
add("4 MiB + 1 of whitespace", "too_large", gen={"kind": "spaces", "bytes": 4194305})
add("3 MB storage text", "report", gen={"kind": "big_string", "field": "storage", "bytes": 3000000})
add("ingredient text over the char limit", "invalid", gen={"kind": "big_string", "field": "ingredients_text", "bytes": 20001}, path="/ingredients/text")
add("ingredient text at the char limit", "report", gen={"kind": "big_string", "field": "ingredients_text", "bytes": 20000})
add("too many claims", "invalid", gen={"kind": "many", "list": "claims", "count": 20000}, path="/claims")
add("too many nutrition rows", "invalid", gen={"kind": "many", "list": "nutrition_rows", "count": 20000}, path="/nutrition/rows")
add("too many ingredient items", "invalid", gen={"kind": "many", "list": "items", "count": 20000}, path="/ingredients/items")
add("too many statements", "invalid", gen={"kind": "many", "list": "statements", "count": 20000}, path="/statements")
add("many ingredient items within limits", "report", gen={"kind": "many", "list": "items", "count": 1000})

# --- I. irrelevant permutations of the base label: same report ---------------------------
add("base label", "report", label=BASE, same=True)
add("keys reversed", "report", text=json.dumps(dict(reversed(list(BASE.items()))), ensure_ascii=False), same=True)
add("keys sorted", "report", text=json.dumps(BASE, ensure_ascii=False, sort_keys=True), same=True)
add("minified", "report", text=json.dumps(BASE, ensure_ascii=False, separators=(",", ":")), same=True)
add("indented 8", "report", text=json.dumps(BASE, ensure_ascii=False, indent=8), same=True)
add("ascii escaped", "report", text=json.dumps(BASE, ensure_ascii=True), same=True)
add("CRLF and tabs", "report", text=json.dumps(BASE, ensure_ascii=False, indent="\t").replace("\n", "\r\n"), same=True)
add("escaped slashes", "report", text=json.dumps(BASE, ensure_ascii=False).replace("/", "\\/"), same=True)

json.dump({"cases": cases}, open("tests/hostile/labels.json", "w"), ensure_ascii=False, indent=1)
print(len(cases), "cases")

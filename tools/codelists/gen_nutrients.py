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

# Printed names of other markets' panels that the GB tables do not carry: the US Nutrition
# Facts panel (21 CFR 101.9(c)-(d) names, e.g. "Total Fat", "Incl. Added Sugars") and the EU
# nutrition declaration (Reg. (EU) No 1169/2011 Art 30(1) and Annex XV: "of which saturates",
# "Salt"; the DE, FR, IT and ES names are those language versions' customary wording, not read). New ids: added_sugar (101.9(c)(6)(iii)), salt (EU Annex I point 11), polyols (EU Annex I point 9, Annex XV).
EXTRA = {
    "energy": ["Calories", "Calories per serving", "Energy value", "Brennwert", "Energie", "Énergie", "Valeur énergétique", "Energia", "Valor energético", "Wartość energetyczna", "Energetická hodnota", "Energi", "Energiaérték", "Ενέργεια", "Valoare energetică", "Energijska vrednost", "Energetska vrijednost", "Енергийна стойност", "Energinė vertė", "Enerģētiskā vērtība", "Energiasisaldus", "Energija", "Енергия", "Enerġija", "Energeetiline väärtus"],
    "fat": ["Total Fat", "Total fat", "Fett", "Matières grasses", "Grassi", "Grasas", "Tłuszcz", "Tuky", "Lípidos", "Fedt", "Zsír", "Λιπαρά", "Grăsimi", "Vetten", "Vet", "Rasva", "Maščobe", "Masti", "Мазнини", "Riebalai", "Tauki", "Rasvad", "Rasv", "Xaħmijiet", "Xaħam"],
    # US small packages (21 CFR 101.9(j)(13)(ii)(B) abbreviations, recalled: Sat fat, Cholest,
    # Total carb; Potas and Vit D are customary on labels, unverified), and the Codex / other
    # English forms of saturated fat ("Saturated fatty acids", "of which saturated fat").
    "saturated_fat": ["Saturated Fat", "Sat. Fat", "Sat fat", "Sat Fat", "of which saturates", "Saturates", "Saturated", "Saturated fatty acids", "Saturated fatty acid", "of which saturated fat", "of which saturated fatty acids", "davon gesättigte Fettsäuren",
                      "dont acides gras saturés", "di cui acidi grassi saturi", "de las cuales saturadas", "w tym kwasy tłuszczowe nasycone", "z toho nasycené mastné kyseliny", "z toho nasýtené mastné kyseliny", "dos quais saturados", "dos quais ácidos gordos saturados", "varav mättat fett", "heraf mættede fedtsyrer", "amelyből telített zsírsavak", "ebből telített zsírsavak", "εκ των οποίων κορεσμένα", "din care acizi grași saturați", "waarvan verzadigde vetzuren", "josta tyydyttyneitä", "josta tyydyttyneet", "od tega nasičene maščobne kisline", "od kojih zasićene masne kiseline",
                      # The names alone, as panels print them under an 'of which' line of their own or
                      # after a dash ('di cui:' over '- acidi grassi saturi', '– saturées'; session 25
                      # audit FF-3); customary wording, not read in those language versions.
                      "acides gras saturés", "saturés", "acidi grassi saturi", "grassi saturi", "saturi", "ácidos grasos saturados", "saturadas", "grasas saturadas",
                      "verzadigde vetzuren", "verzadigd vet", "kwasy tłuszczowe nasycone", "nasycone kwasy tłuszczowe", "mättat fett", "mættede fedtsyrer", "ácidos gordos saturados", "saturados",
                      "nasycené mastné kyseliny", "nasýtené mastné kyseliny", "telített zsírsavak", "acizi grași saturați", "tyydyttyneet rasvat", "tyydyttyneet rasvahapot", "millest küllastunud rasvhapped", "küllastunud rasvhapped", "millest küllastunud", "tostarp piesātinātās taukskābes", "piesātinātās taukskābes", "iš kurių sočiosios riebalų rūgštys", "sočiosios riebalų rūgštys", "от които наситени мастни киселини", "наситени мастни киселини", "от които наситени", "li minnhom saturati", "saturati", "zasićene masne kiseline", "od tega nasičene maščobe", "nasičene maščobne kisline", "nasičene maščobe", "josta tyydyttynyttä", "joista tyydyttyneitä", "josta tyydyttyneet rasvat", "josta tyydyttyneitä rasvoja", "tyydyttyneitä rasvoja"],
    "trans_fat": ["Trans Fat"],
    "cholesterol": ["Cholest", "Cholest."],
    "potassium": ["Potas", "Potas.", "Potass."],
    "vitamin_d": ["Vit D", "Vit. D"],
    "carbohydrate": ["Total Carbohydrate", "Total Carb.", "Total carb", "Total Carb", "Total carbohydrate", "Carbohydrates", "Kohlenhydrate",
                     "Glucides", "Carboidrati", "Hidratos de carbono", "Węglowodany", "Sacharidy", "Kolhydrat", "Kulhydrat", "Szénhidrát", "Υδατάνθρακες", "Glucide", "Koolhydraten", "Hiilihydraatit", "Ogljikovi hidrati", "Ugljikohidrati", "Въглехидрати", "Angliavandeniai", "Ogļhidrāti", "Süsivesikud", "Kolhydrater", "Kulhydrater", "Sacharidy celkem", "Karboidrati", "Hiilihydraatti"],
    "sugar": ["Total Sugars", "Total sugars", "of which sugars", "Sugar", "davon Zucker", "dont sucres",
              "di cui zuccheri", "de los cuales azúcares", "w tym cukry", "z toho cukry", "dos quais açúcares", "varav sockerarter", "heraf sukkerarter", "amelyből cukrok", "ebből cukrok", "εκ των οποίων σάκχαρα", "din care zaharuri", "waarvan suikers", "josta sokereita", "od tega sladkorji", "od kojih šećeri",
              # The names alone (session 25 audit FF-3, as for saturated_fat); customary wording.
              "sucres", "zuccheri", "azúcares", "suikers", "cukry", "açúcares", "sockerarter", "sukkerarter", "cukrok", "zaharuri", "sokerit", "sladkorji", "šećeri", "millest suhkrud", "suhkrud", "tostarp cukuri", "cukuri", "iš kurių cukrūs", "cukrūs", "от които захари", "захари", "li minnhom zokkor", "zokkor", "joista sokereita", "josta sokerit", "joista sokerit", "sokereita"],
    "added_sugar": ["Incl. Added Sugars", "Includes Added Sugars", "Added Sugars", "Added sugars"],
    "dietary_fibre": ["Dietary Fiber", "Dietary fiber", "Fibre", "Fiber", "Ballaststoffe", "Fibres alimentaires", "Fibra alimentaria", "Błonnik", "Vláknina", "Fibra", "Kostfibre", "Rost", "Élelmi rost", "Φυτικές ίνες", "Vezels", "Ravintokuitu", "Kuitu", "Prehranske vlaknine", "Vlakna",
                      # Nordic and Baltic names (sv "Kostfiber" on a Swedish panel was not resolved, session 18
                      # audit FF-6); customary wording, not read in those language versions.
                      "Kostfiber", "Kostfibrer", "Fibrer", "Kiudained", "Šķiedrvielas", "Skaidulinės medžiagos", "Влакнини", "Snáithín",
                      # Common shelf wordings beside the Annex XV terms (session 19 audits: "Voedingsvezel" on a Dutch
                      # panel and "Fibra alimentare" on an Italian one were dropped, so fibre's 8 kJ/g went missing from
                      # the energy check); customary wording, unverified.
                      "Voedingsvezel", "Voedingsvezels", "Fibra alimentare", "Fibre alimentari", "Fibras alimentares", "Fibra dietética", "Ħjut"],
    # US Nutrition Facts names of vitamins whose code-list English name carries a parenthesis
    # (21 CFR 101.9(c)(8)(iv) lists "Vitamin C", "Thiamin", "Riboflavin", "Niacin").
    "vitamin_c": ["Vitamin C", "Vit. C", "Vit C"],
    "vitamin_b1": ["Thiamin", "Thiamine", "Vitamin B1"],
    "vitamin_b2": ["Riboflavin", "Vitamin B2"],
    "niacin": ["Niacin"],
    # Annex XV "of which — polyols" (Annex I point 9: alcohols containing more than two hydroxyl
    # groups; Annex XIV 10 kJ/g — 2.4 kcal/g): the bare name and the "of which" form of each
    # language, as panels print it (session 18 audit FF-5: no polyols row was resolved by name, so
    # the energy check counted polyols at 17 kJ/g). EN read in the consolidated text; the other
    # languages are customary wording, not read in those language versions. Greek and Bulgarian
    # also capitalised: names are compared ignoring ASCII case only.
    "polyols": ["Polyols", "of which polyols", "mehrwertige Alkohole", "davon mehrwertige Alkohole", "dont polyols",
                "Polioli", "di cui polioli", "Polialcoholes", "de los cuales polialcoholes", "Polyolen", "waarvan polyolen",
                "Alkohole wielowodorotlenowe", "w tym alkohole wielowodorotlenowe", "Poliole", "w tym poliole",
                "Polyoler", "varav polyoler", "heraf polyoler", "Polyolit", "josta polyoleja", "josta polyolit",
                "Polyalkoholy", "z toho polyalkoholy", "Polyoly", "z toho polyoly", "Polióis", "dos quais polióis",
                "Poliolok", "amelyből poliolok", "ebből poliolok", "Többértékű alkoholok", "amelyből többértékű alkoholok",
                "πολυόλες", "Πολυόλες", "εκ των οποίων πολυόλες", "din care polioli", "od tega polioli", "od kojih polioli",
                "полиоли", "Полиоли", "от които полиоли", "Polioliai", "iš kurių polioliai", "tostarp polioli",
                "Polüoolid", "millest polüoolid"],
    # Short sub-row names customary on EU packs beside Annex XV's full ones (blind audit round
    # 10, AMB-1: `waarvan verzadigd`, `di cui saturi`, `of which sugar`); customary wording,
    # unverified against the language versions.
    "saturated_fat_short": ["waarvan verzadigd", "waarvan verzadigde", "di cui saturi", "dont saturés", "dont saturées",
                            "davon gesättigte", "gesättigte Fettsäuren", "of which saturated", "w tym nasycone", "w tym kwasy nasycone"],
    "sugar_short": ["of which sugar", "waarvan suiker", "di cui zucchero", "dont sucre"],
    "energy_short": ["Énergétique", "Energía"],
    "protein": ["Eiweiß", "Protéines", "Proteine", "Proteínas", "Białko", "Bílkoviny", "Bielkoviny", "Fehérje", "Πρωτεΐνες", "Eiwitten", "Proteiini", "Beljakovine", "Bjelančevine", "Белтъци", "Белтъчини", "Протеини", "Valgud", "Olbaltumvielas", "Baltymai", "Proteina", "Proteini"],
    # Omega-3 rows printed in the same field of vision as an EU declaration (Reg. (EC)
    # 1924/2006 Art 7; the Annex's SOURCE OF / HIGH OMEGA-3 FATTY ACIDS are measured on
    # alpha-linolenic acid or EPA + DHA, Reg. (EU) 116/2010): the English names and customary
    # DE/FR/IT/ES/NL ones (unverified against the language versions; session 29 claims audit).
    "ala": ["ALA", "Alpha-linolenic acid (ALA)", "α-linolenic acid", "Omega-3 (alpha-linolenic acid)", "Omega-3 (ALA)", "Omega-3 fatty acids (ALA)", "Alpha-Linolensäure", "Acide alpha-linolénique", "Acido alfa-linolenico", "Ácido alfa-linolénico", "Alfa-linoleenzuur"],
    "dha": ["Docosahexaenoic acid"],
    "epa": ["Eicosapentaenoic acid"],
    "n3_pufa": ["Omega-3 fatty acids", "Omega-3", "Omega 3", "Omega-3-Fettsäuren", "Acides gras oméga-3", "Oméga-3", "Acidi grassi omega-3", "Ácidos grasos omega-3", "Omega-3-vetzuren"],
    # Annex XIII Part A vitamin and mineral names in DE, FR, IT, ES, NL, PL, PT and SV as
    # customarily printed (not read in those language versions): a row named 'Calcio' or
    # 'Vitamine C' is the nutrient, so the claim conditions and Art 7 of 1924/2006 judge it
    # (session 29).
    "vitamin_a_eu": ["Vitamine A", "Vitamina A", "Witamina A", "A-vitamin"],
    "vitamin_d_eu": ["Vitamine D", "Vitamina D", "Witamina D", "D-vitamin"],
    "vitamin_e_eu": ["Vitamine E", "Vitamina E", "Witamina E", "E-vitamin"],
    "vitamin_k_eu": ["Vitamine K", "Vitamina K", "Witamina K", "K-vitamin"],
    "vitamin_c_eu": ["Vitamine C", "Vitamina C", "Witamina C", "C-vitamin"],
    "vitamin_b1_eu": ["Vitamine B1", "Vitamina B1", "Witamina B1", "B1-vitamin"],
    "vitamin_b2_eu": ["Vitamine B2", "Vitamina B2", "Witamina B2", "B2-vitamin"],
    "vitamin_b6_eu": ["Vitamine B6", "Vitamina B6", "Witamina B6", "B6-vitamin"],
    "vitamin_b12_eu": ["Vitamine B12", "Vitamina B12", "Witamina B12", "B12-vitamin"],
    "niacin_eu": ["Niacine", "Niacina", "Niacyna"],
    "folate_eu": ["Folsäure", "Acide folique", "Acido folico", "Ácido fólico", "Foliumzuur", "Kwas foliowy", "Folsyra", "Folic acid"],
    "pantothenic_acid_eu": ["Pantothensäure", "Acide pantothénique", "Acido pantotenico", "Ácido pantoténico", "Pantotheenzuur", "Kwas pantotenowy", "Pantotensyra"],
    "biotin_eu": ["Biotine", "Biotina", "Biotyna"],
    "calcium_eu": ["Calcio", "Cálcio", "Wapń", "Kalcium", "Kalzium"],
    "iron_eu": ["Eisen", "Fer", "Ferro", "Hierro", "IJzer", "Żelazo", "Järn"],
    "zinc_eu": ["Zink", "Zinco", "Cinc", "Cynk"],
    "magnesium_eu": ["Magnésium", "Magnesio", "Magnez", "Magnésio"],
    "potassium_eu": ["Kalium", "Potassio", "Potasio", "Potas", "Potássio"],
    "phosphorus_eu": ["Phosphor", "Phosphore", "Fosforo", "Fósforo", "Fosfor"],
    "iodine_eu": ["Jod", "Iode", "Iodio", "Yodo", "Jodium", "Iodo"],
    "selenium_eu": ["Selen", "Sélénium", "Selenio", "Seleen", "Selénio"],
    "copper_eu": ["Kupfer", "Cuivre", "Rame", "Cobre", "Koper", "Miedź", "Koppar"],
    "manganese_eu": ["Mangan", "Manganèse", "Manganeso", "Mangaan", "Manganês"],
    "fluorine_eu": ["Fluoride", "Fluorid", "Fluorure", "Fluoruro", "Fluorek", "Fluoreto"],
    "salt": ["Salt", "Salz", "Sel", "Sale", "Sal", "Sól", "Sůl", "Soľ", "Só", "Αλάτι", "Sare", "Zout", "Suola", "Sol", "Сол", "Druska", "Sāls", "Sool", "Melħ"],
}
NEW = {
    "added_sugar": {"zh": "添加糖", "en": "Added sugars"},
    "salt": {"zh": "食盐", "en": "Salt"},
    "polyols": {"zh": "多元醇", "en": "Polyols"},
}
for nid, names in EXTRA.items():
    nid = nid.removesuffix("_short").removesuffix("_eu")
    entry = rows[nid] if nid in rows else rows.setdefault(nid, {**NEW[nid], "aliases": []})
    for name in names:
        if name != entry["en"] and name != entry["zh"] and name not in entry["aliases"]:
            entry["aliases"].append(name)

out = [
    "[list]",
    'id = "nutrients"',
    'title = { zh = "营养成分名称", en = "Nutrient names" }',
    'source = "GB 28050-2011 表1 and GB 28050-2025 表1 (the `nutrients` tables of the packs); US 21 CFR 101.9 and EU 1169/2011 Annex XV printed names (EXTRA in the generator; the Annex XV names in the languages beyond EN/DE/FR/IT/ES are recalled, not read in those language versions)"',
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

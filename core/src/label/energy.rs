//! The energy label of an appliance: China Energy Label grades, EU A–G classes.
//!
//! Owned by the energy-label work (CEL framework, GB 21455, GB 12021.2, …; EU 2017/1369 and
//! its delegated acts).
//!
//! The section records what the label (or the web-shop listing that must reproduce it)
//! shows: the scheme, the product type as the grading standard classifies it, the declared
//! grade or class, the declared performance figures with their units, further classes
//! (noise, spin-drying, repairability…), the standard or regulation cited, the filing /
//! EPREL registration number and the QR code. Packs compute the grade the figures earn and
//! compare it with the declared one.

use super::Dec;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EnergyLabel {
    /// `CN-CEL` (China Energy Label, 中国能效标识) or `EU` (EU energy label, Regulation
    /// (EU) 2017/1369).
    pub scheme: String,
    /// The product type as the grading standard classifies it, an id from the standard's
    /// pack (`split_heat_pump`, `refrigerator_freezer`, `ndls_mains`…). See
    /// `labelcheck rules --pack <pack>` and the pack's `product_types` table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_type: Option<String>,
    /// The label's title as printed (`中国能效标识`, `CHINA ENERGY LABEL`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Producer's name or short name (生产者名称或简称), or the EU supplier's name or trade
    /// mark, as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<String>,
    /// Specification and model (规格型号) / EU model identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The declared grade (`1`…`5`) or class (`A`…`G`, `A+++`…`D`). Printed forms such as
    /// `1级`, `一级`, `Ａ＋` or `Class B` are canonicalised by normalisation (`1`, `A+`, `B`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_grade: Option<String>,
    /// The grade scale printed on the label: `1-5`, `1-3`, `A-G`, `A+++-D`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// Declared performance figures: the values on the label and, where the label does not
    /// print them, the declared values of the filing or product information sheet the grade
    /// rests on (e.g. a refrigerator's energy-efficiency index).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
    /// Further classes printed on the label: `noise`, `spin_drying`, `repairability`,
    /// `free_fall`, `hdr`, `heating_average`, `washing_cycle`, `ip`…
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub classes: Vec<ClassMark>,
    /// The standard (CN: `GB 21455-2019`) or regulation (EU: `2019/2017`) the label cites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard: Option<String>,
    /// Filing number (能效备案号, e.g. `201607-14-1134954-11381977`) or EPREL registration
    /// number (e.g. `1779994`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_number: Option<String>,
    /// The QR code (CN 能效信息码; EU link to the EPREL record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_code: Option<QrCode>,
    /// Whether the energy-efficiency pace-setter (能效领跑者) mark is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pace_setter: Option<bool>,
    /// Printed label width in mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width_mm: Option<Dec>,
    /// Printed label height in mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height_mm: Option<Dec>,
    /// Filled in by normalisation: `standard` without spaces, upper case, with ASCII dashes
    /// and dots (`GB 21455—2019` → `GB21455-2019`), the key packs look standards up by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_key: Option<String>,
}

/// One declared performance figure.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Figure id from the pack's `figures` table (`apf`, `rated_cooling_capacity`, `eei`,
    /// `standard_eei`, `noise`…).
    pub name: String,
    /// The value, in the unit the pack's `figures` table names (durations in minutes).
    pub value: Dec,
    /// The unit as printed (`W`, `W·h/(W·h)`, `kWh/24h`, `%`, `dB(A)`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The figure as printed, when its printed form is not a plain number (`3:55`, `≥1000`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A further class shown on the label.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClassMark {
    /// Which class: `noise`, `spin_drying`, `repairability`, `free_fall`, `hdr`,
    /// `heating_average`, `washing_cycle`, `ip`…
    pub name: String,
    /// The class as printed; canonicalised like `declared_grade`.
    pub class: String,
}

/// The QR code on the label.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QrCode {
    pub present: bool,
    /// The decoded payload, when known (`https://eprel.ec.europa.eu/qr/1779994`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl EnergyLabel {
    /// Fills in derived fields: canonical grade and class spellings, `standard_key`.
    pub fn normalise(&mut self) {
        if let Some(g) = &self.declared_grade {
            self.declared_grade = Some(canonical_grade(g));
        }
        for c in &mut self.classes {
            c.class = canonical_grade(&c.class);
        }
        self.standard_key = self.standard.as_deref().map(standard_key);
    }
}

/// Full-width ASCII forms (`Ａ`, `１`, `＋`, `－`) to ASCII; other characters unchanged.
fn ascii_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Canonical spelling of a printed grade or class: `1级` / `一级` / `１` → `1`,
/// `Ａ＋＋` / `a++` / `Class A++` → `A++`, `IP 68` → `IP68`. Text it does not recognise
/// comes back trimmed and upper-cased, so a rule still sees (and reports) it.
pub fn canonical_grade(printed: &str) -> String {
    let mut s: String = printed
        .chars()
        .map(ascii_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    for word in [
        "能效等级",
        "等级",
        "级",
        "級",
        "CLASS",
        "Class",
        "class",
        "GRADE",
        "Grade",
    ] {
        s = s.replace(word, "");
    }
    let s: String = s
        .chars()
        .map(|c| match c {
            '一' => '1',
            '二' => '2',
            '三' => '3',
            '四' => '4',
            '五' => '5',
            other => other,
        })
        .collect();
    s.to_uppercase()
}

/// The lookup key of a cited standard: no whitespace, upper case, ASCII dashes and dots.
/// `GB 21455—2019` → `GB21455-2019`; `gb12021.2-2015` → `GB12021.2-2015`.
pub fn standard_key(printed: &str) -> String {
    printed
        .chars()
        .map(ascii_width)
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '—' | '–' | '‐' | '‑' | '‒' | '―' | '－' | '−' => '-',
            '．' | '。' => '.',
            other => other,
        })
        .collect::<String>()
        .to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_are_canonicalised() {
        for (printed, want) in [
            ("1", "1"),
            ("1级", "1"),
            (" 2 级 ", "2"),
            ("一级", "1"),
            ("能效等级 三级", "3"),
            ("１级", "1"),
            ("A", "A"),
            ("a+++", "A+++"),
            ("Ａ＋＋", "A++"),
            ("Class B", "B"),
            ("IP 68", "IP68"),
            ("", ""),
        ] {
            assert_eq!(canonical_grade(printed), want, "{printed:?}");
        }
    }

    #[test]
    fn standard_keys() {
        for (printed, want) in [
            ("GB 21455-2019", "GB21455-2019"),
            ("GB 21455—2019", "GB21455-2019"),
            ("gb12021.2-2015", "GB12021.2-2015"),
            ("ＧＢ　１２０２１．２－２０２５", "GB12021.2-2025"),
            ("2019/2017", "2019/2017"),
        ] {
            assert_eq!(standard_key(printed), want, "{printed:?}");
        }
    }

    #[test]
    fn canonical_forms_are_fixed_points() {
        for g in ["1", "5", "A", "A+++", "B", "IP68"] {
            assert_eq!(canonical_grade(&canonical_grade(g)), canonical_grade(g));
        }
        for s in ["GB 21455-2019", "GB12021.2—2015"] {
            assert_eq!(standard_key(&standard_key(s)), standard_key(s));
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        // Every char class the mapping touches, plus surrogate-adjacent and combining marks.
        let samples = [
            "\u{FF01}\u{FF5E}\u{3000}\u{FEFF}",
            "级級一二三四五六",
            "\u{0301}A\u{0301}",
            "𝟙𝟚😀",
            "—–‐‑‒―－−．。",
        ];
        for s in samples {
            let _ = canonical_grade(s);
            let _ = standard_key(s);
        }
        let mut x: u32 = 12345;
        for _ in 0..2000 {
            let text: String = (0..8)
                .filter_map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    char::from_u32((x >> 8) % 0x11_0000)
                })
                .collect();
            let _ = canonical_grade(&text);
            let _ = standard_key(&text);
        }
    }

    #[test]
    fn normalise_round_trips_through_json() {
        let json = serde_json::json!({
            "scheme": "CN-CEL",
            "declared_grade": "2级",
            "standard": "GB 21455—2019",
            "figures": [{ "name": "apf", "value": 4.5, "unit": "W·h/(W·h)" }],
            "classes": [{ "name": "noise", "class": "ｂ" }]
        });
        let mut l: EnergyLabel = serde_json::from_value(json).expect("parses");
        l.normalise();
        assert_eq!(l.declared_grade.as_deref(), Some("2"));
        assert_eq!(l.standard_key.as_deref(), Some("GB21455-2019"));
        assert_eq!(l.classes[0].class, "B");
        let back: EnergyLabel =
            serde_json::from_value(serde_json::to_value(&l).expect("serialises")).expect("parses");
        assert_eq!(back.figures[0].value, l.figures[0].value);
        assert_eq!(back.standard_key, l.standard_key);
        let mut again = back.clone();
        again.normalise();
        assert_eq!(again.declared_grade, back.declared_grade);
    }
}

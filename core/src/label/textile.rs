//! Textile and apparel label items other than fibre content (GB/T 5296.4, GB 18401,
//! GB 31701, 16 CFR 303, EU 1007/2011): size, care, the safety category as printed, who the
//! product is for, the durable label, cords, non-textile animal parts.
//!
//! Name, producer, product standard, origin and importer use the document's shared fields
//! (`product_name`, `producer`, `standard_code`, `origin`, `importer`); warnings and other
//! printed sentences go in `statements`.

use super::Dec;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Textile {
    /// Size or specification as printed (号型 `170/92A`, `M`, `180cm×200cm`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Who the product is made for: `infant` (≤ 36 months), `child` (over 3 up to 14 years)
    /// or `adult`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_group: Option<String>,
    /// The largest body height the size is made for, in cm (GB 18401 / GB 31701 use 100 cm
    /// as the guide for infant products).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height_cm_max: Option<Dec>,
    /// The product's layers: `shell`, `lining`, `filling`. Each needs its own fibre-content
    /// component (GB/T 29862: linings and fillings are declared separately).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub layers: Vec<String>,
    /// Whether the product touches the skin directly in use (GB 18401 4.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skin_contact: Option<bool>,
    /// Care instructions (维护方法).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub care: Option<Care>,
    /// The safety category as printed: `GB 18401-2010 B类`, `安全类别：A类`,
    /// `GB 31701 婴幼儿用品`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safety_category: Option<String>,
    /// Filled in by normalisation: the class letters printed in `safety_category`
    /// (`A`, `B`, `C` before `类`, or the letter alone), in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safety_classes: Vec<String>,
    /// The durable label (耐久性标签) sewn or fixed to the product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub durable_label: Option<DurableLabel>,
    /// Cords, drawstrings and loops as designed (for the cord rules of GB 31701 / GB/T 22705).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cords: Vec<Cord>,
    /// Whether the product has non-textile parts of animal origin (leather, fur, horn buttons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub animal_origin_parts: Option<bool>,
    /// Whether the product went through the carding process (EU 1007/2011 Art 7(2): 5 %
    /// extraneous fibres instead of 2 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carded: Option<bool>,
    /// A dealer identification number printed instead of the name (US RN / WPL number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identification_number: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Care {
    /// Care symbols, by name or code (`wash_30`, `no_bleach`, `iron_low`, `dry_clean_p`…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub symbols: Vec<String>,
    /// Care instructions as printed in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DurableLabel {
    /// What the durable label carries: `size`, `fibre_content`, `care`, `safety_category`,
    /// `producer`, `origin`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// Where it sits: `skin_contact` (touches the skin when worn) or `non_contact`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cord {
    /// `head_neck`, `shoulder`, `waist`, `sleeve`, `hem`, `back`, `other`.
    pub zone: String,
    /// Length of the free end outside the garment, laid flat, in mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_end_mm: Option<Dec>,
    /// Perimeter of a protruding loop, in mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loop_perimeter_mm: Option<Dec>,
    /// Knots or three-dimensional decorations on the free end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decorated_end: Option<bool>,
}

impl Textile {
    /// Fills in `safety_classes` from the printed `safety_category`.
    pub fn normalise(&mut self) {
        self.safety_classes = self
            .safety_category
            .as_deref()
            .map(safety_classes)
            .unwrap_or_default();
    }
}

/// The class letters in a printed safety category: `A类` / `Ｂ类` / `Class C`, or a bare letter.
pub fn safety_classes(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let letter = |c: char| match c {
        'A' | 'Ａ' => Some("A"),
        'B' | 'Ｂ' => Some("B"),
        'C' | 'Ｃ' => Some("C"),
        _ => None,
    };
    let trimmed = text.trim();
    if trimmed.chars().count() == 1 {
        return trimmed
            .chars()
            .next()
            .and_then(letter)
            .map(|l| vec![l.to_string()])
            .unwrap_or_default();
    }
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let Some(l) = letter(c) else { continue };
        let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
        let prev_alpha = i > 0 && chars[i - 1].is_ascii_alphabetic();
        let next_alpha = chars.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic());
        if next == Some(&'类') || (!prev_alpha && !next_alpha && after_class(&chars[..i])) {
            out.push(l.to_string());
        }
    }
    out
}

/// Whether `before`, blanks at its end set aside, ends with the word `class` (any case).
/// Looks at no more than the last five characters: every character lower-cases to at least
/// one, so they hold the last five of the lower-cased text (a prefix lower-cased whole for
/// every letter made a long category quadratic).
fn after_class(before: &[char]) -> bool {
    let end = before
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(0, |p| p + 1);
    let tail: String = before[end.saturating_sub(5)..end]
        .iter()
        .flat_map(|c| c.to_lowercase())
        .collect();
    tail.ends_with("class")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_from_printed_categories() {
        assert_eq!(safety_classes("GB 18401-2010 B类"), ["B"]);
        assert_eq!(safety_classes("安全类别：A类"), ["A"]);
        assert_eq!(safety_classes("GB 31701 婴幼儿用品"), Vec::<String>::new());
        assert_eq!(safety_classes("GB 18401 A类 B类"), ["A", "B"]);
        assert_eq!(safety_classes("Ｃ 类"), ["C"]);
        assert_eq!(safety_classes("B"), ["B"]);
        assert_eq!(safety_classes("Class C"), ["C"]);
        assert_eq!(safety_classes("直接接触皮肤产品"), Vec::<String>::new());
        assert_eq!(safety_classes(""), Vec::<String>::new());
        assert_eq!(safety_classes("CLASS  B"), ["B"]);
        assert_eq!(safety_classes("subclass B"), ["B"]);
        assert_eq!(safety_classes("Classic B"), Vec::<String>::new());
    }

    /// A category of a million class letters is read in linear time (the prefix was
    /// lower-cased for every letter: a 160 KB value took minutes).
    #[test]
    fn long_category_is_linear() {
        let long = "A".repeat(1_000_000);
        assert_eq!(safety_classes(&long), Vec::<String>::new());
        let classes = "Class A ".repeat(200_000);
        assert_eq!(safety_classes(&classes).len(), 200_000);
        let blanks = format!("class{}B", " ".repeat(1_000_000));
        assert_eq!(safety_classes(&blanks), ["B"]);
    }
}

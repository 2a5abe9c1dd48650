//! Textile fibre content (纤维含量): the "ingredient list" of a garment.
//!
//! Owned by the fibre-content work (GB/T 29862, GB 18401, GB 31701, EU 1007/2011, 16 CFR 303).
//!
//! The section holds what the label declares — per component (面料, 里料, 填充物, named
//! parts), each fibre's name and declared percentage, the wording used for single-fibre
//! content ("100%", "纯", "全", "pure", "all") and the statements printed with it
//! ("装饰线除外", "含微量其他纤维") — and, optionally, what a laboratory measured, so the
//! tolerance rules can judge the declaration. Printed text is parsed into the same structure
//! with character spans; tokens the parser cannot read are listed in `unparsed` with their
//! spans instead of being guessed.

use super::Dec;
use crate::report::Span;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The fibre-content section: printed text, or structured components, or both.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FibreContent {
    /// As printed: `面料：80%山羊绒 20%绵羊毛；里料：100%聚酯纤维`. When `components` is
    /// absent it is parsed into components (with spans); measured values given in
    /// `components` are then matched onto the parsed fibres by name (see `normalise`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Components (面料, 里料, 填充物, named parts), each with its fibres, in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<FibreComponent>,
    /// Whether the fibre content is on a durable label (耐久性标签) sewn or fixed to the
    /// product, as opposed to only a hang-tag or the packaging.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub durable: Option<bool>,
}

/// One part of the product and its fibres.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FibreComponent {
    /// The part as printed: `面料`, `里料`, `填充物`, `罗纹`, `Shell`; absent for a one-part product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// `shell` (面料, the main fabric), `lining` (里料), `filling` (填充物, 絮料) or `part` (any
    /// other named part). Filled in from `part` when absent (no part → `shell`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Single-fibre wording as printed: `100%`, `纯`, `全`, `pure`, `all`. Set by the parser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
    /// Declared fibres, in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fibres: Vec<Fibre>,
    /// Fibres a laboratory found in this component that the label does not declare, each
    /// with `measured_percent` (e.g. 4 % 绵羊毛 in a "100% 山羊绒" sweater).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undeclared: Vec<Fibre>,
    /// Statements printed with the component, verbatim: `装饰线除外`, `含微量其他纤维`,
    /// `exclusive of ornamentation`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<String>,
    /// A decorative, non-exposed or small part (lace, ribbing, interlining, pocket…) that the
    /// standards let a label leave out; listed to record it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decorative: Option<bool>,
    /// A part that is not visible in use (interlining 衬布, pads 衬垫, inner bag 内胆布).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_exposed: Option<bool>,
    /// The part's share of the product's surface area, in percent (GB/T 29862 6.13's 15 %).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_percent: Option<Dec>,
    /// The component's share of the product's total fibre weight, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_percent: Option<Dec>,
    /// Where the component stands in `fibre_content.text`, set by the parser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Filled in by the parser: tokens of this component's text it could not read (a
    /// percentage with no fibre, a stray number or sign, a part label with nothing after it),
    /// each with its span. Never guessed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unparsed: Vec<UnparsedToken>,
}

/// One fibre of a component.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fibre {
    /// The fibre name as printed (`山羊绒`, `cashmere`), without percentage or wording.
    pub name: String,
    /// Declared percentage. Filled in as 100 for the single fibre of a component worded
    /// `纯` / `全` / `pure` / `all` without a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Dec>,
    /// Measured percentage (laboratory result), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_percent: Option<Dec>,
    /// Declared as a trace (`含微量氨纶`): no percentage, not counted in the total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace: Option<bool>,
    /// A descriptive term printed in brackets after the name: `丝光` in `棉(丝光)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub descriptor: Option<String>,
    /// The name in another language printed as its translation (GB/T 29862 4.10: other
    /// languages may be added; labels in several languages): `Cashmere` in `70%山羊绒/Cashmere` or `70%山羊绒/70% Cashmere`,
    /// or the fibre's entry in a list repeated in another language. Set by the parser; the
    /// rules judge `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gloss: Option<String>,
    /// For a fibre a laboratory found that the label need not declare: `decorative`
    /// (visible, isolable, purely decorative — EU 1007/2011 Art 10(1)) or `antistatic`
    /// (added for an antistatic effect, e.g. metallic fibres — Art 10(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Laboratory result: mean fibre diameter in micrometres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_mean_diameter_um: Option<Dec>,
    /// Laboratory result: coefficient of variation of the fibre diameter, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_diameter_cv_percent: Option<Dec>,
    /// Laboratory result: share by weight of fibres with a diameter over 30 µm, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_over_30um_percent: Option<Dec>,
    /// Where the fibre stands in `fibre_content.text`, set by the parser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// A token of the printed text the parser could not read.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UnparsedToken {
    /// The characters, verbatim.
    pub text: String,
    /// Why: `percent_without_fibre`, `number_without_percent`, `percent_out_of_range`,
    /// `unexpected_character`, `empty_part`.
    pub reason: String,
    pub span: Span,
}

/// The component kind a printed part name means.
pub fn kind_of_part(part: Option<&str>) -> &'static str {
    let Some(p) = part.map(str::trim).filter(|p| !p.is_empty()) else {
        return "shell";
    };
    // `面料/Shell`: a part label printed in two languages means what either half means.
    if let Some((a, b)) = p.split_once(['/', '／']) {
        let k = kind_of_part(Some(a));
        return if k == "part" {
            kind_of_part(Some(b))
        } else {
            k
        };
    }
    let l = p.to_lowercase();
    if [
        "面料", "面层", "大身", "主料", "外层", "表布", "面布", "毯面", "被面", "主体",
    ]
    .contains(&p)
        || [
            "shell",
            "outer",
            "body",
            "main fabric",
            "face fabric",
            "outer shell",
        ]
        .contains(&l.as_str())
    {
        "shell"
    } else if p.contains("里料") || p.contains("里布") || l.contains("lining") {
        "lining"
    } else if p.contains("填充")
        || p.contains("絮")
        || p.contains("胆料")
        || l.contains("filling")
        || l.contains("padding")
        || l.contains("fill")
    {
        "filling"
    } else {
        "part"
    }
}

/// 纯 / 全 / 100 %, or a word of `PURE_WORDS` (pure, all, rein, pur, tout, puro, zuiver…).
fn pure_wording(w: &str) -> bool {
    let w = w.trim().to_lowercase();
    matches!(w.as_str(), "纯" | "全" | "100%" | "100％")
        || super::fibre_text::PURE_WORDS.contains(&w.as_str())
}

impl FibreContent {
    /// Fills in derived fields: parses `text` into components (with spans) when no
    /// components are given — or, when components are given only to carry laboratory results,
    /// takes the parsed structure and copies the measured values onto it by name — then sets
    /// each component's `kind` and the implied 100 % of a `纯` / `全` single fibre.
    pub fn normalise(&mut self) {
        if let Some(text) = self.text.clone() {
            let parsed = super::fibre_text::parse_fibre_text(&text);
            let given_structure = self
                .components
                .iter()
                .any(|c| c.fibres.iter().any(|f| f.percent.is_some()) || c.wording.is_some());
            if self.components.is_empty() {
                self.components = parsed.components;
            } else if !given_structure {
                let lab = std::mem::replace(&mut self.components, parsed.components);
                merge_lab_results(&mut self.components, lab);
            }
        }
        for c in &mut self.components {
            if c.kind.is_none() {
                c.kind = Some(kind_of_part(c.part.as_deref()).to_string());
            }
            let declared: Vec<&mut Fibre> = c
                .fibres
                .iter_mut()
                .filter(|f| f.trace != Some(true))
                .collect();
            if declared.len() == 1 && c.wording.as_deref().is_some_and(pure_wording) {
                let f = declared.into_iter().next();
                if let Some(f) = f {
                    if f.percent.is_none() {
                        f.percent = Some(Dec(Decimal::ONE_HUNDRED));
                    }
                }
            }
        }
    }
}

/// Copies measured values (and `undeclared` lists, flags) from components given alongside
/// printed text onto the parsed components: by position, then each fibre by name.
fn merge_lab_results(parsed: &mut [FibreComponent], lab: Vec<FibreComponent>) {
    for (i, l) in lab.into_iter().enumerate() {
        let target = match l.part.as_deref() {
            Some(p) => parsed
                .iter_mut()
                .find(|c| c.part.as_deref().map(str::trim) == Some(p.trim())),
            None => parsed.get_mut(i),
        };
        let Some(c) = target else { continue };
        for lf in l.fibres {
            if let Some(f) = c
                .fibres
                .iter_mut()
                .find(|f| f.name.trim() == lf.name.trim())
            {
                f.measured_percent = f.measured_percent.or(lf.measured_percent);
                f.measured_mean_diameter_um =
                    f.measured_mean_diameter_um.or(lf.measured_mean_diameter_um);
                f.measured_diameter_cv_percent = f
                    .measured_diameter_cv_percent
                    .or(lf.measured_diameter_cv_percent);
                f.measured_over_30um_percent = f
                    .measured_over_30um_percent
                    .or(lf.measured_over_30um_percent);
            }
        }
        c.undeclared.extend(l.undeclared);
        c.kind = c.kind.take().or(l.kind);
        c.decorative = c.decorative.or(l.decorative);
        c.non_exposed = c.non_exposed.or(l.non_exposed);
        c.area_percent = c.area_percent.or(l.area_percent);
        c.weight_percent = c.weight_percent.or(l.weight_percent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_part_names() {
        assert_eq!(kind_of_part(None), "shell");
        assert_eq!(kind_of_part(Some("面料")), "shell");
        assert_eq!(kind_of_part(Some("里料")), "lining");
        assert_eq!(kind_of_part(Some("填充物")), "filling");
        assert_eq!(kind_of_part(Some("Lining")), "lining");
        assert_eq!(kind_of_part(Some("罗纹")), "part");
    }

    #[test]
    fn pure_wording_implies_100_and_lab_results_merge_by_name() {
        let mut f: FibreContent = serde_json::from_value(serde_json::json!({
            "text": "纯山羊绒",
            "components": [{ "fibres": [{ "name": "山羊绒", "measured_percent": 96 }],
                             "undeclared": [{ "name": "绵羊毛", "measured_percent": 4 }] }]
        }))
        .unwrap();
        f.normalise();
        let c = &f.components[0];
        assert_eq!(c.kind.as_deref(), Some("shell"));
        assert_eq!(c.wording.as_deref(), Some("纯"));
        assert_eq!(c.fibres[0].percent.unwrap().0, Decimal::ONE_HUNDRED);
        assert_eq!(c.fibres[0].measured_percent.unwrap().0, Decimal::from(96));
        assert_eq!(c.undeclared[0].name, "绵羊毛");
        assert!(c.fibres[0].span.is_some());
    }
}

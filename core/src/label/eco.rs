//! Green labels and environmental claims: certification marks with their codes, and the
//! environmental wording printed on a product.
//!
//! Owned by the green-label work (green food, organic, green product, 十环, EU Ecolabel, EU
//! organic, Directive 2024/825, FTC Green Guides).
//!
//! `eco_labels` lists the marks (logos, seals) printed on the product, each with the code and
//! certifier printed next to it; `environmental_claims` lists the environmental wording
//! (`环保材料`, `eco-friendly`, `CO₂-neutral`) with what stands behind it. Code formats,
//! scheme lists and claim lexicons are pack data, not code.

use super::Dec;
use crate::date::Date;
use serde::{Deserialize, Serialize};

/// A certification or sustainability mark printed on the product.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EcoLabel {
    /// Scheme id from the code list `eco_schemes`: `cn_green_food` (绿色食品), `cn_organic`
    /// (中国有机产品), `cn_green_product` (绿色产品标识), `cn_environmental_label` (十环),
    /// `cn_energy_conservation` (节能认证), `eu_ecolabel`, `eu_organic`, `de_blauer_engel`,
    /// `nordic_swan`… A label not in the list gets an id of the caller's choice plus `name`
    /// and `basis`.
    pub scheme: String,
    /// The mark's name as printed, for schemes not in the code list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The code printed with the mark, as printed: green-food enterprise code
    /// (`GF150121 15 0123`), organic code (`有机码 12319100000123456`), EU Ecolabel
    /// registration number (`DE/006/00123`), EU organic control-body code (`DE-ÖKO-001`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// A certificate or licence number printed with the mark, when it is not the `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_number: Option<String>,
    /// The certification (or control) body named on the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certifier: Option<String>,
    /// Where the certification body's own mark is printed, seen from the scheme's mark:
    /// `right`, `left`, `above`, `below`, `elsewhere`; absent when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certifier_mark_position: Option<String>,
    /// First day of validity of the certificate or licence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    /// Last day of validity of the certificate or licence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// The certified scope as stated (product, attribute or part), e.g. `整件产品` or
    /// `packaging only`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// For labels the packs do not know: what the label rests on — `certification_scheme`
    /// (third-party verified, open to all traders), `public_authority` (established by a
    /// public authority) or `self_declared` (the trader's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// For organic marks: organic ingredients as a share of the (agricultural) ingredients
    /// by weight, in percent, from the producer's records (water and salt not counted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organic_percent: Option<Dec>,
    /// For the EU organic logo: the origin statement printed under it
    /// (`EU Agriculture`, `non-EU Agriculture`, `EU/non-EU Agriculture`, a country).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_statement: Option<String>,
    /// Other words printed as part of or next to the mark (`有机转换产品`, an optional
    /// Ecolabel text box), verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
}

/// An environmental claim printed on the product or its packaging.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EnvironmentalClaim {
    /// The wording as printed (`环保材料`, `eco-friendly`, `klimaneutral`).
    pub text: String,
    /// Language tag (`zh`, `en`, `de`…). Filled in as `zh` by normalisation when absent and
    /// the text is written in Chinese characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The specification or qualification of the claim printed in clear terms on the same
    /// medium (`瓶身使用 30 % 再生塑料`, `Recyclable where facilities exist`). Directive
    /// 2024/825 calls a claim without it "generic"; the FTC Green Guides call it "unqualified".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specification: Option<String>,
    /// What the wording presents the claim as covering: `product` (the whole product),
    /// `part` (a component, material or ingredient), `packaging`, `business` (the trader as a
    /// whole) or `activity` (one activity of the trader).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// What the evidence or certification behind the claim actually covers (same values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_scope: Option<String>,
    /// `true` when a claim of neutral, reduced or positive greenhouse-gas impact rests on
    /// offsetting emissions (buying credits) rather than on the product's own emissions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset_based: Option<bool>,
}

/// Fills in derived fields of the eco sections: trims printed text and codes, and marks a
/// claim written in Chinese characters as `zh` when it names no language.
pub fn normalise(labels: &mut [EcoLabel], claims: &mut [EnvironmentalClaim]) {
    for l in labels.iter_mut() {
        trim(&mut l.scheme);
        for s in [
            &mut l.code,
            &mut l.certificate_number,
            &mut l.certifier,
            &mut l.origin_statement,
        ]
        .into_iter()
        .flatten()
        {
            trim(s);
        }
    }
    for c in claims.iter_mut() {
        trim(&mut c.text);
        if c.language.is_none() && c.text.chars().any(is_han) {
            c.language = Some("zh".into());
        }
    }
}

fn trim(s: &mut String) {
    let t = s.trim();
    if t.len() != s.len() {
        *s = t.to_string();
    }
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_tags_chinese_claims() {
        let mut labels = vec![EcoLabel {
            scheme: " cn_green_food ".into(),
            code: Some(" GF150121 15 0123\n".into()),
            ..Default::default()
        }];
        let mut claims = vec![
            EnvironmentalClaim {
                text: " 环保材料 ".into(),
                ..Default::default()
            },
            EnvironmentalClaim {
                text: "eco-friendly".into(),
                ..Default::default()
            },
            EnvironmentalClaim {
                text: "绿色".into(),
                language: Some("en".into()),
                ..Default::default()
            },
        ];
        normalise(&mut labels, &mut claims);
        assert_eq!(labels[0].scheme, "cn_green_food");
        assert_eq!(labels[0].code.as_deref(), Some("GF150121 15 0123"));
        assert_eq!(claims[0].text, "环保材料");
        assert_eq!(claims[0].language.as_deref(), Some("zh"));
        assert_eq!(claims[1].language, None);
        assert_eq!(claims[2].language.as_deref(), Some("en"));
    }

    #[test]
    fn round_trips_through_json() {
        let json = serde_json::json!({
            "scheme": "eu_organic", "code": "DE-ÖKO-001", "certifier": "Kiwa BCS",
            "valid_until": "2027-06-30", "organic_percent": 97.5,
            "origin_statement": "EU Agriculture"
        });
        let l: EcoLabel = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(serde_json::to_value(&l).unwrap(), json);
        let bad = serde_json::json!({"scheme": "x", "licence": "1"});
        assert!(serde_json::from_value::<EcoLabel>(bad).is_err());
    }
}

//! Special-population information: whom a product suits (infant formula stages and age
//! ranges, special dietary foods, foods for special medical purposes, health food's
//! suitable / unsuitable population and warning panel).
//!
//! Owned by the special-population work (GB 13432, GB 10765/10766/10767, GB 25596, GB 29922,
//! health food). Everything here is what the package shows; the fields marked "filled in by
//! normalisation" are derived from the printed text by [`Population::normalise`].

use super::Dec;
use crate::report::Span;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Population {
    /// The suitable-population or suitable-age statement as printed (`适用于0—6月龄婴儿`,
    /// `适宜人群：免疫力低下者`). An age range in it is parsed into `age_from_months` /
    /// `age_to_months`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suitable: Option<String>,
    /// The unsuitable-population statement as printed (`不适宜人群：少年儿童、孕妇`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsuitable: Option<String>,
    /// The stage printed on a formula (`1段`, `3段`); its number goes to `stage_number`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// Use and amount as printed (食用方法和食用量, feeding table text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<String>,
    /// Preparation (reconstitution) instructions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preparation: Option<Preparation>,
    /// What the pictures on the label show: `infant`, `woman`, `mother_and_child`, `dna`,
    /// `product`, `animal`, `landscape`, `other`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pictures: Vec<String>,
    /// What the main display panel carries: `name`, `net_content`, `registration_number`,
    /// `trademark`, `graphic`, `claim`, `logo`, `warning`, `other`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub main_panel: Vec<String>,
    /// Registration or filing number printed (`国食注字YP20230001`, `国食健注G20200123`,
    /// `食健备G202015000123`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_number: Option<String>,
    /// Infant and young-child formula details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<Formula>,
    /// Health food (保健食品) details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_food: Option<HealthFood>,
    /// Food for special medical purposes details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medical: Option<Medical>,
    /// Filled in by normalisation: the lower end of the age range in `suitable`, in months
    /// (years × 12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_from_months: Option<Dec>,
    /// Filled in by normalisation: the upper end of the age range in `suitable`, in months;
    /// absent for open ranges (`6月龄以上`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_to_months: Option<Dec>,
    /// Filled in by normalisation: where the age range stands in `suitable`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_span: Option<Span>,
    /// Filled in by normalisation: the number of `stage` (`3段` → 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage_number: Option<u8>,
}

/// Preparation instructions printed on the label.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Preparation {
    /// The instructions as printed (water temperature, scoops, steps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Whether a preparation diagram (冲调图示) is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagram: Option<bool>,
    /// The warning on the harm of wrong preparation or use, as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

/// Infant and young-child formula details.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Formula {
    /// `milk` (乳基) or `soy` (豆基).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// `powder` or `liquid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// Grams of powder per 100 mL of the ready-to-feed product, from the feeding table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub powder_g_per_100ml: Option<Dec>,
    /// Energy per 100 mL of the ready-to-feed product in kJ, where the label states it.
    /// Packs fall back to energy per 100 g × `powder_g_per_100ml` / 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared_energy_kj_per_100ml: Option<Dec>,
    /// The per-100 kJ column of the nutrition table, as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub per_100kj: Vec<Amount>,
}

/// One printed amount (a row of a per-100 kJ column).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Amount {
    /// Nutrient id (`protein`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nutrient: Option<String>,
    /// The name as printed (`蛋白质`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub value: Dec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// Health food (保健食品) details.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HealthFood {
    /// The health function as printed (保健功能：有助于增强免疫力).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// Functional or marker components and their content as printed (功效成分或标志性成分及含量).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub functional_components: Option<String>,
    /// The warning area (警示用语区) on the main display panel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<WarningArea>,
    /// Where the blue-hat logo (保健食品标志) is on the main display panel: `top_left`,
    /// `top_right`, `bottom_left`, `bottom_right`, `centre`, `other`; absent = no logo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_position: Option<String>,
    /// Consumer complaint phone number as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaint_phone: Option<String>,
    /// Service hours printed with the complaint phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaint_hours: Option<String>,
}

/// The warning area of a health-food label.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WarningArea {
    /// The warning text as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Area of the main display panel of the smallest sales package, cm².
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub panel_cm2: Option<Dec>,
    /// Share of that panel the warning area covers, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_percent: Option<Dec>,
    /// Character height of the warning text, mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_height_mm: Option<Dec>,
}

/// Food for special medical purposes details.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Medical {
    /// The product category as printed (`无乳糖配方`, `全营养配方食品`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The special medical condition the product is for, as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// Description of the formula's features or nutritional characteristics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<String>,
}

/// An age range found in a printed statement, in months, with its byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgeRange {
    pub from_months: Decimal,
    pub to_months: Option<Decimal>,
    /// Byte offsets of the match in the text.
    pub start: usize,
    pub end: usize,
}

const UNIT: &str = r"(个月|月龄|月|周岁|岁)";
const NUMBER: &str = r"([0-9]{1,4}(?:\.[0-9]{1,2})?)";

fn range_re() -> &'static regex_lite::Regex {
    static RE: OnceLock<regex_lite::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex_lite::Regex::new(&format!(
            r"{NUMBER}\s*{UNIT}?\s*(?:-|~|～|—|–|－|─|至|到)+\s*{NUMBER}\s*{UNIT}"
        ))
        .unwrap_or_else(|e| unreachable!("fixed pattern: {e}"))
    })
}

fn open_re() -> &'static regex_lite::Regex {
    static RE: OnceLock<regex_lite::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex_lite::Regex::new(&format!(r"{NUMBER}\s*{UNIT}\s*(?:及|或)?以上"))
            .unwrap_or_else(|e| unreachable!("fixed pattern: {e}"))
    })
}

fn below_re() -> &'static regex_lite::Regex {
    static RE: OnceLock<regex_lite::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        regex_lite::Regex::new(&format!(r"{NUMBER}\s*{UNIT}\s*(?:及|或)?以下"))
            .unwrap_or_else(|e| unreachable!("fixed pattern: {e}"))
    })
}

fn stage_re() -> &'static regex_lite::Regex {
    static RE: OnceLock<regex_lite::Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Not preceded by another digit: `14段` and `300段` are no stage 4 or stage 0.
        regex_lite::Regex::new(r"(?:^|[^0-9０-９])([1-4一二三四壹贰叁])\s*段")
            .unwrap_or_else(|e| unreachable!("fixed pattern: {e}"))
    })
}

fn months(n: &str, unit: &str) -> Option<Decimal> {
    let v: Decimal = n.parse().ok()?;
    match unit {
        "岁" | "周岁" => v.checked_mul(Decimal::from(12)),
        _ => Some(v),
    }
}

/// The first age range printed in `text`: `0—6月龄`, `6~12个月`, `1-3岁` (both ends in
/// the unit printed after the second number unless the first has its own), an open range
/// `6月龄以上` / `3岁及以上`, or an age and under `3岁以下` / `12个月以下` (from birth; 以下
/// counts the age itself, as 以上 does).
pub fn parse_age_range(text: &str) -> Option<AgeRange> {
    if let Some(c) = range_re().captures(text) {
        let whole = c.get(0)?;
        let to_unit = c.get(4)?.as_str();
        let from_unit = c.get(2).map_or(to_unit, |m| m.as_str());
        let from = months(c.get(1)?.as_str(), from_unit)?;
        let to = months(c.get(3)?.as_str(), to_unit)?;
        // `6—0月龄` is no range: nothing is read from it (the age rules then say so).
        if from > to {
            return None;
        }
        return Some(AgeRange {
            from_months: from,
            to_months: Some(to),
            start: whole.start(),
            end: whole.end(),
        });
    }
    if let Some(c) = open_re().captures(text) {
        let whole = c.get(0)?;
        return Some(AgeRange {
            from_months: months(c.get(1)?.as_str(), c.get(2)?.as_str())?,
            to_months: None,
            start: whole.start(),
            end: whole.end(),
        });
    }
    let c = below_re().captures(text)?;
    let whole = c.get(0)?;
    Some(AgeRange {
        from_months: Decimal::ZERO,
        to_months: Some(months(c.get(1)?.as_str(), c.get(2)?.as_str())?),
        start: whole.start(),
        end: whole.end(),
    })
}

/// The stage number printed as `1段` … `4段` (also `一段`, `三段`).
pub fn parse_stage(text: &str) -> Option<u8> {
    let c = stage_re().captures(text)?;
    Some(match c.get(1)?.as_str() {
        "1" | "一" | "壹" => 1,
        "2" | "二" | "贰" => 2,
        "3" | "三" | "叁" => 3,
        "4" | "四" => 4,
        _ => return None,
    })
}

/// A span from byte offsets (on char boundaries, as regex matches are) in `text`.
fn span_of(field: &str, text: &str, start: usize, end: usize) -> Span {
    Span::from_bytes(field, text, start, end)
}

impl Population {
    /// Fills in the derived fields: the age range from `suitable` (with its span) and the
    /// stage number from `stage`. Values given in the input are kept.
    pub fn normalise(&mut self) {
        if let Some(text) = self.suitable.as_deref() {
            if let Some(r) = parse_age_range(text) {
                if self.age_from_months.is_none() && self.age_to_months.is_none() {
                    self.age_from_months = Some(Dec(r.from_months));
                    self.age_to_months = r.to_months.map(Dec);
                }
                if self.age_span.is_none() {
                    self.age_span = Some(span_of("/population/suitable", text, r.start, r.end));
                }
            }
        }
        if self.stage_number.is_none() {
            self.stage_number = self.stage.as_deref().and_then(parse_stage);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(t: &str) -> Option<(String, Option<String>, String)> {
        parse_age_range(t).map(|r| {
            (
                r.from_months.to_string(),
                r.to_months.map(|d| d.to_string()),
                t[r.start..r.end].to_string(),
            )
        })
    }

    #[test]
    fn age_ranges() {
        assert_eq!(
            range("适用于0—6月龄婴儿"),
            Some(("0".into(), Some("6".into()), "0—6月龄".into()))
        );
        assert_eq!(
            range("适用于6-12月龄的较大婴儿"),
            Some(("6".into(), Some("12".into()), "6-12月龄".into()))
        );
        assert_eq!(
            range("12～36个月幼儿"),
            Some(("12".into(), Some("36".into()), "12～36个月".into()))
        );
        assert_eq!(
            range("1-3岁"),
            Some(("12".into(), Some("36".into()), "1-3岁".into()))
        );
        assert_eq!(
            range("6个月至3岁"),
            Some(("6".into(), Some("36".into()), "6个月至3岁".into()))
        );
        assert_eq!(
            range("6月龄以上婴幼儿"),
            Some(("6".into(), None, "6月龄以上".into()))
        );
        assert_eq!(
            range("3岁及以上人群"),
            Some(("36".into(), None, "3岁及以上".into()))
        );
        assert_eq!(
            range("适用年龄：3岁以下"),
            Some(("0".into(), Some("36".into()), "3岁以下".into()))
        );
        assert_eq!(
            range("12个月及以下婴儿"),
            Some(("0".into(), Some("12".into()), "12个月及以下".into()))
        );
        assert_eq!(range("免疫力低下者"), None);
        assert_eq!(range("1段"), None);
    }

    #[test]
    fn stages() {
        assert_eq!(parse_stage("1段"), Some(1));
        assert_eq!(parse_stage("幼儿配方奶粉（3段）"), Some(3));
        assert_eq!(parse_stage("二段"), Some(2));
        for bad in ["0段", "300段", "14段", "5段"] {
            assert_eq!(parse_stage(bad), None, "{bad}");
        }
        assert_eq!(range("适用于6—0月龄婴儿"), None);
        assert_eq!(parse_stage("段"), None);
    }

    #[test]
    fn normalise_sets_range_span_and_stage() {
        let mut p = Population {
            suitable: Some("适用于0~6月龄婴儿".into()),
            stage: Some("1段".into()),
            ..Default::default()
        };
        p.normalise();
        assert_eq!(p.age_from_months, Some(Dec(Decimal::ZERO)));
        assert_eq!(p.age_to_months, Some(Dec(Decimal::from(6))));
        assert_eq!(p.stage_number, Some(1));
        let s = p.age_span.expect("span");
        assert_eq!(&*s.field, "/population/suitable");
        assert_eq!((s.start, s.end), (3, 8));
        assert_eq!(s.text, "0~6月龄");
        // Round trip: the span's characters are the text's.
        let chars: String = p
            .suitable
            .as_deref()
            .unwrap_or("")
            .chars()
            .skip(s.start)
            .take(s.end - s.start)
            .collect();
        assert_eq!(chars, s.text);
        // Given values are kept.
        let mut q = Population {
            suitable: Some("0-6月龄".into()),
            age_from_months: Some(Dec(Decimal::from(1))),
            ..Default::default()
        };
        q.normalise();
        assert_eq!(q.age_from_months, Some(Dec(Decimal::from(1))));
        assert_eq!(q.age_to_months, None);
    }

    #[test]
    fn odd_text_never_panics_and_spans_stay_in_bounds() {
        let samples = [
            "",
            "月龄",
            "-6月龄",
            "99999999999999999999-1月",
            "0.5—1.5岁",
            "１２—３６月龄",
            "6——12月龄以上",
            "岁岁岁0-",
            "𝟘-6月龄",
            "0 - 6 月龄 至 12 个月",
            "9999.99-9999.99岁",
        ];
        for t in samples {
            let mut p = Population {
                suitable: Some(t.to_string()),
                stage: Some(t.to_string()),
                ..Default::default()
            };
            p.normalise();
            if let Some(s) = &p.age_span {
                let n = t.chars().count();
                assert!(s.start <= s.end && s.end <= n, "{t}: {s:?}");
                assert!(s.utf16_start <= s.utf16_end && s.utf16_end <= t.encode_utf16().count());
            }
        }
        // Every char boundary prefix / suffix of a realistic statement.
        let t = "适用于0—6月龄婴儿（1段）";
        for (i, _) in t.char_indices() {
            let _ = parse_age_range(&t[i..]);
            let _ = parse_age_range(&t[..i]);
            let _ = parse_stage(&t[i..]);
        }
    }
}

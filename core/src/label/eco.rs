//! Green labels and environmental claims: certification marks with their codes, and the
//! environmental wording printed on a product.
//!
//! Owned by the green-label work (green food, organic, green product, 十环, EU Ecolabel, EU
//! organic, Directive 2024/825, FTC Green Guides).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EcoLabel {
    /// Scheme id (`cn_green_food`, `cn_organic`, `eu_ecolabel`, `eu_organic`…).
    pub scheme: String,
    /// The code or licence number printed with the mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The certification body named on the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certifier: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EnvironmentalClaim {
    /// The wording as printed (`环保材料`, `eco-friendly`).
    pub text: String,
    /// Language tag (`zh`, `en`, `de`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// Fills in derived fields of the eco sections.
pub fn normalise(_labels: &mut [EcoLabel], _claims: &mut [EnvironmentalClaim]) {}

//! Textile fibre content (纤维含量): the "ingredient list" of a garment.
//!
//! Owned by the fibre-content work (GB/T 29862, GB 18401, GB 31701, EU 1007/2011, 16 CFR 303).

use super::Dec;
use serde::{Deserialize, Serialize};

/// The fibre-content section: printed text, or structured components, or both.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FibreContent {
    /// As printed: `面料：80%山羊绒 20%绵羊毛；里料：100%聚酯纤维`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Components (面料, 里料, 填充物, named parts), each with its fibres.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<FibreComponent>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FibreComponent {
    /// The part: `面料`, `里料`, `填充物`, or a named part; absent for a one-part product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fibres: Vec<Fibre>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fibre {
    /// The fibre name as printed (`山羊绒`, `cashmere`).
    pub name: String,
    /// Declared percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Dec>,
    /// Measured percentage (laboratory result), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_percent: Option<Dec>,
}

impl FibreContent {
    /// Fills in derived fields (parsed components from `text`, canonical fibre ids…).
    pub fn normalise(&mut self) {}
}

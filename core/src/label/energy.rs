//! The energy label of an appliance: China Energy Label grades, EU A–G classes.
//!
//! Owned by the energy-label work (CEL framework, GB 21455, GB 12021.2, …; EU 2017/1369 and
//! its delegated acts).

use super::Dec;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EnergyLabel {
    /// `CN-CEL` or `EU`.
    pub scheme: String,
    /// The declared grade (`1`…`5`) or class (`A`…`G`, `A+++`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_grade: Option<String>,
    /// Declared performance figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Figure id (`apf`, `rated_cooling_capacity_w`, `eei`…).
    pub name: String,
    pub value: Dec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl EnergyLabel {
    /// Fills in derived fields.
    pub fn normalise(&mut self) {}
}

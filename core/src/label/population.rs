//! Special-population information: whom a product suits (infant formula stages and age
//! ranges, special dietary foods, health food's suitable / unsuitable population).
//!
//! Owned by the special-population work (GB 13432, GB 10765/10766/10767, GB 25596, GB 29922,
//! health food).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Population {
    /// The suitable-population statement as printed (适宜人群 / 适用…月龄).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suitable: Option<String>,
    /// The unsuitable-population statement as printed (不适宜人群).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsuitable: Option<String>,
}

impl Population {
    /// Fills in derived fields (age range in months from the printed statement…).
    pub fn normalise(&mut self) {}
}

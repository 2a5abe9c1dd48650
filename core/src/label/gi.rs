//! Geographical-indication (地理标志) marks printed on a product.
//!
//! Owned by the origin work (CNIPA Announcement No. 354 and GI registers).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GiMark {
    /// The protected name the mark is used for (`乌珠穆沁羊肉`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// The user's unified social credit code printed in the mark's designated place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_credit_code: Option<String>,
}

//! Geographical-indication (地理标志) marks printed on a product.
//!
//! Owned by the origin work (CNIPA Announcement No. 354 and GI registers). The product's
//! place of production is `label.origin`; packs compare it with the protected area of the
//! registered GI named here.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GiMark {
    /// The protected name the mark is used for (`乌珠穆沁羊肉`, `锡林郭勒羊肉`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// The user's unified social credit code (统一社会信用代码, GB 32100) printed in the
    /// mark's designated place; for a foreign GI product, the distributor's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_credit_code: Option<String>,
    /// How the name is protected: `protected_product` (地理标志保护产品),
    /// `certification_mark` (证明商标), `collective_mark` (集体商标).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// `true` for a foreign GI product (the distributor's code is printed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foreign: Option<bool>,
}

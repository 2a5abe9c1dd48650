//! Facts behind the label: what is true of the product but not printed on it — laboratory
//! results, recipe and production facts, the artwork's geometry, when the unit was placed on
//! the market.
//!
//! Quality and compliance teams hold these (lab reports, recipes, artwork specs) and many
//! duties are about the relation between them and the print: a declared protein value within
//! the tolerance of the measured one, water added and evaporated, the height of the Chinese
//! characters against a foreign script. They live in their own section, `facts`, apart from
//! the printed fields, so a report can always say "printed X, measured Y" and never confuses
//! the two. A label without `facts` behaves exactly as before.

use super::Dec;
use crate::date::Date;
use serde::{Deserialize, Serialize};

/// The `facts` section of a label document.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// Measured values from a laboratory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lab: Option<Lab>,
    /// Recipe and production facts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipe: Option<Recipe>,
    /// Geometry of the artwork: character heights by field and script, panels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artwork: Option<Artwork>,
    /// Placing on the market.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market: Option<MarketFacts>,
}

/// A laboratory report.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lab {
    /// The report's number, carried into findings' context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_id: Option<String>,
    /// The laboratory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub laboratory: Option<String>,
    /// Measured energy and nutrients, each compared with the nutrition panel's row of the same
    /// nutrient. Values are on the panel's basis (per 100 g / 100 mL / serving) unless
    /// `basis` says otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nutrients: Vec<Measured>,
    /// Measured energy-label test values, named as in `energy_label.figures`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub energy: Vec<Measured>,
    /// Measured actual alcoholic strength, % vol at 20 °C (compared with the printed strength).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alcohol_percent_vol: Option<Dec>,
}

/// One measured value.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Measured {
    /// Canonical id (`protein`, `sodium`…); resolved from `name` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nutrient: Option<String>,
    /// The name as the report gives it (`蛋白质`, `Protein`, `apf`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub value: Dec,
    /// Unit of the value; must be the unit of the row it is compared with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// `per_100g`, `per_100ml` or `per_serving`; absent = the panel's basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// The test method (`GB 5009.5-2016`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Expanded measurement uncertainty, in the value's unit (informative: the standards'
    /// tolerances are applied to the value itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<Dec>,
    /// The nutrient was added to the food (fortification) rather than naturally present:
    /// US 21 CFR 101.9(g)(3)(i) Class I nutrients must meet 100 % of the declared value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added: Option<bool>,
}

/// Where one ingredient comes from.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IngredientOrigin {
    /// The ingredient's name as listed.
    pub ingredient: String,
    /// Country (ISO 3166-1 code or name) or area it comes from.
    pub country: String,
}

/// Recipe and production facts.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Recipe {
    /// Water added at mixing, % of the finished product's mass.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added_water_percent: Option<Dec>,
    /// Whether all the added water is lost again in processing (evaporated, dried off):
    /// GB 7718 lets such water go unlisted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added_water_evaporated: Option<bool>,
    /// Share of reconstituted milk (复原乳) in the milk used, %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reconstituted_milk_percent: Option<Dec>,
    /// Country where the product was filled or repacked, when not the country of origin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repacked_in: Option<String>,
    /// Where ingredients come from (supplier records), for the primary-ingredient origin
    /// rule (EU 1169/2011 Art 26(3), Reg. (EU) 2018/775): `[{ingredient, country}]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ingredient_origins: Vec<IngredientOrigin>,
    /// The food was frozen before sale and is sold defrosted (EU 1169/2011 Annex VI Part A
    /// point 2: the name says 'defrosted').
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sold_defrosted: Option<bool>,
    /// Why point 2 does not apply to a food sold defrosted: `technological_step` (freezing is
    /// a technologically necessary step of production) or `no_negative_impact` (defrosting
    /// has no negative impact on safety or quality).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defrosting_exemption: Option<String>,
    /// The meat or fishery product has the appearance of a cut, joint, slice, portion,
    /// carcase, fillet or whole fish (Annex VI Part A point 6: added water over 5 % in the name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub looks_like_whole_piece: Option<bool>,
    /// Ingredients present in the form of engineered nanomaterials, by their listed names (EU
    /// 1169/2011 Art 18(3): each is followed by '(nano)' in the list of ingredients).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nano_ingredients: Vec<String>,
    /// Animal origins of proteins added as such (hydrolysed proteins included) to a meat or
    /// fishery product, where they differ from the meat's or fish's own: `pork`, `milk`
    /// (EU 1169/2011 Annex VI Part A point 5: the name shows the proteins and their origin).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added_protein_origins: Vec<String>,
    /// The kind of alcoholic beverage, for the EU alcoholic-strength tolerances (1169/2011
    /// Annex XII): `beer`, `still_fermented_grape` (CN 2206 from grapes), `sparkling_fermented_grape`,
    /// `cider`, `perry`, `fruit_wine`, `mead`, `macerated` (with macerated fruit or plant parts),
    /// `wine` (grape wine: wine legislation, not judged here) or `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beverage_kind: Option<String>,
    /// The product is made of pieces of meat or fish combined together, though it may look
    /// like one piece (Annex VI Part A point 7: 'formed meat' / 'formed fish').
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formed_from_pieces: Option<bool>,
    /// The meat is minced meat or trimmings (EU 1337/2013 Art 2(2)(a), Art 7: area-level
    /// origin indications such as 'Origin: EU' are allowed only for these).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minced: Option<bool>,
    /// The actual net quantity of the food, in grams (solids) or millilitres (liquids), whether
    /// or not it is printed: EU 1169/2011 Annex IX point 1(b) makes the net quantity optional for
    /// foods of less than 5 g or 5 ml (spices and herbs excepted), which then need not print it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_quantity: Option<Dec>,
}

/// Character heights and panels of the artwork.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Artwork {
    /// Measured heights of printed characters, per field, by script.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub char_heights: Vec<CharHeight>,
    /// The second label form (a hang-tag beside a sewn-in label): its fibre content as
    /// printed, compared with the first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hang_tag: Option<HangTag>,
}

/// The heights of one printed field's characters, by script. GB 7718-2011 3.8 compares
/// pinyin and foreign text with the Chinese characters they render; minority scripts are
/// kept apart because 3.8.1 sets them no limit.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CharHeight {
    /// The field: a JSON pointer into the label (`/product_name`), or a name for printed
    /// text the document does not hold (`brand`, `slogan`).
    pub field: String,
    /// Tallest Chinese character (汉字), mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub han_mm: Option<Dec>,
    /// Tallest pinyin letter, mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinyin_mm: Option<Dec>,
    /// Tallest character of a minority script (Mongolian, Tibetan, Uyghur…), mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minority_mm: Option<Dec>,
    /// Tallest character of a foreign script (Latin, Cyrillic, Hangul, kana…), mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foreign_mm: Option<Dec>,
    /// The field is a registered trademark (exempt from the size comparison).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trademark: Option<bool>,
}

/// A hang-tag's content.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HangTag {
    /// The fibre content as printed on the hang-tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fibre_content_text: Option<String>,
    /// Filled in by normalisation: the hang-tag's fibre content read by the fibre parser,
    /// as a comparison key (parts, then fibres with their shares, each sorted) — the same
    /// content in another order or layout gives the same key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_key: Option<String>,
    /// Filled in by normalisation: the same key for the label's own `fibre_content`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_content_key: Option<String>,
}

/// Placing on the market.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MarketFacts {
    /// The day this unit was placed on the market (EU energy labels: which scale applies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placed_on_market: Option<Date>,
    /// `retail`, `online`, `catering`, `wholesale`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales_channel: Option<String>,
}

/// A comparison key for fibre content: each component as `part:` and its fibres
/// (`name=percent`, `name=trace`, the name read as its normative form — 涤纶 as 聚酯纤维, 羊毛
/// as 绵羊毛, by `fibre_name`: code list fibres-cn), fibres sorted, components sorted. Two
/// labels whose keys are equal declare the same content, whatever the order, layout and
/// accepted fibre names they print it in.
pub(crate) fn fibre_content_key(
    components: &[super::fibre::FibreComponent],
    fibre_name: &dyn Fn(&str) -> Option<String>,
) -> String {
    let mut parts: Vec<String> = components
        .iter()
        .map(|c| {
            let mut fibres: Vec<String> = c
                .fibres
                .iter()
                .map(|f| {
                    let share = match (f.percent, f.trace) {
                        (Some(p), _) => p.0.normalize().to_string(),
                        (None, Some(true)) => "trace".to_string(),
                        (None, _) => "?".to_string(),
                    };
                    let name = f.name.trim();
                    let name = fibre_name(name).unwrap_or_else(|| name.to_string());
                    format!("{name}={share}")
                })
                .collect();
            crate::order::sort(&mut fibres);
            format!(
                "{}:{}",
                c.part.as_deref().unwrap_or("").trim(),
                fibres.join(",")
            )
        })
        .collect();
    crate::order::sort(&mut parts);
    parts.join(";")
}

impl Facts {
    /// Resolves measured nutrients' ids from their names, as the panel's rows are; reads a
    /// hang-tag's fibre content with the fibre parser and keys it against the label's own
    /// (already normalised) `fibre_content`.
    pub(crate) fn normalise(
        &mut self,
        nutrient_id: &dyn Fn(&str) -> Option<String>,
        fibre_name: &dyn Fn(&str) -> Option<String>,
        fibre_content: Option<&super::fibre::FibreContent>,
    ) {
        if let Some(tag) = self.artwork.as_mut().and_then(|a| a.hang_tag.as_mut()) {
            if let Some(text) = tag.fibre_content_text.as_deref() {
                let mut parsed = super::fibre::FibreContent {
                    text: Some(text.to_string()),
                    ..Default::default()
                };
                parsed.normalise();
                tag.content_key = Some(fibre_content_key(&parsed.components, fibre_name));
            }
            tag.label_content_key =
                fibre_content.map(|f| fibre_content_key(&f.components, fibre_name));
        }
        if let Some(lab) = self.lab.as_mut() {
            for m in &mut lab.nutrients {
                if m.nutrient.is_none() {
                    m.nutrient = m.name.as_deref().and_then(|n| nutrient_id(n.trim()));
                }
                if let Some(u) = m.unit.as_mut() {
                    *u = u.trim().to_string();
                }
            }
        }
    }

    /// Free texts the section parses (a hang-tag's fibre content) are bounded like the
    /// printed ingredient text.
    pub(crate) fn check_texts(&self, max_chars: usize) -> Result<(), crate::error::LabelError> {
        let tag_text = self
            .artwork
            .as_ref()
            .and_then(|a| a.hang_tag.as_ref())
            .and_then(|t| t.fibre_content_text.as_deref());
        if let Some(text) = tag_text {
            let n = text.chars().count();
            if n > max_chars {
                return Err(crate::error::LabelError::Invalid {
                    path: "/facts/artwork/hang_tag/fibre_content_text".into(),
                    line: 0,
                    column: 0,
                    message: format!("text is {n} characters, over the limit of {max_chars}"),
                });
            }
        }
        Ok(())
    }

    /// The lists of the section, with their JSON pointers, for the list-length limit.
    pub(crate) fn lists(&self) -> Vec<(&'static str, usize)> {
        let mut out = Vec::new();
        if let Some(lab) = &self.lab {
            out.push(("/facts/lab/nutrients", lab.nutrients.len()));
            out.push(("/facts/lab/energy", lab.energy.len()));
        }
        if let Some(a) = &self.artwork {
            out.push(("/facts/artwork/char_heights", a.char_heights.len()));
        }
        if let Some(r) = &self.recipe {
            out.push((
                "/facts/recipe/ingredient_origins",
                r.ingredient_origins.len(),
            ));
            out.push(("/facts/recipe/nano_ingredients", r.nano_ingredients.len()));
            out.push((
                "/facts/recipe/added_protein_origins",
                r.added_protein_origins.len(),
            ));
        }
        out
    }
}

//! The label document: what is printed on a product's package, as JSON.
//!
//! One envelope for every product family: `market`, `category`, an optional check date,
//! then optional sections. Sections are typed so a typo in a field name is an error with a
//! JSON pointer, not a silently ignored field. Free-text fields (the printed ingredient
//! list) are parsed into structure with character spans, so findings can point at the
//! characters that are wrong.
//!
//! Sections for the families that follow the food packs (fibre content, population,
//! energy label, eco labels) are accepted as open JSON objects until their issues type them.

pub mod allergen_statement;
pub mod eco;
pub mod energy;
pub mod facts;
pub mod fibre;
mod fibre_text;
pub mod gi;
pub mod gs1;
mod ingredients_text;
mod json_pointer;
mod number;
pub(crate) mod parse;
pub mod population;
mod strict;
pub mod text;
pub mod textile;

pub use fibre_text::{parse_fibre_text, render_fibre_components, ParsedFibres};
pub use ingredients_text::{parse_ingredients_text, ParsedIngredients, ThresholdStatement};
pub use number::{Dec, MAX_LABEL_NUMBER};
pub use parse::{parse_label, Limits};

/// The JSON Schema of the label document (draft 2020-12), as published in
/// `standards/schema/label.schema.json`.
#[cfg(feature = "schema")]
pub fn json_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Label).to_value();
    if let Some(o) = schema.as_object_mut() {
        o.insert(
            "$id".into(),
            "https://labelcheck.invalid/schema/label.schema.json".into(),
        );
        o.insert("title".into(), "labelcheck label document".into());
    }
    schema
}

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// A label document. See `standards/schema/label.schema.json` for the published schema.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// Version of this document format. Optional; "1" today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_version: Option<String>,
    /// Free identifier carried into the report (SKU, GTIN, row number…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Jurisdiction whose standards apply: `CN`, `EU`, `US`.
    pub market: String,
    /// Category id from `standards/categories.toml`, e.g. `food.dairy.sterilized_milk`.
    pub category: String,
    /// The date to judge the label on. The caller's `as_of` option wins over it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_date: Option<Date>,
    /// `false` for food not sold directly to consumers (GB 7718 clause 4.2 / 2025 clause 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sold_to_consumers: Option<bool>,
    /// `true` for imported products.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported: Option<bool>,
    /// The countries (ISO 3166-1 alpha-2: `DE`, `FR`) where this label is marketed, within
    /// its market — an EU label's Member States (Reg. (EU) No 1169/2011 Art 15).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sold_in: Vec<String>,
    /// The languages (ISO 639-1: `de`, `fr`) the mandatory particulars are printed in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// The food is sold frozen (EU 1169/2011 Annex III point 6: frozen meat and unprocessed
    /// fishery products show the date of freezing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frozen: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<ProductName>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingredients: Option<Ingredients>,
    /// Quantitative ingredient declarations (QUID) printed on the label.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantitative_declarations: Vec<QuantitativeDeclaration>,
    /// Ingredients the label emphasises (in the name, in text, in pictures).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emphasised_ingredients: Vec<Emphasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nutrition: Option<Nutrition>,
    /// Claims printed anywhere on the label (content, comparative, function, "no added").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Claim>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub net_content: Option<NetContent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub producer: Option<Party>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distributor: Option<Party>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importer: Option<Party>,
    /// The brand owner who commissioned contract manufacturing (委托方).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commissioner: Option<Party>,
    /// The group company (集团公司) of a producer that is a branch or production base with no
    /// legal personality of its own: GB 7718-2011 4.1.6.1.2 lets the label name both, or the
    /// group alone with the place of production (产地).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_company: Option<Party>,
    /// The foreign manufacturer of an imported food.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overseas_producer: Option<Party>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<Dates>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<String>,
    /// Food production licence number (食品生产许可证编号, "SC…").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence_number: Option<String>,
    /// Product standard code (产品标准代号), e.g. "GB 25190".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality_grade: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alcohol_percent_vol: Option<Dec>,
    /// The food as a whole was treated with ionising radiation (GB 7718 4.1.11.1, EU
    /// 1169/2011 Annex VI Part A point 3). An irradiated ingredient is not this: it is named
    /// in the list of ingredients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub irradiated: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<Package>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allergens: Option<Allergens>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digital_label: Option<DigitalLabel>,
    /// Other printed statements and warnings, verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<String>,
    /// Textile fibre content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fibre_content: Option<fibre::FibreContent>,
    /// Textile and apparel items other than fibre content: size, care, safety category,
    /// intended wearer, durable label, cords.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub textile: Option<textile::Textile>,
    /// Special-population information (whom the product suits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<population::Population>,
    /// An appliance's energy label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy_label: Option<energy::EnergyLabel>,
    /// Certification marks (green food, organic, green product, Ecolabel…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eco_labels: Vec<eco::EcoLabel>,
    /// Environmental wording printed on the product.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub environmental_claims: Vec<eco::EnvironmentalClaim>,
    /// A geographical-indication mark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gi_mark: Option<gi::GiMark>,
    /// GS1 identifiers: the GTIN under the barcode, the Digital Link URI in the QR code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gs1: Option<gs1::Gs1>,
    /// What is true of the product but not printed: lab results, recipe, artwork geometry,
    /// placing on the market (see `label::facts`). Kept apart from the printed fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<facts::Facts>,
    /// Anything else a caller wants carried through; rules may read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProductName {
    /// The name that states the true nature of the food.
    pub text: String,
    /// A fanciful, brand or trademark name printed as well (GB 7718-2011 4.1.2.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invented_name: Option<String>,
    /// Whether the true-nature name is on the same display panel as the invented name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub true_name_same_panel: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_height_mm: Option<Dec>,
}

/// The ingredient list, structured, or as printed text, or both.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ingredients {
    /// The list as printed: `"配料：生牛乳、白砂糖、…"`. When `items` is absent it is parsed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The lead word (`配料`, `配料表`, `原料`…). Taken from `text` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_word: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Ingredient>,
    /// Shares at manufacture from the formulation (not printed): matched by name onto the
    /// items parsed from `text`, so the descending-order rule can judge printed text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipe: Vec<RecipeEntry>,
    /// A quantifying statement printed before the list's tail — `Contains 2% or less of:` /
    /// `Less than 2% of` (21 CFR 101.4(a)(2)). Read from `text` when absent; the items after
    /// it carry its share as `threshold_group`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold_statement: Option<ThresholdStatement>,
    /// Filled in by normalisation: every unreadable share of the parsed text, at any depth,
    /// in printed order (the items' `unparsed` lists, flattened), for rules to report.
    #[serde(default, skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub unparsed: Vec<fibre::UnparsedToken>,
    /// Set by normalisation when `items` were read from `text` rather than given: only such
    /// items are given the additive forms their printed names show
    /// (`Label::name_additive_forms`); a caller's items keep the forms the caller gave.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub(crate) items_from_text: bool,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecipeEntry {
    pub name: String,
    pub percent: Dec,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ingredient {
    pub name: String,
    /// Share of the food at manufacture, in percent (the basis of the descending order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Dec>,
    /// How the printed share bounds the amount: `min` (`≥5%`, `不低于5%`, `5%以上`) or `max`
    /// (`≤8%`, `不超过8%`); absent when the share is the amount itself. Set by the text
    /// parser, or given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent_bound: Option<String>,
    /// A compound ingredient (two or more ingredients of its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compound: Option<bool>,
    /// Whether the compound ingredient has a national, industry or local standard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_standard: Option<bool>,
    /// A food additive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additive: Option<bool>,
    /// A compound food additive (GB 7718-2025 4.3.4.1 requires it to be expanded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compound_additive: Option<bool>,
    /// How an additive is named: `specific_name`, `class_plus_name`, `class_plus_ins`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additive_form: Option<String>,
    /// The function class printed with an additive (e.g. 稳定剂).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function_class: Option<String>,
    /// INS number printed for an additive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ins: Option<String>,
    /// Whether the ingredient is highlighted as an allergen (bold, underline…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allergen_marked: Option<bool>,
    /// Filled in by normalisation for a list read from printed text that names an allergen
    /// in capitals: whether this name, or one of its sub-ingredients, holds a run of
    /// capitals (`mark_capitals_emphasis` in label/parse.rs).
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub in_capitals: Option<bool>,
    /// Added water, or an ingredient that evaporates in processing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volatile: Option<bool>,
    /// The origin printed with the ingredient (`milk (from Germany)`, `EU and non-EU`): a
    /// country, region or the 2018/775 area forms, or the statement that it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// The share (percent) of the quantifying statement this ingredient is listed under
    /// (`Contains 2% or less of: salt, …` → 2 for salt); set by the text parser, or given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold_group: Option<Dec>,
    /// Sub-ingredients of a compound ingredient, in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ingredients: Vec<Ingredient>,
    /// Where the ingredient stands in `ingredients.text`, set by the text parser.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<crate::report::Span>,
    /// Filled in by the parser: printed shares that cannot be a share (`300%`, `-80%`, `%`
    /// alone, `5..0%`), each with `reason` and `span` — reported, never dropped or read as a
    /// sub-ingredient. Set by the parser only (not read from input).
    #[serde(default, skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub unparsed: Vec<fibre::UnparsedToken>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuantitativeDeclaration {
    pub ingredient: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Dec>,
    /// `%`, `g/100g`, `g`…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// `min` (≥), `max` (≤), `exact`, `added` (amount added).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Emphasis {
    pub ingredient: String,
    /// `name` (in the food name), `text`, `picture`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<String>,
    /// `present` (added, rich in), `low`, `absent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Nutrition {
    /// `per_100g`, `per_100ml` or `per_serving`.
    pub basis: String,
    /// Serving size in g or mL when the basis is per serving.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serving_size: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serving_unit: Option<String>,
    /// Servings per container, as printed (`about 8` → 8); US 21 CFR 101.9(b)(8), Codex CXG 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servings_per_container: Option<Dec>,
    /// `table` (the boxed 营养成分表) or `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default)]
    pub rows: Vec<NutrientRow>,
    /// Statements printed with the table (GB 28050-2025 4.5's children's statement).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<String>,
    /// Filled in by normalisation: `solid` or `liquid`, from the basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The declaration repeated on the front of the pack (EU 1169/2011 Art 30(3): energy
    /// alone, or energy with fat, saturates, sugars and salt), as printed there. Claims such
    /// as '20 g protein' are `claims`, not a repeat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub front_of_pack: Option<FrontOfPack>,
}

/// The nutrition declaration repeated in the principal field of vision (EU 1169/2011
/// Art 30(3), Art 33(2), Art 34(3)). Rows keep the panel's row shape, so the same nutrient
/// ids and units apply; values per 100 g / 100 ml and values per portion are kept apart
/// because Art 33(2) says which may stand alone.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FrontOfPack {
    /// Values per 100 g or per 100 ml (the panel's per-100 basis).
    #[serde(default)]
    pub rows: Vec<NutrientRow>,
    /// Values per portion or consumption unit (the portion is `nutrition.serving_size`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub portion_rows: Vec<NutrientRow>,
    /// The repeat is in the principal field of vision (Art 34(3)(a)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_field: Option<bool>,
    /// Smallest x-height of the repeat's characters, mm (Art 34(3)(b) → Art 13(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_height_mm: Option<Dec>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NutrientRow {
    /// Canonical nutrient id (`energy`, `protein`, `calcium`…). Resolved from `name` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nutrient: Option<String>,
    /// The name as printed (`蛋白质`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub value: Dec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The value is printed as an upper bound: `less than 1 g`, `<5mg` (`value` holds the
    /// bound). US 21 CFR 101.9(c) prescribes such wording for small amounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub less_than: Option<bool>,
    /// The declared reference-value percentage: NRV % (CN), % RI (EU), % Daily Value (US);
    /// absent when the label has no such column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nrv_percent: Option<Dec>,
    /// The percentage is printed as an upper bound and `nrv_percent` holds the bound: US
    /// vitamins and minerals under 2 % of the RDI shown as `<2%`, `less than 2%` or by an
    /// asterisk referring to 'Contains less than 2 percent of the Daily Value of this
    /// nutrient' (21 CFR 101.9(c)(8)(iii)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nrv_percent_less_than: Option<bool>,
    /// Filled in by normalisation: the value per 100 g or 100 mL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_100: Option<Dec>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The wording as printed: `高钙`, `低脂`, `不添加蔗糖`.
    pub text: String,
    /// `content`, `comparative`, `function`, `health` (a health claim: 21 CFR 101.14),
    /// `no_added`, `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The nutrient the claim is about, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nutrient: Option<String>,
    /// `free`, `very_low`, `low`, `source`, `high`, `reduced`, `increased`…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// For comparative claims: the declared change against the reference food, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_percent: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_food: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_height_mm: Option<Dec>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NetContent {
    /// As printed: `净含量：250mL`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Dec>,
    /// `mL`, `L`, `g`, `kg` (other spellings are normalised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_height_mm: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_panel_as_name: Option<bool>,
    /// Whether the statement stands within the bottom 30 % of the principal display panel,
    /// in lines parallel to its base (US 21 CFR 101.105(f)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_bottom_30_percent: Option<bool>,
    /// Drained (solid) weight for solid-in-liquid foods, as printed (`沥干物：不低于255克`,
    /// `Drained weight: 240 g`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drained_weight: Option<String>,
    /// The food is a solid presented in a liquid medium (syrup, brine, juice, vinegar…) and the
    /// solid is its main ingredient: GB 7718-2011 4.1.5.6 and EU 1169/2011 Annex IX point 5
    /// then ask for the drained weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solid_in_liquid: Option<bool>,
    /// Specification of a multipack: `200克（5×40克）`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specification: Option<String>,
    /// Filled in by normalisation: `volume` or `mass`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// Filled in by normalisation: the quantity in mL or g.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_quantity: Option<Dec>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Party {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// For producers: `legal_entity`, `branch` (not an independent legal person),
    /// `contract_manufacturer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Registration number (e.g. overseas producer's China registration number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_number: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// 产地 as printed: `内蒙古自治区呼和浩特市`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Code of the place, when known: a six-digit GB/T 2260 code (`152525`) or an
    /// ISO 3166-2 subdivision code (`CN-NM`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
    /// Country or region of origin of an import (原产国), name or ISO 3166 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Country of filling or repacking, when different from the origin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub packing_country: Option<String>,
    /// Where the animal was reared, as printed after 'Reared in:' — a country, or an area
    /// such as 'several Member States of the EU' or 'non-EU' (EU 1337/2013 Art 5–7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reared_in: Option<String>,
    /// Where the animal was slaughtered, as printed after 'Slaughtered in:' (EU 1337/2013
    /// Art 5(1)(b), Art 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slaughtered_in: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dates {
    /// Production date as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub production: Option<String>,
    /// Expiry date (保质期到期日 / 保质期至) as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry: Option<String>,
    /// Shelf life as printed: `6个月`, `180天`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shelf_life: Option<String>,
    /// The date of freezing as printed, with its words (`Frozen on: 12.10.2026`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frozen_on: Option<String>,
    /// A statement of a non-Y-M-D order, e.g. `（月/日/年）`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_statement: Option<String>,
    /// Dates added by sticker, overprinted or altered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub altered: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_number: Option<String>,
    /// Filled in by normalisation: shelf life in months when printed in months or years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shelf_life_months: Option<Dec>,
    /// Filled in by normalisation: shelf life in days when printed in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shelf_life_days: Option<Dec>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Package {
    /// A glass bottle intended for reuse, indelibly marked and so bearing no label, ring or
    /// collar (EU 1169/2011 Art 16(1): only name, allergens, net quantity, date and nutrition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reusable_glass_marked: Option<bool>,
    /// Largest surface area in cm², when measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub largest_surface_cm2: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_surface_cm2: Option<Dec>,
    /// Area of the principal display panel in cm² (the part of the label most likely to be
    /// shown to the buyer; US 21 CFR 101.1 and 101.105(i) size the net-quantity type by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_display_panel_cm2: Option<Dec>,
    /// `cuboid`, `cylinder`, `other` — with the dimensions below, packs compute the area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height_cm: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width_cm: Option<Dec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub circumference_cm: Option<Dec>,
    /// Smallest character height used for mandatory items, in mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_char_height_mm: Option<Dec>,
    /// Smallest x-height (height of a lower-case x, baseline to mean line) used for mandatory
    /// items, in mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x_height_mm: Option<Dec>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Allergens {
    /// The statement as printed: `含有：乳、大豆`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// Allergen groups declared (`milk`, `soybeans`…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contains: Vec<String>,
    /// Cross-contact statement groups (`可能含有…`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub may_contain: Vec<String>,
    /// Filled in by normalisation: the words of `statement` after its "contains" lead words
    /// (`含有小麦、蛋` → 小麦, 蛋), each with its kind and span, so rules can report a word that
    /// names no allergen group. Set by normalisation only (not read from input).
    #[serde(default, skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub statement_words: Vec<allergen_statement::StatementWord>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DigitalLabel {
    pub present: bool,
    /// Marked "数字标签" (or similar) next to the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marked: Option<bool>,
}

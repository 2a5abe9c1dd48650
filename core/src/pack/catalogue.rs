//! The category catalogue (`standards/categories.toml`): which product categories exist,
//! their names, and the tags rules test with `has_tag(…)`.
//!
//! Ids are dotted paths (`food.dairy.sterilized_milk`); a category inherits the tags of
//! its ancestors, and a pack listing `food.dairy` applies to every category under it.

use crate::error::PackError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    #[serde(default)]
    markets: Vec<Market>,
    #[serde(default)]
    category: Vec<CategorySpec>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Market {
    pub id: String,
    pub zh: String,
    pub en: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CategorySpec {
    pub id: String,
    pub zh: String,
    pub en: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Loaded catalogue with inherited tags resolved.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub markets: Vec<Market>,
    pub categories: BTreeMap<String, CategorySpec>,
    /// Each category's position in id order (numbering per-category data an engine
    /// keeps) and its tags with its ancestors'.
    tags: BTreeMap<String, (usize, Vec<String>)>,
}

impl Catalogue {
    /// Parses one catalogue file.
    pub fn parse(file: &str, text: &str) -> Result<Catalogue, PackError> {
        Catalogue::parse_all(&[(file, text)])
    }

    /// Parses `categories.toml` and any `categories/*.toml` extensions into one catalogue:
    /// a new product category is a new file, not an edit of the shared one.
    pub fn parse_all(files: &[(&str, &str)]) -> Result<Catalogue, PackError> {
        let mut categories = BTreeMap::new();
        let mut markets: Vec<Market> = Vec::new();
        let mut file = "categories.toml";
        for (name, text) in files {
            file = name;
            let f: CatalogueFile = super::source::parse_file(name, text)?;
            for m in f.markets {
                if !markets.iter().any(|x| x.id == m.id) {
                    markets.push(m);
                }
            }
            for c in f.category {
                if categories.contains_key(&c.id) {
                    return Err(PackError::new(
                        *name,
                        format!("duplicate category `{}`", c.id),
                    ));
                }
                categories.insert(c.id.clone(), c);
            }
        }
        let mut tags = BTreeMap::new();
        for (index, id) in categories.keys().enumerate() {
            let mut all: Vec<String> = Vec::new();
            let mut prefix = String::new();
            for part in id.split('.') {
                if !prefix.is_empty() {
                    prefix.push('.');
                }
                prefix.push_str(part);
                let Some(c) = categories.get(&prefix) else {
                    return Err(PackError::new(
                        file,
                        format!("category `{id}` has no parent `{prefix}` in the catalogue"),
                    ));
                };
                for t in &c.tags {
                    if !all.contains(t) {
                        all.push(t.clone());
                    }
                }
            }
            tags.insert(id.clone(), (index, all));
        }
        Ok(Catalogue {
            markets,
            categories,
            tags,
        })
    }

    pub fn tags_of(&self, category: &str) -> Option<&[String]> {
        self.tags.get(category).map(|(_, t)| t.as_slice())
    }

    /// The category's position among the catalogue's categories (in id order) and its
    /// tags: the position numbers per-category data an engine keeps.
    pub fn category_entry(&self, category: &str) -> Option<(usize, &[String])> {
        self.tags.get(category).map(|(i, t)| (*i, t.as_slice()))
    }

    pub fn has_market(&self, market: &str) -> bool {
        self.markets.iter().any(|m| m.id == market)
    }

    /// The market's position in the catalogue.
    pub fn market_index(&self, market: &str) -> Option<usize> {
        self.markets.iter().position(|m| m.id == market)
    }
}

/// Does `category` fall under `prefix` (equal, or a descendant)?
pub fn category_under(category: &str, prefix: &str) -> bool {
    category == prefix
        || (category.starts_with(prefix) && category.as_bytes().get(prefix.len()) == Some(&b'.'))
}

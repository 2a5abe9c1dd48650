//! The headings table (`standards/text/headings.toml`, embedded): which printed words start
//! which item of a label, and which label field the item fills.

use once_cell::sync::Lazy;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Path of the table in the standards tree.
pub const HEADINGS_PATH: &str = "text/headings.toml";

/// What an item fills. The names are those of `target` in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    ProductName,
    Ingredients,
    NetContent,
    DrainedWeight,
    Specification,
    TextileSize,
    FibreContent,
    SafetyCategory,
    Care,
    ProductionDate,
    ProductionAndExpiry,
    /// 生产日期/批号: the production date and the batch code after one heading.
    ProductionAndBatch,
    ShelfLife,
    Expiry,
    FrozenOn,
    BatchNumber,
    Storage,
    Producer,
    ContractManufacturer,
    Commissioner,
    GroupCompany,
    Distributor,
    Importer,
    OverseasProducer,
    Address,
    Contact,
    OriginPlace,
    OriginCountry,
    /// 灌装国 / 分装国: where an imported food was filled or packed (GB 7718-2025 8.4).
    PackingCountry,
    RearedIn,
    SlaughteredIn,
    RearedAndSlaughteredIn,
    LicenceNumber,
    StandardCode,
    Nutrition,
    Allergens,
    Statement,
    QualityGrade,
    Suitable,
    Unsuitable,
    RegistrationNumber,
    Alcohol,
    GreenFoodCode,
    OrganicCode,
    Usage,
    Preparation,
    HealthFunction,
    FunctionalComponents,
    ComplaintPhone,
    HealthWarning,
    IdentificationNumber,
    /// 产品类别: a formula's base and form (GB 10765-2021 4 (2): 乳基/豆基, 粉状/液态) or a
    /// special medical food's category (GB 29922).
    ProductCategory,
    /// 产品特点 of a special medical food (GB 29922).
    ProductFeatures,
    /// 适用的特殊医学状况 of a special medical food (GB 25596, GB 29922).
    MedicalCondition,
    /// A line saying where the preparation diagram is (`（冲调图示见罐身）`).
    PreparationDiagram,
    /// 境外生产企业在华注册编号 (GB 7718-2025 8.3).
    OverseasRegistration,
    /// 认证机构: the certification body of the mark printed before it.
    Certifier,
    /// A line with the EU organic control body's code (`DE-ÖKO-006`) and/or the origin
    /// statement under the EU organic logo (`EU-Landwirtschaft`), Reg. (EU) 2018/848 Art 32.
    EuOrganic,
    /// A line of claims (`低脂 高蛋白`, `Source of fibre`): table `claim`.
    Claim,
    /// A line saying an ingredient is absent (`不含防腐剂`, `无蔗糖`): an emphasised
    /// ingredient of kind `absent` (GB 7718-2011 4.1.4.2, GB 7718-2025 4.4.2).
    AbsentIngredient,
    /// A line giving an ingredient's content (`蔗糖含量：0g/100g`, `牛肉含量≥30%`): a
    /// quantitative declaration (GB 7718-2011 4.1.4, GB 7718-2025 4.4, A.5.1).
    ContentDeclaration,
    /// A statement of the nutrition declaration printed as a line of its own ('Contains
    /// negligible amounts of …', EU 1169/2011 Art 34(5)).
    NutritionStatement,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadingDef {
    target: Target,
    #[serde(default)]
    family: Option<String>,
    #[serde(default)]
    zh: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
    /// Headings in other spaced-script languages (de, fr, es, it, nl…): matched like `en`.
    #[serde(default)]
    other: Vec<String>,
    /// Markets whose labels this heading is read on (empty: every market). 'Origin' means
    /// the food's origin on an EU label, but sits beside 产地 on a bilingual Chinese one.
    #[serde(default)]
    markets: Vec<String>,
    /// Read only when a colon follows: one-word headings that also start ordinary phrases
    /// ('Origine : France' is a heading, 'Origine du lait : France' is not).
    #[serde(default)]
    colon: bool,
}

/// Words that start a line without being a heading: the line is the item, those words
/// included (a garment's care line `Machine wash cold`, `手洗，水温不超过30℃`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineStartDef {
    target: Target,
    #[serde(default)]
    family: Option<String>,
    #[serde(default)]
    zh: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

/// Claim words of some markets: a line made of them (or, in China, a product name that
/// begins with them) is read as claims.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimDef {
    markets: Vec<String>,
    /// Words that are a claim by themselves (`低脂`, `高钙`, `Low fat`).
    #[serde(default)]
    words: Vec<String>,
    /// Words that begin a claim and need what follows (`Source of`, `Rich in`).
    #[serde(default)]
    leads: Vec<String>,
    /// Words that begin a 'no added' claim (`不添加`, `No added`): the claim's kind.
    #[serde(default)]
    no_added: Vec<String>,
    /// The words are in a spaced script: a claim line begins with one of them, and the
    /// whole line is the claim; else a line is split into claims at blanks and separators.
    #[serde(default)]
    spaced: bool,
}

/// A claim word of the table: normalised, its markets, whether it begins a 'no added'
/// claim, and whether it is in a spaced script.
#[derive(Clone, Debug)]
struct ClaimWord {
    key: String,
    markets: Vec<String>,
    no_added: bool,
    /// Begins a claim (a lead or a no-added word) rather than being one whole.
    opens: bool,
    spaced: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadingsFile {
    version: String,
    heading: Vec<HeadingDef>,
    #[serde(default)]
    line_start: Vec<LineStartDef>,
    #[serde(default)]
    allergen_words: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    claim: Vec<ClaimDef>,
    words: WordLists,
}

/// The word lists the reader recognises heading-less lines by (table `words`; each list's
/// meaning and source is in the table's comments). Every list must be present, so a list
/// dropped from the table is a load error, not a reading silently lost.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordLists {
    pub legal_forms: Vec<String>,
    pub cooperative_forms: Vec<String>,
    pub address_countries: Vec<String>,
    pub mainland_provinces: Vec<String>,
    pub organic_agriculture: Vec<String>,
    pub eu_member_codes: Vec<String>,
    pub organic_name_stems: Vec<String>,
    pub annex_iii_statements: Vec<String>,
    pub origin_wordings: Vec<String>,
    pub countries_after_the: Vec<String>,
    pub the_food: Vec<String>,
    pub making_up: Vec<String>,
    pub registration_leads: Vec<String>,
    pub best_before_suffixes: Vec<String>,
    pub serving_column_words: Vec<String>,
    pub absent_leads: Vec<String>,
    pub absent_not_negation: Vec<String>,
    pub ingredient_sub_lists: Vec<String>,
    pub best_before_leads: Vec<String>,
    pub best_before_ends: Vec<String>,
    pub date_place_words: Vec<String>,
    pub origin_party_by: Vec<String>,
    pub origin_party_for: Vec<String>,
    pub quality_grades: Vec<String>,
    pub canned_in_liquid: Vec<String>,
    pub absent_in_name: Vec<String>,
    pub names_not_claims: Vec<String>,
    pub food_name_endings: Vec<String>,
    pub food_name_end_chars: Vec<String>,
    pub food_name_endings_en: Vec<String>,
    pub us_disclosure_statements: Vec<String>,
    pub allergen_caps_stems: Vec<String>,
    pub food_name_starts: Vec<String>,
}

impl WordLists {
    /// Empty or blank entries never match as meant, and an entry of a list matched against
    /// lower-cased text must be written in lower case, or it would never match.
    fn check(&self) -> Result<(), String> {
        let lower = [
            ("legal_forms", &self.legal_forms),
            ("cooperative_forms", &self.cooperative_forms),
            ("address_countries", &self.address_countries),
            ("organic_agriculture", &self.organic_agriculture),
            ("organic_name_stems", &self.organic_name_stems),
            ("annex_iii_statements", &self.annex_iii_statements),
            ("origin_wordings", &self.origin_wordings),
            ("countries_after_the", &self.countries_after_the),
            ("serving_column_words", &self.serving_column_words),
            ("ingredient_sub_lists", &self.ingredient_sub_lists),
            ("origin_party_by", &self.origin_party_by),
            ("origin_party_for", &self.origin_party_for),
            ("food_name_endings_en", &self.food_name_endings_en),
            ("us_disclosure_statements", &self.us_disclosure_statements),
            ("allergen_caps_stems", &self.allergen_caps_stems),
            ("food_name_starts", &self.food_name_starts),
        ];
        let other = [
            ("mainland_provinces", &self.mainland_provinces),
            ("eu_member_codes", &self.eu_member_codes),
            ("the_food", &self.the_food),
            ("making_up", &self.making_up),
            ("registration_leads", &self.registration_leads),
            ("best_before_suffixes", &self.best_before_suffixes),
            ("absent_leads", &self.absent_leads),
            ("absent_not_negation", &self.absent_not_negation),
            ("canned_in_liquid", &self.canned_in_liquid),
            ("absent_in_name", &self.absent_in_name),
            ("names_not_claims", &self.names_not_claims),
            ("food_name_endings", &self.food_name_endings),
            ("food_name_end_chars", &self.food_name_end_chars),
            ("best_before_leads", &self.best_before_leads),
            ("best_before_ends", &self.best_before_ends),
            ("date_place_words", &self.date_place_words),
            ("quality_grades", &self.quality_grades),
        ];
        for (name, list) in lower.iter().chain(other.iter()) {
            if list.is_empty() {
                return Err(format!("word list `{name}` is empty"));
            }
            if let Some(w) = list
                .iter()
                .find(|w| w.trim().is_empty() || w.trim() != w.as_str())
            {
                return Err(format!(
                    "word list `{name}`: entry `{w}` is blank or padded"
                ));
            }
        }
        for (name, list) in lower {
            if let Some(w) = list.iter().find(|w| w.to_lowercase() != **w) {
                return Err(format!("word list `{name}`: entry `{w}` is not lower case"));
            }
        }
        if let Some(w) = self
            .eu_member_codes
            .iter()
            .find(|w| !w.chars().all(|c| c.is_ascii_uppercase()))
        {
            return Err(format!(
                "word list `eu_member_codes`: `{w}` is not an upper-case code"
            ));
        }
        Ok(())
    }
}

#[derive(Clone, Debug)]
struct Entry {
    target: Target,
    family: Option<String>,
    markets: Vec<String>,
    colon: bool,
    /// Written in a spaced script: needs a colon or a blank after it.
    spaced: bool,
}

/// The compiled table.
#[derive(Debug)]
pub struct Headings {
    pub version: String,
    /// Normalised heading → its entries (one per family).
    by_key: HashMap<String, Vec<Entry>>,
    /// Every prefix of every key, to stop a scan early.
    prefixes: HashSet<String>,
    /// Keys reversed, and their prefixes, for looking back from a colon.
    by_rev_key: HashMap<String, String>,
    rev_prefixes: HashSet<String>,
    /// Allergen words (normalised, longest first) → group id.
    pub allergen_words: Vec<(String, String)>,
    /// Line starts (normalised, longest first), their target, family and whether the words
    /// are in a spaced script (then a blank or punctuation must follow them).
    line_starts: Vec<(String, Target, Option<String>, bool)>,
    /// Claim words, longest first.
    claim_words: Vec<ClaimWord>,
    /// The word lists of heading-less lines.
    pub words: WordLists,
}

/// A claim word found in a line: where it ends, and whether it begins a 'no added' claim.
#[derive(Clone, Copy, Debug)]
pub struct ClaimWordMatch {
    pub end: usize,
    pub no_added: bool,
    /// The word begins a claim (`Source of`, `不添加`): what follows is part of it.
    pub opens: bool,
    pub spaced: bool,
}

/// Which headings apply to a label: those of its family (`food`, `textile`) and market.
#[derive(Clone, Copy, Debug)]
pub struct HeadingScope<'s> {
    pub family: &'s str,
    pub market: &'s str,
}

/// A heading found in a line.
#[derive(Clone, Debug)]
pub struct HeadingMatch {
    pub target: Target,
    /// First and past-last character of the heading word.
    pub start: usize,
    pub end: usize,
    /// Where the value starts (after the colon, if any).
    pub value_start: usize,
    /// A colon (or closing bracket) followed the heading.
    pub colon: bool,
}

/// Most characters a heading may span in the text (interior blanks included).
const MAX_SPAN: usize = 96;

/// Full-width ASCII folded to ASCII, ideographic space to a space.
pub fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

fn key_char(c: char) -> Option<char> {
    let c = fold(c);
    if super::lines::is_blank(c) {
        None
    } else {
        Some(c.to_ascii_lowercase())
    }
}

/// The normalised key of `start..end` (at most half a heading's span of key characters) and,
/// per key character, the text position just after it: what the line starts and claim words
/// are matched against.
fn key_from(chars: &[char], start: usize, end: usize) -> (String, Vec<usize>) {
    let mut key = String::new();
    let mut ends = Vec::new();
    for (j, &c) in chars.iter().enumerate().take(end).skip(start) {
        if key.chars().count() >= MAX_SPAN / 2 {
            break;
        }
        if let Some(k) = key_char(c) {
            key.push(k);
            ends.push(j + 1);
        }
    }
    (key, ends)
}

fn normalise(s: &str) -> String {
    s.chars().filter_map(key_char).collect()
}

fn is_colon(c: char) -> bool {
    // A vertical bar after a heading sets its value apart as a colon does (`生产日期｜见封口处`).
    matches!(c, '：' | ':' | '﹕' | '】' | ']' | '』' | '｜' | '|')
}

impl Headings {
    /// Compiles the table from its JSON form (what build.rs embeds) or its TOML text.
    pub fn from_json(json: &str) -> Result<Headings, String> {
        let file: HeadingsFile = serde_json::from_str(json).map_err(|e| e.to_string())?;
        Headings::from_file(file)
    }

    /// Compiles a table given as TOML (a standards overlay's `text/headings.toml`): errors
    /// carry the file and, where the TOML reader knows it, the line.
    pub(crate) fn from_toml(path: &str, text: &str) -> Result<Headings, crate::error::PackError> {
        let file: HeadingsFile = crate::pack::source::parse_toml(path, text)?;
        Headings::from_file(file).map_err(|e| crate::error::PackError::new(path, e))
    }

    fn from_file(file: HeadingsFile) -> Result<Headings, String> {
        file.words.check()?;
        let mut by_key: HashMap<String, Vec<Entry>> = HashMap::new();
        for h in file.heading {
            if let Some(f) = &h.family {
                if f != "food" && f != "textile" {
                    return Err(format!("unknown family `{f}`"));
                }
            }
            for (words, spaced) in [(&h.zh, false), (&h.en, true), (&h.other, true)] {
                for w in words {
                    let k = normalise(w);
                    if k.is_empty() || k.chars().count() > MAX_SPAN / 2 {
                        return Err(format!("heading `{w}` is empty or too long"));
                    }
                    let entries = by_key.entry(k).or_default();
                    if entries
                        .iter()
                        .any(|e| e.family == h.family && e.markets == h.markets)
                    {
                        return Err(format!("heading `{w}` listed twice for one family"));
                    }
                    entries.push(Entry {
                        target: h.target,
                        family: h.family.clone(),
                        markets: h.markets.clone(),
                        colon: h.colon,
                        spaced,
                    });
                }
            }
        }
        let mut prefixes = HashSet::new();
        let mut by_rev_key = HashMap::new();
        let mut rev_prefixes = HashSet::new();
        for k in by_key.keys() {
            let mut p = String::new();
            for c in k.chars() {
                p.push(c);
                prefixes.insert(p.clone());
            }
            let rev: String = k.chars().rev().collect();
            let mut p = String::new();
            for c in rev.chars() {
                p.push(c);
                rev_prefixes.insert(p.clone());
            }
            by_rev_key.insert(rev, k.clone());
        }
        let mut allergen_words: Vec<(String, String)> = file
            .allergen_words
            .into_iter()
            .flat_map(|(g, ws)| ws.into_iter().map(move |w| (normalise(&w), g.clone())))
            .collect();
        crate::order::sort_by(&mut allergen_words, |a, b| {
            b.0.chars().count().cmp(&a.0.chars().count()).then(a.cmp(b))
        });
        let mut line_starts = Vec::new();
        for d in file.line_start {
            if let Some(f) = &d.family {
                if f != "food" && f != "textile" {
                    return Err(format!("unknown family `{f}`"));
                }
            }
            for (words, spaced) in [(&d.zh, false), (&d.en, true)] {
                for w in words {
                    let k = normalise(w);
                    if k.is_empty() || k.chars().count() > MAX_SPAN / 2 {
                        return Err(format!("line start `{w}` is empty or too long"));
                    }
                    line_starts.push((k, d.target, d.family.clone(), spaced));
                }
            }
        }
        crate::order::sort_by(&mut line_starts, |a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(a.0.cmp(&b.0))
        });
        let mut claim_words = Vec::new();
        for d in file.claim {
            for (words, no_added, opens) in [
                (&d.words, false, false),
                (&d.leads, false, true),
                (&d.no_added, true, true),
            ] {
                for w in words {
                    let key = normalise(w);
                    if key.is_empty() || key.chars().count() > MAX_SPAN / 2 {
                        return Err(format!("claim word `{w}` is empty or too long"));
                    }
                    claim_words.push(ClaimWord {
                        key,
                        markets: d.markets.clone(),
                        no_added,
                        opens,
                        spaced: d.spaced,
                    });
                }
            }
        }
        crate::order::sort_by(&mut claim_words, |a, b| {
            b.key
                .chars()
                .count()
                .cmp(&a.key.chars().count())
                .then(a.key.cmp(&b.key))
        });
        Ok(Headings {
            version: file.version,
            line_starts,
            claim_words,
            by_key,
            prefixes,
            by_rev_key,
            rev_prefixes,
            allergen_words,
            words: file.words,
        })
    }

    fn entry(&self, key: &str, scope: HeadingScope<'_>) -> Option<&Entry> {
        let entries = self.by_key.get(key)?;
        let here = |e: &&Entry| e.markets.is_empty() || e.markets.iter().any(|m| m == scope.market);
        entries
            .iter()
            .filter(here)
            .find(|e| e.family.as_deref() == Some(scope.family))
            .or_else(|| entries.iter().filter(here).find(|e| e.family.is_none()))
    }

    /// The heading that starts `start..end` (after decorations such as `【`, `■`, `*`), the
    /// longest that fits.
    /// Where a line's text starts after the Member State codes that mark its language
    /// (`SE: Näringsvärde / DK: …`, `FI: Ainesosat: …`; Art 15(2) lets a label repeat its
    /// particulars in several languages): such a code is no heading and no value.
    pub fn after_language_code(&self, chars: &[char], start: usize, end: usize) -> usize {
        let mut p = start;
        while p < end && super::lines::is_blank(chars[p]) {
            p += 1;
        }
        while end - p > 3
            && chars[p].is_ascii_uppercase()
            && chars[p + 1].is_ascii_uppercase()
            && ((matches!(chars[p + 2], ':' | '：')
                && self
                    .words
                    .eu_member_codes
                    .iter()
                    .any(|c| c.chars().eq(chars[p..p + 2].iter().copied())))
                // `EN 70% polyamide, …`: a language's code before a share, no colon.
                || (chars[p + 2] == ' '
                    && chars.get(p + 3).is_some_and(|c| c.is_ascii_digit())
                    && chars[p + 3..end].contains(&'%')))
        {
            p += 3;
            while p < end && super::lines::is_blank(chars[p]) {
                p += 1;
            }
        }
        p
    }

    pub fn at_start(
        &self,
        chars: &[char],
        start: usize,
        end: usize,
        scope: HeadingScope<'_>,
    ) -> Option<HeadingMatch> {
        let mut p = self.after_language_code(chars, start, end);
        while p < end && (super::lines::is_blank(chars[p]) || "【[■●·•*#>-『".contains(chars[p]))
        {
            p += 1;
        }
        let mut key = String::new();
        let mut best: Option<HeadingMatch> = None;
        let mut j = p;
        while j < end && j < p + MAX_SPAN {
            let Some(c) = key_char(chars[j]) else {
                j += 1;
                continue;
            };
            key.push(c);
            if !self.prefixes.contains(&key) {
                break;
            }
            if let Some(e) = self.entry(&key, scope) {
                if let Some(m) = self.finish(chars, p, j + 1, end, e) {
                    best = Some(m);
                }
            }
            j += 1;
        }
        best
    }

    /// The target of the longest heading word `start..end` begins with, whatever follows it
    /// (`产地` in `产地及原料来源`): a line that starts like a heading without being one.
    pub fn word_at_start(
        &self,
        chars: &[char],
        start: usize,
        end: usize,
        scope: HeadingScope<'_>,
    ) -> Option<Target> {
        let mut key = String::new();
        let mut best = None;
        for &c in chars.iter().take(end.min(start + MAX_SPAN)).skip(start) {
            let Some(k) = key_char(c) else {
                continue;
            };
            key.push(k);
            if !self.prefixes.contains(&key) {
                break;
            }
            if let Some(e) = self.entry(&key, scope) {
                best = Some(e.target);
            }
        }
        best
    }

    /// Checks what follows a heading `hs..he` and says where its value starts.
    fn finish(
        &self,
        chars: &[char],
        hs: usize,
        he: usize,
        end: usize,
        e: &Entry,
    ) -> Option<HeadingMatch> {
        let mut k = he;
        while k < end && super::lines::is_blank(chars[k]) {
            k += 1;
        }
        // `面料/Shell：`, `配料/Ingredients:`, `纤维成分 / Composition:`, `Composition /
        // 纤维成分：`: the heading's translation after a slash, then the colon, belongs to
        // the heading.
        if k < end && matches!(chars[k], '/' | '／') {
            let mut m = k + 1;
            let mut letters = 0;
            while m < end
                && m < k + MAX_SPAN
                && (chars[m].is_alphabetic() || matches!(chars[m], ' ' | '.' | '\'' | '-'))
            {
                letters += usize::from(chars[m].is_alphabetic());
                m += 1;
            }
            if m < end && letters > 0 && is_colon(chars[m]) {
                k = m;
            }
        } else if !e.spaced && k > he && k < end && chars[k].is_ascii_alphabetic() {
            // `配料 Ingredients：`, `净含量 Net Wt：`: the translation after a blank, then the
            // colon, belongs to the Chinese heading too.
            let mut m = k;
            while m < end
                && m < k + MAX_SPAN
                && (chars[m].is_ascii_alphabetic() || matches!(chars[m], ' ' | '.' | '\'' | '-'))
            {
                m += 1;
            }
            if m < end && is_colon(chars[m]) {
                k = m;
            }
        }
        let colon = k < end && is_colon(chars[k]);
        if e.colon && !colon {
            return None;
        }
        // `原料品种：稻花香2号`: a Chinese heading that is only the start of a longer label word
        // before a colon (原料 in 原料品种) is not that heading.
        if !e.spaced && !colon {
            let mut m = he;
            while m < end && m < he + 6 && ('\u{4e00}'..='\u{9fff}').contains(&chars[m]) {
                m += 1;
            }
            if m > he && m < end && is_colon(chars[m]) {
                return None;
            }
        }
        // `产地直供 颗颗饱满`, `配料简单 看得见`, `保质期短 更新鲜`: a slogan that begins with a
        // heading word, its colon lost or never printed. Run straight on into more Chinese
        // words, a heading is taken only when what follows looks like its value: a place
        // with its division word, a list, a date or a quantity.
        if !e.spaced && !colon && he < end && ('\u{4e00}'..='\u{9fff}').contains(&chars[he]) {
            let value: Vec<char> = chars[he..end].iter().copied().take(24).collect();
            let has = |set: &str, n: usize| value.iter().take(n).any(|c| set.contains(*c));
            let digit = |n: usize| {
                value
                    .iter()
                    .take(n)
                    .any(|c| fold(*c).is_ascii_digit() || "一二三四五六七八九十两半见".contains(*c))
            };
            let looks_like_value = match e.target {
                Target::OriginPlace | Target::Address => has("省市区县州旗盟镇乡村", 12),
                Target::Ingredients => chars[he..end]
                    .iter()
                    .any(|c| matches!(c, '、' | '，' | ',' | '（' | '(' | '；')),
                Target::ShelfLife
                | Target::ProductionDate
                | Target::Expiry
                | Target::NetContent
                | Target::ProductionAndExpiry
                | Target::ProductionAndBatch => digit(10),
                _ => true,
            };
            if !looks_like_value {
                return None;
            }
        }
        if e.spaced {
            // `Ingredients:`, `Net wt 250 g` — never `Nutritional`.
            // `Nutrition/Valeurs nutritionnelles/Voedingswaarde per 100 g`: a nutrition title
            // in several languages parted by slashes (Art 15(2) allows several languages).
            let boundary = he == end
                || colon
                || super::lines::is_blank(chars[he])
                || (chars[he] == '/' && e.target == Target::Nutrition);
            if !boundary {
                return None;
            }
            // A heading of one letter (the lot's `L 26-318`, Dir. 2011/91/EU Art 3) is read
            // without a colon only before a code holding a figure: not `1 L` of a quantity,
            // nor a sentence.
            let letters = chars[hs..he].iter().filter(|c| c.is_alphabetic()).count();
            if letters == 1 && !colon {
                let code: Vec<char> = chars[k..end]
                    .iter()
                    .copied()
                    .take_while(|c| !super::lines::is_blank(*c))
                    .collect();
                if !code.iter().any(|c| c.is_ascii_digit()) || code.contains(&'%') {
                    return None;
                }
            }
        }
        // `【保质期】：18个月`: a colon after the heading's closing bracket is the heading's
        // too, not the value's first character.
        let mut value_start = if colon { k + 1 } else { k };
        if colon && matches!(chars.get(k), Some('】' | ']' | '』')) {
            let mut j = value_start;
            while j < end && super::lines::is_blank(chars[j]) {
                j += 1;
            }
            if j < end && matches!(chars[j], '：' | ':' | '﹕') {
                value_start = j + 1;
            }
        }
        Some(HeadingMatch {
            target: e.target,
            start: hs,
            end: he,
            value_start,
            colon,
        })
    }

    /// A heading that ends just before the colon at `colon` and starts after a separator (or
    /// is a Chinese heading of two or more characters): `… 生产日期：`, `公司地址：`.
    pub fn ending_at_colon(
        &self,
        chars: &[char],
        from: usize,
        colon: usize,
        end: usize,
        scope: HeadingScope<'_>,
        separator: fn(char) -> bool,
    ) -> Option<HeadingMatch> {
        let mut rev = String::new();
        let mut best: Option<HeadingMatch> = None;
        let mut s = colon;
        while s > from && colon - s < MAX_SPAN {
            s -= 1;
            let Some(c) = key_char(chars[s]) else {
                continue;
            };
            rev.push(c);
            if !self.rev_prefixes.contains(&rev) {
                break;
            }
            let Some(key) = self.by_rev_key.get(&rev) else {
                continue;
            };
            let Some(e) = self.entry(key, scope) else {
                continue;
            };
            let after_separator = s == from || separator(chars[s - 1]);
            // `公司地址：` is an address; but `生产企业名称：`, `认证机构名称：` name a party,
            // not the product: 名称 only after a separator.
            let cjk_long = !e.spaced && key.chars().count() >= 2 && e.target != Target::ProductName;
            if after_separator || cjk_long {
                best = Some(HeadingMatch {
                    target: e.target,
                    start: s,
                    end: colon,
                    value_start: (colon + 1).min(end),
                    colon: true,
                });
            }
        }
        best
    }

    /// The target of a heading-less line `start..end` whose first words say what it is
    /// (table `line_start`), if any.
    pub fn line_start(
        &self,
        chars: &[char],
        start: usize,
        end: usize,
        scope: HeadingScope<'_>,
    ) -> Option<Target> {
        self.line_start_end(chars, start, end, scope)
            .map(|(t, _)| t)
    }

    /// The line start of `start..end` and where its words end.
    pub fn line_start_end(
        &self,
        chars: &[char],
        start: usize,
        end: usize,
        scope: HeadingScope<'_>,
    ) -> Option<(Target, usize)> {
        let (key, ends) = key_from(chars, start, end);
        self.line_starts
            .iter()
            .filter(|(_, _, f, _)| f.as_deref().is_none_or(|f| f == scope.family))
            .find_map(|(k, t, _, spaced)| {
                if !key.starts_with(k.as_str()) {
                    return None;
                }
                let n = k.chars().count();
                let at = ends.get(n - 1).copied().unwrap_or(end);
                (!spaced || at >= end || !chars[at].is_alphanumeric()).then_some((*t, at))
            })
    }

    /// The longest claim word of `market` that begins at `start` (blanks inside it skipped;
    /// a spaced-script word must end at a blank, punctuation or `end`), if any.
    pub fn claim_word_at(
        &self,
        chars: &[char],
        start: usize,
        end: usize,
        market: &str,
    ) -> Option<ClaimWordMatch> {
        if self.claim_words.is_empty() {
            return None;
        }
        let (key, ends) = key_from(chars, start, end);
        self.claim_words
            .iter()
            .filter(|w| w.markets.iter().any(|m| m == market))
            .find_map(|w| {
                if !key.starts_with(w.key.as_str()) {
                    return None;
                }
                let n = w.key.chars().count();
                let at = ends.get(n - 1).copied().unwrap_or(end);
                let bounded = at >= end || !chars[at].is_alphanumeric();
                (!w.spaced || bounded).then_some(ClaimWordMatch {
                    end: at,
                    no_added: w.no_added,
                    opens: w.opens,
                    spaced: w.spaced,
                })
            })
    }

    /// Allergen groups named in `text`, in order of first mention (longest word wins).
    pub fn allergen_groups(&self, text: &str) -> Vec<String> {
        let folded: String = text.chars().map(|c| fold(c).to_ascii_lowercase()).collect();
        let mut found: Vec<(usize, String)> = Vec::new();
        let mut taken = vec![false; folded.len() + 1];
        for (w, g) in &self.allergen_words {
            if w.is_empty() {
                continue;
            }
            let mut from = 0;
            while let Some(i) = folded.get(from..).and_then(|t| t.find(w.as_str())) {
                let at = from + i;
                let ascii = w.is_ascii();
                let bounded = !ascii
                    || (!folded[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_alphanumeric())
                        && !folded[at + w.len()..]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_alphanumeric()));
                if bounded && !taken[at] {
                    for t in taken.iter_mut().skip(at).take(w.len()) {
                        *t = true;
                    }
                    found.push((at, g.clone()));
                }
                from = at + w.len();
            }
        }
        crate::order::sort(&mut found);
        let mut out: Vec<String> = Vec::new();
        for (_, g) in found {
            if !out.contains(&g) {
                out.push(g);
            }
        }
        out
    }
}

static TABLE: Lazy<Result<Headings, String>> = Lazy::new(|| {
    let json = crate::embedded::EMBEDDED
        .iter()
        .find(|(p, _, _)| *p == HEADINGS_PATH)
        .map(|(_, _, j)| *j)
        .ok_or_else(|| format!("{HEADINGS_PATH} is not embedded"))?;
    Headings::from_json(json).map_err(|e| format!("{HEADINGS_PATH}: {e}"))
});

/// The embedded table (an error only if the embedded file were broken; a test keeps it whole).
pub fn table() -> Result<&'static Headings, String> {
    TABLE.as_ref().map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded_json() -> serde_json::Value {
        let json = crate::embedded::EMBEDDED
            .iter()
            .find(|(p, _, _)| *p == HEADINGS_PATH)
            .map(|(_, _, j)| *j)
            .expect("embedded");
        serde_json::from_str(json).expect("json")
    }

    #[test]
    fn the_embedded_table_compiles() {
        let t = table().expect("the embedded headings table");
        assert!(t.words.legal_forms.iter().any(|f| f == "gmbh"));
    }

    /// A word list with an entry that can never match, or a list left out, is a load error.
    #[test]
    fn word_lists_are_checked() {
        let load = |edit: &dyn Fn(&mut serde_json::Value)| {
            let mut v = embedded_json();
            edit(&mut v);
            Headings::from_json(&v.to_string()).err()
        };
        assert_eq!(load(&|_| {}), None);
        let upper = load(&|v| v["words"]["legal_forms"][0] = "GmbH".into());
        assert!(upper.is_some_and(|e| e.contains("legal_forms") && e.contains("lower case")));
        let code = load(&|v| v["words"]["eu_member_codes"][0] = "at".into());
        assert!(code.is_some_and(|e| e.contains("eu_member_codes")));
        let padded = load(&|v| v["words"]["mainland_provinces"][0] = " 北京".into());
        assert!(padded.is_some_and(|e| e.contains("blank or padded")));
        let missing = load(&|v| {
            v["words"].as_object_mut().unwrap().remove("the_food");
        });
        assert!(missing.is_some_and(|e| e.contains("the_food")));
    }
}

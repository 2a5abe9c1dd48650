//! The label as printed text: a whole label's text (an artwork text layer, an OCR result, a
//! label typed into a ticket) read into the same label document the JSON path takes, with a
//! source map from every field back to the characters it came from.
//!
//! Why a reader of its own rather than asking users for JSON: most people who check a label
//! have its text, not a document. The reader is deliberately literal:
//! - items start at printed headings, a table of data (`standards/text/headings.toml`), so
//!   a new wording is a data change;
//! - a line it cannot place is an `unread` item with its span, never a guess, so the user
//!   sees what was not checked;
//! - a field printed twice with different values is a `conflict`, not a silent last-wins;
//! - the one convention beyond headings: the first line, when it has no heading and comes
//!   before every headed item, is the product name (the title line of a label).
//!
//! The document then goes through the JSON path unchanged (`Engine::check_text`), so a text
//! label and its JSON twin give the same findings; the engine maps each finding's span (or,
//! without one, the field it points at) back into the text.

pub mod headings;
pub mod lines;
pub mod nutrition;
pub mod values;

use crate::report::{CharIndex, Span};
use headings::{HeadingScope, Headings, Target, WordLists};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// Most unread items and conflicts listed (the rest are counted): a page of noise must not
/// make a report of megabytes.
pub const MAX_LISTED: usize = 500;

/// What is not printed and so must be given with the text.
#[derive(Clone, Debug, Default)]
pub struct TextContext {
    pub market: String,
    pub category: String,
    /// `YYYY-MM-DD`.
    pub check_date: Option<String>,
    pub id: Option<String>,
    /// Facts the text does not print (`imported`, `package`, `textile.durable_label`,
    /// `facts`…), as a JSON object merged under what the text gives: where both give a
    /// field, the printed one wins and the difference is a conflict.
    pub extra: Option<Map<String, Value>>,
}

/// Where a field of the document came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceField {
    /// JSON pointer of the field in the document (`/ingredients/text`).
    pub pointer: String,
    /// The characters of the text the field holds (offsets into the text; `field` = `/text`).
    pub span: Span,
    /// The field's value is exactly these characters (so a span inside the value maps
    /// one-to-one); false when the reader converted it (`十八个月` → `18个月`, a number).
    pub verbatim: bool,
}

/// A part of the text the reader could not place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unread {
    pub span: Span,
    /// Why, in English (`no heading`, `a second value column…`).
    pub reason: String,
}

/// A field printed twice with different values: the first is kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub pointer: String,
    pub kept: Span,
    pub other: Span,
}

/// What the reader understood: the document, its source map, and what it could not read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextReading {
    /// The label document, as it would be written in JSON.
    pub document: Value,
    pub fields: Vec<SourceField>,
    pub unread: Vec<Unread>,
    /// Unread items beyond [`MAX_LISTED`], counted.
    #[serde(default)]
    pub unread_more: usize,
    pub conflicts: Vec<Conflict>,
    /// Version of the headings table.
    pub headings_version: String,
}

impl TextReading {
    /// The span of the text a finding about `pointer` points at: the mapped span inside a
    /// verbatim field when the finding had one (`inner`, on that field), else the whole
    /// field the pointer is in (the longest source pointer that is a prefix of it).
    pub fn locate(&self, index: &CharIndex, pointer: &str, inner: Option<&Span>) -> Option<Span> {
        if let Some(inner) = inner {
            if let Some(f) = self.fields.iter().find(|f| *f.pointer == *inner.field) {
                if f.verbatim {
                    return Some(index.span(
                        "/text",
                        f.span.start + inner.start,
                        f.span.start + inner.end,
                    ));
                }
                return Some(f.span.clone());
            }
        }
        self.fields
            .iter()
            .filter(|f| {
                pointer == f.pointer
                    || (pointer.starts_with(&f.pointer)
                        && pointer.as_bytes().get(f.pointer.len()) == Some(&b'/'))
                    || (f.pointer.starts_with(pointer)
                        && f.pointer.as_bytes().get(pointer.len()) == Some(&b'/'))
            })
            .max_by_key(|f| {
                // The deepest field under or over the pointer; among equals, the first.
                (
                    f.pointer.len().min(pointer.len()),
                    usize::MAX - f.span.start,
                )
            })
            .map(|f| f.span.clone())
    }
}

/// The family of the headings that apply: textile labels have their own items.
fn family_of(category: &str) -> &'static str {
    if category == "textile" || category.starts_with("textile.") {
        "textile"
    } else {
        "food"
    }
}

struct Builder<'a> {
    chars: &'a [char],
    index: &'a CharIndex,
    doc: Map<String, Value>,
    fields: Vec<SourceField>,
    unread: Vec<Unread>,
    unread_more: usize,
    conflicts: Vec<Conflict>,
    /// The party the last address or contact belongs to (`/producer` until another party
    /// heading is read).
    party: &'static str,
    /// The label's category (not printed): where 产品类别 goes.
    category: &'a str,
    /// The label's market (not printed): which claim words apply.
    market: &'a str,
    headings: &'a headings::Headings,
    /// Fields set by an item with no colon after its heading (or no heading), with the
    /// item's number: a weak reading a later headed item replaces.
    weak_fields: Vec<(String, u32)>,
    /// Statements of the nutrition declaration printed as lines of their own, placed at the
    /// end (under the table, or with the label's statements when there is none).
    nutrition_statements: Vec<(usize, usize)>,
    /// 认证机构 values, given at the end to the marks printed without one.
    certifiers: Vec<(usize, usize)>,
    /// The item being placed: its number, and whether it is weak.
    item: u32,
    weak: bool,
    /// The item being placed is a count of pieces read as the net quantity (`6 apples`),
    /// and the items that were: a quantity read after such an item takes its place (`4
    /// Crab Cakes` / `NET WT 12 OZ (340g)`).
    count: bool,
    count_items: Vec<u32>,
    /// A party's heading placed with no value (`生产者` alone on its line) and its item's
    /// number: a `名称：` item right after it names that party, not the food.
    party_pending: Option<(u32, Target)>,
}

fn text_of(chars: &[char], s: usize, e: usize) -> String {
    chars[s..e].iter().collect()
}

impl<'a> Builder<'a> {
    /// The printed characters of a field already read (`/product_name/text`).
    fn field_span(&self, pointer: &str) -> Option<(usize, usize)> {
        self.fields
            .iter()
            .find(|f| f.pointer == pointer)
            .map(|f| (f.span.start, f.span.end))
    }

    fn span(&self, s: usize, e: usize) -> Span {
        self.index.span("/text", s, e)
    }

    /// A line without a heading the reader cannot place. On a Chinese infant formula or
    /// special dietary food it is kept as a statement: the terms those standards forbid
    /// anywhere on the label (人乳化 / 母乳化, GB 10765-2021 4; vague milk sources, SAMR's
    /// infant formula rules) are printed as slogans without a heading, and an unread line
    /// is read by no rule. Elsewhere it is unread, said so.
    fn unheaded(&mut self, s: usize, e: usize) {
        let special = self.market == "CN"
            && ["food.infant_formula", "food.special_dietary"]
                .iter()
                .any(|c| self.category == *c || self.category.starts_with(&format!("{c}.")));
        // Not a table's row (`0-1月\t60\t2`, a feeding table): words, not cells.
        let cjk = self.chars[s..e]
            .iter()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(*c))
            .count();
        if special && cjk >= 2 && !self.chars[s..e].contains(&'\t') {
            let v = text_of(self.chars, s, e);
            self.push("/statements", Value::String(v), s, e);
        } else {
            self.unread(s, e, "no heading the reader knows");
        }
    }

    fn unread(&mut self, s: usize, e: usize, reason: &str) {
        if self.unread.len() >= MAX_LISTED {
            self.unread_more += 1;
            return;
        }
        let span = self.span(s, e);
        self.unread.push(Unread {
            span,
            reason: reason.to_string(),
        });
    }

    /// Sets the field at `pointer` (object path of plain keys) unless it is already set; a
    /// different second value is a conflict.
    fn set(&mut self, pointer: &str, value: Value, s: usize, e: usize, verbatim: bool) {
        let keys: Vec<&str> = pointer.split('/').skip(1).collect();
        let Some((last, parents)) = keys.split_last() else {
            return;
        };
        let mut node = &mut self.doc;
        for k in parents {
            let entry = node
                .entry(k.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            let Value::Object(m) = entry else {
                return;
            };
            node = m;
        }
        if let Some(old) = node.get(*last) {
            // A field read from a line without a colon (`产地直供 颗颗饱满`, `配料表干净 只有生牛乳`:
            // a slogan that begins with a heading word) gives way to the same field under a
            // heading with a colon: the weak item's fields are dropped, the slogan is named
            // as the other side of the conflict.
            let weak_item = self
                .weak_fields
                .iter()
                .find(|(p, _)| p == pointer)
                .map(|(_, item)| *item);
            let gives_way = !self.weak
                || (!self.count && weak_item.is_some_and(|i| self.count_items.contains(&i)));
            if let (Some(item), true) = (weak_item.filter(|_| *old != value), gives_way) {
                let other = self
                    .fields
                    .iter()
                    .find(|f| f.pointer == pointer)
                    .map(|f| f.span.clone());
                self.drop_item(item);
                self.set(pointer, value, s, e, verbatim);
                if let Some(other) = other {
                    let kept = self.index.span("/text", s, e);
                    self.conflict(pointer, kept, other);
                }
                return;
            }
            if *old != value {
                if let Some(kept) = self.fields.iter().find(|f| f.pointer == pointer) {
                    let kept = kept.span.clone();
                    let other = self.index.span("/text", s, e);
                    self.conflict(pointer, kept, other);
                }
            }
            return;
        }
        node.insert(last.to_string(), value);
        let span = self.span(s, e);
        self.fields.push(SourceField {
            pointer: pointer.to_string(),
            span,
            verbatim,
        });
        if self.weak {
            self.weak_fields.push((pointer.to_string(), self.item));
        }
    }

    /// Records a field read twice with different values (up to the listing limit).
    fn conflict(&mut self, pointer: &str, kept: Span, other: Span) {
        if self.conflicts.len() < MAX_LISTED {
            self.conflicts.push(Conflict {
                pointer: pointer.to_string(),
                kept,
                other,
            });
        }
    }

    /// Removes the fields a weak item set (scalar fields only: lists are appended to, never
    /// replaced).
    fn drop_item(&mut self, item: u32) {
        let (dropped, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.weak_fields)
            .into_iter()
            .partition(|(_, i)| *i == item);
        self.weak_fields = kept;
        for (pointer, _) in dropped {
            self.fields.retain(|f| f.pointer != pointer);
            let keys: Vec<&str> = pointer.split('/').skip(1).collect();
            let Some((last, parents)) = keys.split_last() else {
                continue;
            };
            let mut node = Some(&mut self.doc);
            for key in parents {
                node = match node.and_then(|n| n.get_mut(*key)) {
                    Some(Value::Object(m)) => Some(m),
                    _ => None,
                };
            }
            if let Some(n) = node {
                n.remove(*last);
            }
        }
    }

    /// Appends to the list at `pointer` (`/statements`).
    fn push(&mut self, pointer: &str, value: Value, s: usize, e: usize) {
        self.push_with(pointer, value, s, e, true);
    }

    /// `push`, saying whether the value is the printed characters as they stand.
    fn push_with(&mut self, pointer: &str, value: Value, s: usize, e: usize, verbatim: bool) {
        let keys: Vec<&str> = pointer.split('/').skip(1).collect();
        let Some((last, parents)) = keys.split_last() else {
            return;
        };
        let mut node = &mut self.doc;
        for k in parents {
            let entry = node
                .entry(k.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            let Value::Object(m) = entry else {
                return;
            };
            node = m;
        }
        let list = node
            .entry(last.to_string())
            .or_insert_with(|| Value::Array(Vec::new()));
        let Value::Array(list) = list else {
            return;
        };
        let at = list.len();
        list.push(value);
        let span = self.span(s, e);
        self.fields.push(SourceField {
            pointer: format!("{pointer}/{at}"),
            span,
            verbatim,
        });
    }

    fn set_text(&mut self, pointer: &str, s: usize, e: usize) {
        if s >= e {
            return;
        }
        let v = text_of(self.chars, s, e);
        self.set(pointer, Value::String(v), s, e, true);
    }

    /// A date's text, joined where a line break cut it (`2027年` over `08月31日`): the date
    /// is one value, its span the printed lines.
    fn set_date(&mut self, pointer: &str, s: usize, e: usize) {
        if s >= e {
            return;
        }
        let v = text_of(self.chars, s, e);
        if !v.contains(['\n', '\r']) {
            self.set(pointer, Value::String(v), s, e, true);
            return;
        }
        let joined: String = v.lines().map(str::trim).collect();
        self.set(pointer, Value::String(joined), s, e, false);
    }

    /// A number from its digits (`"250"`) as a JSON number; None if not one.
    fn number(digits: &str) -> Option<Value> {
        serde_json::from_str::<Value>(digits)
            .ok()
            .filter(Value::is_number)
    }
}

/// Reads a label's text with a headings table (None: the embedded one). Linear in the
/// text's length; bounded by `max_chars`.
pub fn read(
    text: &str,
    ctx: &TextContext,
    max_chars: usize,
    table: Option<&Headings>,
) -> Result<TextReading, crate::Error> {
    // An energy label is a graphic of grade bars, pictograms and figures under their
    // symbols; the reader has no items for it, and reading only the words around it would
    // report the label itself as missing (CEL, EU 2017/1369). Said as an error instead.
    if ctx.category == "appliance" || ctx.category.starts_with("appliance.") {
        return Err(crate::Error::Option(format!(
            "energy labels are not read from text (category `{}`): give the label as JSON \
             (`energy_label` with its grade and figures; `labelcheck schema`)",
            ctx.category
        )));
    }
    let table = match table {
        Some(t) => t,
        None => headings::table().map_err(crate::Error::Option)?,
    };
    let index = CharIndex::new(text);
    let chars = index.chars();
    if chars.len() > max_chars {
        return Err(crate::Error::Option(format!(
            "the label text has {} characters; at most {max_chars} are read",
            chars.len()
        )));
    }
    let scope = HeadingScope {
        family: family_of(&ctx.category),
        market: &ctx.market,
    };
    let mut b = Builder {
        chars,
        index: &index,
        doc: Map::new(),
        fields: Vec::new(),
        unread: Vec::new(),
        unread_more: 0,
        conflicts: Vec::new(),
        party: "/producer",
        category: &ctx.category,
        market: &ctx.market,
        headings: table,
        weak_fields: Vec::new(),
        nutrition_statements: Vec::new(),
        certifiers: Vec::new(),
        item: 0,
        weak: false,
        count: false,
        count_items: Vec::new(),
        party_pending: None,
    };
    b.doc.insert("schema_version".into(), json!("1"));
    if let Some(id) = &ctx.id {
        b.doc.insert("id".into(), json!(id));
    }
    b.doc.insert("market".into(), json!(ctx.market));
    b.doc.insert("category".into(), json!(ctx.category));
    if let Some(d) = &ctx.check_date {
        b.doc.insert("check_date".into(), json!(d));
    }

    let all_lines = lines::lines(chars);
    let mut seen_heading = false;
    // The open item's bracket depth, counted on as it grows (see `continues`).
    let mut depth: (usize, usize, i64) = (usize::MAX, 0, 0);
    // Heading-less lines before the first heading: the product name, a brand, a size.
    let mut lead: Vec<(usize, usize)> = Vec::new();
    // The last item of the previous line, which a heading-less line may continue (lists
    // and addresses wrap; a heading alone on its line has its value on the next).
    let mut open: Option<Open> = None;
    let mut li = 0;
    while li < all_lines.len() {
        let (ls, le) = all_lines[li];
        li += 1;
        // `面饼配料：…` / `调味包配料：…`: a multi-pack food's lists, one per part, each under
        // the part's name and the lead word. They are one ingredient list (GB 7718 4.1.3.1.1,
        // the part names in it as in `配料：面饼：…；调味包：…`), so the lines join: the span
        // runs from the first part's name to the last line.
        if let Some(vs) = part_list_line(&table.words, chars, ls, le) {
            seen_heading = true;
            match open.take() {
                Some(mut o) if o.target == Target::Ingredients => {
                    o.ve = le;
                    open = Some(o);
                }
                other => {
                    if let Some(o) = other {
                        close(&mut b, o);
                    }
                    open = Some(Open {
                        target: Target::Ingredients,
                        hs: ls,
                        vs,
                        ve: le,
                    });
                }
            }
            continue;
        }
        let items = lines::items(chars, ls, le, table, scope);
        let mut part_heading_at: Option<usize> = None;
        if items.is_empty() {
            continue;
        }
        for (n, item) in items.iter().enumerate() {
            // A line whose first words are a longer line start than its heading is that line
            // ('Contains negligible amounts of …' is no 'Contains' allergen statement).
            let heading = item.heading.as_ref().filter(|h| {
                n > 0
                    || table
                        .line_start_end(chars, item.start, item.end, scope)
                        .is_none_or(|(_, at)| at <= h.end)
            });
            let Some(h) = heading else {
                // A line without a heading.
                if n == 0 {
                    if let Some(mut o) = open.take() {
                        // A heading alone on its line has its value on the next, unless that
                        // line says by itself it is something else (`Mindestens haltbar bis:`
                        // over `Trocken lagern.`: the date is missing, the storage is read).
                        // A party's heading alone (`Manufactured for:`) takes the operator's
                        // name under it, whatever party that line alone would be.
                        let empty_takes = o.vs >= o.ve
                            && headless_target(&b, table, scope, &None, item).is_none_or(|t| {
                                t == o.target || (t == Target::Producer && is_party(o.target))
                            });
                        if empty_takes
                            || (o.vs < o.ve && continues(chars, o.vs, o.ve, &mut depth))
                            || date_goes_on(chars, &o, item.start, item.end)
                            || next_step(chars, item.start, item.end, o.target)
                            || (o.target == Target::RegistrationNumber
                                && table
                                    .words
                                    .registration_leads
                                    .iter()
                                    .any(|l| text_of(chars, o.vs, o.ve).trim() == l.as_str())
                                && chars[item.start..item.end]
                                    .iter()
                                    .all(|c| c.is_ascii_alphanumeric() || *c == ' '))
                            || (o.target == Target::Statement
                                && notice_goes_on(chars, &o, item.start)
                                && headless_target(&b, table, scope, &None, item).is_none())
                            || (party_goes_on(
                                chars,
                                item.start,
                                item.end,
                                origin_party_target(&table.words, chars, &o),
                            ) && !party_complete(&table.words, chars, o.vs, o.ve)
                                && !(o.vs < o.ve
                                    && names_a_company(
                                        &table.words,
                                        &text_of(chars, item.start, item.end),
                                    )))
                            || (o.target == Target::Ingredients
                                && sub_list_line(&table.words, chars, item.start, item.end))
                            || (o.target == Target::SafetyCategory
                                && class_goes_on(chars, o.vs, o.ve, item.start, item.end))
                            || (o.target == Target::Usage && table_row(chars, item.start, item.end))
                            || (o.target == Target::HealthWarning
                                && warning_goes_on(chars, o.vs, o.ve, item.start, item.end)
                                && headless_target(&b, table, scope, &None, item).is_none())
                            || (o.target == Target::FibreContent
                                && (part_label_alone(chars, item.start, item.end)
                                    || fibre_pair_goes_on(chars, o.vs, o.ve, item.start, item.end)))
                            || (matches!(
                                o.target,
                                Target::Ingredients
                                    | Target::Allergens
                                    | Target::Statement
                                    | Target::HealthWarning
                            ) && o.vs < o.ve
                                && list_goes_on(chars, o.vs, o.ve, item.start, item.end)
                                && headless_target(&b, table, scope, &None, item).is_none())
                        {
                            if o.vs >= o.ve {
                                o.vs = item.start;
                            }
                            o.ve = item.end;
                            open = Some(o);
                            continue;
                        }
                        open = Some(o);
                    }
                    // `500 ml   4.2% vol`: the net quantity and the alcohol strength side by
                    // side (EU 1169/2011 Art 13(5)), each its own item.
                    if scope.family != "textile" && ctx.market != "CN" {
                        let line = text_of(chars, item.start, item.end);
                        if let Some(((qs, qe), (as_, ae))) = values::quantity_and_strength(&line) {
                            if let Some(o) = open.take() {
                                close(&mut b, o);
                            }
                            for (t, s, e) in
                                [(Target::NetContent, qs, qe), (Target::Alcohol, as_, ae)]
                            {
                                let (s, e) = lines::trim(chars, item.start + s, item.start + e);
                                close(
                                    &mut b,
                                    Open {
                                        target: t,
                                        hs: s,
                                        vs: s,
                                        ve: e,
                                    },
                                );
                            }
                            continue;
                        }
                    }
                    // A textile line that says by itself what it is: fibre content
                    // (`60% Cotton / 40% Polyester`, read whole by the fibre parser) or a
                    // care line (`Machine wash cold`, table `line_start`). Consecutive such
                    // lines are one item; `Exclusive of decoration` after fibre lines
                    // belongs to them.
                    // `Per 100 g / Pour 100 g / Pro 100 g:` alone over the rows: a multilingual
                    // declaration whose only title is its basis (EU 1169/2011 Art 32(2); Art 34
                    // prescribes no title) opens the table. Not on Chinese labels, whose
                    // table has its prescribed title (GB 28050 3.3).
                    if scope.family == "food"
                        && ctx.market != "CN"
                        && basis_title(&b, table, scope, &all_lines, li, item)
                    {
                        if let Some(o) = open.take() {
                            close(&mut b, o);
                        }
                        let h = headings::HeadingMatch {
                            target: Target::Nutrition,
                            start: item.start,
                            end: item.start,
                            value_start: item.start,
                            colon: false,
                        };
                        li = read_nutrition(
                            &mut b, table, scope, &all_lines, li, &h, item.start, item.end,
                        );
                        seen_heading = true;
                        continue;
                    }
                    if let Some(t) = headless_target(&b, table, scope, &open, item) {
                        // A second company under an operator's name and address
                        // (`Morning Gold Foods B.V., Postbus 123, …` under the UK maker) is
                        // another operator, not more of the first one's address.
                        let another_company = is_party(t)
                            && names_a_company(&table.words, &text_of(chars, item.start, item.end));
                        match open.take() {
                            Some(mut o) if o.target == t && !another_company => {
                                o.ve = item.end;
                                open = Some(o);
                            }
                            other => {
                                if let Some(o) = other {
                                    close(&mut b, o);
                                }
                                open = Some(Open {
                                    target: t,
                                    hs: item.start,
                                    vs: item.start,
                                    ve: item.end,
                                });
                            }
                        }
                        continue;
                    }
                    if let Some(o) = open.take() {
                        close(&mut b, o);
                    }
                    // `重庆涪州榨菜食品有限公司　电话：023-…` with no heading of its own: a
                    // company's name before the contact or address on its line is the name of
                    // the party those belong to — the producer, when no party was read (GB 7718
                    // asks for the name, address and contact; blind audit round 20).
                    if ctx.market == "CN"
                        && items
                            .get(1)
                            .and_then(|i| i.heading.as_ref())
                            .is_some_and(|h| matches!(h.target, Target::Contact | Target::Address))
                        && company_name_alone(&text_of(chars, item.start, item.end))
                        && ["producer", "distributor", "importer", "packer"]
                            .iter()
                            .all(|p| b.doc.get(*p).is_none())
                    {
                        open = Some(Open {
                            target: Target::Producer,
                            hs: item.start,
                            vs: item.start,
                            ve: item.end,
                        });
                        continue;
                    }
                    if !seen_heading {
                        lead.push((item.start, item.end));
                        continue;
                    }
                }
                if !lot_on_unheaded_line(&mut b, item.start, item.end) {
                    b.unheaded(item.start, item.end);
                }
                continue;
            };
            seen_heading = true;
            // `纤维含量：面料：100%棉  里料：…`: a heading with nothing after it but another
            // heading of the same item (the part's) is that item's heading too, not an empty
            // item of its own.
            if items.get(n + 1).is_some_and(|next| {
                next.heading.as_ref().is_some_and(|nh| {
                    let (a, z) = lines::trim(chars, h.value_start.min(item.end), item.end);
                    nh.target == h.target && a >= z
                })
            }) {
                part_heading_at = Some(n + 1);
                continue;
            }
            // `里料成分：100%聚酯纤维` after the shell's fibre line: another part of the same
            // fibre content, its label kept for the fibre parser (a second fibre heading
            // would otherwise be a conflict).
            // So does `面料：天丝100%  填充物：聚酯纤维100%` on one line: the second part is
            // more of the same fibre content.
            if h.target == Target::FibreContent {
                if let Some(mut o) = open.take() {
                    if o.target == Target::FibreContent {
                        o.ve = item.end;
                        open = Some(o);
                        continue;
                    }
                    open = Some(o);
                }
            }
            if let Some(o) = open.take() {
                close(&mut b, o);
            }
            // The part's heading after the fibre heading (`面料：`) stays in the value, for the
            // fibre parser.
            let value_start =
                if part_heading_at.take() == Some(n) && h.target == Target::FibreContent {
                    item.start
                } else {
                    h.value_start
                };
            let vs = lines::trim(chars, value_start.min(item.end), item.end).0;
            let ve = item.end.max(vs);
            // `Composition / Zusammensetzung / Composizione`: the heading in other languages
            // after a slash, and nothing else — the heading alone on its line, its value on
            // the next (a multilingual label, EU 1007/2011 Art 16(3)).
            let vs = if vs < ve
                && n + 1 == items.len()
                && matches!(chars[vs], '/' | '／')
                && !chars[vs..ve].iter().any(|c| {
                    headings::fold(*c).is_ascii_digit() || matches!(c, '%' | '％' | ':' | '：')
                }) {
                ve
            } else {
                vs
            };
            if h.target == Target::Nutrition {
                li = read_nutrition(&mut b, table, scope, &all_lines, li, h, vs, ve);
                continue;
            }
            let o = Open {
                target: h.target,
                hs: item.start,
                vs,
                ve,
            };
            // `面料：天丝100%  填充物：聚酯纤维100%`: a part's fibres with the next part's on the
            // same line stay open, so the next part extends them (one fibre content).
            let next_part = o.target == Target::FibreContent
                && items
                    .get(n + 1)
                    .and_then(|next| next.heading.as_ref())
                    .is_some_and(|nh| nh.target == Target::FibreContent);
            if n + 1 == items.len() || next_part {
                // May wrap onto the following lines: placed when the item ends.
                open = Some(o);
            } else {
                close(&mut b, o);
            }
        }
    }
    if let Some(o) = open.take() {
        close(&mut b, o);
    }
    place_lead_lines(&mut b, &lead, scope);
    name_after_registration(&mut b);
    crate::order::sort_by_key(&mut b.unread, |u| u.span.start);
    if ctx.market == "CN" {
        infer_import(&mut b);
    } else {
        operator_from_unread(&mut b);
    }
    infer_preparation(&mut b);
    if scope.family == "textile" && ctx.market == "CN" {
        infer_height(&mut b);
    }
    contact_from_complaint_phone(&mut b);
    let pointer = if b.doc.contains_key("nutrition") {
        "/nutrition/statements"
    } else {
        "/statements"
    };
    for (s, e) in std::mem::take(&mut b.nutrition_statements) {
        let v = text_of(b.chars, s, e);
        b.push(pointer, Value::String(v), s, e);
    }
    place_certifiers(&mut b);
    if ctx.market == "CN" {
        infer_name_claims(&mut b);
        infer_absent_in_name(&mut b);
        infer_solid_in_liquid(&mut b);
    } else if ctx.market == "US" {
        infer_name_claims(&mut b);
    }
    let mut document = b.doc;
    if let Some(extra) = &ctx.extra {
        merge_under(
            &mut document,
            extra,
            "",
            &mut b.conflicts,
            &b.fields,
            &index,
        );
    }
    Ok(TextReading {
        document: Value::Object(document),
        fields: b.fields,
        unread: b.unread,
        unread_more: b.unread_more,
        conflicts: b.conflicts,
        headings_version: table.version.clone(),
    })
}

/// What a heading-less line is, when it says so itself. On a food label: an alcohol
/// strength alone (`14 % vol`: the words 'alcohol' / 'alc' may precede it, EU 1169/2011
/// Annex XII) or, outside China, a quantity alone (`12 FL OZ (355 mL)`, `NET 12 FL OZ`,
/// `750 ml`). On a
/// textile label: fibre content
/// the fibre parser reads whole with a percentage for every fibre (or, right after fibre
/// lines, only a statement such as `Exclusive of decoration`), or a line whose first words
/// are in the `line_start` table.
fn headless_target(
    b: &Builder,
    table: &headings::Headings,
    scope: HeadingScope<'_>,
    open: &Option<Open>,
    item: &lines::Item,
) -> Option<Target> {
    if scope.family != "textile" {
        let line = values::folded(&text_of(b.chars, item.start, item.end));
        // `含有膳食纤维 全麦饼干`: 含有 opens a content claim (GB 28050 表C.1 含有/来源) as
        // well as an allergen statement without a lead word (GB 7718-2025 D.2.2); a claim
        // word at the line's start says which (blind audit round 21).
        let claim_first = || {
            table
                .claim_word_at(b.chars, item.start, item.end, scope.market)
                .is_some()
        };
        // `CONTAINS 2% OR LESS OF: TAHINI, …` (21 CFR 101.4(a)(2)): a share after `Contains`
        // goes on with the ingredient list; no allergen statement.
        let share_after = |at: usize| {
            let rest: String = b.chars[at.min(item.end)..item.end]
                .iter()
                .take(16)
                .collect::<String>()
                .trim_start()
                .to_lowercase();
            rest.starts_with(|c: char| c.is_ascii_digit()) || rest.starts_with("less than")
        };
        if let Some(t) = table
            .line_start_end(b.chars, item.start, item.end, scope)
            .filter(|&(t, at)| !(t == Target::Allergens && (claim_first() || share_after(at))))
            .map(|(t, _)| t)
        {
            return Some(t);
        }
        return if values::registration_only(&table.words, &line)
            || table.words.registration_leads.iter().any(|l| line.trim() == l.as_str())
        {
            // `国食注字` alone: the number follows on the next line (OCR; see `main loop`).
            Some(Target::RegistrationNumber)
        } else if scope.market == "CN" && standard_code_alone(&line) {
            // `GB/T 24399` alone on its line: a product standard's code says what it is
            // (GB 7718-2011 4.1.10 asks for the code; blind audit round 19).
            Some(Target::StandardCode)
        } else if scope.market == "CN" && licence_alone(&line) {
            // `SC10622010600017` alone on its line: a food production licence number (SC and
            // 14 digits) says by itself what it is (GB 7718-2011 4.1.9 asks for the number).
            Some(Target::LicenceNumber)
        } else if scope.market == "CN" && shelf_life_sentence(&line) {
            // `在符合贮存条件下，保质期24个月`, `本品保质期18个月`: the shelf life in a sentence.
            Some(Target::ShelfLife)
        } else if scope.market == "CN" && values::expiry_with_suffix(&table.words, &line).is_some() {
            // `2028年01月09日之前食用最佳` (GB 7718-2025 A.2.3: the words after the date).
            Some(Target::Expiry)
        } else if (line.contains("图示") || line.contains("示意图"))
            && ["冲调", "调配", "冲泡", "配制"]
                .iter()
                .any(|w| line.contains(w))
        {
            Some(Target::PreparationDiagram)
        } else if values::alcohol_only(&line) {
            Some(Target::Alcohol)
        } else if !claims_in_line(b.chars, table, scope.market, item.start, item.end).is_empty()
            || (scope.market == "CN" && values::cn_comparative_claim(&line).is_some())
        {
            Some(Target::Claim)
        } else if let Some(t) = special_food_line(b, scope, &line) {
            Some(t)
        } else if scope.market == "CN"
            && (open.is_some() || b.item > 0)
            && absent_ingredient(b.chars, table, item.start, item.end).is_some()
        {
            Some(Target::AbsentIngredient)
        } else if scope.market == "CN"
            && content_declaration(b.chars, item.start, item.end).is_some()
        {
            Some(Target::ContentDeclaration)
        } else if scope.market != "CN" && values::storage_by_verb(&line) {
            Some(Target::Storage)
        } else if scope.market == "CN" && storage_by_temperature(&line) {
            // `2℃～8℃冷藏保存`: GB 7718-2011 C.5 / 2025 A.3 list `××-××℃保存` among the forms,
            // with or without the heading.
            Some(Target::Storage)
        } else if scope.market != "CN"
            && (names_an_operator(&table.words, &line) || company_alone(&table.words, &line))
        {
            // `Confitures Exemple SAS, 5 chemin des Vergers, 84000 Avignon`: EU 1169/2011
            // Art 9(1)(h) and 21 CFR 101.5 ask for the name and address, not a heading.
            // (GB 7718 tells the producer from the distributor by the heading: not in China.)
            Some(Target::Producer)
        } else if scope.market == "EU"
            && eu_organic_line(&table.words, &line).is_some_and(|(code, _)| {
                // An origin line alone names the EU (`EU Agriculture`), or follows the code
                // (`DE-ÖKO-006` over `Deutsche Landwirtschaft`): not a slogan such as
                // `Regenerative Agriculture`.
                code.is_some()
                    || open.as_ref().is_some_and(|o| o.target == Target::EuOrganic)
                    || line
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| matches!(w, "EU" | "UE" | "EG" | "EÚ" | "ЕС" | "ΕΕ" | "AB" | "ES"))
                    || matches!(b.doc.get("eco_labels"), Some(Value::Array(m)) if m.iter().any(|e| e.get("scheme").and_then(Value::as_str) == Some("eu_organic")))
            })
        {
            Some(Target::EuOrganic)
        } else if scope.market != "CN"
            && not_the_name(b, item.start)
            && annex_iii_wording(&table.words, &line.to_lowercase())
        {
            // `Sugar free sparkling soft drink with sweeteners.`: the name's descriptive line
            // carrying an EU 1169/2011 Annex III statement, which the packs look for.
            Some(Target::Statement)
        } else if scope.market == "US"
            && not_the_name(b, item.start)
            && us_disclosure_wording(&table.words, &line.to_lowercase())
        {
            // `Contains 15g total fat per serving. See nutrition information for fat
            // content.`: the disclosures 21 CFR 101.13(h) and 101.54(d)(1) ask for beside a
            // claim, which the packs look for among the statements.
            Some(Target::Statement)
        } else if scope.market != "CN"
            && not_the_name(b, item.start)
            && (speaks_of_origin(&table.words, &line.to_lowercase()) || from_a_place(&line))
        {
            // `Wheat flour: origin of the wheat EU and non-EU`: the origin of the primary
            // ingredient on a line of its own (Reg. (EU) 2018/775 Art 2), a statement.
            Some(Target::Statement)
        } else if scope.market != "CN" && values::quantity_only(&line) {
            // Not on Chinese labels: GB 7718 makes the words 净含量 part of the declaration
            // (2011 4.1.5.1), so a bare quantity is not one.
            Some(Target::NetContent)
        } else if scope.market != "CN" && lot_code_alone(&line) {
            // `L26288A` alone on its line: a lot 'in code' (CXS 1-1985 4.6, EU Directive
            // 2011/91 Art 2: preceded by the letter L) with no blank after the letter.
            Some(Target::BatchNumber)
        } else if scope.market == "EU"
            && not_the_name(b, item.start)
            && (values::count_only(&line) || values::count_with_description(&line))
        {
            // `6 apples`: EU 1169/2011 Annex IX 1(c) — a food sold by number may give the
            // number instead of the net quantity (the packs judge what it needs). A line
            // read without a heading gives way to a net quantity under one.
            Some(Target::NetContent)
        } else {
            None
        };
    }
    if let Some(t) = table.line_start(b.chars, item.start, item.end, scope) {
        return Some(t);
    }
    let line = text_of(b.chars, item.start, item.end);
    // `FZ/T 73020-2019` alone on its line: the product standard implemented (GB/T 5296.4
    // item 6), as on a food label (blind audit, session 28).
    if scope.market == "CN" && standard_code_alone(&values::folded(&line)) {
        return Some(Target::StandardCode);
    }
    // `Sock Supply Co., Hickory, NC 28601`: the dealer's name (16 CFR 303.19) with no heading;
    // `Carolina Knit Mills LLC` alone on its line, ended by its legal form, likewise.
    if scope.market != "CN"
        && (names_an_operator(&table.words, &line) || company_alone(&table.words, &line))
    {
        return Some(Target::Producer);
    }
    // `30℃以下水温机洗 / 不可漂白 / 低温熨烫`: a sewn-in label's care line, by its words.
    let care_words = [
        "机洗", "手洗", "漂白", "熨烫", "干洗", "晾干", "水洗", "转笼",
    ];
    if !line.contains(['%', '％']) && care_words.iter().filter(|w| line.contains(*w)).count() >= 2
    {
        return Some(Target::Care);
    }
    // `Pura lana vergine`, `Reine Schurwolle`: one fibre with the Art 7(1) pure/all word of
    // EU Reg. 1007/2011 and no percentage (outside China, where 纯/全 are part of the name).
    let first_word = line.split_whitespace().next().unwrap_or("").to_lowercase();
    let pure =
        scope.market != "CN" && crate::label::fibre_text::PURE_WORDS.contains(&first_word.as_str());
    if !pure
        && !line.contains(['%', '％'])
        && open.as_ref().map(|o| o.target) != Some(Target::FibreContent)
    {
        return None;
    }
    // `60%` over `Cotton` with no heading (a sewn-in label's column): the share opens the
    // fibre content when the next line is a fibre's name alone (the lines after it are
    // taken by `fibre_pair_goes_on`).
    if scope.family == "textile" && share_alone(&line) {
        let rest = &b.chars[(item.end + 1).min(b.chars.len())..];
        let next_end = rest.iter().position(|c| *c == '\n').unwrap_or(rest.len());
        let next: String = rest[..next_end].iter().collect();
        return fibre_name_alone(&next).then_some(Target::FibreContent);
    }
    let parsed = crate::label::fibre_text::parse_fibre_text(&line);
    if !parsed.unparsed.is_empty() || parsed.components.is_empty() {
        return None;
    }
    let declares = parsed.components.iter().all(|c| {
        !c.fibres.is_empty()
            && c.fibres
                .iter()
                .all(|f| f.trace == Some(true) || f.percent.is_some())
    }) || (pure
        && parsed.components.len() == 1
        && parsed.components[0].fibres.len() == 1
        && parsed.components[0].wording.is_some());
    let statement_only = parsed
        .components
        .iter()
        .all(|c| c.fibres.is_empty() && !c.statements.is_empty());
    let after_fibres = open.as_ref().map(|o| o.target) == Some(Target::FibreContent);
    // After fibre lines, a named part read cleanly belongs to them even where its fibre has
    // no percentage of its own (`填充物：白鹅绒 含绒量 90%`, GB/T 29862 6.7).
    // (`颜色：白色` is no part: it gives no share and no statement.)
    let named_part = parsed.components.iter().all(|c| {
        c.part.is_some()
            && (c.fibres.iter().any(|f| f.percent.is_some()) || !c.statements.is_empty())
    });
    (declares || after_fibres && (statement_only || named_part)).then_some(Target::FibreContent)
}

/// A printed 原产国 other than China, or an importer, marks an imported food: it is the item only imports
/// print (GB 7718-2011 4.1.6.3, GB 7718-2025 4.6.3), and the document's `imported` switches
/// the rules between the domestic producer items and the importer items. Recorded as a
/// derived field on the 原产国 characters. Only for the CN market: elsewhere a printed origin
/// ('Herkunft: Deutschland' on a German label) says nothing about importing.
fn infer_import(b: &mut Builder) {
    let Some(f) = b
        .fields
        .iter()
        .find(|f| f.pointer == "/origin/country")
        .map(|f| f.span.clone())
    else {
        // No 原产国 printed: an importer (进口商, GB 7718-2011 4.1.6.3 / 2025 4.6.3 — the
        // item of imported foods only) still says the food is imported, so that the
        // missing country of origin is what the rules report, not the domestic items.
        let importer = b
            .fields
            .iter()
            .find(|f| f.pointer.starts_with("/importer/"))
            .map(|f| (f.span.start, f.span.end));
        if let Some((s, e)) = importer {
            b.set("/imported", json!(true), s, e, false);
        }
        return;
    };
    let country = values::folded(&f.text);
    let country = country.trim();
    let domestic = ["中国", "中华人民共和国", "China", "CHINA", "CN", "PRC"];
    if domestic.contains(&country) {
        return;
    }
    b.set("/imported", json!(true), f.start, f.end, false);
}

/// The claims a heading-less line makes when it is a line of claims (table `claim` of
/// headings.toml), as `(start, end, no_added)`; empty when it is not one. Front panels print
/// claims as lines of their own — `低脂 高蛋白`, `0反式脂肪`, `不添加防腐剂`, `Source of fibre`,
/// `¡Rico en fibra!` — and the claim rules (GB 28050 5, GB 7718-2025 4.4.2.2, Reg. (EC)
/// 1924/2006 Art 8) judge what is printed. A Chinese line is split at blanks and
/// separators, and each piece must be claim words only (a no-added word takes the rest of
/// its piece: `不添加防腐剂`); at least half the pieces must be claims, and no other piece a
/// food's name (`低脂 高蛋白 即食` and `0反式脂肪 酥香可口` are claim lines, `高蛋白 乳清蛋白威化`
/// is a name).
/// A line in a spaced script must begin with a claim word and is one claim.
fn claims_in_line(
    chars: &[char],
    table: &headings::Headings,
    market: &str,
    start: usize,
    end: usize,
) -> Vec<(usize, usize, bool)> {
    let (mut s, e) = lines::trim(chars, start, end);
    while s < e
        && matches!(
            chars[s],
            '¡' | '¿' | '*' | '•' | '·' | '★' | '☆' | '✓' | '✔' | '“' | '"' | '【' | '['
        )
    {
        s += 1;
    }
    if s >= e || e - s > 60 {
        return Vec::new();
    }
    // `95% fat free`: a percentage before a whole claim — one claim, for the rule that judges
    // 'X % fat-free' (Reg. (EC) 1924/2006 Annex, FAT-FREE; session 29 claims audit).
    if market == "EU" {
        let digits = (s..e)
            .take_while(|&i| chars[i].is_ascii_digit() || matches!(chars[i], '.' | ','))
            .count();
        let mut p = s + digits;
        while p < e && chars[p] == ' ' {
            p += 1;
        }
        if digits > 0 && p < e && matches!(chars[p], '%' | '％') {
            let (a, mut z) = lines::trim(chars, p + 1, e);
            while z > a && matches!(chars[z - 1], '!' | '.' | '*') {
                z -= 1;
            }
            if a < z
                && table
                    .claim_word_at(chars, a, z, market)
                    .is_some_and(|m| m.spaced && m.end >= z)
            {
                return vec![(s, z, false)];
            }
        }
    }
    if let Some(m) = table.claim_word_at(chars, s, e, market) {
        if m.spaced {
            // Pieces at `•`, `|`, `,`, `;`, `/`: each a whole claim (`Low fat`) or begun by
            // a lead (`Source of fibre`); every piece must be one (`Sugar-free mints` is a
            // name, not a claim).
            let mut out = Vec::new();
            let mut ps = s;
            while ps < e {
                let pe = (ps..e)
                    .find(|&i| matches!(chars[i], '•' | '·' | '|' | '｜' | ',' | ';' | '/'))
                    .unwrap_or(e);
                let (a, mut z) = lines::trim(chars, ps, pe);
                while z > a && matches!(chars[z - 1], '!' | '！' | '.' | '。' | '*' | '”' | '"')
                {
                    z -= 1;
                }
                let (a, z) = lines::trim(chars, a, z);
                if a < z {
                    let words = chars[a..z].iter().filter(|c| c.is_whitespace()).count() + 1;
                    match table.claim_word_at(chars, a, z, market) {
                        Some(m) if m.spaced && (m.end >= z || m.opens) && words <= 8 => {
                            out.push((a, z, m.no_added))
                        }
                        _ => return Vec::new(),
                    }
                }
                ps = pe + 1;
            }
            return out;
        }
    }
    if e - s > 30 {
        return Vec::new();
    }
    let separator = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '、' | '，'
                    | ','
                    | '|'
                    | '｜'
                    | '•'
                    | '·'
                    | '/'
                    | '／'
                    | '！'
                    | '!'
                    | '。'
                    | '；'
                    | ';'
                    | '★'
                    | '☆'
                    | '【'
                    | '】'
                    | '['
                    | ']'
            )
    };
    let mut pieces = 0;
    let mut claims = Vec::new();
    let mut i = s;
    while i < e {
        if separator(chars[i]) {
            i += 1;
            continue;
        }
        let ts = i;
        while i < e && !separator(chars[i]) {
            i += 1;
        }
        let te = i;
        // `低脂 Low Fat`, `高蛋白 High Protein`: a claim's English after it translates it —
        // a word of Latin letters alone is no piece of its own (blind audit round 18).
        if chars[ts..te]
            .iter()
            .all(|c| c.is_ascii_alphabetic() || *c == '-')
        {
            continue;
        }
        pieces += 1;
        let mut p = ts;
        let mut no_added = false;
        while p < te {
            match table.claim_word_at(chars, p, te, market) {
                Some(m) if !m.spaced && m.end > p => {
                    p = m.end;
                    if m.no_added {
                        // `零添加特级生抽酱油`: a name begun by the no-added words is the
                        // product name (whose words the name rules judge).
                        let named =
                            te - ts > 6 && "油醋酱奶乳茶汁粉饼酒面米肠".contains(chars[te - 1]);
                        if named {
                            return Vec::new();
                        }
                        no_added = true;
                        p = te;
                    }
                }
                _ => break,
            }
        }
        if p > ts && p >= te {
            claims.push((ts, te, no_added));
        } else if te - ts >= 3
            && name_end(&chars[ts..te]).is_some_and(|c| {
                "奶乳料品包糕糖力茶汁粉油酱醋酒肠肉片条面米豆果仁酥卷丸饺粥冻酪水露膏块棒脯干化饼"
                    .contains(c)
            })
        {
            // A food's name beside the claims (`高蛋白 乳清蛋白威化`, `无乳糖 纯牛奶`,
            // `无乳糖 舒化奶（调制乳）`: ending in a food word, a bracketed kind after it
            // looked through): the line is the product name, whose claim words the name
            // reading takes. A slogan (`0反式脂肪 酥香可口`) leaves the line a claim line.
            return Vec::new();
        }
    }
    if !claims.is_empty() && claims.len() * 2 >= pieces {
        claims
    } else {
        Vec::new()
    }
}

/// The last character of a name, a closing bracket looked through (`舒化奶（调制乳）` ends in
/// 乳, the kind's last word).
fn name_end(piece: &[char]) -> Option<char> {
    let mut end = piece.len();
    while end > 0 && matches!(piece[end - 1], ')' | '）') {
        end -= 1;
    }
    end.checked_sub(1).map(|i| piece[i])
}

/// `不含防腐剂`, `无蔗糖`, `本品不含香精`: a line that is only 无 / 不含 / 零 / 0 / 没有 (after an
/// optional 本品 / 本产品) and one word of two to eight Chinese characters — the char range
/// of that word. Nutrient claims (无糖, 0脂肪) are the claim table's and are read first; the
/// caller takes no such line before anything else is read (the first line is the name:
/// 无醇啤酒).
/// An ingredient's content on a line of its own, as GB 7718 A.5.1 lists the forms.
#[derive(Debug, PartialEq)]
struct ContentLine {
    ingredient: String,
    value: String,
    unit: Option<String>,
    /// `min` (≥, 不少于, 不低于), `max` (≤, 不高于, 不超过) or `exact`.
    kind: &'static str,
}

/// `蔗糖含量：0g/100g`, `牛肉含量≥30%`, `果汁含量不低于10%`: a Chinese name of one to ten
/// characters, 含量 (的含量, 含量为), an optional colon and bound, then a number and a content
/// unit (%, g/100g, g/100mL, mg/100g, g/kg…) or nothing after a zero. Anything else on the
/// line, or a name that is not Chinese, and the line is not one.
fn content_declaration(chars: &[char], start: usize, end: usize) -> Option<ContentLine> {
    let (s, mut e) = lines::trim(chars, start, end);
    while e > s && matches!(chars[e - 1], '。' | '；' | ';' | '.' | '，' | ',') {
        e -= 1;
    }
    // `0蔗糖（蔗糖含量：0g/100g）`: the emphasis of a low or absent ingredient, then its
    // content in brackets (GB 7718-2025 4.4.2 asks for the content; where it is printed is
    // free) — the bracket is the line. Only after such an emphasis naming the same
    // ingredient: `比利时黑巧克力（可可含量70%）` is a name.
    if e > s + 2 && matches!(headings::fold(chars[e - 1]), ')' | '）') {
        if let Some(open) = (s..e - 1).rfind(|&i| matches!(headings::fold(chars[i]), '(' | '（')) {
            let lead: String = chars[s..open].iter().map(|c| headings::fold(*c)).collect();
            let emphasis = [
                "0",
                "零",
                "无",
                "不含",
                "不添加",
                "无添加",
                "未添加",
                "低",
                "少",
                "减",
            ]
            .iter()
            .any(|w| lead.starts_with(w));
            if (2..=12).contains(&lead.chars().count()) && emphasis {
                if let Some(d) = content_declaration(chars, open + 1, e - 1) {
                    if lead.contains(d.ingredient.as_str()) {
                        return Some(d);
                    }
                }
            }
        }
    }
    let line: String = chars[s..e]
        .iter()
        .map(|c| headings::fold(*c))
        .filter(|c| !c.is_whitespace())
        .collect();
    let at = line.find("含量")?;
    let name = line[..at].strip_suffix('的').unwrap_or(&line[..at]);
    let n = name.chars().count();
    if !(1..=10).contains(&n) || !name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return None;
    }
    // 净含量 is the net content, 固形物含量 the drained weight: headings of their own.
    if name.ends_with('净') || name.contains("固形物") {
        return None;
    }
    let mut rest = &line[at + "含量".len()..];
    rest = rest.strip_prefix('为').unwrap_or(rest);
    rest = rest.strip_prefix(':').unwrap_or(rest);
    let bounds: [(&str, &'static str); 11] = [
        ("≥", "min"),
        (">=", "min"),
        ("不少于", "min"),
        ("不低于", "min"),
        ("不小于", "min"),
        ("≤", "max"),
        ("<=", "max"),
        ("不高于", "max"),
        ("不超过", "max"),
        ("不大于", "max"),
        ("<", "max"),
    ];
    let (kind, rest) = bounds
        .iter()
        .find_map(|(w, k)| rest.strip_prefix(w).map(|r| (*k, r)))
        .unwrap_or(("exact", rest));
    let digits = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map_or(rest.len(), |(i, _)| i);
    let (value, unit) = rest.split_at(digits);
    if value.is_empty() || !value.starts_with(|c: char| c.is_ascii_digit()) || value.ends_with('.')
    {
        return None;
    }
    const UNITS: &[&str] = &[
        "%",
        "g/100g",
        "g/100mL",
        "g/100ml",
        "mg/100g",
        "mg/100mL",
        "mg/100ml",
        "μg/100g",
        "µg/100g",
        "g/kg",
        "mg/kg",
        "g/L",
        "mg/L",
        "克/100克",
        "毫克/100克",
        "克/100毫升",
        "毫克/100毫升",
    ];
    let unit = match unit {
        "" if value.trim_start_matches(['0', '.']).is_empty() => None,
        u if UNITS.contains(&u) => Some(u.to_string()),
        _ => return None,
    };
    Some(ContentLine {
        ingredient: name.to_string(),
        value: value.to_string(),
        unit,
        kind,
    })
}

fn absent_ingredient(
    chars: &[char],
    table: &headings::Headings,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let (s, mut e) = lines::trim(chars, start, end);
    while e > s && matches!(chars[e - 1], '。' | '！' | '!' | '.') {
        e -= 1;
    }
    let line: String = chars[s..e].iter().collect();
    let words = &table.words;
    let body = ["本产品", "本品"]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .unwrap_or(&line);
    // Not 零 (零陵, a place; 零添加 is the claim table's).
    let rest = words
        .absent_leads
        .iter()
        .find_map(|p| body.strip_prefix(p.as_str()))?;
    let n = rest.chars().count();
    let cjk = rest.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    // 无添加 / 不含添加 are the no-added wordings (the claim table's), not an ingredient; a
    // line begun by a nutrient claim (`无糖乌龙茶饮料`, a name) is no such line, nor is a
    // longer word ending in a food word (a product name).
    let food_end = n >= 3
        && rest.chars().last().is_some_and(|c| {
            "奶乳料品包糕力茶汁粉油酱醋酒肠肉片条面米豆果仁酥卷丸饺粥冻酪水露膏块棒脯干饼"
                .contains(c)
        });
    // Words that begin with 无 without negating (无花果 fig, 无锡 and 无为 places).
    let not_negation = words
        .absent_not_negation
        .iter()
        .any(|w| body.starts_with(w.as_str()));
    if !(2..=8).contains(&n)
        || !cjk
        || not_negation
        || rest.starts_with("添加")
        || food_end
        || table.claim_word_at(chars, s, e, "CN").is_some()
    {
        return None;
    }
    let ws = e - n;
    Some((ws, e))
}

/// Places the claims of claim lines `vs..ve` (one line or several).
fn place_claims(b: &mut Builder, vs: usize, ve: usize) {
    let mut ls = vs;
    while ls < ve {
        let le = (ls..ve).find(|&i| b.chars[i] == '\n').unwrap_or(ve);
        let claims = claims_in_line(b.chars, b.headings, b.market, ls, le);
        for &(s, e, no_added) in &claims {
            let mut claim = Map::new();
            claim.insert("text".into(), json!(text_of(b.chars, s, e)));
            if no_added {
                claim.insert("kind".into(), json!("no_added"));
            }
            b.push("/claims", Value::Object(claim), s, e);
        }
        // `钠含量比普通挂面降低24%`: a comparative claim with its difference (表C.3 / 2025
        // 表C.2), judged on the stated percentage.
        let (s, e) = lines::trim(b.chars, ls, le);
        if claims.is_empty() && b.market == "CN" && s < e {
            if let Some(c) = values::cn_comparative_claim(&text_of(b.chars, s, e)) {
                let mut claim = Map::new();
                claim.insert("text".into(), json!(text_of(b.chars, s, e)));
                claim.insert("kind".into(), json!("comparative"));
                claim.insert("nutrient".into(), json!(c.nutrient));
                claim.insert("level".into(), json!(c.level));
                if let Some(n) = Builder::number(&c.change_percent) {
                    claim.insert("change_percent".into(), n);
                }
                if let Some(r) = c.reference {
                    claim.insert("reference_food".into(), json!(r));
                }
                b.push("/claims", Value::Object(claim), s, e);
            }
        }
        ls = le + 1;
    }
}

/// A Chinese product name that begins with claim words (`高钙牛奶`, `无糖乌龙茶饮料`) makes
/// that claim: GB 28050 judges a content claim wherever it is printed, the name included.
/// Only the words at the start are taken, and only when a name follows them. So does a US
/// name that begins with one defined claim term (`Fat Free Italian Dressing`, 101.13(b)).
fn infer_name_claims(b: &mut Builder) {
    let Some((s, e)) = b.field_span("/product_name/text") else {
        return;
    };
    // `低钠盐（加碘）`: the name of a kind of food, no claim on it (headings.toml
    // `names_not_claims`).
    let name = text_of(b.chars, s, e);
    if b.headings
        .words
        .names_not_claims
        .iter()
        .any(|w| name.starts_with(w.as_str()))
    {
        return;
    }
    // `薄荷味无糖口香糖`: a flavour (…味) before the claim words; they start after it.
    let s = match b.headings.claim_word_at(b.chars, s, e, b.market) {
        Some(_) => s,
        None => (s..e.min(s + 6))
            .find(|&i| b.chars[i] == '味')
            .map(|i| i + 1)
            .filter(|&i| i < e && b.headings.claim_word_at(b.chars, i, e, b.market).is_some())
            .unwrap_or(s),
    };
    let mut p = s;
    let mut no_added = false;
    while p < e {
        match b.headings.claim_word_at(b.chars, p, e, b.market) {
            Some(m) if !m.spaced && m.end > p => {
                p = m.end;
                if m.no_added {
                    no_added = true;
                    break;
                }
            }
            // `Fat Free Italian Dressing`: one whole US claim term before the food's name
            // (a claim may be made in a brand or product name, 21 CFR 101.13(b)); the terms
            // that also begin names (Light, Lean, Nonfat) are not in the table.
            Some(m) if m.spaced && b.market == "US" && p == s && m.end > p => {
                p = m.end;
                no_added = m.no_added;
                break;
            }
            _ => break,
        }
    }
    // `葱香苏打饼干（低脂）`: claim words alone in a bracket that ends the name make that claim
    // too (Chinese names only; the bracket's words must all be claim words).
    if p == s && !no_added && b.market == "CN" {
        if let Some((cs, ce)) = bracketed_claim_at_end(b, s, e) {
            push_name_claim(b, cs, ce);
        }
        return;
    }
    // A no-added word names what is not added up to the name's noun: not split here.
    if p == s || p >= e || no_added {
        return;
    }
    push_name_claim(b, s, p);
}

/// Pushes the claim words `s..e` of the product name as a claim, unless the same words are
/// a claim already (printed on a line of their own too: one claim).
fn push_name_claim(b: &mut Builder, s: usize, e: usize) {
    let words = text_of(b.chars, s, e);
    let printed = |c: &Value| c.get("text").and_then(Value::as_str) == Some(words.as_str());
    if let Some(Value::Array(claims)) = b.doc.get("claims") {
        if claims.iter().any(printed) {
            return;
        }
    }
    let mut claim = Map::new();
    claim.insert("text".into(), json!(words));
    b.push("/claims", Value::Object(claim), s, e);
}

/// The inside of a bracket that ends the name `s..e` (`（低脂）`, `(无糖)`), when it is claim
/// words and nothing else, and the name has words before it.
fn bracketed_claim_at_end(b: &Builder, s: usize, e: usize) -> Option<(usize, usize)> {
    let (s, e) = lines::trim(b.chars, s, e);
    if e <= s + 2 || !matches!(b.chars[e - 1], '）' | ')') {
        return None;
    }
    let open = (s..e - 1)
        .rev()
        .find(|&i| matches!(b.chars[i], '（' | '('))?;
    let (cs, ce) = lines::trim(b.chars, open + 1, e - 1);
    if open <= s || cs >= ce {
        return None;
    }
    let mut p = cs;
    while p < ce {
        match b.headings.claim_word_at(b.chars, p, ce, b.market) {
            Some(m) if !m.spaced && !m.no_added && m.end > p => p = m.end,
            _ => return None,
        }
    }
    Some((cs, ce))
}

/// A certification body (`认证机构：…`) belongs to the mark next to it: each is given to the
/// first mark printed without one, in order; with no mark read, the line is unread.
fn place_certifiers(b: &mut Builder) {
    for (s, e) in std::mem::take(&mut b.certifiers) {
        let open = match b.doc.get("eco_labels") {
            Some(Value::Array(marks)) => marks.iter().position(|m| m.get("certifier").is_none()),
            _ => None,
        };
        let mark = open.and_then(|i| match b.doc.get_mut("eco_labels") {
            Some(Value::Array(marks)) => marks.get_mut(i).map(|m| (i, m)),
            _ => None,
        });
        match mark {
            Some((i, Value::Object(m))) => {
                m.insert("certifier".into(), json!(text_of(b.chars, s, e)));
                let span = b.span(s, e);
                b.fields.push(SourceField {
                    pointer: format!("/eco_labels/{i}/certifier"),
                    span,
                    verbatim: true,
                });
            }
            _ => b.unread(s, e, "a certification body with no mark read"),
        }
    }
}

/// The preparation a usage paragraph gives. GB 10765/10766/10767-2021 4 (5) asks for the
/// instructions for use and preparation and prescribes no heading; many tins print the
/// making-up steps under 食用方法 (GB 13432's own word), so a usage text that makes up the
/// feed (a making-up word and water, a spoon or a temperature) is also the preparation when
/// no preparation is printed under its own heading. A reference to the diagram inside a
/// usage or preparation text (`…摇匀后试温喂哺（冲调图示见罐身）`) says where the diagram is, as
/// the same words on a line of their own do.
fn infer_preparation(b: &mut Builder) {
    let making_up = &b.headings.words.making_up;
    let field = |b: &Builder, p: &str| {
        b.fields
            .iter()
            .find(|f| f.pointer == p)
            .map(|f| (f.span.start, f.span.end, f.span.text.clone()))
    };
    let usage = field(b, "/population/usage");
    let preparation = field(b, "/population/preparation/text");
    if preparation.is_none() {
        if let Some((s, e, text)) = &usage {
            let makes_up = making_up.iter().any(|w| text.contains(w.as_str()))
                && ["水", "勺", "℃", "°C"].iter().any(|w| text.contains(w));
            if makes_up {
                b.set_text("/population/preparation/text", *s, *e);
            }
        }
    }
    if field(b, "/population/preparation/diagram").is_none() {
        let refers = |t: &str| {
            (t.contains("图示") || t.contains("示意图"))
                && making_up.iter().any(|w| t.contains(w.as_str()))
        };
        if let Some((s, e, _)) = [usage, preparation]
            .into_iter()
            .flatten()
            .find(|(_, _, t)| refers(t))
        {
            b.set("/population/preparation/diagram", json!(true), s, e, false);
        }
    }
}

/// Merges `extra` under `doc`: keys the text did not give are added; objects are merged
/// key by key; a different scalar the text gave is kept and reported as a conflict.
fn merge_under(
    doc: &mut Map<String, Value>,
    extra: &Map<String, Value>,
    at: &str,
    conflicts: &mut Vec<Conflict>,
    fields: &[SourceField],
    index: &CharIndex,
) {
    for (k, v) in extra {
        let pointer = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
        match (doc.get_mut(k), v) {
            (None, v) => {
                doc.insert(k.clone(), v.clone());
            }
            (Some(Value::Object(d)), Value::Object(e)) => {
                merge_under(d, e, &pointer, conflicts, fields, index);
            }
            (Some(d), v) if d != v && conflicts.len() < MAX_LISTED => {
                // The printed value stays; the given one is named by an empty span.
                let kept = fields
                    .iter()
                    .find(|f| f.pointer == pointer)
                    .map_or_else(|| index.span("/text", 0, 0), |f| f.span.clone());
                conflicts.push(Conflict {
                    pointer,
                    kept,
                    other: Span {
                        field: "/extra".into(),
                        start: 0,
                        end: 0,
                        utf16_start: 0,
                        utf16_end: 0,
                        text: v.to_string(),
                    },
                });
            }
            _ => {}
        }
    }
}

/// A headed item whose end is not known yet: `hs` heading start, `vs..ve` its value.
#[derive(Clone, Copy)]
struct Open {
    target: Target,
    hs: usize,
    vs: usize,
    ve: usize,
}

/// Places an item once its last line is known.
fn close(b: &mut Builder, mut o: Open) {
    // `生产日期：20270301/20270831` over `（生产日期/保质期到期日）`: the legend under the pair
    // names the second date, as a heading pair would (GB 7718-2025 4.7.1; blind audit round 24).
    if o.target == Target::ProductionDate && legend_below(b.chars, o.vs, o.ve) {
        o.target = Target::ProductionAndExpiry;
    }
    b.item += 1;
    let heading = text_of(b.chars, o.hs, o.vs);
    let no_colon = !heading.contains([':', '：', '】', ']', '』']);
    // On a Chinese label an item under a heading in Latin letters only (`INGREDIENTS:` of a
    // back label's original text beside the sticker's `配料：`) gives way to the Chinese one:
    // GB 7718 asks for the Chinese (3.4 / 2025 3.3; blind audit round 22).
    let foreign = b.market == "CN"
        && heading.chars().any(|c| c.is_ascii_alphabetic())
        && !heading
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    b.weak = no_colon || foreign;
    b.count = no_colon
        && o.target == Target::NetContent
        && values::count_only(&text_of(b.chars, o.vs, o.ve));
    if b.count {
        b.count_items.push(b.item);
    }
    close_item(b, o);
    b.weak = false;
    b.count = false;
}

fn close_item(b: &mut Builder, o: Open) {
    if o.vs >= o.ve && is_party(o.target) {
        // A party's heading alone: its lines follow (see `place`).
        place(b, o.target, o.hs, o.vs, o.ve);
        return;
    }
    if o.vs >= o.ve {
        // A heading with nothing after it (nor on the next line): nothing is read.
        let end = o.ve.max(o.hs + 1).min(b.chars.len());
        b.unread(o.hs, end, "a heading with no value");
        return;
    }
    // `温馨提示：本品含有小麦、大豆`: a notice heading over the allergen statement, which
    // GB 7718-2025 D.2.2 lets go without a lead word of its own. 温馨提示 / 注意事项 head many
    // notices, so only a value that opens as an allergen statement does (the table's
    // allergen line starts: 含有, 本品含有, 可能含有, 此生产线也加工…); it is the statement.
    let o = match o.target {
        Target::Statement if opens_allergen_statement(b, o.vs, o.ve) => Open {
            target: Target::Allergens,
            hs: o.vs,
            ..o
        },
        _ => o,
    };
    match o.target {
        Target::Ingredients => {
            place_wrapped(b, o.target, o.hs, o.ve);
            // `INGREDIENTS` alone on its line, or with no colon: the heading is the lead word
            // (Art 18(1): a heading that 'consists of or includes the word "ingredients"'),
            // which the list's own reader finds only before a colon.
            let head = text_of(b.chars, o.hs, o.vs);
            let first = head
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .trim_end_matches(['｜', '|', ' ', '\u{3000}'])
                .to_string();
            if !first.is_empty() && !head.contains([':', '：', '】', ']', '』']) {
                let end = o.hs + first.chars().count();
                b.set("/ingredients/lead_word", json!(first), o.hs, end, true);
            }
        }
        Target::Care | Target::Statement => place_wrapped(b, o.target, o.vs, o.ve),
        Target::Claim => place_claims(b, o.vs, o.ve),
        Target::AbsentIngredient => {
            if let Some((ws, we)) = absent_ingredient(b.chars, b.headings, o.vs, o.ve) {
                let (s, e) = lines::trim(b.chars, o.vs, o.ve);
                let v = json!({
                    "ingredient": text_of(b.chars, ws, we),
                    "how": "text",
                    "kind": "absent",
                    "text": text_of(b.chars, s, e),
                });
                b.push("/emphasised_ingredients", v, s, e);
            }
        }
        Target::ContentDeclaration => {
            if let Some(d) = content_declaration(b.chars, o.vs, o.ve) {
                let (s, e) = lines::trim(b.chars, o.vs, o.ve);
                let mut v = Map::new();
                v.insert("ingredient".into(), json!(d.ingredient));
                if let Some(n) = Builder::number(&d.value) {
                    v.insert("value".into(), n);
                }
                if let Some(u) = d.unit {
                    v.insert("unit".into(), json!(u));
                }
                v.insert("kind".into(), json!(d.kind));
                v.insert("text".into(), json!(text_of(b.chars, s, e)));
                b.push("/quantitative_declarations", Value::Object(v), s, e);
            }
        }
        Target::NutritionStatement => {
            let (s, e) = lines::trim(b.chars, o.vs, o.ve);
            if s < e {
                // Placed once the whole text is read: the table may come after it.
                b.nutrition_statements.push((s, e));
            }
        }
        t => place(b, t, o.hs, o.vs, o.ve),
    }
}

/// Whether a date broken over two lines goes on (`保质期至：2027年` over `08月31日`): the
/// date's value ends in 年 or 月 and the next line, short, begins with a digit.
fn date_goes_on(chars: &[char], o: &Open, s: usize, e: usize) -> bool {
    if !matches!(
        o.target,
        Target::ProductionDate | Target::Expiry | Target::ProductionAndExpiry
    ) {
        return false;
    }
    let (vs, ve) = lines::trim(chars, o.vs, o.ve);
    let ends_open = vs < ve && matches!(chars[ve - 1], '年' | '月');
    let next = lines::trim(chars, s, e);
    ends_open
        && next.1 - next.0 <= 12
        && chars
            .get(next.0)
            .is_some_and(|c| headings::fold(*c).is_ascii_digit())
}

/// Whether an item that may wrap (`s..e`) goes on to the next line: it ends with a list
/// separator (`、`, `，`, `；`…) or inside an open bracket. A line after a finished list is
/// not swallowed into it. The bracket depth is kept in `depth` (the item's start, how far
/// it was counted, the depth there) and counted on from there as the item grows, so an item
/// of many lines is not counted again at every line (20 000 lines took seconds).
fn continues(chars: &[char], s: usize, e: usize, depth: &mut (usize, usize, i64)) -> bool {
    let (s, e) = lines::trim(chars, s, e);
    let Some(&last) = chars[s..e].last() else {
        return false;
    };
    if matches!(
        headings::fold(last),
        '、' | ',' | '，' | ';' | '；' | '(' | '（' | '[' | '【' | ':' | '：' | '·'
    ) {
        return true;
    }
    if depth.0 != s || depth.1 > e || depth.1 < s {
        *depth = (s, s, 0);
    }
    for &c in &chars[depth.1..e] {
        match headings::fold(c) {
            '(' | '（' | '[' | '【' => depth.2 += 1,
            ')' | '）' | ']' | '】' => depth.2 -= 1,
            _ => {}
        }
    }
    depth.1 = e;
    depth.2 > 0
}

/// Whether a heading-less line names only a nutrition declaration's basis (`Per 100 g /
/// Pour 100 g / Pro 100 g:`) and the next line is a row of one: the title of a table printed
/// without a nutrition word.
fn basis_title(
    b: &Builder,
    table: &Headings,
    scope: HeadingScope<'_>,
    all_lines: &[(usize, usize)],
    li: usize,
    item: &lines::Item,
) -> bool {
    let line = text_of(b.chars, item.start, item.end);
    if line.chars().count() > 120
        || !matches!(
            nutrition::read_line(&line),
            nutrition::Line::Header(Some(_))
        )
    {
        return false;
    }
    let next = all_lines
        .get(li..)
        .unwrap_or_default()
        .iter()
        .map(|&(s, e)| lines::trim(b.chars, s, e))
        .find(|(s, e)| s < e);
    next.is_some_and(|(s, e)| {
        table.at_start(b.chars, s, e, scope).is_none()
            && matches!(
                nutrition::read_line(&text_of(b.chars, s, e)),
                nutrition::Line::Row(_)
            )
    })
}

/// `消费者服务热线：400-…（周一至周五 9:00-17:00）`: the health-food complaint phone (SAMR 2019
/// No. 29 item 3) is also the way to contact the maker when the label prints no other
/// (GB 7718's 联系方式): recorded as the producer's contact, not verbatim of another heading.
fn contact_from_complaint_phone(b: &mut Builder) {
    let has_contact = b.fields.iter().any(|f| f.pointer.ends_with("/contact"));
    if has_contact {
        return;
    }
    let Some((s, e)) = b.field_span("/population/health_food/complaint_phone") else {
        return;
    };
    let v = text_of(b.chars, s, e);
    b.set("/producer/contact", Value::String(v), s, e, false);
}

/// `无蔗糖豆奶`: a name that opens by saying the food lacks an ingredient (an absent lead, then
/// a word of `absent_in_name`) stresses its absence, as a `不含X` line does: an emphasised
/// ingredient of kind `absent`, shown by the name.
fn infer_absent_in_name(b: &mut Builder) {
    let Some((s, e)) = b.field_span("/product_name/text") else {
        return;
    };
    let name = text_of(b.chars, s, e);
    let words = &b.headings.words;
    let Some(rest) = words
        .absent_leads
        .iter()
        .find_map(|l| name.trim_start().strip_prefix(l.as_str()))
    else {
        return;
    };
    let Some(ingredient) = words
        .absent_in_name
        .iter()
        .filter(|w| rest.starts_with(w.as_str()))
        .max_by_key(|w| w.len())
    else {
        return;
    };
    let already = matches!(b.doc.get("emphasised_ingredients"), Some(Value::Array(list))
        if list.iter().any(|x| x.get("ingredient").and_then(Value::as_str) == Some(ingredient)));
    if !already {
        let v = json!({
            "ingredient": ingredient,
            "how": "name",
            "kind": "absent",
            "text": name.trim(),
        });
        b.push("/emphasised_ingredients", v, s, e);
    }
}

/// `糖水黄桃罐头`: a canned food whose name says its solid is packed in a liquid (words
/// `canned_in_liquid`) is a solid in a liquid medium (`net_content.solid_in_liquid`), which
/// the drained-weight rules read; recorded on the name's characters, not verbatim.
fn infer_solid_in_liquid(b: &mut Builder) {
    if b.doc
        .get("net_content")
        .is_none_or(|n| n.get("solid_in_liquid").is_some())
    {
        return;
    }
    let Some((s, e)) = b.field_span("/product_name/text") else {
        return;
    };
    let name = text_of(b.chars, s, e);
    if name.contains("罐头")
        && b.headings
            .words
            .canned_in_liquid
            .iter()
            .any(|w| name.contains(w.as_str()))
    {
        b.set("/net_content/solid_in_liquid", json!(true), s, e, false);
    }
}

/// `适合身高75-90cm`, `身高：90cm`, `身高80～90厘米`: the largest body height a size is
/// printed for (GB 18401 5.3 / GB 31701 treat a size for heights of 100 cm or less as an
/// infant's), read from the first such words of a textile label. Only after 身高: a size
/// such as `70×140cm` (a towel) or `90cm` alone is no body height.
fn infer_height(b: &mut Builder) {
    if b.doc
        .get("textile")
        .and_then(|t| t.get("height_cm_max"))
        .is_some()
    {
        return;
    }
    let Some(at) = b.chars.windows(2).position(|w| w == ['身', '高']) else {
        height_from_size(b);
        return;
    };
    let mut i = at + 2;
    let end = (i + 24).min(b.chars.len());
    while i < end && matches!(headings::fold(b.chars[i]), ':' | ' ' | '为' | '约') {
        i += 1;
    }
    let start = i;
    let mut max: Option<u32> = None;
    let mut j = i;
    while j < end {
        let c = headings::fold(b.chars[j]);
        if c.is_ascii_digit() {
            let k0 = j;
            while j < end && headings::fold(b.chars[j]).is_ascii_digit() {
                j += 1;
            }
            let n: String = b.chars[k0..j].iter().map(|c| headings::fold(*c)).collect();
            max = n.parse::<u32>().ok().max(max);
            continue;
        }
        if matches!(c, '-' | '~' | '～' | '—' | '–' | '至' | '到') {
            j += 1;
            continue;
        }
        break;
    }
    let unit: String = b.chars[j..(j + 2).min(b.chars.len())].iter().collect();
    let cm = unit.starts_with("cm") || unit.starts_with("CM") || unit == "厘米";
    if let Some(h) = max.filter(|h| cm && (40..=200).contains(h)) {
        let e = (j + 2).min(b.chars.len());
        b.set("/textile/height_cm_max", json!(h), start, e, false);
    }
}

/// `号型：73/48`, `80/48`, `90cm`: a garment's size printed as GB/T 1335 号型 (body height
/// first, then the chest or waist girth) or as a height in cm alone — the largest body height
/// the size is for, read when no 身高 words are printed (blind audit, session 28: an infant's
/// 73/48 bodysuit was not taken for an infant product). Only a size that begins with the
/// height: `M (170/88A)` or `70cm×140cm` (a towel) gives none.
fn height_from_size(b: &mut Builder) {
    let Some((s, e)) = b
        .fields
        .iter()
        .find(|f| f.pointer == "/textile/size")
        .map(|f| (f.span.start, f.span.end))
    else {
        return;
    };
    let e = e.min(b.chars.len());
    let mut i = s;
    while i < e && headings::fold(b.chars[i]).is_whitespace() {
        i += 1;
    }
    let k0 = i;
    while i < e && headings::fold(b.chars[i]).is_ascii_digit() {
        i += 1;
    }
    let Ok(h) = b.chars[k0..i]
        .iter()
        .map(|c| headings::fold(*c))
        .collect::<String>()
        .parse::<u32>()
    else {
        return;
    };
    let rest: String = b.chars[i..e]
        .iter()
        .map(|c| headings::fold(*c))
        .collect::<String>();
    let rest = rest.trim_start();
    let girth_after = rest
        .strip_prefix('/')
        .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    let cm_alone = (rest.starts_with("cm") || rest.starts_with("CM") || rest.starts_with("厘米"))
        && !rest.contains(['×', 'x', 'X', '*']);
    if (girth_after || cm_alone) && (40..=200).contains(&h) {
        b.set("/textile/height_cm_max", json!(h), k0, i, false);
    }
}

/// Whether the line `s..e` is a part's label alone, its fibres on the next lines (`里料：`,
/// `Lining:`, `Lining / Doublure:` under the shell's fibres): more of the fibre content (GB/T
/// 29862 6: the parts declared apart; EU 1007/2011 Art 11), not a line of its own. A colon
/// ends it, no figure in it, a few words.
fn part_label_alone(chars: &[char], s: usize, e: usize) -> bool {
    let (s, e) = lines::trim(chars, s, e);
    s < e
        && e - s <= 40
        && headings::fold(chars[e - 1]) == ':'
        && !chars[s..e]
            .iter()
            .any(|c| headings::fold(*c).is_ascii_digit() || matches!(c, '%' | '％'))
}

/// Whether the line `s..e` goes on with fibre content `vs..ve` printed a fibre and its
/// share a line each (`棉` / `60%` / `聚酯纤维` / `40%`, or the share first: `60%` /
/// `cotton`): a share alone after a line that is not one, or a fibre's name alone after a
/// share alone. Each fibre still has its share (GB/T 29862 6.2; EU 1007/2011 Art 9); the
/// column layout only put them on lines of their own.
fn fibre_pair_goes_on(chars: &[char], vs: usize, ve: usize, s: usize, e: usize) -> bool {
    if vs >= ve {
        return false;
    }
    let last_start = chars[vs..ve]
        .iter()
        .rposition(|c| *c == '\n')
        .map_or(vs, |i| vs + i + 1);
    let after_share = share_alone(&text_of(chars, last_start, ve));
    let line = text_of(chars, s, e);
    match share_alone(&line) {
        true => !after_share,
        false => after_share && fibre_name_alone(&line),
    }
}

/// Whether the line `s..e` ends a warning `vs..ve` the line break cut (`保健食品不是药物，不能
/// 代替药物` over `治疗疾病`, SAMR 2019 No. 29's warning, which ends with 疾病): the warning
/// has not reached its last word and the line, a few Chinese words, ends with it (blind audit
/// round 23; `牛磺酸锌软胶囊` under a whole warning is the name, not more of it).
fn warning_goes_on(chars: &[char], vs: usize, ve: usize, s: usize, e: usize) -> bool {
    let (s, e) = lines::trim(chars, s, e);
    let line: String = chars[s..e].iter().collect();
    let line = line.trim_end_matches(['。', '！', '!', '.']);
    vs < ve
        && !text_of(chars, vs, ve).contains("疾病")
        && line.ends_with("疾病")
        && line.chars().count() <= 12
        && line
            .chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || matches!(c, '，' | '、'))
}

/// Whether the value `vs..ve` is two dates parted by a slash and the next line is a bracketed
/// legend naming the production date and the expiry (`（生产日期/保质期到期日）`).
fn legend_below(chars: &[char], vs: usize, ve: usize) -> bool {
    let value: String = chars[vs..ve].iter().collect();
    let two_dates = value.split(['/', '／']).count() == 2
        && value
            .split(['/', '／'])
            .all(|d| d.trim().chars().filter(char::is_ascii_digit).count() >= 6);
    if !two_dates {
        return false;
    }
    let rest = &chars[ve.min(chars.len())..];
    let rest: String = rest
        .iter()
        .skip_while(|c| c.is_whitespace())
        .take_while(|c| **c != '\n')
        .collect();
    let rest = rest.trim();
    rest.starts_with(['（', '('])
        && rest.ends_with(['）', ')'])
        && rest.contains("生产日期")
        && (rest.contains("保质期") || rest.contains("到期"))
        && !rest.chars().any(|c| c.is_ascii_digit())
}

/// A fibre's share alone on its line (`60%`, `６０％`).
fn share_alone(line: &str) -> bool {
    let line: String = line.trim().chars().map(headings::fold).collect();
    line.strip_suffix('%').is_some_and(|figure| {
        figure
            .trim()
            .parse::<f64>()
            .is_ok_and(|v| (0.0..=100.0).contains(&v))
    })
}

/// One fibre's name alone on its line (`聚酯纤维`, `cotton`), as the fibre parser reads it.
fn fibre_name_alone(line: &str) -> bool {
    let parsed = crate::label::fibre_text::parse_fibre_text(line);
    parsed.unparsed.is_empty()
        && matches!(parsed.components.as_slice(), [c] if c.part.is_none()
            && matches!(c.fibres.as_slice(), [f] if f.percent.is_none()))
}

/// Whether the line `s..e` is a row of a table (cells parted by tabs or bars): under a feeding table's heading (`喂哺参考表`, `饮用参考表`: GB 13432 4.4's per-meal
/// amounts) the rows are the usage, not lines of their own.
fn table_row(chars: &[char], s: usize, e: usize) -> bool {
    chars[s..e].iter().any(|c| matches!(c, '\t' | '|' | '｜'))
}

/// Whether the line `s..e` is the class of a safety category whose standard the line
/// before ended with (`安全类别：GB 18401-2010` over `B类`, GB 18401-2010 5.3): the value
/// holds no class yet, and the line opens with one.
fn class_goes_on(chars: &[char], vs: usize, ve: usize, s: usize, e: usize) -> bool {
    let (s, e) = lines::trim(chars, s, e);
    let line: Vec<char> = chars[s..e].iter().map(|c| headings::fold(*c)).collect();
    vs < ve
        && !chars[vs..ve].contains(&'类')
        && matches!(line.as_slice(), ['A' | 'B' | 'C', '类', ..])
}

/// Whether the line `s..e` goes on with an ingredient list `vs..ve` that the line break
/// cut without a separator (`配料：生牛乳、白砂` over `糖、嗜热链球菌`, `…, sugar, sunflower`
/// over `oil, honey (4%), salt.`: a list wraps where the line is full, not after a comma).
/// The list has not ended (no full stop), and the line is more of a list: it holds a list
/// separator or ends with the list's full stop, and no colon nor opening bracket of a heading
/// (such a line is an item of its own, known or not). A line that says by itself what it is goes to that instead
/// (checked by the caller).
fn list_goes_on(chars: &[char], vs: usize, ve: usize, s: usize, e: usize) -> bool {
    let (vs, ve) = lines::trim(chars, vs, ve);
    let (s, e) = lines::trim(chars, s, e);
    let ended = |c: char| matches!(headings::fold(c), '。' | '.' | '!' | '！');
    if vs >= ve || s >= e || ended(chars[ve - 1]) {
        return false;
    }
    let line = &chars[s..e];
    let sep = |c: &char| matches!(headings::fold(*c), '、' | ',' | '，' | ';' | '；');
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    // How the line begins tells a cut list from a line of its own: a Chinese line goes on
    // with a short tail of a name (`糖、…`, `链球菌。`) where a statement opens with a clause
    // (`开启后请尽快食用，…`); a line in Latin letters goes on in lower case or with a digit
    // or bracket (`oil, honey (4%), salt.`) where a statement opens with a capital (`May
    // contain nuts, sesame.`, `Serve with milk, yoghurt or fruit.`).
    let first = line[0];
    // `…, Leavening` over `Agents: Baking Soda, Whey, Salt.`, `…, acidity` over `regulator:
    // citric acid`: the list cut inside a class name that a colon closes — one word before
    // the colon, the list's last character a letter.
    let colon = line
        .iter()
        .position(|c| matches!(headings::fold(*c), ':' | '：'));
    let class_cut = colon.is_some_and(|k| {
        k > 0
            && !han(first)
            && line[..k].iter().all(|c| c.is_alphabetic())
            && chars[ve - 1].is_alphabetic()
            && line[k + 1..].iter().any(sep)
    });
    let opens_tail = if han(first) {
        line.iter()
            .take_while(|c| !sep(c) && !ended(**c) && !matches!(c, '(' | '（' | '[' | '［'))
            .count()
            <= 6
    } else {
        first.is_lowercase() || first.is_ascii_digit() || matches!(first, '(' | '（') || class_cut
    };
    opens_tail
        && !matches!(headings::fold(line[0]), '【' | '[' | '〔')
        && (colon.is_none() || class_cut)
        && (line.iter().any(sep)
            || ended(line[line.len() - 1])
            // `蛋液（鸡蛋）` under `…小麦粉］`: one more item with its bracket, the last.
            || (han(first)
                && line.len() <= 20
                && matches!(headings::fold(line[line.len() - 1]), ')' | '）' | ']')
                // Not a name the list already holds (`阿斯巴甜（含苯丙氨酸）` under a list
                // that names it: GB 2760's statement, printed again on its own line).
                // (The list's last few thousand characters: bounded per line.)
                && !chars[vs.max(ve.saturating_sub(4000))..ve]
                    .windows(line.len())
                    .any(|w| w == line)))
}

/// `EXP 20/04/2028 L26288A` (an ink-jet line): a lot code glued to its letter L after the date
/// is the lot (CXS 1-1985 4.6), not part of the date — set as the batch number; returns where
/// the date ends (`ve` when no such code follows it). Not on Chinese labels.
fn lot_after_date(b: &mut Builder, vs: usize, ve: usize) -> usize {
    if b.market == "CN" {
        return ve;
    }
    let chars = &b.chars[vs..ve];
    let Some(blank) = chars.iter().rposition(|c| c.is_whitespace()) else {
        return ve;
    };
    let last: String = chars[blank + 1..].iter().collect();
    if !lot_code_alone(&last) || !chars[..blank].iter().any(char::is_ascii_digit) {
        return ve;
    }
    b.set_text("/dates/batch_number", vs + blank + 1, ve);
    lines::trim(b.chars, vs, vs + blank).1
}

/// `Can end: 31 12 2029  L6335 PA` under `Best before and lot number: see can end.` (a line
/// with no heading the reader knows): a lot code glued to its letter L after a date, with at
/// most a short plant code after it, is the lot (CXS 1-1985 4.6 asks for it 'in code or in
/// clear', under no heading); the line before it stays unread. Not on Chinese labels, nor when
/// a lot was already read. Returns whether the lot was taken.
fn lot_on_unheaded_line(b: &mut Builder, s: usize, e: usize) -> bool {
    if b.market == "CN"
        || b.doc
            .get("dates")
            .and_then(|d| d.get("batch_number"))
            .is_some()
    {
        return false;
    }
    let (s, e) = lines::trim(b.chars, s, e);
    let line = &b.chars[s..e];
    if line.len() > 60 {
        return false;
    }
    // The blank-separated tokens, as char ranges of the line.
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while at < line.len() {
        if line[at].is_whitespace() {
            at += 1;
            continue;
        }
        let start = at;
        while at < line.len() && !line[at].is_whitespace() {
            at += 1;
        }
        tokens.push((start, at));
    }
    let Some(k) = tokens
        .iter()
        .position(|&(ts, te)| lot_code_alone(&line[ts..te].iter().collect::<String>()))
    else {
        return false;
    };
    let after_ok = tokens.len() - k - 1 <= 1
        && tokens[k + 1..].iter().all(|&(ts, te)| {
            te - ts <= 4
                && line[ts..te]
                    .iter()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        });
    // A date before it: day, month and year figures.
    let figures_before = line[..tokens[k].0]
        .iter()
        .filter(|c| c.is_ascii_digit())
        .count();
    if !after_ok || figures_before < 6 {
        return false;
    }
    let lot_start = s + tokens[k].0;
    b.set_text("/dates/batch_number", lot_start, e);
    let (us, ue) = lines::trim(b.chars, s, lot_start);
    if us < ue {
        b.unread(us, ue, "no heading the reader knows");
    }
    true
}

/// Whether a line reads as a sentence of words, not as a table's row or note: eight words or
/// more, a sentence's stop or a comma between them, no footnote mark before it.
fn sentence_line(line: &str) -> bool {
    let t = line.trim();
    let words = t
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    words >= 8 && !t.starts_with(['*', '＊', '※']) && (t.contains(". ") || t.contains(", "))
}

/// Whether a line is a lot code alone, the letter L glued to it: `L26288A`, `L6335`.
fn lot_code_alone(line: &str) -> bool {
    let t = line.trim();
    let Some(rest) = t.strip_prefix('L') else {
        return false;
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits >= 3
        && rest.chars().count() <= 16
        && rest
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '/'))
}

/// Whether a line is a standard's code alone: `GB/T 24399`, `GB 19645-2010`, `Q/XYZ 0001S`,
/// `SB/T 10379` — a code prefix, then its number, nothing else.
fn standard_code_alone(line: &str) -> bool {
    let t = line.trim();
    let Some(rest) = [
        "GB/T", "GB", "QB/T", "SB/T", "NY/T", "LS/T", "RHB/T", "FZ/T", "HG/T", "QB", "T/", "Q/",
    ]
    .iter()
    .find_map(|p| t.strip_prefix(p)) else {
        return false;
    };
    let rest = rest.trim_start();
    rest.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && rest.chars().any(|c| c.is_ascii_digit())
        && rest.chars().count() <= 24
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '/' | ' ' | '—'))
}

/// Whether a Chinese line is a company's name alone: Chinese words ending in a company word
/// (…有限公司, …厂), no figure.
fn company_name_alone(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 40
        && t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && !t.chars().any(|c| headings::fold(c).is_ascii_digit())
        && ["公司", "厂", "集团", "合作社"]
            .iter()
            .any(|w| t.ends_with(w))
}

/// Whether a line is a food production licence number alone: `SC` and 14 digits (blanks
/// between the groups allowed).
fn licence_alone(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.strip_prefix("SC")
        .is_some_and(|d| d.chars().count() == 14 && d.chars().all(|c| c.is_ascii_digit()))
}

/// Whether a Chinese line states the shelf life in a sentence: `保质期` after a short lead
/// (`本品`, `在符合贮存条件下，`) and a figure right after it (GB 7718 asks for the shelf life,
/// not for a heading before it; blind audit round 19).
fn shelf_life_sentence(line: &str) -> bool {
    let Some(at) = line.find("保质期") else {
        return false;
    };
    let lead = &line[..at];
    let lead_ok = lead.is_empty()
        || ["本品", "本产品", "产品"].contains(&lead)
        || (lead.starts_with('在')
            && lead.chars().count() <= 14
            && lead.trim_end_matches(['，', ',']).ends_with('下'));
    let rest = line[at + "保质期".len()..].trim_start_matches(['为', '是', ' ']);
    lead_ok
        && !lead.is_empty()
        && rest
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c))
}

/// Whether the line starting at `s` goes on with an 'Important notice' statement above it
/// (Reg. (EU) 2016/127 Art 6(2)(c): the notice on breast-feeding, printed as a paragraph
/// under its words): the next line of the paragraph, with no blank line between.
fn notice_goes_on(chars: &[char], o: &Open, s: usize) -> bool {
    let head: String = chars[o.hs..o.ve.min(o.hs + 20)]
        .iter()
        .collect::<String>()
        .to_lowercase();
    (head.starts_with("important notice") || head.starts_with("important:"))
        && chars[o.ve..s].iter().filter(|&&c| c == '\n').count() <= 1
}

/// Whether the line `s..e` is a further numbered step (`2.再加粉。`, `3、`, `（2）`, `②`) of
/// a multi-line instruction item: the item goes on even after a step that ended with `。`.
fn next_step(chars: &[char], s: usize, e: usize, open: Target) -> bool {
    if !matches!(
        open,
        Target::Preparation | Target::Usage | Target::Storage | Target::Statement | Target::Care
    ) {
        return false;
    }
    let line: Vec<char> = chars[s..e].iter().map(|c| headings::fold(*c)).collect();
    match line.as_slice() {
        ['(', d, ')', ..] if d.is_ascii_digit() && *d != '1' => true,
        [d, sep, ..] if d.is_ascii_digit() && *d != '0' && *d != '1' => {
            matches!(sep, '.' | '、' | ')' | '．')
        }
        [c, ..] => ('②'..='⑩').contains(c),
        [] => false,
    }
}

/// Whether the line `s..e` is a sub-list of the ingredient list above it, under its own
/// lead before a colon (`Vitamins and Minerals: Calcium carbonate, …`, printed under the
/// list on US cereals; 21 CFR 101.4(a)(1): every ingredient is listed): table `words`,
/// `ingredient_sub_lists`.
/// Where the list starts on a line `<part>配料：…` / `<part>配料表：…` (`面饼配料：小麦粉…`,
/// `调味包配料：食用盐…`), the part one of the table's Chinese sub-list names; None for any
/// other line.
fn part_list_line(words: &WordLists, chars: &[char], s: usize, e: usize) -> Option<usize> {
    let (s, e) = lines::trim(chars, s, e);
    let colon = (s..e.min(s + 12)).find(|&i| matches!(chars[i], ':' | '：'))?;
    let lead = text_of(chars, s, colon);
    let part = lead
        .trim_end()
        .strip_suffix("配料表")
        .or_else(|| lead.trim_end().strip_suffix("配料"))?;
    (colon + 1 < e && !part.is_empty() && words.ingredient_sub_lists.iter().any(|w| w == part))
        .then_some(colon + 1)
}

fn sub_list_line(words: &WordLists, chars: &[char], s: usize, e: usize) -> bool {
    let Some(colon) = (s..e).find(|&i| matches!(chars[i], ':' | '：')) else {
        return false;
    };
    let lead = text_of(chars, s, colon).trim().to_lowercase();
    colon + 1 < e && words.ingredient_sub_lists.contains(&lead)
}

/// Whether an allergen item's value says the food contains none (`Contains no major
/// allergens`, `None`, `No allergens`): the value after the heading, `Contains` left out.
fn states_no_allergen(value: &str) -> bool {
    let l = value.trim().to_lowercase();
    let l = l
        .strip_prefix("contains")
        .map_or(l.as_str(), |r| r.trim_start_matches([' ', ':']));
    let l = l.trim_end_matches(['.', ' ']);
    l == "none"
        || l == "no"
        || ["no ", "none ", "free from ", "no known "]
            .iter()
            .any(|w| l.starts_with(w))
}

/// Whether a target names a party (a food business operator of one kind or another).
fn is_party(t: Target) -> bool {
    matches!(
        t,
        Target::Producer
            | Target::Distributor
            | Target::Importer
            | Target::ContractManufacturer
            | Target::Commissioner
            | Target::GroupCompany
            | Target::OverseasProducer
    )
}

/// Whether the line `s..e` goes on with the party or address item before it: a company name
/// wrapped onto the next line (`厦门柚香园食品` / `有限公司`), or the address on the line under the
/// name (`Distributed by: Orchard Hills Beverage Co.` / `Yakima, WA 98901`; 101.5 asks for the
/// city, state and ZIP), or an address wrapped (`…思明区` / `莲前西路188号3楼`).
fn party_goes_on(chars: &[char], s: usize, e: usize, open: Target) -> bool {
    let party = is_party(open);
    if !party && open != Target::Address {
        return false;
    }
    let line: String = chars[s..e].iter().map(|c| headings::fold(*c)).collect();
    // An address line runs to ≈ 90 characters (`No. 12, Jalan Perindustrian 3, 81700 Pasir
    // Gudang, Johor, Malaysia` is 66; blind audit round 19, E).
    if line.contains([':', '：']) || line.chars().count() > 90 {
        return false;
    }
    let company_end = ["有限公司", "公司", "厂", "集团"]
        .iter()
        .any(|w| line.ends_with(w));
    let cjk_address = line.contains(['路', '号', '街', '区', '市', '省', '镇', '村', '楼']);
    // A line that says by itself it is something else — a share (`13.5% vol`, `100%
    // Cotton`), a quantity (`750 ml`) — is no address line, whatever its digits.
    let latin_address = line.chars().any(|c| c.is_ascii_digit())
        && (line.contains(',') || line.split_whitespace().count() >= 2)
        && !line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && !line.contains('%')
        && !values::quantity_only(&line)
        && !values::alcohol_only(&line);
    (party && company_end) || cjk_address || latin_address
}

/// A quality grade printed after a standard's code on the same line (`FZ/T 73020-2019 合格品`,
/// `GB/T 18186 特级`): where the code ends and the grade starts. The grade is the last word,
/// after a blank or in brackets (`GB/T 20977（合格品）`), and one of the grade words product
/// standards use (words `quality_grades`). Where the code ends, and the grade's span.
fn quality_grade_after(
    words: &WordLists,
    chars: &[char],
    vs: usize,
    ve: usize,
) -> Option<(usize, usize, usize)> {
    let (vs, ve) = lines::trim(chars, vs, ve);
    let (cut, gs, ge) = if ve > vs && matches!(chars[ve - 1], ')' | '）') {
        let open = (vs..ve - 1)
            .rev()
            .take(8)
            .find(|&i| matches!(chars[i], '(' | '（'))?;
        let (gs, ge) = lines::trim(chars, open + 1, ve - 1);
        (open, gs, ge)
    } else {
        let blank = (vs..ve).rev().find(|&i| lines::is_blank(chars[i]))?;
        let (gs, ge) = lines::trim(chars, blank, ve);
        (blank, gs, ge)
    };
    let grade: String = chars[gs..ge].iter().collect();
    let code_end = lines::trim(chars, vs, cut).1;
    (code_end > vs && words.quality_grades.contains(&grade)).then_some((code_end, gs, ge))
}

/// The target a continuation line is judged against: an origin line that names its maker
/// (`Fabriqué en France par :` over the name and the address) goes on as the maker's party.
fn origin_party_target(words: &WordLists, chars: &[char], o: &Open) -> Target {
    if o.target != Target::OriginCountry {
        return o.target;
    }
    // The `by` is on the first line and the party starts on it or the next: only a window
    // that far is looked at, so an item of many lines is not read again at each line.
    let first_end = (o.vs..o.ve.min(o.vs.saturating_add(400)))
        .find(|&i| matches!(chars[i], '\n' | '\r'))
        .unwrap_or(o.ve);
    let window =
        o.ve.min(first_end.saturating_add(80))
            .min(o.vs.saturating_add(400));
    if made_for(words, &chars[o.vs..window]).is_some() {
        Target::Producer
    } else {
        o.target
    }
}

/// Whether a party's value is one line that already gives a name and an address
/// (`Alpenhof Molkerei GmbH, Talstraße 5, 87435 Kempten, Deutschland`): the line under it
/// (an identification mark `DE BY 123 EG`, `Questions? 1-800-…`, a second operator) is not
/// more of its address.
fn party_complete(words: &WordLists, chars: &[char], s: usize, e: usize) -> bool {
    let (s, e) = lines::trim(chars, s, e);
    let value = &chars[s..e];
    if value.iter().any(|c| matches!(c, '\n' | '\r')) {
        return false;
    }
    let line: String = value.iter().collect();
    // A digit after the first comma: a street number or a postcode.
    let after_comma = line
        .split_once([',', '，'])
        .is_some_and(|(_, rest)| rest.chars().any(|c| c.is_ascii_digit()));
    after_comma && names_an_operator(words, &line)
}

/// Whether a heading-less line is a company's name alone, ended by its legal form
/// (`Morning Gold Foods Ltd.`, `Carolina Shirt Company`): an operator whose address follows
/// on the next lines (EU 1169/2011 Art 9(1)(h), 21 CFR 101.5). Capitalised, no digit, no
/// comma but one before the form (`Valley Creamery, Inc.`), at most 60 characters, and a
/// word before the form.
fn company_alone(words: &WordLists, line: &str) -> bool {
    let line = line.trim();
    // `Valley Creamery, Inc.`: a comma before the form only.
    let (name, form) = match line.rsplit_once(' ') {
        Some((n, f)) => (n.strip_suffix(',').unwrap_or(n), f),
        None => return false,
    };
    if line.chars().count() > 60
        || name
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ',' | '，' | ':' | '：'))
        || !line.chars().next().is_some_and(char::is_uppercase)
    {
        return false;
    }
    !name.trim().is_empty() && is_legal_form(words, form)
}

/// The heading-less lines before the first heading: the product name — unless a 品名 /
/// Product heading gave it —, a brand printed above it (a line with ®/™, or, on a Chinese
/// label, one with no Chinese character: GB 7718 4.1.2 wants the true-attribute name and
/// lets a brand stand beside it), and on a garment its size (`M`, `38`, `W32 L34`). What is
/// none of these stays unread.
fn place_lead_lines(b: &mut Builder, lead: &[(usize, usize)], scope: HeadingScope<'_>) {
    let mut rest: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in lead {
        let line = text_of(b.chars, s, e);
        if scope.family == "textile" && is_size_line(&line) {
            b.set_text("/textile/size", s, e);
        } else {
            rest.push((s, e));
        }
    }
    let brand = |line: &str| {
        line.contains(['®', '™', '©'])
            || (scope.market == "CN"
                && !line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
    };
    // `不含防腐剂` over `芒果汁饮料`: a line saying an ingredient is absent is that statement,
    // not the name, wherever it stands among the lines before the first heading.
    let absent = |s: usize, e: usize| {
        scope.market == "CN" && absent_ingredient(b.chars, b.headings, s, e).is_some()
    };
    // `保健食品` alone (the words of the blue-hat logo, SAMR 2023 No. 53): the logo is on the
    // main display panel — where on it the text cannot say — and it is not the food's name.
    let logo =
        |s: usize, e: usize| scope.market == "CN" && text_of(b.chars, s, e).trim() == "保健食品";
    // `保健食品　　　食健备G202331000456`: the logo's words and the registration or filing
    // number printed beside it at the top left, on one line.
    let logo_and_number = |s: usize, e: usize| {
        let t = text_of(b.chars, s, e);
        let rest = t.trim().strip_prefix("保健食品")?;
        let lead = rest.chars().take_while(|c| c.is_whitespace()).count();
        let number = rest.trim_start();
        (scope.market == "CN"
            && lead > 0
            && values::registration_only(&b.headings.words, &values::folded(number)))
        .then(|| s + t.chars().take_while(|c| c.is_whitespace()).count() + 4 + lead)
    };
    rest.retain(|&(s, e)| {
        if logo(s, e) {
            b.set("/population/main_panel", json!(["logo"]), s, e, false);
            false
        } else if let Some(ns) = logo_and_number(s, e) {
            b.set("/population/main_panel", json!(["logo"]), s, ns, false);
            close(
                b,
                Open {
                    target: Target::RegistrationNumber,
                    hs: ns,
                    vs: ns,
                    ve: e,
                },
            );
            false
        } else {
            true
        }
    });
    let named = b.doc.contains_key("product_name");
    // `NUTRILAIT 1` over `Infant formula`: outside China a formula's legal name (Reg. (EU)
    // 2016/127 Annex VI) printed under its brand is the name of the food.
    let formula_name = |line: &str| {
        let l = line.to_lowercase();
        scope.market != "CN"
            && b.category.starts_with("food.infant_formula")
            && l.chars().count() <= 60
            && FORMULA_NAME_WORDS.iter().any(|w| l.contains(w))
    };
    let pick = if named {
        None
    } else {
        rest.iter()
            .position(|&(s, e)| formula_name(&text_of(b.chars, s, e)))
            .or_else(|| {
                rest.iter()
                    .position(|&(s, e)| !brand(&text_of(b.chars, s, e)) && !absent(s, e))
            })
            .or_else(|| rest.iter().position(|&(s, e)| !absent(s, e)))
            .or((!rest.is_empty()).then_some(0))
    };
    // `牧云 MUYUN` over `纯牛奶`: in China, when the line taken says no food's name and a later
    // line before the first heading does (table `words.food_name_endings`), that line is the
    // name (GB 7718 4.1: the name shows the food's true nature; the other is a brand).
    // The line's Chinese name: up to a wide gap, without a bracket or a Latin translation at
    // its end.
    let cjk_name = |s: usize, e: usize| {
        let t = text_of(b.chars, s, e);
        // Up to a wide gap: `幼儿配方液态奶　3段` is the name and its stage.
        let t = t.trim();
        let t = t.split(['\u{3000}', '\t']).next().unwrap_or(t);
        let mut t = t.split("  ").next().unwrap_or(t).to_string();
        loop {
            let before = t.clone();
            if t.ends_with(['）', ')']) {
                if let Some(i) = t.rfind(['（', '(']) {
                    t.truncate(i);
                }
            }
            t = t
                .trim_end_matches(|c: char| c.is_ascii() && c != '）')
                .trim_end()
                .to_string();
            if t == before {
                return t;
            }
        }
    };
    let food_name = |&(s, e): &(usize, usize)| {
        let t = cjk_name(s, e);
        b.headings
            .words
            .food_name_endings
            .iter()
            .any(|w| t.ends_with(w.as_str()))
    };
    let maybe_food_name = |&(s, e): &(usize, usize)| {
        let t = cjk_name(s, e);
        food_name(&(s, e))
            || b.headings
                .words
                .food_name_end_chars
                .iter()
                .any(|w| t.ends_with(w.as_str()))
    };
    // `Harbor Confections` over `Dark Chocolate Almond Clusters` (US, Codex): the same, by the
    // line's last words (table `words.food_name_endings_en`).
    // (`Infant Formula with Iron`: the words before ` with ` count too.)
    let english_food_name = |&(s, e): &(usize, usize)| {
        let t = text_of(b.chars, s, e).to_lowercase();
        let head = t.split(" with ").next().unwrap_or(&t).to_string();
        [t, head].iter().any(|t| {
            let t = t.trim_end_matches(|c: char| !c.is_alphanumeric());
            b.headings.words.food_name_endings_en.iter().any(|w| {
                t.strip_suffix(w.as_str())
                    .is_some_and(|before| before.is_empty() || before.ends_with([' ', '-']))
            })
        })
    };
    // (EU: a line that opens with a food noun of a language whose names lead with it —
    // `Leche semidesnatada UHT` — names a food; table `words.food_name_starts`.)
    let leading_food_noun = |&(s, e): &(usize, usize)| {
        scope.market == "EU"
            && text_of(b.chars, s, e)
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .find(|w| !w.is_empty())
                .is_some_and(|w| b.headings.words.food_name_starts.iter().any(|f| f == w))
    };
    // A brand in capitals with no food noun in it (`CAMPOS DEL NORTE`; not `FROLLINI AL
    // BURRO`, not `Moscato d'Asti DOCG`).
    let brand_in_capitals = |&(s, e): &(usize, usize)| {
        let t = text_of(b.chars, s, e);
        let lower = t.to_lowercase();
        t.chars().any(char::is_uppercase)
            && !t.chars().any(char::is_lowercase)
            && !lower
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .any(|w| b.headings.words.food_name_starts.iter().any(|f| f == w))
    };
    let english = matches!(scope.market, "US" | "CODEX" | "EU");
    // (`No sugar` under `Cola Zero` is a claim, not the name.)
    let claim_like = |s: usize, e: usize| {
        let t = text_of(b.chars, s, e).to_lowercase();
        b.headings
            .claim_word_at(b.chars, s, e, scope.market)
            .is_some()
            || [
                "no ",
                "without ",
                "free from ",
                "low ",
                "reduced ",
                "high ",
                "rich in ",
                "source of ",
                "contains ",
                "less ",
                "light ",
            ]
            .iter()
            .any(|w| t.trim_start().starts_with(w))
    };
    let pick = match pick {
        Some(k) if english && !english_food_name(&rest[k]) => rest
            .iter()
            .enumerate()
            .skip(k + 1)
            .find(|&(_, &(s, e))| english_food_name(&(s, e)) && !absent(s, e) && !claim_like(s, e))
            .map_or(Some(k), |(j, _)| Some(j)),
        other => other,
    };
    // EU, a language whose names lead with the noun: the brand in capitals over
    // `Leche semidesnatada UHT` gives way to the line right under it — or under a protected
    // designation's line (`Terra di Bari DOP` / `Olio extra vergine di oliva`).
    // (A line that is the designation alone, `DOCG` under `BRACHETTO D'ACQUI`, says the line
    // above is the designated name itself: no skip.)
    let designation = |&(s, e): &(usize, usize)| {
        const MARKERS: &[&str] = &[
            "DOP", "IGP", "DOC", "DOCG", "PDO", "PGI", "AOP", "AOC", "DO", "g.U.", "g.g.A.",
        ];
        let t = text_of(b.chars, s, e);
        let words: Vec<&str> = t
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .filter(|w| !w.is_empty())
            .collect();
        words.iter().any(|w| MARKERS.contains(w)) && words.iter().any(|w| !MARKERS.contains(w))
    };
    let next_food_line = |k: usize| {
        let food = |j: usize| {
            rest.get(j).is_some_and(|&(s, e)| {
                leading_food_noun(&(s, e)) && !absent(s, e) && !claim_like(s, e)
            })
        };
        if food(k + 1) {
            Some(k + 1)
        } else if rest.get(k + 1).is_some_and(designation) && food(k + 2) {
            Some(k + 2)
        } else {
            None
        }
    };
    let pick = match pick {
        Some(k)
            if brand_in_capitals(&rest[k])
                && !english_food_name(&rest[k])
                && next_food_line(k).is_some() =>
        {
            next_food_line(k)
        }
        other => other,
    };
    let pick = match pick {
        Some(k) if scope.market == "CN" && !maybe_food_name(&rest[k]) => rest
            .iter()
            .enumerate()
            .skip(k + 1)
            .find(|&(_, &(s, e))| food_name(&(s, e)) && !absent(s, e))
            .map_or(Some(k), |(j, _)| Some(j)),
        other => other,
    };
    for (k, &(s, e)) in rest.iter().enumerate() {
        if Some(k) == pick {
            b.set_text("/product_name/text", s, e);
        } else if absent(s, e) {
            // `不含防腐剂` under the name, before the first heading (GB 7718-2025 4.4.2: a
            // statement that the food has no such ingredient).
            let o = Open {
                target: Target::AbsentIngredient,
                hs: s,
                vs: s,
                ve: e,
            };
            close(b, o);
        } else {
            b.unheaded(s, e);
        }
    }
}

/// Words of a formula's legal name in the EU languages (Reg. (EU) 2016/127 Annex VI Part A:
/// 'Infant formula', 'Follow-on formula', Säuglingsanfangsnahrung, préparation pour
/// nourrissons …; customary forms, unverified beyond EN).
const FORMULA_NAME_WORDS: &[&str] = &[
    "formula",
    "infant milk",
    "follow-on milk",
    "nahrung",
    "préparation pour nourrissons",
    "préparation de suite",
    "latte per lattanti",
    "latte di proseguimento",
    "preparado para lactantes",
    "preparado de continuación",
    "zuigelingenvoeding",
];

/// `保健食品` / `批准文号：国食健注G20210456` / `灵芝孢子粉胶囊`: a health food's top block prints the
/// logo's words and its registration number above its name, so the name comes after a headed
/// line. With no name read, the first short heading-less line of Chinese words near the top
/// (within the first five lines, no figure) is the name (blind audit round 19, FF6).
fn name_after_registration(b: &mut Builder) {
    if b.market != "CN"
        || !b.category.starts_with("food.health_food")
        || b.doc.contains_key("product_name")
    {
        return;
    }
    let top_end = b
        .chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == '\n')
        .nth(4)
        .map_or(b.chars.len(), |(i, _)| i);
    let Some(k) = b.unread.iter().position(|u| {
        let (s, e) = (u.span.start, u.span.end);
        u.reason == "no heading the reader knows"
            && s < top_end
            && e <= b.chars.len()
            && s < e
            && e - s <= 30
            && b.chars[s..e]
                .iter()
                .all(|c| ('\u{4e00}'..='\u{9fff}').contains(c) || "（）()·".contains(*c))
    }) else {
        return;
    };
    let u = b.unread.remove(k);
    b.set_text("/product_name/text", u.span.start, u.span.end);
}

/// A garment's size printed alone: `M`, `XL`, `38`, `170/92A`, `W32 L34`, `EUR M / UK 12 / US 8`.
fn is_size_line(line: &str) -> bool {
    const LETTERS: &[&str] = &[
        "XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "2XL", "3XL", "4XL",
    ];
    let up = line.trim().to_uppercase();
    let tokens: Vec<&str> = up
        .split(|c: char| c.is_whitespace() || c == '/' || c == '|')
        .filter(|t| {
            !t.is_empty() && !matches!(*t, "EUR" | "EU" | "UK" | "US" | "IT" | "FR" | "DE" | "SIZE")
        })
        .collect();
    !tokens.is_empty()
        && tokens.len() <= 6
        && tokens.iter().all(|t| {
            LETTERS.contains(t)
                || (t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()))
                || (t.len() <= 3
                    && (t.starts_with('W') || t.starts_with('L'))
                    && t[1..].chars().all(|c| c.is_ascii_digit())
                    && t.len() > 1)
                || (t.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && t.chars().all(|c| c.is_ascii_alphanumeric())
                    && t.chars().filter(|c| c.is_ascii_alphabetic()).count() <= 1
                    && t.len() <= 4)
        })
        && line.chars().count() <= 30
}

/// Whether `vs..ve` begins with an allergen line start of the headings table.
fn opens_allergen_statement(b: &Builder, vs: usize, ve: usize) -> bool {
    let (s, e) = lines::trim(b.chars, vs, ve);
    let scope = HeadingScope {
        family: family_of(b.category),
        market: b.market,
    };
    s < e && b.headings.line_start(b.chars, s, e, scope) == Some(Target::Allergens)
}

/// A text the line breaks cut, as one line: lines trimmed and joined directly between
/// Chinese characters, by a blank otherwise. `None` for a text of one line.
fn joined_lines(text: &str) -> Option<String> {
    if !text.contains(['\n', '\r']) {
        return None;
    }
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let direct = out.chars().last().is_some_and(han) && line.chars().next().is_some_and(han);
        if !out.is_empty() && !direct {
            out.push(' ');
        }
        out.push_str(line);
    }
    Some(out)
}

fn place_wrapped(b: &mut Builder, t: Target, s: usize, e: usize) {
    match t {
        Target::Ingredients => b.set_text("/ingredients/text", s, e),
        Target::Care => b.set_text("/textile/care/text", s, e),
        // `请在医生或临床营养师` over `指导下使用。`: a statement the line break cut is one
        // sentence (joined directly between Chinese characters), so the prescribed wording
        // is found in it; its span stays the printed lines.
        Target::Statement if s < e => match joined_lines(&text_of(b.chars, s, e)) {
            Some(v) => b.push_with("/statements", Value::String(v), s, e, false),
            None => {
                let v = text_of(b.chars, s, e);
                b.push("/statements", Value::String(v), s, e);
            }
        },
        _ => {}
    }
}

/// The dates of `vs..ve` without a place on the package printed before or after them
/// (`20261201/20270530（见杯底）`, `（见杯底）20261201`, `见封口 20261201/20271130`). A place
/// begins with 见 (详见, 参见, 请见) and holds no digit; the value must hold a digit outside
/// it, so `见瓶盖` alone (the whole date given as a place) is kept whole. A bracketed
/// translation after the date (`(Best before: 30.11.2027)`) is taken off the same way.
fn date_without_place(chars: &[char], vs: usize, ve: usize) -> (usize, usize) {
    let is_digit = |c: char| headings::fold(c).is_ascii_digit();
    let pointer = |s: usize, e: usize| {
        let (s, e) = lines::trim(chars, s, e);
        let whole = chars.get(s..e).unwrap_or(&[]);
        let lead = match whole {
            ['详' | '参' | '请', rest @ ..] => rest,
            _ => whole,
        };
        lead.first() == Some(&'见') && !whole.iter().any(|&c| is_digit(c))
    };
    let (mut ds, mut de) = (vs, ve);
    // A bracketed place at the end: `…20270530（见杯底）`.
    if de > ds && matches!(chars[de - 1], ')' | '）') {
        if let Some(open) = (ds..de - 1)
            .rev()
            .take(16)
            .find(|&i| matches!(chars[i], '(' | '（'))
        {
            if pointer(open + 1, de - 1) && chars[ds..open].iter().any(|&c| is_digit(c)) {
                de = lines::trim(chars, ds, open).1;
            }
        }
    }
    // A bracketed translation at the end: `2027年11月30日 (Best before: 30.11.2027)` (GB 7718
    // 8.1.2: foreign words beside the Chinese ones) — Latin letters and no Chinese inside.
    if de > ds && matches!(chars[de - 1], ')' | '）') {
        if let Some(open) = (ds..de - 1)
            .rev()
            .take(40)
            .find(|&i| matches!(chars[i], '(' | '（'))
        {
            let inside = &chars[open + 1..de - 1];
            let latin = inside.iter().any(|c| c.is_ascii_alphabetic())
                && !inside.iter().any(|c| ('\u{4e00}'..='\u{9fff}').contains(c));
            if latin && chars[ds..open].iter().any(|&c| is_digit(c)) {
                de = lines::trim(chars, ds, open).1;
            }
        }
    }
    // A bracketed place at the start: `（见杯底）20261201`.
    if de > ds && matches!(chars[ds], '(' | '（') {
        if let Some(close) = (ds + 1..de)
            .take(16)
            .find(|&i| matches!(chars[i], ')' | '）'))
        {
            if pointer(ds + 1, close) && chars[close..de].iter().any(|&c| is_digit(c)) {
                ds = lines::trim(chars, close + 1, de).0;
                // `（见封口）：20270301/…`: the heading's colon after the place.
                if ds < de && matches!(chars[ds], ':' | '：') {
                    ds = lines::trim(chars, ds + 1, de).0;
                }
            }
        }
    }
    // A place then a blank at the start: `见封口 20261201/20271130`.
    if let Some(blank) = (ds..de).take(16).find(|&i| chars[i].is_whitespace()) {
        let after = lines::trim(chars, blank, de).0;
        if pointer(ds, blank) && after < de && is_digit(chars[after]) {
            ds = after;
        }
    }
    (ds, de)
}

/// A date-order note at the start of a date's value (`（日/月/年）：`, `(DD/MM/YYYY)`): its
/// char range and where the date after it (and after a colon) starts.
fn date_order_note(chars: &[char], vs: usize, ve: usize) -> Option<(usize, usize, usize)> {
    let (s, _) = lines::trim(chars, vs, ve);
    let end = order_note_at(chars, s, ve)?;
    let mut after = end;
    while after < ve && (chars[after].is_whitespace() || matches!(chars[after], ':' | '：')) {
        after += 1;
    }
    (after < ve).then_some((s, end, after))
}

/// A date-order note closing a date's value (`见罐底（年/月/日）`): its char range. The slash
/// inside it is no separator of two dates.
fn date_order_note_at_end(chars: &[char], vs: usize, ve: usize) -> Option<(usize, usize)> {
    let (vs, ve) = lines::trim(chars, vs, ve);
    (vs..ve)
        .rev()
        .take(16)
        .filter(|&i| matches!(chars[i], '（' | '('))
        .find_map(|open| (order_note_at(chars, open, ve)? == ve).then_some((open, ve)))
}

/// Where a date-order note that opens at `s` (`（日/月/年）`, `(DD/MM/YYYY)`) ends, after its
/// closing bracket.
fn order_note_at(chars: &[char], s: usize, ve: usize) -> Option<usize> {
    if !matches!(chars.get(s), Some('（' | '(')) {
        return None;
    }
    let close = (s + 1..ve.min(s + 16)).find(|&i| matches!(chars[i], '）' | ')'))?;
    let inner: String = chars[s + 1..close]
        .iter()
        .map(|c| headings::fold(*c))
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let cjk = ['年', '月', '日'].iter().all(|c| inner.contains(*c))
        && inner
            .chars()
            .all(|c| matches!(c, '年' | '月' | '日' | '/' | '.' | '-'));
    let latin = ["dd", "mm", "yy"].iter().all(|w| inner.contains(w))
        && inner
            .chars()
            .all(|c| matches!(c, 'd' | 'm' | 'y' | '/' | '.' | '-'));
    (cjk || latin).then_some(close + 1)
}

/// Places one headed item: `hs` is where its heading starts, `vs..ve` its value.
fn place(b: &mut Builder, t: Target, hs: usize, vs: usize, ve: usize) {
    // `生产日期（日/月/年）：15/05/2026`: the order note after a date's heading is the statement
    // of a non-Y-M-D order (GB 7718-2011 4.1.7.3 「如果不按此顺序标示，应注明日期标示顺序」),
    // not part of the date.
    let note = match t {
        Target::ProductionDate | Target::Expiry | Target::ProductionAndExpiry => {
            date_order_note(b.chars, vs, ve).or_else(|| {
                // `见罐底（年/月/日）`: the note closing the value; the value ends before it.
                date_order_note_at_end(b.chars, vs, ve).map(|(ns, ne)| (ns, ne, vs))
            })
        }
        _ => None,
    };
    let ve = match note {
        Some((ns, _, after)) if after == vs => ns,
        _ => ve,
    };
    let vs = match t {
        Target::ProductionDate | Target::Expiry | Target::ProductionAndExpiry => {
            match note {
                Some((ns, ne, after)) => {
                    let note = text_of(b.chars, ns, ne);
                    // `（年/月/日）` states the year-month-day order itself: no other order.
                    let folded: String = note
                        .chars()
                        .map(headings::fold)
                        .collect::<String>()
                        .to_lowercase();
                    let ymd = folded.find('年') < folded.find('月') && folded.find('年').is_some()
                        || folded
                            .find("yy")
                            .is_some_and(|y| folded.find("mm").is_some_and(|m| y < m));
                    if !ymd {
                        b.set("/dates/order_statement", json!(note), ns, ne, true);
                    }
                    after
                }
                None => vs,
            }
        }
        _ => vs,
    };
    // `20261201/20270530（见杯底）`, `见封口 20261201/20271130`: the dates, with the place on
    // the package where they are printed (4.7.1 「见包装物某部位」) before or after them. The
    // dates are read; the place is listed unread.
    let (vs, ve) = match t {
        Target::ProductionDate | Target::Expiry | Target::ProductionAndExpiry => {
            let (ds, de) = date_without_place(b.chars, vs, ve);
            for (s, e) in [(vs, ds), (de, ve)] {
                let (s, e) = lines::trim(b.chars, s, e);
                if s < e {
                    b.unread(
                        s,
                        e,
                        "printed beside the date (where it is printed, or a translation)",
                    );
                }
            }
            (ds, de)
        }
        _ => (vs, ve),
    };
    let value = text_of(b.chars, vs, ve);
    if vs >= ve && is_party(t) {
        // `生产者` / `委托方信息：` alone over `名称：…` / `地址：…`: the party's lines follow.
        b.party_pending = Some((b.item, t));
        b.party = match t {
            Target::Commissioner => "/commissioner",
            Target::GroupCompany => "/group_company",
            Target::Distributor => "/distributor",
            Target::Importer => "/importer",
            Target::OverseasProducer => "/overseas_producer",
            _ => "/producer",
        };
        return;
    }
    if vs >= ve {
        // A heading with nothing after it: nothing is read, and the user is told.
        b.unread(
            hs,
            ve.max(hs + 1).min(b.chars.len()),
            "a heading with no value",
        );
        return;
    }
    match t {
        // `名称：…` right under a party's heading alone is that party's name.
        Target::ProductName
            if b.party_pending.is_some_and(|(item, _)| item + 1 == b.item)
                && text_of(b.chars, hs, vs)
                    .trim()
                    .trim_end_matches([':', '：'])
                    == "名称" =>
        {
            if let Some((_, party)) = b.party_pending.take() {
                place(b, party, hs, vs, ve);
            }
        }
        Target::ProductName => b.set_text("/product_name/text", vs, ve),
        Target::NetContent => {
            b.set_text("/net_content/text", hs, ve);
            if let Some((n, u)) = values::net_content(&value) {
                if let Some(num) = Builder::number(&n) {
                    b.set("/net_content/value", num, vs, ve, false);
                    b.set("/net_content/unit", json!(u), vs, ve, false);
                }
            }
        }
        // `内装：独立小包装` says how the food is packed, not its count: only `内装` with a
        // figure (`内装20小袋`) is the specification.
        Target::Specification
            if text_of(b.chars, hs, vs).starts_with("内装")
                && !value.chars().any(|c| headings::fold(c).is_ascii_digit()) =>
        {
            b.unread(
                hs,
                ve,
                "内装 without a count: not read as the specification",
            );
        }
        Target::Specification => b.set_text("/net_content/specification", vs, ve),
        Target::TextileSize => b.set_text("/textile/size", vs, ve),
        Target::FibreContent => b.set_text("/fibre_content/text", vs, ve),
        Target::SafetyCategory => b.set_text("/textile/safety_category", vs, ve),
        Target::ProductionDate => b.set_date("/dates/production", vs, ve),
        // GB 7718-2025 A.2.2: both dates on one line, '生产日期/保质期到期日：20100320/20100520'
        // — split at the slash between them (no slash: the value is left unread).
        // A.2.2 prints the pair '20100320/20100520' and '20100320;20100520': split at the
        // slash or semicolon between them (or a blank between two dates).
        // A.2.2's `2010032020100520`: the two dates with nothing between them.
        Target::ProductionAndExpiry
            if ve - vs == 16 && b.chars[vs..ve].iter().all(|c| c.is_ascii_digit()) =>
        {
            b.set_text("/dates/production", vs, vs + 8);
            b.set_text("/dates/expiry", vs + 8, ve);
        }
        Target::ProductionAndExpiry => match (vs..ve)
            .find(|&i| matches!(b.chars[i], '/' | '／' | ';' | '；'))
            .or_else(|| {
                // A blank with a digit before it and one after it: between the first and
                // the last digit (one pass each, so the search stays linear).
                let digit = |i: &usize| headings::fold(b.chars[*i]).is_ascii_digit();
                let first = (vs..ve).find(digit)?;
                let last = (vs..ve).rev().find(digit)?;
                (first..last).find(|&i| b.chars[i].is_whitespace())
            }) {
            Some(sep) => {
                b.set_text("/dates/production", vs, sep);
                let next = lines::trim(b.chars, sep + 1, ve).0;
                b.set_text("/dates/expiry", next, ve);
            }
            // `生产日期及保质期至：见包装背面`: one place given for both dates (GB 7718-2011
            // 4.1.7.1 '见包装物某部位'): each date is at that place.
            None if values::folded(&value)
                .trim_start()
                .starts_with(['见', '详']) =>
            {
                b.set_text("/dates/production", vs, ve);
                b.set_text("/dates/expiry", vs, ve);
            }
            None => b.unread(vs, ve, "two dates expected, separated by '/' or ';'"),
        },
        // `生产日期/批号：20260512/A03`: the date, then the batch code after the slash.
        Target::ProductionAndBatch => {
            match (vs..ve).find(|&i| matches!(b.chars[i], '/' | '／')) {
                Some(sep) => {
                    b.set_text("/dates/production", vs, sep);
                    let next = lines::trim(b.chars, sep + 1, ve).0;
                    b.set_text("/dates/batch_number", next, ve);
                }
                // One value for both (`见瓶身喷码`): the place of the date.
                None => b.set_text("/dates/production", vs, ve),
            }
        }
        Target::OverseasRegistration => {
            b.set_text("/overseas_producer/registration_number", vs, ve)
        }
        // `本品保质期24个月，到期日见袋底`, `保质期10个月，到期日2028年03月09日`: the expiry date
        // after the shelf life, parted by a comma, is an item of its own (GB 7718-2025 4.7.1
        // asks for both; A.2 leaves their form free).
        Target::ShelfLife
            if value
                .find("，到期日")
                .or_else(|| value.find(",到期日"))
                .is_some() =>
        {
            let chars: Vec<char> = value.chars().collect();
            let comma = (0..chars.len())
                .find(|&i| {
                    matches!(chars[i], '，' | ',')
                        && chars[i + 1..].starts_with(&['到', '期', '日'])
                })
                .unwrap_or(chars.len());
            let mut after = comma + 4;
            while after < chars.len() && matches!(chars[after], '：' | ':' | ' ') {
                after += 1;
            }
            place(b, Target::ShelfLife, hs, vs, vs + comma);
            if after < chars.len() {
                place(b, Target::Expiry, vs + comma + 1, vs + after, ve);
            }
        }
        Target::ShelfLife => {
            let arabic = values::arabic_numerals(&value);
            if arabic == value {
                b.set_text("/dates/shelf_life", vs, ve);
            } else {
                b.set("/dates/shelf_life", json!(arabic), vs, ve, false);
            }
        }
        // In the EU and US the date's lead words are regulated ('Best before' with a day,
        // 'Best before end' without, 'Use by'): a heading in a Latin script is kept with the
        // date, as JSON labels give it; a Chinese one (保质期至) is not.
        Target::Expiry if hs < vs && (b.chars[hs] as u32) < 0x2E80 => {
            let end = lot_after_date(b, vs, ve);
            b.set_text("/dates/expiry", hs, end)
        }
        // `2028年01月09日之前食用最佳`: the date without the words after it (A.2.3).
        Target::Expiry => {
            let date_end =
                values::expiry_with_suffix(&b.headings.words, &value).map_or(ve, |n| vs + n);
            b.set_date("/dates/expiry", vs, date_end)
        }
        // 'Frozen on …' keeps its words like the EU date lines; a printed date of freezing
        // says the food is sold frozen.
        // A printed drained weight keeps its lead word (C.2.2 allows 梨块 and the like) and says
        // the food is a solid in a liquid medium.
        Target::DrainedWeight => {
            b.set_text("/net_content/drained_weight", hs, ve);
            b.set("/net_content/solid_in_liquid", json!(true), hs, ve, false);
        }
        Target::FrozenOn => {
            b.set_text("/dates/frozen_on", hs, ve);
            b.set("/frozen", json!(true), hs, ve, false);
        }
        // `Lot 12, Jalan Perindustrian 3, 81700 Pasir Gudang, Johor, Malaysia` under the
        // maker's name: a lot (a plot of land) of an address, not a batch — parts set apart by
        // commas, one holding a postcode.
        Target::BatchNumber
            if b.market != "CN"
                && value.matches(',').count() >= 2
                && value.split(',').skip(1).any(has_postcode)
                && b.doc
                    .get(b.party.trim_start_matches('/'))
                    .is_some_and(|p| p.get("name").is_some() && p.get("address").is_none()) =>
        {
            let p = format!("{}/address", b.party);
            b.set_text(&p, hs, ve);
        }
        // `Lot number and best before date: see top of can.`: one line for both, the lot's
        // heading first — the date's words and its reference are the date too (CXS 1-1985
        // 4.7.1 (vi): the words with a reference to where the date is given).
        Target::BatchNumber => {
            let lower = text_of(b.chars, vs, ve).to_lowercase();
            if b.market != "CN"
                && ["best before", "use by", "expiry date"]
                    .iter()
                    .any(|w| lower.contains(w))
            {
                b.set_text("/dates/expiry", hs, ve);
            }
            b.set_text("/dates/batch_number", vs, ve)
        }
        Target::Storage => b.set_text("/storage", vs, ve),
        Target::Producer => {
            b.party = "/producer";
            set_party(b, "/producer", vs, ve);
        }
        Target::ContractManufacturer => {
            b.party = "/producer";
            set_party(b, "/producer", vs, ve);
            b.set(
                "/producer/kind",
                json!("contract_manufacturer"),
                hs,
                ve,
                false,
            );
        }
        Target::Commissioner => {
            b.party = "/commissioner";
            set_party(b, "/commissioner", vs, ve);
        }
        Target::GroupCompany => {
            b.party = "/group_company";
            set_party(b, "/group_company", vs, ve);
        }
        Target::Distributor => {
            b.party = "/distributor";
            set_party(b, "/distributor", vs, ve);
        }
        Target::Importer => {
            b.party = "/importer";
            set_party(b, "/importer", vs, ve);
        }
        Target::OverseasProducer => {
            b.party = "/overseas_producer";
            set_party(b, "/overseas_producer", vs, ve);
        }
        Target::Address => {
            let p = format!("{}/address", b.party);
            if value.contains(['\n', '\r']) {
                // Wrapped over lines (party_goes_on): one address.
                let parts: Vec<&str> = value
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect();
                let cjk = value
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                b.set(
                    &p,
                    json!(parts.join(if cjk { "" } else { ", " })),
                    vs,
                    ve,
                    false,
                );
            } else {
                b.set_text(&p, vs, ve);
            }
        }
        Target::Contact => {
            let p = format!("{}/contact", b.party);
            b.set_text(&p, vs, ve);
        }
        Target::OriginPlace => b.set_text("/origin/place", vs, ve),
        // `Made in a factory that also handles nuts`, `Baked in small batches`: a sentence,
        // not a country (an allergen advice, a slogan); kept as a statement.
        Target::OriginCountry if origin_sentence(&b.headings.words, b.chars, hs, vs, &value) => b
            .push(
                "/statements",
                Value::String(text_of(b.chars, hs, ve)),
                hs,
                ve,
            ),
        // `Origin: Ireland (wheat flour does not originate from Ireland)`: the food's origin,
        // and in its bracket the statement on the primary ingredient (Reg. (EU) 2018/775
        // Art 2(b)), kept as a statement.
        // `原产地：浙江省杭州市` on a Chinese label names a place in China: the food's 产地,
        // not a country it was imported from.
        Target::OriginCountry if b.market == "CN" && mainland_place(&b.headings.words, &value) => {
            b.set_text("/origin/place", vs, ve)
        }
        // `Made in Ireland for: Glenisk, Killeigh, …`: the origin, then the operator the food
        // was made for (Art 8(1): the operator under whose name it is marketed).
        Target::OriginCountry
            if b.market != "CN" && made_for(&b.headings.words, &b.chars[vs..ve]).is_some() =>
        {
            if let Some((c_end, p_start, by)) = made_for(&b.headings.words, &b.chars[vs..ve]) {
                let (cs, ce) = lines::trim(b.chars, vs, vs + c_end);
                if cs < ce {
                    b.set_text("/origin/country", cs, ce);
                }
                // `… by:` names the maker, `… for:` the operator it was made for.
                let (ps, pe) = lines::trim(b.chars, vs + p_start, ve);
                if ps < pe {
                    set_party(b, if by { "/producer" } else { "/distributor" }, ps, pe);
                }
            }
        }
        Target::OriginCountry => match (vs..ve).find(|&i| matches!(b.chars[i], '(' | '（')) {
            Some(open)
                if speaks_of_origin(
                    &b.headings.words,
                    &text_of(b.chars, open, ve).to_lowercase(),
                ) && lines::trim(b.chars, vs, open).0 < lines::trim(b.chars, vs, open).1 =>
            {
                let (cs, ce) = lines::trim(b.chars, vs, open);
                b.set_text("/origin/country", cs, ce);
                let close = (open + 1..ve)
                    .find(|&i| matches!(b.chars[i], ')' | '）'))
                    .unwrap_or(ve);
                if open + 1 < close {
                    let v = text_of(b.chars, open + 1, close);
                    b.push("/statements", Value::String(v), open + 1, close);
                }
            }
            _ => b.set_text("/origin/country", vs, ve),
        },
        Target::PackingCountry => b.set_text("/origin/packing_country", vs, ve),
        Target::RearedIn => b.set_text("/origin/reared_in", vs, ve),
        Target::SlaughteredIn => b.set_text("/origin/slaughtered_in", vs, ve),
        // EU 1337/2013 Art 7: 'Reared and slaughtered in: EU' gives both places at once.
        Target::RearedAndSlaughteredIn => {
            b.set_text("/origin/reared_in", vs, ve);
            b.set_text("/origin/slaughtered_in", vs, ve);
        }
        Target::LicenceNumber => b.set_text("/licence_number", vs, ve),
        // `产品标准：FZ/T 73020-2019 合格品`: the standard, then the grade it defines (GB/T
        // 5296.4 / GB 7718 4.1.11.4 quality grade) after a blank.
        Target::StandardCode => match quality_grade_after(&b.headings.words, b.chars, vs, ve) {
            Some((ce, gs, ge)) => {
                b.set_text("/standard_code", vs, ce);
                b.set_text("/quality_grade", gs, ge);
            }
            None => b.set_text("/standard_code", vs, ve),
        },
        // `Allergen Information: Contains no major allergens.`: a free-from statement, not
        // the statement of the allergens a food contains (FD&C Act 403(w)(1)(A), EU
        // 1169/2011 Art 21): kept as a statement.
        Target::Allergens if states_no_allergen(&value) => {
            let (s, e) = lines::trim(b.chars, hs, ve);
            b.push("/statements", json!(text_of(b.chars, s, e)), s, e);
        }
        Target::Allergens => b.set_text("/allergens/statement", hs, ve),
        Target::QualityGrade => b.set_text("/quality_grade", vs, ve),
        Target::Suitable => b.set_text("/population/suitable", vs, ve),
        Target::Unsuitable => b.set_text("/population/unsuitable", vs, ve),
        // `国食注字` / `YP20230433`: the number rejoined across the line break.
        Target::RegistrationNumber if value.contains(['\n', '\r']) => {
            let joined: String = value.chars().filter(|c| !c.is_whitespace()).collect();
            b.set(
                "/population/registration_number",
                json!(joined),
                vs,
                ve,
                false,
            );
        }
        Target::RegistrationNumber => b.set_text("/population/registration_number", vs, ve),
        // `食用量及食用方法：每日1次，每次1片` then `每日食用量：1.2克（1片）`: a second usage item
        // is kept whole, heading and all, as a statement (where the daily amount GB 28050
        // clause 7 turns on is read), not dropped as a conflicting usage.
        Target::Usage
            if b.doc
                .get("population")
                .is_some_and(|p| p.get("usage").is_some()) =>
        {
            let (s, e) = lines::trim(b.chars, hs, ve);
            b.push("/statements", json!(text_of(b.chars, s, e)), s, e);
        }
        Target::Usage => b.set_text("/population/usage", vs, ve),
        Target::Preparation => b.set_text("/population/preparation/text", vs, ve),
        Target::HealthFunction => b.set_text("/population/health_food/function", vs, ve),
        Target::FunctionalComponents => {
            b.set_text("/population/health_food/functional_components", vs, ve)
        }
        Target::ComplaintPhone => b.set_text("/population/health_food/complaint_phone", vs, ve),
        Target::HealthWarning => match joined_lines(&text_of(b.chars, vs, ve)) {
            Some(v) => b.set(
                "/population/health_food/warning/text",
                Value::String(v),
                vs,
                ve,
                false,
            ),
            None => b.set_text("/population/health_food/warning/text", vs, ve),
        },
        Target::IdentificationNumber => b.set_text("/textile/identification_number", vs, ve),
        Target::ProductCategory => {
            let medical = b.category.starts_with("food.special_dietary.fsmp")
                || b.category == "food.infant_formula.fsmp";
            let formula = b.category.starts_with("food.infant_formula");
            if !medical && !formula {
                // Other foods have no such item in the document: the line stays unread.
                b.unread(hs, ve, "no heading the reader knows");
                return;
            }
            // `产品状态：粉状`: the physical state alone is no category of its own.
            let state_only = ["粉状", "粉末状", "液态", "液体", "液状", "固态", "半固态"]
                .contains(&value.trim().trim_end_matches(['。', '.']));
            if medical && !state_only {
                b.set_text("/population/medical/category", vs, ve);
            }
            if formula {
                let base = if value.contains("乳基") {
                    Some("milk")
                } else if value.contains("豆基") {
                    Some("soy")
                } else {
                    None
                };
                let form = if value.contains("粉") {
                    Some("powder")
                } else if value.contains("液") {
                    Some("liquid")
                } else {
                    None
                };
                if let Some(v) = base {
                    b.set("/population/formula/base", json!(v), vs, ve, false);
                }
                if let Some(v) = form {
                    b.set("/population/formula/form", json!(v), vs, ve, false);
                }
            }
        }
        Target::ProductFeatures => b.set_text("/population/medical/features", vs, ve),
        Target::MedicalCondition => b.set_text("/population/medical/condition", vs, ve),
        Target::PreparationDiagram => b.set(
            "/population/preparation/diagram",
            json!(true),
            hs,
            ve,
            false,
        ),
        // `酒精度(%vol)：42`: the unit in the heading, the number alone after it.
        Target::Alcohol
            if values::alcohol(&value).is_none()
                && ["%vol", "% vol", "％vol", "%VOL"]
                    .iter()
                    .any(|u| text_of(b.chars, hs, vs).contains(u))
                && Builder::number(value.trim()).is_some() =>
        {
            if let Some(n) = Builder::number(value.trim()) {
                b.set("/alcohol_percent_vol", n, vs, ve, false);
            }
        }
        // `<0.5%vol`, `≤0.5%vol`: an upper bound is no strength figure (read as 0.5 it would
        // exempt an alcohol-free beer as a 饮料酒 of 0.5 %vol, GB 28050-2011 7).
        Target::Alcohol
            if values::folded(&value)
                .trim_start()
                .starts_with(['<', '≤', '＜']) =>
        {
            b.unread(
                vs,
                ve,
                "an alcohol strength printed as an upper bound: not read as a figure",
            )
        }
        // `Alc. 37,5% vol.   70 cl`: the net quantity after the strength on its line (EU
        // 1169/2011 Art 13(5): the two in one field of vision) is an item of its own.
        Target::Alcohol
            if b.market != "CN"
                && values::quantity_and_strength(&text_of(b.chars, hs, ve)).is_some() =>
        {
            if let Some(((qs, qe), (as_, ae))) =
                values::quantity_and_strength(&text_of(b.chars, hs, ve))
            {
                place(b, Target::NetContent, hs + qs, hs + qs, hs + qe);
                let v = text_of(b.chars, hs + as_, hs + ae);
                if let Some(n) = values::alcohol(&v).and_then(|n| Builder::number(&n)) {
                    b.set("/alcohol_percent_vol", n, hs + as_, hs + ae, false);
                }
            }
        }
        Target::Alcohol => match values::alcohol(&value).and_then(|n| Builder::number(&n)) {
            Some(n) => b.set("/alcohol_percent_vol", n, vs, ve, false),
            None => b.unread(vs, ve, "an alcohol strength without a number and %vol"),
        },
        Target::GreenFoodCode => {
            let v = json!({"scheme": "cn_green_food", "code": value});
            b.push("/eco_labels", v, vs, ve);
        }
        // The code with the words before it (`有机码：0472…`): GB/T 19630 and the
        // certification rules print the words with the code, and the rule reads them there.
        Target::OrganicCode => {
            let code = if text_of(b.chars, hs, vs).contains("有机码") {
                text_of(b.chars, hs, ve)
            } else {
                value
            };
            let v = json!({"scheme": "cn_organic", "code": code});
            b.push("/eco_labels", v, hs, ve);
        }
        Target::Certifier => b.certifiers.push((vs, ve)),
        Target::EuOrganic => place_eu_organic(b, vs, ve),
        // Placed by the caller (they wrap or read a table).
        Target::Ingredients
        | Target::Care
        | Target::Statement
        | Target::Nutrition
        | Target::Claim
        | Target::AbsentIngredient
        | Target::ContentDeclaration
        | Target::NutritionStatement => {}
    }
}

/// A party's name, and its address when the same value carries both, as US and EU labels
/// print them (`Trailhead Foods, Inc., 1200 Pine Street, Boulder, CO 80302`,
/// `Allgäuer Molkerei GmbH, Hauptstraße 5, 87435 Kempten`): the address starts at the first
/// comma-separated part that holds a digit (a house number or a postcode), the parts before
/// it being the name. Otherwise the whole value is the name (an address heading may follow).
fn set_party(b: &mut Builder, party: &str, vs: usize, ve: usize) {
    // Over several lines (party_goes_on): a name wrapped onto a line that ends it (…有限公司),
    // then the address on the lines after.
    if let Some(nl) = (vs..ve).find(|&i| matches!(b.chars[i], '\n' | '\r')) {
        let lines: Vec<(usize, usize)> = {
            let mut v = Vec::new();
            let mut st = vs;
            for i in vs..=ve {
                if i == ve || matches!(b.chars[i], '\n' | '\r') {
                    let (a, z) = lines::trim(b.chars, st, i);
                    if a < z {
                        v.push((a, z));
                    }
                    st = i + 1;
                }
            }
            v
        };
        let _ = nl;
        if lines.is_empty() {
            return;
        }
        let ends_company = |(a, z): (usize, usize)| {
            let t = text_of(b.chars, a, z);
            ["有限公司", "公司", "厂", "集团"]
                .iter()
                .any(|w| t.ends_with(w))
        };
        let name_lines = if lines.len() > 1 && ends_company(lines[1]) {
            2
        } else {
            1
        };
        let join = |b: &Builder, part: &[(usize, usize)]| -> String {
            let texts: Vec<String> = part.iter().map(|&(a, z)| text_of(b.chars, a, z)).collect();
            let cjk = texts
                .iter()
                .any(|t| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
            texts.join(if cjk { "" } else { ", " })
        };
        let name_end = lines[name_lines.min(lines.len()) - 1].1;
        let name = join(b, &lines[..name_lines.min(lines.len())]);
        b.set(&format!("{party}/name"), json!(name), vs, name_end, false);
        if lines.len() > name_lines {
            let rest = &lines[name_lines..];
            let address = join(b, rest);
            b.set(
                &format!("{party}/address"),
                json!(address),
                rest[0].0,
                ve,
                false,
            );
        }
        return;
    }
    if split_cjk_party(b, party, vs, ve) {
        return;
    }
    // `Casa Rossi S.r.l. - Via Emilia 45 - 43121 Parma`: a hyphen set apart by blanks parts
    // the name from the address as a dash does.
    let commas: Vec<usize> = (vs..ve)
        .filter(|&i| {
            matches!(b.chars[i], ',' | '，' | '·' | '•' | '|' | '–' | '—')
                || (b.chars[i] == '-'
                    && i > vs
                    && b.chars[i - 1] == ' '
                    && b.chars.get(i + 1) == Some(&' '))
        })
        .collect();
    let split = commas.iter().enumerate().find_map(|(n, &i)| {
        let end = commas.get(n + 1).copied().unwrap_or(ve);
        let has_digit = b.chars[i + 1..end]
            .iter()
            .any(|c| headings::fold(*c).is_ascii_digit());
        let mut j = i + 1;
        while j < end && b.chars[j].is_whitespace() {
            j += 1;
        }
        (i > vs && has_digit && j < end).then_some((i, j))
    });
    // A company's name ends at its legal form, which also splits addresses without a digit
    // (Irish and rural addresses often have none: `North Atlantic Seafood Ltd, Harbour Road,
    // Killybegs`) or with a digit only far on (`Wicklow Mills Ltd, Main Street, …, A67 X123`).
    // The word before each comma is looked for in at most a legal form's length of
    // characters, so a value of many commas stays linear.
    let longest_form = b
        .headings
        .words
        .legal_forms
        .iter()
        .map(|f| f.chars().count())
        .max()
        .unwrap_or(0);
    let by_form = commas.iter().find_map(|&i| {
        let mut e = i;
        while e > vs && b.chars[e - 1].is_whitespace() {
            e -= 1;
        }
        let mut s = e;
        while s > vs && !matches!(b.chars[s - 1], ' ' | '\u{a0}') && e - s <= longest_form {
            s -= 1;
        }
        let last: String = b.chars[s..e].iter().collect();
        let mut j = i + 1;
        while j < ve && b.chars[j].is_whitespace() {
            j += 1;
        }
        (i > vs && j < ve && is_legal_form(&b.headings.words, &last)).then_some((i, j))
    });
    let split = match (by_form, split) {
        (Some(f), Some(d)) if f.0 < d.0 => Some(f),
        (f, d) => d.or(f),
    };
    // `Lakeland Dairies, Bailieborough, Co. Cavan, Ireland.`: no digit and no legal form,
    // the name ends at the first separator (Art 9(1)(h) asks for a name and an address).
    let split = split.or_else(|| {
        let i = *commas.first()?;
        let mut j = i + 1;
        while j < ve && b.chars[j].is_whitespace() {
            j += 1;
        }
        let latin = !b.chars[vs..ve]
            .iter()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(c));
        (latin && i > vs && j < ve).then_some((i, j))
    });
    match split {
        Some((i, j)) => {
            // `Maison Provence SAS – 84000 Avignon`: the blank before a dash is not the name's.
            let (ns, ne) = lines::trim(b.chars, vs, i);
            b.set_text(&format!("{party}/name"), ns, ne);
            b.set_text(&format!("{party}/address"), j, ve);
        }
        None => b.set_text(&format!("{party}/name"), vs, ve),
    }
}

/// `上海轻食研究所食品有限公司　上海市徐汇区漕溪北路398号　400-820-1234`: a Chinese party's name,
/// address and phone on one line set apart by wide gaps (a full-width blank or two blanks),
/// with no heading of their own (GB 7718 asks for the name, the address and a contact, not
/// for headings). The name must end in a company word (…公司, …厂); a last part that is only
/// a phone number is the contact. Whether the value was split.
fn split_cjk_party(b: &mut Builder, party: &str, vs: usize, ve: usize) -> bool {
    let cjk = |i: usize| ('\u{4e00}'..='\u{9fff}').contains(&b.chars[i]);
    // The wide gaps: (start, end) of each run of blanks holding U+3000 or two blanks or more.
    let mut gaps = Vec::new();
    let mut i = vs;
    while i < ve {
        if b.chars[i].is_whitespace() {
            let st = i;
            while i < ve && b.chars[i].is_whitespace() {
                i += 1;
            }
            if i - st >= 2 || b.chars[st..i].contains(&'\u{3000}') {
                gaps.push((st, i));
            }
        } else {
            i += 1;
        }
    }
    let Some(&(ns_end, as_start)) = gaps.first() else {
        return false;
    };
    let name = text_of(b.chars, vs, ns_end);
    let company = ["公司", "厂", "集团", "合作社", "研究所", "商行", "中心"]
        .iter()
        .any(|w| name.ends_with(w));
    if !company || !(vs..ns_end).any(cjk) || as_start >= ve {
        return false;
    }
    let phone = |a: usize, z: usize| {
        let t = text_of(b.chars, a, z);
        let digits = t.chars().filter(char::is_ascii_digit).count();
        digits >= 7
            && t.chars().all(|c| {
                c.is_ascii_digit() || matches!(c, '-' | '—' | '(' | ')' | '（' | '）' | '+' | ' ')
            })
    };
    b.set_text(&format!("{party}/name"), vs, ns_end);
    match gaps.last() {
        Some(&(pe, ps)) if pe > as_start && phone(ps, ve) => {
            let (a, z) = lines::trim(b.chars, as_start, pe);
            b.set_text(&format!("{party}/address"), a, z);
            b.set_text(&format!("{party}/contact"), ps, ve);
        }
        _ if phone(as_start, ve) => b.set_text(&format!("{party}/contact"), as_start, ve),
        _ => b.set_text(&format!("{party}/address"), as_start, ve),
    }
    true
}

/// Whether an origin heading's value is a sentence rather than a place: it begins with an
/// article (`Made in a factory that also handles nuts`, `Made in the same kitchen as…`), or,
/// with no colon after the heading, with a lower-case word (`Baked in small batches`,
/// `prodotto in uno stabilimento che…`) — a place's name is capitalised (`Made in Ireland`,
/// `Produced in the EU` is left a statement, as `the` reads), or with a figure (`Baked in
/// Scotland since 1921`, a line of the maker's history).
fn origin_sentence(words: &WordLists, chars: &[char], hs: usize, vs: usize, value: &str) -> bool {
    let lower = value.to_lowercase();
    // `Made in the USA`, `Produced in the EU`: a country whose name takes the article.
    let country_after_the = lower.strip_prefix("the ").is_some_and(|rest| {
        words.countries_after_the.iter().any(|c| {
            rest.strip_prefix(c.as_str())
                .is_some_and(|r| r.chars().next().is_none_or(|n| !n.is_alphanumeric()))
        })
    });
    let colon = chars[hs.min(vs)..vs]
        .iter()
        .any(|c| matches!(c, ':' | '：' | '﹕'));
    // `Made in Ireland for: Glenisk, …, R35 …`: the figures after `for:` are the operator's.
    let vc: Vec<char> = value.chars().collect();
    let place = &vc[..made_for(words, &vc).map_or(vc.len(), |(at, _, _)| at)];
    if country_after_the {
        return !colon && place.iter().any(|c| c.is_ascii_digit());
    }
    ["a ", "an ", "the "].iter().any(|w| lower.starts_with(w))
        || (!colon
            && (value
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
                || place.iter().any(|c| c.is_ascii_digit())))
}

/// Whether a printed origin names a place in mainland China (`浙江省杭州市`, `中国浙江省嘉兴市`,
/// `新疆阿克苏`): a province-level name first, after an optional 中国 — not 香港, 澳门 or 台湾,
/// whose foods are imported ones under GB 7718's 原产国或地区.
fn mainland_place(words: &WordLists, value: &str) -> bool {
    let v = value.trim();
    let rest = v
        .strip_prefix("中华人民共和国")
        .or_else(|| v.strip_prefix("中国"))
        .unwrap_or(v)
        .trim_start_matches([' ', '　', '·', '-', '（', '(']);
    words
        .mainland_provinces
        .iter()
        .any(|p| rest.starts_with(p.as_str()))
}

/// A character range within a line, if found.
type Span2 = Option<(usize, usize)>;

/// A line of the EU organic logo's text (Reg. (EU) 2018/848 Art 32): the control body's code
/// (`DE-ÖKO-006`, `ES-ECO-020-CV`: country, a term of Annex IV, a number — Implementing Reg.
/// (EU) 2021/279 Art 4's form), the origin statement of Art 32(2) (`EU-Landwirtschaft`,
/// `EU/non-EU Agriculture`), or both on one line. Returns the code's and the statement's
/// character ranges within the line.
fn eu_organic_line(lists: &WordLists, line: &str) -> Option<(Span2, Span2)> {
    let chars: Vec<char> = line.chars().collect();
    let t = line.trim();
    if t.is_empty() || chars.len() > 80 {
        return None;
    }
    let words: Vec<(usize, usize)> = {
        let mut v = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            while i < chars.len()
                && (chars[i].is_whitespace() || matches!(chars[i], '/' | '|' | ',' | '·' | '•'))
            {
                i += 1;
            }
            let st = i;
            while i < chars.len()
                && !(chars[i].is_whitespace() || matches!(chars[i], '|' | ',' | '·' | '•'))
            {
                i += 1;
            }
            if st < i {
                v.push((st, i));
            }
        }
        v
    };
    let is_code = |w: &str| {
        let parts: Vec<&str> = w.trim_end_matches(['.', ';']).split('-').collect();
        (3..=4).contains(&parts.len())
            && parts[0].len() == 2
            && parts[0].chars().all(|c| c.is_ascii_uppercase())
            && (2..=5).contains(&parts[1].chars().count())
            && parts[1].chars().all(char::is_uppercase)
            && (2..=3).contains(&parts[2].len())
            && parts[2].chars().all(|c| c.is_ascii_digit())
            && parts
                .get(3)
                .is_none_or(|r| r.len() <= 3 && r.chars().all(|c| c.is_ascii_uppercase()))
    };
    let code = words
        .iter()
        .copied()
        .find(|&(a, z)| is_code(&chars[a..z].iter().collect::<String>()));
    // The origin statement: the words beside the code (at most four), one of them the word
    // 'agriculture' of a language version — `EU Agriculture`, `EU/non-EU Agriculture`,
    // `Deutsche Landwirtschaft`, `Agricoltura Italia` (Art 32(2): a country or region may
    // replace 'EU').
    let rest_words: Vec<(usize, usize)> =
        words.iter().copied().filter(|&w| Some(w) != code).collect();
    let origin = match (rest_words.first(), rest_words.last()) {
        (Some(&(a, _)), Some(&(_, z)))
            if rest_words.len() <= 4
                && rest_words.iter().any(|&(p, q)| {
                    let w: String = chars[p..q].iter().collect::<String>().to_lowercase();
                    lists
                        .organic_agriculture
                        .iter()
                        .any(|f| w.contains(f.as_str()))
                }) =>
        {
            Some((a, z))
        }
        _ => None,
    };
    // The line holds nothing else but the two (and separators).
    let rest: String = chars
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            !code.is_some_and(|(a, z)| (a..z).contains(i))
                && !origin.is_some_and(|(a, z)| (a..z).contains(i))
        })
        .map(|(_, c)| *c)
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '/' | '|' | ',' | '·' | '•' | '-' | ':' | '.')
        })
        .collect();
    (rest.is_empty() && (code.is_some() || origin.is_some())).then_some((code, origin))
}

/// Places an EU organic line (`eu_organic_line`): the code and the origin statement go to the
/// `eu_organic` mark, made when no line gave one before — the code and the statement are
/// printed with the logo (Art 32(2)–(3)), so either says the logo is there.
fn place_eu_organic(b: &mut Builder, vs: usize, ve: usize) {
    // Consecutive logo lines come as one item (`GB-ORG-05` / `IE-ORG-02` / `EU/non-EU
    // Agriculture`): each line is placed on its own.
    let mut st = vs;
    for i in vs..=ve {
        if i == ve || matches!(b.chars[i], '\n' | '\r') {
            let (a, z) = lines::trim(b.chars, st, i);
            if a < z {
                place_eu_organic_line(b, a, z);
            }
            st = i + 1;
        }
    }
}

fn place_eu_organic_line(b: &mut Builder, vs: usize, ve: usize) {
    let line = text_of(b.chars, vs, ve);
    let Some((code, origin)) = eu_organic_line(&b.headings.words, &line) else {
        b.unread(vs, ve, "no heading the reader knows");
        return;
    };
    let mark = match b.doc.get("eco_labels") {
        Some(Value::Array(marks)) => marks
            .iter()
            .position(|m| m.get("scheme").and_then(Value::as_str) == Some("eu_organic")),
        _ => None,
    };
    let Some(i) = mark else {
        // A code alone, on a food whose name uses no organic term, is the code Art 32(1)(a)
        // asks of organic ingredients named in the list (Art 30(5)(b)), printed without the
        // logo (32(1)(b) exempts those foods): a statement, not the logo.
        if origin.is_none() && !organic_name(b) {
            b.push("/statements", Value::String(line), vs, ve);
            return;
        }
        let mut m = Map::new();
        m.insert("scheme".into(), json!("eu_organic"));
        for (k, r) in [("code", code), ("origin_statement", origin)] {
            if let Some((a, z)) = r {
                m.insert(k.into(), json!(text_of(b.chars, vs + a, vs + z)));
            }
        }
        b.push("/eco_labels", Value::Object(m), vs, ve);
        return;
    };
    // The logo's other line (`DE-ÖKO-006` over `EU-Landwirtschaft`), or a second code (a UK
    // body's `GB-ORG-05` beside the EU body's `IE-ORG-02`): the mark keeps one code — an EU
    // Member State's — and the other is a statement.
    for (k, r) in [("code", code), ("origin_statement", origin)] {
        let Some((a, z)) = r else { continue };
        let (a, z) = (vs + a, vs + z);
        let v = text_of(b.chars, a, z);
        let held = b
            .doc
            .get("eco_labels")
            .and_then(|l| l.get(i))
            .and_then(|m| m.get(k))
            .and_then(Value::as_str)
            .map(str::to_string);
        let replace = match &held {
            None => true,
            Some(old) => {
                k == "code" && !eu_code(&b.headings.words, old) && eu_code(&b.headings.words, &v)
            }
        };
        if !replace {
            b.push("/statements", Value::String(v), a, z);
            continue;
        }
        if let Some(old) = held {
            // The replaced code keeps the characters it was read from.
            let own = format!("/eco_labels/{i}/{k}");
            let whole = format!("/eco_labels/{i}");
            let at = b
                .fields
                .iter()
                .find(|f| f.pointer == own)
                .or_else(|| b.fields.iter().find(|f| f.pointer == whole))
                .map(|f| (f.span.start, f.span.end));
            let (s0, e0) = at.unwrap_or((a, z));
            b.push("/statements", Value::String(old), s0, e0);
        }
        if let Some(Value::Object(m)) = b
            .doc
            .get_mut("eco_labels")
            .and_then(|l| l.as_array_mut())
            .and_then(|l| l.get_mut(i))
        {
            m.insert(k.into(), json!(v));
        }
        let span = b.span(a, z);
        b.fields
            .retain(|f| f.pointer != format!("/eco_labels/{i}/{k}"));
        b.fields.push(SourceField {
            pointer: format!("/eco_labels/{i}/{k}"),
            span,
            verbatim: true,
        });
    }
}

/// An operator printed over lines of its own with no heading (`Molkerei Weihenstephan` /
/// `Milchstraße 1` / `85354 Freising`; `Woeber Mustard Company` / `1966 Commerce Circle,
/// Springfield, OH 45504`): EU 1169/2011 Art 9(1)(h) and 21 CFR 101.5 ask for the name and
/// address, not a heading. When no party was read, unread lines next to each other — a name
/// (letters, no figure, at most eight words) and then one or two lines of address, the last
/// holding a postcode — are the producer's name and address.
fn operator_from_unread(b: &mut Builder) {
    let parties = [
        "producer",
        "distributor",
        "importer",
        "commissioner",
        "overseas_producer",
    ];
    if parties.iter().any(|p| b.doc.get(*p).is_some()) {
        return;
    }
    let only_blanks =
        |b: &Builder, s: usize, e: usize| b.chars[s.min(e)..e].iter().all(|c| c.is_whitespace());
    let n = b.unread.len();
    for i in 0..n {
        let name = b.unread[i].span.text.trim().to_string();
        let words = name.split_whitespace().count();
        if name.is_empty()
            || words > 8
            || name.contains(['\n', ':', '：', '%'])
            || name.ends_with('.')
            || name.chars().any(|c| c.is_ascii_digit())
            || !name.chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        // One or two address lines right under it, the last with a postcode.
        let mut end = i;
        let mut found = None;
        while end + 1 < n && end < i + 2 {
            let (prev_end, next) = (b.unread[end].span.end, &b.unread[end + 1]);
            if !only_blanks(b, prev_end, next.span.start) || next.span.text.contains('\n') {
                break;
            }
            end += 1;
            let line = b.unread[end].span.text.clone();
            if line.split([',', '，']).any(has_postcode) {
                found = Some(end);
                break;
            }
        }
        let Some(last) = found else { continue };
        let (ns, ne) = (b.unread[i].span.start, b.unread[i].span.end);
        let (as_, ae) = (b.unread[i + 1].span.start, b.unread[last].span.end);
        let address: Vec<String> = b.unread[i + 1..=last]
            .iter()
            .map(|u| u.span.text.trim().to_string())
            .collect();
        b.unread.drain(i..=last);
        b.set("/producer/name", json!(name), ns, ne, false);
        b.set(
            "/producer/address",
            json!(address.join(", ")),
            as_,
            ae,
            false,
        );
        return;
    }
}

/// In an origin's value, ` for:` or ` by:` and the party after it (`Ireland for: Glenisk,
/// …`, `Ireland by: Kerry Foods Ltd, …`): where the country ends, where the party starts,
/// and whether it is the maker (`by`) rather than the operator it was made for. Without a
/// colon the party must begin with a capital (`Made in Italy by hand` names no party).
fn made_for(words: &WordLists, chars: &[char]) -> Option<(usize, usize, bool)> {
    let lower: Vec<char> = chars.iter().flat_map(|c| c.to_lowercase()).collect();
    if lower.len() != chars.len() {
        return None;
    }
    // `for` and `by` in the languages of the origin headings (words `origin_party_by`,
    // `origin_party_for`: `Fabriqué en France par`, `Hergestellt in Deutschland für`).
    let party_words = words
        .origin_party_by
        .iter()
        .map(|w| (w, true))
        .chain(words.origin_party_for.iter().map(|w| (w, false)));
    let party_words: Vec<(Vec<char>, bool)> = party_words
        .map(|(w, by)| (w.chars().collect(), by))
        .collect();
    (0..lower.len()).find_map(|i| {
        if lower[i] != ' ' {
            return None;
        }
        // The word, then a colon or a blank (`para` is not `par`).
        let (after, by) = party_words.iter().find_map(|(w, by)| {
            let after = i + 1 + w.len();
            (lower[i + 1..].starts_with(w) && matches!(lower.get(after), Some(':' | ' ')))
                .then_some((after, *by))
        })?;
        // `par :` with a blank before the colon (French typography), and the party on the
        // next line (`Fabriqué en France par :` over `Biscuiterie du Littoral SAS`).
        let mut p = after;
        while p < chars.len() && chars[p] == ' ' {
            p += 1;
        }
        let colon = matches!(lower.get(p), Some(':' | '：'));
        while p < chars.len() && matches!(chars[p], ':' | '：' | ' ' | '\n' | '\r') {
            p += 1;
        }
        let party = chars.get(p).is_some_and(|c| colon || c.is_uppercase());
        party.then_some((i, p, by))
    })
}

/// Whether an EU organic code's country is a Member State's (`IE-ORG-02`, not `GB-ORG-05`).
fn eu_code(words: &WordLists, code: &str) -> bool {
    let code = code.trim();
    words.eu_member_codes.iter().any(|m| {
        code.strip_prefix(m.as_str())
            .is_some_and(|r| r.starts_with('-'))
    })
}

/// Whether the label's first line — its name — uses an organic term (Reg. (EU) 2018/848
/// Annex IV: bio, öko, organic, biologique, ecológico, ekologisk, luomu…).
fn organic_name(b: &Builder) -> bool {
    let first: String = b
        .chars
        .iter()
        .skip_while(|c| c.is_whitespace())
        .take_while(|c| !matches!(c, '\n' | '\r'))
        .collect::<String>()
        .to_lowercase();
    let stems = &b.headings.words.organic_name_stems;
    first
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| stems.iter().any(|t| w.starts_with(t.as_str())))
}

/// On a Chinese infant formula or special dietary food, what a heading-less line says it is:
/// `适用于0—6月龄婴儿` / `适宜6月龄以上婴幼儿` — the suitable population (GB 13432-2013 4.4,
/// GB 10765-2021 4 (2): tins print it without a heading); `乳基 粉状` / `羊乳基，粉状` — a
/// formula's base and form (GB 10765-2021 4 (2)).
fn special_food_line(b: &Builder, scope: HeadingScope<'_>, line: &str) -> Option<Target> {
    let special = scope.market == "CN"
        && (b.category.starts_with("food.infant_formula")
            || b.category.starts_with("food.special_dietary"));
    if !special || line.contains(['：', ':']) || line.chars().count() > 40 {
        return None;
    }
    let t = line.trim();
    if (t.starts_with("适用于") || t.starts_with("适宜于") || t.starts_with("适宜"))
        && [
            "月龄", "岁", "婴", "儿童", "人群", "患者", "孕", "成人", "运动",
        ]
        .iter()
        .any(|w| t.contains(w))
    {
        return Some(Target::Suitable);
    }
    // `早产/低出生体重儿配方食品` under the name of an infant FSMP: the product's category of
    // GB 25596-2010 表A.1 (its label item 2 asks for the category), printed without a heading.
    if b.category == "food.infant_formula.fsmp"
        && not_the_name_line(b, t)
        && (t.ends_with("配方食品") || t.ends_with("配方") || t.ends_with("补充剂"))
        && [
            "乳糖",
            "水解",
            "氨基酸",
            "早产",
            "低出生体重",
            "母乳营养",
            "代谢",
        ]
        .iter()
        .any(|w| t.contains(w))
    {
        return Some(Target::ProductCategory);
    }
    let base = ["乳基", "豆基"].iter().any(|w| t.contains(w));
    let form = ["粉状", "液态", "液体"].iter().any(|w| t.contains(w));
    let rest: String = t
        .chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '，' | ',' | '、' | '/' | '（' | '）' | '(' | ')')
        })
        .collect();
    // Only the two words, a species before the base (羊乳基) and the category's own name.
    let words_only = [
        "羊乳基",
        "牛乳基",
        "乳基",
        "豆基",
        "粉状",
        "液态",
        "液体",
        // `乳基 液态（即食型）`: a liquid formula's kind, ready to feed or to be diluted.
        "即食型",
        "即食",
        "浓缩型",
        "婴儿配方食品",
        "较大婴儿配方食品",
        "幼儿配方食品",
        "产品",
        // `（乳基 粉状 0—6月龄 1段）`: the age and the stage printed with them (blind audit,
        // session 28); what is left after these words must be figures and dashes only.
        "月龄",
        "个月",
        "岁",
        "段",
    ]
    .iter()
    .fold(rest, |r, w| r.replace(w, ""))
    .chars()
    .all(|c| c.is_ascii_digit() || matches!(c, '—' | '-' | '～' | '~' | '至' | '–'));
    (b.category.starts_with("food.infant_formula") && base && form && words_only)
        .then_some(Target::ProductCategory)
}

/// Whether `line` is not the label's first line (its name: `特殊医学用途婴儿配方食品`).
fn not_the_name_line(b: &Builder, line: &str) -> bool {
    let first = b
        .chars
        .iter()
        .skip_while(|c| c.is_whitespace())
        .take_while(|c| !matches!(c, '\n' | '\r'))
        .collect::<String>();
    first.trim() != line
}

/// Whether an item starting at `start` comes after the label's first line, which is its name
/// (`Sugar-free mints with sweeteners` names the food; the same words on a later line are a
/// statement).
fn not_the_name(b: &Builder, start: usize) -> bool {
    let first = b.chars.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
    b.chars[first..start.max(first)]
        .iter()
        .any(|c| matches!(c, '\n' | '\r'))
}

/// Whether lower-cased text holds a disclosure of 21 CFR 101.13(h) or 101.54(d)(1) ('see
/// nutrition information for fat content', '… g total fat per serving'), anywhere in it.
fn us_disclosure_wording(words: &WordLists, text: &str) -> bool {
    words
        .us_disclosure_statements
        .iter()
        .any(|w| text.contains(w.as_str()))
}

/// Whether lower-cased text holds a statement of EU 1169/2011 Annex III 2.1–2.3 ('with
/// sweetener(s)', 'with sugar(s) and sweetener(s)', 'contains a source of phenylalanine'),
/// anywhere in it; the words of the other languages are customary wordings (unverified).
fn annex_iii_wording(words: &WordLists, text: &str) -> bool {
    words
        .annex_iii_statements
        .iter()
        .any(|w| text.contains(w.as_str()))
}

/// Whether lower-cased text speaks of an ingredient's origin — a line as a whole, where the
/// ingredient parser's `origin_wording` reads the place out of a bracket — in the wordings of Reg. (EU)
/// 2018/775 Art 2 (`origin of the wheat: EU`, `does not originate from Ireland`), in English
/// and the usual words of other EU languages (unverified against their language versions).
/// A Chinese line that opens with a temperature (`2℃～8℃冷藏保存`, `-18℃以下冷冻储存`,
/// `0-4℃保存`) and says 保存 / 储存 / 贮存 / 贮藏 / 冷藏 / 冷冻 within its first words.
fn storage_by_temperature(line: &str) -> bool {
    let t = line.trim_start();
    let head: String = t.chars().take(16).collect();
    let starts = t
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '－' | '＋' | '+' | '０'..='９'));
    starts
        && head.contains(['℃', '°'])
        && ["保存", "储存", "贮存", "贮藏", "冷藏", "冷冻"]
            .iter()
            .any(|w| head.contains(w))
}

/// `Cocoa mass from Ecuador.`, `Kakao aus Ecuador und Peru.`: a line of words saying where
/// something comes from — 'from' / 'aus' before a capitalised place, no figure — the origin of
/// an ingredient printed on its own line (Reg. (EU) 2018/775 Art 2(a) prescribes no wording),
/// kept as a statement.
fn from_a_place(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 120
        && !line.chars().any(|c| c.is_ascii_digit())
        && [" from ", " aus "].iter().any(|w| {
            line.match_indices(w).any(|(i, _)| {
                i > 0
                    && line[i + w.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            })
        })
}

fn speaks_of_origin(words: &WordLists, text: &str) -> bool {
    words
        .origin_wordings
        .iter()
        .any(|w| text.contains(w.as_str()))
}

/// Whether a line names a company by its legal form before a comma (`Example SAS, 5 chemin
/// des Vergers…`, `Trailhead Foods, Inc., 1200 Pine Street`): an operator's name and address.
fn names_a_company(words: &WordLists, line: &str) -> bool {
    let parts: Vec<&str> = line.split([',', '，', '·', '•', '|', '–', '—']).collect();
    parts.len() > 1
        && parts[..parts.len() - 1].iter().any(|p| {
            let last = p.trim_end().rsplit([' ', '\u{a0}']).next().unwrap_or("");
            let first = p.trim_start().split([' ', '\u{a0}']).next().unwrap_or("");
            // A cooperative named by its form first: `Spółdzielnia Mleczarska Mazowsze`.
            let first = first.to_lowercase();
            let coop = words
                .cooperative_forms
                .iter()
                .any(|c| first.ends_with(c.as_str()));
            is_legal_form(words, last) || is_legal_form(words, p.trim()) || coop
        })
}

/// Whether a heading-less line is an operator's name and address (EU 1169/2011 Art 9(1)(h),
/// 21 CFR 101.5, 16 CFR 303.19): a company named by its legal form
/// ([`names_a_company`]), or a name followed by an address the line shows to be one
/// ([`names_an_address`]).
fn names_an_operator(words: &WordLists, line: &str) -> bool {
    names_a_company(words, line) || names_an_address(words, line)
}

/// Whether a line is a name followed by a postal address, with no heading and no legal form
/// (`Coca-Cola Europacific Partners, Uxbridge UB8 1EZ, UK`, `Trailhead Foods, 1200 Pine
/// Street, Boulder, CO 80302`, `Molkerei Weihenstephan, Milchstraße 1, 85354 Freising`):
/// comma-separated parts, the first a name (letters, no digit), and a later part holding a
/// postcode in one of the forms the markets use, or the last part a country. Labels print
/// operators this way (Art 9(1)(h) asks for a name and an address, not for a heading), and
/// a line left unread made the operator look missing.
fn names_an_address(words: &WordLists, line: &str) -> bool {
    let line = line.trim().trim_end_matches('.');
    // `Northfield Biscuits Ltd - Unit 4, Mill Road - Cork - Ireland`: a hyphen set apart by
    // blanks parts the line as a comma does.
    // `Gewürzhaus Brenner · Hafenstraße 21 · 24937 Flensburg`: a middle dot likewise.
    let parts: Vec<&str> = line
        .split([',', '，', '·', '•'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .collect();
    if parts.len() < 2 || parts.iter().any(|p| p.is_empty()) {
        return false;
    }
    let name = parts[0];
    if !name.chars().any(char::is_alphabetic)
        || name.chars().any(|c| c.is_ascii_digit())
        || name.contains([':', '：', '%'])
    {
        return false;
    }
    let last = parts[parts.len() - 1].to_lowercase();
    let country = |w: &str| words.address_countries.iter().any(|c| c == w);
    if parts.len() >= 3 && country(&last) {
        return true;
    }
    // A four-digit figure that may be a year (`2000 Jahre Tradition`) counts as a postcode
    // only with a street part before it (a part with a house number) or a country after.
    parts[1..].iter().enumerate().any(|(n, p)| {
        has_postcode(p)
            && (!year_like_code(p)
                || parts[1..=n]
                    .iter()
                    .any(|q| q.chars().any(|c| c.is_ascii_digit()))
                || (n + 2 < parts.len() && country(&last)))
    })
}

/// Whether a part holds a four-digit figure from 1800 to 2099, which may be a year.
fn year_like_code(part: &str) -> bool {
    part.split_whitespace()
        .any(|w| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..2100).contains(&y)))
}

/// Whether a part of an address holds a postcode followed or preceded by what postcodes
/// stand beside: `UB8 1EZ` (UK), `A67 X123` (Ireland), `85354 Freising`, `D-85354
/// Freising`, `1012 AB Amsterdam`, `00-950 Warszawa`, `1000-001 Lisboa`, `111 22
/// Stockholm` (a number, then a capitalised place name), `CO 80302` (a US state and ZIP).
fn has_postcode(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let upper_alnum = |w: &str| {
        w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    let capitalised = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
    };
    words.windows(2).any(|pair| {
        let (a, z) = (pair[0], pair[1].trim_end_matches('.'));
        // UK: outward code (letters, a digit, maybe one more) and inward code (digit, two
        // letters); Irish Eircode: letter and two digits, then four letters or digits.
        let uk = upper_alnum(a)
            && (2..=4).contains(&a.len())
            && a.starts_with(|c: char| c.is_ascii_uppercase())
            && a.chars().any(|c| c.is_ascii_digit())
            && z.len() == 3
            && z.starts_with(|c: char| c.is_ascii_digit())
            && z[1..].chars().all(|c| c.is_ascii_uppercase());
        let eircode = a.len() == 3
            && upper_alnum(a)
            && a.starts_with(|c: char| c.is_ascii_uppercase())
            && a[1..].chars().all(|c| c.is_ascii_digit() || c == 'W')
            && z.len() == 4
            && upper_alnum(z);
        // Continental: 4 or 5 digits (with a country letter prefix `D-`, or the Polish
        // `00-950` and Portuguese `1000-001` forms), then the place.
        let code = a.split_once('-').map_or(a, |(p, c)| {
            if p.chars().all(|ch| ch.is_ascii_uppercase()) && !p.is_empty() {
                c
            } else {
                a
            }
        });
        let numeric = digits(code) && (4..=5).contains(&code.len())
            || code.split_once('-').is_some_and(|(x, y)| {
                digits(x) && digits(y) && matches!((x.len(), y.len()), (2, 3) | (4, 3))
            });
        let continental = numeric && capitalised(z);
        // US: a state's two capitals and a ZIP code (`CO 80302`, `NY 10001-1234`).
        let us = a.len() == 2
            && a.chars().all(|c| c.is_ascii_uppercase())
            && z.split('-')
                .next()
                .is_some_and(|zip| zip.len() == 5 && digits(zip));
        uk || eircode || continental || us
    }) || words.windows(3).any(|w| {
        // Dutch `1012 AB Amsterdam`, Swedish `111 22 Stockholm`.
        let d = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        let cap = |s: &str| {
            let mut cs = s.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
        };
        (w[0].len() == 4
            && d(w[0])
            && w[1].len() == 2
            && w[1].chars().all(|c| c.is_ascii_uppercase())
            && cap(w[2]))
            || (w[0].len() == 3 && d(w[0]) && w[1].len() == 2 && d(w[1]) && cap(w[2]))
    })
}

/// The last word of a company name that is its legal form (Ltd, GmbH, SAS, S.p.A., B.V., …).
fn is_legal_form(words: &WordLists, word: &str) -> bool {
    let w = word.to_lowercase();
    words.legal_forms.contains(&w)
}

/// One amount of a nutrition table as the document holds it: name, value and unit if printed.
fn amount(name: &str, value: Value, unit: Option<&str>) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("name".into(), json!(name));
    m.insert("value".into(), value);
    if let Some(u) = unit {
        m.insert("unit".into(), json!(u));
    }
    m
}

/// Reads the nutrition table that starts at a heading (`营养成分表` + optional basis on the
/// same line) and runs until the next line that starts with another heading. Returns the
/// index of the first line after the table.
#[allow(clippy::too_many_arguments)]
fn read_nutrition(
    b: &mut Builder,
    table: &Headings,
    scope: HeadingScope<'_>,
    all_lines: &[(usize, usize)],
    mut li: usize,
    h: &headings::HeadingMatch,
    vs: usize,
    ve: usize,
) -> usize {
    /// What the title and the header lines say of the table's columns.
    struct Head<'w> {
        /// The reader's word lists (the serving-column words).
        lists: &'w WordLists,
        basis: Option<nutrition::Basis>,
        /// A per-100 kJ column (infant formula tables).
        kj_column: bool,
        /// A per-serving column beside the per-100 one.
        serving_column: bool,
        /// The columns named so far, in printed order.
        columns: Vec<nutrition::Column>,
        /// The NRV % column follows the per-serving column: the table is read per serving.
        serving_nrv: bool,
        /// Column groups side by side (`项目 每100克 NRV% 项目 每100克 NRV%`, GB 28050-2025
        /// 附录B 示例5): each printed line holds one row of each group.
        groups: usize,
        /// The basis so far is the title's (no header line read yet).
        from_title: bool,
        /// A per-100 mL column between per 100 g and per 100 kJ: its cell index, left out of
        /// each row.
        skip_cell: Option<usize>,
        /// The foods of a pack side by side (附录B 示例8): how many; the first food's columns
        /// are read.
        foods: Option<usize>,
    }
    impl Head<'_> {
        fn header(&mut self, found: Option<nutrition::Basis>, line: &str) {
            // A US `Serving size …` line names the basis even after an `Amount per
            // serving` header: the one with a quantity wins.
            let sized = found.as_ref().is_some_and(|f| f.serving_size.is_some());
            // `营养成分表（每份含面饼及全部配料）` over `项目 | 每100克 | NRV% | 每份(121克) | NRV%`:
            // a serving named in the title without its quantity describes the food; the
            // columns the header names say what the values are.
            let unsized_serving = self
                .basis
                .as_ref()
                .is_some_and(|b| b.serving_size.is_none() && b.basis == "per_serving");
            if (self.basis.is_none() || (unsized_serving && (sized || self.from_title)))
                && (found.is_some() || !self.from_title)
            {
                self.basis = found;
            }
            self.from_title = false;
            if self.skip_cell.is_none() {
                self.skip_cell = nutrition::per_ml_between(line);
            }
            if self.foods.is_none() {
                self.foods = nutrition::foods_side_by_side(line);
            }
            let items = line.matches("项目").count();
            if items >= 2 {
                self.groups = items;
            }
            self.kj_column |= nutrition::names_per_100kj(line);
            self.serving_column |= nutrition::names_serving_column(self.lists, line);
            self.columns.extend(nutrition::header_columns(line));
            if let Some(b) = nutrition::nrv_of_serving(&self.columns) {
                self.basis = Some(b);
                self.serving_nrv = true;
            }
        }
        /// The per-100 kJ column, the per-serving column, the NRV % of the serving, and an
        /// NRV % column beside the one value column (`项目  每100mL  NRV%`).
        fn flags(&self) -> (bool, bool, bool, bool) {
            let nrv_only = self
                .columns
                .iter()
                .any(|c| matches!(c, nutrition::Column::Nrv))
                && !self
                    .columns
                    .iter()
                    .any(|c| matches!(c, nutrition::Column::Serving(_)));
            (
                self.kj_column,
                self.serving_column,
                self.serving_nrv,
                nrv_only && !self.kj_column && !self.serving_column,
            )
        }
    }
    /// A table flattened onto one line (at char `at`): its header cells, then its rows.
    fn place_flat(
        chars: &[char],
        at: usize,
        (header, flat_rows): nutrition::Flat,
        head: &mut Head<'_>,
        (rows, right): (&mut Placed, &mut Placed),
        per_kj: &mut Placed,
        pending_unread: &mut Vec<(usize, usize, &'static str)>,
    ) {
        if let Some((hs, he)) = header {
            let text = text_of(chars, at + hs, at + he);
            head.header(nutrition::basis_in(&text), &text);
        }
        // Under column groups side by side, a line's first row is the left group's, the
        // others the right groups' (示例5 注: the order may run top to bottom): those are
        // placed after the left column.
        let side_by_side = head.groups >= 2 && flat_rows.len() <= head.groups;
        for (k, (rs, re)) in flat_rows.into_iter().enumerate() {
            if let nutrition::Line::Row(r) = nutrition::read_line(&text_of(chars, at + rs, at + re))
            {
                let into: &mut Placed = if side_by_side && k > 0 { right } else { rows };
                place_row(
                    &r,
                    (at + rs, at + re),
                    head.flags(),
                    into,
                    per_kj,
                    pending_unread,
                );
            }
        }
    }
    /// A row printed one cell a line, when it ends: the row its cells make. A name line with
    /// no value under it is a note printed with the table.
    fn place_cells(
        (s, e, cells): (usize, usize, Vec<String>),
        flags: (bool, bool, bool, bool),
        rows: &mut Placed,
        per_kj: &mut Placed,
        pending_unread: &mut Vec<(usize, usize, &'static str)>,
        statements: &mut Vec<(usize, usize)>,
    ) {
        if cells.len() < 2 {
            statements.push((s, e));
            return;
        }
        match nutrition::read_line(&cells.join("  ")) {
            nutrition::Line::Row(r) => place_row(&r, (s, e), flags, rows, per_kj, pending_unread),
            nutrition::Line::Unread(why) => pending_unread.push((s, e, why)),
            _ => pending_unread.push((s, e, "a name and figures one cell a line that make no row")),
        }
    }
    let title_end = ve.max(h.end);
    let mut title = text_of(b.chars, h.start, title_end);
    let title_value = text_of(b.chars, vs, ve);
    let mut head = Head {
        lists: &table.words,
        basis: nutrition::basis_in(&title_value),
        kj_column: nutrition::names_per_100kj(&title_value),
        serving_column: nutrition::names_serving_column(&table.words, &title_value),
        columns: Vec::new(),
        serving_nrv: false,
        groups: 1,
        from_title: true,
        skip_cell: None,
        foods: None,
    };
    let mut rows: Vec<(Value, usize, usize)> = Vec::new();
    // The rows of the right-hand column groups of a side-by-side table, placed after the
    // left column's.
    let mut right_rows: Vec<(Value, usize, usize)> = Vec::new();
    let mut per_kj: Vec<(Value, usize, usize)> = Vec::new();
    let mut pending_unread: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut statements: Vec<(usize, usize)> = Vec::new();
    let mut servings: Option<(Value, usize, usize)> = None;
    // Pieces of a tabular display's left column (`1 serving per` / `container` / `Serving
    // size` / `1 bag (43g)`), read together when the table ends.
    let mut stub: Vec<(usize, usize)> = Vec::new();
    // A row printed one cell a line (`能量` / `1922千焦` / `23%`, OCR of a table read cell by
    // cell): where its name line starts, where its last cell ends, its cells.
    let mut cell_row: Option<(usize, usize, Vec<String>)> = None;
    let table_start = h.start;
    let mut table_end = title_end;
    // The declaration on the title's own line, items separated by commas: EU 1169/2011
    // Art 34(2)'s linear format, GB 28050-2025 附录B 示例6's text format
    // (`营养成分/100克：能量2242kJ，蛋白质6.4克，…`). Then the lines below are not the table's.
    let mut linear = false;
    // `…, Protein 0g. Not a significant source of saturated fat, trans fat, …` (21 CFR
    // 101.9(f)(5), printed on the linear declaration's line): the sentence ends the items
    // and is one statement, its commas kept.
    let insignificant = not_significant_source(b.chars, vs, ve);
    let (before_colon, mut pieces) = linear_pieces(b.chars, vs, insignificant.unwrap_or(ve));
    // `Nutrition declaration per 100 g:` alone, the declaration on the next line (`Energy
    // 1949 kJ / 465 kcal; Fat 20 g, of which saturates 2.1 g; …`): that line is the linear
    // declaration when it parts into three rows or more (a table's first row is one).
    let mut linear_below: Option<usize> = None;
    if pieces.is_empty() {
        let next = (li..all_lines.len()).find(|&k| {
            let (s, e) = lines::trim(b.chars, all_lines[k].0, all_lines[k].1);
            s < e
        });
        if let Some(k) = next {
            let (line_s, e) = lines::trim(b.chars, all_lines[k].0, all_lines[k].1);
            // `Per 100 g: Energy …; Fat …` under a bare title: the basis before the colon, the
            // items after it.
            let basis_before = (line_s..e.min(line_s + 30))
                .find(|&i| matches!(b.chars[i], ':' | '：'))
                .and_then(
                    |colon| match nutrition::read_line(&text_of(b.chars, line_s, colon)) {
                        nutrition::Line::Header(Some(found)) => Some((found, colon + 1)),
                        _ => None,
                    },
                );
            let s = basis_before.as_ref().map_or(line_s, |(_, after)| *after);
            let below = linear_items(b.chars, s, e);
            let rows = below
                .iter()
                .filter(|&&(ps, pe)| {
                    matches!(
                        nutrition::read_line(&text_of(b.chars, ps, pe)),
                        nutrition::Line::Row(_)
                    )
                })
                .count();
            if rows >= 3
                && table.at_start(b.chars, line_s, e, scope).is_none()
                && table.line_start(b.chars, line_s, e, scope).is_none()
            {
                if let Some((found, _)) = basis_before {
                    head.header(Some(found), "");
                }
                pieces = below;
                linear_below = Some(k);
            }
        }
    }
    // A linear declaration wrapped onto the next lines (`… ; Matières grasses 31 g, dont
    // acides gras saturés 14 g ;` / `Glucides 56 g, dont sucres 54 g ; …`; Art 34(2) asks for
    // the linear format, not for one printed line): each next line of two rows or more — or of
    // one, after a line ended by a separator — goes on with it.
    let rows_in = |pieces: &Pieces| {
        pieces
            .iter()
            .filter(|&&(ps, pe)| {
                matches!(
                    nutrition::read_line(&text_of(b.chars, ps, pe)),
                    nutrition::Line::Row(_)
                )
            })
            .count()
    };
    if rows_in(&pieces) >= 1 {
        let mut k = linear_below.map_or(li, |k| k + 1);
        let mut ended_open = {
            let last = pieces.last().map_or(vs, |p| p.1);
            let (_, e) = lines::trim(b.chars, last, ve.max(last));
            let end = linear_below.map_or(e, |k| {
                lines::trim(b.chars, all_lines[k].0, all_lines[k].1).1
            });
            end > 0 && matches!(b.chars[end - 1], ';' | ',' | '|' | '；' | '，')
        };
        while let Some(&(ls, le)) = all_lines.get(k) {
            let (s, e) = lines::trim(b.chars, ls, le);
            if s >= e
                || table.at_start(b.chars, s, e, scope).is_some()
                || table.line_start(b.chars, s, e, scope).is_some()
            {
                break;
            }
            let more = linear_items(b.chars, s, e);
            let rows = rows_in(&more);
            if rows < 2 && !(ended_open && rows == 1 && more.len() == 1) {
                break;
            }
            ended_open = matches!(b.chars[e - 1], ';' | ',' | '|' | '；' | '，');
            pieces.extend(more);
            linear_below = Some(k);
            k += 1;
        }
    }
    // `Typical values per 100ml: Energy 163kJ / 39kcal` (Art 30(4): a beverage over 1.2 % vol
    // may declare energy alone): one item, energy in both units, is the declaration.
    let energy_piece: Option<((usize, usize), nutrition::Row)> = match pieces.as_slice() {
        [(ps, pe)] => match nutrition::read_line(&text_of(b.chars, *ps, *pe)) {
            nutrition::Line::Row(r)
                if r.unit.is_some()
                    && r.second.as_ref().is_some_and(|(_, u)| {
                        u.as_deref().is_some_and(|u| {
                            matches!(
                                u.to_ascii_lowercase().as_str(),
                                "kcal" | "kj" | "千卡" | "千焦"
                            )
                        })
                    }) =>
            {
                Some(((*ps, *pe), r))
            }
            _ => None,
        },
        _ => None,
    };
    // Not when the table goes on below (`Nutrition per 100 g: Energy 1900 kJ/452 kcal` over
    // `Fat  14 g`, …): those lines are its rows, the energy on the title's line the first.
    let table_below = energy_piece.is_some()
        && all_lines
            .get(li..)
            .unwrap_or_default()
            .iter()
            .map(|&(ls, le)| lines::trim(b.chars, ls, le))
            .find(|(s, e)| s < e)
            .is_some_and(|(s, e)| {
                table.at_start(b.chars, s, e, scope).is_none()
                    && table.line_start(b.chars, s, e, scope).is_none()
                    && matches!(
                        nutrition::read_line(&text_of(b.chars, s, e)),
                        nutrition::Line::Row(_) | nutrition::Line::Header(_)
                    )
            });
    let energy_only = energy_piece.is_some() && !table_below;
    if pieces.len() >= 2 || energy_only {
        let read: Vec<((usize, usize), nutrition::Row)> = pieces
            .iter()
            .filter_map(
                |&(ps, pe)| match nutrition::read_line(&text_of(b.chars, ps, pe)) {
                    nutrition::Line::Row(r) => Some(((ps, pe), r)),
                    _ => None,
                },
            )
            .collect();
        if read.len() >= 2 || (energy_only && read.len() == 1) {
            linear = true;
            if let Some(k) = linear_below {
                table_end = lines::trim(b.chars, all_lines[k].0, all_lines[k].1).1;
                li = k + 1;
            }
            if let Some(ns) = insignificant {
                let (ns, ne) = lines::trim(b.chars, ns, ve);
                if ns < ne {
                    statements.push((ns, ne));
                }
            }
            // `…，钠1500mg。儿童青少年应避免过量摄入盐油糖。` (GB 28050-2025 附录B 示例6): a sentence of
            // words after the items is a statement printed with the declaration.
            for &(ps, pe) in &pieces {
                let words_only = !b.chars[ps..pe]
                    .iter()
                    .any(|c| headings::fold(*c).is_ascii_digit());
                let is_row = read.iter().any(|((rs, _), _)| *rs == ps);
                // `Serving size 1 bar (40g)`, `1 servings per container` among the items of a
                // one-line US panel (no colon before them): read below with the serving.
                let serving_piece = matches!(
                    nutrition::read_line(&text_of(b.chars, ps, pe)),
                    nutrition::Line::Header(Some(ref f)) if f.serving_size.is_some()
                ) || matches!(
                    nutrition::read_line(&text_of(b.chars, ps, pe)),
                    nutrition::Line::Servings(_)
                );
                if serving_piece {
                    continue;
                }
                if words_only && !is_row && read.first().is_some_and(|f| ps > f.0 .0) {
                    statements.push((ps, pe));
                } else if !is_row && !words_only {
                    // `Calcium (6% DV)`, an item the reader cannot read: said so, not dropped.
                    pending_unread.push((
                        ps,
                        pe,
                        "an item of the one-line declaration that reads as no row",
                    ));
                }
            }
            // `Serv. size 1 piece (21g), Servings 1, Amount per serving: …` (21 CFR
            // 101.9(j)(13)(ii)(A)(2)'s linear form): the serving and the servings per
            // container before the colon.
            for &(ps, pe) in before_colon.iter().chain(pieces.iter()) {
                match nutrition::read_line(&text_of(b.chars, ps, pe)) {
                    nutrition::Line::Header(Some(found)) if found.serving_size.is_some() => {
                        head.header(Some(found), "")
                    }
                    nutrition::Line::Servings(n) => {
                        if let Some(v) = Builder::number(&n) {
                            servings = Some((v, ps, pe));
                        }
                    }
                    _ => {}
                }
            }
            // Lines of words right below it are its notes (GB 28050-2025 4.5's children's
            // statement), up to the next item.
            while li < all_lines.len() {
                let (s, e) = lines::trim(b.chars, all_lines[li].0, all_lines[li].1);
                let words_only = s < e
                    && !b.chars[s..e]
                        .iter()
                        .any(|c| headings::fold(*c).is_ascii_digit());
                // A company's name alone (`Sugo Nostro S.p.A.` over its address) is the
                // operator, not a note of the declaration.
                if !words_only
                    || table.at_start(b.chars, s, e, scope).is_some()
                    || table.line_start(b.chars, s, e, scope).is_some()
                    || (scope.market != "CN"
                        && company_alone(&table.words, &text_of(b.chars, s, e)))
                {
                    break;
                }
                statements.push((s, e));
                table_end = e;
                li += 1;
            }
            for (at, r) in &read {
                place_row(
                    r,
                    *at,
                    head.flags(),
                    &mut rows,
                    &mut per_kj,
                    &mut pending_unread,
                );
            }
        }
    }
    if let Some((at, r)) = energy_piece.as_ref().filter(|_| table_below) {
        place_row(
            r,
            *at,
            head.flags(),
            &mut rows,
            &mut per_kj,
            &mut pending_unread,
        );
    }
    // `营养成分表 项目 每100克 NRV% 能量 1922千焦 23% 蛋白质 …`: the table flattened onto the
    // title's line.
    if !linear && vs < ve {
        if let Some(flat) = nutrition::flattened(&title_value) {
            place_flat(
                b.chars,
                vs,
                flat,
                &mut head,
                (&mut rows, &mut right_rows),
                &mut per_kj,
                &mut pending_unread,
            );
        }
    }
    // A blank line since the last line the table took.
    let mut gap = false;
    // Rows of which only the first food's columns were read (附录B 示例8).
    let mut other_foods = false;
    while !linear && li < all_lines.len() {
        let (ls, le) = all_lines[li];
        let (s, e) = lines::trim(b.chars, ls, le);
        if s >= e {
            li += 1;
            gap = true;
            continue;
        }
        // `IT Da consumarsi preferibilmente entro il …` under the table: a language code, then
        // another item's heading — the table has ended (blind audit round 24).
        if lines::code_before_heading(b.chars, s, e, table, scope).is_some() {
            break;
        }
        if let Some(other) = table.at_start(b.chars, s, e, scope) {
            // Another item, or a second table's title (a pack of different foods, GB 7718
            // 4.1.5.6: each food its own table) after rows were read.
            if other.target != Target::Nutrition || !rows.is_empty() {
                break;
            }
            // `Nutrition Information` over `营养成分表`: the title in two languages on two
            // lines is one title (GB 28050 3.2 allows the foreign words; their order is free).
            let here = text_of(b.chars, s, e);
            if !title
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                && here.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                && head.columns.is_empty()
            {
                title = format!("{}\n{}", title.trim_end(), here);
            }
        }
        let line = text_of(b.chars, s, e);
        // An operator's name and address printed under the table ends it, as does a line
        // that says by itself what else it is (a date with its A.2.3 words, a registration
        // number, a line_start line).
        if (scope.market != "CN"
            && (names_an_operator(&table.words, &line)
                || company_alone(&table.words, &line)
                || values::quantity_only(&line)
                || values::storage_by_verb(&line)))
            || table.line_start(b.chars, s, e, scope).is_some()
            || (!rows.is_empty()
                && !line.chars().any(|c| c.is_ascii_digit())
                && !claims_in_line(b.chars, table, scope.market, s, e).is_empty())
            // `钠含量比普通挂面降低24%` under the rows: a comparative claim, not a row.
            || (!rows.is_empty()
                && scope.market == "CN"
                && values::cn_comparative_claim(&line).is_some())
            // `Heat and serve. Once opened, … use within 2 days.` after a blank line under
            // the rows: a sentence, no row (its figure and word are no amount and unit).
            || (gap && !rows.is_empty() && sentence_line(&line))
            || values::registration_only(&table.words, &values::folded(&line))
            || values::expiry_with_suffix(&table.words, &values::folded(&line)).is_some()
            // The EU organic logo's code under the table (`IE-ORG-02`, Reg. (EU) 2018/848
            // Art 32(1)(a)): the logo's text, no row nor note of the table.
            || (scope.market == "EU"
                && !rows.is_empty()
                && eu_organic_line(&table.words, &line).is_some_and(|(code, _)| code.is_some()))
        {
            break;
        }
        // So does a line whose words before its colon start with a heading but are no heading
        // the table knows whole (`生产日期及保质期至：见包装背面` when only 生产日期 is known,
        // `产地及原料来源：山东省`): another item, not a note of the table. Its heading is not
        // read from the words inside it, so it is left unread, said so.
        let colon = (s..e).find(|&i| matches!(b.chars[i], '：' | ':' | '﹕'));
        if let Some(c) = colon.filter(|&c| c > s) {
            let figures = b.chars[s..c]
                .iter()
                .any(|ch| headings::fold(*ch).is_ascii_digit());
            let item = table
                .word_at_start(b.chars, s, c, scope)
                .is_some_and(|t| !matches!(t, Target::Nutrition | Target::Statement));
            // `Consume within 3 days of opening. Best before: see base of can.`: a sentence,
            // then a heading the reader knows before the colon — the line is the items', not
            // the table's (blind audit round 23).
            let heading_before_colon = table
                .ending_at_colon(b.chars, s, c, e, scope, lines::separator)
                .is_some_and(|h| h.start > s && h.target != Target::Nutrition);
            if heading_before_colon {
                break;
            }
            if !figures && item {
                b.unread(
                    s,
                    e,
                    "a line under the nutrition table whose words before the colon are no \
                     heading the reader knows whole: not read",
                );
                li += 1;
                break;
            }
        }
        li += 1;
        table_end = e;
        gap = false;
        // The next cell of a row printed one cell a line; any other line ends that row.
        if let Some((_, ce, cells)) = cell_row.as_mut() {
            if nutrition::value_cell(&line) {
                cells.push(line.clone());
                *ce = e;
                continue;
            }
        }
        if let Some(cr) = cell_row.take() {
            place_cells(
                cr,
                head.flags(),
                &mut rows,
                &mut per_kj,
                &mut pending_unread,
                &mut statements,
            );
        }
        // A footnote under the table (`*Reference intake of an average adult (8 400 kJ/2 000
        // kcal)`, `*Contains less than 2 percent of the Daily Value…`) is a statement printed
        // with it, figures and all.
        if matches!(b.chars[s], '*' | '＊' | '※') {
            statements.push((s, e));
            continue;
        }
        // `354 kcal      71 kcal` on the line under `Energy 1494 kJ      299 kJ`: the energy
        // in kcal of the row above (Art 32(1): energy in kJ and kcal).
        if let Some(v) = kcal_under_kj(&line, &rows) {
            let name = rows
                .last()
                .and_then(|(r, _, _)| r.get("name"))
                .and_then(Value::as_str)
                .unwrap_or("Energy")
                .to_string();
            rows.push((Value::Object(amount(&name, v, Some("kcal"))), s, e));
            continue;
        }
        // `Total Fat 10g 13% | Total Carb. 15g 5%`: rows side by side.
        // Under column groups side by side (`项目 每100克 NRV%   项目 每100克 NRV%`, GB 28050-2025
        // 附录B 示例5, whose note lets the order run '自上而下纵向排开'): a line's first row is the
        // left group's, the others the right groups', placed after the left column.
        // `能量 2481千焦 30% 2555千焦 30% 3015千焦 36%` under three foods' columns (GB 28050-2025
        // 附录B 示例8, a pack of several foods): the first food's cells are the row read (the
        // document holds one declaration; the others are said to be unread below).
        let line = match head.foods {
            Some(n) => match nutrition::first_food_cells(&line, n) {
                Some(first) => {
                    other_foods = true;
                    first
                }
                None => line,
            },
            None => line,
        };
        if let Some(parts) = nutrition::side_by_side(&line) {
            let grouped = head.groups >= 2 && parts.len() <= head.groups;
            for (k, (ps, pe)) in parts.into_iter().enumerate() {
                let part = text_of(b.chars, s + ps, s + pe);
                match nutrition::read_line(&part) {
                    nutrition::Line::Row(r) => place_row(
                        &r,
                        (s + ps, s + pe),
                        head.flags(),
                        if grouped && k > 0 {
                            &mut right_rows
                        } else {
                            &mut rows
                        },
                        &mut per_kj,
                        &mut pending_unread,
                    ),
                    nutrition::Line::Servings(n) => {
                        if let Some(v) = Builder::number(&n) {
                            servings = Some((v, s + ps, s + pe));
                        }
                    }
                    // The left column of a tabular display, cut by the line breaks
                    // (`Serving size` over `1 bag (43g)`): joined when the table ends (see
                    // `split_side_by_side`); a caption alone names no size yet.
                    nutrition::Line::Header(found) => {
                        if k == 0 && found.as_ref().is_none_or(|f| f.serving_size.is_none()) {
                            stub.push((s + ps, s + pe));
                        }
                        head.header(found, &part)
                    }
                    nutrition::Line::Unread(_) if k == 0 => stub.push((s + ps, s + pe)),
                    nutrition::Line::Unread(_) => {}
                }
            }
            continue;
        }
        // `项目 每100克 每100毫升 每100千焦` (GB 13432 4.3.2: per 100 g and/or per 100 mL,
        // with per 100 kJ): the per-100 mL column between is left out of each row; the first
        // and the per-100 kJ columns are placed.
        let line = match head.skip_cell {
            Some(k) => nutrition::without_cell(&line, k).unwrap_or(line),
            None => line,
        };
        match nutrition::read_line(&line) {
            nutrition::Line::Servings(n) => match Builder::number(&n) {
                Some(v) => servings = Some((v, s, e)),
                None => pending_unread.push((s, e, "servings per container is not a number")),
            },
            nutrition::Line::Header(found) => head.header(found, &line),
            nutrition::Line::Row(r) => place_row(
                &r,
                (s, e),
                head.flags(),
                &mut rows,
                &mut per_kj,
                &mut pending_unread,
            ),
            // A line of words with no figure below the table — GB 28050-2025 4.5's
            // '儿童青少年应避免过量摄入盐油糖', a note — is a statement printed with the table;
            // unless figures follow on the lines below it: then it is a row's name, printed
            // one cell a line (placed when the row ends).
            nutrition::Line::Unread(_)
                if !b.chars[s..e]
                    .iter()
                    .any(|c| c.is_ascii_digit() || ('０'..='９').contains(c)) =>
            {
                // A sentence (`儿童青少年应避免过量摄入盐油糖。`) is a statement, whatever
                // follows it: a row's name is no sentence. GB 28050-2025 4.5 puts that
                // statement under the table, so the table ends with it (`1岁以下婴儿不宜食用
                // 本品` on the next line is no cell of a row).
                let sentence =
                    line.trim_end().ends_with(['。', '！', '!', '.']) || line.contains("盐油糖");
                if sentence || nutrition::value_cell(&line) {
                    statements.push((s, e));
                    if line.contains("盐油糖") {
                        break;
                    }
                } else {
                    cell_row = Some((s, e, vec![line]));
                }
            }
            nutrition::Line::Unread(why) => match nutrition::flattened(&line) {
                Some(flat) => place_flat(
                    b.chars,
                    s,
                    flat,
                    &mut head,
                    (&mut rows, &mut right_rows),
                    &mut per_kj,
                    &mut pending_unread,
                ),
                None => pending_unread.push((s, e, why)),
            },
        }
    }
    if let Some(cr) = cell_row.take() {
        place_cells(
            cr,
            head.flags(),
            &mut rows,
            &mut per_kj,
            &mut pending_unread,
            &mut statements,
        );
    }
    if let (Some(&(first, _)), Some(&(_, last))) = (stub.first(), stub.last()) {
        // `1 serving per container Serving size 1 bag (43g)`: the servings and the serving
        // size, each read as its own line would be.
        let joined: Vec<String> = stub.iter().map(|&(a, z)| text_of(b.chars, a, z)).collect();
        let joined = joined.join(" ");
        // (ASCII lower case keeps every byte where it was: the index cuts `joined`.)
        let cut = joined
            .to_ascii_lowercase()
            .find("serving size")
            .unwrap_or(joined.len());
        for piece in [&joined[..cut], &joined[cut..]] {
            match nutrition::read_line(piece.trim()) {
                nutrition::Line::Servings(n) if servings.is_none() => {
                    if let Some(v) = Builder::number(&n) {
                        servings = Some((v, first, last));
                    }
                }
                nutrition::Line::Header(found @ Some(_)) => head.header(found, piece),
                _ => {}
            }
        }
    }
    rows.append(&mut right_rows);
    for (s, e, why) in pending_unread {
        b.unread(s, e, why);
    }
    if other_foods {
        b.unread(
            table_start,
            title_end,
            "the columns of the pack's other foods (only the first food's were read)",
        );
    }
    // `营养成分表（每100千焦）` over `项目  每100千焦`: a table of the per-100 kJ column alone,
    // printed apart from the per-100 g one (GB 10765-2021 4 (1), GB 13432-2013 4.3.2 ask for
    // the per-100 kJ values, not for one table; blind audit, session 28).
    if head.basis.is_none() && head.kj_column && !rows.is_empty() {
        for (amount, s, e) in rows.into_iter().chain(per_kj) {
            b.push("/population/formula/per_100kj", amount, s, e);
        }
        return li;
    }
    let Some(basis) = head.basis else {
        b.unread(
            table_start,
            table_end,
            "a nutrition table without a basis (每100g, 每100mL, 每份…): not read",
        );
        return li;
    };
    let mut n = Map::new();
    n.insert("basis".into(), json!(basis.basis));
    if let Some(size) = basis.serving_size.as_deref().and_then(Builder::number) {
        n.insert("serving_size".into(), size);
    }
    if let Some(u) = basis.serving_unit {
        n.insert("serving_unit".into(), json!(u));
    }
    n.insert(
        "format".into(),
        json!(if linear { "text" } else { "table" }),
    );
    n.insert("title".into(), json!(title.trim()));
    n.insert("rows".into(), Value::Array(Vec::new()));
    if b.doc.contains_key("nutrition") {
        b.unread(table_start, table_end, "a second nutrition table: not read");
        return li;
    }
    b.doc.insert("nutrition".into(), Value::Object(n));
    let span = b.span(table_start, table_end);
    b.fields.push(SourceField {
        pointer: "/nutrition".into(),
        span,
        verbatim: false,
    });
    if let Some((v, s, e)) = servings {
        b.set("/nutrition/servings_per_container", v, s, e, false);
    }
    for (row, s, e) in rows {
        b.push("/nutrition/rows", row, s, e);
    }
    for (amount, s, e) in per_kj {
        b.push("/population/formula/per_100kj", amount, s, e);
    }
    for (s, e) in statements {
        let text = text_of(b.chars, s, e);
        b.push("/nutrition/statements", json!(text), s, e);
    }
    li
}

type Placed = Vec<(Value, usize, usize)>;

/// The kcal figure of a line that holds only energy in kcal (one or more columns) right
/// under a row of energy in kJ.
fn kcal_under_kj(line: &str, rows: &Placed) -> Option<Value> {
    let (last, _, _) = rows.last()?;
    let unit = last
        .get("unit")
        .and_then(Value::as_str)?
        .to_ascii_lowercase();
    if !matches!(unit.as_str(), "kj" | "千焦") {
        return None;
    }
    // `	496kcal	83kcal	4%` (UK tables, Art 32(4)/33: the %RI of the portion on the kcal
    // line): percentages after the kcal figures are that line's too.
    let pairs = values::numbers_with_units(line);
    let kcal = |u: &str| matches!(u.to_ascii_lowercase().as_str(), "kcal" | "千卡");
    let percent = |u: &str| matches!(u, "%" | "％");
    let firsts = pairs.iter().take_while(|(_, u)| kcal(u)).count();
    let only_kcal = firsts > 0 && pairs.iter().skip(firsts).all(|(_, u)| percent(u));
    let words: String = line
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase()
        .replace("kcal", "")
        .replace("千卡", "");
    (only_kcal && words.is_empty())
        .then(|| pairs.first().and_then(|(n, _)| Builder::number(n)))
        .flatten()
}

/// Char ranges of the pieces of a linear declaration.
type Pieces = Vec<(usize, usize)>;

/// The items of a declaration printed on one line after its title (`…：能量2242kJ，蛋白质6.4克`,
/// `Nährwerte pro 100 g: Brennwert 250 kJ / 60 kcal, Fett 1,2 g, …`): the text after the first
/// colon cut at `，`, `、`, `;`, `；` and at a `,` that is no decimal comma (not between
/// digits), each trimmed.
///
/// Returns the pieces before the colon (cut the same way) and the pieces after it. A piece
/// with a bracket keeps what the bracket holds (`Total Sugars 12g (Incl. 12g Added Sugars, 24%
/// DV)`), and such a piece is two: the row before the bracket, and the one inside it.
/// Where `Not a significant source of` (21 CFR 101.9(f)(5)) starts in `vs..ve`, after the
/// declaration's colon.
fn not_significant_source(chars: &[char], vs: usize, ve: usize) -> Option<usize> {
    const WORDS: &str = "not a significant source of";
    let n = WORDS.chars().count();
    let colon = (vs..ve).find(|&i| matches!(chars[i], '：' | ':'))?;
    (colon + 1..ve.saturating_sub(n - 1)).find(|&i| {
        chars[i..i + n]
            .iter()
            .zip(WORDS.chars())
            .all(|(c, w)| c.to_ascii_lowercase() == w)
            && (i == 0 || !chars[i - 1].is_alphanumeric())
    })
}

fn linear_pieces(chars: &[char], vs: usize, ve: usize) -> (Pieces, Pieces) {
    let colons: Vec<usize> = (vs..ve)
        .filter(|&i| matches!(chars[i], '：' | ':'))
        .collect();
    // `Serv. size: 1 bar (50g), Amount per serving: Calories 210, …`: the items start after
    // the colon of `Amount per serving`, else after the first colon.
    // Looked for in the few characters before each colon, so a line of many colons stays
    // linear.
    let per_serving = colons.iter().copied().find(|&c| {
        const WORDS: [char; 11] = ['p', 'e', 'r', ' ', 's', 'e', 'r', 'v', 'i', 'n', 'g'];
        let mut e = c;
        while e > vs && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        e >= vs + WORDS.len()
            && chars[e - WORDS.len()..e]
                .iter()
                .zip(WORDS)
                .all(|(&a, w)| a.to_ascii_lowercase() == w)
    });
    // `Nutrition per 100 g | Energy 1830 kJ / 435 kcal | Fat 15 g | …`: with no colon, a bar
    // after the title sets the items apart from it.
    let Some(colon) = per_serving
        .or_else(|| colons.first().copied())
        .or_else(|| (vs..ve).find(|&i| matches!(chars[i], '|' | '｜')))
    else {
        // `Nutrition Facts 1 servings per container, Serving size 1 bar (40g), Calories 180,
        // Total Fat 7g 9%, …` (21 CFR 101.9(j)(13)(ii)(A)(2) on a small pack): no colon and no
        // bar, the value a run of three commas or more is the items, the serving among them.
        let commas = (vs..ve).filter(|&i| matches!(chars[i], ',' | '，')).count();
        return if commas >= 3 {
            (Vec::new(), linear_items(chars, vs, ve))
        } else {
            (Vec::new(), Vec::new())
        };
    };
    (
        linear_items(chars, vs, colon),
        linear_items(chars, colon + 1, ve),
    )
}

/// The items of a linear declaration between `from` and `to` (a line's part after its
/// colon, or a whole line under a title that stands alone): cut at commas, semicolons, bars,
/// bullets, a dash between blanks after a figure, a sub-row word after a figure, or a
/// capitalised name after a figure's unit.
fn linear_items(chars: &[char], from: usize, to: usize) -> Pieces {
    let digit = |i: usize| {
        chars
            .get(i)
            .is_some_and(|c| headings::fold(*c).is_ascii_digit())
    };
    // `fat 14 g of which saturates 1.5 g`, `matières grasses 3,0 g dont acides gras saturés
    // 1,1 g`: a sub-row word (Annex XV's `of which`, `dont`, `davon`…) right after a figure and
    // its unit starts an item of its own, though no comma is printed before it (Art 34(2)
    // prescribes no separator).
    const SUB_ROW: [&str; 9] = [
        "of which ",
        "dont ",
        "davon ",
        "di cui ",
        "waarvan ",
        "w tym ",
        "de las cuales ",
        "de los cuales ",
        "wovon ",
    ];
    let sub_row_at = |i: usize| {
        i > 0
            && chars[i - 1].is_whitespace()
            && SUB_ROW.iter().any(|w| {
                let mut k = i;
                w.chars().all(|wc| {
                    let hit = chars.get(k).is_some_and(|c| c.to_ascii_lowercase() == wc);
                    k += 1;
                    hit
                })
            })
    };
    {
        let mut out = Vec::new();
        let mut start = from;
        let mut depth = 0usize;
        // Whether the item begun at `start` holds a figure yet.
        let mut figure = false;
        for i in from..=to {
            if i < to {
                match chars[i] {
                    '(' | '（' => depth += 1,
                    ')' | '）' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            if i < to && depth == 0 && figure && sub_row_at(i) {
                let (s, e) = lines::trim(chars, start, i);
                if s < e {
                    out.extend(bracket_split(chars, s, e));
                }
                start = i;
                figure = false;
            }
            figure |= i < to && digit(i);
            // `Énergie 1180 kJ / 284 kcal | Matières grasses 24 g | …`: a bar, a bullet, or a
            // dash set between blanks after a figure also parts the items.
            let dash = i < to
                && chars.get(i) == Some(&'-')
                && i > start
                && chars[i - 1] == ' '
                && chars.get(i + 1) == Some(&' ')
                && figure
                && chars.get(i + 2).is_some_and(|c| c.is_alphabetic());
            // `Energie 1633 kJ/386 kcal Vetten 6,0 g …`: no separator at all — a blank after a
            // figure's unit, before a capitalised word, parts the items (looked back over at
            // most a unit's length).
            let unit_then_name = i < to
                && chars[i] == ' '
                && figure
                && chars.get(i + 1).is_some_and(|c| c.is_uppercase())
                && {
                    let mut k = i;
                    while k > start && i - k < 5 && chars[k - 1].is_alphabetic() {
                        k -= 1;
                    }
                    let unit: String = chars[k..i].iter().collect::<String>().to_lowercase();
                    // `Includes 8g Added Sugars 16%`: the US added-sugars row, one item.
                    let includes = chars[start..i]
                        .iter()
                        .collect::<String>()
                        .trim_start()
                        .to_lowercase()
                        .starts_with("incl");
                    k > start
                        && !includes
                        && (digit(k - 1) || chars[k - 1] == ' ')
                        && matches!(
                            unit.as_str(),
                            "g" | "mg" | "kj" | "kcal" | "µg" | "μg" | "mcg" | "ml"
                        )
                };
            // `Potassium 150mg 4%. % Daily Value (DV) tells you …`: a full stop after a
            // figure, then the panel's footnote, ends the items.
            let footnote = i + 2 < to
                && depth == 0
                && chars[i] == '.'
                && figure
                && chars[i + 1] == ' '
                && (matches!(chars[i + 2], '%' | '*')
                    // `…, Salt 1.5 g. This pack contains 1 serving.`: a full stop after a
                    // figure's unit (or its % or bracket), then a capitalised word, ends a
                    // sentence (Art 34(2) lets the declaration run in a line of text).
                    || (chars[i + 2].is_uppercase()
                        && i > start
                        && (chars[i - 1].is_alphabetic() || matches!(chars[i - 1], '%' | ')'))));
            let cut = i == to
                || footnote
                || (depth == 0
                    && (matches!(chars[i], '，' | '、' | ';' | '；' | '。' | '|' | '｜' | '•')
                        || unit_then_name
                        || dash
                        || (chars.get(i) == Some(&'·') && chars.get(i + 1) == Some(&' '))
                        || (chars[i] == ',' && !(i > 0 && digit(i - 1) && digit(i + 1)))));
            if cut {
                let (s, mut e) = lines::trim(chars, start, i);
                // The full stop ending the declaration (`Potas. 190mg (4% DV).`).
                if i == to && e > s + 1 && chars[e - 1] == '.' && !chars[e - 2].is_ascii_digit() {
                    e -= 1;
                }
                if s < e {
                    out.extend(bracket_split(chars, s, e));
                }
                start = i + 1;
                figure = false;
            }
        }
        out
    }
}

/// `Total Sugars 12g (Incl. 12g Added Sugars, 24% DV)`: a piece whose bracket holds the row
/// of a nutrient within it (`Incl.`, `Includes`, `davon`, `dont`, `其中`) is two pieces.
fn bracket_split(chars: &[char], s: usize, e: usize) -> Vec<(usize, usize)> {
    let open = (s..e).find(|&i| matches!(chars[i], '(' | '（'));
    if let Some(o) = open {
        let inner: String = chars[o + 1..e].iter().collect::<String>().to_lowercase();
        let within = ["incl", "davon", "dont", "其中"]
            .iter()
            .any(|w| inner.starts_with(w));
        let closed = matches!(chars[e - 1], ')' | '）');
        if within && closed && o > s && o + 1 < e - 1 {
            let (a, b) = lines::trim(chars, s, o);
            let (c, d) = lines::trim(chars, o + 1, e - 1);
            if a < b && c < d {
                return vec![(a, b), (c, d)];
            }
        }
    }
    vec![(s, e)]
}

/// One row of a nutrition table into the document's rows (or the per-100 kJ column), or into
/// the unread lines with the reason. `columns` says whether the header named a per-100 kJ
/// column and a per-serving one, and whether its NRV % column is the per-serving column's.
fn place_row(
    r: &nutrition::Row,
    (s, e): (usize, usize),
    (kj_column, serving_column, serving_nrv, nrv_column): (bool, bool, bool, bool),
    rows: &mut Placed,
    per_kj: &mut Placed,
    pending_unread: &mut Vec<(usize, usize, &'static str)>,
) {
    // `Brennwert 407 kJ / 97 kcal`: energy in both units on one line is two rows.
    // `2112千焦（505千卡）` likewise; the row's percentage goes with the first.
    let energy_unit = |u: Option<&str>| {
        let u = u?.trim().to_ascii_lowercase();
        match u.as_str() {
            "kj" | "千焦" => Some("kj"),
            "kcal" | "千卡" => Some("kcal"),
            _ => None,
        }
    };
    let energy_pair = r.second.as_ref().is_some_and(|(_, u2)| {
        matches!(
            (energy_unit(r.unit.as_deref()), energy_unit(u2.as_deref())),
            (Some("kj"), Some("kcal")) | (Some("kcal"), Some("kj"))
        )
    });
    // `项目 每100克 每份（30克） NRV%`, `能量 1864千焦 559千焦 7%`: the NRV % is the serving's, so
    // the row is read per serving, the per-100 value left (the document holds one basis;
    // normalisation gives the per-100 values back from the serving size).
    if serving_nrv {
        let Some((value, unit)) = r.second.clone().filter(|_| !r.more_columns && !energy_pair)
        else {
            pending_unread.push((
                s,
                e,
                "the header names a per-100 and a per-serving column; the row has not both",
            ));
            return;
        };
        let serving = nutrition::Row {
            value,
            unit,
            nrv_percent: r.second_nrv.clone(),
            second: None,
            second_nrv: None,
            more_columns: false,
            bare_after_pair: None,
            less_than: false,
            nrv_less_than: false,
            name: r.name.clone(),
        };
        place_row(
            &serving,
            (s, e),
            (kj_column, false, false, false),
            rows,
            per_kj,
            pending_unread,
        );
        return;
    }
    // A bare figure as the NRV % under a header that names an NRV column (GB 28050-2025 附录B
    // B.5: '营养素参考值%或NRV%可标示为“×”或“×%”'): after the value (`能量  245kJ  3`), or after
    // energy in both units (`能量 | 2088千焦（499千卡） | 25`).
    if nrv_column && r.nrv_percent.is_none() {
        let bare = match (&r.second, &r.bare_after_pair) {
            (Some((v, None)), _) if !r.more_columns && !energy_pair => Some(nutrition::Row {
                nrv_percent: Some(v.clone()),
                second: None,
                second_nrv: None,
                ..r.clone()
            }),
            (_, Some(v)) if energy_pair => Some(nutrition::Row {
                nrv_percent: Some(v.clone()),
                more_columns: false,
                bare_after_pair: None,
                ..r.clone()
            }),
            _ => None,
        };
        if let Some(bare) =
            bare.filter(|b| b.nrv_percent.as_deref().and_then(Builder::number).is_some())
        {
            place_row(
                &bare,
                (s, e),
                (kj_column, serving_column, serving_nrv, false),
                rows,
                per_kj,
                pending_unread,
            );
            return;
        }
    }
    // Two % cells and one value (`Total Fat 2.5g  3%  3%`): the second is the percentage of
    // a column the header named (the cereal with milk); without such a header, which column
    // each belongs to is not known.
    if r.second.is_none() && r.second_nrv.is_some() && !serving_column {
        pending_unread.push((s, e, "two NRV % cells"));
        return;
    }
    if r.more_columns && !serving_column && !kj_column {
        pending_unread.push((
            s,
            e,
            "a second value column whose basis the header does not name",
        ));
        return;
    }
    if energy_pair {
        if let Some((v2, u2)) = &r.second {
            for (k, (v, u)) in [(&r.value, r.unit.clone()), (v2, u2.clone())]
                .into_iter()
                .enumerate()
            {
                let Some(value) = Builder::number(v) else {
                    pending_unread.push((s, e, "the value is not a number"));
                    continue;
                };
                let mut row = amount(&r.name, value, u.as_deref());
                if k == 0 {
                    if let Some(n) = r.nrv_percent.as_deref().and_then(Builder::number) {
                        row.insert("nrv_percent".into(), n);
                    }
                }
                rows.push((Value::Object(row), s, e));
            }
        }
        return;
    }
    if let Some((v, u)) = &r.second {
        if kj_column {
            let Some(v) = Builder::number(v) else {
                pending_unread.push((s, e, "the value is not a number"));
                return;
            };
            per_kj.push((Value::Object(amount(&r.name, v, u.as_deref())), s, e));
        } else if !serving_column {
            pending_unread.push((
                s,
                e,
                "a second value column whose basis the header does not name",
            ));
            return;
        }
        // A per-serving column beside the per-100 one: not read (the rules judge per 100).
    }
    let Some(value) = Builder::number(&r.value) else {
        pending_unread.push((s, e, "the value is not a number"));
        return;
    };
    let mut row = amount(&r.name, value, r.unit.as_deref());
    if let Some(n) = r.nrv_percent.as_deref().and_then(Builder::number) {
        row.insert("nrv_percent".into(), n);
    }
    if r.less_than {
        row.insert("less_than".into(), json!(true));
    }
    if r.nrv_less_than {
        row.insert("nrv_percent_less_than".into(), json!(true));
    }
    rows.push((Value::Object(row), s, e));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The A.5.1 forms of a content line, and lines that only look like one.
    #[test]
    fn content_lines_are_read_in_the_forms_a51_lists() {
        let read = |t: &str| {
            let chars: Vec<char> = t.chars().collect();
            content_declaration(&chars, 0, chars.len())
                .map(|d| (d.ingredient, d.value, d.unit, d.kind))
        };
        let some = |i: &str, v: &str, u: Option<&str>, k: &'static str| {
            Some((i.to_string(), v.to_string(), u.map(str::to_string), k))
        };
        assert_eq!(
            read("蔗糖含量：0g/100g"),
            some("蔗糖", "0", Some("g/100g"), "exact")
        );
        assert_eq!(read("牛肉含量≥30%"), some("牛肉", "30", Some("%"), "min"));
        assert_eq!(
            read("果汁的含量不低于10％。"),
            some("果汁", "10", Some("%"), "min")
        );
        assert_eq!(read("蔗糖含量为0"), some("蔗糖", "0", None, "exact"));
        assert_eq!(
            read("乳糖含量 ≤ 0.5 g/100mL"),
            some("乳糖", "0.5", Some("g/100mL"), "max")
        );
        for not in [
            "净含量：500g",
            "固形物含量：≥55%",
            "蔗糖含量：低",
            "蔗糖含量：5",
            "Sugar含量：0g",
            "本品每100克蔗糖含量：0g/100g",
            "蔗糖含量：0g/100g，请放心食用",
            "含量：5%",
        ] {
            assert_eq!(read(not), None, "{not}");
        }
    }

    fn ctx(category: &str) -> TextContext {
        TextContext {
            market: "CN".into(),
            category: category.into(),
            check_date: Some("2026-12-01".into()),
            id: None,
            extra: None,
        }
    }

    #[test]
    fn eu_organic_logo_lines() {
        let words = &headings::table().unwrap().words;
        let code = |l: &str| eu_organic_line(words, l).map(|(c, o)| (c.is_some(), o.is_some()));
        assert_eq!(code("DE-ÖKO-006"), Some((true, false)));
        assert_eq!(code("ES-ECO-020-CV"), Some((true, false)));
        assert_eq!(code("EU-Landwirtschaft"), Some((false, true)));
        assert_eq!(
            code("IT-BIO-004  Agricoltura UE/non UE"),
            Some((true, true))
        );
        assert_eq!(
            code("DE-ÖKO-006 / Nicht-EU-Landwirtschaft"),
            Some((true, true))
        );
        assert_eq!(
            eu_organic_line(words, "DE-ÖKO-006 / Nicht-EU-Landwirtschaft").and_then(|(_, o)| o),
            Some((13, 36))
        );
        for other in [
            "Zutaten: Hafer",
            "EU-Landwirtschaft ist gut für alle",
            "DE-OKO",
            "AB-12-345",
            "",
        ] {
            assert_eq!(code(other), None, "{other}");
        }
    }

    #[test]
    fn an_operator_line_by_its_address() {
        let words = &headings::table().unwrap().words;
        for line in [
            "Coca-Cola Europacific Partners, Uxbridge UB8 1EZ, UK",
            "Imkerei Bergmann, Lindenweg 3, 34117 Kassel, Deutschland",
            "Trailhead Foods, 1200 Pine Street, Boulder, CO 80302",
            "Lakeland Dairies, Bailieborough, Co. Cavan, A82 X2P7",
            "Zuivelhoeve, Hoofdstraat 12, 1012 AB Amsterdam",
            "Mleczarnia Mazury, ul. Polna 5, 00-950 Warszawa",
            "Bäckerei Huber, Freising, Germany",
        ] {
            assert!(names_an_address(words, line), "{line}");
        }
        for line in [
            "Serve with a cup of tea, Sunday afternoon, 4 friends.",
            "Apples, pears, 2000 Jahre Tradition",
            "Store cool, dry, away from sunlight",
            "Energy 2100 kJ, 502 kcal",
            "Made in UK",
            "Sugar free sparkling soft drink with sweeteners.",
            "Best before, 12 2026 Lot",
        ] {
            assert!(!names_an_address(words, line), "{line}");
        }
    }

    #[test]
    fn a_line_saying_an_ingredient_is_absent() {
        // The first line is the name even when it begins with 0 / 无 (text_roundtrip found
        // `0一号`); a later `不含X` line is an ingredient claimed absent; 无锡 is a place.
        let text = "0一号\n配料：水、白砂糖\n不含防腐剂\n无锡特产\n无醇啤酒\n";
        let r = read(text, &ctx("food"), 100_000, None).expect("reads");
        let d = &r.document;
        assert_eq!(d["product_name"]["text"], "0一号");
        let absent = d["emphasised_ingredients"].as_array().expect("a list");
        assert_eq!(absent.len(), 1);
        assert_eq!(absent[0]["ingredient"], "防腐剂");
        assert_eq!(absent[0]["kind"], "absent");
    }

    #[test]
    fn reads_items_tables_and_spans() {
        let text = "草原纯牛奶\n配料：生牛乳\n净含量：２５０mL  保质期：六个月\n营养成分表\n项目\t每100mL\tNRV%\n能量\t272kJ\t3%\n蛋白质 3.2g 5%\n生产日期：见盒顶\n谁也不认识的一行";
        let r = read(text, &ctx("food.dairy.sterilised_milk"), 100_000, None).expect("reads");
        let d = &r.document;
        assert_eq!(d["product_name"]["text"], "草原纯牛奶");
        assert_eq!(d["ingredients"]["text"], "配料：生牛乳");
        assert_eq!(d["net_content"]["value"], 250);
        assert_eq!(d["net_content"]["unit"], "mL");
        assert_eq!(d["dates"]["shelf_life"], "6个月");
        assert_eq!(d["dates"]["production"], "见盒顶");
        assert_eq!(d["nutrition"]["basis"], "per_100ml");
        assert_eq!(d["nutrition"]["rows"][1]["name"], "蛋白质");
        assert_eq!(d["nutrition"]["rows"][1]["nrv_percent"], 5);
        assert_eq!(r.unread.len(), 1, "{:?}", r.unread);
        assert_eq!(r.unread[0].span.text, "谁也不认识的一行");
        let f = r
            .fields
            .iter()
            .find(|f| f.pointer == "/ingredients/text")
            .expect("mapped");
        assert_eq!(f.span.text, "配料：生牛乳");
        assert_eq!(f.span.start, 6);
    }

    #[test]
    fn a_field_printed_twice_differently_is_a_conflict() {
        let text = "配料：水\n净含量：500mL\n净含量：550mL";
        let r = read(text, &ctx("food.beverage"), 100_000, None).expect("reads");
        assert_eq!(r.document["net_content"]["value"], 500);
        assert_eq!(r.conflicts.len(), 2, "text and value: {:?}", r.conflicts);
        assert_eq!(r.conflicts[0].other.text, "净含量：550mL");
    }

    #[test]
    fn wrapped_ingredients_stay_one_contiguous_span() {
        let text = "配料：小麦粉、白砂糖、\n植物油、鸡蛋\n净含量：200g";
        let r = read(text, &ctx("food.bakery"), 100_000, None).expect("reads");
        assert_eq!(
            r.document["ingredients"]["text"],
            "配料：小麦粉、白砂糖、\n植物油、鸡蛋"
        );
        assert!(r.unread.is_empty());
    }

    #[test]
    fn a_finished_list_does_not_swallow_the_next_line() {
        let text = "配料：水、白砂糖\n来历不明的一行\n贮存条件：阴凉（避光\n干燥）处";
        let r = read(text, &ctx("food.beverage"), 100_000, None).expect("reads");
        assert_eq!(r.document["ingredients"]["text"], "配料：水、白砂糖");
        assert_eq!(r.unread.len(), 1, "{:?}", r.unread);
        assert_eq!(r.unread[0].span.text, "来历不明的一行");
        // An open bracket goes on to the next line.
        assert_eq!(r.document["storage"], "阴凉（避光\n干燥）处");
    }

    #[test]
    fn a_heading_alone_on_its_line_takes_the_next_line() {
        let text = "配料表：\n小麦粉、白砂糖\n生产者：\n某某食品有限公司\n地址：某市某路1号";
        let r = read(text, &ctx("food.bakery"), 100_000, None).expect("reads");
        assert_eq!(
            r.document["ingredients"]["text"],
            "配料表：\n小麦粉、白砂糖"
        );
        assert_eq!(r.document["producer"]["name"], "某某食品有限公司");
        assert_eq!(r.document["producer"]["address"], "某市某路1号");
        assert!(r.unread.is_empty(), "{:?}", r.unread);
    }

    #[test]
    fn a_branch_and_its_group_company() {
        let text = "生产者：某某乳业集团有限公司呼和浩特分公司\n地址：呼和浩特市新城区1号\n集团公司：某某乳业集团有限公司\n地址：北京市朝阳区2号\n电话：010-5550101";
        let r = read(text, &ctx("food.dairy"), 100_000, None).expect("reads");
        assert_eq!(
            r.document["producer"]["name"],
            "某某乳业集团有限公司呼和浩特分公司"
        );
        assert_eq!(r.document["group_company"]["name"], "某某乳业集团有限公司");
        assert_eq!(r.document["group_company"]["address"], "北京市朝阳区2号");
        assert_eq!(r.document["group_company"]["contact"], "010-5550101");
        assert!(r.unread.is_empty(), "{:?}", r.unread);
    }

    #[test]
    fn an_energy_label_is_not_read_from_text() {
        let e = read(
            "中国能效标识\n能效等级：1级",
            &ctx("appliance.room_air_conditioner"),
            100_000,
            None,
        )
        .expect_err("refused");
        assert!(
            e.to_string()
                .contains("energy labels are not read from text"),
            "{e}"
        );
    }

    #[test]
    fn numbered_steps_after_a_full_stop_stay_one_item() {
        let text = "冲调方法：\n1.先加水。\n2.再加粉。\n3.摇匀\n贮存条件：阴凉干燥处";
        let r = read(text, &ctx("food.infant_formula.infant"), 100_000, None).expect("reads");
        assert_eq!(
            r.document["population"]["preparation"]["text"],
            "1.先加水。\n2.再加粉。\n3.摇匀"
        );
        assert!(r.unread.is_empty(), "{:?}", r.unread);
    }

    #[test]
    fn textile_items() {
        let text = "品名：婴儿连体衣\n号型：66/44\n纤维含量：100%棉\n安全类别：GB 31701 A类\n执行标准：FZ/T 73025";
        let r = read(text, &ctx("textile.infant"), 100_000, None).expect("reads");
        assert_eq!(r.document["fibre_content"]["text"], "100%棉");
        assert_eq!(r.document["textile"]["size"], "66/44");
        assert_eq!(r.document["textile"]["safety_category"], "GB 31701 A类");
        assert_eq!(r.document["standard_code"], "FZ/T 73025");
    }

    #[test]
    fn hostile_text_is_bounded() {
        let long = "配料：".repeat(50_000);
        let r = read(&long, &ctx("food"), 1_000_000, None).expect("reads");
        assert!(r.unread.len() <= MAX_LISTED);
        let err = read(&"x".repeat(11), &ctx("food"), 10, None);
        assert!(err.is_err());
        let noise: String = (0..20_000u32).filter_map(char::from_u32).collect();
        let r = read(&noise, &ctx("food"), 1_000_000, None).expect("reads");
        assert!(r.unread.len() + r.unread_more > 0);
    }

    #[test]
    fn nutrition_tables_in_ocr_and_serving_forms() {
        let rows = |r: &TextReading| -> Vec<(String, f64, Option<f64>)> {
            r.document["nutrition"]["rows"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|x| {
                            (
                                x["name"].as_str().unwrap_or("").to_string(),
                                x["value"].as_f64().unwrap_or(f64::NAN),
                                x["nrv_percent"].as_f64(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        // GB 28050-2011 6.1: 每10mL is a serving with its amount.
        let text = "营养成分表\n项目 每10mL NRV%\n能量 36kJ 0%\n钠 650mg 33%\n保质期：24个月";
        let r = read(text, &ctx("food.seasoning"), 100_000, None).expect("reads");
        let n = &r.document["nutrition"];
        assert_eq!(
            (&n["basis"], &n["serving_size"], &n["serving_unit"]),
            (&json!("per_serving"), &json!(10), &json!("mL"))
        );
        assert_eq!(rows(&r).len(), 2);
        // The NRV % column after the per-serving column: read per serving.
        let text = "营养成分表\n项目 每100克 每份（30克） NRV%\n能量 1864千焦 559千焦 7%\n钠 560毫克 168毫克 8%";
        let r = read(text, &ctx("food.bakery"), 100_000, None).expect("reads");
        let n = &r.document["nutrition"];
        assert_eq!(
            (&n["basis"], &n["serving_size"]),
            (&json!("per_serving"), &json!(30))
        );
        assert_eq!(
            rows(&r),
            [
                ("能量".to_string(), 559.0, Some(7.0)),
                ("钠".to_string(), 168.0, Some(8.0))
            ]
        );
        assert!(r.unread.is_empty(), "{:?}", r.unread);
        // Flattened onto one line, and one cell a line; a date line under the table.
        let want = [
            ("能量".to_string(), 1922.0, Some(23.0)),
            ("蛋白质".to_string(), 6.8, Some(11.0)),
            ("反式脂肪".to_string(), 0.0, None),
            ("钠".to_string(), 480.0, Some(24.0)),
        ];
        for (text, date) in [
            ("营养成分表\n项目 每100克 营养素参考值% 能量 1922千焦 23% 蛋白质 6.8克 11% 反式脂肪 0克 钠 480毫克 24%", "生产日期：见包装底部"),
            ("营养成分表 项目 每100克 营养素参考值% 能量 1922千焦 23% 蛋白质 6.8克 11% 反式脂肪 0克 钠 480毫克 24%", "生产日期：见包装底部"),
            ("营养成分表\n项目\n每100克\n营养素参考值%\n能量\n1922千焦\n23%\n蛋白质\n6.8克\n11%\n反式脂肪\n0克\n钠\n480毫克\n24%", "生产日期：见包装底部"),
            ("营养成分表\n项目 每100克 NRV%\n能量 1922千焦 23%\n蛋白质 6.8克 11%\n反式脂肪 0克\n钠 480毫克 24%", "生产日期及保质期至：见包装背面"),
        ] {
            let text = format!("{text}\n{date}\n储藏方式：阴凉干燥处");
            let r = read(&text, &ctx("food.bakery"), 100_000, None).expect("reads");
            assert_eq!(r.document["nutrition"]["basis"], "per_100g", "{text}");
            assert_eq!(rows(&r), want, "{text}");
            assert!(
                r.document["nutrition"].get("statements").is_none(),
                "{text}: {}",
                r.document["nutrition"]
            );
            // The date line is read as its own item (or left unread), never the table's.
            assert!(
                r.fields
                    .iter()
                    .all(|f| !(f.pointer.starts_with("/nutrition") && f.span.text.contains('期'))),
                "{text}"
            );
        }
        // A line under the table that starts with a heading the reader does not know whole:
        // unread (not a note of the table, and not 产地 either).
        let text = "营养成分表\n项目 每100mL NRV%\n能量 3404kJ 41%\n钠 0mg 0%\n产地及原料来源：山东省\n产地：山东省烟台市";
        let r = read(text, &ctx("food"), 100_000, None).expect("reads");
        assert!(r.document["nutrition"].get("statements").is_none());
        assert_eq!(r.document["origin"]["place"], "山东省烟台市");
        assert_eq!(r.unread.len(), 1, "{:?}", r.unread);
        assert_eq!(r.unread[0].span.text, "产地及原料来源：山东省");
    }
}

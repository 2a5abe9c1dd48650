//! Reading a label from JSON bytes, within limits, with errors that say where.

use super::{Dec, Label};
use crate::error::LabelError;
use rust_decimal::Decimal;

/// Resource limits for one label. Inputs past them are refused with a structured error,
/// never truncated: a checker that quietly skipped half a label would report it clean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest label input, in bytes (default 4 MiB; real labels are a few KiB).
    pub max_label_bytes: usize,
    /// Deepest JSON nesting accepted (default 32; the document itself needs about 6).
    pub max_depth: usize,
    /// Most characters in a printed text the library parses: the ingredient list, the fibre
    /// content, a hang-tag's fibre content (default 20 000).
    pub max_text_chars: usize,
    /// Most elements in any one list of the document — ingredient items (at each level),
    /// recipe entries, nutrition rows, claims, statements… (default 1 000; a real label has
    /// a few dozen). Bounds the work of rules that visit every element.
    pub max_list_items: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_label_bytes: 4 * 1024 * 1024,
            max_depth: 32,
            max_text_chars: 20_000,
            max_list_items: 1_000,
        }
    }
}

/// A label that starts with a byte-order mark, or is UTF-16, said as such (the JSON parser
/// only saw an unexpected character at line 1, column 1). JSON text exchanged between
/// systems is UTF-8 without a byte-order mark (RFC 8259, 8.1).
pub fn encoding_mark(bytes: &[u8]) -> Result<(), LabelError> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || (bytes.len() >= 2 && (bytes[0] == 0 || bytes[1] == 0) && bytes[..2] != [0, 0]);
    let message = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        "the input starts with a byte-order mark (U+FEFF); JSON must be UTF-8 without one \
         (RFC 8259, 8.1): save the file without the mark"
    } else if utf16 {
        "the input looks like UTF-16 (a UTF-16 byte-order mark or NUL bytes between \
         characters); labels are read as UTF-8: save the file as UTF-8"
    } else {
        return Ok(());
    };
    Err(LabelError::Syntax {
        line: 1,
        column: 1,
        message: message.into(),
    })
}

/// Parses one label from JSON bytes.
///
/// Checks the size first, then the nesting depth by a byte scan (so a 10 000-deep input is
/// refused without recursion), then deserialises with a JSON-pointer path on every type
/// error — an array given where an object belongs among them. Does not normalise; see
/// [`Label::normalise`].
pub fn parse_label(bytes: &[u8], limits: &Limits) -> Result<Label, LabelError> {
    if bytes.len() > limits.max_label_bytes {
        return Err(LabelError::TooLarge {
            size: bytes.len(),
            limit: limits.max_label_bytes,
        });
    }
    encoding_mark(bytes)?;
    prescan(bytes, limits.max_depth)?;
    let mut de = serde_json::Deserializer::from_slice(bytes);
    // Under `Strict`, a struct is read only from an object: an array given for one fails
    // here, at its position (see `label::strict`).
    let label: Label = match serde::Deserialize::deserialize(super::strict::Strict(&mut de)) {
        Ok(l) => l,
        Err(inner) => {
            check_top_level_object(bytes)?;
            let (line, column) = (inner.line(), inner.column());
            let message = strip_position(&inner.to_string());
            let message = if message.starts_with(super::strict::ARRAY_FOR_STRUCT) {
                // The parse stopped at the array's `[`; malformed text after it is still
                // the error to report, as when the array was read.
                if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
                    if !e.is_data() {
                        return Err(LabelError::Syntax {
                            line: e.line(),
                            column: e.column(),
                            message: strip_position(&e.to_string()),
                        });
                    }
                }
                "expected an object, found an array".to_string()
            } else {
                message
            };
            return Err(if inner.is_data() {
                // Found from the error's position in the text, only when there is an error.
                use super::json_pointer::{offset_of, pointer_at};
                let path = offset_of(bytes, line, column)
                    .map(|at| pointer_at(bytes, at))
                    .unwrap_or_default();
                LabelError::Invalid {
                    path,
                    line,
                    column,
                    message,
                }
            } else {
                LabelError::Syntax {
                    line,
                    column,
                    message,
                }
            });
        }
    };
    if let Err(e) = de.end() {
        return Err(LabelError::Syntax {
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        });
    }
    // Texts that are parsed (into fibres, ingredients, allergen words) are bounded.
    let texts = [
        (
            label.fibre_content.as_ref().and_then(|f| f.text.as_ref()),
            "/fibre_content/text",
            "fibre-content text",
        ),
        (
            label.ingredients.as_ref().and_then(|i| i.text.as_ref()),
            "/ingredients/text",
            "ingredient text",
        ),
        (
            label.allergens.as_ref().and_then(|a| a.statement.as_ref()),
            "/allergens/statement",
            "allergen statement",
        ),
    ];
    for (text, pointer, what) in texts {
        let n = text.map_or(0, |t| t.chars().count());
        if n > limits.max_text_chars {
            return Err(LabelError::Invalid {
                path: pointer.into(),
                line: 0,
                column: 0,
                message: format!(
                    "{what} is {n} characters, over the limit of {}",
                    limits.max_text_chars
                ),
            });
        }
    }
    check_lists(&label, limits.max_list_items)?;
    if let Some(f) = &label.facts {
        f.check_texts(limits.max_text_chars)?;
    }
    Ok(label)
}

/// A label is one JSON object. Says so plainly when the input is well-formed JSON of another
/// kind (serde would say `/0: invalid type: map, expected a string` for an array of labels).
/// Runs only after deserialising failed; malformed input keeps its syntax error.
fn check_top_level_object(bytes: &[u8]) -> Result<(), LabelError> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Some(at) = text.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Ok(()); // empty input: serde's "EOF while parsing" says it best
    };
    let found = match text[at] {
        b'{' => return Ok(()),
        b'[' => "an array",
        b'"' => "a string",
        b'-' | b'0'..=b'9' => "a number",
        b't' | b'f' => "a boolean",
        b'n' => "null",
        _ => return Ok(()), // not JSON at all: a syntax error, with its position
    };
    if serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_err() {
        return Ok(());
    }
    let prefix = &bytes[..bytes.len() - text.len() + at];
    let line = 1 + prefix.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + prefix.iter().rev().take_while(|&&b| b != b'\n').count();
    Err(LabelError::Invalid {
        path: String::new(),
        line,
        column,
        message: format!("a label is a JSON object; found {found}"),
    })
}

/// Refuses any list of the document longer than `max`, naming it by JSON pointer.
fn check_lists(label: &Label, max: usize) -> Result<(), LabelError> {
    let too_long = |path: String, n: usize| {
        if n > max {
            Err(LabelError::Invalid {
                path,
                line: 0,
                column: 0,
                message: format!("{n} elements, over the limit of {max} per list"),
            })
        } else {
            Ok(())
        }
    };
    fn items(
        list: &[super::Ingredient],
        path: String,
        check: &dyn Fn(String, usize) -> Result<(), LabelError>,
    ) -> Result<(), LabelError> {
        check(path.clone(), list.len())?;
        for (i, item) in list.iter().enumerate() {
            if !item.ingredients.is_empty() {
                items(&item.ingredients, format!("{path}/{i}/ingredients"), check)?;
            }
        }
        Ok(())
    }
    if let Some(ing) = &label.ingredients {
        items(&ing.items, "/ingredients/items".into(), &too_long)?;
        too_long("/ingredients/recipe".into(), ing.recipe.len())?;
    }
    if let Some(f) = &label.facts {
        for (path, n) in f.lists() {
            too_long(path.into(), n)?;
        }
    }
    if let Some(n) = &label.nutrition {
        too_long("/nutrition/rows".into(), n.rows.len())?;
        too_long("/nutrition/statements".into(), n.statements.len())?;
        if let Some(f) = &n.front_of_pack {
            too_long("/nutrition/front_of_pack/rows".into(), f.rows.len())?;
            too_long(
                "/nutrition/front_of_pack/portion_rows".into(),
                f.portion_rows.len(),
            )?;
        }
    }
    too_long(
        "/quantitative_declarations".into(),
        label.quantitative_declarations.len(),
    )?;
    too_long(
        "/emphasised_ingredients".into(),
        label.emphasised_ingredients.len(),
    )?;
    too_long("/claims".into(), label.claims.len())?;
    too_long("/statements".into(), label.statements.len())?;
    too_long("/eco_labels".into(), label.eco_labels.len())?;
    too_long(
        "/environmental_claims".into(),
        label.environmental_claims.len(),
    )?;
    if let Some(a) = &label.allergens {
        too_long("/allergens/contains".into(), a.contains.len())?;
        too_long("/allergens/may_contain".into(), a.may_contain.len())?;
    }
    check_fibre_lists(label, &too_long)?;
    if let Some(e) = &label.energy_label {
        too_long("/energy_label/figures".into(), e.figures.len())?;
        too_long("/energy_label/classes".into(), e.classes.len())?;
    }
    if let Some(p) = &label.population {
        too_long("/population/pictures".into(), p.pictures.len())?;
        too_long("/population/main_panel".into(), p.main_panel.len())?;
    }
    if let Some(t) = &label.textile {
        too_long("/textile/layers".into(), t.layers.len())?;
        too_long("/textile/cords".into(), t.cords.len())?;
        too_long("/textile/safety_classes".into(), t.safety_classes.len())?;
        if let Some(c) = &t.care {
            too_long("/textile/care/symbols".into(), c.symbols.len())?;
        }
    }
    too_long("/sold_in".into(), label.sold_in.len())?;
    too_long("/languages".into(), label.languages.len())?;
    Ok(())
}

/// Fibre components and their lists, given or parsed from the printed text.
fn check_fibre_lists(
    label: &Label,
    too_long: &dyn Fn(String, usize) -> Result<(), LabelError>,
) -> Result<(), LabelError> {
    if let Some(f) = &label.fibre_content {
        too_long("/fibre_content/components".into(), f.components.len())?;
        for (i, c) in f.components.iter().enumerate() {
            too_long(
                format!("/fibre_content/components/{i}/fibres"),
                c.fibres.len(),
            )?;
            too_long(
                format!("/fibre_content/components/{i}/undeclared"),
                c.undeclared.len(),
            )?;
            too_long(
                format!("/fibre_content/components/{i}/statements"),
                c.statements.len(),
            )?;
        }
    }
    Ok(())
}

/// The list limit over what normalisation built from printed text — ingredient items at
/// every level and fibre components parsed from their text — so a text of many short
/// entries cannot make a list longer than a JSON list may be. The error points at the text.
pub(crate) fn check_parsed_lists(label: &Label, max: usize) -> Result<(), LabelError> {
    let over = |path: &str, what: &str, n: usize| LabelError::Invalid {
        path: path.into(),
        line: 0,
        column: 0,
        message: format!("the text yields {n} {what}, over the limit of {max} per list"),
    };
    fn widest(items: &[super::Ingredient]) -> usize {
        items
            .iter()
            .map(|i| widest(&i.ingredients))
            .max()
            .unwrap_or(0)
            .max(items.len())
    }
    if let Some(ing) = &label.ingredients {
        let n = widest(&ing.items);
        if n > max {
            return Err(over("/ingredients/text", "ingredients in one list", n));
        }
        if ing.unparsed.len() > max {
            return Err(over(
                "/ingredients/text",
                "unreadable shares",
                ing.unparsed.len(),
            ));
        }
    }
    if let Some(f) = &label.fibre_content {
        let n = f
            .components
            .iter()
            .map(|c| c.fibres.len().max(c.unparsed.len()))
            .max()
            .unwrap_or(0)
            .max(f.components.len());
        if n > max {
            return Err(over("/fibre_content/text", "fibre entries in one list", n));
        }
    }
    Ok(())
}

/// The checks made on the text before it is parsed, in one pass: nesting no deeper than
/// `max` (`check_depth`), and no number token just above the label's limit that its f64
/// would bring back to it (`check_number_edges`). The nesting error is the one reported
/// when the text has both, as when the two passes ran one after the other.
///
/// Strings are skipped with `memchr2` to their closing quote or next escape: they are most
/// of a label's bytes, and the two byte-by-byte passes were a twentieth of a check.
fn prescan(bytes: &[u8], max: usize) -> Result<(), LabelError> {
    let mut depth = 0usize;
    let mut number_error = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // To the byte after the closing quote (or the end): a backslash escapes the
                // byte after it, whatever it is.
                i += 1;
                let mut closed = false;
                while let Some(k) = bytes
                    .get(i..)
                    .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
                {
                    i += k;
                    if bytes[i] == b'\\' {
                        i += 2;
                    } else {
                        i += 1;
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    i = bytes.len();
                }
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    let line = 1 + memchr::memchr_iter(b'\n', &bytes[..i]).count();
                    let column = i - memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |n| n + 1) + 1;
                    return Err(LabelError::Syntax {
                        line,
                        column,
                        message: format!("nesting deeper than {max} levels"),
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < bytes.len()
                    && matches!(bytes[i], b'0'..=b'9' | b'.' | b'-' | b'+' | b'e' | b'E')
                {
                    i += 1;
                }
                if number_error.is_none() {
                    number_error = number_edge(bytes, start, i).err();
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    match number_error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The number token `bytes[start..end]`: refused when it is exactly above the label's limit
/// but its f64 lands on the limit (see `check_number_edges`).
fn number_edge(bytes: &[u8], start: usize, end: usize) -> Result<(), LabelError> {
    use rust_decimal::Decimal;
    // Only a token of 13 or more characters can exceed 1e12 and round back to it.
    if end - start < 13 {
        return Ok(());
    }
    let limit = Decimal::from(super::MAX_LABEL_NUMBER);
    let token = std::str::from_utf8(&bytes[start..end]).unwrap_or("");
    let exact = Decimal::from_str_exact(token)
        .ok()
        .or_else(|| Decimal::from_scientific(token).ok());
    if let Some(d) = exact {
        // The JSON reader's f64 may land on the limit itself (its float parsing is not
        // correctly rounded): refuse what is exactly above the limit but within a few ulps
        // of it as a float. Clearly larger numbers are refused by the label's number type.
        let near = token
            .parse::<f64>()
            .is_ok_and(|f| f.abs() <= 1e12 * (1.0 + 4.0 * f64::EPSILON));
        if d.abs() > limit && near {
            return Err(LabelError::Invalid {
                path: super::json_pointer::pointer_at(bytes, start),
                line: 0,
                column: 0,
                message: format!("`{token}` is larger than {limit}"),
            });
        }
    }
    Ok(())
}

/// JSON numbers are read as f64, so `1000000000000.0001` arrives as exactly 1e12 and would
/// pass the 1e12 limit. Reads each number token of the text exactly (as a decimal) and
/// refuses, at its pointer, one above the limit that the f64 round trip brings back to it.
/// One pass over the bytes; each number token is judged by `number_edge`. The reference
/// for `prescan`'s scanning, which does this and `check_depth` in one pass.
#[cfg(test)]
fn check_number_edges(bytes: &[u8]) -> Result<(), LabelError> {
    let mut in_string = false;
    let mut escaped = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        if b == b'"' {
            in_string = true;
            i += 1;
            continue;
        }
        if b == b'-' || b.is_ascii_digit() {
            let start = i;
            while i < bytes.len()
                && matches!(bytes[i], b'0'..=b'9' | b'.' | b'-' | b'+' | b'e' | b'E')
            {
                i += 1;
            }
            number_edge(bytes, start, i)?;
            continue;
        }
        i += 1;
    }
    Ok(())
}

/// Refuses nesting deeper than `max` without building anything. Strings are skipped so
/// brackets inside text do not count. The reference for `prescan`.
#[cfg(test)]
fn check_depth(bytes: &[u8], max: usize) -> Result<(), LabelError> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let (mut line, mut col) = (1usize, 0usize);
    for &b in bytes {
        col += 1;
        if b == b'\n' {
            line += 1;
            col = 0;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Err(LabelError::Syntax {
                        line,
                        column: col,
                        message: format!("nesting deeper than {max} levels"),
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// serde_json appends " at line L column C"; we report those as fields instead.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Upper-case words that are no emphasis of an allergen: abbreviations printed in capitals
/// inside mixed-case ingredient lists (`UHT milk`, `MCT oil`, `DHA`).
const NOT_EMPHASIS: &[&str] = &[
    "UHT", "ESL", "MCT", "DHA", "ARA", "EPA", "GMO", "INS", "PDO", "PGI", "DOP", "IGP", "AOP",
    "TSG", "STG", "BIO", "ECO", "USA", "CBD", "PET", "PVC", "FOS", "GOS", "HMO", "OPO", "CLA",
];

/// Whether a character is a letter of the case asked for (`upper`), without the Unicode
/// tables for the scripts that have no case (CJK and after; the full-width Latin letters
/// excepted): a Chinese list is read for capitals at no more than a compare per character.
fn of_case(c: char, upper: bool) -> bool {
    if c.is_ascii() {
        if upper {
            c.is_ascii_uppercase()
        } else {
            c.is_ascii_lowercase()
        }
    } else if c < '\u{2E80}' {
        if upper {
            c.is_uppercase()
        } else {
            c.is_lowercase()
        }
    } else {
        let a = if upper { '\u{FF21}' } else { '\u{FF41}' };
        (a..=char::from_u32(a as u32 + 25).unwrap_or(a)).contains(&c)
    }
}

fn capital(c: char) -> bool {
    of_case(c, true)
}

fn small(c: char) -> bool {
    of_case(c, false)
}

/// Whether a run of three or more capital letters in a printed name (`WEIZEN` of
/// `WEIZENmehl`, `MILK` of `whey (MILK)`) meets `pred`, leaving out the abbreviations of
/// `NOT_EMPHASIS` written as words of their own.
fn any_capital_run(name: &str, mut pred: impl FnMut(&str) -> bool) -> bool {
    // One pass, the Unicode letter tables asked only beside a run (whether it is a word of
    // its own, for `NOT_EMPHASIS`): a Chinese name costs a compare per character.
    let letter = |c: char| c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic());
    let mut check = |run: &str, count: usize, before: bool, after: bool| {
        count >= 3 && !(!before && !after && NOT_EMPHASIS.contains(&run)) && pred(run)
    };
    let mut run: Option<(usize, usize, bool)> = None; // start, capitals, a letter before
    let mut prev: Option<char> = None;
    for (i, c) in name.char_indices() {
        if capital(c) {
            match &mut run {
                Some((_, count, _)) => *count += 1,
                None => run = Some((i, 1, prev.is_some_and(letter))),
            }
        } else if let Some((start, count, before)) = run.take() {
            if check(&name[start..i], count, before, letter(c)) {
                return true;
            }
        }
        prev = Some(c);
    }
    run.is_some_and(|(start, count, before)| check(&name[start..], count, before, false))
}

/// Allergen emphasis as a printed list shows it in capitals (EU 1169/2011 Art 21(1)(b)
/// allows any font, style or background; plain text keeps only the capitals). When the
/// list is in mixed case and names an allergen in capitals (a run of capitals starting
/// with a word of `allergen_caps_stems`, headings.toml: `Weizenmehl, MILCHpulver`,
/// `whey (MILK)`), every name is given `in_capitals`: whether it, or one of its
/// sub-ingredients, holds a run of capitals. A list without capitals, or all in capitals
/// (US lists; Chinese ones have no case), says nothing and stays unmarked. Only a warning
/// reads the mark (EU1169-2011/art-21-1-b/emphasis-in-capitals): bold type, which plain
/// text loses, is emphasis too, so a name in lower case is not proof of none.
fn mark_capitals_emphasis(items: &mut [super::Ingredient], text: &str) {
    // One pass over the printed list first, for a byte that can begin a capital: an ASCII
    // one, the lead byte of a two-byte letter (U+00C0–U+053F: Latin, Greek, Cyrillic) or of
    // a full-width one (U+FF21–U+FF3A). The lead bytes of CJK characters (0xE3–0xE9) are
    // none of these, so a Chinese list costs one scan.
    if !text
        .bytes()
        .any(|b| b.is_ascii_uppercase() || (0xC3..=0xD4).contains(&b) || b == 0xEF)
    {
        return;
    }
    fn any_name(items: &[super::Ingredient], f: &dyn Fn(&str) -> bool) -> bool {
        items
            .iter()
            .any(|i| f(&i.name) || any_name(&i.ingredients, f))
    }
    fn mark(items: &mut [super::Ingredient]) -> bool {
        let mut any = false;
        for item in items {
            let below = mark(&mut item.ingredients);
            let here = any_capital_run(&item.name, |_| true) || below;
            item.in_capitals = Some(here);
            any |= here;
        }
        any
    }
    // Cheap tests first: most lists (every Chinese one) have no capitals, and the word
    // table is only read for those that do.
    if !any_name(items, &|n| any_capital_run(n, |_| true))
        || !any_name(items, &|n| n.chars().any(small))
    {
        return;
    }
    let Ok(table) = super::text::headings::table() else {
        return;
    };
    let stems = &table.words.allergen_caps_stems;
    let allergen_in_capitals = |name: &str| {
        any_capital_run(name, |run| {
            let run = run.to_lowercase();
            stems.iter().any(|s| run.starts_with(s.as_str()))
        })
    };
    if any_name(items, &allergen_in_capitals) {
        mark(items);
    }
}

/// Gives an item whose whole name is an INS number (`330`, `160b`) its `ins`, at any
/// level — the reader already does it for numbers under a name (`乳化剂（322，476）`) — so the
/// rule on INS numbers printed without a function class finds them at a glance. Only names
/// that begin with a digit are tried.
fn mark_bare_ins(items: &mut [super::Ingredient]) {
    for item in items {
        if item.ins.is_none()
            && item
                .name
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
        {
            item.ins = super::ingredients_text::ins_code(&item.name, &item.ingredients);
        }
        mark_bare_ins(&mut item.ingredients);
    }
}

/// What a printed ingredient name says about food additives (`Label::name_additive_forms`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AdditiveName {
    /// A GB 2760 function class (`稳定剂`, `酸度调节剂`): with names in its brackets, the
    /// class + name form (GB 7718 附录B B.3).
    Class,
    /// A name used only for a food additive (`柠檬酸`, `山梨酸钾`): standing alone, the
    /// specific-name form (附录B B.1).
    Plain,
}

/// Marks the additives of items read from a printed list by the form their names show:
/// a function class with names in its brackets (`增稠剂（卡拉胶，瓜尔胶）`) is the class +
/// name form, a name used only for an additive standing outside a class's brackets
/// (`柠檬酸`, also inside a compound ingredient or the `食品添加剂（…）` group) the
/// specific-name form. Items the reader already marked (`乳化剂（322，476）`, class + INS)
/// and names under a class are left as they are. A compound additive named by its class
/// (`复合膨松剂（…）`, `复配稳定剂（…）`) counts as that class: its parts are named under it.
fn mark_additive_forms(items: &mut [super::Ingredient], kind: &dyn Fn(&str, AdditiveName) -> bool) {
    for item in items {
        if item.additive_form.is_some() {
            continue;
        }
        let name = item.name.trim();
        let compound_additive = ["复合", "复配"].iter().find_map(|p| name.strip_prefix(p));
        if compound_additive.is_some_and(|class| kind(class, AdditiveName::Class)) {
            // `复配膨松剂`, printed alone or with its parts: a compound additive (GB
            // 7718-2025 4.3.4.1 asks for its parts). Its parts are named under it as under
            // a class, and it takes no form of its own.
            item.compound_additive = Some(true);
            continue;
        }
        if item.ingredients.is_empty() {
            // A name alone: a class name without names is no form (judged elsewhere).
            if kind(name, AdditiveName::Plain) {
                item.additive = Some(true);
                item.additive_form = Some("specific_name".to_string());
            }
            continue;
        }
        if compound_additive.is_none() && kind(name, AdditiveName::Class) {
            item.additive = Some(true);
            item.additive_form = Some("class_plus_name".to_string());
            item.function_class = Some(name.to_string());
        } else {
            mark_additive_forms(&mut item.ingredients, kind);
        }
    }
}

impl Label {
    /// Gives the additives of an ingredient list read from its printed text the forms
    /// their names show (see `mark_additive_forms`), so the one-form rules (GB 7718-2011
    /// 4.1.3.1.4, GB 7718-2025 4.3.4.2) compare a printed list as they compare a
    /// structured one. `kind` says what a name is (the engine answers from code lists
    /// gb2760-function-classes and gb2760-plain-additives). Items a caller gave are left
    /// alone: their forms are the caller's to state.
    pub(crate) fn name_additive_forms(&mut self, kind: &dyn Fn(&str, AdditiveName) -> bool) {
        // The names are GB 2760's: only a Chinese label's list can hold them.
        if self.market != "CN" {
            return;
        }
        // Every GB 2760 function class ends in 剂 (a test keeps code list
        // gb2760-function-classes so): a list without it names no class, uses one form at
        // most, and needs no lookups.
        let Some(ing) = self.ingredients.as_mut().filter(|i| i.items_from_text) else {
            return;
        };
        mark_bare_ins(&mut ing.items);
        if ing.text.as_deref().is_some_and(|t| t.contains('剂')) {
            mark_additive_forms(&mut ing.items, kind);
        }
    }

    /// Fills in the derived fields rules rely on: parses the printed ingredient text into
    /// items (with spans), canonical units and quantities, per-100 nutrient values, the
    /// physical state, and shelf life in months or days. `nutrient_id` resolves a printed
    /// nutrient name (from the engine's nutrient code list); `fibre_name` gives the normative
    /// name of a printed Chinese fibre name (code list fibres-cn: 涤纶 → 聚酯纤维), so two
    /// declarations of one product compare as content.
    pub fn normalise(
        &mut self,
        nutrient_id: &dyn Fn(&str) -> Option<String>,
        fibre_name: &dyn Fn(&str) -> Option<String>,
    ) {
        if let Some(ing) = self.ingredients.as_mut() {
            // Spans given with caller-supplied items are echoed in findings: keep only those
            // that really cover their characters of the ingredient text.
            drop_false_spans(&mut ing.items, ing.text.as_deref());
            if let Some(text) = ing.text.clone() {
                let parsed = super::parse_ingredients_text(&text);
                if ing.lead_word.is_none() {
                    ing.lead_word = parsed.lead_word;
                }
                if ing.items.is_empty() {
                    ing.items = parsed.items;
                    ing.items_from_text = true;
                    mark_capitals_emphasis(&mut ing.items, &text);
                    if ing.threshold_statement.is_none() {
                        ing.threshold_statement = parsed.threshold_statement;
                    }
                    fn flatten(
                        items: &[super::Ingredient],
                        out: &mut Vec<super::fibre::UnparsedToken>,
                    ) {
                        for i in items {
                            out.extend(i.unparsed.iter().cloned());
                            flatten(&i.ingredients, out);
                        }
                    }
                    let mut all = Vec::new();
                    flatten(&ing.items, &mut all);
                    ing.unparsed = all;
                }
            }
            let recipe = std::mem::take(&mut ing.recipe);
            apply_recipe(&mut ing.items, &recipe);
            ing.recipe = recipe;
        }
        if let Some(a) = self.allergens.as_mut() {
            a.statement_words = a
                .statement
                .as_deref()
                .map(|s| super::allergen_statement::read(s, "/allergens/statement"))
                .unwrap_or_default();
        }
        if let Some(nc) = self.net_content.as_mut() {
            // A declaration given only as printed text (`NET WT 8.4 OZ (240 g)`, `1 L`): its
            // metric value and unit are read from it, as the text reader does, so a rule that
            // asks for the value does not fail a label that prints one.
            if nc.value.is_none() && nc.unit.is_none() {
                if let Some((n, u)) = nc
                    .text
                    .as_deref()
                    .and_then(super::text::values::net_content)
                {
                    if let Ok(d) = n.parse::<Decimal>() {
                        nc.value = Some(Dec(d));
                        nc.unit = Some(u);
                    }
                }
            }
            if let Some(unit) = nc.unit.as_deref() {
                let (canon, measure, factor) = match unit.trim() {
                    "mL" | "ml" | "ML" | "mℓ" | "毫升" => ("mL", "volume", 1),
                    "cL" | "cl" | "CL" | "cℓ" => ("cL", "volume", 10),
                    "L" | "l" | "ℓ" | "升" | "litre" | "litres" | "liter" | "liters" => {
                        ("L", "volume", 1000)
                    }
                    "g" | "G" | "克" => ("g", "mass", 1),
                    "kg" | "KG" | "Kg" | "千克" | "公斤" => ("kg", "mass", 1000),
                    _ => ("", "", 0),
                };
                if factor > 0 {
                    nc.unit = Some(canon.to_string());
                    nc.measure = Some(measure.to_string());
                    nc.base_quantity = nc
                        .value
                        .and_then(|v| v.0.checked_mul(Decimal::from(factor)))
                        .map(Dec);
                }
            }
        }
        if let Some(n) = self.nutrition.as_mut() {
            let serving = n.serving_size.map(|d| d.0).filter(|d| !d.is_zero());
            let basis = n.basis.trim().to_ascii_lowercase();
            let state = match basis.as_str() {
                "per_100ml" => Some("liquid"),
                "per_100g" => Some("solid"),
                _ => match n.serving_unit.as_deref().map(str::trim) {
                    Some("mL" | "ml" | "毫升") => Some("liquid"),
                    Some("g" | "克") => Some("solid"),
                    _ => None,
                },
            };
            n.state = state.map(str::to_string);
            // A sub-row printed with the dash of GB 28050-2025 附录B ('—饱和脂肪', '－糖')
            // or an ASCII one is the nutrient without it.
            let printed = |name: &str| -> String {
                name.trim()
                    .trim_start_matches(['—', '–', '―', '─', '-', '－'])
                    .trim()
                    .to_string()
            };
            // GB 28050-2025 附录B 示例4 prints the Chinese and English names together
            // ('能量/energy', '—糖/sugars'): a name that is no nutrient whole is the nutrient
            // its halves name, when every half that names one names the same.
            let by_name = |name: &str| -> Option<String> {
                let name = printed(name);
                nutrient_id(&name)
                    .or_else(|| {
                        let mut ids = name
                            .split(['/', '／'])
                            .map(printed)
                            .filter(|part| !part.is_empty())
                            .filter_map(|part| nutrient_id(&part));
                        let first = ids.next()?;
                        ids.all(|id| id == first).then_some(first)
                    })
                    // `能量 Energy`, `蛋白质 Protein`: the Chinese name with its translation after a
                    // blank (GB 7718 3.8: a foreign language beside the Chinese) is the Chinese one's.
                    .or_else(|| {
                        let cjk: String = name
                            .chars()
                            .take_while(|c| !c.is_ascii_alphabetic())
                            .collect();
                        let cjk = cjk.trim();
                        let rest = name[cjk.len()..].trim();
                        let is_cjk = cjk.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                        if !is_cjk || rest.is_empty() {
                            return None;
                        }
                        let id = nutrient_id(cjk)?;
                        nutrient_id(rest)
                            .is_none_or(|other| other == id)
                            .then_some(id)
                    })
            };
            let resolve = |row: &mut super::NutrientRow| {
                if row.nutrient.is_none() {
                    row.nutrient = row.name.as_deref().and_then(by_name);
                } else if let Some(id) = row.nutrient.as_deref().and_then(|x| nutrient_id(x.trim()))
                {
                    // A printed name given as the id (`Dietary Fiber`, `sugars`): its id.
                    row.nutrient = Some(id);
                }
            };
            if let Some(f) = n.front_of_pack.as_mut() {
                f.rows
                    .iter_mut()
                    .chain(&mut f.portion_rows)
                    .for_each(&resolve);
            }
            for row in &mut n.rows {
                resolve(row);
                row.per_100 = match basis.as_str() {
                    "per_100g" | "per_100ml" => Some(row.value),
                    "per_serving" => serving
                        .and_then(|s| {
                            row.value
                                .0
                                .checked_mul(Decimal::ONE_HUNDRED)
                                .and_then(|x| x.checked_div(s))
                        })
                        .map(|d| Dec(d.round_dp(6))),
                    _ => None,
                };
            }
        }
        // A claim's nutrient given by its printed name (`蛋白质`, `Protein`): its id, as a
        // row's (blind audit round 24: `高蛋白` with nutrient `蛋白质` found no row).
        for claim in &mut self.claims {
            if let Some(id) = claim
                .nutrient
                .as_deref()
                .and_then(|x| nutrient_id(x.trim()))
            {
                claim.nutrient = Some(id);
            }
        }
        if let Some(f) = self.fibre_content.as_mut() {
            f.normalise();
        }
        if let Some(g) = self.gs1.as_mut() {
            g.normalise();
        }
        if let Some(f) = self.facts.as_mut() {
            f.normalise(nutrient_id, fibre_name, self.fibre_content.as_ref());
        }
        if let Some(t) = self.textile.as_mut() {
            t.normalise();
        }
        if let Some(p) = self.population.as_mut() {
            p.normalise();
        }
        if let Some(e) = self.energy_label.as_mut() {
            e.normalise();
        }
        super::eco::normalise(&mut self.eco_labels, &mut self.environmental_claims);
        if let Some(d) = self.dates.as_mut() {
            if let Some(text) = d.shelf_life.as_deref() {
                let (months, days) = parse_shelf_life(text);
                d.shelf_life_months = months.map(Dec);
                d.shelf_life_days = days.map(Dec);
            }
        }
    }
}

/// Clears every item span (at any depth) that does not cover exactly its text within
/// `/ingredients/text`, in characters and UTF-16 units.
fn drop_false_spans(items: &mut [super::Ingredient], text: Option<&str>) {
    fn valid(s: &crate::report::Span, chars: &[char]) -> bool {
        if &*s.field != "/ingredients/text" || s.start > s.end || s.end > chars.len() {
            return false;
        }
        let covered: String = chars[s.start..s.end].iter().collect();
        let u16_start: usize = chars[..s.start].iter().map(|c| c.len_utf16()).sum();
        covered == s.text
            && s.utf16_start == u16_start
            && s.utf16_end == u16_start + covered.encode_utf16().count()
    }
    fn walk(items: &mut [super::Ingredient], chars: &[char]) {
        for item in items {
            if item.span.as_ref().is_some_and(|s| !valid(s, chars)) {
                item.span = None;
            }
            walk(&mut item.ingredients, chars);
        }
    }
    let chars: Vec<char> = text.unwrap_or("").chars().collect();
    walk(items, &chars);
}

/// Copies formulation shares onto items (and sub-items) of the same name that print none.
fn apply_recipe(items: &mut [super::Ingredient], recipe: &[super::RecipeEntry]) {
    for item in items {
        if item.percent.is_none() {
            if let Some(r) = recipe.iter().find(|r| r.name.trim() == item.name.trim()) {
                item.percent = Some(r.percent);
            }
        }
        apply_recipe(&mut item.ingredients, recipe);
    }
}

/// Reads `6个月`, `十二个月`-free numeric forms, `1年`, `180天`, `18 months`, `90 days`.
fn parse_shelf_life(text: &str) -> (Option<Decimal>, Option<Decimal>) {
    let lead: String = text.chars().take_while(|c| !c.is_ascii_digit()).collect();
    // `-6个月` is no shelf life: nothing is read from it.
    if lead.trim_end().ends_with(['-', '－', '−', '负']) {
        return (None, None);
    }
    // Every number written before a unit of time (A.2.4: ××个月, ××日, ××天, ××周, ××年),
    // in digits or Chinese numerals: other numbers (2℃～6℃冷藏保存21天) are no period.
    let chars: Vec<char> = text.chars().collect();
    let mut periods: Vec<(u8, Decimal)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let digits = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
        let (n, next) = if digits(chars[i]) {
            let mut j = i;
            let mut t = String::new();
            while j < chars.len() && (digits(chars[j]) || chars[j] == '.') {
                let c = chars[j];
                t.push(if ('０'..='９').contains(&c) {
                    char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
                } else {
                    c
                });
                j += 1;
            }
            (t.parse::<Decimal>().ok(), j)
        } else if CN_NUMERALS.contains(&chars[i]) {
            let mut j = i;
            while j < chars.len() && CN_NUMERALS.contains(&chars[j]) {
                j += 1;
            }
            let run: String = chars[i..j].iter().collect();
            (cn_number(&run), j)
        } else {
            i += 1;
            continue;
        };
        i = next;
        let Some(n) = n else { continue };
        let mut k = next;
        while k < chars.len() && chars[k] == ' ' {
            k += 1;
        }
        // Lower-cased after the cut: a character before it that lower-cases to two (`İ`)
        // shifted a text lower-cased whole against the indices of `chars`.
        let rest: String = chars[k..]
            .iter()
            .take(8)
            .flat_map(|c| c.to_lowercase())
            .collect();
        let rest = rest.strip_prefix('个').unwrap_or(&rest);
        // 0: months, 1: days.
        let period = if rest.starts_with('月') || rest.starts_with("month") {
            Some((0, n))
        } else if rest.starts_with("年半") {
            // 一年半: a year and a half.
            n.checked_mul(Decimal::from(12))
                .and_then(|m| m.checked_add(Decimal::from(6)))
                .map(|m| (0, m))
        } else if rest.starts_with('年') || rest.starts_with("year") {
            n.checked_mul(Decimal::from(12)).map(|m| (0, m))
        } else if rest.starts_with('周') || rest.starts_with("星期") || rest.starts_with("week")
        {
            n.checked_mul(Decimal::from(7)).map(|d| (1, d))
        } else if rest.starts_with('天') || rest.starts_with('日') || rest.starts_with("day") {
            Some((1, n))
        } else {
            None
        };
        if let Some(p) = period {
            if !periods.contains(&p) {
                periods.push(p);
            }
        }
    }
    // One period, or none that can be told: two (常温6个月，冷藏12个月; a date's 年, 月, 日)
    // leave the shelf life unread rather than guessed.
    match periods.as_slice() {
        [(0, n)] => (Some(*n), None),
        [(_, n)] => (None, Some(*n)),
        _ => (None, None),
    }
}

/// Chinese numerals a shelf life may be written in (一年, 十二个月, 半年).
const CN_NUMERALS: &[char] = &[
    '半', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十',
];

/// The value of a Chinese numeral up to 99 (`十二` = 12, `二十四` = 24; `半` = 0.5), or `None`.
fn cn_number(run: &str) -> Option<Decimal> {
    if run == "半" {
        return Some(Decimal::new(5, 1));
    }
    let digit = |c: char| match c {
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    };
    let c: Vec<char> = run.chars().collect();
    let n = match c.as_slice() {
        ['十'] => 10,
        [d] => digit(*d)?,
        ['十', d] => 10 + digit(*d)?,
        [t, '十'] => 10 * digit(*t)?,
        [t, '十', d] => 10 * digit(*t)? + digit(*d)?,
        _ => return None,
    };
    Some(Decimal::from(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Label, LabelError> {
        parse_label(s.as_bytes(), &Limits::default())
    }

    /// The period is the number written before its unit, in digits or Chinese numerals;
    /// other numbers are not read, and two periods leave it unread.
    #[test]
    fn shelf_life_periods() {
        let m = |n: i64| (Some(Decimal::from(n)), None);
        let d = |n: i64| (None, Some(Decimal::from(n)));
        for (text, want) in [
            ("18个月", m(18)),
            ("保质期：12 months", m(12)),
            ("2年", m(24)),
            ("365天", d(365)),
            ("2℃～6℃冷藏保存21天", d(21)),
            ("2-6℃21天", d(21)),
            ("52周", d(364)),
            ("一年", m(12)),
            ("十二个月", m(12)),
            ("二十四个月", m(24)),
            ("１８个月", m(18)),
            ("6个月（常温）", m(6)),
            ("一年半", m(18)),
            ("十个月", m(10)),
        ] {
            assert_eq!(parse_shelf_life(text), want, "{text}");
        }
        assert_eq!(parse_shelf_life("半年"), (Some(Decimal::new(60, 1)), None));
        for text in [
            "常温6个月，冷藏12个月",
            "2027年09月19日",
            "-6个月",
            "见包装",
            "12",
        ] {
            assert_eq!(parse_shelf_life(text), (None, None), "{text}");
        }
    }

    proptest::proptest! {
        /// The one-pass pre-scan answers as the two passes it replaced, run in their order.
        #[test]
        fn prescan_is_the_depth_check_then_the_number_check(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "{", "}", "[", "]", "\"", "\\", "\\\"", ",", ":", "\n", " ", "a", "牛",
                "1", "-", ".", "e", "1000000000000", "1000000000000.0001", "0.0000000000001",
                "-1000000000000.00001", "1e12", "1000000000000.000000000001",
            ]), 0..40),
            max in 0usize..6,
        ) {
            let text = parts.concat();
            let bytes = text.as_bytes();
            let want = check_depth(bytes, max).and_then(|()| check_number_edges(bytes));
            proptest::prop_assert_eq!(prescan(bytes, max), want);
        }
    }

    #[test]
    fn prescan_reports_depth_first_and_where() {
        let text = "{\"a\": 1000000000000.0001,\n \"b\": [[[1]]]}";
        assert_eq!(
            prescan(text.as_bytes(), 2),
            Err(LabelError::Syntax {
                line: 2,
                column: 8,
                message: "nesting deeper than 2 levels".into()
            })
        );
        assert!(matches!(
            prescan(text.as_bytes(), 5),
            Err(LabelError::Invalid { ref path, .. }) if path == "/a"
        ));
        // Brackets and quotes inside strings do not count; an escaped quote stays inside.
        assert_eq!(prescan(br#"{"a": "[[[\"[[[", "b": "\\"}"#, 1), Ok(()));
        assert_eq!(prescan(b"{\"unterminated [[[", 1), Ok(()));
    }

    #[test]
    fn wrong_type_has_pointer() {
        let e = parse(r#"{"market":"CN","category":"food","nutrition":{"basis":"per_100g","rows":[{"value":"x"}]}}"#).unwrap_err();
        match e {
            LabelError::Invalid { path, .. } => assert_eq!(path, "/nutrition/rows/0/value"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_field_and_negative_numbers_refused() {
        let e =
            parse(r#"{"market":"CN","category":"food","prodcut_name":{"text":"x"}}"#).unwrap_err();
        assert!(e.to_string().contains("prodcut_name"), "{e}");
        let e =
            parse(r#"{"market":"CN","category":"food","net_content":{"value":-5}}"#).unwrap_err();
        assert_eq!(e.path(), Some("/net_content/value"));
        // The message is a whole sentence that says what to give instead.
        assert!(
            e.to_string().contains("cannot be negative") && e.to_string().contains("positive"),
            "{e}"
        );
        let e = parse(r#"{"market":"CN","category":"food","net_content":{"value":1e308}}"#)
            .unwrap_err();
        assert_eq!(e.path(), Some("/net_content/value"));
    }

    #[test]
    fn deep_nesting_and_garbage_refused_without_panic() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(matches!(parse(&deep), Err(LabelError::Syntax { .. })));
        assert!(matches!(
            parse("{\"market\": \"CN\""),
            Err(LabelError::Syntax { .. })
        ));
        assert!(matches!(
            parse_label(b"{\"market\":\"\xff\"}", &Limits::default()),
            Err(LabelError::Syntax { .. })
        ));
        let big = vec![b' '; 5 * 1024 * 1024];
        assert!(matches!(
            parse_label(&big, &Limits::default()),
            Err(LabelError::TooLarge { .. })
        ));
        assert!(matches!(
            parse(r#"{"market":"CN","market":"EU","category":"food"}"#),
            Err(LabelError::Invalid { .. })
        ));
    }

    #[test]
    fn arrays_are_not_read_as_objects() {
        for (text, path) in [
            (
                r#"{"market":"CN","category":"food","producer":["某公司","某地址"]}"#,
                "/producer",
            ),
            (r#"{"market":"CN","category":"food","dates":[]}"#, "/dates"),
            (
                r#"{"market":"CN","category":"food","nutrition":{"basis":"per_100g","rows":[["能量"]]}}"#,
                "/nutrition/rows/0",
            ),
            (r#"["CN","food"]"#, ""),
            // An escaped key is read unescaped (serde_json hands it over as a copy).
            (
                r#"{"market":"CN","category":"food","produc\u0065r":["某公司"]}"#,
                "/producer",
            ),
        ] {
            let e = parse(text).unwrap_err();
            assert_eq!(e.path(), Some(path), "{text}: {e}");
        }
    }

    /// A claim's nutrient given by its printed name resolves to the id, as a row's does; an
    /// id or an unknown name stays as given.
    #[test]
    fn a_claims_nutrient_name_resolves_to_its_id() {
        let mut l = parse(
            r#"{"market":"CN","category":"food","claims":[{"text":"高蛋白","nutrient":"蛋白质"},
            {"text":"低钠","nutrient":"sodium"},{"text":"x","nutrient":"无此营养素"}]}"#,
        )
        .unwrap();
        l.normalise(
            &|n| match n {
                "蛋白质" | "protein" => Some("protein".to_string()),
                "sodium" => Some("sodium".to_string()),
                _ => None,
            },
            &|_| None,
        );
        let ids: Vec<Option<&str>> = l.claims.iter().map(|c| c.nutrient.as_deref()).collect();
        assert_eq!(ids, [Some("protein"), Some("sodium"), Some("无此营养素")]);
    }

    /// Runs of capitals as emphasis: inside a word (`WEIZENmehl`), alone (`MILK`), full-width;
    /// not an abbreviation written as a word (`UHT`), not two capitals, not Chinese.
    #[test]
    fn capital_runs_as_emphasis() {
        let has = |n: &str| any_capital_run(n, |_| true);
        assert!(has("WEIZENmehl") && has("whey (MILK)") && has("ＭＩＬＫ") && has("ÉPEAUTRE"));
        assert!(
            !has("UHT milk") && !has("Wheat Flour") && !has("E476") && !has("牛奶") && !has("DHA")
        );
        assert!(
            has("UHTMILK"),
            "an abbreviation inside a longer run is no word of its own"
        );
        assert!(small('a') && small('é') && small('ｍ') && !small('A') && !small('奶'));
    }

    /// `Label::name_additive_forms` skips a list without 剂: it must be in every class name.
    #[test]
    fn every_function_class_ends_in_ji() {
        let text = include_str!("../../../standards/codelists/gb2760-function-classes.toml");
        let value: toml::Value = toml::from_str(text).expect("the code list is TOML");
        let rows = value["list"]["rows"].as_array().expect("rows");
        assert!(rows.len() > 10);
        for row in rows {
            let row = row.as_array().expect("a row is a list");
            let mut names = vec![row[0].as_str().expect("name")];
            names.extend(
                row[2]
                    .as_array()
                    .expect("aliases")
                    .iter()
                    .filter_map(|a| a.as_str()),
            );
            for n in names {
                assert!(n.ends_with('剂'), "{n}");
            }
        }
    }

    #[test]
    fn normalises_units_and_per_serving() {
        let mut l = parse(
            r#"{"market":"CN","category":"food","net_content":{"value":1.5,"unit":"升"},
            "nutrition":{"basis":"per_serving","serving_size":30,"serving_unit":"g","rows":[{"name":"蛋白质","value":3}]},
            "dates":{"shelf_life":"保质期：6个月"}}"#,
        )
        .unwrap();
        l.normalise(
            &|n| (n == "蛋白质").then(|| "protein".to_string()),
            &|_| None,
        );
        let nc = l.net_content.unwrap();
        assert_eq!(nc.base_quantity.unwrap().0, Decimal::from(1500));
        assert_eq!(nc.measure.as_deref(), Some("volume"));
        let n = l.nutrition.unwrap();
        assert_eq!(n.rows[0].nutrient.as_deref(), Some("protein"));
        assert_eq!(n.rows[0].per_100.unwrap().0, Decimal::from(10));
        assert_eq!(n.state.as_deref(), Some("solid"));
        assert_eq!(
            l.dates.unwrap().shelf_life_months.unwrap().0,
            Decimal::from(6)
        );
    }
}
#[cfg(test)]
mod number_edge_tests {
    #[test]
    fn just_above_the_limit_is_refused_at_its_pointer() {
        let b = br#"{"market":"CN","category":"food","net_content":{"value":1000000000000.0001,"unit":"g"}}"#;
        match super::check_number_edges(b) {
            Err(crate::error::LabelError::Invalid { path, .. }) => {
                assert_eq!(path, "/net_content/value")
            }
            other => panic!("{other:?}"),
        }
        assert!(
            super::check_number_edges(br#"{"v":1000000000000,"w":"1000000000000.0001"}"#).is_ok()
        );
    }
}

#[cfg(test)]
mod shelf_life_tests {
    #[test]
    fn a_negative_shelf_life_is_not_read() {
        assert_eq!(super::parse_shelf_life("-6个月"), (None, None));
        assert_eq!(super::parse_shelf_life("保质期：负6个月"), (None, None));
        assert_eq!(
            super::parse_shelf_life("保质期：6个月").0,
            Some(rust_decimal::Decimal::from(6))
        );
    }

    /// A character that lower-cases to two (`İ` → `i̇`) before the number no longer shifts
    /// the words read after it.
    #[test]
    fn a_two_char_lowercase_before_the_number_does_not_shift_the_unit() {
        let six = Some(rust_decimal::Decimal::from(6));
        assert_eq!(super::parse_shelf_life("İ6个月").0, six);
        assert_eq!(super::parse_shelf_life("İİİ 6 MONTHS").0, six);
        assert_eq!(
            super::parse_shelf_life("İ18天").1,
            Some(rust_decimal::Decimal::from(18))
        );
    }
}

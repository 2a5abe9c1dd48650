//! Derives the TypeScript declarations of the package from their sources, at build time:
//!
//! * the label document from its JSON Schema, `standards/schema/label.schema.json` — what
//!   `labelcheck schema` prints from the Rust `Label` types (schemars; a CLI test keeps the
//!   file equal to that output);
//! * the report, findings, comparison and the binding's own options, errors and listings
//!   from the Rust source (`core/src/report.rs`, `core/src/pack/format.rs`, `src/api.rs`),
//!   read with `syn`, following the serde attributes that shape their JSON.
//!
//! tsify would do the second part with derives, but needs them on the core's types (a core
//! change); this keeps the core untouched. The result is `$OUT_DIR/types.d.ts`, included by
//! `src/lib.rs` as a `typescript_custom_section`, so wasm-bindgen writes it into the `.d.ts`.
//! A type the generator cannot express is a build error, not a silent `any`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let root = dir.join("../..");
    let schema_path = root.join("standards/schema/label.schema.json");
    let rust_sources: [(PathBuf, Option<&[&str]>); 4] = [
        (
            root.join("core/src/pack/format.rs"),
            Some(&["Text", "Severity", "Confidence"]),
        ),
        (
            root.join("core/src/report.rs"),
            Some(&[
                "Span",
                "Citation",
                "Finding",
                "PackRef",
                "Skip",
                "Verdict",
                "RuleTrace",
                "Measurement",
                "Report",
                "Comparison",
                "MarketReports",
                "MarketReport",
            ]),
        ),
        (
            root.join("core/src/label/text/mod.rs"),
            Some(&["TextReading", "SourceField", "Unread", "Conflict"]),
        ),
        (dir.join("src/api.rs"), None),
    ];
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={}", schema_path.display());
    for (p, _) in &rust_sources {
        println!("cargo:rerun-if-changed={}", p.display());
    }

    let mut gen = Gen::default();
    for (path, only) in &rust_sources {
        if let Err(e) = gen.rust_file(path, *only) {
            panic!("typegen: {}: {e}", path.display());
        }
    }
    if let Err(e) = gen.schema_file(&schema_path) {
        panic!("typegen: {}: {e}", schema_path.display());
    }
    let out = gen.finish().unwrap_or_else(|e| panic!("typegen: {e}"));
    let out_path =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("types.d.ts");
    std::fs::write(&out_path, out).expect("write types.d.ts");
}

#[derive(Default)]
struct Gen {
    /// Declarations in output order: (name, text).
    decls: Vec<(String, String)>,
    /// Names declared (interfaces may be declared twice: TypeScript merges them).
    declared: BTreeSet<String>,
    /// Names used in a type position.
    used: BTreeMap<String, String>,
}

/// Named types with a fixed TypeScript form.
const BUILTIN: &[(&str, &str)] = &[
    ("String", "string"),
    ("str", "string"),
    ("bool", "boolean"),
    ("usize", "number"),
    ("u8", "number"),
    ("u16", "number"),
    ("u32", "number"),
    ("u64", "number"),
    ("isize", "number"),
    ("i8", "number"),
    ("i16", "number"),
    ("i32", "number"),
    ("i64", "number"),
    ("f32", "number"),
    ("f64", "number"),
    ("Value", "JsonValue"),
    ("Date", "IsoDate"),
    ("Dec", "Decimal"),
];

impl Gen {
    fn finish(mut self) -> Result<String, String> {
        let mut out = String::new();
        out.push_str(
            "// Derived at build time by bindings/wasm/build.rs from the Rust types and the label JSON Schema.\n\n",
        );
        out.push_str("/** Any JSON value. */\nexport type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };\n\n");
        self.declared.insert("JsonValue".into());
        for (name, from) in &self.used {
            if !self.declared.contains(name) {
                return Err(format!("type `{name}` (used by {from}) has no declaration"));
            }
        }
        for (_, text) in self.decls.drain(..) {
            out.push_str(&text);
            out.push('\n');
        }
        Ok(out)
    }

    fn declare(&mut self, name: &str, text: String) {
        self.declared.insert(name.to_string());
        self.decls.push((name.to_string(), text));
    }

    fn use_name(&mut self, name: &str, from: &str) {
        self.used
            .entry(name.to_string())
            .or_insert_with(|| from.to_string());
    }

    // ---------------------------------------------------------------- Rust (syn) --------

    fn rust_file(&mut self, path: &Path, only: Option<&[&str]>) -> Result<(), String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        let file = syn::parse_file(&text).map_err(|e| e.to_string())?;
        let mut found = BTreeSet::new();
        for item in &file.items {
            let (ident, attrs) = match item {
                syn::Item::Struct(s) => (&s.ident, &s.attrs),
                syn::Item::Enum(e) => (&e.ident, &e.attrs),
                _ => continue,
            };
            let name = ident.to_string();
            if let Some(only) = only {
                if !only.contains(&name.as_str()) {
                    continue;
                }
            } else if !derives_serde(attrs) {
                continue;
            }
            found.insert(name.clone());
            match item {
                syn::Item::Struct(s) => self.rust_struct(s)?,
                syn::Item::Enum(e) => self.rust_enum(e)?,
                _ => {}
            }
        }
        if let Some(only) = only {
            for want in only {
                if !found.contains(*want) {
                    return Err(format!("type `{want}` not found"));
                }
            }
        }
        Ok(())
    }

    fn rust_struct(&mut self, s: &syn::ItemStruct) -> Result<(), String> {
        let serde = SerdeAttrs::of(&s.attrs)?;
        let name = serde.rename.clone().unwrap_or_else(|| s.ident.to_string());
        let syn::Fields::Named(fields) = &s.fields else {
            return Err(format!("struct `{name}`: only named fields are supported"));
        };
        let mut text = jsdoc(&docs(&s.attrs), "");
        let mut extends = Vec::new();
        let mut body = String::new();
        for f in &fields.named {
            let fs = SerdeAttrs::of(&f.attrs)?;
            if fs.skip {
                continue;
            }
            let ident = f.ident.as_ref().expect("named").to_string();
            let ident = ident.trim_start_matches("r#").to_string();
            if fs.flatten {
                extends.push(self.rust_type(&f.ty, &name)?);
                continue;
            }
            let key = fs
                .rename
                .clone()
                .unwrap_or_else(|| rename(&ident, serde.rename_all.as_deref()));
            let optional = fs.default || fs.skip_serializing_if || serde.default;
            let (ty, nullable) = match option_inner(&f.ty) {
                Some(inner) => (self.rust_type(inner, &name)?, !fs.skip_serializing_if),
                None => (self.rust_type(&f.ty, &name)?, false),
            };
            body.push_str(&jsdoc(&docs(&f.attrs), "  "));
            let _ = writeln!(
                body,
                "  {}{}: {}{};",
                key,
                if optional { "?" } else { "" },
                ty,
                if nullable { " | null" } else { "" }
            );
        }
        let _ = writeln!(
            text,
            "export interface {name}{} {{\n{body}}}",
            if extends.is_empty() {
                String::new()
            } else {
                format!(" extends {}", extends.join(", "))
            }
        );
        self.declare(&name, text);
        Ok(())
    }

    fn rust_enum(&mut self, e: &syn::ItemEnum) -> Result<(), String> {
        let serde = SerdeAttrs::of(&e.attrs)?;
        let name = serde.rename.clone().unwrap_or_else(|| e.ident.to_string());
        let mut text = jsdoc(&docs(&e.attrs), "");
        let mut arms = Vec::new();
        for v in &e.variants {
            let vs = SerdeAttrs::of(&v.attrs)?;
            if vs.skip {
                continue;
            }
            let tag = vs
                .rename
                .clone()
                .unwrap_or_else(|| rename(&v.ident.to_string(), serde.rename_all.as_deref()));
            let doc = docs(&v.attrs);
            let doc = if doc.is_empty() {
                String::new()
            } else {
                format!("/** {} */ ", doc.join(" "))
            };
            match (&v.fields, &serde.tag) {
                (syn::Fields::Unit, None) => arms.push(format!("{doc}\"{tag}\"")),
                (syn::Fields::Unit, Some(t)) => arms.push(format!("{doc}{{ {t}: \"{tag}\" }}")),
                (syn::Fields::Named(fields), Some(t)) => {
                    let mut parts = vec![format!("{t}: \"{tag}\"")];
                    for f in &fields.named {
                        let fs = SerdeAttrs::of(&f.attrs)?;
                        let ident = f.ident.as_ref().expect("named").to_string();
                        let (ty, opt) = match option_inner(&f.ty) {
                            Some(inner) => (self.rust_type(inner, &name)?, fs.skip_serializing_if),
                            None => (self.rust_type(&f.ty, &name)?, false),
                        };
                        parts.push(format!("{ident}{}: {ty}", if opt { "?" } else { "" }));
                    }
                    arms.push(format!("{doc}{{ {} }}", parts.join("; ")));
                }
                _ => {
                    return Err(format!(
                        "enum `{name}`: variant `{}` has a shape the generator does not handle",
                        v.ident
                    ))
                }
            }
        }
        let _ = writeln!(text, "export type {name} =\n  | {};", arms.join("\n  | "));
        self.declare(&name, text);
        Ok(())
    }

    fn rust_type(&mut self, ty: &syn::Type, from: &str) -> Result<String, String> {
        match ty {
            syn::Type::Reference(r) => self.rust_type(&r.elem, from),
            syn::Type::Tuple(t) => {
                let parts: Result<Vec<_>, _> =
                    t.elems.iter().map(|e| self.rust_type(e, from)).collect();
                Ok(format!("[{}]", parts?.join(", ")))
            }
            syn::Type::Path(p) => {
                let seg = p.path.segments.last().ok_or("empty path")?;
                let ident = seg.ident.to_string();
                let args = generic_args(seg);
                match (ident.as_str(), args.as_slice()) {
                    ("Vec", [t]) | ("BTreeSet", [t]) | ("HashSet", [t]) => {
                        let inner = self.rust_type(t, from)?;
                        Ok(if inner.contains(' ') {
                            format!("({inner})[]")
                        } else {
                            format!("{inner}[]")
                        })
                    }
                    ("Option", [t]) => Ok(format!("{} | null", self.rust_type(t, from)?)),
                    ("Box", [t]) | ("Arc", [t]) | ("Rc", [t]) => self.rust_type(t, from),
                    ("BTreeMap", [_, v]) | ("HashMap", [_, v]) | ("Map", [_, v]) => {
                        Ok(format!("{{ [key: string]: {} }}", self.rust_type(v, from)?))
                    }
                    (_, []) => {
                        if let Some((_, ts)) = BUILTIN.iter().find(|(r, _)| *r == ident) {
                            if *ts == "IsoDate" || *ts == "Decimal" {
                                self.use_name(ts, from);
                            }
                            Ok(ts.to_string())
                        } else {
                            self.use_name(&ident, from);
                            Ok(ident)
                        }
                    }
                    _ => Err(format!("{from}: unsupported type `{ident}<…>`")),
                }
            }
            _ => Err(format!("{from}: unsupported type form")),
        }
    }

    // ------------------------------------------------------------- JSON Schema -------

    fn schema_file(&mut self, path: &Path) -> Result<(), String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        let schema: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        if let Some(defs) = schema.get("$defs").and_then(|d| d.as_object()) {
            for (name, def) in defs {
                let name = &schema_name(name);
                if self.declared.contains(name) {
                    // Also a Rust type read above (Span): one declaration, from the Rust side.
                    continue;
                }
                let text = self.schema_decl(name, def)?;
                self.declare(name, text);
            }
        }
        let mut root = schema.clone();
        if let Some(o) = root.as_object_mut() {
            o.remove("$defs");
        }
        let text = self.schema_decl("Label", &root)?;
        self.declare("Label", text);
        Ok(())
    }

    fn schema_decl(&mut self, name: &str, s: &serde_json::Value) -> Result<String, String> {
        let mut text = String::new();
        let title = s.get("title").and_then(|t| t.as_str());
        let desc = s.get("description").and_then(|t| t.as_str());
        let doc: Vec<String> = title
            .into_iter()
            .chain(desc)
            .flat_map(|t| t.lines().map(str::to_string))
            .collect();
        text.push_str(&jsdoc(&doc, ""));
        if s.get("properties").is_some() {
            let _ = writeln!(
                text,
                "export interface {name} {}",
                self.schema_object(s, "", name)?
            );
        } else {
            let _ = writeln!(
                text,
                "export type {name} = {};",
                self.schema_type(s, "", name)?
            );
        }
        Ok(text)
    }

    fn schema_object(
        &mut self,
        s: &serde_json::Value,
        indent: &str,
        from: &str,
    ) -> Result<String, String> {
        let required: BTreeSet<&str> = s
            .get("required")
            .and_then(|r| r.as_array())
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let mut body = String::from("{\n");
        let inner = format!("{indent}  ");
        if let Some(props) = s.get("properties").and_then(|p| p.as_object()) {
            for (key, ps) in props {
                if let Some(d) = ps.get("description").and_then(|d| d.as_str()) {
                    let lines: Vec<String> = d.lines().map(str::to_string).collect();
                    body.push_str(&jsdoc(&lines, &inner));
                }
                let ty = self.schema_type(ps, &inner, from)?;
                let _ = writeln!(
                    body,
                    "{inner}{key}{}: {ty};",
                    if required.contains(key.as_str()) {
                        ""
                    } else {
                        "?"
                    }
                );
            }
        }
        if s.get("additionalProperties").and_then(|a| a.as_bool()) == Some(true) {
            let _ = writeln!(body, "{inner}[key: string]: JsonValue;");
        }
        body.push_str(indent);
        body.push('}');
        Ok(body)
    }

    fn schema_type(
        &mut self,
        s: &serde_json::Value,
        indent: &str,
        from: &str,
    ) -> Result<String, String> {
        let Some(o) = s.as_object() else {
            return Ok(if s.as_bool() == Some(false) {
                "never".into()
            } else {
                "JsonValue".into()
            });
        };
        if let Some(r) = o.get("$ref").and_then(|r| r.as_str()) {
            let name = r
                .strip_prefix("#/$defs/")
                .ok_or_else(|| format!("{from}: unsupported $ref `{r}`"))?;
            let name = schema_name(name);
            self.use_name(&name, from);
            return Ok(name);
        }
        if let Some(c) = o.get("const") {
            return Ok(c.to_string());
        }
        if let Some(e) = o.get("enum").and_then(|e| e.as_array()) {
            return Ok(e
                .iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>()
                .join(" | "));
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(list) = o.get(key).and_then(|l| l.as_array()) {
                let mut parts = Vec::new();
                for sub in list {
                    let t = self.schema_type(sub, indent, from)?;
                    if !parts.contains(&t) {
                        parts.push(t);
                    }
                }
                return Ok(parts.join(" | "));
            }
        }
        let types: Vec<&str> = match o.get("type") {
            Some(serde_json::Value::String(t)) => vec![t.as_str()],
            Some(serde_json::Value::Array(a)) => a.iter().filter_map(|t| t.as_str()).collect(),
            _ => return Ok("JsonValue".into()),
        };
        let mut parts = Vec::new();
        for t in types {
            parts.push(match t {
                "string" => "string".to_string(),
                "number" | "integer" => "number".to_string(),
                "boolean" => "boolean".to_string(),
                "null" => "null".to_string(),
                "array" => {
                    let item = match o.get("items") {
                        Some(i) => self.schema_type(i, indent, from)?,
                        None => "JsonValue".into(),
                    };
                    if item.contains(' ') {
                        format!("({item})[]")
                    } else {
                        format!("{item}[]")
                    }
                }
                "object" => {
                    if o.contains_key("properties") {
                        self.schema_object(s, indent, from)?
                    } else {
                        "{ [key: string]: JsonValue }".to_string()
                    }
                }
                other => return Err(format!("{from}: unsupported schema type `{other}`")),
            });
        }
        Ok(parts.join(" | "))
    }
}

// ------------------------------------------------------------------ helpers ----------

/// Schema definition names that would shadow a JavaScript global in the declarations.
fn schema_name(name: &str) -> String {
    match name {
        "Date" => "IsoDate".to_string(),
        other => other.to_string(),
    }
}

#[derive(Default)]
struct SerdeAttrs {
    rename: Option<String>,
    rename_all: Option<String>,
    tag: Option<String>,
    default: bool,
    skip: bool,
    skip_serializing_if: bool,
    flatten: bool,
}

impl SerdeAttrs {
    fn of(attrs: &[syn::Attribute]) -> Result<SerdeAttrs, String> {
        let mut out = SerdeAttrs::default();
        for a in attrs.iter().filter(|a| a.path().is_ident("serde")) {
            a.parse_nested_meta(|meta| {
                let key = meta
                    .path
                    .get_ident()
                    .map(|i| i.to_string())
                    .unwrap_or_default();
                let value: Option<String> = if meta.input.peek(syn::Token![=]) {
                    let lit: syn::Lit = meta.value()?.parse()?;
                    match lit {
                        syn::Lit::Str(s) => Some(s.value()),
                        _ => None,
                    }
                } else if meta.input.peek(syn::token::Paren) {
                    // rename(serialize = "…") and the like: take `serialize` when given.
                    let mut ser = None;
                    meta.parse_nested_meta(|inner| {
                        let lit: syn::LitStr = inner.value()?.parse()?;
                        if inner.path.is_ident("serialize") {
                            ser = Some(lit.value());
                        }
                        Ok(())
                    })?;
                    ser
                } else {
                    None
                };
                match key.as_str() {
                    "rename" => out.rename = value,
                    "rename_all" => out.rename_all = value,
                    "tag" => out.tag = value,
                    "default" => out.default = true,
                    "skip" | "skip_serializing" => out.skip = true,
                    "skip_serializing_if" => out.skip_serializing_if = true,
                    "flatten" => out.flatten = true,
                    "untagged" | "content" => {
                        return Err(meta.error("the generator does not handle this serde form"))
                    }
                    _ => {}
                }
                Ok(())
            })
            .map_err(|e| e.to_string())?;
        }
        Ok(out)
    }
}

fn derives_serde(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("derive") && {
            let mut yes = false;
            let _ = a.parse_nested_meta(|m| {
                let last = m.path.segments.last().map(|s| s.ident.to_string());
                if matches!(last.as_deref(), Some("Serialize" | "Deserialize")) {
                    yes = true;
                }
                Ok(())
            });
            yes
        }
    })
}

fn docs(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value().trim().to_string()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

fn jsdoc(lines: &[String], indent: &str) -> String {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| l.replace("*/", "*\\/"))
        .filter(|l| !l.is_empty())
        .collect();
    match lines.len() {
        0 => String::new(),
        1 => format!("{indent}/** {} */\n", lines[0]),
        _ => {
            let mut s = format!("{indent}/**\n");
            for l in lines {
                let _ = writeln!(s, "{indent} * {l}");
            }
            let _ = writeln!(s, "{indent} */");
            s
        }
    }
}

fn generic_args(seg: &syn::PathSegment) -> Vec<&syn::Type> {
    match &seg.arguments {
        syn::PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|a| match a {
                syn::GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => vec![],
    }
}

fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let seg = p.path.segments.last()?;
    if seg.ident != "Option" {
        return None;
    }
    generic_args(seg).into_iter().next()
}

/// serde's `rename_all` for the cases used here.
fn rename(ident: &str, rule: Option<&str>) -> String {
    match rule {
        None => ident.to_string(),
        Some("snake_case") => {
            let mut s = String::new();
            for (i, c) in ident.chars().enumerate() {
                if c.is_uppercase() {
                    if i > 0 {
                        s.push('_');
                    }
                    s.extend(c.to_lowercase());
                } else {
                    s.push(c);
                }
            }
            s
        }
        Some("camelCase") => {
            // A field ident (snake_case) → camelCase; a variant ident (PascalCase) → camelCase.
            let mut s = String::new();
            let mut up = false;
            for (i, c) in ident.chars().enumerate() {
                if c == '_' {
                    up = true;
                } else if up {
                    s.extend(c.to_uppercase());
                    up = false;
                } else if i == 0 {
                    s.extend(c.to_lowercase());
                } else {
                    s.push(c);
                }
            }
            s
        }
        Some("lowercase") => ident.to_lowercase(),
        Some("UPPERCASE") => ident.to_uppercase(),
        Some(other) => panic!("typegen: rename_all = \"{other}\" is not handled"),
    }
}

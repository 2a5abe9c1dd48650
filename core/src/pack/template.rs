//! Message templates: text with `{expression}` placeholders (`{item.name}`, `{found}`),
//! compiled at load. `{{` and `}}` stand for literal braces.
//!
//! An embedded pack compiled on first use keeps its messages as text until a finding first
//! renders one (`Template::deferred`): most rules pass, and a first check compiled two
//! messages per rule of every pack it used. The tests compile the embedded packs eagerly,
//! so a bad placeholder still fails the build; packs read from files compile at load.

use crate::expr::{Expr, Scope};

#[derive(Debug)]
enum Part {
    Lit(String),
    Expr(Expr),
}

#[derive(Debug)]
pub struct Template {
    source: String,
    /// Compiled at load, or at the first render of a deferred template (`Err`: a deferred
    /// compile failed, which the eager compile in the tests rules out; the source is shown).
    parts: std::sync::OnceLock<Result<Vec<Part>, String>>,
}

impl Template {
    pub fn compile(src: &str, known_table: &dyn Fn(&str) -> bool) -> Result<Template, String> {
        let parts = compile_parts(src, known_table)?;
        Ok(Template {
            source: src.to_string(),
            parts: std::sync::OnceLock::from(Ok(parts)),
        })
    }

    /// A template compiled when first rendered (embedded packs; see the module note).
    pub fn deferred(src: &str) -> Template {
        Template {
            source: src.to_string(),
            parts: std::sync::OnceLock::new(),
        }
    }
}

/// The literal and placeholder parts of a template.
fn compile_parts(src: &str, known_table: &dyn Fn(&str) -> bool) -> Result<Vec<Part>, String> {
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut chars = src.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|(_, c)| *c) == Some('{') => {
                chars.next();
                lit.push('{');
            }
            '}' if chars.peek().map(|(_, c)| *c) == Some('}') => {
                chars.next();
                lit.push('}');
            }
            '{' => {
                let rest = &src[i + 1..];
                let Some(end) = rest.find('}') else {
                    return Err(format!("unclosed `{{` at offset {i}"));
                };
                let e = Expr::compile(&rest[..end], known_table)
                    .map_err(|e| format!("placeholder `{{{}}}`: {e}", &rest[..end]))?;
                if !lit.is_empty() {
                    parts.push(Part::Lit(std::mem::take(&mut lit)));
                }
                parts.push(Part::Expr(e));
                for _ in 0..rest[..end].chars().count() + 1 {
                    chars.next();
                }
            }
            '}' => return Err(format!("unmatched `}}` at offset {i}")),
            _ => lit.push(c),
        }
    }
    if !lit.is_empty() {
        parts.push(Part::Lit(lit));
    }
    Ok(parts)
}

impl Template {
    /// The template as written in the pack.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The message with each `{expr}` replaced by its value, a value longer than
    /// `MAX_INTERPOLATED_CHARS` cut with `…` — a field repeated in a message must not make
    /// a report larger than a label (the finding's pointer still says which field it is).
    pub fn render(&self, scope: &Scope<'_, '_>) -> String {
        let parts = self
            .parts
            .get_or_init(|| compile_parts(&self.source, &|t| scope.knows(t)));
        let Ok(parts) = parts else {
            return self.source.clone();
        };
        // Sized for the literal text and a few short values: a message grew two or three
        // times as it was written.
        let literal: usize = parts
            .iter()
            .map(|p| match p {
                Part::Lit(s) => s.len(),
                Part::Expr(_) => 16,
            })
            .sum();
        let mut out = String::with_capacity(literal);
        for p in parts {
            match p {
                Part::Lit(s) => out.push_str(s),
                Part::Expr(e) => out.push_str(&truncate(&scope.eval(&e.root).display())),
            }
        }
        out
    }
}

/// The longest interpolated value shown in a message, in characters.
pub const MAX_INTERPOLATED_CHARS: usize = 200;

/// `s` cut to `MAX_INTERPOLATED_CHARS` characters with `…` when longer.
pub fn truncate(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(MAX_INTERPOLATED_CHARS) {
        None => std::borrow::Cow::Borrowed(s),
        Some((at, _)) => std::borrow::Cow::Owned(format!("{}…", &s[..at])),
    }
}

#[cfg(test)]
mod truncate_tests {
    #[test]
    fn long_values_are_cut_with_an_ellipsis() {
        let long = "配".repeat(500);
        let t = super::truncate(&long);
        assert_eq!(t.chars().count(), super::MAX_INTERPOLATED_CHARS + 1);
        assert!(t.ends_with('…'));
        assert_eq!(super::truncate("短"), "短");
    }
}

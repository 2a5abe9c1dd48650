//! Message templates: text with `{expression}` placeholders (`{item.name}`, `{found}`),
//! compiled at load. `{{` and `}}` stand for literal braces.

use crate::expr::{Expr, Scope};

#[derive(Debug)]
enum Part {
    Lit(String),
    Expr(Expr),
}

#[derive(Debug)]
pub struct Template {
    source: String,
    parts: Vec<Part>,
}

impl Template {
    pub fn compile(src: &str, known_table: &dyn Fn(&str) -> bool) -> Result<Template, String> {
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
        Ok(Template {
            source: src.to_string(),
            parts,
        })
    }

    /// The template as written in the pack.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn render(&self, scope: &Scope<'_, '_>) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Lit(s) => out.push_str(s),
                Part::Expr(e) => out.push_str(&scope.eval(&e.root).display()),
            }
        }
        out
    }
}

//! `descending_order`: list elements in non-increasing order of a numeric key — the
//! ingredient list "in descending order of the amount added" — with an exemption threshold
//! (GB 7718: ingredients added at ≤ 2 % need not be in order).
//!
//! Reading of the exemption: an element above the threshold must not follow an element with
//! a smaller share; elements at or below it may stand anywhere after the larger ones. Packs
//! that rely on this reading mark their confidence accordingly.

use super::{element_pointer, CompileEnv, Hit, Outcome, WRONG_SPEC};
use crate::expr::{Expr, Scope, Val};
use crate::pack::format::CheckSpec;
use rust_decimal::Decimal;

/// Sub-lists deeper than this are not visited (compound ingredients rarely nest past 3).
const MAX_RECURSION: usize = 8;

#[derive(Debug)]
pub struct DescendingOrder {
    list: Expr,
    key: String,
    key_expr: Option<Expr>,
    bound_expr: Option<Expr>,
    exempt: Option<Decimal>,
    recurse: Option<String>,
    skip_if: Option<Expr>,
}

impl DescendingOrder {
    pub fn compile(spec: &CheckSpec, env: &CompileEnv<'_>) -> Result<Self, String> {
        let CheckSpec::DescendingOrder {
            list,
            key,
            key_expr,
            bound_expr,
            exempt_at_or_below,
            recurse,
            skip_if,
        } = spec
        else {
            return Err(WRONG_SPEC.into());
        };
        if key.is_empty() == key_expr.is_none() {
            return Err(
                "give exactly one of `key` (a field) and `key_expr` (an expression on `el`)".into(),
            );
        }
        Ok(DescendingOrder {
            list: env.expr("list", list)?,
            key: if key.is_empty() {
                "key_expr".to_string()
            } else {
                key.clone()
            },
            key_expr: key_expr
                .as_deref()
                .map(|s| env.expr("key_expr", s))
                .transpose()?,
            bound_expr: bound_expr
                .as_deref()
                .map(|s| env.expr("bound_expr", s))
                .transpose()?,
            exempt: exempt_at_or_below.map(|d| d.0),
            recurse: recurse.clone(),
            skip_if: skip_if
                .as_deref()
                .map(|s| env.expr("skip_if", s))
                .transpose()?,
        })
    }

    pub fn run<'c: 'a, 'a>(&'c self, scope: &mut Scope<'c, 'a>, base: &str) -> Outcome<'a> {
        let top = scope.eval(&self.list.root);
        let pointer = super::pointer_of(&self.list, base);
        let mut hits = Vec::new();
        let mut judged = 0usize;
        self.walk(scope, top, &pointer, 0, &mut hits, &mut judged);
        let _ = element_pointer;
        if judged == 0 {
            return Outcome::Skip(format!(
                "fewer than two `{}` values to compare in `{}`",
                self.key, self.list.source
            ));
        }
        if hits.is_empty() {
            Outcome::Pass
        } else {
            Outcome::Fail(hits)
        }
    }

    fn walk<'c, 'a>(
        &'c self,
        scope: &mut Scope<'c, 'a>,
        list: Val<'a>,
        pointer: &str,
        depth: usize,
        hits: &mut Vec<Hit<'a>>,
        judged: &mut usize,
    ) {
        let items: Vec<Val<'a>> = list.elements().collect();
        // Each earlier element: position, key, and whether the key is a minimum (`Some(true)`)
        // or a maximum (`Some(false)`) rather than the amount.
        let mut seen: Vec<(usize, Decimal, Option<bool>)> = Vec::new();
        for (i, el) in items.iter().enumerate() {
            if let Some(skip) = &self.skip_if {
                scope.set("el", el.clone());
                let s = scope.eval(&skip.root).truthy();
                scope.unset("el");
                if s {
                    continue;
                }
            }
            let key = match &self.key_expr {
                Some(expr) => {
                    scope.set("el", el.clone());
                    let v = scope.eval(&expr.root);
                    scope.unset("el");
                    v
                }
                None => el.field(&self.key),
            };
            let Some(share) = key.as_num() else {
                continue;
            };
            let bound = match &self.bound_expr {
                Some(expr) => {
                    scope.set("el", el.clone());
                    let v = scope.eval(&expr.root);
                    scope.unset("el");
                    match v.as_str() {
                        Some("min") => Some(true),
                        Some("max") => Some(false),
                        _ => None,
                    }
                }
                None => None,
            };
            let exempt = self.exempt.is_some_and(|t| share <= t);
            // A maximum cannot show that this element holds more than an earlier one, and
            // an earlier minimum cannot show that it holds less.
            if !exempt && bound != Some(false) {
                // The earliest predecessor with a smaller share is the one it must precede.
                if let Some(&(j, prev, _)) =
                    seen.iter().find(|(_, p, b)| *p < share && *b != Some(true))
                {
                    hits.push(
                        Hit::at(format!("{pointer}/{i}"))
                            .expected(Val::Num(prev))
                            .found(Val::Num(share))
                            .bind("el", el.clone())
                            .bind("prev", items[j].clone()),
                    );
                }
            }
            seen.push((i, share, bound));
        }
        if seen.len() >= 2 {
            *judged += 1;
        }
        if let Some(sub) = &self.recurse {
            if depth < MAX_RECURSION {
                for (i, el) in items.iter().enumerate() {
                    let child = el.field(sub);
                    if child.elements().len() != 0 {
                        let p = format!("{pointer}/{i}/{sub}");
                        // `parent` is the element whose sub-list is walked, for `skip_if`
                        // (a group 'in varying proportions' may list its parts in any order).
                        let outer = scope.get("parent");
                        scope.set("parent", el.clone());
                        self.walk(scope, child, &p, depth + 1, hits, judged);
                        match outer {
                            Val::Null => scope.unset("parent"),
                            v => scope.set("parent", v),
                        }
                    }
                }
            }
        }
    }
}

//! `sum_tolerance`: the sum of a field over a list against a target (fibre percentages
//! summing to 100; ingredient shares not exceeding 100).

use super::{pointer_of, CompileEnv, Hit, Outcome, WRONG_SPEC};
use crate::expr::{Expr, Scope, Val};
use crate::pack::format::CheckSpec;
use rust_decimal::Decimal;

#[derive(Debug)]
pub struct SumTolerance {
    list: Expr,
    key: String,
    target: Expr,
    tolerance: Decimal,
    relation: Relation,
}

#[derive(Debug, Clone, Copy)]
enum Relation {
    Eq,
    Le,
    Ge,
}

impl SumTolerance {
    pub fn compile(spec: &CheckSpec, env: &CompileEnv<'_>) -> Result<Self, String> {
        let CheckSpec::SumTolerance {
            list,
            key,
            target,
            tolerance,
            relation,
        } = spec
        else {
            return Err(WRONG_SPEC.into());
        };
        let relation = match relation.as_str() {
            "eq" => Relation::Eq,
            "le" => Relation::Le,
            "ge" => Relation::Ge,
            other => return Err(format!("relation `{other}` is not one of eq, le, ge")),
        };
        Ok(SumTolerance {
            list: env.expr("list", list)?,
            key: key.clone(),
            target: env.expr("target", target)?,
            tolerance: tolerance.map(|d| d.0).unwrap_or_default(),
            relation,
        })
    }

    pub fn run<'a>(&'a self, scope: &mut Scope<'_, 'a>, base: &str) -> Outcome<'a> {
        let items: Vec<Val<'a>> = scope.eval(&self.list.root).elements().collect();
        let mut sum = Decimal::ZERO;
        let mut counted = 0;
        for it in &items {
            if let Some(d) = it.field(&self.key).as_num() {
                sum = match sum.checked_add(d) {
                    Some(s) => s,
                    None => return Outcome::Skip("sum out of range".into()),
                };
                counted += 1;
            }
        }
        if counted == 0 {
            return Outcome::Skip(format!(
                "no `{}` values in `{}`",
                self.key, self.list.source
            ));
        }
        let Some(target) = scope.eval(&self.target.root).as_num() else {
            return Outcome::Skip(format!("cannot compute target `{}`", self.target.source));
        };
        // Checked arithmetic: a target computed from hostile input may sit near the decimal
        // range's edge.
        let ok = match self.relation {
            Relation::Eq => sum.checked_sub(target).map(|d| d.abs() <= self.tolerance),
            Relation::Le => target.checked_add(self.tolerance).map(|t| sum <= t),
            Relation::Ge => sum.checked_add(self.tolerance).map(|s| s >= target),
        };
        let Some(ok) = ok else {
            return Outcome::Skip("sum or target out of range".into());
        };
        if ok {
            Outcome::Pass
        } else {
            Outcome::Fail(vec![Hit::at(pointer_of(&self.list, base))
                .expected(Val::Num(target))
                .found(Val::Num(sum))])
        }
    }
}

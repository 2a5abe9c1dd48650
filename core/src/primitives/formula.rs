//! `formula`: compute a value from the label (energy from protein, fat and carbohydrate;
//! NRV % from the declared amount) and compare the declared value with it, within a
//! tolerance. Missing inputs skip the rule rather than fail it.

use super::{pointer_of, CompileEnv, Hit, Outcome, WRONG_SPEC};
use crate::expr::{Expr, Scope, Val};
use crate::pack::format::CheckSpec;
use rust_decimal::Decimal;

#[derive(Debug)]
pub struct Formula {
    compute: Expr,
    declared: Expr,
    tolerance: Option<Expr>,
}

impl Formula {
    pub fn compile(spec: &CheckSpec, env: &CompileEnv<'_>) -> Result<Self, String> {
        let CheckSpec::Formula {
            compute,
            declared,
            tolerance,
        } = spec
        else {
            return Err(WRONG_SPEC.into());
        };
        Ok(Formula {
            compute: env.expr("compute", compute)?,
            declared: env.expr("declared", declared)?,
            tolerance: tolerance
                .as_deref()
                .map(|t| env.expr("tolerance", t))
                .transpose()?,
        })
    }

    pub fn run<'a>(&'a self, scope: &mut Scope<'_, 'a>, base: &str) -> Outcome<'a> {
        let Some(expected) = scope.eval(&self.compute.root).as_num() else {
            return Outcome::Skip(format!("cannot compute `{}`", self.compute.source));
        };
        let declared = scope.eval(&self.declared.root);
        // Written only for a finding.
        let pointer = || pointer_of(&self.declared, base);
        let Some(found) = declared.as_num() else {
            return Outcome::Fail(vec![Hit::at(pointer())
                .expected(Val::Num(expected))
                .found(declared)]);
        };
        let tolerance = match &self.tolerance {
            Some(t) => match scope.eval(&t.root).as_num() {
                Some(d) => d.abs(),
                None => return Outcome::Skip(format!("cannot compute tolerance `{}`", t.source)),
            },
            None => Decimal::ZERO,
        };
        let diff = match found.checked_sub(expected) {
            Some(d) => d.abs(),
            None => return Outcome::Skip("difference out of range".into()),
        };
        if diff <= tolerance {
            Outcome::Pass
        } else {
            Outcome::Fail(vec![Hit::at(pointer())
                .expected(Val::Num(expected))
                .found(Val::Num(found))
                .bind("tolerance", Val::Num(tolerance))])
        }
    }
}

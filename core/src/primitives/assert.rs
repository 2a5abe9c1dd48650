//! `assert`: a condition that must hold, with optional `expected` / `found` values for the
//! finding. The catch-all for clauses that are one comparison ("declared value is a
//! multiple of the rounding interval").

use super::{pointer_of, CompileEnv, Hit, Outcome, WRONG_SPEC};
use crate::expr::{Expr, Scope};
use crate::pack::format::CheckSpec;

#[derive(Debug)]
pub struct Assert {
    condition: Expr,
    field: Option<Expr>,
    expected: Option<Expr>,
    found: Option<Expr>,
}

impl Assert {
    pub fn compile(spec: &CheckSpec, env: &CompileEnv<'_>) -> Result<Self, String> {
        let CheckSpec::Assert {
            condition,
            field,
            expected,
            found,
        } = spec
        else {
            return Err(WRONG_SPEC.into());
        };
        Ok(Assert {
            condition: env.expr("condition", condition)?,
            field: field.as_deref().map(|f| env.expr("field", f)).transpose()?,
            expected: expected
                .as_deref()
                .map(|f| env.expr("expected", f))
                .transpose()?,
            found: found.as_deref().map(|f| env.expr("found", f)).transpose()?,
        })
    }

    pub fn run<'a>(&'a self, scope: &mut Scope<'_, 'a>, base: &str) -> Outcome<'a> {
        if scope.eval(&self.condition.root).truthy() {
            return Outcome::Pass;
        }
        let pointer = self
            .field
            .as_ref()
            .map(|f| pointer_of(f, base))
            .unwrap_or_else(|| base.to_string());
        let mut hit = Hit::at(pointer);
        if let Some(e) = &self.expected {
            hit = hit.expected(scope.eval(&e.root));
        }
        let found = match (&self.found, &self.field) {
            (Some(e), _) | (None, Some(e)) => Some(scope.eval(&e.root)),
            _ => None,
        };
        if let Some(f) = found {
            hit = hit.found(f);
        }
        Outcome::Fail(vec![hit])
    }
}

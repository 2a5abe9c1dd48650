//! `required`: a field must be present and non-empty; with `any_of`, at least one of
//! several (e.g. production date or batch number).

use super::{pointer_of, CompileEnv, Hit, Outcome, WRONG_SPEC};
use crate::expr::{Expr, Scope, Val};
use crate::pack::format::CheckSpec;
use std::borrow::Cow;

#[derive(Debug)]
pub struct Required {
    fields: Vec<Expr>,
}

impl Required {
    pub fn compile(spec: &CheckSpec, env: &CompileEnv<'_>) -> Result<Self, String> {
        let CheckSpec::Required { field, any_of } = spec else {
            return Err(WRONG_SPEC.into());
        };
        let mut fields = Vec::new();
        if let Some(f) = field {
            fields.push(env.expr("field", f)?);
        }
        for f in any_of {
            fields.push(env.expr("any_of", f)?);
        }
        if fields.is_empty() {
            return Err("`required` needs `field` or `any_of`".into());
        }
        Ok(Required { fields })
    }

    pub fn run<'a>(&'a self, scope: &mut Scope<'_, 'a>, base: &str) -> Outcome<'a> {
        if self.fields.iter().any(|f| scope.eval(&f.root).is_present()) {
            return Outcome::Pass;
        }
        let names: Vec<&str> = self.fields.iter().map(|f| f.source.as_str()).collect();
        Outcome::Fail(vec![Hit::at(pointer_of(&self.fields[0], base))
            .expected(Val::Str(Cow::Owned(names.join(" | "))))
            .found(Val::Null)])
    }
}

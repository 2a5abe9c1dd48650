//! `code_list`: a value must be an entry of a code list (`key`: by code; `name`: by code,
//! name or alias), or a free text must name one (`contains`: 产地 "内蒙古自治区锡林郭勒盟…"
//! names 锡林郭勒盟). `require` then tests the matched entry (e.g. prefecture level).

use super::{pointer_of, CompileEnv, Hit, Outcome, RunEnv, WRONG_SPEC};
use crate::expr::{Expr, Scope, Val};
use crate::pack::format::CheckSpec;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Key,
    Name,
    Contains,
}

#[derive(Debug)]
pub struct CodeListCheck {
    field: Expr,
    list: String,
    mode: Mode,
    require: Option<Expr>,
}

impl CodeListCheck {
    pub fn compile(spec: &CheckSpec, env: &CompileEnv<'_>) -> Result<Self, String> {
        let CheckSpec::CodeList {
            field,
            list,
            mode,
            require,
        } = spec
        else {
            return Err(WRONG_SPEC.into());
        };
        if !env.codelists.contains_key(list) {
            let known: Vec<&str> = env.codelists.keys().map(String::as_str).collect();
            return Err(format!(
                "unknown code list `{list}` (loaded: {})",
                known.join(", ")
            ));
        }
        let mode = match mode.as_str() {
            "key" => Mode::Key,
            "name" => Mode::Name,
            "contains" => Mode::Contains,
            other => return Err(format!("mode `{other}` is not one of key, name, contains")),
        };
        Ok(CodeListCheck {
            field: env.expr("field", field)?,
            list: list.clone(),
            mode,
            require: require
                .as_deref()
                .map(|r| env.expr("require", r))
                .transpose()?,
        })
    }

    pub fn run<'c: 'a, 'a>(
        &'c self,
        scope: &mut Scope<'c, 'a>,
        base: &str,
        env: &RunEnv<'a>,
    ) -> Outcome<'a> {
        let Some(list) = env.codelists.get(&self.list) else {
            return Outcome::Skip(format!("code list `{}` not loaded", self.list));
        };
        let value = scope.eval(&self.field.root);
        if !value.is_present() {
            return Outcome::Skip(format!("no value at `{}`", self.field.source));
        }
        // Written only for a finding.
        let pointer = || pointer_of(&self.field, base);
        let candidates: Vec<&'a serde_json::Value> = match self.mode {
            Mode::Key => list
                .find(&value)
                .filter(|row| {
                    Val::from_json(row.get(list.key()).unwrap_or(&serde_json::Value::Null))
                        .loose_eq(&value)
                })
                .into_iter()
                .collect(),
            Mode::Name => list.find(&value).into_iter().collect(),
            // The names printed inside the value (`新西兰 New Zealand`, `内蒙古自治区呼和浩特
            // 市`), else the value itself as a key or name (a code such as `NZ`). In that
            // order: the look-up by name builds an index of its own, which a first check
            // would pay for on every place name.
            Mode::Contains => {
                let mentioned = value
                    .as_str()
                    .map(|text| list.mentioned_in(text))
                    .unwrap_or_default();
                if mentioned.is_empty() {
                    list.find(&value).into_iter().collect()
                } else {
                    mentioned
                }
            }
        };
        if candidates.is_empty() {
            return Outcome::Fail(vec![Hit::at(pointer())
                .expected(Val::Str(Cow::Owned(format!(
                    "an entry of {}",
                    list.meta.id
                ))))
                .found(value)]);
        }
        let Some(require) = &self.require else {
            return Outcome::Pass;
        };
        for entry in &candidates {
            scope.set("entry", Val::from_json(entry));
            let ok = scope.eval(&require.root).truthy();
            scope.unset("entry");
            if ok {
                return Outcome::Pass;
            }
        }
        let names = Val::List(candidates.iter().map(|e| Val::from_json(e)).collect());
        Outcome::Fail(vec![Hit::at(pointer())
            .expected(Val::Str(Cow::Owned(require.source.clone())))
            .found(value)
            .bind("entries", names)
            .bind("entry", Val::from_json(candidates[candidates.len() - 1]))])
    }
}

//! `threshold_table`: find the band of an input in a table (`over` < input ≤ `upto` by
//! default; each bound's inclusiveness is a parameter, because standards differ), read the
//! band's result, and compare the declared value with it. Net-content character heights,
//! energy grades by capacity band.

use super::{pointer_of, CompileEnv, Hit, Outcome, RunEnv, WRONG_SPEC};
use crate::expr::{Expr, Scope, Val};
use crate::pack::format::CheckSpec;

#[derive(Debug, Clone, Copy)]
enum Relation {
    Ge,
    Le,
    Eq,
}

#[derive(Debug)]
pub struct ThresholdTable {
    input: Expr,
    table: String,
    lower: String,
    upper: String,
    lower_inclusive: bool,
    upper_inclusive: bool,
    row_filter: Option<Expr>,
    result: String,
    declared: Expr,
    relation: Relation,
}

impl ThresholdTable {
    pub fn compile(spec: &CheckSpec, env: &CompileEnv<'_>) -> Result<Self, String> {
        let CheckSpec::ThresholdTable {
            input,
            table,
            lower,
            upper,
            lower_inclusive,
            upper_inclusive,
            row_filter,
            result,
            declared,
            relation,
        } = spec
        else {
            return Err(WRONG_SPEC.into());
        };
        let t = env.table(table)?;
        if !t.rows.iter().any(|r| r.get(result).is_some()) {
            return Err(format!("table `{table}` has no column `{result}`"));
        }
        // A band bound that is there but is not a number would read as no bound at all (an
        // open band: `below = "1000"` turned a failing label into a pass). Refused at load.
        for (i, row) in t.rows.iter().enumerate() {
            for column in [lower, upper] {
                let Some(v) = row.get(column) else { continue };
                if Val::from_json(v).as_num().is_none() {
                    let name = row
                        .get(&t.key)
                        .and_then(|k| k.as_str())
                        .map(|k| format!(" (`{k}`)"))
                        .unwrap_or_default();
                    return Err(format!(
                        "table `{table}` row {}{name}: the band bound `{column}` is {}, not a \
                         number (leave it out for an open band)",
                        i + 1,
                        crate::pack::template::truncate(&v.to_string())
                    ));
                }
            }
        }
        let relation = match relation.as_str() {
            "ge" => Relation::Ge,
            "le" => Relation::Le,
            "eq" => Relation::Eq,
            other => return Err(format!("relation `{other}` is not one of ge, le, eq")),
        };
        Ok(ThresholdTable {
            input: env.expr("input", input)?,
            table: table.clone(),
            lower: lower.clone(),
            upper: upper.clone(),
            lower_inclusive: *lower_inclusive,
            upper_inclusive: *upper_inclusive,
            row_filter: row_filter
                .as_deref()
                .map(|f| env.expr("row_filter", f))
                .transpose()?,
            result: result.clone(),
            declared: env.expr("declared", declared)?,
            relation,
        })
    }

    pub fn run<'c: 'a, 'a>(
        &'c self,
        scope: &mut Scope<'c, 'a>,
        base: &str,
        env: &RunEnv<'a>,
    ) -> Outcome<'a> {
        let Some(table) = env.tables.get(&self.table) else {
            return Outcome::Skip(format!("table `{}` missing", self.table));
        };
        let Some(x) = scope.eval(&self.input.root).as_num() else {
            return Outcome::Skip(format!("cannot compute `{}`", self.input.source));
        };
        let mut band = None;
        for row in &table.rows {
            if let Some(f) = &self.row_filter {
                scope.set("row", Val::from_json(row));
                let keep = scope.eval(&f.root).truthy();
                scope.unset("row");
                if !keep {
                    continue;
                }
            }
            let lo = row
                .get(&self.lower)
                .map(Val::from_json)
                .and_then(|v| v.as_num());
            let hi = row
                .get(&self.upper)
                .map(Val::from_json)
                .and_then(|v| v.as_num());
            let above = lo.is_none_or(|lo| {
                if self.lower_inclusive {
                    x >= lo
                } else {
                    x > lo
                }
            });
            let below = hi.is_none_or(|hi| {
                if self.upper_inclusive {
                    x <= hi
                } else {
                    x < hi
                }
            });
            if above && below {
                band = Some(row);
                break;
            }
        }
        let Some(row) = band else {
            return Outcome::Skip(format!(
                "no band of `{}` holds {}",
                self.table,
                x.normalize()
            ));
        };
        let expected = row
            .get(&self.result)
            .map(Val::from_json)
            .unwrap_or(Val::Null);
        let declared = scope.eval(&self.declared.root);
        if declared.is_null() {
            return Outcome::Skip(format!("no value at `{}`", self.declared.source));
        }
        let ok = match self.relation {
            Relation::Eq => declared.loose_eq(&expected),
            Relation::Ge => {
                matches!((declared.as_num(), expected.as_num()), (Some(d), Some(e)) if d >= e)
            }
            Relation::Le => {
                matches!((declared.as_num(), expected.as_num()), (Some(d), Some(e)) if d <= e)
            }
        };
        if ok {
            Outcome::Pass
        } else {
            Outcome::Fail(vec![Hit::at(pointer_of(&self.declared, base))
                .expected(expected)
                .found(declared)
                .bind("input", Val::Num(x))
                .bind("row", Val::from_json(row))])
        }
    }
}

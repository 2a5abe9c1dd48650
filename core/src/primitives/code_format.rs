//! `code_format`: a printed code has the shape its scheme defines (a regex with named
//! segment groups, from a pack table), its check character is right, and the segments
//! that name something (a region, a certification body) are entries of their code lists —
//! so a finding can say "segment `region` (county code) 159999 is not a GB/T 2260 code".
//!
//! Table row (one per code scheme):
//! `{ id = "…", regex = "^(?P<body>…)(?P<check>[0-9X])$", check_digit = "gs1_mod10",
//!    segments = [ { group = "region", list = "gb2260", suffix = "", zh = "县级行政区划代码", en = "county code" } ] }`
//!
//! `aspect` selects what one rule checks — `shape`, `check_digit` or `segments` — so each
//! gets its own clause and message.

use super::{pointer_of, CompileEnv, Hit, Outcome, RunEnv, WRONG_SPEC};
use crate::expr::{Expr, Scope, Val};
use crate::pack::format::CheckSpec;
use std::borrow::Cow;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aspect {
    Shape,
    CheckDigit,
    Segments,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    None,
    /// GS1 (GTIN, GLN…): weights 3 and 1 from the right, mod 10.
    Gs1Mod10,
    Luhn,
    /// ISO 7064 MOD 11-2 (check character 0–9 or X).
    Iso7064Mod11_2,
    /// GB 32100-2015 unified social credit code: weights 3^i mod 31 over the code alphabet.
    Gb32100,
}

impl Algorithm {
    fn parse(s: &str) -> Result<Algorithm, String> {
        Ok(match s {
            "none" => Algorithm::None,
            "gs1_mod10" => Algorithm::Gs1Mod10,
            "luhn" => Algorithm::Luhn,
            "iso7064_mod11_2" => Algorithm::Iso7064Mod11_2,
            "gb32100" => Algorithm::Gb32100,
            other => return Err(format!("check_digit `{other}` is not one of none, gs1_mod10, luhn, iso7064_mod11_2, gb32100")),
        })
    }

    /// The check character for `body`, or `None` when the body has characters the
    /// algorithm does not accept.
    pub fn compute(self, body: &str) -> Option<char> {
        match self {
            Algorithm::None => None,
            Algorithm::Gs1Mod10 => {
                let digits: Vec<u32> = body
                    .chars()
                    .map(|c| c.to_digit(10))
                    .collect::<Option<_>>()?;
                let sum: u32 = digits
                    .iter()
                    .rev()
                    .enumerate()
                    .map(|(i, d)| if i % 2 == 0 { d * 3 } else { *d })
                    .sum();
                char::from_digit((10 - sum % 10) % 10, 10)
            }
            Algorithm::Luhn => {
                let digits: Vec<u32> = body
                    .chars()
                    .map(|c| c.to_digit(10))
                    .collect::<Option<_>>()?;
                let sum: u32 = digits
                    .iter()
                    .rev()
                    .enumerate()
                    .map(|(i, d)| {
                        if i % 2 == 0 {
                            let x = d * 2;
                            if x > 9 {
                                x - 9
                            } else {
                                x
                            }
                        } else {
                            *d
                        }
                    })
                    .sum();
                char::from_digit((10 - sum % 10) % 10, 10)
            }
            Algorithm::Iso7064Mod11_2 => {
                let mut p: u32 = 0;
                for c in body.chars() {
                    p = ((p + c.to_digit(10)?) * 2) % 11;
                }
                let r = (12 - p % 11) % 11;
                if r == 10 {
                    Some('X')
                } else {
                    char::from_digit(r, 10)
                }
            }
            Algorithm::Gb32100 => {
                const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
                let mut sum = 0usize;
                let mut w = 1usize;
                for c in body.chars() {
                    sum += ALPHABET.find(c.to_ascii_uppercase())? * w;
                    w = (w * 3) % 31;
                }
                let r = (31 - sum % 31) % 31;
                ALPHABET.chars().nth(r)
            }
        }
    }
}

#[derive(Debug)]
struct Segment {
    group: String,
    list: String,
    suffix: String,
    zh: String,
    en: String,
}

#[derive(Debug)]
struct Format {
    regex: regex_lite::Regex,
    algorithm: Algorithm,
    segments: Vec<Segment>,
    shape: String,
}

#[derive(Debug)]
pub struct CodeFormat {
    field: Expr,
    format: Expr,
    aspect: Aspect,
    formats: BTreeMap<String, Format>,
}

impl CodeFormat {
    pub fn compile(spec: &CheckSpec, env: &CompileEnv<'_>) -> Result<Self, String> {
        let CheckSpec::CodeFormat {
            field,
            table,
            format,
            aspect,
        } = spec
        else {
            return Err(WRONG_SPEC.into());
        };
        let aspect = match aspect.as_str() {
            "shape" => Aspect::Shape,
            "check_digit" => Aspect::CheckDigit,
            "segments" => Aspect::Segments,
            other => {
                return Err(format!(
                    "aspect `{other}` is not one of shape, check_digit, segments"
                ))
            }
        };
        let t = env.table(table)?;
        let mut formats = BTreeMap::new();
        for row in &t.rows {
            let id = row
                .get(&t.key)
                .and_then(|v| v.as_str())
                .ok_or_else(|| format!("table `{table}`: a row has no string `{}`", t.key))?;
            let re = row
                .get("regex")
                .and_then(|v| v.as_str())
                .ok_or_else(|| format!("table `{table}` row {id}: no `regex`"))?;
            let regex = regex_lite::Regex::new(re)
                .map_err(|e| format!("table `{table}` row {id}: regex: {e}"))?;
            let algorithm = Algorithm::parse(
                row.get("check_digit")
                    .and_then(|v| v.as_str())
                    .unwrap_or("none"),
            )?;
            if algorithm != Algorithm::None && !regex.capture_names().any(|n| n == Some("check")) {
                return Err(format!(
                    "table `{table}` row {id}: a check digit needs a `check` group in the regex"
                ));
            }
            let mut segments = Vec::new();
            for s in row
                .get("segments")
                .and_then(|v| v.as_array())
                .map(Vec::as_slice)
                .unwrap_or(&[])
            {
                let get = |k: &str| s.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
                let seg = Segment {
                    group: get("group"),
                    list: get("list"),
                    suffix: get("suffix"),
                    zh: get("zh"),
                    en: get("en"),
                };
                if !regex.capture_names().any(|n| n == Some(seg.group.as_str())) {
                    return Err(format!(
                        "table `{table}` row {id}: segment group `{}` is not in the regex",
                        seg.group
                    ));
                }
                if !env.codelists.contains_key(&seg.list) {
                    return Err(format!(
                        "table `{table}` row {id}: unknown code list `{}`",
                        seg.list
                    ));
                }
                segments.push(seg);
            }
            let shape = row
                .get("shape")
                .and_then(|v| v.as_str())
                .unwrap_or(re)
                .to_string();
            formats.insert(
                id.to_string(),
                Format {
                    regex,
                    algorithm,
                    segments,
                    shape,
                },
            );
        }
        Ok(CodeFormat {
            field: env.expr("field", field)?,
            format: env.expr("format", format)?,
            aspect,
            formats,
        })
    }

    pub fn run<'c: 'a, 'a>(
        &'c self,
        scope: &mut Scope<'c, 'a>,
        base: &str,
        env: &RunEnv<'a>,
    ) -> Outcome<'a> {
        let value = scope.eval(&self.field.root);
        let Some(code) = value.as_str().map(|s| s.trim().to_string()) else {
            return Outcome::Skip(format!("no code at `{}`", self.field.source));
        };
        let format_id = scope.eval(&self.format.root);
        let Some(fmt) = format_id.as_str().and_then(|id| self.formats.get(id)) else {
            return Outcome::Skip(format!("no code format for `{}`", self.format.source));
        };
        // Written only for a finding.
        let pointer = || pointer_of(&self.field, base);
        let Some(caps) = fmt.regex.captures(&code) else {
            return if self.aspect == Aspect::Shape {
                Outcome::Fail(vec![Hit::at(pointer())
                    .expected(Val::Str(Cow::Owned(fmt.shape.clone())))
                    .found(value)])
            } else {
                Outcome::Skip("the code does not have the scheme's shape".into())
            };
        };
        match self.aspect {
            Aspect::Shape => Outcome::Pass,
            Aspect::CheckDigit => {
                let Some(check) = caps.name("check") else {
                    return Outcome::Skip("the scheme has no check character".into());
                };
                let body: String = code[..check.start()]
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric())
                    .collect();
                match fmt.algorithm.compute(&body) {
                    None => Outcome::Skip("no check character defined for this code".into()),
                    Some(want) if check.as_str().eq_ignore_ascii_case(&want.to_string()) => {
                        Outcome::Pass
                    }
                    Some(want) => Outcome::Fail(vec![Hit::at(pointer())
                        .expected(Val::Str(Cow::Owned(want.to_string())))
                        .found(Val::Str(Cow::Owned(check.as_str().to_string())))]),
                }
            }
            Aspect::Segments => {
                let mut hits = Vec::new();
                for seg in &fmt.segments {
                    let Some(m) = caps.name(&seg.group) else {
                        continue;
                    };
                    let key = format!("{}{}", m.as_str(), seg.suffix);
                    let known = env
                        .codelists
                        .get(&seg.list)
                        .is_some_and(|l| l.find_str(&key).is_some());
                    if !known {
                        let mut hit = Hit::at(pointer())
                            .expected(Val::Str(Cow::Owned(format!("{} ({})", seg.en, seg.list))))
                            .found(Val::Str(Cow::Owned(m.as_str().to_string())))
                            .bind("segment_zh", Val::Str(Cow::Owned(seg.zh.clone())))
                            .bind("segment_en", Val::Str(Cow::Owned(seg.en.clone())));
                        hit.span = Some(super::text_pattern::span_of(
                            &pointer(),
                            &code,
                            m.start(),
                            m.end(),
                        ));
                        hits.push(hit);
                    }
                }
                if hits.is_empty() {
                    Outcome::Pass
                } else {
                    Outcome::Fail(hits)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Algorithm;

    #[test]
    fn check_digits() {
        // GTIN-13 6901234567892: body 690123456789 → 2.
        assert_eq!(Algorithm::Gs1Mod10.compute("690123456789"), Some('2'));
        assert_eq!(Algorithm::Luhn.compute("7992739871"), Some('3'));
        // ISO 7064 MOD 11-2 on the ISO example 0794 → 0.
        assert_eq!(Algorithm::Iso7064Mod11_2.compute("0794"), Some('0'));
        // GB 32100: 91350100M000100Y43 is a published sample code with check character 3.
        assert_eq!(Algorithm::Gb32100.compute("91350100M000100Y4"), Some('3'));
        assert_eq!(Algorithm::Gs1Mod10.compute("69x"), None);
    }
}

//! The shape of a fully anchored pattern (`^…$`): how many characters a match has at
//! least and at most, and which characters it can hold. A text outside that shape cannot
//! match, so the regex is not run.
//!
//! Why: a printed date is tried against a table's formats in order, and a format without a
//! separator of its own (`^\d{4}\d{2}\d{2}$`) has no required string for the other
//! prefilter — the PikeVM ran on every `2024-05-01` only to fail on its first `-`. This
//! reading is conservative like the other: syntax it does not follow (`.`, `\s`, flags,
//! negated classes, a top-level `|`) gives no shape, and the regex decides.

/// What a whole-text match of the pattern looks like. `admits` false means no match.
#[derive(Clone, Debug)]
pub(crate) struct Shape {
    min: u32,
    /// `None`: no upper bound (`*`, `+`, `{n,}`).
    max: Option<u32>,
    /// The ASCII characters a match can hold, as bits.
    ascii: [u64; 2],
    /// The other characters a match can hold.
    other: Box<[char]>,
}

/// Length bounds of a piece of a pattern: at least `.0`, at most `.1` (`None`: unbounded).
type Len = (u32, Option<u32>);

impl Shape {
    /// The shape of `pattern`, if it is anchored at both ends and made of the syntax this
    /// reader follows.
    pub(crate) fn of(pattern: &str) -> Option<Shape> {
        let chars: Vec<char> = pattern.chars().collect();
        // Anchored: `^` first and `$` last, with no `|` at the top level to split them.
        if chars.first() != Some(&'^') || chars.last() != Some(&'$') {
            return None;
        }
        // An escaped final `$` (`\$`) is a literal, not the anchor.
        let backslashes = chars[..chars.len() - 1]
            .iter()
            .rev()
            .take_while(|c| **c == '\\')
            .count();
        // A quantified first `^` (`^?ab$`) would not anchor.
        if backslashes % 2 == 1 || matches!(chars.get(1), Some('?' | '*' | '+' | '{')) {
            return None;
        }
        let mut reader = Reader {
            s: &chars,
            i: 0,
            shape: Shape {
                min: 0,
                max: Some(0),
                ascii: [0; 2],
                other: Box::new([]),
            },
            other: Vec::new(),
        };
        let (min, max) = reader.concat()?;
        if reader.i != chars.len() {
            return None; // a top-level `|`, or a stray `)`
        }
        let mut shape = reader.shape;
        shape.min = min;
        shape.max = max;
        reader.other.sort_unstable();
        reader.other.dedup();
        shape.other = reader.other.into_boxed_slice();
        Some(shape)
    }

    /// False when no match of the pattern can be the whole of `text`.
    pub(crate) fn admits(&self, text: &str) -> bool {
        let mut n: u32 = 0;
        for c in text.chars() {
            n = n.saturating_add(1);
            if self.max.is_some_and(|m| n > m) {
                return false;
            }
            let held = match u32::from(c) {
                a @ 0..=127 => self.ascii[(a >> 6) as usize] & (1 << (a & 63)) != 0,
                _ => self.other.contains(&c),
            };
            if !held {
                return false;
            }
        }
        n >= self.min
    }
}

struct Reader<'s> {
    s: &'s [char],
    i: usize,
    /// The characters seen so far (only `ascii` is filled while reading).
    shape: Shape,
    other: Vec<char>,
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    fn hold(&mut self, c: char) {
        match u32::from(c) {
            a @ 0..=127 => self.shape.ascii[(a >> 6) as usize] |= 1 << (a & 63),
            _ => self.other.push(c),
        }
    }

    /// `a|b`: as short as its shortest branch, as long as its longest.
    fn alternation(&mut self) -> Option<Len> {
        let (mut min, mut max) = self.concat()?;
        while self.peek() == Some('|') {
            self.i += 1;
            let (lo, hi) = self.concat()?;
            min = min.min(lo);
            max = max.zip(hi).map(|(a, b)| a.max(b));
        }
        Some((min, max))
    }

    /// `ab`: the lengths add up.
    fn concat(&mut self) -> Option<Len> {
        let (mut min, mut max) = (0u32, Some(0u32));
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            let (lo, hi) = self.quantifier(atom)?;
            min = min.saturating_add(lo);
            max = max.zip(hi).map(|(a, b)| a.saturating_add(b));
        }
        Some((min, max))
    }

    fn atom(&mut self) -> Option<Len> {
        let c = self.peek()?;
        self.i += 1;
        match c {
            '^' | '$' => Some((0, Some(0))),
            '(' => {
                if self.peek() == Some('?') {
                    // `(?:…)`, `(?P<y>…)`, `(?<y>…)`; flags could change what matches.
                    match (self.s.get(self.i + 1), self.s.get(self.i + 2)) {
                        (Some(':'), _) => self.i += 2,
                        (Some('P'), Some('<')) => self.i += 3,
                        (Some('<'), _) => self.i += 2,
                        _ => return None,
                    }
                    if self.s.get(self.i - 1) == Some(&'<') {
                        let len = self.s[self.i..]
                            .iter()
                            .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                            .count();
                        if len == 0 || self.s.get(self.i + len) != Some(&'>') {
                            return None;
                        }
                        self.i += len + 1;
                    }
                }
                let inner = self.alternation()?;
                if self.peek() != Some(')') {
                    return None;
                }
                self.i += 1;
                Some(inner)
            }
            '[' => {
                // Plain characters, escaped punctuation, `\d` and ASCII ranges; not negated.
                let mut first = true;
                loop {
                    let c = self.peek()?;
                    self.i += 1;
                    match c {
                        ']' if !first => break,
                        '^' if first => return None,
                        // Nested classes and set operations (`&&`, `--`, `~~`).
                        '[' | '&' | '~' => return None,
                        '-' if !first && self.peek() != Some(']') => return None,
                        '\\' => self.escape()?,
                        _ if self.peek() == Some('-') && self.s.get(self.i + 1) != Some(&']') => {
                            let end = *self.s.get(self.i + 1)?;
                            if !c.is_ascii() || !end.is_ascii() || end < c || "\\-[]".contains(end)
                            {
                                return None;
                            }
                            self.i += 2;
                            (c..=end).for_each(|x| self.hold(x));
                        }
                        _ => self.hold(c),
                    }
                    first = false;
                }
                Some((1, Some(1)))
            }
            '\\' => {
                self.escape()?;
                Some((1, Some(1)))
            }
            '.' | '*' | '+' | '?' | '{' | '}' | ')' | ']' | '|' => None,
            c => {
                self.hold(c);
                Some((1, Some(1)))
            }
        }
    }

    /// After a `\`: `\d` or an escaped punctuation character, one character long.
    fn escape(&mut self) -> Option<()> {
        let e = self.peek()?;
        self.i += 1;
        match e {
            'd' => ('0'..='9').for_each(|x| self.hold(x)),
            e if e.is_ascii_punctuation() => self.hold(e),
            _ => return None,
        }
        Some(())
    }

    fn quantifier(&mut self, (lo, hi): Len) -> Option<Len> {
        let out = match self.peek() {
            Some('?') => {
                self.i += 1;
                (0, hi)
            }
            Some('*') => {
                self.i += 1;
                (0, None)
            }
            Some('+') => {
                self.i += 1;
                (lo, None)
            }
            Some('{') => {
                self.i += 1;
                let n = self.number()?;
                let m = match self.peek() {
                    Some(',') => {
                        self.i += 1;
                        match self.peek() {
                            Some('}') => None,
                            _ => Some(self.number()?),
                        }
                    }
                    _ => Some(n),
                };
                if self.peek() != Some('}') {
                    return None;
                }
                self.i += 1;
                let max = match (hi, m) {
                    (Some(h), Some(m)) => Some(h.saturating_mul(m)),
                    (Some(0), None) => Some(0),
                    _ => None,
                };
                (lo.saturating_mul(n), max)
            }
            _ => return Some((lo, hi)),
        };
        // Lazy quantifiers match the same texts; a quantifier on a quantifier is not read.
        if self.peek() == Some('?') {
            self.i += 1;
        }
        if matches!(self.peek(), Some('?' | '*' | '+' | '{')) {
            return None;
        }
        Some(out)
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        let digits: String = self.s[start..self.i].iter().collect();
        digits.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Shape;

    #[test]
    fn date_formats_are_read() {
        let compact = Shape::of(r"^(?:^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$)$").expect("shape");
        assert!(compact.admits("20240501"));
        assert!(!compact.admits("2024-05-01"), "a `-` is not in the shape");
        assert!(!compact.admits("2024050"), "too short");
        assert!(!compact.admits("202405011"), "too long");
        let cjk = Shape::of(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日$").expect("shape");
        assert!(cjk.admits("2010年3月20日"));
        assert!(cjk.admits("2010年03月20日"));
        assert!(!cjk.admits("2010年3月"), "too short");
        // A coarse filter: the right length and characters in the wrong order pass it,
        // and the regex says no.
        assert!(cjk.admits("2010年03月20"));
        let semi = Shape::of(r"^\d{8}[;；]\d{8}$").expect("shape");
        assert!(semi.admits("20100320；20100520"));
        assert!(!semi.admits("20100320,20100520"));
    }

    #[test]
    fn syntax_not_followed_gives_no_shape() {
        for p in [
            r"\d{4}$",   // not anchored at the start
            r"^\d{4}",   // nor at the end
            r"^a$|^b$",  // a top-level `|`
            r"^a\$",     // the last `$` is a literal
            r"^a.b$",    // any character
            r"^\s*\d+$", // a class this reader does not list
            r"^[^a]$",   // negated
            r"^(?i)ab$", // a flag
            r"^[\w]$",   // an escape class inside a class
            r"^a{2$",    // broken repetition
            r"^a**$",    // a quantifier on a quantifier
            r"^(ab$",    // an open group
            r"^?ab$",    // an optional anchor
            r"^[a&&b]$", // a set operation
        ] {
            assert!(Shape::of(p).is_none(), "{p}");
        }
    }

    #[test]
    fn unbounded_and_optional_pieces() {
        let s = Shape::of(r"^GF\d+(-[0-9a-c]{2,})?x*$").expect("shape");
        assert!(s.admits("GF1"));
        assert!(s.admits("GF123-abcabc"));
        assert!(s.admits(&format!("GF1{}", "x".repeat(500))));
        assert!(!s.admits("GF"), "at least three characters");
        assert!(!s.admits("GF1-d0"), "`d` is outside the class");
    }

    /// Patterns anchored at both ends, made of the syntax the shape reads (and `.`, which
    /// it does not), each tried on every text of up to four characters over a small
    /// alphabet: a text the shape refuses never matches.
    fn piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            4 => "[a1年-]{1,2}",
            2 => Just(r"\d".to_string()),
            1 => Just(r"\-".to_string()),
            1 => Just("[a-c]".to_string()),
            1 => Just("[-年1]".to_string()),
            1 => Just("^".to_string()),
            1 => Just("$".to_string()),
            1 => Just(".".to_string()),
        ];
        leaf.prop_recursive(3, 10, 3, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 1..4).prop_map(|v| v.concat()),
                proptest::collection::vec(inner.clone(), 1..3)
                    .prop_map(|v| format!("(?:{})", v.join("|"))),
                (inner.clone(), "[a-z]").prop_map(|(a, n)| format!("(?P<{n}>{a})")),
                (
                    inner,
                    proptest::sample::select(vec!["?", "*", "+", "{0,2}", "{2}", "{1,}", "??"])
                )
                    .prop_map(|(a, q)| format!("({a}){q}")),
            ]
        })
    }

    fn texts() -> Vec<String> {
        let alphabet = ['a', '1', '年', '-'];
        let mut all = vec![String::new()];
        let mut last = all.clone();
        for _ in 0..4 {
            let next: Vec<String> = last
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            all.extend(next.iter().cloned());
            last = next;
        }
        all
    }

    proptest::proptest! {
        #[test]
        fn a_refused_text_never_matches(body in piece()) {
            let source = format!("^{body}$");
            let Ok(re) = regex_lite::Regex::new(&source) else { return Ok(()) };
            if let Some(shape) = Shape::of(&source) {
                for t in texts() {
                    if !shape.admits(&t) {
                        proptest::prop_assert!(!re.is_match(&t), "{} on {:?}", source, t);
                    }
                }
            }
        }
    }
}

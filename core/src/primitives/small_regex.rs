//! A bounded backtracking matcher for the short texts rules try patterns on.
//!
//! Why: regex_lite runs every search as a PikeVM, which walks the whole NFA's state set at
//! every character — ≈ 5 000 instructions to try a licence-number or net-content pattern on
//! a 15-byte field, ≈ 7 % of a food label's steady-state check for eight such searches
//! (benches/README.md, *Session 25*). A backtracker over the same program visits only the
//! states a text reaches, and with a visited set (a state at a position is never explored
//! twice) it stays O(program × text) like the PikeVM — the bounded backtracker of
//! regex-automata, in miniature.
//!
//! It reads a subset of regex_lite's syntax: literals, `.`, ASCII `\d \s \w` (and their
//! negations outside classes), classes with ranges, groups (plain, `(?:…)`, named),
//! alternation, the quantifiers `? * + {n} {n,} {n,m}` greedy or lazy, `^` and `$`, and a
//! leading `(?i)` (ASCII case folding, as regex_lite folds). Anything else — other flags,
//! `\b`, nested classes, escapes it does not know — makes [`SmallRegex::new`] answer `None`
//! and the caller keeps using regex_lite, so behaviour never depends on this module's
//! coverage. Matching is leftmost-first with regex_lite's priorities, and a test runs every
//! pattern of the embedded standards through both engines over generated texts.

/// One instruction of the compiled program (Thompson's construction, as a PikeVM's).
#[derive(Clone, Debug)]
enum Inst {
    Char(char),
    /// A character in (or, `negated`, not in) the inclusive ranges.
    Class {
        ranges: Box<[(char, char)]>,
        negated: bool,
    },
    /// Any character but `\n`.
    Any,
    /// `^`: the start of the text.
    Start,
    /// `$`: the end of the text.
    End,
    /// Try the first branch, then the second.
    Split(usize, usize),
    Jmp(usize),
    /// Record the position in a capture slot.
    Save(usize),
    Match,
}

/// The parsed pattern.
#[derive(Clone, Debug)]
enum Ast {
    Empty,
    Char(char),
    Class {
        ranges: Vec<(char, char)>,
        negated: bool,
    },
    Any,
    Start,
    End,
    Group {
        inner: Box<Ast>,
        index: Option<usize>,
    },
    Concat(Vec<Ast>),
    Alt(Vec<Ast>),
    Repeat {
        inner: Box<Ast>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
}

/// A pattern compiled for the backtracker (see the module's note).
#[derive(Clone, Debug)]
pub(crate) struct SmallRegex {
    prog: Box<[Inst]>,
    /// Capture groups, group 0 (the whole match) included.
    groups: usize,
    names: Box<[(Box<str>, usize)]>,
}

/// Programs longer than this are left to regex_lite (counted repetitions unroll).
const MAX_PROGRAM: usize = 2_000;
/// The visited set's size in bits (program × text positions) above which a search is left
/// to regex_lite: the set is cleared per search, which would cost more than the PikeVM on
/// long texts.
const MAX_VISITED_BITS: usize = 1 << 16;
/// Counted repetitions above this are left to regex_lite.
const MAX_REPEAT: u32 = 64;

const DIGIT: &[(char, char)] = &[('0', '9')];
const SPACE: &[(char, char)] = &[('\t', '\r'), (' ', ' ')];
const WORD: &[(char, char)] = &[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];

struct Parser {
    chars: Vec<char>,
    at: usize,
    ci: bool,
    groups: usize,
    names: Vec<(Box<str>, usize)>,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.at += 1;
        }
        hit
    }

    fn starts_with(&self, s: &str) -> bool {
        (self.at..)
            .zip(s.chars())
            .all(|(i, c)| self.chars.get(i) == Some(&c))
    }

    /// `alternative ('|' alternative)*`
    fn alternation(&mut self, depth: usize) -> Option<Ast> {
        if depth > 32 {
            return None;
        }
        let mut alts = vec![self.concat(depth)?];
        while self.eat('|') {
            alts.push(self.concat(depth)?);
        }
        Some(match alts.len() {
            1 => alts.pop()?,
            _ => Ast::Alt(alts),
        })
    }

    fn concat(&mut self, depth: usize) -> Option<Ast> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom(depth)?;
            items.push(self.quantified(atom)?);
        }
        Some(match items.len() {
            0 => Ast::Empty,
            1 => items.pop()?,
            _ => Ast::Concat(items),
        })
    }

    fn atom(&mut self, depth: usize) -> Option<Ast> {
        let c = self.peek()?;
        self.at += 1;
        Some(match c {
            '.' => Ast::Any,
            '^' => Ast::Start,
            '$' => Ast::End,
            '(' => {
                let index = if self.starts_with("?:") {
                    self.at += 2;
                    None
                } else if self.starts_with("?P<") || self.starts_with("?<") {
                    self.at += if self.starts_with("?P<") { 3 } else { 2 };
                    let start = self.at;
                    while self
                        .peek()
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                    {
                        self.at += 1;
                    }
                    let name: String = self.chars[start..self.at].iter().collect();
                    if name.is_empty()
                        || name.starts_with(|c: char| c.is_ascii_digit())
                        || !self.eat('>')
                    {
                        return None;
                    }
                    self.groups += 1;
                    self.names.push((name.into(), self.groups));
                    Some(self.groups)
                } else if self.peek() == Some('?') {
                    return None; // other flags and group kinds
                } else {
                    self.groups += 1;
                    Some(self.groups)
                };
                let inner = self.alternation(depth + 1)?;
                if !self.eat(')') {
                    return None;
                }
                Ast::Group {
                    inner: Box::new(inner),
                    index,
                }
            }
            '[' => self.class()?,
            '\\' => match self.escape()? {
                Escaped::Char(c) => self.literal(c),
                Escaped::Class(ranges, negated) => self.folded(ranges.to_vec(), negated),
            },
            '*' | '+' | '?' | '{' | ')' | ']' | '}' => return None,
            c => self.literal(c),
        })
    }

    fn literal(&self, c: char) -> Ast {
        if self.ci && c.is_ascii_alphabetic() {
            self.folded(vec![(c, c)], false)
        } else {
            Ast::Char(c)
        }
    }

    /// A class, with ASCII letters in both cases under `(?i)` (folded before negation).
    fn folded(&self, mut ranges: Vec<(char, char)>, negated: bool) -> Ast {
        if self.ci {
            let mut more = Vec::new();
            for &(lo, hi) in &ranges {
                for (from, to) in [('a', 'A'), ('A', 'a')] {
                    let (flo, fhi) = (from, char::from(from as u8 + 25));
                    let (a, b) = (lo.max(flo), hi.min(fhi));
                    if a <= b {
                        let shift = |c: char| char::from((c as u8) - (from as u8) + (to as u8));
                        more.push((shift(a), shift(b)));
                    }
                }
            }
            ranges.extend(more);
        }
        Ast::Class { ranges, negated }
    }

    fn escape(&mut self) -> Option<Escaped> {
        let c = self.peek()?;
        self.at += 1;
        Some(match c {
            'd' => Escaped::Class(DIGIT, false),
            'D' => Escaped::Class(DIGIT, true),
            's' => Escaped::Class(SPACE, false),
            'S' => Escaped::Class(SPACE, true),
            'w' => Escaped::Class(WORD, false),
            'W' => Escaped::Class(WORD, true),
            'n' => Escaped::Char('\n'),
            't' => Escaped::Char('\t'),
            'r' => Escaped::Char('\r'),
            '\\' | '.' | '+' | '*' | '?' | '(' | ')' | '|' | '[' | ']' | '{' | '}' | '^' | '$'
            | '-' | '/' => Escaped::Char(c),
            _ => return None,
        })
    }

    /// `[…]` after its `[`.
    fn class(&mut self) -> Option<Ast> {
        let negated = self.eat('^');
        let mut ranges = Vec::new();
        if self.peek() == Some(']') {
            return None; // a leading `]` (literal in regex syntax): left to regex_lite
        }
        loop {
            let c = self.peek()?;
            if c == ']' {
                self.at += 1;
                break;
            }
            if c == '['
                || self.starts_with("&&")
                || self.starts_with("--")
                || self.starts_with("~~")
            {
                return None;
            }
            self.at += 1;
            let lo = match c {
                '\\' => match self.escape()? {
                    Escaped::Char(c) => c,
                    Escaped::Class(set, false) => {
                        ranges.extend_from_slice(set);
                        continue;
                    }
                    Escaped::Class(_, true) => return None,
                },
                c => c,
            };
            if self.peek() == Some('-') && self.chars.get(self.at + 1).is_some_and(|&c| c != ']') {
                self.at += 1;
                let hi = match self.peek()? {
                    '\\' => {
                        self.at += 1;
                        match self.escape()? {
                            Escaped::Char(c) => c,
                            Escaped::Class(..) => return None,
                        }
                    }
                    '[' => return None,
                    c => {
                        self.at += 1;
                        c
                    }
                };
                if hi < lo {
                    return None;
                }
                ranges.push((lo, hi));
            } else {
                ranges.push((lo, lo));
            }
        }
        if ranges.is_empty() {
            return None;
        }
        Some(self.folded(ranges, negated))
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        if self.at == start || self.at - start > 4 {
            return None;
        }
        self.chars[start..self.at]
            .iter()
            .collect::<String>()
            .parse()
            .ok()
    }

    fn quantified(&mut self, atom: Ast) -> Option<Ast> {
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                self.at += 1;
                let min = self.number()?;
                let max = if self.eat(',') {
                    match self.peek() {
                        Some('}') => None,
                        _ => Some(self.number()?),
                    }
                } else {
                    Some(min)
                };
                if self.peek() != Some('}') || max.is_some_and(|m| m < min) {
                    return None;
                }
                if min > MAX_REPEAT || max.is_some_and(|m| m > MAX_REPEAT) {
                    return None;
                }
                (min, max)
            }
            _ => return Some(atom),
        };
        self.at += 1;
        if matches!(atom, Ast::Start | Ast::End | Ast::Empty) {
            return None;
        }
        let greedy = !self.eat('?');
        if matches!(self.peek(), Some('?' | '*' | '+' | '{')) {
            return None;
        }
        Some(Ast::Repeat {
            inner: Box::new(atom),
            min,
            max,
            greedy,
        })
    }
}

enum Escaped {
    Char(char),
    Class(&'static [(char, char)], bool),
}

struct Compiler {
    prog: Vec<Inst>,
}

impl Compiler {
    fn emit(&mut self, inst: Inst) -> Option<usize> {
        if self.prog.len() >= MAX_PROGRAM {
            return None;
        }
        self.prog.push(inst);
        Some(self.prog.len() - 1)
    }

    fn compile(&mut self, ast: &Ast) -> Option<()> {
        match ast {
            Ast::Empty => {}
            Ast::Char(c) => {
                self.emit(Inst::Char(*c))?;
            }
            Ast::Class { ranges, negated } => {
                self.emit(Inst::Class {
                    ranges: ranges.clone().into(),
                    negated: *negated,
                })?;
            }
            Ast::Any => {
                self.emit(Inst::Any)?;
            }
            Ast::Start => {
                self.emit(Inst::Start)?;
            }
            Ast::End => {
                self.emit(Inst::End)?;
            }
            Ast::Group { inner, index } => match index {
                Some(i) => {
                    self.emit(Inst::Save(2 * i))?;
                    self.compile(inner)?;
                    self.emit(Inst::Save(2 * i + 1))?;
                }
                None => self.compile(inner)?,
            },
            Ast::Concat(items) => {
                for item in items {
                    self.compile(item)?;
                }
            }
            Ast::Alt(alts) => {
                let mut jumps = Vec::new();
                for (k, alt) in alts.iter().enumerate() {
                    if k + 1 < alts.len() {
                        let split = self.emit(Inst::Split(0, 0))?;
                        self.compile(alt)?;
                        jumps.push(self.emit(Inst::Jmp(0))?);
                        let next = self.prog.len();
                        self.prog[split] = Inst::Split(split + 1, next);
                    } else {
                        self.compile(alt)?;
                    }
                }
                let end = self.prog.len();
                for j in jumps {
                    self.prog[j] = Inst::Jmp(end);
                }
            }
            Ast::Repeat {
                inner,
                min,
                max,
                greedy,
            } => {
                let branch = |body: usize, exit: usize| match greedy {
                    true => Inst::Split(body, exit),
                    false => Inst::Split(exit, body),
                };
                // The shapes regex_lite compiles (its `c_at_least`), so the preference order
                // of the paths — and so the match — is the same.
                match max {
                    None if *min == 0 && !matches_empty(inner) => {
                        let head = self.emit(Inst::Split(0, 0))?;
                        self.compile(inner)?;
                        self.emit(Inst::Jmp(head))?;
                        let exit = self.prog.len();
                        self.prog[head] = branch(head + 1, exit);
                    }
                    None if *min == 0 => {
                        // `x*` where x can match empty text: `(x+)?` (rust-lang/regex#779).
                        let question = self.emit(Inst::Split(0, 0))?;
                        self.compile(inner)?;
                        let plus = self.emit(Inst::Split(0, 0))?;
                        let exit = self.prog.len();
                        self.prog[question] = branch(question + 1, exit);
                        self.prog[plus] = branch(question + 1, exit);
                    }
                    None => {
                        // `x{n,}`: x n − 1 times, then x and a split back to its start.
                        for _ in 1..*min {
                            self.compile(inner)?;
                        }
                        let last = self.prog.len();
                        self.compile(inner)?;
                        let split = self.emit(Inst::Split(0, 0))?;
                        self.prog[split] = branch(last, split + 1);
                    }
                    Some(max) => {
                        for _ in 0..*min {
                            self.compile(inner)?;
                        }
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.emit(Inst::Split(0, 0))?);
                            self.compile(inner)?;
                        }
                        let exit = self.prog.len();
                        for s in splits {
                            self.prog[s] = branch(s + 1, exit);
                        }
                    }
                }
            }
        }
        Some(())
    }
}

/// Whether the expression can match empty text (as regex_lite's `is_match_empty`).
fn matches_empty(ast: &Ast) -> bool {
    match ast {
        Ast::Empty | Ast::Start | Ast::End => true,
        Ast::Char(_) | Ast::Class { .. } | Ast::Any => false,
        Ast::Group { inner, .. } => matches_empty(inner),
        Ast::Concat(items) => items.iter().all(matches_empty),
        Ast::Alt(alts) => alts.iter().any(matches_empty),
        Ast::Repeat { inner, min, .. } => *min == 0 || matches_empty(inner),
    }
}

/// The work stack of a search.
enum Frame {
    Explore(usize, usize),
    Restore(usize, Option<usize>),
}

impl SmallRegex {
    /// The pattern compiled, or `None` when it uses syntax this matcher leaves to regex_lite
    /// (or does not parse: regex_lite reports the error).
    pub(crate) fn new(source: &str) -> Option<SmallRegex> {
        let (ci, rest) = match source.strip_prefix("(?i)") {
            Some(rest) => (true, rest),
            None => (false, source),
        };
        let mut p = Parser {
            chars: rest.chars().collect(),
            at: 0,
            ci,
            groups: 0,
            names: Vec::new(),
        };
        let ast = p.alternation(0)?;
        if p.at != p.chars.len() {
            return None; // an unmatched `)`
        }
        let mut c = Compiler { prog: Vec::new() };
        c.compile(&ast)?;
        c.emit(Inst::Match)?;
        Some(SmallRegex {
            prog: c.prog.into(),
            groups: p.groups + 1,
            names: p.names.into(),
        })
    }

    /// Whether the text holds a match; `None` when the text is too long for this matcher
    /// (the caller asks regex_lite).
    pub(crate) fn is_match(&self, text: &str) -> Option<bool> {
        self.search(text, &mut []).map(|m| m.is_some())
    }

    /// The leftmost-first match's capture spans (group 0 first; `None` for a group that did
    /// not take part), or `None` inside when there is no match; the outer `None` as for
    /// [`SmallRegex::is_match`].
    pub(crate) fn captures(&self, text: &str) -> Option<Option<SmallCaptures>> {
        let mut slots = vec![None; 2 * self.groups];
        Some(
            self.search(text, &mut slots)?
                .map(|_| SmallCaptures { slots }),
        )
    }

    /// The capture group of that name's index.
    pub(crate) fn group_index(&self, name: &str) -> Option<usize> {
        self.names
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|&(_, i)| i)
    }

    /// The match's (start, end), its captures written into `slots` (which may be empty).
    fn search(&self, text: &str, slots: &mut [Option<usize>]) -> Option<Option<(usize, usize)>> {
        let cols = text.len() + 1;
        let bits = self.prog.len().checked_mul(cols)?;
        if bits > MAX_VISITED_BITS {
            return None;
        }
        let mut visited = vec![0u64; bits.div_ceil(64)];
        let mut stack = Vec::new();
        let anchored = matches!(self.prog.first(), Some(Inst::Start));
        for (start, _) in text
            .char_indices()
            .map(|(i, c)| (i, Some(c)))
            .chain([(text.len(), None)])
        {
            if anchored && start > 0 {
                break;
            }
            if let Some(end) = self.run(text, start, cols, &mut visited, &mut stack, slots) {
                if let [s0, s1, ..] = slots {
                    (*s0, *s1) = (Some(start), Some(end));
                }
                return Some(Some((start, end)));
            }
        }
        Some(None)
    }

    fn run(
        &self,
        text: &str,
        start: usize,
        cols: usize,
        visited: &mut [u64],
        stack: &mut Vec<Frame>,
        slots: &mut [Option<usize>],
    ) -> Option<usize> {
        stack.clear();
        stack.push(Frame::Explore(0, start));
        while let Some(frame) = stack.pop() {
            let (mut pc, mut pos) = match frame {
                Frame::Explore(pc, pos) => (pc, pos),
                Frame::Restore(slot, value) => {
                    if let Some(s) = slots.get_mut(slot) {
                        *s = value;
                    }
                    continue;
                }
            };
            loop {
                let bit = pc * cols + pos;
                let (word, mask) = (bit / 64, 1u64 << (bit % 64));
                if visited[word] & mask != 0 {
                    break;
                }
                visited[word] |= mask;
                let next = text[pos..].chars().next();
                match &self.prog[pc] {
                    Inst::Char(c) => match next {
                        Some(n) if n == *c => {
                            pos += n.len_utf8();
                            pc += 1;
                        }
                        _ => break,
                    },
                    Inst::Class { ranges, negated } => match next {
                        Some(n)
                            if ranges.iter().any(|&(lo, hi)| lo <= n && n <= hi) != *negated =>
                        {
                            pos += n.len_utf8();
                            pc += 1;
                        }
                        _ => break,
                    },
                    Inst::Any => match next {
                        Some(n) if n != '\n' => {
                            pos += n.len_utf8();
                            pc += 1;
                        }
                        _ => break,
                    },
                    Inst::Start if pos == 0 => pc += 1,
                    Inst::End if pos == text.len() => pc += 1,
                    Inst::Start | Inst::End => break,
                    Inst::Split(a, b) => {
                        stack.push(Frame::Explore(*b, pos));
                        pc = *a;
                    }
                    Inst::Jmp(a) => pc = *a,
                    Inst::Save(slot) => {
                        if let Some(s) = slots.get_mut(*slot) {
                            stack.push(Frame::Restore(*slot, *s));
                            *s = Some(pos);
                        }
                        pc += 1;
                    }
                    Inst::Match => return Some(pos),
                }
            }
        }
        None
    }
}

/// The capture spans of a [`SmallRegex`] match.
#[derive(Clone, Debug)]
pub(crate) struct SmallCaptures {
    slots: Vec<Option<usize>>,
}

impl SmallCaptures {
    /// Group `i`'s byte span, if it took part in the match.
    pub(crate) fn get(&self, i: usize) -> Option<(usize, usize)> {
        Some((
            self.slots.get(2 * i).copied()??,
            self.slots.get(2 * i + 1).copied()??,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both engines agree on whether, where and with which groups a pattern matches.
    fn agree(pattern: &str, text: &str) {
        let Some(small) = SmallRegex::new(pattern) else {
            return;
        };
        let re = regex_lite::Regex::new(pattern).expect("regex_lite compiles what SmallRegex does");
        let ours = small.captures(text).expect("short text");
        let theirs = re.captures(text);
        match (&ours, &theirs) {
            (None, None) => {}
            (Some(o), Some(t)) => {
                for i in 0..small.groups {
                    let t_i = t.get(i).map(|m| (m.start(), m.end()));
                    assert_eq!(o.get(i), t_i, "group {i} of {pattern:?} on {text:?}");
                }
            }
            _ => panic!("{pattern:?} on {text:?}: ours {ours:?}, regex_lite {theirs:?}"),
        }
        assert_eq!(
            small.is_match(text),
            Some(re.is_match(text)),
            "{pattern:?} on {text:?}"
        );
    }

    #[test]
    fn reads_the_subset_and_leaves_the_rest() {
        for p in [
            r"(?i)(?:^|[^a-z])sc[-:]?(?:[0-9]-?){13}[0-9](?:$|[^0-9-])",
            r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$",
            r"^(.+?)\s*(?:[/／|｜]\s*[^一-鿿]+|\s+[A-Za-z][^一-鿿]*|[（(][^一-鿿（）()]*[）)])$",
            r"(增加|增高|添加|提高|增|加|多[0-9])[^，。；,;]{0,8}蛋白",
        ] {
            assert!(SmallRegex::new(p).is_some(), "{p}");
        }
        for p in [
            r"\bword\b",
            r"(?m)^a",
            r"[[:alpha:]]",
            r"a(?i)b",
            r"[a&&b]",
            r"\p{Han}",
            r"(",
            r"a)",
        ] {
            assert!(SmallRegex::new(p).is_none(), "{p}");
        }
    }

    #[test]
    fn agrees_with_regex_lite_on_chosen_cases() {
        let cases: &[(&str, &[&str])] = &[
            (
                r"(?i)(?:^|[^a-z])sc[-:]?[0-9]",
                &["SC10632011500213", "xsc1", " Sc-1", "ASC1", ""],
            ),
            (r"(?i)[^a-z]b", &["Ab", "ab", "1B", "b"]),
            (
                r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$",
                &["20100320", "2010032", "２０１００３２０"],
            ),
            (r"a*?b|a+", &["aaab", "aaa", "b", ""]),
            (r"(a|ab)(c|bcd)(d*)", &["abcd", "acd"]),
            (r"(a*)*b", &["aaaa", "aaab"]),
            (r"(a?)*?$", &["aa", ""]),
            // A loop over something that can match empty: regex_lite's `(x+)?` shape.
            (r"(?:.??)*", &["x", ""]),
            (r"(a|)+b", &["aab", "b"]),
            (r"(?:a*){2,}", &["aaa"]),
            (r"x{2,3}?y|x{2,}", &["xxxy", "xxxxx", "xy"]),
            (r"[\s\d-]+", &["\u{b} 1-2", "a"]),
            (r".+", &["a\nb", "\n"]),
            (r"\W\S\D", &["!a b", "é a"]),
        ];
        for (p, texts) in cases {
            assert!(SmallRegex::new(p).is_some(), "{p}");
            for t in *texts {
                agree(p, t);
            }
        }
    }

    #[test]
    fn long_texts_are_left_to_regex_lite() {
        let small = SmallRegex::new("a+b").expect("subset");
        assert_eq!(small.is_match(&"a".repeat(40_000)), None);
    }

    #[test]
    fn agrees_on_every_embedded_pattern() {
        // Every pattern the embedded packs compile (recorded as `Pattern`s are made), on
        // label-like strings and on strings made of the pattern's own characters (so most
        // patterns get near a match).
        crate::primitives::required_chars::record_sources(true);
        let s = crate::pack::Standards::load(&crate::embedded::files()).expect("standards");
        assert_eq!(s.compile_all(), Vec::new());
        let patterns = crate::primitives::required_chars::record_sources(false);
        assert!(patterns.len() > 100, "found {} patterns", patterns.len());
        let base = [
            "",
            "SC10632011500213",
            "生产许可证编号：SC12344010600213",
            "净含量：500g",
            "500 mL",
            "2024-03-05",
            "20240305",
            "2024年03月05日",
            "Q/ABC 0001S",
            "GB/T 20981",
            "低脂 Low fat",
            "高钙 富含钙",
            "无糖",
            "0糖0脂",
            "减少30%蛋白",
            "Organic 有机",
            "ABC / XYZ",
            "名称（英文）",
        ];
        let mut tried = 0usize;
        for p in &patterns {
            if SmallRegex::new(p).is_none() {
                continue;
            }
            tried += 1;
            let own: Vec<char> = p
                .chars()
                .filter(|c| !"\\()[]{}|?*+^$".contains(*c))
                .collect();
            let mut texts: Vec<String> = base.iter().map(|s| s.to_string()).collect();
            for k in 0..6 {
                let t: String = own.iter().skip(k).step_by(k + 1).take(24).collect();
                texts.push(format!("x{t}1"));
                texts.push(t);
            }
            for t in &texts {
                agree(p, t);
            }
        }
        assert!(
            tried * 10 > patterns.len() * 9,
            "read {tried} of {} patterns",
            patterns.len()
        );
    }

    fn atom() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let leaf = proptest::sample::select(vec![
            "a", "b", "低", ".", "[ab]", "[^a]", "[a-c低]", r"\d", r"\s", r"\W", "^", "$", "x",
        ])
        .prop_map(str::to_string);
        leaf.prop_recursive(3, 12, 3, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 1..3).prop_map(|v| v.concat()),
                proptest::collection::vec(inner.clone(), 1..3)
                    .prop_map(|v| format!("({})", v.join("|"))),
                inner.clone().prop_map(|s| format!("(?:{s})")),
                (
                    inner,
                    proptest::sample::select(vec![
                        "?", "*", "+", "{2}", "{0,2}", "{1,}", "??", "*?", "+?"
                    ])
                )
                    .prop_map(|(s, q)| format!("(?:{s}){q}")),
            ]
        })
    }

    proptest::proptest! {
        /// Random patterns of the subset answer as regex_lite does: match, span and groups.
        #[test]
        fn agrees_with_regex_lite_on_random_patterns(
            alts in proptest::collection::vec(atom(), 1..3),
            texts in proptest::collection::vec("[abAB低0x \n]{0,8}", 1..6),
            ci in proptest::bool::ANY,
        ) {
            let source = format!("{}{}", if ci { "(?i)" } else { "" }, alts.join("|"));
            if regex_lite::Regex::new(&source).is_err() {
                proptest::prop_assert!(SmallRegex::new(&source).is_none(), "{}", source);
                return Ok(());
            }
            for t in &texts {
                agree(&source, t);
            }
        }
    }
}

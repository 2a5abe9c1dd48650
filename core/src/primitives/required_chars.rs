//! A conservative prefilter for table-row patterns: the set of strings of which any
//! match must contain at least one. A claim whose text contains none of them cannot match,
//! so the regex is not run. `None` (the pattern may match empty text, or uses syntax this
//! reader does not follow) means "always run the regex", so behaviour never changes.

/// A compiled pattern with its prefilter: texts that contain none of the characters every
/// match needs are answered without running the regex (regex_lite is a PikeVM; most texts a
/// rule looks at cannot match its pattern). Used by `matches` / `capture` in expressions and
/// by `claim_conditions` table rows.
///
/// A pattern of an embedded pack is *deferred*: its regex is compiled the first time a text
/// passes the prefilter, not when the pack compiles — most of a pack's patterns never see a
/// text that could match, and compiling them all was a sixth of an engine's first check.
/// Deferred patterns come only from the embedded standards, which a test compiles eagerly
/// (`Engine::from_files` of the embedded sources), so a deferred compile cannot meet a bad
/// pattern; should it ever, the pattern matches nothing.
#[derive(Clone, Debug)]
pub struct Pattern {
    source: Box<str>,
    re: std::sync::OnceLock<Option<regex_lite::Regex>>,
    /// The strings one of which every match contains (`None`: not worked out), read from
    /// the pattern the first time a text is tried: a first check tries only some of a
    /// pack's patterns. With `true` they are lower-case and looked for ignoring ASCII case
    /// (the pattern opens with `(?i)` or has a `(?i:…)` group somewhere).
    required: std::sync::OnceLock<Option<(Vec<Box<str>>, bool)>>,
    /// The words of a pattern that is only words separated by `|` (`糖醇|赤藓|木糖醇`):
    /// such a pattern matches exactly when the text contains one of them, which a substring
    /// search answers without the regex (the PikeVM walked a whole ingredient list once per
    /// word list — the costliest pattern of a food check).
    words: Option<Box<[Box<str>]>>,
    /// The pattern opens with `(?i)`: its ASCII letters match in either case (regex_lite
    /// folds ASCII only), so `words` and `required` are kept lower-case and looked for
    /// ignoring ASCII case (`(?i)有机|organic|转换|conversion` ran the regex on every label).
    ascii_ci: bool,
    /// The pattern for the backtracker (`None`: syntax it leaves to regex_lite), made the
    /// first time a text passes the prefilter: a search of a short text costs a tenth of
    /// regex_lite's PikeVM (see `small_regex`).
    small: std::sync::OnceLock<Option<super::small_regex::SmallRegex>>,
}

#[cfg(test)]
thread_local! {
    static RECORDED: std::cell::RefCell<Option<Vec<String>>> = const { std::cell::RefCell::new(None) };
}

/// Tests: `true` starts recording the source of every pattern made on this thread, `false`
/// stops and returns them (the embedded packs' patterns, for `small_regex`'s agreement test).
#[cfg(test)]
pub(crate) fn record_sources(on: bool) -> Vec<String> {
    RECORDED.with(|r| {
        let mut r = r.borrow_mut();
        let was = r.take().unwrap_or_default();
        if on {
            *r = Some(Vec::new());
        }
        was
    })
}

#[cfg(test)]
fn record(source: &str) {
    RECORDED.with(|r| {
        if let Some(v) = r.borrow_mut().as_mut() {
            v.push(source.to_string());
        }
    });
}

/// A pattern's text without a leading `(?i)`, and whether it had one.
fn case_flag(source: &str) -> (bool, &str) {
    match source.strip_prefix("(?i)") {
        Some(rest) => (true, rest),
        None => (false, source),
    }
}

/// `hay` contains `needle` (lower-case) ignoring ASCII case. A match cannot start inside a
/// character: a UTF-8 continuation byte equals no first byte of the needle.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.len() > h.len() {
        return false;
    }
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// `hay.contains(needle)`, by a plain scan for texts of a line or so: the claim tables try a
/// few hundred words against every short claim, and `str::contains` prepares a two-way
/// search (its setup costs more than the scan) for each.
pub(crate) fn contains(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if h.len() > 64 {
        return hay.contains(needle);
    }
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    if h.len() < n.len() {
        return false;
    }
    (0..=h.len() - n.len()).any(|i| h[i] == first && h[i + 1..i + n.len()] == *rest)
}

/// A text searched for many words (`words_in` tries every word of a table against each
/// ingredient's name): the set of bytes it holds answers most words — one byte the text
/// lacks — before any scan.
pub(crate) struct WordSearch<'t> {
    text: &'t str,
    bytes: [u64; 4],
}

impl<'t> WordSearch<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let mut bytes = [0u64; 4];
        for &b in text.as_bytes() {
            bytes[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        WordSearch { text, bytes }
    }

    /// `text.contains(word)`.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.could_contain(word) && contains(self.text, word)
    }

    /// False when `word` has a byte the text has not, so the text cannot contain it; a
    /// `true` still needs the search.
    pub(crate) fn could_contain(&self, word: &str) -> bool {
        let held = |b: u8| self.bytes[usize::from(b >> 6)] & (1 << (b & 63)) != 0;
        word.as_bytes().iter().all(|&b| held(b))
    }
}

/// The alternatives of a pattern made of literal words and `|` alone; `None` if any
/// character could be regex syntax or an alternative is empty (it would match anywhere).
fn literal_words(source: &str) -> Option<Box<[Box<str>]>> {
    let (ci, pattern) = case_flag(source);
    const SYNTAX: &[char] = &[
        '\\', '.', '+', '*', '?', '(', ')', '[', ']', '{', '}', '^', '$', '#', '&', '-', '~',
    ];
    if pattern.contains(SYNTAX) || pattern.chars().any(char::is_whitespace) {
        return None;
    }
    let words: Vec<Box<str>> = pattern
        .split('|')
        .map(|w| match ci {
            true => w.to_ascii_lowercase().into(),
            false => w.into(),
        })
        .collect();
    if words.iter().any(|w| w.is_empty()) {
        return None;
    }
    Some(words.into_boxed_slice())
}

impl Pattern {
    /// Compiles now: a bad pattern is an error here (packs read from files, tests).
    pub fn new(source: &str) -> Result<Pattern, regex_lite::Error> {
        let re = regex_lite::Regex::new(source)?;
        #[cfg(test)]
        record(source);
        Ok(Pattern {
            source: source.into(),
            re: std::sync::OnceLock::from(Some(re)),
            required: std::sync::OnceLock::new(),
            words: literal_words(source),
            ascii_ci: case_flag(source).0,
            small: std::sync::OnceLock::new(),
        })
    }

    /// Compiles on first use (embedded packs; see the type's note).
    pub fn deferred(source: &str) -> Pattern {
        #[cfg(test)]
        record(source);
        Pattern {
            source: source.into(),
            re: std::sync::OnceLock::new(),
            required: std::sync::OnceLock::new(),
            words: literal_words(source),
            ascii_ci: case_flag(source).0,
            small: std::sync::OnceLock::new(),
        }
    }

    /// Compiles now (`new`) or on first use (`deferred`).
    pub fn with(source: &str, deferred: bool) -> Result<Pattern, regex_lite::Error> {
        if deferred {
            Ok(Pattern::deferred(source))
        } else {
            Pattern::new(source)
        }
    }

    /// The pattern's text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The compiled regex (compiling a deferred pattern now), or `None` for a deferred
    /// pattern that does not compile.
    pub fn regex(&self) -> Option<&regex_lite::Regex> {
        self.re
            .get_or_init(|| regex_lite::Regex::new(&self.source).ok())
            .as_ref()
    }

    /// The regex if it is already compiled (an eager pattern always is).
    pub fn compiled(&self) -> Option<&regex_lite::Regex> {
        self.re.get().and_then(Option::as_ref)
    }

    /// The strings one of which every match contains, and whether they are looked for
    /// ignoring ASCII case (then they are lower-case), worked out on first use.
    fn required(&self) -> Option<(&[Box<str>], bool)> {
        self.required
            .get_or_init(|| {
                let (ci, body) = case_flag(&self.source);
                let (req, inner_ci) = required_strings_with_case(body)?;
                // A `(?i:…)` group anywhere: every string is looked for ignoring case,
                // which only lets more texts through to the regex (never fewer).
                Some(match ci || inner_ci {
                    true => (
                        req.iter().map(|w| w.to_ascii_lowercase().into()).collect(),
                        true,
                    ),
                    false => (req, false),
                })
            })
            .as_ref()
            .map(|(req, ci)| (req.as_slice(), *ci))
    }

    /// `text` contains `word` (one of `words` or `required`), in the given case rule.
    fn holds(text: &str, word: &str, ascii_ci: bool) -> bool {
        match ascii_ci {
            true => contains_ignore_ascii_case(text, word),
            false => contains(text, word),
        }
    }

    /// False only when no match is possible.
    pub fn could_match(&self, text: &str) -> bool {
        self.required()
            .is_none_or(|(req, ci)| req.iter().any(|w| Self::holds(text, w, ci)))
    }

    pub fn is_match(&self, text: &str) -> bool {
        if let Some(words) = &self.words {
            return words.iter().any(|w| Self::holds(text, w, self.ascii_ci));
        }
        self.could_match(text) && self.regex_is_match(text)
    }

    /// The regex's answer, from the backtracker when it reads the pattern and the text is
    /// short enough, else from regex_lite.
    fn regex_is_match(&self, text: &str) -> bool {
        match self.small().and_then(|s| s.is_match(text)) {
            Some(hit) => hit,
            None => self.regex().is_some_and(|re| re.is_match(text)),
        }
    }

    fn small(&self) -> Option<&super::small_regex::SmallRegex> {
        self.small
            .get_or_init(|| super::small_regex::SmallRegex::new(&self.source))
            .as_ref()
    }

    /// The leftmost match's byte range, as the regex finds it; texts the prefilter rules
    /// out are not searched.
    pub fn find(&self, text: &str) -> Option<std::ops::Range<usize>> {
        if !self.could_match(text) {
            return None;
        }
        match self.small().and_then(|s| s.captures(text)) {
            Some(caps) => caps.and_then(|c| c.get(0)).map(|(s, e)| s..e),
            None => self.regex()?.find(text).map(|m| m.range()),
        }
    }

    /// The texts of the groups `groups` (names, or indexes written as numbers) in the
    /// leftmost match, `None` for a group that did not take part; `None` when nothing
    /// matches. Texts the prefilter rules out are not searched.
    pub fn capture_groups<'t, const N: usize>(
        &self,
        text: &'t str,
        groups: [&str; N],
    ) -> Option<[Option<&'t str>; N]> {
        if !self.could_match(text) {
            return None;
        }
        if let Some(small) = self.small() {
            if let Some(caps) = small.captures(text) {
                let caps = caps?;
                return Some(groups.map(|g| {
                    let i = g.parse::<usize>().ok().or_else(|| small.group_index(g))?;
                    caps.get(i).and_then(|(s, e)| text.get(s..e))
                }));
            }
        }
        let caps = self.regex()?.captures(text)?;
        Some(groups.map(|g| {
            match g.parse::<usize>() {
                Ok(i) => caps.get(i),
                Err(_) => caps.name(g),
            }
            .map(|m| m.as_str())
        }))
    }

    /// `is_match` for a text tried against many patterns (a claim against a claims
    /// table's rows): words and required strings are first tried against the text's bytes
    /// (under `(?i)`, scanned ignoring ASCII case instead).
    pub(crate) fn is_match_in(&self, search: &WordSearch<'_>) -> bool {
        let found = |w: &str, ci: bool| match ci {
            true => contains_ignore_ascii_case(search.text, w),
            false => search.contains(w),
        };
        if let Some(words) = &self.words {
            return words.iter().any(|w| found(w, self.ascii_ci));
        }
        let could = self
            .required()
            .is_none_or(|(req, ci)| req.iter().any(|w| found(w, ci)));
        could && self.regex_is_match(search.text)
    }
}

/// `required_strings_with_case` for a pattern without case-insensitive groups (tests).
#[cfg(test)]
fn required_strings(pattern: &str) -> Option<Vec<Box<str>>> {
    required_strings_with_case(pattern)
        .filter(|(_, ci)| !ci)
        .map(|(req, _)| req)
}

/// Strings one of which every match of `pattern` contains, if they can be worked out: a
/// run of plain characters counts as one string, so `(含有|含)蛋白|蛋白质?的?来源` needs
/// `蛋白` — a far sharper filter than any one of its characters (the claim tables' patterns
/// share most characters, and each regex run costs a PikeVM over every alternative).
/// With a case-insensitive group (`(?i:…)`, or `(?i)` after the start) the flag is `true`:
/// the strings then hold only where looked for ignoring ASCII case (regex_lite folds ASCII
/// only).
fn required_strings_with_case(pattern: &str) -> Option<(Vec<Box<str>>, bool)> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut p = Parser {
        s: &chars,
        i: 0,
        ci: false,
    };
    let set = p.alternation()?;
    if p.i != chars.len() {
        return None;
    }
    set.map(|s| (s.0.into_iter().map(String::into_boxed_str).collect(), p.ci))
}

/// `Ok(Some(set))`: every match of the node contains a string of `set`; `Ok(None)`: the node
/// may match without one (empty, `.`, negated class, escape…). Outer `None`: unsupported.
type Req = Option<StrSet>;

/// A set of non-empty strings, sorted and without repeats.
#[derive(Clone, Debug)]
struct StrSet(Vec<String>);

impl StrSet {
    fn from_vec(mut v: Vec<String>) -> StrSet {
        crate::order::sort(&mut v);
        v.dedup();
        StrSet(v)
    }

    fn one(c: char) -> StrSet {
        StrSet(vec![c.to_string()])
    }

    /// How sharp a filter the set is: its shortest string's length, then fewer strings.
    fn sharper_than(&self, other: &StrSet) -> bool {
        let shortest = |s: &StrSet| s.0.iter().map(|w| w.chars().count()).min().unwrap_or(0);
        let (a, b) = (shortest(self), shortest(other));
        a > b || (a == b && self.0.len() < other.0.len())
    }
}

struct Parser<'s> {
    s: &'s [char],
    i: usize,
    /// A case-insensitive group or flag was met.
    ci: bool,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.s.get(self.i).copied()
    }

    /// `a|b|c`: a match of the whole contains a char of the union, if every branch has a set.
    fn alternation(&mut self) -> Option<Req> {
        let mut union = Vec::new();
        let mut all = true;
        loop {
            match self.concat()? {
                Some(s) => union.extend(s.0),
                None => all = false,
            }
            if self.peek() == Some('|') {
                self.i += 1;
            } else {
                break;
            }
        }
        Some(all.then(|| StrSet::from_vec(union)))
    }

    /// `abc`: any part's set will do, and so will a run of plain characters as one
    /// string; keep the sharpest.
    fn concat(&mut self) -> Option<Req> {
        let mut best: Req = None;
        let mut run = String::new();
        let keep = |s: StrSet, best: &mut Req| {
            if best.as_ref().is_none_or(|b| s.sharper_than(b)) {
                *best = Some(s);
            }
        };
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let plain = !matches!(
                c,
                '(' | '[' | '^' | '$' | '.' | '\\' | '*' | '+' | '?' | '{' | '}' | ']'
            );
            if plain && !matches!(self.s.get(self.i + 1), Some('?' | '*' | '+' | '{')) {
                // A plain character joins the run without a set of its own.
                self.i += 1;
                run.push(c);
                continue;
            }
            let atom = self.atom()?;
            let atom = self.quantifier(atom)?;
            if !run.is_empty() {
                keep(StrSet(vec![std::mem::take(&mut run)]), &mut best);
            }
            if let Some(s) = atom {
                keep(s, &mut best);
            }
        }
        if !run.is_empty() {
            keep(StrSet(vec![run]), &mut best);
        }
        Some(best)
    }

    fn atom(&mut self) -> Option<Req> {
        let c = self.peek()?;
        self.i += 1;
        match c {
            '(' => {
                if self.peek() == Some('?') {
                    // Non-capturing groups `(?:…)` and named ones (`(?P<y>…)`, `(?<y>…)`,
                    // which match as plain groups); flags could change what matches.
                    match (self.s.get(self.i + 1), self.s.get(self.i + 2)) {
                        (Some(':'), _) => self.i += 2,
                        (Some('P'), Some('<')) => self.i += 3,
                        (Some('<'), _) => self.i += 2,
                        // `(?i:…)`: a group matched ignoring ASCII case.
                        (Some('i'), Some(':')) => {
                            self.i += 3;
                            self.ci = true;
                        }
                        // `(?i)`: the rest of the group ignores case; it matches nothing.
                        (Some('i'), Some(')')) => {
                            self.i += 3;
                            self.ci = true;
                            return Some(None);
                        }
                        _ => return None,
                    }
                    if self.s.get(self.i - 1) == Some(&'<') {
                        // The name: letters, digits and `_`, up to `>`.
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
                let mut set = Vec::new();
                let negated = self.peek() == Some('^');
                if negated {
                    self.i += 1;
                }
                // A range (`0-9`) or an escape (`\d`) is not followed into a set: the class
                // then may match a character not listed, as a negated class may.
                let mut listed = !negated;
                let mut first = true;
                loop {
                    let c = self.peek()?;
                    self.i += 1;
                    match c {
                        ']' if !first => break,
                        '[' => return None,
                        '\\' => {
                            self.peek()?;
                            self.i += 1;
                            listed = false;
                        }
                        '-' if !first && self.peek() != Some(']') => listed = false,
                        _ => set.push(c),
                    }
                    first = false;
                }
                Some(listed.then(|| StrSet::from_vec(set.into_iter().map(String::from).collect())))
            }
            '^' | '$' | '.' => Some(None),
            '\\' => {
                // An escaped punctuation character is itself; anything else (\d, \s, \b…)
                // is a class or an assertion.
                let e = self.peek()?;
                self.i += 1;
                if e.is_ascii_punctuation() {
                    Some(Some(StrSet::one(e)))
                } else {
                    Some(None)
                }
            }
            '*' | '+' | '?' | '{' | '}' | ')' | ']' | '|' => None,
            c => Some(Some(StrSet::one(c))),
        }
    }

    fn quantifier(&mut self, atom: Req) -> Option<Req> {
        let Some(q) = self.peek() else {
            return Some(atom);
        };
        let out = match q {
            '?' | '*' => {
                self.i += 1;
                None
            }
            '+' => {
                self.i += 1;
                atom
            }
            '{' => {
                self.i += 1;
                let start = self.i;
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.i += 1;
                }
                let min: String = self.s[start..self.i].iter().collect();
                let min: u32 = min.parse().ok()?;
                while self.peek().is_some_and(|c| c.is_ascii_digit() || c == ',') {
                    self.i += 1;
                }
                if self.peek() != Some('}') {
                    return None;
                }
                self.i += 1;
                if min == 0 {
                    None
                } else {
                    atom
                }
            }
            _ => return Some(atom),
        };
        // Lazy quantifiers (`??`, `*?`, `+?`) match the same texts.
        if self.peek() == Some('?') {
            self.i += 1;
        }
        if matches!(self.peek(), Some('?' | '*' | '+' | '{')) {
            return None;
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {

    /// A pattern of words and `|` is answered by substring search; the answer must be the
    /// regex's on every text, and anything that could be syntax must go to the regex.
    #[test]
    fn word_lists_answer_as_the_regex_does() {
        use super::{literal_words, Pattern};
        let texts = [
            "",
            "木糖醇",
            "配料：小麦粉，赤藓糖醇，食用盐",
            "糖",
            "organic sugar",
            "ORGANIC",
            "Organic Conversion",
            "BIO-Öko",
            "öKO",
            "ÖKO",
            "a|b",
        ];
        for pat in [
            "糖醇|赤藓|木糖醇",
            "organic|conversion",
            "盐",
            "糖|醇",
            "(?i)有机|organic|转换|conversion",
            "(?i)Bio|öko",
        ] {
            assert!(literal_words(pat).is_some(), "{pat}");
            let fast = Pattern::new(pat).expect("compiles");
            let re = regex_lite::Regex::new(pat).expect("compiles");
            for t in texts {
                assert_eq!(fast.is_match(t), re.is_match(t), "{pat} on {t:?}");
            }
        }
        for syntax in [
            "a|",
            "|a",
            "a||b",
            "(?i)(?i)organic",
            "(?i)",
            "(?i)a|",
            "a.b",
            "a b",
            "低(脂|糖)",
            "^a",
            "a\\b",
        ] {
            assert!(literal_words(syntax).is_none(), "{syntax}");
        }
    }

    #[test]
    fn deferred_patterns_compile_on_first_use_and_a_bad_one_matches_nothing() {
        use super::Pattern;
        let p = Pattern::deferred("低(脂|糖)");
        assert!(p.compiled().is_none());
        assert!(!p.is_match("高钙")); // the prefilter answers: still not compiled
        assert!(p.compiled().is_none());
        assert!(p.is_match("低脂牛奶"));
        // Compiled now — for the backtracker, which reads this pattern (regex_lite is then
        // compiled only for a text too long for it).
        assert!(p.small.get().is_some_and(Option::is_some));
        assert!(p.compiled().is_none());
        assert!(p.is_match(&format!("{}低脂", "x".repeat(40_000))));
        assert!(p.compiled().is_some());
        assert!(Pattern::new("低(脂").is_err());
        let bad = Pattern::deferred("低(脂");
        assert!(!bad.is_match("低脂"));
        assert!(bad.capture_groups("低脂", ["0"]).is_none());
    }

    use super::required_strings;

    fn set(p: &str) -> Option<String> {
        required_strings(p).map(|v| v.join(","))
    }

    #[test]
    fn finds_the_strings_every_match_needs() {
        assert_eq!(
            set("(^|[^极减降])(低|少)脂|(^|[^减])少油").as_deref(),
            Some("少油,脂")
        );
        assert_eq!(set("瘦").as_deref(), Some("瘦"));
        assert_eq!(set("(无|不含|零|没有|0 ?%|0)脂").as_deref(), Some("脂"));
        assert_eq!(set("蛋白质?的?来源").as_deref(), Some("蛋白"));
        assert_eq!(
            set("(^|[^富没])(含有|含|提供|有)蛋白|蛋白质?的?来源").as_deref(),
            Some("蛋白")
        );
        assert_eq!(set("(含有|含)钙|钙的?来源").as_deref(), Some("来源,钙"));
        assert_eq!(set("ab?c").as_deref(), Some("a"));
        assert_eq!(set(r"\.x").as_deref(), Some("."));
        assert_eq!(set("a?").as_deref(), None);
        assert_eq!(set("[^a]").as_deref(), None);
        assert_eq!(set("(?i)a"), None);
        // Named groups match as plain groups (the date formats' `(?P<y>…)`).
        assert_eq!(
            set(r"^(?:^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$)$").as_deref(),
            Some("-")
        );
        assert_eq!(set(r"(?P<d>\d{1,2})日(?<m>月)").as_deref(), Some("日"));
        assert_eq!(set(r"(?P<y>\d{4})(?P<m>\d{2})").as_deref(), None);
        assert_eq!(set("(?P<>a)b"), None);
        assert_eq!(set("(?P<y a)b"), None);
        assert_eq!(set("(?P<y"), None);
        assert_eq!(set("x{0,2}y{2}").as_deref(), Some("y"));
        assert_eq!(set("[a-z]").as_deref(), None); // ranges are not followed into a set
        assert_eq!(set("[a-z]b").as_deref(), Some("b"));
        assert_eq!(set(r"[^0-9\d]x").as_deref(), Some("x"));
        assert_eq!(
            set("(^|[^富没])(含有|含|提供|有)(维生素B1([^0-9]|$)|硫胺素)|(维生素B1|硫胺素)的?来源")
                .as_deref(),
            Some("硫胺素,维生素B1")
        );
    }

    /// The prefilter never rejects a text the regex matches.
    #[test]
    fn never_rejects_a_match() {
        let cases = [
            (
                "(^|[^极减降])(低|少)脂|(^|[^减])少油",
                ["低脂肪", "少油", "极低脂", "x"],
            ),
            (
                "((^|[^提增])高(含量的?)?|富含|丰富的?)蛋白|蛋白质?的?良好来源",
                ["高蛋白", "富含蛋白质", "蛋白质良好来源", "无"],
            ),
            (
                "(无|不含|零|没有|0 ?%|0)(能量|热量)",
                ["0 %能量", "零热量", "无能量", "低"],
            ),
        ];
        for (p, texts) in cases {
            let re = regex_lite::Regex::new(p).expect("pattern");
            let req = required_strings(p).expect("analysable");
            for t in texts {
                if re.is_match(t) {
                    assert!(req.iter().any(|w| t.contains(w.as_ref())), "{p} / {t}");
                }
            }
        }
    }
}

#[cfg(test)]
mod pattern_tests {
    use super::Pattern;

    /// Every pattern of the embedded packs' tables, prefiltered, answers as the bare regex
    /// does — on the strings of every example label and on strings made of the pattern's own
    /// characters.
    #[test]
    fn prefiltered_patterns_agree_with_the_regex() {
        let s = crate::pack::Standards::load(&crate::embedded::files()).expect("standards");
        let mut patterns: Vec<String> = vec![
            "氢化".into(),
            "油|脂".into(),
            "松香".into(),
            "糖醇|赤藓|木糖醇|山梨|甘露醇|异麦芽酮糖醇|乳糖醇|麦芽糖醇".into(),
            r"^\s*[0-9]{1,2}[ /.-]?[0-9]{1,2}[ /.-]?[0-9]{2,4}\s*$".into(),
        ];
        for p in &s.packs {
            for t in p.tables.values() {
                for row in &t.rows {
                    if let Some(pat) = row.get("pattern").and_then(|v| v.as_str()) {
                        patterns.push(pat.to_string());
                    }
                    // Date formats, as `date_logic` anchors them.
                    if let Some(re) = row.get("regex").and_then(|v| v.as_str()) {
                        patterns.push(format!("^(?:{re})$"));
                    }
                }
            }
        }
        assert!(
            patterns.len() > 20,
            "table patterns found: {}",
            patterns.len()
        );
        let mut texts: Vec<String> = Vec::new();
        fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
                serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
                _ => {}
            }
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
        for e in std::fs::read_dir(dir).expect("examples").flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&t) {
                    strings(&v, &mut texts);
                }
            }
        }
        let mut seed = 7u64;
        for p in &patterns {
            let pat = Pattern::new(p).expect("pattern compiles");
            let own: Vec<char> = p.chars().filter(|c| !c.is_ascii_punctuation()).collect();
            let mut made = Vec::new();
            for _ in 0..40 {
                let mut t = String::new();
                for _ in 0..(seed % 6 + 1) {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    if let Some(c) = own.get((seed >> 33) as usize % own.len().max(1)) {
                        t.push(*c);
                    }
                }
                made.push(t);
            }
            for t in texts.iter().chain(&made) {
                let re = pat.regex().expect("compiled");
                assert_eq!(pat.is_match(t), re.is_match(t), "{p} / {t}");
                let search = super::WordSearch::new(t);
                assert_eq!(pat.is_match_in(&search), re.is_match(t), "{p} / {t}");
            }
        }
    }
}

#[cfg(test)]
mod prefilter_properties {
    use super::Pattern;

    /// Patterns made of the syntax the prefilter reads (words, groups named or not, alternation, classes
    /// with and without ranges, quantifiers, anchors, escapes), tried on texts of the same
    /// alphabet: the prefiltered pattern must answer exactly as the bare regex, or a claim
    /// would be missed.
    fn atom() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            "[ab低脂]{1,3}",
            "[ab低脂][?*+]",
            "[ab低脂]\\{[0-2](,2)?\\}",
            Just("[^a]".to_string()),
            Just("[a-c]".to_string()),
            Just("[低脂]".to_string()),
            Just("[^0-9]".to_string()),
            Just(".".to_string()),
            Just("^".to_string()),
            Just("$".to_string()),
            Just("\\.".to_string()),
        ];
        leaf.prop_recursive(3, 12, 3, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 1..3).prop_map(|v| v.concat()),
                proptest::collection::vec(inner.clone(), 1..3)
                    .prop_map(|v| format!("({})", v.join("|"))),
                // A named group (a pattern naming two alike does not compile: skipped).
                (inner.clone(), "[a-z]").prop_map(|(a, n)| format!("(?P<{n}>{a})")),
                // A case-insensitive group, and the flag turned on part way through one.
                inner.clone().prop_map(|a| format!("(?i:{a})")),
                inner.clone().prop_map(|a| format!("(x(?i){a})")),
                (
                    inner,
                    proptest::sample::select(vec!["?", "*", "+", "{0,2}", "{2}"])
                )
                    .prop_map(|(a, q)| format!("({a}){q}")),
            ]
        })
    }

    /// A `(?i:…)` group no longer leaves the whole pattern unfiltered: its strings are
    /// looked for ignoring ASCII case, and a text with none of them is not searched.
    #[test]
    fn case_insensitive_groups_are_filtered_ignoring_case() {
        let src = "预防[^，。]{0,8}(病|癌)|降糖([^分]|$)|(?i:\\b(treats?|cures?)\\b)";
        let (req, ci) = super::required_strings_with_case(src).expect("worked out");
        assert!(ci);
        let req: Vec<&str> = req.iter().map(|w| &**w).collect();
        assert_eq!(req, ["cure", "treat", "降糖", "预防"]);
        assert_eq!(
            super::required_strings(src),
            None,
            "callers that match case get none"
        );
        let p = Pattern::new(src).expect("compiles");
        let re = regex_lite::Regex::new(src).expect("compiles");
        for t in [
            "有机纯牛奶",
            "TREATS colds",
            "Cure-all",
            "可预防感冒",
            "降糖",
            "treaty",
            "",
        ] {
            assert_eq!(p.is_match(t), re.is_match(t), "{t}");
            assert_eq!(p.find(t), re.find(t).map(|m| m.range()), "{t}");
        }
        assert!(!p.could_match("有机纯牛奶"));
        assert!(p.could_match("TREATY"));
    }

    proptest::proptest! {
        #[test]
        fn prefilter_never_changes_an_answer(
            alts in proptest::collection::vec(atom(), 1..3),
            texts in proptest::collection::vec("[abAB低脂c0.]{0,8}", 1..6),
            ci in proptest::bool::ANY,
        ) {
            let source = format!("{}{}", if ci { "(?i)" } else { "" }, alts.join("|"));
            let Ok(re) = regex_lite::Regex::new(&source) else { return Ok(()) };
            let p = Pattern::new(&source).expect("compiles");
            for t in &texts {
                proptest::prop_assert_eq!(p.is_match(t), re.is_match(t), "{} on {:?}", source, t);
                proptest::prop_assert_eq!(
                    p.find(t),
                    re.find(t).map(|m| m.range()),
                    "{} on {:?}", source, t
                );
                let search = super::WordSearch::new(t);
                proptest::prop_assert_eq!(p.is_match_in(&search), re.is_match(t), "{} on {:?}", source, t);
            }
        }
    }
}

#[cfg(test)]
mod contains_tests {
    proptest::proptest! {
        /// The short-text scan and the byte-set search answer as `str::contains`, on both
        /// sides of the scan's length cut.
        #[test]
        fn answers_as_str_contains(hay in "[ab低脂c]{0,40}", needle in "[ab低脂]{0,3}") {
            let want = hay.contains(needle.as_str());
            proptest::prop_assert_eq!(super::contains(&hay, &needle), want);
            proptest::prop_assert_eq!(super::WordSearch::new(&hay).contains(&needle), want);
        }

        /// The case-blind scan answers as a search of the lower-cased text for the
        /// lower-cased word.
        #[test]
        fn ignores_ascii_case_only(hay in "[abAB低脂cÖö]{0,40}", needle in "[ab低脂ö]{0,3}") {
            let want = hay.to_ascii_lowercase().contains(needle.as_str());
            proptest::prop_assert_eq!(super::contains_ignore_ascii_case(&hay, &needle), want);
        }
    }
}

//! Lexer and recursive-descent parser for pack expressions.

use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

/// The most nodes one expression may have. Keeps evaluation cost bounded and rejects
/// pathological pack text early.
pub const MAX_NODES: usize = 512;
/// The deepest nesting the parser accepts (parentheses, operators).
const MAX_DEPTH: usize = 48;

/// `known_table` is asked about code lists (for `codelist(…)`) with this prefix on the name.
pub const CODELIST_PREFIX: &str = "codelist:";

/// A compile error in an expression, with the byte offset where it was noticed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExprError {
    pub message: String,
    pub offset: usize,
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at offset {})", self.message, self.offset)
    }
}

/// The fixed set of functions. Adding one is a code change reviewed like a new primitive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    Exists,
    Len,
    Coalesce,
    Abs,
    Min,
    Max,
    /// `round(x, step)`: to the nearest multiple of `step`, ties away from zero (half-up).
    Round,
    /// `round_even(x, step)`: ties to even (GB/T 8170 style).
    RoundEven,
    IsMultiple,
    Lookup,
    InTable,
    /// `all_in_table('table', list)`: every element of a non-empty list is a key (or alias)
    /// of the table — each sentence of a claim is a standard one.
    AllInTable,
    /// `split(text, 'separators')`: the text cut at each of the separator characters, the
    /// parts trimmed, empty ones left out (`split('A。B。', '。')` = `['A', 'B']`).
    Split,
    Amount,
    HasTag,
    Contains,
    StartsWith,
    Matches,
    Date,
    AddMonths,
    AddDays,
    DaysBetween,
    AsOf,
    Count,
    Any,
    Sum,
    Find,
    /// `find_all(list, 'field', value, 'return_field')`: as `find`, the `return_field` of
    /// every element whose `field` equals `value`, in list order (the words of an allergen
    /// statement that are declared, not "may contain").
    FindAll,
    /// `find_nocase(list, 'field', text, 'return_field')`: as `find`, the texts compared
    /// ignoring case (an ingredient printed `BUTTER (30%)` to emphasise an allergen is the
    /// butter a QUID rule looks for).
    FindNoCase,
    Lower,
    /// `fold(text)`: the text as a table with `fold = true` keys it — white space left out,
    /// full-width ASCII forms and 。 read as ASCII — so a printed form compares whatever its
    /// spacing and width (`千焦 （kJ）` → `千焦(kJ)`).
    Fold,
    /// `if(condition, then, else)`: only the chosen branch is evaluated.
    If,
    /// `join(list, separator)`: the text and number elements of a list joined (to search
    /// statements, to build readable texts); nulls are left out.
    Join,
    /// `in_category('food.seasoning')`: the label's category is this one or under it.
    InCategory,
    /// `count_present(list, 'field')`: elements whose field is present (not null or blank).
    CountPresent,
    /// `capture(text, 're', 'group')`: the text of a named (or numbered) group of a literal
    /// pattern, or null when the text does not match (segments of printed codes).
    Capture,
    /// `number(x)`: a number from a numeric text (`'09'` → 9); numbers pass through.
    Number,
    /// `year(date)`: the calendar year of a date.
    Year,
    /// `any_in(list, 'field', 'table')`: some element's field is a key (or alias) of the
    /// pack table (e.g. the label carries an eco label of a scheme listed in the table).
    AnyIn,
    CountIn,
    SumIn,
    /// `codelist('gb2260', key, 'column')`: a column of the code-list entry whose key (or a
    /// match column: name, alias) equals `key`; null when there is none.
    Codelist,
    /// `trim_end(text, suffix)`: `text` with every trailing repetition of `suffix` removed
    /// (`trim_end('152500', '00')` = `'1525'`: the significant digits of a hierarchical code).
    TrimEnd,
    /// `mentions(text, 'table', 'column')`: the values of a pack table's column (text or
    /// list of texts) that occur in `text`, in row order — which registered names a printed
    /// name uses.
    Mentions,
    /// `words_in(text, 'table', 'words_column', 'exclude_column')`: the keys of the table's
    /// rows one of whose words occurs inside `text`, after that row's exclusion words have
    /// been blanked out of the text — which groups a printed text names (高油酸小麦粉 → the
    /// cereal row through 小麦; 乳化剂 is blanked before 乳 is looked for). A list of texts
    /// is searched as one. In row order, each key once.
    WordsIn,
    /// `missing(a, b)`: the elements of list `a` that are not in list `b`, in `a`'s order.
    Missing,
}

impl Func {
    fn from_name(name: &str) -> Option<(Func, usize, usize)> {
        // (function, min args, max args)
        Some(match name {
            "exists" => (Func::Exists, 1, 1),
            "len" => (Func::Len, 1, 1),
            "coalesce" => (Func::Coalesce, 1, 8),
            "abs" => (Func::Abs, 1, 1),
            "min" => (Func::Min, 2, 8),
            "max" => (Func::Max, 2, 8),
            "round" => (Func::Round, 2, 2),
            "round_even" => (Func::RoundEven, 2, 2),
            "is_multiple" => (Func::IsMultiple, 2, 2),
            "lookup" => (Func::Lookup, 3, 3),
            "in_table" => (Func::InTable, 2, 2),
            "all_in_table" => (Func::AllInTable, 2, 2),
            "split" => (Func::Split, 2, 2),
            "amount" => (Func::Amount, 1, 1),
            "has_tag" => (Func::HasTag, 1, 1),
            "contains" => (Func::Contains, 2, 2),
            "starts_with" => (Func::StartsWith, 2, 2),
            "matches" => (Func::Matches, 2, 2),
            "date" => (Func::Date, 1, 1),
            "add_months" => (Func::AddMonths, 2, 2),
            "add_days" => (Func::AddDays, 2, 2),
            "days_between" => (Func::DaysBetween, 2, 2),
            "as_of" => (Func::AsOf, 0, 0),
            "count" => (Func::Count, 3, 3),
            "any" => (Func::Any, 3, 3),
            "sum" => (Func::Sum, 2, 2),
            "find" => (Func::Find, 4, 4),
            "find_all" => (Func::FindAll, 4, 4),
            "find_nocase" => (Func::FindNoCase, 4, 4),
            "lower" => (Func::Lower, 1, 1),
            "fold" => (Func::Fold, 1, 1),
            "if" => (Func::If, 3, 3),
            "join" => (Func::Join, 2, 2),
            "in_category" => (Func::InCategory, 1, 1),
            "count_present" => (Func::CountPresent, 2, 2),
            "capture" => (Func::Capture, 3, 3),
            "number" => (Func::Number, 1, 1),
            "year" => (Func::Year, 1, 1),
            "any_in" => (Func::AnyIn, 3, 3),
            "count_in" => (Func::CountIn, 3, 3),
            "sum_in" => (Func::SumIn, 4, 4),
            "codelist" => (Func::Codelist, 3, 3),
            "trim_end" => (Func::TrimEnd, 2, 2),
            "mentions" => (Func::Mentions, 3, 3),
            "words_in" => (Func::WordsIn, 4, 4),
            "missing" => (Func::Missing, 2, 2),
            _ => return None,
        })
    }

    /// The names, for error messages and documentation.
    pub const NAMES: &'static [&'static str] = &[
        "exists",
        "len",
        "coalesce",
        "abs",
        "min",
        "max",
        "round",
        "round_even",
        "is_multiple",
        "lookup",
        "in_table",
        "all_in_table",
        "split",
        "amount",
        "has_tag",
        "contains",
        "starts_with",
        "matches",
        "date",
        "add_months",
        "add_days",
        "days_between",
        "as_of",
        "count",
        "any",
        "sum",
        "find",
        "find_all",
        "find_nocase",
        "lower",
        "fold",
        "if",
        "join",
        "in_category",
        "count_present",
        "capture",
        "number",
        "year",
        "any_in",
        "count_in",
        "sum_in",
        "codelist",
        "trim_end",
        "mentions",
        "words_in",
        "missing",
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    In,
}

/// A field name of a path (`label.nutrition`, `item.name`), with the position it was last
/// found at in an object of the label view: a struct's object keeps its fields in
/// declaration order, so the position found for one label is mostly right for the next, and
/// the lookup one comparison instead of a scan of the struct's fields. A table argument
/// (`Node::Table`) keeps its table's position among the pack's tables the same way.
pub struct FieldName {
    name: String,
    slot: std::sync::atomic::AtomicU32,
}

impl FieldName {
    pub fn new(name: &str) -> FieldName {
        FieldName {
            name: name.to_string(),
            slot: std::sync::atomic::AtomicU32::new(0),
        }
    }

    /// The position to try first (a hint: any value is safe).
    pub fn slot(&self) -> &std::sync::atomic::AtomicU32 {
        &self.slot
    }
}

impl std::ops::Deref for FieldName {
    type Target = str;
    fn deref(&self) -> &str {
        &self.name
    }
}

impl Clone for FieldName {
    fn clone(&self) -> FieldName {
        FieldName {
            name: self.name.clone(),
            slot: std::sync::atomic::AtomicU32::new(
                self.slot.load(std::sync::atomic::Ordering::Relaxed),
            ),
        }
    }
}

impl std::fmt::Debug for FieldName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.name.fmt(f)
    }
}

#[derive(Clone, Debug)]
pub enum Node {
    Num(Decimal),
    Str(String),
    /// A table argument (`lookup('nrv', …)`, checked at compile time to name a table of
    /// the pack), with the position the tables last had it at (see `Tables::get_hinted`).
    /// As a value it is its name, as the string literal it was written as.
    Table(FieldName),
    Bool(bool),
    Null,
    /// A root name: `label`, `item`, `row`, `claim`, `entry`, or a `let` binding.
    Var(String),
    Field(Box<Node>, FieldName),
    List(Vec<Node>),
    Neg(Box<Node>),
    Not(Box<Node>),
    Binary(BinOp, Box<Node>, Box<Node>),
    Call(Func, Vec<Node>),
    /// `matches(x, "re")` with the pattern compiled at load time.
    Matches(Box<Node>, Box<crate::primitives::required_chars::Pattern>),
    /// `capture(x, "re", "group")` with the pattern compiled at load time.
    Capture(
        Box<Node>,
        Box<crate::primitives::required_chars::Pattern>,
        String,
    ),
}

impl Node {
    /// The root names the expression reads (`item`, `label`, `let` names…), each as often
    /// as it occurs: which `let` values an expression depends on.
    pub fn root_names<'n>(&'n self, out: &mut Vec<&'n str>) {
        match self {
            Node::Num(_) | Node::Str(_) | Node::Table(_) | Node::Bool(_) | Node::Null => {}
            Node::Var(name) => out.push(name),
            Node::Field(inner, _)
            | Node::Neg(inner)
            | Node::Not(inner)
            | Node::Matches(inner, _)
            | Node::Capture(inner, _, _) => inner.root_names(out),
            Node::List(items) | Node::Call(_, items) => {
                items.iter().for_each(|n| n.root_names(out))
            }
            Node::Binary(_, l, r) => {
                l.root_names(out);
                r.root_names(out);
            }
        }
    }
}

impl Node {
    /// A text that is the same for two nodes exactly when they are the same expression
    /// (every string length-prefixed, so no two trees print alike): what the engine keys a
    /// `when` operand's memo by, so that rules sharing an operand share its results.
    pub fn memo_key(&self, out: &mut String) {
        use std::fmt::Write;
        let text = |out: &mut String, tag: char, s: &str| {
            let _ = write!(out, "{tag}{}:{s}", s.len());
        };
        match self {
            Node::Num(d) => text(out, 'n', &d.to_string()),
            // A table argument evaluates to its name, as the literal did.
            Node::Str(s) => text(out, 's', s),
            Node::Table(t) => text(out, 's', t),
            Node::Bool(b) => out.push(if *b { 'T' } else { 'F' }),
            Node::Null => out.push('z'),
            Node::Var(name) => text(out, 'v', name),
            Node::Field(inner, name) => {
                out.push('.');
                inner.memo_key(out);
                text(out, 'f', name);
            }
            Node::List(items) | Node::Call(_, items) => {
                match self {
                    Node::Call(f, _) => {
                        let _ = write!(out, "c{f:?}(");
                    }
                    _ => out.push('['),
                }
                let _ = write!(out, "{}:", items.len());
                items.iter().for_each(|n| n.memo_key(out));
                out.push(')');
            }
            Node::Neg(inner) => {
                out.push('-');
                inner.memo_key(out);
            }
            Node::Not(inner) => {
                out.push('!');
                inner.memo_key(out);
            }
            Node::Binary(op, l, r) => {
                let _ = write!(out, "b{op:?}(");
                l.memo_key(out);
                r.memo_key(out);
                out.push(')');
            }
            Node::Matches(inner, pattern) => {
                out.push('m');
                inner.memo_key(out);
                text(out, 'p', pattern.source());
            }
            Node::Capture(inner, pattern, group) => {
                out.push('k');
                inner.memo_key(out);
                text(out, 'p', pattern.source());
                text(out, 'g', group);
            }
        }
    }

    /// Whether evaluating the node calls a function or runs a pattern (what is worth
    /// remembering; a field test costs less than looking its result up).
    pub fn calls(&self) -> bool {
        match self {
            Node::Num(_)
            | Node::Str(_)
            | Node::Table(_)
            | Node::Bool(_)
            | Node::Null
            | Node::Var(_) => false,
            Node::Call(..) | Node::Matches(..) | Node::Capture(..) => true,
            Node::Field(inner, _) | Node::Neg(inner) | Node::Not(inner) => inner.calls(),
            Node::List(items) => items.iter().any(Node::calls),
            Node::Binary(_, l, r) => l.calls() || r.calls(),
        }
    }
}

impl Node {
    /// The operands of a chain of `and`s, left to right (`a and b and c` → `a`, `b`, `c`;
    /// any other node is its own one operand): `and` evaluates them in this order and stops
    /// at the first that is not true.
    pub fn conjuncts<'n>(&'n self, out: &mut Vec<&'n Node>) {
        match self {
            Node::Binary(BinOp::And, l, r) => {
                l.conjuncts(out);
                r.conjuncts(out);
            }
            other => out.push(other),
        }
    }
}

/// A compiled expression plus its source text.
#[derive(Clone, Debug)]
pub struct Expr {
    pub source: String,
    pub root: Node,
}

impl Expr {
    /// Compiles `source`. `known_table` says whether a table name used by `lookup` /
    /// `in_table` exists in the pack, so a typo fails at load time rather than silently
    /// yielding `null` for every label.
    pub fn compile(source: &str, known_table: &dyn Fn(&str) -> bool) -> Result<Expr, ExprError> {
        Expr::compile_with(source, known_table, false)
    }

    /// As [`Expr::compile`]; with `deferred_patterns` the literal patterns of `matches` /
    /// `capture` compile on first use (embedded packs: see `Pattern::deferred` in
    /// `primitives::required_chars`).
    pub fn compile_with(
        source: &str,
        known_table: &dyn Fn(&str) -> bool,
        deferred_patterns: bool,
    ) -> Result<Expr, ExprError> {
        let tokens = lex(source)?;
        let mut p = Parser {
            tokens,
            pos: 0,
            nodes: 0,
            depth: 0,
            known_table,
            deferred_patterns,
        };
        let root = p.expr()?;
        if let Some(t) = p.tokens.get(p.pos) {
            return Err(ExprError {
                message: format!("unexpected {}", t.kind),
                offset: t.offset,
            });
        }
        Ok(Expr {
            source: source.to_string(),
            root,
        })
    }

    /// If the expression is a plain path (`label.a.b`, `item.x`), its root and fields.
    /// Used to turn a field parameter into a JSON pointer for findings.
    pub fn as_path(&self) -> Option<(String, Vec<String>)> {
        let mut fields = Vec::new();
        let mut node = &self.root;
        loop {
            match node {
                Node::Field(inner, name) => {
                    fields.push(name.to_string());
                    node = inner;
                }
                Node::Var(v) => {
                    fields.reverse();
                    return Some((v.clone(), fields));
                }
                _ => return None,
            }
        }
    }
}

/// A token, borrowing its text from the source: lexing allocates nothing per token, and
/// the parser copies a token instead of cloning its string (a first check parses about
/// 1 200 expressions; the owned tokens were a third of the parse).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok<'s> {
    Num(&'s str),
    Str(&'s str),
    Ident(&'s str),
    Punct(&'static str),
}

impl fmt::Display for Tok<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Num(n) => write!(f, "number `{n}`"),
            Tok::Str(s) => write!(f, "string \"{s}\""),
            Tok::Ident(i) => write!(f, "`{i}`"),
            Tok::Punct(p) => write!(f, "`{p}`"),
        }
    }
}

struct Token<'s> {
    kind: Tok<'s>,
    offset: usize,
}

fn lex(src: &str) -> Result<Vec<Token<'_>>, ExprError> {
    // About one token per four bytes of pack expressions: one allocation, rarely two.
    let mut out = Vec::with_capacity(src.len() / 4 + 4);
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            out.push(Token {
                kind: Tok::Num(&src[start..i]),
                offset: start,
            });
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push(Token {
                kind: Tok::Ident(&src[start..i]),
                offset: start,
            });
            continue;
        }
        if c == b'\'' || c == b'"' {
            let quote = c;
            i += 1;
            let body_start = i;
            while i < bytes.len() && bytes[i] != quote {
                i += 1;
            }
            if i >= bytes.len() {
                return Err(ExprError {
                    message: "unterminated string".into(),
                    offset: start,
                });
            }
            out.push(Token {
                kind: Tok::Str(&src[body_start..i]),
                offset: start,
            });
            i += 1;
            continue;
        }
        let two = src.get(i..i + 2).unwrap_or("");
        let p: &'static str = match two {
            "==" => "==",
            "!=" => "!=",
            "<=" => "<=",
            ">=" => ">=",
            _ => match c {
                b'(' => "(",
                b')' => ")",
                b'[' => "[",
                b']' => "]",
                b',' => ",",
                b'.' => ".",
                b'+' => "+",
                b'-' => "-",
                b'*' => "*",
                b'/' => "/",
                b'<' => "<",
                b'>' => ">",
                _ => {
                    let ch = src[i..].chars().next().unwrap_or('?');
                    return Err(ExprError {
                        message: format!("unexpected character `{ch}`"),
                        offset: i,
                    });
                }
            },
        };
        i += p.len();
        out.push(Token {
            kind: Tok::Punct(p),
            offset: start,
        });
    }
    Ok(out)
}

struct Parser<'s, 'k> {
    tokens: Vec<Token<'s>>,
    pos: usize,
    nodes: usize,
    depth: usize,
    known_table: &'k dyn Fn(&str) -> bool,
    deferred_patterns: bool,
}

impl<'s> Parser<'s, '_> {
    fn offset(&self) -> usize {
        self.tokens
            .get(self.pos)
            .map(|t| t.offset)
            .unwrap_or_else(|| self.tokens.last().map(|t| t.offset + 1).unwrap_or(0))
    }

    fn err<T>(&self, message: impl Into<String>) -> Result<T, ExprError> {
        Err(ExprError {
            message: message.into(),
            offset: self.offset(),
        })
    }

    fn bump_node(&mut self) -> Result<(), ExprError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return self.err(format!("expression is larger than {MAX_NODES} nodes"));
        }
        Ok(())
    }

    fn peek_punct(&self, p: &str) -> bool {
        matches!(self.tokens.get(self.pos), Some(Token { kind: Tok::Punct(q), .. }) if *q == p)
    }

    fn peek_ident(&self, word: &str) -> bool {
        matches!(self.tokens.get(self.pos), Some(Token { kind: Tok::Ident(q), .. }) if *q == word)
    }

    fn expect_punct(&mut self, p: &str) -> Result<(), ExprError> {
        if self.peek_punct(p) {
            self.pos += 1;
            Ok(())
        } else {
            match self.tokens.get(self.pos) {
                Some(t) => self.err(format!("expected `{p}`, found {}", t.kind)),
                None => self.err(format!("expected `{p}`, found end of expression")),
            }
        }
    }

    fn enter(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.err("expression nests too deeply");
        }
        Ok(())
    }

    fn expr(&mut self) -> Result<Node, ExprError> {
        self.enter()?;
        let r = self.or();
        self.depth -= 1;
        r
    }

    fn binary(&mut self, op: BinOp, l: Node, r: Node) -> Result<Node, ExprError> {
        self.bump_node()?;
        Ok(Node::Binary(op, Box::new(l), Box::new(r)))
    }

    fn or(&mut self) -> Result<Node, ExprError> {
        let mut l = self.and()?;
        while self.peek_ident("or") {
            self.pos += 1;
            let r = self.and()?;
            l = self.binary(BinOp::Or, l, r)?;
        }
        Ok(l)
    }

    fn and(&mut self) -> Result<Node, ExprError> {
        let mut l = self.not()?;
        while self.peek_ident("and") {
            self.pos += 1;
            let r = self.not()?;
            l = self.binary(BinOp::And, l, r)?;
        }
        Ok(l)
    }

    fn not(&mut self) -> Result<Node, ExprError> {
        if self.peek_ident("not") {
            self.pos += 1;
            self.enter()?;
            let inner = self.not()?;
            self.depth -= 1;
            self.bump_node()?;
            return Ok(Node::Not(Box::new(inner)));
        }
        self.cmp()
    }

    fn cmp(&mut self) -> Result<Node, ExprError> {
        let l = self.add()?;
        let op = match self.tokens.get(self.pos).map(|t| &t.kind) {
            Some(Tok::Punct("==")) => BinOp::Eq,
            Some(Tok::Punct("!=")) => BinOp::Ne,
            Some(Tok::Punct("<")) => BinOp::Lt,
            Some(Tok::Punct("<=")) => BinOp::Le,
            Some(Tok::Punct(">")) => BinOp::Gt,
            Some(Tok::Punct(">=")) => BinOp::Ge,
            Some(Tok::Ident("in")) => BinOp::In,
            _ => return Ok(l),
        };
        self.pos += 1;
        let r = self.add()?;
        self.binary(op, l, r)
    }

    fn add(&mut self) -> Result<Node, ExprError> {
        let mut l = self.mul()?;
        loop {
            let op = if self.peek_punct("+") {
                BinOp::Add
            } else if self.peek_punct("-") {
                BinOp::Sub
            } else {
                return Ok(l);
            };
            self.pos += 1;
            let r = self.mul()?;
            l = self.binary(op, l, r)?;
        }
    }

    fn mul(&mut self) -> Result<Node, ExprError> {
        let mut l = self.unary()?;
        loop {
            let op = if self.peek_punct("*") {
                BinOp::Mul
            } else if self.peek_punct("/") {
                BinOp::Div
            } else {
                return Ok(l);
            };
            self.pos += 1;
            let r = self.unary()?;
            l = self.binary(op, l, r)?;
        }
    }

    fn unary(&mut self) -> Result<Node, ExprError> {
        if self.peek_punct("-") {
            self.pos += 1;
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            self.bump_node()?;
            return Ok(Node::Neg(Box::new(inner)));
        }
        self.postfix()
    }

    fn postfix(&mut self) -> Result<Node, ExprError> {
        let mut node = self.primary()?;
        while self.peek_punct(".") {
            self.pos += 1;
            match self.tokens.get(self.pos).map(|t| t.kind) {
                Some(Tok::Ident(name)) => {
                    self.pos += 1;
                    self.bump_node()?;
                    node = Node::Field(Box::new(node), FieldName::new(name));
                }
                _ => return self.err("expected a field name after `.`"),
            }
        }
        Ok(node)
    }

    fn primary(&mut self) -> Result<Node, ExprError> {
        self.bump_node()?;
        let Some(tok) = self.tokens.get(self.pos) else {
            return self.err("unexpected end of expression");
        };
        let offset = tok.offset;
        match tok.kind {
            Tok::Num(n) => {
                self.pos += 1;
                Decimal::from_str(n).map(Node::Num).map_err(|_| ExprError {
                    message: format!("`{n}` is not a number"),
                    offset,
                })
            }
            Tok::Str(s) => {
                self.pos += 1;
                Ok(Node::Str(s.to_string()))
            }
            Tok::Punct("(") => {
                self.pos += 1;
                let e = self.expr()?;
                self.expect_punct(")")?;
                Ok(e)
            }
            Tok::Punct("[") => {
                self.pos += 1;
                let mut items = Vec::new();
                if !self.peek_punct("]") {
                    loop {
                        items.push(self.expr()?);
                        if self.peek_punct(",") {
                            self.pos += 1;
                            continue;
                        }
                        break;
                    }
                }
                self.expect_punct("]")?;
                Ok(Node::List(items))
            }
            Tok::Ident(name) => {
                self.pos += 1;
                match name {
                    "true" => return Ok(Node::Bool(true)),
                    "false" => return Ok(Node::Bool(false)),
                    "null" => return Ok(Node::Null),
                    "and" | "or" | "not" | "in" => {
                        return Err(ExprError {
                            message: format!("`{name}` cannot start an operand"),
                            offset,
                        })
                    }
                    _ => {}
                }
                if !self.peek_punct("(") {
                    return Ok(Node::Var(name.to_string()));
                }
                let Some((func, min, max)) = Func::from_name(name) else {
                    return Err(ExprError {
                        message: format!(
                            "unknown function `{name}`; known: {}",
                            Func::NAMES.join(", ")
                        ),
                        offset,
                    });
                };
                self.pos += 1;
                let mut args = Vec::new();
                if !self.peek_punct(")") {
                    loop {
                        args.push(self.expr()?);
                        if self.peek_punct(",") {
                            self.pos += 1;
                            continue;
                        }
                        break;
                    }
                }
                self.expect_punct(")")?;
                if args.len() < min || args.len() > max {
                    let want = if min == max {
                        min.to_string()
                    } else {
                        format!("{min} to {max}")
                    };
                    return Err(ExprError {
                        message: format!("`{name}` takes {want} argument(s), got {}", args.len()),
                        offset,
                    });
                }
                self.finish_call(func, args, offset)
            }
            Tok::Punct(p) => Err(ExprError {
                message: format!("unexpected `{p}`"),
                offset,
            }),
        }
    }

    /// A table argument must be a literal naming a table of the pack, so a typo fails at
    /// load time rather than yielding `null` for every label.
    fn check_table_arg(&self, arg: &mut Node, offset: usize) -> Result<(), ExprError> {
        let Node::Str(table) = arg else {
            return Err(ExprError {
                message: "the table name must be a literal string".into(),
                offset,
            });
        };
        if !(self.known_table)(table) {
            return Err(ExprError {
                message: format!("unknown table `{table}`"),
                offset,
            });
        }
        *arg = Node::Table(FieldName::new(table));
        Ok(())
    }

    /// A literal pattern of `matches` / `capture`, compiled now or on first use.
    fn pattern(
        &self,
        pattern: &str,
        offset: usize,
    ) -> Result<crate::primitives::required_chars::Pattern, ExprError> {
        crate::primitives::required_chars::Pattern::with(pattern, self.deferred_patterns).map_err(
            |e| ExprError {
                message: format!("bad pattern: {e}"),
                offset,
            },
        )
    }

    fn finish_call(
        &mut self,
        func: Func,
        mut args: Vec<Node>,
        offset: usize,
    ) -> Result<Node, ExprError> {
        match func {
            Func::Matches => {
                let Node::Str(pattern) = &args[1] else {
                    return Err(ExprError {
                        message: "`matches` needs a literal pattern".into(),
                        offset,
                    });
                };
                let re = self.pattern(pattern, offset)?;
                let subject = args.swap_remove(0);
                Ok(Node::Matches(Box::new(subject), Box::new(re)))
            }
            Func::Capture => {
                let (Node::Str(pattern), Node::Str(group)) = (&args[1], &args[2]) else {
                    return Err(ExprError {
                        message: "`capture` needs a literal pattern and a literal group".into(),
                        offset,
                    });
                };
                let re = self.pattern(pattern, offset)?;
                // A deferred pattern's groups were checked when the embedded packs were
                // compiled eagerly (tests); an eager one is checked here.
                let known = match re.compiled() {
                    None => true,
                    Some(compiled) => match group.parse::<usize>() {
                        Ok(i) => i < compiled.captures_len(),
                        Err(_) => compiled.capture_names().any(|n| n == Some(group.as_str())),
                    },
                };
                if !known {
                    return Err(ExprError {
                        message: format!("the pattern has no group `{group}`"),
                        offset,
                    });
                }
                let group = group.clone();
                let subject = args.swap_remove(0);
                Ok(Node::Capture(Box::new(subject), Box::new(re), group))
            }
            Func::AnyIn => {
                let (Node::Str(_), Node::Str(_)) = (&args[1], &args[2]) else {
                    return Err(ExprError {
                        message: "`any_in` needs a literal field name and a literal table name"
                            .into(),
                        offset,
                    });
                };
                self.check_table_arg(&mut args[2], offset)?;
                Ok(Node::Call(func, args))
            }
            Func::Lookup | Func::InTable | Func::AllInTable => {
                self.check_table_arg(&mut args[0], offset)?;
                Ok(Node::Call(func, args))
            }
            Func::Mentions | Func::WordsIn => {
                self.check_table_arg(&mut args[1], offset)?;
                Ok(Node::Call(func, args))
            }
            Func::Codelist => {
                let Node::Str(list) = &args[0] else {
                    return Err(ExprError {
                        message: "the code-list name must be a literal string".into(),
                        offset,
                    });
                };
                if !(self.known_table)(&format!("{CODELIST_PREFIX}{list}")) {
                    return Err(ExprError {
                        message: format!("unknown code list `{list}`"),
                        offset,
                    });
                }
                Ok(Node::Call(func, args))
            }
            _ => Ok(Node::Call(func, args)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Result<Expr, ExprError> {
        Expr::compile(s, &|t| t == "nrv")
    }

    #[test]
    fn every_listed_function_name_resolves_and_none_is_missing() {
        for name in Func::NAMES {
            assert!(Func::from_name(name).is_some(), "{name}");
        }
        // Every arm of `from_name` is listed: a source scan keeps the two in step.
        let src = include_str!("parse.rs");
        let arms = src
            .lines()
            .filter(|l| l.trim_start().starts_with('"') && l.contains("=> (Func::"))
            .count();
        assert_eq!(arms, Func::NAMES.len());
    }

    #[test]
    fn parses_precedence_and_paths() {
        let e = c("label.a.b + 2 * 3 >= 4 and not item.x").unwrap();
        assert!(matches!(e.root, Node::Binary(BinOp::And, _, _)));
        assert_eq!(
            c("label.nutrition.basis").unwrap().as_path().unwrap(),
            ("label".into(), vec!["nutrition".into(), "basis".into()])
        );
    }

    #[test]
    fn rejects_bad_input_with_offsets() {
        assert_eq!(
            c("1 +").unwrap_err().message,
            "unexpected end of expression"
        );
        assert_eq!(c("foo(1)").unwrap_err().offset, 0);
        assert!(c("lookup('nope', 1, 'x')")
            .unwrap_err()
            .message
            .contains("unknown table"));
        assert!(c("codelist('nope', 1, 'x')")
            .unwrap_err()
            .message
            .contains("unknown code list"));
        assert!(Expr::compile("codelist('gb2260', '150000', 'name')", &|t| t
            == "codelist:gb2260")
        .is_ok());
        assert!(c("matches(x, '(')")
            .unwrap_err()
            .message
            .contains("bad pattern"));
        assert!(c("'abc").unwrap_err().message.contains("unterminated"));
        assert!(c("1 # 2")
            .unwrap_err()
            .message
            .contains("unexpected character"));
        assert!(c(&"(".repeat(200))
            .unwrap_err()
            .message
            .contains("nests too deeply"));
        let big = vec!["1"; 600].join(" + ");
        assert!(c(&big).unwrap_err().message.contains("larger than"));
    }
}

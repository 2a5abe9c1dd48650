//! Evaluation of compiled expressions against a label.

use super::doc::Doc;
use super::parse::{BinOp, Func, Node};
use super::value::{Val, ValList};
use crate::date::Date;
use crate::pack::{CodeList, Table};

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// What every expression of one check can see besides its local names.
pub struct EvalContext<'a> {
    /// The normalised label, as the rules read it.
    pub label: &'a Doc<'a>,
    /// The tables of the pack the rule belongs to.
    pub tables: &'a crate::pack::Tables,
    /// The shared code lists (`codelist(…)`).
    pub codelists: &'a BTreeMap<String, CodeList>,
    /// Tags of the label's category and its ancestors, from the category catalogue.
    pub tags: &'a [String],
    /// The check date.
    pub as_of: Date,
}

/// Local names (`item`, `row`, `claim`, `let` bindings, `found`, …) over a context.
pub struct Scope<'c, 'a> {
    pub ctx: &'c EvalContext<'a>,
    vars: Vec<(&'c str, Val<'a>)>,
    /// The binding of `item`, the element a rule judges, kept apart from `vars`: it is the
    /// name read most (four of ten name lookups of a check), and rebound per element.
    item: Option<Val<'a>>,
    /// Whole-list aggregates already computed in this scope, keyed by the call's node and
    /// the list's address in the label: a rule run per element that asks
    /// `count(parent.fibres, 'trace', true)` computes it once per list, not once per
    /// element (which made such rules quadratic in the list's length).
    /// Only scalar results are kept (aggregates give numbers, booleans or null), so the
    /// memo owns its values and the scope stays covariant in its lifetimes.
    memo: std::cell::RefCell<crate::pack::FastMap<(usize, usize), Scalar>>,
    /// Names bound once for every rule of a pack (its `let`s), read after `vars`: lent to
    /// each rule's scope instead of copied into it (with a name search per copy).
    shared: &'c [(&'c str, Val<'a>)],
}

/// The name of the element a rule judges (see `Scope::item`).
const ITEM: &str = "item";

/// The allocation of a finished scope's bindings, kept for the next scope (see
/// `Scope::reusing` and `Scope::take_spare`). Its lifetimes are placeholders: it holds no
/// binding.
pub type SpareVars = Vec<(&'static str, Val<'static>)>;

/// An emptied vector's allocation, retyped: the rules of a check hand their bindings'
/// and elements' allocations from one to the next, each rule with its own lifetimes, and
/// the types differ only in those.
///
/// This was a `collect` over `into_iter` (the standard library reuses the buffer), with no
/// `unsafe`; its iterator machinery cost ≈ 120 instructions a call, four calls a rule,
/// 3.7 % of a check.
pub(crate) fn retype<T, U>(mut v: Vec<T>) -> Vec<U> {
    const {
        assert!(std::mem::size_of::<T>() == std::mem::size_of::<U>());
        assert!(std::mem::align_of::<T>() == std::mem::align_of::<U>());
    }
    v.clear();
    let mut v = std::mem::ManuallyDrop::new(v);
    // SAFETY: the vector is empty, and `T` and `U` have the same size and alignment (the
    // assertions above hold at compile time), so its buffer is a valid allocation for a
    // `Vec<U>` of the same capacity; the old vector is not dropped, so the buffer has one
    // owner.
    unsafe { Vec::from_raw_parts(v.as_mut_ptr().cast::<U>(), 0, v.capacity()) }
}

/// A memoised aggregate result.
#[derive(Clone, Copy)]
enum Scalar {
    Null,
    Bool(bool),
    Num(Decimal),
}

/// A node a field path reaches: in a table (`row.x`) or in the label (`item.x`).
#[derive(Clone, Copy)]
enum At<'a> {
    Json(&'a Value),
    Doc(&'a Doc<'a>),
}

impl<'a> At<'a> {
    fn field(self, name: &str) -> Option<At<'a>> {
        match self {
            At::Json(Value::Object(o)) => o.get(name).map(At::Json),
            At::Json(_) => None,
            At::Doc(d) => d.get(name).map(At::Doc),
        }
    }

    fn val(self) -> Val<'a> {
        match self {
            At::Json(v) => Val::from_json(v),
            At::Doc(d) => Val::from_doc(d),
        }
    }

    /// `self.val().is_present()`, without the value for the common cases.
    fn is_present(self) -> bool {
        match self {
            At::Doc(Doc::Null) => false,
            At::Doc(Doc::Bool(_)) => true,
            At::Doc(Doc::Str(s)) => !s.trim().is_empty(),
            At::Doc(Doc::Arr(a)) => !a.is_empty(),
            At::Doc(d @ (Doc::Obj(_) | Doc::Map(_))) => d.object_len().is_none_or(|n| n > 0),
            // A number is present when it is one the evaluator can hold.
            other => other.val().is_present(),
        }
    }
}

impl<'c, 'a> Scope<'c, 'a> {
    /// Whether a pack table (or, with [`crate::expr::CODELIST_PREFIX`], a code list) of
    /// this scope's context exists — what `CompileEnv::knows` answers at compile time, for
    /// what an embedded pack compiles on first use.
    pub fn knows(&self, name: &str) -> bool {
        match name.strip_prefix(crate::expr::CODELIST_PREFIX) {
            Some(list) => self.ctx.codelists.contains_key(list),
            None => self.ctx.tables.contains_key(name),
        }
    }

    pub fn new(ctx: &'c EvalContext<'a>) -> Self {
        Scope::with_shared(ctx, &[])
    }

    /// A scope that also sees `shared` (a pack's lets), under its own bindings.
    pub fn with_shared(ctx: &'c EvalContext<'a>, shared: &'c [(&'c str, Val<'a>)]) -> Self {
        Scope {
            ctx,
            // A rule binds a few names (its lets, `item`, `found`…): one allocation.
            vars: Vec::with_capacity(8),
            item: None,
            memo: Default::default(),
            shared,
        }
    }

    /// `with_shared`, its bindings in `spare`'s allocation (a finished scope's, from
    /// `take_spare`): the rules of a check share one allocation instead of one each.
    pub fn reusing(
        ctx: &'c EvalContext<'a>,
        shared: &'c [(&'c str, Val<'a>)],
        spare: SpareVars,
    ) -> Self {
        let mut vars = retype(spare);
        vars.reserve(8);
        Scope {
            ctx,
            vars,
            item: None,
            memo: Default::default(),
            shared,
        }
    }

    /// Takes the bindings' allocation, emptied, for the next scope (`reusing`): for the
    /// scope's last moment (a guard's `drop`); the scope has no bindings after it.
    pub fn take_spare(&mut self) -> SpareVars {
        retype(std::mem::take(&mut self.vars))
    }

    /// The pack table a table argument names (`Node::Table`, or a literal name), found
    /// at the position it had last time when it is still there.
    fn table(&self, arg: &Node) -> Option<&'a Table> {
        match arg {
            Node::Table(name) => self.ctx.tables.get_hinted(name, name.slot()),
            Node::Str(name) => self.ctx.tables.get(name),
            _ => None,
        }
    }

    /// The value bound to a local name, by reference: this scope's own bindings first,
    /// then the shared ones.
    fn bound(&self, name: &str) -> Option<&Val<'a>> {
        if name == ITEM {
            return self.item.as_ref();
        }
        self.vars
            .iter()
            .rev()
            .chain(self.shared.iter().rev())
            .find(|(n, _)| super::doc::same_name(n, name))
            .map(|(_, v)| v)
    }

    /// Binds `item`, the element a rule judges (`set("item", v)` without the name test:
    /// the engine binds it once per element, a few hundred times a label).
    pub fn set_item(&mut self, v: Val<'a>) {
        self.item = Some(v);
    }

    /// Binds (or rebinds) a local name.
    pub fn set(&mut self, name: &'c str, v: Val<'a>) {
        if name == ITEM {
            self.item = Some(v);
            return;
        }
        if let Some(slot) = self
            .vars
            .iter_mut()
            .find(|(n, _)| super::doc::same_name(n, name))
        {
            slot.1 = v;
        } else {
            self.vars.push((name, v));
        }
    }

    pub fn get(&self, name: &str) -> Val<'a> {
        if name == "label" {
            return Val::from_doc(self.ctx.label);
        }
        self.bound(name).cloned().unwrap_or(Val::Null)
    }

    /// Removes a local binding (used when a primitive leaves an item's scope).
    pub fn unset(&mut self, name: &str) {
        if name == ITEM {
            self.item = None;
            return;
        }
        self.vars.retain(|(n, _)| *n != name);
    }

    /// The value of `node`. Literals are answered here, inlined at the call: a fifth of
    /// the nodes a check evaluates are literals (most of them a function's text arguments,
    /// `'additive_form'`), and each paid the entry and exit of `eval_node`, a large
    /// function that saves six registers and sets up a frame before it looks at the node.
    #[inline]
    pub fn eval(&self, node: &'a Node) -> Val<'a> {
        match node {
            Node::Num(d) => Val::Num(*d),
            Node::Str(s) => Val::Str(Cow::Borrowed(s.as_str())),
            Node::Table(t) => Val::Str(Cow::Borrowed(t)),
            Node::Bool(b) => Val::Bool(*b),
            Node::Null => Val::Null,
            _ => self.eval_node(node),
        }
    }

    /// `eval` for the nodes that are not literals: a dispatch, each kind of node in a
    /// function of its own. One function for all of them needed the stack frame of the
    /// largest (six registers saved and a 300-byte frame), paid by every node, most of
    /// which are a field path or a call.
    #[inline(never)]
    fn eval_node(&self, node: &'a Node) -> Val<'a> {
        match node {
            Node::Num(_) | Node::Str(_) | Node::Table(_) | Node::Bool(_) | Node::Null => {
                self.eval(node)
            }
            Node::Var(name) => self.get(name),
            Node::Field(..) => self.field_value(node),
            Node::List(items) => self.list_value(items),
            Node::Neg(inner) => self.negated(inner),
            Node::Not(inner) => self.not(inner),
            Node::Binary(op, l, r) => self.binary(*op, l, r),
            Node::Matches(subject, re) => self.matches(subject, re),
            Node::Capture(subject, re, group) => self.capture(subject, re, group),
            Node::Call(f, args) => self.call(*f, args),
        }
    }

    #[inline(never)]
    fn field_value(&self, node: &'a Node) -> Val<'a> {
        self.json_at(node).map(At::val).unwrap_or(Val::Null)
    }

    #[inline(never)]
    fn list_value(&self, items: &'a [Node]) -> Val<'a> {
        Val::List(items.iter().map(|n| self.eval(n)).collect())
    }

    #[inline(never)]
    fn negated(&self, inner: &'a Node) -> Val<'a> {
        match self.eval(inner) {
            Val::Num(d) => Val::Num(-d),
            _ => Val::Null,
        }
    }

    #[inline(never)]
    fn not(&self, inner: &'a Node) -> Val<'a> {
        Val::Bool(!self.eval(inner).truthy())
    }

    #[inline(never)]
    fn matches(
        &self,
        subject: &'a Node,
        re: &crate::primitives::required_chars::Pattern,
    ) -> Val<'a> {
        match self.eval(subject) {
            Val::Str(s) => Val::Bool(re.is_match(&s)),
            _ => Val::Null,
        }
    }

    #[inline(never)]
    fn capture(
        &self,
        subject: &'a Node,
        re: &crate::primitives::required_chars::Pattern,
        group: &str,
    ) -> Val<'a> {
        match self.eval(subject) {
            Val::Str(s) => re
                .capture_groups(&s, [group])
                .and_then(|[g]| g)
                .map(|g| Val::Str(Cow::Owned(g.to_string())))
                .unwrap_or(Val::Null),
            _ => Val::Null,
        }
    }

    /// The node a root name stands for: the label, or a binding that is a node of the
    /// label or of a table (a computed value has none).
    #[inline(always)]
    fn var_at(&self, name: &str) -> Option<At<'a>> {
        if name == "label" {
            return Some(At::Doc(self.ctx.label));
        }
        match self.bound(name)? {
            Val::Json(v) => Some(At::Json(v)),
            Val::Doc(v) => Some(At::Doc(v)),
            _ => None,
        }
    }

    /// The node a field path names (`label.a.b`, `item.x`, `row.y`), walked by reference:
    /// no value is built for the steps on the way, and a bound name is not cloned. `None`
    /// where a step is not an object or the field is missing — `field` on anything but an
    /// object is null, so the caller's null is the value it always was.
    fn json_at(&self, node: &'a Node) -> Option<At<'a>> {
        match node {
            Node::Field(inner, name) => {
                // A path's root is found here, not in a call of its own: most paths are
                // one step from a name (`item.x`).
                let base = match &**inner {
                    Node::Var(root) => self.var_at(root)?,
                    other => self.json_at(other)?,
                };
                match base {
                    At::Doc(d) => d.get_hinted(name, name.slot()).map(At::Doc),
                    other => other.field(name),
                }
            }
            Node::Var(name) => self.var_at(name),
            other => match self.eval(other) {
                Val::Json(v) => Some(At::Json(v)),
                Val::Doc(v) => Some(At::Doc(v)),
                _ => None,
            },
        }
    }

    #[inline(never)]
    fn binary(&self, op: BinOp, l: &'a Node, r: &'a Node) -> Val<'a> {
        match op {
            BinOp::And => {
                if !self.eval(l).truthy() {
                    return Val::Bool(false);
                }
                Val::Bool(self.eval(r).truthy())
            }
            BinOp::Or => {
                if self.eval(l).truthy() {
                    return Val::Bool(true);
                }
                Val::Bool(self.eval(r).truthy())
            }
            _ => {
                let a = self.eval(l);
                let b = self.eval(r);
                match op {
                    BinOp::Add => arith(&a, &b, Decimal::checked_add),
                    BinOp::Sub => match (&a, &b) {
                        (Val::Date(x), Val::Date(y)) => Val::Num(Decimal::from(y.days_until(*x))),
                        _ => arith(&a, &b, Decimal::checked_sub),
                    },
                    BinOp::Mul => arith(&a, &b, Decimal::checked_mul),
                    BinOp::Div => arith(&a, &b, Decimal::checked_div),
                    BinOp::Eq => Val::Bool(a.loose_eq(&b)),
                    BinOp::Ne => Val::Bool(!a.loose_eq(&b)),
                    BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => match compare(&a, &b) {
                        Some(ord) => Val::Bool(match op {
                            BinOp::Lt => ord.is_lt(),
                            BinOp::Le => ord.is_le(),
                            BinOp::Gt => ord.is_gt(),
                            _ => ord.is_ge(),
                        }),
                        None => Val::Bool(false),
                    },
                    BinOp::In => Val::Bool(b.elements().any(|e| e.loose_eq(&a))),
                    BinOp::And | BinOp::Or => Val::Null,
                }
            }
        }
    }

    fn num(&self, n: &'a Node) -> Option<Decimal> {
        self.eval(n).as_num()
    }

    /// A call, through the aggregate memo when it is a whole-list aggregate (see
    /// `call_remembered`); any other function goes straight to its code.
    #[inline(always)]
    fn call(&self, f: Func, args: &'a [Node]) -> Val<'a> {
        let aggregate = matches!(
            f,
            Func::Count
                | Func::Any
                | Func::Sum
                | Func::SumIn
                | Func::CountIn
                | Func::CountPresent
                | Func::Len
        );
        // The functions a check calls most have their own code (and stack frames): a
        // call of `exists` paid the frame of every function.
        match f {
            _ if aggregate => self.call_remembered(f, args),
            Func::Exists => self.exists(args),
            Func::Lookup | Func::InTable | Func::AllInTable => self.lookup(f, args),
            Func::Codelist => self.codelist(args),
            _ => self.call_uncached(f, args),
        }
    }

    /// An aggregate call, through the memo when it runs over a list of the label with
    /// literal other arguments (its result then depends on the list alone).
    #[inline(never)]
    fn call_remembered(&self, f: Func, args: &'a [Node]) -> Val<'a> {
        let literal = |n: &Node| match n {
            Node::Num(_) | Node::Str(_) | Node::Table(_) | Node::Bool(_) | Node::Null => true,
            Node::List(items) => items
                .iter()
                .all(|i| matches!(i, Node::Num(_) | Node::Str(_) | Node::Bool(_) | Node::Null)),
            _ => false,
        };
        if args.is_empty() || !args[1..].iter().all(literal) {
            return self.call_uncached(f, args);
        }
        let list = match self.eval(&args[0]) {
            Val::Json(list @ Value::Array(_)) => list as *const Value as usize,
            Val::Doc(list @ Doc::Arr(_)) => list as *const Doc as usize,
            _ => return self.call_uncached(f, args),
        };
        let key = (args.as_ptr() as usize, list);
        if let Some(v) = self.memo.borrow().get(&key) {
            return match *v {
                Scalar::Null => Val::Null,
                Scalar::Bool(b) => Val::Bool(b),
                Scalar::Num(d) => Val::Num(d),
            };
        }
        let v = self.call_uncached(f, args);
        let cached = match &v {
            Val::Null => Some(Scalar::Null),
            Val::Bool(b) => Some(Scalar::Bool(*b)),
            Val::Num(d) => Some(Scalar::Num(*d)),
            _ => None,
        };
        if let Some(c) = cached {
            self.memo.borrow_mut().insert(key, c);
        }
        v
    }

    /// `exists(x)`. A field path is judged where it points, without the value built (a
    /// number is not turned into a decimal to be found present).
    #[inline(never)]
    fn exists(&self, args: &'a [Node]) -> Val<'a> {
        Val::Bool(match &args[0] {
            field @ Node::Field(..) => self.json_at(field).is_some_and(At::is_present),
            other => self.eval(other).is_present(),
        })
    }

    /// `lookup(table, key, column)` and `in_table(table, key)`.
    #[inline(never)]
    fn lookup(&self, f: Func, args: &'a [Node]) -> Val<'a> {
        let Some(t) = self.table(&args[0]) else {
            return Val::Null;
        };
        let key = self.eval(&args[1]);
        // A list of keys looks each one up: `lookup('allergens', groups, 'zh')`.
        if let (Val::List(keys), Func::Lookup) = (&key, f) {
            let Val::Str(col) = self.eval(&args[2]) else {
                return Val::Null;
            };
            return Val::List(
                keys.iter()
                    .map(|k| {
                        t.find(k)
                            .and_then(|row| row.get(col.as_ref()))
                            .map(Val::from_json)
                            .unwrap_or(Val::Null)
                    })
                    .collect(),
            );
        }
        if f == Func::AllInTable {
            return match &key {
                Val::List(keys) => {
                    Val::Bool(!keys.is_empty() && keys.iter().all(|k| t.find(k).is_some()))
                }
                _ => Val::Null,
            };
        }
        let mut row = t.find(&key);
        // A table keyed by category ids answers for the label's category from its
        // nearest listed ancestor: a category inherits what its parent is exempt
        // from (`food.meat.fresh.swine` is `food.meat.fresh` for Annex V), the same
        // reading `in_category` gives. Only the label's own category walks up, so
        // other dotted keys (`GB 12021.2-2015`) are never shortened.
        if row.is_none() {
            if let Val::Str(k) = &key {
                if Val::from_doc(self.ctx.label)
                    .field("category")
                    .loose_eq(&key)
                {
                    let mut cat: &str = k;
                    while row.is_none() {
                        let Some(dot) = cat.rfind('.') else { break };
                        cat = &cat[..dot];
                        row = t.find(&Val::Str(cat.into()));
                    }
                }
            }
        }
        if f == Func::InTable {
            return Val::Bool(row.is_some());
        }
        let Some(row) = row else { return Val::Null };
        match self.eval(&args[2]) {
            Val::Str(col) => row
                .get(col.as_ref())
                .map(Val::from_json)
                .unwrap_or(Val::Null),
            _ => Val::Null,
        }
    }

    /// `codelist(list, key, column)`.
    #[inline(never)]
    fn codelist(&self, args: &'a [Node]) -> Val<'a> {
        let Node::Str(name) = &args[0] else {
            return Val::Null;
        };
        let Some(list) = self.ctx.codelists.get(name) else {
            return Val::Null;
        };
        let key = self.eval(&args[1]);
        let (Some(row), Val::Str(col)) = (list.find(&key), self.eval(&args[2])) else {
            return Val::Null;
        };
        row.get(col.as_ref())
            .map(Val::from_json)
            .unwrap_or(Val::Null)
    }

    fn call_uncached(&self, f: Func, args: &'a [Node]) -> Val<'a> {
        // Field positions for the functions that read a field of every element of a list.
        let hint = std::sync::atomic::AtomicU32::new(0);
        let sum_hint = std::sync::atomic::AtomicU32::new(0);
        match f {
            Func::Exists => self.exists(args),
            Func::Len => match self.eval(&args[0]) {
                Val::Str(s) => Val::Num(Decimal::from(s.chars().count() as u64)),
                v => v
                    .list_len()
                    .map(|n| Val::Num(Decimal::from(n as u64)))
                    .unwrap_or(Val::Null),
            },
            Func::Coalesce => args
                .iter()
                .map(|a| self.eval(a))
                .find(|v| !v.is_null())
                .unwrap_or(Val::Null),
            Func::Abs => self
                .num(&args[0])
                .map(|d| Val::Num(d.abs()))
                .unwrap_or(Val::Null),
            Func::Min | Func::Max => {
                let mut best: Option<Decimal> = None;
                for a in args {
                    let Some(d) = self.num(a) else {
                        return Val::Null;
                    };
                    best = Some(match best {
                        None => d,
                        Some(b) if f == Func::Min => b.min(d),
                        Some(b) => b.max(d),
                    });
                }
                best.map(Val::Num).unwrap_or(Val::Null)
            }
            Func::Round | Func::RoundEven => {
                let (Some(x), Some(step)) = (self.num(&args[0]), self.num(&args[1])) else {
                    return Val::Null;
                };
                let strategy = if f == Func::Round {
                    RoundingStrategy::MidpointAwayFromZero
                } else {
                    RoundingStrategy::MidpointNearestEven
                };
                round_to_step(x, step, strategy)
                    .map(Val::Num)
                    .unwrap_or(Val::Null)
            }
            Func::IsMultiple => {
                let (Some(x), Some(step)) = (self.num(&args[0]), self.num(&args[1])) else {
                    return Val::Null;
                };
                if step.is_zero() {
                    return Val::Null;
                }
                x.checked_rem(step)
                    .map(|r| Val::Bool(r.is_zero()))
                    .unwrap_or(Val::Null)
            }
            Func::Lookup | Func::InTable | Func::AllInTable => self.lookup(f, args),
            Func::Split => match (self.eval(&args[0]), self.eval(&args[1])) {
                (Val::Str(text), Val::Str(seps)) => Val::List(
                    text.split(|c: char| seps.contains(c))
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(|p| Val::Str(Cow::Owned(p.to_string())))
                        .collect(),
                ),
                _ => Val::Null,
            },
            Func::Amount => {
                let id = self.eval(&args[0]);
                let rows = Val::from_doc(self.ctx.label)
                    .field("nutrition")
                    .field("rows");
                rows.elements()
                    .find(|r| r.field("nutrient").loose_eq(&id))
                    .map(|r| r.field("per_100"))
                    .unwrap_or(Val::Null)
            }
            Func::HasTag => match self.eval(&args[0]) {
                Val::Str(t) => Val::Bool(self.ctx.tags.iter().any(|x| x == t.as_ref())),
                _ => Val::Null,
            },
            Func::Contains => match (self.eval(&args[0]), self.eval(&args[1])) {
                (Val::Str(a), Val::Str(b)) => Val::Bool(a.contains(b.as_ref())),
                (list, x) if list.is_list() => Val::Bool(list.elements().any(|e| e.loose_eq(&x))),
                _ => Val::Null,
            },
            Func::StartsWith => match (self.eval(&args[0]), self.eval(&args[1])) {
                (Val::Str(a), Val::Str(b)) => Val::Bool(a.starts_with(b.as_ref())),
                _ => Val::Null,
            },
            Func::Lower => match self.eval(&args[0]) {
                // ASCII text with no capital is its own lower case (most units: `g`, `mg`).
                Val::Str(s) if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) => {
                    Val::Str(s)
                }
                Val::Str(s) => Val::Str(Cow::Owned(s.to_lowercase())),
                _ => Val::Null,
            },
            Func::Fold => match self.eval(&args[0]) {
                // Most printed units need no folding: no copy then.
                Val::Str(s)
                    if !s.chars().any(|c| {
                        c.is_whitespace() || ('\u{FF01}'..='\u{FF5E}').contains(&c) || c == '。'
                    }) =>
                {
                    Val::Str(s)
                }
                Val::Str(s) => Val::Str(Cow::Owned(crate::pack::fold_key(&s))),
                _ => Val::Null,
            },
            Func::Matches | Func::Capture => Val::Null, // compiled into their own nodes
            Func::Number => match self.eval(&args[0]) {
                Val::Num(d) => Val::Num(d),
                Val::Str(s) => {
                    let t = s.trim();
                    if t.is_empty() || t.len() > 40 {
                        return Val::Null;
                    }
                    Decimal::from_str_exact(t)
                        .map(Val::Num)
                        .unwrap_or(Val::Null)
                }
                _ => Val::Null,
            },
            Func::Year => to_date(&self.eval(&args[0]))
                .map(|d| Val::Num(Decimal::from(d.ymd().0)))
                .unwrap_or(Val::Null),
            Func::AnyIn => {
                let (Node::Str(field), Some(t)) = (&args[1], self.table(&args[2])) else {
                    return Val::Null;
                };
                let list = self.eval(&args[0]);
                Val::Bool(
                    list.elements()
                        .any(|e| t.find(&e.field_hinted(field, &hint)).is_some()),
                )
            }
            Func::If => {
                if self.eval(&args[0]).truthy() {
                    self.eval(&args[1])
                } else {
                    self.eval(&args[2])
                }
            }
            Func::Join => {
                let sep = self.eval(&args[1]);
                let sep = sep.as_str().unwrap_or("");
                let parts: Vec<String> = self
                    .eval(&args[0])
                    .elements()
                    .filter_map(|e| match &e {
                        // Numbers and dates as a message shows them (to build readable
                        // `expected` texts such as `≥ 80 % = 2.08`); null and others dropped.
                        Val::Num(_) | Val::Date(_) => Some(e.display()),
                        Val::Json(serde_json::Value::Number(n)) => Some(n.to_string()),
                        _ => e.as_str().map(str::to_string),
                    })
                    .collect();
                Val::Str(Cow::Owned(parts.join(sep)))
            }
            Func::CountPresent => {
                let Val::Str(field) = self.eval(&args[1]) else {
                    return Val::Null;
                };
                let n = self
                    .eval(&args[0])
                    .elements()
                    .filter(|e| e.field_hinted(&field, &hint).is_present())
                    .count();
                Val::Num(Decimal::from(n as u64))
            }
            Func::InCategory => match (
                self.eval(&args[0]),
                Val::from_doc(self.ctx.label).field("category"),
            ) {
                (Val::Str(prefix), Val::Str(cat)) => {
                    Val::Bool(crate::pack::category_under(&cat, &prefix))
                }
                _ => Val::Null,
            },
            Func::Date => to_date(&self.eval(&args[0]))
                .map(Val::Date)
                .unwrap_or(Val::Null),
            Func::AddMonths | Func::AddDays => {
                let (Some(d), Some(n)) = (to_date(&self.eval(&args[0])), self.num(&args[1])) else {
                    return Val::Null;
                };
                let Some(n) = n.trunc().to_string().parse::<i64>().ok() else {
                    return Val::Null;
                };
                let out = if f == Func::AddMonths {
                    d.add_months(n)
                } else {
                    d.add_days(n)
                };
                out.map(Val::Date).unwrap_or(Val::Null)
            }
            Func::DaysBetween => {
                match (to_date(&self.eval(&args[0])), to_date(&self.eval(&args[1]))) {
                    (Some(a), Some(b)) => Val::Num(Decimal::from(a.days_until(b))),
                    _ => Val::Null,
                }
            }
            Func::AsOf => Val::Date(self.ctx.as_of),
            Func::Count | Func::Any => {
                let list = self.eval(&args[0]);
                let (Val::Str(field), want) = (self.eval(&args[1]), self.eval(&args[2])) else {
                    return Val::Null;
                };
                let n = list
                    .elements()
                    .filter(|e| e.field_hinted(&field, &hint).loose_eq(&want))
                    .count();
                if f == Func::Any {
                    Val::Bool(n > 0)
                } else {
                    Val::Num(Decimal::from(n as u64))
                }
            }
            Func::CountIn | Func::SumIn => {
                // count_in(list, 'key', values) / sum_in(list, 'field', 'key', values):
                // over the elements whose `key` equals one of `values` (a list or one value).
                let list = self.eval(&args[0]);
                let (sum_field, key, values) = if f == Func::SumIn {
                    let Val::Str(field) = self.eval(&args[1]) else {
                        return Val::Null;
                    };
                    (Some(field), self.eval(&args[2]), self.eval(&args[3]))
                } else {
                    (None, self.eval(&args[1]), self.eval(&args[2]))
                };
                let Val::Str(key) = key else {
                    return Val::Null;
                };
                let wanted: Vec<Val<'a>> = match &values {
                    v if v.is_list() => values.elements().collect(),
                    other => vec![other.clone()],
                };
                let mut total = Decimal::ZERO;
                for e in list.elements() {
                    let here = e.field_hinted(&key, &hint);
                    if !wanted.iter().any(|w| here.loose_eq(w)) {
                        continue;
                    }
                    let add = match &sum_field {
                        Some(field) => match e.field_hinted(field, &sum_hint).as_num() {
                            Some(d) => d,
                            None => continue,
                        },
                        None => Decimal::ONE,
                    };
                    match total.checked_add(add) {
                        Some(t) => total = t,
                        None => return Val::Null,
                    }
                }
                Val::Num(total)
            }
            Func::Sum => {
                let list = self.eval(&args[0]);
                let Val::Str(field) = self.eval(&args[1]) else {
                    return Val::Null;
                };
                let mut total = Decimal::ZERO;
                for e in list.elements() {
                    if let Some(d) = e.field_hinted(&field, &hint).as_num() {
                        match total.checked_add(d) {
                            Some(t) => total = t,
                            None => return Val::Null,
                        }
                    }
                }
                Val::Num(total)
            }
            Func::Codelist => self.codelist(args),
            Func::Mentions => {
                let (Val::Str(text), Some(t), Val::Str(col)) = (
                    self.eval(&args[0]),
                    self.table(&args[1]),
                    self.eval(&args[2]),
                ) else {
                    return Val::Null;
                };
                let search = crate::primitives::required_chars::WordSearch::new(&text);
                let mut out = Vec::new();
                for row in &t.rows {
                    for w in crate::pack::cell_texts(row, &col) {
                        if !w.is_empty() && search.contains(w) {
                            out.push(Val::Str(Cow::Owned(w.to_string())));
                        }
                    }
                }
                Val::List(ValList::new(out))
            }
            Func::WordsIn => {
                let text = match self.eval(&args[0]) {
                    Val::Str(s) => s.into_owned(),
                    v if v.is_list() => v
                        .elements()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect::<Vec<_>>()
                        .join("\n"),
                    v => match v.as_str() {
                        Some(s) => s.to_string(),
                        None => return Val::Null,
                    },
                };
                let (Some(t), Val::Str(words_col), Val::Str(excl_col)) = (
                    self.table(&args[1]),
                    self.eval(&args[2]),
                    self.eval(&args[3]),
                ) else {
                    return Val::Null;
                };
                // A word is tried against the set of bytes the text holds before any scan,
                // and a short text (an ingredient's name) is scanned directly: the two-way
                // set-up of `str::contains` per word was most of this function.
                use crate::primitives::required_chars::WordSearch;
                let whole = WordSearch::new(&text);
                let mut out = Vec::new();
                // A long table (claim_parts) is read through its word index: only the rows
                // with a word starting with one of the text's characters are tried.
                if let Some(ix) = (t.rows.len() > 24)
                    .then(|| t.word_index(&words_col, &excl_col))
                    .flatten()
                {
                    for i in ix.candidates(&text) {
                        let i = i as usize;
                        let excl = ix.excl[i].iter().map(String::as_str);
                        let words = ix.words[i].iter().map(String::as_str);
                        if word_after_exclusions(&text, &whole, excl, words) {
                            if let Some(k) = t.rows[i].get(t.key.as_str()) {
                                out.push(Val::from_json(k));
                            }
                        }
                    }
                    return Val::List(ValList::new(out));
                }
                for row in &t.rows {
                    let excl = crate::pack::cell_texts(row, &excl_col);
                    let words = crate::pack::cell_texts(row, &words_col);
                    if word_after_exclusions(&text, &whole, excl, words) {
                        if let Some(k) = row.get(t.key.as_str()) {
                            out.push(Val::from_json(k));
                        }
                    }
                }
                Val::List(ValList::new(out))
            }
            Func::Missing => {
                let b = self.eval(&args[1]);
                let b: Vec<Val<'a>> = b.elements().collect();
                Val::List(
                    self.eval(&args[0])
                        .elements()
                        .filter(|x| !b.iter().any(|y| x.loose_eq(y)))
                        .collect(),
                )
            }
            Func::TrimEnd => match (self.eval(&args[0]), self.eval(&args[1])) {
                (Val::Str(s), Val::Str(suffix)) if !suffix.is_empty() => {
                    let mut t: &str = &s;
                    while let Some(rest) = t.strip_suffix(suffix.as_ref()) {
                        t = rest;
                    }
                    Val::Str(Cow::Owned(t.to_string()))
                }
                (s @ Val::Str(_), Val::Str(_)) => s,
                _ => Val::Null,
            },
            Func::Find | Func::FindNoCase => {
                let list = self.eval(&args[0]);
                let (Val::Str(field), want, Val::Str(ret)) = (
                    self.eval(&args[1]),
                    self.eval(&args[2]),
                    self.eval(&args[3]),
                ) else {
                    return Val::Null;
                };
                // `find_nocase`: texts compared ignoring case (a text to find is required).
                let folded = match f {
                    Func::FindNoCase => match want.as_str() {
                        Some(w) => Some(w.to_lowercase()),
                        None => return Val::Null,
                    },
                    _ => None,
                };
                list.elements()
                    .find(|e| {
                        let v = e.field_hinted(&field, &hint);
                        match &folded {
                            Some(w) => v.as_str().is_some_and(|v| {
                                v.eq_ignore_ascii_case(w) || v.to_lowercase() == *w
                            }),
                            None => v.loose_eq(&want),
                        }
                    })
                    .map(|e| e.field(&ret))
                    .unwrap_or(Val::Null)
            }
            Func::FindAll => {
                let list = self.eval(&args[0]);
                let (Val::Str(field), want, Val::Str(ret)) = (
                    self.eval(&args[1]),
                    self.eval(&args[2]),
                    self.eval(&args[3]),
                ) else {
                    return Val::Null;
                };
                Val::List(
                    list.elements()
                        .filter(|e| e.field_hinted(&field, &hint).loose_eq(&want))
                        .map(|e| e.field(&ret))
                        .collect(),
                )
            }
        }
    }
}

fn arith<'a>(a: &Val<'a>, b: &Val<'a>, op: fn(Decimal, Decimal) -> Option<Decimal>) -> Val<'a> {
    match (a, b) {
        (Val::Num(x), Val::Num(y)) => op(*x, *y).map(Val::Num).unwrap_or(Val::Null),
        _ => Val::Null,
    }
}

fn compare(a: &Val<'_>, b: &Val<'_>) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Val::Num(x), Val::Num(y)) => Some(x.cmp(y)),
        (Val::Date(x), Val::Date(y)) => Some(x.cmp(y)),
        (Val::Str(x), Val::Str(y)) => Some(x.cmp(y)),
        (Val::Date(x), Val::Str(_)) => to_date(b).map(|y| x.cmp(&y)),
        (Val::Str(_), Val::Date(y)) => to_date(a).map(|x| x.cmp(y)),
        _ => None,
    }
}

/// Rounds `x` to the nearest multiple of `step` with the given tie rule.
pub fn round_to_step(x: Decimal, step: Decimal, strategy: RoundingStrategy) -> Option<Decimal> {
    if step <= Decimal::ZERO {
        return None;
    }
    let q = x.checked_div(step)?;
    q.round_dp_with_strategy(0, strategy).checked_mul(step)
}

/// Whether one of `words` occurs in `text` once the `exclusions` it holds are blanked out —
/// `words_in` for one row of its table. Only the exclusions the text holds can blank anything
/// (blanking writes U+0001, which no word contains, so it never makes a new occurrence);
/// longer ones first, so one inside another is blanked whole.
fn word_after_exclusions<'w>(
    text: &str,
    whole: &crate::primitives::required_chars::WordSearch,
    exclusions: impl Iterator<Item = &'w str>,
    mut words: impl Iterator<Item = &'w str>,
) -> bool {
    use crate::primitives::required_chars::WordSearch;
    let mut excl: Vec<&str> = exclusions
        .filter(|w| !w.is_empty() && whole.contains(w))
        .collect();
    if excl.len() > 1 {
        crate::order::sort_by_key(&mut excl, |w| std::cmp::Reverse(w.chars().count()));
    }
    let mut masked: std::borrow::Cow<'_, str> = std::borrow::Cow::Borrowed(text);
    for w in &excl {
        if masked.contains(w) {
            masked = std::borrow::Cow::Owned(masked.replace(w, "\u{1}"));
        }
    }
    let blanked = match &masked {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(m) => Some(WordSearch::new(m)),
    };
    let search = blanked.as_ref().unwrap_or(whole);
    words.any(|w| !w.is_empty() && search.contains(w))
}

/// Reads a date from a value: ISO text, or the printed forms the food standards allow
/// (`20100320`, `2010年03月20日`, `2010/03/20`, `2010.03.20`).
pub fn to_date(v: &Val<'_>) -> Option<Date> {
    match v {
        Val::Date(d) => Some(*d),
        Val::Str(s) => parse_printed_date(s),
        _ => None,
    }
}

/// Parses a printed year-month-day date in the common Chinese label forms.
pub fn parse_printed_date(s: &str) -> Option<Date> {
    let s = crate::date::printed_date_text(s);
    let s = s.as_ref();
    if let Some(d) = Date::parse_iso(s) {
        return Some(d);
    }
    let digits: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<Vec<_>>>()?;
    match digits.as_slice() {
        [ymd] if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) => {
            Date::from_ymd((ymd / 10_000) as i32, (ymd / 100) % 100, ymd % 100)
        }
        [y, m, d] if *y >= 1000 => Date::from_ymd(*y as i32, *m, *d),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A retyped vector is empty, keeps its buffer, and takes elements of the new type.
    #[test]
    fn retype_keeps_the_allocation_and_nothing_else() {
        let label = String::from("label");
        let mut v: Vec<(&str, Val<'_>)> = Vec::with_capacity(8);
        v.push((label.as_str(), Val::Str(Cow::Borrowed(label.as_str()))));
        v.push(("x", Val::List(ValList::new(vec![Val::Num(Decimal::ONE)]))));
        let buffer = v.as_ptr() as usize;
        let mut w: Vec<(&'static str, Val<'static>)> = retype(v);
        assert!(w.is_empty());
        assert_eq!(w.capacity(), 8);
        assert_eq!(w.as_ptr() as usize, buffer);
        w.push(("item", Val::Bool(true)));
        assert_eq!(w.len(), 1);
    }
    use crate::expr::Expr;

    /// The tests' context: their label, tables, code lists and tags, checked on 2026-11-26.
    fn context<'a>(
        label: &'a Doc<'a>,
        tables: &'a crate::pack::Tables,
        codelists: &'a BTreeMap<String, CodeList>,
        tags: &'a [String],
    ) -> EvalContext<'a> {
        EvalContext {
            label,
            tables,
            codelists,
            tags,
            as_of: Date::parse_iso("2026-11-26").unwrap(),
        }
    }

    fn eval_with(label: &Value, src: &str) -> Value {
        let tables = crate::pack::Tables::new();
        let mut codelists = BTreeMap::new();
        let list = crate::pack::CodeList::parse(
            "test.toml",
            r#"[list]
id = "regions"
title = { zh = "区划", en = "Regions" }
source = "test"
licence = "test"
key = "code"
columns = ["code", "name"]
rows = [["152500", "锡林郭勒盟"], ["150000", "内蒙古自治区"]]
"#,
        )
        .unwrap();
        codelists.insert("regions".to_string(), list);
        let mut tables = tables;
        tables.insert(
            "names".to_string(),
            crate::pack::Table::new(
                "names".into(),
                None,
                "id".into(),
                &[],
                vec![
                    serde_json::json!({"id": "a", "name": "乌珠穆沁羊肉"}),
                    serde_json::json!({"id": "b", "name": ["科尔沁牛肉", "科尔沁肥牛肉"]}),
                ],
            ),
        );
        tables.insert(
            "groups".to_string(),
            crate::pack::Table::new(
                "groups".into(),
                None,
                "id".into(),
                &[],
                vec![
                    serde_json::json!({"id": "milk", "zh": "乳", "words": ["乳", "牛奶"], "exclude": ["乳化剂", "乳酸"]}),
                    serde_json::json!({"id": "cereals", "zh": "麸质谷物", "words": ["小麦", "麸质"], "exclude": ["荞麦"]}),
                    serde_json::json!({"id": "eggs", "zh": "蛋", "words": ["蛋"], "exclude": ["蛋白质"]}),
                ],
            ),
        );
        tables.insert(
            "exempt".to_string(),
            crate::pack::Table::new(
                "exempt".into(),
                None,
                "id".into(),
                &[],
                vec![
                    serde_json::json!({"id": "food.meat.fresh", "point": 1}),
                    serde_json::json!({"id": "GB 12021", "point": 9}),
                ],
            ),
        );
        let tags = vec!["dairy".to_string()];
        let arena = crate::expr::Arena::new();
        let label = Doc::from_json(label, &arena);
        let ctx = context(&label, &tables, &codelists, &tags);
        let e = Expr::compile(src, &|t| {
            t == "codelist:regions" || t == "names" || t == "groups" || t == "exempt"
        })
        .unwrap();
        // Bound before the block ends: the value's temporaries go before `ctx` and `label`.
        let value = Scope::new(&ctx).eval(&e.root).to_json();
        value
    }

    /// `item`, kept apart from the other bindings, is bound, rebound and unbound like any
    /// name, is read through field paths and functions, and does not outlive its scope.
    #[test]
    fn item_binds_like_any_name() {
        let tables = crate::pack::Tables::new();
        let codelists = BTreeMap::new();
        let tags = Vec::new();
        let arena = crate::expr::Arena::new();
        let (label_json, element_json) = (
            serde_json::json!({"x": 1}),
            serde_json::json!({"name": "盐", "n": 2}),
        );
        let label = Doc::from_json(&label_json, &arena);
        let element = Doc::from_json(&element_json, &arena);
        let ctx = context(&label, &tables, &codelists, &tags);
        let compile = |src: &str| Expr::compile(src, &|_| false).unwrap();
        let (whole, field, exists, sum) = (
            compile("item"),
            compile("item.name"),
            compile("exists(item)"),
            compile("item.n + label.x"),
        );
        let mut scope = Scope::new(&ctx);
        assert_eq!(scope.eval(&exists.root).to_json(), Value::Bool(false));
        scope.set("item", Val::from_doc(&element));
        scope.set("other", Val::Num(Decimal::TEN));
        assert_eq!(scope.eval(&field.root).to_json(), serde_json::json!("盐"));
        assert_eq!(scope.eval(&sum.root).to_json(), serde_json::json!(3));
        scope.set("item", Val::Num(Decimal::ONE));
        assert_eq!(scope.eval(&whole.root).to_json(), serde_json::json!(1));
        assert_eq!(scope.eval(&field.root).to_json(), Value::Null);
        // `set_item` (the engine's, once per element) binds the same name.
        scope.set_item(Val::Num(Decimal::TWO));
        assert_eq!(scope.get("item").to_json(), serde_json::json!(2));
        assert_eq!(scope.eval(&sum.root).to_json(), Value::Null);
        scope.unset("item");
        assert_eq!(scope.eval(&exists.root).to_json(), Value::Bool(false));
        assert_eq!(scope.get("other").to_json(), serde_json::json!(10));
        scope.set("item", Val::from_doc(&element));
        let spare = scope.take_spare();
        drop(scope);
        let next = Scope::reusing(&ctx, &[], spare);
        assert_eq!(next.eval(&exists.root).to_json(), Value::Bool(false));
        assert_eq!(next.get("other").to_json(), Value::Null);
    }

    /// A table keyed by category ids answers for the label's category from its nearest
    /// listed ancestor; other dotted keys are looked up as written.
    #[test]
    fn category_keys_fall_back_to_the_nearest_listed_ancestor() {
        let l = serde_json::json!({"category": "food.meat.fresh.swine", "std": "GB 12021.2-2015"});
        assert_eq!(
            eval_with(&l, "lookup('exempt', label.category, 'point')"),
            serde_json::json!(1)
        );
        assert_eq!(
            eval_with(&l, "in_table('exempt', label.category)"),
            Value::Bool(true)
        );
        // Not the label's category: no walking up.
        assert_eq!(
            eval_with(&l, "in_table('exempt', 'food.meat.fresh.poultry')"),
            Value::Bool(false)
        );
        assert_eq!(
            eval_with(&l, "in_table('exempt', label.std)"),
            Value::Bool(false)
        );
        let other = serde_json::json!({"category": "food.meat"});
        assert_eq!(
            eval_with(&other, "in_table('exempt', label.category)"),
            Value::Bool(false)
        );
    }

    #[test]
    fn split_and_all_in_table() {
        let l = serde_json::json!({"t": "a。 b 。。c", "u": "a。z"});
        assert_eq!(
            eval_with(&l, "split(label.t, '。')"),
            serde_json::json!(["a", "b", "c"])
        );
        assert_eq!(
            eval_with(&l, "all_in_table('names', split(label.u, '。'))"),
            Value::Bool(false)
        );
        assert_eq!(
            eval_with(&l, "all_in_table('names', ['a', 'b'])"),
            Value::Bool(true)
        );
        assert_eq!(
            eval_with(&l, "all_in_table('names', [])"),
            Value::Bool(false)
        );
        assert_eq!(eval_with(&l, "split(label.missing, '。')"), Value::Null);
    }

    #[test]
    fn decimal_arithmetic_is_exact() {
        let l = serde_json::json!({"a": 3.8, "b": 1.2});
        assert_eq!(
            eval_with(&l, "label.a * label.b == 4.56"),
            Value::Bool(true)
        );
        assert_eq!(eval_with(&l, "0.1 + 0.2 == 0.3"), Value::Bool(true));
        assert_eq!(eval_with(&l, "round(2.45, 0.1)"), serde_json::json!(2.5));
        assert_eq!(
            eval_with(&l, "round_even(2.45, 0.1)"),
            serde_json::json!(2.4)
        );
        assert_eq!(eval_with(&l, "is_multiple(0.35, 0.1)"), Value::Bool(false));
    }

    #[test]
    fn words_in_finds_groups_inside_text_after_blanking_exclusions() {
        let l =
            serde_json::json!({"s": "致敏物质提示：含有小麦、蛋", "list": ["乳化剂", "荞麦粉"]});
        let w = |src: &str| eval_with(&l, src);
        assert_eq!(
            w("words_in(label.s, 'groups', 'words', 'exclude')"),
            serde_json::json!(["cereals", "eggs"])
        );
        // 高油酸小麦粉 names wheat; 脱脂乳粉 milk; 乳化剂 and 乳酸 are not milk.
        assert_eq!(
            w("words_in('高油酸小麦粉', 'groups', 'words', 'exclude')"),
            serde_json::json!(["cereals"])
        );
        assert_eq!(
            w("words_in('脱脂乳粉', 'groups', 'words', 'exclude')"),
            serde_json::json!(["milk"])
        );
        assert_eq!(
            w("words_in('乳化剂、乳酸', 'groups', 'words', 'exclude')"),
            serde_json::json!([])
        );
        // An exclusion blanks only its own characters: 乳化剂 and 乳粉 together still name milk.
        assert_eq!(
            w("words_in('乳化剂、乳粉', 'groups', 'words', 'exclude')"),
            serde_json::json!(["milk"])
        );
        // A list of texts is searched as one; 荞麦 is not wheat; 蛋白质 is not egg.
        assert_eq!(
            w("words_in(label.list, 'groups', 'words', 'exclude')"),
            serde_json::json!([])
        );
        assert_eq!(
            w("words_in('蛋白质', 'groups', 'words', 'exclude')"),
            serde_json::json!([])
        );
        assert_eq!(
            w("words_in(label.none, 'groups', 'words', 'exclude')"),
            Value::Null
        );
        assert_eq!(
            w("missing(['milk', 'eggs', 'cereals'], words_in(label.s, 'groups', 'words', 'exclude'))"),
            serde_json::json!(["milk"])
        );
        assert_eq!(w("missing(['a'], label.none)"), serde_json::json!(["a"]));
        assert_eq!(
            w("lookup('groups', ['eggs', 'nope', 'milk'], 'zh')"),
            serde_json::json!(["蛋", null, "乳"])
        );
    }

    #[test]
    fn join_takes_text_and_numbers_and_leaves_out_nulls() {
        let l = serde_json::json!({"v": 2.6, "names": ["a", 1.5, null, true]});
        assert_eq!(
            eval_with(&l, "join(['≥ 80 % = ', label.v * 0.8], '')"),
            serde_json::json!("≥ 80 % = 2.08")
        );
        assert_eq!(
            eval_with(&l, "join(label.names, '|')"),
            serde_json::json!("a|1.5")
        );
        assert_eq!(
            eval_with(&l, "join([label.missing, 'x'], '-')"),
            serde_json::json!("x")
        );
    }

    #[test]
    fn lower_cases_any_text() {
        let l = serde_json::json!({"u": "mg", "k": "kJ", "d": "ÄÖ Ǆ", "n": 5});
        assert_eq!(eval_with(&l, "lower(label.u)"), serde_json::json!("mg"));
        assert_eq!(eval_with(&l, "lower(label.k)"), serde_json::json!("kj"));
        assert_eq!(eval_with(&l, "lower(label.d)"), serde_json::json!("äö ǆ"));
        assert_eq!(eval_with(&l, "lower(label.n)"), Value::Null);
    }

    #[test]
    fn null_semantics() {
        let l = serde_json::json!({});
        assert_eq!(eval_with(&l, "label.x + 1"), Value::Null);
        assert_eq!(eval_with(&l, "label.x <= 20"), Value::Bool(false));
        assert_eq!(eval_with(&l, "not (label.x <= 20)"), Value::Bool(true));
        assert_eq!(eval_with(&l, "1 / 0"), Value::Null);
        assert_eq!(
            eval_with(&l, "has_tag('dairy') and not has_tag('meat')"),
            Value::Bool(true)
        );
    }

    #[test]
    fn code_lists_and_trim_end() {
        let l = serde_json::json!({"code": "152500"});
        assert_eq!(
            eval_with(&l, "codelist('regions', label.code, 'name')"),
            serde_json::json!("锡林郭勒盟")
        );
        assert_eq!(
            eval_with(&l, "codelist('regions', '锡林郭勒盟', 'code')"),
            serde_json::json!("152500")
        );
        assert_eq!(
            eval_with(&l, "codelist('regions', '159999', 'name')"),
            Value::Null
        );
        assert_eq!(
            eval_with(&l, "trim_end(label.code, '00')"),
            serde_json::json!("1525")
        );
        assert_eq!(
            eval_with(&l, "trim_end('150000', '00')"),
            serde_json::json!("15")
        );
        assert_eq!(
            eval_with(&l, "trim_end('152520', '00')"),
            serde_json::json!("152520")
        );
        assert_eq!(
            eval_with(&l, "trim_end('abc', '')"),
            serde_json::json!("abc")
        );
        assert_eq!(
            eval_with(&l, "mentions('东乌珠穆沁羊肉（冷冻）', 'names', 'name')"),
            serde_json::json!(["乌珠穆沁羊肉"])
        );
        assert_eq!(
            eval_with(&l, "mentions('科尔沁肥牛肉', 'names', 'name')"),
            serde_json::json!(["科尔沁肥牛肉"])
        );
        assert_eq!(
            eval_with(&l, "len(mentions('牛奶', 'names', 'name'))"),
            serde_json::json!(0)
        );
        assert_eq!(eval_with(&l, "trim_end(label.x, '0')"), Value::Null);
    }

    #[test]
    fn dates_and_lists() {
        let l = serde_json::json!({"d": "2026年10月01日", "rows": [{"n": "a", "v": 2}, {"n": "b", "v": 3}]});
        assert_eq!(
            eval_with(&l, "add_months(date(label.d), 6)"),
            serde_json::json!("2027-04-01")
        );
        assert_eq!(
            eval_with(&l, "days_between(date('20261001'), as_of())"),
            serde_json::json!(56)
        );
        assert_eq!(eval_with(&l, "sum(label.rows, 'v')"), serde_json::json!(5));
        assert_eq!(
            eval_with(&l, "count_present(label.rows, 'v')"),
            serde_json::json!(2)
        );
        assert_eq!(
            eval_with(&l, "count_present(label.rows, 'w')"),
            serde_json::json!(0)
        );
        assert_eq!(
            eval_with(&l, "find(label.rows, 'n', 'b', 'v')"),
            serde_json::json!(3)
        );
        assert_eq!(eval_with(&l, "'b' in ['a', 'b']"), Value::Bool(true));
        assert_eq!(
            eval_with(&l, "sum_in(label.rows, 'v', 'n', ['b', 'c'])"),
            serde_json::json!(3)
        );
        assert_eq!(
            eval_with(&l, "sum_in(label.rows, 'v', 'n', 'a')"),
            serde_json::json!(2)
        );
        assert_eq!(
            eval_with(&l, "count_in(label.rows, 'n', ['a', 'b', 'x'])"),
            serde_json::json!(2)
        );
        assert_eq!(
            eval_with(&l, "count_in(label.missing, 'n', ['a'])"),
            serde_json::json!(0)
        );
        assert_eq!(
            eval_with(&l, "matches('配料：水', '^配料')"),
            Value::Bool(true)
        );
    }

    #[test]
    fn code_segments_numbers_and_years() {
        let l = serde_json::json!({"code": "GF150123 10 0003", "d": "2026-11-26"});
        let re = r"'^GF\s*(?P<county>\d{6})\s*(?P<year>\d{2})\s*(\d{4})$'";
        assert_eq!(
            eval_with(&l, &format!("capture(label.code, {re}, 'county')")),
            serde_json::json!("150123")
        );
        assert_eq!(
            eval_with(&l, &format!("number(capture(label.code, {re}, '3'))")),
            serde_json::json!(3)
        );
        assert_eq!(
            eval_with(
                &l,
                &format!("2000 + number(capture(label.code, {re}, 'year')) <= year(as_of())")
            ),
            Value::Bool(true)
        );
        assert_eq!(
            eval_with(&l, &format!("capture('GF12', {re}, 'year')")),
            Value::Null
        );
        assert_eq!(
            eval_with(&l, "capture(label.none, '(a)', '1')"),
            Value::Null
        );
        assert_eq!(eval_with(&l, "number(' 09 ')"), serde_json::json!(9));
        assert_eq!(eval_with(&l, "number('9x')"), Value::Null);
        assert_eq!(eval_with(&l, "number(label.none)"), Value::Null);
        assert_eq!(eval_with(&l, "year(label.d)"), serde_json::json!(2026));
        assert_eq!(eval_with(&l, "year('not a date')"), Value::Null);
        let unknown_group = Expr::compile("capture('a', '(?P<x>a)', 'y')", &|_| false);
        assert!(unknown_group.is_err());
        let computed = Expr::compile("capture('a', label.re, 'x')", &|_| false);
        assert!(computed.is_err());
    }

    #[test]
    fn any_in_a_table() {
        let json = serde_json::json!({"marks": [{"s": "x"}, {"s": "eu_ecolabel"}], "none": []});
        let arena = crate::expr::Arena::new();
        let label = Doc::from_json(&json, &arena);
        let mut tables = crate::pack::Tables::new();
        tables.insert(
            "excellent".to_string(),
            Table::new(
                "excellent".into(),
                None,
                "id".into(),
                &["aliases".to_string()],
                vec![serde_json::json!({"id": "eu_ecolabel", "aliases": ["EU Ecolabel"]})],
            ),
        );
        let tags = Vec::new();
        let codelists = BTreeMap::new();
        let ctx = EvalContext {
            label: &label,
            tables: &tables,
            tags: &tags,
            as_of: Date::parse_iso("2026-11-26").unwrap(),
            codelists: &codelists,
        };
        let run = |src: &str| {
            let e = Expr::compile(src, &|t| t == "excellent").unwrap();
            let value = Scope::new(&ctx).eval(&e.root).to_json();
            value
        };
        assert_eq!(
            run("any_in(label.marks, 's', 'excellent')"),
            Value::Bool(true)
        );
        assert_eq!(
            run("any_in(label.none, 's', 'excellent')"),
            Value::Bool(false)
        );
        assert_eq!(
            run("any_in(label.missing, 's', 'excellent')"),
            Value::Bool(false)
        );
        assert!(Expr::compile("any_in(label.marks, 's', 'other')", &|t| t == "excellent").is_err());
    }
}

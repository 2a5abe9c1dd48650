//! Wall time per rule, summed over the checks a thread runs (feature `rule-timing`). The
//! engine's report says which rules ran, not what each cost; a profile by function cannot
//! tell one rule from another either, since every rule runs the same interpreter. This
//! is the attribution `lc-profile rules` prints, to pick the rules worth making cheaper.

use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

/// What one rule (or a pack's shared lets, as `PACK/lets`) cost on this thread.
#[derive(Clone, Debug, Default)]
pub struct RuleCost {
    pub time: Duration,
    /// Times the rule ran (once per check that reached it).
    pub runs: u64,
}

thread_local! {
    static COSTS: RefCell<HashMap<String, RuleCost>> = RefCell::new(HashMap::new());
}

/// Adds one run of `rule` that took `time`.
pub(crate) fn record(rule: &str, time: Duration) {
    COSTS.with(|c| {
        let mut c = c.borrow_mut();
        match c.get_mut(rule) {
            Some(cost) => {
                cost.time += time;
                cost.runs += 1;
            }
            None => {
                c.insert(rule.to_string(), RuleCost { time, runs: 1 });
            }
        }
    });
}

/// Adds the same run again under its outcome (`outcome/pass`, `outcome/not_applicable`…)
/// and, for a rule found not applicable, under `not_applicable/RULE`: a rule that visits
/// every element only to admit none costs as much as one that judges them.
pub(crate) fn record_outcome(rule: &str, outcome: &str, time: Duration) {
    record(&format!("{OUTCOME}{outcome}"), time);
    if outcome == "not_applicable" {
        record(&format!("{NOT_APPLICABLE}{rule}"), time);
    }
}

/// Key prefixes of the by-outcome records (`take` returns them with the rest).
pub const OUTCOME: &str = "outcome/";
pub const NOT_APPLICABLE: &str = "not_applicable/";

/// The costs recorded on this thread since the last call, most expensive first.
pub fn take() -> Vec<(String, RuleCost)> {
    let mut all: Vec<(String, RuleCost)> = COSTS.with(|c| c.borrow_mut().drain().collect());
    all.sort_by(|a, b| b.1.time.cmp(&a.1.time).then_with(|| a.0.cmp(&b.0)));
    all
}

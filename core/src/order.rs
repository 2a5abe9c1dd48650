//! Stable sorting through one non-generic routine.
//!
//! Why: every `sort_by` on a new element type or closure instantiates the standard
//! library's driftsort again — about 6 KB of WebAssembly each, and the crate had sixteen of
//! them (≈ 100 KB raw of the browser module, where every kilobyte is paid on a page's first
//! load). Here the order is worked out once, on `u32` positions with a `dyn` comparison —
//! one instantiation for the whole crate — and the slice is then permuted in place. The
//! lists sorted this way are short (a check's packs, a pack's files, a table's words), so
//! the indirect call per comparison costs nothing that shows; the shortest are sorted by
//! insertion without it.
//!
//! Same results as the standard library's stable sorts: equal elements keep their order.

use std::cmp::Ordering;

/// Lists up to this long are sorted by insertion, in place: a check sorts a few packs, and
/// the position list's allocation and the indirect calls cost more than the sort there.
const BY_INSERTION: usize = 12;

/// `v.sort_by(cmp)`: stable.
pub(crate) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() <= BY_INSERTION {
        // Stable: an element moves left only past greater ones.
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let order = {
        let items: &[T] = v;
        stable_order(items.len(), &mut |a, b| cmp(&items[a], &items[b]))
    };
    permute(v, order);
}

/// `v.sort_by_key(key)`: stable.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// `v.sort()`: stable.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..len` in sorted order: `order[k]` is the position of the element that
/// belongs at `k`. The one place a sort is instantiated.
#[inline(never)]
fn stable_order(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len).filter_map(|i| u32::try_from(i).ok()).collect();
    order.sort_by(|&a, &b| cmp(a as usize, b as usize));
    order
}

/// Puts the element at `order[k]` at `k`, following each cycle of the permutation with
/// swaps (an entry is marked done by pointing it at itself).
fn permute<T>(v: &mut [T], mut order: Vec<u32>) {
    if order.len() != v.len() {
        return; // more than u32::MAX elements: left as they were (no list here is near it)
    }
    for start in 0..v.len() {
        let mut at = start;
        while let Some(next) = order.get(at).map(|&n| n as usize) {
            if let Some(slot) = order.get_mut(at) {
                *slot = at as u32;
            }
            if next == start || next == at {
                break;
            }
            v.swap(at, next);
            at = next;
        }
    }
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// Each sort gives exactly the standard library's stable sort, equal elements in
        /// their first order (the pairs' second half tells them apart).
        #[test]
        fn answers_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, 0u16..1000), 0..80)) {
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            let mut got = v.clone();
            super::sort_by_key(&mut got, |p| p.0);
            proptest::prop_assert_eq!(&got, &want);
            let mut got = v.clone();
            super::sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            proptest::prop_assert_eq!(&got, &want);
            let mut want = v.clone();
            want.sort();
            let mut got = v;
            super::sort(&mut got);
            proptest::prop_assert_eq!(got, want);
        }
    }
}

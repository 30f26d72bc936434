//! A stable sort shared by every type that needs one. `slice::sort_by` is
//! compiled again for each element type and comparison, about 4 KB of wasm
//! each time; these sort positions (one compiled sort for all) and then
//! move the elements into place.

use std::cmp::Ordering;

/// Sorts `v` by `compare`, keeping the order of equal elements (as
/// `sort_by` does).
pub fn sort_stable_by<T>(v: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_positions(v.len(), &mut |a, b| compare(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `v` by `key`, keeping the order of equal keys (as `sort_by_key`
/// does).
pub fn sort_stable_by_key<T, K: Ord>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_stable_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the order `compare` gives, equal ones in their
/// first order.
#[inline(never)]
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (0, 'f')];
        sort_stable_by_key(&mut v, |p| p.0);
        assert_eq!(
            v,
            [(0, 'f'), (1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]
        );
    }

    #[test]
    fn as_the_standard_stable_sort_on_many_elements() {
        // A fixed pseudo-random sequence with many repeated keys.
        let mut x: u32 = 12345;
        let items: Vec<(u32, usize)> = (0..500)
            .map(|i| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((x >> 16) % 37, i)
            })
            .collect();
        let mut ours = items.clone();
        sort_stable_by(&mut ours, |a, b| b.0.cmp(&a.0));
        let mut std = items;
        std.sort_by_key(|b| std::cmp::Reverse(b.0));
        assert_eq!(ours, std);
        let mut empty: Vec<String> = Vec::new();
        sort_stable_by_key(&mut empty, |s| s.len());
        assert!(empty.is_empty());
    }
}

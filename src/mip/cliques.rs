//! Stint cliques: valid inequalities of the model where officials may move more than once,
//! separated from a fractional LP point.
//!
//! An official holds one post a year, and takes up at most one stint of each group of
//! posts (one unit and grade; [`ONE_STINT_ROW`]). Take one official, one such group `G`
//! and two years `y1 < y2`. Pairwise, no two of these can both be 1:
//!
//! - the official's columns that hold a post in both years: a stint covering `y1..=y2`, or
//!   the current post held in `y2` (held for a prefix of the horizon, it is then held in
//!   `y1` too);
//! - the stints of `G` that cover one of the two years and not the other.
//!
//! Two of the first kind share a year; one of each kind share the year the second covers;
//! two of the second kind are two stints of `G`. So their sum is at most 1. The model's
//! own rows say less: where officials may move more than once, the LP over them can take
//! half of a stint for the whole horizon and half of two stints of one group, one in each
//! year, which no plan does. On the district with `max_moves = 0` and C00024 pinned to
//! P0010 in 2029, eight of these cuts raise the LP bound from 1,685.21 to 1,685.67 (the best
//! plan with the pin: 1,686.00).

use super::highs::Cut;
use super::{ColName, Model};
use std::collections::HashMap;

/// The row of a group of posts of which an official takes up at most one stint.
pub const ONE_STINT_ROW: &str = "one-stint-per-group";

/// How far over 1 a clique must be at `x` to be cut.
const VIOLATED: f64 = 1e-6;

/// The stint cliques of `m` that `x` (one value per column) breaks, the most broken first,
/// each once; only those over a group with a fractional stint, where an LP point breaks them.
pub fn separate(m: &Model, x: &[f64]) -> Vec<Cut> {
    broken(m, x, true)
}

/// Every stint clique of `m` that `x` breaks, whatever its values (`separate` looks only
/// where a stint is fractional): a plan of the model breaks none (`tests/brute_force.rs`).
pub fn broken_by(m: &Model, x: &[f64]) -> Vec<Cut> {
    broken(m, x, false)
}

fn broken(m: &Model, x: &[f64], fractional_only: bool) -> Vec<Cut> {
    // With one move an official the model has no such group (its move count says it).
    if !m.rows.iter().any(|r| r.name.rule == ONE_STINT_ROW) {
        return Vec::new();
    }
    let (lo, hi) = m.cols.iter().fold((i32::MAX, i32::MIN), |(lo, hi), c| match c.name {
        ColName::Hold(_, _, y) => (lo.min(y), hi.max(y)),
        ColName::Entry(_, _, a, b) => (lo.min(a), hi.max(b)),
        ColName::Aux(..) => (lo, hi),
    });
    if lo > hi {
        return Vec::new();
    }
    // Per official: their stints `(column, first, last)` and current-post columns by year.
    let mut stints: HashMap<u32, Vec<(u32, i32, i32)>> = HashMap::new();
    let mut held: HashMap<(u32, i32), u32> = HashMap::new();
    for (c, col) in m.cols.iter().enumerate() {
        match col.name {
            ColName::Entry(p, _, a, b) => stints.entry(p.0).or_default().push((c as u32, a, b)),
            ColName::Hold(p, _, y) => {
                held.insert((p.0, y), c as u32);
            }
            ColName::Aux(..) => {}
        }
    }
    let fractional = |c: u32| x[c as usize] > VIOLATED && x[c as usize] < 1.0 - VIOLATED;
    let span = |c: u32| match m.cols[c as usize].name {
        ColName::Entry(_, _, a, b) => (a, b),
        _ => (i32::MAX, i32::MIN),
    };
    let mut cuts: Vec<(f64, Cut)> = Vec::new();
    for (r, row) in m.rows.iter().enumerate() {
        if row.name.rule != ONE_STINT_ROW {
            continue;
        }
        let group: Vec<u32> = m.index[m.start[r]..m.start[r + 1]].to_vec();
        if fractional_only && !group.iter().any(|&c| fractional(c)) {
            continue;
        }
        let Some(own) = stints.get(&row.name.a) else { continue };
        for y1 in lo..hi {
            for y2 in y1 + 1..=hi {
                let mut terms: Vec<u32> = own.iter().filter(|&&(_, a, b)| a <= y1 && y2 <= b).map(|&(c, ..)| c).collect();
                // The current post held in `y2`, when it can be held in `y1` (its prefix
                // rows then hold it there).
                if let (Some(&c), true) = (held.get(&(row.name.a, y2)), held.contains_key(&(row.name.a, y1))) {
                    terms.push(c);
                }
                terms.extend(group.iter().filter(|&&c| {
                    let (a, b) = span(c);
                    (a <= y1 && y1 <= b) != (a <= y2 && y2 <= b)
                }));
                let sum: f64 = terms.iter().map(|&c| x[c as usize]).sum();
                if sum > 1.0 + VIOLATED {
                    terms.sort_unstable();
                    terms.dedup();
                    cuts.push((sum, Cut { lower: None, upper: Some(1.0), terms: terms.into_iter().map(|c| (c, 1.0)).collect() }));
                }
            }
        }
    }
    cuts.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut seen = std::collections::HashSet::new();
    cuts.into_iter()
        .filter(|(_, cut)| seen.insert(cut.terms.iter().map(|t| t.0).collect::<Vec<_>>()))
        .map(|(_, cut)| cut)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mip::{Col, RowName};
    use crate::scenario::{PersonIx, PostIx};

    /// One official: their current post held in 2027 and 2028, a stint in post 0 for the
    /// whole horizon, and two stints of one group (posts 1 and 2) over the years given.
    fn model(first: (i32, i32), second: (i32, i32)) -> (Model, [Col; 5]) {
        let mut m = Model::default();
        let p = PersonIx(0);
        let held27 = m.add_binary(0.0, ColName::Hold(p, PostIx(9), 2027));
        let held28 = m.add_binary(0.0, ColName::Hold(p, PostIx(9), 2028));
        let whole = m.add_binary(0.0, ColName::Entry(p, PostIx(0), 2027, 2031));
        let first = m.add_binary(0.0, ColName::Entry(p, PostIx(1), first.0, first.1));
        let second = m.add_binary(0.0, ColName::Entry(p, PostIx(2), second.0, second.1));
        m.add_row(f64::NEG_INFINITY, 1.0, [(first, 1.0), (second, 1.0)], RowName { rule: ONE_STINT_ROW, a: 0, b: 1, year: 3 });
        (m, [held27, held28, whole, first, second])
    }

    fn at(m: &Model, values: &[(Col, f64)]) -> Vec<f64> {
        let mut x = vec![0.0; m.cols.len()];
        values.iter().for_each(|&(c, v)| x[c.0 as usize] = v);
        x
    }

    /// Half the whole horizon in post 0 and half of each stint of the group: the years
    /// 2027 and 2029 (among others) are held in full, yet no plan takes both stints. The
    /// cut: the stint over both years and the two stints, at most 1.
    #[test]
    fn half_of_two_stints_of_one_group_is_cut() {
        let (m, [_, _, whole, first, second]) = model((2027, 2028), (2029, 2030));
        let cuts = separate(&m, &at(&m, &[(whole, 0.5), (first, 0.5), (second, 0.5)]));
        assert!(!cuts.is_empty());
        let terms: Vec<u32> = cuts[0].terms.iter().map(|t| t.0).collect();
        assert_eq!(terms, vec![whole.0, first.0, second.0]);
        assert_eq!((cuts[0].lower, cuts[0].upper), (None, Some(1.0)));
        let distinct: std::collections::HashSet<Vec<u32>> = cuts.iter().map(|c| c.terms.iter().map(|t| t.0).collect()).collect();
        assert_eq!(distinct.len(), cuts.len(), "each cut once");
    }

    /// The current post held in the later year stands for a column over both years (its
    /// prefix rows hold it in the earlier one): half of it for 2027–2028 and half of two
    /// one-year stints of one group is cut; not half of one stint.
    #[test]
    fn the_current_post_held_later_counts_over_both_years() {
        let (m, [held27, held28, whole, first, second]) = model((2027, 2027), (2028, 2028));
        let cuts = separate(&m, &at(&m, &[(held27, 0.5), (held28, 0.5), (first, 0.5), (second, 0.5)]));
        let terms: Vec<Vec<u32>> = cuts.iter().map(|c| c.terms.iter().map(|t| t.0).collect()).collect();
        assert_eq!(terms, vec![vec![held28.0, whole.0, first.0, second.0]]);
        assert!(separate(&m, &at(&m, &[(held27, 0.5), (held28, 0.5), (first, 0.5)])).is_empty());
    }

    /// Near misses: half the horizon and half of one stint only (a plan's half: the other
    /// half of the years is free); and every plan of the model (each column 0 or 1 with its
    /// rows kept) breaks no cut.
    #[test]
    fn no_cut_where_a_plan_could_be() {
        let (m, [held27, held28, whole, first, second]) = model((2027, 2028), (2029, 2030));
        assert!(separate(&m, &at(&m, &[(whole, 0.5), (first, 0.5)])).is_empty());
        for bits in 0..32u32 {
            let x: Vec<f64> = (0..5).map(|k| f64::from(bits >> k & 1)).collect();
            let covers = |y: i32| -> f64 {
                [(held27, 2027, 2027), (held28, 2028, 2028), (whole, 2027, 2031), (first, 2027, 2028), (second, 2029, 2030)]
                    .iter()
                    .filter(|&&(_, a, b)| a <= y && y <= b)
                    .map(|&(c, ..)| x[c.0 as usize])
                    .sum()
            };
            let plan =
                (2027..=2031).all(|y| covers(y) <= 1.0) && x[first.0 as usize] + x[second.0 as usize] <= 1.0 && x[1] <= x[0];
            if plan {
                assert!(broken_by(&m, &x).is_empty(), "a plan cut off: {x:?}");
            }
        }
    }
}

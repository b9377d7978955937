//! Column generation over a fully built model: the solver sees only a working set of the
//! prunable columns (moves), and the LP duals of the working set price every other column
//! exactly. When no column prices out, the working set's LP optimum is the LP optimum of
//! the whole model, so it is an honest lower bound for the whole model, not just for the
//! columns the solver saw. The MIP is then solved over the working set and its gap is
//! reported against that bound.

use super::highs::{LpOutcome, LpSession, LpSolution};
use super::{Model, SolveOptions};
use crate::error::Result;
use std::collections::HashMap;

/// The outcome of column generation.
#[derive(Debug, Clone)]
pub struct Generated {
    /// Which columns of the full model are in the final working set.
    pub keep: Vec<bool>,
    /// LP optimum of the full model (a bound on its MIP optimum); `None` if the working set
    /// never became LP-feasible (then `keep` is every column).
    pub lp_bound: Option<f64>,
    /// Whether the working set is complete in effect: either pricing proved `lp_bound` or
    /// `keep` is every column. `false` when the time limit stopped pricing; then no bound
    /// for the whole model is known from the working set.
    pub complete: bool,
    /// Pricing rounds.
    pub rounds: usize,
    /// LP solution over the final working set, indexed like the full model; when pricing
    /// was stopped, the last LP solved (empty if none).
    pub lp_x: Vec<f64>,
    /// Reduced cost, at the final LP duals, of every column left out of the working set
    /// (`+inf` for the columns in it): a plan that uses column `c` costs at least
    /// `lp_bound + reduced[c]`, which is what makes the working set's MIP exact or not.
    pub reduced: Vec<f64>,
}

/// Reduced-cost tolerance below which a column prices out.
const PRICE_TOL: f64 = 1e-6;

/// Which columns may be left out of the working set, and how fast it grows.
#[derive(Debug, Clone)]
pub struct Pricing<'a> {
    /// Columns that may be left out (the rest are always in).
    pub prunable: &'a [bool],
    /// Group of each prunable column (a person); each round adds at most `per_group`
    /// columns per group, the most negative, which keeps the working set small on the very
    /// degenerate LPs of assignment problems.
    pub group: &'a [u32],
    /// Columns per group and round.
    pub per_group: usize,
    /// Rows with a positive lower bound first get this many of their prunable columns
    /// (cheapest first), so the working set can meet them.
    pub per_row: usize,
    /// Pricing rounds before giving up on pruning (the working set becomes every column).
    pub max_rounds: usize,
}

/// Grows `initial` (a mask over the columns of `m`) with prunable columns of negative
/// reduced cost until none is left, calling `on_round(round, lp)` after each LP.
pub fn generate(
    m: &Model,
    pricing: &Pricing,
    initial: &[bool],
    opts: &SolveOptions,
    on_round: &mut dyn FnMut(usize, f64),
) -> Result<Generated> {
    let Pricing { prunable, group, per_group, per_row, max_rounds } = *pricing;
    let mut keep = initial.to_vec();
    for (c, p) in prunable.iter().enumerate() {
        keep[c] |= !p || m.cols[c].lb > 0.0; // a column forced to be nonzero is always in
    }
    for r in (0..m.rows.len()).filter(|&r| m.rows[r].lb > 0.0) {
        let mut cols: Vec<usize> = m.row_terms(r).map(|(c, _)| c.0 as usize).filter(|&c| prunable[c]).collect();
        cols.sort_by(|&a, &b| m.cols[a].cost.total_cmp(&m.cols[b].cost));
        cols.into_iter().take(per_row).for_each(|c| keep[c] = true);
    }
    let by_col = m.by_column();
    let (sub, mut kept) = m.restrict(&keep);
    let mut session = LpSession::new(&sub, opts)?;
    // Phase one by big M: every row that must be met (lb > 0) and has no slack of its own (a
    // continuous column that can raise it) gets an artificial column, in the LP only, so
    // that the working set always has an LP optimum and duals to price with. The LP bound
    // stands when no artificial is used at the end.
    let big_m = 1e3 * (1.0 + m.cols.iter().map(|c| c.cost.abs()).fold(0.0, f64::max));
    let slack = |(c, a): (super::Col, f64)| {
        let col = &m.cols[c.0 as usize];
        !col.integer && a > 0.0 && col.ub > 0.0
    };
    let must: Vec<[(u32, f64); 1]> =
        (0..m.rows.len()).filter(|&r| m.rows[r].lb > 0.0 && !m.row_terms(r).any(slack)).map(|r| [(r as u32, 1.0)]).collect();
    let artificials: Vec<_> = must.iter().map(|t| (big_m, 0.0, f64::INFINITY, &t[..])).collect();
    session.add_cols(&artificials)?;
    let artificial = sub.cols.len()..sub.cols.len() + must.len();
    // Position in the session of each column of `kept`.
    let mut slot: Vec<usize> = (0..kept.len()).collect();
    let mut columns = artificial.end;
    let mut widened = false;
    // The last LP solution, indexed like the full model: what a stopped pricing leaves.
    let mut last_x: Vec<f64> = Vec::new();
    for round in 1..=max_rounds {
        let t0 = std::time::Instant::now();
        let lp = if opts.stopped() { LpOutcome::Stopped } else { session.solve()? };
        tracing::debug!(round, lp_seconds = t0.elapsed().as_secs_f64(), "lp");
        let lp = match lp {
            LpOutcome::Optimal(sol) => Some(sol),
            LpOutcome::Infeasible => None,
            LpOutcome::Stopped => {
                // Out of time or stopped: the MIP gets the working set as it is, and nothing
                // is proven.
                tracing::info!(round, "pricing stopped by the time limit or the user");
                return Ok(Generated { keep, lp_bound: None, complete: false, rounds: round, lp_x: last_x, reduced: Vec::new() });
            }
        };
        let Some(LpSolution { objective, x, duals }) = lp else {
            // Without duals there is nothing to price: give every row that must be met all
            // of its columns once, then give up on pruning.
            if widened {
                tracing::info!(round, "working set LP infeasible; using every column");
                break;
            }
            widened = true;
            let mut entering = Vec::new();
            for r in (0..m.rows.len()).filter(|&r| m.rows[r].lb > 0.0) {
                for (c, _) in m.row_terms(r) {
                    let c = c.0 as usize;
                    if prunable[c] && !keep[c] {
                        keep[c] = true;
                        kept.push(c as u32);
                        slot.push(columns);
                        columns += 1;
                        entering.push((m.cols[c].cost, m.cols[c].lb, m.cols[c].ub, by_col[c].as_slice()));
                    }
                }
            }
            session.add_cols(&entering)?;
            continue;
        };
        let reduced_cost = |c: usize| m.cols[c].cost - by_col[c].iter().map(|&(r, a)| duals[r as usize] * a).sum::<f64>();
        let mut priced: Vec<(f64, usize)> = (0..m.cols.len())
            .filter(|&c| prunable[c] && !keep[c])
            .map(|c| (reduced_cost(c), c))
            .filter(|&(d, _)| d < -PRICE_TOL)
            .collect();
        tracing::debug!(round, columns = kept.len(), lp = objective, entering = priced.len(), "pricing");
        on_round(round, objective);
        let mut lp_x = vec![0.0; m.cols.len()];
        for (k, &c) in kept.iter().enumerate() {
            lp_x[c as usize] = x[slot[k]];
        }
        if priced.is_empty() {
            if x[artificial.clone()].iter().any(|&a| a > 1e-7) {
                // Even the best LP over every move leaves a hard row unmet (or M is too
                // small to tell): the MIP over every column decides.
                tracing::info!(round, "hard rows unmet in the LP; using every column");
                break;
            }
            let reduced = (0..m.cols.len()).map(|c| if keep[c] { f64::INFINITY } else { reduced_cost(c).max(0.0) }).collect();
            return Ok(Generated { keep, lp_bound: Some(objective), complete: true, rounds: round, lp_x, reduced });
        }
        last_x = lp_x;
        priced.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut taken: HashMap<u32, usize> = HashMap::new();
        let mut entering = Vec::new();
        for (_, c) in priced {
            let n = taken.entry(group[c]).or_default();
            if *n < per_group {
                *n += 1;
                keep[c] = true;
                kept.push(c as u32);
                slot.push(columns);
                columns += 1;
                let col = &m.cols[c];
                entering.push((col.cost, col.lb, col.ub, by_col[c].as_slice()));
            }
        }
        session.add_cols(&entering)?;
    }
    let keep = vec![true; m.cols.len()];
    Ok(Generated { keep, lp_bound: None, complete: true, rounds: max_rounds, lp_x: Vec::new(), reduced: Vec::new() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mip::{ColName, RowName};

    /// Assignment of 3 people to 3 posts with costs (2i + 3j) mod 4, and its LP optimum.
    fn assignment() -> (Model, f64) {
        let mut m = Model::default();
        let n = 3u32;
        let x: Vec<_> =
            (0..n * n).map(|k| m.add_binary(((k / n * 2 + k % n * 3) % 4) as f64, ColName::Aux("x", k, 0, 0))).collect();
        for i in 0..n {
            let name = RowName { rule: "p", a: i, b: 0, year: 0 };
            m.add_row(1.0, 1.0, (0..n).map(|j| (x[(i * n + j) as usize], 1.0)), name);
            m.add_row(1.0, 1.0, (0..n).map(|k| (x[(k * n + i) as usize], 1.0)), RowName { rule: "q", ..name });
        }
        let full = crate::mip::highs::solve_lp(&m, &SolveOptions::default()).unwrap().unwrap().objective;
        (m, full)
    }

    /// Pricing from `initial` (one group per person, one column per round and person).
    fn price(m: &Model, initial: &[bool]) -> Generated {
        let prunable = vec![true; m.cols.len()];
        let group: Vec<u32> = (0..m.cols.len() as u32).map(|c| c / 3).collect();
        let pricing = Pricing { prunable: &prunable, group: &group, per_group: 1, per_row: 0, max_rounds: 50 };
        generate(m, &pricing, initial, &SolveOptions::default(), &mut |_, _| {}).unwrap()
    }

    #[test]
    fn pricing_recovers_the_full_lp_optimum_from_a_poor_start() {
        let (m, full) = assignment();
        let initial: Vec<bool> = (0..9).map(|c| c % 4 == 0).collect(); // the diagonal: feasible, poor
        let g = price(&m, &initial);
        assert!((g.lp_bound.unwrap() - full).abs() < 1e-9, "{:?} vs {full}", g.lp_bound);
        assert!(g.reduced.iter().all(|&d| d >= 0.0), "no left-out column prices out at the end");
    }

    /// Phase one: from an empty working set the equality rows cannot be met, yet pricing
    /// (on the big-M artificials' duals) still reaches the full LP optimum.
    #[test]
    fn pricing_starts_from_an_infeasible_working_set() {
        let (m, full) = assignment();
        let g = price(&m, &[false; 9]);
        assert!((g.lp_bound.unwrap() - full).abs() < 1e-9, "{:?} vs {full}", g.lp_bound);
        assert!(g.keep.iter().any(|&k| !k), "some columns never needed");
    }
}

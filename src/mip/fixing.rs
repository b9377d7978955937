//! Reduced-cost fixing at a second optimal dual: fewer columns for a proof.
//!
//! A MIP that only has to prove a plan (or find a slightly better one) needs only the
//! columns that could be in a plan no worse: every plan costs at least a Lagrangian bound
//! `L(y)` plus the reduced cost at `y` of each column it uses, so a column with
//! `L(y) + d_c(y)` above the plan's objective can be left out, whatever dual `y` is used.
//! The LPs of assignment problems are very dual-degenerate: at the vertex pricing or the
//! pinned LP ends at, most columns that no optimal solution uses are priced at exactly 0
//! (13.1k of the 17.3k columns within the gap of C00078 in P0010 in 2029 on the district).
//! Another optimal dual prices many of them up, and any dual's floors hold beside the first.
//!
//! [`narrow`] finds one by perturbing the right-hand side, which is the dual's objective:
//! with every row bound moved by `−ε·Σ_{c∈Z} a_c` over the columns `Z` to price up (those at
//! 0 in the LP and in the plan), the dual simplex, from the optimal basis, goes to the dual
//! optimal point (for small `ε`) that maximises `Σ_{c∈Z} d_c`. Dual feasibility does not
//! depend on the right-hand side, so that dual is valid for the model as it is, and its
//! bound is computed from the model's own bounds. Columns every solution keeps at 0 (a
//! pinned official's other posts) make the perturbed rows infeasible; an elastic
//! column per perturbed row and sign, at a large cost, keeps the LP feasible (it only caps
//! the duals, which stay dual feasible).

use super::highs::{Basis, LpOutcome, LpSession, NewCol};
use super::{least_at_bounds, Model, SolveOptions};
use crate::error::Result;

/// How far each row bound moves per unit of coefficient of a column to price up: far
/// below the weights (one or two decimals), far above HiGHS's feasibility tolerance
/// (1e-7). On the district's window of C00078 in P0010, 1e-5 and 1e-6 left nearly the
/// same columns (8,430 and 8,431 of 17.3k, in a trial of one round).
const STEER: f64 = 1e-5;

/// The share of its columns a round of [`narrow`] must leave out for another round to run.
/// On the district's window of C00078 in P0010 in 2029 the rounds leave 17.3k, 8.7k, 7.7k,
/// 7.5k and 7.4k moves: after the second round the proof took 0.44–0.52 s instead of
/// 0.68–0.74 s after the first, the rounds after it gain a tenth of that; on the strict
/// district's proof 20.1k, 10.2k, 9.2k (the plan 11.8–13.8 s against 15.4–15.8 s with one
/// round, in the same runs).
const AGAIN: f64 = 0.2;

/// The cost of the elastic columns that keep the perturbed LP feasible: the duals'
/// largest magnitude.
const ELASTIC_COST: f64 = 1e5;

/// The columns of a model that could be in a plan no worse than a given one.
#[derive(Debug, Clone)]
pub struct Narrowed {
    /// The model of the columns kept (the plan's among them).
    pub model: Model,
    /// Their indices in the model narrowed.
    pub kept: Vec<u32>,
    /// A lower bound on the objective of every plan that uses a column left out (above the
    /// plan's objective).
    pub left_out: f64,
    /// The perturbed LP's optimal basis, the rows of the elastic columns it used basic
    /// (its basic columns have a reduced cost of 0, so none is left out): dual feasible
    /// for `model`'s LP, a few pivots from its optimum. A proof's root starts better from
    /// it than from the first dual's (whose basic columns may be left out): through
    /// HiGHS's presolve, the root LP of C00078 in P0010 in 2029 on the district took 1.7k
    /// iterations against 2.2k; without presolve, the strict district's root 2.7 s against
    /// 3.4–8.6 s.
    pub basis: Option<Basis>,
}

/// The columns of `m` that could be in a plan costing at most `upper` (the objective of
/// the plan `start`, an assignment of `m`'s columns), by the floors of a second optimal
/// dual of `m`'s LP, found from `basis` (an optimal basis of that LP, whose columns at
/// their lower bound are the ones priced up); then of a third, of the LP of what is left
/// from the second's basis, and so on while a round leaves out at least [`AGAIN`] of what
/// it is given. `None` when the LP stops, or when nothing is left out.
pub fn narrow(m: &Model, basis: &Basis, start: &[f64], upper: f64, opts: &SolveOptions) -> Result<Option<Narrowed>> {
    let Some(mut narrowed) = steer(m, basis, start, upper, opts)? else { return Ok(None) };
    let mut given = m.cols.len();
    while (given - narrowed.kept.len()) as f64 >= AGAIN * given as f64 {
        let Some(basis) = &narrowed.basis else { break };
        let start = super::pick(&narrowed.kept, start);
        let Some(next) = steer(&narrowed.model, basis, &start, upper, opts)? else { break };
        given = narrowed.kept.len();
        // A plan with a column this round left out is a plan of the model it was given
        // (or has a column an earlier round left out): either floor holds.
        narrowed =
            Narrowed { kept: super::pick(&next.kept, &narrowed.kept), left_out: narrowed.left_out.min(next.left_out), ..next };
    }
    Ok(Some(narrowed))
}

/// One round of [`narrow`]: the floors of the dual the steered LP ends at.
fn steer(m: &Model, basis: &Basis, start: &[f64], upper: f64, opts: &SolveOptions) -> Result<Option<Narrowed>> {
    let n = m.cols.len();
    if basis.cols.len() != n || basis.rows.len() != m.rows.len() {
        return Ok(None);
    }
    // What may be left out: integer columns at 0 in the plan (basic ones too: on the strict
    // district's proof 0.7k of the 10.9k left otherwise, whose root took 3.4 s instead of
    // 2.7 s).
    let open = |c: usize| m.cols[c].integer && m.cols[c].lb == 0.0 && start[c] < 0.5;
    let by_col = m.by_column();
    let mut shift = vec![0.0; m.rows.len()];
    for c in (0..n).filter(|&c| open(c) && basis.cols[c] == highs_sys::kHighsBasisStatusLower) {
        by_col[c].iter().for_each(|&(r, a)| shift[r as usize] += a);
    }
    let moved: Vec<usize> = (0..m.rows.len()).filter(|&r| shift[r] != 0.0).collect();
    if moved.is_empty() {
        return Ok(None);
    }
    let mut session = LpSession::new(m, opts)?;
    let elastic: Vec<[(u32, f64); 1]> = moved.iter().flat_map(|&r| [[(r as u32, 1.0)], [(r as u32, -1.0)]]).collect();
    let cols: Vec<NewCol> = elastic.iter().map(|e| (ELASTIC_COST, 0.0, f64::INFINITY, &e[..])).collect();
    session.add_cols(&cols)?;
    let mut start_basis = basis.clone();
    start_basis.cols.extend(std::iter::repeat_n(highs_sys::kHighsBasisStatusLower, cols.len()));
    session.set_basis(&start_basis);
    let bounds: Vec<(usize, f64, f64)> =
        moved.iter().map(|&r| (r, m.rows[r].lb - STEER * shift[r], m.rows[r].ub - STEER * shift[r])).collect();
    session.set_row_bounds(&bounds)?;
    let LpOutcome::Optimal(steered) = session.solve()? else { return Ok(None) };
    let reduced = m.reduced_costs(&by_col, &steered.duals);
    let floor = lagrangian(m, &steered.duals, &reduced);
    let keep: Vec<bool> = (0..n).map(|c| !open(c) || floor + reduced[c] <= upper + 1e-9).collect();
    let left_out = (0..n).filter(|&c| !keep[c]).map(|c| floor + reduced[c]).fold(f64::INFINITY, f64::min);
    if left_out == f64::INFINITY {
        return Ok(None);
    }
    // The perturbed LP's basis without the elastic columns: where one was basic, its row.
    let basis = session.basis().map(|b| {
        let mut rows = b.rows;
        for (k, &r) in moved.iter().enumerate() {
            if b.cols[n + 2 * k..n + 2 * k + 2].contains(&highs_sys::kHighsBasisStatusBasic) {
                rows[r] = highs_sys::kHighsBasisStatusBasic;
            }
        }
        Basis { cols: b.cols[..n].to_vec(), rows }
    });
    let (model, kept) = m.restrict(&keep);
    let basis = basis.map(|b| b.pick(&kept));
    Ok(Some(Narrowed { model, kept, left_out, basis }))
}

/// The Lagrangian bound of `m` at row duals `y` (reduced costs `reduced`): every point
/// within `m`'s bounds costs at least `offset + Σ_r y_r·(the row bound y_r's sign asks
/// for) + Σ_c d_c·(the column bound d_c's sign asks for)`; `-inf` where such a bound is
/// infinite. Duals and reduced costs within 1e-9 of 0 count as 0 ([`least_at_bounds`], as
/// in `colgen::lagrangian_bound`): far below the weights' decimals.
fn lagrangian(m: &Model, y: &[f64], reduced: &[f64]) -> f64 {
    let rows: f64 = m.rows.iter().zip(y).map(|(r, &y)| least_at_bounds(y, r.lb, r.ub)).sum();
    let cols: f64 = m.cols.iter().zip(reduced).map(|(c, &d)| least_at_bounds(d, c.lb, c.ub)).sum();
    m.offset + rows + cols
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mip::highs::LpSolution;
    use crate::mip::{ColName, RowName};

    /// An `n`×`n` assignment (each person one post, each post one person) of costs `cost`
    /// (row-major), with a vacancy column per post at `vacancy`.
    fn assignment(n: usize, cost: &[f64], vacancy: f64) -> Model {
        let mut m = Model::default();
        let x: Vec<_> = (0..n * n).map(|k| m.add_binary(cost[k], ColName::Aux("x", (k / n) as u32, (k % n) as u32, 0))).collect();
        let v: Vec<_> = (0..n).map(|j| m.add_col(0.0, 1.0, vacancy, false, ColName::Aux("v", j as u32, 0, 0))).collect();
        for i in 0..n {
            let name = RowName { rule: "person", a: i as u32, b: 0, year: 0 };
            m.add_row(1.0, 1.0, (0..n).map(|j| (x[i * n + j], 1.0)), name);
        }
        for j in 0..n {
            let name = RowName { rule: "post", a: j as u32, b: 0, year: 0 };
            m.add_row(1.0, 1.0, (0..n).map(|i| (x[i * n + j], 1.0)).chain([(v[j], 1.0)]), name);
        }
        m
    }

    /// Every integral point of `m` (binary columns; continuous ones at 0 or 1), by brute
    /// force: `(x, objective)` of those meeting every row.
    fn plans(m: &Model) -> Vec<(Vec<f64>, f64)> {
        let n = m.cols.len();
        (0u32..1 << n)
            .map(|bits| (0..n).map(|c| f64::from((bits >> c) & 1)).collect::<Vec<f64>>())
            .filter(|x| m.violation(x, 1e-9).0 == 0.0)
            .map(|x| {
                let o = m.objective(&x);
                (x, o)
            })
            .collect()
    }

    /// The LP's optimal basis, from a session.
    fn lp_basis(m: &Model) -> (LpSolution, Basis) {
        let mut s = LpSession::new(m, &SolveOptions::default()).unwrap();
        let LpOutcome::Optimal(sol) = s.solve().unwrap() else { panic!("LP not optimal") };
        (sol, s.basis().unwrap())
    }

    /// A 4×4 assignment (found by a search over random small costs) whose LP optimum is
    /// integral and whose optimal vertex from HiGHS prices three columns no optimal plan
    /// uses at exactly 0: the first dual leaves them in, the second prices them up (the
    /// hit; with the perturbation at 0 this fails). Every column left out is in no plan as
    /// good, by brute force.
    #[test]
    fn a_second_dual_leaves_out_what_the_first_keeps() {
        let cost = [3.0, 2.0, 0.0, 2.0, 0.0, 1.0, 3.0, 1.0, 1.0, 3.0, 0.0, 2.0, 3.0, 3.0, 1.0, 2.0];
        let m = assignment(4, &cost, 10.0);
        let (lp, basis) = lp_basis(&m);
        let start: Vec<f64> = lp.x.iter().map(|v| v.round()).collect();
        assert_eq!(start[..16].iter().map(|&v| v as u8).collect::<Vec<_>>(), [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
        let upper = m.objective(&start);
        let first = m.reduced_costs(&m.by_column(), &lp.duals);
        let narrowed = narrow(&m, &basis, &start, upper, &SolveOptions::default()).unwrap().expect("columns left out");
        let left_out: Vec<usize> = (0..m.cols.len()).filter(|c| !narrowed.kept.contains(&(*c as u32))).collect();
        for c in [3, 7, 11] {
            assert!(lp.objective + first[c] <= upper + 1e-9, "column {c}: the first dual leaves it out already");
            assert!(left_out.contains(&c), "column {c} kept: {left_out:?}");
        }
        let all = plans(&m);
        for &c in &left_out {
            let best = all.iter().filter(|(x, _)| x[c] > 0.5).map(|p| p.1).fold(f64::INFINITY, f64::min);
            assert!(best > upper, "column {c} left out, but a plan with it costs {best}");
            assert!(narrowed.left_out <= best + 1e-9, "{} above {best}", narrowed.left_out);
        }
        assert!(narrowed.left_out > upper);
        assert!((0..m.cols.len()).filter(|&c| start[c] > 0.5).all(|c| narrowed.kept.contains(&(c as u32))));
    }

    /// The near miss: every column is in some optimal plan (all costs equal), so none may
    /// be left out.
    #[test]
    fn leaves_out_nothing_when_every_column_is_in_an_optimal_plan() {
        let m = assignment(3, &[2.0; 9], 10.0);
        let (_, basis) = lp_basis(&m);
        let mut start = vec![0.0; m.cols.len()];
        [0, 4, 8].iter().for_each(|&c| start[c] = 1.0);
        let upper = m.objective(&start);
        assert!(narrow(&m, &basis, &start, upper, &SolveOptions::default()).unwrap().is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// On random 3×3 assignments with few distinct costs (so degenerate LPs) and a
        /// random plan: no column left out is in a plan as good, and the bound on those
        /// left out holds.
        #[test]
        fn what_is_left_out_is_worse_than_the_plan(
            cost in proptest::collection::vec(0u8..3, 9),
            perm in proptest::sample::select(vec![[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]),
        ) {
            let cost: Vec<f64> = cost.into_iter().map(f64::from).collect();
            let m = assignment(3, &cost, 10.0);
            let (_, basis) = lp_basis(&m);
            let mut start = vec![0.0; m.cols.len()];
            perm.iter().enumerate().for_each(|(i, &j)| start[i * 3 + j] = 1.0);
            let upper = m.objective(&start);
            if let Some(narrowed) = narrow(&m, &basis, &start, upper, &SolveOptions::default()).unwrap() {
                let all = plans(&m);
                for c in (0..m.cols.len()).filter(|c| !narrowed.kept.contains(&(*c as u32))) {
                    let best = all.iter().filter(|(x, _)| x[c] > 0.5).map(|p| p.1).fold(f64::INFINITY, f64::min);
                    proptest::prop_assert!(best > upper + 1e-9, "column {} left out; a plan with it costs {}", c, best);
                    proptest::prop_assert!(narrowed.left_out <= best + 1e-9);
                }
            }
        }
    }
}

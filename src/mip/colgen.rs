//! Column generation over a fully built model: the solver sees only a working set of the
//! prunable columns (moves), and the LP duals of the working set price every other column
//! exactly. When no column prices out, the working set's LP optimum is the LP optimum of
//! the whole model, so it is an honest lower bound for the whole model, not just for the
//! columns the solver saw. The MIP is then solved over the working set and its gap is
//! reported against that bound.

use super::highs::{Basis, LpOutcome, LpSession, LpSolution, NewRow};
use super::{Model, SolveOptions};
use crate::error::Result;
use std::collections::{HashMap, HashSet};

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
    /// Of them, those whose LP stopped at its iteration cap ([`Pricing::iterations_per_row`]).
    pub capped: usize,
    /// The best Lagrangian bound of the rounds ([`lagrangian_bound`]): a bound for the whole
    /// model even when pricing was stopped (`None` before any LP was solved to optimality).
    pub lagrangian: Option<f64>,
    /// LP solution over the final working set, indexed like the full model; when pricing
    /// was stopped, the last LP solved (empty if none), with the columns of the rows it
    /// breaks that waited out of it ([`Pricing::waiting`]) at 0.
    pub lp_x: Vec<f64>,
    /// Reduced cost, at the final LP duals, of every column (at least 0): a plan that uses
    /// column `c` costs at least `lp_bound + reduced[c]`, which is what makes a MIP over a
    /// subset of the columns exact or not.
    pub reduced: Vec<f64>,
    /// The final LP's optimal basis, indexed like the full model (a column pricing left
    /// out nonbasic at its lower bound): it starts the root LP of the MIPs that follow,
    /// which would otherwise solve it from scratch (`None` when pricing did not end).
    pub basis: Option<Basis>,
    /// Whether `lp_x` is a point of the LP that pricing fell back to ([`Pricing::fallback`]):
    /// within the fallback's bounds, the columns held back at 0.
    pub fell_back: bool,
}

impl Generated {
    /// Pricing stopped after `rounds` with the working set `keep` and the last LP's
    /// solution `lp_x` (of the fallback's LP or not): nothing proven but the Lagrangian
    /// bound.
    fn stopped(
        keep: Vec<bool>,
        (rounds, capped): (usize, usize),
        lagrangian: Option<f64>,
        (lp_x, fell_back): (Vec<f64>, bool),
    ) -> Generated {
        let (reduced, basis) = (Vec::new(), None);
        Generated { keep, lp_bound: None, complete: false, rounds, capped, lagrangian, lp_x, reduced, basis, fell_back }
    }

    /// [`Generated::basis`] for a model of the columns `kept` of the full one.
    pub fn basis_for(&self, kept: &[u32]) -> Option<Basis> {
        self.basis.as_ref().map(|b| b.pick(kept))
    }
}

/// Reduced-cost tolerance below which a column prices out.
const PRICE_TOL: f64 = 1e-6;

/// How far past its bound an LP solution must take a waiting row for the row to enter.
const BROKEN_TOL: f64 = 1e-6;

/// Pricing past its soft limit goes on while fewer moves price out than this share of the
/// working set: two or three rounds from the end on the city's parts and the 800-person
/// pool (1.2–3.5% there), where the rounds before add 4–10%. At 2% a city county stopped
/// with 2.5% (round 12 of 14), its bound the Lagrangian one, 100 below its LP.
const CLOSE: f64 = 0.035;

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
    /// Seconds after which pricing stops at the end of a round unless it is close to the
    /// end: fewer moves price out than [`CLOSE`] of the working set. The time limit of the
    /// options stops it in any case.
    pub soft_limit: f64,
    /// Seconds: past the soft limit, a round whose LP took at most this long (and less
    /// than the options' time left) does not stop pricing either, since the next is
    /// expected to fit before the time limit (and rounds near the end are cheaper). A
    /// city county stopped at round 11 of 14, 7% of its working set pricing out, its LP
    /// 0.9 s with 1.5 s left: its bound was the Lagrangian one, 350 below its LP.
    pub round_fits: f64,
    /// The years each column takes in its group (`None`: in none), for the Lagrangian
    /// bound. The model must imply that a group's columns take each year at most once
    /// and that at most `most_counted[group]` of its `counted` columns are used.
    pub spans: &'a [Option<Span>],
    /// Per group, the most `counted` columns it may use (`u32::MAX`: no limit).
    pub most_counted: &'a [u32],
    /// Columns held back (empty: none): priced in only once few of the others price out
    /// (fewer than [`CLOSE`] of the working set), so that the LPs first settle over the
    /// rest. The minimum-stay stints where officials may move more than once: each adds a
    /// way to split a person's years, and priced in from the start they kept the city's
    /// LPs fractional and pricing far from its end (docs/formulation.md, step 4).
    pub later: &'a [bool],
    /// Rows that wait out of the LP (empty: none) until its solution breaks them
    /// ([`waiting_rows`]).
    pub waiting: &'a [bool],
    /// Simplex iterations per row of the LP that a round's LP may take (`None`: no cap)
    /// until few moves price out ([`CLOSE`]); a round stopped at the cap prices with the
    /// dual simplex's duals there. The first rounds' duals are far from the last ones:
    /// solving their LPs to the end is work that the next columns undo. Only an LP solved
    /// to its optimum ends pricing, gives a Lagrangian bound, or guides the quick plan.
    pub iterations_per_row: Option<f64>,
    /// What pricing falls back to when it will not end in its time (`None`: nothing).
    pub fallback: Option<Fallback<'a>>,
}

/// A smaller LP that pricing falls back to when pricing over every column will not end in
/// its time: once `after` seconds have passed, a round in which more than `far` of the
/// working set prices out puts the upper `bounds` on their columns (always in the LP) and
/// the columns held back ([`Pricing::later`]) at 0, and pricing goes on over that LP
/// only. What it hands on ([`Generated::fell_back`]) proves nothing of the whole model,
/// but guides a plan within those bounds. Where officials may move more than once: one
/// move each, whose LP settles in the rounds one move an official takes (the 800-person
/// pool with `max_moves = 0` did not end pricing in its 46 s and kept its greedy plan).
#[derive(Debug, Clone, Copy)]
pub struct Fallback<'a> {
    /// `(column, upper bound)`.
    pub bounds: &'a [(usize, f64)],
    /// Seconds of pricing before it may fall back.
    pub after: f64,
    /// Share of the working set that must price out in a round for it to fall back.
    pub far: f64,
}

impl Fallback<'_> {
    /// The upper bounds `(column, bound)` the fallback puts on the columns `kept` of the
    /// model: its `bounds`, and 0 for the columns held back (`later`). What pricing puts on
    /// its LP, and what a plan from that LP's point ([`Generated::fell_back`]) keeps.
    pub fn limits<'k>(&'k self, kept: &'k [u32], later: &'k [bool]) -> impl Iterator<Item = (usize, f64)> + 'k {
        let held_back = kept.iter().map(|&c| c as usize).filter(|&c| later.get(c) == Some(&true)).map(|c| (c, 0.0));
        self.bounds.iter().copied().chain(held_back)
    }
}

/// The rows that may wait out of the pricing LPs until a solution breaks them: upper
/// limits on moves alone (columns that may be left out, `prunable`), such as one stint per
/// unit and grade or the next post after a minimum stay. A row out of the LP has the dual
/// a row with slack has, 0; so once no column prices out and no waiting row is broken, the
/// LP optimum is the whole model's, as without them. Few of them bind: on the district with
/// `max_moves = 0` they are 6.9k of its 11.1k rows, and left in they made every simplex
/// iteration of pricing dearer.
pub fn waiting_rows(m: &Model, prunable: &[bool]) -> Vec<bool> {
    (0..m.rows.len())
        .map(|r| {
            let row = &m.rows[r];
            row.lb == f64::NEG_INFINITY
                && row.ub.is_finite()
                && m.row_terms(r).next().is_some()
                && m.row_terms(r).all(|(c, _)| prunable[c.0 as usize])
        })
        .collect()
}

/// A column's run of years within its group (a person's post in one year, or a stint).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    /// The group (a person).
    pub group: u32,
    /// First year taken.
    pub first: i32,
    /// Last year taken.
    pub last: i32,
    /// Whether it counts against the group's `most_counted` (a move).
    pub counted: bool,
}

/// An LP solution `x` (by position in the session, `col_at`) indexed like `m`: the columns
/// `kept` in the LP at their values, the rest at 0.
fn on_model(m: &Model, kept: &[u32], col_at: &[u32], x: &[f64]) -> Vec<f64> {
    let mut on = vec![0.0; m.cols.len()];
    for &c in kept {
        on[c as usize] = x[col_at[c as usize] as usize];
    }
    on
}

/// `x` with the columns of the rows `broken` at 0.
fn unseen(mut x: Vec<f64>, m: &Model, broken: &[usize]) -> Vec<f64> {
    for &r in broken {
        m.row_terms(r).for_each(|(c, _)| x[c.0 as usize] = 0.0);
    }
    x
}

/// The rows of a model in a pricing session: the position of each (`u32::MAX`: waiting
/// out of it, [`Pricing::waiting`]).
struct RowsIn {
    at: Vec<u32>,
    count: u32,
}

impl RowsIn {
    /// Every row of `m` but those that wait.
    fn new(m: &Model, waits: impl Fn(usize) -> bool) -> RowsIn {
        let mut rows = RowsIn { at: vec![u32::MAX; m.rows.len()], count: 0 };
        for r in (0..m.rows.len()).filter(|&r| !waits(r)) {
            rows.at[r] = rows.count;
            rows.count += 1;
        }
        rows
    }

    /// The waiting rows of `m` that `x` (indexed like `m`) breaks.
    fn broken(&self, m: &Model, x: &[f64]) -> Vec<usize> {
        (0..m.rows.len()).filter(|&r| self.at[r] == u32::MAX && m.row_violation(r, x) > BROKEN_TOL).collect()
    }

    /// Adds the rows `broken` of `m` to `session`, over its columns (`col_at`: the
    /// position of each column of `m`, `u32::MAX` when out).
    fn enter(&mut self, session: &mut LpSession, m: &Model, broken: &[usize], col_at: &[u32]) -> Result<()> {
        let at = |(c, a): (super::Col, f64)| (col_at[c.0 as usize] != u32::MAX).then(|| (col_at[c.0 as usize], a));
        let rows: Vec<NewRow> =
            broken.iter().map(|&r| (m.rows[r].lb, m.rows[r].ub, m.row_terms(r).filter_map(at).collect())).collect();
        session.add_rows(&rows)?;
        for &r in broken {
            self.at[r] = self.count;
            self.count += 1;
        }
        Ok(())
    }
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
    let Pricing {
        prunable,
        group,
        per_group,
        per_row,
        max_rounds,
        soft_limit,
        round_fits,
        spans,
        most_counted,
        later,
        waiting,
        iterations_per_row,
        fallback,
    } = *pricing;
    let started = std::time::Instant::now();
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
    // The rows that wait (upper limits only: a broken one is one above its bound) start
    // out of the LP.
    let waits = |r: usize| waiting.get(r).copied().unwrap_or(false) && m.rows[r].lb == f64::NEG_INFINITY;
    let (sub, mut kept) = m.restrict_rows(&keep, &(0..m.rows.len()).map(|r| !waits(r)).collect::<Vec<bool>>());
    let mut rows = RowsIn::new(m, waits);
    // Adds columns of the model to the LP, with their entries in its rows.
    let add_cols = |session: &mut LpSession, entering: &[usize], row_at: &[u32]| -> Result<()> {
        let entries: Vec<Vec<(u32, f64)>> = entering
            .iter()
            .map(|&c| {
                by_col[c].iter().filter(|e| row_at[e.0 as usize] != u32::MAX).map(|&(r, a)| (row_at[r as usize], a)).collect()
            })
            .collect();
        let cols: Vec<_> =
            entering.iter().zip(&entries).map(|(&c, e)| (m.cols[c].cost, m.cols[c].lb, m.cols[c].ub, e.as_slice())).collect();
        session.add_cols(&cols)
    };
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
    // (Rows with a positive lower bound never wait: each has its place in `rows`.)
    let must_rows: Vec<usize> = (0..m.rows.len()).filter(|&r| m.rows[r].lb > 0.0 && !m.row_terms(r).any(slack)).collect();
    let must: Vec<[(u32, f64); 1]> = must_rows.iter().map(|&r| [(rows.at[r], 1.0)]).collect();
    let artificials: Vec<_> = must.iter().map(|t| (big_m, 0.0, f64::INFINITY, &t[..])).collect();
    session.add_cols(&artificials)?;
    let artificial = sub.cols.len()..sub.cols.len() + must.len();
    // The position of each column of the model in the LP (`u32::MAX`: left out).
    let mut col_at = vec![u32::MAX; m.cols.len()];
    for (k, &c) in kept.iter().enumerate() {
        col_at[c as usize] = k as u32;
    }
    let mut columns = artificial.end as u32;
    let mut widened = false;
    // The last LP solution, indexed like the full model, without the moves of the waiting
    // rows it breaks: what a stopped pricing leaves.
    let mut last_x: Vec<f64> = Vec::new();
    // Whether pricing has fallen back ([`Pricing::fallback`]), and whether `last_x` is a
    // point of that LP.
    let (mut fallen, mut last_fallen) = (false, false);
    let mut lagrangian: Option<f64> = None;
    let mut holding_back = later.iter().any(|&l| l);
    // Whether the rounds' LPs are still capped ([`Pricing::iterations_per_row`]).
    let mut capping = iterations_per_row.is_some();
    let mut capped_rounds = 0;
    // Close to the end: fewer moves price out than `CLOSE` of the working set.
    let close = |entering: usize, kept: &[u32]| entering as f64 <= CLOSE * kept.len() as f64;
    for round in 1..=max_rounds {
        let t0 = std::time::Instant::now();
        session.cap(iterations_per_row.filter(|_| capping).map(|per_row| (per_row * f64::from(rows.count)).ceil() as usize));
        let lp = if opts.stopped() { LpOutcome::Stopped } else { session.solve()? };
        let lp_seconds = t0.elapsed().as_secs_f64();
        let capped = matches!(lp, LpOutcome::Capped(_));
        capped_rounds += usize::from(capped);
        tracing::debug!(round, lp_seconds, capped, "lp");
        let lp = match lp {
            LpOutcome::Optimal(sol) | LpOutcome::Capped(sol) => Some(sol),
            LpOutcome::Infeasible => None,
            LpOutcome::Stopped => {
                // Out of time or stopped: the MIP gets the working set as it is, and nothing
                // is proven.
                tracing::info!(round, fallen, "pricing stopped by the time limit or the user");
                return Ok(Generated::stopped(keep, (round, capped_rounds), lagrangian, (last_x, last_fallen)));
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
                        col_at[c] = columns;
                        columns += 1;
                        entering.push(c);
                    }
                }
            }
            add_cols(&mut session, &entering, &rows.at)?;
            continue;
        };
        // The duals by row of the model: 0 for the rows waiting out of the LP.
        let duals: Vec<f64> = rows.at.iter().map(|&at| if at == u32::MAX { 0.0 } else { duals[at as usize] }).collect();
        let t1 = std::time::Instant::now();
        let d = m.reduced_costs(&by_col, &duals);
        // (Fallen back, the columns held back are out.)
        let mut priced: Vec<(f64, usize)> = (0..m.cols.len())
            .filter(|&c| prunable[c] && !keep[c] && d[c] < -PRICE_TOL && !(fallen && later.get(c) == Some(&true)))
            .map(|c| (d[c], c))
            .collect();
        let in_lp: Vec<(f64, f64)> = kept
            .iter()
            .map(|&c| (d[c as usize], x[col_at[c as usize] as usize]))
            .chain(artificial.clone().zip(&must_rows).map(|(s, &r)| (big_m - duals[r], x[s])))
            .collect();
        // (A capped LP's point is not feasible: the bound's first term would not hold. At
        // the duals of the LP fallen back to, second moves price far out: on the 800-person
        // pool with `max_moves = 0` the bound was −25,661.5 there, against −9,441.6 before.)
        let bound = (!capped && !fallen).then(|| lagrangian_bound(m, spans, most_counted, &d, objective, &in_lp));
        if let Some(bound) = bound {
            lagrangian = Some(lagrangian.map_or(bound, |b: f64| b.max(bound)));
        }
        tracing::debug!(
            round,
            columns = kept.len(),
            rows = rows.count,
            lp = objective,
            lagrangian = bound,
            entering = priced.len(),
            price_seconds = t1.elapsed().as_secs_f64(),
            "pricing"
        );
        on_round(round, objective);
        let lp_x = on_model(m, &kept, &col_at, &x);
        // The waiting rows the LP's solution breaks, which enter the LP. Should the time
        // limit stop the next LP, what pricing leaves for the quick plan, which fixes the
        // moves an LP makes whole, is this solution without the moves of those rows: fixed,
        // two stints of one group would leave no plan (a city county's quick plan was
        // infeasible, and the county kept its greedy plan).
        let broken = rows.broken(m, &lp_x);
        if capped && (priced.is_empty() || close(priced.len(), &kept)) {
            // Near the end the LPs are solved to their optimum, which alone proves a bound.
            capping = false;
            if priced.is_empty() {
                continue;
            }
        }
        if priced.is_empty() && broken.is_empty() && !capped && fallen {
            tracing::info!(round, lp = objective, "pricing ended over the LP it fell back to");
            return Ok(Generated::stopped(keep, (round, capped_rounds), lagrangian, (lp_x, true)));
        }
        if priced.is_empty() && broken.is_empty() && !capped {
            if x[artificial.clone()].iter().any(|&a| a > 1e-7) {
                // Even the best LP over every move leaves a hard row unmet, or M is too
                // small to tell. The LP over every column without the artificial slacks
                // tells: infeasible, so is every plan; else (or stopped by the time limit)
                // the MIP over every column decides.
                if matches!(crate::mip::highs::solve_lp(m, opts), Ok(None)) {
                    tracing::info!(round, "the LP over every column is infeasible");
                    return Err(crate::error::Error::Infeasible(Vec::new()));
                }
                tracing::info!(round, "hard rows unmet in the LP; using every column");
                break;
            }
            let reduced = d.iter().map(|&v| v.max(0.0)).collect();
            let basis = session.basis().map(|b| {
                // A row that waited out of the LP is basic. The artificials are out of the
                // model: a basic one (at 0) hands its row's place in the basis to the row
                // itself, which is the same unit column.
                let mut status: Vec<highs_sys::HighsInt> = rows
                    .at
                    .iter()
                    .map(|&at| if at == u32::MAX { highs_sys::kHighsBasisStatusBasic } else { b.rows[at as usize] })
                    .collect();
                for (s, &r) in artificial.clone().zip(&must_rows) {
                    if b.cols[s] == highs_sys::kHighsBasisStatusBasic {
                        status[r] = highs_sys::kHighsBasisStatusBasic;
                    }
                }
                let mut cols: Vec<highs_sys::HighsInt> = m
                    .cols
                    .iter()
                    .map(|c| if c.lb.is_finite() { highs_sys::kHighsBasisStatusLower } else { highs_sys::kHighsBasisStatusZero })
                    .collect();
                for &c in &kept {
                    cols[c as usize] = b.cols[col_at[c as usize] as usize];
                }
                Basis { cols, rows: status }
            });
            return Ok(Generated {
                keep,
                lp_bound: Some(objective),
                complete: true,
                rounds: round,
                capped: capped_rounds,
                lagrangian,
                lp_x,
                reduced,
                basis,
                fell_back: false,
            });
        }
        let elapsed = started.elapsed().as_secs_f64();
        let fits = lp_seconds <= round_fits.min(opts.time_limit - elapsed);
        let far = |f: &Fallback| priced.len() as f64 > f.far * kept.len() as f64;
        if let Some(fallback) = fallback.filter(|f| !fallen && elapsed >= f.after && far(f)) {
            tracing::info!(
                round,
                entering = priced.len(),
                columns = kept.len(),
                elapsed,
                "pricing falls back: it will not end in its time"
            );
            let bounds: Vec<(usize, f64, f64)> =
                fallback.limits(&kept, later).map(|(c, ub)| (col_at[c] as usize, m.cols[c].lb, ub)).collect();
            session.set_col_bounds(&bounds)?;
            if !broken.is_empty() {
                rows.enter(&mut session, m, &broken, &col_at)?;
            }
            fallen = true;
            continue;
        }
        if elapsed >= soft_limit && !close(priced.len(), &kept) && !fits {
            tracing::info!(
                round,
                entering = priced.len(),
                fallen,
                "pricing stopped at its share of the time, not close to the end"
            );
            // What it leaves guides the quick plan, which fixes the moves an LP makes whole:
            // an LP that breaks a row it did not see is no LP of the working set, so the
            // rows it breaks enter and it is solved again, until it breaks none (on a city
            // county with `max_moves = 0`, with the moves of those rows merely left unfixed
            // the quick plan was 5,218.9 at its time limit; from the LP solved again, 75.1).
            // A capped LP is solved to its end first: its point is no LP solution either.
            let (mut lp_x, mut broken, mut solved) = (lp_x, broken, !capped);
            session.cap(None);
            while !solved || !broken.is_empty() {
                if !broken.is_empty() {
                    rows.enter(&mut session, m, &broken, &col_at)?;
                }
                let LpOutcome::Optimal(sol) = session.solve()? else { break };
                lp_x = on_model(m, &kept, &col_at, &sol.x);
                broken = rows.broken(m, &lp_x);
                solved = true;
            }
            let lp_x = if solved { unseen(lp_x, m, &broken) } else { last_x };
            let fell_back = if solved { fallen } else { last_fallen };
            return Ok(Generated::stopped(keep, (round, capped_rounds), lagrangian, (lp_x, fell_back)));
        }
        if !capped {
            last_x = unseen(lp_x, m, &broken);
            last_fallen = fallen;
        }
        if holding_back && !fallen {
            let rest: Vec<(f64, usize)> = priced.iter().copied().filter(|&(_, c)| !later[c]).collect();
            if close(rest.len(), &kept) {
                tracing::debug!(round, "the columns held back are priced in");
                holding_back = false;
            } else {
                priced = rest;
            }
        }
        // The broken rows first, over the columns in the LP, so that the columns entering
        // next have their entries in them.
        if !broken.is_empty() {
            rows.enter(&mut session, m, &broken, &col_at)?;
        }
        priced.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut taken: HashMap<u32, usize> = HashMap::new();
        let mut entering = Vec::new();
        for (_, c) in priced {
            let n = taken.entry(group[c]).or_default();
            if *n < per_group {
                *n += 1;
                keep[c] = true;
                kept.push(c as u32);
                col_at[c] = columns;
                columns += 1;
                entering.push(c);
            }
        }
        add_cols(&mut session, &entering, &rows.at)?;
    }
    let keep = vec![true; m.cols.len()];
    Ok(Generated {
        keep,
        lp_bound: None,
        complete: true,
        rounds: max_rounds,
        capped: capped_rounds,
        lagrangian,
        lp_x: Vec::new(),
        reduced: Vec::new(),
        basis: None,
        fell_back: false,
    })
}

/// The Lagrangian bound of the whole model at row duals `duals` (Farley's bound of column
/// generation): valid for every plan, whether pricing has finished or not.
///
/// With the rows priced at the duals, a plan costs at least `Σ_r duals_r·rhs_r` plus the
/// least each column can add at its reduced cost `d`. What [`Pricing::spans`] says the
/// model implies stays a constraint: each group (person) takes each year at most once and
/// at most `most_counted` moves, so a group adds the cheapest such set of its columns of
/// negative `d` (interval scheduling with a count, exact by dynamic programming over the
/// last years); every other column adds `d` at the bound it sits on when `d` is negative.
/// The first term comes from the LP, `objective − Σ d_c·x_c` over its columns `lp`
/// (complementary slackness). Equal to `objective` once no column prices out.
pub(crate) fn lagrangian_bound(
    m: &Model,
    spans: &[Option<Span>],
    most_counted: &[u32],
    reduced: &[f64],
    objective: f64,
    lp: &[(f64, f64)],
) -> f64 {
    const TOL: f64 = 1e-9;
    let at_bound = |c: usize, d: f64| super::least_at_bounds(d, m.cols[c].lb, m.cols[c].ub);
    let mut bound = objective - lp.iter().map(|&(d, x)| if d.abs() <= TOL { 0.0 } else { d * x }).sum::<f64>();
    // Per group, its binary columns of negative reduced cost; groups with a column fixed
    // to 1 (or not binary) price each column on its own (weaker, still valid); columns
    // fixed to 0 add nothing.
    let mut groups: HashMap<u32, Vec<(Span, f64)>> = HashMap::new();
    let mut fixed: HashSet<u32> = HashSet::new();
    for (c, col) in m.cols.iter().enumerate() {
        match spans.get(c).copied().flatten() {
            Some(span) if col.lb == 0.0 && col.ub == 1.0 => {
                if reduced[c] < -TOL {
                    groups.entry(span.group).or_default().push((span, reduced[c]));
                }
            }
            Some(_) if col.ub <= 0.0 => {}
            Some(span) => {
                fixed.insert(span.group);
                bound += at_bound(c, reduced[c]);
            }
            None => bound += at_bound(c, reduced[c]),
        }
    }
    for (g, mut columns) in groups {
        if fixed.contains(&g) {
            bound += columns.iter().map(|c| c.1).sum::<f64>();
            continue;
        }
        // Year-disjoint columns take at most one column a year: no more counted ones than
        // the years the group's columns span.
        let years =
            columns.iter().map(|c| c.0.last).max().unwrap_or(0) - columns.iter().map(|c| c.0.first).min().unwrap_or(0) + 1;
        let most =
            (most_counted.get(g as usize).copied().unwrap_or(u32::MAX) as usize).min(columns.len()).min(years.max(0) as usize);
        // best[k][n]: the least sum over year-disjoint columns among the first k + 1 (by
        // last year) with at most n counted, tagged with the k-th's last year; the entries
        // are sorted by that year, so the best up to a year is found by bisection.
        columns.sort_by_key(|c| c.0.last);
        let mut best: Vec<(i32, Vec<f64>)> = Vec::with_capacity(columns.len());
        let upto = |best: &[(i32, Vec<f64>)], year: i32, n: usize| match best.partition_point(|b| b.0 <= year) {
            0 => 0.0,
            k => best[k - 1].1[n],
        };
        for (span, d) in columns {
            let value = (0..=most)
                .map(|n| {
                    let with = match (span.counted, n) {
                        (true, 0) => f64::INFINITY,
                        (counted, n) => upto(&best, span.first - 1, n - usize::from(counted)) + d,
                    };
                    with.min(upto(&best, span.last, n))
                })
                .collect();
            best.push((span.last, value));
        }
        bound += best.last().map_or(0.0, |b| b.1[most]);
    }
    bound
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mip::{ColName, RowName};

    /// Assignment of 3 people to 3 posts with costs (2i + 3j) mod 4, and its LP optimum.
    fn assignment() -> (Model, f64) {
        assignment_of(3, |i, j| ((2 * i + 3 * j) % 4) as f64)
    }

    /// Assignment of `n` people to `n` posts at `cost(person, post)`, and its LP optimum.
    fn assignment_of(n: u32, cost: impl Fn(u32, u32) -> f64) -> (Model, f64) {
        let mut m = Model::default();
        let x: Vec<_> = (0..n * n).map(|k| m.add_binary(cost(k / n, k % n), ColName::Aux("x", k, 0, 0))).collect();
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
        price_until(m, 3, initial, f64::INFINITY, 0.0)
    }

    /// Pricing of an assignment of `n` people from `initial`, with a soft limit and the
    /// LP time under which a round does not stop at it.
    fn price_until(m: &Model, n: u32, initial: &[bool], soft_limit: f64, round_fits: f64) -> Generated {
        let prunable = vec![true; m.cols.len()];
        let group: Vec<u32> = (0..m.cols.len() as u32).map(|c| c / n).collect();
        let pricing = Pricing {
            prunable: &prunable,
            group: &group,
            per_group: 1,
            per_row: 0,
            max_rounds: 50,
            soft_limit,
            round_fits,
            spans: &[],
            most_counted: &[],
            later: &[],
            waiting: &[],
            iterations_per_row: None,
            fallback: None,
        };
        generate(m, &pricing, initial, &SolveOptions::default(), &mut |_, _| {}).unwrap()
    }

    #[test]
    fn pricing_recovers_the_full_lp_optimum_from_a_poor_start() {
        let (m, full) = assignment();
        let initial: Vec<bool> = (0..9).map(|c| c % 4 == 0).collect(); // the diagonal: feasible, poor
        let g = price(&m, &initial);
        assert!((g.lp_bound.unwrap() - full).abs() < 1e-9, "{:?} vs {full}", g.lp_bound);
        // What the planner relies on: every plan costs at least the bound plus the reduced
        // costs of the columns it uses (here: each of the 3! assignments).
        for perm in [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] {
            let mut x = vec![0.0; 9];
            perm.iter().enumerate().for_each(|(i, &j)| x[i * 3 + j] = 1.0);
            let priced: f64 = g.lp_bound.unwrap() + (0..9).map(|c| g.reduced[c] * x[c]).sum::<f64>();
            assert!(m.objective(&x) >= priced - 1e-9, "{perm:?}: {} < {priced}", m.objective(&x));
        }
        assert!(g.reduced.iter().any(|&d| d > 0.0), "some assignment is priced above the bound");
    }

    /// Past its soft limit pricing stops at the end of a round, unless few moves price out
    /// (fewer than `CLOSE` of the working set): then it goes on to the LP bound.
    #[test]
    fn pricing_past_its_soft_limit_goes_on_only_close_to_the_end() {
        // Each person's own post costs 0, any other 1.
        let run = |n: u32, initial: &[bool]| {
            let (m, full) = assignment_of(n, |i, j| if i == j { 0.0 } else { 1.0 });
            (price_until(&m, n, initial, 0.0, 0.0), full)
        };
        // Far from the end (3 of 9 moves, none on the diagonal): stopped after the first
        // round, with its LP but no bound.
        let (g, _) = run(3, &(0..9).map(|c| [1, 5, 6].contains(&c)).collect::<Vec<bool>>());
        assert!(!g.complete && g.lp_bound.is_none() && g.rounds == 1 && !g.lp_x.is_empty(), "{g:?}");
        // Close (every move but the first person's own post, which prices out: 1 of 99):
        // on to the LP optimum in a second round.
        let (g, full) = run(10, &(0..100).map(|c| c != 0).collect::<Vec<bool>>());
        assert!(g.complete && g.rounds == 2, "{g:?}");
        assert!((g.lp_bound.unwrap() - full).abs() < 1e-9, "{:?} vs {full}", g.lp_bound);
    }

    /// Past its soft limit, far from the end, pricing goes on while its rounds fit in the
    /// time left (`round_fits`): the same start as above, stopped after one round when
    /// none fits, reaches the LP bound when any does.
    #[test]
    fn pricing_past_its_soft_limit_goes_on_while_its_rounds_fit() {
        let (m, full) = assignment_of(3, |i, j| if i == j { 0.0 } else { 1.0 });
        let far: Vec<bool> = (0..9).map(|c| [1, 5, 6].contains(&c)).collect();
        let g = price_until(&m, 3, &far, 0.0, 0.0);
        assert!(!g.complete && g.rounds == 1, "{g:?}");
        let g = price_until(&m, 3, &far, 0.0, f64::INFINITY);
        assert!(g.complete && g.rounds > 1, "{g:?}");
        assert!((g.lp_bound.unwrap() - full).abs() < 1e-9, "{:?} vs {full}", g.lp_bound);
    }

    /// Columns held back enter only once few others price out, and pricing still ends at
    /// the LP optimum over every column.
    #[test]
    fn columns_held_back_are_priced_in_last() {
        // Ten people: their own post costs 0 (held back), the post two along 0.5, any
        // other 1; the start gives each the post one along (10). Held back, the diagonal
        // enters only once the LP is at the optimum without it (5: everyone two along);
        // not held back, it enters at once and the LP never stops at 5.
        let n = 10;
        let cost = |i: u32, j: u32| match (j + n - i) % n {
            0 => 0.0,
            2 => 0.5,
            _ => 1.0,
        };
        let (m, full) = assignment_of(n, cost);
        let initial: Vec<bool> = (0..n * n).map(|k| (k % n + n - k / n) % n == 1).collect();
        let diagonal: Vec<bool> = (0..n * n).map(|k| k % n == k / n).collect();
        let run = |later: &[bool]| {
            let (prunable, group) = (vec![true; m.cols.len()], (0..n * n).map(|c| c / n).collect::<Vec<u32>>());
            let pricing = Pricing {
                prunable: &prunable,
                group: &group,
                per_group: n as usize,
                per_row: 0,
                max_rounds: 50,
                soft_limit: f64::INFINITY,
                round_fits: 0.0,
                spans: &[],
                most_counted: &[],
                later,
                waiting: &[],
                iterations_per_row: None,
                fallback: None,
            };
            let mut lps = Vec::new();
            let g = generate(&m, &pricing, &initial, &SolveOptions::default(), &mut |_, lp| lps.push(lp)).unwrap();
            (g, lps)
        };
        // The LPs reach the optimum without the diagonal before they go below it.
        let settles = |lps: &[f64]| {
            let at = |p: &dyn Fn(f64) -> bool| lps.iter().position(|&lp| p(lp));
            at(&|lp| (lp - 5.0).abs() < 1e-9).is_some_and(|k| at(&|lp| lp < 5.0 - 1e-9) > Some(k))
        };
        let (held, lps) = run(&diagonal);
        assert!(settles(&lps), "{lps:?}");
        assert!((held.lp_bound.unwrap() - full).abs() < 1e-9 && full == 0.0, "{:?} vs {full}", held.lp_bound);
        let (free, lps) = run(&[]);
        assert!(!settles(&lps), "{lps:?}");
        assert_eq!(free.lp_bound, held.lp_bound);
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

    /// With each round's LP capped at a few iterations, pricing still ends at the LP
    /// optimum over every column, solved to its end; the cap stops some rounds.
    #[test]
    fn capped_rounds_still_end_at_the_lp_optimum() {
        let n = 12;
        let (m, full) = assignment_of(n, |i, j| ((5 * i + 7 * j) % 11) as f64);
        let initial: Vec<bool> = (0..n * n).map(|k| k % n == k / n).collect();
        let run = |iterations_per_row: Option<f64>, soft_limit: f64| {
            let (prunable, group) = (vec![true; m.cols.len()], (0..n * n).map(|c| c / n).collect::<Vec<u32>>());
            let pricing = Pricing {
                prunable: &prunable,
                group: &group,
                per_group: 2,
                per_row: 0,
                max_rounds: 50,
                soft_limit,
                round_fits: 0.0,
                spans: &[],
                most_counted: &[],
                later: &[],
                waiting: &[],
                iterations_per_row,
                fallback: None,
            };
            generate(&m, &pricing, &initial, &SolveOptions::default(), &mut |_, _| {}).unwrap()
        };
        let free = run(None, f64::INFINITY);
        assert_eq!(free.capped, 0);
        let capped = run(Some(0.1), f64::INFINITY);
        assert!(capped.capped > 0, "{capped:?}");
        for g in [&free, &capped] {
            assert!(g.complete && (g.lp_bound.unwrap() - full).abs() < 1e-9, "{:?} vs {full}", g.lp_bound);
            assert!((g.lagrangian.unwrap() - full).abs() < 1e-6, "{:?}", g.lagrangian);
            assert!(g.basis.is_some() && g.reduced.iter().all(|&d| d >= 0.0));
        }
        // Stopped at its share of the time after a capped first round: what pricing hands on
        // (to the quick plan) is that LP solved to its end, each person and post taken once.
        let stopped = run(Some(0.1), 0.0);
        assert!(!stopped.complete && stopped.rounds == 1 && stopped.capped == 1, "{stopped:?}");
        assert!(m.violation(&stopped.lp_x, 1e-6).0 <= 1e-6, "{:?}", stopped.lp_x);
    }

    proptest::proptest! {
        /// A group's part of the Lagrangian bound is the least sum of reduced costs over
        /// year-disjoint sets of its columns with at most `most` counted, as enumerating
        /// every set finds; with any cap, one, two or none (as `max_moves = 0`).
        #[test]
        fn the_bound_takes_the_cheapest_year_disjoint_set_of_each_group(
            columns in proptest::collection::vec((0u32..2, 0i32..5, 0i32..3, proptest::bool::ANY, -9i32..3), 1..12),
            most in proptest::prop_oneof![proptest::strategy::Just(1u32), proptest::strategy::Just(2), proptest::strategy::Just(u32::MAX)],
        ) {
            let mut m = Model::default();
            let mut spans = Vec::new();
            let mut reduced = Vec::new();
            for (k, &(group, first, len, counted, d)) in columns.iter().enumerate() {
                m.add_binary(0.0, ColName::Aux("c", k as u32, 0, 0));
                spans.push(Some(Span { group, first, last: first + len, counted }));
                reduced.push(d as f64);
            }
            let bound = lagrangian_bound(&m, &spans, &[most; 2], &reduced, 0.0, &[]);
            // Every set of columns, by bit mask.
            let n = columns.len();
            let mut least = [0.0f64; 2];
            for mask in 0u32..1 << n {
                let chosen: Vec<usize> = (0..n).filter(|&k| mask >> k & 1 == 1).collect();
                let group = match chosen.first() {
                    Some(&k) => columns[k].0,
                    None => continue,
                };
                let one_group = chosen.iter().all(|&k| columns[k].0 == group);
                let counted = chosen.iter().filter(|&&k| columns[k].3).count() as u64;
                let disjoint = chosen.iter().all(|&a| chosen.iter().all(|&b| {
                    let (x, y) = (spans[a].unwrap(), spans[b].unwrap());
                    a == b || x.last < y.first || y.last < x.first
                }));
                if one_group && disjoint && counted <= most as u64 {
                    let sum: f64 = chosen.iter().map(|&k| reduced[k]).sum();
                    least[group as usize] = least[group as usize].min(sum);
                }
            }
            proptest::prop_assert!((bound - (least[0] + least[1])).abs() < 1e-9, "{bound} against {least:?}");
        }
    }

    /// Stints of 4 people on 3 posts over 3 years (one post per person and year, one holder
    /// per post and year, one move each, a must-fill post), with costs of both signs.
    fn stints() -> Model {
        use crate::scenario::{PersonIx, PostIx};
        let mut m = Model::default();
        let (people, posts, years) = (4u32, 3u32, 3i32);
        let mut person_year = vec![Vec::new(); (people * years as u32) as usize];
        let mut post_year = vec![Vec::new(); (posts * years as u32) as usize];
        let mut moves = vec![Vec::new(); people as usize];
        for p in 0..people {
            for j in 0..posts {
                for a in 0..years {
                    for b in a..years {
                        // Everybody wants post 0 most, and long stints.
                        let cost = ((p * 7 + j * 5 + a as u32 * 3) % 5) as f64
                            - 3.0 * (b - a + 1) as f64
                            - if j == 0 { 6.0 } else { 0.0 };
                        let col = m.add_binary(cost, ColName::Entry(PersonIx(p), PostIx(j), a, b));
                        moves[p as usize].push((col, 1.0));
                        for y in a..=b {
                            person_year[(p * years as u32 + y as u32) as usize].push((col, 1.0));
                            post_year[(j * years as u32 + y as u32) as usize].push((col, 1.0));
                        }
                    }
                }
            }
            let count = m.add_col(0.0, 1.0, 0.0, false, ColName::Aux("moves", p, 0, 0));
            moves[p as usize].push((count, -1.0));
        }
        let name = |rule, a: usize| RowName { rule, a: a as u32, b: 0, year: 0 };
        for (k, t) in person_year.into_iter().enumerate() {
            m.add_row(f64::NEG_INFINITY, 1.0, t, name("person", k));
        }
        for (k, t) in post_year.into_iter().enumerate() {
            m.add_row(if k == 0 { 1.0 } else { f64::NEG_INFINITY }, 1.0, t, name("post", k));
        }
        for (k, t) in moves.into_iter().enumerate() {
            m.add_row(0.0, 0.0, t, name("moves", k));
        }
        m
    }

    /// The Lagrangian bound of every round, stopped or not, is at most the optimum of the
    /// whole model (with each person's years and one move kept as its constraints); once
    /// pricing ends it is the LP optimum.
    #[test]
    fn the_lagrangian_bound_of_every_round_holds_for_the_whole_model() {
        let m = stints();
        let optimum = crate::mip::highs::solve(&m, &SolveOptions::default(), Default::default(), &mut |_| {}).unwrap().objective;
        let lp = crate::mip::highs::solve_lp(&m, &SolveOptions::default()).unwrap().unwrap().objective;
        let prunable: Vec<bool> = m.cols.iter().map(|c| matches!(c.name, ColName::Entry(..))).collect();
        let group: Vec<u32> = m.cols.iter().map(|c| if let ColName::Entry(p, ..) = c.name { p.0 } else { 0 }).collect();
        let spans: Vec<Option<Span>> = m
            .cols
            .iter()
            .map(|c| match c.name {
                ColName::Entry(p, _, first, last) => Some(Span { group: p.0, first, last, counted: true }),
                _ => None,
            })
            .collect();
        let mut initial = vec![false; m.cols.len()];
        initial[0] = true;
        let mut stopped_below_lp = false;
        // The person-year rows and the post-year rows but the must-fill one wait out of the
        // LP, or none does.
        let waiting = waiting_rows(&m, &prunable);
        assert!(waiting.iter().any(|&w| w) && !waiting.iter().all(|&w| w), "{waiting:?}");
        for (max_rounds, waits) in (1..=12).flat_map(|k| [(k, &[][..]), (k, &waiting[..])]) {
            let pricing = Pricing {
                prunable: &prunable,
                group: &group,
                per_group: 1,
                per_row: 0,
                max_rounds,
                soft_limit: f64::INFINITY,
                round_fits: 0.0,
                spans: &spans,
                most_counted: &[1; 5],
                later: &[],
                waiting: waits,
                iterations_per_row: None,
                fallback: None,
            };
            let g = generate(&m, &pricing, &initial, &SolveOptions::default(), &mut |_, _| {}).unwrap();
            let bound = g.lagrangian.expect("an LP was solved");
            assert!(bound <= optimum + 1e-9, "round {max_rounds}: {bound} above the optimum {optimum}");
            assert!(bound <= lp + 1e-9, "round {max_rounds}: {bound} above the LP optimum {lp}");
            match g.lp_bound {
                Some(b) => assert!((bound - b).abs() < 1e-6, "converged: {bound} is the LP bound {b}"),
                None => stopped_below_lp |= bound < lp - 1e-6,
            }
        }
        assert!(stopped_below_lp, "some stopped round has a bound below the LP optimum (the test stops pricing early)");
    }

    /// Two moves of person 0 (0 and 1), in years 0 and 1, that a row allows only one of
    /// (`at most one`, which waits out of the LP), each worth 5; and `others` people with a
    /// move each worth 1 in a row of their own, left out of the first working set.
    fn two_moves_one_allowed(others: u32) -> (Model, Vec<bool>) {
        let mut m = Model::default();
        let a = m.add_binary(-5.0, ColName::Aux("a", 0, 0, 0));
        let b = m.add_binary(-5.0, ColName::Aux("b", 0, 0, 0));
        let count = m.add_col(0.0, 2.0, 0.0, false, ColName::Aux("moves", 0, 0, 0));
        m.add_row(0.0, 0.0, [(a, 1.0), (b, 1.0), (count, -1.0)], RowName { rule: "moves", a: 0, b: 0, year: 0 });
        m.add_row(f64::NEG_INFINITY, 1.0, [(a, 1.0), (b, 1.0)], RowName { rule: "at most one", a: 0, b: 0, year: 0 });
        for k in 0..others {
            let c = m.add_binary(-1.0, ColName::Aux("other", k, 0, 0));
            m.add_row(f64::NEG_INFINITY, 1.0, [(c, 1.0)], RowName { rule: "other", a: k, b: 0, year: 0 });
        }
        let prunable = m.cols.iter().map(|c| c.integer).collect();
        (m, prunable)
    }

    /// Pricing of [`two_moves_one_allowed`] from its two moves, with its rows over moves
    /// waiting, to `soft_limit`; the LP of each round.
    fn price_two_moves(m: &Model, prunable: &[bool], soft_limit: f64) -> (Generated, Vec<f64>) {
        let group: Vec<u32> = (0..m.cols.len() as u32).collect();
        let initial: Vec<bool> = (0..m.cols.len()).map(|c| c < 2).collect();
        let waiting = waiting_rows(m, prunable);
        let pricing = Pricing {
            prunable,
            group: &group,
            per_group: 1,
            per_row: 0,
            max_rounds: 20,
            soft_limit,
            round_fits: 0.0,
            spans: &[],
            most_counted: &[],
            later: &[],
            waiting: &waiting,
            iterations_per_row: None,
            fallback: None,
        };
        let mut lps = Vec::new();
        let g = generate(m, &pricing, &initial, &SolveOptions::default(), &mut |_, lp| lps.push(lp)).unwrap();
        (g, lps)
    }

    /// Where pricing will not end in its time, it falls back to the LP with the fallback's
    /// bounds and without the columns held back, and prices on over that LP to its end: it
    /// hands on that LP's point, with every move that prices out there, and proves nothing
    /// (the hit). Given the time, it ends at the LP optimum over every column instead (the
    /// near miss). Person 0 has two moves worth 5 (0, 1) and a third worth 7 that is held
    /// back (2, year 0 as move 0), at most 2 (3 counts them); 100 others have a move worth 1
    /// each, left out of the first working set.
    #[test]
    fn pricing_falls_back_when_it_will_not_end_in_its_time() {
        let mut m = Model::default();
        let moves: Vec<_> =
            [-5.0, -5.0, -7.0].into_iter().map(|cost| m.add_binary(cost, ColName::Aux("move", 0, 0, 0))).collect();
        let count = m.add_col(0.0, 2.0, 0.0, false, ColName::Aux("moves", 0, 0, 0));
        let row = |rule| RowName { rule, a: 0, b: 0, year: 0 };
        m.add_row(0.0, 0.0, moves.iter().map(|&c| (c, 1.0)).chain([(count, -1.0)]), row("moves"));
        m.add_row(f64::NEG_INFINITY, 1.0, [(moves[0], 1.0), (moves[2], 1.0)], row("year 0"));
        for k in 0..100 {
            let c = m.add_binary(-1.0, ColName::Aux("other", k, 0, 0));
            m.add_row(f64::NEG_INFINITY, 1.0, [(c, 1.0)], RowName { rule: "other", a: k, b: 0, year: 0 });
        }
        let full = crate::mip::highs::solve_lp(&m, &SolveOptions::default()).unwrap().unwrap().objective;
        assert_eq!(full, -112.0, "moves 1 and 2, and every other");
        let prunable: Vec<bool> = m.cols.iter().map(|c| c.integer).collect();
        let group: Vec<u32> = (0..m.cols.len() as u32).collect();
        let later: Vec<bool> = (0..m.cols.len()).map(|c| c == 2).collect();
        let initial: Vec<bool> = (0..m.cols.len()).map(|c| c < 2).collect();
        let price = |after: f64| {
            let pricing = Pricing {
                prunable: &prunable,
                group: &group,
                per_group: 1,
                per_row: 0,
                max_rounds: 20,
                soft_limit: f64::INFINITY,
                round_fits: 0.0,
                spans: &[],
                most_counted: &[],
                later: &later,
                waiting: &[],
                iterations_per_row: None,
                fallback: Some(Fallback { bounds: &[(count.0 as usize, 1.0)], after, far: 0.2 }),
            };
            generate(&m, &pricing, &initial, &SolveOptions::default(), &mut |_, _| {}).unwrap()
        };
        let fell = price(0.0);
        assert!(fell.fell_back && !fell.complete && fell.lp_bound.is_none(), "{fell:?}");
        let x = &fell.lp_x;
        assert!((x[0] + x[1] - 1.0).abs() < 1e-9 && x[2] == 0.0 && x[count.0 as usize] <= 1.0 + 1e-9, "{x:?}");
        assert!(x[4..].iter().all(|&v| (v - 1.0).abs() < 1e-9), "every other move priced in after the fall: {x:?}");
        // Only the round before the fall bounds the whole model.
        assert!(fell.lagrangian.is_some_and(|b| b <= full + 1e-9), "{:?}", fell.lagrangian);
        let ended = price(f64::INFINITY);
        assert!(!ended.fell_back && ended.complete && ended.lp_bound == Some(full), "{ended:?}");
    }

    /// A row that waits out of the LP enters when the LP breaks it, and pricing still ends
    /// at the LP optimum over every row, with a basis of the whole model.
    #[test]
    fn a_row_that_waits_enters_when_the_lp_breaks_it() {
        let (m, prunable) = two_moves_one_allowed(3);
        let full = crate::mip::highs::solve_lp(&m, &SolveOptions::default()).unwrap().unwrap().objective;
        let waiting = waiting_rows(&m, &prunable);
        assert_eq!(waiting, [false, true, true, true, true], "the move count has a column that is always in");
        let (g, lps) = price_two_moves(&m, &prunable, f64::INFINITY);
        // The first LP, without the row, takes both moves: −10; the whole LP takes one.
        assert_eq!(lps.first().copied(), Some(-10.0), "{lps:?}");
        assert!((g.lp_bound.unwrap() - full).abs() < 1e-9 && full == -8.0, "{:?} vs {full}", g.lp_bound);
        // One basic column or row per row of the model: a basis HiGHS takes.
        let basis = g.basis.unwrap();
        let basic = basis.cols.iter().chain(&basis.rows).filter(|&&s| s == highs_sys::kHighsBasisStatusBasic).count();
        assert_eq!((basis.cols.len(), basis.rows.len(), basic), (m.cols.len(), m.rows.len(), m.rows.len()));
    }

    /// Pricing stopped at its share of the time when its LP breaks a row that waits solves
    /// the LP again with the row: the quick plan fixes the moves an LP makes whole, and
    /// with both moves of the row fixed no plan was left.
    #[test]
    fn pricing_stopped_hands_on_an_lp_that_meets_the_rows_that_waited() {
        let (m, prunable) = two_moves_one_allowed(100);
        // Far from the end (100 moves price out of 3): stopped after the first LP, which
        // takes both moves.
        let (g, lps) = price_two_moves(&m, &prunable, 0.0);
        assert!(!g.complete && g.rounds == 1 && lps == [-10.0], "{g:?} {lps:?}");
        assert!((g.lp_x[0] + g.lp_x[1] - 1.0).abs() < 1e-9, "{:?}", g.lp_x);
        let quick =
            crate::mip::highs::solve(&m.fix_ones(&g.lp_x, 1e-6), &SolveOptions::default(), Default::default(), &mut |_| {});
        assert_eq!(quick.unwrap().objective, -105.0);
    }
}

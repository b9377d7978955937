//! A solver-neutral sparse mixed-integer model, and the one backend that solves it.
//!
//! The formulation (`crate::formulation`) and the rules write into [`Model`]: columns with
//! bounds, cost and integrality, and rows stored compressed (CSR). Names are structured
//! keys ([`ColName`], [`RowName`]) turned into strings only when a model is exported, so a
//! province-size model does not carry millions of strings. [`highs`] is the only module of
//! the crate that talks to a solver.

pub mod cliques;
pub mod colgen;
pub mod fixing;
pub mod grain;
pub mod highs;

use crate::scenario::{PersonIx, PostIx};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};

/// The name of the rows of valid inequalities added to a model (the root cuts of
/// `planner`): they hold for every plan, so [`Model::grain`] leaves them out.
pub const CUT_ROW: &str = "root-cut";

/// Index of a column of a [`Model`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Col(pub u32);

/// Index of a row of a [`Model`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RowId(pub u32);

/// What a column stands for; becomes its name in an exported model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ColName {
    /// `x`: the person holds the post in the year.
    Hold(PersonIx, PostIx, i32),
    /// `e`: the person takes up the post in the first year and holds it through the last.
    Entry(PersonIx, PostIx, i32, i32),
    /// An auxiliary column owned by a rule (slack, count), with up to two indices and a year.
    Aux(&'static str, u32, u32, i32),
}

/// What a row stands for; becomes its name in an exported model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowName {
    /// The rule (or structural constraint) that owns the row.
    pub rule: &'static str,
    /// First index (person, post, unit, ... depending on the rule).
    pub a: u32,
    /// Second index.
    pub b: u32,
    /// Year, or 0.
    pub year: i32,
}

/// A column.
#[derive(Debug, Clone)]
pub struct Column {
    /// Lower bound.
    pub lb: f64,
    /// Upper bound.
    pub ub: f64,
    /// Objective coefficient (minimised).
    pub cost: f64,
    /// Whether the column is integer.
    pub integer: bool,
    /// Structured name.
    pub name: ColName,
}

/// A row `lb ≤ Σ a·x ≤ ub`.
#[derive(Debug, Clone)]
pub struct Row {
    /// Lower bound (may be `-inf`).
    pub lb: f64,
    /// Upper bound (may be `inf`).
    pub ub: f64,
    /// Structured name.
    pub name: RowName,
}

/// A sparse minimisation model: `min offset + c·x` subject to rows and bounds.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Columns.
    pub cols: Vec<Column>,
    /// Rows, in order; their coefficients are in `start`/`index`/`value`.
    pub rows: Vec<Row>,
    /// CSR row starts (`rows.len() + 1` entries once the first row is added).
    pub start: Vec<usize>,
    /// CSR column indices.
    pub index: Vec<u32>,
    /// CSR coefficients.
    pub value: Vec<f64>,
    /// Constant added to the objective.
    pub offset: f64,
}

impl Model {
    /// Adds a column.
    pub fn add_col(&mut self, lb: f64, ub: f64, cost: f64, integer: bool, name: ColName) -> Col {
        self.cols.push(Column { lb, ub, cost, integer, name });
        Col(self.cols.len() as u32 - 1)
    }

    /// Adds a binary column.
    pub fn add_binary(&mut self, cost: f64, name: ColName) -> Col {
        self.add_col(0.0, 1.0, cost, true, name)
    }

    /// Adds a row; repeated columns in `terms` are summed.
    pub fn add_row(&mut self, lb: f64, ub: f64, terms: impl IntoIterator<Item = (Col, f64)>, name: RowName) -> RowId {
        if self.start.is_empty() {
            self.start.push(0);
        }
        let first = self.index.len();
        for (c, a) in terms {
            self.index.push(c.0);
            self.value.push(a);
        }
        // Repeated columns add up, in the place of their first occurrence. Sorting finds
        // them in O(n log n): a scan per term was quadratic in the row's length and took
        // most of the build time of long rows (a post-year with 700 candidates).
        let n = self.index.len() - first;
        if n > 1 {
            let mut order: Vec<(u32, u32)> = (0..n as u32).map(|k| (self.index[first + k as usize], k)).collect();
            order.sort_unstable();
            if order.windows(2).any(|w| w[0].0 == w[1].0) {
                let mut keep = vec![true; n];
                for run in order.chunk_by(|a, b| a.0 == b.0) {
                    for &(_, k) in &run[1..] {
                        self.value[first + run[0].1 as usize] += self.value[first + k as usize];
                        keep[k as usize] = false;
                    }
                }
                let mut to = first;
                for (k, _) in keep.iter().enumerate().filter(|(_, &kept)| kept) {
                    self.index[to] = self.index[first + k];
                    self.value[to] = self.value[first + k];
                    to += 1;
                }
                self.index.truncate(to);
                self.value.truncate(to);
            }
        }
        self.start.push(self.index.len());
        self.rows.push(Row { lb, ub, name });
        RowId(self.rows.len() as u32 - 1)
    }

    /// Adds `cost` to a column's objective coefficient.
    pub fn add_cost(&mut self, c: Col, cost: f64) {
        self.cols[c.0 as usize].cost += cost;
    }

    /// Raises a column's lower bound.
    pub fn raise_lb(&mut self, c: Col, lb: f64) {
        let col = &mut self.cols[c.0 as usize];
        col.lb = col.lb.max(lb);
    }

    /// The coefficients of a row.
    pub fn row_terms(&self, r: usize) -> impl Iterator<Item = (Col, f64)> + '_ {
        let (a, b) = (self.start[r], self.start[r + 1]);
        self.index[a..b].iter().zip(&self.value[a..b]).map(|(&i, &v)| (Col(i), v))
    }

    /// Number of nonzeros.
    pub fn nnz(&self) -> usize {
        self.index.len()
    }

    /// Number of integer columns.
    pub fn num_integer(&self) -> usize {
        self.cols.iter().filter(|c| c.integer).count()
    }

    /// Objective value of a column assignment, offset included.
    pub fn objective(&self, x: &[f64]) -> f64 {
        self.offset + self.cols.iter().zip(x).map(|(c, v)| c.cost * v).sum::<f64>()
    }

    /// Row `r`'s activity at the assignment `x`.
    pub fn activity(&self, r: usize, x: &[f64]) -> f64 {
        self.row_terms(r).map(|(c, a)| a * x[c.0 as usize]).sum()
    }

    /// How far the assignment `x` takes row `r` past its bounds (0 when it meets them).
    pub fn row_violation(&self, r: usize, x: &[f64]) -> f64 {
        let act = self.activity(r, x);
        (self.rows[r].lb - act).max(act - self.rows[r].ub).max(0.0)
    }

    /// Largest bound or row violation of an assignment (0 when feasible), and whether the
    /// integer columns are integral within `tol`.
    pub fn violation(&self, x: &[f64], tol: f64) -> (f64, bool) {
        let mut worst = 0.0f64;
        for (c, v) in self.cols.iter().zip(x) {
            worst = worst.max(c.lb - v).max(v - c.ub);
        }
        for r in 0..self.rows.len() {
            worst = worst.max(self.row_violation(r, x));
        }
        let integral = self.cols.iter().zip(x).all(|(c, v)| !c.integer || (v - v.round()).abs() <= tol);
        (worst, integral)
    }

    /// The model restricted to the columns `keep` marks (rows unchanged), and the index in
    /// `self` of each column kept.
    pub fn restrict(&self, keep: &[bool]) -> (Model, Vec<u32>) {
        self.restrict_rows(keep, &vec![true; self.rows.len()])
    }

    /// The model restricted to the columns `keep` marks and the rows `rows` marks (in their
    /// order), and the index in `self` of each column kept.
    pub fn restrict_rows(&self, keep: &[bool], rows: &[bool]) -> (Model, Vec<u32>) {
        let kept: Vec<u32> = (0..self.cols.len() as u32).filter(|&c| keep[c as usize]).collect();
        let mut new_index = vec![u32::MAX; self.cols.len()];
        for (k, &c) in kept.iter().enumerate() {
            new_index[c as usize] = k as u32;
        }
        let mut m = Model { offset: self.offset, ..Model::default() };
        m.rows = self.rows.iter().zip(rows).filter(|(_, &kept)| kept).map(|(row, _)| row.clone()).collect();
        m.cols = kept.iter().map(|&c| self.cols[c as usize].clone()).collect();
        m.start.push(0);
        for r in (0..self.rows.len()).filter(|&r| rows[r]) {
            for (c, a) in self.row_terms(r).filter(|(c, _)| keep[c.0 as usize]) {
                m.index.push(new_index[c.0 as usize]);
                m.value.push(a);
            }
            m.start.push(m.index.len());
        }
        (m, kept)
    }

    /// Independent parts: sets of columns no row links to each other (columns in no row go
    /// together in one part). Each part is sorted; parts are ordered by first column.
    pub fn components(&self) -> Vec<Vec<u32>> {
        let mut parent: Vec<u32> = (0..self.cols.len() as u32).collect();
        fn root(parent: &mut [u32], mut c: u32) -> u32 {
            while parent[c as usize] != c {
                parent[c as usize] = parent[parent[c as usize] as usize];
                c = parent[c as usize];
            }
            c
        }
        let mut in_row = vec![false; self.cols.len()];
        for r in 0..self.rows.len() {
            let mut first = None;
            for (c, _) in self.row_terms(r) {
                in_row[c.0 as usize] = true;
                let rc = root(&mut parent, c.0);
                match first {
                    None => first = Some(rc),
                    Some(f) if f != rc => parent[rc as usize] = f,
                    Some(_) => {}
                }
            }
        }
        let mut parts: std::collections::BTreeMap<u32, Vec<u32>> = std::collections::BTreeMap::new();
        let loose = u32::MAX;
        for c in 0..self.cols.len() as u32 {
            let key = if in_row[c as usize] { root(&mut parent, c) } else { loose };
            parts.entry(key).or_default().push(c);
        }
        let mut out: Vec<Vec<u32>> = parts.into_values().collect();
        out.sort_by_key(|p| p[0]);
        out
    }

    /// A hash of everything that makes the model (columns' bounds, costs and integrality,
    /// rows' bounds and coefficients, the offset): what data saved for one model (a plan's
    /// `LpCertificate`) is checked against before it is used for another. FNV-1a over the
    /// bits, so it is the same in every build and on every platform, unlike `std`'s hasher.
    pub fn fingerprint(&self) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |v: u64| {
            for b in v.to_le_bytes() {
                h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        eat(self.cols.len() as u64);
        eat(self.rows.len() as u64);
        eat(self.offset.to_bits());
        for c in &self.cols {
            [c.lb.to_bits(), c.ub.to_bits(), c.cost.to_bits(), c.integer as u64].into_iter().for_each(&mut eat);
        }
        for r in &self.rows {
            [r.lb.to_bits(), r.ub.to_bits()].into_iter().for_each(&mut eat);
        }
        self.start.iter().for_each(|&k| eat(k as u64));
        self.index.iter().for_each(|&c| eat(c as u64));
        self.value.iter().for_each(|&a| eat(a.to_bits()));
        h
    }

    /// The part of the model on `cols` (sorted; no row may link them to other columns):
    /// those columns and every row they appear in, without the offset.
    pub fn subset(&self, cols: &[u32]) -> Model {
        let mut new_index = vec![u32::MAX; self.cols.len()];
        for (k, &c) in cols.iter().enumerate() {
            new_index[c as usize] = k as u32;
        }
        let mut m = Model { cols: cols.iter().map(|&c| self.cols[c as usize].clone()).collect(), ..Model::default() };
        m.start.push(0);
        for r in 0..self.rows.len() {
            let terms: Vec<(u32, f64)> = self
                .row_terms(r)
                .filter(|(c, _)| new_index[c.0 as usize] != u32::MAX)
                .map(|(c, a)| (new_index[c.0 as usize], a))
                .collect();
            if !terms.is_empty() {
                m.index.extend(terms.iter().map(|t| t.0));
                m.value.extend(terms.iter().map(|t| t.1));
                m.start.push(m.index.len());
                m.rows.push(self.rows[r].clone());
            }
        }
        m
    }

    /// The matrix column by column: for each column, its `(row, coefficient)` entries.
    pub fn by_column(&self) -> Vec<Vec<(u32, f64)>> {
        let mut out = vec![Vec::new(); self.cols.len()];
        for r in 0..self.rows.len() {
            for (c, a) in self.row_terms(r) {
                out[c.0 as usize].push((r as u32, a));
            }
        }
        out
    }

    /// Each column's reduced cost at row duals `y`, `cost_c − Σ_r y_r·a_rc`, from the
    /// matrix column by column ([`Model::by_column`]).
    pub fn reduced_costs(&self, by_col: &[Vec<(u32, f64)>], y: &[f64]) -> Vec<f64> {
        self.cols
            .iter()
            .zip(by_col)
            .map(|(col, entries)| col.cost - entries.iter().map(|&(r, a)| y[r as usize] * a).sum::<f64>())
            .collect()
    }

    /// The model with every integer column at 1 in `x` (within `tol`) fixed to 1: a
    /// sub-MIP that keeps what the LP has decided to do and leaves open how to do the rest.
    pub fn fix_ones(&self, x: &[f64], tol: f64) -> Model {
        let mut m = self.clone();
        for (col, _) in m.cols.iter_mut().zip(x).filter(|(c, v)| c.integer && **v >= 1.0 - tol) {
            col.lb = 1.0;
        }
        m
    }

    /// Names for export, given display ids of people and posts.
    pub fn col_label(&self, c: usize, person: &dyn Fn(PersonIx) -> String, post: &dyn Fn(PostIx) -> String) -> String {
        match self.cols[c].name {
            ColName::Hold(p, j, y) => format!("x[{},{},{y}]", person(p), post(j)),
            ColName::Entry(p, j, a, b) => format!("e[{},{},{a}-{b}]", person(p), post(j)),
            ColName::Aux(rule, a, b, y) => format!("{rule}[{a},{b},{y}]#{c}"),
        }
    }

    /// Row name for export.
    pub fn row_label(&self, r: usize) -> String {
        let n = self.rows[r].name;
        format!("{}[{},{},{}]#{r}", n.rule, n.a, n.b, n.year)
    }
}

/// Outcome of a solve, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Proven optimal within the requested gap.
    Optimal,
    /// Optimal over the moves the solver considered, but not proven optimal overall: the
    /// gap to the full model's LP bound is larger than requested.
    Feasible,
    /// Stopped by the time limit with a feasible plan.
    TimeLimit,
    /// Stopped by the user (Ctrl-C) with a feasible plan.
    Interrupted,
    /// Proven infeasible.
    Infeasible,
    /// Stopped without a feasible plan.
    NoSolution,
}

impl Status {
    /// Text for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Optimal => "optimal",
            Status::TimeLimit => "time limit",
            Status::Interrupted => "interrupted",
            Status::Feasible => "feasible (gap to the full LP bound)",
            Status::Infeasible => "infeasible",
            Status::NoSolution => "no solution found",
        }
    }
}

/// Solver options the planner exposes.
#[derive(Debug, Clone)]
pub struct SolveOptions {
    /// Wall-clock budget in seconds for the solve.
    pub time_limit: f64,
    /// Relative MIP gap at which to stop.
    pub gap: f64,
    /// Instead of `gap` relative to the model's own objective, the absolute gap at which a
    /// MIP stops: where the model is one part of a plan, whose gap is judged over the whole
    /// plan's objective (`planner::second_phase`).
    pub abs_gap: Option<f64>,
    /// Solver threads.
    pub threads: u32,
    /// Random seed.
    pub seed: u32,
    /// Echo the solver log to stderr.
    pub verbose: bool,
    /// Further HiGHS options, `(name, value)`, applied last (for experiments).
    pub highs: Vec<(String, String)>,
    /// Solve over a column-generated working set of moves (default) rather than all.
    pub colgen: bool,
    /// Set (by Ctrl-C) to stop the search: every solve then ends at its next check and the
    /// best plan so far is kept.
    pub stop: Option<std::sync::Arc<AtomicBool>>,
    /// When no plan meets the hard rules, how far the diagnosis goes.
    pub conflicts: ConflictDetail,
    /// Also find the root cuts ([`highs::root_cuts`]) of a model of one independent part,
    /// for runner-ups to be bounded by (`lp.json`), and try them on the plan itself beside
    /// the second phase (`planner::close_with_cuts`): set by the commands whose plan is
    /// explained later (`plan`, and `recommend` when it plans first), not by the re-solves
    /// of runner-ups themselves nor for the diagnosis's elastic models.
    pub root_cuts: bool,
    /// The caller knows that no plan meets the hard rules (a runner-up whose LP with the
    /// plan's root cuts has no solution): the plan goes to the diagnosis without searching
    /// (unless the diagnosis finds nothing to break).
    pub infeasible: bool,
    /// Another solve of the same model running beside this one (`planner::finish`): a MIP
    /// stops once its best plan meets the bound that solve has found, once its bound meets
    /// the best plan that solve has found, or once that solve has closed the model.
    pub beside: Option<std::sync::Arc<Beside>>,
}

/// What a solve learns from another solve of the same model running beside it
/// ([`SolveOptions::beside`]).
#[derive(Debug)]
pub struct Beside {
    /// A bound every plan of the model meets (`f64` bits; `-inf` until one is known).
    bound: AtomicU64,
    /// The best plan's objective the other solve has found (`f64` bits; `inf` until one).
    plan: AtomicU64,
    /// Set once the other solve is done with the model: nothing is left to find here.
    closed: AtomicBool,
}

impl Default for Beside {
    fn default() -> Self {
        Beside {
            bound: AtomicU64::new(f64::NEG_INFINITY.to_bits()),
            plan: AtomicU64::new(f64::INFINITY.to_bits()),
            closed: AtomicBool::new(false),
        }
    }
}

impl Beside {
    /// The best bound known so far.
    pub fn bound(&self) -> f64 {
        f64::from_bits(self.bound.load(Relaxed))
    }

    /// Makes `bound` known (kept when better than the one known).
    pub fn raise(&self, bound: f64) {
        let _ = self.bound.fetch_update(Relaxed, Relaxed, |b| (bound > f64::from_bits(b)).then_some(bound.to_bits()));
    }

    /// Makes a plan of `objective` known (kept when better than the one known): a solve
    /// whose bound meets it has proven it optimal, and may stop ([`Beside::proven`]).
    pub fn offer(&self, objective: f64) {
        let _ = self.plan.fetch_update(Relaxed, Relaxed, |v| (objective < f64::from_bits(v)).then_some(objective.to_bits()));
    }

    /// Whether `bound`, a solve's bound on the model, meets the plan the other found (to
    /// HiGHS's absolute gap tolerance): that plan is optimal.
    pub fn proven(&self, bound: Option<f64>) -> bool {
        bound.is_some_and(|b| b >= f64::from_bits(self.plan.load(Relaxed)) - 1e-6)
    }

    /// The other solve is done with the model.
    pub fn close(&self) {
        self.closed.store(true, Relaxed);
    }

    /// Whether a solve with best plan `incumbent` (if any) should stop: the other has
    /// closed the model, or the plan meets the bound it found (to HiGHS's absolute gap
    /// tolerance).
    pub fn done(&self, incumbent: Option<f64>) -> bool {
        self.closed.load(Relaxed) || incumbent.is_some_and(|v| v <= self.bound() + 1e-6)
    }
}

/// What the conflict diagnosis looks for (`crate::diagnose`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictDetail {
    /// Minimal conflict sets: the least repair, then from each of its instances the
    /// elastic and the deletion filter.
    Minimal,
    /// What holding this arc (a pin) would break: the least repair with that pin kept
    /// hard, one solve (runner-ups); the pin itself is not among the conflicts.
    Keeping(crate::rules::Arc),
}

/// Whether a stop flag is set (`None`: there is none to set).
pub(crate) fn stop_requested(stop: Option<&AtomicBool>) -> bool {
    stop.is_some_and(|s| s.load(Relaxed))
}

impl SolveOptions {
    /// These options with HiGHS `options` set before the user's `--highs` ones, which may
    /// override them.
    pub fn with_highs(&self, options: &[(&str, &str)]) -> SolveOptions {
        let mut highs: Vec<(String, String)> = options.iter().map(|&(n, v)| (n.to_string(), v.to_string())).collect();
        highs.extend(self.highs.iter().cloned());
        SolveOptions { highs, ..self.clone() }
    }

    /// Whether a plan of `objective` is within the gap asked for of `bound` (both with the
    /// model's constant): [`SolveOptions::abs_gap`] when set, else [`SolveOptions::gap`]
    /// relative, as [`rel_gap`] measures it.
    pub fn within_gap(&self, objective: f64, bound: f64) -> bool {
        match self.abs_gap {
            Some(gap) => objective - bound <= gap,
            None => rel_gap(objective, bound) <= self.gap,
        }
    }

    /// Whether the user asked to stop.
    pub fn stopped(&self) -> bool {
        stop_requested(self.stop.as_deref())
    }

    /// Whether the solve beside this one ([`SolveOptions::beside`]) leaves nothing to do
    /// for a plan of `objective`: it has closed the model, or the plan meets its bound.
    pub fn settled(&self, objective: f64) -> bool {
        self.beside.as_ref().is_some_and(|b| b.done(Some(objective)))
    }
}

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions {
            time_limit: 60.0,
            gap: 1e-4,
            abs_gap: None,
            threads: 1,
            seed: 0,
            verbose: false,
            highs: Vec::new(),
            colgen: true,
            stop: None,
            conflicts: ConflictDetail::Minimal,
            root_cuts: false,
            infeasible: false,
            beside: None,
        }
    }
}

/// What the solver found.
#[derive(Debug, Clone)]
pub struct Solution {
    /// Status.
    pub status: Status,
    /// Column values (empty without a solution).
    pub x: Vec<f64>,
    /// Objective of `x`, offset included.
    pub objective: f64,
    /// Best proven lower bound, offset included.
    pub bound: f64,
    /// Relative gap `|objective − bound| / max(|objective|, 1)`.
    pub gap: f64,
    /// Wall-clock seconds in the solver.
    pub seconds: f64,
    /// Branch-and-bound nodes.
    pub nodes: i64,
}

/// Relative gap as HiGHS defines it.
pub fn rel_gap(objective: f64, bound: f64) -> f64 {
    if !objective.is_finite() || !bound.is_finite() {
        return f64::INFINITY;
    }
    (objective - bound).abs() / objective.abs().max(1.0)
}

/// Live progress of a solve, for display.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    /// Seconds since the solve started.
    pub elapsed: f64,
    /// Best plan's objective so far, offset included.
    pub incumbent: Option<f64>,
    /// Best bound so far, offset included.
    pub bound: Option<f64>,
    /// Nodes explored.
    pub nodes: i64,
}

/// The least `d·v` for `v` in `[lb, ub]`: a column's (or row's) share of a Lagrangian bound
/// at reduced cost (or dual) `d`; 0 within 1e-9 of 0, below the solver's tolerances (1e-7).
pub(crate) fn least_at_bounds(d: f64, lb: f64, ub: f64) -> f64 {
    const ZERO: f64 = 1e-9;
    if d > ZERO {
        d * lb
    } else if d < -ZERO {
        d * ub
    } else {
        0.0
    }
}

/// Values of a model restricted to the columns `kept` (as [`Model::restrict`] returns
/// them) spread back over the `n` columns of the model restricted: the others at 0.
pub fn spread(n: usize, kept: &[u32], x: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; n];
    kept.iter().zip(x).for_each(|(&c, &v)| out[c as usize] = v);
    out
}

/// The values of the columns `kept` out of values of the whole model (the inverse of
/// [`spread`]), or out of anything else indexed by its columns.
pub fn pick<T: Copy>(kept: &[u32], x: &[T]) -> Vec<T> {
    kept.iter().map(|&c| x[c as usize]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plan offered beside a solve is proven by a bound that meets it, not by one just
    /// below; the best plan offered is kept.
    #[test]
    fn a_bound_that_meets_the_plan_found_beside_proves_it() {
        let beside = Beside::default();
        assert!(!beside.proven(Some(1e9)) && !beside.proven(None), "no plan yet");
        beside.offer(-1330.0);
        beside.offer(-1327.5);
        assert!(beside.proven(Some(-1330.0)) && beside.proven(Some(-1330.0 - 1e-7)));
        assert!(!beside.proven(Some(-1330.001)), "near miss: the bound just below the plan");
        assert!(!beside.done(Some(-1330.0)), "an offer closes nothing");
    }

    /// The fingerprint tells a model from any other that differs in a bound, a cost, a
    /// coefficient or a row, and from nothing else (names do not count).
    #[test]
    fn the_fingerprint_changes_with_the_model_only() {
        let model = |cost: f64, coef: f64, ub: f64| {
            let mut m = Model::default();
            let c: Vec<Col> = (0..3).map(|k| m.add_binary(if k == 1 { cost } else { 1.0 }, ColName::Aux("t", k, 0, 0))).collect();
            let n = RowName { rule: "r", a: 0, b: 0, year: 0 };
            m.add_row(0.0, ub, [(c[0], 1.0), (c[2], coef)], n);
            m
        };
        let base = model(2.0, 1.0, 1.0).fingerprint();
        assert_eq!(base, model(2.0, 1.0, 1.0).fingerprint(), "the same in every build");
        let mut renamed = model(2.0, 1.0, 1.0);
        renamed.cols[0].name = ColName::Aux("u", 9, 9, 9);
        assert_eq!(base, renamed.fingerprint());
        for other in [model(2.5, 1.0, 1.0), model(2.0, 0.5, 1.0), model(2.0, 1.0, 2.0)] {
            assert_ne!(base, other.fingerprint());
        }
        let mut more = model(2.0, 1.0, 1.0);
        more.add_row(1.0, f64::INFINITY, [(Col(1), 1.0)], RowName { rule: "r", a: 0, b: 0, year: 0 });
        assert_ne!(base, more.fingerprint(), "a pin's row makes another model");
    }

    #[test]
    fn components_split_unlinked_columns() {
        let mut m = Model::default();
        let c: Vec<Col> = (0..5).map(|k| m.add_binary(1.0, ColName::Aux("t", k, 0, 0))).collect();
        let n = RowName { rule: "r", a: 0, b: 0, year: 0 };
        m.add_row(0.0, 1.0, [(c[0], 1.0), (c[2], 1.0)], n);
        m.add_row(0.0, 1.0, [(c[2], 1.0), (c[3], 1.0)], n);
        m.add_row(0.0, 1.0, [(c[1], 1.0)], n);
        assert_eq!(m.components(), vec![vec![0, 2, 3], vec![1], vec![4]]);
        let part = m.subset(&[0, 2, 3]);
        assert_eq!((part.cols.len(), part.rows.len(), part.nnz()), (3, 2, 4));
    }

    #[test]
    fn rows_merge_repeated_columns_and_measure_violation() {
        let mut m = Model::default();
        let a = m.add_binary(1.0, ColName::Aux("t", 0, 0, 0));
        let b = m.add_binary(2.0, ColName::Aux("t", 1, 0, 0));
        m.add_row(1.0, 1.0, [(a, 1.0), (b, 1.0), (a, 1.0)], RowName { rule: "r", a: 0, b: 0, year: 0 });
        assert_eq!(m.row_terms(0).collect::<Vec<_>>(), vec![(a, 2.0), (b, 1.0)]);
        assert_eq!(m.violation(&[0.0, 1.0], 1e-9), (0.0, true));
        assert_eq!(m.violation(&[1.0, 1.0], 1e-9).0, 2.0);
        m.offset = 3.0;
        assert_eq!(m.objective(&[0.0, 1.0]), 5.0);
    }
}

//! The HiGHS backend: passes a [`Model`] to HiGHS in one call (row-wise CSR, no copy
//! through an expression layer), solves it with a MIP start, reports progress through
//! HiGHS callbacks and stops it at the deadline, and exports models as MPS.
//!
//! The `highs` crate owns the HiGHS instance, options and results; the few C calls it
//! does not wrap (passing a whole model, callbacks, names, writing MPS) go through
//! `highs-sys` on the same instance.

use super::{rel_gap, Col, Model, Progress, Solution, SolveOptions, Status};
use crate::error::{Error, Result};
use highs::HighsModelStatus;
use highs_sys as sys;
use std::ffi::{c_char, c_int, c_void, CString};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Instant;

/// An empty HiGHS instance holding `m`.
fn load(m: &Model) -> Result<highs::Model> {
    let mut h = highs::ColProblem::default().optimise(highs::Sense::Minimise);
    let lower: Vec<f64> = m.cols.iter().map(|c| c.lb).collect();
    let upper: Vec<f64> = m.cols.iter().map(|c| c.ub).collect();
    let cost: Vec<f64> = m.cols.iter().map(|c| c.cost).collect();
    let integrality: Vec<c_int> = m.cols.iter().map(|c| c.integer as c_int).collect();
    let row_lower: Vec<f64> = m.rows.iter().map(|r| r.lb).collect();
    let row_upper: Vec<f64> = m.rows.iter().map(|r| r.ub).collect();
    let start: Vec<c_int> = if m.start.is_empty() { vec![0] } else { m.start.iter().map(|&s| s as c_int).collect() };
    let index: Vec<c_int> = m.index.iter().map(|&i| i as c_int).collect();
    let too_big = |n: usize| n > c_int::MAX as usize;
    if too_big(m.cols.len()) || too_big(m.rows.len()) || too_big(m.nnz()) {
        return Err(Error::Solver("model too large for HiGHS's 32-bit indices".into()));
    }
    // SAFETY: every array has the length HiGHS expects for the counts passed with it, and
    // all of them outlive the call (HiGHS copies them).
    let status = unsafe {
        sys::Highs_passMip(
            h.as_mut_ptr(),
            m.cols.len() as c_int,
            m.rows.len() as c_int,
            m.nnz() as c_int,
            sys::kHighsMatrixFormatRowwise,
            sys::kHighsObjSenseMinimize,
            m.offset,
            cost.as_ptr(),
            lower.as_ptr(),
            upper.as_ptr(),
            row_lower.as_ptr(),
            row_upper.as_ptr(),
            start.as_ptr(),
            index.as_ptr(),
            m.value.as_ptr(),
            integrality.as_ptr(),
        )
    };
    if status == sys::kHighsStatusError {
        return Err(Error::Solver("HiGHS rejected the model".into()));
    }
    Ok(h)
}

/// State shared with the callback.
struct Watch<'a> {
    started: Instant,
    deadline: f64,
    stop: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    progress: Progress,
    on_progress: &'a mut dyn FnMut(&Progress),
    /// The root's cut pool, when asked for ([`root_cuts`]): `Some` once HiGHS gave it,
    /// after which the solve is interrupted.
    cuts: Option<Vec<Cut>>,
    /// When the cut pool is asked for: a bound (`f64` bits) at which the root has cuts
    /// enough, the solve then interrupted (its cuts so far still handed over: our HiGHS's
    /// change 11).
    harvest: Option<&'a AtomicU64>,
    /// Another solve of the model beside this one ([`super::SolveOptions::beside`]).
    beside: Option<std::sync::Arc<super::Beside>>,
    /// The model's offset and grain ([`Model::grain`]): the bounds HiGHS reports are
    /// rounded up to it.
    grain: (f64, Option<f64>),
}

unsafe extern "C" fn callback(
    kind: c_int,
    _message: *const c_char,
    out: *const sys::HighsCallbackDataOut,
    input: *mut sys::HighsCallbackDataIn,
    user: *mut c_void,
) {
    // SAFETY: `user` is the `Watch` passed to `Highs_setCallback`, alive for the whole
    // solve; `out` and `input` are valid for the duration of the call.
    let watch = unsafe { &mut *(user as *mut Watch) };
    let out = unsafe { &*out };
    let elapsed = watch.started.elapsed().as_secs_f64();
    watch.progress.elapsed = elapsed;
    if kind == sys::kHighsCallbackMipImprovingSolution {
        watch.progress.incumbent = Some(out.objective_function_value);
    } else if kind == sys::kHighsCallbackMipLogging || kind == sys::kHighsCallbackMipInterrupt {
        if out.mip_primal_bound.is_finite() {
            watch.progress.incumbent = Some(out.mip_primal_bound);
        }
        if out.mip_dual_bound.is_finite() {
            watch.progress.bound = Some(super::grain::round_up(out.mip_dual_bound, watch.grain.0, watch.grain.1));
        }
        watch.progress.nodes = out.mip_node_count;
    }
    if kind == sys::kHighsCallbackMipGetCutPool {
        watch.cuts = Some(cut_pool(out));
    }
    let enough = |e: &AtomicU64| watch.progress.bound.is_some_and(|b| b >= f64::from_bits(e.load(Relaxed)) - 1e-6);
    let stopped = super::stop_requested(watch.stop.as_deref())
        || watch.harvest.is_some_and(|e| watch.cuts.is_some() || enough(e))
        || watch.beside.as_ref().is_some_and(|b| b.done(watch.progress.incumbent) || b.proven(watch.progress.bound));
    let interrupt = kind == sys::kHighsCallbackMipInterrupt || kind == sys::kHighsCallbackSimplexInterrupt;
    if interrupt && (elapsed > watch.deadline || stopped) && !input.is_null() {
        // SAFETY: HiGHS passes a valid input struct to interrupt callbacks.
        unsafe { (*input).user_interrupt = 1 };
    }
    (watch.on_progress)(&watch.progress);
}

/// The cuts of HiGHS's cut pool callback data.
fn cut_pool(out: &sys::HighsCallbackDataOut) -> Vec<Cut> {
    let n = out.cutpool_num_cut.max(0) as usize;
    if n == 0 || out.cutpool_start.is_null() {
        return Vec::new();
    }
    // SAFETY: HiGHS passes `num_cut + 1` starts and `num_nz` indices and values, valid
    // during the callback.
    let (start, index, value, lower, upper) = unsafe {
        let nnz = out.cutpool_num_nz.max(0) as usize;
        (
            std::slice::from_raw_parts(out.cutpool_start, n + 1),
            std::slice::from_raw_parts(out.cutpool_index, nnz),
            std::slice::from_raw_parts(out.cutpool_value, nnz),
            std::slice::from_raw_parts(out.cutpool_lower, n),
            std::slice::from_raw_parts(out.cutpool_upper, n),
        )
    };
    let finite = |v: f64| (v.abs() < 1e20).then_some(v);
    (0..n)
        .map(|k| {
            let terms = (start[k] as usize..start[k + 1] as usize).map(|i| (index[i] as u32, value[i])).collect();
            Cut { lower: finite(lower[k]), upper: finite(upper[k]), terms }
        })
        .collect()
}

/// A valid inequality `lower ≤ Σ a·x ≤ upper` over a model's columns (`None`: no bound
/// that side), from HiGHS's root separation ([`root_cuts`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Cut {
    /// Lower side.
    pub lower: Option<f64>,
    /// Upper side.
    pub upper: Option<f64>,
    /// `(column, coefficient)`.
    pub terms: Vec<(u32, f64)>,
}

impl Cut {
    /// Its row's bounds, `(lower, upper)`, infinite where it has no side.
    pub fn bounds(&self) -> (f64, f64) {
        (self.lower.unwrap_or(f64::NEG_INFINITY), self.upper.unwrap_or(f64::INFINITY))
    }
}

/// A simplex basis: HiGHS's status of each column and row (`kHighsBasisStatus*`: at its
/// lower bound, basic, at its upper bound, zero).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Basis {
    /// Per column.
    pub cols: Vec<sys::HighsInt>,
    /// Per row.
    pub rows: Vec<sys::HighsInt>,
}

impl Basis {
    /// The basis of a model of the columns `kept` of this one's (the same rows): a column
    /// left out must be nonbasic, which it is when its reduced cost is positive.
    pub fn pick(&self, kept: &[u32]) -> Basis {
        Basis { cols: super::pick(kept, &self.cols), rows: self.rows.clone() }
    }
}

/// How a MIP starts: a plan (values of some columns, typically the integers; HiGHS
/// completes the rest and ignores a start it cannot complete), and a basis for its root LP
/// (our HiGHS's change 8, `vendor/highs-sys/PATCHES.md`; ignored when HiGHS finds it
/// inconsistent with the model).
#[derive(Debug, Clone, Copy, Default)]
pub struct Warm<'a> {
    /// The plan.
    pub plan: Option<&'a [(Col, f64)]>,
    /// The root LP's basis.
    pub basis: Option<&'a Basis>,
}

/// Solves `m`, starting from `warm`, calling `on_progress` as the solve advances.
pub fn solve(m: &Model, opts: &SolveOptions, warm: Warm, on_progress: &mut dyn FnMut(&Progress)) -> Result<Solution> {
    solve_counted(m, opts, warm, on_progress, None).map(|(solution, _, _)| solution)
}

/// HiGHS's separators [`root_cuts`] leaves out (our HiGHS's option `mip_separators_off`,
/// change 13): mod-k (4). Its work depends on the LP's vertex, not on what its cuts do: on
/// the district it took 0.9-1.9 s a round from one of pricing's optimal vertices (the
/// root cuts 8.7-9.7 s) and 0.03 s from another, and without it the other separators'
/// cuts still raise the LP to the optimum of the district under its three policies.
const ROOT_SEPARATORS_OFF: &str = "4";

/// HiGHS's options that keep its costly primal heuristics from running, for a MIP that
/// starts from a plan and only has to close the gap to it (a proof). Effort 0 alone does
/// not: it still lets the root and the first nodes spend 10,000 simplex iterations on
/// heuristics (`moreHeuristicsAllowed`), where RENS and RINS nest sub-MIPs up to six deep
/// (on the district with `max_moves = 0`, 5.5 s of the proof's 12 s); feasibility jump runs
/// before the root whatever the effort. At effort 0 no rounding runs either (our HiGHS's
/// change 9). Shifting, ZI rounding and the reduced-cost sub-MIP, cheap, still run within
/// that allowance.
pub const COSTLY_HEURISTICS_OFF: [(&str, &str); 4] = [
    ("mip_heuristic_effort", "0"),
    ("mip_heuristic_run_feasibility_jump", "false"),
    ("mip_heuristic_run_rens", "false"),
    ("mip_heuristic_run_rins", "false"),
];

/// With [`COSTLY_HEURISTICS_OFF`], no primal heuristic at all.
const CHEAP_HEURISTICS_OFF: [(&str, &str); 3] = [
    ("mip_heuristic_run_root_reduced_cost", "false"),
    ("mip_heuristic_run_zi_round", "false"),
    ("mip_heuristic_run_shifting", "false"),
];

/// The cuts HiGHS's root separation leaves in `m`'s LP, asked for with no plan to cut
/// off: no start, no heuristic (with our HiGHS's change 9, not even the roundings
/// upstream runs at any effort, whose plan would make the cuts hold only for plans as
/// good), no presolve and no symmetry handling (which keep one plan of each kind only),
/// no mod-k separator ([`ROOT_SEPARATORS_OFF`]). So they hold for every plan of `m`,
/// whatever its objective, and they are what closes the root's gap (on the district, 5
/// cuts on the churn and continuity rows raise the LP bound to the optimum). The root LP
/// starts from `basis`. The root ends early, with the cuts in its LP by then (our HiGHS's
/// change 11; none when that is before its first separation round), at the time limit,
/// at a stop asked for, or once its bound reaches `enough` (`f64` bits, read as it goes: a
/// bound beyond which the caller needs no more cuts; `plan` passes none, so that its cuts
/// do not depend on timing).
pub fn root_cuts(m: &Model, opts: &SolveOptions, basis: Option<&Basis>, enough: &AtomicU64) -> Result<RootCuts> {
    let opts = opts.with_highs(&[
        ("presolve", "off"),
        ("mip_detect_symmetry", "false"),
        ("mip_max_nodes", "1"),
        ("mip_separators_off", ROOT_SEPARATORS_OFF),
    ]);
    let opts = opts.with_highs(&COSTLY_HEURISTICS_OFF).with_highs(&CHEAP_HEURISTICS_OFF);
    let warm = Warm { plan: None, basis };
    let (root, _, cuts) = solve_counted(m, &opts, warm, &mut |_| {}, Some(enough))?;
    Ok(RootCuts { cuts, bound: root.bound })
}

/// What [`root_cuts`] returns.
#[derive(Debug, Clone)]
pub struct RootCuts {
    /// The cuts in the root's LP when it ended.
    pub cuts: Vec<Cut>,
    /// The root's bound (HiGHS's dual bound, rounded up to the model's grain; `-inf` when
    /// it ended before its LP): with no plan to cut off, it holds for every plan of the
    /// model.
    pub bound: f64,
}

/// [`solve`], and the simplex iterations of its LPs (the root's included).
fn solve_counted(
    m: &Model,
    opts: &SolveOptions,
    warm: Warm,
    on_progress: &mut dyn FnMut(&Progress),
    harvest: Option<&AtomicU64>,
) -> Result<(Solution, i64, Vec<Cut>)> {
    let started = Instant::now();
    let mut h = load(m)?;
    h.set_option("output_flag", opts.verbose);
    h.set_option("log_to_console", opts.verbose);
    h.set_option("time_limit", opts.time_limit.max(0.0));
    // With a grain, a node whose bound is within it of the plan holds no better plan:
    // HiGHS drops it (its absolute gap, a hair under the grain), and its bounds are
    // rounded up to the grain below.
    let grain = m.grain();
    let abs_floor = super::grain::step(grain).max(1e-6);
    match opts.abs_gap {
        Some(gap) => {
            h.set_option("mip_rel_gap", 0.0);
            h.set_option("mip_abs_gap", gap.max(abs_floor));
        }
        None => {
            h.set_option("mip_rel_gap", opts.gap);
            h.set_option("mip_abs_gap", abs_floor);
        }
    }
    h.set_option("threads", opts.threads.max(1) as i32);
    h.set_option("random_seed", opts.seed.min(i32::MAX as u32) as i32);
    for (name, value) in &opts.highs {
        let (n, v) = (CString::new(name.as_str()), CString::new(value.as_str()));
        let (Ok(n), Ok(v)) = (n, v) else { return Err(Error::Solver(format!("bad HiGHS option {name}={value}"))) };
        // SAFETY: valid instance and NUL-terminated strings.
        if unsafe { sys::Highs_setOptionValue(h.as_mut_ptr(), n.as_ptr(), v.as_ptr()) } == sys::kHighsStatusError {
            return Err(Error::Solver(format!("HiGHS rejects option {name}={value}")));
        }
    }
    if let Some(start) = warm.plan {
        let index: Vec<c_int> = start.iter().map(|(c, _)| c.0 as c_int).collect();
        let value: Vec<f64> = start.iter().map(|&(_, v)| v).collect();
        // SAFETY: arrays of the length passed. A start HiGHS cannot complete is ignored.
        unsafe { sys::Highs_setSparseSolution(h.as_mut_ptr(), index.len() as c_int, index.as_ptr(), value.as_ptr()) };
    }
    if let Some(basis) = warm.basis.filter(|b| b.cols.len() == m.cols.len() && b.rows.len() == m.rows.len()) {
        // SAFETY: arrays of the model's column and row counts. HiGHS checks the basis
        // (one basic variable per row) and keeps none if it is inconsistent.
        let status = unsafe { sys::Highs_setBasis(h.as_mut_ptr(), basis.cols.as_ptr(), basis.rows.as_ptr()) };
        if status == sys::kHighsStatusError {
            tracing::debug!("the root basis was not taken");
        }
    }
    let mut watch = Watch {
        started,
        deadline: opts.time_limit,
        stop: opts.stop.clone(),
        progress: Progress::default(),
        on_progress,
        cuts: None,
        harvest,
        beside: opts.beside.clone(),
        // A harvest of root cuts compares the LP's own bound with what its caller asks of
        // the LP with the cuts: not rounded.
        grain: (m.offset, grain.filter(|_| harvest.is_none())),
    };
    // SAFETY: `watch` outlives the solve below, which is the only time HiGHS calls back.
    unsafe {
        sys::Highs_setCallback(h.as_mut_ptr(), Some(callback), &mut watch as *mut Watch as *mut c_void);
        for kind in [sys::kHighsCallbackMipImprovingSolution, sys::kHighsCallbackMipLogging, sys::kHighsCallbackMipInterrupt] {
            sys::Highs_startCallback(h.as_mut_ptr(), kind);
        }
        if harvest.is_some() {
            sys::Highs_startCallback(h.as_mut_ptr(), sys::kHighsCallbackMipGetCutPool);
        }
    }
    threads_on_this_thread(opts.threads.max(1) as i32);
    let solved = h.try_solve().map_err(|e| Error::Solver(format!("HiGHS failed: {e:?}")))?;
    let seconds = started.elapsed().as_secs_f64();
    let raw = solved.status();
    let info = |name: &std::ffi::CStr| solved.double_info_value(name).unwrap_or(f64::NAN);
    // Read raw: HiGHS leaves the status invalid (-1) after an empty model, which the
    // `highs` crate's accessor rejects with a panic.
    let has_solution = solved.int_info_value(c"primal_solution_status").ok() == Some(sys::kHighsSolutionStatusFeasible as i64);
    let x = if has_solution || raw == HighsModelStatus::Optimal { solved.get_solution().columns().to_vec() } else { Vec::new() };
    let cuts = watch.cuts.take().unwrap_or_default();
    let status = match raw {
        HighsModelStatus::Optimal => Status::Optimal,
        HighsModelStatus::Infeasible => Status::Infeasible,
        HighsModelStatus::ModelEmpty => Status::Optimal,
        _ if !x.is_empty() => Status::TimeLimit,
        HighsModelStatus::ReachedTimeLimit | HighsModelStatus::ReachedInterrupt | HighsModelStatus::ReachedSolutionLimit => {
            Status::NoSolution
        }
        other => return Err(Error::Solver(format!("HiGHS stopped with status {other:?}"))),
    };
    let objective = if x.is_empty() { f64::NAN } else { m.objective(&x) };
    let mut bound = m.round_up(info(c"mip_dual_bound"), grain);
    if status == Status::Optimal && !bound.is_finite() {
        bound = objective; // an LP or an empty model: the optimum is its own bound
    }
    // Rounded up to the grain, a bound may meet the plan that HiGHS stopped short of.
    let status = if status == Status::TimeLimit && bound >= objective - 1e-9 { Status::Optimal } else { status };
    let nodes = watch.progress.nodes;
    let lp_iterations = solved.int_info_value(c"simplex_iteration_count").unwrap_or(-1);
    tracing::debug!(
        cols = m.cols.len(),
        rows = m.rows.len(),
        limit = opts.time_limit,
        seconds,
        ?status,
        objective,
        bound,
        lp_iterations,
        ?grain,
        "mip solved"
    );
    Ok((Solution { status, gap: rel_gap(objective, bound), x, objective, bound, seconds, nodes }, lp_iterations, cuts))
}

/// An optimal solution of a linear relaxation.
#[derive(Debug, Clone)]
pub struct LpSolution {
    /// Optimal value, offset included.
    pub objective: f64,
    /// Column values.
    pub x: Vec<f64>,
    /// Row duals `y`, such that a column's reduced cost is `c_j − Σ_r y_r a_rj`.
    pub duals: Vec<f64>,
}

/// Solves the LP relaxation of `m`; `Ok(None)` if it is infeasible. Once, from no basis:
/// with HiGHS's presolve, which a session leaves off to keep its basis between solves.
/// Where pricing's working set leaves a hard row unmet, this LP over every move decides
/// whether any plan meets them all: in the diagnosis of `plan --pin C00038=P0067@2028` on
/// the district it took 9.8 s without presolve and 2.4 s with it. Where presolve cannot
/// tell infeasible from unbounded, HiGHS solves the LP again without it, and if that does
/// not tell either, the answer is an error (the caller then solves the MIP over every
/// column). Presolve itself stops at the time limit, not at a stop asked for.
pub fn solve_lp(m: &Model, opts: &SolveOptions) -> Result<Option<LpSolution>> {
    match LpSession::open(m, opts, true)?.solve()? {
        LpOutcome::Optimal(sol) => Ok(Some(sol)),
        LpOutcome::Infeasible => Ok(None),
        LpOutcome::Stopped | LpOutcome::Capped(_) => Err(Error::Solver("LP relaxation stopped by the time limit".into())),
    }
}

/// A column to add: `(cost, lower, upper, entries (row, coefficient))`.
pub type NewCol<'a> = (f64, f64, f64, &'a [(u32, f64)]);

/// A row to add to an [`LpSession`]: lower and upper bound, and its entries by column.
pub type NewRow = (f64, f64, Vec<(u32, f64)>);

/// `Ok` unless HiGHS answered a change to a session's LP (`what`) with an error.
fn accepted(status: sys::HighsInt, what: &str) -> Result<()> {
    match status {
        sys::kHighsStatusError => Err(Error::Solver(format!("HiGHS rejected {what}"))),
        _ => Ok(()),
    }
}

/// Sparse vectors packed for HiGHS: starts, indices, values.
fn packed<'a>(vectors: impl Iterator<Item = &'a [(u32, f64)]>) -> (Vec<c_int>, Vec<c_int>, Vec<f64>) {
    let (mut start, mut index, mut value) = (Vec::new(), Vec::new(), Vec::new());
    for v in vectors {
        start.push(index.len() as c_int);
        index.extend(v.iter().map(|&(i, _)| i as c_int));
        value.extend(v.iter().map(|&(_, a)| a));
    }
    (start, index, value)
}

/// How an LP solve ended.
#[derive(Debug, Clone)]
pub enum LpOutcome {
    /// Optimal.
    Optimal(LpSolution),
    /// Infeasible.
    Infeasible,
    /// Stopped by the time limit.
    Stopped,
    /// Stopped at the iteration limit ([`LpSession::cap`]): the dual simplex's point, its
    /// duals feasible, its primal values not.
    Capped(LpSolution),
}

/// Readies this thread's HiGHS scheduler for a run with `threads`. HiGHS keeps one scheduler
/// per calling thread, sized by the first run on it, and fails a later run with another
/// count ("the scheduler has already been initialized"). Rayon runs work on whichever of
/// its threads is free (a part of one plan, then a runner-up's plan with fewer threads), so
/// a scheduler of another size is reset first.
fn threads_on_this_thread(threads: i32) {
    thread_local!(static THREADS: std::cell::Cell<i32> = const { std::cell::Cell::new(0) });
    THREADS.with(|t| {
        if t.get() != 0 && t.get() != threads {
            // SAFETY: between runs, on the thread that owns the scheduler (HiGHS runs
            // nothing of ours on its own workers).
            unsafe { sys::Highs_resetThreadScheduler(1) };
        }
        t.set(threads);
    });
}

/// HiGHS's change of row or column bounds by a set of indices.
type BoundsBySet = unsafe extern "C" fn(*mut c_void, c_int, *const c_int, *const f64, *const f64) -> c_int;

/// An LP kept alive between solves, so that added columns warm-start from the last basis
/// (column generation).
pub struct LpSession {
    model: Option<highs::Model>,
    /// HiGHS's `threads`.
    threads: i32,
    /// Read by the simplex interrupt callback (the stop flag and the deadline): a leaked
    /// box, so that its address stays fixed while HiGHS holds it; freed on drop, after
    /// the model.
    watch: std::ptr::NonNull<Watch<'static>>,
}

impl Drop for LpSession {
    fn drop(&mut self) {
        // The model (and with it every reference HiGHS holds to the watch) goes first.
        drop(self.model.take());
        // SAFETY: `watch` came from `Box::into_raw` in `new` and is freed only here.
        drop(unsafe { Box::from_raw(self.watch.as_ptr()) });
    }
}

impl LpSession {
    /// The LP relaxation of `m`.
    pub fn new(m: &Model, opts: &SolveOptions) -> Result<LpSession> {
        LpSession::open(m, opts, false)
    }

    /// The LP relaxation of `m`, with HiGHS's presolve or without (re-solves from a basis).
    fn open(m: &Model, opts: &SolveOptions, presolve: bool) -> Result<LpSession> {
        let mut h = load_relaxed(m)?;
        h.set_option("output_flag", false);
        h.set_option("time_limit", opts.time_limit.max(0.0));
        h.set_option("threads", opts.threads.max(1) as i32);
        // HiGHS's serial dual simplex (its default), even with threads to spare: its
        // parallel-task variant (SIP) took the district's pricing LPs from 4.35 s to 3.35 s
        // on an idle machine, but with another process busy on the second core its tasks
        // wait on each other: pricing then ended 5 rounds in at 43 s, against 7 s for the
        // whole plan serially (BENCHMARKS.md, session 36).
        // A session's re-solves start from the previous basis, which presolve would
        // discard; a single solve from no basis ([`solve_lp`]) has none to keep.
        h.set_option("presolve", if presolve { "on" } else { "off" });
        let watch = Box::into_raw(Box::new(Watch {
            started: Instant::now(),
            deadline: opts.time_limit,
            stop: opts.stop.clone(),
            progress: Progress::default(),
            // No progress to report from pricing LPs; a closure without captures is
            // zero-sized, so leaking it allocates nothing.
            on_progress: Box::leak(Box::new(|_: &Progress| {})),
            cuts: None,
            harvest: None,
            // A solve beside it that closes the model stops it too (an LP has no plan to
            // meet the other's bound with).
            beside: opts.beside.clone(),
            grain: (0.0, None),
        }));
        // SAFETY: the watch lives until the session drops, after the model (see `Drop`),
        // hence as long as HiGHS can call back with it.
        unsafe {
            sys::Highs_setCallback(h.as_mut_ptr(), Some(callback), watch as *mut c_void);
            sys::Highs_startCallback(h.as_mut_ptr(), sys::kHighsCallbackSimplexInterrupt);
        }
        let watch = std::ptr::NonNull::new(watch).expect("Box::into_raw is never null");
        Ok(LpSession { model: Some(h), threads: opts.threads.max(1) as i32, watch })
    }

    /// Adds continuous columns `(cost, lower, upper, entries)`.
    pub fn add_cols(&mut self, cols: &[NewCol]) -> Result<()> {
        let h = self.model.as_mut().expect("session alive");
        let cost: Vec<f64> = cols.iter().map(|c| c.0).collect();
        let lower: Vec<f64> = cols.iter().map(|c| c.1).collect();
        let upper: Vec<f64> = cols.iter().map(|c| c.2).collect();
        let (start, index, value) = packed(cols.iter().map(|c| c.3));
        // SAFETY: arrays sized as the counts passed; HiGHS copies them.
        let status = unsafe {
            sys::Highs_addCols(
                h.as_mut_ptr(),
                cols.len() as c_int,
                cost.as_ptr(),
                lower.as_ptr(),
                upper.as_ptr(),
                index.len() as c_int,
                start.as_ptr(),
                index.as_ptr(),
                value.as_ptr(),
            )
        };
        accepted(status, "added columns")
    }

    /// Adds rows `(lower, upper, entries)`, entries by column of the session; HiGHS keeps the
    /// basis, each new row basic, so the next solve (dual simplex) starts from it.
    pub fn add_rows(&mut self, rows: &[NewRow]) -> Result<()> {
        let h = self.model.as_mut().expect("session alive");
        let lower: Vec<f64> = rows.iter().map(|r| r.0).collect();
        let upper: Vec<f64> = rows.iter().map(|r| r.1).collect();
        let (start, index, value) = packed(rows.iter().map(|r| r.2.as_slice()));
        // SAFETY: arrays sized as the counts passed; HiGHS copies them.
        let status = unsafe {
            sys::Highs_addRows(
                h.as_mut_ptr(),
                rows.len() as c_int,
                lower.as_ptr(),
                upper.as_ptr(),
                index.len() as c_int,
                start.as_ptr(),
                index.as_ptr(),
                value.as_ptr(),
            )
        };
        accepted(status, "added rows")
    }

    /// Caps the simplex iterations of the next solves (`None`: no cap).
    pub fn cap(&mut self, iterations: Option<usize>) {
        let h = self.model.as_mut().expect("session alive");
        h.set_option("simplex_iteration_limit", iterations.map_or(i32::MAX, |i| i.min(i32::MAX as usize) as i32));
    }

    /// Changes the costs of columns `(index in the session, cost)`.
    pub fn set_costs(&mut self, costs: &[(usize, f64)]) -> Result<()> {
        let h = self.model.as_mut().expect("session alive");
        let index: Vec<c_int> = costs.iter().map(|&(c, _)| c as c_int).collect();
        let cost: Vec<f64> = costs.iter().map(|&(_, v)| v).collect();
        // SAFETY: arrays of the length passed.
        let status =
            unsafe { sys::Highs_changeColsCostBySet(h.as_mut_ptr(), index.len() as c_int, index.as_ptr(), cost.as_ptr()) };
        accepted(status, "a cost change")
    }

    /// Changes the bounds of rows `(index, lower, upper)`.
    pub fn set_row_bounds(&mut self, rows: &[(usize, f64, f64)]) -> Result<()> {
        self.set_bounds(sys::Highs_changeRowsBoundsBySet, rows, "a row bound change")
    }

    /// Changes the bounds of columns `(index in the session, lower, upper)`.
    pub fn set_col_bounds(&mut self, cols: &[(usize, f64, f64)]) -> Result<()> {
        self.set_bounds(sys::Highs_changeColsBoundsBySet, cols, "a column bound change")
    }

    /// Changes bounds `(index, lower, upper)` through HiGHS's `change` (of rows or columns).
    fn set_bounds(&mut self, change: BoundsBySet, items: &[(usize, f64, f64)], what: &str) -> Result<()> {
        let h = self.model.as_mut().expect("session alive");
        let index: Vec<c_int> = items.iter().map(|&(k, _, _)| k as c_int).collect();
        let lower: Vec<f64> = items.iter().map(|&(_, l, _)| l).collect();
        let upper: Vec<f64> = items.iter().map(|&(_, _, u)| u).collect();
        // SAFETY: arrays of the length passed.
        let status = unsafe { change(h.as_mut_ptr(), index.len() as c_int, index.as_ptr(), lower.as_ptr(), upper.as_ptr()) };
        accepted(status, what)
    }

    /// Starts the next solve from `basis` (of the session's column and row counts); whether
    /// HiGHS took it (it keeps none that is inconsistent).
    pub fn set_basis(&mut self, basis: &Basis) -> bool {
        let h = self.model.as_mut().expect("session alive");
        // SAFETY: a valid instance, read only for the counts.
        let (cols, rows) = unsafe { (sys::Highs_getNumCol(h.as_ptr()), sys::Highs_getNumRow(h.as_ptr())) };
        if basis.cols.len() != cols.max(0) as usize || basis.rows.len() != rows.max(0) as usize {
            return false;
        }
        // SAFETY: arrays of the instance's column and row counts.
        unsafe { sys::Highs_setBasis(h.as_mut_ptr(), basis.cols.as_ptr(), basis.rows.as_ptr()) != sys::kHighsStatusError }
    }

    /// The basis of the last solve (`None` if HiGHS has none).
    pub fn basis(&self) -> Option<Basis> {
        let h = self.model.as_ref().expect("session alive");
        // SAFETY: a valid instance, read only.
        let (cols, rows) = unsafe { (sys::Highs_getNumCol(h.as_ptr()), sys::Highs_getNumRow(h.as_ptr())) };
        let mut basis = Basis { cols: vec![0; cols.max(0) as usize], rows: vec![0; rows.max(0) as usize] };
        // SAFETY: arrays of the instance's column and row counts.
        let status = unsafe { sys::Highs_getBasis(h.as_ptr(), basis.cols.as_mut_ptr(), basis.rows.as_mut_ptr()) };
        (status != sys::kHighsStatusError).then_some(basis)
    }

    /// Re-solves from the last basis; `Ok(None)` if infeasible.
    pub fn solve(&mut self) -> Result<LpOutcome> {
        let h = self.model.take().expect("session alive");
        threads_on_this_thread(self.threads);
        let solved = h.try_solve().map_err(|e| Error::Solver(format!("HiGHS failed on the LP: {e:?}")))?;
        tracing::debug!(iterations = solved.int_info_value(c"simplex_iteration_count").ok(), "lp solved");
        let solution = || {
            let sol = solved.get_solution();
            LpSolution { objective: solved.objective_value(), x: sol.columns().to_vec(), duals: sol.dual_rows().to_vec() }
        };
        let out = match solved.status() {
            HighsModelStatus::Optimal => LpOutcome::Optimal(solution()),
            HighsModelStatus::Infeasible => LpOutcome::Infeasible,
            HighsModelStatus::ReachedTimeLimit | HighsModelStatus::ReachedInterrupt => LpOutcome::Stopped,
            HighsModelStatus::ReachedIterationLimit => LpOutcome::Capped(solution()),
            other => return Err(Error::Solver(format!("LP relaxation stopped with status {other:?}"))),
        };
        self.model = Some(highs::Model::from(solved));
        Ok(out)
    }
}

/// `m`'s LP relaxation, loaded into HiGHS.
fn load_relaxed(m: &Model) -> Result<highs::Model> {
    let mut relaxed = m.clone();
    relaxed.cols.iter_mut().for_each(|c| c.integer = false);
    load(&relaxed)
}

/// Solves the LP relaxation of `m` and returns its optimal value (a bound on the MIP).
pub fn lp_bound(m: &Model, opts: &SolveOptions) -> Result<f64> {
    solve_lp(m, opts)?.map(|s| s.objective).ok_or_else(|| Error::Solver("the LP relaxation is infeasible".into()))
}

/// Writes `m` as an MPS file with the given column labels and the model's row labels.
pub fn write_mps(m: &Model, path: &Path, col_label: &dyn Fn(usize) -> String) -> Result<()> {
    let mut h = load(m)?;
    h.set_option("output_flag", false);
    let cname = |s: String| CString::new(s.replace(char::is_whitespace, "_")).expect("labels contain no NUL");
    for c in 0..m.cols.len() {
        let name = cname(col_label(c));
        // SAFETY: valid instance, index in range, NUL-terminated name.
        unsafe { sys::Highs_passColName(h.as_mut_ptr(), c as c_int, name.as_ptr()) };
    }
    for r in 0..m.rows.len() {
        let name = cname(m.row_label(r));
        // SAFETY: as above.
        unsafe { sys::Highs_passRowName(h.as_mut_ptr(), r as c_int, name.as_ptr()) };
    }
    let file = CString::new(path.to_string_lossy().into_owned()).map_err(|_| Error::Solver("path contains NUL".into()))?;
    // SAFETY: valid instance and NUL-terminated path.
    let status = unsafe { sys::Highs_writeModel(h.as_mut_ptr(), file.as_ptr()) };
    if status == sys::kHighsStatusError {
        return Err(Error::Output { path: path.to_path_buf(), source: std::io::Error::other("HiGHS could not write the model") });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mip::{ColName, RowName};

    /// A 2×2 assignment: costs 1 2 / 3 1, optimum 2.
    fn assignment() -> Model {
        let mut m = Model::default();
        let c = [1.0, 2.0, 3.0, 1.0];
        let x: Vec<_> = (0..4).map(|k| m.add_binary(c[k], ColName::Aux("x", k as u32 / 2, k as u32 % 2, 0))).collect();
        for i in 0..2u32 {
            let n = RowName { rule: "one", a: i, b: 0, year: 0 };
            m.add_row(1.0, 1.0, [(x[2 * i as usize], 1.0), (x[2 * i as usize + 1], 1.0)], n);
            m.add_row(1.0, 1.0, [(x[i as usize], 1.0), (x[i as usize + 2], 1.0)], RowName { rule: "post", ..n });
        }
        m.offset = 10.0;
        m
    }

    #[test]
    fn solves_a_small_assignment_with_offset_and_bound() {
        let mut calls = 0;
        let s = solve(&assignment(), &SolveOptions::default(), Warm::default(), &mut |_| calls += 1).unwrap();
        assert_eq!(s.status, Status::Optimal);
        assert!((s.objective - 12.0).abs() < 1e-9, "{}", s.objective);
        assert!((s.bound - 12.0).abs() < 1e-6);
        assert_eq!(s.x.iter().map(|v| v.round() as i32).collect::<Vec<_>>(), vec![1, 0, 0, 1]);
        assert!((lp_bound(&assignment(), &SolveOptions::default()).unwrap() - 12.0).abs() < 1e-9);
    }

    /// The options rotaplan sets exist in this build of HiGHS (`mip_max_root_sepa_rounds` is
    /// our patch 7; a HiGHS updated without it would fail every quick plan), and an
    /// unknown one is an error, not ignored.
    #[test]
    fn takes_the_patched_options_and_rejects_unknown_ones() {
        let with = |name: &str, value: &str| SolveOptions {
            highs: vec![(name.to_string(), value.to_string())],
            ..SolveOptions::default()
        };
        for (name, value) in [("mip_max_root_sepa_rounds", "5"), ("presolve", "off"), ("presolve_rule_off", "32768")] {
            let s = solve(&assignment(), &with(name, value), Warm::default(), &mut |_| {}).unwrap();
            assert!((s.objective - 12.0).abs() < 1e-9, "{name}: {}", s.objective);
        }
        let err = solve(&assignment(), &with("mip_max_root_cut_rounds", "5"), Warm::default(), &mut |_| {}).unwrap_err();
        assert!(err.to_string().contains("mip_max_root_cut_rounds"), "{err}");
    }

    #[test]
    fn reports_infeasible() {
        let mut m = assignment();
        m.add_row(
            2.0,
            2.0,
            [(super::super::Col(0), 1.0), (super::super::Col(2), 1.0)],
            RowName { rule: "bad", a: 0, b: 0, year: 0 },
        );
        let s = solve(&m, &SolveOptions::default(), Warm::default(), &mut |_| {}).unwrap();
        assert_eq!(s.status, Status::Infeasible);
        // Its LP too, through presolve (`solve_lp`) and from the slacks (a session).
        assert!(solve_lp(&m, &SolveOptions::default()).unwrap().is_none());
        assert!(matches!(LpSession::new(&m, &SolveOptions::default()).unwrap().solve().unwrap(), LpOutcome::Infeasible));
        // And without the bad row, the same optimum either way.
        let m = assignment();
        let once = solve_lp(&m, &SolveOptions::default()).unwrap().unwrap();
        let LpOutcome::Optimal(session) = LpSession::new(&m, &SolveOptions::default()).unwrap().solve().unwrap() else {
            panic!("the assignment's LP has an optimum")
        };
        assert!((once.objective - session.objective).abs() < 1e-9);
        assert_eq!(once.x.len(), m.cols.len());
        assert_eq!(once.duals.len(), m.rows.len());
    }

    /// The MIP's root LP starts from the basis given (our HiGHS's change 8): the LP's
    /// optimal basis leaves it no iteration to do, also with a plan to start from (which
    /// HiGHS completes by an LP of its own first, upstream clearing the basis); without
    /// it the root LP starts from the slacks.
    #[test]
    fn the_root_lp_starts_from_the_basis_given() {
        // Eight people, eight posts, costs spread so that the LP's optimum is one
        // assignment, and a vacancy slack per post (a continuous column for HiGHS to
        // complete a start with).
        let n = 8u32;
        let mut m = Model::default();
        let x: Vec<Vec<Col>> = (0..n)
            .map(|i| (0..n).map(|j| m.add_binary(((i * 7 + j * 3) % 11) as f64 + 1.0, ColName::Aux("x", i, j, 0))).collect())
            .collect();
        let vacant: Vec<Col> = (0..n).map(|j| m.add_col(0.0, 1.0, 50.0, false, ColName::Aux("vacant", j, 0, 0))).collect();
        for i in 0..n {
            let terms: Vec<(Col, f64)> = (0..n as usize).map(|j| (x[i as usize][j], 1.0)).collect();
            m.add_row(0.0, 1.0, terms, RowName { rule: "one", a: i, b: 0, year: 0 });
        }
        for j in 0..n {
            let mut terms: Vec<(Col, f64)> = (0..n as usize).map(|i| (x[i][j as usize], 1.0)).collect();
            terms.push((vacant[j as usize], 1.0));
            m.add_row(1.0, 1.0, terms, RowName { rule: "post", a: j, b: 0, year: 0 });
        }
        let opts = SolveOptions { highs: vec![("presolve".into(), "off".into())], ..SolveOptions::default() };
        let mut lp = LpSession::new(&m, &opts).unwrap();
        let LpOutcome::Optimal(relaxed) = lp.solve().unwrap() else { panic!("the LP has an optimum") };
        let basis = lp.basis().unwrap();
        let plan: Vec<(Col, f64)> = m
            .cols
            .iter()
            .zip(&relaxed.x)
            .enumerate()
            .filter(|(_, (c, _))| c.integer)
            .map(|(k, (_, &v))| (Col(k as u32), v))
            .collect();
        let run = |warm: Warm| {
            let (solution, iterations, _) = solve_counted(&m, &opts, warm, &mut |_| {}, None).unwrap();
            (solution, iterations)
        };
        let (cold, cold_iterations) = run(Warm::default());
        let (warm, warm_iterations) = run(Warm { plan: None, basis: Some(&basis) });
        let (both, both_iterations) = run(Warm { plan: Some(&plan), basis: Some(&basis) });
        for s in [&cold, &warm, &both] {
            assert_eq!(s.status, Status::Optimal);
            assert!((s.objective - relaxed.objective).abs() < 1e-6, "{} against the LP's {}", s.objective, relaxed.objective);
        }
        assert!(cold_iterations > 0, "from the slacks: {cold_iterations}");
        assert_eq!((warm_iterations, both_iterations), (0, 0));
        // A basis of another model's size is left out, not an error.
        let short = Basis { cols: basis.cols[1..].to_vec(), rows: basis.rows.clone() };
        assert_eq!(run(Warm { plan: None, basis: Some(&short) }).1, cold_iterations);
    }

    #[test]
    fn writes_named_mps() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.mps");
        let m = assignment();
        write_mps(&m, &path, &|c| format!("col{c}")).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("col3") && text.contains("post[1,0,0]#3"), "{text}");
    }
}

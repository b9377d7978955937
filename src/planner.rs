//! The pipeline from a validated scenario to a checked plan: eligibility → model → solve →
//! plan → check. Reporting is the caller's (see `report`).

use crate::check::{self, Report};
use crate::eligibility::Eligibility;
use crate::error::{Error, Result};
use crate::formulation::Formulation;
use crate::mip::highs::Warm;
use crate::mip::{self, Col, Progress, Solution, SolveOptions, Status};
use crate::plan::Plan;
use crate::rules;
use crate::scenario::Scenario;
use crate::search;
use rayon::prelude::*;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Moves per person in the first working set of column generation.
const INITIAL_MOVES_PER_PERSON: usize = 3;
/// Where officials may move more than once (minimum-stay stints in the model), the moves
/// per person in the first working set and a round may add: each official has many more
/// ways to split the years, and pricing with 3 and 5 (the district's: [`MOVES_PER_ROUND`])
/// took 16–17 rounds on the district with `max_moves = 0` (the plan proven at 6.3 s, the
/// run 11.5–12.0 s; with these, 11 rounds, the plan at about 5 s and the run 5.4–5.9 s: the
/// rest is the root cuts for `lp.json`, of which this vertex has none) and ended in eight
/// of the city's nine counties (at 60 s 13,282.90, 1.33% from the bound; with these, in
/// all nine: 13,276.00, 0.42%). The generated pools of 150 and 300 officials take longer
/// with these (120.6 s to 155.9 s for seven, each proven optimal either way); with one
/// move, 20 a round made the city slower (45–46 s to 53–55 s to its proven optimum).
/// BENCHMARKS.md, session 42. (Since session 43 the root cuts' lane stops where the quick
/// plan settles the part, as there: [`finish`].)
const MOVING_ON_MOVES: (usize, usize) = (8, 20);
/// Simplex iterations per row of its LP that a pricing round may take until few moves
/// price out ([`mip::colgen::Pricing::iterations_per_row`]): a little more than the first
/// LP takes from the slacks (2.6k iterations for 4.2k rows on the district with
/// `max_moves = 0`), where the rounds after it took 2–5k each to optima the next columns
/// left at once. With it pricing took 3.1–3.2 s there instead of 4.2–4.6 s, and 2.0–2.3 s
/// instead of 2.2–2.6 s on the district under its three policies; 0.5 was slower on the
/// district and under `recusal-all-levels` (BENCHMARKS.md, session 43).
const ITERATIONS_PER_ROW: f64 = 0.7;
/// Share of a part's first phase after which pricing, where officials may move more than
/// once, falls back to one move each ([`mip::colgen::Fallback`]) at a round far from the
/// end ([`FALLBACK_FAR`]). On the 800-person pool with `max_moves = 0` and 60 s, pricing
/// falls back at 28 s, 58% of its working set pricing out; the LP with one move each ends
/// 9 s later and its quick plan takes 6 s: −409.80 against its greedy plan, 19,739.60,
/// before (one move by the policy: −408.90). BENCHMARKS.md, session 44.
const FALLBACK_SHARE: f64 = 0.5;
/// Share of the working set pricing out in a round beyond which pricing is far from its
/// end ([`FALLBACK_SHARE`]). A part of the province with `max_moves = 0` fell back with
/// 6.5% pricing out and ended over the fallback's LP in 4 rounds: a part as close to the
/// end may finish in its time, and falling back gives up its LP bound.
const FALLBACK_FAR: f64 = 0.2;
/// Moves per row that must be met (a must-fill post-year, a pin) in the first working set.
const MOVES_PER_MUST_FILL_ROW: usize = 2;
/// Moves per person a pricing round may add: one per this many moves the part may leave
/// out, between [`MOVES_PER_ROUND`]'s bounds. Small parts (the district: 51k moves) price
/// to the end in a few seconds with 5 and their MIP stays small (12.7 s to the plan; 31.8 s
/// with 20); a part of 800 people (304k moves) needs 14 rounds of 1.4–5 s LPs with 5 and
/// does not finish in 60 s, but 9 rounds with 20 (31 s).
const MOVES_PER_ROUND_DIVISOR: usize = 15_000;
/// Bounds of the moves per person and round.
const MOVES_PER_ROUND: (usize, usize) = (5, 20);
/// Share of the solving time that the first phase of the parts (pricing and the quick
/// plan, [`price`]) may use; the second (the MIP and the proof, [`finish`]) has the rest,
/// shared among the parts by what each can still gain. On the city's nine county parts a
/// proof that ran to the end of a part's time won a few points while another part had
/// stopped pricing, with a plan thousands above its LP.
const FIRST_PHASE_SHARE: f64 = 0.85;
/// Share of a part's first phase after which pricing stops at the end of a round unless it
/// is close to the end or its last LP took less than the time left to
/// [`PRICING_CLOSE_SHARE`] (then it goes on to that): the rest is the quick plan's, so
/// that a budget too short to price every move still ends with a plan.
const PRICING_SHARE: f64 = 0.8;
/// Share of a part's first phase that pricing past [`PRICING_SHARE`] may use.
const PRICING_CLOSE_SHARE: f64 = 0.9;
/// Share of a part's first phase that its quick plan may use at least, past the phase's
/// end if need be: the whole share (half before session 45). Where officials may move more
/// than once the quick MIPs of a tenth of the province's counties needed 5-15 s and were
/// cut at half (46.4% from the bound at 10 minutes; 12.1% with the whole share, 0.74% with
/// the second go of [`Priced::quick_plans`] too).
const QUICK_SHARE: f64 = 1.0;
/// Share of the quick plan's time that its MIP over the LP's support ([`Quick::support_first`])
/// may use at most; the quick MIP over the whole working set, started from its plan, has
/// the rest.
const SUPPORT_SHARE: f64 = 0.5;
/// The share of the time left to the end of the plan past which a quick plan's time must
/// reach for it to start from the LP's support ([`Quick::support_first`]).
const SUPPORT_WHERE: f64 = 0.5;
/// Root cut rounds of the quick plan's MIP (an option of our HiGHS patch 7; HiGHS gives its
/// own sub-MIPs 5): it is there for a plan, not a bound, and on a city county whose bound
/// kept creeping up the cut loop took all of its time, so the sub-MIP heuristics that find
/// the plans never ran.
const QUICK_CUT_ROUNDS: &str = "5";
/// Share of a part's second phase that the second go of its quick plan may use, when its
/// first MIP was cut by time ([`Priced::quick_plans`]).
const QUICK_AGAIN_SHARE: f64 = 0.5;
/// Separation rounds of the root that finds the part's cuts ([`root_cuts`]): the first
/// round alone raises the LP to the optimum on the district under its three policies
/// (default, strict, `recusal-all-levels`); the rounds after it added cuts without
/// raising it (under `recusal-all-levels` 26 cuts in 13 s, against 15 in 3.9 s with 5).
const ROOT_CUT_ROUNDS: &str = "5";
/// Share of the time left after building the model that the repair of the greedy plan may
/// use at most.
const REPAIR_SHARE: f64 = 0.3;

/// Size of the model and where the time went.
#[derive(Debug, Clone, Default)]
pub struct ModelStats {
    /// Eligible arcs (= hold columns).
    pub arcs: usize,
    /// Columns.
    pub cols: usize,
    /// Integer columns.
    pub integers: usize,
    /// Rows.
    pub rows: usize,
    /// Nonzeros.
    pub nnz: usize,
    /// Seconds for eligibility, model building and column generation.
    pub build_seconds: f64,
    /// Columns the MIP solver saw (the working set of column generation).
    pub working_cols: usize,
    /// Pricing rounds of column generation.
    pub pricing_rounds: usize,
    /// LP optimum of the full model, when column generation proved it.
    pub lp_bound: Option<f64>,
    /// Independent parts the model split into.
    pub parts: usize,
    /// Parts whose pricing did not end (stopped by the time limit or Ctrl-C): their bound
    /// is the Lagrangian one of pricing's rounds, and the plan has no LP bound.
    pub unpriced_parts: usize,
    /// Of them, the parts whose pricing fell back to one move an official
    /// ([`mip::colgen::Fallback`]): their quick plan moves each official at most once.
    pub fell_back_parts: usize,
    /// Peak resident memory of the process so far, in MiB (Linux only).
    pub peak_mib: Option<f64>,
    /// Arcs excluded per rule.
    pub excluded: Vec<(&'static str, u64)>,
    /// The first plan meeting every hard rule (the greedy plan, repaired): seconds from
    /// the start and its objective; `None` when the repair found none in its time.
    pub first_plan: Option<(f64, f64)>,
}

/// A solved plan with everything reports need.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The plan.
    pub plan: Plan,
    /// What the solver reported.
    pub solution: Solution,
    /// Model size and build time.
    pub stats: ModelStats,
    /// The independent check of the plan.
    pub report: Report,
    /// The greedy year-by-year plan's check (the baseline a planner would make by hand).
    pub baseline: Report,
    /// What pricing proved, for proving runner-ups later ([`prove_pinned`]); `None` when
    /// the moves were not priced (`colgen` off).
    pub lp: Option<LpCertificate>,
}

/// What pricing proved about the model of a plan, kept so that a runner-up (the plan with
/// one more pin) can be proven optimal without pricing again ([`prove_pinned`]): for each
/// independent part, in [`mip::Model::components`]'s order, its LP bound, the reduced
/// cost of each of its columns at the final duals (a plan using column `c` costs at least
/// the bound plus `reduced[c]`: a pin does not change that, its row's dual being 0), and
/// the final basis. `plan` writes it to `lp.json`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LpCertificate {
    /// [`mip::Model::fingerprint`] of the model it is for: it proves nothing about another.
    pub fingerprint: u64,
    /// Per part; `None` where pricing did not end (no LP bound).
    pub parts: Vec<Option<PartLp>>,
}

/// A plan's model and what its solve proved of each of its parts (its `lp.json`), built
/// once for all the runner-ups of that plan ([`pinned_bound`], [`prove_pinned`]).
pub struct Certified<'a> {
    /// The model of the scenario, without a pin.
    f: Formulation<'a>,
    /// Its parts' columns ([`mip::Model::components`]).
    parts: Vec<Vec<u32>>,
    /// What pricing proved of each part.
    part_lps: Vec<&'a PartLp>,
}

impl<'a> Certified<'a> {
    /// The model of `s` under `rules`, with what `lp` proved of it: when `lp` is for that
    /// model, pricing ended in every part, and its parts are shaped like the model's;
    /// otherwise why it proves nothing.
    pub fn new(
        s: &'a Scenario,
        rules: &'a [Box<dyn rules::Rule>],
        lp: &'a LpCertificate,
    ) -> std::result::Result<Certified<'a>, &'static str> {
        let f = Formulation::build(s, rules, &Eligibility::new(s, rules));
        let (parts, part_lps) = lp.parts_of(&f.model)?;
        Ok(Certified { f, parts, part_lps })
    }
}

impl std::fmt::Debug for Certified<'_> {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        out.debug_struct("Certified").field("columns", &self.f.model.cols.len()).field("parts", &self.parts.len()).finish()
    }
}

impl LpCertificate {
    /// `m.components()` and their shares of it, when it is for model `m`, pricing ended in
    /// every part, and each share is shaped like its part (a reduced cost per column, cuts
    /// over its columns); otherwise why not.
    fn parts_of(&self, m: &mip::Model) -> std::result::Result<(Vec<Vec<u32>>, Vec<&PartLp>), &'static str> {
        if m.fingerprint() != self.fingerprint {
            return Err("it is for another model (the scenario or policy changed since the plan)");
        }
        let part_lps: Vec<&PartLp> = self
            .parts
            .iter()
            .map(Option::as_ref)
            .collect::<Option<_>>()
            .ok_or("pricing did not end for the plan (it ran out of time)")?;
        let parts = m.components();
        let fits = |(cols, p): (&Vec<u32>, &&PartLp)| {
            p.reduced.len() == cols.len() && p.cuts.iter().flat_map(|c| &c.terms).all(|t| (t.0 as usize) < cols.len())
        };
        if parts.len() != part_lps.len() || !parts.iter().zip(&part_lps).all(fits) {
            return Err("its parts do not match the model's (the file was edited or damaged)");
        }
        Ok((parts, part_lps))
    }
}

/// One part's share of an [`LpCertificate`] (columns indexed like the part).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct PartLp {
    /// LP optimum over every move of the part (offset excluded).
    pub lp_bound: f64,
    /// Reduced cost of each column at the final duals, at least 0.
    pub reduced: Vec<f64>,
    /// The final LP's basis, when HiGHS gave one.
    pub basis: Option<mip::highs::Basis>,
    /// The cuts HiGHS's root separation finds over every move of the part, asked without
    /// a plan to cut off ([`mip::highs::root_cuts`]): valid for every plan of the part, a
    /// pinned one included. With them the LP with one more pin is much tighter (on the
    /// district it meets the best plan with the pin: [`pinned_bound`]). Empty when the
    /// time ran out first (or `lp.json` is older than them).
    #[serde(default)]
    pub cuts: Vec<mip::highs::Cut>,
    /// The basis of the LP with the cuts (rows: the part's, then the cuts') at its optimal
    /// point nearest the plan: where a runner-up's LP starts, a pin away from its optimum
    /// ([`pinned_bound`]). `None` without cuts or time.
    #[serde(default)]
    pub cut_basis: Option<mip::highs::Basis>,
}

/// A phase of planning, for progress displays.
#[derive(Debug, Clone, Copy)]
pub enum Phase<'a> {
    /// Building the model.
    Building,
    /// Column generation: pricing round, working-set LP value.
    Pricing(usize, f64),
    /// Independent parts solved so far, of all.
    Parts(usize, usize),
    /// Solving, with the solver's progress.
    Solving(&'a Progress),
}

/// Plans `s`. Errors: [`Error::Infeasible`] when the hard rules cannot all be met.
pub fn plan(
    s: &Scenario,
    opts: &SolveOptions,
    export_mps: Option<&Path>,
    on_progress: &(dyn Fn(Phase) + Sync),
) -> Result<Outcome> {
    let started = Instant::now();
    on_progress(Phase::Building);
    let rules = rules::all(s);
    let elig = Eligibility::new(s, &rules);
    let f = Formulation::build(s, &rules, &elig);
    let m = &f.model;
    let stats = ModelStats {
        arcs: elig.arcs(),
        cols: m.cols.len(),
        integers: m.num_integer(),
        rows: m.rows.len(),
        nnz: m.nnz(),
        build_seconds: started.elapsed().as_secs_f64(),
        excluded: elig.excluded.clone(),
        ..ModelStats::default()
    };
    tracing::info!(?stats, "model built");
    if let Some(path) = export_mps {
        let label = |c: usize| m.col_label(c, &|p| s.person(p).id.clone(), &|j| s.post(j).id.clone());
        mip::highs::write_mps(m, path, &label)?;
    }
    if !f.conflicts.is_empty() {
        // Each found before solving is a conflict of its own.
        let found = f
            .conflicts
            .iter()
            .enumerate()
            .map(|(k, c)| crate::diagnose::Conflict { group: k + 1, ..crate::diagnose::Conflict::found(c.clone()) });
        return Err(Error::Infeasible(found.collect()));
    }
    let deadline = started + std::time::Duration::from_secs_f64(opts.time_limit.max(1.0));
    // Column generation: the solver sees the moves that can matter; the LP duals prove
    // that the others cannot improve the LP optimum, which is the bound we report.
    let mut prunable = vec![false; m.cols.len()];
    let mut initial = vec![false; m.cols.len()];
    let mut group = vec![u32::MAX; m.cols.len()];
    // The minimum-stay stints (officials moving more than once) are priced in last.
    let mut later = vec![false; m.cols.len()];
    // Each person takes a year at most once and makes at most `max_moves` moves: the
    // Lagrangian bound of pricing keeps that (a bound even when pricing is cut short).
    let spans: Vec<Option<mip::colgen::Span>> = m
        .cols
        .iter()
        .map(|c| match c.name {
            mip::ColName::Hold(p, _, y) => Some(mip::colgen::Span { group: p.0, first: y, last: y, counted: false }),
            mip::ColName::Entry(p, _, first, last) => Some(mip::colgen::Span { group: p.0, first, last, counted: true }),
            mip::ColName::Aux(..) => None,
        })
        .collect();
    let most_counted: Vec<u32> =
        f.moves.iter().map(|c| c.map_or(0, |c| m.cols[c.0 as usize].ub.min(u32::MAX as f64) as u32)).collect();
    // The slacks the rules ask to be priced (`Formulation::priced_slacks`), each in a group
    // of its own.
    for (k, over) in f.priced_slacks.iter().enumerate().filter(|_| opts.colgen) {
        prunable[over.0 as usize] = true;
        group[over.0 as usize] = (s.people.len() + k) as u32;
    }
    let mut by_person: Vec<Vec<(f64, u64, usize)>> = vec![Vec::new(); s.people.len()];
    for st in f.stints.iter().filter(|_| opts.colgen) {
        let c = st.col.0 as usize;
        prunable[c] = true;
        group[c] = st.person.0;
        later[c] = st.moves_on;
        // Cheapest first; ties (most moves cost the same) spread over posts by a hash so
        // that people do not all start with the same few posts.
        let spread =
            (st.person.0 as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (st.post.0 as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        by_person[st.person.0 as usize].push((m.cols[c].cost, spread.rotate_left(17), c));
    }
    // The start, repaired where it breaks a hard rule, is the incumbent: its moves join the
    // first working set, it starts every MIP, and it is the plan written when the search
    // finds nothing better in time. The start is the greedy plan, or when re-planning the
    // published plan. A plan to stay near (runner-ups, alternatives) only seeds the working
    // set, unrepaired: every change against it costs the change weight, so the LP is
    // tight around it and the search finds the least change faster than the repair would
    // (five runner-ups on the district: 1.0 s against 2.1 s with the repair).
    let greedy = crate::greedy::plan(&f);
    let baseline = check::check(s, &greedy);
    let start = s.reference.as_ref().map_or(&greedy, |r| &r.plan);
    let neighbours = search::Neighbours::new(&f);
    let repair_by = share_of(deadline, REPAIR_SHARE);
    let incumbent = match &s.reference {
        Some(r) if !r.published => None,
        Some(r) => search::repair(&neighbours, &r.plan, &check::check(s, &r.plan), opts, repair_by)?,
        None => search::repair(&neighbours, &greedy, &baseline, opts, repair_by)?,
    };
    match &incumbent {
        Some(inc) => tracing::info!(objective = inc.objective, seconds = started.elapsed().as_secs_f64(), "incumbent"),
        None => tracing::info!("no incumbent: the greedy plan breaks a hard rule and was not repaired"),
    }
    let first_plan = incumbent.as_ref().map(|inc| (started.elapsed().as_secs_f64(), inc.objective));
    let incumbent_x = incumbent.map(|inc| inc.x);
    for (c, v) in f.start_of(start).unwrap_or_default() {
        initial[c.0 as usize] |= v > 0.5;
    }
    if let Some(x) = &incumbent_x {
        for (c, &v) in x.iter().enumerate() {
            initial[c] |= if m.cols[c].integer { v > 0.5 } else { v > 1e-9 };
        }
    }
    let initial_moves = if later.iter().any(|&l| l) { MOVING_ON_MOVES.0 } else { INITIAL_MOVES_PER_PERSON };
    for mut options in by_person {
        options.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        options.into_iter().take(initial_moves).for_each(|(.., c)| initial[c] = true);
    }
    // When no plan meets the hard rules: the conflicting rules, found in the whole model.
    let diagnosis = || {
        let left = deadline.saturating_duration_since(Instant::now()).as_secs_f64();
        let budget = SolveOptions { time_limit: left.max(10.0), ..opts.clone() };
        // The elastic models are solved as the plan is, by pricing the same moves.
        let moves = Moves {
            prunable: &prunable,
            group: &group,
            spans: &spans,
            later: &later,
            initial: &initial,
            most_counted: &most_counted,
        };
        let by_pricing = |elastic: &mip::Model, o: &SolveOptions, at_least: f64| solve_elastic(m, elastic, o, at_least, &moves);
        let solve: &crate::diagnose::Solve = if opts.colgen { &by_pricing } else { &crate::diagnose::whole };
        crate::diagnose::diagnose(&f, &budget, solve)
    };
    if opts.infeasible {
        // Known already (a runner-up whose LP with the plan's root cuts has no solution):
        // what a least repair breaks, unless it breaks nothing after all.
        let conflicts = diagnosis()?;
        if !conflicts.is_empty() {
            return Err(Error::Infeasible(conflicts));
        }
    }
    // Independent parts (with an exchange scope: one per county, roughly) are solved apart,
    // in parallel; their objectives and bounds add up.
    let parts = m.components();
    tracing::info!(parts = parts.len(), "independent parts");
    // Every plan's objective is the offset plus a multiple of the grain: bounds round up.
    let grain = m.grain();
    let report_phase = on_progress;
    // Parts run side by side on rayon's threads: each HiGHS gets its share of `--threads`
    // (HiGHS keeps a thread pool per calling thread, so `--threads` each would multiply).
    let threads = rayon::current_num_threads().max(1) as f64;
    let side_by_side = parts.len().min(rayon::current_num_threads()).max(1) as u32;
    // Root cuts only for a model of one part: on several, a part that ends early leaves its
    // time to the others, which cuts for runner-ups would take.
    let root_cuts = opts.root_cuts && parts.len() == 1;
    let part_opts = SolveOptions { threads: (opts.threads / side_by_side).max(1), root_cuts, ..opts.clone() };
    let solving_started = Instant::now();
    // First phase: each part priced and given its quick plan, by a share of the first
    // phase's time in proportion to its size.
    let first_by = share_of(deadline, FIRST_PHASE_SHARE);
    let sized = parts.iter().map(|cols| (cols.len() as f64, cols)).collect();
    let priced = in_shares(sized, threads, first_by, |cols, by| {
        let part = Part {
            model: m.subset(cols),
            prunable: mip::pick(cols, &prunable),
            group: mip::pick(cols, &group),
            spans: mip::pick(cols, &spans),
            later: mip::pick(cols, &later),
            initial: mip::pick(cols, &initial),
            incumbent: incumbent_x.as_ref().map(|x| mip::pick(cols, x)),
            offset: if parts.len() == 1 { m.offset } else { 0.0 },
        };
        price(part, &most_counted, &part_opts, (by, deadline), report_phase)
    });
    // Second phase: the time left, to the parts in proportion to what each can still gain
    // (a part without a bound counts as the largest gap twice over).
    let solved: Vec<Result<Solved>> = match priced.into_iter().collect::<Result<Vec<Priced>>>() {
        Ok(mut priced) => {
            // Within the gap asked for already (judged over the whole plan, as its gap is):
            // every part keeps its best plan.
            let objective = priced.iter().map(Priced::objective).sum::<Option<f64>>().map(|o| o + m.offset);
            let bound = m.round_up(m.offset + priced.iter().map(Priced::bound).sum::<f64>(), grain);
            let open = priced.iter().any(|p| p.solved.is_none());
            if open && objective.is_some_and(|o| opts.within_gap(o, bound)) {
                tracing::info!(objective, bound, "the plan is within the gap asked for after pricing");
                priced.iter_mut().for_each(|p| p.settle(Status::Optimal));
            }
            // The gap asked for is the whole plan's, as its reported gap is: each part's MIPs
            // stop within an equal share of it in the objective's units. Judged on a part's
            // own objective, as before, a plan whose constant took most of that away ended
            // at many times the gap asked for (0.068% for 0.01%) with time to spare.
            let share = whole_plan_gap(opts.gap, bound, objective) / priced.len() as f64;
            let gaps: Vec<f64> = priced.iter().map(Priced::open_gap).collect();
            let widest = gaps.iter().copied().filter(|g| g.is_finite()).fold(0.0, f64::max);
            let weighted = gaps.iter().map(|&g| if g.is_finite() { g } else { 2.0 * widest.max(1.0) }).zip(priced).collect();
            let done = std::sync::atomic::AtomicUsize::new(0);
            in_shares(weighted, threads, deadline, |mut p: Priced, by| {
                // Past the deadline a part keeps its best plan: a MIP has at least a second,
                // and the last parts' seconds one after another ran 3.6 s over a minute.
                if Instant::now() >= deadline {
                    p.settle(Status::TimeLimit);
                }
                let r = finish(p, &SolveOptions { abs_gap: Some(share), ..part_opts.clone() }, by, report_phase);
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                if parts.len() > 1 {
                    report_phase(Phase::Parts(n, parts.len()));
                }
                r
            })
        }
        Err(e) => vec![Err(e)],
    };
    let mut x = vec![0.0; m.cols.len()];
    let mut solution = Solution {
        status: Status::Optimal,
        x: Vec::new(),
        objective: m.offset,
        bound: m.offset,
        gap: 0.0,
        seconds: 0.0,
        nodes: 0,
    };
    let (mut working, mut rounds, mut lp_bound, mut unpriced, mut fell_back) = (0, 0, Some(m.offset), 0, 0);
    let mut lp_parts = Vec::with_capacity(parts.len());
    for (cols, part) in parts.iter().zip(solved) {
        let part = match part {
            // The solver proved it: find the conflicting rules in the whole model.
            Err(Error::Infeasible(_)) => return Err(Error::Infeasible(diagnosis()?)),
            part => part?,
        };
        for (k, &c) in cols.iter().enumerate() {
            x[c as usize] = part.x[k];
        }
        solution.status = solution.status.max(part.status);
        solution.bound += part.bound;
        solution.nodes += part.nodes;
        working += part.working;
        rounds = rounds.max(part.rounds);
        lp_bound = lp_bound.zip(part.lp.as_ref().map(|lp| lp.lp_bound)).map(|(a, b)| a + b);
        unpriced += usize::from(!part.priced);
        fell_back += usize::from(part.fell_back);
        lp_parts.push(part.lp);
    }
    solution.x = x;
    solution.seconds = solving_started.elapsed().as_secs_f64();
    solution.objective = m.objective(&solution.x);
    solution.bound = m.round_up(solution.bound, grain).min(solution.objective);
    solution.gap = mip::rel_gap(solution.objective, solution.bound);
    let proven = solution.objective - solution.bound <= 1e-6 || solution.gap <= opts.gap;
    if solution.status == Status::Optimal && !proven {
        solution.status = Status::Feasible;
    }
    if opts.stopped() && matches!(solution.status, Status::Feasible | Status::TimeLimit) {
        solution.status = Status::Interrupted;
    }
    let stats = ModelStats {
        working_cols: working,
        pricing_rounds: rounds,
        lp_bound,
        parts: parts.len(),
        unpriced_parts: unpriced,
        fell_back_parts: fell_back,
        build_seconds: stats.build_seconds,
        peak_mib: peak_mib(),
        first_plan,
        ..stats
    };
    let plan = f.plan_of(&solution.x);
    let report = check::check(s, &plan);
    let lp = opts.colgen.then(|| LpCertificate { fingerprint: m.fingerprint(), parts: lp_parts });
    Ok(Outcome { plan, solution, stats, report, baseline, lp })
}

/// Why the search for alternatives ended.
#[derive(Debug, Clone, PartialEq)]
pub enum AlternativesEnd {
    /// As many as asked were found.
    AllFound,
    /// No plan meets the hard rules and differs enough from the plans found so far.
    NoneDiffers,
    /// The next best plan that differs enough costs more than the tolerance allows (its
    /// objective).
    BeyondTolerance(f64),
    /// Stopped by Ctrl-C.
    Interrupted,
}

impl AlternativesEnd {
    /// In words, `found` alternatives having been found, `differ` the least difference and
    /// `best` the best plan's objective.
    pub fn text(&self, found: usize, differ: u32, best: f64) -> String {
        match self {
            AlternativesEnd::AllFound => format!("all {found} alternative(s) asked for were found"),
            AlternativesEnd::NoneDiffers => {
                format!("no further plan meets the hard rules and differs enough ({differ} assignments) from those found")
            }
            AlternativesEnd::BeyondTolerance(x) => format!(
                "the next plan that differs enough costs {x:.2} ({:+.2}% over the best): beyond the tolerance, so not kept",
                100.0 * (x - best) / best.abs().max(1.0)
            ),
            AlternativesEnd::Interrupted => "stopped by Ctrl-C".to_string(),
        }
    }
}

/// Up to `k` plans besides `best`, each differing from every plan found before it (`best`
/// first) in at least `differ` of that plan's assignments and otherwise as close to `best`
/// as it can be (the search stays near `best`: each other change costs the change weight),
/// as long as its objective is within `tolerance` (relative, of `|best|`, at least 1) of
/// the best's. Each is planned with `opts`, then judged by the scenario's own rules: its
/// report, objective and status are those of `s`, without the change cost that steered
/// the search (so it has no bound, and is at best `feasible`).
pub fn alternatives(
    s: &Scenario,
    opts: &SolveOptions,
    best: &Outcome,
    k: usize,
    differ: u32,
    tolerance: f64,
) -> Result<(Vec<Outcome>, AlternativesEnd)> {
    let best_objective = best.report.objective();
    let limit = best_objective + tolerance * best_objective.abs().max(1.0);
    let mut plans = vec![best.plan.clone()];
    let mut found = Vec::new();
    while found.len() < k {
        if opts.stopped() {
            return Ok((found, AlternativesEnd::Interrupted));
        }
        let mut alt = s.clone();
        alt.distinct_from = Some(crate::scenario::DistinctFrom { plans: plans.clone(), differ });
        alt.reference = Some(crate::scenario::Reference::near(s, &best.plan, "the best plan"));
        let mut o = match plan(&alt, opts, None, &|_| {}) {
            Ok(o) => o,
            Err(Error::Infeasible(_)) => return Ok((found, AlternativesEnd::NoneDiffers)),
            Err(e) => return Err(e),
        };
        o.report = check::check(s, &o.plan);
        o.solution.objective = o.report.objective();
        (o.solution.bound, o.solution.gap, o.stats.lp_bound) = (f64::NAN, f64::NAN, None);
        // What pricing proved is for the model steered near the best plan, not `s`'s.
        o.lp = None;
        if o.solution.status == Status::Optimal {
            o.solution.status = Status::Feasible;
        }
        if o.solution.objective > limit + 1e-9 {
            return Ok((found, AlternativesEnd::BeyondTolerance(o.solution.objective)));
        }
        plans.push(o.plan.clone());
        found.push(o);
    }
    Ok((found, AlternativesEnd::AllFound))
}

/// One independent part of the model, with its pruning data (indices local to the part).
struct Part {
    model: crate::mip::Model,
    prunable: Vec<bool>,
    group: Vec<u32>,
    spans: Vec<Option<mip::colgen::Span>>,
    later: Vec<bool>,
    initial: Vec<bool>,
    /// The incumbent's column values in the part: the MIP start and the fallback.
    incumbent: Option<Vec<f64>>,
    /// What the plan's objective adds to the part's (the model's offset when the model is
    /// one part, else 0): the gap asked for is judged with it, as the plan's gap is.
    offset: f64,
}

/// The moves of a model as column generation sees them (see `plan`).
struct Moves<'a> {
    prunable: &'a [bool],
    group: &'a [u32],
    spans: &'a [Option<mip::colgen::Span>],
    later: &'a [bool],
    initial: &'a [bool],
    most_counted: &'a [u32],
}

/// Solves an elastic model of the diagnosis (`m` with slack columns appended, a
/// `diagnose::Solve`) as a plan is solved. First HiGHS over the first working set with every
/// slack: a repair as small as the least one can be (`at_least`) is a least one, and needs
/// no pricing (the usual case: one rule broken; 0.02 s on the district against 0.5 s over
/// all 56k columns). Otherwise the moves are priced in as for a plan (`solve_part`).
fn solve_elastic(
    m: &crate::mip::Model,
    elastic: &crate::mip::Model,
    o: &SolveOptions,
    at_least: f64,
    moves: &Moves,
) -> Result<Solution> {
    let extra = elastic.cols.len() - m.cols.len();
    let with = |v: &[bool], slack: bool| v.iter().copied().chain(std::iter::repeat_n(slack, extra)).collect::<Vec<bool>>();
    let (prunable, initial) = (with(moves.prunable, false), with(moves.initial, true));
    let first: Vec<bool> = (0..elastic.cols.len()).map(|c| initial[c] || !prunable[c] || elastic.cols[c].lb > 0.0).collect();
    let (sub, kept) = elastic.restrict(&first);
    let quick = mip::highs::solve(&sub, o, Warm::default(), &mut |_| {})?;
    if !quick.x.is_empty() && quick.status == Status::Optimal && quick.objective <= at_least + 1e-9 {
        let x = mip::spread(elastic.cols.len(), &kept, &quick.x);
        return Ok(Solution { x, bound: quick.objective, gap: 0.0, ..quick });
    }
    let part = Part {
        model: elastic.clone(),
        prunable,
        group: moves.group.iter().copied().chain(std::iter::repeat_n(u32::MAX, extra)).collect(),
        spans: moves.spans.iter().cloned().chain(std::iter::repeat_n(None, extra)).collect(),
        later: with(moves.later, false),
        initial,
        incumbent: None,
        offset: 0.0,
    };
    let none = |status| Solution {
        status,
        x: Vec::new(),
        objective: f64::INFINITY,
        bound: f64::NEG_INFINITY,
        gap: f64::INFINITY,
        seconds: 0.0,
        nodes: 0,
    };
    let by = Instant::now() + std::time::Duration::from_secs_f64(o.time_limit);
    // No root cuts: they are for runner-ups, and no one explains a repair (with them, the
    // basis for `lp.json` of an elastic model of the district took 12.8 s).
    let o = &SolveOptions { root_cuts: false, ..o.clone() };
    match solve_part(part, moves.most_counted, o, by, &|_| {}) {
        Ok(solved) => {
            let (objective, bound) = (elastic.objective(&solved.x), solved.bound + elastic.offset);
            let gap = mip::rel_gap(objective, bound);
            Ok(Solution { x: solved.x, objective, bound, gap, nodes: solved.nodes, ..none(solved.status) })
        }
        Err(Error::Infeasible(_)) => Ok(none(Status::Infeasible)),
        Err(Error::Solver(_)) => Ok(none(Status::NoSolution)),
        Err(e) => Err(e),
    }
}

/// What solving a part gave.
struct Solved {
    status: Status,
    /// Column values of the part.
    x: Vec<f64>,
    /// A bound valid for every plan of the part (offset excluded).
    bound: f64,
    nodes: i64,
    working: usize,
    rounds: usize,
    /// The part's share of the plan's [`LpCertificate`], with its LP bound (`None`: pricing
    /// did not end).
    lp: Option<PartLp>,
    /// Whether pricing ended (else the time limit or Ctrl-C stopped it, and the bound is a
    /// Lagrangian one).
    priced: bool,
    /// Whether pricing fell back to one move an official ([`mip::colgen::Fallback`]).
    fell_back: bool,
}

/// Both phases on one part, by `deadline`: the first may use [`FIRST_PHASE_SHARE`] of the
/// time.
fn solve_part(
    part: Part,
    most_counted: &[u32],
    opts: &SolveOptions,
    deadline: Instant,
    on_progress: &(dyn Fn(Phase) + Sync),
) -> Result<Solved> {
    let first_by = share_of(deadline, FIRST_PHASE_SHARE);
    let priced = price(part, most_counted, opts, (first_by, deadline), on_progress)?;
    finish(priced, opts, deadline, on_progress)
}

/// A part after the first phase (pricing and the quick plan), waiting for the second.
struct Priced {
    /// The part's model, its incumbent and offset (the rest of [`Part`] is pricing's).
    model: mip::Model,
    incumbent: Option<Vec<f64>>,
    offset: f64,
    generated: mip::colgen::Generated,
    /// The working set, and the index in the part of each of its columns.
    sub: mip::Model,
    kept: Vec<u32>,
    /// The working set's plan, when the first phase proved it optimal for the whole part.
    solved: Option<Solution>,
    /// Otherwise the best plan so far (the quick plan or the incumbent), indexed like the
    /// part, with its objective.
    best: Option<(Vec<f64>, f64)>,
    /// The quick plan, while it is still to be made ([`Priced::quick_plan`]).
    quick: Option<Quick>,
}

impl Priced {
    /// The part's best plan so far: its objective (offset excluded).
    fn objective(&self) -> Option<f64> {
        self.solved.as_ref().map(|s| s.objective).or(self.best.as_ref().map(|b| b.1))
    }

    /// A bound valid for every plan of the part: its LP bound, or the Lagrangian bound when
    /// pricing stopped (offset excluded).
    fn bound(&self) -> f64 {
        match &self.solved {
            Some(solved) => solved.bound,
            None => self.generated.lp_bound.or(self.generated.lagrangian).unwrap_or(f64::NEG_INFINITY),
        }
    }

    /// The most the second phase can gain: the best plan's objective above the bound; 0
    /// once solved, infinite without a plan.
    fn open_gap(&self) -> f64 {
        self.objective().map_or(f64::INFINITY, |objective| (objective - self.bound()).max(0.0))
    }

    /// Ends the part with its best plan: `Optimal` when the whole plan is within the gap
    /// asked for, `TimeLimit` when the second phase reaches the part after the deadline.
    fn settle(&mut self, status: Status) {
        if let (None, Some((x, objective))) = (&self.solved, &self.best) {
            let (objective, bound) = (*objective, self.bound());
            let x = mip::pick(&self.kept, x);
            let gap = mip::rel_gap(objective, bound);
            self.solved = Some(Solution { status, x, objective, bound, gap, seconds: 0.0, nodes: 0 });
        }
    }
}

/// The first phase on one part, by `deadline` (its share of the phase): column generation
/// ([`PRICING_SHARE`] of the time, [`PRICING_CLOSE_SHARE`] when close to its end), then the
/// quick plan ([`Priced::quick_plan`]), which has at least [`QUICK_SHARE`] of the share, up
/// to `last` (the end of the second phase). With the root cuts' lane to follow
/// ([`lane_follows`]) the quick plan is left to [`finish`], to be made beside the lane:
/// on the district the cuts then come 0.2–0.3 s sooner.
fn price(
    part: Part,
    most_counted: &[u32],
    opts: &SolveOptions,
    (deadline, last): (Instant, Instant),
    on_progress: &(dyn Fn(Phase) + Sync),
) -> Result<Priced> {
    let m = &part.model;
    let remaining = || seconds_to(deadline);
    let share = remaining();
    let lp_opts = SolveOptions { time_limit: share * PRICING_CLOSE_SHARE, verbose: false, ..opts.clone() };
    let waiting = mip::colgen::waiting_rows(m, &part.prunable);
    // Where officials may move more than once, pricing falls back to one move each when
    // it will not end in its time.
    let one_move: Vec<(usize, f64)> = (0..m.cols.len())
        .filter(|&c| matches!(m.cols[c].name, mip::ColName::Aux("moves", ..)) && m.cols[c].ub > 1.0)
        .map(|c| (c, 1.0))
        .collect();
    let fallback = (!one_move.is_empty()).then_some(mip::colgen::Fallback {
        bounds: &one_move,
        after: share * FALLBACK_SHARE,
        far: FALLBACK_FAR,
    });
    let pricing = mip::colgen::Pricing {
        prunable: &part.prunable,
        group: &part.group,
        per_group: match part.later.iter().any(|&l| l) {
            true => MOVING_ON_MOVES.1,
            false => (part.prunable.iter().filter(|&&p| p).count() / MOVES_PER_ROUND_DIVISOR)
                .clamp(MOVES_PER_ROUND.0, MOVES_PER_ROUND.1),
        },
        per_row: MOVES_PER_MUST_FILL_ROW,
        max_rounds: 200,
        soft_limit: share * PRICING_SHARE,
        round_fits: share * (PRICING_CLOSE_SHARE - PRICING_SHARE),
        spans: &part.spans,
        most_counted,
        later: &part.later,
        waiting: &waiting,
        iterations_per_row: Some(ITERATIONS_PER_ROW),
        fallback,
    };
    let mut generated =
        mip::colgen::generate(m, &pricing, &part.initial, &lp_opts, &mut |round, lp| on_progress(Phase::Pricing(round, lp)))?;
    let (sub, kept) = m.restrict(&generated.keep);
    // The LP optimum over every move, or, when pricing was stopped, the last LP solved: its
    // moves guide the quick sub-MIP either way, but only the first proves anything.
    let lp: Option<Vec<f64>> = (!generated.lp_x.is_empty()).then(|| mip::pick(&kept, &generated.lp_x));
    let integral = lp.as_ref().filter(|lp| generated.lp_bound.is_some() && feasible_integral(&sub, lp)).map(|lp| {
        // The LP optimum over all moves is integral: an optimal plan, no branching.
        let x: Vec<f64> = lp.iter().zip(&sub.cols).map(|(&v, c)| if c.integer { v.round() } else { v }).collect();
        let objective = sub.objective(&x);
        Solution { status: Status::Optimal, x, objective, bound: objective, gap: 0.0, seconds: 0.0, nodes: 0 }
    });
    // The second phase needs the last LP no more (the parts wait side by side for it).
    generated.lp_x = Vec::new();
    // At least the part's whole share, into the second phase if need be (the quick plan is
    // where good plans come from when pricing stopped early, or where officials may move
    // more than once).
    let quick_by = Instant::now() + Duration::from_secs_f64(remaining().max(share * QUICK_SHARE).min(seconds_to(last)));
    // Where pricing fell back to one move an official, so does the quick plan.
    let limits = match fallback.filter(|_| generated.fell_back) {
        Some(fallback) => on_working_set(m.cols.len(), &kept, fallback.limits(&kept, &part.later)),
        None => Vec::new(),
    };
    // Where officials may move more than once, and the quick plan may run into the second
    // half of the time left (a model of one part, or of one that dominates), the MIP over
    // the LP's support comes first: a quick MIP cut there leaves little time to a second
    // go. On a model of many parts their quick MIPs are small and a cut one goes on in the
    // second phase; started from their support everywhere, the support's MIPs took 72 s of
    // CPU from the province's first phase with `max_moves = 0`, time its pricing needs.
    let support_first = fallback.is_some() && quick_by > share_of(last, SUPPORT_WHERE);
    let quick = lp.filter(|_| integral.is_none()).map(|lp| Quick { lp, by: quick_by, limits, support_first, again: false });
    // The incumbent is within the working set (its moves are in it from the start).
    let incumbent = part.incumbent.clone().map(|x| {
        let objective = m.objective(&x);
        (x, objective)
    });
    let mut priced = Priced {
        model: part.model,
        incumbent: part.incumbent,
        offset: part.offset,
        generated,
        sub,
        kept,
        best: incumbent.filter(|_| integral.is_none()),
        solved: integral,
        quick,
    };
    // With the root cuts' lane to come ([`finish`]), the quick plan waits for it, to be made
    // beside it.
    if !lane_follows(&priced, opts) {
        priced.quick_plan(opts, on_progress)?;
    }
    Ok(priced)
}

/// Upper bounds `(column, bound)` on columns of a model of `n` columns, each in `kept` (a
/// working set), on the working set's columns instead.
fn on_working_set(n: usize, kept: &[u32], limits: impl Iterator<Item = (usize, f64)>) -> Vec<(usize, f64)> {
    let mut at = vec![u32::MAX; n];
    kept.iter().enumerate().for_each(|(k, &c)| at[c as usize] = k as u32);
    limits.map(|(c, ub)| (at[c] as usize, ub)).collect()
}

/// What the quick plan of a part ([`Priced::quick_plan`]) starts from.
struct Quick {
    /// Upper bounds on columns of the working set, where pricing fell back
    /// ([`mip::colgen::Generated::fell_back`]): one move an official.
    limits: Vec<(usize, f64)>,
    /// The last LP's point over the working set: its moves at 1 are kept.
    lp: Vec<f64>,
    /// Its deadline.
    by: Instant,
    /// Whether its first go starts with the MIP over the LP's support (the moves and
    /// holdings the LP leaves at 0 left out too), for at most [`SUPPORT_SHARE`] of its time, and the quick
    /// MIP from that MIP's plan: where officials may move more than once, whose LPs are
    /// fractional in many more moves, and the quick plan's time reaches past
    /// [`SUPPORT_WHERE`] of the time left to the end of the plan ([`price`]). On the
    /// 800-person pool with `max_moves = 0` the quick MIP over the working set (105k
    /// columns) had its first plan after 67 s on its own, 23,413.8, and at 120 s the run
    /// kept its greedy plan (19,739.60); the MIP over the support (11.5k columns, 3.0k after
    /// presolve) gave −408.4 in the 16.6 s it had there (the whole plan 188.60), and
    /// −1,252.3 in 34 s on its own.
    support_first: bool,
    /// Whether this is its second go ([`Priced::quick_plans`]), its first MIP cut by time.
    again: bool,
}

/// Whether [`finish`] runs the root cuts' lane beside the second phase of `priced` (and
/// [`price`] leaves the quick plan to it): asked for ([`SolveOptions::root_cuts`]: a model
/// of one part) and pricing ended.
fn lane_follows(priced: &Priced, opts: &SolveOptions) -> bool {
    opts.root_cuts && priced.generated.lp_bound.is_some()
}

impl Priced {
    /// The fixed-moves sub-MIP of [`price`], when it has one to make: what the LP does (its
    /// columns at 1) kept and the rest solved; when that reaches the LP bound it is optimal,
    /// else the better of it and the best plan so far is. Where it has one
    /// ([`Quick::support_first`]), the MIP over the LP's support comes first, and the quick
    /// MIP starts from its plan. A first go cut by its time stays to be made once more
    /// ([`Priced::quick_plans`]).
    fn quick_plan(&mut self, opts: &SolveOptions, on_progress: &(dyn Fn(Phase) + Sync)) -> Result<()> {
        let Some(Quick { lp, by, limits, support_first, again }) = self.quick.take() else { return Ok(()) };
        let basis = self.generated.basis_for(&self.kept);
        let mut fixed = self.sub.fix_ones(&lp, 1e-6);
        limits.iter().for_each(|&(c, ub)| fixed.cols[c].ub = ub);
        let mut start = None;
        if support_first && !again {
            let x = self.support_plan(&fixed, &lp, share_of(by, SUPPORT_SHARE), opts, on_progress)?;
            if self.solved.is_some() {
                return Ok(());
            }
            start = x.map(|x| integer_part(&fixed, &x));
        }
        // The second go starts from the best plan so far (HiGHS drops a start it cannot
        // complete, such as an incumbent that breaks the LP's moves kept).
        if again {
            start = self.best.as_ref().map(|(x, _)| integer_part(&fixed, &mip::pick(&self.kept, x)));
        }
        let every: Vec<u32> = (0..fixed.cols.len() as u32).collect();
        let warm = Warm { plan: start.as_deref(), basis: basis.as_ref() };
        let what = if again { "quick plan again" } else { "quick plan" };
        let (_, cut) = self.quick_mip((&fixed, &every), by, warm, what, opts, on_progress)?;
        if cut && !again {
            self.quick = Some(Quick { lp, by, limits, support_first, again: true });
        }
        Ok(())
    }

    /// The MIP over the LP's support ([`Quick::support_first`]): `fixed` (the working set
    /// with the moves of the LP point `lp` at 1 kept) without the integer columns `lp`
    /// leaves at 0, by `by`, as a quick plan ([`Priced::quick_mip`]). Its plan over the
    /// working set, if it found one, for the quick MIP to start from.
    fn support_plan(
        &mut self,
        fixed: &mip::Model,
        lp: &[f64],
        by: Instant,
        opts: &SolveOptions,
        on_progress: &(dyn Fn(Phase) + Sync),
    ) -> Result<Option<Vec<f64>>> {
        let support: Vec<bool> = (0..fixed.cols.len()).map(|c| !fixed.cols[c].integer || lp[c] > 1e-6).collect();
        let (on_support, kept) = fixed.restrict(&support);
        Ok(self.quick_mip((&on_support, &kept), by, Warm::default(), "support", opts, on_progress)?.0)
    }

    /// Solves `m`, the working set's columns `kept` with moves kept at 1, by `by`, as a
    /// quick plan: optimal when it reaches the LP bound (the part is then solved), else the
    /// best plan when better. Its plan over the working set, if any, and whether it was cut
    /// by its time.
    fn quick_mip(
        &mut self,
        (m, kept): (&mip::Model, &[u32]),
        by: Instant,
        warm: Warm,
        what: &str,
        opts: &SolveOptions,
        on_progress: &(dyn Fn(Phase) + Sync),
    ) -> Result<(Option<Vec<f64>>, bool)> {
        let quick_opts = SolveOptions { time_limit: seconds_to(by), abs_gap: None, ..opts.clone() };
        let quick_opts = quick_opts.with_highs(&[("mip_max_root_sepa_rounds", QUICK_CUT_ROUNDS)]);
        let quick = mip::highs::solve(m, &quick_opts, warm, &mut |p| on_progress(Phase::Solving(p)))?;
        let found = !quick.x.is_empty();
        tracing::debug!(objective = quick.objective, bound = self.bound(), seconds = quick.seconds, status = ?quick.status, cols = m.cols.len(), "{what}");
        let x = found.then(|| mip::spread(self.sub.cols.len(), kept, &quick.x));
        if let Some(x) = &x {
            if self.generated.lp_bound.is_some_and(|b| quick.objective <= b + 1e-6) {
                self.solved = Some(Solution { status: Status::Optimal, bound: quick.objective, gap: 0.0, x: x.clone(), ..quick });
                self.best = None;
                return Ok((None, false));
            } else if self.best.as_ref().is_none_or(|b| quick.objective <= b.1 + 1e-9) {
                // The better of the quick plan and the incumbent.
                self.best = Some((mip::spread(self.model.cols.len(), &self.kept, x), quick.objective));
            }
        }
        Ok((x, matches!(quick.status, Status::TimeLimit | Status::NoSolution) && !opts.stopped()))
    }

    /// The quick plan in the second phase, by `deadline` (the part's): made now if [`price`]
    /// left it to be made beside the root cuts' lane, and then, when its MIP was cut by its
    /// time (in the first phase or here), once more with [`QUICK_AGAIN_SHARE`] of the time
    /// left, from the best plan so far. Where officials may move more than once its MIP
    /// finds plans that the second phase's MIP over every move that could beat the plan
    /// does not: on a province county with `max_moves = 0` the quick MIP, cut at 6.4 s,
    /// left 5,330.0 against a bound of −4,548.9, where the second phase's MIP ended 84 s
    /// later with the same plan; on its own with 14 s the quick MIP finds −4,542.8.
    fn quick_plans(&mut self, deadline: Instant, opts: &SolveOptions, on_progress: &(dyn Fn(Phase) + Sync)) -> Result<()> {
        // The first go, when [`price`] left it to be made here.
        if self.quick.as_ref().is_some_and(|q| !q.again) {
            self.quick_plan(opts, on_progress)?;
        }
        // The second, when the first was cut by its time, unless the part was settled
        // meanwhile (within the gap asked for, or out of time).
        match (self.quick.as_mut(), &self.solved) {
            (Some(quick), None) => {
                quick.by = share_of(deadline, QUICK_AGAIN_SHARE);
                self.quick_plan(opts, on_progress)
            }
            _ => {
                self.quick = None;
                Ok(())
            }
        }
    }
}

/// The second phase on one part, by `deadline`: unless the first solved it, the MIP from
/// the best plan so far over the working set (or, with the LP bound, over the moves that
/// could beat that plan), then the proof ([`prove`]) when it ends short of the gap asked
/// for. Then the plan, its status and a bound valid for every plan of the part.
///
/// Beside it (on the other core when one is free), when asked for
/// ([`SolveOptions::root_cuts`]: a model of one part) and pricing ended, the part's root
/// cuts for runner-ups (0.9 s on the district), then the LP with them and a plan from its
/// optimal face ([`close_with_cuts`]). The LP's optimum bounds every plan of the part, so
/// the second phase's MIPs stop once their plan meets it; a plan from the face within the
/// gap asked for of it is optimal as asked, ends the second phase too, and is the part's
/// plan. When the quick plan settles the part (it reaches the LP bound, or is within the
/// gap asked for of it), the lane stops and what it made is dropped: it serves runner-ups
/// where the LP alone is weak. Neither lane's result depends on when the other ends: the
/// quick plan ignores the lane, the cuts, that LP and the face's plan are the same whatever
/// the second phase does, and the second phase keeps the first plan it finds at the
/// optimum ([`prove`]), so the plan and `lp.json` are the same from run to run.
fn finish(priced: Priced, opts: &SolveOptions, deadline: Instant, on_progress: &(dyn Fn(Phase) + Sync)) -> Result<Solved> {
    let harvest = lane_follows(&priced, opts).then(|| (priced.model.clone(), priced.generated.basis.clone()));
    // The second phase's MIPs stop at the part's share of the plan's gap; the lane's and
    // the quick plan's, which search no proof, at the gap of their own objective.
    let phase_gap = opts.abs_gap;
    let opts = &SolveOptions { abs_gap: None, ..opts.clone() };
    // What the cuts' lane tells the second phase: the bound of the LP with the cuts, and
    // whether a plan meets it.
    let to_phase = Arc::new(mip::Beside::default());
    let phase_opts = SolveOptions { beside: harvest.as_ref().map(|_| to_phase.clone()), abs_gap: phase_gap, ..opts.clone() };
    // What the part's `lp.json` needs should the second phase end without a plan, the
    // cuts' plan aside.
    let (rounds, working, complete) = (priced.generated.rounds, priced.sub.cols.len(), priced.generated.complete);
    let part_lp = harvest.as_ref().and_then(|_| {
        let g = &priced.generated;
        g.lp_bound.map(|lp_bound| PartLp {
            lp_bound,
            reduced: g.reduced.clone(),
            basis: g.basis.clone(),
            cuts: Vec::new(),
            cut_basis: None,
        })
    });
    // The lane's cuts once it has them, and the basis for `lp.json` made beside the proof
    // for the plan the proof starts from ([`BasisAhead`]).
    let cuts_made: OnceLock<Vec<mip::highs::Cut>> = OnceLock::new();
    let ahead: Mutex<Option<(Vec<f64>, mip::highs::Basis)>> = Mutex::new(None);
    let basis_ahead = |x: &[f64], stop: &Arc<AtomicBool>| {
        let (Some((m, basis)), Some(cuts)) = (&harvest, cuts_made.get()) else { return };
        let o = SolveOptions { stop: Some(stop.clone()), ..phase_opts.clone() };
        if let Some(b) = nearest_basis(m, basis.clone(), cuts, x, &o, deadline) {
            *ahead.lock().unwrap_or_else(|e| e.into_inner()) = Some((x.to_vec(), b));
        }
    };
    // What the second phase tells the lane: the quick plan settled the part, and the lane
    // has nothing left to do.
    let to_lane = Arc::new(mip::Beside::default());
    let lane_opts = SolveOptions { beside: Some(to_lane.clone()), ..opts.clone() };
    let (solved, lane) = rayon::join(
        || {
            // The quick plan [`price`] left to be made beside the lane (whatever the lane
            // does: whether it settles the part decides what the lane's work is for); then,
            // within the gap asked for, nothing is left to do.
            let mut priced = priced;
            priced.quick_plans(deadline, opts, on_progress)?;
            let (objective, bound) = (priced.objective().map(|o| o + priced.offset), priced.bound() + priced.offset);
            if priced.solved.is_none() && objective.is_some_and(|o| phase_opts.within_gap(o, bound)) {
                tracing::info!(objective, bound, "the plan is within the gap asked for after pricing");
                priced.settle(Status::Optimal);
            }
            if priced.solved.is_some() {
                to_lane.close();
            }
            let ahead = harvest.as_ref().map(|_| &basis_ahead as &BasisAhead<'_>);
            second_phase(priced, &phase_opts, deadline, on_progress, ahead)
        },
        || {
            harvest.as_ref().map(|(m, basis)| {
                let cuts = cuts_made.get_or_init(|| root_cuts(m, basis.as_ref(), &lane_opts, deadline, &to_phase));
                close_with_cuts(m, basis.clone(), cuts, (&lane_opts, phase_gap.unwrap_or(0.0)), deadline, &to_phase)
            })
        },
    );
    let Some((m, basis)) = harvest else { return solved };
    if to_lane.done(None) {
        // Settled by the quick plan, the part's plan is within the gap asked for of the LP
        // bound without cuts: whatever the lane had made when it stopped is dropped, so that
        // `lp.json` does not depend on when that was. Runner-ups are then bounded by their
        // LPs with the pin alone, from pricing's basis (on the district with
        // `max_moves = 0` the cuts left the LP bound where it was, and the lane, its face's
        // plan and the basis after it took 0.9-9 s past the plan by pricing's vertex).
        tracing::info!("settled after pricing: no root cuts for runner-ups");
        return solved;
    }
    let face = lane.flatten();
    let cuts = cuts_made.into_inner().unwrap_or_default();
    // A plan from the lane that closed the part is within the gap asked for of the LP with
    // the cuts.
    let bound_with_cuts = |objective: f64| to_phase.bound().min(objective);
    let mut solved = match (solved, face) {
        (Ok(s), Some((x, objective, true))) => {
            tracing::info!(objective, "the LP with the root cuts gives an optimal plan");
            Solved { status: Status::Optimal, x, bound: bound_with_cuts(objective), ..s }
        }
        (Ok(s), Some((x, objective, false))) if objective < m.objective(&s.x) - 1e-6 => {
            tracing::info!(objective, "the LP with the root cuts gives a better plan than the second phase");
            Solved { x, ..s }
        }
        (Ok(s), _) => s,
        (Err(e), Some((x, objective, closes))) => {
            tracing::info!(%e, objective, closes, "the second phase ended without a plan; the LP with the root cuts gives one");
            let bound = bound_with_cuts(objective);
            Solved {
                status: if closes { Status::Optimal } else { Status::TimeLimit },
                x,
                bound,
                nodes: 0,
                working,
                rounds,
                lp: part_lp,
                priced: complete,
                fell_back: false,
            }
        }
        (Err(e), None) => return Err(e),
    };
    // The LP with the cuts bounds every plan of the part.
    let objective = m.objective(&solved.x);
    solved.bound = solved.bound.max(to_phase.bound().min(objective));
    if objective <= solved.bound + 1e-6 {
        solved.status = Status::Optimal;
    }
    if let Some(lp) = &mut solved.lp {
        let ahead = ahead.into_inner().unwrap_or_else(|e| e.into_inner());
        lp.cut_basis = match ahead {
            Some((x, b)) if same_face(&m, &x, &solved.x) => {
                tracing::debug!("the basis for lp.json made beside the proof");
                Some(b)
            }
            _ => nearest_basis(&m, basis, &cuts, &solved.x, opts, deadline),
        };
        lp.cuts = cuts;
    }
    Ok(solved)
}

/// What [`second_phase`] calls, beside its proof, with the plan the proof starts from
/// (over the part's columns) and a flag that stops it: [`finish`] makes the basis for
/// `lp.json` for that plan, unless the flag is set (the proof ended with another plan, or
/// was stopped).
type BasisAhead<'a> = dyn Fn(&[f64], &Arc<AtomicBool>) + Sync + 'a;

/// The absolute gap that is `gap` of a plan's objective, the plan's objective between
/// `bound` and `objective` (none known: above `bound`), as [`mip::rel_gap`] measures it.
fn whole_plan_gap(gap: f64, bound: f64, objective: Option<f64>) -> f64 {
    let least = match objective {
        Some(o) if bound > 0.0 || o < 0.0 => bound.abs().min(o.abs()),
        Some(_) => 0.0,
        None if bound > 0.0 => bound,
        None => 0.0,
    };
    gap * least.max(1.0)
}

/// Whether the plans `x` and `y` of `m` take the same integer columns, hence steer
/// [`nearest_basis`] to the same face.
fn same_face(m: &mip::Model, x: &[f64], y: &[f64]) -> bool {
    m.cols.iter().zip(x.iter().zip(y)).all(|(c, (&a, &b))| !c.integer || (a > 0.5) == (b > 0.5))
}

/// The options of a solve on the lane beside a part's second phase ([`finish`]): one
/// thread, no log, to `deadline`.
fn on_lane(opts: &SolveOptions, deadline: Instant) -> SolveOptions {
    SolveOptions { time_limit: seconds_to(deadline), threads: 1, verbose: false, ..opts.clone() }
}

/// `m` with the rows of `cuts` after its own.
fn with_cuts(m: &mut mip::Model, cuts: &[mip::highs::Cut]) {
    for cut in cuts {
        let (lower, upper) = cut.bounds();
        let terms = cut.terms.iter().map(|&(c, a)| (mip::Col(c), a));
        m.add_row(lower, upper, terms, mip::RowName { rule: mip::CUT_ROW, a: 0, b: 0, year: 0 });
    }
}

/// The person-years column `c` of `m` holds (a post held, or a stint), 0 for the rest.
fn years_held(m: &mip::Model, c: usize) -> f64 {
    match m.cols[c].name {
        mip::ColName::Hold(..) => 1.0,
        mip::ColName::Entry(_, _, first, last) => f64::from(last - first + 1),
        mip::ColName::Aux(..) => 0.0,
    }
}

/// The LP of part `m` with `cuts` (rows after its own), in a session started from
/// pricing's `basis` (the cuts' rows basic), with `opts`'s time and threads. `None` without
/// cuts, or past `deadline` (the root cuts may end there; a solve started then would still
/// get [`seconds_to`]'s second: on the 800-person pool the run ended 3-4 s past its limit).
fn cut_session(
    m: &mip::Model,
    basis: Option<mip::highs::Basis>,
    cuts: &[mip::highs::Cut],
    opts: &SolveOptions,
    deadline: Instant,
) -> Option<(mip::Model, mip::highs::LpSession)> {
    if cuts.is_empty() || opts.stopped() || Instant::now() >= deadline {
        return None;
    }
    let mut with = m.clone();
    with_cuts(&mut with, cuts);
    let mut session = mip::highs::LpSession::new(&with, opts).ok()?;
    if let Some(mut basis) = basis {
        basis.rows.resize(with.rows.len(), highs_sys::kHighsBasisStatusBasic);
        session.set_basis(&basis);
    }
    Some((with, session))
}

/// [`PartLp::cut_basis`]: the LP of part `m` with `cuts`, from pricing's `basis`, each
/// person-year the part's plan `x` holds [`NEAR_FACE_WEIGHT`] cheaper. `None` without cuts,
/// time, or an optimum. It runs after both lanes.
fn nearest_basis(
    m: &mip::Model,
    basis: Option<mip::highs::Basis>,
    cuts: &[mip::highs::Cut],
    x: &[f64],
    opts: &SolveOptions,
    deadline: Instant,
) -> Option<mip::highs::Basis> {
    let o = SolveOptions { time_limit: seconds_to(deadline), verbose: false, ..opts.clone() };
    let (with, mut session) = cut_session(m, basis, cuts, &o, deadline)?;
    let steered: Vec<(usize, f64)> = (0..m.cols.len())
        .filter(|&c| with.cols[c].integer && x[c] > 0.5)
        .map(|c| (c, with.cols[c].cost - NEAR_FACE_WEIGHT * years_held(&with, c)))
        .collect();
    session.set_costs(&steered).ok()?;
    match session.solve().ok()? {
        mip::highs::LpOutcome::Optimal(_) => session.basis(),
        _ => None,
    }
}

/// Beside the second phase ([`finish`]), with the part's root `cuts`: the LP of part `m`
/// with them, from pricing's `basis`, whose optimum bounds every plan of the part (on the
/// district it is the optimum, 8.2 above the LP without them), made known to the second
/// phase (`to_phase`) at once; then a plan from that LP's optimal face ([`face_plan`], its
/// root's cut rounds capped as the quick plan's). When that plan is within `gap` (the
/// part's share of the gap asked for, in the objective's units) of the bound, it is
/// optimal as asked: the part is closed (`to_phase` says so, and the second phase stops).
/// The plan is returned with its objective and whether it closed the part: one that does
/// not may still beat the second phase's (on a district with `max_moves = 0` the face gave
/// the optimum at 13.5 s, and the proof, started from a worse plan, did not find it in its
/// 49 s). `None` without a plan. (Closing only at the bound
/// itself, `dm` from one vertex of pricing's went on 16 s in the second phase's MIP to
/// prove the plan of 420.0 that the lane had at 419.93 + 0.07.)
fn close_with_cuts(
    m: &mip::Model,
    basis: Option<mip::highs::Basis>,
    cuts: &[mip::highs::Cut],
    (opts, gap): (&SolveOptions, f64),
    deadline: Instant,
    to_phase: &mip::Beside,
) -> Option<(Vec<f64>, f64, bool)> {
    let started = Instant::now();
    let (with, mut session) = cut_session(m, basis, cuts, &on_lane(opts, deadline), deadline)?;
    let mip::highs::LpOutcome::Optimal(lp) = session.solve().ok()? else { return None };
    to_phase.raise(with.round_up(lp.objective, with.grain()));
    let reduced = with.reduced_costs(&with.by_column(), &lp.duals);
    let o = on_lane(opts, deadline).with_highs(&[("mip_max_root_sepa_rounds", QUICK_CUT_ROUNDS)]);
    let (plan, kept) = face_plan(&with, &lp.x, &reduced, &lp.x, &o).ok()?;
    tracing::info!(
        bound = lp.objective,
        objective = plan.objective,
        cols = kept.len(),
        seconds = started.elapsed().as_secs_f64(),
        "the LP with the root cuts and a plan from its face"
    );
    if plan.x.is_empty() {
        return None;
    }
    let closes = plan.objective <= lp.objective + gap.max(1e-6);
    if closes {
        to_phase.close();
    } else {
        // The second phase may stop once its bound proves this plan, which it keeps then.
        to_phase.offer(plan.objective);
    }
    Some((mip::spread(m.cols.len(), &kept, &plan.x), plan.objective, closes))
}

/// A plan from an optimal point `x` of `m`'s LP (`reduced`: the reduced costs at its
/// duals): `x` itself when it is one (integral and feasible), else HiGHS's MIP over the
/// moves of the LP's optimal face (those it makes, and those it prices at 0) and those of
/// `near` (another optimal point), with the whole moves of `near` fixed. Returns the
/// solution and the columns of `m` it is over.
fn face_plan(m: &mip::Model, x: &[f64], reduced: &[f64], near: &[f64], opts: &SolveOptions) -> Result<(Solution, Vec<u32>)> {
    // On the district most runner-ups' pinned LPs end at a plan (14 of 18 in four
    // post-years of the bench): no MIP (0.08-0.13 s each, mostly HiGHS's presolve).
    if feasible_integral(m, x) {
        let x: Vec<f64> = m.cols.iter().zip(x).map(|(c, &v)| if c.integer { v.round() } else { v }).collect();
        let objective = m.objective(&x);
        let plan = Solution { status: Status::Optimal, x, objective, bound: objective, gap: 0.0, seconds: 0.0, nodes: 0 };
        return Ok((plan, (0..m.cols.len() as u32).collect()));
    }
    let face = |c: usize| !m.cols[c].integer || x[c] > 1e-9 || reduced[c] <= 1e-6 || near[c] > 1e-9;
    let (sub, kept) = m.restrict(&(0..m.cols.len()).map(face).collect::<Vec<bool>>());
    let plan = mip::highs::solve(&sub.fix_ones(&mip::pick(&kept, near), 1e-6), opts, Warm::default(), &mut |_| {})?;
    Ok((plan, kept))
}

/// A part's root cuts ([`PartLp::cuts`]) by `deadline`: none when the time is out or
/// HiGHS fails. At most [`ROOT_CUT_ROUNDS`] separation rounds, whatever the second phase
/// does meanwhile (stopping the root once the second phase proved the optimum, as before,
/// made the cuts depend on when that happened). The root's own bound holds for every plan
/// of the part: the second phase (`to_phase`) has it at once, before the LP with the cuts
/// is solved again ([`close_with_cuts`]; on the 800-person pool that LP took 2.8 s and
/// ended past the deadline, and the plan was reported 3.84% from the LP bound where the
/// root's bound gives 2.74%).
fn root_cuts(
    m: &mip::Model,
    basis: Option<&mip::highs::Basis>,
    opts: &SolveOptions,
    deadline: Instant,
    to_phase: &mip::Beside,
) -> Vec<mip::highs::Cut> {
    if opts.stopped() || Instant::now() >= deadline {
        return Vec::new();
    }
    let o = on_lane(opts, deadline).with_highs(&[("mip_max_root_sepa_rounds", ROOT_CUT_ROUNDS)]);
    let started = Instant::now();
    match mip::highs::root_cuts(m, &o, basis, &AtomicU64::new(f64::INFINITY.to_bits())) {
        Ok(root) => {
            let seconds = started.elapsed().as_secs_f64();
            tracing::info!(cuts = root.cuts.len(), bound = root.bound, seconds, "the part's root cuts");
            to_phase.raise(root.bound);
            root.cuts
        }
        Err(e) => {
            tracing::warn!(%e, "no root cuts for runner-ups");
            Vec::new()
        }
    }
}

/// The second phase on one part proper (see [`finish`]).
fn second_phase(
    priced: Priced,
    opts: &SolveOptions,
    deadline: Instant,
    on_progress: &(dyn Fn(Phase) + Sync),
    basis_ahead: Option<&BasisAhead<'_>>,
) -> Result<Solved> {
    let Priced { model, incumbent, offset, generated, sub, kept, solved, best, quick: _ } = priced;
    let m = &model;
    let remaining = || seconds_to(deadline);
    let solving = |p: &Progress| on_progress(Phase::Solving(p));
    let budget = || SolveOptions { time_limit: remaining(), ..opts.clone() };
    let (sub, kept, mut solution) = match solved {
        Some(solution) => (sub, kept, solution),
        None => {
            let (sub, kept) = match (generated.lp_bound, &best) {
                (Some(lp_bound), Some((x, objective))) => focus(m, &generated, x, objective - lp_bound, false, m.grain()),
                _ => (sub, kept),
            };
            let start = best.map(|(x, _)| integer_part(&sub, &mip::pick(&kept, &x)));
            // Without probing (HiGHS's presolve rule 15): on the district with `max_moves =
            // 0` it took 15 of this MIP's 23 s; the district's: 9.3–10.0 s instead of 11.5 s.
            let no_probing = budget().with_highs(&[("presolve_rule_off", "32768")]);
            let basis = generated.basis_for(&kept);
            let warm = Warm { plan: start.as_deref(), basis: basis.as_ref() };
            let solution = mip::highs::solve(&sub, &no_probing, warm, &mut |p| solving(p))?;
            // Within the gap asked for already, nothing to prove.
            let asked = |lp_bound: f64| opts.within_gap(solution.objective + offset, lp_bound + offset);
            match generated.lp_bound {
                Some(lp_bound)
                    if solution.status == Status::Optimal
                        && !asked(lp_bound)
                        && !opts.stopped()
                        && !opts.settled(solution.objective) =>
                {
                    // The proof usually keeps this plan: meanwhile the lane, idle once its
                    // cuts are in, makes the basis for `lp.json` for it ([`finish`]), unless
                    // the proof ends with another plan or is stopped first.
                    let x = mip::spread(m.cols.len(), &kept, &solution.x);
                    let proving = || prove(m, &generated, lp_bound, (sub, kept, solution), &budget(), &mut |p| solving(p));
                    match basis_ahead {
                        Some(ahead) => {
                            let other = Arc::new(AtomicBool::new(false));
                            let proved = || {
                                let proved = proving();
                                let same =
                                    proved.as_ref().is_ok_and(|(_, k, s)| same_face(m, &x, &mip::spread(m.cols.len(), k, &s.x)));
                                if !same || opts.stopped() {
                                    other.store(true, std::sync::atomic::Ordering::Relaxed);
                                }
                                proved
                            };
                            rayon::join(proved, || ahead(&x, &other)).0?
                        }
                        None => proving()?,
                    }
                }
                _ => (sub, kept, solution),
            }
        }
    };
    let mut kept = kept;
    if solution.status == Status::Infeasible && kept.len() < m.cols.len() {
        // Only the whole part can prove infeasibility.
        tracing::info!("working set infeasible; solving the whole part");
        solution = mip::highs::solve(m, &budget(), Warm::default(), &mut |p| solving(p))?;
        kept = (0..m.cols.len() as u32).collect();
    }
    let found = !solution.x.is_empty() && solution.status != Status::Infeasible;
    let mut x = if found { mip::spread(m.cols.len(), &kept, &solution.x) } else { vec![0.0; m.cols.len()] };
    let mut objective = if found { m.objective(&x) } else { f64::INFINITY };
    if let Some(inc) = incumbent.filter(|inc| m.objective(inc) < objective - 1e-9) {
        // The search stopped before it found a plan as good as the incumbent: keep that.
        objective = m.objective(&inc);
        x = inc;
        if !found {
            (solution.status, solution.bound) = (Status::TimeLimit, f64::NEG_INFINITY);
        }
    }
    match solution.status {
        Status::Infeasible => {
            return Err(Error::Infeasible(vec![crate::diagnose::Conflict::found(
                "the solver proved that no plan meets every hard rule of the policy".into(),
            )]))
        }
        Status::NoSolution if opts.stopped() => {
            return Err(Error::Solver("stopped before any plan meeting every hard rule was found".into()))
        }
        Status::NoSolution => {
            return Err(Error::Solver(format!(
                "no plan meeting every hard rule found within {:.0} s (none is proven impossible); raise --time-limit",
                opts.time_limit
            )))
        }
        _ => {}
    }
    let bound = match generated.lp_bound {
        // The working set's MIP bound holds for plans within it; a plan using a left-out
        // column costs at least the LP bound plus that column's reduced cost.
        Some(lp) => lp.max(solution.bound.min(lp + least_left_out(&generated.reduced, &kept))),
        None if generated.complete => solution.bound,
        // Pricing was cut short: the working set's bound says nothing about other moves, the
        // Lagrangian bound of its rounds holds for all of them.
        None => generated.lagrangian.unwrap_or(f64::NEG_INFINITY),
    };
    let status = if generated.complete { solution.status } else { solution.status.max(Status::TimeLimit) };
    Ok(Solved {
        status,
        x,
        bound: bound.min(objective),
        nodes: solution.nodes,
        working: sub.cols.len(),
        rounds: generated.rounds,
        priced: generated.complete,
        fell_back: generated.fell_back,
        lp: generated.lp_bound.map(|lp_bound| PartLp {
            lp_bound,
            reduced: generated.reduced,
            basis: generated.basis,
            cuts: Vec::new(),
            cut_basis: None,
        }),
    })
}

/// The columns a MIP needs to beat a plan `x` that is `gap` above the LP bound of the whole
/// part: a plan with integer column `c` at 1 or more costs at least `lp_bound + reduced[c]`,
/// so the integer columns (at 0 from below) priced above `gap` (less a step of `m`'s
/// `grain`, [`mip::grain::step`]: a better plan costs that much less) cannot be in a better plan,
/// whether pricing took them into the working set or not; continuous columns all stay. The
/// ones left out of the working set join when they at most double the rest, or always
/// with `widen` (the proof, [`prove`]). `x`'s own columns always stay (it is the MIP
/// start). The bound of `solve_part` accounts for every column left out.
fn focus(
    m: &crate::mip::Model,
    generated: &mip::colgen::Generated,
    x: &[f64],
    gap: f64,
    widen: bool,
    grain: Option<f64>,
) -> (crate::mip::Model, Vec<u32>) {
    let n = m.cols.len();
    // A better plan costs at least a grain less.
    let gap = gap - mip::grain::step(grain);
    let could = |c: usize| {
        let col = &m.cols[c];
        !(col.integer && col.lb == 0.0) || generated.reduced[c] <= gap + 1e-9 || x[c] > 0.5
    };
    let within = (0..n).filter(|&c| generated.keep[c] && could(c)).count();
    let outside = (0..n).filter(|&c| !generated.keep[c] && could(c)).count();
    let widen = widen || outside <= within;
    tracing::info!(
        working_set = generated.keep.iter().filter(|&&k| k).count(),
        within,
        outside,
        widen,
        gap,
        "moves that could beat the plan"
    );
    m.restrict(&(0..n).map(|c| could(c) && (widen || generated.keep[c])).collect::<Vec<bool>>())
}

/// The proof: a plan optimal among the moves of the working set (`first`, solved over
/// `kept`) is optimal among all moves when no move left out could beat it. So the MIP runs
/// once more over every move priced within the plan's gap to the LP bound, started from the
/// plan, in the time left. Its result is kept when it is better or proven optimal; out of
/// time with nothing better, the first stands. Nothing to do when the first MIP saw every
/// such move already.
///
/// First its root alone, without presolve (a `--highs presolve=...` still overrides):
/// started from a plan that is usually optimal, it only has to raise the bound, which the
/// root's cuts do on the district (1.2–1.5 s; with presolve, probing above all, 7–12 s).
/// So the root spends nothing on finding plans (RENS, RINS) or on strong branching for a
/// first node it will not explore: on the district with `max_moves = 0` those took 12 of
/// its 15 s.
/// Where the root leaves a gap, the tree follows with presolve but without its probing:
/// HiGHS then restarts from the root's reduced-cost fixings (on the district with
/// `max_moves = 0`, 32k moves, the tree without presolve ran out of the minute with a gap
/// of 0.55; with it the tree took 21–26 s). The MIP before the proof keeps presolve (without
/// probing) for the same reason.
fn prove(
    m: &crate::mip::Model,
    generated: &mip::colgen::Generated,
    lp_bound: f64,
    first: (crate::mip::Model, Vec<u32>, Solution),
    opts: &SolveOptions,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<(crate::mip::Model, Vec<u32>, Solution)> {
    let (_, kept, solution) = &first;
    let x = mip::spread(m.cols.len(), kept, &solution.x);
    let Some((wide, wide_kept, proof)) =
        prove_within(m, generated, &x, m.objective(&x) - lp_bound, kept.len(), opts, on_progress)?
    else {
        return Ok(first);
    };
    // Out of time with nothing better, the first stands: its status says what it proved.
    // Proven optimal and no better, the first's plan stays (over the proof's columns, with
    // its status and bound): which of several optimal plans a part ends with must not
    // depend on whether a solve beside it stopped this proof ([`finish`]).
    if !proof.x.is_empty() && proof.objective < solution.objective - 1e-9 {
        return Ok((wide, wide_kept, proof));
    }
    if proof.x.is_empty() || proof.status != Status::Optimal {
        return Ok(first);
    }
    let x = mip::pick(&wide_kept, &x);
    Ok((wide, wide_kept, Solution { x, objective: solution.objective, ..proof }))
}

/// The MIP over every move of `m` priced within `gap` of the LP bound (and the columns of
/// `x`, a plan that far above it, which starts it): its root alone without presolve, then,
/// where that leaves a gap, its tree with presolve, in `opts`'s time (see [`prove`]); both
/// over the moves other duals leave of those ([`narrowed`]), the result spread back over
/// them all. `None` when that is no more than `more_than` columns: nothing to add to a MIP
/// over them.
fn prove_within(
    m: &crate::mip::Model,
    generated: &mip::colgen::Generated,
    x: &[f64],
    gap: f64,
    more_than: usize,
    opts: &SolveOptions,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<Option<(crate::mip::Model, Vec<u32>, Solution)>> {
    let started = Instant::now();
    // The part's grain holds for the window too.
    let grain = m.grain();
    let (wide, wide_kept) = focus(m, generated, x, gap, true, grain);
    if wide_kept.len() <= more_than {
        return Ok(None);
    }
    let basis = generated.basis_for(&wide_kept);
    let wide_x = mip::pick(&wide_kept, x);
    let Tight { model: tight, kept: tight_kept, basis, left_out } = narrowed(&wide, basis, &wide_x, grain, opts)?;
    let start = integer_part(&tight, &mip::pick(&tight_kept, &wide_x));
    let warm = Warm { plan: Some(&start), basis: basis.as_ref() };
    // The root only has to raise the bound over a plan it starts from: only the cheap
    // heuristics (`mip::highs::COSTLY_HEURISTICS_OFF`; at effort 0 no rounding, hence no
    // analytic centre either: our HiGHS's changes 9 and 10), 0.5–1 s less on the strict
    // district and with `max_moves = 0`.
    let root = SolveOptions { time_limit: opts.time_limit - started.elapsed().as_secs_f64(), ..opts.clone() };
    let root = root.with_highs(&mip::highs::COSTLY_HEURISTICS_OFF).with_highs(&[
        ("presolve", "off"),
        ("mip_max_nodes", "1"),
        ("mip_pscost_minreliable", "0"),
    ]);
    let mut proof = mip::highs::solve(&tight, &root, warm, on_progress)?;
    let left = opts.time_limit - started.elapsed().as_secs_f64();
    if proof.status != Status::Optimal && !opts.stopped() && !opts.settled(proof.objective) && left > 0.0 {
        tracing::info!(
            objective = proof.objective,
            bound = proof.bound,
            "the proof's root leaves a gap: its tree, with presolve"
        );
        let found = (!proof.x.is_empty()).then(|| integer_part(&tight, &proof.x));
        let tree = SolveOptions { time_limit: left, ..opts.clone() };
        let tree = quiet(&tree);
        let grown =
            mip::highs::solve(&tight, &tree, Warm { plan: Some(found.as_deref().unwrap_or(&start)), ..warm }, on_progress)?;
        // Both bounds hold for every plan of `wide`; the better plan stands.
        let bound = proof.bound.max(grown.bound);
        if !grown.x.is_empty() && (proof.x.is_empty() || grown.objective <= proof.objective + 1e-9) {
            proof = grown;
        }
        proof.bound = bound;
        proof.gap = mip::rel_gap(proof.objective, bound);
    }
    // Over the moves within the gap: those the second dual left out at 0, and the bound
    // no higher than theirs.
    if !proof.x.is_empty() {
        proof.x = mip::spread(wide.cols.len(), &tight_kept, &proof.x);
    }
    proof.bound = wide.round_up(proof.bound.min(left_out), grain);
    proof.gap = mip::rel_gap(proof.objective, proof.bound);
    tracing::info!(status = ?proof.status, objective = proof.objective, bound = proof.bound, "proof over every move within the gap");
    Ok(Some((wide, wide_kept, proof)))
}

/// The columns of `wide` a MIP started from the plan `x` (over `wide`) needs to beat it (by
/// a whole step of the objective's `grain`), by the floors
/// of a second optimal dual of `wide`'s LP from its optimal `basis`
/// ([`mip::fixing::narrow`]): that model, its columns in `wide`, the last dual's basis
/// (`wide`'s own `basis` when nothing is left out), and a bound on every plan of `wide`
/// with a column left out (infinite when none is). The window of C00078 in P0010 in 2029
/// on the district: 17.3k moves within the gap, 8.7k and then 7.7k left (0.5 s); the
/// strict district's proof: 20.1k, 10.2k, 9.2k.
fn narrowed<'w>(
    wide: &'w crate::mip::Model,
    basis: Option<mip::highs::Basis>,
    x: &[f64],
    grain: Option<f64>,
    opts: &SolveOptions,
) -> Result<Tight<'w>> {
    let narrowed = match &basis {
        // What a better plan costs at most: a grain less than `x`.
        Some(b) => mip::fixing::narrow(wide, b, x, wide.objective(x) - mip::grain::step(grain), opts)?,
        None => None,
    };
    Ok(match narrowed {
        Some(n) => {
            tracing::debug!(moves = wide.cols.len(), kept = n.kept.len(), "a second dual's floors");
            Tight { model: std::borrow::Cow::Owned(n.model), kept: n.kept, basis: n.basis, left_out: n.left_out }
        }
        // `wide` itself, not a copy (32k moves on the district with `max_moves = 0`).
        None => Tight {
            model: std::borrow::Cow::Borrowed(wide),
            kept: (0..wide.cols.len() as u32).collect(),
            basis,
            left_out: f64::INFINITY,
        },
    })
}

/// What [`narrowed`] leaves of a proof's window.
struct Tight<'w> {
    /// The model of the moves left (the window itself when none is left out).
    model: std::borrow::Cow<'w, crate::mip::Model>,
    /// Their columns in the window.
    kept: Vec<u32>,
    /// The root basis.
    basis: Option<mip::highs::Basis>,
    /// A bound on every plan with a move left out.
    left_out: f64,
}

/// The best plan with one more pin, proven by [`prove_pinned`].
#[derive(Debug, Clone)]
pub struct Pinned {
    /// The best plan found with the pin.
    pub plan: Plan,
    /// A bound on every plan's objective with the pin.
    pub bound: f64,
}

/// The best plan of `c`'s scenario `s` with `arc` pinned (its official holding its post
/// that year), from `start`, a plan with the pin (a runner-up's least change), proven with
/// what pricing proved for `s`'s plan (`c`) instead of pricing again. `s` with the pin is
/// `s`'s model with one more row, whose dual is 0: every plan with the pin still costs at
/// least the LP bound plus the reduced cost of each move it makes. So only the moves
/// priced within `start`'s objective of the LP bound can be in a plan better than `start`,
/// all in the pinned official's part, and [`prove_within`] runs the MIP over them with
/// the pin, started from `start` and from the part's final basis (the rows of the pin and
/// of the plan's root cuts, which start its root at the bound of [`pinned_bound`], basic).
/// The other parts keep `start`'s plan. `None` when the pin is impossible.
pub fn prove_pinned(c: &Certified, arc: rules::Arc, start: &Plan, opts: &SolveOptions) -> Result<Option<Pinned>> {
    let Some(PinnedPart { f, parts, k, part, part_lp, lp_bound, basis }) = PinnedPart::new(c, arc) else {
        return Ok(None);
    };
    let s = f.s;
    let Some(mut x) = f.point_of(start) else { return Ok(None) };
    let generated = mip::colgen::Generated {
        keep: vec![false; part.cols.len()],
        lp_bound: Some(part_lp.lp_bound),
        complete: true,
        rounds: 0,
        capped: 0,
        lagrangian: None,
        lp_x: Vec::new(),
        reduced: part_lp.reduced.clone(),
        basis,
        fell_back: false,
    };
    // To the solver's absolute tolerance: the change is exact only if its plan meets its
    // bound.
    let exact = SolveOptions { gap: 0.0, ..opts.clone() };
    let upper = check::check(s, start).objective();
    let part_x = mip::pick(&parts[k], &x);
    let Some((_, wide_kept, proof)) = prove_within(&part, &generated, &part_x, upper - lp_bound, 0, &exact, &mut |_| {})? else {
        return Ok(None);
    };
    // Plans with a move left out of the proof's cost at least the LP bound plus its reduced
    // cost; the other parts, at least their LP bounds.
    let others = lp_bound - part_lp.lp_bound;
    let bound =
        others + part.round_up(proof.bound.min(part_lp.lp_bound + least_left_out(&part_lp.reduced, &wide_kept)), part.grain());
    let mut plan = start.clone();
    if !proof.x.is_empty() {
        for (&c, v) in wide_kept.iter().zip(&proof.x) {
            x[parts[k][c as usize] as usize] = *v;
        }
        let found = f.plan_of(&x);
        if check::check(s, &found).objective() < upper - 1e-9 {
            plan = found;
        }
    }
    Ok(Some(Pinned { plan, bound }))
}

/// What the plan's root cuts say of the plans of `s` with `arc` pinned ([`pinned_bound`]).
#[derive(Debug, Clone)]
pub struct PinnedLp {
    /// A bound on every plan's objective with the pin (infinite: no plan has it).
    pub bound: f64,
    /// A plan with the pin, near the plan explained, when the MIP found one.
    pub plan: Option<Plan>,
}

/// A bound on every plan of `c`'s scenario `s` with `arc` pinned, and a plan with the pin
/// near `near` (the plan explained), from what the plan's solve proved for `s` (`c`),
/// without pricing again. The bound: the LP over every move of the pinned official's part
/// with the pin and the part's root cuts ([`PartLp::cuts`]), from the part's final basis,
/// the other parts at their LP bounds; it holds because the cuts hold for every plan of the
/// part, and on the district it meets the best plan with the pin in 24 of the 25
/// runner-ups of the bench (BENCHMARKS.md). The plan: of that LP's optimal points, the one
/// nearest to `near` (each person-year held otherwise costs [`NEAR_FACE_WEIGHT`] more),
/// its whole moves kept and the rest decided by a MIP over the moves the LP prices at 0
/// (the other parts as `near` has them); where it misses the bound, the MIP over every
/// move priced within its gap, which proves it or finds the best (within
/// [`PINNED_PROOF_SECONDS`], or the time limit with `prove`). `None` when
/// the pin is impossible or the time ran out.
pub fn pinned_bound(
    c: &Certified,
    arc: rules::Arc,
    (near, prove): (&Plan, bool),
    opts: &SolveOptions,
) -> Result<Option<PinnedLp>> {
    let Some(PinnedPart { f, parts, k, mut part, part_lp, lp_bound, basis }) = PinnedPart::new(c, arc) else {
        return Ok(None);
    };
    let s = f.s;
    let mut session = mip::highs::LpSession::new(&part, opts)?;
    if let Some(basis) = &basis {
        session.set_basis(basis);
    }
    let others = lp_bound - f.model.offset - part_lp.lp_bound;
    // Of the LP's optimal points, one near `near`: each person-year held otherwise costs a
    // little more (too little to matter beside the objective's weights), so that what the
    // MIP below keeps of the LP is near it too. Solved first, then the LP itself from its
    // basis, which is then a few iterations from optimal.
    let differs =
        |p: crate::scenario::PersonIx, j: Option<crate::scenario::PostIx>, y: i32| f64::from(u8::from(near.post(s, p, y) != j));
    let changes = |c: usize| -> f64 {
        match part.cols[c].name {
            mip::ColName::Hold(p, j, y) => differs(p, Some(j), y),
            mip::ColName::Entry(p, j, a, b) => (a..=b).map(|y| differs(p, Some(j), y)).sum(),
            mip::ColName::Aux("idle", p, _, y) => differs(crate::scenario::PersonIx(p), None, y),
            _ => 0.0,
        }
    };
    let steered: Vec<usize> = (0..part.cols.len()).filter(|&c| changes(c) > 0.0).collect();
    session.set_costs(&steered.iter().map(|&c| (c, part.cols[c].cost + NEAR_FACE_WEIGHT * changes(c))).collect::<Vec<_>>())?;
    let x = match pinned_optimum(&mut session)? {
        Ok(nearest) => nearest.x,
        Err(out) => return Ok(out),
    };
    session.set_costs(&steered.iter().map(|&c| (c, part.cols[c].cost)).collect::<Vec<_>>())?;
    let mut sol = match pinned_optimum(&mut session)? {
        Ok(sol) => sol,
        Err(out) => return Ok(out),
    };
    // The stint cliques the LP breaks (`mip::cliques`), into the LP and the part's model
    // (the MIPs below have them too), until it breaks none.
    for _ in 0..STINT_CLIQUE_ROUNDS {
        let cuts = mip::cliques::separate(&part, &sol.x);
        if cuts.is_empty() {
            break;
        }
        let rows: Vec<mip::highs::NewRow> = cuts
            .iter()
            .map(|c| {
                let (lower, upper) = c.bounds();
                (lower, upper, c.terms.clone())
            })
            .collect();
        session.add_rows(&rows)?;
        with_cuts(&mut part, &cuts);
        sol = match pinned_optimum(&mut session)? {
            Ok(sol) => sol,
            Err(out) => return Ok(out),
        };
        tracing::debug!(cuts = cuts.len(), objective = sol.objective, "pinned LP with stint cliques");
    }
    // The part's objective is a multiple of its grain: its bounds round up.
    let grain = part.grain();
    let lp = part.round_up(sol.objective, grain);
    let mut bound = f.model.offset + others + lp;
    let reduced = part.reduced_costs(&part.by_column(), &sol.duals);
    let (quick, kept) = face_plan(&part, &sol.x, &reduced, &x, opts)?;
    tracing::debug!(bound, objective = quick.objective, cols = kept.len(), seconds = quick.seconds, "pinned LP and its plan");
    if quick.x.is_empty() {
        return Ok(Some(PinnedLp { bound, plan: None }));
    }
    let mut x = mip::spread(part.cols.len(), &kept, &quick.x);
    // Short of the bound: every plan with the pin costs at least the LP plus the reduced
    // costs of its moves at the LP's duals (the cuts hold for all of them), so only the
    // moves priced within the gap can beat this plan, and the MIP over them, started from
    // it, finds the best plan with the pin or bounds it, within [`PINNED_PROOF_SECONDS`]
    // unless asked to prove (both that and finding the moves below). Within `EXACT_TOL`
    // the plan is exact as it is. It runs over the moves other duals of the LP leave of
    // those ([`narrowed`]; on the district, C00078 in P0010 in 2029: 17.3k moves within
    // 0.375, 7.7k left in 0.5 s, the proof 0.40–0.52 s instead of 1.2–1.8 s), its root LP
    // from the last dual's basis (through HiGHS's presolve, our HiGHS's change 8), and no
    // heuristic but the cheap ones ([`quiet`]).
    if quick.objective - lp > EXACT_TOL {
        // A better plan costs at least a grain less.
        let gap = quick.objective - sol.objective - mip::grain::step(grain);
        let window: Vec<bool> =
            (0..part.cols.len()).map(|c| !part.cols[c].integer || x[c] > 0.5 || reduced[c] <= gap + 1e-9).collect();
        let (wide, wide_kept) = part.restrict(&window);
        let wide_x = mip::pick(&wide_kept, &x);
        let limit = if prove { opts.time_limit } else { opts.time_limit.min(PINNED_PROOF_SECONDS) };
        let started = Instant::now();
        let root = session.basis().map(|b| b.pick(&wide_kept));
        let Tight { model: tight, kept: tight_kept, basis: root, left_out: tight_left_out } =
            narrowed(&wide, root, &wide_x, grain, &SolveOptions { time_limit: limit, ..opts.clone() })?;
        let start = integer_part(&tight, &mip::pick(&tight_kept, &wide_x));
        let limit = limit - started.elapsed().as_secs_f64();
        let exact = SolveOptions { gap: 0.0, time_limit: limit, ..quiet(opts) };
        let proof = mip::highs::solve(&tight, &exact, Warm { plan: Some(&start), basis: root.as_ref() }, &mut |_| {})?;
        tracing::debug!(
            bound = proof.bound,
            objective = proof.objective,
            cols = tight.cols.len(),
            seconds = proof.seconds,
            "pinned proof"
        );
        let left_out = (sol.objective + least_left_out(&reduced, &wide_kept)).min(tight_left_out);
        bound = bound.max(f.model.offset + others + part.round_up(proof.bound.min(left_out), grain));
        if !proof.x.is_empty() && proof.objective < quick.objective - 1e-9 {
            x = mip::spread(part.cols.len(), &mip::pick(&tight_kept, &wide_kept), &proof.x);
        }
    }
    // The part as the MIPs have it, the other parts as `near`.
    let mut whole = f.point_of(near).unwrap_or_else(|| vec![0.0; f.model.cols.len()]);
    parts[k].iter().zip(&x).for_each(|(&c, &v)| whole[c as usize] = v);
    Ok(Some(PinnedLp { bound, plan: Some(f.plan_of(&whole)) }))
}

/// The optimum of a pinned LP, or what [`pinned_bound`] returns without one: an infinite
/// bound when no plan has the pin, nothing when the time ran out.
fn pinned_optimum(session: &mut mip::highs::LpSession) -> Result<std::result::Result<mip::highs::LpSolution, Option<PinnedLp>>> {
    Ok(match session.solve()? {
        mip::highs::LpOutcome::Optimal(sol) => Ok(sol),
        mip::highs::LpOutcome::Infeasible => Err(Some(PinnedLp { bound: f64::INFINITY, plan: None })),
        mip::highs::LpOutcome::Stopped | mip::highs::LpOutcome::Capped(_) => Err(None),
    })
}

/// At most how many rounds of stint cliques [`pinned_bound`] adds to its LP.
const STINT_CLIQUE_ROUNDS: usize = 10;

/// How close a change must be to its lower bound to be exact: above HiGHS's absolute gap
/// tolerance (1e-6, by which a proof's bound may stop short of its plan), far below the
/// weights' one or two decimals. [`pinned_bound`] proves nothing within it, and
/// `why::runner_ups` calls a change within it of its bound exact.
pub const EXACT_TOL: f64 = 1e-5;

/// How long [`pinned_bound`] tries, unless asked to prove, to prove a plan short of its
/// bound (on the district, C00078 in P0010 in 2029: 0.9–1.0 s, the moves it needs found
/// and the proof).
const PINNED_PROOF_SECONDS: f64 = 3.0;

/// HiGHS's presolve rules left out of the proofs' presolve ([`pinned_bound`]'s, and the
/// tree of [`prove_within`]'s): probing (bit 15) and enumeration (bit 16) of
/// `kPresolveRule…` (lp_data/HConst.h), 2.0 and 1.2 s of 2.8 s of presolve on the
/// district's window of C00078 in P0010, for a model the root's reduced-cost fixing then
/// halves anyway; without enumeration too, the district with `max_moves = 0` is proven in
/// 40–43 s instead of 52–53 s.
const PROOF_PRESOLVE_OFF: &str = "98304";

/// `opts` for a proof's tree, which starts from a plan and only has to close the gap to
/// it: presolve without [`PROOF_PRESOLVE_OFF`]'s rules, and only the cheap heuristics
/// (`mip::highs::COSTLY_HEURISTICS_OFF`). On the district with `max_moves = 0` the plan's
/// proof's tree took 12 s with RENS and RINS, finding nothing (its start was optimal), and
/// 3.0–3.5 s without; on C00078 in P0010 in 2029 the runner-up's proof took 2.5 s up to its
/// 3 s limit with HiGHS's heuristics, and 1.2–1.8 s without. The cheap ones find the plan
/// where a proof starts above it: with them off too, a pinned re-solve's root left 680.0
/// over its bound of 673.3 to its tree, and `recommend --full` on P0067 in 2028 took
/// 17.4–18.3 s instead of 14.9–15.7 s.
fn quiet(opts: &SolveOptions) -> SolveOptions {
    opts.with_highs(&mip::highs::COSTLY_HEURISTICS_OFF).with_highs(&[("presolve_rule_off", PROOF_PRESOLVE_OFF)])
}

/// What each person-year held otherwise than in the plan explained costs in the LP of
/// [`pinned_bound`], to pick the optimal point nearest to it: far below the
/// objective's weights, so that it stays an optimal point.
const NEAR_FACE_WEIGHT: f64 = 1e-4;

/// The model of the part of a plan's model that holds a pinned runner-up, with the pin,
/// and what pricing proved for it ([`prove_pinned`], [`pinned_bound`]).
struct PinnedPart<'c, 'a> {
    /// The whole model with the pin.
    f: Formulation<'a>,
    /// The parts' columns.
    parts: &'c [Vec<u32>],
    /// The part of the pin.
    k: usize,
    /// Its model, with the pin and the part's root cuts (rows after the part's own).
    part: mip::Model,
    part_lp: &'a PartLp,
    /// The whole model's LP bound, offset included.
    lp_bound: f64,
    /// The part's final basis, the rows of the pin (when it took one) and the cuts basic.
    basis: Option<mip::highs::Basis>,
}

impl<'c, 'a> PinnedPart<'c, 'a> {
    fn new(c: &'c Certified<'a>, arc: rules::Arc) -> Option<PinnedPart<'c, 'a>> {
        let (parts, part_lps) = (&c.parts, &c.part_lps);
        let mut f = c.f.clone();
        let first = *f.hold(arc.person, arc.post, arc.year).first()?;
        let k = parts.iter().position(|cols| cols.binary_search(&first.0).is_ok())?;
        let lp_bound = f.model.offset + part_lps.iter().map(|p| p.lp_bound).sum::<f64>();
        if !f.require_hold(arc.person, arc.post, arc.year) {
            return None;
        }
        let mut part = f.model.subset(&parts[k]);
        let part_lp = part_lps[k];
        let cuts = &part_lp.cuts;
        let own = part.rows.len();
        with_cuts(&mut part, cuts);
        // The LP's nearest point to the plan with the cuts, else pricing's last; the pin's
        // row (when it took one) basic, and the cuts' when they were not in.
        let basic = highs_sys::kHighsBasisStatusBasic;
        let nearest = part_lp.cut_basis.as_ref().filter(|b| {
            b.cols.len() == part.cols.len()
                && b.rows.len() >= cuts.len()
                && b.rows.len() - cuts.len() <= own
                && own <= b.rows.len() - cuts.len() + 1
        });
        let basis = match nearest {
            Some(b) => {
                let priced = b.rows.len() - cuts.len();
                let mut rows = b.rows[..priced].to_vec();
                rows.resize(own, basic);
                rows.extend_from_slice(&b.rows[priced..]);
                Some(mip::highs::Basis { cols: b.cols.clone(), rows })
            }
            None => part_lp.basis.clone().map(|mut b| {
                b.rows.resize(part.rows.len(), basic);
                b
            }),
        };
        Some(PinnedPart { f, parts, k, part, part_lp, lp_bound, basis })
    }
}

/// The least reduced cost (`reduced`, per column) of the columns left out of `kept`
/// (infinite when none is): a plan using one costs at least the LP bound plus that.
fn least_left_out(reduced: &[f64], kept: &[u32]) -> f64 {
    let mut within = vec![false; reduced.len()];
    kept.iter().for_each(|&c| within[c as usize] = true);
    reduced.iter().zip(within).filter(|(_, w)| !w).map(|(&d, _)| d).fold(f64::INFINITY, f64::min)
}

/// The seconds left to `deadline`, at least one: what a solve started now is given.
fn seconds_to(deadline: Instant) -> f64 {
    deadline.saturating_duration_since(Instant::now()).as_secs_f64().max(1.0)
}

/// The instant `share` of the time from now to `deadline` away.
fn share_of(deadline: Instant, share: f64) -> Instant {
    Instant::now() + deadline.saturating_duration_since(Instant::now()).mul_f64(share)
}

/// Runs `work(item, by)` for each of `items` (a weight and an item) on rayon's threads, the
/// heaviest first, each by a share of the time left to `deadline` when it starts, in
/// proportion to its weight among the items not started yet (times the threads): the first
/// items cannot use up the time of the last, an item done early leaves its time to the
/// rest, and an item of weight 0 gets none. The results in the items' order.
fn in_shares<I: Send, T: Send>(
    items: Vec<(f64, I)>,
    threads: f64,
    deadline: Instant,
    work: impl Fn(I, Instant) -> T + Sync,
) -> Vec<T> {
    let waiting = items.iter().map(|(w, _)| w).sum::<f64>();
    let mut items: Vec<(usize, (f64, I))> = items.into_iter().enumerate().collect();
    items.sort_by(|(a, (wa, _)), (b, (wb, _))| wb.total_cmp(wa).then(a.cmp(b)));
    // Each deadline is set as a thread takes the item (the bridge hands them out in order).
    let mut out: Vec<(usize, T)> = items
        .into_iter()
        .scan(waiting, |waiting, (k, (w, item))| {
            let share = if w > 0.0 { (threads * w / waiting.max(w)).min(1.0) } else { 0.0 };
            *waiting -= w;
            Some((k, item, share_of(deadline, share)))
        })
        .par_bridge()
        .map(|(k, item, by)| (k, work(item, by)))
        .collect();
    out.sort_by_key(|(k, _)| *k);
    out.into_iter().map(|(_, t)| t).collect()
}

/// The integer columns of `x`, rounded: a MIP start.
fn integer_part(m: &crate::mip::Model, x: &[f64]) -> Vec<(Col, f64)> {
    (0..m.cols.len()).filter(|&c| m.cols[c].integer).map(|c| (Col(c as u32), x[c].round())).collect()
}

/// Whether `x` meets every row and bound of `m` and is integral where it must be.
fn feasible_integral(m: &crate::mip::Model, x: &[f64]) -> bool {
    let (worst, integral) = m.violation(x, 1e-6);
    worst <= 1e-6 && integral
}

/// Peak resident set size of this process (`VmHWM`), in MiB.
pub fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?.trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Seconds from `start` to each item's deadline, with `threads` and 4 s to share.
    fn deadlines(weights: &[f64], threads: f64) -> Vec<f64> {
        let start = Instant::now();
        let items = weights.iter().copied().zip(0..weights.len()).collect();
        let by = in_shares(items, threads, start + Duration::from_secs(4), |k, by| (k, by.duration_since(start).as_secs_f64()));
        // Results in the items' order, whatever order they ran in.
        assert_eq!(by.iter().map(|b| b.0).collect::<Vec<_>>(), (0..weights.len()).collect::<Vec<_>>());
        by.into_iter().map(|b| b.1).collect()
    }

    /// A run stopped before pricing ends says so: every part unpriced, no LP bound, and the
    /// reports' text says why and what to do; a run priced to the end has none unpriced.
    #[test]
    fn a_pricing_stopped_is_counted_and_explained() {
        let s = crate::generate::generate(&crate::generate::spec_for(60, 1));
        let text = |o: &Outcome| {
            let rows = crate::explain::explain(&s, &rules::all(&s), &o.plan);
            crate::report::ReportData::new(&s, o, &rows).lp_bound_text()
        };
        let done = plan(&s, &SolveOptions::default(), None, &|_| {}).unwrap();
        assert_eq!(done.stats.unpriced_parts, 0);
        let lp = done.stats.lp_bound.expect("pricing ended");
        assert_eq!(text(&done), format!("{lp:.2}"));
        // Ctrl-C as the first pricing round ends (the repaired greedy plan is at hand).
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let ctrl_c = |phase: Phase| {
            if matches!(phase, Phase::Pricing(..)) {
                stop.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        };
        let opts = SolveOptions { stop: Some(stop.clone()), ..SolveOptions::default() };
        let stopped = plan(&s, &opts, None, &ctrl_c).unwrap();
        assert_eq!(stopped.solution.status, Status::Interrupted);
        assert!(stopped.stats.parts > 0);
        assert_eq!(stopped.stats.unpriced_parts, stopped.stats.parts);
        assert!(stopped.stats.lp_bound.is_none());
        let said = text(&stopped);
        let parts = stopped.stats.parts;
        assert!(said.starts_with(&format!("n/a: pricing did not end in {parts} of {parts} ")), "{said}");
        assert!(said.contains("A longer --time-limit gives the LP bound"), "{said}");
        assert!(!said.contains("fell back") && stopped.stats.fell_back_parts == 0, "{said}");
        // Where pricing fell back to one move an official, the text says so.
        let mut fell = stopped;
        fell.stats.fell_back_parts = 1;
        let said = text(&fell);
        assert!(said.contains("stopped it; in 1 it fell back to one move an official: the quick plan there"), "{said}");
    }

    /// The gap asked for is the whole plan's, the model's constant included, as the gap
    /// reported: on the generated 300-person pool of seed 2, whose constant takes 560 of
    /// the part's −634, the plan is proven within 0.01%, where judging the part's own
    /// objective stopped at 0.068% (its MIP at 0.05 from the bound, 0.008% of 634).
    #[test]
    fn the_gap_asked_for_is_the_whole_plans() {
        let s = crate::generate::generate(&crate::generate::spec_for(300, 2));
        let opts = SolveOptions { root_cuts: true, ..SolveOptions::default() };
        let done = plan(&s, &opts, None, &|_| {}).unwrap();
        assert!(done.solution.objective.abs() < 100.0, "the constant takes most of it: {}", done.solution.objective);
        assert!(done.solution.gap <= opts.gap, "{} > {}", done.solution.gap, opts.gap);
        assert_eq!(done.solution.status, Status::Optimal);
        // The share in the objective's units: the gap of the least objective the plan can
        // have, between its bound and its best plan so far, 1 at the least.
        assert_eq!(whole_plan_gap(0.01, 200.0, Some(300.0)), 2.0);
        assert_eq!(whole_plan_gap(0.01, -300.0, Some(-200.0)), 2.0);
        assert_eq!(whole_plan_gap(0.01, -300.0, Some(200.0)), 0.01, "the plan may cost 0");
        assert_eq!(whole_plan_gap(0.01, 200.0, None), 2.0);
        assert_eq!(whole_plan_gap(0.01, -200.0, None), 0.01);
    }

    /// The basis `lp.json` keeps for runner-ups is the same whether the lane made it beside
    /// the proof, for the plan the proof starts from (and keeps), or after it: on the strict
    /// district the proof runs while the lane is idle.
    #[test]
    fn the_basis_made_beside_the_proof_is_the_one_made_after_it() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/district");
        let s = crate::scenario::load::load(&dir, Some(&dir.join("policies/strict.toml"))).unwrap();
        let opts = SolveOptions { root_cuts: true, ..SolveOptions::default() };
        let done = plan(&s, &opts, None, &|_| {}).unwrap();
        assert_eq!(done.solution.status, Status::Optimal);
        let lp = done.lp.unwrap();
        let rules = rules::all(&s);
        let Certified { f, parts, part_lps } = Certified::new(&s, &rules, &lp).unwrap();
        assert_eq!(parts.len(), 1, "one part, so the lane runs");
        let part = f.model.subset(&parts[0]);
        let mut x = vec![0.0; part.cols.len()];
        for (c, v) in f.start_of(&done.plan).unwrap() {
            x[parts[0].binary_search(&c.0).unwrap()] = v;
        }
        let far = Instant::now() + Duration::from_secs(600);
        let after = nearest_basis(&part, part_lps[0].basis.clone(), &part_lps[0].cuts, &x, &opts, far);
        assert!(after.is_some(), "the part has cuts and a basis with them");
        assert_eq!(part_lps[0].cut_basis, after);
        // Another plan steers elsewhere, and is not taken for the same.
        let mut y = x.clone();
        let c = (0..y.len()).find(|&c| part.cols[c].integer && y[c] < 0.5).unwrap();
        y[c] = 1.0;
        assert!(same_face(&part, &x, &x) && !same_face(&part, &x, &y));
    }

    /// The root cuts kept for runner-ups hold for every plan, not only for plans as good as
    /// one HiGHS found at the root: the best plans with runner-ups pinned (full re-solves)
    /// meet them all, at no more than the independent check's cost. Before HiGHS's change
    /// 9 (`vendor/highs-sys/PATCHES.md`) the root found plans by rounding, and one cut
    /// took 0.3 more from C00013 in P0025 in 2028 on this pool.
    #[test]
    fn root_cuts_hold_for_the_plans_of_runner_ups() {
        let s = crate::generate::generate(&crate::generate::spec_for(60, 1));
        let opts = SolveOptions { root_cuts: true, gap: 0.0, ..SolveOptions::default() };
        let lp = plan(&s, &opts, None, &|_| {}).unwrap().lp.unwrap();
        let rules = rules::all(&s);
        let Certified { f, parts, part_lps } = Certified::new(&s, &rules, &lp).unwrap();
        assert!(part_lps.iter().any(|p| !p.cuts.is_empty()), "the pool's root has cuts");
        let post = s.posts_ix().find(|(_, j)| j.id == "P0025").unwrap().0;
        for id in ["C00013", "C00044", "C00049"] {
            let person = s.people_ix().find(|(_, p)| p.id == id).unwrap().0;
            let mut pinned = s.clone();
            pinned.pins.push(crate::scenario::Pin { person, post, year: 2028, action: crate::scenario::PinAction::Fix });
            let best = plan(&pinned, &SolveOptions { gap: 0.0, ..SolveOptions::default() }, None, &|_| {}).unwrap().plan;
            let mut fixed = vec![None; f.model.cols.len()];
            f.start_of(&best).unwrap().into_iter().for_each(|(c, v)| fixed[c.0 as usize] = Some(v));
            let mut cost = f.model.offset;
            for (cols, part_lp) in parts.iter().zip(&part_lps) {
                let mut part = f.model.subset(cols);
                with_cuts(&mut part, &part_lp.cuts);
                for (col, &c) in part.cols.iter_mut().zip(cols) {
                    if let Some(v) = fixed[c as usize] {
                        (col.lb, col.ub) = (v, v);
                    }
                }
                let sol = mip::highs::solve_lp(&part, &SolveOptions::default()).unwrap();
                cost += sol.unwrap_or_else(|| panic!("{id}'s best plan breaks a cut")).objective;
            }
            let checked = check::check(&s, &best).objective();
            assert!(cost <= checked + 1e-6, "{id}: the cuts make its best plan cost {cost}, against {checked}");
        }
    }

    /// The LP with the root cuts bounds every plan of the part, and a plan from its face
    /// that meets that bound is the part's optimum (HiGHS alone on the part agrees);
    /// without cuts, or past the deadline (where the root cuts may end), nothing is tried.
    /// The root's own bound lies between the LP and the optimum too, and reaches the second
    /// phase as soon as the cuts are made ([`root_cuts`]), not after that LP.
    #[test]
    fn root_cuts_close_a_part_with_a_plan_at_their_bound() {
        let s = crate::generate::generate(&crate::generate::spec_for(120, 2));
        let rules = rules::all(&s);
        let f = Formulation::build(&s, &rules, &Eligibility::new(&s, &rules));
        let opts = SolveOptions { threads: 1, gap: 0.0, ..SolveOptions::default() };
        let deadline = Instant::now() + std::time::Duration::from_secs(60);
        let (mut closed, mut raised, mut raised_at_root) = (0, 0, 0);
        for cols in f.model.components() {
            let m = f.model.subset(&cols);
            let cuts = mip::highs::root_cuts(&m, &opts, None, &AtomicU64::new(f64::INFINITY.to_bits())).unwrap().cuts;
            if cuts.is_empty() {
                continue;
            }
            let lp = mip::highs::solve_lp(&m, &opts).unwrap().unwrap().objective;
            let optimum = mip::highs::solve(&m, &opts, Warm::default(), &mut |_| {}).unwrap();
            assert_eq!(optimum.status, Status::Optimal);
            // The root's bound, told the second phase when the cuts are made.
            let at_root = mip::Beside::default();
            root_cuts(&m, None, &opts, deadline, &at_root);
            let root = at_root.bound();
            assert!(root >= lp - 1e-6 && root <= optimum.objective + 1e-6, "{lp} ≤ {root} ≤ {}", optimum.objective);
            raised_at_root += usize::from(root > lp + 1e-6);
            // Without cuts: nothing.
            let told = mip::Beside::default();
            assert!(close_with_cuts(&m, None, &[], (&opts, 0.0), deadline, &told).is_none());
            assert!(!told.done(None) && told.bound() == f64::NEG_INFINITY, "nothing told the second phase");
            // With them past the deadline: nothing either, nor a basis for `lp.json`.
            let past = Instant::now();
            assert!(close_with_cuts(&m, None, &cuts, (&opts, 0.0), past, &told).is_none());
            assert!(nearest_basis(&m, None, &cuts, &vec![0.0; m.cols.len()], &opts, past).is_none());
            assert!(!told.done(None) && told.bound() == f64::NEG_INFINITY, "nothing told the second phase");
            // With them: the bound, and the optimum when the face has one at it.
            let found = close_with_cuts(&m, None, &cuts, (&opts, 0.0), deadline, &told);
            let bound = told.bound();
            assert!(bound >= lp - 1e-6 && bound <= optimum.objective + 1e-6, "{lp} ≤ {bound} ≤ {}", optimum.objective);
            raised += usize::from(bound > lp + 1e-6);
            match found {
                Some((x, objective, true)) => {
                    assert!(m.violation(&x, 1e-6).0 <= 1e-6 && (m.objective(&x) - objective).abs() < 1e-6);
                    assert!((objective - optimum.objective).abs() < 1e-6, "{objective} against {}", optimum.objective);
                    assert!(told.done(None), "the second phase is told the part is closed");
                    closed += 1;
                }
                Some((x, objective, false)) => {
                    assert!(m.violation(&x, 1e-6).0 <= 1e-6 && objective >= optimum.objective - 1e-6);
                    assert!(!told.done(None), "a plan above the bound closes nothing");
                }
                None => assert!(!told.done(None)),
            }
        }
        assert!(
            raised > 0 && closed > 0 && raised_at_root > 0,
            "raised {raised} ({raised_at_root} at the root), closed {closed}"
        );
    }

    /// A plan from the face of the LP with the root cuts that misses its bound closes the
    /// part when it is within the gap asked for, and not when it is just outside it (but
    /// is returned, for the part to keep if the second phase's is worse).
    #[test]
    fn root_cuts_close_a_part_with_a_plan_within_the_gap_asked_for() {
        let opts = SolveOptions { threads: 1, gap: 0.0, ..SolveOptions::default() };
        let deadline = Instant::now() + std::time::Duration::from_secs(60);
        let mut above = 0;
        for (people, seed) in [(120, 2), (100, 3), (150, 1)] {
            let s = crate::generate::generate(&crate::generate::spec_for(people, seed));
            let rules = rules::all(&s);
            let f = Formulation::build(&s, &rules, &Eligibility::new(&s, &rules));
            for cols in f.model.components() {
                let m = f.model.subset(&cols);
                let cuts = mip::highs::root_cuts(&m, &opts, None, &AtomicU64::new(f64::INFINITY.to_bits())).unwrap().cuts;
                let told = mip::Beside::default();
                let Some((_, objective, _)) = close_with_cuts(&m, None, &cuts, (&opts, f64::INFINITY), deadline, &told) else {
                    continue;
                };
                let over = objective - told.bound();
                if over <= 1e-3 {
                    continue;
                }
                above += 1;
                let near_miss = mip::Beside::default();
                let (x, at, closes) =
                    close_with_cuts(&m, None, &cuts, (&opts, over - 1e-3), deadline, &near_miss).expect("a plan");
                assert!(!closes && !near_miss.done(None), "a plan outside the gap closes nothing");
                assert!((at - objective).abs() < 1e-6 && m.violation(&x, 1e-6).0 <= 1e-6, "but is returned");
                let hit = mip::Beside::default();
                let (x, at, closes) =
                    close_with_cuts(&m, None, &cuts, (&opts, over + 1e-3), deadline, &hit).expect("within the gap");
                assert!(closes && (at - objective).abs() < 1e-6 && m.violation(&x, 1e-6).0 <= 1e-6);
                assert!(hit.done(None), "the second phase is told the part is closed");
            }
        }
        assert!(above > 0, "no part's face plan missed its bound");
    }

    /// A part of model `m` whose pricing stopped after its first round, with the working
    /// set `keep` and the quick plan `quick` still to be made.
    fn unpriced(m: &mip::Model, keep: &[bool], quick: Quick, fell_back: bool) -> Priced {
        let (sub, kept) = m.restrict(keep);
        let generated = mip::colgen::Generated {
            keep: keep.to_vec(),
            lp_bound: None,
            complete: false,
            rounds: 1,
            capped: 0,
            lagrangian: None,
            lp_x: Vec::new(),
            reduced: Vec::new(),
            basis: None,
            fell_back,
        };
        let quick = Some(quick);
        Priced { model: m.clone(), incumbent: None, offset: 0.0, generated, sub, kept, solved: None, best: None, quick }
    }

    /// Runs `test` on a generated 60-person pool of `seed` whose officials may move more than
    /// once (`max_moves = 0`), with its model.
    fn on_moving_pool(seed: u64, test: impl FnOnce(&Scenario, &Formulation)) {
        let mut s = crate::generate::generate(&crate::generate::spec_for(60, seed));
        s.policy.stability.max_moves = 0;
        let rules = rules::all(&s);
        test(&s, &Formulation::build(&s, &rules, &Eligibility::new(&s, &rules)));
    }

    /// Where pricing fell back to one move an official, the quick plan over the working set
    /// moves each official at most once and takes no minimum stay (the hit), where without
    /// the fallback's limits it moves some official twice (the near miss). The working set
    /// leaves columns out, so its indices are not the part's.
    #[test]
    fn the_quick_plan_after_pricing_fell_back_moves_each_official_once() {
        on_moving_pool(1, |s, f| {
            let m = &f.model;
            let mut later = vec![false; m.cols.len()];
            f.stints.iter().for_each(|st| later[st.col.0 as usize] = st.moves_on);
            let one_move: Vec<(usize, f64)> = f.moves.iter().flatten().map(|c| (c.0 as usize, 1.0)).collect();
            assert!(!one_move.is_empty() && later.iter().any(|&l| l));
            let keep: Vec<bool> =
                (0..m.cols.len()).map(|c| !matches!(m.cols[c].name, mip::ColName::Entry(..)) || c % 7 != 0).collect();
            let (sub, kept) = m.restrict(&keep);
            let fallback = mip::colgen::Fallback { bounds: &one_move, after: 0.0, far: 0.0 };
            let limits = on_working_set(m.cols.len(), &kept, fallback.limits(&kept, &later));
            // From an LP point that fixes no move, so that the quick plan is free to move an
            // official twice.
            let lp = vec![0.0; sub.cols.len()];
            let quick_plan = |limits: Vec<(usize, f64)>| {
                let by = Instant::now() + Duration::from_secs(30);
                let mut priced =
                    unpriced(m, &keep, Quick { lp: lp.clone(), by, limits, support_first: false, again: false }, true);
                priced.quick_plan(&SolveOptions::default(), &|_| {}).unwrap();
                let (x, _) = priced.best.expect("a quick plan");
                assert!(m.violation(&x, 1e-6).0 <= 1e-6);
                // The most moves of an official, and whether a minimum stay is taken.
                let mut moves = vec![0; s.people.len()];
                f.stints.iter().filter(|st| x[st.col.0 as usize] > 0.5).for_each(|st| moves[st.person.0 as usize] += 1);
                let stays = f.stints.iter().any(|st| st.moves_on && x[st.col.0 as usize] > 0.5);
                (moves.into_iter().max().unwrap(), stays)
            };
            assert_eq!(quick_plan(limits), (1, false));
            let (most, _) = quick_plan(Vec::new());
            assert!(most > 1, "without the limits some official moves twice");
        });
    }

    /// A quick plan whose MIP is cut by its time has a second go in the second phase, from
    /// the best plan so far (the hit); one that ends in its time (the near miss), or a part
    /// settled meanwhile, has none.
    #[test]
    fn a_quick_plan_cut_by_time_goes_on_in_the_second_phase() {
        on_moving_pool(1, |_, f| {
            let m = &f.model;
            let keep = vec![true; m.cols.len()];
            // Its first MIP given `first` seconds, from an LP point that fixes no move.
            let first_go = |first: f64| {
                let by = Instant::now() + Duration::from_secs_f64(first);
                let quick = Quick { lp: vec![0.0; m.cols.len()], by, limits: Vec::new(), support_first: false, again: false };
                let mut priced = unpriced(m, &keep, quick, false);
                priced.quick_plan(&SolveOptions::default(), &|_| {}).unwrap();
                priced
            };
            let later = || Instant::now() + Duration::from_secs(60);
            let opts = SolveOptions::default();
            // The hit: cut at once, then made in the second phase.
            let mut cut = first_go(0.0);
            assert!(cut.best.is_none() && cut.quick.as_ref().is_some_and(|q| q.again), "the first go is cut");
            cut.quick_plans(later(), &opts, &|_| {}).unwrap();
            let (x, _) = cut.best.expect("the second go makes a plan");
            assert!(m.violation(&x, 1e-6).0 <= 1e-6 && cut.quick.is_none());
            // The near miss: given the time, the first go is the only one.
            let ended = first_go(60.0);
            assert!(ended.best.is_some() && ended.quick.is_none());
            // Settled before the second phase: no second go.
            let mut settled = first_go(0.0);
            settled.solved = Some(Solution {
                status: Status::TimeLimit,
                x: Vec::new(),
                objective: 0.0,
                bound: 0.0,
                gap: 0.0,
                seconds: 0.0,
                nodes: 0,
            });
            settled.quick_plans(later(), &opts, &|_| {}).unwrap();
            assert!(settled.quick.is_none() && settled.best.is_none());
        });
    }

    /// The MIP over the LP's support, with which a quick plan starts where officials may
    /// move more than once: from the LP optimum of a 60-person pool with `max_moves = 0`
    /// (fractional in 26 moves), a plan that meets every row, takes up no post the LP
    /// leaves at 0, and is the part's best plan (the hit); from a point that makes no move,
    /// none, as the officials whom the minimum stay keeps in post (hard here) have no
    /// column left to stay by (the near miss).
    #[test]
    fn the_mip_over_the_lps_support_keeps_to_what_the_lp_uses() {
        on_moving_pool(2, |_, f| {
            let m = &f.model;
            let keep = vec![true; m.cols.len()];
            let opts = SolveOptions::default();
            let support_plan = |lp: &[f64]| {
                let quick = Quick { lp: lp.to_vec(), by: Instant::now(), limits: Vec::new(), support_first: true, again: false };
                let mut priced = unpriced(m, &keep, quick, false);
                let by = Instant::now() + Duration::from_secs(30);
                let x = priced.support_plan(&m.fix_ones(lp, 1e-6), lp, by, &opts, &|_| {}).unwrap();
                (x, priced.best)
            };
            let lp = mip::highs::solve_lp(m, &opts).unwrap().expect("an LP optimum").x;
            let fractional = (0..m.cols.len()).filter(|&c| m.cols[c].integer && lp[c] > 1e-6 && lp[c] < 1.0 - 1e-6).count();
            assert!(fractional > 0, "an LP optimum with fractional moves");
            let (x, best) = support_plan(&lp);
            let x = x.expect("a plan over the support");
            assert!(m.violation(&x, 1e-6).0 <= 1e-6);
            assert!((0..m.cols.len()).all(|c| !m.cols[c].integer || x[c] < 0.5 || lp[c] > 1e-6));
            assert_eq!(best.map(|b| b.0), Some(x));
            let (none, best) = support_plan(&vec![0.0; m.cols.len()]);
            assert!(none.is_none() && best.is_none());
        });
    }

    /// The root cuts end once the LP with them reaches the bound asked for, and HiGHS then
    /// hands over the cuts it has so far (its change 11; upstream
    /// gave none when interrupted): on a 100-person pool whose 9 root cuts raise the LP by
    /// 2.85, asked for a bound just above the LP's, the root stops early with fewer cuts
    /// that reach it.
    #[test]
    fn root_cuts_end_at_the_bound_asked_for_with_the_cuts_so_far() {
        let s = crate::generate::generate(&crate::generate::spec_for(100, 3));
        let rules = rules::all(&s);
        let f = Formulation::build(&s, &rules, &Eligibility::new(&s, &rules));
        let opts = SolveOptions { threads: 1, ..SolveOptions::default() };
        let with = |m: &mip::Model, cuts: &[mip::highs::Cut]| {
            let mut m = m.clone();
            with_cuts(&mut m, cuts);
            mip::highs::solve_lp(&m, &opts).unwrap().unwrap().objective
        };
        let mut asked = 0;
        for cols in f.model.components() {
            let m = f.model.subset(&cols);
            let never = AtomicU64::new(f64::INFINITY.to_bits());
            let all = mip::highs::root_cuts(&m, &opts, None, &never).unwrap().cuts;
            let (lp, best) = (with(&m, &[]), with(&m, &all));
            if best < lp + 0.01 {
                continue;
            }
            let target = lp + 0.001;
            let some = mip::highs::root_cuts(&m, &opts, None, &AtomicU64::new(target.to_bits())).unwrap().cuts;
            assert!(!some.is_empty(), "stopped at {target} without its cuts (all: {})", all.len());
            let reached = with(&m, &some);
            assert!(reached >= target - 1e-6, "{} cuts reach {reached}, asked {target}", some.len());
            assert!(some.len() < all.len(), "it went on to all {} cuts", all.len());
            asked += 1;
        }
        assert!(asked > 0, "no part of the pool has cuts that raise its LP");
    }

    #[test]
    fn shares_follow_the_weights_of_the_items_not_started() {
        // The heaviest first, with 3/4 of the time; the last has all that is left.
        let by = deadlines(&[1.0, 3.0], 1.0);
        assert!((by[1] - 3.0).abs() < 0.2 && (by[0] - 4.0).abs() < 0.2, "{by:?}");
        // Two threads: twice its weight's share of the time left when it starts, at most all
        // of it; equal weights in their order.
        let by = deadlines(&[2.0, 2.0, 2.0, 2.0], 2.0);
        let expected = [4.0 * 2.0 * 2.0 / 8.0, 4.0 * 2.0 * 2.0 / 6.0, 4.0, 4.0];
        assert!(by.iter().zip(expected).all(|(b, e)| (b - e).abs() < 0.2), "{by:?} against {expected:?}");
        // Weight 0 (a part solved already): no time.
        let by = deadlines(&[0.0, 5.0], 1.0);
        assert!(by[0] < 0.2 && (by[1] - 4.0).abs() < 0.2, "{by:?}");
    }
}

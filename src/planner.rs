//! The pipeline from a validated scenario to a checked plan: eligibility → model → solve →
//! plan → check. Reporting is the caller's (see `report`).

use crate::check::{self, Report};
use crate::eligibility::Eligibility;
use crate::error::{Error, Result};
use crate::formulation::Formulation;
use crate::mip::{self, Progress, Solution, SolveOptions, Status};
use crate::plan::Plan;
use crate::rules;
use crate::scenario::Scenario;
use std::path::Path;
use std::time::Instant;

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
    /// Seconds for eligibility and model building.
    pub build_seconds: f64,
    /// Arcs excluded per rule.
    pub excluded: Vec<(&'static str, u64)>,
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
}

/// A phase of planning, for progress displays.
#[derive(Debug, Clone, Copy)]
pub enum Phase<'a> {
    /// Building the model.
    Building,
    /// Solving, with the solver's progress.
    Solving(&'a Progress),
}

/// Plans `s`. Errors: [`Error::Infeasible`] when the hard rules cannot all be met.
pub fn plan(s: &Scenario, opts: &SolveOptions, export_mps: Option<&Path>, on_progress: &mut dyn FnMut(Phase)) -> Result<Outcome> {
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
    };
    tracing::info!(?stats, "model built");
    if let Some(path) = export_mps {
        let label = |c: usize| m.col_label(c, &|p| s.person(p).id.clone(), &|j| s.post(j).id.clone());
        mip::highs::write_mps(m, path, &label)?;
    }
    if !f.conflicts.is_empty() {
        return Err(Error::Infeasible(f.conflicts));
    }
    let budget = SolveOptions { time_limit: (opts.time_limit - stats.build_seconds).max(1.0), ..opts.clone() };
    let solution = mip::highs::solve(m, &budget, None, &mut |p| on_progress(Phase::Solving(p)))?;
    match solution.status {
        Status::Infeasible => {
            return Err(Error::Infeasible(vec![
                "the solver proved that no plan meets every hard rule of the policy (no single rule is to blame before solving; relax a hard rule, a pin or a must-fill post)".into(),
            ]))
        }
        Status::NoSolution => return Err(Error::Solver(format!("no plan found within {:.0} s; raise --time-limit", opts.time_limit))),
        Status::Optimal | Status::TimeLimit => {}
    }
    let plan = f.plan_of(&solution.x);
    let report = check::check(s, &plan);
    Ok(Outcome { plan, solution, stats, report })
}

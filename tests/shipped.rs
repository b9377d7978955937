//! Every shipped scenario validates, and every plan the solver produces for it has no hard
//! violation according to the independent check, whose objective matches the solver's.

use rotaplan::mip::{SolveOptions, Status};
use std::path::Path;

fn plan_shipped(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(name);
    let s = rotaplan::scenario::load(&dir, None).unwrap_or_else(|e| panic!("{name}: {e}"));
    let opts = SolveOptions { time_limit: 300.0, ..SolveOptions::default() };
    let o = rotaplan::planner::plan(&s, &opts, None, &|_| {}).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_ne!(o.solution.status, Status::NoSolution);
    let hard: Vec<_> = o.report.hard().map(|f| f.message.clone()).collect();
    assert!(hard.is_empty(), "{name}: hard violations {hard:?}");
    let (solver, checked) = (o.solution.objective, o.report.objective());
    assert!((solver - checked).abs() <= 1e-6 * solver.abs().max(1.0), "{name}: solver {solver} vs check {checked}");
    assert!(o.solution.bound <= o.solution.objective + 1e-6);
}

#[test]
fn tiny_plans_without_hard_violations() {
    plan_shipped("tiny");
}

#[test]
fn district_plans_without_hard_violations() {
    plan_shipped("district");
}

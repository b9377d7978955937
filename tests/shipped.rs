//! Every shipped scenario validates, and every plan the solver produces for it has no hard
//! violation according to the independent check, whose objective matches the solver's.

use rotaplan::mip::{SolveOptions, Status};
use rotaplan::planner::Outcome;
use rotaplan::scenario::Scenario;
use std::path::{Path, PathBuf};

fn shipped(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(name)
}

fn plan_shipped(name: &str, policy: Option<&Path>) -> (Scenario, Outcome) {
    let s = rotaplan::scenario::load(&shipped(name), policy).unwrap_or_else(|e| panic!("{name}: {e}"));
    let opts = SolveOptions { time_limit: 300.0, ..SolveOptions::default() };
    let o = rotaplan::planner::plan(&s, &opts, None, &|_| {}).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_ne!(o.solution.status, Status::NoSolution);
    let hard: Vec<_> = o.report.hard().map(|f| f.message.clone()).collect();
    assert!(hard.is_empty(), "{name}: hard violations {hard:?}");
    let (solver, checked) = (o.solution.objective, o.report.objective());
    assert!((solver - checked).abs() <= 1e-6 * solver.abs().max(1.0), "{name}: solver {solver} vs check {checked}");
    assert!(o.solution.bound <= o.solution.objective + 1e-6);
    (s, o)
}

#[test]
fn tiny_plans_without_hard_violations() {
    plan_shipped("tiny", None);
}

/// The district plans under its own policy and under `policies/strict.toml`, and the two
/// plans differ where the policies do: the strict plan keeps nobody more than 8 years in a
/// post and fills every hardship post every year; the default plan does not.
#[test]
fn district_plans_under_both_policies_and_they_differ_where_they_should() {
    let (s, default) = plan_shipped("district", None);
    let strict_file = shipped("district").join("policies/strict.toml");
    let (strict_s, strict) = plan_shipped("district", Some(&strict_file));
    assert_eq!(strict_s.policy.tenure_max.hard_years, 8);

    let longest = |s: &Scenario, o: &Outcome| o.plan.held(s).map(|(p, y, _)| o.plan.run_length(s, p, y)).max().unwrap_or(0);
    let vacant_hardship = |s: &Scenario, o: &Outcome| {
        o.plan
            .years()
            .map(|y| o.plan.holders(y, s.posts.len()))
            .flat_map(|h| h.into_iter().enumerate())
            .filter(|(j, h)| h.is_empty() && s.unit(s.posts[*j].unit).hardship > 0)
            .count()
    };
    assert!(longest(&strict_s, &strict) <= 8);
    assert_eq!(vacant_hardship(&strict_s, &strict), 0);
    assert!(longest(&s, &default) > 8 || vacant_hardship(&s, &default) > 0, "the default policy allows what strict forbids");
    assert_ne!(default.plan, strict.plan);
    // The strict plan judged by the strict policy is clean; the default plan is not.
    assert!(rotaplan::check::check(&strict_s, &default.plan).hard().next().is_some());
}

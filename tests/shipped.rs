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
    exchange_a_committee_would_sign(name, &s, &o);
    (s, o)
}

/// What issue 11 asks of every shipped plan, read off the plan itself: no desk swap (a
/// move to a post of the same grade in the same unit, other than rotation out of a
/// sensitive post), every departure before the minimum stay forced by something it names,
/// nobody held past a hard tenure limit in the scope where the limit counts, and nobody
/// taken up into a post within the plan left without one unless a rule says why.
fn exchange_a_committee_would_sign(name: &str, s: &Scenario, o: &Outcome) {
    for (p, y, to) in o.plan.held(s) {
        let Some(from) = o.plan.post(s, p, y - 1).filter(|&from| from != to) else { continue };
        let (a, b) = (&s.posts[from.0 as usize], &s.posts[to.0 as usize]);
        let swap = a.unit == b.unit && a.grade == b.grade && !a.sensitive;
        assert!(!swap, "{name}: {} moves from {} to {} in {y}: a desk swap", s.person(p).id, a.id, b.id);
    }
    for (p, y, from, n, why) in rotaplan::rules::tenure_min::early_departures(s, &o.plan) {
        assert!(
            why.is_some(),
            "{name}: {} leaves {} in {y} after {n} year(s), forced by nothing",
            s.person(p).id,
            s.post(from).id
        );
    }
    let rules = rotaplan::rules::all(s);
    for y in o.plan.years() {
        // Out of post, from a post taken up within the plan.
        let dropped = |&(p, from): &(_, _)| {
            o.plan.post(s, p, y).is_none() && (s.start_year..y).any(|x| o.plan.taken_up(s, p, x) == Some(from))
        };
        for (p, from) in o.plan.departures(s, y).filter(dropped) {
            assert!(
                rules.iter().any(|r| r.reason_to_leave(s, &o.plan, p, from, y).is_some()),
                "{name}: {} takes up {} within the plan and leaves it for no post in {y}, with no rule's reason",
                s.person(p).id,
                s.post(from).id
            );
        }
    }
    let clock = rotaplan::rules::exchange::Clock::new(s, s.policy.tenure_max.count_in);
    for (p, y, j) in o.plan.held(s) {
        let n = clock.counted(s, &o.plan, p, j, y);
        assert!(
            n <= s.policy.tenure_max.hard_years as i32,
            "{name}: {} holds {} in year {n} of its scope",
            s.person(p).id,
            s.post(j).id
        );
    }
}

/// Tiny: the county party secretary, 16 years in the county counting his earlier term as
/// county head (`history.csv`), leaves the county; he does not swap posts with the county
/// head, which kept the letter of the post-based rules before years counted in the place.
#[test]
fn tiny_plans_without_hard_violations_and_the_secretary_leaves_the_county() {
    let (s, o) = plan_shipped("tiny", None);
    let ids = s.ids();
    let secretary = ids.people["C001"];
    let county = s.units[s.posts[ids.posts["P-party-head"].0 as usize].unit.0 as usize].region;
    for y in o.plan.years() {
        let held = o.plan.post(&s, secretary, y);
        assert!(held.is_none_or(|j| s.post_region(j) != county), "C001 still in the county in {y}: {held:?}");
    }
}

/// The district plans under its own policy (proven optimal) and under
/// `policies/strict.toml`, and the two plans differ where the policies do: the strict plan keeps nobody more than 8 years in a
/// post and fills every hardship post every year; the default plan does not.
#[test]
fn district_plans_under_both_policies_and_they_differ_where_they_should() {
    let (s, default) = plan_shipped("district", None);
    let strict_file = shipped("district").join("policies/strict.toml");
    let (strict_s, strict) = plan_shipped("district", Some(&strict_file));
    assert_eq!(strict_s.policy.tenure_max.hard_years, 8);
    // Proven optimal: the working set's MIP alone stops 0.785% from the LP bound, and the
    // proof over every move within that gap closes it (planner `prove`).
    assert_eq!(default.solution.status, Status::Optimal, "gap {}", default.solution.gap);

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

/// Every other shipped policy of the district (`policies/*.toml`; strict is planned above)
/// plans without hard violations, each by its own rules: `recusal-all-levels.toml` keeps
/// every official out of the places of all three homes, at every level;
/// `as-the-rules-allow.toml` moves some officials twice, in a plan a committee would sign,
/// proven with no gap at all.
#[test]
fn the_districts_other_shipped_policies_plan_cleanly() {
    let dir = shipped("district").join("policies");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.retain(|f| f.file_name().is_some_and(|n| n != "strict.toml"));
    assert!(files.iter().any(|f| f.ends_with("recusal-all-levels.toml")), "{files:?}");
    assert!(files.iter().any(|f| f.ends_with("as-the-rules-allow.toml")), "{files:?}");
    for file in files {
        let (s, o) = plan_shipped("district", Some(&file));
        if file.ends_with("recusal-all-levels.toml") {
            assert_eq!(s.policy.regional_recusal.homes.len(), 3);
            // Judged by the default policy's recusal, this plan is clean too: it is stricter.
            let default = rotaplan::scenario::load(&shipped("district"), None).unwrap();
            let found = rotaplan::check::check(&default, &o.plan);
            assert!(found.findings.iter().all(|f| f.rule != "regional-recusal"), "{file:?}");
        }
        if file.ends_with("as-the-rules-allow.toml") {
            assert_eq!(s.policy.stability.max_moves, 0);
            // Proven to its last decimal: the LP bound, 1,637.93, rounded up to the
            // objective's grain of 0.1 (`mip::grain`), is the plan's 1,638.00.
            assert_eq!(o.solution.status, Status::Optimal);
            assert!(o.solution.objective - o.solution.bound < 1e-9, "{} against {}", o.solution.objective, o.solution.bound);
            let twice =
                s.people_ix().filter(|&(p, _)| o.plan.years().filter(|&y| o.plan.taken_up(&s, p, y).is_some()).count() >= 2);
            assert!(twice.count() > 0, "nobody moves twice");
        }
    }
}

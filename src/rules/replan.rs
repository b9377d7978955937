//! Re-planning (`rotaplan replan`): a published plan is kept as far as the changed facts
//! allow. Through the frozen year it holds exactly (hard); in the later years every
//! person-year that differs from it (another post, a post instead of none, or none instead
//! of one) costs `[replan] weight`. Without a published plan the rule does nothing.
//!
//! Model: in a frozen year every arc other than the published one is excluded and the
//! published hold is required; in a later year the published arc earns `−weight`, every
//! arc of a person-year the published plan leaves without a post costs `weight`, and the
//! constant `weight × published holds` makes the sum the number of changed person-years
//! times the weight.

use super::{finding, what, who, Arc, Finding, Rule};
use crate::formulation::Formulation;
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Reference, Scenario};

/// Changes against the published plan.
pub struct Replan;

/// The published plan, if it binds `year`, and whether the year is frozen.
fn binding(s: &Scenario, year: i32) -> Option<(&Reference, bool)> {
    let r = s.reference.as_ref()?;
    let frozen = r.frozen_through.is_some_and(|f| year <= f);
    (frozen || s.policy.replan.weight > 0.0).then_some((r, frozen))
}

/// The post the published plan gives `p` in `year`.
fn published(r: &Reference, s: &Scenario, p: PersonIx, year: i32) -> Option<PostIx> {
    r.plan.post(s, p, year)
}

fn describe(s: &Scenario, j: Option<PostIx>) -> String {
    j.map_or("no post".into(), |j| what(s, j))
}

impl Rule for Replan {
    fn id(&self) -> &'static str {
        "replan"
    }

    fn excludes(&self, s: &Scenario, a: Arc) -> bool {
        matches!(binding(s, a.year), Some((r, true)) if published(r, s, a.person, a.year) != Some(a.post))
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        let r = s.reference.as_ref().expect("excluded only with a published plan");
        format!(
            "the published plan, frozen through {}, gives {} {} in {}",
            r.frozen_through.unwrap_or(a.year),
            who(s, a.person),
            describe(s, published(r, s, a.person, a.year)),
            a.year
        )
    }

    fn arc_cost(&self, s: &Scenario, a: Arc) -> f64 {
        let w = s.policy.replan.weight;
        match binding(s, a.year) {
            Some((r, false)) => match published(r, s, a.person, a.year) {
                Some(j) if j == a.post => -w,
                Some(_) => 0.0,
                None => w,
            },
            _ => 0.0,
        }
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        let Some(r) = &s.reference else { return };
        for (p, _) in s.people_ix() {
            for y in s.years() {
                let Some((_, frozen)) = binding(s, y) else { continue };
                let Some(j) = published(r, s, p, y) else { continue };
                if !frozen {
                    f.model.offset += s.policy.replan.weight;
                } else if !f.require_hold(p, j, y) {
                    let why = f.why_not(Arc { person: p, post: j, year: y });
                    f.conflicts.push(format!(
                        "the published plan ({}), frozen through {}, gives {} {} in {y}, but: {why}",
                        r.file.display(),
                        r.frozen_through.unwrap_or(y),
                        who(s, p),
                        what(s, j)
                    ));
                }
            }
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        for (p, _) in s.people_ix() {
            for y in plan.years() {
                let Some((r, frozen)) = binding(s, y) else { continue };
                let (was, is) = (published(r, s, p, y), plan.post(s, p, y));
                if was != is {
                    let strength = if frozen { Strength::Hard } else { Strength::Soft };
                    let msg = format!(
                        "{} holds {} in {y}; the published plan{} gives {}",
                        who(s, p),
                        describe(s, is),
                        if frozen { ", frozen then," } else { "" },
                        describe(s, was)
                    );
                    finding(out, "replan", strength, s.policy.replan.weight, y, Some(p), is.or(was), msg);
                }
            }
        }
    }

    fn reason_to_leave(&self, s: &Scenario, plan: &Plan, p: PersonIx, from: PostIx, year: i32) -> Option<String> {
        let (r, _) = binding(s, year)?;
        let was = published(r, s, p, year);
        (was != plan.post(s, p, year) && was != Some(from))
            .then(|| format!("changed against the published plan, which gave {}", describe(s, was)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check;
    use crate::testkit::solve;

    /// `scenarios/tiny`.
    fn tiny() -> Scenario {
        crate::scenario::load::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tiny"), None).unwrap()
    }

    /// A published plan for tiny, re-planned with nobody changed: it comes back as it was,
    /// at no cost; with one fact changed, only what that forces changes.
    #[test]
    fn a_replan_keeps_the_published_plan_but_for_what_a_change_forces() {
        let s = tiny();
        let published = solve(&s);
        let mut again = s.clone();
        again.reference =
            Some(Reference { plan: published.clone(), file: "plan.csv".into(), frozen_through: Some(2027), published: true });
        let plan = solve(&again);
        assert_eq!(plan, published, "nothing changed: the same plan");
        assert!(check(&again, &plan).findings.iter().all(|f| f.rule != "replan"));

        // C002 (county head) now retires in 2029: her post and what follows it change, the
        // frozen year does not, and the rest stays as published.
        let c002 = s.people.iter().position(|p| p.id == "C002").unwrap();
        again.people[c002].retire_year = 2029;
        let plan = solve(&again);
        let report = check(&again, &plan);
        let changed: Vec<_> = report.findings.iter().filter(|f| f.rule == "replan").collect();
        assert!(changed.iter().all(|f| f.severity == crate::rules::Severity::Soft && f.year >= 2029), "{changed:#?}");
        assert!(changed.iter().any(|f| f.person == Some(PersonIx(c002 as u32))), "she leaves: {changed:#?}");
        let touched: std::collections::BTreeSet<_> = changed.iter().filter_map(|f| f.person).collect();
        assert!(touched.len() <= 4, "only her post's chain moves: {changed:#?}");
        assert!(plan.holds.iter().zip(&published.holds).all(|(a, b)| a[0] == b[0]), "2027 is frozen");
    }

    /// Frozen years are hard: a published hold the changed facts forbid is a conflict
    /// before solving; an unfrozen one is a change at a price.
    #[test]
    fn a_frozen_year_the_facts_forbid_is_a_conflict() {
        let s = tiny();
        let published = solve(&s);
        let mut again = s.clone();
        let c002 = s.people.iter().position(|p| p.id == "C002").unwrap();
        again.people[c002].retire_year = 2027;
        again.reference =
            Some(Reference { plan: published.clone(), file: "plan.csv".into(), frozen_through: Some(2027), published: true });
        match crate::planner::plan(&again, &crate::mip::SolveOptions::default(), None, &|_| {}) {
            Err(crate::error::Error::Infeasible(c)) => {
                assert!(c.iter().any(|c| c.text.contains("frozen through 2027") && c.text.contains("C002")), "{c:#?}")
            }
            other => panic!("expected a conflict, got {:?}", other.map(|o| o.solution.status)),
        }
        again.reference.as_mut().unwrap().frozen_through = None;
        let plan = solve(&again);
        assert!(check(&again, &plan)
            .findings
            .iter()
            .any(|f| f.rule == "replan" && f.year == 2027 && f.person == Some(PersonIx(c002 as u32))));
    }
}

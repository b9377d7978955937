//! Alternatives (`plan --alternatives K`): a plan that differs from each earlier plan in
//! at least `differ` of that plan's assignments (person-years holding a post), so that a
//! committee chooses between plans that are really different. Hard; without earlier plans
//! the rule does nothing, and it never costs anything.
//!
//! Model, per earlier plan `P` with `n` assignments: `Σ_{(p,j,y) ∈ P} hold(p,j,y) ≤ n −
//! differ` (a stint column covering several of them counts once for each).

use super::{finding, Finding, Rule};
use crate::formulation::Formulation;
use crate::mip::RowName;
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::Scenario;

/// Distinct from the earlier plans.
pub struct Alternatives;

/// The assignments of `earlier` that `plan` keeps, of all of them.
pub fn kept(s: &Scenario, earlier: &Plan, plan: &Plan) -> (usize, usize) {
    let all: Vec<_> = earlier.held(s).collect();
    (all.iter().filter(|&&(p, y, j)| plan.post(s, p, y) == Some(j)).count(), all.len())
}

impl Rule for Alternatives {
    fn id(&self) -> &'static str {
        "alternatives"
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        let Some(d) = &s.distinct_from else { return };
        for (k, earlier) in d.plans.iter().enumerate() {
            let held: Vec<_> = earlier.held(s).collect();
            let terms: Vec<_> = held.iter().flat_map(|&(p, y, j)| f.hold(p, j, y)).map(|c| (c, 1.0)).collect();
            let most = held.len() as f64 - d.differ as f64;
            if most < 0.0 {
                f.conflicts.push(format!(
                    "plan {} has {} assignment(s): no plan can differ from it in {}",
                    k + 1,
                    held.len(),
                    d.differ
                ));
                continue;
            }
            f.model.add_row(f64::NEG_INFINITY, most, terms, RowName { rule: "alternatives", a: k as u32, b: 0, year: 0 });
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let Some(d) = &s.distinct_from else { return };
        for (k, earlier) in d.plans.iter().enumerate() {
            let (kept, all) = kept(s, earlier, plan);
            if all - kept < d.differ as usize {
                let msg =
                    format!("differs from plan {} in {} of its {all} assignments (at least {})", k + 1, all - kept, d.differ);
                finding(out, "alternatives", Strength::Hard, 0.0, s.start_year, None, None, msg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::DistinctFrom;
    use crate::testkit::{findings, solve, Builder};

    /// Two officials and two posts: the best plan keeps both in place; an alternative
    /// differing in 2 assignments moves someone, and one differing in more than there are
    /// is a conflict.
    #[test]
    fn an_alternative_differs_in_at_least_so_many_assignments() {
        let mut b = Builder::new(2027, 2);
        let (j1, j2) = (b.post("P1", 3), b.post("P2", 3));
        b.person("A", 3, Some(j1), 2024);
        b.person("B", 3, Some(j2), 2024);
        let mut s = b.build();
        let best = solve(&s);
        s.distinct_from = Some(DistinctFrom { plans: vec![best.clone()], differ: 2 });
        assert_eq!(findings(&s, &best, "alternatives").len(), 1, "the best plan itself is not an alternative");
        let alt = solve(&s);
        let (kept, all) = kept(&s, &best, &alt);
        assert!(all - kept >= 2, "{kept} of {all} kept");
        assert!(findings(&s, &alt, "alternatives").is_empty());
        // A near miss: differing in exactly `differ` - 1 is not enough.
        s.distinct_from = Some(DistinctFrom { plans: vec![best.clone()], differ: (all - kept + 1) as u32 });
        assert_eq!(findings(&s, &alt, "alternatives").len(), 1);
        s.distinct_from = Some(DistinctFrom { plans: vec![best], differ: 99 });
        assert!(matches!(crate::testkit::try_solve(&s), Err(crate::error::Error::Infeasible(_))));
    }
}

//! Tenure maximum: consecutive years in one post, counting years served before the
//! horizon (`post_since`). More than `hard_years` never; each year beyond `soft_years`
//! costs `weight`.
//!
//! Model: for the current post the count is known per year, so a year beyond the hard cap
//! is not an arc at all and a year beyond the soft limit carries `weight` on its arc. A
//! stint in a post taken up within the horizon is capped at `hard_years` and costs
//! `weight` per year beyond `soft_years`: no rows.

use super::{finding, served, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Scenario};

/// Maximum years in one post.
pub struct TenureMax;

impl Rule for TenureMax {
    fn id(&self) -> &'static str {
        "tenure-max"
    }

    fn excludes(&self, s: &Scenario, a: Arc) -> bool {
        let hard = s.policy.tenure_max.hard_years as i32;
        hard > 0 && served(s, a).is_some_and(|n| n > hard)
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        format!("would be {} years in post (hard limit {})", served(s, a).unwrap_or(0), s.policy.tenure_max.hard_years)
    }

    fn arc_cost(&self, s: &Scenario, a: Arc) -> f64 {
        let tm = &s.policy.tenure_max;
        if tm.soft_years > 0 && served(s, a).is_some_and(|n| n > tm.soft_years as i32) {
            tm.weight
        } else {
            0.0
        }
    }

    fn stint_cost(&self, s: &Scenario, _p: PersonIx, _j: PostIx, first: i32, last: i32) -> Option<f64> {
        let tm = &s.policy.tenure_max;
        let years = last - first + 1;
        if tm.hard_years > 0 && years > tm.hard_years as i32 {
            return None;
        }
        Some(if tm.soft_years > 0 { tm.weight * (years - tm.soft_years as i32).max(0) as f64 } else { 0.0 })
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let tm = &s.policy.tenure_max;
        for (p, y, j) in plan.held(s) {
            let n = plan.run_length(s, p, y);
            let msg = |limit| format!("{} is in {} for the {n}th year (limit {limit})", who(s, p), what(s, j));
            if tm.hard_years > 0 && n > tm.hard_years as i32 {
                finding(out, self.id(), Strength::Hard, 0.0, y, Some(p), Some(j), msg(tm.hard_years));
            } else if tm.soft_years > 0 && n > tm.soft_years as i32 {
                finding(out, self.id(), Strength::Soft, tm.weight, y, Some(p), Some(j), msg(tm.soft_years));
            }
        }
    }

    fn reason_to_leave(&self, s: &Scenario, plan: &Plan, p: PersonIx, _from: PostIx, year: i32) -> Option<String> {
        let tm = &s.policy.tenure_max;
        let n = plan.run_length(s, p, year - 1);
        if tm.hard_years > 0 && n >= tm.hard_years as i32 {
            Some(format!("{n} years in post: hard limit {} reached", tm.hard_years))
        } else if tm.soft_years > 0 && n >= tm.soft_years as i32 {
            Some(format!("{n} years in post (limit {})", tm.soft_years))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{findings, hard, plan_of, solve, Builder};

    #[test]
    fn years_before_the_horizon_count_towards_the_caps() {
        let mut b = Builder::new(2027, 2);
        let j = b.post("P1", 3);
        let k = b.post("P2", 3);
        let p = b.person("A", 3, Some(j), 2018); // 2027 is the 10th year, 2028 the 11th
        let s = b.build();
        assert_eq!(hard(&s, &plan_of(&s, &[(p, &[Some(j), Some(j)])])), vec!["tenure-max 2028"]);
        let near_miss = plan_of(&s, &[(p, &[Some(j), Some(k)])]);
        assert!(hard(&s, &near_miss).is_empty());
        assert_eq!(findings(&s, &near_miss, "tenure-max").len(), 1, "the 10th year is over the soft limit");
        assert!(!solve(&s).holds[p.0 as usize].contains(&Some(j)), "a soft year costs more than a move");
    }

    #[test]
    fn a_new_post_held_longer_than_the_hard_cap_within_a_long_horizon() {
        let mut b = Builder::new(2027, 4);
        let j = b.post("P1", 3);
        let p = b.person("A", 3, None, 0);
        b.s.policy.tenure_max.hard_years = 3;
        b.s.policy.tenure_max.soft_years = 0;
        let s = b.build();
        assert_eq!(hard(&s, &plan_of(&s, &[(p, &[Some(j); 4])])), vec!["tenure-max 2030"]);
        let planned = solve(&s);
        assert_eq!(planned.holds[p.0 as usize].iter().filter(|h| h.is_some()).count(), 3);
    }
}

//! Tenure maximum: consecutive years in one post, unit or place (`count_in`, see
//! `exchange`), counting years served before the horizon. More than `hard_years` never;
//! each year beyond `soft_years` costs `weight`.
//!
//! Model: in the scope of the official's current post the count is known per year, so a
//! year beyond the hard cap is not an arc at all and a year beyond the soft limit carries
//! `weight` on its arc. A stint in a post of another scope is capped at `hard_years` and
//! costs `weight` per year beyond `soft_years`: no rows.

use super::exchange::Clock;
use super::{finding, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Scenario};

/// Maximum years in one post, unit or place.
pub struct TenureMax {
    clock: Clock,
}

impl TenureMax {
    /// The rule, with each official's years in the scope of their current post.
    pub fn new(s: &Scenario) -> TenureMax {
        TenureMax { clock: Clock::new(s, s.policy.tenure_max.count_in) }
    }

    /// Cost of the `n`th year counted; `None` beyond the hard cap.
    fn year_cost(s: &Scenario, n: i32) -> Option<f64> {
        let tm = &s.policy.tenure_max;
        if tm.hard_years > 0 && n > tm.hard_years as i32 {
            None
        } else if tm.soft_years > 0 && n > tm.soft_years as i32 {
            Some(tm.weight)
        } else {
            Some(0.0)
        }
    }
}

impl Rule for TenureMax {
    fn id(&self) -> &'static str {
        "tenure-max"
    }

    fn counts_in(&self, s: &Scenario, j: PostIx) -> Option<super::exchange::Scope> {
        Some(self.clock.scope(s, j))
    }

    fn excludes(&self, s: &Scenario, a: Arc) -> bool {
        self.clock.years(s, a.person, a.post, a.year).is_some_and(|n| Self::year_cost(s, n).is_none())
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        let n = self.clock.years(s, a.person, a.post, a.year).unwrap_or(0);
        let scope = self.clock.scope(s, a.post).name(s);
        format!("would be {n} years {scope} (hard limit {})", s.policy.tenure_max.hard_years)
    }

    fn arc_cost(&self, s: &Scenario, a: Arc) -> f64 {
        self.clock.years(s, a.person, a.post, a.year).and_then(|n| Self::year_cost(s, n)).unwrap_or(0.0)
    }

    fn stint_cost(&self, s: &Scenario, p: PersonIx, j: PostIx, first: i32, last: i32) -> Option<f64> {
        if self.clock.years(s, p, j, first).is_some() {
            return Some(0.0); // the start scope: priced on the arcs
        }
        (1..=last - first + 1).map(|n| Self::year_cost(s, n)).sum()
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let tm = &s.policy.tenure_max;
        for (p, y, j) in plan.held(s) {
            let n = self.clock.counted(s, plan, p, j, y);
            let scope = self.clock.scope(s, j).name(s);
            let msg = |limit| format!("{} holds {} in the {n}th year {scope} (limit {limit})", who(s, p), what(s, j));
            if tm.hard_years > 0 && n > tm.hard_years as i32 {
                finding(out, self.id(), Strength::Hard, 0.0, y, Some(p), Some(j), msg(tm.hard_years));
            } else if tm.soft_years > 0 && n > tm.soft_years as i32 {
                finding(out, self.id(), Strength::Soft, tm.weight, y, Some(p), Some(j), msg(tm.soft_years));
            }
        }
    }

    fn reason_to_leave(&self, s: &Scenario, plan: &Plan, p: PersonIx, from: PostIx, year: i32) -> Option<String> {
        let tm = &s.policy.tenure_max;
        let n = self.clock.counted_on_leaving(s, plan, p, from, year)?;
        let scope = self.clock.scope(s, from).name(s);
        if tm.hard_years > 0 && n >= tm.hard_years as i32 {
            Some(format!("{n} years {scope}: hard limit {} reached", tm.hard_years))
        } else if tm.soft_years > 0 && n >= tm.soft_years as i32 {
            Some(format!("{n} years {scope} (limit {})", tm.soft_years))
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

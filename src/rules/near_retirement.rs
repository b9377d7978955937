//! Near retirement: an official with `years` or fewer years left before retirement when a
//! move would start is not moved (an appointment from the reserve counts as a move): each
//! such move costs `weight` (soft), or is not offered (hard). Leaving a post that a hard
//! rule closes is not a move, so the rule never blocks the way out of a hard conflict;
//! with `soft`, moving on costs less than idling (`[keep-posted]`).
//!
//! Model: a cost on, or the absence of, the stint columns concerned. No rows.

use super::{finding, what, who, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Scenario};

/// Officials close to retirement stay put.
pub struct NearRetirement;

/// Whether a move of `p` starting in `year` falls in the near-retirement window.
pub fn near(s: &Scenario, p: PersonIx, year: i32) -> bool {
    s.person(p).retire_year - year <= s.policy.near_retirement.years as i32
}

impl Rule for NearRetirement {
    fn id(&self) -> &'static str {
        "near-retirement"
    }

    fn stint_cost(&self, s: &Scenario, p: PersonIx, _j: PostIx, first: i32, _last: i32) -> Option<f64> {
        let nr = &s.policy.near_retirement;
        match (nr.strength, near(s, p, first)) {
            (Strength::Hard, true) => None,
            (Strength::Soft, true) => Some(nr.weight),
            _ => Some(0.0),
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let nr = &s.policy.near_retirement;
        if nr.strength == Strength::Off {
            return;
        }
        for (p, y, j) in plan.held(s) {
            if plan.taken_up(s, p, y) == Some(j) && near(s, p, y) {
                let left = s.person(p).retire_year - y;
                let msg = format!("{} moves to {} with {left} year(s) left before retirement", who(s, p), what(s, j));
                finding(out, self.id(), nr.strength, nr.weight, y, Some(p), Some(j), msg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{findings, plan_of, solve, Builder};

    #[test]
    fn an_official_three_years_from_retirement_is_not_moved() {
        let mut b = Builder::new(2027, 1);
        let j = b.post("P1", 3);
        let k = b.post("P2", 3);
        b.s.posts[k.0 as usize].must_fill = true;
        let a = b.person("A", 3, Some(j), 2020);
        b.s.people[a.0 as usize].retire_year = 2030;
        b.s.policy.tenure_max.soft_years = 0;
        let s = b.build();
        let moved = plan_of(&s, &[(a, &[Some(k)])]);
        assert_eq!(findings(&s, &moved, "near-retirement").len(), 1);
        let mut near_miss = s.clone();
        near_miss.people[a.0 as usize].retire_year = 2031;
        assert!(findings(&near_miss, &moved, "near-retirement").is_empty(), "four years left");
        assert_eq!(solve(&near_miss).holds[a.0 as usize], vec![Some(k)], "a must-fill post is worth a move");
        let mut hard = s.clone();
        hard.policy.near_retirement.strength = crate::policy::Strength::Hard;
        assert_eq!(solve(&hard).holds[a.0 as usize], vec![Some(j)]);
    }
}

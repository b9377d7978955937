//! Hardship posts (posts of units with hardship level 1–3): holding one earns `weight ×
//! level` per year, so empty hardship posts are filled first; posts of level `fill_level`
//! or more count as `must_fill` for `[vacancy]` (see [`must_fill`]); and a promotion costs
//! `promotion_credit` per year of recorded hardship service short of `credit_years`, so
//! that among comparable candidates those who served in hardship posts are promoted.
//!
//! Model: a per-year reward on every holding column of a hardship post, and a cost on each
//! promotion stint. No rows.

use super::{finding, reward, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Scenario};

/// Hardship posts and promotion credit.
pub struct Hardship;

/// Hardship level of a post (its unit's).
pub fn level(s: &Scenario, j: PostIx) -> u8 {
    s.unit(s.post(j).unit).hardship
}

/// Whether the policy makes `j` a must-fill post because of its hardship level.
pub fn must_fill(s: &Scenario, j: PostIx) -> bool {
    let fill = s.policy.hardship.fill_level;
    fill > 0 && level(s, j) >= fill
}

/// Cost of promoting `p`: credit years missing × `promotion_credit`.
fn promotion_cost(s: &Scenario, p: PersonIx, j: PostIx) -> f64 {
    let h = &s.policy.hardship;
    if s.post(j).grade <= s.person(p).grade {
        return 0.0;
    }
    h.promotion_credit * h.credit_years.saturating_sub(s.person(p).hardship_years) as f64
}

impl Rule for Hardship {
    fn id(&self) -> &'static str {
        "hardship"
    }

    fn arc_cost(&self, s: &Scenario, a: Arc) -> f64 {
        -s.policy.hardship.weight * level(s, a.post) as f64
    }

    fn stint_cost(&self, s: &Scenario, p: PersonIx, j: PostIx, _first: i32, _last: i32) -> Option<f64> {
        Some(promotion_cost(s, p, j))
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let h = &s.policy.hardship;
        for (p, y, j) in plan.held(s) {
            let lvl = level(s, j);
            if lvl > 0 && h.weight > 0.0 {
                let msg = format!("{} serves in hardship post {} (level {lvl})", who(s, p), what(s, j));
                reward(out, self.id(), y, p, j, h.weight * lvl as f64, msg);
            }
            let cost = promotion_cost(s, p, j);
            if cost > 0.0 && plan.taken_up(s, p, y) == Some(j) {
                let years = s.person(p).hardship_years;
                let msg =
                    format!("{} is promoted to {} with {years} hardship year(s) of {}", who(s, p), what(s, j), h.credit_years);
                finding(out, self.id(), Strength::Soft, cost, y, Some(p), Some(j), msg);
            }
        }
    }

    fn reason_to_take(&self, s: &Scenario, _plan: &Plan, p: PersonIx, to: PostIx, _year: i32) -> Option<String> {
        let lvl = level(s, to);
        let years = s.person(p).hardship_years;
        match (lvl, s.post(to).grade > s.person(p).grade && years > 0) {
            (0, false) => None,
            (0, true) => Some(format!("promotion credit for {years} hardship year(s)")),
            (_, false) => Some(format!("hardship post (level {lvl})")),
            (_, true) => Some(format!("hardship post (level {lvl}); promotion credit for {years} hardship year(s)")),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::policy::Strength;
    use crate::testkit::{findings, hard, plan_of, solve, Builder};

    #[test]
    fn hardship_posts_are_filled_first_and_hardship_service_wins_promotions() {
        let mut b = Builder::new(2027, 1);
        let plain = b.post_in("P1", "U-county", 3);
        let remote = b.post_in("P2", "U-town", 3);
        b.s.units[3].hardship = 2;
        let a = b.person("A", 3, None, 0);
        let s = b.build();
        let f = findings(&s, &plan_of(&s, &[(a, &[Some(remote)])]), "hardship");
        assert_eq!((f.len(), f[0].penalty), (1, -4.0), "level 2 × weight 2");
        assert!(findings(&s, &plan_of(&s, &[(a, &[Some(plain)])]), "hardship").is_empty(), "near miss: no hardship");
        assert_eq!(solve(&s).holds[a.0 as usize], vec![Some(remote)]);

        // Two deputies compete for one head post: the one with hardship years wins.
        let mut b = Builder::new(2027, 1);
        let head = b.post("H", 4);
        b.s.posts[head.0 as usize].must_fill = true;
        let (d1, d2) = (b.post("D1", 3), b.post("D2", 3));
        let plain = b.person("A", 3, Some(d1), 2024);
        let served = b.person("B", 3, Some(d2), 2024);
        b.s.people[served.0 as usize].hardship_years = 4;
        let s = b.build();
        let promoted = |p| findings(&s, &plan_of(&s, &[(p, &[Some(head)])]), "hardship")[0].penalty;
        assert_eq!((promoted(plain), promoted(served)), (2.5, 0.5));
        assert_eq!(solve(&s).holds[served.0 as usize], vec![Some(head)]);

        // fill_level makes an empty hardship post a must-fill vacancy.
        let mut b = Builder::new(2027, 1);
        b.post_in("P2", "U-town", 3);
        b.person("A", 3, None, 0);
        b.s.units[3].hardship = 1;
        let mut s = b.build();
        s.policy.hardship.fill_level = 1;
        s.policy.vacancy.must_fill = Strength::Hard;
        assert_eq!(hard(&s, &crate::plan::Plan::empty(&s)), vec!["vacancy 2027"]);
        s.policy.hardship.fill_level = 2;
        assert!(hard(&s, &crate::plan::Plan::empty(&s)).is_empty(), "near miss: level 1 below fill_level 2");
    }
}

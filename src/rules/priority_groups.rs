//! Priority groups: over-tenure of top leaders and in sensitive posts (people, money,
//! materials, discipline, organization, audit, finance) is resolved first. Each year a
//! `head` spends beyond `[tenure-max] soft_years` costs `head_weight` on top of
//! tenure-max's own weight; a `sensitive` post has its own, shorter limit
//! `sensitive_years`: each year beyond it costs `sensitive_weight` (soft) or is not allowed
//! (hard). Years count where `count_in` says (see `exchange`), as for tenure-max.
//!
//! Model: as tenure-max, costs on the arcs in the scope of the current post and on stints
//! elsewhere (or exclusions and shorter stints when hard). No rows.

use super::exchange::Clock;
use super::{finding, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Role, Scenario};

/// Heads and sensitive posts first.
pub struct PriorityGroups {
    clock: Clock,
}

impl PriorityGroups {
    /// The rule, with each official's years in the scope of their current post.
    pub fn new(s: &Scenario) -> PriorityGroups {
        PriorityGroups { clock: Clock::new(s, s.policy.priority_groups.count_in) }
    }
}

/// `(head limit, sensitive limit)` that apply to `j` (0 = none).
fn limits(s: &Scenario, j: PostIx) -> (i32, i32) {
    let pg = &s.policy.priority_groups;
    let head = if s.post(j).role == Role::Head && pg.head_weight > 0.0 { s.policy.tenure_max.soft_years as i32 } else { 0 };
    let sensitive = if s.post(j).sensitive { pg.sensitive_years as i32 } else { 0 };
    (head, sensitive)
}

/// Cost of holding `j` in the `n`th year; `None` when the hard sensitive limit forbids it.
fn year_cost(s: &Scenario, j: PostIx, n: i32) -> Option<f64> {
    let pg = &s.policy.priority_groups;
    let (head, sensitive) = limits(s, j);
    let mut cost = if head > 0 && n > head { pg.head_weight } else { 0.0 };
    if sensitive > 0 && n > sensitive {
        match pg.sensitive_strength {
            Strength::Hard => return None,
            _ => cost += pg.sensitive_weight,
        }
    }
    Some(cost)
}

impl Rule for PriorityGroups {
    fn id(&self) -> &'static str {
        "priority-groups"
    }

    fn counts_in(&self, s: &Scenario, j: PostIx) -> Option<super::exchange::Scope> {
        Some(self.clock.scope(s, j))
    }

    fn excludes(&self, s: &Scenario, a: Arc) -> bool {
        self.clock.years(s, a.person, a.post, a.year).is_some_and(|n| year_cost(s, a.post, n).is_none())
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        let limit = s.policy.priority_groups.sensitive_years;
        let n = self.clock.years(s, a.person, a.post, a.year).unwrap_or(0);
        format!("would be {n} years {} in a sensitive post (limit {limit})", self.clock.scope(s, a.post).name(s))
    }

    fn arc_cost(&self, s: &Scenario, a: Arc) -> f64 {
        self.clock.years(s, a.person, a.post, a.year).and_then(|n| year_cost(s, a.post, n)).unwrap_or(0.0)
    }

    fn stint_cost(&self, s: &Scenario, p: PersonIx, j: PostIx, first: i32, last: i32) -> Option<f64> {
        if self.clock.years(s, p, j, first).is_some() {
            return Some(0.0); // the start scope: priced on the arcs
        }
        (1..=last - first + 1).map(|n| year_cost(s, j, n)).sum()
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let pg = &s.policy.priority_groups;
        for (p, y, j) in plan.held(s) {
            let n = self.clock.counted(s, plan, p, j, y);
            let (head, sensitive) = limits(s, j);
            let scope = self.clock.scope(s, j).name(s);
            if head > 0 && n > head {
                let msg = format!("head {} holds {} in the {n}th year {scope} (limit {head})", who(s, p), what(s, j));
                finding(out, self.id(), Strength::Soft, pg.head_weight, y, Some(p), Some(j), msg);
            }
            if sensitive > 0 && n > sensitive {
                let msg =
                    format!("{} holds sensitive post {} in the {n}th year {scope} (limit {sensitive})", who(s, p), what(s, j));
                finding(out, self.id(), pg.sensitive_strength, pg.sensitive_weight, y, Some(p), Some(j), msg);
            }
        }
    }

    fn reason_to_leave(&self, s: &Scenario, plan: &Plan, p: PersonIx, from: PostIx, year: i32) -> Option<String> {
        let n = self.clock.counted_on_leaving(s, plan, p, from, year)?;
        let (head, sensitive) = limits(s, from);
        let scope = self.clock.scope(s, from).name(s);
        if sensitive > 0 && n >= sensitive {
            Some(format!("{n} years {scope} in a sensitive post (limit {sensitive})"))
        } else if head > 0 && n >= head {
            Some(format!("{n} years {scope} as head (priority group, limit {head})"))
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::policy::Strength;
    use crate::testkit::{findings, hard, plan_of, solve, Builder};

    #[test]
    fn sensitive_posts_have_a_shorter_limit_and_heads_weigh_more() {
        let mut b = Builder::new(2027, 1);
        let finance = b.post("F", 3);
        let other = b.post("O", 3);
        b.s.posts[finance.0 as usize].sensitive = true;
        let a = b.person("A", 3, Some(finance), 2022); // 6th year in 2027
        let s = b.build();
        let stay = plan_of(&s, &[(a, &[Some(finance)])]);
        let f = findings(&s, &stay, "priority-groups");
        assert_eq!((f.len(), f[0].penalty), (1, 12.0));
        let mut near = s.clone();
        near.people[a.0 as usize].post_since = Some(2023); // 5th year: at the limit
        assert!(findings(&near, &plan_of(&near, &[(a, &[Some(finance)])]), "priority-groups").is_empty());
        assert_eq!(solve(&s).holds[a.0 as usize], vec![Some(other)], "12 + 8 for the 6th year outweigh a move");

        let mut strict = s.clone();
        strict.policy.priority_groups.sensitive_strength = Strength::Hard;
        assert_eq!(hard(&strict, &stay), vec!["priority-groups 2027"]);

        let mut head = s.clone();
        head.posts[finance.0 as usize].sensitive = false;
        head.posts[finance.0 as usize].role = crate::scenario::Role::Head;
        let f = findings(&head, &stay, "priority-groups");
        assert_eq!((f.len(), f[0].penalty), (1, 8.0), "a head in the 6th year, beyond tenure-max soft_years 5");
    }
}

//! Two-term cap: nobody holds a post (a `head` post, with `heads_only`) in the
//! `max_terms × term_years`-th year and beyond of an unbroken run in its scope
//! (`count_in`, see `exchange`: in the place for the heads of a place's party committee and
//! government by default), earlier terms from `history.csv` that join up included; and
//! whoever has served that long in one post before is not reappointed to it. Hard
//! (excluded arcs, shorter stints) or soft (`weight` per year beyond, or per year back in
//! the post).
//!
//! Model: exclusions or arc costs in the scope of the current post, stint caps or costs
//! elsewhere, and the pairs of a reappointment. No rows.

use super::exchange::Clock;
use super::{finding, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Role, Scenario};
use std::collections::HashMap;

/// At most two consecutive terms in one post, unit or place.
pub struct TermCap {
    /// Unbroken runs of years per (person, post) in `history.csv`, as `(first, last)`.
    runs: HashMap<(PersonIx, PostIx), Vec<(i32, i32)>>,
    clock: Clock,
}

impl TermCap {
    /// Each person's unbroken runs in a post, from `history.csv`.
    pub fn new(s: &Scenario) -> TermCap {
        let spans = super::history_runs(s);
        TermCap { runs: spans, clock: Clock::new(s, s.policy.term_cap.count_in) }
    }

    /// Whether `p` already served the full cap in `j` before, in a run that ended.
    fn served_out(&self, s: &Scenario, p: PersonIx, j: PostIx) -> bool {
        let Some(cap) = cap(s, j) else { return false };
        s.person(p).current_post != Some(j)
            && self.runs.get(&(p, j)).is_some_and(|runs| runs.iter().any(|&(a, b)| b - a + 1 >= cap))
    }

    /// Whether holding the arc breaks the cap (in the start scope) or reappoints.
    fn breaks(&self, s: &Scenario, a: Arc) -> bool {
        let over = cap(s, a.post).is_some_and(|cap| self.clock.years(s, a.person, a.post, a.year).is_some_and(|n| n > cap));
        over || self.served_out(s, a.person, a.post)
    }
}

/// The cap in years, if the rule applies to `j`.
fn cap(s: &Scenario, j: PostIx) -> Option<i32> {
    let tc = &s.policy.term_cap;
    (tc.strength != Strength::Off && (!tc.heads_only || s.post(j).role == Role::Head))
        .then_some((tc.term_years * tc.max_terms) as i32)
}

impl Rule for TermCap {
    fn id(&self) -> &'static str {
        "term-cap"
    }

    fn counts_in(&self, s: &Scenario, j: PostIx) -> Option<super::exchange::Scope> {
        Some(self.clock.scope(s, j))
    }

    fn excludes_pair(&self, s: &Scenario, p: PersonIx, j: PostIx) -> bool {
        s.policy.term_cap.strength == Strength::Hard && self.served_out(s, p, j)
    }

    fn excludes(&self, s: &Scenario, a: Arc) -> bool {
        s.policy.term_cap.strength == Strength::Hard && self.breaks(s, a)
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        let tc = &s.policy.term_cap;
        match self.clock.years(s, a.person, a.post, a.year).filter(|_| !self.served_out(s, a.person, a.post)) {
            Some(n) => format!(
                "would be {n} consecutive years {}, earlier terms included ({} terms of {})",
                self.clock.scope(s, a.post).name(s),
                tc.max_terms,
                tc.term_years
            ),
            None => format!("already served {} terms in the post", tc.max_terms),
        }
    }

    fn arc_cost(&self, s: &Scenario, a: Arc) -> f64 {
        let tc = &s.policy.term_cap;
        if tc.strength == Strength::Soft && self.breaks(s, a) {
            tc.weight
        } else {
            0.0
        }
    }

    fn stint_cost(&self, s: &Scenario, p: PersonIx, j: PostIx, first: i32, last: i32) -> Option<f64> {
        let tc = &s.policy.term_cap;
        let Some(cap) = cap(s, j).filter(|_| self.clock.years(s, p, j, first).is_none()) else { return Some(0.0) };
        let over = (last - first + 1 - cap).max(0);
        match tc.strength {
            Strength::Hard if over > 0 => None,
            Strength::Soft => Some(tc.weight * over as f64),
            _ => Some(0.0),
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let tc = &s.policy.term_cap;
        for (p, y, j) in plan.held(s) {
            let Some(cap) = cap(s, j) else { continue };
            let n = self.clock.counted(s, plan, p, j, y);
            if n > cap {
                let msg = format!(
                    "{} holds {} in the {n}th consecutive year {}, earlier terms included (cap {cap})",
                    who(s, p),
                    what(s, j),
                    self.clock.scope(s, j).name(s)
                );
                finding(out, self.id(), tc.strength, tc.weight, y, Some(p), Some(j), msg);
            } else if self.served_out(s, p, j) {
                let msg = format!("{} is reappointed to {} after {} terms in it", who(s, p), what(s, j), tc.max_terms);
                finding(out, self.id(), tc.strength, tc.weight, y, Some(p), Some(j), msg);
            }
        }
    }

    fn reason_to_leave(&self, s: &Scenario, plan: &Plan, p: PersonIx, from: PostIx, year: i32) -> Option<String> {
        let cap = cap(s, from)?;
        let n = self.clock.counted_on_leaving(s, plan, p, from, year)?;
        (n >= cap).then(|| {
            format!(
                "{} terms ({n} years {}, earlier terms included): term cap reached",
                s.policy.term_cap.max_terms,
                self.clock.scope(s, from).name(s)
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::scenario::{HistoryEntry, Role};
    use crate::testkit::{hard, plan_of, solve, Builder};

    #[test]
    fn earlier_terms_from_history_count_and_a_served_out_post_is_closed() {
        let mut b = Builder::new(2027, 1);
        let head = b.post("H", 5);
        let other = b.post("O", 5);
        b.s.posts[head.0 as usize].role = Role::Head;
        let a = b.person("A", 5, Some(head), 2022); // 6th year in 2027
        b.s.history.push(HistoryEntry { person: a, post: head, from_year: 2017, to_year: 2021 });
        let s = b.build();
        let stay = plan_of(&s, &[(a, &[Some(head)])]);
        assert_eq!(hard(&s, &stay), vec!["tenure-max 2027", "term-cap 2027"], "5 earlier years + 6 = 11 > 10");
        assert_eq!(solve(&s).holds[a.0 as usize], vec![Some(other)]);

        let mut gap = s.clone();
        gap.history[0].to_year = 2020; // a break of one year: a new run
        assert!(hard(&gap, &stay).is_empty(), "near miss: not consecutive");

        // Ten years in another head post earlier: never back to it.
        let mut back = s.clone();
        back.posts[other.0 as usize].role = Role::Head;
        back.history = vec![HistoryEntry { person: a, post: other, from_year: 2010, to_year: 2019 }];
        assert_eq!(hard(&back, &plan_of(&back, &[(a, &[Some(other)])])), vec!["term-cap 2027"]);
        back.history[0].from_year = 2011;
        assert!(hard(&back, &plan_of(&back, &[(a, &[Some(other)])])).is_empty(), "near miss: nine years");
    }
}

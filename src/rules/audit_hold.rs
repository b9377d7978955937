//! Audit hold (hard): an official on `audit_hold` stays where they are (in their current
//! post, or without one) until the hold ends, retirement aside: through
//! `people.csv audit_hold_until` when that is given, else for the first `audit-hold.years`
//! planned years (0 = the whole horizon). From the year after, they may move.

use super::{finding, who, Arc, Finding, Rule};
use crate::formulation::Formulation;
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, Scenario};

/// Officials under audit stay put.
pub struct AuditHold;

/// The last year of `p`'s hold, if `p` is on audit hold.
fn last_year(s: &Scenario, p: PersonIx) -> Option<i32> {
    let person = s.person(p);
    person.audit_hold.then(|| person.audit_hold_until.unwrap_or_else(|| s.policy.audit_hold.unknown_end(s.start_year, s.years)))
}

/// Whether `p` is held in `year`.
pub fn held(s: &Scenario, p: PersonIx, year: i32) -> bool {
    last_year(s, p).is_some_and(|last| year <= last) && year < s.person(p).retire_year
}

/// `until 2028` or `end unknown, held through 2027`, for messages.
fn until(s: &Scenario, p: PersonIx) -> String {
    match (s.person(p).audit_hold_until, last_year(s, p)) {
        (Some(u), _) => format!("until {u}"),
        (None, Some(last)) => format!("end unknown, held through {last}"),
        (None, None) => String::new(),
    }
}

impl Rule for AuditHold {
    fn id(&self) -> &'static str {
        "audit-hold"
    }

    fn excludes(&self, s: &Scenario, a: Arc) -> bool {
        held(s, a.person, a.year) && s.person(a.person).current_post != Some(a.post)
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        format!("on audit hold in {} ({}): stays in the current post", a.year, until(s, a.person))
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        for (p, person) in s.people_ix() {
            let Some(c) = person.current_post else { continue };
            for y in s.years().filter(|&y| held(s, p, y)) {
                match f.current(p, y) {
                    Some(x) => f.model.raise_lb(x, 1.0),
                    None => {
                        let why = f.why_not(Arc { person: p, post: c, year: y });
                        let hold = until(s, p);
                        f.conflicts
                            .push(format!("{} is on audit hold ({hold}) in {y} and must stay in post, but: {why}", who(s, p)));
                    }
                }
            }
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        for (p, person) in s.people_ix() {
            for y in plan.years().filter(|&y| held(s, p, y)) {
                let now = plan.post(s, p, y);
                if now != person.current_post {
                    let msg = format!("{} is on audit hold ({}) but moves in {y}", who(s, p), until(s, p));
                    finding(out, self.id(), Strength::Hard, 0.0, y, Some(p), now, msg);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{hard, plan_of, solve, Builder};

    #[test]
    fn an_official_on_hold_stays_for_the_hold_years_only() {
        let mut b = Builder::new(2027, 2);
        let j = b.post("P1", 3);
        let k = b.post("P2", 3);
        let p = b.person("A", 3, Some(j), 2010); // 17 years: tenure-max wants a move
        b.s.people[p.0 as usize].audit_hold = true;
        b.s.policy.tenure_max.hard_years = 0;
        let s = b.build();
        assert_eq!(hard(&s, &plan_of(&s, &[(p, &[Some(k), Some(k)])])), vec!["audit-hold 2027"]);
        assert!(hard(&s, &plan_of(&s, &[(p, &[Some(j), Some(k)])])).is_empty(), "near miss: moves after the hold");
        assert_eq!(solve(&s).holds[p.0 as usize], vec![Some(j), Some(k)]);
    }

    #[test]
    fn a_known_end_overrides_the_policy_years_and_zero_years_is_the_whole_horizon() {
        let mut b = Builder::new(2027, 3);
        let j = b.post("P1", 3);
        let k = b.post("P2", 3);
        let p = b.person("A", 3, Some(j), 2010);
        b.s.people[p.0 as usize].audit_hold = true;
        b.s.people[p.0 as usize].audit_hold_until = Some(2028);
        b.s.policy.tenure_max.hard_years = 0;
        let s = b.build();
        // Hit: the hold lasts through 2028 although the policy's unknown-end hold is 1 year.
        let early = plan_of(&s, &[(p, &[Some(j), Some(k), Some(k)])]);
        assert_eq!(hard(&s, &early), vec!["audit-hold 2028"]);
        let msg = &crate::testkit::findings(&s, &early, "audit-hold")[0].message;
        assert!(msg.contains("(until 2028) but moves in 2028"), "{msg}");
        // Near miss: moving in 2029, the year after the hold ends.
        assert!(hard(&s, &plan_of(&s, &[(p, &[Some(j), Some(j), Some(k)])])).is_empty());
        assert_eq!(solve(&s).holds[p.0 as usize], vec![Some(j), Some(j), Some(k)]);
        // An end already past: no hold at all.
        let mut past = s.clone();
        past.people[p.0 as usize].audit_hold_until = Some(2026);
        assert!(hard(&past, &plan_of(&past, &[(p, &[Some(k), Some(k), Some(k)])])).is_empty());
        // Unknown end, `years = 0`: the whole horizon.
        let mut whole = s.clone();
        whole.people[p.0 as usize].audit_hold_until = None;
        whole.policy.audit_hold.years = 0;
        assert_eq!(hard(&whole, &plan_of(&whole, &[(p, &[Some(j), Some(j), Some(k)])])), vec!["audit-hold 2029"]);
    }
}

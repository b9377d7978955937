//! Audit hold (hard): an official on `audit_hold` stays where they are (in their current
//! post, or without one) for the first `audit-hold.years` planned years, retirement aside.

use super::{finding, who, Arc, Finding, Rule};
use crate::formulation::Formulation;
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, Scenario};

/// Officials under audit stay put.
pub struct AuditHold;

/// Whether `p` is held in `year`.
fn held(s: &Scenario, p: PersonIx, year: i32) -> bool {
    let person = s.person(p);
    person.audit_hold && year < s.start_year + s.policy.audit_hold.years as i32 && year < person.retire_year
}

impl Rule for AuditHold {
    fn id(&self) -> &'static str {
        "audit-hold"
    }

    fn excludes(&self, s: &Scenario, a: Arc) -> bool {
        held(s, a.person, a.year) && s.person(a.person).current_post != Some(a.post)
    }

    fn exclusion_reason(&self, _s: &Scenario, a: Arc) -> String {
        format!("on audit hold in {}: stays in the current post", a.year)
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
                        f.conflicts.push(format!("{} is on audit hold in {y} and must stay in post, but: {why}", who(s, p)));
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
                    let msg = format!("{} is on audit hold but moves in {y}", who(s, p));
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
}

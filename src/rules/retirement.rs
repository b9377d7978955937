//! Retirement (hard, structural): nobody holds a post from their `retire_year` on.

use super::{finding, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Scenario};

/// Nobody holds a post from `retire_year` on.
pub struct Retirement;

impl Rule for Retirement {
    fn id(&self) -> &'static str {
        "retirement"
    }

    fn excludes(&self, s: &Scenario, a: Arc) -> bool {
        a.year >= s.person(a.person).retire_year
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        format!("retires in {}", s.person(a.person).retire_year)
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        for (p, person) in s.people_ix() {
            for y in plan.years().filter(|&y| y >= person.retire_year) {
                if let Some(j) = plan.post(s, p, y) {
                    let msg = format!("{} holds {} in {y} but retires in {}", who(s, p), what(s, j), person.retire_year);
                    finding(out, self.id(), Strength::Hard, 0.0, y, Some(p), Some(j), msg);
                }
            }
        }
    }

    fn reason_to_leave(&self, s: &Scenario, _plan: &Plan, p: PersonIx, _from: PostIx, year: i32) -> Option<String> {
        (year >= s.person(p).retire_year).then(|| format!("retires in {}", s.person(p).retire_year))
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{plan_of, Builder};

    #[test]
    fn holding_a_post_in_the_retirement_year_is_a_hard_violation() {
        let mut b = Builder::new(2027, 3);
        let j = b.post("P1", 3);
        let p = b.person("A", 3, Some(j), 2024);
        b.s.people[p.0 as usize].retire_year = 2028;
        let s = b.build();
        let near_miss = plan_of(&s, &[(p, &[Some(j), None, None])]);
        assert!(crate::testkit::hard(&s, &near_miss).is_empty());
        let hit = plan_of(&s, &[(p, &[Some(j), Some(j), None])]);
        assert_eq!(crate::testkit::hard(&s, &hit), vec!["retirement 2028"]);
        let planned = crate::testkit::solve(&s);
        assert_eq!(planned.holds[p.0 as usize], vec![Some(j), None, None]);
    }
}

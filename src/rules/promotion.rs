//! Promotion: taking a post of a higher grade than one's own needs `deputy_years` in grade
//! for a head post (deputy to head of the same level) and `head_years` for a deputy or
//! member post (lower head to higher deputy). Years in grade are `years_in_grade` plus the
//! planned years before the move. How far up (one grade) and whether down at all are
//! `[grade-window]`'s.
//!
//! Model: hard, a premature promotion is not an arc (eligibility); soft, its stint costs
//! `weight`. No rows.

use super::{finding, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Role, Scenario};

/// Years in grade before a promotion.
pub struct Promotion;

/// Years in grade a promotion to `j` needs.
fn needed(s: &Scenario, j: PostIx) -> u32 {
    let pr = &s.policy.promotion;
    if s.post(j).role == Role::Head {
        pr.deputy_years
    } else {
        pr.head_years
    }
}

/// Whether taking up `j` in `year` promotes `p` before they have served long enough in
/// their grade (planned years counting towards it). Keeping the current post is no
/// promotion, whatever its grade.
fn premature(s: &Scenario, p: PersonIx, j: PostIx, year: i32) -> bool {
    let person = s.person(p);
    person.current_post != Some(j)
        && s.post(j).grade > person.grade
        && (person.years_in_grade as i32 + year - s.start_year) < needed(s, j) as i32
}

impl Rule for Promotion {
    fn id(&self) -> &'static str {
        "promotion"
    }

    fn excludes(&self, s: &Scenario, a: Arc) -> bool {
        s.policy.promotion.strength == Strength::Hard && premature(s, a.person, a.post, a.year)
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        let years = s.person(a.person).years_in_grade as i32 + a.year - s.start_year;
        format!("{years} year(s) in grade, a promotion to this post needs {}", needed(s, a.post))
    }

    fn stint_cost(&self, s: &Scenario, p: PersonIx, j: PostIx, first: i32, _last: i32) -> Option<f64> {
        let pr = &s.policy.promotion;
        Some(if pr.strength == Strength::Soft && premature(s, p, j, first) { pr.weight } else { 0.0 })
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let pr = &s.policy.promotion;
        for (p, person) in s.people_ix() {
            // Grade and years in it at the start of each year, following the plan's promotions.
            let (mut grade, mut since) = (person.grade, s.start_year - person.years_in_grade as i32);
            for y in plan.years() {
                let Some(j) = plan.taken_up(s, p, y) else { continue };
                if s.post(j).grade > grade {
                    let years = y - since;
                    if years < needed(s, j) as i32 {
                        let msg = format!(
                            "{} is promoted to {} after {years} year(s) in grade (needs {})",
                            who(s, p),
                            what(s, j),
                            needed(s, j)
                        );
                        finding(out, self.id(), pr.strength, pr.weight, y, Some(p), Some(j), msg);
                    }
                    (grade, since) = (s.post(j).grade, y);
                }
            }
        }
    }

    fn reason_to_take(&self, s: &Scenario, _plan: &Plan, p: PersonIx, to: PostIx, year: i32) -> Option<String> {
        let person = s.person(p);
        (s.post(to).grade > person.grade).then(|| {
            format!("promotion after {} year(s) in grade {}", person.years_in_grade as i32 + year - s.start_year, person.grade)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::policy::Strength;
    use crate::scenario::Role;
    use crate::testkit::{hard, plan_of, solve, Builder};

    #[test]
    fn a_deputy_needs_two_years_in_grade_to_become_head() {
        let mut b = Builder::new(2027, 2);
        let deputy = b.post("D", 3);
        let head = b.post("H", 4);
        b.s.posts[head.0 as usize].role = Role::Head;
        b.s.posts[head.0 as usize].must_fill = true;
        let a = b.person("A", 3, Some(deputy), 2026);
        b.s.people[a.0 as usize].years_in_grade = 1;
        let s = b.build();
        assert_eq!(hard(&s, &plan_of(&s, &[(a, &[Some(head), Some(head)])])), vec!["promotion 2027"]);
        assert!(hard(&s, &plan_of(&s, &[(a, &[Some(deputy), Some(head)])])).is_empty(), "near miss: 2 years by 2028");
        let mut short = s.clone();
        short.policy.tenure_min.strength = Strength::Off;
        assert_eq!(solve(&short).holds[a.0 as usize], vec![Some(deputy), Some(head)]);

        // A lower head needs three years for a higher deputy post.
        let mut lower = s.clone();
        lower.posts[head.0 as usize].role = Role::Deputy;
        lower.people[a.0 as usize].years_in_grade = 0;
        assert_eq!(hard(&lower, &plan_of(&lower, &[(a, &[Some(deputy), Some(head)])])), vec!["promotion 2028"]);
    }

    /// Found by the brute-force test: an official already holding a post above their grade
    /// (acting up) was excluded from it, so hard tenure-min made the plan "infeasible".
    #[test]
    fn keeping_a_post_above_ones_grade_is_no_promotion() {
        let mut b = Builder::new(2027, 2);
        let head = b.post("H", 3);
        b.s.posts[head.0 as usize].role = Role::Head;
        let a = b.person("A", 2, Some(head), 2026);
        b.s.people[a.0 as usize].years_in_grade = 0;
        b.s.policy.tenure_min.strength = Strength::Hard;
        b.s.policy.tenure_min.years = 2;
        let s = b.build();
        assert!(hard(&s, &plan_of(&s, &[(a, &[Some(head), Some(head)])])).is_empty());
        assert_eq!(solve(&s).holds[a.0 as usize], vec![Some(head), Some(head)]);
        // Near miss: taking up a post above one's grade is still a promotion.
        let mut other = s.clone();
        other.people[a.0 as usize].current_post = None;
        other.people[a.0 as usize].post_since = None;
        assert_eq!(hard(&other, &plan_of(&other, &[(a, &[Some(head), Some(head)])])), vec!["promotion 2027"]);
    }
}

//! Grade cap: nobody holds a post of their own grade (a `head` post, with `heads_only`, as
//! the rule names heads) for more than `grade-cap.years` years in total at that grade. Holding such a post in planned year `y` makes it
//! `years_in_grade + (y − start_year + 1)` years at the grade; a promotion (a post of a
//! higher grade) is the way out.
//!
//! Model: hard, the arcs beyond the cap do not exist (so every column, the current post's
//! and every stint, stops there); soft, each arc beyond it costs `weight`. No rows.

use super::{finding, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Role, Scenario};

/// At most so many years at one grade.
pub struct GradeCap;

/// Years at their grade `p` has served by the end of `year` when holding `j` then, if `j`
/// is of `p`'s grade (and the rule is on).
fn years_at_grade(s: &Scenario, p: PersonIx, j: PostIx, year: i32) -> Option<i32> {
    let (person, gc) = (s.person(p), &s.policy.grade_cap);
    let applies = !gc.heads_only || s.post(j).role == Role::Head;
    (gc.strength != Strength::Off && applies && s.post(j).grade == person.grade)
        .then(|| person.years_in_grade as i32 + year - s.start_year + 1)
}

/// Whether holding `j` in `year` takes `p` beyond the cap; the years it makes, if so.
fn beyond(s: &Scenario, p: PersonIx, j: PostIx, year: i32) -> Option<i32> {
    years_at_grade(s, p, j, year).filter(|&n| n > s.policy.grade_cap.years as i32)
}

impl Rule for GradeCap {
    fn id(&self) -> &'static str {
        "grade-cap"
    }

    fn excludes(&self, s: &Scenario, a: Arc) -> bool {
        s.policy.grade_cap.strength == Strength::Hard && beyond(s, a.person, a.post, a.year).is_some()
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        let n = beyond(s, a.person, a.post, a.year).unwrap_or_default();
        let gc = &s.policy.grade_cap;
        format!("would be {n} years at grade {} (cap {})", s.person(a.person).grade, gc.years)
    }

    fn arc_cost(&self, s: &Scenario, a: Arc) -> f64 {
        let gc = &s.policy.grade_cap;
        if gc.strength == Strength::Soft && beyond(s, a.person, a.post, a.year).is_some() {
            gc.weight
        } else {
            0.0
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let gc = &s.policy.grade_cap;
        for (p, y, j) in plan.held(s) {
            if let Some(n) = beyond(s, p, j, y) {
                let grade = s.person(p).grade;
                let msg = format!("{} holds {} in {y}: {n} years at grade {grade} (cap {})", who(s, p), what(s, j), gc.years);
                finding(out, self.id(), gc.strength, gc.weight, y, Some(p), Some(j), msg);
            }
        }
    }

    fn reason_to_leave(&self, s: &Scenario, _plan: &Plan, p: PersonIx, from: PostIx, year: i32) -> Option<String> {
        // Staying in `from` would go beyond the cap in `year`: the years served by then.
        beyond(s, p, from, year)
            .map(|n| format!("{} years at grade {} (cap {})", n - 1, s.person(p).grade, s.policy.grade_cap.years))
    }
}

#[cfg(test)]
mod tests {
    use crate::policy::Strength;
    use crate::scenario::Role;
    use crate::testkit::{findings, hard, plan_of, solve, Builder};

    /// 13 years at grade 3 before 2027: a grade-3 post may be held in 2027 and 2028 (14th
    /// and 15th years), not in 2029. A promotion is the way out.
    #[test]
    fn fifteen_years_at_one_grade_then_a_promotion() {
        let mut b = Builder::new(2027, 3);
        let now = b.post("P1", 3);
        let same = b.post("P2", 3);
        let up = b.post("P3", 4);
        b.s.posts[up.0 as usize].role = Role::Head;
        b.s.posts[now.0 as usize].must_fill = true; // so A stays in it as long as the cap allows
        let a = b.person("A", 3, Some(now), 2024);
        b.s.people[a.0 as usize].years_in_grade = 13;
        b.s.policy.grade_cap.heads_only = false; // the builder's posts are deputy posts
        let s = b.build();
        let stay = plan_of(&s, &[(a, &[Some(now), Some(now), Some(now)])]);
        assert_eq!(hard(&s, &stay), vec!["grade-cap 2029"]);
        assert_eq!(hard(&s, &plan_of(&s, &[(a, &[Some(now), Some(same), Some(same)])])), vec!["grade-cap 2029"]);
        // Near miss: a grade-3 post through 2028, then the promotion.
        let promoted = plan_of(&s, &[(a, &[Some(now), Some(now), Some(up)])]);
        assert!(hard(&s, &promoted).is_empty());
        assert!(findings(&s, &promoted, "grade-cap").is_empty());
        let planned = solve(&s);
        assert_eq!(planned.holds[a.0 as usize][2], Some(up), "{planned:?}");
        let rules = crate::rules::all(&s);
        let rows = crate::explain::explain(&s, &rules, &planned);
        let moved = rows.iter().find(|r| r.person == a && r.kind.is_change()).unwrap();
        assert!(moved.reason.contains("15 years at grade 3 (cap 15)"), "{}", moved.reason);

        // Near miss: 12 years before 2027 reach 15 in 2029, within the cap.
        let mut fewer = s.clone();
        fewer.people[a.0 as usize].years_in_grade = 12;
        assert!(hard(&fewer, &stay).is_empty());

        // Soft: each year beyond costs the weight.
        let mut soft = s.clone();
        soft.policy.grade_cap.strength = Strength::Soft;
        let f = findings(&soft, &stay, "grade-cap");
        assert_eq!((f.len(), f[0].penalty, f[0].year), (1, 20.0, 2029));
        assert!(f[0].message.contains("16 years at grade 3 (cap 15)"), "{}", f[0].message);
        let mut off = s.clone();
        off.policy.grade_cap.strength = Strength::Off;
        assert!(findings(&off, &stay, "grade-cap").is_empty());
        let mut heads = s.clone();
        heads.policy.grade_cap.heads_only = true;
        assert!(hard(&heads, &stay).is_empty(), "near miss: the default counts head posts only");
        heads.posts[now.0 as usize].role = Role::Head;
        assert_eq!(hard(&heads, &stay), vec!["grade-cap 2029"]);
    }
}

//! Grade window (hard): a person may take a post at most `max_up` grades above their own
//! and at most `max_down` below it. Their current post is always within the window.

use super::{finding, what, who, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Scenario};

/// Posts a person may take, by grade.
pub struct GradeWindow {
    /// Posts sorted by grade.
    by_grade: Vec<(i32, PostIx)>,
}

impl GradeWindow {
    /// Indexes posts by grade.
    pub fn new(s: &Scenario) -> GradeWindow {
        let mut by_grade: Vec<_> = s.posts_ix().map(|(j, post)| (post.grade, j)).collect();
        by_grade.sort();
        GradeWindow { by_grade }
    }
}

/// Whether `p` may take `j` under the grade window (the current post always may).
fn allowed(s: &Scenario, p: PersonIx, j: PostIx) -> bool {
    let w = &s.policy.grade_window;
    let diff = s.post(j).grade - s.person(p).grade;
    s.person(p).current_post == Some(j) || (-w.max_down..=w.max_up).contains(&diff)
}

impl Rule for GradeWindow {
    fn id(&self) -> &'static str {
        "grade-window"
    }

    fn scope(&self, s: &Scenario, p: PersonIx) -> Option<Vec<PostIx>> {
        let w = &s.policy.grade_window;
        let g = s.person(p).grade;
        let lo = self.by_grade.partition_point(|&(x, _)| x < g - w.max_down);
        let hi = self.by_grade.partition_point(|&(x, _)| x <= g + w.max_up);
        let mut posts: Vec<PostIx> = self.by_grade[lo..hi].iter().map(|&(_, j)| j).chain(s.person(p).current_post).collect();
        posts.sort();
        posts.dedup();
        Some(posts)
    }

    fn excludes_pair(&self, s: &Scenario, p: PersonIx, j: PostIx) -> bool {
        !allowed(s, p, j)
    }

    fn exclusion_reason(&self, s: &Scenario, a: super::Arc) -> String {
        let w = &s.policy.grade_window;
        format!("post grade {} is outside grade {} -{}/+{}", s.post(a.post).grade, s.person(a.person).grade, w.max_down, w.max_up)
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        for (p, y, j) in plan.held(s).filter(|&(p, _, j)| !allowed(s, p, j)) {
            let msg = format!("{} (grade {}) holds {} of grade {}", who(s, p), s.person(p).grade, what(s, j), s.post(j).grade);
            finding(out, self.id(), Strength::Hard, 0.0, y, Some(p), Some(j), msg);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{hard, plan_of, Builder};

    #[test]
    fn two_grades_up_is_excluded_one_is_not() {
        let mut b = Builder::new(2027, 1);
        let one_up = b.post("P4", 4);
        let two_up = b.post("P5", 5);
        let p = b.person("A", 3, None, 0);
        let s = b.build();
        assert!(hard(&s, &plan_of(&s, &[(p, &[Some(one_up)])])).is_empty());
        assert_eq!(hard(&s, &plan_of(&s, &[(p, &[Some(two_up)])])), vec!["grade-window 2027"]);
        let e = crate::eligibility::Eligibility::new(&s, &crate::rules::all(&s));
        assert!(e.is_eligible(p, one_up, 2027) && !e.is_eligible(p, two_up, 2027));
    }
}

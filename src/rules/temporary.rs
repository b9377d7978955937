//! Temporary postings (hard): a `temporary` post is held at least `min_years` (unless the
//! horizon or retirement cuts the posting short) and at most `max_years`, counting years
//! already served; then the official moves on. `[tenure-min]` does not apply to
//! temporary posts.
//!
//! Model: years of the current post beyond `max_years` are not arcs; a stint longer than
//! `max_years` is cut to it, and one shorter than `min_years` is not offered. No rows.

use super::{finding, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Scenario};

/// Temporary postings last 1–2 years.
pub struct Temporary;

/// Years served by the end of the arc's year in a current post that is temporary.
fn served(s: &Scenario, a: Arc) -> Option<i32> {
    super::served(s, a).filter(|_| s.post(a.post).temporary)
}

impl Rule for Temporary {
    fn id(&self) -> &'static str {
        "temporary"
    }

    fn excludes(&self, s: &Scenario, a: Arc) -> bool {
        served(s, a).is_some_and(|n| n > s.policy.temporary.max_years as i32)
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        format!("temporary posting would reach {} years (at most {})", served(s, a).unwrap_or(0), s.policy.temporary.max_years)
    }

    fn stint_cost(&self, s: &Scenario, p: PersonIx, j: PostIx, first: i32, last: i32) -> Option<f64> {
        let t = &s.policy.temporary;
        let len = last - first + 1;
        let cut = last == s.end_year() || last + 1 >= s.person(p).retire_year;
        let ok = !s.post(j).temporary || (len <= t.max_years as i32 && (len >= t.min_years as i32 || cut));
        ok.then_some(0.0)
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let t = &s.policy.temporary;
        for (p, y, j) in plan.held(s).filter(|&(_, _, j)| s.post(j).temporary) {
            let n = plan.run_length(s, p, y);
            if n > t.max_years as i32 {
                let msg =
                    format!("{} is on temporary posting {} for the {n}th year (at most {})", who(s, p), what(s, j), t.max_years);
                finding(out, self.id(), Strength::Hard, 0.0, y, Some(p), Some(j), msg);
            }
            let ends = plan.post(s, p, y + 1) != Some(j) && y < s.end_year() && y + 1 < s.person(p).retire_year;
            if ends && n < t.min_years as i32 {
                let msg =
                    format!("{} leaves temporary posting {} after {n} year(s) (at least {})", who(s, p), what(s, j), t.min_years);
                finding(out, self.id(), Strength::Hard, 0.0, y, Some(p), Some(j), msg);
            }
        }
    }

    fn reason_to_leave(&self, s: &Scenario, plan: &Plan, p: PersonIx, from: PostIx, year: i32) -> Option<String> {
        s.post(from).temporary.then(|| format!("temporary posting of {} year(s) ends", plan.run_length(s, p, year - 1)))
    }

    fn reason_to_take(&self, s: &Scenario, _plan: &Plan, _p: PersonIx, to: PostIx, _year: i32) -> Option<String> {
        let t = &s.policy.temporary;
        s.post(to).temporary.then(|| format!("temporary posting ({}–{} years)", t.min_years, t.max_years))
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{hard, plan_of, solve, Builder};

    #[test]
    fn a_temporary_posting_lasts_at_most_two_years() {
        let mut b = Builder::new(2027, 3);
        let temp = b.post("T", 3);
        b.s.posts[temp.0 as usize].temporary = true;
        let a = b.person("A", 3, None, 0);
        let s = b.build();
        assert_eq!(hard(&s, &plan_of(&s, &[(a, &[Some(temp); 3])])), vec!["temporary 2029"]);
        assert!(hard(&s, &plan_of(&s, &[(a, &[Some(temp), Some(temp), None])])).is_empty(), "near miss: two years");
        let planned = solve(&s);
        assert_eq!(planned.holds[a.0 as usize].iter().filter(|h| h.is_some()).count(), 2);

        let mut serving = s.clone();
        serving.people[a.0 as usize].current_post = Some(temp);
        serving.people[a.0 as usize].post_since = Some(2026);
        assert_eq!(hard(&serving, &plan_of(&serving, &[(a, &[Some(temp), Some(temp), None])])), vec!["temporary 2028"]);
    }
}

//! Filling posts and keeping serving officials posted.
//!
//! `vacancy`: every post-year without a holder costs `weight`, or `must_fill_weight` for a
//! `must_fill` post (which `must_fill = "hard"` never leaves empty); `[hardship]
//! fill_level` makes hardship posts must-fill too. `keep-posted`: every
//! year an official who holds a post now spends without one before retirement costs
//! `weight`. Both are modelled as a priced continuous slack in the assignment row
//! (`Σ_p x[p, j, y] + vacant[j, y] = 1`, `Σ_j x[p, j, y] + idle[p, y] = 1`), which keeps
//! the binaries free of objective coefficients (HiGHS's clique partitioning of objective
//! binaries is quadratic in their number; see `docs/formulation.md`).

use super::{finding, what, who, Finding, Rule};
use crate::formulation::Formulation;
use crate::mip::ColName;
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PostIx, Scenario};

/// Empty posts.
pub struct Vacancy;

/// Strength and price of leaving `j` empty for a year.
fn empty_cost(s: &Scenario, j: PostIx) -> (Strength, f64) {
    let v = &s.policy.vacancy;
    match (super::must_fill(s, j), v.must_fill) {
        (true, Strength::Hard) => (Strength::Hard, 0.0),
        (true, _) => (Strength::Soft, v.must_fill_weight),
        (false, _) => (Strength::Soft, v.weight),
    }
}

impl Rule for Vacancy {
    fn id(&self) -> &'static str {
        "vacancy"
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        for (j, _) in s.posts_ix() {
            let (strength, w) = empty_cost(s, j);
            for y in s.years() {
                if f.post_row(j, y).terms.is_empty() {
                    if strength == Strength::Hard {
                        let why = f.why_nobody(j, y);
                        f.conflicts.push(format!("{} must be filled in {y}, but nobody is eligible ({why})", what(s, j)));
                    }
                    f.model.offset += w;
                    continue;
                }
                let slack =
                    (strength == Strength::Soft).then(|| f.model.add_col(0.0, 1.0, w, false, ColName::Aux("vacant", j.0, 0, y)));
                let row = f.post_row(j, y);
                row.lb = 1.0;
                row.terms.extend(slack.map(|v| (v, 1.0)));
            }
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        for y in plan.years() {
            for (j, holders) in plan.holders(y, s.posts.len()).iter().enumerate() {
                let j = PostIx(j as u32);
                if holders.is_empty() {
                    let (strength, w) = empty_cost(s, j);
                    finding(out, self.id(), strength, w, y, None, Some(j), format!("{} is vacant in {y}", what(s, j)));
                }
            }
        }
    }
}

/// Serving officials left without a post.
pub struct KeepPosted;

impl Rule for KeepPosted {
    fn id(&self) -> &'static str {
        "keep-posted"
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        let kp = &s.policy.keep_posted;
        if kp.strength != Strength::Soft {
            return;
        }
        for (p, person) in s.people_ix().filter(|(_, p)| p.current_post.is_some()) {
            for y in s.years().filter(|&y| y < person.retire_year) {
                if f.person_row(p, y).terms.is_empty() {
                    f.model.offset += kp.weight;
                    continue;
                }
                let idle = f.model.add_col(0.0, 1.0, kp.weight, false, ColName::Aux("idle", p.0, 0, y));
                let row = f.person_row(p, y);
                row.lb = 1.0;
                row.terms.push((idle, 1.0));
            }
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let kp = &s.policy.keep_posted;
        for (p, person) in s.people_ix().filter(|(_, p)| p.current_post.is_some()) {
            for y in plan.years().filter(|&y| y < person.retire_year && plan.post(s, p, y).is_none()) {
                finding(out, self.id(), kp.strength, kp.weight, y, Some(p), None, format!("{} has no post in {y}", who(s, p)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::policy::Strength;
    use crate::testkit::{findings, hard, plan_of, solve, Builder};

    #[test]
    fn empty_posts_cost_more_when_must_fill_and_hard_must_fill_is_filled() {
        let mut b = Builder::new(2027, 1);
        let plain = b.post("P1", 3);
        let key = b.post("P2", 3);
        b.s.posts[key.0 as usize].must_fill = true;
        let p = b.person("A", 3, Some(plain), 2020);
        let s = b.build();
        let stay = plan_of(&s, &[(p, &[Some(plain)])]);
        let f = findings(&s, &stay, "vacancy");
        assert_eq!((f.len(), f[0].penalty), (1, 100.0));
        let moved = plan_of(&s, &[(p, &[Some(key)])]);
        assert_eq!(findings(&s, &moved, "vacancy")[0].penalty, 10.0);
        assert_eq!(solve(&s).holds[p.0 as usize], vec![Some(key)], "a must-fill post outweighs a move");
        let mut strict = s.clone();
        strict.policy.vacancy.must_fill = Strength::Hard;
        assert_eq!(hard(&strict, &stay), vec!["vacancy 2027"]);
        assert!(hard(&strict, &moved).is_empty());
    }

    #[test]
    fn serving_officials_keep_a_post_reserve_ones_need_not() {
        let mut b = Builder::new(2027, 1);
        let j = b.post("P1", 3);
        let serving = b.person("A", 3, Some(j), 2020);
        let reserve = b.person("B", 3, None, 0);
        let s = b.build();
        let f = findings(&s, &plan_of(&s, &[(reserve, &[Some(j)])]), "keep-posted");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].person, Some(serving));
        assert!(findings(&s, &plan_of(&s, &[(serving, &[Some(j)])]), "keep-posted").is_empty());
    }
}

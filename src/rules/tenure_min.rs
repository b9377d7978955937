//! Tenure minimum: nobody leaves a post before `years` years in it (retirement aside), so
//! nobody is moved every year. Each early departure costs `weight` (soft) or is forbidden
//! (hard). Temporary posts are `[temporary]`'s and exempt.
//!
//! Model: the current post is held for a prefix of the horizon, so leaving it early is
//! `x[c, y−1] − x[c, y]` summed over the early years: costs on existing columns, no new
//! ones. A stint in a post taken up within the horizon that ends early (before the last
//! year and before retirement) costs `weight` on its column, or is not offered (hard).

use super::{finding, what, who, Finding, Rule};
use crate::formulation::Formulation;
use crate::mip::RowName;
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::Scenario;
use crate::scenario::{PersonIx, PostIx};

/// Minimum years in a post before moving on.
pub struct TenureMin;

impl Rule for TenureMin {
    fn id(&self) -> &'static str {
        "tenure-min"
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        let tm = &s.policy.tenure_min;
        if tm.strength == Strength::Off || tm.years <= 1 {
            return;
        }
        let n = tm.years as i32;
        for (p, person) in s.people_ix() {
            // The current post: leaving in year y after fewer than n years.
            if let (Some(c), Some(since)) = (person.current_post.filter(|&c| !s.post(c).temporary), person.post_since) {
                for y in s.years().filter(|&y| y - since < n && y < person.retire_year) {
                    let (before, now) = (f.current(p, y - 1), f.current(p, y));
                    if y > s.start_year && before.is_none() {
                        break; // already gone
                    }
                    if tm.strength == Strength::Soft {
                        match before {
                            Some(b) => f.model.add_cost(b, tm.weight),
                            None => f.model.offset += tm.weight,
                        }
                        if let Some(x) = now {
                            f.model.add_cost(x, -tm.weight);
                        }
                    } else if now.is_none() {
                        let why = f.why_not(crate::rules::Arc { person: p, post: c, year: y });
                        f.conflicts.push(format!(
                            "{} may not leave {} before {n} years in post, but: {why}",
                            who(s, p),
                            what(s, c)
                        ));
                        break;
                    } else {
                        let name = RowName { rule: "tenure-min", a: p.0, b: c.0, year: y };
                        let terms = now.map(|x| (x, 1.0)).into_iter().chain(before.map(|b| (b, -1.0)));
                        f.model.add_row(if before.is_some() { 0.0 } else { 1.0 }, f64::INFINITY, terms, name);
                    }
                }
            }
        }
    }

    fn stint_cost(&self, s: &Scenario, p: PersonIx, j: PostIx, first: i32, last: i32) -> Option<f64> {
        let tm = &s.policy.tenure_min;
        let early = !s.post(j).temporary
            && last < s.end_year()
            && last + 1 < s.person(p).retire_year
            && last - first + 1 < tm.years as i32;
        match (early, tm.strength) {
            (true, Strength::Hard) => None,
            (true, Strength::Soft) => Some(tm.weight),
            _ => Some(0.0),
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let tm = &s.policy.tenure_min;
        if tm.years <= 1 {
            return;
        }
        for (p, person) in s.people_ix() {
            for y in plan.years().filter(|&y| y < person.retire_year) {
                let Some(from) = plan.post(s, p, y - 1).filter(|&j| !s.post(j).temporary) else { continue };
                let n = plan.run_length(s, p, y - 1);
                if plan.post(s, p, y) != Some(from) && n < tm.years as i32 {
                    let msg = format!("{} leaves {} in {y} after {n} year(s) (minimum {})", who(s, p), what(s, from), tm.years);
                    finding(out, self.id(), tm.strength, tm.weight, y, Some(p), Some(from), msg);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{findings, plan_of, solve, Builder};

    #[test]
    fn leaving_after_two_years_is_early_after_three_is_not() {
        let mut b = Builder::new(2027, 3);
        let j = b.post("P1", 3);
        let k = b.post("P2", 3);
        let p = b.person("A", 3, Some(j), 2025); // 2 years served by the end of 2026
        let s = b.build();
        assert_eq!(findings(&s, &plan_of(&s, &[(p, &[Some(k); 3])]), "tenure-min").len(), 1);
        assert!(findings(&s, &plan_of(&s, &[(p, &[Some(j), Some(k), Some(k)])]), "tenure-min").is_empty());
        let hop = plan_of(&s, &[(p, &[Some(j), Some(k), Some(j)])]);
        assert_eq!(findings(&s, &hop, "tenure-min").len(), 1, "one year in P2 is too short");
        let mut hard = s.clone();
        hard.policy.tenure_min.strength = crate::policy::Strength::Hard;
        hard.posts[k.0 as usize].must_fill = true;
        let planned = solve(&hard);
        assert_eq!(planned.holds[p.0 as usize][0], Some(j), "may not leave in 2027");
    }
}

//! Continuity: at most `max_departures` people leave posts of one unit in one year
//! (retirements aside), so that no unit loses its experienced people at once; each
//! departure beyond costs `weight` (soft) or is not allowed (hard).
//!
//! Model, per unit and year: `Σ_j departure(j, y) ≤ max_departures + over` over the unit's
//! posts (see `Formulation::departures`), only where more departures are possible.

use super::{finding, limit_row, Finding, Rule};
use crate::formulation::Formulation;
use crate::mip::RowName;
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PostIx, Scenario, UnitIx};
use std::collections::BTreeMap;

/// Departures per unit and year.
pub struct Continuity;

impl Rule for Continuity {
    fn id(&self) -> &'static str {
        "continuity"
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        let c = &s.policy.continuity;
        if c.strength == Strength::Off {
            return;
        }
        let mut posts: Vec<Vec<PostIx>> = vec![Vec::new(); s.units.len()];
        for (j, post) in s.posts_ix() {
            posts[post.unit.0 as usize].push(j);
        }
        for (u, posts) in posts.iter().enumerate().filter(|(_, p)| p.len() > c.max_departures as usize) {
            for y in s.years() {
                let (constant, terms) = f.departures(posts, y);
                let name = RowName { rule: "continuity", a: u as u32, b: 0, year: y };
                let conflict = || format!("{} must lose more than {} people in {y}", s.units[u].name, c.max_departures);
                limit_row(f, c.strength, c.weight, name, constant, terms, c.max_departures as f64, conflict);
            }
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let c = &s.policy.continuity;
        if c.strength == Strength::Off {
            return;
        }
        for y in plan.years() {
            let mut gone: BTreeMap<UnitIx, u32> = BTreeMap::new();
            for (_, j) in plan.departures(s, y) {
                *gone.entry(s.post(j).unit).or_default() += 1;
            }
            for (u, n) in gone.into_iter().filter(|&(_, n)| n > c.max_departures) {
                let msg = format!("{} people leave {} in {y} (at most {})", n, s.unit(u).name, c.max_departures);
                finding(out, self.id(), c.strength, c.weight * (n - c.max_departures) as f64, y, None, None, msg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{findings, plan_of, solve, Builder};

    #[test]
    fn a_unit_loses_at_most_two_people_a_year() {
        let mut b = Builder::new(2027, 1);
        let here: Vec<_> = (0..3).map(|k| b.post_in(&format!("P{k}"), "U-county", 3)).collect();
        let there: Vec<_> = (0..3).map(|k| b.post_in(&format!("Q{k}"), "U-other", 3)).collect();
        let people: Vec<_> = (0..3).map(|k| b.person(&format!("A{k}"), 3, Some(here[k]), 2015)).collect();
        b.s.policy.tenure_max.hard_years = 20;
        let s = b.build();
        let rows: Vec<_> = there.iter().map(|&j| [Some(j)]).collect();
        let all: Vec<_> = (0..3).map(|k| (people[k], &rows[k][..])).collect();
        let f = findings(&s, &plan_of(&s, &all), "continuity");
        assert_eq!((f.len(), f[0].penalty), (1, 10.0));
        let two = [all[0], all[1], (people[2], &[Some(here[2])][..])];
        assert!(findings(&s, &plan_of(&s, &two), "continuity").is_empty(), "near miss: two leave");
        let _ = solve(&s);
    }
}

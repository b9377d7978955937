//! Young cadres at the grassroots: a person marked `young_cadre` with fewer than
//! `min_years` of grassroots plus hardship service holds a grassroots post (a unit in a
//! township) or a hardship post in some planned year; otherwise `weight` (soft), or never
//! (hard).
//!
//! Model, per such person: `Σ z[p, j, a] (j grassroots or hardship) + x[p, c, first year]
//! (if their current post is one) + short[p] ≥ 1`, `short` priced at `weight` (absent when
//! hard). One row per young cadre.

use super::{finding, who, Finding, Rule};
use crate::formulation::Formulation;
use crate::mip::{ColName, RowName};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{Level, PersonIx, PostIx, Scenario};

/// Grassroots or hardship postings for young cadres.
pub struct YoungCadre;

/// Whether `j` is a grassroots or hardship post.
pub fn grassroots(s: &Scenario, j: PostIx) -> bool {
    let unit = s.unit(s.post(j).unit);
    unit.hardship > 0 || s.region(unit.region).level == Level::Township
}

/// Whether the rule asks a posting of `p`.
fn needs_posting(s: &Scenario, p: PersonIx) -> bool {
    let person = s.person(p);
    person.young_cadre
        && person.grassroots_years + person.hardship_years < s.policy.young_cadre.min_years
        && person.retire_year > s.start_year
}

impl Rule for YoungCadre {
    fn id(&self) -> &'static str {
        "young-cadre"
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        let yc = &s.policy.young_cadre;
        if yc.strength == Strength::Off {
            return;
        }
        for (p, person) in s.people_ix().filter(|&(p, _)| needs_posting(s, p)) {
            let mut terms: Vec<_> = f.stints_of(p).iter().filter(|st| grassroots(s, st.post)).map(|st| (st.col, 1.0)).collect();
            if person.current_post.is_some_and(|c| grassroots(s, c)) {
                terms.extend(f.current(p, s.start_year).map(|x| (x, 1.0)));
            }
            if yc.strength == Strength::Soft {
                if terms.is_empty() {
                    f.model.offset += yc.weight;
                    continue;
                }
                terms.push((f.model.add_col(0.0, 1.0, yc.weight, false, ColName::Aux("short", p.0, 0, 0)), 1.0));
            } else if terms.is_empty() {
                f.conflicts
                    .push(format!("young cadre {} needs a grassroots or hardship posting, but none is eligible", who(s, p)));
                continue;
            }
            f.model.add_row(1.0, f64::INFINITY, terms, RowName { rule: "young-cadre", a: p.0, b: 0, year: 0 });
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let yc = &s.policy.young_cadre;
        for (p, person) in s.people_ix().filter(|&(p, _)| needs_posting(s, p)) {
            if !plan.years().any(|y| plan.post(s, p, y).is_some_and(|j| grassroots(s, j))) {
                let msg = format!(
                    "young cadre {} ({} grassroots and hardship year(s)) gets no grassroots or hardship posting",
                    who(s, p),
                    person.grassroots_years + person.hardship_years
                );
                finding(out, self.id(), yc.strength, yc.weight, s.start_year, Some(p), None, msg);
            }
        }
    }

    fn reason_to_take(&self, s: &Scenario, _plan: &Plan, p: PersonIx, to: PostIx, _year: i32) -> Option<String> {
        (needs_posting(s, p) && grassroots(s, to)).then(|| "grassroots posting for a young cadre".to_string())
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{findings, plan_of, solve, Builder};

    #[test]
    fn a_young_cadre_without_grassroots_years_is_sent_to_a_township() {
        let mut b = Builder::new(2027, 2);
        let office = b.post_in("P1", "U-county", 3);
        let town = b.post_in("P2", "U-town", 3);
        let a = b.person("A", 3, Some(office), 2023);
        b.s.people[a.0 as usize].young_cadre = true;
        let s = b.build();
        let stay = plan_of(&s, &[(a, &[Some(office), Some(office)])]);
        assert_eq!(findings(&s, &stay, "young-cadre").len(), 1);
        assert!(findings(&s, &plan_of(&s, &[(a, &[Some(office), Some(town)])]), "young-cadre").is_empty());
        assert_eq!(solve(&s).holds[a.0 as usize][1], Some(town));

        let mut near_miss = s.clone();
        near_miss.people[a.0 as usize].grassroots_years = 2;
        near_miss.people[a.0 as usize].post_since = Some(2024); // no tenure reason to move either
        assert!(findings(&near_miss, &stay, "young-cadre").is_empty(), "two grassroots years suffice");
        assert_eq!(solve(&near_miss).holds[a.0 as usize], vec![Some(office), Some(office)]);
    }
}

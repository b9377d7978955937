//! Business interest: an official whose spouse or child runs a firm (`interests.csv`) holds
//! no post of the unit that regulates it.
//!
//! Model: hard, the (person, post) pairs are not arcs in any year; soft, each year in such
//! a post costs `weight`. No rows.

use super::{finding, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Scenario, UnitIx};

/// No post in the regulator of a relative's firm.
pub struct BusinessInterest {
    /// Per person, the units regulating a firm of their spouse or child.
    regulators: Vec<Vec<UnitIx>>,
}

impl BusinessInterest {
    /// Indexes `interests.csv` by person.
    pub fn new(s: &Scenario) -> BusinessInterest {
        let mut regulators = vec![Vec::new(); s.people.len()];
        for i in &s.interests {
            regulators[i.person.0 as usize].push(i.unit);
        }
        BusinessInterest { regulators }
    }

    /// Whether `j` belongs to a unit regulating a firm of `p`'s family (and the rule is on).
    fn conflict(&self, s: &Scenario, p: PersonIx, j: PostIx) -> bool {
        s.policy.business_interest.strength != Strength::Off && self.regulators[p.0 as usize].contains(&s.post(j).unit)
    }
}

/// `business interest: a family firm is regulated by X`.
fn describe(s: &Scenario, j: PostIx) -> String {
    format!("business interest: a spouse's or child's firm is regulated by {}", s.unit(s.post(j).unit).name)
}

impl Rule for BusinessInterest {
    fn id(&self) -> &'static str {
        "business-interest"
    }

    fn excludes_pair(&self, s: &Scenario, p: PersonIx, j: PostIx) -> bool {
        s.policy.business_interest.strength == Strength::Hard && self.conflict(s, p, j)
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        describe(s, a.post)
    }

    fn arc_cost(&self, s: &Scenario, a: Arc) -> f64 {
        let bi = &s.policy.business_interest;
        if bi.strength == Strength::Soft && self.conflict(s, a.person, a.post) {
            bi.weight
        } else {
            0.0
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let bi = &s.policy.business_interest;
        for (p, y, j) in plan.held(s) {
            if self.conflict(s, p, j) {
                let msg = format!("{} holds {}: {}", who(s, p), what(s, j), describe(s, j));
                finding(out, self.id(), bi.strength, bi.weight, y, Some(p), Some(j), msg);
            }
        }
    }

    fn reason_to_leave(&self, s: &Scenario, _plan: &Plan, p: PersonIx, from: PostIx, _year: i32) -> Option<String> {
        self.conflict(s, p, from).then(|| describe(s, from))
    }
}

#[cfg(test)]
mod tests {
    use crate::policy::Strength;
    use crate::scenario::{Interest, UnitIx};
    use crate::testkit::{findings, hard, plan_of, solve, Builder};

    #[test]
    fn no_post_in_the_regulator_of_a_family_firm() {
        let mut b = Builder::new(2027, 1);
        let regulator = b.post_in("P-reg", "U-county", 3);
        let sibling = b.post_in("P-town", "U-town", 3); // supervised by the regulator: allowed
        let a = b.person("A", 3, Some(regulator), 2020);
        b.s.interests.push(Interest { person: a, unit: UnitIx(1), note: "spouse's quarry".into() });
        let s = b.build();
        assert_eq!(s.unit(UnitIx(1)).id, "U-county");
        assert_eq!(hard(&s, &plan_of(&s, &[(a, &[Some(regulator)])])), vec!["business-interest 2027"]);
        // Near miss: a post of another unit, even one the regulator supervises.
        assert!(findings(&s, &plan_of(&s, &[(a, &[Some(sibling)])]), "business-interest").is_empty());
        let planned = solve(&s);
        assert_eq!(planned.holds[a.0 as usize], vec![Some(sibling)]);
        let rules = crate::rules::all(&s);
        let reason = &crate::explain::explain(&s, &rules, &planned)[0].reason;
        assert!(reason.contains("business interest: a spouse's or child's firm is regulated by U-county"), "{reason}");

        // Soft: a price per year.
        let mut soft = s.clone();
        soft.policy.business_interest.strength = Strength::Soft;
        let f = findings(&soft, &plan_of(&soft, &[(a, &[Some(regulator)])]), "business-interest");
        assert_eq!((f.len(), f[0].penalty), (1, 100.0));
        assert_eq!(solve(&soft).holds[a.0 as usize], vec![Some(sibling)]);
    }
}

//! Pins (hard): a planner's `fix` (the person holds the post in that year) and `forbid`
//! (the person does not) from `pins.csv` are obeyed.

use super::{finding, what, who, Arc, Finding, Rule};
use crate::formulation::Formulation;
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PinAction, Scenario};
use std::collections::HashSet;

/// Pins from `pins.csv`.
pub struct Pins {
    forbidden: HashSet<Arc>,
}

impl Pins {
    /// Indexes the scenario's forbid pins.
    pub fn new(s: &Scenario) -> Pins {
        let forbidden = s
            .pins
            .iter()
            .filter(|pin| pin.action == PinAction::Forbid)
            .map(|pin| Arc { person: pin.person, post: pin.post, year: pin.year })
            .collect();
        Pins { forbidden }
    }
}

impl Rule for Pins {
    fn id(&self) -> &'static str {
        "pins"
    }

    fn excludes(&self, _s: &Scenario, a: Arc) -> bool {
        self.forbidden.contains(&a)
    }

    fn exclusion_reason(&self, _s: &Scenario, a: Arc) -> String {
        format!("pinned: forbidden in {}", a.year)
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        for pin in s.pins.iter().filter(|pin| pin.action == PinAction::Fix) {
            match f.require_hold(pin.person, pin.post, pin.year) {
                true => {}
                false => {
                    let why = f.why_not(Arc { person: pin.person, post: pin.post, year: pin.year });
                    let flag = format!("fix {}={}@{}", s.person(pin.person).id, s.post(pin.post).id, pin.year);
                    f.conflicts.push(format!(
                        "{} fixes {} to {} in {}, but: {why}",
                        if s.what_if.contains(&flag) { "--pin" } else { "pins.csv" },
                        who(s, pin.person),
                        what(s, pin.post),
                        pin.year
                    ));
                }
            }
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        for pin in &s.pins {
            let holds = plan.post(s, pin.person, pin.year) == Some(pin.post);
            let broken = match pin.action {
                PinAction::Fix => !holds,
                PinAction::Forbid => holds,
            };
            if broken {
                let msg = format!(
                    "{} pin on {} for {} in {} is not obeyed",
                    pin.action.as_str(),
                    who(s, pin.person),
                    what(s, pin.post),
                    pin.year
                );
                finding(out, self.id(), Strength::Hard, 0.0, pin.year, Some(pin.person), Some(pin.post), msg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::scenario::{Pin, PinAction};
    use crate::testkit::{hard, plan_of, solve, Builder};

    #[test]
    fn fix_and_forbid_pins_are_obeyed() {
        let mut b = Builder::new(2027, 2);
        let j = b.post("P1", 3);
        let k = b.post("P2", 3);
        let p = b.person("A", 3, Some(j), 2020);
        b.s.pins.push(Pin { person: p, post: k, year: 2028, action: PinAction::Fix });
        b.s.pins.push(Pin { person: p, post: j, year: 2027, action: PinAction::Forbid });
        let s = b.build();
        assert_eq!(hard(&s, &plan_of(&s, &[(p, &[Some(j), Some(j)])])), vec!["pins 2027", "pins 2028"]);
        assert!(hard(&s, &plan_of(&s, &[(p, &[None, Some(k)])])).is_empty());
        let planned = solve(&s);
        assert_eq!(planned.holds[p.0 as usize], vec![Some(k), Some(k)]);
    }

    #[test]
    fn a_fix_pin_on_an_excluded_arc_is_diagnosed_before_solving() {
        let mut b = Builder::new(2027, 1);
        let j = b.post("P1", 6);
        let p = b.person("A", 3, None, 0);
        b.s.pins.push(Pin { person: p, post: j, year: 2027, action: PinAction::Fix });
        let s = b.build();
        let err = crate::testkit::try_solve(&s).unwrap_err().to_string();
        assert!(err.contains("pins.csv fixes") && err.contains("grade"), "{err}");
    }
}

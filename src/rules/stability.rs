//! Stability: every move (taking up a post not held the year before, including an
//! appointment from the reserve) costs `weight`, so that nobody is moved without a reason.

use super::{finding, what, who, Finding, Rule};
use crate::formulation::Formulation;
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::Scenario;

/// The cost of a move.
pub struct Stability;

impl Rule for Stability {
    fn id(&self) -> &'static str {
        "stability"
    }

    fn encode(&self, f: &mut Formulation) {
        let w = f.s.policy.stability.weight;
        if w == 0.0 {
            return;
        }
        for m in f.moves.clone().into_iter().flatten() {
            f.model.add_cost(m, w);
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let w = s.policy.stability.weight;
        for (p, y, j) in plan.held(s).filter(|&(p, y, j)| plan.taken_up(s, p, y) == Some(j)) {
            finding(
                out,
                self.id(),
                Strength::Soft,
                w,
                y,
                Some(p),
                Some(j),
                format!("{} takes up {} in {y}", who(s, p), what(s, j)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{findings, plan_of, solve, Builder};

    #[test]
    fn each_move_costs_and_nobody_moves_without_a_reason() {
        let mut b = Builder::new(2027, 2);
        let j = b.post("P1", 3);
        let k = b.post("P2", 3);
        let p = b.person("A", 3, Some(j), 2024);
        let s = b.build();
        assert!(findings(&s, &plan_of(&s, &[(p, &[Some(j), Some(j)])]), "stability").is_empty());
        assert_eq!(findings(&s, &plan_of(&s, &[(p, &[Some(j), Some(k)])]), "stability").len(), 1);
        assert_eq!(solve(&s).holds[p.0 as usize], vec![Some(j), Some(j)]);
    }
}

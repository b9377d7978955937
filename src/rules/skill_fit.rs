//! Skill fit: a person's level (0–3) in a post's domain is their fit for it. Below
//! `min_fit` a person is not eligible (their current post aside); every year held earns
//! `weight × fit`; from `age_threshold`, a move into another domain than the current
//! post's costs `cross_domain_weight` (older officials adapt badly across fields).

use super::{finding, reward, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Scenario};

/// Skills against post domains.
pub struct SkillFit;

/// `p`'s level in `j`'s domain.
pub fn fit(s: &Scenario, p: PersonIx, j: PostIx) -> u8 {
    let domain = &s.post(j).domain;
    s.person(p).skills.iter().find(|(d, _)| d == domain).map_or(0, |&(_, l)| l)
}

/// Whether taking up `j` in `year` is a cross-domain move of an older official.
fn late_switch(s: &Scenario, p: PersonIx, j: PostIx, year: i32) -> bool {
    let Some(c) = s.person(p).current_post else { return false };
    s.age(p, year) >= s.policy.skill_fit.age_threshold && s.post(c).domain != s.post(j).domain
}

impl Rule for SkillFit {
    fn id(&self) -> &'static str {
        "skill-fit"
    }

    fn excludes_pair(&self, s: &Scenario, p: PersonIx, j: PostIx) -> bool {
        s.person(p).current_post != Some(j) && fit(s, p, j) < s.policy.skill_fit.min_fit
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        format!(
            "skill {} in {} is below the minimum fit {}",
            fit(s, a.person, a.post),
            s.post(a.post).domain,
            s.policy.skill_fit.min_fit
        )
    }

    fn arc_cost(&self, s: &Scenario, a: Arc) -> f64 {
        -s.policy.skill_fit.weight * fit(s, a.person, a.post) as f64
    }

    fn stint_cost(&self, s: &Scenario, p: PersonIx, j: PostIx, first: i32, _last: i32) -> Option<f64> {
        Some(if late_switch(s, p, j, first) { s.policy.skill_fit.cross_domain_weight } else { 0.0 })
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let sf = &s.policy.skill_fit;
        for (p, y, j) in plan.held(s) {
            let level = fit(s, p, j);
            if s.person(p).current_post != Some(j) && level < sf.min_fit {
                let msg = format!(
                    "{} holds {} with skill {level} in {} (minimum {})",
                    who(s, p),
                    what(s, j),
                    s.post(j).domain,
                    sf.min_fit
                );
                finding(out, self.id(), Strength::Hard, 0.0, y, Some(p), Some(j), msg);
            }
            if level > 0 && sf.weight > 0.0 {
                let msg = format!("{} holds {} with skill {level} in {}", who(s, p), what(s, j), s.post(j).domain);
                reward(out, self.id(), y, p, j, sf.weight * level as f64, msg);
            }
            if plan.taken_up(s, p, y) == Some(j) && late_switch(s, p, j, y) {
                let msg = format!("{} (age {}) moves across domains to {}", who(s, p), s.age(p, y), what(s, j));
                finding(out, self.id(), Strength::Soft, sf.cross_domain_weight, y, Some(p), Some(j), msg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{findings, hard, plan_of, solve, Builder};

    #[test]
    fn fit_gates_eligibility_rewards_skill_and_prices_late_switches() {
        let mut b = Builder::new(2027, 1);
        let home = b.post("P0", 3);
        let finance = b.post("P1", 3);
        let law = b.post("P2", 3);
        b.s.posts[finance.0 as usize].domain = "finance".into();
        b.s.posts[law.0 as usize].domain = "law".into();
        let p = b.person("A", 3, Some(home), 2015); // over the soft tenure limit
        b.s.people[p.0 as usize].skills = vec![("general".into(), 3), ("finance".into(), 2)];
        b.s.policy.tenure_max.hard_years = 15;
        let s = b.build();
        assert_eq!(hard(&s, &plan_of(&s, &[(p, &[Some(law)])])), vec!["skill-fit 2027"]);
        assert!(hard(&s, &plan_of(&s, &[(p, &[Some(finance)])])).is_empty(), "near miss: fit 2");
        assert_eq!(findings(&s, &plan_of(&s, &[(p, &[Some(finance)])]), "skill-fit").len(), 1, "a reward, no late switch at 47");
        let mut older = s.clone();
        older.people[p.0 as usize].birth_year = 1970;
        let f = findings(&older, &plan_of(&older, &[(p, &[Some(finance)])]), "skill-fit");
        assert!(f.iter().any(|f| f.penalty == older.policy.skill_fit.cross_domain_weight));
        assert_eq!(solve(&s).holds[p.0 as usize], vec![Some(finance)]);
        assert_eq!(solve(&older).holds[p.0 as usize], vec![Some(home)], "at 57 the switch costs more than staying");
    }
}

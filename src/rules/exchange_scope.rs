//! Exchange scope (hard): with `within = <level>`, an official moves only among posts whose
//! unit lies in the same region of that level as their current post (a unit above that
//! level is a scope of its own region). Officials without a post are scoped by their
//! native place, birthplace or place of growing up, the first that lies in a scope with
//! posts; otherwise they may go anywhere.

use super::{finding, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{Level, PersonIx, PostIx, RegionIx, Scenario};
use std::collections::HashMap;

/// How far officials move.
pub struct ExchangeScope {
    /// Scope key per post (`None` when the policy sets no scope).
    post_key: Vec<Option<RegionIx>>,
    /// Posts per scope key, sorted.
    posts: HashMap<RegionIx, Vec<PostIx>>,
}

/// The region at `level` containing `r`, or `r` itself if it lies above that level.
fn key(s: &Scenario, r: RegionIx, level: Level) -> RegionIx {
    s.region_chain(r).find(|&x| s.region(x).level <= level).filter(|&x| s.region(x).level == level).unwrap_or(r)
}

/// The exchange scope of post `j` (`None` when the policy sets none): other rules that
/// work per managed area (`[even-pace]`) group posts by it.
pub fn post_scope(s: &Scenario, j: PostIx) -> Option<RegionIx> {
    s.policy.exchange_scope.within.map(|l| key(s, s.post_region(j), l))
}

impl ExchangeScope {
    /// Indexes posts by scope.
    pub fn new(s: &Scenario) -> ExchangeScope {
        let post_key: Vec<_> = s.posts_ix().map(|(j, _)| post_scope(s, j)).collect();
        let mut posts: HashMap<RegionIx, Vec<PostIx>> = HashMap::new();
        for (j, k) in post_key.iter().enumerate() {
            if let Some(k) = k {
                posts.entry(*k).or_default().push(PostIx(j as u32));
            }
        }
        ExchangeScope { post_key, posts }
    }

    /// The scope of a person (`None`: anywhere).
    fn person_key(&self, s: &Scenario, p: PersonIx) -> Option<RegionIx> {
        let level = s.policy.exchange_scope.within?;
        let person = s.person(p);
        if let Some(c) = person.current_post {
            return self.post_key[c.0 as usize];
        }
        [person.native, person.birth, person.grewup]
            .into_iter()
            .flatten()
            .map(|r| key(s, r, level))
            .find(|k| self.posts.contains_key(k))
    }
}

impl Rule for ExchangeScope {
    fn id(&self) -> &'static str {
        "exchange-scope"
    }

    fn scope(&self, s: &Scenario, p: PersonIx) -> Option<Vec<PostIx>> {
        let k = self.person_key(s, p)?;
        Some(self.posts.get(&k).cloned().unwrap_or_default())
    }

    fn excludes_pair(&self, s: &Scenario, p: PersonIx, j: PostIx) -> bool {
        self.person_key(s, p).is_some_and(|k| self.post_key[j.0 as usize] != Some(k))
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        let k = self.person_key(s, a.person).expect("excluded only with a scope");
        format!("outside the exchange scope {}", s.region(k).name)
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        for (p, _) in s.people_ix() {
            let Some(k) = self.person_key(s, p) else { continue };
            for y in plan.years() {
                if let Some(j) = plan.post(s, p, y).filter(|j| self.post_key[j.0 as usize] != Some(k)) {
                    let msg = format!("{} holds {} outside the exchange scope {}", who(s, p), what(s, j), s.region(k).name);
                    finding(out, self.id(), Strength::Hard, 0.0, y, Some(p), Some(j), msg);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::scenario::Level;
    use crate::testkit::{hard, plan_of, solve, Builder};

    #[test]
    fn within_county_keeps_moves_in_the_county() {
        let mut b = Builder::new(2027, 1);
        let home = b.post_in("P1", "U-county", 3);
        let town = b.post_in("P2", "U-town", 3); // a township of the same county
        let other = b.post_in("P3", "U-other", 3); // another county
        let p = b.person("A", 3, Some(home), 2010);
        b.s.policy.exchange_scope.within = Some(Level::County);
        b.s.policy.tenure_max.hard_years = 15;
        let s = b.build();
        assert!(hard(&s, &plan_of(&s, &[(p, &[Some(town)])])).is_empty());
        assert_eq!(hard(&s, &plan_of(&s, &[(p, &[Some(other)])])), vec!["exchange-scope 2027"]);
        assert_eq!(solve(&s).holds[p.0 as usize], vec![Some(town)], "over soft tenure: moves within the county");
    }
}

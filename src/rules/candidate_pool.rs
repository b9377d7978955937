//! Open-selection pools (hard pool, rewarded score): when `candidates.csv` lists people
//! for a post, only they (and the post's current holder) may take it, and every year a
//! pool member holds it earns `score_weight × score`.

use super::{finding, reward, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Scenario};
use std::collections::HashMap;

/// Open-selection pools.
pub struct CandidatePool {
    pools: HashMap<PostIx, HashMap<PersonIx, f64>>,
    /// Posts without a pool, sorted.
    open: Vec<PostIx>,
    /// Per person, the pooled posts they are in.
    member_of: HashMap<PersonIx, Vec<PostIx>>,
}

impl CandidatePool {
    /// Indexes `candidates.csv`.
    pub fn new(s: &Scenario) -> CandidatePool {
        let mut pools: HashMap<PostIx, HashMap<PersonIx, f64>> = HashMap::new();
        for c in &s.candidates {
            pools.entry(c.post).or_default().insert(c.person, c.score);
        }
        let open = s.posts_ix().map(|(j, _)| j).filter(|j| !pools.contains_key(j)).collect();
        let mut member_of: HashMap<PersonIx, Vec<PostIx>> = HashMap::new();
        for c in &s.candidates {
            member_of.entry(c.person).or_default().push(c.post);
        }
        CandidatePool { pools, open, member_of }
    }

    /// `Some(score)` for a pool member, `None` for an outsider, `Some(0)` without a pool.
    fn score(&self, s: &Scenario, p: PersonIx, j: PostIx) -> Option<f64> {
        match self.pools.get(&j) {
            None => Some(0.0),
            Some(pool) => pool.get(&p).copied().or((s.person(p).current_post == Some(j)).then_some(0.0)),
        }
    }
}

impl Rule for CandidatePool {
    fn id(&self) -> &'static str {
        "candidate-pool"
    }

    fn scope(&self, s: &Scenario, p: PersonIx) -> Option<Vec<PostIx>> {
        if self.pools.is_empty() {
            return None;
        }
        let mine = self.member_of.get(&p).into_iter().flatten().copied();
        let mut posts: Vec<PostIx> = self.open.iter().copied().chain(mine).chain(s.person(p).current_post).collect();
        posts.sort();
        posts.dedup();
        Some(posts)
    }

    fn excludes_pair(&self, s: &Scenario, p: PersonIx, j: PostIx) -> bool {
        self.score(s, p, j).is_none()
    }

    fn exclusion_reason(&self, _s: &Scenario, _a: Arc) -> String {
        "not in the post's open-selection pool".into()
    }

    fn arc_cost(&self, s: &Scenario, a: Arc) -> f64 {
        -s.policy.candidate_pool.score_weight * self.score(s, a.person, a.post).unwrap_or(0.0)
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let w = s.policy.candidate_pool.score_weight;
        for (p, y, j) in plan.held(s) {
            match self.score(s, p, j) {
                None => {
                    let msg = format!("{} holds {} without being in its pool", who(s, p), what(s, j));
                    finding(out, self.id(), Strength::Hard, 0.0, y, Some(p), Some(j), msg);
                }
                Some(score) if score != 0.0 && self.pools.contains_key(&j) => {
                    let msg = format!("{} holds {} with selection score {score}", who(s, p), what(s, j));
                    reward(out, self.id(), y, p, j, w * score, msg);
                }
                Some(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::scenario::Candidate;
    use crate::testkit::{hard, plan_of, solve, Builder};

    #[test]
    fn only_pool_members_take_a_pooled_post_and_the_best_score_wins() {
        let mut b = Builder::new(2027, 1);
        let j = b.post("P1", 3);
        let outsider = b.person("A", 3, None, 0);
        let low = b.person("B", 3, None, 0);
        let high = b.person("C", 3, None, 0);
        b.s.candidates.push(Candidate { post: j, person: low, score: 2.0 });
        b.s.candidates.push(Candidate { post: j, person: high, score: 5.0 });
        let s = b.build();
        assert_eq!(hard(&s, &plan_of(&s, &[(outsider, &[Some(j)])])), vec!["candidate-pool 2027"]);
        assert!(hard(&s, &plan_of(&s, &[(low, &[Some(j)])])).is_empty());
        assert_eq!(solve(&s).holds[high.0 as usize], vec![Some(j)]);
    }
}

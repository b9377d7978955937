//! Stability: every move (taking up a post not held the year before, including an
//! appointment from the reserve) costs `weight`, so that nobody is moved without a reason;
//! and nobody moves more than `max_moves` times over the horizon (hard; 0 = as the other
//! rules allow). The cap is the model's move count row (`Formulation`'s structure).

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
        let (weight, max_moves) = (s.policy.stability.weight, s.policy.stability.max_moves);
        let mut moves = vec![0u32; s.people.len()];
        for (p, y, j) in plan.held(s).filter(|&(p, y, j)| plan.taken_up(s, p, y) == Some(j)) {
            let msg = format!("{} takes up {} in {y}", who(s, p), what(s, j));
            finding(out, self.id(), Strength::Soft, weight, y, Some(p), Some(j), msg);
            let n = &mut moves[p.0 as usize];
            *n += 1;
            if max_moves != 0 && *n > max_moves {
                let msg = format!("{} takes up {} in {y}: move {n}, at most {max_moves} an official", who(s, p), what(s, j));
                finding(out, self.id(), Strength::Hard, 0.0, y, Some(p), Some(j), msg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{findings, hard, plan_of, solve, Builder};

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

    /// The move cap is checked on any plan: a second move with `max_moves = 1` is a hard
    /// violation; the near miss, the same plan with `max_moves` 2 or 0 (as the rules allow).
    #[test]
    fn a_move_past_max_moves_is_a_hard_violation() {
        let mut b = Builder::new(2027, 5);
        let (j, k, l) = (b.post_in("J", "U-county", 3), b.post_in("K", "U-other", 3), b.post_in("L", "U-pref", 3));
        let a = b.person("A", 3, Some(j), 2020);
        let mut s = b.build();
        let twice = [Some(j), Some(k), Some(k), Some(k), Some(l)];
        let once = [Some(j), Some(k), Some(k), Some(k), Some(k)];
        assert_eq!(hard(&s, &plan_of(&s, &[(a, &twice)])), vec!["stability 2031"]);
        assert!(findings(&s, &plan_of(&s, &[(a, &twice)]), "stability")[2].message.contains("move 2, at most 1"));
        assert!(hard(&s, &plan_of(&s, &[(a, &once)])).is_empty());
        for near_miss in [2, 0] {
            s.policy.stability.max_moves = near_miss;
            assert!(hard(&s, &plan_of(&s, &[(a, &twice)])).is_empty(), "max_moves = {near_miss}");
        }
    }

    /// The stint cut to the minimum stay is the one after which the official moves on: it is
    /// followed by a next post the year after, never by none. Here a reserve official could
    /// fill J for the minimum stay and then be dropped for B, who must leave K after ten
    /// years; that plan breaks no rule and is cheaper, but it leaves a post taken up early
    /// by choice, which the model does not (a stint taken up within the horizon otherwise
    /// ends only at the horizon, retirement or where a rule caps it). The near miss, a
    /// second move with a next post to move on to, is the test below.
    #[test]
    fn after_the_minimum_stay_an_official_moves_on_to_a_next_post_not_to_none() {
        let mut b = Builder::new(2027, 5);
        let j = b.post_in("J", "U-other", 3);
        let k = b.post_in("K", "U-county", 3);
        b.s.posts[k.0 as usize].regional_recusal = true;
        let a = b.person("A", 3, None, 0);
        b.s.people[a.0 as usize].grewup = Some(b.region("R-town")); // never in K
        let bee = b.person("B", 3, Some(k), 2020); // K's 11th year would be 2030
        b.s.policy.stability.max_moves = 0;
        let s = b.build();
        let dropped =
            plan_of(&s, &[(a, &[Some(j), Some(j), Some(j), None, None]), (bee, &[Some(k), Some(k), Some(k), Some(j), Some(j)])]);
        assert!(hard(&s, &dropped).is_empty());
        let planned = solve(&s);
        let row = &planned.holds[a.0 as usize];
        assert!(!(row[..3] == [Some(j); 3] && row[3].is_none()), "A dropped after the minimum stay: {planned:?}");
        assert!(
            crate::check::check(&s, &dropped).objective() < crate::check::check(&s, &planned).objective(),
            "the drop is cheaper"
        );
    }

    /// More than one move where the rules allow it: a temporary posting and then a next
    /// post; a move in the first year and another after the minimum stay. `max_moves = 1`
    /// is the near miss.
    #[test]
    fn a_temporary_posting_then_a_next_post_and_a_second_move_after_the_minimum_stay() {
        let mut b = Builder::new(2027, 5);
        let posting = b.post("T", 3);
        let next = b.post("J", 3);
        b.s.posts[posting.0 as usize].temporary = true;
        b.s.posts[posting.0 as usize].must_fill = true;
        let a = b.person("A", 3, None, 0);
        b.s.policy.stability.max_moves = 0; // as the rules allow
        let s = b.build();
        let planned = solve(&s);
        let years_in = |j| planned.holds[a.0 as usize].iter().filter(|&&h| h == Some(j)).count();
        assert_eq!((years_in(posting), years_in(next)), (2, 3), "{planned:?}");
        assert_eq!(findings(&s, &planned, "stability").len(), 2);
        let mut once = s.clone();
        once.policy.stability.max_moves = 1;
        let held: Vec<_> = solve(&once).holds[a.0 as usize].iter().flatten().copied().collect();
        assert_eq!(held, vec![posting; 2], "near miss: one move, the posting and no next post");
        assert_eq!(findings(&once, &solve(&once), "stability").len(), 1);

        let mut b = Builder::new(2027, 5);
        let old = b.post("P", 3);
        let first = b.post("K1", 3);
        let second = b.post("K2", 3);
        b.s.posts[second.0 as usize].must_fill = true;
        let mover = b.person("B", 3, Some(old), 2016); // 2027 would be the 11th year: must leave
        let leaving = b.person("C", 3, Some(second), 2026);
        b.s.people[leaving.0 as usize].retire_year = 2030;
        b.s.policy.stability.max_moves = 0;
        let s = b.build();
        let planned = solve(&s);
        assert_eq!(planned.holds[mover.0 as usize], [[Some(first); 3].as_slice(), &[Some(second); 2]].concat());
        let mut once = s.clone();
        once.policy.stability.max_moves = 1;
        let mut posts: Vec<_> = solve(&once).holds[mover.0 as usize].iter().flatten().copied().collect();
        posts.dedup();
        assert_eq!(posts.len(), 1, "near miss: one move, one post ({posts:?})");
    }
}

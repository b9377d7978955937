//! A greedy year-by-year plan of the kind a planner would make by hand: each year, whoever
//! must leave (retirement, a hard rule) or has outstayed the soft tenure limit leaves;
//! then empty posts, must-fill posts first, go to the free official whose move costs least
//! (each official moves once, for the longest stint the model offers from that year).
//! It serves as the solver's starting plan (and working set) and as the baseline the
//! benchmarks compare the optimiser against.

use crate::formulation::{Formulation, Stint};
use crate::plan::Plan;
use crate::rules;
use crate::scenario::{PersonIx, PostIx};
use std::collections::HashMap;

/// The greedy plan over the model's columns (so that it is a valid start).
pub fn plan(f: &Formulation) -> Plan {
    let s = f.s;
    let mut plan = Plan::empty(s);
    // Stints by post and first year.
    let mut starting: HashMap<(PostIx, i32), Vec<&Stint>> = HashMap::new();
    for st in &f.stints {
        starting.entry((st.post, st.first)).or_default().push(st);
    }
    let soft = s.policy.tenure_max.soft_years as i32;
    let mut moved = vec![false; s.people.len()];
    let mut busy_until = vec![s.start_year - 1; s.posts.len()]; // last year a post is taken
    for (p, person) in s.people_ix() {
        for y in s.years() {
            let keep = f.current(p, y).is_some() && (held(f, p, y) || soft == 0 || plan.run_length(s, p, y - 1) < soft);
            if keep && (y == s.start_year || plan.post(s, p, y - 1) == person.current_post) {
                plan.holds[p.0 as usize][(y - s.start_year) as usize] = person.current_post;
                let j = person.current_post.expect("current column implies a current post");
                busy_until[j.0 as usize] = y;
            } else {
                break;
            }
        }
    }
    for y in s.years() {
        let t = (y - s.start_year) as usize;
        let mut posts: Vec<_> =
            s.posts_ix().filter(|(j, _)| busy_until[j.0 as usize] < y).map(|(j, _)| (!rules::must_fill(s, j), j)).collect();
        posts.sort();
        for (must_fill, j) in posts.into_iter().map(|(optional, j)| (!optional, j)) {
            // Who may take it: the free, and for a must-fill post also those who still
            // hold a post nobody must fill (and no hard rule holds them in).
            let leaves_optional = |p: PersonIx| {
                let now = plan.holds[p.0 as usize][t];
                must_fill && now == s.person(p).current_post && now.is_some_and(|c| !rules::must_fill(s, c)) && !held(f, p, y)
            };
            let best = starting
                .get(&(j, y))
                .into_iter()
                .flatten()
                // One move an official: never the minimum stay that a next post must follow.
                .filter(|st| !moved[st.person.0 as usize] && !st.moves_on)
                .filter(|st| plan.holds[st.person.0 as usize][t].is_none() || leaves_optional(st.person))
                .filter(|st| kin_ok(f, &plan, st.person, st))
                .min_by(|a, b| {
                    let busy = |st: &&Stint| plan.holds[st.person.0 as usize][t].is_some();
                    let cost = |st: &&Stint| f.model.cols[st.col.0 as usize].cost;
                    busy(a).cmp(&busy(b)).then(cost(a).total_cmp(&cost(b)))
                });
            if let Some(st) = best {
                let p = st.person.0 as usize;
                moved[p] = true;
                if let Some(old) = plan.holds[p][t] {
                    // They leave the post they held (for good: the current post is held
                    // for a prefix of the horizon), which is free again from this year.
                    plan.holds[p][t..].iter_mut().for_each(|h| *h = None);
                    busy_until[old.0 as usize] = y - 1;
                }
                for yy in st.first..=st.last {
                    plan.holds[p][(yy - s.start_year) as usize] = Some(j);
                }
                busy_until[j.0 as usize] = st.last;
            }
        }
    }
    plan
}

/// Whether a hard rule holds `p` in their current post in `year` (audit hold): the
/// model fixes that column at 1.
fn held(f: &Formulation, p: PersonIx, year: i32) -> bool {
    f.current(p, year).is_some_and(|c| f.model.cols[c.0 as usize].lb > 0.5)
}

/// Whether `p` taking the stint would put them next to a relative (checked against the
/// plan so far, over the stint's years).
fn kin_ok(f: &Formulation, plan: &Plan, p: PersonIx, st: &Stint) -> bool {
    let s = f.s;
    let unit = s.post(st.post).unit;
    s.relations.iter().filter(|r| r.a == p || r.b == p).all(|r| {
        let other = if r.a == p { r.b } else { r.a };
        (st.first..=st.last).all(|y| {
            plan.post(s, other, y).is_none_or(|k| {
                let u = s.post(k).unit;
                u != unit
                    && s.unit(u).parent != Some(unit)
                    && s.unit(unit).parent != Some(u)
                    && s.post(k).team != s.post(st.post).team
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::eligibility::Eligibility;
    use crate::formulation::Formulation;
    use crate::testkit::{try_solve, Builder};

    /// Where officials may move more than once the greedy plan still moves each official
    /// once, and never for just the minimum stay: a next post must follow that stint (the
    /// model's `moves-on` rows), which the greedy plan does not give, so the start broke
    /// the model and its repair found none. Here the minimum stay is the cheaper stint
    /// (each year in the prefecture where A grew up costs); the near miss is the longest.
    #[test]
    fn the_greedy_plan_never_takes_the_minimum_stay_and_starts_the_search() {
        let mut b = Builder::new(2027, 5);
        let j = b.post_in("J", "U-pref", 3);
        b.s.posts[j.0 as usize].regional_recusal = true;
        let a = b.person("A", 3, None, 0);
        b.s.people[a.0 as usize].grewup = Some(b.region("R-pref"));
        b.s.policy.stability.max_moves = 0;
        let s = b.build();
        let rules = crate::rules::all(&s);
        let f = Formulation::build(&s, &rules, &Eligibility::new(&s, &rules));
        let cost = |moves_on: bool| {
            f.stints.iter().find(|st| st.first == 2027 && st.moves_on == moves_on).map(|st| f.model.cols[st.col.0 as usize].cost)
        };
        assert!(cost(true) < cost(false), "the minimum stay is the cheaper stint");
        assert_eq!(super::plan(&f).holds[a.0 as usize], vec![Some(j); 5], "the longest stint");
        assert!(try_solve(&s).unwrap().stats.first_plan.is_some(), "the greedy plan starts the search");
    }
}

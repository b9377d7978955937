//! Neighbourhood search on the whole model: a sub-MIP frees the moves of a few people and
//! keeps everyone else's as a plan has them. HiGHS's presolve removes the fixed columns,
//! so a sub-MIP over a few dozen people solves in a fraction of a second at any pool size.
//!
//! [`repair`] turns a start plan that breaks a hard rule (the greedy plan: it asks
//! eligibility, hence most hard rules, but not the rows that link people, such as kinship
//! between two officials who both stay, or a must-fill post nobody free can take) into one
//! that meets every hard rule. It frees the people the independent check names and those
//! of the model's rows the start breaks (structure the check does not know), then their
//! neighbours (colleagues in the same units, relatives, the cheapest candidates for the
//! posts they hold or leave), and widens until the sub-MIP is feasible. The result is the
//! planner's incumbent: the start of every MIP and the plan written when nothing better is
//! found in time.

use crate::check;
use crate::error::Result;
use crate::formulation::Formulation;
use crate::mip::{self, Col, ColName, Model, SolveOptions, Status};
use crate::plan::Plan;
use crate::scenario::{PersonIx, PostIx, Scenario};
use std::collections::BTreeSet;
use std::time::Instant;

/// Candidates per post freed with a post that nobody may leave empty.
const CANDIDATES_PER_SEED_POST: usize = 25;
/// Candidates per post freed when a neighbourhood widens.
const CANDIDATES_PER_POST: usize = 8;
/// Widening rounds before the repair gives up (the main search then starts without an
/// incumbent and decides, over every column, whether a plan exists).
const ROUNDS: usize = 4;

/// Who owns each column, and who could take each post: what neighbourhoods are made of.
pub struct Neighbours<'f, 'a> {
    f: &'f Formulation<'a>,
    /// Person of each integer column (`u32::MAX` for the continuous ones).
    owner: Vec<u32>,
    /// Per post, the people with a move to it, cheapest first.
    candidates: Vec<Vec<PersonIx>>,
}

/// A plan over the whole model that meets every hard row: column values, slacks included.
#[derive(Debug, Clone)]
pub struct Incumbent {
    /// Values of every column of the model.
    pub x: Vec<f64>,
    /// Its objective (offset included).
    pub objective: f64,
}

impl<'f, 'a> Neighbours<'f, 'a> {
    /// Indexes the columns of `f`.
    pub fn new(f: &'f Formulation<'a>) -> Self {
        let m = &f.model;
        let owner = m
            .cols
            .iter()
            .map(|c| match c.name {
                ColName::Hold(p, ..) | ColName::Entry(p, ..) if c.integer => p.0,
                _ => u32::MAX,
            })
            .collect();
        let mut by_post: Vec<Vec<(f64, PersonIx)>> = vec![Vec::new(); f.s.posts.len()];
        for st in &f.stints {
            by_post[st.post.0 as usize].push((m.cols[st.col.0 as usize].cost, st.person));
        }
        let candidates = by_post
            .into_iter()
            .map(|mut v| {
                v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                let mut seen = BTreeSet::new();
                v.into_iter().filter(|&(_, p)| seen.insert(p)).map(|(_, p)| p).collect()
            })
            .collect();
        Neighbours { f, owner, candidates }
    }

    /// The model with the integer columns of everyone outside `free` fixed at their value
    /// in `x` (those at 0 left out), and the index in the model of each column kept.
    fn sub_model(&self, x: &[f64], free: &[bool]) -> (Model, Vec<u32>) {
        let m = &self.f.model;
        let fixed = |c: usize| self.owner[c] != u32::MAX && !free[self.owner[c] as usize];
        let keep: Vec<bool> = (0..m.cols.len()).map(|c| !fixed(c) || x[c] > 0.5).collect();
        let (mut sub, kept) = m.restrict(&keep);
        for (k, &c) in kept.iter().enumerate().filter(|&(_, &c)| fixed(c as usize)) {
            let col = &mut sub.cols[k];
            (col.lb, col.ub) = (1.0, 1.0);
            debug_assert!(x[c as usize] > 0.5);
        }
        (sub, kept)
    }

    /// Solves the sub-MIP that frees `free` around `x`, starting from `x` where it sets
    /// values; the whole model's column values when it finds a plan.
    pub fn solve(&self, x: &[f64], free: &[bool], opts: &SolveOptions) -> Result<Option<Incumbent>> {
        let m = &self.f.model;
        let (sub, kept) = self.sub_model(x, free);
        let start: Vec<(Col, f64)> = kept
            .iter()
            .enumerate()
            .filter(|&(k, &c)| sub.cols[k].integer && !x[c as usize].is_nan())
            .map(|(k, &c)| (Col(k as u32), x[c as usize].round()))
            .collect();
        let solved = mip::highs::solve(&sub, opts, mip::highs::Warm { plan: Some(&start), basis: None }, &mut |_| {})?;
        if solved.x.len() != sub.cols.len() || !matches!(solved.status, Status::Optimal | Status::TimeLimit | Status::Interrupted)
        {
            return Ok(None);
        }
        // Columns left out are fixed at 0; the fixed ones at 1 are among those kept.
        let out = crate::mip::spread(m.cols.len(), &kept, &solved.x);
        let objective = m.objective(&out);
        Ok(Some(Incumbent { x: out, objective }))
    }

    /// `free` widened by the neighbours of each free person: colleagues (in `plan` or now)
    /// in the units of the posts they hold or held, their relatives, and the cheapest
    /// candidates for those posts.
    fn widen(&self, plan: &Plan, free: &[bool]) -> Vec<bool> {
        let s = self.f.s;
        let mut units = BTreeSet::new();
        let mut posts = BTreeSet::new();
        let mut out = free.to_vec();
        for (p, _) in s.people_ix().filter(|(p, _)| free[p.0 as usize]) {
            for j in posts_of(s, plan, p) {
                units.insert(s.post(j).unit);
                posts.insert(j);
            }
            for r in s.relations.iter().filter(|r| r.a == p || r.b == p) {
                out[r.a.0 as usize] = true;
                out[r.b.0 as usize] = true;
            }
        }
        for (p, _) in s.people_ix() {
            if posts_of(s, plan, p).any(|j| units.contains(&s.post(j).unit)) {
                out[p.0 as usize] = true;
            }
        }
        for j in posts {
            self.candidates[j.0 as usize].iter().take(CANDIDATES_PER_POST).for_each(|p| out[p.0 as usize] = true);
        }
        out
    }

    /// The people a hard finding of `report` (the check of `plan`) concerns: the person
    /// named, the holders of the post named, and for a post nobody holds, its cheapest
    /// candidates.
    fn seeds(&self, plan: &Plan, report: &check::Report) -> Vec<bool> {
        let s = self.f.s;
        let mut free = vec![false; s.people.len()];
        for h in report.hard() {
            if let Some(p) = h.person {
                free[p.0 as usize] = true;
            }
            if let Some(j) = h.post {
                self.free_post(plan, j, h.year, &mut free);
            }
        }
        free
    }

    /// Frees the people of `x` (a start: the integer columns it sets) in every row of only
    /// integer columns that it breaks: a structure the check does not know, such as the
    /// next post that must follow a minimum stay (`moves-on`), which a published plan from
    /// an earlier version may lack.
    fn free_broken_rows(&self, x: &[f64], free: &mut [bool]) {
        let m = &self.f.model;
        let owned = |c: Col| self.owner[c.0 as usize] != u32::MAX;
        // The columns the start leaves unset are at 0.
        let x: Vec<f64> = x.iter().map(|&v| if v.is_nan() { 0.0 } else { v }).collect();
        for r in (0..m.rows.len()).filter(|&r| m.row_terms(r).all(|(c, _)| owned(c))) {
            if m.row_violation(r, &x) > 1e-6 {
                for (c, _) in m.row_terms(r).filter(|&(c, _)| x[c.0 as usize] > 0.5) {
                    free[self.owner[c.0 as usize] as usize] = true;
                }
            }
        }
    }

    /// Frees whoever holds `j` in `year` or the year before, and its cheapest candidates.
    fn free_post(&self, plan: &Plan, j: PostIx, year: i32, free: &mut [bool]) {
        let s = self.f.s;
        for (p, _) in s.people_ix().filter(|&(p, _)| plan.post(s, p, year) == Some(j) || plan.post(s, p, year - 1) == Some(j)) {
            free[p.0 as usize] = true;
        }
        self.candidates[j.0 as usize].iter().take(CANDIDATES_PER_SEED_POST).for_each(|p| free[p.0 as usize] = true);
    }
}

/// The posts `p` holds now and in `plan`.
fn posts_of<'a>(s: &'a Scenario, plan: &'a Plan, p: PersonIx) -> impl Iterator<Item = PostIx> + 'a {
    s.person(p).current_post.into_iter().chain(plan.holds[p.0 as usize].iter().flatten().copied())
}

/// A plan meeting every hard rule, made from `plan` by freeing ever more people around
/// those its hard violations (in `report`, its check) concern; `None` if none was found
/// by `deadline`, after [`ROUNDS`] widenings, or before a widening would free most of the
/// pool. The people of the rows the plan breaks are freed too (the model's structure, which
/// the check does not know). A plan without hard violations that breaks no row comes back
/// at once, with its slacks.
pub fn repair(
    nb: &Neighbours,
    plan: &Plan,
    report: &check::Report,
    opts: &SolveOptions,
    deadline: Instant,
) -> Result<Option<Incumbent>> {
    let f = nb.f;
    let Some(start) = f.start_of(plan) else { return Ok(None) };
    let mut x = vec![f64::NAN; f.model.cols.len()];
    for (c, v) in start {
        x[c.0 as usize] = v;
    }
    let mut free = nb.seeds(plan, report);
    nb.free_broken_rows(&x, &mut free);
    let everyone = f.s.people.len();
    for round in 0..ROUNDS {
        let n = free.iter().filter(|&&b| b).count();
        let left = deadline.saturating_duration_since(Instant::now()).as_secs_f64();
        if left <= 0.0 || opts.stopped() {
            break;
        }
        // Half of what is left, all of it in the last round.
        let share = if round + 1 == ROUNDS { 1.0 } else { 0.5 };
        let budget = SolveOptions { time_limit: left * share, verbose: false, ..opts.clone() };
        let t0 = Instant::now();
        let found = nb.solve(&x, &free, &budget)?;
        tracing::info!(round, people = n, found = found.is_some(), seconds = t0.elapsed().as_secs_f64(), "repair");
        if found.is_some() {
            return Ok(found);
        }
        free = nb.widen(plan, &free);
        if 2 * free.iter().filter(|&&b| b).count() > everyone {
            // Most of the pool: that is the whole problem, which column generation and the
            // MIP that follow solve far better than one sub-MIP over every move (an
            // OR-Library assignment of 800: 3.7 s here against 0.2 s there).
            break;
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::Eligibility;
    use crate::policy::Strength;
    use crate::scenario::{Kinship, Relation};
    use crate::testkit::{hard, Builder};

    /// A start that breaks only the model's structure, which the check does not know: a
    /// published plan from an earlier version that drops A for no post after the minimum
    /// stay (the `moves-on` rows forbid it). The repair frees A, though the check finds
    /// nothing; the near miss, the same plan with J held on, comes back as it is.
    #[test]
    fn a_start_that_breaks_only_the_models_structure_is_repaired() {
        let mut b = Builder::new(2027, 5);
        let j = b.post_in("J", "U-other", 3);
        let a = b.person("A", 3, None, 0);
        b.s.policy.stability.max_moves = 0;
        let s = b.build();
        let rules = crate::rules::all(&s);
        let elig = Eligibility::new(&s, &rules);
        let f = Formulation::build(&s, &rules, &elig);
        let nb = Neighbours::new(&f);
        let later = Instant::now() + std::time::Duration::from_secs(30);
        let repaired = |row: &[Option<PostIx>]| {
            let plan = crate::testkit::plan_of(&s, &[(a, row)]);
            let report = check::check(&s, &plan);
            assert!(report.hard().next().is_none());
            repair(&nb, &plan, &report, &SolveOptions::default(), later).unwrap().map(|inc| f.plan_of(&inc.x))
        };
        let dropped = [Some(j), Some(j), Some(j), None, None];
        let plan = repaired(&dropped).expect("A is freed and keeps J or moves on");
        assert_ne!(plan.holds[a.0 as usize], dropped.to_vec());
        assert_eq!(repaired(&[Some(j); 5]).expect("nothing to repair").holds[a.0 as usize], vec![Some(j); 5]);
    }

    /// The greedy plan breaks three hard rules here: two spouses keep their posts in one
    /// unit (kinship), one of them on audit hold; an official who grew up in the township
    /// must leave its must-fill post (regional recusal) and nobody free may take it
    /// (vacancy): the one official who could holds a must-fill post himself, and the
    /// spouse would then serve under the supervising unit. Repaired (the spouse takes that
    /// official's post, who takes the township's), the plan meets every hard rule; the
    /// planner writes such a plan.
    #[test]
    fn a_greedy_plan_that_breaks_hard_rules_is_repaired() {
        let mut b = Builder::new(2027, 2);
        let county1 = b.post_in("P1", "U-county", 3);
        let county2 = b.post_in("P2", "U-county", 3);
        let other = b.post_in("P3", "U-other", 3);
        let spare = b.post_in("P4", "U-other", 3);
        let town = b.post_in("P5", "U-town", 3);
        b.s.posts[town.0 as usize].regional_recusal = true;
        b.s.posts[town.0 as usize].must_fill = true;
        b.s.policy.vacancy.must_fill = Strength::Hard;
        let held = b.person("A", 3, Some(county1), 2023);
        let spouse = b.person("B", 3, Some(county2), 2023);
        b.s.people[held.0 as usize].audit_hold = true;
        b.s.relations.push(Relation { a: held, b: spouse, kind: Kinship::Spouse });
        // Either spouse may move, so that the greedy plan keeps both (`lower` would move B).
        b.s.policy.kinship_recusal.who_moves = crate::policy::WhoMoves::Either;
        let local = b.person("C", 3, Some(town), 2023);
        b.s.people[local.0 as usize].grewup = Some(b.region("R-town"));
        b.s.posts[other.0 as usize].must_fill = true;
        b.person("D", 3, Some(other), 2023);
        let _ = spare;
        let s = b.build();
        let rules = crate::rules::all(&s);
        let elig = Eligibility::new(&s, &rules);
        let f = Formulation::build(&s, &rules, &elig);
        let greedy = crate::greedy::plan(&f);
        let broken = hard(&s, &greedy);
        for rule in ["kinship-recusal", "vacancy"] {
            assert!(broken.iter().any(|h| h.starts_with(rule)), "the greedy plan should break {rule}: {broken:?}");
        }
        assert_eq!(greedy.holds[held.0 as usize][0], Some(county1), "audit hold keeps A in post");
        let nb = Neighbours::new(&f);
        let opts = SolveOptions::default();
        let later = Instant::now() + std::time::Duration::from_secs(30);
        let repaired = repair(&nb, &greedy, &check::check(&s, &greedy), &opts, later)
            .unwrap()
            .expect("a plan meeting every hard rule exists");
        let plan = f.plan_of(&repaired.x);
        assert!(hard(&s, &plan).is_empty(), "{:?}", hard(&s, &plan));
        assert!((repaired.objective - check::check(&s, &plan).objective()).abs() < 1e-6);
        let planned = crate::testkit::try_solve(&s).unwrap();
        assert!(planned.report.hard().next().is_none());
        assert!(planned.solution.objective <= repaired.objective + 1e-6, "the planner keeps at least the repaired plan");
    }
}

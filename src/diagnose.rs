//! Why no plan meets every hard rule: the smallest violation of the hard rows and pins
//! that leaves a plan, stated in a planner's words.
//!
//! The elastic model keeps the structure (one post per person and year, one holder per
//! post and year, the prefix and move-count rows) and relaxes every other row by a slack
//! of cost 1 on each finite side, and every column fixed to 1 (a pin) to a column of cost
//! −1 from 0 (its violation is `1 − x`). Soft rules keep their own slacks at no cost. The
//! solver minimises the total violation; the rows and pins it must violate are a least
//! repair. From each, the elastic filter (keep it and what breaks instead, until no plan
//! is left) and the deletion filter (drop what the rest conflicts without) give a minimal
//! conflicting set. Each instance is described from its row
//! name: a post that must be filled names its eligible candidates and how many officials
//! each rule excludes; a pin names the official and the post; other rows name their rule,
//! year and the officials and posts in them.

use crate::error::{Error, Result};
use crate::formulation::Formulation;
use crate::mip::{self, ColName, Model, RowName, SolveOptions, Status};
use crate::scenario::{PersonIx, PostIx, Scenario};
use serde::Serialize;
use std::fmt;

/// One conflicting rule instance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// The set it belongs to (from 1): the instances of one set cannot all hold at once.
    pub group: usize,
    /// The rule (`None` for conflicts found while building, which name it in the text).
    pub rule: Option<String>,
    /// The year, where one.
    pub year: Option<i32>,
    /// What cannot be met, in words.
    pub text: String,
    /// Ids of the officials concerned.
    pub people: Vec<String>,
    /// Ids of the posts concerned.
    pub posts: Vec<String>,
    /// Whether its set is shown to conflict; `false` when the search ran out of time first
    /// (the set is then what a least repair breaks when its first instance is kept).
    pub shown: bool,
}

impl Conflict {
    /// A conflict found while building the model, described there.
    pub fn found(text: String) -> Conflict {
        Conflict { group: 1, rule: None, year: None, text, people: Vec::new(), posts: Vec::new(), shown: true }
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Rows that stay hard in the elastic model: the structure every plan has.
fn structural(name: &RowName, lb: f64) -> bool {
    match name.rule {
        "person" | "post" => lb <= 0.0,
        "moves" | "prefix" | crate::mip::cliques::ONE_STINT_ROW | "moves-on" => true,
        _ => false,
    }
}

/// How the diagnosis solves its elastic models: the elastic model (the columns of `f`'s
/// model first, in their order, then the slacks), the options, and a least objective the
/// caller knows (a solution reaching it is optimal, so the search may end there); a
/// solution with status `Infeasible` when it has none, with no values when none was found
/// in time.
pub type Solve<'a> = dyn Fn(&Model, &SolveOptions, f64) -> Result<mip::Solution> + 'a;

/// Solves `model` with HiGHS over all of its columns (a [`Solve`]).
pub fn whole(model: &Model, opts: &SolveOptions, _at_least: f64) -> Result<mip::Solution> {
    mip::highs::solve(model, opts, mip::highs::Warm::default(), &mut |_| {})
}

/// The conflicting hard rows and pins of `f`'s model, which the solver proved has no plan,
/// described (as `opts.conflicts` asks), each elastic model solved by `solve`; `Err` when
/// the elastic model is not solved in `opts.time_limit`.
pub fn diagnose(f: &Formulation, opts: &SolveOptions, solve: &Solve) -> Result<Vec<Conflict>> {
    let m = &f.model;
    // A pin to keep hard: its columns stay fixed, its row keeps no slack.
    let kept = match opts.conflicts {
        mip::ConflictDetail::Keeping(a) => Some(a),
        mip::ConflictDetail::Minimal => None,
    };
    let kept_cols: Vec<usize> =
        kept.map_or(Vec::new(), |a| f.hold(a.person, a.post, a.year).iter().map(|c| c.0 as usize).collect());
    let kept_row =
        |name: &RowName| kept.is_some_and(|a| *name == RowName { rule: "require", a: a.person.0, b: a.post.0, year: a.year });
    let mut elastic = Model { offset: 0.0, ..m.clone() };
    elastic.cols.iter_mut().for_each(|c| c.cost = 0.0);
    let mut pins = Vec::new();
    for (c, col) in elastic.cols.iter_mut().enumerate() {
        if col.lb > 0.0 && col.integer && !kept_cols.contains(&c) {
            col.lb = 0.0;
            col.cost = -1.0;
            pins.push(c);
        }
    }
    elastic.offset = pins.len() as f64;
    // (row, slack column, +1 on the lower side, −1 on the upper side)
    let mut slacks: Vec<(usize, mip::Col, f64)> = Vec::new();
    for r in (0..m.rows.len()).filter(|&r| !structural(&m.rows[r].name, m.rows[r].lb) && !kept_row(&m.rows[r].name)) {
        // A person's or post's row that must be met keeps its "at most one" side.
        let upper = m.rows[r].ub.is_finite() && !matches!(m.rows[r].name.rule, "person" | "post");
        for (finite, sign) in [(m.rows[r].lb.is_finite(), 1.0), (upper, -1.0)] {
            if finite {
                let s = elastic.add_col(0.0, f64::INFINITY, 1.0, false, ColName::Aux("elastic", r as u32, 0, 0));
                slacks.push((r, s, sign));
            }
        }
    }
    let mut elastic = with_terms(&elastic, &slacks);
    // A repair: the rows and pins a least-violating plan breaks.
    // `None` when nothing can be broken to leave a plan (the structure alone forbids it).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f64(opts.time_limit);
    // `at_least`: 1 for the elastic model (no plan meets every hard rule and pin, and a
    // violation is a whole row or pin), 0 for its copy without costs.
    let broken = |model: &Model, at_least: f64| -> Result<Option<Vec<Broken>>> {
        let left = deadline.saturating_duration_since(std::time::Instant::now()).as_secs_f64();
        let solved = solve(model, &SolveOptions { time_limit: left.max(1.0), ..opts.clone() }, at_least)?;
        if solved.status == Status::Infeasible {
            return Ok(None);
        }
        if solved.x.is_empty() {
            return Err(Error::Solver(
                "no plan meets the hard rules, and the search for the conflicting ones found no answer in time; raise --time-limit".into(),
            ));
        }
        let x = &solved.x;
        let mut out: Vec<Broken> = Vec::new();
        for &(r, ..) in slacks.iter().filter(|&&(_, s, _)| x[s.0 as usize] > 1e-6) {
            if !out.iter().any(|b| matches!(b, Broken::Row(q, _) if *q == r)) {
                out.push(Broken::Row(r, x.to_vec()));
            }
        }
        out.extend(pins.iter().filter(|&&c| x[c] < 1.0 - 1e-6).map(|&c| Broken::Pin(c)));
        Ok(Some(out))
    };
    let Some(repair) = broken(&elastic, 1.0)? else {
        return Ok(vec![Conflict::found(match kept {
            Some(a) => format!(
                "{}, and no plan has it even with every other hard rule and pin relaxed",
                describe_pin(f.s, a.person, a.post, a.year).text.replace(" cannot be kept", "")
            ),
            None => "no plan exists even with every hard rule and pin relaxed: the posts, people and years leave none".into(),
        })]);
    };
    // Keeping a pin: what a least repair breaks instead is the answer.
    if kept.is_some() {
        return Ok(in_order(repair.iter().map(|b| b.describe(f, 1)).collect()));
    }
    let enforce = |m: &mut Model, b: &Broken, on: bool| match b {
        Broken::Row(r, _) => {
            for &(_, s, _) in slacks.iter().filter(|&&(q, ..)| q == *r) {
                m.cols[s.0 as usize].ub = if on { 0.0 } else { f64::INFINITY };
            }
        }
        Broken::Pin(c) => m.cols[*c].lb = if on { 1.0 } else { 0.0 },
    };
    // One conflict set per instance of the least repair not in an earlier set.
    let mut groups: Vec<(Vec<Broken>, bool)> = Vec::new();
    for b in &repair {
        if groups.iter().flat_map(|g| &g.0).any(|g| g.key() == b.key()) {
            continue;
        }
        // The elastic filter: keep `b`, then whatever a least repair breaks instead, until
        // no plan is left: the instances kept conflict.
        let mut set = vec![b.clone()];
        enforce(&mut elastic, b, true);
        let mut conflicting = false;
        for _ in 0..FILTER_ROUNDS {
            match broken(&elastic, 1.0) {
                Ok(None) => {
                    conflicting = true;
                    break;
                }
                Ok(Some(more)) if !more.is_empty() => {
                    for m in more {
                        enforce(&mut elastic, &m, true);
                        set.push(m);
                    }
                }
                // Nothing more to keep, or out of time: stop filtering.
                Ok(Some(_)) | Err(_) => break,
            }
        }
        for k in &set {
            enforce(&mut elastic, k, false);
        }
        // The deletion filter: drop each instance without which the rest still conflicts;
        // what is left is minimal (relaxing any one of it leaves a plan). Only whether a
        // plan is left matters, so it asks a copy without costs, which stops at the first
        // plan. Out of time, the set found so far still conflicts, unshrunk.
        if conflicting {
            let mut feasibility = Model { offset: 0.0, ..elastic.clone() };
            feasibility.cols.iter_mut().for_each(|c| c.cost = 0.0);
            set.iter().for_each(|k| enforce(&mut feasibility, k, true));
            let mut k = 0;
            while k < set.len() {
                enforce(&mut feasibility, &set[k], false);
                match broken(&feasibility, 0.0) {
                    Ok(None) => {
                        set.remove(k);
                    }
                    Ok(Some(_)) => {
                        enforce(&mut feasibility, &set[k], true);
                        k += 1;
                    }
                    Err(_) => break,
                }
            }
        }
        groups.push((set, conflicting));
    }
    Ok(groups
        .iter()
        .enumerate()
        .flat_map(|(g, (set, shown))| in_order(set.iter().map(|b| Conflict { shown: *shown, ..b.describe(f, g + 1) }).collect()))
        .collect())
}

/// The instances of one set in an order of their own, not the solver's (a least repair is
/// rarely the only one): rules before pins, then by rule, year and text.
fn in_order(mut set: Vec<Conflict>) -> Vec<Conflict> {
    set.sort_by(|a, b| {
        let key = |c: &Conflict| (c.rule.as_deref() == Some("pins"), c.rule.clone(), c.year, c.text.clone());
        key(a).cmp(&key(b))
    });
    set
}

/// Rounds of the elastic filter per conflict set: each keeps what the least repair broke.
const FILTER_ROUNDS: usize = 20;

/// A row or pin a least-violating plan breaks (with that plan's values, for rows).
#[derive(Clone)]
enum Broken {
    Row(usize, Vec<f64>),
    Pin(usize),
}

impl Broken {
    /// Which row or pin, whatever the values.
    fn key(&self) -> (bool, usize) {
        match self {
            Broken::Row(r, _) => (true, *r),
            Broken::Pin(c) => (false, *c),
        }
    }

    fn describe(&self, f: &Formulation, group: usize) -> Conflict {
        let c = match self {
            Broken::Row(r, x) => describe_row(f, *r, x),
            Broken::Pin(c) => match f.model.cols[*c].name {
                ColName::Hold(p, j, y) | ColName::Entry(p, j, y, _) => describe_pin(f.s, p, j, y),
                ColName::Aux(rule, ..) => Conflict::found(format!("a column the {rule} rule fixes cannot be kept")),
            },
        };
        Conflict { group, ..c }
    }
}

/// `m` with the terms `(row, column, coefficient)` added (the model is row-wise).
fn with_terms(m: &Model, extra: &[(usize, mip::Col, f64)]) -> Model {
    let mut out = Model { rows: Vec::new(), start: Vec::new(), index: Vec::new(), value: Vec::new(), ..m.clone() };
    let mut by_row: Vec<Vec<(mip::Col, f64)>> = vec![Vec::new(); m.rows.len()];
    for &(r, c, a) in extra {
        by_row[r].push((c, a));
    }
    for (r, more) in by_row.into_iter().enumerate() {
        let row = &m.rows[r];
        out.add_row(row.lb, row.ub, m.row_terms(r).chain(more), row.name);
    }
    out
}

fn people_posts(s: &Scenario, cols: impl Iterator<Item = ColName>) -> (Vec<String>, Vec<String>) {
    let (mut people, mut posts) = (Vec::new(), Vec::new());
    for name in cols {
        if let ColName::Hold(p, j, _) | ColName::Entry(p, j, ..) = name {
            let (p, j) = (s.person(p).id.clone(), s.post(j).id.clone());
            if !people.contains(&p) {
                people.push(p);
            }
            if !posts.contains(&j) {
                posts.push(j);
            }
        }
    }
    (people, posts)
}

fn describe_row(f: &Formulation, r: usize, x: &[f64]) -> Conflict {
    let (s, m) = (f.s, &f.model);
    let name = m.rows[r].name;
    let year = name.year;
    match name.rule {
        "post" => {
            let j = PostIx(name.a);
            let post = s.post(j);
            let candidates: Vec<String> =
                s.people_ix().filter(|&(p, _)| !f.hold(p, j, year).is_empty()).map(|(_, person)| person.id.clone()).collect();
            let text = format!(
                "post {} ({}, {}) must be filled in {year} and is left empty: its {} eligible candidate(s) ({}) are needed by the other rules in conflict; the others are excluded ({})",
                post.id,
                post.title,
                s.unit(post.unit).name,
                candidates.len(),
                candidates.join(", "),
                f.why_nobody(j, year)
            );
            Conflict {
                group: 0,
                rule: Some("vacancy".into()),
                year: Some(year),
                text,
                people: candidates,
                posts: vec![post.id.clone()],
                shown: true,
            }
        }
        "require" => describe_pin(s, PersonIx(name.a), PostIx(name.b), year),
        "person" => {
            let p = PersonIx(name.a);
            let mut posts: Vec<String> = f.holds_in_year(p, year).iter().map(|&(j, _)| s.post(j).id.clone()).collect();
            posts.dedup();
            let who = crate::rules::who(s, p);
            let text = format!(
                "{who} must hold a post in {year} (keep-posted) and is left without one: the {} post(s) open to them ({}) are needed by the other rules in conflict",
                posts.len(),
                posts.join(", ")
            );
            Conflict {
                group: 0,
                rule: Some("keep-posted".into()),
                year: Some(year),
                text,
                people: vec![s.person(p).id.clone()],
                posts,
                shown: true,
            }
        }
        rule => {
            if let Some((id, text)) = f.rules.iter().find_map(|r| Some((r.id(), r.describe_row(s, name)?))) {
                let (people, posts) = people_posts(s, m.row_terms(r).map(|(c, _)| m.cols[c.0 as usize].name));
                return Conflict { group: 0, rule: Some(id.into()), year: Some(year), text, people, posts, shown: true };
            }
            let in_row = m.row_terms(r).map(|(c, _)| m.cols[c.0 as usize].name);
            let (people, posts) = people_posts(s, in_row);
            let held: Vec<String> = {
                let taken = m.row_terms(r).filter(|(c, _)| x[c.0 as usize] > 0.5).map(|(c, _)| m.cols[c.0 as usize].name);
                people_posts(s, taken).0
            };
            let text = format!(
                "the hard {rule} rule in {year} cannot be met (officials concerned: {}; posts: {}{})",
                if people.is_empty() { "none".into() } else { people.join(", ") },
                if posts.is_empty() { "none".into() } else { posts.join(", ") },
                if held.is_empty() { String::new() } else { format!("; the least violation keeps {}", held.join(", ")) }
            );
            Conflict { group: 0, rule: Some(rule.into()), year: Some(year), text, people, posts, shown: true }
        }
    }
}

/// A required hold: a pin (`pins.csv`, `--pin`, a runner-up's), or a hold of a published
/// plan in a frozen year (`replan`).
fn describe_pin(s: &Scenario, p: PersonIx, j: PostIx, y: i32) -> Conflict {
    let (who, what) = (crate::rules::who(s, p), crate::rules::what(s, j));
    let pinned =
        s.pins.iter().any(|pin| (pin.person, pin.post, pin.year, pin.action) == (p, j, y, crate::scenario::PinAction::Fix));
    let frozen = s.reference.as_ref().filter(|r| r.frozen_through.is_some_and(|f| y <= f) && r.plan.post(s, p, y) == Some(j));
    let (rule, text) = match (pinned, frozen) {
        (false, Some(r)) => (
            "replan",
            format!(
                "{} (frozen through {}) has {who} in {what} in {y}, which cannot be kept",
                r.file.display(),
                r.frozen_through.unwrap_or(y)
            ),
        ),
        _ => ("pins", format!("the pin of {who} to {what} in {y} cannot be kept")),
    };
    Conflict {
        group: 0,
        rule: Some(rule.into()),
        year: Some(y),
        text,
        people: vec![s.person(p).id.clone()],
        posts: vec![s.post(j).id.clone()],
        shown: true,
    }
}

#[cfg(test)]
mod tests {
    use crate::error::Error;
    use crate::policy::Strength;
    use crate::scenario::{Pin, PinAction};
    use crate::testkit::{try_solve, Builder};

    /// Two conflicts that have nothing to do with each other: A (grade 3) pinned to Q1
    /// leaves must-fill P1 (grade 3) empty, and B (grade 5) pinned to Q2 leaves must-fill P2
    /// (grade 5) empty. Each set names its own post and pin, and nothing of the other: the
    /// deletion filter drops what a set does not need.
    #[test]
    fn independent_conflicts_come_as_minimal_sets() {
        let mut b = Builder::new(2027, 1);
        let (p1, q1) = (b.post("P1", 3), b.post("Q1", 3));
        let (p2, q2) = (b.post("P2", 5), b.post("Q2", 5));
        let a = b.person("A", 3, None, 2020);
        let bb = b.person("B", 5, None, 2020);
        let mut s = b.build();
        s.posts[p1.0 as usize].must_fill = true;
        s.posts[p2.0 as usize].must_fill = true;
        s.policy.vacancy.must_fill = Strength::Hard;
        s.pins.push(Pin { person: a, post: q1, year: 2027, action: PinAction::Fix });
        s.pins.push(Pin { person: bb, post: q2, year: 2027, action: PinAction::Fix });
        let Err(Error::Infeasible(found)) = try_solve(&s) else { panic!("expected a conflict") };
        let set = |g: usize| -> Vec<(Option<&str>, Vec<&str>, Vec<&str>)> {
            let mut v: Vec<_> = found
                .iter()
                .filter(|c| c.group == g)
                .map(|c| {
                    (
                        c.rule.as_deref(),
                        c.people.iter().map(String::as_str).collect(),
                        c.posts.iter().map(String::as_str).collect(),
                    )
                })
                .collect();
            v.sort();
            v
        };
        let mut sets = vec![set(1), set(2)];
        sets.sort();
        assert_eq!(found.len(), 4, "{found:#?}");
        assert_eq!(
            sets,
            [
                vec![(Some("pins"), vec!["A"], vec!["Q1"]), (Some("vacancy"), vec!["A"], vec!["P1"])],
                vec![(Some("pins"), vec!["B"], vec!["Q2"]), (Some("vacancy"), vec!["B"], vec!["P2"])],
            ],
            "{found:#?}"
        );
    }
}

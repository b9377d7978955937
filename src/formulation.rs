//! The model. Two kinds of binaries, created only for eligible arcs:
//!
//! - `x[p, c, y]`: person `p` still holds their current post `c` in year `y`. The current
//!   post is held for a prefix of the horizon: `x[p, c, y] ≤ x[p, c, y−1]`.
//! - `z[p, j, a]`: person `p` takes up post `j` in year `a` and holds it for the stint
//!   `a..=b` that follows: to the end of the eligible run of years from `a`, shortened where
//!   a rule caps a stint ([`Rule::stint_cost`] returns `None` for a stint it forbids); and,
//!   where officials may move more than once, a second column holding it for exactly the
//!   minimum stay, after which the official moves on.
//!
//! Holding is linear in them: `hold(p, j, y) = x[p, j, y]` for the current post, and
//! `Σ_{a ≤ y ≤ b(a)} z[p, j, a]` otherwise. Structural rows:
//!
//! - one post per person and year: `Σ_j hold(p, j, y) ≤ 1`;
//! - one holder per post and year: `Σ_p hold(p, j, y) ≤ 1`;
//! - the moves of a person: `m[p] = Σ_{j, a} z[p, j, a]`, `0 ≤ m[p] ≤ [stability]
//!   max_moves` (unbounded at 0); with more than one move, at most one stint per person in
//!   each group of posts of one unit and grade (one post, without the desk-swap rule): a
//!   second would be a desk swap or the same post taken up twice; and a stint cut to the
//!   minimum stay is followed by a next post the year after (`moves-on`).
//!
//! A move is a `z`, so tenure counts, move costs and early departures are costs on single
//! columns rather than rows linking consecutive years: the model has a few rows per person,
//! post and year, whatever the number of eligible arcs (see `docs/formulation.md`). The
//! assignment rows stay open until every rule has encoded itself, so that rules can turn
//! them into equations with priced slacks (`vacancy`, `keep-posted`).

use crate::eligibility::{by_first_exclusion, why_not, Eligibility};
use crate::mip::{Col, ColName, Model, RowName};
use crate::plan::Plan;
use crate::rules::{Arc, Rule};
use crate::scenario::{PersonIx, PostIx, Scenario};
use std::collections::{BTreeMap, HashMap};

/// A stint column: `p` takes up `post` in `first` and holds it through `last`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stint {
    /// Who.
    pub person: PersonIx,
    /// Which post.
    pub post: PostIx,
    /// First year held.
    pub first: i32,
    /// Last year held.
    pub last: i32,
    /// Its column.
    pub col: Col,
    /// Whether it is the minimum stay cut short of the longest stint from `first`, after
    /// which the official moves on (only where officials may move more than once).
    pub moves_on: bool,
}

/// A row still open for additions.
#[derive(Debug, Clone)]
pub struct OpenRow {
    /// Lower bound.
    pub lb: f64,
    /// Upper bound.
    pub ub: f64,
    /// Terms (the holding columns first).
    pub terms: Vec<(Col, f64)>,
}

impl OpenRow {
    fn at_most_one() -> OpenRow {
        OpenRow { lb: f64::NEG_INFINITY, ub: 1.0, terms: Vec::new() }
    }
}

/// A model under construction, with the indices rules need to add to it.
#[derive(Clone)]
pub struct Formulation<'a> {
    /// The scenario.
    pub s: &'a Scenario,
    /// The rules in force.
    pub rules: &'a [Box<dyn Rule>],
    /// The model.
    pub model: Model,
    /// Hard-rule conflicts found while building (the model is then infeasible).
    pub conflicts: Vec<String>,
    /// `x[p, c, y]` per person and year (`None` once the current post is left for good).
    current: Vec<Option<Col>>,
    /// Every stint column, grouped by person.
    pub stints: Vec<Stint>,
    /// Per person, their range in `stints`.
    stint_range: Vec<std::ops::Range<usize>>,
    /// Per person, the column counting their moves (`None` without any possible move).
    pub moves: Vec<Option<Col>>,
    /// Slacks of soft rows that column generation prices as it prices moves, so that such a
    /// row weighs on pricing's LPs as its hard form would until a dual says that breaking it
    /// pays: those of rows that seldom bind (`stay-term`'s). In every LP from the start,
    /// they steered pricing to another working set, whose quick plan was worse (the district
    /// with `max_moves = 0`: 14 s to the proof against 4.7 s); the slacks of the rows that
    /// often bind (`team-balance`, `continuity`) are better in from the start (priced, the
    /// city took 57 s against 49 s).
    pub priced_slacks: Vec<Col>,
    /// Per person and year: (post, column) of every column that holds a post then.
    person_year: Vec<Vec<(PostIx, Col)>>,
    person_rows: Vec<OpenRow>,
    post_rows: Vec<OpenRow>,
    /// Per post, the person holding it now (before the horizon).
    incumbent: Vec<Option<PersonIx>>,
    /// Stint columns by (post, last year held).
    ending: HashMap<(PostIx, i32), Vec<(PersonIx, Col)>>,
}

fn row(rule: &'static str, a: u32, b: u32, year: i32) -> RowName {
    RowName { rule, a, b, year }
}

impl<'a> Formulation<'a> {
    /// Builds the structure over `elig` and lets every rule encode itself.
    pub fn build(s: &'a Scenario, rules: &'a [Box<dyn Rule>], elig: &Eligibility) -> Formulation<'a> {
        let years = s.years as usize;
        let mut f = Formulation {
            s,
            rules,
            model: Model::default(),
            conflicts: Vec::new(),
            current: vec![None; s.people.len() * years],
            stints: Vec::with_capacity(elig.arcs()),
            priced_slacks: Vec::new(),
            moves: vec![None; s.people.len()],
            stint_range: vec![0..0; s.people.len()],
            person_year: vec![Vec::new(); s.people.len() * years],
            person_rows: vec![OpenRow::at_most_one(); s.people.len() * years],
            post_rows: vec![OpenRow::at_most_one(); s.posts.len() * years],
            incumbent: vec![None; s.posts.len()],
            ending: HashMap::new(),
        };
        for (p, person) in s.people_ix() {
            if let Some(c) = person.current_post {
                f.incumbent[c.0 as usize] = Some(p);
            }
        }
        f.model.cols.reserve(elig.arcs() + s.people.len() * years * 2);
        for (p, options) in elig.options.iter().enumerate() {
            let p = PersonIx(p as u32);
            let first = f.stints.len();
            let mut moves = Vec::new();
            for &(j, mask) in options {
                if s.person(p).current_post == Some(j) {
                    f.add_current(p, j, mask);
                } else {
                    moves.extend(f.add_stints(p, j, mask).into_iter().map(|c| (c, 1.0)));
                }
            }
            f.stint_range[p.0 as usize] = first..f.stints.len();
            if !moves.is_empty() {
                // m[p] = Σ z[p, ·, ·] ≤ max_moves: the person's number of moves, a continuous
                // column that carries per-move costs so the binaries need not.
                let most = match s.policy.stability.max_moves {
                    0 => f64::INFINITY,
                    n => n as f64,
                };
                let count = f.model.add_col(0.0, most, 0.0, false, ColName::Aux("moves", p.0, 0, 0));
                moves.push((count, -1.0));
                f.model.add_row(0.0, 0.0, moves, row("moves", p.0, 0, 0));
                f.moves[p.0 as usize] = Some(count);
                if most > 1.0 {
                    f.one_stint_per_group(p);
                    f.moves_on_to_a_next_post(p);
                }
            }
        }
        for st in &f.stints {
            f.ending.entry((st.post, st.last)).or_default().push((st.person, st.col));
        }
        for r in rules {
            r.encode(&mut f);
        }
        for (name, open) in [("person", std::mem::take(&mut f.person_rows)), ("post", std::mem::take(&mut f.post_rows))] {
            for (k, r) in open.into_iter().enumerate().filter(|(_, r)| r.terms.len() > 1 || (r.terms.len() == 1 && r.lb > 0.0)) {
                f.model.add_row(r.lb, r.ub, r.terms, row(name, (k / years) as u32, 0, s.start_year + (k % years) as i32));
            }
        }
        f
    }

    fn slot(&self, p: PersonIx, year: i32) -> usize {
        p.0 as usize * self.s.years as usize + (year - self.s.start_year) as usize
    }

    fn post_slot(&self, j: PostIx, year: i32) -> usize {
        j.0 as usize * self.s.years as usize + (year - self.s.start_year) as usize
    }

    /// Records that `col` holds `j` for `p` in `year`.
    fn holds(&mut self, p: PersonIx, j: PostIx, year: i32, col: Col) {
        let (k, m) = (self.slot(p, year), self.post_slot(j, year));
        self.person_year[k].push((j, col));
        self.person_rows[k].terms.push((col, 1.0));
        self.post_rows[m].terms.push((col, 1.0));
    }

    /// The current post over its eligible prefix (eligibility keeps only the prefix).
    fn add_current(&mut self, p: PersonIx, c: PostIx, mask: u32) {
        let s = self.s;
        let mut before: Option<Col> = None;
        for (t, y) in s.years().enumerate().filter(|(t, _)| mask & (1 << t) != 0) {
            let a = Arc { person: p, post: c, year: y };
            let cost = self.rules.iter().map(|r| r.arc_cost(s, a)).sum();
            let x = self.model.add_binary(cost, ColName::Hold(p, c, y));
            if let Some(b) = before {
                self.model.add_row(f64::NEG_INFINITY, 0.0, [(x, 1.0), (b, -1.0)], row("prefix", p.0, c.0, y));
            }
            self.current[p.0 as usize * s.years as usize + t] = Some(x);
            self.holds(p, c, y, x);
            before = Some(x);
        }
    }

    /// At most one stint of `p` per group of posts (one unit and grade, or one post without
    /// the desk-swap rule): with one move per person the move count says it already.
    fn one_stint_per_group(&mut self, p: PersonIx) {
        let s = self.s;
        let key = |j: PostIx| match s.policy.exchange.same_unit {
            crate::policy::Strength::Hard => (s.post(j).unit.0, s.post(j).grade, u32::MAX),
            _ => (u32::MAX, 0, j.0),
        };
        // Per group: its stints, the earliest end of one the official leaves before the
        // horizon ends (not retiring), and the latest start.
        type Group = (Vec<(Col, f64)>, i32, i32);
        let mut groups: BTreeMap<(u32, i32, u32), Group> = BTreeMap::new();
        let retire = s.person(p).retire_year;
        for st in &self.stints[self.stint_range[p.0 as usize].clone()] {
            let g = groups.entry(key(st.post)).or_insert((Vec::new(), i32::MAX, i32::MIN));
            g.0.push((st.col, 1.0));
            if st.last < s.end_year() && st.last + 1 < retire {
                g.1 = g.1.min(st.last);
            }
            g.2 = g.2.max(st.first);
        }
        let posts_of = |k: &(u32, i32, u32)| if k.2 == u32::MAX { k.0 } else { k.2 };
        // Only where one stint of the group can follow another.
        for (k, (terms, ..)) in groups.into_iter().filter(|(_, g)| g.1 < g.2) {
            let r = row(crate::mip::cliques::ONE_STINT_ROW, p.0, posts_of(&k), k.1);
            self.model.add_row(f64::NEG_INFINITY, 1.0, terms, r);
        }
    }

    /// A stint cut to the minimum stay is followed by the official's next post the year
    /// after: per year `e` that such stints of `p` end in, `Σ z[moves on, ending e] ≤ Σ
    /// z[taken up in e + 1]`. Without it an official taken up within the horizon could be
    /// dropped for no post after the minimum stay, where with one move a post taken up is
    /// held to the end of its longest stint (the horizon, retirement, or where a rule caps
    /// it): the model's restriction that a post taken up is not left early by choice.
    fn moves_on_to_a_next_post(&mut self, p: PersonIx) {
        let stints = self.stints_of(p);
        let mut ends: BTreeMap<i32, Vec<(Col, f64)>> = BTreeMap::new();
        for st in stints.iter().filter(|st| st.moves_on) {
            ends.entry(st.last).or_default().push((st.col, 1.0));
        }
        let rows: Vec<_> = ends
            .into_iter()
            .map(|(e, mut terms)| {
                terms.extend(stints.iter().filter(|st| st.first == e + 1).map(|st| (st.col, -1.0)));
                (terms, row("moves-on", p.0, 0, e + 1))
            })
            .collect();
        for (terms, name) in rows {
            self.model.add_row(f64::NEG_INFINITY, 0.0, terms, name);
        }
    }

    /// One stint column per eligible first year (two where the official may move on after
    /// the minimum stay); returns the columns.
    fn add_stints(&mut self, p: PersonIx, j: PostIx, mask: u32) -> Vec<Col> {
        let s = self.s;
        let eligible = |y: i32| mask & (1 << (y - s.start_year)) != 0;
        let mut cols = Vec::new();
        // Per-year arc costs, once per pair.
        let arc_cost: Vec<f64> = s
            .years()
            .map(|y| {
                if eligible(y) {
                    self.rules.iter().map(|r| r.arc_cost(s, Arc { person: p, post: j, year: y })).sum()
                } else {
                    0.0
                }
            })
            .collect();
        let minimum = s.policy.tenure_min.years.max(1) as i32;
        for first in s.years().filter(|&y| eligible(y)) {
            let run_end = (first..=s.end_year()).take_while(|&y| eligible(y)).last().unwrap_or(first);
            let cost_of =
                |last: i32| self.rules.iter().try_fold(0.0, |acc, r| r.stint_cost(s, p, j, first, last).map(|c| acc + c));
            // The longest stint from `first` that no rule forbids.
            let Some((last, cost)) = (first..=run_end).rev().find_map(|last| cost_of(last).map(|c| (last, c))) else {
                continue;
            };
            let mut lasts = vec![(last, cost, false)];
            // With more than one move, also the minimum stay, then a move on.
            let short = first + minimum - 1;
            if s.policy.stability.max_moves != 1 && !s.post(j).temporary && short < last {
                lasts.extend(cost_of(short).map(|c| (short, c, true)));
            }
            for (last, cost, moves_on) in lasts {
                let t = |y: i32| (y - s.start_year) as usize;
                let arcs: f64 = arc_cost[t(first)..=t(last)].iter().sum();
                let z = self.model.add_binary(cost + arcs, ColName::Entry(p, j, first, last));
                for y in first..=last {
                    self.holds(p, j, y, z);
                }
                self.stints.push(Stint { person: p, post: j, first, last, col: z, moves_on });
                cols.push(z);
            }
        }
        cols
    }

    /// How many of `posts` their holder of `year − 1` leaves in `year` (without retiring
    /// then), as `constant + Σ coef·col`: per post, `x[c, y−1] − x[c, y]` for the incumbent
    /// (`1 − x[c, y]` in the first year) plus the stints in it that end in `year − 1`.
    /// Matches [`Plan::departures`].
    pub fn departures(&self, posts: &[PostIx], year: i32) -> (f64, Vec<(Col, f64)>) {
        let (mut constant, mut terms) = (0.0, Vec::new());
        for &j in posts {
            constant += self.departure(j, year, &mut terms);
        }
        (constant, terms)
    }

    /// One post of [`Formulation::departures`]: pushes its terms, returns its constant.
    fn departure(&self, j: PostIx, year: i32, terms: &mut Vec<(Col, f64)>) -> f64 {
        let s = self.s;
        let mut constant = 0.0;
        if let Some(p) = self.incumbent[j.0 as usize].filter(|&p| year < s.person(p).retire_year) {
            let before = if year == s.start_year { None } else { self.current(p, year - 1) };
            if year == s.start_year || before.is_some() {
                match before {
                    Some(b) => terms.push((b, 1.0)),
                    None => constant = 1.0,
                }
                terms.extend(self.current(p, year).map(|x| (x, -1.0)));
            }
        }
        if year <= s.end_year() {
            let ending = self.ending.get(&(j, year - 1)).into_iter().flatten();
            terms.extend(ending.filter(|(p, _)| year < s.person(*p).retire_year).map(|&(_, z)| (z, 1.0)));
        }
        constant
    }

    /// The stint columns of `p`.
    pub fn stints_of(&self, p: PersonIx) -> &[Stint] {
        &self.stints[self.stint_range[p.0 as usize].clone()]
    }

    /// `x[p, c, y]` for the current post `c` of `p`, if eligible.
    pub fn current(&self, p: PersonIx, year: i32) -> Option<Col> {
        if !(self.s.start_year..=self.s.end_year()).contains(&year) {
            return None;
        }
        self.current[self.slot(p, year)]
    }

    /// The columns whose sum says whether `p` holds `j` in `year` (empty: never).
    pub fn hold(&self, p: PersonIx, j: PostIx, year: i32) -> Vec<Col> {
        if !(self.s.start_year..=self.s.end_year()).contains(&year) {
            return Vec::new();
        }
        self.person_year[self.slot(p, year)].iter().filter(|&&(k, _)| k == j).map(|&(_, c)| c).collect()
    }

    /// The (post, column) pairs holding some post for `p` in `year`.
    pub fn holds_in_year(&self, p: PersonIx, year: i32) -> &[(PostIx, Col)] {
        &self.person_year[self.slot(p, year)]
    }

    /// The one-holder row of a post-year, open for slacks and bounds until the build ends.
    pub fn post_row(&mut self, j: PostIx, year: i32) -> &mut OpenRow {
        let k = self.post_slot(j, year);
        &mut self.post_rows[k]
    }

    /// The one-post row of a person-year, open for slacks and bounds until the build ends.
    pub fn person_row(&mut self, p: PersonIx, year: i32) -> &mut OpenRow {
        let k = self.slot(p, year);
        &mut self.person_rows[k]
    }

    /// Requires `p` to hold `j` in `year`; `false` if no column can make it so.
    pub fn require_hold(&mut self, p: PersonIx, j: PostIx, year: i32) -> bool {
        match self.hold(p, j, year).as_slice() {
            [] => false,
            [c] => {
                self.model.raise_lb(*c, 1.0);
                true
            }
            cols => {
                let terms: Vec<_> = cols.iter().map(|&c| (c, 1.0)).collect();
                self.model.add_row(1.0, f64::INFINITY, terms, row("require", p.0, j.0, year));
                true
            }
        }
    }

    /// Why `p` cannot hold `j` in `year`.
    pub fn why_not(&self, a: Arc) -> String {
        let reasons = why_not(self.s, self.rules, a);
        if reasons.is_empty() {
            return "no stint of the post covering that year meets every hard rule".into();
        }
        reasons.into_iter().map(|(id, why)| format!("{id}: {why}")).collect::<Vec<_>>().join("; ")
    }

    /// Why nobody may hold `j` in `year`: how many people each rule excludes.
    pub fn why_nobody(&self, j: PostIx, year: i32) -> String {
        let people = self.s.people_ix().map(|(p, _)| (p, Arc { person: p, post: j, year }));
        let (_, excluded) = by_first_exclusion(self.s, self.rules, people);
        excluded.into_iter().map(|(id, who)| format!("{id} excludes {}", who.len())).collect::<Vec<_>>().join(", ")
    }

    /// The plan a column assignment describes.
    pub fn plan_of(&self, x: &[f64]) -> Plan {
        let s = self.s;
        let mut plan = Plan::empty(s);
        for (p, person) in s.people_ix() {
            for (t, y) in s.years().enumerate() {
                if self.current(p, y).is_some_and(|c| x[c.0 as usize] > 0.5) {
                    plan.holds[p.0 as usize][t] = person.current_post;
                }
            }
        }
        for st in self.stints.iter().filter(|st| x[st.col.0 as usize] > 0.5) {
            for y in st.first..=st.last {
                plan.holds[st.person.0 as usize][(y - s.start_year) as usize] = Some(st.post);
            }
        }
        plan
    }

    /// The binary columns a plan sets, as a start for the solver: `(column, value)` for
    /// every `x` and `z`; `None` if the plan uses a stint that is not a column.
    pub fn start_of(&self, plan: &Plan) -> Option<Vec<(Col, f64)>> {
        let s = self.s;
        let mut out = Vec::new();
        for (p, person) in s.people_ix() {
            for y in s.years() {
                if let Some(c) = self.current(p, y) {
                    out.push((c, if plan.post(s, p, y) == person.current_post { 1.0 } else { 0.0 }));
                }
            }
        }
        let mut used = 0;
        for st in &self.stints {
            let held = |y: i32| plan.post(s, st.person, y) == Some(st.post);
            let taken = held(st.first) && !held(st.first - 1) && held(st.last) && (st.last == s.end_year() || !held(st.last + 1));
            used += taken as usize;
            out.push((st.col, if taken { 1.0 } else { 0.0 }));
        }
        let moves = s
            .people_ix()
            .map(|(p, _)| plan.years().filter(|&y| plan.post(s, p, y).is_some_and(|j| plan.post(s, p, y - 1) != Some(j))).count())
            .sum::<usize>();
        (moves == used).then_some(out)
    }

    /// A plan as a point of the model: [`Formulation::start_of`]'s columns at their values,
    /// every other column (slacks and counts) at 0.
    pub fn point_of(&self, plan: &Plan) -> Option<Vec<f64>> {
        let mut x = vec![0.0; self.model.cols.len()];
        self.start_of(plan)?.into_iter().for_each(|(c, v)| x[c.0 as usize] = v);
        Some(x)
    }
}

//! The model: one binary `x[p, j, y]` per eligible arc, the structural rows every plan
//! obeys, and whatever each rule adds.
//!
//! Structure (rules add the rest):
//! - one post per person and year: `Σ_j x[p, j, y] ≤ 1`;
//! - one holder per post and year: `Σ_p x[p, j, y] ≤ 1` (a rule may raise the lower bound);
//! - the current post is held for a prefix of the horizon: `x[p, c, y] ≤ x[p, c, y−1]`;
//! - any other post is taken up at most once (one stint): entries `e[p, j, y] ≥ x[p, j, y]
//!   − x[p, j, y−1]` (continuous; equal to `x` where the year before has no arc) and
//!   `Σ_y e[p, j, y] ≤ 1`.

use crate::eligibility::{why_not, Eligibility};
use crate::mip::{Col, ColName, Model, RowId, RowName};
use crate::rules::{Arc, Rule};
use crate::scenario::{PersonIx, PostIx, Scenario};
use std::collections::{BTreeMap, HashMap};

/// A model under construction, with the indices rules need to add to it.
pub struct Formulation<'a> {
    /// The scenario.
    pub s: &'a Scenario,
    /// The rules in force.
    pub rules: &'a [Box<dyn Rule>],
    /// The model.
    pub model: Model,
    /// Hard-rule conflicts found while building (the model is then infeasible).
    pub conflicts: Vec<String>,
    hold: HashMap<Arc, Col>,
    entry: HashMap<Arc, Col>,
    person_year: Vec<Vec<(PostIx, Col)>>,
    post_year: Vec<Option<RowId>>,
}

fn row(rule: &'static str, a: u32, b: u32, year: i32) -> RowName {
    RowName { rule, a, b, year }
}

impl<'a> Formulation<'a> {
    /// Builds the structure over `elig` and lets every rule encode itself.
    pub fn build(s: &'a Scenario, rules: &'a [Box<dyn Rule>], elig: &Eligibility) -> Formulation<'a> {
        let years = s.years as usize;
        let arcs = elig.arcs();
        let mut f = Formulation {
            s,
            rules,
            model: Model::default(),
            conflicts: Vec::new(),
            hold: HashMap::with_capacity(arcs),
            entry: HashMap::with_capacity(arcs),
            person_year: vec![Vec::new(); s.people.len() * years],
            post_year: vec![None; s.posts.len() * years],
        };
        f.model.cols.reserve(arcs * 2);
        let mut post_year: Vec<Vec<(Col, f64)>> = vec![Vec::new(); s.posts.len() * years];
        for (p, options) in elig.options.iter().enumerate() {
            let p = PersonIx(p as u32);
            for &(j, mask) in options {
                for (t, year) in s.years().enumerate().filter(|(t, _)| mask & (1 << t) != 0) {
                    let a = Arc { person: p, post: j, year };
                    let cost = rules.iter().map(|r| r.arc_cost(s, a)).sum();
                    let x = f.model.add_binary(cost, ColName::Hold(p, j, year));
                    f.hold.insert(a, x);
                    f.person_year[p.0 as usize * years + t].push((j, x));
                    post_year[j.0 as usize * years + t].push((x, 1.0));
                }
            }
        }
        for (k, xs) in f.person_year.clone().into_iter().enumerate().filter(|(_, xs)| xs.len() > 1) {
            let year = s.start_year + (k % years) as i32;
            f.model.add_row(
                f64::NEG_INFINITY,
                1.0,
                xs.into_iter().map(|(_, x)| (x, 1.0)),
                row("person", (k / years) as u32, 0, year),
            );
        }
        for (k, xs) in post_year.into_iter().enumerate().filter(|(_, xs)| !xs.is_empty()) {
            let year = s.start_year + (k % years) as i32;
            f.post_year[k] = Some(f.model.add_row(f64::NEG_INFINITY, 1.0, xs, row("post", (k / years) as u32, 0, year)));
        }
        for (p, options) in elig.options.iter().enumerate() {
            let p = PersonIx(p as u32);
            for &(j, _) in options {
                f.add_stints(p, j);
            }
        }
        for r in rules {
            r.encode(&mut f);
        }
        f
    }

    /// Current post: held for a prefix. Other posts: entries and one stint.
    fn add_stints(&mut self, p: PersonIx, j: PostIx) {
        let s = self.s;
        let current = s.person(p).current_post == Some(j);
        let mut entries = Vec::new();
        for y in s.years() {
            let Some(x) = self.x(p, j, y) else { continue };
            let before = self.x(p, j, y - 1);
            match (current, before) {
                (true, Some(b)) => {
                    self.model.add_row(f64::NEG_INFINITY, 0.0, [(x, 1.0), (b, -1.0)], row("prefix", p.0, j.0, y));
                }
                (true, None) => {}
                (false, None) => {
                    self.entry.insert(Arc { person: p, post: j, year: y }, x);
                    entries.push((x, 1.0));
                }
                (false, Some(b)) => {
                    let e = self.model.add_col(0.0, 1.0, 0.0, false, ColName::Entry(p, j, y));
                    self.model.add_row(0.0, f64::INFINITY, [(e, 1.0), (x, -1.0), (b, 1.0)], row("entry", p.0, j.0, y));
                    self.entry.insert(Arc { person: p, post: j, year: y }, e);
                    entries.push((e, 1.0));
                }
            }
        }
        if entries.len() > 1 {
            self.model.add_row(f64::NEG_INFINITY, 1.0, entries, row("stint", p.0, j.0, 0));
        }
    }

    /// The column of an arc, if it is eligible.
    pub fn x(&self, p: PersonIx, j: PostIx, year: i32) -> Option<Col> {
        self.hold.get(&Arc { person: p, post: j, year }).copied()
    }

    /// The entry column for taking up `j` in `year` (`x` itself where the year before has
    /// no arc); `None` for the current post and ineligible arcs.
    pub fn entry(&self, p: PersonIx, j: PostIx, year: i32) -> Option<Col> {
        self.entry.get(&Arc { person: p, post: j, year }).copied()
    }

    /// Every entry column, once.
    pub fn entries(&self) -> impl Iterator<Item = Col> + '_ {
        self.entry.values().copied()
    }

    /// The arcs of `p` in `year`.
    pub fn holds_in_year(&self, p: PersonIx, year: i32) -> &[(PostIx, Col)] {
        let t = (year - self.s.start_year) as usize;
        &self.person_year[p.0 as usize * self.s.years as usize + t]
    }

    /// The posts `p` has any arc to, in post order.
    pub fn posts_of(&self, p: PersonIx) -> Vec<PostIx> {
        let mut posts: Vec<PostIx> = self.s.years().flat_map(|y| self.holds_in_year(p, y).iter().map(|&(j, _)| j)).collect();
        posts.sort();
        posts.dedup();
        posts
    }

    /// The one-holder row of a post-year (absent when nobody is eligible).
    pub fn post_row(&self, j: PostIx, year: i32) -> Option<RowId> {
        self.post_year[j.0 as usize * self.s.years as usize + (year - self.s.start_year) as usize]
    }

    /// Why an arc is not in the model.
    pub fn why_not(&self, a: Arc) -> String {
        let reasons = why_not(self.s, self.rules, a);
        if reasons.is_empty() {
            return "no rule excludes it".into();
        }
        reasons.into_iter().map(|(id, why)| format!("{id}: {why}")).collect::<Vec<_>>().join("; ")
    }

    /// Why nobody may hold `j` in `year`: how many people each rule excludes.
    pub fn why_nobody(&self, j: PostIx, year: i32) -> String {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (p, _) in self.s.people_ix() {
            if let Some((id, _)) = why_not(self.s, self.rules, Arc { person: p, post: j, year }).into_iter().next() {
                *counts.entry(id).or_default() += 1;
            }
        }
        counts.into_iter().map(|(id, n)| format!("{id} excludes {n}")).collect::<Vec<_>>().join(", ")
    }

    /// The plan a column assignment describes.
    pub fn plan_of(&self, x: &[f64]) -> crate::plan::Plan {
        let mut plan = crate::plan::Plan::empty(self.s);
        for (a, c) in &self.hold {
            if x[c.0 as usize] > 0.5 {
                plan.holds[a.person.0 as usize][(a.year - self.s.start_year) as usize] = Some(a.post);
            }
        }
        plan
    }

    /// The hold columns set by a plan, as a sparse start (`(column, 1.0)` per held arc that
    /// exists in the model; other hold columns 0).
    pub fn start_of(&self, plan: &crate::plan::Plan) -> Vec<(Col, f64)> {
        let mut out = Vec::new();
        for (a, &c) in &self.hold {
            let held = plan.holds[a.person.0 as usize][(a.year - self.s.start_year) as usize] == Some(a.post);
            out.push((c, if held { 1.0 } else { 0.0 }));
        }
        out.sort_by_key(|&(c, _)| c);
        out
    }
}

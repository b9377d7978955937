//! The differences between two plans of one scenario, per official: who goes elsewhere,
//! who moves under one plan and stays under the other, who moves at another time. Used by
//! `rotaplan diff`, `compare` (each policy against the first), `replan` (against the
//! published plan) and `--alternatives`.

use crate::plan::Plan;
use crate::scenario::{PersonIx, PostIx, Scenario};
use serde::Serialize;
use std::fmt::Write;

/// How an official's path differs between plan A and plan B.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// Moves under A, keeps their post (or the reserve) throughout under B.
    MovesOnlyInA,
    /// Moves under B, keeps their post throughout under A.
    MovesOnlyInB,
    /// Moves under both, to other posts.
    GoesElsewhere,
    /// Moves under both to the same posts, in other years.
    AnotherTime,
}

impl DiffKind {
    /// In words, for tables.
    pub fn text(self) -> &'static str {
        match self {
            DiffKind::MovesOnlyInA => "moves only in A",
            DiffKind::MovesOnlyInB => "moves only in B",
            DiffKind::GoesElsewhere => "goes elsewhere",
            DiffKind::AnotherTime => "moves at another time",
        }
    }
}

/// One official whose plan differs.
#[derive(Debug, Clone, Serialize)]
pub struct PersonDiff {
    /// Person id.
    pub person_id: String,
    /// Name (the id in a redacted scenario).
    pub name: String,
    /// How it differs.
    pub kind: DiffKind,
    /// Their path under A: `P1 2027–2028, P2 2029–2031` (`reserve` for years without a
    /// post).
    pub a: String,
    /// Their path under B.
    pub b: String,
    /// The years held differently.
    pub years: Vec<i32>,
}

/// The differences between two plans.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    /// Person-years held differently.
    pub person_years: usize,
    /// The officials concerned, by kind then id.
    pub people: Vec<PersonDiff>,
}

/// An official's path through the plan's years: runs of one post.
pub fn path(s: &Scenario, plan: &Plan, p: PersonIx) -> String {
    let mut runs: Vec<(Option<PostIx>, i32, i32)> = Vec::new();
    for y in plan.years() {
        let j = plan.post(s, p, y);
        match runs.last_mut() {
            Some(last) if last.0 == j => last.2 = y,
            _ => runs.push((j, y, y)),
        }
    }
    let label = |j: Option<PostIx>| j.map_or("reserve".to_string(), |j| s.post(j).id.clone());
    let runs: Vec<String> = runs
        .iter()
        .map(|&(j, a, b)| if a == b { format!("{} {a}", label(j)) } else { format!("{} {a}–{b}", label(j)) })
        .collect();
    runs.join(", ")
}

/// Whether `p` changes post (or leaves or takes one) in some year of `plan`, retirement aside.
fn moves(s: &Scenario, plan: &Plan, p: PersonIx) -> bool {
    plan.years().any(|y| plan.post(s, p, y) != plan.post(s, p, y - 1) && y < s.person(p).retire_year)
}

/// The differences between plans `a` and `b` of `s`.
pub fn diff(s: &Scenario, a: &Plan, b: &Plan) -> Diff {
    let mut people = Vec::new();
    let mut person_years = 0;
    for (p, person) in s.people_ix() {
        let years: Vec<i32> = a.years().filter(|&y| a.post(s, p, y) != b.post(s, p, y)).collect();
        if years.is_empty() {
            continue;
        }
        person_years += years.len();
        let posts = |plan: &Plan| {
            let mut v: Vec<PostIx> = plan.years().filter_map(|y| plan.post(s, p, y)).collect();
            v.sort();
            v.dedup();
            v
        };
        let kind = match (moves(s, a, p), moves(s, b, p)) {
            (true, false) => DiffKind::MovesOnlyInA,
            (false, true) => DiffKind::MovesOnlyInB,
            _ if posts(a) == posts(b) => DiffKind::AnotherTime,
            _ => DiffKind::GoesElsewhere,
        };
        people.push(PersonDiff {
            person_id: person.id.clone(),
            name: person.name.clone(),
            kind,
            a: path(s, a, p),
            b: path(s, b, p),
            years,
        });
    }
    people.sort_by(|x, y| (x.kind, &x.person_id).cmp(&(y.kind, &y.person_id)));
    Diff { person_years, people }
}

impl Diff {
    /// A Markdown table, `a` and `b` naming the two plans.
    pub fn markdown(&self, a: &str, b: &str) -> String {
        let mut out = format!(
            "{} official(s), {} person-year(s) differ between {a} (A) and {b} (B).\n\n",
            self.people.len(),
            self.person_years
        );
        if self.people.is_empty() {
            return out;
        }
        let _ = writeln!(out, "| official | how | under A | under B |\n|---|---|---|---|");
        for d in &self.people {
            let who = if d.name == d.person_id { d.person_id.clone() } else { format!("{} ({})", d.person_id, d.name) };
            let _ = writeln!(out, "| {who} | {} | {} | {} |", d.kind.text(), d.a, d.b);
        }
        out
    }

    /// The same as CSV: `person_id, name, how, a, b, years`.
    pub fn csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["person_id", "name", "how", "a", "b", "years"]).expect("in memory");
        for d in &self.people {
            let years: Vec<String> = d.years.iter().map(i32::to_string).collect();
            w.write_record([&d.person_id, &d.name, d.kind.text(), &d.a, &d.b, &years.join(" ")]).expect("in memory");
        }
        String::from_utf8(w.into_inner().expect("in memory")).expect("UTF-8 in, UTF-8 out")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::Builder;

    #[test]
    fn each_kind_of_difference_is_named() {
        let mut b = Builder::new(2027, 3);
        let (j1, j2, j3) = (b.post("P1", 3), b.post("P2", 3), b.post("P3", 3));
        let x = b.person("X", 3, Some(j1), 2020);
        let y = b.person("Y", 3, Some(j2), 2020);
        let z = b.person("Z", 3, Some(j3), 2020);
        let w = b.person("W", 3, None, 2020);
        let s = b.build();
        let mut a = Plan::empty(&s);
        a.holds[x.0 as usize] = vec![Some(j1), Some(j2), Some(j2)]; // X moves in 2028
        a.holds[y.0 as usize] = vec![Some(j2), Some(j1), Some(j1)];
        a.holds[z.0 as usize] = vec![Some(j3); 3];
        let mut bb = a.clone();
        bb.holds[x.0 as usize] = vec![Some(j1), Some(j1), Some(j2)]; // X moves in 2029 instead
        bb.holds[y.0 as usize] = vec![Some(j2); 3]; // Y stays
        bb.holds[z.0 as usize] = vec![Some(j3), None, Some(j1)]; // Z moves only in B
        a.holds[w.0 as usize] = vec![None, None, Some(j3)]; // W is appointed to P3 …
        bb.holds[w.0 as usize] = vec![None, None, Some(j2)]; // … or to P2
        let d = diff(&s, &a, &bb);
        let kinds: Vec<_> = d.people.iter().map(|p| (p.person_id.as_str(), p.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("Y", DiffKind::MovesOnlyInA),
                ("Z", DiffKind::MovesOnlyInB),
                ("W", DiffKind::GoesElsewhere),
                ("X", DiffKind::AnotherTime)
            ]
        );
        assert_eq!(d.person_years, 2 + 2 + 1 + 1);
        assert_eq!(d.people[0].a, "P2 2027, P1 2028–2029");
        assert_eq!(d.people[1].b, "P3 2027, reserve 2028, P1 2029");
        let md = d.markdown("a", "b");
        assert!(md.contains("| moves only in A | P2 2027, P1 2028–2029 | P2 2027–2029 |"), "{md}");
        assert!(diff(&s, &a, &a).people.is_empty());
    }
}

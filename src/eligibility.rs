//! Eligibility: which (person, post, year) arcs exist at all. An arc excluded by a hard
//! rule never becomes a column, which keeps the model sparse; the reason for any exclusion
//! is rebuilt on demand ([`why_not`]) from the rule that made it, so nothing is stored per
//! excluded arc.

use crate::rules::{Arc, Rule};
use crate::scenario::{PersonIx, PostIx, Scenario};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// One person's options and exclusion counts per rule.
type PersonOptions = (Vec<(PostIx, u32)>, Vec<u64>);

/// The eligible arcs of a scenario.
#[derive(Debug, Clone)]
pub struct Eligibility {
    /// First planned year.
    pub start_year: i32,
    /// Per person, in post order: each post with at least one eligible year, and the
    /// eligible years as a bit mask (bit `t` = year `start_year + t`).
    pub options: Vec<Vec<(PostIx, u32)>>,
    /// Per rule id, the number of (person, post, year) arcs it excluded first.
    pub excluded: Vec<(&'static str, u64)>,
}

impl Eligibility {
    /// Evaluates every rule's exclusions for every person, post and year.
    pub fn new(s: &Scenario, rules: &[Box<dyn Rule>]) -> Eligibility {
        let years = s.years as usize;
        assert!(years <= 32, "the horizon is validated to at most 20 years");
        let per_person: Vec<PersonOptions> =
            (0..s.people.len() as u32).into_par_iter().map(|p| person_options(s, rules, PersonIx(p))).collect();
        let mut totals = vec![0u64; rules.len()];
        let options = per_person
            .into_iter()
            .map(|(o, c)| {
                totals.iter_mut().zip(c).for_each(|(t, c)| *t += c);
                o
            })
            .collect();
        let excluded = rules.iter().zip(totals).map(|(r, n)| (r.id(), n)).collect();
        Eligibility { start_year: s.start_year, options, excluded }
    }

    /// Whether the arc exists.
    pub fn is_eligible(&self, p: PersonIx, j: PostIx, year: i32) -> bool {
        let t = year - self.start_year;
        let opts = &self.options[p.0 as usize];
        (0..32).contains(&t) && opts.binary_search_by_key(&j, |o| o.0).is_ok_and(|k| opts[k].1 & (1 << t) != 0)
    }

    /// Number of eligible arcs.
    pub fn arcs(&self) -> usize {
        self.options.iter().flatten().map(|(_, m)| m.count_ones() as usize).sum()
    }
}

/// `p`'s options (each post with at least one eligible year, in post order, and those
/// years as a bit mask) and, per rule, the arcs of `p` it excluded first.
fn person_options(s: &Scenario, rules: &[Box<dyn Rule>], p: PersonIx) -> PersonOptions {
    let years = s.years as usize;
    let current = s.person(p).current_post;
    let mut counts = vec![0u64; rules.len()];
    let mut options = Vec::new();
    // Posts outside a rule's scope are excluded by it without being visited.
    let mut scope: Option<Vec<PostIx>> = None;
    for (r, rule) in rules.iter().enumerate() {
        if let Some(posts) = rule.scope(s, p) {
            let before = scope.as_ref().map_or(s.posts.len(), Vec::len);
            let narrowed = match scope {
                None => posts,
                Some(prev) => prev.into_iter().filter(|j| posts.binary_search(j).is_ok()).collect(),
            };
            counts[r] += ((before - narrowed.len()) * years) as u64;
            scope = Some(narrowed);
        }
    }
    let scope = scope.unwrap_or_else(|| s.posts_ix().map(|(j, _)| j).collect());
    for j in scope {
        if let Some(r) = rules.iter().position(|r| r.excludes_pair(s, p, j)) {
            counts[r] += years as u64;
            continue;
        }
        let mut mask = 0u32;
        for (t, year) in s.years().enumerate() {
            match rules.iter().position(|r| r.excludes(s, Arc { person: p, post: j, year })) {
                Some(r) => counts[r] += 1,
                None => mask |= 1 << t,
            }
        }
        if current == Some(j) {
            // The current post, once left, is not taken up again: keep the leading run of
            // eligible years only.
            mask &= !(mask + 1) & ((1 << years) - 1);
        }
        if mask != 0 {
            options.push((j, mask));
        }
    }
    (options, counts)
}

/// `p`'s options, as [`Eligibility::options`] has them, without evaluating anyone else's.
pub fn options_of(s: &Scenario, rules: &[Box<dyn Rule>], p: PersonIx) -> Vec<(PostIx, u32)> {
    person_options(s, rules, p).0
}

/// Every rule that excludes the arc, with its reason (empty when eligible).
pub fn why_not(s: &Scenario, rules: &[Box<dyn Rule>], a: Arc) -> Vec<(&'static str, String)> {
    let mut out: Vec<_> = rules
        .iter()
        .filter(|r| r.excludes_pair(s, a.person, a.post) || r.excludes(s, a))
        .map(|r| (r.id(), r.exclusion_reason(s, a)))
        .collect();
    let person = s.person(a.person);
    if out.is_empty() && person.current_post == Some(a.post) {
        let left = s.years().take_while(|&y| y < a.year).find(|&y| !why_not(s, rules, Arc { year: y, ..a }).is_empty());
        if let Some(y) = left {
            out.push(("structure", format!("left the current post in {y} and does not take it up again")));
        }
    }
    out
}

/// Splits `arcs` (each tagged with what it stands for: a person, a post) into the eligible
/// ones and the others, grouped by the first rule that excludes each ([`why_not`]).
pub fn by_first_exclusion<T>(
    s: &Scenario,
    rules: &[Box<dyn Rule>],
    arcs: impl IntoIterator<Item = (T, Arc)>,
) -> (Vec<T>, BTreeMap<&'static str, Vec<T>>) {
    let (mut eligible, mut excluded) = (Vec::new(), BTreeMap::<&'static str, Vec<T>>::new());
    for (tag, a) in arcs {
        match why_not(s, rules, a).first() {
            None => eligible.push(tag),
            Some(&(rule, _)) => excluded.entry(rule).or_default().push(tag),
        }
    }
    (eligible, excluded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::Builder;

    #[test]
    fn current_post_years_are_a_prefix_and_reasons_are_rebuilt() {
        let mut b = Builder::new(2027, 3);
        let j = b.post("P1", 3);
        let p = b.person("A", 3, Some(j), 2020);
        b.s.pins.push(crate::scenario::Pin { person: p, post: j, year: 2028, action: crate::scenario::PinAction::Forbid });
        let s = b.build();
        let rules = crate::rules::all(&s);
        let e = Eligibility::new(&s, &rules);
        assert_eq!(e.options[p.0 as usize], vec![(j, 0b001)]);
        assert_eq!(e.excluded.iter().find(|(id, _)| *id == "pins").unwrap().1, 1);
        let why = why_not(&s, &rules, Arc { person: p, post: j, year: 2029 });
        assert_eq!(why[0].0, "structure");
        assert!(why_not(&s, &rules, Arc { person: p, post: j, year: 2028 })[0].1.contains("pinned"));
    }
}

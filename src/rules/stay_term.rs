//! Stay through a term (DOMAIN.md: "at most 1 move per term for special work need"): the
//! holder of a term post (a `head` post, with `heads_only`, of a unit with a re-election
//! year) serves through the term. Leaving one by choice in a year that is not its unit's
//! re-election year (mid-term) is the one adjustment a term allows: every two such
//! mid-term moves of one official less than a term apart (`[even-pace] term_years`, the
//! re-election cycle), earlier ones in `history.csv` included, cost `weight` (soft, the
//! default: a post that must be filled may call for the second) or are not allowed (hard).
//! Never counted, because not by choice: leaving when staying would break a hard rule (the
//! stay is not an eligible arc, or the stint could not be longer), and retiring. Temporary
//! posts are `[temporary]`'s.
//!
//! Model: per official and year `y`, the mid-term departures by choice `dep(y)`: from the
//! current post `x[c, y−1] − x[c, y]` (where `x[c, y]` is an arc), from a post taken up
//! within the horizon the stints cut to the minimum stay (the official moves on) that end in
//! `y − 1`. The current post is left once, and before any stint, so a pair of years less
//! than a term apart has its second move from a stint taken up after the first:
//! `dep(y′) + Σ stints(y, taken up from y′ on) ≤ 1`; and
//! `dep(y) ≤ 0` after a mid-term move in history (soft: plus a slack priced `weight`, at
//! most 1, which column generation prices in as it does moves: the row seldom binds). With
//! one move an official (`[stability] max_moves = 1`) no stint moves on, so only history
//! can pair with a move.

use super::{finding, limit_row, what, who, Arc, Finding, Rule};
use crate::formulation::Formulation;
use crate::mip::{Col, RowName};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Role, Scenario};
use std::collections::{BTreeMap, HashMap};

/// Term posts are held through the term.
pub struct StayTerm {
    /// Mid-term moves in `history.csv` before the horizon, and re-planning, in the published
    /// plan's frozen years, per official: `(year left, post)`.
    history: HashMap<PersonIx, Vec<(i32, PostIx)>>,
}

/// Whether `j` is a term post: its unit has re-elections (and it is a head post, with
/// `heads_only`); never a temporary posting.
fn term_post(s: &Scenario, j: PostIx) -> bool {
    let (st, post) = (&s.policy.stay_term, s.post(j));
    st.strength != Strength::Off
        && !post.temporary
        && (!st.heads_only || post.role == Role::Head)
        && s.unit(post.unit).reelection_year.is_some()
}

/// Whether leaving term post `j` in `year` is leaving it mid-term.
fn mid_term(s: &Scenario, j: PostIx, year: i32) -> bool {
    term_post(s, j) && !super::even_pace::reelection(s, j, year)
}

/// Years in a term.
fn term(s: &Scenario) -> i32 {
    s.policy.even_pace.term_years as i32
}

impl StayTerm {
    /// The mid-term moves in `history.csv`: the end of each unbroken run in a term post, left
    /// before the horizon in a year that is not its unit's re-election year (a run that joins
    /// the current post's is not left); and re-planning, those of the published plan in its
    /// frozen years.
    pub fn new(s: &Scenario) -> StayTerm {
        let mut history: HashMap<PersonIx, Vec<(i32, PostIx)>> = HashMap::new();
        for ((p, j), runs) in super::history_runs(s).into_iter().filter(|((_, j), _)| term_post(s, *j)) {
            let person = s.person(p);
            for (_, b) in runs {
                let joins_current = person.current_post == Some(j) && b + 1 >= person.post_since.unwrap_or(i32::MAX);
                if b + 1 < s.start_year && !joins_current && mid_term(s, j, b + 1) {
                    history.entry(p).or_default().push((b + 1, j));
                }
            }
        }
        // Re-planning, the frozen years of the published plan are history too: its mid-term
        // moves there were made, and a later one pairs with them. (In the plan they are not
        // by choice, since staying is no longer an arc.)
        if let Some((r, last)) = s.reference.as_ref().and_then(|r| Some((r, r.frozen_through?))) {
            for (p, person) in s.people_ix() {
                for y in s.years().filter(|&y| y <= last && y < person.retire_year) {
                    let left = r.plan.post(s, p, y - 1).filter(|&j| r.plan.post(s, p, y) != Some(j) && mid_term(s, j, y));
                    if let Some(j) = left {
                        history.entry(p).or_default().push((y, j));
                    }
                }
            }
        }
        // In order, whatever the map's: the model's rows follow it.
        history.values_mut().for_each(|v| v.sort());
        StayTerm { history }
    }

    /// `p`'s mid-term moves by choice in `plan`, `(year left, post left)`, where another one
    /// (in the plan or in history) could pair with them; `rules` is built on first use.
    fn moves(&self, s: &Scenario, plan: &Plan, p: PersonIx, rules: &mut Option<Vec<Box<dyn Rule>>>) -> Vec<(i32, PostIx)> {
        let retire = s.person(p).retire_year;
        let left = plan.years().filter(|&y| y < retire).filter_map(|y| {
            plan.post(s, p, y - 1).filter(|&j| plan.post(s, p, y) != Some(j) && mid_term(s, j, y)).map(|j| (y, j))
        });
        let left: Vec<_> = left.collect();
        if left.len() + self.history.get(&p).map_or(0, Vec::len) < 2 {
            return Vec::new();
        }
        let rules = rules.get_or_insert_with(|| super::all(s));
        // By choice: another year in the post was open to them.
        let open = |&(y, j): &(i32, PostIx)| {
            let first = y - plan.run_length(s, p, y - 1);
            crate::eligibility::why_not(s, rules, Arc { person: p, post: j, year: y }).is_empty()
                && (first < s.start_year
                    || rules.iter().try_fold((), |_, r| r.stint_cost(s, p, j, first, y).map(|_| ())).is_some())
        };
        left.into_iter().filter(open).collect()
    }

    /// The earlier mid-term moves less than a term before one in `year`: in history, then in
    /// `moves` (the plan's, of the same official).
    fn earlier<'a>(
        &'a self,
        s: &'a Scenario,
        moves: &'a [(i32, PostIx)],
        p: PersonIx,
        year: i32,
    ) -> impl Iterator<Item = (i32, PostIx)> + 'a {
        let before = self.history.get(&p).into_iter().flatten().copied();
        before.chain(moves.iter().copied()).filter(move |&(y, _)| y < year && year - y < term(s))
    }
}

impl Rule for StayTerm {
    fn id(&self) -> &'static str {
        "stay-term"
    }

    fn describe_row(&self, s: &Scenario, row: RowName) -> Option<String> {
        (row.rule == "stay-term").then(|| {
            format!(
                "{} may not leave a term post mid-term in {} and again in {}, less than a {}-year term apart",
                who(s, PersonIx(row.a)),
                row.b,
                row.year,
                term(s)
            )
        })
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        let st = &s.policy.stay_term;
        if st.strength == Strength::Off {
            return;
        }
        for (p, person) in s.people_ix() {
            // The departures of each year as `constant + Σ terms`: from the current post (left
            // once), and from stints that move on (each after the current post is left).
            let mut current: BTreeMap<i32, (f64, Vec<(Col, f64)>)> = BTreeMap::new();
            if let Some(c) = person.current_post.filter(|&c| term_post(s, c)) {
                for y in s.years().filter(|&y| y < person.retire_year) {
                    let before = if y == s.start_year { None } else { f.current(p, y - 1) };
                    let (true, Some(x)) = (y == s.start_year || before.is_some(), f.current(p, y)) else {
                        break; // gone already, or staying breaks a hard rule: not by choice
                    };
                    if mid_term(s, c, y) {
                        let terms = before.map(|b| (b, 1.0)).into_iter().chain([(x, -1.0)]).collect();
                        current.insert(y, (if before.is_some() { 0.0 } else { 1.0 }, terms));
                    }
                }
            }
            // Per year left, `(first year, column)` of each stint.
            let mut stints: BTreeMap<i32, Vec<(i32, Col)>> = BTreeMap::new();
            for stint in f.stints_of(p).iter().filter(|t| t.moves_on) {
                let y = stint.last + 1;
                if y < person.retire_year && mid_term(s, stint.post, y) {
                    stints.entry(y).or_default().push((stint.first, stint.col));
                }
            }
            let history = self.history.get(&p).map_or(&[][..], Vec::as_slice);
            let dep = |y: i32| {
                let (constant, mut terms) = current.get(&y).cloned().unwrap_or_default();
                terms.extend(stints.get(&y).into_iter().flatten().map(|&(_, z)| (z, 1.0)));
                (constant, terms)
            };
            let mut row = |e: i32, y: i32, (constant, terms): (f64, Vec<(Col, f64)>)| {
                let name = RowName { rule: self.id(), a: p.0, b: e as u32, year: y };
                let over =
                    limit_row(f, st.strength, st.weight, name, constant, terms, 1.0, || unreachable!("a departure has a column"));
                // The row seldom binds: its slack is priced in when it pays, as moves are. At
                // most one over: each side is one departure at most.
                if let Some(c) = over {
                    f.model.cols[c.0 as usize].ub = 1.0;
                    f.priced_slacks.push(c);
                }
            };
            // After a mid-term move in history: none less than a term later.
            let years: std::collections::BTreeSet<i32> = current.keys().chain(stints.keys()).copied().collect();
            for &y in &years {
                for &(e, _) in history.iter().filter(|h| h.0 < y && y - h.0 < term(s)) {
                    let (constant, terms) = dep(y);
                    row(e, y, (constant + 1.0, terms));
                }
            }
            // Two in the horizon: the second from a stint taken up after the first.
            for (&y, later) in &stints {
                for &e in years.iter().filter(|&&e| e < y && y - e < term(s)) {
                    let (constant, mut terms) = dep(e);
                    let len = terms.len();
                    terms.extend(later.iter().filter(|&&(first, _)| first >= e).map(|&(_, z)| (z, 1.0)));
                    if terms.len() > len {
                        row(e, y, (constant, terms));
                    }
                }
            }
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let st = &s.policy.stay_term;
        if st.strength == Strength::Off {
            return;
        }
        let mut rules = None;
        for (p, _) in s.people_ix() {
            let moves = self.moves(s, plan, p, &mut rules);
            for &(y, j) in &moves {
                for (e, from) in self.earlier(s, &moves, p, y) {
                    let msg = format!(
                        "{} leaves {} mid-term in {y}, {} year(s) after leaving {} mid-term in {e} (one mid-term move in a {}-year term)",
                        who(s, p),
                        what(s, j),
                        y - e,
                        what(s, from),
                        term(s)
                    );
                    finding(out, self.id(), st.strength, st.weight, y, Some(p), Some(j), msg);
                }
            }
        }
    }

    /// Only where the move pairs with an earlier one: the one mid-term move a term allows
    /// needs no word.
    fn reason_to_leave(&self, s: &Scenario, plan: &Plan, p: PersonIx, from: PostIx, year: i32) -> Option<String> {
        if !mid_term(s, from, year) {
            return None;
        }
        let moves = self.moves(s, plan, p, &mut None);
        // A move of the published plan's frozen years says what it said there.
        let frozen = self.history.get(&p).is_some_and(|h| h.contains(&(year, from)));
        if !moves.contains(&(year, from)) && !frozen {
            return None;
        }
        let (e, _) = self.earlier(s, &moves, p, year).last()?;
        Some(format!("a second mid-term move, {} year(s) after one in {e} (one a {}-year term)", year - e, term(s)))
    }
}

#[cfg(test)]
mod tests {
    use crate::policy::Strength;
    use crate::scenario::{HistoryEntry, Pin, PinAction, PostIx, Reference, Role, Scenario};
    use crate::testkit::{findings, hard, plan_of, solve, Builder};

    /// Head posts C (county), K (other county) and M (prefecture), each unit re-elected in
    /// 2026 and 2031; the horizon 2027–2031.
    fn heads() -> (Builder, [PostIx; 3]) {
        let mut b = Builder::new(2027, 5);
        let posts = [("C", "U-county"), ("K", "U-other"), ("M", "U-pref")].map(|(id, unit)| b.post_in(id, unit, 3));
        for j in posts {
            b.s.posts[j.0 as usize].role = Role::Head;
            let u = b.s.posts[j.0 as usize].unit.0 as usize;
            b.s.units[u].reelection_year = Some(2026);
        }
        (b, posts)
    }

    fn unit_of(s: &mut Scenario, j: PostIx) -> &mut crate::scenario::Unit {
        let u = s.posts[j.0 as usize].unit.0 as usize;
        &mut s.units[u]
    }

    /// Two mid-term moves less than a term apart break the rule; the near misses: the
    /// second in its unit's re-election year, from a post that is not a head post, or one
    /// forced (staying is forbidden); and the rule soft (the default), a finding at its
    /// weight.
    #[test]
    fn a_second_mid_term_move_within_a_term_is_not_allowed_unless_forced() {
        let (mut b, [c, k, m]) = heads();
        let a = b.person("A", 3, Some(c), 2022);
        b.s.policy.stability.max_moves = 0;
        b.s.policy.stay_term.strength = Strength::Hard;
        let s = b.build();
        let twice = plan_of(&s, &[(a, &[Some(k), Some(k), Some(k), Some(m), Some(m)])]);
        assert_eq!(hard(&s, &twice), vec!["stay-term 2030"]);
        let f = &findings(&s, &twice, "stay-term")[0];
        assert!(
            f.message.contains("leaves K") && f.message.contains("3 year(s) after leaving C") && f.message.contains("in 2027"),
            "{}",
            f.message
        );

        let mut at_reelection = s.clone();
        unit_of(&mut at_reelection, k).reelection_year = Some(2030);
        assert!(hard(&at_reelection, &twice).is_empty(), "near miss: K's term ends in 2029");
        let mut deputy = s.clone();
        deputy.posts[k.0 as usize].role = Role::Deputy;
        assert!(hard(&deputy, &twice).is_empty(), "near miss: K is not a term post");
        let mut forced = s.clone();
        forced.pins.push(Pin { person: a, post: k, year: 2030, action: PinAction::Forbid });
        assert!(hard(&forced, &twice).is_empty(), "near miss: staying in K in 2030 is forbidden");
        let once = plan_of(&s, &[(a, &[Some(k); 5])]);
        assert!(hard(&s, &once).is_empty(), "near miss: one mid-term move");

        let mut soft = s.clone();
        soft.policy.stay_term = Default::default();
        assert_eq!(soft.policy.stay_term.strength, Strength::Soft);
        let f = findings(&soft, &twice, "stay-term");
        assert_eq!((f.len(), f[0].penalty), (1, 40.0));
        assert!(hard(&soft, &twice).is_empty());
    }

    /// A mid-term move in `history.csv` counts: leaving C mid-term three years after leaving
    /// K mid-term breaks the rule; the near misses: K left seven years before, or in its
    /// re-election year.
    #[test]
    fn a_mid_term_move_in_history_counts() {
        let (mut b, [c, k, m]) = heads();
        let a = b.person("A", 3, Some(c), 2025);
        b.s.history.push(HistoryEntry { person: a, post: k, from_year: 2021, to_year: 2024 });
        b.s.policy.stay_term.strength = Strength::Hard;
        let s = b.build();
        let left = plan_of(&s, &[(a, &[Some(c), Some(m), Some(m), Some(m), Some(m)])]);
        assert_eq!(hard(&s, &left), vec!["stay-term 2028"]);
        assert!(crate::explain::explain(&s, &crate::rules::all(&s), &left)
            .iter()
            .any(|r| r.reason.contains("a second mid-term move, 3 year(s) after one in 2025")));

        let mut long_ago = s.clone();
        long_ago.history[0] = HistoryEntry { person: a, post: k, from_year: 2016, to_year: 2020 };
        assert!(hard(&long_ago, &left).is_empty(), "near miss: seven years apart");
        let mut at_end = s.clone();
        unit_of(&mut at_end, k).reelection_year = Some(2025);
        assert!(hard(&at_end, &left).is_empty(), "near miss: K's term ended in 2024");
    }

    /// The solver keeps the rule: must-fill K empty from 2027 and M from 2030, A in C the
    /// only one for either, and from 2030 B free for K. With the rule off the best plan
    /// moves A to K in 2027 and on to M in 2030, both mid-term; with it hard, or soft at a
    /// high weight, A makes one of the moves; with K re-elected in 2030, the near miss, both
    /// again. Re-planning that plan with its 2027 frozen, the frozen move counts.
    #[test]
    fn the_solver_makes_one_mid_term_move_a_term() {
        let (mut b, [c, k, m]) = heads();
        let a = b.person("A", 3, Some(c), 2020);
        let q = b.post_in("Q", "U-town", 2);
        b.person("B", 2, Some(q), 2026); // free for K from 2029, not for M (no party skill)
        let leaving_k = b.person("D", 3, Some(k), 2024);
        let leaving_m = b.person("E", 3, Some(m), 2024);
        b.s.people[leaving_k.0 as usize].retire_year = 2027;
        b.s.people[leaving_m.0 as usize].retire_year = 2030;
        b.s.people[leaving_m.0 as usize].audit_hold = true; // holds M to the end
        b.s.posts[m.0 as usize].domain = "party".into();
        b.s.people[a.0 as usize].skills.push(("party".into(), 2));
        for j in [k, m] {
            b.s.posts[j.0 as usize].must_fill = true;
        }
        b.s.policy.stability.max_moves = 0;
        b.s.policy.stay_term.strength = Strength::Off;
        let off = b.build();
        let both = [[Some(k); 3].as_slice(), &[Some(m); 2]].concat();
        assert_eq!(solve(&off).holds[a.0 as usize], both, "{:?}", solve(&off));

        let mut on = off.clone();
        on.policy.stay_term.strength = Strength::Hard;
        let planned = solve(&on);
        assert_ne!(planned.holds[a.0 as usize], both, "{planned:?}");
        assert!(findings(&on, &planned, "stay-term").is_empty());
        let mut soft = on.clone();
        soft.policy.stay_term.strength = Strength::Soft;
        soft.policy.stay_term.weight = 1000.0;
        assert_ne!(solve(&soft).holds[a.0 as usize], both);

        let mut reelected = on.clone();
        unit_of(&mut reelected, k).reelection_year = Some(2030);
        assert_eq!(solve(&reelected).holds[a.0 as usize], both, "near miss: leaving K at its re-election");

        // Re-planning the plan made with the rule off, 2027 frozen: A's move to K stands and
        // counts, so A stays in K; the published plan breaks the rule. With K re-elected in
        // 2030, the near miss, the published plan stands.
        let published = solve(&off);
        let reference =
            Reference { plan: published.clone(), file: "plan.csv".into(), frozen_through: Some(2027), published: true };
        let mut replanned = on.clone();
        replanned.reference = Some(reference.clone());
        assert_eq!(hard(&replanned, &published), vec!["stay-term 2030"]);
        let kept = solve(&replanned);
        assert_eq!(kept.holds[a.0 as usize], vec![Some(k); 5], "{kept:?}");
        assert!(findings(&replanned, &kept, "stay-term").is_empty());
        reelected.reference = Some(reference);
        assert_eq!(solve(&reelected).holds[a.0 as usize], both, "near miss: leaving K at its re-election");
    }

    /// Soft, the default, the rule yields to a post that must be filled, the "special work
    /// need" of DOMAIN.md's strong soft rule: A, in C since 2025 after leaving K mid-term,
    /// is the only official for must-fill M, and takes it in 2027, the move paid (40) and its
    /// reason saying so. The near miss: hard, A stays in C until 2030, a term after leaving
    /// K, and M is empty until then.
    #[test]
    fn the_soft_rule_yields_to_a_post_that_must_be_filled() {
        let (mut b, [c, k, m]) = heads();
        let a = b.person("A", 3, Some(c), 2025);
        b.s.history.push(HistoryEntry { person: a, post: k, from_year: 2021, to_year: 2024 });
        b.s.posts[m.0 as usize].must_fill = true;
        let soft = b.build();
        assert_eq!(soft.policy.stay_term.strength, Strength::Soft);
        let paid = solve(&soft);
        assert_eq!(paid.holds[a.0 as usize], vec![Some(m); 5], "{paid:?}");
        let f = findings(&soft, &paid, "stay-term");
        assert_eq!((f.len(), f[0].year, f[0].penalty), (1, 2027, 40.0), "{f:?}");
        assert!(crate::explain::explain(&soft, &crate::rules::all(&soft), &paid)
            .iter()
            .any(|r| r.reason.contains("a second mid-term move, 2 year(s) after one in 2025")));

        let mut hard = soft.clone();
        hard.policy.stay_term.strength = Strength::Hard;
        let kept = solve(&hard);
        assert_eq!(kept.holds[a.0 as usize], [[Some(c); 3].as_slice(), &[Some(m); 2]].concat(), "{kept:?}");
    }
}

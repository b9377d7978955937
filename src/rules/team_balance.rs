//! Team balance, per leadership team and year:
//!
//! - **churn**: at most `max(1, ⌊churn_share × posts⌋)` members new to the team (taking up
//!   one of its posts while their current post is outside it); each one more costs
//!   `churn_weight` (soft) or is not allowed (hard);
//! - **paired heads**: of the heads of a unit and of its paired unit (`pair_unit_id`; a
//!   unit with two heads, like a township's party secretary and township head, pairs with
//!   itself), at most one leaves in a year; each further departure costs `paired_weight`;
//! - **make-up** (soft, teams listed in `teams.csv`): at least one woman
//!   (`woman_weight` per team-year without), one member under `young_age`
//!   (`young_weight`), and for each domain listed for the team in `teams.csv` a member
//!   with skill `domain_level` in it (`domain_weight`);
//! - **age** (soft, listed teams): most members under `under_age`, i.e. at most
//!   `⌈posts / 2⌉ − 1` members of that age or older (`older_weight` per member beyond), and
//!   nobody older than `appointee_max_age` appointed to one of its posts (`age_weight` per
//!   appointment).
//!
//! Model: churn `Σ z[p, j, y] (j in the team, p's current post not) ≤ limit + over`;
//! paired heads `Σ departure(j, y) ≤ 1 + over` (see `Formulation::departures`); make-up
//! `Σ hold(p, j, y) (j in the team, p qualifies) + short ≥ 1`; age
//! `Σ hold(p, j, y) (j in the team, p of under_age or older) ≤ ⌈n/2⌉ − 1 + over`. One row
//! per team-year and goal, each with a priced continuous slack; an older appointee's
//! stint column carries `age_weight`.

use super::{finding, limit_row, what, who, Finding, Rule};
use crate::formulation::Formulation;
use crate::mip::{Col, ColName, RowName};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Role, Scenario, TeamIx};
use std::collections::HashMap;

/// Leadership teams: churn, paired heads, make-up.
pub struct TeamBalance {
    /// Posts per team.
    size: Vec<u32>,
    /// Groups of head posts (a unit's and its pair's) that should not all leave at once.
    head_groups: Vec<Vec<PostIx>>,
}

impl TeamBalance {
    /// Counts team sizes and groups head posts.
    pub fn new(s: &Scenario) -> TeamBalance {
        let mut size = vec![0; s.teams.len()];
        let mut heads = vec![Vec::new(); s.units.len()];
        for (j, post) in s.posts_ix() {
            size[post.team.0 as usize] += 1;
            if post.role == Role::Head {
                heads[post.unit.0 as usize].push(j);
            }
        }
        let mut head_groups = Vec::new();
        for (u, unit) in s.units.iter().enumerate() {
            let mut group = heads[u].clone();
            match unit.pair {
                Some(v) if (v.0 as usize) < u => continue, // the pair's group, built at v
                Some(v) => group.extend(&heads[v.0 as usize]),
                None => {}
            }
            if group.len() >= 2 {
                head_groups.push(group);
            }
        }
        TeamBalance { size, head_groups }
    }

    /// New members a team may take in a year.
    fn churn_limit(&self, s: &Scenario, t: TeamIx) -> u32 {
        ((s.policy.team_balance.churn_share * self.size[t.0 as usize] as f64 + 1e-9).floor() as u32).max(1)
    }

    /// Per year, the departures from each group of paired head posts where two or more of
    /// its heads leave then, in the group's post order (the check's finding, and
    /// `summary.md`'s "both heads of a place leave").
    pub fn paired_heads_leaving(&self, s: &Scenario, plan: &Plan) -> Vec<(i32, Vec<(PersonIx, PostIx)>)> {
        let mut out = Vec::new();
        for y in plan.years() {
            let leaving: Vec<(PersonIx, PostIx)> = plan.departures(s, y).collect();
            for group in &self.head_groups {
                let gone: Vec<_> = group.iter().filter_map(|&j| leaving.iter().find(|l| l.1 == j).copied()).collect();
                if gone.len() >= 2 {
                    out.push((y, gone));
                }
            }
        }
        out
    }

    fn makeup(&self, s: &Scenario, t: TeamIx) -> bool {
        s.teams[t.0 as usize].listed
    }

    /// Members of `under_age` or older a listed team may have: `⌈posts / 2⌉ − 1`.
    fn older_limit(&self, t: TeamIx) -> u32 {
        self.size[t.0 as usize].div_ceil(2).saturating_sub(1)
    }
}

/// Whether `p` is of `under_age` or older in `year`.
fn older(s: &Scenario, p: PersonIx, year: i32) -> bool {
    s.age(p, year) >= s.policy.team_balance.under_age
}

/// Whether `p` taking up `j` in `year` is an appointment to a listed team above
/// `appointee_max_age` (and priced).
fn old_appointee(s: &Scenario, p: PersonIx, j: PostIx, year: i32) -> bool {
    let tb = &s.policy.team_balance;
    tb.age_weight > 0.0 && s.teams[s.post(j).team.0 as usize].listed && s.age(p, year) > tb.appointee_max_age
}

/// Whether `p` is new to team `t` when taking up one of its posts.
fn newcomer(s: &Scenario, p: PersonIx, t: TeamIx) -> bool {
    s.person(p).current_post.is_none_or(|c| s.post(c).team != t)
}

/// The make-up goals of a team: `(label, weight, qualifies(person, year))`.
type Goal<'a> = (String, f64, Box<dyn Fn(PersonIx, i32) -> bool + 'a>);

fn goals<'a>(s: &'a Scenario, t: TeamIx) -> Vec<Goal<'a>> {
    let tb = &s.policy.team_balance;
    let mut out: Vec<Goal> = vec![
        ("no woman".into(), tb.woman_weight, Box::new(move |p, _| s.person(p).gender == crate::scenario::Gender::F)),
        (format!("nobody under {}", tb.young_age), tb.young_weight, Box::new(move |p, y| s.age(p, y) < tb.young_age)),
    ];
    for d in &s.teams[t.0 as usize].domains {
        let skilled = move |p: PersonIx, _| s.person(p).skills.iter().any(|(x, l)| x == d && *l >= tb.domain_level);
        out.push((format!("nobody skilled in {d}"), tb.domain_weight, Box::new(skilled)));
    }
    out.retain(|g| g.1 > 0.0);
    out
}

impl Rule for TeamBalance {
    fn id(&self) -> &'static str {
        "team-balance"
    }

    fn stint_cost(&self, s: &Scenario, p: PersonIx, j: PostIx, first: i32, _last: i32) -> Option<f64> {
        Some(if old_appointee(s, p, j, first) { s.policy.team_balance.age_weight } else { 0.0 })
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        let tb = &s.policy.team_balance;
        // Churn.
        if tb.churn_strength != Strength::Off {
            let mut entering: HashMap<(TeamIx, i32), Vec<(Col, f64)>> = HashMap::new();
            for st in &f.stints {
                let t = s.post(st.post).team;
                if newcomer(s, st.person, t) {
                    entering.entry((t, st.first)).or_default().push((st.col, 1.0));
                }
            }
            let mut keys: Vec<_> = entering.keys().copied().collect();
            keys.sort();
            for (t, y) in keys {
                let terms = entering.remove(&(t, y)).unwrap_or_default();
                let limit = self.churn_limit(s, t) as f64;
                let name = RowName { rule: "churn", a: t.0, b: 0, year: y };
                limit_row(f, tb.churn_strength, tb.churn_weight, name, 0.0, terms, limit, String::new);
            }
        }
        // Paired heads.
        if tb.paired_heads != Strength::Off {
            for (g, group) in self.head_groups.iter().enumerate() {
                for y in s.years() {
                    let (constant, terms) = f.departures(group, y);
                    let name = RowName { rule: "paired-heads", a: g as u32, b: 0, year: y };
                    let conflict = || {
                        let ids: Vec<_> = group.iter().map(|&j| s.post(j).id.as_str()).collect();
                        format!("heads {} must all leave in {y}, but at most one may", ids.join(", "))
                    };
                    limit_row(f, tb.paired_heads, tb.paired_weight, name, constant, terms, 1.0, conflict);
                }
            }
        }
        // Make-up.
        let mut members: HashMap<(TeamIx, i32), Vec<(Col, PersonIx)>> = HashMap::new();
        for (p, _) in s.people_ix() {
            for y in s.years() {
                for &(j, col) in f.holds_in_year(p, y) {
                    let t = s.post(j).team;
                    if self.makeup(s, t) {
                        members.entry((t, y)).or_default().push((col, p));
                    }
                }
            }
        }
        for t in (0..s.teams.len() as u32).map(TeamIx).filter(|&t| self.makeup(s, t)) {
            for (k, (_, weight, qualifies)) in goals(s, t).into_iter().enumerate() {
                for y in s.years() {
                    let cols = members.get(&(t, y)).map_or(&[][..], Vec::as_slice);
                    let mut terms: Vec<(Col, f64)> =
                        cols.iter().filter(|&&(_, p)| qualifies(p, y)).map(|&(c, _)| (c, 1.0)).collect();
                    if terms.is_empty() {
                        f.model.offset += weight;
                        continue;
                    }
                    let short = f.model.add_col(0.0, 1.0, weight, false, ColName::Aux("makeup", t.0, k as u32, y));
                    terms.push((short, 1.0));
                    f.model.add_row(1.0, f64::INFINITY, terms, RowName { rule: "makeup", a: t.0, b: k as u32, year: y });
                }
            }
            // Most members under `under_age`.
            if tb.older_weight > 0.0 {
                for y in s.years() {
                    let cols = members.get(&(t, y)).map_or(&[][..], Vec::as_slice);
                    let terms: Vec<(Col, f64)> = cols.iter().filter(|&&(_, p)| older(s, p, y)).map(|&(c, _)| (c, 1.0)).collect();
                    let name = RowName { rule: "older", a: t.0, b: 0, year: y };
                    let limit = self.older_limit(t) as f64;
                    limit_row(f, Strength::Soft, tb.older_weight, name, 0.0, terms, limit, String::new);
                }
            }
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let tb = &s.policy.team_balance;
        let team = |t: TeamIx| &s.teams[t.0 as usize].id;
        let paired = if tb.paired_heads == Strength::Off { Vec::new() } else { self.paired_heads_leaving(s, plan) };
        for y in plan.years() {
            // Churn.
            let mut new: HashMap<TeamIx, Vec<PersonIx>> = HashMap::new();
            for (p, _) in s.people_ix() {
                if let Some(j) = plan.taken_up(s, p, y).filter(|&j| newcomer(s, p, s.post(j).team)) {
                    new.entry(s.post(j).team).or_default().push(p);
                }
            }
            let mut teams: Vec<_> = new.into_iter().collect();
            teams.sort();
            for (t, people) in teams {
                let limit = self.churn_limit(s, t);
                let over = people.len() as u32 - limit.min(people.len() as u32);
                if over > 0 && tb.churn_strength != Strength::Off {
                    let msg = format!("team {} gets {} new members in {y} (at most {limit})", team(t), people.len());
                    finding(out, self.id(), tb.churn_strength, tb.churn_weight * over as f64, y, Some(people[0]), None, msg);
                }
            }
            // Paired heads.
            for (_, gone) in paired.iter().filter(|(year, _)| *year == y) {
                let names: Vec<_> = gone.iter().map(|&(p, _)| who(s, p)).collect();
                let msg = format!("heads {} leave paired posts in the same year", names.join(" and "));
                let w = tb.paired_weight * (gone.len() - 1) as f64;
                finding(out, self.id(), tb.paired_heads, w, y, Some(gone[0].0), Some(gone[0].1), msg);
            }
            // Make-up.
            let mut members: HashMap<TeamIx, Vec<PersonIx>> = HashMap::new();
            for (p, _) in s.people_ix() {
                if let Some(j) = plan.post(s, p, y) {
                    members.entry(s.post(j).team).or_default().push(p);
                }
            }
            for t in (0..s.teams.len() as u32).map(TeamIx).filter(|&t| self.makeup(s, t)) {
                let team_members = members.get(&t).map_or(&[][..], Vec::as_slice);
                for (label, weight, qualifies) in goals(s, t) {
                    if !team_members.iter().any(|&p| qualifies(p, y)) {
                        let msg = format!("team {} has {label} in {y}", team(t));
                        finding(out, self.id(), Strength::Soft, weight, y, None, None, msg);
                    }
                }
                // Most members under `under_age`.
                let n = team_members.iter().filter(|&&p| older(s, p, y)).count() as u32;
                let limit = self.older_limit(t);
                if n > limit && tb.older_weight > 0.0 {
                    let msg = format!(
                        "team {} has {n} members aged {} or older in {y} (at most {limit} of {} posts)",
                        team(t),
                        tb.under_age,
                        self.size[t.0 as usize]
                    );
                    finding(out, self.id(), Strength::Soft, tb.older_weight * (n - limit) as f64, y, None, None, msg);
                }
            }
            // Appointees at most `appointee_max_age`.
            for (p, _) in s.people_ix() {
                if let Some(j) = plan.taken_up(s, p, y).filter(|&j| old_appointee(s, p, j, y)) {
                    let msg = format!(
                        "{} (age {}) is appointed to {} of team {} in {y} (at most {})",
                        who(s, p),
                        s.age(p, y),
                        what(s, j),
                        team(s.post(j).team),
                        tb.appointee_max_age
                    );
                    finding(out, self.id(), Strength::Soft, tb.age_weight, y, Some(p), Some(j), msg);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::scenario::{Gender, Role, Team};
    use crate::testkit::{findings, plan_of, solve, Builder};

    #[test]
    fn at_most_a_third_of_a_team_is_new_in_one_year() {
        let mut b = Builder::new(2027, 1);
        let posts: Vec<_> = (0..3).map(|k| b.post(&format!("P{k}"), 3)).collect();
        let people: Vec<_> = (0..3).map(|k| b.person(&format!("A{k}"), 3, None, 0)).collect();
        b.s.policy.team_balance.woman_weight = 0.0;
        b.s.policy.team_balance.young_weight = 0.0;
        b.s.policy.team_balance.churn_weight = 20.0;
        let s = b.build();
        let rows: Vec<_> = posts.iter().map(|&j| [Some(j)]).collect();
        let all: Vec<_> = (0..3).map(|k| (people[k], &rows[k][..])).collect();
        let f = findings(&s, &plan_of(&s, &all), "team-balance");
        assert_eq!((f.len(), f[0].penalty), (1, 40.0), "three newcomers, one allowed");
        assert!(findings(&s, &plan_of(&s, &all[..1]), "team-balance").is_empty(), "near miss: one newcomer");
        let planned = solve(&s);
        let filled = planned.holds.iter().filter(|h| h[0].is_some()).count();
        assert_eq!(filled, 1, "a second newcomer costs more (20) than a vacancy (10)");
    }

    #[test]
    fn paired_heads_do_not_both_leave_and_teams_want_a_woman() {
        let mut b = Builder::new(2027, 1);
        let party = b.post_in("H1", "U-county", 5);
        let gov = b.post_in("H2", "U-other", 5);
        b.s.units[1].pair = Some(crate::scenario::UnitIx(2));
        b.s.units[2].pair = Some(crate::scenario::UnitIx(1));
        for j in [party, gov] {
            b.s.posts[j.0 as usize].role = Role::Head;
        }
        let (a, c) = (b.person("A", 5, Some(party), 2015), b.person("C", 5, Some(gov), 2015));
        let s = b.build();
        let both = plan_of(&s, &[(a, &[Some(gov)]), (c, &[Some(party)])]);
        assert_eq!(findings(&s, &both, "team-balance").len(), 1);
        let one = plan_of(&s, &[(a, &[None]), (c, &[Some(gov)])]);
        assert!(findings(&s, &one, "team-balance").is_empty(), "near miss: one head leaves");

        let mut b = Builder::new(2027, 1);
        let posts: Vec<_> = (0..3).map(|k| b.post(&format!("P{k}"), 3)).collect();
        let people: Vec<_> = (0..3).map(|k| b.person(&format!("A{k}"), 3, Some(posts[k]), 2024)).collect();
        let woman = b.person("W", 3, None, 0);
        b.s.people[woman.0 as usize].gender = Gender::F;
        b.s.people[woman.0 as usize].birth_year = 1960;
        b.s.teams[1] = Team { id: "U-county".into(), listed: true, domains: vec!["finance".into()] };
        b.s.policy.team_balance.young_weight = 0.0;
        let s = b.build();
        let rows: Vec<_> = posts.iter().map(|&j| [Some(j)]).collect();
        let now: Vec<_> = (0..3).map(|k| (people[k], &rows[k][..])).collect();
        let mut unlisted = s.clone();
        unlisted.teams[1].listed = false;
        assert!(findings(&unlisted, &plan_of(&s, &now), "team-balance").is_empty(), "near miss: goals for listed teams only");
        let f = findings(&s, &plan_of(&s, &now), "team-balance");
        let labels: Vec<_> = f.iter().map(|f| f.message.clone()).collect();
        assert_eq!(f.len(), 2, "no woman, nobody skilled in finance: {labels:?}");
        let _ = solve(&s);
    }

    /// A listed team of 4 posts may have 1 member of 50 or older; appointees are at most 52.
    #[test]
    fn most_members_under_fifty_and_appointees_at_most_fifty_two() {
        let mut b = Builder::new(2027, 1);
        let posts: Vec<_> = (0..4).map(|k| b.post(&format!("P{k}"), 3)).collect();
        let people: Vec<_> = (0..3).map(|k| b.person(&format!("A{k}"), 3, Some(posts[k]), 2024)).collect();
        let (old, older) = (b.person("O", 3, None, 0), b.person("Q", 3, None, 0));
        b.s.people[old.0 as usize].birth_year = 1975; // 52 in 2027
        b.s.people[older.0 as usize].birth_year = 1974; // 53
        b.s.people[people[0].0 as usize].birth_year = 1970; // 57, in post
        b.s.teams[1] = Team { id: "U-county".into(), listed: true, domains: Vec::new() };
        b.s.policy.team_balance.woman_weight = 0.0;
        b.s.policy.team_balance.young_weight = 0.0;
        let s = b.build();
        let rows: Vec<_> = posts.iter().map(|&j| [Some(j)]).collect();
        let mut held: Vec<_> = (0..3).map(|k| (people[k], &rows[k][..])).collect();
        // Near miss: one member of 50 or older (A0), nobody appointed.
        assert!(findings(&s, &plan_of(&s, &held), "team-balance").is_empty());
        // Hit: O (52) joins: two of 50 or older, one too many; appointed at 52 is fine.
        held.push((old, &rows[3][..]));
        let f = findings(&s, &plan_of(&s, &held), "team-balance");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].penalty, 3.0);
        assert!(f[0].message.contains("2 members aged 50 or older in 2027 (at most 1 of 4 posts)"), "{}", f[0].message);
        // Hit: Q (53) instead: also an appointee older than 52.
        held[3] = (older, &rows[3][..]);
        let f = findings(&s, &plan_of(&s, &held), "team-balance");
        let penalties: Vec<_> = f.iter().map(|f| f.penalty).collect();
        assert_eq!(penalties, [3.0, 5.0], "{f:?}");
        assert!(f[1].message.contains("(age 53) is appointed to P3"), "{}", f[1].message);
        // Planned: the vacancy (10) is worth filling, by O rather than Q.
        assert_eq!(solve(&s).holds[old.0 as usize], vec![Some(posts[3])]);
    }
}

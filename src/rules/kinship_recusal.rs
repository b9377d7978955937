//! Kinship recusal: related people (of the kinds the policy lists) never serve in the
//! same unit or leadership team, nor (with `supervision`) in a unit and the unit that
//! directly supervises it (`parent_unit_id`), nor one in a body serving an organ
//! (`serves_unit_id`: organization, personnel, discipline, audit, finance) whose head post
//! the other holds. Where two relatives' current posts conflict at the start, the
//! lower-ranked one moves (`who_moves = "lower"`): lower grade, then fewer years in post,
//! then the later person id.
//!
//! Model: for each related pair and year, and each unit `u` where the first relative may
//! serve, `Σ x[a, posts of u] + Σ x[b, posts conflicting with u] ≤ 1` (plus a shared
//! slack per pair-year when soft); teams that span several units get one more row each,
//! and so does each organ one relative may head with a serving body the other may join
//! (unless the unit rows already cover them). The lower-ranked relative's current post is
//! excluded (hard) or priced (soft) in the years the other has not retired.

use super::{finding, what, who, Arc, Finding, Rule};
use crate::formulation::Formulation;
use crate::mip::{ColName, RowName};
use crate::plan::Plan;
use crate::policy::{Strength, WhoMoves};
use crate::scenario::{Kinship, PersonIx, PostIx, Role, Scenario, TeamIx, UnitIx};
use std::cmp::Reverse;
use std::collections::BTreeMap;

/// Relatives in the same or a supervising unit, or over a body serving the other's organ.
pub struct KinshipRecusal {
    pairs: Vec<(PersonIx, PersonIx, Kinship)>,
    /// `(lower, higher)`: relatives whose current posts conflict at the start, the
    /// lower-ranked first (`who_moves = "lower"` only).
    movers: Vec<(PersonIx, PersonIx)>,
}

impl KinshipRecusal {
    /// The related pairs whose kind the policy counts, and who of them must move.
    pub fn new(s: &Scenario) -> KinshipRecusal {
        let kr = &s.policy.kinship_recusal;
        let pairs: Vec<_> = s.relations.iter().filter(|r| kr.kinds.contains(&r.kind)).map(|r| (r.a, r.b, r.kind)).collect();
        let mut movers = Vec::new();
        if kr.strength != Strength::Off && kr.who_moves == WhoMoves::Lower {
            for &(a, b, _) in &pairs {
                let (Some(j), Some(k)) = (s.person(a).current_post, s.person(b).current_post) else { continue };
                if posts_conflict(s, j, k) {
                    // Rank: grade, then years in post (an earlier `post_since`), then the
                    // earlier id; the lower rank moves.
                    let rank = |p: PersonIx| {
                        let person = s.person(p);
                        (person.grade, Reverse(person.post_since), Reverse(person.id.as_str()))
                    };
                    movers.push(if rank(a) < rank(b) { (a, b) } else { (b, a) });
                }
            }
        }
        KinshipRecusal { pairs, movers }
    }

    /// The higher-ranked relative because of whom `a.person` must leave their current
    /// post in `a.year`, if any.
    fn mover(&self, s: &Scenario, a: Arc) -> Option<PersonIx> {
        if self.movers.is_empty() || s.person(a.person).current_post != Some(a.post) {
            return None;
        }
        self.movers.iter().find(|&&(lo, hi)| lo == a.person && a.year < s.person(hi).retire_year).map(|&(_, hi)| hi)
    }
}

/// `lower-ranked relative of C007 moves (kinship recusal)`.
fn mover_text(s: &Scenario, higher: PersonIx) -> String {
    format!("lower-ranked relative of {} moves (kinship recusal)", s.person(higher).id)
}

/// Whether serving in units `u` and `v` conflicts (same unit, or one supervises the other).
fn units_conflict(s: &Scenario, u: UnitIx, v: UnitIx) -> bool {
    u == v || (s.policy.kinship_recusal.supervision && (s.unit(u).parent == Some(v) || s.unit(v).parent == Some(u)))
}

/// Whether `j` is a head post of unit `u`.
fn leads(s: &Scenario, j: PostIx, u: Option<UnitIx>) -> bool {
    let post = s.post(j);
    post.role == Role::Head && Some(post.unit) == u
}

/// Whether the holder of `j` works in a body serving the organ whose head post is `k`.
fn serves_led(s: &Scenario, j: PostIx, k: PostIx) -> bool {
    leads(s, k, s.unit(s.post(j).unit).serves)
}

/// Whether holding posts `j` and `k` at once conflicts.
fn posts_conflict(s: &Scenario, j: PostIx, k: PostIx) -> bool {
    let (pj, pk) = (s.post(j), s.post(k));
    pj.team == pk.team || units_conflict(s, pj.unit, pk.unit) || serves_led(s, j, k) || serves_led(s, k, j)
}

/// How the holder of `j` stands to a relative holding `k`: `spouse in the same unit`.
fn relation(s: &Scenario, kind: Kinship, j: PostIx, k: PostIx) -> String {
    let (pj, pk) = (s.post(j), s.post(k));
    let how = if pj.unit == pk.unit {
        "in the same unit"
    } else if pj.team == pk.team {
        "in the same team"
    } else if units_conflict(s, pj.unit, pk.unit) {
        "in a directly supervising unit"
    } else if serves_led(s, j, k) {
        "heads the organ this body serves"
    } else {
        "in a body serving this organ"
    };
    format!("{} {how}", kind.as_str().replace('_', " "))
}

impl Rule for KinshipRecusal {
    fn id(&self) -> &'static str {
        "kinship-recusal"
    }

    fn excludes(&self, s: &Scenario, a: Arc) -> bool {
        s.policy.kinship_recusal.strength == Strength::Hard && self.mover(s, a).is_some()
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        self.mover(s, a).map_or_else(|| "kinship recusal".into(), |hi| mover_text(s, hi))
    }

    fn arc_cost(&self, s: &Scenario, a: Arc) -> f64 {
        let kr = &s.policy.kinship_recusal;
        if kr.strength == Strength::Soft && self.mover(s, a).is_some() {
            kr.weight
        } else {
            0.0
        }
    }

    fn describe_row(&self, s: &Scenario, row: RowName) -> Option<String> {
        (row.rule == "kinship").then(|| {
            format!(
                "{} and {} are relatives and may not serve in the same unit, or one over the other, in {}",
                who(s, PersonIx(row.a)),
                who(s, PersonIx(row.b)),
                row.year
            )
        })
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        let kr = &s.policy.kinship_recusal;
        if kr.strength == Strength::Off {
            return;
        }
        let mut team_units: BTreeMap<TeamIx, Vec<UnitIx>> = BTreeMap::new();
        for post in &s.posts {
            let units = team_units.entry(post.team).or_default();
            if !units.contains(&post.unit) {
                units.push(post.unit);
            }
        }
        // Rows for a head of an organ and a relative in a body serving it, from one side.
        let serving_rows = |lead: &[(PostIx, crate::mip::Col)], other: &[(PostIx, crate::mip::Col)], rows: &mut Vec<Vec<_>>| {
            let mut heads: BTreeMap<UnitIx, Vec<_>> = BTreeMap::new();
            for &(j, x) in lead.iter().filter(|&&(j, _)| s.post(j).role == Role::Head) {
                heads.entry(s.post(j).unit).or_default().push((x, 1.0));
            }
            for (u, mut terms) in heads {
                let before = terms.len();
                // Posts in a unit conflicting with `u` are in `u`'s unit row already.
                terms.extend(
                    other
                        .iter()
                        .filter(|&&(k, _)| s.unit(s.post(k).unit).serves == Some(u) && !units_conflict(s, u, s.post(k).unit))
                        .map(|&(_, x)| (x, 1.0)),
                );
                if terms.len() > before {
                    rows.push(terms);
                }
            }
        };
        for (k, &(a, b, _)) in self.pairs.iter().enumerate() {
            for y in s.years() {
                let (xa, xb) = (f.holds_in_year(a, y).to_vec(), f.holds_in_year(b, y).to_vec());
                if xa.is_empty() || xb.is_empty() {
                    continue;
                }
                let mut groups: BTreeMap<UnitIx, Vec<_>> = BTreeMap::new();
                for &(j, x) in &xa {
                    groups.entry(s.post(j).unit).or_default().push((x, 1.0));
                }
                let mut rows: Vec<Vec<_>> = Vec::new();
                for (u, mut terms) in groups {
                    let before = terms.len();
                    terms.extend(xb.iter().filter(|&&(j, _)| units_conflict(s, u, s.post(j).unit)).map(|&(_, x)| (x, 1.0)));
                    if terms.len() > before {
                        rows.push(terms);
                    }
                }
                for t in team_units.iter().filter(|(_, units)| units.len() > 1).map(|(&t, _)| t) {
                    let in_team = |xs: &[(PostIx, crate::mip::Col)]| {
                        xs.iter().filter(|&&(j, _)| s.post(j).team == t).map(|&(_, x)| (x, 1.0)).collect::<Vec<_>>()
                    };
                    let (ta, tb) = (in_team(&xa), in_team(&xb));
                    if !ta.is_empty() && !tb.is_empty() {
                        rows.push(ta.into_iter().chain(tb).collect());
                    }
                }
                serving_rows(&xa, &xb, &mut rows);
                serving_rows(&xb, &xa, &mut rows);
                if rows.is_empty() {
                    continue;
                }
                let slack = (kr.strength == Strength::Soft)
                    .then(|| f.model.add_col(0.0, 1.0, kr.weight, false, ColName::Aux("kin", k as u32, 0, y)));
                for terms in rows {
                    let name = RowName { rule: "kinship", a: a.0, b: b.0, year: y };
                    f.model.add_row(f64::NEG_INFINITY, 1.0, terms.into_iter().chain(slack.map(|v| (v, -1.0))), name);
                }
            }
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let kr = &s.policy.kinship_recusal;
        for &(a, b, kind) in &self.pairs {
            for y in plan.years() {
                let (Some(j), Some(k)) = (plan.post(s, a, y), plan.post(s, b, y)) else { continue };
                if posts_conflict(s, j, k) {
                    let msg = format!(
                        "{} in {} and {} in {}: {}",
                        who(s, a),
                        what(s, j),
                        who(s, b),
                        what(s, k),
                        relation(s, kind, j, k)
                    );
                    finding(out, self.id(), kr.strength, kr.weight, y, Some(a), Some(j), msg);
                }
            }
        }
        for &(lo, hi) in &self.movers {
            let c = s.person(lo).current_post;
            for y in plan.years().filter(|&y| y < s.person(hi).retire_year && plan.post(s, lo, y) == c) {
                let msg = format!(
                    "{} stays in {} in {y}, but the lower-ranked of relatives whose posts conflict moves ({} ranks higher)",
                    who(s, lo),
                    c.map_or_else(String::new, |c| what(s, c)),
                    who(s, hi)
                );
                finding(out, self.id(), kr.strength, kr.weight, y, Some(lo), c, msg);
            }
        }
    }

    fn reason_to_leave(&self, s: &Scenario, plan: &Plan, p: PersonIx, from: PostIx, year: i32) -> Option<String> {
        if let Some(hi) = self.mover(s, Arc { person: p, post: from, year }) {
            return Some(mover_text(s, hi));
        }
        self.pairs.iter().find_map(|&(a, b, kind)| {
            let other = if a == p {
                b
            } else if b == p {
                a
            } else {
                return None;
            };
            let k = plan.post(s, other, year - 1)?;
            posts_conflict(s, from, k)
                .then(|| format!("kinship recusal: {} ({})", relation(s, kind, from, k), s.person(other).id))
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::policy::{Strength, WhoMoves};
    use crate::scenario::{Kinship, Relation, Role, UnitIx};
    use crate::testkit::{findings, hard, plan_of, solve, Builder};

    #[test]
    fn relatives_in_one_unit_or_a_supervising_unit_conflict_elsewhere_not() {
        let mut b = Builder::new(2027, 1);
        let county1 = b.post_in("P1", "U-county", 3);
        let county2 = b.post_in("P2", "U-county", 3);
        let town = b.post_in("P3", "U-town", 3); // U-town is supervised by U-county
        let other = b.post_in("P4", "U-other", 3);
        let a = b.person("A", 3, Some(county1), 2020);
        let c = b.person("B", 3, Some(county2), 2020);
        b.s.relations.push(Relation { a, b: c, kind: Kinship::Spouse });
        b.s.policy.kinship_recusal.who_moves = WhoMoves::Either; // the plan chooses who moves
        let s = b.build();
        let plan = |j, k| plan_of(&s, &[(a, &[Some(j)]), (c, &[Some(k)])]);
        assert_eq!(hard(&s, &plan(county1, county2)), vec!["kinship-recusal 2027"]);
        assert_eq!(hard(&s, &plan(county1, town)), vec!["kinship-recusal 2027"]);
        assert!(hard(&s, &plan(county1, other)).is_empty());
        assert!(hard(&s, &plan(other, county2)).is_empty(), "either may move");
        let planned = solve(&s);
        let (pa, pc) = (planned.holds[a.0 as usize][0], planned.holds[c.0 as usize][0]);
        assert!(pa == Some(other) || pc == Some(other), "{pa:?} {pc:?}");
        assert!(hard(&s, &planned).is_empty());

        // `lower`: equal grades and years in post, so the later id (B) moves.
        let mut lower = s.clone();
        lower.policy.kinship_recusal.who_moves = WhoMoves::Lower;
        assert_eq!(hard(&lower, &plan(other, county2)), vec!["kinship-recusal 2027"]);
        assert!(hard(&lower, &plan(county1, other)).is_empty(), "near miss: the lower-ranked one moved");
        assert_ne!(solve(&lower).holds[c.0 as usize], vec![Some(county2)]);
    }

    /// Nobody works in the organization, discipline, audit or finance body serving an organ
    /// a relative heads; the lower-ranked relative moves.
    #[test]
    fn no_relative_in_a_body_serving_the_organ_one_heads_and_the_lower_ranked_moves() {
        let mut b = Builder::new(2027, 2);
        let head = b.post_in("H", "U-county", 4);
        b.s.posts[head.0 as usize].role = Role::Head;
        let deputy = b.post_in("D", "U-county", 4);
        let body = b.post_in("B1", "U-other", 3); // U-other serves U-county; no supervision between them
        let elsewhere = b.post_in("E", "U-town", 3);
        b.s.units[2].serves = Some(UnitIx(1));
        b.s.policy.kinship_recusal.supervision = false;
        b.s.policy.even_pace.strength = Strength::Off; // else A moves too, to even out the years
        let a = b.person("A", 4, Some(head), 2024);
        let c = b.person("C", 3, Some(body), 2020);
        b.s.relations.push(Relation { a: c, b: a, kind: Kinship::InLaw });
        let s = b.build();
        let plan = |j, k| plan_of(&s, &[(a, &[Some(j), Some(j)]), (c, &[Some(k), Some(k)])]);
        // Hit: the head and a relative in the serving body (and C stays, though lower-ranked).
        let both = plan(head, body);
        let found = findings(&s, &both, "kinship-recusal");
        assert!(found.iter().any(|f| f.message.contains("in law heads the organ this body serves")), "{found:?}");
        assert_eq!(found.len(), 4, "a conflict and a stay per year: {found:?}");
        // Near miss: a deputy of the organ does not lead it; but C, lower in grade, still moves.
        assert_eq!(hard(&s, &plan(deputy, body)), vec!["kinship-recusal 2027", "kinship-recusal 2028"]);
        let mut either = s.clone();
        either.policy.kinship_recusal.who_moves = WhoMoves::Either;
        assert!(hard(&either, &plan(deputy, body)).is_empty(), "near miss: a deputy does not lead the organ");
        assert!(hard(&s, &plan(head, elsewhere)).is_empty(), "near miss: C works elsewhere");
        // Planned: C (grade 3) leaves the body, A (grade 4) stays head.
        let planned = solve(&s);
        assert_eq!(planned.holds[a.0 as usize], vec![Some(head), Some(head)]);
        assert_eq!(planned.holds[c.0 as usize], vec![Some(elsewhere), Some(elsewhere)]);
        let rules = crate::rules::all(&s);
        let row = crate::explain::explain(&s, &rules, &planned).into_iter().find(|r| r.person == c).unwrap();
        assert!(row.reason.contains("lower-ranked relative of A moves (kinship recusal)"), "{}", row.reason);
        // After the higher-ranked relative retires, the lower-ranked one may stay.
        let mut retiring = s.clone();
        retiring.people[a.0 as usize].retire_year = 2028;
        retiring.policy.tenure_min.years = 1; // C's year elsewhere is not a minimum stay
        retiring.policy.stability.max_moves = 2; // C moves away and back
        let stays = plan_of(&retiring, &[(a, &[Some(head), None]), (c, &[Some(elsewhere), Some(body)])]);
        assert!(hard(&retiring, &stays).is_empty());
        // Soft: the conflict and the stay are priced.
        let mut soft = s.clone();
        soft.policy.kinship_recusal.strength = Strength::Soft;
        let penalty: f64 = findings(&soft, &both, "kinship-recusal").iter().map(|f| f.penalty).sum();
        assert_eq!(penalty, 400.0);
        assert_eq!(solve(&soft).holds[c.0 as usize], vec![Some(elsewhere), Some(elsewhere)]);
    }
}

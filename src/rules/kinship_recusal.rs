//! Kinship recusal: related people (of the kinds the policy lists) never serve in the
//! same unit or leadership team, nor (with `supervision`) in a unit and the unit that
//! directly supervises it (`parent_unit_id`).
//!
//! Model: for each related pair and year, and each unit `u` where the first relative may
//! serve, `Σ x[a, posts of u] + Σ x[b, posts conflicting with u] ≤ 1` (plus a shared
//! slack per pair-year when soft); teams that span several units get one more row each.

use super::{finding, what, who, Finding, Rule};
use crate::formulation::Formulation;
use crate::mip::{ColName, RowName};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{Kinship, PersonIx, PostIx, Scenario, TeamIx, UnitIx};
use std::collections::BTreeMap;

/// Relatives in the same or a supervising unit.
pub struct KinshipRecusal {
    pairs: Vec<(PersonIx, PersonIx, Kinship)>,
}

impl KinshipRecusal {
    /// The related pairs whose kind the policy counts.
    pub fn new(s: &Scenario) -> KinshipRecusal {
        let kr = &s.policy.kinship_recusal;
        let pairs = s.relations.iter().filter(|r| kr.kinds.contains(&r.kind)).map(|r| (r.a, r.b, r.kind)).collect();
        KinshipRecusal { pairs }
    }
}

/// Whether serving in units `u` and `v` conflicts (same unit, or one supervises the other).
fn units_conflict(s: &Scenario, u: UnitIx, v: UnitIx) -> bool {
    u == v || (s.policy.kinship_recusal.supervision && (s.unit(u).parent == Some(v) || s.unit(v).parent == Some(u)))
}

/// Whether holding posts `j` and `k` at once conflicts.
fn posts_conflict(s: &Scenario, j: PostIx, k: PostIx) -> bool {
    let (pj, pk) = (s.post(j), s.post(k));
    pj.team == pk.team || units_conflict(s, pj.unit, pk.unit)
}

fn relation(s: &Scenario, kind: Kinship, j: PostIx, k: PostIx) -> String {
    let (pj, pk) = (s.post(j), s.post(k));
    let how = if pj.unit == pk.unit {
        "in the same unit"
    } else if pj.team == pk.team {
        "in the same team"
    } else {
        "in a directly supervising unit"
    };
    format!("{} {how}", kind.as_str().replace('_', " "))
}

impl Rule for KinshipRecusal {
    fn id(&self) -> &'static str {
        "kinship-recusal"
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
    }

    fn reason_to_leave(&self, s: &Scenario, plan: &Plan, p: PersonIx, from: PostIx, year: i32) -> Option<String> {
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
    use crate::scenario::{Kinship, Relation};
    use crate::testkit::{hard, plan_of, solve, Builder};

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
        let s = b.build();
        let plan = |j, k| plan_of(&s, &[(a, &[Some(j)]), (c, &[Some(k)])]);
        assert_eq!(hard(&s, &plan(county1, county2)), vec!["kinship-recusal 2027"]);
        assert_eq!(hard(&s, &plan(county1, town)), vec!["kinship-recusal 2027"]);
        assert!(hard(&s, &plan(county1, other)).is_empty());
        let planned = solve(&s);
        let (pa, pc) = (planned.holds[a.0 as usize][0], planned.holds[c.0 as usize][0]);
        assert!(pa == Some(other) || pc == Some(other), "{pa:?} {pc:?}");
        assert!(hard(&s, &planned).is_empty());
    }
}

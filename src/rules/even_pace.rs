//! Even pace: in each managed area (each exchange scope, or the whole pool without one),
//! the number of moves (posts taken up) per year stays within `band` of the horizon's
//! average, so that exchange is neither bunched nor neglected; each move above or below
//! the band costs `weight`. A move into a unit in its re-election year (`reelection_year`
//! in `units.csv`, repeating every `term_years`) earns `reelection_bonus`.
//!
//! Model, per area `g` and year `y`: a count `n[g, y] = Σ z[p, j, y]` (j in `g`) and
//! `n[g, y] − (1 + band)/Y · Σ_y' n[g, y'] ≤ over[g, y]`,
//! `n[g, y] − (1 − band)/Y · Σ_y' n[g, y'] ≥ −under[g, y]`, slacks priced `weight`. Each
//! stint column enters one count row; the band rows have `Y + 1` terms. The bonus is a
//! cost on the stint columns concerned.

use super::exchange_scope::post_scope;
use super::{reward, Finding, Rule, Severity};
use crate::formulation::Formulation;
use crate::mip::{ColName, RowName};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, RegionIx, Scenario};
use std::collections::BTreeMap;

/// Moves spread evenly over the years.
pub struct EvenPace;

/// Whether `year` is a re-election year of `j`'s unit (`units.csv reelection_year`, every
/// `term_years`); `false` where the unit has none. `stay-term` dates terms by it too.
pub(crate) fn reelection(s: &Scenario, j: PostIx, year: i32) -> bool {
    let term = s.policy.even_pace.term_years as i32;
    s.unit(s.post(j).unit).reelection_year.is_some_and(|r| (year - r).rem_euclid(term) == 0)
}

/// Display name of an area.
fn area(s: &Scenario, g: Option<RegionIx>) -> String {
    g.map_or_else(|| "the pool".into(), |r| s.region(r).name.clone())
}

impl Rule for EvenPace {
    fn id(&self) -> &'static str {
        "even-pace"
    }

    fn stint_cost(&self, s: &Scenario, _p: PersonIx, j: PostIx, first: i32, _last: i32) -> Option<f64> {
        Some(if reelection(s, j, first) { -s.policy.even_pace.reelection_bonus } else { 0.0 })
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        let ep = &s.policy.even_pace;
        if ep.strength == Strength::Off || s.years < 2 {
            return;
        }
        let years = s.years as usize;
        let mut entering: BTreeMap<Option<RegionIx>, Vec<Vec<(crate::mip::Col, f64)>>> = BTreeMap::new();
        for st in &f.stints {
            let rows = entering.entry(post_scope(s, st.post)).or_insert_with(|| vec![Vec::new(); years]);
            rows[(st.first - s.start_year) as usize].push((st.col, 1.0));
        }
        for (k, (g, rows)) in entering.into_iter().enumerate() {
            let k = k as u32;
            let g = g.map_or(u32::MAX, |r| r.0);
            let mut counts = Vec::with_capacity(years);
            for (y, mut terms) in s.years().zip(rows) {
                let n = f.model.add_col(0.0, f64::INFINITY, 0.0, false, ColName::Aux("moves-in-year", k, g, y));
                terms.push((n, -1.0));
                f.model.add_row(0.0, 0.0, terms, RowName { rule: "moves-in-year", a: k, b: g, year: y });
                counts.push(n);
            }
            for (t, y) in s.years().enumerate() {
                for (high, share) in [(true, (1.0 + ep.band) / years as f64), (false, (1.0 - ep.band) / years as f64)] {
                    let slack = f.model.add_col(0.0, f64::INFINITY, ep.weight, false, ColName::Aux("pace", k, high as u32, y));
                    let mut terms: Vec<_> = counts.iter().map(|&n| (n, -share)).collect();
                    terms[t].1 += 1.0;
                    let name = RowName { rule: "pace", a: k, b: high as u32, year: y };
                    if high {
                        terms.push((slack, -1.0));
                        f.model.add_row(f64::NEG_INFINITY, 0.0, terms, name);
                    } else {
                        terms.push((slack, 1.0));
                        f.model.add_row(0.0, f64::INFINITY, terms, name);
                    }
                }
            }
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let ep = &s.policy.even_pace;
        let years: Vec<i32> = plan.years().collect();
        let mut moves: BTreeMap<Option<RegionIx>, Vec<f64>> = BTreeMap::new();
        for (p, y, j) in plan.held(s) {
            if plan.taken_up(s, p, y) != Some(j) {
                continue;
            }
            moves.entry(post_scope(s, j)).or_insert_with(|| vec![0.0; years.len()])[(y - s.start_year) as usize] += 1.0;
            if reelection(s, j, y) && ep.reelection_bonus > 0.0 {
                let msg = format!("{} joins {} in its re-election year", super::who(s, p), s.unit(s.post(j).unit).name);
                reward(out, self.id(), y, p, j, ep.reelection_bonus, msg);
            }
        }
        if ep.strength == Strength::Off || years.len() < 2 {
            return;
        }
        for (g, counts) in moves {
            let avg = counts.iter().sum::<f64>() / years.len() as f64;
            for (&y, &n) in years.iter().zip(&counts) {
                let (hi, lo) = ((1.0 + ep.band) * avg, (1.0 - ep.band) * avg);
                let off = (n - hi).max(0.0) + (lo - n).max(0.0);
                if off > 1e-9 {
                    let message =
                        format!("{n} moves in {y} in {}, outside {lo:.1}–{hi:.1} (average {avg:.1} a year)", area(s, g));
                    out.push(Finding {
                        rule: self.id(),
                        severity: Severity::Soft,
                        year: y,
                        person: None,
                        post: None,
                        penalty: ep.weight * off,
                        message,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::{findings, plan_of, solve, Builder};

    #[test]
    fn moves_bunched_in_one_year_are_priced_and_spread_when_it_pays() {
        let mut b = Builder::new(2027, 2);
        let posts: Vec<_> = (0..4).map(|k| b.post(&format!("P{k}"), 3)).collect();
        let people: Vec<_> = (0..4).map(|k| b.person(&format!("A{k}"), 3, None, 0)).collect();
        b.s.policy.team_balance.churn_strength = crate::policy::Strength::Off;
        let s = b.build();
        let bunched: Vec<_> = (0..4).map(|k| (people[k], vec![Some(posts[k]); 2])).collect();
        let bunched: Vec<_> = bunched.iter().map(|(p, h)| (*p, h.as_slice())).collect();
        let f = findings(&s, &plan_of(&s, &bunched), "even-pace");
        // 4 moves in 2027, 0 in 2028: average 2, band 1.5–2.5: 1.5 over and 1.5 under.
        assert_eq!(f.iter().map(|f| f.penalty).sum::<f64>(), 6.0);
        let spread: Vec<_> =
            (0..4).map(|k| (people[k], vec![if k < 2 { Some(posts[k]) } else { None }, Some(posts[k])])).collect();
        let spread: Vec<_> = spread.iter().map(|(p, h)| (*p, h.as_slice())).collect();
        assert!(findings(&s, &plan_of(&s, &spread), "even-pace").is_empty(), "near miss: 2 and 2");
        let _ = solve(&s); // the solver's objective equals check's, fractional slacks included
    }

    #[test]
    fn a_move_in_the_re_election_year_earns_the_bonus() {
        let mut b = Builder::new(2027, 2);
        let j = b.post("P1", 3);
        let a = b.person("A", 3, None, 0);
        b.s.units[1].reelection_year = Some(2023);
        let s = b.build();
        let f = findings(&s, &plan_of(&s, &[(a, &[None, Some(j)])]), "even-pace");
        assert!(f.iter().any(|f| f.penalty == -1.0), "2028 = 2023 + 5");
        assert!(!findings(&s, &plan_of(&s, &[(a, &[Some(j), Some(j)])]), "even-pace").iter().any(|f| f.penalty < 0.0));
    }
}

//! Tenure minimum: nobody leaves a post before `years` years in it unless something forces
//! the move, so nobody is moved every year. Forced are: staying would break a hard rule
//! (recusal, kinship, tenure, a pin: the stay is not an eligible arc), the move fills a
//! must-fill post from one nobody must fill, or it is a promotion (a post of a higher
//! grade). Only the post held at the start can be left early so: a post taken up within
//! the horizon is held for the minimum (or to the end of the horizon, or retirement).
//! Hard (the default): every other early departure is not allowed; soft: every early
//! departure costs `weight`.
//! Retirement aside; temporary posts are `[temporary]`'s and exempt.
//!
//! Model: the current post is held for a prefix of the horizon, so leaving it in an early
//! year `y` is `x[c, y−1] − x[c, y]`. Hard: `x[c, y−1] − x[c, y] ≤ Σ z[p, j, y]` over the
//! moves of that year to a must-fill post or a promotion (no row once the stay is not an
//! arc). Soft: costs on existing columns. A stint in a post taken up within the horizon
//! that ends early (before the last year and before retirement) is not offered (hard) or
//! costs `weight` on its column.

use super::{finding, must_fill, what, who, Arc, Finding, Rule};
use crate::formulation::Formulation;
use crate::mip::RowName;
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::Scenario;
use crate::scenario::{PersonIx, PostIx};

/// Minimum years in a post before moving on.
pub struct TenureMin;

/// What makes a move from `from` to `to` exempt, if anything does (other than a hard rule
/// against staying): a promotion, or filling a must-fill post from one nobody must fill (a
/// must-fill post left for another fills nothing).
fn exempt_move(s: &Scenario, from: PostIx, to: PostIx) -> Option<String> {
    if s.post(to).grade > s.post(from).grade {
        Some("a promotion".into())
    } else if must_fill(s, to) && !must_fill(s, from) {
        Some(format!("{} must be filled", s.post(to).id))
    } else {
        None
    }
}

/// Why `p` leaving `from` in `year` (for `to`, or the reserve) is forced, if it is.
fn forced(s: &Scenario, p: PersonIx, from: PostIx, to: Option<PostIx>, year: i32) -> Option<String> {
    if let Some(why) = to.and_then(|to| exempt_move(s, from, to)) {
        return Some(why);
    }
    let rules = super::all(s);
    let why = crate::eligibility::why_not(s, &rules, Arc { person: p, post: from, year });
    (!why.is_empty()).then(|| {
        // The rule's name once: `regional recusal: grew up in …` names itself.
        let named = |id: &str, why: &str| why.starts_with(&id.replace('-', " "));
        let hard: Vec<_> = why.into_iter().map(|(id, why)| if named(id, &why) { why } else { format!("{id}: {why}") }).collect();
        format!("staying would break a hard rule ({})", hard.join("; "))
    })
}

/// An early departure in `plan`: `(from, years in it)` if `p` leaves `from` in `year`
/// after fewer than the minimum years, retirement and temporary posts aside.
fn early(s: &Scenario, plan: &Plan, p: PersonIx, year: i32) -> Option<(PostIx, i32)> {
    let tm = &s.policy.tenure_min;
    let from = plan.post(s, p, year - 1).filter(|&j| !s.post(j).temporary)?;
    let n = plan.run_length(s, p, year - 1);
    (tm.years > 1 && year < s.person(p).retire_year && plan.post(s, p, year) != Some(from) && n < tm.years as i32)
        .then_some((from, n))
}

/// Every early departure in `plan`: `(person, year, post left, years in it, what forced it)`.
/// Only the post held at the start may be left early by force: a post taken up within the
/// horizon is held for the minimum (or to the end of the horizon, or retirement).
pub fn early_departures(s: &Scenario, plan: &Plan) -> Vec<(PersonIx, i32, PostIx, i32, Option<String>)> {
    let mut out = Vec::new();
    for (p, person) in s.people_ix() {
        for y in plan.years() {
            if let Some((from, n)) = early(s, plan, p, y) {
                let since_start = person.current_post == Some(from) && n == y - person.post_since.unwrap_or(y);
                let why = if since_start { forced(s, p, from, plan.post(s, p, y), y) } else { None };
                out.push((p, y, from, n, why));
            }
        }
    }
    out
}

impl Rule for TenureMin {
    fn id(&self) -> &'static str {
        "tenure-min"
    }

    fn describe_row(&self, s: &Scenario, row: RowName) -> Option<String> {
        (row.rule == "tenure-min").then(|| {
            let (p, c) = (PersonIx(row.a), PostIx(row.b));
            let served = super::served(s, Arc { person: p, post: c, year: row.year - 1 }).unwrap_or(0);
            format!(
                "{} may not leave {} in {} after {served} year(s), before the {}-year minimum stay, with nothing forcing the move (a promotion, a must-fill post or a hard rule against staying would)",
                who(s, p),
                what(s, c),
                row.year,
                s.policy.tenure_min.years
            )
        })
    }

    fn encode(&self, f: &mut Formulation) {
        let s = f.s;
        let tm = &s.policy.tenure_min;
        if tm.strength == Strength::Off || tm.years <= 1 {
            return;
        }
        let n = tm.years as i32;
        for (p, person) in s.people_ix() {
            // The current post: leaving in year y after fewer than n years.
            if let (Some(c), Some(since)) = (person.current_post.filter(|&c| !s.post(c).temporary), person.post_since) {
                for y in s.years().filter(|&y| y - since < n && y < person.retire_year) {
                    let (before, now) = (f.current(p, y - 1), f.current(p, y));
                    if y > s.start_year && before.is_none() {
                        break; // already gone
                    }
                    if tm.strength == Strength::Soft {
                        match before {
                            Some(b) => f.model.add_cost(b, tm.weight),
                            None => f.model.offset += tm.weight,
                        }
                        if let Some(x) = now {
                            f.model.add_cost(x, -tm.weight);
                        }
                        continue;
                    }
                    let Some(x) = now else { break }; // staying breaks a hard rule: forced
                                                      // x[c, y] − x[c, y−1] + Σ exempt z[p, ·, y] ≥ 0 (x[c, y0−1] = 1).
                    let exempt = f.stints_of(p).iter().filter(|st| st.first == y && exempt_move(s, c, st.post).is_some());
                    let mut terms: Vec<_> = exempt.map(|st| (st.col, 1.0)).collect();
                    terms.push((x, 1.0));
                    terms.extend(before.map(|b| (b, -1.0)));
                    let lb = if before.is_some() { 0.0 } else { 1.0 };
                    f.model.add_row(lb, f64::INFINITY, terms, RowName { rule: "tenure-min", a: p.0, b: c.0, year: y });
                }
            }
        }
    }

    fn stint_cost(&self, s: &Scenario, p: PersonIx, j: PostIx, first: i32, last: i32) -> Option<f64> {
        let tm = &s.policy.tenure_min;
        let early = !s.post(j).temporary
            && last < s.end_year()
            && last + 1 < s.person(p).retire_year
            && last - first + 1 < tm.years as i32;
        match (early, tm.strength) {
            (true, Strength::Hard) => None,
            (true, Strength::Soft) => Some(tm.weight),
            _ => Some(0.0),
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        let tm = &s.policy.tenure_min;
        for (p, y, from, n, why) in early_departures(s, plan) {
            if tm.strength == Strength::Hard && why.is_some() {
                continue;
            }
            let msg = format!("{} leaves {} in {y} after {n} year(s) (minimum {})", who(s, p), what(s, from), tm.years);
            finding(out, self.id(), tm.strength, tm.weight, y, Some(p), Some(from), msg);
        }
    }

    fn reason_to_leave(&self, s: &Scenario, plan: &Plan, p: PersonIx, _from: PostIx, year: i32) -> Option<String> {
        let (from, n) = early(s, plan, p, year)?;
        let why = forced(s, p, from, plan.post(s, p, year), year).unwrap_or_else(|| "nothing forces it".into());
        Some(format!("after {n} year(s), before the {}-year minimum stay: {why}", s.policy.tenure_min.years))
    }
}

#[cfg(test)]
mod tests {
    use crate::policy::Strength;
    use crate::testkit::{findings, hard, plan_of, solve, Builder};

    #[test]
    fn leaving_after_two_years_is_early_after_three_is_not() {
        let mut b = Builder::new(2027, 3);
        let j = b.post("P1", 3);
        let k = b.post("P2", 3);
        let p = b.person("A", 3, Some(j), 2025); // 2 years served by the end of 2026
        b.s.policy.tenure_min.strength = Strength::Soft;
        let s = b.build();
        assert_eq!(findings(&s, &plan_of(&s, &[(p, &[Some(k); 3])]), "tenure-min").len(), 1);
        assert!(findings(&s, &plan_of(&s, &[(p, &[Some(j), Some(k), Some(k)])]), "tenure-min").is_empty());
        let hop = plan_of(&s, &[(p, &[Some(j), Some(k), Some(j)])]);
        assert_eq!(findings(&s, &hop, "tenure-min").len(), 1, "one year in P2 is too short");
    }

    /// Hard (the default): an early move only where something forces it, and it says what.
    #[test]
    fn an_early_move_needs_a_promotion_a_must_fill_post_or_a_hard_rule_against_staying() {
        let mut b = Builder::new(2027, 1);
        let j = b.post("P1", 3);
        let k = b.post("P2", 3);
        let up = b.post("P3", 4);
        let p = b.person("A", 3, Some(j), 2025); // 3rd year in 2027: early
        b.s.policy.vacancy.weight = 0.0;
        let s = b.build();
        assert_eq!(s.policy.tenure_min.strength, Strength::Hard);
        let sideways = plan_of(&s, &[(p, &[Some(k)])]);
        assert_eq!(hard(&s, &sideways), vec!["tenure-min 2027"]);
        assert!(hard(&s, &plan_of(&s, &[(p, &[Some(up)])])).is_empty(), "near miss: a promotion");
        let rules = crate::rules::all(&s);
        let rows = crate::explain::explain(&s, &rules, &plan_of(&s, &[(p, &[Some(up)])]));
        assert!(rows[0].reason.contains("before the 3-year minimum stay: a promotion"), "{}", rows[0].reason);

        let mut fill = s.clone();
        fill.posts[k.0 as usize].must_fill = true;
        fill.posts[up.0 as usize].grade = 3;
        assert!(hard(&fill, &sideways).is_empty(), "near miss: P2 must be filled");
        let mut both = fill.clone();
        both.posts[j.0 as usize].must_fill = true;
        assert_eq!(hard(&both, &sideways), vec!["tenure-min 2027"], "leaving one must-fill post for another fills nothing");
        assert_eq!(solve(&fill).holds[p.0 as usize], vec![Some(k)], "and the solver may use it");
        let mut no = fill.clone();
        no.posts[k.0 as usize].must_fill = false;
        assert_eq!(solve(&no).holds[p.0 as usize], vec![Some(j)], "nothing forces the move");

        let mut recused = s.clone();
        recused.posts[j.0 as usize].regional_recusal = true;
        recused.people[p.0 as usize].grewup = Some(recused.units[recused.posts[j.0 as usize].unit.0 as usize].region);
        assert!(hard(&recused, &sideways).iter().all(|h| !h.starts_with("tenure-min")), "near miss: recusal forces it");
    }
}

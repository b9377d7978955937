//! `rotaplan explain`: why one official holds what they hold, or why one post has the
//! holders it has, in a solved plan: the plan's rows with their reasons, the objective
//! terms the rules put on them (from the independent check), who or what was never
//! eligible, grouped by the rule that excludes it, and for a post-year the runner-ups:
//! each other eligible official pinned there and the whole plan re-solved.

use crate::check::Report;
use crate::eligibility::by_first_exclusion;
use crate::explain::Row;
use crate::planner::EXACT_TOL;
use crate::rules::{Arc, Rule, Severity};
use crate::scenario::{PersonIx, PostIx, Scenario};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// One year of the plan for the official or post asked about.
#[derive(Debug, Serialize)]
pub struct Year {
    /// Year.
    pub year: i32,
    /// The official (for a post: its holder; `null`: empty).
    pub person_id: Option<String>,
    /// The post (for an official: the post held; `null`: none).
    pub post_id: Option<String>,
    /// Move kind, as in `plan.csv`.
    pub kind: &'static str,
    /// Reason text, as in `plan.csv`.
    pub reason: String,
}

/// What one rule puts on the objective for the official or post.
#[derive(Debug, Serialize)]
pub struct Term {
    /// Rule id.
    pub rule: &'static str,
    /// Its sum (negative: a reward).
    pub total: f64,
    /// The findings: `{year, severity, amount, message}`.
    pub findings: Vec<Finding>,
}

/// A finding of the check.
#[derive(Debug, Serialize)]
pub struct Finding {
    /// Year.
    pub year: i32,
    /// `hard`, `soft` or `reward`.
    pub severity: &'static str,
    /// Objective contribution.
    pub amount: f64,
    /// What it says.
    pub message: String,
}

/// Those a rule excludes (the first rule that does, per candidate).
#[derive(Debug, Serialize)]
pub struct Excluded {
    /// Rule id (`structure` for a current post left earlier).
    pub rule: &'static str,
    /// How many.
    pub count: usize,
    /// Their ids.
    pub ids: Vec<String>,
}

/// How a runner-up is re-solved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolve {
    /// First from what the plan's solve proved (`lp.json`, `planner::pinned_bound`): the
    /// LP with the pin and the plan's root cuts, a bound, and a plan from it near the plan
    /// explained; exact when they meet (on the district nearly always, 0.5 s each), or
    /// when the MIP over the moves priced within their gap proves it within 3 s.
    /// Otherwise from the plan explained, changing it little: the plan explained is the
    /// published plan of `replan` (each other changed person-year costs the change weight
    /// while searching) and the search's start; usually proven at the change weight, and
    /// an upper bound on the change: the best plan with the alternative may cost less by
    /// changing more.
    Nearby,
    /// `nearby`, then proven: where its change is not exact, the MIP over every move that
    /// could beat its better plan, with the alternative pinned, from that plan and from
    /// what the solve proved for the plan explained (`lp.json`, `planner::prove_pinned`),
    /// so without pricing again. Exact unless out of time (then a bound).
    Proven,
    /// The whole plan re-solved from scratch: the best plan with the alternative, however
    /// different from the plan explained.
    Full,
}

/// A runner-up: the plan re-solved with an alternative pinned (another official on the
/// post, or the official on another post).
#[derive(Debug, Serialize)]
pub struct RunnerUp {
    /// The official pinned.
    pub person_id: String,
    /// The post they are pinned to.
    pub post_id: String,
    /// Objective of the best plan found with them there, by the scenario's own rules (the
    /// change weight of `nearby` left out; `null`: none meets the hard rules, see
    /// `breaks`).
    pub objective: Option<f64>,
    /// Its change against the plan explained (positive: worse).
    pub delta: Option<f64>,
    /// The least the change can be: the highest of the plan explained's bound (no plan
    /// costs less), the LP with the pin and the plan's root cuts (`nearby` and `proven`,
    /// from `lp.json`), and the re-solve's (`full`) or the proof's (`proven`) own bound
    /// (`null`: none is known; a `nearby` re-solve's bound is on the objective with the
    /// change weight, so it adds nothing).
    pub delta_at_least: Option<f64>,
    /// Whether `delta` is the exact change of the best plan with the alternative: it meets
    /// `delta_at_least`: for `nearby`, when the plan from the LP with the plan's root cuts
    /// meets that LP, or the alternative costs nothing more than the plan explained and
    /// that plan's bound is its objective; for `full` or `proven`, when the re-solve's or
    /// the proof's bound meets its plan.
    pub exact: bool,
    /// Whether the re-solve is proven: `full`, both plans proven optimal (within the
    /// solver's gap tolerance); `nearby` and `proven`, the plan explained proven optimal
    /// and the search near it proven optimal at the change weight (for `proven`, `exact`
    /// says whether the proof met its bound).
    pub proven: bool,
    /// How it was re-solved.
    pub resolve: Resolve,
    /// Whether the re-solve itself was solved to optimality (for `nearby`: the least
    /// change at the change weight; for `full`: the best plan with the alternative).
    pub resolve_optimal: bool,
    /// Officials whose plan changes besides them.
    pub others_moved: usize,
    /// When the best plan found is not the one searched near the plan explained (the plan
    /// from the LP with the root cuts, or the proof's, is better): that one's change and
    /// how many others it placed differently (the best plan may change more).
    pub least_change: Option<LeastChange>,
    /// What pinning them there would break: the hard rule instances a least repair relaxes
    /// with the pin kept (the conflict diagnosis, `ConflictDetail::Keeping`).
    pub breaks: Vec<String>,
}

/// The plan searched near the plan explained, when a better one was found.
#[derive(Debug, Serialize)]
pub struct LeastChange {
    /// Its change against the plan explained.
    pub delta: f64,
    /// Officials it places differently besides the one pinned.
    pub others_moved: usize,
}

/// The alternatives worth re-solving, cheapest arc first (the rules' cost of holding it),
/// up to `k`: for a post (`Some(j)`, person `None`), the other officials eligible for it in
/// `year`; for an official (`Some(p)`), the other posts open to them.
pub fn candidates(
    s: &Scenario,
    rules: &[Box<dyn Rule>],
    plan: &crate::plan::Plan,
    about: (Option<PersonIx>, Option<PostIx>),
    year: i32,
    k: usize,
) -> Vec<(PersonIx, PostIx)> {
    let cost = |a: Arc| rules.iter().map(|r| r.arc_cost(s, a)).sum::<f64>();
    let mut out: Vec<(f64, PersonIx, PostIx)> = match about {
        (Some(p), _) => {
            let held = plan.post(s, p, year);
            let posts = s.posts_ix().map(|(j, _)| (j, Arc { person: p, post: j, year }));
            let (eligible, _) = by_first_exclusion(s, rules, posts);
            eligible.into_iter().filter(|&j| Some(j) != held).map(|j| (cost(Arc { person: p, post: j, year }), p, j)).collect()
        }
        (None, Some(j)) => {
            let holder = plan.holders(year, s.posts.len())[j.0 as usize].first().copied();
            let people = s.people_ix().map(|(p, _)| (p, Arc { person: p, post: j, year }));
            let (eligible, _) = by_first_exclusion(s, rules, people);
            eligible.into_iter().filter(|&p| Some(p) != holder).map(|p| (cost(Arc { person: p, post: j, year }), p, j)).collect()
        }
        (None, None) => Vec::new(),
    };
    out.sort_by(|a, b| a.0.total_cmp(&b.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    out.into_iter().take(k).map(|(_, p, j)| (p, j)).collect()
}

/// The plan runner-ups are compared with.
#[derive(Debug, Clone, Copy)]
pub struct Base<'a> {
    /// The plan explained.
    pub plan: &'a crate::plan::Plan,
    /// Its objective, as the check judges it.
    pub objective: f64,
    /// The solver's bound on every plan's objective (`None`: not known).
    pub bound: Option<f64>,
    /// Whether it was proven optimal.
    pub proven: bool,
    /// What the solve proved for it (its `lp.json`): with it, runner-ups are bounded, and
    /// mostly made exact, by `planner::pinned_bound`, and with `--prove` the rest proven by
    /// `planner::prove_pinned`.
    pub lp: Option<&'a crate::planner::Certified<'a>>,
}

/// Re-solves `s` with each alternative `(p, j)` pinned in `year` (each in `opts`, as
/// `resolve` says; near the plan explained, each other changed person-year costs
/// `change_weight`), and compares with `base`. Best first.
pub fn runner_ups(
    s: &Scenario,
    opts: &crate::mip::SolveOptions,
    base: Base,
    year: i32,
    alternatives: &[(PersonIx, PostIx)],
    (resolve, change_weight): (Resolve, f64),
) -> crate::error::Result<Vec<RunnerUp>> {
    let Base { plan, objective, bound, proven, lp } = base;
    // No plan costs less than the plan explained's bound, the alternatives' included, as
    // long as a re-solve only narrows the plan explained's problem (see `narrower`). A bound
    // above the objective is not one the solver gave for this plan: nothing is claimed.
    let floor = bound.filter(|b| b.is_finite() && *b <= objective + EXACT_TOL).map(|b| b - objective);
    // Side by side, the threads shared between them (as `planner` shares them between
    // independent parts).
    let side_by_side = alternatives.len().clamp(1, rayon::current_num_threads().max(1)) as u32;
    let opts = &crate::mip::SolveOptions { threads: (opts.threads / side_by_side).max(1), ..opts.clone() };
    let one = |&(p, j): &(PersonIx, PostIx)| -> crate::error::Result<RunnerUp> {
        // No plan with the alternative: what keeping it would break.
        let arc = Arc { person: p, post: j, year };
        let opts = &crate::mip::SolveOptions { conflicts: crate::mip::ConflictDetail::Keeping(arc), ..opts.clone() };
        let mut pinned = s.clone();
        // Fixes it overrides: the post's holder and the official's post that year.
        let fix = crate::scenario::PinAction::Fix;
        let pins = pinned.pins.len();
        pinned.pins.retain(|pin| !(pin.year == year && pin.action == fix && (pin.post == j || pin.person == p)));
        // With a pin of the plan explained dropped, plans it excluded are open again, and
        // its bound bounds nothing.
        let narrower = pinned.pins.len() == pins;
        pinned.pins.push(crate::scenario::Pin { person: p, post: j, year, action: fix });
        if resolve != Resolve::Full {
            pinned.reference = Some(crate::scenario::Reference::near(s, plan, "the plan explained"));
            pinned.policy.replan.weight = change_weight;
        }
        let (person_id, post_id) = (s.person(p).id.clone(), s.post(j).id.clone());
        let others = |other: &crate::plan::Plan| {
            s.people_ix().filter(|&(q, _)| q != p && s.years().any(|y| other.post(s, q, y) != plan.post(s, q, y))).count()
        };
        // First what the plan's solve proved (its root cuts, `lp.json`): a bound on every
        // plan with the alternative and a plan near the plan explained; when that plan meets
        // the bound, its change is exact and nothing is re-solved.
        let quick = match lp {
            Some(lp) if resolve != Resolve::Full && narrower => {
                crate::planner::pinned_bound(lp, arc, (plan, resolve == Resolve::Proven), opts)?
            }
            _ => None,
        };
        let quick_plan = quick.as_ref().and_then(|q| q.plan.clone()).map(|qp| {
            let found = crate::check::check(s, &qp).objective();
            (qp, found)
        });
        if let (Some(q), Some((qp, found))) = (&quick, &quick_plan) {
            if *found <= q.bound + EXACT_TOL {
                let delta = found - objective;
                return Ok(RunnerUp {
                    person_id,
                    post_id,
                    objective: Some(*found),
                    delta: Some(delta),
                    delta_at_least: Some(delta),
                    exact: true,
                    proven,
                    resolve,
                    resolve_optimal: true,
                    others_moved: others(qp),
                    least_change: None,
                    breaks: Vec::new(),
                });
            }
        }
        // The LP with the pin has no solution: straight to what the pin would break.
        let infeasible = quick.as_ref().is_some_and(|q| q.bound == f64::INFINITY);
        let opts = &crate::mip::SolveOptions { infeasible, ..opts.clone() };
        Ok(match crate::planner::plan(&pinned, opts, None, &|_| {}) {
            Ok(o) => {
                let sol = &o.solution;
                // By the scenario's rules, as the plan explained: without the cost of
                // changes that steered a nearby re-solve.
                let mut found = crate::check::check(s, &o.plan).objective();
                let mut delta = found - objective;
                let own = (resolve == Resolve::Full && sol.bound.is_finite()).then_some(sol.bound - objective);
                let own = own.into_iter().chain(quick.as_ref().map(|q| q.bound - objective)).reduce(f64::max);
                let near_exact = least_change(delta, own, floor.filter(|_| narrower)).1;
                let mut others_moved = others(&o.plan);
                // The better of the plan found near the plan explained and the quick one;
                // then, for `proven`, whether another plan with the alternative costs less,
                // proven from what pricing proved for the plan explained: its model with the
                // pin is the same model with one more row.
                let mut best = quick_plan.filter(|q| q.1 < found - EXACT_TOL);
                let proof = match lp {
                    Some(lp) if resolve == Resolve::Proven && narrower && !near_exact => {
                        let from = best.as_ref().map_or(&o.plan, |b| &b.0);
                        crate::planner::prove_pinned(lp, arc, from, opts)?
                    }
                    _ => None,
                };
                if let Some(proof) = &proof {
                    if best.as_ref().is_none_or(|b| proof.plan != b.0) && proof.plan != o.plan {
                        best = Some((proof.plan.clone(), crate::check::check(s, &proof.plan).objective()));
                    }
                }
                let mut least = None;
                if let Some((better, better_found)) = best {
                    least = Some(LeastChange { delta, others_moved });
                    found = better_found;
                    delta = found - objective;
                    others_moved = others(&better);
                }
                let proof_bound = proof.as_ref().map(|p| p.bound - objective);
                let (at_least, exact) =
                    least_change(delta, own.into_iter().chain(proof_bound).reduce(f64::max), floor.filter(|_| narrower));
                // How it was solved in the end: a `proven` one that needed no proof, or
                // could not have one (the plan's pricing unknown), is a `nearby` one.
                let resolve = if resolve == Resolve::Proven && proof.is_none() { Resolve::Nearby } else { resolve };
                RunnerUp {
                    person_id,
                    post_id,
                    objective: Some(found),
                    delta: Some(delta),
                    delta_at_least: at_least,
                    exact,
                    proven: proven && sol.status == crate::mip::Status::Optimal,
                    resolve,
                    resolve_optimal: sol.status == crate::mip::Status::Optimal,
                    others_moved,
                    least_change: least,
                    breaks: Vec::new(),
                }
            }
            Err(crate::error::Error::Infeasible(conflicts)) => RunnerUp {
                person_id,
                post_id,
                objective: None,
                delta: None,
                delta_at_least: None,
                exact: false,
                proven: true,
                resolve,
                resolve_optimal: true,
                others_moved: 0,
                least_change: None,
                breaks: conflicts.iter().map(|c| c.text.clone()).collect(),
            },
            Err(e) => return Err(e),
        })
    };
    let mut out = alternatives.par_iter().map(one).collect::<crate::error::Result<Vec<RunnerUp>>>()?;
    out.sort_by(|a, b| a.delta.unwrap_or(f64::INFINITY).total_cmp(&b.delta.unwrap_or(f64::INFINITY)));
    Ok(out)
}

/// The answer.
#[derive(Debug, Serialize)]
pub struct Answer {
    /// `person` or `post`.
    pub about: &'static str,
    /// The id asked about.
    pub id: String,
    /// Who or what it is, in words.
    pub title: String,
    /// The plan's rows (the year asked, or every year).
    pub years: Vec<Year>,
    /// Objective terms by rule, largest first.
    pub objective: Vec<Term>,
    /// The year the eligibility is told for.
    pub eligibility_year: i32,
    /// Eligible counterparts (posts for an official, officials for a post) that year.
    pub eligible: Vec<String>,
    /// The others, by the rule that excludes them.
    pub never_eligible: Vec<Excluded>,
    /// With `--runner-ups` and a year: the other eligible officials for a post, or the
    /// other open posts for an official, each pinned in and re-solved, best first.
    pub runner_ups: Vec<RunnerUp>,
}

fn terms(report: &Report, keep: impl Fn(&crate::rules::Finding) -> bool, year: Option<i32>) -> Vec<Term> {
    let mut by_rule: BTreeMap<&'static str, Vec<Finding>> = BTreeMap::new();
    for f in report.findings.iter().filter(|f| keep(f) && year.is_none_or(|y| f.year == y)) {
        let severity = match f.severity {
            Severity::Hard => "hard",
            Severity::Soft => "soft",
            Severity::Reward => "reward",
        };
        by_rule.entry(f.rule).or_default().push(Finding {
            year: f.year,
            severity,
            amount: f.penalty,
            message: f.message.clone(),
        });
    }
    let mut out: Vec<Term> = by_rule
        .into_iter()
        .map(|(rule, findings)| Term { rule, total: findings.iter().map(|f| f.amount).sum(), findings })
        .collect();
    out.sort_by(|a, b| b.total.abs().total_cmp(&a.total.abs()).then(a.rule.cmp(b.rule)));
    out
}

fn group(excluded: BTreeMap<&'static str, Vec<String>>) -> Vec<Excluded> {
    let mut out: Vec<Excluded> = excluded.into_iter().map(|(rule, ids)| Excluded { rule, count: ids.len(), ids }).collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    out
}

fn year_of(s: &Scenario, year: Option<i32>) -> i32 {
    year.unwrap_or(s.start_year)
}

/// Why official `p` holds what they hold in the plan explained by `rows` (checked in
/// `report`), in `year` or every year.
pub fn person(s: &Scenario, rules: &[Box<dyn Rule>], rows: &[Row], report: &Report, p: PersonIx, year: Option<i32>) -> Answer {
    let person = s.person(p);
    let post_id = |j: Option<PostIx>| j.map(|j| s.post(j).id.clone());
    let years = rows
        .iter()
        .filter(|r| r.person == p && year.is_none_or(|y| r.year == y))
        .map(|r| Year {
            year: r.year,
            person_id: Some(person.id.clone()),
            post_id: post_id(r.post),
            kind: r.kind.as_str(),
            reason: r.reason.clone(),
        })
        .collect();
    let at = year_of(s, year);
    let posts =
        s.posts.iter().enumerate().map(|(j, post)| (post.id.clone(), Arc { person: p, post: PostIx(j as u32), year: at }));
    let (eligible, excluded) = by_first_exclusion(s, rules, posts);
    Answer {
        about: "person",
        id: person.id.clone(),
        title: format!(
            "{}: grade {}, {}",
            crate::rules::who(s, p),
            person.grade,
            person
                .current_post
                .map_or("no post at the start".into(), |j| format!("holds {} at the start", crate::rules::what(s, j)))
        ),
        years,
        objective: terms(report, |f| f.person == Some(p), year),
        eligibility_year: at,
        eligible,
        never_eligible: group(excluded),
        runner_ups: Vec::new(),
    }
}

/// Why post `j` has the holders it has in the plan explained by `rows` (checked in
/// `report`), in `year` or every year.
pub fn post(s: &Scenario, rules: &[Box<dyn Rule>], rows: &[Row], report: &Report, j: PostIx, year: Option<i32>) -> Answer {
    let post = s.post(j);
    let mut years: Vec<Year> = Vec::new();
    for y in s.years().filter(|&y| year.is_none_or(|x| x == y)) {
        match rows.iter().find(|r| r.year == y && r.post == Some(j)) {
            Some(r) => years.push(Year {
                year: y,
                person_id: Some(s.person(r.person).id.clone()),
                post_id: Some(post.id.clone()),
                kind: r.kind.as_str(),
                reason: r.reason.clone(),
            }),
            None => years.push(Year {
                year: y,
                person_id: None,
                post_id: Some(post.id.clone()),
                kind: "vacant",
                reason: String::new(),
            }),
        }
    }
    let at = year_of(s, year);
    let people = s.people_ix().map(|(p, person)| (person.id.clone(), Arc { person: p, post: j, year: at }));
    let (eligible, excluded) = by_first_exclusion(s, rules, people);
    Answer {
        about: "post",
        id: post.id.clone(),
        title: crate::rules::what(s, j),
        years,
        objective: terms(report, |f| f.post == Some(j), year),
        eligibility_year: at,
        eligible,
        never_eligible: group(excluded),
        runner_ups: Vec::new(),
    }
}

impl Answer {
    /// The answer in words (Markdown).
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# {} {}\n", if self.about == "person" { "Official" } else { "Post" }, self.title);
        let _ = writeln!(out, "## In the plan\n");
        for y in &self.years {
            let what = if self.about == "person" {
                y.post_id.as_deref().unwrap_or("no post")
            } else {
                y.person_id.as_deref().unwrap_or("nobody")
            };
            let reason = if y.reason.is_empty() { String::new() } else { format!(": {}", y.reason) };
            let _ = writeln!(out, "- {} {} ({}){reason}", y.year, what, y.kind);
        }
        let _ = writeln!(out, "\n## What the rules put on the objective\n");
        if self.objective.is_empty() {
            let _ = writeln!(out, "Nothing: no rule prices or rewards it.");
        }
        for t in &self.objective {
            let _ = writeln!(out, "- **{}** {:+.2}", t.rule, t.total);
            for f in &t.findings {
                let _ = writeln!(out, "  - {} {} {:+.2}: {}", f.year, f.severity, f.amount, f.message);
            }
        }
        let (them, of) = if self.about == "person" { ("post(s)", "open to them") } else { ("official(s)", "eligible for it") };
        let _ = writeln!(out, "\n## Eligibility in {}\n", self.eligibility_year);
        let _ = writeln!(
            out,
            "{} {them} {of}: {}.\n",
            self.eligible.len(),
            if self.eligible.is_empty() { "none".into() } else { self.eligible.join(", ") }
        );
        let _ = writeln!(out, "Never eligible, by the first rule that excludes them:\n");
        for e in &self.never_eligible {
            let shown: Vec<&str> = e.ids.iter().take(12).map(String::as_str).collect();
            let more = if e.count > shown.len() { format!(" and {} more", e.count - shown.len()) } else { String::new() };
            let _ = writeln!(out, "- {} ({}): {}{more}", e.rule, e.count, shown.join(", "));
        }
        if let Some(first) = self.runner_ups.first() {
            let proven = self.runner_ups.iter().any(|r| r.resolve == Resolve::Proven);
            let resolve = if proven { Resolve::Proven } else { first.resolve };
            let _ = writeln!(out, "\n## {}\n", runner_ups_heading(self.eligibility_year, resolve));
            out += &runner_ups_text(&self.runner_ups);
        }
        out
    }
}

/// The least a runner-up's change `delta` can be, the higher of its re-solve's own bound
/// and the plan explained's (`floor`), and whether `delta` meets it (exact). A bound above
/// the change found contradicts it (the scenario changed since the plan was made):
/// nothing is claimed then.
fn least_change(delta: f64, own: Option<f64>, floor: Option<f64>) -> (Option<f64>, bool) {
    match own.into_iter().chain(floor).reduce(f64::max) {
        Some(least) if least <= delta + EXACT_TOL => (Some(least), delta - least <= EXACT_TOL),
        _ => (None, false),
    }
}

/// Runner-ups in words, one line each; the impossible ones that would break the same,
/// one line for them all (a holder who may not leave makes every candidate impossible
/// alike).
pub fn runner_ups_text(runner_ups: &[RunnerUp]) -> String {
    let mut out = String::new();
    let mut rest = runner_ups;
    while let Some(r) = rest.first() {
        let alike = rest.iter().take_while(|o| o.delta.is_none() && r.delta.is_none() && o.breaks == r.breaks).count();
        if alike > 1 {
            let (group, after) = rest.split_at(alike);
            rest = after;
            let what = if group.iter().all(|o| o.post_id == r.post_id) {
                format!("{} in {}", joined(group.iter().map(|o| o.person_id.as_str()), " and "), r.post_id)
            } else if group.iter().all(|o| o.person_id == r.person_id) {
                format!("{} in {}", r.person_id, joined(group.iter().map(|o| o.post_id.as_str()), " or "))
            } else {
                joined(group.iter().map(|o| format!("{} in {}", o.person_id, o.post_id)), " and ")
            };
            let breaks = r.breaks.join("; ");
            let _ = writeln!(out, "- {what}: no plan meets the hard rules with any of these; each would break: {breaks}");
            continue;
        }
        rest = &rest[1..];
        let what = format!("{} in {}", r.person_id, r.post_id);
        let others = format!("{} other official(s) placed differently", r.others_moved);
        let least = r
            .least_change
            .as_ref()
            .map_or(String::new(), |l| format!("; placing only {} other(s) differently: {:+.2}", l.others_moved, l.delta));
        match (r.delta, r.resolve) {
            (None, _) => {
                let _ =
                    writeln!(out, "- {what}: no plan meets the hard rules with this; it would break: {}", r.breaks.join("; "));
            }
            (Some(d), _) if r.exact => {
                let _ = writeln!(out, "- {what}: {d:+.2} (exact: no plan with this is better); {others}{least}");
            }
            (Some(d), resolve) if resolve == Resolve::Proven || (resolve == Resolve::Nearby && r.least_change.is_some()) => {
                let between =
                    r.delta_at_least.map_or(String::new(), |l| format!("; the best plan with this: {l:+.2} to {d:+.2}"));
                let _ = writeln!(out, "- {what}: {d:+.2} (not proven exact{between}); {others}{least}");
            }
            (Some(d), Resolve::Nearby | Resolve::Proven) => {
                let how = match (r.proven, r.resolve_optimal) {
                    (true, _) => "proven the least change",
                    (false, true) => "proven the least change from the plan explained, which is not proven optimal",
                    (false, false) => "the least change found, not proven",
                };
                let between =
                    r.delta_at_least.map_or(String::new(), |l| format!("; the best plan with this: {l:+.2} to {d:+.2}"));
                let _ = writeln!(out, "- {what}: {d:+.2} ({how}{between}); {others}");
            }
            (Some(d), Resolve::Full) if r.proven => {
                let _ = writeln!(out, "- {what}: {d:+.2} (proven); {others}");
            }
            (Some(d), Resolve::Full) => {
                let least = r.delta_at_least.map_or("no bound".into(), |l| format!("at least {l:+.2}"));
                let _ = writeln!(out, "- {what}: {d:+.2} with the plan found ({least}; not proven); {others}");
            }
        }
    }
    out
}

/// The items separated by commas, the last by `last` (`a, b and c` for `" and "`).
fn joined<S: AsRef<str>>(items: impl Iterator<Item = S>, last: &str) -> String {
    let items: Vec<S> = items.collect();
    match items.split_last() {
        None => String::new(),
        Some((l, [])) => l.as_ref().to_owned(),
        Some((l, init)) => init.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", ") + last + l.as_ref(),
    }
}

/// The heading of the runner-ups of `year`, saying how they were re-solved.
pub fn runner_ups_heading(year: i32, resolve: Resolve) -> String {
    match resolve {
        Resolve::Nearby => format!(
            "Runner-ups in {year} (each pinned in, the plan re-solved from the plan explained, changing it little; the \
             change is in the scenario's own objective, and where it is not exact the best plan with the alternative may \
             cost less)"
        ),
        Resolve::Proven => format!(
            "Runner-ups in {year} (each pinned in, the plan re-solved from the plan explained, then the best plan with \
             the alternative proven)"
        ),
        Resolve::Full => format!("Runner-ups in {year} (each pinned in, the whole plan re-solved)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A change is exact when it meets its lower bound: the plan explained's (proven
    /// optimal: no plan costs less) or a full re-solve's own.
    #[test]
    fn a_change_is_exact_when_it_meets_its_bound() {
        let exact = |delta: f64, own, floor| least_change(delta, own, floor).1;
        // Nearby, from a plan proven optimal: as good as the plan is exact; more is an
        // upper bound only.
        assert_eq!(least_change(0.0, None, Some(0.0)), (Some(0.0), true));
        assert!(exact(0.0, None, Some(0.0)));
        assert!(!exact(6.0, None, Some(0.0)));
        // From a plan 2.5 above its bound, a change of nothing may still be beaten.
        assert!(!exact(0.0, None, Some(-2.5)));
        // Full: the re-solve's bound, when higher.
        assert_eq!(least_change(5.0, Some(3.0), Some(0.0)), (Some(3.0), false));
        assert!(exact(5.0, Some(5.0), Some(0.0)));
        assert_eq!(least_change(5.0, Some(-3.0), Some(-1.0)), (Some(-1.0), false));
        // Nothing known, nothing claimed; nor from a bound the change found contradicts.
        assert_eq!(least_change(5.0, None, None), (None, false));
        assert_eq!(least_change(5.0, None, Some(7.0)), (None, false));
    }

    /// Each kind of runner-up in words: exact, bounded with the search's least change
    /// beside the better plan, found near the plan without a bound, and impossible.
    #[test]
    fn runner_ups_read_as_what_was_proven() {
        let r = |delta: Option<f64>, at_least: Option<f64>, exact: bool, least: Option<LeastChange>| RunnerUp {
            person_id: "C00078".into(),
            post_id: "P0010".into(),
            objective: delta.map(|d| 1891.3 + d),
            delta,
            delta_at_least: at_least,
            exact,
            proven: true,
            resolve: Resolve::Nearby,
            resolve_optimal: true,
            others_moved: 16,
            least_change: least,
            breaks: if delta.is_none() { vec!["the grade window of P0010".into()] } else { Vec::new() },
        };
        let text = runner_ups_text(&[
            r(Some(68.5), Some(68.5), true, None),
            r(Some(68.5), Some(68.125), false, Some(LeastChange { delta: 73.5, others_moved: 11 })),
            r(Some(70.0), Some(68.125), false, None),
            r(None, None, false, None),
        ]);
        let lines: Vec<&str> = text.lines().collect();
        // Impossible alike: one line for them; near miss, another reason: its own line.
        let other = |person: &str, post: &str, breaks: &str| RunnerUp {
            person_id: person.into(),
            post_id: post.into(),
            breaks: vec![breaks.into()],
            ..r(None, None, false, None)
        };
        let alike = runner_ups_text(&[
            r(Some(68.5), Some(68.5), true, None),
            other("C00024", "P0010", "the grade window of P0010"),
            other("C00187", "P0010", "the grade window of P0010"),
            other("C00222", "P0010", "the grade window of P0010"),
            other("C00071", "P0010", "a relative in P0011"),
        ]);
        assert_eq!(
            alike.lines().skip(1).collect::<Vec<_>>(),
            [
                "- C00024, C00187 and C00222 in P0010: no plan meets the hard rules with any of these; each would break: \
                 the grade window of P0010",
                "- C00071 in P0010: no plan meets the hard rules with this; it would break: a relative in P0011",
            ]
        );
        let posts = runner_ups_text(&[other("C00078", "P0010", "x"), other("C00078", "P0011", "x")]);
        assert_eq!(posts, "- C00078 in P0010 or P0011: no plan meets the hard rules with any of these; each would break: x\n");
        assert_eq!(
            lines,
            [
                "- C00078 in P0010: +68.50 (exact: no plan with this is better); 16 other official(s) placed differently",
                "- C00078 in P0010: +68.50 (not proven exact; the best plan with this: +68.12 to +68.50); 16 other \
                 official(s) placed differently; placing only 11 other(s) differently: +73.50",
                "- C00078 in P0010: +70.00 (proven the least change; the best plan with this: +68.12 to +70.00); 16 \
                 other official(s) placed differently",
                "- C00078 in P0010: no plan meets the hard rules with this; it would break: the grade window of P0010",
            ]
        );
    }
}

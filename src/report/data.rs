//! `report.json`: the figures of a solved plan, computed once, with stable field names
//! (`docs/report-json.md` is the schema). `summary.md` renders its plan-quality, rules
//! and exclusions sections from the same [`ReportData`].

use crate::explain::{MoveKind, Row};
use crate::mip::Status;
use crate::plan::Plan;
use crate::planner::Outcome;
use crate::rules::exchange::{reach, Reach};
use crate::rules::{Finding, Severity};
use crate::scenario::{PersonIx, Scenario};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// Version of the schema; raised when a field changes meaning or goes away.
pub const SCHEMA: u32 = 1;

/// Everything `report.json` holds.
#[derive(Debug, Serialize)]
pub struct ReportData {
    /// [`SCHEMA`].
    pub schema: u32,
    /// Scenario name.
    pub scenario: String,
    /// First and last year of the horizon.
    pub years: [i32; 2],
    /// The scenario directory planned (absolute): `rotaplan explain` reads it again.
    pub scenario_dir: String,
    /// The policy file (absolute), or `null` when the policy is inline in `scenario.toml`.
    pub policy_file: Option<String>,
    /// Whether officials' names are replaced by their ids (`--redact`).
    pub redacted: bool,
    /// How the solve went.
    pub solver: Solver,
    /// Model size.
    pub model: ModelSize,
    /// Objective by rule, as the independent check recomputes it from the plan.
    pub rules: Vec<RuleTally>,
    /// Arcs (person, post, year) each rule excluded before solving (rules excluding none
    /// are left out).
    pub exclusions: Vec<Exclusion>,
    /// Moves per year and kind.
    pub moves_per_year: Vec<YearMoves>,
    /// Plan quality.
    pub quality: Quality,
    /// Every change of the plan (the rows of `plan.csv` whose move is not `stay` or
    /// `reserve`).
    pub moves: Vec<Move>,
    /// Hard violations the independent check found (empty for a plan meeting every hard
    /// rule).
    pub hard_violations: Vec<Violation>,
    /// Years in post of the officials holding a post, before the plan and at its end.
    pub tenure: Tenure,
    /// Hardship posts held, per year.
    pub hardship: Vec<HardshipYear>,
    /// The recusal conflicts of today's postings and when the plan resolves each.
    pub recusal_conflicts: Vec<RecusalConflict>,
    /// The pins given on the command line (`--pin`, `--forbid`), e.g.
    /// `fix C001=P-gov-head@2028`.
    pub what_if: Vec<String>,
    /// When re-planned (`rotaplan replan`): the published plan and what changed against it.
    pub replan: Option<Replanned>,
}

/// A plan re-planned from a published one.
#[derive(Debug, Serialize)]
pub struct Replanned {
    /// The published `plan.csv` (absolute).
    pub plan_file: String,
    /// The last year kept exactly as published (`null`: none).
    pub frozen_through: Option<i32>,
    /// The changes: A is the published plan, B this one.
    pub changes: crate::diff::Diff,
}

/// How long officials have held their posts: a count per number of years.
#[derive(Debug, Serialize)]
pub struct Tenure {
    /// The bins: `"1"`, `"2"`, …, and the last one open (`"15+"`).
    pub bins: Vec<String>,
    /// Officials holding a post in the year before the plan, by years held then.
    pub before: Vec<usize>,
    /// Officials holding a post in the plan's last year, by years held then.
    pub after: Vec<usize>,
}

/// Hardship posts in one year.
#[derive(Debug, Serialize)]
pub struct HardshipYear {
    /// Year.
    pub year: i32,
    /// Posts of hardship units (level 1–3).
    pub posts: usize,
    /// Of them, held.
    pub held: usize,
}

/// A recusal conflict of today's postings: what the check finds if nobody moved.
#[derive(Debug, Serialize)]
pub struct RecusalConflict {
    /// `regional-recusal`, `kinship-recusal` or `business-interest`.
    pub rule: &'static str,
    /// The official concerned.
    pub person_id: String,
    /// The post they hold today.
    pub post_id: Option<String>,
    /// The finding, in the first year it holds.
    pub message: String,
    /// The first year of the conflict (as it would last if nobody moved) from which the plan
    /// has no such finding for the official; `null` when the plan keeps it as long as it
    /// would last anyway (to the end of the plan, or until the official retires).
    pub resolved_in: Option<i32>,
}

/// The rules whose conflicts `recusal_conflicts` lists.
const RECUSAL: [&str; 3] = ["regional-recusal", "kinship-recusal", "business-interest"];

/// The last bin of [`Tenure`]: this many years or more.
const TENURE_BINS: i32 = 15;

impl Tenure {
    fn new(s: &Scenario, plan: &Plan) -> Tenure {
        let count = |year: i32| {
            let mut n = vec![0; TENURE_BINS as usize];
            for (p, _) in s.people_ix().filter(|&(p, _)| plan.post(s, p, year).is_some()) {
                n[(plan.run_length(s, p, year).clamp(1, TENURE_BINS) - 1) as usize] += 1;
            }
            n
        };
        let mut bins: Vec<String> = (1..TENURE_BINS).map(|y| y.to_string()).collect();
        bins.push(format!("{TENURE_BINS}+"));
        Tenure { bins, before: count(s.start_year - 1), after: count(s.end_year()) }
    }
}

fn hardship(s: &Scenario, plan: &Plan) -> Vec<HardshipYear> {
    let posts: Vec<usize> = (0..s.posts.len()).filter(|&j| s.unit(s.posts[j].unit).hardship > 0).collect();
    plan.years()
        .map(|year| {
            let holders = plan.holders(year, s.posts.len());
            HardshipYear { year, posts: posts.len(), held: posts.iter().filter(|&&j| !holders[j].is_empty()).count() }
        })
        .collect()
}

/// The recusal conflicts of today's postings and when the plan checked in `report`
/// resolves each.
fn recusal_conflicts(s: &Scenario, report: &crate::check::Report) -> Vec<RecusalConflict> {
    let today = crate::check::check(s, &Plan::status_quo(s));
    let mut out: Vec<RecusalConflict> = Vec::new();
    for f in today.findings.iter().filter(|f| RECUSAL.contains(&f.rule)) {
        let Some(p) = f.person else { continue };
        let id = &s.person(p).id;
        if out.iter().any(|c| c.rule == f.rule && &c.person_id == id) {
            continue;
        }
        let years = |findings: &[crate::rules::Finding]| -> Vec<i32> {
            findings.iter().filter(|g| g.rule == f.rule && g.person == Some(p)).map(|g| g.year).collect()
        };
        let (would, kept) = (years(&today.findings), years(&report.findings));
        let last_kept = kept.iter().max();
        out.push(RecusalConflict {
            rule: f.rule,
            person_id: id.clone(),
            post_id: s.person(p).current_post.map(|j| s.post(j).id.clone()),
            message: f.message.clone(),
            resolved_in: would.iter().copied().filter(|y| last_kept.is_none_or(|k| y > k)).min(),
        });
    }
    out.sort_by(|a, b| (a.rule, &a.person_id).cmp(&(b.rule, &b.person_id)));
    out
}

/// How the solve went. Numbers that do not exist (no bound, no plan) are `null`.
#[derive(Debug, Serialize)]
pub struct Solver {
    /// `optimal`, `feasible`, `time limit`, `interrupted`, … (`Status::as_str`).
    pub status: String,
    /// Objective of the plan.
    pub objective: Option<f64>,
    /// Best bound on the objective of any plan.
    pub bound: Option<f64>,
    /// Relative gap between the two (0.01 = 1%).
    pub gap: Option<f64>,
    /// LP optimum over every move, when column generation proved it.
    pub lp_bound: Option<f64>,
    /// Independent parts whose pricing the time limit (or Ctrl-C) stopped: their bound is
    /// the Lagrangian one of pricing's rounds, and `lp_bound` is `None`.
    pub unpriced_parts: usize,
    /// Of them, the parts whose pricing fell back to one move an official: their quick
    /// plan moves each official at most once.
    pub fell_back_parts: usize,
    /// Seconds solving.
    pub solve_seconds: f64,
    /// Seconds building the model.
    pub build_seconds: f64,
    /// Branch-and-bound nodes.
    pub nodes: i64,
    /// Pricing rounds of column generation.
    pub pricing_rounds: usize,
    /// Columns the MIP saw.
    pub working_columns: usize,
    /// Peak resident memory, in MiB (Linux only).
    pub peak_mib: Option<f64>,
    /// The first plan meeting every hard rule (the greedy plan, repaired), when found.
    pub first_plan: Option<FirstPlan>,
    /// The greedy year-by-year plan, as a hand-made baseline.
    pub baseline: Baseline,
    /// The independent check of the plan.
    pub check: Check,
}

/// The first plan meeting every hard rule.
#[derive(Debug, Serialize)]
pub struct FirstPlan {
    /// Seconds from the start.
    pub seconds: f64,
    /// Its objective.
    pub objective: f64,
}

/// The greedy baseline.
#[derive(Debug, Serialize)]
pub struct Baseline {
    /// Its objective (as the check computes it).
    pub objective: f64,
    /// Its hard violations.
    pub hard_violations: usize,
}

/// The independent check of the plan.
#[derive(Debug, Serialize)]
pub struct Check {
    /// The objective recomputed from the plan.
    pub objective: f64,
    /// Hard violations.
    pub hard_violations: usize,
}

/// Model size.
#[derive(Debug, Serialize)]
pub struct ModelSize {
    /// Eligible arcs.
    pub arcs: usize,
    /// Columns.
    pub columns: usize,
    /// Integer columns.
    pub integer_columns: usize,
    /// Rows.
    pub rows: usize,
    /// Nonzeros.
    pub nonzeros: usize,
    /// Independent parts solved apart.
    pub parts: usize,
}

/// One rule's share of the objective.
#[derive(Debug, Serialize)]
pub struct RuleTally {
    /// Rule id (`docs/rules.md`).
    pub rule: String,
    /// Hard violations.
    pub hard: usize,
    /// Soft violations.
    pub soft: usize,
    /// Rewards earned.
    pub rewards: usize,
    /// Objective contribution (negative for rewards).
    pub objective: f64,
}

/// Arcs a rule excluded.
#[derive(Debug, Serialize)]
pub struct Exclusion {
    /// Rule id.
    pub rule: String,
    /// Arcs excluded.
    pub arcs: u64,
}

/// Moves of one year by kind.
#[derive(Debug, Serialize)]
pub struct YearMoves {
    /// Year.
    pub year: i32,
    /// Count per move kind (`exchange`, `rotation`, `promotion`, `appoint`, `leave`,
    /// `retire`), every kind present.
    pub by_kind: BTreeMap<&'static str, usize>,
    /// All of them.
    pub total: usize,
}

/// One change of the plan.
#[derive(Debug, Serialize)]
pub struct Move {
    /// Year.
    pub year: i32,
    /// Person id.
    pub person_id: String,
    /// Post held in the year (`null`: none).
    pub post_id: Option<String>,
    /// Post held the year before (`null`: none).
    pub previous_post_id: Option<String>,
    /// Move kind, as in `plan.csv`.
    pub kind: &'static str,
    /// Reason text, as in `plan.csv`.
    pub reason: String,
}

/// A hard violation.
#[derive(Debug, Serialize)]
pub struct Violation {
    /// Rule id.
    pub rule: String,
    /// Year.
    pub year: i32,
    /// What is wrong.
    pub message: String,
}

/// Plan quality: how far moves go, early departures and what forced them, officials kept
/// past a tenure limit and why, places whose two heads leave in one year.
#[derive(Debug, Serialize)]
pub struct Quality {
    /// Post-to-post moves by how far they go.
    pub reach: Vec<ReachRow>,
    /// The minimum stay, in years.
    pub minimum_stay: u32,
    /// Departures before the minimum stay.
    pub early_departures: Vec<EarlyDeparture>,
    /// Per tenure rule: officials kept past its soft limit, and person-years.
    pub kept_past_limits: Vec<KeptCount>,
    /// Per official and rule, the last year kept past a limit, and why.
    pub kept: Vec<Kept>,
    /// Years in which both heads of a place leave.
    pub both_heads_leave: Vec<BothHeads>,
}

/// Moves of one reach.
#[derive(Debug, Serialize)]
pub struct ReachRow {
    /// `place` (to another place), `unit` (another unit of the same place), or
    /// `inside_unit`.
    pub reach: &'static str,
    /// Moves by kind.
    pub exchange: usize,
    /// Rotations inside a unit.
    pub rotation: usize,
    /// Promotions.
    pub promotion: usize,
}

/// A departure before the minimum stay.
#[derive(Debug, Serialize)]
pub struct EarlyDeparture {
    /// Year of the move.
    pub year: i32,
    /// Person id.
    pub person_id: String,
    /// Post left.
    pub from_post_id: String,
    /// Post taken (`null`: the reserve).
    pub to_post_id: Option<String>,
    /// Years served in the post left.
    pub years_served: i32,
    /// What forced it (`null`: nothing does).
    pub forced_by: Option<String>,
}

/// Officials kept past one rule's soft limit.
#[derive(Debug, Serialize)]
pub struct KeptCount {
    /// Rule id (`tenure-max`, `priority-groups`, `term-cap`).
    pub rule: &'static str,
    /// Officials.
    pub officials: usize,
    /// Person-years over the limit.
    pub person_years: usize,
}

/// An official kept past a limit.
#[derive(Debug, Serialize)]
pub struct Kept {
    /// Rule id.
    pub rule: &'static str,
    /// Person id.
    pub person_id: String,
    /// The first year over the limit.
    pub first_year: i32,
    /// The last year over the limit.
    pub year: i32,
    /// The finding.
    pub message: String,
    /// `audit_hold`, `near_retirement`, `nowhere_else` (no post outside the scope is open
    /// to them in those years) or `soft_limit` (its penalty is less than what moving would
    /// cost).
    pub why: &'static str,
    /// The official's retirement year.
    pub retire_year: i32,
    /// Where the years count: the unit's or the place's name, or `post <id>` (empty when
    /// the finding names no post held).
    pub scope: String,
    /// Posts outside it open to them in some year over the limit (ids, in post order).
    pub open_elsewhere: Vec<String>,
    /// When none is: the posts outside it by the rule that excludes each first.
    pub excluded_elsewhere: Vec<ExcludedPosts>,
}

/// Posts one rule excludes.
#[derive(Debug, Serialize)]
pub struct ExcludedPosts {
    /// Rule id.
    pub rule: &'static str,
    /// How many.
    pub posts: usize,
}

/// How many open posts [`Kept::why_text`] names before "and N more".
const NAMED_POSTS: usize = 3;

impl Kept {
    /// Why, in a planner's words (summary.md and report.html).
    pub fn why_text(&self) -> String {
        let years =
            if self.first_year == self.year { self.year.to_string() } else { format!("{}–{}", self.first_year, self.year) };
        match self.why {
            "audit_hold" => "on audit hold".to_string(),
            "near_retirement" => format!("near retirement: retires in {}", self.retire_year),
            "nowhere_else" if self.excluded_elsewhere.is_empty() => {
                format!("no post lies outside {}: leaving means the reserve", self.scope)
            }
            "nowhere_else" => {
                let by: Vec<String> = self
                    .excluded_elsewhere
                    .iter()
                    .enumerate()
                    .map(|(k, e)| {
                        if k == 0 {
                            format!("{} excludes {} posts", e.rule, e.posts)
                        } else {
                            format!("{} {}", e.rule, e.posts)
                        }
                    })
                    .collect();
                format!(
                    "no post outside {} is open to them in {years} ({}): leaving means the reserve",
                    self.scope,
                    by.join(", ")
                )
            }
            _ if self.open_elsewhere.is_empty() => {
                "a soft limit: its penalty is less than what moving would cost here".to_string()
            }
            _ => {
                let mut named = self.open_elsewhere.iter().take(NAMED_POSTS).cloned().collect::<Vec<_>>().join(", ");
                if self.open_elsewhere.len() > NAMED_POSTS {
                    named += &format!(" and {} more", self.open_elsewhere.len() - NAMED_POSTS);
                }
                format!(
                    "a soft limit: its penalty is less than what moving would cost here (open to them outside {} in {years}: {named})",
                    self.scope
                )
            }
        }
    }
}

/// Both heads of a place leaving in one year.
#[derive(Debug, Serialize)]
pub struct BothHeads {
    /// Year.
    pub year: i32,
    /// The units of the two heads, by name.
    pub units: Vec<String>,
    /// Each head who leaves, with where to and why.
    pub heads: Vec<HeadLeaving>,
}

/// A head leaving their post, as `plan.csv` has the move.
#[derive(Debug, Serialize)]
pub struct HeadLeaving {
    /// The official.
    pub person_id: String,
    /// The head's post left.
    pub from_post_id: String,
    /// The post taken up (`None`: out of post).
    pub to_post_id: Option<String>,
    /// The move's reason (`plan.csv`'s): what forced it, or what it gains.
    pub reason: String,
}

fn absolute(p: &std::path::Path) -> String {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()).display().to_string()
}

/// What a note on parts whose pricing did not end says of the `k` of them in which it fell
/// back to one move an official (`None` when none).
pub fn fell_back_text(k: usize) -> Option<String> {
    (k > 0).then(|| format!("in {k} it fell back to one move an official: the quick plan there moves each official once at most"))
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

impl ReportData {
    /// The report of `o` (with `rows`, the plan explained).
    pub fn new(s: &Scenario, o: &Outcome, rows: &[Row]) -> ReportData {
        let (sol, st) = (&o.solution, &o.stats);
        let post_id = |j: Option<crate::scenario::PostIx>| j.map(|j| s.post(j).id.clone());
        let tally = o.report.tally();
        let mut rules: Vec<RuleTally> = crate::rules::all(s)
            .iter()
            .map(|r| {
                let t = tally.get(r.id()).copied().unwrap_or_default();
                RuleTally { rule: r.id().into(), hard: t.hard, soft: t.soft, rewards: t.rewards, objective: t.penalty }
            })
            .collect();
        if let Some(t) = tally.get("one-holder") {
            rules.push(RuleTally { rule: "one-holder".into(), hard: t.hard, soft: 0, rewards: 0, objective: 0.0 });
        }
        ReportData {
            schema: SCHEMA,
            scenario: s.name.clone(),
            years: [s.start_year, s.end_year()],
            scenario_dir: absolute(&s.dir),
            policy_file: s.policy_file.as_deref().map(absolute),
            redacted: s.people.iter().all(|p| p.name == p.id),
            solver: Solver {
                status: sol.status.as_str().into(),
                objective: (sol.status != Status::NoSolution).then_some(sol.objective).and_then(finite),
                bound: finite(sol.bound),
                gap: finite(sol.gap),
                lp_bound: st.lp_bound,
                unpriced_parts: st.unpriced_parts,
                fell_back_parts: st.fell_back_parts,
                solve_seconds: sol.seconds,
                build_seconds: st.build_seconds,
                nodes: sol.nodes,
                pricing_rounds: st.pricing_rounds,
                working_columns: st.working_cols,
                peak_mib: st.peak_mib,
                first_plan: st.first_plan.map(|(seconds, objective)| FirstPlan { seconds, objective }),
                baseline: Baseline { objective: o.baseline.objective(), hard_violations: o.baseline.hard().count() },
                check: Check { objective: o.report.objective(), hard_violations: o.report.hard().count() },
            },
            model: ModelSize {
                arcs: st.arcs,
                columns: st.cols,
                integer_columns: st.integers,
                rows: st.rows,
                nonzeros: st.nnz,
                parts: st.parts,
            },
            rules,
            exclusions: st.excluded.iter().filter(|(_, n)| *n > 0).map(|&(r, arcs)| Exclusion { rule: r.into(), arcs }).collect(),
            moves_per_year: super::moves_per_year(rows)
                .into_iter()
                .map(|(year, kinds)| YearMoves {
                    year,
                    total: kinds.iter().map(|(_, n)| n).sum(),
                    by_kind: kinds.into_iter().map(|(k, n)| (k.as_str(), n)).collect(),
                })
                .collect(),
            quality: Quality::new(s, o, rows),
            moves: rows
                .iter()
                .filter(|r| r.kind.is_change())
                .map(|r| Move {
                    year: r.year,
                    person_id: s.person(r.person).id.clone(),
                    post_id: post_id(r.post),
                    previous_post_id: post_id(r.previous),
                    kind: r.kind.as_str(),
                    reason: r.reason.clone(),
                })
                .collect(),
            hard_violations: o
                .report
                .hard()
                .map(|f| Violation { rule: f.rule.into(), year: f.year, message: f.message.clone() })
                .collect(),
            tenure: Tenure::new(s, &o.plan),
            hardship: hardship(s, &o.plan),
            recusal_conflicts: recusal_conflicts(s, &o.report),
            what_if: s.what_if.clone(),
            replan: s.reference.as_ref().map(|r| Replanned {
                plan_file: absolute(&r.file),
                frozen_through: r.frozen_through,
                changes: crate::diff::diff(s, &r.plan, &o.plan),
            }),
        }
    }

    /// The "LP bound (all moves)" of `summary.md` and `report.html`: the bound, or why
    /// there is none.
    pub fn lp_bound_text(&self) -> String {
        let parts = self.model.parts;
        match (self.solver.lp_bound, self.solver.unpriced_parts) {
            (Some(b), _) => format!("{b:.2}"),
            (None, 0) => "n/a".into(),
            (None, k) => format!(
                "n/a: pricing did not end in {k} of {parts} independent part(s) (the time limit or Ctrl-C stopped it{}); \
                 their bound is the Lagrangian one of pricing's rounds, weak until pricing nears its end. A longer --time-limit \
                 gives the LP bound",
                fell_back_text(self.solver.fell_back_parts).map_or(String::new(), |t| format!("; {t}"))
            ),
        }
    }
}

impl Quality {
    /// The plan-quality figures of `o`.
    pub fn new(s: &Scenario, o: &Outcome, rows: &[Row]) -> Quality {
        let reach = [(Reach::Place, "place"), (Reach::Unit, "unit"), (Reach::InsideUnit, "inside_unit")]
            .into_iter()
            .map(|(reach_of, label)| {
                let count = |kind| {
                    rows.iter()
                        .filter(|r| r.kind == kind)
                        .filter(|r| matches!((r.previous, r.post), (Some(a), Some(b)) if reach(s, a, b) == reach_of))
                        .count()
                };
                ReachRow {
                    reach: label,
                    exchange: count(MoveKind::Exchange),
                    rotation: count(MoveKind::Rotation),
                    promotion: count(MoveKind::Promotion),
                }
            })
            .collect();
        let early_departures = crate::rules::tenure_min::early_departures(s, &o.plan)
            .into_iter()
            .map(|(p, year, from, years_served, forced_by)| EarlyDeparture {
                year,
                person_id: s.person(p).id.clone(),
                from_post_id: s.post(from).id.clone(),
                to_post_id: o.plan.post(s, p, year).map(|j| s.post(j).id.clone()),
                years_served,
                forced_by,
            })
            .collect();
        // The first and the last finding over a limit per official and rule, by official id.
        let mut counts = Vec::new();
        let mut last: BTreeMap<(&str, &'static str), (PersonIx, i32, &Finding)> = BTreeMap::new();
        for rule in ["tenure-max", "priority-groups", "term-cap"] {
            let found: Vec<_> = o.report.findings.iter().filter(|f| f.rule == rule && f.severity == Severity::Soft).collect();
            let before = last.len();
            for f in &found {
                if let Some(p) = f.person {
                    let key = (s.person(p).id.as_str(), rule);
                    let first = last.get(&key).map_or(f.year, |e| e.1.min(f.year));
                    last.insert(key, (p, first, f));
                }
            }
            counts.push(KeptCount { rule, officials: last.len() - before, person_years: found.len() });
        }
        let all = crate::rules::all(s);
        let kept = last
            .into_par_iter()
            .map(|((id, rule), (p, first_year, f))| {
                // Where the rule counts the years, and where else the official could have gone.
                let counter = all.iter().find(|r| r.id() == rule);
                let scope = f.post.or(o.plan.post(s, p, f.year)).and_then(|j| counter?.counts_in(s, j));
                let elsewhere = scope.map(|scope| crate::rules::exchange::elsewhere(s, &all, p, scope, (first_year, f.year)));
                let elsewhere = elsewhere.unwrap_or_default();
                Kept {
                    rule,
                    person_id: id.to_string(),
                    first_year,
                    year: f.year,
                    message: f.message.clone(),
                    why: if crate::rules::audit_hold::held(s, p, f.year) {
                        "audit_hold"
                    } else if crate::rules::near_retirement::near(s, p, f.year) {
                        "near_retirement"
                    } else if scope.is_some() && elsewhere.open.is_empty() {
                        "nowhere_else"
                    } else {
                        "soft_limit"
                    },
                    retire_year: s.person(p).retire_year,
                    scope: scope.map(|scope| scope.label(s)).unwrap_or_default(),
                    open_elsewhere: elsewhere.open.iter().map(|&k| s.post(k).id.clone()).collect(),
                    excluded_elsewhere: elsewhere.excluded.iter().map(|&(rule, posts)| ExcludedPosts { rule, posts }).collect(),
                }
            })
            .collect();
        // Paired heads (a unit's and its pair's, as `team-balance` groups them).
        let both_heads_leave = crate::rules::team_balance::TeamBalance::new(s)
            .paired_heads_leaving(s, &o.plan)
            .into_iter()
            .map(|(year, gone)| {
                let mut units: Vec<String> = Vec::new();
                let mut heads = Vec::new();
                for (p, j) in gone {
                    let name = &s.unit(s.post(j).unit).name;
                    if !units.contains(name) {
                        units.push(name.clone());
                    }
                    let row = rows.iter().find(|r| r.year == year && r.person == p);
                    heads.push(HeadLeaving {
                        person_id: s.person(p).id.clone(),
                        from_post_id: s.post(j).id.clone(),
                        to_post_id: o.plan.post(s, p, year).map(|k| s.post(k).id.clone()),
                        reason: row.map(|r| r.reason.clone()).unwrap_or_default(),
                    });
                }
                BothHeads { year, units, heads }
            })
            .collect();
        Quality {
            reach,
            minimum_stay: s.policy.tenure_min.years,
            early_departures,
            kept_past_limits: counts,
            kept,
            both_heads_leave,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::PostIx;
    use crate::testkit::{plan_of, Builder};

    #[test]
    fn why_an_official_is_kept_names_where_else_they_could_go() {
        let kept = |why, open: &[&str], excluded: Vec<ExcludedPosts>| Kept {
            rule: "tenure-max",
            person_id: "C1".into(),
            first_year: 2028,
            year: 2031,
            message: String::new(),
            why,
            retire_year: 2040,
            scope: "County Finance Bureau".into(),
            open_elsewhere: open.iter().map(|s| s.to_string()).collect(),
            excluded_elsewhere: excluded,
        };
        let by = |rule, posts| ExcludedPosts { rule, posts };
        assert_eq!(
            kept("nowhere_else", &[], vec![by("skill-fit", 9), by("grade-window", 2)]).why_text(),
            "no post outside County Finance Bureau is open to them in 2028–2031 (skill-fit excludes 9 posts, grade-window 2): \
             leaving means the reserve"
        );
        assert_eq!(
            kept("nowhere_else", &[], vec![]).why_text(),
            "no post lies outside County Finance Bureau: leaving means the reserve"
        );
        assert_eq!(
            kept("soft_limit", &["P1", "P2", "P3", "P4", "P5"], vec![]).why_text(),
            "a soft limit: its penalty is less than what moving would cost here (open to them outside County Finance Bureau \
             in 2028–2031: P1, P2, P3 and 2 more)"
        );
        assert_eq!(
            kept("soft_limit", &[], vec![]).why_text(),
            "a soft limit: its penalty is less than what moving would cost here"
        );
    }

    /// A county deputy who grew up in the county and retires in 2029: moving him in 2028
    /// resolves the conflict then; keeping him until he retires resolves nothing (the
    /// conflict ends by itself).
    #[test]
    fn a_conflict_ended_by_retirement_is_not_resolved_by_the_plan() {
        let mut b = Builder::new(2027, 3);
        let (j, k) = (b.post("J", 3), b.post_in("K", "U-other", 3));
        let a = b.person("A", 3, Some(j), 2020);
        let county = b.region("R-county");
        let mut s = b.build();
        s.posts[j.0 as usize].regional_recusal = true;
        s.people[a.0 as usize].grewup = Some(county);
        s.people[a.0 as usize].retire_year = 2029;
        let resolved = |holds: &[Option<PostIx>]| {
            let report = crate::check::check(&s, &plan_of(&s, &[(a, holds)]));
            let found = recusal_conflicts(&s, &report);
            assert_eq!(found.len(), 1, "{found:?}");
            found[0].resolved_in
        };
        assert_eq!(resolved(&[Some(j), Some(k), None]), Some(2028));
        assert_eq!(resolved(&[Some(k), Some(k), None]), Some(2027));
        assert_eq!(resolved(&[Some(j), Some(j), None]), None, "kept until he retires");
    }
}

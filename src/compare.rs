//! `rotaplan compare`: one pool planned under several policies side by side. Each variant
//! is the scenario with another policy (a file, or the scenario's own with a few
//! parameters changed); the variants are planned in parallel, the machine's threads split
//! between them, and each plan is measured the same way ([`Metrics`]) and compared with
//! the first one's ([`crate::diff`]).

use crate::diagnose::Conflict;
use crate::error::{Error, Result};
use crate::explain::Row;
use crate::mip::SolveOptions;
use crate::planner::Outcome;
use crate::report::ReportData;
use crate::scenario::Scenario;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// A policy to plan under: the scenario with it in force.
pub struct Variant {
    /// Short name, unique among the variants (a directory name in the output).
    pub label: String,
    /// Where the policy comes from, in words (`the scenario's own`, a file, `--set …`).
    pub source: String,
    /// The scenario under this policy.
    pub scenario: Scenario,
    /// The policy as a file, to write beside the plan when it is in no file of its own
    /// (a `--set` variant, whose `policy_file` names that `policy.toml` in the output).
    pub policy_toml: Option<String>,
}

/// What planning one variant gave.
pub enum Result1 {
    /// A plan, explained, with its figures.
    Planned {
        /// The outcome.
        outcome: Box<Outcome>,
        /// Its rows explained.
        rows: Vec<Row>,
        /// Its report figures.
        data: Box<ReportData>,
    },
    /// No plan meets the hard rules: the conflicts.
    Infeasible(Vec<Conflict>),
}

/// One variant planned.
pub struct Run {
    /// The variant.
    pub variant: Variant,
    /// What planning it gave.
    pub result: Result1,
}

/// Plans every variant, side by side: `opts.threads` split between the runs that run at
/// once (one per core the pool has, at most one per variant), each with `opts`'s time
/// limit. `on_done` is called with each label as its run ends.
pub fn run(variants: Vec<Variant>, opts: &SolveOptions, on_done: &(dyn Fn(&str) + Sync)) -> Result<Vec<Run>> {
    let side_by_side = variants.len().clamp(1, rayon::current_num_threads().max(1)) as u32;
    let opts = SolveOptions { threads: (opts.threads / side_by_side).max(1), ..opts.clone() };
    variants
        .into_par_iter()
        .map(|variant| {
            let s = &variant.scenario;
            let result = match crate::planner::plan(s, &opts, None, &|_| {}) {
                Ok(outcome) => {
                    let rows = crate::explain::explain(s, &crate::rules::all(s), &outcome.plan);
                    let data = Box::new(ReportData::new(s, &outcome, &rows));
                    Result1::Planned { outcome: Box::new(outcome), rows, data }
                }
                Err(Error::Infeasible(conflicts)) => Result1::Infeasible(conflicts),
                Err(e) => return Err(e),
            };
            on_done(&variant.label);
            Ok(Run { variant, result })
        })
        .collect()
}

/// Each run's differences from the first run's plan (`None` for the first, and for a run
/// or a first run without a plan).
pub fn diffs(runs: &[Run]) -> Vec<Option<crate::diff::Diff>> {
    fn plan(r: &Run) -> Option<&crate::plan::Plan> {
        match &r.result {
            Result1::Planned { outcome, .. } => Some(&outcome.plan),
            Result1::Infeasible(_) => None,
        }
    }
    let first = runs.first().and_then(plan);
    runs.iter()
        .enumerate()
        .map(|(k, r)| Some(crate::diff::diff(&r.variant.scenario, first.filter(|_| k > 0)?, plan(r)?)))
        .collect()
}

/// The busiest team-year: the most posts of one team changing holder in one year.
#[derive(Debug, Clone, Serialize)]
pub struct Churn {
    /// Team id.
    pub team: String,
    /// Year.
    pub year: i32,
    /// Posts of the team whose holder changes that year.
    pub changes: usize,
}

/// The figures compared, per variant.
#[derive(Debug, Clone, Serialize)]
pub struct Metrics {
    /// The variant's label.
    pub label: String,
    /// Where its policy comes from.
    pub source: String,
    /// `optimal`, `feasible`, `time limit`, …, or `infeasible`.
    pub status: String,
    /// Objective (`null`: no plan).
    pub objective: Option<f64>,
    /// Relative gap to the bound.
    pub gap: Option<f64>,
    /// Seconds solving (model building included).
    pub seconds: f64,
    /// The objective by rule (the check's).
    pub by_rule: BTreeMap<String, f64>,
    /// Moves (changes of the reshuffle lists) per year.
    pub moves_per_year: BTreeMap<i32, usize>,
    /// Officials kept past each tenure rule's soft limit (`tenure-max`, `priority-groups`,
    /// `term-cap`).
    pub kept_past_limits: BTreeMap<String, usize>,
    /// Hardship post-years held, of all hardship post-years.
    pub hardship_held: [usize; 2],
    /// Recusal conflicts of today's postings resolved, of all.
    pub recusal_resolved: [usize; 2],
    /// Average skill level (0–3) of holders in their posts' domains, over held post-years.
    pub skill_fit: Option<f64>,
    /// Post-years left empty.
    pub vacancies: usize,
    /// The busiest team-year.
    pub largest_team_churn: Option<Churn>,
    /// Officials whose path differs from the first variant's plan (`null` for the first,
    /// and for a variant without a plan).
    pub differ_from_first: Option<usize>,
}

impl Metrics {
    /// The figures of one run; `diff`: its differences from the first variant's plan.
    pub fn new(run: &Run, diff: Option<&crate::diff::Diff>) -> Metrics {
        let v = &run.variant;
        let s = &v.scenario;
        let Result1::Planned { outcome, data, .. } = &run.result else {
            return Metrics {
                label: v.label.clone(),
                source: v.source.clone(),
                status: "infeasible".into(),
                objective: None,
                gap: None,
                seconds: 0.0,
                by_rule: BTreeMap::new(),
                moves_per_year: BTreeMap::new(),
                kept_past_limits: BTreeMap::new(),
                hardship_held: [0, 0],
                recusal_resolved: [0, 0],
                skill_fit: None,
                vacancies: 0,
                largest_team_churn: None,
                differ_from_first: None,
            };
        };
        let plan = &outcome.plan;
        let (mut fit, mut held, mut vacancies) = (0u64, 0u64, 0);
        let mut churn: Option<Churn> = None;
        let mut before = plan.holders_at(s, s.start_year - 1);
        for y in plan.years() {
            let holders = plan.holders(y, s.posts.len());
            let mut per_team: BTreeMap<u32, usize> = BTreeMap::new();
            for (j, h) in holders.iter().enumerate() {
                match h.first() {
                    Some(&p) => {
                        fit += crate::rules::skill_fit::fit(s, p, crate::scenario::PostIx(j as u32)) as u64;
                        held += 1;
                    }
                    None => vacancies += 1,
                }
                if h.first() != before[j].first() {
                    *per_team.entry(s.posts[j].team.0).or_default() += 1;
                }
            }
            for (t, n) in per_team {
                if churn.as_ref().is_none_or(|c| n > c.changes) {
                    churn = Some(Churn { team: s.teams[t as usize].id.clone(), year: y, changes: n });
                }
            }
            before = holders;
        }
        Metrics {
            label: v.label.clone(),
            source: v.source.clone(),
            status: data.solver.status.clone(),
            objective: data.solver.objective,
            gap: data.solver.gap,
            seconds: data.solver.solve_seconds + data.solver.build_seconds,
            by_rule: data.rules.iter().filter(|r| r.objective != 0.0).map(|r| (r.rule.clone(), r.objective)).collect(),
            moves_per_year: data.moves_per_year.iter().map(|y| (y.year, y.total)).collect(),
            kept_past_limits: data.quality.kept_past_limits.iter().map(|k| (k.rule.to_string(), k.officials)).collect(),
            hardship_held: [data.hardship.iter().map(|h| h.held).sum(), data.hardship.iter().map(|h| h.posts).sum()],
            recusal_resolved: [
                data.recusal_conflicts.iter().filter(|c| c.resolved_in.is_some()).count(),
                data.recusal_conflicts.len(),
            ],
            skill_fit: (held > 0).then(|| fit as f64 / held as f64),
            vacancies,
            largest_team_churn: churn,
            differ_from_first: diff.map(|d| d.people.len()),
        }
    }
}

/// The side-by-side table: one row per figure, one column per variant, as text cells.
pub fn table(metrics: &[Metrics]) -> (Vec<String>, Vec<Vec<String>>) {
    let head: Vec<String> = std::iter::once("".to_string()).chain(metrics.iter().map(|m| m.label.clone())).collect();
    let num = |x: Option<f64>| x.map_or("–".to_string(), |x| format!("{x:.2}"));
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = |name: String, cell: &dyn Fn(&Metrics) -> String| {
        rows.push(std::iter::once(name).chain(metrics.iter().map(cell)).collect());
    };
    row("policy".into(), &|m| m.source.clone());
    row("status".into(), &|m| m.status.clone());
    row("objective".into(), &|m| num(m.objective));
    row("gap".into(), &|m| m.gap.map_or("–".into(), |g| format!("{:.3}%", g * 100.0)));
    row("solve time".into(), &|m| format!("{:.1} s", m.seconds));
    let mut rules: Vec<&String> = metrics.iter().flat_map(|m| m.by_rule.keys()).collect();
    rules.sort();
    rules.dedup();
    for rule in rules {
        row(format!("objective: {rule}"), &|m| num(m.by_rule.get(rule).copied().or(m.objective.map(|_| 0.0))));
    }
    let mut years: Vec<i32> = metrics.iter().flat_map(|m| m.moves_per_year.keys().copied()).collect();
    years.sort();
    years.dedup();
    for y in years {
        row(format!("moves {y}"), &|m| m.moves_per_year.get(&y).map_or("–".into(), usize::to_string));
    }
    row("moves, all years".into(), &|m| {
        if m.objective.is_none() {
            "–".into()
        } else {
            m.moves_per_year.values().sum::<usize>().to_string()
        }
    });
    for rule in ["tenure-max", "priority-groups", "term-cap"] {
        row(format!("officials kept past {rule} (soft limit)"), &|m| {
            m.kept_past_limits.get(rule).map_or("–".into(), usize::to_string)
        });
    }
    let planned = |m: &Metrics, text: String| if m.objective.is_none() { "–".to_string() } else { text };
    row("hardship post-years held".into(), &|m| planned(m, format!("{} of {}", m.hardship_held[0], m.hardship_held[1])));
    row("recusal conflicts of today resolved".into(), &|m| {
        planned(m, format!("{} of {}", m.recusal_resolved[0], m.recusal_resolved[1]))
    });
    row("average skill fit (0–3)".into(), &|m| m.skill_fit.map_or("–".into(), |f| format!("{f:.2}")));
    row("vacancies (post-years)".into(), &|m| planned(m, m.vacancies.to_string()));
    row("largest team churn".into(), &|m| {
        m.largest_team_churn.as_ref().map_or("–".into(), |c| format!("{} ({}, {})", c.changes, c.team, c.year))
    });
    let first = metrics.first().map_or("", |m| m.label.as_str()).to_string();
    row(format!("officials placed differently from {first}"), &|m| m.differ_from_first.map_or("–".into(), |n| n.to_string()));
    (head, rows)
}

/// The table in Markdown.
pub fn markdown(metrics: &[Metrics]) -> String {
    let (head, rows) = table(metrics);
    let mut out = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len()));
    for r in rows {
        let _ = writeln!(out, "| {} |", r.join(" | "));
    }
    out
}

/// The table as CSV (the same rows and columns).
pub fn csv(metrics: &[Metrics]) -> String {
    let (head, rows) = table(metrics);
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&head).expect("in memory");
    for r in rows {
        w.write_record(&r).expect("in memory");
    }
    String::from_utf8(w.into_inner().expect("in memory")).expect("UTF-8 in, UTF-8 out")
}

/// Labels for a directory each: the characters a file name can take, unique.
pub fn unique_labels(labels: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in labels {
        let clean: String =
            l.chars().map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '=') { c } else { '_' }).collect();
        let clean = if clean.is_empty() || clean.starts_with('.') { format!("policy{clean}") } else { clean };
        let mut label = clean.clone();
        let mut k = 2;
        while out.contains(&label) {
            label = format!("{clean}-{k}");
            k += 1;
        }
        out.push(label);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_file_names_and_unique() {
        let got = unique_labels(vec![
            "scenario".into(),
            "strict".into(),
            "strict".into(),
            "tenure-max.hard_years=8".into(),
            "a/b c".into(),
            "".into(),
        ]);
        assert_eq!(got, ["scenario", "strict", "strict-2", "tenure-max.hard_years=8", "a_b_c", "policy"]);
    }
}

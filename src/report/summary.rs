//! `summary.md`: what was solved, how well, and what each rule cost.

use super::data::{Quality, ReportData};
use crate::explain::Row;
use crate::mip::Status;
use crate::planner::Outcome;
use crate::scenario::Scenario;
use crate::sheet::Sheet;
use std::fmt::Write;

fn num(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.2}")
    } else {
        "n/a".into()
    }
}

/// The summary text: `d` holds the figures `report.json` has too.
pub fn summary(s: &Scenario, o: &Outcome, rows: &[Row], d: &ReportData) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Plan for {} ({}–{})\n", s.name, s.start_year, s.end_year());
    let _ = writeln!(out, "Policy: {}\n", policy(s));
    let _ = writeln!(out, "## Solver\n");
    let _ = writeln!(out, "| item | value |\n|---|---|");
    for (k, v) in solver(o, d) {
        let _ = writeln!(out, "| {k} | {v} |");
    }
    let _ = writeln!(out, "\n## Moves per year\n");
    out += &markdown(&moves_per_year(rows));
    quality(&mut out, &d.quality);
    if !d.what_if.is_empty() {
        let _ = writeln!(out, "\n## What-if pins (command line)\n");
        for p in &d.what_if {
            let _ = writeln!(out, "- {p}");
        }
    }
    if let Some(r) = &d.replan {
        let frozen = r.frozen_through.map_or("nothing frozen".into(), |y| format!("kept as published through {y}"));
        let _ = writeln!(out, "\n## Changes against the published plan\n\nPublished plan: {} ({frozen}).\n", r.plan_file);
        out += &r.changes.markdown("the published plan", "this plan");
    }
    let _ = writeln!(out, "\n## Rules\n");
    let _ = writeln!(out, "| rule | hard violations | soft violations | rewards | penalty |\n|---|---|---|---|---|");
    for t in &d.rules {
        let _ = writeln!(out, "| {} | {} | {} | {} | {} |", t.rule, t.hard, t.soft, t.rewards, num(t.objective));
    }
    let _ = writeln!(out, "\n## Exclusions\n\nArcs (person, post, year) each rule removed before solving:\n");
    let _ = writeln!(out, "| rule | arcs excluded |\n|---|---|");
    for e in &d.exclusions {
        let _ = writeln!(out, "| {} | {} |", e.rule, e.arcs);
    }
    if o.report.hard().count() > 0 {
        let _ = writeln!(out, "\n## Hard violations\n");
        for f in o.report.hard() {
            let _ = writeln!(out, "- {} {}: {}", f.rule, f.year, f.message);
        }
    }
    out
}

/// The policy file, in words.
fn policy(s: &Scenario) -> String {
    s.policy_file.as_ref().map_or("inline in scenario.toml".to_string(), |p| p.display().to_string())
}

/// The solver's figures, item by item, as the summary's first table has them.
fn solver(o: &Outcome, d: &ReportData) -> Vec<(&'static str, String)> {
    let sol = &o.solution;
    let st = &o.stats;
    let status = match sol.status {
        Status::TimeLimit => format!("time limit reached; best plan found, {:.3}% from the bound", sol.gap * 100.0),
        Status::Interrupted => format!("interrupted (Ctrl-C); best plan found, {:.3}% from the bound", sol.gap * 100.0),
        s => s.as_str().to_string(),
    };
    vec![
        ("status", status),
        ("objective", num(sol.objective)),
        ("best bound", num(sol.bound)),
        ("gap", if sol.gap.is_finite() { format!("{:.4}%", sol.gap * 100.0) } else { "n/a".into() }),
        (
            "first plan meeting every hard rule",
            st.first_plan
                .map_or("none before the search (the greedy plan breaks a hard rule and was not repaired)".into(), |(t, obj)| {
                    format!("objective {} after {t:.2} s (the greedy plan, repaired)", num(obj))
                }),
        ),
        ("solve time", format!("{:.2} s", sol.seconds)),
        ("build time", format!("{:.2} s", st.build_seconds)),
        ("branch-and-bound nodes", sol.nodes.to_string()),
        ("LP bound (all moves)", d.lp_bound_text()),
        (
            "moves given to the MIP",
            format!("{} of {} columns, after {} pricing round(s)", st.working_cols, st.cols, st.pricing_rounds),
        ),
        ("peak memory", st.peak_mib.map_or("n/a".into(), |m| format!("{m:.0} MiB"))),
        ("greedy baseline", {
            let b = o.baseline.objective();
            format!(
                "objective {} ({} hard violations); ours is {} of it",
                num(b),
                o.baseline.hard().count(),
                if b > 1e-9 && sol.objective >= 0.0 { format!("{:.3}", sol.objective / b) } else { "n/a".into() }
            )
        }),
        (
            "model",
            format!(
                "{} columns ({} binary), {} rows, {} nonzeros; {} eligible arcs",
                st.cols, st.integers, st.rows, st.nnz, st.arcs
            ),
        ),
        (
            "check",
            format!(
                "objective {} recomputed from the plan; {} hard violation(s)",
                num(o.report.objective()),
                o.report.hard().count()
            ),
        ),
    ]
}

/// The summary's figures as the first sheets of `plan.xlsx`: `summary` (the scenario, the
/// policy and the solver's figures), `moves per year` and `rules` (the objective by rule).
pub(super) fn sheets(s: &Scenario, o: &Outcome, rows: &[Row], d: &ReportData) -> Vec<Sheet> {
    let mut summary = Sheet::new("summary", &["item", "value"]);
    summary.rows.push(vec!["scenario".into(), s.name.clone()]);
    summary.rows.push(vec!["years".into(), format!("{}–{}", s.start_year, s.end_year())]);
    summary.rows.push(vec!["policy".into(), policy(s)]);
    summary.rows.extend(solver(o, d).into_iter().map(|(k, v)| vec![k.to_owned(), v]));
    vec![summary, moves_per_year(rows), rules(d)]
}

/// Moves per year and kind, with the year's total.
fn moves_per_year(rows: &[Row]) -> Sheet {
    let per_year = super::moves_per_year(rows);
    let mut header = vec!["year"];
    header.extend(per_year.first().into_iter().flat_map(|(_, kinds)| kinds.iter().map(|(k, _)| k.as_str())));
    header.push("total");
    let mut moves = Sheet::new("moves per year", &header);
    moves.rows.extend(per_year.iter().map(|(y, kinds)| {
        let mut row = vec![y.to_string()];
        row.extend(kinds.iter().map(|(_, n)| n.to_string()));
        row.push(kinds.iter().map(|(_, n)| n).sum::<usize>().to_string());
        row
    }));
    moves
}

/// The objective by rule, as the independent check recomputes it (as numbers, to the
/// cent: the summary's table shows two decimals).
fn rules(d: &ReportData) -> Sheet {
    let mut rules = Sheet::new("rules", &["rule", "hard violations", "soft violations", "rewards", "penalty"]);
    rules.rows.extend(d.rules.iter().map(|t| {
        let penalty = crate::sheet::number_text((t.objective * 100.0).round() / 100.0);
        vec![t.rule.clone(), t.hard.to_string(), t.soft.to_string(), t.rewards.to_string(), penalty]
    }));
    rules
}

/// A table as Markdown.
fn markdown(t: &Sheet) -> String {
    let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
    line(&t.header) + &format!("|{}\n", "---|".repeat(t.header.len())) + &t.rows.iter().map(|r| line(r)).collect::<String>()
}

/// The plan-quality section: how far moves go, early moves and what forced them, officials
/// left past a tenure limit, and places whose two heads leave in one year.
fn quality(out: &mut String, q: &Quality) {
    let _ = writeln!(out, "\n## Plan quality\n");
    let _ = writeln!(out, "Moves from one post to another, by how far they go:\n");
    let _ = writeln!(out, "| reach | exchange | rotation | promotion | total |\n|---|---|---|---|---|");
    for r in &q.reach {
        let label = match r.reach {
            "place" => "to another place",
            "unit" => "to another unit of the same place",
            _ => "inside the unit",
        };
        let (e, t, p) = (r.exchange, r.rotation, r.promotion);
        let _ = writeln!(out, "| {label} | {e} | {t} | {p} | {} |", e + t + p);
    }

    let _ = writeln!(out, "\nDepartures before the {}-year minimum stay: {}.\n", q.minimum_stay, q.early_departures.len());
    for d in &q.early_departures {
        let to = d.to_post_id.as_deref().unwrap_or("the reserve");
        let why = d.forced_by.as_deref().unwrap_or("nothing forces it");
        let _ = writeln!(out, "- {} {}: {} → {to} after {} year(s): {why}", d.year, d.person_id, d.from_post_id, d.years_served);
    }

    let _ = writeln!(out, "\nOfficials kept past a tenure limit (soft findings; hard ones are violations):\n");
    let _ = writeln!(out, "| rule | officials | person-years |\n|---|---|---|");
    for c in &q.kept_past_limits {
        let _ = writeln!(out, "| {} | {} | {} |", c.rule, c.officials, c.person_years);
    }
    if !q.kept.is_empty() {
        let _ = writeln!(out, "\nWhy each is kept (the last year over a limit):\n");
    }
    for k in &q.kept {
        let _ = writeln!(out, "- {} {}: {}; {}", k.rule, k.year, k.message, k.why_text());
    }

    let _ = writeln!(out, "\nYears in which both heads of a place leave: {}.", q.both_heads_leave.len());
    for b in &q.both_heads_leave {
        let _ = writeln!(out, "- {}: {}", b.year, b.units.join(" and "));
        for h in &b.heads {
            let to = h.to_post_id.as_ref().map_or("leaves".to_string(), |to| format!("→ {to}"));
            let _ = writeln!(out, "  - {} {} {to}: {}", h.person_id, h.from_post_id, h.reason);
        }
    }
}

//! `summary.md`: what was solved, how well, and what each rule cost.

use crate::explain::{MoveKind, Row};
use crate::mip::Status;
use crate::planner::Outcome;
use crate::rules::exchange::{reach, Reach};
use crate::rules::{Finding, Severity};
use crate::scenario::{PersonIx, Scenario};
use std::collections::BTreeMap;
use std::fmt::Write;

fn num(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.2}")
    } else {
        "n/a".into()
    }
}

/// The summary text.
pub fn summary(s: &Scenario, o: &Outcome, rows: &[Row]) -> String {
    let sol = &o.solution;
    let st = &o.stats;
    let mut out = String::new();
    let policy = s.policy_file.as_ref().map_or("inline in scenario.toml".to_string(), |p| p.display().to_string());
    let _ = writeln!(out, "# Plan for {} ({}–{})\n", s.name, s.start_year, s.end_year());
    let _ = writeln!(out, "Policy: {policy}\n");
    let _ = writeln!(out, "## Solver\n");
    let status = match sol.status {
        Status::TimeLimit => format!("time limit reached; best plan found, {:.3}% from the bound", sol.gap * 100.0),
        Status::Interrupted => format!("interrupted (Ctrl-C); best plan found, {:.3}% from the bound", sol.gap * 100.0),
        s => s.as_str().to_string(),
    };
    let _ = writeln!(out, "| item | value |\n|---|---|");
    for (k, v) in [
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
        ("LP bound (all moves)", st.lp_bound.map_or("n/a".into(), num)),
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
    ] {
        let _ = writeln!(out, "| {k} | {v} |");
    }
    let _ = writeln!(out, "\n## Moves per year\n");
    let per_year = super::moves_per_year(rows);
    if let Some((_, kinds)) = per_year.first() {
        let _ = writeln!(out, "| year | {} | total |", kinds.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>().join(" | "));
        let _ = writeln!(out, "|---|{}---|", "---|".repeat(kinds.len()));
    }
    for (y, kinds) in &per_year {
        let total: usize = kinds.iter().map(|(_, n)| n).sum();
        let _ = writeln!(out, "| {y} | {} | {total} |", kinds.iter().map(|(_, n)| n.to_string()).collect::<Vec<_>>().join(" | "));
    }
    quality(&mut out, s, o, rows);
    let _ = writeln!(out, "\n## Rules\n");
    let _ = writeln!(out, "| rule | hard violations | soft violations | rewards | penalty |\n|---|---|---|---|---|");
    let tally = o.report.tally();
    for rule in crate::rules::all(s) {
        let t = tally.get(rule.id()).copied().unwrap_or_default();
        let _ = writeln!(out, "| {} | {} | {} | {} | {} |", rule.id(), t.hard, t.soft, t.rewards, num(t.penalty));
    }
    if let Some(t) = tally.get("one-holder") {
        let _ = writeln!(out, "| one-holder | {} | 0 | 0 | 0.00 |", t.hard);
    }
    let _ = writeln!(out, "\n## Exclusions\n\nArcs (person, post, year) each rule removed before solving:\n");
    let _ = writeln!(out, "| rule | arcs excluded |\n|---|---|");
    for (id, n) in st.excluded.iter().filter(|(_, n)| *n > 0) {
        let _ = writeln!(out, "| {id} | {n} |");
    }
    if o.report.hard().count() > 0 {
        let _ = writeln!(out, "\n## Hard violations\n");
        for f in o.report.hard() {
            let _ = writeln!(out, "- {} {}: {}", f.rule, f.year, f.message);
        }
    }
    out
}

/// The plan-quality section: how far moves go, early moves and what forced them, officials
/// left past a tenure limit, and places whose two heads leave in one year.
fn quality(out: &mut String, s: &Scenario, o: &Outcome, rows: &[Row]) {
    let _ = writeln!(out, "\n## Plan quality\n");
    let _ = writeln!(out, "Moves from one post to another, by how far they go:\n");
    let _ = writeln!(out, "| reach | exchange | rotation | promotion | total |\n|---|---|---|---|---|");
    for (reach_of, label) in [
        (Reach::Place, "to another place"),
        (Reach::Unit, "to another unit of the same place"),
        (Reach::InsideUnit, "inside the unit"),
    ] {
        let count = |kind| {
            rows.iter()
                .filter(|r| r.kind == kind)
                .filter(|r| matches!((r.previous, r.post), (Some(a), Some(b)) if reach(s, a, b) == reach_of))
                .count()
        };
        let (e, r, p) = (count(MoveKind::Exchange), count(MoveKind::Rotation), count(MoveKind::Promotion));
        let _ = writeln!(out, "| {label} | {e} | {r} | {p} | {} |", e + r + p);
    }

    let early = crate::rules::tenure_min::early_departures(s, &o.plan);
    let _ = writeln!(out, "\nDepartures before the {}-year minimum stay: {}.\n", s.policy.tenure_min.years, early.len());
    for (p, y, from, n, why) in &early {
        let to = o.plan.post(s, *p, *y).map_or("the reserve".to_string(), |j| s.post(j).id.clone());
        let why = why.as_deref().unwrap_or("nothing forces it");
        let _ = writeln!(out, "- {y} {}: {} → {to} after {n} year(s): {why}", s.person(*p).id, s.post(*from).id);
    }

    let _ = writeln!(out, "\nOfficials kept past a tenure limit (soft findings; hard ones are violations):\n");
    let _ = writeln!(out, "| rule | officials | person-years |\n|---|---|---|");
    // The last finding over a limit per official and rule, by official id.
    let mut kept: BTreeMap<(&str, &str), (PersonIx, &Finding)> = BTreeMap::new();
    for rule in ["tenure-max", "priority-groups", "term-cap"] {
        let found: Vec<_> = o.report.findings.iter().filter(|f| f.rule == rule && f.severity == Severity::Soft).collect();
        let before = kept.len();
        for f in &found {
            if let Some(p) = f.person {
                kept.insert((s.person(p).id.as_str(), rule), (p, f));
            }
        }
        let _ = writeln!(out, "| {rule} | {} | {} |", kept.len() - before, found.len());
    }
    if !kept.is_empty() {
        let _ = writeln!(out, "\nWhy each is kept (the last year over a limit):\n");
    }
    for ((_, rule), (p, f)) in &kept {
        let why = if crate::rules::audit_hold::held(s, *p, f.year) {
            "on audit hold".to_string()
        } else if crate::rules::near_retirement::near(s, *p, f.year) {
            format!("retires in {}", s.person(*p).retire_year)
        } else {
            "a soft limit: its penalty is less than what moving would cost here".to_string()
        };
        let _ = writeln!(out, "- {rule} {}: {}; {why}", f.year, f.message);
    }

    // Paired heads (a unit's and its pair's, as `team-balance` groups them) leaving together.
    let both = crate::rules::team_balance::TeamBalance::new(s).paired_heads_leaving(s, &o.plan);
    let _ = writeln!(out, "\nYears in which both heads of a place leave: {}.", both.len());
    for (y, gone) in &both {
        let mut units: Vec<&str> = Vec::new();
        for &(_, j) in gone {
            let name = s.unit(s.post(j).unit).name.as_str();
            if !units.contains(&name) {
                units.push(name);
            }
        }
        let _ = writeln!(out, "- {y}: {}", units.join(" and "));
    }
}

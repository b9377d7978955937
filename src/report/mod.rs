//! Writing results. Everything goes to a staging directory next to the target and is
//! renamed into place only when complete, so a failed or interrupted run never leaves a
//! half-written plan, and an earlier result is only replaced with `--force`.

mod data;
mod html;
mod summary;

use crate::error::{Error, Result};
use crate::explain::{MoveKind, Row};
use crate::planner::Outcome;
use crate::scenario::Scenario;
use crate::sheet::Sheet;
use std::fs;
use std::path::{Path, PathBuf};

pub use data::{fell_back_text, ReportData};
pub use summary::summary;

/// Fails early (before any work) if `out` exists and may not be replaced.
pub fn preflight(out: &Path, force: bool) -> Result<()> {
    if out.exists() && !force {
        return Err(Error::Exists(out.to_path_buf()));
    }
    Ok(())
}

fn io<T>(path: &Path, r: std::io::Result<T>) -> Result<T> {
    r.map_err(|source| Error::Output { path: path.to_path_buf(), source })
}

/// Prefix of the staging directories `write_dir` fills, hidden next to the output and
/// followed by the writing process's id.
const STAGING: &str = ".rotaplan-staging-";

/// Writes a directory atomically: `fill` writes into a fresh staging directory, which
/// then replaces `out` (only with `force` if `out` exists).
///
/// Whatever instant the process dies at (even by SIGKILL), `out` is either the earlier
/// output, intact, or the new one, complete: the two are swapped in one
/// `renameat2(RENAME_EXCHANGE)` on Linux file systems that support it (elsewhere two
/// renames, between which a killed run leaves the earlier output as `.rotaplan-old-<pid>`).
/// Otherwise a killed run leaves only a hidden `.rotaplan-staging-<pid>-…` entry beside
/// `out`, which the next run in that directory removes once its process is gone.
pub fn write_dir(out: &Path, force: bool, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    preflight(out, force)?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    io(&parent, fs::create_dir_all(&parent))?;
    remove_stale_staging(&parent);
    let prefix = format!("{STAGING}{}-", std::process::id());
    let staging = io(&parent, tempfile::Builder::new().prefix(&prefix).tempdir_in(&parent))?;
    fill(staging.path())?;
    pause_for_crash_tests();
    if out.symlink_metadata().is_ok() {
        // The staging path takes the earlier output (a directory, or a file) in the swap.
        io(out, swap(staging.path(), out))?;
        let old = staging.keep();
        io(&old, remove_any(&old))?;
    } else {
        let staged = staging.keep();
        io(out, fs::rename(&staged, out))?;
    }
    Ok(())
}

/// Crash tests (`tests/cli.rs`) set `ROTAPLAN_TEST_PAUSE_MS` to hold a run with its
/// output complete in the staging directory and not yet in place, and kill it there.
fn pause_for_crash_tests() {
    if let Some(ms) = std::env::var("ROTAPLAN_TEST_PAUSE_MS").ok().and_then(|v| v.parse().ok()) {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Exchanges two paths: atomically where the system can.
fn swap(a: &Path, b: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            // A file system without the flag: fall back to two renames.
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(e.into()),
        }
    }
    // Outside the staging prefix, so that no later run removes it: if this process dies
    // between the renames, the earlier output is there to restore by hand.
    let tmp = b.with_file_name(format!(".rotaplan-old-{}", std::process::id()));
    fs::rename(b, &tmp)?;
    if let Err(e) = fs::rename(a, b) {
        let _ = fs::rename(&tmp, b);
        return Err(e);
    }
    fs::rename(&tmp, a)
}

/// Removes the staging directories in `dir` left by writing processes that are gone
/// (killed while writing). Best effort: what cannot be removed stays, hidden.
fn remove_stale_staging(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(STAGING)).and_then(|rest| rest.split('-').next()) else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else { continue };
        if pid != std::process::id() && !process_alive(pid) {
            let _ = remove_any(&entry.path());
        }
    }
}

/// Removes a directory tree or a file.
fn remove_any(path: &Path) -> std::io::Result<()> {
    if path.symlink_metadata()?.is_dir() {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    }
}

/// Whether a process with this id runs (assumed so where the system cannot tell).
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Writes `plan.csv`, `vacancies.csv`, `annual/<year>.csv`, `plan.xlsx` (the same tables
/// and the summary's figures as one workbook), `summary.md`, `report.json` and
/// `report.html` into `dir`.
pub fn write_plan_files(dir: &Path, s: &Scenario, outcome: &Outcome, rows: &[Row], data: &ReportData) -> Result<()> {
    let (plan, vacancies, annual) = plan_sheets(s, outcome, rows);
    plan.write_csv(&dir.join("plan.csv"))?;
    vacancies.write_csv(&dir.join("vacancies.csv"))?;
    let annual_dir = dir.join("annual");
    io(&annual_dir, fs::create_dir(&annual_dir))?;
    for year in &annual {
        year.write_csv(&annual_dir.join(format!("{}.csv", year.name)))?;
    }
    let mut book = summary::sheets(s, outcome, rows, data);
    book.push(per_unit(s, outcome));
    book.extend(annual);
    book.extend([plan, vacancies]);
    crate::sheet::write_workbook(&dir.join(WORKBOOK), &book)?;

    let path = dir.join("summary.md");
    io(&path, fs::write(&path, summary(s, outcome, rows, data)))?;

    let path = dir.join("report.html");
    io(&path, fs::write(&path, html::html(s, outcome, rows, data)))?;

    if let Some(lp) = &outcome.lp {
        let path = dir.join(LP_FILE);
        io(&path, fs::write(&path, serde_json::to_string(lp).expect("the certificate serialises")))?;
    }

    let path = dir.join("report.json");
    let json = serde_json::to_string_pretty(data).expect("the report serialises");
    io(&path, fs::write(&path, json + "\n"))
}

/// The workbook of a plan's output directory: the summary's figures, each year's
/// reshuffle list, the plan and the vacancies.
pub const WORKBOOK: &str = "plan.xlsx";

/// The plan's tables, built once for the CSV files and the workbook: `plan` (every
/// official's post each year, with the move and its reason), `vacancies`, and each year's
/// reshuffle list (the changes, with names and titles), named by its year.
fn plan_sheets(s: &Scenario, outcome: &Outcome, rows: &[Row]) -> (Sheet, Sheet, Vec<Sheet>) {
    let post_id = |j: Option<crate::scenario::PostIx>| j.map_or(String::new(), |j| s.post(j).id.clone());
    let mut plan = Sheet::new("plan", &["year", "person_id", "post_id", "previous_post_id", "move", "reason"]);
    plan.rows.extend(rows.iter().map(|r| {
        let kind = r.kind.as_str().to_owned();
        vec![r.year.to_string(), s.person(r.person).id.clone(), post_id(r.post), post_id(r.previous), kind, r.reason.clone()]
    }));
    let mut vacancies = Sheet::new("vacancies", &["year", "post_id", "title", "unit"]);
    for y in outcome.plan.years() {
        for (j, _) in outcome.plan.holders(y, s.posts.len()).iter().enumerate().filter(|(_, h)| h.is_empty()) {
            let post = &s.posts[j];
            vacancies.rows.push(vec![y.to_string(), post.id.clone(), post.title.clone(), s.unit(post.unit).name.clone()]);
        }
    }
    let describe = |j: Option<crate::scenario::PostIx>| j.map_or(String::new(), |j| post_title(s, j));
    let annual = outcome
        .plan
        .years()
        .map(|y| {
            let header = ["person_id", "name", "move", "from_post_id", "from", "to_post_id", "to", "reason"];
            let mut year = Sheet::new(y.to_string(), &header);
            year.rows.extend(rows.iter().filter(|r| r.year == y && r.kind.is_change()).map(|r| {
                let person = s.person(r.person);
                vec![
                    person.id.clone(),
                    person.name.clone(),
                    r.kind.as_str().to_owned(),
                    post_id(r.previous),
                    describe(r.previous),
                    post_id(r.post),
                    describe(r.post),
                    r.reason.clone(),
                ]
            }));
            year
        })
        .collect();
    (plan, vacancies, annual)
}

/// A post as the reshuffle lists name it: `title, unit`.
fn post_title(s: &Scenario, j: crate::scenario::PostIx) -> String {
    format!("{}, {}", s.post(j).title, s.unit(s.post(j).unit).name)
}

/// The five-year plan per unit, as `report.html` shows it: each post with its holders
/// today and in each year of the plan (`name (id)`; empty where the post is).
fn per_unit(s: &Scenario, outcome: &Outcome) -> Sheet {
    let years: Vec<i32> = (s.start_year - 1..=s.end_year()).collect();
    let mut header = vec!["unit".to_owned(), "post_id".to_owned(), "title".to_owned()];
    header.extend(years.iter().map(|y| if *y < s.start_year { format!("{y} (today)") } else { y.to_string() }));
    let mut sheet = Sheet { name: "plan per unit".into(), header, rows: Vec::new() };
    let holders: Vec<_> = years.iter().map(|&y| outcome.plan.holders_at(s, y)).collect();
    let mut posts: Vec<usize> = (0..s.posts.len()).collect();
    posts.sort_by_key(|&j| s.posts[j].unit);
    sheet.rows.extend(posts.into_iter().map(|j| {
        let post = &s.posts[j];
        let mut row = vec![s.unit(post.unit).name.clone(), post.id.clone(), post.title.clone()];
        row.extend(holders.iter().map(|h| {
            let who: Vec<String> = h[j].iter().map(|&p| format!("{} ({})", s.person(p).name, s.person(p).id)).collect();
            who.join("; ")
        }));
        row
    }));
    sheet
}

/// The file of a plan's output directory that keeps what pricing proved
/// (`planner::LpCertificate`), for `recommend` and `explain` to prove runner-ups with.
pub const LP_FILE: &str = "lp.json";

/// Writes `diagnosis.md` and `diagnosis.json` (`{schema, scenario, years, conflicts:
/// [{rule, year, text, people, posts}]}`) into `dir`: why no plan meets every hard rule.
pub fn write_diagnosis(dir: &Path, s: &Scenario, conflicts: &[crate::diagnose::Conflict]) -> Result<()> {
    let mut md = format!("# No plan for {} ({}–{}) meets every hard rule\n\n", s.name, s.start_year, s.end_year());
    md += "The instances of each numbered set cannot all hold at once, and each is needed: relaxing any one of a \
           set (a hard rule made soft in the policy, a pin dropped, a post no longer must-fill), and one of every \
           other set, leaves a plan.\n";
    let mut group = 0;
    for c in conflicts {
        if c.group != group {
            group = c.group;
            md += &if c.shown {
                format!("\n{group}. These cannot all hold:\n")
            } else {
                format!(
                    "\n{group}. Not shown to conflict in time: what a least repair breaks when the first of these is \
                     kept (raise --time-limit for a proof):\n"
                )
            };
        }
        md += &format!("   - {}{}\n", c.rule.as_deref().map_or(String::new(), |r| format!("**{r}**: ")), c.text);
    }
    let path = dir.join("diagnosis.md");
    io(&path, fs::write(&path, md))?;
    let json = serde_json::json!({
        "schema": data::SCHEMA,
        "scenario": s.name,
        "years": [s.start_year, s.end_year()],
        "conflicts": conflicts,
    });
    let path = dir.join("diagnosis.json");
    io(&path, fs::write(&path, serde_json::to_string_pretty(&json).expect("serialises") + "\n"))
}

/// Writes the output of `rotaplan compare` into `dir`: per variant a directory with its
/// plan files (or its diagnosis), `compare.md`, `compare.csv`, `compare.json` (the figures
/// and the differences) and `compare.html`, and `diff-<label>.csv` for each variant
/// against the first.
pub fn write_comparison(
    dir: &Path,
    runs: &[crate::compare::Run],
    metrics: &[crate::compare::Metrics],
    differences: &[Option<crate::diff::Diff>],
) -> Result<()> {
    use crate::compare::Result1;
    let first = &runs.first().expect("at least one variant").variant.label;
    let mut diffs = Vec::new();
    for (run, d) in runs.iter().zip(differences) {
        let (v, sub) = (&run.variant, dir.join(&run.variant.label));
        io(&sub, fs::create_dir(&sub))?;
        if let Some(toml) = &v.policy_toml {
            let path = sub.join("policy.toml");
            io(&path, fs::write(&path, toml))?;
        }
        match &run.result {
            Result1::Planned { outcome, rows, data } => write_plan_files(&sub, &v.scenario, outcome, rows, data)?,
            Result1::Infeasible(conflicts) => write_diagnosis(&sub, &v.scenario, conflicts)?,
        }
        if let Some(d) = d {
            let path = dir.join(format!("diff-{}.csv", v.label));
            io(&path, fs::write(&path, d.csv()))?;
            diffs.push((v.label.as_str(), d));
        }
    }
    let s = &runs.first().expect("at least one variant").variant.scenario;
    let title = format!("{} ({}–{}): {} policies side by side", s.name, s.start_year, s.end_year(), runs.len());
    let mut md = format!("# {title}\n\n{}", crate::compare::markdown(metrics));
    for (label, d) in &diffs {
        md += &format!("\n## {label} against {first}\n\n{}", d.markdown(first, label));
    }
    let path = dir.join("compare.md");
    io(&path, fs::write(&path, md))?;
    let path = dir.join("compare.csv");
    io(&path, fs::write(&path, crate::compare::csv(metrics)))?;
    let json = serde_json::json!({
        "schema": data::SCHEMA,
        "scenario": s.name,
        "variants": metrics,
        "differences": diffs.iter().map(|(label, d)| serde_json::json!({"variant": label, "against": first, "diff": d})).collect::<Vec<_>>(),
    });
    let path = dir.join("compare.json");
    io(&path, fs::write(&path, serde_json::to_string_pretty(&json).expect("serialises") + "\n"))?;
    let (head, rows) = crate::compare::table(metrics);
    let path = dir.join("compare.html");
    io(&path, fs::write(&path, html::compare_page(&title, &head, &rows, &diffs)))
}

/// Writes `alternatives/<k>/` (each alternative's plan files) and `alternatives.md` (each
/// against the best plan: objective, change, assignments changed, and the differences)
/// into `dir`, beside the best plan's files.
pub fn write_alternatives(
    dir: &Path,
    s: &Scenario,
    best: &Outcome,
    alternatives: &[(Outcome, Vec<Row>)],
    end: &crate::planner::AlternativesEnd,
    differ: u32,
    tolerance: f64,
) -> Result<()> {
    let root = dir.join("alternatives");
    io(&root, fs::create_dir(&root))?;
    let b = best.solution.objective;
    let mut md = format!(
        "# Alternatives to the best plan\n\nEach alternative differs from the best plan and from every alternative \
         before it in at least {differ} of that plan's assignments (person-years holding a post), and otherwise \
         changes the best plan as little as it can (while searching, each other change costs `[replan] weight`; the \
         objectives are the scenario's, without it). The search stops at the first whose objective is more than \
         {:.2}% above the best's.\n\n\
         | plan | objective | change | assignments of the best plan changed | officials placed differently |\n\
         |---|---|---|---|---|\n| best ({}) | {b:.2} | – | – | – |\n",
        tolerance * 100.0,
        best.solution.status.as_str()
    );
    let mut diffs = String::new();
    for (k, (o, rows)) in alternatives.iter().enumerate() {
        let sub = root.join((k + 1).to_string());
        io(&sub, fs::create_dir(&sub))?;
        write_plan_files(&sub, s, o, rows, &ReportData::new(s, o, rows))?;
        let (kept, all) = crate::rules::alternatives::kept(s, &best.plan, &o.plan);
        let d = crate::diff::diff(s, &best.plan, &o.plan);
        let change = o.solution.objective - b;
        md += &format!(
            "| {} | {:.2} | {change:+.2} ({:+.2}%) | {} of {all} | {} |\n",
            k + 1,
            o.solution.objective,
            100.0 * change / b.abs().max(1.0),
            all - kept,
            d.people.len()
        );
        diffs += &format!(
            "\n## Alternative {} against the best plan\n\n{}",
            k + 1,
            d.markdown("the best plan", &format!("alternative {}", k + 1))
        );
    }
    if alternatives.iter().any(|(o, _)| o.solution.objective < b - 1e-9) {
        md += &format!(
            "\nAn alternative costs less than the best plan found: that plan is not proven optimal ({}), and the \
             search near it found a better one.\n",
            if best.solution.gap.is_finite() {
                format!("{:.3}% from its bound", best.solution.gap * 100.0)
            } else {
                "no bound".into()
            }
        );
    }
    let end = end.text(alternatives.len(), differ, b);
    md += &format!("\n{}{}.\n", end[..1].to_uppercase(), &end[1..]);
    let path = dir.join("alternatives.md");
    io(&path, fs::write(&path, md + &diffs))
}

/// Moves per year and kind, for summaries.
pub fn moves_per_year(rows: &[Row]) -> Vec<(i32, Vec<(MoveKind, usize)>)> {
    let kinds =
        [MoveKind::Exchange, MoveKind::Rotation, MoveKind::Promotion, MoveKind::Appoint, MoveKind::Leave, MoveKind::Retire];
    let mut years: Vec<i32> = rows.iter().map(|r| r.year).collect();
    years.dedup();
    years
        .into_iter()
        .map(|y| (y, kinds.iter().map(|&k| (k, rows.iter().filter(|r| r.year == y && r.kind == k).count())).collect()))
        .collect()
}

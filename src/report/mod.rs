//! Writing results. Everything goes to a staging directory next to the target and is
//! renamed into place only when complete, so a failed or interrupted run never leaves a
//! half-written plan, and an earlier result is only replaced with `--force`.

mod summary;

use crate::error::{Error, Result};
use crate::explain::{MoveKind, Row};
use crate::planner::Outcome;
use crate::scenario::Scenario;
use std::fs;
use std::path::{Path, PathBuf};

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

/// Writes a directory atomically: `fill` writes into a fresh staging directory, which
/// then replaces `out` (only with `force` if `out` exists).
pub fn write_dir(out: &Path, force: bool, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    preflight(out, force)?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    io(&parent, fs::create_dir_all(&parent))?;
    let staging = io(&parent, tempfile::Builder::new().prefix(".rotaplan-staging-").tempdir_in(&parent))?;
    fill(staging.path())?;
    let staged = staging.keep();
    if out.exists() {
        let old = parent.join(format!(".rotaplan-old-{}", std::process::id()));
        io(out, fs::rename(out, &old))?;
        if let Err(e) = fs::rename(&staged, out) {
            let _ = fs::rename(&old, out);
            return io(out, Err(e));
        }
        io(&old, if old.is_dir() { fs::remove_dir_all(&old) } else { fs::remove_file(&old) })?;
    } else {
        io(out, fs::rename(&staged, out))?;
    }
    Ok(())
}

fn csv_writer(path: &Path) -> Result<csv::Writer<fs::File>> {
    csv::Writer::from_path(path).map_err(|e| Error::Output { path: path.to_path_buf(), source: e.into() })
}

fn csv_err(path: &Path) -> impl Fn(csv::Error) -> Error + '_ {
    move |e| Error::Output { path: path.to_path_buf(), source: e.into() }
}

/// Writes `plan.csv`, `vacancies.csv`, `annual/<year>.csv` and `summary.md` into `dir`.
pub fn write_plan_files(dir: &Path, s: &Scenario, outcome: &Outcome, rows: &[Row]) -> Result<()> {
    let post_id = |j: Option<crate::scenario::PostIx>| j.map_or("", |j| s.post(j).id.as_str());
    let path = dir.join("plan.csv");
    let mut w = csv_writer(&path)?;
    w.write_record(["year", "person_id", "post_id", "previous_post_id", "move", "reason"]).map_err(csv_err(&path))?;
    for r in rows {
        let year = r.year.to_string();
        let rec = [year.as_str(), &s.person(r.person).id, post_id(r.post), post_id(r.previous), r.kind.as_str(), &r.reason];
        w.write_record(rec).map_err(csv_err(&path))?;
    }
    io(&path, w.flush())?;

    let path = dir.join("vacancies.csv");
    let mut w = csv_writer(&path)?;
    w.write_record(["year", "post_id", "title", "unit"]).map_err(csv_err(&path))?;
    for y in outcome.plan.years() {
        for (j, _) in outcome.plan.holders(y, s.posts.len()).iter().enumerate().filter(|(_, h)| h.is_empty()) {
            let post = &s.posts[j];
            w.write_record([y.to_string().as_str(), &post.id, &post.title, &s.unit(post.unit).name]).map_err(csv_err(&path))?;
        }
    }
    io(&path, w.flush())?;

    let annual = dir.join("annual");
    io(&annual, fs::create_dir(&annual))?;
    for y in outcome.plan.years() {
        let path = annual.join(format!("{y}.csv"));
        let mut w = csv_writer(&path)?;
        w.write_record(["person_id", "name", "move", "from_post_id", "from", "to_post_id", "to", "reason"])
            .map_err(csv_err(&path))?;
        let describe = |j: Option<crate::scenario::PostIx>| {
            j.map_or(String::new(), |j| format!("{}, {}", s.post(j).title, s.unit(s.post(j).unit).name))
        };
        for r in rows.iter().filter(|r| r.year == y && r.kind.is_change()) {
            let person = s.person(r.person);
            let rec = [
                &person.id,
                &person.name,
                r.kind.as_str(),
                post_id(r.previous),
                &describe(r.previous),
                post_id(r.post),
                &describe(r.post),
                &r.reason,
            ];
            w.write_record(rec).map_err(csv_err(&path))?;
        }
        io(&path, w.flush())?;
    }

    let path = dir.join("summary.md");
    io(&path, fs::write(&path, summary(s, outcome, rows)))
}

/// Moves per year and kind, for summaries.
pub fn moves_per_year(rows: &[Row]) -> Vec<(i32, Vec<(MoveKind, usize)>)> {
    let kinds = [MoveKind::Move, MoveKind::Promotion, MoveKind::Appoint, MoveKind::Leave, MoveKind::Retire];
    let mut years: Vec<i32> = rows.iter().map(|r| r.year).collect();
    years.dedup();
    years
        .into_iter()
        .map(|y| (y, kinds.iter().map(|&k| (k, rows.iter().filter(|r| r.year == y && r.kind == k).count())).collect()))
        .collect()
}

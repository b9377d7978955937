//! Writing a scenario directory.
//!
//! [`write()`] is the inverse of [`super::load()`]: it writes `scenario.toml` (with the policy
//! inline as a `[policy]` table) and one CSV file per table, in the format of
//! `docs/scenario-format.md`, so that loading the directory gives back the same scenario;
//! [`write_as`] can write the tables as the sheets of one workbook instead
//! (`scenario.xlsx`), which loads the same.
//! Every value is written explicitly (unit hardship, team ids, zero counters), never left
//! to a default, so the files do not depend on the defaults staying as they are.
//!
//! Deliberately absent: validation (a [`Scenario`] is valid by construction) and a policy
//! file (the policy is always written inline; `policy_file` is not preserved).
//!
//! Round-trip caveat: teams are defined by `posts.csv` (`teams.csv` only adds their
//! domains). Loading numbers teams in order of first appearance in `posts.csv`, so a
//! scenario round-trips exactly when its teams are in that order and each is used by some
//! post, which is what [`super::load()`] produces.

use super::Scenario;
use crate::error::{Error, Result};
use crate::policy::Policy;
use crate::sheet::Sheet;
use serde::Serialize;
use std::path::Path;

/// Writes `s` into the existing directory `dir` (files of the same names are replaced).
///
/// `teams.csv`, `history.csv`, `candidates.csv`, `pins.csv` and `interests.csv` are written
/// only when non-empty, and the optional columns `units.csv serves_unit_id` and
/// `people.csv audit_hold_until` only when some row has a value (an absent column reads as
/// all cells empty), so scenarios without them are written as before.
pub fn write(s: &Scenario, dir: &Path) -> Result<()> {
    write_as(s, dir, Tables::Csv)
}

/// How a scenario directory holds its tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tables {
    /// One CSV file per table (`people.csv`, ...).
    Csv,
    /// One workbook, [`WORKBOOK`], with one sheet per table (`people`, ...).
    Xlsx,
}

/// The workbook a scenario directory may hold its tables in instead of CSV files.
pub const WORKBOOK: &str = "scenario.xlsx";

/// Writes `s` into the existing directory `dir` as [`write`] does, with its tables as
/// `tables` says.
pub fn write_as(s: &Scenario, dir: &Path, tables: Tables) -> Result<()> {
    write_head(s, dir)?;
    let sheets = sheets(s);
    match tables {
        Tables::Csv => sheets.iter().try_for_each(|t| t.write_csv(&dir.join(format!("{}.csv", t.name)))),
        Tables::Xlsx => crate::sheet::write_workbook(&dir.join(WORKBOOK), &sheets),
    }
}

/// The scenario's tables, as [`write`] describes them.
fn sheets(s: &Scenario) -> Vec<Sheet> {
    let mut out = Vec::new();
    let region = |r: Option<super::RegionIx>| r.map_or(String::new(), |r| s.region(r).id.clone());
    let person = |p: super::PersonIx| s.person(p).id.clone();
    let post = |j: super::PostIx| s.post(j).id.clone();

    table(&mut out, "regions", &["region_id", "name", "parent_id", "level", "hardship"], s.regions.iter(), |r| {
        vec![r.id.clone(), r.name.clone(), region(r.parent), r.level.as_str().into(), r.hardship.to_string()]
    });
    let unit = |u: Option<super::UnitIx>| u.map_or(String::new(), |u| s.unit(u).id.clone());
    let serves = s.units.iter().any(|u| u.serves.is_some());
    let mut header =
        vec!["unit_id", "name", "region_id", "parent_unit_id", "kind", "hardship", "pair_unit_id", "reelection_year"];
    header.extend(serves.then_some("serves_unit_id"));
    table(&mut out, "units", &header, s.units.iter(), |u| {
        let mut record = vec![
            u.id.clone(),
            u.name.clone(),
            s.region(u.region).id.clone(),
            unit(u.parent),
            u.kind.clone(),
            u.hardship.to_string(),
            unit(u.pair),
            u.reelection_year.map_or(String::new(), |y| y.to_string()),
        ];
        record.extend(serves.then(|| unit(u.serves)));
        record
    });
    table(
        &mut out,
        "posts",
        &[
            "post_id",
            "unit_id",
            "title",
            "grade",
            "role",
            "domain",
            "regional_recusal",
            "sensitive",
            "must_fill",
            "temporary",
            "team_id",
        ],
        s.posts.iter(),
        |j| {
            vec![
                j.id.clone(),
                s.unit(j.unit).id.clone(),
                j.title.clone(),
                j.grade.to_string(),
                j.role.as_str().into(),
                j.domain.clone(),
                j.regional_recusal.to_string(),
                j.sensitive.to_string(),
                j.must_fill.to_string(),
                j.temporary.to_string(),
                s.teams[j.team.0 as usize].id.clone(),
            ]
        },
    );
    let hold_until = s.people.iter().any(|p| p.audit_hold_until.is_some());
    let mut header = vec![
        "person_id",
        "name",
        "gender",
        "birth_year",
        "grade",
        "current_post_id",
        "post_since",
        "native_region_id",
        "birth_region_id",
        "grewup_region_id",
        "skills",
        "young_cadre",
        "audit_hold",
        "retire_year",
        "years_in_grade",
        "grassroots_years",
        "hardship_years",
    ];
    header.extend(hold_until.then_some("audit_hold_until"));
    table(&mut out, "people", &header, s.people.iter(), |p| {
        let skills: Vec<String> = p.skills.iter().map(|(d, l)| format!("{d}:{l}")).collect();
        let mut record = vec![
            p.id.clone(),
            p.name.clone(),
            p.gender.as_str().into(),
            p.birth_year.to_string(),
            p.grade.to_string(),
            p.current_post.map_or(String::new(), post),
            p.post_since.map_or(String::new(), |y| y.to_string()),
            region(p.native),
            region(p.birth),
            region(p.grewup),
            skills.join(";"),
            p.young_cadre.to_string(),
            p.audit_hold.to_string(),
            p.retire_year.to_string(),
            p.years_in_grade.to_string(),
            p.grassroots_years.to_string(),
            p.hardship_years.to_string(),
        ];
        record.extend(hold_until.then(|| p.audit_hold_until.map_or(String::new(), |y| y.to_string())));
        record
    });
    table(&mut out, "relations", &["person_a", "person_b", "kind"], s.relations.iter(), |r| {
        vec![person(r.a), person(r.b), r.kind.as_str().into()]
    });
    if s.teams.iter().any(|t| t.listed) {
        table(&mut out, "teams", &["team_id", "domains"], s.teams.iter().filter(|t| t.listed), |t| {
            vec![t.id.clone(), t.domains.join(";")]
        });
    }
    if !s.history.is_empty() {
        table(&mut out, "history", &["person_id", "post_id", "from_year", "to_year"], s.history.iter(), |h| {
            vec![person(h.person), post(h.post), h.from_year.to_string(), h.to_year.to_string()]
        });
    }
    if !s.candidates.is_empty() {
        // `{}` of an f64 is the shortest text that parses back to the same value.
        table(&mut out, "candidates", &["post_id", "person_id", "score"], s.candidates.iter(), |c| {
            vec![post(c.post), person(c.person), c.score.to_string()]
        });
    }
    if !s.interests.is_empty() {
        table(&mut out, "interests", &["person_id", "regulator_unit_id", "note"], s.interests.iter(), |i| {
            vec![person(i.person), s.unit(i.unit).id.clone(), i.note.clone()]
        });
    }
    if !s.pins.is_empty() {
        table(&mut out, "pins", &["person_id", "post_id", "year", "action"], s.pins.iter(), |p| {
            vec![person(p.person), post(p.post), p.year.to_string(), p.action.as_str().into()]
        });
    }
    out
}

/// Writes `scenario.toml`.
fn write_head(s: &Scenario, dir: &Path) -> Result<()> {
    #[derive(Serialize)]
    struct Head<'a> {
        name: &'a str,
        start_year: i32,
        years: u32,
        policy: &'a Policy,
    }
    let path = dir.join("scenario.toml");
    let head = Head { name: &s.name, start_year: s.start_year, years: s.years, policy: &s.policy };
    let text = toml::to_string(&head).map_err(|e| Error::Output { path: path.clone(), source: std::io::Error::other(e) })?;
    std::fs::write(&path, text).map_err(|source| Error::Output { path, source })
}

/// Adds one table: the header, then one record per item.
fn table<T>(
    out: &mut Vec<Sheet>,
    name: &str,
    header: &[&str],
    items: impl Iterator<Item = T>,
    record: impl Fn(T) -> Vec<String>,
) {
    let mut sheet = Sheet::new(name, header);
    sheet.rows.extend(items.map(record));
    out.push(sheet);
}

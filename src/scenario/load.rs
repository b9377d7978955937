//! Reading and validating a scenario directory.
//!
//! [`load`] reads `scenario.toml`, the policy and the tables (CSV files, or the sheets of
//! `scenario.xlsx`) described in
//! `docs/scenario-format.md`, checks every cell and every cross-reference, and returns a
//! [`Scenario`] whose references are all resolved to typed indices. It never stops at the
//! first problem: every file is read to the end and every problem is collected, so that a
//! planner fixing a spreadsheet sees all of them in one run ([`Error::Input`]).
//!
//! How it avoids reporting one mistake many times:
//! - an entity's index is its row position, and its id is registered even when another
//!   cell of its row is bad, so references to it are not reported as unknown;
//! - references into a file that is missing (or lacks its id column) are not checked,
//!   since that file's own problem already explains them;
//! - checks that combine cells (post_since against birth_year, ...) only run when every
//!   cell involved is valid;
//! - checks against the horizon only run when `scenario.toml` could be read.
//!
//! Deliberately absent: any policy logic (whether someone *may* hold a post is for
//! `rules/`), and any check that needs more than the files themselves.

use super::table::{int, line_of, read_text, Table, TableSource};
use super::{
    Candidate, Gender, HistoryEntry, Interest, Kinship, Level, Person, PersonIx, Pin, PinAction, Post, PostIx, Region, RegionIx,
    Relation, Role, Scenario, Team, TeamIx, Unit, UnitIx,
};
use crate::error::{Error, InputProblem, Result};
use crate::policy::{Policy, MAX_WEIGHT};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Default horizon in years.
const DEFAULT_YEARS: u32 = 5;
/// Any `i32`, for integers without a narrower range.
const ANY: RangeInclusive<i32> = i32::MIN..=i32::MAX;
/// Non-negative integers.
const NON_NEGATIVE: RangeInclusive<i32> = 0..=i32::MAX;
/// Hardship levels.
const HARDSHIP: RangeInclusive<i32> = 0..=3;
/// Calendar years given without a narrower range.
const YEARS: RangeInclusive<i32> = 1900..=2200;

/// Reads, validates and resolves the scenario in `dir`.
///
/// `policy_override` (the `--policy FILE` of the command line) replaces the scenario's own
/// policy entirely. Returns [`Error::Input`] with every problem found, sorted by file and
/// row, when anything is wrong.
pub fn load(dir: &Path, policy_override: Option<&Path>) -> Result<Scenario> {
    let mut p = Vec::new();
    let head = read_head(dir, &mut p);
    let (policy, policy_file) = read_policy(dir, head.as_ref(), policy_override, &mut p);
    let start = head.as_ref().map(|h| h.start_year);
    let horizon = head.as_ref().map(|h| h.start_year..=h.start_year + h.years as i32 - 1);
    let tables = TableSource::open(dir, &mut p);

    // Regions.
    let t = tables.read("regions.csv", true, &["region_id", "name", "parent_id", "level"], &mut p);
    let region_ids = t.ids("region_id", "region", RegionIx, &mut p);
    let regions = t.rows(&mut p, |row| {
        let id = row.text("region_id");
        let name = row.text("name");
        let parent = row.opt_id("parent_id", &region_ids);
        let level = row.choice("level", Level::parse, "province|prefecture|county|township");
        let hardship = row.int("hardship", HARDSHIP, Some(0));
        Some(Region { id: id?, name: name?, parent: parent?, level: level?, hardship: hardship? as u8 })
    });
    report_cycles(&t, "parent_id", "region", regions.iter().map(|r| r.as_ref().and_then(|r| Some((&r.id, r.parent?.0)))), &mut p);

    // Units.
    let t = tables.read("units.csv", true, &["unit_id", "name", "region_id", "kind"], &mut p);
    let unit_ids = t.ids("unit_id", "unit", UnitIx, &mut p);
    let units = t.rows(&mut p, |row| {
        let id = row.text("unit_id");
        let name = row.text("name");
        let region = row.id("region_id", &region_ids);
        let parent = row.opt_id("parent_unit_id", &unit_ids);
        let kind = row.text("kind");
        let region_hardship = region.and_then(|r| regions.get(r.0 as usize)?.as_ref()).map(|r| r.hardship);
        // Without a valid region there is no default, but nothing new to report either.
        let hardship = match row.get("hardship") {
            None => region_hardship,
            Some(_) => row.int("hardship", HARDSHIP, None).map(|h| h as u8),
        };
        let pair = row.opt_id("pair_unit_id", &unit_ids);
        if pair.is_some_and(|x| x.is_some()) && row.get("pair_unit_id") == row.get("unit_id") {
            row.problem("pair_unit_id", "a unit cannot be paired with itself");
        }
        let reelection_year = row.cell("reelection_year", Some(None), |v| int(v, YEARS).map(Some));
        let serves = row.opt_id("serves_unit_id", &unit_ids);
        if serves.is_some_and(|x| x.is_some()) && row.get("serves_unit_id") == row.get("unit_id") {
            row.problem("serves_unit_id", "a unit cannot serve itself");
        }
        Some(Unit {
            id: id?,
            name: name?,
            region: region?,
            parent: parent?,
            kind: kind?,
            hardship: hardship?,
            pair: pair?,
            reelection_year: reelection_year?,
            serves: serves?,
        })
    });
    // Pairs are symmetric: a unit named as a pair takes its partner unless it names another.
    let mut units = units;
    for i in 0..units.len() {
        let Some(v) = units[i].as_ref().and_then(|u| u.pair) else { continue };
        let me = UnitIx(i as u32);
        match units[v.0 as usize].as_mut() {
            Some(other) if other.pair.is_none() => other.pair = Some(me),
            Some(other) if other.pair != Some(me) => {
                let (mine, theirs) = (&unit_ids.names[v.0 as usize], &unit_ids.names[other.pair.unwrap_or(me).0 as usize]);
                let msg = format!("unit \"{mine}\" is paired with \"{theirs}\", not with this unit");
                p.push(InputProblem::at(&t.file, t.rows[i].0, "pair_unit_id", msg));
            }
            _ => {}
        }
    }
    report_cycles(
        &t,
        "parent_unit_id",
        "unit",
        units.iter().map(|u| u.as_ref().and_then(|u| Some((&u.id, u.parent?.0)))),
        &mut p,
    );

    // Posts, and the teams they form.
    let t = tables.read(
        "posts.csv",
        true,
        &["post_id", "unit_id", "title", "grade", "role", "domain", "regional_recusal", "sensitive", "must_fill"],
        &mut p,
    );
    let post_ids = t.ids("post_id", "post", PostIx, &mut p);
    let mut teams: Vec<Team> = Vec::new();
    let posts = t.rows(&mut p, |row| {
        let id = row.text("post_id");
        let unit = row.id("unit_id", &unit_ids);
        let title = row.text("title");
        let grade = row.int("grade", ANY, None);
        let role = row.choice("role", Role::parse, "head|deputy|member");
        let domain = row.text("domain");
        let regional_recusal = row.flag("regional_recusal", None);
        let sensitive = row.flag("sensitive", None);
        let must_fill = row.flag("must_fill", None);
        let temporary = row.flag("temporary", Some(false));
        let team = row.get("team_id").or(row.get("unit_id")).map(|name| {
            let ix = teams.iter().position(|t| t.id == name).unwrap_or_else(|| {
                teams.push(Team { id: name.to_owned(), listed: false, domains: Vec::new() });
                teams.len() - 1
            });
            TeamIx(ix as u32)
        });
        Some(Post {
            id: id?,
            unit: unit?,
            title: title?,
            grade: grade?,
            role: role?,
            domain: domain?,
            regional_recusal: regional_recusal?,
            sensitive: sensitive?,
            must_fill: must_fill?,
            temporary: temporary?,
            team: team?,
        })
    });

    // Team goals.
    let t = tables.read("teams.csv", false, &["team_id", "domains"], &mut p);
    let mut listed: HashMap<usize, usize> = HashMap::new();
    t.rows(&mut p, |row| {
        let id = row.text("team_id")?;
        let domains = row.cell("domains", Some(Vec::new()), |v| {
            Ok(v.split(';').map(str::trim).filter(|d| !d.is_empty()).map(String::from).collect::<Vec<_>>())
        })?;
        let Some(k) = teams.iter().position(|t| t.id == id) else {
            row.problem("team_id", format!("no post belongs to team \"{id}\" (posts.csv team_id, or unit_id)"));
            return None;
        };
        if let Some(first) = listed.insert(k, row.line) {
            row.problem("team_id", format!("duplicate team (first on row {first})"));
        }
        (teams[k].listed, teams[k].domains) = (true, domains);
        Some(())
    });

    // People.
    let t = tables.read(
        "people.csv",
        true,
        &["person_id", "name", "gender", "birth_year", "grade", "current_post_id", "post_since", "retire_year"],
        &mut p,
    );
    let person_ids = t.ids("person_id", "person", PersonIx, &mut p);
    let mut holders: HashMap<PostIx, (String, usize)> = HashMap::new();
    let people = t.rows(&mut p, |row| {
        let id = row.text("person_id");
        let name = row.text("name");
        let gender = row.choice("gender", Gender::parse, "F|M");
        let birth_range = start.map_or(ANY, |s| s - 80..=s - 16);
        let birth_year = row.int("birth_year", birth_range, None);
        let grade = row.int("grade", ANY, None);
        let current_post = row.opt_id("current_post_id", &post_ids);
        let since_range = birth_year.map_or(i32::MIN, |b| b + 16)..=start.unwrap_or(i32::MAX);
        let post_since = row.cell("post_since", Some(None), |v| int(v, since_range).map(Some));
        match (current_post, post_since) {
            (Some(Some(_)), Some(None)) => row.problem("post_since", "required when current_post_id is set"),
            (Some(None), Some(Some(_))) => row.problem("post_since", "given but current_post_id is empty"),
            _ => {}
        }
        if let (Some(Some(post)), Some(id)) = (current_post, &id) {
            if let Some((other, line)) = holders.get(&post) {
                let msg = format!(
                    "post \"{}\" is already held by \"{other}\" (row {line})",
                    row.get("current_post_id").unwrap_or_default()
                );
                row.problem("current_post_id", msg);
            } else {
                holders.insert(post, (id.clone(), row.line));
            }
        }
        let native = row.opt_id("native_region_id", &region_ids);
        let birth = row.opt_id("birth_region_id", &region_ids);
        let grewup = row.opt_id("grewup_region_id", &region_ids);
        let skills = row.cell("skills", Some(Vec::new()), parse_skills);
        let young_cadre = row.flag("young_cadre", Some(false));
        let audit_hold = row.flag("audit_hold", Some(false));
        let audit_hold_until = row.cell("audit_hold_until", Some(None), |v| int(v, YEARS).map(Some));
        if audit_hold == Some(false) && audit_hold_until.is_some_and(|u| u.is_some()) {
            row.problem("audit_hold_until", "given but audit_hold is false");
        }
        let retire_year = row.int("retire_year", birth_year.map_or(i32::MIN, |b| b + 1)..=i32::MAX, None);
        let [years_in_grade, grassroots_years, hardship_years] =
            ["years_in_grade", "grassroots_years", "hardship_years"].map(|c| row.int(c, NON_NEGATIVE, Some(0)));
        Some(Person {
            id: id?,
            name: name?,
            gender: gender?,
            birth_year: birth_year?,
            grade: grade?,
            current_post: current_post?,
            post_since: post_since?,
            native: native?,
            birth: birth?,
            grewup: grewup?,
            skills: skills?,
            young_cadre: young_cadre?,
            audit_hold: audit_hold?,
            audit_hold_until: audit_hold_until?,
            retire_year: retire_year?,
            years_in_grade: years_in_grade? as u32,
            grassroots_years: grassroots_years? as u32,
            hardship_years: hardship_years? as u32,
        })
    });

    // Relations.
    let t = tables.read("relations.csv", false, &["person_a", "person_b", "kind"], &mut p);
    let mut pairs: HashMap<(PersonIx, PersonIx), usize> = HashMap::new();
    let relations = t.rows(&mut p, |row| {
        let a = row.id("person_a", &person_ids);
        let b = row.id("person_b", &person_ids);
        let kind = row.choice("kind", Kinship::parse, "spouse|direct_blood|collateral3|in_law");
        if let (Some(a), Some(b)) = (a, b) {
            if a == b {
                row.problem("person_b", "a person cannot be related to themselves");
            } else if let Some(first) = pairs.insert((a.min(b), a.max(b)), row.line) {
                row.problem("person_b", format!("duplicate relation (first on row {first})"));
            }
        }
        Some(Relation { a: a?, b: b?, kind: kind? })
    });

    // History.
    let t = tables.read("history.csv", false, &["person_id", "post_id", "from_year", "to_year"], &mut p);
    let history = t.rows(&mut p, |row| {
        let person = row.id("person_id", &person_ids);
        let post = row.id("post_id", &post_ids);
        let from_year = row.int("from_year", ANY, None);
        let to_range = from_year.unwrap_or(i32::MIN)..=start.unwrap_or(i32::MAX);
        let to_year = row.int("to_year", to_range, None);
        Some(HistoryEntry { person: person?, post: post?, from_year: from_year?, to_year: to_year? })
    });

    // Candidates.
    let t = tables.read("candidates.csv", false, &["post_id", "person_id", "score"], &mut p);
    let mut seen: HashMap<(PostIx, PersonIx), usize> = HashMap::new();
    let candidates = t.rows(&mut p, |row| {
        let post = row.id("post_id", &post_ids);
        let person = row.id("person_id", &person_ids);
        let score = row.cell("score", None, |v| match v.parse::<f64>() {
            Ok(x) if x.abs() <= MAX_WEIGHT => Ok(x),
            _ => Err(format!("must be a number from -{MAX_WEIGHT} to {MAX_WEIGHT}: \"{v}\"")),
        });
        if let (Some(post), Some(person)) = (post, person) {
            if let Some(first) = seen.insert((post, person), row.line) {
                row.problem("person_id", format!("duplicate candidate for this post (first on row {first})"));
            }
        }
        Some(Candidate { post: post?, person: person?, score: score? })
    });

    // Pins.
    let t = tables.read("pins.csv", false, &["person_id", "post_id", "year", "action"], &mut p);
    let mut fixed_person: HashMap<(PersonIx, i32), (PostIx, usize)> = HashMap::new();
    let mut fixed_post: HashMap<(PostIx, i32), (PersonIx, usize)> = HashMap::new();
    let mut pinned: HashMap<(PersonIx, PostIx, i32), (PinAction, usize)> = HashMap::new();
    let pins = t.rows(&mut p, |row| {
        let person = row.id("person_id", &person_ids);
        let post = row.id("post_id", &post_ids);
        let year = row.int("year", horizon.clone().unwrap_or(ANY), None);
        let action = row.choice("action", PinAction::parse, "fix|forbid");
        if let (Some(person), Some(post), Some(year), Some(action)) = (person, post, year, action) {
            if let Some(&(other, first)) = pinned.get(&(person, post, year)) {
                if other != action {
                    row.problem("action", format!("contradicts the {} pin on row {first}", other.as_str()));
                } else {
                    row.problem("action", format!("repeats the {} pin on row {first}", other.as_str()));
                }
            } else {
                pinned.insert((person, post, year), (action, row.line));
            }
            if action == PinAction::Fix {
                if let Some(&(other, first)) = fixed_person.get(&(person, year)).filter(|(o, _)| *o != post) {
                    let other = &post_ids.names[other.0 as usize];
                    row.problem("post_id", format!("person is already fixed to post \"{other}\" in {year} (row {first})"));
                }
                if let Some(&(other, first)) = fixed_post.get(&(post, year)).filter(|(o, _)| *o != person) {
                    let other = &person_ids.names[other.0 as usize];
                    row.problem("person_id", format!("post is already fixed to person \"{other}\" in {year} (row {first})"));
                }
                fixed_person.entry((person, year)).or_insert((post, row.line));
                fixed_post.entry((post, year)).or_insert((person, row.line));
            }
        }
        Some(Pin { person: person?, post: post?, year: year?, action: action? })
    });

    // Business interests.
    let t = tables.read("interests.csv", false, &["person_id", "regulator_unit_id"], &mut p);
    let mut seen: HashMap<(PersonIx, UnitIx), usize> = HashMap::new();
    let interests = t.rows(&mut p, |row| {
        let person = row.id("person_id", &person_ids);
        let unit = row.id("regulator_unit_id", &unit_ids);
        let note = row.get("note").unwrap_or_default().to_owned();
        if let (Some(person), Some(unit)) = (person, unit) {
            if let Some(first) = seen.insert((person, unit), row.line) {
                row.problem("regulator_unit_id", format!("duplicate interest of this person (first on row {first})"));
            }
        }
        Some(Interest { person: person?, unit: unit?, note })
    });

    let Some(head) = head.filter(|_| p.is_empty()) else {
        p.sort_by(|a, b| (&a.file, a.row).cmp(&(&b.file, b.row)));
        return Err(Error::Input(p));
    };
    Ok(Scenario {
        name: head.name,
        dir: dir.to_path_buf(),
        start_year: head.start_year,
        years: head.years,
        policy,
        policy_file,
        regions: complete(regions),
        units: complete(units),
        teams,
        posts: complete(posts),
        people: complete(people),
        relations: complete(relations),
        history: complete(history),
        candidates: complete(candidates),
        pins: complete(pins),
        interests: complete(interests),
        reference: None,
        what_if: Vec::new(),
        distinct_from: None,
    })
}

/// The entities of a file without problems: every row yields one.
fn complete<T>(rows: Vec<Option<T>>) -> Vec<T> {
    // A row yields `None` only after a problem was recorded (in the row, or for the
    // column or the file it refers to), and `load` returns before calling this then.
    rows.into_iter().map(|r| r.expect("a row without a value has a recorded problem")).collect()
}

// ---------------------------------------------------------------------------------------
// scenario.toml and the policy

/// `scenario.toml` after checking.
struct Head {
    name: String,
    start_year: i32,
    years: u32,
    policy: Option<PolicySource>,
    /// The text of `scenario.toml`, where an inline policy's problems are located.
    text: String,
}

/// `scenario.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHead {
    name: Spanned<String>,
    start_year: Spanned<i32>,
    years: Option<Spanned<u32>>,
    policy: Option<PolicySource>,
}

/// The `policy` entry of `scenario.toml`: a path or an inline table.
#[derive(Clone)]
enum PolicySource {
    File(String),
    Inline(Box<Policy>),
}

impl<'de> Deserialize<'de> for PolicySource {
    // Hand-written rather than `#[serde(untagged)]`, which would replace the policy's own
    // error (an unknown key, with its line) by "did not match any variant".
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PolicySource;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a policy file path or a [policy] table")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> std::result::Result<PolicySource, E> {
                Ok(PolicySource::File(s.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, m: A) -> std::result::Result<PolicySource, A::Error> {
                Policy::deserialize(de::value::MapAccessDeserializer::new(m)).map(|p| PolicySource::Inline(Box::new(p)))
            }
        }
        d.deserialize_any(V)
    }
}

/// Reads and checks `scenario.toml`; `None` when it is missing or unusable.
fn read_head(dir: &Path, p: &mut Vec<InputProblem>) -> Option<Head> {
    const FILE: &str = "scenario.toml";
    let text = read_text(&dir.join(FILE), FILE, p)?;
    let raw: RawHead = parse_toml(&text, FILE, p)?;
    let n = p.len();
    let mut check = |key: &str, span: std::ops::Range<usize>, ok: bool, msg: String| {
        if !ok {
            p.push(InputProblem {
                file: FILE.into(),
                row: Some(line_of(text.as_bytes(), span.start)),
                column: Some(key.into()),
                message: msg,
            });
        }
    };
    let name = raw.name.as_ref().trim().to_owned();
    check("name", raw.name.span(), !name.is_empty(), "must not be empty".into());
    let start_year = *raw.start_year.get_ref();
    check(
        "start_year",
        raw.start_year.span(),
        (1900..=2200).contains(&start_year),
        format!("{start_year} is not in 1900..=2200"),
    );
    let years = raw.years.as_ref().map_or(DEFAULT_YEARS, |y| *y.get_ref());
    if let Some(y) = &raw.years {
        check("years", y.span(), (1..=20).contains(&years), format!("{years} is not in 1..=20"));
    }
    (p.len() == n).then_some(Head { name, start_year, years, policy: raw.policy, text })
}

/// The policy in force and the file it came from (`None` for inline or default).
fn read_policy(
    dir: &Path,
    head: Option<&Head>,
    policy_override: Option<&Path>,
    p: &mut Vec<InputProblem>,
) -> (Policy, Option<PathBuf>) {
    // The policy, the file it is reported as, its path, its text and its sections' prefix.
    let (policy, file, path, text, prefix) = match (policy_override, head.and_then(|h| Some((h.policy.clone()?, &h.text)))) {
        (Some(path), _) => {
            let file = path.display().to_string();
            let (policy, text) = parse_policy_file(path, &file, p);
            (policy, file, Some(path.to_path_buf()), text, "")
        }
        (None, Some((PolicySource::File(rel), _))) => {
            let path = dir.join(&rel);
            let (policy, text) = parse_policy_file(&path, &rel, p);
            (policy, rel, Some(path), text, "")
        }
        (None, Some((PolicySource::Inline(policy), text))) => {
            (Some(*policy), "scenario.toml".to_owned(), None, Some(text.clone()), "policy.")
        }
        (None, None) => (Some(Policy::default()), String::new(), None, None, ""),
    };
    let policy = policy.unwrap_or_default();
    for (key, message) in policy.problems() {
        let row = text.as_deref().and_then(|t| key_line(t, prefix, &key));
        p.push(InputProblem { file: file.clone(), row, column: Some(key), message });
    }
    (policy, path)
}

/// A policy file and its text, or `None`s after recording why it cannot be used.
fn parse_policy_file(path: &Path, file: &str, p: &mut Vec<InputProblem>) -> (Option<Policy>, Option<String>) {
    let Some(text) = read_text(path, file, p) else { return (None, None) };
    (parse_toml(&text, file, p), Some(text))
}

/// The line of `section.key` (or of the `[section]` header, for a key without a dot) in a
/// TOML text whose policy tables are named `[{prefix}section]`.
fn key_line(text: &str, prefix: &str, key: &str) -> Option<usize> {
    let (section, field) = match key.split_once('.') {
        Some((section, field)) => (section, Some(field)),
        None => (key, None),
    };
    let header = format!("{prefix}{section}");
    let mut inside = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(table) = line.strip_prefix('[').and_then(|l| l.split(']').next()) {
            inside = table.trim() == header;
            if inside && field.is_none() {
                return Some(i + 1);
            }
        } else if let (true, Some(field)) = (inside, field) {
            let name = line.split('=').next().unwrap_or_default().trim().trim_matches('"');
            if line.contains('=') && name == field {
                return Some(i + 1);
            }
        }
    }
    None
}

/// Deserializes TOML, recording an error with its line where TOML knows it and the key it
/// is on (`policy.even-pace.band`) where it is on one.
fn parse_toml<T: de::DeserializeOwned>(text: &str, file: &str, p: &mut Vec<InputProblem>) -> Option<T> {
    serde_path_to_error::deserialize(toml::Deserializer::new(text))
        .map_err(|e| {
            // The path without the private key of serde's `Spanned` (`years` is spanned).
            let segments = e.path().iter().map(ToString::to_string).filter(|k| !k.starts_with("$__serde_spanned"));
            let key = segments.collect::<Vec<_>>().join(".");
            let e = e.into_inner();
            let message = match e.message().trim() {
                "" => "is not valid TOML".to_owned(),
                m => m.to_owned(),
            };
            p.push(InputProblem {
                file: file.into(),
                row: e.span().map(|s| line_of(text.as_bytes(), s.start)),
                column: (!key.is_empty()).then_some(key),
                message,
            });
        })
        .ok()
}

/// Reports each cycle of a parent relation once, on the row of its first member.
/// `nodes` gives, per row, the id and parent index of valid rows.
fn report_cycles<'a>(
    t: &Table,
    col: &str,
    what: &str,
    nodes: impl Iterator<Item = Option<(&'a String, u32)>>,
    p: &mut Vec<InputProblem>,
) {
    let nodes: Vec<_> = nodes.collect();
    // 0 = not seen, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; nodes.len()];
    for start in 0..nodes.len() {
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at.filter(|&i| state[i] == 0) {
            state[i] = 1;
            path.push(i);
            at = nodes[i].map(|(_, parent)| parent as usize);
        }
        if let Some(i) = at.filter(|&i| state[i] == 1) {
            let cycle = &path[path.iter().position(|&j| j == i).unwrap_or_default()..];
            // Name it from its first row, so that each cycle reads the same whatever the scan order.
            let k = (0..cycle.len()).min_by_key(|&k| cycle[k]).unwrap_or_default();
            let names: Vec<&str> =
                cycle.iter().cycle().skip(k).take(cycle.len() + 1).map(|&j| nodes[j].map_or("", |(id, _)| id.as_str())).collect();
            p.push(InputProblem::at(&t.file, t.rows[cycle[k]].0, col, format!("{what} cycle: {}", names.join(" -> "))));
        }
        for i in path {
            state[i] = 2;
        }
    }
}

/// Parses `domain:level;domain:level` (levels 1–3; may be empty).
fn parse_skills(v: &str) -> Result<Vec<(String, u8)>, String> {
    v.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| match s.rsplit_once(':') {
            Some((domain, level)) if !domain.trim().is_empty() => match level.trim().parse::<u8>() {
                Ok(l @ 1..=3) => Ok((domain.trim().to_owned(), l)),
                _ => Err(format!("skill \"{s}\": level must be 1, 2 or 3")),
            },
            _ => Err(format!("skill \"{s}\": expected domain:level")),
        })
        .collect()
}

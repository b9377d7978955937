//! Reading and validating a scenario directory.
//!
//! [`load`] reads `scenario.toml`, the policy and the CSV files described in
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

use super::{
    Candidate, Gender, HistoryEntry, Kinship, Level, Person, PersonIx, Pin, PinAction, Post, PostIx, Region, RegionIx, Relation,
    Role, Scenario, Team, TeamIx, Unit, UnitIx,
};
use crate::error::{Error, InputProblem, Result};
use crate::policy::Policy;
use csv::StringRecord;
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

/// Reads, validates and resolves the scenario in `dir`.
///
/// `policy_override` (the `--policy FILE` of the command line) replaces the scenario's own
/// policy entirely. Returns [`Error::Input`] with every problem found, sorted by file and
/// row, when anything is wrong.
pub fn load(dir: &Path, policy_override: Option<&Path>) -> Result<Scenario> {
    let mut p = Vec::new();
    let head = read_head(dir, &mut p);
    let (policy, policy_file) = read_policy(dir, head.as_ref().and_then(|h| h.policy.clone()), policy_override, &mut p);
    let start = head.as_ref().map(|h| h.start_year);
    let horizon = head.as_ref().map(|h| h.start_year..=h.start_year + h.years as i32 - 1);

    // Regions.
    let t = Table::read(dir, "regions.csv", true, &["region_id", "name", "parent_id", "level"], &mut p);
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
    let t = Table::read(dir, "units.csv", true, &["unit_id", "name", "region_id", "kind"], &mut p);
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
        let reelection_year = row.cell("reelection_year", Some(None), |v| int(v, 1900..=2200).map(Some));
        Some(Unit {
            id: id?,
            name: name?,
            region: region?,
            parent: parent?,
            kind: kind?,
            hardship: hardship?,
            pair: pair?,
            reelection_year: reelection_year?,
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
                p.push(InputProblem::at(t.file, t.rows[i].0, "pair_unit_id", msg));
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
    let t = Table::read(
        dir,
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
    let t = Table::read(dir, "teams.csv", false, &["team_id", "domains"], &mut p);
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
    let t = Table::read(
        dir,
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
            retire_year: retire_year?,
            years_in_grade: years_in_grade? as u32,
            grassroots_years: grassroots_years? as u32,
            hardship_years: hardship_years? as u32,
        })
    });

    // Relations.
    let t = Table::read(dir, "relations.csv", false, &["person_a", "person_b", "kind"], &mut p);
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
    let t = Table::read(dir, "history.csv", false, &["person_id", "post_id", "from_year", "to_year"], &mut p);
    let history = t.rows(&mut p, |row| {
        let person = row.id("person_id", &person_ids);
        let post = row.id("post_id", &post_ids);
        let from_year = row.int("from_year", ANY, None);
        let to_range = from_year.unwrap_or(i32::MIN)..=start.unwrap_or(i32::MAX);
        let to_year = row.int("to_year", to_range, None);
        Some(HistoryEntry { person: person?, post: post?, from_year: from_year?, to_year: to_year? })
    });

    // Candidates.
    let t = Table::read(dir, "candidates.csv", false, &["post_id", "person_id", "score"], &mut p);
    let mut seen: HashMap<(PostIx, PersonIx), usize> = HashMap::new();
    let candidates = t.rows(&mut p, |row| {
        let post = row.id("post_id", &post_ids);
        let person = row.id("person_id", &person_ids);
        let score = row.cell("score", None, |v| match v.parse::<f64>() {
            Ok(x) if x.is_finite() => Ok(x),
            _ => Err(format!("not a finite number: \"{v}\"")),
        });
        if let (Some(post), Some(person)) = (post, person) {
            if let Some(first) = seen.insert((post, person), row.line) {
                row.problem("person_id", format!("duplicate candidate for this post (first on row {first})"));
            }
        }
        Some(Candidate { post: post?, person: person?, score: score? })
    });

    // Pins.
    let t = Table::read(dir, "pins.csv", false, &["person_id", "post_id", "year", "action"], &mut p);
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
                row: Some(line_of(&text, span.start)),
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
    (p.len() == n).then_some(Head { name, start_year, years, policy: raw.policy })
}

/// The policy in force and the file it came from (`None` for inline or default).
fn read_policy(
    dir: &Path,
    source: Option<PolicySource>,
    policy_override: Option<&Path>,
    p: &mut Vec<InputProblem>,
) -> (Policy, Option<PathBuf>) {
    let (policy, file, path) = match (policy_override, source) {
        (Some(path), _) => {
            (parse_policy_file(path, &path.display().to_string(), p), path.display().to_string(), Some(path.to_path_buf()))
        }
        (None, Some(PolicySource::File(rel))) => {
            let path = dir.join(&rel);
            (parse_policy_file(&path, &rel, p), rel, Some(path))
        }
        (None, Some(PolicySource::Inline(policy))) => (Some(*policy), "scenario.toml".to_owned(), None),
        (None, None) => (Some(Policy::default()), String::new(), None),
    };
    let policy = policy.unwrap_or_default();
    for (key, message) in policy.problems() {
        p.push(InputProblem { file: file.clone(), row: None, column: Some(key), message });
    }
    (policy, path)
}

/// A policy file, or `None` after recording why it cannot be used.
fn parse_policy_file(path: &Path, file: &str, p: &mut Vec<InputProblem>) -> Option<Policy> {
    parse_toml(&read_text(path, file, p)?, file, p)
}

/// The whole of a text file, or `None` after recording why it cannot be read.
fn read_text(path: &Path, file: &str, p: &mut Vec<InputProblem>) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            p.push(InputProblem::file(file, "missing required file"));
            None
        }
        Err(e) => {
            p.push(InputProblem::file(file, format!("cannot read: {e}")));
            None
        }
    }
}

/// Deserializes TOML, recording an error with its line where TOML knows it.
fn parse_toml<T: de::DeserializeOwned>(text: &str, file: &str, p: &mut Vec<InputProblem>) -> Option<T> {
    toml::from_str(text)
        .map_err(|e| {
            let message = e.message().trim().to_owned();
            p.push(InputProblem { file: file.into(), row: e.span().map(|s| line_of(text, s.start)), column: None, message });
        })
        .ok()
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

// ---------------------------------------------------------------------------------------
// CSV tables

/// A CSV file read into memory, with its header.
struct Table {
    file: &'static str,
    /// Column name → position.
    cols: HashMap<String, usize>,
    /// Line number (as a spreadsheet shows it), record, and whether it has the header's
    /// length (a ragged row still registers its id, but yields no entity).
    rows: Vec<(usize, StringRecord, bool)>,
    /// Whether the file was read.
    read: bool,
}

impl Table {
    /// Reads `file`; a missing optional file is an empty table.
    fn read(dir: &Path, file: &'static str, required: bool, columns: &[&str], p: &mut Vec<InputProblem>) -> Table {
        let mut t = Table { file, cols: HashMap::new(), rows: Vec::new(), read: false };
        let path = dir.join(file);
        if !required && !path.exists() {
            return t;
        }
        let Some(text) = read_text(&path, file, p) else {
            return t;
        };
        let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(true).from_reader(text.as_bytes());
        // Lines are counted here rather than taken from the reader, which does not count the
        // blank lines it skips (and a record's position is where that skipping began).
        let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        let line = |pos: Option<&csv::Position>| {
            let start = pos.map_or(0, |pos| pos.byte() as usize);
            let start = start + text[start..].len() - text[start..].trim_start_matches(['\r', '\n']).len();
            newlines.partition_point(|&n| n < start) + 1
        };
        let header = match reader.headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                p.push(InputProblem::row(file, 1, format!("cannot read the header: {e}")));
                return t;
            }
        };
        // The first of two equally named columns wins.
        for (i, name) in header.iter().enumerate() {
            t.cols.entry(name.to_owned()).or_insert(i);
        }
        t.read = true;
        for col in columns.iter().filter(|c| !t.cols.contains_key(**c)) {
            p.push(InputProblem {
                file: file.into(),
                row: None,
                column: Some((*col).into()),
                message: "missing required column".into(),
            });
        }
        for record in reader.records() {
            match record {
                Ok(r) => {
                    let (line, ok) = (line(r.position()), r.len() == header.len());
                    if !ok {
                        p.push(InputProblem::row(
                            file,
                            line,
                            format!("has {} fields but the header has {}", r.len(), header.len()),
                        ));
                    }
                    t.rows.push((line, r, ok));
                }
                Err(e) => p.push(InputProblem::row(file, line(e.position()), format!("cannot read: {e}"))),
            }
        }
        t
    }

    /// The id table of the `col` column, reporting duplicates.
    fn ids<T: Copy>(&self, col: &str, what: &'static str, ix: fn(u32) -> T, p: &mut Vec<InputProblem>) -> Ids<T> {
        let mut ids = Ids { file: self.file, what, map: HashMap::new(), names: Vec::new(), known: false };
        let Some(&c) = self.cols.get(col) else {
            return ids;
        };
        ids.known = self.read;
        for (i, (line, record, _)) in self.rows.iter().enumerate() {
            let id = record.get(c).unwrap_or_default();
            ids.names.push(id.to_owned());
            if id.is_empty() {
                continue; // reported by the row itself
            }
            if let Some(&(_, first)) = ids.map.get(id) {
                p.push(InputProblem::at(self.file, *line, col, format!("duplicate {what} \"{id}\" (first on row {first})")));
            } else {
                ids.map.insert(id.to_owned(), (ix(i as u32), *line));
            }
        }
        ids
    }

    /// Runs `f` over every row; the result has one entry per row, `None` where it was bad.
    fn rows<T>(&self, p: &mut Vec<InputProblem>, mut f: impl FnMut(&mut Row) -> Option<T>) -> Vec<Option<T>> {
        self.rows
            .iter()
            .map(|(line, record, ok)| {
                let row = &mut Row { file: self.file, line: *line, cols: &self.cols, record, p: &mut *p };
                ok.then(|| f(row)).flatten()
            })
            .collect()
    }
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
            p.push(InputProblem::at(t.file, t.rows[cycle[k]].0, col, format!("{what} cycle: {}", names.join(" -> "))));
        }
        for i in path {
            state[i] = 2;
        }
    }
}

/// Ids of one file, resolved to indices.
struct Ids<T> {
    file: &'static str,
    what: &'static str,
    /// Id → index and line of its first row.
    map: HashMap<String, (T, usize)>,
    /// Id of each row, by index.
    names: Vec<String>,
    /// False when the file is missing or unusable: its own problem explains every
    /// reference into it, so they are not reported again.
    known: bool,
}

/// One row of a [`Table`], with typed getters that record problems and return `None`.
struct Row<'a> {
    file: &'static str,
    line: usize,
    cols: &'a HashMap<String, usize>,
    record: &'a StringRecord,
    p: &'a mut Vec<InputProblem>,
}

impl<'a> Row<'a> {
    /// The cell, `None` when empty or when the column is absent.
    fn get(&self, col: &str) -> Option<&'a str> {
        self.cols.get(col).and_then(|&i| self.record.get(i)).filter(|v| !v.is_empty())
    }

    /// Records a problem in `col` of this row.
    fn problem(&mut self, col: &str, message: impl Into<String>) {
        self.p.push(InputProblem::at(self.file, self.line, col, message));
    }

    /// Records an empty required cell (a missing column is reported once, for the file).
    fn missing(&mut self, col: &str) {
        if self.cols.contains_key(col) {
            self.problem(col, "missing value");
        }
    }

    /// The parsed cell; an empty cell takes `default` and is a problem without one
    fn cell<T>(&mut self, col: &str, default: Option<T>, parse: impl FnOnce(&str) -> Result<T, String>) -> Option<T> {
        let Some(v) = self.get(col) else {
            if default.is_none() {
                self.missing(col);
            }
            return default;
        };
        parse(v).map_err(|m| self.problem(col, m)).ok()
    }

    /// A required non-empty string.
    fn text(&mut self, col: &str) -> Option<String> {
        self.cell(col, None, |v| Ok(v.to_owned()))
    }

    /// An integer in `range`.
    fn int(&mut self, col: &str, range: RangeInclusive<i32>, default: Option<i32>) -> Option<i32> {
        self.cell(col, default, |v| int(v, range))
    }

    /// A boolean.
    fn flag(&mut self, col: &str, default: Option<bool>) -> Option<bool> {
        self.cell(col, default, |v| match v.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Ok(true),
            "false" | "0" | "no" => Ok(false),
            _ => Err(format!("not a boolean (true/false, 1/0, yes/no): \"{v}\"")),
        })
    }

    /// One of a fixed set of spellings (case-insensitive).
    fn choice<T>(&mut self, col: &str, parse: impl FnOnce(&str) -> Option<T>, expected: &str) -> Option<T> {
        self.cell(col, None, |v| parse(&v.to_ascii_lowercase()).ok_or_else(|| format!("\"{v}\" is not one of {expected}")))
    }

    /// A required reference to an id of another (or the same) file.
    fn id<T: Copy>(&mut self, col: &str, ids: &Ids<T>) -> Option<T> {
        if self.get(col).is_none() {
            self.missing(col);
        }
        self.opt_id(col, ids).flatten()
    }

    /// An optional reference: `Some(None)` for an empty cell.
    fn opt_id<T: Copy>(&mut self, col: &str, ids: &Ids<T>) -> Option<Option<T>> {
        let Some(v) = self.get(col) else {
            return Some(None);
        };
        match ids.map.get(v) {
            Some(&(ix, _)) => Some(Some(ix)),
            None => {
                if ids.known {
                    self.problem(col, format!("unknown {} \"{v}\" (not in {})", ids.what, ids.file));
                }
                None
            }
        }
    }
}

/// Parses an integer in `range`.
fn int(v: &str, range: RangeInclusive<i32>) -> Result<i32, String> {
    let x: i32 = v.parse().map_err(|_| format!("not an integer: \"{v}\""))?;
    if range.contains(&x) {
        return Ok(x);
    }
    Err(match (*range.start(), *range.end()) {
        (lo, i32::MAX) => format!("must be at least {lo}, got {x}"),
        (i32::MIN, hi) => format!("must be at most {hi}, got {x}"),
        (lo, hi) => format!("must be in {lo}..={hi}, got {x}"),
    })
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

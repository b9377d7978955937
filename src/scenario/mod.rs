//! The scenario: everything the planner knows about one pool of officials and posts.
//!
//! A scenario is a directory of CSV files plus `scenario.toml` (format: `docs/scenario-format.md`).
//! This module holds the in-memory form, with every cross-reference already resolved to a
//! typed index, so that no later stage ever looks an id up by string or meets a dangling
//! reference. [`load()`] is the only code that reads scenario files and [`write()`] the only code
//! that writes them (the generator and importers build a [`Scenario`] in memory and call it).
//!
//! Deliberately absent: anything about the solver, and any policy logic. The policy is data
//! ([`crate::policy::Policy`]); what it means lives in `rules/`.

pub mod load;
pub(crate) mod table;
pub mod write;

pub use load::load;
pub use write::{write, write_as, Tables, WORKBOOK};

use crate::policy::Policy;
use std::collections::HashMap;
use std::path::PathBuf;

/// Index of a region in [`Scenario::regions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegionIx(pub u32);
/// Index of a unit in [`Scenario::units`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitIx(pub u32);
/// Index of a post in [`Scenario::posts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PostIx(pub u32);
/// Index of a person in [`Scenario::people`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonIx(pub u32);
/// Index of a leadership team in [`Scenario::teams`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TeamIx(pub u32);

/// Administrative level of a region, from the top down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Province (省).
    Province,
    /// Prefecture or city (地级市).
    Prefecture,
    /// County or district (县/区).
    County,
    /// Township or street (乡镇/街道).
    Township,
}

impl Level {
    /// The spelling used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::Prefecture => "prefecture",
            Level::County => "county",
            Level::Township => "township",
        }
    }
    /// Parses the file spelling.
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "province" => Some(Level::Province),
            "prefecture" => Some(Level::Prefecture),
            "county" => Some(Level::County),
            "township" => Some(Level::Township),
            _ => None,
        }
    }
}

/// A region of the administrative tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// Stable id from `regions.csv`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Parent region; `None` for the root(s).
    pub parent: Option<RegionIx>,
    /// Administrative level.
    pub level: Level,
    /// Hardship level 0–3 (0 = none).
    pub hardship: u8,
}

/// An organ or body whose leadership posts are planned.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Stable id from `units.csv`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Region the unit governs or sits in.
    pub region: RegionIx,
    /// The unit that directly supervises this one, if any.
    pub parent: Option<UnitIx>,
    /// Kind (party committee, government, discipline, court, department, township, ...).
    pub kind: String,
    /// Hardship level 0–3; defaults to the region's.
    pub hardship: u8,
    /// The unit paired with this one (party committee and government of one place): their
    /// heads should not both leave in the same year. Symmetric once loaded.
    pub pair: Option<UnitIx>,
    /// A year in which the unit's leadership team is re-elected (the cycle repeats every
    /// `even-pace.term_years`), if known.
    pub reelection_year: Option<i32>,
    /// For an organization, personnel, discipline, audit or finance body: the organ it
    /// serves (kinship recusal: no relative of that organ's head works in it).
    pub serves: Option<UnitIx>,
}

/// A leadership team: the posts sharing a `team_id` (by default, one unit's posts).
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    /// Stable id (`team_id` in `posts.csv`, or the unit id).
    pub id: String,
    /// Whether `teams.csv` lists the team: its make-up is planned (`[team-balance]`).
    pub listed: bool,
    /// Skill domains the team should cover (`teams.csv`).
    pub domains: Vec<String>,
}

/// Role of a post within its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The head (正职).
    Head,
    /// A deputy (副职).
    Deputy,
    /// Another team member.
    Member,
}

impl Role {
    /// The spelling used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Head => "head",
            Role::Deputy => "deputy",
            Role::Member => "member",
        }
    }
    /// Parses the file spelling.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "head" => Some(Role::Head),
            "deputy" => Some(Role::Deputy),
            "member" => Some(Role::Member),
            _ => None,
        }
    }
}

/// A leadership post.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    /// Stable id from `posts.csv`.
    pub id: String,
    /// The unit the post belongs to.
    pub unit: UnitIx,
    /// Display title.
    pub title: String,
    /// Integer rank; higher is senior.
    pub grade: i32,
    /// Head, deputy or member.
    pub role: Role,
    /// Skill area.
    pub domain: String,
    /// Whether regional recusal applies to this post.
    pub regional_recusal: bool,
    /// People, money, materials, discipline, organization, audit or finance.
    pub sensitive: bool,
    /// Whether leaving the post empty is penalised more heavily (or forbidden).
    pub must_fill: bool,
    /// A temporary (1–2 year) posting.
    pub temporary: bool,
    /// The leadership team the post belongs to (default: its unit's team).
    pub team: TeamIx,
}

/// Gender as recorded; only `F` is interpreted (team make-up rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Female.
    F,
    /// Male.
    M,
}

impl Gender {
    /// The spelling used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::F => "F",
            Gender::M => "M",
        }
    }
    /// Parses the file spelling (`F`/`M`, case-insensitive).
    pub fn parse(s: &str) -> Option<Gender> {
        match s {
            "F" | "f" => Some(Gender::F),
            "M" | "m" => Some(Gender::M),
            _ => None,
        }
    }
}

/// A leading official in the pool.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Stable id from `people.csv`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Gender.
    pub gender: Gender,
    /// Year of birth.
    pub birth_year: i32,
    /// Current grade (rank).
    pub grade: i32,
    /// Post held now (the year before `start_year`); `None` for officials in reserve.
    pub current_post: Option<PostIx>,
    /// First year in the current post (required when `current_post` is set).
    pub post_since: Option<i32>,
    /// Native place (籍贯).
    pub native: Option<RegionIx>,
    /// Birthplace (出生地).
    pub birth: Option<RegionIx>,
    /// Place of growing up (成长地).
    pub grewup: Option<RegionIx>,
    /// Skills: domain and level 1–3.
    pub skills: Vec<(String, u8)>,
    /// Marked as a young cadre for development postings.
    pub young_cadre: bool,
    /// Under audit or investigation: may not move until cleared.
    pub audit_hold: bool,
    /// The last year of the audit hold, if known (the official may move from the next
    /// year on); only with `audit_hold`.
    pub audit_hold_until: Option<i32>,
    /// First year in which the person no longer holds a post.
    pub retire_year: i32,
    /// Years already served at the current grade (before `start_year`).
    pub years_in_grade: u32,
    /// Years of grassroots service.
    pub grassroots_years: u32,
    /// Years of hardship-post service.
    pub hardship_years: u32,
}

/// Kind of a family relation that triggers kinship recusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kinship {
    /// Husband or wife.
    Spouse,
    /// Parents, grandparents, children, grandchildren.
    DirectBlood,
    /// Collateral blood within three generations.
    Collateral3,
    /// Close in-laws.
    InLaw,
}

impl Kinship {
    /// The spelling used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Kinship::Spouse => "spouse",
            Kinship::DirectBlood => "direct_blood",
            Kinship::Collateral3 => "collateral3",
            Kinship::InLaw => "in_law",
        }
    }
    /// Parses the file spelling.
    pub fn parse(s: &str) -> Option<Kinship> {
        match s {
            "spouse" => Some(Kinship::Spouse),
            "direct_blood" => Some(Kinship::DirectBlood),
            "collateral3" => Some(Kinship::Collateral3),
            "in_law" => Some(Kinship::InLaw),
            _ => None,
        }
    }
}

/// A family relation between two people of the pool.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// One relative.
    pub a: PersonIx,
    /// The other relative.
    pub b: PersonIx,
    /// Kind of relation.
    pub kind: Kinship,
}

/// An earlier post of a person (`history.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    /// Who.
    pub person: PersonIx,
    /// Which post.
    pub post: PostIx,
    /// First year in the post.
    pub from_year: i32,
    /// Last year in the post.
    pub to_year: i32,
}

/// A row of an open-selection pool (`candidates.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The post with a restricted pool.
    pub post: PostIx,
    /// A person in the pool.
    pub person: PersonIx,
    /// Selection score (higher is better); enters the objective.
    pub score: f64,
}

/// What a pin demands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PinAction {
    /// The person holds the post in that year.
    Fix,
    /// The person does not hold the post in that year.
    Forbid,
}

impl PinAction {
    /// The spelling used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            PinAction::Fix => "fix",
            PinAction::Forbid => "forbid",
        }
    }
    /// Parses the file spelling.
    pub fn parse(s: &str) -> Option<PinAction> {
        match s {
            "fix" => Some(PinAction::Fix),
            "forbid" => Some(PinAction::Forbid),
            _ => None,
        }
    }
}

/// A planner's decision the plan must obey (`pins.csv`).
#[derive(Debug, Clone, PartialEq)]
pub struct Pin {
    /// Who.
    pub person: PersonIx,
    /// Which post.
    pub post: PostIx,
    /// Which planned year.
    pub year: i32,
    /// Fix or forbid.
    pub action: PinAction,
}

/// A business interest (`interests.csv`): the official's spouse or child runs a firm that
/// a unit regulates.
#[derive(Debug, Clone, PartialEq)]
pub struct Interest {
    /// The official.
    pub person: PersonIx,
    /// The regulating unit.
    pub unit: UnitIx,
    /// Free text (whose firm, which firm).
    pub note: String,
}

/// A complete, validated scenario.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Scenario name.
    pub name: String,
    /// Directory it was read from (for messages); empty for generated scenarios.
    pub dir: PathBuf,
    /// First planned year.
    pub start_year: i32,
    /// Horizon in years.
    pub years: u32,
    /// Policy in force.
    pub policy: Policy,
    /// Where the policy came from: `None` when inline in `scenario.toml`.
    pub policy_file: Option<PathBuf>,
    /// Region tree.
    pub regions: Vec<Region>,
    /// Units.
    pub units: Vec<Unit>,
    /// Leadership teams (posts refer to them by [`TeamIx`]).
    pub teams: Vec<Team>,
    /// Posts.
    pub posts: Vec<Post>,
    /// People.
    pub people: Vec<Person>,
    /// Family relations.
    pub relations: Vec<Relation>,
    /// Earlier posts.
    pub history: Vec<HistoryEntry>,
    /// Open-selection pools.
    pub candidates: Vec<Candidate>,
    /// Pins.
    pub pins: Vec<Pin>,
    /// Business interests.
    pub interests: Vec<Interest>,
    /// The published plan being re-planned (`rotaplan replan`), if any.
    pub reference: Option<Reference>,
    /// The pins given on the command line (`--pin`, `--forbid`), as given
    /// (`fix C001=P-gov-head@2028`); they are in `pins` too.
    pub what_if: Vec<String>,
    /// When looking for an alternative plan (`plan --alternatives`): the plans it must
    /// differ from.
    pub distinct_from: Option<DistinctFrom>,
}

/// Earlier plans an alternative must differ from (the `alternatives` rule).
#[derive(Debug, Clone)]
pub struct DistinctFrom {
    /// The earlier plans.
    pub plans: Vec<crate::plan::Plan>,
    /// In how many of each earlier plan's assignments (person-years holding a post) at
    /// least the alternative differs.
    pub differ: u32,
}

/// A published plan to re-plan from: the years through `frozen_through` stay as they are,
/// and in the later years each person-year that differs from it costs `[replan] weight`
/// (the `replan` rule).
#[derive(Debug, Clone)]
pub struct Reference {
    /// The published plan.
    pub plan: crate::plan::Plan,
    /// Where it was read from.
    pub file: PathBuf,
    /// The last year kept exactly as published (`None`: nothing frozen).
    pub frozen_through: Option<i32>,
    /// Whether it is a published plan (`replan`), which the search repairs into its first
    /// plan where the facts now break a hard rule; `false` for a plan to stay near
    /// (runner-ups, alternatives), which meets every hard rule but the one change asked
    /// for, and whose least change the search finds faster than the repair would.
    pub published: bool,
}

impl Reference {
    /// `plan` as a plan to stay near (runner-ups, alternatives; `what` names it in
    /// messages), keeping the freeze of the scenario's published plan, if any (`plan` holds
    /// what that one holds in those years).
    pub fn near(s: &Scenario, plan: &crate::plan::Plan, what: &str) -> Reference {
        let frozen_through = s.reference.as_ref().and_then(|r| r.frozen_through);
        Reference { plan: plan.clone(), file: what.into(), frozen_through, published: false }
    }
}

impl Scenario {
    /// Replaces every official's name by their id, and the notes of business interests
    /// (whose firm) by nothing: for plans shared outside the committee (`--redact`). Every
    /// output takes names from here, so none is left in them.
    pub fn redact(&mut self) {
        for p in &mut self.people {
            p.name = p.id.clone();
        }
        for i in &mut self.interests {
            i.note.clear();
        }
    }

    /// The planned years, in order.
    pub fn years(&self) -> impl Iterator<Item = i32> + Clone {
        self.start_year..self.start_year + self.years as i32
    }
    /// Last planned year.
    pub fn end_year(&self) -> i32 {
        self.start_year + self.years as i32 - 1
    }
    /// `Err` saying so when `year` is not a planned year.
    pub fn planned_year(&self, year: i32) -> std::result::Result<i32, String> {
        if (self.start_year..=self.end_year()).contains(&year) {
            Ok(year)
        } else {
            Err(format!("{year} is outside the plan's years {}–{}", self.start_year, self.end_year()))
        }
    }
    /// The region.
    pub fn region(&self, r: RegionIx) -> &Region {
        &self.regions[r.0 as usize]
    }
    /// The unit.
    pub fn unit(&self, u: UnitIx) -> &Unit {
        &self.units[u.0 as usize]
    }
    /// The post.
    pub fn post(&self, j: PostIx) -> &Post {
        &self.posts[j.0 as usize]
    }
    /// The person.
    pub fn person(&self, p: PersonIx) -> &Person {
        &self.people[p.0 as usize]
    }
    /// Region of a post (its unit's region).
    pub fn post_region(&self, j: PostIx) -> RegionIx {
        self.unit(self.post(j).unit).region
    }
    /// `r` and its ancestors, from `r` upwards. The tree is validated acyclic.
    pub fn region_chain(&self, r: RegionIx) -> impl Iterator<Item = RegionIx> + '_ {
        std::iter::successors(Some(r), move |&x| self.region(x).parent)
    }
    /// Whether region `outer` is `inner` or one of its ancestors.
    pub fn region_contains(&self, outer: RegionIx, inner: RegionIx) -> bool {
        self.region_chain(inner).any(|x| x == outer)
    }
    /// Iterates people with their indices.
    pub fn people_ix(&self) -> impl Iterator<Item = (PersonIx, &Person)> {
        self.people.iter().enumerate().map(|(i, p)| (PersonIx(i as u32), p))
    }
    /// Iterates posts with their indices.
    pub fn posts_ix(&self) -> impl Iterator<Item = (PostIx, &Post)> {
        self.posts.iter().enumerate().map(|(i, p)| (PostIx(i as u32), p))
    }
    /// Years a person has held `post` continuously by the end of `year`, if they hold it
    /// from now until then without a break (the current post only).
    pub fn years_in_current_post(&self, p: PersonIx, year: i32) -> Option<i32> {
        let person = self.person(p);
        person.post_since.map(|since| year - since + 1)
    }
    /// Age in `year`.
    pub fn age(&self, p: PersonIx, year: i32) -> i32 {
        year - self.person(p).birth_year
    }
    /// Adds a pin given on the command line as `PERSON=POST@YEAR`, merged with `pins.csv`:
    /// the same pin again is taken once; a pin contradicting one already there (the other
    /// action, or another post fixed for the person or another person for the post in that
    /// year) is an error, in words.
    pub fn add_pin(&mut self, spec: &str, action: PinAction) -> std::result::Result<(), String> {
        let (person, rest) = spec.split_once('=').ok_or("expected PERSON=POST@YEAR")?;
        let (post, year) = rest.rsplit_once('@').ok_or("expected PERSON=POST@YEAR")?;
        let (person, post, year) = (person.trim(), post.trim(), year.trim());
        let ids = self.ids();
        let p = *ids.people.get(person).ok_or_else(|| format!("no official {person:?} in the scenario"))?;
        let j = *ids.posts.get(post).ok_or_else(|| format!("no post {post:?} in the scenario"))?;
        let year: i32 = year.parse().map_err(|_| format!("the year must be a number, got {year:?}"))?;
        self.planned_year(year)?;
        for other in self.pins.iter().filter(|o| o.year == year) {
            let same_arc = (other.person, other.post) == (p, j);
            if same_arc && other.action == action {
                return Ok(());
            }
            let both_fix = action == PinAction::Fix && other.action == PinAction::Fix;
            let clash = if same_arc {
                Some(format!("{} {person} from {post}", other.action.as_str()))
            } else if both_fix && other.person == p {
                Some(format!("fix {person} to {}", self.post(other.post).id))
            } else if both_fix && other.post == j {
                Some(format!("fix {} to {post}", self.person(other.person).id))
            } else {
                None
            };
            if let Some(clash) = clash {
                return Err(format!("contradicts the pin to {clash} in {year} (pins.csv or an earlier flag)"));
            }
        }
        self.pins.push(Pin { person: p, post: j, year, action });
        self.what_if.push(format!("{} {person}={post}@{year}", action.as_str()));
        Ok(())
    }

    /// Lookup tables from ids to indices (built on demand; the pipeline itself never
    /// looks anything up by id).
    pub fn ids(&self) -> Ids {
        Ids {
            people: self.people.iter().enumerate().map(|(i, p)| (p.id.clone(), PersonIx(i as u32))).collect(),
            posts: self.posts.iter().enumerate().map(|(i, p)| (p.id.clone(), PostIx(i as u32))).collect(),
        }
    }
}

/// Id → index tables for reading plans and other files that name people and posts.
#[derive(Debug, Clone, Default)]
pub struct Ids {
    /// Person id → index.
    pub people: HashMap<String, PersonIx>,
    /// Post id → index.
    pub posts: HashMap<String, PostIx>,
}

//! Synthetic pools: reproducible scenarios of any size for tests, benchmarks and demos.
//!
//! The model of a pool, scaled by [`GenSpec::people`]:
//!
//! - **Regions**: one province; managed prefectures (none for a district-size pool, about
//!   one per 3,000 people above that), each with managed counties and their townships; and
//!   a few unmanaged counties (plus one unmanaged prefecture) that exist only as home
//!   places. Most regions have hardship 0; some townships are remote (2–3).
//! - **Units**: every managed prefecture and county has a party committee (supervised by the
//!   party committee one level up), a government, discipline commission, organization
//!   department, court, procuratorate, police and 15–20 departments; every township of a
//!   managed county has one unit under the county party committee. One leadership team per
//!   unit. A unit's hardship is its region's.
//! - **Posts**: heads (two in a township: party secretary and township head), 1–6 deputies,
//!   sometimes members. Grades: county party secretary and government head 6, their
//!   deputies 5, heads of discipline/organization/court/procuratorate/police 5, department
//!   and township heads 4, their deputies 3; prefecture-level units two grades higher.
//!   Heads are `must_fill`; heads of the leading organs and of townships carry regional
//!   recusal; discipline, organization, finance, audit and police posts are sensitive;
//!   about 3% of posts are temporary deputy postings. The number of townships is chosen so
//!   that there are about `people / 1.15` posts.
//! - **People**: about 90% of posts are held, the rest of the pool is in reserve. Ages
//!   30–59 (retirement at 60), time in post mostly 1–5 years, about 12% 6–10 and 4% more
//!   than 10. About 30% grew up inside the managed area. Current conflicts with the hard
//!   rules of [`Policy::default`] are rare and deliberate: about 1% of people hold a
//!   recusal post in the region where they grew up, and a few related pairs share a unit.
//!   Audit holds (about 1%) go only to people who may legally stay where they are, so the
//!   pool is always feasible under the default hard rules: everyone else may move or leave.
//!
//! - Paired units (party committee and government of a place), re-election years, team
//!   goals (`teams.csv`) and earlier terms of some heads (`history.csv`): see
//!   `terms_and_teams`.
//!
//! **Invariant**: the output depends on the spec only. All randomness comes from
//! [`ChaCha8Rng`] streams seeded with [`GenSpec::seed`], and nothing is ever drawn while
//! iterating a hash map. Not generated: candidate pools and pins.

use crate::policy::{Home, Policy, Strength};
use crate::scenario::{
    Gender, HistoryEntry, Kinship, Level, Person, PersonIx, Post, PostIx, Region, RegionIx, Relation, Role, Scenario, Team,
    TeamIx, Unit, UnitIx,
};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::path::PathBuf;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenSpec {
    /// Size of the pool of officials (the generated scenario has exactly this many people).
    pub people: usize,
    /// Seed of the random generator.
    pub seed: u64,
    /// First planned year.
    pub start_year: i32,
    /// Horizon in years.
    pub years: u32,
}

/// Named presets and their pool sizes.
pub const PRESETS: [(&str, usize); 3] = [("district", 300), ("city", 3_000), ("province", 30_000)];

impl GenSpec {
    /// A named preset (`district`, `city` or `province`; see [`PRESETS`]) with seed 1.
    pub fn preset(name: &str) -> Option<GenSpec> {
        PRESETS.iter().find(|(n, _)| *n == name).map(|&(_, people)| spec_for(people, 1))
    }
}

/// The spec for a pool of `people` officials: a five-year plan starting in 2027.
pub fn spec_for(people: usize, seed: u64) -> GenSpec {
    GenSpec { people, seed, start_year: 2027, years: 5 }
}

/// Which unit of the same place supervises a unit.
#[derive(Clone, Copy)]
enum Under {
    /// The party committee one level up (none for a prefecture).
    Above,
    /// The local party committee.
    Party,
    /// The local government.
    Government,
}

/// A kind of unit: how to name it and which posts it has.
struct Kind {
    /// File spelling of [`Unit::kind`].
    kind: &'static str,
    /// Appended to the region's name; empty for townships.
    name: &'static str,
    /// Supervising unit.
    under: Under,
    /// Head posts: (title, domain).
    heads: &'static [(&'static str, &'static str)],
    /// Grade of the heads; deputies and members are one below.
    head_grade: i32,
    /// Deputy title and the domains deputies are drawn from.
    deputy: (&'static str, &'static [&'static str]),
    /// Inclusive range of the number of deputies.
    deputies: (u32, u32),
    /// Member title and inclusive range of the number of members.
    members: (&'static str, u32, u32),
    /// Heads carry regional recusal.
    recusal: bool,
    /// Every post is sensitive.
    sensitive: bool,
}

impl Kind {
    /// Expected number of posts.
    fn expected_posts(&self) -> f64 {
        self.heads.len() as f64 + f64::from(self.deputies.0 + self.deputies.1 + self.members.1 + self.members.2) / 2.0
    }
}

/// A directly led agency: one head, 1–3 deputies, sometimes a member.
const fn agency(
    kind: &'static str,
    name: &'static str,
    under: Under,
    heads: &'static [(&'static str, &'static str)],
    deputy: &'static str,
    domain: &'static [&'static str],
    sensitive: bool,
) -> Kind {
    Kind {
        kind,
        name,
        under,
        heads,
        head_grade: 5,
        deputy: (deputy, domain),
        deputies: (1, 3),
        members: ("Member", 0, 1),
        recusal: true,
        sensitive,
    }
}

/// A government department: one director, 1–4 deputies, sometimes a member.
const fn department(name: &'static str, domain: &'static [&'static str], sensitive: bool) -> Kind {
    Kind {
        kind: "department",
        name,
        under: Under::Government,
        heads: &[("Director", "")],
        head_grade: 4,
        deputy: ("Deputy Director", domain),
        deputies: (1, 4),
        members: ("Member", 0, 1),
        recusal: false,
        sensitive,
    }
}

/// The leading organs of a county or prefecture, party committee first, government second.
const CORE: [Kind; 7] = [
    Kind {
        kind: "party_committee",
        name: "Party Committee",
        under: Under::Above,
        heads: &[("Party Secretary", "party")],
        head_grade: 6,
        deputy: ("Deputy Party Secretary", &["party"]),
        deputies: (2, 3),
        members: ("Standing Committee Member", 2, 4),
        recusal: true,
        sensitive: false,
    },
    Kind {
        kind: "government",
        name: "Government",
        under: Under::Party,
        heads: &[("Head", "economy")],
        head_grade: 6,
        deputy: ("Deputy Head", &["economy", "agriculture", "education", "health", "construction"]),
        deputies: (3, 5),
        members: ("", 0, 0),
        recusal: true,
        sensitive: false,
    },
    agency(
        "discipline",
        "Discipline Commission",
        Under::Party,
        &[("Secretary", "discipline")],
        "Deputy Secretary",
        &["discipline"],
        true,
    ),
    agency(
        "organization",
        "Organization Department",
        Under::Party,
        &[("Director", "organization")],
        "Deputy Director",
        &["organization"],
        true,
    ),
    agency("court", "People's Court", Under::Party, &[("President", "law")], "Vice President", &["law"], false),
    agency(
        "procuratorate",
        "Procuratorate",
        Under::Party,
        &[("Chief Procurator", "law")],
        "Deputy Chief Procurator",
        &["law"],
        false,
    ),
    agency("police", "Public Security Bureau", Under::Government, &[("Chief", "police")], "Deputy Chief", &["police"], true),
];

/// Departments in order of importance; a place has the first 15–20 of them.
const DEPARTMENTS: [Kind; 20] = [
    department("Finance Bureau", &["finance"], true),
    department("Audit Bureau", &["audit"], true),
    department("Education Bureau", &["education"], false),
    department("Health Commission", &["health"], false),
    department("Agriculture and Rural Affairs Bureau", &["agriculture"], false),
    department("Development and Reform Bureau", &["economy"], false),
    department("Human Resources and Social Security Bureau", &["social"], false),
    department("Civil Affairs Bureau", &["social"], false),
    department("Housing and Construction Bureau", &["construction"], false),
    department("Transport Bureau", &["construction"], false),
    department("Natural Resources Bureau", &["environment"], false),
    department("Ecology and Environment Bureau", &["environment"], false),
    department("Water Resources Bureau", &["agriculture"], false),
    department("Commerce Bureau", &["economy"], false),
    department("Market Regulation Bureau", &["economy"], false),
    department("Emergency Management Bureau", &["social"], false),
    department("Culture and Tourism Bureau", &["culture"], false),
    department("Statistics Bureau", &["economy"], false),
    department("Publicity Department", &["party"], false),
    department("United Front Department", &["party"], false),
];
/// Inclusive range of the number of departments per place.
const DEPARTMENT_COUNT: (usize, usize) = (15, 20);

/// A township: party secretary and township head, 3–5 deputies, 1–2 members.
const TOWNSHIP: Kind = Kind {
    kind: "township",
    name: "",
    under: Under::Party,
    heads: &[("Party Secretary", "party"), ("Township Head", "economy")],
    head_grade: 4,
    deputy: ("Deputy", &["agriculture", "economy", "social", "party", "construction"]),
    deputies: (3, 5),
    members: ("Committee Member", 1, 2),
    recusal: true,
    sensitive: false,
};

/// Every skill domain posts use.
const DOMAINS: [&str; 15] = [
    "party",
    "economy",
    "law",
    "discipline",
    "organization",
    "finance",
    "education",
    "agriculture",
    "health",
    "police",
    "audit",
    "social",
    "construction",
    "environment",
    "culture",
];

const PLACE_A: [&str; 20] = [
    "Qing", "Dong", "Nan", "Xi", "Bei", "Shan", "He", "Long", "Feng", "An", "Ping", "Jin", "Hua", "Yun", "Song", "Bai", "Lin",
    "Tai", "Xin", "Chang",
];
const PLACE_B: [&str; 15] =
    ["he", "shan", "ping", "an", "yang", "xi", "kou", "tan", "ling", "qiao", "zhou", "ning", "yuan", "feng", "gang"];
const SURNAMES: [&str; 20] = [
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He",
    "Guo", "Ma", "Luo",
];
const GIVEN: [&str; 24] = [
    "Wei", "Fang", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang", "Yong", "Yan", "Jie", "Tao", "Ming", "Chao", "Xia",
    "Ping", "Gang", "Hua", "Hong", "Bo", "Hui", "Ling", "Dan",
];

/// Share of people who grew up inside the managed area.
const HOME_IN_AREA: f64 = 0.3;

/// Generates the scenario for `spec`; the same spec always gives the same scenario.
pub fn generate(spec: &GenSpec) -> Scenario {
    let mut g = Gen {
        rng: ChaCha8Rng::seed_from_u64(spec.seed),
        s: Scenario {
            name: format!("synthetic-{}-seed{}", spec.people, spec.seed),
            dir: PathBuf::new(),
            start_year: spec.start_year,
            years: spec.years,
            policy: Policy {
                // County-managed officials rotate within their county (keeps province-size
                // pools tractable; no effect on a one-county district).
                exchange_scope: crate::policy::ExchangeScope { within: Some(crate::scenario::Level::County) },
                ..Policy::default()
            },
            policy_file: None,
            regions: Vec::new(),
            units: Vec::new(),
            teams: Vec::new(),
            posts: Vec::new(),
            people: Vec::new(),
            relations: Vec::new(),
            history: Vec::new(),
            candidates: Vec::new(),
            pins: Vec::new(),
            interests: Vec::new(),
            reference: None,
            what_if: Vec::new(),
            distinct_from: None,
        },
        area: Vec::new(),
        elsewhere: Vec::new(),
    };
    g.structure(spec.people);
    g.people(spec.people);
    g.regional_conflicts();
    g.relations();
    g.audit_holds();
    g.terms_and_teams(spec.seed);
    g.assign_ids();
    g.s
}

/// Generator state: the scenario under construction and the home-place pools.
struct Gen {
    rng: ChaCha8Rng,
    s: Scenario,
    /// Managed counties and townships (homes "inside the managed area").
    area: Vec<RegionIx>,
    /// Unmanaged counties: homes that never conflict with any post.
    elsewhere: Vec<RegionIx>,
}

impl Gen {
    fn range(&mut self, (lo, hi): (u32, u32)) -> u32 {
        self.rng.gen_range(lo..=hi)
    }

    fn place(&mut self, suffix: &str) -> String {
        format!("{}{} {suffix}", PLACE_A.choose(&mut self.rng).unwrap(), PLACE_B.choose(&mut self.rng).unwrap())
    }

    fn region(&mut self, parent: Option<RegionIx>, level: Level, hardship: u8) -> RegionIx {
        let suffix = match level {
            Level::Province => "Province",
            Level::Prefecture => "Prefecture",
            Level::County => "County",
            Level::Township => "Township",
        };
        let name = self.place(suffix);
        self.s.regions.push(Region { id: String::new(), name, parent, level, hardship });
        RegionIx(self.s.regions.len() as u32 - 1)
    }

    /// Regions, units and posts, sized for about `people / 1.15` posts.
    fn structure(&mut self, people: usize) {
        let posts = people as f64 / 1.15;
        let mean_departments = (DEPARTMENT_COUNT.0 + DEPARTMENT_COUNT.1) as f64 / 2.0;
        let place_posts = CORE.iter().map(Kind::expected_posts).sum::<f64>() + mean_departments * DEPARTMENTS[0].expected_posts();
        // A district-size pool is one county under an unmanaged prefecture.
        let prefectures = if people <= 600 { 0 } else { ((people as f64 / 3000.0).round() as usize).max(1) };
        let per_prefecture = posts / prefectures.max(1) as f64 - if prefectures > 0 { place_posts } else { 0.0 };
        let counties = ((per_prefecture / 320.0).round() as usize).clamp(1, 12);
        let townships = ((per_prefecture / counties as f64 - place_posts) / TOWNSHIP.expected_posts()).round().max(3.0) as usize;

        let province = self.region(None, Level::Province, 0);
        for p in 0..prefectures.max(1) + 1 {
            let managed = p < prefectures.max(1);
            let pref = self.region(Some(province), Level::Prefecture, 0);
            let above = (managed && prefectures > 0).then(|| self.local_units(pref, None, 2, &[]));
            for _ in 0..if managed { counties } else { 0 } {
                let hardship = *[0, 0, 0, 0, 0, 0, 1, 1, 2].choose(&mut self.rng).unwrap();
                let county = self.region(Some(pref), Level::County, hardship);
                let towns: Vec<_> = (0..townships)
                    .map(|_| {
                        let h = *[0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3].choose(&mut self.rng).unwrap();
                        self.region(Some(county), Level::Township, h.max(hardship))
                    })
                    .collect();
                self.area.push(county);
                self.area.extend(&towns);
                self.local_units(county, above, 0, &towns);
            }
            for _ in 0..self.rng.gen_range(3..=5) {
                let county = self.region(Some(pref), Level::County, 0);
                self.elsewhere.push(county);
            }
        }
    }

    /// The units of one county or prefecture (`shift` is added to every grade); returns its
    /// party committee.
    fn local_units(&mut self, region: RegionIx, above: Option<UnitIx>, shift: i32, townships: &[RegionIx]) -> UnitIx {
        let party = self.unit(&CORE[0], region, above, shift);
        let gov = self.unit(&CORE[1], region, Some(party), shift);
        let departments = self.rng.gen_range(DEPARTMENT_COUNT.0..=DEPARTMENT_COUNT.1);
        for kind in CORE[2..].iter().chain(&DEPARTMENTS[..departments]) {
            let parent = match kind.under {
                Under::Above => above,
                Under::Party => Some(party),
                Under::Government => Some(gov),
            };
            self.unit(kind, region, parent, shift);
        }
        for &t in townships {
            self.unit(&TOWNSHIP, t, Some(party), shift);
        }
        party
    }

    /// One unit, its team and its posts.
    fn unit(&mut self, kind: &Kind, region: RegionIx, parent: Option<UnitIx>, shift: i32) -> UnitIx {
        let r = &self.s.regions[region.0 as usize];
        let name = if kind.name.is_empty() { r.name.clone() } else { format!("{} {}", r.name, kind.name) };
        let ix = UnitIx(self.s.units.len() as u32);
        let team = TeamIx(self.s.teams.len() as u32);
        self.s.units.push(Unit {
            id: String::new(),
            name,
            region,
            parent,
            kind: kind.kind.to_string(),
            hardship: r.hardship,
            pair: None,
            reelection_year: None,
            serves: None,
        });
        self.s.teams.push(Team { id: String::new(), listed: false, domains: Vec::new() });
        let grade = kind.head_grade + shift;
        let deputy_domains = kind.deputy.1;
        let mut posts: Vec<(String, Role, &str)> = kind
            .heads
            .iter()
            .map(|&(title, domain)| (title.to_string(), Role::Head, if domain.is_empty() { deputy_domains[0] } else { domain }))
            .collect();
        for _ in 0..self.range(kind.deputies) {
            posts.push((kind.deputy.0.to_string(), Role::Deputy, deputy_domains.choose(&mut self.rng).unwrap()));
        }
        for _ in 0..self.range((kind.members.1, kind.members.2)) {
            posts.push((kind.members.0.to_string(), Role::Member, deputy_domains[0]));
        }
        for (title, role, domain) in posts {
            let head = role == Role::Head;
            // The title alone, as a personnel list has it: every display names the unit
            // beside it.
            self.s.posts.push(Post {
                id: String::new(),
                unit: ix,
                title,
                grade: if head { grade } else { grade - 1 },
                role,
                domain: domain.to_string(),
                regional_recusal: head && kind.recusal,
                sensitive: kind.sensitive,
                must_fill: head,
                temporary: role == Role::Deputy && self.rng.gen_bool(0.055),
                team,
            });
        }
        ix
    }

    /// A home place: inside the managed area with probability [`HOME_IN_AREA`].
    fn home(&mut self) -> RegionIx {
        let pool = if self.rng.gen_bool(HOME_IN_AREA) { &self.area } else { &self.elsewhere };
        *pool.choose(&mut self.rng).unwrap()
    }

    /// Exactly `n` people: about 90% of the posts held, the rest in reserve.
    fn people(&mut self, n: usize) {
        let start = self.s.start_year;
        // Vacancies fall mostly on deputies and members: sort posts by a random key that
        // pushes heads to the back.
        let mut keyed: Vec<(f64, PostIx)> =
            self.s.posts_ix().map(|(j, p)| (if p.role == Role::Head { 0.7 } else { 0.0 }, j)).collect();
        for k in &mut keyed {
            k.0 += self.rng.gen::<f64>();
        }
        keyed.sort_by(|a, b| b.0.total_cmp(&a.0));
        let held = ((keyed.len() as f64 * 0.9).round() as usize).min(n);
        let mut slots: Vec<Option<PostIx>> = keyed[..held].iter().map(|&(_, j)| Some(j)).collect();
        slots.resize(n, None);
        slots.shuffle(&mut self.rng);

        for slot in slots {
            let post = slot.map(|j| self.s.post(j).clone());
            let served = post.as_ref().map(|p| match self.rng.gen::<f64>() {
                _ if p.temporary => self.rng.gen_range(1..=2),
                x if x < 0.84 => self.rng.gen_range(1..=5),
                x if x < 0.96 => self.rng.gen_range(6..=10),
                _ => self.rng.gen_range(11..=14),
            });
            let grade = post.as_ref().map_or_else(|| self.rng.gen_range(3..=4), |p| p.grade);
            let min_age = (24 + 2 * grade).max(25 + served.unwrap_or(0)).clamp(30, 59);
            let age = self.rng.gen_range(min_age..=59);
            let working = (age - 22) as u32;
            let domain = post.as_ref().map_or_else(|| DOMAINS.choose(&mut self.rng).unwrap().to_string(), |p| p.domain.clone());
            let mut skills = vec![(domain, self.rng.gen_range(2..=3))];
            for _ in 0..self.rng.gen_range(0..=2) {
                let d = DOMAINS.choose(&mut self.rng).unwrap();
                if skills.iter().all(|(s, _)| s != d) {
                    skills.push((d.to_string(), self.rng.gen_range(1..=2)));
                }
            }
            let s = served.unwrap_or(0) as u32;
            let unit = post.as_ref().map(|p| self.s.unit(p.unit));
            let township = unit.is_some_and(|u| u.kind == TOWNSHIP.kind);
            let hardship = unit.is_some_and(|u| u.hardship > 0);
            let grassroots = if township { s } else { 0 } + self.rng.gen_range(0..=working / 3);
            let hardship_years =
                if hardship { s } else { 0 } + if self.rng.gen_bool(0.2) { self.rng.gen_range(1..=4) } else { 0 };
            let (grewup, birth, native) = (self.home(), self.home(), self.home());
            let birth = if self.rng.gen_bool(0.7) { grewup } else { birth };
            let native = if self.rng.gen_bool(0.6) { birth } else { native };
            let given: String = (0..self.rng.gen_range(1..=2)).map(|_| *GIVEN.choose(&mut self.rng).unwrap()).collect();
            self.s.people.push(Person {
                id: String::new(),
                name: format!("{} {}", SURNAMES.choose(&mut self.rng).unwrap(), capitalize(&given)),
                gender: if self.rng.gen_bool(0.25) { Gender::F } else { Gender::M },
                birth_year: start - age,
                grade,
                current_post: slot,
                post_since: served.map(|s| start - s),
                native: Some(native),
                birth: Some(birth),
                grewup: Some(grewup),
                skills,
                young_cadre: age < 40 && self.rng.gen_bool(0.35),
                audit_hold: false,
                audit_hold_until: None,
                retire_year: start - age + 60,
                years_in_grade: s + self.rng.gen_range(0..=12u32.saturating_sub(s)),
                grassroots_years: grassroots.min(working),
                hardship_years: hardship_years.min(working),
            });
        }
        // Reserve officials belong to the managed area's pool: one without any home in it
        // gets a native place there (chosen without the RNG, so nothing else changes).
        let area = self.area.clone();
        for (k, p) in self.s.people.iter_mut().enumerate().filter(|(_, p)| p.current_post.is_none()) {
            if ![p.native, p.birth, p.grewup].iter().flatten().any(|r| area.contains(r)) {
                p.native = Some(area[k % area.len()]);
            }
        }
    }

    /// Leaves about 1% of people (at least one) in a hard regional-recusal conflict:
    /// natural conflicts get a home elsewhere, then a few holders of recusal posts are made
    /// to have grown up in the region of their post.
    fn regional_conflicts(&mut self) {
        let homes = self.s.policy.regional_recusal.homes.clone();
        let mut holders = Vec::new();
        for i in 0..self.s.people.len() {
            let Some(j) = self.s.people[i].current_post else { continue };
            if home_conflict(&self.s, &self.s.people[i], j, &homes) {
                let elsewhere = *self.elsewhere.choose(&mut self.rng).unwrap();
                homes.iter().for_each(|&h| *home_mut(&mut self.s.people[i], h) = Some(elsewhere));
            }
            let post = self.s.post(j);
            if post.regional_recusal && is_hard_level(&self.s, self.s.post_region(j)) {
                holders.push(i);
            }
        }
        let planted = ((self.s.people.len() as f64 * 0.01).round() as usize).max(1);
        for &i in holders.choose_multiple(&mut self.rng, planted) {
            let region = self.s.post_region(self.s.people[i].current_post.unwrap());
            homes.iter().for_each(|&h| *home_mut(&mut self.s.people[i], h) = Some(region));
        }
    }

    /// About 3% of people in related pairs; about a fifth of the pairs (at least one)
    /// currently in the same unit, the others in no conflict.
    fn relations(&mut self) {
        const KINDS: [Kinship; 4] = [Kinship::Spouse, Kinship::DirectBlood, Kinship::Collateral3, Kinship::InLaw];
        let n = self.s.people.len();
        let pairs = ((n as f64 * 0.015).round() as usize).max(2).min(n / 2);
        let mut by_unit = vec![Vec::new(); self.s.units.len()];
        for (i, p) in self.s.people_ix() {
            if let Some(j) = p.current_post {
                by_unit[self.s.post(j).unit.0 as usize].push(i);
            }
        }
        let shared: Vec<&Vec<PersonIx>> = by_unit.iter().filter(|v| v.len() >= 2).collect();
        let mut found: Vec<(PersonIx, PersonIx)> = shared
            .choose_multiple(&mut self.rng, (pairs / 5).max(1))
            .map(|v| {
                let two: Vec<_> = v.choose_multiple(&mut self.rng, 2).copied().collect();
                (two[0], two[1])
            })
            .collect();
        let mut related = vec![false; n];
        found.iter().for_each(|&(a, b)| (related[a.0 as usize], related[b.0 as usize]) = (true, true));
        for _ in 0..100 * pairs {
            if found.len() >= pairs {
                break;
            }
            let (a, b) = (self.rng.gen_range(0..n), self.rng.gen_range(0..n));
            if a != b && !related[a] && !related[b] && !kin_conflict(&self.s, &self.s.people[a], &self.s.people[b]) {
                (related[a], related[b]) = (true, true);
                found.push((PersonIx(a as u32), PersonIx(b as u32)));
            }
        }
        for (a, b) in found {
            self.s.relations.push(Relation { a, b, kind: *KINDS.choose(&mut self.rng).unwrap() });
        }
    }

    /// About 1% of people (at least one) under audit, chosen among those who may stay in
    /// their post for the whole hold: no relatives, no home conflict under any home kind,
    /// within the tenure cap and the grade cap, not retiring, not on a temporary posting.
    fn audit_holds(&mut self) {
        let s = &self.s;
        let last = s.policy.audit_hold.unknown_end(s.start_year, s.years);
        let cap = s.policy.tenure_max.hard_years as i32;
        let gc = &s.policy.grade_cap;
        let grade_ok = |p: &Person, j: PostIx| {
            gc.strength != Strength::Hard
                || s.post(j).grade != p.grade
                || p.years_in_grade as i32 + last - s.start_year < gc.years as i32
        };
        let mut related = vec![false; s.people.len()];
        s.relations.iter().for_each(|r| (related[r.a.0 as usize], related[r.b.0 as usize]) = (true, true));
        let all = [Home::Native, Home::Birth, Home::Grewup];
        let eligible: Vec<PersonIx> = s
            .people_ix()
            .filter(|&(i, p)| {
                p.current_post.is_some_and(|j| !s.post(j).temporary && !home_conflict(s, p, j, &all) && grade_ok(p, j))
                    && !related[i.0 as usize]
                    && (cap == 0 || s.years_in_current_post(i, last).unwrap() <= cap)
                    && p.retire_year > last + 1
            })
            .map(|(i, _)| i)
            .collect();
        let n = ((s.people.len() as f64 * 0.01).round() as usize).max(1);
        for &i in eligible.choose_multiple(&mut self.rng, n) {
            self.s.people[i.0 as usize].audit_hold = true;
        }
    }

    /// Unit pairs, re-election years, team goals and earlier terms, from a random stream of
    /// their own (so the draws above stay as they were before these data existed):
    /// - the party committee and the government of a place are paired;
    /// - each county-level place (with its townships) is re-elected in one year of the
    ///   first five of the horizon;
    /// - the county-level party committee and government teams are listed in `teams.csv`
    ///   (their make-up is planned), with domains to cover;
    /// - 15% of heads in the first five years of their post had a term in it before
    ///   (`history.csv`), so the two-term cap binds within the horizon.
    fn terms_and_teams(&mut self, seed: u64) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x7465_726d_7374_616e);
        let s = &mut self.s;
        let start = s.start_year;
        // The place of a unit: its county (or prefecture); a township's is its county.
        let place: Vec<RegionIx> = s
            .units
            .iter()
            .map(|unit| {
                let r = s.region(unit.region);
                if r.level == Level::Township {
                    r.parent.unwrap_or(unit.region)
                } else {
                    unit.region
                }
            })
            .collect();
        let mut places: std::collections::BTreeMap<RegionIx, (Option<UnitIx>, Option<UnitIx>, i32)> = Default::default();
        for (u, unit) in s.units.iter().enumerate() {
            let entry = places.entry(place[u]).or_insert_with(|| (None, None, start + rng.gen_range(0..5)));
            match unit.kind.as_str() {
                "party_committee" => entry.0 = Some(UnitIx(u as u32)),
                "government" => entry.1 = Some(UnitIx(u as u32)),
                _ => {}
            }
        }
        for u in 0..s.units.len() {
            let (party, gov, year) = places[&place[u]];
            let unit = &mut s.units[u];
            let domains: &[&str] = match unit.kind.as_str() {
                "party_committee" => {
                    unit.pair = gov;
                    &["economy", "law", "organization"]
                }
                "government" => {
                    unit.pair = party;
                    &["economy", "agriculture", "construction"]
                }
                "township" => &[],
                _ => continue,
            };
            unit.reelection_year = Some(year);
            if domains.is_empty() {
                continue;
            }
            let team = &mut s.teams[u]; // `unit()` makes one team per unit, in the same order
            team.listed = true;
            team.domains = domains.iter().map(|d| d.to_string()).collect();
        }
        for i in 0..s.people.len() {
            let p = &s.people[i];
            let (Some(j), Some(since)) = (p.current_post, p.post_since) else { continue };
            if s.posts[j.0 as usize].role == Role::Head
                && since > start - 5
                && since - 5 >= p.birth_year + 25
                && rng.gen_bool(0.15)
            {
                s.history.push(HistoryEntry { person: PersonIx(i as u32), post: j, from_year: since - 5, to_year: since - 1 });
            }
        }
    }

    /// Ids zero-padded to the size: `R0001`, `U001`, `P0001`, `C00001`; team id = unit id.
    fn assign_ids(&mut self) {
        fn number<T>(items: &mut [T], prefix: &str, min_width: usize, id: fn(&mut T) -> &mut String) {
            let width = min_width.max(items.len().to_string().len());
            for (i, item) in items.iter_mut().enumerate() {
                *id(item) = format!("{prefix}{:0width$}", i + 1);
            }
        }
        let s = &mut self.s;
        number(&mut s.regions, "R", 4, |r| &mut r.id);
        number(&mut s.units, "U", 3, |u| &mut u.id);
        number(&mut s.posts, "P", 4, |p| &mut p.id);
        number(&mut s.people, "C", 5, |p| &mut p.id);
        for (t, u) in s.teams.iter_mut().zip(&s.units) {
            t.id = u.id.clone();
        }
    }
}

/// Whether the policy forbids serving at home in a region of this level.
fn is_hard_level(s: &Scenario, r: RegionIx) -> bool {
    s.policy.regional_recusal.hard_levels.contains(&s.region(r).level)
}

/// The recorded home place of one kind.
fn home_mut(p: &mut Person, h: Home) -> &mut Option<RegionIx> {
    match h {
        Home::Native => &mut p.native,
        Home::Birth => &mut p.birth,
        Home::Grewup => &mut p.grewup,
    }
}

/// Whether `p` holding `j` breaks hard regional recusal for one of `homes`.
fn home_conflict(s: &Scenario, p: &Person, j: PostIx, homes: &[Home]) -> bool {
    let region = s.post_region(j);
    let home = |h: &Home| match h {
        Home::Native => p.native,
        Home::Birth => p.birth,
        Home::Grewup => p.grewup,
    };
    s.post(j).regional_recusal && is_hard_level(s, region) && homes.iter().filter_map(home).any(|h| s.region_contains(region, h))
}

/// Whether two people's current posts are in the same unit or team, or (when the policy
/// says so) in units one of which directly supervises the other.
fn kin_conflict(s: &Scenario, a: &Person, b: &Person) -> bool {
    let (Some(ja), Some(jb)) = (a.current_post, b.current_post) else { return false };
    let (ua, ub) = (s.post(ja).unit, s.post(jb).unit);
    ua == ub
        || s.post(ja).team == s.post(jb).team
        || (s.policy.kinship_recusal.supervision && (s.unit(ua).parent == Some(ub) || s.unit(ub).parent == Some(ua)))
}

/// `"WEIfang"` → `"Weifang"`.
fn capitalize(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut c = lower.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn district() -> Scenario {
        generate(&GenSpec::preset("district").unwrap())
    }

    /// People currently breaking hard regional recusal, and related pairs currently in conflict.
    fn conflicts(s: &Scenario) -> (Vec<PersonIx>, Vec<&Relation>) {
        let homes = &s.policy.regional_recusal.homes;
        let regional =
            s.people_ix().filter(|(_, p)| p.current_post.is_some_and(|j| home_conflict(s, p, j, homes))).map(|(i, _)| i);
        let kin = s.relations.iter().filter(|r| kin_conflict(s, s.person(r.a), s.person(r.b)));
        (regional.collect(), kin.collect())
    }

    #[test]
    fn same_seed_same_scenario_other_seed_other_scenario() {
        let spec = spec_for(400, 7);
        let a = format!("{:?}", generate(&spec));
        assert_eq!(a, format!("{:?}", generate(&spec)));
        assert_ne!(a, format!("{:?}", generate(&GenSpec { seed: 8, ..spec })));
    }

    #[test]
    fn presets_have_their_size() {
        assert!(GenSpec::preset("county").is_none());
        for (name, people) in PRESETS {
            let s = generate(&GenSpec::preset(name).unwrap());
            assert_eq!(s.people.len(), people, "{name}");
            let posts = s.posts.len() as f64;
            assert!((posts / (people as f64 / 1.15) - 1.0).abs() < 0.15, "{name}: {posts} posts");
        }
        let s = district();
        assert!((34..=52).contains(&s.units.len()), "{} units", s.units.len());
        assert_eq!(s.regions.iter().filter(|r| r.level == Level::Prefecture).count(), 2);
    }

    #[test]
    fn references_are_consistent() {
        let s = generate(&spec_for(2_000, 3));
        let mut holder = vec![None; s.posts.len()];
        for (i, p) in s.people_ix() {
            if let Some(j) = p.current_post {
                assert!(holder[j.0 as usize].replace(i).is_none(), "{} held twice", s.post(j).id);
                assert!(p.post_since.unwrap() < s.start_year);
                assert_eq!(p.grade, s.post(j).grade);
                assert!(p.skills.iter().any(|(d, _)| *d == s.post(j).domain));
            }
            let age = s.age(i, s.start_year);
            assert!((30..=59).contains(&age) && p.retire_year == p.birth_year + 60);
            assert!([p.native, p.birth, p.grewup].iter().flatten().all(|r| (r.0 as usize) < s.regions.len()));
        }
        assert!(s
            .units
            .iter()
            .all(|u| (u.region.0 as usize) < s.regions.len() && u.parent.is_none_or(|x| (x.0 as usize) < s.units.len())));
        assert!(s.posts.iter().all(|p| (p.unit.0 as usize) < s.units.len() && (p.team.0 as usize) < s.teams.len()));
        assert!(s.relations.iter().all(|r| r.a != r.b && (r.a.0.max(r.b.0) as usize) < s.people.len()));
        assert!(s.regions.iter().all(|r| r.parent.is_none_or(|x| x.0 < s.regions.len() as u32)));
        let vacant = holder.iter().filter(|h| h.is_none()).count() as f64 / s.posts.len() as f64;
        assert!((0.07..0.13).contains(&vacant), "{vacant}");
        assert_eq!(s.ids().people.len(), s.people.len());
        assert_eq!(s.ids().posts.len(), s.posts.len());
    }

    #[test]
    fn district_has_the_planted_features() {
        let s = district();
        let served = |y: i32| s.people.iter().filter(|p| p.post_since.is_some_and(|x| s.start_year - x > y)).count();
        assert!(served(10) >= 1 && served(5) >= 10, "{} / {}", served(5), served(10));
        assert!(s.people.iter().any(|p| p.audit_hold));
        assert!(s.relations.len() >= 3);
        let (regional, kin) = conflicts(&s);
        assert!((1..=6).contains(&regional.len()), "{regional:?}");
        assert!(!kin.is_empty());
        assert_eq!(s.people[0].id, "C00001");
        assert_eq!(s.posts[0].id, "P0001");
        assert_eq!(s.units[0].id, "U001");
        assert_eq!(s.regions[0].id, "R0001");
    }

    /// Everyone under audit may stay where they are: the default hard rules leave them be.
    #[test]
    fn audit_holds_are_feasible() {
        for seed in 0..5 {
            let s = generate(&spec_for(1_000, seed));
            let (regional, kin) = conflicts(&s);
            let in_conflict = |i: PersonIx| regional.contains(&i) || kin.iter().any(|r| r.a == i || r.b == i);
            for (i, p) in s.people_ix().filter(|(_, p)| p.audit_hold) {
                assert!(!in_conflict(i) && s.years_in_current_post(i, s.start_year).unwrap() <= 10, "{}", p.id);
            }
        }
    }
}

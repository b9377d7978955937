//! Minimal scenarios for tests, built in memory: a province > prefecture > two counties >
//! township region tree with one unit per region (`U-pref`, `U-county`, `U-other`,
//! `U-town`; `U-town` is supervised by `U-county`, both counties by `U-pref`).
//! Posts are deputy posts and most tests put several in one unit, so the builder's policy
//! turns the exchange rules off (`[exchange] same_unit = "off"`, tenure years counted in
//! the post): each rule's test sees its own rule; the exchange tests turn them back on.
//! Not part of the stable API.

use crate::check::check;
use crate::mip::SolveOptions;
use crate::plan::Plan;
use crate::planner::{self, Outcome};
use crate::policy::Policy;
use crate::rules::Finding;
use crate::scenario::*;

/// Builds a minimal scenario; tweak `s` directly for anything the helpers do not set.
pub struct Builder {
    /// The scenario being built.
    pub s: Scenario,
}

impl Builder {
    /// The region tree and units, no posts or people.
    pub fn new(start_year: i32, years: u32) -> Builder {
        let region = |id: &str, parent: Option<u32>, level| Region {
            id: id.into(),
            name: id.into(),
            parent: parent.map(RegionIx),
            level,
            hardship: 0,
        };
        let unit = |id: &str, region: u32, parent: Option<u32>| Unit {
            id: id.into(),
            name: id.into(),
            region: RegionIx(region),
            parent: parent.map(UnitIx),
            kind: "government".into(),
            hardship: 0,
            pair: None,
            reelection_year: None,
            serves: None,
        };
        let mut policy = Policy::default();
        policy.exchange.same_unit = crate::policy::Strength::Off;
        policy.tenure_max.count_in = crate::policy::CountIn::Post;
        policy.priority_groups.count_in = crate::policy::CountIn::Post;
        policy.term_cap.count_in = crate::policy::CountIn::Post;
        let s = Scenario {
            name: "test".into(),
            dir: Default::default(),
            start_year,
            years,
            policy,
            policy_file: None,
            regions: vec![
                region("R-prov", None, Level::Province),
                region("R-pref", Some(0), Level::Prefecture),
                region("R-county", Some(1), Level::County),
                region("R-county2", Some(1), Level::County),
                region("R-town", Some(2), Level::Township),
            ],
            units: vec![
                unit("U-pref", 1, None),
                unit("U-county", 2, Some(0)),
                unit("U-other", 3, Some(0)),
                unit("U-town", 4, Some(1)),
            ],
            teams: ["U-pref", "U-county", "U-other", "U-town"]
                .map(|id| Team { id: id.into(), listed: false, domains: Vec::new() })
                .to_vec(),
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
        };
        Builder { s }
    }

    /// A region by id.
    pub fn region(&self, id: &str) -> RegionIx {
        RegionIx(self.s.regions.iter().position(|r| r.id == id).expect("known region") as u32)
    }

    /// A deputy post in `U-county`.
    pub fn post(&mut self, id: &str, grade: i32) -> PostIx {
        self.post_in(id, "U-county", grade)
    }

    /// A deputy post in the given unit.
    pub fn post_in(&mut self, id: &str, unit: &str, grade: i32) -> PostIx {
        let u = self.s.units.iter().position(|x| x.id == unit).expect("known unit");
        self.s.posts.push(Post {
            id: id.into(),
            unit: UnitIx(u as u32),
            title: format!("deputy {id}"),
            grade,
            role: Role::Deputy,
            domain: "general".into(),
            regional_recusal: false,
            sensitive: false,
            must_fill: false,
            temporary: false,
            team: TeamIx(u as u32),
        });
        PostIx(self.s.posts.len() as u32 - 1)
    }

    /// A person born 1980, retiring 2040, skilled (2) in the `general` domain of the
    /// builder's posts, holding `current` since `since`.
    pub fn person(&mut self, id: &str, grade: i32, current: Option<PostIx>, since: i32) -> PersonIx {
        self.s.people.push(Person {
            id: id.into(),
            name: format!("Official {id}"),
            gender: Gender::M,
            birth_year: 1980,
            grade,
            current_post: current,
            post_since: current.map(|_| since),
            native: None,
            birth: None,
            grewup: None,
            skills: vec![("general".into(), 2)],
            young_cadre: false,
            audit_hold: false,
            audit_hold_until: None,
            retire_year: 2040,
            years_in_grade: 3,
            grassroots_years: 0,
            hardship_years: 0,
        });
        PersonIx(self.s.people.len() as u32 - 1)
    }

    /// The scenario.
    pub fn build(self) -> Scenario {
        self.s
    }
}

/// A plan where the listed people hold the listed posts per year; everyone else nothing.
pub fn plan_of(s: &Scenario, holds: &[(PersonIx, &[Option<PostIx>])]) -> Plan {
    let mut plan = Plan::empty(s);
    for (p, row) in holds {
        plan.holds[p.0 as usize] = row.to_vec();
    }
    plan
}

/// `"rule year"` of every hard finding, sorted.
pub fn hard(s: &Scenario, plan: &Plan) -> Vec<String> {
    let mut out: Vec<_> = check(s, plan).hard().map(|f| format!("{} {}", f.rule, f.year)).collect();
    out.sort();
    out
}

/// The findings of one rule.
pub fn findings(s: &Scenario, plan: &Plan, rule: &str) -> Vec<Finding> {
    check(s, plan).findings.into_iter().filter(|f| f.rule == rule).collect()
}

/// Plans `s` with default options.
pub fn try_solve(s: &Scenario) -> crate::error::Result<Outcome> {
    planner::plan(s, &SolveOptions::default(), None, &|_| {})
}

/// Plans `s`, asserting that the plan is optimal, has no hard violation, and that the
/// objective `check` recomputes equals the solver's.
pub fn solve(s: &Scenario) -> Plan {
    let o = try_solve(s).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(o.solution.status, crate::mip::Status::Optimal);
    let hard: Vec<_> = o.report.hard().map(|f| f.message.clone()).collect();
    assert!(hard.is_empty(), "hard violations: {hard:?}");
    let (solver, checked) = (o.solution.objective, o.report.objective());
    assert!((solver - checked).abs() < 1e-6 * solver.abs().max(1.0), "solver objective {solver} != check {checked}");
    o.plan
}

/// A scenario with one of everything, for tests that need some scenario.
pub fn tiny() -> Scenario {
    let mut b = Builder::new(2027, 2);
    let j = b.post("P1", 3);
    b.person("A", 3, Some(j), 2020);
    b.build()
}

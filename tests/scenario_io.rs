//! Reading and writing scenario directories: one test per kind of bad input, each pinning
//! the file, row, column and message of the problem, plus write → load round trips.

use rotaplan::error::{Error, InputProblem};
use rotaplan::policy::Policy;
use rotaplan::scenario::{load, write, Level, PersonIx, PostIx, RegionIx, Role, Scenario, TeamIx, UnitIx};
use std::path::Path;
use tempfile::TempDir;

const SCENARIO: &str = "name = \"small\"\nstart_year = 2027\nyears = 3\n";
const REGIONS: &str = "\
region_id,name,parent_id,level,hardship
R-county,Lanxi County,,county,0
R-twp,Xishan Township,R-county,township,2
";
const UNITS: &str = "\
unit_id,name,region_id,parent_unit_id,kind
U-party,County Party Committee,R-county,,party_committee
U-twp,Xishan Township,R-twp,U-party,township
";
const POSTS: &str = "\
post_id,unit_id,title,grade,role,domain,regional_recusal,sensitive,must_fill,temporary,team_id
P-head,U-party,Party Secretary,4,head,party,true,false,true,,
P-twp-head,U-twp,Township Head,3,head,administration,yes,0,1,no,
P-twp-deputy,U-twp,Deputy Head,2,Deputy,agriculture,FALSE,false,false,true,T-twp
";
const PEOPLE: &str = "\
person_id,name,gender,birth_year,grade,current_post_id,post_since,grewup_region_id,skills,retire_year
C001,Zhang Wei,M,1970,4,P-head,2020,,party:3,2030
C002,Li Na,F,1980,3,P-twp-head,2024,R-twp,administration:2;party:1,2040
C003,Wang Fang,f,1990,2,,,,,2050
";
// Columns in another order than documented: headers are matched by name.
const RELATIONS: &str = "kind,person_b,person_a\nspouse,C002,C001\n";

const BASE: [(&str, &str); 6] = [
    ("scenario.toml", SCENARIO),
    ("regions.csv", REGIONS),
    ("units.csv", UNITS),
    ("posts.csv", POSTS),
    ("people.csv", PEOPLE),
    ("relations.csv", RELATIONS),
];

/// The base scenario with some files replaced (`Some`) or removed (`None`).
fn dir_with(changes: &[(&str, Option<&str>)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (file, text) in BASE {
        std::fs::write(dir.path().join(file), text).unwrap();
    }
    for (file, text) in changes {
        match text {
            Some(text) => std::fs::write(dir.path().join(file), text).unwrap(),
            None => std::fs::remove_file(dir.path().join(file)).unwrap(),
        }
    }
    dir
}

/// The problems of the changed base scenario, which must not load.
fn problems(changes: &[(&str, Option<&str>)]) -> Vec<InputProblem> {
    match load(dir_with(changes).path(), None) {
        Err(Error::Input(p)) => p,
        other => panic!("expected input problems, got {other:?}"),
    }
}

/// Asserts that `ps` has a problem at `file`, `row`, `column` whose message contains `msg`.
#[track_caller]
fn assert_has(ps: &[InputProblem], file: &str, row: Option<usize>, column: Option<&str>, msg: &str) {
    let found = ps.iter().any(|p| p.file == file && p.row == row && p.column.as_deref() == column && p.message.contains(msg));
    let all: Vec<String> = ps.iter().map(|p| p.to_string()).collect();
    assert!(found, "no problem {file}:{row:?} [{column:?}] \"{msg}\" among:\n{}", all.join("\n"));
}

/// Asserts that `ps` is exactly one problem, as in [`assert_has`].
#[track_caller]
fn assert_only(ps: &[InputProblem], file: &str, row: Option<usize>, column: Option<&str>, msg: &str) {
    assert_has(ps, file, row, column, msg);
    assert_eq!(ps.len(), 1, "{ps:#?}");
}

fn load_ok(dir: &Path) -> Scenario {
    load(dir, None).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn valid_scenario_resolves_every_reference() {
    let dir = dir_with(&[]);
    let s = load_ok(dir.path());
    assert_eq!((s.name.as_str(), s.start_year, s.years), ("small", 2027, 3));
    assert_eq!(s.policy, Policy::default());
    assert_eq!(s.policy_file, None);
    assert_eq!(s.regions[1].parent, Some(RegionIx(0)));
    assert_eq!(s.regions[1].level, Level::Township);
    assert_eq!((s.units[1].region, s.units[1].parent), (RegionIx(1), Some(UnitIx(0))));
    assert_eq!(s.units[1].hardship, 2, "a unit's hardship defaults to its region's");
    assert_eq!(s.teams.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["U-party", "U-twp", "T-twp"]);
    assert_eq!(s.posts.iter().map(|j| j.team).collect::<Vec<_>>(), [TeamIx(0), TeamIx(1), TeamIx(2)]);
    let deputy = &s.posts[2];
    assert_eq!((deputy.unit, deputy.role, deputy.temporary, deputy.regional_recusal), (UnitIx(1), Role::Deputy, true, false));
    let twp_head = &s.posts[1];
    assert_eq!(
        (twp_head.regional_recusal, twp_head.sensitive, twp_head.must_fill, twp_head.temporary),
        (true, false, true, false)
    );
    let li = &s.people[1];
    assert_eq!((li.current_post, li.post_since, li.grewup), (Some(PostIx(1)), Some(2024), Some(RegionIx(1))));
    assert_eq!(li.skills, [("administration".to_string(), 2), ("party".to_string(), 1)]);
    assert_eq!((li.years_in_grade, li.young_cadre, li.audit_hold), (0, false, false));
    let wang = &s.people[2];
    assert_eq!((wang.current_post, wang.post_since, wang.skills.len()), (None, None, 0));
    assert_eq!(s.relations.len(), 1);
    assert_eq!((s.relations[0].a, s.relations[0].b), (PersonIx(0), PersonIx(1)));
    assert!(s.history.is_empty() && s.candidates.is_empty() && s.pins.is_empty());
}

#[test]
fn shipped_tiny_scenario_loads() {
    let s = load_ok(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/tiny")));
    assert_eq!((s.start_year, s.years, s.people.len(), s.posts.len()), (2027, 5, 12, 14));
    assert!(!s.history.is_empty() && !s.candidates.is_empty() && !s.pins.is_empty());
}

#[test]
fn missing_required_file() {
    let ps = problems(&[("units.csv", None)]);
    assert_has(&ps, "units.csv", None, None, "missing required file");
    // References into the missing file are not reported on top.
    assert!(ps.iter().all(|p| p.file == "units.csv"), "{ps:#?}");
}

#[test]
fn missing_optional_files_are_empty() {
    let s = load_ok(dir_with(&[("relations.csv", None)]).path());
    assert!(s.relations.is_empty());
}

#[test]
fn missing_column() {
    let ps = problems(&[("posts.csv", Some(&POSTS.replace(",grade,", ",rank,")))]);
    assert_only(&ps, "posts.csv", None, Some("grade"), "missing required column");
}

#[test]
fn bad_number() {
    let ps = problems(&[("people.csv", Some(&PEOPLE.replace("1990", "19x0")))]);
    assert_only(&ps, "people.csv", Some(4), Some("birth_year"), "not an integer: \"19x0\"");
}

#[test]
fn out_of_range_number() {
    let ps = problems(&[("regions.csv", Some(&REGIONS.replace("township,2", "township,4")))]);
    assert_only(&ps, "regions.csv", Some(3), Some("hardship"), "must be in 0..=3, got 4");
}

#[test]
fn bad_bool() {
    let ps = problems(&[("posts.csv", Some(&POSTS.replace("yes,0,1", "yes,0,maybe")))]);
    assert_only(&ps, "posts.csv", Some(3), Some("must_fill"), "not a boolean");
}

#[test]
fn bad_enums() {
    let ps = problems(&[
        ("regions.csv", Some(&REGIONS.replace(",county,", ",shire,"))),
        ("posts.csv", Some(&POSTS.replace(",head,party,", ",boss,party,"))),
        ("people.csv", Some(&PEOPLE.replace("Li Na,F", "Li Na,X"))),
        ("relations.csv", Some("kind,person_b,person_a\ncousin,C002,C001\n")),
        ("pins.csv", Some("person_id,post_id,year,action\nC001,P-head,2027,keep\n")),
    ]);
    assert_has(&ps, "regions.csv", Some(2), Some("level"), "\"shire\" is not one of province|prefecture|county|township");
    assert_has(&ps, "posts.csv", Some(2), Some("role"), "\"boss\" is not one of head|deputy|member");
    assert_has(&ps, "people.csv", Some(3), Some("gender"), "\"X\" is not one of F|M");
    assert_has(&ps, "relations.csv", Some(2), Some("kind"), "\"cousin\" is not one of spouse|");
    assert_has(&ps, "pins.csv", Some(2), Some("action"), "\"keep\" is not one of fix|forbid");
    assert_eq!(ps.len(), 5, "{ps:#?}");
}

#[test]
fn unknown_id_reference() {
    let ps = problems(&[("units.csv", Some(&UNITS.replace("R-twp,U-party", "R9,U-party")))]);
    assert_only(&ps, "units.csv", Some(3), Some("region_id"), "unknown region \"R9\" (not in regions.csv)");
}

#[test]
fn duplicate_id() {
    let ps = problems(&[("people.csv", Some(&PEOPLE.replace("C003", "C001")))]);
    assert_only(&ps, "people.csv", Some(4), Some("person_id"), "duplicate person \"C001\" (first on row 2)");
}

#[test]
fn region_cycle() {
    let regions = format!("{REGIONS}R-a,A,R-b,township,0\nR-b,B,R-a,township,0\nR-self,S,R-self,township,0\n");
    let ps = problems(&[("regions.csv", Some(&regions))]);
    assert_has(&ps, "regions.csv", Some(4), Some("parent_id"), "region cycle: R-a -> R-b -> R-a");
    assert_has(&ps, "regions.csv", Some(6), Some("parent_id"), "region cycle: R-self -> R-self");
    assert_eq!(ps.len(), 2, "each cycle is reported once: {ps:#?}");
}

#[test]
fn unit_cycle() {
    let ps = problems(&[("units.csv", Some(&UNITS.replace("R-county,,", "R-county,U-twp,")))]);
    assert_only(&ps, "units.csv", Some(2), Some("parent_unit_id"), "unit cycle: U-party -> U-twp -> U-party");
}

#[test]
fn self_relation() {
    let ps = problems(&[("relations.csv", Some("person_a,person_b,kind\nC003,C003,in_law\n"))]);
    assert_only(&ps, "relations.csv", Some(2), Some("person_b"), "cannot be related to themselves");
}

#[test]
fn duplicate_relation_in_either_order() {
    let ps = problems(&[("relations.csv", Some(&format!("{RELATIONS}in_law,C001,C002\n")))]);
    assert_only(&ps, "relations.csv", Some(3), Some("person_b"), "duplicate relation (first on row 2)");
}

#[test]
fn current_post_held_by_two_people() {
    let ps = problems(&[("people.csv", Some(&PEOPLE.replace("2,,,,,2050", "2,P-head,2025,,,2050")))]);
    assert_only(&ps, "people.csv", Some(4), Some("current_post_id"), "post \"P-head\" is already held by \"C001\" (row 2)");
}

#[test]
fn post_since_missing_when_current_post_set() {
    let ps = problems(&[("people.csv", Some(&PEOPLE.replace("P-head,2020", "P-head,")))]);
    assert_only(&ps, "people.csv", Some(2), Some("post_since"), "required when current_post_id is set");
}

#[test]
fn pin_year_outside_horizon() {
    let ps = problems(&[("pins.csv", Some("person_id,post_id,year,action\nC003,P-twp-deputy,2030,fix\n"))]);
    assert_only(&ps, "pins.csv", Some(2), Some("year"), "must be in 2027..=2029, got 2030");
}

#[test]
fn conflicting_fix_pins() {
    let pins =
        "person_id,post_id,year,action\nC003,P-twp-deputy,2027,fix\nC003,P-twp-head,2027,fix\nC002,P-twp-deputy,2027,fix\n";
    let ps = problems(&[("pins.csv", Some(pins))]);
    assert_has(&ps, "pins.csv", Some(3), Some("post_id"), "already fixed to post \"P-twp-deputy\" in 2027 (row 2)");
    assert_has(&ps, "pins.csv", Some(4), Some("person_id"), "already fixed to person \"C003\" in 2027 (row 2)");
    assert_eq!(ps.len(), 2, "{ps:#?}");
}

#[test]
fn unknown_policy_key_with_line() {
    let scenario = format!("{SCENARIO}policy = \"policy.toml\"\n");
    let policy = "[tenure-max]\nhard_years = 8\n\n[tenure-min]\nyeras = 2\n";
    let ps = problems(&[("scenario.toml", Some(&scenario)), ("policy.toml", Some(policy))]);
    assert_only(&ps, "policy.toml", Some(5), Some("tenure-min.yeras"), "unknown field `yeras`");
}

#[test]
fn unknown_inline_policy_key_with_line() {
    let scenario = format!("{SCENARIO}\n[policy.tenure-max]\nhard_years = 8\nhard_yeras = 9\n");
    let ps = problems(&[("scenario.toml", Some(&scenario))]);
    assert_only(&ps, "scenario.toml", Some(7), Some("policy.tenure-max.hard_yeras"), "unknown field `hard_yeras`");
}

/// A value of the wrong type names its key and line; so does a spanned one (`years`); a
/// line that is not TOML has no key.
#[test]
fn wrong_type_names_its_key() {
    let scenario = format!("{SCENARIO}\n[policy.even-pace]\nband = \"wide\"\n");
    let ps = problems(&[("scenario.toml", Some(&scenario))]);
    assert_only(&ps, "scenario.toml", Some(6), Some("policy.even-pace.band"), "invalid type: string \"wide\", expected f64");
    let years = SCENARIO.replace("years = 3", "years = \"three\"");
    assert_ne!(years, SCENARIO);
    let ps = problems(&[("scenario.toml", Some(&years))]);
    assert_only(&ps, "scenario.toml", Some(3), Some("years"), "invalid type: string \"three\"");
    let ps = problems(&[("scenario.toml", Some(&format!("{SCENARIO}[[[\n")))]);
    assert_only(&ps, "scenario.toml", Some(4), None, "invalid");
}

#[test]
fn policy_semantic_problem() {
    let scenario = format!("{SCENARIO}\n[policy.tenure-max]\nhard_years = 4\nsoft_years = 6\n");
    let ps = problems(&[("scenario.toml", Some(&scenario))]);
    assert_only(&ps, "scenario.toml", Some(7), Some("tenure-max.soft_years"), "exceeds hard_years 4");
}

#[test]
fn policy_file_and_override() {
    let dir = dir_with(&[
        ("scenario.toml", Some(&format!("{SCENARIO}policy = \"policy.toml\"\n"))),
        ("policy.toml", Some("[tenure-max]\nhard_years = 8\n")),
        ("other.toml", Some("[stability]\nweight = 3.0\n")),
    ]);
    let s = load_ok(dir.path());
    assert_eq!(s.policy.tenure_max.hard_years, 8);
    assert_eq!(s.policy_file, Some(dir.path().join("policy.toml")));
    let other = dir.path().join("other.toml");
    let s = load(dir.path(), Some(&other)).unwrap();
    assert_eq!(s.policy.tenure_max.hard_years, 10, "the override replaces the whole policy");
    assert_eq!(s.policy.stability.weight, 3.0);
    assert_eq!(s.policy_file, Some(other));
}

#[test]
fn bad_scenario_toml_values() {
    let ps = problems(&[("scenario.toml", Some("name = \"x\"\nstart_year = 1800\nyears = 30\n"))]);
    assert_has(&ps, "scenario.toml", Some(2), Some("start_year"), "not in 1900..=2200");
    assert_has(&ps, "scenario.toml", Some(3), Some("years"), "not in 1..=20");
    assert_eq!(ps.len(), 2, "{ps:#?}");
}

#[test]
fn ragged_row() {
    let ps = problems(&[("units.csv", Some(&format!("{UNITS}U-extra,Extra,R-county\n")))]);
    assert_only(&ps, "units.csv", Some(4), None, "has 3 fields but the header has 5");
}

#[test]
fn blank_lines_count_as_rows() {
    let regions = format!("{REGIONS}\nR-bad,Bad,R-county,moon,0\n");
    let ps = problems(&[("regions.csv", Some(&regions))]);
    assert_only(&ps, "regions.csv", Some(5), Some("level"), "\"moon\"");
}

#[test]
fn problems_in_several_files_are_all_reported_in_order() {
    let ps = problems(&[
        ("scenario.toml", Some("name = \"x\"\nstart_year = 2027\nyears = 0\n")),
        ("people.csv", Some(&PEOPLE.replace("1990", "19x0").replace("Zhang Wei,M", "Zhang Wei,Q"))),
        ("posts.csv", Some(&POSTS.replace("U-twp,Deputy", "U-nowhere,Deputy"))),
        ("relations.csv", None),
        ("candidates.csv", Some("post_id,person_id,score\nP-head,C001,NaN\nP-head,C001,1.5\n")),
    ]);
    let at: Vec<(&str, Option<usize>)> = ps.iter().map(|p| (p.file.as_str(), p.row)).collect();
    assert_eq!(
        at,
        [
            ("candidates.csv", Some(2)),
            ("candidates.csv", Some(3)),
            ("people.csv", Some(2)),
            ("people.csv", Some(4)),
            ("posts.csv", Some(4)),
            ("scenario.toml", Some(3)),
        ],
        "{ps:#?}"
    );
    assert_has(&ps, "candidates.csv", Some(2), Some("score"), "must be a number from -1000000 to 1000000: \"NaN\"");
    assert_has(&ps, "candidates.csv", Some(3), Some("person_id"), "duplicate candidate");
    assert_has(&ps, "posts.csv", Some(4), Some("unit_id"), "unknown unit \"U-nowhere\" (not in units.csv)");
}

/// Data fields of two scenarios are equal (`dir` and `policy_file` aside).
#[track_caller]
fn assert_same(a: &Scenario, b: &Scenario) {
    assert_eq!((&a.name, a.start_year, a.years, &a.policy), (&b.name, b.start_year, b.years, &b.policy));
    assert_eq!((&a.regions, &a.units, &a.teams, &a.posts), (&b.regions, &b.units, &b.teams, &b.posts));
    assert_eq!((&a.people, &a.relations, &a.history), (&b.people, &b.relations, &b.history));
    assert_eq!((&a.candidates, &a.pins, &a.interests), (&b.candidates, &b.pins, &b.interests));
}

#[test]
fn write_then_load_round_trips() {
    for dir in [dir_with(&[]).path().to_path_buf(), Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tiny")] {
        let mut s = load_ok(&dir);
        // Values that only round-trip if written with care.
        s.policy.stability.weight = 0.1 + 0.2;
        s.people[0].name = "Zhang, \"Big\" Wei".into();
        if let Some(c) = s.candidates.first_mut() {
            c.score = 1.0 / 3.0;
        }
        let out = tempfile::tempdir().unwrap();
        write(&s, out.path()).unwrap();
        assert_same(&s, &load_ok(out.path()));
    }
}

#[test]
fn write_skips_empty_optional_files() {
    let s = load_ok(dir_with(&[]).path());
    let out = tempfile::tempdir().unwrap();
    write(&s, out.path()).unwrap();
    for file in ["history.csv", "candidates.csv", "pins.csv"] {
        assert!(!out.path().join(file).exists(), "{file}");
    }
    assert!(out.path().join("relations.csv").exists());
}

#[test]
fn write_into_missing_directory_is_an_output_error() {
    let s = load_ok(dir_with(&[]).path());
    let out = tempfile::tempdir().unwrap();
    let missing = out.path().join("nope");
    match write(&s, &missing) {
        Err(Error::Output { path, .. }) => assert_eq!(path, missing.join("scenario.toml")),
        other => panic!("{other:?}"),
    }
}

/// The example of `docs/scenario-format.md` is `scenarios/tiny/`, file for file.
#[test]
fn documented_example_is_the_tiny_scenario() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/scenario-format.md")).unwrap();
    let example = &doc[doc.find("## Example").expect("an example section")..];
    let mut files = Vec::new();
    let mut lines = example.lines();
    while let Some(line) = lines.next() {
        if let Some(name) = line.strip_prefix("#### ") {
            let body: String = lines
                .by_ref()
                .skip_while(|l| !l.starts_with("```"))
                .skip(1)
                .take_while(|l| !l.starts_with("```"))
                .map(|l| format!("{l}\n"))
                .collect();
            files.push(name.to_string());
            let shipped = std::fs::read_to_string(root.join("scenarios/tiny").join(name)).unwrap();
            assert_eq!(body, shipped, "{name}");
        }
    }
    let mut shipped: Vec<String> = std::fs::read_dir(root.join("scenarios/tiny"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    shipped.sort();
    files.sort();
    assert_eq!(files, shipped);
}

const UNITS_PAIRED: &str = "\
unit_id,name,region_id,parent_unit_id,kind,pair_unit_id,reelection_year
U-party,County Party Committee,R-county,,party_committee,U-gov,2026
U-gov,County Government,R-county,U-party,government,,2026
U-twp,Xishan Township,R-twp,U-party,township,,
";

#[test]
fn pairs_are_symmetric_and_teams_csv_lists_goals() {
    let teams = "team_id,domains\nU-party,economy; law\nT-twp,\n";
    let s = load_ok(dir_with(&[("units.csv", Some(UNITS_PAIRED)), ("teams.csv", Some(teams))]).path());
    assert_eq!((s.units[0].pair, s.units[1].pair, s.units[2].pair), (Some(UnitIx(1)), Some(UnitIx(0)), None));
    assert_eq!((s.units[0].reelection_year, s.units[2].reelection_year), (Some(2026), None));
    let party = s.teams.iter().find(|t| t.id == "U-party").unwrap();
    assert_eq!((party.listed, party.domains.clone()), (true, vec!["economy".to_string(), "law".to_string()]));
    let twp = s.teams.iter().find(|t| t.id == "T-twp").unwrap();
    assert!(twp.listed && twp.domains.is_empty());
    assert!(!s.teams.iter().find(|t| t.id == "U-twp").unwrap().listed);
}

#[test]
fn bad_pairs() {
    let selfish = UNITS_PAIRED.replace("township,,", "township,U-twp,");
    assert_only(&problems(&[("units.csv", Some(&selfish))]), "units.csv", Some(4), Some("pair_unit_id"), "paired with itself");
    let unknown = UNITS_PAIRED.replace("township,,", "township,U-nope,");
    assert_only(&problems(&[("units.csv", Some(&unknown))]), "units.csv", Some(4), Some("pair_unit_id"), "U-nope");
    let triangle = UNITS_PAIRED.replace("government,,", "government,U-twp,");
    assert_has(&problems(&[("units.csv", Some(&triangle))]), "units.csv", Some(2), Some("pair_unit_id"), "not with this unit");
    let year = UNITS_PAIRED.replace("government,,2026", "government,,20x6");
    assert_only(&problems(&[("units.csv", Some(&year))]), "units.csv", Some(3), Some("reelection_year"), "20x6");
}

#[test]
fn bad_teams_csv() {
    let unknown = "team_id,domains\nT-nope,law\n";
    assert_only(&problems(&[("teams.csv", Some(unknown))]), "teams.csv", Some(2), Some("team_id"), "no post belongs to team");
    let twice = "team_id,domains\nU-party,law\nU-party,economy\n";
    assert_only(
        &problems(&[("teams.csv", Some(twice))]),
        "teams.csv",
        Some(3),
        Some("team_id"),
        "duplicate team (first on row 2)",
    );
}

#[test]
fn pairs_teams_and_history_round_trip() {
    let teams = "team_id,domains\nU-party,economy;law\n";
    let history = "person_id,post_id,from_year,to_year\nC001,P-head,2015,2019\n";
    let a = load_ok(
        dir_with(&[("units.csv", Some(UNITS_PAIRED)), ("teams.csv", Some(teams)), ("history.csv", Some(history))]).path(),
    );
    let out = tempfile::tempdir().unwrap();
    write(&a, out.path()).unwrap();
    let b = load_ok(out.path());
    assert_eq!(a.units, b.units);
    assert_eq!(a.teams, b.teams);
    assert_eq!(a.history, b.history);
}

const UNITS_SERVING: &str = "\
unit_id,name,region_id,parent_unit_id,kind,serves_unit_id
U-party,County Party Committee,R-county,,party_committee,
U-twp,Xishan Township,R-twp,U-party,township,
U-org,County Organization Department,R-county,U-party,organization,U-party
";
const PEOPLE_HELD: &str = "\
person_id,name,gender,birth_year,grade,current_post_id,post_since,audit_hold,audit_hold_until,retire_year
C001,Zhang Wei,M,1970,4,P-head,2020,true,2028,2030
C002,Li Na,F,1980,3,P-twp-head,2024,yes,,2040
C003,Wang Fang,f,1990,2,,,,,2050
";
const INTERESTS: &str =
    "person_id,regulator_unit_id,note\nC002,U-twp,\"husband's quarry, licensed by the township\"\nC003,U-party,\n";

#[test]
fn serving_bodies_audit_hold_ends_and_interests_load_and_round_trip() {
    let dir =
        dir_with(&[("units.csv", Some(UNITS_SERVING)), ("people.csv", Some(PEOPLE_HELD)), ("interests.csv", Some(INTERESTS))]);
    let a = load_ok(dir.path());
    assert_eq!(a.units.iter().map(|u| u.serves).collect::<Vec<_>>(), [None, None, Some(UnitIx(0))]);
    assert_eq!(
        a.people.iter().map(|p| (p.audit_hold, p.audit_hold_until)).collect::<Vec<_>>(),
        [(true, Some(2028)), (true, None), (false, None)]
    );
    assert_eq!(a.interests.len(), 2);
    assert_eq!((a.interests[0].person, a.interests[0].unit), (PersonIx(1), UnitIx(1)));
    assert_eq!(a.interests[0].note, "husband's quarry, licensed by the township");
    assert_eq!(a.interests[1].note, "");
    let out = tempfile::tempdir().unwrap();
    write(&a, out.path()).unwrap();
    assert_same(&a, &load_ok(out.path()));
    // Without any value, the optional columns and file are not written.
    let plain = load_ok(dir_with(&[]).path());
    let out = tempfile::tempdir().unwrap();
    write(&plain, out.path()).unwrap();
    assert!(!out.path().join("interests.csv").exists());
    let header = |f: &str| std::fs::read_to_string(out.path().join(f)).unwrap().lines().next().unwrap().to_string();
    assert!(!header("units.csv").contains("serves_unit_id") && !header("people.csv").contains("audit_hold_until"));
}

#[test]
fn bad_serving_bodies() {
    let unknown = UNITS_SERVING.replace("organization,U-party", "organization,U-nope");
    let ps = problems(&[("units.csv", Some(&unknown))]);
    assert_only(&ps, "units.csv", Some(4), Some("serves_unit_id"), "unknown unit \"U-nope\" (not in units.csv)");
    let selfish = UNITS_SERVING.replace("organization,U-party", "organization,U-org");
    let ps = problems(&[("units.csv", Some(&selfish))]);
    assert_only(&ps, "units.csv", Some(4), Some("serves_unit_id"), "a unit cannot serve itself");
}

#[test]
fn bad_audit_hold_until() {
    let not_held = PEOPLE_HELD.replace("yes,,2040", "no,2027,2040");
    let ps = problems(&[("people.csv", Some(&not_held))]);
    assert_only(&ps, "people.csv", Some(3), Some("audit_hold_until"), "given but audit_hold is false");
    let no_year = PEOPLE_HELD.replace("true,2028", "true,soon");
    let ps = problems(&[("people.csv", Some(&no_year))]);
    assert_only(&ps, "people.csv", Some(2), Some("audit_hold_until"), "not an integer: \"soon\"");
}

#[test]
fn bad_interests() {
    let text = "person_id,regulator_unit_id,note\nC009,U-twp,\nC002,U-nope,\nC002,U-twp,a\nC002,U-twp,b\n";
    let ps = problems(&[("interests.csv", Some(text))]);
    assert_has(&ps, "interests.csv", Some(2), Some("person_id"), "unknown person \"C009\" (not in people.csv)");
    assert_has(&ps, "interests.csv", Some(3), Some("regulator_unit_id"), "unknown unit \"U-nope\" (not in units.csv)");
    assert_has(&ps, "interests.csv", Some(5), Some("regulator_unit_id"), "duplicate interest of this person (first on row 4)");
    assert_eq!(ps.len(), 3, "{ps:#?}");
    let ps = problems(&[("interests.csv", Some("person_id,note\nC002,x\n"))]);
    assert_only(&ps, "interests.csv", None, Some("regulator_unit_id"), "missing required column");
}

/// The base scenario with its tables as the sheets of `scenario.xlsx`, as `convert --tables
/// xlsx` writes it.
fn workbook_dir() -> TempDir {
    let out = tempfile::tempdir().unwrap();
    rotaplan::scenario::write_as(&load_ok(dir_with(&[]).path()), out.path(), rotaplan::scenario::Tables::Xlsx).unwrap();
    out
}

/// Writes a workbook of `sheets` (name, rows of cells) at `path`; a cell is text, or a
/// number when it parses as one, or an Excel error for `#N/A`, or a date for `date`.
fn write_book(path: &Path, sheets: &[(&str, Vec<Vec<&str>>)]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match *cell {
                    "" => {}
                    "#N/A" => {
                        ws.write_formula(r, c, rust_xlsxwriter::Formula::new("=NA()").set_result("#N/A")).unwrap();
                    }
                    "date" => {
                        let f = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
                        ws.write_number_with_format(r, c, 46388.0, &f).unwrap();
                    }
                    text => match text.parse::<f64>() {
                        Ok(x) => ws.write_number(r, c, x).map(|_| ()).unwrap(),
                        Err(_) => ws.write_string(r, c, text).map(|_| ()).unwrap(),
                    },
                }
            }
        }
    }
    book.save(path).unwrap();
}

/// The rows of a CSV text as cells.
fn cells(csv: &str) -> Vec<Vec<&str>> {
    csv.lines().map(|l| l.split(',').collect()).collect()
}

#[test]
fn a_scenario_whose_tables_are_a_workbook_loads_as_its_csv_files() {
    for dir in [dir_with(&[]).path().to_path_buf(), Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tiny")] {
        let s = load_ok(&dir);
        let out = tempfile::tempdir().unwrap();
        rotaplan::scenario::write_as(&s, out.path(), rotaplan::scenario::Tables::Xlsx).unwrap();
        let files: Vec<_> = std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(files.len(), 2, "scenario.toml and the workbook only: {files:?}");
        assert_same(&s, &load_ok(out.path()));
    }
}

#[test]
fn a_workbook_cell_problem_names_the_sheet_row_and_column() {
    let dir = workbook_dir();
    // people as written, with a bad year on row 3, an Excel error, a date and a value
    // beyond the header, after a blank row (rows count as Excel shows them).
    let mut people = cells(PEOPLE);
    people[2][3] = "19x0";
    people.insert(3, vec![]);
    people[4][4] = "#N/A";
    people[4][6] = "date";
    let mut beyond = people[1].clone();
    beyond.extend(["", "", "stray"]);
    beyond[0] = "C004";
    beyond[5] = "";
    people.push(beyond);
    let (regions, units, posts) = (cells(REGIONS), cells(UNITS), cells(POSTS));
    write_book(
        &dir.path().join("scenario.xlsx"),
        &[("regions", regions), ("units", units), ("posts", posts), ("people", people)],
    );
    let ps = match load(dir.path(), None) {
        Err(Error::Input(p)) => p,
        other => panic!("expected input problems, got {other:?}"),
    };
    assert_has(&ps, "scenario.xlsx/people", Some(3), Some("birth_year"), "not an integer: \"19x0\"");
    assert_has(&ps, "scenario.xlsx/people", Some(5), Some("grade"), "the cell is an Excel error (#N/A)");
    assert_has(&ps, "scenario.xlsx/people", Some(5), Some("post_since"), "the cell is a date or time");
    assert_has(&ps, "scenario.xlsx/people", Some(6), None, "has a value in column 13, beyond the header's last");
    assert_eq!(ps.len(), 4, "the blank row is skipped, the missing relations sheet optional: {ps:#?}");
}

#[test]
fn a_workbook_without_a_required_sheet_or_beside_a_csv_table_is_refused() {
    let dir = workbook_dir();
    write_book(&dir.path().join("scenario.xlsx"), &[("regions", cells(REGIONS)), ("units", cells(UNITS))]);
    std::fs::write(dir.path().join("people.csv"), PEOPLE).unwrap();
    let ps = match load(dir.path(), None) {
        Err(Error::Input(p)) => p,
        other => panic!("expected input problems, got {other:?}"),
    };
    assert_has(&ps, "scenario.xlsx", None, None, "missing required sheet \"posts\"");
    assert_has(&ps, "scenario.xlsx", None, None, "missing required sheet \"people\"");
    assert_has(&ps, "people.csv", None, None, "scenario.xlsx holds the tables: remove people.csv, or the workbook");
    assert_eq!(ps.len(), 3, "{ps:#?}");
    // Near miss: the same sheets and no CSV file beside them load.
    std::fs::remove_file(dir.path().join("people.csv")).unwrap();
    let (regions, units, posts, people) = (cells(REGIONS), cells(UNITS), cells(POSTS), cells(PEOPLE));
    write_book(
        &dir.path().join("scenario.xlsx"),
        &[("regions", regions), ("units", units), ("posts", posts), ("people", people)],
    );
    let s = load_ok(dir.path());
    assert_eq!((s.people.len(), s.posts.len(), s.relations.len()), (3, 3, 0));
}

#[test]
fn a_file_that_is_no_workbook_is_told_so() {
    let dir = workbook_dir();
    std::fs::write(dir.path().join("scenario.xlsx"), "person_id,name\n").unwrap();
    let ps = match load(dir.path(), None) {
        Err(Error::Input(p)) => p,
        other => panic!("expected input problems, got {other:?}"),
    };
    assert_has(&ps, "scenario.xlsx", None, None, "cannot read the workbook");
    assert_eq!(ps.len(), 1, "no missing sheet reported beside it: {ps:#?}");
}

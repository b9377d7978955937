//! End-to-end tests of the `rotaplan` binary on `scenarios/tiny`.

use assert_cmd::Command;
use predicates::str::contains;
use std::fs;
use std::path::{Path, PathBuf};

fn rotaplan() -> Command {
    Command::cargo_bin("rotaplan").unwrap()
}

fn tiny() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tiny")
}

/// A copy of `scenarios/tiny` to break.
fn tiny_copy(dir: &Path) -> PathBuf {
    let to = dir.join("tiny");
    fs::create_dir(&to).unwrap();
    for e in fs::read_dir(tiny()).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
    to
}

#[test]
fn validate_plan_and_check_tiny() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    rotaplan().arg("validate").arg(tiny()).assert().success().stdout(contains("valid"));
    rotaplan()
        .arg("plan")
        .arg(tiny())
        .arg("-o")
        .arg(&out)
        .args(["--time-limit", "30", "--seed", "7"])
        .assert()
        .success()
        .stdout(contains("optimal"));
    for f in ["plan.csv", "vacancies.csv", "summary.md", "annual/2027.csv", "annual/2031.csv"] {
        assert!(out.join(f).is_file(), "{f} missing");
    }
    let plan = fs::read_to_string(out.join("plan.csv")).unwrap();
    assert!(plan.starts_with("year,person_id,post_id,previous_post_id,move,reason"));
    assert_eq!(plan.lines().count(), 1 + 12 * 5, "one row per person and year");
    // The pinned appointment is obeyed and explained.
    assert!(plan.lines().any(|l| l.starts_with("2027,C011,P-west-deputy,")));
    let summary = fs::read_to_string(out.join("summary.md")).unwrap();
    for rule in ["tenure-max", "regional-recusal", "kinship-recusal", "vacancy", "| status | optimal |"] {
        assert!(summary.contains(rule), "summary lacks {rule}");
    }
    rotaplan().arg("check").arg(tiny()).arg(out.join("plan.csv")).assert().success().stdout(contains("no hard violations"));
}

#[test]
fn an_existing_plan_is_kept_without_force_and_replaced_with_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("keep.txt"), "earlier result").unwrap();
    rotaplan().arg("plan").arg(tiny()).arg("-o").arg(&out).assert().code(2).stderr(contains("--force"));
    assert_eq!(fs::read_to_string(out.join("keep.txt")).unwrap(), "earlier result");
    rotaplan().arg("plan").arg(tiny()).arg("-o").arg(&out).arg("--force").assert().success();
    assert!(!out.join("keep.txt").exists() && out.join("plan.csv").is_file());
    let leftovers: Vec<_> = fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("out")], "no staging directory left behind");
}

#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tiny_copy(tmp.path());
    let people = fs::read_to_string(dir.join("people.csv")).unwrap().replacen(",1970,", ",19x0,", 1);
    fs::write(dir.join("people.csv"), people).unwrap();
    let out = tmp.path().join("out");
    rotaplan().arg("validate").arg(&dir).assert().code(2).stderr(contains("people.csv:2 [birth_year]"));
    rotaplan().arg("plan").arg(&dir).arg("-o").arg(&out).assert().code(2);
    assert!(!out.exists());
}

#[test]
fn unmeetable_hard_rules_exit_1_with_the_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tiny_copy(tmp.path());
    // C001 has served 11 years as party secretary: the hard cap forbids keeping the post.
    fs::write(dir.join("pins.csv"), "person_id,post_id,year,action\nC001,P-party-head,2027,fix\n").unwrap();
    let out = tmp.path().join("out");
    rotaplan().arg("plan").arg(&dir).arg("-o").arg(&out).assert().code(1).stderr(contains("tenure-max"));
    assert!(!out.exists());
}

#[test]
fn a_policy_file_replaces_the_scenarios_policy() {
    let tmp = tempfile::tempdir().unwrap();
    let policy = tmp.path().join("strict.toml");
    fs::write(&policy, "[tenure-max]\nhard_years = 8\nsoft_years = 4\n[regional-recusal]\nhomes = [\"grewup\", \"native\"]\n")
        .unwrap();
    let out = tmp.path().join("out");
    rotaplan().arg("plan").arg(tiny()).arg("-o").arg(&out).arg("--policy").arg(&policy).assert().success();
    let summary = fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(summary.contains("strict.toml"), "{summary}");
    rotaplan().arg("check").arg(tiny()).arg(out.join("plan.csv")).arg("--policy").arg(&policy).assert().success();
}

#[test]
fn an_unfillable_must_fill_post_is_diagnosed_before_solving() {
    let tmp = tempfile::tempdir().unwrap();
    let policy = tmp.path().join("hard.toml");
    fs::write(&policy, "[vacancy]\nmust_fill = \"hard\"\n").unwrap();
    // The discipline secretary retires in 2029 and nobody else qualifies for the post.
    rotaplan()
        .arg("plan")
        .arg(tiny())
        .arg("-o")
        .arg(tmp.path().join("out"))
        .arg("--policy")
        .arg(&policy)
        .assert()
        .code(1)
        .stderr(contains(
            "P-disc-head (Discipline Secretary, County Discipline Commission) must be filled in 2029, but nobody is eligible",
        ));
}

#[test]
fn check_finds_hard_violations_in_an_edited_plan() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = tmp.path().join("plan.csv");
    // Everyone stays put: C001 passes the 10-year cap, the spouses stay together.
    let mut text = String::from("year,person_id,post_id\n");
    let people = fs::read_to_string(tiny().join("people.csv")).unwrap();
    for line in people.lines().skip(1) {
        let cols: Vec<_> = line.split(',').collect();
        for y in 2027..=2031 {
            text.push_str(&format!("{y},{},{}\n", cols[0], cols[5]));
        }
    }
    fs::write(&plan, text).unwrap();
    rotaplan()
        .arg("check")
        .arg(tiny())
        .arg(&plan)
        .assert()
        .code(1)
        .stdout(contains("HARD tenure-max 2027"))
        .stdout(contains("HARD kinship-recusal"));
}

#[test]
fn usage_errors_exit_2() {
    rotaplan().arg("plan").assert().code(2);
    rotaplan().args(["frobnicate"]).assert().code(2);
}

#[test]
fn check_reports_every_problem_of_a_bad_plan_file() {
    let tmp = tempfile::tempdir().unwrap();
    let plan = tmp.path().join("plan.csv");
    fs::write(
        &plan,
        "year,person_id,post_id\n2027,C001,P-gov-head\n2027,C001,P-gov-head\n2040,C002,\n2027,NOBODY,\n2028,C003,P-none\n",
    )
    .unwrap();
    rotaplan()
        .arg("check")
        .arg(tiny())
        .arg(&plan)
        .assert()
        .code(2)
        .stderr(contains("plan.csv:3: a second row for C001 in 2027"))
        .stderr(contains(":4 [year]"))
        .stderr(contains(":5 [person_id]"))
        .stderr(contains(":6 [post_id]"));
}

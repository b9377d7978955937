//! Importers: benchmark instances from other problem families as one-year scenarios.
//!
//! An importer builds a [`Scenario`] in memory so that the whole pipeline (eligibility,
//! model, solve, check, report) runs on a problem with a known optimum. It deliberately
//! adds nothing of the domain: no homes, relations, tenure or grades that could change
//! the optimum.

use crate::error::{Error, InputProblem, Result};
use crate::policy::{Policy, Strength, MAX_WEIGHT};
use crate::scenario::{
    Candidate, Gender, Level, Person, PersonIx, Post, PostIx, Region, RegionIx, Role, Scenario, Team, TeamIx, Unit, UnitIx,
};
use std::collections::HashSet;
use std::path::Path;

/// Reads an OR-Library sparse linear assignment instance (Beasley 1990: `n`, then one
/// `i j cost` triple per allowed pair, 1-indexed, whitespace separated) as a one-year
/// scenario starting in `start_year`.
///
/// People `i1..in` and posts `j1..jn` keep the instance numbers; every triple becomes a
/// [`Candidate`] with `score = -cost`, so that every post admits only its listed people and
/// maximising the score minimises the cost. Every post is `must_fill` and the policy makes
/// that hard, so an optimal plan is a minimum-cost perfect matching. Every problem in the
/// file is reported, with its line.
pub fn orlib_assign(path: &Path, start_year: i32) -> Result<Scenario> {
    let file = path.display().to_string();
    let text =
        std::fs::read_to_string(path).map_err(|e| Error::Input(vec![InputProblem::file(&file, format!("cannot read: {e}"))]))?;
    let mut problems = Vec::new();
    // Tokens with their 1-based line numbers.
    let tokens: Vec<(usize, &str)> =
        text.lines().enumerate().flat_map(|(l, line)| line.split_whitespace().map(move |t| (l + 1, t))).collect();
    let triples = tokens.len().saturating_sub(1) / 3;
    let mut tokens = tokens.into_iter();

    let (n_line, n) = match tokens.next() {
        None => return Err(Error::Input(vec![InputProblem::file(&file, "empty file: expected the size n")])),
        Some((line, t)) => match t.parse::<u32>() {
            Ok(n) if n > 0 => (line, n),
            _ => {
                return Err(Error::Input(vec![InputProblem::at(
                    &file,
                    line,
                    "n",
                    format!("expected a positive integer, got {t:?}"),
                )]))
            }
        },
    };
    // Every post needs an allowed pair: a size beyond the pairs listed is a damaged file
    // (and must not make us allocate for it).
    if n as usize > triples {
        let msg = format!("n = {n}, but the file lists {triples} pair(s): every post needs at least one");
        return Err(Error::Input(vec![InputProblem::at(&file, n_line, "n", msg)]));
    }
    let index = |column: &str, (line, t): (usize, &str), problems: &mut Vec<InputProblem>| match t.parse::<u32>() {
        Ok(x) if (1..=n).contains(&x) => Some(x),
        _ => {
            problems.push(InputProblem::at(&file, line, column, format!("expected an integer from 1 to {n}, got {t:?}")));
            None
        }
    };
    let mut pairs = Vec::new();
    let mut seen = HashSet::new();
    let mut has_pool = vec![false; n as usize];
    loop {
        let triple = (tokens.next(), tokens.next(), tokens.next());
        let (Some(ti), Some(tj), Some(tc)) = triple else {
            if let Some((line, _)) = triple.0 {
                problems.push(InputProblem::row(&file, line, "incomplete triple at the end of the file: expected i j cost"));
            }
            break;
        };
        let (i, j) = (index("i", ti, &mut problems), index("j", tj, &mut problems));
        // The cost becomes a selection score, which scenarios bound like weights.
        let cost = tc.1.parse::<f64>().ok().filter(|c| c.abs() <= MAX_WEIGHT);
        if cost.is_none() {
            let msg = format!("expected a number from -{MAX_WEIGHT} to {MAX_WEIGHT}, got {:?}", tc.1);
            problems.push(InputProblem::at(&file, tc.0, "cost", msg));
        }
        let (Some(i), Some(j), Some(cost)) = (i, j, cost) else { continue };
        if !seen.insert((i, j)) {
            problems.push(InputProblem::row(&file, ti.0, format!("pair i{i} j{j} listed twice")));
            continue;
        }
        has_pool[j as usize - 1] = true;
        pairs.push(Candidate { person: PersonIx(i - 1), post: PostIx(j - 1), score: -cost });
    }
    // A post without rows would admit everybody, which is not what the instance says.
    let without: Vec<u32> = (1..=n).filter(|&j| !has_pool[j as usize - 1]).collect();
    for &j in without.iter().take(20) {
        problems.push(InputProblem::file(&file, format!("post j{j} has no allowed pair")));
    }
    if without.len() > 20 {
        problems.push(InputProblem::file(&file, format!("… and {} more posts without an allowed pair", without.len() - 20)));
    }
    if !problems.is_empty() {
        return Err(Error::Input(problems));
    }

    let mut policy = Policy::default();
    policy.vacancy.must_fill = Strength::Hard;
    policy.stability.weight = 0.0;
    policy.grade_window.max_up = 0;
    policy.grade_window.max_down = 0;
    policy.keep_posted.strength = Strength::Off;
    policy.candidate_pool.score_weight = 1.0;
    // The instance has no skills: fit neither gates nor rewards anything.
    policy.skill_fit.min_fit = 0;
    policy.skill_fit.weight = 0.0;
    // One team of n posts filled at once from outside, in one year: no team, pace,
    // departure or age rule applies to the assignment problem.
    policy.team_balance.churn_strength = Strength::Off;
    policy.team_balance.paired_heads = Strength::Off;
    policy.continuity.strength = Strength::Off;
    policy.near_retirement.strength = Strength::Off;
    policy.even_pace.strength = Strength::Off;
    let stem = path.file_stem().map_or_else(|| "orlib-assign".to_string(), |s| s.to_string_lossy().into_owned());
    Ok(Scenario {
        name: stem.clone(),
        dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
        start_year,
        years: 1,
        policy,
        policy_file: None,
        regions: vec![Region { id: "R1".into(), name: stem.clone(), parent: None, level: Level::County, hardship: 0 }],
        units: vec![Unit {
            id: "U1".into(),
            name: stem,
            region: RegionIx(0),
            parent: None,
            kind: "unit".into(),
            hardship: 0,
            pair: None,
            reelection_year: None,
            serves: None,
        }],
        teams: vec![Team { id: "U1".into(), listed: false, domains: Vec::new() }],
        posts: (1..=n)
            .map(|j| Post {
                id: format!("j{j}"),
                unit: UnitIx(0),
                title: format!("j{j}"),
                grade: 1,
                role: Role::Member,
                domain: "general".into(),
                regional_recusal: false,
                sensitive: false,
                must_fill: true,
                temporary: false,
                team: TeamIx(0),
            })
            .collect(),
        people: (1..=n)
            .map(|i| Person {
                id: format!("i{i}"),
                name: format!("i{i}"),
                gender: Gender::M,
                birth_year: start_year - 40,
                grade: 1,
                current_post: None,
                post_since: None,
                native: None,
                birth: None,
                grewup: None,
                skills: Vec::new(),
                young_cadre: false,
                audit_hold: false,
                audit_hold_until: None,
                retire_year: start_year + 100,
                years_in_grade: 0,
                grassroots_years: 0,
                hardship_years: 0,
            })
            .collect(),
        relations: Vec::new(),
        history: Vec::new(),
        candidates: pairs,
        pins: Vec::new(),
        interests: Vec::new(),
        reference: None,
        what_if: Vec::new(),
        distinct_from: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::path::PathBuf;

    fn parse(text: &str) -> Result<Scenario> {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(text.as_bytes()).unwrap();
        orlib_assign(f.path(), 2026)
    }

    fn problems(text: &str) -> Vec<InputProblem> {
        match parse(text) {
            Err(Error::Input(p)) => p,
            other => panic!("expected input problems, got {other:?}"),
        }
    }

    #[test]
    fn small_instance() {
        let s = parse(" 3\n 1 1 5\n 1 2 7 2 3\n 4\n 3 3 1\n 3 1 9\n").unwrap();
        assert_eq!((s.people.len(), s.posts.len(), s.candidates.len(), s.years), (3, 3, 5, 1));
        assert_eq!(s.people[2].id, "i3");
        assert_eq!(s.posts[1].id, "j2");
        let c = &s.candidates[2];
        assert_eq!((s.person(c.person).id.as_str(), s.post(c.post).id.as_str(), c.score), ("i2", "j3", -4.0));
        assert!(s.posts.iter().all(|p| p.must_fill && !p.regional_recusal));
        assert_eq!(s.policy.vacancy.must_fill, Strength::Hard);
        assert!(s.policy.problems().is_empty());
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let p = problems("3\n1 1 5\n4 2 x\n1 1 6\n2 1");
        let found: Vec<_> = p.iter().map(|p| (p.row, p.column.as_deref())).collect();
        assert_eq!(
            found,
            [(Some(3), Some("i")), (Some(3), Some("cost")), (Some(4), None), (Some(5), None), (None, None), (None, None)]
        );
        assert!(p[0].message.contains("\"4\"") && p[4].message.contains("j2"), "{p:?}");
        assert_eq!(problems("").len(), 1);
        assert_eq!(problems("three\n")[0].column.as_deref(), Some("n"));
    }

    /// Found by the hostile-input test: a damaged size ("4000000000") made the importer
    /// allocate for it and list every post without a pair, until the machine ran out of
    /// memory. The size cannot exceed the pairs listed.
    #[test]
    fn a_size_beyond_the_pairs_listed_is_one_problem() {
        let p = problems("\n4000000000\n1 1 5\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!((p[0].row, p[0].column.as_deref()), (Some(2), Some("n")));
        assert!(p[0].message.contains("lists 1 pair(s)"), "{p:?}");
        let p = problems(&format!("25\n{}", (1..=25).map(|k| format!("{k} 1 1\n")).collect::<String>()));
        assert!(p.len() == 21 && p[20].message.contains("4 more"), "{p:?}");
    }

    /// The OR-Library data shipped beside the project (`../shared/benchdata/orlib-assign`).
    /// A checkout without it fails here, saying where it looked, rather than checking nothing.
    fn orlib_dir() -> PathBuf {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/benchdata/orlib-assign");
        assert!(dir.join("optimal_values.tsv").is_file(), "OR-Library data not found: looked for {}", dir.display());
        dir
    }

    /// `(instance, n, arcs, optimal value)` rows of `optimal_values.tsv`.
    fn published() -> Vec<(String, usize, usize, f64)> {
        let table = std::fs::read_to_string(orlib_dir().join("optimal_values.tsv")).unwrap();
        table
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|line| {
                let f: Vec<&str> = line.split('\t').collect();
                (f[0].to_owned(), f[1].parse().unwrap(), f[2].parse().unwrap(), f[3].parse().unwrap())
            })
            .collect()
    }

    /// The published instances parse with their size and number of allowed pairs.
    #[test]
    fn orlib_instances() {
        let rows = published();
        assert_eq!(rows.len(), 4);
        for (name, n, arcs, _) in rows {
            let s = orlib_assign(&orlib_dir().join(format!("{name}.txt")), 2026).unwrap();
            assert_eq!((s.posts.len(), s.people.len(), s.candidates.len()), (n, n, arcs), "{name}");
        }
    }

    /// assignp800, imported and planned, reaches its published optimum, and the plan has no
    /// hard violation (every post filled by an allowed pair, nobody twice).
    #[test]
    fn assignp800_plans_to_its_published_optimum() {
        let (_, _, _, optimum) = published().into_iter().find(|r| r.0 == "assignp800").unwrap();
        let s = orlib_assign(&orlib_dir().join("assignp800.txt"), 2026).unwrap();
        let o = crate::testkit::try_solve(&s).unwrap();
        assert_eq!(o.solution.status, crate::mip::Status::Optimal);
        assert_eq!(o.report.hard().count(), 0);
        assert!((o.report.objective() - optimum).abs() < 1e-6, "objective {} != published {optimum}", o.report.objective());
        assert!((o.solution.objective - optimum).abs() < 1e-6);
        let filled = o.plan.holds.iter().filter(|row| row[0].is_some()).count();
        assert_eq!(filled, 800);
    }
}

//! The plan: who holds which post in which planned year. Plain data, apart from the solver:
//! it is built from a solution, read back from `plan.csv`, checked, explained and
//! compared without any solver state.

use crate::error::{Error, InputProblem, Result};
use crate::scenario::table::Table;
use crate::scenario::{PersonIx, PostIx, Scenario};
use std::collections::HashMap;
use std::path::Path;

/// A multi-year plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// First planned year.
    pub start_year: i32,
    /// `holds[person][t]`: the post held in year `start_year + t`.
    pub holds: Vec<Vec<Option<PostIx>>>,
}

impl Plan {
    /// A plan in which nobody holds anything.
    pub fn empty(s: &Scenario) -> Plan {
        Plan { start_year: s.start_year, holds: vec![vec![None; s.years as usize]; s.people.len()] }
    }

    /// The plan in which nobody moves: everyone keeps their current post until they retire.
    /// Reports measure the plan against it (the conflicts of today's postings it resolves).
    pub fn status_quo(s: &Scenario) -> Plan {
        let mut plan = Plan::empty(s);
        for (p, person) in s.people_ix() {
            for (t, held) in plan.holds[p.0 as usize].iter_mut().enumerate() {
                *held = person.current_post.filter(|_| s.start_year + (t as i32) < person.retire_year);
            }
        }
        plan
    }

    /// The post `p` holds in `year`; before the horizon, the current post.
    pub fn post(&self, s: &Scenario, p: PersonIx, year: i32) -> Option<PostIx> {
        if year < self.start_year {
            return s.person(p).current_post;
        }
        self.holds[p.0 as usize].get((year - self.start_year) as usize).copied().flatten()
    }

    /// Consecutive years `p` has held the post they hold in `year`, up to and including
    /// `year` (counting years before the horizon for a post held since `post_since`).
    pub fn run_length(&self, s: &Scenario, p: PersonIx, year: i32) -> i32 {
        let Some(j) = self.post(s, p, year) else { return 0 };
        let mut y = year;
        while y >= self.start_year && self.post(s, p, y) == Some(j) {
            y -= 1;
        }
        let mut len = year - y;
        if y == self.start_year - 1 && s.person(p).current_post == Some(j) {
            len += y - s.person(p).post_since.unwrap_or(y) + 1;
        }
        len
    }

    /// Every planned (person, year, post held).
    pub fn held<'a>(&'a self, s: &'a Scenario) -> impl Iterator<Item = (PersonIx, i32, PostIx)> + 'a {
        s.people_ix().flat_map(move |(p, _)| self.years().filter_map(move |y| self.post(s, p, y).map(|j| (p, y, j))))
    }

    /// The post `p` takes up in `year` (held then, not the year before): a move.
    pub fn taken_up(&self, s: &Scenario, p: PersonIx, year: i32) -> Option<PostIx> {
        self.post(s, p, year).filter(|&j| self.post(s, p, year - 1) != Some(j))
    }

    /// The departures of `year`: `(p, j)` where `p` held `j` the year before and does not in
    /// `year`, without retiring then (see `Formulation::departures` for the model's form).
    pub fn departures<'a>(&'a self, s: &'a Scenario, year: i32) -> impl Iterator<Item = (PersonIx, PostIx)> + 'a {
        s.people_ix().filter_map(move |(p, person)| {
            let j = self.post(s, p, year - 1)?;
            (self.post(s, p, year) != Some(j) && year < person.retire_year).then_some((p, j))
        })
    }

    /// The planned years.
    pub fn years(&self) -> impl Iterator<Item = i32> + Clone {
        let n = self.holds.first().map_or(0, Vec::len) as i32;
        self.start_year..self.start_year + n
    }

    /// Holders of each post in `year`, a planned year or one before the horizon (today's
    /// holders, from the current posts).
    pub fn holders_at(&self, s: &Scenario, year: i32) -> Vec<Vec<PersonIx>> {
        if year >= self.start_year {
            return self.holders(year, s.posts.len());
        }
        let mut out = vec![Vec::new(); s.posts.len()];
        for (p, _) in s.people_ix() {
            if let Some(j) = self.post(s, p, year) {
                out[j.0 as usize].push(p);
            }
        }
        out
    }

    /// Holders of each post in `year` (several when a plan is wrong; `check` reports it).
    pub fn holders(&self, year: i32, posts: usize) -> Vec<Vec<PersonIx>> {
        let mut out = vec![Vec::new(); posts];
        let t = (year - self.start_year) as usize;
        for (p, row) in self.holds.iter().enumerate() {
            if let Some(Some(j)) = row.get(t) {
                out[j.0 as usize].push(PersonIx(p as u32));
            }
        }
        out
    }

    /// Reads the `year, person_id, post_id` columns of a `plan.csv`, or of the sheet `plan`
    /// of a workbook (`plan.xlsx`, as `plan` writes it and a planner may edit it). People
    /// without rows hold nothing; every problem is reported with its row (as a spreadsheet
    /// shows it) and column, through the scenario loader's table reader.
    pub fn read_file(s: &Scenario, path: &Path) -> Result<Plan> {
        let file = path.display().to_string();
        let mut problems = Vec::new();
        let table = Table::read_file(path, &file, "plan", &["year", "person_id", "post_id"], &mut problems);
        if !problems.is_empty() {
            return Err(Error::Input(problems));
        }
        let ids = s.ids();
        let horizon = s.start_year..=s.end_year();
        let rows = table.rows(&mut problems, |row| {
            let year = row.int("year", horizon.clone(), None);
            let person = row.cell("person_id", None, |v| ids.people.get(v).copied().ok_or(format!("unknown person \"{v}\"")));
            let post =
                row.cell("post_id", Some(None), |v| ids.posts.get(v).map(|&j| Some(j)).ok_or(format!("unknown post \"{v}\"")));
            Some((year?, person?, post?))
        });
        let mut plan = Plan::empty(s);
        let mut seen = HashMap::new();
        for (&(line, _, _), row) in table.rows.iter().zip(rows) {
            let Some((year, p, post)) = row else { continue };
            if let Some(&first) = seen.get(&(p, year)) {
                let msg = format!("a second row for {} in {year} (first on row {first})", s.person(p).id);
                problems.push(InputProblem::row(&file, line, msg));
                continue;
            }
            seen.insert((p, year), line);
            plan.holds[p.0 as usize][(year - s.start_year) as usize] = post;
        }
        if problems.is_empty() {
            Ok(plan)
        } else {
            Err(Error::Input(problems))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::tiny;

    fn problems(text: &str) -> Vec<InputProblem> {
        let s = tiny();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.csv");
        std::fs::write(&path, text).unwrap();
        match Plan::read_file(&s, &path) {
            Err(Error::Input(p)) => p,
            other => panic!("expected input problems, got {other:?}"),
        }
    }

    /// Rows are numbered as a spreadsheet shows them, blank lines included (they used to be
    /// counted as `k + 2`, off after a blank line).
    #[test]
    fn problems_name_the_line_after_blank_lines() {
        let p = problems("year,person_id,post_id\n\n2027,A,P1\n\n\n2028,B,P1\n2030,A,P1\n2028,A,P9\n2027,A,\n");
        let found: Vec<_> = p.iter().map(|p| (p.row, p.column.as_deref())).collect();
        assert_eq!(found, [(Some(6), Some("person_id")), (Some(7), Some("year")), (Some(8), Some("post_id")), (Some(9), None)]);
        assert_eq!(p[3].message, "a second row for A in 2027 (first on row 3)");
        assert_eq!(problems("year,person\n")[0].column.as_deref(), Some("person_id"));
    }
}

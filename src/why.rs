//! `rotaplan explain`: why one official holds what they hold, or why one post has the
//! holders it has, in a solved plan: the plan's rows with their reasons, the objective
//! terms the rules put on them (from the independent check), and who or what was never
//! eligible, grouped by the rule that excludes it.

use crate::check::Report;
use crate::eligibility::why_not;
use crate::explain::Row;
use crate::rules::{Arc, Rule, Severity};
use crate::scenario::{PersonIx, PostIx, Scenario};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// One year of the plan for the official or post asked about.
#[derive(Debug, Serialize)]
pub struct Year {
    /// Year.
    pub year: i32,
    /// The official (for a post: its holder; `null`: empty).
    pub person_id: Option<String>,
    /// The post (for an official: the post held; `null`: none).
    pub post_id: Option<String>,
    /// Move kind, as in `plan.csv`.
    pub kind: &'static str,
    /// Reason text, as in `plan.csv`.
    pub reason: String,
}

/// What one rule puts on the objective for the official or post.
#[derive(Debug, Serialize)]
pub struct Term {
    /// Rule id.
    pub rule: &'static str,
    /// Its sum (negative: a reward).
    pub total: f64,
    /// The findings: `{year, severity, amount, message}`.
    pub findings: Vec<Finding>,
}

/// A finding of the check.
#[derive(Debug, Serialize)]
pub struct Finding {
    /// Year.
    pub year: i32,
    /// `hard`, `soft` or `reward`.
    pub severity: &'static str,
    /// Objective contribution.
    pub amount: f64,
    /// What it says.
    pub message: String,
}

/// Those a rule excludes (the first rule that does, per candidate).
#[derive(Debug, Serialize)]
pub struct Excluded {
    /// Rule id (`structure` for a current post left earlier).
    pub rule: &'static str,
    /// How many.
    pub count: usize,
    /// Their ids.
    pub ids: Vec<String>,
}

/// The answer.
#[derive(Debug, Serialize)]
pub struct Answer {
    /// `person` or `post`.
    pub about: &'static str,
    /// The id asked about.
    pub id: String,
    /// Who or what it is, in words.
    pub title: String,
    /// The plan's rows (the year asked, or every year).
    pub years: Vec<Year>,
    /// Objective terms by rule, largest first.
    pub objective: Vec<Term>,
    /// The year the eligibility is told for.
    pub eligibility_year: i32,
    /// Eligible counterparts (posts for an official, officials for a post) that year.
    pub eligible: Vec<String>,
    /// The others, by the rule that excludes them.
    pub never_eligible: Vec<Excluded>,
}

fn terms(report: &Report, keep: impl Fn(&crate::rules::Finding) -> bool, year: Option<i32>) -> Vec<Term> {
    let mut by_rule: BTreeMap<&'static str, Vec<Finding>> = BTreeMap::new();
    for f in report.findings.iter().filter(|f| keep(f) && year.is_none_or(|y| f.year == y)) {
        let severity = match f.severity {
            Severity::Hard => "hard",
            Severity::Soft => "soft",
            Severity::Reward => "reward",
        };
        by_rule.entry(f.rule).or_default().push(Finding {
            year: f.year,
            severity,
            amount: f.penalty,
            message: f.message.clone(),
        });
    }
    let mut out: Vec<Term> = by_rule
        .into_iter()
        .map(|(rule, findings)| Term { rule, total: findings.iter().map(|f| f.amount).sum(), findings })
        .collect();
    out.sort_by(|a, b| b.total.abs().total_cmp(&a.total.abs()).then(a.rule.cmp(b.rule)));
    out
}

fn group(excluded: BTreeMap<&'static str, Vec<String>>) -> Vec<Excluded> {
    let mut out: Vec<Excluded> = excluded.into_iter().map(|(rule, ids)| Excluded { rule, count: ids.len(), ids }).collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    out
}

fn year_of(s: &Scenario, year: Option<i32>) -> i32 {
    year.unwrap_or(s.start_year)
}

/// Why official `p` holds what they hold in the plan explained by `rows` (checked in
/// `report`), in `year` or every year.
pub fn person(s: &Scenario, rules: &[Box<dyn Rule>], rows: &[Row], report: &Report, p: PersonIx, year: Option<i32>) -> Answer {
    let person = s.person(p);
    let post_id = |j: Option<PostIx>| j.map(|j| s.post(j).id.clone());
    let years = rows
        .iter()
        .filter(|r| r.person == p && year.is_none_or(|y| r.year == y))
        .map(|r| Year {
            year: r.year,
            person_id: Some(person.id.clone()),
            post_id: post_id(r.post),
            kind: r.kind.as_str(),
            reason: r.reason.clone(),
        })
        .collect();
    let at = year_of(s, year);
    let (mut eligible, mut excluded) = (Vec::new(), BTreeMap::<&'static str, Vec<String>>::new());
    for (j, post) in s.posts.iter().enumerate() {
        match why_not(s, rules, Arc { person: p, post: PostIx(j as u32), year: at }).first() {
            None => eligible.push(post.id.clone()),
            Some(&(rule, _)) => excluded.entry(rule).or_default().push(post.id.clone()),
        }
    }
    Answer {
        about: "person",
        id: person.id.clone(),
        title: format!(
            "{}: grade {}, {}",
            crate::rules::who(s, p),
            person.grade,
            person
                .current_post
                .map_or("no post at the start".into(), |j| format!("holds {} at the start", crate::rules::what(s, j)))
        ),
        years,
        objective: terms(report, |f| f.person == Some(p), year),
        eligibility_year: at,
        eligible,
        never_eligible: group(excluded),
    }
}

/// Why post `j` has the holders it has in the plan explained by `rows` (checked in
/// `report`), in `year` or every year.
pub fn post(s: &Scenario, rules: &[Box<dyn Rule>], rows: &[Row], report: &Report, j: PostIx, year: Option<i32>) -> Answer {
    let post = s.post(j);
    let mut years: Vec<Year> = Vec::new();
    for y in s.years().filter(|&y| year.is_none_or(|x| x == y)) {
        match rows.iter().find(|r| r.year == y && r.post == Some(j)) {
            Some(r) => years.push(Year {
                year: y,
                person_id: Some(s.person(r.person).id.clone()),
                post_id: Some(post.id.clone()),
                kind: r.kind.as_str(),
                reason: r.reason.clone(),
            }),
            None => years.push(Year {
                year: y,
                person_id: None,
                post_id: Some(post.id.clone()),
                kind: "vacant",
                reason: String::new(),
            }),
        }
    }
    let at = year_of(s, year);
    let (mut eligible, mut excluded) = (Vec::new(), BTreeMap::<&'static str, Vec<String>>::new());
    for (p, person) in s.people_ix() {
        match why_not(s, rules, Arc { person: p, post: j, year: at }).first() {
            None => eligible.push(person.id.clone()),
            Some(&(rule, _)) => excluded.entry(rule).or_default().push(person.id.clone()),
        }
    }
    Answer {
        about: "post",
        id: post.id.clone(),
        title: crate::rules::what(s, j),
        years,
        objective: terms(report, |f| f.post == Some(j), year),
        eligibility_year: at,
        eligible,
        never_eligible: group(excluded),
    }
}

impl Answer {
    /// The answer in words (Markdown).
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# {} {}\n", if self.about == "person" { "Official" } else { "Post" }, self.title);
        let _ = writeln!(out, "## In the plan\n");
        for y in &self.years {
            let what = if self.about == "person" {
                y.post_id.as_deref().unwrap_or("no post")
            } else {
                y.person_id.as_deref().unwrap_or("nobody")
            };
            let reason = if y.reason.is_empty() { String::new() } else { format!(": {}", y.reason) };
            let _ = writeln!(out, "- {} {} ({}){reason}", y.year, what, y.kind);
        }
        let _ = writeln!(out, "\n## What the rules put on the objective\n");
        if self.objective.is_empty() {
            let _ = writeln!(out, "Nothing: no rule prices or rewards it.");
        }
        for t in &self.objective {
            let _ = writeln!(out, "- **{}** {:+.2}", t.rule, t.total);
            for f in &t.findings {
                let _ = writeln!(out, "  - {} {} {:+.2}: {}", f.year, f.severity, f.amount, f.message);
            }
        }
        let (them, of) = if self.about == "person" { ("post(s)", "open to them") } else { ("official(s)", "eligible for it") };
        let _ = writeln!(out, "\n## Eligibility in {}\n", self.eligibility_year);
        let _ = writeln!(
            out,
            "{} {them} {of}: {}.\n",
            self.eligible.len(),
            if self.eligible.is_empty() { "none".into() } else { self.eligible.join(", ") }
        );
        let _ = writeln!(out, "Never eligible, by the first rule that excludes them:\n");
        for e in &self.never_eligible {
            let shown: Vec<&str> = e.ids.iter().take(12).map(String::as_str).collect();
            let more = if e.count > shown.len() { format!(" and {} more", e.count - shown.len()) } else { String::new() };
            let _ = writeln!(out, "- {} ({}): {}{more}", e.rule, e.count, shown.join(", "));
        }
        out
    }
}

//! The independent plan check: every rule's [`crate::rules::Rule::check`] plus the
//! structural one-holder-per-post rule, on a [`Plan`] alone. It shares no code with the
//! model, so it catches modelling mistakes as well as hand-edited plans.

use crate::plan::Plan;
use crate::rules::{self, what, Finding, Severity};
use crate::scenario::{PostIx, Scenario};
use std::collections::BTreeMap;

/// Everything found in a plan.
#[derive(Debug, Clone)]
pub struct Report {
    /// Findings, in rule order then year.
    pub findings: Vec<Finding>,
}

/// Per-rule totals.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    /// Hard violations.
    pub hard: usize,
    /// Soft violations.
    pub soft: usize,
    /// Rewards earned.
    pub rewards: usize,
    /// Objective contribution.
    pub penalty: f64,
}

/// Checks `plan` against every rule of the scenario's policy.
pub fn check(s: &Scenario, plan: &Plan) -> Report {
    let mut findings = Vec::new();
    for y in plan.years() {
        for (j, holders) in plan.holders(y, s.posts.len()).iter().enumerate().filter(|(_, h)| h.len() > 1) {
            let ids: Vec<_> = holders.iter().map(|&p| s.person(p).id.as_str()).collect();
            findings.push(Finding {
                rule: "one-holder",
                severity: Severity::Hard,
                year: y,
                person: Some(holders[0]),
                post: Some(PostIx(j as u32)),
                penalty: 0.0,
                message: format!("{} has {} holders in {y}: {}", what(s, PostIx(j as u32)), holders.len(), ids.join(", ")),
            });
        }
    }
    for rule in rules::all(s) {
        rule.check(s, plan, &mut findings);
    }
    Report { findings }
}

impl Report {
    /// Hard violations.
    pub fn hard(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.severity == Severity::Hard)
    }

    /// The plan's objective: the sum of all penalties and rewards.
    pub fn objective(&self) -> f64 {
        self.findings.iter().map(|f| f.penalty).sum()
    }

    /// Totals per rule, in first-seen order of the rule ids given.
    pub fn tally(&self) -> BTreeMap<&'static str, Tally> {
        let mut out: BTreeMap<&'static str, Tally> = BTreeMap::new();
        for f in &self.findings {
            let t = out.entry(f.rule).or_default();
            match f.severity {
                Severity::Hard => t.hard += 1,
                Severity::Soft => t.soft += 1,
                Severity::Reward => t.rewards += 1,
            }
            t.penalty += f.penalty;
        }
        out
    }
}

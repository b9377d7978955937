//! The policy rules. Each rule lives in one file that owns everything about it: which
//! (person, post, year) arcs it excludes and why, what it adds to the model (rows,
//! penalties, rewards), its independent check of a finished plan, and the reason text it
//! gives for a move.
//!
//! The model never prices anything a rule's [`Rule::check`] does not: for every plan, the
//! objective the solver reports equals the sum of the penalties `check` finds (a test
//! asserts this), so `summary.md` can attribute the objective rule by rule.

pub mod alternatives;
pub mod audit_hold;
mod business_interest;
mod candidate_pool;
mod continuity;
mod even_pace;
pub mod exchange;
mod exchange_scope;
mod grade_cap;
mod grade_window;
mod hardship;
mod kinship_recusal;
pub mod near_retirement;
mod pins;
mod priority_groups;
mod promotion;
mod regional_recusal;
mod replan;
mod retirement;
pub mod skill_fit;
mod stability;
mod stay_term;
pub mod team_balance;
mod temporary;
mod tenure_max;
pub mod tenure_min;
mod term_cap;
mod vacancy;
mod young_cadre;

use crate::formulation::Formulation;
use crate::mip::{Col, ColName, RowName};
use crate::plan::Plan;
use crate::policy::Strength;
use crate::scenario::{PersonIx, PostIx, Scenario};

/// A (person, post, year) triple: the unit of eligibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Arc {
    /// Who.
    pub person: PersonIx,
    /// Which post.
    pub post: PostIx,
    /// Which planned year.
    pub year: i32,
}

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// A hard rule is broken: the plan is not acceptable.
    Hard,
    /// A soft rule is broken at a price.
    Soft,
    /// A reward earned (negative penalty), e.g. an open-selection score.
    Reward,
}

/// One thing `check` found in a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Rule id.
    pub rule: &'static str,
    /// Hard, soft or reward.
    pub severity: Severity,
    /// The year concerned.
    pub year: i32,
    /// The person concerned, if one.
    pub person: Option<PersonIx>,
    /// The post concerned, if one.
    pub post: Option<PostIx>,
    /// Objective contribution (0 for hard findings; negative for rewards).
    pub penalty: f64,
    /// Readable description.
    pub message: String,
}

/// A policy rule. Every hook has a neutral default, so a rule implements only what it uses.
pub trait Rule: Send + Sync {
    /// Stable id: the policy section and the name in reports.
    fn id(&self) -> &'static str;

    /// If the rule admits `person` to only some posts, those posts (sorted; the rest are
    /// excluded in every year). Lets eligibility skip whole ranges of posts at once.
    fn scope(&self, _s: &Scenario, _person: PersonIx) -> Option<Vec<PostIx>> {
        None
    }

    /// Whether the rule excludes `person` from `post` in every year (checked once per pair).
    fn excludes_pair(&self, _s: &Scenario, _person: PersonIx, _post: PostIx) -> bool {
        false
    }

    /// Whether the rule excludes the arc in its year (checked for pairs not excluded).
    fn excludes(&self, _s: &Scenario, _a: Arc) -> bool {
        false
    }

    /// For a rule that counts years in a scope (`tenure-max`, `priority-groups`,
    /// `term-cap`): where it counts those of a holder of `j` ([`exchange::Clock::scope`]);
    /// `None` for the others.
    fn counts_in(&self, _s: &Scenario, _j: PostIx) -> Option<exchange::Scope> {
        None
    }

    /// Why the rule excludes the arc (called only when it does; built on demand).
    fn exclusion_reason(&self, _s: &Scenario, _a: Arc) -> String {
        format!("excluded by {}", self.id())
    }

    /// One of the rule's hard rows (by its name) in a planner's words, for the conflict
    /// diagnosis (`diagnose`); `None` for rows that are not the rule's, or to use the
    /// generic text (the rule, the year, the officials and posts in the row).
    fn describe_row(&self, _s: &Scenario, _row: crate::mip::RowName) -> Option<String> {
        None
    }

    /// Objective coefficient the rule puts on holding the arc (penalty > 0, reward < 0).
    fn arc_cost(&self, _s: &Scenario, _a: Arc) -> f64 {
        0.0
    }

    /// Cost the rule puts on a stint: taking up `post` in `first` and holding it through
    /// `last` (a move); `None` forbids the stint (the model then tries a shorter one).
    fn stint_cost(&self, _s: &Scenario, _person: PersonIx, _post: PostIx, _first: i32, _last: i32) -> Option<f64> {
        Some(0.0)
    }

    /// Adds rows, columns, costs, bounds and the objective constant the rule needs.
    /// Conflicts that make the hard rules unsatisfiable before solving go to
    /// `f.conflicts`.
    fn encode(&self, _f: &mut Formulation) {}

    /// Independently of the model, appends what the rule finds in `plan`.
    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>);

    /// Why `person` should leave `from`, which they held in `year − 1` (for reason texts).
    fn reason_to_leave(&self, _s: &Scenario, _plan: &Plan, _person: PersonIx, _from: PostIx, _year: i32) -> Option<String> {
        None
    }

    /// What speaks for `person` taking up `to` in `year` (for reason texts).
    fn reason_to_take(&self, _s: &Scenario, _plan: &Plan, _person: PersonIx, _to: PostIx, _year: i32) -> Option<String> {
        None
    }
}

/// Every rule of the policy, in reporting order.
pub fn all(s: &Scenario) -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(retirement::Retirement),
        Box::new(grade_window::GradeWindow::new(s)),
        Box::new(pins::Pins::new(s)),
        Box::new(replan::Replan),
        Box::new(alternatives::Alternatives),
        Box::new(audit_hold::AuditHold),
        Box::new(candidate_pool::CandidatePool::new(s)),
        Box::new(exchange_scope::ExchangeScope::new(s)),
        Box::new(exchange::Exchange),
        Box::new(regional_recusal::RegionalRecusal),
        Box::new(kinship_recusal::KinshipRecusal::new(s)),
        Box::new(business_interest::BusinessInterest::new(s)),
        Box::new(skill_fit::SkillFit),
        Box::new(promotion::Promotion),
        Box::new(grade_cap::GradeCap),
        Box::new(temporary::Temporary),
        Box::new(term_cap::TermCap::new(s)),
        Box::new(stay_term::StayTerm::new(s)),
        Box::new(tenure_max::TenureMax::new(s)),
        Box::new(priority_groups::PriorityGroups::new(s)),
        Box::new(tenure_min::TenureMin),
        Box::new(near_retirement::NearRetirement),
        Box::new(hardship::Hardship),
        Box::new(young_cadre::YoungCadre),
        Box::new(team_balance::TeamBalance::new(s)),
        Box::new(continuity::Continuity),
        Box::new(even_pace::EvenPace),
        Box::new(vacancy::Vacancy),
        Box::new(vacancy::KeepPosted),
        Box::new(stability::Stability),
    ]
}

/// Whether `j` is a must-fill post: by its own flag, or as a hardship post at the policy's
/// fill level.
pub fn must_fill(s: &Scenario, j: PostIx) -> bool {
    s.post(j).must_fill || hardship::must_fill(s, j)
}

/// Records a finding of `strength`: hard findings carry no penalty, soft ones `weight`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn finding(
    out: &mut Vec<Finding>,
    rule: &'static str,
    strength: Strength,
    weight: f64,
    year: i32,
    person: Option<PersonIx>,
    post: Option<PostIx>,
    message: String,
) {
    let (severity, penalty) = match strength {
        Strength::Hard => (Severity::Hard, 0.0),
        Strength::Soft => (Severity::Soft, weight),
        Strength::Off => return,
    };
    out.push(Finding { rule, severity, year, person, post, penalty, message });
}

/// Records a reward of `amount` (> 0, so a negative penalty) for `person` in `post`.
pub(crate) fn reward(
    out: &mut Vec<Finding>,
    rule: &'static str,
    year: i32,
    person: PersonIx,
    post: PostIx,
    amount: f64,
    message: String,
) {
    out.push(Finding {
        rule,
        severity: Severity::Reward,
        year,
        person: Some(person),
        post: Some(post),
        penalty: -amount,
        message,
    });
}

/// Adds `constant + Σ terms ≤ at_most` (plus a slack priced `weight` when soft, which it
/// returns), unless the binaries can never push it over; without terms, pays or reports
/// the excess the constant alone makes.
#[allow(clippy::too_many_arguments)]
pub(crate) fn limit_row(
    f: &mut Formulation,
    strength: Strength,
    weight: f64,
    name: RowName,
    constant: f64,
    mut terms: Vec<(Col, f64)>,
    at_most: f64,
    conflict: impl FnOnce() -> String,
) -> Option<Col> {
    let most = constant + terms.iter().filter(|t| t.1 > 0.0).map(|t| t.1).sum::<f64>();
    if most <= at_most {
        return None;
    }
    if terms.is_empty() {
        match strength {
            Strength::Hard => f.conflicts.push(conflict()),
            _ => f.model.offset += weight * (constant - at_most),
        }
        return None;
    }
    let aux = ColName::Aux(name.rule, name.a, name.b, name.year);
    let over = (strength == Strength::Soft).then(|| f.model.add_col(0.0, f64::INFINITY, weight, false, aux));
    terms.extend(over.map(|c| (c, -1.0)));
    f.model.add_row(f64::NEG_INFINITY, at_most - constant, terms, name);
    over
}

/// Each official's unbroken runs in each post in `history.csv`, `(first, last)` in order:
/// rows that overlap or join up without a gap merged.
pub(crate) fn history_runs(s: &Scenario) -> std::collections::HashMap<(PersonIx, PostIx), Vec<(i32, i32)>> {
    let mut spans: std::collections::HashMap<(PersonIx, PostIx), Vec<(i32, i32)>> = Default::default();
    for h in &s.history {
        spans.entry((h.person, h.post)).or_default().push((h.from_year, h.to_year));
    }
    for v in spans.values_mut() {
        v.sort();
        let mut merged: Vec<(i32, i32)> = Vec::new();
        for &(a, b) in v.iter() {
            match merged.last_mut() {
                Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        *v = merged;
    }
    spans
}

/// Years `a.person` will have served in `a.post` by the end of `a.year`, if it is their
/// current post (counting from `post_since`).
pub(crate) fn served(s: &Scenario, a: Arc) -> Option<i32> {
    (s.person(a.person).current_post == Some(a.post)).then(|| s.years_in_current_post(a.person, a.year)).flatten()
}

/// `id (name)` of a person, for messages.
pub(crate) fn who(s: &Scenario, p: PersonIx) -> String {
    let person = s.person(p);
    if person.name == person.id {
        person.id.clone() // redacted
    } else {
        format!("{} ({})", person.id, person.name)
    }
}

/// `id (title, unit)` of a post, for messages.
pub(crate) fn what(s: &Scenario, j: PostIx) -> String {
    let post = s.post(j);
    format!("{} ({}, {})", post.id, post.title, s.unit(post.unit).name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn rule_ids_are_unique_and_name_policy_sections() {
        let s = crate::testkit::tiny();
        let rules = super::all(&s);
        let mut ids: Vec<_> = rules.iter().map(|r| r.id()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        let sections = toml::to_string(&crate::policy::Policy::default()).unwrap();
        for id in ids {
            let structural = ["retirement", "pins", "alternatives"].contains(&id);
            assert!(structural || sections.contains(&format!("[{id}]")), "{id} has no policy section");
        }
    }
}

//! The policy: every number and switch of every rule, read from TOML.
//!
//! Local rules differ, so nothing in `rules/` hard-codes a threshold or a weight: each
//! rule reads its own section here. A section missing from the file takes the defaults
//! below, which follow `DOMAIN.md`; an unknown section or key is an error (a typo in a
//! policy must never silently fall back to a default). Weights are penalties per unit of
//! violation (per year, per move, per post-year) in one common currency.
//!
//! This module only describes the policy; what it means lives with each rule.

use serde::{Deserialize, Serialize};

/// How a rule binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// Never violated: excluded from eligibility or enforced as a constraint.
    Hard,
    /// May be violated at a price (its `weight`).
    Soft,
    /// Not applied.
    Off,
}

/// The complete policy. Section names are the rule ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case", deny_unknown_fields, default)]
pub struct Policy {
    /// Empty posts.
    pub vacancy: Vacancy,
    /// Serving officials left without a post.
    pub keep_posted: KeepPosted,
    /// The cost of any move (so that nobody is moved without a reason).
    pub stability: Stability,
    /// Which posts a person may be considered for, by grade.
    pub grade_window: GradeWindow,
    /// Maximum years in one post.
    pub tenure_max: TenureMax,
    /// Minimum years in one post before a move.
    pub tenure_min: TenureMin,
    /// Serving where one comes from.
    pub regional_recusal: RegionalRecusal,
    /// Relatives in the same or a supervising unit.
    pub kinship_recusal: KinshipRecusal,
    /// Officials under audit stay put.
    pub audit_hold: AuditHold,
    /// Open-selection pools (`candidates.csv`).
    pub candidate_pool: CandidatePool,
    /// How far officials move.
    pub exchange_scope: ExchangeScope,
    /// Skills against post domains.
    pub skill_fit: SkillFit,
}

/// `[skill-fit]`: a person's skill level (0–3) in a post's domain is their fit for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SkillFit {
    /// Below this fit a person is not eligible for a post (the current post aside; 0 = off).
    pub min_fit: u8,
    /// Reward per fit point per year held.
    pub weight: f64,
    /// From this age, a move to a post of another domain than the current post costs
    /// `cross_domain_weight`.
    pub age_threshold: i32,
    /// Penalty per cross-domain move of an official at or over `age_threshold`.
    pub cross_domain_weight: f64,
}
impl Default for SkillFit {
    fn default() -> Self {
        SkillFit { min_fit: 1, weight: 0.5, age_threshold: 50, cross_domain_weight: 15.0 }
    }
}

/// `[exchange-scope]`: officials move only among posts in the same region at a level
/// (e.g. within their county, as county-managed officials do); no restriction by default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct ExchangeScope {
    /// Region level that bounds moves (`county` = within the county of the current post;
    /// posts of units above that level form one scope per region). Absent: anywhere.
    pub within: Option<crate::scenario::Level>,
}

/// `[vacancy]`: a post-year without a holder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Vacancy {
    /// Penalty per empty post-year.
    pub weight: f64,
    /// Penalty per empty post-year of a `must_fill` post (when soft).
    pub must_fill_weight: f64,
    /// Whether `must_fill` posts may be left empty at that price (`soft`) or never (`hard`).
    pub must_fill: Strength,
}
impl Default for Vacancy {
    fn default() -> Self {
        Vacancy { weight: 10.0, must_fill_weight: 100.0, must_fill: Strength::Soft }
    }
}

/// `[keep-posted]`: an official who holds a post now and has not retired keeps some post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KeepPosted {
    /// `soft` or `off`.
    pub strength: Strength,
    /// Penalty per person-year without a post.
    pub weight: f64,
}
impl Default for KeepPosted {
    fn default() -> Self {
        KeepPosted { strength: Strength::Soft, weight: 50.0 }
    }
}

/// `[stability]`: every move has a small cost.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Stability {
    /// Penalty per move (taking up a post not held the year before).
    pub weight: f64,
}
impl Default for Stability {
    fn default() -> Self {
        Stability { weight: 1.0 }
    }
}

/// `[grade-window]`: posts a person may be considered for, relative to their grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GradeWindow {
    /// Highest post grade above the person's grade (1 = one-step promotion).
    pub max_up: i32,
    /// Lowest post grade below the person's grade (0 = no demotion).
    pub max_down: i32,
}
impl Default for GradeWindow {
    fn default() -> Self {
        GradeWindow { max_up: 1, max_down: 0 }
    }
}

/// `[tenure-max]`: consecutive years in one post, counting years already served.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TenureMax {
    /// Never more than this many years (0 = no hard cap).
    pub hard_years: u32,
    /// Each year beyond this costs `weight` (0 = no soft limit).
    pub soft_years: u32,
    /// Penalty per year beyond `soft_years`.
    pub weight: f64,
}
impl Default for TenureMax {
    fn default() -> Self {
        TenureMax { hard_years: 10, soft_years: 5, weight: 8.0 }
    }
}

/// `[tenure-min]`: no move before this many years in post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TenureMin {
    /// Minimum years in a post before moving on.
    pub years: u32,
    /// `hard`, `soft` or `off`.
    pub strength: Strength,
    /// Penalty per early move.
    pub weight: f64,
}
impl Default for TenureMin {
    fn default() -> Self {
        TenureMin { years: 3, strength: Strength::Soft, weight: 5.0 }
    }
}

/// Which recorded home place counts for regional recusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Home {
    /// Native place (籍贯).
    Native,
    /// Birthplace (出生地).
    Birth,
    /// Place of growing up (成长地).
    Grewup,
}

/// `[regional-recusal]`: no `regional_recusal` post in a region that is or contains a home.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RegionalRecusal {
    /// Which home places count.
    pub homes: Vec<Home>,
    /// Region levels at which serving at home is forbidden.
    pub hard_levels: Vec<crate::scenario::Level>,
    /// Region levels at which serving at home costs `weight` per year.
    pub soft_levels: Vec<crate::scenario::Level>,
    /// Penalty per year in a soft-level home post.
    pub weight: f64,
}
impl Default for RegionalRecusal {
    fn default() -> Self {
        use crate::scenario::Level;
        RegionalRecusal {
            homes: vec![Home::Grewup],
            hard_levels: vec![Level::County, Level::Township],
            soft_levels: vec![Level::Prefecture],
            weight: 20.0,
        }
    }
}

/// `[kinship-recusal]`: relatives not in the same unit or team, nor over each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KinshipRecusal {
    /// `hard`, `soft` or `off`.
    pub strength: Strength,
    /// Relation kinds that count.
    pub kinds: Vec<crate::scenario::Kinship>,
    /// Whether a unit and the unit it directly supervises also conflict.
    pub supervision: bool,
    /// Penalty per conflicting pair and year (when soft).
    pub weight: f64,
}
impl Default for KinshipRecusal {
    fn default() -> Self {
        use crate::scenario::Kinship;
        KinshipRecusal {
            strength: Strength::Hard,
            kinds: vec![Kinship::Spouse, Kinship::DirectBlood, Kinship::Collateral3, Kinship::InLaw],
            supervision: true,
            weight: 100.0,
        }
    }
}

/// `[audit-hold]`: an official under audit stays in post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuditHold {
    /// How many planned years, from the first, the hold lasts (0 = off).
    pub years: u32,
}
impl Default for AuditHold {
    fn default() -> Self {
        AuditHold { years: 1 }
    }
}

/// `[candidate-pool]`: open-selection pools from `candidates.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CandidatePool {
    /// Reward per point of score per year held.
    pub score_weight: f64,
}
impl Default for CandidatePool {
    fn default() -> Self {
        CandidatePool { score_weight: 1.0 }
    }
}

impl Policy {
    /// Semantic checks that TOML typing cannot express, as `(key, message)` pairs.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut weight = |key: &str, w: f64| {
            if !(w.is_finite() && w >= 0.0) {
                out.push((key.to_string(), format!("must be a finite number >= 0, got {w}")));
            }
        };
        weight("vacancy.weight", self.vacancy.weight);
        weight("vacancy.must_fill_weight", self.vacancy.must_fill_weight);
        weight("keep-posted.weight", self.keep_posted.weight);
        weight("stability.weight", self.stability.weight);
        weight("tenure-max.weight", self.tenure_max.weight);
        weight("tenure-min.weight", self.tenure_min.weight);
        weight("regional-recusal.weight", self.regional_recusal.weight);
        weight("kinship-recusal.weight", self.kinship_recusal.weight);
        weight("candidate-pool.score_weight", self.candidate_pool.score_weight);
        weight("skill-fit.weight", self.skill_fit.weight);
        weight("skill-fit.cross_domain_weight", self.skill_fit.cross_domain_weight);
        if self.skill_fit.min_fit > 3 {
            out.push(("skill-fit.min_fit".into(), "must be 0–3".into()));
        }
        if self.vacancy.must_fill == Strength::Off {
            out.push(("vacancy.must_fill".into(), "must be \"hard\" or \"soft\"".into()));
        }
        if self.keep_posted.strength == Strength::Hard {
            out.push(("keep-posted.strength".into(), "must be \"soft\" or \"off\"".into()));
        }
        if self.grade_window.max_up < 0 || self.grade_window.max_down < 0 {
            out.push(("grade-window".into(), "max_up and max_down must be >= 0".into()));
        }
        let tm = &self.tenure_max;
        if tm.hard_years > 0 && tm.soft_years > tm.hard_years {
            out.push(("tenure-max.soft_years".into(), format!("{} exceeds hard_years {}", tm.soft_years, tm.hard_years)));
        }
        for l in &self.regional_recusal.hard_levels {
            if self.regional_recusal.soft_levels.contains(l) {
                out.push(("regional-recusal".into(), format!("level {} is both hard and soft", l.as_str())));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_gives_defaults() {
        let p: Policy = toml::from_str("").unwrap();
        assert_eq!(p, Policy::default());
        assert!(p.problems().is_empty());
    }

    #[test]
    fn unknown_key_is_an_error() {
        let e = toml::from_str::<Policy>("[tenure-max]\nhard_yeras = 8\n").unwrap_err();
        assert!(e.to_string().contains("hard_yeras"), "{e}");
        let e = toml::from_str::<Policy>("[tenure-maxx]\n").unwrap_err();
        assert!(e.to_string().contains("tenure-maxx"), "{e}");
    }

    #[test]
    fn partial_section_keeps_other_defaults() {
        let p: Policy = toml::from_str("[tenure-max]\nhard_years = 8\n").unwrap();
        assert_eq!(p.tenure_max.hard_years, 8);
        assert_eq!(p.tenure_max.soft_years, 5);
    }

    #[test]
    fn problems_are_reported() {
        let p: Policy = toml::from_str("[tenure-max]\nhard_years = 4\nsoft_years = 5\n[stability]\nweight = -1\n").unwrap();
        let keys: Vec<_> = p.problems().into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, vec!["stability.weight", "tenure-max.soft_years"]);
    }
}

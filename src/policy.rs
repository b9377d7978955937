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

/// The largest weight a policy may give. Weights are objective coefficients: beyond about
/// 10^6 against the unit weights of other rules, the solver's tolerances start to decide
/// the plan (and from 10^20 HiGHS reads a coefficient as infinite); make such a rule hard.
pub const MAX_WEIGHT: f64 = 1e6;

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
    /// What counts as exchange: where tenure years count, no desk swaps inside a unit.
    pub exchange: Exchange,
    /// Maximum years in one post.
    pub tenure_max: TenureMax,
    /// Minimum years in one post before a move.
    pub tenure_min: TenureMin,
    /// Serving where one comes from.
    pub regional_recusal: RegionalRecusal,
    /// Relatives in the same or a supervising unit.
    pub kinship_recusal: KinshipRecusal,
    /// No post in the regulator of a firm a spouse or child runs.
    pub business_interest: BusinessInterest,
    /// Officials under audit stay put.
    pub audit_hold: AuditHold,
    /// Open-selection pools (`candidates.csv`).
    pub candidate_pool: CandidatePool,
    /// How far officials move.
    pub exchange_scope: ExchangeScope,
    /// Skills against post domains.
    pub skill_fit: SkillFit,
    /// Hardship posts: rewards, filling, promotion credit.
    pub hardship: Hardship,
    /// Grassroots or hardship postings for young cadres.
    pub young_cadre: YoungCadre,
    /// Years in grade before a promotion.
    pub promotion: Promotion,
    /// At most so many years in total at one grade.
    pub grade_cap: GradeCap,
    /// Heads and sensitive posts first.
    pub priority_groups: PriorityGroups,
    /// At most two consecutive terms in one post.
    pub term_cap: TermCap,
    /// Term posts are held through the term: one mid-term move a term.
    pub stay_term: StayTerm,
    /// Officials close to retirement stay put.
    pub near_retirement: NearRetirement,
    /// Temporary postings last 1–2 years.
    pub temporary: Temporary,
    /// Leadership teams: churn, paired heads, make-up.
    pub team_balance: TeamBalance,
    /// Moves spread evenly over the years.
    pub even_pace: EvenPace,
    /// Departures per unit and year.
    pub continuity: Continuity,
    /// Changes against a published plan (`rotaplan replan`).
    pub replan: Replan,
}

/// `[hardship]`: posts in units of hardship level 1–3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Hardship {
    /// Reward per hardship level per year a hardship post is held.
    pub weight: f64,
    /// Posts of this hardship level or more count as `must_fill` for `[vacancy]` (0 = off).
    pub fill_level: u8,
    /// Penalty on a promotion per year of hardship service short of `credit_years`, so
    /// that among comparable candidates those with hardship service are promoted.
    pub promotion_credit: f64,
    /// Hardship years that earn the full credit.
    pub credit_years: u32,
}
impl Default for Hardship {
    fn default() -> Self {
        Hardship { weight: 2.0, fill_level: 0, promotion_credit: 0.5, credit_years: 5 }
    }
}

/// `[young-cadre]`: young cadres with little grassroots experience get a grassroots or
/// hardship posting within the horizon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct YoungCadre {
    /// `hard`, `soft` or `off`.
    pub strength: Strength,
    /// Young cadres with fewer grassroots plus hardship years than this need a posting.
    pub min_years: u32,
    /// Penalty per young cadre left without such a posting (when soft).
    pub weight: f64,
}
impl Default for YoungCadre {
    fn default() -> Self {
        YoungCadre { strength: Strength::Soft, min_years: 2, weight: 30.0 }
    }
}

/// `[promotion]`: minimum years in grade before taking a post of a higher grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Promotion {
    /// `hard`, `soft` or `off`.
    pub strength: Strength,
    /// Years in grade before promotion to a head post (deputy to head of the same level).
    pub deputy_years: u32,
    /// Years in grade before promotion to a deputy or member post (lower head to higher deputy).
    pub head_years: u32,
    /// Penalty per premature promotion (when soft).
    pub weight: f64,
}
impl Default for Promotion {
    fn default() -> Self {
        Promotion { strength: Strength::Hard, deputy_years: 2, head_years: 3, weight: 20.0 }
    }
}

/// `[grade-cap]`: nobody holds a post of their own grade for more than `years` years in
/// total at that grade (years already served in it, `years_in_grade`, included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GradeCap {
    /// `hard`, `soft` or `off`.
    pub strength: Strength,
    /// Years in total at one grade.
    pub years: u32,
    /// Penalty per year beyond the cap (when soft).
    pub weight: f64,
    /// Only `head` posts (the heads the rule names) or every post.
    pub heads_only: bool,
}
impl Default for GradeCap {
    fn default() -> Self {
        GradeCap { strength: Strength::Hard, years: 15, weight: 20.0, heads_only: true }
    }
}

/// `[priority-groups]`: over-tenure of heads and in sensitive posts is resolved first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PriorityGroups {
    /// Extra penalty per year a head spends beyond `[tenure-max] soft_years`.
    pub head_weight: f64,
    /// Tenure limit in `sensitive` posts (0 = none).
    pub sensitive_years: u32,
    /// `hard` or `soft` for the sensitive limit.
    pub sensitive_strength: Strength,
    /// Penalty per year beyond `sensitive_years` (when soft).
    pub sensitive_weight: f64,
    /// Where the years count.
    pub count_in: CountIn,
}
impl Default for PriorityGroups {
    fn default() -> Self {
        PriorityGroups {
            head_weight: 8.0,
            sensitive_years: 5,
            sensitive_strength: Strength::Soft,
            sensitive_weight: 12.0,
            count_in: CountIn::Auto,
        }
    }
}

/// `[term-cap]`: no more than `max_terms` consecutive terms in one post, counting earlier
/// terms from `history.csv`; afterwards not reappointed to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TermCap {
    /// `hard`, `soft` or `off`.
    pub strength: Strength,
    /// Years in a term.
    pub term_years: u32,
    /// Consecutive terms allowed.
    pub max_terms: u32,
    /// Only `head` posts (as the rules say) or every post.
    pub heads_only: bool,
    /// Penalty per year beyond the cap (when soft).
    pub weight: f64,
    /// Where the years count.
    pub count_in: CountIn,
}
impl Default for TermCap {
    fn default() -> Self {
        TermCap { strength: Strength::Hard, term_years: 5, max_terms: 2, heads_only: true, weight: 30.0, count_in: CountIn::Auto }
    }
}

/// `[stay-term]`: the holder of a term post serves through the term. Leaving one by choice
/// before its unit's next re-election (mid-term) is the one adjustment a term allows; a
/// second mid-term move less than a term after another (`[even-pace] term_years`, the
/// re-election cycle) is what the rule prices or forbids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StayTerm {
    /// `soft` (the default, DOMAIN.md's "strong soft": a post that must be filled is the
    /// special work need a term's second move may answer), `hard` (a move that staying
    /// would not allow never counts, so it binds only moves by choice) or `off`.
    pub strength: Strength,
    /// Penalty per pair of mid-term moves of one official less than a term apart (soft).
    pub weight: f64,
    /// Only `head` posts are term posts (as the rules say), or every post of a unit with a
    /// re-election year.
    pub heads_only: bool,
}
impl Default for StayTerm {
    fn default() -> Self {
        StayTerm { strength: Strength::Soft, weight: 40.0, heads_only: true }
    }
}

/// `[near-retirement]`: officials within `years` of retirement are not moved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NearRetirement {
    /// `hard`, `soft` or `off`.
    pub strength: Strength,
    /// A move with this many years or fewer left before retirement counts.
    pub years: u32,
    /// Penalty per such move (when soft).
    pub weight: f64,
}
impl Default for NearRetirement {
    fn default() -> Self {
        NearRetirement { strength: Strength::Soft, years: 3, weight: 25.0 }
    }
}

/// `[temporary]` (hard): a `temporary` post is held `min_years` to `max_years` years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Temporary {
    /// Shortest posting (unless cut by the horizon or retirement).
    pub min_years: u32,
    /// Longest posting, counting years already served.
    pub max_years: u32,
}
impl Default for Temporary {
    fn default() -> Self {
        Temporary { min_years: 1, max_years: 2 }
    }
}

/// `[team-balance]`: leadership teams change gradually and keep a balanced make-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TeamBalance {
    /// Share of a team's posts that may get new members in one year (at least one).
    pub churn_share: f64,
    /// `hard`, `soft` or `off` for the churn limit.
    pub churn_strength: Strength,
    /// Penalty per new member beyond the limit.
    pub churn_weight: f64,
    /// `hard`, `soft` or `off`: the heads of a unit and of its paired unit do not both leave
    /// in one year.
    pub paired_heads: Strength,
    /// Penalty per year both leave.
    pub paired_weight: f64,
    /// Penalty per team-year without a woman.
    pub woman_weight: f64,
    /// Age under which a member counts as young.
    pub young_age: i32,
    /// Penalty per team-year without a member under `young_age`.
    pub young_weight: f64,
    /// Penalty per team-year and listed domain (`teams.csv`) nobody covers.
    pub domain_weight: f64,
    /// Skill level that covers a domain.
    pub domain_level: u8,
    /// Most members of a listed team are under this age: at most `⌈posts / 2⌉ − 1` members
    /// of this age or older.
    pub under_age: i32,
    /// Penalty per team-year and member of `under_age` or older beyond that number.
    pub older_weight: f64,
    /// Oldest age at which someone is appointed to a post of a listed team.
    pub appointee_max_age: i32,
    /// Penalty per appointment to a post of a listed team of someone older.
    pub age_weight: f64,
}
impl Default for TeamBalance {
    fn default() -> Self {
        TeamBalance {
            churn_share: 1.0 / 3.0,
            churn_strength: Strength::Soft,
            churn_weight: 10.0,
            paired_heads: Strength::Soft,
            paired_weight: 20.0,
            woman_weight: 3.0,
            young_age: 40,
            young_weight: 3.0,
            domain_weight: 2.0,
            domain_level: 2,
            under_age: 50,
            older_weight: 3.0,
            appointee_max_age: 52,
            age_weight: 5.0,
        }
    }
}

/// `[even-pace]`: moves per year stay within a band around the horizon's average.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EvenPace {
    /// `soft` or `off`.
    pub strength: Strength,
    /// Half-width of the band, as a share of the average (0.25 = ±25%).
    pub band: f64,
    /// Penalty per move above or below the band.
    pub weight: f64,
    /// Reward per move into a unit in its re-election year (`units.csv reelection_year`).
    pub reelection_bonus: f64,
    /// Years between re-elections.
    pub term_years: u32,
}
impl Default for EvenPace {
    fn default() -> Self {
        EvenPace { strength: Strength::Soft, band: 0.25, weight: 2.0, reelection_bonus: 1.0, term_years: 5 }
    }
}

/// `[replan]`: what each change against the published plan costs when re-planning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Replan {
    /// Cost per person-year of the years not frozen that differs from the published plan.
    pub weight: f64,
}
impl Default for Replan {
    fn default() -> Self {
        Replan { weight: 20.0 }
    }
}

/// `[continuity]`: at most `max_departures` people leave a unit's posts in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Continuity {
    /// `hard`, `soft` or `off`.
    pub strength: Strength,
    /// Departures per unit and year allowed.
    pub max_departures: u32,
    /// Penalty per departure beyond.
    pub weight: f64,
}
impl Default for Continuity {
    fn default() -> Self {
        Continuity { strength: Strength::Soft, max_departures: 2, weight: 10.0 }
    }
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

/// `[stability]`: every move has a small cost; how many moves an official may make.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Stability {
    /// Penalty per move (taking up a post not held the year before).
    pub weight: f64,
    /// Moves per official over the horizon (0 = as the other rules allow: a post left within
    /// the horizon is held for the minimum stay, or a temporary posting's length). The
    /// default is 1: more moves cost a large pool its plan within the time (BENCHMARKS.md).
    pub max_moves: u32,
}
impl Default for Stability {
    fn default() -> Self {
        Stability { weight: 1.0, max_moves: 1 }
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

/// Where a tenure rule counts an official's years: only a move out of that scope ends the
/// count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CountIn {
    /// In the post.
    Post,
    /// In the unit (organ).
    Unit,
    /// In the place: the region the unit governs or sits in.
    Place,
    /// In the place for heads and deputies of a unit whose kind is one of
    /// `[exchange] place_kinds` (a place's party committee and government, a township), in
    /// the unit otherwise.
    Auto,
}

/// `[exchange]`: what counts as exchange (交流): a move to another place or organ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Exchange {
    /// Unit kinds whose heads and deputies count their years in the place (`count_in = "auto"`).
    pub place_kinds: Vec<String>,
    /// A move to another post of the same grade inside the same unit (a desk swap): `hard`
    /// (not allowed) or `off`.
    pub same_unit: Strength,
    /// Whether an official may rotate inside the unit (轮岗) out of a `sensitive` post.
    pub rotate_sensitive: bool,
}
impl Default for Exchange {
    fn default() -> Self {
        Exchange {
            place_kinds: vec!["party_committee".into(), "government".into(), "township".into()],
            same_unit: Strength::Hard,
            rotate_sensitive: true,
        }
    }
}

/// `[tenure-max]`: consecutive years in one post, unit or place, counting years already
/// served.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TenureMax {
    /// Never more than this many years (0 = no hard cap).
    pub hard_years: u32,
    /// Each year beyond this costs `weight` (0 = no soft limit).
    pub soft_years: u32,
    /// Penalty per year beyond `soft_years`.
    pub weight: f64,
    /// Where the years count.
    pub count_in: CountIn,
}
impl Default for TenureMax {
    fn default() -> Self {
        TenureMax { hard_years: 10, soft_years: 5, weight: 8.0, count_in: CountIn::Auto }
    }
}

/// `[tenure-min]`: no move before this many years in post unless forced (a hard rule
/// against staying, a must-fill post, a promotion).
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
        TenureMin { years: 3, strength: Strength::Hard, weight: 5.0 }
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
    /// Where relatives' current posts conflict at the start: `lower`, the lower-ranked
    /// one leaves their post (while the other has not retired); `either`, the plan chooses.
    pub who_moves: WhoMoves,
}

/// Which of two relatives whose current posts conflict moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WhoMoves {
    /// The lower-ranked one (lower grade; then fewer years in post; then the later id).
    Lower,
    /// Either one, as the plan finds best.
    Either,
}

/// `[business-interest]`: an official whose spouse or child runs a firm holds no post of
/// the unit that regulates it (`interests.csv`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BusinessInterest {
    /// `hard`, `soft` or `off`.
    pub strength: Strength,
    /// Penalty per year in such a post (when soft).
    pub weight: f64,
}
impl Default for BusinessInterest {
    fn default() -> Self {
        BusinessInterest { strength: Strength::Hard, weight: 100.0 }
    }
}

impl Default for KinshipRecusal {
    fn default() -> Self {
        use crate::scenario::Kinship;
        KinshipRecusal {
            strength: Strength::Hard,
            kinds: vec![Kinship::Spouse, Kinship::DirectBlood, Kinship::Collateral3, Kinship::InLaw],
            supervision: true,
            weight: 100.0,
            who_moves: WhoMoves::Lower,
        }
    }
}

/// `[audit-hold]`: an official under audit stays in post until the hold ends
/// (`people.csv audit_hold_until`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuditHold {
    /// How many planned years, from the first, a hold with an unknown end lasts (0 = the
    /// whole horizon).
    pub years: u32,
}
impl Default for AuditHold {
    fn default() -> Self {
        AuditHold { years: 1 }
    }
}
impl AuditHold {
    /// The last year of a hold with an unknown end, for a horizon from `start_year` of
    /// `horizon` years.
    pub fn unknown_end(&self, start_year: i32, horizon: u32) -> i32 {
        let years = if self.years == 0 { horizon } else { self.years };
        start_year + years as i32 - 1
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
    /// The policy with one parameter changed: `key` is `section.parameter` (as in a policy
    /// file, e.g. `tenure-max.hard_years`), `value` a TOML value (`8`, `0.5`, `"hard"` or
    /// `hard`, `["native", "birth"]`). Unknown sections and parameters and values of the
    /// wrong type are errors, in words; the semantic checks are [`Policy::problems`]' (run
    /// them once every change is made).
    pub fn with(&self, key: &str, value: &str) -> Result<Policy, String> {
        let (section, field) = key.split_once('.').ok_or_else(|| format!("expected SECTION.PARAMETER, got {key:?}"))?;
        let mut all = toml::Table::try_from(self).map_err(|e| e.to_string())?;
        let table = all
            .get_mut(section)
            .and_then(toml::Value::as_table_mut)
            .ok_or_else(|| format!("no section [{section}] in the policy (docs/rules.md lists them)"))?;
        // A bare word is a string (`hard`); anything else is read as TOML.
        let parsed = toml::from_str::<toml::Table>(&format!("v = {value}"))
            .ok()
            .and_then(|mut t| t.remove("v"))
            .unwrap_or_else(|| toml::Value::String(value.to_string()));
        table.insert(field.to_string(), parsed);
        all.try_into().map_err(|e: toml::de::Error| e.message().to_string())
    }

    /// Semantic checks that TOML typing cannot express, as `(key, message)` pairs.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut weight = |key: &str, w: f64| {
            if !(0.0..=MAX_WEIGHT).contains(&w) {
                out.push((key.to_string(), format!("must be a number from 0 to {MAX_WEIGHT}, got {w}")));
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
        weight("business-interest.weight", self.business_interest.weight);
        weight("grade-cap.weight", self.grade_cap.weight);
        weight("team-balance.older_weight", self.team_balance.older_weight);
        weight("team-balance.age_weight", self.team_balance.age_weight);
        weight("candidate-pool.score_weight", self.candidate_pool.score_weight);
        weight("skill-fit.weight", self.skill_fit.weight);
        weight("skill-fit.cross_domain_weight", self.skill_fit.cross_domain_weight);
        weight("hardship.weight", self.hardship.weight);
        weight("hardship.promotion_credit", self.hardship.promotion_credit);
        weight("young-cadre.weight", self.young_cadre.weight);
        weight("promotion.weight", self.promotion.weight);
        weight("priority-groups.head_weight", self.priority_groups.head_weight);
        weight("priority-groups.sensitive_weight", self.priority_groups.sensitive_weight);
        weight("term-cap.weight", self.term_cap.weight);
        weight("stay-term.weight", self.stay_term.weight);
        weight("near-retirement.weight", self.near_retirement.weight);
        weight("team-balance.churn_weight", self.team_balance.churn_weight);
        weight("team-balance.paired_weight", self.team_balance.paired_weight);
        weight("team-balance.woman_weight", self.team_balance.woman_weight);
        weight("team-balance.young_weight", self.team_balance.young_weight);
        weight("team-balance.domain_weight", self.team_balance.domain_weight);
        weight("even-pace.weight", self.even_pace.weight);
        weight("even-pace.reelection_bonus", self.even_pace.reelection_bonus);
        weight("continuity.weight", self.continuity.weight);
        weight("replan.weight", self.replan.weight);
        if self.hardship.fill_level > 3 {
            out.push(("hardship.fill_level".into(), "must be 0–3".into()));
        }
        if self.priority_groups.sensitive_strength == Strength::Off {
            out.push((
                "priority-groups.sensitive_strength".into(),
                "must be \"hard\" or \"soft\" (sensitive_years = 0 turns it off)".into(),
            ));
        }
        if self.term_cap.term_years == 0 || self.term_cap.max_terms == 0 {
            out.push(("term-cap".into(), "term_years and max_terms must be >= 1".into()));
        }
        let t = &self.temporary;
        if t.min_years == 0 || t.min_years > t.max_years {
            out.push(("temporary".into(), format!("need 1 <= min_years <= max_years, got {} and {}", t.min_years, t.max_years)));
        }
        if !(self.team_balance.churn_share > 0.0 && self.team_balance.churn_share <= 1.0) {
            out.push(("team-balance.churn_share".into(), "must be in (0, 1]".into()));
        }
        if !(self.even_pace.band >= 0.0 && self.even_pace.band.is_finite()) {
            out.push(("even-pace.band".into(), "must be a finite number >= 0".into()));
        }
        if self.even_pace.strength == Strength::Hard {
            out.push(("even-pace.strength".into(), "must be \"soft\" or \"off\"".into()));
        }
        if self.even_pace.term_years == 0 {
            out.push(("even-pace.term_years".into(), "must be >= 1".into()));
        }
        if self.grade_cap.years == 0 {
            out.push(("grade-cap.years".into(), "must be >= 1 (strength = \"off\" turns the cap off)".into()));
        }
        if self.skill_fit.min_fit > 3 {
            out.push(("skill-fit.min_fit".into(), "must be 0–3".into()));
        }
        if self.vacancy.must_fill == Strength::Off {
            out.push(("vacancy.must_fill".into(), "must be \"hard\" or \"soft\"".into()));
        }
        if self.exchange.same_unit == Strength::Soft {
            out.push(("exchange.same_unit".into(), "must be \"hard\" or \"off\"".into()));
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

    #[test]
    fn one_parameter_is_changed_by_name() {
        let p = Policy::default();
        let q = p.with("tenure-max.hard_years", "8").unwrap();
        assert_eq!((q.tenure_max.hard_years, p.tenure_max.hard_years), (8, 10));
        assert_eq!(Policy { tenure_max: p.tenure_max.clone(), ..q.clone() }, p, "nothing else changes");
        assert_eq!(p.with("continuity.strength", "hard").unwrap().continuity.strength, Strength::Hard);
        assert_eq!(p.with("continuity.strength", "\"off\"").unwrap().continuity.strength, Strength::Off);
        let homes = p.with("regional-recusal.homes", r#"["native", "birth"]"#).unwrap().regional_recusal.homes;
        assert_eq!(homes.len(), 2);
        for (key, value, says) in [
            ("tenure-max", "8", "expected SECTION.PARAMETER"),
            ("tenure-maxx.hard_years", "8", "no section [tenure-maxx]"),
            ("tenure-max.hard_yeras", "8", "hard_yeras"),
            ("tenure-max.hard_years", "eight", "invalid type"),
        ] {
            let err = p.with(key, value).unwrap_err();
            assert!(err.contains(says), "{key}={value}: {err}");
        }
        let negative = p.with("stability.weight", "-1").unwrap();
        assert_eq!(negative.problems()[0].0, "stability.weight", "the semantic checks are left to problems()");
    }

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

//! Exchange (交流): a move takes an official to another place or organ. Two things follow.
//!
//! - **Where tenure years count.** Each tenure rule (`tenure-max`, `priority-groups`,
//!   `term-cap`) counts an official's years in a scope its `count_in` names: the post, the
//!   unit, or the place (the region the unit governs or sits in); `auto` counts in the
//!   place for heads and deputies of a unit whose kind is in `place_kinds` (a place's party
//!   committee and government, a township), in the unit otherwise. Only a move out of the
//!   scope ends the count. [`Clock`] keeps, per official, the first year of their unbroken
//!   run in the scope of their current post: `post_since`, extended back by the
//!   `history.csv` rows in the same scope that join up with it. Within the horizon the
//!   count of that start scope runs on every year (years away or in the reserve included:
//!   coming back within five years does not restart it); a scope entered within the horizon
//!   counts from the first year of the post taken up there.
//! - **No desk swaps (hard, or off).** A move to another post of the same grade in the
//!   same unit (straight away or after years in the reserve) is not exchange: it is
//!   excluded, except rotation (轮岗) out of a `sensitive`
//!   post when `rotate_sensitive` allows it. A promotion inside the unit stays allowed.
//!
//! Model: the start scope's count is known per arc, so tenure rules price or exclude arcs;
//! a post outside it counts per stint. Desk swaps are excluded pairs; no rows.

use super::{finding, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::{CountIn, Strength};
use crate::scenario::{PersonIx, PostIx, RegionIx, Role, Scenario, UnitIx};

/// Where years in a post count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// In the post itself.
    Post(PostIx),
    /// In the unit.
    Unit(UnitIx),
    /// In the place.
    Place(RegionIx),
}

impl Scope {
    /// Index of the scope's kind (for per-kind tables).
    fn kind(self) -> usize {
        match self {
            Scope::Post(_) => 0,
            Scope::Unit(_) => 1,
            Scope::Place(_) => 2,
        }
    }

    /// The scope of the same kind that contains post `k`.
    fn of(self, s: &Scenario, k: PostIx) -> Scope {
        match self {
            Scope::Post(_) => Scope::Post(k),
            Scope::Unit(_) => Scope::Unit(s.post(k).unit),
            Scope::Place(_) => Scope::Place(s.post_region(k)),
        }
    }

    /// The unit's or the place's name, or `post <id>`.
    pub fn label(self, s: &Scenario) -> String {
        match self {
            Scope::Post(j) => format!("post {}", s.post(j).id),
            Scope::Unit(u) => s.unit(u).name.clone(),
            Scope::Place(r) => s.region(r).name.clone(),
        }
    }

    /// `in post`, `in <unit>`, `in <place>`, for messages.
    pub fn name(self, s: &Scenario) -> String {
        match self {
            Scope::Post(_) => "in post".into(),
            Scope::Unit(u) => format!("in {}", s.unit(u).name),
            Scope::Place(r) => format!("in {}", s.region(r).name),
        }
    }
}

/// Where years in post `j` count under `count`.
pub fn scope(s: &Scenario, count: CountIn, j: PostIx) -> Scope {
    let post = s.post(j);
    let place = || Scope::Place(s.post_region(j));
    match count {
        CountIn::Post => Scope::Post(j),
        CountIn::Unit => Scope::Unit(post.unit),
        CountIn::Place => place(),
        CountIn::Auto => {
            let local = s.policy.exchange.place_kinds.iter().any(|k| *k == s.unit(post.unit).kind);
            if local && matches!(post.role, Role::Head | Role::Deputy) {
                place()
            } else {
                Scope::Unit(post.unit)
            }
        }
    }
}

/// The years officials have counted in the scopes of their current posts.
pub struct Clock {
    count: CountIn,
    /// Per person and scope kind (post, unit, place): the first year of the unbroken run in
    /// the current post's scope of that kind.
    since: Vec<[Option<i32>; 3]>,
}

impl Clock {
    /// Runs back from `post_since` through the `history.csv` rows that join up, per kind.
    pub fn new(s: &Scenario, count: CountIn) -> Clock {
        let mut history: Vec<Vec<(i32, i32, PostIx)>> = vec![Vec::new(); s.people.len()];
        for h in &s.history {
            history[h.person.0 as usize].push((h.from_year, h.to_year, h.post));
        }
        let since = s
            .people_ix()
            .map(|(p, person)| {
                let (Some(c), Some(since)) = (person.current_post, person.post_since) else { return [None; 3] };
                let rows = &history[p.0 as usize];
                [Scope::Post(c), Scope::Unit(s.post(c).unit), Scope::Place(s.post_region(c))].map(|key| {
                    let mut first = since;
                    while let Some(&(from, _, _)) =
                        rows.iter().find(|&&(from, to, k)| from < first && to + 1 >= first && key.of(s, k) == key)
                    {
                        first = from;
                    }
                    Some(first)
                })
            })
            .collect();
        Clock { count, since }
    }

    /// The scope of `j` under this clock's `count_in`.
    pub fn scope(&self, s: &Scenario, j: PostIx) -> Scope {
        scope(s, self.count, j)
    }

    /// Years `p` has counted by the end of `year` in the scope of `j`, if `j` lies in the
    /// scope of their current post (the start scope); `None` otherwise.
    pub fn years(&self, s: &Scenario, p: PersonIx, j: PostIx, year: i32) -> Option<i32> {
        let key = self.scope(s, j);
        let c = s.person(p).current_post?;
        if key.of(s, c) != key {
            return None;
        }
        self.since[p.0 as usize][key.kind()].map(|since| year - since + 1)
    }

    /// Years `p`, holding `j` in `year` in `plan`, has counted in `j`'s scope: the start
    /// scope's count, or the run in `j` for a scope entered within the horizon. The form
    /// the model prices: arcs in the start scope, stints elsewhere.
    pub fn counted(&self, s: &Scenario, plan: &Plan, p: PersonIx, j: PostIx, year: i32) -> i32 {
        self.years(s, p, j, year).unwrap_or_else(|| plan.run_length(s, p, year))
    }

    /// Whether `p`, holding `from` in `year − 1` in `plan`, is out of its scope in `year`
    /// (out of post, or in a post whose years count elsewhere): only such a move answers a
    /// limit counted there, and only its reason names the years (a county head made the
    /// county's party secretary goes on counting years in the county).
    pub fn leaves(&self, s: &Scenario, plan: &Plan, p: PersonIx, from: PostIx, year: i32) -> bool {
        plan.post(s, p, year).is_none_or(|to| self.scope(s, to) != self.scope(s, from))
    }

    /// The years `p` counted in `from`'s scope by `year − 1` (see [`Clock::counted`]) when
    /// they leave that scope in `year` ([`Clock::leaves`]); `None` when the move stays in
    /// it. What a tenure limit's reason to leave reads.
    pub fn counted_on_leaving(&self, s: &Scenario, plan: &Plan, p: PersonIx, from: PostIx, year: i32) -> Option<i32> {
        self.leaves(s, plan, p, from, year).then(|| self.counted(s, plan, p, from, year - 1))
    }
}

/// Where an official kept in a scope past a tenure limit could have gone: the posts
/// outside that scope open to them (eligible by every rule) in some year of `years`, and,
/// when there is none, the posts outside it by the first rule that excludes each in the
/// last of those years (most first). What the plan's quality report says of an official
/// it keeps past a soft limit: with nowhere else to go but the reserve, the rules that
/// exclude the rest are why.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Elsewhere {
    /// Posts outside the scope open to the official, in post order.
    pub open: Vec<PostIx>,
    /// When none is: per rule, the posts outside the scope it excludes first.
    pub excluded: Vec<(&'static str, usize)>,
}

/// [`Elsewhere`] for `p`, counting years in `scope`, over `years`.
pub fn elsewhere(s: &Scenario, rules: &[Box<dyn super::Rule>], p: PersonIx, scope: Scope, years: (i32, i32)) -> Elsewhere {
    let (first, last) = years;
    let bits = (first..=last).map(|y| y - s.start_year).filter(|t| (0..32).contains(t)).fold(0u32, |m, t| m | 1 << t);
    let outside = |k: PostIx| scope.of(s, k) != scope;
    let open: Vec<PostIx> = crate::eligibility::options_of(s, rules, p)
        .into_iter()
        .filter(|&(k, mask)| mask & bits != 0 && outside(k))
        .map(|(k, _)| k)
        .collect();
    let mut excluded = Vec::new();
    if open.is_empty() {
        let arcs = s.posts_ix().filter(|&(k, _)| outside(k)).map(|(k, _)| ((), Arc { person: p, post: k, year: last }));
        let (_, by_rule) = crate::eligibility::by_first_exclusion(s, rules, arcs);
        excluded = by_rule.into_iter().map(|(rule, posts)| (rule, posts.len())).collect();
        excluded.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    }
    Elsewhere { open, excluded }
}

/// How far a move from `from` to `to` goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reach {
    /// To another place.
    Place,
    /// To another unit of the same place.
    Unit,
    /// Inside the unit.
    InsideUnit,
}

/// How far the move from `from` to `to` goes.
pub fn reach(s: &Scenario, from: PostIx, to: PostIx) -> Reach {
    if s.post_region(from) != s.post_region(to) {
        Reach::Place
    } else if s.post(from).unit != s.post(to).unit {
        Reach::Unit
    } else {
        Reach::InsideUnit
    }
}

/// Whether moving from `from` to `to` is a desk swap the policy forbids: another post of the
/// same grade in the same unit, other than rotation out of a sensitive post where allowed.
pub fn desk_swap(s: &Scenario, from: PostIx, to: PostIx) -> bool {
    let ex = &s.policy.exchange;
    let (a, b) = (s.post(from), s.post(to));
    ex.same_unit == Strength::Hard
        && from != to
        && a.unit == b.unit
        && a.grade == b.grade
        && !(ex.rotate_sensitive && a.sensitive)
}

/// Whether the move from `from` to `to` is rotation inside the unit: another post of the
/// same or a lower grade in the same unit (out of a sensitive post, unless the desk-swap
/// rule is off).
pub fn rotation(s: &Scenario, from: PostIx, to: PostIx) -> bool {
    reach(s, from, to) == Reach::InsideUnit && s.post(to).grade <= s.post(from).grade
}

/// What counts as exchange.
pub struct Exchange;

impl Rule for Exchange {
    fn id(&self) -> &'static str {
        "exchange"
    }

    fn excludes_pair(&self, s: &Scenario, p: PersonIx, j: PostIx) -> bool {
        s.person(p).current_post.is_some_and(|c| desk_swap(s, c, j))
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        let c = s.person(a.person).current_post.expect("excluded only from a current post");
        format!(
            "{} is a post of the same grade in the same unit as {}: a desk swap, not exchange",
            s.post(a.post).id,
            s.post(c).id
        )
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        for (p, y, to) in plan.held(s).filter(|&(p, y, _)| plan.taken_up(s, p, y).is_some()) {
            // The post held last, over any years in the reserve between.
            let last = (s.start_year - 1..y).rev().find_map(|x| plan.post(s, p, x));
            let Some(from) = last.filter(|&from| desk_swap(s, from, to)) else { continue };
            let msg =
                format!("{} moves from {} to {}: same grade, same unit (a desk swap)", who(s, p), what(s, from), what(s, to));
            finding(out, self.id(), Strength::Hard, 0.0, y, Some(p), Some(to), msg);
        }
    }

    fn reason_to_take(&self, s: &Scenario, plan: &Plan, p: PersonIx, to: PostIx, year: i32) -> Option<String> {
        let from = plan.post(s, p, year - 1)?;
        let out_of = if s.post(from).sensitive { " out of a sensitive post" } else { "" };
        rotation(s, from, to).then(|| format!("rotation inside the unit{out_of} (轮岗)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::{hard, plan_of, solve, Builder};

    #[test]
    fn a_desk_swap_inside_a_unit_is_not_exchange_but_rotation_out_of_a_sensitive_post_is() {
        let mut b = Builder::new(2027, 1);
        let desk = b.post_in("D1", "U-county", 3);
        let next = b.post_in("D2", "U-county", 3);
        let head = b.post_in("H", "U-county", 4);
        let away = b.post_in("X", "U-other", 3);
        let a = b.person("A", 3, Some(desk), 2014); // 13 years in the bureau
        b.s.policy.exchange.same_unit = Strength::Hard;
        b.s.policy.tenure_max.count_in = CountIn::Unit;
        let s = b.build();
        assert_eq!(hard(&s, &plan_of(&s, &[(a, &[Some(next)])])), vec!["exchange 2027", "tenure-max 2027"]);
        let promoted = hard(&s, &plan_of(&s, &[(a, &[Some(head)])]));
        assert_eq!(promoted, vec!["tenure-max 2027"], "a promotion is not a desk swap, but the years in the bureau go on");
        assert_eq!(solve(&s).holds[a.0 as usize], vec![Some(away)], "14 years in the bureau: out of it");

        let mut sensitive = s.clone();
        sensitive.posts[desk.0 as usize].sensitive = true;
        sensitive.policy.tenure_max.count_in = CountIn::Post;
        assert!(hard(&sensitive, &plan_of(&sensitive, &[(a, &[Some(next)])])).is_empty(), "near miss: rotation (轮岗)");
        assert!(rotation(&sensitive, desk, next));
    }

    #[test]
    fn elsewhere_is_the_posts_outside_the_scope_open_to_the_official_or_what_excludes_them() {
        let mut b = Builder::new(2027, 3);
        let desk = b.post_in("D1", "U-county", 3);
        b.post_in("D2", "U-county", 3);
        let away = b.post_in("X", "U-other", 3);
        let a = b.person("A", 3, Some(desk), 2019);
        let s = b.build();
        let rules = crate::rules::all(&s);
        let unit = Scope::Unit(s.post(desk).unit);
        // Near miss: another unit's post of the grade is open (the bureau's other desk is not
        // elsewhere).
        assert_eq!(elsewhere(&s, &rules, a, unit, (2028, 2029)), Elsewhere { open: vec![away], excluded: vec![] });
        // Hit: two grades up, the grade window excludes it, and nothing else is open.
        let mut far = s.clone();
        far.posts[away.0 as usize].grade = 5;
        let rules = crate::rules::all(&far);
        assert_eq!(
            elsewhere(&far, &rules, a, unit, (2028, 2029)),
            Elsewhere { open: vec![], excluded: vec![("grade-window", 1)] }
        );
        // Counted in the post (and desk swaps allowed, as here), the bureau's other desk is
        // elsewhere.
        assert_eq!(elsewhere(&far, &rules, a, Scope::Post(desk), (2028, 2029)).open.len(), 1);
    }

    #[test]
    fn years_count_in_the_unit_or_the_place_and_history_joins_up() {
        let mut b = Builder::new(2027, 2);
        let dept = b.post_in("D1", "U-county", 3);
        let dept2 = b.post_in("D2", "U-county", 4);
        let other = b.post_in("X", "U-other", 3);
        let a = b.person("A", 3, Some(dept2), 2024);
        b.s.history.push(crate::scenario::HistoryEntry { person: a, post: dept, from_year: 2018, to_year: 2023 });
        let s = b.build();
        let unit = Clock::new(&s, CountIn::Unit);
        assert_eq!(unit.years(&s, a, dept2, 2027), Some(10), "2018–2027 in the bureau");
        assert_eq!(unit.years(&s, a, dept, 2028), Some(11), "the start scope's count runs on");
        assert_eq!(unit.years(&s, a, other, 2027), None);
        assert_eq!(Clock::new(&s, CountIn::Post).years(&s, a, dept2, 2027), Some(4), "in post: 2024–2027");
        let mut gap = s.clone();
        gap.history[0].to_year = 2022; // a year elsewhere: the run starts in 2024
        assert_eq!(Clock::new(&gap, CountIn::Unit).years(&gap, a, dept2, 2027), Some(4));
        let plan = plan_of(&s, &[(a, &[Some(other), Some(other)])]);
        assert_eq!(unit.counted(&s, &plan, a, other, 2028), 2, "a new unit counts from the move");
    }

    #[test]
    fn a_move_gives_a_tenure_limit_as_its_reason_only_when_it_leaves_the_scope_counted() {
        let mut b = Builder::new(2027, 1);
        let desk = b.post_in("D1", "U-county", 3);
        let head = b.post_in("H", "U-county", 4);
        let away = b.post_in("X", "U-other", 3);
        let a = b.person("A", 3, Some(desk), 2020); // 7 years in the bureau by 2027
        b.s.policy.tenure_max.count_in = CountIn::Unit;
        b.s.policy.tenure_max.soft_years = 5;
        let s = b.build();
        let rules = crate::rules::all(&s);
        let reason = |to| crate::explain::explain(&s, &rules, &plan_of(&s, &[(a, &[Some(to)])]))[0].reason.clone();
        assert!(reason(away).contains("7 years in U-county (limit 5)"), "{}", reason(away));
        let promoted = reason(head);
        assert!(!promoted.contains("limit 5"), "near miss: promoted inside the bureau, the years go on: {promoted}");
        let clock = Clock::new(&s, CountIn::Unit);
        assert!(clock.leaves(&s, &plan_of(&s, &[(a, &[None])]), a, desk, 2027), "out of post");
        assert!(!clock.leaves(&s, &plan_of(&s, &[(a, &[Some(head)])]), a, desk, 2027));
    }
}

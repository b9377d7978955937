//! Explanations: the kind of every plan row (stay, move, promotion, ...) and the reason
//! text a committee reads, assembled from the rules' own reasons.

use crate::plan::Plan;
use crate::rules::exchange::{reach, Reach};
use crate::rules::Rule;
use crate::scenario::{PersonIx, PostIx, Scenario};

/// What happens to a person in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveKind {
    /// Keeps the post.
    Stay,
    /// Exchange: to a post of the same or a lower grade in another unit or place.
    Exchange,
    /// Rotation (轮岗): to another post of the same or a lower grade in the same unit.
    Rotation,
    /// Moves to a post of a higher grade.
    Promotion,
    /// Takes up a post from the reserve.
    Appoint,
    /// Leaves a post for the reserve.
    Leave,
    /// Retires.
    Retire,
    /// Stays in the reserve.
    Reserve,
}

impl MoveKind {
    /// Spelling in files.
    pub fn as_str(self) -> &'static str {
        match self {
            MoveKind::Stay => "stay",
            MoveKind::Exchange => "exchange",
            MoveKind::Rotation => "rotation",
            MoveKind::Promotion => "promotion",
            MoveKind::Appoint => "appoint",
            MoveKind::Leave => "leave",
            MoveKind::Retire => "retire",
            MoveKind::Reserve => "reserve",
        }
    }

    /// Whether the row belongs on a reshuffle list.
    pub fn is_change(self) -> bool {
        !matches!(self, MoveKind::Stay | MoveKind::Reserve)
    }
}

/// One explained row of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Year.
    pub year: i32,
    /// Person.
    pub person: PersonIx,
    /// Post held in the year.
    pub post: Option<PostIx>,
    /// Post held the year before.
    pub previous: Option<PostIx>,
    /// Kind.
    pub kind: MoveKind,
    /// Reason text.
    pub reason: String,
}

/// Explains every person-year of `plan`, year by year.
pub fn explain(s: &Scenario, rules: &[Box<dyn Rule>], plan: &Plan) -> Vec<Row> {
    let mut out = Vec::new();
    for year in plan.years() {
        let mut held_before = vec![false; s.posts.len()];
        for (p, _) in s.people_ix() {
            if let Some(j) = plan.post(s, p, year - 1) {
                held_before[j.0 as usize] = true;
            }
        }
        for (p, person) in s.people_ix() {
            let (previous, post) = (plan.post(s, p, year - 1), plan.post(s, p, year));
            let kind = match (previous, post) {
                (a, b) if a == b => {
                    if b.is_some() {
                        MoveKind::Stay
                    } else {
                        MoveKind::Reserve
                    }
                }
                (Some(_), None) if year >= person.retire_year => MoveKind::Retire,
                (Some(_), None) => MoveKind::Leave,
                (None, Some(_)) => MoveKind::Appoint,
                (Some(a), Some(b)) if s.post(b).grade > s.post(a).grade => MoveKind::Promotion,
                (Some(a), Some(b)) if reach(s, a, b) == Reach::InsideUnit => MoveKind::Rotation,
                _ => MoveKind::Exchange,
            };
            let mut reasons: Vec<String> = Vec::new();
            if let Some(from) = previous.filter(|_| kind.is_change()) {
                reasons.extend(rules.iter().filter_map(|r| r.reason_to_leave(s, plan, p, from, year)));
                if reasons.is_empty() && kind != MoveKind::Retire {
                    let n = plan.run_length(s, p, year - 1);
                    // Out of post with no rule's reason: what the plan gains, the post for
                    // its next holder, if any.
                    let next = (kind == MoveKind::Leave)
                        .then(|| s.people_ix().find(|&(q, _)| q != p && plan.post(s, q, year) == Some(from)))
                        .flatten();
                    reasons.push(match (kind, next) {
                        (MoveKind::Leave, Some((_, q))) => {
                            format!("makes room in {} for {} after {n} year(s) in post", s.post(from).id, q.id)
                        }
                        (MoveKind::Leave, None) => format!("leaves after {n} year(s) in post, for no post"),
                        _ => format!("moves on after {n} year(s) in post"),
                    });
                }
            }
            if let Some(to) = post.filter(|_| kind.is_change()) {
                let vacant = !held_before[to.0 as usize];
                reasons.push(format!("{} {}", if vacant { "fills vacant" } else { "succeeds in" }, s.post(to).id));
                reasons.extend(rules.iter().filter_map(|r| r.reason_to_take(s, plan, p, to, year)));
            }
            out.push(Row { year, person: p, post, previous, kind, reason: reasons.join("; ") });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::PersonIx;
    use crate::testkit::{plan_of, Builder};

    /// With no rule's reason to leave, a move says how long the official served, and one out
    /// of post what the plan gains: the post for its next holder.
    #[test]
    fn a_leave_without_a_rules_reason_names_who_takes_the_post() {
        let mut b = Builder::new(2027, 2);
        let (j, k) = (b.post_in("J", "U-county", 3), b.post_in("K", "U-other", 3));
        let a = b.person("A", 3, Some(j), 2024);
        let next = b.person("B", 3, None, 0);
        let s = b.build();
        let rules = crate::rules::all(&s);
        let reason = |rows: &[(PersonIx, &[Option<PostIx>])]| {
            let plan = plan_of(&s, rows);
            explain(&s, &rules, &plan).into_iter().find(|r| r.person == a && r.year == 2028).unwrap().reason
        };
        assert_eq!(reason(&[(a, &[Some(j), None]), (next, &[None, Some(j)])]), "makes room in J for B after 4 year(s) in post");
        assert_eq!(reason(&[(a, &[Some(j), None])]), "leaves after 4 year(s) in post, for no post");
        let moved = reason(&[(a, &[Some(j), Some(k)])]);
        assert!(moved.starts_with("moves on after 4 year(s) in post; fills vacant K"), "{moved}");
    }
}

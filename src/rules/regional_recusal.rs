//! Regional recusal: nobody holds a `regional_recusal` post in a unit whose region is, or
//! contains, one of their home regions. Which homes count (native place, birthplace,
//! place of growing up) and at which region levels it is hard or soft is policy.

use super::{finding, what, who, Arc, Finding, Rule};
use crate::plan::Plan;
use crate::policy::{Home, Strength};
use crate::scenario::{PersonIx, PostIx, RegionIx, Scenario};

/// Serving where one comes from.
pub struct RegionalRecusal;

/// The home that makes `j` a home post for `p`, how strongly, and the post's region.
fn conflict(s: &Scenario, p: PersonIx, j: PostIx) -> Option<(Strength, Home, RegionIx)> {
    let post = s.post(j);
    if !post.regional_recusal {
        return None;
    }
    let rr = &s.policy.regional_recusal;
    let region = s.post_region(j);
    let level = s.region(region).level;
    let strength = if rr.hard_levels.contains(&level) {
        Strength::Hard
    } else if rr.soft_levels.contains(&level) {
        Strength::Soft
    } else {
        return None;
    };
    let person = s.person(p);
    rr.homes.iter().find_map(|&home| {
        let h = match home {
            Home::Native => person.native,
            Home::Birth => person.birth,
            Home::Grewup => person.grewup,
        }?;
        s.region_contains(region, h).then_some((strength, home, region))
    })
}

fn describe(s: &Scenario, home: Home, region: RegionIx) -> String {
    let what = match home {
        Home::Native => "native place is in",
        Home::Birth => "was born in",
        Home::Grewup => "grew up in",
    };
    format!("{what} {}", s.region(region).name)
}

impl Rule for RegionalRecusal {
    fn id(&self) -> &'static str {
        "regional-recusal"
    }

    fn excludes_pair(&self, s: &Scenario, p: PersonIx, j: PostIx) -> bool {
        matches!(conflict(s, p, j), Some((Strength::Hard, ..)))
    }

    fn exclusion_reason(&self, s: &Scenario, a: Arc) -> String {
        let (_, home, region) = conflict(s, a.person, a.post).expect("excluded arcs conflict");
        format!("regional recusal: {}", describe(s, home, region))
    }

    fn arc_cost(&self, s: &Scenario, a: Arc) -> f64 {
        match conflict(s, a.person, a.post) {
            Some((Strength::Soft, ..)) => s.policy.regional_recusal.weight,
            _ => 0.0,
        }
    }

    fn check(&self, s: &Scenario, plan: &Plan, out: &mut Vec<Finding>) {
        for (p, y, j) in plan.held(s) {
            if let Some((strength, home, region)) = conflict(s, p, j) {
                let msg = format!("{} holds {} but {}", who(s, p), what(s, j), describe(s, home, region));
                finding(out, self.id(), strength, s.policy.regional_recusal.weight, y, Some(p), Some(j), msg);
            }
        }
    }

    fn reason_to_leave(&self, s: &Scenario, _plan: &Plan, p: PersonIx, from: PostIx, _year: i32) -> Option<String> {
        conflict(s, p, from).map(|(_, home, region)| format!("regional recusal: {}", describe(s, home, region)))
    }
}

#[cfg(test)]
mod tests {
    use crate::scenario::Level;
    use crate::testkit::{findings, hard, plan_of, solve, Builder};

    #[test]
    fn home_county_is_hard_home_prefecture_soft_elsewhere_free() {
        let mut b = Builder::new(2027, 1);
        let county_head = b.post_in("P-county", "U-county", 5);
        let pref_head = b.post_in("P-pref", "U-pref", 5);
        let other = b.post_in("P-other", "U-other", 5);
        for j in [county_head, pref_head, other] {
            b.s.posts[j.0 as usize].regional_recusal = true;
        }
        let p = b.person("A", 5, Some(county_head), 2025);
        b.s.people[p.0 as usize].grewup = Some(b.region("R-town"));
        let s = b.build();
        assert_eq!(s.region(s.post_region(county_head)).level, Level::County);
        assert_eq!(hard(&s, &plan_of(&s, &[(p, &[Some(county_head)])])), vec!["regional-recusal 2027"]);
        let soft = findings(&s, &plan_of(&s, &[(p, &[Some(pref_head)])]), "regional-recusal");
        assert_eq!(soft.len(), 1);
        assert!(hard(&s, &plan_of(&s, &[(p, &[Some(pref_head)])])).is_empty());
        assert!(findings(&s, &plan_of(&s, &[(p, &[Some(other)])]), "regional-recusal").is_empty());
        assert_eq!(solve(&s).holds[p.0 as usize], vec![Some(other)]);
    }
}

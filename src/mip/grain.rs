//! The objective's grain: the step between the values a model's optimum can take.
//!
//! Every weight of the policy has a decimal or two, and most of the objective is a sum of
//! weights over binaries, so the optimum of a model is its offset plus a multiple of a
//! grain `g` (0.1 on the district). A bound `b` then proves `offset + g·⌈(b −
//! offset)/g⌉`, and a MIP may drop every node whose bound is within `g` of its plan: no
//! plan in it can be better by a whole step. HiGHS finds such a step itself only when
//! every column with a cost is integer; the rules' priced slacks are continuous, so
//! [`Model::grain`] finds it from the model's structure (see its doc), and
//! `mip::highs::solve` passes it to HiGHS as its absolute gap and rounds the bounds it
//! returns up to it.

use super::{Model, CUT_ROW};

/// The largest denominator a cost or coefficient may have for the grain to be found (a
/// cost of 1/3 has one of 3): weights are written with a few decimals.
const MAX_DENOMINATOR: i128 = 100_000;

/// The finest grain worth using: below it the tolerances of the solver's bounds (about
/// 1e-6) are too near.
const FINEST: f64 = 1e-3;

/// How much of a grain [`step`] counts: a plan better than the best found costs at least
/// a grain less, and the margin (0.1% of it) is for the solver's tolerances.
const GRAIN_GAP: f64 = 0.999;

/// How much less than a plan every better plan costs at least, with grain `grain`
/// ([`Model::grain`]): almost the grain ([`GRAIN_GAP`]), 0 without one. A MIP stops
/// within it of its plan (`mip::highs::solve`), and a column priced within less than it
/// of a plan's gap to the LP bound cannot be in a better plan.
pub fn step(grain: Option<f64>) -> f64 {
    grain.map_or(0.0, |g| g * GRAIN_GAP)
}

/// How near a bound may come above a step without proving it: the solver's bounds carry
/// errors of about 1e-6 (`planner::EXACT_TOL` is 1e-5), more on large objectives
/// ([`RELATIVE_MARGIN`] of the bound, from an objective of 1,000 on).
const ROUNDING_MARGIN: f64 = 1e-5;

/// [`ROUNDING_MARGIN`] relative to the bound: 0.001 on the province's 100,000.
const RELATIVE_MARGIN: f64 = 1e-8;

impl Model {
    /// The grain `g` of the objective: the optimum of this model, and of every model made
    /// from it by dropping columns, fixing integer columns to integers or adding rows named
    /// [`CUT_ROW`] (valid inequalities: skipped here), is `offset` plus a multiple of `g`.
    /// `None` when the structure does not show one.
    ///
    /// It holds when, with the integer columns at integers, the best values of the
    /// continuous columns make the objective a multiple of `g`:
    ///
    /// - a continuous column held to an integer by an equation (integer right-hand side,
    ///   coefficient ±1, its other columns integer with integer coefficients: a count such
    ///   as the moves of an official) is integer, like the integer columns; the cost of
    ///   each is a multiple of `g`;
    /// - any other continuous column with a cost (a priced slack) is in one row only, whose
    ///   other columns are integer: its best value is where that row or its own bound stops
    ///   it, so its cost divided by its coefficient, times each other coefficient and each
    ///   finite bound of the row, and its cost times its own finite bounds, are multiples
    ///   of `g`.
    ///
    /// Values are read as fractions with denominators up to [`MAX_DENOMINATOR`]; a grain
    /// finer than [`FINEST`] is none.
    pub fn grain(&self) -> Option<f64> {
        let counted = |r: usize| self.rows[r].name.rule != CUT_ROW;
        let mut integer: Vec<bool> = self.cols.iter().map(|c| c.integer).collect();
        let equations: Vec<usize> = (0..self.rows.len())
            .filter(|&r| counted(r) && self.rows[r].lb == self.rows[r].ub && whole(self.rows[r].lb))
            .collect();
        // Counts defined by counts: a few passes reach every chain the rules build.
        for _ in 0..3 {
            let mut grew = false;
            for &r in &equations {
                let mut count = None;
                let held = self.row_terms(r).all(|(k, b)| {
                    if integer[k.0 as usize] {
                        whole(b)
                    } else {
                        b.abs() == 1.0 && count.replace(k.0 as usize).is_none()
                    }
                });
                if let (true, Some(c)) = (held, count) {
                    integer[c] = true;
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
        // The one row of each continuous column with a cost (a priced slack), `NONE` for
        // none: four bytes a column (the province's whole model has 6.8M).
        const NONE: u32 = u32::MAX;
        let mut row_of = vec![NONE; self.cols.len()];
        for r in (0..self.rows.len()).filter(|&r| counted(r)) {
            for (k, _) in self.row_terms(r) {
                let c = k.0 as usize;
                if !integer[c] && self.cols[c].cost != 0.0 {
                    if row_of[c] != NONE {
                        return None;
                    }
                    row_of[c] = r as u32;
                }
            }
        }
        let mut g: Option<Frac> = None;
        let mut add = |v: f64| -> Option<()> {
            if v != 0.0 {
                let f = Frac::of(v)?;
                g = Some(match g {
                    Some(h) => h.gcd(f)?,
                    None => f,
                });
            }
            Some(())
        };
        for (c, col) in self.cols.iter().enumerate().filter(|(_, col)| col.cost != 0.0) {
            if integer[c] {
                add(col.cost)?;
                continue;
            }
            for v in [col.lb, col.ub].into_iter().filter(|v| v.is_finite()) {
                add(col.cost * v)?;
            }
            if row_of[c] == NONE {
                continue;
            }
            let r = row_of[c] as usize;
            let a = self.row_terms(r).find(|(k, _)| k.0 as usize == c).expect("the row found for the column").1;
            let per = col.cost / a;
            for (k, b) in self.row_terms(r).filter(|(k, _)| k.0 as usize != c) {
                if !integer[k.0 as usize] {
                    return None;
                }
                add(per * b)?;
            }
            let row = &self.rows[r];
            for v in [row.lb, row.ub].into_iter().filter(|v| v.is_finite()) {
                add(per * v)?;
            }
        }
        g.map(Frac::value).filter(|&g| g >= FINEST)
    }

    /// `bound`, a lower bound on the optimum (offset included), raised to the next value the
    /// optimum can take with grain `grain` ([`Model::grain`]); `bound` itself without one.
    pub fn round_up(&self, bound: f64, grain: Option<f64>) -> f64 {
        round_up(bound, self.offset, grain)
    }
}

/// [`Model::round_up`] for a model of offset `offset`.
pub fn round_up(bound: f64, offset: f64, grain: Option<f64>) -> f64 {
    match grain {
        Some(g) if bound.is_finite() => {
            let margin = ROUNDING_MARGIN.max(RELATIVE_MARGIN * bound.abs());
            offset + g * ((bound - offset - margin) / g).ceil()
        }
        _ => bound,
    }
}

/// Whether `v` is an integer.
fn whole(v: f64) -> bool {
    v.is_finite() && v == v.round()
}

/// A positive fraction `num / den`, in lowest terms.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Frac {
    num: i128,
    den: i128,
}

impl Frac {
    /// `|v|` as a fraction with a denominator up to [`MAX_DENOMINATOR`], within 1e-12 of it
    /// (relative: a product of decimals in floating point is off by some 1e-16; 1e-9 read
    /// a weight of 2.123456789 as 172/81), by continued fractions; `None` when there is
    /// none.
    fn of(v: f64) -> Option<Frac> {
        let v = v.abs();
        let tol = 1e-12 * v.max(1.0);
        let (mut h0, mut h1, mut k0, mut k1) = (0i128, 1i128, 1i128, 0i128);
        let mut rest = v;
        for _ in 0..40 {
            let a = rest.floor();
            if a > 1e12 {
                return None;
            }
            let a = a as i128;
            (h0, h1) = (h1, a * h1 + h0);
            (k0, k1) = (k1, a * k1 + k0);
            if k1 > MAX_DENOMINATOR {
                return None;
            }
            if (h1 as f64 / k1 as f64 - v).abs() <= tol {
                return Some(Frac { num: h1, den: k1 }.reduced());
            }
            let frac = rest - rest.floor();
            if frac <= 0.0 {
                return None;
            }
            rest = 1.0 / frac;
        }
        None
    }

    fn reduced(self) -> Frac {
        let d = gcd(self.num, self.den).max(1);
        Frac { num: self.num / d, den: self.den / d }
    }

    /// The greatest fraction both are integer multiples of; `None` past a denominator of
    /// [`MAX_DENOMINATOR`] squared.
    fn gcd(self, o: Frac) -> Option<Frac> {
        let den = self.den / gcd(self.den, o.den) * o.den;
        if den > MAX_DENOMINATOR * MAX_DENOMINATOR {
            return None;
        }
        let num = gcd(self.num * (den / self.den), o.num * (den / o.den));
        Some(Frac { num, den }.reduced())
    }

    fn value(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.abs(), b.abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mip::{Col, ColName, RowName};

    fn name(rule: &'static str) -> RowName {
        RowName { rule, a: 0, b: 0, year: 0 }
    }

    /// Three binaries costing 1.5, 2 and 0.5 (grain 0.5), a count of them held by an
    /// equation and costing 1, and a slack of weight 2 on `x0 + x1 − 0.25·x2 ≤ 1 + s`
    /// (with `beside`, a continuous column in that row too).
    fn model() -> (Model, Col) {
        model_with(false)
    }

    fn model_with(beside: bool) -> (Model, Col) {
        let mut m = Model::default();
        let x: Vec<Col> = [1.5, 2.0, 0.5].iter().map(|&c| m.add_binary(c, ColName::Aux("x", 0, 0, 0))).collect();
        let n = m.add_col(0.0, f64::INFINITY, 1.0, false, ColName::Aux("n", 0, 0, 0));
        m.add_row(0.0, 0.0, [(x[0], 1.0), (x[1], 1.0), (x[2], 1.0), (n, -1.0)], name("count"));
        let s = m.add_col(0.0, f64::INFINITY, 2.0, false, ColName::Aux("s", 0, 0, 0));
        let mut soft = vec![(x[0], 1.0), (x[1], 1.0), (x[2], -0.25), (s, -1.0)];
        if beside {
            soft.push((m.add_col(0.0, 1.0, 0.0, false, ColName::Aux("free", 0, 0, 0)), 1.0));
        }
        m.add_row(f64::NEG_INFINITY, 1.0, soft, name("soft"));
        m.offset = 0.3;
        (m, s)
    }

    #[test]
    fn the_grain_of_weights_counts_and_slacks() {
        let (m, _) = model();
        // 1.5, 2, 0.5, 1; the slack: 2·1, 2·1, 2·0.25 = 0.5, 2·1 (the row's bound).
        assert_eq!(m.grain(), Some(0.5));
        // A slack weighted 0.3: 0.3·0.25 = 0.075, and 0.3, 1.5, ...: grain 0.025.
        let (mut finer, s) = model();
        finer.cols[s.0 as usize].cost = 0.3;
        assert!((finer.grain().unwrap() - 0.025).abs() < 1e-12, "{:?}", finer.grain());
        // Cuts are skipped: a cut through the slack leaves the grain as it was.
        let (mut cut, s) = model();
        cut.add_row(f64::NEG_INFINITY, 2.7, [(Col(0), 0.3), (s, 1.0)], name(CUT_ROW));
        assert_eq!(cut.grain(), Some(0.5));
        // Near misses: the slack in a second row that is not a cut, a slack beside a
        // continuous column in its row, a weight of 1/√2.
        let (mut twice, s) = model();
        twice.add_row(f64::NEG_INFINITY, 2.0, [(Col(0), 1.0), (s, 1.0)], name("other"));
        assert_eq!(twice.grain(), None);
        assert_eq!(model_with(true).0.grain(), None);
        let (mut odd, _) = model();
        odd.cols[0].cost = std::f64::consts::FRAC_1_SQRT_2;
        assert_eq!(odd.grain(), None);
        // Nine decimals are not a fraction near 172/81 (2.1234567901...).
        odd.cols[0].cost = 2.123456789;
        assert_eq!(odd.grain(), None);
        // A count no equation holds to an integer is continuous; in two rows, none.
        let (mut loose, _) = model();
        loose.rows[0].lb = f64::NEG_INFINITY;
        assert_eq!(loose.grain(), Some(0.5), "in its own row only, a slack like any other");
        loose.add_row(f64::NEG_INFINITY, 2.0, [(Col(3), 1.0)], name("cap"));
        assert_eq!(loose.grain(), None);
    }

    /// The district's model: 0.1, from its even-pace rows (0.15 and 0.25 of a year's moves
    /// times their weight of 2; every other cost is a multiple of 0.5). With other numbers
    /// of that rule, the grain they give; off, 0.5.
    #[test]
    fn the_grain_of_the_districts_model_comes_from_its_numbers() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/district");
        let district = crate::scenario::load::load(&dir, None).unwrap();
        let grain = |s: &crate::scenario::Scenario| {
            let rules = crate::rules::all(s);
            let elig = crate::eligibility::Eligibility::new(s, &rules);
            crate::formulation::Formulation::build(s, &rules, &elig).model.grain()
        };
        let near = |g: Option<f64>, want: f64| g.is_some_and(|g| (g - want).abs() < 1e-12);
        assert!(near(grain(&district), 0.1), "{:?}", grain(&district));
        let mut s = district.clone();
        s.policy.even_pace.weight = 2.5; // 2.5 × 0.15 = 0.375: 0.125 beside the 0.5s
        assert!(near(grain(&s), 0.125), "{:?}", grain(&s));
        s.policy.even_pace.weight = 2.0;
        s.policy.even_pace.band = 0.3; // 2 × 0.14 = 0.28, 2 × 0.26 = 0.52
        assert!(near(grain(&s), 0.02), "{:?}", grain(&s));
        s.policy.even_pace.strength = crate::policy::Strength::Off;
        assert!(near(grain(&s), 0.5), "{:?}", grain(&s));
    }

    /// Every assignment of the binaries with the slack at its best value costs the offset
    /// plus a multiple of the grain, and a bound just above a step rounds up to the next.
    #[test]
    fn every_plan_costs_a_multiple_of_the_grain_and_bounds_round_up_to_one() {
        let (m, _) = model();
        let g = m.grain().unwrap();
        for bits in 0..8u32 {
            let x: Vec<f64> = (0..3).map(|k| f64::from((bits >> k) & 1)).collect();
            let n: f64 = x.iter().sum();
            let s = (x[0] + x[1] - 0.25 * x[2] - 1.0).max(0.0);
            let value = m.objective(&[x[0], x[1], x[2], n, s]) - m.offset;
            assert!((value / g - (value / g).round()).abs() < 1e-9, "{bits:03b}: {value}");
        }
        assert!((m.round_up(2.31, Some(g)) - 2.8).abs() < 1e-12, "{}", m.round_up(2.31, Some(g)));
        assert!((m.round_up(2.8, Some(g)) - 2.8).abs() < 1e-12, "a step stays");
        assert!((m.round_up(2.800_001, Some(g)) - 2.8).abs() < 1e-12, "within the margin above a step: that step");
        assert_eq!(m.round_up(2.31, None), 2.31);
        // On a large objective the margin grows with it: 1e-3 at 100,000.
        assert!((m.round_up(100_000.3 + 5e-4, Some(g)) - 100_000.3).abs() < 1e-9);
        assert!((m.round_up(100_000.3 + 2e-3, Some(g)) - 100_000.8).abs() < 1e-9, "past the margin: the next step");
        assert_eq!(m.round_up(f64::NEG_INFINITY, Some(g)), f64::NEG_INFINITY);
    }
}

//! Closed-or-open real intervals with outward-rounded arithmetic.
//!
//! Every number claimcheck compares is an interval: the set of true values
//! that the written digits are consistent with. Arithmetic on intervals
//! returns an interval that contains every result of the same arithmetic on
//! points drawn from the inputs, and no more: an end stays open when no
//! point of the inputs reaches it, so `[18.5, 19.5)` and `[19.5, 20.5)` never
//! meet and `(60, ∞)` never meets `(-∞, 60)`, whatever the arithmetic did to
//! them. An end is pushed one ulp outwards only when floating-point rounding
//! made it inexact, so that rounding can never make an interval smaller.
//! A change of unit ([`Interval::scale`], [`Interval::shift`]) rounds to
//! nearest instead, so that touching intervals never come to overlap.

use serde::Serialize;

/// An interval of the real line; either end may be unbounded or open.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
    /// The low end is excluded (a strict lower bound such as "over 60%").
    pub lo_open: bool,
    /// The high end is excluded (half-open rounding intervals, "under 6").
    pub hi_open: bool,
}

impl Interval {
    pub const ALL: Interval = Interval {
        lo: f64::NEG_INFINITY,
        hi: f64::INFINITY,
        lo_open: true,
        hi_open: true,
    };

    pub fn closed(lo: f64, hi: f64) -> Self {
        Interval {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        }
    }

    /// `[lo, hi)`, the reading of a rounded number.
    pub fn half_open(lo: f64, hi: f64) -> Self {
        Interval {
            lo,
            hi,
            lo_open: false,
            hi_open: true,
        }
    }

    pub fn point(x: f64) -> Self {
        Interval::closed(x, x)
    }

    pub fn above(x: f64, inclusive: bool) -> Self {
        Interval {
            lo: x,
            hi: f64::INFINITY,
            lo_open: !inclusive,
            hi_open: true,
        }
    }

    pub fn below(x: f64, inclusive: bool) -> Self {
        Interval {
            lo: f64::NEG_INFINITY,
            hi: x,
            lo_open: true,
            hi_open: !inclusive,
        }
    }

    pub fn is_bounded(&self) -> bool {
        self.lo.is_finite() && self.hi.is_finite()
    }

    pub fn contains(&self, x: f64) -> bool {
        let above_lo = if self.lo_open {
            x > self.lo
        } else {
            x >= self.lo
        };
        let below_hi = if self.hi_open {
            x < self.hi
        } else {
            x <= self.hi
        };
        above_lo && below_hi
    }

    /// Whether the two intervals share at least one point.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let (lo, lo_open) = max_lo(self, other);
        let (hi, hi_open) = min_hi(self, other);
        lo < hi || (lo == hi && !lo_open && !hi_open)
    }

    /// The smallest interval holding both.
    pub fn hull(&self, other: &Interval) -> Interval {
        let (lo, lo_open) = if self.lo < other.lo || (self.lo == other.lo && !self.lo_open) {
            (self.lo, self.lo_open)
        } else {
            (other.lo, other.lo_open)
        };
        let (hi, hi_open) = if self.hi > other.hi || (self.hi == other.hi && !self.hi_open) {
            (self.hi, self.hi_open)
        } else {
            (other.hi, other.hi_open)
        };
        Interval {
            lo,
            hi,
            lo_open,
            hi_open,
        }
    }

    /// The gap between two disjoint intervals (0 when they overlap).
    pub fn distance(&self, other: &Interval) -> f64 {
        if self.overlaps(other) {
            0.0
        } else if self.hi <= other.lo {
            other.lo - self.hi
        } else {
            self.lo - other.hi
        }
    }

    pub fn add(&self, other: &Interval) -> Interval {
        if [self.lo, self.hi, other.lo, other.hi]
            .iter()
            .any(|x| x.is_nan())
        {
            return Interval::ALL;
        }
        let (lo, lo_exact) = sum(self.lo, other.lo);
        let (hi, hi_exact) = sum(self.hi, other.hi);
        Interval {
            lo: down(lo, lo_exact),
            hi: up(hi, hi_exact),
            lo_open: self.lo_open || other.lo_open,
            hi_open: self.hi_open || other.hi_open,
        }
    }

    pub fn sub(&self, other: &Interval) -> Interval {
        self.add(&other.neg())
    }

    /// Every value negated: ends swap, and their openness with them.
    pub fn neg(&self) -> Interval {
        Interval {
            lo: -self.hi,
            hi: -self.lo,
            lo_open: self.hi_open,
            hi_open: self.lo_open,
        }
    }

    pub fn mul(&self, other: &Interval) -> Interval {
        self.combine(other, |x, y| {
            let product = x * y;
            (
                product,
                !product.is_finite() || x.mul_add(y, -product) == 0.0,
            )
        })
    }

    /// `None` when the divisor may be zero: no finite interval holds the quotient.
    pub fn div(&self, other: &Interval) -> Option<Interval> {
        if other.lo <= 0.0 && other.hi >= 0.0 {
            return None;
        }
        Some(self.combine(other, |x, y| {
            let quotient = x / y;
            let exact = !quotient.is_finite() || !y.is_finite() || quotient.mul_add(y, -x) == 0.0;
            (quotient, exact)
        }))
    }

    /// Multiplication or division, from the four corners `op(x, y)` of the
    /// ends (the extremes of both lie there), with whether each is exact.
    fn combine(&self, other: &Interval, op: impl Fn(f64, f64) -> (f64, bool)) -> Interval {
        let ends = |i: &Interval| [(i.lo, i.lo_open), (i.hi, i.hi_open)];
        let mut corners = [(0.0, true, true); 4];
        for (i, (x, x_open)) in ends(self).into_iter().enumerate() {
            for (j, (y, y_open)) in ends(other).into_iter().enumerate() {
                let (value, exact) = op(x, y);
                // 0 × ∞ has no meaning as a bound; the result is then unconstrained.
                if value.is_nan() {
                    return Interval::ALL;
                }
                // A corner is reached when both ends are, or when one is a
                // reached zero (zero times or over anything is zero); an
                // infinite value, or one reached only as a divisor grows
                // without bound, never is.
                let zero = x == 0.0 && !x_open;
                let reached = ((!x_open && !y_open) || zero || (y == 0.0 && !y_open))
                    && value.is_finite()
                    && (y.is_finite() || zero);
                corners[2 * i + j] = (value, exact, !reached);
            }
        }
        let lo = corners.iter().map(|c| c.0).fold(f64::INFINITY, f64::min);
        let hi = corners
            .iter()
            .map(|c| c.0)
            .fold(f64::NEG_INFINITY, f64::max);
        // Several corners may give the same end: it is exact when all of
        // them are, and reached when any of them is.
        let at = |end: f64| corners.iter().filter(move |c| c.0 == end);
        Interval {
            lo: down(lo, at(lo).all(|c| c.1)),
            hi: up(hi, at(hi).all(|c| c.1)),
            lo_open: at(lo).all(|c| c.2),
            hi_open: at(hi).all(|c| c.2),
        }
    }

    /// The interval in another unit: every value times an exact `factor`.
    ///
    /// A change of unit is not arithmetic on uncertain values, so its ends
    /// are rounded to the nearest float, not outwards: the same end always
    /// becomes the same float, and intervals that only touched (`(60, ∞)`
    /// and `(-∞, 60)`, `[19.5, 20.5)` and `[20.5, 21.5)`) still only touch in
    /// the new unit. Rounding to nearest keeps the order of floats, so every
    /// float that was inside is inside.
    pub fn scale(&self, factor: f64) -> Interval {
        if factor == 0.0 {
            return Interval::point(0.0);
        }
        let (lo, hi) = (self.lo * factor, self.hi * factor);
        if factor > 0.0 {
            Interval { lo, hi, ..*self }
        } else {
            Interval {
                lo: hi,
                hi: lo,
                lo_open: self.hi_open,
                hi_open: self.lo_open,
            }
        }
    }

    /// The interval moved by an exact `offset`, ends rounded as in [`Interval::scale`].
    pub fn shift(&self, offset: f64) -> Interval {
        Interval {
            lo: self.lo + offset,
            hi: self.hi + offset,
            ..*self
        }
    }

    /// Whether every value of `other` is a value of `self`.
    pub fn includes(&self, other: &Interval) -> bool {
        let lo_ok = self.lo < other.lo || (self.lo == other.lo && (!self.lo_open || other.lo_open));
        let hi_ok = self.hi > other.hi || (self.hi == other.hi && (!self.hi_open || other.hi_open));
        lo_ok && hi_ok
    }
}

/// `a + b` and whether the floating-point sum is the real one (Knuth's TwoSum).
fn sum(a: f64, b: f64) -> (f64, bool) {
    let s = a + b;
    if !s.is_finite() {
        return (s, true);
    }
    let b_virtual = s - a;
    let a_virtual = s - b_virtual;
    let error = (a - a_virtual) + (b - b_virtual);
    (s, error == 0.0)
}

fn max_lo(a: &Interval, b: &Interval) -> (f64, bool) {
    if a.lo > b.lo {
        (a.lo, a.lo_open)
    } else if b.lo > a.lo {
        (b.lo, b.lo_open)
    } else {
        (a.lo, a.lo_open || b.lo_open)
    }
}

fn min_hi(a: &Interval, b: &Interval) -> (f64, bool) {
    if a.hi < b.hi {
        (a.hi, a.hi_open)
    } else if b.hi < a.hi {
        (b.hi, b.hi_open)
    } else {
        (a.hi, a.hi_open || b.hi_open)
    }
}

/// A low end, one ulp lower when rounding may have raised it.
fn down(x: f64, exact: bool) -> f64 {
    if exact || !x.is_finite() {
        x
    } else {
        x.next_down()
    }
}

/// A high end, one ulp higher when rounding may have lowered it.
fn up(x: f64, exact: bool) -> f64 {
    if exact || !x.is_finite() {
        x
    } else {
        x.next_up()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn interval() -> impl Strategy<Value = (Interval, f64)> {
        // An interval, each end open or closed, and a point inside it, drawn
        // from realistic magnitudes; a point on an end only where it is closed.
        (
            -1e12f64..1e12,
            0.0f64..1e6,
            0.0f64..=1.0,
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(lo, width, t, lo_open, hi_open)| {
                let hi = lo + width;
                let interval = Interval {
                    lo,
                    hi,
                    lo_open: lo_open && width > 0.0,
                    hi_open: hi_open && width > 0.0,
                };
                let x = lo + width * t;
                let x = if interval.contains(x) {
                    x
                } else {
                    lo + width / 2.0
                };
                (interval, x)
            })
            .prop_filter("a point inside", |(i, x)| i.contains(*x))
    }

    /// An interval of positive numbers, each end open or closed.
    fn positive() -> impl Strategy<Value = Interval> {
        (1e-3f64..1e9, 1e-3f64..1e6, any::<bool>(), any::<bool>()).prop_map(
            |(lo, width, lo_open, hi_open)| Interval {
                lo,
                hi: lo + width,
                lo_open,
                hi_open,
            },
        )
    }

    proptest! {
        #[test]
        fn sum_contains_point_sum(((a, x), (b, y)) in (interval(), interval())) {
            prop_assert!(a.add(&b).contains(x + y));
        }

        #[test]
        fn difference_contains_point_difference(((a, x), (b, y)) in (interval(), interval())) {
            prop_assert!(a.sub(&b).contains(x - y));
        }

        #[test]
        fn product_contains_point_product(((a, x), (b, y)) in (interval(), interval())) {
            prop_assert!(a.mul(&b).contains(x * y));
        }

        /// A relative change as the checker computes it: (new / old - 1) × 100.
        #[test]
        fn relative_change_contains_point_change(((old, x), (new, y)) in (interval(), interval())) {
            if let Some(ratio) = new.div(&old) {
                prop_assert!(ratio.shift(-1.0).scale(100.0).contains((y / x - 1.0) * 100.0));
            }
        }

        #[test]
        fn quotient_contains_point_quotient(((a, x), (b, y)) in (interval(), interval())) {
            match a.div(&b) {
                Some(q) => prop_assert!(q.contains(x / y)),
                None => prop_assert!(b.lo <= 0.0 && b.hi >= 0.0),
            }
        }

        /// An end is excluded exactly when no point of the inputs reaches it,
        /// after every operation: `[18.5, 19.5)` stays half-open when scaled
        /// or shifted, and a sum, product or quotient of positive intervals is
        /// open at an end whenever an input's end that makes it is open.
        #[test]
        fn open_and_closed_ends_survive_every_operation(
            a in positive(),
            b in positive(),
            factor in 1e-3f64..1e3,
            offset in -1e6f64..1e6,
        ) {
            let ends = |i: Interval| (i.lo_open, i.hi_open);
            prop_assert_eq!(ends(a.scale(factor)), ends(a));
            prop_assert_eq!(ends(a.scale(-factor)), (a.hi_open, a.lo_open));
            prop_assert_eq!(ends(a.shift(offset)), ends(a));
            prop_assert_eq!(ends(a.neg()), (a.hi_open, a.lo_open));
            let both = (a.lo_open || b.lo_open, a.hi_open || b.hi_open);
            prop_assert_eq!(ends(a.add(&b)), both);
            prop_assert_eq!(ends(a.mul(&b)), both);
            prop_assert_eq!(ends(a.sub(&b)), (a.lo_open || b.hi_open, a.hi_open || b.lo_open));
            let quotient = a.div(&b).unwrap();
            prop_assert_eq!(ends(quotient), (a.lo_open || b.hi_open, a.hi_open || b.lo_open));
            // An unbounded end is never reached.
            let above = Interval::above(a.lo, !a.lo_open);
            prop_assert_eq!(ends(above.scale(factor)), (a.lo_open, true));
            prop_assert_eq!(ends(b.div(&above).unwrap()), (true, b.hi_open || a.lo_open));
        }

        /// Intervals that only touch (`[a, b)` and `[b, c)`, `(60, ∞)` and
        /// `(-∞, 60]`) still only touch in any other unit.
        #[test]
        fn touching_intervals_never_overlap_in_another_unit(
            a in -1e9f64..1e9,
            widths in (1e-6f64..1e6, 1e-6f64..1e6),
            factor in prop_oneof![-1e9f64..-1e-9, 1e-9f64..1e9],
            offset in -1e9f64..1e9,
        ) {
            let b = a + widths.0;
            let c = b + widths.1;
            let low = Interval::half_open(a, b);
            let high = Interval::half_open(b, c);
            prop_assert!(!low.scale(factor).overlaps(&high.scale(factor)));
            prop_assert!(!low.shift(offset).overlaps(&high.shift(offset)));
            let over = Interval::above(b, false);
            let at_most = Interval::below(b, true);
            prop_assert!(!over.scale(factor).overlaps(&at_most.scale(factor)));
            prop_assert!(!over.shift(offset).scale(factor).overlaps(&at_most.shift(offset).scale(factor)));
        }

        /// A closed end that the arithmetic computes exactly is still in the
        /// result: `[2, 3] × [4, 5]` holds 8 and 15.
        #[test]
        fn reached_ends_stay_in(lo in 1u32..1000, width in 0u32..1000, factor in 1u32..1000) {
            let a = Interval::closed(f64::from(lo), f64::from(lo + width));
            let product = a.scale(f64::from(factor));
            prop_assert!(product.contains(f64::from(lo) * f64::from(factor)));
            prop_assert!(product.contains(f64::from(lo + width) * f64::from(factor)));
            prop_assert_eq!(product.lo, f64::from(lo) * f64::from(factor));
        }
    }

    #[test]
    fn bounds_on_either_side_of_one_number_never_meet_after_arithmetic() {
        let over = Interval::above(60.0, false);
        let under = Interval::below(60.0, false);
        let at_most = Interval::below(60.0, true);
        for factor in [1.0, 100.0, 0.01, 1e9, -3.0] {
            assert!(
                !over.scale(factor).overlaps(&under.scale(factor)),
                "× {factor}"
            );
            assert!(
                !over.scale(factor).overlaps(&at_most.scale(factor)),
                "× {factor}"
            );
        }
        assert!(!over.shift(-1.0).overlaps(&under.shift(-1.0)));
    }

    #[test]
    fn half_open_intervals_touching_at_an_excluded_end_do_not_overlap() {
        let low = Interval::half_open(22.5, 23.5);
        let high = Interval::half_open(23.5, 24.5);
        assert!(!low.overlaps(&high));
        assert!(high.overlaps(&Interval::closed(23.5, 23.5)));
    }

    #[test]
    fn bounds_overlap_by_their_openness() {
        assert!(!Interval::above(60.0, false).overlaps(&Interval::below(60.0, true)));
        assert!(Interval::above(60.0, true).overlaps(&Interval::below(60.0, true)));
    }

    #[test]
    fn division_by_an_interval_holding_zero_is_refused() {
        let a = Interval::closed(1.0, 2.0);
        assert_eq!(a.div(&Interval::closed(-1.0, 1.0)), None);
    }
}

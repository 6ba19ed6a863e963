//! The quantity grammar: how people write numbers, and what they mean.
//!
//! One grammar reads claim values, store values and numbers in prose:
//! `$285.9 billion`, `nearly 50%`, `-13pp`, `23x`, `72,816 tCO2e`, `22%..94%`.
//! A number keeps its written digits as an exact decimal, so `40.0` and `40`
//! stay different: the first stands for [39.95, 40.05), the second for
//! [39.5, 40.5). Nothing is reduced to a bare float before its interval is known.

use std::fmt;
use std::sync::OnceLock;

use compact_str::CompactString;
use rustc_hash::FxHashSet;

use nom::{
    Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n, take_while1},
    character::complete::{char, digit1, satisfy, space0, space1},
    combinator::{all_consuming, consumed, cut, map, not, opt, peek, recognize, value},
    error::context,
    multi::many0,
    sequence::{pair, preceded, terminated},
};
use serde::Serialize;

use crate::interval::Interval;
use crate::syntax::{PResult, SyntaxError};

mod claim;
mod fast;
#[cfg(test)]
mod fast_path_tests;
mod prose;
#[cfg(test)]
mod prose_tests;
mod spelled;
#[cfg(test)]
mod tests;
mod units;
mod zh;

// Each reader sees the others' parts: one grammar, in files by what they read.
use claim::*;
use fast::*;
use prose::*;
use spelled::*;
use units::*;
use zh::*;

pub(crate) use claim::quantity;
pub(crate) use prose::QUALIFIERS;
pub use prose::prose_quantity;
pub use units::{COUNTRY_DOLLARS, Measure, is_currency_code, may_name_a_unit, unit_from_words};
pub(crate) use zh::zh_qualifier_at_end;
pub use zh::{is_han, is_measure_word, starts_chinese_numeral};

/// nom's `tag_no_case` for the grammar's tags, which are all ASCII: a byte
/// comparison instead of lower-casing every character of both sides, the
/// most expensive step of reading prose. The same result and the same error
/// (the input, nothing expected) for every input but one: the only
/// non-ASCII character that lower-cases to an ASCII letter is the Kelvin
/// sign (`k`), which no one writes in "bucks" or "Hong Kong dollars".
fn tag_no_case(tag: &'static str) -> impl Fn(&str) -> PResult<'_, &str> {
    debug_assert!(tag.is_ascii());
    move |i: &str| match i.get(..tag.len()) {
        Some(head) if head.eq_ignore_ascii_case(tag) => Ok((&i[tag.len()..], head)),
        _ => Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: None,
            message: None,
        })),
    }
}

/// A decimal number as written: `mantissa × 10^exponent`, sign apart.
///
/// The exponent includes any magnitude word, so `285.9 billion` is
/// `2859 × 10^8` and its last written digit is worth `10^8`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    pub negative: bool,
    pub mantissa: u128,
    pub exponent: i32,
}

impl Number {
    pub fn value(&self) -> f64 {
        let magnitude = self.in_last_digits(self.mantissa as f64);
        if self.negative { -magnitude } else { magnitude }
    }

    /// `x` units of the last written digit. Dividing by a power of ten
    /// rounds once, where multiplying by 0.1 (no exact float) rounds twice:
    /// `19.5` tenths is the float nearest 1.95, as the digits `1.95` read.
    fn in_last_digits(&self, x: f64) -> f64 {
        if self.exponent < 0 {
            x / 10f64.powi(-self.exponent)
        } else {
            x * 10f64.powi(self.exponent)
        }
    }

    /// What the digits stand for when the writer rounded: ± half the last
    /// digit, in units `factor` times the written one.
    pub fn rounding(&self, factor: f64) -> Interval {
        self.around(0.5, 0.5, factor)
    }

    /// What the digits stand for when the writer cut the remaining digits off.
    pub fn truncation(&self, factor: f64) -> Interval {
        self.around(0.0, 1.0, factor)
    }

    /// `[m - below, m + above)` in units of the last digit, mirrored for negatives.
    ///
    /// The ends are the nearest floats to what the digits mean, not pushed
    /// outwards: the same decimal end is always the same float, so the
    /// rounding intervals of neighbouring numbers (19 and 20, 29.6 GW and
    /// 29.7 GW) tile the line without meeting.
    fn around(&self, below: f64, above: f64, factor: f64) -> Interval {
        let m = self.mantissa as f64;
        let (lo, hi) = (
            self.in_last_digits(m - below) * factor,
            self.in_last_digits(m + above) * factor,
        );
        // Past 2^53 the digits outrun a float; the written value stays inside.
        let value = self.in_last_digits(m) * factor;
        let hi = if hi <= value { value.next_up() } else { hi };
        if self.negative {
            Interval {
                lo: -hi,
                hi: -lo,
                lo_open: true,
                hi_open: false,
            }
        } else {
            Interval::half_open(lo, hi)
        }
    }
}

/// A word or symbol that bounds or loosens a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// over, more than, above
    Over,
    /// at least
    AtLeast,
    /// under, less than, below
    Under,
    /// up to, at most
    AtMost,
    /// nearly, almost: at or just below
    Nearly,
    /// about, around, roughly, approximately, ~, ≈
    About,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at least",
            Qualifier::Under => "under",
            Qualifier::AtMost => "up to",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
        }
    }

    /// Whether the qualifier widens the number by the approximation tolerance.
    pub fn is_approximate(self) -> bool {
        matches!(self, Qualifier::Nearly | Qualifier::About)
    }
}

/// What a number counts or measures.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    /// A bare number: it takes the unit of whatever it is compared with.
    Bare,
    /// `%`, `percent`: a share or a rate.
    Percent,
    /// `pp`, `percentage points`: a difference between two percentages.
    PercentagePoints,
    /// `x`, `×`, `times`, `-fold`: a ratio.
    Multiple,
    /// An ISO 4217 code (`$` is `USD`).
    Currency(CompactString),
    /// A physical unit with a dimension and a conversion factor.
    Measure(Measure),
    /// Anything else written after the number (`models`, `H100-equivalents`),
    /// kept in a normal form so that `model` and `Models` agree.
    Noun(CompactString),
    /// An amount per a unit of measure (`$15/hour`, `350 kg per day`,
    /// `twice a week`, `4e14 s⁻¹`): the unit of the amount (bare for a
    /// count) and the measure it is per.
    Rate(Box<Unit>, Measure),
}

impl Unit {
    /// What kind of number this unit makes: `number`, `percent`,
    /// `percentage-points`, `multiple`, `currency`, `measure`, `count`
    /// (a count of something named, such as `models`) or `rate`.
    pub fn kind(&self) -> &'static str {
        match self {
            Unit::Bare => "number",
            Unit::Percent => "percent",
            Unit::PercentagePoints => "percentage-points",
            Unit::Multiple => "multiple",
            Unit::Currency(_) => "currency",
            Unit::Measure(_) => "measure",
            Unit::Noun(_) => "count",
            Unit::Rate(..) => "rate",
        }
    }

    /// The multiplier from this unit to the base unit of its dimension.
    ///
    /// A rate converts as its amount does, per the unit it is written per:
    /// a store states a rate's amount in the amount's unit and names the
    /// period in the metric ("monthly incidents": 80), so `80 per month`
    /// must read as 80, not as 80 per 2,629,800 seconds.
    pub fn factor(&self) -> f64 {
        match self {
            Unit::Measure(m) => m.factor,
            Unit::Rate(amount, _) => amount.factor(),
            _ => 1.0,
        }
    }

    /// A short name for messages: `percent`, `USD`, `GW`, `models`.
    pub fn name(&self) -> String {
        match self {
            Unit::Bare => "a bare number".to_owned(),
            Unit::Percent => "percent".to_owned(),
            Unit::PercentagePoints => "percentage points".to_owned(),
            Unit::Multiple => "a multiple (x)".to_owned(),
            Unit::Currency(code) => code.to_string(),
            Unit::Measure(m) => format!("{} ({})", m.symbol, m.dimension),
            Unit::Noun(noun) => format!("`{noun}`"),
            Unit::Rate(amount, per) => match &**amount {
                Unit::Bare => format!("per {}", per.singular_symbol()),
                amount => format!("{} per {}", amount.name(), per.singular_symbol()),
            },
        }
    }

    /// Two units can be compared when they measure the same thing; a bare
    /// number takes the other side's unit.
    pub fn compatible(&self, other: &Unit) -> bool {
        match (self, other) {
            (Unit::Bare, _) | (_, Unit::Bare) => true,
            (Unit::Currency(a), Unit::Currency(b)) => a == b,
            (Unit::Measure(a), Unit::Measure(b)) => a.dimension == b.dimension,
            // Words after a count describe it ("chips", "H100-equivalents",
            // "models"); they carry no dimension to convert, so two of them
            // never make a claim invalid.
            (Unit::Noun(_), Unit::Noun(_)) => true,
            // Rates per the same unit compare as their amounts do.
            (Unit::Rate(a, p), Unit::Rate(b, q)) => p.symbol == q.symbol && a.compatible(b),
            // A store names the period of a rate in its metric ("monthly
            // incidents", "growth per year") and states the amount alone.
            (Unit::Rate(a, _), b) | (b, Unit::Rate(a, _)) => a.compatible(b),
            (a, b) => a == b,
        }
    }

    /// Of two compatible units, the one that says more (a bare number says least).
    pub fn more_specific(&self, other: &Unit) -> Unit {
        if *self == Unit::Bare {
            other.clone()
        } else {
            self.clone()
        }
    }
}

/// A written quantity: `nearly $285.9 billion`, `22%..94%`, `-13pp`.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The quantity as written, surrounding space trimmed.
    pub text: CompactString,
    pub qualifier: Option<Qualifier>,
    pub low: Number,
    /// The upper end of a range `low..high`.
    pub high: Option<Number>,
    pub unit: Unit,
}

/// How far a share in fraction words ("half", "a third") may be from its
/// fraction, relatively: a writer rounds 47.5% to 52.5% to "half", 31.7%
/// to 35% to "a third". A property of the written form, as the digits'
/// rounding is, not of the configured tolerance.
const FRACTION_ROUNDING: f64 = 0.05;

/// The three readings of a quantity that verdicts need, in base units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    /// Every value the writer's words allow, approximation tolerance included.
    pub set: Interval,
    /// The same without the approximation tolerance.
    pub strict: Interval,
    /// The value the writer had in mind, where one number stands for it.
    pub central: Option<f64>,
}

impl Quantity {
    /// Reads the quantity as an interval; `tolerance` is the relative width
    /// that `about` or `nearly` allow (0.05 for 5%).
    pub fn reading(&self, tolerance: f64) -> Reading {
        let factor = self.unit.factor();
        let in_fraction_words = self.in_fraction_words();
        let low = match self.one_digit_multiple() {
            Some(n) => Interval::half_open(n * (1.0 - tolerance), n + 0.5),
            None if in_fraction_words => {
                let share = self.low.value() * factor;
                Interval::closed(
                    share * (1.0 - FRACTION_ROUNDING),
                    share * (1.0 + FRACTION_ROUNDING),
                )
            }
            None => self.low.rounding(factor),
        };
        let tolerance = self.qualifier_tolerance(tolerance);
        let (digits, central) = match &self.high {
            Some(high) => (low.hull(&high.rounding(factor)), None),
            None => (low, Some(self.low.value() * factor)),
        };
        let point = self.low.value() * factor;
        let (strict, set) = match self.qualifier {
            None => (digits, digits),
            Some(Qualifier::Over) => bound(Interval::above(point, false)),
            Some(Qualifier::AtLeast) => bound(Interval::above(point, true)),
            Some(Qualifier::Under) => bound(Interval::below(self.high_point(factor), false)),
            Some(Qualifier::AtMost) => bound(Interval::below(self.high_point(factor), true)),
            Some(Qualifier::Nearly) => {
                // A multiple of one digit is the coarsest of roundings, and
                // "nearly" owns to rounding up: "nearly 3x" for 2.81x.
                let reach = match self.one_digit_multiple() {
                    Some(_) => 2.0 * tolerance,
                    None => tolerance,
                };
                let slack = (point.abs() * reach).next_up();
                (digits, digits.hull(&Interval::closed(point - slack, point)))
            }
            Some(Qualifier::About) => {
                // ... as "about" and "close to" do either way: "close to
                // triple" for 2.81x.
                let reach = match self.one_digit_multiple() {
                    Some(_) => 2.0 * tolerance,
                    None => tolerance,
                };
                let slack = (point.abs() * reach).next_up();
                (
                    digits,
                    digits.hull(&Interval::closed(point - slack, point + slack)),
                )
            }
        };
        let central = match self.qualifier {
            Some(q) if !q.is_approximate() => None,
            _ => central,
        };
        Reading {
            set,
            strict,
            central,
        }
    }

    /// The quantity in the facts' currency when it says only "dollars" and
    /// the facts are in another country's dollars: "dollars" are US dollars
    /// unless the store says otherwise.
    pub fn in_dollars_of(&self, facts: &Unit) -> Option<Quantity> {
        let Unit::Currency(code) = facts else {
            return None;
        };
        let text = self.text.to_lowercase();
        let plain_dollars = self.unit == Unit::Currency(CompactString::const_new("USD"))
            && (text.ends_with(" dollars") || text.ends_with(" dollar"))
            && !text.contains("us dollar");
        (plain_dollars && code != "USD" && DOLLARS.contains(&code.as_str())).then(|| Quantity {
            unit: facts.clone(),
            ..self.clone()
        })
    }

    /// `2x`, `3x`, "doubled", "tripled": a multiple written with one digit.
    ///
    /// Writers round such multiples down ("more than doubled" for 2.3x is
    /// said "doubled"), never up: so `2x` reads as [2 less the tolerance,
    /// 2.5), not as the [1.5, 2.5) its digit would allow, and 1.55x is not
    /// "doubled". The reading is documented in GRAMMAR.md.
    fn one_digit_multiple(&self) -> Option<f64> {
        let one_digit = self.unit == Unit::Multiple
            && self.high.is_none()
            && !self.low.negative
            && self.low.exponent == 0
            && (1..=9).contains(&self.low.mantissa);
        one_digit.then(|| self.low.value())
    }

    /// Whether the quantity is a share written as a fraction ("half", "a
    /// third", "two-thirds", "三分之一", "一半"): a writer rounds to the
    /// nearest simple fraction, so it stands for the fraction give or take
    /// [`FRACTION_ROUNDING`], not for the tenth of a percent its value is
    /// written to.
    pub fn in_fraction_words(&self) -> bool {
        if self.unit != Unit::Percent
            || self.high.is_some()
            || self.text.chars().any(char::is_numeric)
        {
            return false;
        }
        let text = self.text.to_ascii_lowercase();
        let zh_fraction = text
            .match_indices("分之")
            .any(|(at, _)| !text[..at].ends_with(['百', '千', '万']));
        zh_fraction
            || text.contains('半')
            || spelled::FRACTIONS.iter().any(|(word, _)| {
                text.match_indices(word).any(|(at, _)| {
                    let before = text[..at].chars().next_back();
                    let after = text[at + word.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            })
    }

    /// The relative width `about` or `nearly` allow this quantity, given
    /// the configured `tolerance`: twice that on a share in fraction words,
    /// which the writer already rounded to the nearest simple fraction
    /// ("nearly half" of 47%).
    pub fn qualifier_tolerance(&self, tolerance: f64) -> f64 {
        if self.in_fraction_words() {
            2.0 * tolerance
        } else {
            tolerance
        }
    }

    fn high_point(&self, factor: f64) -> f64 {
        self.high.unwrap_or(self.low).value() * factor
    }

    /// What the last written digit is worth, in base units.
    pub fn last_digit(&self) -> f64 {
        let exponent = self
            .high
            .map_or(self.low.exponent, |h| h.exponent.min(self.low.exponent));
        10f64.powi(exponent) * self.unit.factor()
    }

    /// Whether the digits may be cut off from a value whose last digit is
    /// worth `facts_last_digit`: only where it has digits to cut, so 21 is
    /// no truncation of a count of 20, and $285 billion may be one of $285.9
    /// billion. (A part in a million keeps float noise, as in 0.1 GW against
    /// 100 MW, from telling equal digits apart.)
    pub fn may_be_cut_from(&self, facts_last_digit: f64) -> bool {
        self.last_digit() > facts_last_digit * 1.000_001
    }

    /// The truncated reading (`$285 billion` for $285.9 billion), for plain
    /// numbers only: a one-digit multiple's reading already says how far
    /// above its digit it may go.
    pub fn truncated(&self) -> Option<Interval> {
        match (self.qualifier, &self.high) {
            (None, None) if self.one_digit_multiple().is_none() => {
                Some(self.low.truncation(self.unit.factor()))
            }
            _ => None,
        }
    }
}

fn bound(interval: Interval) -> (Interval, Interval) {
    (interval, interval)
}

/// A quantity string that does not follow the grammar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct QuantityError {
    /// Byte offset in the string where reading failed.
    pub offset: usize,
    pub message: String,
}

/// Whether a word is a year as prose writes one: four digits, 19xx or
/// 20xx ("2025", not "2,025" or "1500").
pub fn is_year(word: &str) -> bool {
    word.len() == 4
        && (word.starts_with("19") || word.starts_with("20"))
        && word.bytes().all(|b| b.is_ascii_digit())
}

/// Parses a whole string as one quantity (a store value, a `-e` value).
pub fn parse_quantity(text: &str) -> Result<Quantity, QuantityError> {
    let trimmed = text.trim_end();
    let start = trimmed.len() - trimmed.trim_start().len();
    match all_consuming(terminated(quantity, space0)).parse(&trimmed[start..]) {
        Ok((_, q)) => Ok(q),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(QuantityError {
            offset: text.len() - e.rest.len() - (text.len() - trimmed.len()),
            message: e.describe(),
        }),
        Err(nom::Err::Incomplete(_)) => Err(QuantityError {
            offset: text.len(),
            message: "incomplete quantity".to_owned(),
        }),
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

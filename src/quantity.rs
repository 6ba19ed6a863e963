//! The quantity grammar: how people write numbers, and what they mean.
//!
//! One grammar reads claim values, store values and (later) numbers in prose:
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

/// nom's `tag_no_case` for the grammar's tags, which are all ASCII: a byte
/// comparison instead of lower-casing every character of both sides, the
/// most expensive step of reading prose. The same result and the same error
/// (the input, nothing expected) for every input: the only non-ASCII
/// character that lower-cases to an ASCII letter is the Kelvin sign (`k`),
/// and no tag of this grammar holds a `k`.
fn tag_no_case(tag: &'static str) -> impl Fn(&str) -> PResult<'_, &str> {
    debug_assert!(tag.is_ascii() && !tag.contains(['k', 'K']));
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

/// A unit of measure with a dimension; conversions stay inside a dimension.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    pub symbol: &'static str,
    pub dimension: &'static str,
    pub factor: f64,
}

const MEASURES: &[(&str, Measure)] = &[
    ("w", measure("W", "power", 1.0)),
    ("kw", measure("kW", "power", 1e3)),
    ("mw", measure("MW", "power", 1e6)),
    ("gw", measure("GW", "power", 1e9)),
    ("tw", measure("TW", "power", 1e12)),
    ("wh", measure("Wh", "energy", 1.0)),
    ("kwh", measure("kWh", "energy", 1e3)),
    ("mwh", measure("MWh", "energy", 1e6)),
    ("gwh", measure("GWh", "energy", 1e9)),
    ("twh", measure("TWh", "energy", 1e12)),
    ("kb", measure("KB", "data", 1e3)),
    ("mb", measure("MB", "data", 1e6)),
    ("gb", measure("GB", "data", 1e9)),
    ("tb", measure("TB", "data", 1e12)),
    ("pb", measure("PB", "data", 1e15)),
    ("second", measure("seconds", "time", 1.0)),
    ("minute", measure("minutes", "time", 60.0)),
    ("hour", measure("hours", "time", 3600.0)),
    ("day", measure("days", "time", 86400.0)),
    ("week", measure("weeks", "time", 604800.0)),
    ("month", measure("months", "time", 2629800.0)),
    ("year", measure("years", "time", 31557600.0)),
    ("liter", measure("liters", "volume", 1.0)),
    ("litre", measure("liters", "volume", 1.0)),
    ("kiloliter", measure("kiloliters", "volume", 1e3)),
    ("kilolitre", measure("kiloliters", "volume", 1e3)),
    ("megaliter", measure("megaliters", "volume", 1e6)),
    ("tco2e", measure("tCO2e", "emissions", 1.0)),
    ("t co2e", measure("tCO2e", "emissions", 1.0)),
    ("tonnes co2e", measure("tCO2e", "emissions", 1.0)),
    ("tons co2e", measure("tCO2e", "emissions", 1.0)),
    (
        "tonnes of co2 equivalent",
        measure("tCO2e", "emissions", 1.0),
    ),
    ("tons of co2 equivalent", measure("tCO2e", "emissions", 1.0)),
    (
        "metric tons of co2 equivalent",
        measure("tCO2e", "emissions", 1.0),
    ),
    ("ktco2e", measure("ktCO2e", "emissions", 1e3)),
    ("mtco2e", measure("MtCO2e", "emissions", 1e6)),
];

const fn measure(symbol: &'static str, dimension: &'static str, factor: f64) -> Measure {
    Measure {
        symbol,
        dimension,
        factor,
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
}

impl Unit {
    /// The multiplier from this unit to the base unit of its dimension.
    pub fn factor(&self) -> f64 {
        match self {
            Unit::Measure(m) => m.factor,
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
        let low = match self.one_digit_multiple() {
            Some(n) => Interval::half_open(n * (1.0 - tolerance), n + 0.5),
            None => self.low.rounding(factor),
        };
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
                let slack = (point.abs() * tolerance).next_up();
                (digits, digits.hull(&Interval::closed(point - slack, point)))
            }
            Some(Qualifier::About) => {
                let slack = (point.abs() * tolerance).next_up();
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

    fn high_point(&self, factor: f64) -> f64 {
        self.high.unwrap_or(self.low).value() * factor
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

/// `[qualifier] amount [.. amount]`, units shared across a range.
pub(crate) fn quantity(i: &str) -> PResult<'_, Quantity> {
    let (rest, (text, mut q)) = consumed(quantity_parts).parse(i)?;
    q.text = CompactString::from(text);
    Ok((rest, q))
}

fn quantity_parts(i: &str) -> PResult<'_, Quantity> {
    // Most quantities start with a digit or a currency sign; only try the
    // seventeen qualifier spellings when one could be there.
    let (i, qualifier) = if i.starts_with(|c: char| c.is_alphabetic() || c == '~' || c == '≈') {
        opt(qualifier).parse(i)?
    } else {
        (i, None)
    };
    let (i, (low, low_unit)) = amount(i)?;
    let (i, high) = opt(preceded(
        tag(".."),
        cut(context("the upper end of the range", amount)),
    ))
    .parse(i)?;
    let quantity = match high {
        None => Quantity {
            text: CompactString::const_new(""),
            qualifier,
            low,
            high: None,
            unit: low_unit,
        },
        Some((high, high_unit)) => {
            if !low_unit.compatible(&high_unit) {
                return Err(nom::Err::Failure(SyntaxError {
                    rest: i,
                    expected: None,
                    message: Some(format!(
                        "the ends of a range differ in unit: {} and {}",
                        low_unit.name(),
                        high_unit.name()
                    )),
                }));
            }
            range(qualifier, low, low_unit, high, high_unit)
        }
    };
    Ok((i, quantity))
}

/// The part of an exponent that came from a magnitude word (a multiple of 3).
fn magnitude_of(exponent: i32) -> i32 {
    exponent.div_euclid(3) * 3
}

fn qualifier(i: &str) -> PResult<'_, Qualifier> {
    let word = |w: &'static str, q: Qualifier| value(q, terminated(tag_no_case(w), space1));
    let symbol = |s: &'static str, q: Qualifier| value(q, terminated(tag(s), space0));
    alt((
        word("more than", Qualifier::Over),
        word("at least", Qualifier::AtLeast),
        word("less than", Qualifier::Under),
        word("up to", Qualifier::AtMost),
        word("at most", Qualifier::AtMost),
        word("over", Qualifier::Over),
        word("above", Qualifier::Over),
        word("under", Qualifier::Under),
        word("below", Qualifier::Under),
        word("nearly", Qualifier::Nearly),
        word("almost", Qualifier::Nearly),
        word("about", Qualifier::About),
        word("around", Qualifier::About),
        word("roughly", Qualifier::About),
        word("approximately", Qualifier::About),
        symbol("~", Qualifier::About),
        symbol("≈", Qualifier::About),
    ))
    .parse(i)
}

/// `[sign] [currency] digits [magnitude] [unit]`
fn amount(i: &str) -> PResult<'_, (Number, Unit)> {
    let (i, negative) = opt(sign).parse(i)?;
    let (i, prefix) = opt(currency_prefix).parse(i)?;
    let (i, (mantissa, exponent)) = context("a number", digits).parse(i)?;
    let (i, magnitude) = opt(magnitude).parse(i)?;
    let suffix_start = i;
    let (i, suffix) = if prefix.is_some() {
        opt(alt((currency_suffix, percent_like))).parse(i)?
    } else {
        opt(unit).parse(i)?
    };
    let unit = match (prefix, suffix) {
        (Some(code), None) => Unit::Currency(code),
        (Some(code), Some(Unit::Currency(other))) if code == other => Unit::Currency(code),
        (Some(code), Some(other)) => {
            return Err(nom::Err::Failure(SyntaxError {
                rest: suffix_start,
                expected: None,
                message: Some(format!(
                    "a {code} amount cannot also be in {}",
                    other.name()
                )),
            }));
        }
        (None, suffix) => suffix.unwrap_or(Unit::Bare),
    };
    let number = Number {
        negative: negative.unwrap_or(false),
        mantissa,
        exponent: exponent + magnitude.unwrap_or(0),
    };
    Ok((i, (number, unit)))
}

fn sign(i: &str) -> PResult<'_, bool> {
    // A match on the first character: tried before every number, so nom's
    // alternatives (one error value per miss) cost more than the reading.
    let mut chars = i.chars();
    let negative = match chars.next() {
        Some('+') => false,
        Some('-' | '−') => true,
        _ => return Err(no_match(i, "a sign")),
    };
    Ok((chars.as_str(), negative))
}

/// The error of a hand-written parser that did not match at `i`.
fn no_match<'a>(i: &'a str, expected: &'static str) -> nom::Err<SyntaxError<'a>> {
    nom::Err::Error(SyntaxError {
        rest: i,
        expected: Some(expected),
        message: None,
    })
}

const ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "CNY", "RMB", "JPY", "CHF", "CAD", "AUD", "INR", "KRW", "SGD", "HKD",
    "BRL", "SEK", "NOK", "DKK", "AED", "SAR", "ILS", "TWD", "MXN", "ZAR", "NZD",
];

fn iso_code(i: &str) -> PResult<'_, CompactString> {
    let (rest, code) = terminated(
        take_while1(|c: char| c.is_ascii_uppercase()),
        not(peek(satisfy(char::is_alphanumeric))),
    )
    .parse(i)?;
    if ISO_CODES.contains(&code) {
        // The renminbi has two names in use; one code keeps them comparable.
        let code = if code == "RMB" { "CNY" } else { code };
        Ok((rest, CompactString::from(code)))
    } else {
        Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: Some("a currency code"),
            message: None,
        }))
    }
}

fn currency_prefix(i: &str) -> PResult<'_, CompactString> {
    // Every alternative starts with a currency sign or an upper-case letter.
    if !i.starts_with(|c: char| c.is_ascii_uppercase() || matches!(c, '$' | '€' | '£' | '¥')) {
        return Err(no_match(i, "a currency"));
    }
    alt((
        map(tag("US$"), |_| CompactString::const_new("USD")),
        map(char('$'), |_| CompactString::const_new("USD")),
        map(char('€'), |_| CompactString::const_new("EUR")),
        map(char('£'), |_| CompactString::const_new("GBP")),
        map(char('¥'), |_| CompactString::const_new("JPY")),
        terminated(iso_code, space1),
    ))
    .parse(i)
}

fn currency_suffix(i: &str) -> PResult<'_, Unit> {
    map(preceded(space1, iso_code), Unit::Currency).parse(i)
}

/// Digits with optional thousands separators and a fraction: `72,816`, `285.9`.
fn digits(i: &str) -> PResult<'_, (u128, i32)> {
    let (rest, text) = recognize((
        digit1,
        many0(preceded(char(','), grouped_digits)),
        opt(preceded(char('.'), digit1)),
    ))
    .parse(i)?;
    match decimal_digits(text) {
        Some(value) => Ok((rest, value)),
        None => Err(nom::Err::Failure(too_many_digits(i))),
    }
}

/// The exact decimal that digits spell, separators skipped: `285.9` is
/// `(2859, -1)`. `None` when the digits do not fit in 128 bits.
fn decimal_digits(text: &str) -> Option<(u128, i32)> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut mantissa: u128 = 0;
    for c in whole
        .chars()
        .chain(fraction.chars())
        .filter(char::is_ascii_digit)
    {
        let digit = u128::from(c as u8 - b'0');
        mantissa = mantissa.checked_mul(10)?.checked_add(digit)?;
    }
    let digits = fraction.chars().filter(char::is_ascii_digit).count();
    Some((mantissa, -i32::try_from(digits).ok()?))
}

fn too_many_digits(i: &str) -> SyntaxError<'_> {
    SyntaxError {
        rest: i,
        expected: None,
        message: Some("number has too many digits".to_owned()),
    }
}

/// Exactly three digits after a thousands separator, so `1,5` is not a number.
fn grouped_digits(i: &str) -> PResult<'_, &str> {
    terminated(
        recognize((satisfy(is_digit), satisfy(is_digit), satisfy(is_digit))),
        not(peek(satisfy(is_digit))),
    )
    .parse(i)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

fn word_end(i: &str) -> PResult<'_, ()> {
    not(peek(satisfy(|c: char| c.is_alphanumeric()))).parse(i)
}

fn magnitude(i: &str) -> PResult<'_, i32> {
    let long = |w: &'static str, e: i32| value(e, (space0, tag_no_case(w), word_end));
    let short = |w: &'static str, e: i32| value(e, (tag(w), word_end));
    alt((
        long("thousand", 3),
        long("million", 6),
        long("billion", 9),
        long("trillion", 12),
        long("mn", 6),
        long("bn", 9),
        long("tn", 12),
        short("k", 3),
        short("K", 3),
        short("M", 6),
        short("B", 9),
        short("T", 12),
    ))
    .parse(i)
}

fn percent_like(i: &str) -> PResult<'_, Unit> {
    alt((
        value(Unit::Percent, preceded(space0, char('%'))),
        value(Unit::PercentagePoints, (space0, tag("pp"), word_end)),
        value(Unit::PercentagePoints, (space0, tag("p.p."))),
        value(
            Unit::PercentagePoints,
            (
                space1,
                tag_no_case("percentage point"),
                opt(char('s')),
                word_end,
            ),
        ),
        value(Unit::Percent, (space1, tag_no_case("percent"), word_end)),
        value(Unit::Percent, (space1, tag_no_case("per cent"), word_end)),
    ))
    .parse(i)
}

fn multiple(i: &str) -> PResult<'_, Unit> {
    alt((
        value(Unit::Multiple, (tag("x"), word_end)),
        value(Unit::Multiple, (space0, char('×'))),
        value(Unit::Multiple, (space1, tag_no_case("times"), word_end)),
        value(Unit::Multiple, (tag_no_case("-fold"), word_end)),
    ))
    .parse(i)
}

fn unit(i: &str) -> PResult<'_, Unit> {
    alt((percent_like, multiple, currency_suffix, unit_words)).parse(i)
}

/// Words after the number that name what it counts: `GW`, `million H100-equivalents`.
fn unit_words(i: &str) -> PResult<'_, Unit> {
    let (rest, words) = preceded(
        space1,
        recognize(pair(unit_word, many0(preceded(char(' '), unit_word)))),
    )
    .parse(i)?;
    Ok((rest, unit_from_words(words)))
}

/// Tokens that end a unit: claim operators and the words the claim grammar uses.
const NOT_UNIT_WORDS: &[&str] = &[
    "vs", "vs.", "->", "..", "=", "<", ">", "<=", ">=", "~", "≈", "-", "+", "/", "*", "x", "×", "→",
];

fn unit_word(i: &str) -> PResult<'_, &str> {
    let (rest, word) = take_while1(|c: char| !c.is_whitespace()).parse(i)?;
    let reserved = NOT_UNIT_WORDS.contains(&word)
        || !word.starts_with(char::is_alphanumeric)
        || word.contains("..");
    if reserved {
        Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: Some("a unit"),
            message: None,
        }))
    } else {
        Ok((rest, word))
    }
}

/// Maps unit words to a unit: a known measure, or a noun in a normal form.
pub fn unit_from_words(words: &str) -> Unit {
    let lower = words.to_lowercase();
    let singular = singular(&lower);
    if let Some((_, m)) = MEASURES.iter().find(|(k, _)| *k == singular || *k == lower) {
        return Unit::Measure(*m);
    }
    // "285.9 billion dollars" is $285.9 billion: a currency's name means the
    // currency prose mode reads it as ("dollars" are US dollars).
    let named = singular.strip_prefix("us ").unwrap_or(&singular);
    if let Some(&(_, code)) = CURRENCY_WORDS.iter().find(|(word, _)| *word == named) {
        return Unit::Currency(CompactString::const_new(code));
    }
    Unit::Noun(CompactString::from(singular))
}

fn singular(word: &str) -> String {
    let mut out: Vec<&str> = word.split(' ').collect();
    if let Some(last) = out.last_mut()
        && last.len() > 3
        && last.ends_with('s')
        && !last.ends_with("ss")
    {
        *last = &last[..last.len() - 1];
    }
    out.join(" ")
}

// ---------------------------------------------------------------------------
// Prose mode
//
// Claims and store values put a number where the grammar expects one, so the
// words after it can safely be read as its unit. Prose does not: in "59 in
// 2025" or "5,427 data centers" the following words are just prose. Prose mode
// reads the same numbers, magnitudes, currencies, percentages and multiples,
// but only units it knows (no free nouns), plus what writers spell out:
// "twenty-three times", "nearly half", "a third", "more than doubled".
// ---------------------------------------------------------------------------

/// Reads one quantity at the very start of `text` as prose writes it.
///
/// Returns the quantity and the number of bytes it spans, or `None` when
/// `text` does not start with a number (or starts with a name that holds
/// digits, such as `4o` or an ordinal such as `21st`). `ranges` allows
/// `14-15%`, `1.8% to 5.4%` and `between 44 and 50`; a caller that has seen
/// "from" before the number turns it off, since "from 24% to 11%" is a change.
pub fn prose_quantity(text: &str, ranges: bool) -> Option<(Quantity, usize)> {
    match fast_prose_quantity(text, ranges) {
        Some(read) => Some(read),
        None => prose_quantity_full(text, ranges),
    }
}

/// [`prose_quantity`] by the nom grammar alone: the reference that the fast
/// path must agree with, and the reading of everything the fast path declines.
fn prose_quantity_full(text: &str, ranges: bool) -> Option<(Quantity, usize)> {
    let parsed: PResult<'_, Quantity> = consumed(|i| prose_parts(i, ranges))
        .map(|(written, mut q): (&str, Quantity)| {
            q.text = CompactString::from(written.trim_end());
            q
        })
        .parse(text);
    match parsed {
        Ok((rest, q)) => Some((q, text.len() - rest.len())),
        Err(_) => None,
    }
}

/// The common shapes of [`prose_quantity`] read by hand, byte by byte: a
/// number led by a digit or a currency sign (`5,427`, `285.9`, `2024`,
/// `$285.9 billion`, `60%`, `23x`, `6 percentage points`) followed by
/// punctuation, the end, or a space and a word that is no magnitude or unit;
/// the simple spelled amounts ([`fast_word_amount`]); either after a
/// qualifier, and two of them joined into a range (`1.8% to 5.4%`, `14-15%`,
/// `six to eight`). `None` declines: anything the grammar reads specially
/// (fractions, scientific notation, signs, spaced thousands, units,
/// uncertainties, `between`) goes to the full parser, which this must agree
/// with exactly (see the tests).
fn fast_prose_quantity(text: &str, ranges: bool) -> Option<(Quantity, usize)> {
    let (qualifier, start) = if starts_with_digits(text) {
        (None, 0)
    } else {
        match qualifier_phrase(text) {
            Some((qualifier, len)) => (Some(qualifier), len),
            None => (None, 0),
        }
    };
    let (low, low_unit, len) = fast_prose_amount(&text[start..], ranges)?;
    let end = start + len;
    if ranges && may_continue_range(&text[end..]) {
        let (high, len) = fast_range_end(&text[end..])?;
        if let Some((high, high_unit)) = high
            && joins_range(&low_unit, &high_unit)
        {
            let end = end + len;
            let range = Quantity {
                text: CompactString::from(text[..end].trim_end()),
                ..range(qualifier, low, low_unit, high, high_unit)
            };
            return Some((range, end));
        }
    }
    let quantity = Quantity {
        text: CompactString::from(text[..end].trim_end()),
        qualifier,
        low,
        high: None,
        unit: low_unit,
    };
    Some((quantity, end))
}

/// [`prose_amount`] for the fast path: the number, its unit and the bytes
/// read, or `None` to leave `text` to the grammar.
fn fast_prose_amount(text: &str, ranges: bool) -> Option<(Number, Unit, usize)> {
    if starts_with_digits(text) {
        fast_amount(text)
    } else if ranges && text.starts_with(['b', 'B']) {
        // `between 44 and 50`
        None
    } else {
        fast_word_amount(text)
    }
}

/// After a number where [`may_continue_range`] holds: the other end of the
/// range the grammar reads there and the bytes up to its end, `(None, 0)`
/// where the grammar reads none (`5 tons`, `2024 to the`), or `None` where
/// the fast path cannot tell.
fn fast_range_end(rest: &str) -> Option<(Option<(Number, Unit)>, usize)> {
    let Some(separator) = range_separator(rest) else {
        return Some((None, 0));
    };
    let after = &rest[separator..];
    if let Some((high, unit, len)) = fast_prose_amount(after, false) {
        return Some((Some((high, unit)), separator + len));
    }
    // What no amount starts with: no digit, sign, currency sign or code,
    // vulgar fraction, nor a word a spelled amount starts with.
    let first = leading_letters(after);
    let no_amount = match after.bytes().next() {
        None => true,
        Some(b'a'..=b'z') => !may_start_word_amount(first),
        Some(b) => b.is_ascii() && !b.is_ascii_alphanumeric() && !starts_with_digits(after),
    };
    no_amount.then_some((None, 0))
}

/// The range separator `prose_parts` reads at the start of `rest` (`-`,
/// `–`, `—` with any spaces, ` to `, `..`): the bytes it spans.
fn range_separator(rest: &str) -> Option<usize> {
    let spaces = |s: &str| s.bytes().take_while(|b| matches!(b, b' ' | b'\t')).count();
    let before = spaces(rest);
    let after = &rest[before..];
    if let Some(dash) = ["-", "–", "—"].into_iter().find(|d| after.starts_with(d)) {
        let at = before + dash.len();
        return Some(at + spaces(&rest[at..]));
    }
    if before > 0 && after.starts_with("to") {
        let tail = spaces(&after[2..]);
        if tail > 0 {
            return Some(before + 2 + tail);
        }
    }
    rest.starts_with("..").then_some(2)
}

/// The qualifier phrases of prose, in the order they are tried.
pub(crate) const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("more than", Qualifier::Over),
    ("just over", Qualifier::Over),
    ("exceeding", Qualifier::Over),
    ("at least", Qualifier::AtLeast),
    ("less than", Qualifier::Under),
    ("fewer than", Qualifier::Under),
    ("just under", Qualifier::Under),
    ("up to", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("as many as", Qualifier::AtMost),
    ("as much as", Qualifier::AtMost),
    ("over", Qualifier::Over),
    ("above", Qualifier::Over),
    ("under", Qualifier::Under),
    ("below", Qualifier::Under),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("close to", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("roughly", Qualifier::About),
    ("approximately", Qualifier::About),
    ("some", Qualifier::About),
];

/// A qualifier phrase of [`QUALIFIERS`] in any ASCII case, and the spaces
/// after it (at least one): the qualifier and the bytes read.
fn qualifier_phrase(text: &str) -> Option<(Qualifier, usize)> {
    let bytes = text.as_bytes();
    // Every number word and every qualifier passes here: the first letter
    // rules out most of the phrases at once.
    let first = bytes.first()?.to_ascii_lowercase();
    let (phrase, qualifier) = QUALIFIERS.iter().find(|(phrase, _)| {
        phrase.as_bytes()[0].to_ascii_lowercase() == first
            && bytes
                .get(..phrase.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(phrase.as_bytes()))
            && matches!(bytes.get(phrase.len()), Some(b' ' | b'\t'))
    })?;
    let spaces = bytes[phrase.len()..]
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    Some((*qualifier, phrase.len() + spaces))
}

/// [`digit_amount`] for the fast path: the number, its unit and the bytes
/// read, or `None` to leave `text` to the grammar.
fn fast_amount(text: &str) -> Option<(Number, Unit, usize)> {
    let bytes = text.as_bytes();
    let (currency, start) = match bytes.first()? {
        b'0'..=b'9' => (None, 0),
        b'$' => (Some("USD"), 1),
        // £ ¥
        0xC2 if bytes.get(1) == Some(&0xA3) => (Some("GBP"), 2),
        0xC2 if bytes.get(1) == Some(&0xA5) => (Some("JPY"), 2),
        // €
        0xE2 if bytes.get(1..3) == Some(&[0x82, 0xAC]) => (Some("EUR"), 3),
        _ => return None,
    };
    let run = |from: usize| {
        bytes
            .get(from..)
            .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
    };
    let leading = run(start);
    if leading == 0 {
        return None;
    }
    // `prose_digits`: `,ddd` groups, else groups of three after a space
    // (declined here), then an optional fraction.
    let mut end = start + leading;
    let mut grouped = false;
    while bytes.get(end) == Some(&b',') && run(end + 1) == 3 {
        end += 4;
        grouped = true;
    }
    if !grouped && spaced_digit(&bytes[end..]) {
        return None;
    }
    let mut fraction = 0;
    if bytes.get(end) == Some(&b'.') {
        fraction = run(end + 1);
        if fraction > 0 {
            end += 1 + fraction;
        }
    }
    let written = &bytes[start..end];
    let digits = written.iter().filter(|b| b.is_ascii_digit());
    // 128-bit arithmetic costs more than the rest of reading most numbers,
    // and 19 digits fit in 64 bits.
    let mantissa = if written.len() <= 19 {
        u128::from(digits.fold(0u64, |m, &b| m * 10 + u64::from(b - b'0')))
    } else {
        let mut mantissa: u128 = 0;
        for &b in digits {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(u128::from(b - b'0'))?;
        }
        mantissa
    };
    let mut exponent = -i32::try_from(fraction).ok()?;
    let rest = &bytes[end..];
    // What `prose_number` reads after the digits: `1/40`, `2 1/2`, `2½`,
    // `4e14`, `2.48×10−5`, `5x10-3`; and what may start an uncertainty,
    // a sign or a unit the fast path does not read.
    let declined = match rest.first() {
        Some(b'/' | b'e' | b'E') => true,
        Some(b) if !b.is_ascii() => text[end..].starts_with(['½', '¼', '¾', '⅓', '⅔', '×']),
        _ => false,
    };
    if declined || spaced_digit(rest) {
        return None;
    }
    let unit_end;
    let unit = 'unit: {
        match rest.first() {
            None => {
                unit_end = end;
                None
            }
            Some(b'%') if currency.is_none() && word_ends(&rest[1..]) => {
                unit_end = end + 1;
                Some(Unit::Percent)
            }
            Some(b'x') if currency.is_none() && word_ends(&rest[1..]) => {
                // `5x 10^3` is scientific notation.
                let after = &rest[1..];
                let spaced = after
                    .iter()
                    .take_while(|b| matches!(b, b' ' | b'\t'))
                    .count();
                if after[spaced..].starts_with(b"10") {
                    return None;
                }
                unit_end = end + 1;
                Some(Unit::Multiple)
            }
            // `14-15%`: a hyphen starts no unit but `-fold`.
            Some(b'-')
                if !rest
                    .get(1..5)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"fold")) =>
            {
                unit_end = end;
                None
            }
            Some(_) => {
                let after = &text[end..];
                if may_have_unit(after) {
                    if let Some((power, len)) = fast_magnitude(rest) {
                        exponent += power;
                        if !plain_after_magnitude(&after[len..]) {
                            return None;
                        }
                        unit_end = end + len;
                    } else {
                        let (unit, len) = fast_spaced_unit(after, currency.is_some())?;
                        unit_end = end + len;
                        break 'unit unit;
                    }
                } else {
                    // `word_end`: nothing alphanumeric glued to the digits.
                    if after.starts_with(char::is_alphanumeric) {
                        return None;
                    }
                    unit_end = end;
                }
                None
            }
        }
    };
    let unit = match (unit, currency) {
        (Some(unit), None) => unit,
        (None, Some(code)) => Unit::Currency(CompactString::const_new(code)),
        (None, None) => Unit::Bare,
        (Some(_), Some(_)) => return None,
    };
    let number = Number {
        negative: false,
        mantissa,
        exponent,
    };
    Some((number, unit, unit_end))
}

/// A word after the digits and spaces that `may_have_unit` could not rule
/// out (`29.6 GW`, `4,000 AI`) and that is no magnitude: the unit the
/// grammar reads there and the bytes it spans, or `None` where the fast path
/// cannot tell. After a currency sign the grammar reads only currency codes
/// and percentages there, so the number ends before the word.
fn fast_spaced_unit(after: &str, currency: bool) -> Option<(Option<Unit>, usize)> {
    let spaces = after.bytes().take_while(|b| *b == b' ').count();
    let word = &after.as_bytes()[spaces..];
    let len = word
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if spaces == 0 || len == 0 || len > 16 || !word[0].is_ascii_alphabetic() {
        return None;
    }
    if !word_ends(&word[len..]) {
        return None;
    }
    if !currency && let Some((unit, len)) = share_or_multiple(&after[spaces..]) {
        return Some((Some(unit), spaces + len));
    }
    let word = &word[..len];
    // What the grammar tries before a measure: the unit words (magnitudes,
    // percentages, `times`, currency words), in the singular or the plural,
    // the `p` of `p.p.`, and currency codes. Declining a plural the grammar
    // would not read is only slower.
    let singular = word
        .strip_suffix(b"s")
        .or_else(|| word.strip_suffix(b"S"))
        .unwrap_or(word);
    let unit_word = UNIT_WORDS.iter().any(|w| {
        w.as_bytes().eq_ignore_ascii_case(word) || w.as_bytes().eq_ignore_ascii_case(singular)
    });
    if unit_word || word.eq_ignore_ascii_case(b"p") {
        return None;
    }
    let code = std::str::from_utf8(word).ok()?;
    if ISO_CODES.contains(&code) {
        return None;
    }
    if currency {
        return Some((None, 0));
    }
    if let Ok((rest, unit)) = measure_word(after) {
        return Some((Some(unit), after.len() - rest.len()));
    }
    if let Ok((rest, unit)) = prose_symbol(after) {
        return Some((Some(unit), after.len() - rest.len()));
    }
    Some((None, 0))
}

/// [`word_amount`] for the fast path, on the spelled amounts prose uses
/// most: a multiplying word (`twice`), a fraction word alone or after "a"
/// (`quarter`, `a third`), and a number below a hundred (`six`,
/// `twenty-three`) or "a", either with a scale word (`a billion`, `ten
/// million`), then a unit (`times`, `percentage points`, `dollars`, `GW`).
/// `None` declines, among others, `two thirds`, `one hundred`, `six million
/// two hundred`, `three and a half` and `5 pp`.
fn fast_word_amount(text: &str) -> Option<(Number, Unit, usize)> {
    let word = leading_letters(text);
    let after = &text[word.len()..];
    let known = |w: &&str| w.eq_ignore_ascii_case(word);
    // `multiplier_word` and `fraction_amount` are tried first; each word of
    // theirs is a whole run of letters and no number word.
    if let Some(&(_, mantissa, exponent)) = MULTIPLIERS.iter().find(|(w, ..)| known(w)) {
        let number = plain(mantissa, exponent);
        return ends_word(after).then_some((number, Unit::Multiple, word.len()));
    }
    if let Some(&(_, denominator)) = FRACTIONS.iter().find(|(w, _)| known(w)) {
        let share = share(1, denominator);
        return ends_word(after).then_some((share, Unit::Percent, word.len()));
    }
    let lone_a = word.eq_ignore_ascii_case("a");
    let (group, len) = if lone_a {
        // `a third`, `a-quarter`; else "a" is a number only before a scale.
        let next = after.strip_prefix([' ', '-'])?;
        let denominator = leading_letters(next);
        if let Some(&(_, d)) = FRACTIONS
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(denominator))
        {
            let len = 2 + denominator.len();
            return ends_word(&text[len..]).then_some((share(1, d), Unit::Percent, len));
        }
        (1, 1)
    } else {
        let (group, len) = fast_below_hundred(text)?;
        // `two thirds`, `three-quarters`: a numerator.
        let next = text[len..].strip_prefix([' ', '-']).unwrap_or("");
        let denominator = leading_letters(next);
        if FRACTIONS
            .iter()
            .any(|(w, _)| w.eq_ignore_ascii_case(denominator))
        {
            return None;
        }
        (group, len)
    };
    let next = text[len..].strip_prefix(' ').unwrap_or("");
    let scale = leading_letters(next);
    if scale.eq_ignore_ascii_case("hundred") {
        return None;
    }
    let power = SCALES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(scale))
        .map(|&(_, power)| power)
        .filter(|_| ends_word(&next[scale.len()..]));
    let (mut value, mut len, exponent) = match power {
        Some(power) => (
            group * 10u128.pow(power as u32),
            len + 1 + scale.len(),
            power,
        ),
        // "a" before no scale word is left to the grammar.
        None if lone_a => return None,
        None => (group, len, 0),
    };
    if power.is_some() {
        // `six million, two hundred`, `a million and one`: more groups.
        let rest = &text[len..];
        if let Some(separator) = [", ", " and ", " & ", " "]
            .into_iter()
            .find(|s| rest.starts_with(s))
        {
            let group = &rest[separator.len()..];
            let first = leading_letters(group);
            let number = ONES
                .iter()
                .chain(TENS)
                .any(|w| w.eq_ignore_ascii_case(first));
            if number || group.starts_with(['a', 'A']) {
                return None;
            }
        }
    }
    if text[len..]
        .get(..11)
        .is_some_and(|w| w.eq_ignore_ascii_case(" and a half"))
    {
        return None;
    }
    let (unit, unit_len) = fast_word_unit(&text[len..])?;
    len += unit_len;
    // "three million" is precise to the million, not to the unit.
    let mut exponent_read = 0;
    while exponent_read < exponent && value.is_multiple_of(10) {
        value /= 10;
        exponent_read += 1;
    }
    Some((plain(value, exponent_read), unit, len))
}

/// `spelled_below_hundred` by hand: the value and the bytes read.
fn fast_below_hundred(text: &str) -> Option<(u128, usize)> {
    let word = leading_letters(text);
    let index =
        |words: &[&str], word: &str| words.iter().position(|w| w.eq_ignore_ascii_case(word));
    let Some(ten) = index(TENS, word) else {
        return Some((index(ONES, word)? as u128, word.len()));
    };
    let tens = 20 + 10 * ten as u128;
    if let Some(next) = text[word.len()..].strip_prefix(['-', ' ']) {
        let one = leading_letters(next);
        if let Some(n) = index(ONES, one).filter(|n| (1..10).contains(n)) {
            return Some((tens + n as u128, word.len() + 1 + one.len()));
        }
    }
    Some((tens, word.len()))
}

/// The unit `spelled_amount` reads after a spelled number, and the bytes it
/// spans (none for a bare number); `None` where the fast path cannot tell.
fn fast_word_unit(rest: &str) -> Option<(Unit, usize)> {
    let spaces = rest
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    let word = &rest[spaces..];
    match word.bytes().next() {
        None => return Some((Unit::Bare, 0)),
        Some(b'%') => return Some((Unit::Percent, spaces + 1)),
        // `pp`, `p.p.`, `×`, `x`, `-fold`
        Some(b'p') if word.starts_with("pp") || word.starts_with("p.p.") => return None,
        Some(b'x' | b'X') => return None,
        Some(_) if word.starts_with('×') => return None,
        Some(b'-') if spaces == 0 => {
            let fold = word
                .get(1..5)
                .is_some_and(|w| w.eq_ignore_ascii_case("fold"));
            return (!fold).then_some((Unit::Bare, 0));
        }
        Some(b) if spaces == 0 => {
            // No letter: a run of them would have been part of the number word.
            return (!b.is_ascii_alphabetic()).then_some((Unit::Bare, 0));
        }
        Some(_) => {}
    }
    if let Some((unit, len)) = share_or_multiple(word) {
        return Some((unit, spaces + len));
    }
    if let Ok((after, unit)) = currency_word(rest) {
        return Some((unit, rest.len() - after.len()));
    }
    if let Ok((after, unit)) = measure_word(rest) {
        return Some((unit, rest.len() - after.len()));
    }
    Some((Unit::Bare, 0))
}

/// The percentages and multiples `percent_like` and `multiple` read after
/// spaces, tried in their order: the unit and the bytes of `word` it spans.
fn share_or_multiple(word: &str) -> Option<(Unit, usize)> {
    let tagged = |tag: &str| {
        word.get(..tag.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(tag))
    };
    if tagged("percentage point") {
        let rest = &word["percentage point".len()..];
        let rest = rest.strip_prefix('s').unwrap_or(rest);
        if ends_word(rest) {
            return Some((Unit::PercentagePoints, word.len() - rest.len()));
        }
    }
    [
        ("percent", Unit::Percent),
        ("per cent", Unit::Percent),
        ("times", Unit::Multiple),
    ]
    .into_iter()
    .find(|(tag, _)| tagged(tag) && ends_word(&word[tag.len()..]))
    .map(|(tag, unit)| (unit, tag.len()))
}

/// `word_end`: nothing alphanumeric next.
fn ends_word(rest: &str) -> bool {
    !rest.starts_with(char::is_alphanumeric)
}

/// Whether `rest` starts with a space (ordinary, no-break or narrow
/// no-break) and a digit: a thousands group, `2 1/2`, `2024 100`.
fn spaced_digit(rest: &[u8]) -> bool {
    let after = match rest {
        [b' ', after @ ..] => after,
        [0xC2, 0xA0, after @ ..] => after,
        [0xE2, 0x80, 0xAF, after @ ..] => after,
        _ => return false,
    };
    after.first().is_some_and(u8::is_ascii_digit)
}

/// `word_end` on bytes, for the fast path: the end, or an ASCII character
/// that is neither a letter nor a digit. Anything else is left undecided.
fn word_ends(rest: &[u8]) -> bool {
    rest.first()
        .is_none_or(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
}

/// `prose_magnitude` for the fast path: a magnitude word after spaces
/// (`billion`, `bn`) or glued (`bn`, `k`, `M`), then a word end. Returns the
/// power of ten and the bytes read; `None` when there is none or the fast
/// path cannot tell.
fn fast_magnitude(rest: &[u8]) -> Option<(i32, usize)> {
    let spaces = rest.iter().take_while(|b| **b == b' ').count();
    let word = &rest[spaces..];
    let letters = word.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if !word_ends(&word[letters..]) {
        return None;
    }
    let word = &word[..letters];
    let power = if spaces > 0 {
        SPACED_MAGNITUDES
            .iter()
            .find(|(w, _)| w.as_bytes().eq_ignore_ascii_case(word))?
            .1
    } else {
        GLUED_MAGNITUDES
            .iter()
            .find(|(w, _)| w.as_bytes() == word)?
            .1
    };
    Some((power, spaces + letters))
}

/// Whether nothing after a magnitude word can be an uncertainty or a unit
/// (`$5 billion USD`, `5 million GW`, `2bn%`): what `may_have_unit` checks
/// before a unit, plus the few forms it does not see. Conservative.
fn plain_after_magnitude(rest: &str) -> bool {
    let words = rest.trim_start_matches(' ');
    let Some(&next) = words.as_bytes().first() else {
        return true;
    };
    if !next.is_ascii() || matches!(next, b'\t' | b'%' | b'+' | b'-') {
        return false;
    }
    // Glued to the magnitude, a character that is no letter nor digit
    // starts no unit; after spaces, `may_have_unit` sees every unit but
    // `p.p.`.
    words.len() == rest.len() || !(words.starts_with("p.") || may_have_unit(rest))
}

/// Whether `i` starts the way a written-out number does (a digit, a sign,
/// a currency sign): then no qualifier or number word needs trying.
fn starts_with_digits(i: &str) -> bool {
    // On the first byte: every number and every word of prose passes here.
    match i.as_bytes().first() {
        Some(b'0'..=b'9' | b'$' | b'-' | b'+') => true,
        Some(b'U') => i.starts_with("US$"),
        Some(b) if b.is_ascii() => false,
        Some(_) => i.starts_with(['€', '£', '¥', '−', '½', '¼', '¾', '⅓', '⅔']),
        None => false,
    }
}

fn prose_parts(i: &str, ranges: bool) -> PResult<'_, Quantity> {
    let (i, qualifier) = if starts_with_digits(i) {
        (i, None)
    } else {
        opt(prose_qualifier).parse(i)?
    };
    // Only a `b` can start "between"; the look spares a failed tag per number.
    if ranges
        && i.starts_with(['b', 'B'])
        && let Ok((rest, q)) = between(i, qualifier)
    {
        return Ok((rest, q));
    }
    let (i, (low, low_unit)) = prose_amount(i)?;
    let single = Quantity {
        text: CompactString::const_new(""),
        qualifier,
        low,
        high: None,
        unit: low_unit.clone(),
    };
    if !ranges || !may_continue_range(i) {
        return Ok((i, single));
    }
    let separator = alt((
        value((), (space0, alt((char('-'), char('–'), char('—'))), space0)),
        value((), (space1, tag("to"), space1)),
        value((), tag("..")),
    ));
    match preceded(separator, prose_amount).parse(i) {
        Ok((rest, (high, high_unit))) if joins_range(&low_unit, &high_unit) => {
            Ok((rest, range(qualifier, low, low_unit, high, high_unit)))
        }
        _ => Ok((i, single)),
    }
}

/// Whether a range separator (`-`, `–`, `—`, ` to `, `..`) may follow.
fn may_continue_range(i: &str) -> bool {
    let bytes = i.as_bytes();
    let spaces = bytes
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    match &bytes[spaces..] {
        // - – —
        [b'-', ..] | [0xE2, 0x80, 0x93 | 0x94, ..] | [b't', b'o', ..] => true,
        _ => bytes.starts_with(b".."),
    }
}

/// `between 44 and 50 mg`
fn between(i: &str, qualifier: Option<Qualifier>) -> PResult<'_, Quantity> {
    let (i, _) = (tag_no_case("between"), space1).parse(i)?;
    let (i, (low, low_unit)) = prose_amount(i)?;
    let (i, _) = (space1, alt((tag("and"), tag("&"))), space1).parse(i)?;
    let (rest, (high, high_unit)) = prose_amount(i)?;
    if !low_unit.compatible(&high_unit) {
        return Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: Some("the same unit at both ends"),
            message: None,
        }));
    }
    Ok((rest, range(qualifier, low, low_unit, high, high_unit)))
}

/// A range `low..high` (`1.5..2 billion`, `14-15%`), its unit and magnitude
/// shared: one written at either end applies to both.
/// Whether two amounts make a range. A bare end takes the other's unit
/// ("14-15%", "$5-10 billion"), except after a share or a multiple: in
/// "climbed 55% to 362" the percentage is a change and 362 a count.
fn joins_range(low_unit: &Unit, high_unit: &Unit) -> bool {
    let share_then_bare = matches!(
        low_unit,
        Unit::Percent | Unit::PercentagePoints | Unit::Multiple
    ) && *high_unit == Unit::Bare;
    low_unit.compatible(high_unit) && !share_then_bare
}

fn range(
    qualifier: Option<Qualifier>,
    mut low: Number,
    low_unit: Unit,
    mut high: Number,
    high_unit: Unit,
) -> Quantity {
    if low.exponent <= 0 && high.exponent > 0 && low_unit == Unit::Bare {
        low.exponent += magnitude_of(high.exponent);
    }
    if high.exponent <= 0 && low.exponent > 0 && high_unit == Unit::Bare {
        high.exponent += magnitude_of(low.exponent);
    }
    Quantity {
        text: CompactString::const_new(""),
        qualifier,
        low,
        high: Some(high),
        unit: low_unit.more_specific(&high_unit),
    }
}

/// The run of ASCII letters `i` starts with.
fn leading_letters(i: &str) -> &str {
    let end = i
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(i.len());
    &i[..end]
}

/// A qualifier of prose ([`QUALIFIERS`], then `~` or `≈`) and the space after it.
fn prose_qualifier(i: &str) -> PResult<'_, Qualifier> {
    if let Some((qualifier, len)) = qualifier_phrase(i) {
        return Ok((&i[len..], qualifier));
    }
    let symbol = |s: &'static str| value(Qualifier::About, terminated(tag(s), space0));
    alt((symbol("~"), symbol("≈"))).parse(i)
}

/// `[sign] [currency] (digits [magnitude] | spelled) [known unit]`, then a word end.
fn prose_amount(i: &str) -> PResult<'_, (Number, Unit)> {
    // Dispatch on the first character: trying every number word before
    // each digit is most of the cost of reading prose.
    if starts_with_digits(i) {
        digit_amount(i)
    } else {
        alt((word_amount, digit_amount)).parse(i)
    }
}

fn digit_amount(i: &str) -> PResult<'_, (Number, Unit)> {
    let (i, negative) = opt(sign).parse(i)?;
    let (i, prefix) = opt(currency_prefix).parse(i)?;
    // `$-99.99`: some writers put the sign after the currency.
    let (i, negative) = match negative {
        Some(n) => (i, Some(n)),
        None => opt(sign).parse(i)?,
    };
    let (i, mut number) = prose_number(i)?;
    if !may_have_unit(i) {
        // Most numbers in prose end at a space and an ordinary word.
        let (i, _) = word_end(i)?;
        number.negative = negative.unwrap_or(false);
        let unit = prefix.map_or(Unit::Bare, Unit::Currency);
        return Ok((i, (number, unit)));
    }
    let (i, magnitude) = opt(prose_magnitude).parse(i)?;
    // `9.83e-3 +/- 1e-5 km/s2`: the uncertainty belongs to the number.
    let (i, _) = opt((space0, alt((tag("±"), tag("+/-"))), space0, prose_number)).parse(i)?;
    let (i, suffix) = if prefix.is_some() {
        opt(alt((currency_suffix, percent_like))).parse(i)?
    } else {
        opt(prose_unit).parse(i)?
    };
    let (i, _) = word_end(i)?;
    let unit = match (prefix, suffix) {
        (Some(code), None) => Unit::Currency(code),
        (Some(code), Some(Unit::Currency(other))) if code == other => Unit::Currency(code),
        (Some(_), Some(_)) => {
            return Err(nom::Err::Error(SyntaxError {
                rest: i,
                expected: Some("one unit"),
                message: None,
            }));
        }
        (None, suffix) => suffix.unwrap_or(Unit::Bare),
    };
    number.negative = negative.unwrap_or(false);
    number.exponent += magnitude.unwrap_or(0);
    Ok((i, (number, unit)))
}

/// Digits as prose writes them: `72,816`, `10 000`, `2 1/2`, `1/40`, `2½`,
/// `½`, `4e14`, `2.48×10−5`.
fn prose_number(i: &str) -> PResult<'_, Number> {
    if !i.starts_with(|c: char| c.is_ascii_digit())
        && let Ok((rest, value)) = vulgar_fraction(i)
    {
        return Ok((rest, decimal(value)));
    }
    let (i, (mantissa, exponent, text)) = prose_digits(i)?;
    let simple = exponent == 0 && text.bytes().all(|b| b.is_ascii_digit());
    if simple {
        let whole = mantissa as f64;
        let denominator = |i| -> PResult<'_, f64> {
            map(digit1, |d: &str| d.parse::<f64>().unwrap_or(0.0)).parse(i)
        };
        // The three forms below each start with a character that nearly
        // never follows a number in prose: look before trying them.
        let next = i.chars().next();
        // `1/40`: the digits were a numerator; `1/0` is no number at all.
        if next == Some('/')
            && let Ok((rest, (_, d))) = (char('/'), denominator).parse(i)
        {
            if d == 0.0 {
                return Err(nom::Err::Error(SyntaxError {
                    rest: i,
                    expected: Some("a fraction"),
                    message: None,
                }));
            }
            return Ok((rest, decimal(whole / d)));
        }
        // `2 1/2`: a whole number, a space, a proper fraction.
        if next == Some(' ')
            && let Ok((rest, (_, a, _, d))) =
                (char(' '), denominator, char('/'), denominator).parse(i)
            && d > a
        {
            return Ok((rest, decimal(whole + a / d)));
        }
        // `2½`
        if let Ok((rest, f)) = vulgar_fraction(i) {
            return Ok((rest, decimal(whole + f)));
        }
    }
    // Scientific notation: `4e14`, `9.83e-3`, `2.48×10−5`, `5.5x10-3`.
    if !i.starts_with(['e', 'E', '×', 'x']) {
        return Ok((i, plain(mantissa, exponent)));
    }
    let (i, power) = opt(alt((
        preceded(alt((char('e'), char('E'))), signed_power),
        preceded(
            (
                alt((char('×'), char('x'))),
                space0,
                tag("10"),
                opt(char('^')),
            ),
            signed_power,
        ),
    )))
    .parse(i)?;
    let mut n = plain(mantissa, exponent);
    n.exponent += power.unwrap_or(0);
    Ok((i, n))
}

fn plain(mantissa: u128, exponent: i32) -> Number {
    Number {
        negative: false,
        mantissa,
        exponent,
    }
}

/// `-5`, `14`, `−5` after `e` or `×10`: at most three digits.
fn signed_power(i: &str) -> PResult<'_, i32> {
    let (i, negative) = opt(sign).parse(i)?;
    let (i, digits) = terminated(
        take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
        not(peek(satisfy(|c: char| c.is_ascii_digit()))),
    )
    .parse(i)?;
    let power: i32 = digits.parse().unwrap_or(0);
    Ok((
        i,
        if negative == Some(true) {
            -power
        } else {
            power
        },
    ))
}

fn vulgar_fraction(i: &str) -> PResult<'_, f64> {
    let mut chars = i.chars();
    let value = match chars.next() {
        Some('½') => 0.5,
        Some('¼') => 0.25,
        Some('¾') => 0.75,
        Some('⅓') => 1.0 / 3.0,
        Some('⅔') => 2.0 / 3.0,
        _ => return Err(no_match(i, "a fraction")),
    };
    Ok((chars.as_str(), value))
}

/// A value as a decimal: exact when six decimals hold it, else to three
/// significant digits (`1/3` is 0.333).
fn decimal(value: f64) -> Number {
    for places in 0..=6 {
        let scaled = value * 10f64.powi(places);
        if (scaled - scaled.round()).abs() < 1e-9 {
            return plain(scaled.round() as u128, -places);
        }
    }
    let magnitude = value.abs().log10().floor() as i32;
    let places = 2 - magnitude;
    plain((value * 10f64.powi(places)).round() as u128, -places)
}

/// `72,816`, `10 000` (groups of three after a space), `285.9`.
/// Returns the mantissa, the exponent and the digits as written.
fn prose_digits(i: &str) -> PResult<'_, (u128, i32, &str)> {
    // By hand, byte by byte: every number of an article goes through here.
    // The grammar: digits, then either `,ddd` groups or groups of three
    // after a space (ordinary, no-break or narrow no-break), each group
    // ending at a non-digit, then an optional `.` and digits.
    let bytes = i.as_bytes();
    let run = |from: usize| {
        bytes[from.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let group_at = |at: usize| run(at) == 3;
    let leading = run(0);
    if leading == 0 {
        return Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: None,
            message: None,
        }));
    }
    let mut end = leading;
    while bytes.get(end) == Some(&b',') && group_at(end + 1) {
        end += 4;
    }
    if end == leading {
        loop {
            let space = [" ", "\u{a0}", "\u{202f}"]
                .into_iter()
                .find(|s| i[end..].starts_with(s))
                .map_or(0, str::len);
            if space == 0 || !group_at(end + space) {
                break;
            }
            end += space + 3;
        }
    }
    if bytes.get(end) == Some(&b'.') {
        let fraction = run(end + 1);
        if fraction > 0 {
            end += 1 + fraction;
        }
    }
    let (text, rest) = i.split_at(end);
    // Space groups only after at most three digits: "10 000", not "2024 100".
    let first_group = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let spaced = text.contains([' ', '\u{a0}', '\u{202f}']);
    if spaced && first_group > 3 {
        let (rest, (m, e)) = digits(i)?;
        return Ok((rest, (m, e, &i[..i.len() - rest.len()])));
    }
    match decimal_digits(text) {
        Some((mantissa, exponent)) => Ok((rest, (mantissa, exponent, text))),
        None => Err(nom::Err::Error(too_many_digits(i))),
    }
}

/// Words that may follow a number as its magnitude or unit.
const UNIT_WORDS: &[&str] = &[
    "thousand",
    "million",
    "billion",
    "trillion",
    "mn",
    "bn",
    "tn",
    "percent",
    "per",
    "percentage",
    "pp",
    "times",
    "dollar",
    "dollars",
    "euro",
    "euros",
    "yuan",
    "yen",
];

/// Whether anything after the digits could be a magnitude, a unit or an
/// uncertainty: a cheap test that spares trying each of them in turn.
fn may_have_unit(i: &str) -> bool {
    // Byte by byte: nearly every number of prose passes here.
    let bytes = i.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    if first.is_ascii_alphabetic() || matches!(first, b'%' | b'-' | b'^' | b'+' | b'/') {
        return true;
    }
    if !first.is_ascii() {
        let first = i.chars().next().unwrap_or_default();
        if first.is_alphabetic() || matches!(first, '×' | '±' | '°') {
            return true;
        }
    }
    let mut at = 0;
    loop {
        match bytes[at..] {
            [b' ', ..] => at += 1,
            // no-break space
            [0xC2, 0xA0, ..] => at += 2,
            _ => break,
        }
    }
    if at == 0 {
        return false;
    }
    let rest = &i[at..];
    match rest.as_bytes().first() {
        None => return false,
        Some(b'%' | b'+') => return true,
        Some(b) if !b.is_ascii() && rest.starts_with(['±', '°', '×']) => return true,
        Some(_) => {}
    }
    let len = rest
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let word = &rest.as_bytes()[..len];
    if word.is_empty() || word.len() > 16 {
        return false;
    }
    if word.iter().all(u8::is_ascii_uppercase) {
        return true;
    }
    // Nearly every number in prose is followed by a word, and nearly none
    // of those words is a unit: a look at its length and first letter, then
    // one lookup, not a walk through every list.
    let words = words_after_digits();
    let first = word[0].to_ascii_lowercase();
    let may_be = |len: usize| len > 0 && words.firsts[len] >> (first & 31) & 1 != 0;
    let plural = word.last().is_some_and(|b| b.eq_ignore_ascii_case(&b's'));
    if !(may_be(word.len()) || plural && may_be(word.len() - 1)) {
        return false;
    }
    let mut lower = [0u8; 16];
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    let singular = lower.strip_suffix(b"s").unwrap_or(lower);
    words.set.contains(&*lower) || words.set.contains(singular)
}

/// The words [`may_have_unit`] looks for, in lower case.
struct WordsAfterDigits {
    set: FxHashSet<Box<[u8]>>,
    /// By length, a bit for the first byte of each word (its low five bits).
    firsts: [u32; 17],
}

fn words_after_digits() -> &'static WordsAfterDigits {
    static WORDS: OnceLock<WordsAfterDigits> = OnceLock::new();
    WORDS.get_or_init(|| {
        let set: FxHashSet<Box<[u8]>> = UNIT_WORDS
            .iter()
            .chain(PROSE_SYMBOLS)
            .chain(MEASURES.iter().map(|(k, _)| k))
            .map(|k| k.to_ascii_lowercase().into_bytes().into_boxed_slice())
            .collect();
        let mut firsts = [0; 17];
        for word in set.iter().filter(|w| w.len() <= 16) {
            firsts[word.len()] |= 1 << (word[0] & 31);
        }
        WordsAfterDigits { set, firsts }
    })
}

/// Magnitudes as prose writes them; `M`, `B` and `T` only glued to the digits.
fn prose_magnitude(i: &str) -> PResult<'_, i32> {
    // After spaces only the words (t…, m…, b…) can follow; glued to the
    // digits only `bn`, `mn`, `k`, `K`, `M`, `B`, `T`. Most numbers are
    // followed by neither, so look before trying fourteen alternatives.
    let spaced = i.trim_start_matches([' ', '\t']);
    let could = if spaced.len() < i.len() {
        spaced
            .bytes()
            .next()
            .is_some_and(|b| matches!(b.to_ascii_lowercase(), b't' | b'm' | b'b'))
    } else {
        i.bytes()
            .next()
            .is_some_and(|b| matches!(b, b'b' | b'm' | b'k' | b'K' | b'M' | b'B' | b'T'))
    };
    if !could {
        return Err(no_match(i, "a magnitude"));
    }
    for &(word, power) in SPACED_MAGNITUDES {
        if let Ok((rest, _)) = (space1, tag_no_case(word), word_end).parse(i) {
            return Ok((rest, power));
        }
    }
    for &(word, power) in GLUED_MAGNITUDES {
        if let Ok((rest, _)) = (tag(word), word_end).parse(i) {
            return Ok((rest, power));
        }
    }
    Err(no_match(i, "a magnitude"))
}

/// Magnitude words after a space, in any case, with their power of ten.
/// The words spelled in full come first: they are also the [`SCALES`].
const SPACED_MAGNITUDES: &[(&str, i32)] = &[
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("mn", 6),
    ("bn", 9),
    ("tn", 12),
];

/// Magnitude words glued to the digits (`5bn`, `10K`), in this case only.
const GLUED_MAGNITUDES: &[(&str, i32)] = &[
    ("bn", 9),
    ("mn", 6),
    ("k", 3),
    ("K", 3),
    ("M", 6),
    ("B", 9),
    ("T", 12),
];

/// Units prose mode knows: percentages, multiples, currencies, measures, and
/// short unit symbols glued to the digits (`10kg`). Free nouns are not units.
fn prose_unit(i: &str) -> PResult<'_, Unit> {
    alt((
        percent_like,
        multiple,
        currency_suffix,
        currency_word,
        measure_word,
        prose_symbol,
        glued_symbol,
    ))
    .parse(i)
}

/// Common unit symbols written after a space (`2.80 GHz`, `300 °C`): known
/// as units, though without a conversion table they stay nouns.
const PROSE_SYMBOLS: &[&str] = &[
    "hz", "khz", "mhz", "ghz", "thz", "mm", "cm", "m", "km", "nm", "mi", "ft", "kg", "mg", "g",
    "lb", "lbs", "oz", "ml", "cl", "l", "ev", "kev", "mev", "gev", "tev", "j", "kj", "mj", "gy",
    "mgy", "°c", "°f", "°", "mph", "kph", "kbps", "mbps", "gbps",
];

fn prose_symbol(i: &str) -> PResult<'_, Unit> {
    let (rest, symbol) = preceded(
        space1,
        take_while_m_n(1, 4, |c: char| c.is_alphabetic() || c == '°'),
    )
    .parse(i)?;
    let (rest, _) = word_end(rest)?;
    // Lower-casing char by char is most of the cost, and an ASCII symbol
    // (nearly all of them) lower-cases byte by byte.
    let lower_is = |k: &&str| {
        if symbol.is_ascii() {
            k.len() == symbol.len()
                && k.bytes()
                    .zip(symbol.bytes())
                    .all(|(k, s)| k == s.to_ascii_lowercase())
        } else {
            k.chars().eq(symbol.chars().flat_map(char::to_lowercase))
        }
    };
    if let Some(known) = PROSE_SYMBOLS.iter().find(|k| lower_is(k)) {
        Ok((rest, Unit::Noun(CompactString::from(*known))))
    } else {
        Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: Some("a unit"),
            message: None,
        }))
    }
}

/// Currencies that are called "dollars" where they are used.
const DOLLARS: &[&str] = &["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD"];

/// Currencies written as a word after the number, with their codes.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("euro", "EUR"),
    ("yuan", "CNY"),
    ("yen", "JPY"),
];

fn currency_word(i: &str) -> PResult<'_, Unit> {
    for &(word, code) in CURRENCY_WORDS {
        if let Ok((rest, _)) = (space1, tag_no_case(word), opt(char('s')), word_end).parse(i) {
            return Ok((rest, Unit::Currency(CompactString::const_new(code))));
        }
    }
    Err(no_match(i, "a currency word"))
}

fn measure_word(i: &str) -> PResult<'_, Unit> {
    let (rest, word) = preceded(
        space0,
        take_while_m_n(1, 16, |c: char| c.is_ascii_alphanumeric()),
    )
    .parse(i)?;
    // Compared without allocating: nearly every number in prose is followed
    // by a word, and nearly none of those words is a unit.
    let singular = word
        .strip_suffix(['s', 'S'])
        .filter(|w| w.len() >= 3 && !w.ends_with(['s', 'S']))
        .unwrap_or(word);
    let found = MEASURES
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(word) || k.eq_ignore_ascii_case(singular));
    match found {
        Some((_, m)) => Ok((rest, Unit::Measure(*m))),
        None => Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: Some("a unit"),
            message: None,
        })),
    }
}

/// `10kg`, `25lbs`, `4km^3`: a short lower-case symbol glued to the digits.
/// Ordinal suffixes (`21st`) and clock times (`2pm`) are not units.
fn glued_symbol(i: &str) -> PResult<'_, Unit> {
    let (rest, symbol) = recognize((
        take_while1(|c: char| c.is_ascii_lowercase()),
        opt((opt(char('^')), satisfy(|c| c == '2' || c == '3'))),
    ))
    .parse(i)?;
    let letters = symbol.trim_end_matches(['^', '2', '3']);
    // Longer runs of letters are words ("31mover" in escape-code debris).
    let known = PROSE_SYMBOLS.contains(&letters) || MEASURES.iter().any(|(k, _)| *k == letters);
    let refused = (letters.len() > 3 && !known)
        || ["st", "nd", "rd", "th", "am", "pm", "s", "o", "x"].contains(&letters);
    if refused {
        return Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: Some("a unit"),
            message: None,
        }));
    }
    Ok((rest, unit_from_words(symbol)))
}

/// Spelled-out amounts: `twenty-three times`, `a third`, `nearly half`, `doubled`.
fn word_amount(i: &str) -> PResult<'_, (Number, Unit)> {
    // Every spelled amount starts with one of a few words (a number word, a
    // fraction word, a multiplying verb, "a"): a look at the first word
    // spares trying them all before words that are none of them.
    if !may_start_word_amount(leading_letters(i)) {
        return Err(no_match(i, "a number word"));
    }
    alt((multiplier_word, fraction_amount, spelled_amount)).parse(i)
}

/// Whether `word` (a whole run of letters) is one a spelled amount may start
/// with: a number word, a multiplying word, a fraction word, or "a".
fn may_start_word_amount(word: &str) -> bool {
    let known = |w: &str| w.eq_ignore_ascii_case(word);
    word.eq_ignore_ascii_case("a")
        || ONES.iter().any(|w| known(w))
        || TENS.iter().any(|w| known(w))
        || MULTIPLIERS.iter().any(|(w, ..)| known(w))
        || FRACTIONS.iter().any(|(w, _)| known(w))
}

/// Ratios written as a word, in the order they are tried: the mantissa and
/// exponent of each.
const MULTIPLIERS: &[(&str, u128, i32)] = &[
    ("doubled", 2, 0),
    ("doubling", 2, 0),
    ("tripled", 3, 0),
    ("tripling", 3, 0),
    ("quadrupled", 4, 0),
    ("quadrupling", 4, 0),
    ("halved", 5, -1),
    ("twice", 2, 0),
    ("twofold", 2, 0),
    ("two-fold", 2, 0),
    ("threefold", 3, 0),
    ("three-fold", 3, 0),
    ("fourfold", 4, 0),
    ("tenfold", 10, 0),
];

/// `doubled`, `tripling`, `threefold`, `halved`: a ratio written as a verb.
fn multiplier_word(i: &str) -> PResult<'_, (Number, Unit)> {
    for &(word, mantissa, exponent) in MULTIPLIERS {
        if let Ok((rest, _)) = (tag_no_case(word), word_end).parse(i) {
            return Ok((rest, (plain(mantissa, exponent), Unit::Multiple)));
        }
    }
    Err(no_match(i, "a multiplying word"))
}

/// Fraction words and their denominators, each plural before its singular.
const FRACTIONS: &[(&str, u128)] = &[
    ("halves", 2),
    ("half", 2),
    ("thirds", 3),
    ("third", 3),
    ("quarters", 4),
    ("quarter", 4),
    ("fifths", 5),
    ("fifth", 5),
    ("sixths", 6),
    ("sixth", 6),
    ("eighths", 8),
    ("eighth", 8),
    ("tenths", 10),
    ("tenth", 10),
];

/// `a third`, `two-thirds`, `half`, `three quarters`, `one sixth`: a share, in percent.
fn fraction_amount(i: &str) -> PResult<'_, (Number, Unit)> {
    let (i, numerator) = opt(terminated(
        alt((value(1, tag_no_case("a")), spelled_below_hundred)),
        alt((char(' '), char('-'))),
    ))
    .parse(i)?;
    let numerator = numerator.unwrap_or(1);
    let (i, denominator) = FRACTIONS
        .iter()
        .find_map(|&(word, denominator)| {
            tag_no_case(word)(i)
                .ok()
                .map(|(rest, _)| (rest, denominator))
        })
        .ok_or_else(|| no_match(i, "a fraction word"))?;
    let (i, _) = word_end(i)?;
    Ok((i, (share(numerator, denominator), Unit::Percent)))
}

/// `numerator / denominator` in percent.
fn share(numerator: u128, denominator: u128) -> Number {
    // A tenth of a percent is as precise as a spelled fraction deserves.
    let tenths = (numerator * 1000 + denominator / 2) / denominator;
    if tenths.is_multiple_of(10) {
        plain(tenths / 10, 0)
    } else {
        plain(tenths, -1)
    }
}

/// A spelled cardinal, with an optional `and a half`, then a known unit.
fn spelled_amount(i: &str) -> PResult<'_, (Number, Unit)> {
    let (i, (value, exponent)) = spelled_cardinal(i)?;
    let (i, half) = opt((tag_no_case(" and a half"), word_end)).parse(i)?;
    let (i, unit) = opt(alt((percent_like, multiple, currency_word, measure_word))).parse(i)?;
    let number = if half.is_some() {
        Number {
            negative: false,
            mantissa: value * 10 + 5,
            exponent: -1,
        }
    } else {
        let mut n = Number {
            negative: false,
            mantissa: value,
            exponent: 0,
        };
        // "three million" is precise to the million, not to the unit.
        for _ in 0..exponent {
            if !n.mantissa.is_multiple_of(10) {
                break;
            }
            n.mantissa /= 10;
            n.exponent += 1;
        }
        n
    };
    Ok((i, (number, unit.unwrap_or(Unit::Bare))))
}

/// `three million, two hundred & forty`: groups below a thousand, each times a scale.
/// Returns the value and the exponent of the last scale word.
fn spelled_cardinal(i: &str) -> PResult<'_, (u128, i32)> {
    let (mut i, (first, mut last_exponent)) = scaled_group(i)?;
    let mut total = first;
    while last_exponent >= 3 {
        let separator = alt((tag(", "), tag(" and "), tag(" & "), tag(" ")));
        match preceded(separator, scaled_group).parse(i) {
            Ok((rest, (group, exponent))) if exponent < last_exponent => {
                total += group;
                last_exponent = exponent;
                i = rest;
            }
            _ => break,
        }
    }
    Ok((i, (total, last_exponent)))
}

/// `(a|one…nine hundred …) [thousand|million|billion|trillion]`
fn scaled_group(i: &str) -> PResult<'_, (u128, i32)> {
    let (i, group) = below_thousand(i)?;
    let (i, scale) = opt(preceded(char(' '), terminated(scale_word, word_end))).parse(i)?;
    Ok(match scale {
        Some(e) => (i, (group * 10u128.pow(e as u32), e)),
        None => (
            i,
            (
                group,
                if group >= 100 && group.is_multiple_of(100) {
                    2
                } else {
                    0
                },
            ),
        ),
    })
}

fn below_thousand(i: &str) -> PResult<'_, u128> {
    let hundreds = map(
        (
            alt((
                value(1, terminated(tag_no_case("a"), char(' '))),
                terminated(spelled_below_hundred, char(' ')),
            )),
            tag_no_case("hundred"),
            word_end,
            opt(preceded(
                alt((tag(" and "), tag(" & "), tag(" "))),
                spelled_below_hundred,
            )),
        ),
        |(h, _, _, rest): (u128, &str, (), Option<u128>)| h * 100 + rest.unwrap_or(0),
    );
    // A lone "a" is only a number before a scale word ("a million").
    let scaled_a = terminated(value(1, tag_no_case("a")), peek((char(' '), scale_word)));
    alt((hundreds, spelled_below_hundred, scaled_a)).parse(i)
}

/// The scale words of spelled numbers, with their powers of ten.
const SCALES: &[(&str, i32)] = SPACED_MAGNITUDES.split_at(4).0;

/// A scale word of [`SCALES`] (no word end) and its power of ten.
fn scale_word(i: &str) -> PResult<'_, i32> {
    SCALES
        .iter()
        .find_map(|&(word, power)| tag_no_case(word)(i).ok().map(|(rest, _)| (rest, power)))
        .ok_or_else(|| no_match(i, "a scale word"))
}

const ONES: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn spelled_word<'a>(i: &'a str, words: &[&str]) -> PResult<'a, u128> {
    let end = i
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(i.len(), |(n, _)| n);
    let word = &i[..end];
    match words.iter().position(|w| w.eq_ignore_ascii_case(word)) {
        Some(n) => Ok((&i[end..], n as u128)),
        None => Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: Some("a number word"),
            message: None,
        })),
    }
}

/// `seven`, `forty`, `twenty-three`, `twenty three`
fn spelled_below_hundred(i: &str) -> PResult<'_, u128> {
    let tens = |i| spelled_word(i, TENS).map(|(r, n)| (r, 20 + n * 10));
    let ones = |i| spelled_word(i, ONES);
    let (rest, ten) = opt(tens).parse(i)?;
    match ten {
        Some(ten) => {
            let (rest, one) = opt(preceded(
                alt((char('-'), char(' '))),
                nom::combinator::verify(ones, |n: &u128| (1..10).contains(n)),
            ))
            .parse(rest)?;
            Ok((rest, ten + one.unwrap_or(0)))
        }
        None => ones(i),
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        parse_quantity(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn the_scales_are_the_magnitudes_spelled_in_full() {
        let scales: Vec<&str> = SCALES.iter().map(|&(word, _)| word).collect();
        assert_eq!(scales, ["thousand", "million", "billion", "trillion"]);
    }

    #[test]
    fn digits_keep_their_precision() {
        let forty = q("40").reading(0.05);
        let forty_point_zero = q("40.0").reading(0.05);
        assert!(forty.strict.contains(39.5) && forty.strict.contains(40.49));
        assert!(!forty.strict.contains(39.49) && !forty.strict.contains(40.51));
        assert!(forty_point_zero.strict.contains(39.96));
        assert!(!forty_point_zero.strict.contains(39.94));
    }

    #[test]
    fn magnitudes_scale_the_last_digit() {
        let n = q("$285.9 billion");
        assert_eq!(n.unit, Unit::Currency("USD".into()));
        assert_eq!((n.low.mantissa, n.low.exponent), (2859, 8));
        let r = n.reading(0.05);
        assert!(r.strict.contains(285.86e9) && !r.strict.contains(285.96e9));
        assert_eq!(q("$150B").low.exponent, 9);
        assert_eq!(
            q("17.1 million H100-equivalents").unit,
            Unit::Noun("h100-equivalent".into())
        );
        assert_eq!(q("72,816 tCO2e").low.mantissa, 72816);
    }

    #[test]
    fn units_and_signs() {
        assert_eq!(q("+127.5%").unit, Unit::Percent);
        assert!(!q("+127.5%").low.negative);
        assert!(q("-13pp").low.negative);
        assert_eq!(q("-13pp").unit, Unit::PercentagePoints);
        assert_eq!(q("6 percentage points").unit, Unit::PercentagePoints);
        assert_eq!(q("23x").unit, Unit::Multiple);
        assert_eq!(q("3.3-fold").unit, Unit::Multiple);
        assert_eq!(q("23 times").unit, Unit::Multiple);
        assert_eq!(q("€4 bn").unit, Unit::Currency("EUR".into()));
        assert_eq!(q("USD 12").unit, Unit::Currency("USD".into()));
        assert_eq!(q("12 RMB").unit, Unit::Currency("CNY".into()));
        assert_eq!(q("29.6 GW").unit.factor(), 1e9);
        // A currency's name is that currency, as in prose.
        assert_eq!(
            q("285.9 billion dollars").unit,
            Unit::Currency("USD".into())
        );
        assert_eq!(q("3 US dollars").unit, Unit::Currency("USD".into()));
        assert_eq!(q("4 euros").unit, Unit::Currency("EUR".into()));
        assert_eq!(q("12.4 billion yuan").unit, Unit::Currency("CNY".into()));
    }

    #[test]
    fn one_digit_multiples_reach_from_just_below_to_the_next_half() {
        let doubled = q("2x").reading(0.05);
        assert_eq!(doubled.strict, Interval::half_open(1.9, 2.5));
        assert!(doubled.set.contains(2.3) && !doubled.set.contains(1.55));
        assert_eq!(q("2x").truncated(), None);
        // Two digits, or a decimal, read as any other number.
        assert_eq!(
            q("10x").reading(0.05).strict,
            Interval::half_open(9.5, 10.5)
        );
        assert_eq!(
            q("2.0x").reading(0.05).strict,
            Interval::half_open(1.95, 2.05)
        );
        assert_eq!(q("2").reading(0.05).strict, Interval::half_open(1.5, 2.5));
    }

    proptest::proptest! {
        /// The rounding intervals of neighbouring numbers, in any unit,
        /// tile the line: they only touch.
        #[test]
        fn neighbouring_numbers_never_overlap(
            mantissa in 0u64..10_000_000,
            decimals in 0usize..4,
            form in proptest::sample::select(vec!["{}", "{} GW", "{} kWh", "${} billion", "{} hours"]),
        ) {
            let text = |m: u64| {
                let digits = format!("{m:0>width$}", width = decimals + 1);
                let (whole, fraction) = digits.split_at(digits.len() - decimals);
                let number = if decimals == 0 { whole.to_owned() } else { format!("{whole}.{fraction}") };
                form.replace("{}", &number)
            };
            let (low, high) = (q(&text(mantissa)), q(&text(mantissa + 1)));
            let (low, high) = (low.reading(0.05).strict, high.reading(0.05).strict);
            proptest::prop_assert!(!low.overlaps(&high), "{:?} {:?}", low, high);
            proptest::prop_assert_eq!(low.hi, high.lo);
        }
    }

    #[test]
    fn qualifiers_bound_or_widen() {
        assert_eq!(q("over 60%").qualifier, Some(Qualifier::Over));
        assert_eq!(q("more than 23x").qualifier, Some(Qualifier::Over));
        assert_eq!(q("~ 17 million").qualifier, Some(Qualifier::About));
        let over = q("over 60%").reading(0.05);
        assert!(!over.set.contains(60.0) && over.set.contains(60.01));
        let nearly = q("nearly 50%").reading(0.05);
        assert!(nearly.set.contains(47.6) && !nearly.set.contains(50.6));
        assert!(!nearly.strict.contains(47.6));
    }

    #[test]
    fn ranges_share_their_unit() {
        let r = q("22%..94%");
        assert_eq!(r.unit, Unit::Percent);
        assert_eq!(r.high.map(|h| h.mantissa), Some(94));
        assert_eq!(q("22..94%").unit, Unit::Percent);
        assert_eq!(q("1.5..2 billion").low.exponent, 8);
    }

    #[test]
    fn malformed_quantities_are_errors() {
        for bad in ["", "$", "12 $", "1,5", "5%%", "$5%", "22%..$94", "1.2.3"] {
            assert!(parse_quantity(bad).is_err(), "{bad:?} parsed");
        }
        let long = "9".repeat(60);
        assert_eq!(
            parse_quantity(&long).unwrap_err().message,
            "number has too many digits"
        );
    }

    proptest::proptest! {
        /// Whatever digits are written, the reading holds the written value.
        #[test]
        fn the_reading_holds_the_written_value(whole in 0u64..10_000_000, fraction in 0u32..1000, decimals in 0usize..4) {
            let text = if decimals == 0 {
                whole.to_string()
            } else {
                format!("{whole}.{:0width$}", fraction % 10u32.pow(decimals as u32), width = decimals)
            };
            let written: f64 = text.parse().unwrap();
            let reading = q(&text).reading(0.05);
            proptest::prop_assert!(reading.strict.contains(written), "{text}");
            proptest::prop_assert!(reading.set.contains(written), "{text}");
        }
    }

    #[test]
    fn display_round_trips() {
        for text in [
            "nearly $285.9 billion",
            "60%",
            "-13pp",
            "23.1x",
            "22%..94%",
            "44.0%",
        ] {
            assert_eq!(q(text).to_string(), text);
        }
    }
}

/// Prose mode, apart from the claim grammar's tests.
#[cfg(test)]
mod prose_tests {
    use super::*;

    fn prose(text: &str) -> (String, Option<Qualifier>, f64, Option<f64>, Unit) {
        let (q, len) = prose_quantity(text, true).unwrap_or_else(|| panic!("{text}"));
        let high = q.high.map(|h| h.value());
        (
            text[..len].to_owned(),
            q.qualifier,
            q.low.value(),
            high,
            q.unit,
        )
    }

    /// Prose reads known units only: the words after a count are prose.
    #[test]
    fn prose_units_are_known_units() {
        assert_eq!(prose("59 in 2025").0, "59");
        assert_eq!(prose("5,427 data centers").4, Unit::Bare);
        assert_eq!(prose("29.6 GW of power").4.name(), "GW (power)");
        assert_eq!(prose("$285.9 billion in").2, 285.9e9);
        assert_eq!(
            prose("over a billion dollars").4,
            Unit::Currency("USD".into())
        );
        assert!(prose_quantity("4o model", true).is_none());
        assert!(prose_quantity("21st century", true).is_none());
    }

    #[test]
    fn prose_qualifiers_ranges_and_words() {
        assert_eq!(prose("fewer than 25 points").1, Some(Qualifier::Under));
        let range = prose("14-15% faster");
        assert_eq!(
            (range.2, range.3, range.4),
            (14.0, Some(15.0), Unit::Percent)
        );
        assert_eq!(prose("between 44 and 50 mg").3, Some(50.0));
        assert_eq!(prose("24% to 11%").3, Some(11.0));
        assert_eq!(
            prose_quantity("24% to 11%", false).map(|(q, _)| q.high),
            Some(None)
        );
        assert_eq!(prose("twenty-three times").2, 23.0);
        assert_eq!(prose("twenty-three times").4, Unit::Multiple);
        assert_eq!(prose("three million, two hundred & forty").2, 3_000_240.0);
        assert_eq!(prose("more than doubled").1, Some(Qualifier::Over));
        assert_eq!(prose("nearly half").2, 50.0);
        assert_eq!(prose("two thirds").2, 66.7);
    }

    #[test]
    fn prose_numbers_in_other_notations() {
        assert_eq!(prose("2 1/2 in").2, 2.5);
        assert_eq!(prose("1/40 of").2, 0.025);
        assert!(prose_quantity("1/0 is", true).is_none());
        assert!((prose("2.48×10−5 more").2 - 2.48e-5).abs() < 1e-15);
        assert_eq!(prose("4e14 s").2, 4e14);
        assert_eq!(prose("10 000 dollars").2, 10_000.0);
        assert_eq!(prose("2024 100").0, "2024");
        assert_eq!(prose("½ tbsp").2, 0.5);
        assert_eq!(prose("9.83e-3 +/- 1e-5 km").0, "9.83e-3 +/- 1e-5 km");
    }
}

/// The fast path of [`prose_quantity`] against the full parser it stands in for.
#[cfg(test)]
mod fast_path_tests {
    use proptest::prelude::*;

    use super::*;

    /// Where the fast path reads `text`, the full parser reads the same;
    /// the full parser runs only then, which keeps exhaustive tests quick.
    fn fast_agrees(text: &str) {
        for ranges in [true, false] {
            if let Some(fast) = fast_prose_quantity(text, ranges) {
                let full = prose_quantity_full(text, ranges);
                assert_eq!(Some(fast), full, "{text:?}, ranges {ranges}");
            }
        }
    }

    /// The fast path reads `text` and agrees with the full parser, or declines.
    fn agree(text: &str) -> Result<(), TestCaseError> {
        for ranges in [true, false] {
            let full = prose_quantity_full(text, ranges);
            prop_assert_eq!(
                prose_quantity(text, ranges),
                full.clone(),
                "{:?}, ranges {}",
                text,
                ranges
            );
            if let Some(fast) = fast_prose_quantity(text, ranges) {
                prop_assert_eq!(Some(fast), full, "{:?}, ranges {}", text, ranges);
            }
        }
        Ok(())
    }

    /// Every suffix of `text`, and each cut short, that starts at a char boundary.
    fn agree_on_every_suffix(text: &str) -> Result<(), TestCaseError> {
        for (at, _) in text.char_indices() {
            agree(&text[at..])?;
            for (len, _) in text[at..].char_indices().take(24) {
                agree(&text[at..at + len])?;
            }
        }
        Ok(())
    }

    #[test]
    fn the_fast_path_reads_the_common_shapes() {
        for (text, written) in [
            ("5,427 data centers", "5,427"),
            ("285.9 of", "285.9"),
            ("2024.", "2024"),
            ("2024", "2024"),
            ("60% of", "60%"),
            ("23x faster", "23x"),
            ("$285.9 billion in", "$285.9 billion"),
            ("€4 bn,", "€4 bn"),
            ("$150B.", "$150B"),
            ("17 million people", "17 million"),
            ("3’s", "3"),
            ("over 60% of", "over 60%"),
            ("More than  4,000 companies", "More than  4,000"),
            ("more than $150 billion in", "more than $150 billion"),
            ("roughly\t97 points", "roughly\t97"),
            ("29.6 GW of power", "29.6 GW"),
            ("4,000 AI companies", "4,000"),
            ("$5 AI", "$5"),
            ("5 kg.", "5 kg"),
            ("3 hours,", "3 hours"),
            ("1.8% to 5.4% of", "1.8% to 5.4%"),
            ("2024 to 28 in", "2024 to 28"),
            ("14-15% faster", "14-15%"),
            ("14 – 15 GW", "14 – 15 GW"),
            ("$1.5-2 billion", "$1.5-2 billion"),
            ("22..94", "22..94"),
            ("5 tons", "5"),
            ("2024 to the", "2024"),
            ("30 percentage points in", "30 percentage points"),
            ("5 percent.", "5 percent"),
            ("23 times", "23 times"),
            ("six percentage points.", "six percentage points"),
            (
                "just over six percentage points.",
                "just over six percentage points",
            ),
            ("ten times as many", "ten times"),
            ("close to four times the", "close to four times"),
            ("over a billion dollars in", "over a billion dollars"),
            ("more than twice the", "more than twice"),
            ("quarter, AI", "quarter"),
            ("a third of", "a third"),
            ("one-page digest", "one"),
            ("one, Dola", "one"),
            ("Twenty-three million people", "Twenty-three million"),
            ("twenty one", "twenty one"),
            ("six to eight weeks", "six to eight weeks"),
        ] {
            let (q, len) =
                fast_prose_quantity(text, true).unwrap_or_else(|| panic!("{text:?} declined"));
            assert_eq!((q.text.as_str(), &text[..len]), (written, written));
            assert_eq!(prose_quantity_full(text, true), Some((q, len)));
        }
    }

    #[test]
    fn the_fast_path_declines_what_the_grammar_reads_specially() {
        for text in [
            "1/40 of",
            "2 1/2 in",
            "2½ in",
            "4e14 s",
            "2.48×10−5 more",
            "5x10-3",
            "5x 10^3",
            "10 000 dollars",
            "2024 100",
            "9.83 +/- 1 km",
            "9.83 ± 1 km",
            "$12 per share",
            "5 billion p.p.",
            "5 billion GW",
            "$5 billion USD",
            "-5%",
            "$-5",
            "US$5",
            "$5%",
            "10kg",
            "21st",
            "4o",
            "5 dollars",
            "5 %",
            "~ 5",
            "≈5",
            "between 4 and 5",
            "more than-5",
            "overly 5",
            "over5",
            "5 pp",
            "5 - -6",
            "5 to US$6",
            "two thirds",
            "two-fold",
            "one hundred",
            "a hundred",
            "a millions",
            "six million two",
            "three and a half",
            "six pp",
            "ten-fold",
        ] {
            assert!(fast_prose_quantity(text, true).is_none(), "{text:?} read");
            agree(text).unwrap();
        }
    }

    /// The example articles and the shared seed (when there is one), from
    /// every digit and currency sign.
    #[test]
    fn the_fast_path_agrees_on_the_example_articles() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for entry in std::fs::read_dir(root.join("claims/examples")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        let seed = root.join("../shared/seeds/000_eba7b0e877cdae88.txt");
        if let Ok(text) = std::fs::read_to_string(seed) {
            texts.push(text);
        }
        let (mut starts, mut read) = (0, 0);
        for text in &texts {
            for (at, c) in text.char_indices() {
                let word_start = c.is_ascii_alphabetic()
                    && !text[..at].ends_with(|c: char| c.is_ascii_alphabetic());
                if !(c.is_ascii_digit() || "$€£¥~≈".contains(c) || word_start) {
                    continue;
                }
                if c.is_ascii_digit() || c == '$' {
                    starts += 1;
                    read += usize::from(fast_prose_quantity(&text[at..], true).is_some());
                }
                agree(&text[at..]).unwrap();
                let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
                agree(&text[at..line_end]).unwrap();
            }
        }
        assert!(read * 2 > starts, "the fast path read {read} of {starts}");
    }

    /// Every number of a few shapes followed by up to three of the pieces
    /// that the grammar treats specially after digits.
    #[test]
    fn the_fast_path_agrees_on_what_may_follow_a_number() {
        let pieces = [
            "",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            "x",
            "X",
            "%",
            "10",
            "103",
            " 10^3",
            "000",
            "3",
            " billion",
            " Bn",
            "bn",
            "B",
            "k",
            "M",
            " million",
            " thousand",
            "p.p.",
            " p.p.",
            "pp",
            " pp",
            " GW",
            "GW",
            " AI",
            " Hz",
            " GHz",
            " kWh",
            " hours",
            " yen",
            " Percent",
            " TIMES",
            " RMB",
            " pb",
            " ppm",
            " per",
            " gw2",
            " abcdefghijklmnopq",
            " kg",
            "kg",
            " USD",
            " to ",
            "to",
            "-",
            "–",
            "—",
            "..",
            ".",
            ",",
            "/",
            "e",
            "e5",
            "×",
            "±",
            " +/- ",
            "+",
            "^",
            "½",
            "°",
            "s",
            "a",
            " a",
            "-fold",
            " times",
            " percent",
            " per cent",
            " models",
            " dollars",
            ")",
            "’",
            "é",
        ];
        // Each piece after the first is tried after every piece; whole
        // triples only after the pieces that may end a number's magnitude or
        // unit (the whole cube is slow in a debug build).
        let firsts = [
            "", " ", "x", "%", " billion", "bn", "k", " million", " GW", " AI", " kg", "$",
        ];
        let mut texts = 0;
        for lead in [
            "5",
            "$5",
            "2.5",
            "1,000",
            "€12",
            "$2,500.75",
            "over 3",
            "About\t$4",
        ] {
            for a in pieces {
                for b in pieces {
                    fast_agrees(&format!("{lead}{a}{b}"));
                    texts += 1;
                }
            }
        }
        for lead in ["5", "$2.5", "over 3,000"] {
            for a in firsts {
                for b in pieces {
                    for c in pieces {
                        fast_agrees(&format!("{lead}{a}{b}{c}"));
                        texts += 1;
                    }
                }
            }
        }
        assert!(texts > 100_000);
    }

    /// Spelled amounts and ranges followed by up to two pieces that the
    /// grammar reads specially after a number word or between two numbers.
    #[test]
    fn the_fast_path_agrees_on_what_may_follow_a_number_word() {
        let pieces = [
            "",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            ",",
            ".",
            "-",
            "–",
            "..",
            " to ",
            "to",
            " and ",
            " & ",
            ", ",
            " and a half",
            "s",
            "x",
            "×",
            "%",
            " %",
            "2",
            "5",
            "$5",
            "1.5%",
            "é",
            " six",
            "six",
            "Six",
            "-three",
            " twenty",
            "nineteen",
            "zero",
            " a",
            "a",
            " thirds",
            "half",
            "-quarter",
            " hundred",
            "hundred",
            " million",
            "Billion",
            " billions",
            " thousand",
            "twice",
            "-fold",
            "fold",
            " times",
            " percent",
            " per cent",
            " percentage points",
            " Percentage point",
            " pp",
            "p.p.",
            " dollars",
            " DOLLARS",
            " yen",
            " weeks",
            " kg",
            " GW",
            " page",
            " between",
            "b",
        ];
        let mut texts = 0;
        for lead in [
            "six",
            "Twenty",
            "twenty-three",
            "a",
            "twice",
            "Doubled",
            "quarter",
            "one",
            "ten",
            "over a",
            "nearly ninety nine",
            "a million",
            "zero",
            "5",
            "5%",
            "over $1.5 billion",
        ] {
            for a in pieces {
                for b in pieces {
                    fast_agrees(&format!("{lead}{a}{b}"));
                    texts += 1;
                }
            }
        }
        assert!(texts > 50_000);
    }

    const PIECES: &str = concat!(
        "0|1|2|7|9|10|12|100|2024|1,234|,|.|..|%|x|X|×|$|€|£|¥|US$| |  |\t|\u{a0}|\u{202f}|",
        "-|−|–|—|/|½|¼|e|E|±|+/-|+|^|°|a|b|k|K|M|B|T|bn|mn|tn|p|s|st|o|billion|Billion|",
        "million|trillion|thousand|percent|per cent|percentage points|pp|p.p.|models|GW|",
        "gw|kWh|USD|RMB|dollars|euro|to|and|between|times|-fold|years|kg|km^2|°C|;|)|(|’|”|",
        "\n|é|K|over |more than |about |at least|up to |some|~|≈|between |a |six|Twenty|-three|",
        "one|ten|twice|quarter|half|thirds|hundred|and a half|percentage point|weeks|",
    );

    /// Text made of `PIECES`, most of it led by a digit or a currency sign.
    fn number_like() -> impl Strategy<Value = String> {
        let pieces: Vec<&str> = PIECES.split('|').collect();
        let lead = prop::sample::select(vec![
            "", "1", "42", "$", "$3", "€", "7.5", "3,000", "over ", "nearly 4", "up to $", "six",
            "a ", "twenty-",
        ]);
        (
            lead,
            prop::collection::vec(prop::sample::select(pieces), 0..12),
        )
            .prop_map(|(lead, pieces)| format!("{lead}{}", pieces.concat()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn the_fast_path_agrees_on_number_like_text(text in number_like()) {
            agree_on_every_suffix(&text)?;
        }

        #[test]
        fn the_fast_path_agrees_on_any_text(text in "[0-9$€ ,.%xXeE/½×±+^°a-zA-Z\t\u{a0}–—-]{0,24}") {
            agree_on_every_suffix(&text)?;
        }
    }
}

//! The claim-value grammar: a quantity where a claim or a store value puts
//! one, so the words after the number may be read as its unit.

use super::*;

/// `[qualifier] amount [.. amount]`, units shared across a range; else
/// whatever prose mode reads there, so a claim may state a value as an
/// article does: `nearly half`, `twenty-three times`, `2859亿美元`, `1.2万`.
pub(crate) fn quantity(i: &str) -> PResult<'_, Quantity> {
    let claimed = consumed(quantity_parts).parse(i);
    // Only where the claim grammar stops short of a word boundary: the
    // claim forms ("22%..94%", free unit nouns) read further than prose.
    let stopped_short = match &claimed {
        Ok((rest, _)) => rest.starts_with(|c: char| !c.is_whitespace()),
        Err(nom::Err::Error(_)) => true,
        Err(_) => false,
    };
    if stopped_short
        && let Some((q, read)) = prose_quantity(i, true)
        && let len = i[..read].trim_end().len()
        && claimed
            .as_ref()
            .map_or(true, |(rest, _)| len > i.len() - rest.len())
    {
        return Ok((&i[len..], q));
    }
    let (rest, (text, mut q)) = claimed?;
    q.text = CompactString::from(text);
    Ok((rest, q))
}

pub(super) fn quantity_parts(i: &str) -> PResult<'_, Quantity> {
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
pub(super) fn magnitude_of(exponent: i32) -> i32 {
    exponent.div_euclid(3) * 3
}

pub(super) fn qualifier(i: &str) -> PResult<'_, Qualifier> {
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
pub(super) fn amount(i: &str) -> PResult<'_, (Number, Unit)> {
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

pub(super) fn sign(i: &str) -> PResult<'_, bool> {
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
pub(super) fn no_match<'a>(i: &'a str, expected: &'static str) -> nom::Err<SyntaxError<'a>> {
    nom::Err::Error(SyntaxError {
        rest: i,
        expected: Some(expected),
        message: None,
    })
}

/// Digits with optional thousands separators and a fraction: `72,816`, `285.9`.
pub(super) fn digits(i: &str) -> PResult<'_, (u128, i32)> {
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
pub(super) fn decimal_digits(text: &str) -> Option<(u128, i32)> {
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

pub(super) fn too_many_digits(i: &str) -> SyntaxError<'_> {
    SyntaxError {
        rest: i,
        expected: None,
        message: Some("number has too many digits".to_owned()),
    }
}

/// Exactly three digits after a thousands separator, so `1,5` is not a number.
pub(super) fn grouped_digits(i: &str) -> PResult<'_, &str> {
    terminated(
        recognize((satisfy(is_digit), satisfy(is_digit), satisfy(is_digit))),
        not(peek(satisfy(is_digit))),
    )
    .parse(i)
}

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// Nothing alphanumeric next, or a Han character: Chinese runs on from a
/// number with no space.
pub(super) fn word_end(i: &str) -> PResult<'_, ()> {
    not(peek(satisfy(|c: char| c.is_alphanumeric() && !is_han(c)))).parse(i)
}

pub(super) fn magnitude(i: &str) -> PResult<'_, i32> {
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

pub(super) fn percent_like(i: &str) -> PResult<'_, Unit> {
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

pub(super) fn multiple(i: &str) -> PResult<'_, Unit> {
    alt((
        value(Unit::Multiple, (tag("x"), word_end)),
        value(Unit::Multiple, (space0, char('×'))),
        value(Unit::Multiple, (space1, tag_no_case("times"), word_end)),
        value(Unit::Multiple, (tag_no_case("-fold"), word_end)),
    ))
    .parse(i)
}

pub(super) fn unit(i: &str) -> PResult<'_, Unit> {
    alt((percent_like, multiple, currency_suffix, unit_words)).parse(i)
}

/// Words after the number that name what it counts: `GW`, `million H100-equivalents`.
pub(super) fn unit_words(i: &str) -> PResult<'_, Unit> {
    let (rest, words) = preceded(
        space1,
        recognize(pair(unit_word, many0(preceded(char(' '), unit_word)))),
    )
    .parse(i)?;
    Ok((rest, unit_from_words(words)))
}

/// Tokens that end a unit: claim operators and the words the claim grammar uses.
pub(super) const NOT_UNIT_WORDS: &[&str] = &[
    "vs", "vs.", "->", "..", "=", "<", ">", "<=", ">=", "~", "≈", "-", "+", "/", "*", "x", "×", "→",
];

pub(super) fn unit_word(i: &str) -> PResult<'_, &str> {
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

//! Spelled-out numbers: cardinals (`three million, two hundred`), fractions
//! (`two-thirds`), multiplying words (`doubled`, `threefold`).

use super::*;

/// Spelled-out amounts: `twenty-three times`, `a third`, `nearly half`, `doubled`.
pub(super) fn word_amount(i: &str) -> PResult<'_, (Number, Unit)> {
    // Every spelled amount starts with one of a few words (a number word, a
    // fraction word, a multiplying verb, "a"): a look at the first word
    // spares trying them all before words that are none of them.
    if !may_start_word_amount(leading_letters(i)) {
        return Err(no_match(i, "a number word"));
    }
    alt((
        multiplier_word,
        fraction_amount,
        absolute_zero,
        spelled_amount,
    ))
    .parse(i)
}

/// "absolute zero": the lowest temperature, 0 K, named.
fn absolute_zero(i: &str) -> PResult<'_, (Number, Unit)> {
    let (rest, _) = (tag_no_case("absolute zero"), word_end).parse(i)?;
    match unit_from_words("kelvin") {
        kelvin @ Unit::Measure(_) => Ok((rest, (plain(0, 0), kelvin))),
        _ => Err(no_match(i, "a temperature")),
    }
}

/// Whether `word` (a whole run of letters) is one a spelled amount may start
/// with: a number word, a multiplying word, a fraction word, or "a".
pub(super) fn may_start_word_amount(word: &str) -> bool {
    let known = |w: &str| w.eq_ignore_ascii_case(word);
    word.eq_ignore_ascii_case("a")
        || word.eq_ignore_ascii_case("absolute")
        || SIGN_WORDS.iter().any(|w| known(w))
        || ONES.iter().any(|w| known(w))
        || TENS.iter().any(|w| known(w))
        || MULTIPLIERS.iter().any(|(w, ..)| known(w))
        || FRACTIONS.iter().any(|(w, _)| known(w))
        || SCALES.iter().any(|(w, _)| known(w))
        || known("hundred")
        || fold_word(word).is_some()
}

/// "fivefold", "twentyfold", "hundredfold": a number word and "fold" in one
/// word, the ratio it names.
pub(super) fn fold_word(word: &str) -> Option<u128> {
    let split = word.len().checked_sub(4)?;
    let (number, fold) = (word.get(..split)?, word.get(split..)?);
    if !fold.eq_ignore_ascii_case("fold") {
        return None;
    }
    let known = |w: &&str| w.eq_ignore_ascii_case(number);
    if let Some(n) = ONES.iter().position(known) {
        return (n > 0).then_some(n as u128);
    }
    if let Some(n) = TENS.iter().position(known) {
        return Some((n as u128 + 2) * 10);
    }
    [("hundred", 100), ("thousand", 1000)]
        .iter()
        .find(|(w, _)| known(w))
        .map(|&(_, n)| n)
}

/// Ratios written as a word, in the order they are tried: the mantissa and
/// exponent of each.
pub(super) const MULTIPLIERS: &[(&str, u128, i32)] = &[
    ("doubled", 2, 0),
    ("doubling", 2, 0),
    ("tripled", 3, 0),
    ("tripling", 3, 0),
    ("quadrupled", 4, 0),
    ("quadrupling", 4, 0),
    ("double", 2, 0),
    ("triple", 3, 0),
    ("quadruple", 4, 0),
    ("halved", 5, -1),
    ("twice", 2, 0),
    ("two-fold", 2, 0),
    ("three-fold", 3, 0),
];

/// `doubled`, `tripling`, `threefold`, `halved`: a ratio written as a verb.
pub(super) fn multiplier_word(i: &str) -> PResult<'_, (Number, Unit)> {
    for &(word, mantissa, exponent) in MULTIPLIERS {
        if let Ok((rest, _)) = (tag_no_case(word), word_end).parse(i) {
            return Ok((rest, (plain(mantissa, exponent), Unit::Multiple)));
        }
    }
    let word = leading_letters(i);
    if let Some(n) = fold_word(word) {
        let (rest, _) = word_end(&i[word.len()..])?;
        return Ok((rest, (plain(n, 0), Unit::Multiple)));
    }
    Err(no_match(i, "a multiplying word"))
}

/// Fraction words and their denominators, each plural before its singular.
pub(super) const FRACTIONS: &[(&str, u128)] = &[
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
pub(super) fn fraction_amount(i: &str) -> PResult<'_, (Number, Unit)> {
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
    // "a quarter million", "a quarter of a trillion": a share of a scale is
    // a number, of money if named.
    if let Ok((rest, power)) = scale_after_fraction(i) {
        let whole = numerator * 10u128.pow(power as u32);
        let number = if whole.is_multiple_of(denominator) {
            plain(whole / denominator, 0)
        } else {
            decimal(whole as f64 / denominator as f64)
        };
        let (rest, unit) = opt(currency_word).parse(rest)?;
        return Ok((rest, (number, unit.unwrap_or(Unit::Bare))));
    }
    // "one-half mile": a share of a unit is an amount of it.
    if let Ok((rest, unit)) = measure_word(i)
        && i.starts_with(' ')
    {
        let number = decimal(numerator as f64 / denominator as f64);
        return Ok((rest, (number, unit)));
    }
    Ok((i, (share(numerator, denominator), Unit::Percent)))
}

/// Whether what follows a fraction word makes it no share: a scale word or a
/// unit ("a quarter million", "one-half miles"); the fast path leaves these
/// to [`fraction_amount`].
pub(super) fn fraction_continues(after: &str) -> bool {
    after.starts_with(' ') && (scale_after_fraction(after).is_ok() || measure_word(after).is_ok())
}

/// The scale word after a fraction word: " million", " of a trillion".
fn scale_after_fraction(i: &str) -> PResult<'_, i32> {
    preceded(
        alt((tag_no_case(" of a "), tag(" "))),
        terminated(scale_word, word_end),
    )
    .parse(i)
}

/// `numerator / denominator` in percent.
pub(super) fn share(numerator: u128, denominator: u128) -> Number {
    // A tenth of a percent is as precise as a spelled fraction deserves.
    let tenths = (numerator * 1000 + denominator / 2) / denominator;
    if tenths.is_multiple_of(10) {
        plain(tenths / 10, 0)
    } else {
        plain(tenths, -1)
    }
}

/// Words that make a spelled number negative: `minus ten`.
pub(super) const SIGN_WORDS: &[&str] = &["minus", "negative"];

/// `[minus] cardinal [and a half [scale]]`, then a known unit.
pub(super) fn spelled_amount(i: &str) -> PResult<'_, (Number, Unit)> {
    let (i, negative) = opt(sign_word).parse(i)?;
    let (i, (value, exponent)) = spelled_cardinal(i)?;
    // "three point five billion dollars": decimals read digit by digit.
    if exponent == 0
        && let Ok((i, digits)) = spelled_decimals(i)
    {
        let places = digits.len() as i32;
        let mantissa = digits.iter().fold(value, |m, d| m * 10 + d);
        let (i, scale) = opt(preceded(char(' '), terminated(scale_word, word_end))).parse(i)?;
        let (i, unit) = opt(alt((percent_like, multiple, currency_word, measure_word))).parse(i)?;
        let mut number = plain(mantissa, scale.unwrap_or(0) - places);
        number.negative = negative.is_some();
        return Ok((i, (number, unit.unwrap_or(Unit::Bare))));
    }
    let (i, half) = opt((tag_no_case(" and a half"), word_end)).parse(i)?;
    // The half is half of the last scale: "a million and a half" is 1.5
    // million, and in "two and a half million" the scale comes after it.
    let (i, scale_after_half) = if half.is_some() && exponent < 3 {
        opt(preceded(char(' '), terminated(scale_word, word_end))).parse(i)?
    } else {
        (i, None)
    };
    // `one hundred cents` is a dollar.
    let (i, minor) = opt(minor_currency).parse(i)?;
    let shift = minor.as_ref().map_or(0, |(_, shift)| *shift);
    let (i, unit) = match minor {
        Some((unit, _)) => (i, Some(unit)),
        None => opt(alt((
            percent_like,
            multiple,
            currency_word,
            measure_word,
            hyphen_measure,
        )))
        .parse(i)?,
    };
    let mut number = match (half, scale_after_half) {
        (Some(_), Some(scale)) => plain(value * 10 + 5, scale - 1),
        (Some(_), None) if exponent >= 3 && value.is_multiple_of(10u128.pow(exponent as u32)) => {
            plain(value / 10u128.pow(exponent as u32) * 10 + 5, exponent - 1)
        }
        (Some(_), None) => plain(value * 10 + 5, -1),
        (None, _) => {
            let mut n = plain(value, 0);
            // "three million" is precise to the million, not to the unit.
            for _ in 0..exponent {
                if !n.mantissa.is_multiple_of(10) {
                    break;
                }
                n.mantissa /= 10;
                n.exponent += 1;
            }
            n
        }
    };
    number.negative = negative.is_some();
    number.exponent += shift;
    Ok((i, (number, unit.unwrap_or(Unit::Bare))))
}

/// `minus ` or `negative ` before a number.
pub(super) fn sign_word(i: &str) -> PResult<'_, ()> {
    SIGN_WORDS
        .iter()
        .find_map(|&word| (tag_no_case(word), char(' ')).parse(i).ok())
        .map(|(rest, _)| (rest, ()))
        .ok_or_else(|| no_match(i, "a sign word"))
}

/// ` point five`, ` point zero seven`: the digits after a spelled decimal point.
fn spelled_decimals(i: &str) -> PResult<'_, Vec<u128>> {
    let digit = |i| nom::combinator::verify(|i| spelled_word(i, ONES), |n: &u128| *n < 10).parse(i);
    preceded(
        tag_no_case(" point"),
        nom::multi::many1(preceded(char(' '), digit)),
    )
    .parse(i)
}

/// `three million, two hundred & forty`: groups below a thousand, each times a scale.
/// Returns the value and the exponent of the last scale word.
pub(super) fn spelled_cardinal(i: &str) -> PResult<'_, (u128, i32)> {
    let (mut i, (first, mut last_exponent)) = leading_group(i)?;
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
pub(super) fn scaled_group(i: &str) -> PResult<'_, (u128, i32)> {
    let (i, group) = below_thousand(i)?;
    scaled(i, group)
}

/// The first group of a cardinal, which may also be a scale word alone:
/// "million and one", "hundred and five" (later groups may not: "six
/// million hundred" is no number).
pub(super) fn leading_group(i: &str) -> PResult<'_, (u128, i32)> {
    if let Ok((rest, e)) = terminated(scale_word, word_end).parse(i) {
        return Ok((rest, (10u128.pow(e as u32), e)));
    }
    // "a dozen", "two dozen": twelves, only at the head of a number.
    let mut dozens = (
        alt((value(1, tag_no_case("a")), spelled_below_hundred)),
        tag_no_case(" dozen"),
        word_end,
    );
    if let Ok((rest, (n, _, ()))) = dozens.parse(i) {
        return Ok((rest, (n * 12, 0)));
    }
    let mut bare_hundred = (
        tag_no_case("hundred"),
        word_end,
        opt(preceded(
            alt((tag(" and "), tag(" & "), tag(" "))),
            spelled_below_hundred,
        )),
    );
    if let Ok((rest, (_, (), ones))) = bare_hundred.parse(i) {
        return scaled(rest, 100 + ones.unwrap_or(0));
    }
    scaled_group(i)
}

/// A group below a thousand, then its scale word if one follows.
fn scaled(i: &str, group: u128) -> PResult<'_, (u128, i32)> {
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

pub(super) fn below_thousand(i: &str) -> PResult<'_, u128> {
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
pub(super) const SCALES: &[(&str, i32)] = SPACED_MAGNITUDES.split_at(4).0;

/// A scale word of [`SCALES`] (no word end) and its power of ten.
pub(super) fn scale_word(i: &str) -> PResult<'_, i32> {
    SCALES
        .iter()
        .find_map(|&(word, power)| tag_no_case(word)(i).ok().map(|(rest, _)| (rest, power)))
        .ok_or_else(|| no_match(i, "a scale word"))
}

pub(super) const ONES: &[&str] = &[
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
pub(super) const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

pub(super) fn spelled_word<'a>(i: &'a str, words: &[&str]) -> PResult<'a, u128> {
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
pub(super) fn spelled_below_hundred(i: &str) -> PResult<'_, u128> {
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

//! The prose grammar: numbers as articles write them, where the words after
//! a number are only its unit when they are a unit this grammar knows.

use super::*;

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
    let read = match fast_prose_quantity(text, ranges) {
        Some(read) => read,
        None => prose_quantity_full(text, ranges)?,
    };
    let (quantity, len) = with_bound_after(text, read);
    Some((bound_of_a_fall(quantity), len))
}

/// "more than halved" is a fall of more than half: a ratio under one half.
/// A bound on a verb of falling bounds the ratio the other way.
fn bound_of_a_fall(mut quantity: Quantity) -> Quantity {
    let falls = quantity.unit == Unit::Multiple
        && MULTIPLIERS.iter().any(|&(word, mantissa, exponent)| {
            plain(mantissa, exponent).value() < 1.0
                && quantity
                    .text
                    .len()
                    .checked_sub(word.len())
                    .and_then(|cut| quantity.text.get(cut..))
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(word))
        });
    if falls {
        quantity.qualifier = quantity.qualifier.map(|q| match q {
            Qualifier::Over => Qualifier::Under,
            Qualifier::Under => Qualifier::Over,
            Qualifier::AtLeast => Qualifier::AtMost,
            Qualifier::AtMost => Qualifier::AtLeast,
            // "nearly halved" leaves a little more than half.
            Qualifier::Nearly | Qualifier::About => Qualifier::About,
        });
    }
    quantity
}

/// A quantity read at the start of `text`, with the bound that may follow
/// it: `10 or more`, `65 and over`, `2859亿美元以上`, `一半以下`, `90%左右`.
pub(super) fn with_bound_after(text: &str, read: (Quantity, usize)) -> (Quantity, usize) {
    let (mut quantity, len) = read;
    if let Some(read) = more_than_a_round_number(text, &quantity, len) {
        return read;
    }
    if quantity.qualifier.is_none()
        && let Some((qualifier, word)) =
            zh_qualifier_after(&text[len..]).or_else(|| qualifier_after(&text[len..]))
    {
        quantity.qualifier = Some(qualifier);
        quantity.text.push_str(word);
        return (quantity, len + word.len());
    }
    (quantity, len)
}

/// 四百多页, 10多个国家, 100多美元, 20多亿美元, 1000余万人, 三成多: 多 or 余
/// after a round number (or a number of tenths) is "more than" it, and the
/// magnitude and the unit or measure word after it are still the number's.
/// Not in 多于 ("more than", a qualifier of what follows).
fn more_than_a_round_number(
    text: &str,
    quantity: &Quantity,
    len: usize,
) -> Option<(Quantity, usize)> {
    let (more, after) = ['多', '余']
        .into_iter()
        .find_map(|c| Some((c, text[len..].strip_prefix(c)?)))?;
    let tenths = quantity.text.ends_with('成');
    let round = quantity
        .text
        .ends_with(['0', '０', '十', '百', '千', '万', '亿']);
    if quantity.qualifier.is_some()
        || quantity.high.is_some()
        || (quantity.unit != Unit::Bare && !tenths)
        || !(round || tenths)
        || after.starts_with('于')
    {
        return None;
    }
    let mut quantity = quantity.clone();
    quantity.qualifier = Some(Qualifier::Over);
    quantity.text.push(more);
    let mut len = len + more.len_utf8();
    if let Ok((rest, (power, unit))) = zh_suffix(after)
        && (power > 0 || unit.is_some())
    {
        quantity.text.push_str(&after[..after.len() - rest.len()]);
        len += after.len() - rest.len();
        quantity.low.exponent += power;
        quantity.unit = unit.unwrap_or(Unit::Bare);
    }
    Some((quantity, len))
}

/// The English bound right after a number that `text` starts with: `or
/// more`, `and over` and `+` make it a floor, `or less` and `and under` a
/// ceiling. Not where a number follows: "59 and over 30" are two.
fn qualifier_after(text: &str) -> Option<(Qualifier, &'static str)> {
    const AFTER: [(&str, Qualifier); 14] = [
        (" or more", Qualifier::AtLeast),
        (" or above", Qualifier::AtLeast),
        (" or higher", Qualifier::AtLeast),
        (" or greater", Qualifier::AtLeast),
        (" or over", Qualifier::AtLeast),
        (" and above", Qualifier::AtLeast),
        (" and over", Qualifier::AtLeast),
        (" and up", Qualifier::AtLeast),
        (" or less", Qualifier::AtMost),
        (" or fewer", Qualifier::AtMost),
        (" or below", Qualifier::AtMost),
        (" or lower", Qualifier::AtMost),
        (" and below", Qualifier::AtMost),
        (" and under", Qualifier::AtMost),
    ];
    // "50%+", "100+ models", "$1B+": a plus right after the number is a
    // floor, unless what follows makes it a sum or a tolerance ("2+2",
    // "5+/-1", "C++").
    if let Some(rest) = text.strip_prefix('+') {
        let sum = rest.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '+' | '/' | '-'));
        return (!sum).then_some((Qualifier::AtLeast, "+"));
    }
    // Most numbers are followed by neither word.
    let bytes = text.as_bytes();
    if !(bytes.first() == Some(&b' ') && matches!(bytes.get(1), Some(b'o' | b'a'))) {
        return None;
    }
    let &(word, qualifier) = AFTER.iter().find(|(word, _)| {
        text.get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
    })?;
    let rest = &text[word.len()..];
    // The phrase ends a word, and no number or "than" follows it.
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let next = rest.trim_start();
    let next_word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if next.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥'))
        || ["than", "to"]
            .iter()
            .any(|w| next_word.eq_ignore_ascii_case(w))
        || ONES
            .iter()
            .chain(TENS)
            .any(|n| n.eq_ignore_ascii_case(next_word))
    {
        return None;
    }
    Some((qualifier, word))
}

/// [`prose_quantity`] by the nom grammar alone: the reference that the fast
/// path must agree with, and the reading of everything the fast path declines.
pub(super) fn prose_quantity_full(text: &str, ranges: bool) -> Option<(Quantity, usize)> {
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

/// The qualifier phrases of prose, in the order they are tried.
pub(crate) const QUALIFIERS: &[(&str, Qualifier)] = &[
    // Denied bounds first: "no more than 7" is at most 7, not over it.
    ("no more than", Qualifier::AtMost),
    ("not more than", Qualifier::AtMost),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("not fewer than", Qualifier::AtLeast),
    ("more than", Qualifier::Over),
    ("just over", Qualifier::Over),
    ("exceeding", Qualifier::Over),
    // A verb of passing a mark: "trials topped 500" says more than 500.
    ("exceeded", Qualifier::Over),
    ("surpassed", Qualifier::Over),
    ("surpassing", Qualifier::Over),
    ("topped", Qualifier::Over),
    ("topping", Qualifier::Over),
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

/// Whether `i` starts the way a written-out number does (a digit, a sign,
/// a currency sign): then no qualifier or number word needs trying.
pub(super) fn starts_with_digits(i: &str) -> bool {
    // On the first byte: every number and every word of prose passes here.
    match i.as_bytes().first() {
        Some(b'0'..=b'9' | b'$' | b'-' | b'+') => true,
        Some(b'U') => i.starts_with("US$"),
        // "HK$5", "A$100": a country's dollar.
        Some(b'A'..=b'Z') => COUNTRY_DOLLARS.iter().any(|(sign, _)| i.starts_with(sign)),
        Some(b) if b.is_ascii() => false,
        Some(_) => i.starts_with(['€', '£', '¥', '₹', '₩', '₽', '−', '½', '¼', '¾', '⅓', '⅔']),
        None => false,
    }
}

pub(super) fn prose_parts(i: &str, ranges: bool) -> PResult<'_, Quantity> {
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
    let before_low = i;
    let (i, (low, low_unit)) = prose_amount(i)?;
    let low_written = before_low[..before_low.len() - i.len()].trim();
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
        // `8- to 16-meter`: a hyphen left hanging, then "to".
        value((), (space0, char('-'), space1, tag("to"), space1)),
        value((), (space0, alt((char('-'), char('–'), char('—'))), space0)),
        value((), (space1, tag("to"), space1)),
        value((), tag("..")),
    ));
    match preceded(separator, prose_amount).parse(i) {
        Ok((rest, (high, high_unit))) if joins_range(low_written, &low_unit, &high, &high_unit) => {
            Ok((rest, range(qualifier, low, low_unit, high, high_unit)))
        }
        _ => Ok((i, single)),
    }
}

/// Whether a range separator (`-`, `–`, `—`, ` to `, `..`) may follow.
pub(super) fn may_continue_range(i: &str) -> bool {
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
pub(super) fn between(i: &str, qualifier: Option<Qualifier>) -> PResult<'_, Quantity> {
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
/// "climbed 55% to 362" the percentage is a change and 362 a count; nor
/// does a year take the amount after it ("from 14 million in 2023 to 18.2
/// million").
pub(super) fn joins_range(
    low_written: &str,
    low_unit: &Unit,
    high: &Number,
    high_unit: &Unit,
) -> bool {
    let share_then_bare = matches!(
        low_unit,
        Unit::Percent | Unit::PercentagePoints | Unit::Multiple
    ) && *high_unit == Unit::Bare;
    let low_year = low_written.len() == 4
        && low_written.bytes().all(|b| b.is_ascii_digit())
        && (b"1900".as_slice()..=b"2100".as_slice()).contains(&low_written.as_bytes());
    let high_year = !high.negative && high.exponent == 0 && (1900..=2100).contains(&high.mantissa);
    let year_then_amount = *low_unit == Unit::Bare && low_year && !high_year;
    low_unit.compatible(high_unit) && !share_then_bare && !year_then_amount
}

pub(super) fn range(
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
pub(super) fn leading_letters(i: &str) -> &str {
    let end = i
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(i.len());
    &i[..end]
}

/// A qualifier of prose ([`QUALIFIERS`], then `~` or `≈`) and the space after it.
pub(super) fn prose_qualifier(i: &str) -> PResult<'_, Qualifier> {
    if let Some((qualifier, len)) = qualifier_phrase(i) {
        return Ok((&i[len..], qualifier));
    }
    // "超过 18,000": mixed text spaces the digits from the words.
    if let Some((qualifier, len)) = zh_qualifier_at_start(i) {
        let rest = &i[len..];
        return Ok((rest.strip_prefix(' ').unwrap_or(rest), qualifier));
    }
    let symbol = |s: &'static str, q| value(q, terminated(tag(s), space0));
    // A comparison is glued to its number: "> 59" may be a quote's marker.
    let glued = |s: &'static str, q| value(q, tag(s));
    alt((
        symbol("~", Qualifier::About),
        symbol("≈", Qualifier::About),
        symbol("≥", Qualifier::AtLeast),
        symbol("≤", Qualifier::AtMost),
        glued(">=", Qualifier::AtLeast),
        glued("<=", Qualifier::AtMost),
        glued(">", Qualifier::Over),
        glued("<", Qualifier::Under),
    ))
    .parse(i)
}

/// `[sign] [currency] (digits [magnitude] | spelled) [known unit]`, then a word end.
pub(super) fn prose_amount(i: &str) -> PResult<'_, (Number, Unit)> {
    // Dispatch on the first character: trying every number word before
    // each digit is most of the cost of reading prose.
    let (i, (number, unit)) = if starts_with_digits(i) {
        digit_amount(i)?
    } else {
        alt((word_amount, digit_amount, zh_numeral_amount)).parse(i)?
    };
    // `$15/hour`, `four times a week`: the amount is per a unit.
    if let Ok((rest, denominator)) = per_unit(i)
        && let Some(rate) = per(&unit, denominator)
    {
        return Ok((rest, (number, rate)));
    }
    Ok((i, (number, unit)))
}

pub(super) fn digit_amount(i: &str) -> PResult<'_, (Number, Unit)> {
    // `minus 5`: a sign written as a word.
    let (i, negative) = match sign_word(i) {
        Ok((i, ())) if i.starts_with(|c: char| c.is_ascii_digit()) => (i, Some(true)),
        _ => opt(sign).parse(i)?,
    };
    let (i, prefix) = opt(currency_prefix).parse(i)?;
    // `$ 75 million`: a space after the sign.
    let (i, _) = if prefix.is_some() {
        opt(terminated(char(' '), peek(satisfy(|c| c.is_ascii_digit())))).parse(i)?
    } else {
        (i, None)
    };
    // `$-99.99`: some writers put the sign after the currency.
    let (i, negative) = match negative {
        Some(n) => (i, Some(n)),
        None => opt(sign).parse(i)?,
    };
    let (i, mut number) = prose_number(i)?;
    if let Ok((i, (magnitude, unit))) = zh_suffix(i) {
        let unit = match (prefix, unit) {
            (Some(code), None) => Unit::Currency(code),
            (Some(code), Some(Unit::Currency(other))) if code == other => Unit::Currency(code),
            (Some(_), Some(_)) => return Err(no_match(i, "one unit")),
            (None, unit) => unit.unwrap_or(Unit::Bare),
        };
        number.negative = negative.unwrap_or(false);
        number.exponent += magnitude;
        return Ok((i, (number, unit)));
    }
    if !may_have_unit(i) {
        // Most numbers in prose end at a space and an ordinary word.
        let (i, _) = word_end(i)?;
        number.negative = negative.unwrap_or(false);
        let unit = prefix.map_or(Unit::Bare, Unit::Currency);
        return Ok((i, (number, unit)));
    }
    // `1.2b` is 1.2 billion, but `1500b` no 1.5 trillion: a magnitude
    // keeps what is written before it below a thousand.
    let lone_b = i.starts_with('b') && !i.starts_with("bn");
    let (i, magnitude) = if lone_b && number.value() >= 1000.0 {
        (i, None)
    } else {
        opt(prose_magnitude).parse(i)?
    };
    // `3 hundred and 21`: the rest of the hundred, in digits.
    let (i, number) = match magnitude {
        Some(2) if number.exponent == 0 => {
            match (alt((tag(" and "), tag(" "))), digit1, word_end).parse(i) {
                Ok((rest, (_, ones, ()))) if ones.len() <= 2 => {
                    let ones: u128 = ones.parse().unwrap_or(0);
                    (rest, plain(number.mantissa * 100 + ones, -2))
                }
                _ => (i, number),
            }
        }
        _ => (i, number),
    };
    let mut number = number;
    // `9.83e-3 +/- 1e-5 km/s2`: the uncertainty belongs to the number.
    let (i, _) = opt((space0, alt((tag("±"), tag("+/-"))), space0, prose_number)).parse(i)?;
    if prefix.is_none() {
        // `50 cents` is $0.50, and `3 dollars 50 cents` is $3.50.
        if let Ok((i, (unit, shift))) = minor_currency(i) {
            number.negative = negative.unwrap_or(false);
            number.exponent += magnitude.unwrap_or(0) + shift;
            return Ok((i, (number, unit)));
        }
        // `20 million pounds` is money; `2,000 pounds` is a weight.
        if magnitude.is_some()
            && let Ok((i, _)) = (space1, tag_no_case("pound"), opt(char('s')), word_end).parse(i)
        {
            number.negative = negative.unwrap_or(false);
            number.exponent += magnitude.unwrap_or(0);
            return Ok((i, (number, Unit::Currency(CompactString::const_new("GBP")))));
        }
    }
    let (i, suffix) = if prefix.is_some() {
        opt(alt((currency_suffix, percent_like))).parse(i)?
    } else {
        opt(prose_unit).parse(i)?
    };
    let (i, _) = word_end(i)?;
    let (i, number) = match &suffix {
        Some(Unit::Currency(_)) if magnitude.is_none() && number.exponent == 0 => {
            let (i, cents) = opt(and_cents).parse(i)?;
            let number = match cents {
                Some(cents) => plain(number.mantissa * 100 + cents, number.exponent - 2),
                None => number,
            };
            (i, number)
        }
        _ => (i, number),
    };
    let mut number = number;
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

/// ` 50 cents`, ` and 5 cents` after a whole number of dollars: the cents.
fn and_cents(i: &str) -> PResult<'_, u128> {
    let (rest, (_, _, cents, (unit, shift))) = (
        space1,
        opt(terminated(tag("and"), space1)),
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        minor_currency,
    )
        .parse(i)?;
    if shift != -2 || !matches!(unit, Unit::Currency(_)) {
        return Err(no_match(i, "cents"));
    }
    Ok((rest, cents.parse().unwrap_or(0)))
}

/// Digits as prose writes them: `72,816`, `10 000`, `2 1/2`, `1/40`, `2½`,
/// `½`, `4e14`, `2.48×10−5`.
pub(super) fn prose_number(i: &str) -> PResult<'_, Number> {
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

pub(super) fn plain(mantissa: u128, exponent: i32) -> Number {
    Number {
        negative: false,
        mantissa,
        exponent,
    }
}

/// `-5`, `14`, `−5` after `e` or `×10`: at most three digits.
pub(super) fn signed_power(i: &str) -> PResult<'_, i32> {
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

pub(super) fn vulgar_fraction(i: &str) -> PResult<'_, f64> {
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
pub(super) fn decimal(value: f64) -> Number {
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
pub(super) fn prose_digits(i: &str) -> PResult<'_, (u128, i32, &str)> {
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
pub(super) const UNIT_WORDS: &[&str] = &[
    "hundred",
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
    "british",
    "pound",
    "cent",
    "cents",
    "dime",
    "dimes",
    "pence",
];

/// Words after the digits that may start a unit only with what follows
/// them (`sq mi`, `cubic feet`, `2 in thick`): [`measure_word`] decides.
pub(super) const LEADING_UNIT_WORDS: &[&str] = &["sq", "square", "cubic", "in"];

/// Whether anything after the digits could be a magnitude, a unit or an
/// uncertainty: a cheap test that spares trying each of them in turn.
pub(super) fn may_have_unit(i: &str) -> bool {
    // Byte by byte: nearly every number of prose passes here.
    let bytes = i.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    if first.is_ascii_alphabetic()
        || matches!(
            first,
            b'%' | b'-' | b'^' | b'+' | b'/' | b'"' | b'\'' | b'$'
        )
    {
        return true;
    }
    if !first.is_ascii() {
        let first = i.chars().next().unwrap_or_default();
        if first.is_alphabetic()
            || matches!(
                first,
                '×' | '±' | '°' | '€' | '£' | '¥' | '″' | '′' | '²' | '³'
            )
        {
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
        Some(b) if !b.is_ascii() && rest.starts_with(['±', '°', '×', '€', '£', '¥']) => {
            return true;
        }
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
    if word.iter().all(u8::is_ascii_uppercase) || may_be_prefixed_symbol(word) {
        return true;
    }
    // Nearly every number in prose is followed by a word, and nearly none
    // of those words is a unit: a look at its length and first letter, then
    // one lookup, not a walk through every list.
    let words = words_after_digits();
    let first = word[0].to_ascii_lowercase();
    let may_be = |len: usize| len > 0 && words.firsts[len] >> (first & 31) & 1 != 0;
    // A plural, or a length and its power glued (`km2`), is one byte longer.
    let suffixed = word
        .last()
        .is_some_and(|b| matches!(b, b's' | b'S' | b'2' | b'3'));
    if !(may_be(word.len()) || suffixed && may_be(word.len() - 1)) {
        return false;
    }
    let mut lower = [0u8; 16];
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    let singular = lower.strip_suffix(b"s").unwrap_or(lower);
    // `km2`, `m3`: a length and its power glued.
    let unpowered = lower
        .strip_suffix(b"2")
        .or_else(|| lower.strip_suffix(b"3"));
    words.set.contains(&*lower)
        || words.set.contains(singular)
        || unpowered.is_some_and(|w| words.set.contains(w))
}

/// The words [`may_have_unit`] looks for, in lower case.
pub(super) struct WordsAfterDigits {
    set: FxHashSet<Box<[u8]>>,
    /// By length, a bit for the first byte of each word (its low five bits).
    firsts: [u32; 17],
}

pub(super) fn words_after_digits() -> &'static WordsAfterDigits {
    static WORDS: OnceLock<WordsAfterDigits> = OnceLock::new();
    WORDS.get_or_init(|| {
        let set: FxHashSet<Box<[u8]>> = UNIT_WORDS
            .iter()
            .chain(PROSE_SYMBOLS)
            .chain(MEASURES.iter().map(|(k, _)| k))
            .chain(LEADING_UNIT_WORDS)
            .chain([&DEGREE])
            .map(|k| k.to_ascii_lowercase())
            // The first word of a unit of several ("british thermal unit").
            .chain(
                MEASURES
                    .iter()
                    .filter_map(|(k, _)| Some(k.split_once(' ')?.0.to_owned())),
            )
            .chain(PER_SYMBOLS.iter().map(|(k, _)| (*k).to_owned()))
            .chain(currency_first_words().map(str::to_owned))
            .chain(["b", "deg"].map(str::to_owned))
            .chain(
                TEMPERATURE_SCALES
                    .iter()
                    .map(|(name, _)| (*name).to_owned()),
            )
            .map(|k| k.into_bytes().into_boxed_slice())
            .collect();
        let mut firsts = [0; 17];
        for word in set.iter().filter(|w| w.len() <= 16) {
            firsts[word.len()] |= 1 << (word[0] & 31);
        }
        WordsAfterDigits { set, firsts }
    })
}

/// Magnitudes as prose writes them; `M`, `B` and `T` only glued to the digits.
pub(super) fn prose_magnitude(i: &str) -> PResult<'_, i32> {
    // After spaces only the words (t…, m…, b…) can follow; glued to the
    // digits only `bn`, `mn`, `k`, `K`, `M`, `B`, `T`, and `m` before no
    // word of length. Most numbers are followed by neither, so look before
    // trying fourteen alternatives.
    let spaced = i.trim_start_matches([' ', '\t']);
    let could = if spaced.len() < i.len() {
        spaced
            .bytes()
            .next()
            .is_some_and(|b| matches!(b.to_ascii_lowercase(), b't' | b'm' | b'b' | b'h'))
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
    // `$5m`, `5.6m AI projects`: a lower-case `m` glued to the digits is a
    // million, unless a word of length follows (`5m tall`, `a 100m
    // sprint`, `3m-long`), where it is metres.
    if let Ok((rest, _)) = (char('m'), word_end).parse(i)
        && !measures_a_length(rest)
    {
        return Ok((rest, 6));
    }
    Err(no_match(i, "a magnitude"))
}

/// Whether what follows `5m` says it is a length.
fn measures_a_length(rest: &str) -> bool {
    const LENGTH: [&str; 22] = [
        "tall",
        "high",
        "long",
        "deep",
        "wide",
        "thick",
        "away",
        "apart",
        "above",
        "below",
        "across",
        "sprint",
        "race",
        "dash",
        "hurdles",
        "relay",
        "freestyle",
        "radius",
        "diameter",
        "altitude",
        "depth",
        "square",
    ];
    if rest.starts_with(['²', '³', '^']) {
        return true;
    }
    let word = rest
        .strip_prefix('-')
        .unwrap_or_else(|| rest.trim_start_matches([' ', '\t']));
    let word = &word[..word
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(word.len())];
    LENGTH.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Magnitude words after a space, in any case, with their power of ten.
/// The words spelled in full come first: they are also the [`SCALES`].
pub(super) const SPACED_MAGNITUDES: &[(&str, i32)] = &[
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
    ("mn", 6),
    ("bn", 9),
    ("tn", 12),
    ("hundred", 2),
];

/// Magnitude words glued to the digits (`5bn`, `10K`), in this case only.
pub(super) const GLUED_MAGNITUDES: &[(&str, i32)] = &[
    ("bn", 9),
    ("mn", 6),
    ("k", 3),
    ("K", 3),
    ("b", 9),
    ("M", 6),
    ("B", 9),
    ("T", 12),
];

//! The hand-written fast path of the prose grammar: the common shapes read
//! byte by byte, everything else declined to the grammar, whose reading this
//! must equal (see `fast_path_tests`).

use super::*;

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
pub(super) fn fast_prose_quantity(text: &str, ranges: bool) -> Option<(Quantity, usize)> {
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
            && joins_range(text[start..end].trim(), &low_unit, &high, &high_unit)
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
pub(super) fn fast_prose_amount(text: &str, ranges: bool) -> Option<(Number, Unit, usize)> {
    let read = if starts_with_digits(text) {
        fast_amount(text)
    } else if ranges && text.starts_with(['b', 'B']) {
        // `between 44 and 50`
        None
    } else {
        fast_word_amount(text)
    }?;
    // `$15/hour`, `twice a week`: rates are the grammar's.
    if per_unit(&text[read.2..]).is_ok() {
        return None;
    }
    Some(read)
}

/// After a number where [`may_continue_range`] holds: the other end of the
/// range the grammar reads there and the bytes up to its end, `(None, 0)`
/// where the grammar reads none (`5 tons`, `2024 to the`), or `None` where
/// the fast path cannot tell.
pub(super) fn fast_range_end(rest: &str) -> Option<(Option<(Number, Unit)>, usize)> {
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
pub(super) fn range_separator(rest: &str) -> Option<usize> {
    let spaces = |s: &str| s.bytes().take_while(|b| matches!(b, b' ' | b'\t')).count();
    let before = spaces(rest);
    let after = &rest[before..];
    if let Some(dash) = ["-", "–", "—"].into_iter().find(|d| after.starts_with(d)) {
        let at = before + dash.len();
        let gap = spaces(&rest[at..]);
        // `8- to 16-meter`: a hyphen left hanging, then "to".
        if dash == "-" && gap > 0 && rest[at + gap..].starts_with("to") {
            let tail = spaces(&rest[at + gap + 2..]);
            if tail > 0 {
                return Some(at + gap + 2 + tail);
            }
        }
        return Some(at + gap);
    }
    if before > 0 && after.starts_with("to") {
        let tail = spaces(&after[2..]);
        if tail > 0 {
            return Some(before + 2 + tail);
        }
    }
    rest.starts_with("..").then_some(2)
}

/// A qualifier phrase of [`QUALIFIERS`] in any ASCII case, and the spaces
/// after it (at least one): the qualifier and the bytes read.
pub(super) fn qualifier_phrase(text: &str) -> Option<(Qualifier, usize)> {
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
pub(super) fn fast_amount(text: &str) -> Option<(Number, Unit, usize)> {
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
        // Chinese magnitudes and units (`zh_suffix`) are the grammar's.
        Some(b) if !b.is_ascii() => text[end..].starts_with(|c: char| {
            matches!(c, '½' | '¼' | '¾' | '⅓' | '⅔' | '×' | '％') || is_han(c)
        }),
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
            // `14-15%`: a hyphen starts no unit but `-fold` (the grammar's)
            // and a unit word (`20-minute`).
            Some(b'-') if currency.is_none() => {
                if let Ok((after, unit)) = hyphen_measure(&text[end..]) {
                    unit_end = text.len() - after.len();
                    break 'unit Some(unit);
                }
                if rest
                    .get(1..5)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"fold"))
                {
                    return None;
                }
                unit_end = end;
                None
            }
            Some(b'-') if !rest.get(1).is_some_and(u8::is_ascii_alphabetic) => {
                unit_end = end;
                None
            }
            Some(_) => {
                let after = &text[end..];
                if may_have_unit(after) {
                    if let Some((power, len)) = fast_magnitude(rest) {
                        // `3 hundred and 21`, `1500b`: the grammar's.
                        if power == 2 || rest.starts_with(b"b") && !rest.starts_with(b"bn") {
                            return None;
                        }
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
pub(super) fn fast_spaced_unit(after: &str, currency: bool) -> Option<(Option<Unit>, usize)> {
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
    let unit_word = UNIT_WORDS
        .iter()
        .copied()
        .chain(currency_first_words())
        .any(|w| {
            w.as_bytes().eq_ignore_ascii_case(word) || w.as_bytes().eq_ignore_ascii_case(singular)
        });
    // `US dollars`: the grammar's.
    if unit_word || word.eq_ignore_ascii_case(b"p") || word == b"US" {
        return None;
    }
    let code = std::str::from_utf8(word).ok()?;
    if ISO_CODES.contains(&code) {
        return None;
    }
    if currency {
        return Some((None, 0));
    }
    // In the grammar's order (`prose_unit`).
    for read in [
        inverse_unit,
        measure_word,
        scale_letter,
        prose_symbol,
        spaced_symbol,
    ] {
        if let Ok((rest, unit)) = read(after) {
            return Some((Some(unit), after.len() - rest.len()));
        }
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
pub(super) fn fast_word_amount(text: &str) -> Option<(Number, Unit, usize)> {
    let word = leading_letters(text);
    let after = &text[word.len()..];
    let known = |w: &&str| w.eq_ignore_ascii_case(word);
    // `multiplier_word` and `fraction_amount` are tried first; each word of
    // theirs is a whole run of letters and no number word.
    if let Some(&(_, mantissa, exponent)) = MULTIPLIERS.iter().find(|(w, ..)| known(w)) {
        let number = plain(mantissa, exponent);
        return ends_word(after).then_some((number, Unit::Multiple, word.len()));
    }
    if let Some(n) = fold_word(word) {
        return ends_word(after).then_some((plain(n, 0), Unit::Multiple, word.len()));
    }
    if let Some(&(_, denominator)) = FRACTIONS.iter().find(|(w, _)| known(w)) {
        if fraction_continues(after) {
            return None;
        }
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
            if fraction_continues(&text[len..]) {
                return None;
            }
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
    // `two hundred`, `two dozen`: the grammar's.
    if ["hundred", "dozen"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(scale))
    {
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
    // `three and a half`, `three point five`: the grammar's.
    let tail = |t: &str| {
        text[len..]
            .get(..t.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(t))
    };
    if tail(" and a half") || tail(" point ") {
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
pub(super) fn fast_below_hundred(text: &str) -> Option<(u128, usize)> {
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
pub(super) fn fast_word_unit(rest: &str) -> Option<(Unit, usize)> {
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
        // `-fold`, `-year`: the grammar's.
        Some(b'-') if spaces == 0 => {
            if let Ok((after, unit)) = hyphen_measure(word) {
                return Some((unit, word.len() - after.len()));
            }
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
    // `one hundred cents`: the grammar's.
    if minor_currency(rest).is_ok() {
        return None;
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
pub(super) fn share_or_multiple(word: &str) -> Option<(Unit, usize)> {
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
pub(super) fn ends_word(rest: &str) -> bool {
    !rest.starts_with(|c: char| c.is_alphanumeric() && !is_han(c))
}

/// Whether `rest` starts with a space (ordinary, no-break or narrow
/// no-break) and a digit: a thousands group, `2 1/2`, `2024 100`.
pub(super) fn spaced_digit(rest: &[u8]) -> bool {
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
pub(super) fn word_ends(rest: &[u8]) -> bool {
    rest.first()
        .is_none_or(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
}

/// `prose_magnitude` for the fast path: a magnitude word after spaces
/// (`billion`, `bn`) or glued (`bn`, `k`, `M`), then a word end. Returns the
/// power of ten and the bytes read; `None` when there is none or the fast
/// path cannot tell.
pub(super) fn fast_magnitude(rest: &[u8]) -> Option<(i32, usize)> {
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
pub(super) fn plain_after_magnitude(rest: &str) -> bool {
    let words = rest.trim_start_matches(' ');
    let Some(&next) = words.as_bytes().first() else {
        return true;
    };
    if !next.is_ascii() || matches!(next, b'\t' | b'%' | b'+' | b'-' | b'"' | b'\'' | b'$') {
        return false;
    }
    // `billion in`, `million square`: only a unit where `measure_word` reads one.
    let word = leading_letters(words);
    if words.len() < rest.len()
        && LEADING_UNIT_WORDS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
    {
        return measure_word(rest).is_err();
    }
    // Glued to the magnitude, a character that is no letter nor digit
    // starts no unit; after spaces, `may_have_unit` sees every unit but
    // `p.p.`.
    words.len() == rest.len() || !(words.starts_with("p.") || may_have_unit(rest))
}

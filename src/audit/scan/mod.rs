//! Finding the numbers in prose: a finder proposes, the quantity grammar reads.
//!
//! The finder (`next_candidate`) finds every place a number may start (a
//! digit, a currency sign, a number word, a multiplying verb). Rules on the
//! surrounding characters throw out what is not a statement of quantity
//! (dates, times, versions, list and section numbers, digits inside names),
//! then the prose mode of the quantity grammar
//! ([`crate::quantity::prose_quantity`]) reads the number with its
//! qualifier, range and unit.

mod context;
mod finder;
mod not_quantity;
mod read;
#[cfg(test)]
mod tests;

use context::*;
use finder::*;
use not_quantity::*;
use read::*;

pub(crate) use read::ordinal_value;

use std::sync::LazyLock;

use regex::Regex;

use crate::quantity::{
    COUNTRY_DOLLARS, Number, QUALIFIERS, Qualifier, Quantity, Unit, is_currency_code, is_han,
    parse_quantity, prose_quantity, starts_chinese_numeral, unit_from_words, zh_qualifier_at_end,
};

use super::text::{BlockKind, ceil_boundary, floor_boundary};

/// One number found in a block of prose.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range in the block's prose.
    pub start: usize,
    pub end: usize,
    pub quantity: Quantity,
    /// A spelled-out count with no unit and no qualifier ("five cities",
    /// "four words"): a number, but no rival of a number written in digits
    /// for the words around them ("at least one business function").
    pub weak: bool,
    /// The byte range of the mention's sentence in the block's prose.
    pub sentence: (usize, usize),
    /// "24th", "ninth": a position, which speaks only of a rank, an
    /// edition or a place. Weak, as spelled counts are.
    pub ordinal: bool,
}

/// Every number in a block's prose, in order.
pub fn scan(text: &str, kind: BlockKind) -> Vec<Mention> {
    let mut mentions = Vec::new();
    scan_into(text, kind, &mut mentions);
    mentions
}

/// [`scan`] into `mentions`, which it empties first: an audit keeps one
/// list for all the blocks of an article.
pub fn scan_into(text: &str, kind: BlockKind, mentions: &mut Vec<Mention>) {
    scan_knowing(text, kind, &|_| false, mentions);
}

/// [`scan_into`], knowing which words name a subject of the store: "the
/// UK counts 523 and France 322" lists counts, where "Grok 4" names a
/// model. A capitalised word before a bare whole number of two digits or
/// more is a name of the number's own only when it names no subject.
pub fn scan_knowing(
    text: &str,
    kind: BlockKind,
    names_a_subject: &dyn Fn(&str) -> bool,
    mentions: &mut Vec<Mention>,
) {
    mentions.clear();
    let urls = url_spans(text);
    let mut cursor = 0;
    // Searching on from the cursor, not from every match: a skipped 10 MB
    // token of digits is skipped once.
    while let Some(candidate) = next_candidate(text, cursor) {
        let at = candidate.start;
        cursor = candidate.end;
        if urls.iter().any(|&(s, e)| s <= at && at < e) {
            continue;
        }
        let outcome = match candidate.digit {
            Some(digit) => read_digits(text, at, digit, kind, names_a_subject),
            None if !text.as_bytes()[at].is_ascii() => read_chinese(text, at),
            None => read_words(text, at),
        };
        match outcome {
            Read::Found(mut mention) => {
                cursor = cursor.max(mention.end);
                // Numbers share sentences: reuse the last one when it ends at a
                // real full stop past this number.
                let last = mentions.last().map(|m: &Mention| m.sentence);
                mention.sentence = match last {
                    Some((s, e))
                        if s <= mention.start
                            && mention.end <= e
                            && (e == text.len()
                                || text[..e].ends_with(['.', '!', '?', ';', '\n'])) =>
                    {
                        (s, e)
                    }
                    _ => super::text::sentence(text, mention.start, mention.end),
                };
                mentions.push(mention);
            }
            Read::Skip(end) => cursor = cursor.max(end),
        }
    }
    share_units(text, mentions);
    end_changes_in_the_start_unit(text, mentions);
    elided_currency(text, mentions);
    elided_emissions(mentions);
    shares_in(text, mentions);
    if kind != BlockKind::Cell {
        drop_wordless(text, mentions);
    }
}

/// `45 and 50 mg`, `5, 10 or 20%`, `from 20 to 87%`: bare numbers listed
/// before a number with a unit, or the start of a change to it, share its
/// unit, as they share it in the reader's mind; and its scale: `from 1.5
/// to 11 million` starts at 1.5 million.
fn share_units(text: &str, mentions: &mut [Mention]) {
    for k in (1..mentions.len()).rev() {
        let (head, tail) = mentions.split_at_mut(k);
        let (before, after) = (&mut head[k - 1], &tail[0]);
        // Mentions may touch or overlap ("½$ 0"): no list there.
        let Some(between) = text.get(before.end..after.start) else {
            continue;
        };
        let starts_a_change = starts_a_change(text, before, after);
        let listed =
            starts_a_change || [" and ", " or ", ", ", ", and ", ", or "].contains(&between);
        let bare = before.quantity.unit == Unit::Bare
            && before.quantity.qualifier.is_none()
            && before.quantity.high.is_none();
        // A unit written after the digits (or the words), not a sign before
        // them: "5 and $10" says nothing of the 5; nor another number's
        // words before it: "35, about 1.7 times".
        let unit_after = !text[after.start..].starts_with(|c: char| !c.is_alphanumeric())
            && !QUALIFIER_WORDS.iter().any(|w| {
                text[after.start..]
                    .split(' ')
                    .next()
                    .is_some_and(|first| first.eq_ignore_ascii_case(w))
            });
        if !(listed && bare && unit_after) {
            continue;
        }
        if after.quantity.unit != Unit::Bare {
            before.quantity.unit = after.quantity.unit.clone();
            before.weak = false;
        }
        let scale = SCALE_WORDS.iter().find(|(word, _)| {
            text[..after.end]
                .get(after.end.saturating_sub(word.len())..)
                .is_some_and(|end| end.eq_ignore_ascii_case(word))
        });
        let written_whole = text[..before.end].ends_with(|c: char| c.is_ascii_digit());
        if let Some(&(_, power)) = scale
            && written_whole
            && before.quantity.low.value() < 1000.0
        {
            before.quantity.low.exponent += power;
            before.weak = false;
        }
    }
}

/// Whether `before` starts a change that `after` ends: "from 15% to 93".
fn starts_a_change(text: &str, before: &Mention, after: &Mention) -> bool {
    text.get(before.end..after.start) == Some(" to ")
        && text[..before.start]
            .get(before.start.saturating_sub(5)..)
            .is_some_and(|from| from.eq_ignore_ascii_case("from "))
}

/// "from fifteen percent to ninety-three": the end of a change written
/// bare is in the unit its start was.
fn end_changes_in_the_start_unit(text: &str, mentions: &mut [Mention]) {
    for k in 1..mentions.len() {
        let (head, tail) = mentions.split_at_mut(k);
        let (before, after) = (&head[k - 1], &mut tail[0]);
        if starts_a_change(text, before, after)
            && before.quantity.unit != Unit::Bare
            && after.quantity.unit == Unit::Bare
            && after.quantity.high.is_none()
        {
            after.quantity.unit = before.quantity.unit.clone();
            after.weak = false;
        }
    }
}

/// "US investment came to $285.9 billion; China's was 12.4 billion.": a
/// scaled amount that ends its clause with no noun of its own, just after
/// an amount of money in the same sentence or the one before, is money of
/// the same currency, as the reader takes it. A noun after the scale word
/// ("1.4 billion people") says what it counts instead.
fn elided_currency(text: &str, mentions: &mut [Mention]) {
    for k in 1..mentions.len() {
        let (head, tail) = mentions.split_at_mut(k);
        let now = &mut tail[0];
        let written = &text[now.start..now.end];
        let scaled = SCALE_WORDS.iter().any(|(word, _)| {
            written
                .get(written.len().saturating_sub(word.len())..)
                .is_some_and(|end| end.eq_ignore_ascii_case(word))
        });
        let ends_its_clause = text[now.end..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '—' | '\n'));
        if !(scaled
            && ends_its_clause
            && now.quantity.unit == Unit::Bare
            && now.quantity.high.is_none())
        {
            continue;
        }
        let Some(before) = head.iter().rev().find(|m| m.quantity.unit != Unit::Bare) else {
            continue;
        };
        let near = before.sentence == now.sentence
            || text
                .get(before.sentence.1..now.sentence.0)
                .is_some_and(|gap| gap.trim().is_empty());
        if let Unit::Currency(_) = &before.quantity.unit
            && near
            && before.quantity.low.value() >= 1e6
        {
            now.quantity.unit = before.quantity.unit.clone();
            now.weak = false;
        }
    }
}

/// "Grok 4 emitted 72,816 tonnes of CO2 equivalent, GPT-4 5,184 tonnes":
/// tonnes after emissions in tonnes in the same sentence are emissions
/// too, the gas named once for all.
fn elided_emissions(mentions: &mut [Mention]) {
    let mut emissions: Option<(Unit, (usize, usize))> = None;
    for mention in mentions.iter_mut() {
        let unit = &mention.quantity.unit;
        if let Unit::Measure(measure) = unit
            && measure.dimension == "emissions"
            && measure.factor == 1.0
        {
            emissions = Some((unit.clone(), mention.sentence));
        } else if let Unit::Measure(measure) = unit
            && measure.symbol == "tonnes"
            && let Some((named, sentence)) = &emissions
            && *sentence == mention.sentence
        {
            mention.quantity.unit = named.clone();
        }
    }
}

/// The words a qualifier written before a number starts with.
const QUALIFIER_WORDS: [&str; 16] = [
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "over",
    "more",
    "less",
    "under",
    "below",
    "above",
    "at",
    "up",
    "some",
    "just",
];

/// The scale words a list or a change shares with the numbers before it.
const SCALE_WORDS: [(&str, i32); 3] = [(" million", 6), (" billion", 9), (" trillion", 12)];

/// "4 in 5 organizations", "nearly nine in ten adults": a count in a
/// larger count is the share it rounds, about as a fraction word is ("a
/// third"). The whole is small: "1 in 2,000" is a rate, no share.
fn shares_in(text: &str, mentions: &mut Vec<Mention>) {
    const LARGEST_WHOLE: f64 = 100.0;
    let count = |m: &Mention| {
        let q = &m.quantity;
        q.unit == Unit::Bare
            && q.high.is_none()
            && !m.ordinal
            && !q.low.negative
            && q.low.value().fract() == 0.0
    };
    let mut k = 1;
    while k < mentions.len() {
        let (part, whole) = (&mentions[k - 1], &mentions[k]);
        let joined = text
            .get(part.end..whole.start)
            .is_some_and(|between| between.eq_ignore_ascii_case(" in "));
        let (n, d) = (part.quantity.low.value(), whole.quantity.low.value());
        if !(joined
            && count(part)
            && count(whole)
            && whole.quantity.qualifier.is_none()
            && part.sentence == whole.sentence
            && 1.0 <= n
            && n < d
            && d <= LARGEST_WHOLE)
        {
            k += 1;
            continue;
        }
        // Tenths of a percent: finer than any "about" allows.
        let tenths = (n / d * 1000.0).round() as u128;
        let quantity = Quantity {
            text: text[part.start..whole.end].trim().into(),
            qualifier: part.quantity.qualifier.or(Some(Qualifier::About)),
            low: Number {
                negative: false,
                mantissa: tenths,
                exponent: -1,
            },
            high: None,
            unit: Unit::Percent,
        };
        mentions[k - 1] = Mention {
            start: part.start,
            end: whole.end,
            quantity,
            weak: false,
            sentence: part.sentence,
            ordinal: false,
        };
        mentions.remove(k);
    }
}

pub(super) enum Read {
    Found(Mention),
    /// Not a quantity; nothing before this offset is one either.
    Skip(usize),
}

/// The quantity read from the qualifier at `start`, else from the number at
/// `at`; the same text is not read twice when there is no qualifier.
pub(super) fn read_from(
    text: &str,
    start: usize,
    at: usize,
    ranges: bool,
) -> Option<(usize, Quantity, usize)> {
    // Returned as read, not mapped from one tuple to another: a quantity is
    // large enough that every move of it is a copy.
    if let Some((q, len)) = prose_quantity(&text[start..], ranges) {
        return Some((start, q, len));
    }
    if start == at {
        return None;
    }
    let (q, len) = prose_quantity(&text[at..], ranges)?;
    Some((at, q, len))
}

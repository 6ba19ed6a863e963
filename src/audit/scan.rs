//! Finding the numbers in prose: a regex proposes, the quantity grammar reads.
//!
//! The regex finds every place a number may start (a digit, a currency sign,
//! a number word, a multiplying verb). Rules on the surrounding characters
//! throw out what is not a statement of quantity (dates, times, versions,
//! list and section numbers, digits inside names), then the prose mode of
//! the quantity grammar ([`crate::quantity::prose_quantity`]) reads the
//! number with its qualifier, range and unit.

use std::sync::LazyLock;

use regex::Regex;

use crate::quantity::{Qualifier, Quantity, Unit, prose_quantity};

use super::text::{BlockKind, ceil_boundary, floor_boundary};

/// One number found in a block of prose.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range in the block's prose.
    pub start: usize,
    pub end: usize,
    pub quantity: Quantity,
    /// A spelled-out count with no unit and no qualifier ("five cities",
    /// "four words"): a number, but reported as a statement only when a
    /// claim or the store has something to say about it.
    pub weak: bool,
    /// The byte range of the mention's sentence in the block's prose.
    pub sentence: (usize, usize),
}

static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:US\$|[$€£¥])?[-−]?[0-9½¼¾⅓⅔]|(?-u:\b)(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a (?:hundred|thousand|million|billion|trillion|third|quarter|half|fifth|tenth)|half|quarter|doubled|doubling|tripled|tripling|quadrupled|quadrupling|halved|twice|twofold|two-fold|threefold|three-fold|fourfold|tenfold)(?-u:\b)",
    )
    .unwrap_or_else(|e| unreachable!("the candidate regex is valid: {e}"))
});

/// A qualifier, `between` or `from` right before the number.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?-u:\b)(?:more than|just over|exceeding|at least|less than|fewer than|just under|up to|at most|as many as|as much as|over|above|under|below|nearly|almost|close to|an estimated|about|around|roughly|approximately|some|between) +|[~≈] *)$",
    )
    .unwrap_or_else(|e| unreachable!("the qualifier regex is valid: {e}"))
});

/// "from" before the number (and its qualifier): a change, not a range...
static FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)from +(?:[~≈] *|(?:about|around|roughly|nearly|almost|approximately|over|under) +)?$")
        .unwrap_or_else(|e| unreachable!("the from regex is valid: {e}"))
});

/// ...unless a verb of extent says it spans values.
static RANGING_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:range[sd]?|ranging|var(?:y|ies|ied|ying)|spann?(?:s|ed|ing)?) +from +\S*$",
    )
    .unwrap_or_else(|e| unreachable!("the ranging regex is valid: {e}"))
});

/// Dates, clock times and versions that start at a digit.
static NOT_A_QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            [0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}      # 2025-03-01, 07/01/2026, 1.2.3
          | [0-9]+(?:\.[0-9]+){2,}                       # 1.2.3.4
          | [0-9]{1,2}:[0-9]{2}                          # 10:30
          | [0-9]{1,2}(?:[.:][0-9]{2})?\ ?(?:a\.?m|p\.?m)\b  # 2 pm, 2.17pm
          | [0-9]{1,2}/[0-9]{1,2}\ [0-9]{4}\b            # 07/01 2026
          | 0[0-9]/[0-9]{1,2}\b                          # 07/01
          | [0-9]{4}s\b                                  # the 1960s
          | [0-9]{4}[-–][0-9]{2}\b                       # 2013-14
        )",
    )
    .unwrap_or_else(|e| unreachable!("the date regex is valid: {e}"))
});

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Capitalised words that start a phrase rather than name something.
const NOT_NAMES: &[&str] = &[
    "in", "by", "since", "from", "to", "at", "of", "and", "or", "with", "than", "versus", "vs",
    "about", "over", "under", "nearly", "almost", "only", "just", "all", "some", "the", "a", "an",
    "for", "on", "until", "through", "after", "before", "between", "around", "roughly", "up",
    "down", "was", "is", "were", "are", "fell", "rose", "reached", "totaled", "hit", "scored",
];

/// Every number in a block's prose, in order.
pub fn scan(text: &str, kind: BlockKind) -> Vec<Mention> {
    let urls = url_spans(text);
    let mut mentions = Vec::new();
    let mut cursor = 0;
    // Searching on from the cursor, not from every match: a skipped 10 MB
    // token of digits is skipped once.
    while let Some(m) = CANDIDATE.find_at(text, cursor) {
        let at = m.start();
        cursor = m.end();
        if urls.iter().any(|&(s, e)| s <= at && at < e) {
            continue;
        }
        let last = m.as_str().chars().next_back().unwrap_or(' ');
        let digit_led = last.is_ascii_digit() || "½¼¾⅓⅔".contains(last);
        let outcome = if digit_led {
            read_digits(text, at, m.end() - last.len_utf8(), kind)
        } else {
            read_words(text, at)
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
    if kind != BlockKind::Cell {
        drop_wordless(text, &mut mentions);
    }
    mentions
}

enum Read {
    Found(Mention),
    /// Not a quantity; nothing before this offset is one either.
    Skip(usize),
}

/// A number that starts with a digit (or a currency sign before one).
fn read_digits(text: &str, at: usize, digit: usize, kind: BlockKind) -> Read {
    let token_end = token_end(text, digit);
    let before = &text[..at];
    let prev = before.chars().next_back();
    // Glued to a word or a name: H100, GPT-4o, o3, HHEM-2.3, ISO/IEC-style ids.
    if prev.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == ',') {
        return Read::Skip(token_end);
    }
    if prev == Some('^') {
        return Read::Skip(token_end);
    }
    if let Some(p @ ('-' | '–' | '/' | '−' | '+')) = prev {
        let before_dash = before[..before.len() - p.len_utf8()].chars().next_back();
        if before_dash.is_some_and(|c| c.is_alphanumeric() || c == ')') {
            return Read::Skip(token_end);
        }
    }
    // Dates and versions are short: a bounded look keeps long tokens cheap,
    // and the regex runs only where a date, time or version could be.
    let near = &text[digit..ceil_boundary(text, digit + 40)];
    let token = &text[digit..token_end.min(ceil_boundary(text, digit + 40)).max(digit)];
    let maybe_date = token.contains(['/', ':', '-', '–'])
        || token.matches('.').count() >= 2
        || token.ends_with('s')
        || near[token.len().min(near.len())..]
            .trim_start()
            .get(..1)
            .is_some_and(|c| c.eq_ignore_ascii_case("a") || c.eq_ignore_ascii_case("p"))
        || token.contains(['a', 'p', 'A', 'P']);
    if maybe_date && NOT_A_QUANTITY.is_match(near) {
        return Read::Skip(token_end);
    }
    if at == digit && is_list_or_section_number(text, at, kind) {
        return Read::Skip(token_end);
    }
    let previous = previous_word(before);
    let scope_words = [
        "top", "version", "v", "release", "no", "chapter", "section", "figure", "table",
    ];
    if scope_words.iter().any(|w| w.eq_ignore_ascii_case(previous)) {
        return Read::Skip(token_end);
    }
    let (start, ranges) = context_start(text, at);
    let parsed = read_from(text, start, at, ranges);
    let Some((start, mut quantity, len)) = parsed else {
        return Read::Skip(token_end);
    };
    let end = start + len;
    // A year is a date before it is the start of a range: "in February 2025
    // to 77.3%" and "in 2023 to 58" are no ranges, nor is "2024-2025".
    let year_first = quantity.high.is_some()
        && start == at
        && !text[at..end].contains(',')
        && is_year(&quantity.low);
    if year_first || is_date(text, &quantity, before, end) {
        return Read::Skip(token_end);
    }
    let bare = quantity.unit == Unit::Bare && quantity.qualifier.is_none() && at == start;
    if bare && names_with_digits(before, previous) {
        return Read::Skip(token_end);
    }
    // Accounts write a loss in parentheses: "($99.99)".
    let accounting = before.ends_with('(') && text[end..].starts_with(')');
    if accounting && matches!(quantity.unit, Unit::Currency(_)) {
        quantity.low.negative = true;
    }
    Read::Found(Mention {
        start,
        end,
        quantity,
        weak: false,
        sentence: (0, 0),
    })
}

/// A number written in words, or a multiplying verb.
fn read_words(text: &str, at: usize) -> Read {
    let word_end = text[at..]
        .find(|c: char| !c.is_alphabetic() && c != '-')
        .map_or(text.len(), |n| at + n);
    let before = &text[..at];
    if before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '-')
    {
        return Read::Skip(word_end);
    }
    let previous = previous_word(before).to_lowercase();
    if previous == "top" {
        return Read::Skip(word_end);
    }
    let (start, ranges) = context_start(text, at);
    let parsed = read_from(text, start, at, ranges);
    let Some((start, mut quantity, len)) = parsed else {
        return Read::Skip(word_end);
    };
    let end = start + len;
    let written = text[at..end].to_lowercase();
    let unit_bare = quantity.unit == Unit::Bare;
    // "one" alone is an article more often than a number ("one of", "one year").
    if unit_bare && quantity.qualifier.is_none() && written == "one" {
        return Read::Skip(end);
    }
    // A fraction word without a numerator is a share only when qualified or
    // followed by "of", and not in "the first half" or "the fourth quarter".
    let bare_fraction = written.starts_with("half") || written.starts_with("quarter");
    if bare_fraction {
        let qualified = quantity.qualifier.is_some();
        let after = text[end..].trim_start();
        let of_follows = after
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case("of "));
        let ordinal = matches!(
            previous.as_str(),
            "first"
                | "second"
                | "third"
                | "fourth"
                | "last"
                | "final"
                | "the"
                | "this"
                | "next"
                | "latter"
                | "other"
                | "each"
                | "per"
                | "every"
                | "a"
        );
        if ordinal || !(qualified || of_follows) {
            return Read::Skip(end);
        }
    }
    // Verbs of multiplying read loosely unless qualified: "doubled" is about 2x.
    if quantity.unit == Unit::Multiple && quantity.qualifier.is_none() && is_verb(&written) {
        quantity.qualifier = Some(Qualifier::About);
    }
    // So do fractions of a whole: "a third" is about 33.3%.
    if quantity.unit == Unit::Percent && quantity.qualifier.is_none() && !written.contains('%') {
        let exact = written.contains("half") || written.contains("quarter");
        if !exact {
            quantity.qualifier = Some(Qualifier::About);
        }
    }
    // Spelled-out counts ("five cities") and "at least one" are numbers, but
    // statements only where the sentence is about something the store knows.
    let weak = unit_bare && (quantity.qualifier.is_none() || written == "one");
    Read::Found(Mention {
        start,
        end,
        quantity,
        weak,
        sentence: (0, 0),
    })
}

/// The quantity read from the qualifier at `start`, else from the number at
/// `at`; the same text is not read twice when there is no qualifier.
fn read_from(
    text: &str,
    start: usize,
    at: usize,
    ranges: bool,
) -> Option<(usize, Quantity, usize)> {
    prose_quantity(&text[start..], ranges)
        .map(|(q, len)| (start, q, len))
        .or_else(|| {
            (start != at)
                .then(|| prose_quantity(&text[at..], ranges).map(|(q, len)| (at, q, len)))
                .flatten()
        })
}

fn is_verb(written: &str) -> bool {
    written.ends_with("ed") || written.ends_with("ing")
}

/// Where the mention starts (at a qualifier before the number, if any) and
/// whether a range may be read ("from 24% to 11%" is a change).
fn context_start(text: &str, at: usize) -> (usize, bool) {
    let window_start = floor_boundary(text, at.saturating_sub(48));
    let window = &text[window_start..at];
    // Most numbers have neither a qualifier nor "from" before them: the
    // regexes run only when the word before could end one.
    let last = window.trim_end_matches(' ').chars().next_back();
    let word = previous_word(window);
    let qualifier_end = [
        "over",
        "than",
        "least",
        "to",
        "most",
        "under",
        "below",
        "above",
        "nearly",
        "almost",
        "about",
        "around",
        "roughly",
        "approximately",
        "some",
        "between",
        "exceeding",
        "estimated",
        "as",
    ];
    let qualified = last.is_some_and(|c| c == '~' || c == '≈')
        || qualifier_end.iter().any(|w| w.eq_ignore_ascii_case(word));
    let start = if qualified {
        BEFORE.find(window).map_or(at, |m| window_start + m.start())
    } else {
        at
    };
    let head = &text[window_start..start];
    let from_word = |w: &str| w.eq_ignore_ascii_case("from");
    if !(from_word(word) || from_word(previous_word(head))) {
        return (start, true);
    }
    let from = FROM.is_match(window) || FROM.is_match(head);
    if !from {
        return (start, true);
    }
    let ranging = RANGING_FROM.is_match(&text[floor_boundary(text, at.saturating_sub(64))..at]);
    (start, ranging)
}

/// The end of the run of characters that make one token with the digit at
/// `at`: skipping it skips every digit of a date, a version or a name.
fn token_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | ',' | '/' | ':' | '-' | '^')))
        .map_or(text.len(), |n| at + n)
}

/// The word right before `before`'s end, skipping one run of spaces.
fn previous_word(before: &str) -> &str {
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == before.len() {
        return "";
    }
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !c.is_whitespace() && !matches!(c, '(' | '"' | '“' | '—' | '–'))
        .last()
        .map_or(trimmed.len(), |(i, _)| i);
    &trimmed[start..]
}

/// `1.` at the start of a line of plain text, `2.1` at the start of a heading.
fn is_list_or_section_number(text: &str, at: usize, kind: BlockKind) -> bool {
    // Only white space between the line start and the number (looking back
    // no further than that white space: a 10 MB line has no line start near).
    let indent = text[..at].trim_end_matches([' ', '\t']);
    if !(indent.is_empty() || indent.ends_with('\n')) {
        return false;
    }
    let token: String = text[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ')')
        .collect();
    let after = text[at + token.len()..].chars().next();
    let spaced = after.is_none_or(char::is_whitespace);
    match kind {
        BlockKind::Heading => spaced,
        BlockKind::PlainText => spaced && (token.ends_with('.') || token.ends_with(')')),
        BlockKind::Paragraph | BlockKind::Cell => false,
    }
}

/// A year used as a date ("in 2025", "2024-2025"), or a day next to a month.
fn is_year(n: &crate::quantity::Number) -> bool {
    !n.negative && n.exponent == 0 && (1800..=2199).contains(&n.mantissa)
}

fn is_date(text: &str, q: &Quantity, before: &str, end: usize) -> bool {
    let year_like = is_year;
    let plain = q.unit == Unit::Bare && q.qualifier.is_none() && !q.text.contains(',');
    if plain && year_like(&q.low) && q.high.is_none_or(|h| year_like(&h) || h.mantissa < 100) {
        return true;
    }
    let day =
        q.unit == Unit::Bare && q.high.is_none() && q.low.exponent == 0 && q.low.mantissa <= 31;
    if day {
        let previous = previous_word(before).trim_end_matches([',', '.']);
        let after = text[end..].trim_start();
        let next = &after[..after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len())];
        let month = |w: &str| MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w));
        return month(previous) || month(next);
    }
    false
}

/// Whether a bare number belongs to a name: "Grok 4", "Veo 3", "ISO/IEC
/// 42001", "Claude Opus 4.5", "i7 860". A capitalised word right before the
/// number names a product or a standard, unless it starts the sentence, is a
/// possessive ("China's 35") or is a common word.
fn names_with_digits(before: &str, previous: &str) -> bool {
    if previous.is_empty() {
        return false;
    }
    let word = previous.trim_end_matches([',', ';', ':']);
    if word.len() != previous.len() || word.ends_with("'s") || word.ends_with("’s") {
        return false;
    }
    // The cheap test first: most words before a number are neither.
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    let capitalised = word.chars().any(char::is_uppercase);
    if !(has_digit || capitalised) {
        return false;
    }
    if NOT_NAMES
        .iter()
        .chain(MONTHS)
        .any(|w| w.eq_ignore_ascii_case(word))
    {
        return false;
    }
    // "GPT", "DeepSeek", "Terminal-Bench": capitals past the first letter
    // make a name even at the start of a sentence.
    let inner_capital = word.chars().skip(1).any(char::is_uppercase);
    // The first word of a sentence is capitalised for grammar, not as a name.
    let before_word = before.trim_end()[..before.trim_end().len() - previous.len()].trim_end();
    let starts_sentence = before_word.is_empty()
        || before_word.ends_with(['.', '!', '?', ':', '\n', '"', '“'])
        || before_word.ends_with("—");
    has_digit || inner_capital || !starts_sentence
}

/// URLs and e-mail addresses written out in prose.
fn url_spans(text: &str) -> Vec<(usize, usize)> {
    static URL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]+|[\w.+-]+@[\w-]+\.[\w.-]+")
            .unwrap_or_else(|e| unreachable!("the URL regex is valid: {e}"))
    });
    if !text.contains("://") && !text.contains("www.") && !text.contains('@') {
        return Vec::new();
    }
    URL.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

/// Drops numbers standing alone, with no word in their sentence ("424" on a
/// line by itself): they state nothing. Table cells are exempt.
fn drop_wordless(text: &str, mentions: &mut Vec<Mention>) {
    mentions.retain(|m| {
        let (s, e) = m.sentence;
        let outside = text[s..m.start].chars().rev().chain(text[m.end..e].chars());
        outside.filter(|c| c.is_alphabetic()).nth(1).is_some()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        scan(text, BlockKind::Paragraph)
            .into_iter()
            .map(|m| text[m.start..m.end].to_owned())
            .collect()
    }

    #[test]
    fn numbers_with_qualifiers_units_and_ranges() {
        assert_eq!(
            found(
                "NVIDIA accounts for over 60% of compute, up 3.3x; 14-15% faster, $285.9 billion."
            ),
            ["over 60%", "3.3x", "14-15%", "$285.9 billion"]
        );
        assert_eq!(
            found("The share fell from 24% to 11% and rates ranged from 22% to 94%."),
            ["24%", "11%", "22% to 94%"]
        );
        assert_eq!(
            found("There are 5,427 data centers and under 6 percentage points of gap."),
            ["5,427", "under 6 percentage points"]
        );
    }

    #[test]
    fn words_and_verbs() {
        assert_eq!(
            found(
                "Investment more than doubled, tripling the median; nearly half of it and a third of that, twenty-three times more."
            ),
            [
                "more than doubled",
                "tripling",
                "nearly half",
                "a third",
                "twenty-three times"
            ]
        );
        assert_eq!(
            found("In the first half of AI, one of them won."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn dates_times_versions_and_names_are_not_numbers() {
        assert!(
            found("In 2025, by March 2026, since 2022, on 07/01 2026 at 10:30 or 2 pm.").is_empty()
        );
        assert!(
            found(
                "Then Grok 4 and Veo 3 ran GPT-4o on H100 chips under ISO/IEC 42001, version 1.2.3."
            )
            .is_empty()
        );
        assert!(
            found(
                "Claude Opus 4.5 beat DeepSeek-R1 in the top 100 lists of the 1960s and 2013-14."
            )
            .is_empty()
        );
        assert_eq!(
            found("Later, with 59 in 2025 versus China’s 35."),
            ["59", "35"]
        );
    }

    #[test]
    fn list_and_heading_numbers() {
        assert!(scan("1. AI is far from peaking.", BlockKind::PlainText).is_empty());
        assert!(scan("2.1 Investment trends", BlockKind::Heading).is_empty());
        assert_eq!(scan("424", BlockKind::PlainText), Vec::new());
        assert_eq!(scan("424", BlockKind::Cell).len(), 1);
    }

    mod never_panics {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// On any text the scanner returns mentions on char boundaries, in order.
            #[test]
            fn on_any_text(text in "\\PC{0,120}") {
                for kind in [BlockKind::Paragraph, BlockKind::Heading, BlockKind::Cell, BlockKind::PlainText] {
                    let mut last = 0;
                    for m in scan(&text, kind) {
                        prop_assert!(last <= m.start && m.start < m.end && m.end <= text.len());
                        prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                        last = m.end;
                    }
                }
            }

            #[test]
            fn on_number_like_text(text in "[0-9a-z $%.,/:~½×x+-]{0,60}") {
                let _ = scan(&text, BlockKind::PlainText);
                let _ = crate::quantity::prose_quantity(&text, true);
            }
        }
    }

    #[test]
    fn urls_are_not_prose() {
        assert_eq!(
            found("See https://example.com/2025/report-42 for 12 more."),
            ["12"]
        );
    }
}

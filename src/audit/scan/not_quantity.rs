//! What is not a statement of quantity though it has digits: dates, clock
//! times, versions, phone numbers, list and section numbers, years, digits
//! inside names, URLs, and stray numbers with no word beside them.

use super::*;

/// Dates, clock times and versions that start at a digit.
pub(super) static NOT_A_QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
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

/// Phone numbers: a country code, an area code (perhaps in brackets), then
/// groups of three and four digits.
pub(super) static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\+[0-9]{1,3}[ .-])?\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-][0-9]{4}(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("the phone regex is valid: {e}"))
});

/// The later numbers of a list of places: "Chapters 7 and 9", "Figures 3,
/// 4 and 5", "sections 2.1 to 2.3", matched on the text before the number.
pub(super) static PLACE_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)\b(?:chapters?|sections?|figures?|tables?|pages?|pp\.)
            \s+[0-9][0-9.]*
            (?:\s*(?:,|and|or|to|&|–)\s*[0-9][0-9.]*)*
            \s*(?:,|and|or|to|&|–)\s*$",
    )
    .unwrap_or_else(|e| unreachable!("the place-list regex is valid: {e}"))
});

pub(super) const MONTHS: &[&str] = &[
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
pub(super) const NOT_NAMES: &[&str] = &[
    "in", "by", "since", "from", "to", "at", "of", "and", "or", "with", "than", "versus", "vs",
    "about", "over", "under", "nearly", "almost", "only", "just", "all", "some", "the", "a", "an",
    "for", "on", "until", "through", "after", "before", "between", "around", "roughly", "up",
    "down", "was", "is", "were", "are", "fell", "rose", "reached", "totaled", "hit", "scored",
];

/// `1.` at the start of a line of plain text, `2.1` at the start of a heading.
pub(super) fn is_list_or_section_number(text: &str, at: usize, kind: BlockKind) -> bool {
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
    // "2/ Who builds the models?": a thread's post number, in any block.
    if after == Some('/')
        && token.bytes().all(|b| b.is_ascii_digit())
        && text[at + token.len() + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
    {
        return true;
    }
    match kind {
        BlockKind::Heading => spaced,
        BlockKind::PlainText => spaced && (token.ends_with('.') || token.ends_with(')')),
        BlockKind::Paragraph | BlockKind::Cell => false,
    }
}

/// Words that follow a year rather than a count.
const AFTER_A_YEAR: &[&str] = &[
    "and", "as", "but", "figure", "figures", "in", "level", "levels", "or", "to", "when", "while",
];

/// A year used as a date ("in 2025", "2024-2025"), or a day next to a month.
pub(super) fn is_year(n: &crate::quantity::Number) -> bool {
    !n.negative && n.exponent == 0 && (1800..=2199).contains(&n.mantissa)
}

pub(super) fn is_date(text: &str, q: &Quantity, before: &str, end: usize) -> bool {
    let year_like = is_year;
    let plain = q.unit == Unit::Bare && q.qualifier.is_none() && !q.text.contains(',');
    if plain && year_like(&q.low) && q.high.is_none_or(|h| year_like(&h) || h.mantissa < 100) {
        return true;
    }
    // "rose 17.2% over 2024", "around 2020, when", "over 2010–2024": a
    // year or a span of years after a word that is also a qualifier, with
    // no count after it ("over 2000 firms").
    let qualified_year = q.unit == Unit::Bare
        && q.qualifier.is_some()
        && q.high
            .is_none_or(|h| year_like(&h) && h.mantissa > q.low.mantissa)
        && !q.text.contains(',')
        && year_like(&q.low)
        && {
            let after = text[end..].trim_start_matches([' ', '\t']);
            let next = &after[..after
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(after.len())];
            next.is_empty() || AFTER_A_YEAR.iter().any(|w| w.eq_ignore_ascii_case(next))
        };
    if qualified_year {
        return true;
    }
    // "Feb '25", "(’24)": two digits after an apostrophe that elides the
    // century are a year, unless the apostrophe opens a quote ("'25'").
    let elided = before
        .strip_suffix(['\'', '’'])
        .is_some_and(|b| !b.ends_with(|c: char| c.is_alphanumeric()));
    if plain
        && elided
        && q.high.is_none()
        && q.text.len() == 2
        && !text[end..].starts_with(['\'', '’'])
    {
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
pub(super) fn names_with_digits(before: &str, previous: &str) -> bool {
    if previous.is_empty() {
        return false;
    }
    let word = previous.trim_end_matches([',', ';', ':']);
    if word.len() != previous.len() || word.ends_with("'s") || word.ends_with("’s") {
        return false;
    }
    // "in 2025. 258 were cleared", "in 2025?** 258": a word that ends its
    // sentence names nothing in the next.
    if word
        .trim_end_matches(['*', '"', '”', ')'])
        .ends_with(['.', '!', '?'])
    {
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
pub(super) fn url_spans(text: &str) -> Vec<(usize, usize)> {
    static URL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]+|[\w.+-]+@[\w-]+\.[\w.-]+")
            .unwrap_or_else(|e| unreachable!("the URL regex is valid: {e}"))
    });
    if !text.contains("://") && !text.contains("www.") && !text.contains('@') {
        return Vec::new();
    }
    URL.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

/// Drops bare numbers standing alone, with no word in their sentence ("424"
/// on a line by itself, a page number): they state nothing. Table cells are
/// exempt, a number with a unit is kept ("$285.9B" in a list), and so is a
/// number written in words ("two and a half million"): it is no stray page
/// or list number, and a bare one stays weak (reported only where a claim or
/// the store speaks of it).
pub(super) fn drop_wordless(text: &str, mentions: &mut Vec<Mention>) {
    mentions.retain(|m| {
        let written = &text[m.start..m.end];
        // A sum, a share or a measure alone on a line or in a list item
        // ("- $285.9B", "42%") states as much as one in a sentence.
        if m.quantity.unit != Unit::Bare || !written.bytes().any(|b| b.is_ascii_digit()) {
            return true;
        }
        let (s, e) = m.sentence;
        let outside = text[s..m.start].chars().rev().chain(text[m.end..e].chars());
        outside.filter(|c| c.is_alphabetic()).nth(1).is_some()
    });
}

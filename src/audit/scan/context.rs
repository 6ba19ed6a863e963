//! What stands around a number: a qualifier before it ("nearly", "~"),
//! "from" that makes a change of two numbers, the word before it, the
//! token it sits in.

use super::*;

/// A qualifier ([`QUALIFIERS`], as prose mode reads them), `between`, `~`
/// or `≈` right before the number.
pub(super) static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let phrases: Vec<String> = QUALIFIERS
        .iter()
        .map(|(phrase, _)| regex::escape(phrase))
        .chain(["between".to_owned()])
        .collect();
    Regex::new(&format!(
        r"(?i)(?:(?-u:\b)(?:{}) +|[~≈≥≤] *|(?:^|[^-=<>])[<>]=?)$",
        phrases.join("|")
    ))
    .unwrap_or_else(|e| unreachable!("the qualifier regex is valid: {e}"))
});

/// The last words of the phrases [`BEFORE`] finds: the regex runs only
/// after one of them.
pub(super) static LAST_WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = QUALIFIERS
        .iter()
        .filter_map(|(phrase, _)| phrase.rsplit(' ').next())
        .chain(["between"])
        .collect();
    words.sort_unstable();
    words.dedup();
    Words::new(words)
});

/// A few words, and the first letters they start with.
pub(super) struct Words {
    words: Vec<&'static str>,
    /// Bit `n` for the letter `n` places after `a`, in either case.
    firsts: u32,
}

impl Words {
    fn new(words: Vec<&'static str>) -> Words {
        let firsts = words
            .iter()
            .filter_map(|w| w.bytes().next())
            .fold(0, |bits, b| bits | 1 << (b.to_ascii_lowercase() & 31));
        Words { words, firsts }
    }

    /// False for most words that are none of them, at the cost of a look
    /// at the first letter: the words before most numbers are not.
    fn could_be(&self, word: &str) -> bool {
        word.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() && self.firsts >> (b & 31) & 1 != 0)
    }
}

/// "from" before the number (and its qualifier): a change, not a range...
pub(super) static FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)from +(?:[~≈] *|(?:about|around|roughly|nearly|almost|approximately|over|under) +)?$")
        .unwrap_or_else(|e| unreachable!("the from regex is valid: {e}"))
});

/// ...unless a verb of extent says it spans values.
pub(super) static RANGING_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:range[sd]?|ranging|var(?:y|ies|ied|ying)|spann?(?:s|ed|ing)?) +from +\S*$",
    )
    .unwrap_or_else(|e| unreachable!("the ranging regex is valid: {e}"))
});

/// Where the mention starts (at a qualifier before the number, if any) and
/// whether a range may be read ("from 24% to 11%" is a change). `word` is
/// the word right before `at` ([`previous_word`]), which the caller has.
pub(super) fn context_start(text: &str, at: usize, word: &str) -> (usize, bool) {
    let window_start = floor_boundary(text, at.saturating_sub(48));
    let window = &text[window_start..at];
    // Most numbers have neither a qualifier nor "from" before them: the
    // regexes run only when the word before could end one.
    let last = window.trim_end_matches(' ').chars().next_back();
    let ends_qualifier = LAST_WORDS.could_be(word)
        && LAST_WORDS
            .words
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word));
    // ">200%", "<10%": a comparison glued to its number, not an arrow's
    // head ("->77.3%") nor a quote's marker ("> 59").
    let compared = window.ends_with(['<', '>', '='])
        && !window.ends_with("->")
        && !window.ends_with("=>")
        && !window.ends_with("<<")
        && !window.ends_with(">>");
    let qualified =
        last.is_some_and(|c| matches!(c, '~' | '≈' | '≥' | '≤')) || compared || ends_qualifier;
    let start = if qualified {
        BEFORE.find(window).map_or(at, |m| {
            // The regex takes the character before a glued comparison
            // with it: the mention starts at the comparison.
            let matched = m.as_str();
            let skip = matched
                .char_indices()
                .find(|&(_, c)| matches!(c, '<' | '>'))
                .filter(|_| !matched.starts_with(['<', '>']))
                .map_or(0, |(i, _)| i);
            window_start + m.start() + skip
        })
    } else if let Some((_, len)) = zh_qualifier_at_end(window) {
        at - len
    } else if let Some((_, len)) = window.strip_suffix(' ').and_then(zh_qualifier_at_end) {
        // "超过 18,000 个": mixed text spaces the digits from the words.
        at - 1 - len
    } else {
        at
    };
    let head = &text[window_start..start];
    let from_word = |w: &str| w.eq_ignore_ascii_case("from");
    if !(from_word(word) || start != at && from_word(previous_word(head))) {
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
pub(super) fn token_end(text: &str, at: usize) -> usize {
    // A Han character ends a token: Chinese puts no space between words.
    let in_token = |c: char| {
        (c.is_alphanumeric() && !is_han(c)) || matches!(c, '.' | ',' | '/' | ':' | '-' | '^')
    };
    text[at..]
        .find(|c: char| !in_token(c))
        .map_or(text.len(), |n| at + n)
}

/// The word right before `before`'s end, skipping one run of spaces.
pub(super) fn previous_word(before: &str) -> &str {
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == before.len() {
        return "";
    }
    // Chinese puts no space between words: a Han character or a Chinese
    // mark ends the word too ("，DeepSeek 1424").
    let ends_word = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | '"' | '“' | '—' | '–' | '，' | '、' | '；' | '：' | '。' | '（'
            )
            || is_han(c)
    };
    // Byte by byte where the text is ASCII, as it mostly is: this runs for
    // every number.
    let bytes = trimmed.as_bytes();
    let mut start = bytes.len();
    while let Some(&b) = bytes.get(start.wrapping_sub(1)) {
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            trimmed[..start].chars().next_back().unwrap_or(' ')
        };
        if ends_word(c) {
            break;
        }
        start -= c.len_utf8();
    }
    &trimmed[start..]
}

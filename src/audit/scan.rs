//! Finding the numbers in prose: a finder proposes, the quantity grammar reads.
//!
//! The finder (`next_candidate`) finds every place a number may start (a
//! digit, a currency sign, a number word, a multiplying verb). Rules on the
//! surrounding characters throw out what is not a statement of quantity
//! (dates, times, versions, list and section numbers, digits inside names),
//! then the prose mode of the quantity grammar
//! ([`crate::quantity::prose_quantity`]) reads the number with its
//! qualifier, range and unit.

use std::sync::LazyLock;

use regex::Regex;

use crate::quantity::{
    QUALIFIERS, Qualifier, Quantity, Unit, is_han, parse_quantity, prose_quantity,
    starts_chinese_numeral,
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
    /// "four words"): a number, but reported as a statement only when a
    /// claim or the store has something to say about it.
    pub weak: bool,
    /// The byte range of the mention's sentence in the block's prose.
    pub sentence: (usize, usize),
    /// "24th", "ninth": a position, which speaks only of a rank, an
    /// edition or a place. Weak, as spelled counts are.
    pub ordinal: bool,
}

/// A qualifier ([`QUALIFIERS`], as prose mode reads them), `between`, `~`
/// or `≈` right before the number.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let phrases: Vec<String> = QUALIFIERS
        .iter()
        .map(|(phrase, _)| regex::escape(phrase))
        .chain(["between".to_owned()])
        .collect();
    Regex::new(&format!(
        r"(?i)(?:(?-u:\b)(?:{}) +|[~≈] *)$",
        phrases.join("|")
    ))
    .unwrap_or_else(|e| unreachable!("the qualifier regex is valid: {e}"))
});

/// The last words of the phrases [`BEFORE`] finds: the regex runs only
/// after one of them.
static LAST_WORDS: LazyLock<Words> = LazyLock::new(|| {
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
struct Words {
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

/// Phone numbers: a country code, an area code (perhaps in brackets), then
/// groups of three and four digits.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\+[0-9]{1,3}[ .-])?\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-][0-9]{4}(?-u:\b)")
        .unwrap_or_else(|e| unreachable!("the phone regex is valid: {e}"))
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
    let mut mentions = Vec::new();
    scan_into(text, kind, &mut mentions);
    mentions
}

/// [`scan`] into `mentions`, which it empties first: an audit keeps one
/// list for all the blocks of an article.
pub fn scan_into(text: &str, kind: BlockKind, mentions: &mut Vec<Mention>) {
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
            Some(digit) => read_digits(text, at, digit, kind),
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
    if kind != BlockKind::Cell {
        drop_wordless(text, mentions);
    }
}

/// `45 and 50 mg`, `5, 10 or 20%`: bare numbers listed before a number with
/// a unit share its unit, as they share it in the reader's mind.
fn share_units(text: &str, mentions: &mut [Mention]) {
    for k in (1..mentions.len()).rev() {
        let (head, tail) = mentions.split_at_mut(k);
        let (before, after) = (&mut head[k - 1], &tail[0]);
        // Mentions may touch or overlap ("½$ 0"): no list there.
        let Some(between) = text.get(before.end..after.start) else {
            continue;
        };
        let listed = [" and ", " or ", ", ", ", and ", ", or "].contains(&between);
        let bare = before.quantity.unit == Unit::Bare
            && before.quantity.qualifier.is_none()
            && before.quantity.high.is_none();
        // A unit written after the digits, not a sign before them: "5 and $10"
        // says nothing of the 5.
        let unit_after = !text[after.start..].starts_with(|c: char| !c.is_ascii_digit());
        if listed && bare && unit_after && after.quantity.unit != Unit::Bare {
            before.quantity.unit = after.quantity.unit.clone();
            before.weak = false;
        }
    }
}

/// A place where a number may start: a digit, a currency sign or minus
/// before one, a number word or a multiplying verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Candidate {
    start: usize,
    end: usize,
    /// Where the digit (or fraction sign) ending a digit-led candidate
    /// starts; `None` for a number word.
    digit: Option<usize>,
}

/// The first candidate at or after `from`: what the leftmost-first regex
/// `(?i)(?:US\$|[$€£¥])?[-−]?[0-9½¼¾⅓⅔]|\b(?:zero|one|…|tenfold|minus|negative)\b`, with an
/// ASCII `\b` (kept in the tests as `CANDIDATE`), finds from there. The
/// regex walked a DFA a byte at a time, forwards to the end of a match and
/// back to its start, with a search set up for every match; this looks at
/// eight bytes at a time and stops only where a word starts, and at bytes
/// above the space that are no letters.
///
/// Letters match in ASCII case only, where the regex folded Unicode case:
/// it also took 'ſ' (U+017F) for 's' and the Kelvin sign (U+212A) for 'k',
/// as in "ſix" or "uſ$5", which nobody writes.
///
/// `from` may be any byte offset: no candidate starts inside a character.
fn next_candidate(text: &str, from: usize) -> Option<Candidate> {
    let bytes = text.as_bytes();
    let mut at = from;
    // A word begun before `from` goes on: its letters start no number word.
    if at > 0 && is_word(bytes[at - 1]) {
        at = underscored_end(bytes, at);
    }
    // The high bit of the first byte when the byte before `at` is a letter:
    // a word running on from the last chunk starts nowhere in this one. (A
    // digit or '_' before `at` has been dealt with.)
    let mut carry = 0;
    'chunks: while at < bytes.len() {
        let chunk = load(bytes, at);
        let letters = letter_bits(chunk);
        let starts = letters & !(letters << 8 | carry);
        // Bytes from '!' up that are no letters: digits, signs, '_',
        // punctuation and the bytes of non-ASCII characters. The zeros past
        // the end are none of these.
        let low7 = chunk & !HIGH;
        let others = ((low7 + ONES * (0x80 - 0x21)) | chunk) & HIGH & !letters;
        let mut stops = starts | others;
        while stops != 0 {
            let stop = stops & stops.wrapping_neg();
            stops ^= stop;
            let k = stop.trailing_zeros() as usize / 8;
            let i = at + k;
            let b = (chunk >> (8 * k)) as u8;
            if starts & stop != 0 {
                // Most words are no number words, and most of those tell
                // by their first letter and length.
                if NUMBER_FIRST >> (b & 31) & 1 == 0 {
                    continue;
                }
                let rest = (letters ^ HIGH) >> (8 * k);
                // The eight bytes from the word's start, and the number of
                // letters among them.
                let (word, len) = if rest != 0 {
                    (chunk >> (8 * k), rest.trailing_zeros() as usize / 8)
                } else {
                    let word = load(bytes, i);
                    (
                        word,
                        (letter_bits(word) ^ HIGH).trailing_zeros() as usize / 8,
                    )
                };
                let found = match len {
                    8 => number_word(bytes, i, letters_end(bytes, i + 8)),
                    1 => number_word(bytes, i, i + 1),
                    _ => {
                        let is_number = NUMBER_WORDS.firsts[len] >> (b & 31) & 1 != 0
                            && !is_word((word >> (8 * len)) as u8)
                            && is_number_word(word, 0, len);
                        is_number.then_some(Candidate {
                            start: i,
                            end: i + len,
                            digit: None,
                        })
                    }
                };
                if found.is_some() {
                    return found;
                }
                continue;
            }
            match class(b) {
                DIGIT => {
                    return Some(Candidate {
                        start: i,
                        end: i + 1,
                        digit: Some(i),
                    });
                }
                // The letters after '_' go on with its word: rare in
                // prose, so skipped a byte at a time.
                UNDERSCORE => {
                    at = underscored_end(bytes, i);
                    carry = 0;
                    continue 'chunks;
                }
                HAN => {
                    // A Chinese numeral: 三, 两千, 百分之.
                    if let Some(c) = text.get(i..).and_then(|t| t.chars().next())
                        && starts_chinese_numeral(c)
                    {
                        return Some(Candidate {
                            start: i,
                            end: i + c.len_utf8(),
                            digit: None,
                        });
                    }
                }
                SIGN => {
                    if let Some((digit, end)) = after_sign(bytes, i) {
                        // "US$" in any case, even inside a word ("BUS$5" has
                        // "US$5"): the regex had no `\b` there. Nothing from
                        // `from` up to `i` was a candidate, so neither are
                        // "u" and "s".
                        let us = b == b'$'
                            && i >= from + 2
                            && bytes[i - 2..i].eq_ignore_ascii_case(b"us");
                        return Some(Candidate {
                            start: if us { i - 2 } else { i },
                            end,
                            digit: Some(digit),
                        });
                    }
                }
                _ => {}
            }
        }
        carry = letters >> 56 & 0x80;
        at += 8;
    }
    None
}

/// Bytes that start no candidate and are no part of a word.
const OTHER: u8 = 0;
const DIGIT: u8 = 1;
/// `[A-Za-z]`.
const LETTER: u8 = 2;
/// `$`, `-`, and the first byte of `€ £ ¥ −` and of the fraction signs.
const SIGN: u8 = 3;
/// '_', a byte of a word for `\b` though no letter.
const UNDERSCORE: u8 = 4;
/// The first byte of the Han characters that start Chinese numerals.
const HAN: u8 = 5;

fn class(b: u8) -> u8 {
    static CLASSES: [u8; 256] = {
        let mut table = [OTHER; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = match b as u8 {
                b'0'..=b'9' => DIGIT,
                b'A'..=b'Z' | b'a'..=b'z' => LETTER,
                b'_' => UNDERSCORE,
                b'$' | b'-' | 0xC2 | 0xE2 => SIGN,
                // Han characters, and full-width digits (U+FF10…, 0xEF 0xBC).
                0xE4..=0xE9 | 0xEF => HAN,
                _ => OTHER,
            };
            b += 1;
        }
        table
    };
    CLASSES[usize::from(b)]
}

/// A byte of a word for an ASCII `\b`: no byte of a non-ASCII character is.
fn is_word(b: u8) -> bool {
    matches!(class(b), DIGIT | LETTER | UNDERSCORE)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;
/// The bit that lower-cases an ASCII letter, in every byte.
const CASE: u64 = ONES * 0x20;

/// The eight bytes at `at`, the first in the low byte, with zeros past the
/// end.
fn load(bytes: &[u8], at: usize) -> u64 {
    let rest = bytes.get(at..).unwrap_or_default();
    match rest.first_chunk::<8>() {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => {
            let mut chunk = [0; 8];
            chunk[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(chunk)
        }
    }
}

/// The high bit of each byte of `chunk` that is an ASCII letter.
fn letter_bits(chunk: u64) -> u64 {
    let low7 = (chunk | CASE) & !HIGH;
    let from_a = low7 + ONES * (0x80 - u64::from(b'a'));
    let past_z = low7 + ONES * (0x80 - u64::from(b'z') - 1);
    // `from_a` has the high bit wherever `past_z` has it, and `chunk` has
    // it in the bytes of non-ASCII characters.
    (from_a ^ past_z) & (chunk ^ HIGH) & HIGH
}

/// The end of the run of ASCII letters at `at`.
fn letters_end(bytes: &[u8], mut at: usize) -> usize {
    loop {
        let run = (letter_bits(load(bytes, at)) ^ HIGH).trailing_zeros() as usize / 8;
        at += run;
        if run < 8 {
            return at;
        }
    }
}

/// The end of the run of letters and '_' at `at`.
fn underscored_end(bytes: &[u8], mut at: usize) -> usize {
    while bytes
        .get(at)
        .is_some_and(|&b| matches!(class(b), LETTER | UNDERSCORE))
    {
        at += 1;
    }
    at
}

/// The number word at `start`, which starts a word whose letters run to
/// `end`.
fn number_word(bytes: &[u8], start: usize, mut end: usize) -> Option<Candidate> {
    let chunk = load(bytes, start);
    // "a hundred", with exactly one space as the regex has it.
    if end == start + 1 && chunk as u8 | 0x20 == b'a' && (chunk >> 8) as u8 == b' ' {
        end = letters_end(bytes, end + 1);
    }
    let len = end - start;
    // A digit or '_' after the letters goes on with the word.
    if !(3..=LONGEST).contains(&len) || bytes.get(end).is_some_and(|&b| is_word(b)) {
        return None;
    }
    let rest = if len > 8 { load(bytes, start + 8) } else { 0 };
    is_number_word(chunk, rest, len).then_some(Candidate {
        start,
        end,
        digit: None,
    })
}

/// Whether the first `len` bytes of `low` and then `high` (3 to `LONGEST`)
/// are a number word.
fn is_number_word(low: u64, high: u64, len: usize) -> bool {
    // The word in lower case, a byte a letter; setting 0x20 lower-cases an
    // ASCII letter and keeps the space of "a hundred".
    let bits = |len: usize| u64::MAX >> (64 - 8 * len);
    let low = (low | CASE) & bits(len.min(8));
    let high = if len > 8 {
        (high | CASE) & bits(len - 8)
    } else {
        0
    };
    let key = u128::from(high) << 64 | u128::from(low);
    NUMBER_WORDS.keys[slot(key)] == key
}

/// The regex's words, less its "two-fold" and "three-fold": "two" and
/// "three" come first in its alternation and end at the hyphen, so they
/// never match.
const WORD_LIST: &str = concat!(
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|",
    "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|",
    "sixty|seventy|eighty|ninety|a hundred|a thousand|a million|a billion|a trillion|",
    "hundred|thousand|million|billion|trillion|",
    "a third|a quarter|a half|a fifth|a tenth|half|quarter|doubled|doubling|tripled|",
    "tripling|quadrupled|quadrupling|halved|twice|twofold|threefold|fourfold|tenfold|",
    "minus|negative|",
    "fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fifteenth|",
    "twentieth",
);

/// Ordinals spelled out, with their value: "the ninth edition", "ranks
/// fifth". Lower ones ("first", "second", "third") are ordinary words far
/// more often than positions.
const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fifteenth", 15),
    ("twentieth", 20),
];

static NUMBER_WORDS: NumberWords = NumberWords::new(WORD_LIST);

/// The first letters of all number words, as in [`NumberWords::firsts`].
const NUMBER_FIRST: u32 = NumberWords::new(WORD_LIST).firsts[0];

struct NumberWords {
    /// The words in a table with one slot for each (see [`slot`]).
    keys: [u128; 256],
    /// By the length of a word's first run of letters (1 for "a hundred"),
    /// a bit for each first letter a word of that length has: its code in
    /// either case less 0x40 or 0x60. At 0, the first letters of all.
    firsts: [u32; LONGEST + 1],
}

impl NumberWords {
    const fn new(list: &str) -> Self {
        let mut words = list.as_bytes();
        // No key is all ones: a word of at most 11 bytes leaves the top
        // ones 0.
        let mut keys = [u128::MAX; 256];
        let mut firsts = [0; LONGEST + 1];
        while !words.is_empty() {
            let mut len = 0;
            let mut first_len = 0;
            while len < words.len() && words[len] != b'|' {
                if words[len] == b' ' && first_len == 0 {
                    first_len = len;
                }
                len += 1;
            }
            let (word, rest) = words.split_at(len);
            assert!(3 <= len && len <= LONGEST, "LONGEST is the longest word");
            let mut key = 0;
            let mut i = 0;
            while i < len {
                key |= (word[i] as u128) << (8 * i);
                i += 1;
            }
            let slot = slot(key);
            assert!(keys[slot] == u128::MAX, "each word has a slot of its own");
            keys[slot] = key;
            let first = 1 << (word[0] & 31);
            firsts[if first_len == 0 { len } else { first_len }] |= first;
            firsts[0] |= first;
            words = match rest {
                [_bar, after @ ..] => after,
                [] => rest,
            };
        }
        Self { keys, firsts }
    }
}

/// "quadrupling".
const LONGEST: usize = 11;

/// A multiplicative hash into `NUMBER_WORDS.keys`; the multiplier was
/// searched for to give each word a slot of its own (the table's build
/// checks it).
const fn slot(key: u128) -> usize {
    let folded = key as u64 ^ (key >> 64) as u64;
    (folded.wrapping_mul(0x60E2_3F3A_B279_0467) >> 56) as usize
}

/// A number starting at `at` with a currency sign, a minus or a fraction
/// sign: where its digit (or fraction sign) starts, and where it ends. The
/// "US" of "US$" is the caller's.
fn after_sign(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let after_sign = match bytes[at..] {
        [b'$', ..] => at + 1,
        // £ ¥
        [0xC2, 0xA3 | 0xA5, ..] => at + 2,
        // €
        [0xE2, 0x82, 0xAC, ..] => at + 3,
        _ => at,
    };
    let digit = match bytes.get(after_sign..)? {
        [b'-', ..] => after_sign + 1,
        // − (U+2212)
        [0xE2, 0x88, 0x92, ..] => after_sign + 3,
        _ => after_sign,
    };
    let len = match bytes.get(digit..)? {
        [b'0'..=b'9', ..] => 1,
        // ¼ ½ ¾
        [0xC2, 0xBC..=0xBE, ..] => 2,
        // ⅓ ⅔
        [0xE2, 0x85, 0x93 | 0x94, ..] => 3,
        _ => return None,
    };
    Some((digit, digit + len))
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
    // Chinese runs on into numbers with no space: a Han character before
    // the digits names nothing, except 第, which makes an ordinal (第3).
    let glued = |c: char| (c.is_alphanumeric() && !is_han(c)) || c == '第';
    if prev.is_some_and(|c| glued(c) || c == '_' || c == '.' || c == ',') {
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
    // `§3.2`, `+1 650 723 2300`, `(650) 723-2300`: places and phone numbers.
    let opened = before.strip_suffix(['+', '(']).unwrap_or(before);
    if prev == Some('§') || PHONE.is_match(&text[opened.len()..]) {
        return Read::Skip(
            token_end.max(at + PHONE.find(&text[opened.len()..]).map_or(0, |m| m.end())),
        );
    }
    if at == digit
        && let Some((end, value)) = digit_ordinal(text, digit)
    {
        return ordinal(at, end, value);
    }
    let previous = previous_word(before);
    let scope_words = [
        "top", "version", "v", "release", "no", "chapter", "section", "figure", "table", "§", "p.",
        "pp.", "page", "pages",
    ];
    if scope_words.iter().any(|w| w.eq_ignore_ascii_case(previous)) {
        return Read::Skip(token_end);
    }
    let (start, ranges) = context_start(text, at, previous);
    // `$ 75 million`: a currency sign and a space before the digits.
    let spaced_sign = ["$ ", "€ ", "£ ", "¥ "]
        .into_iter()
        .find(|s| before.ends_with(s))
        .filter(|_| start == at);
    let start = spaced_sign.map_or(start, |s| at - s.len());
    let parsed = read_from(text, start, at, ranges);
    let Some((start, mut quantity, mut len)) = parsed else {
        return Read::Skip(token_end);
    };
    // `"English 101"`: a quotation mark closing a quotation is no inch mark.
    if text[..start + len].ends_with('"') && text[..start].matches('"').count() % 2 == 1 {
        match prose_quantity(&text[start..start + len - 1], ranges) {
            Some((q, n)) => (quantity, len) = (q, n),
            None => return Read::Skip(token_end),
        }
    }
    let end = start + len;
    // A year is a date before it is the start of a range: "in February 2025
    // to 77.3%" and "in 2023 to 58" are no ranges, nor is "2024-2025".
    let year_first = quantity.high.is_some()
        && start == at
        && !text[at..end].contains(',')
        && is_year(&quantity.low);
    // A Chinese date: 2026年4月, 4月15日.
    let chinese_date =
        quantity.unit == Unit::Bare && text[end..].starts_with(['年', '月', '日', '号']);
    if year_first || chinese_date || is_date(text, &quantity, before, end) {
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
        ordinal: false,
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
    let previous = previous_word(before);
    if previous.eq_ignore_ascii_case("top") {
        return Read::Skip(word_end);
    }
    let word = &text[at..word_end];
    if let Some(&(_, value)) = ORDINAL_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        && !previous.eq_ignore_ascii_case("a")
    {
        return ordinal(at, word_end, value);
    }
    let (start, ranges) = context_start(text, at, previous);
    let parsed = read_from(text, start, at, ranges);
    let Some((start, mut quantity, len)) = parsed else {
        return Read::Skip(word_end);
    };
    let end = start + len;
    let written = text[at..end].to_lowercase();
    let unit_bare = quantity.unit == Unit::Bare;
    // "one" alone is an article more often than a number ("one of", "one year"),
    // unless it heads a series of numbers ("one, two and three").
    if unit_bare && quantity.qualifier.is_none() && written == "one" && !heads_series(&text[end..])
    {
        return Read::Skip(end);
    }
    // A scale word alone is a number where a list or a line starts with it
    // ("million and one"), not after a word ("several hundred years", "the
    // billion-dollar deals").
    let first_word = written.split([' ', '-']).next().unwrap_or_default();
    let bare_scale =
        ["hundred", "thousand", "million", "billion", "trillion"].contains(&first_word);
    if bare_scale && (!previous.is_empty() || text[end..].starts_with('-')) {
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
        let ordinal = [
            "first", "second", "third", "fourth", "last", "final", "the", "this", "next", "latter",
            "other", "each", "per", "every", "a",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(previous));
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
        ordinal: false,
    })
}

/// A number in Chinese numerals. Not one: a numeral inside a longer one
/// already passed over, an ordinal (第三), a date (三月), a lone 一 (一些,
/// 统一, 一起 are words) and a numeral inside a name of Latin letters.
fn read_chinese(text: &str, at: usize) -> Read {
    let skip = |end| Read::Skip(end);
    let first_end = at + text[at..].chars().next().map_or(1, char::len_utf8);
    let prev = text[..at].chars().next_back();
    if prev.is_some_and(|c| c == '第' || starts_chinese_numeral(c) || c.is_ascii_alphanumeric()) {
        return skip(first_end);
    }
    let Some((quantity, len)) = prose_quantity(&text[at..], false) else {
        return skip(first_end);
    };
    let end = at + len;
    let written = &text[at..end];
    let bare = quantity.unit == Unit::Bare;
    // 二〇二六年 is a year, 五年 five years.
    let after = &text[end..];
    let date = after.starts_with(['月', '日', '号', '点'])
        || after.starts_with('年') && written.chars().count() >= 4;
    if bare && (written == "一" || date) {
        return skip(end);
    }
    Read::Found(Mention {
        start: at,
        end,
        quantity,
        // A count in words, as in English: a statement only where the store
        // knows what it counts.
        weak: bare,
        sentence: (0, 0),
        ordinal: false,
    })
}

/// An ordinal at `start..end` as a weak mention of its value.
fn ordinal(start: usize, end: usize, value: u32) -> Read {
    match parse_quantity(&value.to_string()) {
        Ok(quantity) => Read::Found(Mention {
            start,
            end,
            quantity,
            weak: true,
            sentence: (0, 0),
            ordinal: true,
        }),
        Err(_) => Read::Skip(end),
    }
}

/// "24th", "1st", "3rd": digits and an ordinal suffix, as a whole word.
fn digit_ordinal(text: &str, digit: usize) -> Option<(usize, u32)> {
    let digits = text[digit..].bytes().take_while(u8::is_ascii_digit).count();
    let end = digit + digits;
    let suffix = text.get(end..end + 2)?;
    let ordinal = ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(suffix));
    let whole = text[end + 2..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    let value = text[digit..end].parse().ok()?;
    (ordinal && whole && digits > 0).then_some((end + 2, value))
}

/// The quantity read from the qualifier at `start`, else from the number at
/// `at`; the same text is not read twice when there is no qualifier.
fn read_from(
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

/// Whether another spelled number follows, after a comma, "and", "or" or a
/// space: then the number before it is one of a series.
fn heads_series(after: &str) -> bool {
    let rest = after
        .strip_prefix(',')
        .unwrap_or(after)
        .trim_start_matches(' ');
    let rest = ["and ", "or "]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    rest.len() < after.len()
        && rest.starts_with(|c: char| c.is_ascii_alphabetic())
        && prose_quantity(rest, false).is_some_and(|(q, _)| !q.text.starts_with(['a', 'A']))
}

fn is_verb(written: &str) -> bool {
    written.ends_with("ed") || written.ends_with("ing")
}

/// Where the mention starts (at a qualifier before the number, if any) and
/// whether a range may be read ("from 24% to 11%" is a change). `word` is
/// the word right before `at` ([`previous_word`]), which the caller has.
fn context_start(text: &str, at: usize, word: &str) -> (usize, bool) {
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
    let qualified = last.is_some_and(|c| c == '~' || c == '≈') || ends_qualifier;
    let start = if qualified {
        BEFORE.find(window).map_or(at, |m| window_start + m.start())
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
fn token_end(text: &str, at: usize) -> usize {
    // A Han character ends a token: Chinese puts no space between words.
    let in_token = |c: char| {
        (c.is_alphanumeric() && !is_han(c)) || matches!(c, '.' | ',' | '/' | ':' | '-' | '^')
    };
    text[at..]
        .find(|c: char| !in_token(c))
        .map_or(text.len(), |n| at + n)
}

/// The word right before `before`'s end, skipping one run of spaces.
fn previous_word(before: &str) -> &str {
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == before.len() {
        return "";
    }
    let ends_word = |c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '—' | '–');
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

/// Drops bare numbers standing alone, with no word in their sentence ("424"
/// on a line by itself, a page number): they state nothing. Table cells are
/// exempt, a number with a unit is kept ("$285.9B" in a list), and so is a
/// number written in words ("two and a half million"): it is no stray page
/// or list number, and a bare one stays weak (reported only where a claim or
/// the store speaks of it).
fn drop_wordless(text: &str, mentions: &mut Vec<Mention>) {
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

    /// Chinese: numbers glued to the words around them, dates (2026年4月)
    /// and ordinals (第3) that are no quantities.
    #[test]
    fn chinese_numbers_dates_and_ordinals() {
        assert_eq!(
            found("2026年4月的报告显示，私人投资达到2859亿美元，增长了44%。第3章有12个图表。"),
            ["2859亿美元", "44%", "12"]
        );
        assert_eq!(
            found("The US invested $109.1 billion, 是中国的12倍。"),
            ["$109.1 billion", "12倍"]
        );
        assert_eq!(
            found("第三章说，百分之八十八的企业在五年内雇了两千三百人；三月统一了一些标准。"),
            ["百分之八十八", "五", "两千三百"]
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
    fn spelled_numbers_alone_and_in_series() {
        assert_eq!(found("two and a half million"), ["two and a half million"]);
        assert_eq!(found("one, two and three"), ["one", "two", "three"]);
        assert_eq!(found("million and one"), ["million and one"]);
        assert_eq!(
            found("One of them spent several hundred years on billion-dollar deals."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn numbers_listed_before_a_unit_share_it() {
        let text = "They were given 45 and 50 mg, then 5, 10 or 20%, and 3 and $4.";
        let units: Vec<String> = scan(text, BlockKind::Paragraph)
            .iter()
            .map(|m| m.quantity.unit.name())
            .collect();
        assert_eq!(
            units,
            [
                "mg (mass)",
                "mg (mass)",
                "percent",
                "percent",
                "percent",
                "a bare number",
                "USD"
            ]
        );
    }

    #[test]
    fn full_width_digits() {
        let text = "满意度为９０％，成本为１．５万元，２０２６年发布。";
        let read: Vec<(String, f64, String)> = scan(text, BlockKind::Paragraph)
            .into_iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_owned(),
                    m.quantity.low.value(),
                    m.quantity.unit.name(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                ("９０％".to_owned(), 90.0, "percent".to_owned()),
                ("１．５万元".to_owned(), 15000.0, "CNY".to_owned()),
            ]
        );
    }

    #[test]
    fn places_pages_and_phone_numbers_are_not_numbers() {
        for text in [
            "See §3.2 for it.",
            "See § 3.2 for it.",
            "As Figure 4.2.1 shows.",
            "See p. 12 and pp. 171-230 of the report.",
            "Call +1 650 723 2300 or (650) 723-2300 today.",
            "Version v2.1.3 meets ISO 9001.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn a_sum_or_share_alone_on_a_line_is_read() {
        assert_eq!(found("- $285.9B"), ["$285.9B"]);
        assert_eq!(found("42%"), ["42%"]);
        assert_eq!(found("12"), Vec::<String>::new());
    }

    #[test]
    fn a_currency_sign_spaced_from_its_digits() {
        assert_eq!(found("They raised $ 75 million in May."), ["$ 75 million"]);
    }

    #[test]
    fn a_closing_quotation_mark_is_no_inch_mark() {
        let text = "She said \"give me 5\" and bought an 8\" pipe.";
        let units: Vec<(String, String)> = scan(text, BlockKind::Paragraph)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_owned(), m.quantity.unit.name()))
            .collect();
        assert_eq!(
            units,
            [
                ("5".to_owned(), "a bare number".to_owned()),
                ("8\"".to_owned(), "inches (length)".to_owned())
            ]
        );
    }

    #[test]
    fn list_and_heading_numbers() {
        assert!(scan("1. AI is far from peaking.", BlockKind::PlainText).is_empty());
        assert!(scan("2.1 Investment trends", BlockKind::Heading).is_empty());
        assert_eq!(scan("424", BlockKind::PlainText), Vec::new());
        assert_eq!(scan("424", BlockKind::Cell).len(), 1);
    }

    /// The finder's candidates from the start of `text`, as written.
    fn candidates(text: &str) -> Vec<&str> {
        let mut from = 0;
        std::iter::from_fn(|| {
            let c = next_candidate(text, from)?;
            from = c.end;
            Some(&text[c.start..c.end])
        })
        .collect()
    }

    #[test]
    fn candidates_start_where_the_regex_did() {
        assert_eq!(
            candidates("Two-fold, a hundred, a  thousand, A Half; someone tenth ten5 _one"),
            ["Two", "a hundred", "thousand", "A Half", "tenth", "5"]
        );
        assert_eq!(
            candidates("BUS$5 us$-6 -$7 $−⅔ €x £½ H100 v-2 ¥"),
            ["US$5", "us$-6", "$7", "$−⅔", "£½", "1", "0", "0", "-2"]
        );
    }

    /// Ordinals are positions, reported weakly; "a fifth" stays a share.
    #[test]
    fn ordinals_are_positions() {
        let found = |text: &str| -> Vec<(String, bool, f64)> {
            scan(text, BlockKind::Paragraph)
                .iter()
                .map(|m| {
                    let value = m.quantity.reading(0.0).set.lo;
                    (text[m.start..m.end].to_owned(), m.ordinal, value.round())
                })
                .collect()
        };
        assert_eq!(
            found("The US ranks 24th; the ninth edition is out."),
            [
                ("24th".to_owned(), true, 24.0),
                ("ninth".to_owned(), true, 9.0)
            ]
        );
        assert_eq!(
            found("A fifth of voters came 3rd."),
            [
                ("A fifth".to_owned(), false, 20.0),
                ("3rd".to_owned(), true, 3.0)
            ]
        );
        assert!(
            found("the 24thx build")
                .iter()
                .all(|(_, ordinal, _)| !ordinal)
        );
    }

    mod same_as_the_regex {
        use super::*;
        use proptest::prelude::*;

        /// The regex the finder replaced, as the oracle it must agree with.
        static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?i)(?:US\$|[$€£¥])?[-−]?[0-9½¼¾⅓⅔]|(?-u:\b)(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a (?:hundred|thousand|million|billion|trillion|third|quarter|half|fifth|tenth)|hundred|thousand|million|billion|trillion|half|quarter|doubled|doubling|tripled|tripling|quadrupled|quadrupling|halved|twice|twofold|two-fold|threefold|three-fold|fourfold|tenfold|minus|negative|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fifteenth|twentieth)(?-u:\b)|[零一二两三四五六七八九十百０-９]",
            )
            .unwrap_or_else(|e| unreachable!("the candidate regex is valid: {e}"))
        });

        /// Pieces of prose around numbers, and bytes that look like their
        /// starts: "–" and "₹" share a first byte with "−" and "€", "¢" and
        /// "»" with "£" and "½", "⅕" two bytes with "⅓". Without 'ſ' and the
        /// Kelvin sign, which the regex folds to 's' and 'k' and the finder
        /// does not, by design.
        const PIECES: &str = concat!(
            "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|",
            "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|",
            "sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|third|",
            "quarter|half|fifth|tenth|doubled|doubling|tripled|tripling|quadrupled|",
            "quadrupling|halved|twice|twofold|two-fold|threefold|three-fold|fourfold|tenfold|",
            "三|两千|百分之|十二|万|亿|零|中|的|９|０．５|％|minus|negative|minuscule|negatives|someone|often|a|a |an|us|US$|bus|s|x|_|0|1|7|42|$|€|£|¥|-|−|–|₹|¢|»|½|¼|¾|⅓|⅔|⅕|",
            " |\u{a0}|  |\n|.|,|%|/|(|é|ß|日本|Ω",
        );

        /// Text made of `PIECES`, each in a random mix of cases.
        fn prose() -> impl Strategy<Value = String> {
            let pieces: Vec<&str> = PIECES.split('|').collect();
            let piece = (prop::sample::select(pieces), any::<u16>()).prop_map(|(piece, case)| {
                piece
                    .chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if case >> (i % 16) & 1 == 1 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect::<String>()
            });
            prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
        }

        /// From every byte offset, the finder and the regex find the same
        /// candidate.
        fn agree(text: &str) -> Result<(), TestCaseError> {
            for from in 0..=text.len() {
                let expected = CANDIDATE.find_at(text, from).map(|m| {
                    let last = m.as_str().chars().next_back().unwrap_or(' ');
                    let digit_led = last.is_ascii_digit() || "½¼¾⅓⅔".contains(last);
                    let digit = digit_led.then(|| m.end() - last.len_utf8());
                    (m.start(), m.end(), digit)
                });
                let found = next_candidate(text, from).map(|c| (c.start, c.end, c.digit));
                prop_assert_eq!(found, expected, "from {} in {:?}", from, text);
            }
            Ok(())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn on_number_like_prose(text in prose()) {
                agree(&text)?;
            }

            #[test]
            fn on_any_text(text in "\\PC{0,80}") {
                agree(&text.replace(['ſ', '\u{212A}'], "s"))?;
            }
        }
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

//! The finder: every place a number may start, found eight bytes at a time
//! by classes of bytes, with the table of number words.

use super::*;

/// A place where a number may start: a digit, a currency sign or minus
/// before one, a number word or a multiplying verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Candidate {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Where the digit (or fraction sign) ending a digit-led candidate
    /// starts; `None` for a number word.
    pub(super) digit: Option<usize>,
}

/// The first candidate at or after `from`: what the leftmost-first regex
/// `(?i)(?:US\$|(?-i:\b(?:HK|NZ|NT|A|C|S|R)\$)|[$€£¥₹₩₽])?[-−]?[0-9½¼¾⅓⅔]|\b(?:zero|one|…|twice|minus|negative|(?:one|…|thousand)fold)\b`, with an
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
pub(super) fn next_candidate(text: &str, from: usize) -> Option<Candidate> {
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
                            && (is_number_word(word, 0, len)
                                // "sixfold": the only fold words this short.
                                || len == 7 && is_fold_word(word, 0, len));
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
                        // "HK$5", "A$100": a country's dollar, in capitals
                        // and at a word's start.
                        let country = (b == b'$' && !us)
                            .then(|| dollar_country(bytes, from, i))
                            .flatten();
                        return Some(Candidate {
                            start: if us { i - 2 } else { country.unwrap_or(i) },
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
pub(super) const OTHER: u8 = 0;
pub(super) const DIGIT: u8 = 1;
/// `[A-Za-z]`.
pub(super) const LETTER: u8 = 2;
/// `$`, `-`, and the first byte of `€ £ ¥ ₹ ₩ ₽ −` and of the fraction signs.
pub(super) const SIGN: u8 = 3;
/// '_', a byte of a word for `\b` though no letter.
pub(super) const UNDERSCORE: u8 = 4;
/// The first byte of the Han characters that start Chinese numerals.
pub(super) const HAN: u8 = 5;

pub(super) fn class(b: u8) -> u8 {
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
pub(super) fn is_word(b: u8) -> bool {
    matches!(class(b), DIGIT | LETTER | UNDERSCORE)
}

pub(super) const ONES: u64 = 0x0101_0101_0101_0101;
pub(super) const HIGH: u64 = ONES * 0x80;
/// The bit that lower-cases an ASCII letter, in every byte.
pub(super) const CASE: u64 = ONES * 0x20;

/// The eight bytes at `at`, the first in the low byte, with zeros past the
/// end.
pub(super) fn load(bytes: &[u8], at: usize) -> u64 {
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
pub(super) fn letter_bits(chunk: u64) -> u64 {
    let low7 = (chunk | CASE) & !HIGH;
    let from_a = low7 + ONES * (0x80 - u64::from(b'a'));
    let past_z = low7 + ONES * (0x80 - u64::from(b'z') - 1);
    // `from_a` has the high bit wherever `past_z` has it, and `chunk` has
    // it in the bytes of non-ASCII characters.
    (from_a ^ past_z) & (chunk ^ HIGH) & HIGH
}

/// The end of the run of ASCII letters at `at`.
pub(super) fn letters_end(bytes: &[u8], mut at: usize) -> usize {
    loop {
        let run = (letter_bits(load(bytes, at)) ^ HIGH).trailing_zeros() as usize / 8;
        at += run;
        if run < 8 {
            return at;
        }
    }
}

/// The end of the run of letters and '_' at `at`.
pub(super) fn underscored_end(bytes: &[u8], mut at: usize) -> usize {
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
pub(super) fn number_word(bytes: &[u8], start: usize, mut end: usize) -> Option<Candidate> {
    let chunk = load(bytes, start);
    // "a hundred", with exactly one space as the regex has it.
    if end == start + 1 && chunk as u8 | 0x20 == b'a' && (chunk >> 8) as u8 == b' ' {
        end = letters_end(bytes, end + 1);
    }
    let len = end - start;
    // A digit or '_' after the letters goes on with the word.
    if !(3..=LONGEST_FOLD).contains(&len) || bytes.get(end).is_some_and(|&b| is_word(b)) {
        return None;
    }
    let rest = if len > 8 { load(bytes, start + 8) } else { 0 };
    let found = if len <= LONGEST {
        is_number_word(chunk, rest, len) || is_fold_word(chunk, rest, len)
    } else {
        is_fold_word(chunk, rest, len)
    };
    found.then_some(Candidate {
        start,
        end,
        digit: None,
    })
}

/// Whether the first `len` bytes of `low` and then `high` (3 to `LONGEST`)
/// are a number word.
pub(super) fn is_number_word(low: u64, high: u64, len: usize) -> bool {
    number_slot(low, high, len).is_some()
}

/// The slot of the number word that is the first `len` bytes of `low` and
/// then `high` (3 to `LONGEST`).
fn number_slot(low: u64, high: u64, len: usize) -> Option<usize> {
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
    let slot = slot(key);
    (NUMBER_WORDS.keys[slot] == key).then_some(slot)
}

/// Whether the `len` letters of `low` and then `high` (up to
/// `LONGEST_FOLD`) are a cardinal glued to "fold", as the grammar's
/// `fold_word` reads them: "sixfold", "Twentyfold", "thousandfold". The
/// table of number words holds the cardinals, so a fold word needs no key
/// of its own, and longer ones no wider keys.
pub(super) fn is_fold_word(low: u64, high: u64, len: usize) -> bool {
    let Some(number) = len.checked_sub(4).filter(|n| (3..=LONGEST).contains(n)) else {
        return false;
    };
    let word = u128::from(high) << 64 | u128::from(low);
    // Most words end otherwise: "fold" is tested before the table.
    (word >> (8 * number)) as u32 | 0x2020_2020 == u32::from_le_bytes(*b"fold")
        && number_slot(low, high, number).is_some_and(|s| NUMBER_WORDS.folds[s])
}

/// The regex's words, less its "two-fold" and "three-fold": "two" and
/// "three" come first in its alternation and end at the hyphen, so they
/// never match.
pub(super) const WORD_LIST: &str = concat!(
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|",
    "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|",
    "sixty|seventy|eighty|ninety|a hundred|a thousand|a million|a billion|a trillion|",
    "hundred|thousand|million|billion|trillion|",
    "a third|a quarter|a half|a fifth|a tenth|half|quarter|doubled|doubling|tripled|",
    "tripling|quadrupled|quadrupling|double|triple|quadruple|halved|twice|",
    "minus|negative|",
    "fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fifteenth|",
    "twentieth",
);

/// The number words that "fold" may follow in one word: the cardinals the
/// grammar's `fold_word` takes ("zerofold" is nothing). Each is in
/// `WORD_LIST`.
pub(super) const FOLD_LIST: &str = concat!(
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|",
    "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|",
    "sixty|seventy|eighty|ninety|hundred|thousand",
);

/// Ordinals spelled out, with their value: "the ninth edition", "ranks
/// fifth". Lower ones ("first", "second", "third") are ordinary words far
/// more often than positions.
pub(super) const ORDINAL_WORDS: &[(&str, u32)] = &[
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

pub(super) static NUMBER_WORDS: NumberWords = NumberWords::new(WORD_LIST, FOLD_LIST);

/// The first letters of all number words, as in [`NumberWords::firsts`].
pub(super) const NUMBER_FIRST: u32 = NumberWords::new(WORD_LIST, FOLD_LIST).firsts[0];

pub(super) struct NumberWords {
    /// The words in a table with one slot for each (see [`slot`]).
    keys: [u128; 256],
    /// By the length of a word's first run of letters (1 for "a hundred"),
    /// a bit for each first letter a word of that length has: its code in
    /// either case less 0x40 or 0x60. At 0, the first letters of all. A
    /// fold word ("sixfold") counts at its length up to `LONGEST`.
    firsts: [u32; LONGEST + 1],
    /// By slot, whether the word there may be glued to "fold".
    folds: [bool; 256],
}

impl NumberWords {
    const fn new(list: &str, fold_list: &str) -> Self {
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
        let mut folds = [false; 256];
        let mut words = fold_list.as_bytes();
        while !words.is_empty() {
            let mut len = 0;
            let mut key = 0;
            while len < words.len() && words[len] != b'|' {
                key |= (words[len] as u128) << (8 * len);
                len += 1;
            }
            let slot = slot(key);
            assert!(keys[slot] == key, "a fold word's number is a number word");
            folds[slot] = true;
            if len + 4 <= LONGEST {
                firsts[len + 4] |= 1 << (words[0] & 31);
            }
            words = match words.split_at(len).1 {
                [_bar, after @ ..] => after,
                rest => rest,
            };
        }
        Self {
            keys,
            firsts,
            folds,
        }
    }
}

/// "quadrupling".
pub(super) const LONGEST: usize = 11;

/// "seventeenfold".
pub(super) const LONGEST_FOLD: usize = 13;

/// A multiplicative hash into `NUMBER_WORDS.keys`; the multiplier was
/// searched for to give each word a slot of its own (the table's build
/// checks it).
pub(super) const fn slot(key: u128) -> usize {
    let folded = key as u64 ^ (key >> 64) as u64;
    (folded.wrapping_mul(0x330A_9043_4C70_0C91) >> 56) as usize
}

/// Where the country letters of a dollar sign at `dollar` start ("HK" of
/// "HK$5"), if they are some country's, in capitals, at a word's start and
/// at or after `from`.
fn dollar_country(bytes: &[u8], from: usize, dollar: usize) -> Option<usize> {
    COUNTRY_DOLLARS.iter().find_map(|(sign, _)| {
        let country = &sign.as_bytes()[..sign.len() - 1];
        let start = dollar.checked_sub(country.len())?;
        (start >= from
            && &bytes[start..dollar] == country
            && (start == 0 || !is_word(bytes[start - 1])))
        .then_some(start)
    })
}

/// A number starting at `at` with a currency sign, a minus or a fraction
/// sign: where its digit (or fraction sign) starts, and where it ends. The
/// "US" of "US$" is the caller's.
pub(super) fn after_sign(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let after_sign = match bytes[at..] {
        [b'$', ..] => at + 1,
        // £ ¥
        [0xC2, 0xA3 | 0xA5, ..] => at + 2,
        // € ₹ ₩ ₽
        [0xE2, 0x82, 0xAC | 0xB9 | 0xA9 | 0xBD, ..] => at + 3,
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

//! Words as the linker compares them: lower-cased, without possessives,
//! stemmed, and mapped to the store's terms.
//!
//! "organizational adoption", "Organizations" and "organisations'" must
//! meet on one term, and so must "U.S." and "US". The stemmer is Snowball's
//! English one (rust-stemmers, as tantivy uses it); British spellings that
//! the stemmer keeps apart are folded first.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

/// The acronyms the names spell out somewhere, with their spelling:
/// "FMTI" for "Foundation Model Transparency Index". An acronym is a word of
/// three to six capitals; its spelling, words of one name whose initials
/// make it, each capitalised (a short word may not be: "Return on
/// Investment"), as titles are, so that "funds deployed across" is no FDA.
pub fn acronyms<'a>(names: impl Iterator<Item = &'a str> + Clone) -> Vec<(String, String)> {
    let is_acronym =
        |w: &str| (3..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
    let mut wanted: Vec<&str> = names
        .clone()
        .flat_map(|n| tokens(n).map(move |t| &n[t.start..t.end]))
        .filter(|w| is_acronym(w))
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut found: Vec<(String, String)> = Vec::new();
    if wanted.is_empty() {
        return found;
    }
    for name in names {
        let words: Vec<Token> = tokens(name).collect();
        for acronym in &wanted {
            let n = acronym.len();
            for window in words.windows(n) {
                let fits = window
                    .iter()
                    .zip(acronym.bytes())
                    .enumerate()
                    .all(|(i, (t, a))| {
                        let word = &name[t.start..t.end];
                        let first = word.as_bytes()[0];
                        first.eq_ignore_ascii_case(&a)
                            && word.len() > 1
                            && !is_acronym(word)
                            && (first.is_ascii_uppercase() || (i > 0 && word.len() <= 3))
                    });
                if fits {
                    let spelling = &name[window[0].start..window[n - 1].end];
                    if !found.iter().any(|(a, s)| a == acronym && s == spelling) {
                        found.push(((*acronym).to_owned(), spelling.to_owned()));
                    }
                }
            }
        }
    }
    found
}

/// The name written the other way round for each acronym it holds or
/// spells out: "FMTI score" is also "Foundation Model Transparency Index
/// score", and "Foundation Model Transparency Index" also "FMTI".
pub fn other_spellings(name: &str, acronyms: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (acronym, spelling) in acronyms {
        let holds = tokens(name).any(|t| &name[t.start..t.end] == acronym);
        if holds {
            out.push(
                tokens(name)
                    .map(|t| {
                        let w = &name[t.start..t.end];
                        if w == acronym { spelling.as_str() } else { w }
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        } else if name.contains(spelling.as_str()) {
            out.push(name.replace(spelling.as_str(), acronym));
        }
    }
    out
}

/// A word of a text, as a byte range of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// The words of `text`: runs of letters and digits. An apostrophe inside a
/// word ends it ("China's" is "China" and a possessive), and initials with
/// full stops are one word ("U.S." is "US"), so the caller sees them as
/// written and [`Normalizer::key`] folds them.
pub fn tokens(text: &str) -> impl Iterator<Item = Token> + '_ {
    tokens_from(text, 0)
}

/// [`tokens`], from byte `at` on: where the tokenizer stood after a word
/// it gave (the words after it are the same as from the start).
pub fn tokens_from(text: &str, mut at: usize) -> impl Iterator<Item = Token> + '_ {
    let bytes = text.as_bytes();
    std::iter::from_fn(move || {
        loop {
            let rest = text.get(at..)?;
            let mut chars = rest.char_indices();
            let (offset, first) = chars.find(|&(_, c)| c.is_alphanumeric())?;
            let start = at + offset;
            let mut end = start + first.len_utf8();
            for (i, c) in text[end..].char_indices() {
                if c.is_alphanumeric() && !is_cjk(c) && !is_cjk(first) {
                    end = start + first.len_utf8() + i + c.len_utf8();
                } else {
                    break;
                }
            }
            // A version joined to its name: "GPT-4", "GPT-5.2", "BEHAVIOR-1K"
            // are one word, not "GPT" and a number.
            if first.is_ascii_alphabetic() {
                end = versioned_end(bytes, start, end);
            }
            // Initials: "U.S.", "E.U.": one letter, a stop, one letter, a stop.
            while end - start <= 3
                && bytes.get(end) == Some(&b'.')
                && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic)
                && bytes
                    .get(end + 2)
                    .is_none_or(|b| !b.is_ascii_alphanumeric())
                && (end - start == 1 || bytes[end - 2] == b'.')
            {
                end += 2;
            }
            at = end;
            // A possessive "s" after an apostrophe is not a word, nor the
            // 年 of "2025年" or "3年": it dates or measures, and names
            // nothing ("往年AI事件" is no fact of 2025).
            if end - start == first.len_utf8()
                && ((matches!(first, 's' | 'S') && text[..start].ends_with(['\'', '’']))
                    || (first == '年' && text[..start].ends_with(|c: char| c.is_ascii_digit())))
            {
                continue;
            }
            return Some(Token { start, end });
        }
    })
}

/// Where a name of letters with two capitals or more, followed by a hyphen
/// and a version ("GPT-4", "HHEM-2.3", "BEHAVIOR-1K", "GPT-4o"), ends: past
/// the version, or at `end` for any other word ("Top-15" is "top 15").
fn versioned_end(bytes: &[u8], start: usize, end: usize) -> usize {
    let word = &bytes[start..end];
    if !(word.iter().all(u8::is_ascii_alphabetic)
        && word.iter().filter(|b| b.is_ascii_uppercase()).count() >= 2)
        || bytes.get(end) != Some(&b'-')
        || !bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        return end;
    }
    let mut at = end + 1;
    loop {
        while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
            at += 1;
        }
        // "5.2": a point with a digit after it goes on with the version.
        if bytes.get(at) == Some(&b'.') && bytes.get(at + 1).is_some_and(u8::is_ascii_digit) {
            at += 1;
        } else {
            return at;
        }
    }
}

/// The name of a versioned word ("GPT" of "GPT-4"): what a word of the
/// name alone has in common with it.
pub fn unversioned(word: &str) -> Option<&str> {
    let (name, version) = word.split_once('-')?;
    (!name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphabetic())
        && version.starts_with(|c: char| c.is_ascii_digit()))
    .then_some(name)
}

/// "Grok 4", "Claude Opus 4.5": a number one space after a capitalised
/// word is the version of its name, and the two read as one word tell
/// Grok 4 from Grok 3 where the bare number names nothing. Where the
/// version ends ("Grok 4" is `text[previous.start..end]`); `None` unless the
/// token `number` is such a number: a digit or two, perhaps with points
/// after, and nothing glued on.
pub fn spaced_version(text: &str, previous: Token, number: Token) -> Option<usize> {
    let bytes = text.as_bytes();
    if text.get(previous.end..number.start) != Some(" ")
        || !text[previous.start..].starts_with(|c: char| c.is_uppercase())
        || !bytes[number.start].is_ascii_digit()
    {
        return None;
    }
    // A version has a digit or two before any point: "March 2025" and
    // "Figure 1,024" are no names with versions.
    let whole = bytes[number.start..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if whole > 2 {
        return None;
    }
    let mut end = number.start;
    loop {
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end += 1;
        } else {
            break;
        }
    }
    (!bytes.get(end).is_some_and(u8::is_ascii_alphanumeric)).then_some(end)
}

/// Chinese characters stand one to a token: Chinese writes no spaces, and
/// the store's Chinese aliases are matched character by character.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Words that say nothing about which fact a number speaks of.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "almost", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "by", "each", "for", "from", "had", "has", "have", "in", "into", "is", "it", "its",
    "more", "most", "nearly", "of", "on", "one", "or", "over", "per", "roughly", "s", "since",
    "some", "than", "that", "the", "their", "them", "there", "these", "this", "those", "to", "up",
    "was", "were", "what", "which", "while", "who", "will", "with", "within",
    // The particle of possession and attribute, in nearly every Chinese
    // name and sentence.
    "的",
];

/// Forms the stemmer leaves apart from their verb: "publications grew
/// 6.3%" is their growth, "agents failed" their failure rate; and the
/// nouns that prose writes for a report's adjectives: "women" are the
/// "female" share.
const IRREGULAR: &[(&str, &str)] = &[
    ("began", "begin"),
    ("begun", "begin"),
    ("bought", "buy"),
    ("built", "build"),
    ("emit", "emission"),
    ("emits", "emission"),
    ("emitted", "emission"),
    ("emitting", "emission"),
    ("failure", "fail"),
    ("failures", "fail"),
    ("fallen", "fall"),
    ("fell", "fall"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("growth", "grow"),
    ("led", "lead"),
    ("lost", "lose"),
    ("made", "make"),
    ("men", "male"),
    ("paid", "pay"),
    ("risen", "rise"),
    ("rose", "rise"),
    ("sold", "sell"),
    ("spent", "spend"),
    ("taught", "teach"),
    ("woman", "female"),
    ("women", "female"),
    ("won", "win"),
    ("wrote", "write"),
    ("written", "write"),
    // A comparative names what it compares: "19% slower" is a change in
    // speed, "280 times cheaper" one in cost.
    ("cheaper", "cost"),
    ("costlier", "cost"),
    ("faster", "speed"),
    ("quicker", "speed"),
    ("slower", "speed"),
];

/// Words the stemmer cuts down to another word, with the key they keep:
/// Snowball makes "publications" "public", so that "public investment"
/// would be found in "AI publications", "United" "unit", so that
/// "36,000 units" would name the United States, and "organizations"
/// "organ", as "organized" is.
const OVERSTEMMED: &[(&str, &str)] = &[
    ("organization", "organization"),
    ("publication", "publication"),
    ("united", "united"),
];

/// Words that say something is absent, folded to one key.
const NEGATIONS: &[&str] = &["lacking", "never", "no", "non", "none", "not", "without"];

/// Folds words to the keys the store's terms are made of.
pub struct Normalizer {
    stemmer: Stemmer,
    /// The store's word aliases, by key: "paper" -> "publication".
    words: FxHashMap<String, String>,
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Normalizer")
    }
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer {
            stemmer: Stemmer::create(Algorithm::English),
            words: FxHashMap::default(),
        }
    }
}

impl Normalizer {
    /// A normalizer that folds each `(written, word)` of a store's word
    /// aliases to the key of its word.
    pub fn with_words(words: &[(String, String)]) -> Normalizer {
        let mut normalizer = Normalizer::default();
        let mut buffer = String::new();
        let mut keys = FxHashMap::default();
        for (written, word) in words {
            let Some(target) = normalizer.key(word, &mut buffer).map(str::to_owned) else {
                continue;
            };
            if let Some(from) = normalizer.key(written, &mut buffer) {
                keys.insert(from.to_owned(), target);
            }
        }
        normalizer.words = keys;
        normalizer
    }

    /// The key of one word ([`tokens`] gives them), or `None` for a stop
    /// word. `buffer` is reused from word to word.
    pub fn key<'b>(&self, word: &str, buffer: &'b mut String) -> Option<&'b str> {
        buffer.clear();
        // The plural of an acronym: "PhDs", "GPUs", "LLMs". The stemmer
        // keeps the "s" of a word with no vowel before it.
        let word = word
            .strip_suffix('s')
            .filter(|stem| stem.bytes().filter(u8::is_ascii_uppercase).count() >= 2)
            .unwrap_or(word);
        for c in word.chars() {
            if c != '.' {
                buffer.extend(c.to_lowercase());
            }
        }
        // A bare number is a value or a year, never what names a fact:
        // "30" in a sentence is no evidence for "30 supernovae in 2025".
        if STOP_WORDS.binary_search(&buffer.as_str()).is_ok()
            || buffer.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        // "shipped with no training code" is "released without training
        // code": the words of absence are one term.
        if NEGATIONS.contains(&buffer.as_str()) {
            buffer.clear();
            buffer.push_str("no");
            return Some(buffer.as_str());
        }
        if buffer.bytes().any(|b| b.is_ascii_digit()) || !buffer.is_ascii() {
            return Some(buffer.as_str());
        }
        if let Some(&(_, base)) = IRREGULAR.iter().find(|(form, _)| *form == buffer.as_str()) {
            buffer.clear();
            buffer.push_str(base);
        }
        let british = british_to_american(buffer);
        let word = british.as_deref().unwrap_or(buffer);
        let stem = match OVERSTEMMED
            .iter()
            .find(|(start, _)| word.starts_with(start))
        {
            Some(&(_, key)) => key.to_owned(),
            None => self.stemmer.stem(word).into_owned(),
        };
        *buffer = match self.words.get(&stem) {
            Some(word) => word.clone(),
            None => stem,
        };
        Some(buffer.as_str())
    }
}

/// "organisation" and "centre" are the same words as "organization" and
/// "center"; the stemmer keeps them apart.
fn british_to_american(word: &str) -> Option<String> {
    // "analysis", "analyses" and the British "analysed" are the noun and
    // spellings of "analyze": the stemmer leaves "analysi" and "analyz".
    const LYSIS: [(&str, &str); 5] = [
        ("ysis", "yze"),
        ("yses", "yze"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("ysing", "yzing"),
    ];
    for (ending, verb) in LYSIS {
        if let Some(stem) = word.strip_suffix(ending) {
            return Some(format!("{stem}{verb}"));
        }
    }
    if let Some(i) = word.find("isation") {
        return Some(format!("{}ization{}", &word[..i], &word[i + 7..]));
    }
    if let Some(stem) = word
        .strip_suffix("tre")
        .or_else(|| word.strip_suffix("tres"))
        && (stem.ends_with("cen") || stem.ends_with("li") || stem.ends_with("me"))
    {
        let plural = if word.ends_with('s') { "s" } else { "" };
        return Some(format!("{stem}ter{plural}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).map(|t| &text[t.start..t.end]).collect()
    }

    fn keys(text: &str) -> Vec<String> {
        let n = Normalizer::default();
        let mut buffer = String::new();
        tokens(text)
            .filter_map(|t| n.key(&text[t.start..t.end], &mut buffer).map(str::to_owned))
            .collect()
    }

    #[test]
    fn stop_words_are_sorted_for_the_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_version_is_a_word_of_its_name() {
        assert_eq!(
            words("GPT-4 and GPT-5.2, HHEM-2.3 or GPT-4o's; Top-15 in mid-2023"),
            [
                "GPT-4", "and", "GPT-5.2", "HHEM-2.3", "or", "GPT-4o", "Top", "15", "in", "mid",
                "2023"
            ]
        );
        assert_eq!(unversioned("GPT-5.2"), Some("GPT"));
        assert_eq!(unversioned("H100"), None);
        assert_eq!(keys("GPT-4 beat GPT-3"), ["gpt-4", "beat", "gpt-3"]);
    }

    #[test]
    fn initials_possessives_and_hyphens() {
        assert_eq!(words("the U.S. lead"), ["the", "U.S", "lead"]);
        assert_eq!(words("China's models"), ["China", "models"]);
        assert_eq!(words("China’s"), ["China"]);
        assert_eq!(
            words("H100-equivalents, 22-25"),
            ["H100", "equivalents", "22", "25"]
        );
        assert_eq!(keys("H100 in 2025, 30"), ["h100"]);
        assert_eq!(words("end. A new"), ["end", "A", "new"]);
        assert_eq!(words("美国私人投资"), ["美", "国", "私", "人", "投", "资"]);
    }

    #[test]
    fn paraphrases_meet_on_one_key() {
        assert_eq!(keys("organizations"), keys("Organisations"));
        assert_eq!(keys("data centres"), keys("data centers"));
        assert_eq!(keys("U.S."), keys("US"));
        assert_eq!(keys("models"), keys("model"));
        assert_eq!(keys("invested"), keys("investment"));
        assert_eq!(keys("the share of the models"), ["share", "model"]);
        assert_eq!(keys("with no training code"), keys("without training code"));
        assert_eq!(keys("not"), keys("never"));
        assert_eq!(keys("analysis"), keys("analyzing"));
        assert_eq!(keys("grew"), keys("growth"));
        assert_eq!(keys("fell"), keys("falls"));
        assert_eq!(keys("analysed"), keys("analyzed"));
        assert_eq!(keys("publications"), keys("publication"));
        assert_eq!(keys("women"), keys("female"));
        assert_eq!(keys("PhDs"), keys("PhD"));
        assert_eq!(keys("GPUs"), keys("GPU"));
        assert_ne!(keys("Is"), keys("I"));
        assert_eq!(keys("men"), keys("male"));
    }

    #[test]
    fn words_the_stemmer_would_merge_stay_apart() {
        assert_ne!(keys("publications"), keys("public"));
        assert_ne!(keys("organizations"), keys("organized"));
        assert_eq!(keys("organizational"), keys("Organisations"));
    }
}

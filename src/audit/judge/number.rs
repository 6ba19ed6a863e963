//! The number in its sentence: the years written there, "from X to Y",
//! "N of M", the word after it, and how prose bounds read.

use crate::audit::scan::Mention;
use crate::interval::Interval;
use crate::link::SentenceTerms;
use crate::quantity::{Qualifier, Quantity, Reading, Unit};
use crate::store::Sym;

/// The years written in a sentence, with where they stand.
#[derive(Debug, Default)]
pub(crate) struct Years {
    pub(crate) found: Vec<(usize, usize)>,
    /// Each year of `found` in four digits: "2025" of "Feb '25".
    written: Vec<[u8; 4]>,
    /// Where the one year the sentence is set in stands ([`Years::set_in`]).
    set_in: Option<(usize, usize)>,
}

impl Years {
    pub(crate) fn of(sentence: &str) -> Years {
        let bytes = sentence.as_bytes();
        let mut found = Vec::new();
        let mut written = Vec::new();
        let mut i = 0;
        while i + 3 <= bytes.len() {
            // Most bytes start no year: the first byte alone rules them out
            // before the boundaries are looked at.
            if !matches!(bytes[i], b'1' | b'2' | b'\'' | 0xE2) {
                i += 1;
                continue;
            }
            if let Some((end, year)) = year_at(sentence, i) {
                found.push((i, end));
                written.push(year);
                i = end;
            } else {
                i += 1;
            }
        }
        let mut years = Years {
            found,
            written,
            set_in: None,
        };
        years.set_in = set_in(sentence, &years);
        years
    }

    /// The `i`th year found, in four digits.
    fn year(&self, i: usize) -> &str {
        std::str::from_utf8(&self.written[i]).unwrap_or_default()
    }

    /// Every year the sentence names, with where it stands.
    pub(super) fn named_at(&self) -> impl Iterator<Item = ((usize, usize), &str)> + '_ {
        self.found
            .iter()
            .enumerate()
            .map(|(i, &span)| (span, self.year(i)))
    }

    /// The year written right beside the number at `start..end` ("100 (in
    /// 2024)", "89% since 2017", "notable 2025 models"): the fact must be of it.
    pub(crate) fn pinned<'y>(
        &'y self,
        sentence: &str,
        start: usize,
        end: usize,
    ) -> Option<Pin<'y>> {
        const NEAR: usize = 12;
        self.named_at()
            .filter_map(|((s, e), year)| {
                // On a tie the year after the number wins: "from 15 in
                // 2024 to 28 in 2025".
                let gap = if e <= start {
                    // "from about 17% in 2024 to 46.4%": the year dates the
                    // start of the change, not its end.
                    // "362 in 2025, up from 233": nor the year of the
                    // value a change came from.
                    // "20% (Feb '25) → 77.3%": nor past an arrow.
                    if ends_its_clause(sentence, s, e, start)
                        || sentence[e..start].trim().eq_ignore_ascii_case("to")
                        || ARROWS.iter().any(|a| sentence[e..start].contains(a))
                        || Number::after_from(sentence, start)
                    {
                        return None;
                    }
                    // "5 in 2017, 18 in 2022": a year a comma parts from
                    // the number closes the item before, and yields to the
                    // number's own year after it.
                    let parted = sentence[e..start].contains([',', '，']);
                    start - e + 1 + if parted { NEAR / 2 } else { 0 }
                } else if s >= end {
                    // "362起，比2024年的233起", "362, more than 2024's": the
                    // year after a comparison is the other number's.
                    let between = &sentence[end..s];
                    if dates_the_next_number(sentence, e) {
                        return None;
                    }
                    // "达到5816.9亿美元，而2024年仅为2350亿美元", "$581
                    // billion, while in 2024 ...": a year past a clause
                    // break dates the next clause, where the conjunction
                    // says so or this clause was dated already.
                    if starts_another_clause(between)
                        && (led_by_conjunction(between)
                            || self.found.iter().any(|&(_, year_end)| year_end <= start))
                    {
                        return None;
                    }
                    if between.contains('比')
                        || between
                            .split(|c: char| !c.is_alphabetic())
                            .any(|w| ["than", "versus", "vs", "compared"].contains(&w))
                    {
                        return None;
                    }
                    // "233 incidents in 2025": the noun the number counts
                    // stands between it and its year.
                    let words: Vec<&str> = between.split_whitespace().collect();
                    let dated = words.len() <= 3
                        && words.last().is_some_and(|w| {
                            ["in", "during", "for"]
                                .iter()
                                .any(|p| w.eq_ignore_ascii_case(p))
                        })
                        && words.iter().all(|w| w.chars().all(char::is_alphabetic));
                    if dated { (s - end).min(NEAR) } else { s - end }
                } else {
                    return None;
                };
                (gap <= NEAR).then_some((gap, s, year))
            })
            .min()
            .map(|(_, s, year)| Pin {
                year,
                at: s,
                since: s >= end && {
                    let before = sentence[..s].trim_end();
                    [" since", " from", " over", " on"]
                        .iter()
                        .any(|w| before.ends_with(w))
                },
            })
    }

    /// The one year the sentence is set in, if it names only one, after
    /// "in", "by", "during" or "for" ("7.8% of job postings asked for AI
    /// skills in 2025"), and not as a year compared with ("as many as in
    /// 2017", "than in 2024", "since 2017"), nor as the year of what the
    /// number at `..end` is compared with: "three in five schools now
    /// offer it, up from about a third in 2017" is of now.
    pub(crate) fn set_in_for(&self, sentence: &str, end: usize) -> Option<&str> {
        let (s, _) = self.set_in?;
        let year = self.named_at().find(|&((at, _), _)| at == s)?.1;
        (!compares(sentence.get(end..s).unwrap_or_default())).then_some(year)
    }

    /// The years that may date the number at `..end`: not one after it
    /// that dates what it is compared with ("38 (vs 15 in 2024)"), nor one
    /// that dates the next number ("从2022年的324.6跌至2025年的26.0").
    pub(crate) fn dating<'a>(
        &'a self,
        sentence: &'a str,
        end: usize,
    ) -> impl Iterator<Item = &'a str> + 'a {
        self.named_at()
            .filter(move |&((s, e), _)| {
                s < end
                    || !(compares(sentence.get(end..s).unwrap_or_default())
                        || dates_the_next_number(sentence, e))
            })
            .map(|(_, year)| year)
    }

    /// Every year the sentence names, in four digits.
    pub(super) fn named(&self) -> impl Iterator<Item = &str> + '_ {
        self.named_at().map(|(_, year)| year)
    }
}

/// The year that starts at byte `i`, with where it ends: four digits from
/// 1900 to 2099 ("2025"), or two after an apostrophe that elides the
/// century ("Feb '25", "(’24)"), not one that closes a quote ("'25'").
fn year_at(sentence: &str, i: usize) -> Option<(usize, [u8; 4])> {
    let bytes = sentence.as_bytes();
    let boundary_before = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
    if !boundary_before {
        return None;
    }
    let digits_end = |from: usize| {
        from + bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let rest = &sentence[i..];
    if let Some(after) = ["\'", "’"].iter().find_map(|a| rest.strip_prefix(a)) {
        let from = sentence.len() - after.len();
        let end = digits_end(from);
        let closed = sentence[end..].starts_with(['\'', '’']);
        if end - from != 2 || closed || bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        let century: &[u8; 2] = if bytes[from] <= b'5' { b"20" } else { b"19" };
        return Some((end, [century[0], century[1], bytes[from], bytes[from + 1]]));
    }
    let end = digits_end(i);
    let word = &bytes[i..end];
    (word.len() == 4
        && (word.starts_with(b"19") || word.starts_with(b"20"))
        && bytes.get(end).is_none_or(|b| !b.is_ascii_alphabetic()))
    .then(|| (end, [word[0], word[1], word[2], word[3]]))
}

/// Where the one year the sentence is set in stands, if it names only one, after
/// "in", "by", "during" or "for" ("7.8% of job postings asked for AI
/// skills in 2025"), and not as a year compared with ("as many as in
/// 2017", "than in 2024", "since 2017").
fn set_in(sentence: &str, years: &Years) -> Option<(usize, usize)> {
    let found = &years.found;
    let &(s, e) = found.first()?;
    if years.named().any(|year| year != years.year(0)) {
        return None;
    }
    // "in 2023 and 54.4% a year later" names a second year in words.
    const RELATIVE: [&str; 6] = [
        "year later",
        "years later",
        "year earlier",
        "years earlier",
        "year before",
        "previous year",
    ];
    if RELATIVE.iter().any(|r| {
        sentence
            .as_bytes()
            .windows(r.len())
            .any(|w| w.eq_ignore_ascii_case(r.as_bytes()))
    }) {
        return None;
    }
    found
        .iter()
        .all(|&(s, e)| {
            // 2025年，美国……为56%, 在2025年: a year that opens the sentence
            // or follows 在, 于 or 截至 ("as of") dates it.
            if sentence[e..].starts_with('年') {
                let before = sentence[..s].trim_end();
                return before.is_empty()
                    || ["在", "于", "截至", "截止"]
                        .iter()
                        .any(|w| before.ends_with(w));
            }
            let mut before = sentence[..s]
                .split(|c: char| !c.is_alphabetic())
                .rev()
                .filter(|w| !w.is_empty());
            let dating = before.next().is_some_and(|w| {
                ["in", "by", "during", "for"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            });
            let compared = before.next().is_some_and(|w| {
                [
                    "than", "as", "since", "from", "compared", "versus", "vs", "over",
                ]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
            });
            dating && !compared
        })
        .then_some((s, e))
}

/// Whether the year at `s..e`, before a number at `start`, closes a clause
/// of its own that a conjunction then parts from the number's: "by 56% of
/// organizations in 2024, while a third cited ...", "51.1% in 2023 and
/// 54.4% a year later". A year that opens the
/// number's clause ("In 2024, while prices fell, 78% of ...") and one the
/// number only adds to ("362 in 2025, up 55% on the year before") pin it.
fn ends_its_clause(sentence: &str, s: usize, e: usize, start: usize) -> bool {
    let is_break = |c: char| matches!(c, ',' | ';');
    let parted = sentence[e..start]
        .trim_start_matches(|c: char| is_break(c) || c.is_whitespace())
        .split_whitespace()
        .next()
        .is_some_and(|w| CONJUNCTIONS.iter().any(|c| w.eq_ignore_ascii_case(c)));
    let clause = sentence[..s].rsplit(is_break).next().unwrap_or_default();
    parted && clause.split_whitespace().count() > 2
}

/// Whether an arrow is all that stands between two numbers: "$98 → $152".
fn arrow_between(sentence: &str, end: usize, start: usize) -> bool {
    sentence
        .get(end..start)
        .map(str::trim)
        .is_some_and(|between| ARROWS.contains(&between))
}

/// The arrows that lead from one value to the next.
const ARROWS: [&str; 7] = ["→", "->", "⟶", "⇒", "=>", "➝", "➞"];

/// Whether the words between a number and what follows put a value beside
/// the number's to compare it with.
fn compares(between: &str) -> bool {
    const COMPARING: [&str; 5] = ["from", "than", "versus", "vs", "compared"];
    between.contains(['比', '较'])
        || between
            .split(|c: char| !c.is_alphabetic())
            .any(|w| COMPARING.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// Whether the year ending at `e` stands right before a number, as its
/// year: "2025年的26.0", "2024年为233", "2024's 233".
fn dates_the_next_number(sentence: &str, e: usize) -> bool {
    let rest = sentence[e..].strip_prefix('年').unwrap_or(&sentence[e..]);
    let rest = ["的", "为", "是", "'s", "’s"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// The words that start a clause of their own after a comma.
const CONJUNCTIONS: [&str; 7] = [
    "while", "whereas", "and", "but", "although", "though", "yet",
];

/// Whether the text between a number and a year after it parts a clause.
fn starts_another_clause(between: &str) -> bool {
    between.contains([',', ';', '，', '；'])
}

/// Whether the clause after the break starts with a conjunction: "while",
/// "but", 而, 但.
fn led_by_conjunction(between: &str) -> bool {
    let after = between
        .rsplit([',', ';', '，', '；'])
        .next()
        .unwrap_or_default()
        .trim_start();
    after.starts_with(['而', '但'])
        || after
            .split_whitespace()
            .next()
            .is_some_and(|w| CONJUNCTIONS.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

/// The year written beside a number.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pin<'a> {
    /// The year in four digits, and where it is written.
    pub year: &'a str,
    pub at: usize,
    /// "rose 32% from 2024", "up 9% since 2023", "17.2% over 2024": the year the change is
    /// counted from. A fact of a later period states it as well as one
    /// whose period names the year ("since 2024", "2024-2025").
    pub since: bool,
}

impl Pin<'_> {
    /// Whether a fact of `period` may be what the number states: one whose
    /// period names the year, or, for a change counted from the year, one
    /// of a single later year (the change over that year). A span from
    /// another year is another change: "up 30-fold since 2021" is not the
    /// growth of 2022-2025, nor of "since 2022".
    pub(crate) fn admits(&self, period: &str) -> bool {
        if period.contains(self.year) {
            return true;
        }
        let mut years = period
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<u32>().ok());
        let counted_from = period.contains("since") || period.contains("from");
        match (self.since && !counted_from, years.next(), years.next()) {
            (true, Some(only), None) => self.year.parse::<u32>().is_ok_and(|year| only > year),
            _ => false,
        }
    }
}

/// The latest four-digit year a period names ("2013-2024", "early 2026").
pub(super) fn latest_year(period: &str) -> Option<u32> {
    period
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .max()
}

/// The context one number is judged in.
pub(crate) struct Number<'a> {
    pub quantity: &'a Quantity,
    /// Where the number stands in its sentence, in bytes.
    pub start: usize,
    pub end: usize,
    pub reading: Reading,
    /// The values the words allow as written, a lower bound unbounded.
    pub as_written: Interval,
    /// The sentence, and the year pinned beside the number.
    pub sentence: &'a str,
    pub years: &'a Years,
    pub pinned: Option<Pin<'a>>,
    /// "from 100 to over 150": the first value of a change, of a period
    /// before the one the sentence is about. Unless a year pins it, it
    /// contradicts nothing.
    pub starts_change: bool,
    /// "362 in 2025, up from 233", "rose to 5,505 from 3,538": the value
    /// the number before came from, of the period before its own.
    pub earlier: bool,
    /// Where the word right after the number starts, if a space is all
    /// that parts them.
    pub next_word: Option<usize>,
    /// "12 million people": a bare number with a noun right after it
    /// counts that noun, so no measure (water in kiloliters) is what it
    /// states.
    pub counts_a_noun: bool,
    /// Written as a ratio, a change or a difference of two facts, if so
    /// ([`crate::audit::derive::kind_of`]).
    pub written_as: Option<crate::audit::derive::Kind>,
    /// "Singapore and Japan ... at 81% and 32%, respectively": the subject
    /// the number is given to, and every subject so listed.
    pub respective: Option<(Sym, &'a [Sym])>,
    /// "24th", "ninth": a position, of a rank or an edition only.
    pub ordinal: bool,
    /// The whole of "N of M models shipped without code": the words after
    /// it say what the part is, and seldom which whole.
    pub whole: bool,
    /// The (subject, metric) of the fact that backed the start of a "from
    /// X to Y" earlier in the sentence: "up 95%" after it is that change.
    pub stated_change: Option<(Sym, Sym)>,
    /// The end of "from 233 to 362" whose start was backed by a fact of
    /// this (subject, metric): the sentence has named it once for both.
    pub change_of: Option<(Sym, Sym)>,
    /// The readings of a range's two ends ("between 11.8 and 41.6").
    pub ends: Option<(Reading, Reading)>,
    /// The facts the sentence's numbers before this one were linked to.
    pub listed: &'a [u32],
    /// The numbers of the sentence, this one at `which`.
    pub neighbours: &'a [Mention],
    pub which: usize,
    /// The year the paragraph or the section is set in ([`block_year`]),
    /// for a sentence that names none.
    pub block_year: Option<&'a str>,
    /// "US investment was 23.1 times China's and 48.5 times the UK's": the
    /// subject a sentence's list of multiples relates to each subject after
    /// it.
    pub multiples_of: Option<Sym>,
    /// "That's up about 130% on 2024's $253B.": a short sentence that points
    /// back at the one before, whose words it speaks of.
    pub points_back: bool,
}

/// The year a block of text is set in as a whole: a paragraph or list item
/// that opens with a year as its label ("2013 — ...", "2013: ...",
/// "2013年：..."), else a heading that is a year or opens so ("## 2021",
/// "### 2021: a record year"). A timeline's sentences that name no year of
/// their own speak of it.
pub(crate) fn block_year<'t>(heading: &'t str, text: &'t str) -> Option<&'t str> {
    let labelled = |text: &'t str, alone: bool| {
        let text = text.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'));
        let year = text.get(..4).filter(|y| crate::quantity::is_year(y))?;
        let rest = &text[4..];
        if rest.starts_with(|c: char| c.is_alphanumeric() && c != '年') {
            return None;
        }
        let rest = rest
            .strip_prefix('年')
            .unwrap_or(rest)
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | ')'));
        let labels = rest.starts_with(['—', '–', '-', ':', '：', '|']);
        (labels || (alone && rest.is_empty())).then_some(year)
    };
    labelled(text, false).or_else(|| labelled(heading, true))
}

/// The year a number speaks of where its sentence names none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Era {
    Latest,
    Earlier,
    First,
}

impl<'a> Number<'a> {
    /// The years of the sentence that may date this number
    /// ([`Years::dating`]).
    pub(crate) fn dating_years(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.years.dating(self.sentence, self.end)
    }

    /// Which year the number's clause dates it to, where it names none:
    /// the first of a series ("compared with 3,866 at the start of the
    /// series", "just one when the series began"), an earlier one ("Earlier
    /// best: about 15%", "previously 40%"), or else the latest. A change or
    /// a multiple "from a year earlier" is of the latest year.
    pub(crate) fn era(&self) -> Era {
        const FIRST: [&str; 6] = [
            "start of the series",
            "series began",
            "first year of",
            "tracking began",
            "at the outset",
            "first recorded",
        ];
        const EARLIER: [&str; 5] = ["earlier", "previously", "initially", "originally", "prior"];
        let before = &self.sentence[..self.start];
        let from = before
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, ',' | ';' | '，' | '；'))
            .map_or(0, |(at, c)| at + c.len_utf8());
        let to = self.sentence[self.end..]
            .find([',', ';', '.', '，', '；', '。'])
            .map_or(self.sentence.len(), |at| self.end + at);
        let clause = &self.sentence[from..to];
        let said = |list: &[&str]| {
            clause
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| list.iter().any(|w| w.eq_ignore_ascii_case(word)))
        };
        // A word of the phrases first: most clauses hold none, and are not
        // copied to lower case.
        if said(&["series", "first", "tracking", "outset"]) {
            let clause = clause.to_ascii_lowercase();
            if FIRST.iter().any(|words| clause.contains(words)) {
                return Era::First;
            }
        }
        let a_level = self.quantity.unit != Unit::Multiple
            && !matches!(
                self.written_as,
                Some(crate::audit::derive::Kind::Change { .. })
            );
        if a_level && said(&EARLIER) {
            Era::Earlier
        } else {
            Era::Latest
        }
    }

    /// "dropped 11%", "an 11% decline", "fell by 18 points": written as a
    /// fall, so a fact of change that is negative states it as a magnitude.
    pub(crate) fn falls(&self) -> bool {
        use crate::audit::derive::Kind;
        matches!(
            self.written_as,
            Some(Kind::Change { fall: true } | Kind::Difference { fall: true })
        )
    }

    /// Whether the number, at `start..end` of its sentence, follows "from"
    /// (or the Chinese 从 of "从233起增加到362起").
    pub(crate) fn after_from(sentence: &str, start: usize) -> bool {
        let before = sentence[..start].trim_end();
        // Most numbers have no "from" anywhere near: a look at the last
        // few dozen bytes spares the qualifiers' comparisons.
        let near = before.len().saturating_sub(40);
        let tail = &before.as_bytes()[near..];
        if !tail.windows(4).any(|w| w.eq_ignore_ascii_case(b"from"))
            && !tail
                .windows(3)
                .any(|w| w == "从".as_bytes() || w == "由".as_bytes())
        {
            return false;
        }
        if Self::after_zh_from(sentence, start, before) {
            return true;
        }
        let before = crate::quantity::QUALIFIERS
            .iter()
            .find_map(|(q, _)| {
                let cut = before.len().checked_sub(q.len())?;
                before
                    .get(cut..)
                    .filter(|tail| tail.eq_ignore_ascii_case(q))
                    .map(|_| before[..cut].trim_end())
            })
            .unwrap_or(before);
        // `get`: the four bytes before may cut a character (接近2859).
        before.ends_with('从')
            || before
                .len()
                .checked_sub(4)
                .and_then(|cut| before.get(cut..))
                .is_some_and(|tail| tail.eq_ignore_ascii_case("from"))
    }

    /// 从 or 由 ("from") before the number with at most a relative time
    /// between: "由上年的51.1%升至54.4%" ("from the year before's"). A year
    /// between (从2023年的233起) dates the number itself, as "in 2023"
    /// would. 由 is also "by" (由5人组成, "made up of 5"): it starts a
    /// change only where one goes on to 至 or 到.
    fn after_zh_from(sentence: &str, start: usize, before: &str) -> bool {
        const TIME: &str = "上去前同年的期度季月";
        let Some(at) = before.rfind(['从', '由']) else {
            return false;
        };
        let between = &before[at + '从'.len_utf8()..];
        let a_time = between.chars().count() <= 8 && between.chars().all(|c| TIME.contains(c));
        let goes_on = before[at..].starts_with('从') || sentence[start..].contains(['至', '到']);
        a_time && goes_on
    }

    /// Whether number `which` of `numbers` (byte ranges of `sentence`) is
    /// the part of "N of M", "N out of M" or "N in M" whose whole follows.
    pub(crate) fn part_of(sentence: &str, numbers: &[(usize, usize)], which: usize) -> bool {
        let (Some(&(_, end)), Some(&(next, _))) = (numbers.get(which), numbers.get(which + 1))
        else {
            return false;
        };
        let between = sentence[end..next].trim();
        let between = between
            .strip_suffix(" the")
            .or_else(|| between.strip_suffix(" The"))
            .unwrap_or(between);
        ["of", "out of", "in"]
            .iter()
            .any(|joint| between.eq_ignore_ascii_case(joint))
    }

    /// Whether number `which` of `numbers` is the earlier value of the one
    /// before it: "41 from China, up from 34 in 2021", "(down from 12%)",
    /// "rose to 5,505 from 3,538".
    pub(crate) fn earlier_value(sentence: &str, numbers: &[(usize, usize)], which: usize) -> bool {
        let (Some(&(_, end)), Some(&(start, _))) = (
            which.checked_sub(1).and_then(|w| numbers.get(w)),
            numbers.get(which),
        ) else {
            return false;
        };
        // "..., up from" or "(down from", the clause's own start: the
        // number's words ("from China") may stand before it.
        let between = sentence[end..start].trim_end();
        ["up from", "down from", "from"].iter().any(|joint| {
            between.len() >= joint.len()
                && between.is_char_boundary(between.len() - joint.len())
                && between[between.len() - joint.len()..].eq_ignore_ascii_case(joint)
                && {
                    let lead = between[..between.len() - joint.len()].trim_end();
                    lead.is_empty() || lead.ends_with([',', '(', ';', '—', '–'])
                }
        })
    }

    /// Whether the writer denies the number ("the gap is not 2-3x but 23
    /// times", "rather than 50"): it states no value to back or contradict.
    pub(crate) fn denied(sentence: &str, start: usize) -> bool {
        // Bytes, not a lowered copy: every number of an article asks.
        let before = sentence[..start].trim_end().as_bytes();
        ["not", "never", "rather than", "instead of"]
            .iter()
            .any(|denial| {
                before.len() >= denial.len() && {
                    let (rest, tail) = before.split_at(before.len() - denial.len());
                    tail.eq_ignore_ascii_case(denial.as_bytes())
                        && rest.last().is_none_or(|b| matches!(b, b' ' | b',' | b'('))
                }
            })
    }

    /// Whether number `which` of `numbers` ends "from X to Y" (or "from X
    /// in 2023 to Y", "from X (2023) to Y"), or the Chinese 从X到Y, 从X至Y:
    /// the 到 or 至 after at most a counter and a verb of change
    /// (从233起增加到362起, 从58分降至45分).
    pub(crate) fn ends_change(sentence: &str, numbers: &[(usize, usize)], which: usize) -> bool {
        if which > 0 && arrow_between(sentence, numbers[which - 1].1, numbers[which].0) {
            return true;
        }
        if which == 0 || !Number::after_from(sentence, numbers[which - 1].0) {
            return false;
        }
        let between = sentence[numbers[which - 1].1..numbers[which].0].trim();
        let english = between
            .strip_suffix("to")
            .map(|year| {
                year.trim_end()
                    .trim_end_matches([',', ')'])
                    .trim_start_matches(['(', ' '])
            })
            .map(|year| year.strip_prefix("in ").unwrap_or(year).trim())
            .is_some_and(|year| {
                year.is_empty() || (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
            });
        english
            || between.strip_suffix(['到', '至']).is_some_and(|rest| {
                rest.chars().count() <= 6 && rest.chars().all(crate::quantity::is_han)
            })
    }

    /// Whether number `which` of `numbers` starts "X → Y", as a slide or a
    /// table writes "from X to Y".
    pub(crate) fn starts_an_arrow(
        sentence: &str,
        numbers: &[(usize, usize)],
        which: usize,
    ) -> bool {
        numbers
            .get(which + 1)
            .is_some_and(|next| arrow_between(sentence, numbers[which].1, next.0))
    }

    /// Whether the word right before the number is "to": "but fell back
    /// to 40", the next step of a change whose start the sentence gave.
    pub(crate) fn after_to(sentence: &str, start: usize) -> bool {
        let before = sentence[..start].trim_end();
        before.len() >= 3
            && before.is_char_boundary(before.len() - 3)
            && before[before.len() - 3..].eq_ignore_ascii_case(" to")
    }

    /// Whether a bare number is followed by "points": a score ("40 points
    /// on the index") or percentage points ("differ by 50 points"), no
    /// thing counted.
    pub(crate) fn counts_points(&self) -> bool {
        self.quantity.unit == Unit::Bare
            && self.next_word.is_some_and(|at| {
                let word = self.sentence[at..]
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                // 以38分拿到银牌: a score in points; 分钟 are minutes.
                word.eq_ignore_ascii_case("points")
                    || word.eq_ignore_ascii_case("point")
                    || (word.starts_with('分') && !word.starts_with("分钟"))
            })
    }

    /// "77% of new AI PhDs": a percentage of something is a share of it.
    pub(crate) fn states_a_share(&self) -> bool {
        // "a third of", "美国的三分之一": a fraction is a part of a whole.
        self.quantity.in_fraction_words()
            || self.quantity.unit == Unit::Percent
                && self.next_word.is_some_and(|at| {
                    self.sentence[at..]
                        .split(|c: char| !c.is_alphabetic())
                        .next()
                        .is_some_and(|w| w.eq_ignore_ascii_case("of"))
                })
    }

    /// Whether a bare number is followed by a word that no unit starts with.
    pub(crate) fn counts_a_noun(
        quantity: &Quantity,
        sentence: &str,
        terms: &SentenceTerms,
        next_word: Option<usize>,
    ) -> bool {
        quantity.unit == Unit::Bare
            && next_word
                .and_then(|at| terms.word_at(at))
                .is_some_and(|word| word.is_some())
            && !next_word
                .and_then(|at| sentence[at..].split(|c: char| !c.is_alphabetic()).next())
                .is_some_and(crate::quantity::may_name_a_unit)
    }

    /// Whether the number ending at `end`, after "from", gives where what
    /// it counts came from rather than where a change started: "devices
    /// from 963 companies", with a noun after it and no "to" to go on to.
    pub(crate) fn counts_a_source(sentence: &str, end: usize) -> bool {
        const NOT_NOUNS: [&str; 12] = [
            "in", "on", "at", "to", "a", "an", "the", "and", "or", "by", "for", "per",
        ];
        let rest = &sentence[end..];
        Number::word_after(sentence, end).is_some_and(|at| {
            let word = sentence[at..]
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or_default();
            !NOT_NOUNS.iter().any(|w| w.eq_ignore_ascii_case(word))
        }) && !rest
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.eq_ignore_ascii_case("to"))
    }

    /// Where the word right after `end` starts, if one space at most
    /// parts it from the number and it is a word of letters.
    pub(crate) fn word_after(sentence: &str, end: usize) -> Option<usize> {
        let rest = &sentence[end..];
        let start = end + usize::from(rest.starts_with(' '));
        let word = &sentence[start..];
        let letters = word.chars().take_while(|c| c.is_alphanumeric()).count();
        let ends_word = word
            .chars()
            .nth(letters)
            .is_none_or(|c| !c.is_alphanumeric());
        (letters > 0 && ends_word && word.chars().take(letters).all(char::is_alphabetic))
            .then_some(start)
    }
}

/// A number of prose as an interval. "More than $80 billion" for $285.9
/// billion is true and misleads: writers put a lower bound just below the
/// value, so prose reads "over X" as up to half as much again, and "up to
/// X" as down to two thirds of it ("up to 73%" is no 21%); claims files
/// keep the bound as written.
pub(crate) fn prose_reading(quantity: &Quantity, tolerance: f64) -> Reading {
    const BOUND_REACH: f64 = 1.5;
    let mut reading = quantity.reading(tolerance);
    match quantity.qualifier {
        Some(Qualifier::Over | Qualifier::AtLeast)
            if reading.set.lo > 0.0 && reading.set.hi.is_infinite() =>
        {
            let reach = reading.set.lo * BOUND_REACH;
            reading.set.hi = reach;
            reading.strict.hi = reach;
        }
        Some(Qualifier::Under | Qualifier::AtMost)
            if reading.set.hi > 0.0 && reading.set.hi.is_finite() && reading.set.lo <= 0.0 =>
        {
            let reach = reading.set.hi / BOUND_REACH;
            reading.set.lo = reach;
            reading.strict.lo = reach;
        }
        _ => {}
    }
    reading
}

/// A range's two ends, each as if written alone.
pub(crate) fn range_end_quantities(quantity: &Quantity) -> Option<(Quantity, Quantity)> {
    let high = quantity.high?;
    let low = Quantity {
        high: None,
        ..quantity.clone()
    };
    let high = Quantity {
        low: high,
        high: None,
        ..quantity.clone()
    };
    Some((low, high))
}

/// The readings of a range's two ends, each as if written alone.
pub(crate) fn range_ends(quantity: &Quantity, tolerance: f64) -> Option<(Reading, Reading)> {
    let (low, high) = range_end_quantities(quantity)?;
    Some((
        prose_reading(&low, tolerance),
        prose_reading(&high, tolerance),
    ))
}

#[cfg(test)]
mod tests {
    use super::{Years, block_year};

    #[test]
    fn a_label_or_a_heading_of_a_year_sets_the_block_in_it() {
        assert_eq!(
            block_year("", "2021 — A busy year. It wrote 64."),
            Some("2021")
        );
        assert_eq!(block_year("", "2013: 3,866 patents"), Some("2013"));
        assert_eq!(block_year("", "2021年：美国发表64篇"), Some("2021"));
        assert_eq!(block_year("2024", "The index averaged 58."), Some("2024"));
        assert_eq!(
            block_year("2024: the year of agents", "It averaged 58."),
            Some("2024")
        );
        // A paragraph's label outranks the heading's.
        assert_eq!(block_year("2024", "2021 — It wrote 64."), Some("2021"));
        // A year the sentence goes on from is no label, nor a heading that
        // is a title, nor a number that is no year.
        assert_eq!(block_year("", "2021 was a busy year; it wrote 64."), None);
        assert_eq!(block_year("", "In 2021 it wrote 64."), None);
        assert_eq!(block_year("2025 in review", "It averaged 58."), None);
        assert_eq!(block_year("", "3,866 — patents"), None);
        assert_eq!(block_year("", "20215 — codes"), None);
    }

    fn years(sentence: &str) -> Vec<String> {
        Years::of(sentence).named().map(str::to_owned).collect()
    }

    #[test]
    fn years_in_four_digits_or_after_an_eliding_apostrophe() {
        assert_eq!(years("In 2025, up from 1998."), ["2025", "1998"]);
        assert_eq!(years("20% (Feb '25) and 31% in ’98."), ["2025", "1998"]);
        // A quote's apostrophes, a possessive and longer runs are no years.
        assert!(years("She said '25' and China's 25, not 20251 or '250.").is_empty());
    }

    #[test]
    fn a_year_before_an_arrow_dates_the_start_of_the_change() {
        let sentence = "Terminal-Bench: 20% (Feb '25) → 77.3%.";
        let years = Years::of(sentence);
        let at = |text: &str| sentence.find(text).unwrap();
        let first = years.pinned(sentence, at("20%"), at("20%") + 3);
        assert_eq!(first.map(|pin| pin.year), Some("2025"));
        let second = years.pinned(sentence, at("77.3%"), at("77.3%") + 5);
        assert!(second.is_none());
    }
}

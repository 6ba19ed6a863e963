//! What a number of prose says against the facts its words link it to.
//!
//! The linker ([`crate::link`]) ranks the facts by the words around the
//! number; here the hard constraints (unit, and a period written beside the
//! number) rule candidates out, and the value decides between backed,
//! contradicted and unsourced. The value never chooses the fact: it is
//! compared only with the facts the words rank (nearly) best.

use super::{LinkCandidate, LinkEvidence};
use crate::interval::Interval;
use crate::link::{Linker, NameScore, Scores, SentenceTerms};
use crate::quantity::{Qualifier, Quantity, Reading, Unit};
use crate::store::{NameKind, Store, Sym};

/// How a number stands against the facts its words link it to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Judgement {
    /// These facts agree with it, best linked first.
    Backed(Vec<u32>),
    /// The words link it clearly to these facts, and none agrees.
    Contradicted(Vec<u32>),
    /// A ratio, change or difference of two linked facts: it agrees, or it
    /// does not and the link is clear.
    Derived(super::derive::Derivation),
    Unsourced,
}

/// A fact the words around a number may speak of.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub fact: u32,
    pub rank: f32,
    pub subject: NameScore,
    pub metric: NameScore,
    /// The fact's reading shares values with the number's (a bound fact:
    /// implies it).
    pub agrees: bool,
    /// The fact's reading leaves room for the number.
    pub allows: bool,
    /// ... without the approximation tolerance of either side.
    pub exact: bool,
    /// For a draft, the share of the words around the number its quote
    /// holds ([`crate::link::Scores::held_by`]); 1 for a named fact.
    pub held: f32,
}

/// How much the subject's words count beside the metric's.
const SUBJECT_WEIGHT: f32 = 0.6;
/// What a fact of the store's default subject ("World") scores where the
/// sentence's words do not name it: as a subject named a few words away.
const DEFAULT_SUBJECT: NameScore = NameScore::assumed(1.0, 0.35);
/// What the subject of a metric only one subject has scores, unless the
/// sentence names another subject about as near the number.
const IMPLIED_SUBJECT: NameScore = NameScore::assumed(1.0, 0.35);
/// What a rank or an edition scores for an ordinal ("ranks only 21st"):
/// as a metric named in full a few words away.
const POSITION: NameScore = NameScore::assumed(1.0, 0.5);
/// Added for a fact whose period the sentence names.
const PERIOD_BONUS: f32 = 0.15;
/// A candidate ranked at least this share of the best is linked as well as
/// the best: the value may pick among them.
const COMPARABLE: f32 = 0.7;
/// The least share of a metric's name that backs a number whose subject
/// the sentence does not name: below it, a value that happens to agree is
/// all there is ("52 percent of students want AI taught in school" is no
/// share of students using AI for school tasks, about 50%).
const BACKING_COVERAGE: f32 = 0.3;
/// A contradiction needs the best pair of names to lead every other by
/// this factor, and no fact within [`AGREEING`] of it to agree.
pub(crate) const MARGIN: f32 = 1.25;
const AGREEING: f32 = 0.5;
/// Share of a name's weight that makes its evidence clear, and the
/// strength its words near the number must have.
const CLEAR: f32 = 0.6;
const CLEAR_STRENGTH: f32 = 0.35;
/// The strength enough for a metric whose subject stands within a few
/// words of the number (its nearness at least [`SUBJECT_BESIDE`]).
const CLEAR_STRENGTH_BESIDE: f32 = 0.25;
const SUBJECT_BESIDE: f32 = 0.6;
/// The same for a metric that stands for its subject as well.
const IMPLIED_CLEAR: f32 = 0.8;
/// A subject named this fully, with no more facts than `FEW_FACTS` (a
/// country has hundreds), brings its metrics into the candidates.
const FULLY_NAMED: f32 = 0.999;
const FEW_FACTS: usize = 12;
/// What a draft's quote, weighed by nearness to its value, must share with
/// the words around a number to contradict it: less of the quote than of a
/// name (a quote is a whole sentence), and as much again the other way
/// ([`Candidate::held`]), so that a quote on another model's parameters
/// is not the one a sentence naming its own model restates.
const QUOTE_CLEAR: f32 = 0.4;
const QUOTE_STRENGTH: f32 = 0.3;
const QUOTE_HELD: f32 = 0.3;
const IMPLIED_STRENGTH: f32 = 0.55;

/// The years written in a sentence, with where they stand.
#[derive(Debug, Default)]
pub(crate) struct Years {
    found: Vec<(usize, usize)>,
}

impl Years {
    pub(crate) fn of(sentence: &str) -> Years {
        let bytes = sentence.as_bytes();
        let mut found = Vec::new();
        let mut i = 0;
        while i + 4 <= bytes.len() {
            // Most bytes start no year: the first digit alone rules them out
            // before the boundaries are looked at.
            if !matches!(bytes[i], b'1' | b'2') {
                i += 1;
                continue;
            }
            let word = &bytes[i..i + 4];
            let boundary_before = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
            let boundary_after = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_alphanumeric());
            if boundary_before
                && boundary_after
                && word.iter().all(u8::is_ascii_digit)
                && (word.starts_with(b"19") || word.starts_with(b"20"))
            {
                found.push((i, i + 4));
                i += 4;
            } else {
                i += 1;
            }
        }
        Years { found }
    }

    /// The year written right beside the number at `start..end` ("100 (in
    /// 2024)", "89% since 2017", "notable 2025 models"): the fact must be of it.
    pub(crate) fn pinned<'s>(
        &self,
        sentence: &'s str,
        start: usize,
        end: usize,
    ) -> Option<Pin<'s>> {
        const NEAR: usize = 12;
        self.found
            .iter()
            .filter_map(|&(s, e)| {
                // On a tie the year after the number wins: "from 15 in
                // 2024 to 28 in 2025".
                let gap = if e <= start {
                    start - e + 1
                } else if s >= end {
                    s - end
                } else {
                    return None;
                };
                (gap <= NEAR).then_some((gap, s, e))
            })
            .min()
            .map(|(_, s, e)| Pin {
                year: &sentence[s..e],
                since: s >= end && {
                    let before = sentence[..s].trim_end();
                    before.ends_with(" since") || before.ends_with(" from")
                },
            })
    }

    fn named<'a>(&'a self, sentence: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.found.iter().map(move |&(s, e)| &sentence[s..e])
    }
}

/// The year written beside a number.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pin<'a> {
    pub year: &'a str,
    /// "rose 32% from 2024", "up 9% since 2023": the year the change is
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
fn latest_year(period: &str) -> Option<u32> {
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
    /// Where the word right after the number starts, if a space is all
    /// that parts them.
    pub next_word: Option<usize>,
    /// "12 million people": a bare number with a noun right after it
    /// counts that noun, so no measure (water in kiloliters) is what it
    /// states.
    pub counts_a_noun: bool,
    /// "24th", "ninth": a position, of a rank or an edition only.
    pub ordinal: bool,
    /// The whole of "N of M models shipped without code": the words after
    /// it say what the part is, and seldom which whole.
    pub whole: bool,
    /// The end of "from 233 to 362" whose start was backed by a fact of
    /// this (subject, metric): the sentence has named it once for both.
    pub change_of: Option<(Sym, Sym)>,
    /// The numbers of the sentence, this one at `which`.
    pub neighbours: &'a [super::scan::Mention],
    pub which: usize,
}

impl Number<'_> {
    /// Whether the number, at `start..end` of its sentence, follows "from"
    /// (or the Chinese 从 of "从233起增加到362起").
    pub(crate) fn after_from(sentence: &str, start: usize) -> bool {
        let before = sentence[..start].trim_end();
        // Most numbers have no "from" anywhere near: a look at the last
        // few dozen bytes spares the qualifiers' comparisons.
        let near = before.len().saturating_sub(40);
        let tail = &before.as_bytes()[near..];
        if !tail.windows(4).any(|w| w.eq_ignore_ascii_case(b"from")) && !before.contains('从') {
            return false;
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
                word.eq_ignore_ascii_case("points") || word.eq_ignore_ascii_case("point")
            })
    }

    /// "77% of new AI PhDs": a percentage of something is a share of it.
    pub(crate) fn states_a_share(&self) -> bool {
        self.quantity.unit == Unit::Percent
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

/// Ranks the facts the number's words link it to, best first, within the
/// hard constraints of unit and period.
pub(crate) fn candidates(
    store: &Store,
    linker: &Linker,
    readings: &[Reading],
    scores: &Scores<'_, '_>,
    terms: &SentenceTerms,
    number: &Number<'_>,
    for_derivation: bool,
) -> Vec<Candidate> {
    let mut subjects: Vec<(Sym, NameScore)> = Vec::new();
    let mut read: Vec<(Sym, NameScore)> = Vec::new();
    let mut out = Vec::new();
    // How near the number the nearest subject the sentence names stands,
    // other than one whose words are the metric's own ("SWE-bench" in
    // "SWE-bench Verified performance") or one only touched on ("leading" of
    // "Leading models" beside "leading chips").
    // The subjects' scores are the number's, read once for all metrics.
    // The same scores are read for the facts' subjects: one list serves both.
    let mut named_subjects: Option<Vec<(Sym, NameScore)>> = None;
    let mut another_subject_near = |metric: Sym, implied: Sym, read: &mut Vec<(Sym, NameScore)>| {
        named_subjects
            .get_or_insert_with(|| {
                linker
                    .subjects_named(terms)
                    .map(|s| (s, read_subject(read, scores, s)))
                    .collect()
            })
            .iter()
            // The scores first: a comparison is cheaper than the lookups.
            .filter(|(_, score)| score.own >= CLEAR && score.nearness >= IMPLIED_SUBJECT.nearness)
            .filter(|(s, _)| !linker.name_within(*s, metric))
            // "US congressional hearings" names the United States by a word
            // of "US Congress", the subject the metric implies.
            .any(|(s, _)| linker.named_apart_from(terms, *s, NameKind::Subject, implied))
    };
    // An ordinal says by itself that it is a position: the ranks and
    // editions of the subjects the sentence names are candidates, their
    // metric named or not ("the ninth AI Index").
    let mut metrics: Vec<Sym> = linker.metrics_named(terms).collect();
    // The start of the change named the metric for its end as well.
    if let Some((_, metric)) = number.change_of
        && !metrics.contains(&metric)
    {
        metrics.push(metric);
    }
    if number.ordinal {
        for subject in linker.subjects_named(terms) {
            for &f in store.facts_of_subject(subject) {
                let metric = store.fact(f).metric;
                if !metrics.contains(&metric) {
                    metrics.push(metric);
                }
            }
        }
        metrics.retain(|&m| linker.is_position(m));
    } else {
        // A subject of few facts named in full speaks of its metrics, named
        // or not: "the mean Foundation Model Transparency Index score" is
        // the index's average score, however little of "average score" the
        // sentence holds. With the metric unnamed, such a link is not clear:
        // it backs a number, and contradicts one only as the end of a
        // change whose start it backed.
        for subject in linker.subjects_named_in_full(terms) {
            let facts = store.facts_of_subject(subject);
            if facts.len() > FEW_FACTS {
                continue;
            }
            for &f in facts {
                let metric = store.fact(f).metric;
                if !metrics.contains(&metric) {
                    metrics.push(metric);
                }
            }
        }
    }
    // "differ by 50 points": prose drops "percentage" before "points".
    let counts_points = number.counts_points();
    let states_a_share = !for_derivation && number.states_a_share();
    let states_growth = super::derive::states_growth(number);
    for metric in metrics {
        if states_a_share && linker.is_change(metric) {
            continue;
        }
        // "more than doubled" is a growth of over 100%.
        let growth_as_ratio = states_growth && linker.is_change(metric);
        // Scored on first need: the unit and period rule out every fact
        // of many a metric, and the score costs more than those checks.
        let mut metric_score = None;
        let mut metric_holds = None;
        // The same for the nearest other subject, asked for every year of
        // a metric of one subject.
        let mut nearest = None;
        let facts = store.facts_of_metric(metric);
        // A metric only one subject has implies its subject: "organizational
        // adoption" is of the surveyed organizations, named or not.
        let implied = facts
            .split_first()
            .filter(|(first, rest)| {
                let subject = store.fact(**first).subject;
                rest.iter().all(|&f| store.fact(f).subject == subject)
            })
            .is_some();
        for &f in facts {
            let fact = store.fact(f);
            // A derivation relates two amounts over two periods, whatever
            // the unit and the year beside the number.
            let as_ratio = growth_as_ratio && fact.value.unit == Unit::Percent;
            let unit_fits = backs(&number.quantity.unit, &fact.value.unit)
                || (counts_points && fact.value.unit == Unit::PercentagePoints)
                || as_ratio;
            if !for_derivation
                && (!unit_fits
                    || (number.counts_a_noun && matches!(fact.value.unit, Unit::Measure(_))))
            {
                continue;
            }
            let period = fact.period.map(|p| store.str(p));
            if let (false, Some(pin), Some(period)) = (for_derivation, number.pinned, period)
                && !pin.admits(period)
            {
                continue;
            }
            let subject = match subjects.iter().find(|(s, _)| *s == fact.subject) {
                Some(&(_, score)) => score,
                None => {
                    // The words' own score, kept apart: a metric of one
                    // subject (not kept in `subjects`) has a fact per year,
                    // each asking for it again.
                    let mut score = read_subject(&mut read, scores, fact.subject);
                    // A metric implies its one subject unless the sentence
                    // names another near the number ("Chinese companies reached 88%
                    // adoption" is not the surveyed organizations' 88%).
                    if implied
                        && !*nearest.get_or_insert_with(|| {
                            another_subject_near(metric, fact.subject, &mut read)
                        })
                    {
                        score = score.at_least(IMPLIED_SUBJECT);
                    } else if store.is_default_subject(fact.subject) {
                        score = score.at_least(DEFAULT_SUBJECT);
                    }
                    if !implied {
                        subjects.push((fact.subject, score));
                    }
                    score
                }
            };
            let metric_score = *metric_score.get_or_insert_with(|| {
                let read = scores.name(NameKind::Metric, metric);
                // The ordinal names its position metric, as a metric only
                // one subject has names its subject.
                if number.ordinal {
                    read.at_least(POSITION)
                } else {
                    read
                }
            });
            // The paragraph before tells which index "the index" is; the
            // sentence itself must name the subject or the metric.
            if subject.nearness <= 0.0 || (subject.own <= 0.0 && metric_score.own <= 0.0) {
                continue;
            }
            let named_period =
                period.is_some_and(|p| number.years.named(number.sentence).any(|y| p.contains(y)));
            let rank = metric_score.strength
                + SUBJECT_WEIGHT * subject.nearness
                + if named_period { PERIOD_BONUS } else { 0.0 };
            let ratio;
            let reading = if as_ratio {
                ratio = growth_as_ratio_reading(&readings[f as usize]);
                &ratio
            } else {
                &readings[f as usize]
            };
            // A fact that only bounds the value ("over 60%") backs what it
            // implies ("more than half"), as in `check`; a number it merely
            // allows ("99%") it neither backs nor contradicts.
            let (agrees, allows) = if reading.set.is_bounded() {
                let agrees = shares_values(&reading.set, &number.reading.set);
                (agrees, agrees)
            } else {
                (
                    number.as_written.includes(&reading.set),
                    shares_values(&reading.set, &number.reading.set),
                )
            };
            let held = if fact.draft {
                *metric_holds.get_or_insert_with(|| scores.held_by(metric_score))
            } else {
                1.0
            };
            out.push(Candidate {
                held,
                fact: f,
                rank,
                subject,
                metric: metric_score,
                agrees,
                allows,
                exact: agrees && shares_values(&reading.strict, &number.reading.strict),
            });
        }
    }
    if !for_derivation && !number.starts_change && number.years.found.is_empty() {
        keep_latest(store, &mut out);
    }
    out.sort_unstable_by(|a, b| b.rank.total_cmp(&a.rank).then(a.fact.cmp(&b.fact)));
    out
}

/// A growth of g% as the ratio it makes, 1 + g/100: "tripled" is a growth
/// of 200%.
fn growth_as_ratio_reading(growth: &Reading) -> Reading {
    let ratio = |i: &Interval| i.scale(0.01).shift(1.0);
    Reading {
        set: ratio(&growth.set),
        strict: ratio(&growth.strict),
        central: growth.central.map(|c| 1.0 + c / 100.0),
    }
}

/// The words' score of a subject for this number, read once: `read` keeps
/// the scores read so far.
fn read_subject(
    read: &mut Vec<(Sym, NameScore)>,
    scores: &Scores<'_, '_>,
    subject: Sym,
) -> NameScore {
    if let Some(&(_, score)) = read.iter().find(|(s, _)| *s == subject) {
        return score;
    }
    let score = scores.name(NameKind::Subject, subject);
    read.push((subject, score));
    score
}

/// A sentence that names no year speaks of the present: of a subject and
/// metric with facts for several years, only the latest answers it
/// ("adoption stands at 78%" is 2024's figure, not 2025's 88%). The first
/// value of a change ("from 233") is the exception.
fn keep_latest(store: &Store, candidates: &mut Vec<Candidate>) {
    let year = |f: u32| {
        store
            .fact(f)
            .period
            .map_or(0, |p| latest_year(store.str(p)).unwrap_or(0))
    };
    let pair = |f: u32| (store.fact(f).subject, store.fact(f).metric);
    let latest: Vec<((Sym, Sym), u32)> = {
        let mut seen: Vec<((Sym, Sym), u32)> = Vec::new();
        for c in candidates.iter() {
            let (key, y) = (pair(c.fact), year(c.fact));
            match seen.iter_mut().find(|(k, _)| *k == key) {
                Some((_, best)) => *best = (*best).max(y),
                None => seen.push((key, y)),
            }
        }
        seen
    };
    candidates.retain(|c| {
        let key = pair(c.fact);
        latest
            .iter()
            .find(|(k, _)| *k == key)
            .is_none_or(|&(_, y)| year(c.fact) >= y)
    });
}

/// Decides from the ranked candidates.
pub(crate) fn judge(
    store: &Store,
    linker: &Linker,
    terms: &SentenceTerms,
    scores: &Scores<'_, '_>,
    candidates: &[Candidate],
    number: &Number<'_>,
) -> Judgement {
    let unit = &number.quantity.unit;
    let Some(top) = candidates.first() else {
        return Judgement::Unsourced;
    };
    let mut backing: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.agrees && c.rank >= COMPARABLE * top.rank)
        .filter(|c| {
            let fact = store.fact(c.fact);
            c.subject.is_read()
                || c.metric.coverage >= BACKING_COVERAGE
                || number.change_of == Some((fact.subject, fact.metric))
        })
        .collect();
    if !backing.is_empty() {
        // An exact fit beats one through a tolerance: 29.6 GW is the fact
        // of 29.6 GW, not the one "about 31 GW".
        backing.sort_by(|a, b| b.exact.cmp(&a.exact).then(b.rank.total_cmp(&a.rank)));
        return Judgement::Backed(backing.iter().take(3).map(|c| c.fact).collect());
    }
    // Clear evidence: most of the metric's weight in the sentence, much of
    // it near the number, and the subject named too, or implied by a metric
    // named in full.
    let pair = |c: &Candidate| {
        let fact = store.fact(c.fact);
        (fact.subject, fact.metric)
    };
    // The start of "from 233 to 362" was linked to a (subject, metric):
    // that settles the end's link and what else it could be.
    let settled = number.change_of == Some(pair(top));
    let clear = if store.fact(top.fact).draft {
        quote_clearly_linked(top)
    } else {
        clearly_linked(top) || settled
    };
    // The lead is measured on what tells the two apart: the subject's
    // words when they share the metric, the metric's when they share the
    // subject ("the US released 50, China 30": both are notable models).
    // A runner-up that states the same value (the same number in another
    // chapter, or under another name) leaves no doubt about what is expected.
    let leads = settled
        || candidates
            .iter()
            .find(|c| pair(c) != pair(top) && readings_differ(store, c.fact, top.fact))
            .is_none_or(|runner| {
                let (top_pair, runner_pair) = (pair(top), pair(runner));
                if top_pair.1 == runner_pair.1 {
                    top.subject.nearness >= MARGIN * runner.subject.nearness
                } else if top_pair.0 == runner_pair.0 {
                    let full = |m: &NameScore| m.strength * m.coverage;
                    // Both named in full: the name that says more is the
                    // one meant ("regularly used generative AI in at least
                    // one business function" holds "used AI in at least one
                    // business function" too).
                    let whole = |m: &NameScore| m.coverage >= FULLY_NAMED;
                    // ... and a name that holds less of the sentence than
                    // the runner-up's leaves out what the sentence says:
                    // "generative AI drew $33.9 billion of private
                    // investment worldwide" is no total of private AI
                    // investment worldwide.
                    (full(&top.metric) >= MARGIN * full(&runner.metric)
                        && scores.held_by(top.metric) >= scores.held_by(runner.metric))
                        || (whole(&top.metric)
                            && whole(&runner.metric)
                            && top.metric.strength > runner.metric.strength)
                } else {
                    // A subject named beside the number, its metric named
                    // in the main, against one only assumed: "private AI
                    // investment in China grew 40%" is China's growth, not
                    // the world's.
                    let named_beside = |s: &NameScore| {
                        s.is_read() && s.own >= CLEAR && s.nearness >= SUBJECT_BESIDE
                    };
                    let metric_named =
                        top.metric.coverage >= CLEAR && top.metric.strength >= CLEAR_STRENGTH;
                    (named_beside(&top.subject) && metric_named && !runner.subject.is_read())
                        || top.rank >= MARGIN * runner.rank
                }
            });
    let none_agrees = !candidates
        .iter()
        .filter(|c| !settled || pair(c) == pair(top))
        .any(|c| c.allows && c.rank >= AGREEING * top.rank);
    let top_unit = &store.fact(top.fact).value.unit;
    let same_kind = strictly_compatible(unit, top_unit)
        || (*top_unit == Unit::Percent
            && super::derive::states_growth(number)
            && linker.is_change(store.fact(top.fact).metric));
    if clear
        && leads
        && none_agrees
        && same_kind
        && !number.starts_change
        && !number.whole
        && counts_what_the_fact_counts(store, linker, terms, top.fact, number)
        && !stated_by_a_neighbour(store, top.fact, number)
    {
        let of_pair: Vec<&Candidate> = candidates.iter().filter(|c| pair(c) == pair(top)).collect();
        // Of a figure given for many years, those of the years the sentence names.
        let named = |c: &Candidate| {
            store.fact(c.fact).period.is_some_and(|p| {
                number
                    .years
                    .named(number.sentence)
                    .any(|y| store.str(p).contains(y))
            })
        };
        let facts = if of_pair.iter().any(|c| named(c)) {
            of_pair
                .iter()
                .filter(|c| named(c))
                .take(3)
                .map(|c| c.fact)
                .collect()
        } else {
            of_pair.iter().take(3).map(|c| c.fact).collect()
        };
        return Judgement::Contradicted(facts);
    }
    Judgement::Unsourced
}

fn readings_differ(store: &Store, a: u32, b: u32) -> bool {
    let (a, b) = (&store.fact(a).value, &store.fact(b).value);
    a.reading(0.0).strict != b.reading(0.0).strict || a.qualifier != b.qualifier
}

/// Whether the words name a derivation's metric in full, and its subjects:
/// a derived value is wrong only when what it derives from is certain.
pub(crate) fn fully_linked(top: &Candidate) -> bool {
    top.metric.coverage >= 0.999 && top.subject.is_read() && top.subject.coverage >= CLEAR
}

/// Whether the best candidate's words name its metric, and its subject,
/// clearly enough to say its value is wrong.
pub(crate) fn clearly_linked(top: &Candidate) -> bool {
    // A subject named right beside the number lets the paragraph name the
    // metric: "Among companies, OpenAI led with 19 models" after a
    // sentence on notable models.
    let subject_beside =
        top.subject.is_read() && top.subject.own >= CLEAR && top.subject.nearness >= SUBJECT_BESIDE;
    let metric_clear = top.metric.coverage >= CLEAR
        && (top.metric.strength >= CLEAR_STRENGTH
            || (subject_beside && top.metric.strength >= CLEAR_STRENGTH_BESIDE));
    let subject_clear = if top.subject.is_read() {
        top.subject.coverage >= CLEAR
    } else {
        top.metric.coverage >= IMPLIED_CLEAR && top.metric.strength >= IMPLIED_STRENGTH
    };
    metric_clear && subject_clear
}

/// Whether the words around the number restate a draft's quote around its
/// value: a harvested fact has no names, and its quote, weighted by
/// nearness to the value, is all there is to link to.
fn quote_clearly_linked(top: &Candidate) -> bool {
    top.metric.coverage >= QUOTE_CLEAR
        && top.metric.strength >= QUOTE_STRENGTH
        && top.held >= QUOTE_HELD
}

/// "89.4% in simulation but only 12% on real tasks": a fact that another
/// number of the sentence states is that number's, not this one's. The
/// other number must be able to state it: the "one" of "at least one
/// function" states no 71%.
fn stated_by_a_neighbour(store: &Store, fact: u32, number: &Number<'_>) -> bool {
    let value = &store.fact(fact).value;
    let reading = value.reading(0.0);
    number.neighbours.iter().enumerate().any(|(i, m)| {
        i != number.which
            && backs(&m.quantity.unit, &value.unit)
            && shares_values(&m.quantity.reading(0.0).set, &reading.set)
    })
}

/// "100 health systems", "50 points": the word right after a bare number
/// names what it counts. A fact whose names lack that word speaks of
/// something else, however well the rest of the sentence links it.
fn counts_what_the_fact_counts(
    store: &Store,
    linker: &Linker,
    terms: &SentenceTerms,
    fact: u32,
    number: &Number<'_>,
) -> bool {
    if number.quantity.unit != Unit::Bare || number.counts_points() {
        return true;
    }
    let Some(mut next) = number.next_word else {
        return true;
    };
    // A Chinese measure word stands between a number and what it counts:
    // 50个重要AI模型 counts models.
    if let Some(c) = number.sentence[next..]
        .chars()
        .next()
        .filter(|&c| "个项家起篇台名位所座款种件条部".contains(c))
    {
        next += c.len_utf8();
    }
    match terms.word_at(next) {
        None | Some(None) => true,
        Some(Some(mut found)) => {
            let fact = store.fact(fact);
            found.any(|term| {
                linker.name_holds(NameKind::Metric, fact.metric, term)
                    || linker.name_holds(NameKind::Subject, fact.subject, term)
            })
        }
    }
}

/// Whether a fact in `fact` units can back a number written in `stated`
/// units. Percentages, multiples and currencies are always written with a
/// sign or a word prose mode reads, so a bare number is none of them; it may
/// be a count, or a measure whose unit prose spells in words ("metric tons").
pub(crate) fn backs(stated: &Unit, fact: &Unit) -> bool {
    match (stated, fact) {
        (Unit::Bare, Unit::Bare | Unit::Noun(_) | Unit::Measure(_)) => true,
        // A fact with no unit (a table column whose schema gives none) may
        // be the measure prose names: "84.6 years" of life expectancy.
        (Unit::Measure(_) | Unit::Noun(_), Unit::Bare) => true,
        (Unit::Bare, _) | (_, Unit::Bare) => false,
        (a, b) => a.compatible(b),
    }
}

/// Overlap of more than a touching edge: intervals are widened by an ulp
/// for safe arithmetic, and "13%" must not be backed by a fact of 14%.
pub(crate) fn shares_values(a: &Interval, b: &Interval) -> bool {
    if !a.overlaps(b) {
        return false;
    }
    let lo = a.lo.max(b.lo);
    let hi = a.hi.min(b.hi);
    if !(lo.is_finite() && hi.is_finite()) {
        return true;
    }
    hi - lo > 1e-9 * lo.abs().max(hi.abs()).max(1.0)
        || (lo == hi && a.contains(lo) && b.contains(lo))
}

/// Units of the same kind: both counts, both percentages, the same currency,
/// the same dimension. Enough to say a value is wrong, not just different.
fn strictly_compatible(stated: &Unit, fact: &Unit) -> bool {
    match (stated, fact) {
        (Unit::Bare, Unit::Bare | Unit::Noun(_)) => true,
        (Unit::Bare, _) | (_, Unit::Bare) => false,
        (a, b) => a.compatible(b),
    }
}

/// The best few candidates in words, for the finding to carry.
pub(crate) fn explain(
    store: &Store,
    names: &[std::sync::OnceLock<String>],
    scores: &Scores<'_, '_>,
    number: &Number<'_>,
    candidates: &[Candidate],
    judgement: &Judgement,
) -> Vec<LinkCandidate> {
    const SHOWN: usize = 3;
    let Some(top) = candidates.first() else {
        return Vec::new();
    };
    let chosen: &[u32] = match judgement {
        Judgement::Backed(f) | Judgement::Contradicted(f) => f,
        Judgement::Derived(d) => &d.facts,
        Judgement::Unsourced => &[],
    };
    let mut shown: Vec<&Candidate> = chosen
        .iter()
        .filter_map(|f| candidates.iter().find(|c| c.fact == *f))
        .collect();
    for c in candidates {
        if shown.len() >= SHOWN {
            break;
        }
        if !shown.iter().any(|s| s.fact == c.fact) {
            shown.push(c);
        }
    }
    shown
        .into_iter()
        .map(|c| {
            let fact = store.fact(c.fact);
            // Made once per fact: a dense article names the same few
            // hundred facts for every number.
            let name = names.get(c.fact as usize).map_or_else(
                || candidate_name(store, c.fact),
                |once| once.get_or_init(|| candidate_name(store, c.fact)).clone(),
            );
            let evidence = |score: NameScore| {
                scores
                    .evidence(number.sentence, score)
                    .map(|e| LinkEvidence {
                        name: e.name,
                        coverage: two_decimals(score.coverage),
                        strength: two_decimals(score.strength),
                        words: e.words,
                        earlier: e.earlier,
                    })
            };
            let period = match (number.pinned, fact.period) {
                (Some(pin), Some(_)) => Some(format!("{}, written beside the number", pin.year)),
                (None, Some(p))
                    if number
                        .years
                        .named(number.sentence)
                        .any(|y| store.str(p).contains(y)) =>
                {
                    Some(format!("{}, named in the sentence", store.str(p)))
                }
                _ => None,
            };
            let why = match judgement {
                Judgement::Backed(f) if f.contains(&c.fact) => {
                    "agrees: backs the number".to_owned()
                }
                Judgement::Contradicted(f) if f.contains(&c.fact) => {
                    "linked clearly, ahead of every other fact, and its value disagrees".to_owned()
                }
                _ if c.rank < COMPARABLE * top.rank => format!(
                    "linked less well than the best ({:.2} against {:.2})",
                    c.rank, top.rank
                ),
                _ if !c.agrees => "its value disagrees".to_owned(),
                _ => "agrees, but another fact is linked as well".to_owned(),
            };
            LinkCandidate {
                fact: String::from(&*fact.id),
                name,
                score: two_decimals(c.rank),
                subject: if c.subject.is_read() {
                    evidence(c.subject)
                } else {
                    None
                },
                metric: evidence(c.metric),
                period,
                agrees: c.agrees,
                why,
            }
        })
        .collect()
}

/// A candidate fact as a finding names it: `subject · metric · period = value`.
pub(crate) fn candidate_name(store: &Store, f: u32) -> String {
    let fact = store.fact(f);
    let mut name = store.fact_name(fact);
    name.push_str(" = ");
    name.push_str(&fact.value.text);
    name
}

/// Scores are shown, and pinned by snapshots, to two decimals.
fn two_decimals(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

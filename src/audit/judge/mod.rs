//! What a number of prose says against the facts its words link it to.
//!
//! The linker ([`crate::link`]) ranks the facts by the words around the
//! number; here the hard constraints (unit, and a period written beside the
//! number) rule candidates out, and the value decides between backed,
//! contradicted and unsourced. The value never chooses the fact: it is
//! compared only with the facts the words rank (nearly) best.
//!
//! `number.rs` reads the number in its sentence (years, "from X to Y",
//! what follows it); `clarity.rs` says whether the words link it clearly
//! enough to contradict, and which runner-up is no rival; `elsewhere.rs`
//! knows what the sentence gives to another number or source; `explain.rs`
//! puts the candidates into words.

mod clarity;
mod elsewhere;
mod explain;
mod number;

pub(crate) use explain::explain;
use number::range_end_quantities;
pub(crate) use number::{Number, Years, block_year, prose_reading, range_ends};

use super::derive::Kind;
use crate::interval::Interval;
use crate::link::{Linker, NAMED_IN_FULL, NameScore, Scores, SentenceTerms};
use crate::quantity::{Quantity, Reading, Unit};
use crate::store::{NameKind, Store, Sym};

use elsewhere::{
    claimed_by_a_neighbour, compared_with, holds_another_numbers_subject, listed_with_its_metric,
    named_only_before, names_another_agent, restates_a_quoted_list, settled_by_its_list,
    stated_by_a_neighbour, subject_given_away, subject_held_by_a_later_number, swapped_metric,
    swapped_subject, traded_with_a_neighbour,
};
use number::{Era, latest_year};

pub(crate) use clarity::fully_linked;
use clarity::{
    clearly_linked, far_from, labelled_by_its_metric, quote_clearly_linked, says_less_than,
};

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
    /// Within the hard constraints of unit and period; a derivation's
    /// candidates need not be.
    fits: bool,
}

/// How much the subject's words count beside the metric's.
const SUBJECT_WEIGHT: f32 = 0.6;
/// What a fact of the store's default subject ("World") scores where the
/// sentence's words do not name it: as a subject named a few words away.
const DEFAULT_SUBJECT: NameScore = NameScore::assumed(1.0, 0.35);
/// What the subject of a metric only one subject has scores, unless the
/// sentence names another subject about as near the number.
const IMPLIED_SUBJECT: NameScore = NameScore::assumed(1.0, 0.35);
/// What the one subject a heading names scores for the sentences under it
/// that name none, in place of the store's default subject.
const HEADING_SUBJECT: NameScore = NameScore::assumed(1.0, 0.4);
/// What a rank or an edition scores for an ordinal ("ranks only 21st"):
/// as a metric named in full a few words away.
const POSITION: NameScore = NameScore::assumed(1.0, 0.5);
/// Added for a fact whose period the sentence names.
const PERIOD_BONUS: f32 = 0.15;
/// A candidate ranked at least this share of the best is linked as well as
/// the best: the value may pick among them.
const COMPARABLE: f32 = 0.7;
/// The share of a subject's words in the sentence that another number
/// pulls harder for the subject to be that number's ([`swapped_subject`]).
const CLAIMED_SHARE: f32 = 0.75;
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
/// The share of a metric's name that is clear beside such a subject.
const HELD_BESIDE: f32 = 0.45;
const SUBJECT_BESIDE: f32 = 0.6;
/// The same for a metric that stands for its subject as well.
const IMPLIED_CLEAR: f32 = 0.8;
/// How near a subject named in the sentence must stand to lead one only
/// assumed: within five words ("China's private investment in AI grew").
const SUBJECT_NAMED_NEAR: f32 = 0.5;
/// A subject named in full ([`Linker::subjects_named_in_full`]) with no
/// more facts than this (a country has hundreds) brings its metrics into
/// the candidates.
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
/// A subject half named is clear beside a metric named all but in full.
const HALF_A_NAME: f32 = 0.5;
const METRIC_IN_FULL: f32 = 0.9;

/// Ranks the facts the number's words link it to, best first, within the
/// hard constraints of unit and period, or all of them `for_derivation`
/// ([`within_constraints`] then gives the others from them).
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
    let truncated = number.quantity.truncated();
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
                    .subjects_owning(terms, CLEAR)
                    .map(|s| (s, read_subject(read, scores, s)))
                    .collect()
            })
            .iter()
            // The scores first: a comparison is cheaper than the lookups.
            .filter(|(_, score)| score.own >= CLEAR && score.nearness >= IMPLIED_SUBJECT.nearness)
            .filter(|(s, _)| !linker.name_within(*s, metric))
            // "US congressional hearings" names the United States by a word
            // of "US Congress", the subject the metric implies.
            .any(|(s, _)| {
                linker.named_apart_from(
                    terms,
                    (NameKind::Subject, *s),
                    (NameKind::Subject, implied),
                )
            })
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
    let states_a_share = number.states_a_share();
    let states_growth = super::derive::states_growth(number);
    let states_a_change = matches!(number.written_as, Some(Kind::Change { .. }));
    for metric in metrics {
        // "55% of organizations" is no change, and "rose 55%" is no level:
        // a level may only enter the change derived from two of its years.
        let kind_differs = if states_a_change {
            !linker.is_change(metric)
        } else {
            states_a_share && linker.is_change(metric)
        };
        if kind_differs && !for_derivation {
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
            let fits_unit =
                unit_fits && !(number.counts_a_noun && matches!(fact.value.unit, Unit::Measure(_)));
            if !fits_unit && !for_derivation {
                continue;
            }
            // "..., respectively": a subject listed for another number is
            // not this one's.
            if let Some((mine, listed)) = number.respective
                && fact.subject != mine
                && listed.contains(&fact.subject)
            {
                continue;
            }
            let period = fact.period.map(|p| store.str(p));
            let fits_period = match (number.pinned, period) {
                (Some(pin), Some(period)) => pin.admits(period),
                _ => true,
            };
            if !fits_period && !for_derivation {
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
                    // Under "## China" the world's figures are named
                    // ("globally"), not assumed.
                    let assumed_world =
                        store.is_default_subject(fact.subject) && terms.heading_subject().is_some();
                    if implied
                        && !assumed_world
                        && !*nearest.get_or_insert_with(|| {
                            another_subject_near(metric, fact.subject, &mut read)
                        })
                    {
                        score = score.at_least(IMPLIED_SUBJECT);
                    } else if terms.heading_subject() == Some(fact.subject)
                        && !*nearest.get_or_insert_with(|| {
                            another_subject_near(metric, fact.subject, &mut read)
                        })
                    {
                        // "## China" over "Private AI investment came to
                        // $12.4 billion": the section's subject, unless the
                        // sentence names another.
                        score = score.raised_to(HEADING_SUBJECT);
                    } else if store.is_default_subject(fact.subject) && !assumed_world {
                        score = score.at_least(DEFAULT_SUBJECT);
                    }
                    if !implied {
                        subjects.push((fact.subject, score));
                    }
                    score
                }
            };
            let metric_score = *metric_score.get_or_insert_with(|| {
                // "up 64%" says the "growth" of "growth in average deal
                // size" by its form.
                let read = if (states_a_change || growth_as_ratio) && linker.is_change(metric) {
                    scores.name_of_change(metric)
                } else {
                    scores.name(NameKind::Metric, metric)
                };
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
            // ... unless it points back at them: "That's up 130% on 2024's".
            if subject.nearness <= 0.0
                || (subject.own <= 0.0 && metric_score.own <= 0.0 && !number.points_back)
            {
                continue;
            }
            let named_period = period.is_some_and(|p| number.dating_years().any(|y| p.contains(y)));
            let rank = metric_score.strength
                + SUBJECT_WEIGHT * subject.nearness
                + if named_period { PERIOD_BONUS } else { 0.0 };
            let ratio;
            let magnitude;
            let reading = if as_ratio {
                ratio = growth_as_ratio_reading(&readings[f as usize]);
                &ratio
            } else if number.falls() && is_negative(&readings[f as usize]) {
                magnitude = negated(&readings[f as usize]);
                &magnitude
            } else if is_negative(&number.reading) && super::derive::draft_quoted_as_a_fall(fact) {
                // "−11%" for a quote's "declined 11%": the same fall.
                magnitude = negated(&readings[f as usize]);
                &magnitude
            } else {
                &readings[f as usize]
            };
            // A fact that only bounds the value ("over 60%") backs what it
            // implies ("more than half"), as in `check`; a number it merely
            // allows ("99%") it neither backs nor contradicts.
            let (agrees, allows) = if fact.value.high.is_some() && number.quantity.high.is_none() {
                // A range across many ("from 22% to 94% across models")
                // allows a value inside it, and states only its ends.
                let allows = shares_values(&reading.set, &number.reading.set);
                (allows && states_an_end(&fact.value, number), allows)
            } else if reading.set.is_bounded() {
                // "$285 billion" for $285.9 billion: digits cut off, not
                // rounded, as `check` reads them too (loosely).
                let agrees = shares_values(&reading.set, &number.reading.set)
                    || truncated.is_some_and(|t| {
                        number.quantity.may_be_cut_from(fact.value.last_digit())
                            && shares_values(&reading.set, &t)
                    });
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
                fits: fits_unit && fits_period && !kind_differs,
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
    if !for_derivation {
        keep_latest_unless_dated(store, number, &mut out);
    }
    out.sort_unstable_by(|a, b| b.rank.total_cmp(&a.rank).then(a.fact.cmp(&b.fact)));
    out
}

/// "between 11.8 and 19.2 severely harmful recommendations per 100 cases":
/// a range one end of which states a fact's value states the span the
/// store gives as two facts, the low and the high end of one subject's like
/// figures, and its other end must state the other. The pair's fact that
/// falls inside the span, at neither end, is the end stated wrong. A range
/// neither end of which states a fact hedges, and a fact inside it backs
/// it as before. Gives the facts inside the span, and whether the high end
/// is the one stated wrong.
fn range_end_stated_wrong(
    store: &Store,
    candidates: &[Candidate],
    number: &Number<'_>,
) -> Option<(Vec<u32>, bool)> {
    let (low, high) = number.ends.as_ref()?;
    let top = candidates.first()?;
    let linked: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.fits && c.rank >= COMPARABLE * top.rank)
        .collect();
    let value = |c: &Candidate| store.fact(c.fact).value.reading(0.0).set;
    let at = |end: &Reading| -> Vec<&Candidate> {
        linked
            .iter()
            .copied()
            .filter(|c| shares_values(&value(c), &end.set))
            .collect()
    };
    let (at_low, at_high) = (at(low), at(high));
    let (stated, high_wrong) = match (at_low.first(), at_high.first()) {
        (Some(stated), None) => (*stated, true),
        (None, Some(stated)) => (*stated, false),
        _ => return None,
    };
    let of_stated = store.fact(stated.fact);
    let inside: Vec<u32> = linked
        .iter()
        .filter(|c| {
            let fact = store.fact(c.fact);
            c.agrees
                && !at_low.iter().chain(&at_high).any(|e| e.fact == c.fact)
                && fact.subject == of_stated.subject
                && fact.metric != of_stated.metric
                && fact.period == of_stated.period
                && elsewhere::alike(store.str(fact.metric), store.str(of_stated.metric))
        })
        .map(|c| c.fact)
        .collect();
    let pair_linked = [stated.fact].iter().chain(&inside).any(|&f| f == top.fact);
    (!inside.is_empty() && pair_linked).then_some((inside, high_wrong))
}

/// The end of a range [`range_end_stated_wrong`] finds stated wrong, as
/// a claim of its own: the claim line an editor checks.
pub(crate) fn wrong_range_end(
    store: &Store,
    candidates: &[Candidate],
    number: &Number<'_>,
) -> Option<Quantity> {
    let (_, high_wrong) = range_end_stated_wrong(store, candidates, number)?;
    let (low, high) = range_end_quantities(number.quantity)?;
    Some(if high_wrong { high } else { low })
}

/// The candidates of `for_derivation` within the hard constraints, as
/// [`candidates`] would give them without: ranked the same, the same facts.
pub(crate) fn within_constraints(
    store: &Store,
    number: &Number<'_>,
    all: &[Candidate],
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = all.iter().filter(|c| c.fits).copied().collect();
    keep_latest_unless_dated(store, number, &mut out);
    out
}

fn keep_latest_unless_dated(store: &Store, number: &Number<'_>, out: &mut Vec<Candidate>) {
    if number.starts_change {
        return;
    }
    if number.dating_years().next().is_none() {
        let era = number.era();
        // A timeline's "2021 — ... wrote 64 of the top papers": the year
        // the paragraph is set in, where the figure has one, else the latest.
        if let Some(year) = number.block_year.filter(|_| era == Era::Latest) {
            keep_year(store, year, out);
        }
        keep_latest(store, out, era);
    } else if number.pinned.is_none()
        && let Some(year) = number.years.set_in_for(number.sentence, number.end)
    {
        keep_year(store, year, out);
    }
}

/// Of a figure given for many years, the year the sentence is set in: "7.8%
/// of job postings asked for AI skills in 2025" is 2025's figure, and
/// 2024's 7.8% does not back it.
fn keep_year(store: &Store, year: &str, candidates: &mut Vec<Candidate>) {
    let pair = |f: u32| (store.fact(f).subject, store.fact(f).metric);
    let of_year = |f: u32| {
        store
            .fact(f)
            .period
            .is_some_and(|p| store.str(p).contains(year))
    };
    let dated: Vec<(Sym, Sym)> = candidates
        .iter()
        .filter(|c| of_year(c.fact))
        .map(|c| pair(c.fact))
        .collect();
    candidates.retain(|c| of_year(c.fact) || !dated.contains(&pair(c.fact)));
}

/// Whether every value a fact allows is below zero: a fall.
pub(crate) fn is_negative(reading: &Reading) -> bool {
    reading.set.hi <= 0.0 && reading.set.lo < 0.0
}

/// A fall as the magnitude prose writes after "dropped".
fn negated(reading: &Reading) -> Reading {
    Reading {
        set: reading.set.scale(-1.0),
        strict: reading.strict.scale(-1.0),
        central: reading.central.map(|c| -c),
    }
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
/// ("adoption stands at 78%" is 2024's figure, not 2025's 88%), unless its
/// words say an earlier one ([`Era`]). The first value of a change ("from
/// 233") is the exception.
fn keep_latest(store: &Store, candidates: &mut Vec<Candidate>, era: Era) {
    // A fact of no year comes last.
    let year = |f: u32| {
        store
            .fact(f)
            .period
            .and_then(|p| latest_year(store.str(p)))
            .map_or(i64::MIN, i64::from)
    };
    let pair = |f: u32| (store.fact(f).subject, store.fact(f).metric);
    // Each pair's years, latest first.
    let mut years: Vec<((Sym, Sym), Vec<i64>)> = Vec::new();
    for c in candidates.iter() {
        let (key, y) = (pair(c.fact), year(c.fact));
        match years.iter_mut().find(|(k, _)| *k == key) {
            Some((_, of_pair)) => of_pair.push(y),
            None => years.push((key, vec![y])),
        }
    }
    let kept: Vec<((Sym, Sym), i64)> = years
        .into_iter()
        .map(|(key, mut of_pair)| {
            of_pair.sort_unstable_by(|a, b| b.cmp(a));
            of_pair.dedup();
            let dated = of_pair.iter().take_while(|&&y| y != i64::MIN).count();
            let at = match era {
                Era::Latest => 0,
                // The year before the latest, where the figure has one.
                Era::Earlier => 1.min(dated.saturating_sub(1)),
                Era::First => dated.saturating_sub(1),
            };
            (key, of_pair[at])
        })
        .collect();
    candidates.retain(|c| {
        let key = pair(c.fact);
        kept.iter()
            .find(|(k, _)| *k == key)
            .is_none_or(|&(_, y)| year(c.fact) == y)
    });
}

/// A harvested draft seldom knows its period, and is mostly of the years
/// its report is of: a number its sentence (or its paragraph's label) sets
/// in an earlier year is contradicted by an undated draft only where the
/// draft's quote names that year too. "China installed 20.8% of the new
/// robots" under "2013 —" is no wrong figure of a quote on the latest 54%.
fn undated_draft_of_another_year(
    store: &Store,
    linker: &Linker,
    fact: u32,
    number: &Number<'_>,
) -> bool {
    let fact = store.fact(fact);
    if !fact.draft || fact.period.is_some() {
        return false;
    }
    let quote = fact.quote.as_deref().unwrap_or_default();
    // The report's year and the one before are what its sentences mostly
    // speak of without saying so.
    let recent = |year: &str| {
        let year: Option<u32> = year.parse().ok();
        linker
            .report_year(fact.source)
            .zip(year)
            .is_some_and(|(report, year)| year + 1 >= report)
    };
    let mut years = number.dating_years().chain(number.block_year).peekable();
    years.peek().is_some() && !years.any(|year| quote.contains(year) || recent(year))
}

/// Whether the fact's metric is one only its subject has, so that naming
/// the metric names the subject.
fn implies_its_subject(store: &Store, fact: u32) -> bool {
    let fact = store.fact(fact);
    store
        .facts_of_metric(fact.metric)
        .iter()
        .all(|&f| store.fact(f).subject == fact.subject)
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
    if let Some((inside, _)) = range_end_stated_wrong(store, candidates, number) {
        return Judgement::Contradicted(inside);
    }
    // "CellFM models 100 million human cells with 800 million parameters":
    // a count is of the noun after it, and a fact of that noun may back it
    // however much better the sentence names another.
    let counts = |c: &&Candidate| counts_what_the_fact_counts(store, linker, terms, c.fact, number);
    let mut best_counting = None;
    // A best link whose value another number of the sentence states, and
    // this one does not, is that number's: the next link that no other
    // number states is this one's to agree with ("best model 50.6% vs
    // humans at 90.1%"), however far behind, and no lesser link beside it.
    let next_unstated = (!top.agrees
        && number.respective.is_none()
        && !number.starts_change
        && stated_by_a_neighbour(store, top.fact, number))
    .then(|| {
        candidates
            .iter()
            .find(|c| !stated_by_a_neighbour(store, c.fact, number))
    })
    .flatten()
    .map(|c| c.fact);
    // "More than 4,000": a bound holds of many a value, so one the best
    // link does not state is no sign that a lesser link is meant.
    // Drafts name no subject: their quotes say how near they are.
    let one_sided = !number.as_written.is_bounded() && !store.fact(top.fact).draft;
    // A list whose numbers before were linked to like figures of other
    // subjects, or of one subject under other names, settles this one.
    let by_list = (!number.starts_change)
        .then(|| settled_by_its_list(store, candidates, number.listed))
        .flatten();
    // "Citation shares: China 20.6%, Europe 11.1%": a list whose items
    // before were linked to the best link's metric for other subjects
    // settles this one on it, and another metric's figure that states the
    // value (Europe's share of papers, 11.1%) backs nothing.
    let list_settles_the_best = by_list.is_some_and(|c| c.fact == top.fact)
        && number.listed.iter().any(|&f| {
            let (listed, best) = (store.fact(f), store.fact(top.fact));
            listed.metric == best.metric && listed.subject != best.subject
        });
    let unsettled_by_the_list = |c: &Candidate| {
        list_settles_the_best && store.fact(c.fact).metric != store.fact(top.fact).metric
    };
    let mut backing: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| {
            c.agrees
                && !(one_sided && !top.agrees && !top.subject.is_read() && !c.subject.is_read())
                && (c.rank >= COMPARABLE * top.rank || next_unstated == Some(c.fact) || {
                    let best = *best_counting.get_or_insert_with(|| {
                        candidates.iter().find(counts).map_or(top.rank, |c| c.rank)
                    });
                    c.rank >= COMPARABLE * best && counts(c)
                })
        })
        .filter(|c| {
            let fact = store.fact(c.fact);
            // With its subject unnamed, a metric named in part backs no
            // number whose best link names another metric in full, and its
            // subject: "the share of new AI PhDs entering industry ...
            // roughly 56%" is no nonresident share of AI PhDs (55%). A best
            // link another number of the sentence states is that number's,
            // and outnames nothing.
            let outnamed = top.metric.coverage >= NAMED_IN_FULL
                && top.subject.coverage >= CLEAR
                && c.metric.coverage < CLEAR
                && c.metric.strength < CLEAR_STRENGTH
                && fact.metric != store.fact(top.fact).metric
                && !stated_by_a_neighbour(store, top.fact, number);
            c.subject.is_read()
                || (c.metric.coverage >= BACKING_COVERAGE && !outnamed)
                || number.change_of == Some((fact.subject, fact.metric))
        })
        .filter(|c| {
            !swapped_subject(store, scores, top, c)
                && !swapped_metric(store, linker, terms, scores, top, c)
                && !traded_with_a_neighbour(store, scores, top, c, number)
                && !named_only_before(store, top, c)
                && !compared_with(store, linker, terms, top, c, number)
                && !unsettled_by_the_list(c)
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
    // that settles the end's link and what else it could be. The end of
    // "rose to 5,505 from 3,538" settles its start's, however much better
    // other words of the sentence name another ("the number of"). So does
    // the list (`by_list` above).
    let by_quote = (!number.starts_change)
        .then(|| restates_a_quoted_list(store, linker, candidates, top, number))
        .flatten();
    // "105 software packages, 95 databases": the word right after a number
    // names what it counts, and a close runner-up whose name holds it is
    // the fact, where the best link's does not.
    let by_count = (!counts_what_the_fact_counts(store, linker, terms, top.fact, number))
        .then(|| {
            candidates.iter().find(|c| {
                c.rank >= COMPARABLE * top.rank
                    && counts_what_the_fact_counts(store, linker, terms, c.fact, number)
            })
        })
        .flatten();
    // "39% of countries show nonstate activity, but only 17% have
    // government programs": a best link whose value another number of the
    // sentence states is that number's; the next link in reach that no
    // other number states is this one's. Not where a link in reach states
    // this number's value: the two may have traded values.
    let in_reach = |c: &&Candidate| pair(c) != pair(top) && c.rank >= COMPARABLE * top.rank;
    let by_neighbour = (number.respective.is_none()
        && !number.starts_change
        && stated_by_a_neighbour(store, top.fact, number)
        && !candidates.iter().filter(in_reach).any(|c| c.allows))
    .then(|| {
        candidates
            .iter()
            .filter(in_reach)
            .find(|c| !stated_by_a_neighbour(store, c.fact, number))
    })
    .flatten();
    let top = number
        .change_of
        .filter(|_| number.earlier)
        .and_then(|settled| candidates.iter().find(|c| pair(c) == settled))
        .or(by_list)
        .or(by_quote)
        .or(by_count)
        .or(by_neighbour)
        .unwrap_or(top);
    let settled = number.change_of == Some(pair(top));
    let listed = by_list.is_some_and(|c| pair(c) == pair(top))
        || by_quote.is_some_and(|c| c.fact == top.fact);
    let clear = if store.fact(top.fact).draft {
        quote_clearly_linked(top)
    } else {
        clearly_linked(top)
            || settled
            || listed
            || listed_with_its_metric(store, linker, terms, top, number)
            || labelled_by_its_metric(scores, top, number)
    };
    // The lead is measured on what tells the two apart: the subject's
    // words when they share the metric, the metric's when they share the
    // subject ("the US released 50, China 30": both are notable models).
    // A runner-up that states the same value (the same number in another
    // chapter, or under another name) leaves no doubt about what is expected.
    let leads = settled
        || listed
        || candidates
            .iter()
            // A runner whose subject another number of the sentence holds
            // is that number's ("DeepSeek's query takes 23 Wh and GPT-5's
            // 12.9 Wh"), no rival of this one's.
            // Nor is one whose value another number of the sentence
            // states: "frontier mean 93% vs expert baseline 82.1%".
            .find(|c| {
                pair(c) != pair(top)
                    && readings_differ(store, c.fact, top.fact)
                    && !holds_another_numbers_subject(store, top, c)
                    && !stated_by_a_neighbour(store, c.fact, number)
            })
            .filter(|runner| !says_less_than(store, linker, terms, top, runner))
            // A metric named only in the paragraph before is no rival to
            // one the sentence names: the paragraph only breaks ties.
            .filter(|runner| runner.metric.own > 0.0 || top.metric.own <= 0.0)
            // Nor is a fact whose subject the words do not name and whose
            // metric they name only in part, against one named in full:
            // "OpenAI ... 投后估值约4000亿美元；Anthropic在F轮融资后的估值".
            // The best link's subject may be one its metric implies: "紧张
            // 情绪上升5个百分点" is the surveyed public's rise in nervousness,
            // not India's rise in excitement.
            .filter(|runner| {
                runner.subject.is_read()
                    || runner.metric.most_held >= CLEAR
                    || !((top.subject.is_read() || implies_its_subject(store, top.fact))
                        && top.metric.most_held >= NAMED_IN_FULL)
            })
            .is_none_or(|runner| {
                let (top_pair, runner_pair) = (pair(top), pair(runner));
                let full = |m: &NameScore| m.strength * m.coverage;
                // Two drafts not yet named are told apart by their quotes
                // alone: by the rank, or by the quote as two metrics of one
                // subject are.
                let unnamed = |c: &Candidate| store.str(store.fact(c.fact).subject).is_empty();
                if unnamed(top) && unnamed(runner) {
                    top.rank >= MARGIN * runner.rank
                        || (full(&top.metric) >= MARGIN * full(&runner.metric)
                            && scores.held_by(top.metric) >= scores.held_by(runner.metric))
                } else if top_pair.1 == runner_pair.1 {
                    top.subject.nearness >= MARGIN * runner.subject.nearness
                } else if top_pair.0 == runner_pair.0 {
                    // Both named in full: the name that says more is the
                    // one meant ("regularly used generative AI in at least
                    // one business function" holds "used AI in at least one
                    // business function" too).
                    let whole = |m: &NameScore| m.coverage >= NAMED_IN_FULL;
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
                        s.is_read() && s.own >= CLEAR && s.nearness >= SUBJECT_NAMED_NEAR
                    };
                    let metric_named =
                        top.metric.coverage >= CLEAR && top.metric.strength >= CLEAR_STRENGTH;
                    // A runner's subject read only from words of the best's
                    // ("US" of "US information sector") is not named, and
                    // one named far off no rival of one named beside: "-
                    // Privacy and data governance: 284" under a lead-in on
                    // the six conferences' papers is the topic's count.
                    let runner_named = || {
                        runner.subject.is_read()
                            && top.subject.nearness < MARGIN * runner.subject.nearness
                            && linker.named_apart_from(
                                terms,
                                (NameKind::Subject, runner_pair.0),
                                (NameKind::Subject, top_pair.0),
                            )
                    };
                    top.rank >= MARGIN * runner.rank
                        || (named_beside(&top.subject) && metric_named && !runner_named())
                }
            });
    // "Citation shares: China 20.6%, Europe 11.1%": the list settles what
    // its best link already was, and Europe's share of papers, 11.1%, is
    // no reading of it.
    let listed_as_best = listed && candidates.first().is_some_and(|c| c.fact == top.fact);
    let none_agrees = !candidates
        .iter()
        .filter(|c| !(settled || listed_as_best) || pair(c) == pair(top))
        // Nor is a swapped subject's value one to agree with: OpenAI's
        // revenue given as Anthropic's is wrong for OpenAI.
        .any(|c| {
            c.allows
                // A bound allows half the line: it agrees only if linked
                // nearly as well as the best ("over half" of US patents'
                // citations is no backing for "91% of them never cited").
                && c.rank
                    >= if store.fact(c.fact).value.reading(0.0).set.is_bounded() {
                        AGREEING
                    } else {
                        COMPARABLE
                    } * top.rank
                && !claimed_by_a_neighbour(store, c.fact, number)
                && !swapped_subject(store, scores, top, c)
                && !swapped_metric(store, linker, terms, scores, top, c)
                && !traded_with_a_neighbour(store, scores, top, c, number)
                && !named_only_before(store, top, c)
                && !compared_with(store, linker, terms, top, c, number)
        });
    // A number before that the best fact already judged states its value
    // rightly, and trades nothing with this one: "3,499 worldwide, 1,953
    // of them American" swaps no figures.
    let taken = number.listed.contains(&top.fact);
    let swapped = !taken
        && candidates.iter().any(|c| {
            c.agrees
                && (swapped_subject(store, scores, top, c)
                    || traded_with_a_neighbour(store, scores, top, c, number)
                    || compared_with(store, linker, terms, top, c, number))
        });
    let top_unit = &store.fact(top.fact).value.unit;
    let same_kind = strictly_compatible(unit, top_unit)
        || (*top_unit == Unit::Percent
            && super::derive::states_growth(number)
            && linker.is_change(store.fact(top.fact).metric));
    // "Across 25 countries surveyed by Pew": a subject only implied (the
    // store's one survey of countries) is not the one the sentence names
    // as its source, though the store does not know that name.
    let implied_against_an_agent = !top.subject.is_read() && {
        let fact = store.fact(top.fact);
        names_another_agent(
            number.sentence,
            &[store.str(fact.subject), store.str(fact.metric)],
        )
    };
    if clear
        && leads
        && none_agrees
        // "..., respectively" gave the number its subject, however near
        // the next number stands to its words.
        && (number
            .respective
            .is_some_and(|(mine, _)| store.fact(top.fact).subject == mine)
            || !(subject_given_away(store, linker, terms, top, candidates)
                || subject_held_by_a_later_number(store, linker, terms, top, number)))
        && !implied_against_an_agent
        && same_kind
        // "rose to 5,505 from 3,853": the earlier value of a pair the
        // number before settled is of the year before that pair's latest.
        && (!number.starts_change || (number.earlier && settled))
        && !number.whole
        && counts_what_the_fact_counts(store, linker, terms, top.fact, number)
        && !is_a_number_of_its_name(store, linker, top.fact, number)
        && !counts_from_another_year(store, top.fact, number)
        && !of_another_year_than_its_block(store, top.fact, number)
        && !undated_draft_of_another_year(store, linker, top.fact, number)
        && (top.subject.is_read()
            || !far_from(&store.fact(top.fact).value.reading(0.0), &number.reading))
        // "..., respectively" gives each number its subject: a neighbour
        // with this fact's value is another subject's, and stated wrong too.
        // So does a swap: the neighbour states this fact's value, and this
        // number the other subject's.
        && (number.respective.is_some()
            || swapped
            || number.starts_change
            || !stated_by_a_neighbour(store, top.fact, number))
    {
        let mut of_pair: Vec<&Candidate> =
            candidates.iter().filter(|c| pair(c) == pair(top)).collect();
        if number.starts_change {
            let year = |c: &&Candidate| {
                let period = store.fact(c.fact).period;
                period.and_then(|p| latest_year(store.str(p)))
            };
            let before_latest = of_pair.iter().filter_map(year).max().map(|y| y - 1);
            of_pair.retain(|c| {
                year(c).is_some()
                    && year(c) == before_latest
                    && !stated_by_a_neighbour(store, c.fact, number)
            });
            if of_pair.is_empty() {
                return Judgement::Unsourced;
            }
        }
        // Of a figure given for many years, those of the years the sentence names.
        // How far from the number the sentence names the fact's year, if
        // it does: "56% of organizations in 2024, while ... in 2025" is
        // 2024's, and only the facts of the nearest year are expected.
        let named_at = |c: &Candidate| {
            let period = store.str(store.fact(c.fact).period?);
            number
                .years
                .named_at()
                .filter(|&(_, year)| period.contains(year))
                .map(|((s, e), _)| s.abs_diff(number.end).min(e.abs_diff(number.start)))
                .min()
        };
        let facts = if of_pair.iter().any(|c| named_at(c).is_some()) {
            let named: Vec<(usize, u32)> = of_pair
                .iter()
                .filter_map(|c| Some((named_at(c)?, c.fact)))
                .collect();
            let nearest = named.iter().map(|&(distance, _)| distance).min();
            named
                .iter()
                .filter(|&&(distance, _)| Some(distance) == nearest)
                .take(3)
                .map(|&(_, f)| f)
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
        .filter(|&c| crate::quantity::is_measure_word(c))
    {
        next += c.len_utf8();
    }
    // "36,000 units", "a million items": a word that counts anything
    // names nothing.
    const ANY_THING: [&str; 6] = ["unit", "units", "item", "items", "piece", "pieces"];
    let word = number.sentence[next..]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    if ANY_THING.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return true;
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

/// The whole a fact's part is counted of, as its metric writes it
/// ("models released without training code (of 102)"), judged against the
/// whole of "Eighty of ninety-five notable models" whose part links to it:
/// the whole as written, and whether the number agrees with it.
pub(crate) fn whole_of_part(
    store: &Store,
    part: u32,
    number: &Number<'_>,
) -> Option<(String, bool)> {
    let metric = store.str(store.fact(part).metric);
    let (_, after) = metric.rsplit_once("(of ")?;
    let whole = after
        .split([' ', ')'])
        .next()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))?;
    let reading = crate::quantity::parse_quantity(whole).ok()?.reading(0.0);
    Some((
        whole.to_owned(),
        shares_values(&reading.set, &number.reading.set),
    ))
}

/// Whether a fact in `fact` units can back a number written in `stated`
/// units. Percentages, multiples and currencies are always written with a
/// sign or a word prose mode reads, so a bare number is none of them; it may
/// be a count, or a measure whose unit prose spells in words ("metric tons").
pub(crate) fn backs(stated: &Unit, fact: &Unit) -> bool {
    match (stated, fact) {
        (Unit::Bare, Unit::Bare | Unit::Noun(_) | Unit::Measure(_)) => true,
        // A fact with no unit (a table column whose schema gives none) may
        // be the measure prose names in the dimension's base unit ("84.6
        // metres"), or a count of the noun after the number. It is compared
        // in base units, so a measure written in another ("3 minutes", 180
        // seconds) is none of its: a count of 233 incidents took the 3
        // minutes, cut short, for its own.
        (Unit::Measure(m), Unit::Bare) => m.factor == 1.0,
        (Unit::Noun(_), Unit::Bare) => true,
        (Unit::Bare, _) | (_, Unit::Bare) => false,
        (a, b) => a.compatible(b),
    }
}

/// Whether the number is one the fact's name holds, with the word after it:
/// "projects with at least ten stars" restates "AI projects with at least
/// 10 stars" and states no count of projects.
fn is_a_number_of_its_name(store: &Store, linker: &Linker, fact: u32, number: &Number<'_>) -> bool {
    is_a_number_of_a_chinese_name(store, linker, fact, number)
        || is_a_number_of_an_english_name(store, fact, number)
}

/// "Six leading AI conferences", "AI projects with at least 10 stars":
/// the number and the word after it as the name writes them.
fn is_a_number_of_an_english_name(store: &Store, fact: u32, number: &Number<'_>) -> bool {
    let value = number.quantity.low.value();
    let Some(next) = number.next_word else {
        return false;
    };
    let next_word = number.sentence[next..]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    if number.quantity.unit != Unit::Bare || value.fract() != 0.0 || next_word.len() < 2 {
        return false;
    }
    let fact = store.fact(fact);
    [fact.subject, fact.metric].into_iter().any(|sym| {
        let name = store.str(sym);
        let mut words = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        while let Some(word) = words.next() {
            // "Six leading AI conferences" names its count in words.
            let named = word.parse::<f64>().ok().or_else(|| {
                crate::quantity::prose_quantity(word, false)
                    .filter(|(q, len)| *len == word.len() && q.unit == Unit::Bare)
                    .map(|(q, _)| q.low.value())
            });
            if named == Some(value) {
                return words
                    .next()
                    .is_some_and(|after| after.eq_ignore_ascii_case(next_word));
            }
        }
        false
    })
}

/// "peaked at 324.6 in 2022 and has since fallen by more than 90%" counts
/// a fall from 2022: a fact of the change "since 2017" is not what it
/// states, though it may be what it means. A sentence that names years,
/// but not the one a change is counted from, is no clear link to it.
/// Whether a sentence of a paragraph set in a year ("**2010** — AI made
/// less than 1% of natural-science papers") is judged by a fact of another
/// year, the store holding none of that year for the figure: it speaks of
/// its year, and another year's value is no sign it is wrong.
fn of_another_year_than_its_block(store: &Store, fact: u32, number: &Number<'_>) -> bool {
    let Some(year) = number.block_year else {
        return false;
    };
    number.dating_years().next().is_none()
        && store
            .fact(fact)
            .period
            .map(|p| store.str(p))
            .is_some_and(|p| !p.is_empty() && !p.contains(year))
}

fn counts_from_another_year(store: &Store, fact: u32, number: &Number<'_>) -> bool {
    let Some(period) = store.fact(fact).period.map(|p| store.str(p)) else {
        return false;
    };
    let Some(base) = period.strip_prefix("since ") else {
        return false;
    };
    !number.years.found.is_empty() && number.years.named().all(|y| !base.contains(y))
}

/// "10颗星以上的AI项目" writes the 10 of the alias 10星以上AI项目: the
/// digits stand in a name of the fact, with the same character after them
/// once a measure word (颗, 个) is passed.
fn is_a_number_of_a_chinese_name(
    store: &Store,
    linker: &Linker,
    fact: u32,
    number: &Number<'_>,
) -> bool {
    let digits = number.quantity.text.trim();
    let after = number.sentence[number.end..].trim_start();
    let mut chars = after.chars();
    let first = match chars.next() {
        Some(c) if crate::quantity::is_measure_word(c) => chars.next(),
        other => other,
    };
    let Some(first) = first.filter(|c| crate::link::words::is_cjk(*c)) else {
        return false;
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let fact = store.fact(fact);
    [
        (NameKind::Subject, fact.subject),
        (NameKind::Metric, fact.metric),
    ]
    .into_iter()
    .flat_map(|(kind, sym)| linker.written_forms(kind, sym))
    .any(|name| {
        name.match_indices(digits).any(|(at, _)| {
            let bounded_before = !name[..at].ends_with(|c: char| c.is_ascii_digit());
            bounded_before && name[at + digits.len()..].starts_with(first)
        })
    })
}

/// Whether the number states one end of a range fact ("as high as 94%" of
/// "from 22% to 94%"), each end read as its digits are written.
fn states_an_end(range: &Quantity, number: &Number<'_>) -> bool {
    let factor = range.unit.factor();
    std::iter::once(&range.low)
        .chain(&range.high)
        .any(|end| shares_values(&end.rounding(factor), &number.reading.set))
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

//! How clearly the words link a number to its best fact: enough to say its
//! value is wrong, and ahead of which runner-up.

use super::{
    CLEAR, CLEAR_STRENGTH, CLEAR_STRENGTH_BESIDE, Candidate, HALF_A_NAME, HELD_BESIDE,
    IMPLIED_CLEAR, IMPLIED_STRENGTH, METRIC_IN_FULL, Number, QUOTE_CLEAR, QUOTE_HELD,
    QUOTE_STRENGTH, SUBJECT_BESIDE,
};
use crate::link::{Linker, NAMED_IN_FULL, Scores, SentenceTerms};
use crate::quantity::Reading;
use crate::store::{NameKind, Store};

/// Whether the words name a derivation's metric in full, and its subjects:
/// a derived value is wrong only when what it derives from is certain.
pub(crate) fn fully_linked(top: &Candidate) -> bool {
    top.metric.coverage >= NAMED_IN_FULL && top.subject.is_read() && top.subject.coverage >= CLEAR
}

/// Whether the best candidate's words name its metric, and its subject,
/// clearly enough to say its value is wrong.
pub(super) fn clearly_linked(top: &Candidate) -> bool {
    // A subject named right beside the number lets the paragraph name the
    // metric: "Among companies, OpenAI led with 19 models" after a
    // sentence on notable models.
    let subject_beside = top.subject.is_read()
        && top.subject.own >= CLEAR
        && top.subject.nearness >= SUBJECT_BESIDE * top.subject.coverage;
    let metric_clear = (top.metric.most_held >= CLEAR
        && (top.metric.strength >= CLEAR_STRENGTH
            || (subject_beside && top.metric.strength >= CLEAR_STRENGTH_BESIDE)))
        || (subject_beside
            && top.metric.most_held >= HELD_BESIDE
            && top.metric.strength >= CLEAR_STRENGTH_BESIDE)
        // ... or named in full by the heading or the sentence before:
        // "## Private AI investment" over "Canada: $4.82B".
        || (subject_beside && top.metric.told() >= NAMED_IN_FULL);
    // Half a subject's name does with the metric's named in full beside
    // it: "the older V100 still shows up behind 96" of notable models
    // trained on V100 hardware.
    let subject_clear = if top.subject.is_read() {
        top.subject.coverage >= CLEAR
            || (top.subject.own >= HALF_A_NAME
                && top.metric.own >= METRIC_IN_FULL
                && top.metric.strength >= CLEAR_STRENGTH)
    } else {
        top.metric.coverage >= IMPLIED_CLEAR && top.metric.strength >= IMPLIED_STRENGTH
    };
    metric_clear && subject_clear
}

/// Whether the words around the number are its metric's name and say
/// nothing else, naming most of it, its subject clear: "Average event
/// size $66.5bn.", "top-1 accuracy 25%". A label before a colon is such a
/// name, as a table's header is, with a little room for its joining words:
/// "- Resource or budget constraints: 84%" under "What holds organizations
/// back?".
pub(super) fn labelled_by_its_metric(
    scores: &Scores<'_, '_>,
    top: &Candidate,
    number: &Number<'_>,
) -> bool {
    let labelled = number
        .sentence
        .get(..number.start)
        .is_some_and(|label| label.trim_end().ends_with([':', '：']));
    top.subject.coverage >= CLEAR
        && top.metric.most_held >= LABEL_HELD
        && top.metric.strength >= CLEAR_STRENGTH
        && scores.held_by(top.metric) >= if labelled { MOST_WORDS } else { ALL_THE_WORDS }
}

/// The share of a metric's name the words must hold, and the share of the
/// words (by nearness and rarity) the name must hold, of a label most.
const LABEL_HELD: f32 = 0.5;
const ALL_THE_WORDS: f32 = 0.95;
const MOST_WORDS: f32 = 0.7;

/// Whether a value is more than ten times off the fact's, either way,
/// with other leading digits: no slip of scale ("1.7 million" for 1.7
/// billion) but a figure of something else. A subject only implied by its
/// metric does not make it the fact's: "20多台机器人" at a booth are no count
/// of the world's logistics robots.
pub(super) fn far_from(fact: &Reading, number: &Reading) -> bool {
    // A bound ("20多", "over 20") stands for its finite end.
    let point = |r: &Reading| {
        r.central.or_else(|| {
            [r.set.lo, r.set.hi]
                .into_iter()
                .find(|v| v.is_finite() && *v != 0.0)
        })
    };
    let (Some(a), Some(b)) = (point(fact), point(number)) else {
        return false;
    };
    let leading = |v: f64| {
        let v = v.abs();
        (v / 10f64.powf(v.log10().floor() - 1.0)).floor()
    };
    a != 0.0 && b != 0.0 && (a / b).abs().max((b / a).abs()) > 10.0 && leading(a) != leading(b)
}

/// Whether the sentence names `runner` only by words of `top`'s names (its
/// subject unread, or read from them) while `top` holds at least as much
/// of its metric and is named by more words or more of it. "MTEB (English
/// v2) 的最高平均分" says more than another index's "average score"; "AI
/// data centers had 32.8 GW of power capacity" is their power capacity, not
/// the chips' power within it.
pub(super) fn says_less_than(
    store: &Store,
    linker: &Linker,
    terms: &SentenceTerms,
    top: &Candidate,
    runner: &Candidate,
) -> bool {
    let names = |c: &Candidate| {
        let fact = store.fact(c.fact);
        [
            (NameKind::Subject, fact.subject),
            (NameKind::Metric, fact.metric),
        ]
    };
    // A draft's words are its quote's, a whole sentence or table row: a
    // runner-up's few words of it say nothing less.
    if store.fact(top.fact).draft || store.fact(runner.fact).draft {
        return false;
    }
    let (held, runner_held) = (top.metric.coverage, runner.metric.coverage);
    held >= runner_held
        && linker.said_within(terms, &names(runner), &names(top))
        && (held > runner_held || !linker.said_within(terms, &names(top), &names(runner)))
}

/// Whether the words around the number restate a draft's quote around its
/// value: a harvested fact has no names, and its quote, weighted by
/// nearness to the value, is all there is to link to.
pub(super) fn quote_clearly_linked(top: &Candidate) -> bool {
    top.metric.coverage >= QUOTE_CLEAR
        && top.metric.strength >= QUOTE_STRENGTH
        && top.held >= QUOTE_HELD
}

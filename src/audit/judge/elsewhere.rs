//! What the sentence gives elsewhere: a subject or a metric that another
//! number of the sentence holds, a value another number states, or a
//! source it names that the fact's names do not. Such a figure neither
//! backs the number nor keeps it from being contradicted, and an implied
//! subject yields to a named source. A list of the sentence's numbers, each
//! of the same metric for the subject it names, settles that metric.

use super::{
    CLAIMED_SHARE, CLEAR, CLEAR_STRENGTH_BESIDE, Candidate, HALF_A_NAME, Number, SUBJECT_BESIDE,
    SUBJECT_NAMED_NEAR, backs, shares_values,
};
use crate::interval::Interval;
use crate::link::{Linker, NAMED_IN_FULL, NameScore, Scores, SentenceTerms};
use crate::quantity::Quantity;
use crate::store::{Fact, NameKind, Store};

/// Whether `agreeing` is the fact of the same metric for another subject
/// that the sentence names in full but gives to another of its numbers,
/// while the best link's subject is named in full and left to this one:
/// "China's private AI investment reached $285.9 billion, against $12.4
/// billion in the United States" swaps the two, and the value picks
/// neither the United States for $285.9 billion nor China for $12.4
/// billion.
///
/// So is a subject named in part, each of its words that is no word of
/// the best link's subject another number's: "AI drug-discovery
/// publications reached 3,311, and structure prediction accounted for
/// 54.4% of AI protein papers" gives 54.4% to structure prediction, not to
/// protein-drug interactions.
pub(super) fn swapped_subject(
    store: &Store,
    scores: &Scores<'_, '_>,
    top: &Candidate,
    agreeing: &Candidate,
) -> bool {
    let (t, a) = (store.fact(top.fact), store.fact(agreeing.fact));
    let named = |s: &NameScore| s.is_read() && s.own >= NAMED_IN_FULL;
    // Most of a subject's words pulled harder by another number of the
    // sentence: "China's ..." before $285.9 billion is not $12.4 billion's.
    let claimed_elsewhere = |s: &NameScore| s.rivalled >= CLAIMED_SHARE;
    let given_away = || {
        (named(&top.subject) && named(&agreeing.subject) && claimed_elsewhere(&agreeing.subject))
            || (top.subject.is_read()
                && top.subject.own >= CLEAR
                && agreeing.subject.is_read()
                && scores.apart_only_by_another_number(
                    (NameKind::Subject, a.subject),
                    (NameKind::Subject, t.subject),
                ))
    };
    t.metric == a.metric
        && t.subject != a.subject
        && !claimed_elsewhere(&top.subject)
        && given_away()
}

/// Whether the sentence gives a source or an agent ("by Pew", "according
/// to Gartner") whose name is no word of `names`.
pub(super) fn names_another_agent(sentence: &str, names: &[&str]) -> bool {
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|pair| {
        let (before, agent) = (pair[0], pair[1]);
        let introduces = before.eq_ignore_ascii_case("by") || before.eq_ignore_ascii_case("to");
        let to_means_source = !before.eq_ignore_ascii_case("to")
            || sentence
                .to_ascii_lowercase()
                .contains(&format!("according to {}", agent.to_ascii_lowercase()));
        introduces
            && to_means_source
            && agent.starts_with(|c: char| c.is_ascii_uppercase())
            && !names.iter().any(|name| {
                name.split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(agent))
            })
    })
}

/// Whether `agreeing` is another figure of the best link's subject, whose
/// metric the sentence names only in part while it names the best link's
/// in full: "欧洲的AI论文份额为19.5%" (Europe's share of AI papers) states
/// Europe's share of citations as its share of papers, and is wrong.
pub(super) fn swapped_metric(
    store: &Store,
    linker: &Linker,
    terms: &SentenceTerms,
    scores: &Scores<'_, '_>,
    top: &Candidate,
    agreeing: &Candidate,
) -> bool {
    let (t, a) = (store.fact(top.fact), store.fact(agreeing.fact));
    // Two figures of a kind (two shares, two amounts), the best one's
    // words not another number's.
    t.subject == a.subject
        && t.metric != a.metric
        && t.value.unit == a.value.unit
        && top.metric.rivalled < CLAIMED_SHARE
        && top.metric.coverage >= NAMED_IN_FULL
        && top.metric.own >= NAMED_IN_FULL
        && agreeing.metric.coverage < NAMED_IN_FULL
        && agreeing.rank < top.rank
        // ... and none of the words that set the other apart: "fell 80%
        // in the last year alone" is the last year's fall.
        && !linker.named_apart_from(
            terms,
            (NameKind::Metric, a.metric),
            (NameKind::Metric, t.metric),
        )
        // ... nor the best one set apart only by another number's words.
        && !scores.apart_only_by_another_number(
            (NameKind::Metric, t.metric),
            (NameKind::Metric, a.metric),
        )
}

/// Whether the runner-up `c` is of a subject another number of the
/// sentence holds while the best link's is this number's ("DeepSeek's
/// query takes 23 Wh and GPT-5's 12.9 Wh"): no rival of this one's.
pub(super) fn holds_another_numbers_subject(store: &Store, top: &Candidate, c: &Candidate) -> bool {
    c.subject.is_read()
        && c.subject.rivalled >= CLAIMED_SHARE
        && top.subject.is_read()
        && top.subject.rivalled < CLAIMED_SHARE
        && store.fact(c.fact).subject != store.fact(top.fact).subject
}

/// Whether the best link's subject is another number's and another subject
/// stands nearer this one, whatever of its facts the words found
/// ("宇树R1起售价为4900美元，1X NEO售价约2万美元"). A subject named only by
/// words of the best link's names is none: the "teachers" of "the pilot
/// had 20,000 students and 300 teachers" are the metric of the 300, whose
/// subject, the pilot, the two numbers share.
pub(super) fn subject_given_away(
    store: &Store,
    linker: &Linker,
    terms: &SentenceTerms,
    top: &Candidate,
    candidates: &[Candidate],
) -> bool {
    let best = store.fact(top.fact);
    let names = [
        (NameKind::Subject, best.subject),
        (NameKind::Metric, best.metric),
    ];
    top.subject.is_read()
        && top.subject.rivalled >= CLAIMED_SHARE
        && candidates.iter().any(|c| {
            let subject = store.fact(c.fact).subject;
            subject != best.subject
                && c.subject.is_read()
                && c.subject.own >= CLEAR
                && c.subject.nearness > top.subject.nearness
                && !linker.said_within(terms, &[(NameKind::Subject, subject)], &names)
        })
}

/// Whether the best link's subject is named only after the number, where
/// another number of the sentence holds it: "the best system averaged
/// 38.8%, PhD experts 83.5%" names no subject for the 38.8%.
pub(super) fn subject_held_by_a_later_number(
    store: &Store,
    linker: &Linker,
    terms: &SentenceTerms,
    top: &Candidate,
    number: &Number<'_>,
) -> bool {
    let subject = store.fact(top.fact).subject;
    top.subject.is_read()
        && top.subject.rivalled >= CLAIMED_SHARE
        && linker
            .words_apart_from(terms, (NameKind::Subject, subject), &[])
            .all(|at| at >= number.end)
}

/// Share of a metric's name, in the sentence or the paragraph before, that
/// a list of its values settles ([`listed_with_its_metric`]): most of it.
const LISTED_COVERAGE: f32 = 0.35;

/// "Germany counts 449, Britain 523 and Canada 337" after a sentence on
/// data centers: a subject named beside the number, in a list whose other
/// numbers state the values of the same metric for the other subjects it
/// names. The list settles the metric its words only carry over from the
/// paragraph.
pub(super) fn listed_with_its_metric(
    store: &Store,
    linker: &Linker,
    terms: &SentenceTerms,
    top: &Candidate,
    number: &Number<'_>,
) -> bool {
    let beside =
        top.subject.is_read() && top.subject.own >= CLEAR && top.subject.nearness >= SUBJECT_BESIDE;
    if !beside || top.metric.most_held < LISTED_COVERAGE {
        return false;
    }
    let top_fact = store.fact(top.fact);
    let others: Vec<&Fact> = store
        .facts_of_metric(top_fact.metric)
        .iter()
        .map(|&f| store.fact(f))
        .filter(|f| {
            f.subject != top_fact.subject
                && f.period == top_fact.period
                && linker.subjects_owning(terms, CLEAR).any(|s| s == f.subject)
        })
        .collect();
    others.iter().any(|f| a_neighbour_states(&f.value, number))
}

/// Whether `agreeing`, another subject's figure of the best link's metric,
/// states this number while another number of the sentence states the
/// best link's: "Physical sciences accounted for 28,910, life sciences
/// 33,050" trades the two subjects' values. Not where only words another
/// number pulls harder set the best link's subject apart: "42% for GPT-4
/// on its own and 41% for physicians" gives the physicians to the 41%,
/// and the 42% to GPT-4 alone.
pub(super) fn traded_with_a_neighbour(
    store: &Store,
    scores: &Scores<'_, '_>,
    top: &Candidate,
    agreeing: &Candidate,
    number: &Number<'_>,
) -> bool {
    let (t, a) = (store.fact(top.fact), store.fact(agreeing.fact));
    t.metric == a.metric
        && t.subject != a.subject
        && top.rank > agreeing.rank
        && top.subject.is_read()
        && top.subject.own >= CLEAR
        && top.subject.rivalled < CLAIMED_SHARE
        && stated_by_a_neighbour(store, top.fact, number)
        && !scores.apart_only_by_another_number(
            (NameKind::Subject, t.subject),
            (NameKind::Subject, a.subject),
        )
}

/// Whether `agreeing` is another subject's figure of the best link's
/// metric, a subject only the paragraph before names, while the sentence
/// names the best link's: "TREWS lowered sepsis mortality by 17%" after a
/// sentence on COMPOSER's 17% is TREWS's figure, stated wrong.
pub(super) fn named_only_before(store: &Store, top: &Candidate, agreeing: &Candidate) -> bool {
    let (t, a) = (store.fact(top.fact), store.fact(agreeing.fact));
    t.metric == a.metric
        && t.subject != a.subject
        && top.subject.is_read()
        && top.subject.own >= CLEAR
        && agreeing.subject.own <= 0.0
}

/// Whether `agreeing` is the figure of the subject the number is compared
/// with, named only after it and past a word of comparison, while the
/// best link's subject is named right before it: "GPT-5.1 scored 0.86,
/// below LLM-X" gives GPT-5.1 LLM-X's score, and is wrong.
pub(super) fn compared_with(
    store: &Store,
    linker: &Linker,
    terms: &SentenceTerms,
    top: &Candidate,
    agreeing: &Candidate,
    number: &Number<'_>,
) -> bool {
    let (t, a) = (store.fact(top.fact), store.fact(agreeing.fact));
    if t.metric != a.metric
        || t.subject == a.subject
        || !top.subject.is_read()
        || top.subject.own < CLEAR
        || top.subject.nearness < SUBJECT_NAMED_NEAR
        || !agreeing.subject.is_read()
    {
        return false;
    }
    // "On HELM Arabic, GPT-5.1 scored 0.86": the "Arabic" of Arabic.ai
    // LLM-X is the metric's word here.
    let named = [(NameKind::Subject, t.subject), (NameKind::Metric, t.metric)];
    let first = linker
        .words_apart_from(terms, (NameKind::Subject, a.subject), &named)
        .min();
    first.is_some_and(|first| {
        first >= number.end
            && number
                .sentence
                .get(number.end..first)
                .is_some_and(compares_with_another)
    })
}

/// Whether the words after a number set another's value beside it.
fn compares_with_another(between: &str) -> bool {
    const COMPARING: [&str; 12] = [
        "below", "above", "behind", "ahead", "than", "versus", "vs", "against", "compared",
        "trailing", "beating", "topping",
    ];
    ["比", "低于", "高于", "落后", "领先", "不及", "超过"]
        .iter()
        .any(|w| between.contains(w))
        || between
            .split(|c: char| !c.is_alphabetic())
            .any(|w| COMPARING.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// "89.4% in simulation but only 12% on real tasks": a fact that another
/// number of the sentence states is that number's, not this one's. The
/// other number must be able to state it: the "one" of "at least one
/// function" states no 71%.
pub(super) fn stated_by_a_neighbour(store: &Store, fact: u32, number: &Number<'_>) -> bool {
    a_neighbour_states(&store.fact(fact).value, number)
}

/// "More than 80 percent of students use AI ..., and estimates range from
/// about 50 percent to 94 percent": a fact another number of the sentence
/// states, and does not merely restate this one's value, is that number's.
/// That its bound allows this number too speaks for nothing.
pub(super) fn claimed_by_a_neighbour(store: &Store, fact: u32, number: &Number<'_>) -> bool {
    neighbours_stating(&store.fact(fact).value, number)
        .any(|stated| !(stated.is_bounded() && shares_values(&stated, &number.reading.set)))
}

/// Whether another number of the sentence states `value`.
fn a_neighbour_states(value: &Quantity, number: &Number<'_>) -> bool {
    neighbours_stating(value, number).next().is_some()
}

/// What the other numbers of the sentence that state `value` allow.
fn neighbours_stating<'n>(
    value: &'n Quantity,
    number: &'n Number<'_>,
) -> impl Iterator<Item = Interval> + 'n {
    let reading = value.reading(0.0);
    number
        .neighbours
        .iter()
        .enumerate()
        .filter(move |&(i, m)| i != number.which && backs(&m.quantity.unit, &value.unit))
        .map(|(_, m)| m.quantity.reading(0.0).set)
        // "model uploads more than tripled" bounds the value, and states
        // only a fact bounded so too: not dataset uploads' 4x.
        .filter(move |stated| {
            (stated.is_bounded() || !reading.set.is_bounded())
                && shares_values(stated, &reading.set)
        })
}

/// Candidates ranked this near the best are as well linked: the words do
/// not choose between them.
const TIED: f32 = 0.95;

/// "The US released 50 notable models, China 30 and South Korea 5" against
/// a harvested quote "59 notable AI models, China with 35, and South Korea
/// with 8": the quote's three drafts share its words, and their nearness
/// to each value tells them apart only by a hair, or wrongly where the
/// quote writes its names after the values and the sentence before. A
/// sentence of as many numbers as the quote has values, best linked to
/// that quote and naming the quote's names in the quote's order, restates
/// its list in order: the draft in the number's place, if it ranks near
/// the best.
pub(super) fn restates_a_quoted_list<'c>(
    store: &Store,
    linker: &Linker,
    candidates: &'c [Candidate],
    top: &Candidate,
    number: &Number<'_>,
) -> Option<&'c Candidate> {
    // The values of the number's kind, in the quote and in the sentence:
    // "nine benchmarks" is no value of a list of rates.
    // Most facts are no draft of a list: asked for every number judged.
    let list = linker.quoted_list(top.fact);
    if list.len() < 2 {
        return None;
    }
    let unit = &store.fact(top.fact).value.unit;
    let mut values = list
        .iter()
        .copied()
        .filter(|&f| backs(&store.fact(f).value.unit, unit));
    let of_kind = |m: &&crate::audit::scan::Mention| backs(&m.quantity.unit, unit);
    let stated = number.neighbours.iter().filter(of_kind).count();
    if values.clone().count() != stated || stated < 2 || !of_kind(&&number.neighbours[number.which])
    {
        return None;
    }
    let place = number.neighbours[..number.which]
        .iter()
        .filter(of_kind)
        .count();
    let mine = values.nth(place)?;
    let in_its_place = candidates
        .iter()
        .find(|c| c.fact == mine && c.fits && c.rank >= IN_ITS_PLACE * top.rank)?;
    let quote = store.fact(mine).quote.as_deref()?;
    names_in_order(quote, number.sentence).then_some(in_its_place)
}

/// How near the best a quote's draft in the number's place must rank.
const IN_ITS_PLACE: f32 = 0.85;

/// Whether the sentence writes at least two of the names the quote writes
/// (its words capitalised past its first), and writes them in the quote's
/// order: "China had 35 and the US 59" restates no list "the US 59, China
/// 35" in order.
fn names_in_order(quote: &str, sentence: &str) -> bool {
    let mut found = 0;
    let mut after = 0;
    let is_name = |w: &&str| w.starts_with(char::is_uppercase);
    for name in quote
        .split(|c: char| !c.is_alphanumeric())
        .skip(1)
        .filter(is_name)
    {
        let Some(at) = whole_word_at(sentence, name) else {
            continue;
        };
        if at < after {
            return false;
        }
        after = at;
        found += 1;
    }
    found >= 2
}

/// Where `word` first stands whole in `text`.
fn whole_word_at(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        !text[..at].ends_with(char::is_alphanumeric)
            && !text[at + word.len()..].starts_with(char::is_alphanumeric)
    })
}

/// "OpenAI alone shipped 20, Google fourteen and Anthropic nine": the
/// numbers before this one in its sentence were linked to one metric's
/// figures for the subjects they name, and this one names its own subject
/// beside it. So with one subject's like figures under the names beside
/// them ("budget 48%, regulatory uncertainty 14%"). The list settles which
/// of the number's tied candidates it speaks of, however little its
/// own words say the rest: the one candidate it settles, if one.
pub(super) fn settled_by_its_list<'c>(
    store: &Store,
    candidates: &'c [Candidate],
    stated: &[u32],
) -> Option<&'c Candidate> {
    let top = candidates.first()?;
    let pair_of = |f: u32| {
        let fact = store.fact(f);
        (fact.subject, fact.metric)
    };
    let pair = |c: &Candidate| pair_of(c.fact);
    // A figure the list has stated already is no other member of it: "rose
    // from 417 to 563, or 119 more" states a difference, "而上一年只有2530
    // 亿美元" the year before's.
    let stated_already = |c: &Candidate| stated.iter().any(|&f| pair_of(f) == pair(c));
    if stated_already(top) {
        return None;
    }
    let mut settled = candidates
        .iter()
        .take_while(|c| c.rank >= TIED * top.rank)
        .filter(|c| c.fits)
        .filter(|c| !stated_already(c))
        .filter(|c| {
            let fact = store.fact(c.fact);
            stated.iter().map(|&f| store.fact(f)).any(|listed| {
                if listed.period != fact.period {
                    false
                } else if listed.metric == fact.metric && listed.subject != fact.subject {
                    c.subject.is_read()
                        && c.subject.own >= CLEAR
                        && c.subject.nearness >= SUBJECT_BESIDE
                } else if listed.subject == fact.subject && listed.metric != fact.metric {
                    c.metric.own >= HALF_A_NAME
                        && c.metric.strength >= CLEAR_STRENGTH_BESIDE
                        && alike(store.str(listed.metric), store.str(fact.metric))
                } else {
                    false
                }
            })
        });
    let first = settled.next()?;
    settled.all(|c| pair(c) == pair(first)).then_some(first)
}

/// Whether two metrics' names share two words or more, and at least half
/// the words of the shorter ("accuracy" alone is no list): "citing
/// resource/budget constraints as RAI obstacle" and "citing regulatory
/// uncertainty as RAI obstacle" are figures of one list.
pub(super) fn alike(a: &str, b: &str) -> bool {
    let words = |name: &str| -> Vec<String> {
        name.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared >= 2 && 2 * shared >= short.len()
}

#[cfg(test)]
mod tests {
    use super::names_another_agent;

    #[test]
    fn an_agent_is_a_name_after_by_or_according_to() {
        let ipsos = ["Ipsos AI Monitor", "countries surveyed"];
        assert!(names_another_agent("25 countries surveyed by Pew", &ipsos));
        assert!(names_another_agent("according to Gartner, 30", &ipsos));
        assert!(!names_another_agent(
            "30 countries surveyed by Ipsos",
            &ipsos
        ));
        assert!(!names_another_agent(
            "30 countries surveyed by the firm",
            &ipsos
        ));
        assert!(!names_another_agent("it rose to 30 countries", &ipsos));
        assert!(!names_another_agent("up to Ipsos", &ipsos));
    }
}

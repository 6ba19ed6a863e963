//! What the sentence gives elsewhere: a subject or a metric that another
//! number of the sentence holds, or a source it names that the fact's names
//! do not. Such a figure neither backs the number nor keeps it from being
//! contradicted, and an implied subject yields to a named source.

use super::{CLAIMED_SHARE, CLEAR, Candidate};
use crate::link::{Linker, NAMED_IN_FULL, NameScore, SentenceTerms};
use crate::store::{NameKind, Store};

/// Whether `agreeing` is the fact of the same metric for another subject
/// that the sentence names in full but gives to another of its numbers,
/// while the best link's subject is named in full and left to this one:
/// "China's private AI investment reached $285.9 billion, against $12.4
/// billion in the United States" swaps the two, and the value picks
/// neither the United States for $285.9 billion nor China for $12.4
/// billion.
pub(super) fn swapped_subject(store: &Store, top: &Candidate, agreeing: &Candidate) -> bool {
    let (t, a) = (store.fact(top.fact), store.fact(agreeing.fact));
    let named = |s: &NameScore| s.is_read() && s.own >= NAMED_IN_FULL;
    // Most of a subject's words pulled harder by another number of the
    // sentence: "China's ..." before $285.9 billion is not $12.4 billion's.
    let claimed_elsewhere = |s: &NameScore| s.rivalled >= CLAIMED_SHARE;
    t.metric == a.metric
        && t.subject != a.subject
        && named(&top.subject)
        && named(&agreeing.subject)
        && !claimed_elsewhere(&top.subject)
        && claimed_elsewhere(&agreeing.subject)
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
/// ("宇树R1起售价为4900美元，1X NEO售价约2万美元").
pub(super) fn subject_given_away(store: &Store, top: &Candidate, candidates: &[Candidate]) -> bool {
    top.subject.is_read()
        && top.subject.rivalled >= CLAIMED_SHARE
        && candidates.iter().any(|c| {
            store.fact(c.fact).subject != store.fact(top.fact).subject
                && c.subject.is_read()
                && c.subject.own >= CLEAR
                && c.subject.nearness > top.subject.nearness
        })
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

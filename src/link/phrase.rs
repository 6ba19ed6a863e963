//! A short phrase linked to the subject and metric it may name: what
//! `check` falls back on when a claim's phrase names no fact word for word,
//! and how `facts` ranks what a query finds.
//!
//! A phrase is not a sentence around a number: every word of it is meant to
//! name something, and there is no number to be near. So two shares are
//! measured, both by the rarity of the words across the store's names:
//! how much of the *phrase* the pair's names hold (a word no name holds is
//! a qualifier that may change the fact: "rural", "female"), and how much
//! of the *metric's* name the phrase holds. The value is never looked at.

use super::{Evidence, Linker, SentenceTerms, WordCache, words::tokens};
use crate::store::{NameKind, Store, Sym};

/// A subject and metric a phrase may name, with the words behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseLink {
    pub subject: Sym,
    pub metric: Sym,
    /// Share of the phrase's words (by rarity) that the subject's or the
    /// metric's names hold, 0 to 1. A word the store's names never use
    /// weighs as much as the rarest word.
    pub covers: f32,
    /// Share of the metric's best-found name (by rarity) the phrase holds.
    pub metric_coverage: f32,
    /// The same for the subject; 0 when no word of the phrase names it.
    pub subject_coverage: f32,
    /// `covers` × `metric_coverage`, with a named subject's coverage as a
    /// bonus: what [`Linker::rank_phrase`] orders by.
    pub score: f32,
    /// The words of the phrase no name of the pair holds, as written.
    pub unmatched: Vec<String>,
    /// Which words matched which name, the metric's first.
    pub evidence: Vec<Evidence>,
}

/// Words that join the parts of a phrase ("adoption among organizations"):
/// skipped like stop words. Any other word no name of a pair holds counts
/// against it, and a word no name of the store uses counts as the rarest:
/// it may be a qualifier ("rural") that makes the phrase another fact than
/// any the store has.
const CONNECTIVES: &[&str] = &[
    "across", "against", "among", "amongst", "amid", "between", "by", "during", "via", "versus",
    "vs",
];

/// How many pairs [`Linker::rank_phrase`] returns at most.
const MAX_LINKS: usize = 8;

/// How much a subject the phrase names adds to a pair's score, at full
/// coverage: enough to put "US adoption" on the US's fact rather than
/// another subject's, too little to outweigh the metric.
const SUBJECT_BONUS: f32 = 0.25;

impl Linker {
    /// The subject–metric pairs of the store that `phrase` may name, best
    /// first (ties by the store's order of names). Only pairs that have
    /// facts are returned, and only metrics whose names the phrase holds a
    /// good share of are considered (those the linker finds for a sentence).
    pub fn rank_phrase(&self, store: &Store, phrase: &str) -> Vec<PhraseLink> {
        self.rank_phrase_most(store, phrase, MAX_LINKS)
    }

    /// [`Linker::rank_phrase`], keeping up to `most` pairs.
    pub fn rank_phrase_most(&self, store: &Store, phrase: &str, most: usize) -> Vec<PhraseLink> {
        let mut cache = WordCache::default();
        let mut sentence = SentenceTerms::default();
        self.read(phrase, &mut cache, &mut sentence);
        // Each word with its terms and its weight; stop words and bare
        // numbers (years) carry no weight.
        let rarest = self.rarity.iter().copied().fold(0.0f32, f32::max).max(1.0);
        let mut words: Vec<(&str, Vec<u32>, f32)> = Vec::new();
        for token in tokens(phrase) {
            let Some(Some(terms)) = sentence.word_at(token.start) else {
                continue;
            };
            let terms: Vec<u32> = terms.collect();
            let written = &phrase[token.start..token.end];
            if CONNECTIVES.contains(&written.to_lowercase().as_str()) {
                continue;
            }
            let weight = terms
                .iter()
                .map(|&t| self.rarity[t as usize])
                .fold(0.0f32, f32::max);
            let weight = if terms.is_empty() { rarest } else { weight };
            words.push((written, terms, weight));
        }
        let total: f32 = words.iter().map(|w| w.2).sum();
        if words.is_empty() || total <= 0.0 {
            return Vec::new();
        }
        // No number to be near: every word stands at the end of the phrase,
        // and only the coverages, which ignore nearness, are used.
        let scores = self.scores(&sentence, &[(phrase.len(), phrase.len())], 0);
        let mut links = Vec::new();
        let metrics: Vec<Sym> = self.metrics_named(&sentence).collect();
        for metric in metrics {
            let metric_score = scores.fullest_name(NameKind::Metric, metric);
            let mut subjects: Vec<Sym> = store
                .facts_of_metric(metric)
                .iter()
                .map(|&f| store.fact(f).subject)
                .collect();
            subjects.sort_unstable();
            subjects.dedup();
            for subject in subjects {
                let subject_score = scores.fullest_name(NameKind::Subject, subject);
                let mut held = 0.0f32;
                let mut unmatched = Vec::new();
                for (written, terms, weight) in &words {
                    let holds = terms.iter().any(|&t| {
                        self.name_holds(NameKind::Metric, metric, t)
                            || self.name_holds(NameKind::Subject, subject, t)
                    });
                    if holds {
                        held += weight;
                    } else {
                        unmatched.push((*written).to_owned());
                    }
                }
                let covers = held / total;
                let subject_coverage = if subject_score.is_read() {
                    subject_score.coverage
                } else {
                    0.0
                };
                // A name none of whose words the phrase holds has no evidence.
                let evidence = [metric_score, subject_score]
                    .into_iter()
                    .filter(|s| s.is_read() && s.coverage > 0.0)
                    .filter_map(|s| scores.evidence(phrase, s))
                    .filter(|e| !e.words.is_empty())
                    .collect();
                links.push(PhraseLink {
                    subject,
                    metric,
                    covers,
                    metric_coverage: metric_score.coverage,
                    subject_coverage,
                    score: covers
                        * metric_score.coverage
                        * (1.0 + SUBJECT_BONUS * subject_coverage),
                    unmatched,
                    evidence,
                });
            }
        }
        links.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.metric.cmp(&b.metric))
                .then(a.subject.cmp(&b.subject))
        });
        links.truncate(most);
        links
    }
}

impl Linker {
    /// The store's terms a text stands for (stemmed, folded, with the kin
    /// of a word no name uses as such); empty for stop words and numbers.
    pub fn terms_in(&self, text: &str) -> Vec<u32> {
        let mut cache = WordCache::default();
        let mut sentence = SentenceTerms::default();
        self.read(text, &mut cache, &mut sentence);
        let mut terms = Vec::new();
        for token in tokens(text) {
            if let Some(Some(found)) = sentence.word_at(token.start) {
                terms.extend(found);
            }
        }
        terms
    }
}

/// What a phrase's words decide.
#[derive(Debug, Clone, PartialEq)]
pub enum PhraseMatch {
    /// One pair, clearly: the phrase's every telling word is in its names,
    /// most of its metric's name is in the phrase, and it leads the next
    /// pair by [`MARGIN`]. `runner_up` is that next pair, for the record.
    Linked {
        link: PhraseLink,
        runner_up: Option<PhraseLink>,
    },
    /// Pairs worth naming as "did you mean", best first; none clear.
    Near(Vec<PhraseLink>),
    /// Nothing the words point at.
    Nothing,
}

/// The share of a metric's name a phrase must hold to name it clearly
/// (the audit's `CLEAR`): "notable models" holds most of "notable AI models".
pub const CLEAR_METRIC: f32 = 0.6;
/// The factor by which the linked pair's score must lead the next pair's.
pub const MARGIN: f32 = 1.25;
/// A pair is worth suggesting when its names hold this share of the
/// phrase, and its score is at least this share of the best.
const NEAR_COVERS: f32 = 0.5;
const NEAR_SHARE: f32 = 0.5;
/// How many pairs a "did you mean" names.
const NEAR_SHOWN: usize = 4;

impl Linker {
    /// Links a phrase to one subject–metric pair, or says which pairs are
    /// near. The decision rests on the words alone: the caller applies the
    /// period and the source, to the linked pair only (a runner-up is never
    /// promoted because the leader lacks the period).
    pub fn link_phrase(&self, store: &Store, phrase: &str) -> PhraseMatch {
        let mut ranked = self.rank_phrase(store, phrase);
        let Some(top) = ranked.first() else {
            return PhraseMatch::Nothing;
        };
        let clear = top.covers >= super::NAMED_IN_FULL && top.metric_coverage >= CLEAR_METRIC;
        let leads = ranked
            .get(1)
            .is_none_or(|runner| top.score >= MARGIN * runner.score);
        if clear && leads {
            let runner_up = ranked.get(1).cloned();
            return PhraseMatch::Linked {
                link: ranked.swap_remove(0),
                runner_up,
            };
        }
        let best = top.score;
        ranked.retain(|l| l.covers >= NEAR_COVERS && l.score >= NEAR_SHARE * best);
        ranked.truncate(NEAR_SHOWN);
        if ranked.is_empty() {
            PhraseMatch::Nothing
        } else {
            PhraseMatch::Near(ranked)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::LazyLock;

    use super::*;

    static BUNDLED: LazyLock<Store> =
        LazyLock::new(|| Store::load(Path::new("sources")).unwrap_or_else(|e| panic!("{e}")));
    static LINKER: LazyLock<Linker> = LazyLock::new(|| Linker::new(&BUNDLED));

    fn linked(phrase: &str) -> Option<(String, String)> {
        match LINKER.link_phrase(&BUNDLED, phrase) {
            PhraseMatch::Linked { link, .. } => Some((
                BUNDLED.str(link.subject).to_owned(),
                BUNDLED.str(link.metric).to_owned(),
            )),
            _ => None,
        }
    }

    /// Paraphrases written here, each with the pair it speaks of.
    #[test]
    fn paraphrases_link_to_their_pair() {
        for (phrase, subject, metric) in [
            (
                "AI adoption among organizations",
                "Organizations (surveyed)",
                "use AI in at least one business function",
            ),
            (
                "US private investment in AI",
                "United States",
                "private AI investment",
            ),
            (
                "Chinese notable models",
                "China",
                "notable AI models released",
            ),
            (
                "data centre power capacity",
                "World",
                "AI data center power capacity",
            ),
        ] {
            assert_eq!(
                linked(phrase),
                Some((subject.to_owned(), metric.to_owned())),
                "{phrase}"
            );
        }
    }

    /// A word no name holds may make the phrase another fact: no link.
    #[test]
    fn an_unknown_qualifier_blocks_the_link() {
        assert!(linked("AI adoption among organizations").is_some());
        assert_eq!(linked("zorbish AI adoption among organizations"), None);
    }

    /// A metric many subjects share, with no subject named: nothing leads.
    #[test]
    fn no_margin_no_link() {
        match LINKER.link_phrase(&BUNDLED, "notable models released") {
            PhraseMatch::Near(near) => {
                assert!(near.len() >= 2);
                assert!(near.iter().all(|l| l.metric == near[0].metric));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            LINKER.link_phrase(&BUNDLED, "zorbish quuxly"),
            PhraseMatch::Nothing
        );
    }
}

//! What a sentence's words name, asked of the linker by the judge: which
//! subjects and metrics they hold, in full or in part, in which order, and
//! what the store's names are (a position, a change, a subject within a
//! metric).

use crate::store::{NameKind, Sym};

use super::{CONTEXT_WORD, Linker, SentenceTerms};

impl Linker {
    /// Whether a form of the subject or metric holds the term.
    pub fn name_holds(&self, kind: NameKind, sym: Sym, term: u32) -> bool {
        let terms = match kind {
            NameKind::Subject => &self.subject_terms,
            NameKind::Metric => &self.metric_terms,
        };
        terms
            .get(&sym)
            .is_some_and(|terms| terms.binary_search(&term).is_ok())
    }

    /// Whether the metric's names speak of a position: a rank, an edition,
    /// a place. Only such a metric is what an ordinal ("24th", "ninth")
    /// states.
    pub fn is_position(&self, metric: Sym) -> bool {
        self.position_terms
            .iter()
            .any(|&term| self.name_holds(NameKind::Metric, metric, term))
    }

    /// Whether the metric's names speak of a change over time: a growth, a
    /// decline, a rise. "77% of new AI PhDs" is a share of them, never
    /// their growth.
    pub fn is_change(&self, metric: Sym) -> bool {
        self.change_metrics.contains(&metric)
    }

    /// The drafts harvested with `fact` from one quote stating several
    /// values, in the quote's order; empty where the quote states one.
    pub fn quoted_list(&self, fact: u32) -> &[u32] {
        match self.quoted_list_of.get(fact as usize) {
            Some(&list) if list != super::NO_SLOT => &self.quoted_lists[list as usize],
            _ => &[],
        }
    }

    /// The latest year the drafts harvested into `source` are dated to:
    /// the year the report is of, as near as its drafts tell.
    pub fn report_year(&self, source: Option<usize>) -> Option<u32> {
        self.report_years.get(source?).copied().flatten()
    }

    /// Whether the sentence holds a word of the name's names that is no
    /// word of the other name's.
    pub fn named_apart_from(
        &self,
        terms: &SentenceTerms,
        name: (NameKind, Sym),
        other: (NameKind, Sym),
    ) -> bool {
        !self.said_within(terms, &[name], &[other])
    }

    /// Where the sentence's own words of `name` that are no words of the
    /// `others` start, in bytes.
    pub fn words_apart_from<'t>(
        &'t self,
        terms: &'t SentenceTerms,
        name: (NameKind, Sym),
        others: &'t [(NameKind, Sym)],
    ) -> impl Iterator<Item = usize> + 't {
        terms
            .occurrences
            .iter()
            .filter(|o| o.word != CONTEXT_WORD)
            .filter(move |o| {
                self.name_holds(name.0, name.1, o.term)
                    && !others.iter().any(|&(k, n)| self.name_holds(k, n, o.term))
            })
            .map(|o| o.start as usize)
    }

    /// Whether every word of the sentence that one of `names` holds is a
    /// word of one of `within` too: what links those names is said of the
    /// others as well.
    pub fn said_within(
        &self,
        terms: &SentenceTerms,
        names: &[(NameKind, Sym)],
        within: &[(NameKind, Sym)],
    ) -> bool {
        terms
            .distinct
            .iter()
            .zip(&terms.presence)
            .all(|(&term, &presence)| {
                presence < 1.0
                    || !names.iter().any(|&(k, n)| self.name_holds(k, n, term))
                    || within.iter().any(|&(k, n)| self.name_holds(k, n, term))
            })
    }

    /// Whether every word of some form of the subject is a word of the
    /// metric's names: the subject is part of the metric's name.
    pub fn name_within(&self, subject: Sym, metric: Sym) -> bool {
        self.within.contains(&(subject, metric))
    }

    /// The forms of a subject or a metric.
    pub(super) fn forms_of(&self, kind: NameKind, sym: Sym) -> &[u32] {
        let list = match kind {
            NameKind::Subject => &self.subject_forms,
            NameKind::Metric => &self.metric_forms,
        };
        list.get(&sym).map_or(&[], Vec::as_slice)
    }

    /// Every way the store writes a subject or a metric: its name and aliases.
    pub fn written_forms(&self, kind: NameKind, sym: Sym) -> impl Iterator<Item = &str> + '_ {
        self.forms_of(kind, sym)
            .iter()
            .map(|&f| &*self.forms[f as usize].text)
    }

    /// The metrics the sentence has most words of, each once.
    pub fn metrics_named<'a>(
        &'a self,
        sentence: &'a SentenceTerms,
    ) -> impl Iterator<Item = Sym> + 'a {
        sentence.metrics.iter().map(|m| m.0)
    }

    /// The subjects the sentence has words of, each once.
    pub fn subjects_named<'a>(
        &'a self,
        sentence: &'a SentenceTerms,
    ) -> impl Iterator<Item = Sym> + Clone + 'a {
        sentence.subjects.iter().map(|s| s.0)
    }

    /// The subjects a form of which has at least `share` of its weight in
    /// the sentence's own words: the only ones whose score for any number
    /// can have an `own` of `share` or more.
    pub fn subjects_owning<'a>(
        &'a self,
        sentence: &'a SentenceTerms,
        share: f32,
    ) -> impl Iterator<Item = Sym> + 'a {
        sentence
            .subjects
            .iter()
            .filter(move |s| s.1 >= share)
            .map(|s| s.0)
    }

    /// The subjects the sentence's own words name in full, in the order
    /// the sentence names them ("Singapore and Japan ..., respectively");
    /// `None` where two start at the same word and the order is unclear.
    pub fn subjects_in_order(&self, sentence: &SentenceTerms, numbers: usize) -> Option<Vec<Sym>> {
        // "Stanford and Tsinghua produced 26 and 25 notable AI models,
        // respectively": where more subjects than numbers are named, one
        // whose words are a metric's named ("Notable AI models") is that
        // metric's words, not one of those listed.
        let mut named = sentence.named_in_full.clone();
        if named.len() > numbers {
            named.retain(|&s| !self.metrics_named(sentence).any(|m| self.name_within(s, m)));
        }
        // "the US ... and the UK": a subject named by the words of two
        // others ("United States and United Kingdom") is those two, listed.
        let words_of = |subject: Sym| -> Vec<u32> {
            let mut words: Vec<u32> = sentence
                .occurrences
                .iter()
                .filter(|o| o.word != CONTEXT_WORD)
                .filter(|o| self.name_holds(NameKind::Subject, subject, o.term))
                .map(|o| o.word)
                .collect();
            words.sort_unstable();
            words.dedup();
            words
        };
        let words: Vec<Vec<u32>> = named.iter().map(|&s| words_of(s)).collect();
        let union_of_others = |i: usize| {
            let within: Vec<&Vec<u32>> = words
                .iter()
                .enumerate()
                .filter(|&(j, w)| {
                    j != i && w.len() < words[i].len() && w.iter().all(|x| words[i].contains(x))
                })
                .map(|(_, w)| w)
                .collect();
            within.len() > 1
                && words[i]
                    .iter()
                    .all(|x| within.iter().any(|w| w.contains(x)))
        };
        let keep: Vec<bool> = (0..named.len()).map(|i| !union_of_others(i)).collect();
        let mut kept = keep.iter();
        named.retain(|_| kept.next().copied().unwrap_or(true));
        let named = &named;
        let mut listed: Vec<(u32, Sym)> = Vec::new();
        for &subject in named {
            // Placed by its words no other subject listed has: 国 is in 美国,
            // 英国 and 中国 alike, "United" in two of the three Uniteds.
            let first = sentence
                .occurrences
                .iter()
                .filter(|o| o.word != CONTEXT_WORD)
                .filter(|o| self.name_holds(NameKind::Subject, subject, o.term))
                .filter(|o| {
                    named.iter().all(|&other| {
                        other == subject || !self.name_holds(NameKind::Subject, other, o.term)
                    })
                })
                .map(|o| o.word)
                .min()?;
            listed.push((first, subject));
        }
        listed.sort_unstable();
        if listed.windows(2).any(|w| w[0].0 == w[1].0) {
            return None;
        }
        Some(listed.into_iter().map(|(_, s)| s).collect())
    }

    /// The subjects a form of which the sentence's own words hold in full,
    /// whatever number they are read for.
    pub fn subjects_named_in_full<'a>(
        &'a self,
        sentence: &'a SentenceTerms,
    ) -> impl Iterator<Item = Sym> + 'a {
        sentence.named_in_full.iter().copied()
    }
}

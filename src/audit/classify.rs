//! Which facts a sentence is about, and whether a number agrees with them.

use std::collections::{BTreeSet, HashMap};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::interval::Interval;
use crate::quantity::{Quantity, Reading, Unit};
use crate::store::{NameKind, Store, Sym};

/// Every subject and metric name and alias of the store, found in a
/// sentence in one pass.
#[derive(Debug)]
pub(crate) struct Vocabulary {
    matcher: Option<AhoCorasick>,
    names: Vec<Name>,
}

#[derive(Debug, Default)]
struct Name {
    subjects: Vec<Sym>,
    metrics: Vec<Sym>,
    /// A name with a number inside it ("Grok 4", "ISO/IEC 42001"): a number
    /// within it is part of the name.
    holds_number: bool,
}

/// A name found in a sentence, as a byte range of the sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    name: usize,
}

impl Vocabulary {
    pub(crate) fn new(store: &Store) -> Vocabulary {
        let mut by_text: HashMap<String, usize> = HashMap::new();
        let mut names: Vec<Name> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut add = |text: &str, kind: NameKind, sym: Sym| {
            let key = text.trim().to_lowercase();
            if key.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                return;
            }
            let variants = [key.clone(), key.replace('\'', "’")];
            for variant in variants {
                let index = *by_text.entry(variant.clone()).or_insert_with(|| {
                    patterns.push(variant.clone());
                    names.push(Name {
                        holds_number: holds_number(&variant),
                        ..Name::default()
                    });
                    names.len() - 1
                });
                let list = match kind {
                    NameKind::Subject => &mut names[index].subjects,
                    NameKind::Metric => &mut names[index].metrics,
                };
                if !list.contains(&sym) {
                    list.push(sym);
                }
            }
        };
        // Keyed by (is a subject, name): NameKind has no Hash.
        let mut canonical: HashMap<(bool, &str), Sym> = HashMap::new();
        for fact in &store.facts {
            canonical
                .entry((true, store.str(fact.subject)))
                .or_insert(fact.subject);
            canonical
                .entry((false, store.str(fact.metric)))
                .or_insert(fact.metric);
        }
        let kind_of = |subject: bool| {
            if subject {
                NameKind::Subject
            } else {
                NameKind::Metric
            }
        };
        let mut sorted: Vec<_> = canonical.iter().collect();
        sorted.sort();
        for (&(subject, text), &sym) in sorted {
            add(text, kind_of(subject), sym);
        }
        for (kind, alias, name) in &store.aliases {
            let subject = *kind == NameKind::Subject;
            if let Some(&sym) = canonical.get(&(subject, name.as_str())) {
                add(alias, *kind, sym);
            }
        }
        // A DFA: the overlapping search runs once per sentence of every
        // article, and the store's few hundred names make a small one.
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .ok();
        Vocabulary { matcher, names }
    }

    /// The names that stand as whole words in `sentence`.
    pub(crate) fn hits(&self, sentence: &str) -> Vec<Hit> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let bytes = sentence.as_bytes();
        let word_char = |i: usize| {
            sentence[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        };
        matcher
            .find_overlapping_iter(sentence)
            .filter(|m| {
                let before_ok = m.start() == 0 || !word_char(m.start());
                let after_ok = m.end() >= bytes.len()
                    || !sentence[m.end()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                before_ok && after_ok
            })
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                name: m.pattern().as_usize(),
            })
            .collect()
    }

    /// Whether the range `start..end` of the sentence lies in a name that
    /// holds a number ("Veo 3", "Evo 2"): then it is no quantity.
    pub(crate) fn inside_name(&self, hits: &[Hit], start: usize, end: usize) -> bool {
        hits.iter()
            .any(|h| self.names[h.name].holds_number && h.start <= start && end <= h.end)
    }

    pub(crate) fn subjects<'a>(&'a self, hits: &'a [Hit]) -> impl Iterator<Item = Sym> + 'a {
        hits.iter()
            .flat_map(|h| self.names[h.name].subjects.iter().copied())
    }

    pub(crate) fn metrics<'a>(&'a self, hits: &'a [Hit]) -> impl Iterator<Item = Sym> + 'a {
        hits.iter()
            .flat_map(|h| self.names[h.name].metrics.iter().copied())
    }
}

/// "grok 4", "iso/iec 42001": a word, then a number, and not a quantity
/// name such as "1.2 million people".
fn holds_number(name: &str) -> bool {
    let first_digit = name.find(|c: char| c.is_ascii_digit());
    match first_digit {
        Some(0) | None => false,
        Some(i) => name[..i].chars().any(char::is_alphabetic),
    }
}

/// How a number stands against the facts its sentence names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Judgement {
    /// These facts agree with it, best first.
    Backed(Vec<u32>),
    /// The sentence names these facts (subject and metric), and none agrees.
    Contradicted(Vec<u32>),
    Unsourced,
}

/// What a sentence names: its subjects, metrics and their facts, worked
/// out once for all the numbers of the sentence.
#[derive(Debug)]
pub(crate) struct Context<'s> {
    sentence: &'s str,
    subjects: BTreeSet<Sym>,
    metrics: BTreeSet<Sym>,
    candidates: Vec<u32>,
    /// Lower-cased on first need: only fitting facts test their period.
    lower: std::cell::OnceCell<String>,
    /// Periods already looked for in the sentence: its numbers ask about
    /// the same few facts again and again.
    periods: std::cell::RefCell<Vec<(Sym, bool)>>,
}

impl<'s> Context<'s> {
    pub(crate) fn new(
        store: &Store,
        vocabulary: &Vocabulary,
        hits: &[Hit],
        sentence: &'s str,
    ) -> Context<'s> {
        let subjects: BTreeSet<Sym> = vocabulary.subjects(hits).collect();
        let metrics: BTreeSet<Sym> = vocabulary.metrics(hits).collect();
        let mut candidates: Vec<u32> = Vec::new();
        for &s in &subjects {
            candidates.extend(store.facts_of_subject(s));
        }
        for &m in &metrics {
            candidates.extend(store.facts_of_metric(m));
        }
        candidates.sort_unstable();
        candidates.dedup();
        Context {
            sentence,
            subjects,
            metrics,
            candidates,
            lower: std::cell::OnceCell::new(),
            periods: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// 2 per name (subject, metric) of the fact in the sentence, 1 for its period.
    fn score(&self, store: &Store, f: u32) -> u8 {
        let fact = store.fact(f);
        let named = u8::from(self.subjects.contains(&fact.subject))
            + u8::from(self.metrics.contains(&fact.metric));
        let period = fact.period.is_some_and(|p| self.names_period(store, p));
        named * 2 + u8::from(period)
    }

    /// Whether the sentence names period `p`, in any case.
    fn names_period(&self, store: &Store, p: Sym) -> bool {
        if let Some(&(_, found)) = self.periods.borrow().iter().find(|(s, _)| *s == p) {
            return found;
        }
        let sentence = self.lower.get_or_init(|| self.sentence.to_lowercase());
        let found = sentence.contains(&store.str(p).to_lowercase());
        self.periods.borrow_mut().push((p, found));
        found
    }
}

/// Judges a number against the facts named in its sentence.
///
/// A fact is a candidate when its subject or its metric is named; it backs
/// the number when their intervals overlap (precision and qualifiers
/// included) in compatible units. Contradiction needs more: the sentence
/// names both the subject and the metric of a fact, the units are the same
/// kind (a bare count against a percentage proves nothing), and no candidate
/// agrees.
pub(crate) fn judge(
    store: &Store,
    readings: &[Reading],
    context: &Context<'_>,
    quantity: &Quantity,
    after: &str,
    tolerance: f64,
) -> Judgement {
    if context.candidates.is_empty() {
        return Judgement::Unsourced;
    }
    let stated = quantity.reading(tolerance);
    let stated_set = stated.set;
    let mut fitting: Vec<(u8, u32)> = Vec::new();
    let mut named_both: Vec<(u8, u32)> = Vec::new();
    for &f in &context.candidates {
        let fact = store.fact(f);
        let reading = &readings[f as usize].set;
        let metric_named = context.metrics.contains(&fact.metric);
        // A bound backs the same bound ("over 60%" for "more than 60%").
        let same_bound = quantity.qualifier.is_some_and(|q| !q.is_approximate())
            && fact.value.qualifier == quantity.qualifier
            && fact.value.low == quantity.low;
        // Named only by its subject, a fact backs a number only with both
        // pinned down and in the same kind of unit: a sentence about the US
        // holds many numbers, and the US has many facts.
        let fits = if metric_named {
            backs(&quantity.unit, &fact.value.unit)
        } else {
            let pinned = (reading.is_bounded() && stated_set.is_bounded()) || same_bound;
            pinned && same_kind(&quantity.unit, &fact.value.unit, after)
        };
        if fits && shares_values(reading, &stated_set) {
            // A fit without the approximation tolerance beats one with it:
            // 29.6 GW is the fact of 29.6 GW, not the one "about 31 GW".
            let exact = shares_values(&readings[f as usize].strict, &stated.strict);
            fitting.push((context.score(store, f) + 4 * u8::from(exact), f));
        } else if metric_named
            && context.subjects.contains(&fact.subject)
            && strictly_compatible(&quantity.unit, &fact.value.unit)
        {
            named_both.push((context.score(store, f), f));
        }
    }
    if !fitting.is_empty() {
        return Judgement::Backed(best(fitting));
    }
    if !named_both.is_empty() {
        return Judgement::Contradicted(best(named_both));
    }
    Judgement::Unsourced
}

/// The candidates with the highest score, at most three, in store order.
fn best(mut scored: Vec<(u8, u32)>) -> Vec<u32> {
    let top = scored.iter().map(|&(s, _)| s).max().unwrap_or(0);
    scored.retain(|&(s, _)| s == top);
    scored.sort_by_key(|&(_, f)| f);
    scored.into_iter().take(3).map(|(_, f)| f).collect()
}

/// Whether a fact in `fact` units can back a number written in `stated`
/// units. Percentages, multiples and currencies are always written with a
/// sign or a word prose mode reads, so a bare number is none of them; it may
/// be a count, or a measure whose unit prose spells in words ("metric tons").
fn backs(stated: &Unit, fact: &Unit) -> bool {
    match (stated, fact) {
        (Unit::Bare, Unit::Bare | Unit::Noun(_) | Unit::Measure(_)) => true,
        (Unit::Bare, _) | (_, Unit::Bare) => false,
        (a, b) => a.compatible(b),
    }
}

/// The same kind of unit on both sides: a bare count against a bare count,
/// or against a count of things when the text names those things right
/// after the number ("17.1 million H100-equivalents").
fn same_kind(stated: &Unit, fact: &Unit, after: &str) -> bool {
    match (stated, fact) {
        (Unit::Bare, Unit::Bare) => true,
        (Unit::Bare, Unit::Noun(noun)) => {
            let next = after.trim_start();
            next.get(..noun.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(noun))
        }
        (Unit::Bare, _) | (_, Unit::Bare) => false,
        (a, b) => a.compatible(b),
    }
}

/// Overlap of more than a touching edge: intervals are widened by an ulp
/// for safe arithmetic, and "13%" must not be backed by a fact of 14%.
fn shares_values(a: &Interval, b: &Interval) -> bool {
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

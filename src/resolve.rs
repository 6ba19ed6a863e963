//! From a reference phrase to the facts it names.
//!
//! A phrase such as `US private AI investment 2025` is split by the store's
//! vocabulary: a trailing period the store uses, then a subject and a metric
//! (names or aliases, compared case-insensitively). Every split that names
//! facts is kept, so a phrase that could mean two facts is reported as
//! ambiguous instead of silently picking one.

use std::collections::BTreeSet;

use crate::claim::Reference;
use crate::store::{Store, Sym, normalize};

/// What narrows the facts a reference may name.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope<'a> {
    /// Facts must come from this source (`@source`, a citation).
    pub source: Option<usize>,
    /// The period to prefer when the reference names none (`@period`).
    pub default_period: Option<&'a str>,
}

/// How a phrase was read: the part that named a subject, a metric, a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub subject: Option<String>,
    pub metric: Option<String>,
    pub period: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Exactly one fact answers the reference.
    Found(u32),
    /// Several facts answer it and nothing in the claim picks one.
    Ambiguous(Vec<u32>),
    /// No fact answers it; the text says what was looked for.
    NotFound(String),
}

/// The facts a reference names, before a period is chosen.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    pub facts: Vec<u32>,
    /// The period named in the reference itself, which is then a filter.
    pub period: Option<Sym>,
    /// The readings of the phrase that named facts.
    pub readings: Vec<Reading>,
}

pub fn resolve(store: &Store, reference: &Reference, scope: Scope<'_>) -> Resolution {
    let candidates = candidates(store, reference, scope);
    choose(store, reference, candidates, scope)
}

/// Picks one fact among the candidates by period: the reference's own, the
/// default period where facts have it, or the only one there is.
pub fn choose(
    store: &Store,
    reference: &Reference,
    candidates: Candidates,
    scope: Scope<'_>,
) -> Resolution {
    let mut facts = candidates.facts;
    if facts.is_empty() {
        return Resolution::NotFound(not_found_message(store, reference, scope));
    }
    // A fact id names its fact whatever the period.
    let names_a_fact = matches!(reference, Reference::FactId(_));
    if candidates.period.is_none()
        && !names_a_fact
        && let Some(default) = scope.default_period.map(normalize)
    {
        let in_default: Vec<u32> = facts
            .iter()
            .copied()
            .filter(|&f| {
                store
                    .period_of(f)
                    .is_some_and(|p| normalize(store.str(p)) == default)
            })
            .collect();
        if in_default.is_empty() {
            // A claim about one period is never checked against another:
            // only facts that name no period at all still answer it.
            let timeless: Vec<u32> = facts
                .iter()
                .copied()
                .filter(|&f| store.period_of(f).is_none())
                .collect();
            if timeless.is_empty() {
                return Resolution::NotFound(not_in_period_message(
                    store, reference, &facts, scope,
                ));
            }
            facts = timeless;
        } else {
            facts = in_default;
        }
    }
    // A claim that names no subject means the store's default one (the
    // report's "World") when that subject is among the answers.
    let named_no_subject =
        !candidates.readings.is_empty() && candidates.readings.iter().all(|r| r.subject.is_none());
    if facts.len() > 1 && named_no_subject {
        let of_default: Vec<u32> = facts
            .iter()
            .copied()
            .filter(|&f| store.is_default_subject(store.fact(f).subject))
            .collect();
        if !of_default.is_empty() {
            facts = of_default;
        }
    }
    match facts.as_slice() {
        [one] => Resolution::Found(*one),
        _ => Resolution::Ambiguous(facts),
    }
}

/// No candidate is in the default period: say which periods they are in.
fn not_in_period_message(
    store: &Store,
    reference: &Reference,
    facts: &[u32],
    scope: Scope<'_>,
) -> String {
    let periods: BTreeSet<&str> = facts
        .iter()
        .filter_map(|&f| store.period_of(f).map(|p| store.str(p)))
        .collect();
    format!(
        "{} for {}; the store has it for {}",
        not_found_message(store, reference, scope),
        scope.default_period.unwrap_or_default(),
        periods.into_iter().collect::<Vec<_>>().join(", ")
    )
}

fn not_found_message(store: &Store, reference: &Reference, scope: Scope<'_>) -> String {
    let within = scope
        .source
        .map(|s| format!(" in source `{}`", store.sources[s].id))
        .unwrap_or_default();
    match reference {
        Reference::FactId(id) => format!("no fact has the id `{id}`{within}"),
        _ => format!("no fact answers `{reference}`{within}"),
    }
}

/// Every fact the reference may name, in store order.
pub fn candidates(store: &Store, reference: &Reference, scope: Scope<'_>) -> Candidates {
    let in_scope = |f: &u32| scope.source.is_none() || store.fact(*f).source == scope.source;
    match reference {
        Reference::FactId(id) => Candidates {
            facts: store.fact_by_id(id).into_iter().filter(in_scope).collect(),
            ..Candidates::default()
        },
        Reference::Explicit {
            subject,
            metric,
            period,
        } => {
            let subjects = subject
                .as_deref()
                .map(|s| store.subjects_named(&normalize(s)).to_vec());
            let metrics = metric
                .as_deref()
                .map(|m| store.metrics_named(&normalize(m)).to_vec());
            let period_sym = period.as_deref().map(|p| store.period_named(&normalize(p)));
            // A period no fact has: nothing can answer.
            if let Some(None) = period_sym {
                return Candidates::default();
            }
            let period_sym = period_sym.flatten();
            let mut found = BTreeSet::new();
            collect(
                store,
                subjects.as_deref(),
                metrics.as_deref(),
                period_sym,
                &mut found,
            );
            Candidates {
                facts: found.into_iter().filter(in_scope).collect(),
                period: period_sym,
                readings: vec![Reading {
                    subject: subject.clone(),
                    metric: metric.clone(),
                    period: period.clone(),
                }],
            }
        }
        Reference::Phrase(phrase) => {
            let normalized = normalize(phrase);
            let words: Vec<&str> = normalized.split(' ').collect();
            for (len, period) in period_splits(store, &words) {
                let mut found = BTreeSet::new();
                let readings = split_names(store, &words[..len], period, &mut found);
                let facts: Vec<u32> = found.into_iter().filter(in_scope).collect();
                if !facts.is_empty() {
                    let readings = readings
                        .into_iter()
                        .map(|mut r| {
                            r.period = period.map(|p| store.str(p).to_owned());
                            r
                        })
                        .collect();
                    return Candidates {
                        facts,
                        period,
                        readings,
                    };
                }
            }
            Candidates::default()
        }
    }
}

/// Where the phrase may end and a period begin: the longest trailing period
/// first, then no period at all (names such as `IMO 2025` end in digits too).
pub(crate) fn period_splits(store: &Store, words: &[&str]) -> Vec<(usize, Option<Sym>)> {
    let mut splits = Vec::new();
    let longest = store
        .longest_period_words()
        .min(words.len().saturating_sub(1));
    for k in (1..=longest).rev() {
        let tail = words[words.len() - k..].join(" ");
        if let Some(p) = store.period_named(&tail) {
            splits.push((words.len() - k, Some(p)));
        }
    }
    splits.push((words.len(), None));
    splits
}

/// Splits words into `[subject] [metric]` every way the vocabulary allows
/// and gathers the facts of each split.
fn split_names(
    store: &Store,
    words: &[&str],
    period: Option<Sym>,
    found: &mut BTreeSet<u32>,
) -> Vec<Reading> {
    let mut readings = Vec::new();
    // No name is longer than the store's longest: a phrase of many more
    // words splits into nothing, and trying every split of a 40,000-word
    // phrase took seconds.
    let longest = store.longest_name_words();
    if words.len() > 2 * longest {
        return readings;
    }
    let whole = words.join(" ");
    let mut try_split = |subject: Option<&str>, metric: Option<&str>| {
        let subjects = subject.map(|s| store.subjects_named(s));
        let metrics = metric.map(|m| store.metrics_named(m));
        if subjects.is_some_and(<[Sym]>::is_empty) || metrics.is_some_and(<[Sym]>::is_empty) {
            return;
        }
        let before = found.len();
        collect(store, subjects, metrics, period, found);
        if found.len() > before {
            readings.push(Reading {
                subject: subject.map(str::to_owned),
                metric: metric.map(str::to_owned),
                period: None,
            });
        }
    };
    try_split(None, Some(&whole));
    try_split(Some(&whole), None);
    for i in 1..words.len() {
        let subject = words[..i].join(" ");
        let metric = words[i..].join(" ");
        try_split(Some(&subject), Some(&metric));
    }
    readings
}

/// Facts with any of the subjects and any of the metrics (`None`: any), in the period.
fn collect(
    store: &Store,
    subjects: Option<&[Sym]>,
    metrics: Option<&[Sym]>,
    period: Option<Sym>,
    found: &mut BTreeSet<u32>,
) {
    let in_period = |f: u32| period.is_none() || store.period_of(f) == period;
    match (subjects, metrics) {
        (None, None) => {}
        (Some(subjects), None) => {
            for &s in subjects {
                found.extend(
                    store
                        .facts_of_subject(s)
                        .iter()
                        .copied()
                        .filter(|&f| in_period(f)),
                );
            }
        }
        (None, Some(metrics)) => {
            for &m in metrics {
                found.extend(
                    store
                        .facts_of_metric(m)
                        .iter()
                        .copied()
                        .filter(|&f| in_period(f)),
                );
            }
        }
        (Some(subjects), Some(metrics)) => {
            for &s in subjects {
                for &m in metrics {
                    found.extend(
                        store
                            .facts_of_pair(s, m)
                            .iter()
                            .copied()
                            .filter(|&f| in_period(f)),
                    );
                }
            }
        }
    }
}

/// The fact with the same metric as `like`, for another subject or period.
pub fn sibling(
    store: &Store,
    like: u32,
    subject: Option<&[Sym]>,
    period: Option<Sym>,
    scope: Scope<'_>,
) -> Vec<u32> {
    let base = store.fact(like);
    let subjects: Vec<Sym> = subject.map_or_else(|| vec![base.subject], <[Sym]>::to_vec);
    let period = period.or(base.period);
    let mut found = BTreeSet::new();
    collect(
        store,
        Some(&subjects),
        Some(&[base.metric]),
        period,
        &mut found,
    );
    found
        .into_iter()
        .filter(|&f| f != like || subject.is_some())
        .filter(|&f| scope.source.is_none() || store.fact(f).source == scope.source)
        .filter(|&f| store.period_of(f) == period)
        .collect()
}

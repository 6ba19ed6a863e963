//! Every way the resolver may read a phrase, with the splits it rejects
//! and why, rebuilt from the store's vocabulary.

use std::collections::BTreeSet;

use crate::store::{Store, Sym, normalize};

/// One way the resolver may read a phrase: with a trailing period, or none.
#[derive(Debug)]
pub(super) struct PhraseReading {
    pub(super) period: Option<String>,
    /// The words before the period.
    pub(super) rest: String,
    pub(super) splits: Vec<Split>,
    /// The resolver stops at the first reading that names facts in scope.
    pub(super) chosen: bool,
}

#[derive(Debug)]
pub(super) struct Split {
    pub(super) subject: Option<String>,
    pub(super) metric: Option<String>,
    pub(super) subjects: Vec<Sym>,
    pub(super) metrics: Vec<Sym>,
    pub(super) outcome: SplitOutcome,
}

#[derive(Debug)]
pub(super) enum SplitOutcome {
    Names(usize),
    Rejected(String),
    /// Neither part is a name the store knows: counted, not listed.
    Unknown,
}

impl Split {
    pub(super) fn describe(&self, store: &Store) -> String {
        let names = |syms: &[Sym]| {
            syms.iter()
                .map(|s| store.str(*s))
                .collect::<Vec<_>>()
                .join(" or ")
        };
        let part = |label: &str, text: &Option<String>, syms: &[Sym]| match text {
            None => None,
            Some(t) if syms.is_empty() || syms.iter().all(|s| normalize(store.str(*s)) == *t) => {
                Some(format!("{label} `{t}`"))
            }
            Some(t) => Some(format!("{label} `{t}` ({})", names(syms))),
        };
        let parts: Vec<String> = [
            part("subject", &self.subject, &self.subjects),
            part("metric", &self.metric, &self.metrics),
        ]
        .into_iter()
        .flatten()
        .collect();
        parts.join(" + ")
    }
}

/// Reads a phrase every way the resolver may: the longest trailing period
/// first, then none; in each, the whole phrase as a metric or a subject, then
/// every split into subject + metric.
pub(super) fn read_phrase(
    store: &Store,
    phrase: &str,
    source: Option<usize>,
) -> Vec<PhraseReading> {
    let normalized = normalize(phrase);
    let words: Vec<&str> = normalized.split(' ').collect();
    let ends = crate::resolve::period_splits(store, &words);
    let mut readings = Vec::new();
    for (len, period) in ends {
        let rest = &words[..len];
        let whole = rest.join(" ");
        let mut tries: Vec<(Option<String>, Option<String>)> =
            vec![(None, Some(whole.clone())), (Some(whole.clone()), None)];
        for i in 1..rest.len() {
            tries.push((Some(rest[..i].join(" ")), Some(rest[i..].join(" "))));
        }
        let mut splits = Vec::new();
        let mut in_scope_total = BTreeSet::new();
        for (subject, metric) in tries {
            let subjects = subject
                .as_deref()
                .map(|s| store.subjects_named(s).to_vec())
                .unwrap_or_default();
            let metrics = metric
                .as_deref()
                .map(|m| store.metrics_named(m).to_vec())
                .unwrap_or_default();
            let subject_known = subject.is_none() || !subjects.is_empty();
            let metric_known = metric.is_none() || !metrics.is_empty();
            let outcome = match (subject_known, metric_known) {
                (false, false) => SplitOutcome::Unknown,
                (false, true) if metric.is_none() => SplitOutcome::Unknown,
                (true, false) if subject.is_none() => SplitOutcome::Unknown,
                (false, true) => SplitOutcome::Rejected(format!(
                    "no subject or alias is called `{}`",
                    subject.as_deref().unwrap_or("")
                )),
                (true, false) => SplitOutcome::Rejected(format!(
                    "no metric or alias is called `{}`",
                    metric.as_deref().unwrap_or("")
                )),
                (true, true) => {
                    let facts = facts_of(
                        store,
                        &subjects,
                        &metrics,
                        subject.is_some(),
                        metric.is_some(),
                        period,
                    );
                    let in_scope: Vec<u32> = facts
                        .iter()
                        .copied()
                        .filter(|&f| source.is_none() || store.fact(f).source == source)
                        .collect();
                    if in_scope.is_empty() {
                        SplitOutcome::Rejected(if !facts.is_empty() {
                            "its facts are all from other sources".to_owned()
                        } else if let Some(p) = period {
                            format!("no fact has these names in {}", store.str(p))
                        } else {
                            "no fact has both of these names".to_owned()
                        })
                    } else {
                        in_scope_total.extend(in_scope.iter().copied());
                        SplitOutcome::Names(in_scope.len())
                    }
                }
            };
            splits.push(Split {
                subject,
                metric,
                subjects,
                metrics,
                outcome,
            });
        }
        let names_facts = !in_scope_total.is_empty();
        readings.push(PhraseReading {
            period: period.map(|p| store.str(p).to_owned()),
            rest: whole,
            splits,
            chosen: names_facts,
        });
        if names_facts {
            break;
        }
    }
    readings
}

/// Facts with one of the subjects (if a subject is named) and one of the
/// metrics (if a metric is named), in the period.
pub(super) fn facts_of(
    store: &Store,
    subjects: &[Sym],
    metrics: &[Sym],
    by_subject: bool,
    by_metric: bool,
    period: Option<Sym>,
) -> Vec<u32> {
    let pool: Vec<u32> = if by_subject {
        subjects
            .iter()
            .flat_map(|&s| store.facts_of_subject(s).iter().copied())
            .collect()
    } else {
        metrics
            .iter()
            .flat_map(|&m| store.facts_of_metric(m).iter().copied())
            .collect()
    };
    let mut found: Vec<u32> = pool
        .into_iter()
        .filter(|&f| {
            let fact = store.fact(f);
            (!by_subject || subjects.contains(&fact.subject))
                && (!by_metric || metrics.contains(&fact.metric))
                && (period.is_none() || fact.period == period)
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

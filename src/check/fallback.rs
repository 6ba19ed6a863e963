//! When a claim's phrase names no fact word for word, the linker reads its
//! words ([`Linker::link_phrase`]): a phrase that clearly names one subject
//! and metric is resolved to its fact (by the claim's period, as exact
//! resolution would choose it), the claim is checked against that fact, and
//! a match is loose with the resolution as its reason; a phrase that names
//! nothing clearly gets "did you mean" names. Exact resolution runs first
//! and is untouched: this only reads claims it left without a fact.
//!
//! The claimed value plays no part: the link is made from the phrase alone,
//! before the value is compared.

use std::sync::OnceLock;

use super::evaluate::evaluate_body;
use super::verdict::{failure_outcome, with_provenance, with_reference};
use super::{Ctx, Failure, Outcome, Step};
use crate::claim::{Body, Claim, Reference, Rhs};
use crate::link::Linker;
use crate::link::phrase::{self, PhraseMatch};
use crate::report::{PhraseLink, RunnerUp, Verdict};
use crate::resolve::{self, Candidates, Resolution};
use crate::store::{Store, Sym, normalize};

/// The store's linker, built the first time a phrase needs it: most claim
/// files resolve every phrase exactly and never pay for it.
pub(super) struct Links<'s> {
    store: &'s Store,
    linker: OnceLock<Linker>,
}

impl<'s> Links<'s> {
    pub(super) fn new(store: &'s Store) -> Links<'s> {
        Links {
            store,
            linker: OnceLock::new(),
        }
    }

    fn get(&self) -> &Linker {
        self.linker.get_or_init(|| Linker::new(self.store))
    }
}

/// How many phrases of one claim may be linked (`A / B` links two).
const MAX_LINKED: usize = 4;

/// How many of a suggested name's periods are listed.
const PERIODS_SHOWN: usize = 4;

/// The period a phrase ends in.
enum Period {
    None,
    Known(Sym),
}

/// The claim checked again with its unnamed phrases linked, or `outcome`
/// as it was (with "did you mean" names when the words come near some).
pub(super) fn relink(ctx: &Ctx<'_>, links: &Links<'_>, claim: &Claim, outcome: Outcome) -> Outcome {
    if outcome.code != Some("no-fact") || !matches!(claim.body, Body::Compare { .. }) {
        return outcome;
    }
    let store = ctx.store;
    let mut body = claim.body.clone();
    let mut resolved: Vec<PhraseLink> = Vec::new();
    for _ in 0..MAX_LINKED {
        let Some(reference) = first_unnamed(ctx, &body) else {
            break;
        };
        let Some((text, period)) = phrase_of(store, &reference) else {
            return outcome;
        };
        // The words name facts exactly, only not in this period: the
        // nearest names list its periods; the linker has nothing to add.
        let unscoped = Reference::Phrase(text.clone());
        if !resolve::candidates(store, &unscoped, ctx.scope)
            .facts
            .is_empty()
        {
            return outcome;
        }
        match links.get().link_phrase(store, &text) {
            PhraseMatch::Linked { link, runner_up } => {
                let mut shown = to_report(store, &text, &link, None);
                shown.runner_up = runner_up.map(|r| RunnerUp {
                    subject: store.str(r.subject).to_owned(),
                    metric: store.str(r.metric).to_owned(),
                    score: two_decimals(r.score),
                });
                match facts_of(ctx, &reference, &link, &period) {
                    Resolution::Found(f) => {
                        let id = store.fact(f).id.to_string();
                        shown.fact = Some(id.clone());
                        ctx.record(|| Step::Linked {
                            link: shown.clone(),
                        });
                        body = with_reference(&body, &reference, &Reference::FactId(id));
                        resolved.push(shown);
                    }
                    Resolution::Ambiguous(candidates) => {
                        let mut out = failure_outcome(Failure::Ambiguous {
                            reason: format!(
                                "`{text}` names no fact word for word; its words link it to `{}` ({}), and {} facts of it answer the claim; name the period or use {{fact-id}}",
                                shown.name(),
                                shown.matched_words(),
                                candidates.len()
                            ),
                            candidates,
                            reference: None,
                        });
                        out.did_you_mean = vec![shown];
                        return out;
                    }
                    // The linked pair has no fact in the claim's period or
                    // source: named, never swapped for the runner-up.
                    Resolution::NotFound(_) => {
                        return with_did_you_mean(store, outcome, &[link], vec![shown]);
                    }
                }
            }
            PhraseMatch::Near(near) => {
                let shown = near
                    .iter()
                    .map(|l| to_report(store, &text, l, None))
                    .collect();
                return with_did_you_mean(store, outcome, &near, shown);
            }
            PhraseMatch::Nothing => return outcome,
        }
    }
    if resolved.is_empty() {
        return outcome;
    }
    let mut linked = match evaluate_body(ctx, &body) {
        Ok(o) => with_provenance(store, o),
        Err(f) => failure_outcome(f),
    };
    if linked.verdict == Some(Verdict::Match) && linked.code != Some("no-provenance") {
        let why = resolved
            .iter()
            .map(|r| {
                let lead = match &r.runner_up {
                    Some(next) if next.score > 0.0 => format!(
                        " ({:.1}x the score of the next, `{} · {}`)",
                        r.score / next.score,
                        next.subject,
                        next.metric
                    ),
                    _ => String::new(),
                };
                format!(
                    "`{}` names no fact word for word; resolved by its words to `{}`{lead}",
                    r.phrase,
                    r.name()
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        linked.loose_reason = Some(match linked.loose_reason {
            Some(other) => format!("{why}; {other}"),
            None => why,
        });
    }
    linked.resolved = resolved;
    linked
}

/// The first reference of the body that names no fact exactly, in any period.
fn first_unnamed(ctx: &Ctx<'_>, body: &Body) -> Option<Reference> {
    let store = ctx.store;
    let Body::Compare { lhs, rhs, .. } = body else {
        return None;
    };
    let mut all: Vec<&Reference> = lhs.references().collect();
    if let Rhs::Against { other, .. } = rhs {
        // `vs 2024`, `23x China`: a period or a subject, read by the check itself.
        let is_name = match other {
            Reference::Phrase(p) => {
                let name = normalize(p);
                store.period_named(&name).is_some() || !store.subjects_named(&name).is_empty()
            }
            _ => false,
        };
        if !is_name {
            all.push(other);
        }
    }
    // A phrase that names facts, only not in the claim's period, is named
    // exactly: the nearest names give its periods.
    all.into_iter()
        .find(|r| resolve::candidates(store, r, ctx.scope).facts.is_empty())
        .cloned()
}

/// The words of a reference to link, and the period it names. `None` for
/// a fact id, and for a phrase ending in a period the store does not have
/// (`2019`): the store has no fact of it, whatever the words name.
fn phrase_of(store: &Store, reference: &Reference) -> Option<(String, Period)> {
    match reference {
        Reference::Phrase(p) => {
            let normalized = normalize(p);
            let words: Vec<&str> = normalized.split(' ').collect();
            let written: Vec<&str> = p.split_whitespace().collect();
            let (len, period) = match resolve::period_splits(store, &words).first() {
                Some(&(len, Some(period))) => (len, Period::Known(period)),
                _ if words
                    .last()
                    .is_some_and(|w| w.bytes().any(|b| b.is_ascii_digit())) =>
                {
                    return None;
                }
                _ => (words.len(), Period::None),
            };
            // `normalize` keeps the words apart as written; show them so.
            let text = if written.len() == words.len() {
                written[..len].join(" ")
            } else {
                words[..len].join(" ")
            };
            Some((text, period))
        }
        Reference::Explicit {
            subject,
            metric,
            period,
        } => {
            let text = [subject.as_deref(), metric.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let period = match period {
                Some(p) => Period::Known(store.period_named(&normalize(p))?),
                None => Period::None,
            };
            Some((text, period))
        }
        Reference::FactId(_) => None,
    }
}

/// The fact of the linked pair the claim speaks of: in its period, or as
/// exact resolution chooses by the default period.
fn facts_of(
    ctx: &Ctx<'_>,
    reference: &Reference,
    link: &phrase::PhraseLink,
    period: &Period,
) -> Resolution {
    let store = ctx.store;
    let period = match period {
        Period::Known(p) => Some(*p),
        Period::None => None,
    };
    let facts: Vec<u32> = store
        .facts_of_pair(link.subject, link.metric)
        .iter()
        .copied()
        .filter(|&f| ctx.scope.source.is_none() || store.fact(f).source == ctx.scope.source)
        .filter(|&f| period.is_none() || store.fact(f).period == period)
        .collect();
    let candidates = Candidates {
        facts,
        period,
        readings: Vec::new(),
    };
    resolve::choose(store, reference, candidates, ctx.scope)
}

fn to_report(
    store: &Store,
    text: &str,
    link: &phrase::PhraseLink,
    fact: Option<String>,
) -> PhraseLink {
    PhraseLink {
        phrase: text.to_owned(),
        subject: store.str(link.subject).to_owned(),
        metric: store.str(link.metric).to_owned(),
        fact,
        matched: {
            // A word may match the metric's name and the subject's.
            let mut matched: Vec<(String, String)> = Vec::new();
            for pair in link.evidence.iter().flat_map(|e| e.words.iter()) {
                if !matched.iter().any(|m| m.0 == pair.0) {
                    matched.push(pair.clone());
                }
            }
            matched
        },
        unmatched: link.unmatched.clone(),
        score: two_decimals(link.score),
        runner_up: None,
    }
}

/// The reason says which names the words come near, with the periods each
/// has: the claim's may not be among them.
fn with_did_you_mean(
    store: &Store,
    mut outcome: Outcome,
    links: &[phrase::PhraseLink],
    near: Vec<PhraseLink>,
) -> Outcome {
    // Names of one metric for several subjects are said once: what the
    // phrase lacks is the subject ("notable models" of Industry or Academia).
    let mut groups: Vec<(Sym, Vec<Sym>)> = Vec::new();
    for link in links {
        match groups.iter_mut().find(|(m, _)| *m == link.metric) {
            Some((_, subjects)) => subjects.push(link.subject),
            None => groups.push((link.metric, vec![link.subject])),
        }
    }
    let names: Vec<String> = groups
        .iter()
        .map(|(metric, subjects)| {
            let mut periods: Vec<&str> = subjects
                .iter()
                .flat_map(|&s| store.facts_of_pair(s, *metric))
                .filter_map(|&f| store.fact(f).period.map(|p| store.str(p)))
                .collect();
            periods.sort_unstable();
            periods.dedup();
            let more = periods.len().saturating_sub(PERIODS_SHOWN);
            let mut shown = periods[..periods.len().min(PERIODS_SHOWN)].join(", ");
            if more > 0 {
                shown.push_str(&format!(" and {more} more"));
            }
            let name = match subjects.as_slice() {
                [one] => format!("`{} · {}`", store.str(*one), store.str(*metric)),
                [first @ .., last] => format!(
                    "metric `{}` of {} or {}",
                    store.str(*metric),
                    first
                        .iter()
                        .map(|&s| store.str(s))
                        .collect::<Vec<_>>()
                        .join(", "),
                    store.str(*last)
                ),
                [] => format!("metric `{}`", store.str(*metric)),
            };
            if periods.is_empty() {
                name
            } else {
                format!("{name} ({shown})")
            }
        })
        .collect();
    // Words the best name lacks may be why nothing was linked.
    let lacking = near
        .first()
        .filter(|l| !l.unmatched.is_empty())
        .map(|l| {
            let words: Vec<String> = l.unmatched.iter().map(|w| format!("`{w}`")).collect();
            format!(" (the first lacks {})", words.join(", "))
        })
        .unwrap_or_default();
    if let Some(reason) = &mut outcome.reason {
        reason.push_str(&format!(
            "; by its words, did you mean {}?{lacking}",
            names.join(" or ")
        ));
    }
    outcome.did_you_mean = near;
    outcome
}

/// Scores are shown to two decimals: the report stays the same from one
/// platform's float rounding to another's.
fn two_decimals(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

//! One claim's verdict: the check itself, then what a failure tells the
//! editor (each reading of an ambiguous claim, a source that does state it,
//! the nearest names) and the provenance every verdict needs.

use std::cell::RefCell;

use super::evaluate::evaluate_body;
use super::fallback::{Links, relink};
use super::{Ctx, Failure, FileState, Outcome, Step, unknown_source};
use crate::claim::{Body, Claim, Reference, Rhs};
use crate::report::Verdict;
use crate::resolve::Scope;
use crate::store::Store;

pub(super) fn check_claim_traced(
    store: &Store,
    claim: &Claim,
    state: &FileState,
    trace: Option<&RefCell<Vec<Step>>>,
    links: &Links<'_>,
) -> Outcome {
    let source = match (&claim.cite, &state.source) {
        (Some(cite), _) => match store.source_index(cite) {
            Some(i) => Some(i),
            None => {
                return failure_outcome(Failure::invalid(
                    "unknown-source",
                    unknown_source(store, cite),
                ));
            }
        },
        (None, Some(Ok(i))) => Some(*i),
        (None, Some(Err(id))) => {
            return failure_outcome(Failure::invalid(
                "unknown-source",
                format!("the file's @source `{id}` is not in the store"),
            ));
        }
        (None, None) => None,
    };
    let ctx = Ctx {
        store,
        scope: Scope {
            source,
            default_period: state.period.as_deref(),
        },
        tolerance: state.tolerance,
        trace,
    };
    let outcome = match evaluate_body(&ctx, &claim.body) {
        Ok(outcome) => {
            let was = outcome.verdict;
            let outcome = with_provenance(store, outcome);
            if outcome.code == Some("no-provenance") {
                ctx.record(|| Step::Provenance {
                    problems: outcome.reason.iter().cloned().collect(),
                    was: was.unwrap_or(Verdict::Invalid),
                });
            }
            outcome
        }
        Err(Failure::Ambiguous {
            reason,
            candidates,
            reference: Some(reference),
        }) => {
            // An editor wants to know which reading the claim fits: try each,
            // without adding the tries to an explanation's steps.
            let quiet = Ctx { trace: None, ..ctx };
            let mut outcome = failure_outcome(Failure::Ambiguous {
                reason,
                candidates: candidates.clone(),
                reference: None,
            });
            for &c in candidates.iter().take(MAX_CANDIDATES_TRIED) {
                let fact = store.fact(c);
                let pinned = with_reference(
                    &claim.body,
                    &reference,
                    &Reference::FactId(fact.id.to_string()),
                );
                let verdict = match evaluate_body(&quiet, &pinned) {
                    Ok(o) if o.loose_reason.is_some() => "match (loose)",
                    Ok(o) => o.verdict.unwrap_or(Verdict::Invalid).as_str(),
                    Err(Failure::Ambiguous { .. }) => "ambiguous",
                    Err(Failure::Missing { .. }) => "missing-provenance",
                    Err(Failure::Invalid { .. }) => "invalid",
                };
                outcome.arithmetic.push(format!(
                    "with {{{}}} ({}): {verdict}",
                    fact.id, fact.value.text
                ));
            }
            outcome
        }
        Err(Failure::Missing {
            code: "no-fact",
            reason,
        }) if ctx.scope.source.is_some() => {
            // The number may be right while the cited source (the claim's
            // own citation or the file's @source) does not state it.
            let unscoped = Ctx {
                scope: Scope {
                    source: None,
                    ..ctx.scope
                },
                ..ctx
            };
            match evaluate_body(&unscoped, &claim.body) {
                Ok(elsewhere) => {
                    let sources: Vec<String> = elsewhere
                        .facts
                        .iter()
                        .filter_map(|&f| store.source_of(store.fact(f)).map(|s| s.id.clone()))
                        .collect();
                    ctx.record(|| Step::CitedElsewhere {
                        sources: sources.clone(),
                    });
                    let mut outcome = failure_outcome(Failure::Missing {
                        code: "not-in-cited-source",
                        reason: format!(
                            "{reason}; the cited source does not state it, but {} does (the claim would be a {})",
                            sources.join(", "),
                            elsewhere.verdict.unwrap_or(Verdict::Invalid).as_str()
                        ),
                    });
                    outcome.facts = elsewhere.facts;
                    outcome
                }
                Err(_) => failure_outcome(Failure::Missing {
                    code: "no-fact",
                    reason,
                }),
            }
        }
        Err(f) => failure_outcome(f),
    };
    let outcome = relink(&ctx, links, claim, outcome);
    with_nearest_names(store, claim, ctx.scope, outcome)
}

/// How many candidates of an ambiguous claim are each tried as its reading.
const MAX_CANDIDATES_TRIED: usize = 10;

/// The claim body with one reference replaced wherever it stands.
pub(super) fn with_reference(body: &Body, from: &Reference, to: &Reference) -> Body {
    let swap = |r: &Reference| if r == from { to.clone() } else { r.clone() };
    match body {
        Body::Compare { lhs, op, rhs } => Body::Compare {
            lhs: lhs.map_references(swap),
            op: *op,
            rhs: match rhs {
                Rhs::Value(q) => Rhs::Value(q.clone()),
                Rhs::Against { quantity, other } => Rhs::Against {
                    quantity: quantity.clone(),
                    other: swap(other),
                },
            },
        },
        // A chain names its periods apart; pinning one fact would drop them.
        Body::Chain { .. } => body.clone(),
    }
}

/// A claim that names no fact says where the nearest names are.
fn with_nearest_names(
    store: &Store,
    claim: &Claim,
    scope: Scope<'_>,
    mut outcome: Outcome,
) -> Outcome {
    let linked = linked_words(&outcome);
    if outcome.code == Some("no-fact")
        && let Some(reason) = &mut outcome.reason
        && let Some(hint) = crate::nearest::hint_beside(store, claim, scope, linked.as_deref())
    {
        reason.push_str("; ");
        reason.push_str(&hint);
    }
    outcome
}

/// The words of the phrase that the best "did you mean" name holds.
fn linked_words(outcome: &Outcome) -> Option<String> {
    let best = outcome.did_you_mean.first()?;
    let words: Vec<&str> = best.matched.iter().map(|(said, _)| said.as_str()).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

pub(super) fn failure_outcome(f: Failure) -> Outcome {
    match f {
        Failure::Invalid { code, reason } => Outcome {
            verdict: Some(Verdict::Invalid),
            reason: Some(reason),
            code: Some(code),
            ..Outcome::default()
        },
        Failure::Missing { code, reason } => Outcome {
            verdict: Some(Verdict::MissingProvenance),
            reason: Some(reason),
            code: Some(code),
            ..Outcome::default()
        },
        Failure::Ambiguous {
            reason, candidates, ..
        } => Outcome {
            verdict: Some(Verdict::Ambiguous),
            reason: Some(reason),
            candidates,
            ..Outcome::default()
        },
    }
}

/// A verdict that rests on a fact with no source or no locator is not a verdict.
pub(super) fn with_provenance(store: &Store, mut outcome: Outcome) -> Outcome {
    let unusable: Vec<String> = outcome
        .facts
        .iter()
        .map(|&f| store.fact(f))
        .filter_map(|fact| match (store.source_of(fact), store.locator(fact)) {
            (None, _) => Some(format!("fact `{}` has no source", fact.id)),
            (Some(_), None) => Some(format!(
                "fact `{}` has no locator (chapter, section, page, ...)",
                fact.id
            )),
            _ => None,
        })
        .collect();
    if !unusable.is_empty() {
        let was = outcome.verdict.map_or("", Verdict::as_str);
        outcome.reason = Some(format!(
            "{} (the value alone would be a {was})",
            unusable.join("; ")
        ));
        outcome.verdict = Some(Verdict::MissingProvenance);
        outcome.code = Some("no-provenance");
        outcome.loose_reason = None;
    }
    outcome
}

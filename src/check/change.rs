//! Changes against another subject or period (`= 23x China`, `= +55% vs
//! 2024`), and facts that state a change themselves.

use super::evaluate::{arithmetic, fact_term, resolve_one};
use super::show::{show_central, show_interval};
use super::{Ctx, Failure, Step, Term};
use crate::claim::{ArithOp, Reference};
use crate::quantity::{Quantity, Reading, Unit};
use crate::resolve::{self, Resolution, Scope};
use crate::store::{Store, normalize};

/// `A = 23x OTHER`, `A = +55% vs OTHER`, `A = -13pp vs OTHER`: the other fact
/// is the same metric for another subject or period, or any reference.
pub(super) fn change_against(
    ctx: &Ctx<'_>,
    reference: &Reference,
    a: &Term,
    other: &Reference,
    q: &Quantity,
) -> Result<Term, Failure> {
    let store = ctx.store;
    let a_fact = a.facts[0];
    let b = match other {
        Reference::Phrase(phrase) => {
            let name = normalize(phrase);
            if let Some(period) = store.period_named(&name) {
                let found = resolve::sibling(store, a_fact, None, Some(period), ctx.scope);
                ctx.record(|| Step::Sibling {
                    other: phrase.clone(),
                    like: a_fact,
                    period: Some(store.str(period).to_owned()),
                    found: found.clone(),
                });
                match found.as_slice() {
                    // The same words at the other period may name a fact
                    // whose metric is spelled differently (an alias shared
                    // by "surplus" and "surplus a year earlier").
                    [] => match same_words_at(ctx, reference, a_fact, phrase) {
                        Some(b) => b,
                        None => return stated_change(ctx, reference, a_fact, phrase, q),
                    },
                    [one] => *one,
                    _ => return Err(several_answer(phrase, found)),
                }
            } else if !store.subjects_named(&name).is_empty() {
                let found = resolve::sibling(
                    store,
                    a_fact,
                    Some(store.subjects_named(&name)),
                    None,
                    ctx.scope,
                );
                ctx.record(|| Step::Sibling {
                    other: phrase.clone(),
                    like: a_fact,
                    period: None,
                    found: found.clone(),
                });
                match found.as_slice() {
                    [] => {
                        let a_ref = store.fact(a_fact);
                        return Err(Failure::Missing {
                            code: "no-fact",
                            reason: format!(
                                "no fact gives `{}` for `{phrase}`{}",
                                store.str(a_ref.metric),
                                a_ref
                                    .period
                                    .map(|p| format!(" in {}", store.str(p)))
                                    .unwrap_or_default()
                            ),
                        });
                    }
                    [one] => *one,
                    _ => return Err(several_answer(phrase, found)),
                }
            } else {
                resolve_one(ctx, other, other_scope(ctx, a_fact))?
            }
        }
        _ => resolve_one(ctx, other, other_scope(ctx, a_fact))?,
    };
    let b = fact_term(ctx, b);
    change_between(&b, a, q)
}

/// The fact that `reference`'s own words name at another period, if exactly one.
fn same_words_at(ctx: &Ctx<'_>, reference: &Reference, a_fact: u32, period: &str) -> Option<u32> {
    let Reference::Phrase(phrase) = reference else {
        return None;
    };
    let store = ctx.store;
    let words = normalize(phrase);
    let base = match store.fact(a_fact).period.map(|p| normalize(store.str(p))) {
        Some(p) => words
            .strip_suffix(p.as_str())
            .map_or(words.as_str(), str::trim_end),
        None => words.as_str(),
    };
    let phrase = format!("{base} {period}");
    let found = match resolve::resolve(store, &Reference::Phrase(phrase.clone()), ctx.scope) {
        Resolution::Found(b) if b != a_fact => Some(b),
        _ => None,
    };
    ctx.record(|| Step::SameWords { phrase, found });
    found
}

/// The other side of a comparison defaults to the first side's period.
fn other_scope<'a>(ctx: &Ctx<'a>, a_fact: u32) -> Scope<'a> {
    Scope {
        default_period: ctx
            .store
            .fact(a_fact)
            .period
            .map(|p| ctx.store.str(p))
            .or(ctx.scope.default_period),
        ..ctx.scope
    }
}

/// The change from `old` to `new` in the claim's terms: a ratio for `x`, a
/// relative change for `%`, a difference for `pp` (and plain numbers).
pub(super) fn change_between(old: &Term, new: &Term, q: &Quantity) -> Result<Term, Failure> {
    match q.unit {
        Unit::Multiple => arithmetic(new.clone(), ArithOp::Div, old.clone()),
        Unit::Percent => {
            let ratio = arithmetic(new.clone(), ArithOp::Div, old.clone())?;
            let mut change = Term {
                reading: Reading {
                    set: ratio.reading.set.shift(-1.0).scale(100.0),
                    strict: ratio.reading.strict.shift(-1.0).scale(100.0),
                    central: ratio.reading.central.map(|c| (c - 1.0) * 100.0),
                },
                unit: Unit::Percent,
                facts: ratio.facts,
                written: None,
                last_digit: None,
                steps: ratio.steps,
            };
            change.steps.push(format!(
                "relative change = {} → {}",
                show_central(&change.reading, &Unit::Percent),
                show_interval(&change.reading.set, &Unit::Percent)
            ));
            Ok(change)
        }
        Unit::PercentagePoints => {
            if new.unit != Unit::Percent || old.unit != Unit::Percent {
                return Err(Failure::invalid(
                    "unit-mismatch",
                    format!(
                        "a change in percentage points needs percentages, not {}",
                        new.unit.name()
                    ),
                ));
            }
            arithmetic(new.clone(), ArithOp::Sub, old.clone())
        }
        Unit::Bare | Unit::Currency(_) | Unit::Measure(_) | Unit::Noun(_) | Unit::Rate(..) => {
            arithmetic(new.clone(), ArithOp::Sub, old.clone())
        }
    }
}

/// No level for the other period: a fact that states the change itself
/// (`private AI investment growth`) may answer a relative change or a ratio.
fn stated_change(
    ctx: &Ctx<'_>,
    reference: &Reference,
    a_fact: u32,
    period: &str,
    q: &Quantity,
) -> Result<Term, Failure> {
    let store = ctx.store;
    let fact = store.fact(a_fact);
    let base = normalize(period);
    // Changes from other base periods, named so the editor sees what the store has.
    let mut other_bases: Vec<String> = Vec::new();
    let missing = |other_bases: &[String]| Failure::Missing {
        code: "no-fact",
        reason: format!(
            "no fact gives `{}` for {period}, and none states its change from {period}{}",
            store.str(fact.metric),
            if other_bases.is_empty() {
                String::new()
            } else {
                format!(" ({})", other_bases.join("; "))
            }
        ),
    };
    if !matches!(q.unit, Unit::Percent | Unit::Multiple) {
        return Err(missing(&other_bases));
    }
    let Reference::Phrase(phrase) = reference else {
        return Err(missing(&other_bases));
    };
    let name = match fact.period.map(|p| normalize(store.str(p))) {
        Some(p) => normalize(phrase)
            .strip_suffix(&p)
            .map(|b| b.trim().to_owned())
            .unwrap_or_else(|| normalize(phrase)),
        None => normalize(phrase),
    };
    let scope = Scope {
        default_period: fact.period.map(|p| store.str(p)),
        ..ctx.scope
    };
    let tries = [
        format!("{name} growth since {period}"),
        format!("{name} growth"),
        format!("growth in {name}"),
    ];
    // The stated change must be of the same subject and period as the level,
    // and from the claim's base period: growth since 2024 says nothing of 2013.
    let mut tried = Vec::new();
    let mut found = Vec::new();
    for t in &tries {
        tried.push(t.clone());
        found = resolve::candidates(store, &Reference::Phrase(t.clone()), scope)
            .facts
            .into_iter()
            .filter(|&g| {
                let g = store.fact(g);
                g.subject == fact.subject
                    && g.period == fact.period
                    && g.value.unit == Unit::Percent
            })
            .filter(|&g| {
                let from = base_period(store, store.fact(g));
                let same = from.as_deref() == Some(base.as_str());
                if !same {
                    other_bases.push(match from {
                        Some(from) => format!("{} states the change from {from}", store.fact(g).id),
                        None => format!("{} does not say from when", store.fact(g).id),
                    });
                }
                same
            })
            .collect();
        if !found.is_empty() {
            break;
        }
    }
    ctx.record(|| Step::StatedChange {
        period: period.to_owned(),
        tried,
        candidates: found.clone(),
    });
    let growth = match found.as_slice() {
        [] => return Err(missing(&other_bases)),
        [one] => *one,
        _ => {
            return Err(Failure::Ambiguous {
                reason: "several facts state this change".to_owned(),
                candidates: found,
                reference: None,
            });
        }
    };
    let mut term = fact_term(ctx, growth);
    term.steps.insert(
        0,
        format!(
            "no fact gives `{}` for {period}; {} states the change from {period} itself",
            store.str(fact.metric),
            store.fact(growth).id
        ),
    );
    if q.unit == Unit::Multiple {
        let r = &term.reading;
        term.reading = Reading {
            set: r.set.scale(0.01).shift(1.0),
            strict: r.strict.scale(0.01).shift(1.0),
            central: r.central.map(|c| 1.0 + c / 100.0),
        };
        term.unit = Unit::Multiple;
        term.written = None;
        term.last_digit = None;
        term.steps.push(format!(
            "as a multiple: 1 + growth = {} → {}",
            show_central(&term.reading, &Unit::Multiple),
            show_interval(&term.reading.set, &Unit::Multiple)
        ));
    }
    Ok(term)
}

/// The period a fact that states a change measures it from, normalised:
/// the older of the facts it is derived from; the period its metric names
/// (`growth since 2024`, `from 2023`, `2023 to 2025`); the start of its own
/// span (`2013-2025`); else, for a change over one year (`2025`, or a metric
/// that says `year over year`), the year before.
fn base_period(store: &Store, fact: &crate::store::Fact) -> Option<String> {
    let own = fact.period.map(|p| normalize(store.str(p)));
    if let Some(derived) = &fact.derived {
        let from_other_period = derived
            .from
            .iter()
            .filter_map(|id| store.fact_by_id(id))
            .filter_map(|f| store.fact(f).period)
            .map(|p| normalize(store.str(p)))
            .find(|p| Some(p) != own.as_ref());
        if from_other_period.is_some() {
            return from_other_period;
        }
    }
    let metric = normalize(store.str(fact.metric));
    let words: Vec<&str> = metric.split(' ').collect();
    // "growth from cloud revenue" names no period: only dates count.
    let dated = |word: &str| word.contains(|c: char| c.is_ascii_digit());
    for pair in words.windows(2) {
        if matches!(pair[0], "since" | "from") && dated(pair[1]) {
            return Some(pair[1].to_owned());
        }
        if pair[1] == "to" && dated(pair[0]) {
            return Some(pair[0].to_owned());
        }
    }
    let own = own?;
    if let Some(since) = own.strip_prefix("since ") {
        return Some(since.to_owned());
    }
    if let Some((start, _)) = own.split_once('-') {
        return Some(start.to_owned());
    }
    let year: i32 = own.parse().ok().filter(|y| (1000..10000).contains(y))?;
    Some((year - 1).to_string())
}

/// Several facts answer the phrase of the other side of a change.
fn several_answer(phrase: &str, found: Vec<u32>) -> Failure {
    Failure::Ambiguous {
        reason: format!("several facts answer `{phrase}`"),
        candidates: found,
        reference: None,
    }
}

//! The claim's form, its facts and its verdict rules, in words.

use crate::check::{show_interval, show_number_in};
use crate::claim::{Body, ChainValues, Claim, Op, Reference, Rhs};
use crate::interval::Interval;
use crate::quantity::{Qualifier, Quantity, Unit};
use crate::store::{Store, normalize};

/// Why a match is not loose, in the terms of the verdict rules.
pub(super) fn not_loose(
    claim_strict: &Interval,
    claim_central: Option<f64>,
    value: &crate::quantity::Reading,
    unit: &Unit,
) -> String {
    let shown = |i: &Interval| show_interval(i, unit);
    let number = |x: f64| show_number_in(x, unit);
    match (value.central, claim_central) {
        (Some(v), _) if claim_strict.contains(v) => format!(
            "it holds without any tolerance, and the facts' value {} lies within the claim's own interval {}",
            number(v),
            shown(claim_strict)
        ),
        (_, Some(c)) if value.strict.contains(c) => format!(
            "it holds without any tolerance, and the claim's value {} lies within the facts' interval {}",
            number(c),
            shown(&value.strict)
        ),
        _ => format!(
            "it holds without any tolerance: {} and {} overlap, and neither side has a single value that could disagree",
            shown(claim_strict),
            shown(&value.strict)
        ),
    }
}

/// The claim's form, in words.
pub(super) fn form(store: &Store, claim: &Claim) -> String {
    match &claim.body {
        Body::Compare { lhs, op, rhs } => {
            let left = match lhs.single() {
                Some(r) => format!("`{r}`"),
                None => format!("the arithmetic `{lhs}` between facts"),
            };
            match rhs {
                Rhs::Value(q) => format!("{} — {left} {}", value_form(*op, q), op_words(*op, q)),
                Rhs::Against { quantity, other } => {
                    let other_is_period = match other {
                        Reference::Phrase(p) => store.period_named(&normalize(p)).is_some(),
                        _ => false,
                    };
                    let against = if other_is_period {
                        format!("the same measure in {other}")
                    } else {
                        format!("`{other}`")
                    };
                    let kind = match (&quantity.unit, other_is_period) {
                        (Unit::Multiple, true) => "a ratio between periods",
                        (Unit::Multiple, false) => "a ratio between subjects",
                        (Unit::Percent, _) => "a relative change",
                        (Unit::PercentagePoints, _) => "a change in percentage points",
                        _ => "a difference",
                    };
                    format!(
                        "{kind} — {left} {} {} against {against}",
                        op.as_str(),
                        quantity.text
                    )
                }
            }
        }
        Body::Chain {
            reference,
            periods,
            op,
            values,
        } => match values {
            ChainValues::Each(values) => format!(
                "a change over time — `{reference}` in {} {} {} respectively",
                periods.join(", "),
                op.as_str(),
                values
                    .iter()
                    .map(|q| q.text.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ChainValues::Change(q) => {
                let kind = match q.unit {
                    Unit::PercentagePoints => "a change in percentage points",
                    Unit::Percent => "a relative change",
                    Unit::Multiple => "a ratio between periods",
                    _ => "a change",
                };
                format!(
                    "{kind} — `{reference}` from {} to {} {} {}",
                    periods.first().map_or("", String::as_str),
                    periods.last().map_or("", String::as_str),
                    op.as_str(),
                    q.text
                )
            }
        },
    }
}

pub(super) fn value_form(op: Op, q: &Quantity) -> &'static str {
    match (op, q.high, q.qualifier) {
        (Op::Approx, _, _) => "an approximation",
        (Op::Gt | Op::Ge | Op::Lt | Op::Le, _, _) => "a bound",
        (_, Some(_), _) => "a range",
        (_, None, Some(Qualifier::About | Qualifier::Nearly)) => "an approximation",
        (_, None, Some(_)) => "a bound",
        (_, None, None) => "a value",
    }
}

pub(super) fn op_words(op: Op, q: &Quantity) -> String {
    format!("{} {}", op.as_str(), q.text)
}

pub(super) fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `e-a (2024), e-b (2025) and 3 more`.
pub(super) fn list_facts(store: &Store, facts: &[u32], most: usize) -> String {
    let mut parts: Vec<String> = facts
        .iter()
        .take(most)
        .map(|&f| {
            let fact = store.fact(f);
            match fact.period {
                Some(p) => format!("{} ({}, {})", fact.id, store.str(p), fact.value.text),
                None => format!("{} ({})", fact.id, fact.value.text),
            }
        })
        .collect();
    if facts.len() > most {
        parts.push(format!("and {} more", facts.len() - most));
    }
    parts.join(", ")
}

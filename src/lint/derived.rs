//! Derived facts, recomputed from the facts they are derived from.
//!
//! A derivation is turned into the claim it amounts to (`{us} / {china} =
//! 23.1x`) and checked with the same interval arithmetic and verdict rules as
//! `claimcheck check`, so a derived figure holds exactly when a claim stating
//! it would match.

use super::{Code, Finding, Location, Options};
use crate::check::{self, show_interval};
use crate::claim::{ArithOp, Body, Claim, Expr, Op, Reference, Rhs};
use crate::quantity::Quantity;
use crate::report::Verdict;
use crate::store::{DerivationOp, Fact, Store};

pub(super) fn check(store: &Store, options: &Options, out: &mut Vec<Finding>) {
    for fact in &store.facts {
        let Some(derivation) = &fact.derived else {
            continue;
        };
        let location = Location::fact(store, fact, "/derived");
        let mut ids = vec![fact.id.to_string()];
        ids.extend(derivation.from.iter().cloned());
        // Ids the store lacks are load errors (unknown-fact), reported apart.
        let inputs: Option<Vec<&Fact>> = derivation
            .from
            .iter()
            .map(|id| store.fact_by_id(id).map(|f| store.fact(f)))
            .collect();
        let Some(inputs) = inputs else {
            continue;
        };
        let arity_ok = match derivation.op {
            DerivationOp::Sum => inputs.len() >= 2,
            _ => inputs.len() == 2,
        };
        if !arity_ok {
            let wanted = match derivation.op {
                DerivationOp::Sum => "two or more",
                _ => "exactly two",
            };
            out.push(
                Finding::new(
                    Code::DerivationInvalid,
                    location,
                    format!(
                        "`{}` is a {} of {} facts, but a {} needs {wanted}",
                        fact.id,
                        op_name(derivation.op),
                        inputs.len(),
                        op_name(derivation.op)
                    ),
                )
                .with_facts(ids),
            );
            continue;
        }
        let finding = match derivation.op {
            DerivationOp::Range => range(options, fact, &inputs, location),
            op => recomputed(store, options, fact, op, &inputs, location),
        };
        out.push(finding.with_facts(ids));
    }
}

fn op_name(op: DerivationOp) -> &'static str {
    match op {
        DerivationOp::Ratio => "ratio",
        DerivationOp::Difference => "difference",
        DerivationOp::PercentChange => "percent change",
        DerivationOp::Share => "share",
        DerivationOp::Sum => "sum",
        DerivationOp::Range => "range",
    }
}

/// The claim a derivation amounts to: the derived value on the right, the
/// arithmetic of the inputs on the left.
fn as_claim(fact: &Fact, op: DerivationOp, inputs: &[&Fact]) -> Claim {
    let id = |f: &Fact| Reference::FactId(f.id.to_string());
    let refer = |f: &Fact| Expr::of(id(f));
    let binary = |a: &Fact, op: ArithOp, b: &Fact| Expr {
        first: id(a),
        rest: vec![(op, id(b))],
    };
    let value = Rhs::Value(fact.value.clone());
    let (lhs, rhs) = match (op, inputs) {
        // from = [old, new]: the change from old to new, as `check` reads `new = +x% vs old`.
        (DerivationOp::PercentChange, [old, new]) => (
            refer(new),
            Rhs::Against {
                quantity: fact.value.clone(),
                other: id(old),
            },
        ),
        (DerivationOp::Ratio | DerivationOp::Share, [a, b]) => (binary(a, ArithOp::Div, b), value),
        (DerivationOp::Difference, [a, b]) => (binary(a, ArithOp::Sub, b), value),
        (_, [first, rest @ ..]) => (
            Expr {
                first: id(first),
                rest: rest.iter().map(|f| (ArithOp::Add, id(f))).collect(),
            },
            value,
        ),
        (_, []) => (refer(fact), value),
    };
    let text = match &rhs {
        Rhs::Against { other, .. } => {
            format!("{} = {} vs {other}", lhs, fact.value.text)
        }
        Rhs::Value(_) => format!("{} = {}", lhs, fact.value.text),
    };
    Claim {
        label: None,
        article_line: None,
        cite: None,
        waiver: None,
        body: Body::Compare {
            lhs,
            op: Op::Eq,
            rhs,
        },
        text,
    }
}

fn recomputed(
    store: &Store,
    options: &Options,
    fact: &Fact,
    op: DerivationOp,
    inputs: &[&Fact],
    location: Location,
) -> Finding {
    let claim = as_claim(fact, op, inputs);
    let report = check::recompute(
        store,
        &claim,
        &check::Options {
            tolerance: options.tolerance,
        },
    );
    // A result with no central value reads `[a, b] [a, b]`: say it once.
    let expected = report.expected.as_deref().unwrap_or("?");
    let (first, second) = expected.split_at(expected.len() / 2);
    let computed = if first.trim() == second.trim() {
        first.trim()
    } else {
        expected
    };
    let head = format!(
        "`{}` states {} ({} of {})",
        fact.id,
        fact.value.text,
        op_name(op),
        inputs
            .iter()
            .map(|f| format!("{} {}", f.id, f.value.text))
            .collect::<Vec<_>>()
            .join(", ")
    );
    // Inputs that only bound the result allow the stated figure without
    // stating it: a claim would lack provenance, a derivation holds weakly.
    let only_bounded = report.code == Some("bound-only");
    let holds = report.verdict == Verdict::Match || only_bounded;
    match report.verdict {
        _ if holds => {
            let finding = Finding::new(
                Code::DerivationHolds,
                location,
                format!("{head}: holds, the inputs give {computed}"),
            );
            match report.loose_reason {
                Some(reason) => finding.with_note(format!("loosely: {reason}")),
                None if only_bounded || computed.contains('∞') => finding.with_note(
                    "weakly: an input is itself a bound, so the inputs only bound the result",
                ),
                None => finding,
            }
        }
        Verdict::Mismatch => Finding::new(
            Code::DerivationMismatch,
            location,
            format!(
                "{head}: does not hold, the inputs give {computed}; {}",
                report
                    .difference
                    .as_deref()
                    .unwrap_or("the intervals do not meet")
            ),
        )
        .with_note(format!("checked as `{}`", claim.text)),
        _ => Finding::new(
            Code::DerivationInvalid,
            location,
            format!(
                "{head}: cannot be computed: {}",
                report.reason.as_deref().unwrap_or("unknown reason")
            ),
        )
        .with_note(format!("checked as `{}`", claim.text)),
    }
}

/// A range `low..high` built from two facts: each end must agree with its fact.
fn range(options: &Options, fact: &Fact, inputs: &[&Fact], location: Location) -> Finding {
    let q = &fact.value;
    let head = format!(
        "`{}` states the range {} (from {} {} to {} {})",
        fact.id, q.text, inputs[0].id, inputs[0].value.text, inputs[1].id, inputs[1].value.text
    );
    let Some(high) = q.high else {
        return Finding::new(
            Code::DerivationInvalid,
            location,
            format!("{head}: the value is not a range `low..high`"),
        );
    };
    let end = |n| Quantity {
        text: compact_str::CompactString::const_new(""),
        qualifier: None,
        low: n,
        high: None,
        unit: q.unit.clone(),
    };
    let mut problems = Vec::new();
    for (name, written, input) in [
        ("low", end(q.low), inputs[0]),
        ("high", end(high), inputs[1]),
    ] {
        if !written.unit.compatible(&input.value.unit) {
            problems.push(format!(
                "the {name} end is in {} but `{}` is in {}",
                written.unit.name(),
                input.id,
                input.value.unit.name()
            ));
            continue;
        }
        let (w, v) = (
            written.reading(options.tolerance),
            input.value.reading(options.tolerance),
        );
        if !w.set.overlaps(&v.set) {
            problems.push(format!(
                "the {name} end {} is not `{}` {} {}",
                show_interval(&w.set, &written.unit),
                input.id,
                input.value.text,
                show_interval(&v.set, &input.value.unit)
            ));
        }
    }
    if problems.is_empty() {
        Finding::new(
            Code::DerivationHolds,
            location,
            format!("{head}: holds, both ends agree with their facts"),
        )
    } else if problems.iter().any(|p| p.contains(" is in ")) {
        Finding::new(
            Code::DerivationInvalid,
            location,
            format!("{head}: {}", problems.join("; ")),
        )
    } else {
        Finding::new(
            Code::DerivationMismatch,
            location,
            format!("{head}: does not hold: {}", problems.join("; ")),
        )
    }
}

//! The facts' side of a claim: references resolved to facts and folded
//! through the claim's arithmetic on intervals.

use super::change::{change_against, change_between};
use super::compare::compare;
use super::show::{show_central, show_interval};
use super::{Ctx, Failure, Outcome, Step, Term};
use crate::claim::{ArithOp, Body, ChainValues, Expr, Reference, Rhs};
use crate::interval::Interval;
use crate::quantity::{Reading, Unit};
use crate::report::Verdict;
use crate::resolve::{self, Resolution, Scope};

pub(super) fn evaluate_body(ctx: &Ctx<'_>, body: &Body) -> Result<Outcome, Failure> {
    match body {
        Body::Compare {
            lhs,
            op,
            rhs: Rhs::Value(q),
        } => {
            let term = evaluate(ctx, lhs)?;
            compare(ctx, &term, *op, q)
        }
        Body::Compare {
            lhs,
            op,
            rhs: Rhs::Against { quantity, other },
        } => {
            let Some(reference) = lhs.single() else {
                return Err(Failure::invalid(
                    "syntax",
                    "a comparison against another subject or period needs a single reference on the left",
                ));
            };
            let a = fact_term(ctx, resolve_one(ctx, reference, ctx.scope)?);
            let change = change_against(ctx, reference, &a, other, quantity)?;
            compare(ctx, &change, *op, quantity)
        }
        Body::Chain {
            reference,
            periods,
            op,
            values,
        } => {
            let at = |p: &str| at_period(reference, p);
            match values {
                ChainValues::Each(values) => {
                    let mut parts = Vec::new();
                    for (period, q) in periods.iter().zip(values) {
                        let term = fact_term(ctx, resolve_one(ctx, &at(period)?, ctx.scope)?);
                        parts.push(compare(ctx, &term, *op, q)?);
                    }
                    Ok(merge(parts))
                }
                ChainValues::Change(q) => {
                    let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
                        return Err(Failure::invalid("syntax", "a change needs two periods"));
                    };
                    let old = fact_term(ctx, resolve_one(ctx, &at(first)?, ctx.scope)?);
                    let new = fact_term(ctx, resolve_one(ctx, &at(last)?, ctx.scope)?);
                    let change = change_between(&old, &new, q)?;
                    compare(ctx, &change, *op, q)
                }
            }
        }
    }
}

/// The reference with a period put in (a chain names its periods apart).
fn at_period(reference: &Reference, period: &str) -> Result<Reference, Failure> {
    match reference {
        Reference::Phrase(p) => Ok(Reference::Phrase(format!("{p} {period}"))),
        Reference::Explicit {
            subject, metric, ..
        } => Ok(Reference::Explicit {
            subject: subject.clone(),
            metric: metric.clone(),
            period: Some(period.to_owned()),
        }),
        Reference::FactId(id) => Err(Failure::invalid(
            "syntax",
            format!("`{{{id}}}` names one fact; a chain needs a subject and metric over periods"),
        )),
    }
}

/// Puts the parts of a chain together: the worst verdict wins.
fn merge(parts: Vec<Outcome>) -> Outcome {
    let mut merged = Outcome::default();
    let mut stated = Vec::new();
    let mut expected = Vec::new();
    let mut differences = Vec::new();
    let mut loose = Vec::new();
    let mut reasons = Vec::new();
    for part in parts {
        let verdict = part.verdict.unwrap_or(Verdict::Invalid);
        if merged
            .verdict
            .is_none_or(|v| verdict.severity() > v.severity())
        {
            merged.verdict = Some(verdict);
            merged.code = part.code;
        }
        // A value that a bound allows without stating it says why.
        reasons.extend(part.reason);
        stated.extend(part.stated);
        expected.extend(part.expected);
        differences.extend(part.difference);
        loose.extend(part.loose_reason);
        merged.arithmetic.extend(part.arithmetic);
        for f in part.facts {
            if !merged.facts.contains(&f) {
                merged.facts.push(f);
            }
        }
    }
    merged.stated = Some(stated.join(" -> "));
    merged.expected = Some(expected.join(" -> "));
    merged.difference = (!differences.is_empty()).then(|| differences.join("; "));
    merged.reason = (!reasons.is_empty()).then(|| reasons.join("; "));
    if merged.verdict == Some(Verdict::Match) && !loose.is_empty() {
        merged.loose_reason = Some(loose.join("; "));
    }
    merged
}

pub(super) fn resolve_one(
    ctx: &Ctx<'_>,
    reference: &Reference,
    scope: Scope<'_>,
) -> Result<u32, Failure> {
    let resolution = if ctx.trace.is_some() {
        // The same as resolve::resolve, with the candidates kept for the trace.
        let candidates = resolve::candidates(ctx.store, reference, scope);
        let resolution = resolve::choose(ctx.store, reference, candidates.clone(), scope);
        ctx.record(|| Step::Resolve {
            reference: reference.clone(),
            source: scope.source,
            default_period: scope.default_period.map(str::to_owned),
            candidates,
            resolution: resolution.clone(),
        });
        resolution
    } else {
        resolve::resolve(ctx.store, reference, scope)
    };
    match resolution {
        Resolution::Found(f) => Ok(f),
        Resolution::NotFound(reason) => Err(Failure::Missing {
            code: "no-fact",
            reason,
        }),
        Resolution::Ambiguous(candidates) => Err(Failure::Ambiguous {
            reason: format!(
                "{} facts answer `{reference}`; name the subject, metric or period, or use {{fact-id}}",
                candidates.len()
            ),
            candidates,
            reference: Some(reference.clone()),
        }),
    }
}

pub(super) fn fact_term(ctx: &Ctx<'_>, f: u32) -> Term {
    let fact = ctx.store.fact(f);
    let reading = fact.value.reading(ctx.tolerance);
    Term {
        steps: vec![format!(
            "{} = {} ({}) → {}",
            ctx.store.fact_name(fact),
            fact.value.text,
            fact.id,
            show_interval(&reading.set, &fact.value.unit)
        )],
        reading,
        unit: fact.value.unit.clone(),
        facts: vec![f],
        written: Some(fact.value.text.to_string()),
        last_digit: Some(fact.value.last_digit()),
    }
}

/// How many operands a name joined by operators may have
/// (`Microsoft AI Diagnostic Orchestrator + OpenAI o3` has two). Longer
/// chains are arithmetic only: reading every prefix of a long chain of
/// unknown names as one name made the check cubic in its length.
const MAX_NAME_OPERANDS: usize = 8;

/// The value of the expression, folded left to right without recursion, as
/// the tree `((a op b) op c) ...` is evaluated: products first, then sums.
fn evaluate(ctx: &Ctx<'_>, expr: &Expr) -> Result<Term, Failure> {
    let terms = expr.terms();
    let mut operands_before = 0;
    let mut sum_operands = Vec::with_capacity(terms.len());
    for (op, factors) in &terms {
        let start = operands_before;
        operands_before += factors.len();
        sum_operands.push((*op, (start, factors)));
    }
    // Each operand with the operator written before it, for reading back.
    let all: Vec<(ArithOp, &Reference)> = std::iter::once((ArithOp::Add, &expr.first))
        .chain(expr.rest.iter().map(|(op, r)| (*op, r)))
        .collect();
    fold_operands(
        ctx,
        &sum_operands,
        |&(start, factors)| {
            fold_operands(
                ctx,
                factors,
                |&reference| Ok(fact_term(ctx, resolve_one(ctx, reference, ctx.scope)?)),
                |k| &all[start..=start + k],
            )
        },
        |k| {
            let (start, factors) = sum_operands[k].1;
            &all[..start + factors.len()]
        },
    )
}

/// `operands[0] op1 operands[1] op2 ...` from the left. When a part names no
/// fact, the operands so far read as one phrase may: a name can hold `+`.
fn fold_operands<'r, T>(
    ctx: &Ctx<'_>,
    operands: &[(ArithOp, T)],
    value: impl Fn(&T) -> Result<Term, Failure>,
    written_up_to: impl Fn(usize) -> &'r [(ArithOp, &'r Reference)],
) -> Result<Term, Failure> {
    let Some(((_, first), rest)) = operands.split_first() else {
        return Err(Failure::invalid("syntax", "an expression needs an operand"));
    };
    let mut total = value(first);
    for (k, (op, operand)) in rest.iter().enumerate() {
        total = match total.and_then(|a| Ok((a, value(operand)?))) {
            Ok((a, b)) => arithmetic(a, *op, b),
            Err(Failure::Missing {
                code: "no-fact",
                reason,
            }) => as_one_name(ctx, written_up_to(k + 1), reason),
            Err(other) => Err(other),
        };
    }
    total
}

/// The fact named by the operands read back as one phrase, when they are
/// all phrases and few enough to be a name; else the failure `reason`.
fn as_one_name(
    ctx: &Ctx<'_>,
    written: &[(ArithOp, &Reference)],
    reason: String,
) -> Result<Term, Failure> {
    let missing = || Failure::Missing {
        code: "no-fact",
        reason: reason.clone(),
    };
    if written.len() > MAX_NAME_OPERANDS {
        return Err(missing());
    }
    let mut phrase = String::new();
    for (k, (op, reference)) in written.iter().enumerate() {
        let Reference::Phrase(p) = reference else {
            return Err(missing());
        };
        if k > 0 {
            phrase.push_str(&format!(" {} ", op.as_str()));
        }
        phrase.push_str(p);
    }
    let whole = Reference::Phrase(phrase);
    match resolve::resolve(ctx.store, &whole, ctx.scope) {
        Resolution::NotFound(_) => Err(missing()),
        _ => Ok(fact_term(ctx, resolve_one(ctx, &whole, ctx.scope)?)),
    }
}

/// `a op b` on intervals, with the unit the result is in.
/// Takes its operands whole: a long chain moves its steps along, where
/// copying them at each term made it quadratic.
pub(super) fn arithmetic(a: Term, op: ArithOp, b: Term) -> Result<Term, Failure> {
    let unit = match op {
        ArithOp::Add | ArithOp::Sub => {
            if !a.unit.compatible(&b.unit) {
                return Err(Failure::invalid(
                    "unit-mismatch",
                    format!(
                        "cannot {} {} and {}",
                        op_verb(op),
                        a.unit.name(),
                        b.unit.name()
                    ),
                ));
            }
            match (op, a.unit.more_specific(&b.unit)) {
                (ArithOp::Sub, Unit::Percent) => Unit::PercentagePoints,
                (_, unit) => unit,
            }
        }
        ArithOp::Div => {
            if a.unit.compatible(&b.unit) {
                Unit::Multiple
            } else if matches!(b.unit, Unit::Bare | Unit::Multiple) {
                a.unit.clone()
            } else {
                return Err(Failure::invalid(
                    "unit-mismatch",
                    format!("cannot divide {} by {}", a.unit.name(), b.unit.name()),
                ));
            }
        }
        ArithOp::Mul => match (&a.unit, &b.unit) {
            (u, Unit::Bare | Unit::Multiple) | (Unit::Bare | Unit::Multiple, u) => u.clone(),
            (x, y) => {
                return Err(Failure::invalid(
                    "unit-mismatch",
                    format!("cannot multiply {} by {}", x.name(), y.name()),
                ));
            }
        },
    };
    let apply = |x: &Interval, y: &Interval| match op {
        ArithOp::Add => Some(x.add(y)),
        ArithOp::Sub => Some(x.sub(y)),
        ArithOp::Mul => Some(x.mul(y)),
        ArithOp::Div => x.div(y),
    };
    let point = |x: f64, y: f64| match op {
        ArithOp::Add => x + y,
        ArithOp::Sub => x - y,
        ArithOp::Mul => x * y,
        ArithOp::Div => x / y,
    };
    let (Some(set), Some(strict)) = (
        apply(&a.reading.set, &b.reading.set),
        apply(&a.reading.strict, &b.reading.strict),
    ) else {
        return Err(Failure::invalid(
            "not-computable",
            "the divisor may be zero",
        ));
    };
    let central = match (a.reading.central, b.reading.central) {
        (Some(x), Some(y)) => Some(point(x, y)).filter(|c| c.is_finite()),
        _ => None,
    };
    let reading = Reading {
        set,
        strict,
        central,
    };
    let step = format!(
        "{} {} {} = {} → {}",
        show_central(&a.reading, &a.unit),
        op.as_str(),
        show_central(&b.reading, &b.unit),
        show_central(&reading, &unit),
        show_interval(&reading.set, &unit)
    );
    // A sum or difference is known to the finest digit of its parts; a
    // product or quotient has digits no one wrote.
    let last_digit = match (op, a.last_digit, b.last_digit) {
        (ArithOp::Add | ArithOp::Sub, Some(x), Some(y)) => Some(x.min(y)),
        _ => None,
    };
    let (mut steps, mut facts) = (a.steps, a.facts);
    steps.extend(b.steps);
    steps.push(step);
    facts.extend(b.facts);
    Ok(Term {
        reading,
        unit,
        facts,
        written: None,
        last_digit,
        steps,
    })
}

fn op_verb(op: ArithOp) -> &'static str {
    match op {
        ArithOp::Add => "add",
        ArithOp::Sub => "subtract",
        ArithOp::Mul => "multiply",
        ArithOp::Div => "divide",
    }
}

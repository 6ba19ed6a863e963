//! The claim's interval against the facts': match, loose, mismatch, and
//! the difference in words.

use super::show::{show_central, show_interval, show_number, show_number_in, show_signed};
use super::{Ctx, Failure, Outcome, Step, Term};
use crate::claim::Op;
use crate::interval::Interval;
use crate::quantity::{Quantity, Reading, Unit};
use crate::report::Verdict;

/// The claim's side of a comparison, in the same units as the facts' side.
struct Stated {
    set: Interval,
    strict: Interval,
    central: Option<f64>,
    truncated: Option<Interval>,
}

/// The claim's interval; `truncation` allows reading its digits as cut off.
fn stated(op: Op, q: &Quantity, tolerance: f64, truncation: bool) -> Stated {
    let r = q.reading(tolerance);
    let point = q.low.value() * q.unit.factor();
    match op {
        Op::Eq => Stated {
            set: r.set,
            strict: r.strict,
            central: r.central,
            truncated: q.truncated().filter(|_| truncation),
        },
        Op::Approx => {
            let slack = point.abs() * q.qualifier_tolerance(tolerance);
            Stated {
                set: r.set.hull(&Interval::closed(point - slack, point + slack)),
                strict: r.strict,
                central: r.central,
                truncated: None,
            }
        }
        Op::Gt | Op::Ge | Op::Lt | Op::Le => {
            let bound = match op {
                Op::Gt => Interval::above(point, false),
                Op::Ge => Interval::above(point, true),
                Op::Lt => Interval::below(point, false),
                _ => Interval::below(point, true),
            };
            Stated {
                set: bound,
                strict: bound,
                central: None,
                truncated: None,
            }
        }
    }
}

pub(super) fn compare(
    ctx: &Ctx<'_>,
    term: &Term,
    op: Op,
    q: &Quantity,
) -> Result<Outcome, Failure> {
    // `A / B = 54%`: a computed ratio stated as a percentage (a share).
    let as_share;
    let term = if q.unit == Unit::Percent && term.unit == Unit::Multiple && term.written.is_none() {
        let r = &term.reading;
        let mut share = term.clone();
        share.reading = Reading {
            set: r.set.scale(100.0),
            strict: r.strict.scale(100.0),
            central: r.central.map(|c| c * 100.0),
        };
        share.unit = Unit::Percent;
        share.steps.push(format!(
            "as a percentage: × 100 = {} → {}",
            show_central(&share.reading, &Unit::Percent),
            show_interval(&share.reading.set, &Unit::Percent)
        ));
        as_share = share;
        &as_share
    } else {
        term
    };
    let in_facts_dollars;
    let q = match q.in_dollars_of(&term.unit) {
        Some(q) => {
            in_facts_dollars = q;
            &in_facts_dollars
        }
        None => q,
    };
    // `= 0x`, `= 5%` against a count of data centres: a multiple or a share
    // of what? A bare number takes the other side's unit; a count does not
    // turn into a ratio.
    let count_as_ratio = matches!(
        q.unit,
        Unit::Multiple | Unit::Percent | Unit::PercentagePoints
    ) && matches!(term.unit, Unit::Bare | Unit::Noun(_));
    if count_as_ratio {
        return Err(Failure::invalid(
            "unit-mismatch",
            format!(
                "the claim is in {} but the facts are a count ({})",
                q.unit.name(),
                show_central(&term.reading, &term.unit)
            ),
        ));
    }
    if !q.unit.compatible(&term.unit) {
        let hint = match (&q.unit, &term.unit) {
            (Unit::Percent, Unit::PercentagePoints) => " (write the change in pp)",
            (Unit::PercentagePoints, Unit::Percent) => {
                " (a share is in %, a difference of shares in pp)"
            }
            _ => "",
        };
        return Err(Failure::invalid(
            "unit-mismatch",
            format!(
                "the claim is in {} but the facts are in {}{hint}",
                q.unit.name(),
                term.unit.name()
            ),
        ));
    }
    // A bare number is read in the other side's unit (`29.6` against `29.6 GW`).
    let in_facts_unit;
    let q = if q.unit == Unit::Bare && term.unit != Unit::Bare {
        in_facts_unit = Quantity {
            unit: term.unit.clone(),
            ..q.clone()
        };
        &in_facts_unit
    } else {
        q
    };
    let term_scale = match &term.unit {
        Unit::Bare => q.unit.factor(),
        _ => 1.0,
    };
    let value = Reading {
        set: term.reading.set.scale(term_scale),
        strict: term.reading.strict.scale(term_scale),
        central: term.reading.central.map(|c| c * term_scale),
    };
    let unit = term.unit.more_specific(&q.unit);
    let truncation = term.last_digit.is_none_or(|facts| q.may_be_cut_from(facts));
    let claim = stated(op, q, ctx.tolerance, truncation);
    let stated_text = match op {
        Op::Eq => q.text.to_string(),
        op => format!("{} {}", op.as_str(), q.text),
    };
    let expected = match &term.written {
        Some(written) => written.clone(),
        None => format!(
            "{} {}",
            show_central(&value, &unit),
            show_interval(&value.set, &unit)
        ),
    };
    let mut arithmetic = term.steps.clone();
    arithmetic.push(format!(
        "claim: {stated_text} → {}",
        show_interval(&claim.set, &unit)
    ));
    let (verdict, note) = judge(&claim, &value, op, q, &unit, ctx.tolerance);
    let (loose_reason, reason) = match verdict {
        Verdict::MissingProvenance => (
            None,
            note.map(|why| format!("the facts give only {expected}: {why}")),
        ),
        _ => (note, None),
    };
    ctx.record(|| Step::Compare {
        stated: stated_text.clone(),
        op,
        claim: claim.set,
        claim_strict: claim.strict,
        claim_central: claim.central,
        truncated: claim.truncated,
        value,
        unit: unit.clone(),
        tolerance: q.qualifier_tolerance(ctx.tolerance),
        verdict,
        loose_reason: loose_reason.clone(),
    });
    let difference = (verdict == Verdict::Mismatch).then(|| difference(&claim, &value, &unit));
    Ok(Outcome {
        verdict: Some(verdict),
        loose_reason,
        stated: Some(stated_text),
        expected: Some(expected),
        difference,
        arithmetic,
        facts: term.facts.clone(),
        code: reason.is_some().then_some("bound-only"),
        reason,
        ..Outcome::default()
    })
}

/// Match when the claim's interval meets the facts'; loose when it meets them
/// only through a tolerance, a truncated reading, or the rounding edges.
///
/// Facts that only bound the value ("over 60%") back a claim only when they
/// imply it (`> 50%`); a claim they merely allow (`= 99%`, `> 70%`) is
/// missing provenance. The text returned is a match's loose reason, or why
/// the bound does not back the claim.
fn judge(
    claim: &Stated,
    value: &Reading,
    op: Op,
    q: &Quantity,
    unit: &Unit,
    tolerance: f64,
) -> (Verdict, Option<String>) {
    let truncated_fits = |facts: &Interval| claim.truncated.is_some_and(|t| t.overlaps(facts));
    let truncation = || {
        Some(format!(
            "holds only if `{}` was truncated rather than rounded (the facts give {})",
            q.text,
            show_central(value, unit)
        ))
    };
    if !value.set.is_bounded() && claim.set.overlaps(&value.set) && !claim.set.includes(&value.set)
    {
        return (
            Verdict::MissingProvenance,
            Some(format!(
                "a bound, which allows {} but does not state it",
                q.text
            )),
        );
    }
    if !claim.set.overlaps(&value.set) {
        return if truncated_fits(&value.set) {
            (Verdict::Match, truncation())
        } else {
            (Verdict::Mismatch, None)
        };
    }
    if !claim.strict.overlaps(&value.strict) {
        if truncated_fits(&value.strict) {
            return (Verdict::Match, truncation());
        }
        let word = match (op, q.qualifier) {
            (Op::Approx, _) => "~".to_owned(),
            (_, Some(qualifier)) if qualifier.is_approximate() => {
                format!("`{}`", qualifier.as_str())
            }
            _ => "the approximate fact".to_owned(),
        };
        return (
            Verdict::Match,
            Some(format!(
                "holds only within the {}% tolerance of {word}",
                show_number(q.qualifier_tolerance(tolerance) * 100.0)
            )),
        );
    }
    // A central value is computed in floats: 90.1 - 50.6 is 39.49999999999999.
    // Within float noise of a closed end, it is on that end; an open end
    // stays out of reach (1.2 million is not `> 1.2 million`).
    let fits = |i: &Interval, c: f64| {
        let near = |end: f64| (c - end).abs() <= c.abs() * 1e-12;
        i.contains(c) || (!i.lo_open && near(i.lo)) || (!i.hi_open && near(i.hi))
    };
    let value_central_fits = value.central.map(|c| fits(&claim.strict, c));
    let claim_central_fits = claim.central.map(|c| fits(&value.strict, c));
    let disagree = value_central_fits != Some(true)
        && claim_central_fits != Some(true)
        && (value_central_fits.is_some() || claim_central_fits.is_some());
    if disagree {
        let detail = match (value.central, op) {
            (Some(c), Op::Eq | Op::Approx) => {
                format!("the facts give {}, not {}", show_number_in(c, unit), q.text)
            }
            (Some(c), op) => format!(
                "the facts give {}, which is not {} {}",
                show_number_in(c, unit),
                op.as_str(),
                q.text
            ),
            (None, _) => format!("{} is only at the edge of what the facts allow", q.text),
        };
        return (
            Verdict::Match,
            Some(format!(
                "holds only at the edge of the rounding intervals: {detail}"
            )),
        );
    }
    (Verdict::Match, None)
}

fn difference(claim: &Stated, value: &Reading, unit: &Unit) -> String {
    match (claim.central, value.central) {
        // Percentages differ by percentage points, not by a percent of a percent.
        (Some(c), Some(v)) if *unit == Unit::Percent => {
            format!(
                "stated {} than the facts give",
                show_signed(c - v, &Unit::PercentagePoints)
            )
        }
        (Some(c), Some(v)) if v != 0.0 => {
            let relative = (c - v) / v.abs() * 100.0;
            let sign = if relative > 0.0 { "+" } else { "" };
            format!(
                "stated {} than the facts give ({sign}{}%)",
                show_signed(c - v, unit),
                show_number(relative)
            )
        }
        _ => match claim.set.distance(&value.set) {
            // `< 60%` against "over 60%": the two meet at an end one excludes.
            0.0 => {
                let edge = if claim.set.hi <= value.set.lo {
                    claim.set.hi
                } else {
                    claim.set.lo
                };
                format!(
                    "the claim and the facts share no value: they meet only at {}, which one of them excludes",
                    show_number_in(edge, unit)
                )
            }
            gap => format!("{} outside what the facts allow", show_number_in(gap, unit)),
        },
    }
}

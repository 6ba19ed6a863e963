//! Explain's reading of phrases checked against the resolver's, and the
//! claim forms in words.

use std::path::Path;

use super::readings::facts_of;
use super::wording::value_form;
use super::*;
use crate::claim::{Body, Entry, Expr, parse_line};

fn phrases(expr: &Expr, out: &mut Vec<String>) {
    for reference in expr.references() {
        if let Reference::Phrase(p) = reference {
            out.push(p.clone());
        }
    }
}

/// The splits explain lists are the resolver's: for every phrase of
/// every claims file, the reading explain marks as chosen names exactly
/// the facts the resolver finds.
#[test]
fn splits_agree_with_the_resolver() {
    let store = Store::load(Path::new("sources")).unwrap_or_else(|e| panic!("{e}"));
    let mut checked = 0;
    for file in [
        "claims/ai-index-2026/summary.claims",
        "claims/examples/benchmarks-brief.claims",
        "claims/examples/investment-digest.claims",
    ] {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
        for line in text.lines() {
            let Ok(Some(Entry::Claim(claim))) = parse_line(line) else {
                continue;
            };
            let mut found = Vec::new();
            match &claim.body {
                Body::Compare { lhs, .. } => phrases(lhs, &mut found),
                Body::Chain {
                    reference: Reference::Phrase(p),
                    periods,
                    ..
                } => found.extend(periods.iter().map(|period| format!("{p} {period}"))),
                Body::Chain { .. } => {}
            }
            for phrase in found {
                let reference = Reference::Phrase(phrase.clone());
                let expected =
                    crate::resolve::candidates(&store, &reference, Default::default()).facts;
                let mut named = Vec::new();
                for reading in read_phrase(&store, &phrase, None) {
                    if !reading.chosen {
                        continue;
                    }
                    let period = reading
                        .period
                        .as_deref()
                        .and_then(|p| store.period_named(&normalize(p)));
                    for split in &reading.splits {
                        if let SplitOutcome::Names(_) = split.outcome {
                            named.extend(facts_of(
                                &store,
                                &split.subjects,
                                &split.metrics,
                                split.subject.is_some(),
                                split.metric.is_some(),
                                period,
                            ));
                        }
                    }
                }
                named.sort_unstable();
                named.dedup();
                assert_eq!(named, expected, "{phrase}");
                checked += 1;
            }
        }
    }
    assert!(checked > 60, "{checked} phrases");
}

#[test]
fn value_forms() {
    let q = |t: &str| crate::quantity::parse_quantity(t).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value_form(Op::Eq, &q("5")), "a value");
    assert_eq!(value_form(Op::Eq, &q("22%..94%")), "a range");
    assert_eq!(value_form(Op::Gt, &q("60%")), "a bound");
    assert_eq!(value_form(Op::Eq, &q("over 60%")), "a bound");
    assert_eq!(value_form(Op::Approx, &q("17 million")), "an approximation");
    assert_eq!(value_form(Op::Eq, &q("nearly 50%")), "an approximation");
}

//! Facts that give the same figure with different values.
//!
//! Two facts give the same figure when their subjects are the same or share
//! a name, their metrics are the same or share a name (an alias), and their
//! periods are the same or one is a year holding the other (`2026` holds
//! `March 2026`). They conflict when their intervals are disjoint: no reading
//! of the written digits makes them agree. When they agree only through the
//! tolerance of `about` or `nearly`, that is a loose conflict.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::names::acknowledged;
use super::{Code, Finding, Location, Options};
use crate::check::{show_interval, show_number_in};
use crate::quantity::Unit;
use crate::report::FactRef;
use crate::store::{NameKind, Store, Sym, normalize};

/// How many conflicts with earlier facts are listed for one fact; the rest
/// are counted in the last one listed. A store with thousands of values for
/// one figure has one finding per fact, not one per pair (4,000 such facts
/// gave 8 million findings and 1.85 GB of report).
const CONFLICTS_LISTED_PER_FACT: usize = 5;

pub(super) fn check(store: &Store, options: &Options, out: &mut Vec<Finding>) {
    let names = Names::new(store);
    let mut used = vec![false; store.acknowledged.len()];
    let mut readings: Vec<Option<crate::quantity::Reading>> = vec![None; store.facts.len()];
    let mut reading = |f: u32| -> crate::quantity::Reading {
        *readings[f as usize].get_or_insert_with(|| store.fact(f).value.reading(options.tolerance))
    };
    let mut listed: HashMap<u32, usize> = HashMap::new();
    let mut unlisted: HashMap<u32, usize> = HashMap::new();
    let mut found: Vec<((u32, u32), Finding)> = Vec::new();
    let crowded = for_each_candidate_pair(store, &names, |a, b| {
        let Some(relation) = same_figure(store, &names, a, b) else {
            return;
        };
        let (ra, rb) = (reading(a), reading(b));
        let Some(disagreement) = disagreement(store, a, b, &ra, &rb) else {
            return;
        };
        let (fa, fb) = (store.fact(a), store.fact(b));
        match acknowledged(store, &fa.id, &fb.id) {
            Some(i) => {
                used[i] = true;
                let finding = conflict(store, options, a, b, (&ra, &rb), disagreement, &relation);
                let ack = &store.acknowledged[i];
                found.push((
                    (a, b),
                    Finding {
                        code: Code::AcknowledgedConflict,
                        severity: Code::AcknowledgedConflict.severity(),
                        location: Location::pointer(store.file(ack.file), ack.pointer.clone()),
                        note: Some(ack.note.clone()),
                        message: format!("acknowledged: {}", finding.message),
                        ..finding
                    },
                ));
            }
            None => {
                let count = listed.entry(b).or_default();
                if *count < CONFLICTS_LISTED_PER_FACT {
                    *count += 1;
                    let finding =
                        conflict(store, options, a, b, (&ra, &rb), disagreement, &relation);
                    found.push(((a, b), finding));
                } else {
                    *unlisted.entry(b).or_default() += 1;
                }
            }
        }
    });
    found.sort_by_key(|(pair, _)| *pair);
    // The count of conflicts not listed goes with the last one listed.
    let mut last_listed: HashMap<u32, usize> = HashMap::new();
    for (i, ((_, b), finding)) in found.iter().enumerate() {
        if finding.code != Code::AcknowledgedConflict {
            last_listed.insert(*b, i);
        }
    }
    for (b, more) in unlisted {
        if let Some(&i) = last_listed.get(&b) {
            found[i].1.message.push_str(&format!(
                "; `{}` also conflicts with {more} more earlier facts for the same figure, not listed",
                store.fact(b).id
            ));
        }
    }
    for (b, facts) in crowded {
        if let Some(&i) = last_listed.get(&b) {
            found[i].1.message.push_str(&format!(
                "; `{}` was compared with the first {COMPARED_PER_FACT} of the {facts} facts that share its subject and metric",
                store.fact(b).id
            ));
        }
    }
    out.extend(found.into_iter().map(|(_, finding)| finding));
    for (ack, used) in store.acknowledged.iter().zip(used) {
        if !used {
            out.push(
                Finding::new(
                    Code::StaleAcknowledgement,
                    Location::pointer(store.file(ack.file), ack.pointer.clone()),
                    format!(
                        "{} are acknowledged as a conflict, but lint finds no conflict between them (fixed, or not the same subject, metric and period)",
                        ack.facts
                            .iter()
                            .map(|f| format!("`{f}`"))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    ),
                )
                .with_note(ack.note.clone())
                .with_facts(&ack.facts),
            );
        }
    }
}

/// Every normalised name (canonical or alias) of each subject and metric.
pub(super) struct Names {
    subjects: HashMap<Sym, BTreeSet<String>>,
    metrics: HashMap<Sym, BTreeSet<String>>,
}

impl Names {
    pub(super) fn new(store: &Store) -> Names {
        let mut names = Names {
            subjects: HashMap::new(),
            metrics: HashMap::new(),
        };
        let mut by_text: HashMap<(NameKind, &str), Sym> = HashMap::new();
        for fact in &store.facts {
            for (kind, sym) in [
                (NameKind::Subject, fact.subject),
                (NameKind::Metric, fact.metric),
            ] {
                // A draft's empty name names nothing: drafts are not one
                // figure because none of them has a name yet.
                if store.str(sym).trim().is_empty() {
                    continue;
                }
                by_text.insert((kind, store.str(sym)), sym);
                names
                    .table(kind)
                    .entry(sym)
                    .or_default()
                    .insert(normalize(store.str(sym)));
            }
        }
        for (kind, alias, target) in &store.aliases {
            if let Some(&sym) = by_text.get(&(*kind, target.as_str())) {
                names
                    .table(*kind)
                    .entry(sym)
                    .or_default()
                    .insert(normalize(alias));
            }
        }
        names
    }

    fn table(&mut self, kind: NameKind) -> &mut HashMap<Sym, BTreeSet<String>> {
        match kind {
            NameKind::Subject => &mut self.subjects,
            NameKind::Metric => &mut self.metrics,
        }
    }

    /// A name both share, if they are different names.
    fn shared(table: &HashMap<Sym, BTreeSet<String>>, a: Sym, b: Sym) -> Option<&str> {
        let (na, nb) = (table.get(&a)?, table.get(&b)?);
        na.intersection(nb).next().map(String::as_str)
    }
}

/// How many earlier facts under the same subject and metric names each
/// fact is compared with: the first ones. No real figure has this many
/// values; a store that gives one thousands of them still lints in linear
/// time (20,000 values of one figure took 20 s compared pairwise).
const COMPARED_PER_FACT: usize = 200;

/// Calls `visit` with pairs of facts whose subjects share a name and whose
/// metrics share a name, each pair once, the earlier fact first; each fact
/// with at most [`COMPARED_PER_FACT`] earlier ones. No list of pairs is
/// built, as a store with thousands of facts for one figure has millions.
/// Returns the facts compared with only some earlier ones, with how many
/// facts share their names.
fn for_each_candidate_pair(
    store: &Store,
    names: &Names,
    mut visit: impl FnMut(u32, u32),
) -> HashMap<u32, usize> {
    let mut crowded = HashMap::new();
    let mut buckets: BTreeMap<(&str, &str), Vec<u32>> = BTreeMap::new();
    for (i, fact) in store.facts.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        for subject in names.subjects.get(&fact.subject).into_iter().flatten() {
            for metric in names.metrics.get(&fact.metric).into_iter().flatten() {
                buckets.entry((subject, metric)).or_default().push(i);
            }
        }
    }
    // A pair whose names are shared several ways is met in each of their
    // buckets; it is visited in the first.
    for ((subject, metric), facts) in &buckets {
        for (k, &b) in facts.iter().enumerate() {
            if k > COMPARED_PER_FACT {
                crowded.insert(b, facts.len());
            }
            for &a in &facts[..k.min(COMPARED_PER_FACT)] {
                let (fa, fb) = (store.fact(a), store.fact(b));
                if first_shared(&names.subjects, fa.subject, fb.subject) == Some(*subject)
                    && first_shared(&names.metrics, fa.metric, fb.metric) == Some(*metric)
                {
                    visit(a, b);
                }
            }
        }
    }
    crowded
}

/// The first name two subjects (or metrics) share: the bucket in which
/// their pair is visited.
fn first_shared(table: &HashMap<Sym, BTreeSet<String>>, a: Sym, b: Sym) -> Option<&str> {
    if a == b {
        table.get(&a).and_then(|n| n.first()).map(String::as_str)
    } else {
        Names::shared(table, a, b)
    }
}

/// How two facts are the same figure, in words, or `None` when they are not.
pub(super) fn same_figure(store: &Store, names: &Names, a: u32, b: u32) -> Option<Vec<String>> {
    let (fa, fb) = (store.fact(a), store.fact(b));
    let mut how = Vec::new();
    if fa.subject != fb.subject {
        let shared = Names::shared(&names.subjects, fa.subject, fb.subject)?;
        how.push(format!("the subjects share the name `{shared}`"));
    }
    if fa.metric != fb.metric {
        let shared = Names::shared(&names.metrics, fa.metric, fb.metric)?;
        how.push(format!("the metrics share the name `{shared}`"));
    }
    let (pa, pb) = (
        fa.period.map(|p| store.str(p)),
        fb.period.map(|p| store.str(p)),
    );
    if fa.period != fb.period && pa.map(normalize) != pb.map(normalize) {
        let (Some(pa), Some(pb)) = (pa, pb) else {
            return None;
        };
        if year_holds(pa, pb) {
            how.push(format!("{pa} includes {pb}"));
        } else if year_holds(pb, pa) {
            how.push(format!("{pb} includes {pa}"));
        } else {
            return None;
        }
    }
    Some(how)
}

/// Whether `year` is a year and `part` a part of it: `March 2026`, `Q4 2026`,
/// `H2 2026`, `early 2026`, `late 2026`, `end 2026`.
pub(crate) fn year_holds(year: &str, part: &str) -> bool {
    let year = year.trim();
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let part = normalize(part);
    let Some(prefix) = part.strip_suffix(year).map(str::trim) else {
        return false;
    };
    const PARTS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "q1",
        "q2",
        "q3",
        "q4",
        "h1",
        "h2",
        "early",
        "mid",
        "late",
        "end",
        "end of",
        "first half",
        "second half",
        "first half of",
        "second half of",
    ];
    PARTS.contains(&prefix)
}

/// How two facts' values disagree, when they do.
#[derive(Clone, Copy)]
enum Disagreement {
    /// Only at the edge of their rounding intervals.
    AtTheEdge,
    /// Only within the tolerance of `about` or `nearly`.
    WithinTolerance,
    /// No rounding reconciles them.
    Apart,
}

/// Whether the two facts' values disagree, and how; cheap, as it runs on
/// every pair of facts that give the same figure.
fn disagreement(
    store: &Store,
    a: u32,
    b: u32,
    ra: &crate::quantity::Reading,
    rb: &crate::quantity::Reading,
) -> Option<Disagreement> {
    // Units that do not compare are a mixed-units finding, not a conflict.
    if !store
        .fact(a)
        .value
        .unit
        .compatible(&store.fact(b).value.unit)
    {
        return None;
    }
    // As for a claim: the digits agree when either central value lies in the
    // other's rounding interval; overlapping only at the edges is loose.
    let central_in =
        |c: Option<f64>, r: &crate::quantity::Reading| c.is_some_and(|c| r.strict.contains(c));
    let edge_only = ra.strict.overlaps(&rb.strict);
    if edge_only
        && (central_in(ra.central, rb)
            || central_in(rb.central, ra)
            || ra.central.is_none()
            || rb.central.is_none())
    {
        return None;
    }
    Some(if edge_only {
        Disagreement::AtTheEdge
    } else if ra.set.overlaps(&rb.set) {
        Disagreement::WithinTolerance
    } else {
        Disagreement::Apart
    })
}

/// The finding for two facts whose values disagree.
fn conflict(
    store: &Store,
    options: &Options,
    a: u32,
    b: u32,
    (ra, rb): (&crate::quantity::Reading, &crate::quantity::Reading),
    disagreement: Disagreement,
    relation: &[String],
) -> Finding {
    let (fa, fb) = (store.fact(a), store.fact(b));
    let unit = fa.value.unit.more_specific(&fb.value.unit);
    let (ra_text, rb_text) = (
        show_interval(&ra.strict, &unit),
        show_interval(&rb.strict, &unit),
    );
    let head = format!(
        "`{}` gives {} and `{}` gives {}",
        fa.id, fa.value.text, fb.id, fb.value.text
    );
    let (code, why) = match disagreement {
        Disagreement::AtTheEdge => (
            Code::LooselyConflictingFacts,
            format!("{ra_text} and {rb_text} meet only at the edge of their rounding intervals"),
        ),
        Disagreement::WithinTolerance => (
            Code::LooselyConflictingFacts,
            format!(
                "their digits disagree ({ra_text} and {rb_text}); they agree only within the {}% tolerance of `about` or `nearly`",
                crate::check::show_number(options.tolerance * 100.0)
            ),
        ),
        Disagreement::Apart => {
            // A gap between two percentages is in percentage points.
            let gap_unit = match unit {
                Unit::Percent => Unit::PercentagePoints,
                ref u => u.clone(),
            };
            let apart = match ra.set.distance(&rb.set) {
                // 3.3% and 3.4%: rounding intervals that touch share no value.
                0.0 => "they only touch at an end one of them excludes".to_owned(),
                gap => format!("{} apart", show_number_in(gap, &gap_unit)),
            };
            (
                Code::ConflictingFacts,
                format!("no rounding reconciles {ra_text} and {rb_text} ({apart})"),
            )
        }
    };
    let figure = if relation.is_empty() {
        format!("both are {}", FactRef::new(store, fa).name())
    } else {
        format!("the same figure: {}", and_list(relation))
    };
    let message = format!("{head}; {why}; {figure}");
    Finding::new(code, Location::fact(store, fb, "/value"), message).with_facts([&*fa.id, &*fb.id])
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::year_holds;

    #[test]
    fn a_year_holds_its_parts_only() {
        assert!(year_holds("2026", "March 2026"));
        assert!(year_holds("2025", "Q4 2025"));
        assert!(year_holds("2025", "early 2025"));
        assert!(!year_holds("2025", "2024-2025"));
        assert!(!year_holds("2025", "through 2025"));
        assert!(!year_holds("2025", "March 2026"));
        assert!(!year_holds("March 2026", "2026"));
    }
}

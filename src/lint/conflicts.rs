//! Facts that give the same figure with different values.
//!
//! Two facts give the same figure when their subjects are the same or share
//! a name, their metrics are the same or share a name (an alias), and their
//! periods are the same or one is a year holding the other (`2026` holds
//! `March 2026`). They conflict when their intervals are disjoint: no reading
//! of the written digits makes them agree. When they agree only through the
//! tolerance of `about` or `nearly`, that is a loose conflict.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::names::acknowledged;
use super::{Code, Finding, Location, Options};
use crate::check::{show_interval, show_number_in};
use crate::quantity::Unit;
use crate::report::FactRef;
use crate::store::{NameKind, Store, Sym, normalize};

pub(super) fn check(store: &Store, options: &Options, out: &mut Vec<Finding>) {
    let names = Names::new(store);
    let mut used = vec![false; store.acknowledged.len()];
    for (a, b) in candidate_pairs(store, &names) {
        let Some(relation) = same_figure(store, &names, a, b) else {
            continue;
        };
        let Some(finding) = compare(store, options, a, b, &relation) else {
            continue;
        };
        let (fa, fb) = (store.fact(a), store.fact(b));
        match acknowledged(store, &fa.id, &fb.id) {
            Some(i) => {
                used[i] = true;
                let ack = &store.acknowledged[i];
                out.push(Finding {
                    code: Code::AcknowledgedConflict,
                    severity: Code::AcknowledgedConflict.severity(),
                    location: Location::pointer(store.file(ack.file), ack.pointer.clone()),
                    note: Some(ack.note.clone()),
                    message: format!("acknowledged: {}", finding.message),
                    ..finding
                });
            }
            None => out.push(finding),
        }
    }
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

/// Pairs of facts whose subjects share a name and whose metrics share a
/// name, each pair once, in store order. Bucketing by both keeps a data
/// table's thousands of facts about one country from pairing up: only its
/// cells of one column are candidates.
fn candidate_pairs(store: &Store, names: &Names) -> Vec<(u32, u32)> {
    let mut buckets: BTreeMap<(&str, &str), Vec<u32>> = BTreeMap::new();
    for (i, fact) in store.facts.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        for subject in names.subjects.get(&fact.subject).into_iter().flatten() {
            for metric in names.metrics.get(&fact.metric).into_iter().flatten() {
                buckets.entry((subject, metric)).or_default().push(i);
            }
        }
    }
    let mut seen = HashSet::new();
    let mut pairs = Vec::new();
    for facts in buckets.values() {
        for (k, &a) in facts.iter().enumerate() {
            for &b in &facts[k + 1..] {
                if seen.insert((a, b)) {
                    pairs.push((a, b));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs
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
    if pa.map(normalize) != pb.map(normalize) {
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

/// A conflict finding when the two facts' values disagree.
fn compare(
    store: &Store,
    options: &Options,
    a: u32,
    b: u32,
    relation: &[String],
) -> Option<Finding> {
    let (fa, fb) = (store.fact(a), store.fact(b));
    let (ua, ub) = (&fa.value.unit, &fb.value.unit);
    // Units that do not compare are a mixed-units finding, not a conflict.
    if !ua.compatible(ub) {
        return None;
    }
    let (ra, rb) = (
        fa.value.reading(options.tolerance),
        fb.value.reading(options.tolerance),
    );
    // As for a claim: the digits agree when either central value lies in the
    // other's rounding interval; overlapping only at the edges is loose.
    let central_in =
        |c: Option<f64>, r: &crate::quantity::Reading| c.is_some_and(|c| r.strict.contains(c));
    let edge_only = ra.strict.overlaps(&rb.strict);
    if edge_only
        && (central_in(ra.central, &rb)
            || central_in(rb.central, &ra)
            || ra.central.is_none()
            || rb.central.is_none())
    {
        return None;
    }
    let unit = ua.more_specific(ub);
    let (ra_text, rb_text) = (
        show_interval(&ra.strict, &unit),
        show_interval(&rb.strict, &unit),
    );
    let head = format!(
        "`{}` gives {} and `{}` gives {}",
        fa.id, fa.value.text, fb.id, fb.value.text
    );
    let (code, why) = if edge_only {
        (
            Code::LooselyConflictingFacts,
            format!("{ra_text} and {rb_text} meet only at the edge of their rounding intervals"),
        )
    } else if ra.set.overlaps(&rb.set) {
        (
            Code::LooselyConflictingFacts,
            format!(
                "their digits disagree ({ra_text} and {rb_text}); they agree only within the {}% tolerance of `about` or `nearly`",
                crate::check::show_number(options.tolerance * 100.0)
            ),
        )
    } else {
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
    };
    let figure = if relation.is_empty() {
        format!("both are {}", FactRef::new(store, fa).name())
    } else {
        format!("the same figure: {}", and_list(relation))
    };
    let message = format!("{head}; {why}; {figure}");
    Some(
        Finding::new(code, Location::fact(store, fb, "/value"), message)
            .with_facts([&*fa.id, &*fb.id]),
    )
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

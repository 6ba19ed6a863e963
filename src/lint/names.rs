//! The store's vocabulary: names that name two things, and metrics whose
//! facts are in units that cannot be compared.

use std::collections::{BTreeMap, BTreeSet};

use super::conflicts::{Names, same_figure};
use super::{Code, Finding, Location};
use crate::quantity::Unit;
use crate::store::{NameKind, Store, Sym, normalize};

pub(super) fn check(store: &Store, out: &mut Vec<Finding>) {
    let figure = Names::new(store);
    for kind in [NameKind::Subject, NameKind::Metric] {
        collisions(store, kind, &figure, out);
    }
    mixed_units(store, out);
}

/// Where a name was declared: an alias entry, or a fact using it as its name.
#[derive(Debug, Clone)]
enum Declared {
    Alias { file: u32, pointer: String },
    Name,
}

fn kind_word(kind: NameKind) -> &'static str {
    match kind {
        NameKind::Subject => "subject",
        NameKind::Metric => "metric",
    }
}

fn name_of(store: &Store, kind: NameKind, fact: usize) -> Sym {
    let fact = &store.facts[fact];
    match kind {
        NameKind::Subject => fact.subject,
        NameKind::Metric => fact.metric,
    }
}

/// Whether two facts are an acknowledged conflict.
pub(super) fn acknowledged(store: &Store, a: &str, b: &str) -> Option<usize> {
    store
        .acknowledged
        .iter()
        .position(|ack| ack.facts.iter().any(|f| f == a) && ack.facts.iter().any(|f| f == b))
}

fn collisions(store: &Store, kind: NameKind, figure: &Names, out: &mut Vec<Finding>) {
    // Every canonical name of this kind, by its text.
    let mut canonical: BTreeMap<&str, Sym> = BTreeMap::new();
    for i in 0..store.facts.len() {
        let sym = name_of(store, kind, i);
        canonical.insert(store.str(sym), sym);
    }
    // Normalised name -> the canonical names it stands for, and where each
    // reading was declared.
    let mut names: BTreeMap<String, BTreeMap<&str, Declared>> = BTreeMap::new();
    for &name in canonical.keys() {
        names
            .entry(normalize(name))
            .or_default()
            .insert(name, Declared::Name);
    }
    for (i, (k, alias, target)) in store.aliases.iter().enumerate() {
        if *k != kind || !canonical.contains_key(target.as_str()) {
            continue;
        }
        let file = store.alias_files.get(i).copied().unwrap_or(0);
        let pointer = format!(
            "/{}s/{}",
            kind_word(kind),
            target.replace('~', "~0").replace('/', "~1")
        );
        names
            .entry(normalize(alias))
            .or_default()
            .entry(target.as_str())
            .or_insert(Declared::Alias { file, pointer });
    }
    for (name, targets) in &names {
        if targets.len() < 2 {
            continue;
        }
        let syms: Vec<Sym> = targets.keys().map(|t| canonical[t]).collect();
        let meetings = meetings(store, kind, &syms, figure);
        let unacknowledged: Vec<&(u32, u32)> = meetings
            .iter()
            .filter(|(a, b)| acknowledged(store, &store.fact(*a).id, &store.fact(*b).id).is_none())
            .collect();
        let location = targets
            .values()
            .find_map(|d| match d {
                Declared::Alias { file, pointer } => {
                    Some(Location::pointer(store.file(*file), pointer.clone()))
                }
                Declared::Name => None,
            })
            .unwrap_or_else(|| {
                // Two canonical names that read alike: point at a fact of the second.
                match facts_named(store, kind, syms[1]).first() {
                    Some(&f) => Location::fact(store, store.fact(f), ""),
                    None => Location::file(store.file(0)),
                }
            });
        let listed: Vec<String> = targets.keys().map(|t| format!("`{t}`")).collect();
        let what = format!(
            "`{name}` names {} {}s: {}",
            targets.len(),
            kind_word(kind),
            listed.join(", ")
        );
        let pair_text = |pairs: &[&(u32, u32)]| {
            pairs
                .iter()
                .map(|(a, b)| format!("{} and {}", store.fact(*a).id, store.fact(*b).id))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let finding = if meetings.is_empty() {
            let apart = match kind {
                NameKind::Subject => "metric and period",
                NameKind::Metric => "subject and period",
            };
            Finding::new(
                Code::SharedAlias,
                location,
                format!(
                    "{what}; their facts never have the same {apart}, so the rest of a claim tells them apart"
                ),
            )
        } else if unacknowledged.is_empty() {
            let all: Vec<&(u32, u32)> = meetings.iter().collect();
            Finding::new(
                Code::SharedAlias,
                location,
                format!(
                    "{what}; where they meet, their facts are acknowledged conflicts ({}), so claims using the name are ambiguous on purpose",
                    pair_text(&all)
                ),
            )
        } else {
            let mut ids = BTreeSet::new();
            for (a, b) in &unacknowledged {
                ids.insert(&*store.fact(*a).id);
                ids.insert(&*store.fact(*b).id);
            }
            Finding::new(
                Code::AliasCollision,
                location,
                format!(
                    "{what}; claims using it are ambiguous between {}",
                    pair_text(&unacknowledged)
                ),
            )
            .with_facts(ids)
        };
        out.push(finding);
    }
}

/// Pairs of facts under two different names of `names` that a claim using
/// the shared name could mean alike: the same figure in the sense of the
/// conflict check (related subjects, metrics and periods).
fn meetings(store: &Store, kind: NameKind, names: &[Sym], figure: &Names) -> Vec<(u32, u32)> {
    let mut pairs = Vec::new();
    for (i, &a) in names.iter().enumerate() {
        for &b in &names[i + 1..] {
            for &f in facts_named(store, kind, a) {
                for &g in facts_named(store, kind, b) {
                    if same_figure(store, figure, f, g).is_some() {
                        pairs.push((f.min(g), f.max(g)));
                    }
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

fn mixed_units(store: &Store, out: &mut Vec<Finding>) {
    // Metrics in the order their first fact appears, for a stable report.
    let mut order: Vec<Sym> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for fact in &store.facts {
        if seen.insert(fact.metric) {
            order.push(fact.metric);
        }
    }
    for metric in order {
        // Unit name -> (unit, facts), bare numbers left out: they take any unit.
        let mut groups: Vec<(String, Unit, Vec<u32>)> = Vec::new();
        for &f in store.facts_of_metric(metric) {
            let unit = &store.fact(f).value.unit;
            if *unit == Unit::Bare {
                continue;
            }
            match groups.iter_mut().find(|(_, u, _)| u.compatible(unit)) {
                Some((_, _, facts)) => facts.push(f),
                None => groups.push((unit.name(), unit.clone(), vec![f])),
            }
        }
        if groups.len() < 2 {
            continue;
        }
        let parts: Vec<String> = groups
            .iter()
            .map(|(name, _, facts)| {
                let ids: Vec<&str> = facts.iter().map(|&f| &*store.fact(f).id).collect();
                format!("{name} ({})", ids.join(", "))
            })
            .collect();
        let first_odd = store.fact(groups[1].2[0]);
        out.push(
            Finding::new(
                Code::MixedUnits,
                Location::fact(store, first_odd, "/value"),
                format!(
                    "metric `{}` is stated in units that cannot be compared: {}",
                    store.str(metric),
                    parts.join(" and ")
                ),
            )
            .with_facts(
                groups
                    .iter()
                    .flat_map(|(_, _, facts)| facts.iter().map(|&f| store.fact(f).id.to_string())),
            ),
        );
    }
}

fn facts_named(store: &Store, kind: NameKind, name: Sym) -> &[u32] {
    match kind {
        NameKind::Subject => store.facts_of_subject(name),
        NameKind::Metric => store.facts_of_metric(name),
    }
}

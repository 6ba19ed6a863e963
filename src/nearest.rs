//! Where a reference that names no fact may have meant to point: the
//! nearest names in the store, for the message of a dead end.
//!
//! Two kinds of near miss are looked for, cheaply: the same subject and
//! metric in another period (`2025` where the store has `Q4 2025`), and the
//! metrics whose names share the most words with the claim's. The linker's
//! "did you mean" names (`check`'s fallback) come first where it finds any;
//! the word-sharing names are then left out.

use crate::claim::{Body, Claim, Reference, Rhs};
use crate::resolve::{self, Resolution, Scope};
use crate::store::{Store, normalize};

/// How many names a hint lists.
const SHOWN: usize = 5;

/// The hint for the first reference of `claim` that names no fact: the
/// nearest names, and the `claimcheck facts` search to run.
pub fn hint(store: &Store, claim: &Claim, scope: Scope<'_>) -> Option<String> {
    hint_beside(store, claim, scope, None)
}

/// [`hint`], for a claim that already has the linker's "did you mean"
/// names: the names that merely share words are left out, and the search
/// suggested is for `linked`, the words of the phrase the best name holds.
pub fn hint_beside(
    store: &Store,
    claim: &Claim,
    scope: Scope<'_>,
    linked: Option<&str>,
) -> Option<String> {
    let references: Vec<&Reference> = match &claim.body {
        Body::Compare { lhs, rhs, .. } => {
            let mut all: Vec<&Reference> = lhs.references().collect();
            if let Rhs::Against { other, .. } = rhs {
                all.push(other);
            }
            all
        }
        Body::Chain { reference, .. } => vec![reference],
    };
    let missing = references
        .into_iter()
        .find(|r| matches!(resolve::resolve(store, r, scope), Resolution::NotFound(_)))?;
    let words = match missing {
        Reference::Phrase(phrase) => normalize(phrase),
        Reference::Explicit {
            subject, metric, ..
        } => normalize(&format!(
            "{} {}",
            subject.as_deref().unwrap_or(""),
            metric.as_deref().unwrap_or("")
        )),
        Reference::FactId(id) => {
            return Some(format!("look for it with `claimcheck facts {id}`"));
        }
    };
    let words: Vec<&str> = words.split_whitespace().collect();
    // No name in the store is longer: there is nothing near to point at.
    if words.len() > 2 * store.longest_name_words() + store.longest_period_words() {
        return None;
    }
    let named = without_period(store, &words);
    let mut nearest = in_other_periods(store, named, scope);
    let mut search = linked.map_or_else(|| named.join(" "), normalize);
    if nearest.is_empty() && linked.is_none() {
        let (metrics, shared) = metrics_sharing_words(store, after_subject(store, named));
        nearest = metrics;
        if !shared.is_empty() {
            search = shared.join(" ");
        }
    }
    let search = format!("`claimcheck facts {search}`");
    Some(if nearest.is_empty() {
        format!("look for it with {search}")
    } else {
        format!(
            "nearest: {}; look for more with {search}",
            nearest.join(", ")
        )
    })
}

/// The words without a trailing period: one the store has, or up to two
/// words with digits (`2019`, `Q3 2019`) that it has not.
fn without_period<'w>(store: &Store, words: &'w [&'w str]) -> &'w [&'w str] {
    if let Some(&(len, Some(_))) = resolve::period_splits(store, words).first() {
        return &words[..len];
    }
    let mut len = words.len();
    while len > 1 && words.len() - len < 2 && words[len - 1].bytes().any(|b| b.is_ascii_digit()) {
        len -= 1;
    }
    &words[..len]
}

/// The facts the words name in any period, by name.
fn in_other_periods(store: &Store, words: &[&str], scope: Scope<'_>) -> Vec<String> {
    let any_period = Scope {
        default_period: None,
        ..scope
    };
    let candidates = resolve::candidates(store, &Reference::Phrase(words.join(" ")), any_period);
    candidates
        .facts
        .iter()
        .take(SHOWN)
        .map(|&f| format!("`{}`", store.fact_name(store.fact(f))))
        .collect()
}

/// The words after the longest leading run that names a subject.
fn after_subject<'w>(store: &Store, words: &'w [&'w str]) -> &'w [&'w str] {
    (1..words.len())
        .rev()
        .find(|&k| !store.subjects_named(&words[..k].join(" ")).is_empty())
        .map_or(words, |k| &words[k..])
}

/// The metrics whose names share the most telling of the words (at least
/// two, or the one word there is): a word in few metric names tells more
/// than one in many (`ai`, `per`). With them, the words the first shares:
/// a search for those finds it.
fn metrics_sharing_words<'w>(store: &Store, words: &[&'w str]) -> (Vec<String>, Vec<&'w str>) {
    let needed = words.len().min(2);
    if needed == 0 {
        return (Vec::new(), Vec::new());
    }
    let names: Vec<(&str, &[crate::store::Sym])> = store.metric_names().collect();
    let shared_with = |name: &str| -> Vec<usize> {
        let name_words: Vec<&str> = name.split(' ').collect();
        (0..words.len())
            .filter(|&i| name_words.contains(&words[i]))
            .collect()
    };
    let mut names_with = vec![0usize; words.len()];
    let shared: Vec<Vec<usize>> = names.iter().map(|(name, _)| shared_with(name)).collect();
    for found in &shared {
        for &i in found {
            names_with[i] += 1;
        }
    }
    let mut ranked: Vec<(f64, &str, &[usize])> = Vec::new();
    for ((_, metrics), found) in names.iter().zip(&shared) {
        if found.len() >= needed {
            let score: f64 = found.iter().map(|&i| 1.0 / names_with[i] as f64).sum();
            for &m in *metrics {
                ranked.push((score, store.str(m), found));
            }
        }
    }
    // The most telling first; then the shorter name, which says less else.
    ranked.sort_unstable_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.len().cmp(&b.1.len()))
            .then(a.1.cmp(b.1))
    });
    ranked.dedup_by(|a, b| a.1 == b.1);
    let best = ranked.first().map_or(0.0, |r| r.0);
    ranked.retain(|r| r.0 >= best / 2.0);
    let search = ranked
        .first()
        .map(|(_, _, found)| found.iter().map(|&i| words[i]).collect())
        .unwrap_or_default();
    let shown = ranked
        .into_iter()
        .take(SHOWN)
        .map(|(_, m, _)| format!("metric `{m}`"))
        .collect();
    (shown, search)
}

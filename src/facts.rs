//! Searching the store: `claimcheck facts QUERY`.
//!
//! A query is a few words, as a person would type them: `285.9`,
//! `investment 2025`, `US`. A fact matches when every word of the query
//! names something about it: a word of its subject or metric (or of one of
//! their aliases), compared as the linker compares words (stems, spellings:
//! `investments`, `centre`), its period, its id, or its value. A number
//! matches the value as written or scaled by a magnitude, so `285.9` finds
//! `nearly $285.9 billion`; `$285.9B` and `60%` work too.
//!
//! The facts found are ranked by the linker ([`Linker::rank_phrase`]), the
//! subject and metric whose names the query's words name best first, as
//! `check` links a phrase; facts the ranking does not reach follow in store
//! order.
//!
//! # JSON schema (`--format json`), version 1
//!
//! ```text
//! {"schema_version": 1, "query": "investment 2025", "count": 12,
//!  "facts": [FactRef, ...]}     // FactRef as in the check report, best linked first
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde::Serialize;

use crate::link::Linker;
use crate::render;
use crate::report::FactRef;
use crate::store::{NameKind, Store, Sym, normalize};

pub const SCHEMA_VERSION: u32 = 1;

/// How many subject–metric pairs the linker ranks for a query.
const RANKED: usize = 64;

/// The facts a query found.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FactList {
    pub schema_version: u32,
    pub query: String,
    pub count: usize,
    pub facts: Vec<FactRef>,
}

/// The facts matching `query`, best linked first; every fact, in store
/// order, for an empty query.
pub fn search(store: &Store, query: &str) -> FactList {
    let words = words(&normalize(query));
    let facts: Vec<FactRef> = if let Some(f) = store.fact_by_id(query.trim()) {
        vec![FactRef::new(store, store.fact(f))]
    } else {
        let aliases = Aliases::new(store);
        let linker = Linker::new(store);
        let terms: Vec<Vec<u32>> = words.iter().map(|w| linker.terms_in(w)).collect();
        let named_by = |fact: &crate::store::Fact, terms: &[u32]| {
            terms.iter().any(|&t| {
                linker.name_holds(NameKind::Subject, fact.subject, t)
                    || linker.name_holds(NameKind::Metric, fact.metric, t)
            })
        };
        let mut found: Vec<(usize, &crate::store::Fact)> = store
            .facts
            .iter()
            .filter(|fact| {
                let tokens = tokens(store, &aliases, fact);
                words.iter().zip(&terms).all(|(w, terms)| {
                    tokens.contains(w.as_str())
                        || named_by(fact, terms)
                        || number(w).is_some_and(|n| value_is(n, &fact.value))
                })
            })
            .enumerate()
            .collect();
        // The rank of each pair the words link to; a stable sort keeps the
        // store's order among equals and for the pairs not ranked.
        let ranked = linker.rank_phrase_most(store, query, RANKED);
        let rank = |fact: &crate::store::Fact| {
            ranked
                .iter()
                .position(|l| l.subject == fact.subject && l.metric == fact.metric)
                .unwrap_or(usize::MAX)
        };
        found.sort_by_key(|&(i, fact)| (rank(fact), i));
        found
            .into_iter()
            .map(|(_, fact)| FactRef::new(store, fact))
            .collect()
    };
    FactList {
        schema_version: SCHEMA_VERSION,
        query: query.to_owned(),
        count: facts.len(),
        facts,
    }
}

/// The aliases of each subject and metric, normalised.
struct Aliases<'a> {
    of: HashMap<(NameKind, &'a str), Vec<String>>,
}

impl<'a> Aliases<'a> {
    fn new(store: &'a Store) -> Aliases<'a> {
        let mut of: HashMap<(NameKind, &'a str), Vec<String>> = HashMap::new();
        for (kind, alias, canonical) in &store.aliases {
            of.entry((*kind, canonical.as_str()))
                .or_default()
                .push(normalize(alias));
        }
        Aliases { of }
    }

    fn get(&self, kind: NameKind, name: &'a str) -> &[String] {
        self.of.get(&(kind, name)).map_or(&[], Vec::as_slice)
    }
}

/// Every word a query may use to name this fact.
fn tokens<'s>(
    store: &'s Store,
    aliases: &Aliases<'s>,
    fact: &crate::store::Fact,
) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut add = |text: &str| {
        for w in words(&normalize(text)) {
            out.insert(w);
        }
    };
    let names: [(NameKind, Sym); 2] = [
        (NameKind::Subject, fact.subject),
        (NameKind::Metric, fact.metric),
    ];
    for (kind, sym) in names {
        let name = store.str(sym);
        add(name);
        for alias in aliases.get(kind, name) {
            add(alias);
        }
    }
    if let Some(p) = fact.period {
        add(store.str(p));
    }
    // A draft is named by its quote until a curator names it.
    if fact.draft
        && let Some(quote) = &fact.quote
    {
        add(quote);
    }
    add(&fact.id);
    add(&fact.value.text);
    out
}

/// Words of a normalised text: split at spaces, surrounding punctuation
/// trimmed; hyphenated words also give their parts (`gpt-5.4` gives `gpt`).
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| "()[]{},;:\"'!?".contains(c));
        if word.is_empty() {
            continue;
        }
        out.push(word.to_owned());
        if word.contains('-') {
            out.extend(word.split('-').filter(|p| !p.is_empty()).map(str::to_owned));
        }
    }
    out
}

/// A query word read as a number: `285.9`, `$285.9b`, `60%`, `72,816`.
fn number(word: &str) -> Option<f64> {
    let digits: String = word
        .trim_start_matches(['$', '€', '£', '+', '~'])
        .trim_end_matches(['%', 'x', 'b', 'm', 'k', 't'])
        .chars()
        .filter(|&c| c != ',')
        .collect();
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether a number is the value, or one end of it, as written or times a
/// power of a thousand (the magnitude word).
fn value_is(n: f64, value: &crate::quantity::Quantity) -> bool {
    let ends = std::iter::once(value.low).chain(value.high);
    ends.map(|e| e.value().abs()).any(|v| {
        (0..=4).any(|k| {
            let scaled = n * 1000f64.powi(k);
            (scaled - v).abs() <= v.abs() * 1e-9
        })
    })
}

/// The facts for a person: each with its provenance chain.
pub fn render_human(list: &FactList) -> String {
    let mut out = String::new();
    for fact in &list.facts {
        render::provenance(&mut out, fact, "", "");
        if let Some(derived) = &fact.derived {
            let op = serde_json::to_value(derived.op)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let _ = writeln!(out, "  derived: {op} of {}", derived.from.join(", "));
        }
        let _ = writeln!(out, "  store:  {}", fact.origin);
        out.push('\n');
    }
    let one = list.count == 1;
    let what = if list.query.trim().is_empty() {
        "in the store".to_owned()
    } else {
        format!(
            "{} `{}`",
            if one { "matches" } else { "match" },
            list.query.trim()
        )
    };
    let _ = writeln!(
        out,
        "{} fact{} {what}",
        list.count,
        if one { "" } else { "s" }
    );
    out
}

pub fn render_json(list: &FactList) -> String {
    let mut text =
        serde_json::to_string_pretty(list).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_numbers() {
        assert_eq!(number("285.9"), Some(285.9));
        assert_eq!(number("$285.9b"), Some(285.9));
        assert_eq!(number("72,816"), Some(72816.0));
        assert_eq!(number("60%"), Some(60.0));
        assert_eq!(number("us"), None);
        assert_eq!(number("$"), None);
    }

    #[test]
    fn words_trim_punctuation_and_split_hyphens() {
        assert_eq!(
            words("(gpt-5.4 high), us"),
            ["gpt-5.4", "gpt", "5.4", "high", "us"]
        );
    }
}

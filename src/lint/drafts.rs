//! Draft facts: harvested from a document, linked to prose by their quotes,
//! and waiting for a curator to name them.
//!
//! A draft is usable as it stands (an audit links a summary's numbers to it
//! through its quote), so it is a warning, not an error: a store of drafts
//! passes CI while telling its curators what is left to do. One finding per
//! source, not per draft: a harvested report holds thousands.

use super::{Code, Finding, Location};
use crate::store::Store;

pub(super) fn check(store: &Store, out: &mut Vec<Finding>) {
    for (index, source) in store.sources.iter().enumerate() {
        let drafts: Vec<&str> = store
            .facts
            .iter()
            .filter(|f| f.draft && f.source == Some(index))
            .map(|f| &*f.id)
            .collect();
        // Not listed by id: a harvested report holds thousands, and
        // `facts.jsonl` marks each with `"draft": true`.
        let Some(first) = drafts.first() else {
            continue;
        };
        let location = store
            .fact_by_id(first)
            .map(|f| Location::fact(store, store.fact(f), ""))
            .unwrap_or_else(|| Location::file(&source.dir));
        let unnamed = store
            .facts
            .iter()
            .filter(|f| f.draft && f.source == Some(index))
            .filter(|f| store.str(f.subject).is_empty() || store.str(f.metric).is_empty())
            .count();
        out.push(Finding::new(
            Code::DraftFacts,
            location,
            format!(
                "source `{}` holds {} draft fact{} ({unnamed} without a subject or metric): \
                     audits link them by their quotes; a curator promotes one by naming it",
                source.id,
                drafts.len(),
                if drafts.len() == 1 { "" } else { "s" },
            ),
        ));
    }
}

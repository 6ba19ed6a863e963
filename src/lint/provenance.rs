//! Provenance fields: can an editor find each figure in its document, and
//! does the store say which document and when it was read?

use super::date::{Date, is_publication_date};
use super::{Code, Finding, Location, Options};
use crate::store::{Source, Store};

pub(super) fn check(store: &Store, options: &Options, out: &mut Vec<Finding>) {
    sources(store, options, out);
    facts(store, options, out);
}

fn source_file(source: &Source) -> std::path::PathBuf {
    source.dir.join("source.json")
}

fn sources(store: &Store, options: &Options, out: &mut Vec<Finding>) {
    let mut used = vec![false; store.sources.len()];
    for fact in &store.facts {
        if let Some(i) = fact.source {
            used[i] = true;
        }
    }
    for (i, source) in store.sources.iter().enumerate() {
        let file = source_file(source);
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        for (missing, code, field) in [
            (blank(&source.title), Code::SourceWithoutTitle, "title"),
            (
                blank(&source.publisher),
                Code::SourceWithoutPublisher,
                "publisher",
            ),
            (
                blank(&source.published),
                Code::SourceWithoutDate,
                "published",
            ),
            (blank(&source.url), Code::SourceWithoutUrl, "url"),
        ] {
            if missing {
                out.push(Finding::new(
                    code,
                    Location::pointer(&file, format!("/{field}")),
                    format!("source `{}` has no `{field}`", source.id),
                ));
            }
        }
        if let Some(published) = &source.published
            && !published.trim().is_empty()
            && !is_publication_date(published)
        {
            out.push(Finding::new(
                Code::InvalidDate,
                Location::pointer(&file, "/published"),
                format!(
                    "source `{}`: publication date `{published}` is not YYYY, YYYY-MM or YYYY-MM-DD",
                    source.id
                ),
            ));
        }
        if let Some(retrieved) = &source.retrieved {
            let what = format!("source `{}`", source.id);
            out.extend(dated(
                &what,
                retrieved,
                Location::pointer(&file, "/retrieved"),
                options,
            ));
        }
        if !used[i] {
            out.push(Finding::new(
                Code::UnusedSource,
                Location::file(&file),
                format!("no fact comes from source `{}`", source.id),
            ));
        }
    }
}

fn facts(store: &Store, options: &Options, out: &mut Vec<Finding>) {
    // Facts with no retrieval date, by source: when none of a source's facts
    // has one, the fix is one date in source.json, so that is the finding.
    let mut undated: Vec<Vec<usize>> = vec![Vec::new(); store.sources.len()];
    let mut per_source = vec![0usize; store.sources.len()];
    for (index, fact) in store.facts.iter().enumerate() {
        let source = store.source_of(fact);
        let id = &*fact.id;
        if source.is_none() {
            out.push(
                Finding::new(
                    Code::FactWithoutSource,
                    Location::fact(store, fact, "/source"),
                    format!("fact `{id}` has no source document"),
                )
                .with_facts([id]),
            );
        }
        if fact.locator.is_none() {
            out.push(
                Finding::new(
                    Code::FactWithoutLocator,
                    Location::fact(store, fact, "/locator"),
                    format!("fact `{id}` has no locator (chapter, section, page, figure or table)"),
                )
                .with_facts([id]),
            );
        }
        if fact.url.is_none() && source.and_then(|s| s.url.as_ref()).is_none() {
            out.push(
                Finding::new(
                    Code::FactWithoutUrl,
                    Location::fact(store, fact, "/url"),
                    format!("neither fact `{id}` nor its source gives a URL"),
                )
                .with_facts([id]),
            );
        }
        if let Some(retrieved) = fact.retrieved {
            let what = format!("fact `{id}`");
            out.extend(
                dated(
                    &what,
                    store.str(retrieved),
                    Location::fact(store, fact, "/retrieved"),
                    options,
                )
                .map(|f| f.with_facts([id])),
            );
        }
        let source_dated = source.is_some_and(|s| s.retrieved.is_some());
        if fact.retrieved.is_none() && !source_dated {
            match fact.source {
                Some(s) => undated[s].push(index),
                None => out.push(undated_fact(store, index)),
            }
        }
        if let Some(s) = fact.source {
            per_source[s] += 1;
        }
    }
    for (s, facts) in undated.iter().enumerate() {
        if facts.is_empty() {
            continue;
        }
        if facts.len() == per_source[s] {
            let source = &store.sources[s];
            out.push(
                Finding::new(
                    Code::FactWithoutRetrievalDate,
                    Location::pointer(&source_file(source), "/retrieved"),
                    format!(
                        "none of the {} facts of source `{}` has a retrieval date, and the source gives none",
                        facts.len(),
                        source.id
                    ),
                )
                .with_note(
                    "add `\"retrieved\": \"YYYY-MM-DD\"` to source.json, or to each fact",
                ),
            );
        } else {
            out.extend(facts.iter().map(|&f| undated_fact(store, f)));
        }
    }
}

fn undated_fact(store: &Store, index: usize) -> Finding {
    let fact = &store.facts[index];
    Finding::new(
        Code::FactWithoutRetrievalDate,
        Location::fact(store, fact, "/retrieved"),
        format!(
            "fact `{}` has no retrieval date, and its source gives none",
            fact.id
        ),
    )
    .with_facts([&*fact.id])
}

/// A retrieval date: it must be a date, and not older than `--max-age`.
fn dated(what: &str, text: &str, location: Location, options: &Options) -> Option<Finding> {
    let Some(date) = Date::parse(text) else {
        return Some(Finding::new(
            Code::InvalidDate,
            location,
            format!("{what}: retrieval date `{text}` is not YYYY-MM-DD"),
        ));
    };
    let max = options.max_age_days?;
    let age = options.today.days() - date.days();
    (age > i64::from(max)).then(|| {
        Finding::new(
            Code::StaleSource,
            location,
            format!(
                "{what} was retrieved on {date}, {age} days before {}; the limit is {max} days",
                options.today
            ),
        )
    })
}

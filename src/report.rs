//! The report: findings as data, rendered by the output formats.
//!
//! # JSON schema (`--format json`), version 1
//!
//! ```text
//! {
//!   "schema_version": 1,
//!   "claims": [ClaimReport, ...],      // in file order, files in path order
//!   "summary": {"total", "match", "mismatch", "missing-provenance",
//!               "ambiguous", "invalid", "loose"}   // counts
//! }
//! ClaimReport = {
//!   "file": "claims/x.claims", "line": 12, "column": 1,   // where the claim is written
//!   "label": "us-china-ratio" | null,
//!   "text": "US private AI investment = 23x China",        // the claim as written
//!   "article": {"path": "...", "line": 57} | null,         // from @article and @L
//!   "verdict": "match" | "mismatch" | "missing-provenance" | "ambiguous" | "invalid",
//!   "loose": false, "loose_reason": null | "...",          // a match that holds only loosely
//!   "stated": "23x" | null,                                // the claim's value
//!   "expected": "23.06x [22.96x, 23.15x]" | null,          // what the facts give
//!   "difference": null | "...",                            // for mismatches
//!   "arithmetic": ["...", ...],                            // each step, with intervals
//!   "facts": [FactRef, ...],                               // the facts the verdict rests on
//!   "candidates": [FactRef, ...],                          // for ambiguous claims
//!   "reason": null | "...",                                // why a claim is missing, ambiguous or invalid
//!   "code": null | "no-fact" | "no-provenance" | "not-in-cited-source"
//!           | "syntax" | "unit-mismatch" | "unknown-source" | "not-computable",
//!   "waived": {"reason": "...", "by": "claimcheck.toml:12"},  // only when waived
//!   "resolved": [PhraseLink, ...],     // only when a phrase was linked by its words
//!   "did_you_mean": [PhraseLink, ...]  // only for a phrase that named no fact
//! }
//! PhraseLink = {"phrase": "AI adoption among organizations",   // as written, period apart
//!               "subject": "...", "metric": "...",
//!               "fact": "e-org-adoption" | null,      // the fact checked; null in did_you_mean
//!               "matched": [["organizations", "Organizations"], ...],  // [phrase word, name word]
//!               "unmatched": ["..."],                 // phrase words no name of the pair holds
//!               "score": 1.21, "runner_up": null | {"subject", "metric", "score"}}
//! FactRef = {"id", "subject", "metric", "period", "value",
//!            "source": {"id", "title", "publisher", "published", "url",
//!                       "retrieved"?} | null,      // "retrieved" only when the source gives one
//!            "locator": {"chapter", "section", "page", "pages", "figure", "table", "row", "column",
//!                        "line"} | null,       // each key only when given
//!            // "subject" and "metric" are "" for a harvested draft not yet named
//!            "url", "retrieved", "via": [...], "origin": "sources/x/facts.jsonl:3",
//!            "quote"?: "...",                      // only when the fact has one
//!            "derived"?: {"op": "ratio" | "difference" | "percent-change" | "share"
//!                                | "sum" | "range", "from": ["fact-id", ...]}}
//! ```
//!
//! Fields are only ever added within a schema version; a rename or removal
//! bumps `schema_version`.

use serde::Serialize;

use crate::store::{Derivation, Fact, Locator, Store};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Match,
    Mismatch,
    MissingProvenance,
    Ambiguous,
    Invalid,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Match => "match",
            Verdict::Mismatch => "mismatch",
            Verdict::MissingProvenance => "missing-provenance",
            Verdict::Ambiguous => "ambiguous",
            Verdict::Invalid => "invalid",
        }
    }

    /// Which of two verdicts a claim with both parts gets: the worse one.
    pub fn severity(self) -> u8 {
        match self {
            Verdict::Match => 0,
            Verdict::MissingProvenance => 1,
            Verdict::Ambiguous => 2,
            Verdict::Mismatch => 3,
            Verdict::Invalid => 4,
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleRef {
    pub path: String,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SourceRef {
    pub id: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// When the source was retrieved (facts may give their own date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FactRef {
    pub id: String,
    pub subject: String,
    pub metric: String,
    pub period: Option<String>,
    pub value: String,
    pub source: Option<SourceRef>,
    pub locator: Option<Locator>,
    pub url: Option<String>,
    pub retrieved: Option<String>,
    pub via: Vec<String>,
    pub origin: String,
    /// The words of the source that state the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// How the value follows from other facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived: Option<Derivation>,
}

impl FactRef {
    pub fn new(store: &Store, fact: &Fact) -> FactRef {
        FactRef {
            id: fact.id.to_string(),
            subject: store.str(fact.subject).to_owned(),
            metric: store.str(fact.metric).to_owned(),
            period: fact.period.map(|p| store.str(p).to_owned()),
            value: fact.value.text.to_string(),
            source: store.source_of(fact).map(|s| SourceRef {
                id: s.id.clone(),
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                published: s.published.clone(),
                url: s.url.clone(),
                retrieved: s.retrieved.clone(),
            }),
            locator: store.locator(fact).cloned(),
            url: fact.url.map(|u| store.str(u).to_owned()),
            retrieved: fact.retrieved.map(|r| store.str(r).to_owned()),
            via: fact.via.iter().map(|v| store.str(*v).to_owned()).collect(),
            origin: store.origin(fact),
            quote: fact.quote.as_deref().map(str::to_owned),
            derived: fact.derived.as_deref().cloned(),
        }
    }

    /// `United States · private AI investment · 2025`
    /// A draft with no names yet is `draft` (`draft · 2025` with its period).
    pub fn name(&self) -> String {
        let mut name = if self.subject.is_empty() && self.metric.is_empty() {
            "draft".to_owned()
        } else {
            format!("{} · {}", self.subject, self.metric)
        };
        if let Some(p) = &self.period {
            name.push_str(" · ");
            name.push_str(p);
        }
        name
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClaimReport {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub label: Option<String>,
    pub text: String,
    pub article: Option<ArticleRef>,
    pub verdict: Verdict,
    pub loose: bool,
    pub loose_reason: Option<String>,
    pub stated: Option<String>,
    pub expected: Option<String>,
    pub difference: Option<String>,
    pub arithmetic: Vec<String>,
    pub facts: Vec<FactRef>,
    pub candidates: Vec<FactRef>,
    pub reason: Option<String>,
    pub code: Option<&'static str>,
    /// Set when a waiver (in `claimcheck.toml` or `@waive` next to the claim)
    /// accepts this claim as it is: it is still reported, and does not fail
    /// the run. Absent from the JSON when not waived.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waived: Option<Waived>,
    /// The phrases that named no fact word for word and were linked to one
    /// by their words; the verdict rests on those facts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resolved: Vec<PhraseLink>,
    /// For a phrase that named no fact: the names its words are nearest.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub did_you_mean: Vec<PhraseLink>,
}

/// A phrase of a claim linked to a subject and metric by its words.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PhraseLink {
    pub phrase: String,
    pub subject: String,
    pub metric: String,
    /// The fact the claim was checked against; `None` for a suggestion.
    pub fact: Option<String>,
    /// `(word of the phrase, word of the name)`.
    pub matched: Vec<(String, String)>,
    pub unmatched: Vec<String>,
    pub score: f32,
    /// The next best pair, which the linked one led by the margin.
    pub runner_up: Option<RunnerUp>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RunnerUp {
    pub subject: String,
    pub metric: String,
    pub score: f32,
}

impl PhraseLink {
    /// `United States · private AI investment`
    pub fn name(&self) -> String {
        format!("{} · {}", self.subject, self.metric)
    }

    /// `US → U.S, investment → investment`
    pub fn matched_words(&self) -> String {
        self.matched
            .iter()
            .map(|(said, name)| {
                if said == name {
                    said.clone()
                } else {
                    format!("{said} → {name}")
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A waiver that applies to a claim or a finding.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Waived {
    pub reason: String,
    /// Where the waiver is written: `claimcheck.toml:12` or `x.claims:7`.
    pub by: String,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub total: usize,
    #[serde(rename = "match")]
    pub matched: usize,
    pub mismatch: usize,
    #[serde(rename = "missing-provenance")]
    pub missing_provenance: usize,
    pub ambiguous: usize,
    pub invalid: usize,
    pub loose: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub schema_version: u32,
    pub claims: Vec<ClaimReport>,
    pub summary: Summary,
}

impl Report {
    pub fn new(claims: Vec<ClaimReport>) -> Report {
        let mut summary = Summary {
            total: claims.len(),
            ..Summary::default()
        };
        for c in &claims {
            match c.verdict {
                Verdict::Match => summary.matched += 1,
                Verdict::Mismatch => summary.mismatch += 1,
                Verdict::MissingProvenance => summary.missing_provenance += 1,
                Verdict::Ambiguous => summary.ambiguous += 1,
                Verdict::Invalid => summary.invalid += 1,
            }
            if c.loose {
                summary.loose += 1;
            }
        }
        Report {
            schema_version: SCHEMA_VERSION,
            claims,
            summary,
        }
    }

    /// Every claim matched (loose matches included).
    pub fn all_match(&self) -> bool {
        self.claims.iter().all(|c| c.verdict == Verdict::Match)
    }
}

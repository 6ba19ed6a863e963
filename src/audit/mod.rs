//! `audit`: every number in a piece of prose, accounted for.
//!
//! An article (Markdown or plain text) is cut into prose blocks
//! ([`markdown`]), the numbers of each block are found ([`scan`]) and each
//! gets one status:
//!
//! - **claimed**: a claim in a claims file points at its line (`@article` +
//!   `@L`) and states the same value; the finding carries that claim's verdict;
//! - **backed**: no claim, but a fact of the store agrees with it and the
//!   fact's subject or metric is named in the same sentence;
//! - **contradicted**: the sentence names a fact's subject and metric and the
//!   value is one the facts rule out;
//! - **unsourced**: nothing in the store answers it.
//!
//! Like the rest of the library, nothing here prints or touches the file
//! system: the caller reads the files and picks the claims that point at them.

pub mod markdown;
pub mod scan;
pub mod suggest;
pub mod text;

mod classify;

use std::sync::{Arc, OnceLock};

use serde::Serialize;

use crate::check::Options;
use crate::claim::{Body, ChainValues, Entry, Rhs, parse_line};
use crate::quantity::{Quantity, Reading};
use crate::report::{ClaimReport, FactRef, Verdict, Waived};
use crate::store::Store;

use classify::{Judgement, Vocabulary};
use text::Lines;

/// The version of the audit JSON schema (documented in [`AuditReport`]).
pub const AUDIT_SCHEMA_VERSION: u32 = 1;

/// How an article is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    PlainText,
}

impl Format {
    /// Markdown for `.md`, `.markdown`, `.mdx` and `.mkd`; plain text otherwise.
    pub fn of_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if [".md", ".markdown", ".mdx", ".mkd"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            Format::Markdown
        } else {
            Format::PlainText
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Claimed,
    Backed,
    Contradicted,
    Unsourced,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Claimed => "claimed",
            Status::Backed => "backed",
            Status::Contradicted => "contradicted",
            Status::Unsourced => "unsourced",
        }
    }
}

/// A claim that states a number of the article, as the finding shows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClaimLink {
    pub file: String,
    pub line: usize,
    pub label: Option<String>,
    pub text: String,
    pub verdict: Verdict,
    pub loose: bool,
    pub expected: Option<String>,
}

/// One number of an article and what backs it.
///
/// Serialises as the `Finding` of the JSON schema ([`AuditReport`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Shared by every finding of the file.
    pub file: Arc<str>,
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// The number as written, with its qualifier and unit.
    pub text: String,
    /// The sentence it stands in, quoted for a report; shared by the
    /// numbers of the sentence.
    pub sentence: Arc<str>,
    pub status: Status,
    /// For claimed numbers: the worst verdict of the claims that state it.
    pub verdict: Option<Verdict>,
    pub loose: bool,
    pub claims: Vec<ClaimLink>,
    /// The facts that back it, or (contradicted) the facts it contradicts.
    pub facts: Vec<SharedFact>,
    /// For contradicted numbers: what the facts say.
    pub expected: Option<String>,
    /// A claim line for a claims file (all but claimed numbers), written
    /// out by [`Finding::suggested_line`].
    pub suggestion: Option<Suggestion>,
    pub waived: Option<Box<Waived>>,
    /// The number as prose mode read it, for programs; not in the JSON.
    pub quantity: Option<Quantity>,
}

/// The claim line suggested for a finding, kept compact until it is shown:
/// the reference to the fact that answers it (shared by every finding that
/// cites the fact), `TODO` when none does; the value is the finding's
/// quantity.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub reference: Option<Arc<str>>,
}

impl Finding {
    /// The suggested claim line, as `--suggest` writes it.
    pub fn suggested_line(&self) -> Option<String> {
        let suggestion = self.suggestion.as_ref()?;
        let quantity = self.quantity.as_ref()?;
        Some(suggest::claim_line(
            suggestion.reference.as_deref(),
            quantity,
        ))
    }
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Finding", 13)?;
        s.serialize_field("file", &self.file)?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("column", &self.column)?;
        s.serialize_field("text", &self.text)?;
        s.serialize_field("sentence", &self.sentence)?;
        s.serialize_field("status", &self.status)?;
        s.serialize_field("verdict", &self.verdict)?;
        s.serialize_field("loose", &self.loose)?;
        s.serialize_field("claims", &self.claims)?;
        s.serialize_field("facts", &self.facts)?;
        s.serialize_field("expected", &self.expected)?;
        s.serialize_field("suggestion", &self.suggested_line())?;
        match &self.waived {
            Some(w) => s.serialize_field("waived", w)?,
            None => s.skip_field("waived")?,
        }
        s.end()
    }
}

/// A fact with its provenance, shared by every finding that cites it: a
/// dense article cites the same facts thousands of times. Serialises as the
/// [`FactRef`] it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedFact(pub Arc<FactRef>);

impl std::ops::Deref for SharedFact {
    type Target = FactRef;

    fn deref(&self) -> &FactRef {
        &self.0
    }
}

impl Serialize for SharedFact {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// The audit of one or more articles.
///
/// # JSON schema (`audit --format json`), version 1
///
/// ```text
/// {
///   "kind": "audit", "schema_version": 1,
///   "files": ["article.md", ...],
///   "findings": [Finding, ...],          // files in order, then by line and column
///   "summary": {"total", "claimed", "backed", "contradicted", "unsourced",
///               "failing_claims", "waived"}
/// }
/// Finding = {
///   "file", "line", "column",            // 1-based; the column counts characters
///   "text": "over 60%",                  // the number as written
///   "sentence": "NVIDIA accounts for over 60% of total compute, ...",
///   "status": "claimed" | "backed" | "contradicted" | "unsourced",
///   "verdict": null | Verdict,           // claimed: the worst verdict of its claims
///   "loose": false,
///   "claims": [{"file", "line", "label", "text", "verdict", "loose", "expected"}],
///   "facts": [FactRef, ...],             // as in the check schema
///   "expected": null | "...",            // contradicted: the facts' values
///   "suggestion": null | "claim line",   // for --suggest
///   "waived": {"reason", "by"}           // only when waived
/// }
/// ```
///
/// The audit schema shares `Verdict` and `FactRef` with the check schema
/// (`schema_version` 1 of [`crate::report`]) and evolves the same way:
/// fields are only added within a version.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AuditReport {
    pub kind: &'static str,
    pub schema_version: u32,
    pub files: Vec<String>,
    pub findings: Vec<Finding>,
    pub summary: AuditSummary,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct AuditSummary {
    pub total: usize,
    pub claimed: usize,
    pub backed: usize,
    pub contradicted: usize,
    pub unsourced: usize,
    /// Claimed numbers whose claim is not a match.
    pub failing_claims: usize,
    pub waived: usize,
}

impl AuditReport {
    pub fn new(files: Vec<String>, findings: Vec<Finding>) -> AuditReport {
        let mut summary = AuditSummary {
            total: findings.len(),
            ..AuditSummary::default()
        };
        for f in &findings {
            match f.status {
                Status::Claimed => summary.claimed += 1,
                Status::Backed => summary.backed += 1,
                Status::Contradicted => summary.contradicted += 1,
                Status::Unsourced => summary.unsourced += 1,
            }
            if f.verdict.is_some_and(|v| v != Verdict::Match) {
                summary.failing_claims += 1;
            }
            if f.waived.is_some() {
                summary.waived += 1;
            }
        }
        AuditReport {
            kind: "audit",
            schema_version: AUDIT_SCHEMA_VERSION,
            files,
            findings,
            summary,
        }
    }
}

/// An article that is not text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: not valid UTF-8 (byte {offset}); save the file as UTF-8")]
pub struct NotText {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

/// Reads an article's bytes as text, or says where they stop being UTF-8.
/// A byte-order mark is dropped: editors do not count it as a column.
pub fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, NotText> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        // The valid prefix is text, so lines and columns can be counted in it.
        let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        NotText {
            path: path.to_owned(),
            line,
            column,
            offset,
        }
    })
}

/// The store, read once for any number of articles.
#[derive(Debug)]
pub struct Auditor<'a> {
    store: &'a Store,
    vocabulary: Vocabulary,
    readings: Vec<Reading>,
    options: Options,
    /// Per fact, made on first use: a dense article cites the same facts
    /// thousands of times.
    fact_refs: Vec<OnceLock<SharedFact>>,
    references: Vec<OnceLock<Arc<str>>>,
}

impl<'a> Auditor<'a> {
    pub fn new(store: &'a Store, options: Options) -> Auditor<'a> {
        let readings = store
            .facts
            .iter()
            .map(|f| f.value.reading(options.tolerance))
            .collect();
        Auditor {
            store,
            vocabulary: Vocabulary::new(store),
            readings,
            options,
            fact_refs: store.facts.iter().map(|_| OnceLock::new()).collect(),
            references: store.facts.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    pub fn store(&self) -> &'a Store {
        self.store
    }

    /// Audits one article. `claims` are the checked claims whose `@article`
    /// is this file (the caller matches the paths); their `@L` lines link
    /// them to the numbers.
    pub fn audit(
        &self,
        file: &str,
        text: &str,
        format: Format,
        claims: &[ClaimReport],
    ) -> Vec<Finding> {
        let blocks = match format {
            Format::Markdown => markdown::markdown_blocks(text),
            Format::PlainText => markdown::plain_blocks(text),
        };
        let claim_values: Vec<(usize, Vec<f64>)> = claims
            .iter()
            .map(|c| {
                (
                    c.article.as_ref().map_or(0, |a| a.line as usize),
                    values_of(&c.text),
                )
            })
            .collect();
        let file: Arc<str> = Arc::from(file);
        let mut lines = Lines::new(text);
        // Sized once from a cheap count: growing a vector of a million
        // findings by doubling copies it again and again into fresh memory,
        // which cost a quarter of the audit of a dense article. Pages of an
        // over-estimate are never touched; `try_reserve` keeps an absurd
        // estimate from aborting.
        let mut findings = Vec::new();
        let _ = findings.try_reserve(digit_runs(text));
        for block in &blocks {
            let mentions = scan::scan(&block.text, block.kind);
            // Numbers share sentences: names, facts and the quote are found
            // once per sentence.
            let mut cache: Option<Sentence<'_>> = None;
            for mention in mentions {
                let (s, e) = mention.sentence;
                let sentence = &block.text[s..e];
                if cache.as_ref().is_none_or(|c| c.range != (s, e)) {
                    let hits = self.vocabulary.hits(sentence);
                    let context =
                        classify::Context::new(self.store, &self.vocabulary, &hits, sentence);
                    cache = Some(Sentence {
                        range: (s, e),
                        hits,
                        context,
                        quoted: Arc::from(text::quote(sentence, 240)),
                    });
                }
                let Some(current) = cache.as_ref() else {
                    continue;
                };
                let (hits, quoted) = (current.hits.as_slice(), &current.quoted);
                let (ms, me) = (mention.start - s, mention.end - s);
                if self.vocabulary.inside_name(hits, ms, me) {
                    continue;
                }
                let (line, column) = lines.locate(block.original(mention.start));
                let mut finding = Finding {
                    file: Arc::clone(&file),
                    line,
                    column,
                    text: text::quote(&block.text[mention.start..mention.end], 80),
                    sentence: Arc::clone(quoted),
                    status: Status::Unsourced,
                    verdict: None,
                    loose: false,
                    claims: Vec::new(),
                    facts: Vec::new(),
                    expected: None,
                    suggestion: None,
                    waived: None,
                    quantity: None,
                };
                let stated = stated_values(&mention.quantity);
                let linked: Vec<&ClaimReport> = claims
                    .iter()
                    .zip(&claim_values)
                    .filter(|(_, (l, values))| {
                        *l == line && stated.clone().any(|v| values.iter().any(|c| same(v, *c)))
                    })
                    .map(|(c, _)| c)
                    .collect();
                if linked.is_empty() {
                    let after = &block.text[mention.end..];
                    let after = &after[..text::floor_boundary(after, 64)];
                    self.judge(&mut finding, &mention.quantity, &current.context, after);
                    // "four words", "seven dimensions": a spelled-out count
                    // that no claim states and no fact answers is prose.
                    if mention.weak && finding.status == Status::Unsourced {
                        continue;
                    }
                } else {
                    finding.status = Status::Claimed;
                    let worst = linked
                        .iter()
                        .map(|c| c.verdict)
                        .max_by_key(|v| v.severity())
                        .unwrap_or(Verdict::Match);
                    finding.verdict = Some(worst);
                    finding.loose = linked.iter().any(|c| c.loose);
                    finding.claims = linked
                        .iter()
                        .map(|c| ClaimLink {
                            file: c.file.clone(),
                            line: c.line,
                            label: c.label.clone(),
                            text: c.text.clone(),
                            verdict: c.verdict,
                            loose: c.loose,
                            expected: c.expected.clone(),
                        })
                        .collect();
                }
                finding.quantity = Some(mention.quantity);
                findings.push(finding);
            }
        }
        findings
    }

    /// Judges a number no claim states; `after` is the text that follows it.
    fn judge(
        &self,
        finding: &mut Finding,
        quantity: &Quantity,
        context: &classify::Context<'_>,
        after: &str,
    ) {
        let judgement = classify::judge(
            self.store,
            &self.readings,
            context,
            quantity,
            after,
            self.options.tolerance,
        );
        let (status, facts) = match judgement {
            Judgement::Backed(f) => (Status::Backed, f),
            Judgement::Contradicted(f) => (Status::Contradicted, f),
            Judgement::Unsourced => (Status::Unsourced, Vec::new()),
        };
        finding.status = status;
        if finding.status == Status::Contradicted {
            let values: Vec<String> = facts
                .iter()
                .map(|&f| self.store.fact(f).value.text.clone())
                .collect();
            finding.expected = Some(values.join(" or "));
        }
        // The line itself is written when shown: most findings never are.
        let reference = facts.first().map(|&f| {
            Arc::clone(
                self.references[f as usize]
                    .get_or_init(|| Arc::from(suggest::reference(self.store, f))),
            )
        });
        finding.suggestion = Some(Suggestion { reference });
        finding.facts = facts
            .iter()
            .map(|&f| {
                self.fact_refs[f as usize]
                    .get_or_init(|| {
                        SharedFact(Arc::new(FactRef::new(self.store, self.store.fact(f))))
                    })
                    .clone()
            })
            .collect();
    }
}

/// A sentence of a block and what it names, shared by its numbers.
struct Sentence<'s> {
    range: (usize, usize),
    hits: Vec<classify::Hit>,
    context: classify::Context<'s>,
    quoted: Arc<str>,
}

/// How many runs of ASCII digits `text` holds: about as many as its
/// numbers, dates and names with digits together.
fn digit_runs(text: &str) -> usize {
    let mut runs = 0;
    let mut previous = false;
    for b in text.bytes() {
        let digit = b.is_ascii_digit();
        runs += usize::from(digit && !previous);
        previous = digit;
    }
    runs
}

/// The values a claim states, in base units, to recognise its number in prose.
fn values_of(claim_text: &str) -> Vec<f64> {
    let Ok(Some(Entry::Claim(claim))) = parse_line(claim_text) else {
        return Vec::new();
    };
    let quantities: Vec<&Quantity> = match &claim.body {
        Body::Compare { rhs, .. } => match rhs {
            Rhs::Value(q) => vec![q],
            Rhs::Against { quantity, .. } => vec![quantity],
        },
        Body::Chain { values, .. } => match values {
            ChainValues::Each(v) => v.iter().collect(),
            ChainValues::Change(q) => vec![q],
        },
    };
    quantities.into_iter().flat_map(stated_values).collect()
}

/// The numbers a quantity states: its value, or both ends of a range.
fn stated_values(q: &Quantity) -> impl Iterator<Item = f64> + Clone + use<> {
    let factor = q.unit.factor();
    std::iter::once(q.low.value() * factor).chain(q.high.map(|h| h.value() * factor))
}

/// The same number, sign aside: prose says "fell 13%" where the claim
/// writes `-13%`.
fn same(a: f64, b: f64) -> bool {
    let (a, b) = (a.abs(), b.abs());
    (a - b).abs() <= 1e-9 * a.max(b).max(1e-12)
}

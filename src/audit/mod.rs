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
mod derive;
pub(crate) mod judge;

use std::borrow::Cow;
use std::sync::{Arc, Mutex, OnceLock};

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use serde::Serialize;

use crate::check::Options;
use crate::claim::{Body, ChainValues, Entry, Rhs, parse_line};
use crate::link::{Linker, ParagraphWords, SentenceTerms, WordCache};
use crate::quantity::{Quantity, Reading, Unit};
use crate::report::{ClaimReport, FactRef, Verdict, Waived};
use crate::store::Store;

use classify::Vocabulary;
use judge::{Judgement, Years};
use text::{Block, Lines};

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
    /// A ratio, change or difference of two facts the words link it to.
    Derived,
    Contradicted,
    Unsourced,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Claimed => "claimed",
            Status::Backed => "backed",
            Status::Derived => "derived",
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
/// Serialises as the `Finding` of the JSON schema ([`AuditReport`]). An
/// audit of a dense article holds hundreds of thousands of these, and on a
/// fresh process every byte of them is memory the kernel has to hand over
/// and zero: the sentence is shared, the number is a range of it, the
/// facts are shared lists, and what few findings have is boxed.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Shared by every finding of the file.
    pub file: Arc<str>,
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
    /// The sentence the number stands in, as prose (markup removed), shared
    /// by the numbers of the sentence; [`Finding::sentence`] quotes it.
    pub prose: Arc<str>,
    /// Where the number, with its qualifier and unit, stands in `prose`.
    pub span: (u32, u32),
    pub status: Status,
    /// For claimed numbers: the worst verdict of the claims that state it.
    pub verdict: Option<Verdict>,
    pub loose: bool,
    /// The facts that back it, or (contradicted) the facts it contradicts.
    pub facts: FactList,
    /// The value of the claim line suggested for the number, in claim
    /// syntax (all but claimed numbers); [`Finding::suggested_line`] adds
    /// the reference to the first fact.
    pub suggested_value: Option<CompactString>,
    /// What few findings have; read it through [`Finding::claims`],
    /// [`Finding::expected`] and [`Finding::waived`].
    pub detail: Option<Box<Detail>>,
}

/// The parts of a finding that most findings lack.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detail {
    /// For claimed numbers: the claims that state it.
    pub claims: Vec<ClaimLink>,
    /// For contradicted numbers: what the facts say.
    pub expected: Option<String>,
    pub waived: Option<Waived>,
    /// The facts the words around the number link it to, best first, with
    /// the evidence.
    pub link: Vec<LinkCandidate>,
    /// For derived numbers (and contradicted ones that derive): the arithmetic.
    pub arithmetic: Option<String>,
    /// ... and the claim line that states the derivation.
    pub derived_claim: Option<String>,
    /// For a number in a table cell: the row's first cell and the column's
    /// header it stands under; in a list item: the paragraph introducing
    /// the list.
    pub context: Option<String>,
}

/// A fact the words around a number link it to, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkCandidate {
    pub fact: String,
    /// `subject · metric · period = value`.
    pub name: String,
    /// The linker's rank, to two decimals: words near the number, rare
    /// across the store, that name the fact's metric and subject.
    pub score: f32,
    pub subject: Option<LinkEvidence>,
    pub metric: Option<LinkEvidence>,
    /// How the period was settled, where it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Whether the fact's value agrees with the number.
    pub agrees: bool,
    /// The outcome for this candidate, in words.
    pub why: String,
}

/// The words that link a number to one name of a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkEvidence {
    /// The name or alias the words matched.
    pub name: String,
    /// Share of the name's weight the sentence holds, to two decimals.
    pub coverage: f32,
    /// How strongly the words near the number point at it, to two decimals.
    pub strength: f32,
    /// `[word in the sentence, word of the name]`.
    pub words: Vec<(String, String)>,
    /// Words of the name found only in the paragraph before the sentence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<String>,
}

/// The facts of a finding, shared by every finding that names the same ones.
pub type FactList = Arc<[SharedFact]>;

impl Finding {
    /// The claims that state the number.
    pub fn claims(&self) -> &[ClaimLink] {
        self.detail.as_ref().map_or(&[], |d| &d.claims)
    }

    /// For a contradicted number: what the facts say.
    pub fn expected(&self) -> Option<&str> {
        self.detail.as_ref()?.expected.as_deref()
    }

    pub fn waived(&self) -> Option<&Waived> {
        self.detail.as_ref()?.waived.as_ref()
    }

    /// For a number derived from two facts: the arithmetic.
    pub fn arithmetic(&self) -> Option<&str> {
        self.detail.as_ref()?.arithmetic.as_deref()
    }

    /// The facts the number's words link it to, best first.
    pub fn link(&self) -> &[LinkCandidate] {
        self.detail.as_ref().map_or(&[], |d| &d.link)
    }

    /// For a number in a table cell: what it stands under (its row's first
    /// cell and its column's header); in a list item: the paragraph that
    /// introduces the list.
    pub fn context(&self) -> Option<&str> {
        self.detail.as_ref().and_then(|d| d.context.as_deref())
    }

    /// The column just past the number, 1-based, in characters.
    pub fn end_column(&self) -> u32 {
        let (start, end) = self.span;
        let chars = self.prose[start as usize..end as usize].chars().count();
        self.column + u32::try_from(chars).unwrap_or(u32::MAX)
    }

    /// The detail to fill in, made on first need.
    pub fn detail_mut(&mut self) -> &mut Detail {
        self.detail.get_or_insert_with(Box::default)
    }

    /// The number as written, with its qualifier and unit, fit to print.
    pub fn text(&self) -> Cow<'_, str> {
        let (start, end) = self.span;
        text::quote(&self.prose[start as usize..end as usize], 80)
    }

    /// The number as read, for tools that use the audit as an extractor:
    /// the span is read again, as the scanner read it.
    pub fn reading(&self) -> Option<NumberReading> {
        let (start, end) = self.span;
        let written = &self.prose[start as usize..end as usize];
        let Some((quantity, _)) = crate::quantity::prose_quantity(written, true) else {
            // An ordinal ("24th", "ninth") states a position, which the
            // grammar of amounts leaves to the scanner.
            let position = scan::ordinal_value(written)?;
            let quantity = crate::quantity::parse_quantity(&position.to_string()).ok()?;
            return Some(NumberReading {
                value: f64::from(position),
                interval: quantity.reading(0.0).strict,
                unit: "a position".to_owned(),
                dimension: None,
                kind: "ordinal",
            });
        };
        let dimension = match &quantity.unit {
            Unit::Measure(m) => Some(m.dimension),
            _ => None,
        };
        Some(NumberReading {
            value: quantity.low.value(),
            interval: quantity.reading(0.0).strict,
            unit: quantity.unit.name(),
            dimension,
            kind: quantity.unit.kind(),
        })
    }

    /// The sentence, fit to quote in a report.
    pub fn sentence(&self) -> Cow<'_, str> {
        text::quote(&self.prose, 240)
    }

    /// The suggested claim line, as `--suggest` writes it: the first fact's
    /// reference, `TODO` when no fact answers the number.
    pub fn suggested_line(&self) -> Option<String> {
        let value = self.suggested_value.as_ref()?;
        if let Some(line) = self.detail.as_ref().and_then(|d| d.derived_claim.as_ref()) {
            return Some(line.clone());
        }
        let reference = self.facts.first().map_or("TODO", |f| f.reference());
        Some(format!("{reference} = {value}"))
    }
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Finding", 17)?;
        s.serialize_field("file", &self.file)?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("column", &self.column)?;
        s.serialize_field("end_column", &self.end_column())?;
        s.serialize_field("text", &self.text())?;
        s.serialize_field("sentence", &self.sentence())?;
        s.serialize_field("status", &self.status)?;
        s.serialize_field("verdict", &self.verdict)?;
        s.serialize_field("loose", &self.loose)?;
        s.serialize_field("claims", self.claims())?;
        s.serialize_field("facts", &self.facts)?;
        s.serialize_field("expected", &self.expected())?;
        s.serialize_field("arithmetic", &self.arithmetic())?;
        s.serialize_field("suggestion", &self.suggested_line())?;
        s.serialize_field("link", self.link())?;
        s.serialize_field("reading", &self.reading())?;
        match self.context() {
            Some(context) => s.serialize_field("context", context)?,
            None => s.skip_field("context")?,
        }
        match self.waived() {
            Some(w) => s.serialize_field("waived", w)?,
            None => s.skip_field("waived")?,
        }
        s.end()
    }
}

/// A number as the audit read it (`reading` in a finding's JSON).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberReading {
    /// The value written (a range's low end), in the written unit.
    pub value: f64,
    /// Every value the written digits and qualifier allow, in base units
    /// (a measure's base unit: `29.6 GW` in watts).
    pub interval: crate::interval::Interval,
    pub unit: String,
    /// A measure's dimension (`power`, `length`...).
    pub dimension: Option<&'static str>,
    /// `number`, `percent`, `percentage-points`, `multiple`, `currency`,
    /// `measure`, `count`, `rate` or `ordinal`.
    pub kind: &'static str,
}

/// A fact with its provenance, shared by every finding that cites it: a
/// dense article cites the same facts thousands of times. Serialises as the
/// [`FactRef`] it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedFact(Arc<CitedFact>);

#[derive(Debug, PartialEq)]
struct CitedFact {
    fact: FactRef,
    /// How a claim line names the fact ([`suggest::reference`]).
    reference: String,
}

impl SharedFact {
    pub fn new(store: &Store, f: u32) -> SharedFact {
        SharedFact(Arc::new(CitedFact {
            fact: FactRef::new(store, store.fact(f)),
            reference: suggest::reference(store, f),
        }))
    }

    /// How a claim line names the fact.
    pub fn reference(&self) -> &str {
        &self.0.reference
    }
}

impl std::ops::Deref for SharedFact {
    type Target = FactRef;

    fn deref(&self) -> &FactRef {
        &self.0.fact
    }
}

impl Serialize for SharedFact {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.fact.serialize(serializer)
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
///   "link": [LinkCandidate, ...],        // the facts the words link it to
///   "reading": {"value", "interval": {"lo", "hi", "lo_open", "hi_open"},
///               "unit", "dimension", "kind"},  // the number as read
///   "context": "United States; 2025",    // only in a table cell (its row and header) or a list item (its lead-in)
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
    pub derived: usize,
    pub contradicted: usize,
    pub unsourced: usize,
    /// Claimed numbers whose claim is not a match.
    pub failing_claims: usize,
    pub waived: usize,
}

impl AuditSummary {
    /// Counts one more finding: a caller that writes findings out as they
    /// come keeps the summary without keeping them.
    pub fn count(&mut self, f: &Finding) {
        self.total += 1;
        match f.status {
            Status::Claimed => self.claimed += 1,
            Status::Backed => self.backed += 1,
            Status::Derived => self.derived += 1,
            Status::Contradicted => self.contradicted += 1,
            Status::Unsourced => self.unsourced += 1,
        }
        if f.verdict.is_some_and(|v| v != Verdict::Match) {
            self.failing_claims += 1;
        }
        if f.waived().is_some() {
            self.waived += 1;
        }
    }
}

impl AuditReport {
    pub fn new(files: Vec<String>, findings: Vec<Finding>) -> AuditReport {
        let mut summary = AuditSummary::default();
        for f in &findings {
            summary.count(f);
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
    linker: Linker,
    /// Every fact's reading, approximation tolerance included.
    readings: Vec<Reading>,
    options: Options,
    /// Per fact, made on first use: a dense article cites the same facts
    /// thousands of times.
    shared_facts: Vec<OnceLock<SharedFact>>,
    /// Per fact, made on first use: how a finding's link candidates name it.
    candidate_names: Vec<OnceLock<String>>,
    /// Whether findings carry their link candidates in words.
    link_evidence: bool,
    /// The word caches and sentence buffers of finished audits, for the
    /// next to start from: a repository's articles are many and short, and
    /// each stemmed its words again and zeroed fresh per-form tables. At
    /// most one per thread that audits at the same time.
    spare: Mutex<Vec<(WordCache, SentenceTerms)>>,
}

impl<'a> Auditor<'a> {
    pub fn new(store: &'a Store, options: Options) -> Auditor<'a> {
        Auditor {
            store,
            vocabulary: Vocabulary::new(store),
            linker: Linker::new(store),
            readings: store
                .facts
                .iter()
                .map(|f| f.value.reading(options.tolerance))
                .collect(),
            options,
            shared_facts: store.facts.iter().map(|_| OnceLock::new()).collect(),
            candidate_names: store.facts.iter().map(|_| OnceLock::new()).collect(),
            link_evidence: true,
            spare: Mutex::new(Vec::new()),
        }
    }

    /// Whether findings carry the facts their numbers link to, with the
    /// words that matched ([`Finding::link`]); on unless turned off. An
    /// output that shows no link (CI annotations) saves their making.
    pub fn with_link_evidence(mut self, on: bool) -> Auditor<'a> {
        self.link_evidence = on;
        self
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
        // Sized once from a cheap count: growing a vector of a million
        // findings by doubling copies it again and again into fresh memory.
        // Pages of an over-estimate are never touched; `try_reserve` keeps
        // an absurd estimate from aborting.
        let mut findings = Vec::new();
        let _ = findings.try_reserve(digit_runs(text));
        self.audit_each(file, text, format, claims, |f| findings.push(f));
        findings
    }

    /// [`Auditor::audit`], handing each finding to `sink` in document order
    /// as soon as it is made: a caller that writes findings out or counts
    /// them need not hold them all.
    pub fn audit_each(
        &self,
        file: &str,
        text: &str,
        format: Format,
        claims: &[ClaimReport],
        sink: impl FnMut(Finding),
    ) {
        let claim_values: Vec<(usize, Vec<f64>)> = claims
            .iter()
            .map(|c| {
                (
                    c.article.as_ref().map_or(0, |a| a.line as usize),
                    values_of(&c.text),
                )
            })
            .collect();
        // Both are emptied as each sentence is read; the cache holds only
        // what a word's terms are, whatever article it was met in.
        let (words, terms) = self
            .spare
            .lock()
            .ok()
            .and_then(|mut spare| spare.pop())
            .unwrap_or_default();
        let mut work = Work {
            file: Arc::from(file),
            lines: Lines::new(text),
            claims,
            claim_values,
            fact_lists: FxHashMap::default(),
            mentions: Vec::new(),
            words,
            terms,
            paragraph: ParagraphWords::default(),
            sink,
        };
        match format {
            Format::Markdown => markdown::each_markdown_block(text, |b| self.block(&mut work, b)),
            Format::PlainText => markdown::each_plain_block(text, |b| self.block(&mut work, b)),
        }
        // A cache grown past this (a corpus of millions of distinct words)
        // is dropped rather than kept for good.
        const MOST_WORDS_KEPT: usize = 1 << 20;
        if work.words.words_held() <= MOST_WORDS_KEPT
            && let Ok(mut spare) = self.spare.lock()
        {
            spare.push((work.words, work.terms));
        }
    }

    /// The findings of one prose block.
    fn block(&self, work: &mut Work<'_, '_, impl FnMut(Finding)>, block: &Block) {
        let mut mentions = std::mem::take(&mut work.mentions);
        let names_a_subject = |word: &str| {
            !self
                .store
                .subjects_named(&crate::store::normalize(word))
                .is_empty()
        };
        scan::scan_knowing(&block.text, block.kind, &names_a_subject, &mut mentions);
        // Numbers share sentences: names, terms and the prose are found
        // once per sentence.
        let mut cache: Option<Sentence> = None;
        let mut terms = std::mem::take(&mut work.terms);
        // The number that began "from X to Y", with the (subject, metric)
        // of the fact that backed it.
        let mut started = None;
        work.paragraph.clear();
        for (at, mention) in mentions.iter().enumerate() {
            let (s, e) = mention.sentence;
            let sentence = &block.text[s..e];
            if cache.as_ref().is_none_or(|c| c.range != (s, e)) {
                let first = mentions[..at].partition_point(|m| m.sentence != (s, e));
                let numbers: Vec<(usize, usize)> = mentions[first..]
                    .iter()
                    .take_while(|m| m.sentence == (s, e))
                    .map(|m| (m.start - s, m.end - s))
                    .collect();
                // A table cell's words are few: what it stands under says
                // what it is of.
                if block.kind == text::BlockKind::Cell && !block.context.is_empty() {
                    self.linker
                        .read_in(sentence, &block.context, &mut work.words, &mut terms);
                } else {
                    self.linker.read_in_paragraph(
                        &block.text,
                        paragraph_start(&block.text, s),
                        (s, e),
                        &mut work.paragraph,
                        &mut work.words,
                        &mut terms,
                    );
                }
                cache = Some(Sentence {
                    range: (s, e),
                    first,
                    numbers,
                    hits: self.vocabulary.hits(sentence),
                    years: Years::of(sentence),
                    prose: None,
                });
            }
            let Some(current) = cache.as_mut() else {
                continue;
            };
            let (ms, me) = (mention.start - s, mention.end - s);
            if self.vocabulary.inside_name(&current.hits, ms, me) {
                continue;
            }
            let (line, column) = work.lines.locate(block.original(mention.start));
            let stated = stated_values(&mention.quantity);
            let linked: Vec<&ClaimReport> = work
                .claims
                .iter()
                .zip(&work.claim_values)
                .filter(|(_, (l, values))| {
                    *l == line && stated.clone().any(|v| values.iter().any(|c| same(v, *c)))
                })
                .map(|(c, _)| c)
                .collect();
            let mut finding = Finding {
                file: Arc::clone(&work.file),
                line: to_u32(line),
                column: to_u32(column),
                prose: Arc::clone(current.prose.get_or_insert_with(|| Arc::from(sentence))),
                span: (to_u32(ms), to_u32(me)),
                status: Status::Unsourced,
                verdict: None,
                loose: false,
                facts: work.no_facts(),
                suggested_value: None,
                detail: None,
            };
            if !block.context.is_empty() {
                finding.detail_mut().context = Some(block.context.clone());
            }
            if linked.is_empty() {
                let which = at - current.first;
                let ends_change = judge::Number::ends_change(sentence, &current.numbers, which);
                // "Eighty of ninety-five notable models": the words after the
                // whole are what the part counts too; "incidents rose from
                // 233 to 362": the words before the start name the end too.
                let partner = if judge::Number::part_of(sentence, &current.numbers, which) {
                    Some(which + 1)
                } else if ends_change {
                    Some(which - 1)
                } else {
                    None
                };
                let scores = match partner {
                    Some(partner) => {
                        let mut numbers = current.numbers.clone();
                        numbers.remove(partner);
                        let which = if partner < which { which - 1 } else { which };
                        self.linker.scores(&terms, &numbers, which)
                    }
                    None => self.linker.scores(&terms, &current.numbers, which),
                };
                let next_word = judge::Number::word_after(sentence, me);
                let number = judge::Number {
                    quantity: &mention.quantity,
                    start: ms,
                    end: me,
                    reading: judge::prose_reading(&mention.quantity, self.options.tolerance),
                    as_written: mention.quantity.reading(self.options.tolerance).set,
                    sentence,
                    years: &current.years,
                    pinned: current.years.pinned(sentence, ms, me),
                    starts_change: judge::Number::after_from(sentence, ms)
                        && current.years.pinned(sentence, ms, me).is_none(),
                    next_word,
                    ordinal: mention.ordinal,
                    whole: which > 0
                        && judge::Number::part_of(sentence, &current.numbers, which - 1),
                    change_of: started
                        .filter(|&(start, _)| ends_change && start + 1 == at)
                        .map(|(_, pair)| pair),
                    counts_a_noun: judge::Number::counts_a_noun(
                        &mention.quantity,
                        sentence,
                        &terms,
                        next_word,
                    ),
                    neighbours: &mentions[current.first..current.first + current.numbers.len()],
                    which: at - current.first,
                };
                let rank = |for_derivation| {
                    judge::candidates(
                        self.store,
                        &self.linker,
                        &self.readings,
                        &scores,
                        &terms,
                        &number,
                        for_derivation,
                    )
                };
                let candidates = rank(false);
                let mut judgement =
                    judge::judge(self.store, &self.linker, &terms, &candidates, &number);
                if let (true, Judgement::Backed(f)) = (number.starts_change, &judgement) {
                    let fact = self.store.fact(f[0]);
                    started = Some((at, (fact.subject, fact.metric)));
                }
                let mut linked = candidates;
                // A backing fact linked far less well than two facts whose
                // ratio or change the number is ("the median value per user
                // tripling") is a coincidence of values.
                let backed_by = match &judgement {
                    Judgement::Backed(f) => linked.iter().find(|c| c.fact == f[0]).map(|c| c.rank),
                    _ => None,
                };
                if derive::may_derive(&number) {
                    let any_unit = rank(true);
                    let candidate = |f: &u32| any_unit.iter().find(|c| c.fact == *f);
                    if let Some(d) = derive::derive(self.store, &self.readings, &any_unit, &number)
                        && backed_by.is_none_or(|b| {
                            let weakest = d
                                .facts
                                .iter()
                                .map(|f| candidate(f).map_or(0.0, |c| c.rank))
                                .fold(f32::MAX, f32::min);
                            d.agrees && weakest > judge::MARGIN * b
                        })
                        && (d.agrees
                            || (judgement == Judgement::Unsourced
                                && d.facts
                                    .iter()
                                    .all(|f| candidate(f).is_some_and(judge::fully_linked))))
                    {
                        judgement = Judgement::Derived(d);
                        linked = any_unit;
                    }
                }
                let link = if self.link_evidence {
                    judge::explain(
                        self.store,
                        &self.candidate_names,
                        &scores,
                        &number,
                        &linked,
                        &judgement,
                    )
                } else {
                    Vec::new()
                };
                // "four words", "seven dimensions": a spelled-out count
                // that no claim states and no fact answers is prose.
                if mention.weak && judgement == Judgement::Unsourced {
                    continue;
                }
                self.judged(work, &mut finding, judgement, &mention.quantity);
                if !link.is_empty() {
                    finding.detail_mut().link = link;
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
                finding.detail_mut().claims = linked
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
            (work.sink)(finding);
        }
        work.mentions = mentions;
        work.terms = terms;
    }

    /// Fills in a number no claim states from its judgement.
    fn judged(
        &self,
        work: &mut Work<'_, '_, impl FnMut(Finding)>,
        finding: &mut Finding,
        judgement: Judgement,
        quantity: &Quantity,
    ) {
        let (status, facts) = match judgement {
            Judgement::Backed(f) => (Status::Backed, f),
            Judgement::Contradicted(f) => (Status::Contradicted, f),
            Judgement::Derived(d) => {
                let (before, after) = &d.claim;
                let detail = finding.detail_mut();
                detail.arithmetic = Some(d.arithmetic.clone());
                detail.derived_claim =
                    Some(format!("{before}{}{after}", suggest::claim_value(quantity)));
                let status = if d.agrees {
                    Status::Derived
                } else {
                    Status::Contradicted
                };
                (status, d.facts.to_vec())
            }
            Judgement::Unsourced => (Status::Unsourced, Vec::new()),
        };
        finding.status = status;
        if let Some(arithmetic) = finding
            .arithmetic()
            .filter(|_| status == Status::Contradicted)
        {
            // A wrong derived number is expected to be what the facts derive.
            let derived = arithmetic.rsplit_once(" = ").map_or(arithmetic, |(_, v)| v);
            let expected = derived.to_owned();
            finding.detail_mut().expected = Some(expected);
        } else if status == Status::Contradicted {
            let values: Vec<&str> = facts
                .iter()
                .map(|&f| self.store.fact(f).value.text.as_str())
                .collect();
            finding.detail_mut().expected = Some(values.join(" or "));
        }
        finding.suggested_value = Some(suggest::claim_value(quantity));
        if !facts.is_empty() {
            finding.facts = match work.fact_lists.get(facts.as_slice()) {
                Some(list) => Arc::clone(list),
                None => {
                    let list: FactList = facts
                        .iter()
                        .map(|&f| {
                            self.shared_facts[f as usize]
                                .get_or_init(|| SharedFact::new(self.store, f))
                                .clone()
                        })
                        .collect();
                    work.fact_lists.insert(facts, Arc::clone(&list));
                    list
                }
            };
        }
    }
}

/// What an audit of one article carries from block to block.
struct Work<'a, 'c, S> {
    file: Arc<str>,
    lines: Lines<'a>,
    claims: &'c [ClaimReport],
    claim_values: Vec<(usize, Vec<f64>)>,
    /// The fact lists made so far, by their facts: findings share them.
    fact_lists: FxHashMap<Vec<u32>, FactList>,
    /// The numbers of the current block, in a list kept from block to block.
    mentions: Vec<scan::Mention>,
    /// The words of the article read so far, with their terms.
    words: WordCache,
    /// The current sentence's terms, in a buffer kept from sentence to sentence.
    terms: SentenceTerms,
    /// The words of the current block read so far, for the sentences'
    /// contexts.
    paragraph: ParagraphWords,
    sink: S,
}

impl<S> Work<'_, '_, S> {
    fn no_facts(&mut self) -> FactList {
        match self.fact_lists.get(&[][..]) {
            Some(list) => Arc::clone(list),
            None => {
                let list: FactList = Arc::from([]);
                self.fact_lists.insert(Vec::new(), Arc::clone(&list));
                list
            }
        }
    }
}

/// A sentence of a block and what it names, shared by its numbers.
struct Sentence {
    range: (usize, usize),
    /// The index of its first number among the block's, and where its
    /// numbers stand in it.
    first: usize,
    numbers: Vec<(usize, usize)>,
    hits: Vec<classify::Hit>,
    years: Years,
    /// Its prose, made for the first finding that keeps it.
    prose: Option<Arc<str>>,
}

/// Where the text of the block before byte `start` that is the sentence's
/// context begins, a sentence or two back: what a sentence's "it" and "the
/// index" may point back to. It begins the block or at a whitespace
/// character.
fn paragraph_start(text: &str, start: usize) -> usize {
    const REACH: usize = 200;
    let mut from = start.saturating_sub(REACH);
    if from == 0 {
        return 0;
    }
    // Two hundred bytes back may fall inside a character (Chinese prose).
    while !text.is_char_boundary(from) {
        from += 1;
    }
    // Start at a whole word.
    text[from..start]
        .find(char::is_whitespace)
        .map_or(start, |at| from + at)
}

/// Lines and columns past `u32::MAX` do not occur in files anyone audits;
/// they saturate rather than wrap.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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

#[cfg(test)]
mod tests {
    use super::Finding;

    /// A context reaching back into the middle of a character starts at
    /// the next one: Chinese prose of more than 200 bytes before a number.
    #[test]
    fn a_context_starts_on_a_character() {
        let text = format!(
            "{}。中国的份额为 30%。",
            "美国私人投资达到亿美元中国的份额".repeat(10)
        );
        for lead in ["", "a", "ab"] {
            let text = format!("{lead}{text}");
            let start = text.find("中国的份额为").unwrap_or(0);
            let from = super::paragraph_start(&text, start);
            assert!(text.is_char_boundary(from) && from <= start && start - from <= 200);
        }
    }

    /// A dense article keeps hundreds of thousands of findings, and on a
    /// fresh process every byte of them is memory the kernel zeroes first:
    /// a field that grows a finding should go into its boxed detail.
    #[test]
    fn a_finding_stays_small() {
        assert!(
            std::mem::size_of::<Finding>() <= 104,
            "a finding takes {} bytes",
            std::mem::size_of::<Finding>()
        );
    }
}

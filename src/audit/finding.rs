//! What an audit reports: its findings, their statuses and evidence, the
//! report of many articles, and the reading of an article's bytes.

use std::borrow::Cow;
use std::sync::Arc;

use compact_str::CompactString;
use serde::Serialize;

use crate::quantity::Unit;
use crate::report::{FactRef, Verdict, Waived};
use crate::store::Store;

use super::{scan, suggest, text};

/// The version of the audit JSON schema (documented in [`AuditReport`]).
pub const AUDIT_SCHEMA_VERSION: u32 = 1;

/// How an article is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    PlainText,
}

impl Format {
    /// The format of a document: its extension's ([`Format::of_path`]), but
    /// for a text file written in Markdown, as summaries pasted from a
    /// Markdown editor are: a table's delimiter row (`|---|---|`) or two
    /// headings (`## Money`) tell it, and its tables and headings are read
    /// as such.
    pub fn of_document(path: &str, text: &str) -> Format {
        match Format::of_path(path) {
            Format::PlainText if looks_like_markdown(text) => Format::Markdown,
            format => format,
        }
    }

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

/// Whether plain text shows Markdown's structure: a table delimiter row,
/// or two ATX headings.
fn looks_like_markdown(text: &str) -> bool {
    let delimiter_row = |line: &str| {
        let line = line.trim();
        line.contains("---")
            && line.contains('|')
            && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
    };
    let heading = |line: &str| {
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
    };
    let mut headings = 0;
    for line in text.lines() {
        if delimiter_row(line) {
            return true;
        }
        headings += usize::from(heading(line));
        if headings >= 2 {
            return true;
        }
    }
    false
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
    /// Words of the name found only before the sentence: in its paragraph
    /// or the heading it stands under.
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
    /// the sentence is scanned again and the mention at the finding's span
    /// taken, so that what the words around it said of it holds ("45 and
    /// 50 mg" gives the 45 its unit, "($99.99)" is a loss).
    pub fn reading(&self) -> Option<NumberReading> {
        let (start, end) = (self.span.0 as usize, self.span.1 as usize);
        let mention = SCANNED.with_borrow_mut(|(prose, mentions)| {
            // The numbers of a sentence share its prose: one scan serves them.
            if !Arc::ptr_eq(prose, &self.prose) {
                *prose = Arc::clone(&self.prose);
                *mentions = scan::scan(&self.prose, text::BlockKind::Paragraph);
            }
            mentions
                .iter()
                .find(|m| m.start == start && m.end == end)
                .cloned()
        });
        let written = &self.prose[start..end];
        let (quantity, ordinal) = match mention {
            Some(m) => (m.quantity, m.ordinal),
            // Not found alone (a table cell read with its headers): the
            // span is read as the scanner would read it on its own.
            None => match crate::quantity::prose_quantity(written, true) {
                Some((quantity, _)) => (quantity, false),
                None => {
                    let position = scan::ordinal_value(written)?;
                    let quantity = crate::quantity::parse_quantity(&position.to_string()).ok()?;
                    (quantity, true)
                }
            },
        };
        // An ordinal ("24th", "ninth") states a position.
        if ordinal {
            return Some(NumberReading {
                value: quantity.low.value(),
                high: None,
                interval: quantity.reading(0.0).strict,
                unit: "a position".to_owned(),
                dimension: None,
                kind: "ordinal",
            });
        }
        let dimension = match &quantity.unit {
            Unit::Measure(m) => Some(m.dimension),
            _ => None,
        };
        Some(NumberReading {
            value: quantity.low.value(),
            high: quantity.high.map(|h| h.value()),
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

thread_local! {
    /// The last sentence [`Finding::reading`] scanned, with its mentions.
    static SCANNED: std::cell::RefCell<(Arc<str>, Vec<scan::Mention>)> =
        std::cell::RefCell::new((Arc::from(""), Vec::new()));
}

/// A number as the audit read it (`reading` in a finding's JSON).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberReading {
    /// The value written (a range's low end), in the written unit.
    pub value: f64,
    /// A range's high end, in the written unit ("3 to 4 L": 4); left out
    /// of the JSON for a single value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
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
///   "reading": {"value", "high", "interval": {"lo", "hi", "lo_open", "hi_open"},
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

//! Store lint: the fact store audits its own evidence.
//!
//! A checker is only as trustworthy as its store. Lint reports, as data,
//! every place where the store's provenance is thin (a fact without a locator,
//! a source without a date), where its vocabulary is ambiguous (an alias that
//! names two metrics), where its facts disagree (the same figure stated twice
//! with different values), where a figure it states as derived does not
//! follow from the facts it is derived from, and where a quote is not in the
//! source's text.
//!
//! Each [`Finding`] has a stable [`Code`] (kebab-case, listed with
//! `Code::ALL`), a [`Severity`] and a [`Location`]. Only error-severity
//! findings fail a lint run.
//!
//! # JSON schema (`claimcheck lint --format json`), version 1
//!
//! ```text
//! {
//!   "schema_version": 1,
//!   "findings": [Finding, ...],   // errors first, then warnings, then info; by code, then location
//!   "summary": {"error": 0, "warning": 3, "info": 51,
//!               "by_code": {"derivation-holds": 40, ...}}   // codes with at least one finding
//! }
//! Finding = {
//!   "code": "conflicting-facts",                 // see `claimcheck lint --codes`
//!   "severity": "error" | "warning" | "info",
//!   "location": {"file": "sources/x/facts.jsonl",
//!                "line": 12 | null, "column": 3 | null,   // 1-based
//!                "pointer": "/derived" | null},           // RFC 6901 JSON pointer inside the entry
//!   "message": "...",
//!   "note": "..." | null,                        // e.g. the curator's note of an acknowledged conflict
//!   "facts": ["fact-id", ...]                    // the facts the finding is about
//! }
//! ```
//!
//! Fields are only ever added within a schema version.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::{Serialize, Serializer};

use crate::store::{Fact, LoadErrors, Store};

mod conflicts;
pub mod date;
mod derived;
mod drafts;
mod load;
mod names;
mod provenance;
pub(crate) mod quotes;

pub use date::Date;

pub const SCHEMA_VERSION: u32 = 1;

/// How much a finding matters: errors fail the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Declares the codes with their stable name, severity and description in
/// one table, so the three can never drift apart.
macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $description:literal;)*) => {
        /// What a finding is about. The kebab-case names are stable: tools
        /// filter on them, so a name is never reused for another meaning.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order findings are listed.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// One line saying what the code means and what to do about it.
            pub fn description(self) -> &'static str {
                match self {
                    $(Code::$variant => $description,)*
                }
            }
        }
    };
}

codes! {
    // The store does not load as written (each also stops `claimcheck check`).
    UnreadableFile = "unreadable-file", Error,
        "a store file cannot be read";
    InvalidJson = "invalid-json", Error,
        "a store file is not valid JSON or has a field the store does not know";
    InvalidValue = "invalid-value", Error,
        "a fact's value does not follow the quantity grammar";
    SourceIdMismatch = "source-id-mismatch", Error,
        "a source's id differs from the name of its folder";
    UnknownSource = "unknown-source", Error,
        "a fact names a source the store does not hold";
    UnknownFact = "unknown-fact", Error,
        "a derivation names a fact id the store does not hold";
    DuplicateId = "duplicate-id", Error,
        "two facts share an id; the second is ignored";
    UnknownAliasTarget = "unknown-alias-target", Error,
        "an aliases file gives other names to a subject or metric no fact has";
    InvalidAcknowledgement = "invalid-acknowledgement", Error,
        "a conflicts.json entry names an unknown fact, fewer than two facts, or has no note";
    StoreLayout = "store-layout", Error,
        "a source folder lacks a facts file or has two";
    InvalidTable = "invalid-table", Error,
        "a data table does not read: a schema without entity or year column or with a unit it cannot read, a header or a cell that disagrees with the schema";
    // Provenance: can an editor find the figure in the document?
    FactWithoutSource = "fact-without-source", Error,
        "a fact has no source document, so no verdict can rest on it";
    FactWithoutLocator = "fact-without-locator", Error,
        "a fact has no chapter, section, page, figure or table, so no verdict can rest on it";
    FactWithoutUrl = "fact-without-url", Warning,
        "neither a fact nor its source gives a URL to open";
    FactWithoutRetrievalDate = "fact-without-retrieval-date", Warning,
        "neither a fact nor its source says when it was retrieved";
    SourceWithoutTitle = "source-without-title", Warning,
        "a source has no title";
    SourceWithoutPublisher = "source-without-publisher", Warning,
        "a source has no publisher";
    SourceWithoutDate = "source-without-date", Warning,
        "a source has no publication date";
    SourceWithoutUrl = "source-without-url", Warning,
        "a source has no URL";
    UnusedSource = "unused-source", Warning,
        "no fact comes from this source";
    InvalidDate = "invalid-date", Warning,
        "a date is not written YYYY-MM-DD (publication dates may be YYYY or YYYY-MM)";
    StaleSource = "stale-source", Warning,
        "a retrieval date is older than --max-age days";
    // Vocabulary.
    AliasCollision = "alias-collision", Warning,
        "a name names two subjects or metrics that meet (same subject or metric, same period), so claims using it are ambiguous";
    SharedAlias = "shared-alias", Info,
        "a name names two subjects or metrics that never meet, or the two variants of an acknowledged conflict";
    MixedUnits = "mixed-units", Error,
        "a metric is stated in units that cannot be compared (percent in one fact, dollars in another)";
    // Agreement between facts.
    ConflictingFacts = "conflicting-facts", Error,
        "two facts give the same figure (same subject, metric and period) with values no rounding reconciles";
    LooselyConflictingFacts = "loosely-conflicting-facts", Warning,
        "two facts give the same figure with values that agree only within the approximation tolerance";
    AcknowledgedConflict = "acknowledged-conflict", Info,
        "a conflict between facts that the store acknowledges in conflicts.json, with a note";
    StaleAcknowledgement = "stale-acknowledgement", Warning,
        "conflicts.json acknowledges facts that lint does not find in conflict";
    // Derived figures.
    DerivationHolds = "derivation-holds", Info,
        "a derived fact follows from the facts it is derived from";
    DerivationMismatch = "derivation-mismatch", Warning,
        "a derived fact does not follow from the facts it is derived from, by the amount given";
    DerivationInvalid = "derivation-invalid", Error,
        "a derivation cannot be computed: wrong number of inputs or units that do not combine";
    // Quotes against the source's text.
    QuoteNotInSource = "quote-not-in-source", Error,
        "a fact's quote does not occur in its source's text (sources/<id>/text/)";
    QuoteWithoutValue = "quote-without-value", Error,
        "a fact's quote does not state the fact's value in any written form";
    UncheckedQuotes = "unchecked-quotes", Info,
        "a source's facts have quotes, but the source has no text/ folder to check them against";
    // Harvested facts awaiting a curator.
    DraftFacts = "draft-facts", Warning,
        "a source holds draft facts (harvested, not curated): give each a subject and a metric (and its period) and drop `draft` to promote it";
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a finding is: a file, and inside it a line (and column) or a JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    pub file: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub pointer: Option<String>,
}

impl Location {
    pub fn file(path: &Path) -> Location {
        Location {
            file: path.display().to_string(),
            line: None,
            column: None,
            pointer: None,
        }
    }

    /// A place inside a JSON document of a file.
    pub fn pointer(path: &Path, pointer: impl Into<String>) -> Location {
        Location {
            pointer: Some(pointer.into()),
            ..Location::file(path)
        }
    }

    /// The line a fact is written on, and a field of it.
    pub fn fact(store: &Store, fact: &Fact, pointer: &str) -> Location {
        Location {
            line: Some(fact.origin.line),
            pointer: (!pointer.is_empty()).then(|| pointer.to_owned()),
            ..Location::file(store.file(fact.origin.file))
        }
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if let Some(pointer) = &self.pointer {
            write!(f, " {pointer}")?;
        }
        Ok(())
    }
}

/// One thing lint found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub location: Location,
    pub message: String,
    /// More to read: a curator's note, a hint.
    pub note: Option<String>,
    /// The ids of the facts the finding is about.
    pub facts: Vec<String>,
}

impl Finding {
    pub fn new(code: Code, location: Location, message: impl Into<String>) -> Finding {
        Finding {
            code,
            severity: code.severity(),
            location,
            message: message.into(),
            note: None,
            facts: Vec::new(),
        }
    }

    pub fn with_facts<S: ToString>(mut self, facts: impl IntoIterator<Item = S>) -> Finding {
        self.facts = facts.into_iter().map(|f| f.to_string()).collect();
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Finding {
        self.note = Some(note.into());
        self
    }
}

/// What lint checks beyond the defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The relative width of `about` and `nearly`, as in `check` (0.05 is 5%).
    pub tolerance: f64,
    /// Retrievals older than this many days are stale; `None`: no check.
    pub max_age_days: Option<u32>,
    /// The day ages are counted to (a parameter, so runs are reproducible).
    pub today: Date,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tolerance: 0.05,
            max_age_days: None,
            today: Date::from_days(0),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub by_code: BTreeMap<&'static str, usize>,
}

/// Everything lint found in a store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LintReport {
    pub schema_version: u32,
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

impl LintReport {
    fn new(mut findings: Vec<Finding>) -> LintReport {
        findings.sort_by(|a, b| {
            (a.severity, a.code, &a.location, &a.message).cmp(&(
                b.severity,
                b.code,
                &b.location,
                &b.message,
            ))
        });
        let mut summary = Summary::default();
        for f in &findings {
            match f.severity {
                Severity::Error => summary.error += 1,
                Severity::Warning => summary.warning += 1,
                Severity::Info => summary.info += 1,
            }
            *summary.by_code.entry(f.code.as_str()).or_default() += 1;
        }
        LintReport {
            schema_version: SCHEMA_VERSION,
            findings,
            summary,
        }
    }

    /// Whether an error-severity finding remains (the run fails).
    pub fn has_errors(&self) -> bool {
        self.summary.error > 0
    }
}

/// Loads the store under `root` as far as it loads and lints it; errors that
/// keep parts of it from loading are findings too. Fails only when there is
/// no store at all.
pub fn lint_dir(root: &Path, options: &Options) -> Result<LintReport, LoadErrors> {
    let (store, errors) = Store::load_partial(root)?;
    let mut findings: Vec<Finding> = errors.iter().map(load::finding).collect();
    findings.extend(checks(&store, options));
    Ok(LintReport::new(findings))
}

/// Lints a store that loaded.
pub fn lint(store: &Store, options: &Options) -> LintReport {
    LintReport::new(checks(store, options))
}

fn checks(store: &Store, options: &Options) -> Vec<Finding> {
    let mut findings = Vec::new();
    provenance::check(store, options, &mut findings);
    names::check(store, &mut findings);
    conflicts::check(store, options, &mut findings);
    derived::check(store, options, &mut findings);
    quotes::check(store, &mut findings);
    drafts::check(store, &mut findings);
    findings
}

/// The report for a person: one block per finding, then the counts.
///
/// ```text
/// warning[derivation-mismatch]: `e-x` states 48.5x, but e-a / e-b = 47.9x [...]
///   --> sources/x/facts.jsonl:12 /derived
///   = facts: e-x, e-a, e-b
/// ```
pub fn render_human(report: &LintReport, color: bool) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let tag = format!("{}[{}]", f.severity.as_str(), f.code);
        let painted = match (color, f.severity) {
            (false, _) => tag,
            (true, Severity::Error) => format!("\x1b[1;31m{tag}\x1b[0m"),
            (true, Severity::Warning) => format!("\x1b[33m{tag}\x1b[0m"),
            (true, Severity::Info) => format!("\x1b[36m{tag}\x1b[0m"),
        };
        let _ = writeln!(out, "{painted}: {}", f.message);
        let _ = writeln!(out, "  --> {}", f.location);
        if let Some(note) = &f.note {
            let _ = writeln!(out, "  = note: {note}");
        }
        if !f.facts.is_empty() {
            let _ = writeln!(out, "  = facts: {}", f.facts.join(", "));
        }
        out.push('\n');
    }
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{} error{}, {} warning{}, {} info",
        s.error,
        if s.error == 1 { "" } else { "s" },
        s.warning,
        if s.warning == 1 { "" } else { "s" },
        s.info
    );
    if !s.by_code.is_empty() {
        let counts: Vec<String> = Code::ALL
            .iter()
            .filter_map(|c| s.by_code.get(c.as_str()).map(|n| format!("{c} {n}")))
            .collect();
        let _ = writeln!(out, "by code: {}", counts.join(", "));
    }
    out
}

/// The report as pretty JSON (schema above).
pub fn render_json(report: &LintReport) -> String {
    let mut text =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

/// The list of codes, for `claimcheck lint --codes`.
pub fn render_codes() -> String {
    let mut out = String::new();
    let width = Code::ALL
        .iter()
        .map(|c| c.as_str().len())
        .max()
        .unwrap_or(0);
    for code in Code::ALL {
        let _ = writeln!(
            out,
            "{:width$}  {:7}  {}",
            code.as_str(),
            code.severity().as_str(),
            code.description()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// Codes are stable identifiers: no two share a name, all are kebab-case.
    #[test]
    fn codes_are_unique_and_kebab_case() {
        let mut seen = HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "duplicate code {code}");
            assert!(
                code.as_str()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{code} is not kebab-case"
            );
            assert!(!code.description().is_empty());
        }
    }
}

//! The audit report for people and programs, written one finding at a time.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Seek, Write};

use serde_json::ser::{Formatter, PrettyFormatter};

use crate::audit::{AUDIT_SCHEMA_VERSION, AuditReport, AuditSummary, Finding, Status};
use crate::config::Outcome;
use crate::report::Verdict;

use super::sarif::SarifLog;
use super::stream::{json_field, json_key, json_value};
use super::{Detail, paint};

/// The audit formats that [`AuditWriter`] writes as the findings come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditFormat {
    /// What needs an editor in full, a line per passing number, then a
    /// summary line, as [`Detail`] says ([`audit_human`]).
    Human { color: bool, detail: Detail },
    /// The [`AuditReport`] as pretty JSON ([`audit_json`]).
    Json,
    /// GitHub Actions annotations ([`super::github_audit`]).
    Github,
    /// SARIF 2.1.0 for code scanning ([`super::sarif_audit`]).
    Sarif,
}

/// An audit written into `out` as it is made: [`AuditWriter::begin`] with
/// the files, [`AuditWriter::finding`] for each finding in report order,
/// [`AuditWriter::end`] with the summary. A dense article has hundreds of
/// thousands of findings; written this way, neither they nor their text
/// need be held together.
#[derive(Debug)]
pub struct AuditWriter<W> {
    out: W,
    state: State,
    /// One finding's text, reused: a write per finding, not per line.
    scratch: String,
}

#[derive(Debug)]
enum State {
    Human {
        color: bool,
        detail: Detail,
        files: usize,
        /// The lines of passing numbers, written after the problems.
        passing: Spool,
    },
    /// The formatter of the document, left inside the `findings` array
    /// between findings, so each is indented and separated as
    /// `serde_json::to_string_pretty` of the whole report would.
    Json {
        formatter: PrettyFormatter<'static>,
        first: bool,
    },
    Github {
        /// The message of the annotation being written, kept for the next.
        message: String,
    },
    Sarif(SarifLog),
}

impl<W: Write> AuditWriter<W> {
    pub fn new(out: W, format: AuditFormat) -> AuditWriter<W> {
        let state = match format {
            AuditFormat::Human { color, detail } => State::Human {
                color,
                detail,
                files: 0,
                passing: Spool::new(SPOOL_IN_MEMORY),
            },
            AuditFormat::Json => State::Json {
                formatter: PrettyFormatter::new(),
                first: true,
            },
            AuditFormat::Github => State::Github {
                message: String::new(),
            },
            AuditFormat::Sarif => State::Sarif(SarifLog::new()),
        };
        AuditWriter {
            out,
            state,
            scratch: String::new(),
        }
    }

    /// Starts the report: every file audited, known before the first finding.
    pub fn begin(&mut self, files: &[String]) -> io::Result<()> {
        match &mut self.state {
            State::Human { files: count, .. } => {
                *count = files.len();
                Ok(())
            }
            State::Json { formatter, .. } => {
                // The fields of `AuditReport`, in its order.
                let out = &mut self.out;
                formatter.begin_object(out)?;
                json_field(out, formatter, true, "kind", "audit")?;
                json_field(
                    out,
                    formatter,
                    false,
                    "schema_version",
                    &AUDIT_SCHEMA_VERSION,
                )?;
                json_field(out, formatter, false, "files", files)?;
                json_key(out, formatter, false, "findings")?;
                formatter.begin_array(out)
            }
            State::Github { .. } => Ok(()),
            State::Sarif(log) => log.begin(&mut self.out),
        }
    }

    /// Writes one finding; `outcome` is what the policy makes of it, which
    /// decides whether and how GitHub annotates it and SARIF lists it.
    pub fn finding(&mut self, finding: &Finding, outcome: Outcome) -> io::Result<()> {
        self.scratch.clear();
        match &mut self.state {
            State::Human {
                color,
                detail,
                passing,
                ..
            } => {
                if *detail == Detail::Verbose || needs_editor(finding) {
                    finding_block(&mut self.scratch, finding, *color);
                } else if *detail == Detail::Normal {
                    finding_line(&mut self.scratch, finding, *color);
                    if let Some(w) = finding.waived() {
                        // The waiver is why it is not listed with the problems.
                        let _ = writeln!(self.scratch, "    waived: {} ({})", w.reason, w.by);
                    }
                    return passing.write_all(self.scratch.as_bytes());
                }
            }
            State::Json { formatter, first } => {
                formatter.begin_array_value(&mut self.out, *first)?;
                *first = false;
                json_value(&mut self.out, formatter, finding)?;
                return formatter.end_array_value(&mut self.out);
            }
            State::Github { message } => {
                super::github::finding_annotation(&mut self.scratch, message, finding, outcome);
            }
            State::Sarif(log) => {
                return log.finding(&mut self.out, &mut self.scratch, finding, outcome);
            }
        }
        self.out.write_all(self.scratch.as_bytes())
    }

    /// Ends the report with its summary, flushes `out` and hands it back.
    pub fn end(mut self, summary: &AuditSummary) -> io::Result<W> {
        match &mut self.state {
            State::Human { files, passing, .. } => {
                passing.copy_to(&mut self.out)?;
                self.scratch.clear();
                let _ = writeln!(
                    self.scratch,
                    "{} number{} in {} file{}: {} claimed ({} failing), {} backed, {} derived, {} contradicted, {} unsourced; {} waived",
                    summary.total,
                    if summary.total == 1 { "" } else { "s" },
                    files,
                    if *files == 1 { "" } else { "s" },
                    summary.claimed,
                    summary.failing_claims,
                    summary.backed,
                    summary.derived,
                    summary.contradicted,
                    summary.unsourced,
                    summary.waived
                );
                self.out.write_all(self.scratch.as_bytes())?;
            }
            State::Json { formatter, .. } => {
                let out = &mut self.out;
                formatter.end_array(out)?;
                formatter.end_object_value(out)?;
                json_field(out, formatter, false, "summary", summary)?;
                formatter.end_object(out)?;
                out.write_all(b"\n")?;
            }
            State::Github { .. } => {}
            State::Sarif(log) => log.end(&mut self.out)?,
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A whole report through [`AuditWriter`], for a caller that holds one.
/// `outcomes` are the policy's, finding by finding.
pub(crate) fn audit_text(
    report: &AuditReport,
    format: AuditFormat,
    outcomes: impl IntoIterator<Item = Outcome>,
) -> String {
    fn write(
        report: &AuditReport,
        format: AuditFormat,
        outcomes: impl IntoIterator<Item = Outcome>,
    ) -> io::Result<Vec<u8>> {
        let mut writer = AuditWriter::new(Vec::new(), format);
        writer.begin(&report.files)?;
        for (finding, outcome) in report.findings.iter().zip(outcomes) {
            writer.finding(finding, outcome)?;
        }
        writer.end(&report.summary)
    }
    super::stream::text(write(report, format, outcomes))
}

/// The numbers that need an editor in full (file:line:column, status, the
/// number, then what backs or contradicts it, the sentence, and the claim
/// line `--suggest` would write), then one line per passing number, then
/// the summary; [`Detail`] says how much.
pub fn audit_human(report: &AuditReport, color: bool, detail: Detail) -> String {
    // Human text does not depend on the policy.
    let outcomes = std::iter::repeat(Outcome::Pass);
    audit_text(report, AuditFormat::Human { color, detail }, outcomes)
}

/// Whether a number needs an editor: contradicted, unsourced, or claimed by
/// a claim that is not a plain match, unless a waiver accepts it.
fn needs_editor(f: &Finding) -> bool {
    let problem = match f.status {
        Status::Contradicted | Status::Unsourced => true,
        Status::Claimed => f.loose || f.verdict.is_some_and(|v| v != Verdict::Match),
        Status::Backed | Status::Derived => false,
    };
    problem && f.waived().is_none()
}

/// How many bytes of passing lines are held in memory before they go to a
/// temporary file: an article of a million numbers is not held whole.
const SPOOL_IN_MEMORY: usize = 4 << 20;

/// Bytes held back until the end of a report: in memory up to a limit,
/// then in an unnamed temporary file (deleted when closed).
#[derive(Debug)]
struct Spool {
    memory: Vec<u8>,
    limit: usize,
    file: Option<File>,
}

impl Spool {
    fn new(limit: usize) -> Spool {
        Spool {
            memory: Vec::new(),
            limit,
            file: None,
        }
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.file.is_none() && self.memory.len() + bytes.len() > self.limit {
            let mut file = tempfile::tempfile()?;
            file.write_all(&self.memory)?;
            self.memory = Vec::new();
            self.file = Some(file);
        }
        match &mut self.file {
            Some(file) => file.write_all(bytes),
            None => {
                self.memory.extend_from_slice(bytes);
                Ok(())
            }
        }
    }

    /// Writes everything held to `out`, and lets it go.
    fn copy_to(&mut self, out: &mut impl Write) -> io::Result<()> {
        match self.file.take() {
            Some(mut file) => {
                file.rewind()?;
                io::copy(&mut io::BufReader::new(file), out).map(drop)
            }
            None => out.write_all(&std::mem::take(&mut self.memory)),
        }
    }
}

/// The audit as pretty JSON (schema in [`crate::audit::AuditReport`]).
pub fn audit_json(report: &AuditReport) -> String {
    let outcomes = std::iter::repeat(Outcome::Pass);
    audit_text(report, AuditFormat::Json, outcomes)
}

/// `claimed: match`, `CONTRADICTED`, … with a colour for a terminal.
pub(crate) fn status_tag(finding: &Finding, color: bool) -> String {
    let (text, code) = match (finding.status, finding.verdict, finding.loose) {
        (Status::Claimed, Some(Verdict::Match), false) => ("claimed: match".to_owned(), "32"),
        (Status::Claimed, Some(Verdict::Match), true) => {
            ("claimed: match (loose)".to_owned(), "33")
        }
        (Status::Claimed, Some(v), _) => {
            (format!("claimed: {}", v.as_str().to_uppercase()), "1;31")
        }
        (Status::Claimed, None, _) => ("claimed".to_owned(), "32"),
        (Status::Backed, _, _) => ("backed".to_owned(), "32"),
        (Status::Derived, _, _) => ("derived".to_owned(), "32"),
        (Status::Contradicted, _, _) => ("CONTRADICTED".to_owned(), "1;31"),
        (Status::Unsourced, _, _) => ("unsourced".to_owned(), "35"),
    };
    paint(&text, code, color)
}

/// The first line of a number's block: place, status and the number.
fn finding_line(out: &mut String, f: &Finding, color: bool) {
    let _ = writeln!(
        out,
        "{}:{}:{}  {}  {}",
        f.file,
        f.line,
        f.column,
        status_tag(f, color),
        f.text()
    );
}

fn finding_block(out: &mut String, f: &Finding, color: bool) {
    finding_line(out, f, color);
    let indent = "    ";
    if let Some(w) = f.waived() {
        let _ = writeln!(out, "{indent}waived: {} ({})", w.reason, w.by);
    }
    if matches!(f.status, Status::Contradicted | Status::Unsourced) {
        let _ = writeln!(out, "{indent}“{}”", f.sentence());
    }
    for claim in f.claims() {
        let label = claim
            .label
            .as_ref()
            .map(|l| format!("[{l}] "))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{indent}claim {}:{} {}{}: {label}{}",
            claim.file,
            claim.line,
            claim.verdict.as_str(),
            if claim.loose { " (loose)" } else { "" },
            claim.text
        );
    }
    if let Some(expected) = f.expected() {
        let _ = writeln!(out, "{indent}stated {} · expected {expected}", f.text());
    }
    if let Some(arithmetic) = f.arithmetic() {
        let _ = writeln!(out, "{indent}derived: {arithmetic}");
    }
    if let Some(best) = f.link().first().filter(|_| f.status != Status::Unsourced) {
        let _ = writeln!(out, "{indent}linked by: {}", link_words(best));
        if let Some(next) = f
            .link()
            .iter()
            .find(|c| !f.facts.iter().any(|x| x.id == c.fact))
        {
            let _ = writeln!(out, "{indent}runner-up: {} ({})", next.name, next.why);
        }
    }
    for fact in f.facts.iter() {
        super::provenance(out, fact, indent, "");
    }
    if let Some(suggestion) = f.suggested_line() {
        let _ = writeln!(out, "{indent}claim line: {suggestion}   @L{}", f.line);
    }
}

/// `"US" for "United States"; "notable models" for "notable AI models
/// released"; 2025, named in the sentence`.
fn link_words(c: &crate::audit::LinkCandidate) -> String {
    let mut parts = Vec::new();
    for evidence in [&c.subject, &c.metric].into_iter().flatten() {
        let words: Vec<&str> = evidence.words.iter().map(|(w, _)| w.as_str()).collect();
        let earlier = evidence.earlier.join(" ");
        let found = match (words.is_empty(), earlier.is_empty()) {
            (_, true) => format!("\"{}\"", words.join(" ")),
            (true, false) => format!("\"{earlier}\" before the sentence"),
            (false, false) => format!(
                "\"{}\" (and \"{earlier}\" before the sentence)",
                words.join(" ")
            ),
        };
        parts.push(format!("{found} for \"{}\"", evidence.name));
    }
    if let Some(period) = &c.period {
        parts.push(period.clone());
    }
    parts.join("; ")
}

#[cfg(test)]
pub(super) mod tests {
    use std::path::Path;

    use crate::audit::{Auditor, Format};
    use crate::check::{Options, check_text};
    use crate::report::Waived;
    use crate::store::Store;

    use super::*;

    /// Reports of no findings, one, several, several files, claimed and
    /// waived ones, for a streamed format to be compared with the same
    /// report rendered whole.
    pub(in crate::render) fn sample_reports() -> Vec<AuditReport> {
        let store = Store::load(Path::new("sources")).unwrap_or_else(|e| panic!("{e}"));
        let auditor = Auditor::new(&store, Options::default());
        let digest = "claims/examples/investment-digest.md";
        let claims_file = "claims/examples/investment-digest.claims";
        let claims = check_text(
            &store,
            claims_file,
            &std::fs::read_to_string(claims_file).unwrap(),
            &Options::default(),
        );
        let digest_text = std::fs::read_to_string(digest).unwrap();
        // The digest with its claims (claimed numbers), and without them
        // under another name (backed and contradicted ones, with facts).
        let articles = [
            ("none.md", "No figures here.\n", false),
            (
                "one.txt",
                "Google put more than $150 billion into capex.\n",
                false,
            ),
            (digest, digest_text.as_str(), true),
            ("unclaimed.md", digest_text.as_str(), false),
        ];
        let audit = |i: usize| {
            let (name, text, claimed) = articles[i];
            let mine = if claimed { &claims[..] } else { &[] };
            let mut findings = auditor.audit(name, text, Format::of_path(name), mine);
            if let Some(f) = findings.get_mut(1) {
                f.detail_mut().waived = Some(Waived {
                    reason: "known".to_owned(),
                    by: "claimcheck.toml:3".to_owned(),
                });
            }
            findings
        };
        assert_eq!(audit(0).len(), 0);
        assert_eq!(audit(1).len(), 1);
        assert!(audit(2).iter().any(|f| !f.claims().is_empty()));
        assert!(audit(3).iter().any(|f| !f.facts.is_empty()));
        assert!(audit(3).iter().any(|f| f.waived().is_some()));
        let cases: [&[usize]; 7] = [&[], &[0], &[1], &[2], &[3], &[0, 2], &[3, 1, 0, 2]];
        cases
            .iter()
            .map(|case| {
                let files = case.iter().map(|&i| articles[i].0.to_owned()).collect();
                AuditReport::new(files, case.iter().flat_map(|&i| audit(i)).collect())
            })
            .collect()
    }

    /// Held-back lines come out whole and in order, whether they stayed in
    /// memory or went to a file on the way; once out, nothing is held.
    #[test]
    fn a_spool_gives_back_what_it_took() {
        for limit in [0, 10, 1 << 20] {
            let mut spool = Spool::new(limit);
            let mut expected = Vec::new();
            for i in 0..200 {
                let line = format!("line {i}\n");
                spool.write_all(line.as_bytes()).unwrap();
                expected.extend_from_slice(line.as_bytes());
            }
            assert_eq!(spool.file.is_some(), limit < expected.len(), "{limit}");
            assert!(spool.memory.len() <= limit, "{limit}");
            let mut out = Vec::new();
            spool.copy_to(&mut out).unwrap();
            assert_eq!(out, expected, "{limit}");
            assert!(spool.file.is_none() && spool.memory.is_empty());
        }
    }

    /// The human report written finding by finding, with its passing lines
    /// held in a file, is the report rendered from memory.
    #[test]
    fn passing_lines_held_in_a_file_come_out_the_same() {
        for report in sample_reports() {
            let expected = audit_human(&report, false, Detail::Normal);
            let mut writer = AuditWriter::new(
                Vec::new(),
                AuditFormat::Human {
                    color: false,
                    detail: Detail::Normal,
                },
            );
            if let State::Human { passing, .. } = &mut writer.state {
                *passing = Spool::new(0);
            }
            writer.begin(&report.files).unwrap();
            for finding in &report.findings {
                writer.finding(finding, Outcome::Pass).unwrap();
            }
            let out = writer.end(&report.summary).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }

    /// The JSON written finding by finding is, byte for byte, the report
    /// serialised whole.
    #[test]
    fn streamed_json_is_the_whole_report_serialised() {
        for report in sample_reports() {
            let mut whole = serde_json::to_string_pretty(&report).unwrap();
            whole.push('\n');
            assert_eq!(audit_json(&report), whole, "files {:?}", report.files);
        }
    }
}

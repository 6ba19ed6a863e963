//! The audit report for people and programs.

use std::fmt::Write;

use crate::audit::{AuditReport, Finding, Status};
use crate::report::Verdict;

use super::paint;

/// One line per number (file:line:column, status, the number), then what
/// backs or contradicts it, the sentence for numbers that need an editor,
/// and the claim line `--suggest` would write.
pub fn audit_human(report: &AuditReport, color: bool) -> String {
    let mut out = String::new();
    for finding in &report.findings {
        finding_block(&mut out, finding, color);
    }
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{} number{} in {} file{}: {} claimed ({} failing), {} backed, {} contradicted, {} unsourced; {} waived",
        s.total,
        if s.total == 1 { "" } else { "s" },
        report.files.len(),
        if report.files.len() == 1 { "" } else { "s" },
        s.claimed,
        s.failing_claims,
        s.backed,
        s.contradicted,
        s.unsourced,
        s.waived
    );
    out
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
        (Status::Contradicted, _, _) => ("CONTRADICTED".to_owned(), "1;31"),
        (Status::Unsourced, _, _) => ("unsourced".to_owned(), "35"),
    };
    paint(&text, code, color)
}

fn finding_block(out: &mut String, f: &Finding, color: bool) {
    let _ = writeln!(
        out,
        "{}:{}:{}  {}  {}",
        f.file,
        f.line,
        f.column,
        status_tag(f, color),
        f.text()
    );
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
    for fact in f.facts.iter() {
        super::provenance(out, fact, indent, "");
    }
    if let Some(suggestion) = f.suggested_line() {
        let _ = writeln!(out, "{indent}claim line: {suggestion}   @L{}", f.line);
    }
}

/// The audit as pretty JSON (schema in [`crate::audit::AuditReport`]).
pub fn audit_json(report: &AuditReport) -> String {
    let mut text =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

//! GitHub Actions workflow commands: annotations at file, line and column.
//!
//! `::error file=F,line=L,col=C,title=T::message` for what fails the run,
//! `::warning` for what only warns (loose matches, unsourced numbers, verdicts
//! left out of `fail-on`) and `::notice` for waived items, which are shown,
//! never hidden. A claim with `@article` and `@L` is annotated in the article,
//! where a reviewer reads the number; other claims in their claims file.

use std::fmt::Write;

use crate::audit::{AuditReport, Finding};
use crate::config::Outcome;
use crate::report::{ClaimReport, Report, Verdict};

/// One annotation per claim that does not simply pass.
pub fn github_check(report: &Report, outcomes: &[Outcome]) -> String {
    let mut out = String::new();
    for (claim, outcome) in report.claims.iter().zip(outcomes) {
        let Some(command) = command(*outcome) else {
            continue;
        };
        let (file, line, column) = match &claim.article {
            Some(a) => (a.path.as_str(), a.line as usize, None),
            None => (claim.file.as_str(), claim.line, Some(claim.column)),
        };
        let message = claim_message(claim);
        annotation(
            &mut out,
            command,
            file,
            line,
            column,
            claim_kind(claim),
            &message,
        );
    }
    out
}

/// One annotation per article number that does not simply pass.
pub fn github_audit(report: &AuditReport, outcomes: &[Outcome]) -> String {
    super::audit::audit_text(report, super::AuditFormat::Github, outcomes.iter().copied())
}

/// The annotation of one article number, if it does not simply pass;
/// `message` is a buffer to write its message in first.
pub(crate) fn finding_annotation(
    out: &mut String,
    message: &mut String,
    finding: &Finding,
    outcome: Outcome,
) {
    let Some(command) = command(outcome) else {
        return;
    };
    message.clear();
    write_finding_message(message, finding);
    annotation(
        out,
        command,
        &finding.file,
        finding.line as usize,
        Some(finding.column as usize),
        finding_kind(finding),
        message,
    );
}

fn command(outcome: Outcome) -> Option<&'static str> {
    match outcome {
        Outcome::Pass => None,
        Outcome::Waived => Some("notice"),
        Outcome::Warn => Some("warning"),
        Outcome::Fail => Some("error"),
    }
}

/// The rule a claim falls under: its verdict, or `loose-match`.
pub(crate) fn claim_kind(claim: &ClaimReport) -> &'static str {
    if claim.loose && claim.verdict == crate::report::Verdict::Match {
        "loose-match"
    } else {
        claim.verdict.as_str()
    }
}

/// The rule a finding falls under: its claim's verdict, or its status.
pub(crate) fn finding_kind(finding: &Finding) -> &'static str {
    match finding.verdict {
        Some(crate::report::Verdict::Match) if finding.loose => "loose-match",
        Some(verdict) => verdict.as_str(),
        None => finding.status.as_str(),
    }
}

pub(crate) fn claim_message(claim: &ClaimReport) -> String {
    let mut message = claim.text.clone();
    match (&claim.stated, &claim.expected) {
        (Some(stated), Some(expected)) => {
            let _ = write!(message, ": stated {stated}, expected {expected}");
        }
        (Some(stated), None) => {
            let _ = write!(message, ": stated {stated}");
        }
        _ => {}
    }
    for extra in [&claim.reason, &claim.loose_reason].into_iter().flatten() {
        let _ = write!(message, "\n{extra}");
    }
    if let Some(w) = &claim.waived {
        let _ = write!(message, "\nwaived: {} ({})", w.reason, w.by);
    }
    let _ = write!(message, "\n({}:{})", claim.file, claim.line);
    message
}

pub(crate) fn write_finding_message(message: &mut String, finding: &Finding) {
    // Pieces pushed, not formatted: one message per number of the article.
    message.push_str(finding.status.as_str());
    message.push(' ');
    message.push_str(&finding.text());
    if let Some(expected) = finding.expected() {
        let _ = write!(message, ": expected {expected}");
    }
    for claim in finding.claims() {
        let _ = write!(
            message,
            "\nclaim {}:{} {}{}: {}",
            claim.file,
            claim.line,
            claim.verdict.as_str(),
            if claim.loose { " (loose)" } else { "" },
            claim.text
        );
        if let Some(expected) = claim
            .expected
            .as_ref()
            .filter(|_| claim.verdict != Verdict::Match)
        {
            let _ = write!(message, " (expected {expected})");
        }
    }
    for fact in finding.facts.iter() {
        for piece in ["\nfact ", &fact.id, " = ", &fact.value] {
            message.push_str(piece);
        }
    }
    if let Some(w) = finding.waived() {
        let _ = write!(message, "\nwaived: {} ({})", w.reason, w.by);
    }
}

fn annotation(
    out: &mut String,
    command: &str,
    file: &str,
    line: usize,
    column: Option<usize>,
    kind: &str,
    message: &str,
) {
    out.push_str("::");
    out.push_str(command);
    out.push_str(" file=");
    escape(out, file, Escape::Property);
    let _ = write!(out, ",line={line}");
    if let Some(column) = column {
        let _ = write!(out, ",col={column}");
    }
    out.push_str(",title=claimcheck%3A ");
    escape(out, kind, Escape::Property);
    out.push_str("::");
    escape(out, message, Escape::Data);
    out.push('\n');
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Escape {
    /// A message: `%`, CR and LF.
    Data,
    /// A property value: the message's escapes, plus `:` and `,`.
    Property,
}

/// Appends `text` escaped as GitHub requires, in one pass: an audit of a
/// long article writes hundreds of thousands of annotations.
fn escape(out: &mut String, text: &str, kind: Escape) {
    let mut written = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escaped = match byte {
            b'%' => "%25",
            b'\r' => "%0D",
            b'\n' => "%0A",
            b':' if kind == Escape::Property => "%3A",
            b',' if kind == Escape::Property => "%2C",
            _ => continue,
        };
        out.push_str(&text[written..at]);
        out.push_str(escaped);
        written = at + 1;
    }
    out.push_str(&text[written..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_runner() {
        let escaped = |text: &str, kind: Escape| {
            let mut out = String::new();
            escape(&mut out, text, kind);
            out
        };
        assert_eq!(
            escaped("60% a\r\nb: 1,2", Escape::Data),
            "60%25 a%0D%0Ab: 1,2"
        );
        assert_eq!(escaped("a:b,c%é", Escape::Property), "a%3Ab%2Cc%25é");
    }
}

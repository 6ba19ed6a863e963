//! Output formats over one report: text for people, JSON for programs.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::report::{ClaimReport, Report, Verdict};

mod audit;
mod github;
mod sarif;

pub use audit::{audit_human, audit_json};
pub use github::{github_audit, github_check};
pub use sarif::{sarif_audit, sarif_check};

/// Output for a person: one line per claim, then the arithmetic and the provenance.
pub fn human(report: &Report, color: bool) -> String {
    let mut out = String::new();
    for claim in &report.claims {
        claim_block(&mut out, claim, color);
    }
    let s = &report.summary;
    let _ = writeln!(
        out,
        "{} claim{}: {} match ({} loose), {} mismatch, {} missing-provenance, {} ambiguous, {} invalid",
        s.total,
        if s.total == 1 { "" } else { "s" },
        s.matched,
        s.loose,
        s.mismatch,
        s.missing_provenance,
        s.ambiguous,
        s.invalid
    );
    out
}

/// ANSI colours, only when asked for.
pub(crate) fn paint(text: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

fn verdict_tag(claim: &ClaimReport, color: bool) -> String {
    let (text, code) = match (claim.verdict, claim.loose) {
        (Verdict::Match, false) => ("match", "32"),
        (Verdict::Match, true) => ("match (loose)", "33"),
        (Verdict::Mismatch, _) => ("MISMATCH", "1;31"),
        (Verdict::MissingProvenance, _) => ("missing-provenance", "35"),
        (Verdict::Ambiguous, _) => ("ambiguous", "35"),
        (Verdict::Invalid, _) => ("INVALID", "1;31"),
    };
    paint(text, code, color)
}

fn claim_block(out: &mut String, claim: &ClaimReport, color: bool) {
    let label = claim
        .label
        .as_ref()
        .map(|l| format!("[{l}] "))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{} {}:{}  {label}{}",
        verdict_tag(claim, color),
        claim.file,
        claim.line,
        claim.text
    );
    let indent = "    ";
    if let Some(article) = &claim.article {
        let _ = writeln!(out, "{indent}article: {}:{}", article.path, article.line);
    }
    if let Some(waived) = &claim.waived {
        let _ = writeln!(out, "{indent}waived: {} ({})", waived.reason, waived.by);
    }
    if claim.code == Some("syntax") {
        let _ = write!(out, "{}", caret(claim));
    } else if let Some(reason) = &claim.reason {
        let _ = writeln!(out, "{indent}{reason}");
    }
    match (&claim.stated, &claim.expected) {
        (Some(stated), Some(expected)) => {
            let _ = writeln!(out, "{indent}stated {stated} · expected {expected}");
        }
        (Some(stated), None) => {
            let _ = writeln!(out, "{indent}stated {stated}");
        }
        _ => {}
    }
    if let Some(difference) = &claim.difference {
        let _ = writeln!(out, "{indent}{difference}");
    }
    if let Some(reason) = &claim.loose_reason {
        let _ = writeln!(out, "{indent}loose: {reason}");
    }
    for step in &claim.arithmetic {
        let _ = writeln!(out, "{indent}│ {step}");
    }
    for fact in claim.facts.iter().chain(&claim.candidates) {
        let mut cite = match &fact.source {
            Some(s) => s.title.clone().unwrap_or_else(|| s.id.clone()),
            None => "no source".to_owned(),
        };
        if let Some(locator) = &fact.locator {
            cite.push_str(", ");
            cite.push_str(&locator.describe());
        }
        let prefix = if claim.candidates.contains(fact) {
            "candidate "
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{indent}{prefix}{} ({} = {}): {cite}",
            fact.id,
            fact.name(),
            fact.value
        );
        if let Some(url) = fact
            .url
            .as_ref()
            .or(fact.source.as_ref().and_then(|s| s.url.as_ref()))
        {
            let _ = writeln!(out, "{indent}  {url}");
        }
    }
}

/// The claim line with a caret under the column where parsing stopped:
///
/// ```text
///     --> claims/x.claims:6:28
///      |
///    6 | US private AI investment = lots
///      |                            ^^^^ expected a number, found `lots`
/// ```
fn caret(claim: &ClaimReport) -> String {
    let line = claim.text.replace('\t', " ");
    let before: String = line.chars().take(claim.column.saturating_sub(1)).collect();
    let token = line[before.len()..].split_whitespace().next().unwrap_or("");
    let number = claim.line.to_string();
    let gutter = " ".repeat(number.len());
    let pad = " ".repeat(before.width());
    let marks = "^".repeat(token.width().max(1));
    let message = claim.reason.as_deref().unwrap_or("");
    format!(
        "    {gutter}--> {}:{}:{}\n    {gutter} |\n    {number} | {line}\n    {gutter} | {pad}{marks} {message}\n",
        claim.file, claim.line, claim.column
    )
}

/// The report as pretty JSON (schema in [`crate::report`]).
pub fn json(report: &Report) -> String {
    let mut text =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

//! Output formats over one report: text for people, JSON for programs.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::report::{ClaimReport, FactRef, Report, Verdict};

mod audit;
mod github;
mod sarif;
mod stream;

pub use audit::{AuditFormat, AuditWriter, audit_human, audit_json};
pub use github::{github_audit, github_check};
pub use sarif::{sarif_audit, sarif_check};

/// How much of a report the human format shows. Like the linters people
/// keep running (ruff, cargo-deny, typos), the default shows what needs an
/// editor in full, a line for everything else, and the summary last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Only what needs an editor, in full, then the summary.
    Quiet,
    /// What needs an editor in full, then one line per passing claim or
    /// number, then the summary.
    #[default]
    Normal,
    /// Every claim or number in full with its provenance, in file order.
    Verbose,
}

/// Whether a claim needs an editor: anything but a plain match, unless a
/// waiver accepts it. Loose matches count: their reason is worth reading.
pub(crate) fn needs_editor(claim: &ClaimReport) -> bool {
    claim.waived.is_none() && (claim.verdict != Verdict::Match || claim.loose)
}

/// Output for a person. What needs an editor comes first and in full (the
/// arithmetic, the provenance), then one line per passing claim, then the
/// summary; [`Detail`] says how much.
pub fn human(report: &Report, color: bool, detail: Detail) -> String {
    let mut out = String::new();
    if detail == Detail::Verbose {
        for claim in &report.claims {
            claim_block(&mut out, claim, color);
        }
    } else {
        for claim in report.claims.iter().filter(|c| needs_editor(c)) {
            claim_block(&mut out, claim, color);
        }
        if detail == Detail::Normal {
            for claim in report.claims.iter().filter(|c| !needs_editor(c)) {
                claim_line(&mut out, claim, color);
                if let Some(waived) = &claim.waived {
                    // The waiver is why it is not listed above.
                    let _ = writeln!(out, "    waived: {} ({})", waived.reason, waived.by);
                }
            }
        }
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
        (Verdict::MissingProvenance, _) => {
            // Which case: no fact at all, or a fact without a usable source.
            let text = match claim.code {
                Some("no-fact") => "missing-provenance [no-fact]",
                Some("no-provenance") => "missing-provenance [no-provenance]",
                Some("not-in-cited-source") => "missing-provenance [not-in-cited-source]",
                _ => "missing-provenance",
            };
            (text, "35")
        }
        (Verdict::Ambiguous, _) => ("ambiguous", "35"),
        (Verdict::Invalid, _) => ("INVALID", "1;31"),
    };
    paint(text, code, color)
}

/// The first line of a claim's block: verdict, place, label and text.
fn claim_line(out: &mut String, claim: &ClaimReport, color: bool) {
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
        shown(&claim.text, 0).0
    );
}

fn claim_block(out: &mut String, claim: &ClaimReport, color: bool) {
    claim_line(out, claim, color);
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
    for fact in &claim.facts {
        provenance(out, fact, indent, "");
    }
    for fact in &claim.candidates {
        provenance(out, fact, indent, "candidate ");
    }
}

/// A fact and where it comes from, as a chain an editor can follow to the
/// page: the fact, the source document (title, publisher, date), the place
/// in it, the URL to open, and the secondary documents it was read through.
///
/// ```text
///     e-us-private: United States · private AI investment · 2025 = nearly $285.9 billion
///       source: The AI Index 2026 Annual Report · AI Index Steering Committee, … · 2026-04
///       where:  ch. 4 Economy, §4.2 Investment and Infrastructure, pp. 171-230
///       url:    https://hai.stanford.edu/ai-index/2026-ai-index-report/economy
///       via:    https://github.com/…/economy.js; a public wiki note summarising the report
/// ```
pub fn provenance(out: &mut String, fact: &FactRef, indent: &str, prefix: &str) {
    let _ = writeln!(
        out,
        "{indent}{prefix}{}: {} = {}",
        fact.id,
        fact.name(),
        fact.value
    );
    let more = format!("{indent}  ");
    match &fact.source {
        Some(s) => {
            let mut parts = vec![s.title.clone().unwrap_or_else(|| s.id.clone())];
            parts.extend(s.publisher.clone());
            parts.extend(s.published.clone());
            let _ = writeln!(out, "{more}source: {}", parts.join(" · "));
        }
        None => {
            let _ = writeln!(
                out,
                "{more}source: none (the fact names no source the store holds)"
            );
        }
    }
    match &fact.locator {
        Some(locator) => {
            let _ = writeln!(out, "{more}where:  {}", locator.describe());
        }
        None => {
            let _ = writeln!(
                out,
                "{more}where:  no locator (no chapter, section, page, figure or table)"
            );
        }
    }
    if let Some(url) = fact
        .url
        .as_ref()
        .or(fact.source.as_ref().and_then(|s| s.url.as_ref()))
    {
        let _ = writeln!(out, "{more}url:    {url}");
    }
    // The secondaries, one a line; a long list is cut (JSON has them all).
    const SHOWN: usize = 3;
    for (i, via) in fact.via.iter().take(SHOWN).enumerate() {
        let label = if i == 0 { "via:   " } else { "       " };
        let _ = writeln!(out, "{more}{label} {via}");
    }
    if fact.via.len() > SHOWN {
        let _ = writeln!(
            out,
            "{more}        and {} more (all in --format json)",
            fact.via.len() - SHOWN
        );
    }
    if let Some(date) = fact
        .retrieved
        .as_ref()
        .or(fact.source.as_ref().and_then(|s| s.retrieved.as_ref()))
    {
        let _ = writeln!(out, "{more}retrieved: {date}");
    }
    if let Some(quote) = &fact.quote {
        let _ = writeln!(out, "{more}quote:  \"{quote}\"");
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
    // A window of the line around the column, so a caret under a value of
    // megabytes is a line, not megabytes of carets.
    let column = claim.column.saturating_sub(1);
    let start = column.saturating_sub(SHOWN_CHARS / 4);
    let (line, cut_before) = shown(&claim.text, start);
    let lead = if cut_before { "…" } else { "" };
    let before: String = line.chars().take(column - start).collect();
    let token = line[before.len()..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches('…');
    let before = format!("{lead}{before}");
    let line = format!("{lead}{line}");
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

/// The most characters of a claim line the human report shows: a line of
/// megabytes (a pasted blob) is cut, in its head line and under a caret, so
/// that the report stays one screen per claim. JSON keeps the line whole.
const SHOWN_CHARS: usize = 200;

/// [`printable_chars`] of the text from the `start`-th character, at most
/// [`SHOWN_CHARS`] of it, with `…` where it is cut at the end; and whether
/// anything before `start` was left out.
fn shown(text: &str, start: usize) -> (String, bool) {
    let mut rest = text.chars().skip(start);
    let mut out: String = printable_chars(rest.by_ref().take(SHOWN_CHARS)).collect();
    if rest.next().is_some() {
        out.push('…');
    }
    (out, start > 0)
}

/// The text with tabs as one space and control characters as a visible
/// mark, so that nothing in a claim line can drive the terminal and a caret
/// under it lines up.
fn printable_chars(chars: impl Iterator<Item = char>) -> impl Iterator<Item = char> {
    chars.map(|c| match c {
        '\t' => ' ',
        c if c.is_control() => '\u{FFFD}',
        c => c,
    })
}

/// The report as pretty JSON (schema in [`crate::report`]).
pub fn json(report: &Report) -> String {
    let mut text =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

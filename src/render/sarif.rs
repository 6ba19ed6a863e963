//! SARIF 2.1.0 for code scanning: one rule per verdict or finding kind.
//!
//! Results are emitted for what fails or warns (and for waived items, with a
//! SARIF suppression carrying the reason); passing claims and backed numbers
//! are not results. The output has no timestamps and keeps report order, so
//! the same inputs give the same bytes.

use serde_json::{Value, json};

use crate::audit::AuditReport;
use crate::config::Outcome;
use crate::report::Report;

use super::github::{claim_kind, claim_message, finding_kind, finding_message};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The rules, in a fixed order: `ruleIndex` points into this list.
const RULES: &[(&str, &str, &str)] = &[
    (
        "mismatch",
        "The source says otherwise",
        "The claim's value and the value the facts give do not overlap at the precision written.",
    ),
    (
        "missing-provenance",
        "No sourced fact backs the claim",
        "No fact answers the claim, or the facts it needs have no source or no locator.",
    ),
    (
        "ambiguous",
        "Several facts answer the claim",
        "Several facts (periods, subjects or conflicting values) answer the claim and nothing in it picks one.",
    ),
    (
        "invalid",
        "The claim does not parse or mixes units",
        "The claim line does not follow the claim grammar, or compares quantities of different units.",
    ),
    (
        "loose-match",
        "The claim holds only loosely",
        "The claim matches only through an approximation tolerance, a truncated reading, or the edge of rounding.",
    ),
    (
        "contradicted",
        "An article number contradicts the store",
        "The sentence names a subject and metric of the store, and the facts rule out the number stated.",
    ),
    (
        "unsourced",
        "An article number has no sourced fact",
        "Nothing in the store answers a number of the article.",
    ),
];

fn rule_index(id: &str) -> usize {
    RULES.iter().position(|(r, _, _)| *r == id).unwrap_or(0)
}

fn level(outcome: Outcome) -> Option<&'static str> {
    match outcome {
        Outcome::Pass => None,
        Outcome::Waived => Some("note"),
        Outcome::Warn => Some("warning"),
        Outcome::Fail => Some("error"),
    }
}

fn result(
    rule: &str,
    level: &str,
    message: String,
    file: &str,
    line: usize,
    column: Option<usize>,
    waiver: Option<(&str, &str)>,
) -> Value {
    let mut region = json!({ "startLine": line.max(1) });
    if let Some(column) = column {
        region["startColumn"] = json!(column.max(1));
    }
    let mut result = json!({
        "ruleId": rule,
        "ruleIndex": rule_index(rule),
        "level": level,
        "message": { "text": message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(file) },
                "region": region,
            }
        }],
    });
    if let Some((reason, by)) = waiver {
        result["suppressions"] = json!([{
            "kind": "external",
            "status": "accepted",
            "justification": format!("{reason} ({by})"),
        }]);
    }
    result
}

/// A relative URI reference: forward slashes, spaces and `%` escaped.
fn uri(path: &str) -> String {
    path.replace('\\', "/")
        .replace('%', "%25")
        .replace(' ', "%20")
        .replace('#', "%23")
        .replace('?', "%3F")
}

fn log(results: Vec<Value>) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|(id, short, full)| {
            json!({
                "id": id,
                "name": id,
                "shortDescription": { "text": short },
                "fullDescription": { "text": full },
            })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "claimcheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut text =
        serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

/// `check` as SARIF, located like the GitHub annotations.
pub fn sarif_check(report: &Report, outcomes: &[Outcome]) -> String {
    let results = report
        .claims
        .iter()
        .zip(outcomes)
        .filter_map(|(claim, &outcome)| {
            let level = level(outcome)?;
            let (file, line, column) = match &claim.article {
                Some(a) => (a.path.as_str(), a.line as usize, None),
                None => (claim.file.as_str(), claim.line, Some(claim.column)),
            };
            let waiver = claim
                .waived
                .as_ref()
                .map(|w| (w.reason.as_str(), w.by.as_str()));
            Some(result(
                claim_kind(claim),
                level,
                claim_message(claim),
                file,
                line,
                column,
                waiver,
            ))
        })
        .collect();
    log(results)
}

/// `audit` as SARIF: one result per article number that fails or warns.
pub fn sarif_audit(report: &AuditReport, outcomes: &[Outcome]) -> String {
    let results = report
        .findings
        .iter()
        .zip(outcomes)
        .filter_map(|(finding, &outcome)| {
            let level = level(outcome)?;
            let waiver = finding.waived().map(|w| (w.reason.as_str(), w.by.as_str()));
            Some(result(
                finding_kind(finding),
                level,
                finding_message(finding),
                &finding.file,
                finding.line as usize,
                Some(finding.column as usize),
                waiver,
            ))
        })
        .collect();
    log(results)
}

//! SARIF 2.1.0 for code scanning: one rule per verdict or finding kind.
//!
//! Results are emitted for what fails or warns (and for waived items, with a
//! SARIF suppression carrying the reason); passing claims and backed numbers
//! are not results. The output has no timestamps and keeps report order, so
//! the same inputs give the same bytes.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::audit::{AuditReport, Finding};
use crate::config::Outcome;
use crate::report::{Report, Waived};

use super::github::{claim_kind, claim_message, finding_kind, write_finding_message};
use super::stream::{json_field, json_key, json_value};

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

/// A SARIF log written as its results come: [`SarifLog::begin`] writes
/// everything before the results of its one run, [`SarifLog::finding`] or
/// `result` one result, [`SarifLog::end`] the rest. An audit can have
/// hundreds of thousands of results; none is held once written.
#[derive(Debug)]
pub(crate) struct SarifLog {
    /// The formatter of the document, left inside the `results` array
    /// between results, so each is indented and separated as
    /// `serde_json::to_string_pretty` of the whole log would.
    formatter: PrettyFormatter<'static>,
    first: bool,
}

// The log was first built as a `serde_json::Value`, whose maps sort their
// keys; the keys are written in that order (`runs` before `version`,
// `results` before `tool`) so that the bytes stay what they were for the
// tools and snapshots that compare them.
impl SarifLog {
    pub(crate) fn new() -> SarifLog {
        SarifLog {
            formatter: PrettyFormatter::new(),
            first: true,
        }
    }

    pub(crate) fn begin(&mut self, out: &mut impl Write) -> io::Result<()> {
        let f = &mut self.formatter;
        f.begin_object(out)?;
        json_field(out, f, true, "$schema", SCHEMA)?;
        json_key(out, f, false, "runs")?;
        f.begin_array(out)?;
        f.begin_array_value(out, true)?;
        f.begin_object(out)?;
        json_field(out, f, true, "columnKind", "unicodeCodePoints")?;
        json_key(out, f, false, "results")?;
        f.begin_array(out)
    }

    fn result(&mut self, out: &mut impl Write, result: &SarifResult<'_>) -> io::Result<()> {
        self.formatter.begin_array_value(out, self.first)?;
        self.first = false;
        json_value(out, &self.formatter, result)?;
        self.formatter.end_array_value(out)
    }

    /// The result of an article number, if it fails or warns or is waived;
    /// `message` is a buffer to write its message in first.
    pub(crate) fn finding(
        &mut self,
        out: &mut impl Write,
        message: &mut String,
        finding: &Finding,
        outcome: Outcome,
    ) -> io::Result<()> {
        let Some(level) = level(outcome) else {
            return Ok(());
        };
        message.clear();
        write_finding_message(message, finding);
        let result = SarifResult::new(
            finding_kind(finding),
            level,
            message,
            &finding.file,
            finding.line as usize,
            Some(finding.column as usize),
            finding.waived(),
        );
        self.result(out, &result)
    }

    pub(crate) fn end(&mut self, out: &mut impl Write) -> io::Result<()> {
        let f = &mut self.formatter;
        f.end_array(out)?;
        f.end_object_value(out)?;
        let rules = RULES
            .iter()
            .map(|&(id, short, full)| Rule {
                full_description: Text { text: full },
                id,
                name: id,
                short_description: Text { text: short },
            })
            .collect();
        let tool = Tool {
            driver: Driver {
                name: "claimcheck",
                rules,
                version: env!("CARGO_PKG_VERSION"),
            },
        };
        json_field(out, f, false, "tool", &tool)?;
        f.end_object(out)?;
        f.end_array_value(out)?;
        f.end_array(out)?;
        f.end_object_value(out)?;
        json_field(out, f, false, "version", "2.1.0")?;
        f.end_object(out)?;
        out.write_all(b"\n")
    }
}

// The fields of these structs are in the order of their names in the log,
// as the `Value` maps wrote them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    level: &'a str,
    locations: [Location<'a>; 1],
    message: Text<'a>,
    rule_id: &'a str,
    rule_index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressions: Option<[Suppression; 1]>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation<'a> {
    uri: Cow<'a, str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<usize>,
    start_line: usize,
}

#[derive(Serialize)]
struct Suppression {
    justification: String,
    kind: &'static str,
    status: &'static str,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
struct Driver<'a> {
    name: &'a str,
    rules: Vec<Rule<'a>>,
    version: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    full_description: Text<'a>,
    id: &'a str,
    name: &'a str,
    short_description: Text<'a>,
}

impl<'a> SarifResult<'a> {
    fn new(
        rule: &'a str,
        level: &'a str,
        message: &'a str,
        file: &'a str,
        line: usize,
        column: Option<usize>,
        waiver: Option<&Waived>,
    ) -> SarifResult<'a> {
        SarifResult {
            level,
            locations: [Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation { uri: uri(file) },
                    region: Region {
                        start_column: column.map(|c| c.max(1)),
                        start_line: line.max(1),
                    },
                },
            }],
            message: Text { text: message },
            rule_id: rule,
            rule_index: rule_index(rule),
            suppressions: waiver.map(|w| {
                [Suppression {
                    justification: format!("{} ({})", w.reason, w.by),
                    kind: "external",
                    status: "accepted",
                }]
            }),
        }
    }
}

/// A relative URI reference: forward slashes, spaces and `%` escaped.
fn uri(path: &str) -> Cow<'_, str> {
    // Borrowed when nothing needs escaping, as in almost every result.
    if !path.contains(['\\', '%', ' ', '#', '?']) {
        return Cow::Borrowed(path);
    }
    Cow::Owned(
        path.replace('\\', "/")
            .replace('%', "%25")
            .replace(' ', "%20")
            .replace('#', "%23")
            .replace('?', "%3F"),
    )
}

/// `check` as SARIF, located like the GitHub annotations.
pub fn sarif_check(report: &Report, outcomes: &[Outcome]) -> String {
    fn write(report: &Report, outcomes: &[Outcome]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        let mut log = SarifLog::new();
        log.begin(&mut out)?;
        for (claim, &outcome) in report.claims.iter().zip(outcomes) {
            let Some(level) = level(outcome) else {
                continue;
            };
            let (file, line, column) = match &claim.article {
                Some(a) => (a.path.as_str(), a.line as usize, None),
                None => (claim.file.as_str(), claim.line, Some(claim.column)),
            };
            let message = claim_message(claim);
            let result = SarifResult::new(
                claim_kind(claim),
                level,
                &message,
                file,
                line,
                column,
                claim.waived.as_ref(),
            );
            log.result(&mut out, &result)?;
        }
        log.end(&mut out)?;
        Ok(out)
    }
    super::stream::text(write(report, outcomes))
}

/// `audit` as SARIF: one result per article number that fails or warns.
pub fn sarif_audit(report: &AuditReport, outcomes: &[Outcome]) -> String {
    super::audit::audit_text(report, super::AuditFormat::Sarif, outcomes.iter().copied())
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use serde_json::{Value, json};

    use crate::check::{Options, check_text};
    use crate::store::Store;

    use super::super::audit::tests::sample_reports;
    use super::*;

    /// The log as it was built before it was streamed: a `Value`
    /// serialised whole, whose bytes the streamed log must keep.
    fn whole_log(results: Vec<Value>) -> String {
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
        let mut text = serde_json::to_string_pretty(&log).unwrap();
        text.push('\n');
        text
    }

    fn whole_result(
        rule: &str,
        level: &str,
        message: String,
        file: &str,
        line: usize,
        column: Option<usize>,
        waiver: Option<&Waived>,
    ) -> Value {
        let mut region = json!({ "startLine": line.max(1) });
        if let Some(column) = column {
            region["startColumn"] = json!(column.max(1));
        }
        let uri = path_uri(file);
        let mut result = json!({
            "ruleId": rule,
            "ruleIndex": rule_index(rule),
            "level": level,
            "message": { "text": message },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": { "uri": uri },
                    "region": region,
                }
            }],
        });
        if let Some(w) = waiver {
            result["suppressions"] = json!([{
                "kind": "external",
                "status": "accepted",
                "justification": format!("{} ({})", w.reason, w.by),
            }]);
        }
        result
    }

    fn path_uri(path: &str) -> String {
        path.replace('\\', "/")
            .replace('%', "%25")
            .replace(' ', "%20")
            .replace('#', "%23")
            .replace('?', "%3F")
    }

    fn whole_audit(report: &AuditReport, outcomes: &[Outcome]) -> String {
        let results = report
            .findings
            .iter()
            .zip(outcomes)
            .filter_map(|(finding, &outcome)| {
                let mut message = String::new();
                write_finding_message(&mut message, finding);
                Some(whole_result(
                    finding_kind(finding),
                    level(outcome)?,
                    message,
                    &finding.file,
                    finding.line as usize,
                    Some(finding.column as usize),
                    finding.waived(),
                ))
            })
            .collect();
        whole_log(results)
    }

    fn whole_check(report: &Report, outcomes: &[Outcome]) -> String {
        let results = report
            .claims
            .iter()
            .zip(outcomes)
            .filter_map(|(claim, &outcome)| {
                let (file, line, column) = match &claim.article {
                    Some(a) => (a.path.as_str(), a.line as usize, None),
                    None => (claim.file.as_str(), claim.line, Some(claim.column)),
                };
                Some(whole_result(
                    claim_kind(claim),
                    level(outcome)?,
                    claim_message(claim),
                    file,
                    line,
                    column,
                    claim.waived.as_ref(),
                ))
            })
            .collect();
        whole_log(results)
    }

    /// Every outcome in turn, so that each level and none come up.
    fn every_outcome(count: usize) -> Vec<Outcome> {
        let all = [Outcome::Pass, Outcome::Waived, Outcome::Warn, Outcome::Fail];
        (0..count).map(|i| all[i % all.len()]).collect()
    }

    /// SARIF written result by result is, byte for byte, the log built
    /// whole as a `Value` and serialised: no results, one, several, several
    /// files, waived ones with their suppression.
    #[test]
    fn streamed_sarif_is_the_whole_log_serialised() {
        let policy = crate::config::Policy::default();
        let mut reports = sample_reports();
        // A path with every character a URI reference escapes.
        let mut odd = reports.last().unwrap().clone();
        for finding in &mut odd.findings {
            finding.file = Arc::from("a dir\\50% #1?.md");
        }
        reports.push(odd);
        for report in reports {
            let by_policy: Vec<Outcome> =
                report.findings.iter().map(|f| policy.finding(f)).collect();
            for outcomes in [by_policy, every_outcome(report.findings.len())] {
                let streamed = sarif_audit(&report, &outcomes);
                assert_eq!(
                    streamed,
                    whole_audit(&report, &outcomes),
                    "files {:?}",
                    report.files
                );
            }
        }
        let store = Store::load(Path::new("sources")).unwrap_or_else(|e| panic!("{e}"));
        let claims_file = "claims/examples/investment-digest.claims";
        let text = std::fs::read_to_string(claims_file).unwrap();
        let claims = check_text(&store, claims_file, &text, &Options::default());
        let mut waived = claims.clone();
        for claim in waived.iter_mut().step_by(2) {
            claim.waived = Some(Waived {
                reason: "known: 50% \"quoted\"".to_owned(),
                by: "a dir/claimcheck.toml:3".to_owned(),
            });
            claim.file = "a dir\\50% #1?.claims".to_owned();
        }
        for claims in [Vec::new(), claims, waived] {
            let report = Report::new(claims);
            let by_policy: Vec<Outcome> = report.claims.iter().map(|c| policy.claim(c)).collect();
            for outcomes in [by_policy, every_outcome(report.claims.len())] {
                assert_eq!(
                    sarif_check(&report, &outcomes),
                    whole_check(&report, &outcomes)
                );
            }
        }
    }
}

//! Extraction quality, measured: recall and precision of the article scanner.
//!
//! Two measurements, each kept as floors so a change that loses numbers
//! fails here (raise a floor when the figures improve):
//!
//! - quantulum3's English quantity cases (`../shared/reference/extraction/`),
//!   prose nobody here wrote, read by the scanner alone;
//! - the seed article, every number labelled by hand in
//!   `tests/fixtures/audit/seed-numbers.tsv`, read by the whole audit.
//!
//! Run `cargo test --test integration extraction -- --nocapture` to see the figures.
#![expect(
    clippy::print_stdout,
    reason = "the figures are what these tests are for; --nocapture shows them"
)]

use claimcheck::audit::scan::scan;
use claimcheck::audit::text::BlockKind;
use claimcheck::audit::{Auditor, Format};
use claimcheck::check::Options;
use serde_json::Value;

use crate::audit::{claims_for, relative_store};
use crate::util::root;

/// Words that make a spelled-out quantity a number ("six weeks"), as opposed
/// to a unit used as one ("a penny", "a dozen"), which is out of scope.
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "half",
    "halves",
    "third",
    "thirds",
    "sixth",
];

/// An expected quantity is in scope when it is written with digits or
/// number words, and is not a year (the audit reads years as dates, on purpose).
fn in_scope(expected: &Value) -> bool {
    if expected["year_like"] == Value::Bool(true) {
        return false;
    }
    let surface = expected["surface"].as_str().unwrap_or("").to_lowercase();
    surface
        .chars()
        .any(|c| c.is_ascii_digit() || "⅓½¼¾".contains(c))
        || surface
            .split(|c: char| !c.is_alphabetic())
            .any(|w| NUMBER_WORDS.contains(&w))
}

/// The values an expected quantity stands for: its value, and a range's ends.
fn expected_values(expected: &Value) -> Vec<f64> {
    let mut values: Vec<f64> = expected["value"].as_f64().into_iter().collect();
    if let Some(range) = expected["range"].as_array() {
        values.extend(range.iter().filter_map(Value::as_f64));
    }
    values
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.005 * a.abs().max(b.abs()).max(1e-9)
}

/// Byte range of a code-point range.
fn bytes(text: &str, start: usize, end: usize) -> (usize, usize) {
    let at = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    (at(start), at(end))
}

#[derive(Debug, Default)]
struct Tally {
    expected: usize,
    found: usize,
    mentions: usize,
    correct: usize,
}

impl Tally {
    fn recall(&self) -> f64 {
        self.found as f64 / self.expected.max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.correct as f64 / self.mentions.max(1) as f64
    }
}

#[test]
fn quantulum3_recall_and_precision() {
    let path = root().join("../shared/reference/extraction/quantulum3-en.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        panic!(
            "{} is missing: CI keeps shared/ beside the repository",
            path.display()
        );
    };
    let mut tally = Tally::default();
    let mut misses = Vec::new();
    let mut extras = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        let text = case["text"].as_str().unwrap();
        let expected = case["expected"].as_array().cloned().unwrap_or_default();
        let mentions = scan(text, BlockKind::Paragraph);
        let spans: Vec<((usize, usize), Vec<f64>, bool)> = expected
            .iter()
            .map(|e| {
                let start = e["start"].as_u64().map_or(0, |n| n as usize);
                let end = e["end"]
                    .as_u64()
                    .map_or(text.chars().count(), |n| n as usize);
                (bytes(text, start, end), expected_values(e), in_scope(e))
            })
            .collect();
        let matches = |m: &claimcheck::audit::scan::Mention,
                       (span, values, _): &((usize, usize), Vec<f64>, bool)| {
            let overlap = m.start < span.1 && span.0 < m.end;
            let q = &m.quantity;
            let mut stated = vec![q.low.value()];
            stated.extend(q.high.map(|h| h.value()));
            // A spelled fraction reads as a percentage of a whole ("two thirds" is 66.7%).
            let shares: Vec<f64> = stated.iter().map(|v| v / 100.0).collect();
            overlap
                && stated
                    .iter()
                    .chain(&shares)
                    .any(|s| values.iter().any(|v| close(*s, *v)))
        };
        for e in &spans {
            if e.2 {
                tally.expected += 1;
                if mentions.iter().any(|m| matches(m, e)) {
                    tally.found += 1;
                } else {
                    misses.push(format!("{text:?}: {:?}", &text[e.0.0..e.0.1]));
                }
            }
        }
        for m in &mentions {
            let hit = spans.iter().find(|e| matches(m, e));
            match hit {
                // Finding an out-of-scope quantity (a year) is neither right nor wrong.
                Some(e) if !e.2 => {}
                Some(_) => {
                    tally.mentions += 1;
                    tally.correct += 1;
                }
                None => {
                    tally.mentions += 1;
                    extras.push(format!("{text:?}: {:?}", &text[m.start..m.end]));
                }
            }
        }
    }
    println!(
        "quantulum3-en: recall {}/{} = {:.3}, precision {}/{} = {:.3}",
        tally.found,
        tally.expected,
        tally.recall(),
        tally.correct,
        tally.mentions,
        tally.precision()
    );
    println!("missed:\n  {}", misses.join("\n  "));
    println!("not expected:\n  {}", extras.join("\n  "));
    // Floors: the figures measured when this test was written.
    assert!(
        tally.recall() >= RECALL_FLOOR,
        "recall {:.3}",
        tally.recall()
    );
    assert!(
        tally.precision() >= PRECISION_FLOOR,
        "precision {:.3}",
        tally.precision()
    );
}

// Measured: recall 159/170 = 0.935, precision 165/168 = 0.982 (issue 3 asks for 0.9).
const RECALL_FLOOR: f64 = 0.93;
const PRECISION_FLOOR: f64 = 0.98;

const SEED: &str = "../shared/seeds/000_eba7b0e877cdae88.txt";

struct Label {
    line: usize,
    text: String,
    report: bool,
}

fn seed_labels() -> Vec<Label> {
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/audit/seed-numbers.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            assert_eq!(fields.len(), 3, "{l}");
            Label {
                line: fields[0].parse().unwrap(),
                text: fields[1].to_owned(),
                report: fields[2] == "report",
            }
        })
        .collect()
}

/// The audit of the seed, with or without the seed's claims file.
fn seed_figures(with_claims: bool) -> (usize, usize, Vec<String>, Vec<String>) {
    let store = relative_store();
    let text = std::fs::read_to_string(root().join(SEED)).unwrap();
    let claims = if with_claims {
        claims_for(store, &["claims/ai-index-2026/summary.claims"], SEED)
    } else {
        Vec::new()
    };
    let auditor = Auditor::new(store, Options::default());
    let findings = auditor.audit(SEED, &text, Format::PlainText, &claims);
    let labels = seed_labels();
    let must: Vec<&Label> = labels.iter().filter(|l| l.report).collect();
    let mut missed = Vec::new();
    for label in &must {
        if !findings
            .iter()
            .any(|f| f.line as usize == label.line && f.text() == label.text)
        {
            missed.push(format!("L{} {}", label.line, label.text));
        }
    }
    let false_positives: Vec<String> = findings
        .iter()
        .filter(|f| {
            !labels
                .iter()
                .any(|l| l.line == f.line as usize && l.text == f.text())
        })
        .map(|f| format!("L{} {}", f.line, f.text()))
        .collect();
    (
        must.len(),
        must.len() - missed.len(),
        missed,
        false_positives,
    )
}

/// Issue 3's target: every number of the seed that states something about the
/// report is found, with at most 3 false positives, when the audit reads the
/// seed's claims file (as `claimcheck audit` does by default).
#[test]
fn seed_numbers_with_its_claims() {
    let (total, found, missed, false_positives) = seed_figures(true);
    println!(
        "seed with claims: {found}/{total} report numbers found, {} false positives {false_positives:?}",
        false_positives.len()
    );
    assert!(missed.is_empty(), "missed: {missed:?}");
    assert!(false_positives.len() <= 3, "{false_positives:?}");
}

/// With no claims file, a spelled-out count the store cannot place ("six of
/// the top ten") is not reported; the floor keeps what is found.
#[test]
fn seed_numbers_without_claims() {
    let (total, found, missed, false_positives) = seed_figures(false);
    println!(
        "seed without claims: {found}/{total} report numbers found (missed {missed:?}), {} false positives {false_positives:?}",
        false_positives.len()
    );
    assert!(found + 1 >= total, "missed: {missed:?}");
    assert!(false_positives.len() <= 3, "{false_positives:?}");
}

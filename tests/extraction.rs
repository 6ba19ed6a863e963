//! Extraction quality, measured: recall and precision of the audit as an
//! extractor.
//!
//! Two measurements, each kept as floors so a change that loses numbers
//! fails here (raise a floor when the figures improve):
//!
//! - quantulum3's English quantity cases and spelled-out numbers
//!   (`../shared/reference/extraction/`), prose nobody here wrote, and our
//!   own Chinese cases, each audited as an article of its own: every
//!   finding's reading (as the JSON gives it) is compared, on the value and
//!   on the value and its kind;
//! - the seed article, every number labelled by hand in
//!   `tests/fixtures/audit/seed-numbers.tsv`, read by the whole audit.
//!
//! Run `cargo test --test integration extraction -- --nocapture` to see the figures.
#![expect(
    clippy::print_stdout,
    reason = "the figures are what these tests are for; --nocapture shows them"
)]

use claimcheck::audit::{Auditor, Finding, Format};
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

/// Chinese numerals and magnitudes, and full-width digits.
const CHINESE_NUMERALS: &str = "零〇一二两三四五六七八九十百千万亿０１２３４５６７８９";

/// An expected quantity is in scope when it is written with digits or
/// number words, and is not a year (the audit reads years as dates, on purpose).
/// A case with no surface (the spelled-out suite) is written as its span.
fn in_scope(expected: &Value, span_text: &str) -> bool {
    if expected["year_like"] == Value::Bool(true) {
        return false;
    }
    let surface = expected["surface"]
        .as_str()
        .unwrap_or(span_text)
        .to_lowercase();
    surface
        .chars()
        .any(|c| c.is_ascii_digit() || "⅓½¼¾".contains(c) || CHINESE_NUMERALS.contains(c))
        || surface
            .split(|c: char| !c.is_alphabetic())
            .any(|w| NUMBER_WORDS.contains(&w))
}

/// The values an expected quantity stands for: its value, and a range's ends.
/// A minor unit of a currency is read in the currency ("50 cents" is $0.50).
fn expected_values(expected: &Value) -> Vec<f64> {
    let minor = match expected["unit"].as_str() {
        Some("cent" | "penny") => 0.01,
        Some("dime") => 0.1,
        _ => 1.0,
    };
    let mut values: Vec<f64> = expected["value"].as_f64().into_iter().collect();
    if let Some(range) = expected["range"].as_array() {
        values.extend(range.iter().filter_map(Value::as_f64));
    }
    values.into_iter().map(|v| v * minor).collect()
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
    fn line(&self) -> String {
        format!(
            "recall {}/{} = {:.3}, precision {}/{} = {:.3}",
            self.found,
            self.expected,
            self.recall(),
            self.correct,
            self.mentions,
            self.precision()
        )
    }
}

/// The kind of number a reference case expects, from its unit's name: what a
/// fact-checker needs to know besides the value (a share is no sum of money).
fn expected_kind(expected: &Value) -> &'static str {
    match expected["unit"].as_str() {
        None => "number",
        Some("percent" | "percentage point") => "percent",
        Some("multiple") => "multiple",
        Some("dollar" | "euro" | "pound sterling" | "cent" | "penny" | "dime" | "yuan") => {
            "currency"
        }
        Some(_) => "dimension",
    }
}

/// The kind the audit gives a number (its reading's `kind`), in the
/// reference's terms.
fn found_kind(kind: &str) -> &'static str {
    match kind {
        "number" => "number",
        "percent" | "percentage-points" => "percent",
        "multiple" => "multiple",
        "currency" => "currency",
        _ => "dimension",
    }
}

/// A number as the audit reports it: its byte span in the case's text, its
/// value (and a range's high end) in the written unit, and its kind.
struct Read {
    start: usize,
    end: usize,
    values: Vec<f64>,
    kind: &'static str,
    percent: bool,
}

impl Read {
    fn of(text: &str, finding: &Finding) -> Option<Read> {
        let reading = finding.reading()?;
        // Ordinals ("21st century") are read as positions, for ranks and
        // editions; the suites label them as no quantity, and neither is
        // one, so they are left out of the measure.
        if reading.kind == "ordinal" {
            return None;
        }
        let line_start: usize = text
            .split_inclusive('\n')
            .take(finding.line as usize - 1)
            .map(str::len)
            .sum();
        let line = &text[line_start..];
        let at = |column: u32| {
            line_start
                + line
                    .char_indices()
                    .nth(column as usize - 1)
                    .map_or(line.len(), |(i, _)| i)
        };
        let mut values = vec![reading.value];
        values.extend(reading.high);
        Some(Read {
            start: at(finding.column),
            end: at(finding.end_column()),
            values,
            kind: found_kind(reading.kind),
            percent: reading.kind == "percent",
        })
    }
}

/// One expected quantity: its span in bytes, the values it stands for,
/// whether it is in scope, and its kind.
struct Expected {
    span: (usize, usize),
    values: Vec<f64>,
    in_scope: bool,
    kind: &'static str,
}

/// Recall and precision of the scanner on one reference suite, on the value
/// alone and on the value and kind together, with what it missed and added.
struct Figures {
    value: Tally,
    kind: Tally,
    misses: Vec<String>,
    extras: Vec<String>,
    wrong_kind: Vec<String>,
}

fn measure(suite: &str) -> Figures {
    let path = root().join(suite);
    let Ok(data) = std::fs::read_to_string(&path) else {
        panic!(
            "{} is missing: CI keeps shared/ beside the repository",
            path.display()
        );
    };
    let auditor = Auditor::new(relative_store(), Options::default());
    let mut value = Tally::default();
    let mut kind = Tally::default();
    let mut misses = Vec::new();
    let mut extras = Vec::new();
    let mut wrong_kind = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).unwrap();
        let text = case["text"].as_str().unwrap();
        let expected = case["expected"].as_array().cloned().unwrap_or_default();
        // As a user of the audit as an extractor reads it: every finding
        // of the case, against the bundled store, with no claims.
        let mentions: Vec<Read> = auditor
            .audit("case.txt", text, Format::PlainText, &[])
            .iter()
            .filter_map(|f| Read::of(text, f))
            .collect();
        let spans: Vec<Expected> = expected
            .iter()
            .map(|e| {
                let start = e["start"].as_u64().map_or(0, |n| n as usize);
                let end = e["end"]
                    .as_u64()
                    .map_or(text.chars().count(), |n| n as usize);
                let span = bytes(text, start, end);
                Expected {
                    span,
                    values: expected_values(e),
                    in_scope: in_scope(e, &text[span.0..span.1]),
                    kind: expected_kind(e),
                }
            })
            .collect();
        let matches = |m: &Read, e: &Expected| {
            let overlap = m.start < e.span.1 && e.span.0 < m.end;
            // A spelled fraction reads as a percentage of a whole ("two thirds" is 66.7%).
            let shares = m.values.iter().map(|v| v / 100.0);
            overlap
                && m.values
                    .iter()
                    .copied()
                    .chain(shares)
                    .any(|s| e.values.iter().any(|v| close(s, *v)))
        };
        // A share read in percent is the fraction the reference writes as a
        // number ("two thirds" is 66.7%, or 0.667).
        let share_of_number = |m: &Read, e: &Expected| {
            e.kind == "number"
                && m.percent
                && e.values.iter().any(|v| close(m.values[0] / 100.0, *v))
        };
        let kind_matches =
            |m: &Read, e: &Expected| matches(m, e) && (m.kind == e.kind || share_of_number(m, e));
        for e in spans.iter().filter(|e| e.in_scope) {
            value.expected += 1;
            kind.expected += 1;
            if mentions.iter().any(|m| matches(m, e)) {
                value.found += 1;
            } else {
                misses.push(format!("{text:?}: {:?}", &text[e.span.0..e.span.1]));
            }
            if mentions.iter().any(|m| kind_matches(m, e)) {
                kind.found += 1;
            } else if let Some(m) = mentions.iter().find(|m| matches(m, e)) {
                wrong_kind.push(format!(
                    "{text:?}: {:?} read as {}, expected {}",
                    &text[m.start..m.end],
                    m.kind,
                    e.kind
                ));
            }
        }
        for m in &mentions {
            // Finding an out-of-scope quantity (a year) is neither right nor wrong.
            if spans.iter().any(|e| !e.in_scope && matches(m, e)) {
                continue;
            }
            value.mentions += 1;
            kind.mentions += 1;
            if spans.iter().any(|e| matches(m, e)) {
                value.correct += 1;
            } else {
                extras.push(format!("{text:?}: {:?}", &text[m.start..m.end]));
            }
            if spans.iter().any(|e| kind_matches(m, e)) {
                kind.correct += 1;
            }
        }
    }
    Figures {
        value,
        kind,
        misses,
        extras,
        wrong_kind,
    }
}

/// Floors of one suite: the figures measured when they were last raised.
struct Floors {
    value_recall: f64,
    value_precision: f64,
    kind_recall: f64,
    kind_precision: f64,
}

fn assert_floors(suite: &str, floors: &Floors) {
    let figures = measure(suite);
    println!("{suite}, value: {}", figures.value.line());
    println!("{suite}, value and kind: {}", figures.kind.line());
    println!("missed:\n  {}", figures.misses.join("\n  "));
    println!("not expected:\n  {}", figures.extras.join("\n  "));
    println!("wrong kind:\n  {}", figures.wrong_kind.join("\n  "));
    let checks = [
        ("value recall", figures.value.recall(), floors.value_recall),
        (
            "value precision",
            figures.value.precision(),
            floors.value_precision,
        ),
        ("kind recall", figures.kind.recall(), floors.kind_recall),
        (
            "kind precision",
            figures.kind.precision(),
            floors.kind_precision,
        ),
    ];
    for (what, measured, floor) in checks {
        assert!(measured >= floor, "{suite}: {what} {measured:.3} < {floor}");
    }
}

// Measured before issue 10: value recall 159/170 = 0.935, precision 165/168 =
// 0.982 (issue 3 asked for 0.9); value and kind recall 90/170 = 0.529,
// precision 92/168 = 0.548 (issue 10 asks for 0.95 and 0.95). With unit
// words from the one table of units: 110/170 = 0.647, 112/168 = 0.667.
// With units by hyphen, power, mark and scale letter, minor currency units
// and currency signs after the number, and sums and shares alone on a line:
// value 164/170 = 0.965, 168/172 = 0.977; with kind 146/170 = 0.859,
// 148/172 = 0.860; with numbers listed before a unit sharing it ("45 and
// 50 mg"), 147/170 = 0.865, 149/172 = 0.866. With rates (an amount per a
// unit), inverse units, SI prefixes composed with the symbols that take
// them, units of several words found by their first word, "b" spaced as the
// bit and "absolute zero": value 165/170 = 0.971, 169/173 = 0.977; with kind
// 163/170 = 0.959, 166/173 = 0.960. Left: digits in names (Voyager 2, i7
// 860), 8x2^10, "32K" and "573.15K" (a thousand here, kibibytes and kelvin
// there), symbols written together ("45 Js"), "2 in" ending the text, and
// "245 23 yen" (read as two numbers, where the suite expects none).
#[test]
fn quantulum3_recall_and_precision() {
    assert_floors(
        "../shared/reference/extraction/quantulum3-en.jsonl",
        &Floors {
            value_recall: 0.97,
            value_precision: 0.97,
            kind_recall: 0.95,
            kind_precision: 0.95,
        },
    );
}

// Measured before issue 10: recall 17/49 = 0.347, precision 17/28 = 0.607,
// the same with kind (every case is a bare number). With sign words and a
// half of a scale: 21/49 = 0.429, 21/24 = 0.875. With spelled numbers
// alone on a line kept, a scale word first ("million and one") and "one"
// heading a series: 45/49 = 0.918, 45/48 = 0.938. With a fraction word
// alone on its line: 46/49 = 0.939, 46/49 = 0.939. Left: quantulum3's "a
// million and a half" = 1,000,000.5, three times (read here as 1.5 million,
// as English means it): each a miss and a number not expected.
#[test]
fn quantulum3_spelled_out_recall_and_precision() {
    assert_floors(
        "../shared/reference/extraction/quantulum3-spellout-en.jsonl",
        &Floors {
            value_recall: 0.93,
            value_precision: 0.93,
            kind_recall: 0.93,
            kind_precision: 0.93,
        },
    );
}

// Chinese cases written here for issue 10 (numerals, percentages, currencies,
// mixed Chinese-English text; dates and ordinals that are no numbers).
// Before issue 10: recall 8/156 = 0.051, precision 8/10 = 0.8. With Chinese
// magnitudes and units after digits and Chinese numerals: value recall
// 160/160 = 1.0, precision 160/163 = 0.982; with kind 155/160 = 0.969,
// 155/163 = 0.951 (durations such as 五年 are read as bare numbers). With
// five cases of full-width digits added (９０％, １．５万亿元) and 块 a measure
// word before a noun: 167/167 = 1.0, 167/170 = 0.982; with kind 162/167 =
// 0.970, 162/170 = 0.953. Measured again with rates and composed units:
// 167/167 = 1.0, 167/168 = 0.994; with kind 162/167 = 0.970, 162/168 =
// 0.964. The grammar was written against these cases: held-out text will
// score lower.
#[test]
fn chinese_recall_and_precision() {
    assert_floors(
        "tests/fixtures/extraction/zh.jsonl",
        &Floors {
            value_recall: 0.99,
            value_precision: 0.99,
            kind_recall: 0.96,
            kind_precision: 0.96,
        },
    );
}

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

/// With no claims file, every number is reported all the same, a spelled-out
/// count the store cannot place ("six of the top ten") among them.
#[test]
fn seed_numbers_without_claims() {
    let (total, found, missed, false_positives) = seed_figures(false);
    println!(
        "seed without claims: {found}/{total} report numbers found (missed {missed:?}), {} false positives {false_positives:?}",
        false_positives.len()
    );
    assert_eq!(found, total, "missed: {missed:?}");
    assert!(false_positives.len() <= 3, "{false_positives:?}");
}

//! Verdicts: each claim evaluated against the facts with interval arithmetic.

use std::cell::RefCell;

use crate::claim::{Claim, Directive, Entry, Op, Reference, parse_line};
use crate::interval::Interval;
use crate::parallel::par_map;
use crate::quantity::{Reading, Unit};
use crate::report::{ArticleRef, ClaimReport, FactRef, PhraseLink, Verdict};
use crate::resolve::{self, Resolution, Scope};
use crate::store::Store;
use fallback::Links;

mod change;
mod compare;
mod evaluate;
mod fallback;
mod show;
mod verdict;

use evaluate::evaluate_body;
pub(crate) use show::{show_interval, show_number, show_number_in};
use verdict::{check_claim_traced, failure_outcome};

/// How claims are read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The relative width of `about`, `~` and `nearly` (0.05 is 5%).
    pub tolerance: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options { tolerance: 0.05 }
    }
}

/// Checks every claim of a claims file; `file` is the path shown in reports.
pub fn check_text(store: &Store, file: &str, text: &str, options: &Options) -> Vec<ClaimReport> {
    let lines: Vec<&str> = text.lines().collect();
    // Lines parse independently; only directives depend on what came before.
    let parsed = par_map(&lines, |line| parse_line(line));
    let mut states = vec![FileState {
        tolerance: options.tolerance,
        ..FileState::default()
    }];
    let mut items = Vec::new();
    for (n, (line, parsed)) in lines.iter().zip(parsed).enumerate() {
        let line_no = n + 1;
        match parsed {
            Ok(None) => {}
            Ok(Some(Entry::Directive(d))) => {
                let mut state = states.last().cloned().unwrap_or_default();
                let applied = state.apply(store, d);
                states.push(state);
                if let Err(reason) = applied {
                    let mut report = blank_report(file, line_no, first_column(line), line.trim());
                    report.reason = Some(reason);
                    report.code = Some("unknown-source");
                    items.push(Item::Done(Box::new(report)));
                }
            }
            Ok(Some(Entry::Claim(claim))) => items.push(Item::Claim {
                line_no,
                column: first_column(line),
                claim,
                state: states.len() - 1,
            }),
            Err(e) => {
                // The caret is drawn under the line as written.
                let mut report = blank_report(file, line_no, e.column, line.trim_end());
                report.reason = Some(e.message);
                report.code = Some("syntax");
                items.push(Item::Done(Box::new(report)));
            }
        }
    }
    let links = Links::new(store);
    par_map(&items, |item| match item {
        Item::Done(report) => (**report).clone(),
        Item::Claim {
            line_no,
            column,
            claim,
            state,
        } => {
            let state = &states[*state];
            let mut report = blank_report(file, *line_no, *column, &claim.text);
            report.label = claim.label.clone();
            report.article = match (&state.article, claim.article_line) {
                (Some(path), Some(line)) => Some(ArticleRef {
                    path: path.clone(),
                    line,
                }),
                _ => None,
            };
            fill(store, &mut report, check_claim(store, claim, state, &links));
            report
        }
    })
}

/// A line of a claims file, parsed, waiting for its verdict.
enum Item {
    /// A line whose report is known without the store (a syntax error).
    Done(Box<ClaimReport>),
    Claim {
        line_no: usize,
        column: usize,
        claim: Box<Claim>,
        /// Index of the directives in force.
        state: usize,
    },
}

fn blank_report(file: &str, line: usize, column: usize, text: &str) -> ClaimReport {
    ClaimReport {
        file: file.to_owned(),
        line,
        column,
        label: None,
        text: text.to_owned(),
        article: None,
        verdict: Verdict::Invalid,
        loose: false,
        loose_reason: None,
        stated: None,
        expected: None,
        difference: None,
        arithmetic: Vec::new(),
        facts: Vec::new(),
        candidates: Vec::new(),
        reason: None,
        code: None,
        waived: None,
        resolved: Vec::new(),
        did_you_mean: Vec::new(),
    }
}

fn first_column(line: &str) -> usize {
    line.chars().take_while(|c| c.is_whitespace()).count() + 1
}

/// The directives in force at a line of a claims file.
#[derive(Debug, Default, Clone)]
struct FileState {
    /// `Some(Err(id))` when `@source` named a source the store lacks.
    source: Option<Result<usize, String>>,
    period: Option<String>,
    article: Option<String>,
    tolerance: f64,
}

impl FileState {
    fn apply(&mut self, store: &Store, directive: Directive) -> Result<(), String> {
        match directive {
            Directive::Source(id) => match store.source_index(&id) {
                Some(i) => self.source = Some(Ok(i)),
                None => {
                    self.source = Some(Err(id.clone()));
                    return Err(unknown_source(store, &id));
                }
            },
            Directive::Period(p) => self.period = Some(p),
            Directive::Article(a) => self.article = Some(a),
            Directive::Tolerance(t) => self.tolerance = t,
        }
        Ok(())
    }
}

fn unknown_source(store: &Store, id: &str) -> String {
    let known: Vec<&str> = store.sources.iter().map(|s| s.id.as_str()).collect();
    format!(
        "unknown source `{id}`; the store holds: {}",
        known.join(", ")
    )
}

/// The result of checking one claim, before it is put into a report.
#[derive(Debug, Default)]
struct Outcome {
    verdict: Option<Verdict>,
    loose_reason: Option<String>,
    stated: Option<String>,
    expected: Option<String>,
    difference: Option<String>,
    arithmetic: Vec<String>,
    facts: Vec<u32>,
    candidates: Vec<u32>,
    reason: Option<String>,
    code: Option<&'static str>,
    /// Phrases linked by their words to the facts the verdict rests on.
    resolved: Vec<PhraseLink>,
    /// Names a phrase that named no fact may have meant.
    did_you_mean: Vec<PhraseLink>,
}

fn fill(store: &Store, report: &mut ClaimReport, outcome: Outcome) {
    report.verdict = outcome.verdict.unwrap_or(Verdict::Invalid);
    report.loose = outcome.loose_reason.is_some();
    report.loose_reason = outcome.loose_reason;
    report.stated = outcome.stated;
    report.expected = outcome.expected;
    report.difference = outcome.difference;
    report.arithmetic = outcome.arithmetic;
    report.facts = outcome
        .facts
        .iter()
        .map(|&f| FactRef::new(store, store.fact(f)))
        .collect();
    report.candidates = outcome
        .candidates
        .iter()
        .map(|&f| FactRef::new(store, store.fact(f)))
        .collect();
    report.reason = outcome.reason;
    report.code = outcome.code;
    report.resolved = outcome.resolved;
    report.did_you_mean = outcome.did_you_mean;
}

/// Why a claim could not be compared.
#[derive(Debug)]
enum Failure {
    Invalid {
        code: &'static str,
        reason: String,
    },
    Missing {
        code: &'static str,
        reason: String,
    },
    Ambiguous {
        reason: String,
        candidates: Vec<u32>,
        /// The reference that named several facts, when one did.
        reference: Option<Reference>,
    },
}

impl Failure {
    fn invalid(code: &'static str, reason: impl Into<String>) -> Failure {
        Failure::Invalid {
            code,
            reason: reason.into(),
        }
    }
}

/// A value the facts give: one fact's, or arithmetic over several.
#[derive(Debug, Clone)]
struct Term {
    reading: Reading,
    unit: Unit,
    facts: Vec<u32>,
    /// The fact's value as written, when the term is one fact.
    written: Option<String>,
    /// What the last digit the facts give is worth, in base units (0.1 for
    /// `285.9`); `None` when arithmetic leaves it unknown (a ratio).
    last_digit: Option<f64>,
    steps: Vec<String>,
}

struct Ctx<'a> {
    store: &'a Store,
    scope: Scope<'a>,
    tolerance: f64,
    /// Where the steps go when the check is explained; `None` otherwise.
    trace: Option<&'a RefCell<Vec<Step>>>,
}

impl Ctx<'_> {
    fn record(&self, step: impl FnOnce() -> Step) {
        if let Some(trace) = self.trace {
            trace.borrow_mut().push(step());
        }
    }
}

/// One step the check of a claim took, recorded for `claimcheck explain`.
///
/// Recording changes nothing in the check: the steps only say what was
/// looked up and compared, in order.
#[derive(Debug, Clone)]
pub enum Step {
    /// A reference was looked up: every fact it may name, then the one kept.
    Resolve {
        reference: Reference,
        /// The source facts must come from (`@source`, a citation).
        source: Option<usize>,
        /// The period preferred when the reference names none.
        default_period: Option<String>,
        candidates: resolve::Candidates,
        resolution: Resolution,
    },
    /// The other side of `= 23x China` or `= +55% vs 2024`: the same metric
    /// as `like` for another subject (`period` is `None`) or another period.
    Sibling {
        other: String,
        like: u32,
        period: Option<String>,
        found: Vec<u32>,
    },
    /// No fact of the same metric at the other period; the claim's own words
    /// at that period were read instead (`phrase`), naming `found`.
    SameWords { phrase: String, found: Option<u32> },
    /// No fact gives a level for `period`; facts stating the change were looked for.
    StatedChange {
        period: String,
        /// The phrases looked up, in order, up to the first that named facts.
        tried: Vec<String>,
        /// The facts that phrase named (empty when none did).
        candidates: Vec<u32>,
    },
    /// The claim's interval against the facts' interval.
    Compare {
        stated: String,
        op: Op,
        /// Every value the claim allows, tolerance included.
        claim: Interval,
        /// The same without the approximation tolerance.
        claim_strict: Interval,
        claim_central: Option<f64>,
        /// The claim's digits read as truncated (`$285 billion` as [285, 286)).
        truncated: Option<Interval>,
        value: Reading,
        unit: Unit,
        tolerance: f64,
        verdict: Verdict,
        loose_reason: Option<String>,
    },
    /// The verdict was replaced because a fact lacks a source or locator.
    Provenance { problems: Vec<String>, was: Verdict },
    /// The cited source does not state it; these sources do.
    CitedElsewhere { sources: Vec<String> },
    /// A phrase that named no fact word for word, linked by its words.
    Linked { link: PhraseLink },
}

/// A claim's report with the steps that led to it.
#[derive(Debug, Clone)]
pub struct Explained {
    pub report: ClaimReport,
    /// The claim as parsed; `None` when the line does not parse.
    pub claim: Option<Claim>,
    pub steps: Vec<Step>,
}

/// Checks one claim as `check -e` does and records every step taken.
pub fn explain_expression(
    store: &Store,
    claim: &str,
    period: Option<&str>,
    options: &Options,
) -> Explained {
    let state = FileState {
        tolerance: options.tolerance,
        period: period.map(str::to_owned),
        ..FileState::default()
    };
    let mut report = blank_report("<expr>", 1, first_column(claim), claim.trim());
    match parse_line(claim) {
        Ok(Some(Entry::Claim(parsed))) => {
            report.label = parsed.label.clone();
            report.text = parsed.text.clone();
            let trace = RefCell::new(Vec::new());
            let outcome =
                check_claim_traced(store, &parsed, &state, Some(&trace), &Links::new(store));
            fill(store, &mut report, outcome);
            Explained {
                report,
                claim: Some(*parsed),
                steps: trace.into_inner(),
            }
        }
        not_a_claim => {
            let reason = match not_a_claim {
                Ok(Some(_)) => "a directive, not a claim".to_owned(),
                Ok(None) => "no claim: the line is empty or a comment".to_owned(),
                Err(e) => {
                    report.column = e.column;
                    report.text = claim.trim_end().to_owned();
                    e.message
                }
            };
            report.reason = Some(reason);
            report.code = Some("syntax");
            Explained {
                report,
                claim: None,
                steps: Vec::new(),
            }
        }
    }
}

/// Evaluates a claim on the numbers alone: no source scope, no default
/// period and no provenance requirement. Lint uses it to recompute a derived
/// fact from the facts it is derived from, with the verdict rules of `check`.
pub fn recompute(store: &Store, claim: &Claim, options: &Options) -> ClaimReport {
    let ctx = Ctx {
        store,
        scope: Scope::default(),
        tolerance: options.tolerance,
        trace: None,
    };
    let outcome = evaluate_body(&ctx, &claim.body).unwrap_or_else(failure_outcome);
    let mut report = blank_report("", 0, 0, &claim.text);
    report.label = claim.label.clone();
    fill(store, &mut report, outcome);
    report
}

fn check_claim(store: &Store, claim: &Claim, state: &FileState, links: &Links<'_>) -> Outcome {
    check_claim_traced(store, claim, state, None, links)
}

/// Checks one ad-hoc claim (`claimcheck check -e "…"`).
pub fn check_expression(
    store: &Store,
    claim: &str,
    period: Option<&str>,
    options: &Options,
) -> Vec<ClaimReport> {
    let mut text = String::new();
    if let Some(p) = period {
        text.push_str(&format!("@period {p}\n"));
    }
    let offset = usize::from(period.is_some());
    text.push_str(claim);
    let mut reports = check_text(store, "<expr>", &text, options);
    for r in &mut reports {
        r.line -= offset;
    }
    reports
}

//! Verdicts: each claim evaluated against the facts with interval arithmetic.

use std::cell::RefCell;

use crate::claim::{
    ArithOp, Body, ChainValues, Claim, Directive, Entry, Expr, Op, Reference, Rhs, parse_line,
};
use crate::interval::Interval;
use crate::parallel::par_map;
use crate::quantity::{Quantity, Reading, Unit};
use crate::report::{ArticleRef, ClaimReport, FactRef, Verdict};
use crate::resolve::{self, Resolution, Scope};
use crate::store::{Store, normalize};

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
            fill(store, &mut report, check_claim(store, claim, state));
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
            let outcome = check_claim_traced(store, &parsed, &state, Some(&trace));
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

fn check_claim(store: &Store, claim: &Claim, state: &FileState) -> Outcome {
    check_claim_traced(store, claim, state, None)
}

fn check_claim_traced(
    store: &Store,
    claim: &Claim,
    state: &FileState,
    trace: Option<&RefCell<Vec<Step>>>,
) -> Outcome {
    let source = match (&claim.cite, &state.source) {
        (Some(cite), _) => match store.source_index(cite) {
            Some(i) => Some(i),
            None => {
                return failure_outcome(Failure::invalid(
                    "unknown-source",
                    unknown_source(store, cite),
                ));
            }
        },
        (None, Some(Ok(i))) => Some(*i),
        (None, Some(Err(id))) => {
            return failure_outcome(Failure::invalid(
                "unknown-source",
                format!("the file's @source `{id}` is not in the store"),
            ));
        }
        (None, None) => None,
    };
    let ctx = Ctx {
        store,
        scope: Scope {
            source,
            default_period: state.period.as_deref(),
        },
        tolerance: state.tolerance,
        trace,
    };
    let outcome = match evaluate_body(&ctx, &claim.body) {
        Ok(outcome) => {
            let was = outcome.verdict;
            let outcome = with_provenance(store, outcome);
            if outcome.code == Some("no-provenance") {
                ctx.record(|| Step::Provenance {
                    problems: outcome.reason.iter().cloned().collect(),
                    was: was.unwrap_or(Verdict::Invalid),
                });
            }
            outcome
        }
        Err(Failure::Ambiguous {
            reason,
            candidates,
            reference: Some(reference),
        }) => {
            // An editor wants to know which reading the claim fits: try each,
            // without adding the tries to an explanation's steps.
            let quiet = Ctx { trace: None, ..ctx };
            let mut outcome = failure_outcome(Failure::Ambiguous {
                reason,
                candidates: candidates.clone(),
                reference: None,
            });
            for &c in candidates.iter().take(MAX_CANDIDATES_TRIED) {
                let fact = store.fact(c);
                let pinned = with_reference(
                    &claim.body,
                    &reference,
                    &Reference::FactId(fact.id.to_string()),
                );
                let verdict = match evaluate_body(&quiet, &pinned) {
                    Ok(o) if o.loose_reason.is_some() => "match (loose)",
                    Ok(o) => o.verdict.unwrap_or(Verdict::Invalid).as_str(),
                    Err(Failure::Ambiguous { .. }) => "ambiguous",
                    Err(Failure::Missing { .. }) => "missing-provenance",
                    Err(Failure::Invalid { .. }) => "invalid",
                };
                outcome.arithmetic.push(format!(
                    "with {{{}}} ({}): {verdict}",
                    fact.id, fact.value.text
                ));
            }
            outcome
        }
        Err(Failure::Missing {
            code: "no-fact",
            reason,
        }) if ctx.scope.source.is_some() => {
            // The number may be right while the cited source (the claim's
            // own citation or the file's @source) does not state it.
            let unscoped = Ctx {
                scope: Scope {
                    source: None,
                    ..ctx.scope
                },
                ..ctx
            };
            match evaluate_body(&unscoped, &claim.body) {
                Ok(elsewhere) => {
                    let sources: Vec<String> = elsewhere
                        .facts
                        .iter()
                        .filter_map(|&f| store.source_of(store.fact(f)).map(|s| s.id.clone()))
                        .collect();
                    ctx.record(|| Step::CitedElsewhere {
                        sources: sources.clone(),
                    });
                    let mut outcome = failure_outcome(Failure::Missing {
                        code: "not-in-cited-source",
                        reason: format!(
                            "{reason}; the cited source does not state it, but {} does (the claim would be a {})",
                            sources.join(", "),
                            elsewhere.verdict.unwrap_or(Verdict::Invalid).as_str()
                        ),
                    });
                    outcome.facts = elsewhere.facts;
                    outcome
                }
                Err(_) => failure_outcome(Failure::Missing {
                    code: "no-fact",
                    reason,
                }),
            }
        }
        Err(f) => failure_outcome(f),
    };
    with_nearest_names(store, claim, ctx.scope, outcome)
}

/// How many candidates of an ambiguous claim are each tried as its reading.
const MAX_CANDIDATES_TRIED: usize = 10;

/// The claim body with one reference replaced wherever it stands.
fn with_reference(body: &Body, from: &Reference, to: &Reference) -> Body {
    let swap = |r: &Reference| if r == from { to.clone() } else { r.clone() };
    match body {
        Body::Compare { lhs, op, rhs } => Body::Compare {
            lhs: lhs.map_references(swap),
            op: *op,
            rhs: match rhs {
                Rhs::Value(q) => Rhs::Value(q.clone()),
                Rhs::Against { quantity, other } => Rhs::Against {
                    quantity: quantity.clone(),
                    other: swap(other),
                },
            },
        },
        // A chain names its periods apart; pinning one fact would drop them.
        Body::Chain { .. } => body.clone(),
    }
}

/// A claim that names no fact says where the nearest names are.
fn with_nearest_names(
    store: &Store,
    claim: &Claim,
    scope: Scope<'_>,
    mut outcome: Outcome,
) -> Outcome {
    if outcome.code == Some("no-fact")
        && let Some(reason) = &mut outcome.reason
        && let Some(hint) = crate::nearest::hint(store, claim, scope)
    {
        reason.push_str("; ");
        reason.push_str(&hint);
    }
    outcome
}

fn failure_outcome(f: Failure) -> Outcome {
    match f {
        Failure::Invalid { code, reason } => Outcome {
            verdict: Some(Verdict::Invalid),
            reason: Some(reason),
            code: Some(code),
            ..Outcome::default()
        },
        Failure::Missing { code, reason } => Outcome {
            verdict: Some(Verdict::MissingProvenance),
            reason: Some(reason),
            code: Some(code),
            ..Outcome::default()
        },
        Failure::Ambiguous {
            reason, candidates, ..
        } => Outcome {
            verdict: Some(Verdict::Ambiguous),
            reason: Some(reason),
            candidates,
            ..Outcome::default()
        },
    }
}

/// A verdict that rests on a fact with no source or no locator is not a verdict.
fn with_provenance(store: &Store, mut outcome: Outcome) -> Outcome {
    let unusable: Vec<String> = outcome
        .facts
        .iter()
        .map(|&f| store.fact(f))
        .filter_map(|fact| match (store.source_of(fact), store.locator(fact)) {
            (None, _) => Some(format!("fact `{}` has no source", fact.id)),
            (Some(_), None) => Some(format!(
                "fact `{}` has no locator (chapter, section, page, ...)",
                fact.id
            )),
            _ => None,
        })
        .collect();
    if !unusable.is_empty() {
        let was = outcome.verdict.map_or("", Verdict::as_str);
        outcome.reason = Some(format!(
            "{} (the value alone would be a {was})",
            unusable.join("; ")
        ));
        outcome.verdict = Some(Verdict::MissingProvenance);
        outcome.code = Some("no-provenance");
        outcome.loose_reason = None;
    }
    outcome
}

fn evaluate_body(ctx: &Ctx<'_>, body: &Body) -> Result<Outcome, Failure> {
    match body {
        Body::Compare {
            lhs,
            op,
            rhs: Rhs::Value(q),
        } => {
            let term = evaluate(ctx, lhs)?;
            compare(ctx, &term, *op, q)
        }
        Body::Compare {
            lhs,
            op,
            rhs: Rhs::Against { quantity, other },
        } => {
            let Some(reference) = lhs.single() else {
                return Err(Failure::invalid(
                    "syntax",
                    "a comparison against another subject or period needs a single reference on the left",
                ));
            };
            let a = fact_term(ctx, resolve_one(ctx, reference, ctx.scope)?);
            let change = change_against(ctx, reference, &a, other, quantity)?;
            compare(ctx, &change, *op, quantity)
        }
        Body::Chain {
            reference,
            periods,
            op,
            values,
        } => {
            let at = |p: &str| at_period(reference, p);
            match values {
                ChainValues::Each(values) => {
                    let mut parts = Vec::new();
                    for (period, q) in periods.iter().zip(values) {
                        let term = fact_term(ctx, resolve_one(ctx, &at(period)?, ctx.scope)?);
                        parts.push(compare(ctx, &term, *op, q)?);
                    }
                    Ok(merge(parts))
                }
                ChainValues::Change(q) => {
                    let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
                        return Err(Failure::invalid("syntax", "a change needs two periods"));
                    };
                    let old = fact_term(ctx, resolve_one(ctx, &at(first)?, ctx.scope)?);
                    let new = fact_term(ctx, resolve_one(ctx, &at(last)?, ctx.scope)?);
                    let change = change_between(&old, &new, q)?;
                    compare(ctx, &change, *op, q)
                }
            }
        }
    }
}

/// The reference with a period put in (a chain names its periods apart).
fn at_period(reference: &Reference, period: &str) -> Result<Reference, Failure> {
    match reference {
        Reference::Phrase(p) => Ok(Reference::Phrase(format!("{p} {period}"))),
        Reference::Explicit {
            subject, metric, ..
        } => Ok(Reference::Explicit {
            subject: subject.clone(),
            metric: metric.clone(),
            period: Some(period.to_owned()),
        }),
        Reference::FactId(id) => Err(Failure::invalid(
            "syntax",
            format!("`{{{id}}}` names one fact; a chain needs a subject and metric over periods"),
        )),
    }
}

/// Puts the parts of a chain together: the worst verdict wins.
fn merge(parts: Vec<Outcome>) -> Outcome {
    let mut merged = Outcome::default();
    let mut stated = Vec::new();
    let mut expected = Vec::new();
    let mut differences = Vec::new();
    let mut loose = Vec::new();
    let mut reasons = Vec::new();
    for part in parts {
        let verdict = part.verdict.unwrap_or(Verdict::Invalid);
        if merged
            .verdict
            .is_none_or(|v| verdict.severity() > v.severity())
        {
            merged.verdict = Some(verdict);
            merged.code = part.code;
        }
        // A value that a bound allows without stating it says why.
        reasons.extend(part.reason);
        stated.extend(part.stated);
        expected.extend(part.expected);
        differences.extend(part.difference);
        loose.extend(part.loose_reason);
        merged.arithmetic.extend(part.arithmetic);
        for f in part.facts {
            if !merged.facts.contains(&f) {
                merged.facts.push(f);
            }
        }
    }
    merged.stated = Some(stated.join(" -> "));
    merged.expected = Some(expected.join(" -> "));
    merged.difference = (!differences.is_empty()).then(|| differences.join("; "));
    merged.reason = (!reasons.is_empty()).then(|| reasons.join("; "));
    if merged.verdict == Some(Verdict::Match) && !loose.is_empty() {
        merged.loose_reason = Some(loose.join("; "));
    }
    merged
}

fn resolve_one(ctx: &Ctx<'_>, reference: &Reference, scope: Scope<'_>) -> Result<u32, Failure> {
    let resolution = if ctx.trace.is_some() {
        // The same as resolve::resolve, with the candidates kept for the trace.
        let candidates = resolve::candidates(ctx.store, reference, scope);
        let resolution = resolve::choose(ctx.store, reference, candidates.clone(), scope);
        ctx.record(|| Step::Resolve {
            reference: reference.clone(),
            source: scope.source,
            default_period: scope.default_period.map(str::to_owned),
            candidates,
            resolution: resolution.clone(),
        });
        resolution
    } else {
        resolve::resolve(ctx.store, reference, scope)
    };
    match resolution {
        Resolution::Found(f) => Ok(f),
        Resolution::NotFound(reason) => Err(Failure::Missing {
            code: "no-fact",
            reason,
        }),
        Resolution::Ambiguous(candidates) => Err(Failure::Ambiguous {
            reason: format!(
                "{} facts answer `{reference}`; name the subject, metric or period, or use {{fact-id}}",
                candidates.len()
            ),
            candidates,
            reference: Some(reference.clone()),
        }),
    }
}

fn fact_term(ctx: &Ctx<'_>, f: u32) -> Term {
    let fact = ctx.store.fact(f);
    let reading = fact.value.reading(ctx.tolerance);
    Term {
        steps: vec![format!(
            "{} = {} ({}) → {}",
            ctx.store.fact_name(fact),
            fact.value.text,
            fact.id,
            show_interval(&reading.set, &fact.value.unit)
        )],
        reading,
        unit: fact.value.unit.clone(),
        facts: vec![f],
        written: Some(fact.value.text.to_string()),
        last_digit: Some(last_digit(&fact.value)),
    }
}

/// What the last written digit of a quantity is worth, in base units.
fn last_digit(q: &Quantity) -> f64 {
    let exponent = q
        .high
        .map_or(q.low.exponent, |h| h.exponent.min(q.low.exponent));
    10f64.powi(exponent) * q.unit.factor()
}

/// How many operands a name joined by operators may have
/// (`Microsoft AI Diagnostic Orchestrator + OpenAI o3` has two). Longer
/// chains are arithmetic only: reading every prefix of a long chain of
/// unknown names as one name made the check cubic in its length.
const MAX_NAME_OPERANDS: usize = 8;

/// The value of the expression, folded left to right without recursion, as
/// the tree `((a op b) op c) ...` is evaluated: products first, then sums.
fn evaluate(ctx: &Ctx<'_>, expr: &Expr) -> Result<Term, Failure> {
    let terms = expr.terms();
    let mut operands_before = 0;
    let mut sum_operands = Vec::with_capacity(terms.len());
    for (op, factors) in &terms {
        let start = operands_before;
        operands_before += factors.len();
        sum_operands.push((*op, (start, factors)));
    }
    // Each operand with the operator written before it, for reading back.
    let all: Vec<(ArithOp, &Reference)> = std::iter::once((ArithOp::Add, &expr.first))
        .chain(expr.rest.iter().map(|(op, r)| (*op, r)))
        .collect();
    fold_operands(
        ctx,
        &sum_operands,
        |&(start, factors)| {
            fold_operands(
                ctx,
                factors,
                |&reference| Ok(fact_term(ctx, resolve_one(ctx, reference, ctx.scope)?)),
                |k| &all[start..=start + k],
            )
        },
        |k| {
            let (start, factors) = sum_operands[k].1;
            &all[..start + factors.len()]
        },
    )
}

/// `operands[0] op1 operands[1] op2 ...` from the left. When a part names no
/// fact, the operands so far read as one phrase may: a name can hold `+`.
fn fold_operands<'r, T>(
    ctx: &Ctx<'_>,
    operands: &[(ArithOp, T)],
    value: impl Fn(&T) -> Result<Term, Failure>,
    written_up_to: impl Fn(usize) -> &'r [(ArithOp, &'r Reference)],
) -> Result<Term, Failure> {
    let Some(((_, first), rest)) = operands.split_first() else {
        return Err(Failure::invalid("syntax", "an expression needs an operand"));
    };
    let mut total = value(first);
    for (k, (op, operand)) in rest.iter().enumerate() {
        total = match total.and_then(|a| Ok((a, value(operand)?))) {
            Ok((a, b)) => arithmetic(a, *op, b),
            Err(Failure::Missing {
                code: "no-fact",
                reason,
            }) => as_one_name(ctx, written_up_to(k + 1), reason),
            Err(other) => Err(other),
        };
    }
    total
}

/// The fact named by the operands read back as one phrase, when they are
/// all phrases and few enough to be a name; else the failure `reason`.
fn as_one_name(
    ctx: &Ctx<'_>,
    written: &[(ArithOp, &Reference)],
    reason: String,
) -> Result<Term, Failure> {
    let missing = || Failure::Missing {
        code: "no-fact",
        reason: reason.clone(),
    };
    if written.len() > MAX_NAME_OPERANDS {
        return Err(missing());
    }
    let mut phrase = String::new();
    for (k, (op, reference)) in written.iter().enumerate() {
        let Reference::Phrase(p) = reference else {
            return Err(missing());
        };
        if k > 0 {
            phrase.push_str(&format!(" {} ", op.as_str()));
        }
        phrase.push_str(p);
    }
    let whole = Reference::Phrase(phrase);
    match resolve::resolve(ctx.store, &whole, ctx.scope) {
        Resolution::NotFound(_) => Err(missing()),
        _ => Ok(fact_term(ctx, resolve_one(ctx, &whole, ctx.scope)?)),
    }
}

/// `a op b` on intervals, with the unit the result is in.
/// Takes its operands whole: a long chain moves its steps along, where
/// copying them at each term made it quadratic.
fn arithmetic(a: Term, op: ArithOp, b: Term) -> Result<Term, Failure> {
    let unit = match op {
        ArithOp::Add | ArithOp::Sub => {
            if !a.unit.compatible(&b.unit) {
                return Err(Failure::invalid(
                    "unit-mismatch",
                    format!(
                        "cannot {} {} and {}",
                        op_verb(op),
                        a.unit.name(),
                        b.unit.name()
                    ),
                ));
            }
            match (op, a.unit.more_specific(&b.unit)) {
                (ArithOp::Sub, Unit::Percent) => Unit::PercentagePoints,
                (_, unit) => unit,
            }
        }
        ArithOp::Div => {
            if a.unit.compatible(&b.unit) {
                Unit::Multiple
            } else if matches!(b.unit, Unit::Bare | Unit::Multiple) {
                a.unit.clone()
            } else {
                return Err(Failure::invalid(
                    "unit-mismatch",
                    format!("cannot divide {} by {}", a.unit.name(), b.unit.name()),
                ));
            }
        }
        ArithOp::Mul => match (&a.unit, &b.unit) {
            (u, Unit::Bare | Unit::Multiple) | (Unit::Bare | Unit::Multiple, u) => u.clone(),
            (x, y) => {
                return Err(Failure::invalid(
                    "unit-mismatch",
                    format!("cannot multiply {} by {}", x.name(), y.name()),
                ));
            }
        },
    };
    let apply = |x: &Interval, y: &Interval| match op {
        ArithOp::Add => Some(x.add(y)),
        ArithOp::Sub => Some(x.sub(y)),
        ArithOp::Mul => Some(x.mul(y)),
        ArithOp::Div => x.div(y),
    };
    let point = |x: f64, y: f64| match op {
        ArithOp::Add => x + y,
        ArithOp::Sub => x - y,
        ArithOp::Mul => x * y,
        ArithOp::Div => x / y,
    };
    let (Some(set), Some(strict)) = (
        apply(&a.reading.set, &b.reading.set),
        apply(&a.reading.strict, &b.reading.strict),
    ) else {
        return Err(Failure::invalid(
            "not-computable",
            "the divisor may be zero",
        ));
    };
    let central = match (a.reading.central, b.reading.central) {
        (Some(x), Some(y)) => Some(point(x, y)).filter(|c| c.is_finite()),
        _ => None,
    };
    let reading = Reading {
        set,
        strict,
        central,
    };
    let step = format!(
        "{} {} {} = {} → {}",
        show_central(&a.reading, &a.unit),
        op.as_str(),
        show_central(&b.reading, &b.unit),
        show_central(&reading, &unit),
        show_interval(&reading.set, &unit)
    );
    // A sum or difference is known to the finest digit of its parts; a
    // product or quotient has digits no one wrote.
    let last_digit = match (op, a.last_digit, b.last_digit) {
        (ArithOp::Add | ArithOp::Sub, Some(x), Some(y)) => Some(x.min(y)),
        _ => None,
    };
    let (mut steps, mut facts) = (a.steps, a.facts);
    steps.extend(b.steps);
    steps.push(step);
    facts.extend(b.facts);
    Ok(Term {
        reading,
        unit,
        facts,
        written: None,
        last_digit,
        steps,
    })
}

fn op_verb(op: ArithOp) -> &'static str {
    match op {
        ArithOp::Add => "add",
        ArithOp::Sub => "subtract",
        ArithOp::Mul => "multiply",
        ArithOp::Div => "divide",
    }
}

/// `A = 23x OTHER`, `A = +55% vs OTHER`, `A = -13pp vs OTHER`: the other fact
/// is the same metric for another subject or period, or any reference.
fn change_against(
    ctx: &Ctx<'_>,
    reference: &Reference,
    a: &Term,
    other: &Reference,
    q: &Quantity,
) -> Result<Term, Failure> {
    let store = ctx.store;
    let a_fact = a.facts[0];
    let b = match other {
        Reference::Phrase(phrase) => {
            let name = normalize(phrase);
            if let Some(period) = store.period_named(&name) {
                let found = resolve::sibling(store, a_fact, None, Some(period), ctx.scope);
                ctx.record(|| Step::Sibling {
                    other: phrase.clone(),
                    like: a_fact,
                    period: Some(store.str(period).to_owned()),
                    found: found.clone(),
                });
                match found.as_slice() {
                    // The same words at the other period may name a fact
                    // whose metric is spelled differently (an alias shared
                    // by "surplus" and "surplus a year earlier").
                    [] => match same_words_at(ctx, reference, a_fact, phrase) {
                        Some(b) => b,
                        None => return stated_change(ctx, reference, a_fact, phrase, q),
                    },
                    [one] => *one,
                    _ => {
                        return Err(Failure::Ambiguous {
                            reason: format!("several facts answer `{phrase}`"),
                            candidates: found,
                            reference: None,
                        });
                    }
                }
            } else if !store.subjects_named(&name).is_empty() {
                let found = resolve::sibling(
                    store,
                    a_fact,
                    Some(store.subjects_named(&name)),
                    None,
                    ctx.scope,
                );
                ctx.record(|| Step::Sibling {
                    other: phrase.clone(),
                    like: a_fact,
                    period: None,
                    found: found.clone(),
                });
                match found.as_slice() {
                    [] => {
                        let a_ref = store.fact(a_fact);
                        return Err(Failure::Missing {
                            code: "no-fact",
                            reason: format!(
                                "no fact gives `{}` for `{phrase}`{}",
                                store.str(a_ref.metric),
                                a_ref
                                    .period
                                    .map(|p| format!(" in {}", store.str(p)))
                                    .unwrap_or_default()
                            ),
                        });
                    }
                    [one] => *one,
                    _ => {
                        return Err(Failure::Ambiguous {
                            reason: format!("several facts answer `{phrase}`"),
                            candidates: found,
                            reference: None,
                        });
                    }
                }
            } else {
                resolve_one(ctx, other, other_scope(ctx, a_fact))?
            }
        }
        _ => resolve_one(ctx, other, other_scope(ctx, a_fact))?,
    };
    let b = fact_term(ctx, b);
    change_between(&b, a, q)
}

/// The fact that `reference`'s own words name at another period, if exactly one.
fn same_words_at(ctx: &Ctx<'_>, reference: &Reference, a_fact: u32, period: &str) -> Option<u32> {
    let Reference::Phrase(phrase) = reference else {
        return None;
    };
    let store = ctx.store;
    let words = normalize(phrase);
    let base = match store.fact(a_fact).period.map(|p| normalize(store.str(p))) {
        Some(p) => words
            .strip_suffix(p.as_str())
            .map_or(words.as_str(), str::trim_end),
        None => words.as_str(),
    };
    let phrase = format!("{base} {period}");
    let found = match resolve::resolve(store, &Reference::Phrase(phrase.clone()), ctx.scope) {
        Resolution::Found(b) if b != a_fact => Some(b),
        _ => None,
    };
    ctx.record(|| Step::SameWords { phrase, found });
    found
}

/// The other side of a comparison defaults to the first side's period.
fn other_scope<'a>(ctx: &Ctx<'a>, a_fact: u32) -> Scope<'a> {
    Scope {
        default_period: ctx
            .store
            .fact(a_fact)
            .period
            .map(|p| ctx.store.str(p))
            .or(ctx.scope.default_period),
        ..ctx.scope
    }
}

/// The change from `old` to `new` in the claim's terms: a ratio for `x`, a
/// relative change for `%`, a difference for `pp` (and plain numbers).
fn change_between(old: &Term, new: &Term, q: &Quantity) -> Result<Term, Failure> {
    match q.unit {
        Unit::Multiple => arithmetic(new.clone(), ArithOp::Div, old.clone()),
        Unit::Percent => {
            let ratio = arithmetic(new.clone(), ArithOp::Div, old.clone())?;
            let mut change = Term {
                reading: Reading {
                    set: ratio.reading.set.shift(-1.0).scale(100.0),
                    strict: ratio.reading.strict.shift(-1.0).scale(100.0),
                    central: ratio.reading.central.map(|c| (c - 1.0) * 100.0),
                },
                unit: Unit::Percent,
                facts: ratio.facts,
                written: None,
                last_digit: None,
                steps: ratio.steps,
            };
            change.steps.push(format!(
                "relative change = {} → {}",
                show_central(&change.reading, &Unit::Percent),
                show_interval(&change.reading.set, &Unit::Percent)
            ));
            Ok(change)
        }
        Unit::PercentagePoints => {
            if new.unit != Unit::Percent || old.unit != Unit::Percent {
                return Err(Failure::invalid(
                    "unit-mismatch",
                    format!(
                        "a change in percentage points needs percentages, not {}",
                        new.unit.name()
                    ),
                ));
            }
            arithmetic(new.clone(), ArithOp::Sub, old.clone())
        }
        Unit::Bare | Unit::Currency(_) | Unit::Measure(_) | Unit::Noun(_) => {
            arithmetic(new.clone(), ArithOp::Sub, old.clone())
        }
    }
}

/// No level for the other period: a fact that states the change itself
/// (`private AI investment growth`) may answer a relative change or a ratio.
fn stated_change(
    ctx: &Ctx<'_>,
    reference: &Reference,
    a_fact: u32,
    period: &str,
    q: &Quantity,
) -> Result<Term, Failure> {
    let store = ctx.store;
    let fact = store.fact(a_fact);
    let base = normalize(period);
    // Changes from other base periods, named so the editor sees what the store has.
    let mut other_bases: Vec<String> = Vec::new();
    let missing = |other_bases: &[String]| Failure::Missing {
        code: "no-fact",
        reason: format!(
            "no fact gives `{}` for {period}, and none states its change from {period}{}",
            store.str(fact.metric),
            if other_bases.is_empty() {
                String::new()
            } else {
                format!(" ({})", other_bases.join("; "))
            }
        ),
    };
    if !matches!(q.unit, Unit::Percent | Unit::Multiple) {
        return Err(missing(&other_bases));
    }
    let Reference::Phrase(phrase) = reference else {
        return Err(missing(&other_bases));
    };
    let name = match fact.period.map(|p| normalize(store.str(p))) {
        Some(p) => normalize(phrase)
            .strip_suffix(&p)
            .map(|b| b.trim().to_owned())
            .unwrap_or_else(|| normalize(phrase)),
        None => normalize(phrase),
    };
    let scope = Scope {
        default_period: fact.period.map(|p| store.str(p)),
        ..ctx.scope
    };
    let tries = [
        format!("{name} growth since {period}"),
        format!("{name} growth"),
        format!("growth in {name}"),
    ];
    // The stated change must be of the same subject and period as the level,
    // and from the claim's base period: growth since 2024 says nothing of 2013.
    let mut tried = Vec::new();
    let mut found = Vec::new();
    for t in &tries {
        tried.push(t.clone());
        found = resolve::candidates(store, &Reference::Phrase(t.clone()), scope)
            .facts
            .into_iter()
            .filter(|&g| {
                let g = store.fact(g);
                g.subject == fact.subject
                    && g.period == fact.period
                    && g.value.unit == Unit::Percent
            })
            .filter(|&g| {
                let from = base_period(store, store.fact(g));
                let same = from.as_deref() == Some(base.as_str());
                if !same {
                    other_bases.push(match from {
                        Some(from) => format!("{} states the change from {from}", store.fact(g).id),
                        None => format!("{} does not say from when", store.fact(g).id),
                    });
                }
                same
            })
            .collect();
        if !found.is_empty() {
            break;
        }
    }
    ctx.record(|| Step::StatedChange {
        period: period.to_owned(),
        tried,
        candidates: found.clone(),
    });
    let growth = match found.as_slice() {
        [] => return Err(missing(&other_bases)),
        [one] => *one,
        _ => {
            return Err(Failure::Ambiguous {
                reason: "several facts state this change".to_owned(),
                candidates: found,
                reference: None,
            });
        }
    };
    let mut term = fact_term(ctx, growth);
    term.steps.insert(
        0,
        format!(
            "no fact gives `{}` for {period}; {} states the change from {period} itself",
            store.str(fact.metric),
            store.fact(growth).id
        ),
    );
    if q.unit == Unit::Multiple {
        let r = &term.reading;
        term.reading = Reading {
            set: r.set.scale(0.01).shift(1.0),
            strict: r.strict.scale(0.01).shift(1.0),
            central: r.central.map(|c| 1.0 + c / 100.0),
        };
        term.unit = Unit::Multiple;
        term.written = None;
        term.last_digit = None;
        term.steps.push(format!(
            "as a multiple: 1 + growth = {} → {}",
            show_central(&term.reading, &Unit::Multiple),
            show_interval(&term.reading.set, &Unit::Multiple)
        ));
    }
    Ok(term)
}

/// The period a fact that states a change measures it from, normalised:
/// the older of the facts it is derived from; the period its metric names
/// (`growth since 2024`, `from 2023`, `2023 to 2025`); the start of its own
/// span (`2013-2025`); else, for a change over one year (`2025`, or a metric
/// that says `year over year`), the year before.
fn base_period(store: &Store, fact: &crate::store::Fact) -> Option<String> {
    let own = fact.period.map(|p| normalize(store.str(p)));
    if let Some(derived) = &fact.derived {
        let from_other_period = derived
            .from
            .iter()
            .filter_map(|id| store.fact_by_id(id))
            .filter_map(|f| store.fact(f).period)
            .map(|p| normalize(store.str(p)))
            .find(|p| Some(p) != own.as_ref());
        if from_other_period.is_some() {
            return from_other_period;
        }
    }
    let metric = normalize(store.str(fact.metric));
    let words: Vec<&str> = metric.split(' ').collect();
    // "growth from cloud revenue" names no period: only dates count.
    let dated = |word: &str| word.contains(|c: char| c.is_ascii_digit());
    for pair in words.windows(2) {
        if matches!(pair[0], "since" | "from") && dated(pair[1]) {
            return Some(pair[1].to_owned());
        }
        if pair[1] == "to" && dated(pair[0]) {
            return Some(pair[0].to_owned());
        }
    }
    let own = own?;
    if let Some(since) = own.strip_prefix("since ") {
        return Some(since.to_owned());
    }
    if let Some((start, _)) = own.split_once('-') {
        return Some(start.to_owned());
    }
    let year: i32 = own.parse().ok().filter(|y| (1000..10000).contains(y))?;
    Some((year - 1).to_string())
}

/// The claim's side of a comparison, in the same units as the facts' side.
struct Stated {
    set: Interval,
    strict: Interval,
    central: Option<f64>,
    truncated: Option<Interval>,
}

/// The claim's interval; `truncation` allows reading its digits as cut off.
fn stated(op: Op, q: &Quantity, tolerance: f64, truncation: bool) -> Stated {
    let r = q.reading(tolerance);
    let point = q.low.value() * q.unit.factor();
    match op {
        Op::Eq => Stated {
            set: r.set,
            strict: r.strict,
            central: r.central,
            truncated: q.truncated().filter(|_| truncation),
        },
        Op::Approx => {
            let slack = point.abs() * tolerance;
            Stated {
                set: r.set.hull(&Interval::closed(point - slack, point + slack)),
                strict: r.strict,
                central: r.central,
                truncated: None,
            }
        }
        Op::Gt | Op::Ge | Op::Lt | Op::Le => {
            let bound = match op {
                Op::Gt => Interval::above(point, false),
                Op::Ge => Interval::above(point, true),
                Op::Lt => Interval::below(point, false),
                _ => Interval::below(point, true),
            };
            Stated {
                set: bound,
                strict: bound,
                central: None,
                truncated: None,
            }
        }
    }
}

fn compare(ctx: &Ctx<'_>, term: &Term, op: Op, q: &Quantity) -> Result<Outcome, Failure> {
    // `A / B = 54%`: a computed ratio stated as a percentage (a share).
    let as_share;
    let term = if q.unit == Unit::Percent && term.unit == Unit::Multiple && term.written.is_none() {
        let r = &term.reading;
        let mut share = term.clone();
        share.reading = Reading {
            set: r.set.scale(100.0),
            strict: r.strict.scale(100.0),
            central: r.central.map(|c| c * 100.0),
        };
        share.unit = Unit::Percent;
        share.steps.push(format!(
            "as a percentage: × 100 = {} → {}",
            show_central(&share.reading, &Unit::Percent),
            show_interval(&share.reading.set, &Unit::Percent)
        ));
        as_share = share;
        &as_share
    } else {
        term
    };
    let in_facts_dollars;
    let q = match q.in_dollars_of(&term.unit) {
        Some(q) => {
            in_facts_dollars = q;
            &in_facts_dollars
        }
        None => q,
    };
    // `= 0x`, `= 5%` against a count of data centres: a multiple or a share
    // of what? A bare number takes the other side's unit; a count does not
    // turn into a ratio.
    let count_as_ratio = matches!(
        q.unit,
        Unit::Multiple | Unit::Percent | Unit::PercentagePoints
    ) && matches!(term.unit, Unit::Bare | Unit::Noun(_));
    if count_as_ratio {
        return Err(Failure::invalid(
            "unit-mismatch",
            format!(
                "the claim is in {} but the facts are a count ({})",
                q.unit.name(),
                show_central(&term.reading, &term.unit)
            ),
        ));
    }
    if !q.unit.compatible(&term.unit) {
        let hint = match (&q.unit, &term.unit) {
            (Unit::Percent, Unit::PercentagePoints) => " (write the change in pp)",
            (Unit::PercentagePoints, Unit::Percent) => {
                " (a share is in %, a difference of shares in pp)"
            }
            _ => "",
        };
        return Err(Failure::invalid(
            "unit-mismatch",
            format!(
                "the claim is in {} but the facts are in {}{hint}",
                q.unit.name(),
                term.unit.name()
            ),
        ));
    }
    // A bare number is read in the other side's unit (`29.6` against `29.6 GW`).
    let in_facts_unit;
    let q = if q.unit == Unit::Bare && term.unit != Unit::Bare {
        in_facts_unit = Quantity {
            unit: term.unit.clone(),
            ..q.clone()
        };
        &in_facts_unit
    } else {
        q
    };
    let term_scale = match &term.unit {
        Unit::Bare => q.unit.factor(),
        _ => 1.0,
    };
    let value = Reading {
        set: term.reading.set.scale(term_scale),
        strict: term.reading.strict.scale(term_scale),
        central: term.reading.central.map(|c| c * term_scale),
    };
    let unit = term.unit.more_specific(&q.unit);
    // Digits can be cut off only where the facts have digits to cut: 21 is
    // no truncation of a count of 20, $285 billion may be one of $285.9 billion.
    // (A part in a million keeps float noise, as in 0.1 GW against 100 MW,
    // from telling equal digits apart.)
    let truncation = term
        .last_digit
        .is_none_or(|facts| last_digit(q) > facts * 1.000_001);
    let claim = stated(op, q, ctx.tolerance, truncation);
    let stated_text = match op {
        Op::Eq => q.text.to_string(),
        op => format!("{} {}", op.as_str(), q.text),
    };
    let expected = match &term.written {
        Some(written) => written.clone(),
        None => format!(
            "{} {}",
            show_central(&value, &unit),
            show_interval(&value.set, &unit)
        ),
    };
    let mut arithmetic = term.steps.clone();
    arithmetic.push(format!(
        "claim: {stated_text} → {}",
        show_interval(&claim.set, &unit)
    ));
    let (verdict, note) = judge(&claim, &value, op, q, &unit, ctx.tolerance);
    let (loose_reason, reason) = match verdict {
        Verdict::MissingProvenance => (
            None,
            note.map(|why| format!("the facts give only {expected}: {why}")),
        ),
        _ => (note, None),
    };
    ctx.record(|| Step::Compare {
        stated: stated_text.clone(),
        op,
        claim: claim.set,
        claim_strict: claim.strict,
        claim_central: claim.central,
        truncated: claim.truncated,
        value,
        unit: unit.clone(),
        tolerance: ctx.tolerance,
        verdict,
        loose_reason: loose_reason.clone(),
    });
    let difference = (verdict == Verdict::Mismatch).then(|| difference(&claim, &value, &unit));
    Ok(Outcome {
        verdict: Some(verdict),
        loose_reason,
        stated: Some(stated_text),
        expected: Some(expected),
        difference,
        arithmetic,
        facts: term.facts.clone(),
        code: reason.is_some().then_some("bound-only"),
        reason,
        ..Outcome::default()
    })
}

/// Match when the claim's interval meets the facts'; loose when it meets them
/// only through a tolerance, a truncated reading, or the rounding edges.
///
/// Facts that only bound the value ("over 60%") back a claim only when they
/// imply it (`> 50%`); a claim they merely allow (`= 99%`, `> 70%`) is
/// missing provenance. The text returned is a match's loose reason, or why
/// the bound does not back the claim.
fn judge(
    claim: &Stated,
    value: &Reading,
    op: Op,
    q: &Quantity,
    unit: &Unit,
    tolerance: f64,
) -> (Verdict, Option<String>) {
    let truncated_fits = |facts: &Interval| claim.truncated.is_some_and(|t| t.overlaps(facts));
    let truncation = || {
        Some(format!(
            "holds only if `{}` was truncated rather than rounded (the facts give {})",
            q.text,
            show_central(value, unit)
        ))
    };
    if !value.set.is_bounded() && claim.set.overlaps(&value.set) && !claim.set.includes(&value.set)
    {
        return (
            Verdict::MissingProvenance,
            Some(format!(
                "a bound, which allows {} but does not state it",
                q.text
            )),
        );
    }
    if !claim.set.overlaps(&value.set) {
        return if truncated_fits(&value.set) {
            (Verdict::Match, truncation())
        } else {
            (Verdict::Mismatch, None)
        };
    }
    if !claim.strict.overlaps(&value.strict) {
        if truncated_fits(&value.strict) {
            return (Verdict::Match, truncation());
        }
        let word = match (op, q.qualifier) {
            (Op::Approx, _) => "~".to_owned(),
            (_, Some(qualifier)) if qualifier.is_approximate() => {
                format!("`{}`", qualifier.as_str())
            }
            _ => "the approximate fact".to_owned(),
        };
        return (
            Verdict::Match,
            Some(format!(
                "holds only within the {}% tolerance of {word}",
                show_number(tolerance * 100.0)
            )),
        );
    }
    // A central value is computed in floats: 90.1 - 50.6 is 39.49999999999999.
    // Within float noise of a closed end, it is on that end; an open end
    // stays out of reach (1.2 million is not `> 1.2 million`).
    let fits = |i: &Interval, c: f64| {
        let near = |end: f64| (c - end).abs() <= c.abs() * 1e-12;
        i.contains(c) || (!i.lo_open && near(i.lo)) || (!i.hi_open && near(i.hi))
    };
    let value_central_fits = value.central.map(|c| fits(&claim.strict, c));
    let claim_central_fits = claim.central.map(|c| fits(&value.strict, c));
    let disagree = value_central_fits != Some(true)
        && claim_central_fits != Some(true)
        && (value_central_fits.is_some() || claim_central_fits.is_some());
    if disagree {
        let detail = match (value.central, op) {
            (Some(c), Op::Eq | Op::Approx) => {
                format!("the facts give {}, not {}", show_number_in(c, unit), q.text)
            }
            (Some(c), op) => format!(
                "the facts give {}, which is not {} {}",
                show_number_in(c, unit),
                op.as_str(),
                q.text
            ),
            (None, _) => format!("{} is only at the edge of what the facts allow", q.text),
        };
        return (
            Verdict::Match,
            Some(format!(
                "holds only at the edge of the rounding intervals: {detail}"
            )),
        );
    }
    (Verdict::Match, None)
}

fn difference(claim: &Stated, value: &Reading, unit: &Unit) -> String {
    match (claim.central, value.central) {
        // Percentages differ by percentage points, not by a percent of a percent.
        (Some(c), Some(v)) if *unit == Unit::Percent => {
            format!(
                "stated {} than the facts give",
                show_signed(c - v, &Unit::PercentagePoints)
            )
        }
        (Some(c), Some(v)) if v != 0.0 => {
            let relative = (c - v) / v.abs() * 100.0;
            let sign = if relative > 0.0 { "+" } else { "" };
            format!(
                "stated {} than the facts give ({sign}{}%)",
                show_signed(c - v, unit),
                show_number(relative)
            )
        }
        _ => match claim.set.distance(&value.set) {
            // `< 60%` against "over 60%": the two meet at an end one excludes.
            0.0 => {
                let edge = if claim.set.hi <= value.set.lo {
                    claim.set.hi
                } else {
                    claim.set.lo
                };
                format!(
                    "the claim and the facts share no value: they meet only at {}, which one of them excludes",
                    show_number_in(edge, unit)
                )
            }
            gap => format!("{} outside what the facts allow", show_number_in(gap, unit)),
        },
    }
}

fn show_signed(x: f64, unit: &Unit) -> String {
    let text = show_number_in(x.abs(), unit);
    if x < 0.0 {
        format!("{text} lower")
    } else {
        format!("{text} higher")
    }
}

/// Four significant digits, trailing zeros trimmed.
pub(crate) fn show_number(x: f64) -> String {
    show_digits(x, 4)
}

fn show_digits(x: f64, significant: i32) -> String {
    if x == 0.0 || !x.is_finite() {
        return if x.is_nan() {
            "?".to_owned()
        } else {
            format!("{x}")
        };
    }
    let magnitude = x.abs().log10().floor() as i32;
    let decimals = (significant - 1 - magnitude).max(0) as usize;
    let text = format!("{x:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A number in a unit, with a magnitude word for large amounts.
pub(crate) fn show_number_in(x: f64, unit: &Unit) -> String {
    show_number_in_digits(x, unit, 4)
}

fn show_number_in_digits(x: f64, unit: &Unit, digits: i32) -> String {
    let show_number = |x: f64| show_digits(x, digits);
    if !x.is_finite() {
        return if x > 0.0 {
            "∞".to_owned()
        } else {
            "-∞".to_owned()
        };
    }
    let scaled = |x: f64| {
        let abs = x.abs();
        if abs >= 1e12 {
            format!("{} trillion", show_number(x / 1e12))
        } else if abs >= 1e9 {
            format!("{} billion", show_number(x / 1e9))
        } else if abs >= 1e6 {
            format!("{} million", show_number(x / 1e6))
        } else {
            show_number(x)
        }
    };
    match unit {
        Unit::Bare => scaled(x),
        Unit::Percent => format!("{}%", show_number(x)),
        Unit::PercentagePoints => format!("{}pp", show_number(x)),
        Unit::Multiple => format!("{}x", show_number(x)),
        Unit::Currency(code) if code == "USD" => {
            if x < 0.0 {
                format!("-${}", scaled(-x))
            } else {
                format!("${}", scaled(x))
            }
        }
        Unit::Currency(code) => format!("{code} {}", scaled(x)),
        Unit::Measure(m) => format!("{} {}", show_number(x / m.factor), m.symbol),
        Unit::Noun(noun) => format!("{} {noun}", scaled(x)),
    }
}

fn show_central(r: &Reading, unit: &Unit) -> String {
    match r.central {
        Some(c) => show_number_in(c, unit),
        None => show_interval(&r.set, unit),
    }
}

pub(crate) fn show_interval(i: &Interval, unit: &Unit) -> String {
    let open = if i.lo_open { '(' } else { '[' };
    let close = if i.hi_open { ')' } else { ']' };
    // Five significant digits, or as many more as it takes to show the ends apart.
    let width = i.hi - i.lo;
    let scale = i.lo.abs().max(i.hi.abs());
    let digits = if width > 0.0 && width.is_finite() && scale > 0.0 {
        ((scale / width).log10().ceil() as i32 + 1).clamp(5, 9)
    } else {
        5
    };
    format!(
        "{open}{}, {}{close}",
        show_number_in_digits(i.lo, unit, digits),
        show_number_in_digits(i.hi, unit, digits)
    )
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

//! `claimcheck explain "CLAIM"`: every step of a check, in words.
//!
//! An editor who has never seen the tool should be able to read why a claim
//! matched or not: how its phrases were split into subject, metric and
//! period (and which splits were rejected), which facts were chosen and why,
//! what interval each number stands for, the arithmetic, and the verdict with
//! the reason it is, or is not, loose.
//!
//! The narrative follows the steps `check` itself recorded
//! ([`crate::check::Step`]), so it cannot drift from the real verdict; only
//! the list of rejected splits is rebuilt here, from the store's vocabulary,
//! the way the resolver reads a phrase.

use std::fmt::Write as _;

use crate::check::{self, Explained, Options, Step, show_interval, show_number_in};
use crate::claim::{Claim, Op, Reference};
use crate::interval::Interval;
use crate::render;
use crate::report::{ClaimReport, FactRef, Verdict};
use crate::resolve::{Candidates, Resolution};
use crate::store::{Store, normalize};

mod readings;
mod wording;

use readings::{SplitOutcome, read_phrase};
use wording::{capitalized, form, list_facts, not_loose, plural};

/// An explanation: the check's report and the text that walks through it.
#[derive(Debug, Clone)]
pub struct Explanation {
    pub report: ClaimReport,
    pub text: String,
}

/// Explains one claim as `check -e CLAIM [--period P]` would judge it.
pub fn explain(store: &Store, claim: &str, period: Option<&str>, options: &Options) -> Explanation {
    let explained = check::explain_expression(store, claim, period, options);
    let text = Writer {
        store,
        raw: claim.trim(),
        period,
        out: String::new(),
        step: 0,
        told_how_phrases_read: false,
        linked: false,
    }
    .write(&explained);
    Explanation {
        report: explained.report,
        text,
    }
}

struct Writer<'a> {
    store: &'a Store,
    /// The claim as given, citation and all.
    raw: &'a str,
    /// The `--period` the claim was checked with.
    period: Option<&'a str>,
    out: String,
    step: usize,
    /// How phrases are read is said once, at the first phrase.
    told_how_phrases_read: bool,
    /// A phrase was linked by its words: the match is loose for that.
    linked: bool,
}

impl Writer<'_> {
    fn line(&mut self, indent: usize, text: impl AsRef<str>) {
        let _ = writeln!(self.out, "{}{}", "  ".repeat(indent), text.as_ref());
    }

    fn heading(&mut self, text: impl AsRef<str>) {
        self.step += 1;
        let _ = writeln!(self.out, "\n{}. {}", self.step, text.as_ref());
    }

    fn write(mut self, explained: &Explained) -> String {
        let report = &explained.report;
        self.line(0, format!("Claim: {}", self.raw));
        let Some(claim) = &explained.claim else {
            self.line(0, "The claim could not be read, so nothing was looked up.");
            if let Some(reason) = &report.reason {
                // The line as written, with a caret under the column where reading stopped.
                let before: String = report
                    .text
                    .chars()
                    .take(report.column.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                self.line(1, &report.text);
                self.line(1, format!("{before}^ {reason} (column {})", report.column));
            }
            self.verdict(report);
            return self.out;
        };
        self.line(0, format!("Form: {}.", form(self.store, claim)));
        self.rules(claim);
        let mut cited_search_failed = false;
        for step in &explained.steps {
            match step {
                Step::Resolve {
                    reference,
                    source,
                    default_period,
                    candidates,
                    resolution,
                } => {
                    // check looks again without the citation when the cited
                    // source has nothing: is the number right at all?
                    if source.is_some() {
                        cited_search_failed |= matches!(resolution, Resolution::NotFound(_));
                    } else if cited_search_failed && source.is_none() {
                        cited_search_failed = false;
                        self.line(
                            0,
                            "\nThe cited source has no such fact. To tell whether the number is right at all, the whole store is searched again, without the citation.",
                        );
                    }
                    self.resolve(
                        reference,
                        *source,
                        default_period.as_deref(),
                        candidates,
                        resolution,
                    );
                }
                Step::Sibling {
                    other,
                    like,
                    period,
                    found,
                } => self.sibling(other, *like, period.as_deref(), found),
                Step::SameWords { phrase, found } => self.same_words(phrase, *found),
                Step::StatedChange {
                    period,
                    tried,
                    candidates,
                } => self.stated_change(period, tried, candidates),
                Step::Compare { .. } => {}
                Step::Provenance { .. } | Step::CitedElsewhere { .. } => {}
                Step::Linked { link } => self.linked(link),
            }
        }
        if !report.arithmetic.is_empty() {
            self.heading("The numbers as intervals, and the arithmetic");
            self.line(
                1,
                "Every number stands for the values its digits allow: `23` for [22.5, 23.5), `$285.9 billion` for ±$0.05 billion; `about` and `nearly` widen that by the tolerance. Arithmetic on intervals keeps every value the inputs allow.",
            );
            for step in &report.arithmetic {
                self.line(1, format!("│ {step}"));
            }
        }
        let compares: Vec<&Step> = explained
            .steps
            .iter()
            .filter(|s| matches!(s, Step::Compare { .. }))
            .collect();
        if !compares.is_empty() {
            self.heading(if compares.len() == 1 {
                "The comparison".to_owned()
            } else {
                format!("The comparisons, one for each of {} values", compares.len())
            });
            for (i, step) in compares.iter().enumerate() {
                if compares.len() > 1 {
                    self.line(1, format!("({})", i + 1));
                }
                self.compare(step);
            }
        }
        for step in &explained.steps {
            match step {
                Step::Provenance { was, .. } => {
                    self.heading("Provenance");
                    let problems: Vec<String> = report
                        .facts
                        .iter()
                        .filter_map(|f| match (&f.source, &f.locator) {
                            (None, _) => Some(format!("`{}` names no source document", f.id)),
                            (Some(_), None) => Some(format!(
                                "`{}` does not say where in its source it is stated (no chapter, section, page, figure or table)",
                                f.id
                            )),
                            _ => None,
                        })
                        .collect();
                    self.line(
                        1,
                        format!(
                            "On the numbers alone this is a {}, but a verdict must rest on facts an editor can find in their source, and {}.",
                            was.as_str(),
                            problems.join("; ")
                        ),
                    );
                }
                Step::CitedElsewhere { sources } => {
                    self.heading("The cited source");
                    self.line(
                        1,
                        format!(
                            "The claim cites a source that does not state this; {} does. The number may be right, but not with this citation.",
                            sources.join(", ")
                        ),
                    );
                }
                _ => {}
            }
        }
        self.verdict(report);
        self.sources(report);
        self.out
    }

    /// What applies to the whole claim: its citation and default period.
    fn rules(&mut self, claim: &Claim) {
        if let Some(cite) = &claim.cite {
            self.line(
                0,
                format!("Citation: `@source {cite}`: only facts of source `{cite}` count."),
            );
        }
        if let Some(p) = self.period {
            self.line(
                0,
                format!("Default period: {p} (from --period), used where a phrase names none."),
            );
        }
    }

    fn resolve(
        &mut self,
        reference: &Reference,
        source: Option<usize>,
        default_period: Option<&str>,
        candidates: &Candidates,
        resolution: &Resolution,
    ) {
        let store = self.store;
        self.heading(format!("Which fact is `{reference}`?"));
        match reference {
            Reference::FactId(id) => {
                self.line(
                    1,
                    format!("`{{{id}}}` names one fact by its id: no splitting."),
                );
            }
            Reference::Explicit {
                subject,
                metric,
                period,
            } => {
                let part = |p: &Option<String>| p.clone().unwrap_or_else(|| "(any)".to_owned());
                self.line(
                    1,
                    format!(
                        "The braces name the parts directly, with no splitting: subject {}, metric {}, period {}.",
                        part(subject),
                        part(metric),
                        part(period)
                    ),
                );
            }
            Reference::Phrase(phrase) => self.splits(phrase, source),
        }
        if let Some(s) = source {
            self.line(
                1,
                format!(
                    "Only facts of source `{}` count.",
                    store.sources.get(s).map_or("?", |s| s.id.as_str())
                ),
            );
        }
        let facts = &candidates.facts;
        if !facts.is_empty() {
            self.line(
                1,
                format!(
                    "{} named: {}.",
                    plural(facts.len(), "fact is", "facts are"),
                    list_facts(store, facts, 8)
                ),
            );
        }
        match resolution {
            Resolution::Found(f) => {
                let why = if facts.len() == 1 {
                    "it is the only one".to_owned()
                } else {
                    match (candidates.period, default_period) {
                        (None, Some(d)) => format!(
                            "the phrase names no period, and the default period {d} ({}) keeps only this one",
                            self.period_origin(d)
                        ),
                        _ => "it is the only one left".to_owned(),
                    }
                };
                let fact = FactRef::new(store, store.fact(*f));
                self.line(
                    1,
                    format!(
                        "Chosen: {} ({} = {}), because {why}.",
                        fact.id,
                        fact.name(),
                        fact.value
                    ),
                );
            }
            Resolution::Ambiguous(left) => {
                let period_note = match (candidates.period, default_period) {
                    (Some(p), _) => format!("all are in the period it names ({})", store.str(p)),
                    (None, Some(d)) if left.len() < facts.len() => {
                        format!("the default period {d} still leaves {}", left.len())
                    }
                    (None, Some(d)) => {
                        format!("none of them is in the default period {d}, so it picks none")
                    }
                    (None, None) => "the claim names no period and there is no default".to_owned(),
                };
                let which = if left.len() == facts.len() {
                    "them".to_owned()
                } else {
                    list_facts(store, left, 8)
                };
                self.line(
                    1,
                    format!(
                        "Not chosen: {period_note}; nothing else in the claim picks one of {which}. Name the subject, metric or period, or use {{fact-id}}."
                    ),
                );
            }
            Resolution::NotFound(reason) => {
                self.line(1, format!("Nothing found: {reason}."));
            }
        }
    }

    /// Where a default period came from: --period, or the first side's fact.
    fn period_origin(&self, period: &str) -> &'static str {
        if self
            .period
            .is_some_and(|p| normalize(p) == normalize(period))
        {
            "from --period"
        } else {
            "the period of the fact on the other side"
        }
    }

    /// How the phrase was split, rebuilt the way the resolver reads it.
    fn splits(&mut self, phrase: &str, source: Option<usize>) {
        let store = self.store;
        if !self.told_how_phrases_read {
            self.told_how_phrases_read = true;
            self.line(
                1,
                "A phrase is read with the store's vocabulary: a period the store uses at its end, then a subject and a metric (names or aliases, in any case).",
            );
        }
        let readings = read_phrase(store, phrase, source);
        let mut unknown = 0;
        for (i, reading) in readings.iter().enumerate() {
            let head = match &reading.period {
                Some(p) => format!("Ending in the period `{p}`, the rest `{}`:", reading.rest),
                None if readings.len() > 1 => {
                    format!("With no period, the whole phrase `{}`:", reading.rest)
                }
                None => format!(
                    "The phrase does not end in a period the store uses; the whole phrase `{}`:",
                    reading.rest
                ),
            };
            self.line(1, head);
            let mut listed = 0;
            for split in &reading.splits {
                if !matches!(split.outcome, SplitOutcome::Unknown) {
                    listed += 1;
                }
                match &split.outcome {
                    SplitOutcome::Names(n) => self.line(
                        2,
                        format!(
                            "✓ {}: names {}",
                            split.describe(store),
                            plural(*n, "fact", "facts")
                        ),
                    ),
                    SplitOutcome::Rejected(why) => {
                        self.line(2, format!("✗ {}: {why}", split.describe(store)));
                    }
                    SplitOutcome::Unknown => unknown += 1,
                }
            }
            if unknown > 0 {
                let (one, many) = if listed > 0 {
                    ("other split names", "other splits name")
                } else {
                    ("split names", "splits name")
                };
                self.line(
                    2,
                    format!(
                        "✗ {} neither a subject nor a metric the store knows",
                        plural(unknown, one, many)
                    ),
                );
                unknown = 0;
            }
            if reading.chosen {
                if i + 1 < readings.len() {
                    self.line(
                        2,
                        "This reading names facts, so the readings after it are not tried.",
                    );
                }
                break;
            }
        }
    }

    fn sibling(&mut self, other: &str, like: u32, period: Option<&str>, found: &[u32]) {
        let store = self.store;
        let base = store.fact(like);
        let metric = store.str(base.metric);
        self.heading(format!("Which fact is `{other}`?"));
        match period {
            Some(p) => self.line(
                1,
                format!(
                    "`{other}` is a period: the other side is the same subject and metric ({} · {metric}) in {p}.",
                    store.str(base.subject)
                ),
            ),
            None => self.line(
                1,
                format!(
                    "`{other}` names a subject: the other side is the same metric ({metric}){} for it.",
                    base.period
                        .map(|p| format!(" in the same period ({})", store.str(p)))
                        .unwrap_or_default()
                ),
            ),
        }
        match found {
            [] => self.line(1, "No fact gives that."),
            [one] => {
                let fact = FactRef::new(store, store.fact(*one));
                self.line(
                    1,
                    format!("Chosen: {} ({} = {}).", fact.id, fact.name(), fact.value),
                );
            }
            many => self.line(
                1,
                format!(
                    "Not chosen: several facts give it: {}.",
                    list_facts(store, many, 8)
                ),
            ),
        }
    }

    /// A phrase no name matched word for word, read by its words instead.
    fn linked(&mut self, link: &crate::report::PhraseLink) {
        self.linked = true;
        self.heading(format!(
            "`{}` names no fact word for word, so its words are linked to the store's names",
            link.phrase
        ));
        self.line(
            1,
            format!(
                "Every telling word of it is in the names of `{}` ({}), and most of the metric's name is in it.",
                link.name(),
                link.matched_words()
            ),
        );
        if let Some(next) = &link.runner_up {
            self.line(
                1,
                format!(
                    "It scores {} against {} for the next, `{} · {}`: it leads by the margin, so it is chosen.",
                    link.score, next.score, next.subject, next.metric
                ),
            );
        }
        if let Some(id) = &link.fact {
            self.line(
                1,
                format!(
                    "Its fact for the claim's period: {id}. A match through this link is loose."
                ),
            );
        }
    }

    fn same_words(&mut self, phrase: &str, found: Option<u32>) {
        match found {
            Some(f) => {
                let fact = FactRef::new(self.store, self.store.fact(f));
                self.line(
                    1,
                    format!(
                        "The claim's own words at that period, `{phrase}`, name one fact (its metric is spelled differently): chosen {} ({} = {}).",
                        fact.id,
                        fact.name(),
                        fact.value
                    ),
                );
            }
            None => self.line(
                1,
                format!(
                    "The claim's own words at that period, `{phrase}`, name no single fact either."
                ),
            ),
        }
    }

    fn stated_change(&mut self, period: &str, tried: &[String], candidates: &[u32]) {
        self.line(
            1,
            format!(
                "No fact gives a level for {period} to compute the change from, so a fact that states the change itself was looked for: {}.",
                tried
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(", then ")
            ),
        );
        if candidates.is_empty() {
            self.line(1, "None was found.");
        } else {
            self.line(
                1,
                format!(
                    "The last of these names {}; the next step compares with it.",
                    list_facts(self.store, candidates, 8)
                ),
            );
        }
    }

    fn compare(&mut self, step: &Step) {
        let Step::Compare {
            stated,
            op,
            claim,
            claim_strict,
            claim_central,
            truncated,
            value,
            unit,
            tolerance,
            verdict,
            loose_reason,
        } = step
        else {
            return;
        };
        let shown = |i: &Interval| show_interval(i, unit);
        let number = |x: f64| show_number_in(x, unit);
        let claim_words = match op {
            Op::Gt | Op::Ge | Op::Lt | Op::Le => {
                format!("The claim `{stated}` allows every value {}", shown(claim))
            }
            Op::Approx => format!(
                "The claim `{stated}` allows {}: its digits and {}% either side (the tolerance of ~)",
                shown(claim),
                check::show_number(tolerance * 100.0)
            ),
            Op::Eq if claim != claim_strict => format!(
                "The claim `{stated}` allows {} ({} from its digits, widened by the {}% tolerance of its qualifier)",
                shown(claim),
                shown(claim_strict),
                check::show_number(tolerance * 100.0)
            ),
            Op::Eq => format!("The claim `{stated}` allows {}", shown(claim)),
        };
        self.line(1, format!("{claim_words}."));
        let facts_words = match value.central {
            Some(c) if value.set == value.strict => format!(
                "The facts give {}, which stands for {}.",
                number(c),
                shown(&value.set)
            ),
            Some(c) => format!(
                "The facts give {}, which stands for {} ({} without the tolerance of `about` or `nearly`).",
                number(c),
                shown(&value.set),
                shown(&value.strict)
            ),
            None => format!("The facts allow {}.", shown(&value.set)),
        };
        self.line(1, facts_words);
        match verdict {
            Verdict::Match => {
                if claim.overlaps(&value.set) {
                    self.line(1, "The two intervals meet, so the claim matches the facts.");
                } else {
                    self.line(
                        1,
                        "The two intervals do not meet as rounded numbers, but they do if the claim's digits were cut off rather than rounded.",
                    );
                }
                match loose_reason {
                    Some(reason) => self.line(1, format!("Loose: it {reason}.")),
                    None => {
                        let why = not_loose(claim_strict, *claim_central, value, unit);
                        if self.linked {
                            self.line(1, format!("The comparison itself is exact: {why}."));
                        } else {
                            self.line(1, format!("Not loose: {why}."));
                        }
                    }
                }
            }
            Verdict::Mismatch => {
                let gap = claim.distance(&value.set);
                let truncation = if truncated.is_some() {
                    " Not even reading the claim's digits as cut off (truncated) rather than rounded makes them meet."
                } else {
                    ""
                };
                self.line(
                    1,
                    format!(
                        "The two intervals do not meet: they are {} apart, so no rounding of the claim or of the facts reconciles them.{truncation}",
                        number(gap)
                    ),
                );
            }
            Verdict::MissingProvenance => self.line(
                1,
                "The facts only bound the value: they allow the claim's values without stating them, so they do not back it.",
            ),
            _ => {}
        }
    }

    fn verdict(&mut self, report: &ClaimReport) {
        self.heading(format!(
            "Verdict: {}{}",
            report.verdict.as_str(),
            if report.loose { " (loose)" } else { "" }
        ));
        let why = match report.verdict {
            Verdict::Match if report.loose && !report.resolved.is_empty() => {
                "the source supports the claim, but only loosely: a phrase named its fact by its words, not by the fact's name (see above)".to_owned()
            }
            Verdict::Match if report.loose => {
                "the source supports the claim, but only loosely (see above)".to_owned()
            }
            Verdict::Match => "the source supports the claim at the precision it states".to_owned(),
            Verdict::Mismatch => format!(
                "the source says otherwise: expected {}, stated {}{}",
                report.expected.as_deref().unwrap_or("?"),
                report.stated.as_deref().unwrap_or("?"),
                report
                    .difference
                    .as_deref()
                    .map(|d| format!("; {d}"))
                    .unwrap_or_default()
            ),
            Verdict::MissingProvenance => {
                let case = match report.code {
                    Some("no-fact") => "no fact in the store answers the claim",
                    Some("no-provenance") => "the fact exists but has no usable source",
                    Some("not-in-cited-source") => "the cited source does not state it",
                    Some("bound-only") => {
                        "the source gives only a bound, which does not imply the claim"
                    }
                    _ => "no sourced fact backs it",
                };
                format!(
                    "{case} [{}]: {}",
                    report.code.unwrap_or("missing-provenance"),
                    report.reason.as_deref().unwrap_or("")
                )
            }
            Verdict::Ambiguous => format!(
                "several facts answer it and nothing in the claim picks one: {}",
                report.reason.as_deref().unwrap_or("")
            ),
            Verdict::Invalid => format!(
                "the claim cannot be compared [{}]: {}",
                report.code.unwrap_or("invalid"),
                report.reason.as_deref().unwrap_or("")
            ),
        };
        self.line(1, format!("{}.", capitalized(&why)));
    }

    /// The provenance chain of every fact the verdict rests on.
    fn sources(&mut self, report: &ClaimReport) {
        if report.facts.is_empty() && report.candidates.is_empty() {
            return;
        }
        self.heading("Where to check it");
        for fact in &report.facts {
            let mut chain = String::new();
            render::provenance(&mut chain, fact, "  ", "");
            self.out.push_str(&chain);
        }
        // Candidates are many and none was used: one line each.
        for fact in &report.candidates {
            let place = fact
                .locator
                .as_ref()
                .map(|l| l.describe())
                .unwrap_or_else(|| "no locator".to_owned());
            self.line(
                1,
                format!(
                    "candidate {}: {} = {} ({place})",
                    fact.id,
                    fact.name(),
                    fact.value
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests;

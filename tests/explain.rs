use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use claimcheck::check::Options;
use claimcheck::explain;
use claimcheck::report::Verdict;
use claimcheck::store::Store;
use insta_cmd::assert_cmd_snapshot;

use crate::util::{bundled, root, settings};

/// A store with two sources and a fact without a locator: citations and provenance.
fn two_sources() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let (store, _) = Store::load_partial(Path::new("tests/fixtures/lint/citations")).unwrap();
        store
    })
}

/// Explains a claim, checks its verdict and pins the text.
#[track_caller]
fn explained(name: &str, store: &Store, claim: &str, period: Option<&str>, verdict: Verdict) {
    let explanation = explain::explain(store, claim, period, &Options::default());
    assert_eq!(explanation.report.verdict, verdict, "{claim}");
    settings("explain").bind(|| insta::assert_snapshot!(name, explanation.text));
}

// One explanation for each claim form.

#[test]
fn value() {
    explained(
        "value",
        bundled(),
        "US private AI investment 2025 = $285.9 billion",
        None,
        Verdict::Match,
    );
}

/// A phrase that names no fact word for word, linked by its words.
#[test]
fn paraphrase_linked_by_its_words() {
    explained(
        "paraphrase",
        bundled(),
        "AI adoption among organizations = 88%",
        Some("2025"),
        Verdict::Match,
    );
}

#[test]
fn bound() {
    explained(
        "bound",
        bundled(),
        "NVIDIA share of AI compute 2025 > 60%",
        None,
        Verdict::Match,
    );
}

/// A bound in the store allows the claim's value without stating it.
#[test]
fn bound_only() {
    explained(
        "bound-only",
        bundled(),
        "NVIDIA share of AI compute 2025 = 99%",
        None,
        Verdict::MissingProvenance,
    );
}

/// A default period the store has no fact for: the periods it has are named.
#[test]
fn period_without_facts() {
    explained(
        "period-without-facts",
        bundled(),
        "OpenAI notable AI models = 20",
        Some("1999"),
        Verdict::MissingProvenance,
    );
}

#[test]
fn approximation() {
    explained(
        "approximation",
        bundled(),
        "global AI compute capacity 2025 ~ 17 million H100-equivalents",
        None,
        Verdict::Match,
    );
}

#[test]
fn ratio_against_a_subject() {
    explained(
        "ratio-subject",
        bundled(),
        "US private AI investment = 23x China",
        Some("2025"),
        Verdict::Match,
    );
}

#[test]
fn ratio_against_a_period() {
    explained(
        "ratio-period",
        bundled(),
        "global corporate AI investment 2025 >= 2x 2024",
        None,
        Verdict::Match,
    );
}

/// Computed from the two years' levels.
#[test]
fn relative_change() {
    explained(
        "relative-change",
        bundled(),
        "reported AI incidents 2025 = +55% vs 2024",
        None,
        Verdict::Match,
    );
}

/// The prior year's figure is a differently spelled metric; the claim's own
/// words at the other period name it.
#[test]
fn relative_change_from_the_same_words() {
    explained(
        "relative-change-same-words",
        bundled(),
        "US consumer surplus early 2026 = +54% vs early 2025",
        None,
        Verdict::Match,
    );
}

/// No level for 2024: the store's stated growth answers it.
#[test]
fn relative_change_from_a_stated_growth() {
    explained(
        "relative-change-stated",
        bundled(),
        "global private AI investment 2025 = +127.5% vs 2024",
        None,
        Verdict::Match,
    );
}

#[test]
fn percentage_point_change() {
    explained(
        "pp-change",
        bundled(),
        "firms without a responsible AI policy: 2024 -> 2025 = -13pp",
        None,
        Verdict::Match,
    );
}

#[test]
fn chain() {
    explained(
        "chain",
        bundled(),
        "Foundation Model Transparency Index: 2023 -> 2024 -> 2025 = 37 -> 58 -> 40",
        None,
        Verdict::Match,
    );
}

#[test]
fn range() {
    explained(
        "range",
        bundled(),
        "hallucination rate across models 2026 = 22%..94%",
        None,
        Verdict::Match,
    );
}

/// Holds only at the edge of rounding: 72.35% - 66.3% = 6.05pp.
#[test]
fn arithmetic() {
    explained(
        "arithmetic",
        bundled(),
        "human OSWorld task success - top agent OSWorld task success early 2026 < 6pp",
        None,
        Verdict::Match,
    );
}

#[test]
fn explicit_parts() {
    explained(
        "explicit",
        bundled(),
        "{Claude Opus 4.5 | OSWorld accuracy | early 2026} = 66.3%",
        None,
        Verdict::Match,
    );
}

#[test]
fn fact_id() {
    explained(
        "fact-id",
        bundled(),
        "{p-clockbench-ch2} = 50.6%",
        None,
        Verdict::Match,
    );
}

// One explanation for each verdict (match is above).

#[test]
fn loose_by_truncation() {
    explained(
        "loose-truncated",
        bundled(),
        "US private AI investment 2025 = $285 billion",
        None,
        Verdict::Match,
    );
}

#[test]
fn mismatch() {
    explained(
        "mismatch",
        bundled(),
        "US private AI investment 2025 = $80 billion",
        None,
        Verdict::Mismatch,
    );
}

/// The report's own conflict (conflicts.md C3): two facts, nothing picks one.
#[test]
fn ambiguous() {
    explained(
        "ambiguous",
        bundled(),
        "top-model ClockBench accuracy = 50.6%",
        None,
        Verdict::Ambiguous,
    );
}

#[test]
fn missing_no_fact() {
    explained(
        "missing-no-fact",
        bundled(),
        "Narnia unicorn count 2025 = 5",
        None,
        Verdict::MissingProvenance,
    );
}

#[test]
fn missing_no_provenance() {
    explained(
        "missing-no-provenance",
        two_sources(),
        "Riverton bike-share stations 2025 = 140",
        None,
        Verdict::MissingProvenance,
    );
}

/// The number is right, but the cited source does not state it.
#[test]
fn not_in_cited_source() {
    explained(
        "not-in-cited-source",
        two_sources(),
        "Riverton bike-share trips 2025 = 1.5 million @source council",
        None,
        Verdict::MissingProvenance,
    );
    let right = explain::explain(
        two_sources(),
        "Riverton bike-share trips 2025 = 1.5 million @source review",
        None,
        &Options::default(),
    );
    assert_eq!(right.report.verdict, Verdict::Match);
}

#[test]
fn invalid_units() {
    explained(
        "invalid-units",
        bundled(),
        "US private AI investment 2025 = 60%",
        None,
        Verdict::Invalid,
    );
}

#[test]
fn invalid_syntax() {
    explained(
        "invalid-syntax",
        bundled(),
        "US private AI investment = lots",
        None,
        Verdict::Invalid,
    );
}

fn claimcheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.current_dir(root()).env_clear();
    cmd
}

/// The command exits as `check` would: 1 for anything but a match.
#[test]
fn cli_exit_codes() {
    let code = |claim: &str| {
        claimcheck()
            .args(["explain", claim])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(code("AI incidents 2025 = 362"), Some(0));
    assert_eq!(code("AI incidents 2025 = 300"), Some(1));
    settings("explain").bind(|| {
        assert_cmd_snapshot!(
            "cli-period",
            claimcheck().args(["explain", "AI incidents = 362", "--period", "2025"])
        )
    });
}

/// `@source` at the top of a claims file scopes every claim below it, as a
/// per-claim citation does; the claim's own citation wins.
#[test]
fn a_file_citation_scopes_every_claim() {
    let text = "@source council\n\
                Riverton parks 2025 = 42\n\
                Riverton bike-share trips 2025 = 1.5 million\n\
                Riverton bike-share trips 2025 = 1.5 million @source review\n";
    let reports =
        claimcheck::check::check_text(two_sources(), "cited.claims", text, &Options::default());
    let codes: Vec<(&str, Option<&str>)> = reports
        .iter()
        .map(|r| (r.verdict.as_str(), r.code))
        .collect();
    assert_eq!(
        codes,
        [
            ("match", None),
            ("missing-provenance", Some("not-in-cited-source")),
            ("match", None),
        ]
    );
}

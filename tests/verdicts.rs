use claimcheck::check::{Options, check_expression};
use claimcheck::report::{ClaimReport, Verdict};

use crate::util::bundled;

fn check(claim: &str) -> ClaimReport {
    let mut reports = check_expression(bundled(), claim, None, &Options::default());
    assert_eq!(reports.len(), 1, "{claim}");
    reports.remove(0)
}

#[track_caller]
fn verdict(claim: &str, expected: Verdict, loose: bool) {
    let report = check(claim);
    assert_eq!(
        (report.verdict, report.loose),
        (expected, loose),
        "{claim}\nreason: {:?}\nloose: {:?}\narithmetic: {:#?}",
        report.reason,
        report.loose_reason,
        report.arithmetic
    );
}

/// The canonical names of the reference data resolve with no aliases at all.
#[test]
fn canonical_names_resolve() {
    verdict(
        "United States private AI investment 2025 = $285.9 billion",
        Verdict::Match,
        false,
    );
    verdict(
        "{United States | private AI investment | 2025} = $285.9 billion",
        Verdict::Match,
        false,
    );
    verdict(
        "AI Incident Database reported AI incidents 2025 = 362",
        Verdict::Match,
        false,
    );
    verdict("{e-china-private} = $12.4 billion", Verdict::Match, false);
}

/// Rounding in the source or the claim never produces a mismatch.
#[test]
fn rounding_is_not_a_mismatch() {
    verdict(
        "US private AI investment = 23x China",
        Verdict::Match,
        false,
    );
    verdict(
        "US private AI investment / China private AI investment = 23.1x",
        Verdict::Match,
        false,
    );
    verdict(
        "US private AI investment 2025 = $286 billion",
        Verdict::Match,
        false,
    );
    verdict(
        "global AI compute capacity 2025 = 17 million H100-equivalents",
        Verdict::Match,
        false,
    );
    verdict(
        "global AI compute capacity 2025 ~ 17 million H100-equivalents",
        Verdict::Match,
        false,
    );
    verdict("AI incidents: 2024 -> 2025 = +55%", Verdict::Match, false);
    verdict("AI incidents: 2024 -> 2025 = 1.55x", Verdict::Match, false);
}

/// A number no rounding can reconcile never passes.
#[test]
fn wrong_numbers_are_mismatches() {
    verdict(
        "US private AI investment 2025 = $80 billion",
        Verdict::Mismatch,
        false,
    );
    verdict(
        "GPT-4o people whose annual drinking water needs are exceeded (high estimate) = 12 million",
        Verdict::Mismatch,
        false,
    );
    verdict(
        "AI incidents: 2024 -> 2025 = 233 -> 326",
        Verdict::Mismatch,
        false,
    );
    verdict("AI incidents: 2024 -> 2025 = +5%", Verdict::Mismatch, false);
    verdict(
        "US private AI investment = 24x China",
        Verdict::Mismatch,
        false,
    );
    verdict(
        "Claude Opus 4.5 OSWorld accuracy early 2026 > 70%",
        Verdict::Mismatch,
        false,
    );
}

/// Percent and percentage points are different units: a change in pp is a difference.
#[test]
fn percent_versus_percentage_points() {
    verdict(
        "firms without a responsible AI policy: 2024 -> 2025 = -13pp",
        Verdict::Match,
        false,
    );
    verdict(
        "firms without a responsible AI policy: 2024 -> 2025 = -13%",
        Verdict::Mismatch,
        false,
    );
    verdict(
        "firms without a responsible AI policy: 2024 -> 2025 = -54%",
        Verdict::Match,
        false,
    );
    let report = check("Organizations share with no responsible AI policy 2025 = 11pp");
    assert_eq!(
        (report.verdict, report.code),
        (Verdict::Invalid, Some("unit-mismatch"))
    );
}

/// A currency against a percentage is an error in the claim, not a mismatch.
#[test]
fn unit_clashes_are_invalid() {
    let report = check("US private AI investment 2025 = 60%");
    assert_eq!(
        (report.verdict, report.code),
        (Verdict::Invalid, Some("unit-mismatch"))
    );
    let report = check("US private AI investment 2025 = €285.9 billion");
    assert_eq!(
        (report.verdict, report.code),
        (Verdict::Invalid, Some("unit-mismatch"))
    );
}

/// The three ways a match can be loose, each with its reason.
#[test]
fn loose_matches_say_why() {
    let truncated = check("US private AI investment 2025 = $285 billion");
    assert_eq!(truncated.verdict, Verdict::Match);
    assert!(
        truncated
            .loose_reason
            .as_deref()
            .unwrap()
            .contains("truncated"),
        "{truncated:?}"
    );

    let edge = check("human OSWorld task success - top agent OSWorld task success < 6pp");
    assert_eq!(edge.verdict, Verdict::Match);
    assert!(
        edge.loose_reason
            .as_deref()
            .unwrap()
            .contains("edge of the rounding"),
        "{edge:?}"
    );

    let approximate = check("US private AI investment 2025 ~ $300 billion");
    assert_eq!(approximate.verdict, Verdict::Match);
    assert!(
        approximate
            .loose_reason
            .as_deref()
            .unwrap()
            .contains("5% tolerance"),
        "{approximate:?}"
    );
    verdict(
        "US private AI investment 2025 ~ $320 billion",
        Verdict::Mismatch,
        false,
    );
}

/// The report's own conflicts are ambiguous unless the claim names which fact.
#[test]
fn conflicting_facts_are_ambiguous() {
    let report = check("United Arab Emirates population AI adoption H2 2025 = 64%");
    assert_eq!(report.verdict, Verdict::Ambiguous, "{report:?}");
    assert_eq!(report.candidates.len(), 2);
    verdict("{e-adoption-uae-diffusion} = 64%", Verdict::Match, false);
    verdict(
        "notable AI models released 2025 = 59",
        Verdict::Ambiguous,
        false,
    );
}

/// A claim that names no subject means the store's default subject (World) when it answers.
#[test]
fn no_subject_means_the_default_subject() {
    verdict(
        "private AI investment 2025 = $344.7 billion",
        Verdict::Match,
        false,
    );
    verdict(
        "private AI investment 2025 = $12.4 billion",
        Verdict::Mismatch,
        false,
    );
}

#[test]
fn unknown_facts_are_missing_provenance() {
    let report = check("Mars private AI investment 2025 = $1 billion");
    assert_eq!(
        (report.verdict, report.code),
        (Verdict::MissingProvenance, Some("no-fact"))
    );
}

/// Stated changes answer a relative change when the levels are not in the store.
#[test]
fn stated_growth_answers_a_change() {
    verdict(
        "global private AI investment 2025 = +127.5% vs 2024",
        Verdict::Match,
        false,
    );
    verdict(
        "global corporate AI investment 2025 >= 2x 2024",
        Verdict::Match,
        false,
    );
}

/// A ratio of counts compared with a percentage is a share.
#[test]
fn ratios_read_as_shares() {
    verdict(
        "{r-notable-models-us} / {r-notable-models-china} > 150%",
        Verdict::Match,
        false,
    );
}

/// Every verdict that rests on facts carries their provenance.
#[test]
fn verdicts_carry_provenance() {
    let report = check("US private AI investment = 23x China");
    assert_eq!(report.facts.len(), 2);
    for fact in &report.facts {
        let source = fact.source.as_ref().unwrap();
        assert_eq!(source.id, "ai-index-2026");
        assert!(fact.locator.as_ref().unwrap().section.is_some());
        assert!(
            fact.url
                .as_deref()
                .unwrap()
                .starts_with("https://hai.stanford.edu/")
        );
    }
}

/// Names may hold an operator between spaces; when the parts name nothing, the whole is tried.
#[test]
fn names_with_operators_resolve_whole() {
    let report = check(
        "Microsoft AI Diagnostic Orchestrator + OpenAI o3 diagnostic accuracy on complex cases 2025 = 85.5%",
    );
    assert_eq!(report.verdict, Verdict::Match, "{report:?}");
    assert_eq!(report.facts.len(), 1);
}

/// The claim forms of DESIGN.md, verbatim, against the bundled store.
#[test]
fn design_examples_get_careful_verdicts() {
    let text = "\
@source ai-index-2026
@period 2025
US private AI investment 2025 = $285.9 billion
AI incidents 2025 = 362
NVIDIA share of AI compute > 60%
Google capital expenditure 2025 > $150B
global AI compute capacity ~ 17 million H100-equivalents
US private AI investment = 23x China
global corporate AI investment 2025 >= 2x 2024
AI incidents: 2024 -> 2025 = 233 -> 362
Foundation Model Transparency Index: 2023 -> 2024 -> 2025 = 37 -> 58 -> 40
private AI investment 2025 = +127.5% vs 2024
firms without a responsible AI policy: 2024 -> 2025 = -13pp
hallucination rate across models = 22%..94%
human OSWorld task success - top agent OSWorld task success < 6pp
US private AI investment / China private AI investment = 23.1x
[us-china-ratio] US private AI investment = 23x China   @L57
";
    let reports =
        claimcheck::check::check_text(bundled(), "design.claims", text, &Options::default());
    assert_eq!(reports.len(), 15);
    for report in &reports {
        // Under `@period 2025` a claim that names no period speaks of 2025;
        // the store measures these two only in 2026, and a 2026 figure backs
        // no 2025 claim.
        let other_period = [("hallucination", "2026"), ("OSWorld", "early 2026")]
            .into_iter()
            .find(|(words, _)| report.text.contains(words));
        if let Some((_, period)) = other_period {
            assert_eq!(report.verdict, Verdict::MissingProvenance, "{report:?}");
            let reason = report.reason.as_deref().unwrap_or_default();
            assert!(
                reason.ends_with(&format!("the store has it for {period}")),
                "{reason}"
            );
            continue;
        }
        assert_eq!(
            report.verdict,
            Verdict::Match,
            "{}: {:?} {:?}",
            report.text,
            report.reason,
            report.arithmetic
        );
        assert!(!report.loose, "{}: {:?}", report.text, report.loose_reason);
    }
}

/// `vs PERIOD` reads the claim's own words at that period, so an alias shared by
/// two spellings of a metric (the surplus, and the surplus a year earlier) answers.
#[test]
fn the_same_words_at_another_period() {
    verdict(
        "US consumer surplus early 2026 = +54% vs early 2025",
        Verdict::Match,
        false,
    );
    verdict(
        "US consumer surplus early 2026 = +60% vs early 2025",
        Verdict::Mismatch,
        false,
    );
}

/// Count words differ from writer to writer; spelled-out emission units convert.
#[test]
fn unit_words_as_writers_write_them() {
    verdict(
        "global AI compute capacity 2025 = 17.1 million H100-equivalent chips",
        Verdict::Match,
        false,
    );
    verdict(
        "Grok 4 estimated training emissions 2025 = 72,816 metric tons of CO2 equivalent",
        Verdict::Match,
        false,
    );
    verdict(
        "Grok 4 estimated training emissions 2025 = 72,816 tonnes CO2e",
        Verdict::Match,
        false,
    );
}

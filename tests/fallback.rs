//! `check` falling back on the linker (issue 9, point 6): a phrase that
//! names no fact word for word is linked by its words, to one fact with a
//! clear margin (a loose verdict, the resolution shown) or to "did you
//! mean" names; a phrase that names a fact exactly is read as before.

use claimcheck::check::{Options, check_expression, check_text};
use claimcheck::render::{self, Detail};
use claimcheck::report::{ClaimReport, Report, Verdict};
use proptest::prelude::*;

use crate::util::{bundled, relative, root, settings};

fn check(claim: &str) -> ClaimReport {
    let mut reports = check_expression(bundled(), claim, Some("2025"), &Options::default());
    assert_eq!(reports.len(), 1);
    reports.remove(0)
}

/// The fact a claim was resolved to by its words, if any.
fn linked_fact(report: &ClaimReport) -> Option<&str> {
    report.resolved.first().and_then(|r| r.fact.as_deref())
}

/// The paraphrases of the fixture, in both formats.
#[test]
fn paraphrased_claims_file() {
    let path = root().join("tests/fixtures/claims/paraphrased.claims");
    let name = relative(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    let report = Report::new(check_text(bundled(), &name, &text, &Options::default()));
    settings("fallback").bind(|| {
        insta::assert_snapshot!(
            "paraphrased.human",
            render::human(&report, false, Detail::Verbose)
        );
        insta::assert_snapshot!("paraphrased.json", render::json(&report));
    });
}

/// A paraphrase that links clearly: checked against the linked fact, the
/// match loose with the resolution as its reason; a wrong value against the
/// same fact is a mismatch.
#[test]
fn a_clear_paraphrase_is_resolved_and_loose() {
    let report = check("AI adoption among organizations = 88%");
    assert_eq!(report.verdict, Verdict::Match);
    assert!(report.loose);
    assert_eq!(linked_fact(&report), Some("e-org-adoption"));
    let reason = report.loose_reason.unwrap();
    assert!(reason.contains("names no fact word for word"), "{reason}");
    let link = &report.resolved[0];
    assert!(
        link.matched
            .iter()
            .any(|(said, name)| said == "organizations" && name == "organizational"),
        "{:?}",
        link.matched
    );
    let runner = link.runner_up.as_ref().expect("a runner-up is recorded");
    assert!(link.score >= 1.25 * runner.score, "{link:?}");

    let wrong = check("AI adoption among organizations = 80%");
    assert_eq!(wrong.verdict, Verdict::Mismatch);
    assert_eq!(linked_fact(&wrong), Some("e-org-adoption"));
}

/// A period in the phrase picks the pair's fact for that period, as exact
/// resolution does.
#[test]
fn the_phrase_period_picks_the_linked_fact() {
    let report = check("company AI adoption 2024 = 78%");
    assert_eq!(report.verdict, Verdict::Match);
    assert_eq!(linked_fact(&report), Some("e-org-adoption-2024"));
}

/// Two names about as near: nothing is chosen, both are offered.
#[test]
fn close_candidates_are_did_you_mean() {
    let report = check("generative AI adoption among companies = 70%");
    assert_eq!(report.verdict, Verdict::MissingProvenance);
    assert!(report.resolved.is_empty());
    assert!(report.did_you_mean.len() >= 2, "{:?}", report.did_you_mean);
    let reason = report.reason.unwrap();
    assert!(reason.contains("did you mean"), "{reason}");
    for link in &report.did_you_mean {
        assert!(link.fact.is_none());
        assert!(reason.contains(&link.name()), "{reason}");
    }
}

/// A pair whose words link clearly but that has no fact in the claim's
/// period is offered, never replaced by the runner-up that has one.
#[test]
fn a_linked_pair_without_the_period_is_offered() {
    let report = check("data centre power capacity = 29.6 GW");
    assert_eq!(report.verdict, Verdict::MissingProvenance);
    assert_eq!(report.did_you_mean.len(), 1);
    assert_eq!(
        report.did_you_mean[0].metric,
        "AI data center power capacity"
    );
    assert!(report.reason.unwrap().contains("(Q4 2025)"));
    // With the store's period, the same words resolve.
    let report = check("data centre power capacity Q4 2025 = 29.6 GW");
    assert_eq!(linked_fact(&report), Some("r-dc-power"));
}

/// Words no name holds: the nearest names and the search, as before.
#[test]
fn nonsense_keeps_the_nearest_names() {
    let report = check("narnia unicorn count = 5");
    assert_eq!(report.verdict, Verdict::MissingProvenance);
    assert!(report.resolved.is_empty() && report.did_you_mean.is_empty());
    assert!(
        report
            .reason
            .unwrap()
            .ends_with("look for it with `claimcheck facts narnia unicorn count`")
    );
    // A year the store does not have is not dropped to link the rest.
    let report = check("US private investment in AI 2019 = $5 billion");
    assert_eq!(report.verdict, Verdict::MissingProvenance);
    assert!(report.resolved.is_empty());
}

/// Exact names and aliases resolve as they always did: no link, no loose
/// flag from it; and no claim of the bundled claim files needs the linker.
#[test]
fn exact_resolution_is_unchanged() {
    for claim in [
        "US private AI investment 2025 = $285.9 billion",
        "organizational AI adoption = 88%",
        "China notable AI models released = 35",
    ] {
        let report = check(claim);
        assert_eq!(report.verdict, Verdict::Match, "{claim}");
        assert!(!report.loose, "{claim}: {:?}", report.loose_reason);
        assert!(report.resolved.is_empty(), "{claim}");
    }
    for name in [
        "claims/ai-index-2026/summary.claims",
        "claims/examples/investment-digest.claims",
        "claims/examples/benchmarks-brief.claims",
    ] {
        let text = std::fs::read_to_string(root().join(name)).unwrap();
        for report in check_text(bundled(), name, &text, &Options::default()) {
            assert!(report.resolved.is_empty(), "{name}:{}", report.line);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The value never chooses the fact: the same phrase with any value
    /// (any unit the claim may carry) links to the same fact or to none.
    #[test]
    fn a_resolution_never_depends_on_the_value(
        phrase in prop::sample::select(vec![
            "AI adoption among organizations",
            "company AI adoption 2024",
            "Chinese notable models",
            "US private investment in AI",
            "generative AI adoption among companies",
            "data centre power capacity",
        ]),
        value in 0.0f64..1000.0,
        unit in prop::sample::select(vec!["", "%", " billion", " GW", "x"]),
        op in prop::sample::select(vec!["=", ">", "<", "~"]),
    ) {
        let baseline = check(&format!("{phrase} = 1"));
        let report = check(&format!("{phrase} {op} {value:.1}{unit}"));
        prop_assert_eq!(linked_fact(&report), linked_fact(&baseline));
        let names = |r: &ClaimReport| r.did_you_mean.iter().map(|l| l.name()).collect::<Vec<_>>();
        prop_assert_eq!(names(&report), names(&baseline));
    }
}

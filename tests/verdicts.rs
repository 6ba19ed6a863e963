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
                reason.contains(&format!("the store has it for {period};")),
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

/// A store in a fresh folder with Harbour town's `figure` at each period,
/// valued as written (fact ids `f`, `f1`, `f2`, ...).
fn store_of(values: &[(&str, &str)]) -> claimcheck::store::Store {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("notes");
    std::fs::create_dir(&source).unwrap();
    std::fs::write(
        source.join("source.json"),
        r#"{"id": "notes", "title": "Field notes", "publisher": "claimcheck tests", "published": "2026-02", "url": "https://example.org/notes", "licence": "CC0", "kind": "secondary"}"#,
    )
    .unwrap();
    let facts: Vec<serde_json::Value> = values
        .iter()
        .enumerate()
        .map(|(i, (period, value))| {
            let id = if i == 0 {
                "f".to_owned()
            } else {
                format!("f{i}")
            };
            serde_json::json!({
                "id": id, "subject": "Harbour town", "metric": "figure", "period": period,
                "value": value, "locator": {"page": "4"},
            })
        })
        .collect();
    std::fs::write(
        source.join("facts.json"),
        serde_json::to_string(&facts).unwrap(),
    )
    .unwrap();
    claimcheck::store::Store::load(dir.path()).unwrap_or_else(|e| panic!("{e}"))
}

/// A one-fact store: fact `f` of Harbour town's `figure` in 2025.
fn one_fact_store(value: &str) -> claimcheck::store::Store {
    store_of(&[("2025", value)])
}

fn check_against(store: &claimcheck::store::Store, claim: &str) -> ClaimReport {
    let mut reports = check_expression(store, claim, None, &Options::default());
    reports.remove(0)
}

/// `mantissa` with `decimals` digits after the point, in a written form
/// (`{}` stands for the number).
fn written(form: &str, mantissa: u64, decimals: usize) -> String {
    let number = if decimals == 0 {
        mantissa.to_string()
    } else {
        let digits = format!("{mantissa:0>width$}", width = decimals + 1);
        let (whole, fraction) = digits.split_at(digits.len() - decimals);
        format!("{whole}.{fraction}")
    };
    form.replace("{}", &number)
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Written forms of a number: bare counts, counts of things, shares,
    /// money with a magnitude word, measures.
    fn form() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "{}",
            "{} models",
            "{}%",
            "${} billion",
            "{} GW",
            "{}x",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Two different numbers written to the same precision never match:
        /// their rounding intervals only touch, and no digits are left to
        /// read as cut off (`21` is no truncation of a count of 20).
        #[test]
        fn different_numbers_at_one_precision_never_match(
            n in 0u64..100_000,
            m in 0u64..100_000,
            decimals in 0usize..3,
            form in form(),
        ) {
            prop_assume!(n != m);
            let store = one_fact_store(&written(form, m, decimals));
            let claim = format!("Harbour town figure 2025 = {}", written(form, n, decimals));
            let report = check_against(&store, &claim);
            prop_assert_ne!(report.verdict, Verdict::Match, "{} {:?}", claim, report.arithmetic);
        }

        /// A bound never matches the opposite strict bound, nor the opposite
        /// inclusive one: `< 60%` and `<= 60%` against "over 60%".
        #[test]
        fn a_bound_never_matches_the_opposite_bound(
            m in 1u64..100_000,
            decimals in 0usize..3,
            form in form(),
            (fact_bound, opposites) in prop::sample::select(vec![
                ("over", ["<", "<="]),
                ("more than", ["<", "<="]),
                ("at least", ["<", "<"]),
                ("under", [">", ">="]),
                ("up to", [">", ">"]),
            ]),
        ) {
            let value = written(form, m, decimals);
            let store = one_fact_store(&format!("{fact_bound} {value}"));
            for op in opposites {
                let claim = format!("Harbour town figure 2025 {op} {value}");
                let report = check_against(&store, &claim);
                prop_assert_eq!(report.verdict, Verdict::Mismatch, "{} {:?}", claim, report.arithmetic);
            }
        }

        /// A fact that only bounds a value backs the bounds it implies and no
        /// value it merely allows.
        #[test]
        fn a_bound_backs_only_what_it_implies(m in 1u64..1000, above in 1u64..1000) {
            let store = one_fact_store(&format!("over {m}%"));
            let implied = check_against(&store, &format!("Harbour town figure 2025 >= {m}%"));
            prop_assert_eq!(implied.verdict, Verdict::Match);
            for claim in [format!("= {}%", m + above), format!("> {}%", m + above)] {
                let report = check_against(&store, &format!("Harbour town figure 2025 {claim}"));
                prop_assert_eq!(
                    (report.verdict, report.code),
                    (Verdict::MissingProvenance, Some("bound-only")),
                    "{}", claim
                );
            }
        }
    }
}

/// The verdicts of issue 11 on the bundled store, each as a careful
/// fact-checker gives it.
#[test]
fn neighbouring_counts_and_opposite_bounds_are_mismatches() {
    for claim in [
        "OpenAI notable AI models 2025 = 19",
        "OpenAI notable AI models 2025 = 21",
        "AI incidents 2024 = 234",
        "NVIDIA share of AI compute < 60%",
        "Google capex 2025 <= $150 billion",
    ] {
        verdict(claim, Verdict::Mismatch, false);
    }
    // A decimal cut off is still a truncation, flagged loose.
    let truncated = check("US private AI investment 2025 = $285 billion");
    assert!(truncated.loose, "{truncated:?}");
}

/// A bound in the store states no value: `= 99%` against "over 60%" is not backed.
#[test]
fn a_bound_fact_backs_no_exact_claim() {
    for claim in [
        "NVIDIA share of AI compute = 99%",
        "Nvidia share of total AI compute 2025 > 70%",
    ] {
        let report = check(claim);
        assert_eq!(
            (report.verdict, report.code),
            (Verdict::MissingProvenance, Some("bound-only")),
            "{claim}"
        );
        assert!(report.reason.unwrap().contains("over 60%"));
    }
    verdict("NVIDIA share of AI compute >= 60%", Verdict::Match, false);
    verdict("NVIDIA share of AI compute > 50%", Verdict::Match, false);
}

/// A claim about a period the store has no fact for is not checked against another period.
#[test]
fn a_period_no_fact_has_is_missing_provenance() {
    for period in ["1999", "2024"] {
        let reports = check_expression(
            bundled(),
            "US private AI investment = $285.9 billion",
            Some(period),
            &Options::default(),
        );
        assert_eq!(reports[0].verdict, Verdict::MissingProvenance, "{period}");
        let reason = reports[0].reason.as_deref().unwrap_or_default();
        assert!(
            reason.starts_with(&format!(
                "no fact answers `US private AI investment` for {period}; the store has it for 2025;"
            )),
            "{reason}"
        );
        // ... and points at the figure it has.
        assert!(
            reason.contains("nearest: `United States · private AI investment · 2025`"),
            "{reason}"
        );
    }
    let file = "@period 2024\nOpenAI notable AI models = 20\n{r-openai-models} = 20\n";
    let reports = claimcheck::check::check_text(bundled(), "p.claims", file, &Options::default());
    assert_eq!(reports[0].verdict, Verdict::MissingProvenance);
    // A fact id names its fact whatever the default period.
    assert_eq!(reports[1].verdict, Verdict::Match);
    // The period the store does have still answers.
    let reports = check_expression(
        bundled(),
        "US private AI investment = $285.9 billion",
        Some("2025"),
        &Options::default(),
    );
    assert_eq!(reports[0].verdict, Verdict::Match);
}

/// A multiple or share of a count is an error in the claim; currency names are currencies.
#[test]
fn ratios_of_counts_are_invalid_and_dollars_are_usd() {
    for claim in ["US data centers 2025 = 0x", "US data centers 2025 = 5%"] {
        let report = check(claim);
        assert_eq!(
            (report.verdict, report.code),
            (Verdict::Invalid, Some("unit-mismatch")),
            "{claim}"
        );
    }
    verdict(
        "US private AI investment 2025 = 285.9 billion dollars",
        Verdict::Match,
        false,
    );
    verdict(
        "US private AI investment 2025 = 285.9 billion US dollars",
        Verdict::Match,
        false,
    );
    verdict(
        "China private AI investment 2025 = 12.4 billion yuan",
        Verdict::Invalid,
        false,
    );
}

/// A stated change answers only a claim about the same base period.
#[test]
fn a_stated_change_answers_only_its_base_period() {
    let report = check("global private AI investment 2025 = +127.5% vs 2013");
    assert_eq!(report.verdict, Verdict::MissingProvenance, "{report:?}");
    assert!(
        report
            .reason
            .as_deref()
            .unwrap()
            .contains("e-private-growth states the change from 2024"),
        "{report:?}"
    );
    verdict(
        "US private AI investment 2025 = +160.2% vs 2024",
        Verdict::Match,
        false,
    );
    verdict(
        "US private AI investment 2025 = +160.2% vs 2023",
        Verdict::MissingProvenance,
        false,
    );
}

/// One-digit multiples: writers round them down ("more than doubled" is said
/// "doubled"), so `2x` holds for 2.3x and not for 1.55x.
#[test]
fn one_digit_multiples_read_as_writers_round_them() {
    verdict(
        "global corporate AI investment 2025 = 2x 2024",
        Verdict::Match,
        false,
    );
    verdict("AI incidents 2025 = 2x 2024", Verdict::Mismatch, false);
    verdict("AI incidents 2025 = 1.6x 2024", Verdict::Match, false);
    // 5427 / 529 data centers is 10.26x: ten is not a one-digit multiple.
    verdict("US data centers 2025 = 10x Germany", Verdict::Match, false);
}

/// A chain says why a value a bound allows is not backed, like a single claim.
#[test]
fn a_chain_over_a_bound_says_why() {
    let store = store_of(&[("2025", "over 60%"), ("2024", "40%")]);
    let report = check_against(&store, "Harbour town figure: 2024 -> 2025 = 40% -> 70%");
    assert_eq!(
        (report.verdict, report.code),
        (Verdict::MissingProvenance, Some("bound-only"))
    );
    assert!(report.reason.unwrap().contains("over 60%"));
}

/// "Dollars" are US dollars unless the facts are in another country's dollars.
#[test]
fn dollars_are_the_stores_dollars() {
    let store = store_of(&[("2025", "CAD 4.2 billion")]);
    let report = check_against(&store, "Harbour town figure 2025 = 4.2 billion dollars");
    assert_eq!(report.verdict, Verdict::Match, "{report:?}");
    let report = check_against(&store, "Harbour town figure 2025 = 4.2 billion US dollars");
    assert_eq!(
        (report.verdict, report.code),
        (Verdict::Invalid, Some("unit-mismatch"))
    );
    let report = check_against(&store, "Harbour town figure 2025 = 4.2 billion euros");
    assert_eq!(report.verdict, Verdict::Invalid);
}

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use claimcheck::lint::{self, Code, Date, Options, Severity};
use insta_cmd::assert_cmd_snapshot;

use crate::util::{root, settings};

/// A fixed day and age limit, so that staleness findings do not change with the calendar.
fn options() -> Options {
    Options {
        today: Date::parse("2026-11-27").unwrap(),
        max_age_days: Some(365),
        ..Options::default()
    }
}

fn claimcheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.current_dir(root()).env_clear();
    cmd
}

/// The codes, severities and descriptions are part of the interface: pinned.
#[test]
fn code_list() {
    settings("lint").bind(|| insta::assert_snapshot!("codes", lint::render_codes()));
}

/// Each fixture store under tests/fixtures/lint holds one kind of defect and
/// lists in `expect.txt` the codes lint must report; no other error or
/// warning may appear.
#[test]
fn every_fixture_defect_is_found_with_its_code() {
    let dir = root().join("tests/fixtures/lint");
    let mut cases: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(cases.len() >= 12, "{cases:?}");
    for case in cases {
        // A relative path keeps this machine's folders out of the messages.
        let store = Path::new("tests/fixtures/lint").join(&case);
        let expect = std::fs::read_to_string(store.join("expect.txt")).unwrap();
        let expected: BTreeSet<&str> = expect
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        let report = lint::lint_dir(&store, &options()).unwrap();
        let found: BTreeSet<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
        for code in &expected {
            assert!(found.contains(code), "{case}: `{code}` not found");
        }
        for f in &report.findings {
            assert!(
                f.severity == Severity::Info || expected.contains(f.code.as_str()),
                "{case}: unexpected {}: {}",
                f.code,
                f.message
            );
        }
        settings("lint")
            .bind(|| insta::assert_snapshot!(case.clone(), lint::render_human(&report, false)));
    }
}

/// The stores that do not load at all for `check` still lint: each load error
/// is a finding with its code, next to whatever else lint finds.
#[test]
fn load_errors_are_findings() {
    let dir = root().join("tests/fixtures/stores");
    let mut cases: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    let mut out = String::new();
    for case in cases {
        let store = Path::new("tests/fixtures/stores").join(&case);
        let report = lint::lint_dir(&store, &options()).unwrap();
        assert!(report.has_errors(), "{case}: a broken store lints clean");
        out.push_str(&format!("## {case}\n"));
        for f in report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            out.push_str(&format!("{} {}: {}\n", f.code, f.location, f.message));
        }
    }
    settings("lint").bind(|| insta::assert_snapshot!("broken-stores", out));
}

/// The bundled store has no error: the report's own conflicts are acknowledged.
#[test]
fn bundled_store_has_no_errors() {
    let report = lint::lint_dir(Path::new("sources"), &options()).unwrap();
    let errors: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{}: {}", f.code, f.message))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    settings("lint").bind(|| {
        insta::assert_snapshot!("bundled", lint::render_human(&report, false));
    });
}

/// Every conflict of conflicts.md whose two variants are both facts of the
/// store is found (and acknowledged with a note).
#[test]
fn the_reports_own_conflicts_are_found() {
    let report = lint::lint_dir(Path::new("sources"), &options()).unwrap();
    let found: BTreeSet<Vec<String>> = report
        .findings
        .iter()
        .filter(|f| f.code == Code::AcknowledgedConflict)
        .map(|f| f.facts.clone())
        .collect();
    let expected: BTreeSet<Vec<String>> = [
        ["p-clockbench-ch2", "p-clockbench-tt"], // C3 ClockBench 50.6% vs 50.1%
        ["e-adoption-uae-tt", "e-adoption-uae-diffusion"], // C8 UAE 54% vs 64%
        ["e-genai-function", "e-genai-function-body"], // C9 generative AI use 70% vs 79%
        ["p-open-gap-highlight", "p-open-gap-body"], // C13 Arena gap 3.3% vs 3.4%
        ["po-us-public-invest", "po-us-public-invest-body"], // C16 $20.4B vs $20.5B
        ["ed-phd-industry-tw", "ed-phd-industry-md"], // C17 about 65% vs 62.75%
    ]
    .iter()
    .map(|pair| pair.iter().map(|s| (*s).to_owned()).collect())
    .collect();
    assert_eq!(found, expected);
    assert!(
        report
            .findings
            .iter()
            .filter(|f| f.code == Code::AcknowledgedConflict)
            .all(|f| f
                .note
                .as_deref()
                .is_some_and(|n| n.contains("conflicts.md")))
    );
}

/// The derived figures the store declares are recomputed: those that do not
/// hold say by how much.
#[test]
fn derived_figures_are_recomputed() {
    let report = lint::lint_dir(Path::new("sources"), &options()).unwrap();
    let holds = report.summary.by_code.get("derivation-holds").copied();
    let mismatches: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.code == Code::DerivationMismatch)
        .map(|f| f.facts[0].as_str())
        .collect();
    assert_eq!(holds, Some(40));
    // 295,000 / 44,500 robots is 6.63x: "6x" is a one-digit multiple, which
    // reaches only to 6.5x (GRAMMAR.md).
    assert_eq!(
        mismatches,
        [
            "r-patents-us-share",
            "e-private-share",
            "e-robots-china-japan"
        ]
    );
    let us_china = report
        .findings
        .iter()
        .find(|f| f.facts.first().is_some_and(|id| id == "e-us-china-ratio"))
        .unwrap();
    assert_eq!(us_china.code, Code::DerivationHolds);
    assert!(us_china.message.contains("23.06x"), "{}", us_china.message);
}

#[test]
fn json_output() {
    let report = lint::lint_dir(Path::new("tests/fixtures/lint/conflicts"), &options()).unwrap();
    settings("lint").bind(|| insta::assert_snapshot!("conflicts-json", lint::render_json(&report)));
}

/// CI lints the bundled store: it must pass.
#[test]
fn bundled_store_exits_0() {
    let output = claimcheck().args(["lint"]).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn an_error_finding_exits_1() {
    settings("lint").bind(|| {
        assert_cmd_snapshot!(
            "cli-conflicts",
            claimcheck().args(["lint", "--store", "tests/fixtures/lint/conflicts"])
        )
    });
}

#[test]
fn stale_sources_with_max_age() {
    settings("lint").bind(|| {
        assert_cmd_snapshot!(
            "cli-stale",
            claimcheck().args([
                "lint",
                "--store",
                "tests/fixtures/lint/dates",
                "--max-age",
                "30",
                "--today",
                "2026-11-27",
                "--format",
                "json"
            ])
        )
    });
}

#[test]
fn no_store_exits_2() {
    settings("lint").bind(|| {
        assert_cmd_snapshot!(
            "cli-no-store",
            claimcheck().args(["lint", "--store", "tests/fixtures/none"])
        )
    });
}

#[test]
fn help_lists_examples_and_exit_codes() {
    settings("lint")
        .bind(|| assert_cmd_snapshot!("cli-help", claimcheck().args(["lint", "--help"])));
}

#[test]
fn a_bad_date_is_a_usage_error() {
    let output = claimcheck()
        .args(["lint", "--today", "27/11/2026"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("YYYY-MM-DD"));
}

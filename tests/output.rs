//! How much the human output shows: what needs an editor first and in full,
//! a line per passing claim or number, the summary last; `-v` shows every
//! block, `-q` only the problems.

use std::process::Command;

use claimcheck::audit::{AuditReport, Status};
use claimcheck::check::{Options, check_text};
use claimcheck::render::{self, Detail};
use claimcheck::report::{ClaimReport, Report, Verdict};
use insta_cmd::assert_cmd_snapshot;

use crate::util::{bundled, root, settings};

fn claimcheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.current_dir(root()).env_clear();
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(output.stderr.is_empty(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// A report's blocks: each starts with an unindented line (verdict, place,
/// text); what belongs to it is indented. The summary is the last block.
fn blocks(text: &str) -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    for line in text.lines() {
        match blocks.last_mut() {
            Some(block) if line.starts_with(' ') => {
                block.push('\n');
                block.push_str(line);
            }
            _ => blocks.push(line.to_owned()),
        }
    }
    blocks
}

/// An editor reads a claim that is not a plain match; a waiver settles it.
fn needs_editor(claim: &ClaimReport) -> bool {
    claim.waived.is_none() && (claim.verdict != Verdict::Match || claim.loose)
}

fn bundled_claims(file: &str) -> Report {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    Report::new(check_text(bundled(), file, &text, &Options::default()))
}

/// In every bundled claims file, `-v` has a block per claim in file order;
/// the default has the same blocks for the claims that need an editor, in
/// the same order and whole, then one line for each other claim; `-q` only
/// the former. All three end with the same summary.
#[test]
fn check_shows_problems_whole_and_passing_claims_in_a_line() {
    let mut some_problem = false;
    for file in [
        "claims/ai-index-2026/summary.claims",
        "claims/examples/investment-digest.claims",
        "claims/examples/benchmarks-brief.claims",
    ] {
        let report = bundled_claims(file);
        let verbose = blocks(&render::human(&report, false, Detail::Verbose));
        let normal = blocks(&render::human(&report, false, Detail::Normal));
        let quiet = blocks(&render::human(&report, false, Detail::Quiet));
        let n = report.claims.len();
        assert_eq!(verbose.len(), n + 1, "{file}");
        let summary = verbose[n].clone();
        assert!(summary.starts_with(&format!("{n} claims: ")), "{summary}");
        let problems: Vec<String> = report
            .claims
            .iter()
            .zip(&verbose)
            .filter(|(c, _)| needs_editor(c))
            .map(|(_, block)| block.clone())
            .collect();
        let passing: Vec<String> = report
            .claims
            .iter()
            .zip(&verbose)
            .filter(|(c, _)| !needs_editor(c))
            .map(|(c, block)| {
                let head = block.lines().next().unwrap();
                assert!(
                    head.contains(&format!(" {}:{}  ", c.file, c.line)),
                    "{head}"
                );
                head.to_owned()
            })
            .collect();
        // The benchmarks brief holds no planted error: a file of passes
        // is a list of lines and the summary.
        assert!(!passing.is_empty(), "{file}");
        some_problem |= !problems.is_empty();
        let mut expected = problems.clone();
        expected.extend(passing);
        expected.push(summary.clone());
        assert_eq!(normal, expected, "{file}");
        let mut expected = problems;
        expected.push(summary);
        assert_eq!(quiet, expected, "{file}");
    }
    assert!(some_problem);
}

/// A waived claim is not a problem: a line, and the waiver that settles it.
#[test]
fn a_waived_claim_is_a_line_with_its_waiver() {
    let mut report = bundled_claims("claims/examples/investment-digest.claims");
    let i = report
        .claims
        .iter()
        .position(|c| c.verdict == Verdict::Mismatch)
        .unwrap();
    report.claims[i].waived = Some(claimcheck::report::Waived {
        reason: "the digest rounds it".to_owned(),
        by: "claimcheck.toml:4".to_owned(),
    });
    let claim = &report.claims[i];
    let head = format!("MISMATCH {}:{}  ", claim.file, claim.line);
    let normal = render::human(&report, false, Detail::Normal);
    let at = normal.find(&head).unwrap();
    let mut lines = normal[at..].lines();
    assert!(lines.next().unwrap().starts_with(&head));
    assert_eq!(
        lines.next(),
        Some("    waived: the digest rounds it (claimcheck.toml:4)")
    );
    assert!(lines.next().is_some_and(|l| !l.starts_with(' ')));
    assert!(!render::human(&report, false, Detail::Quiet).contains(&head));
}

/// The binary prints what the library renders: the default, -v and -q;
/// asking for both is a usage error.
#[test]
fn check_verbose_and_quiet_through_the_binary() {
    let report = bundled_claims("claims/ai-index-2026/summary.claims");
    for (flag, detail) in [
        (None, Detail::Normal),
        (Some("-v"), Detail::Verbose),
        (Some("--verbose"), Detail::Verbose),
        (Some("-q"), Detail::Quiet),
        (Some("--quiet"), Detail::Quiet),
    ] {
        let mut cmd = claimcheck();
        cmd.args([
            "check",
            "--color",
            "never",
            "claims/ai-index-2026/summary.claims",
        ]);
        cmd.args(flag);
        let output = cmd.output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            render::human(&report, false, detail),
            "{flag:?}"
        );
        assert_eq!(output.status.code(), Some(1), "{flag:?}");
    }
    let both = claimcheck().args(["check", "-v", "-q"]).output().unwrap();
    assert_eq!(both.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&both.stderr).contains("cannot be used with"));
}

/// JSON is the whole report whatever -v or -q say.
#[test]
fn json_ignores_verbose_and_quiet() {
    let args = [
        "check",
        "--format",
        "json",
        "claims/examples/investment-digest.claims",
    ];
    let plain = stdout(claimcheck().args(args));
    assert_eq!(stdout(claimcheck().args(args).arg("-q")), plain);
    assert_eq!(stdout(claimcheck().args(args).arg("-v")), plain);
    let audit = [
        "audit",
        "--format",
        "json",
        "claims/examples/investment-digest.md",
    ];
    let plain = stdout(claimcheck().args(audit));
    assert_eq!(stdout(claimcheck().args(audit).arg("-q")), plain);
}

/// An audit: contradicted, unsourced and failing claimed numbers in full;
/// a line per backed, derived and matching number; -q drops those lines,
/// -v shows every number in full with how it was linked.
#[test]
fn audit_shows_problems_whole_and_passing_numbers_in_a_line() {
    let article = "claims/examples/investment-digest.md";
    // No claims: the numbers are backed, derived, contradicted or unsourced.
    let report: AuditReport = crate::audit::report(article, &[]);
    let verbose = blocks(&render::audit_human(&report, false, Detail::Verbose));
    let normal = blocks(&render::audit_human(&report, false, Detail::Normal));
    let quiet = blocks(&render::audit_human(&report, false, Detail::Quiet));
    let n = report.findings.len();
    assert_eq!(verbose.len(), n + 1);
    let problem = |s: Status| matches!(s, Status::Contradicted | Status::Unsourced);
    let (mut problems, mut passing) = (Vec::new(), Vec::new());
    for (finding, block) in report.findings.iter().zip(&verbose) {
        if problem(finding.status) {
            problems.push(block.clone());
        } else {
            // Backed and derived numbers show their facts only with -v.
            assert!(block.contains("linked by: "), "{block}");
            passing.push(block.lines().next().unwrap().to_owned());
        }
    }
    assert!(!problems.is_empty() && !passing.is_empty());
    let summary = verbose[n].clone();
    assert!(summary.starts_with(&format!("{n} numbers in 1 file: ")));
    let mut expected = problems.clone();
    expected.extend(passing);
    expected.push(summary.clone());
    assert_eq!(normal, expected);
    problems.push(summary);
    assert_eq!(quiet, problems);
}

/// The binary's audit output at each level is the library's, for the seed
/// and its claims (every claimed number, a few of them failing).
#[test]
fn audit_verbose_and_quiet_through_the_binary() {
    let seed = "../shared/seeds/000_eba7b0e877cdae88.txt";
    if !root().join(seed).exists() {
        return;
    }
    let lines = |flag: &str| {
        let mut cmd = claimcheck();
        cmd.args(["audit", "--color", "never", seed]);
        if !flag.is_empty() {
            cmd.arg(flag);
        }
        stdout(&mut cmd)
    };
    let (verbose, normal, quiet) = (lines("-v"), lines(""), lines("-q"));
    let heads = |text: &str| text.lines().filter(|l| !l.starts_with(' ')).count();
    // Every number has its line at the default and with -v; -q keeps the failing ones.
    assert_eq!(heads(&verbose), heads(&normal));
    assert!(heads(&quiet) < heads(&normal));
    assert!(quiet.lines().count() < normal.lines().count());
    assert!(normal.lines().count() < verbose.lines().count());
    assert!(!quiet.contains("  claimed: match  "));
    assert!(heads(&quiet) > 1, "no failing number shown:\n{quiet}");
    assert_eq!(verbose.lines().last(), quiet.lines().last());
}

/// What -q and -v look like on a few claims, one failing.
#[test]
fn quiet_and_verbose_check() {
    let claims = [
        "-e",
        "AI incidents 2025 = 362",
        "-e",
        "US private AI investment 2025 = $80 billion",
        "-e",
        "AI incidents 2024 = 233",
    ];
    settings("cli").bind(|| {
        assert_cmd_snapshot!("check_default", claimcheck().arg("check").args(claims));
        assert_cmd_snapshot!(
            "check_quiet",
            claimcheck().args(["check", "-q"]).args(claims)
        );
        assert_cmd_snapshot!(
            "check_verbose",
            claimcheck().args(["check", "-v"]).args(claims)
        );
    });
}

/// A claim line of megabytes (a pasted blob) is cut in the human report,
/// in its head line and under the caret: a window of the line around the
/// column, not the line three times over. JSON keeps it whole.
#[test]
fn a_huge_claim_line_is_cut_in_the_human_report() {
    let blob = "x".repeat(1 << 20);
    for (text, column) in [
        (format!("AI incidents 2025 = {blob}"), 21),
        (
            format!("AI incidents 2025 = 362 {blob} = lots"),
            (1 << 20) + 26,
        ),
    ] {
        let report = Report::new(check_text(
            bundled(),
            "big.claims",
            &text,
            &Options::default(),
        ));
        let claim = &report.claims[0];
        assert_eq!((claim.verdict, claim.column), (Verdict::Invalid, column));
        assert_eq!(claim.text.len(), text.len());
        let human = render::human(&report, false, Detail::Normal);
        assert!(human.len() < 2_000, "{} bytes", human.len());
        // The caret still points at the column within the window shown.
        let lines: Vec<&str> = human.lines().collect();
        let shown = lines.iter().find(|l| l.starts_with("    1 | ")).unwrap();
        let marks = lines.iter().find(|l| l.contains('^')).unwrap();
        let at = |line: &str, byte: usize| line[..byte].chars().count();
        let caret = at(marks, marks.find('^').unwrap());
        let under: String = shown.chars().skip(caret).take(4).collect();
        let expected: String = text.chars().skip(column - 1).take(4).collect();
        assert_eq!(under, expected, "{human}");
    }
}

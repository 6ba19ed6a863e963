use std::process::Command;

use insta_cmd::assert_cmd_snapshot;

use crate::util::{root, settings};

fn claimcheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.current_dir(root()).env_clear();
    cmd
}

#[test]
fn one_matching_claim_exits_0() {
    settings("cli").bind(|| {
        assert_cmd_snapshot!(claimcheck().args([
            "check",
            "-e",
            "US private AI investment 2025 = $285.9 billion"
        ]))
    });
}

#[test]
fn a_mismatch_exits_1() {
    settings("cli").bind(|| {
        assert_cmd_snapshot!(claimcheck().args([
            "check",
            "-e",
            "US private AI investment 2025 = $80 billion"
        ]))
    });
}

#[test]
fn json_for_one_claim() {
    settings("cli").bind(|| {
        assert_cmd_snapshot!(claimcheck().args([
            "check",
            "--format",
            "json",
            "-e",
            "US private AI investment = 23x China",
            "--period",
            "2025"
        ]))
    });
}

/// A line that does not parse is invalid, with a caret; the other claims are still checked.
#[test]
fn syntax_errors_point_at_the_column() {
    settings("cli").bind(|| {
        assert_cmd_snapshot!(claimcheck().args(["check", "tests/fixtures/claims/mixed.claims"]))
    });
}

#[test]
fn a_missing_path_exits_2() {
    settings("cli")
        .bind(|| assert_cmd_snapshot!(claimcheck().args(["check", "claims/none.claims"])));
}

#[test]
fn a_broken_store_exits_2() {
    settings("cli").bind(|| {
        assert_cmd_snapshot!(claimcheck().args([
            "check",
            "--store",
            "tests/fixtures/stores/bad-json",
            "-e",
            "X m = 5"
        ]))
    });
}

#[test]
fn bad_arguments_exit_2() {
    settings("cli").bind(|| assert_cmd_snapshot!(claimcheck().args(["check", "--format", "xml"])));
}

#[test]
fn help_lists_examples() {
    settings("cli").bind(|| assert_cmd_snapshot!(claimcheck().args(["check", "--help"])));
}

/// The bundled claims hold known ambiguous claims (the report's own conflicts), so the run fails.
#[test]
fn bundled_claims_exit_1() {
    let status = claimcheck().args(["check"]).output().unwrap().status;
    assert_eq!(status.code(), Some(1));
}

#[test]
fn colour_only_when_asked() {
    let plain = claimcheck()
        .args(["check", "-e", "AI incidents 2025 = 362"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\x1b'));
    let coloured = claimcheck()
        .args([
            "check",
            "--color",
            "always",
            "-e",
            "AI incidents 2025 = 362",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&coloured.stdout).contains("\x1b[32mmatch"));
}

//! `claimcheck.toml`, `--fail-on`, `--loose`, `--unsourced`, waivers and
//! `--suggest` files, through the binary: exit codes first.

use std::path::Path;
use std::process::{Command, Output};

use insta_cmd::assert_cmd_snapshot;

use crate::util::{root, settings};

fn claimcheck(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.current_dir(dir).env_clear();
    cmd
}

#[track_caller]
fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

#[track_caller]
fn exit_code(dir: &Path, args: &[&str]) -> i32 {
    let output = claimcheck(dir).args(args).output().unwrap();
    code(&output)
}

/// The same inputs under different policies: what fails the run is the policy's call.
#[test]
fn exit_codes_follow_the_policy() {
    let digest = "claims/examples/investment-digest.claims";
    let loose = "US private AI investment 2025 = $285 billion";
    let cases: &[(&[&str], i32)] = &[
        // Without a claimcheck.toml: every verdict but a match fails.
        (&["check", digest], 1),
        (&["check", digest, "--fail-on", "mismatch"], 1),
        (&["check", digest, "--fail-on", "invalid,ambiguous"], 0),
        (&["check", digest, "--fail-on", "none"], 0),
        (&["check", "-e", loose], 0),
        (&["check", "-e", loose, "--loose", "fail"], 1),
        (
            &["check", "-e", loose, "--fail-on", "none", "--loose", "fail"],
            1,
        ),
        (&["check", "claims/ai-index-2026"], 1),
        (
            &["check", "claims/ai-index-2026", "--fail-on", "mismatch"],
            0,
        ),
        (&["check", "--fail-on", "sometimes"], 2),
        // audit: claimed verdicts as in check; unsourced numbers warn unless asked.
        (&["audit", "claims/examples/benchmarks-brief.md"], 0),
        (
            &[
                "audit",
                "claims/examples/benchmarks-brief.md",
                "--unsourced",
                "fail",
            ],
            1,
        ),
        (&["audit", "claims/examples/investment-digest.md"], 1),
        (
            &[
                "audit",
                "claims/examples/investment-digest.md",
                "--fail-on",
                "none",
            ],
            0,
        ),
        (
            &[
                "audit",
                "claims/examples/investment-digest.md",
                "--fail-on",
                "contradicted",
            ],
            0,
        ),
        (
            &[
                "audit",
                "claims/examples/investment-digest.md",
                "--loose",
                "fail",
                "--fail-on",
                "none",
            ],
            1,
        ),
        (&["audit", "tests/fixtures/audit/none.md"], 2),
    ];
    for (args, expected) in cases {
        assert_eq!(
            exit_code(root(), args),
            *expected,
            "claimcheck {}",
            args.join(" ")
        );
    }
}

/// A repository with a claimcheck.toml: waivers by claims-file line, by
/// label, by article line and next to the claim; every waived item is shown.
#[test]
fn waivers_are_reported_and_do_not_fail() {
    let dir = root().join("tests/fixtures/audit/waivers");
    settings("config").bind(|| {
        assert_cmd_snapshot!(
            "waivers_check",
            claimcheck(&dir).args(["check", "--color", "never"])
        );
        assert_cmd_snapshot!(
            "waivers_check_github",
            claimcheck(&dir).args(["check", "--format", "github"])
        );
        assert_cmd_snapshot!(
            "waivers_audit",
            claimcheck(&dir).args(["audit", "--color", "never"])
        );
        assert_cmd_snapshot!(
            "waivers_audit_github",
            claimcheck(&dir).args(["audit", "--format", "github"])
        );
    });
    // Found from a folder below the configuration, too.
    let below = dir.join("sub");
    std::fs::create_dir_all(&below).unwrap();
    assert_eq!(exit_code(&below, &["check"]), 0);
    // Flags override the file: with the configuration ignored, the problems fail.
    assert_eq!(
        exit_code(
            &dir,
            &[
                "check",
                "--no-config",
                "--store",
                "../../../../sources",
                "digest.claims"
            ]
        ),
        1
    );
}

/// Unknown keys and bad values in claimcheck.toml are errors with their line.
#[test]
fn configuration_errors_name_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("claimcheck.toml");
    std::fs::write(&config, "store = \"sources\"\nfail_on = [\"mismatch\"]\n").unwrap();
    let output = claimcheck(dir.path()).args(["check"]).output().unwrap();
    assert_eq!(code(&output), 2);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Found from the working directory, the file is named as a reader there would.
    assert!(
        stderr.starts_with("error: claimcheck.toml:2:1: unknown field `fail_on`, expected one of"),
        "{stderr}"
    );
    std::fs::write(&config, "loose = \"sometimes\"\n").unwrap();
    let output = claimcheck(dir.path()).args(["check"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(code(&output), 2);
    assert!(
        stderr.contains("claimcheck.toml:1:9: unknown variant `sometimes`"),
        "{stderr}"
    );
    // --config names a file anywhere; --no-config ignores it.
    let output = claimcheck(root())
        .args(["check", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert_eq!(code(&output), 2);
    assert_eq!(
        exit_code(
            dir.path(),
            &["check", "--no-config", "-e", "X = 1", "--store"]
        ),
        2
    );
}

/// `--suggest PATH` never overwrites without `--force`, and then replaces
/// the file whole (a temporary file renamed in the same folder).
#[test]
fn suggest_writes_new_files_only() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("no-claims");
    std::fs::create_dir(&empty).unwrap();
    let target = dir.path().join("digest.claims");
    let article = root().join("claims/examples/investment-digest.md");
    let run = |force: bool| {
        let mut cmd = claimcheck(root());
        cmd.arg("audit")
            .arg(&article)
            .arg("--claims")
            .arg(&empty)
            .arg("--suggest")
            .arg(&target);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    let first = run(false);
    assert_eq!(
        code(&first),
        0,
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(
        written.contains("{United States | data centers | 2025} = 542"),
        "{written}"
    );
    std::fs::write(&target, "keep me\n").unwrap();
    let second = run(false);
    assert_eq!(code(&second), 2);
    assert!(String::from_utf8_lossy(&second.stderr).contains("exists; pass --force to replace it"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me\n");
    let third = run(true);
    assert_eq!(code(&third), 0);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), written);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "no temporary file is left behind: {left:?}");
    // To stdout, the same draft.
    let stdout = claimcheck(root())
        .arg("audit")
        .arg(&article)
        .arg("--claims")
        .arg(&empty)
        .arg("--suggest")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&stdout.stdout), written);
}

/// Invalid UTF-8 is a clear error naming the place, exit 2.
#[test]
fn an_article_that_is_not_text_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.md");
    std::fs::write(&file, b"ok 12%\nnot \xff text").unwrap();
    let output = claimcheck(dir.path())
        .args(["audit", "bad.md", "--store"])
        .arg(root().join("sources"))
        .output()
        .unwrap();
    assert_eq!(code(&output), 2);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: bad.md:2:5: not valid UTF-8 (byte 11); save the file as UTF-8\n"
    );
}

/// A temporary repository: a claimcheck.toml naming the bundled store and
/// `extra` lines, and `files` (path, text) under it.
fn repository(extra: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        format!("store = {:?}\n{extra}", root().join("sources")),
    )
    .unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[track_caller]
fn fails_with(dir: &Path, args: &[&str], message: &str) {
    let output = claimcheck(dir).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(code(&output), 2, "{args:?}: {stderr}");
    assert!(stderr.contains(message), "{args:?}: {stderr}");
}

/// Issue 11: `check` exited 0 with "0 claims" when the globs matched
/// nothing or `-e ''` was given, while `audit` exited 2 with no article.
/// One rule for both: a run that checks nothing fails, exit 2, and says
/// what it searched.
#[test]
fn a_run_that_checks_nothing_fails() {
    let dir = repository(
        "claims = [\"claims/**/*.claims\"]\narticles = [\"articles/*.md\"]\n",
        &[
            (
                "notes/only-comments.claims",
                "# nothing here yet\n@period 2025\n",
            ),
            ("empty/README.md", "no claims here\n"),
        ],
    );
    let path = dir.path();
    fails_with(
        path,
        &["check"],
        "no .claims files in the `claims` globs of claimcheck.toml (claims/**/*.claims); a run that checks nothing fails",
    );
    fails_with(path, &["check", "empty"], "no .claims files in empty;");
    fails_with(
        path,
        &["check", "notes"],
        "notes/only-comments.claims: no claims in it; a run that checks nothing fails",
    );
    fails_with(path, &["check", "-e", ""], "-e \"\" holds no claim");
    fails_with(
        path,
        &["check", "-e", "X m = 5", "-e", "# later"],
        "-e \"# later\" holds no claim",
    );
    fails_with(
        path,
        &["audit"],
        "no articles match the `articles` globs of claimcheck.toml",
    );
}

/// Issue 11: `audit` run from a subfolder of a configured repository
/// dropped every `@article` link: the paths, written from the repository's
/// root, were read from the working directory only.
#[test]
fn audit_finds_article_links_from_any_folder() {
    let dir = repository(
        "claims = [\"claims/*.claims\"]\narticles = [\"articles/*.md\"]\n",
        &[
            (
                "claims/a.claims",
                "@article articles/a.md\nUS private AI investment 2025 = $285.9 billion   @L1\n",
            ),
            (
                "articles/a.md",
                "US private AI investment reached $285.9 billion in 2025.\n",
            ),
            ("articles/deep/.keep", ""),
        ],
    );
    for folder in [".", "articles", "articles/deep"] {
        let output = claimcheck(&dir.path().join(folder))
            .arg("audit")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(code(&output), 0, "{folder}: {stdout}");
        assert!(
            stdout.contains("1 claimed (0 failing)"),
            "from {folder}: {stdout}"
        );
    }
}

/// Issue 11: `lint`, `facts` and `explain` ignored claimcheck.toml and had
/// no `--config`. They read its store and tolerance like `check` does.
#[test]
fn every_command_reads_claimcheck_toml() {
    let dir = repository("tolerance = 50\n", &[]);
    let elsewhere = tempfile::tempdir().unwrap();
    let config = dir.path().join("claimcheck.toml");
    let about = "US private AI investment 2025 ~ $200 billion";
    for args in [
        vec!["facts", "285.9"],
        vec!["explain", about],
        vec!["lint", "--color", "never"],
    ] {
        assert_eq!(exit_code(dir.path(), &args), 0, "{args:?}");
        let mut named = claimcheck(elsewhere.path());
        named.args(&args).arg("--config").arg(&config);
        assert_eq!(code(&named.output().unwrap()), 0, "{args:?} --config");
        // Without it, no store: there is no `sources` here.
        let mut args = args.clone();
        args.push("--no-config");
        fails_with(dir.path(), &args, "sources");
    }
    // The tolerance is the file's: 50% makes ~ $200 billion a match.
    assert_eq!(
        exit_code(dir.path(), &["explain", about, "--tolerance", "5"]),
        1
    );
}

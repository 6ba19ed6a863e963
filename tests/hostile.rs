//! Hostile input (issue 11, points 12 and 13): nothing hangs, overflows the
//! stack, takes memory out of proportion to its input, or destroys a file.
//! Each test builds its attack and asserts what comes back, not how fast.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use claimcheck::check::{Options, check_expression};
use claimcheck::report::Verdict;

use crate::util::{bundled, root};

fn claimcheck(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.current_dir(dir).env_clear();
    cmd
}

/// Runs the command; a run still going after a minute is killed and fails
/// the test, so that a regression to a hang fails instead of hanging CI.
#[track_caller]
fn run_to_end(cmd: &mut Command) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("claimcheck never ended");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn check(claim: &str) -> claimcheck::report::ClaimReport {
    let mut reports = check_expression(bundled(), claim, None, &Options { tolerance: 0.05 });
    assert_eq!(reports.len(), 1);
    reports.remove(0)
}

/// Issue 11: 8,000 terms of `{id} + {id} + …` overflowed the stack (exit
/// 134). The sum is evaluated term after term, on the test thread's small
/// stack too, and comes to what the arithmetic says.
#[test]
fn a_sum_of_twenty_thousand_facts_is_evaluated() {
    let terms = 20_000;
    let claim = format!(
        "{} = {}",
        vec!["{r-notable-models-us}"; terms].join(" + "),
        59 * terms
    );
    let report = check(&claim);
    assert_eq!(report.verdict, Verdict::Match, "{:?}", report.reason);
    assert_eq!(report.facts.len(), terms);
}

/// Issue 11: a `+ - * /` chain of 5,000 unknown names ran for over ten
/// minutes, each prefix read again as one name. It is missing provenance,
/// and names joined by an operator are still found (`X + Y` as one name).
#[test]
fn a_long_chain_of_unknown_names_is_missing_provenance() {
    let ops = ["+", "-", "*", "/"];
    let mut claim = String::from("name0");
    for i in 1..5_000 {
        claim.push_str(&format!(" {} name{i}", ops[i % 4]));
    }
    claim.push_str(" = 5");
    let report = check(&claim);
    assert_eq!(report.verdict, Verdict::MissingProvenance);
    assert_eq!(report.code, Some("no-fact"));
}

/// Issue 11: a 40,000-word phrase took 11.7 s, every split of it tried as
/// subject and metric though no name in the store is that long.
#[test]
fn a_forty_thousand_word_phrase_is_missing_provenance() {
    let words: Vec<String> = (0..40_000).map(|i| format!("word{i}")).collect();
    let report = check(&format!("{} = 5", words.join(" ")));
    assert_eq!(report.verdict, Verdict::MissingProvenance);
}

/// Issue 11: one link loop in a claims folder counted every claim 41
/// times, two never ended. A loop is an error that names the link.
#[cfg(unix)]
#[test]
fn link_loops_in_a_claims_folder_are_reported_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("claims/sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("x.claims"), "{r-notable-models-us} = 59\n").unwrap();
    std::os::unix::fs::symlink("..", sub.join("up")).unwrap();
    std::os::unix::fs::symlink("..", sub.join("up-again")).unwrap();
    let output = run_to_end(
        claimcheck(dir.path())
            .arg("check")
            .arg("claims")
            .arg("--store")
            .arg(root().join("sources")),
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("a link that leads back to claims, which holds it"),
        "{}",
        stderr(&output)
    );
    // The globs of claimcheck.toml walk the same way.
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        format!(
            "store = {:?}\nclaims = [\"claims/**/*.claims\"]\n",
            root().join("sources")
        ),
    )
    .unwrap();
    let output = run_to_end(claimcheck(dir.path()).arg("check"));
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("a link that leads back to"));
}

const SOURCE: &str = r#"{"id": "s", "title": "Demo report", "publisher": "Demo", "published": "2026-01", "url": "https://example.org/demo", "licence": "CC0", "kind": "primary"}"#;

/// A source folder with `facts.jsonl` replaced by `make`.
#[cfg(unix)]
fn store_with_facts(make: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("s");
    std::fs::create_dir(&source).unwrap();
    std::fs::write(source.join("source.json"), SOURCE).unwrap();
    make(&source.join("facts.jsonl"));
    dir
}

/// Issue 11: a FIFO as `facts.jsonl` blocked forever; a link to /dev/zero
/// read until memory ran out. Neither is opened: each is an error that
/// says what it is.
#[cfg(unix)]
#[test]
fn a_store_file_that_is_not_a_regular_file_is_refused() {
    let fifo = store_with_facts(|path| {
        let made = Command::new("mkfifo").arg(path).status().unwrap();
        assert!(made.success());
    });
    let zero = store_with_facts(|path| std::os::unix::fs::symlink("/dev/zero", path).unwrap());
    for (store, what) in [
        (&fifo, "a FIFO (named pipe), not a regular file"),
        (&zero, "a device, not a regular file"),
    ] {
        for command in ["check", "lint", "facts"] {
            let mut cmd = claimcheck(store.path());
            cmd.arg(command).arg("--store").arg(store.path());
            if command == "check" {
                cmd.args(["-e", "x = 1"]);
            }
            let output = run_to_end(&mut cmd);
            // lint reports a store it cannot read whole among its findings.
            let (expected, said) = match command {
                "lint" => (1, String::from_utf8_lossy(&output.stdout).into_owned()),
                _ => (2, stderr(&output)),
            };
            assert_eq!(output.status.code(), Some(expected), "{command}: {said}");
            assert!(
                said.contains("facts.jsonl") && said.contains(&format!("cannot read: {what}")),
                "{command}: {said}"
            );
        }
    }
}

/// A facts.jsonl line is a fact of a few hundred bytes: a line of many
/// megabytes (a sparse file, a file of zeros) is an error, not read whole.
#[cfg(unix)]
#[test]
fn a_store_line_of_megabytes_is_an_error() {
    let store = store_with_facts(|path| std::fs::write(path, vec![b'0'; 3 << 20]).unwrap());
    let output = run_to_end(
        claimcheck(store.path())
            .args(["check", "-e", "x = 1", "--store"])
            .arg(store.path()),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("line 1: longer than 1 MiB"),
        "{}",
        stderr(&output)
    );
}

/// Issue 11: `lint` on 4,000 facts with one subject, metric and period ran
/// 48 s, took 5.9 GB and printed 1.85 GB: a finding for each of 8 million
/// pairs. Each fact lists at most five conflicts and counts the rest, and
/// is compared with at most the first 200 facts of its figure, which its
/// findings say.
#[test]
fn lint_lists_a_few_conflicts_per_fact() {
    let store = store_with_many_values(400);
    let report = claimcheck::lint::lint_dir(
        store.path(),
        &claimcheck::lint::Options {
            tolerance: 0.05,
            max_age_days: None,
            today: claimcheck::lint::Date::parse("2026-01-01").unwrap(),
        },
    )
    .unwrap();
    let conflicts: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code.as_str().contains("conflicting-facts"))
        .collect();
    // Facts 0 to 4 conflict with every earlier one; the others with five each.
    assert_eq!(conflicts.len(), (1 + 2 + 3 + 4) + 5 * (400 - 5));
    let counted = conflicts
        .iter()
        .find(|f| f.message.contains("`f399` also conflicts with"))
        .unwrap();
    assert!(
        counted
            .message
            .contains("with 195 more earlier facts for the same figure, not listed; `f399` was compared with the first 200 of the 400 facts"),
        "{}",
        counted.message
    );
    let uncrowded = conflicts
        .iter()
        .find(|f| f.message.contains("`f150` also conflicts with"))
        .unwrap();
    assert!(
        uncrowded
            .message
            .ends_with("with 145 more earlier facts for the same figure, not listed"),
        "{}",
        uncrowded.message
    );
}

/// A store of one source with `count` facts that give one figure each its
/// own value.
fn store_with_many_values(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("s");
    std::fs::create_dir(&source).unwrap();
    std::fs::write(source.join("source.json"), SOURCE).unwrap();
    let facts: String = (0..count)
        .map(|i| {
            format!(
                "{{\"id\": \"f{i}\", \"subject\": \"A\", \"metric\": \"m\", \"period\": \"2025\", \"value\": \"{}\", \"locator\": {{\"page\": \"1\"}}, \"url\": \"https://example.org\", \"retrieved\": \"2025-01-01\"}}\n",
                i * 10
            )
        })
        .collect();
    std::fs::write(source.join("facts.jsonl"), facts).unwrap();
    dir
}

/// Issue 11: `audit --suggest PATH --force` renamed its draft over whatever
/// was at PATH: the article being audited, a link (leaving its target as it
/// was), a device (run as root, /dev/null became a regular file). Only a
/// regular file that is not the article is replaced, with its permissions,
/// and the run says what it replaced.
#[cfg(unix)]
#[test]
fn suggest_replaces_only_a_regular_file() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("digest.md");
    std::fs::copy(
        root().join("claims/examples/investment-digest.md"),
        &article,
    )
    .unwrap();
    let before = std::fs::read_to_string(&article).unwrap();
    let no_claims = dir.path().join("no-claims");
    std::fs::create_dir(&no_claims).unwrap();
    let suggest = |target: &Path| {
        run_to_end(
            claimcheck(dir.path())
                .arg("audit")
                .arg(&article)
                .arg("--claims")
                .arg(&no_claims)
                .arg("--store")
                .arg(root().join("sources"))
                .arg("--suggest")
                .arg(target)
                .arg("--force"),
        )
    };
    let refused = |target: &Path, why: &str| {
        let output = suggest(target);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(stderr(&output).contains(why), "{}", stderr(&output));
    };

    refused(
        Path::new("digest.md"),
        "digest.md is the article being audited",
    );
    assert_eq!(std::fs::read_to_string(&article).unwrap(), before);

    let kept = dir.path().join("kept.claims");
    std::fs::write(&kept, "keep me\n").unwrap();
    let link = dir.path().join("link.claims");
    std::os::unix::fs::symlink(&kept, &link).unwrap();
    refused(&link, "link.claims is a symbolic link to ");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "keep me\n");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());

    refused(
        Path::new("/dev/null"),
        "/dev/null is a device, not a regular file",
    );
    assert!(
        Path::new("/dev/null")
            .metadata()
            .unwrap()
            .file_type()
            .is_char_device()
    );
    refused(&no_claims, "no-claims is a folder, not a regular file");

    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
    let output = suggest(&kept);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("replacing the previous file of 8 bytes"),
        "{}",
        stderr(&output)
    );
    let mode = kept.metadata().unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let draft = std::fs::read_to_string(&kept).unwrap();
    assert!(draft.contains("@article"), "{draft}");
}

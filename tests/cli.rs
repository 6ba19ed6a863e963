use std::io::Read;
use std::process::{Command, Stdio};

use claimcheck::audit::AuditReport;
use claimcheck::config::{Outcome, Policy};
use claimcheck::render;
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

/// `audit` writes each finding as it is found; the bytes are those of the
/// library's renderers over the whole report, for several articles, in
/// every streamed format, and so is the exit code.
#[test]
fn audit_streams_the_whole_report() {
    let articles = [
        "claims/examples/investment-digest.md",
        "claims/examples/benchmarks-brief.md",
    ];
    let claims = [
        "claims/examples/benchmarks-brief.claims",
        "claims/examples/investment-digest.claims",
        "claims/ai-index-2026/summary.claims",
    ];
    let findings = articles
        .iter()
        .flat_map(|a| crate::audit::audit(a, &claims))
        .collect();
    let report = AuditReport::new(articles.map(str::to_owned).to_vec(), findings);
    let outcomes: Vec<_> = report
        .findings
        .iter()
        .map(|f| Policy::default().finding(f))
        .collect();
    assert!(outcomes.contains(&Outcome::Fail));
    let cases = [
        (
            "human",
            render::audit_human(&report, false, render::Detail::Normal),
        ),
        ("json", render::audit_json(&report)),
        ("github", render::github_audit(&report, &outcomes)),
        ("sarif", render::sarif_audit(&report, &outcomes)),
    ];
    for (format, expected) in cases {
        let output = claimcheck()
            .args(["audit", "--color", "never", "--format", format])
            .args(articles)
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            expected,
            "{format}"
        );
        assert_eq!(output.status.code(), Some(1), "{format}");
        assert!(output.stderr.is_empty(), "{format}");
    }
}

/// Many articles are audited on every core, a batch at a time: the findings
/// still come out file by file in the order given, as one file at a time
/// would give them, across the batches' boundaries.
#[test]
fn many_articles_come_out_in_the_order_given() {
    let dir = tempfile::tempdir().unwrap();
    let digest =
        std::fs::read_to_string(root().join("claims/examples/investment-digest.md")).unwrap();
    let brief =
        std::fs::read_to_string(root().join("claims/examples/benchmarks-brief.md")).unwrap();
    // More articles than one batch holds, of uneven lengths, so that
    // threads finish them out of order.
    let articles: Vec<String> = (0..70)
        .map(|i| {
            let path = dir.path().join(format!("{i:02}.md"));
            let text = if i % 3 == 0 {
                brief.repeat(1 + i % 5)
            } else {
                digest.clone()
            };
            std::fs::write(&path, text).unwrap();
            path.display().to_string()
        })
        .collect();
    let audit = |files: &[String]| {
        let output = claimcheck()
            .args(["audit", "--format", "github"])
            .args(files)
            .output()
            .unwrap();
        assert!(
            output.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let together = audit(&articles);
    let one_by_one: String = articles
        .iter()
        .map(|a| audit(std::slice::from_ref(a)))
        .collect();
    assert!(together.lines().count() > 70 * 5);
    assert_eq!(together, one_by_one);
}

/// `claimcheck audit big.md | head`: the closed pipe ends the output
/// quietly, and the exit code is still that of every finding.
#[test]
fn audit_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let digest =
        std::fs::read_to_string(root().join("claims/examples/investment-digest.md")).unwrap();
    // Far more output than a pipe holds, so writes fail once it is closed.
    std::fs::write(dir.path().join("big.md"), digest.repeat(200)).unwrap();
    let mut child = claimcheck()
        .current_dir(dir.path())
        .args(["audit", "big.md", "--format", "json", "--store"])
        .arg(root().join("sources"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0; 16];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    assert_eq!(&head, b"{\n  \"kind\": \"aud");
    let output = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(output.status.code(), Some(1));
}

/// Any other failed write is an error, exit 2.
#[test]
fn audit_into_a_full_disk_exits_2() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        return;
    };
    let output = claimcheck()
        .args(["audit", "claims/examples/investment-digest.md"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: cannot write the report: No space left on device (os error 28)\n"
    );
}

/// The completion script comes from the argument definitions, so it knows
/// the program and every subcommand; every shell clap knows is offered.
#[test]
fn completions_name_the_program_and_every_subcommand() {
    let output = claimcheck().args(["completions", "bash"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty());
    let script = String::from_utf8(output.stdout).unwrap();
    assert!(script.contains("claimcheck"));
    for sub in [
        "check",
        "lint",
        "facts",
        "explain",
        "audit",
        "completions",
        "man",
    ] {
        assert!(
            script.contains(&format!("claimcheck,{sub})")),
            "bash completions lack `{sub}`"
        );
    }
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let output = claimcheck().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        assert!(String::from_utf8_lossy(&output.stdout).contains("claimcheck"));
    }
    let output = claimcheck().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// `man` writes a roff page: requests only up to the title, then the
/// `.TH` title line, and the sections and subcommands after it.
#[test]
fn man_writes_a_roff_page() {
    let output = claimcheck().arg("man").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty());
    let page = String::from_utf8(output.stdout).unwrap();
    let title = page
        .lines()
        .position(|l| l.starts_with(".TH claimcheck 1"))
        .expect("a .TH title line");
    // clap_mangen puts only the quote-character definitions before `.TH`.
    assert!(page.lines().take(title).all(|l| l.starts_with('.')));
    assert!(page.contains("\n.SH NAME\n"));
    assert!(page.contains("\n.SH SUBCOMMANDS\n"));
    for sub in ["check", "lint", "facts", "explain", "audit"] {
        assert!(page.contains(&format!("claimcheck\\-{sub}(1)")), "{sub}");
    }
}

/// Runs the binary with `stdin` as its standard input.
fn with_stdin(cmd: &mut Command, stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    // The binary may stop reading early (an error); a broken pipe is fine.
    let _ = pipe.write_all(stdin);
    drop(pipe);
    child.wait_with_output().unwrap()
}

/// `audit -` reads the article from standard input, as plain text, and
/// calls it `<stdin>`: the report is that of the same text in a file.
#[test]
fn audit_reads_an_article_from_stdin() {
    let text = "Businesses spent $581.69 billion on AI in 2025.\n\
                US private AI investment reached $285.9 billion in 2025.\n";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("article.txt");
    std::fs::write(&file, text).unwrap();
    let from_file = claimcheck()
        .args(["audit", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    let from_stdin = with_stdin(
        claimcheck().args(["audit", "--format", "json", "-"]),
        text.as_bytes(),
    );
    assert_eq!(String::from_utf8_lossy(&from_stdin.stderr), "");
    assert_eq!(from_stdin.status.code(), from_file.status.code());
    let stdout = String::from_utf8(from_stdin.stdout).unwrap();
    assert!(stdout.contains("\"<stdin>\""));
    assert_eq!(
        stdout,
        String::from_utf8(from_file.stdout)
            .unwrap()
            .replace(&file.display().to_string(), "<stdin>")
    );
}

/// `check -` reads claims from standard input; report lines say `<stdin>:N`.
#[test]
fn check_reads_claims_from_stdin() {
    let output = with_stdin(
        claimcheck().args(["check", "-"]),
        b"US private AI investment 2025 = $285.9 billion\n\
          US private AI investment 2025 = $80 billion\n",
    );
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(report.contains("match <stdin>:1 "), "{report}");
    assert!(report.contains("MISMATCH <stdin>:2 "), "{report}");
}

/// Bad standard input is an input error, exit 2 with a message naming
/// `<stdin>`, never a panic; so is naming `-` twice.
#[test]
fn bad_stdin_exits_2() {
    let cases: [(&[&str], &[u8], &str); 5] = [
        (
            &["audit", "-"],
            b"\xff\x00binary",
            "error: <stdin>:1:1: not valid UTF-8",
        ),
        (
            &["check", "-"],
            b"\xff\x00binary",
            "error: <stdin>:1:1: not valid UTF-8",
        ),
        (&["check", "-"], b"", "error: <stdin>: no claims in it"),
        (
            &["check", "-", "-"],
            b"X m = 5\n",
            "error: `-` (standard input) can be named only once",
        ),
        (
            &["audit", "-", "--claims", "-"],
            b"X m = 5\n",
            "error: `-` (standard input) can be named only once",
        ),
    ];
    for (args, stdin, message) in cases {
        let output = with_stdin(claimcheck().args(args), stdin);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.starts_with(message), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

//! Every dead end points somewhere (issue 11, point 9): a claim that names
//! no fact lists the nearest names and the search to run; a line written
//! almost right says how to write it; a file that cannot be used says why,
//! once.

use std::path::Path;
use std::process::{Command, Output};

use claimcheck::check::{Options, check_expression};
use claimcheck::claim::parse_line;
use claimcheck::report::{ClaimReport, Verdict};

use crate::util::{bundled, root};

fn check(claim: &str) -> ClaimReport {
    let mut reports = check_expression(bundled(), claim, None, &Options { tolerance: 0.05 });
    assert_eq!(reports.len(), 1);
    reports.remove(0)
}

/// The `claimcheck facts …` search a reason suggests finds facts.
#[track_caller]
fn suggested_search_finds_facts(reason: &str) {
    let words = reason
        .split("`claimcheck facts ")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("no search in {reason}"));
    let found = claimcheck::facts::search(bundled(), words);
    assert!(found.count > 0, "`claimcheck facts {words}` finds nothing");
}

/// The store has the figure for `Q4 2025`, the claim says `2025`; the
/// store has `notable AI models`, the claim says `notable models`.
#[test]
fn missing_provenance_lists_the_nearest_names() {
    let report = check("AI data center power capacity 2025 = 5 GW");
    assert_eq!(report.verdict, Verdict::MissingProvenance);
    let reason = report.reason.unwrap();
    assert!(
        reason.contains("nearest: `World · AI data center power capacity · Q4 2025`"),
        "{reason}"
    );
    suggested_search_finds_facts(&reason);

    let reason = check("notable models 2025 = 5").reason.unwrap();
    assert!(reason.contains("metric `notable AI models`"), "{reason}");
    suggested_search_finds_facts(&reason);

    let reason = check("US private AI investment 2019 = $5 billion")
        .reason
        .unwrap();
    assert!(
        reason.contains("nearest: `United States · private AI investment · 2025`"),
        "{reason}"
    );
    suggested_search_finds_facts(&reason);

    // Nothing near: still the search to run.
    let reason = check("Narnia unicorn count 2025 = 5").reason.unwrap();
    assert!(
        reason.ends_with("look for it with `claimcheck facts narnia unicorn count`"),
        "{reason}"
    );
}

/// `X 2024 -> 2025: 58 -> 40` puts the periods before the colon; `2025=362`
/// glues the operator to its neighbours. Each says how it is written, with
/// the caret where the fix goes.
#[test]
fn a_line_written_almost_right_says_how_to_write_it() {
    let error = parse_line("FMTI 2024 -> 2025: 58 -> 40").unwrap_err();
    assert_eq!(error.column, 6);
    assert_eq!(
        error.message,
        "a chain names its periods after the colon and its values after an operator: `FMTI: 2024 -> 2025 = 58 -> 40`"
    );
    assert!(parse_line("FMTI: 2024 -> 2025 = 58 -> 40").is_ok());

    let error = parse_line("AI incidents 2025=362").unwrap_err();
    assert_eq!(error.column, 18);
    assert_eq!(
        error.message,
        "`=` needs a space on each side: `2025 = 362`"
    );
    let error = parse_line("AI incidents 2025 >=362").unwrap_err();
    assert_eq!(error.column, 19);
    assert_eq!(error.message, "`>=` needs a space on each side: `>= 362`");
    // White space of more than one byte before the glued word (a proptest find).
    let error = parse_line("AI incidents\u{2000}2025=362").unwrap_err();
    assert_eq!(
        error.message,
        "`=` needs a space on each side: `2025 = 362`"
    );
    assert!(parse_line("\u{2000}<0").is_err());
    // An arrow is not a glued `>`.
    let error = parse_line("AI incidents: 2024 -> 2025").unwrap_err();
    assert!(
        !error.message.contains("needs a space"),
        "{}",
        error.message
    );
}

fn claimcheck(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.current_dir(dir).env_clear();
    cmd
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A byte order mark, as some editors write, at the start of a claims file
/// and of the store's JSON files, is not part of the text.
#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let source = store.join("ai-index-2026");
    std::fs::create_dir_all(&source).unwrap();
    for file in [
        "source.json",
        "facts.jsonl",
        "aliases.json",
        "conflicts.json",
    ] {
        let text = std::fs::read(root().join("sources/ai-index-2026").join(file)).unwrap();
        std::fs::write(
            source.join(file),
            [b"\xef\xbb\xbf".as_slice(), &text].concat(),
        )
        .unwrap();
    }
    let claims = dir.path().join("bom.claims");
    std::fs::write(&claims, "\u{feff}AI incidents 2025 = 362\n").unwrap();
    let output = claimcheck(dir.path())
        .args([
            "check",
            "bom.claims",
            "--store",
            "store",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["claims"][0]["text"], "AI incidents 2025 = 362");
    assert_eq!(report["claims"][0]["column"], 1);
}

/// A facts file that cannot be read (saved as UTF-16) is one error: not
/// one more for every alias and acknowledged conflict that names its facts
/// (there were 153).
#[test]
fn one_unreadable_file_gives_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("ai-index-2026");
    std::fs::create_dir_all(&source).unwrap();
    for file in ["source.json", "aliases.json", "conflicts.json"] {
        std::fs::copy(
            root().join("sources/ai-index-2026").join(file),
            source.join(file),
        )
        .unwrap();
    }
    let text = std::fs::read_to_string(root().join("sources/ai-index-2026/facts.jsonl")).unwrap();
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(source.join("facts.jsonl"), utf16).unwrap();
    let output = claimcheck(dir.path())
        .args(["check", "-e", "AI incidents 2025 = 362", "--store", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: 1 error(s) in the fact store:\n  ./ai-index-2026/facts.jsonl: cannot read: line 1: not valid UTF-8; save the file as UTF-8\n"
    );
}

/// A value of 10 MB that is not a quantity is quoted in part.
#[test]
fn a_huge_bad_value_is_cut_in_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("s");
    std::fs::create_dir_all(&source).unwrap();
    std::fs::write(
        source.join("source.json"),
        r#"{"id": "s", "title": "Demo report", "publisher": "Demo", "published": "2026-01", "url": "https://example.org/demo", "licence": "CC0", "kind": "primary"}"#,
    )
    .unwrap();
    let value = format!("$${}", "9".repeat(10_000_000));
    let fact = serde_json::json!([{"id": "a", "subject": "X", "metric": "m", "value": value}]);
    std::fs::write(source.join("facts.json"), fact.to_string()).unwrap();
    let output = claimcheck(dir.path())
        .args(["check", "-e", "X m = 5", "--store", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.len() < 500, "{} bytes", message.len());
    assert!(message.contains("`$$9999"), "{message}");
    assert!(message.contains("…` is not a quantity"), "{message}");
}

/// `check /dev/null` said "no such file or folder" of a file that exists.
#[cfg(unix)]
#[test]
fn a_device_is_named_as_one() {
    let output = claimcheck(root())
        .args(["check", "/dev/null"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: /dev/null: cannot read: a device, not a regular file\n"
    );
}

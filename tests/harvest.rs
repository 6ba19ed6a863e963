//! `harvest`: a document made into a source folder of draft facts, which
//! lint verifies against the kept text and audit links summaries to.
//!
//! The fixture report (`tests/fixtures/harvest/`) is the project's own
//! words; the AI Index report is read from `../shared`, never copied.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use claimcheck::audit::{AuditReport, Auditor, Format};
use claimcheck::check::Options;
use claimcheck::harvest::{self, HarvestError};
use claimcheck::lint;
use claimcheck::render;
use claimcheck::store::{Source, Store};

use crate::util::{root, settings};

const FIXTURE: &str = "tests/fixtures/harvest/report.md";
const PAGED: &str = "tests/fixtures/harvest/report.txt";
const SUMMARY: &str = "tests/fixtures/harvest/summary.md";
const REPORT: &str = "../shared/reference/ai-index-2026/report.md";

fn claimcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .env_clear()
        .args(args)
        .output()
        .unwrap()
}

/// A temporary folder holding `sources/`, the fixture harvested into it as
/// `northport-2025` by the binary, with its source fields from flags.
fn harvested() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let document = root().join(FIXTURE);
    let output = claimcheck(
        dir.path(),
        &[
            "harvest",
            document.to_str().unwrap(),
            "--id",
            "northport-2025",
            "--store",
            "sources",
            "--publisher",
            "Northport Harbour Authority",
            "--published",
            "2026-03",
            "--url",
            "https://northport.example/review-2025",
            "--retrieved",
            "2026-04-02",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("harvested 20 draft facts"), "{stdout}");
    dir
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The source folder as written: the description, one draft per number
/// (table cells with their column header and row), and the document kept.
#[test]
fn a_report_becomes_a_source_folder_of_drafts() {
    let dir = harvested();
    let folder = dir.path().join("sources/northport-2025");
    assert_eq!(
        read(folder.join("text/report.md")),
        read(root().join(FIXTURE))
    );
    settings("harvest").bind(|| {
        insta::assert_snapshot!("source.json", read(folder.join("source.json")));
        insta::assert_snapshot!("facts.jsonl", read(folder.join("facts.jsonl")));
    });
}

/// Lint verifies every quote against the kept text and reports the drafts
/// as a warning, never as an error: a harvested store passes CI.
#[test]
fn lint_verifies_the_drafts_quotes_and_reports_them_as_drafts() {
    let dir = harvested();
    let output = claimcheck(
        dir.path(),
        &["lint", "--store", "sources", "--color", "never"],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    settings("harvest").bind(|| insta::assert_snapshot!("lint", stdout));
}

/// A quote edited away from the kept text is caught: lint really compares.
#[test]
fn lint_catches_a_quote_that_is_not_in_the_kept_text() {
    let dir = harvested();
    let facts = dir.path().join("sources/northport-2025/facts.jsonl");
    let text = read(facts.clone()).replace("Cruise calls fell to 212", "Cruise calls fell to 213");
    std::fs::write(&facts, text).unwrap();
    let report = lint::lint_dir(&dir.path().join("sources"), &lint::Options::default()).unwrap();
    let codes: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.severity == lint::Severity::Error)
        .map(|f| f.code.as_str())
        .collect();
    // Both drafts of that sentence (212 and 41%) quote it, and the
    // quote of 212 no longer states its value.
    assert_eq!(
        codes,
        [
            "quote-not-in-source",
            "quote-not-in-source",
            "quote-without-value"
        ]
    );
}

/// A summary audited against the harvested report: a number the report
/// states is backed with the report's sentence quoted, one that restates a
/// sentence of the report with another value is contradicted, one it does
/// not state is unsourced.
#[test]
fn a_summary_is_audited_against_the_harvested_report() {
    let dir = harvested();
    let store = Store::load(&dir.path().join("sources")).unwrap_or_else(|e| panic!("{e}"));
    let text = read(root().join(SUMMARY));
    let findings = Auditor::new(&store, Options::default())
        .with_link_evidence(true)
        .audit(SUMMARY, &text, Format::of_path(SUMMARY), &[]);
    let with_status = |status| -> Vec<(String, String)> {
        findings
            .iter()
            .filter(|f| f.status == status)
            .map(|f| {
                let fact = f.facts.first().map(|fact| fact.id.clone());
                (f.text().into_owned(), fact.unwrap_or_default())
            })
            .collect()
    };
    assert_eq!(
        with_status(claimcheck::audit::Status::Backed),
        [
            ("1.84 million".to_owned(), "northport-2025-l5-1".to_owned()),
            (
                "$96.4 million".to_owned(),
                "northport-2025-l23-1".to_owned()
            ),
            ("64".to_owned(), "northport-2025-l27-2".to_owned()),
            ("21".to_owned(), "northport-2025-l27-3".to_owned()),
            // "−7%" for the report's "declined 7%": the same fall.
            ("−7%".to_owned(), "northport-2025-l40-1".to_owned()),
        ]
    );
    // "lowered emissions by 25%" restates the report's sentence on shore
    // power, which says 18.5%; "Europe sent 120" restates the first of the
    // report's list of ships in its order, which says 112, though the
    // list's three values share all its words.
    assert_eq!(
        with_status(claimcheck::audit::Status::Contradicted),
        [
            ("25%".to_owned(), "northport-2025-l14-1".to_owned()),
            ("120".to_owned(), "northport-2025-l27-1".to_owned()),
            ("18".to_owned(), "northport-2025-l35-1".to_owned())
        ]
    );
    // "Pier Nine ... berthed 18 ships" restates the table's row more fully
    // than the sentence on the new pier, though it ranks it barely ahead;
    // and "Nine" is the pier's name, no number. Set in 2019, "221" is no
    // wrong figure of a sentence that names no year.
    let unsourced = with_status(claimcheck::audit::Status::Unsourced);
    assert_eq!(
        unsourced
            .iter()
            .map(|(text, _)| text.as_str())
            .collect::<Vec<_>>(),
        ["950", "221"]
    );
    let report = AuditReport::new(vec![SUMMARY.to_owned()], findings);
    // Verbose: a backed number in full, with the report's sentence.
    let human = render::audit_human(&report, false, render::Detail::Verbose);
    assert!(human.contains(
        "quote:  \"Operating revenue came to $96.4 million, of which leases contributed more than 30%.\""
    ));
    // The store's origins name the temporary folder.
    let human = human.replace(&dir.path().display().to_string(), "[tmp]");
    settings("harvest").bind(|| insta::assert_snapshot!("audit", human));
}

/// `facts` finds a draft by the words of its quote, its name until a
/// curator gives it one.
#[test]
fn facts_finds_a_draft_by_its_quote() {
    let dir = harvested();
    let store = Store::load(&dir.path().join("sources")).unwrap_or_else(|e| panic!("{e}"));
    let found = claimcheck::facts::search(&store, "shore power emissions");
    let ids: Vec<&str> = found.facts.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["northport-2025-l14-1"]);
}

/// Form feeds number the pages of a plain-text document (as PDF-to-text
/// tools write them); the page is part of each draft's locator.
#[test]
fn form_feeds_number_the_pages() {
    let text = read(root().join(PAGED));
    let source = Source {
        id: "northport-paged".to_owned(),
        ..Source::default()
    };
    let harvest = harvest::harvest(&text, Format::of_path(PAGED), source);
    let pages: Vec<(&str, Option<&str>)> = harvest
        .facts
        .iter()
        .map(|f| (f.value.as_str(), f.locator.page.as_deref()))
        .collect();
    assert_eq!(
        pages,
        [
            ("4210", Some("1")),
            ("380000 m³", Some("2")),
            ("about 12%", Some("2")),
            ("$7.5 million", Some("3"))
        ]
    );
    assert_eq!(
        harvest.source.title.as_deref(),
        Some("Northport Harbour Annual Review 2025")
    );
}

/// An existing source folder is kept unless --force; with it, the folder is
/// replaced whole (a file left in the old one is gone).
#[test]
fn an_existing_folder_is_replaced_only_with_force() {
    let dir = harvested();
    let folder = dir.path().join("sources/northport-2025");
    std::fs::write(folder.join("notes.txt"), "a curator's notes").unwrap();
    let document = root().join(FIXTURE);
    let args = [
        "harvest",
        document.to_str().unwrap(),
        "--id",
        "northport-2025",
        "--store",
        "sources",
    ];
    let refused = claimcheck(dir.path(), &args);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&refused.stderr),
        "error: sources/northport-2025 exists: harvest never overwrites a source folder; pass --force to replace it\n"
    );
    assert!(folder.join("notes.txt").exists());
    let forced = claimcheck(dir.path(), &[&args[..], &["--force"]].concat());
    assert_eq!(forced.status.code(), Some(0), "{forced:?}");
    assert!(!folder.join("notes.txt").exists());
    assert!(folder.join("facts.jsonl").exists());
    // Nothing of the swap is left beside the folder.
    let left: Vec<String> = std::fs::read_dir(dir.path().join("sources"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["northport-2025"]);
}

/// An id that cannot name a folder is refused before anything is written.
#[test]
fn a_bad_id_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let harvest = harvest::harvest(
        "Ships: 12.",
        Format::PlainText,
        Source {
            id: "../outside".to_owned(),
            ..Source::default()
        },
    );
    let err = harvest::write(dir.path(), &harvest, "x.txt", "Ships: 12.", false).unwrap_err();
    assert!(matches!(err, HarvestError::BadId(_)), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A fact that is not a draft still needs its names: only drafts may
/// leave them empty.
#[test]
fn only_drafts_may_leave_their_names_empty() {
    let dir = harvested();
    let facts = dir.path().join("sources/northport-2025/facts.jsonl");
    let text = read(facts.clone()).replacen("\"draft\":true,", "", 1);
    std::fs::write(&facts, text).unwrap();
    let err = Store::load(&dir.path().join("sources")).unwrap_err();
    assert_eq!(err.0.len(), 1, "{err}");
    assert!(
        err.to_string()
            .contains("facts.jsonl:1: /subject: an empty subject: only a draft (\"draft\": true) may leave it empty"),
        "{err}"
    );
}

/// A draft is linked by its quote: one without is an error, not a fact
/// that nothing could ever link to.
#[test]
fn a_draft_needs_its_quote() {
    let dir = harvested();
    let facts = dir.path().join("sources/northport-2025/facts.jsonl");
    let text = read(facts.clone()).replacen(
        "\"quote\":\"Container throughput at Northport reached 1.84 million TEU in 2025, up from 1.62 million TEU in 2024.\"",
        "\"quote\":\" \"",
        1,
    );
    std::fs::write(&facts, text).unwrap();
    let err = Store::load(&dir.path().join("sources")).unwrap_err();
    assert_eq!(
        err.0.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [format!(
            "{}:1: /quote: a draft needs its quote: the words it is linked to prose by",
            facts.display()
        )]
    );
}

/// The AI Index report, read from `../shared`: well over two thousand
/// drafts, every quote of them found in the kept text by lint, and its
/// best-known figure quoted from its own sentence.
#[test]
fn the_ai_index_report_harvests_with_every_quote_verified() {
    let dir = tempfile::tempdir().unwrap();
    let text = read(root().join(REPORT));
    let source = Source {
        id: "ai-index-2026-report".to_owned(),
        ..Source::default()
    };
    let harvest = harvest::harvest(&text, Format::Markdown, source);
    assert!(harvest.facts.len() > 2000, "{}", harvest.facts.len());
    assert_eq!(
        harvest.source.title.as_deref(),
        Some("Artificial Intelligence Index Report 2026")
    );
    let investment = harvest
        .facts
        .iter()
        .find(|f| f.value == "$285.9 billion")
        .expect("a draft of $285.9 billion");
    assert!(
        investment.quote.contains("$285.9 billion"),
        "{investment:?}"
    );
    assert!(investment.locator.line.is_some() && investment.locator.section.is_some());
    harvest::write(&dir.path().join("sources"), &harvest, REPORT, &text, false).unwrap();
    let report = lint::lint_dir(&dir.path().join("sources"), &lint::Options::default()).unwrap();
    assert_eq!(
        report.summary.error,
        0,
        "{}",
        lint::render_human(&report, false)
    );
    assert_eq!(report.summary.by_code.get("draft-facts"), Some(&1));
}

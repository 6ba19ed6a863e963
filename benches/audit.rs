//! Audit throughput on a large corpus, against `grep -c '[0-9]'` on the same bytes.
//!
//! The corpus is the example articles under `claims/examples/` repeated to
//! about 40 MB, with the numbers varied from copy to copy so the work is not
//! the same sentence over and over. The bundled store is loaded first and
//! not timed; the audit runs on one thread. The binary is also timed from
//! start to exit with `--format github`, as a CI job runs it. Run it with
//! `cargo bench --bench audit` (a release build). A Chinese article is timed
//! the same way, repeated to the same size.
//!
//! The bench uses mimalloc as its global allocator, as the `claimcheck`
//! binary does (src/main.rs), so the figure is the one a user of the CLI
//! sees; on the system allocator a dense corpus spends a noticeable share of
//! its time freeing findings.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use claimcheck::audit::{Auditor, Format, markdown, scan};
use claimcheck::check::Options;
use claimcheck::store::Store;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const TARGET_BYTES: usize = 40 * 1024 * 1024;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut articles = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(root.join("claims/examples"))
        .expect("claims/examples exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    names.sort();
    for name in &names {
        articles.push(std::fs::read_to_string(name).expect("an example article"));
    }
    let corpus = corpus(&articles);
    let mb = corpus.len() as f64 / 1e6;
    let store = Store::load(&root.join("sources")).expect("the bundled store loads");
    let auditor = Auditor::new(&store, Options::default());
    let mut out = std::io::stdout().lock();

    // One warm-up pass over a slice, then the timed passes over everything.
    let _ = auditor.audit(
        "warm-up.md",
        &corpus[..corpus.len() / 64],
        Format::Markdown,
        &[],
    );
    // As the CLI runs it for its human, JSON and GitHub output: each
    // finding handed over as it is made. Three runs: this machine's clock
    // wanders by ten per cent from run to run.
    let mut runs = Vec::new();
    let mut found = 0usize;
    for _ in 0..3 {
        let started = Instant::now();
        found = 0;
        auditor.audit_each("corpus.md", &corpus, Format::Markdown, &[], |_| found += 1);
        runs.push(started.elapsed().as_secs_f64());
    }
    runs.sort_by(f64::total_cmp);
    let (best, median) = (runs[0], runs[1]);
    let _ = writeln!(
        out,
        "corpus: {mb:.1} MB from {} example articles, {found} numbers found",
        names.len()
    );
    let _ = writeln!(
        out,
        "audit (bundled store, one thread, findings handed over as made), 3 runs: best {best:.3} s = {:.1} MB/s, median {median:.3} s = {:.1} MB/s",
        mb / best,
        mb / median
    );

    // As for SARIF and --suggest, which need every finding at once.
    let started = Instant::now();
    let kept = auditor.audit("corpus.md", &corpus, Format::Markdown, &[]);
    let kept_secs = started.elapsed().as_secs_f64();
    let _ = writeln!(
        out,
        "audit with all {} findings kept: {kept_secs:.3} s, {:.1} MB/s",
        kept.len(),
        mb / kept_secs
    );
    drop(kept);

    // The parts: Markdown to prose blocks, then the same with the number
    // scanner run on each block.
    let started = Instant::now();
    let mut blocks = 0usize;
    markdown::each_markdown_block(&corpus, |_| blocks += 1);
    let markdown_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut scanned = 0usize;
    markdown::each_markdown_block(&corpus, |b| scanned += scan::scan(&b.text, b.kind).len());
    let scan_secs = started.elapsed().as_secs_f64() - markdown_secs;
    let _ = writeln!(
        out,
        "  of which Markdown to prose {markdown_secs:.3} s ({blocks} blocks), number scanner {scan_secs:.3} s ({scanned} numbers), store lookups and findings the rest",
    );

    let file = std::env::temp_dir().join(format!("claimcheck-bench-{}.md", std::process::id()));
    std::fs::write(&file, &corpus).expect("the corpus can be written");
    // What a CI job sees: the binary, from start to exit, loading the
    // store, reading the article and writing every annotation.
    let started = Instant::now();
    let cli = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(root)
        .args(["audit", "--format", "github"])
        .arg(&file)
        .stdout(Stdio::null())
        .status();
    let cli_secs = started.elapsed().as_secs_f64();
    match cli {
        Ok(status) if status.code().is_some_and(|c| c <= 1) => {
            let _ = writeln!(
                out,
                "claimcheck audit --format github (the binary, start to exit, annotations to /dev/null): {cli_secs:.3} s, {:.1} MB/s",
                mb / cli_secs
            );
        }
        other => {
            let _ = writeln!(out, "claimcheck audit did not run as expected: {other:?}");
        }
    }
    let started = Instant::now();
    let grep = Command::new("grep")
        .arg("-c")
        .arg("[0-9]")
        .arg(&file)
        .output();
    let grep_secs = started.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&file);

    // For scale: the same measurement on the seed article (a real derived
    // summary, a number every ~350 bytes) repeated to the same size, if the
    // shared reference folder is beside the repository.
    if let Ok(seed) = std::fs::read_to_string(root.join("../shared/seeds/000_eba7b0e877cdae88.txt"))
    {
        repeated(
            &auditor,
            &mut out,
            "the seed article",
            &seed,
            Format::PlainText,
        );
    }
    // Chinese: the Chinese summary written for the tests (numbers glued to
    // Han text, sentences ending in 。), repeated to the same size.
    let zh = std::fs::read_to_string(root.join("tests/fixtures/audit/zh-summary.md"))
        .expect("the Chinese summary of the tests");
    repeated(
        &auditor,
        &mut out,
        "Chinese: the Chinese summary",
        &zh,
        Format::Markdown,
    );
    match grep {
        Ok(output) if output.status.success() => {
            let lines = String::from_utf8_lossy(&output.stdout).trim().to_owned();
            let _ = writeln!(
                out,
                "grep -c '[0-9]': {grep_secs:.3} s, {:.1} MB/s ({lines} lines with a digit)",
                mb / grep_secs
            );
            let _ = writeln!(
                out,
                "ratio: the audit (median) takes {:.1}x the time of grep",
                median / grep_secs
            );
        }
        _ => {
            let _ = writeln!(out, "grep did not run; no ratio");
        }
    }
}

/// The articles again and again, each copy's digits shifted so numbers vary.
fn corpus(articles: &[String]) -> String {
    let mut corpus = String::with_capacity(TARGET_BYTES + 64 * 1024);
    let mut copy = 0u32;
    while corpus.len() < TARGET_BYTES {
        for article in articles {
            let shift = copy % 7;
            corpus.extend(article.chars().map(|c| match c.to_digit(10) {
                // Leave years and the first digit alone often enough to keep dates dates.
                Some(d) if shift > 0 && d > 2 => {
                    char::from_digit((d + shift) % 7 + 3, 10).unwrap_or(c)
                }
                _ => c,
            }));
            corpus.push_str("\n\n");
        }
        copy += 1;
    }
    corpus
}

/// The audit of `article` repeated to the corpus's size, in MB/s.
fn repeated(auditor: &Auditor, out: &mut impl Write, what: &str, article: &str, format: Format) {
    let copies = TARGET_BYTES / article.len().max(1) + 1;
    let text = article.repeat(copies);
    let started = Instant::now();
    let mut found = 0usize;
    auditor.audit_each("repeated", &text, format, &[], |_| found += 1);
    let secs = started.elapsed().as_secs_f64();
    let mb = text.len() as f64 / 1e6;
    let _ = writeln!(
        out,
        "for scale, {what} repeated: {mb:.1} MB, {found} numbers, {secs:.3} s, {:.1} MB/s",
        mb / secs
    );
}

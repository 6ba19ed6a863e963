//! Audit throughput on a large corpus, against `grep -c '[0-9]'` on the same bytes.
//!
//! The corpus is the example articles under `claims/examples/` repeated to
//! about 40 MB, with the numbers varied from copy to copy so the work is not
//! the same sentence over and over. The bundled store is loaded first and
//! not timed; the audit runs on one thread. Run it with
//! `cargo bench --bench audit` (a release build).
//!
//! The bench uses mimalloc as its global allocator, as the `claimcheck`
//! binary does (src/main.rs), so the figure is the one a user of the CLI
//! sees; on the system allocator a dense corpus spends a noticeable share of
//! its time freeing findings.

use std::io::Write;
use std::path::Path;
use std::process::Command;
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
    let store = Store::load(&root.join("sources")).expect("the bundled store loads");
    let auditor = Auditor::new(&store, Options::default());

    // One warm-up pass over a slice, then the timed pass over everything.
    let _ = auditor.audit(
        "warm-up.md",
        &corpus[..corpus.len() / 64],
        Format::Markdown,
        &[],
    );
    let started = Instant::now();
    let findings = auditor.audit("corpus.md", &corpus, Format::Markdown, &[]);
    let audit_secs = started.elapsed().as_secs_f64();
    let found = findings.len();
    drop(findings);

    // The same audit with each finding handed over and dropped, as a caller
    // that writes findings out as they come would see it.
    let started = Instant::now();
    let mut streamed = 0usize;
    auditor.audit_each("corpus.md", &corpus, Format::Markdown, &[], |_| {
        streamed += 1
    });
    let each_secs = started.elapsed().as_secs_f64();

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

    let file = std::env::temp_dir().join(format!("claimcheck-bench-{}.md", std::process::id()));
    std::fs::write(&file, &corpus).expect("the corpus can be written");
    let started = Instant::now();
    let grep = Command::new("grep")
        .arg("-c")
        .arg("[0-9]")
        .arg(&file)
        .output();
    let grep_secs = started.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&file);

    let mb = corpus.len() as f64 / 1e6;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "corpus: {:.1} MB from {} example articles, {} numbers found",
        mb,
        names.len(),
        found
    );
    let _ = writeln!(
        out,
        "audit (bundled store, one thread, findings kept): {:.3} s, {:.1} MB/s",
        audit_secs,
        mb / audit_secs
    );
    let _ = writeln!(
        out,
        "audit_each (findings handed over one by one, {streamed}): {:.3} s, {:.1} MB/s",
        each_secs,
        mb / each_secs
    );
    let _ = writeln!(
        out,
        "  of which Markdown to prose {:.3} s ({blocks} blocks), number scanner {:.3} s ({scanned} numbers), store lookups and findings the rest",
        markdown_secs, scan_secs
    );
    // For scale: the same measurement on the seed article (a real derived
    // summary, a number every ~350 bytes) repeated to the same size, if the
    // shared reference folder is beside the repository.
    if let Ok(seed) = std::fs::read_to_string(root.join("../shared/seeds/000_eba7b0e877cdae88.txt"))
    {
        let copies = TARGET_BYTES / seed.len().max(1) + 1;
        let text = seed.repeat(copies);
        let started = Instant::now();
        let found = auditor.audit("seed-corpus.txt", &text, Format::PlainText, &[]);
        let secs = started.elapsed().as_secs_f64();
        let mb = text.len() as f64 / 1e6;
        let _ = writeln!(
            out,
            "for scale, the seed article repeated: {:.1} MB, {} numbers, {:.3} s, {:.1} MB/s",
            mb,
            found.len(),
            secs,
            mb / secs
        );
    }
    match grep {
        Ok(output) if output.status.success() => {
            let lines = String::from_utf8_lossy(&output.stdout).trim().to_owned();
            let _ = writeln!(
                out,
                "grep -c '[0-9]': {:.3} s, {:.1} MB/s ({lines} lines with a digit)",
                grep_secs,
                mb / grep_secs
            );
            let _ = writeln!(
                out,
                "ratio: audit takes {:.1}x the time of grep",
                audit_secs / grep_secs
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

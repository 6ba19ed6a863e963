//! Harvest speed on the AI Index report (`../shared/reference/ai-index-2026/report.md`,
//! about 270 KB, read from the shared data, never copied): reading its
//! numbers into drafts in the library, and the binary from start to exit
//! writing the source folder, which the target puts under one second. Then
//! what a harvested store costs an audit: loading it and building the
//! linker's quote forms. Run it with `cargo bench --bench harvest`.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use claimcheck::audit::{Auditor, Format};
use claimcheck::check::Options;
use claimcheck::harvest;
use claimcheck::store::{Source, Store};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const REPORT: &str = "../shared/reference/ai-index-2026/report.md";

/// The fastest of `runs` timings of `f`, in milliseconds: the machine is
/// shared, and the least disturbed run is the one that measures the code.
fn best(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let report = root.join(REPORT);
    let text = std::fs::read_to_string(&report).expect("the report is in ../shared");
    let source = || Source {
        id: "ai-index-2026-report".to_owned(),
        ..Source::default()
    };
    let mut out = std::io::stdout().lock();
    let mut drafts = 0;
    let read = best(5, || {
        drafts = harvest::harvest(&text, Format::Markdown, source())
            .facts
            .len();
    });
    let _ = writeln!(
        out,
        "harvest (library): {drafts} drafts from {} KB in {read:.1} ms (best of 5)",
        text.len() / 1024
    );

    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = dir.path().join("sources");
    let binary = root.join("target/release/claimcheck");
    if binary.exists() {
        let run = best(5, || {
            let status = Command::new(&binary)
                .args(["harvest", report.to_str().unwrap_or_default()])
                .args(["--id", "ai-index-2026-report", "--force", "--store"])
                .arg(&store)
                .output()
                .expect("the binary runs");
            assert!(status.status.success(), "{status:?}");
        });
        let _ = writeln!(
            out,
            "harvest (binary, writing the folder): {run:.1} ms (best of 5)"
        );
    } else {
        let harvested = harvest::harvest(&text, Format::Markdown, source());
        harvest::write(&store, &harvested, REPORT, &text, true).expect("the folder is written");
        let _ = writeln!(
            out,
            "harvest (binary): not timed, build it with cargo build --release"
        );
    }

    let mut facts = 0;
    let load = best(5, || {
        facts = Store::load(&store).expect("the harvest loads").facts.len()
    });
    let loaded = Store::load(&store).expect("the harvest loads");
    let linker = best(5, || {
        let _ = Auditor::new(&loaded, Options::default());
    });
    let _ = writeln!(
        out,
        "harvested store: {facts} facts load in {load:.1} ms; an auditor (linker with quote forms) builds in {linker:.1} ms"
    );
}

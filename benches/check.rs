//! Load and check speed, on synthetic stores and on the bundled one.
//!
//! `cargo bench --bench check` prints, for each store size, the time to load
//! and index it, the peak resident memory, and the time to check 100,000
//! claims after loading. The targets (issue 2): a 1,000,000-fact store loads
//! in under 2 s using under 1 GiB, and 100,000 claims check in under 1 s.
//!
//! A plain harness rather than a statistics crate: each step runs a few times
//! and the fastest run is reported, which is what a CI job would see on a
//! warm machine.

#![expect(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use claimcheck::check::{Options, check_text};
use claimcheck::store::Store;

// Loading a large store makes millions of small allocations; mimalloc
// handles that churn markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CLAIMS: usize = 100_000;
const RUNS: usize = 3;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Each store is measured in a fresh process, so that its peak memory is its own.
    if let [_, flag, root, claims] = args.as_slice()
        && flag == "--measure"
    {
        let root = PathBuf::from(root);
        let claims = match claims.parse::<usize>() {
            Ok(n) => synthetic_claims(n),
            Err(_) => bundled_claims(),
        };
        measure(&root, &claims);
        return;
    }
    let data = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-check");
    let sizes: Vec<usize> = args.iter().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![1_000_000]
    } else {
        sizes
    };

    println!(
        "{:<22} {:>10} {:>12} {:>14} {:>14}",
        "store", "facts", "load+index", "peak RSS", "100k claims"
    );
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("sources");
    run("bundled ai-index-2026", &bundled, "bundled");
    for n in sizes {
        let root = data.join(format!("store-{n}"));
        if !root.join("synthetic/facts.jsonl").exists() {
            generate_store(&root, n).expect("write the synthetic store");
        }
        run(&format!("synthetic {n}"), &root, &n.to_string());
    }
}

fn run(name: &str, root: &Path, claims: &str) {
    let output = std::process::Command::new(std::env::current_exe().expect("own path"))
        .args(["--measure", &root.display().to_string(), claims])
        .output()
        .expect("run the measurement");
    let row = String::from_utf8_lossy(&output.stdout);
    print!("{name:<22} {row}");
    if !output.status.success() {
        println!("  failed: {}", String::from_utf8_lossy(&output.stderr));
    }
}

fn measure(root: &Path, claims: &str) {
    // The first load is the one a command-line run pays, so its memory is the figure.
    let start = Instant::now();
    let store = Store::load(root).unwrap_or_else(|e| panic!("{e}"));
    let mut load = start.elapsed();
    let rss = peak_rss_mib();
    for _ in 1..RUNS {
        let start = Instant::now();
        let again = Store::load(root).unwrap_or_else(|e| panic!("{e}"));
        load = load.min(start.elapsed());
        drop(again);
    }
    let mut check = Duration::MAX;
    let mut verdicts = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        verdicts = check_text(&store, "bench.claims", claims, &Options::default()).len();
        check = check.min(start.elapsed());
    }
    assert_eq!(verdicts, CLAIMS, "every claim gets a verdict");
    println!(
        "{:>10} {:>10.3} s {:>10} MiB {:>12.3} s",
        store.facts.len(),
        load.as_secs_f64(),
        rss,
        check.as_secs_f64()
    );
}

/// Peak resident set of this process so far (Linux), in MiB.
fn peak_rss_mib() -> String {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_owned)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or_else(|| "?".to_owned(), |kb| (kb / 1024).to_string())
}

const METRICS: usize = 100;
const PERIODS: usize = 10;

/// `n` facts over subjects × metrics × periods, each with full provenance.
fn generate_store(root: &Path, n: usize) -> std::io::Result<()> {
    let dir = root.join("synthetic");
    fs::create_dir_all(&dir)?;
    fs::write(
        dir.join("source.json"),
        r#"{"id": "synthetic", "title": "Synthetic report", "publisher": "claimcheck benchmarks", "published": "2026-01", "url": "https://example.org/synthetic", "licence": "CC0", "kind": "primary"}"#,
    )?;
    let mut out = BufWriter::new(fs::File::create(dir.join("facts.jsonl"))?);
    for i in 0..n {
        let (subject, metric, period) = coordinates(i);
        writeln!(
            out,
            r#"{{"id": "f{i}", "subject": "Entity {subject}", "metric": "metric {metric}", "period": "{period}", "value": "{}", "locator": {{"chapter": "{} Chapter", "section": "{}.{} Section", "pages": "{}-{}"}}, "url": "https://example.org/synthetic/{}", "retrieved": "2026-01-15", "via": ["https://example.org/mirror/{}"]}}"#,
            value(i),
            metric % 9 + 1,
            metric % 9 + 1,
            metric % 7,
            metric * 3,
            metric * 3 + 20,
            metric % 9,
            subject % 50
        )?;
    }
    out.flush()
}

fn coordinates(i: usize) -> (usize, usize, usize) {
    (
        i / (METRICS * PERIODS),
        (i / PERIODS) % METRICS,
        2016 + i % PERIODS,
    )
}

fn value(i: usize) -> String {
    match i % 4 {
        0 => format!("${}.{} billion", i % 997, i % 10),
        1 => format!("{}.{}%", i % 100, i % 10),
        2 => format!("{}", i % 100_000),
        _ => format!("about {} million people", i % 500 + 1),
    }
}

/// 100,000 claims over the synthetic store: most hold, some are off by 10%.
fn synthetic_claims(n: usize) -> String {
    let mut text = String::from("@source synthetic\n");
    for k in 0..CLAIMS {
        let i = (k * 7919) % n;
        let (subject, metric, period) = coordinates(i);
        let stated = if k % 10 == 0 {
            format!("{}", i % 100_000 + 1)
        } else {
            value(i)
        };
        text.push_str(&format!(
            "Entity {subject} metric {metric} {period} = {stated}\n"
        ));
    }
    text
}

/// The bundled claims files, repeated to 100,000 claims.
fn bundled_claims() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
    let mut lines = Vec::new();
    for file in [
        "ai-index-2026/summary.claims",
        "examples/investment-digest.claims",
        "examples/benchmarks-brief.claims",
    ] {
        let text = fs::read_to_string(root.join(file)).expect("bundled claims");
        for line in text.lines() {
            if matches!(
                claimcheck::claim::parse_line(line),
                Ok(Some(claimcheck::claim::Entry::Claim(_)))
            ) {
                lines.push(line.to_owned());
            }
        }
    }
    let mut text = String::from("@period 2025\n");
    for k in 0..CLAIMS {
        text.push_str(&lines[k % lines.len()]);
        text.push('\n');
    }
    text
}

//! A big store read through its index (issue 12, scale).
//!
//! `cargo bench --bench big_store` writes a data table of 10,000,000 facts
//! (1,000,000 rows of 10 value columns, a Frictionless data package) once
//! into the target folder, then prints, each measured in a fresh process:
//!
//! - the one-time index step (hash the sources, read them as a stream of
//!   facts, write the index);
//! - `claimcheck check -e` run as a command against the indexed store (the
//!   release binary, cold process: hash, open the index, one claim);
//! - 100,000 claims checked through the library on a freshly opened store;
//! - the peak resident memory of each.
//!
//! The targets: `check -e` under 1 s, 100,000 claims under 5 s, under 2 GiB.
//! `cargo bench --bench big_store -- 100000` measures a 100,000-fact table
//! instead (seconds, for a quick look); any number of facts may be given.

#![expect(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use claimcheck::check::{Options, check_text};
use claimcheck::store::{Store, index_path};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const COLUMNS: usize = 10;
const YEARS: usize = 50;
const FIRST_YEAR: usize = 1970;
const CLAIMS: usize = 100_000;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Each step runs in a fresh process, so that its peak memory is its own.
    match args.as_slice() {
        [_, step, root] if step == "--index" => return measure_index(Path::new(root)),
        [_, step, root, facts] if step == "--claims" => {
            return measure_claims(Path::new(root), facts.parse().unwrap_or(0));
        }
        _ => {}
    }
    let facts = args
        .iter()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(10_000_000);
    let rows = facts.div_ceil(COLUMNS).max(YEARS);
    let facts = rows * COLUMNS;
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("big-store-{facts}"));
    if !root.join("table/table.csv").exists() {
        let start = Instant::now();
        generate(&root, rows).expect("write the table");
        println!(
            "generated {facts} facts in {:.1} s: {}",
            start.elapsed().as_secs_f64(),
            root.display()
        );
    }
    let _ = fs::remove_file(index_path(&root));
    println!("{:<34} {:>10} {:>12}", "step", "time", "peak RSS");
    step(
        "index (hash + read + write)",
        &["--index", &root.display().to_string()],
    );
    let (entity, column, year, value) = cell(rows / 2 + 7, 3);
    let claim = format!("{entity} {column} {year} = {value}");
    for run in ["check -e (first)", "check -e (again)"] {
        timed_command(run, &root, &claim);
    }
    step(
        "100,000 claims (library)",
        &["--claims", &root.display().to_string(), &rows.to_string()],
    );
}

/// Runs a step of this bench in a child process and prints its report.
fn step(name: &str, args: &[&str]) {
    let output = Command::new(std::env::current_exe().expect("own path"))
        .args(args)
        .output()
        .expect("run the step");
    print!("{name:<34} {}", String::from_utf8_lossy(&output.stdout));
    if !output.status.success() {
        println!("  failed: {}", String::from_utf8_lossy(&output.stderr));
    }
}

/// The real command, as a user runs it, under /usr/bin/time for its memory.
fn timed_command(name: &str, root: &Path, claim: &str) {
    let binary = env!("CARGO_BIN_EXE_claimcheck");
    let time = Path::new("/usr/bin/time");
    let mut command = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-v").arg(binary);
        c
    } else {
        Command::new(binary)
    };
    command
        .args(["check", "--color", "never", "--store"])
        .arg(root)
        .args(["-e", claim]);
    let start = Instant::now();
    let output = command.output().expect("run claimcheck");
    let elapsed = start.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let rss = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|kb| kb.trim().parse::<u64>().ok())
        .map_or_else(|| "?".to_owned(), |kb| (kb / 1024).to_string());
    println!("{name:<34} {:>8.3} s {:>8} MiB", elapsed.as_secs_f64(), rss);
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !stdout.contains("match") {
        println!("  unexpected output: {stdout}{stderr}");
    }
}

fn measure_index(root: &Path) {
    let start = Instant::now();
    let facts = Store::build_index(root).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "{:>8.3} s {:>8} MiB  ({facts} facts, index {} MiB)",
        start.elapsed().as_secs_f64(),
        peak_rss_mib(),
        fs::metadata(index_path(root)).map_or(0, |m| m.len() >> 20)
    );
}

fn measure_claims(root: &Path, rows: usize) {
    let mut text = String::from("@source table\n");
    for k in 0..CLAIMS {
        let (entity, column, year, value) = cell((k * 7919) % rows, k % COLUMNS);
        // One claim in ten is off, so that mismatches are checked too.
        let stated = if k % 10 == 0 {
            format!("{value}1")
        } else {
            value
        };
        text.push_str(&format!("{entity} {column} {year} = {stated}\n"));
    }
    let start = Instant::now();
    // Through the index whatever the size: `Store::open` would load a small
    // table whole, and the quick size is for a look at the index's speed.
    let store = Store::open_indexed(root).unwrap_or_else(|e| panic!("{e}"));
    let opened = start.elapsed();
    let reports = check_text(&store, "bench.claims", &text, &Options::default());
    let elapsed = start.elapsed();
    assert_eq!(reports.len(), CLAIMS, "every claim gets a verdict");
    assert!(store.index_failure().is_none());
    println!(
        "{:>8.3} s {:>8} MiB  (open {:.3} s)",
        elapsed.as_secs_f64(),
        peak_rss_mib(),
        opened.as_secs_f64()
    );
}

/// Peak resident set of this process so far (Linux), in MiB.
fn peak_rss_mib() -> String {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:").map(str::to_owned))
        })
        .and_then(|l| {
            l.split_whitespace()
                .next()
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or_else(|| "?".to_owned(), |kb| (kb / 1024).to_string())
}

/// The row's entity, the column's title, the row's year and the cell as written.
fn cell(row: usize, column: usize) -> (String, String, usize, String) {
    let value = (row * 7 + column * 131) % 100_000;
    (
        format!("Region {}", row / YEARS),
        format!("indicator {}", column + 1),
        FIRST_YEAR + row % YEARS,
        format!("{}.{}", value / 10, value % 10),
    )
}

/// A data package of `rows` rows: regions × years, each with every indicator.
fn generate(root: &Path, rows: usize) -> std::io::Result<()> {
    let dir = root.join("table");
    fs::create_dir_all(&dir)?;
    let fields: Vec<String> = (0..COLUMNS)
        .map(|c| {
            format!(
                r#"{{"name": "i{}", "title": "indicator {}", "type": "number"}}"#,
                c + 1,
                c + 1
            )
        })
        .collect();
    fs::write(
        dir.join("datapackage.json"),
        format!(
            r#"{{"name": "table", "title": "Synthetic regional indicators", "sources": [{{"title": "claimcheck benchmarks", "path": "https://example.org/table"}}], "resources": [{{"path": "table.csv", "schema": {{"fields": [{{"name": "Region", "type": "string"}}, {{"name": "Year", "type": "integer"}}, {}]}}}}]}}"#,
            fields.join(", ")
        ),
    )?;
    let mut out = BufWriter::new(fs::File::create(dir.join("table.csv"))?);
    write!(out, "Region,Year")?;
    for c in 0..COLUMNS {
        write!(out, ",i{}", c + 1)?;
    }
    writeln!(out)?;
    for row in 0..rows {
        let (entity, _, year, _) = cell(row, 0);
        write!(out, "{entity},{year}")?;
        for c in 0..COLUMNS {
            write!(out, ",{}", cell(row, c).3)?;
        }
        writeln!(out)?;
    }
    out.flush()
}

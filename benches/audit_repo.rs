//! `claimcheck audit` over a repository of many articles and claims.
//!
//! Generates, in a temporary folder, N articles of about 10 KB (the example
//! digest `claims/examples/investment-digest.md` and the benchmarks brief,
//! repeated, digits varied from article to article) and N claims files lines:
//! one claim per article, each with `@article` and `@L` pointing into it,
//! a hundred articles to a claims file. Then it times the binary from start to
//! exit: `claimcheck audit --claims claims --format github articles/...` with
//! the bundled store, output to /dev/null, as a CI job runs it.
//!
//! `cargo bench --bench audit_repo` runs 1,000 and 10,000 articles; give
//! other sizes as arguments (`cargo bench --bench audit_repo -- 2000 20000`).
//! The target (issue 12): 10,000 articles with 10,000 claims well under
//! 10 s, and a cost that grows linearly with articles plus claims.

#![expect(clippy::print_stdout, reason = "a benchmark reports on stdout")]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const ARTICLE_BYTES: usize = 10 * 1024;
const ARTICLES_PER_CLAIMS_FILE: usize = 100;
const RUNS: usize = 3;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000]
    } else {
        sizes
    };
    let digest = read(&root.join("claims/examples/investment-digest.md"));
    let brief = read(&root.join("claims/examples/benchmarks-brief.md"));
    // The digest's own claims that point at a line: `@L7` and so on.
    let claim_lines: Vec<String> = read(&root.join("claims/examples/investment-digest.claims"))
        .lines()
        .filter(|l| l.contains("@L") && !l.trim_start().starts_with('#'))
        .map(|l| l.split(" # ").next().unwrap_or(l).trim().to_owned())
        .collect();
    assert!(!claim_lines.is_empty(), "the example claims have @L lines");
    println!(
        "{:>9} {:>9} {:>10} {:>10} {:>12}",
        "articles", "claims", "MB", "best s", "median s"
    );
    for n in sizes {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-audit-repo-{n}"));
        let files = generate(&dir, n, &digest, &brief, &claim_lines);
        let bytes: u64 = files
            .iter()
            .map(|f| std::fs::metadata(dir.join(f)).map_or(0, |m| m.len()))
            .sum();
        let mut runs = Vec::new();
        for _ in 0..RUNS {
            let started = Instant::now();
            let status = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
                .current_dir(&dir)
                .args(["audit", "--store"])
                .arg(root.join("sources"))
                .args(["--claims", "claims", "--format", "github"])
                .args(&files)
                .stdout(Stdio::null())
                .status();
            let secs = started.elapsed().as_secs_f64();
            match status {
                Ok(s) if s.code().is_some_and(|c| c <= 1) => runs.push(secs),
                other => panic!("claimcheck audit did not run as expected: {other:?}"),
            }
        }
        runs.sort_by(f64::total_cmp);
        println!(
            "{n:>9} {n:>9} {:>10.1} {:>10.3} {:>12.3}",
            bytes as f64 / 1e6,
            runs[0],
            runs[RUNS / 2]
        );
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Writes the articles and claims files once (kept between runs); returns
/// the articles' paths relative to `dir`.
fn generate(
    dir: &Path,
    n: usize,
    digest: &str,
    brief: &str,
    claim_lines: &[String],
) -> Vec<String> {
    let names: Vec<String> = (0..n).map(|i| format!("articles/{i:05}.md")).collect();
    if dir.join("done").exists() {
        return names;
    }
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir.join("articles")).expect("a temporary folder");
    std::fs::create_dir_all(dir.join("claims")).expect("a temporary folder");
    for (i, name) in names.iter().enumerate() {
        // The digest first, unchanged, so that the claims' @L lines hold;
        // then copies with their digits varied, so articles differ.
        let mut text = String::with_capacity(ARTICLE_BYTES + 2048);
        text.push_str(digest);
        let mut copy = i;
        while text.len() < ARTICLE_BYTES {
            text.push_str("\n\n");
            let shift = (copy % 6 + 1) as u32;
            let source = if copy % 2 == 0 { brief } else { digest };
            text.extend(source.chars().map(|c| match c.to_digit(10) {
                Some(d) if d > 2 => char::from_digit((d + shift) % 7 + 3, 10).unwrap_or(c),
                _ => c,
            }));
            copy += 1;
        }
        std::fs::write(dir.join(name), text).expect("an article is written");
    }
    for (k, group) in names.chunks(ARTICLES_PER_CLAIMS_FILE).enumerate() {
        let mut claims = String::from("@source ai-index-2026\n@period 2025\n");
        for (j, name) in group.iter().enumerate() {
            let line = &claim_lines[(k * ARTICLES_PER_CLAIMS_FILE + j) % claim_lines.len()];
            let _ = write!(claims, "@article {name}\n{line}\n");
        }
        std::fs::write(dir.join(format!("claims/{k:03}.claims")), claims)
            .expect("a claims file is written");
    }
    std::fs::write(dir.join("done"), "").expect("the marker is written");
    names
}

use claimcheck::check::{Options, check_text};
use claimcheck::render::{self, Detail};
use claimcheck::report::Report;

use crate::util::{bundled, relative, root, settings};

/// Every claims file under claims/ is checked and its report pinned, in both formats.
#[test]
fn every_claims_file() {
    let mut files: Vec<_> = walk(&root().join("claims"));
    files.sort();
    assert!(!files.is_empty(), "no claims files found");
    for path in files {
        let name = relative(&path);
        let text = std::fs::read_to_string(&path).unwrap();
        // Paths in reports are relative to the repository root, as `claimcheck check` run there prints them.
        let report = Report::new(check_text(bundled(), &name, &text, &Options::default()));
        let snapshot = name.trim_start_matches("claims/").replace('/', "__");
        settings("claims").bind(|| {
            insta::assert_snapshot!(
                format!("{snapshot}.human"),
                render::human(&report, false, Detail::Normal)
            );
            insta::assert_snapshot!(format!("{snapshot}.json"), render::json(&report));
        });
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "claims") {
            out.push(path);
        }
    }
    out
}

/// The planted errors of the example articles are all mismatches, and nothing else fails there.
#[test]
fn planted_errors_are_mismatches() {
    for name in [
        "claims/examples/investment-digest.claims",
        "claims/examples/benchmarks-brief.claims",
    ] {
        let text = std::fs::read_to_string(root().join(name)).unwrap();
        let reports = check_text(bundled(), name, &text, &Options::default());
        for report in &reports {
            let line = text.lines().nth(report.line - 1).unwrap_or("");
            let planted = line.contains("# planted:");
            let verdict = report.verdict.as_str();
            if planted {
                assert_eq!(
                    verdict, "mismatch",
                    "{name}:{} planted error not caught: {}",
                    report.line, report.text
                );
            } else {
                assert_eq!(
                    verdict, "match",
                    "{name}:{} cried wolf: {}",
                    report.line, report.text
                );
            }
        }
    }
}

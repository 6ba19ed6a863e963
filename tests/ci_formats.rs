//! CI outputs: GitHub annotations at the article's lines, and SARIF 2.1.0
//! validated against the OASIS schema.

use claimcheck::check::{Options, check_text};
use claimcheck::config::Policy;
use claimcheck::render;
use claimcheck::report::Report;
use serde_json::Value;

use crate::audit::{relative_store, report};
use crate::util::{root, settings};

fn all_claims() -> Report {
    let mut claims = Vec::new();
    for file in [
        "claims/ai-index-2026/summary.claims",
        "claims/examples/benchmarks-brief.claims",
        "claims/examples/investment-digest.claims",
    ] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        claims.extend(check_text(
            relative_store(),
            file,
            &text,
            &Options::default(),
        ));
    }
    Report::new(claims)
}

fn sarif_validator() -> jsonschema::Validator {
    let path = root().join("../shared/reference/sarif/sarif-schema-2.1.0.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        panic!(
            "{} is missing: CI keeps shared/ beside the repository",
            path.display()
        );
    };
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft4::new(&schema).unwrap_or_else(|e| panic!("the SARIF schema compiles: {e}"))
}

#[track_caller]
fn assert_valid(validator: &jsonschema::Validator, sarif: &str) {
    let instance: Value = serde_json::from_str(sarif).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF does not validate:\n{}",
        errors.join("\n")
    );
    assert_eq!(instance["version"], "2.1.0");
}

/// Every claim of claims/ and every number of the example articles and the
/// seed, as SARIF: valid against the schema, and pinned.
#[test]
fn sarif_validates_against_the_schema() {
    let validator = sarif_validator();
    let policy = Policy::default();
    let check = all_claims();
    let outcomes: Vec<_> = check.claims.iter().map(|c| policy.claim(c)).collect();
    let sarif = render::sarif_check(&check, &outcomes);
    assert_valid(&validator, &sarif);
    settings("ci").bind(|| insta::assert_snapshot!("check.sarif", sarif));
    for article in [
        "claims/examples/benchmarks-brief.md",
        "claims/examples/investment-digest.md",
        "../shared/seeds/000_eba7b0e877cdae88.txt",
    ] {
        let audit = report(article, &["claims/examples/investment-digest.claims"]);
        let outcomes: Vec<_> = audit.findings.iter().map(|f| policy.finding(f)).collect();
        assert_valid(&validator, &render::sarif_audit(&audit, &outcomes));
    }
    // A waived result carries a suppression, which the schema knows too.
    let mut waived = all_claims();
    for claim in &mut waived.claims {
        claim.waived = Some(claimcheck::report::Waived {
            reason: "known: 50% \"quoted\"".to_owned(),
            by: "claimcheck.toml:3".to_owned(),
        });
    }
    let outcomes: Vec<_> = waived.claims.iter().map(|c| policy.claim(c)).collect();
    let sarif = render::sarif_check(&waived, &outcomes);
    assert_valid(&validator, &sarif);
    assert!(sarif.contains("\"suppressions\""));
}

/// `check --format github`: a claim with `@article` + `@L` is annotated at
/// the article's line, where the number is; failing verdicts are errors.
#[test]
fn github_annotations_point_at_the_article() {
    let policy = Policy::default();
    let check = all_claims();
    let outcomes: Vec<_> = check.claims.iter().map(|c| policy.claim(c)).collect();
    let github = render::github_check(&check, &outcomes);
    for line in github.lines() {
        assert!(
            line.starts_with("::error file=claims/examples/investment-digest.md,line=")
                || line.starts_with("::warning file=claims/examples/investment-digest.md,line=")
                || line.starts_with("::error file=../shared/seeds/000_eba7b0e877cdae88.txt,line=")
                || line
                    .starts_with("::warning file=../shared/seeds/000_eba7b0e877cdae88.txt,line="),
            "{line}"
        );
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    settings("ci").bind(|| insta::assert_snapshot!("check.github", github));
}

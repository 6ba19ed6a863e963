use std::process::Command;

use claimcheck::facts::{self, FactList};
use insta_cmd::assert_cmd_snapshot;

use crate::util::{bundled, root, settings};

/// One line a fact: enough to review what a query found.
fn listing(list: &FactList) -> String {
    let mut out = format!("{} facts match `{}`\n", list.count, list.query);
    for f in &list.facts {
        out.push_str(&format!("{}  {} = {}\n", f.id, f.name(), f.value));
    }
    out
}

/// A number finds the fact whose value it is, whatever magnitude word follows it.
#[test]
fn a_value_as_written() {
    let list = facts::search(bundled(), "285.9");
    assert_eq!(list.count, 1);
    assert_eq!(list.facts[0].id, "e-us-private");
    for other in ["$285.9B", "285.9 billion", "$285.9 billion"] {
        let ids: Vec<String> = facts::search(bundled(), other)
            .facts
            .into_iter()
            .map(|f| f.id)
            .collect();
        assert_eq!(ids, ["e-us-private"], "{other}");
    }
    assert_eq!(facts::search(bundled(), "286").count, 0);
    settings("facts").bind(|| insta::assert_snapshot!("value-285.9", facts::render_human(&list)));
}

/// Every word must match: a metric word and a period.
#[test]
fn a_metric_word_and_a_period() {
    let list = facts::search(bundled(), "investment 2025");
    assert!(
        list.facts
            .iter()
            .all(|f| f.metric.contains("investment") || f.subject.contains("investment"))
    );
    settings("facts").bind(|| insta::assert_snapshot!("investment-2025", listing(&list)));
}

/// An alias finds its subject: `US` is the United States.
#[test]
fn an_alias() {
    let list = facts::search(bundled(), "US private AI investment");
    let ids: Vec<&str> = list.facts.iter().map(|f| f.id.as_str()).collect();
    assert!(ids.contains(&"e-us-private"), "{ids:?}");
    assert!(!ids.contains(&"e-china-private"), "{ids:?}");
    settings("facts").bind(|| insta::assert_snapshot!("us-private-ai-investment", listing(&list)));
}

/// Words are compared as the linker compares them (stems, British
/// spellings), and the facts whose names the words name best come first.
#[test]
fn words_as_the_linker_reads_them_best_first() {
    let plain = facts::search(bundled(), "investment 2025");
    let plural = facts::search(bundled(), "investments 2025");
    let ids = |list: &FactList| list.facts.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
    assert!(plain.count > 0);
    assert_eq!(ids(&plural), ids(&plain));
    let centre = facts::search(bundled(), "data centre power capacity");
    assert_eq!(centre.facts[0].id, "r-dc-power", "{}", listing(&centre));
    let us = facts::search(bundled(), "US private AI investment");
    assert_eq!(us.facts[0].id, "e-us-private", "{}", listing(&us));
}

/// An id finds that fact alone; JSON carries the derivation and the provenance.
#[test]
fn an_id_in_json() {
    let list = facts::search(bundled(), "e-us-china-ratio");
    assert_eq!(list.count, 1);
    settings("facts").bind(|| insta::assert_snapshot!("id-json", facts::render_json(&list)));
}

fn claimcheck() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.current_dir(root()).env_clear();
    cmd
}

#[test]
fn no_match_exits_1() {
    settings("facts").bind(|| {
        assert_cmd_snapshot!(
            "cli-no-match",
            claimcheck().args(["facts", "no", "such", "thing"])
        )
    });
}

#[test]
fn cli_lists_each_fact_with_its_provenance() {
    settings("facts").bind(|| {
        assert_cmd_snapshot!("cli-clockbench", claimcheck().args(["facts", "ClockBench"]))
    });
}

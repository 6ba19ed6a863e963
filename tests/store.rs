use claimcheck::store::Store;

use crate::util::{root, settings};

/// Each broken fixture store fails to load with every error named by file, line and column.
#[test]
fn broken_stores_report_every_error() {
    let dir = root().join("tests/fixtures/stores");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    cases.sort();
    assert!(cases.len() >= 8);
    for case in cases {
        let case = case.to_string_lossy().into_owned();
        // A relative path keeps the messages free of this machine's folders.
        let path = std::path::Path::new("tests/fixtures/stores").join(&case);
        let message = match Store::load(&root().join(&path)) {
            Ok(_) => panic!("{case}: loaded without an error"),
            Err(e) => e.to_string().replace(&format!("{}/", root().display()), ""),
        };
        settings("store").bind(|| insta::assert_snapshot!(case, message));
    }
}

/// The bundled store loads, with every fact of the reference data.
#[test]
fn bundled_store_loads() {
    let store = crate::util::bundled();
    assert_eq!(store.sources.len(), 1);
    assert!(store.facts.len() >= 830, "{} facts", store.facts.len());
    let us = store.fact(store.fact_by_id("e-us-private").unwrap());
    assert_eq!(store.str(us.subject), "United States");
    assert_eq!(us.value.text, "nearly $285.9 billion");
}

/// A facts.json array, plain JSON numbers and locators of every kind load.
#[test]
fn a_json_array_store_with_plain_numbers_loads() {
    let store =
        Store::load(&root().join("tests/fixtures/valid-store")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(store.facts.len(), 3);
    let rain = store.fact(store.fact_by_id("n-rain").unwrap());
    assert_eq!(rain.value.text, "812.5");
    assert_eq!(rain.origin.line, 2);
    let share = store.fact(store.fact_by_id("n-share").unwrap());
    // The trailing zero is kept: 40.0% stands for [39.95%, 40.05%).
    assert!(!share.value.reading(0.05).strict.contains(39.9));
    let ferry = store.fact(store.fact_by_id("n-ferry").unwrap());
    assert_eq!(
        store.locator(ferry).and_then(|l| l.table.as_deref()),
        Some("2")
    );
}

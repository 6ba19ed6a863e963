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

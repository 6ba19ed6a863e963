//! The index of a big store: built once, reused while the sources are
//! unchanged, rebuilt when their content changes or the index is damaged,
//! and giving the same answers as the store loaded whole.

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use claimcheck::check::{Options, check_text};
use claimcheck::render;
use claimcheck::report::Report;
use claimcheck::store::{INDEX_DIR, Store, index_path};
use tempfile::TempDir;

use crate::util::root;

/// A copy of a store in a temporary folder, so that its index is written there.
fn copy_store(from: &Path) -> (TempDir, PathBuf) {
    let temp = tempfile::tempdir().unwrap();
    let to = temp.path().join("store");
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
    (temp, to)
}

fn inode(path: &Path) -> u64 {
    fs::metadata(path).unwrap().ino()
}

/// Every fact as a claim of its own value, plus claims files: one line each.
fn claims_of_every_fact(store: &Store) -> String {
    let mut text = String::new();
    for f in &store.facts {
        let period = f.period.map(|p| store.str(p)).unwrap_or_default();
        text.push_str(&format!(
            "{} {} {period} = {}\n",
            store.str(f.subject),
            store.str(f.metric),
            f.value.text
        ));
        text.push_str(&format!("#{} = {}\n", f.id, f.value.text));
    }
    text
}

/// The two stores answer every lookup and every claim alike.
fn assert_same_answers(whole: &Store, indexed: &Store, claims: &[(String, String)]) {
    assert!(indexed.is_indexed() && !whole.is_indexed());
    assert_eq!(indexed.fact_count(), whole.facts.len());
    assert_eq!(indexed.sources.len(), whole.sources.len());
    let (mut subjects, mut metrics, mut pairs) =
        (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for (n, fact) in whole.facts.iter().enumerate() {
        let n = n as u32;
        let other = indexed.fact(n);
        assert_eq!(other.id, fact.id);
        assert_eq!(indexed.fact_name(other), whole.fact_name(fact));
        assert_eq!(other.value, fact.value);
        assert_eq!(indexed.locator(other), whole.locator(fact), "{}", fact.id);
        assert_eq!(indexed.origin(other), whole.origin(fact));
        assert_eq!(other.quote, fact.quote);
        assert_eq!(other.derived, fact.derived);
        assert_eq!(other.via.len(), fact.via.len());
        assert_eq!(other.source, fact.source);
        assert_eq!(indexed.period_of(n), fact.period);
        assert_eq!(indexed.fact_by_id(&fact.id), Some(n));
        subjects.insert(fact.subject);
        metrics.insert(fact.metric);
        pairs.insert((fact.subject, fact.metric));
    }
    for s in subjects {
        assert_eq!(indexed.facts_of_subject(s), whole.facts_of_subject(s));
    }
    for m in metrics {
        assert_eq!(indexed.facts_of_metric(m), whole.facts_of_metric(m));
    }
    for (s, m) in pairs {
        assert_eq!(indexed.facts_of_pair(s, m), whole.facts_of_pair(s, m));
    }
    assert_eq!(indexed.fact_by_id("no-such-fact"), None);
    for (name, text) in claims {
        let a = Report::new(check_text(whole, name, text, &Options::default()));
        let b = Report::new(check_text(indexed, name, text, &Options::default()));
        assert!(!a.claims.is_empty(), "{name}");
        assert_eq!(render::json(&b), render::json(&a), "{name}");
    }
    assert_eq!(indexed.index_failure(), None);
}

/// The bundled store and every claims file give the same reports through the index.
#[test]
fn the_bundled_store_answers_alike_through_its_index() {
    let (_temp, store) = copy_store(&root().join("sources"));
    let whole = Store::load(&store).unwrap();
    let indexed = Store::open_indexed(&store).unwrap();
    assert!(index_path(&store).is_file());
    let mut claims = vec![("every-fact.claims".to_owned(), claims_of_every_fact(&whole))];
    for entry in walkdir::WalkDir::new(root().join("claims")).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "claims") {
            let name = entry.file_name().to_string_lossy().into_owned();
            claims.push((name, fs::read_to_string(entry.path()).unwrap()));
        }
    }
    assert_same_answers(&whole, &indexed, &claims);
}

/// The three data tables, and their claims (a mismatch and a missing year among them).
#[test]
fn the_tables_answer_alike_through_their_index() {
    let (_temp, store) = copy_store(&root().join("../shared/reference/tables"));
    let whole = Store::load(&store).unwrap();
    let indexed = Store::open_indexed(&store).unwrap();
    let mut claims = Vec::new();
    for table in [
        "co2-emissions-by-sector",
        "life-expectancy",
        "literacy-rates",
    ] {
        let path = root().join(format!("tests/fixtures/tables/{table}.claims"));
        claims.push((table.to_owned(), fs::read_to_string(path).unwrap()));
    }
    assert_same_answers(&whole, &indexed, &claims);
}

/// Opened again with the same sources, the index is read, not written anew;
/// a source whose bytes change (same size, same mtime) rebuilds it.
#[test]
fn the_index_is_reused_until_a_source_changes() {
    let (_temp, store) = copy_store(&root().join("tests/fixtures/valid-table"));
    let first = Store::open_indexed(&store).unwrap();
    assert!(first.is_indexed());
    let index = index_path(&store);
    let built = inode(&index);
    let again = Store::open_indexed(&store).unwrap();
    assert!(again.is_indexed());
    assert_eq!(inode(&index), built, "an unchanged store reuses its index");

    // Whole loads do not take the index's folder for a source.
    assert!(store.join(INDEX_DIR).is_dir());
    let whole = Store::load(&store).unwrap();
    assert_eq!(whole.sources.len(), 1);

    let csv = store.join("harbour/harbour.csv");
    let text = fs::read_to_string(&csv).unwrap();
    let mtime = fs::metadata(&csv).unwrap().modified().unwrap();
    let before = first.fact(0).value.text.to_string();
    // One digit of the first value changed, the size and the mtime kept.
    let first_value = before.trim_end_matches(|c: char| !c.is_ascii_digit());
    let last = first_value.chars().last().unwrap();
    let other = if last == '9' { '8' } else { '9' };
    let changed_value = format!("{}{other}", &first_value[..first_value.len() - 1]);
    assert!(
        text.contains(first_value),
        "{first_value} is written as stored"
    );
    let changed = text.replacen(first_value, &changed_value, 1);
    assert_eq!(changed.len(), text.len());
    fs::write(&csv, &changed).unwrap();
    fs::File::options()
        .write(true)
        .open(&csv)
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    assert_eq!(fs::metadata(&csv).unwrap().modified().unwrap(), mtime);

    let rebuilt = Store::open_indexed(&store).unwrap();
    assert!(rebuilt.is_indexed());
    assert_ne!(inode(&index), built, "changed content rebuilds the index");
    assert!(rebuilt.fact(0).value.text.starts_with(&changed_value));
    assert_eq!(
        rebuilt.fact(0).value.text,
        Store::load(&store).unwrap().facts[0].value.text
    );
}

/// A damaged, truncated or foreign index is never read: it is rebuilt.
#[test]
fn a_damaged_index_is_rebuilt() {
    let (_temp, store) = copy_store(&root().join("tests/fixtures/valid-table"));
    let whole = Store::load(&store).unwrap();
    let index = index_path(&store);
    Store::open_indexed(&store).unwrap();
    let good = fs::read(&index).unwrap();
    let len = good.len();
    let flip_at = |at: usize| {
        let mut bytes = good.clone();
        bytes[at] ^= 0x5a;
        bytes
    };
    let header = |k: usize| u64::from_le_bytes(good[24 + 8 * k..32 + 8 * k].try_into().unwrap());
    let (head_at, ids_at) = (header(0) as usize, header(4) as usize);
    for (what, bytes) in [
        ("a byte of the vocabulary", flip_at(head_at + 3)),
        ("the last byte of the directory", flip_at(ids_at - 1)),
        ("the magic", flip_at(0)),
        ("the source hash", flip_at(10)),
        ("a part's place", flip_at(30)),
        ("truncated", good[..len / 2].to_vec()),
        ("empty", Vec::new()),
        ("not an index", b"facts, honest".to_vec()),
    ] {
        fs::write(&index, &bytes).unwrap();
        let damaged = inode(&index);
        let store = Store::open_indexed(&store).unwrap();
        assert!(store.is_indexed(), "{what}");
        assert_ne!(inode(&index), damaged, "{what}: rebuilt");
        assert_eq!(fs::read(&index).unwrap(), good, "{what}: rebuilt alike");
        for (n, fact) in whole.facts.iter().enumerate() {
            assert_eq!(store.fact(n as u32).value, fact.value, "{what}");
        }
        assert_eq!(store.index_failure(), None, "{what}");
    }

    // The ids are checked a block at a time, when one is looked up: a
    // damaged block finds nothing and says so.
    fs::write(&index, flip_at(len - 1)).unwrap();
    let damaged = inode(&index);
    let opened = Store::open_indexed(&store).unwrap();
    assert_eq!(inode(&index), damaged, "opened as it is");
    assert_eq!(opened.fact_by_id(&whole.facts[0].id), None);
    let failure = opened.index_failure().expect("the damage is reported");
    assert!(failure.contains("fact ids"), "{failure}");
}

/// A damaged fact record, found only when the fact is read, is reported:
/// `check` shows no verdict, exits 2 and removes the index; the next run
/// rebuilds it and checks.
#[test]
fn a_damaged_record_fails_the_check_and_the_next_run_rebuilds() {
    let (_temp, store) = copy_store(&root().join("tests/fixtures/valid-table"));
    let whole = Store::load(&store).unwrap();
    let fact = &whole.facts[0];
    let claim = format!(
        "{} {} {} = {}",
        whole.str(fact.subject),
        whole.str(fact.metric),
        whole.str(fact.period.unwrap()),
        fact.value.text
    );
    Store::open_indexed(&store).unwrap();
    let index = index_path(&store);
    let mut bytes = fs::read(&index).unwrap();
    // Records follow the 80-byte header; the first is fact 0's, its id first.
    bytes[84] ^= 0x5a;
    fs::write(&index, &bytes).unwrap();
    let damaged = Store::open_indexed(&store).unwrap();
    let _ = damaged.fact(0);
    let failure = damaged.index_failure().expect("the damage is reported");
    assert!(failure.contains("damaged"), "{failure}");

    // Through the binary: the store is small, so `check` would load it
    // whole; the store folder is given a big dummy file to reach the index.
    let dummy = store.join("harbour/padding.bin");
    fs::write(
        &dummy,
        vec![b' '; claimcheck::store::INDEX_ABOVE_BYTES as usize],
    )
    .unwrap();
    Store::open(&store).unwrap();
    let mut bytes = fs::read(&index).unwrap();
    bytes[84] ^= 0x5a;
    fs::write(&index, &bytes).unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(["check", "--color", "never", "--store"])
            .arg(&store)
            .args(["-e", &claim])
            .output()
            .unwrap()
    };
    let first = run();
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert_eq!(first.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("damaged") && stderr.contains("run again"),
        "{stderr}"
    );
    assert!(first.stdout.is_empty());
    assert!(!index.exists(), "the damaged index is removed");
    let second = run();
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.starts_with("indexing "),
        "the rebuild is announced: {stderr}"
    );
    assert!(String::from_utf8_lossy(&second.stdout).contains("match"));
    assert!(index.exists(), "rebuilt");
    let third = run();
    assert_eq!(third.status.code(), Some(0));
    assert!(third.stderr.is_empty(), "an index in use is not announced");
}

/// A store under the size limit loads whole and writes no index: the
/// bundled store's `check` pays nothing for big stores.
#[test]
fn a_small_store_opens_whole() {
    let (_temp, store) = copy_store(&root().join("sources"));
    let opened = Store::open(&store).unwrap();
    assert!(!opened.is_indexed());
    assert!(!store.join(INDEX_DIR).exists());
    assert_eq!(opened.facts.len(), Store::load(&store).unwrap().facts.len());
}

/// The index is built from a stream of facts, none of them kept; every
/// broken store of the fixtures still fails with the errors a whole load
/// reports, and leaves no index behind.
#[test]
fn a_broken_store_is_not_indexed_and_its_errors_are_told() {
    let mut broken = 0;
    for entry in fs::read_dir(root().join("tests/fixtures/stores")).unwrap() {
        let (_temp, store) = copy_store(&entry.unwrap().path());
        let name = store.display().to_string();
        match Store::load(&store) {
            Err(errors) => {
                assert_eq!(Store::build_index(&store), Err(errors), "{name}");
                assert!(!store.join(INDEX_DIR).exists(), "{name}");
                broken += 1;
            }
            Ok(whole) => {
                assert_eq!(Store::build_index(&store), Ok(whole.facts.len()), "{name}");
            }
        }
    }
    assert!(broken >= 10);
}

/// A fact may name another folder's source as its own; through the index
/// it keeps that source, and naming no folder is an error as when loaded whole.
#[test]
fn a_fact_keeps_the_source_it_names_through_the_index() {
    let temp = tempfile::tempdir().unwrap();
    let store = temp.path().join("store");
    for (id, facts) in [
        (
            "first",
            r#"{"id": "own", "subject": "X", "metric": "m", "period": "2024", "value": "5"}
{"id": "lent", "subject": "X", "metric": "m", "period": "2025", "value": "6", "source": "second"}
"#,
        ),
        (
            "second",
            r#"{"id": "other", "subject": "Y", "metric": "m", "period": "2024", "value": "7"}
"#,
        ),
    ] {
        fs::create_dir_all(store.join(id)).unwrap();
        fs::write(
            store.join(id).join("source.json"),
            format!(r#"{{"id": "{id}", "title": "The {id} report"}}"#),
        )
        .unwrap();
        fs::write(store.join(id).join("facts.jsonl"), facts).unwrap();
    }
    let whole = Store::load(&store).unwrap();
    let indexed = Store::open_indexed(&store).unwrap();
    let lent = indexed.fact(indexed.fact_by_id("lent").unwrap());
    assert_eq!(indexed.source_of(lent).unwrap().id, "second");
    let claims = [("lent.claims".to_owned(), "X m 2025 = 6\n".to_owned())];
    assert_same_answers(&whole, &indexed, &claims);

    let facts = store.join("first/facts.jsonl");
    let text = fs::read_to_string(&facts).unwrap();
    fs::write(&facts, text.replace(r#""second""#, r#""third""#)).unwrap();
    let errors = Store::load(&store).unwrap_err();
    assert!(errors.to_string().contains("unknown source `third`"));
    assert_eq!(Store::build_index(&store), Err(errors));
}

//! The input as a source's facts.jsonl, loaded and linted: a broken store
//! is a list of errors, never a panic.

use claimcheck::store::Store;

const SOURCE: &str = r#"{"id": "s", "title": "Fuzz", "publisher": "Fuzz", "published": "2026-01", "url": "https://example.org", "licence": "CC0", "kind": "primary"}"#;

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let source = dir.path().join("s");
    std::fs::create_dir(&source).expect("a source folder");
    std::fs::write(source.join("source.json"), SOURCE).expect("source.json");
    afl::fuzz!(|data: &[u8]| {
        std::fs::write(source.join("facts.jsonl"), data).expect("facts.jsonl");
        let _ = Store::load_partial(dir.path());
    });
}

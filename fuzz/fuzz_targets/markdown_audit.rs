//! A Markdown (and plain-text) article audited against the bundled store:
//! nothing may panic, whatever the markup.

use std::sync::OnceLock;

use claimcheck::audit::{Auditor, Format, decode};
use claimcheck::check::Options;
use claimcheck::store::Store;

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        Store::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../sources"))
            .expect("the bundled store loads")
    })
}

fn main() {
    let auditor = Auditor::new(store(), Options::default());
    afl::fuzz!(|data: &[u8]| {
        if let Ok(text) = decode("fuzz.md", data) {
            let _ = auditor.audit("fuzz.md", text, Format::Markdown, &[]);
            let _ = auditor.audit("fuzz.txt", text, Format::PlainText, &[]);
        }
    });
}

//! Every line of the input through the claim parser, then checked against
//! the bundled store: nothing may panic, whatever the line.

use std::sync::OnceLock;

use claimcheck::check::{Options, check_text};
use claimcheck::claim::parse_line;
use claimcheck::store::Store;

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        Store::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../sources"))
            .expect("the bundled store loads")
    })
}

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        for line in text.lines() {
            let _ = parse_line(line);
        }
        let _ = check_text(store(), "fuzz.claims", &text, &Options::default());
    });
}

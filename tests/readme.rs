//! The README's examples, run: every ```` ```console ```` block of README.md
//! is a list of `claimcheck` commands and their output, which trycmd runs
//! from the repository's root and compares, so the README cannot drift from
//! what the binary prints. `TRYCMD=overwrite cargo test readme` rewrites the
//! outputs in place after a deliberate change (README's Development section).

use crate::util::root;

#[test]
fn readme_examples_are_what_the_binary_prints() {
    trycmd::TestCases::new()
        .register_bin(
            "claimcheck",
            std::path::PathBuf::from(env!("CARGO_BIN_EXE_claimcheck")),
        )
        // Colour only on a terminal or when asked: never here, whatever the
        // environment of the test run says.
        .env("NO_COLOR", "1")
        .case(root().join("README.md"));
}

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use claimcheck::store::Store;

pub(crate) fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled store, loaded once for all tests.
///
/// Loaded by its relative path (cargo runs integration tests in the package
/// root), so fact origins in snapshots do not depend on where the clone lives.
pub(crate) fn bundled() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| Store::load(Path::new("sources")).unwrap_or_else(|e| panic!("{e}")))
}

/// Snapshot settings that write into the top-level `snapshots/<folder>`.
pub(crate) fn settings(folder: &str) -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("snapshots").join(folder));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings
}

/// A path relative to the repository root, with `/` separators.
pub(crate) fn relative(path: &Path) -> String {
    let rel: PathBuf = path.strip_prefix(root()).unwrap_or(path).to_owned();
    rel.to_string_lossy().replace('\\', "/")
}

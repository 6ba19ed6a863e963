//! `harvest`: a source document (Markdown or plain text) made into a source
//! folder of draft facts, one per number of its prose and tables.
//!
//! ```text
//! <store>/<id>/source.json     id and title (from the options, else the first heading)
//! <store>/<id>/facts.jsonl     one draft a line: value, quote, locator; names left empty
//! <store>/<id>/text/<file>     the document, kept so that lint verifies every quote
//! ```
//!
//! A draft carries what the text shows beyond doubt (value as written, its
//! sentence or table row as the quote, heading path, line, page, a year
//! written beside the number) and leaves subject and metric empty for a
//! curator. Until then the audit links prose to it by its quote
//! ([`crate::link`]).
//!
//! [`harvest`] reads, [`write`] writes: the folder is built beside its place
//! and renamed into it, so a store never holds half a harvest.

mod document;
mod draft;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

pub use document::{Document, Found, Skipped, read};
pub use draft::DraftFact;

use crate::audit::Format;
use crate::store::Source;

/// A harvested source: its description and its drafts.
#[derive(Debug, Clone)]
pub struct Harvest {
    pub source: Source,
    pub facts: Vec<DraftFact>,
    /// Numbers found that no draft carries, with why.
    pub skipped: Vec<Skipped>,
}

/// Why a harvest could not be written.
#[derive(Debug, thiserror::Error)]
pub enum HarvestError {
    #[error(
        "`{0}` cannot be a source id: use letters, digits, `-`, `_` and `.`, not starting with `.`"
    )]
    BadId(String),
    #[error("{0} exists: harvest never overwrites a source folder; pass --force to replace it")]
    Exists(PathBuf),
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
}

/// Whether `id` can name a source folder.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Harvests `text`, the document. `source` gives the id and whatever
/// fields the user named; a missing title is the document's.
pub fn harvest(text: &str, format: Format, mut source: Source) -> Harvest {
    let mut document = read(text, format);
    if source.title.is_none() {
        source.title = document.title.take();
    }
    let facts = draft::drafts(&source.id, &document.numbers, &mut document.skipped);
    Harvest {
        source,
        facts,
        skipped: document.skipped,
    }
}

/// Writes the source folder `store/<id>/`: `source.json`, `facts.jsonl`
/// and the document as `text/<document_name>`. An existing folder is
/// replaced only with `force`; either way the new folder is complete
/// before it takes the name.
pub fn write(
    store: &Path,
    harvest: &Harvest,
    document_name: &str,
    text: &str,
    force: bool,
) -> Result<PathBuf, HarvestError> {
    let id = &harvest.source.id;
    if !valid_id(id) {
        return Err(HarvestError::BadId(id.clone()));
    }
    let target = store.join(id);
    if target.exists() && !force {
        return Err(HarvestError::Exists(target));
    }
    let io = |path: &Path| {
        let path = path.to_owned();
        move |e: std::io::Error| HarvestError::Io {
            path,
            message: e.to_string(),
        }
    };
    std::fs::create_dir_all(store).map_err(io(store))?;
    // In the store itself, so that the rename below stays on one file system.
    let staging = tempfile::Builder::new()
        .prefix(".harvest-")
        .tempdir_in(store)
        .map_err(io(store))?;
    let dir = staging.path();
    let mut source_json = serde_json::to_string_pretty(&harvest.source)
        .map_err(|e| io(dir)(std::io::Error::other(e)))?;
    source_json.push('\n');
    write_file(&dir.join("source.json"), source_json.as_bytes())?;
    let mut facts = String::with_capacity(harvest.facts.len() * 400);
    for fact in &harvest.facts {
        let line = serde_json::to_string(fact).map_err(|e| io(dir)(std::io::Error::other(e)))?;
        let _ = writeln!(facts, "{line}");
    }
    write_file(&dir.join("facts.jsonl"), facts.as_bytes())?;
    let text_dir = dir.join("text");
    std::fs::create_dir(&text_dir).map_err(io(&text_dir))?;
    write_file(&text_dir.join(kept_name(document_name)), text.as_bytes())?;
    let kept = staging.keep();
    // A directory cannot be renamed over a full one: the old folder steps
    // aside first and is removed once the new one is in place.
    let old = if target.exists() {
        let aside = tempfile::Builder::new()
            .prefix(".replaced-")
            .tempdir_in(store)
            .map_err(io(store))?
            .keep();
        let aside = aside.join(id);
        std::fs::rename(&target, &aside).map_err(io(&target))?;
        Some(aside)
    } else {
        None
    };
    if let Err(e) = std::fs::rename(&kept, &target) {
        if let Some(old) = &old {
            let _ = std::fs::rename(old, &target);
        }
        let _ = std::fs::remove_dir_all(&kept);
        return Err(io(&target)(e));
    }
    if let Some(old) = old.as_ref().and_then(|o| o.parent()) {
        let _ = std::fs::remove_dir_all(old);
    }
    Ok(target)
}

/// The name the document is kept under in `text/`: lint reads `.md` and
/// `.txt` files there.
fn kept_name(document_name: &str) -> String {
    let name = Path::new(document_name).file_name().map_or_else(
        || "document".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".txt") {
        name
    } else if Format::of_path(&lower) == Format::Markdown {
        format!("{name}.md")
    } else {
        format!("{name}.txt")
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), HarvestError> {
    let mut file = std::fs::File::create(path).map_err(|e| HarvestError::Io {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    file.write_all(bytes).map_err(|e| HarvestError::Io {
        path: path.to_owned(),
        message: e.to_string(),
    })
}

//! The fact store: one folder per source document under `sources/`.
//!
//! ```text
//! sources/<source-id>/source.json    the document: title, publisher, date, URL, licence, kind
//! sources/<source-id>/facts.jsonl    one fact a line (or facts.json: an array)
//! sources/<source-id>/aliases.json   other names of its subjects and metrics (optional)
//! sources/<source-id>/conflicts.json known conflicts between its facts, acknowledged (optional)
//! sources/<source-id>/text/          the document's text, for quote checks (optional)
//! ```
//!
//! or a data table, as published (see `table.rs`):
//!
//! ```text
//! sources/<source-id>/datapackage.json  a Frictionless Data Package naming its CSV files
//! sources/<source-id>/*.csv             one fact per numeric cell
//! sources/<source-id>/source.json       what to add to the package's metadata (optional)
//! ```
//!
//! Loading is strict: unknown fields, duplicate ids, values that do not
//! follow the quantity grammar and aliases of unknown names are errors, all
//! collected and reported together with their file, line and column.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::quantity::Quantity;

mod index;
mod jsonl;
mod table;

pub use index::{INDEX_ABOVE_BYTES, INDEX_DIR, index_path};

/// An interned string: names and provenance repeat across thousands of facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(u32);

#[derive(Debug, Default)]
struct Interner {
    // Shared between the list and the map: one allocation a string.
    strings: Vec<Arc<str>>,
    ids: HashMap<Arc<str>, Sym>,
}

impl Interner {
    fn intern(&mut self, s: &str) -> Sym {
        if let Some(&sym) = self.ids.get(s) {
            return sym;
        }
        let sym = Sym(u32::try_from(self.strings.len()).expect("fewer than 2^32 distinct strings"));
        let shared: Arc<str> = Arc::from(s);
        self.strings.push(Arc::clone(&shared));
        self.ids.insert(shared, sym);
        sym
    }

    fn get(&self, sym: Sym) -> &str {
        &self.strings[sym.0 as usize]
    }

    /// A symbol of its own for `s`, never shared with another: a draft's
    /// empty subject or metric names that draft alone, so that indexes by
    /// name (and the linker's forms) keep drafts apart.
    fn fresh(&mut self, s: &str) -> Sym {
        let sym = Sym(u32::try_from(self.strings.len()).expect("fewer than 2^32 distinct strings"));
        self.strings.push(Arc::from(s));
        sym
    }
}

/// A source document.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The folder's name; a data table's `source.json` may leave it out.
    #[serde(default)]
    pub id: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub licence: Option<String>,
    pub kind: Option<SourceKind>,
    pub citation: Option<String>,
    pub retrieved: Option<String>,
    #[serde(skip)]
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Primary,
    Secondary,
}

/// Where in a source document a fact is stated.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Locator {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chapter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// A data table's row, counted as a spreadsheet counts it (the header is row 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    /// A data table's column, by its title; for a harvested table cell,
    /// the column's header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The line of the source's kept text (`text/`) that states the fact,
    /// 1-based: what a harvested draft is located by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

impl Locator {
    pub fn is_empty(&self) -> bool {
        *self == Locator::default()
    }

    /// `ch. 4 Economy, §4.2 Investment and Infrastructure, pp. 171-230`
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(c) = &self.chapter {
            parts.push(format!("ch. {c}"));
        }
        if let Some(s) = &self.section {
            parts.push(format!("§{s}"));
        }
        if let Some(f) = &self.figure {
            parts.push(format!("fig. {f}"));
        }
        if let Some(t) = &self.table {
            parts.push(format!("table {t}"));
        }
        if let Some(r) = &self.row {
            parts.push(format!("row {r}"));
        }
        if let Some(c) = &self.column {
            parts.push(format!("column `{c}`"));
        }
        if let Some(l) = &self.line {
            parts.push(format!("line {l}"));
        }
        if let Some(p) = &self.page {
            parts.push(format!("p. {p}"));
        }
        if let Some(p) = &self.pages {
            parts.push(format!("pp. {p}"));
        }
        parts.join(", ")
    }
}

/// How a fact is computed from others, so that a lint can recompute it.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Derivation {
    pub op: DerivationOp,
    pub from: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum DerivationOp {
    Ratio,
    Difference,
    PercentChange,
    Share,
    Sum,
    Range,
}

/// A fact, with its provenance.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Shared with the store's id index.
    pub id: Arc<str>,
    pub subject: Sym,
    pub metric: Sym,
    pub period: Option<Sym>,
    pub value: Quantity,
    /// Index into the store's locators (see [`Store::locator`]).
    pub locator: Option<u32>,
    pub url: Option<Sym>,
    pub retrieved: Option<Sym>,
    pub via: Box<[Sym]>,
    pub quote: Option<Box<str>>,
    pub derived: Option<Box<Derivation>>,
    pub corroboration: Option<u32>,
    pub seen_in_text: Option<bool>,
    /// Harvested from a document and not yet curated: its subject, metric
    /// or period may be empty, and it is linked to prose by its quote.
    pub draft: bool,
    /// Index into [`Store::sources`]; `None` when the fact names a source
    /// the store does not hold.
    pub source: Option<usize>,
    pub origin: Origin,
}

/// The file and line a fact was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// Index into [`Store::files`].
    pub file: u32,
    /// 1-based line (for a JSON array, the line where the fact's object starts).
    pub line: u32,
}

/// A problem that keeps the store from loading.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum LoadError {
    #[error("{path}: cannot read: {message}")]
    Io { path: String, message: String },
    #[error("{path}:{line}:{column}: {message}")]
    Json {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}:{line}: {pointer}: {message}")]
    Value {
        path: String,
        line: usize,
        pointer: String,
        message: String,
    },
    /// A problem inside a JSON file that has no line of its own, located by a JSON pointer.
    #[error("{path}: {pointer}: {message}")]
    Pointer {
        path: String,
        pointer: String,
        message: String,
    },
    #[error("{path}:{line}: duplicate fact id `{id}` (first at {first})")]
    DuplicateId {
        path: String,
        line: usize,
        id: String,
        first: String,
    },
    #[error("{path}: {message}")]
    Store { path: String, message: String },
    /// A problem in a data table's cell, or in its header (row 1).
    #[error("{path}:{row}: column {column} `{name}`: {message}")]
    Cell {
        path: String,
        row: usize,
        /// 1-based, as a spreadsheet counts columns.
        column: usize,
        /// The column's header.
        name: String,
        message: String,
    },
}

/// A known conflict between facts that a curator has looked at and kept, with
/// the reason; `claimcheck lint` reports it as acknowledged instead of an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acknowledgement {
    /// The ids of the facts that disagree.
    pub facts: Vec<String>,
    /// Why both are kept (where each is stated, which one is right, if known).
    pub note: String,
    /// Index into [`Store::files`] of the conflicts file.
    pub file: u32,
    /// Where in that file: `/acknowledged/3`.
    pub pointer: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConflicts {
    #[serde(default)]
    acknowledged: Vec<RawAcknowledgement>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAcknowledgement {
    facts: Vec<String>,
    note: String,
}

/// All the errors found while loading; the store is not usable until they are fixed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} error(s) in the fact store:\n{}", .0.len(), .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
pub struct LoadErrors(pub Vec<LoadError>);

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawAliases {
    /// The subject a claim means when it names none (a report's "World").
    #[serde(default)]
    default_subject: Option<String>,
    #[serde(default)]
    subjects: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    metrics: BTreeMap<String, Vec<String>>,
}

/// The facts of every source, indexed by names, aliases and ids.
#[derive(Debug, Default)]
pub struct Store {
    pub sources: Vec<Source>,
    pub facts: Vec<Fact>,
    /// The files facts were read from, for locations in messages.
    pub files: Vec<PathBuf>,
    strings: Interner,
    locators: Vec<Locator>,
    /// Raw JSON text of a locator → its index in `locators`.
    locator_ids: HashMap<Sym, u32>,
    by_id: HashMap<Arc<str>, u32>,
    /// Normalised name or alias → canonical subjects it names.
    subject_names: HashMap<String, Vec<Sym>>,
    metric_names: HashMap<String, Vec<Sym>>,
    /// Normalised period → the store's spelling.
    periods: HashMap<String, Sym>,
    by_subject: HashMap<Sym, Vec<u32>>,
    by_metric: HashMap<Sym, Vec<u32>>,
    /// (subject, metric) → facts: a claim names both far more often than either.
    by_pair: HashMap<(Sym, Sym), Vec<u32>>,
    /// The longest period, in words, so phrase splitting tries no more.
    longest_period_words: usize,
    /// The longest subject or metric name or alias, in words, for the same reason.
    longest_name_words: usize,
    /// Facts that name a source of their own, until sources are resolved.
    named_sources: Vec<(u32, Sym)>,
    /// Subjects preferred when a claim names none and several subjects answer.
    default_subjects: Vec<Sym>,
    /// Aliases as declared: (kind, alias, canonical), for lint.
    pub aliases: Vec<(NameKind, String, String)>,
    /// For each of [`Store::aliases`], the index into [`Store::files`] of the
    /// aliases file that declares it.
    pub alias_files: Vec<u32>,
    /// Conflicts the store's curators acknowledged (`conflicts.json`).
    pub acknowledged: Vec<Acknowledgement>,
    /// The facts on disk, read as lookups ask for them, when the store was
    /// opened through its index (`index.rs`); `facts` is then empty.
    lazy: Option<Box<index::Lazy>>,
    /// While an index is built from the sources (`index/build.rs`): where
    /// each fact goes as it is read, instead of `facts`.
    building: Option<Box<index::Builder>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    Subject,
    Metric,
}

/// Lower-cases, folds typographic quotes and collapses white space, so that
/// names compare as a reader would compare them.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' => out.push('\''),
                '\u{201C}' | '\u{201D}' => out.push('"'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

impl Store {
    /// Loads every source folder under `root`, in name order.
    pub fn load(root: &Path) -> Result<Store, LoadErrors> {
        let (store, errors) = Store::load_partial(root)?;
        if errors.is_empty() {
            Ok(store)
        } else {
            Err(LoadErrors(errors))
        }
    }

    /// Loads what can be loaded and returns it with every error, for a lint
    /// that reports broken entries next to the rest of its findings: a fact
    /// with a bad value or a duplicate id is left out, the others stay.
    ///
    /// Fails only when there is no store at all: `root` cannot be read or
    /// holds no source folder.
    pub fn load_partial(root: &Path) -> Result<(Store, Vec<LoadError>), LoadErrors> {
        Store::default().read_sources(root)
    }

    /// Reads the sources under `root` into this empty store (or into the
    /// index it is building).
    fn read_sources(self, root: &Path) -> Result<(Store, Vec<LoadError>), LoadErrors> {
        let mut store = self;
        let mut errors = Vec::new();
        let entries = match fs::read_dir(root) {
            Ok(entries) => entries,
            Err(e) => {
                return Err(LoadErrors(vec![LoadError::Io {
                    path: root.display().to_string(),
                    message: e.to_string(),
                }]));
            }
        };
        let mut dirs: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            // Hidden folders are not sources: the index is kept in one.
            .filter(|p| p.is_dir() && !folder_name(p).starts_with('.'))
            .collect();
        dirs.sort();
        if dirs.is_empty() {
            return Err(LoadErrors(vec![LoadError::Store {
                path: root.display().to_string(),
                message: "no source folders (each holds a source.json and a facts file)".to_owned(),
            }]));
        }
        if let Some(builder) = &mut store.building {
            builder.set_folders(dirs.iter().map(|d| folder_name(d)).collect());
        }
        let mut alias_files = Vec::new();
        let mut conflict_files = Vec::new();
        for dir in &dirs {
            let before = errors.len();
            store.load_source(dir, &mut errors);
            // Aliases and acknowledged conflicts name the source's facts:
            // with its facts unread they would add an error for each name
            // (153 for one unreadable file), none of them the cause.
            let facts_files =
                ["facts.jsonl", "facts.json"].map(|f| dir.join(f).display().to_string());
            let facts_unread = errors[before..].iter().any(|e| match e {
                LoadError::Io { path, .. } => facts_files.contains(path),
                LoadError::Store { path, .. } => *path == dir.display().to_string(),
                _ => false,
            });
            if facts_unread {
                continue;
            }
            let aliases = dir.join("aliases.json");
            if aliases.exists() {
                alias_files.push(aliases);
            }
            let conflicts = dir.join("conflicts.json");
            if conflicts.exists() {
                conflict_files.push(conflicts);
            }
        }
        store.resolve_sources(&mut errors);
        store.index();
        store.finish_building(root, &mut errors);
        for path in alias_files {
            store.load_aliases(&path, &mut errors);
        }
        for path in conflict_files {
            store.load_conflicts(&path, &mut errors);
        }
        store.longest_name_words = store
            .subject_names
            .keys()
            .chain(store.metric_names.keys())
            .map(|name| name.split(' ').count())
            .max()
            .unwrap_or(0);
        store.check_derivations(&mut errors);
        Ok((store, errors))
    }

    fn load_source(&mut self, dir: &Path, errors: &mut Vec<LoadError>) {
        let jsonl = dir.join("facts.jsonl");
        let json = dir.join("facts.json");
        let package = dir.join(table::PACKAGE_FILE);
        if package.exists() {
            if jsonl.exists() || json.exists() {
                return errors.push(LoadError::Store {
                    path: dir.display().to_string(),
                    message: format!(
                        "both a facts file and {}: a source folder holds one kind of source",
                        table::PACKAGE_FILE
                    ),
                });
            }
            return self.load_package(dir, &package, errors);
        }
        let source_path = dir.join("source.json");
        let source_index = match read(&source_path).and_then(|text| {
            serde_json::from_str::<Source>(&text).map_err(|e| json_error(&source_path, &e))
        }) {
            Ok(source) => Some(self.add_source(source, dir, &source_path, errors)),
            Err(e) => {
                errors.push(e);
                None
            }
        };
        match (jsonl.exists(), json.exists()) {
            (true, true) => errors.push(LoadError::Store {
                path: dir.display().to_string(),
                message: "both facts.jsonl and facts.json: keep one".to_owned(),
            }),
            (true, false) => self.load_jsonl(&jsonl, source_index, errors),
            (false, true) => self.load_json(&json, source_index, errors),
            (false, false) => errors.push(LoadError::Store {
                path: dir.display().to_string(),
                message: format!("no facts.jsonl, facts.json or {}", table::PACKAGE_FILE),
            }),
        }
    }

    /// Adds a source read from `source_path`, whose id must be its folder's name.
    fn add_source(
        &mut self,
        mut source: Source,
        dir: &Path,
        source_path: &Path,
        errors: &mut Vec<LoadError>,
    ) -> usize {
        let folder = folder_name(dir);
        if source.id != folder {
            errors.push(LoadError::Value {
                path: source_path.display().to_string(),
                line: 1,
                pointer: "/id".to_owned(),
                message: if source.id.is_empty() {
                    format!("no source id: it is the folder's name, `{folder}`")
                } else {
                    format!(
                        "source id `{}` differs from its folder name `{folder}`",
                        source.id
                    )
                },
            });
        }
        source.dir = dir.to_owned();
        self.sources.push(source);
        self.sources.len() - 1
    }

    fn add_file(&mut self, path: &Path) -> u32 {
        self.files.push(path.to_owned());
        u32::try_from(self.files.len() - 1).unwrap_or(u32::MAX)
    }

    /// Facts that name their own source get its index, or `None` if unknown.
    fn resolve_sources(&mut self, errors: &mut Vec<LoadError>) {
        let ids: HashMap<&str, usize> = self
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        for (index, name) in std::mem::take(&mut self.named_sources) {
            let name = self.strings.get(name);
            let fact = &mut self.facts[index as usize];
            fact.source = ids.get(name).copied();
            {
                if fact.source.is_none() {
                    errors.push(LoadError::Value {
                        path: self.files[fact.origin.file as usize].display().to_string(),
                        line: fact.origin.line as usize,
                        pointer: "/source".to_owned(),
                        message: format!("unknown source `{name}`"),
                    });
                }
            }
        }
    }

    fn index(&mut self) {
        // An index being built keeps no facts, only their pairs: the names
        // (and the aliases checked against them) come from those.
        if let Some(builder) = &self.building {
            for &(subject, metric) in builder.pair_names() {
                self.by_subject.entry(subject).or_default();
                self.by_metric.entry(metric).or_default();
            }
        }
        for (i, fact) in self.facts.iter().enumerate() {
            let i = i as u32;
            self.by_subject.entry(fact.subject).or_default().push(i);
            self.by_metric.entry(fact.metric).or_default().push(i);
            self.by_pair
                .entry((fact.subject, fact.metric))
                .or_default()
                .push(i);
            if let Some(p) = fact.period {
                self.periods
                    .entry(normalize(self.strings.get(p)))
                    .or_insert(p);
            }
        }
        let mut subjects: Vec<Sym> = self.by_subject.keys().copied().collect();
        subjects.sort();
        for s in subjects {
            push_unique(
                self.subject_names
                    .entry(normalize(self.strings.get(s)))
                    .or_default(),
                s,
            );
        }
        let mut metrics: Vec<Sym> = self.by_metric.keys().copied().collect();
        metrics.sort();
        for m in metrics {
            push_unique(
                self.metric_names
                    .entry(normalize(self.strings.get(m)))
                    .or_default(),
                m,
            );
        }
        self.longest_period_words = self
            .periods
            .keys()
            .map(|p| p.split(' ').count())
            .max()
            .unwrap_or(0);
    }

    fn load_aliases(&mut self, path: &Path, errors: &mut Vec<LoadError>) {
        let raw: RawAliases = match read(path)
            .and_then(|t| serde_json::from_str(&t).map_err(|e| json_error(path, &e)))
        {
            Ok(raw) => raw,
            Err(e) => return errors.push(e),
        };
        if let Some(name) = raw.default_subject {
            let known = self
                .strings
                .ids
                .get(name.as_str())
                .copied()
                .filter(|s| self.by_subject.contains_key(s));
            match known {
                Some(sym) => push_unique(&mut self.default_subjects, sym),
                None => errors.push(LoadError::Pointer {
                    path: path.display().to_string(),
                    pointer: "/default_subject".to_owned(),
                    message: format!("no fact has the subject `{name}`"),
                }),
            }
        }
        let file = self.add_file(path);
        for (kind, table) in [
            (NameKind::Subject, raw.subjects),
            (NameKind::Metric, raw.metrics),
        ] {
            for (canonical, aliases) in table {
                let known = self
                    .strings
                    .ids
                    .get(canonical.as_str())
                    .copied()
                    .filter(|sym| match kind {
                        NameKind::Subject => self.by_subject.contains_key(sym),
                        NameKind::Metric => self.by_metric.contains_key(sym),
                    });
                let Some(sym) = known else {
                    errors.push(LoadError::Pointer {
                        path: path.display().to_string(),
                        pointer: format!(
                            "/{}s/{}",
                            kind_name(kind),
                            canonical.replace('~', "~0").replace('/', "~1")
                        ),
                        message: format!("no fact has the {} `{canonical}`", kind_name(kind)),
                    });
                    continue;
                };
                for alias in aliases {
                    let names = match kind {
                        NameKind::Subject => &mut self.subject_names,
                        NameKind::Metric => &mut self.metric_names,
                    };
                    push_unique(names.entry(normalize(&alias)).or_default(), sym);
                    self.aliases.push((kind, alias, canonical.clone()));
                    self.alias_files.push(file);
                }
            }
        }
    }

    /// Reads a `conflicts.json`: `{"acknowledged": [{"facts": [ids], "note": "why"}]}`.
    fn load_conflicts(&mut self, path: &Path, errors: &mut Vec<LoadError>) {
        let raw: RawConflicts = match read(path)
            .and_then(|t| serde_json::from_str(&t).map_err(|e| json_error(path, &e)))
        {
            Ok(raw) => raw,
            Err(e) => return errors.push(e),
        };
        let file = self.add_file(path);
        for (n, entry) in raw.acknowledged.into_iter().enumerate() {
            let pointer = format!("/acknowledged/{n}");
            let mut problem = |at: String, message: String| {
                errors.push(LoadError::Pointer {
                    path: path.display().to_string(),
                    pointer: at,
                    message,
                });
            };
            let mut usable = true;
            if entry.facts.len() < 2 {
                problem(
                    format!("{pointer}/facts"),
                    "a conflict needs at least two facts".to_owned(),
                );
                usable = false;
            }
            for (i, id) in entry.facts.iter().enumerate() {
                if !self.has_fact_id(id) {
                    problem(
                        format!("{pointer}/facts/{i}"),
                        format!("no fact has the id `{id}`"),
                    );
                    usable = false;
                }
            }
            if entry.note.trim().is_empty() {
                problem(
                    format!("{pointer}/note"),
                    "an acknowledgement needs a note saying why both facts are kept".to_owned(),
                );
                usable = false;
            }
            if usable {
                self.acknowledged.push(Acknowledgement {
                    facts: entry.facts,
                    note: entry.note,
                    file,
                    pointer,
                });
            }
        }
    }

    fn check_derivations(&self, errors: &mut Vec<LoadError>) {
        let mut missing: Vec<(Origin, &str, &str)> = Vec::new();
        for fact in &self.facts {
            let Some(derived) = &fact.derived else {
                continue;
            };
            for id in &derived.from {
                if !self.by_id.contains_key(id.as_str()) {
                    missing.push((fact.origin, &fact.id, id));
                }
            }
        }
        let built = self.building.as_ref().map(|b| b.missing_derivations());
        for (origin, fact, id) in missing.into_iter().chain(
            built
                .iter()
                .flatten()
                .map(|(origin, fact, id)| (*origin, fact.as_str(), id.as_str())),
        ) {
            errors.push(LoadError::Value {
                path: self.files[origin.file as usize].display().to_string(),
                line: origin.line as usize,
                pointer: "/derived/from".to_owned(),
                message: format!("`{fact}` is derived from `{id}`, which is not a fact"),
            });
        }
    }

    /// The number the next fact read gets.
    fn next_fact(&self) -> u32 {
        let count = match &self.building {
            Some(builder) => builder.count(),
            None => self.facts.len(),
        };
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    /// Makes room for `more` facts about to be read: growing vectors of
    /// millions of facts by doubling copies them again and again.
    fn reserve_facts(&mut self, more: usize) {
        match &mut self.building {
            Some(builder) => builder.reserve(more),
            None => {
                self.facts.reserve(more);
                self.by_id.reserve(more);
            }
        }
    }

    /// Adds a fact read from the sources; `locator` is its own (a table
    /// cell's), else the fact's `locator` is already one of `locators`.
    fn push_fact(&mut self, mut fact: Fact, locator: Option<&Locator>) {
        if let Some(builder) = &mut self.building {
            let locator = locator.or_else(|| fact.locator.map(|i| &self.locators[i as usize]));
            if builder.push(&fact, locator)
                && let Some(period) = fact.period
            {
                // As `index` does for a store kept whole: the first fact with
                // a period gives its spelling.
                self.periods
                    .entry(normalize(self.strings.get(period)))
                    .or_insert(period);
            }
            return;
        }
        if let Some(locator) = locator {
            fact.locator = Some(u32::try_from(self.locators.len()).unwrap_or(u32::MAX));
            self.locators.push(locator.clone());
        }
        self.by_id.insert(fact.id.clone(), self.next_fact());
        self.facts.push(fact);
    }

    /// Whether a fact read so far has this id.
    fn has_fact_id(&self, id: &str) -> bool {
        match &self.building {
            Some(builder) => builder.has_id(id),
            None => self.by_id.contains_key(id),
        }
    }

    /// Ends the reading of facts into an index being built; a repeated id
    /// is an error, as it is when the store is loaded whole.
    fn finish_building(&mut self, root: &Path, errors: &mut Vec<LoadError>) {
        let Some(builder) = &mut self.building else {
            return;
        };
        for id in builder.finish_facts() {
            errors.push(LoadError::Store {
                path: root.display().to_string(),
                message: format!("duplicate fact id `{id}`"),
            });
        }
    }

    /// The text of an interned string.
    pub fn str(&self, sym: Sym) -> &str {
        self.strings.get(sym)
    }

    pub fn fact(&self, index: u32) -> &Fact {
        match self.lazy_fact(index) {
            Some(fact) => fact,
            None => &self.facts[index as usize],
        }
    }

    /// The period of a fact, without reading the rest of it from an index.
    pub fn period_of(&self, index: u32) -> Option<Sym> {
        match self.lazy_period(index) {
            Some(period) => period,
            None => self.facts[index as usize].period,
        }
    }

    pub fn fact_by_id(&self, id: &str) -> Option<u32> {
        match self.lazy_fact_by_id(id) {
            Some(found) => found,
            None => self.by_id.get(id).copied(),
        }
    }

    /// Whether claims that name no subject prefer this one.
    pub fn is_default_subject(&self, subject: Sym) -> bool {
        self.default_subjects.contains(&subject)
    }

    /// The subjects a normalised name or alias stands for.
    pub fn subjects_named(&self, normalized: &str) -> &[Sym] {
        self.subject_names
            .get(normalized)
            .map_or(&[], Vec::as_slice)
    }

    /// Every normalised metric name or alias with the metrics it names.
    pub fn metric_names(&self) -> impl Iterator<Item = (&str, &[Sym])> {
        self.metric_names
            .iter()
            .map(|(name, metrics)| (name.as_str(), metrics.as_slice()))
    }

    pub fn metrics_named(&self, normalized: &str) -> &[Sym] {
        self.metric_names.get(normalized).map_or(&[], Vec::as_slice)
    }

    /// The store's spelling of a normalised period, if any fact uses it.
    pub fn period_named(&self, normalized: &str) -> Option<Sym> {
        self.periods.get(normalized).copied()
    }

    pub fn longest_period_words(&self) -> usize {
        self.longest_period_words
    }

    pub fn longest_name_words(&self) -> usize {
        self.longest_name_words
    }

    pub fn facts_of_subject(&self, subject: Sym) -> &[u32] {
        if let Some(facts) = self.lazy_of_subject(subject) {
            return facts;
        }
        self.by_subject.get(&subject).map_or(&[], Vec::as_slice)
    }

    /// Every (subject, metric) pair of the store's facts, each once, in
    /// the order of their names' symbols; read from the index of an
    /// indexed store, whose `facts` are not in memory, so that both give
    /// the same.
    pub fn name_pairs(&self) -> Vec<(Sym, Sym)> {
        let mut pairs: Vec<(Sym, Sym)> = match self.lazy_pairs() {
            Some(pairs) => pairs.collect(),
            None => self.facts.iter().map(|f| (f.subject, f.metric)).collect(),
        };
        pairs.sort_unstable_by_key(|(s, m)| (s.0, m.0));
        pairs.dedup();
        pairs
    }

    pub fn facts_of_metric(&self, metric: Sym) -> &[u32] {
        if let Some(facts) = self.lazy_of_metric(metric) {
            return facts;
        }
        self.by_metric.get(&metric).map_or(&[], Vec::as_slice)
    }

    /// The facts with this subject and this metric, in store order.
    pub fn facts_of_pair(&self, subject: Sym, metric: Sym) -> &[u32] {
        if let Some(facts) = self.lazy_of_pair(subject, metric) {
            return facts;
        }
        self.by_pair
            .get(&(subject, metric))
            .map_or(&[], Vec::as_slice)
    }

    pub fn source_of(&self, fact: &Fact) -> Option<&Source> {
        fact.source.map(|i| &self.sources[i])
    }

    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.id == id)
    }

    /// Where in its source document a fact is stated.
    pub fn locator(&self, fact: &Fact) -> Option<&Locator> {
        if let Some(locator) = self.lazy_locator(fact) {
            return locator;
        }
        fact.locator.map(|i| &self.locators[i as usize])
    }

    /// `United States · private AI investment · 2025`
    /// A draft with no names yet is `draft` (`draft · 2025` with its period).
    pub fn fact_name(&self, fact: &Fact) -> String {
        let (subject, metric) = (self.str(fact.subject), self.str(fact.metric));
        let mut name = if subject.is_empty() && metric.is_empty() {
            "draft".to_owned()
        } else {
            format!("{subject} · {metric}")
        };
        if let Some(p) = fact.period {
            name.push_str(" · ");
            name.push_str(self.str(p));
        }
        name
    }

    /// The path of one of [`Store::files`], as given when loading.
    pub fn file(&self, index: u32) -> &Path {
        self.files
            .get(index as usize)
            .map_or(Path::new(""), PathBuf::as_path)
    }

    /// The file and line a fact was read from, as `path:line`.
    pub fn origin(&self, fact: &Fact) -> String {
        format!(
            "{}:{}",
            self.files[fact.origin.file as usize].display(),
            fact.origin.line
        )
    }
}

fn folder_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn kind_name(kind: NameKind) -> &'static str {
    match kind {
        NameKind::Subject => "subject",
        NameKind::Metric => "metric",
    }
}

fn push_unique(v: &mut Vec<Sym>, s: Sym) {
    if !v.contains(&s) {
        v.push(s);
    }
}

/// The most of one JSON file read whole; a larger store is written as
/// facts.jsonl, read line by line.
const MAX_JSON_BYTES: u64 = 256 << 20;

/// The longest line of a facts.jsonl; a fact is a few hundred bytes.
pub(super) const MAX_JSONL_LINE_BYTES: u64 = 1 << 20;

/// A JSON file's text, without the byte order mark some editors write.
fn read(path: &Path) -> Result<String, LoadError> {
    crate::input::read_regular_text(path, MAX_JSON_BYTES)
        .map(|text| match text.strip_prefix(BYTE_ORDER_MARK) {
            Some(rest) => rest.to_owned(),
            None => text,
        })
        .map_err(|e| LoadError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })
}

pub(super) const BYTE_ORDER_MARK: char = '\u{feff}';

fn json_error(path: &Path, e: &serde_json::Error) -> LoadError {
    LoadError::Json {
        path: path.display().to_string(),
        line: e.line(),
        column: e.column(),
        message: strip_position(e),
    }
}

/// serde_json appends " at line L column C"; the location is reported separately.
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

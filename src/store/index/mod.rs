//! The index of a big store, kept beside it in `<store>/.claimcheck-index/`.
//!
//! A store of millions of facts (a national statistics table) takes seconds
//! and gigabytes to load whole, while a claim needs a handful of its facts.
//! The index is written once, as the sources are read (`build.rs`: no more
//! than a few numbers a fact are held meanwhile), and then read with plain
//! file reads: the names, periods and sources at once (they are few), with
//! a directory of where each fact is, and the facts themselves only when a
//! lookup asks for them. Checks go through the same [`Store`] API either way,
//! so they cannot tell the two apart.
//!
//! ```text
//! header   magic, hash of the sources, where each part starts, hash of head and dir
//! records  one fact a record (`record.rs`), grouped by (subject, metric)
//! head     the vocabulary, as JSON: strings, sources, files, names, periods
//! dir      the (subject, metric) pairs; per fact slot its number, period and
//!          record length; per block of ids its first hash and its own hash
//! ids      (hash of the fact's id, fact number), sorted, in blocks that
//!          `fact_by_id` reads one at a time
//! ```
//!
//! Nothing of it is trusted: the index names the hash of the sources' bytes
//! it was built from (content, not timestamps, so a copy or a checkout with
//! a new mtime does not rebuild it, and an edit that keeps the mtime does);
//! the head and dir are hashed and checked on opening; each record and each
//! block of ids is checked when it is read. Any mismatch at opening rebuilds
//! the index; a bad record found later is reported by [`Store::index_failure`].

use std::fs::{self, File};
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::{Fact, LoadError, LoadErrors, Locator, NameKind, Origin, Source, Store, Sym};
use crate::quantity::parse_quantity;

mod build;
mod record;

pub(super) use build::Builder;

/// The folder beside the sources that holds the index; load skips it, as it
/// skips every hidden folder.
pub const INDEX_DIR: &str = ".claimcheck-index";
const INDEX_FILE: &str = "facts.idx";
/// The last byte is the format's version: another version is rebuilt.
const MAGIC: [u8; 8] = *b"CCINDEX\x04";
const HEADER_LEN: u64 = 8 + 16 + 8 * 7;
/// Stores whose files hold fewer bytes load whole: the bundled one (under a
/// megabyte) loads in milliseconds, and hashing it would only add to that.
pub const INDEX_ABOVE_BYTES: u64 = 32 << 20;
/// Slots whose record offsets are summed from the lengths on demand (one
/// absolute offset is kept per chunk), and whose facts are cached together.
const CHUNK: usize = 64;
/// Id entries a block: 48 KiB read and checked per id looked up.
const IDS_BLOCK: u64 = 4096;
const ID_ENTRY: u64 = 12;
/// No record is longer: a fact is a few hundred bytes.
const MAX_RECORD: u32 = 1 << 20;
/// A bound on the head (the vocabulary) read whole into memory.
const MAX_HEAD: u64 = 1 << 30;
const NONE: u32 = u32::MAX;

/// The vocabulary of the store: what every lookup needs, read at opening.
#[derive(Serialize, Deserialize)]
struct Head {
    strings: Vec<Box<str>>,
    sources: Vec<Source>,
    /// Relative to the store's folder where they are inside it.
    files: Vec<String>,
    subject_names: Vec<(String, Vec<u32>)>,
    metric_names: Vec<(String, Vec<u32>)>,
    /// The aliases as declared, `(of a subject, alias, name)`: the prose
    /// linker builds its forms from them.
    aliases: Vec<(bool, String, String)>,
    periods: Vec<(String, u32)>,
    longest_period_words: usize,
    longest_name_words: usize,
    default_subjects: Vec<u32>,
    locator_strings: Vec<String>,
    fact_count: u32,
    pair_count: u32,
}

/// A fact read from its record, with its locator (kept per fact here; the
/// fact's `locator` field holds the fact's own number to find it again).
#[derive(Debug, Clone)]
struct Loaded {
    fact: Fact,
    locator: Option<Locator>,
}

/// The pairs of one subject (or metric), and their facts merged in store
/// order on first use.
type Merged = (Vec<u32>, OnceLock<Box<[u32]>>);
/// The id entries of one block: (hash of the id, fact number).
type IdBlock = Box<[(u64, u32)]>;
/// The facts of one chunk of slots, each read on first use.
type Chunk = Box<[OnceLock<Box<Loaded>>]>;

/// The part of an index-backed store that stays on disk until asked for.
pub(super) struct Lazy {
    file: File,
    path: PathBuf,
    /// (subject, metric) → pair number; each pair owns `starts[p]..starts[p + 1]`.
    pairs: HashMap<(Sym, Sym), u32>,
    starts: Vec<u32>,
    subject_pairs: HashMap<Sym, Merged>,
    metric_pairs: HashMap<Sym, Merged>,
    /// Per slot: the fact's number, its period, its record's length.
    numbers: Vec<u32>,
    periods: Vec<u32>,
    lengths: Vec<u32>,
    /// Per chunk of slots: where its first record starts.
    chunk_offsets: Vec<u64>,
    /// Fact number → slot.
    slot_of: Vec<u32>,
    locator_strings: Vec<String>,
    ids_at: u64,
    ids_count: u64,
    /// Per block of ids: its first hash and the hash of its bytes.
    id_blocks: Vec<(u64, u64)>,
    /// The blocks of ids read so far (`None`: damaged).
    id_cache: Vec<OnceLock<Option<IdBlock>>>,
    chunks: Vec<OnceLock<Chunk>>,
    /// What a damaged record reads as; the failure says so.
    broken: Loaded,
    failure: Mutex<Option<String>>,
}

impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lazy")
            .field("path", &self.path)
            .field("facts", &self.numbers.len())
            .field("pairs", &self.starts.len().saturating_sub(1))
            .finish_non_exhaustive()
    }
}

/// Where the index of the store at `root` is kept.
pub fn index_path(root: &Path) -> PathBuf {
    root.join(INDEX_DIR).join(INDEX_FILE)
}

/// The source files of a store, in a fixed order, with their sizes: every
/// file under `root` but hidden ones (the index among them).
fn source_files(root: &Path) -> Result<Vec<(PathBuf, u64)>, LoadErrors> {
    let io_error = |path: &Path, e: &dyn std::fmt::Display| {
        LoadErrors(vec![LoadError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        }])
    };
    let mut files = Vec::new();
    let walk = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walk {
        let entry = entry.map_err(|e| io_error(root, &e))?;
        if entry.file_type().is_file() {
            let len = entry
                .metadata()
                .map_err(|e| io_error(entry.path(), &e))?
                .len();
            files.push((entry.into_path(), len));
        }
    }
    Ok(files)
}

/// The hash of the store's content: each file's path (inside the store), size and bytes.
fn content_hash(root: &Path, files: &[(PathBuf, u64)]) -> Result<u128, LoadErrors> {
    let mut hasher = Xxh3::new();
    let mut buffer = vec![0u8; 1 << 20];
    for (path, _) in files {
        let relative = path.strip_prefix(root).unwrap_or(path);
        hasher.update(relative.to_string_lossy().as_bytes());
        hasher.update(&[0]);
        let mut file = File::open(path).map_err(|e| {
            LoadErrors(vec![LoadError::Io {
                path: path.display().to_string(),
                message: e.to_string(),
            }])
        })?;
        let mut len = 0u64;
        loop {
            let n = match file.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    return Err(LoadErrors(vec![LoadError::Io {
                        path: path.display().to_string(),
                        message: e.to_string(),
                    }]));
                }
            };
            hasher.update(&buffer[..n]);
            len += n as u64;
        }
        hasher.update(&len.to_le_bytes());
    }
    Ok(hasher.digest128())
}

impl Store {
    /// Opens the store for lookups (what `check` needs): a small store is
    /// loaded whole; one whose files hold more than [`INDEX_ABOVE_BYTES`]
    /// is read through its index, built first if missing or out of date.
    pub fn open(root: &Path) -> Result<Store, LoadErrors> {
        Store::open_noting(root, |_| {})
    }

    /// [`Store::open`], calling `building` with the sources' size before an
    /// index is built: 10 to 20 s for ten million facts, which a command
    /// should announce rather than seem to hang.
    pub fn open_noting(root: &Path, building: impl FnOnce(u64)) -> Result<Store, LoadErrors> {
        let files = source_files(root)?;
        let bytes: u64 = files.iter().map(|(_, len)| len).sum();
        if bytes < INDEX_ABOVE_BYTES {
            return Store::load(root);
        }
        Store::open_with_files(root, &files, building)
    }

    /// Opens the store through its index whatever its size, building the
    /// index if it is missing, damaged or was built from other sources.
    /// When the index cannot be written (a read-only store), the store is
    /// loaded whole instead.
    pub fn open_indexed(root: &Path) -> Result<Store, LoadErrors> {
        let files = source_files(root)?;
        Store::open_with_files(root, &files, |_| {})
    }

    fn open_with_files(
        root: &Path,
        files: &[(PathBuf, u64)],
        building: impl FnOnce(u64),
    ) -> Result<Store, LoadErrors> {
        let hash = content_hash(root, files)?;
        if let Ok(store) = read_index(root, hash) {
            return Ok(store);
        }
        building(files.iter().map(|(_, len)| len).sum());
        match build_index(root, hash, build::WINDOW_BYTES) {
            Ok(_) => read_index(root, hash).or_else(|_| Store::load(root)),
            // A whole load reports the sources' errors; and a store whose
            // index cannot be written (a read-only one) is loaded whole.
            Err(_) => Store::load(root),
        }
    }

    /// Builds the index of the store at `root` and writes it beside the
    /// sources, replacing any other; returns the number of facts indexed.
    pub fn build_index(root: &Path) -> Result<usize, LoadErrors> {
        let files = source_files(root)?;
        let hash = content_hash(root, &files)?;
        match build_index(root, hash, build::WINDOW_BYTES) {
            Ok(count) => Ok(count),
            Err(Unbuilt::Sources(Some(errors))) => Err(errors),
            // Loaded whole, the sources' errors are told in full and in order.
            Err(Unbuilt::Sources(None)) => match Store::load(root) {
                Err(errors) => Err(errors),
                Ok(_) => Err(LoadErrors(vec![LoadError::Store {
                    path: root.display().to_string(),
                    message: "the sources load whole, but their index could not be built"
                        .to_owned(),
                }])),
            },
            Err(Unbuilt::Io(e)) => Err(LoadErrors(vec![LoadError::Io {
                path: index_path(root).display().to_string(),
                message: e.to_string(),
            }])),
        }
    }

    /// Whether the facts are read from the index as they are asked for.
    pub fn is_indexed(&self) -> bool {
        self.lazy.is_some()
    }

    /// A damaged record met while reading the index: the answers given
    /// since may be wrong, the index should be rebuilt (deleting it does).
    pub fn index_failure(&self) -> Option<String> {
        let lazy = self.lazy.as_ref()?;
        lazy.failure.lock().ok()?.clone()
    }

    /// The number of facts, loaded or not.
    pub fn fact_count(&self) -> usize {
        match &self.lazy {
            Some(lazy) => lazy.numbers.len(),
            None => self.facts.len(),
        }
    }
}

fn invalid(message: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.into())
}

/// Why no index was built.
enum Unbuilt {
    /// The sources have errors (those found while reading them, when the
    /// store could not be read at all).
    Sources(Option<LoadErrors>),
    /// The index could not be written.
    Io(io::Error),
}

impl From<io::Error> for Unbuilt {
    fn from(e: io::Error) -> Unbuilt {
        Unbuilt::Io(e)
    }
}

/// Reads the sources of `root` into a new index, facts streamed to disk as
/// they are read (`build.rs`), and puts it in place.
fn build_index(root: &Path, hash: u128, window_bytes: u64) -> Result<usize, Unbuilt> {
    let dir = root.join(INDEX_DIR);
    fs::create_dir_all(&dir)?;
    let building = Store {
        building: Some(Box::new(Builder::new(&dir)?)),
        ..Store::default()
    };
    let read = building.read_sources(root);
    let mut store = match read {
        Ok((store, errors)) if errors.is_empty() => store,
        failed => {
            // No index of a broken store: the folder goes if it is empty.
            let _ = fs::remove_dir(&dir);
            return Err(Unbuilt::Sources(failed.err()));
        }
    };
    let Some(builder) = store.building.take() else {
        return Err(Unbuilt::Sources(None));
    };
    // Written beside its final name and renamed over it: a reader sees the
    // old index or the new one, never half of one.
    let mut temp = tempfile::NamedTempFile::new_in(&dir)?;
    let count = builder.write(temp.as_file_mut(), &store, root, hash, window_bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(dir.join(INDEX_FILE)).map_err(|e| e.error)?;
    Ok(count)
}

/// The vocabulary of `store` as the index's head keeps it.
fn head_of(
    store: &Store,
    root: &Path,
    locator_strings: Vec<String>,
    fact_count: u32,
    pair_count: u32,
) -> Head {
    Head {
        strings: store
            .strings
            .strings
            .iter()
            .map(|s| Box::from(&**s))
            .collect(),
        sources: store.sources.clone(),
        files: store
            .files
            .iter()
            .map(|f| {
                f.strip_prefix(root)
                    .unwrap_or(f)
                    .to_string_lossy()
                    .into_owned()
            })
            .collect(),
        subject_names: sorted_names(&store.subject_names),
        metric_names: sorted_names(&store.metric_names),
        aliases: store
            .aliases
            .iter()
            .map(|(kind, alias, name)| (*kind == NameKind::Subject, alias.clone(), name.clone()))
            .collect(),
        periods: {
            let mut periods: Vec<(String, u32)> = store
                .periods
                .iter()
                .map(|(k, v)| (k.clone(), v.0))
                .collect();
            periods.sort_unstable();
            periods
        },
        longest_period_words: store.longest_period_words,
        longest_name_words: store.longest_name_words,
        default_subjects: store.default_subjects.iter().map(|s| s.0).collect(),
        locator_strings,
        fact_count,
        pair_count,
    }
}

fn sorted_names(names: &HashMap<String, Vec<Sym>>) -> Vec<(String, Vec<u32>)> {
    let mut out: Vec<(String, Vec<u32>)> = names
        .iter()
        .map(|(k, v)| (k.clone(), v.iter().map(|s| s.0).collect()))
        .collect();
    out.sort_unstable();
    out
}

/// Reads `count` little-endian words of `N` bytes, hashing the bytes as read,
/// without holding them all twice.
fn read_words<const N: usize, T>(
    reader: &mut impl Read,
    count: usize,
    hasher: &mut Xxh3,
    word: impl Fn([u8; N]) -> T,
) -> io::Result<Vec<T>> {
    let mut out = Vec::with_capacity(count);
    let mut buffer = vec![0u8; N << 14];
    let mut left = count.checked_mul(N).ok_or_else(|| invalid("too long"))?;
    while left > 0 {
        let n = left.min(buffer.len());
        reader.read_exact(&mut buffer[..n])?;
        hasher.update(&buffer[..n]);
        out.extend(
            buffer[..n]
                .chunks_exact(N)
                .map(|c| word(c.try_into().unwrap_or([0; N]))),
        );
        left -= n;
    }
    Ok(out)
}

/// Reads the index of `root` if it was built from sources of this hash and
/// is whole; anything else is an error, and the caller rebuilds it.
fn read_index(root: &Path, hash: u128) -> io::Result<Store> {
    let path = index_path(root);
    let mut file = File::open(&path)?;
    let file_len = file.metadata()?.len();
    let mut header = [0u8; HEADER_LEN as usize];
    file.read_exact(&mut header)?;
    if header[..8] != MAGIC {
        return Err(invalid("not an index of this version"));
    }
    if header[8..24] != hash.to_le_bytes() {
        return Err(invalid("built from other sources"));
    }
    let field = |k: usize| {
        let at = 24 + 8 * k;
        u64::from_le_bytes(header[at..at + 8].try_into().unwrap_or_default())
    };
    let [
        head_at,
        head_len,
        dir_at,
        dir_len,
        ids_at,
        ids_count,
        meta_hash,
    ] = [0, 1, 2, 3, 4, 5, 6].map(field);
    let ids_end = ids_count
        .checked_mul(ID_ENTRY)
        .and_then(|n| n.checked_add(ids_at));
    if head_at < HEADER_LEN
        || head_len > MAX_HEAD
        || head_at.checked_add(head_len) != Some(dir_at)
        || dir_at.checked_add(dir_len) != Some(ids_at)
        || ids_end != Some(file_len)
    {
        return Err(invalid("parts out of place"));
    }
    let mut meta = Xxh3::new();
    file.seek(SeekFrom::Start(head_at))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut head = vec![0u8; head_len as usize];
    reader.read_exact(&mut head)?;
    meta.update(&head);
    let head: Head = serde_json::from_slice(&head).map_err(|e| invalid(e.to_string()))?;
    let count = head.fact_count as usize;
    let pair_count = head.pair_count as usize;
    let id_block_count = ids_count.div_ceil(IDS_BLOCK) as usize;
    let expected = 12 * pair_count as u64 + 12 * count as u64 + 16 * id_block_count as u64;
    if ids_count != count as u64 || dir_len != expected {
        return Err(invalid("the directory does not fit the facts"));
    }
    let pairs = read_words(&mut reader, pair_count * 3, &mut meta, u32::from_le_bytes)?;
    let numbers = read_words(&mut reader, count, &mut meta, u32::from_le_bytes)?;
    let periods = read_words(&mut reader, count, &mut meta, u32::from_le_bytes)?;
    let lengths = read_words(&mut reader, count, &mut meta, u32::from_le_bytes)?;
    let id_blocks = read_words(
        &mut reader,
        id_block_count * 2,
        &mut meta,
        u64::from_le_bytes,
    )?;
    if meta.digest() != meta_hash {
        return Err(invalid("damaged"));
    }
    let file = reader.into_inner();
    let parts = Parts {
        pairs,
        numbers,
        periods,
        lengths,
        id_blocks: id_blocks.chunks_exact(2).map(|w| (w[0], w[1])).collect(),
        records_len: head_at - HEADER_LEN,
        ids_at,
        ids_count,
    };
    build_store(root, file, path, head, parts)
}

/// The directory of an index, as read.
struct Parts {
    /// (subject, metric, first slot) for each pair.
    pairs: Vec<u32>,
    numbers: Vec<u32>,
    periods: Vec<u32>,
    lengths: Vec<u32>,
    id_blocks: Vec<(u64, u64)>,
    records_len: u64,
    ids_at: u64,
    ids_count: u64,
}

fn build_store(
    root: &Path,
    file: File,
    path: PathBuf,
    head: Head,
    parts: Parts,
) -> io::Result<Store> {
    let mut store = Store::default();
    let strings = head.strings.len();
    for s in &head.strings {
        store.strings.intern(s);
    }
    if store.strings.strings.len() != strings {
        return Err(invalid("repeated strings"));
    }
    let sym = |n: u32| -> io::Result<Sym> {
        if (n as usize) < strings {
            Ok(Sym(n))
        } else {
            Err(invalid("a string out of range"))
        }
    };
    store.sources = head.sources;
    for source in &mut store.sources {
        source.dir = root.join(&source.id);
    }
    store.files = head
        .files
        .iter()
        .map(|f| {
            let f = Path::new(f);
            if f.is_absolute() {
                f.to_owned()
            } else {
                root.join(f)
            }
        })
        .collect();
    store.aliases = head
        .aliases
        .into_iter()
        .map(|(subject, alias, name)| {
            let kind = if subject {
                NameKind::Subject
            } else {
                NameKind::Metric
            };
            (kind, alias, name)
        })
        .collect();
    for (kind, names) in [
        (&mut store.subject_names, head.subject_names),
        (&mut store.metric_names, head.metric_names),
    ] {
        for (name, syms) in names {
            let syms = syms.into_iter().map(sym).collect::<io::Result<_>>()?;
            kind.insert(name, syms);
        }
    }
    for (name, p) in head.periods {
        store.periods.insert(name, sym(p)?);
    }
    store.default_subjects = head
        .default_subjects
        .into_iter()
        .map(sym)
        .collect::<io::Result<_>>()?;
    store.longest_period_words = head.longest_period_words;
    store.longest_name_words = head.longest_name_words;

    let Parts {
        pairs: pair_words,
        numbers,
        periods,
        lengths,
        id_blocks,
        records_len,
        ids_at,
        ids_count,
    } = parts;
    let count = numbers.len();
    if lengths.iter().any(|&len| len > MAX_RECORD)
        || lengths.iter().map(|&len| u64::from(len)).sum::<u64>() != records_len
    {
        return Err(invalid("records out of place"));
    }
    let mut chunk_offsets = Vec::with_capacity(count.div_ceil(CHUNK));
    let mut offset = HEADER_LEN;
    for chunk in lengths.chunks(CHUNK) {
        chunk_offsets.push(offset);
        offset += chunk.iter().map(|&len| u64::from(len)).sum::<u64>();
    }
    let mut slot_of = vec![NONE; count];
    for (slot, &n) in numbers.iter().enumerate() {
        match slot_of.get_mut(n as usize) {
            Some(s) if *s == NONE => *s = slot as u32,
            _ => return Err(invalid("a fact number out of range or repeated")),
        }
    }
    for &p in &periods {
        if p != NONE {
            sym(p)?;
        }
    }
    let mut pairs = HashMap::default();
    let mut starts = Vec::with_capacity(pair_words.len() / 3 + 1);
    let mut subject_pairs: HashMap<Sym, Merged> = HashMap::default();
    let mut metric_pairs: HashMap<Sym, Merged> = HashMap::default();
    for (p, entry) in pair_words.chunks_exact(3).enumerate() {
        let (subject, metric, start) = (sym(entry[0])?, sym(entry[1])?, entry[2]);
        let p = p as u32;
        if pairs.insert((subject, metric), p).is_some()
            || starts.last().is_some_and(|&s| s >= start)
            || (p == 0) != (start == 0)
        {
            return Err(invalid("pairs out of order"));
        }
        starts.push(start);
        subject_pairs.entry(subject).or_default().0.push(p);
        metric_pairs.entry(metric).or_default().0.push(p);
    }
    if starts.last().is_some_and(|&s| s as usize >= count) || (count > 0) == starts.is_empty() {
        return Err(invalid("pairs out of order"));
    }
    starts.push(count as u32);
    // A fact has names and comes from a file: the stand-in for a damaged
    // record borrows the first of each.
    if count > 0 && (strings == 0 || store.files.is_empty()) {
        return Err(invalid("facts without names or files"));
    }
    let broken = Loaded {
        fact: Fact {
            id: "<damaged index record>".into(),
            subject: Sym(0),
            metric: Sym(0),
            period: None,
            value: parse_quantity("0").map_err(|e| invalid(e.message))?,
            locator: None,
            url: None,
            retrieved: None,
            via: Box::default(),
            quote: None,
            derived: None,
            corroboration: None,
            seen_in_text: None,
            draft: false,
            source: None,
            origin: Origin { file: 0, line: 0 },
        },
        locator: None,
    };
    store.lazy = Some(Box::new(Lazy {
        file,
        path,
        pairs,
        starts,
        subject_pairs,
        metric_pairs,
        numbers,
        periods,
        lengths,
        chunk_offsets,
        slot_of,
        locator_strings: head.locator_strings,
        ids_at,
        ids_count,
        id_cache: std::iter::repeat_with(OnceLock::new)
            .take(id_blocks.len())
            .collect(),
        id_blocks,
        chunks: std::iter::repeat_with(OnceLock::new)
            .take(count.div_ceil(CHUNK))
            .collect(),
        broken,
        failure: Mutex::new(None),
    }));
    Ok(store)
}

impl Lazy {
    fn loaded(&self, store: &Store, number: u32) -> &Loaded {
        let Some(&slot) = self.slot_of.get(number as usize) else {
            return &self.broken;
        };
        let slot = slot as usize;
        let chunk = self.chunks[slot / CHUNK]
            .get_or_init(|| std::iter::repeat_with(OnceLock::new).take(CHUNK).collect());
        chunk[slot % CHUNK].get_or_init(|| {
            Box::new(self.read_record(store, slot).unwrap_or_else(|message| {
                self.fail(format!("fact record {slot} {message}"));
                self.broken.clone()
            }))
        })
    }

    /// Notes the first damage found; the answers given since may be wrong.
    fn fail(&self, what: String) {
        if let Ok(mut failure) = self.failure.lock() {
            failure.get_or_insert_with(|| {
                format!(
                    "{}: {what}: the index is damaged; deleting it rebuilds it",
                    self.path.display()
                )
            });
        }
    }

    fn read_record(&self, store: &Store, slot: usize) -> Result<Loaded, String> {
        let first = slot - slot % CHUNK;
        let offset = self.chunk_offsets[slot / CHUNK]
            + self.lengths[first..slot]
                .iter()
                .map(|&len| u64::from(len))
                .sum::<u64>();
        let mut bytes = vec![0u8; self.lengths[slot] as usize];
        self.file
            .read_exact_at(&mut bytes, offset)
            .map_err(|e| format!("cannot be read: {e}"))?;
        let (fact, locator) = record::decode(&bytes, store, &self.locator_strings)
            .ok_or_else(|| "does not read back (its hash or a field differs)".to_owned())?;
        let mut loaded = Loaded { fact, locator };
        if loaded.locator.is_some() {
            loaded.fact.locator = Some(self.numbers[slot]);
        }
        Ok(loaded)
    }

    fn pair_facts(&self, pair: u32) -> &[u32] {
        let p = pair as usize;
        &self.numbers[self.starts[p] as usize..self.starts[p + 1] as usize]
    }

    /// The facts of several pairs, in store order, built once.
    fn merged<'a>(&'a self, entry: Option<&'a Merged>) -> &'a [u32] {
        let Some((pairs, cell)) = entry else {
            return &[];
        };
        cell.get_or_init(|| {
            let mut all: Vec<u32> = pairs
                .iter()
                .flat_map(|&p| self.pair_facts(p))
                .copied()
                .collect();
            all.sort_unstable();
            all.into_boxed_slice()
        })
    }

    /// One block of id entries, read and checked on first use.
    fn id_block(&self, block: usize) -> Option<&[(u64, u32)]> {
        self.id_cache[block]
            .get_or_init(|| self.read_id_block(block))
            .as_deref()
    }

    fn read_id_block(&self, block: usize) -> Option<IdBlock> {
        let first = block as u64 * IDS_BLOCK;
        let entries = IDS_BLOCK.min(self.ids_count - first);
        let mut bytes = vec![0u8; (entries * ID_ENTRY) as usize];
        let read = self
            .file
            .read_exact_at(&mut bytes, self.ids_at + first * ID_ENTRY);
        if read.is_err() || xxh3_64(&bytes) != self.id_blocks[block].1 {
            self.fail(format!("block {block} of fact ids does not read back"));
            return None;
        }
        Some(
            bytes
                .chunks_exact(ID_ENTRY as usize)
                .map(|e| {
                    let (h, n) = e.split_at(8);
                    (
                        u64::from_le_bytes(h.try_into().unwrap_or_default()),
                        u32::from_le_bytes(n.try_into().unwrap_or_default()),
                    )
                })
                .collect(),
        )
    }

    fn fact_by_id(&self, store: &Store, id: &str) -> Option<u32> {
        let hash = xxh3_64(id.as_bytes());
        // Entries of this hash start in the last block that begins below it,
        // and may run on into the blocks that begin with it.
        let first = self
            .id_blocks
            .partition_point(|&(h, _)| h < hash)
            .saturating_sub(1);
        for block in first..self.id_blocks.len() {
            if self.id_blocks[block].0 > hash {
                break;
            }
            let entries = self.id_block(block)?;
            // Hashes may collide: the fact's own id decides.
            let found = entries
                .iter()
                .filter(|(h, _)| *h == hash)
                .map(|&(_, n)| n)
                .find(|&n| &*self.loaded(store, n).fact.id == id);
            if found.is_some() {
                return found;
            }
        }
        None
    }
}

/// Store lookups that the index answers when the store is read through it.
impl Store {
    pub(super) fn lazy_fact(&self, index: u32) -> Option<&Fact> {
        self.lazy
            .as_ref()
            .map(|lazy| &lazy.loaded(self, index).fact)
    }

    pub(super) fn lazy_locator(&self, fact: &Fact) -> Option<Option<&Locator>> {
        let lazy = self.lazy.as_ref()?;
        Some(
            fact.locator
                .and_then(|n| lazy.loaded(self, n).locator.as_ref()),
        )
    }

    pub(super) fn lazy_fact_by_id(&self, id: &str) -> Option<Option<u32>> {
        self.lazy.as_ref().map(|lazy| lazy.fact_by_id(self, id))
    }

    pub(super) fn lazy_period(&self, index: u32) -> Option<Option<Sym>> {
        let lazy = self.lazy.as_ref()?;
        let period = lazy
            .slot_of
            .get(index as usize)
            .map_or(NONE, |&slot| lazy.periods[slot as usize]);
        Some((period != NONE).then_some(Sym(period)))
    }

    pub(super) fn lazy_of_subject(&self, subject: Sym) -> Option<&[u32]> {
        let lazy = self.lazy.as_ref()?;
        Some(lazy.merged(lazy.subject_pairs.get(&subject)))
    }

    pub(super) fn lazy_of_metric(&self, metric: Sym) -> Option<&[u32]> {
        let lazy = self.lazy.as_ref()?;
        Some(lazy.merged(lazy.metric_pairs.get(&metric)))
    }

    /// The (subject, metric) pairs an indexed store has facts of.
    pub(super) fn lazy_pairs(&self) -> Option<impl Iterator<Item = (Sym, Sym)> + '_> {
        let lazy = self.lazy.as_ref()?;
        Some(lazy.pairs.keys().copied())
    }

    pub(super) fn lazy_of_pair(&self, subject: Sym, metric: Sym) -> Option<&[u32]> {
        let lazy = self.lazy.as_ref()?;
        Some(
            lazy.pairs
                .get(&(subject, metric))
                .map_or(&[][..], |&p| lazy.pair_facts(p)),
        )
    }
}

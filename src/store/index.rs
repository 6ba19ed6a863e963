//! The index of a big store, kept beside it in `<store>/.claimcheck-index/`.
//!
//! A store of millions of facts (a national statistics table) takes seconds
//! and gigabytes to load whole, while a claim needs a handful of its facts.
//! The index is written once, from the whole store, and then read with plain
//! file reads: the names, periods and sources at once (they are few), the
//! facts only when a lookup asks for them. Checks go through the same
//! [`Store`] API either way, so they cannot tell the two apart.
//!
//! ```text
//! header   magic, hash of the sources, where each part starts, hash of the parts below records
//! records  one fact a record (its fields, then a hash of them), grouped by (subject, metric)
//! head     the vocabulary, as JSON: strings, sources, files, names, periods
//! dir      the (subject, metric) pairs; for each fact slot its number, period and record offset
//! ids      (hash of the fact's id, fact number), sorted: `fact_by_id` searches it on disk
//! ```
//!
//! Nothing of it is trusted: the index names the hash of the sources' bytes
//! it was built from (content, not timestamps, so a copy or a checkout with
//! a new mtime does not rebuild it, and an edit that keeps the mtime does);
//! the head, dir and ids are hashed and checked on opening; each record is
//! checked when it is read. Any mismatch at opening rebuilds the index; a bad
//! record found later is reported by [`Store::index_failure`].

use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::{Derivation, Fact, LoadError, LoadErrors, Locator, Origin, Source, Store, Sym};
use crate::quantity::parse_quantity;

/// The folder beside the sources that holds the index; load skips it, as it
/// skips every hidden folder.
pub const INDEX_DIR: &str = ".claimcheck-index";
const INDEX_FILE: &str = "facts.idx";
/// The last byte is the format's version: another version is rebuilt.
const MAGIC: [u8; 8] = *b"CCINDEX\x01";
const HEADER_LEN: u64 = 8 + 16 + 8 * 7;
/// Stores whose files hold fewer bytes load whole: the bundled one (under a
/// megabyte) loads in milliseconds, and hashing it would only add to that.
pub const INDEX_ABOVE_BYTES: u64 = 32 << 20;
/// Facts decoded together when one of them is asked for (a chunk of slots,
/// which hold the facts of one pair side by side).
const CHUNK: usize = 64;
/// No record is longer: a fact is a few hundred bytes.
const MAX_RECORD: u64 = 1 << 20;
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
    periods: Vec<(String, u32)>,
    longest_period_words: usize,
    longest_name_words: usize,
    default_subjects: Vec<u32>,
    fact_count: u32,
}

/// A fact read from its record, with its locator (kept per fact here; the
/// fact's `locator` field holds the fact's own number to find it again).
#[derive(Debug, Clone)]
struct Loaded {
    fact: Fact,
    locator: Option<Locator>,
}

/// The part of an index-backed store that stays on disk until asked for.
pub(super) struct Lazy {
    file: File,
    path: PathBuf,
    /// (subject, metric) → pair number; each pair owns `starts[p]..starts[p + 1]`.
    pairs: HashMap<(Sym, Sym), u32>,
    starts: Vec<u32>,
    subject_pairs: HashMap<Sym, (Vec<u32>, OnceLock<Box<[u32]>>)>,
    metric_pairs: HashMap<Sym, (Vec<u32>, OnceLock<Box<[u32]>>)>,
    /// Per slot: the fact's number, its period, its record's offset.
    numbers: Vec<u32>,
    periods: Vec<u32>,
    offsets: Vec<u64>,
    /// Fact number → slot.
    slot_of: Vec<u32>,
    ids_at: u64,
    ids_count: u64,
    chunks: Vec<OnceLock<Box<[OnceLock<Box<Loaded>>]>>>,
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
            let len = entry.metadata().map_err(|e| io_error(entry.path(), &e))?.len();
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
        let files = source_files(root)?;
        let bytes: u64 = files.iter().map(|(_, len)| len).sum();
        if bytes < INDEX_ABOVE_BYTES {
            return Store::load(root);
        }
        Store::open_with_files(root, &files)
    }

    /// Opens the store through its index whatever its size, building the
    /// index if it is missing, damaged or was built from other sources.
    /// When the index cannot be written (a read-only store), the store is
    /// loaded whole instead.
    pub fn open_indexed(root: &Path) -> Result<Store, LoadErrors> {
        let files = source_files(root)?;
        Store::open_with_files(root, &files)
    }

    fn open_with_files(root: &Path, files: &[(PathBuf, u64)]) -> Result<Store, LoadErrors> {
        let hash = content_hash(root, files)?;
        if let Ok(store) = read_index(root, hash) {
            return Ok(store);
        }
        let store = Store::load(root)?;
        if write_index(root, &store, hash).is_err() {
            return Ok(store);
        }
        drop(store);
        read_index(root, hash).or_else(|_| Store::load(root))
    }

    /// Builds the index of the store at `root` and writes it beside the
    /// sources, replacing any other; returns the number of facts indexed.
    pub fn build_index(root: &Path) -> Result<usize, LoadErrors> {
        let files = source_files(root)?;
        let hash = content_hash(root, &files)?;
        let store = Store::load(root)?;
        write_index(root, &store, hash).map_err(|e| {
            LoadErrors(vec![LoadError::Io {
                path: index_path(root).display().to_string(),
                message: e.to_string(),
            }])
        })?;
        Ok(store.facts.len())
    }

    /// Whether the facts are read from the index as they are asked for.
    pub fn is_indexed(&self) -> bool {
        self.lazy.is_some()
    }

    /// A damaged record met while reading the index: the answers given
    /// since may be wrong, the index should be rebuilt (deleting it does).
    pub fn index_failure(&self) -> Option<String> {
        let lazy = self.lazy.as_ref()?;
        let failure = lazy.failure.lock().ok()?.clone();
        failure
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

fn write_index(root: &Path, store: &Store, hash: u128) -> io::Result<()> {
    let dir = root.join(INDEX_DIR);
    fs::create_dir_all(&dir)?;
    // Written beside its final name and renamed over it: a reader sees the
    // old index or the new one, never half of one.
    let mut temp = tempfile::NamedTempFile::new_in(&dir)?;
    write_parts(temp.as_file_mut(), root, store, hash)?;
    temp.as_file().sync_all()?;
    temp.persist(dir.join(INDEX_FILE)).map_err(|e| e.error)?;
    Ok(())
}

fn write_parts(file: &mut File, root: &Path, store: &Store, hash: u128) -> io::Result<()> {
    let count = u32::try_from(store.facts.len()).map_err(|_| invalid("over 2^32 facts"))?;
    // Pairs in the order of their first fact, facts in store order within each.
    let mut pairs: Vec<(&(Sym, Sym), &Vec<u32>)> = store.by_pair.iter().collect();
    pairs.sort_unstable_by_key(|(_, facts)| facts.first().copied());
    let mut out = BufWriter::with_capacity(1 << 20, &mut *file);
    out.write_all(&[0; HEADER_LEN as usize])?;
    let mut dir_pairs = Vec::with_capacity(pairs.len() * 12);
    let mut numbers = Vec::with_capacity(store.facts.len() * 4);
    let mut periods = Vec::with_capacity(store.facts.len() * 4);
    let mut offsets = Vec::with_capacity((store.facts.len() + 1) * 8);
    let mut offset = 0u64;
    let mut record = Vec::new();
    for &(&(subject, metric), facts) in &pairs {
        dir_pairs.extend(subject.0.to_le_bytes());
        dir_pairs.extend(metric.0.to_le_bytes());
        dir_pairs.extend(((numbers.len() / 4) as u32).to_le_bytes());
        for &number in facts {
            let fact = &store.facts[number as usize];
            numbers.extend(number.to_le_bytes());
            periods.extend(fact.period.map_or(NONE, |p| p.0).to_le_bytes());
            offsets.extend(offset.to_le_bytes());
            record.clear();
            encode(&mut record, fact, store.locator(fact));
            let sum = xxh3_64(&record);
            record.extend(sum.to_le_bytes());
            out.write_all(&record)?;
            offset += record.len() as u64;
        }
    }
    offsets.extend(offset.to_le_bytes());
    let head = Head {
        strings: store.strings.strings.iter().map(|s| Box::from(&**s)).collect(),
        sources: store.sources.clone(),
        files: store
            .files
            .iter()
            .map(|f| f.strip_prefix(root).unwrap_or(f).to_string_lossy().into_owned())
            .collect(),
        subject_names: sorted_names(&store.subject_names),
        metric_names: sorted_names(&store.metric_names),
        periods: {
            let mut periods: Vec<(String, u32)> =
                store.periods.iter().map(|(k, v)| (k.clone(), v.0)).collect();
            periods.sort_unstable();
            periods
        },
        longest_period_words: store.longest_period_words,
        longest_name_words: store.longest_name_words,
        default_subjects: store.default_subjects.iter().map(|s| s.0).collect(),
        fact_count: count,
    };
    let head = serde_json::to_vec(&head).map_err(|e| invalid(e.to_string()))?;
    let mut dir = Vec::with_capacity(8 + dir_pairs.len() + numbers.len() * 2 + offsets.len());
    dir.extend((pairs.len() as u64).to_le_bytes());
    dir.extend(dir_pairs);
    dir.extend(numbers);
    dir.extend(periods);
    dir.extend(offsets);
    let mut ids: Vec<(u64, u32)> = store
        .facts
        .iter()
        .enumerate()
        .map(|(n, f)| (xxh3_64(f.id.as_bytes()), n as u32))
        .collect();
    ids.sort_unstable();
    let ids: Vec<u8> = ids
        .iter()
        .flat_map(|(h, n)| h.to_le_bytes().into_iter().chain(n.to_le_bytes()))
        .collect();
    let mut meta = Xxh3::new();
    meta.update(&head);
    meta.update(&dir);
    meta.update(&ids);
    out.write_all(&head)?;
    out.write_all(&dir)?;
    out.write_all(&ids)?;
    out.flush()?;
    drop(out);
    let records_at = HEADER_LEN;
    let head_at = records_at + offset;
    let dir_at = head_at + head.len() as u64;
    let ids_at = dir_at + dir.len() as u64;
    let mut header = Vec::with_capacity(HEADER_LEN as usize);
    header.extend(MAGIC);
    header.extend(hash.to_le_bytes());
    for n in [
        head_at,
        head.len() as u64,
        dir_at,
        dir.len() as u64,
        ids_at,
        (ids.len() / 12) as u64,
        meta.digest(),
    ] {
        header.extend(n.to_le_bytes());
    }
    file.seek(SeekFrom::Start(0))?;
    file.write_all(&header)
}

fn sorted_names(names: &HashMap<String, Vec<Sym>>) -> Vec<(String, Vec<u32>)> {
    let mut out: Vec<(String, Vec<u32>)> = names
        .iter()
        .map(|(k, v)| (k.clone(), v.iter().map(|s| s.0).collect()))
        .collect();
    out.sort_unstable();
    out
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
    let (head_at, head_len, dir_at, dir_len, ids_at, ids_count, meta_hash) = (
        field(0),
        field(1),
        field(2),
        field(3),
        field(4),
        field(5),
        field(6),
    );
    let ids_end = ids_count
        .checked_mul(12)
        .and_then(|n| n.checked_add(ids_at));
    if head_at < HEADER_LEN
        || head_len > MAX_HEAD
        || head_at.checked_add(head_len) != Some(dir_at)
        || dir_at.checked_add(dir_len) != Some(ids_at)
        || ids_end != Some(file_len)
    {
        return Err(invalid("parts out of place"));
    }
    let mut head = vec![0u8; usize::try_from(head_len).map_err(|_| invalid("head too long"))?];
    file.seek(SeekFrom::Start(head_at))?;
    file.read_exact(&mut head)?;
    let mut dir = vec![0u8; usize::try_from(dir_len).map_err(|_| invalid("dir too long"))?];
    file.read_exact(&mut dir)?;
    let mut meta = Xxh3::new();
    meta.update(&head);
    meta.update(&dir);
    let mut buffer = vec![0u8; 1 << 20];
    let mut left = ids_count * 12;
    while left > 0 {
        let n = left.min(buffer.len() as u64) as usize;
        file.read_exact(&mut buffer[..n])?;
        meta.update(&buffer[..n]);
        left -= n as u64;
    }
    if meta.digest() != meta_hash {
        return Err(invalid("damaged"));
    }
    let head: Head = serde_json::from_slice(&head).map_err(|e| invalid(e.to_string()))?;
    drop(buffer);
    build_store(root, file, path, head, &dir, head_at - HEADER_LEN, ids_at, ids_count)
}

#[expect(clippy::too_many_arguments, reason = "the parts of one index, read once")]
fn build_store(
    root: &Path,
    file: File,
    path: PathBuf,
    head: Head,
    dir: &[u8],
    records_len: u64,
    ids_at: u64,
    ids_count: u64,
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

    let count = head.fact_count as usize;
    if ids_count != count as u64 {
        return Err(invalid("ids and facts differ in number"));
    }
    let (pair_count, rest) = take_u64(dir)?;
    let pair_count = usize::try_from(pair_count).map_err(|_| invalid("too many pairs"))?;
    let (pair_bytes, rest) = split(rest, pair_count.checked_mul(12))?;
    let (number_bytes, rest) = split(rest, count.checked_mul(4))?;
    let (period_bytes, rest) = split(rest, count.checked_mul(4))?;
    let (offset_bytes, rest) = split(rest, (count + 1).checked_mul(8))?;
    if !rest.is_empty() {
        return Err(invalid("trailing bytes in the directory"));
    }
    let numbers: Vec<u32> = u32s(number_bytes);
    let periods: Vec<u32> = u32s(period_bytes);
    let offsets: Vec<u64> = offset_bytes
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
        .collect();
    if offsets.windows(2).any(|w| w[0] > w[1] || w[1] - w[0] > MAX_RECORD)
        || offsets.last() != Some(&records_len)
    {
        return Err(invalid("records out of place"));
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
    let mut starts = Vec::with_capacity(pair_count + 1);
    let mut subject_pairs: HashMap<Sym, (Vec<u32>, OnceLock<Box<[u32]>>)> = HashMap::default();
    let mut metric_pairs: HashMap<Sym, (Vec<u32>, OnceLock<Box<[u32]>>)> = HashMap::default();
    for (p, entry) in pair_bytes.chunks_exact(12).enumerate() {
        let word = |k: usize| u32::from_le_bytes(entry[k..k + 4].try_into().unwrap_or_default());
        let (subject, metric, start) = (sym(word(0))?, sym(word(4))?, word(8));
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
    if starts.last().is_some_and(|&s| s as usize >= count) || (count > 0 && starts.is_empty()) {
        return Err(invalid("pairs out of order"));
    }
    starts.push(count as u32);
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
            source: None,
            origin: Origin { file: 0, line: 0 },
        },
        locator: None,
    };
    if strings == 0 && count > 0 {
        return Err(invalid("facts without names"));
    }
    store.lazy = Some(Box::new(Lazy {
        file,
        path,
        pairs,
        starts,
        subject_pairs,
        metric_pairs,
        numbers,
        periods,
        offsets,
        slot_of,
        ids_at,
        ids_count,
        chunks: std::iter::repeat_with(OnceLock::new)
            .take(count.div_ceil(CHUNK))
            .collect(),
        broken,
        failure: Mutex::new(None),
    }));
    Ok(store)
}

fn take_u64(bytes: &[u8]) -> io::Result<(u64, &[u8])> {
    let (head, rest) = split(bytes, Some(8))?;
    Ok((u64::from_le_bytes(head.try_into().unwrap_or_default()), rest))
}

fn split(bytes: &[u8], len: Option<usize>) -> io::Result<(&[u8], &[u8])> {
    match len {
        Some(len) if len <= bytes.len() => Ok(bytes.split_at(len)),
        _ => Err(invalid("directory too short")),
    }
}

fn u32s(bytes: &[u8]) -> Vec<u32> {
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes(c.try_into().unwrap_or_default()))
        .collect()
}

impl Lazy {
    fn loaded(&self, store: &Store, number: u32) -> &Loaded {
        let Some(&slot) = self.slot_of.get(number as usize) else {
            return &self.broken;
        };
        let slot = slot as usize;
        let chunk = self.chunks[slot / CHUNK].get_or_init(|| {
            std::iter::repeat_with(OnceLock::new)
                .take(CHUNK)
                .collect()
        });
        chunk[slot % CHUNK].get_or_init(|| {
            Box::new(self.read_record(store, slot).unwrap_or_else(|message| {
                if let Ok(mut failure) = self.failure.lock() {
                    failure.get_or_insert_with(|| {
                        format!(
                            "{}: fact record {slot} is damaged ({message}); delete the index to rebuild it",
                            self.path.display()
                        )
                    });
                }
                self.broken.clone()
            }))
        })
    }

    fn read_record(&self, store: &Store, slot: usize) -> Result<Loaded, String> {
        let (start, end) = (self.offsets[slot], self.offsets[slot + 1]);
        let mut bytes = vec![0u8; (end - start) as usize];
        self.file
            .read_exact_at(&mut bytes, HEADER_LEN + start)
            .map_err(|e| e.to_string())?;
        if bytes.len() < 8 {
            return Err("too short".to_owned());
        }
        let (payload, sum) = bytes.split_at(bytes.len() - 8);
        if xxh3_64(payload).to_le_bytes() != sum {
            return Err("its hash differs".to_owned());
        }
        let mut loaded = decode(payload, store).ok_or("its fields do not read")?;
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
    fn merged<'a>(&'a self, entry: Option<&'a (Vec<u32>, OnceLock<Box<[u32]>>)>) -> &'a [u32] {
        let Some((pairs, cell)) = entry else {
            return &[];
        };
        cell.get_or_init(|| {
            let mut all: Vec<u32> = pairs.iter().flat_map(|&p| self.pair_facts(p)).copied().collect();
            all.sort_unstable();
            all.into_boxed_slice()
        })
    }

    fn fact_by_id(&self, store: &Store, id: &str) -> Option<u32> {
        let hash = xxh3_64(id.as_bytes());
        let entry = |k: u64| -> Option<(u64, u32)> {
            let mut bytes = [0u8; 12];
            self.file.read_exact_at(&mut bytes, self.ids_at + k * 12).ok()?;
            let (h, n) = bytes.split_at(8);
            Some((
                u64::from_le_bytes(h.try_into().ok()?),
                u32::from_le_bytes(n.try_into().ok()?),
            ))
        };
        // The first entry of this hash, by bisection over the sorted entries.
        let (mut low, mut high) = (0, self.ids_count);
        while low < high {
            let mid = low + (high - low) / 2;
            if entry(mid)?.0 < hash {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        // Hashes may collide: the fact's own id decides.
        (low..self.ids_count)
            .map_while(|k| entry(k).filter(|(h, _)| *h == hash))
            .map(|(_, n)| n)
            .find(|&n| &*self.loaded(store, n).fact.id == id)
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

    pub(super) fn lazy_of_pair(&self, subject: Sym, metric: Sym) -> Option<&[u32]> {
        let lazy = self.lazy.as_ref()?;
        Some(
            lazy.pairs
                .get(&(subject, metric))
                .map_or(&[][..], |&p| lazy.pair_facts(p)),
        )
    }
}

// The record of a fact: fixed-width numbers, strings with their length,
// NONE (u32::MAX) for an absent number.

fn put_u32(out: &mut Vec<u8>, n: u32) {
    out.extend(n.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend(s.as_bytes());
}

fn put_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => {
            out.push(1);
            put_str(out, s);
        }
        None => out.push(0),
    }
}

fn encode(out: &mut Vec<u8>, fact: &Fact, locator: Option<&Locator>) {
    put_str(out, &fact.id);
    put_u32(out, fact.subject.0);
    put_u32(out, fact.metric.0);
    put_u32(out, fact.period.map_or(NONE, |p| p.0));
    put_str(out, &fact.value.text);
    let locator = locator.and_then(|l| serde_json::to_string(l).ok());
    put_opt_str(out, locator.as_deref());
    put_u32(out, fact.url.map_or(NONE, |s| s.0));
    put_u32(out, fact.retrieved.map_or(NONE, |s| s.0));
    put_u32(out, fact.via.len() as u32);
    for s in &fact.via {
        put_u32(out, s.0);
    }
    put_opt_str(out, fact.quote.as_deref());
    let derived = fact
        .derived
        .as_deref()
        .and_then(|d| serde_json::to_string(d).ok());
    put_opt_str(out, derived.as_deref());
    put_u32(out, fact.corroboration.unwrap_or(NONE));
    out.push(match fact.seen_in_text {
        None => 0,
        Some(false) => 1,
        Some(true) => 2,
    });
    put_u32(out, fact.source.map_or(NONE, |s| s as u32));
    put_u32(out, fact.origin.file);
    put_u32(out, fact.origin.line);
}

struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn u8(&mut self) -> Option<u8> {
        self.bytes(1).map(|b| b[0])
    }

    fn u32(&mut self) -> Option<u32> {
        self.bytes(4)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_le_bytes)
    }

    fn opt_u32(&mut self) -> Option<Option<u32>> {
        self.u32().map(|n| (n != NONE).then_some(n))
    }

    fn str(&mut self) -> Option<&'a str> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.bytes(len)?).ok()
    }

    fn opt_str(&mut self) -> Option<Option<&'a str>> {
        match self.u8()? {
            0 => Some(None),
            1 => self.str().map(Some),
            _ => None,
        }
    }
}

fn decode(bytes: &[u8], store: &Store) -> Option<Loaded> {
    let mut c = Cursor(bytes);
    let strings = store.strings.strings.len() as u32;
    let sym = |n: u32| (n < strings).then_some(Sym(n));
    let opt_sym = |n: Option<u32>| -> Option<Option<Sym>> {
        match n {
            None => Some(None),
            Some(n) => sym(n).map(Some),
        }
    };
    let id = c.str()?;
    let subject = sym(c.u32()?)?;
    let metric = sym(c.u32()?)?;
    let period = opt_sym(c.opt_u32()?)?;
    let value = parse_quantity(c.str()?).ok()?;
    let locator = match c.opt_str()? {
        Some(json) => Some(serde_json::from_str::<Locator>(json).ok()?),
        None => None,
    };
    let url = opt_sym(c.opt_u32()?)?;
    let retrieved = opt_sym(c.opt_u32()?)?;
    let via_len = c.u32()? as usize;
    if via_len > c.0.len() / 4 {
        return None;
    }
    let via = (0..via_len)
        .map(|_| c.u32().and_then(sym))
        .collect::<Option<Box<[Sym]>>>()?;
    let quote = c.opt_str()?.map(Box::from);
    let derived = match c.opt_str()? {
        Some(json) => Some(Box::new(serde_json::from_str::<Derivation>(json).ok()?)),
        None => None,
    };
    let corroboration = c.opt_u32()?;
    let seen_in_text = match c.u8()? {
        0 => None,
        1 => Some(false),
        2 => Some(true),
        _ => return None,
    };
    let source = match c.opt_u32()? {
        Some(s) if (s as usize) < store.sources.len() => Some(s as usize),
        Some(_) => return None,
        None => None,
    };
    let file = c.u32()?;
    let line = c.u32()?;
    if file as usize >= store.files.len() || !c.0.is_empty() {
        return None;
    }
    Some(Loaded {
        fact: Fact {
            id: id.into(),
            subject,
            metric,
            period,
            value,
            locator: None,
            url,
            retrieved,
            via,
            quote,
            derived,
            corroboration,
            seen_in_text,
            source,
            origin: Origin { file, line },
        },
        locator,
    })
}

//! The index built from a stream of facts, as the sources are read.
//!
//! A store of ten million facts loaded whole takes gigabytes (each fact, its
//! locator and its id, a few hundred bytes), and the index needs none of it
//! at once. While the sources are read, each fact's record is appended to a
//! temporary file in store order, and only a few numbers of it stay in
//! memory: its (subject, metric) pair, period, record length and id hash,
//! 28 bytes a fact. Once every fact is read, the records are copied into
//! the index in (subject, metric) order, one window of the output at a time,
//! each window reading only the stretch of the temporary file its facts
//! come from.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::record::{self, LocatorStrings};
use super::{HEADER_LEN, ID_ENTRY, IDS_BLOCK, MAGIC, MAX_RECORD, NONE, head_of, invalid};
use crate::store::{Fact, Locator, Origin, Store, Sym};

/// The most of the index's records held in memory while they are put in order.
pub(super) const WINDOW_BYTES: u64 = 32 << 20;
/// Facts between two remembered offsets into the temporary file: where a
/// window's reading starts.
const MARK_EVERY: usize = 4096;

/// What is kept of the facts read so far; see the module's comment.
pub(in crate::store) struct Builder {
    /// The records in store order; `None` once read back for writing.
    writer: Option<BufWriter<File>>,
    /// The same file, for reading records back.
    file: File,
    written: u64,
    /// Per fact, in store order.
    pair_of: Vec<u32>,
    periods: Vec<u32>,
    lengths: Vec<u32>,
    /// (hash of the id, fact number); sorted once every fact is read.
    ids: Vec<(u64, u32)>,
    /// Where every `MARK_EVERY`th fact's record starts in the temporary file.
    marks: Vec<u64>,
    /// Numbered in the order of each pair's first fact: the index's order.
    pairs: HashMap<(Sym, Sym), u32>,
    pair_names: Vec<(Sym, Sym)>,
    seen_periods: HashSet<Sym>,
    locator_strings: LocatorStrings,
    record: Vec<u8>,
    /// The source folders' names: with no error each is a source, in order.
    folders: Vec<String>,
    /// (where the fact is, its id, an id it is derived from), checked once
    /// every fact is read.
    derived_from: Vec<(Origin, Box<str>, Box<str>)>,
    /// Where each fact's record starts, worked out when ids are read back.
    offsets: OnceLock<Vec<u64>>,
    /// The first fact that cannot be indexed, or a failed write.
    failure: Option<io::Error>,
}

impl std::fmt::Debug for Builder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Builder")
            .field("facts", &self.lengths.len())
            .field("pairs", &self.pair_names.len())
            .finish_non_exhaustive()
    }
}

impl Builder {
    /// A builder whose temporary file is in `dir` (beside the index, so on
    /// the same disk; it is gone once the builder is dropped).
    pub(in crate::store) fn new(dir: &Path) -> io::Result<Builder> {
        let file = tempfile::tempfile_in(dir)?;
        Ok(Builder {
            writer: Some(BufWriter::with_capacity(1 << 20, file.try_clone()?)),
            file,
            written: 0,
            pair_of: Vec::new(),
            periods: Vec::new(),
            lengths: Vec::new(),
            ids: Vec::new(),
            marks: Vec::new(),
            pairs: HashMap::default(),
            pair_names: Vec::new(),
            seen_periods: HashSet::default(),
            locator_strings: LocatorStrings::default(),
            record: Vec::new(),
            folders: Vec::new(),
            derived_from: Vec::new(),
            offsets: OnceLock::new(),
            failure: None,
        })
    }

    /// The number of facts read so far: the next fact's number.
    pub(in crate::store) fn count(&self) -> usize {
        self.lengths.len()
    }

    /// Makes room for `more` facts: growing by doubling would copy the
    /// vectors again and again, and hold both copies at once.
    pub(in crate::store) fn reserve(&mut self, more: usize) {
        self.pair_of.reserve(more);
        self.periods.reserve(more);
        self.lengths.reserve(more);
        self.ids.reserve(more);
    }

    /// Writes the record of the next fact; true when its period is one no
    /// fact had before.
    pub(in crate::store) fn push(&mut self, fact: &Fact, locator: Option<&Locator>) -> bool {
        let number = self.count() as u32;
        if number.is_multiple_of(MARK_EVERY as u32) {
            self.marks.push(self.written);
        }
        self.record.clear();
        record::encode(&mut self.record, fact, locator, &mut self.locator_strings);
        let len = u32::try_from(self.record.len())
            .ok()
            .filter(|&len| len <= MAX_RECORD);
        let len = match len {
            Some(len) => len,
            None => {
                self.fail(invalid(format!("fact `{}` is too long to index", fact.id)));
                0
            }
        };
        if self.failure.is_none()
            && let Some(writer) = &mut self.writer
            && let Err(e) = writer.write_all(&self.record)
        {
            self.fail(e);
        }
        self.written += u64::from(len);
        let next = self.pair_names.len() as u32;
        let pair = *self
            .pairs
            .entry((fact.subject, fact.metric))
            .or_insert(next);
        if pair == next {
            self.pair_names.push((fact.subject, fact.metric));
        }
        self.pair_of.push(pair);
        self.periods.push(fact.period.map_or(NONE, |p| p.0));
        self.lengths.push(len);
        self.ids.push((xxh3_64(fact.id.as_bytes()), number));
        if let Some(derived) = &fact.derived {
            for from in &derived.from {
                self.derived_from
                    .push((fact.origin, Box::from(&*fact.id), from.as_str().into()));
            }
        }
        fact.period.is_some_and(|p| self.seen_periods.insert(p))
    }

    fn fail(&mut self, e: io::Error) {
        self.failure.get_or_insert(e);
    }

    /// The (subject, metric) pairs of the facts read, each once.
    pub(in crate::store) fn pair_names(&self) -> &[(Sym, Sym)] {
        &self.pair_names
    }

    /// Ends the reading of facts: the records are flushed and the ids
    /// sorted. Returns the ids held by more than one fact.
    pub(in crate::store) fn finish_facts(&mut self) -> Vec<String> {
        if let Some(mut writer) = self.writer.take()
            && let Err(e) = writer.flush()
        {
            self.fail(e);
        }
        self.ids.sort_unstable();
        let mut repeated = Vec::new();
        // Hashes may collide: equal hashes are told apart by the ids themselves.
        for run in self.ids.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
            let mut seen = HashSet::default();
            for &(_, n) in run {
                let id = self.id_of(n).unwrap_or_default();
                if !seen.insert(id.clone()) {
                    repeated.push(id);
                }
            }
        }
        repeated
    }

    /// The facts derived from an id that no fact has: where each is, its
    /// id and the missing one.
    pub(in crate::store) fn missing_derivations(&self) -> Vec<(Origin, String, String)> {
        self.derived_from
            .iter()
            .filter(|(_, _, from)| !self.has_id(from))
            .map(|(origin, fact, from)| (*origin, fact.to_string(), from.to_string()))
            .collect()
    }

    pub(in crate::store) fn set_folders(&mut self, folders: Vec<String>) {
        self.folders = folders;
    }

    /// The number of the source a fact names by id: that of its folder,
    /// since a source's id is its folder's name (or the store has errors,
    /// and is loaded whole to report them).
    pub(in crate::store) fn folder(&self, id: &str) -> Option<usize> {
        self.folders.iter().position(|f| f == id)
    }

    /// Whether a fact has this id (after [`Builder::finish_facts`]).
    pub(in crate::store) fn has_id(&self, id: &str) -> bool {
        let hash = xxh3_64(id.as_bytes());
        let first = self.ids.partition_point(|&(h, _)| h < hash);
        self.ids[first..]
            .iter()
            .take_while(|&&(h, _)| h == hash)
            .any(|&(_, n)| self.id_of(n).as_deref() == Some(id))
    }

    /// A fact's id, read back from its record.
    fn id_of(&self, number: u32) -> Option<String> {
        let offsets = self.offsets.get_or_init(|| {
            let mut at = 0u64;
            self.lengths
                .iter()
                .map(|&len| {
                    let start = at;
                    at += u64::from(len);
                    start
                })
                .collect()
        });
        let n = number as usize;
        let mut bytes = vec![0u8; *self.lengths.get(n)? as usize];
        self.file.read_exact_at(&mut bytes, *offsets.get(n)?).ok()?;
        record::id(&bytes).map(str::to_owned)
    }

    /// Writes the index of the facts read and the vocabulary of `store`
    /// into `file`, putting the records in order `window_bytes` at a time;
    /// returns the number of facts.
    pub(in crate::store) fn write(
        mut self,
        file: &mut File,
        store: &Store,
        root: &Path,
        hash: u128,
        window_bytes: u64,
    ) -> io::Result<usize> {
        if let Some(e) = self.failure.take() {
            return Err(e);
        }
        let count = self.count();
        let fact_count = u32::try_from(count).map_err(|_| invalid("over 2^32 facts"))?;
        let pair_count =
            u32::try_from(self.pair_names.len()).map_err(|_| invalid("over 2^32 pairs"))?;
        // Slots: the facts in pair order, in store order within a pair.
        let mut starts = vec![0u32; self.pair_names.len() + 1];
        for &p in &self.pair_of {
            starts[p as usize + 1] += 1;
        }
        for p in 1..starts.len() {
            starts[p] += starts[p - 1];
        }
        let mut next = starts.clone();
        // Each fact's pair becomes its slot, in place.
        let mut slot_of = std::mem::take(&mut self.pair_of);
        for pair in &mut slot_of {
            let slot = &mut next[*pair as usize];
            *pair = *slot;
            *slot += 1;
        }
        drop(next);
        let mut numbers = vec![0u32; count];
        let mut slot_periods = vec![0u32; count];
        let mut slot_lengths = vec![0u32; count];
        for (n, &slot) in slot_of.iter().enumerate() {
            let slot = slot as usize;
            numbers[slot] = n as u32;
            slot_periods[slot] = self.periods[n];
            slot_lengths[slot] = self.lengths[n];
        }
        self.periods = Vec::new();
        let mut out = BufWriter::with_capacity(1 << 20, &mut *file);
        out.write_all(&[0; HEADER_LEN as usize])?;
        let mut window = Vec::new();
        // Where each of the window's records starts in it.
        let mut offsets = Vec::new();
        let mut first = 0;
        while first < count {
            // The slots whose records fit in the window (one at least).
            offsets.clear();
            let mut at = 0u64;
            let mut end = first;
            while end < count && (end == first || at + u64::from(slot_lengths[end]) <= window_bytes)
            {
                offsets.push(at);
                at += u64::from(slot_lengths[end]);
                end += 1;
            }
            window.clear();
            window.resize(at as usize, 0);
            let facts = &numbers[first..end];
            let low = facts.iter().copied().min().unwrap_or(0) as usize;
            let high = facts.iter().copied().max().unwrap_or(0) as usize;
            self.copy_into(&mut window, first..end, &offsets, &slot_of, low..=high)?;
            out.write_all(&window)?;
            first = end;
        }
        drop(window);
        drop(offsets);
        drop(slot_of);
        self.lengths = Vec::new();

        let mut dir_pairs = Vec::with_capacity(self.pair_names.len() * 12);
        for (&(subject, metric), start) in self.pair_names.iter().zip(&starts) {
            dir_pairs.extend(subject.0.to_le_bytes());
            dir_pairs.extend(metric.0.to_le_bytes());
            dir_pairs.extend(start.to_le_bytes());
        }
        let mut id_blocks = Vec::new();
        for block in self.ids.chunks(IDS_BLOCK as usize) {
            let mut bytes = Vec::with_capacity(block.len() * ID_ENTRY as usize);
            for (h, n) in block {
                bytes.extend(h.to_le_bytes());
                bytes.extend(n.to_le_bytes());
            }
            id_blocks.extend(&bytes[..8]);
            id_blocks.extend(xxh3_64(&bytes).to_le_bytes());
        }
        let locator_strings = std::mem::take(&mut self.locator_strings.strings);
        let head = head_of(store, root, locator_strings, fact_count, pair_count);
        let head = serde_json::to_vec(&head).map_err(|e| invalid(e.to_string()))?;
        let mut meta = Xxh3::new();
        meta.update(&head);
        out.write_all(&head)?;
        let mut dir_len = dir_pairs.len() as u64;
        meta.update(&dir_pairs);
        out.write_all(&dir_pairs)?;
        for words in [&numbers, &slot_periods, &slot_lengths] {
            dir_len += write_words(&mut out, &mut meta, words)?;
        }
        dir_len += id_blocks.len() as u64;
        meta.update(&id_blocks);
        out.write_all(&id_blocks)?;
        for (h, n) in &self.ids {
            out.write_all(&h.to_le_bytes())?;
            out.write_all(&n.to_le_bytes())?;
        }
        out.flush()?;
        drop(out);
        let records_len = slot_lengths.iter().map(|&l| u64::from(l)).sum::<u64>();
        let head_at = HEADER_LEN + records_len;
        let dir_at = head_at + head.len() as u64;
        let ids_at = dir_at + dir_len;
        let mut header = Vec::with_capacity(HEADER_LEN as usize);
        header.extend(MAGIC);
        header.extend(hash.to_le_bytes());
        for n in [
            head_at,
            head.len() as u64,
            dir_at,
            dir_len,
            ids_at,
            count as u64,
            meta.digest(),
        ] {
            header.extend(n.to_le_bytes());
        }
        file.seek(SeekFrom::Start(0))?;
        file.write_all(&header)?;
        Ok(count)
    }

    /// Reads the records of facts `facts` from the temporary file and puts
    /// those whose slot is in `slots` into `window`, where `offsets` says.
    fn copy_into(
        &self,
        window: &mut [u8],
        slots: std::ops::Range<usize>,
        offsets: &[u64],
        slot_of: &[u32],
        facts: std::ops::RangeInclusive<usize>,
    ) -> io::Result<()> {
        let mark = *facts.start() / MARK_EVERY;
        let mut file = &self.file;
        file.seek(SeekFrom::Start(self.marks[mark]))?;
        let mut reader = BufReader::with_capacity(1 << 20, file);
        let read = mark * MARK_EVERY..*facts.end() + 1;
        for (&len, &slot) in self.lengths[read.clone()].iter().zip(&slot_of[read]) {
            let (len, slot) = (len as usize, slot as usize);
            if slots.contains(&slot) {
                let at = offsets[slot - slots.start] as usize;
                reader.read_exact(&mut window[at..at + len])?;
            } else {
                reader.seek_relative(len as i64)?;
            }
        }
        Ok(())
    }
}

/// Writes `words` little-endian, hashing them as written, without a copy
/// of them all; returns the bytes written.
fn write_words(out: &mut impl Write, meta: &mut Xxh3, words: &[u32]) -> io::Result<u64> {
    let mut bytes = Vec::with_capacity(1 << 16);
    for chunk in words.chunks(1 << 14) {
        bytes.clear();
        bytes.extend(chunk.iter().flat_map(|w| w.to_le_bytes()));
        meta.update(&bytes);
        out.write_all(&bytes)?;
    }
    Ok(words.len() as u64 * 4)
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::{Path, PathBuf};

    use super::super::{INDEX_DIR, build_index, content_hash, index_path, source_files};
    use super::WINDOW_BYTES;

    /// A copy of the bundled store, so that its index is written there.
    fn bundled_copy() -> (tempfile::TempDir, PathBuf) {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("sources");
        let temp = tempfile::tempdir().unwrap();
        let to = temp.path().join("store");
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.unwrap();
            let target = to.join(entry.path().strip_prefix(&from).unwrap());
            if entry.file_type().is_dir() {
                fs::create_dir_all(&target).unwrap();
            } else {
                fs::copy(entry.path(), &target).unwrap();
            }
        }
        (temp, to)
    }

    /// The bundled store's facts of a (subject, metric) pair are far apart
    /// in its file, so its records move when put in order: a window of one
    /// record, of a kilobyte, or of the whole index writes the same bytes.
    #[test]
    fn any_window_writes_the_same_index() {
        let (_temp, root) = bundled_copy();
        let hash = content_hash(&root, &source_files(&root).unwrap()).unwrap();
        let mut indexes = Vec::new();
        for window in [1, 1 << 10, WINDOW_BYTES] {
            let count = build_index(&root, hash, window).ok().unwrap();
            assert_eq!(count, 838);
            indexes.push(fs::read(index_path(&root)).unwrap());
        }
        assert!(indexes[0].len() > 100 << 10);
        assert!(indexes.iter().all(|index| *index == indexes[0]));
        // The records' temporary file is gone with the builder.
        let left: Vec<_> = fs::read_dir(root.join(INDEX_DIR)).unwrap().collect();
        assert_eq!(left.len(), 1);
    }
}

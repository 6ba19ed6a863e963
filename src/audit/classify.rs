//! The store's names as written in a sentence, found in one pass: a
//! number inside a name ("Grok 4", "ISO/IEC 42001") is part of the name.

use crate::store::{NameKind, Store, Sym};
use std::collections::{BTreeMap, HashMap};

/// Every subject and metric name and alias of the store, found in a
/// sentence in one pass.
#[derive(Debug)]
pub(crate) struct Vocabulary {
    trie: Trie,
    names: Vec<Name>,
    /// The names as searched for, by index: the oracle of the tests.
    #[cfg(test)]
    patterns: Vec<String>,
}

#[derive(Debug, Default)]
struct Name {
    subjects: Vec<Sym>,
    metrics: Vec<Sym>,
    /// A name with a number inside it ("Grok 4", "ISO/IEC 42001"): a number
    /// within it is part of the name.
    holds_number: bool,
}

/// A name found in a sentence, as a byte range of the sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    name: usize,
}

impl Vocabulary {
    pub(crate) fn new(store: &Store) -> Vocabulary {
        let mut by_text: HashMap<String, usize> = HashMap::new();
        let mut names: Vec<Name> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut add = |text: &str, kind: NameKind, sym: Sym| {
            let key = text.trim().to_lowercase();
            if key.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                return;
            }
            let variants = [key.clone(), key.replace('\'', "’")];
            for variant in variants {
                let index = *by_text.entry(variant.clone()).or_insert_with(|| {
                    patterns.push(variant.clone());
                    names.push(Name {
                        holds_number: holds_number(&variant),
                        ..Name::default()
                    });
                    names.len() - 1
                });
                let list = match kind {
                    NameKind::Subject => &mut names[index].subjects,
                    NameKind::Metric => &mut names[index].metrics,
                };
                if !list.contains(&sym) {
                    list.push(sym);
                }
            }
        };
        // Keyed by (is a subject, name): NameKind has no Hash.
        let mut canonical: HashMap<(bool, &str), Sym> = HashMap::new();
        for fact in &store.facts {
            canonical
                .entry((true, store.str(fact.subject)))
                .or_insert(fact.subject);
            canonical
                .entry((false, store.str(fact.metric)))
                .or_insert(fact.metric);
        }
        let kind_of = |subject: bool| {
            if subject {
                NameKind::Subject
            } else {
                NameKind::Metric
            }
        };
        let mut sorted: Vec<_> = canonical.iter().collect();
        sorted.sort();
        for (&(subject, text), &sym) in sorted {
            add(text, kind_of(subject), sym);
        }
        for (kind, alias, name) in &store.aliases {
            let subject = *kind == NameKind::Subject;
            if let Some(&sym) = canonical.get(&(subject, name.as_str())) {
                add(alias, *kind, sym);
            }
        }
        let trie = Trie::new(&patterns);
        Vocabulary {
            trie,
            names,
            #[cfg(test)]
            patterns,
        }
    }

    /// The names that stand as whole words in `sentence`, overlapping ones
    /// included, by end and then by start.
    ///
    /// A name starts where the character before it (if any) is not
    /// alphanumeric, so the trie of names is walked only from there: from
    /// the start of each word, and when some name starts with another
    /// character, from each character after one that is not alphanumeric.
    /// An Aho-Corasick DFA over every byte of the sentence was a tenth of
    /// the audit's time.
    pub(crate) fn hits(&self, sentence: &str) -> Vec<Hit> {
        let bytes = sentence.as_bytes();
        let mut hits = Vec::new();
        // The bytes 64 at a time as bit masks, not branching on each byte:
        // which are of an alphanumeric character, and so which start a
        // word (or follow a character that is not alphanumeric).
        let mut after_alphanumeric = 0u64;
        let mut padded = [0u8; 64];
        for (n, chunk) in bytes.chunks(64).enumerate() {
            let base = n * 64;
            let chunk = if chunk.len() == 64 {
                chunk
            } else {
                padded[..chunk.len()].copy_from_slice(chunk);
                padded[chunk.len()..].fill(0);
                &padded[..]
            };
            let (mut alphanumeric, ascii) = ascii_alphanumeric_mask(chunk);
            if !ascii {
                alphanumeric = alphanumeric_mask(sentence, base);
            }
            let after_other = !((alphanumeric << 1) | after_alphanumeric);
            let mut starts = if self.trie.symbol_starts {
                // A byte inside a character starts no name: names are
                // whole characters.
                after_other & !continuation_mask(chunk)
            } else {
                alphanumeric & after_other
            };
            let len = bytes.len() - base;
            if len < 64 {
                starts &= (1 << len) - 1;
            }
            while starts != 0 {
                let k = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                self.trie.walk(sentence, base + k, &mut hits);
            }
            after_alphanumeric = alphanumeric >> 63;
        }
        if hits.len() > 1 {
            // The order of an overlapping search: by end, the longer name
            // first. Names are distinct, so (end, start) is unique.
            hits.sort_unstable_by_key(|h: &Hit| (h.end, h.start));
        }
        hits
    }

    /// Whether the range `start..end` of the sentence lies in a name that
    /// holds a number ("Veo 3", "Evo 2"): then it is no quantity.
    pub(crate) fn inside_name(&self, hits: &[Hit], start: usize, end: usize) -> bool {
        hits.iter()
            .any(|h| self.names[h.name].holds_number && h.start <= start && end <= h.end)
    }
}

/// Whether the character at byte `i` of `text` is alphanumeric.
fn alphanumeric_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_alphanumeric),
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Bit `k` set when byte `k` of the 64 is an ASCII letter or digit, eight
/// bytes at a time; and whether all 64 are ASCII.
fn ascii_alphanumeric_mask(chunk: &[u8]) -> (u64, bool) {
    let mut mask = 0u64;
    let mut high = 0u64;
    for (j, eight) in chunk.chunks_exact(8).enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        let x = u64::from_le_bytes(word);
        high |= x;
        // For bytes below 0x80, the high bit of (x | 0x80) - c is set
        // when x >= c, with no borrow from byte to byte.
        let at_least = |x: u64, c: u8| ((x | HIGH) - ONES * u64::from(c)) & HIGH;
        let digit = at_least(x, b'0') & !at_least(x, b'9' + 1);
        let lower = x | (ONES * 0x20);
        let letter = at_least(lower, b'a') & !at_least(lower, b'z' + 1);
        mask |= gather(digit | letter) << (8 * j);
    }
    (mask, high & HIGH == 0)
}

/// The high bits of the eight bytes of `x`, as eight bits (byte 0 lowest).
fn gather(x: u64) -> u64 {
    ((x >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Bit `k` set when byte `k` of the 64 continues a UTF-8 character.
fn continuation_mask(chunk: &[u8]) -> u64 {
    chunk
        .iter()
        .enumerate()
        .fold(0, |mask, (k, &b)| mask | (u64::from(b & 0xC0 == 0x80) << k))
}

/// Bit `k` set when byte `base + k` of `text` is of an alphanumeric
/// character, for the 64 bytes from `base` (or fewer, at the end).
fn alphanumeric_mask(text: &str, base: usize) -> u64 {
    let end = (base + 64).min(text.len());
    let mut start = base;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut mask = 0u64;
    for (at, c) in text[start..].char_indices() {
        let at = start + at;
        if at >= end {
            break;
        }
        if c.is_alphanumeric() {
            for byte in at.max(base)..(at + c.len_utf8()).min(end) {
                mask |= 1 << (byte - base);
            }
        }
    }
    mask
}

/// The names as a byte trie, ASCII letters compared in any case and other
/// bytes exactly (names are lower-cased).
///
/// A walk is a chain of loads, each waiting for the one before; the trie is
/// laid out for short chains in little memory. Nodes are numbered depth
/// first, so the one child of a node is the next node, and a run of such
/// nodes (inside a long name) is a run of bytes, compared at once. A node
/// with several children has a row of a table, a column per class of
/// bytes. The first two bytes are one look-up in a small table, where most
/// walks end.
#[derive(Debug)]
struct Trie {
    /// The column of each byte, ASCII upper case as lower case; 0 for a
    /// byte of no name.
    classes: [u8; 256],
    columns: usize,
    /// Whether some name starts with a character that is not alphanumeric.
    symbol_starts: bool,
    /// The node after the first two bytes, by their columns, as an edge;
    /// 0 for none. Every name has two bytes at least.
    pairs: Vec<u64>,
    /// Per node: `TERMINAL` when a name ends there; `BRANCHES` when its
    /// children are in row `info & LOW` of `rows`; else the length (in
    /// `info & LOW`) of the run of nodes with one child from here.
    info: Vec<u32>,
    /// Per node with one child, the byte to it.
    bytes: Vec<u8>,
    /// The children of nodes with several, by column, as edges; 0 for
    /// none. Row 0 is all 0, for the leaves.
    rows: Vec<u64>,
    /// The name that ends at each node.
    ends: Vec<u32>,
}

/// An edge to a node: its `info` in the high half, its number in the low
/// half, so a step needs no second load. Node 0 is the root, which no edge
/// leads to, so edge 0 is none.
fn edge(info: &[u32], node: usize) -> u64 {
    (u64::from(info[node]) << 32) | node as u64
}

const TERMINAL: u32 = 1 << 31;
const BRANCHES: u32 = 1 << 30;
const LOW: u32 = BRANCHES - 1;

impl Trie {
    fn new(patterns: &[String]) -> Trie {
        let mut classes = [0u8; 256];
        let mut columns = 1;
        for pattern in patterns {
            for &b in pattern.as_bytes() {
                let b = b.to_ascii_lowercase();
                if classes[usize::from(b)] == 0 {
                    // At most 243 byte values occur in UTF-8.
                    classes[usize::from(b)] = u8::try_from(columns).unwrap_or(0);
                    columns += 1;
                }
            }
        }
        for b in b'A'..=b'Z' {
            classes[usize::from(b)] = classes[usize::from(b.to_ascii_lowercase())];
        }
        let symbol_starts = patterns
            .iter()
            .any(|p| !p.chars().next().is_some_and(char::is_alphanumeric));
        // A trie of maps first, numbered depth first below.
        let mut built: Vec<(BTreeMap<u8, usize>, u32)> = vec![(BTreeMap::new(), NO_NAME)];
        for (index, pattern) in patterns.iter().enumerate() {
            debug_assert!(pattern.len() >= 2, "{pattern}");
            let mut node = 0;
            for &b in pattern.as_bytes() {
                let fresh = built.len();
                node = *built[node].0.entry(b.to_ascii_lowercase()).or_insert(fresh);
                if node == fresh {
                    built.push((BTreeMap::new(), NO_NAME));
                }
            }
            // Names are distinct: `Vocabulary::new` keeps one per text.
            debug_assert_eq!(built[node].1, NO_NAME, "{pattern}");
            built[node].1 = u32::try_from(index).unwrap_or(NO_NAME);
        }
        let mut number = vec![0u32; built.len()];
        let mut order = Vec::with_capacity(built.len());
        let mut stack = vec![0usize];
        while let Some(node) = stack.pop() {
            number[node] = u32::try_from(order.len()).unwrap_or(0);
            order.push(node);
            stack.extend(built[node].0.values().rev());
        }
        let mut info = vec![0u32; order.len()];
        let mut bytes = vec![0u8; order.len()];
        // Children first, then their parent's row: the rows are filled in
        // a second pass, once all the infos are known.
        let mut rows = vec![0u64; columns];
        let mut parents = Vec::new();
        let mut ends = vec![NO_NAME; order.len()];
        // Backwards, so a run knows the length of the run after it.
        for (at, &node) in order.iter().enumerate().rev() {
            let (children, name) = &built[node];
            ends[at] = *name;
            let terminal = if *name == NO_NAME { 0 } else { TERMINAL };
            info[at] = terminal
                | match children.len() {
                    0 => BRANCHES,
                    1 => {
                        bytes[at] = children.keys().next().copied().unwrap_or(0);
                        // The next node, the child, continues the run if it
                        // too has one child and ends no name.
                        let next = info.get(at + 1).copied().unwrap_or(BRANCHES);
                        1 + if next & (TERMINAL | BRANCHES) == 0 {
                            next
                        } else {
                            0
                        }
                    }
                    _ => {
                        let row = rows.len() / columns;
                        rows.resize(rows.len() + columns, 0);
                        parents.push((row, node));
                        BRANCHES | (u32::try_from(row).unwrap_or(0) & LOW)
                    }
                };
        }
        for (row, node) in parents {
            for (&b, &child) in &built[node].0 {
                rows[row * columns + usize::from(classes[usize::from(b)])] =
                    edge(&info, number[child] as usize);
            }
        }
        let mut pairs = vec![0u64; columns * columns];
        for (&b0, &first) in &built[0].0 {
            for (&b1, &second) in &built[first].0 {
                let cell = usize::from(classes[usize::from(b0)]) * columns
                    + usize::from(classes[usize::from(b1)]);
                pairs[cell] = edge(&info, number[second] as usize);
            }
        }
        Trie {
            classes,
            columns,
            symbol_starts,
            pairs,
            info,
            bytes,
            rows,
            ends,
        }
    }

    /// Pushes every name that starts at byte `start` of `text` and ends
    /// before a character that is not alphanumeric (or the end).
    #[inline]
    fn walk(&self, text: &str, start: usize, hits: &mut Vec<Hit>) {
        let bytes = text.as_bytes();
        let Some(&second) = bytes.get(start + 1) else {
            return;
        };
        let class = |b: u8| usize::from(self.classes[usize::from(b)]);
        let mut edge = self.pairs[class(bytes[start]) * self.columns + class(second)];
        if edge == 0 {
            return;
        }
        let mut end = start + 2;
        loop {
            let (info, node) = ((edge >> 32) as u32, edge as u32 as usize);
            if info & TERMINAL != 0 && !alphanumeric_at(text, end) {
                hits.push(Hit {
                    start,
                    end,
                    name: self.ends[node] as usize,
                });
            }
            let low = (info & LOW) as usize;
            if info & BRANCHES == 0 {
                // No name ends inside a run: all of it, or nothing.
                let Some(run) = bytes.get(end..end + low) else {
                    return;
                };
                if !run.eq_ignore_ascii_case(&self.bytes[node..node + low]) {
                    return;
                }
                end += low;
                edge = self::edge(&self.info, node + low);
            } else {
                let Some(&b) = bytes.get(end) else {
                    return;
                };
                edge = self.rows[low * self.columns + class(b)];
                if edge == 0 {
                    return;
                }
                end += 1;
            }
        }
    }
}

const NO_NAME: u32 = u32::MAX;

/// "grok 4", "iso/iec 42001": a word, then a number, and not a quantity
/// name such as "1.2 million people".
fn holds_number(name: &str) -> bool {
    let first_digit = name.find(|c: char| c.is_ascii_digit());
    match first_digit {
        Some(0) | None => false,
        Some(i) => name[..i].chars().any(char::is_alphabetic),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::LazyLock;

    use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
    use proptest::prelude::*;

    use super::*;
    use crate::audit::{markdown, scan, text::Block};

    impl Vocabulary {
        /// A vocabulary of bare names, as `Vocabulary::new` leaves them
        /// (trimmed, lower-cased, distinct, two alphanumeric characters).
        fn of_names(names: &[&str]) -> Vocabulary {
            let patterns: Vec<String> = names.iter().map(|&n| n.to_owned()).collect();
            Vocabulary {
                trie: Trie::new(&patterns),
                names: patterns.iter().map(|_| Name::default()).collect(),
                patterns,
            }
        }
    }

    /// A vocabulary and the search `Vocabulary::hits` replaced, kept as its
    /// oracle: an overlapping Aho-Corasick search over the whole sentence,
    /// then a filter for word boundaries.
    struct Oracle {
        vocabulary: Vocabulary,
        matcher: AhoCorasick,
    }

    impl Oracle {
        fn new(vocabulary: Vocabulary) -> Oracle {
            let matcher = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&vocabulary.patterns)
                .unwrap_or_else(|e| panic!("{e}"));
            Oracle {
                vocabulary,
                matcher,
            }
        }

        fn expected(&self, sentence: &str) -> Vec<(usize, usize, usize)> {
            let bytes = sentence.as_bytes();
            let word_char = |i: usize| {
                sentence[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            };
            self.matcher
                .find_overlapping_iter(sentence)
                .filter(|m| {
                    let before_ok = m.start() == 0 || !word_char(m.start());
                    let after_ok = m.end() >= bytes.len()
                        || !sentence[m.end()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric);
                    before_ok && after_ok
                })
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect()
        }

        fn found(&self, sentence: &str) -> Vec<(usize, usize, usize)> {
            self.vocabulary
                .hits(sentence)
                .iter()
                .map(|h| (h.start, h.end, h.name))
                .collect()
        }

        /// Same hits in the same order; how many.
        fn check(&self, sentence: &str) -> usize {
            let expected = self.expected(sentence);
            assert_eq!(self.found(sentence), expected, "{sentence:?}");
            expected.len()
        }

        /// A name, in random ASCII case, or its first few characters.
        fn name_piece(&self) -> impl Strategy<Value = String> + use<> {
            let names = self.vocabulary.patterns.clone();
            (prop::sample::select(names), any::<u64>(), 0usize..4).prop_map(|(name, case, cut)| {
                let mut out: String = name
                    .chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if (case >> (i % 64)) & 1 == 1 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect();
                if cut == 0 {
                    let keep = out.char_indices().map(|(i, _)| i).nth(case as usize % 8);
                    if let Some(keep) = keep {
                        out.truncate(keep);
                    }
                }
                out
            })
        }

        /// Text made of names, words, punctuation and non-ASCII letters.
        fn text(&self) -> impl Strategy<Value = String> + use<> {
            let other = prop::sample::select(vec![
                " ", " ", " ", ", ", ".", "-", "/", "’", "'", "(", ")", "\n", ":", "$", "%", "the",
                "in", "a", "of", "AI", "US", "usa", "u", "s", "2025", "42", "Grok", "x", "é", "É",
                "ß", "Ü", "中", "İ", "\u{212a}", "ſ", "ａ", "١", "\u{301}", "ı", "—", "…", "/",
                "0", "9", ":", "@", "A", "Z", "[", "`", "z", "{", "\t", "\u{7f}",
            ])
            .prop_map(str::to_owned);
            let piece = prop_oneof![3 => self.name_piece(), 4 => other];
            prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
        }
    }

    static STORE: LazyLock<Oracle> = LazyLock::new(|| {
        let store = Store::load(Path::new("sources")).unwrap_or_else(|e| panic!("{e}"));
        Oracle::new(Vocabulary::new(&store))
    });

    /// Names the store does not have: starting with punctuation or a
    /// non-ASCII letter, ending with a dot, inside one another.
    static ODD: LazyLock<Oracle> = LazyLock::new(|| {
        Oracle::new(Vocabulary::of_names(&[
            ".net framework",
            "(r&d) spending",
            "’s share",
            "'s share",
            "$100 club",
            "#1 model",
            "-ai",
            "é-commerce",
            "élan",
            "中国",
            "中国 ai",
            "αι",
            "straße",
            "u.s.",
            "u.s",
            "us",
            "usa",
            "us ai",
            "ai",
            "a.i.",
            "k-12",
            "ab",
            "abcdefghijklmnop",
            "abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz abcdefghij",
            "abcdefghijklmnopqrstuvwxyz",
            "x’s y",
        ]))
    });

    /// The sentences the audit looks names up in, from this block, with the
    /// block and its lines whole.
    fn sentences_of(block: &Block, out: &mut Vec<String>) {
        out.push(block.text.clone());
        out.extend(block.text.lines().map(str::to_owned));
        for mention in scan::scan(&block.text, block.kind) {
            let (s, e) = mention.sentence;
            let sentence = &block.text[s..e];
            // Every tail too: names cut at their start, and starts that
            // are not word starts.
            for (i, _) in sentence.char_indices() {
                out.push(sentence[i..].to_owned());
            }
        }
    }

    #[test]
    fn same_hits_as_aho_corasick_on_articles() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut sentences = Vec::new();
        let mut articles = 0;
        let examples = std::fs::read_dir(root.join("claims/examples"));
        for entry in examples.unwrap_or_else(|e| panic!("{e}")) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
                markdown::each_markdown_block(&text, |b| sentences_of(b, &mut sentences));
                articles += 1;
            }
        }
        assert!(articles >= 2, "the example articles are found");
        // A long translated article, where the workspace has it.
        let seed = root.join("../shared/seeds/000_eba7b0e877cdae88.txt");
        if let Ok(text) = std::fs::read_to_string(seed) {
            markdown::each_plain_block(&text, |b| sentences_of(b, &mut sentences));
            markdown::each_markdown_block(&text, |b| sentences_of(b, &mut sentences));
        }
        let found: usize = sentences.iter().map(|s| STORE.check(s)).sum();
        assert!(
            found > 1000,
            "only {found} names found: the test tests little"
        );
        for sentence in &sentences {
            ODD.check(sentence);
        }
    }

    #[test]
    fn same_hits_as_aho_corasick_on_edges() {
        for sentence in [
            "",
            "u",
            "US",
            "us",
            "USA",
            "the US private AI investment in 2025",
            "US-China; U.S. and U.S and E.U. (EU)",
            "busy USA’s U.S.A. uS Us",
            "Grok 4 and Grok 40, GPT-4o, GPT-4, gpt-5.",
            "women's share of AI talent, women’s share of AI talent",
            "éUS USé US\u{301} ÜSA 中US US中 US١",
            "People’s Republic of China’s People's Republic of China",
            "the .NET framework, (R&D) spending; a.NET framework",
            "it’s share, its ’s share, x’s y, X’S Y, -AI, a-AI, .-AI",
            "中国 AI, 中国AI, 中国中国, É-commerce, é-commerce, ÉLAN, élan, STRASSE, STRAßE",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ",
            "abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz abcdefghi",
            "k-12 K-12 k-123 $100 club #1 model",
        ] {
            // At every start, and as the end of a longer text, so that it
            // straddles the 64-byte chunks.
            for (i, _) in sentence.char_indices() {
                for pad in [0, 1, 40, 63] {
                    let text = format!("{}{}", "x".repeat(pad), &sentence[i..]);
                    STORE.check(&text);
                    ODD.check(&text);
                    let text = format!("{} {}", " ".repeat(pad), &sentence[i..]);
                    STORE.check(&text);
                    ODD.check(&text);
                }
            }
        }
    }

    /// Every ASCII character around names: the letters and digits are
    /// told from the rest eight bytes at a time.
    #[test]
    fn same_hits_as_aho_corasick_by_every_ascii_character() {
        for c in (0..0x80u8).map(char::from) {
            let text = format!("{c}US {c}us{c} {c}U.S.{c}AI{c}(R&D) spending{c}.NET framework{c}");
            for pad in 0..70 {
                let padded = format!("{}{text}", "-".repeat(pad));
                STORE.check(&padded);
                ODD.check(&padded);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn same_hits_as_aho_corasick_on_names(sentence in STORE.text()) {
            STORE.check(&sentence);
        }

        #[test]
        fn same_hits_as_aho_corasick_on_odd_names(sentence in ODD.text()) {
            ODD.check(&sentence);
        }

        #[test]
        fn same_hits_as_aho_corasick_on_any_text(sentence in "\\PC{0,200}") {
            STORE.check(&sentence);
            ODD.check(&sentence);
        }
    }
}

//! Markdown and plain text to prose blocks.
//!
//! pulldown-cmark's offset iterator gives every event its byte range in the
//! original, so prose taken from `Text` events maps back to exact lines and
//! columns. What is not prose is skipped: code blocks and inline code, HTML
//! (comments included), front matter, link targets and autolinks, images.

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::text::{Block, BlockKind};

/// Calls `visit` with each prose block of a Markdown document, in document
/// order. One block's buffers serve them all: an audit reads each block
/// once, and keeping a copy of every block of a large document would cost
/// as much memory again as the document.
pub fn each_markdown_block(source: &str, visit: impl FnMut(&Block)) {
    each_markdown_block_in_chunks(source, CHUNK, visit);
}

/// About how much Markdown is parsed at a time. pulldown-cmark builds the
/// tree of all it is given before the first event; on a 40 MB article that
/// tree is more memory than the article, and faulting it in cost more than
/// the parse. Chunks of this size keep the tree in memory already touched.
const CHUNK: usize = 64 * 1024;

/// [`each_markdown_block`], parsing `chunk` bytes or so at a time.
///
/// A document parses in pieces exactly as it does whole when each piece
/// ends where nothing open can go on: after a blank line, before a line
/// that starts with a letter in its first column. There every list, quote
/// and paragraph is closed, since a line that is not indented after a
/// blank line continues none of them. What can go on is a fenced code
/// block or an HTML block: a piece whose last block is one of those is cut
/// back to before it, and that block is parsed again with what follows.
/// Link reference and footnote definitions (`[x]: ...`) reach across the
/// whole document, so a document that may have one is parsed whole. Front
/// matter is skipped before any of this ([`front_matter_end`]).
fn each_markdown_block_in_chunks(source: &str, chunk: usize, mut visit: impl FnMut(&Block)) {
    let mut prose = Prose::new();
    let body = front_matter_end(source);
    if source.len() <= WHOLE_WITH_DEFINITIONS
        && memchr::memmem::find(source.as_bytes(), b"]:").is_some()
    {
        prose.parse(&source[body..], body, &mut visit);
        prose.finish(&mut visit);
        return;
    }
    let mut cuts = Cuts::new(source);
    let mut start = body;
    // After a cut back, no cut at or before the last try: every try reaches
    // further than the one before.
    let mut earliest = 0;
    let mut size = chunk.max(1);
    while start < source.len() {
        let end = cuts.at_or_after(earliest.max(start.saturating_add(size)));
        let open_ended = prose.parse(&source[start..end], start, &mut visit);
        match open_ended {
            Some(block_start) if end < source.len() => {
                start = block_start;
                earliest = end + 1;
                size = size.saturating_mul(2);
            }
            _ => {
                start = end;
                size = chunk.max(1);
            }
        }
    }
    prose.finish(&mut visit);
}

/// Where the document's body starts: after its front matter, if it has any.
///
/// Front matter is a block of metadata at the very top of a document,
/// between a first line `---` and a line `---` or `...` (YAML), or between
/// two lines `+++` (TOML). Only there is it metadata: the same lines further
/// down are thematic breaks around prose, which an audit must read.
fn front_matter_end(source: &str) -> usize {
    let is = |line: &str, marks: &str| {
        line.strip_prefix(marks)
            .is_some_and(|after| after.trim_end_matches([' ', '\r', '\n']).is_empty())
    };
    let mut lines = source.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return 0;
    };
    let closers: &[&str] = if is(first, "---") {
        &["---", "..."]
    } else if is(first, "+++") {
        &["+++"]
    } else {
        return 0;
    };
    let mut end = first.len();
    for line in lines {
        end += line.len();
        if closers.iter().any(|marks| is(line, marks)) {
            return end;
        }
    }
    // Never closed: not front matter, and its lines are read as Markdown.
    0
}

/// The largest document with link definitions that is parsed whole. A
/// larger one is parsed in pieces like any other (a reference link then
/// resolves only within its piece): pulldown-cmark takes about a hundred
/// bytes of memory per bracket or emphasis mark it is given at once.
const WHOLE_WITH_DEFINITIONS: usize = 1 << 20;

/// How far past the wanted end a piece may run before it is cut where a
/// block may go on: inside a paragraph, at the start of a line, or inside
/// a line. No prose has a paragraph this long; only hostile input (30 MB
/// of `[` on one line, 50 MB of numbers one per line) does, and parsed
/// whole it took gigabytes.
const LONGEST_BLOCK: usize = 256 * 1024;

/// How far into a long line a cut after a space is looked for, before any
/// place that can start a line will do.
const SPACE_WINDOW: usize = 4096;

/// Whether a piece may start with this byte when cut inside a block: not
/// white space (an indented code block), not a fence or an HTML block
/// opener, not inside a UTF-8 character.
fn starts_piece(byte: u8) -> bool {
    !(byte.is_ascii_whitespace()
        || matches!(byte, b'`' | b'~' | b'<')
        || (0x80..0xC0).contains(&byte))
}

/// The places where a document can be cut (see
/// [`each_markdown_block_in_chunks`]), found front to back.
struct Cuts<'a> {
    bytes: &'a [u8],
    /// Where the next line to read starts.
    next_line: usize,
    /// Whether the line before `next_line` was blank.
    after_blank: bool,
}

impl<'a> Cuts<'a> {
    fn new(source: &'a str) -> Cuts<'a> {
        Cuts {
            bytes: source.as_bytes(),
            next_line: 0,
            after_blank: false,
        }
    }

    /// The first cut at or after `from`, or the end of the document. Calls
    /// ask for ever later places.
    fn at_or_after(&mut self, from: usize) -> usize {
        let bytes = self.bytes;
        let forced = from.saturating_add(LONGEST_BLOCK);
        while self.next_line < bytes.len() {
            let start = self.next_line;
            let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1);
            let line = &bytes[start..end];
            if start >= from && self.after_blank && line[0].is_ascii_alphabetic() {
                return start;
            }
            if start >= forced && starts_piece(line[0]) {
                return start;
            }
            // Only a line longer than a block may be is cut inside.
            if end > forced
                && end - start > LONGEST_BLOCK
                && let Some(cut) = Self::inside_line(bytes, forced.max(start + 1), end)
            {
                return cut;
            }
            self.after_blank = line.iter().all(u8::is_ascii_whitespace);
            self.next_line = end;
        }
        bytes.len()
    }

    /// A place in `bytes[from..end]` (one line) where a piece may start:
    /// after a space if there is one near `from`, else anywhere.
    fn inside_line(bytes: &[u8], from: usize, end: usize) -> Option<usize> {
        let window = end.min(from.saturating_add(SPACE_WINDOW));
        (from..window)
            .find(|&i| bytes[i - 1] == b' ' && starts_piece(bytes[i]))
            .or_else(|| (from..end).find(|&i| starts_piece(bytes[i])))
    }
}

/// Markdown events to prose blocks, carried from one parsed piece to the next.
struct Prose {
    current: Block,
    /// Inside code blocks, HTML blocks, images and autolinks.
    skipping: usize,
    /// Whether each open link is an autolink (whose text is its URL).
    links: Vec<bool>,
    table: Table,
    /// The text of the last block visited, kept by swapping buffers.
    last_text: String,
    /// For each open list, the paragraph that introduces it.
    lists: Vec<String>,
    /// The text of the last heading read: what the paragraphs after it
    /// stand under.
    heading: String,
}

/// Where a table's cells stand: its headers, and the row and column read.
#[derive(Default)]
struct Table {
    headers: Vec<String>,
    in_head: bool,
    column: usize,
    /// The first cell of the row being read.
    row_label: String,
    /// The cells after it that hold words and no number: more of what the
    /// row is ("| PHYBench | Gemini 2.5 Pro | 39.6% |").
    row_words: Vec<String>,
}

impl Table {
    /// The words the cell at the current column stands under: the row's
    /// first cell and the cells of words before it (for the cells after
    /// the first), and the column's header.
    fn context(&self) -> String {
        if self.in_head {
            return String::new();
        }
        let label = Some(self.row_label.as_str()).filter(|_| self.column > 0);
        let header = self.headers.get(self.column).map(String::as_str);
        let words = self.row_words.iter().map(String::as_str);
        let parts: Vec<&str> = label
            .into_iter()
            .chain(words)
            .chain(header)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        parts.join("; ")
    }

    /// A cell read to its end: a header, a row's label, or a value.
    fn cell_read(&mut self, text: &str) {
        if self.in_head {
            self.headers.push(text.trim().to_owned());
        } else if self.column == 0 {
            text.trim().clone_into(&mut self.row_label);
        } else if text.contains(char::is_alphabetic)
            && super::scan::scan(text, BlockKind::Cell).is_empty()
        {
            self.row_words.push(text.trim().to_owned());
        }
        self.column += 1;
    }
}

impl Prose {
    fn new() -> Prose {
        Prose {
            current: Block::new(BlockKind::Paragraph),
            skipping: 0,
            links: Vec::new(),
            table: Table::default(),
            last_text: String::new(),
            lists: Vec::new(),
            heading: String::new(),
        }
    }

    fn flush(&mut self, kind: BlockKind, visit: &mut impl FnMut(&Block)) {
        if !self.current.is_blank() {
            if self.current.context.is_empty()
                && let Some(lead) = self.lists.last()
            {
                self.current.context.clone_from(lead);
            }
            match self.current.kind {
                BlockKind::Heading => self.heading.clone_from(&self.current.text),
                BlockKind::Paragraph => self.current.heading.clone_from(&self.heading),
                // Set as the cell began.
                BlockKind::Cell | BlockKind::PlainText => {}
            }
            visit(&self.current);
            // Kept for a list that may follow: a swap, not a copy.
            std::mem::swap(&mut self.current.text, &mut self.last_text);
        }
        self.current.reset(kind);
    }

    fn finish(&mut self, visit: &mut impl FnMut(&Block)) {
        self.flush(BlockKind::Paragraph, visit);
    }

    /// Parses `piece`, found at `base` in the document, and says where its
    /// last top-level block starts (in the document) if that block is one
    /// that a blank line does not end: a fenced code block or an HTML block.
    fn parse(&mut self, piece: &str, base: usize, visit: &mut impl FnMut(&Block)) -> Option<usize> {
        // No metadata blocks: pulldown-cmark would open one at any `---`
        // followed by text, and skip the prose up to the next `---`.
        let options =
            Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
        let mut depth = 0usize;
        let mut open_ended = None;
        for (event, range) in Parser::new_ext(piece, options).into_offset_iter() {
            match &event {
                Event::Start(tag) => {
                    if depth == 0 {
                        let runs_on = matches!(
                            tag,
                            Tag::CodeBlock(CodeBlockKind::Fenced(_)) | Tag::HtmlBlock
                        );
                        open_ended = runs_on.then(|| base + line_start(piece, range.start));
                    }
                    depth += 1;
                }
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            self.event(event, range, piece, base, visit);
        }
        open_ended
    }

    fn event(
        &mut self,
        event: Event<'_>,
        range: std::ops::Range<usize>,
        piece: &str,
        base: usize,
        visit: &mut impl FnMut(&Block),
    ) {
        match &event {
            Event::Start(Tag::Table(_)) => self.table = Table::default(),
            Event::Start(Tag::TableHead) => {
                self.table.in_head = true;
                self.table.column = 0;
            }
            Event::End(TagEnd::TableHead) => self.table.in_head = false,
            Event::Start(Tag::TableRow) => {
                self.table.column = 0;
                self.table.row_label.clear();
                self.table.row_words.clear();
            }
            Event::End(TagEnd::TableCell) => self.table.cell_read(&self.current.text),
            // A list's items stand under the paragraph that introduces it
            // ("Investment by country:"), or under the item holding it.
            Event::Start(Tag::List(_)) => {
                let lead = if self.current.is_blank() {
                    self.last_text.trim()
                } else {
                    self.current.text.trim()
                };
                self.lists.push(lead.to_owned());
            }
            Event::End(TagEnd::List(_)) => {
                self.lists.pop();
            }
            _ => {}
        }
        match event {
            Event::Start(Tag::Link { link_type, .. }) => {
                let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                if autolink {
                    self.current.push_break();
                }
                self.skipping += usize::from(autolink);
                self.links.push(autolink);
            }
            Event::End(TagEnd::Link) => {
                let autolink = self.links.pop() == Some(true);
                self.skipping = self.skipping.saturating_sub(usize::from(autolink));
            }
            Event::Start(tag) => {
                if skips(&tag) {
                    self.current.push_break();
                    self.skipping += 1;
                } else if !is_inline(&tag) {
                    let kind = match tag {
                        Tag::Heading { .. } => BlockKind::Heading,
                        Tag::TableCell => BlockKind::Cell,
                        _ => BlockKind::Paragraph,
                    };
                    self.flush(kind, visit);
                    if kind == BlockKind::Cell {
                        self.current.context = self.table.context();
                        // What the whole table is of, read as the
                        // paragraph before a sentence is.
                        self.current.heading.clone_from(&self.heading);
                    }
                }
            }
            Event::End(end) => {
                if ends_skip(end) {
                    self.skipping = self.skipping.saturating_sub(1);
                } else if !is_inline_end(end) {
                    self.flush(BlockKind::Paragraph, visit);
                }
            }
            Event::Text(_) if self.skipping == 0 => {
                // The source slice, not the unescaped text: offsets stay exact.
                if let Some(raw) = piece.get(range.clone()) {
                    self.current.push(raw, base + range.start);
                }
            }
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::Html(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => self.current.push_break(),
            _ => {}
        }
    }
}

/// The start of the line `at` stands on.
fn line_start(text: &str, at: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[..at.min(text.len())]).map_or(0, |i| i + 1)
}

fn skips(tag: &Tag<'_>) -> bool {
    matches!(tag, Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. })
}

fn ends_skip(end: TagEnd) -> bool {
    matches!(end, TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image)
}

fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Superscript | Tag::Subscript
    )
}

fn is_inline_end(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// Calls `visit` with each prose block of a plain-text file (its paragraphs
/// between blank lines), in order.
pub fn each_plain_block(source: &str, mut visit: impl FnMut(&Block)) {
    let mut block = Block::new(BlockKind::PlainText);
    let mut start = 0;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        if line.trim().is_empty() {
            if offset > start {
                block.set_verbatim(&source[start..offset], start);
                visit(&block);
            }
            start = offset + line.len();
        }
        offset += line.len();
    }
    if offset > start {
        block.set_verbatim(&source[start..offset], start);
        visit(&block);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(source: &str, chunk: usize) -> Vec<Block> {
        let mut found = Vec::new();
        each_markdown_block_in_chunks(source, chunk, |b| found.push(b.clone()));
        found
    }

    /// Cut into pieces as small as the rules allow, and into a few sizes
    /// between, a document gives the blocks it gives whole.
    fn parses_as_whole(source: &str) {
        let whole = blocks(source, usize::MAX);
        for chunk in [1, 7, 64, 500, 4096] {
            assert_eq!(blocks(source, chunk), whole, "chunk {chunk} of {source:?}");
        }
    }

    #[test]
    fn documents_parse_in_pieces_as_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut documents = vec![
            root.join("README.md"),
            root.join("GRAMMAR.md"),
            root.join("../shared/DESIGN.md"),
            root.join("../shared/STYLE.md"),
            root.join("../shared/seeds/000_eba7b0e877cdae88.txt"),
        ];
        for entry in std::fs::read_dir(root.join("claims/examples"))
            .into_iter()
            .flatten()
        {
            documents.extend(entry.ok().map(|e| e.path()));
        }
        let mut read = 0;
        for path in documents {
            if let Ok(text) = std::fs::read_to_string(&path) {
                // Without the link definitions that make them parse whole.
                parses_as_whole(&text.replace("]:", "] :"));
                read += 1;
            }
        }
        assert!(read >= 3, "the example articles and the README are there");
    }

    #[test]
    fn blocks_that_run_across_blank_lines_are_not_cut() {
        parses_as_whole("Intro 1.\n\n```\nfenced 2\n\nstill 3 code\n```\n\nAfter 4.\n");
        parses_as_whole(
            "Intro 1.\n\n~~~~\nfenced 2\n\nstill 3\n\n~~~\nstill 4\n~~~~\n\nAfter 5.\n",
        );
        parses_as_whole("Intro 1.\n\n<!--\nhidden 2\n\nstill 3 hidden\n-->\n\nAfter 4.\n");
        parses_as_whole("<pre>\n\nraw 1\n\nraw 2\n</pre>\n\nAfter 3.\n");
        parses_as_whole("---\ntitle: 1\n\nyear: 2024\n---\n\nBody 1.\n");
        parses_as_whole("Intro.\n\n```\nnever closed 1\n\nstill code 2\n");
        // `---` and `+++` below the top are no metadata, in containers or not.
        parses_as_whole("\n+++\nWords 12 and 3%.\n\nWords 4.\n+++");
        parses_as_whole("- +++\nWords 12.\n\ntext 8\n+++\n\nAfter 9.\n");
        parses_as_whole(
            "Intro.\n\n---\n\nA rule, then 5.\n\n---\nkey: 6\n\nstill 7\n...\n\nAfter 8.\n",
        );
        parses_as_whole("- a 1\n\n  ```\n  b 2\n\nc 3\n\n> ```\n> d 4\n\ne 5\n");
    }

    fn prose(source: &str) -> Vec<String> {
        blocks(source, usize::MAX)
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn front_matter_is_skipped_only_at_the_top() {
        let text = "---\ntitle: 12 things\nyear: 2024\n---\n\nBody 1.\n\n---\nMiddle 45%.\n\nStill 6.\n---\n\nEnd 7.\n";
        assert_eq!(
            prose(text),
            ["Body 1.", "Middle 45%.", "Still 6.", "End 7."]
        );
        // The body keeps its place in the document.
        let body = &blocks(text, usize::MAX)[0];
        assert_eq!(&text[body.original(0)..][..7], "Body 1.");
        assert_eq!(prose("+++\nyear = 2024\n+++\nBody 1.\n"), ["Body 1."]);
        assert_eq!(prose("---\nkey: 1\n...\nBody 2.\n"), ["Body 2."]);
        // Never closed, it is no front matter: its lines are read.
        assert_eq!(prose("---\nNot closed 3.\n"), ["Not closed 3."]);
        parses_as_whole(text);
    }

    /// Issue 11: one paragraph of 30 MB of `[` took 3.6 GB, parsed whole.
    /// However long a paragraph or a line, no piece handed to pulldown-cmark
    /// is much longer than the longest block.
    #[test]
    fn no_piece_runs_far_past_the_longest_block() {
        let numbers: String = (0..600_000).map(|n| format!("{n}\n")).collect();
        for source in ["[".repeat(3 << 20), "*_".repeat(3 << 19), numbers] {
            let mut cuts = Cuts::new(&source);
            let mut start = 0;
            while start < source.len() {
                let end = cuts.at_or_after(start + CHUNK);
                assert!(end > start);
                assert!(
                    end - start <= CHUNK + LONGEST_BLOCK + SPACE_WINDOW,
                    "a piece of {} bytes in {:?}…",
                    end - start,
                    &source[..10]
                );
                start = end;
            }
        }
    }

    /// A paragraph cut for its length is cut between lines or words: every
    /// number in it is still read whole.
    #[test]
    fn a_paragraph_cut_for_length_keeps_every_number() {
        let lines = 40_000;
        let one_line: String = (0..lines).map(|n| format!("Item {n} grew 12%. ")).collect();
        let many_lines = one_line.replace(". ", ".\n");
        for source in [one_line, many_lines] {
            let found = blocks(&source, CHUNK);
            assert!(found.len() > 1, "cut into pieces");
            let rates: usize = found.iter().map(|b| b.text.matches("12%").count()).sum();
            assert_eq!(rates, lines);
        }
    }

    /// Link definitions make a document parse whole only while it is small
    /// enough for that to be safe.
    #[test]
    fn a_large_document_with_link_definitions_parses_in_pieces() {
        let source = format!("[r]: https://example.com\n\n{}", "[".repeat(3 << 20));
        let mut blocks_seen = 0;
        each_markdown_block(&source, |_| blocks_seen += 1);
        assert!(blocks_seen > 1);
    }

    #[test]
    fn a_document_with_link_definitions_parses_whole() {
        let text = "See [the report][r] for 12%.\n\nMore 3.\n\n[r]: https://example.com/4\n";
        parses_as_whole(text);
        let prose: Vec<String> = blocks(text, 1).into_iter().map(|b| b.text).collect();
        assert_eq!(prose, ["See the report for 12%.", "More 3."]);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Lines that open, continue and close what Markdown has.
        fn document() -> impl Strategy<Value = String> {
            let line = prop::sample::select(vec![
                "",
                "",
                "",
                "Words 12 and 3%.",
                "More text",
                "# Heading 2",
                "- item 4",
                "1. item",
                "  indented 5",
                "    code 6",
                "> quote 7",
                "```",
                "~~~",
                "```rust",
                "<!--",
                "-->",
                "<div>",
                "</div>",
                "<pre>",
                "</pre>",
                "---",
                "+++",
                "...",
                "| a | b |",
                "|---|---|",
                "===",
                "<script>",
                "text <!-- 8",
                "\t tab",
                "\r",
                "> ---",
                "- +++",
                "* ---",
                "  ---",
                "--- ",
                "----",
                "+++ x",
                "x ...",
                "> 9",
                ">",
                "  - item 10",
                "   ```",
                "<textarea>",
                "</textarea>",
                "<?php",
                "?>",
            ]);
            let end = prop::sample::select(vec!["\n", "\n", "\r\n"]);
            (prop::collection::vec(line, 0..40), end).prop_map(|(lines, end)| lines.join(end))
        }

        proptest! {
            #[test]
            fn pieces_parse_as_whole(text in document()) {
                let whole = blocks(&text, usize::MAX);
                for chunk in [1, 16, 100] {
                    prop_assert_eq!(&blocks(&text, chunk), &whole, "chunk {}", chunk);
                }
            }
        }
    }
}

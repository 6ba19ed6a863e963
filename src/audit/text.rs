//! Positions in the original text, prose blocks and sentences.
//!
//! The scanner works on prose: the text of one paragraph, heading or table
//! cell with markup removed. A [`Block`] keeps, for each piece of its prose,
//! where that piece sits in the original file, so every finding can point at
//! the line and column a reader sees in an editor.

pub use crate::quote::quote;

/// What kind of block the prose came from; a few rules depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph, a list item, a quote: running prose.
    Paragraph,
    /// A heading, whose leading number is a section number.
    Heading,
    /// A table cell, where a number may stand alone.
    Cell,
    /// A paragraph of a plain-text file, where lines may start with list numbers.
    PlainText,
}

/// The prose of one block and the map back to the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// What a table cell stands under: its row's first cell and its
    /// column's header ("United States; Private investment"); for a list
    /// item, the paragraph that introduces its list. Empty for every other
    /// block.
    pub context: String,
    /// The heading a paragraph, list item or table cell stands under, the
    /// nearest before it; empty for headings and in plain text.
    pub heading: String,
    /// `(offset in text, offset in the original)` where each piece starts, ascending.
    pieces: Vec<(usize, usize)>,
}

impl Block {
    pub fn new(kind: BlockKind) -> Block {
        Block {
            kind,
            text: String::new(),
            context: String::new(),
            heading: String::new(),
            pieces: Vec::new(),
        }
    }

    /// Makes this block the slice `text` of the original at `offset`,
    /// reusing its buffers.
    pub fn set_verbatim(&mut self, text: &str, offset: usize) {
        self.text.clear();
        self.text.push_str(text);
        self.pieces.clear();
        self.pieces.push((0, offset));
    }

    /// Empties the block for the next one, keeping its buffers.
    pub fn reset(&mut self, kind: BlockKind) {
        self.kind = kind;
        self.text.clear();
        self.context.clear();
        self.heading.clear();
        self.pieces.clear();
    }

    /// Appends `piece`, found at `offset` in the original. Pieces join as
    /// the reader sees them: "over *60*%" reads "over 60%"; where skipped
    /// markup stood for a word break, the caller calls [`Block::push_break`].
    pub fn push(&mut self, piece: &str, offset: usize) {
        if piece.is_empty() {
            return;
        }
        let continues = self
            .pieces
            .last()
            .is_some_and(|&(at, orig)| orig + (self.text.len() - at) == offset);
        if !continues {
            self.pieces.push((self.text.len(), offset));
        }
        self.text.push_str(piece);
    }

    /// A word break where markup was skipped (inline code, a line break).
    pub fn push_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The offset in the original text of an offset in the prose.
    pub fn original(&self, offset: usize) -> usize {
        let i = self.pieces.partition_point(|&(at, _)| at <= offset);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some((at, orig)) => orig + (offset - at),
            None => offset,
        }
    }
}

/// A cursor that turns byte offsets of the original text into 1-based lines
/// and character columns. Offsets mostly increase, and then only the text
/// between one and the next is read: a 10 MB single line with thousands of
/// numbers stays linear, and no list of line starts is kept.
#[derive(Debug)]
pub struct Lines<'a> {
    text: &'a str,
    /// The last offset located, its line (0-based) and column (1-based), and
    /// where that line starts.
    offset: usize,
    line: usize,
    column: usize,
    line_start: usize,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            offset: 0,
            line: 0,
            column: 1,
            line_start: 0,
        }
    }

    /// `(line, column)`, both 1-based, the column counted in characters.
    pub fn locate(&mut self, offset: usize) -> (usize, usize) {
        let offset = floor_boundary(self.text, offset.min(self.text.len()));
        if offset < self.line_start {
            // Back past the line's start: count again from the top.
            *self = Lines::new(self.text);
        }
        let bytes = self.text.as_bytes();
        let from = self.offset.min(offset);
        let mut counted_from = if offset < self.offset {
            // Back within the line.
            self.line_start
        } else {
            from
        };
        let mut last_newline = None;
        for newline in memchr::memchr_iter(b'\n', &bytes[from..offset]) {
            self.line += 1;
            last_newline = Some(from + newline);
        }
        if let Some(newline) = last_newline {
            self.line_start = newline + 1;
            counted_from = self.line_start;
        }
        if counted_from == self.line_start {
            self.column = 1;
        }
        self.column += self.text[counted_from..offset].chars().count();
        self.offset = offset;
        (self.line + 1, self.column)
    }
}

/// The largest char boundary at or before `i`.
pub fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or after `i`.
pub fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// How far a sentence may reach on either side of a number: sentences are
/// context, and a 10 MB line without a full stop must not make every
/// number's context 10 MB long.
const SENTENCE_REACH: usize = 320;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "vs", "etc", "e.g", "i.e", "approx", "fig", "no", "dr", "mr", "mrs", "ms", "st", "al", "inc",
    "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec",
];

const LONGEST_ABBREVIATION: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > longest {
            longest = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    longest
};

/// The sentence of `text` around `start..end`, as a byte range.
pub fn sentence(text: &str, start: usize, end: usize) -> (usize, usize) {
    let lo = floor_boundary(text, start.saturating_sub(SENTENCE_REACH));
    let hi = ceil_boundary(text, end.saturating_add(SENTENCE_REACH));
    // Only the (ASCII) terminators need a closer look, so jump between
    // them; being ASCII, they are found byte by byte.
    let bytes = text.as_bytes();
    // The last bytes of 。！？ and ；, which end Chinese sentences.
    let terminator = |b: &u8| {
        matches!(
            b,
            b'.' | b'!' | b'?' | b';' | b'\n' | 0x82 | 0x81 | 0x9F | 0x9B
        )
    };
    let mut begin = lo;
    let mut upto = start;
    while let Some(i) = bytes[lo..upto].iter().rposition(terminator) {
        let at = lo + i;
        if ends_sentence_at(text, at) {
            begin = at + 1;
            break;
        }
        upto = at;
    }
    let mut finish = hi;
    let mut from = end;
    while let Some(i) = bytes[from..hi].iter().position(terminator) {
        let at = from + i;
        if ends_sentence_at(text, at) {
            finish = at + 1;
            break;
        }
        from = at + 1;
    }
    (begin, finish)
}

/// Whether the terminator byte at `at` ends a sentence: the last byte of a
/// Chinese full stop, exclamation or question mark or semicolon does (with
/// no space after it, as Chinese writes them), an ASCII one as
/// [`ends_sentence`] says.
fn ends_sentence_at(text: &str, at: usize) -> bool {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        return ends_sentence(text, at, char::from(b));
    }
    text.is_char_boundary(at + 1) && text[..at + 1].ends_with(['。', '！', '？', '；'])
}

/// Whether the character `c` at `at` ends a sentence: a line break, or `.`,
/// `!`, `?` or `;` followed by white space (or the end), and not a full stop
/// after an abbreviation or an initial (`U.S.`, `e.g.`, `vs.`).
fn ends_sentence(text: &str, at: usize, c: char) -> bool {
    if c == '\n' {
        // Markdown prose has no line breaks left; in plain text a line is
        // a paragraph or a heading more often than a wrapped sentence.
        return true;
    }
    if !matches!(c, '.' | '!' | '?' | ';') {
        return false;
    }
    let after = &text[at + c.len_utf8()..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return false;
    }
    if c != '.' {
        return true;
    }
    // The word before the full stop, read backwards a character at a time
    // (a byte where ASCII): most are ordinary words, known to be neither
    // initials nor an abbreviation a few letters in.
    let bytes = text.as_bytes();
    let mut word_start = at;
    let mut letters_since_stop = 0;
    let mut single_letters = true;
    while let Some(&b) = bytes.get(word_start.wrapping_sub(1)) {
        let ch = if b.is_ascii() {
            char::from(b)
        } else {
            text[..word_start].chars().next_back().unwrap_or(' ')
        };
        if !(ch.is_alphanumeric() || ch == '.') {
            break;
        }
        if ch == '.' {
            letters_since_stop = 0;
        } else {
            letters_since_stop += 1;
            // Initials are letters: "at 5. Among" ends a sentence.
            single_letters &= letters_since_stop <= 1 && !ch.is_ascii_digit();
        }
        word_start -= ch.len_utf8();
        if !single_letters && at - word_start > LONGEST_ABBREVIATION {
            return true;
        }
    }
    let word = &text[word_start..at];
    let abbreviation = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    // "the United Kingdom's." ends on a possessive, no initial.
    let possessive = text[..word_start].ends_with(['\'', '’']);
    let initial = single_letters && !word.is_empty() && !possessive;
    !(initial || abbreviation)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chinese ends sentences with 。！？； and no space after them; other
    /// characters that share their last byte (码 ends in 0x81) end nothing.
    #[test]
    fn chinese_sentences_end_at_full_width_marks() {
        let text = "美国投资了1091亿美元。中国投资了93亿美元！增长了吗？是的；码字1";
        let at = |s: &str| text.find(s).unwrap();
        let of = |s: &str| {
            let (b, e) = sentence(text, at(s), at(s) + s.len());
            &text[b..e]
        };
        assert_eq!(of("1091"), "美国投资了1091亿美元。");
        assert_eq!(of("93"), "中国投资了93亿美元！");
        assert_eq!(of("码字1"), "码字1");
        assert_eq!(of("是的"), "是的；");
    }

    /// A number before a full stop is no initial: the sentence ends there.
    #[test]
    fn a_number_ends_a_sentence() {
        let text = "South Korea was third at 5. Among companies, OpenAI led with 19 models.";
        let at = text.find("19").unwrap();
        let (b, e) = sentence(text, at, at + 2);
        assert_eq!(
            text[b..e].trim_start(),
            "Among companies, OpenAI led with 19 models."
        );
        let text = "Seen in the U.S. 5 times.";
        let at = text.find('5').unwrap();
        assert_eq!(sentence(text, at, at + 1), (0, text.len()));
    }

    #[test]
    fn columns_count_characters() {
        let text = "é1\nab 23 ü4";
        let mut lines = Lines::new(text);
        assert_eq!(lines.locate(2), (1, 2));
        assert_eq!(lines.locate(7), (2, 4));
        assert_eq!(lines.locate(12), (2, 8));
        assert_eq!(lines.locate(4), (2, 1));
        assert_eq!(lines.locate(1), (1, 1));
        assert_eq!(lines.locate(12), (2, 8));
        assert_eq!(lines.locate(9), (2, 6));
        assert_eq!(lines.locate(99), (2, 9));
        let text = "a\n\nb\r\nc 1";
        let mut lines = Lines::new(text);
        assert_eq!(lines.locate(8), (4, 3));
        assert_eq!(lines.locate(3), (3, 1));
    }

    #[test]
    fn sentences_skip_initials_and_abbreviations() {
        let text = "First. The U.S. has 5,427 data centers, e.g. many. Last one.";
        let at = text.find("5,427").unwrap();
        let (s, e) = sentence(text, at, at + 5);
        assert_eq!(&text[s..e], " The U.S. has 5,427 data centers, e.g. many.");
        // Initials of any length, abbreviations up to the longest, in any case.
        let text = "Before. Per A.B.C.D.E. rules and Approx. 12 units, Fig. 34. After.";
        let at = text.find("12").unwrap();
        let (s, e) = sentence(text, at, at + 2);
        assert_eq!(
            &text[s..e],
            " Per A.B.C.D.E. rules and Approx. 12 units, Fig. 34."
        );
        let text = "It was 50 times the UK's. Next 12 here.";
        let at = text.find("50").unwrap();
        let (s, e) = sentence(text, at, at + 2);
        assert_eq!(&text[s..e], "It was 50 times the UK's.");
        let text = "Words approxim. 12 here.";
        let (s, e) = sentence(text, 16, 18);
        assert_eq!(&text[s..e], " 12 here.");
    }

    #[test]
    fn pieces_map_back_to_the_original() {
        let mut block = Block::new(BlockKind::Paragraph);
        block.push("US spent ", 10);
        block.push("$80", 21);
        block.push(" billion", 24);
        block.push_break();
        block.push("in", 40);
        assert_eq!(block.text, "US spent $80 billion in");
        assert_eq!(block.original(9), 21);
        assert_eq!(block.original(13), 25);
        assert_eq!(block.original(21), 40);
    }

    #[test]
    fn quotes_are_safe_to_print() {
        assert_eq!(quote("a\u{1b}[31m  b\n c", 80), "a\\u{1b}[31m b c");
        assert_eq!(quote("abcdef", 4), "abc…");
    }
}

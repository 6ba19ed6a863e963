//! A document read for harvesting: its numbers, each with the sentence (or
//! table row) that states it and where it stands.
//!
//! The reading is the audit's ([`crate::audit::markdown`] cuts prose blocks,
//! [`crate::audit::scan`] finds the numbers and their sentences): a report
//! and a summary of it are read by one reader, so a number the audit finds
//! in a summary is found the same way in the report. What is added here is
//! what a fact's locator needs: the heading path, the line, the page (form
//! feeds between pages, as PDF-to-text tools write them) and, for a table
//! cell, its row and its column's header.

use crate::audit::Format;
use crate::audit::markdown::{each_markdown_block, each_plain_block};
use crate::audit::scan::{Mention, scan};
use crate::audit::text::{Block, BlockKind, Lines, ceil_boundary, floor_boundary};
use crate::quantity::{Quantity, Unit, is_year};

/// One number of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub quantity: Quantity,
    /// The sentence, or the table row, as the document writes it (white
    /// space collapsed): it occurs in the kept text.
    pub quote: String,
    /// 1-based line of the number.
    pub line: u32,
    /// 1-based page, when the text marks pages with form feeds.
    pub page: Option<u32>,
    /// The headings above it, outermost first (the document's title left out).
    pub headings: Vec<String>,
    /// A table cell's column header and row (the header row is row 1).
    pub column: Option<String>,
    pub row: Option<u32>,
    /// A year the text ties to the number beyond doubt, if any.
    pub period: Option<String>,
}

/// What a document's reading gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The first heading (Markdown) or first line (plain text).
    pub title: Option<String>,
    pub numbers: Vec<Found>,
    /// Numbers the reader found but no draft can carry, with why.
    pub skipped: Vec<Skipped>,
}

/// A number left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: u32,
    pub text: String,
    pub reason: &'static str,
}

/// The table being read: its header row's line and its headers by column.
#[derive(Debug, Default)]
struct Table {
    header_line: usize,
    last_line: usize,
    headers: Vec<(usize, String)>,
}

struct Reader<'a> {
    source: &'a str,
    format: Format,
    lines: Lines<'a>,
    /// Offsets of the form feeds, ascending.
    form_feeds: Vec<usize>,
    /// Open headings: (level, text).
    headings: Vec<(usize, String)>,
    table: Option<Table>,
    /// The table row being read.
    row: Option<Row>,
    document: Document,
}

/// A table row's line, read once for all its cells.
struct Row {
    start: usize,
    end: usize,
    /// The row as its cells' quote; `None` when longer than [`MAX_ROW_QUOTE`].
    quote: Option<String>,
    leading_pipe: bool,
    /// Cell separators counted up to this offset.
    counted_to: usize,
    pipes: usize,
}

/// The longest table row quoted whole; a longer one is quoted around the
/// cell, so that a row of thousands of cells does not copy itself into
/// every cell's draft.
const MAX_ROW_QUOTE: usize = 1000;

/// Reads every number of `source`.
pub fn read(source: &str, format: Format) -> Document {
    let mut reader = Reader {
        source,
        format,
        lines: Lines::new(source),
        form_feeds: memchr::memchr_iter(b'\x0c', source.as_bytes()).collect(),
        headings: Vec::new(),
        table: None,
        row: None,
        document: Document::default(),
    };
    match format {
        Format::Markdown => each_markdown_block(source, |b| reader.block(b)),
        Format::PlainText => {
            reader.document.title = source
                .lines()
                .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\x0c'))
                .find(|l| !l.is_empty())
                .filter(|l| l.chars().count() <= MAX_TITLE)
                .map(str::to_owned);
            each_plain_block(source, |b| reader.block(b));
        }
    }
    reader.document
}

/// A first line longer than this is prose, not a title.
const MAX_TITLE: usize = 200;

impl Reader<'_> {
    fn block(&mut self, block: &Block) {
        let start = block.original(0);
        if block.kind != BlockKind::Cell {
            self.table = None;
        }
        if block.kind == BlockKind::Heading && self.format == Format::Markdown {
            self.heading(block, start);
        }
        let (line, _) = self.lines.locate(start);
        // "Top Takeaways — 9": the numbers of a table of contents are its
        // pages, no figure of the report.
        if self.headings.last().is_some_and(|(_, h)| is_contents(h)) {
            return;
        }
        let cell = (block.kind == BlockKind::Cell).then(|| self.cell(block, start, line));
        for mention in scan(&block.text, block.kind) {
            // A row's first cell names the row: the 3 of "| Gemini 3 Pro |
            // 32.20% |" is the model's, no figure. A cell that is the
            // number alone is one ("| 2025 | 59 |" gives its period too).
            let labels_the_row = cell.as_ref().is_some_and(|c| c.first && !c.is_header)
                && mention.quantity.unit == Unit::Bare
                && (block.text[..mention.start].contains(char::is_alphabetic)
                    || block.text[mention.end..].contains(char::is_alphabetic));
            if !labels_the_row {
                self.number(block, &mention, cell.as_ref());
            }
        }
    }

    fn heading(&mut self, block: &Block, start: usize) {
        let text = collapse(&block.text);
        let line_start =
            memchr::memrchr(b'\n', &self.source.as_bytes()[..start]).map_or(0, |i| i + 1);
        let hashes = self.source[line_start..]
            .trim_start()
            .bytes()
            .take_while(|&b| b == b'#')
            .count();
        // A setext heading ("Title" over "=====") is of level 1 or 2.
        let level = if hashes > 0 {
            hashes
        } else {
            let next = self.source[start..]
                .lines()
                .nth(1)
                .unwrap_or("")
                .trim_start();
            if next.starts_with('=') { 1 } else { 2 }
        };
        if self.document.title.is_none() {
            self.document.title = Some(text);
            return;
        }
        while self.headings.last().is_some_and(|(l, _)| *l >= level) {
            self.headings.pop();
        }
        self.headings.push((level, text));
    }

    /// The column header and row of a cell at `start`, on `line`, keeping
    /// the headers of the table's first row.
    fn cell(&mut self, block: &Block, start: usize, line: usize) -> CellPlace {
        let bytes = self.source.as_bytes();
        // The row is read once however many cells it has: a row of a
        // hundred thousand cells is not read a hundred thousand times.
        let row = match self.row.take() {
            Some(row) if row.start <= start && start < row.end => row,
            _ => {
                let line_start = memchr::memrchr(b'\n', &bytes[..start]).map_or(0, |i| i + 1);
                let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
                let text = &self.source[line_start..end];
                Row {
                    start: line_start,
                    end,
                    quote: if text.len() <= MAX_ROW_QUOTE {
                        Some(collapse(text.trim()))
                    } else {
                        None
                    },
                    leading_pipe: text.trim_start().starts_with('|'),
                    counted_to: line_start,
                    pipes: 0,
                }
            }
        };
        let mut row = row;
        // The column is the number of cell separators before the cell, the
        // leading one aside; empty cells, which no block reports, count too.
        let before = &self.source[row.counted_to..start];
        row.pipes += before.matches('|').count() - before.matches("\\|").count();
        row.counted_to = start;
        let column = row.pipes.saturating_sub(usize::from(row.leading_pipe));
        // A row too long to quote whole is quoted around the cell.
        let quote = row.quote.clone().unwrap_or_else(|| {
            let from =
                floor_boundary(self.source, start.saturating_sub(MAX_ROW_QUOTE / 2)).max(row.start);
            let to = ceil_boundary(self.source, start + MAX_ROW_QUOTE / 2).min(row.end);
            collapse(&self.source[from..to])
        });
        self.row = Some(row);
        let table = match &mut self.table {
            // A table's rows stand on consecutive lines, the delimiter row
            // between the header and the first body row.
            Some(t) if line <= t.last_line + 2 => t,
            _ => self.table.insert(Table {
                header_line: line,
                last_line: line,
                headers: Vec::new(),
            }),
        };
        table.last_line = line;
        if line == table.header_line {
            table.headers.push((column, collapse(&block.text)));
            return CellPlace {
                header: None,
                row: 1,
                row_text: quote,
                is_header: true,
                first: column == 0,
            };
        }
        // The delimiter row is not a row.
        let row = line.saturating_sub(table.header_line);
        CellPlace {
            header: table
                .headers
                .iter()
                .find(|(c, _)| *c == column)
                .map(|(_, h)| h.clone()),
            row: u32::try_from(row).unwrap_or(u32::MAX),
            row_text: quote,
            is_header: false,
            first: column == 0,
        }
    }

    fn number(&mut self, block: &Block, mention: &Mention, cell: Option<&CellPlace>) {
        let text = &block.text[mention.start..mention.end];
        let at = block.original(mention.start);
        let (line, _) = self.lines.locate(at);
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        let skip = |reason| Skipped {
            line,
            text: text.to_owned(),
            reason,
        };
        // Spelled-out counts without a unit ("five cities") are as often
        // prose as figures; the audit treats them so too.
        if mention.weak {
            return self
                .document
                .skipped
                .push(skip("a spelled-out count with no unit"));
        }
        // A quote is checked by writing its value in digits ("doubled",
        // "one in three" state none a lint could find).
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            return self
                .document
                .skipped
                .push(skip("written in words, not digits"));
        }
        let (s, e) = mention.sentence;
        let quote = match cell {
            Some(c) => c.row_text.clone(),
            None => {
                let from = floor_boundary(self.source, block.original(s));
                let to = ceil_boundary(self.source, block.original(e.saturating_sub(1)) + 1);
                collapse(&self.source[from..to.max(from)])
            }
        };
        let sentence = &block.text[s..e];
        let period = match cell {
            Some(c) if c.is_header => None,
            Some(c) => c
                .header
                .as_deref()
                .filter(|h| is_year(h))
                .map(str::to_owned)
                .or_else(|| {
                    // The row's first cell, when it is a year.
                    let first = c
                        .row_text
                        .trim_start_matches('|')
                        .split('|')
                        .next()
                        .unwrap_or("")
                        .trim();
                    is_year(first).then(|| first.to_owned())
                }),
            None => pinned_year(sentence, mention.start - s, mention.end - s),
        };
        let page = (!self.form_feeds.is_empty()).then(|| {
            u32::try_from(self.form_feeds.partition_point(|&f| f < at) + 1).unwrap_or(u32::MAX)
        });
        self.document.numbers.push(Found {
            quantity: mention.quantity.clone(),
            quote,
            line,
            page,
            headings: self.headings.iter().map(|(_, h)| h.clone()).collect(),
            column: cell.and_then(|c| c.header.clone()),
            row: cell.filter(|c| !c.is_header).map(|c| c.row),
            period,
        });
    }
}

struct CellPlace {
    header: Option<String>,
    row: u32,
    row_text: String,
    is_header: bool,
    /// The row's first cell, its label.
    first: bool,
}

/// White space collapsed to single spaces, form feeds included.
/// Whether a heading opens a table of contents.
fn is_contents(heading: &str) -> bool {
    let heading = heading.trim().trim_end_matches(':');
    ["contents", "table of contents"]
        .iter()
        .any(|h| heading.eq_ignore_ascii_case(h))
        || heading == "目录"
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The year a sentence ties to its number at `start..end` beyond doubt:
/// the audit's year beside the number ([`crate::audit::judge::Years`]),
/// taken only after "in" or inside parentheses. "89% since 2017" or "up
/// 40% from 2024" name a year the figure is not of.
fn pinned_year(sentence: &str, start: usize, end: usize) -> Option<String> {
    let years = crate::audit::judge::Years::of(sentence);
    let pin = years.pinned(sentence, start, end)?;
    let (year, at) = (pin.year, pin.at);
    let before = sentence[..at].trim_end().to_ascii_lowercase();
    (before.ends_with(" in") || before == "in" || before.ends_with('(')).then(|| year.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(source: &str, format: Format) -> Vec<Found> {
        read(source, format).numbers
    }

    #[test]
    fn a_table_of_contents_holds_pages_not_figures() {
        let found = numbers(
            "# Report\n\n## Contents\n\n- Ships — 2\n- Money — 14\n\n## Ships\n\nCalls: 12.\n",
            Format::Markdown,
        );
        let lines: Vec<u32> = found.iter().map(|n| n.line).collect();
        assert_eq!(lines, [10]);
    }

    #[test]
    fn headings_make_the_path_below_the_title() {
        let doc = read(
            "# Report\n\n## Ships\n\nCalls: 12.\n\n### Ferries\n\nRoutes: 4.\n\n## Money\n\nRevenue: $5 million.\n",
            Format::Markdown,
        );
        assert_eq!(doc.title.as_deref(), Some("Report"));
        let paths: Vec<(String, u32)> = doc
            .numbers
            .iter()
            .map(|n| (n.headings.join(" > "), n.line))
            .collect();
        assert_eq!(
            paths,
            [
                ("Ships".to_owned(), 5),
                ("Ships > Ferries".to_owned(), 9),
                ("Money".to_owned(), 13)
            ]
        );
    }

    #[test]
    fn a_cell_takes_its_column_header_row_and_row_line_as_quote() {
        let found = numbers(
            "| Quay | | 2025 |\n| --- | --- | --- |\n| North | | 702 |\n| South | 3 | 515 |\n| Pier 4 | | 61 |\n",
            Format::Markdown,
        );
        // (value, column header, row, period, quote)
        type Cell<'a> = (
            &'a str,
            Option<&'a str>,
            Option<u32>,
            Option<&'a str>,
            &'a str,
        );
        let cells: Vec<Cell<'_>> = found
            .iter()
            .map(|n| {
                (
                    n.quantity.text.as_str(),
                    n.column.as_deref(),
                    n.row,
                    n.period.as_deref(),
                    n.quote.as_str(),
                )
            })
            .collect();
        assert_eq!(
            cells,
            [
                // An empty header cell still counts as a column.
                (
                    "702",
                    Some("2025"),
                    Some(2),
                    Some("2025"),
                    "| North | | 702 |"
                ),
                ("3", None, Some(3), None, "| South | 3 | 515 |"),
                (
                    "515",
                    Some("2025"),
                    Some(3),
                    Some("2025"),
                    "| South | 3 | 515 |"
                ),
                // The first cell names the row: "Pier 4" states no 4.
                (
                    "61",
                    Some("2025"),
                    Some(4),
                    Some("2025"),
                    "| Pier 4 | | 61 |"
                ),
            ]
        );
    }

    /// A year is the fact's period only where the text ties it to the
    /// number: "in 2025" beside it, not "since 2017" or "from 2024".
    #[test]
    fn a_period_only_where_the_year_is_the_numbers() {
        let periods: Vec<Option<String>> = numbers(
            "Calls reached 212 in 2025. Calls rose 40% since 2017. Fees (2024) were $3 million. In 2023 a long sentence later came 77 calls.\n",
            Format::PlainText,
        )
        .into_iter()
        .map(|n| n.period)
        .collect();
        assert_eq!(
            periods,
            [Some("2025".to_owned()), None, Some("2024".to_owned()), None]
        );
    }

    /// A row too long to quote whole is quoted around each cell, and the
    /// quote is still a piece of the document; columns count right across it.
    #[test]
    fn a_long_row_is_quoted_around_the_cell() {
        let cells = 600;
        let header: String = (0..cells).map(|i| format!("| h{i} ")).collect();
        let rule: String = (0..cells).map(|_| "| --- ").collect();
        let row: String = (0..cells).map(|i| format!("| {} ", 1000 + i)).collect();
        let source = format!("{header}|\n{rule}|\n{row}|\n");
        let found = numbers(&source, Format::Markdown);
        assert_eq!(found.len(), cells);
        let last = &found[cells - 1];
        assert_eq!(last.column.as_deref(), Some("h599"));
        assert!(last.quote.contains("1599"), "{}", last.quote);
        assert!(
            last.quote.len() <= MAX_ROW_QUOTE + 4,
            "{}",
            last.quote.len()
        );
        assert!(source.contains(last.quote.as_str()));
    }

    #[test]
    fn numbers_in_words_are_left_out_with_the_reason() {
        let doc = read("Revenue doubled, and 12 ships called.\n", Format::PlainText);
        assert_eq!(doc.numbers.len(), 1);
        assert_eq!(doc.skipped.len(), 1);
        assert_eq!(doc.skipped[0].reason, "written in words, not digits");
    }
}

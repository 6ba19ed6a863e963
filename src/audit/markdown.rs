//! Markdown and plain text to prose blocks.
//!
//! pulldown-cmark's offset iterator gives every event its byte range in the
//! original, so prose taken from `Text` events maps back to exact lines and
//! columns. What is not prose is skipped: code blocks and inline code, HTML
//! (comments included), front matter, link targets and autolinks, images.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::text::{Block, BlockKind};

/// Calls `visit` with each prose block of a Markdown document, in document
/// order. One block's buffers serve them all: an audit reads each block
/// once, and keeping a copy of every block of a large document would cost
/// as much memory again as the document.
pub fn each_markdown_block(source: &str, mut visit: impl FnMut(&Block)) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut current = Block::new(BlockKind::Paragraph);
    // Inside code blocks, HTML blocks, front matter, images and autolinks.
    let mut skipping = 0usize;
    // Whether each open link is an autolink (whose text is its URL).
    let mut links: Vec<bool> = Vec::new();
    let mut flush = |current: &mut Block, kind: BlockKind| {
        if !current.is_blank() {
            visit(current);
        }
        current.reset(kind);
    };
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { link_type, .. }) => {
                let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                if autolink {
                    current.push_break();
                }
                skipping += usize::from(autolink);
                links.push(autolink);
            }
            Event::End(TagEnd::Link) => {
                let autolink = links.pop() == Some(true);
                skipping = skipping.saturating_sub(usize::from(autolink));
            }
            Event::Start(tag) => {
                if skips(&tag) {
                    current.push_break();
                    skipping += 1;
                } else if !is_inline(&tag) {
                    let kind = match tag {
                        Tag::Heading { .. } => BlockKind::Heading,
                        Tag::TableCell => BlockKind::Cell,
                        _ => BlockKind::Paragraph,
                    };
                    flush(&mut current, kind);
                }
            }
            Event::End(end) => {
                if ends_skip(end) {
                    skipping = skipping.saturating_sub(1);
                } else if !is_inline_end(end) {
                    flush(&mut current, BlockKind::Paragraph);
                }
            }
            Event::Text(_) if skipping == 0 => {
                // The source slice, not the unescaped text: offsets stay exact.
                if let Some(raw) = source.get(range.clone()) {
                    current.push(raw, range.start);
                }
            }
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::Html(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => current.push_break(),
            _ => {}
        }
    }
    flush(&mut current, BlockKind::Paragraph);
}

fn skips(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) | Tag::Image { .. }
    )
}

fn ends_skip(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Image
    )
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

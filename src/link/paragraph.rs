//! A sentence read with the paragraph before it as context, the paragraph's
//! words read once for all its sentences rather than once per sentence.
//!
//! The context of a sentence is the text of its block from a word boundary
//! up to where the sentence starts ([`Linker::read_in`]); consecutive
//! sentences share most of it. The block's words are read once, in order,
//! and a sentence's context takes those that lie inside it. The words are
//! the ones [`tokens`](super::words::tokens) gives on the context alone:
//! the tokenizer looks at most three bytes past a word, so a word ending
//! three bytes or more before the sentence reads the same in the block as
//! in the context, and the last few are read again on the context itself.

use super::words::{Token, is_cjk, tokens, tokens_from};
use super::{Linker, STOP, SentenceTerms, WordCache, push_context_word};
use crate::store::{NameKind, Sym};

/// The words of one block read so far, with their terms.
#[derive(Debug, Default)]
pub struct ParagraphWords {
    /// Each word, with its terms as a range of the cache's list.
    words: Vec<(Token, (u32, u32))>,
    /// Where the tokenizer stands in the block, `None` once it is through.
    next: Option<usize>,
}

/// How far past a word's end the tokenizer looks (initials: "U.S.").
const LOOKAHEAD: usize = 3;

impl ParagraphWords {
    /// Ready for a new block.
    pub fn clear(&mut self) {
        self.words.clear();
        self.next = Some(0);
    }
}

/// The share of a subject's name a heading must hold, in words of its own,
/// to name it beside another: "## US and China" speaks of neither alone,
/// where the "United" of "## United Kingdom" names no other United.
const ANOTHER_SUBJECT: f32 = 0.5;

/// The words of a heading with their terms, read once for the blocks under it.
#[derive(Debug, Default)]
pub struct HeadingWords {
    text: String,
    words: Vec<(u32, u32)>,
    /// The one subject the heading names in full and no other: "## China"
    /// says whose figures follow, as a country section of a digest does.
    subject: Option<Sym>,
    /// The heading read as a sentence, kept for the next heading's reading.
    read: SentenceTerms,
}

impl Linker {
    /// Reads `heading` into `out` for [`Linker::read_in_paragraph`], unless
    /// `out` holds it already (the blocks under one heading share it).
    pub fn read_heading(&self, heading: &str, cache: &mut WordCache, out: &mut HeadingWords) {
        if out.text == heading {
            return;
        }
        heading.clone_into(&mut out.text);
        out.words.clear();
        for token in tokens_from(heading, 0) {
            let terms = self.cached_terms(&heading[token.start..token.end], cache);
            out.words.push(terms);
        }
        let mut read = std::mem::take(&mut out.read);
        self.read(heading, cache, &mut read);
        // The heading is the name and little more ("## 3. The United
        // Kingdom", "## China at a glance"): "## Industry builds most
        // models" heads a story about models, not industry's figures.
        let little_more = |subject: Sym| {
            let mut besides = 0.0;
            for (token, &(from, to)) in tokens_from(heading, 0).zip(&out.words) {
                let word = &heading[token.start..token.end];
                let of_the_name = from != STOP
                    && cache.terms[from as usize..to as usize]
                        .iter()
                        .any(|&t| self.name_holds(NameKind::Subject, subject, t));
                if from == STOP || of_the_name || word.bytes().all(|b| b.is_ascii_digit()) {
                    continue;
                }
                besides += if word.chars().all(is_cjk) { 0.5 } else { 1.0 };
            }
            besides <= 1.0
        };
        let mut named = self.subjects_named_in_full(&read);
        out.subject = named.next().filter(|&subject| {
            little_more(subject)
                && named.next().is_none()
                && self.subjects_owning(&read, ANOTHER_SUBJECT).all(|other| {
                    other == subject
                        || self.said_within(
                            &read,
                            &[(NameKind::Subject, other)],
                            &[(NameKind::Subject, subject)],
                        )
                })
        });
        drop(named);
        out.read = read;
    }

    /// [`Linker::read`] of `sentence` with the words of the heading it
    /// stands under as context: a table cell's row and column say little
    /// ("Canada; $: $4.28B") where "## Private investment by country, 2025"
    /// says what the table holds. `before` is the text before the
    /// sentence in its block, context as a paragraph's is: a list item
    /// "**United States.** Investment reached $285.9 billion" names its
    /// subject in a sentence of its own.
    pub fn read_under(
        &self,
        heading: &HeadingWords,
        before: &str,
        sentence: &str,
        cache: &mut WordCache,
        out: &mut SentenceTerms,
    ) {
        self.start_reading(out);
        out.heading_subject = heading.subject;
        for &terms in &heading.words {
            push_context_word(terms, cache, out);
        }
        for token in tokens(before) {
            let terms = self.cached_terms(&before[token.start..token.end], cache);
            push_context_word(terms, cache, out);
        }
        self.read_sentence(sentence, before, cache, out);
    }

    /// [`Linker::read_in`] of `text[sentence.0..sentence.1]` with the
    /// context `text[context_from..sentence.0]`, which must start the
    /// block or at a whitespace character (a word boundary), and the words
    /// of the heading the text stands under ([`Linker::read_heading`]) as
    /// context too.
    /// `paragraph` holds the words of `text` read for the sentences before;
    /// it is cleared for each new text.
    #[expect(clippy::too_many_arguments, reason = "the parts of one reading")]
    pub fn read_in_paragraph(
        &self,
        text: &str,
        heading: &HeadingWords,
        context_from: usize,
        sentence: (usize, usize),
        paragraph: &mut ParagraphWords,
        cache: &mut WordCache,
        out: &mut SentenceTerms,
    ) {
        let start = sentence.0;
        self.start_reading(out);
        out.heading_subject = heading.subject;
        // "## China" over "Private AI investment reached $12.4 billion":
        // the heading says whose, as the sentence before would.
        for &terms in &heading.words {
            push_context_word(terms, cache, out);
        }
        // The block's words up to one that ends too near the sentence.
        while let Some(at) = paragraph.next {
            if paragraph
                .words
                .last()
                .is_some_and(|(w, _)| w.end + LOOKAHEAD > start)
            {
                break;
            }
            match tokens_from(text, at).next() {
                Some(token) => {
                    let terms = self.cached_terms(&text[token.start..token.end], cache);
                    paragraph.words.push((token, terms));
                    paragraph.next = Some(token.end);
                }
                None => paragraph.next = None,
            }
        }
        let context = &text[context_from..start];
        let words = &paragraph.words;
        let first = words.partition_point(|(w, _)| w.start < context_from);
        let last = words.partition_point(|(w, _)| w.end + LOOKAHEAD <= start);
        let mut resume = 0;
        if first < last {
            for &(_, terms) in &words[first..last] {
                push_context_word(terms, cache, out);
            }
            resume = words[last - 1].0.end - context_from;
        }
        for token in tokens_from(context, resume) {
            let terms = self.cached_terms(&context[token.start..token.end], cache);
            push_context_word(terms, cache, out);
        }
        self.read_sentence(&text[sentence.0..sentence.1], context, cache, out);
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::store::Store;

    /// What a reading holds, comparable: each occurrence's term, word and
    /// place, the distinct terms, and the forms found with their coverage.
    type Reading = (Vec<(u32, u32, u32, u32)>, Vec<u32>, Vec<(u32, f32)>);

    fn read_out(terms: &SentenceTerms) -> Reading {
        (
            terms
                .occurrences
                .iter()
                .map(|o| (o.term, o.word, o.start, o.end))
                .collect(),
            terms.distinct.clone(),
            terms.forms.clone(),
        )
    }

    /// Every context start (the block's start or a whitespace character)
    /// and every later sentence start, in order as the audit reads them:
    /// the paragraph's words give the same reading as the context read on
    /// its own, whatever stands at the edges (initials, possessives,
    /// Chinese, a no-break space).
    #[test]
    fn the_paragraph_read_once_reads_as_each_context_alone() {
        let store = Store::load(Path::new("sources")).unwrap_or_else(|e| panic!("{e}"));
        let linker = Linker::new(&store);
        let texts = [
            "The U.S. led private AI investment. China's share of notable models fell to 30%.",
            "Investment in the U.S.A rose; the E.U. data centres' power capacity reached 29.6 GW.",
            "Organizations' adoption\u{a0}of AI stood at 88% in 2025, up from 78%. It's U.S. led.",
            "美国私人投资达到 2859 亿美元。中国的份额为 30%。 The U.S. lead is 23x.",
            // Initials run on into a word: "U" alone in the block, "U.S"
            // in a context that ends before the "x".
            "Against the U.Sx index, 12 models ranked.",
        ];
        for text in texts {
            let froms = std::iter::once(0).chain(
                text.char_indices()
                    .filter(|(_, c)| c.is_whitespace())
                    .map(|(i, _)| i),
            );
            for from in froms {
                let mut paragraph = ParagraphWords::default();
                paragraph.clear();
                let mut cache = WordCache::default();
                let mut alone_cache = WordCache::default();
                let starts = text.char_indices().map(|(i, _)| i).filter(|&s| s >= from);
                for start in starts {
                    let mut by_paragraph = SentenceTerms::default();
                    let mut alone = SentenceTerms::default();
                    linker.read_in_paragraph(
                        text,
                        &HeadingWords::default(),
                        from,
                        (start, text.len()),
                        &mut paragraph,
                        &mut cache,
                        &mut by_paragraph,
                    );
                    linker.read_in(
                        &text[start..],
                        &text[from..start],
                        &mut alone_cache,
                        &mut alone,
                    );
                    assert_eq!(
                        read_out(&by_paragraph),
                        read_out(&alone),
                        "{text:?} from {from} at {start}"
                    );
                }
            }
        }
    }
}

//! Quotes against the source's own text.
//!
//! A source folder may hold the document's text under `text/` (`*.md` or
//! `*.txt`, read in name order). A fact's `quote` must then occur in it, and
//! must state the fact's value in some written form. Text and quote are
//! compared with white space collapsed, typographic quotes folded to straight
//! ones and the case of the quote's first letter ignored (a quote often starts
//! mid-sentence).

use std::path::{Path, PathBuf};

use super::{Code, Finding, Location};
use crate::quantity::Quantity;
use crate::store::{Source, Store};

pub(super) fn check(store: &Store, out: &mut Vec<Finding>) {
    for (index, source) in store.sources.iter().enumerate() {
        let quoted: Vec<&crate::store::Fact> = store
            .facts
            .iter()
            .filter(|f| f.source == Some(index) && f.quote.is_some())
            .collect();
        if quoted.is_empty() {
            continue;
        }
        let text = match source_text(source) {
            Ok(Some(text)) => text,
            Ok(None) => {
                out.push(
                    Finding::new(
                        Code::UncheckedQuotes,
                        Location::file(&source.dir.join("text")),
                        format!(
                            "{} quote{} of source `{}` cannot be checked: the source has no text/ folder",
                            quoted.len(),
                            if quoted.len() == 1 { "" } else { "s" },
                            source.id
                        ),
                    )
                    .with_facts(quoted.iter().map(|f| &*f.id)),
                );
                continue;
            }
            Err((path, message)) => {
                out.push(Finding::new(
                    Code::UnreadableFile,
                    Location::file(&path),
                    format!("cannot read: {message}"),
                ));
                continue;
            }
        };
        for fact in quoted {
            let Some(quote) = fact.quote.as_deref() else {
                continue;
            };
            if !occurs_in(quote, &text.normalized) {
                out.push(
                    Finding::new(
                        Code::QuoteNotInSource,
                        Location::fact(store, fact, "/quote"),
                        format!(
                            "the quote of `{}` is not in the text of source `{}` ({}): \"{quote}\"",
                            fact.id,
                            source.id,
                            text.files.join(", ")
                        ),
                    )
                    .with_facts([&*fact.id]),
                );
            }
            if !states_value(quote, &fact.value) {
                out.push(
                    Finding::new(
                        Code::QuoteWithoutValue,
                        Location::fact(store, fact, "/quote"),
                        format!(
                            "the quote of `{}` does not state its value {}: \"{quote}\"",
                            fact.id, fact.value.text
                        ),
                    )
                    .with_facts([&*fact.id]),
                );
            }
        }
    }
}

struct SourceText {
    /// The files read, as shown in messages.
    files: Vec<String>,
    normalized: String,
}

/// The source's text, all files of `text/` together; `None` without a `text/` folder.
fn source_text(source: &Source) -> Result<Option<SourceText>, (PathBuf, String)> {
    let dir = source.dir.join("text");
    if !dir.is_dir() {
        return Ok(None);
    }
    let entries = std::fs::read_dir(&dir).map_err(|e| (dir.clone(), e.to_string()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_text(p))
        .collect();
    paths.sort();
    let mut raw = String::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).map_err(|e| (path.clone(), e.to_string()))?;
        raw.push_str(&text);
        raw.push('\n');
    }
    Ok(Some(SourceText {
        files: paths.iter().map(|p| p.display().to_string()).collect(),
        normalized: fold(&raw),
    }))
}

fn is_text(path: &Path) -> bool {
    path.is_file() && path.extension().is_some_and(|e| e == "md" || e == "txt")
}

/// White space collapsed to single spaces, typographic quotes made straight.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            out.push(match c {
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => '"',
                c => c,
            });
        }
    }
    out
}

/// Whether the quote occurs in the folded text, whatever the case of its first letter.
fn occurs_in(quote: &str, text: &str) -> bool {
    let quote = fold(quote);
    if quote.is_empty() {
        return false;
    }
    let mut chars = quote.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    let variants: Vec<String> = first
        .to_lowercase()
        .chain(first.to_uppercase())
        .map(|c| format!("{c}{rest}"))
        .collect();
    text.contains(&quote) || variants.iter().any(|v| text.contains(v.as_str()))
}

/// The numbers written in a text: `285.9`, `72,816` (grouping commas dropped), `1.2`.
fn numbers(text: &str) -> Vec<f64> {
    let bytes = text.as_bytes();
    let continues = |i: usize| {
        bytes[i].is_ascii_digit()
            || (matches!(bytes[i], b',' | b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && continues(i) {
            i += 1;
        }
        // ASCII bytes only, so these are character boundaries.
        let token: String = text[start..i].chars().filter(|&c| c != ',').collect();
        if let Ok(n) = token.parse::<f64>() {
            out.push(n);
        }
    }
    out
}

/// Whether the quote writes the value: some number in it, times a power of a
/// thousand (the magnitude word or letter after it), is the value. So
/// `$285.9B`, `285.9 billion`, `$285,900 million` and a bare `285.9` all state
/// $285.9 billion; `286` does not. A range needs both of its ends.
pub(crate) fn states_value(quote: &str, value: &Quantity) -> bool {
    let written = numbers(quote);
    let mut ends = vec![value.low.value().abs()];
    if let Some(high) = value.high {
        ends.push(high.value().abs());
    }
    ends.iter().all(|&v| {
        written.iter().any(|&n| {
            (0..=4).any(|k| {
                let scaled = n * 1000f64.powi(k);
                (scaled - v).abs() <= v.abs() * 1e-9
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::parse_quantity;

    fn states(quote: &str, value: &str) -> bool {
        states_value(
            quote,
            &parse_quantity(value).unwrap_or_else(|e| panic!("{e}")),
        )
    }

    #[test]
    fn a_value_in_any_written_form() {
        assert!(states(
            "investment reached $285.9B",
            "nearly $285.9 billion"
        ));
        assert!(states(
            "investment reached 285.9 billion dollars",
            "$285.9 billion"
        ));
        assert!(states("a total of $285,900 million", "$285.9 billion"));
        assert!(states("the figure was 285.9", "$285.9 billion"));
        assert!(states("72,816 tonnes", "72816 tCO2e"));
        assert!(states("from 22% to 94%", "22%..94%"));
        assert!(states("fell by 13 points", "-13pp"));
        assert!(!states("investment reached $286 billion", "$285.9 billion"));
        assert!(!states("from 22% to 90%", "22%..94%"));
        assert!(!states("no number here", "60%"));
    }

    #[test]
    fn numbers_as_written() {
        assert_eq!(
            numbers("$285.9B, 72,816 t and 1.2.3 or 5."),
            vec![285.9, 72816.0, 5.0]
        );
        assert_eq!(numbers("none"), Vec::<f64>::new());
    }

    #[test]
    fn quotes_are_found_through_spacing_quotes_and_case() {
        let text = fold("Private investment in the \u{201C}US\u{201D}\n  reached a record.");
        assert!(occurs_in("private investment in the \"US\" reached", &text));
        assert!(occurs_in(
            "Private  investment in the \u{201C}US\u{201D} reached",
            &text
        ));
        assert!(occurs_in("The \"US\" reached", &text));
        assert!(!occurs_in("private investment in China", &text));
        assert!(!occurs_in("", &text));
    }
}

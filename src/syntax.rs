//! The error type shared by the nom grammars (quantities and claims).

use nom::error::{ContextError, ErrorKind, FromExternalError, ParseError};

pub(crate) type PResult<'a, T> = nom::IResult<&'a str, T, SyntaxError<'a>>;

/// Where a grammar gave up, and what it was looking for there.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SyntaxError<'a> {
    /// The unparsed input at the failure; its offset in the line is the column.
    pub(crate) rest: &'a str,
    /// The innermost `context` label: what the grammar expected at `rest`.
    pub(crate) expected: Option<&'static str>,
    /// A message that replaces the generic "expected …" one.
    pub(crate) message: Option<String>,
}

impl<'a> ParseError<&'a str> for SyntaxError<'a> {
    fn from_error_kind(input: &'a str, _kind: ErrorKind) -> Self {
        SyntaxError {
            rest: input,
            expected: None,
            message: None,
        }
    }

    fn append(_input: &'a str, _kind: ErrorKind, other: Self) -> Self {
        other
    }

    fn or(self, other: Self) -> Self {
        // Keep the alternative that got further: its position is the useful one.
        if other.rest.len() <= self.rest.len() {
            other
        } else {
            self
        }
    }
}

impl<'a> ContextError<&'a str> for SyntaxError<'a> {
    fn add_context(_input: &'a str, context: &'static str, mut other: Self) -> Self {
        other.expected.get_or_insert(context);
        other
    }
}

impl<'a, E: std::fmt::Display> FromExternalError<&'a str, E> for SyntaxError<'a> {
    fn from_external_error(input: &'a str, _kind: ErrorKind, e: E) -> Self {
        SyntaxError {
            rest: input,
            expected: None,
            message: Some(e.to_string()),
        }
    }
}

impl SyntaxError<'_> {
    pub(crate) fn describe(&self) -> String {
        if let Some(message) = &self.message {
            return message.clone();
        }
        let found = match self.rest.chars().next() {
            None => "end of line".to_owned(),
            Some(_) => {
                let token: String = self
                    .rest
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(20)
                    .collect();
                format!("`{token}`")
            }
        };
        match self.expected {
            Some(expected) => format!("expected {expected}, found {found}"),
            None => format!("unexpected {found}"),
        }
    }
}

//! JSON written piece by piece with serde_json's pretty formatter, so that a
//! document too big to hold is written with the bytes `to_string_pretty`
//! would give for it whole.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};

/// `"key": ` at the formatter's depth.
pub(super) fn json_key(
    out: &mut impl Write,
    formatter: &mut PrettyFormatter<'_>,
    first: bool,
    key: &str,
) -> io::Result<()> {
    formatter.begin_object_key(out, first)?;
    json_value(out, formatter, key)?;
    formatter.end_object_key(out)?;
    formatter.begin_object_value(out)
}

pub(super) fn json_field(
    out: &mut impl Write,
    formatter: &mut PrettyFormatter<'_>,
    first: bool,
    key: &str,
    value: &(impl Serialize + ?Sized),
) -> io::Result<()> {
    json_key(out, formatter, first, key)?;
    json_value(out, formatter, value)?;
    formatter.end_object_value(out)
}

/// A value at the formatter's depth. A pretty formatter's state is its
/// depth and whether the current object or array has a value yet; a value
/// leaves the depth as it found it, so a copy of the formatter writes it
/// and the caller's formatter records the value.
pub(super) fn json_value(
    out: &mut impl Write,
    formatter: &PrettyFormatter<'_>,
    value: &(impl Serialize + ?Sized),
) -> io::Result<()> {
    value
        .serialize(&mut Serializer::with_formatter(out, formatter.clone()))
        .map_err(io::Error::from)
}

/// The text of a document written into memory.
pub(super) fn text(written: io::Result<Vec<u8>>) -> String {
    // Memory takes every write, and what is written always serialises (its
    // maps have string keys): the fallbacks are for the types, not for use.
    match written {
        Ok(bytes) => String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => format!("{{\"error\": \"{e}\"}}"),
    }
}

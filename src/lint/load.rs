//! Errors that keep part of the store from loading, as findings.

use std::path::Path;

use super::{Code, Finding, Location};
use crate::store::LoadError;

pub(super) fn finding(error: &LoadError) -> Finding {
    let line = |n: usize| Some(u32::try_from(n).unwrap_or(u32::MAX));
    match error {
        LoadError::Io { path, message } => Finding::new(
            Code::UnreadableFile,
            Location::file(Path::new(path)),
            format!("cannot read: {message}"),
        ),
        LoadError::Json {
            path,
            line: l,
            column,
            message,
        } => Finding::new(
            Code::InvalidJson,
            Location {
                line: line(*l),
                column: line(*column),
                ..Location::file(Path::new(path))
            },
            message.clone(),
        ),
        LoadError::Value {
            path,
            line: l,
            pointer,
            message,
        } => Finding::new(
            value_code(pointer),
            Location {
                line: line(*l),
                ..Location::pointer(Path::new(path), pointer.clone())
            },
            message.clone(),
        ),
        LoadError::Pointer {
            path,
            pointer,
            message,
        } => Finding::new(
            pointer_code(path, pointer),
            Location::pointer(Path::new(path), pointer.clone()),
            message.clone(),
        ),
        LoadError::DuplicateId {
            path,
            line: l,
            id,
            first,
        } => Finding::new(
            Code::DuplicateId,
            Location {
                line: line(*l),
                pointer: Some("/id".to_owned()),
                ..Location::file(Path::new(path))
            },
            format!("duplicate fact id `{id}` (first at {first}); this fact is ignored"),
        )
        .with_facts([id]),
        LoadError::Cell {
            path,
            row,
            column,
            name,
            message,
        } => Finding::new(
            Code::InvalidTable,
            Location {
                line: line(*row),
                ..Location::file(Path::new(path))
            },
            format!("column {column} `{name}`: {message}"),
        ),
        LoadError::Store { path, message } => Finding::new(
            Code::StoreLayout,
            Location::file(Path::new(path)),
            message.clone(),
        ),
    }
}

/// A problem in one fact's fields, told apart by the field the store names.
fn value_code(pointer: &str) -> Code {
    match pointer {
        "/value" => Code::InvalidValue,
        "/id" => Code::SourceIdMismatch,
        "/source" => Code::UnknownSource,
        p if p.starts_with("/derived") => Code::UnknownFact,
        _ => Code::InvalidJson,
    }
}

/// A problem inside a data package, an aliases or a conflicts file.
fn pointer_code(path: &str, pointer: &str) -> Code {
    if Path::new(path).ends_with("datapackage.json") {
        Code::InvalidTable
    } else if pointer.starts_with("/acknowledged") {
        Code::InvalidAcknowledgement
    } else {
        Code::UnknownAliasTarget
    }
}

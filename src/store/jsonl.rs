//! Curated facts files: `facts.jsonl` (one fact a line) or `facts.json` (an array).

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde::Deserialize;

use super::{
    BYTE_ORDER_MARK, Derivation, Fact, LoadError, Locator, MAX_JSONL_LINE_BYTES, Origin, Store,
    json_error, read, strip_position,
};
use crate::parallel::par_map;
use crate::quantity::{Quantity, parse_quantity};

/// A fact as written in a facts file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact<'a> {
    #[serde(borrow)]
    id: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    subject: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    metric: std::borrow::Cow<'a, str>,
    #[serde(default, borrow)]
    period: Option<std::borrow::Cow<'a, str>>,
    value: RawValue,
    /// Kept as raw JSON: facts share few distinct locators, each parsed once.
    #[serde(default, borrow)]
    locator: Option<&'a serde_json::value::RawValue>,
    #[serde(default, borrow)]
    url: Option<std::borrow::Cow<'a, str>>,
    #[serde(default, borrow)]
    retrieved: Option<std::borrow::Cow<'a, str>>,
    #[serde(default, borrow)]
    via: Vec<std::borrow::Cow<'a, str>>,
    #[serde(default)]
    quote: Option<String>,
    #[serde(default)]
    derived: Option<Derivation>,
    #[serde(default)]
    corroboration: Option<u32>,
    #[serde(default)]
    seen_in_text: Option<bool>,
    /// Overrides the folder's source: the fact was read in another document.
    #[serde(default, borrow)]
    source: Option<std::borrow::Cow<'a, str>>,
    /// Harvested, not yet curated (`claimcheck harvest`).
    #[serde(default)]
    draft: bool,
}

/// A value: a quantity string, or a plain JSON number.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawValue {
    Text(String),
    Number(serde_json::Number),
}

impl Store {
    pub(super) fn load_jsonl(
        &mut self,
        path: &Path,
        source: Option<usize>,
        errors: &mut Vec<LoadError>,
    ) {
        // Read in batches: the whole file and all its parsed lines never sit
        // in memory at once beside the store being built.
        const BATCH_LINES: usize = 1 << 16;
        const BATCH_BYTES: usize = 64 << 20;
        let file = match crate::input::open_regular(path) {
            Ok(file) => file,
            Err(e) => {
                return errors.push(LoadError::Io {
                    path: path.display().to_string(),
                    message: e.to_string(),
                });
            }
        };
        let file_index = self.add_file(path);
        let file_len = file.metadata().map_or(0, |m| m.len());
        let mut reader = BufReader::with_capacity(1 << 20, file);
        let mut batch = String::new();
        let mut first_line = 1;
        loop {
            batch.clear();
            let mut count = 0;
            while count < BATCH_LINES && batch.len() < BATCH_BYTES {
                match (&mut reader)
                    .take(MAX_JSONL_LINE_BYTES + 1)
                    .read_line(&mut batch)
                {
                    Ok(0) => break,
                    Ok(n) if n as u64 > MAX_JSONL_LINE_BYTES => {
                        return errors.push(LoadError::Io {
                            path: path.display().to_string(),
                            message: format!(
                                "line {}: longer than {}; a fact takes one line of a few hundred bytes",
                                first_line + count,
                                crate::input::show_bytes(MAX_JSONL_LINE_BYTES)
                            ),
                        });
                    }
                    Ok(_) => count += 1,
                    Err(e) => {
                        let why = match e.kind() {
                            std::io::ErrorKind::InvalidData => {
                                "not valid UTF-8; save the file as UTF-8".to_owned()
                            }
                            _ => e.to_string(),
                        };
                        return errors.push(LoadError::Io {
                            path: path.display().to_string(),
                            message: format!("line {}: {why}", first_line + count),
                        });
                    }
                }
            }
            if count == 0 {
                return;
            }
            let lines: Vec<(usize, &str)> = batch
                .lines()
                .enumerate()
                .map(|(n, l)| match first_line + n {
                    1 => (1, l.trim_start_matches(BYTE_ORDER_MARK)),
                    line => (line, l),
                })
                .filter(|(_, l)| !l.trim().is_empty())
                .collect();
            // JSON and quantity parsing is most of the work and needs no shared
            // state, so it runs on every core; interning and indexing follow in order.
            let parsed = par_map(&lines, |(line, text)| {
                parse_fact(text).map_err(|e| e.at(path, *line))
            });
            for ((line, _), fact) in lines.iter().zip(parsed) {
                match fact {
                    Ok(fact) => self.add_fact(fact, source, file_index, *line, errors),
                    Err(e) => errors.push(e),
                }
            }
            if first_line == 1 {
                // Size the store for the whole file from the first batch's
                // line length: growing a vector of a million facts by
                // doubling copies it over and over.
                let per_line = (batch.len() / count).max(1) as u64;
                let expected = usize::try_from(file_len / per_line).unwrap_or(0);
                self.reserve_facts(expected.saturating_sub(self.next_fact() as usize));
            }
            first_line += count;
        }
    }

    pub(super) fn load_json(
        &mut self,
        path: &Path,
        source: Option<usize>,
        errors: &mut Vec<LoadError>,
    ) {
        let text = match read(path) {
            Ok(text) => text,
            Err(e) => return errors.push(e),
        };
        let file = self.add_file(path);
        // Parse twice: once as raw values to learn where each fact starts, then strictly.
        let values: Vec<&serde_json::value::RawValue> = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => return errors.push(json_error(path, &e)),
        };
        for raw in values {
            let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
            let line = text[..offset].matches('\n').count() + 1;
            match parse_fact(raw.get()) {
                Ok(fact) => self.add_fact(fact, source, file, line, errors),
                Err(FactError::Json {
                    line: l,
                    column,
                    message,
                }) => errors.push(LoadError::Json {
                    path: path.display().to_string(),
                    line: line + l - 1,
                    column,
                    message,
                }),
                Err(e) => errors.push(e.at(path, line)),
            }
        }
    }

    fn add_fact(
        &mut self,
        parsed: ParsedFact<'_>,
        source: Option<usize>,
        file: u32,
        line: usize,
        errors: &mut Vec<LoadError>,
    ) {
        let ParsedFact { raw, value } = parsed;
        let path = |store: &Store| store.files[file as usize].display().to_string();
        if let Some(&first) = self.by_id.get(&*raw.id) {
            let origin = self.facts[first as usize].origin;
            return errors.push(LoadError::DuplicateId {
                path: path(self),
                line,
                id: raw.id.into_owned(),
                first: format!(
                    "{}:{}",
                    self.files[origin.file as usize].display(),
                    origin.line
                ),
            });
        }
        let locator = match raw.locator {
            Some(json) => match self.intern_locator(json.get()) {
                Ok(locator) => locator,
                Err(message) => {
                    return errors.push(LoadError::Value {
                        path: path(self),
                        line,
                        pointer: "/locator".to_owned(),
                        message,
                    });
                }
            },
            None => None,
        };
        let blank = |name: &str| name.trim().is_empty();
        if !raw.draft {
            for (field, name) in [("subject", &raw.subject), ("metric", &raw.metric)] {
                if blank(name) {
                    return errors.push(LoadError::Value {
                        path: path(self),
                        line,
                        pointer: format!("/{field}"),
                        message: format!(
                            "an empty {field}: only a draft (\"draft\": true) may leave it empty"
                        ),
                    });
                }
            }
        }
        if raw.draft && raw.quote.as_deref().is_none_or(blank) {
            return errors.push(LoadError::Value {
                path: path(self),
                line,
                pointer: "/quote".to_owned(),
                message: "a draft needs its quote: the words it is linked to prose by".to_owned(),
            });
        }
        // A draft's empty name is its own, not one shared by every draft.
        let name = |store: &mut Store, text: &str| {
            if raw.draft && blank(text) {
                store.strings.fresh("")
            } else {
                store.strings.intern(text)
            }
        };
        let subject = name(self, &raw.subject);
        let metric = name(self, &raw.metric);
        let index = self.next_fact();
        let mut source = source;
        if let Some(id) = &raw.source {
            let name = self.strings.intern(id);
            match &self.building {
                // A fact's own `source` is resolved once every source folder is read.
                None => self.named_sources.push((index, name)),
                // An index being built does not keep the fact that long: the
                // sources are known by their folders' names from the start.
                Some(builder) => {
                    source = builder.folder(id);
                    if source.is_none() {
                        return errors.push(LoadError::Value {
                            path: path(self),
                            line,
                            pointer: "/source".to_owned(),
                            message: format!("unknown source `{id}`"),
                        });
                    }
                }
            }
        }
        let fact = Fact {
            id: raw.id.as_ref().into(),
            subject,
            metric,
            period: raw.period.as_deref().map(|p| self.strings.intern(p)),
            value,
            locator,
            url: raw.url.as_deref().map(|u| self.strings.intern(u)),
            retrieved: raw.retrieved.as_deref().map(|r| self.strings.intern(r)),
            via: raw.via.iter().map(|v| self.strings.intern(v)).collect(),
            quote: raw.quote.map(String::into_boxed_str),
            derived: raw.derived.map(Box::new),
            corroboration: raw.corroboration,
            seen_in_text: raw.seen_in_text,
            draft: raw.draft,
            source,
            origin: Origin {
                file,
                line: u32::try_from(line).unwrap_or(u32::MAX),
            },
        };
        self.push_fact(fact, None);
    }

    /// The index of a locator given as JSON text; `None` for an empty one.
    fn intern_locator(&mut self, json: &str) -> Result<Option<u32>, String> {
        let key = self.strings.intern(json);
        if let Some(&index) = self.locator_ids.get(&key) {
            return Ok(Some(index));
        }
        let locator: Locator = serde_json::from_str(json).map_err(|e| strip_position(&e))?;
        if locator.is_empty() {
            return Ok(None);
        }
        let index = u32::try_from(self.locators.len()).unwrap_or(u32::MAX);
        self.locators.push(locator);
        self.locator_ids.insert(key, index);
        Ok(Some(index))
    }
}

/// A fact line parsed, before its names are interned.
struct ParsedFact<'a> {
    raw: RawFact<'a>,
    value: Quantity,
}

/// Why a fact's text could not be parsed; the file and line are added by the caller.
enum FactError {
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    Value(String),
}

impl FactError {
    fn at(self, path: &Path, line: usize) -> LoadError {
        match self {
            FactError::Json {
                column, message, ..
            } => LoadError::Json {
                path: path.display().to_string(),
                line,
                column,
                message,
            },
            FactError::Value(message) => LoadError::Value {
                path: path.display().to_string(),
                line,
                pointer: "/value".to_owned(),
                message,
            },
        }
    }
}

/// How much of a bad value an error quotes: enough to recognise it.
const MAX_QUOTED_VALUE: usize = 80;

fn parse_fact(text: &str) -> Result<ParsedFact<'_>, FactError> {
    let raw: RawFact<'_> = serde_json::from_str(text).map_err(|e| FactError::Json {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e),
    })?;
    let value = match &raw.value {
        RawValue::Text(text) => parse_quantity(text).map_err(|e| (text.clone(), e)),
        RawValue::Number(n) => {
            let text = n.to_string();
            parse_quantity(&text).map_err(|e| (text, e))
        }
    };
    let value = value.map_err(|(text, e)| {
        FactError::Value(format!(
            "`{}` is not a quantity: {} (at character {})",
            crate::quote::quote(&text, MAX_QUOTED_VALUE),
            e.message,
            e.offset + 1
        ))
    })?;
    Ok(ParsedFact { raw, value })
}

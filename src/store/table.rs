//! Data tables: a Frictionless Data Package (`datapackage.json` + CSV files),
//! read as its publisher wrote it, with no file of ours beside it.
//!
//! Every numeric cell is a fact: its subject is the row's entity (the first
//! field of type `string`), its period the row's year (the first field of type
//! `year`, or named `year`), its metric the column's title (or name). The
//! value keeps the cell as written, so `84.629` keeps its three decimals.
//!
//! Our World in Data bends the spec, and its packages are read as it writes
//! them: a field's unit and scale are in `owidDisplaySettings` (a JSON object,
//! or a string holding one), where `conversionFactor` says what to multiply a
//! stored value by (`1000000` on a column of tonnes: the CSV holds millions),
//! and sources carry `name`, `link`, `retrievedDate` and `dataPublishedBy`.
//! A field's own `unit` property is read too.

use std::path::Path;

use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

use super::{Fact, LoadError, Locator, Origin, Source, Store, folder_name, json_error, read};
use crate::parallel::par_map;
use crate::quantity::{Quantity, Unit, parse_quantity};

pub(super) const PACKAGE_FILE: &str = "datapackage.json";

/// Rows read at once; their cells are parsed on every core, and after the
/// first batch the store is sized for the rest of the file.
const BATCH_ROWS: usize = 8192;

#[derive(Debug, Deserialize)]
struct Package {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    homepage: Option<String>,
    #[serde(default)]
    sources: Vec<PackageSource>,
    #[serde(default)]
    licenses: Vec<PackageLicence>,
    #[serde(default)]
    resources: Vec<Resource>,
}

/// A source as the spec writes it (`title`, `path`) or as OWID does (`name`,
/// `link`, `retrievedDate`, `dataPublishedBy`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PackageSource {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    link: Option<String>,
    #[serde(default)]
    retrieved_date: Option<String>,
    #[serde(default)]
    data_published_by: Option<String>,
}

#[derive(Debug, Deserialize)]
struct PackageLicence {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Resource {
    #[serde(default)]
    path: Option<ResourcePath>,
    #[serde(default)]
    schema: Option<Schema>,
}

/// One file, or several with the same schema.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ResourcePath {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Schema {
    fields: Vec<Field>,
    /// Cell texts that mean "no value"; the spec's default is the empty cell.
    #[serde(default = "default_missing_values")]
    missing_values: Vec<String>,
}

fn default_missing_values() -> Vec<String> {
    vec![String::new()]
}

#[derive(Debug, Deserialize)]
struct Field {
    name: String,
    #[serde(default)]
    title: Option<String>,
    /// The spec's default type is `string`.
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default, rename = "owidDisplaySettings")]
    owid_display_settings: Option<serde_json::Value>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct OwidDisplaySettings {
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    conversion_factor: Option<f64>,
}

/// How the cells of one numeric column become quantities.
struct ValueColumn {
    /// 0-based position in the row.
    index: usize,
    metric: String,
    /// Powers of ten the stored value is scaled by that no magnitude word
    /// says (`conversionFactor` 100): the decimal point moves instead.
    shift: i32,
    /// Appended to the cell: a magnitude word and the unit (` million tonnes`, `%`).
    suffix: String,
}

/// The columns of one resource, told apart by the schema.
struct Columns {
    names: Vec<String>,
    entity: usize,
    year: usize,
    values: Vec<ValueColumn>,
    missing_values: Vec<String>,
}

impl Store {
    /// Reads a source folder holding a data package (and perhaps a `source.json`).
    pub(super) fn load_package(&mut self, dir: &Path, path: &Path, errors: &mut Vec<LoadError>) {
        let package: Package = match read(path)
            .and_then(|text| serde_json::from_str(&text).map_err(|e| json_error(path, &e)))
        {
            Ok(package) => package,
            Err(e) => return errors.push(e),
        };
        let Some(source) = package_source(dir, &package, errors) else {
            return;
        };
        let source_path = dir.join("source.json");
        let source_index = self.add_source(source, dir, &source_path, errors);
        let source_id = self.sources[source_index].id.clone();
        let pointer_error = |pointer: String, message: String| LoadError::Pointer {
            path: path.display().to_string(),
            pointer,
            message,
        };
        if package.resources.is_empty() {
            return errors.push(pointer_error(
                "/resources".to_owned(),
                "no resources: the package names no data file".to_owned(),
            ));
        }
        let mut resources = Vec::new();
        let mut files = Vec::new();
        for (r, resource) in package.resources.iter().enumerate() {
            let at = format!("/resources/{r}");
            let columns = match &resource.schema {
                Some(schema) => match columns(schema) {
                    Ok(columns) => columns,
                    Err((pointer, message)) => {
                        errors.push(pointer_error(format!("{at}/schema{pointer}"), message));
                        continue;
                    }
                },
                None => {
                    errors.push(pointer_error(
                        format!("{at}/schema"),
                        "no schema: without one the entity, year and value columns \
                         cannot be told apart"
                            .to_owned(),
                    ));
                    continue;
                }
            };
            let names: Vec<&String> = match &resource.path {
                Some(ResourcePath::One(p)) => vec![p],
                Some(ResourcePath::Many(ps)) => ps.iter().collect(),
                None => {
                    errors.push(pointer_error(
                        format!("{at}/path"),
                        "no path: the resource names no file".to_owned(),
                    ));
                    continue;
                }
            };
            resources.push(columns);
            for name in names {
                // Remote files are not fetched: the store is read offline.
                let outside = Path::new(name).components().any(|c| {
                    !matches!(
                        c,
                        std::path::Component::Normal(_) | std::path::Component::CurDir
                    )
                });
                if name.contains("://") || outside {
                    errors.push(pointer_error(
                        format!("{at}/path"),
                        format!("`{name}` is not a file inside the source folder"),
                    ));
                    continue;
                }
                files.push((dir.join(name), resources.len() - 1));
            }
        }
        let several = files.len() > 1;
        for (k, (file, columns)) in files.into_iter().enumerate() {
            // A fact's id is the cell's address, as a spreadsheet writes it.
            let prefix = if several {
                format!("{source_id}/{}!", k + 1)
            } else {
                format!("{source_id}!")
            };
            self.load_csv(&file, &resources[columns], &prefix, source_index, errors);
        }
    }

    fn load_csv(
        &mut self,
        path: &Path,
        columns: &Columns,
        id_prefix: &str,
        source: usize,
        errors: &mut Vec<LoadError>,
    ) {
        let shown = path.display().to_string();
        let mut reader = match csv::ReaderBuilder::new().has_headers(true).from_path(path) {
            Ok(reader) => reader,
            Err(e) => {
                return errors.push(LoadError::Io {
                    path: shown,
                    message: csv_message(&e),
                });
            }
        };
        let cell_error = |row: u64, column: usize, name: &str, message: String| LoadError::Cell {
            path: shown.clone(),
            row: usize::try_from(row).unwrap_or(usize::MAX),
            column: column + 1,
            name: name.to_owned(),
            message,
        };
        let header = match reader.headers() {
            Ok(header) => header.clone(),
            Err(e) => return errors.push(record_error(&e, &shown, &columns.names)),
        };
        if let Some(e) = header_mismatch(&header, &columns.names) {
            return errors.push(cell_error(1, e.0, &e.1, e.2));
        }
        let file = self.add_file(path);
        let table = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let metrics: Vec<_> = columns
            .values
            .iter()
            .map(|c| self.strings.intern(&c.metric))
            .collect();
        let letters: Vec<String> = columns
            .values
            .iter()
            .map(|c| column_letters(c.index))
            .collect();
        // Each cell's locator is its column's, with its row.
        let mut locators: Vec<Locator> = columns
            .values
            .iter()
            .map(|c| Locator {
                table: Some(table.clone()),
                column: Some(columns.names[c.index].clone()),
                ..Locator::default()
            })
            .collect();
        let mut rows_seen: HashMap<(super::Sym, super::Sym), u64> = HashMap::default();
        let file_len = std::fs::metadata(path).map_or(0, |m| m.len());
        let mut records = reader.into_records();
        let mut first_batch = true;
        loop {
            let batch: Vec<_> = records.by_ref().take(BATCH_ROWS).collect();
            if batch.is_empty() {
                break;
            }
            // Reading a cell's quantity is most of the work and needs nothing
            // of the store: it runs on every core; the rest follows in order.
            let cells = par_map(&batch, |record| {
                record
                    .as_ref()
                    .ok()
                    .map(|record| read_cells(record, columns))
            });
            if first_batch && batch.len() == BATCH_ROWS {
                // Size the store for the whole file from its first rows:
                // growing vectors of millions of facts by doubling copies
                // them again and again. Empty cells make this an upper bound.
                let bytes = records.reader().position().byte().max(1);
                let read = batch.len() as u64;
                let rows = file_len.saturating_mul(read) / bytes;
                let more = usize::try_from(rows.saturating_sub(read))
                    .unwrap_or(0)
                    .saturating_mul(columns.values.len());
                self.reserve_facts(more);
                if self.building.is_none() {
                    self.locators.reserve(more);
                }
            }
            first_batch = false;
            for (record, cells) in batch.into_iter().zip(cells) {
                let (record, cells) = match (record, cells) {
                    (Ok(record), Some(cells)) => (record, cells),
                    (Err(e), _) => {
                        errors.push(record_error(&e, &shown, &columns.names));
                        // A row that cannot be read as cells spoils none of the others.
                        continue;
                    }
                    (Ok(_), None) => continue,
                };
                let row = record.position().map_or(0, csv::Position::line);
                let entity = record[columns.entity].trim();
                let year = record[columns.year].trim();
                if entity.is_empty() {
                    errors.push(cell_error(
                        row,
                        columns.entity,
                        &columns.names[columns.entity],
                        "no entity: every row needs one".to_owned(),
                    ));
                    continue;
                }
                if year.parse::<i32>().is_err() {
                    errors.push(cell_error(
                        row,
                        columns.year,
                        &columns.names[columns.year],
                        format!("`{year}` is not a year"),
                    ));
                    continue;
                }
                let subject = self.strings.intern(entity);
                let period = self.strings.intern(year);
                if let Some(first) = rows_seen.insert((subject, period), row) {
                    errors.push(cell_error(
                        row,
                        columns.entity,
                        &columns.names[columns.entity],
                        format!("a second row for `{entity}` in {year} (the first is row {first})"),
                    ));
                    continue;
                }
                for ((((column, &metric), letters), locator), cell) in columns
                    .values
                    .iter()
                    .zip(&metrics)
                    .zip(&letters)
                    .zip(&mut locators)
                    .zip(cells)
                {
                    let name = &columns.names[column.index];
                    let value = match cell {
                        Cell::Missing => continue,
                        Cell::Value(value) => value,
                        Cell::Wrong(message) => {
                            errors.push(cell_error(row, column.index, name, message));
                            continue;
                        }
                    };
                    let id: std::sync::Arc<str> = format!("{id_prefix}{letters}{row}").into();
                    if let Some(&first) = self.by_id.get(&id) {
                        let origin = self.facts[first as usize].origin;
                        errors.push(LoadError::DuplicateId {
                            path: shown.clone(),
                            line: usize::try_from(row).unwrap_or(usize::MAX),
                            id: id.to_string(),
                            first: format!(
                                "{}:{}",
                                self.files[origin.file as usize].display(),
                                origin.line
                            ),
                        });
                        continue;
                    }
                    let line = u32::try_from(row).unwrap_or(u32::MAX);
                    locator.row = Some(line);
                    let fact = Fact {
                        id,
                        subject,
                        metric,
                        period: Some(period),
                        value,
                        locator: None,
                        url: None,
                        retrieved: None,
                        via: Box::default(),
                        quote: None,
                        derived: None,
                        corroboration: None,
                        seen_in_text: None,
                        draft: false,
                        source: Some(source),
                        origin: Origin { file, line },
                    };
                    self.push_fact(fact, Some(locator));
                }
            }
        }
    }
}

/// A value cell, read.
enum Cell {
    /// Empty, or one of the schema's texts for no value.
    Missing,
    Value(Quantity),
    /// Why the cell is no value.
    Wrong(String),
}

/// The value cells of a row, in the order of `columns.values`.
fn read_cells(record: &csv::StringRecord, columns: &Columns) -> Vec<Cell> {
    let mut text = String::new();
    columns
        .values
        .iter()
        .map(|column| {
            let cell = record.get(column.index).unwrap_or_default().trim();
            if columns.missing_values.iter().any(|m| m == cell) {
                return Cell::Missing;
            }
            if !is_decimal(cell) {
                return Cell::Wrong(format!("`{cell}` is not a number"));
            }
            text.clear();
            push_shifted(&mut text, cell, column.shift);
            text.push_str(&column.suffix);
            match parse_quantity(&text) {
                Ok(value) => Cell::Value(value),
                Err(e) => Cell::Wrong(format!("`{text}` is not a quantity: {}", e.message)),
            }
        })
        .collect()
}

/// The source a package describes, with what its `source.json` adds or
/// overrides; its id is the folder's name.
fn package_source(dir: &Path, package: &Package, errors: &mut Vec<LoadError>) -> Option<Source> {
    let first = package.sources.first();
    let mut publishers: Vec<&str> = Vec::new();
    for s in &package.sources {
        if let Some(p) = s.data_published_by.as_deref().map(str::trim)
            && !p.is_empty()
            && !publishers.contains(&p)
        {
            publishers.push(p);
        }
    }
    let url = package
        .sources
        .iter()
        .filter_map(|s| s.link.as_deref().or(s.path.as_deref()))
        .find_map(first_url)
        .or_else(|| package.homepage.as_deref().and_then(first_url));
    let package_source = Source {
        id: folder_name(dir),
        title: package
            .title
            .clone()
            .or_else(|| package.name.clone())
            .or_else(|| first.and_then(|s| s.title.clone().or_else(|| s.name.clone()))),
        publisher: (!publishers.is_empty()).then(|| publishers.join("; ")),
        published: None,
        url,
        licence: package
            .licenses
            .first()
            .and_then(|l| l.title.clone().or_else(|| l.name.clone())),
        kind: None,
        citation: None,
        retrieved: first.and_then(|s| s.retrieved_date.clone()),
        dir: dir.to_owned(),
    };
    let path = dir.join("source.json");
    if !path.exists() {
        return Some(package_source);
    }
    let overlay: Source = match read(&path)
        .and_then(|text| serde_json::from_str(&text).map_err(|e| json_error(&path, &e)))
    {
        Ok(overlay) => overlay,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    Some(Source {
        // The id may be left out: it is the folder's name.
        id: if overlay.id.is_empty() {
            package_source.id
        } else {
            overlay.id
        },
        title: overlay.title.or(package_source.title),
        publisher: overlay.publisher.or(package_source.publisher),
        published: overlay.published.or(package_source.published),
        url: overlay.url.or(package_source.url),
        licence: overlay.licence.or(package_source.licence),
        kind: overlay.kind.or(package_source.kind),
        citation: overlay.citation.or(package_source.citation),
        retrieved: overlay.retrieved.or(package_source.retrieved),
        dir: package_source.dir,
    })
}

/// Tells the entity, year and value columns apart; an error is a JSON
/// pointer under the schema and a message.
fn columns(schema: &Schema) -> Result<Columns, (String, String)> {
    let kind = |f: &Field| f.kind.as_deref().unwrap_or("string").to_ascii_lowercase();
    let entity = schema
        .fields
        .iter()
        .position(|f| kind(f) == "string")
        .ok_or_else(|| {
            (
                "/fields".to_owned(),
                "no field of type `string` to name each row's entity".to_owned(),
            )
        })?;
    let year = schema
        .fields
        .iter()
        .position(|f| kind(f) == "year" || f.name.eq_ignore_ascii_case("year"))
        .ok_or_else(|| {
            (
                "/fields".to_owned(),
                "no field of type `year` (or named `Year`) to give each row's period".to_owned(),
            )
        })?;
    let mut values = Vec::new();
    for (index, field) in schema.fields.iter().enumerate() {
        if index == entity
            || index == year
            || !matches!(kind(field).as_str(), "number" | "integer" | "any")
        {
            continue;
        }
        let at = format!("/fields/{index}");
        let owid =
            owid_display_settings(field).map_err(|m| (format!("{at}/owidDisplaySettings"), m))?;
        let unit = field
            .unit
            .clone()
            .or(owid.unit)
            .map(|u| u.trim().to_owned())
            .filter(|u| !u.is_empty());
        let (magnitude, shift) = match owid.conversion_factor {
            None => ("", 0),
            Some(factor) => scale(factor).ok_or_else(|| {
                (
                    format!("{at}/owidDisplaySettings"),
                    format!(
                        "conversionFactor {factor} is not a power of ten; claimcheck keeps \
                         values as written and cannot scale them by it"
                    ),
                )
            })?,
        };
        let mut suffix = String::from(magnitude);
        match unit.as_deref() {
            None => {}
            Some("%") => suffix.push('%'),
            Some(unit) => {
                suffix.push(' ');
                suffix.push_str(unit);
            }
        }
        // The unit must read as one, or every cell of the column would fail alike.
        match parse_quantity(&format!("1{suffix}")) {
            Ok(q) if q.qualifier.is_none() && (unit.is_none() || q.unit != Unit::Bare) => {}
            _ => {
                return Err((
                    at,
                    format!(
                        "unit `{}` is not one the quantity grammar reads",
                        unit.unwrap_or_default()
                    ),
                ));
            }
        }
        values.push(ValueColumn {
            index,
            metric: field.title.clone().unwrap_or_else(|| field.name.clone()),
            shift,
            suffix,
        });
    }
    if values.is_empty() {
        return Err((
            "/fields".to_owned(),
            "no value column (a field of type `number`, `integer` or `any`)".to_owned(),
        ));
    }
    Ok(Columns {
        names: schema.fields.iter().map(|f| f.name.clone()).collect(),
        entity,
        year,
        values,
        missing_values: schema.missing_values.clone(),
    })
}

/// OWID writes its settings as an object, or as a string holding one.
fn owid_display_settings(field: &Field) -> Result<OwidDisplaySettings, String> {
    match &field.owid_display_settings {
        None | Some(serde_json::Value::Null) => Ok(OwidDisplaySettings::default()),
        Some(serde_json::Value::String(text)) => {
            serde_json::from_str(text).map_err(|e| format!("not JSON in its string: {e}"))
        }
        Some(value) => OwidDisplaySettings::deserialize(value).map_err(|e| e.to_string()),
    }
}

/// A power of ten as a magnitude word where one fits, else as a shift of the
/// decimal point; `None` for any other factor.
fn scale(factor: f64) -> Option<(&'static str, i32)> {
    if !(factor.is_finite() && factor > 0.0) {
        return None;
    }
    let exponent = factor.log10().round() as i32;
    if 10f64.powi(exponent) != factor {
        return None;
    }
    Some(match exponent {
        3 => (" thousand", 0),
        6 => (" million", 0),
        9 => (" billion", 0),
        12 => (" trillion", 0),
        e => ("", e),
    })
}

/// Writes `cell` times 10^`shift` by moving its decimal point, so that the
/// digits written, and with them the precision, stay as they were.
fn push_shifted(out: &mut String, cell: &str, shift: i32) {
    if shift == 0 {
        return out.push_str(cell);
    }
    let (sign, digits) = match cell.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", cell),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all = format!("{whole}{fraction}");
    // The position of the decimal point in `all`, after the shift.
    let point = whole.len() as i64 + i64::from(shift);
    out.push_str(sign);
    // Zeros the shift brings to the front say nothing: `0.5` x 100 is `50`.
    let all = all.trim_start_matches('0');
    let point = point - (whole.len() + fraction.len() - all.len()) as i64;
    if all.is_empty() {
        return out.push('0');
    }
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n(
            '0',
            usize::try_from(-point).unwrap_or(0),
        ));
        out.push_str(all);
    } else if point as usize >= all.len() {
        out.push_str(all);
        out.extend(std::iter::repeat_n('0', point as usize - all.len()));
    } else {
        out.push_str(&all[..point as usize]);
        out.push('.');
        out.push_str(&all[point as usize..]);
    }
}

/// A plain decimal as data files write it: `-2.39`, `84.629`, `100`.
fn is_decimal(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// `A`, `B`, ..., `Z`, `AA`: a 0-based column as a spreadsheet names it.
fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The first column where the header and the schema disagree: its index,
/// its name and what is wrong.
fn header_mismatch(
    header: &csv::StringRecord,
    names: &[String],
) -> Option<(usize, String, String)> {
    for i in 0..header.len().max(names.len()) {
        match (header.get(i), names.get(i)) {
            (Some(h), Some(n)) if h == n => {}
            (Some(h), Some(n)) => {
                return Some((
                    i,
                    h.to_owned(),
                    format!(
                        "the schema calls column {} `{n}`; the file and its schema disagree",
                        i + 1
                    ),
                ));
            }
            (None, Some(n)) => {
                return Some((
                    i,
                    n.clone(),
                    format!(
                        "the schema's field is missing from the header, which has {} column{}",
                        header.len(),
                        if header.len() == 1 { "" } else { "s" }
                    ),
                ));
            }
            (Some(h), None) => {
                return Some((
                    i,
                    h.to_owned(),
                    format!(
                        "the header has a column the schema does not describe (it has {} field{})",
                        names.len(),
                        if names.len() == 1 { "" } else { "s" }
                    ),
                ));
            }
            (None, None) => {}
        }
    }
    None
}

/// A row the CSV reader could not read, located by row and, where it can
/// be told, column.
fn record_error(e: &csv::Error, path: &str, names: &[String]) -> LoadError {
    let row = e.position().map_or(0, csv::Position::line);
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            let expected = usize::try_from(*expected_len).unwrap_or(usize::MAX);
            let len = usize::try_from(*len).unwrap_or(usize::MAX);
            // The first cell too many, or the first one missing.
            let column = len.min(expected);
            LoadError::Cell {
                path: path.to_owned(),
                row: usize::try_from(row).unwrap_or(usize::MAX),
                column: column + 1,
                name: names.get(column).cloned().unwrap_or_default(),
                message: format!("the row has {len} cells, the header {expected}"),
            }
        }
        csv::ErrorKind::Utf8 { err, .. } => LoadError::Cell {
            path: path.to_owned(),
            row: usize::try_from(row).unwrap_or(usize::MAX),
            column: err.field() + 1,
            name: names.get(err.field()).cloned().unwrap_or_default(),
            message: "not UTF-8 text".to_owned(),
        },
        _ => LoadError::Io {
            path: path.to_owned(),
            message: csv_message(e),
        },
    }
}

fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) => io.to_string(),
        _ => e.to_string(),
    }
}

/// The first `http://` or `https://` address in free text (OWID puts
/// several, or HTML around them, in one string).
fn first_url(text: &str) -> Option<String> {
    let start = text.find("https://").or_else(|| text.find("http://"))?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | ','))
        .unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches(['.', ';', ')']).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shifted(cell: &str, shift: i32) -> String {
        let mut out = String::new();
        push_shifted(&mut out, cell, shift);
        out
    }

    #[test]
    fn a_shift_moves_the_point_and_keeps_every_digit() {
        assert_eq!(shifted("84.629", 0), "84.629");
        assert_eq!(shifted("84.629", 2), "8462.9");
        assert_eq!(shifted("84.629", 4), "846290");
        assert_eq!(shifted("-2.39", -2), "-0.0239");
        assert_eq!(shifted("12", 1), "120");
        assert_eq!(shifted("0.5", 2), "50");
        assert_eq!(shifted("0.05", 1), "0.5");
        assert_eq!(shifted("0.00", 2), "0");
    }

    #[test]
    fn only_powers_of_ten_scale() {
        assert_eq!(scale(1_000_000.0), Some((" million", 0)));
        assert_eq!(scale(100.0), Some(("", 2)));
        assert_eq!(scale(0.001), Some(("", -3)));
        assert_eq!(scale(3.6), None);
        assert_eq!(scale(0.0), None);
    }

    #[test]
    fn cells_are_plain_decimals() {
        for good in ["0", "-2.39", "84.629", "0.0016113034873199681"] {
            assert!(is_decimal(good), "{good}");
        }
        for bad in ["", "-", "1.", ".5", "1e-5", "12%", "n/a", "1,000"] {
            assert!(!is_decimal(bad), "{bad}");
        }
    }

    #[test]
    fn columns_are_lettered_as_in_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
    }

    #[test]
    fn the_first_address_is_taken_from_html_and_lists() {
        assert_eq!(
            first_url("- World Bank: https://data.worldbank.org/x </br> - CIA").as_deref(),
            Some("https://data.worldbank.org/x")
        );
        assert_eq!(
            first_url("https://a.org/1, http://b.org/2").as_deref(),
            Some("https://a.org/1")
        );
        assert_eq!(first_url("no address"), None);
    }
}

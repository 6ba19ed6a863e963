//! A fact's record in the index: its fields in a compact binary form, then
//! a hash of them, checked when the record is read.
//!
//! Numbers are LEB128 varints (the interned names of a table are small
//! numbers, a byte or two); an absent number is 0 and a present one n + 1;
//! a string is its length and its bytes; the locator's strings (a table's
//! file and column, a report's chapter, repeated by thousands of facts)
//! are numbers into a table of the index's head.

use rustc_hash::FxHashMap as HashMap;
use xxhash_rust::xxh3::xxh3_64;

use super::super::{Derivation, Fact, Locator, Origin, Store, Sym};
use crate::quantity::parse_quantity;

/// The locator's strings, each once, numbered as written.
#[derive(Debug, Default)]
pub(super) struct LocatorStrings {
    pub(super) strings: Vec<String>,
    ids: HashMap<String, u32>,
}

impl LocatorStrings {
    fn number(&mut self, s: &str) -> u32 {
        if let Some(&n) = self.ids.get(s) {
            return n;
        }
        let n = self.strings.len() as u32;
        self.strings.push(s.to_owned());
        self.ids.insert(s.to_owned(), n);
        n
    }
}

fn put_var(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_opt(out: &mut Vec<u8>, n: Option<u32>) {
    put_var(out, n.map_or(0, |n| u64::from(n) + 1));
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_var(out, s.len() as u64);
    out.extend(s.as_bytes());
}

fn put_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => {
            put_var(out, s.len() as u64 + 1);
            out.extend(s.as_bytes());
        }
        None => out.push(0),
    }
}

/// The record of `fact`, hash included, appended to `out`.
pub(super) fn encode(
    out: &mut Vec<u8>,
    fact: &Fact,
    locator: Option<&Locator>,
    strings: &mut LocatorStrings,
) {
    let start = out.len();
    put_str(out, &fact.id);
    put_var(out, u64::from(fact.subject.0));
    put_var(out, u64::from(fact.metric.0));
    put_opt(out, fact.period.map(|p| p.0));
    put_str(out, &fact.value.text);
    match locator {
        None => out.push(0),
        Some(l) => {
            let texts = [
                &l.chapter, &l.section, &l.page, &l.pages, &l.figure, &l.table, &l.column,
            ];
            // Bit 0 says there is a locator; bits 1-7 which strings it has.
            let mut mask = 1u8;
            for (bit, text) in texts.iter().enumerate() {
                if text.is_some() {
                    mask |= 2 << bit;
                }
            }
            out.push(mask);
            for text in texts.iter().copied().flatten() {
                put_var(out, u64::from(strings.number(text)));
            }
            put_opt(out, l.row);
            put_opt(out, l.line);
        }
    }
    put_opt(out, fact.url.map(|s| s.0));
    put_opt(out, fact.retrieved.map(|s| s.0));
    put_var(out, fact.via.len() as u64);
    for s in &fact.via {
        put_var(out, u64::from(s.0));
    }
    put_opt_str(out, fact.quote.as_deref());
    let derived = fact
        .derived
        .as_deref()
        .and_then(|d| serde_json::to_string(d).ok());
    put_opt_str(out, derived.as_deref());
    put_opt(out, fact.corroboration);
    out.push(match fact.seen_in_text {
        None => 0,
        Some(false) => 1,
        Some(true) => 2,
    });
    out.push(u8::from(fact.draft));
    put_opt(out, fact.source.map(|s| s as u32));
    put_var(out, u64::from(fact.origin.file));
    put_var(out, u64::from(fact.origin.line));
    let sum = xxh3_64(&out[start..]) as u32;
    out.extend(sum.to_le_bytes());
}

struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn u8(&mut self) -> Option<u8> {
        self.bytes(1).map(|b| b[0])
    }

    fn var(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<u32> {
        self.var().and_then(|n| u32::try_from(n).ok())
    }

    fn opt(&mut self) -> Option<Option<u32>> {
        match self.var()? {
            0 => Some(None),
            n => u32::try_from(n - 1).ok().map(Some),
        }
    }

    fn str(&mut self) -> Option<&'a str> {
        let len = usize::try_from(self.var()?).ok()?;
        std::str::from_utf8(self.bytes(len)?).ok()
    }

    fn opt_str(&mut self) -> Option<Option<&'a str>> {
        match usize::try_from(self.var()?).ok()? {
            0 => Some(None),
            len => std::str::from_utf8(self.bytes(len - 1)?).ok().map(Some),
        }
    }
}

/// The id a record starts with, unchecked: what an index being built reads
/// back to tell facts with equal id hashes apart.
pub(super) fn id(record: &[u8]) -> Option<&str> {
    Cursor(record).str()
}

/// A fact read back from its record; `None` when the hash or a field is
/// wrong (a name, source or file the store does not have is wrong too).
pub(super) fn decode(
    record: &[u8],
    store: &Store,
    locator_strings: &[String],
) -> Option<(Fact, Option<Locator>)> {
    let (payload, sum) = record.split_at_checked(record.len().checked_sub(4)?)?;
    if (xxh3_64(payload) as u32).to_le_bytes() != sum {
        return None;
    }
    let mut c = Cursor(payload);
    let strings = store.strings.strings.len() as u32;
    let sym = |n: u32| (n < strings).then_some(Sym(n));
    let opt_sym = |n: Option<u32>| -> Option<Option<Sym>> {
        match n {
            None => Some(None),
            Some(n) => sym(n).map(Some),
        }
    };
    let id = c.str()?;
    let subject = sym(c.u32()?)?;
    let metric = sym(c.u32()?)?;
    let period = opt_sym(c.opt()?)?;
    let value = parse_quantity(c.str()?).ok()?;
    let mask = c.u8()?;
    let locator = if mask & 1 == 0 {
        if mask != 0 {
            return None;
        }
        None
    } else {
        let mut text = |bit: u8| -> Option<Option<String>> {
            if mask & (2 << bit) == 0 {
                return Some(None);
            }
            let n = usize::try_from(c.var()?).ok()?;
            locator_strings.get(n).cloned().map(Some)
        };
        let (chapter, section, page, pages, figure, table, column) = (
            text(0)?,
            text(1)?,
            text(2)?,
            text(3)?,
            text(4)?,
            text(5)?,
            text(6)?,
        );
        Some(Locator {
            chapter,
            section,
            page,
            pages,
            figure,
            table,
            row: c.opt()?,
            column,
            line: c.opt()?,
        })
    };
    let url = opt_sym(c.opt()?)?;
    let retrieved = opt_sym(c.opt()?)?;
    let via_len = usize::try_from(c.var()?).ok()?;
    if via_len > c.0.len() {
        return None;
    }
    let via = (0..via_len)
        .map(|_| c.u32().and_then(sym))
        .collect::<Option<Box<[Sym]>>>()?;
    let quote = c.opt_str()?.map(Box::from);
    let derived = match c.opt_str()? {
        Some(json) => Some(Box::new(serde_json::from_str::<Derivation>(json).ok()?)),
        None => None,
    };
    let corroboration = c.opt()?;
    let seen_in_text = match c.u8()? {
        0 => None,
        1 => Some(false),
        2 => Some(true),
        _ => return None,
    };
    let draft = match c.u8()? {
        0 => false,
        1 => true,
        _ => return None,
    };
    let source = match c.opt()? {
        Some(s) if (s as usize) < store.sources.len() => Some(s as usize),
        Some(_) => return None,
        None => None,
    };
    let file = c.u32()?;
    let line = c.u32()?;
    if file as usize >= store.files.len() || !c.0.is_empty() {
        return None;
    }
    let fact = Fact {
        id: id.into(),
        subject,
        metric,
        period,
        value,
        locator: None,
        url,
        retrieved,
        via,
        quote,
        derived,
        corroboration,
        seen_in_text,
        draft,
        source,
        origin: Origin { file, line },
    };
    Some((fact, locator))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use std::path::Path;

    #[test]
    fn varints_read_back_at_their_edges() {
        for n in [
            0,
            1,
            127,
            128,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut out = Vec::new();
            put_var(&mut out, n);
            let mut c = Cursor(&out);
            assert_eq!(c.var(), Some(n));
            assert!(c.0.is_empty());
        }
        // Eleven bytes of continuation are no number.
        assert_eq!(Cursor(&[0xff; 11]).var(), None);
    }

    /// Every fact of a store with every kind of field (locators, quotes,
    /// derivations, via) reads back as written; every shorter or altered
    /// record is refused, never a panic.
    #[test]
    fn records_read_back_and_damage_is_refused() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sources");
        let store = Store::load(&root).unwrap();
        let mut strings = LocatorStrings::default();
        for (n, fact) in store.facts.iter().enumerate() {
            let mut record = Vec::new();
            encode(&mut record, fact, store.locator(fact), &mut strings);
            let (back, locator) = decode(&record, &store, &strings.strings).unwrap();
            assert_eq!(back.id, fact.id);
            assert_eq!(back.value, fact.value);
            assert_eq!(back.derived, fact.derived);
            assert_eq!(back.quote, fact.quote);
            assert_eq!(back.via, fact.via);
            assert_eq!((back.url, back.retrieved), (fact.url, fact.retrieved));
            assert_eq!(back.origin, fact.origin);
            assert_eq!(locator.as_ref(), store.locator(fact));
            if n % 50 == 0 {
                for len in 0..record.len() {
                    assert!(decode(&record[..len], &store, &strings.strings).is_none());
                }
                for at in 0..record.len() {
                    let mut bad = record.clone();
                    bad[at] ^= 0x10;
                    assert!(decode(&bad, &store, &strings.strings).is_none(), "{at}");
                }
            }
        }
    }
}

//! `audit --suggest`: a draft claims file for an article.
//!
//! One claim line per number that no claim states yet, at its `@L` line,
//! with the sentence quoted in a comment. Backed numbers name the fact that
//! backs them, contradicted ones the fact they contradict (so `check` says
//! mismatch), and unsourced ones a `TODO` reference for the editor to fill
//! in (so `check` says missing-provenance until then).

use std::fmt::Write;

use compact_str::CompactString;

use crate::claim::Reference;
use crate::quantity::{Number, Qualifier, Quantity, Unit, parse_quantity};
use crate::resolve::{Resolution, Scope, resolve};
use crate::store::Store;

use super::{Finding, Status};

/// How a claim names fact `f`: the explicit form when it is unambiguous,
/// the fact's id otherwise.
pub fn reference(store: &Store, f: u32) -> String {
    let fact = store.fact(f);
    let explicit = Reference::Explicit {
        subject: Some(store.str(fact.subject).to_owned()),
        metric: Some(store.str(fact.metric).to_owned()),
        period: fact.period.map(|p| store.str(p).to_owned()),
    };
    let clean = |s: &str| !s.contains(['|', '{', '}', '#']);
    let writable = clean(store.str(fact.subject))
        && clean(store.str(fact.metric))
        && fact.period.is_none_or(|p| clean(store.str(p)));
    if writable && resolve(store, &explicit, Scope::default()) == Resolution::Found(f) {
        explicit.to_string()
    } else {
        format!("{{{}}}", fact.id)
    }
}

/// A ratio as the growth it states, in percent: "more than doubled"
/// (`over 2x`) is `over 100%`, "halved" `-50%`; the digits written keep
/// their precision (2.6x is 160%). For a claim on a fact of growth.
pub fn ratio_as_growth(q: &Quantity) -> Option<Quantity> {
    let growth = |n: &Number| -> Option<Number> {
        let exponent = n.exponent + 2;
        let (scaled, hundred, exponent) = if exponent >= 0 {
            (
                n.mantissa
                    .checked_mul(10u128.checked_pow(exponent as u32)?)?,
                100,
                0,
            )
        } else {
            (
                n.mantissa,
                100u128.checked_mul(10u128.checked_pow(exponent.unsigned_abs())?)?,
                exponent,
            )
        };
        let signed = if n.negative {
            -(scaled as i128)
        } else {
            scaled as i128
        };
        let value = signed.checked_sub(hundred as i128)?;
        Some(Number {
            negative: value < 0,
            mantissa: value.unsigned_abs(),
            exponent,
        })
    };
    (q.unit == Unit::Multiple).then_some(())?;
    // "2.6 times" is 2.55x to 2.65x: a growth of 155% to 165%, not the
    // 159.5% to 160.5% that "160%" would say.
    if q.qualifier.is_none() && q.high.is_none() && q.low.exponent + 2 > 0 {
        let edge = |offset: i128| -> Option<Number> {
            let tenfold = (q.low.mantissa as i128)
                .checked_mul(10)?
                .checked_add(offset)?;
            growth(&Number {
                negative: q.low.negative,
                mantissa: tenfold.unsigned_abs(),
                exponent: q.low.exponent - 1,
            })
        };
        return Some(Quantity {
            text: q.text.clone(),
            qualifier: None,
            low: edge(-5)?,
            high: Some(edge(5)?),
            unit: Unit::Percent,
        });
    }
    Some(Quantity {
        text: q.text.clone(),
        qualifier: q.qualifier,
        low: growth(&q.low)?,
        high: match &q.high {
            Some(high) => Some(growth(high)?),
            None => None,
        },
        unit: Unit::Percent,
    })
}

/// The quantity in claim syntax, rebuilt from what prose mode read
/// ("more than doubled" is `over 2x`, "14-15%" is `14%..15%`), so the claim
/// grammar reads exactly the same value, precision and unit.
///
/// Written into a string that holds most values inline: an audit makes one
/// per number.
/// The quantity with the opposite sign: a fall's magnitude as the change
/// it is ("dropped 11%" is `-11%`, "fell more than 10%" `under -10%`).
pub fn negated(q: &Quantity) -> Quantity {
    let flip = |n: &Number| Number {
        negative: !n.negative && n.mantissa != 0,
        ..*n
    };
    let qualifier = q.qualifier.map(|qualifier| match qualifier {
        Qualifier::Over => Qualifier::Under,
        Qualifier::Under => Qualifier::Over,
        Qualifier::AtLeast => Qualifier::AtMost,
        Qualifier::AtMost => Qualifier::AtLeast,
        other => other,
    });
    let (low, high) = match &q.high {
        Some(high) => (flip(high), Some(flip(&q.low))),
        None => (flip(&q.low), None),
    };
    Quantity {
        text: q.text.clone(),
        qualifier,
        low,
        high,
        unit: q.unit.clone(),
    }
}

pub fn claim_value(q: &Quantity) -> CompactString {
    let mut out = CompactString::const_new("");
    write_claim_value(&mut out, q);
    out
}

fn write_claim_value(out: &mut CompactString, q: &Quantity) {
    // "nearly half" is as coarse as its fraction; "nearly 50%" is not.
    if q.in_fraction_words()
        && parse_quantity(&q.text).is_ok_and(|read| {
            (read.qualifier, read.low, read.high, &read.unit)
                == (q.qualifier, q.low, q.high, &q.unit)
        })
    {
        out.push_str(&q.text);
        return;
    }
    if let Some(qualifier) = q.qualifier {
        out.push_str(match qualifier {
            Qualifier::Over => "over ",
            Qualifier::AtLeast => "at least ",
            Qualifier::Under => "under ",
            Qualifier::AtMost => "up to ",
            Qualifier::Nearly => "nearly ",
            Qualifier::About => "about ",
        });
    }
    write_amount(out, &q.low, &q.unit);
    if let Some(high) = &q.high {
        out.push_str("..");
        write_amount(out, high, &q.unit);
    }
}

fn write_amount(out: &mut CompactString, n: &Number, unit: &Unit) {
    if let Unit::Rate(amount, per) = unit {
        write_amount(out, n, amount);
        out.push_str(" per ");
        out.push_str(per.singular_symbol());
        return;
    }
    let suffix = |out: &mut CompactString, words: [&str; 2]| {
        for w in words {
            out.push_str(w);
        }
    };
    match unit {
        Unit::Currency(code) if code == "USD" => {
            // The sign goes before the dollar sign: `-$99.99`.
            out.push_str(if n.negative { "-$" } else { "$" });
            write_number(out, n, false);
        }
        _ => {
            write_number(out, n, true);
            match unit {
                Unit::Bare => {}
                Unit::Percent => out.push('%'),
                Unit::PercentagePoints => out.push_str("pp"),
                Unit::Multiple => out.push('x'),
                Unit::Currency(code) => suffix(out, [" ", code]),
                // `1 year`, not `1 years`.
                Unit::Measure(m) if n.value() == 1.0 => suffix(out, [" ", m.singular_symbol()]),
                Unit::Measure(m) => suffix(out, [" ", m.symbol]),
                Unit::Noun(noun) => suffix(out, [" ", noun]),
                // Written above, before any match on the amount.
                Unit::Rate(..) => {}
            }
        }
    }
}

/// Digits that keep the precision: the last digit keeps its weight, with a
/// magnitude word when the weight is a thousand or more (`17.1 million`).
#[cfg(test)]
fn number(n: &Number) -> CompactString {
    let mut out = CompactString::const_new("");
    write_number(&mut out, n, true);
    out
}

/// The decimal digits of `mantissa`, written at the end of `buffer`.
fn decimal_digits(mantissa: u128, buffer: &mut [u8; 40]) -> &[u8] {
    let mut at = buffer.len();
    // Nearly every mantissa fits 64 bits, where division is a few cycles;
    // 128-bit division is a call into a slow routine, per digit.
    let mut push = |digit: u8| {
        at -= 1;
        buffer[at] = b'0' + digit;
    };
    match u64::try_from(mantissa) {
        Ok(mut m) => loop {
            push((m % 10) as u8);
            m /= 10;
            if m == 0 {
                break;
            }
        },
        Err(_) => {
            let mut m = mantissa;
            loop {
                push((m % 10) as u8);
                m /= 10;
                if m == 0 {
                    break;
                }
            }
        }
    }
    &buffer[at..]
}

/// [`number`] written into `out`, with its minus sign when `signed`.
fn write_number(out: &mut CompactString, n: &Number, signed: bool) {
    if signed && n.negative {
        out.push('-');
    }
    // The mantissa's digits, without a String per number.
    let mut buffer = [0u8; 40];
    let digits = decimal_digits(n.mantissa, &mut buffer);
    // The power of ten of the leading digit picks the magnitude word.
    let size = digits.len() as i32 - 1 + n.exponent;
    let (magnitude, word) = match size {
        _ if n.exponent < 3 => (0, ""),
        s if s >= 12 => (12, " trillion"),
        s if s >= 9 => (9, " billion"),
        s if s >= 6 => (6, " million"),
        _ => (3, " thousand"),
    };
    let exponent = n.exponent - magnitude;
    let push_digits = |out: &mut CompactString, digits: &[u8]| {
        out.extend(digits.iter().map(|&d| char::from(d)));
    };
    if exponent >= 0 {
        push_digits(out, digits);
        out.extend(std::iter::repeat_n('0', exponent as usize));
    } else {
        // At least one digit before the point: `0.005`.
        let point = exponent.unsigned_abs() as usize;
        let zeros = (point + 1).saturating_sub(digits.len());
        let padded_len = digits.len() + zeros;
        let whole_len = padded_len - point;
        let mut written = 0;
        let mut put = |out: &mut CompactString, c: char| {
            if written == whole_len {
                out.push('.');
            }
            out.push(c);
            written += 1;
        };
        for _ in 0..zeros {
            put(out, '0');
        }
        for &d in digits {
            put(out, char::from(d));
        }
    }
    out.push_str(word);
}

/// The draft claims file for one article's findings.
pub fn draft(article: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Draft claims for {article}, written by `claimcheck audit --suggest`.\n\
         # Backed numbers name the fact that backs them; contradicted ones the fact\n\
         # they contradict; TODO marks a number no fact answers: name one, or delete the line."
    );
    let _ = writeln!(out, "@article {article}");
    let mut lines: Vec<(u32, String, String)> = Vec::new();
    for f in findings.iter().filter(|f| f.status != Status::Claimed) {
        let Some(claim) = f.suggested_line() else {
            continue;
        };
        let note = format!(
            "{}: \"{}\"",
            f.status.as_str(),
            fragment(&f.sentence(), &f.text())
        );
        lines.push((f.line, claim, note));
    }
    let width = lines
        .iter()
        .map(|(_, c, _)| c.chars().count())
        .max()
        .unwrap_or(0)
        .min(72);
    for (line, claim, note) in lines {
        let pad = width.saturating_sub(claim.chars().count());
        let _ = writeln!(out, "{claim}{} @L{line}   # {note}", " ".repeat(pad + 1));
    }
    out
}

/// About 60 characters of the sentence around the number, on one line.
fn fragment(sentence: &str, number: &str) -> String {
    let chars: Vec<char> = sentence.chars().collect();
    let at = sentence
        .find(number)
        .map_or(0, |b| sentence[..b].chars().count());
    // About 30 characters each side, widened to whole words.
    let mut start = at.saturating_sub(30);
    while start > 0 && !chars[start - 1].is_whitespace() {
        start -= 1;
    }
    let mut end = (at + number.chars().count() + 30).min(chars.len());
    while end < chars.len() && !chars[end].is_whitespace() {
        end += 1;
    }
    let mut text: String = chars[start..end].iter().collect();
    text = text.replace('"', "'");
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < chars.len() { "…" } else { "" };
    format!("{lead}{}{tail}", text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::prose_quantity;

    fn value(prose: &str) -> CompactString {
        let (q, _) = prose_quantity(prose, true).unwrap_or_else(|| panic!("{prose}"));
        claim_value(&q)
    }

    #[test]
    fn prose_becomes_claim_syntax() {
        assert_eq!(value("over 60%"), "over 60%");
        assert_eq!(value("more than $150 billion"), "over $150 billion");
        assert_eq!(value("29.6 GW"), "29.6 GW");
        assert_eq!(value("-13pp"), "-13pp");
        assert_eq!(value("$285.9 billion"), "$285.9 billion");
        assert_eq!(value("more than doubled"), "over 2x");
        assert_eq!(value("twenty-three times"), "23x");
        assert_eq!(value("14-15%"), "14%..15%");
        // A fraction keeps its words: it is coarser than its digits.
        assert_eq!(value("nearly half"), "nearly half");
        assert_eq!(value("a third"), "a third");
        assert_eq!(value("17.1 million"), "17.1 million");
        assert_eq!(value("fewer than 25"), "under 25");
        assert_eq!(value("one year"), "1 year");
        assert_eq!(value("two decades"), "2 decades");
    }

    #[test]
    fn ratios_become_the_growth_they_state() {
        let growth = |prose: &str| {
            let (q, _) = prose_quantity(prose, true).unwrap_or_else(|| panic!("{prose}"));
            ratio_as_growth(&q).map(|g| claim_value(&g))
        };
        assert_eq!(growth("more than doubled").as_deref(), Some("over 100%"));
        assert_eq!(growth("tripled").as_deref(), Some("150%..250%"));
        assert_eq!(growth("halved").as_deref(), Some("-55%..-45%"));
        assert_eq!(growth("2.6 times").as_deref(), Some("155%..165%"));
        assert_eq!(growth("1.25x").as_deref(), Some("25%"));
        assert_eq!(growth("40%"), None);
    }

    #[test]
    fn numbers_keep_their_precision() {
        let n = |mantissa, exponent| Number {
            negative: false,
            mantissa,
            exponent,
        };
        assert_eq!(number(&n(171, 5)), "17.1 million");
        assert_eq!(number(&n(5, -3)), "0.005");
        assert_eq!(number(&n(72816, 0)), "72816");
        assert_eq!(number(&n(3, 2)), "300");
        // Past 64 bits the digits come from the 128-bit mantissa.
        assert_eq!(number(&n(u128::from(u64::MAX), 0)), "18446744073709551615");
        assert_eq!(
            number(&n(123_456_789_012_345_678_901_234_567, -27)),
            "0.123456789012345678901234567"
        );
    }
}

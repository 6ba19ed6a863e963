//! Chinese: magnitudes and units written right after digits, as Chinese
//! writes them with no space (`2859亿美元`, `1.2万`, `88%的`, `23倍`,
//! `提高了5个百分点`), and the end of a number where a Han character follows.

use super::*;

/// Magnitude characters and their powers of ten; a run of them multiplies
/// (`百万` is 10^6, `万亿` 10^12).
const MAGNITUDES: &[(char, i32)] = &[
    ('十', 1),
    ('百', 2),
    ('千', 3),
    ('万', 4),
    ('萬', 4),
    ('亿', 8),
    ('億', 8),
];

/// Unit words after a number, longest first where one starts another.
fn units() -> [(&'static str, Unit); 13] {
    let currency = |code| Unit::Currency(CompactString::const_new(code));
    [
        ("个百分点", Unit::PercentagePoints),
        ("百分点", Unit::PercentagePoints),
        ("%", Unit::Percent),
        ("％", Unit::Percent),
        ("倍", Unit::Multiple),
        ("美元", currency("USD")),
        ("欧元", currency("EUR")),
        ("日元", currency("JPY")),
        ("英镑", currency("GBP")),
        ("港元", currency("HKD")),
        ("人民币", currency("CNY")),
        ("元", currency("CNY")),
        ("块", currency("CNY")),
    ]
}

/// A Han character: Chinese runs on from a number with no space.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// After digits: a run of magnitude characters and a unit, either or both,
/// or nothing before a Han character (`5个`, `2026年`). The power of ten
/// and the unit read; an error where no Han character follows the digits.
pub(super) fn zh_suffix(i: &str) -> PResult<'_, (i32, Option<Unit>)> {
    if !i.starts_with(|c: char| is_han(c) || c == '％') {
        return Err(no_match(i, "a Chinese magnitude or unit"));
    }
    let mut rest = i;
    let mut power = 0;
    while let Some(&(c, p)) = rest
        .chars()
        .next()
        .and_then(|first| MAGNITUDES.iter().find(|(c, _)| *c == first))
    {
        // `百分点` is a unit, not a hundred.
        if c == '百' && rest.starts_with("百分点") {
            break;
        }
        power += p;
        rest = &rest[c.len_utf8()..];
    }
    let unit = units()
        .into_iter()
        .find_map(|(word, unit)| rest.strip_prefix(word).map(|after| (after, unit)));
    match unit {
        Some((after, unit)) => Ok((after, (power, Some(unit)))),
        None => Ok((rest, (power, None))),
    }
}

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

/// Measures written in Chinese, by the unit table's own name for each
/// (so `29.6吉瓦` and `29.6 GW` are one measure), longest first where one
/// starts another.
const MEASURES: &[(&str, &str)] = &[
    ("吉瓦时", "gwh"),
    ("太瓦时", "twh"),
    ("兆瓦时", "mwh"),
    ("千瓦时", "kwh"),
    ("吉瓦", "gw"),
    ("太瓦", "tw"),
    ("兆瓦", "mw"),
    ("千瓦", "kw"),
    ("公里", "km"),
    ("千米", "km"),
    ("厘米", "cm"),
    ("毫米", "mm"),
    ("纳米", "nm"),
    ("吨二氧化碳当量", "tco2e"),
    // Mixed text names the gas in Latin letters: 27,816吨 CO2e.
    ("吨 CO2e", "tco2e"),
    ("吨CO2e", "tco2e"),
    ("吨 CO₂e", "tco2e"),
    ("吨CO₂e", "tco2e"),
    ("吨", "tonne"),
    ("千升", "kiloliter"),
    ("升", "liter"),
    ("公斤", "kg"),
    ("千克", "kg"),
    ("毫克", "mg"),
    ("小时", "hour"),
    ("分钟", "minute"),
    ("个月", "month"),
    ("秒", "second"),
    ("天", "day"),
    ("周", "week"),
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

/// Chinese qualifiers, written right before the number with no space
/// (`超过一半`, `约2859亿美元`, `近90%`), longest first where one ends
/// another (`大约` before `约`).
pub(crate) const ZH_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("超过了", Qualifier::Over),
    ("超过", Qualifier::Over),
    ("多于", Qualifier::Over),
    ("高于", Qualifier::Over),
    ("逾", Qualifier::Over),
    ("至少", Qualifier::AtLeast),
    ("不到", Qualifier::Under),
    ("不足", Qualifier::Under),
    ("少于", Qualifier::Under),
    ("低于", Qualifier::Under),
    ("多达", Qualifier::AtMost),
    ("至多", Qualifier::AtMost),
    ("最多", Qualifier::AtMost),
    ("将近", Qualifier::Nearly),
    ("接近", Qualifier::Nearly),
    ("近", Qualifier::Nearly),
    ("大约", Qualifier::About),
    ("大概", Qualifier::About),
    ("约为", Qualifier::About),
    ("约有", Qualifier::About),
    ("约合", Qualifier::About),
    ("约", Qualifier::About),
];

/// The Chinese qualifier right after a number that `text` starts with.
pub(super) fn zh_qualifier_after(text: &str) -> Option<(Qualifier, &'static str)> {
    const AFTER: [(&str, Qualifier); 3] = [
        ("以上", Qualifier::Over),
        ("以下", Qualifier::Under),
        ("左右", Qualifier::About),
    ];
    AFTER
        .iter()
        .find(|(word, _)| text.starts_with(word))
        .map(|&(word, qualifier)| (qualifier, word))
}

/// The Chinese qualifier `text` starts with, and its length.
pub(crate) fn zh_qualifier_at_start(text: &str) -> Option<(Qualifier, usize)> {
    ZH_QUALIFIERS
        .iter()
        .find(|(phrase, _)| text.starts_with(phrase))
        .map(|&(phrase, qualifier)| (qualifier, phrase.len()))
}

/// The Chinese qualifier `text` ends with, and its length.
pub(crate) fn zh_qualifier_at_end(text: &str) -> Option<(Qualifier, usize)> {
    // Every one ends in a Han character; most numbers follow none.
    if !text.chars().next_back().is_some_and(is_han) {
        return None;
    }
    ZH_QUALIFIERS
        .iter()
        .find(|(phrase, _)| text.ends_with(phrase))
        .map(|&(phrase, qualifier)| (qualifier, phrase.len()))
}

/// Whether a character is a measure word: it stands between a count and
/// what it counts (`50个重要AI模型`, `1953家公司`), as no year's 年 does;
/// 次 counts times (`1100万次出行`, rides), 辆 vehicles, 场 events.
pub fn is_measure_word(c: char) -> bool {
    "个项家起篇台名位所座款种件条部颗次辆张场份".contains(c)
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
        // `百分点` is a unit, not a hundred, and so are the 千 of 千瓦 and
        // 千升 and the 兆 of 兆瓦.
        if c == '百' && rest.starts_with("百分点")
            || MEASURES.iter().any(|(word, _)| rest.starts_with(word))
        {
            break;
        }
        power += p;
        rest = &rest[c.len_utf8()..];
    }
    let unit = units()
        .into_iter()
        .find_map(|(word, unit)| rest.strip_prefix(word).map(|after| (word, after, unit)))
        .or_else(|| {
            MEASURES.iter().find_map(|&(word, english)| {
                let after = rest.strip_prefix(word)?;
                Some((word, after, unit_from_words(english)))
            })
        })
        // 块 is money alone or in 块钱, but a measure word before a noun (３块芯片).
        .filter(|(word, after, _)| {
            *word != "块" || after.starts_with('钱') || !after.starts_with(is_han)
        })
        .map(|(_, after, unit)| (after, unit));
    match unit {
        Some((after, unit)) => Ok((after, (power, Some(unit)))),
        None => Ok((rest, (power, None))),
    }
}

/// Chinese digits and their values.
const DIGITS: &[(char, u128)] = &[
    ('零', 0),
    ('〇', 0),
    ('一', 1),
    ('二', 2),
    ('两', 2),
    ('三', 3),
    ('四', 4),
    ('五', 5),
    ('六', 6),
    ('七', 7),
    ('八', 8),
    ('九', 9),
];

/// Whether a Chinese numeral may start with `c`: a digit, 十 (十二), 百
/// (百分之), or a full-width digit (`９０％`).
pub fn starts_chinese_numeral(c: char) -> bool {
    c == '十' || c == '百' || is_full_width_digit(c) || DIGITS.iter().any(|(d, _)| *d == c)
}

/// `０`…`９`, the digits of East Asian full-width text.
fn is_full_width_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// `９０`, `１．５`: full-width digits (with a full-width or ASCII point),
/// read as the ASCII digits they stand for. Returns the number and the rest.
fn full_width_number(i: &str) -> PResult<'_, Number> {
    let mut ascii = String::new();
    let mut end = 0;
    let mut chars = i.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let digit_follows = chars.peek().is_some_and(|&(_, n)| is_full_width_digit(n));
        if is_full_width_digit(c) {
            ascii.push(char::from(b'0' + (u32::from(c) - u32::from('０')) as u8));
        } else if matches!(c, '．' | '.') && digit_follows && !ascii.contains('.') {
            ascii.push('.');
        } else {
            break;
        }
        end = at + c.len_utf8();
    }
    match decimal_digits(&ascii) {
        Some((mantissa, exponent)) if end > 0 => Ok((&i[end..], plain(mantissa, exponent))),
        _ => Err(no_match(i, "full-width digits")),
    }
}

fn digit_value(c: char) -> Option<u128> {
    DIGITS.iter().find(|(d, _)| *d == c).map(|(_, v)| *v)
}

/// `两千三百`, `一万两千`, `三百亿`, `十二点五`: a Chinese cardinal, as a
/// number precise to its last digit or, after 万 or 亿, to that magnitude.
fn chinese_cardinal(i: &str) -> PResult<'_, Number> {
    let mut total: u128 = 0;
    let mut section: u128 = 0;
    let mut digit: Option<u128> = None;
    let mut read = 0;
    let mut last_magnitude: i32 = 0;
    let mut chars = i.char_indices().peekable();
    let mut started = false;
    while let Some(&(at, c)) = chars.peek() {
        let small = match c {
            '十' => Some(1),
            '百' => Some(2),
            '千' => Some(3),
            _ => None,
        };
        if let Some(d) = digit_value(c) {
            // 零 holds a place (一千零五): the digit after it counts.
            if digit.is_some_and(|d| d != 0) {
                break;
            }
            digit = Some(d);
        } else if let Some(p) = small {
            // 十二 is twelve: a leading 十 counts one ten.
            if digit.is_none() && (started || c != '十') {
                break;
            }
            section += digit.take().unwrap_or(1) * 10u128.pow(p);
        } else if c == '万' || c == '亿' {
            if !started {
                break;
            }
            let p: i32 = if c == '万' { 4 } else { 8 };
            let scale = 10u128.pow(p as u32);
            let part = section + digit.take().unwrap_or(0);
            // A run of magnitudes (一亿亿亿...) can outgrow any number.
            let grown = if part == 0 {
                total.checked_mul(scale)
            } else if c == '亿' {
                (total + part).checked_mul(scale)
            } else {
                part.checked_mul(scale).and_then(|p| total.checked_add(p))
            };
            let Some(grown) = grown else {
                return Err(no_match(i, "a number that fits"));
            };
            total = grown;
            section = 0;
            last_magnitude = if part == 0 { last_magnitude + p } else { p };
        } else {
            break;
        }
        started = true;
        read = at + c.len_utf8();
        chars.next();
    }
    if read == 0 {
        return Err(no_match(i, "a Chinese numeral"));
    }
    let ended_on_magnitude = i[..read].ends_with(['万', '亿']);
    let whole = total + section + digit.unwrap_or(0);
    let mut rest = &i[read..];
    // 十二点五: decimals after 点, one digit each.
    let mut number = plain(whole, 0);
    if let Some(after) = rest.strip_prefix('点') {
        let decimals: Vec<u128> = after.chars().map_while(digit_value).collect();
        if !decimals.is_empty() {
            for d in &decimals {
                let Some(m) = number.mantissa.checked_mul(10) else {
                    return Err(no_match(i, "a number that fits"));
                };
                number.mantissa = m + d;
                number.exponent -= 1;
            }
            let len: usize = after.chars().take(decimals.len()).map(char::len_utf8).sum();
            rest = &after[len..];
        }
    } else if ended_on_magnitude {
        while number.exponent < last_magnitude && number.mantissa.is_multiple_of(10) {
            number.mantissa /= 10;
            number.exponent += 1;
        }
    }
    Ok((rest, number))
}

/// A number written in Chinese numerals: `百分之八十八` (a percentage),
/// `三分之一` and `一半` (shares), `九成` (tenths), or a cardinal with an optional
/// magnitude and unit (`三百亿美元`, `两千三百`).
pub(super) fn zh_numeral_amount(i: &str) -> PResult<'_, (Number, Unit)> {
    if !i.starts_with(starts_chinese_numeral) {
        return Err(no_match(i, "a Chinese numeral"));
    }
    if i.starts_with(is_full_width_digit) {
        let (rest, mut number) = full_width_number(i)?;
        let (rest, (power, unit)) = zh_suffix(rest).unwrap_or((rest, (0, None)));
        number.exponent += power;
        return Ok((rest, (number, unit.unwrap_or(Unit::Bare))));
    }
    if let Some(after) = i.strip_prefix("百分之") {
        let (rest, number) = chinese_cardinal(after)?;
        return Ok((rest, (number, Unit::Percent)));
    }
    // 一半, "half": a share, as 二分之一 is.
    if let Some(rest) = i.strip_prefix("一半") {
        return Ok((rest, (share(1, 2), Unit::Percent)));
    }
    let (rest, number) = chinese_cardinal(i)?;
    if let Some(after) = rest.strip_prefix("分之") {
        let (rest, numerator) = chinese_cardinal(after)?;
        // Shares of small wholes only: 三分之一, 十分之七.
        if number.exponent != 0 || numerator.exponent != 0 || number.mantissa == 0 {
            return Err(no_match(i, "a fraction"));
        }
        let (denominator, numerator) = (number.mantissa, numerator.mantissa);
        return Ok((rest, (share(numerator, denominator), Unit::Percent)));
    }
    if let Some(rest) = rest.strip_prefix('成')
        && number.exponent == 0
        && number.mantissa < 10
    {
        return Ok((rest, (plain(number.mantissa * 10, 0), Unit::Percent)));
    }
    let (rest, (power, unit)) = match zh_suffix(rest) {
        Ok(read) => read,
        Err(_) => (rest, (0, None)),
    };
    let mut number = number;
    number.exponent += power;
    Ok((rest, (number, unit.unwrap_or(Unit::Bare))))
}

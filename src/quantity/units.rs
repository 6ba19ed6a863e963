//! The one table of units: measures with their dimension and factor to the
//! base unit (so `29.6 GW` and `29,600 MW` compare), currency codes, signs and
//! names, and the unit words each grammar reads after a number.

use super::*;

/// A unit of measure with a dimension; conversions stay inside a dimension.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    pub symbol: &'static str,
    pub dimension: &'static str,
    pub factor: f64,
}

pub(super) const MEASURES: &[(&str, Measure)] = &[
    ("w", measure("W", "power", 1.0)),
    ("kw", measure("kW", "power", 1e3)),
    ("mw", measure("MW", "power", 1e6)),
    ("gw", measure("GW", "power", 1e9)),
    ("tw", measure("TW", "power", 1e12)),
    ("wh", measure("Wh", "energy", 1.0)),
    ("kwh", measure("kWh", "energy", 1e3)),
    ("mwh", measure("MWh", "energy", 1e6)),
    ("gwh", measure("GWh", "energy", 1e9)),
    ("twh", measure("TWh", "energy", 1e12)),
    ("kb", measure("KB", "data", 1e3)),
    ("mb", measure("MB", "data", 1e6)),
    ("gb", measure("GB", "data", 1e9)),
    ("tb", measure("TB", "data", 1e12)),
    ("pb", measure("PB", "data", 1e15)),
    ("second", measure("seconds", "time", 1.0)),
    ("minute", measure("minutes", "time", 60.0)),
    ("hour", measure("hours", "time", 3600.0)),
    ("day", measure("days", "time", 86400.0)),
    ("week", measure("weeks", "time", 604800.0)),
    ("month", measure("months", "time", 2629800.0)),
    ("year", measure("years", "time", 31557600.0)),
    ("liter", measure("liters", "volume", 1.0)),
    ("litre", measure("liters", "volume", 1.0)),
    ("kiloliter", measure("kiloliters", "volume", 1e3)),
    ("kilolitre", measure("kiloliters", "volume", 1e3)),
    ("megaliter", measure("megaliters", "volume", 1e6)),
    ("tco2e", measure("tCO2e", "emissions", 1.0)),
    ("t co2e", measure("tCO2e", "emissions", 1.0)),
    ("tonnes co2e", measure("tCO2e", "emissions", 1.0)),
    ("tons co2e", measure("tCO2e", "emissions", 1.0)),
    (
        "tonnes of co2 equivalent",
        measure("tCO2e", "emissions", 1.0),
    ),
    ("tons of co2 equivalent", measure("tCO2e", "emissions", 1.0)),
    (
        "metric tons of co2 equivalent",
        measure("tCO2e", "emissions", 1.0),
    ),
    ("ktco2e", measure("ktCO2e", "emissions", 1e3)),
    ("mtco2e", measure("MtCO2e", "emissions", 1e6)),
    ("hr", measure("hours", "time", 3600.0)),
    ("min", measure("minutes", "time", 60.0)),
    ("metre", measure("m", "length", 1.0)),
    ("meter", measure("m", "length", 1.0)),
    ("km", measure("km", "length", 1e3)),
    ("kilometre", measure("km", "length", 1e3)),
    ("kilometer", measure("km", "length", 1e3)),
    ("cm", measure("cm", "length", 1e-2)),
    ("centimetre", measure("cm", "length", 1e-2)),
    ("centimeter", measure("cm", "length", 1e-2)),
    ("mm", measure("mm", "length", 1e-3)),
    ("millimetre", measure("mm", "length", 1e-3)),
    ("millimeter", measure("mm", "length", 1e-3)),
    ("nm", measure("nm", "length", 1e-9)),
    ("nanometre", measure("nm", "length", 1e-9)),
    ("nanometer", measure("nm", "length", 1e-9)),
    ("mile", measure("miles", "length", 1609.344)),
    ("mi", measure("miles", "length", 1609.344)),
    ("inch", measure("inches", "length", 0.0254)),
    ("inches", measure("inches", "length", 0.0254)),
    ("foot", measure("feet", "length", 0.3048)),
    ("feet", measure("feet", "length", 0.3048)),
    ("ft", measure("feet", "length", 0.3048)),
    ("yard", measure("yards", "length", 0.9144)),
    ("km2", measure("km²", "area", 1e6)),
    ("gram", measure("g", "mass", 1e-3)),
    ("kg", measure("kg", "mass", 1.0)),
    ("kilogram", measure("kg", "mass", 1.0)),
    ("mg", measure("mg", "mass", 1e-6)),
    ("milligram", measure("mg", "mass", 1e-6)),
    ("tonne", measure("tonnes", "mass", 1e3)),
    ("lb", measure("lb", "mass", 0.45359237)),
    ("ml", measure("ml", "volume", 1e-3)),
    ("millilitre", measure("ml", "volume", 1e-3)),
    ("milliliter", measure("ml", "volume", 1e-3)),
    ("gallon", measure("US gallons", "volume", 3.785411784)),
    ("byte", measure("B", "data", 1.0)),
    ("bit", measure("bits", "data", 0.125)),
    ("kilobyte", measure("KB", "data", 1e3)),
    ("megabyte", measure("MB", "data", 1e6)),
    ("gigabyte", measure("GB", "data", 1e9)),
    ("terabyte", measure("TB", "data", 1e12)),
    ("petabyte", measure("PB", "data", 1e15)),
    ("exabyte", measure("EB", "data", 1e18)),
    ("kibibyte", measure("KiB", "data", 1024.0)),
    ("watt", measure("W", "power", 1.0)),
    ("kilowatt", measure("kW", "power", 1e3)),
    ("megawatt", measure("MW", "power", 1e6)),
    ("gigawatt", measure("GW", "power", 1e9)),
    ("terawatt", measure("TW", "power", 1e12)),
    ("hz", measure("Hz", "frequency", 1.0)),
    ("khz", measure("kHz", "frequency", 1e3)),
    ("mhz", measure("MHz", "frequency", 1e6)),
    ("ghz", measure("GHz", "frequency", 1e9)),
    ("hertz", measure("Hz", "frequency", 1.0)),
    ("joule", measure("J", "energy", 1.0 / 3600.0)),
    ("kelvin", measure("K", "temperature (kelvin)", 1.0)),
];

pub(super) const fn measure(symbol: &'static str, dimension: &'static str, factor: f64) -> Measure {
    Measure {
        symbol,
        dimension,
        factor,
    }
}

pub(super) const ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "CNY", "RMB", "JPY", "CHF", "CAD", "AUD", "INR", "KRW", "SGD", "HKD",
    "BRL", "SEK", "NOK", "DKK", "AED", "SAR", "ILS", "TWD", "MXN", "ZAR", "NZD",
];

pub(super) fn iso_code(i: &str) -> PResult<'_, CompactString> {
    let (rest, code) = terminated(
        take_while1(|c: char| c.is_ascii_uppercase()),
        not(peek(satisfy(char::is_alphanumeric))),
    )
    .parse(i)?;
    if ISO_CODES.contains(&code) {
        // The renminbi has two names in use; one code keeps them comparable.
        let code = if code == "RMB" { "CNY" } else { code };
        Ok((rest, CompactString::from(code)))
    } else {
        Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: Some("a currency code"),
            message: None,
        }))
    }
}

pub(super) fn currency_prefix(i: &str) -> PResult<'_, CompactString> {
    // Every alternative starts with a currency sign or an upper-case letter.
    if !i.starts_with(|c: char| c.is_ascii_uppercase() || matches!(c, '$' | '€' | '£' | '¥')) {
        return Err(no_match(i, "a currency"));
    }
    alt((
        map(tag("US$"), |_| CompactString::const_new("USD")),
        map(char('$'), |_| CompactString::const_new("USD")),
        map(char('€'), |_| CompactString::const_new("EUR")),
        map(char('£'), |_| CompactString::const_new("GBP")),
        map(char('¥'), |_| CompactString::const_new("JPY")),
        terminated(iso_code, space1),
    ))
    .parse(i)
}

pub(super) fn currency_suffix(i: &str) -> PResult<'_, Unit> {
    map(preceded(space1, iso_code), Unit::Currency).parse(i)
}

/// Maps unit words to a unit: a known measure, or a noun in a normal form.
pub fn unit_from_words(words: &str) -> Unit {
    let lower = words.to_lowercase();
    let singular = singular(&lower);
    if let Some((_, m)) = MEASURES.iter().find(|(k, _)| *k == singular || *k == lower) {
        return Unit::Measure(*m);
    }
    // "285.9 billion dollars" is $285.9 billion: a currency's name means the
    // currency prose mode reads it as ("dollars" are US dollars).
    let named = singular.strip_prefix("us ").unwrap_or(&singular);
    if let Some(&(_, code)) = CURRENCY_WORDS.iter().find(|(word, _)| *word == named) {
        return Unit::Currency(CompactString::const_new(code));
    }
    Unit::Noun(CompactString::from(singular))
}

/// Whether a word is, or begins, the name of a measure or a currency
/// ("tons" of "tons of CO2 equivalent"): a number before it may state a
/// measure even where the reader could not take the whole unit.
pub fn may_name_a_unit(word: &str) -> bool {
    let lower = word.to_lowercase();
    let singular = singular(&lower);
    let starts = |key: &str| {
        [lower.as_str(), singular.as_str()].iter().any(|w| {
            key.strip_prefix(w)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
    };
    MEASURES.iter().any(|(k, _)| starts(k)) || CURRENCY_WORDS.iter().any(|(k, _)| starts(k))
}

pub(super) fn singular(word: &str) -> String {
    let mut out: Vec<&str> = word.split(' ').collect();
    if let Some(last) = out.last_mut()
        && last.len() > 3
        && last.ends_with('s')
        && !last.ends_with("ss")
    {
        *last = &last[..last.len() - 1];
    }
    out.join(" ")
}

/// Units prose mode knows: percentages, multiples, currencies, measures, and
/// short unit symbols glued to the digits (`10kg`). Free nouns are not units.
pub(super) fn prose_unit(i: &str) -> PResult<'_, Unit> {
    alt((
        percent_like,
        multiple,
        currency_suffix,
        currency_word,
        measure_word,
        prose_symbol,
        glued_symbol,
    ))
    .parse(i)
}

/// Common unit symbols written after a space (`2.80 GHz`, `300 °C`): known
/// as units, though without a conversion table they stay nouns.
pub(super) const PROSE_SYMBOLS: &[&str] = &[
    "hz", "khz", "mhz", "ghz", "thz", "mm", "cm", "m", "km", "nm", "mi", "ft", "kg", "mg", "g",
    "lb", "lbs", "oz", "ml", "cl", "l", "ev", "kev", "mev", "gev", "tev", "j", "kj", "mj", "gy",
    "mgy", "°c", "°f", "°", "mph", "kph", "kbps", "mbps", "gbps",
];

pub(super) fn prose_symbol(i: &str) -> PResult<'_, Unit> {
    let (rest, symbol) = preceded(
        space1,
        take_while_m_n(1, 4, |c: char| c.is_alphabetic() || c == '°'),
    )
    .parse(i)?;
    let (rest, _) = word_end(rest)?;
    // Lower-casing char by char is most of the cost, and an ASCII symbol
    // (nearly all of them) lower-cases byte by byte.
    let lower_is = |k: &&str| {
        if symbol.is_ascii() {
            k.len() == symbol.len()
                && k.bytes()
                    .zip(symbol.bytes())
                    .all(|(k, s)| k == s.to_ascii_lowercase())
        } else {
            k.chars().eq(symbol.chars().flat_map(char::to_lowercase))
        }
    };
    if let Some(known) = PROSE_SYMBOLS.iter().find(|k| lower_is(k)) {
        Ok((rest, Unit::Noun(CompactString::from(*known))))
    } else {
        Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: Some("a unit"),
            message: None,
        }))
    }
}

/// Currencies that are called "dollars" where they are used.
pub(super) const DOLLARS: &[&str] = &["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD"];

/// Currencies written as a word after the number, with their codes.
pub(super) const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("euro", "EUR"),
    ("yuan", "CNY"),
    ("yen", "JPY"),
];

pub(super) fn currency_word(i: &str) -> PResult<'_, Unit> {
    for &(word, code) in CURRENCY_WORDS {
        if let Ok((rest, _)) = (space1, tag_no_case(word), opt(char('s')), word_end).parse(i) {
            return Ok((rest, Unit::Currency(CompactString::const_new(code))));
        }
    }
    Err(no_match(i, "a currency word"))
}

pub(super) fn measure_word(i: &str) -> PResult<'_, Unit> {
    let (rest, word) = preceded(
        space0,
        take_while_m_n(1, 16, |c: char| c.is_ascii_alphanumeric()),
    )
    .parse(i)?;
    // Compared without allocating: nearly every number in prose is followed
    // by a word, and nearly none of those words is a unit.
    let singular = word
        .strip_suffix(['s', 'S'])
        .filter(|w| w.len() >= 3 && !w.ends_with(['s', 'S']))
        .unwrap_or(word);
    if singular.eq_ignore_ascii_case(DEGREE) {
        return degrees(rest);
    }
    let found = MEASURES
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(word) || k.eq_ignore_ascii_case(singular));
    match found {
        Some((_, m)) => Ok((rest, Unit::Measure(*m))),
        None => Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: Some("a unit"),
            message: None,
        })),
    }
}

/// `10kg`, `25lbs`, `4km^3`: a short lower-case symbol glued to the digits.
/// Ordinal suffixes (`21st`) and clock times (`2pm`) are not units.
pub(super) fn glued_symbol(i: &str) -> PResult<'_, Unit> {
    let (rest, symbol) = recognize((
        take_while1(|c: char| c.is_ascii_lowercase()),
        opt((opt(char('^')), satisfy(|c| c == '2' || c == '3'))),
    ))
    .parse(i)?;
    let letters = symbol.trim_end_matches(['^', '2', '3']);
    // Longer runs of letters are words ("31mover" in escape-code debris).
    let known = PROSE_SYMBOLS.contains(&letters) || MEASURES.iter().any(|(k, _)| *k == letters);
    let refused = (letters.len() > 3 && !known)
        || ["st", "nd", "rd", "th", "am", "pm", "s", "o", "x"].contains(&letters);
    if refused {
        return Err(nom::Err::Error(SyntaxError {
            rest: i,
            expected: Some("a unit"),
            message: None,
        }));
    }
    Ok((rest, unit_from_words(symbol)))
}

/// The word before a temperature scale (`degrees Celsius`).
pub(super) const DEGREE: &str = "degree";

/// Temperature scales named after "degrees". Each is a dimension of its own:
/// a scale with an offset does not convert by a factor, so `30 degrees
/// Celsius` and `86 degrees Fahrenheit` are never compared as if it did.
pub(super) const TEMPERATURE_SCALES: &[(&str, Measure)] = &[
    ("celsius", measure("°C", "temperature (Celsius)", 1.0)),
    ("centigrade", measure("°C", "temperature (Celsius)", 1.0)),
    ("fahrenheit", measure("°F", "temperature (Fahrenheit)", 1.0)),
];

/// `Celsius`, `Fahrenheit` after "degrees": the degrees alone are left to
/// prose (an angle, a temperature, a diploma).
fn degrees(i: &str) -> PResult<'_, Unit> {
    let (rest, scale) =
        preceded(space1, take_while1(|c: char| c.is_ascii_alphabetic())).parse(i)?;
    let (rest, _) = word_end(rest)?;
    match TEMPERATURE_SCALES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(scale))
    {
        Some((_, m)) => Ok((rest, Unit::Measure(*m))),
        None => Err(no_match(i, "a temperature scale")),
    }
}

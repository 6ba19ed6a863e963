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
    ("degree", DEGREES),
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
    ("tco2e", TCO2E),
    ("t co2e", TCO2E),
    ("tonnes co2e", TCO2E),
    ("tons co2e", TCO2E),
    ("tonnes of co2 equivalent", TCO2E),
    ("tons of co2 equivalent", TCO2E),
    // Writers spell the gas out. ("tonnes of CO2" stays a mass: data
    // tables such as OWID's give emissions in tonnes.)
    ("tonnes of co2e", TCO2E),
    ("tons of co2e", TCO2E),
    ("tonnes of carbon dioxide equivalent", TCO2E),
    ("tons of carbon dioxide equivalent", TCO2E),
    ("metric tons of carbon dioxide equivalent", TCO2E),
    ("metric tons of co2 equivalent", TCO2E),
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
    ("watt hour", measure("Wh", "energy", 1.0)),
    ("watt hours", measure("Wh", "energy", 1.0)),
    ("kilowatt hour", measure("kWh", "energy", 1e3)),
    ("kilowatt hours", measure("kWh", "energy", 1e3)),
    ("megawatt hour", measure("MWh", "energy", 1e6)),
    ("megawatt hours", measure("MWh", "energy", 1e6)),
    ("gigawatt hour", measure("GWh", "energy", 1e9)),
    ("gigawatt hours", measure("GWh", "energy", 1e9)),
    ("terawatt hour", measure("TWh", "energy", 1e12)),
    ("terawatt hours", measure("TWh", "energy", 1e12)),
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
    ("btu", measure("BTU", "energy", 1055.06 / 3600.0)),
    (
        "british thermal unit",
        measure("BTU", "energy", 1055.06 / 3600.0),
    ),
    (
        "british thermal units",
        measure("BTU", "energy", 1055.06 / 3600.0),
    ),
    ("m", measure("m", "length", 1.0)),
    ("yd", measure("yards", "length", 0.9144)),
    ("hrs", measure("hours", "time", 3600.0)),
    ("sec", measure("seconds", "time", 1.0)),
    ("ms", measure("ms", "time", 1e-3)),
    // Geological time: megaannum and gigaannum, as quantulum3 and geology write them.
    ("ma", measure("Myr", "time", 31557600.0 * 1e6)),
    ("ga", measure("Gyr", "time", 31557600.0 * 1e9)),
    ("megaannum", measure("Myr", "time", 31557600.0 * 1e6)),
    ("gigaannum", measure("Gyr", "time", 31557600.0 * 1e9)),
    ("t", measure("tonnes", "mass", 1e3)),
    ("ton", measure("tons", "mass", 907.18474)),
    ("pound", measure("lb", "mass", 0.45359237)),
    ("ounce", measure("oz", "mass", 0.028349523125)),
    ("oz", measure("oz", "mass", 0.028349523125)),
    ("g", measure("g", "mass", 1e-3)),
    ("cup", measure("cups", "volume", 0.2365882365)),
    ("tbsp", measure("tbsp", "volume", 0.01478676478125)),
    ("tablespoon", measure("tbsp", "volume", 0.01478676478125)),
    ("tsp", measure("tsp", "volume", 0.00492892159375)),
    ("teaspoon", measure("tsp", "volume", 0.00492892159375)),
    ("pint", measure("US pints", "volume", 0.473176473)),
    ("quart", measure("US quarts", "volume", 0.946352946)),
    ("kelvin", measure("K", "temperature (kelvin)", 1.0)),
    ("barn", measure("b", "area", 1e-28)),
    ("acre", measure("acres", "area", 4046.8564224)),
    ("hectare", measure("ha", "area", 1e4)),
    ("knot", measure("knots", "length per time", 1852.0 / 3600.0)),
    ("nautical mile", measure("nmi", "length", 1852.0)),
    ("nautical miles", measure("nmi", "length", 1852.0)),
    (
        "light year",
        measure("ly", "length", 9.460_730_472_580_8e15),
    ),
    (
        "light years",
        measure("ly", "length", 9.460_730_472_580_8e15),
    ),
    ("decade", measure("decades", "time", 315576000.0)),
    ("century", measure("centuries", "time", 3155760000.0)),
    ("centuries", measure("centuries", "time", 3155760000.0)),
    ("millisecond", measure("ms", "time", 1e-3)),
    ("microsecond", measure("µs", "time", 1e-6)),
    ("nanosecond", measure("ns", "time", 1e-9)),
    ("microgram", measure("µg", "mass", 1e-9)),
    ("kilobit", measure("kbit", "data", 125.0)),
    ("megabit", measure("Mbit", "data", 125e3)),
    ("gigabit", measure("Gbit", "data", 125e6)),
    ("terabit", measure("Tbit", "data", 125e9)),
    ("calorie", measure("cal", "energy", 4.184 / 3600.0)),
    ("kilocalorie", measure("kcal", "energy", 4184.0 / 3600.0)),
    ("kcal", measure("kcal", "energy", 4184.0 / 3600.0)),
    ("kilojoule", measure("kJ", "energy", 1e3 / 3600.0)),
    ("megajoule", measure("MJ", "energy", 1e6 / 3600.0)),
    ("horsepower", measure("hp", "power", 745.699872)),
    ("hp", measure("hp", "power", 745.699872)),
    ("volt", measure("V", "voltage", 1.0)),
    ("kilovolt", measure("kV", "voltage", 1e3)),
    ("ampere", measure("A", "current", 1.0)),
    ("newton", measure("N", "force", 1.0)),
    ("pascal", measure("Pa", "pressure", 1.0)),
    ("kilopascal", measure("kPa", "pressure", 1e3)),
    ("barrel", measure("barrels", "volume", 158.987294928)),
    // Rates written as one symbol, in the dimensions rates compose to.
    ("mph", measure("mph", "length per time", 1609.344 / 3600.0)),
    ("kph", measure("km/h", "length per time", 1e3 / 3600.0)),
    ("kmh", measure("km/h", "length per time", 1e3 / 3600.0)),
    ("tpd", measure("t/day", "mass per time", 1e3 / 86400.0)),
    ("rpm", measure("rpm", "count per time", 1.0 / 60.0)),
];

impl Measure {
    /// The symbol as written after "per" or "/": `hour` of `hours`, `inch`
    /// of `inches`.
    pub fn singular_symbol(&self) -> &'static str {
        match self.symbol {
            "inches" => "inch",
            "feet" => "foot",
            symbol => match symbol.strip_suffix('s') {
                Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem,
                _ => symbol,
            },
        }
    }
}

pub(super) const fn measure(symbol: &'static str, dimension: &'static str, factor: f64) -> Measure {
    Measure {
        symbol,
        dimension,
        factor,
    }
}

pub(super) const ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "CNY", "RMB", "JPY", "CHF", "CAD", "AUD", "INR", "KRW", "SGD", "HKD",
    "BRL", "SEK", "NOK", "DKK", "AED", "SAR", "ILS", "TWD", "MXN", "ZAR", "NZD", "RUB",
];

/// Whether `word` is a currency code the grammar reads beside an amount
/// ("USD 200", "200 EUR").
pub fn is_currency_code(word: &str) -> bool {
    ISO_CODES.contains(&word)
}

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

/// Dollar signs with the letters of their country, besides "US$", and
/// their codes: Brazil's R$ is its real.
pub const COUNTRY_DOLLARS: [(&str, &str); 7] = [
    ("HK$", "HKD"),
    ("NZ$", "NZD"),
    ("NT$", "TWD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
];

pub(super) fn currency_prefix(i: &str) -> PResult<'_, CompactString> {
    if let Some((sign, code)) = COUNTRY_DOLLARS.iter().find(|(sign, _)| i.starts_with(sign)) {
        return Ok((&i[sign.len()..], CompactString::const_new(code)));
    }
    // Every alternative starts with a currency sign or an upper-case letter.
    if !i.starts_with(|c: char| {
        c.is_ascii_uppercase() || matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₩' | '₽')
    }) {
        return Err(no_match(i, "a currency"));
    }
    alt((
        map(tag("US$"), |_| CompactString::const_new("USD")),
        map(char('$'), |_| CompactString::const_new("USD")),
        map(char('€'), |_| CompactString::const_new("EUR")),
        map(char('£'), |_| CompactString::const_new("GBP")),
        map(char('¥'), |_| CompactString::const_new("JPY")),
        map(char('₹'), |_| CompactString::const_new("INR")),
        map(char('₩'), |_| CompactString::const_new("KRW")),
        map(char('₽'), |_| CompactString::const_new("RUB")),
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
    // The first words of the names: every number with a word after it asks.
    static FIRST_WORDS: std::sync::LazyLock<FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            MEASURES
                .iter()
                .map(|(k, _)| *k)
                .chain(CURRENCY_WORDS.iter().map(|(k, _)| *k))
                .filter_map(|k| k.split(' ').next())
                .collect()
        });
    let lower = word.to_lowercase();
    let singular = singular(&lower);
    let starts = |key: &str| {
        [lower.as_str(), singular.as_str()].iter().any(|w| {
            key.strip_prefix(w)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
    };
    if !word.contains(' ') {
        return FIRST_WORDS.contains(lower.as_str()) || FIRST_WORDS.contains(singular.as_str());
    }
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
        inverse_unit,
        percent_like,
        multiple,
        currency_suffix,
        currency_word,
        measure_word,
        hyphen_measure,
        degree_sign,
        prime_mark,
        currency_sign_suffix,
        scale_letter,
        prose_symbol,
        spaced_symbol,
        glued_symbol,
    ))
    .parse(i)
}

/// Common unit symbols written after a space (`2.80 GHz`, `300 °C`): known
/// as units, though without a conversion table they stay nouns.
pub(super) const PROSE_SYMBOLS: &[&str] = &[
    "hz", "khz", "mhz", "ghz", "thz", "mm", "cm", "m", "km", "nm", "mi", "ft", "kg", "mg", "g",
    "lb", "lbs", "oz", "ml", "cl", "l", "ev", "kev", "mev", "gev", "tev", "j", "kj", "mj", "gy",
    "mgy", "°c", "°f", "°", "kbps", "mbps", "gbps",
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
    ("buck", "USD"),
    ("canadian dollar", "CAD"),
    ("australian dollar", "AUD"),
    ("hong kong dollar", "HKD"),
    ("singapore dollar", "SGD"),
    ("new zealand dollar", "NZD"),
    ("taiwan dollar", "TWD"),
    ("euro", "EUR"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("yen", "JPY"),
    ("british pound", "GBP"),
    ("pound sterling", "GBP"),
    ("pounds sterling", "GBP"),
    ("quid", "GBP"),
    ("swiss franc", "CHF"),
    ("rupee", "INR"),
    ("indian rupee", "INR"),
    ("ruble", "RUB"),
    ("rouble", "RUB"),
    ("mexican peso", "MXN"),
    ("korean won", "KRW"),
    ("south korean won", "KRW"),
    ("brazilian real", "BRL"),
];

/// The first words of the currencies' names and minor units ("canadian" of
/// "canadian dollar"): the fast path leaves a number before one to the
/// grammar.
pub(super) fn currency_first_words() -> impl Iterator<Item = &'static str> {
    CURRENCY_WORDS
        .iter()
        .map(|(name, _)| *name)
        .chain(MINOR_UNITS.iter().map(|(name, ..)| *name))
        .filter_map(|name| name.split(' ').next())
}

pub(super) fn currency_word(i: &str) -> PResult<'_, Unit> {
    // "US dollars" are dollars too.
    if let Ok((rest, _)) = (
        space1,
        tag("US"),
        space1,
        tag_no_case("dollar"),
        opt(char('s')),
        word_end,
    )
        .parse(i)
    {
        return Ok((rest, Unit::Currency(CompactString::const_new("USD"))));
    }
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
    // "sq mi", "square kilometres", "cubic feet": a length to a power.
    if let Some(&(_, power)) = POWER_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
    {
        let (rest, _) = opt(char('.')).parse(rest)?;
        let (rest, unit) = preceded(space1, measure_word).parse(rest)?;
        return raised(unit, power)
            .map(|u| (rest, u))
            .ok_or_else(|| no_match(i, "a length"));
    }
    // `5m` glued is as often five million ("5m users") as five metres: left
    // to `glued_symbol`, which keeps it a word.
    if word == "m" && !i.starts_with([' ', '\t']) {
        return Err(no_match(i, "a unit"));
    }
    // "in" is an inch only where no noun can follow: "2 in." or "2 in thick".
    if word == "in" {
        return if inch_context(rest) {
            Ok((rest, Unit::Measure(INCH)))
        } else {
            Err(no_match(i, "a unit"))
        };
    }
    // Compared without allocating: nearly every number in prose is followed
    // by a word, and nearly none of those words is a unit.
    let singular = word
        .strip_suffix(['s', 'S'])
        .filter(|w| w.len() >= 3 && !w.ends_with(['s', 'S']))
        .unwrap_or(word);
    if singular.eq_ignore_ascii_case(DEGREE)
        || ["deg", "degs"].iter().any(|d| d.eq_ignore_ascii_case(word))
    {
        // "30 degrees" names no scale: degrees all the same, of no scale
        // they could be compared in.
        return Ok(degrees(rest).unwrap_or((rest, Unit::Measure(DEGREES))));
    }
    // "90 Fahrenheit": the scale alone, with no degrees.
    if let Some((_, m)) = TEMPERATURE_SCALES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
    {
        return Ok((rest, Unit::Measure(*m)));
    }
    let lookup = |word: &str| {
        MEASURES
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(word))
            .map(|(_, m)| Unit::Measure(*m))
    };
    // A unit of several words ("tons of CO₂ equivalent", "metric tons of
    // CO2 equivalent"), the longest the text spells, before its first word
    // alone ("tons", a mass).
    let phrase = MEASURES
        .iter()
        .filter_map(|(key, m)| {
            let (first, tail) = key.split_once(' ')?;
            // "watt hours" or "watt-hours".
            let after_space = rest.strip_prefix([' ', '-'])?;
            first
                .eq_ignore_ascii_case(word)
                .then(|| spells(after_space, tail))
                .flatten()
                .map(|len| (len + 1, m))
        })
        .max_by_key(|(len, _)| *len);
    if let Some((len, m)) = phrase {
        return Ok((&rest[len..], Unit::Measure(*m)));
    }
    if let Some(unit) = lookup(word).or_else(|| lookup(singular)) {
        // `km^2`, `m³`, `feet squared`
        let (rest, power) = opt(power_suffix).parse(rest)?;
        let unit = match power {
            Some(p) => raised(unit, p).ok_or_else(|| no_match(i, "a length"))?,
            None => unit,
        };
        return Ok((rest, unit));
    }
    // `m2`, `km3`: a length and its power glued.
    if let Some(stem) = word.strip_suffix(['2', '3'])
        && let Some(unit) = lookup(stem)
    {
        let power = if word.ends_with('2') { 2 } else { 3 };
        if let Some(unit) = raised(unit, power) {
            return Ok((rest, unit));
        }
    }
    Err(no_match(i, "a unit"))
}

/// The length of the start of `text` that spells `phrase` (lower case, a
/// subscript two as 2: "CO₂" spells "co2"), if it ends a word there.
fn spells(text: &str, phrase: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for wanted in phrase.chars() {
        let (_, c) = chars.next()?;
        let c = if c == '₂' {
            '2'
        } else {
            c.to_ascii_lowercase()
        };
        if c != wanted {
            return None;
        }
    }
    let end = chars.next().map_or(text.len(), |(at, _)| at);
    text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
        .then_some(end)
}

/// Words that raise the length after them to a power.
pub(super) const POWER_WORDS: &[(&str, u8)] = &[("sq", 2), ("square", 2), ("cubic", 3)];

/// A power after a length: `^2`, `²`, ` squared`, `^3`, `³`, ` cubed`.
fn power_suffix(i: &str) -> PResult<'_, u8> {
    alt((
        // "km^2a" is no area: the power ends a word.
        value(2, (alt((tag("^2"), tag("²"))), word_end)),
        value(3, (alt((tag("^3"), tag("³"))), word_end)),
        value(2, (space1, tag_no_case("squared"), word_end)),
        value(3, (space1, tag_no_case("cubed"), word_end)),
    ))
    .parse(i)
}

/// Areas and volumes of the lengths, by the length's symbol.
const POWERS: &[(&str, Measure, Measure)] = &[
    (
        "m",
        measure("m²", "area", 1.0),
        measure("m³", "volume", 1e3),
    ),
    (
        "km",
        measure("km²", "area", 1e6),
        measure("km³", "volume", 1e12),
    ),
    (
        "cm",
        measure("cm²", "area", 1e-4),
        measure("cm³", "volume", 1e-3),
    ),
    (
        "mm",
        measure("mm²", "area", 1e-6),
        measure("mm³", "volume", 1e-6),
    ),
    (
        "miles",
        measure("sq mi", "area", 2_589_988.110336),
        measure("cu mi", "volume", 4_168_181_825_440.579_6),
    ),
    (
        "feet",
        measure("sq ft", "area", 0.09290304),
        measure("cu ft", "volume", 28.316846592),
    ),
    (
        "inches",
        measure("sq in", "area", 0.00064516),
        measure("cu in", "volume", 0.016387064),
    ),
    (
        "yards",
        measure("sq yd", "area", 0.83612736),
        measure("cu yd", "volume", 764.554857984),
    ),
];

/// A length to the power 2 (an area, in m²) or 3 (a volume, in liters).
fn raised(unit: Unit, power: u8) -> Option<Unit> {
    let Unit::Measure(m) = unit else { return None };
    let (_, area, volume) = POWERS.iter().find(|(symbol, ..)| *symbol == m.symbol)?;
    Some(Unit::Measure(if power == 2 { *area } else { *volume }))
}

const INCH: Measure = measure("inches", "length", 0.0254);

/// Adjectives of extent, after which "in" is an inch ("2 in thick").
const EXTENTS: &[&str] = &[
    "thick", "long", "wide", "tall", "high", "deep", "across", "diameter", "square", "cubed",
];

/// Whether "in" read after a number ends there as an inch: a punctuation
/// mark and a space follow, or an adjective of extent. (Where the text ends,
/// it is more often cut short: "2024 to 28 in".)
fn inch_context(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        None => false,
        Some('.' | ',' | ';' | ':' | ')' | '"' | '!' | '?') => {
            chars.next().is_none_or(|c| c.is_whitespace() || c == ')')
        }
        Some(' ') => {
            let word = leading_letters(rest.trim_start_matches(' '));
            EXTENTS.iter().any(|e| e.eq_ignore_ascii_case(word))
        }
        _ => false,
    }
}

/// `20-minute`, `27-kilometer`: a unit joined by a hyphen, as an adjective.
pub(super) fn hyphen_measure(i: &str) -> PResult<'_, Unit> {
    let (rest, _) = char('-').parse(i)?;
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(no_match(i, "a unit"));
    }
    let (rest, unit) = measure_word(rest)?;
    let (rest, _) = word_end(rest)?;
    Ok((rest, unit))
}

/// `300 °C`, `−273.15°`, `572°F`: a degree sign, and the scale if one is named.
pub(super) fn degree_sign(i: &str) -> PResult<'_, Unit> {
    let (rest, _) = (space0, char('°')).parse(i)?;
    let scale = |c: char| {
        TEMPERATURE_SCALES
            .iter()
            .find(|(name, _)| name.starts_with(c.to_ascii_lowercase()))
            .map(|(_, m)| *m)
    };
    let (after, letter) = opt(satisfy(|c| matches!(c, 'C' | 'F' | 'c' | 'f'))).parse(rest)?;
    if let Some(c) = letter
        && word_end(after).is_ok()
        && let Some(m) = scale(c)
    {
        return Ok((after, Unit::Measure(m)));
    }
    let (rest, _) = word_end(rest)?;
    Ok((rest, Unit::Measure(DEGREES)))
}

/// `30 C`, `-10C`: a temperature scale's capital letter alone after the number.
pub(super) fn scale_letter(i: &str) -> PResult<'_, Unit> {
    let (rest, letter) = preceded(space0, satisfy(|c| c == 'C' || c == 'F')).parse(i)?;
    let (rest, _) = word_end(rest)?;
    // No letter of an enumeration: "5 C." could close a list of options.
    if rest.starts_with(['.', ')']) {
        return Err(no_match(i, "a temperature scale"));
    }
    let name = if letter == 'C' {
        "celsius"
    } else {
        "fahrenheit"
    };
    TEMPERATURE_SCALES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, m)| (rest, Unit::Measure(*m)))
        .ok_or_else(|| no_match(i, "a temperature scale"))
}

/// `8"`, `2½'`, `150″`: inch and foot marks glued to the digits.
pub(super) fn prime_mark(i: &str) -> PResult<'_, Unit> {
    let (rest, mark) = satisfy(|c| matches!(c, '"' | '″' | '\'' | '′')).parse(i)?;
    let (rest, _) = word_end(rest)?;
    let m = if matches!(mark, '"' | '″') {
        INCH
    } else {
        measure("feet", "length", 0.3048)
    };
    Ok((rest, Unit::Measure(m)))
}

/// `-15€`, `15 €`: a currency sign after the number, as much of Europe writes it.
pub(super) fn currency_sign_suffix(i: &str) -> PResult<'_, Unit> {
    let (rest, code) = alt((
        preceded(
            space0,
            alt((
                value("EUR", char('€')),
                value("GBP", char('£')),
                value("JPY", char('¥')),
            )),
        ),
        value("USD", char('$')),
    ))
    .parse(i)?;
    let (rest, _) = word_end(rest)?;
    Ok((rest, Unit::Currency(CompactString::const_new(code))))
}

/// Minor units of currencies: the currency, and the power of ten of one of them.
pub(super) const MINOR_UNITS: &[(&str, &str, i32)] = &[
    ("cent", "USD", -2),
    ("dime", "USD", -1),
    ("pence", "GBP", -2),
    // `12 euro cents` is €0.12, never €12.
    ("euro cent", "EUR", -2),
];

/// `50 cents`, `3 dimes`: a minor unit, read in its currency (50 cents is
/// $0.50). Returns the currency and the shift of the number's exponent.
pub(super) fn minor_currency(i: &str) -> PResult<'_, (Unit, i32)> {
    for &(word, code, shift) in MINOR_UNITS {
        if let Ok((rest, _)) = (space1, tag_no_case(word), opt(char('s')), word_end).parse(i) {
            return Ok((
                rest,
                (Unit::Currency(CompactString::const_new(code)), shift),
            ));
        }
    }
    Err(no_match(i, "a minor currency unit"))
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
    // `5m` glued is as often five million ("5m users") as five metres: it
    // stays a word, with no dimension to convert.
    if symbol == "m" {
        return Ok((rest, Unit::Noun(CompactString::const_new("m"))));
    }
    Ok((rest, unit_from_words(symbol)))
}

/// The word before a temperature scale (`degrees Celsius`).
pub(super) const DEGREE: &str = "degree";

/// Degrees with no scale named (`30 degrees`, `85°`): a temperature or an
/// angle, a dimension of their own, compared with no scale.
/// Tonnes of CO2 equivalent, however a writer spells them.
const TCO2E: Measure = measure("tCO2e", "emissions", 1.0);

pub(super) const DEGREES: Measure = measure("degrees", "temperature or angle", 1.0);

/// Temperature scales named after "degrees". Each is a dimension of its own:
/// a scale with an offset does not convert by a factor, so `30 degrees
/// Celsius` and `86 degrees Fahrenheit` are never compared as if it did.
pub(super) const TEMPERATURE_SCALES: &[(&str, Measure)] = &[
    ("celsius", measure("°C", "temperature (Celsius)", 1.0)),
    ("centigrade", measure("°C", "temperature (Celsius)", 1.0)),
    ("fahrenheit", measure("°F", "temperature (Fahrenheit)", 1.0)),
];

/// `Celsius`, `Fahrenheit`, or their letter (`F`, `c`) after "degrees":
/// the degrees alone are left to prose (an angle, a temperature, a diploma).
fn degrees(i: &str) -> PResult<'_, Unit> {
    let (rest, scale) =
        preceded(space1, take_while1(|c: char| c.is_ascii_alphabetic())).parse(i)?;
    let (rest, _) = word_end(rest)?;
    let named = |name: &str| {
        name.eq_ignore_ascii_case(scale)
            || scale.len() == 1 && name.starts_with(scale.to_ascii_lowercase().as_str())
    };
    match TEMPERATURE_SCALES.iter().find(|(name, _)| named(name)) {
        Some((_, m)) => Ok((rest, Unit::Measure(*m))),
        None => Err(no_match(i, "a temperature scale")),
    }
}

/// SI prefixes and their factors, as written before a symbol (`k` of `kJ`,
/// `p` of `pm`, `f` of `fb`), in their case: `M` is mega, `m` milli.
const SI_PREFIXES: &[(&str, f64)] = &[
    ("Y", 1e24),
    ("Z", 1e21),
    ("E", 1e18),
    ("P", 1e15),
    ("T", 1e12),
    ("G", 1e9),
    ("M", 1e6),
    ("k", 1e3),
    ("c", 1e-2),
    ("m", 1e-3),
    ("µ", 1e-6),
    ("μ", 1e-6),
    ("u", 1e-6),
    ("n", 1e-9),
    ("p", 1e-12),
    ("f", 1e-15),
    ("a", 1e-18),
];

/// Symbols of the SI (and units used with it) that take a prefix: the
/// symbol, the dimension and the factor of the unprefixed unit to the base
/// unit of its dimension in [`MEASURES`] (a joule is 1/3600 Wh there).
const PREFIXABLE: &[(&str, &str, f64)] = &[
    ("m", "length", 1.0),
    ("s", "time", 1.0),
    ("g", "mass", 1e-3),
    ("b", "area", 1e-28),
    ("W", "power", 1.0),
    ("Wh", "energy", 1.0),
    ("J", "energy", 1.0 / 3600.0),
    ("eV", "energy", 1.602_176_634e-19 / 3600.0),
    ("Hz", "frequency", 1.0),
    ("Pa", "pressure", 1.0),
];

/// A symbol made of an SI prefix and a symbol that takes one, in the case
/// the SI writes them (`pm`, `fb`, `kJ`, `GeV`, `µs`): its measure. The
/// composed symbols that are English words are left out ("as", "us"); "am"
/// and "pm" are read, as the scanner throws out clock times ("2.30 pm")
/// before this is asked.
pub(super) fn prefixed_symbol(symbol: &str) -> Option<Measure> {
    if symbol == "as" || symbol == "us" {
        return None;
    }
    SI_PREFIXES.iter().find_map(|&(prefix, scale)| {
        let base = symbol.strip_prefix(prefix)?;
        let &(_, dimension, factor) = PREFIXABLE.iter().find(|(b, ..)| *b == base)?;
        Some(measure(interned(symbol), dimension, scale * factor))
    })
}

/// Whether an ASCII word is a symbol [`prefixed_symbol`] reads, by a look
/// at its bytes: every number followed by a short word asks, and most such
/// words ("as", "to", "by") are none.
pub(super) fn may_be_prefixed_symbol(word: &[u8]) -> bool {
    let Some((prefix, base)) = word.split_first() else {
        return false;
    };
    let prefixes = SI_PREFIXES.iter().filter_map(|(p, _)| p.as_bytes().first());
    word != b"as"
        && word != b"us"
        && PREFIXABLE.iter().any(|(b, ..)| b.as_bytes() == base)
        && prefixes.clone().any(|p| p == prefix)
}

/// `2.1 pm`, `30 fb`, `5 GeV`: a prefixed symbol after a space; and `b`,
/// the bit (a lower-case `b` glued to the digits is a billion: `1.2b`).
pub(super) fn spaced_symbol(i: &str) -> PResult<'_, Unit> {
    let (rest, symbol) = preceded(
        space1,
        take_while_m_n(1, 3, |c: char| c.is_alphabetic() && c != 'ſ'),
    )
    .parse(i)?;
    let (rest, _) = word_end(rest)?;
    if symbol == "b" {
        return Ok((rest, Unit::Measure(measure("bits", "data", 0.125))));
    }
    prefixed_symbol(symbol)
        .map(|m| (rest, Unit::Measure(m)))
        .ok_or_else(|| no_match(i, "a unit"))
}

/// Symbols that name a unit only after "/" or "per" (`km/h`, `m/s`) or
/// before a power of minus one (`s⁻¹`): alone after a number they are
/// more often letters of something else.
pub(super) const PER_SYMBOLS: &[(&str, Measure)] = &[
    ("h", measure("hours", "time", 3600.0)),
    ("s", measure("seconds", "time", 1.0)),
    ("yr", measure("years", "time", 31557600.0)),
];

/// The unit a rate is per, at the start of `i` right after "/" or "per ":
/// a symbol that names a unit only there (`h` of `km/h`), a prefixed symbol
/// (`fb`), or any measure the grammar reads after a number (`kg`, `square
/// foot`).
fn denominator(i: &str) -> PResult<'_, Measure> {
    let word = leading_letters(i);
    let (after, _) = word_end(&i[word.len()..])?;
    if let Some(&(_, m)) = PER_SYMBOLS.iter().find(|(k, _)| *k == word) {
        return Ok((after, m));
    }
    if let Some(m) = prefixed_symbol(word) {
        return Ok((after, m));
    }
    match measure_word(i) {
        Ok((rest, Unit::Measure(m))) => Ok((rest, m)),
        _ => Err(no_match(i, "a unit to be per")),
    }
}

/// What a rate is per: `/hour`, ` per kg`, ` a year`, ` an ounce` (with
/// "a", a unit written as a word of two letters or more: "a m" may be a
/// time of day).
pub(super) fn per_unit(i: &str) -> PResult<'_, Measure> {
    // Most numbers are followed by none of these: one look at the bytes.
    let could = match i.as_bytes() {
        [b'/', c, ..] => c.is_ascii_alphabetic(),
        [b' ', rest @ ..] => [&b"per"[..], b"a", b"an"].iter().any(|w| {
            rest.get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w))
                && rest.get(w.len()) == Some(&b' ')
        }),
        _ => false,
    };
    if !could {
        return Err(no_match(i, "a rate"));
    }
    let (after, article) = alt((
        value(false, char('/')),
        value(false, (space1, tag_no_case("per"), space1)),
        value(
            true,
            (space1, alt((tag_no_case("an"), tag_no_case("a"))), space1),
        ),
    ))
    .parse(i)?;
    let (rest, m) = denominator(after)?;
    // "a year earlier", "an hour later": a span of time placing an event.
    let placed = || {
        let next = leading_letters(rest.trim_start_matches(' '));
        rest.starts_with(' ') && TIME_ADVERBS.iter().any(|w| w.eq_ignore_ascii_case(next))
    };
    if article && (leading_letters(after).len() < 2 || placed()) {
        return Err(no_match(i, "a unit to be per"));
    }
    Ok((rest, m))
}

/// Words after a span of time that make it place an event, not divide an
/// amount: "$112 billion a year earlier", "a week ago".
const TIME_ADVERBS: &[&str] = &[
    "ago",
    "earlier",
    "later",
    "before",
    "after",
    "prior",
    "previously",
    "since",
    "on",
    "back",
    "beforehand",
    "afterwards",
    "hence",
];

/// `$15/hour`, `350 kg per day`, `four times a week`: an amount per a unit
/// is a rate. A share per a unit stays a share ("5% per year" is a growth
/// rate, spoken of as a percentage), and a bare number stays a count: the
/// store states how many a month as a count ("80 per month").
pub(super) fn per(unit: &Unit, per: Measure) -> Option<Unit> {
    match unit {
        Unit::Bare | Unit::Percent | Unit::PercentagePoints | Unit::Rate(..) => None,
        // A free noun is no unit to divide; a symbol prose reads is (`mph`).
        Unit::Noun(noun) if !PROSE_SYMBOLS.contains(&noun.as_str()) => None,
        amount => Some(Unit::Rate(Box::new(amount.clone()), per)),
    }
}

/// `4e14 s-1`, `5 fb−1`, `3 m⁻¹`: a unit to the power minus one, a rate of
/// counts per that unit.
pub(super) fn inverse_unit(i: &str) -> PResult<'_, Unit> {
    let (symbol, _) = space0(i)?;
    // Most units are to no power: a look past the letters first.
    if !symbol[leading_letters(symbol).len()..].starts_with(['-', '−', '⁻']) {
        return Err(no_match(i, "a unit to the power minus one"));
    }
    let (rest, m) = denominator(symbol)?;
    let (rest, _) = (
        alt((tag("-1"), tag("−1"), tag("⁻¹"))),
        not(peek(satisfy(|c| c.is_ascii_digit()))),
    )
        .parse(rest)?;
    let (rest, _) = word_end(rest)?;
    Ok((rest, Unit::Rate(Box::new(Unit::Bare), m)))
}

/// The one `&'static str` of a prefixed symbol. Composed only from the
/// tables' prefixes and symbols, these are few, and each is kept once for
/// the life of the program.
fn interned(text: &str) -> &'static str {
    static SEEN: OnceLock<std::sync::Mutex<FxHashSet<&'static str>>> = OnceLock::new();
    let seen = SEEN.get_or_init(Default::default);
    // A panic elsewhere while holding the lock leaves the set whole.
    let mut seen = seen
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(known) = seen.get(text) {
        return known;
    }
    let kept: &'static str = Box::leak(text.to_owned().into_boxed_str());
    seen.insert(kept);
    kept
}

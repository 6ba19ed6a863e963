//! Prose mode, apart from the claim grammar's tests.

use super::*;

fn prose(text: &str) -> (String, Option<Qualifier>, f64, Option<f64>, Unit) {
    let (q, len) = prose_quantity(text, true).unwrap_or_else(|| panic!("{text}"));
    let high = q.high.map(|h| h.value());
    (
        text[..len].to_owned(),
        q.qualifier,
        q.low.value(),
        high,
        q.unit,
    )
}

/// Prose reads known units only: the words after a count are prose.
#[test]
fn prose_units_are_known_units() {
    assert_eq!(prose("59 in 2025").0, "59");
    assert_eq!(prose("5,427 data centers").4, Unit::Bare);
    assert_eq!(prose("29.6 GW of power").4.name(), "GW (power)");
    assert_eq!(prose("$285.9 billion in").2, 285.9e9);
    assert_eq!(
        prose("over a billion dollars").4,
        Unit::Currency("USD".into())
    );
    assert_eq!(prose("20 British pounds").4, Unit::Currency("GBP".into()));
    assert_eq!(prose("9 pounds sterling").4, Unit::Currency("GBP".into()));
    assert_eq!(prose("9 pounds of flour").4.name(), "lb (mass)");
    // Currencies by name, with the country that tells which dollar.
    let currency = |text: &str| match prose(text) {
        (_, _, value, _, Unit::Currency(code)) => (value, code.to_string()),
        other => panic!("{text}: {other:?}"),
    };
    assert_eq!(currency("100 Canadian dollars"), (100.0, "CAD".into()));
    assert_eq!(currency("500 rupees"), (500.0, "INR".into()));
    assert_eq!(currency("20 Swiss francs"), (20.0, "CHF".into()));
    assert_eq!(currency("five bucks"), (5.0, "USD".into()));
    assert_eq!(currency("40 roubles"), (40.0, "RUB".into()));
    assert_eq!(currency("12 euro cents"), (0.12, "EUR".into()));
    assert_eq!(currency("₹500"), (500.0, "INR".into()));
    assert_eq!(currency("₩3,000"), (3000.0, "KRW".into()));
    assert_eq!(currency("HK$100"), (100.0, "HKD".into()));
    assert_eq!(currency("A$1.5 billion"), (1.5e9, "AUD".into()));
    assert_eq!(prose("100 Canadian firms").4, Unit::Bare);
    // Tons of carbon dioxide equivalent are emissions, not a mass.
    assert_eq!(
        prose("72,816 tons of CO₂ equivalent").4.name(),
        "tCO2e (emissions)"
    );
    // ...and "a year" after them makes a rate of them, not a longer unit.
    assert_eq!(
        prose("9 tonnes CO2e a year").4.name(),
        "tCO2e (emissions) per year"
    );
    assert_eq!(prose("9 tons of steel").4.name(), "tons (mass)");
    assert!(prose_quantity("4o model", true).is_none());
    assert!(prose_quantity("21st century", true).is_none());
}

/// An amount per a unit is a rate of that amount's unit; a bare count, a
/// share and a span placing an event stay what they were.
#[test]
fn rates_per_a_unit() {
    let rate = |text: &str| match prose(text).4 {
        Unit::Rate(amount, per) => (amount.name(), per.singular_symbol()),
        other => panic!("{text}: {other:?}"),
    };
    assert_eq!(rate("€9.50/hour for"), ("EUR".to_owned(), "hour"));
    assert_eq!(rate("120 km/h on"), ("km (length)".to_owned(), "hour"));
    assert_eq!(
        rate("3 tonnes per day"),
        ("tonnes (mass)".to_owned(), "day")
    );
    assert_eq!(rate("$2 per pound"), ("USD".to_owned(), "lb"));
    assert_eq!(
        rate("three times a month"),
        ("a multiple (x)".to_owned(), "month")
    );
    assert_eq!(rate("two dollars an hour").0, "USD");
    assert_eq!(prose("2 per cent").4, Unit::Percent);
    assert_eq!(prose("40 per day").4, Unit::Bare);
    assert_eq!(prose("6% per year").4, Unit::Percent);
    assert_eq!(rate("$1,800 an ounce"), ("USD".to_owned(), "oz"));
    // "a m" may be a time of day.
    assert_eq!(prose("$5 a m").0, "$5");
    assert_eq!(prose("$80 billion a year ago").0, "$80 billion");
    // A rate is compared as its amount: stores name the period elsewhere.
    assert!(
        prose("$7/month")
            .4
            .compatible(&Unit::Currency("USD".into()))
    );
    assert!(!prose("$7/month").4.compatible(&prose("$7/day").4));
    assert!(
        !prose("$7/month")
            .4
            .compatible(&Unit::Currency("EUR".into()))
    );
}

/// A unit to the power minus one is a count per that unit.
#[test]
fn inverse_units() {
    assert_eq!(prose("3e9 s-1").4.name(), "per second");
    assert_eq!(prose("20 fb−1 of").4.name(), "per fb");
    assert_eq!(prose("7 cm⁻¹").4.name(), "per cm");
    // A hyphen before more digits is no power.
    assert_eq!(prose("5 s-10 s").0, "5");
}

/// SI prefixes make symbols of the symbols that take them, in their case.
#[test]
fn prefixed_symbols_and_bits() {
    let measure = |text: &str| match prose(text).4 {
        Unit::Measure(m) => (m.symbol, m.dimension, m.factor),
        other => panic!("{text}: {other:?}"),
    };
    assert_eq!(measure("4.5 pm across").0, "pm");
    assert_eq!(measure("4.5 pm across").1, "length");
    assert!((measure("4.5 pm across").2 - 1e-12).abs() < 1e-24);
    assert_eq!(measure("30 ns later").0, "ns");
    assert_eq!(measure("8 fb").1, "area");
    assert_eq!(measure("64 b").0, "bits");
    // Glued, `b` is a billion; "as" and "us" are words.
    assert_eq!(prose("1.2b").2, 1.2e9);
    assert_eq!(prose("5 as well").4, Unit::Bare);
    assert_eq!(prose("3 us").4, Unit::Bare);
    // Units of several words and named temperatures.
    assert_eq!(measure("40 British thermal units").0, "BTU");
    assert_eq!(measure("absolute zero").0, "K");
    assert_eq!(prose("absolute zero").2, 0.0);
    assert_eq!(measure("2 gigaannum").1, "time");
}

#[test]
fn prose_qualifiers_ranges_and_words() {
    assert_eq!(prose("fewer than 25 points").1, Some(Qualifier::Under));
    let range = prose("14-15% faster");
    assert_eq!(
        (range.2, range.3, range.4),
        (14.0, Some(15.0), Unit::Percent)
    );
    assert_eq!(prose("between 44 and 50 mg").3, Some(50.0));
    assert_eq!(prose("24% to 11%").3, Some(11.0));
    assert_eq!(
        prose_quantity("24% to 11%", false).map(|(q, _)| q.high),
        Some(None)
    );
    // A year does not open a range of amounts; years and counts do.
    assert_eq!(prose("2023 to 18.2 million in 2025").0, "2023");
    assert_eq!(prose("2023 to 2025").3, Some(2025.0));
    assert_eq!(prose("2,000 to 5,000 units").3, Some(5000.0));
    assert_eq!(prose("twenty-three times").2, 23.0);
    assert_eq!(prose("twenty-three times").4, Unit::Multiple);
    assert_eq!(prose("three million, two hundred & forty").2, 3_000_240.0);
    assert_eq!(prose("more than doubled").1, Some(Qualifier::Over));
    assert_eq!(prose("topped 500 trials").1, Some(Qualifier::Over));
    assert_eq!(prose("surpassed $1 trillion").2, 1e12);
    assert_eq!(prose("nearly half").2, 50.0);
    assert_eq!(prose("two thirds").2, 66.7);
}

/// A denied bound is the other bound: "no more than 7" is at most 7; and a
/// bound may follow its number, unless another number follows the bound.
#[test]
fn prose_bounds_denied_and_after() {
    let bound = |text: &str| {
        let read = prose(text);
        (read.0, read.1)
    };
    let at_most = |text: &str| (text.to_owned(), Some(Qualifier::AtMost));
    let at_least = |text: &str| (text.to_owned(), Some(Qualifier::AtLeast));
    assert_eq!(bound("no more than 7 students"), at_most("no more than 7"));
    assert_eq!(
        bound("Not less than 5% failed"),
        at_least("Not less than 5%")
    );
    assert_eq!(bound("no fewer than 12"), at_least("no fewer than 12"));
    assert_eq!(bound("10 or more volunteers"), at_least("10 or more"));
    assert_eq!(bound("65 and over."), at_least("65 and over"));
    assert_eq!(bound("$5 or less, said"), at_most("$5 or less"));
    assert_eq!(bound("3 or fewer"), at_most("3 or fewer"));
    assert_eq!(bound("59 and over 30 came"), ("59".to_owned(), None));
    assert_eq!(bound("10 or more than 20"), ("10".to_owned(), None));
    assert_eq!(bound("8 and over five"), ("8".to_owned(), None));
    assert_eq!(bound("10 or moreover"), ("10".to_owned(), None));
    assert_eq!(
        bound("a hundred and up to 200"),
        ("a hundred".to_owned(), None)
    );
    assert_eq!(bound("18 and up."), at_least("18 and up"));
    assert_eq!(bound("50%+ of citations"), at_least("50%+"));
    assert_eq!(bound("100+ models"), at_least("100+"));
    assert_eq!(bound("$1B+."), at_least("$1B+"));
    assert_eq!(bound("2+2"), ("2".to_owned(), None));
}

#[test]
fn prose_numbers_in_other_notations() {
    assert_eq!(prose("2 1/2 in").2, 2.5);
    assert_eq!(prose("1/40 of").2, 0.025);
    assert!(prose_quantity("1/0 is", true).is_none());
    assert!((prose("2.48×10−5 more").2 - 2.48e-5).abs() < 1e-15);
    assert_eq!(prose("4e14 s").2, 4e14);
    assert_eq!(prose("10 000 dollars").2, 10_000.0);
    assert_eq!(prose("2024 100").0, "2024");
    assert_eq!(prose("½ tbsp").2, 0.5);
    assert_eq!(prose("9.83e-3 +/- 1e-5 km").0, "9.83e-3 +/- 1e-5 km");
}

/// Signs written as words, and a half of the scale that follows or comes
/// before it: wrong values here are worse than a miss.
#[test]
fn signed_and_half_scaled_spelled_numbers() {
    assert_eq!(prose("minus ten degrees").2, -10.0);
    assert_eq!(prose("Negative twenty-five").2, -25.0);
    assert_eq!(prose("two and a half million people").2, 2.5e6);
    assert_eq!(
        prose("two and a half million people").0,
        "two and a half million"
    );
    assert_eq!(prose("a million and a half").2, 1.5e6);
    assert_eq!(prose("minus a million and a half").2, -1.5e6);
    assert_eq!(prose("three and a half").2, 3.5);
    // A half of a million is read to the hundred thousand it states.
    let (q, _) = prose_quantity("one and a half billion", true).unwrap();
    assert_eq!(q.low.exponent, 8);
    assert_eq!(prose("minus 5 degrees").2, -5.0);
    assert_eq!(prose("Three point five billion dollars").2, 3.5e9);
    assert_eq!(
        prose("Three point five billion dollars").4,
        Unit::Currency("USD".into())
    );
    assert_eq!(prose("two point zero seven").2, 2.07);
    assert_eq!(prose("3 hundred and 21 people").2, 321.0);
    assert_eq!(prose("3 hundred people").2, 300.0);
    assert_eq!(prose("1.2b in").2, 1.2e9);
    assert_eq!(prose("1500b packets").2, 1500.0);
    assert_eq!(prose("$ 75 million").4, Unit::Currency("USD".into()));
    assert_eq!(prose("$ 75 million").2, 75e6);
    // A scale word alone starts a cardinal, but continues none.
    assert_eq!(prose("million and one").2, 1_000_001.0);
    // A bound on a fall bounds the ratio the other way.
    assert_eq!(prose("more than halved").1, Some(Qualifier::Under));
    assert_eq!(prose("nearly halved").1, Some(Qualifier::About));
    assert_eq!(prose("more than doubled").1, Some(Qualifier::Over));
    // Dozens, at the head of a number only.
    assert_eq!(prose("a dozen firms").0, "a dozen");
    assert_eq!(prose("a dozen firms").2, 12.0);
    assert_eq!(prose("two dozen eggs").2, 24.0);
    assert_eq!(prose("hundred and five twenty").0, "hundred and five");
    assert_eq!(prose("six million hundred").0, "six million");
    // "minus" or "negative" before no number is prose.
    assert!(prose_quantity("minus the cost", true).is_none());
    assert!(prose_quantity("negative growth", true).is_none());
}

mod no_misread_value {
    use proptest::prelude::*;

    use super::*;

    // The grammar's own word lists: what is tested is how the words combine.
    use crate::quantity::spelled::{ONES as ONE_WORDS, TENS as TEN_WORDS};

    fn below_hundred(n: u64) -> String {
        match n {
            0..20 => ONE_WORDS[n as usize].to_owned(),
            _ if n.is_multiple_of(10) => TEN_WORDS[n as usize / 10 - 2].to_owned(),
            _ => format!(
                "{}-{}",
                TEN_WORDS[n as usize / 10 - 2],
                ONE_WORDS[n as usize % 10]
            ),
        }
    }

    fn below_thousand(n: u64, and: bool) -> String {
        let (hundreds, rest) = (n / 100, n % 100);
        match (hundreds, rest) {
            (0, _) => below_hundred(rest),
            (_, 0) => format!("{} hundred", ONE_WORDS[hundreds as usize]),
            _ => format!(
                "{} hundred{}{}",
                ONE_WORDS[hundreds as usize],
                if and { " and " } else { " " },
                below_hundred(rest)
            ),
        }
    }

    /// `n` spelled out as English writes it, groups largest first.
    fn spell(n: u64, and: bool) -> String {
        if n == 0 {
            return "zero".to_owned();
        }
        let mut groups = Vec::new();
        for (scale, word) in [
            (1_000_000_000, " billion"),
            (1_000_000, " million"),
            (1_000, " thousand"),
            (1, ""),
        ] {
            let group = n / scale % 1000;
            if group > 0 {
                groups.push(format!("{}{word}", below_thousand(group, and)));
            }
        }
        groups.join(" ")
    }

    /// A spelled amount and its value: a cardinal, or a number below a
    /// hundred and a half before a scale word; either after "minus".
    fn spelled_amount() -> impl Strategy<Value = (String, f64)> {
        let cardinal =
            (0u64..1_000_000_000_000, any::<bool>()).prop_map(|(n, and)| (spell(n, and), n as f64));
        let half = (
            1u64..100,
            prop::sample::select(vec![
                ("", 1.0),
                (" thousand", 1e3),
                (" million", 1e6),
                (" billion", 1e9),
            ]),
        )
            .prop_map(|(n, (word, scale))| {
                (
                    format!("{} and a half{word}", below_hundred(n)),
                    (n as f64 + 0.5) * scale,
                )
            });
        // "three point zero five billion": decimals read digit by digit.
        let point = (
            0u64..100,
            prop::collection::vec(0u64..10, 1..4),
            prop::sample::select(vec![("", 1.0), (" million", 1e6), (" billion", 1e9)]),
        )
            .prop_map(|(n, digits, (word, scale))| {
                let spoken: Vec<&str> = digits.iter().map(|d| ONE_WORDS[*d as usize]).collect();
                let decimals = digits.iter().fold(0u64, |m, d| m * 10 + d);
                let fraction = decimals as f64 / 10f64.powi(digits.len() as i32);
                (
                    format!("{} point {}{word}", below_hundred(n), spoken.join(" ")),
                    (n as f64 + fraction) * scale,
                )
            });
        // "a quarter million", "a tenth of": a share of a scale.
        let share_of_scale = (
            prop::sample::select(vec![
                ("half", 0.5),
                ("quarter", 0.25),
                ("fifth", 0.2),
                ("tenth", 0.1),
            ]),
            prop::sample::select(vec![
                (" thousand", 1e3),
                (" million", 1e6),
                (" billion", 1e9),
            ]),
        )
            .prop_map(|((share, part), (word, scale))| (format!("a {share}{word}"), part * scale));
        // "million and one", "hundred and five": a scale word alone first.
        let bare_scale = (
            prop::sample::select(vec![
                ("hundred", 100.0),
                ("thousand", 1e3),
                ("million", 1e6),
            ]),
            1u64..100,
        )
            .prop_map(|((word, scale), n)| {
                (format!("{word} and {}", below_hundred(n)), scale + n as f64)
            });
        let shapes = prop_oneof![cardinal, half, point, share_of_scale, bare_scale];
        (shapes, any::<bool>()).prop_map(|((text, value), minus)| {
            if minus {
                (format!("minus {text}"), -value)
            } else {
                (text, value)
            }
        })
    }

    /// Digits as prose writes them, with or without thousands separators, a
    /// fraction, a sign and a magnitude word, and their value.
    fn digit_amount() -> impl Strategy<Value = (String, f64)> {
        (
            0u64..1_000_000_000,
            prop::option::of(0u32..1000),
            any::<bool>(),
            any::<bool>(),
            prop::sample::select(vec![
                ("", 1.0),
                (" thousand", 1e3),
                (" million", 1e6),
                ("bn", 1e9),
            ]),
        )
            .prop_map(|(whole, fraction, grouped, negative, (word, scale))| {
                let digits = whole.to_string();
                let mut written = if grouped {
                    let mut out = String::new();
                    for (k, c) in digits.chars().enumerate() {
                        if k > 0 && (digits.len() - k) % 3 == 0 {
                            out.push(',');
                        }
                        out.push(c);
                    }
                    out
                } else {
                    digits
                };
                let mut value = whole as f64;
                if let Some(fraction) = fraction {
                    written.push_str(&format!(".{fraction:03}"));
                    value += f64::from(fraction) / 1000.0;
                }
                let sign = match (negative, whole % 3) {
                    (false, _) => "",
                    (true, 0) => "minus ",
                    (true, _) => "-",
                };
                (
                    format!("{sign}{written}{word}"),
                    if negative { -value } else { value } * scale,
                )
            })
    }

    fn reads_as_written(text: &str, value: f64) -> Result<(), TestCaseError> {
        for ranges in [true, false] {
            if let Some((q, _)) = prose_quantity(text, ranges) {
                let read = q.low.value();
                prop_assert!(
                    (read - value).abs() <= 1e-9 * value.abs().max(1.0),
                    "{text:?} read as {read}, written {value}"
                );
                prop_assert!(q.high.is_none(), "{text:?} read as a range");
            }
        }
        Ok(())
    }

    /// What may follow an amount and make it a rate, an inverse unit or
    /// neither: the amount stays the one written.
    const RATES: [&str; 6] = [
        "/hour",
        " per kg.",
        " a week earlier",
        " times a day",
        " s-1",
        " fb−1 of data",
    ];

    /// `3 hundred and 21`: digits before "hundred" and the rest after it.
    fn digit_hundreds() -> impl Strategy<Value = (String, f64)> {
        (1u64..1000, prop::option::of(1u64..100), any::<bool>()).prop_map(|(h, rest, and)| {
            let tail = match rest {
                Some(r) => format!("{}{r}", if and { " and " } else { " " }),
                None => String::new(),
            };
            (
                format!("{h} hundred{tail}"),
                (h * 100 + rest.unwrap_or(0)) as f64,
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The same for hundreds written with digits.
        #[test]
        fn hundreds_in_digits_read_as_written((text, value) in digit_hundreds()) {
            reads_as_written(&text, value)?;
            reads_as_written(&format!("{text} people came."), value)?;
        }

        /// Whatever the prose reader returns for a spelled amount, followed
        /// by prose, is the amount written.
        #[test]
        fn a_spelled_amount_reads_as_written((text, value) in spelled_amount()) {
            reads_as_written(&text, value)?;
            reads_as_written(&format!("{text} people came."), value)?;
            for rate in RATES {
                reads_as_written(&format!("{text}{rate}"), value)?;
            }
        }

        /// The same for digits.
        #[test]
        fn a_digit_amount_reads_as_written((text, value) in digit_amount()) {
            reads_as_written(&text, value)?;
            reads_as_written(&format!("{text} people came."), value)?;
            for rate in RATES {
                reads_as_written(&format!("{text}{rate}"), value)?;
            }
        }
    }
}

/// Units written as words take their dimension from the one table of units,
/// and convert within it: a kilometre written out is a thousand metres.
#[test]
fn unit_words_have_a_dimension() {
    let dimension = |text: &str| match prose(text).4 {
        Unit::Measure(m) => m.dimension,
        other => panic!("{text}: {other:?}"),
    };
    assert_eq!(dimension("6 feet tall"), "length");
    assert_eq!(dimension("1,500,000 kilometres from Earth"), "length");
    assert_eq!(dimension("16.25 nanometers wide"), "length");
    assert_eq!(dimension("ten milligrams of"), "mass");
    assert_eq!(dimension("six gallons of water"), "volume");
    assert_eq!(dimension("12 watts"), "power");
    assert_eq!(dimension("32 degrees Celsius"), "temperature (Celsius)");
    assert_eq!(
        dimension("114 degrees Fahrenheit"),
        "temperature (Fahrenheit)"
    );
    // The scale by its letter, alone, or after "deg".
    assert_eq!(
        dimension("40 degrees F outside"),
        "temperature (Fahrenheit)"
    );
    assert_eq!(dimension("-4 Celsius overnight"), "temperature (Celsius)");
    assert_eq!(dimension("21 deg C"), "temperature (Celsius)");
    assert_eq!(dimension("3 hectares of"), "area");
    assert_eq!(dimension("12 knots"), "length per time");
    assert_eq!(dimension("two decades"), "time");
    // Degrees with no scale may be a temperature or an angle: degrees all
    // the same, never compared with a scale's.
    assert_eq!(dimension("75 degrees in the shade"), "temperature or angle");
    assert_eq!(dimension("85°."), "temperature or angle");
    assert_ne!(prose("75 degrees").4, prose("75 degrees Fahrenheit").4);
    let base = |text: &str| {
        let (q, _) = prose_quantity(text, true).unwrap();
        q.reading(0.0).central.unwrap()
    };
    assert_eq!(base("1.5 km"), base("1,500 metres"));
    assert_eq!(base("29.6 gigawatts"), base("29,600 MW"));
    // A unit of two words, spaced or hyphenated: energy, not power.
    assert_eq!(prose("0.42 watt-hours per query").4.name(), "Wh (energy)");
    assert_eq!(base("415 terawatt hours"), base("415 TWh"));
}

/// Chinese writes magnitudes and units right after the digits, and runs on
/// with no space.
#[test]
fn chinese_magnitudes_and_units_after_digits() {
    let read = |text: &str| {
        let (q, len) = prose_quantity(text, true).unwrap_or_else(|| panic!("{text}"));
        (text[..len].to_owned(), q.low.value(), q.unit)
    };
    let usd = Unit::Currency("USD".into());
    let cny = Unit::Currency("CNY".into());
    assert_eq!(
        read("2859亿美元的投资"),
        ("2859亿美元".into(), 285.9e9, usd.clone())
    );
    assert_eq!(read("1.2万人"), ("1.2万".into(), 12_000.0, Unit::Bare));
    assert_eq!(read("5块钱"), ("5块".into(), 5.0, cny.clone()));
    assert_eq!(read("3块芯片"), ("3".into(), 3.0, Unit::Bare));
    assert_eq!(read("９０％的"), ("９０％".into(), 90.0, Unit::Percent));
    assert_eq!(
        read("１．５万亿元"),
        ("１．５万亿元".into(), 1.5e12, cny.clone())
    );
    assert_eq!(read("88%的企业"), ("88%".into(), 88.0, Unit::Percent));
    assert_eq!(read("23倍。"), ("23倍".into(), 23.0, Unit::Multiple));
    assert_eq!(
        read("5个百分点"),
        ("5个百分点".into(), 5.0, Unit::PercentagePoints)
    );
    assert_eq!(read("3.5万亿元"), ("3.5万亿元".into(), 3.5e12, cny));
    assert_eq!(read("$1.5亿"), ("$1.5亿".into(), 1.5e8, usd));
    assert_eq!(read("5个模型"), ("5".into(), 5.0, Unit::Bare));
    // Tonnes of CO2 equivalent, the gas in Latin letters, are emissions.
    assert_eq!(read("27,816吨 CO2e，").2.name(), "tCO2e (emissions)");
    assert_eq!(read("63吨CO2e").2.name(), "tCO2e (emissions)");
    assert_eq!(read("63吨钢").2.name(), "tonnes (mass)");
    // The written precision stays: 1.2万 is read to the thousand.
    let (q, _) = prose_quantity("1.2万", true).unwrap();
    assert_eq!((q.low.mantissa, q.low.exponent), (12, 3));
}

/// Chinese numerals: cardinals, percentages, shares and tenths, with the
/// magnitudes and units Chinese writes after them.
#[test]
fn chinese_numerals() {
    let read = |text: &str| {
        let (q, len) = prose_quantity(text, true).unwrap_or_else(|| panic!("{text}"));
        (text[..len].to_owned(), q.low.value(), q.unit)
    };
    assert_eq!(read("两千三百人"), ("两千三百".into(), 2300.0, Unit::Bare));
    assert_eq!(
        read("一万两千所"),
        ("一万两千".into(), 12_000.0, Unit::Bare)
    );
    assert_eq!(read("十二万名"), ("十二万".into(), 120_000.0, Unit::Bare));
    assert_eq!(read("一千零五"), ("一千零五".into(), 1005.0, Unit::Bare));
    assert_eq!(
        read("百分之八十八的"),
        ("百分之八十八".into(), 88.0, Unit::Percent)
    );
    assert_eq!(
        read("百分之十二点五"),
        ("百分之十二点五".into(), 12.5, Unit::Percent)
    );
    assert_eq!(read("九成"), ("九成".into(), 90.0, Unit::Percent));
    assert_eq!(read("四分之三的"), ("四分之三".into(), 75.0, Unit::Percent));
    assert_eq!(
        read("三百亿美元"),
        ("三百亿美元".into(), 3e10, Unit::Currency("USD".into()))
    );
    // 三百亿 is read to the 亿 it names.
    let (q, _) = prose_quantity("三百亿", true).unwrap();
    assert_eq!((q.low.mantissa, q.low.exponent), (300, 8));
    assert!(prose_quantity("万一", true).is_none());
}

mod no_misread_chinese {
    use proptest::prelude::*;

    use super::*;

    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// A group below ten thousand, with 零 for the places it skips.
    fn group(n: u64) -> String {
        let places = [
            (n / 1000, "千"),
            (n / 100 % 10, "百"),
            (n / 10 % 10, "十"),
            (n % 10, ""),
        ];
        let mut out = String::new();
        let (mut started, mut gap) = (false, false);
        for (digit, unit) in places {
            if digit == 0 {
                gap |= started;
            } else {
                if gap {
                    out.push('零');
                    gap = false;
                }
                out.push_str(DIGITS[digit as usize]);
                out.push_str(unit);
                started = true;
            }
        }
        out
    }

    /// `n` (below 10^12) in Chinese numerals, 亿 and 万 groups first.
    fn chinese(n: u64) -> String {
        let (yi, wan, rest) = (n / 100_000_000, n / 10_000 % 10_000, n % 10_000);
        let mut out = String::new();
        if yi > 0 {
            out += &group(yi);
            out.push('亿');
        }
        if wan > 0 {
            if yi > 0 && wan < 1000 {
                out.push('零');
            }
            out += &group(wan);
            out.push('万');
        }
        if rest > 0 {
            if n >= 10_000 && rest < 1000 {
                out.push('零');
            }
            out += &group(rest);
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Whatever the prose reader returns for a number in Chinese
        /// numerals, followed by Chinese, is the number written.
        #[test]
        fn a_chinese_numeral_reads_as_written(n in 1u64..1_000_000_000_000) {
            let text = format!("{}个模型", chinese(n));
            let (q, len) = prose_quantity(&text, true).unwrap();
            prop_assert_eq!(q.low.value(), n as f64, "{}", text);
            prop_assert_eq!(&text[len..], "个模型");
        }
    }
}

/// Units as issue 10 lists them: by hyphen, with a power, as marks, currency
/// signs and codes on either side, minor units of a currency, temperatures.
#[test]
fn units_on_either_side_and_in_every_notation() {
    let read = |text: &str| {
        let (written, _, value, _, unit) = prose(text);
        (written, value, unit.name())
    };
    let usd = || "USD".to_owned();
    assert_eq!(read("USD 200 more"), ("USD 200".into(), 200.0, usd()));
    assert_eq!(
        read("200 yuan in"),
        ("200 yuan".into(), 200.0, "CNY".into())
    );
    assert_eq!(read("-15€ a"), ("-15€".into(), -15.0, "EUR".into()));
    assert_eq!(read("15 € a"), ("15 €".into(), 15.0, "EUR".into()));
    assert_eq!(read("50 cents a"), ("50 cents".into(), 0.5, usd()));
    assert_eq!(
        read("3 dollars 50 cents"),
        ("3 dollars 50 cents".into(), 3.5, usd())
    );
    assert_eq!(
        read("one hundred cents"),
        ("one hundred cents".into(), 1.0, usd())
    );
    assert_eq!(
        read("20 million pounds"),
        ("20 million pounds".into(), 2e7, "GBP".into())
    );
    assert_eq!(read("2,000 pounds").2, "lb (mass)");
    assert_eq!(
        read("a quarter million US dollars"),
        ("a quarter million US dollars".into(), 250_000.0, usd())
    );
    assert_eq!(
        read("over a quarter of a trillion dollars"),
        ("over a quarter of a trillion dollars".into(), 2.5e11, usd())
    );
    assert_eq!(
        read("20-minute walk"),
        ("20-minute".into(), 20.0, "minutes (time)".into())
    );
    assert_eq!(read("twenty-pound bag").2, "lb (mass)");
    assert_eq!(read("116,347 sq mi").2, "sq mi (area)");
    assert_eq!(read("4km^2").2, "km² (area)");
    assert_eq!(read("4 m^2").2, "m² (area)");
    // A glued `m` is a million, unless a word of length follows.
    assert_eq!(read("5m users"), ("5m".into(), 5e6, "a bare number".into()));
    assert_eq!(read("$5m in 2025"), ("$5m".into(), 5e6, usd()));
    assert_eq!(read("~3m stars").1, 3e6);
    assert_eq!(read("5m tall").2, "`m`");
    assert_eq!(read("100m sprint").2, "`m`");
    assert_eq!(read("3m-long cable").2, "`m`");
    assert_eq!(read("4 km cubed").2, "km³ (volume)");
    assert_eq!(read("4 square kilometers").2, "km² (area)");
    assert_eq!(read("2 in thick").2, "inches (length)");
    assert_eq!(read("59 in 2025").2, "a bare number");
    assert_eq!(read("8\" wrench").2, "inches (length)");
    assert_eq!(
        read("2½' wide"),
        ("2½'".into(), 2.5, "feet (length)".into())
    );
    assert_eq!(read("−273.15°C").2, "°C (temperature (Celsius))");
    assert_eq!(read("30 C outside").2, "°C (temperature (Celsius))");
    assert_eq!(read("⅓ cup").2, "cups (volume)");
    assert_eq!(read("approximately one-half miles").1, 0.5);
    assert_eq!(read("approximately one-half miles").2, "miles (length)");
    let range = prose("8- to 16-meter telescope");
    assert_eq!(
        (range.2, range.3, range.4.name()),
        (8.0, Some(16.0), "m (length)".into())
    );
}

/// 多 or 余 after a round number or a number of tenths is "more than" it,
/// with the magnitude and the unit after it: 20多亿 is more than two
/// billion, not twenty.
#[test]
fn more_than_a_round_number_in_chinese() {
    let over = Some(Qualifier::Over);
    assert_eq!(
        prose("四百多页"),
        ("四百多".into(), over, 400.0, None, Unit::Bare)
    );
    assert_eq!(
        prose("100多美元的芯片"),
        (
            "100多美元".into(),
            over,
            100.0,
            None,
            Unit::Currency("USD".into())
        )
    );
    assert_eq!(prose("1000多家公司").0, "1000多");
    assert_eq!(prose("59多").1, None);
    assert_eq!(
        prose("20多亿美元的投资"),
        (
            "20多亿美元".into(),
            over,
            2e9,
            None,
            Unit::Currency("USD".into())
        )
    );
    assert_eq!(prose("1000余万人").2, 1e7);
    assert_eq!(prose("1000余万人").1, over);
    assert_eq!(prose("30多于20").1, None);
    // 三成多, "three tenths and more": over 30%.
    assert_eq!(
        prose("三成多。"),
        ("三成多".into(), over, 30.0, None, Unit::Percent)
    );
    assert_eq!(prose("三成的人").1, None);
}

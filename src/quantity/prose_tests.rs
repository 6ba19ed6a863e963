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
    assert!(prose_quantity("4o model", true).is_none());
    assert!(prose_quantity("21st century", true).is_none());
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
    assert_eq!(prose("twenty-three times").2, 23.0);
    assert_eq!(prose("twenty-three times").4, Unit::Multiple);
    assert_eq!(prose("three million, two hundred & forty").2, 3_000_240.0);
    assert_eq!(prose("more than doubled").1, Some(Qualifier::Over));
    assert_eq!(prose("nearly half").2, 50.0);
    assert_eq!(prose("two thirds").2, 66.7);
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

//! Numbers and intervals as reports write them.

use crate::interval::Interval;
use crate::quantity::{Reading, Unit};

pub(super) fn show_signed(x: f64, unit: &Unit) -> String {
    let text = show_number_in(x.abs(), unit);
    if x < 0.0 {
        format!("{text} lower")
    } else {
        format!("{text} higher")
    }
}

/// Four significant digits, trailing zeros trimmed.
pub(crate) fn show_number(x: f64) -> String {
    show_digits(x, 4)
}

fn show_digits(x: f64, significant: i32) -> String {
    if x == 0.0 || !x.is_finite() {
        return if x.is_nan() {
            "?".to_owned()
        } else {
            format!("{x}")
        };
    }
    let magnitude = x.abs().log10().floor() as i32;
    let decimals = (significant - 1 - magnitude).max(0) as usize;
    let text = format!("{x:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A number in a unit, with a magnitude word for large amounts.
pub(crate) fn show_number_in(x: f64, unit: &Unit) -> String {
    show_number_in_digits(x, unit, 4)
}

fn show_number_in_digits(x: f64, unit: &Unit, digits: i32) -> String {
    let show_number = |x: f64| show_digits(x, digits);
    if !x.is_finite() {
        return if x > 0.0 {
            "∞".to_owned()
        } else {
            "-∞".to_owned()
        };
    }
    let scaled = |x: f64| {
        let abs = x.abs();
        if abs >= 1e12 {
            format!("{} trillion", show_number(x / 1e12))
        } else if abs >= 1e9 {
            format!("{} billion", show_number(x / 1e9))
        } else if abs >= 1e6 {
            format!("{} million", show_number(x / 1e6))
        } else {
            show_number(x)
        }
    };
    match unit {
        Unit::Bare => scaled(x),
        Unit::Percent => format!("{}%", show_number(x)),
        Unit::PercentagePoints => format!("{}pp", show_number(x)),
        Unit::Multiple => format!("{}x", show_number(x)),
        Unit::Currency(code) if code == "USD" => {
            if x < 0.0 {
                format!("-${}", scaled(-x))
            } else {
                format!("${}", scaled(x))
            }
        }
        Unit::Currency(code) => format!("{code} {}", scaled(x)),
        Unit::Measure(m) => format!("{} {}", show_number(x / m.factor), m.symbol),
        Unit::Noun(noun) => format!("{} {noun}", scaled(x)),
        Unit::Rate(amount, per) => format!(
            "{} per {}",
            show_number_in_digits(x, amount, digits),
            per.singular_symbol()
        ),
    }
}

pub(super) fn show_central(r: &Reading, unit: &Unit) -> String {
    match r.central {
        Some(c) => show_number_in(c, unit),
        None => show_interval(&r.set, unit),
    }
}

pub(crate) fn show_interval(i: &Interval, unit: &Unit) -> String {
    let open = if i.lo_open { '(' } else { '[' };
    let close = if i.hi_open { ')' } else { ']' };
    // Five significant digits, or as many more as it takes to show the ends apart.
    let width = i.hi - i.lo;
    let scale = i.lo.abs().max(i.hi.abs());
    let digits = if width > 0.0 && width.is_finite() && scale > 0.0 {
        ((scale / width).log10().ceil() as i32 + 1).clamp(5, 9)
    } else {
        5
    };
    format!(
        "{open}{}, {}{close}",
        show_number_in_digits(i.lo, unit, digits),
        show_number_in_digits(i.hi, unit, digits)
    )
}

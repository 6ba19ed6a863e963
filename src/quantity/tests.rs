use super::*;

fn q(text: &str) -> Quantity {
    parse_quantity(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn the_scales_are_the_magnitudes_spelled_in_full() {
    let scales: Vec<&str> = SCALES.iter().map(|&(word, _)| word).collect();
    assert_eq!(scales, ["thousand", "million", "billion", "trillion"]);
}

#[test]
fn digits_keep_their_precision() {
    let forty = q("40").reading(0.05);
    let forty_point_zero = q("40.0").reading(0.05);
    assert!(forty.strict.contains(39.5) && forty.strict.contains(40.49));
    assert!(!forty.strict.contains(39.49) && !forty.strict.contains(40.51));
    assert!(forty_point_zero.strict.contains(39.96));
    assert!(!forty_point_zero.strict.contains(39.94));
}

#[test]
fn magnitudes_scale_the_last_digit() {
    let n = q("$285.9 billion");
    assert_eq!(n.unit, Unit::Currency("USD".into()));
    assert_eq!((n.low.mantissa, n.low.exponent), (2859, 8));
    let r = n.reading(0.05);
    assert!(r.strict.contains(285.86e9) && !r.strict.contains(285.96e9));
    assert_eq!(q("$150B").low.exponent, 9);
    assert_eq!(
        q("17.1 million H100-equivalents").unit,
        Unit::Noun("h100-equivalent".into())
    );
    assert_eq!(q("72,816 tCO2e").low.mantissa, 72816);
}

#[test]
fn units_and_signs() {
    assert_eq!(q("+127.5%").unit, Unit::Percent);
    assert!(!q("+127.5%").low.negative);
    assert!(q("-13pp").low.negative);
    assert_eq!(q("-13pp").unit, Unit::PercentagePoints);
    assert_eq!(q("6 percentage points").unit, Unit::PercentagePoints);
    assert_eq!(q("23x").unit, Unit::Multiple);
    assert_eq!(q("3.3-fold").unit, Unit::Multiple);
    assert_eq!(q("23 times").unit, Unit::Multiple);
    assert_eq!(q("€4 bn").unit, Unit::Currency("EUR".into()));
    assert_eq!(q("USD 12").unit, Unit::Currency("USD".into()));
    assert_eq!(q("12 RMB").unit, Unit::Currency("CNY".into()));
    assert_eq!(q("29.6 GW").unit.factor(), 1e9);
    // A currency's name is that currency, as in prose.
    assert_eq!(
        q("285.9 billion dollars").unit,
        Unit::Currency("USD".into())
    );
    assert_eq!(q("3 US dollars").unit, Unit::Currency("USD".into()));
    assert_eq!(q("4 euros").unit, Unit::Currency("EUR".into()));
    assert_eq!(q("12.4 billion yuan").unit, Unit::Currency("CNY".into()));
}

#[test]
fn one_digit_multiples_reach_from_just_below_to_the_next_half() {
    let doubled = q("2x").reading(0.05);
    assert_eq!(doubled.strict, Interval::half_open(1.9, 2.5));
    assert!(doubled.set.contains(2.3) && !doubled.set.contains(1.55));
    assert_eq!(q("2x").truncated(), None);
    // Two digits, or a decimal, read as any other number.
    assert_eq!(
        q("10x").reading(0.05).strict,
        Interval::half_open(9.5, 10.5)
    );
    assert_eq!(
        q("2.0x").reading(0.05).strict,
        Interval::half_open(1.95, 2.05)
    );
    assert_eq!(q("2").reading(0.05).strict, Interval::half_open(1.5, 2.5));
    // "Nearly" owns to rounding up, and a one-digit multiple is already
    // rounded coarsely: 2.81x is nearly 3x, 2.6x is not.
    let nearly = q("nearly 3x").reading(0.05);
    assert!(nearly.set.contains(2.81) && !nearly.set.contains(2.6));
    // "About" and "close to" as much, either way.
    let about = q("about 3x").reading(0.05);
    assert!(about.set.contains(2.81) && about.set.contains(3.2) && !about.set.contains(2.6));
}

proptest::proptest! {
    /// The rounding intervals of neighbouring numbers, in any unit,
    /// tile the line: they only touch.
    #[test]
    fn neighbouring_numbers_never_overlap(
        mantissa in 0u64..10_000_000,
        decimals in 0usize..4,
        form in proptest::sample::select(vec!["{}", "{} GW", "{} kWh", "${} billion", "{} hours"]),
    ) {
        let text = |m: u64| {
            let digits = format!("{m:0>width$}", width = decimals + 1);
            let (whole, fraction) = digits.split_at(digits.len() - decimals);
            let number = if decimals == 0 { whole.to_owned() } else { format!("{whole}.{fraction}") };
            form.replace("{}", &number)
        };
        let (low, high) = (q(&text(mantissa)), q(&text(mantissa + 1)));
        let (low, high) = (low.reading(0.05).strict, high.reading(0.05).strict);
        proptest::prop_assert!(!low.overlaps(&high), "{:?} {:?}", low, high);
        proptest::prop_assert_eq!(low.hi, high.lo);
    }
}

#[test]
fn qualifiers_bound_or_widen() {
    assert_eq!(q("over 60%").qualifier, Some(Qualifier::Over));
    assert_eq!(q("more than 23x").qualifier, Some(Qualifier::Over));
    assert_eq!(q("~ 17 million").qualifier, Some(Qualifier::About));
    let over = q("over 60%").reading(0.05);
    assert!(!over.set.contains(60.0) && over.set.contains(60.01));
    let nearly = q("nearly 50%").reading(0.05);
    assert!(nearly.set.contains(47.6) && !nearly.set.contains(50.6));
    assert!(!nearly.strict.contains(47.6));
}

#[test]
fn a_share_in_fraction_words_is_as_coarse_as_the_fraction() {
    let half = q("half").reading(0.05);
    assert!(half.set.contains(47.5) && half.set.contains(52.5));
    assert!(!half.set.contains(47.4) && !half.set.contains(52.6));
    // Its qualifier widens it by twice the tolerance: 47% is "nearly half".
    let nearly = q("nearly half").reading(0.05);
    assert!(nearly.set.contains(45.0) && !nearly.set.contains(44.9));
    assert!(!nearly.strict.contains(47.0));
    let third = q("about a third").reading(0.05);
    assert!(third.set.contains(30.0) && !third.set.contains(29.5));
    assert!(q("三分之一").in_fraction_words() && q("近一半").in_fraction_words());
    // Digits are as precise as they are written, "percent" in Chinese too.
    for precise in ["50%", "nearly 50%", "百分之五十"] {
        assert!(!q(precise).in_fraction_words(), "{precise}");
    }
    assert!(!q("nearly 50%").reading(0.05).set.contains(47.0));
}

#[test]
fn claims_state_values_as_prose_writes_them() {
    let read = |text: &str| {
        let q = q(text);
        (q.qualifier, q.low.value() * q.unit.factor(), q.unit)
    };
    assert_eq!(
        read("nearly half"),
        (Some(Qualifier::Nearly), 50.0, Unit::Percent)
    );
    assert_eq!(read("twenty-three times"), (None, 23.0, Unit::Multiple));
    assert_eq!(read("1.2万"), (None, 12_000.0, Unit::Bare));
    let (_, value, unit) = read("2859亿美元");
    assert_eq!(unit, Unit::Currency("USD".into()));
    assert!((value - 285.9e9).abs() < 1.0);
    // Where both grammars read a value, the claim's reading stands: its
    // forms go further than prose's.
    assert_eq!(q("22%..94%").high.map(|h| h.mantissa), Some(94));
    assert_eq!(
        q("5,427 data centers").unit,
        Unit::Noun("data center".into())
    );
}

#[test]
fn ranges_share_their_unit() {
    let r = q("22%..94%");
    assert_eq!(r.unit, Unit::Percent);
    assert_eq!(r.high.map(|h| h.mantissa), Some(94));
    assert_eq!(q("22..94%").unit, Unit::Percent);
    assert_eq!(q("1.5..2 billion").low.exponent, 8);
}

#[test]
fn malformed_quantities_are_errors() {
    for bad in ["", "$", "12 $", "1,5", "5%%", "$5%", "22%..$94", "1.2.3"] {
        assert!(parse_quantity(bad).is_err(), "{bad:?} parsed");
    }
    let long = "9".repeat(60);
    assert_eq!(
        parse_quantity(&long).unwrap_err().message,
        "number has too many digits"
    );
}

proptest::proptest! {
    /// Whatever digits are written, the reading holds the written value.
    #[test]
    fn the_reading_holds_the_written_value(whole in 0u64..10_000_000, fraction in 0u32..1000, decimals in 0usize..4) {
        let text = if decimals == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{:0width$}", fraction % 10u32.pow(decimals as u32), width = decimals)
        };
        let written: f64 = text.parse().unwrap();
        let reading = q(&text).reading(0.05);
        proptest::prop_assert!(reading.strict.contains(written), "{text}");
        proptest::prop_assert!(reading.set.contains(written), "{text}");
    }
}

#[test]
fn display_round_trips() {
    for text in [
        "nearly $285.9 billion",
        "60%",
        "-13pp",
        "23.1x",
        "22%..94%",
        "44.0%",
    ] {
        assert_eq!(q(text).to_string(), text);
    }
}

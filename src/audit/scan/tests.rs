use super::*;

/// Each number's unit and value, in order.
fn units_and_values(text: &str) -> Vec<(String, f64)> {
    scan(text, BlockKind::Paragraph)
        .iter()
        .map(|m| (m.quantity.unit.name(), m.quantity.low.value()))
        .collect()
}

fn found(text: &str) -> Vec<String> {
    scan(text, BlockKind::Paragraph)
        .into_iter()
        .map(|m| text[m.start..m.end].to_owned())
        .collect()
}

#[test]
fn numbers_with_qualifiers_units_and_ranges() {
    assert_eq!(
        found("NVIDIA accounts for over 60% of compute, up 3.3x; 14-15% faster, $285.9 billion."),
        ["over 60%", "3.3x", "14-15%", "$285.9 billion"]
    );
    assert_eq!(
        found("The share fell from 24% to 11% and rates ranged from 22% to 94%."),
        ["24%", "11%", "22% to 94%"]
    );
    assert_eq!(
        found("There are 5,427 data centers and under 6 percentage points of gap."),
        ["5,427", "under 6 percentage points"]
    );
    // A time unit one modifier after the number is still its unit.
    assert_eq!(
        found("It logged over 1,250 runtime hours in 3 consecutive years, 12 of the years."),
        ["over 1,250 runtime hours", "3 consecutive years", "12"]
    );
    // A comparison glued to its number bounds it; an arrow's head does not.
    assert_eq!(
        found("Growth was >200%, the gap <10 points, ≤ 6 pts, and 20% ->77.3%."),
        [">200%", "<10 points", "≤ 6 pts", "20%", "77.3%"]
    );
    let bounds: Vec<_> = scan("from >$1T to <10%", BlockKind::Paragraph)
        .iter()
        .map(|m| m.quantity.qualifier)
        .collect();
    assert_eq!(bounds, [Some(Qualifier::Over), Some(Qualifier::Under)]);
}

/// Chinese: numbers glued to the words around them, dates (2026年4月)
/// and ordinals (第3) that are no quantities.
#[test]
fn chinese_numbers_dates_and_ordinals() {
    assert_eq!(
        found("2026年4月的报告显示，私人投资达到2859亿美元，增长了44%。第3章有12个图表。"),
        ["2859亿美元", "44%", "12"]
    );
    assert_eq!(
        found("The US invested $109.1 billion, 是中国的12倍。"),
        ["$109.1 billion", "12倍"]
    );
    assert_eq!(
        found("第三章说，百分之八十八的企业在五年内雇了两千三百人；三月统一了一些标准。"),
        ["百分之八十八", "五", "两千三百"]
    );
}

/// Chinese qualifiers stand right before the number and are its own; a
/// count before a measure word is no year; 一半 is a share where it is
/// qualified or of something.
#[test]
fn chinese_qualifiers_counts_and_halves() {
    let text = "超过一半的受访者使用AI，近90%的企业投资约2859亿美元，不到10%失败；美国有1953家公司，占总数的一半，功耗只有一半。";
    assert_eq!(
        found(text),
        [
            "超过一半",
            "近90%",
            "约2859亿美元",
            "不到10%",
            "1953",
            "一半"
        ]
    );
    let qualifiers: Vec<Option<Qualifier>> = scan(text, BlockKind::Paragraph)
        .iter()
        .map(|m| m.quantity.qualifier)
        .collect();
    assert_eq!(
        qualifiers,
        [
            Some(Qualifier::Over),
            Some(Qualifier::Nearly),
            Some(Qualifier::About),
            Some(Qualifier::Under),
            None,
            None
        ]
    );
}

#[test]
fn words_and_verbs() {
    assert_eq!(
        found(
            "Investment more than doubled, tripling the median; nearly half of it and a third of that, twenty-three times more."
        ),
        [
            "more than doubled",
            "tripling",
            "nearly half",
            "a third",
            "twenty-three times"
        ]
    );
    assert_eq!(
        found("In the first half of AI, one of them won."),
        Vec::<String>::new()
    );
    // The top of a scale states no number; a whole after its part does.
    assert_eq!(found("It scored 25.5 (out of 30)."), ["25.5"]);
    assert_eq!(found("It solved 26 out of 30 problems."), ["26", "30"]);
    // The denominator of a rate is its unit, no number stated.
    assert_eq!(found("It gave 14.6 wrong answers per 100 cases."), ["14.6"]);
    // A fraction word joined to a noun is half a compound, no share.
    assert!(found("Its a half-year average beat a third-party audit.").is_empty());
}

#[test]
fn dates_times_versions_and_names_are_not_numbers() {
    assert!(
        found("In 2025, by March 2026, since 2022, on 07/01 2026 at 10:30 or 2 pm.").is_empty()
    );
    assert!(
        found("Then Grok 4 and Veo 3 ran GPT-4o on H100 chips under ISO/IEC 42001, version 1.2.3.")
            .is_empty()
    );
    assert!(
        found("Claude Opus 4.5 beat DeepSeek-R1 in the top 100 lists of the 1960s and 2013-14.")
            .is_empty()
    );
    assert_eq!(
        found("Later, with 59 in 2025 versus China’s 35."),
        ["59", "35"]
    );
    // "double" and "triple" are multiples as verbs, qualified or before
    // what they multiply; not in idioms and compounds.
    assert_eq!(
        found("It was more than double the year before and may triple by 2030."),
        ["more than double", "triple"]
    );
    assert!(found("Double-digit growth, a double standard; they could double down.").is_empty());
    // A year after a word that also qualifies amounts, with no count after.
    assert_eq!(found("It rose 17.2% over 2024."), ["17.2%"]);
    assert!(found("Around 2020 and over 2024 levels, it grew.").is_empty());
    assert_eq!(found("It hired over 2000 engineers."), ["over 2000"]);
    // ... or a span of years.
    assert_eq!(found("It drew 52% of citations over 2010–2024."), ["52%"]);
    // Two digits after an apostrophe that elides the century are a year.
    assert_eq!(
        found("It scored 20% (Feb '25) and 31% in ’24."),
        ["20%", "31%"]
    );
    // A number word capitalised inside a sentence is a name's; at the
    // sentence's start it is a number.
    assert_eq!(
        found("Pier Nine berthed 18 ships, and Formula One drew crowds. Twelve docked."),
        ["18", "Twelve"]
    );
    assert_eq!(found("## Labs Released Fifty Models"), ["Fifty"]);
    // A thread's post number opens its line; a fraction says what of.
    assert_eq!(
        found("2/ The US put out 59.\n12/ And 3/4 of the rest."),
        ["59", "3/4"]
    );
}

#[test]
fn spelled_numbers_alone_and_in_series() {
    assert_eq!(found("two and a half million"), ["two and a half million"]);
    assert_eq!(found("one, two and three"), ["one", "two", "three"]);
    assert_eq!(found("million and one"), ["million and one"]);
    assert_eq!(
        found("One of them spent several hundred years on billion-dollar deals."),
        Vec::<String>::new()
    );
}

#[test]
fn numbers_listed_before_a_unit_share_it() {
    let text = "They were given 45 and 50 mg, then 5, 10 or 20%, and 3 and $4.";
    let units: Vec<String> = scan(text, BlockKind::Paragraph)
        .iter()
        .map(|m| m.quantity.unit.name())
        .collect();
    assert_eq!(
        units,
        [
            "mg (mass)",
            "mg (mass)",
            "percent",
            "percent",
            "percent",
            "a bare number",
            "USD"
        ]
    );
}

/// The start of a change shares the unit and the scale of its end: "from
/// 20 to 87%" starts at 20%, "from 1.5 to 11 million" at 1.5 million; a
/// start written in full keeps its own, and a range without "from" is
/// one number. The end of a change written bare is in its start's unit.
#[test]
fn a_change_starts_in_the_unit_and_scale_of_its_end() {
    let text = "Scores went from 20 to 87%, rides from 1.5 to 11 million, \
                users from 500,000 to 1.2 million, and 3 to 4 million more. \
                Cybench went from fifteen percent to ninety-three, and \
                Terminal-Bench from twenty to eighty-seven percent.";
    let bare = |v: f64| ("a bare number".to_owned(), v);
    assert_eq!(
        units_and_values(text),
        [
            ("percent".to_owned(), 20.0),
            ("percent".to_owned(), 87.0),
            bare(1.5e6),
            bare(11e6),
            bare(500_000.0),
            bare(1.2e6),
            // A range, read whole as one number from its low end.
            bare(3e6),
            // The end of a change written bare is in its start's unit.
            ("percent".to_owned(), 15.0),
            ("percent".to_owned(), 93.0),
            ("percent".to_owned(), 20.0),
            ("percent".to_owned(), 87.0),
        ]
    );
}

/// A scaled amount that ends its clause just after an amount of money is
/// money too: the writer dropped the currency, not the reader.
#[test]
fn an_amount_after_money_is_money() {
    let text = "US investment came to $285.9 billion. China's was twelve point four \
                billion, and the UK drew 5.9 billion; China has 1.4 billion people. \
                Then 3 billion.";
    assert_eq!(
        units_and_values(text),
        [
            ("USD".to_owned(), 285.9e9),
            ("USD".to_owned(), 12.4e9),
            ("USD".to_owned(), 5.9e9),
            // A noun of its own says what it counts.
            ("a bare number".to_owned(), 1.4e9),
            // Two sentences on: too far to lean on the money.
            ("a bare number".to_owned(), 3e9),
        ]
    );
}

/// Tonnes after emissions in the same sentence are emissions: the gas is
/// named once for all.
#[test]
fn tonnes_after_emissions_are_emissions() {
    let text = "Training emitted 72,816 tonnes of CO2 equivalent, and GPT-4's 5,184 \
                tonnes. A car weighs 2 tonnes. 训练排放27,816吨 CO2e，GPT-4是5,184吨。";
    let units: Vec<String> = units_and_values(text).into_iter().map(|(u, _)| u).collect();
    assert_eq!(
        units,
        [
            "tCO2e (emissions)",
            "tCO2e (emissions)",
            "tonnes (mass)",
            "tCO2e (emissions)",
            "tCO2e (emissions)"
        ]
    );
}

/// The size of a rating scale is no figure: "a 4-point scale", "a
/// five-point Likert scale"; a gap in points is one (in points of a
/// percentage only after one).
#[test]
fn the_size_of_a_scale_is_no_number() {
    assert_eq!(
        found("Maturity rose to 2.3 on a 4-point scale, rated on a five-point Likert scale."),
        ["2.3"]
    );
    assert_eq!(found("A 40-point gap, on a 10-point rubric."), ["40"]);
}

#[test]
fn full_width_digits() {
    let text = "满意度为９０％，成本为１．５万元，２０２６年发布。";
    let read: Vec<(String, f64, String)> = scan(text, BlockKind::Paragraph)
        .into_iter()
        .map(|m| {
            (
                text[m.start..m.end].to_owned(),
                m.quantity.low.value(),
                m.quantity.unit.name(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("９０％".to_owned(), 90.0, "percent".to_owned()),
            ("１．５万元".to_owned(), 15000.0, "CNY".to_owned()),
        ]
    );
}

#[test]
fn places_pages_and_phone_numbers_are_not_numbers() {
    for text in [
        "See §3.2 for it.",
        "See § 3.2 for it.",
        "As roarhx.com #1 and issue #12 say.",
        "As Figure 4.2.1 shows.",
        "See p. 12 and pp. 171-230 of the report.",
        "Call +1 650 723 2300 or (650) 723-2300 today.",
        "Version v2.1.3 meets ISO 9001.",
        "The report, chapters 7 and 9.",
        "As Figures 3, 4 and 5 (and Tables 2.1 to 2.3) show.",
    ] {
        assert_eq!(found(text), Vec::<String>::new(), "{text}");
    }
    // A list of places ends where a quantity follows: "and 12 of them".
    assert_eq!(found("See chapter 7 and 12 countries."), ["12"]);
}

#[test]
fn a_sum_or_share_alone_on_a_line_is_read() {
    assert_eq!(found("- $285.9B"), ["$285.9B"]);
    assert_eq!(found("42%"), ["42%"]);
    assert_eq!(found("12"), Vec::<String>::new());
}

#[test]
fn a_currency_sign_spaced_from_its_digits() {
    assert_eq!(found("They raised $ 75 million in May."), ["$ 75 million"]);
    // A country's dollar keeps its country across the space.
    let read: Vec<(String, String)> = scan(
        "A$ 5 million, NZ$ 20 million, US$ 3 billion and BA$ 4 each.",
        BlockKind::Paragraph,
    )
    .into_iter()
    .map(|m| (m.quantity.text.to_string(), m.quantity.unit.name()))
    .collect();
    let row = |t: &str, u: &str| (t.to_owned(), u.to_owned());
    assert_eq!(
        read,
        [
            row("A$ 5 million", "AUD"),
            row("NZ$ 20 million", "NZD"),
            row("US$ 3 billion", "USD"),
            row("$ 4", "USD")
        ]
    );
}

/// "aged 30" and "at the age of 30" are ages, in years; "a cage of 12" is no
/// age.
#[test]
fn an_age_is_in_years() {
    let units: Vec<(String, String)> = scan(
        "Workers aged 18 to 24, one at the age of 30, and a cage of 12 birds.",
        BlockKind::Paragraph,
    )
    .into_iter()
    .map(|m| {
        (
            format!("{}", m.quantity.low.value()),
            m.quantity.unit.name(),
        )
    })
    .collect();
    let row = |v: &str, u: &str| (v.to_owned(), u.to_owned());
    assert_eq!(
        units,
        [
            row("18", "years (time)"),
            row("30", "years (time)"),
            row("12", "a bare number")
        ]
    );
}

/// "HK$100": a country's dollar, in capitals at a word's start; "its$5"
/// is no Singapore dollar.
#[test]
fn country_dollar_signs() {
    assert_eq!(
        found("It costs A$100, HK$100 and S$5 million; R$3.5 billion, not its$5."),
        ["A$100", "HK$100", "S$5 million", "R$3.5 billion"]
    );
}

#[test]
fn rupee_won_and_rouble_signs() {
    assert_eq!(
        found("It costs ₹500, ₩3,000 or ₽ 40, and ₹1.2 million in all."),
        ["₹500", "₩3,000", "₽ 40", "₹1.2 million"]
    );
}

/// A currency code before the digits is the amount's, where a capitalised
/// word before a number would name a product ("Llama 70").
#[test]
fn a_currency_code_before_its_digits() {
    assert_eq!(
        found("She paid USD 1,200; the firm paid EUR 1.2 billion and GBP 300 million."),
        ["USD 1,200", "EUR 1.2 billion", "GBP 300 million"]
    );
    assert_eq!(
        found("The model GPT 4 and Llama 70 were compared."),
        Vec::<String>::new()
    );
}

#[test]
fn a_closing_quotation_mark_is_no_inch_mark() {
    let text = "She said \"give me 5\" and bought an 8\" pipe.";
    let units: Vec<(String, String)> = scan(text, BlockKind::Paragraph)
        .into_iter()
        .map(|m| (text[m.start..m.end].to_owned(), m.quantity.unit.name()))
        .collect();
    assert_eq!(
        units,
        [
            ("5".to_owned(), "a bare number".to_owned()),
            ("8\"".to_owned(), "inches (length)".to_owned())
        ]
    );
}

#[test]
fn list_and_heading_numbers() {
    assert!(scan("1. AI is far from peaking.", BlockKind::PlainText).is_empty());
    assert!(scan("2.1 Investment trends", BlockKind::Heading).is_empty());
    assert_eq!(scan("424", BlockKind::PlainText), Vec::new());
    assert_eq!(scan("424", BlockKind::Cell).len(), 1);
}

/// The finder's candidates from the start of `text`, as written.
fn candidates(text: &str) -> Vec<&str> {
    let mut from = 0;
    std::iter::from_fn(|| {
        let c = next_candidate(text, from)?;
        from = c.end;
        Some(&text[c.start..c.end])
    })
    .collect()
}

#[test]
fn candidates_start_where_the_regex_did() {
    assert_eq!(
        candidates("Two-fold, a hundred, a  thousand, A Half; someone tenth ten5 _one"),
        ["Two", "a hundred", "thousand", "A Half", "tenth", "5"]
    );
    assert_eq!(
        candidates("BUS$5 us$-6 -$7 $−⅔ €x £½ H100 v-2 ¥"),
        ["US$5", "us$-6", "$7", "$−⅔", "£½", "1", "0", "0", "-2"]
    );
    assert_eq!(
        candidates("Twentyfold, a hundredfold, sixfold_ tenfold5 seventeenfold zerofold manifold"),
        ["Twentyfold", "hundredfold", "5", "seventeenfold"]
    );
}

/// A cardinal glued to "fold" is a multiple, whatever the cardinal, as
/// a number word alone is a number; "fold" after anything else is a word.
#[test]
fn fold_words_are_multiples() {
    let text = "Witnesses multiplied nearly twentyfold since 2017.\n\
        A hundredfold jump, a Fivefold gain, a sixfold rise.\n\
        Costs fell tenfold.\n\
        The foldout, the manifold, zerofold.";
    let read: Vec<(&str, f64, Unit, Option<Qualifier>)> = scan(text, BlockKind::Paragraph)
        .into_iter()
        .map(|m| {
            let q = &m.quantity;
            (
                &text[m.start..m.end],
                q.low.value(),
                q.unit.clone(),
                q.qualifier,
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                "nearly twentyfold",
                20.0,
                Unit::Multiple,
                Some(Qualifier::Nearly)
            ),
            ("hundredfold", 100.0, Unit::Multiple, None),
            ("Fivefold", 5.0, Unit::Multiple, None),
            ("sixfold", 6.0, Unit::Multiple, None),
            ("tenfold", 10.0, Unit::Multiple, None),
        ]
    );
}

/// Ordinals are positions, reported weakly; "a fifth" stays a share.
#[test]
fn ordinals_are_positions() {
    let found = |text: &str| -> Vec<(String, bool, f64)> {
        scan(text, BlockKind::Paragraph)
            .iter()
            .map(|m| {
                let value = m.quantity.low.value() * m.quantity.unit.factor();
                (text[m.start..m.end].to_owned(), m.ordinal, value.round())
            })
            .collect()
    };
    assert_eq!(
        found("The US ranks 24th; the ninth edition is out."),
        [
            ("24th".to_owned(), true, 24.0),
            ("ninth".to_owned(), true, 9.0)
        ]
    );
    assert_eq!(
        found("A fifth of voters came 3rd."),
        [
            ("A fifth".to_owned(), false, 20.0),
            ("3rd".to_owned(), true, 3.0)
        ]
    );
    assert!(
        found("the 24thx build")
            .iter()
            .all(|(_, ordinal, _)| !ordinal)
    );
}

mod same_as_the_regex {
    use super::*;
    use proptest::prelude::*;

    /// The regex the finder replaced, as the oracle it must agree with.
    static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?:US\$|(?-i:(?-u:\b)(?:HK|NZ|NT|A|C|S|R)\$)|[$€£¥₹₩₽])?[-−]?[0-9½¼¾⅓⅔]|(?-u:\b)(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a (?:hundred|thousand|million|billion|trillion|third|quarter|half|fifth|tenth)|hundred|thousand|million|billion|trillion|half|quarter|doubled|doubling|tripled|tripling|quadrupled|quadrupling|double|triple|quadruple|halved|twice|two-fold|three-fold|minus|negative|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fifteenth|twentieth|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)fold)(?-u:\b)|[零一二两三四五六七八九十百０-９]",
        )
        .unwrap_or_else(|e| unreachable!("the candidate regex is valid: {e}"))
    });

    /// Pieces of prose around numbers, and bytes that look like their
    /// starts: "–" and "₹" share a first byte with "−" and "€", "¢" and
    /// "»" with "£" and "½", "⅕" two bytes with "⅓". Without 'ſ' and the
    /// Kelvin sign, which the regex folds to 's' and 'k' and the finder
    /// does not, by design.
    const PIECES: &str = concat!(
        "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|",
        "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|",
        "sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|third|",
        "quarter|half|fifth|tenth|doubled|doubling|tripled|tripling|quadrupled|",
        "quadrupling|double|triple|quadruple|doubles|halved|twice|twofold|two-fold|threefold|three-fold|fourfold|tenfold|",
        "fold|onefold|sixfold|fivefold|twentyfold|hundredfold|thousandfold|seventeenfold|",
        "zerofold|halffold|manifold|foldout|folds|",
        "三|两千|百分之|十二|万|亿|零|中|的|９|０．５|％|minus|negative|minuscule|negatives|someone|often|a|a |an|us|US$|bus|s|x|_|0|1|7|42|$|€|£|¥|-|−|–|₹|₩|₽|₿|¢|HK$|A$|C$|S$|NZ$|R$|aS$|»|½|¼|¾|⅓|⅔|⅕|",
        " |\u{a0}|  |\n|.|,|%|/|(|é|ß|日本|Ω",
    );

    /// Text made of `PIECES`, each in a random mix of cases.
    fn prose() -> impl Strategy<Value = String> {
        let pieces: Vec<&str> = PIECES.split('|').collect();
        let piece = (prop::sample::select(pieces), any::<u16>()).prop_map(|(piece, case)| {
            piece
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if case >> (i % 16) & 1 == 1 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect::<String>()
        });
        prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
    }

    /// From every byte offset, the finder and the regex find the same
    /// candidate.
    fn agree(text: &str) -> Result<(), TestCaseError> {
        for from in 0..=text.len() {
            let expected = CANDIDATE.find_at(text, from).map(|m| {
                let last = m.as_str().chars().next_back().unwrap_or(' ');
                let digit_led = last.is_ascii_digit() || "½¼¾⅓⅔".contains(last);
                let digit = digit_led.then(|| m.end() - last.len_utf8());
                (m.start(), m.end(), digit)
            });
            let found = next_candidate(text, from).map(|c| (c.start, c.end, c.digit));
            prop_assert_eq!(found, expected, "from {} in {:?}", from, text);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn on_number_like_prose(text in prose()) {
            agree(&text)?;
        }

        #[test]
        fn on_any_text(text in "\\PC{0,80}") {
            agree(&text.replace(['ſ', '\u{212A}'], "s"))?;
        }
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// On any text the scanner returns mentions on char boundaries, in order.
        #[test]
        fn on_any_text(text in "\\PC{0,120}") {
            for kind in [BlockKind::Paragraph, BlockKind::Heading, BlockKind::Cell, BlockKind::PlainText] {
                let mut last = 0;
                for m in scan(&text, kind) {
                    prop_assert!(last <= m.start && m.start < m.end && m.end <= text.len());
                    prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                    last = m.end;
                }
            }
        }

        #[test]
        fn on_number_like_text(text in "[0-9a-z $%.,/:~½×x+-]{0,60}") {
            let _ = scan(&text, BlockKind::PlainText);
            let _ = crate::quantity::prose_quantity(&text, true);
        }
    }
}

#[test]
fn urls_are_not_prose() {
    assert_eq!(
        found("See https://example.com/2025/report-42 for 12 more."),
        ["12"]
    );
}

#[test]
fn rates_and_named_temperatures() {
    assert_eq!(
        found("Wages rose to €9.50/hour, cars ran at 120 km/h and it rained twice a week."),
        ["€9.50/hour", "120 km/h", "twice a week"]
    );
    assert_eq!(found("At absolute zero, motion stops."), ["absolute zero"]);
    // A time placing an event is no rate.
    assert_eq!(
        found("It fell to $80 billion a year earlier."),
        ["$80 billion"]
    );
}

/// A fraction word is a share alone on its line, as a spelled number is.
#[test]
fn a_fraction_word_alone_on_its_line() {
    assert_eq!(found("quarter"), ["quarter"]);
    assert_eq!(found("The first half went well."), Vec::<String>::new());
}

/// A span of time spelled out is prose unless something speaks of it, as a
/// spelled count is; in digits it is a statement.
#[test]
fn a_spelled_span_of_time_is_weak() {
    let weak = |text: &str| {
        scan(text, BlockKind::Paragraph)
            .iter()
            .map(|m| m.weak)
            .collect::<Vec<_>>()
    };
    assert_eq!(weak("Funds have grown for three decades."), [true]);
    assert_eq!(weak("Funds have grown for 30 years."), [false]);
}

/// "N in M": a count in a small count is the share it rounds, qualified
/// as written, else about; a large whole is a rate and stays two counts.
#[test]
fn a_count_in_a_count_is_a_share() {
    let shares = |text: &str| -> Vec<(String, f64, Option<Qualifier>)> {
        scan(text, BlockKind::Paragraph)
            .into_iter()
            .map(|m| {
                let q = &m.quantity;
                assert_eq!(q.unit, Unit::Percent, "{text}");
                (text[m.start..m.end].to_owned(), q.low.value(), q.qualifier)
            })
            .collect()
    };
    assert_eq!(
        shares("Now 4 in 5 organizations use it."),
        [("4 in 5".to_owned(), 80.0, Some(Qualifier::About))]
    );
    assert_eq!(
        shares("Nearly nine in ten adults agree, and one in three firms."),
        [
            (
                "Nearly nine in ten".to_owned(),
                90.0,
                Some(Qualifier::Nearly)
            ),
            ("one in three".to_owned(), 33.3, Some(Qualifier::About))
        ]
    );
    assert_eq!(
        found("About 1 in 2,000 cases, and 7 in 3 is no share."),
        ["About 1", "2,000", "7", "3"]
    );
}

/// A capitalised word before a number names a product ("Grok 4"), unless
/// the store knows it as a subject and the number is no version number
/// (10 or more, or with two decimals).
#[test]
fn a_subject_before_a_count_names_no_product() {
    let subjects = |w: &str| ["France", "Midjourney", "US", "South Asia"].contains(&w);
    let mut mentions = Vec::new();
    let text = "The UK counts 523, France 322, Grok 4 and Midjourney 7.";
    scan_knowing(text, BlockKind::Paragraph, &subjects, &mut mentions);
    let read: Vec<&str> = mentions.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(read, ["523", "322"]);
    // No version has two decimals: "US 4.68" is a rate, "Midjourney 7.1"
    // may be a version.
    let text = "Per 100,000 people, US 4.68 and Midjourney 7.1.";
    mentions.clear();
    scan_knowing(text, BlockKind::Paragraph, &subjects, &mut mentions);
    let read: Vec<&str> = mentions.iter().map(|m| &text[m.start..m.end]).collect();
    // ("Per 100,000" is the rate's unit, no number stated.)
    assert_eq!(read, ["4.68"]);
    assert!(super::scan(text, BlockKind::Paragraph).is_empty());
    // In Chinese a mark or a Han character ends the word before the
    // number: the subject after "，" is the store's, as after a space.
    let text = "各公司最高分：阿里巴巴1449，France 322，Grok 4。";
    mentions.clear();
    scan_knowing(text, BlockKind::Paragraph, &subjects, &mut mentions);
    let read: Vec<&str> = mentions.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(read, ["1449", "322"]);
    // A name of several words: "South Asia 24" is the region's.
    let text = "Rules adopted: South Asia 24, Central Asia 66.";
    mentions.clear();
    scan_knowing(text, BlockKind::Paragraph, &subjects, &mut mentions);
    let read: Vec<&str> = mentions.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(read, ["24"]);
    // A year that ends its sentence names nothing in the next one.
    assert_eq!(
        found("Devices were cleared in 2025. 258 were new. Was it 2024?** 12 were."),
        ["258", "12"]
    );
}

/// 翻了一番 is a doubling and 翻两番 four times, 多 after it "more than";
/// a lone 二 running into a word (二氧化碳) is no number, while 两 before a
/// noun (两国) and a numeral before a measure word (三家) or 年 are.
#[test]
fn chinese_doublings_and_numerals_inside_words() {
    let text =
        "投资一年翻了一番多，专利十年翻两番；排放约5814吨二氧化碳当量，两国有三家工厂，五年后。";
    assert_eq!(
        found(text),
        [
            "翻了一番多",
            "十",
            "翻两番",
            "约5814吨二氧化碳当量",
            "两",
            "三",
            "五"
        ]
    );
    let mentions = scan(text, BlockKind::Paragraph);
    let read = |i: usize| {
        let q = &mentions[i].quantity;
        (q.low.value(), q.unit.clone(), q.qualifier)
    };
    assert_eq!(read(0), (2.0, Unit::Multiple, Some(Qualifier::Over)));
    assert_eq!(read(2), (4.0, Unit::Multiple, None));
    assert!(
        matches!(read(3).1, Unit::Measure(m) if m.symbol == "tCO2e"),
        "{:?}",
        read(3)
    );
}

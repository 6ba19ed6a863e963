//! The fast path of [`prose_quantity`] against the full parser it stands in for.

use proptest::prelude::*;

use super::*;

/// Where the fast path reads `text`, the full parser reads the same;
/// the full parser runs only then, which keeps exhaustive tests quick.
fn fast_agrees(text: &str) {
    for ranges in [true, false] {
        if let Some(fast) = fast_prose_quantity(text, ranges) {
            let full = prose_quantity_full(text, ranges);
            assert_eq!(Some(fast), full, "{text:?}, ranges {ranges}");
        }
    }
}

/// The fast path reads `text` and agrees with the full parser, or declines;
/// either way the bound after the number is read the same.
fn agree(text: &str) -> Result<(), TestCaseError> {
    for ranges in [true, false] {
        let full = prose_quantity_full(text, ranges);
        let bounded = full.clone().map(|read| with_bound_after(text, read));
        prop_assert_eq!(
            prose_quantity(text, ranges),
            bounded,
            "{:?}, ranges {}",
            text,
            ranges
        );
        if let Some(fast) = fast_prose_quantity(text, ranges) {
            prop_assert_eq!(Some(fast), full, "{:?}, ranges {}", text, ranges);
        }
    }
    Ok(())
}

/// Every suffix of `text`, and each cut short, that starts at a char boundary.
fn agree_on_every_suffix(text: &str) -> Result<(), TestCaseError> {
    for (at, _) in text.char_indices() {
        agree(&text[at..])?;
        for (len, _) in text[at..].char_indices().take(24) {
            agree(&text[at..at + len])?;
        }
    }
    Ok(())
}

#[test]
fn the_fast_path_reads_the_common_shapes() {
    for (text, written) in [
        ("5,427 data centers", "5,427"),
        ("285.9 of", "285.9"),
        ("2024.", "2024"),
        ("2024", "2024"),
        ("60% of", "60%"),
        ("23x faster", "23x"),
        ("$285.9 billion in", "$285.9 billion"),
        ("€4 bn,", "€4 bn"),
        ("$150B.", "$150B"),
        ("17 million people", "17 million"),
        ("3’s", "3"),
        ("over 60% of", "over 60%"),
        ("More than  4,000 companies", "More than  4,000"),
        ("more than $150 billion in", "more than $150 billion"),
        ("roughly\t97 points", "roughly\t97"),
        ("29.6 GW of power", "29.6 GW"),
        ("4,000 AI companies", "4,000"),
        ("$5 AI", "$5"),
        ("5 kg.", "5 kg"),
        ("3 hours,", "3 hours"),
        ("1.8% to 5.4% of", "1.8% to 5.4%"),
        ("2024 to 28 in", "2024"),
        ("2023 to 18.2 million", "2023"),
        ("1,000 to 2,000 people", "1,000 to 2,000"),
        ("14-15% faster", "14-15%"),
        ("14 – 15 GW", "14 – 15 GW"),
        ("$1.5-2 billion", "$1.5-2 billion"),
        ("22..94", "22..94"),
        ("5 teams", "5"),
        ("5 tons", "5 tons"),
        ("$285.9 billion in 2025", "$285.9 billion"),
        ("59 in 2025", "59"),
        ("2024 to the", "2024"),
        ("30 percentage points in", "30 percentage points"),
        ("5 percent.", "5 percent"),
        ("23 times", "23 times"),
        ("six percentage points.", "six percentage points"),
        (
            "just over six percentage points.",
            "just over six percentage points",
        ),
        ("ten times as many", "ten times"),
        ("close to four times the", "close to four times"),
        ("over a billion dollars in", "over a billion dollars"),
        ("more than twice the", "more than twice"),
        ("quarter, AI", "quarter"),
        ("a third of", "a third"),
        ("one-page digest", "one"),
        ("one, Dola", "one"),
        ("Twenty-three million people", "Twenty-three million"),
        ("twenty one", "twenty one"),
        ("six to eight weeks", "six to eight weeks"),
        ("nearly twentyfold since", "nearly twentyfold"),
        ("Fivefold.", "Fivefold"),
    ] {
        let (q, len) =
            fast_prose_quantity(text, true).unwrap_or_else(|| panic!("{text:?} declined"));
        assert_eq!((q.text.as_str(), &text[..len]), (written, written));
        assert_eq!(prose_quantity_full(text, true), Some((q, len)));
    }
}

#[test]
fn the_fast_path_declines_what_the_grammar_reads_specially() {
    for text in [
        "500 rupees",
        "₹500",
        "HK$100",
        "A$5",
        "₩3,000 won",
        "100 Canadian dollars",
        "20 Swiss francs",
        "12 euro cents",
        "1.5 million quid",
        "1/40 of",
        "2 1/2 in",
        "2½ in",
        "4e14 s",
        "2.48×10−5 more",
        "5x10-3",
        "5x 10^3",
        "10 000 dollars",
        "2024 100",
        "9.83 +/- 1 km",
        "9.83 ± 1 km",
        "$12 per share",
        "5 billion p.p.",
        "5 billion GW",
        "$5 billion USD",
        "-5%",
        "$-5",
        "US$5",
        "$5%",
        "10kg",
        "21st",
        "4o",
        "5 dollars",
        "5 %",
        "~ 5",
        "≈5",
        "between 4 and 5",
        "more than-5",
        "overly 5",
        "over5",
        "5 pp",
        "5 - -6",
        "5 to US$6",
        "two thirds",
        "two-fold",
        "one hundred",
        "a hundred",
        "a millions",
        "six million two",
        "three and a half",
        "two dozen eggs",
        "six pp",
        "ten-fold",
    ] {
        assert!(fast_prose_quantity(text, true).is_none(), "{text:?} read");
        agree(text).unwrap();
    }
}

/// The example articles and the shared seed (when there is one), from
/// every digit and currency sign.
#[test]
fn the_fast_path_agrees_on_the_example_articles() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(root.join("claims/examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            texts.push(std::fs::read_to_string(path).unwrap());
        }
    }
    let seed = root.join("../shared/seeds/000_eba7b0e877cdae88.txt");
    if let Ok(text) = std::fs::read_to_string(seed) {
        texts.push(text);
    }
    let (mut starts, mut read) = (0, 0);
    for text in &texts {
        for (at, c) in text.char_indices() {
            let word_start =
                c.is_ascii_alphabetic() && !text[..at].ends_with(|c: char| c.is_ascii_alphabetic());
            if !(c.is_ascii_digit() || "$€£¥~≈".contains(c) || word_start) {
                continue;
            }
            if c.is_ascii_digit() || c == '$' {
                starts += 1;
                read += usize::from(fast_prose_quantity(&text[at..], true).is_some());
            }
            agree(&text[at..]).unwrap();
            let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
            agree(&text[at..line_end]).unwrap();
        }
    }
    assert!(read * 2 > starts, "the fast path read {read} of {starts}");
}

/// Every number of a few shapes followed by up to three of the pieces
/// that the grammar treats specially after digits.
#[test]
fn the_fast_path_agrees_on_what_may_follow_a_number() {
    let pieces = [
        "",
        " ",
        "  ",
        "\t",
        "\u{a0}",
        "x",
        "X",
        "%",
        "10",
        "103",
        " 10^3",
        "000",
        "3",
        " billion",
        " Bn",
        "bn",
        "B",
        "k",
        "M",
        " million",
        " thousand",
        "p.p.",
        " p.p.",
        "pp",
        " pp",
        " GW",
        "亿美元",
        "万",
        "％",
        "倍的",
        "年",
        " degrees Celsius",
        " degrees",
        " Degree Fahrenheit",
        " inches",
        " feet",
        " km",
        " kilometres",
        "GW",
        " AI",
        " Hz",
        "/hour",
        "/h",
        " per kg",
        " per week",
        " a day",
        " a year earlier",
        " an hour",
        " s-1",
        " fb−1",
        " pm",
        " b",
        " kJ",
        " mph",
        " British pounds",
        " pounds sterling",
        " an ounce",
        " a m",
        " deg C",
        " celsius",
        " GHz",
        " kWh",
        " hours",
        " yen",
        " Percent",
        " TIMES",
        " RMB",
        " pb",
        " ppm",
        " per",
        " gw2",
        " abcdefghijklmnopq",
        " kg",
        "kg",
        " USD",
        " to ",
        "to",
        "-",
        "–",
        "—",
        "..",
        ".",
        ",",
        "/",
        "e",
        "e5",
        "×",
        "±",
        " +/- ",
        "+",
        "^",
        "½",
        "°",
        "s",
        "a",
        " a",
        "-fold",
        " times",
        " percent",
        " per cent",
        " models",
        " dollars",
        ")",
        "’",
        "é",
        // Shapes of issue 10: units by hyphen, power, mark, scale letter,
        // minor currency units and currency signs after the number.
        " C",
        "C",
        " F.",
        " in",
        " in.",
        " thick",
        " sq",
        " square",
        " cubic",
        " cubed",
        " mi",
        "^3",
        "²",
        "\"",
        "'",
        "″",
        " cents",
        " dimes",
        " pence",
        " pounds",
        "-minute",
        "-year",
        "-kilometer",
        " US",
        " hrs",
        " t",
        " €",
        "€",
        "$",
        " and ",
        " 50",
        " hundred",
        " hundred and 21",
        " point five",
    ];
    // Each piece after the first is tried after every piece; whole
    // triples only after the pieces that may end a number's magnitude or
    // unit (the whole cube is slow in a debug build).
    let firsts = [
        "", " ", "x", "%", " billion", "bn", "k", " million", " GW", " AI", " kg", "$",
    ];
    let mut texts = 0;
    for lead in [
        "5",
        "$5",
        "2.5",
        "1,000",
        "€12",
        "$2,500.75",
        "over 3",
        "About\t$4",
    ] {
        for a in pieces {
            for b in pieces {
                fast_agrees(&format!("{lead}{a}{b}"));
                texts += 1;
            }
        }
    }
    for lead in ["5", "$2.5", "over 3,000"] {
        for a in firsts {
            for b in pieces {
                for c in pieces {
                    fast_agrees(&format!("{lead}{a}{b}{c}"));
                    texts += 1;
                }
            }
        }
    }
    assert!(texts > 100_000);
}

/// Spelled amounts and ranges followed by up to two pieces that the
/// grammar reads specially after a number word or between two numbers.
#[test]
fn the_fast_path_agrees_on_what_may_follow_a_number_word() {
    let pieces = [
        "",
        " ",
        "  ",
        "\t",
        "\u{a0}",
        ",",
        ".",
        "-",
        "–",
        "..",
        " to ",
        "to",
        " and ",
        " & ",
        ", ",
        " and a half",
        " million and a half",
        "minus ",
        " negative",
        "s",
        "x",
        "×",
        "%",
        " %",
        "2",
        "5",
        "$5",
        "1.5%",
        "é",
        " six",
        "six",
        "Six",
        "-three",
        " twenty",
        "nineteen",
        "zero",
        " a",
        "a",
        " thirds",
        "half",
        "-quarter",
        " hundred",
        "hundred",
        " million",
        "Billion",
        " billions",
        " thousand",
        "twice",
        "-fold",
        "fold",
        " times",
        " percent",
        " per cent",
        " percentage points",
        " Percentage point",
        " pp",
        "p.p.",
        " dollars",
        " DOLLARS",
        " yen",
        " weeks",
        " degrees Celsius",
        " degree fahrenheit",
        " degrees",
        " miles",
        " feet",
        " km",
        " Kilometres",
        " watts",
        " kg",
        " GW",
        "万",
        "亿美元",
        "倍",
        "的",
        "。",
        " page",
        " between",
        "b",
        "fold",
        " fold",
        "fold5",
    ];
    let mut texts = 0;
    for lead in [
        "six",
        "Twenty",
        "twenty-three",
        "a",
        "twice",
        "Doubled",
        "quarter",
        "one",
        "ten",
        "over a",
        "nearly ninety nine",
        "a million",
        "minus",
        "Negative ten",
        "two and a half",
        "a million and a half",
        "两千三百",
        "百分之",
        "zero",
        "5",
        "5%",
        "over $1.5 billion",
        "twentyfold",
        "Fivefold",
        "hundredfold",
        "nearly seventeenfold",
        "zerofold",
    ] {
        for a in pieces {
            for b in pieces {
                fast_agrees(&format!("{lead}{a}{b}"));
                texts += 1;
            }
        }
    }
    assert!(texts > 50_000);
}

const PIECES: &str = concat!(
    "0|1|2|7|9|10|12|100|2024|1,234|,|.|..|%|x|X|×|$|€|£|¥|US$| |  |\t|\u{a0}|\u{202f}|",
    "-|−|–|—|/|½|¼|e|E|±|+/-|+|^|°|a|b|k|K|M|B|T|bn|mn|tn|p|s|st|o|billion|Billion|",
    "million|trillion|thousand|percent|per cent|percentage points|pp|p.p.|models|GW|",
    "gw|kWh|USD|RMB|dollars|euro|to|and|between|times|-fold|years|kg|km^2|°C|;|)|(|’|”|",
    "\n|é|K|over |more than |about |at least|up to |some|~|≈|between |a |six|Twenty|-three|",
    "one|ten|twice|quarter|half|thirds|hundred|and a half|percentage point|weeks|",
    "fold|twentyfold|Fivefold|hundredfold|manifold|foldout|",
    "亿|万|美元|元|%的|％|倍|个百分点|年|的|，|。|三|两千|百分之|十二|零|分之|成|多|余|点|minus |negative |Minus|degrees|degree |Celsius|fahrenheit|miles|feet|inches|km|mg|GHz|watts|",
    "C|F| in| in.| thick|sq |square |cubic |cubed|squared| mi|^3|²|\"|'|″|cents| cent|dimes|pence|",
    "pounds| pound|-minute|-year|-meter|US | hrs| cup| t| m|point | five|hundred and |million and |",
    "/|/h|/hour| per | per kg| per hour| a | an | a year| an hour| earlier| ago|s-1| s-1|−1|⁻¹|",
    " fb| pm| am| b| GeV| mph| tpd|absolute zero|British thermal units| rpm|",
    " British pounds| pounds sterling| pound| an ounce| a m| a gallon| deg| F| Fahrenheit|",
);

/// Text made of `PIECES`, most of it led by a digit or a currency sign.
fn number_like() -> impl Strategy<Value = String> {
    let pieces: Vec<&str> = PIECES.split('|').collect();
    let lead = prop::sample::select(vec![
        "", "1", "42", "$", "$3", "€", "7.5", "3,000", "over ", "nearly 4", "up to $", "six", "a ",
        "twenty-", "minus ",
    ]);
    (
        lead,
        prop::collection::vec(prop::sample::select(pieces), 0..12),
    )
        .prop_map(|(lead, pieces)| format!("{lead}{}", pieces.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn the_fast_path_agrees_on_number_like_text(text in number_like()) {
        agree_on_every_suffix(&text)?;
    }

    #[test]
    fn the_fast_path_agrees_on_any_text(text in "[0-9$€ ,.%xXeE/½×±+^°a-zA-Z\t\u{a0}–—-]{0,24}") {
        agree_on_every_suffix(&text)?;
    }
}

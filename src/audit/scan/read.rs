//! Reading what the finder proposed: digits, spelled words, Chinese
//! numerals and ordinals, each with the rules that throw out what is no
//! quantity there.

use super::*;

/// A number that starts with a digit (or a currency sign before one).
pub(super) fn read_digits(
    text: &str,
    at: usize,
    digit: usize,
    kind: BlockKind,
    names_a_subject: &dyn Fn(&str) -> bool,
) -> Read {
    let token_end = token_end(text, digit);
    let before = &text[..at];
    let prev = before.chars().next_back();
    // Glued to a word or a name: H100, GPT-4o, o3, HHEM-2.3, ISO/IEC-style ids.
    // Chinese runs on into numbers with no space: a Han character before
    // the digits names nothing, except 第, which makes an ordinal (第3).
    let glued = |c: char| (c.is_alphanumeric() && !is_han(c)) || c == '第';
    // A comma inside digits ("1,234") is a group's; after a word it parts
    // a clause, as Chinese text written with ASCII commas has it
    // ("开设CS,30%将其列为必修").
    let in_digits = prev == Some(',')
        && before[..before.len() - 1]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_ascii_digit());
    if in_digits || prev.is_some_and(|c| glued(c) || c == '_' || c == '.') {
        return Read::Skip(token_end);
    }
    if prev == Some('^') {
        return Read::Skip(token_end);
    }
    if let Some(p @ ('-' | '–' | '/' | '−' | '+')) = prev {
        let before_dash = before[..before.len() - p.len_utf8()].chars().next_back();
        if before_dash.is_some_and(|c| c.is_alphanumeric() || c == ')') {
            return Read::Skip(token_end);
        }
    }
    // Dates and versions are short: a bounded look keeps long tokens cheap,
    // and the regex runs only where a date, time or version could be.
    let near = &text[digit..ceil_boundary(text, digit + 40)];
    let token = &text[digit..token_end.min(ceil_boundary(text, digit + 40)).max(digit)];
    let maybe_date = token.contains(['/', ':', '-', '–'])
        || token.matches('.').count() >= 2
        || token.ends_with('s')
        || near[token.len().min(near.len())..]
            .trim_start()
            .get(..1)
            .is_some_and(|c| c.eq_ignore_ascii_case("a") || c.eq_ignore_ascii_case("p"))
        || token.contains(['a', 'p', 'A', 'P']);
    if maybe_date && NOT_A_QUANTITY.is_match(near) {
        return Read::Skip(token_end);
    }
    if at == digit && is_list_or_section_number(text, at, kind) {
        return Read::Skip(token_end);
    }
    // `§3.2`, `#2`, `+1 650 723 2300`, `(650) 723-2300`: places, items
    // and phone numbers.
    let opened = before.strip_suffix(['+', '(']).unwrap_or(before);
    if matches!(prev, Some('§' | '#')) || PHONE.is_match(&text[opened.len()..]) {
        return Read::Skip(
            token_end.max(at + PHONE.find(&text[opened.len()..]).map_or(0, |m| m.end())),
        );
    }
    if at == digit
        && let Some((end, value)) = digit_ordinal(text, digit)
    {
        return ordinal(at, end, value);
    }
    let previous = previous_word(before);
    let scope_words = [
        "top", "version", "v", "release", "no", "chapter", "chapters", "section", "sections",
        "figure", "figures", "table", "tables", "§", "p.", "pp.", "page", "pages",
    ];
    if scope_words.iter().any(|w| w.eq_ignore_ascii_case(previous)) {
        return Read::Skip(token_end);
    }
    // "Chapters 7 and 9": the list goes on naming places, unless a noun
    // says the number counts it ("chapter 7 and 12 countries").
    let connects = ["and", "or", "to", "&"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(previous))
        || before.trim_end().ends_with([',', '–']);
    let counts_a_noun = || {
        let after = text[token_end..].trim_start();
        let word = after
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        !word.is_empty() && !["and", "or", "to", "of", "in"].contains(&word)
    };
    if connects && !counts_a_noun() {
        let mut from = before.len().saturating_sub(80);
        while !before.is_char_boundary(from) {
            from += 1;
        }
        if PLACE_LIST.is_match(&before[from..]) {
            return Read::Skip(token_end);
        }
    }
    let (start, ranges) = context_start(text, at, previous);
    // `$ 75 million`, `A$ 5 million`: a currency sign and a space before
    // the digits; a country's dollar where a word starts with it.
    let spaced_sign = ["$", "€", "£", "¥", "₹", "₩", "₽"]
        .into_iter()
        .find(|s| before.strip_suffix(' ').is_some_and(|b| b.ends_with(s)))
        .filter(|_| start == at)
        .map(|sign| {
            let dollar = before.len() - 1 - sign.len();
            let country = (sign == "$")
                .then(|| {
                    COUNTRY_DOLLARS
                        .iter()
                        .chain(&[("US$", "USD")])
                        .find_map(|(c, _)| {
                            let from = (dollar + 1).checked_sub(c.len())?;
                            (before.get(from..=dollar) == Some(*c)
                                && !before[..from].ends_with(|c: char| c.is_alphanumeric()))
                            .then_some(from)
                        })
                })
                .flatten();
            country.unwrap_or(dollar)
        });
    // `USD 1,200`, `EUR 1.2 billion`: a currency code is the amount's, no
    // name that numbers a model.
    let spaced = before.trim_end_matches(' ');
    let code_before = (start == at
        && spaced.len() < before.len()
        && spaced.ends_with(previous)
        && is_currency_code(previous))
    .then(|| spaced.len() - previous.len());
    let start = spaced_sign.unwrap_or(start);
    let start = code_before.unwrap_or(start);
    let parsed = read_from(text, start, at, ranges);
    let Some((start, mut quantity, mut len)) = parsed else {
        return Read::Skip(token_end);
    };
    // `"English 101"`: a quotation mark closing a quotation is no inch mark.
    if text[..start + len].ends_with('"') && text[..start].matches('"').count() % 2 == 1 {
        match prose_quantity(&text[start..start + len - 1], ranges) {
            Some((q, n)) => (quantity, len) = (q, n),
            None => return Read::Skip(token_end),
        }
    }
    let end = start + len;
    // A year is a date before it is the start of a range: "in February 2025
    // to 77.3%" and "in 2023 to 58" are no ranges, nor is "2024-2025".
    let year_first = quantity.high.is_some()
        && start == at
        && !text[at..end].contains(',')
        && is_year(&quantity.low);
    // A Chinese date: 2026年4月, 4月15日.
    let chinese_date =
        quantity.unit == Unit::Bare && text[end..].starts_with(['年', '月', '日', '号']);
    // ... but a count before a measure word is no year: 1953家 companies.
    let chinese_count = text[end..]
        .chars()
        .next()
        .is_some_and(crate::quantity::is_measure_word);
    if year_first || chinese_date || (!chinese_count && is_date(text, &quantity, before, end)) {
        return Read::Skip(token_end);
    }
    // 每10万居民 ("per 100,000 inhabitants") is the unit of a rate, as
    // "per 100,000" is in English: no number stated; so is the top of a
    // scale ("(out of 30)").
    if quantity.unit == Unit::Bare
        && (before.ends_with('每')
            || previous.eq_ignore_ascii_case("per")
            || out_of_a_scale(before)
            || sizes_a_scale(&text[end..]))
    {
        return Read::Skip(end);
    }
    let bare = quantity.unit == Unit::Bare && quantity.qualifier.is_none() && at == start;
    // No version reaches 10 or has two decimals: "China 14.3", "US 4.68".
    let versionless =
        (quantity.low.exponent >= 0 && quantity.low.value() >= 10.0) || quantity.low.exponent <= -2;
    // "GPN-Star 0.53", "Flash 0.82": no version starts at zero, but scores do.
    let a_fraction = quantity.low.exponent < 0 && quantity.low.value() < 1.0;
    if bare
        && !a_fraction
        && names_with_digits(before, previous)
        && !(versionless && (names_a_subject(previous) || ends_a_name(before, names_a_subject)))
    {
        return Read::Skip(token_end);
    }
    // "aged 30", "at the age of 30": an age, in years.
    let aged = previous.eq_ignore_ascii_case("aged") || before_phrase(before, "age of").is_some();
    if aged && bare && quantity.low.exponent >= 0 {
        quantity.unit = unit_from_words("years");
    }
    // "over 1,250 runtime hours", "3 consecutive years": a time measured,
    // one word between the number and its unit.
    let mut end = end;
    if quantity.unit == Unit::Bare
        && quantity.high.is_none()
        && let Some(len) = time_after_a_modifier(&text[end..])
    {
        end += len;
        quantity.unit = unit_from_words(text[..end].rsplit(' ').next().unwrap_or_default());
        quantity.text = text[start..end].into();
    }
    // "up 10 points", "a 40-point gap" after percentages: percentage points.
    // Elo and exam points follow no percentage in their sentence.
    if quantity.unit == Unit::Bare
        && quantity.high.is_none()
        && let Some((len, spelled)) = points_after(&text[end..])
        && (spelled || after_a_percentage(before))
    {
        quantity.unit = Unit::PercentagePoints;
        end += len;
        quantity.text = text[start..end].into();
    }
    // Accounts write a loss in parentheses where the amount is what a line
    // states ("closed at ($99.99)", a cell "| ($4.2M) |"); after a name the
    // parentheses are an aside ("Canada ($19.6B)").
    let accounting =
        before.strip_suffix('(').is_some_and(states_an_amount) && text[end..].starts_with(')');
    if accounting && matches!(quantity.unit, Unit::Currency(_)) {
        quantity.low.negative = true;
    }
    Read::Found(mention(start, end, quantity))
}

/// A number written in words, or a multiplying verb.
pub(super) fn read_words(text: &str, at: usize) -> Read {
    let word_end = text[at..]
        .find(|c: char| !c.is_alphabetic() && c != '-')
        .map_or(text.len(), |n| at + n);
    let before = &text[..at];
    if before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '-')
    {
        return Read::Skip(word_end);
    }
    let previous = previous_word(before);
    if previous.eq_ignore_ascii_case("top") {
        return Read::Skip(word_end);
    }
    let word = &text[at..word_end];
    // "Pier Nine berthed", "Formula One drew": a number word capitalised
    // after a capitalised word inside a sentence, lower case after it, is
    // part of a name; at the sentence's start, after "a" ("a Fivefold
    // gain") or in a title's capitals ("Labs Released Fifty Models") it is
    // a number.
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    if capital(word)
        && capital(previous)
        && !previous.ends_with(['.', '!', '?', ':', ';', ',', '"', '”'])
        && !capital(text[word_end..].trim_start())
    {
        return Read::Skip(word_end);
    }
    // "absolute zero" names a temperature: the grammar reads it from its
    // first word.
    let (at, previous) =
        if word.eq_ignore_ascii_case("zero") && previous.eq_ignore_ascii_case("absolute") {
            let at = before.trim_end_matches([' ', '\u{a0}']).len() - previous.len();
            (at, previous_word(&text[..at]))
        } else {
            (at, previous)
        };
    if let Some(&(_, value)) = ORDINAL_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        && !previous.eq_ignore_ascii_case("a")
    {
        return ordinal(at, word_end, value);
    }
    let (start, ranges) = context_start(text, at, previous);
    let parsed = read_from(text, start, at, ranges);
    let Some((start, mut quantity, len)) = parsed else {
        return Read::Skip(word_end);
    };
    let end = start + len;
    let written = text[at..end].to_lowercase();
    let unit_bare = quantity.unit == Unit::Bare;
    // "one" alone is an article more often than a number ("one of", "one year"),
    // unless it heads a series of numbers ("one, two and three").
    if unit_bare && quantity.qualifier.is_none() && written == "one" && !heads_series(&text[end..])
    {
        return Read::Skip(end);
    }
    // A scale word alone is a number where a list or a line starts with it
    // ("million and one"), not after a word ("several hundred years", "the
    // billion-dollar deals").
    let first_word = written.split([' ', '-']).next().unwrap_or_default();
    let bare_scale =
        ["hundred", "thousand", "million", "billion", "trillion"].contains(&first_word);
    if bare_scale && (!previous.is_empty() || text[end..].starts_with('-')) {
        return Read::Skip(end);
    }
    // "double", "triple": a multiple when qualified ("more than double"),
    // as a verb ("expected to triple", "will double") or before what it
    // multiplies ("double the 2024 total"), not in "double-digit growth"
    // or "a double standard".
    if ["double", "triple", "quadruple"].contains(&written.as_str()) {
        let next = text[end..]
            .trim_start_matches(' ')
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default();
        let as_verb = [
            "to", "will", "would", "could", "may", "might", "did", "does",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(previous));
        let before_what = !text[end..].starts_with('-')
            && [
                "the", "that", "its", "their", "what", "by", "in", "from", "over",
            ]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(next));
        let idiom = ["down", "up"].iter().any(|w| w.eq_ignore_ascii_case(next));
        if quantity.qualifier.is_none() && (idiom || !as_verb) && !before_what {
            return Read::Skip(end);
        }
    }
    // A fraction word joined to the next word is half a compound, no
    // share: "a half-year average", "a third-party audit".
    if quantity.in_fraction_words()
        && text[end..]
            .strip_prefix('-')
            .is_some_and(|rest| rest.starts_with(char::is_alphabetic))
    {
        return Read::Skip(end);
    }
    // A fraction word without a numerator is a share only when qualified,
    // followed by "of" or alone on its line (as a spelled number alone is
    // one), and not in "the first half" or "the fourth quarter".
    let bare_fraction = written.starts_with("half") || written.starts_with("quarter");
    if bare_fraction && !alone_on_its_line(text, start, end) {
        let qualified = quantity.qualifier.is_some();
        let after = text[end..].trim_start();
        let of_follows = after
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case("of "));
        let ordinal = [
            "first", "second", "third", "fourth", "last", "final", "the", "this", "next", "latter",
            "other", "each", "per", "every", "a",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(previous));
        if ordinal || !(qualified || of_follows) {
            return Read::Skip(end);
        }
    }
    // Verbs of multiplying read loosely unless qualified: "doubled" is about 2x.
    if quantity.unit == Unit::Multiple && quantity.qualifier.is_none() && is_verb(&written) {
        quantity.qualifier = Some(Qualifier::About);
    }
    // So do fractions of a whole: "a third" is about 33.3%, and "half of
    // respondents" stands for 52% as well as for 50%.
    if quantity.unit == Unit::Percent && quantity.qualifier.is_none() && !written.contains('%') {
        quantity.qualifier = Some(Qualifier::About);
    }
    // Spelled-out counts ("five cities") and "at least one" are numbers, but
    // statements only where the sentence is about something the store knows;
    // so is a span of time spelled out ("over the past two decades").
    let time_span = matches!(&quantity.unit, Unit::Measure(m) if m.dimension == "time");
    let weak = (unit_bare || time_span) && (quantity.qualifier.is_none() || written == "one");
    // "a five-point scale" sizes a scale; no figure is stated.
    if unit_bare && sizes_a_scale(&text[end..]) {
        return Read::Skip(end);
    }
    // "a fifty-point gap" after percentages, as "a 50-point gap" is.
    let mut end = end;
    if unit_bare
        && quantity.high.is_none()
        && let Some((len, spelled)) = points_after(&text[end..])
        && (spelled || after_a_percentage(&text[..start]))
    {
        quantity.unit = Unit::PercentagePoints;
        end += len;
        quantity.text = text[start..end].into();
        return Read::Found(mention(start, end, quantity));
    }
    Read::Found(Mention {
        weak,
        ..mention(start, end, quantity)
    })
}

/// A number in Chinese numerals. Not one: a numeral inside a longer one
/// already passed over, an ordinal (第三), a date (三月), a lone 一 (一些,
/// 统一, 一起 are words) and a numeral inside a name of Latin letters.
pub(super) fn read_chinese(text: &str, at: usize) -> Read {
    let skip = |end| Read::Skip(end);
    let first_end = at + text[at..].chars().next().map_or(1, char::len_utf8);
    if let Some(doubling) = doublings(text, at) {
        return doubling;
    }
    let prev = text[..at].chars().next_back();
    if prev.is_some_and(|c| c == '第' || starts_chinese_numeral(c) || c.is_ascii_alphanumeric()) {
        return skip(first_end);
    }
    // 超过一半, 近三分之一: a qualifier right before the numeral is its own.
    let start = zh_qualifier_at_end(&text[..at]).map_or(at, |(_, len)| at - len);
    let Some((quantity, len)) = prose_quantity(&text[start..], false) else {
        return skip(first_end);
    };
    let end = start + len;
    let written = &text[at..end];
    let bare = quantity.unit == Unit::Bare;
    // 二〇二六年 is a year, 五年 five years.
    let after = &text[end..];
    let date = after.starts_with(['月', '日', '号', '点'])
        || after.starts_with('年') && written.chars().count() >= 4;
    if bare && (written == "一" || date) {
        return skip(end);
    }
    // 二氧化碳, 二手, 二维: a count is 两 before a noun or a measure word
    // (两国, 两个), and a lone 二 running into a word is a character of it.
    if bare
        && written == "二"
        && after
            .chars()
            .next()
            .is_some_and(|c| crate::quantity::is_han(c) && !crate::quantity::is_measure_word(c))
    {
        return skip(end);
    }
    // 一半 is a share as "half" is: qualified (超过一半) or of something
    // (占投资的一半), not in 功耗只有一半 ("only half the power").
    if written == "一半" && quantity.qualifier.is_none() && !text[..at].ends_with('的') {
        return skip(end);
    }
    Read::Found(Mention {
        // A count in words, as in English: a statement only where the store
        // knows what it counts.
        weak: bare,
        ..mention(start, end, quantity)
    })
}

/// 翻了一番 ("turned over once") is a doubling, 翻两番 two of them (four
/// times the start), and 翻了一番多 more than a doubling: a multiple, read
/// from 翻 to 番 (or 多).
fn doublings(text: &str, at: usize) -> Option<Read> {
    let before = &text[..at];
    let start = ["翻了", "翻"]
        .iter()
        .find_map(|w| before.strip_suffix(w))?
        .len();
    let mut chars = text[at..].char_indices();
    let (_, numeral) = chars.next()?;
    let times: u32 = match numeral {
        '一' => 1,
        '两' | '二' => 2,
        '三' => 3,
        _ => return None,
    };
    let (fan, '番') = chars.next()? else {
        return None;
    };
    let mut end = at + fan + '番'.len_utf8();
    let more = text[end..].starts_with('多');
    if more {
        end += '多'.len_utf8();
    }
    let written = format!("{}{}x", if more { "over " } else { "" }, 2u32.pow(times));
    let mut quantity = parse_quantity(&written).ok()?;
    quantity.text = text[start..end].into();
    Some(Read::Found(mention(start, end, quantity)))
}

/// A number found at `start..end`, a statement of its own; the scan gives
/// it its sentence.
fn mention(start: usize, end: usize, quantity: Quantity) -> Mention {
    Mention {
        start,
        end,
        quantity,
        weak: false,
        sentence: (0, 0),
        ordinal: false,
    }
}

/// An ordinal at `start..end` as a weak mention of its value.
pub(super) fn ordinal(start: usize, end: usize, value: u32) -> Read {
    match parse_quantity(&value.to_string()) {
        Ok(quantity) => Read::Found(Mention {
            weak: true,
            ordinal: true,
            ..mention(start, end, quantity)
        }),
        Err(_) => Read::Skip(end),
    }
}

/// "24th", "1st", "3rd": digits and an ordinal suffix, as a whole word.
pub(super) fn digit_ordinal(text: &str, digit: usize) -> Option<(usize, u32)> {
    let digits = text[digit..].bytes().take_while(u8::is_ascii_digit).count();
    let end = digit + digits;
    let suffix = text.get(end..end + 2)?;
    let ordinal = ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(suffix));
    let whole = text[end + 2..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    let value = text[digit..end].parse().ok()?;
    (ordinal && whole && digits > 0).then_some((end + 2, value))
}

/// Whether another spelled number follows, after a comma, "and", "or" or a
/// space: then the number before it is one of a series.
pub(super) fn heads_series(after: &str) -> bool {
    let rest = after
        .strip_prefix(',')
        .unwrap_or(after)
        .trim_start_matches(' ');
    // "one or two", "one in three" (a share, see `shares_in`).
    let rest = ["and ", "or ", "in "]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    rest.len() < after.len()
        && rest.starts_with(|c: char| c.is_ascii_alphabetic())
        && prose_quantity(rest, false).is_some_and(|(q, _)| !q.text.starts_with(['a', 'A']))
}

pub(super) fn is_verb(written: &str) -> bool {
    written.ends_with("ed") || written.ends_with("ing")
}

/// Whether nothing but spaces and punctuation shares the line of `start..end`.
fn alone_on_its_line(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |n| end + n);
    let blank = |s: &str| {
        s.chars()
            .all(|c| c.is_whitespace() || c.is_ascii_punctuation())
    };
    blank(&text[line_start..start]) && blank(&text[end..line_end])
}

/// The position an ordinal states, written in digits ("24th") or in words
/// ("ninth"), as the scanner reads ordinals; `None` for anything else.
pub(crate) fn ordinal_value(written: &str) -> Option<u32> {
    if written.starts_with(|c: char| c.is_ascii_digit()) {
        return digit_ordinal(written, 0)
            .and_then(|(end, value)| (end == written.len()).then_some(value));
    }
    ORDINAL_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(written))
        .map(|&(_, value)| value)
}

/// Whether the last two to four words before a number are a subject's name:
/// "South Asia 24" and "Europe and Central Asia 66" are regions' figures,
/// not a product "Asia" at version 24.
fn ends_a_name(before: &str, names_a_subject: &dyn Fn(&str) -> bool) -> bool {
    const MOST_WORDS: usize = 4;
    let head = before.trim_end();
    let mut start = head.len();
    for words in 1..=MOST_WORDS {
        let Some(space) = head[..start].trim_end().rfind(' ') else {
            return words > 1 && names_a_subject(head);
        };
        start = space + 1;
        if words > 1 && names_a_subject(&head[start..]) {
            return true;
        }
        start = space;
    }
    false
}

/// Whether the number after `before` tops a scale: "scored 25.5 (out of
/// 30)", "a score out of 100". "26 out of 30" and "twenty out of thirty"
/// state a part of a whole instead.
fn out_of_a_scale(before: &str) -> bool {
    let Some(rest) = before_phrase(before, "out of") else {
        return false;
    };
    let rest = rest.trim_end();
    let last_word = rest
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.' || c == ','))
        .next()
        .unwrap_or_default();
    prose_quantity(last_word, false).is_none_or(|(_, len)| len < last_word.len())
}

/// The length of " <word> <time unit>" right after a number, where the word
/// is a lower-case modifier ("runtime", "consecutive"), no word that
/// starts a phrase of its own ("of the years", "and 20 years").
fn time_after_a_modifier(after: &str) -> Option<usize> {
    const TIME: [&str; 14] = [
        "seconds", "second", "minutes", "minute", "hours", "hour", "days", "day", "weeks", "week",
        "months", "month", "years", "year",
    ];
    const NOT_MODIFIERS: [&str; 12] = [
        "of", "and", "or", "to", "in", "per", "a", "the", "by", "for", "from", "than",
    ];
    let rest = after.strip_prefix(' ')?;
    let word_len = rest.find(' ')?;
    let word = &rest[..word_len];
    if word.len() < 3
        || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        || NOT_MODIFIERS.contains(&word)
    {
        return None;
    }
    let unit_start = &rest[word_len + 1..];
    let unit_len = unit_start
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(unit_start.len());
    TIME.contains(&&unit_start[..unit_len])
        .then_some(1 + word_len + 1 + unit_len)
}

/// Whether the words after a number make it the size of a rating scale:
/// "a 4-point scale", "on a five-point Likert scale", "a 10-point rubric".
fn sizes_a_scale(after: &str) -> bool {
    let Some((rest, _)) = points_after(after) else {
        return false;
    };
    let next = after[rest..]
        .trim_start_matches([' ', '-'])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    ["scale", "scales", "likert", "rubric"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(next))
}

/// The length of "-point", " points" or " pts" right after a number, and
/// whether it says "percentage" itself ("-percentage-point").
fn points_after(after: &str) -> Option<(usize, bool)> {
    const WORDS: [(&str, bool); 6] = [
        ("-percentage-point", true),
        ("-point", false),
        (" points", false),
        (" point", false),
        (" pts", false),
        ("-pt", false),
    ];
    WORDS.iter().find_map(|&(word, spelled)| {
        let rest = after.get(..word.len())?;
        (rest.eq_ignore_ascii_case(word)
            && !after[word.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-'))
        .then_some((word.len(), spelled))
    })
}

/// Whether a percentage stands shortly before, in the sentence and outside
/// an aside opened since: "3.4% in March 2026 (Claude over GLM-5, a margin
/// of 49 points)" gives Elo points.
fn after_a_percentage(before: &str) -> bool {
    const MOST_WORDS_SINCE: usize = 8;
    // Looking back no further than a long sentence: a 10 MB line has no
    // sentence start near.
    let before = &before[floor_boundary(before, before.len().saturating_sub(400))..];
    // A full stop ends a sentence where a space follows it, not in "29.5%".
    let from = before
        .rmatch_indices(['.', '!', '?', '。', '\n'])
        .find(|&(at, mark)| {
            !matches!(mark, "." | "!" | "?") || before[at + 1..].starts_with(char::is_whitespace)
        })
        .map_or(0, |(at, mark)| at + mark.len());
    // "... against 23% of the public. A 50-point gap.": a sentence of a
    // few words that opens on the points looks back into the one before.
    const OPENING_WORDS: usize = 3;
    let sentence = if before[from..].split_whitespace().count() <= OPENING_WORDS {
        let earlier = before[..from.saturating_sub(1)]
            .rmatch_indices(['.', '!', '?', '。', '\n'])
            .find(|&(at, mark)| {
                !matches!(mark, "." | "!" | "?")
                    || before[at + 1..].starts_with(char::is_whitespace)
            })
            .map_or(0, |(at, mark)| at + mark.len());
        &before[earlier..]
    } else {
        &before[from..]
    };
    let Some(at) = sentence
        .rfind(['%', '％'])
        .or_else(|| sentence.rfind("percent"))
    else {
        return false;
    };
    let since = &sentence[at..];
    !since.contains(['(', '（']) && since.split_whitespace().count() <= MOST_WORDS_SINCE
}

/// Whether the text before a parenthesis leaves the amount in it to state
/// the value itself: a line or cell opens there, or a verb or preposition
/// that a value follows ends it.
fn states_an_amount(before: &str) -> bool {
    let head = before.trim_end();
    if head.is_empty() || head.ends_with(['|', ':', '=']) {
        return true;
    }
    let word = previous_word(before);
    ["is", "was", "were", "are", "be", "been", "at", "of", "to"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// The text before `phrase`, where `before` ends with it as whole words
/// (case aside, spaces after it allowed): "at the age of", "(out of".
fn before_phrase<'t>(before: &'t str, phrase: &str) -> Option<&'t str> {
    let head = before.trim_end();
    let at = head.len().checked_sub(phrase.len())?;
    (head.is_char_boundary(at)
        && head[at..].eq_ignore_ascii_case(phrase)
        && !head[..at].ends_with(char::is_alphanumeric))
    .then(|| &head[..at])
}

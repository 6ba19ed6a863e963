//! Numbers that prose derives from two facts: "23 times China's" (a ratio
//! between subjects), "doubled since 2024" (a ratio between periods), "up
//! 55%" (a change), "a 50-point gap" (a difference), computed on intervals
//! from the facts the words link the number to.

use crate::check::{show_interval, show_number_in};
use crate::interval::Interval;
use crate::quantity::{Reading, Unit};
use crate::store::{Fact, Store};

use super::judge::{Candidate, Number};
use crate::link::NameScore;

/// What a number derived from two facts says, and whether it holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Derivation {
    /// The fact divided or subtracted from, then the other.
    pub facts: [u32; 2],
    pub value: Interval,
    pub agrees: bool,
    /// The arithmetic in words: `$285.9 billion / $12.4 billion = [22.96x, 23.15x]`.
    pub arithmetic: String,
    kind: Kind,
}

impl Derivation {
    /// The claim line that states the same derivation for `check`, less
    /// its value: `{a} / {b} = `, or `{later} = +` with `vs EARLIER` after.
    /// Made only for a derivation that is kept: naming a fact so that it
    /// resolves is a search of the store.
    pub(crate) fn claim(&self, store: &Store) -> (String, String) {
        let [a, b] = self.facts;
        let (ra, rb) = (
            super::suggest::reference(store, a),
            super::suggest::reference(store, b),
        );
        match self.kind {
            Kind::Ratio => (format!("{ra} / {rb} = "), String::new()),
            Kind::Difference { .. } => (format!("{ra} - {rb} = "), String::new()),
            Kind::Change { fall } => {
                let earlier = store
                    .fact(b)
                    .period
                    .map_or(String::new(), |p| format!(" vs {}", store.str(p)));
                (format!("{ra} = {}", if fall { "-" } else { "+" }), earlier)
            }
        }
    }
}

/// How a number relates two facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `x`, `times`, `-fold`, "doubled".
    Ratio,
    /// A percentage after a word of change: "rose 55%", "a 13% drop".
    Change { fall: bool },
    /// Percentage points, or a count or an amount right after a word of
    /// change ("fell by 18 points", "up $40 billion"): the gap between two
    /// facts of one unit, later less earlier unless it is a fall.
    Difference { fall: bool },
}

/// Words that make a percentage a change, and which way.
const RISES: &[&str] = &[
    "up",
    "rose",
    "rise",
    "rises",
    "risen",
    "grew",
    "grow",
    "grown",
    "growth",
    "increase",
    "increased",
    "increases",
    "climbed",
    "climb",
    "jumped",
    "jump",
    "surged",
    "surge",
    "gained",
    "gain",
    "higher",
    "soared",
    "expanded",
    "faster",
];
const FALLS: &[&str] = &[
    "down",
    "fell",
    "fall",
    "fallen",
    "dropped",
    "drop",
    "declined",
    "decline",
    "decreased",
    "decrease",
    "cut",
    "slid",
    "lower",
    "reduction",
    "shrank",
    "lost",
    "slower",
];
const ZH_RISES: &[&str] = &[
    "增长了",
    "增长",
    "增加了",
    "增加",
    "上升了",
    "上升",
    "提高了",
    "提高",
];
const ZH_FALLS: &[&str] = &[
    "下降了",
    "下降",
    "减少了",
    "减少",
    "降低了",
    "降低",
    "下滑了",
    "下滑",
];

/// Verbs whose "up" or "down" is a particle, no change: "put up 60% of
/// the money", "broke down 40% of the cases".
const PARTICLE_VERBS: &[&str] = &[
    "add", "added", "adds", "break", "breaks", "broke", "broken", "end", "ended", "ends", "give",
    "gave", "given", "gives", "make", "made", "makes", "making", "pick", "picked", "put", "puts",
    "putting", "set", "sets", "sum", "summed", "take", "taken", "takes", "taking", "took", "use",
    "used", "uses", "using",
];

/// Whether the number is written as a ratio, a change or a difference.
pub(crate) fn may_derive(number: &Number<'_>) -> bool {
    number.written_as.is_some()
}

/// Whether the number is a count or an amount written as a change ("fell
/// by 18 points"): no level it is, whatever else it may be derived from.
pub(crate) fn states_a_gap(number: &Number<'_>) -> bool {
    !matches!(number.quantity.unit, Unit::PercentagePoints)
        && matches!(number.written_as, Some(Kind::Difference { .. }))
}

/// Whether a multiple relates the numbers on either side of it, its base
/// stated right after it, and agrees with them: "37% of witnesses, almost
/// three times its 13% share" is 37% / 13%, whatever fact of another
/// multiple its words name. Each of the two is checked on its own; a
/// multiple they do not give ("32 times China's $12.4 billion" after $285.9
/// billion) is judged by its words as any other.
pub(crate) fn agrees_with_its_neighbours(number: &Number<'_>, tolerance: f64) -> bool {
    // Between the multiple and its base: "its", "the", "China's", "the
    // figure of", "that of".
    const MOST_WORDS_BETWEEN: usize = 4;
    let which = number.which;
    if number.quantity.unit != Unit::Multiple || which == 0 {
        return false;
    }
    let (Some(before), Some(after)) = (
        number.neighbours.get(which - 1),
        number.neighbours.get(which + 1),
    ) else {
        return false;
    };
    let Some(between) =
        in_sentence(number, after.start).and_then(|start| number.sentence.get(number.end..start))
    else {
        return false;
    };
    let (a, b) = (&before.quantity, &after.quantity);
    if between.split_whitespace().count() > MOST_WORDS_BETWEEN
        || between.contains([',', ';', '.', '，', '；', '。'])
        || a.unit != b.unit
    {
        return false;
    }
    let (a, b) = (a.reading(tolerance).set, b.reading(tolerance).set);
    a.div(&b)
        .is_some_and(|ratio| ratio.overlaps(&number.reading.set))
}

/// Whether a number of percentage points agrees with the gap between the
/// two percentages the sentence states right before it ("73% against 23%,
/// a 40-point gap"), if it states two: that gap is what the number speaks
/// of, whatever fact of another gap agrees with its value.
pub(crate) fn agrees_with_its_stated_gap(number: &Number<'_>, tolerance: f64) -> Option<bool> {
    let which = number.which;
    if number.quantity.unit != Unit::PercentagePoints || which < 2 {
        return None;
    }
    let (first, second) = (&number.neighbours[which - 2], &number.neighbours[which - 1]);
    let (a, b) = (&first.quantity, &second.quantity);
    if a.unit != Unit::Percent || b.unit != Unit::Percent || a.high.is_some() || b.high.is_some() {
        return None;
    }
    // Two ends of a change ("rose from 12% to 66.3%, narrowing the gap with
    // humans to under 7 points") make no gap the points must be.
    let between = in_sentence(number, first.end)
        .zip(in_sentence(number, second.start))
        .and_then(|(from, to)| number.sentence.get(from..to))
        .unwrap_or_default();
    let between = between.trim_end();
    if between
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("to"))
        || between.ends_with(['→', '至', '到'])
    {
        return None;
    }
    let (a, b) = (a.reading(tolerance).set, b.reading(tolerance).set);
    let stated = &number.reading.set;
    Some(a.sub(&b).overlaps(stated) || b.sub(&a).overlaps(stated))
}

/// Where an offset of the number's block stands in its sentence, which
/// may be a table cell's line with its headers written before it.
fn in_sentence(number: &Number<'_>, at: usize) -> Option<usize> {
    (at + number.start).checked_sub(number.neighbours[number.which].start)
}

/// Whether a ratio is written as a change over time ("more than doubled",
/// "grew 2.6 times"), which a fact of growth in percent states, rather than
/// as a comparison ("23 times China's").
pub(crate) fn states_growth(number: &Number<'_>) -> bool {
    const VERBS: [&str; 5] = ["doubl", "tripl", "quadrupl", "halv", "翻"];
    number.quantity.unit == Unit::Multiple
        && (change_before(number).is_some()
            || zh_multiple_added(number)
            || VERBS.iter().any(|v| {
                number
                    .quantity
                    .text
                    .as_bytes()
                    .windows(v.len())
                    .any(|w| w.eq_ignore_ascii_case(v.as_bytes()))
            }))
}

/// Whether the words beside a difference say it changed over time: "up 5
/// points", "fell by 18 points", "a 5-point drop", 提高了5个百分点, or a
/// change whose ends the sentence stated.
fn says_a_change(number: &Number<'_>) -> bool {
    let before = number.sentence[..number.start].trim_end();
    let word_after = number.sentence[number.end..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty());
    change_before(number).is_some()
        || ZH_RISES.iter().chain(ZH_FALLS).any(|w| before.ends_with(w))
        || word_after.is_some_and(|w| change_word(w).is_some())
        || number.stated_change.is_some()
}

/// Whether a multiple is written in Chinese as the growth it adds, not
/// the ratio reached: 增长1.3倍 and 增加了两倍 add 130% and 200% (2.3 and 3
/// times the start), where 增长到1.3倍 reaches 1.3 times it. So 增长一倍 is
/// a doubling, as Chinese style guides have it.
pub(crate) fn zh_multiple_added(number: &Number<'_>) -> bool {
    number.quantity.unit == Unit::Multiple && {
        let before = number.sentence[..number.start].trim_end();
        ZH_RISES.iter().any(|w| before.ends_with(w))
    }
}

/// Which way the word right before the number (past a "by") says it
/// changes: "fell by 18", "up 129".
fn change_before(number: &Number<'_>) -> Option<bool> {
    let mut words = number.sentence[..number.start]
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let word = words.next()?;
    let word = if word.eq_ignore_ascii_case("by") {
        words.next()?
    } else {
        word
    };
    change_word(word)
}

/// Whether the number is the gap of a comparison, and which way: "24 more
/// (models) than China", "$5 billion less than", or in Chinese 比中国多出24个,
/// 比去年少10家.
fn comparative_after(number: &Number<'_>) -> Option<bool> {
    let mut words = number.sentence[number.end..]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4);
    if let Some(first) = words.next() {
        let is = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(first));
        let fall = if is(&["more", "higher", "greater"]) {
            Some(false)
        } else if is(&["fewer", "less", "lower"]) {
            Some(true)
        } else {
            None
        };
        if let Some(fall) = fall
            && words.any(|w| w.eq_ignore_ascii_case("than"))
        {
            return Some(fall);
        }
    }
    let before = &number.sentence[..number.start];
    let clause = before.rsplit(['，', '。', '；', ',', ';']).next()?;
    if !clause.contains('比') {
        return None;
    }
    let last = before.trim_end();
    if ["多出", "多了", "多"].iter().any(|w| last.ends_with(w)) {
        Some(false)
    } else if ["少了", "少"].iter().any(|w| last.ends_with(w)) {
        Some(true)
    } else {
        None
    }
}

/// Whether a draft fact's quote writes its value as a fall: "enrollment
/// ... **declined 11%**" is a change of -11% written as a magnitude.
pub(crate) fn draft_quoted_as_a_fall(fact: &Fact) -> bool {
    let value = &*fact.value.text;
    fact.draft
        && fact.quote.as_deref().is_some_and(|quote| {
            quote.match_indices(value).any(|(at, _)| {
                quote[..at]
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .take(2)
                    .any(|w| change_word(w) == Some(true))
            })
        })
}

/// Whether a word says a rise (`Some(false)`) or a fall (`Some(true)`).
fn change_word(word: &str) -> Option<bool> {
    let is = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    if is(RISES) {
        Some(false)
    } else if is(FALLS) {
        Some(true)
    } else {
        None
    }
}

/// How the number is written, read once per number ([`Number::written_as`]).
pub(crate) fn kind_of(number: &Number<'_>) -> Option<Kind> {
    match number.quantity.unit {
        Unit::Multiple => Some(Kind::Ratio),
        Unit::PercentagePoints => Some(Kind::Difference {
            fall: change_before(number).unwrap_or(false),
        }),
        Unit::Bare | Unit::Noun(_) | Unit::Currency(_) | Unit::Measure(_) => change_before(number)
            .or_else(|| comparative_after(number))
            .map(|fall| Kind::Difference { fall }),
        Unit::Percent => {
            let before = &number.sentence[..number.start];
            let words_before: Vec<&str> = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(5)
                .collect();
            // "rose to 88%", "up from 78%": the level reached or left, not
            // the change.
            if words_before
                .first()
                .is_some_and(|w| w.eq_ignore_ascii_case("to") || w.eq_ignore_ascii_case("from"))
            {
                return None;
            }
            // "up" and "down" say a change standing right before the number
            // ("up 55%", "down by 18%"), not as the particle of a verb
            // ("made up 23.9% of papers", "made things up in 1.8%").
            let particle = |i: usize| {
                let w = words_before[i];
                (w.eq_ignore_ascii_case("up") || w.eq_ignore_ascii_case("down"))
                    && (!(i == 0 || (i == 1 && words_before[0].eq_ignore_ascii_case("by")))
                        || words_before[i + 1..].iter().take(2).any(|verb| {
                            PARTICLE_VERBS.iter().any(|v| verb.eq_ignore_ascii_case(v))
                        }))
            };
            let words_before = (0..words_before.len().min(3))
                .filter(|&i| !particle(i))
                .map(|i| words_before[i]);
            let after = &number.sentence[number.end..];
            let mut words_after = after
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty());
            // "a 13% drop" is a change; "65%, down from 77%" the level reached.
            let word_after = words_after.next().filter(|_| {
                !words_after
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case("from"))
            });
            let mut words = words_before.chain(word_after);
            // Chinese runs its words together: 增长了55%, AI事件减少了10%.
            let zh = |words: &[&str], w: &str| words.iter().any(|z| w.ends_with(z));
            words.find_map(|w| {
                let fall = change_word(w).or_else(|| {
                    if zh(ZH_RISES, w) {
                        Some(false)
                    } else if zh(ZH_FALLS, w) {
                        Some(true)
                    } else {
                        None
                    }
                })?;
                Some(Kind::Change { fall })
            })
        }
        _ => None,
    }
}

/// The share of a metric's name in the sentence's own words that makes it
/// the sentence's.
const NAMED_IN_SENTENCE: f32 = 0.5;

/// The derivation a number states, from the candidates its words link it
/// to (any unit: a ratio of two dollar amounts is a multiple), if two of
/// them make one: the same metric for two subjects named in the sentence,
/// or one subject and metric in two periods.
pub(crate) fn derive(
    store: &Store,
    readings: &[Reading],
    candidates: &[Candidate],
    number: &Number<'_>,
) -> Option<Derivation> {
    let kind = number.written_as?;
    // "1.7 times as many as China" compares two subjects before it relates
    // two years of one; "doubled", and a sentence naming two years ("fell
    // by 18 points between 2024 and 2025"), relate two years first.
    let over_time = (kind == Kind::Ratio && states_growth(number)) || number.years.found.len() >= 2;
    let passes: &[Pairing] = if over_time {
        &[Pairing::Periods, Pairing::Subjects]
    } else if matches!(kind, Kind::Difference { .. }) && !says_a_change(number) {
        // "trails people by 6 points" is a gap between two things, not a
        // metric's change from one year to another.
        &[Pairing::Subjects]
    } else {
        &[Pairing::Subjects, Pairing::Periods]
    };
    // The best linked metrics in turn, until one gives two facts to relate:
    // first those the sentence itself names, then those the paragraph
    // before lends it words of ("Nine in ten organizations use AI. The US
    // produced 59 notable AI models to China's 35, 1.7 times as many" is a
    // ratio of models, not of the organizations' two years).
    // The change whose two ends the sentence stated comes first, before
    // another subject's fact of its metric ranked higher.
    let stated = |c: &&Candidate| {
        let fact = store.fact(c.fact);
        number.stated_change == Some((fact.subject, fact.metric))
    };
    let mut tried: Vec<crate::store::Sym> = Vec::new();
    let mut metrics: Vec<&Candidate> = candidates
        .iter()
        .filter(stated)
        .chain(candidates.iter().filter(|c| !stated(c)))
        .filter(|c| derivable(store, c.fact, kind, &number.quantity.unit))
        .filter(|c| {
            let metric = store.fact(c.fact).metric;
            let new = !tried.contains(&metric);
            tried.push(metric);
            new
        })
        .take(5)
        .collect();
    // A stable sort: in rank order within each.
    metrics.sort_by_key(|c| (!stated(c), c.metric.own < NAMED_IN_SENTENCE));
    let pair = passes.iter().find_map(|&pairing| {
        metrics
            .iter()
            .find_map(|top| pair_of(store, readings, candidates, top, kind, pairing, number))
    })?;
    derivation(store, readings, pair, kind, number)
}

/// The derivation a ratio or a gap states from the two numbers stated
/// before it in its sentence, and only two, each linked to its fact
/// (`stated`, in order), when those are one metric's for two subjects in
/// one period: "32.3% in Saudi Arabia and 29.5% in Italy, a difference of
/// 3.8 percentage points" is 32.3% - 29.5%, however far its own words
/// stand from the metric's.
pub(crate) fn derive_from_stated(
    store: &Store,
    readings: &[Reading],
    stated: &[u32],
    number: &Number<'_>,
) -> Option<Derivation> {
    let kind = number.written_as?;
    let compares = match kind {
        Kind::Ratio => !states_growth(number),
        Kind::Difference { .. } => !says_a_change(number),
        Kind::Change { .. } => false,
    };
    // Only two numbers before it: of "78, 47, 38 and 16 ... nearly five
    // times", the words must tell which two.
    let &[a, b] = stated else {
        return None;
    };
    // ... or, in a sentence that points back at them, the two before it.
    if number.which != 2 && number.which != 0 {
        return None;
    }
    let (fa, fb) = (store.fact(a), store.fact(b));
    let relates = fa.metric == fb.metric
        && fa.subject != fb.subject
        && fa.period == fb.period
        && fa.value.unit == fb.value.unit
        && derivable(store, a, kind, &number.quantity.unit)
        && readings[a as usize].set.is_bounded()
        && readings[b as usize].set.is_bounded();
    if !compares || !relates {
        return None;
    }
    // The larger first, as for the facts the words link.
    let pair = if readings[a as usize].set.lo >= readings[b as usize].set.lo {
        [a, b]
    } else {
        [b, a]
    };
    derivation(store, readings, pair, kind, number)
}

/// The value `kind` makes of the facts `pair`, and whether the number
/// states it.
fn derivation(
    store: &Store,
    readings: &[Reading],
    pair: [u32; 2],
    kind: Kind,
    number: &Number<'_>,
) -> Option<Derivation> {
    let (a, b) = (
        &readings[pair[0] as usize].set,
        &readings[pair[1] as usize].set,
    );
    let (fa, fb) = (&store.fact(pair[0]).value, &store.fact(pair[1]).value);
    let (value, shown, op) = match kind {
        Kind::Ratio => (a.div(b)?, Unit::Multiple, "/"),
        Kind::Difference { .. } => {
            let shown = match number.quantity.unit {
                Unit::PercentagePoints => Unit::PercentagePoints,
                _ => fa.unit.clone(),
            };
            (a.sub(b), shown, "-")
        }
        Kind::Change { fall } => {
            let ratio = a.div(b)?;
            let change = if fall {
                Interval::point(1.0).sub(&ratio)
            } else {
                ratio.sub(&Interval::point(1.0))
            };
            (
                change.scale(100.0),
                Unit::Percent,
                if fall { "fall from" } else { "rise from" },
            )
        }
    };
    let agrees = super::judge::shares_values(&value, &number.reading.set);
    let arithmetic = match kind {
        Kind::Change { .. } => format!(
            "{op} {} to {} = {} {}",
            fb.text,
            fa.text,
            show_number_in(value.lo.midpoint(value.hi), &shown),
            show_interval(&value, &shown)
        ),
        _ => format!(
            "{} {op} {} = {} {}",
            fa.text,
            fb.text,
            show_number_in(value.lo.midpoint(value.hi), &shown),
            show_interval(&value, &shown)
        ),
    };
    Some(Derivation {
        facts: pair,
        value,
        agrees,
        arithmetic,
        kind,
    })
}

/// Whether the sentence's own words name a subject, not only the paragraph
/// before it: "the UK's $5.9 billion" a sentence earlier is no side of "the
/// US produced 59 models to China's 35, 1.7 times as many".
fn named_in_sentence(subject: &NameScore) -> bool {
    subject.is_read() && subject.own > 0.0
}

/// Which two facts of one metric a number may relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pairing {
    /// Two subjects named in the sentence, in one period.
    Subjects,
    /// The top candidate's subject in its two latest periods.
    Periods,
}

/// Two facts of the top candidate's metric that the number may relate, as
/// `pairing` pairs them.
fn pair_of(
    store: &Store,
    readings: &[Reading],
    candidates: &[Candidate],
    top: &Candidate,
    kind: Kind,
    pairing: Pairing,
    number: &Number<'_>,
) -> Option<[u32; 2]> {
    let metric = store.fact(top.fact).metric;
    let unit = &store.fact(top.fact).value.unit;
    let peers: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| {
            let fact = store.fact(c.fact);
            fact.metric == metric
                && fact.value.unit == *unit
                && readings[c.fact as usize].set.is_bounded()
        })
        .collect();
    let top_fact = store.fact(top.fact);
    let other = |c: &&&Candidate| {
        let fact = store.fact(c.fact);
        fact.subject != top_fact.subject
            && fact.period == top_fact.period
            && named_in_sentence(&c.subject)
            && named_in_sentence(&top.subject)
    };
    // Of a list of multiples, the subject the list is of is the other side
    // of each, not the next multiple's subject, however near.
    let other_subject = number
        .multiples_of
        .filter(|_| kind == Kind::Ratio)
        .and_then(|of| {
            peers
                .iter()
                .filter(other)
                .find(|c| store.fact(c.fact).subject == of)
        })
        .or_else(|| peers.iter().find(other));
    match (pairing, kind, other_subject) {
        (Pairing::Subjects, Kind::Ratio | Kind::Difference { .. }, Some(other)) => {
            // The larger first: "23 times" and "a 50-point gap" are never
            // below one or below zero.
            let (a, b) = (top.fact, other.fact);
            Some(
                if readings[a as usize].set.lo >= readings[b as usize].set.lo {
                    [a, b]
                } else {
                    [b, a]
                },
            )
        }
        (Pairing::Periods, ..) => {
            let mut periods: Vec<u32> = peers
                .iter()
                .map(|c| c.fact)
                .filter(|&f| {
                    let fact = store.fact(f);
                    fact.subject == top_fact.subject && fact.period.is_some()
                })
                .collect();
            let period = |f: u32| store.fact(f).period.map_or("", |p| store.str(p));
            periods.sort_by(|&a, &b| period(a).cmp(period(b)));
            periods.dedup_by_key(|f| store.fact(*f).period);
            let [.., earlier, later] = periods[..] else {
                return None;
            };
            // "fell by 18 points": the earlier less the later.
            Some(match kind {
                Kind::Difference { fall: true } => [earlier, later],
                _ => [later, earlier],
            })
        }
        _ => None,
    }
}

/// Whether a fact can enter a derivation of this kind: an amount, not
/// itself a ratio or a change; a difference in points is of percentages,
/// any other of amounts the number's unit may state.
fn derivable(store: &Store, fact: u32, kind: Kind, stated: &Unit) -> bool {
    let unit = &store.fact(fact).value.unit;
    match kind {
        Kind::Difference { .. } if *stated == Unit::PercentagePoints => *unit == Unit::Percent,
        Kind::Difference { .. } => {
            super::judge::backs(stated, unit)
                && !matches!(
                    unit,
                    Unit::Multiple | Unit::PercentagePoints | Unit::Percent
                )
        }
        Kind::Ratio | Kind::Change { .. } => {
            !matches!(unit, Unit::Multiple | Unit::PercentagePoints)
        }
    }
}

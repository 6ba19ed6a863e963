//! The linker's ranking on paraphrases: sentences written here, not
//! names of the store word for word.

use std::path::Path;
use std::sync::LazyLock;

use super::*;
use crate::store::Store;

static BUNDLED: LazyLock<Store> =
    LazyLock::new(|| Store::load(Path::new("sources")).unwrap_or_else(|e| panic!("{e}")));

/// The metric the words around `number` in `sentence` point at most
/// strongly, as the store names it.
fn best_metric(sentence: &str, number: &str) -> String {
    let linker = Linker::new(&BUNDLED);
    let start = sentence
        .find(number)
        .expect("the number is in the sentence");
    let numbers = [(start, start + number.len())];
    let mut cache = WordCache::default();
    let mut terms = SentenceTerms::default();
    linker.read(sentence, &mut cache, &mut terms);
    let scores = linker.scores(&terms, &numbers, 0);
    let best = linker
        .metrics_named(&terms)
        .map(|m| (scores.name(NameKind::Metric, m).strength, m))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .expect("some metric is named");
    BUNDLED.str(best.1).to_owned()
}

#[test]
fn paraphrased_metrics_link_to_their_names() {
    let pairs = [
        // An alias with another word order and a British spelling.
        (
            "Organisational adoption of AI stands at 88%.",
            "88%",
            "use AI in at least one business function",
        ),
        // Plural, possessive, synonym from the aliases.
        (
            "China's private AI funding reached $12.4 billion.",
            "$12.4 billion",
            "private AI investment",
        ),
        // British spelling of centre, through the stemmer.
        (
            "AI data centres drew 29.6 GW of power.",
            "29.6 GW",
            "AI data center power capacity",
        ),
        (
            "The count of reported AI incidents rose to 362.",
            "362",
            "reported AI incidents",
        ),
        // A comparative names what it compares.
        (
            "Experienced developers using AI were 19% slower.",
            "19%",
            "change in speed with AI assistance",
        ),
    ];
    for (sentence, number, metric) in pairs {
        assert_eq!(best_metric(sentence, number), metric, "{sentence}");
    }
}

/// A number one space after a name is its version: "Grok 4" names Grok 4
/// more than Grok 3, and "Claude Opus 4.5" Opus 4.5 more than Opus 4.6.
#[test]
fn a_names_version_tells_it_from_its_siblings() {
    let linker = Linker::new(&BUNDLED);
    let subject = |sentence: &str, number: &str, name: &str| {
        let start = sentence.find(number).unwrap();
        let mut cache = WordCache::default();
        let mut terms = SentenceTerms::default();
        linker.read(sentence, &mut cache, &mut terms);
        let scores = linker.scores(&terms, &[(start, start + number.len())], 0);
        let sym = linker
            .subjects_named(&terms)
            .find(|&s| BUNDLED.str(s) == name)
            .unwrap_or_else(|| panic!("{name} is named"));
        scores.name(NameKind::Subject, sym).coverage
    };
    let grok = "Grok 4 training emitted 72,816 tonnes of CO2 equivalent.";
    assert!(subject(grok, "72,816", "Grok 4") > subject(grok, "72,816", "Grok 3"));
    let opus = "Claude Opus 4.5 scored 66.3% on OSWorld.";
    assert!(
        subject(opus, "66.3%", "Claude Opus 4.5")
            > subject(opus, "66.3%", "Claude Opus 4.6 (Nonthinking)")
    );
}

#[test]
fn each_number_takes_the_subject_nearest_before_it() {
    let sentence = "The US released 59 notable models, China 35 and South Korea 8.";
    let linker = Linker::new(&BUNDLED);
    let numbers: Vec<(usize, usize)> = ["59", "35", " 8"]
        .iter()
        .map(|n| {
            let s = sentence.find(n).unwrap() + usize::from(n.starts_with(' '));
            (s, s + n.trim().len())
        })
        .collect();
    let mut cache = WordCache::default();
    let mut terms = SentenceTerms::default();
    linker.read(sentence, &mut cache, &mut terms);
    let subjects: Vec<Sym> = linker.subjects_named(&terms).collect();
    for (which, expected) in ["United States", "China", "South Korea"].iter().enumerate() {
        let scores = linker.scores(&terms, &numbers, which);
        let best = subjects
            .iter()
            .map(|&s| (scores.name(NameKind::Subject, s).nearness, s))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap();
        assert_eq!(BUNDLED.str(best.1), *expected, "number {which}");
    }
}

#[test]
fn a_value_word_alone_links_nothing() {
    // A bare number or a year is a value or a period, never a name's word:
    // "30 supernovae in 2025" is not named by "30" and "2025".
    let linker = Linker::new(&BUNDLED);
    let sentence = "It came to 30 in 2025.";
    let mut cache = WordCache::default();
    let mut terms = SentenceTerms::default();
    linker.read(sentence, &mut cache, &mut terms);
    assert_eq!(linker.metrics_named(&terms).count(), 0);
}

/// A store of one source "doc" in a temporary folder: its facts, one JSON
/// object a line, and its aliases if any.
fn doc_store(facts: &[String], aliases: Option<&str>) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("doc");
    std::fs::create_dir(&source).unwrap();
    std::fs::write(source.join("source.json"), r#"{"id": "doc"}"#).unwrap();
    std::fs::write(source.join("facts.jsonl"), facts.join("\n")).unwrap();
    if let Some(aliases) = aliases {
        std::fs::write(source.join("aliases.json"), aliases).unwrap();
    }
    let store = Store::load(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    (dir, store)
}

/// A store of drafts: `(value, quote)`.
fn draft_store(drafts: &[(&str, &str)]) -> (tempfile::TempDir, Store) {
    let lines: Vec<String> = drafts
        .iter()
        .enumerate()
        .map(|(i, (value, quote))| {
            format!(
                r#"{{"id": "d{i}", "draft": true, "subject": "", "metric": "", "value": "{value}", "locator": {{"line": {i}}}, "quote": "{quote}"}}"#
            )
        })
        .collect();
    doc_store(&lines, None)
}

/// A draft has no name, so its quote is its form, and each draft's form is
/// its own: the quote whose words stand beside its number outranks one that
/// holds the same words far from its number.
#[test]
fn a_drafts_quote_links_it_nearest_words_first() {
    let (_dir, store) = draft_store(&[
        (
            "212",
            "Cruise calls fell to 212 while the ferry fleet grew.",
        ),
        (
            "14",
            "The count of cruise calls fell in a year when the fleet grew to 14.",
        ),
    ]);
    let linker = Linker::new(&store);
    let sentence = "Cruise calls fell to 212 last season.";
    let start = sentence.find("212").unwrap();
    let mut cache = WordCache::default();
    let mut terms = SentenceTerms::default();
    linker.read(sentence, &mut cache, &mut terms);
    let scores = linker.scores(&terms, &[(start, start + 3)], 0);
    let strength = |id: &str| {
        let fact = store.fact(store.fact_by_id(id).unwrap());
        scores.name(NameKind::Metric, fact.metric).strength
    };
    let (near, far) = (strength("d0"), strength("d1"));
    // The same three words, beside the number in one quote and far from
    // it in the other.
    assert!(near > 0.0, "near {near}");
    assert!(near > 2.0 * far, "near {near}, far {far}");
    // The two drafts' empty metrics are two metrics, not one.
    assert_ne!(store.fact(0).metric, store.fact(1).metric);
}

/// A draft's value is written with its scale ("$30 billion"): that word
/// names nothing, and a sentence that shares only it and one common word
/// with the quote links to it no more than one without it.
#[test]
fn a_drafts_own_scale_word_is_no_name() {
    let (_dir, store) = draft_store(&[(
        "at least $30 billion",
        "Among organizations with at least $30 billion in revenue, 41% expected to spend more.",
    )]);
    let linker = Linker::new(&store);
    let strength = |sentence: &str, number: &str| {
        let start = sentence.find(number).unwrap();
        let mut cache = WordCache::default();
        let mut terms = SentenceTerms::default();
        linker.read(sentence, &mut cache, &mut terms);
        let scores = linker.scores(&terms, &[(start, start + number.len())], 0);
        let fact = store.fact(store.fact_by_id("d0").unwrap());
        scores.name(NameKind::Metric, fact.metric).strength
    };
    assert_eq!(
        strength("Revenue reached $19 billion last year.", "$19 billion"),
        strength("Revenue reached $19 last year.", "$19"),
    );
}

#[test]
fn quote_words_weigh_by_their_nearness_to_the_value() {
    let anchor = Anchor {
        after: Some(3),
        value_words: 0,
        quote_words: 6,
        next: None,
    };
    // The number is word 2: its neighbours weigh most, then less and less.
    assert!(anchor.weight(1, false) > anchor.weight(0, false));
    assert!(anchor.weight(3, false) > anchor.weight(5, false));
    assert_eq!(anchor.weight(2, false), 1.0);
    // A table's column header, after the quote, weighs fully.
    assert_eq!(anchor.weight(6, false), 1.0);
    // The value's own words after its digits ("billion") name nothing.
    let scaled = Anchor {
        value_words: 1,
        ..anchor
    };
    assert_eq!(scaled.weight(3, false), 0.0);
    assert_eq!(scaled.weight(4, false), anchor.weight(4, false));
    // A value not found in its quote leaves every word its full weight.
    let unanchored = Anchor {
        after: None,
        value_words: 0,
        quote_words: 6,
        next: None,
    };
    assert_eq!(unanchored.weight(0, false), 1.0);
    // A name in the clause of the quote's next value is that value's; the
    // words before the first value are the topic of both.
    let first_of_two = Anchor {
        after: Some(3),
        value_words: 0,
        quote_words: 9,
        next: Some(5),
    };
    assert!(first_of_two.weight(5, true) < first_of_two.weight(5, false));
    assert!(first_of_two.weight(8, true) < first_of_two.weight(8, false));
    assert_eq!(first_of_two.weight(0, true), first_of_two.weight(0, false));
    assert_eq!(first_of_two.weight(4, true), first_of_two.weight(4, false));
    // Common words are every value's.
    assert_eq!(first_of_two.weight(5, false), nearness(3.0));
}

/// "59 notable AI models, China with 35": China opens the second value's
/// clause; "112 came from Europe, 64 from Asia": Europe closes the first's.
#[test]
fn a_quote_gives_each_value_the_names_of_its_clause() {
    let (_dir, store) = draft_store(&[
        ("59", "The US led with 59 notable AI models, China with 35."),
        ("35", "The US led with 59 notable AI models, China with 35."),
        ("112", "Of the ships, 112 came from Europe, 64 from Asia."),
        ("64", "Of the ships, 112 came from Europe, 64 from Asia."),
    ]);
    let forms = draft_forms(&store);
    let word = |q: &QuotedForm, w: &str| {
        tokens(&q.text)
            .position(|t| &q.text[t.start..t.end] == w)
            .unwrap()
    };
    let rivalled = |q: &QuotedForm, w: &str| {
        let at = word(q, w);
        q.anchor.weight(at, true) < q.anchor.weight(at, false)
    };
    assert!(rivalled(&forms[0], "China"));
    assert!(!rivalled(&forms[1], "China"));
    assert!(!rivalled(&forms[0], "US"));
    assert!(!rivalled(&forms[2], "Europe"));
    assert!(rivalled(&forms[2], "Asia"));
}

/// A name with an acronym is also found by its spelling, and a spelling by
/// its acronym; words that merely start with the right letters are none.
#[test]
fn acronyms_and_their_spellings_meet() {
    let names = [
        "FMTI score",
        "Foundation Model Transparency Index",
        "HLE accuracy",
        "top accuracy on Humanity's Last Exam",
        "ROI",
        "return on investment",
        "FDA approvals",
        "government guidance funds deployed across industries",
    ];
    let found = words::acronyms(names.iter().copied());
    assert_eq!(
        found,
        [
            (
                "FMTI".to_owned(),
                "Foundation Model Transparency Index".to_owned()
            ),
            ("HLE".to_owned(), "Humanity's Last Exam".to_owned()),
        ]
    );
    assert_eq!(
        words::other_spellings("FMTI score", &found),
        ["Foundation Model Transparency Index score"]
    );
    assert_eq!(
        words::other_spellings("top accuracy on Humanity's Last Exam", &found),
        ["top accuracy on HLE"]
    );
    // In the bundled store, the index spelled out in prose finds the
    // metric its names abbreviate.
    assert_eq!(
        best_metric(
            "On the Foundation Model Transparency Index, xAI scored 14.",
            "14"
        ),
        "FMTI score"
    );
}

/// A metric of change names a growth, a decline or a rise; a word of change
/// after a modal is a verb of what may happen.
#[test]
fn metrics_of_change_are_named_as_changes() {
    let linker = Linker::new(&BUNDLED);
    let metric_of = |id: &str| {
        let fact = BUNDLED.fact_by_id(id).expect("a fact of the bundled store");
        BUNDLED.fact(fact).metric
    };
    assert!(linker.is_change(metric_of("e-private-growth")));
    assert!(linker.is_change(metric_of("ed-cs-enrollment")));
    assert!(!linker.is_change(metric_of("e-us-private")));
    assert!(!linker.is_change(metric_of("pu-job-change-very-likely")));
}

/// A store of two metrics of one subject, with `aliases` (JSON) beside it.
fn named_store(aliases: &str) -> (tempfile::TempDir, Store) {
    let facts = [
        r#"{"id": "calls", "subject": "Harbour", "metric": "cruise ship calls", "period": "2025", "value": "212", "locator": {"page": "1"}}"#,
        r#"{"id": "berths", "subject": "Harbour", "metric": "deep water berths", "period": "2025", "value": "14", "locator": {"page": "1"}}"#,
    ]
    .map(str::to_owned);
    doc_store(&facts, Some(aliases))
}

/// How strongly "The harbour had 212 cruise ship calls." names the cruise
/// calls, in a store with `aliases`.
fn cruise_strength(aliases: &str) -> f32 {
    let (_dir, store) = named_store(aliases);
    let linker = Linker::new(&store);
    let sentence = "The harbour had 212 cruise ship calls.";
    let start = sentence.find("212").unwrap();
    let mut cache = WordCache::default();
    let mut terms = SentenceTerms::default();
    linker.read(sentence, &mut cache, &mut terms);
    let scores = linker.scores(&terms, &[(start, start + 3)], 0);
    let calls = store.fact(0).metric;
    scores.name(NameKind::Metric, calls).strength
}

/// Aliases, however long (a Chinese one weighs a term per character), do
/// not weaken the links of the names they are not aliases of.
#[test]
fn aliases_leave_the_other_names_links_alone() {
    let without = cruise_strength(r#"{"metrics": {}}"#);
    let with = cruise_strength(
        r#"{"metrics": {"deep water berths": ["深水泊位数量", "可停靠大型船舶的深水泊位"]}}"#,
    );
    assert!(without > 0.0);
    assert_eq!(without, with);
}

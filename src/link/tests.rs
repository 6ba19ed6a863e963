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
    ];
    for (sentence, number, metric) in pairs {
        assert_eq!(best_metric(sentence, number), metric, "{sentence}");
    }
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

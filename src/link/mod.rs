//! Linking prose to facts: which facts a number in a sentence may speak of,
//! ranked by the words around it, never by its value.
//!
//! Every subject and metric of the store, under its name and each alias, is
//! a *form*: a set of terms ([`words`]). A sentence is read once into terms
//! with their word positions; for each number, a form scores by the share
//! of its terms the sentence holds (each term weighted by its rarity across
//! the store's names), the nearer the number the more. A fact scores by its
//! metric and its subject; the caller (the audit) applies the hard
//! constraints of unit and period and decides what the value says.
//!
//! The scoring is small on purpose: an editor's question "why this fact?"
//! is answered by [`Evidence`], the words that matched and how near they
//! stood.

mod names;
mod paragraph;
pub mod phrase;
mod scores;
pub mod words;

pub use paragraph::{HeadingWords, ParagraphWords};
pub use scores::{Evidence, NameScore, Scores};

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::store::{NameKind, Store, Sym};

use words::{Normalizer, Token, tokens};

/// The store's names as terms, with their weights.
#[derive(Debug)]
pub struct Linker {
    normalizer: Normalizer,
    terms: FxHashMap<Box<str>, u32>,
    /// Per term: how much finding it says, ln(1 + names / names holding it).
    rarity: Vec<f32>,
    /// Per term: the forms that hold it.
    postings: Vec<Vec<u32>>,
    /// Per term: the forms a sentence holding it may speak of, for a term
    /// no more common than [`COMMON`]; a form of common terms only is found
    /// through its rarest.
    finders: Vec<Vec<u32>>,
    forms: Vec<Form>,
    /// Per form, its terms with their weights as a range of `packed`, and
    /// its mass: what every sentence reads of the dozens of forms it meets,
    /// kept together and small.
    packed_forms: Vec<PackedForm>,
    packed: Vec<(u32, f32)>,
    /// Per subject and per metric: its forms.
    subject_forms: FxHashMap<Sym, Vec<u32>>,
    metric_forms: FxHashMap<Sym, Vec<u32>>,
    /// Per subject and per metric: every term of its forms, sorted. Whether
    /// a name holds a word is asked for every fact a number may speak of.
    subject_terms: FxHashMap<Sym, Box<[u32]>>,
    metric_terms: FxHashMap<Sym, Box<[u32]>>,
    /// The terms of the words that make a metric a position
    /// ([`Linker::is_position`]).
    position_terms: Vec<u32>,
    /// The metrics of a change over time ([`Linker::is_change`]).
    change_metrics: FxHashSet<Sym>,
    /// The terms of the words of change ("growth", "decline").
    change_terms: FxHashSet<u32>,
    /// The (subject, metric) pairs where every word of a form of the
    /// subject is a word of the metric's names ([`Linker::name_within`]).
    within: FxHashSet<(Sym, Sym)>,
    /// The mean weight of a form.
    mean_mass: f32,
    /// The terms by their first [`PREFIX`] letters, for words the stemmer
    /// leaves apart from their kin ("analysis", "analyzing"; "schoolwork",
    /// "school").
    prefixes: FxHashMap<Box<str>, Vec<u32>>,
    /// The drafts harvested from one quote that states several values, in
    /// the quote's order ([`Linker::quoted_list`]).
    quoted_lists: Vec<Box<[u32]>>,
    /// Per fact, its list in `quoted_lists`, [`NO_SLOT`] for none.
    quoted_list_of: Vec<u32>,
    /// Per source, the latest year its drafts' periods name
    /// ([`Linker::report_year`]).
    report_years: Vec<Option<u32>>,
}

/// The longest Chinese name found only whole ([`PackedForm::whole_only`]):
/// longer ones are metrics, whose words a sentence rephrases.
const WHOLE_ONLY_CHARS: usize = 4;

/// How many letters a word shares with a term to stand for it when its
/// own stem is no term.
const PREFIX: usize = 5;

/// One way of writing a name: the canonical name or an alias.
#[derive(Debug)]
struct Form {
    kind: NameKind,
    sym: Sym,
    text: Box<str>,
    /// Distinct, in the order written.
    terms: Box<[u32]>,
    /// Per term, its rarity times the share of it that counts in this
    /// form: less inside parentheses, where names put their qualifiers and
    /// sources. (The share alone until the rarities are known; every
    /// sentence adds these up for the forms it meets.)
    weights: Box<[f32]>,
    /// Each word of the name as written, with its term.
    words: Box<[(u32, Box<str>)]>,
    /// The sum of the terms' rarities.
    mass: f32,
    /// A draft's quote, not a name: a sentence names it in full only by
    /// restating the quote around its value.
    quoted: bool,
}

/// A form's terms and weights in [`Linker::packed`], and its mass.
#[derive(Debug, Clone, Copy)]
struct PackedForm {
    from: u32,
    to: u32,
    mass: f32,
    /// A short name written in Chinese characters alone (中国, 中美): found
    /// only where the text holds it whole, since its characters one by one
    /// are in many another word (the 中 of 数据中心, the 国 of 美国).
    whole_only: bool,
    /// The weight of its words of change ("growth" of "growth in new AI
    /// companies"): what a number written as a change says by its form.
    change: f32,
}

/// A word of a sentence that is one of the store's terms.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    term: u32,
    /// Its index among the sentence's distinct terms.
    slot: u32,
    /// Its index among the sentence's words; [`CONTEXT_WORD`] for a word
    /// of the sentences before it.
    word: u32,
    start: u32,
    end: u32,
}

/// A sentence read into terms, shared by its numbers.
#[derive(Debug, Default)]
pub struct SentenceTerms {
    occurrences: Vec<Occurrence>,
    /// Byte start of each word, to place numbers among the words.
    word_starts: Vec<u32>,
    /// Where each word stands, counted in words, and where the last ends:
    /// a Chinese character is half a word (Chinese words are mostly two
    /// characters), so that "英国的私人AI投资为95亿美元" names the UK as
    /// near its number as "the UK's private AI investment was" does.
    word_place: Vec<f32>,
    /// The words a comma, semicolon or colon parts from the word before:
    /// in "Virginia 52, Utah 24" Utah is not the word right after 52.
    parted: Vec<bool>,
    /// The words a Chinese clause mark (，；：) parts from the word before:
    /// Chinese names a number's subject before it, so a name past one is
    /// the next clause's, never the number's before it.
    opens_a_clause: Vec<bool>,
    /// The words that lead a name on to a number before them ("41 from
    /// China", "59 in the US"): a preposition or an article.
    leading_on: Vec<bool>,
    /// The words a word of exclusion stands before: in "East Asia and the
    /// Pacific outside China 27" China is no subject of the 27.
    excluded: Vec<bool>,
    /// The two words of a pair that names a comparison ("the expert-public
    /// gap", "the US-China divide"): they name both sides, neither side's
    /// number more than the other's.
    paired: Vec<bool>,
    /// The words that are stop words, by index.
    stop_words: Vec<u32>,
    /// The distinct terms, sorted.
    distinct: Vec<u32>,
    /// Per distinct term, how much its presence counts: fully in the
    /// sentence, [`CONTEXT_FOUND`] when only the paragraph before has it.
    presence: Vec<f32>,
    /// The metrics considered, with whether the sentence names one of their
    /// forms in full and the weight found of their best form.
    metrics: Vec<(Sym, bool, f32)>,
    /// The subjects of `forms`, each once, in that order, with the most
    /// any of their forms has in the sentence's own words (the `own` of
    /// [`NameScore`]).
    subjects: Vec<(Sym, f32)>,
    /// The subjects of which a form is all in the sentence's own words.
    named_in_full: Vec<Sym>,
    /// The one subject the heading above names, if it names one alone.
    heading_subject: Option<Sym>,
    /// The forms that hold at least [`MIN_COVERAGE`] of their weight in
    /// the sentence, with that share, in the order the sentence's terms
    /// found them.
    forms: Vec<(u32, f32)>,
    /// Per form of the store, its index in `forms`, [`NO_SLOT`] for one
    /// not there: each number asks for dozens of names.
    form_at: Vec<u32>,
    /// Per form of `forms`, its terms found, as `(slot in distinct, rarity)`
    /// ranges of `slots`.
    form_slots: Vec<(u32, u32)>,
    slots: Vec<(u32, f32)>,
    /// For each short Chinese name found ([`PackedForm::whole_only`]), the
    /// occurrences where the sentence itself writes it whole: `(form, index
    /// of its first term in occurrences)`.
    whole_at: Vec<(u32, u32)>,
}

impl Linker {
    pub fn new(store: &Store) -> Linker {
        let mut linker = Linker {
            normalizer: Normalizer::with_words(&store.word_aliases),
            terms: FxHashMap::default(),
            rarity: Vec::new(),
            postings: Vec::new(),
            forms: Vec::new(),
            packed_forms: Vec::new(),
            packed: Vec::new(),
            subject_forms: FxHashMap::default(),
            metric_forms: FxHashMap::default(),
            subject_terms: FxHashMap::default(),
            metric_terms: FxHashMap::default(),
            position_terms: Vec::new(),
            change_metrics: FxHashSet::default(),
            change_terms: FxHashSet::default(),
            within: FxHashSet::default(),
            finders: Vec::new(),
            mean_mass: 0.0,
            prefixes: FxHashMap::default(),
            quoted_lists: Vec::new(),
            quoted_list_of: Vec::new(),
            report_years: report_years(store),
        };
        (linker.quoted_lists, linker.quoted_list_of) = quoted_lists(store);
        let mut canonical: FxHashMap<(bool, &str), Sym> = FxHashMap::default();
        let mut named: Vec<(NameKind, Sym, Cow<'_, str>)> = Vec::new();
        for (subject, metric) in store.name_pairs() {
            for (kind, sym) in [(NameKind::Subject, subject), (NameKind::Metric, metric)] {
                let text = store.str(sym);
                if canonical
                    .insert((kind == NameKind::Subject, text), sym)
                    .is_none()
                {
                    named.push((kind, sym, Cow::Borrowed(text)));
                }
            }
        }
        for (kind, alias, name) in &store.aliases {
            if let Some(&sym) = canonical.get(&(*kind == NameKind::Subject, name.as_str())) {
                named.push((*kind, sym, Cow::Borrowed(alias.as_str())));
            }
        }
        let spelled_out = words::acronyms(named.iter().map(|(_, _, text)| text.as_ref()));
        let mut spelled: Vec<(NameKind, Sym, Cow<'_, str>)> = Vec::new();
        for (kind, sym, text) in &named {
            for other in words::other_spellings(text, &spelled_out) {
                spelled.push((*kind, *sym, Cow::Owned(other)));
            }
        }
        named.extend(spelled);
        let quoted = draft_forms(store);
        let mut buffer = String::new();
        // How many names (not forms: aliases repeat their name's words) hold each term.
        let mut holders: Vec<Vec<(bool, Sym)>> = Vec::new();
        let named = named
            .into_iter()
            .map(|(kind, sym, text)| (kind, sym, text, None))
            .chain(quoted.iter().map(|q| {
                (
                    NameKind::Metric,
                    q.metric,
                    Cow::Borrowed(q.text.as_str()),
                    Some(q.anchor),
                )
            }));
        for (kind, sym, text, anchor) in named {
            let text = text.as_ref();
            let mut terms: Vec<u32> = Vec::new();
            let mut words: Vec<(u32, Box<str>)> = Vec::new();
            let mut weights: Vec<f32> = Vec::new();
            let mut previous = None;
            for (index, token) in tokens(text).enumerate() {
                let written = &text[token.start..token.end];
                // A quote's "Figure 4" or "Table 3" is no name's version.
                let version = previous.filter(|_| anchor.is_none()).and_then(|p: Token| {
                    words::spaced_version(text, p, token).map(|end| &text[p.start..end])
                });
                previous = Some(token);
                let weight = match anchor {
                    Some(anchor) => {
                        let weight =
                            anchor.weight(index, written.starts_with(|c: char| c.is_uppercase()));
                        if weight == 0.0 {
                            continue;
                        }
                        weight
                    }
                    None => {
                        // Inside parentheses: "(surveyed)", "(World Bank, CIA
                        // World Factbook, and other sources)".
                        let depth = text[..token.start].matches('(').count();
                        let closed = text[..token.start].matches(')').count();
                        if depth > closed { ASIDE } else { 1.0 }
                    }
                };
                // "GPT-4" is its own term, and "GPT" as well: a sentence
                // that names GPT-4 names it more than GPT-3, and one that
                // says "GPT" names both a little.
                let parts = std::iter::once(written)
                    .chain(words::unversioned(written))
                    .chain(version);
                for part in parts {
                    let Some(key) = linker.normalizer.key(part, &mut buffer) else {
                        continue;
                    };
                    let next = linker.terms.len() as u32;
                    let term = *linker.terms.entry(key.into()).or_insert(next);
                    if term == next {
                        holders.push(Vec::new());
                        linker.postings.push(Vec::new());
                    }
                    match terms.iter().position(|&t| t == term) {
                        None => {
                            terms.push(term);
                            words.push((term, written.into()));
                            weights.push(weight);
                        }
                        // A quote may repeat a word; it weighs as its nearest use.
                        Some(at) => weights[at] = weights[at].max(weight),
                    }
                    let holder = (kind == NameKind::Subject, sym);
                    if !holders[term as usize].contains(&holder) {
                        holders[term as usize].push(holder);
                    }
                }
            }
            if terms.is_empty() {
                continue;
            }
            let form = linker.forms.len() as u32;
            for &t in &terms {
                linker.postings[t as usize].push(form);
            }
            let list = match kind {
                NameKind::Subject => &mut linker.subject_forms,
                NameKind::Metric => &mut linker.metric_forms,
            };
            list.entry(sym).or_default().push(form);
            linker.forms.push(Form {
                kind,
                sym,
                text: text.into(),
                weights: weights.into(),
                terms: terms.into(),
                words: words.into(),
                mass: 0.0,
                quoted: anchor.is_some(),
            });
        }
        let names = (linker.subject_forms.len() + linker.metric_forms.len()).max(1) as f32;
        linker.rarity = holders
            .iter()
            .map(|h| (1.0 + names / h.len().max(1) as f32).ln())
            .collect();
        for form in &mut linker.forms {
            for (&t, w) in form.terms.iter().zip(form.weights.iter_mut()) {
                *w *= linker.rarity[t as usize];
            }
            form.mass = form.weights.iter().sum();
        }
        linker.finders = vec![Vec::new(); linker.postings.len()];
        for (f, form) in linker.forms.iter().enumerate() {
            let common = |t: usize| linker.postings[form.terms[t] as usize].len() > COMMON;
            let mut uncommon: Vec<usize> = (0..form.terms.len()).filter(|&t| !common(t)).collect();
            if !uncommon.is_empty() {
                // Found through its heaviest uncommon terms only: a sentence
                // without any of them holds less than MIN_COVERAGE of the
                // form, which it would not keep. A form of one rare word and
                // four of "model"'s kind is looked at where the rare word is.
                uncommon.sort_by(|&a, &b| form.weights[b].total_cmp(&form.weights[a]));
                let mut rest = form.mass;
                for t in uncommon {
                    if rest < MIN_COVERAGE * form.mass * 0.999 {
                        break;
                    }
                    linker.finders[form.terms[t] as usize].push(f as u32);
                    rest -= form.weights[t];
                }
            } else if let Some(&rarest) = form
                .terms
                .iter()
                .min_by_key(|t| linker.postings[**t as usize].len())
            {
                linker.finders[rarest as usize].push(f as u32);
            }
        }
        for (term, &id) in &linker.terms {
            if term.len() > PREFIX
                && term.is_ascii()
                && term.bytes().all(|b| b.is_ascii_alphabetic())
            {
                linker
                    .prefixes
                    .entry(term[..PREFIX].into())
                    .or_default()
                    .push(id);
            }
        }
        for list in linker.prefixes.values_mut() {
            list.sort_unstable();
        }
        // Over the names, not their aliases: a store that adds aliases (a
        // Chinese one weighs a term per character) must not weaken every
        // other link. A store of drafts only has quotes and no names.
        let named = linker.forms.iter().any(|f| *f.text == *store.str(f.sym));
        let names = || {
            linker
                .forms
                .iter()
                .filter(move |f| !named || *f.text == *store.str(f.sym))
        };
        linker.mean_mass = names().map(|f| f.mass).sum::<f32>() / names().count().max(1) as f32;
        let terms_of = |lists: &FxHashMap<Sym, Vec<u32>>| -> FxHashMap<Sym, Box<[u32]>> {
            lists
                .iter()
                .map(|(&sym, forms)| {
                    let mut terms: Vec<u32> = forms
                        .iter()
                        .flat_map(|&f| linker.forms[f as usize].terms.iter().copied())
                        .collect();
                    terms.sort_unstable();
                    terms.dedup();
                    (sym, terms.into())
                })
                .collect()
        };
        linker.subject_terms = terms_of(&linker.subject_forms);
        linker.metric_terms = terms_of(&linker.metric_forms);
        let mut terms_of_words = |words: &[&str]| -> Vec<u32> {
            words
                .iter()
                .filter_map(|word| {
                    let key = linker.normalizer.key(word, &mut buffer)?;
                    linker.terms.get(key).copied()
                })
                .collect()
        };
        linker.position_terms =
            terms_of_words(&["rank", "ranking", "edition", "place", "position"]);
        let change_terms = terms_of_words(&[
            "growth",
            "grow",
            "increase",
            "decrease",
            "decline",
            "change",
            "rise",
            "fall",
            "drop",
            "gain",
            "jump",
            "surge",
            "climb",
            "reduce",
            "reduction",
            "cut",
        ]);
        // A word of change after a modal is a verb of what may happen ("very
        // likely AI will change how they do their job"), no measured change.
        const MODALS: [&str; 8] = [
            "will", "would", "could", "can", "may", "might", "should", "to",
        ];
        let mut change_metrics = FxHashSet::default();
        for form in linker.forms.iter().filter(|f| f.kind == NameKind::Metric) {
            // The name's words as written, each with its term where it has
            // one (stop words have none): the form keeps those in order.
            let mut terms = form.words.iter().peekable();
            let mut before = "";
            let mut changes = false;
            for token in tokens(&form.text) {
                let word = &form.text[token.start..token.end];
                let term = terms
                    .next_if(|(_, written)| &**written == word)
                    .map(|(term, _)| *term);
                // The second term of a versioned word ("GPT" of "GPT-4").
                while terms.next_if(|(_, written)| &**written == word).is_some() {}
                if term.is_some_and(|t| change_terms.contains(&t))
                    && !MODALS.iter().any(|m| before.eq_ignore_ascii_case(m))
                {
                    changes = true;
                }
                before = word;
            }
            if changes {
                change_metrics.insert(form.sym);
            }
        }
        linker.change_metrics = change_metrics;
        linker.change_terms = change_terms.iter().copied().collect();
        // A metric holding every word of a subject's form holds its first.
        let mut within = FxHashSet::default();
        for form in linker.forms.iter().filter(|f| f.kind == NameKind::Subject) {
            for &other in &linker.postings[form.terms[0] as usize] {
                let other = &linker.forms[other as usize];
                if other.kind == NameKind::Metric
                    && form
                        .terms
                        .iter()
                        .all(|&t| linker.name_holds(NameKind::Metric, other.sym, t))
                {
                    within.insert((form.sym, other.sym));
                }
            }
        }
        linker.within = within;
        for form in &linker.forms {
            let from = linker.packed.len() as u32;
            linker
                .packed
                .extend(form.terms.iter().copied().zip(form.weights.iter().copied()));
            let chars = form.text.chars().count();
            let change =
                if linker.change_metrics.contains(&form.sym) && form.kind == NameKind::Metric {
                    form.terms
                        .iter()
                        .zip(&form.weights)
                        .filter(|(t, _)| linker.change_terms.contains(t))
                        .map(|(_, w)| w)
                        .sum()
                } else {
                    0.0
                };
            linker.packed_forms.push(PackedForm {
                from,
                to: linker.packed.len() as u32,
                mass: form.mass,
                whole_only: chars <= WHOLE_ONLY_CHARS && form.text.chars().all(words::is_cjk),
                change,
            });
        }
        linker
    }

    /// Reads a sentence into the store's terms. `cache` maps words already
    /// seen to their terms: prose repeats its words, and stemming is the
    /// dearest step.
    pub fn read(&self, sentence: &str, cache: &mut WordCache, out: &mut SentenceTerms) {
        self.read_in(sentence, "", cache, out);
    }

    /// [`Linker::read`], with the text before the sentence in its paragraph
    /// as context: "The piece puts xAI at 14" speaks of the index the
    /// sentence before names. Its words count, but far less than the
    /// sentence's own ([`CONTEXT_FOUND`], [`CONTEXT_NEAR`]).
    pub fn read_in(
        &self,
        sentence: &str,
        context: &str,
        cache: &mut WordCache,
        out: &mut SentenceTerms,
    ) {
        self.start_reading(out);
        for token in tokens(context) {
            let terms = self.cached_terms(&context[token.start..token.end], cache);
            push_context_word(terms, cache, out);
        }
        self.read_sentence(sentence, context, cache, out);
    }

    /// Empties `out` for the next sentence.
    fn start_reading(&self, out: &mut SentenceTerms) {
        out.occurrences.clear();
        out.word_starts.clear();
        out.word_place.clear();
        out.parted.clear();
        out.opens_a_clause.clear();
        out.leading_on.clear();
        out.excluded.clear();
        out.paired.clear();
        out.stop_words.clear();
        for &(f, _) in &out.forms {
            out.form_at[f as usize] = NO_SLOT;
        }
        out.forms.clear();
        out.subjects.clear();
        out.named_in_full.clear();
        out.heading_subject = None;
        out.form_at.resize(self.forms.len(), NO_SLOT);
        out.form_slots.clear();
        out.whole_at.clear();
        out.slots.clear();
    }

    /// Reads the sentence's own words after its context's, and finds the
    /// forms they hold.
    fn read_sentence(
        &self,
        sentence: &str,
        context: &str,
        cache: &mut WordCache,
        out: &mut SentenceTerms,
    ) {
        let mut place = 0.0;
        let mut previous_end = 0;
        // The three words before, for "other than", "apart from", "不包括", and
        // whether the one before is a word of some name: "Total excluding
        // LUCF" names what it leaves out.
        let mut before: [&str; 3] = ["", "", ""];
        let mut before_names = false;
        // A Chinese character is in many a name ("含", "除"): only a word
        // of letters tells that the name holds its word of exclusion.
        let mut cjk_before = false;
        mark_pairs(sentence, &mut out.paired);
        let mut previous = None;
        for token in tokens(sentence) {
            let word = out.word_starts.len() as u32;
            // "Grok 4": the name with its version, at the version's place.
            if let Some((at, end)) = previous
                .and_then(|p: Token| Some((p.start, words::spaced_version(sentence, p, token)?)))
            {
                let (from, to) = self.cached_terms(&sentence[at..end], cache);
                if from != STOP {
                    for &term in &cache.terms[from as usize..to as usize] {
                        out.occurrences.push(Occurrence {
                            term,
                            slot: 0,
                            word,
                            // Shown as the version: "2.5" of "Gemini 2.5".
                            start: token.start as u32,
                            end: end as u32,
                        });
                    }
                }
            }
            previous = Some(token);
            out.word_starts.push(token.start as u32);
            out.word_place.push(place);
            let gap = &sentence[previous_end..token.start];
            out.parted
                .push(gap.contains([',', ';', ':', '，', '；', '：']));
            out.opens_a_clause.push(gap.contains(['，', '；', '：']));
            previous_end = token.end;
            let text = &sentence[token.start..token.end];
            // "23.1 times that of China": a pronoun the "of" after it takes
            // on to its name leads on too.
            let of_that = text.eq_ignore_ascii_case("of")
                && ["that", "those"]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(before[2]));
            if of_that && let Some(that) = out.leading_on.last_mut() {
                *that = true;
            }
            out.leading_on.push(
                of_that
                    || ["from", "in", "for", "at", "the"]
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(text)),
            );
            // ... and the rest of the name: "outside the United States",
            // "不含中国" (a Chinese name of a few characters).
            let excluded_so_far = out.excluded.iter().rev().take_while(|&&e| e).count();
            let name_goes_on = excluded_so_far > 0
                && !out.parted[word as usize]
                && (text.starts_with(|c: char| c.is_uppercase())
                    || (text.chars().all(words::is_cjk)
                        && excluded_so_far < CJK_NAME_CHARS
                        && !["的", "外", "在", "以", "等"].contains(&text)));
            out.excluded
                .push(name_goes_on || (excludes(before) && (!before_names || cjk_before)));
            before = [before[1], before[2], text];
            cjk_before = text.chars().all(words::is_cjk);
            // A year is when, not what: "英国2025年私人AI投资" and "the UK's
            // 2025 investment" put the name no farther from the number.
            place += if crate::quantity::is_year(text) {
                0.0
            } else if text.chars().next().is_some_and(words::is_cjk) {
                0.5
            } else {
                1.0
            };
            let (from, to) = self.cached_terms(text, cache);
            before_names = from != STOP && to > from;
            if from == STOP {
                out.stop_words.push(word);
                continue;
            }
            for &term in &cache.terms[from as usize..to as usize] {
                out.occurrences.push(Occurrence {
                    term,
                    slot: 0,
                    word,
                    start: token.start as u32,
                    end: token.end as u32,
                });
            }
        }
        out.word_place.push(place);
        // Each form's weight found, added up term by term in a dense table
        // that is put back to zero after: a sentence meets hundreds of forms
        // through a common word such as "AI".
        let found = &mut cache.found;
        found.resize(self.forms.len(), 0.0);
        let distinct = &mut out.distinct;
        distinct.clear();
        distinct.extend(out.occurrences.iter().map(|o| o.term));
        distinct.sort_unstable();
        distinct.dedup();
        // Each distinct term's slot, in a dense table by term put back after:
        // the forms met below look their terms up by the hundred, and a
        // binary search for each was the dearest part of reading a sentence.
        let slot_of = &mut cache.slot_of;
        slot_of.resize(self.rarity.len(), NO_SLOT);
        for (slot, &term) in distinct.iter().enumerate() {
            slot_of[term as usize] = slot as u32;
        }
        let presence = &mut out.presence;
        presence.clear();
        presence.resize(distinct.len(), CONTEXT_FOUND);
        for o in &mut out.occurrences {
            o.slot = slot_of[o.term as usize];
            if o.word != CONTEXT_WORD {
                presence[o.slot as usize] = 1.0;
            }
        }
        // Each distinct term's presence, in a dense table by term put back
        // after, for the same reason.
        let present = &mut cache.present;
        present.resize(self.rarity.len(), 0.0);
        for (&term, &p) in distinct.iter().zip(out.presence.iter()) {
            present[term as usize] = p;
        }
        // Forms are found through their uncommon terms (or, with none, their
        // rarest): the lists of "AI" or "share" would touch hundreds.
        let touched = &mut cache.touched;
        for &term in distinct.iter() {
            for &f in &self.finders[term as usize] {
                if found[f as usize] == 0.0 {
                    touched.push(f);
                    let form = self.packed_forms[f as usize];
                    let mut weight = 0.0;
                    for &(t, w) in &self.packed[form.from as usize..form.to as usize] {
                        let p = present[t as usize];
                        if p != 0.0 {
                            weight += w * p;
                        }
                    }
                    found[f as usize] = weight;
                }
            }
        }
        // `touched` stays in the order found, not sorted: `forms` is looked
        // up through `form_at`, and what is read from it in order (the
        // metrics, sorted below with a full tie-break; the subjects, whose
        // nearest is a maximum) does not depend on it. Sorting was 4% of
        // the audit.
        out.metrics.clear();
        for &f in touched.iter() {
            let weight = found[f as usize];
            let packed = self.packed_forms[f as usize];
            let coverage = weight / packed.mass.max(f32::MIN_POSITIVE);
            found[f as usize] = 0.0;
            // A short Chinese name counts only where it stands whole: in
            // the sentence (where it stands is kept for its nearness) or in
            // the paragraph before.
            let mut whole = true;
            if coverage >= MIN_COVERAGE && packed.whole_only {
                let form = &self.forms[f as usize];
                let found_before = out.whole_at.len();
                let runs = runs_of(&out.occurrences, &form.terms);
                out.whole_at.extend(runs.map(|i| (f, i as u32)));
                whole = out.whole_at.len() > found_before || context.contains(&*form.text);
            }
            if coverage >= MIN_COVERAGE && whole {
                out.form_at[f as usize] = out.forms.len() as u32;
                out.forms.push((f, coverage));
                let from = out.slots.len() as u32;
                // Which metrics are candidates is decided by the sentence's
                // own words: a paragraph names many more.
                let mut own = 0.0;
                let mut in_sentence = 0.0;
                for &(term, weight) in &self.packed[packed.from as usize..packed.to as usize] {
                    let slot = slot_of[term as usize] as usize;
                    if slot != NO_SLOT as usize {
                        out.slots.push((slot as u32, weight));
                        // The paragraph's words only break ties.
                        if out.presence[slot] == 1.0 {
                            own += weight;
                            in_sentence += weight;
                        } else {
                            own += weight * 1e-3;
                        }
                    }
                }
                out.form_slots.push((from, out.slots.len() as u32));
                let form = &self.forms[f as usize];
                if form.kind == NameKind::Metric {
                    // A metric the sentence names in full is a candidate
                    // however common its words: "$285.9 billion of U.S.
                    // private investment" beside a clause of contracts and
                    // grants, whose rarer words touch many more.
                    let full = !form.quoted && in_sentence >= NAMED_IN_FULL * packed.mass;
                    out.metrics.push((form.sym, full, own));
                } else {
                    let own = in_sentence / packed.mass.max(f32::MIN_POSITIVE);
                    match out.subjects.iter_mut().find(|(s, _)| *s == form.sym) {
                        Some((_, most)) => *most = most.max(own),
                        None => out.subjects.push((form.sym, own)),
                    }
                    if in_sentence >= NAMED_IN_FULL * packed.mass
                        && !out.named_in_full.contains(&form.sym)
                    {
                        out.named_in_full.push(form.sym);
                    }
                }
            }
        }
        touched.clear();
        for &term in &out.distinct {
            slot_of[term as usize] = NO_SLOT;
            present[term as usize] = 0.0;
        }
        // The metrics with the most weight found, each once: a long
        // sentence touches dozens, and the few best are the candidates.
        out.metrics
            .sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
        let mut kept = 0;
        for i in 0..out.metrics.len() {
            let sym = out.metrics[i].0;
            if !out.metrics[..kept].iter().any(|m| m.0 == sym) {
                out.metrics[kept] = out.metrics[i];
                kept += 1;
            }
            if kept == MAX_METRICS {
                break;
            }
        }
        out.metrics.truncate(kept);
    }

    /// [`Linker::terms_of`], read once per distinct word.
    fn cached_terms(&self, word: &str, cache: &mut WordCache) -> (u32, u32) {
        match cache.words.get(word) {
            Some(&range) => range,
            None => {
                let range = self.terms_of(word, cache);
                cache.words.insert(word.into(), range);
                range
            }
        }
    }

    /// The terms a word stands for, as a range of the cache's list; `STOP`
    /// for a stop word.
    fn terms_of(&self, word: &str, cache: &mut WordCache) -> (u32, u32) {
        let from = cache.terms.len() as u32;
        // "GPT-4" says "GPT" too, as its name in the store does.
        if let Some(name) = words::unversioned(word)
            && let Some(key) = self.normalizer.key(name, &mut cache.buffer)
            && let Some(&term) = self.terms.get(key)
        {
            cache.terms.push(term);
        }
        let Some(key) = self.normalizer.key(word, &mut cache.buffer) else {
            return if cache.terms.len() as u32 > from {
                (from, cache.terms.len() as u32)
            } else {
                (STOP, STOP)
            };
        };
        match self.terms.get(key) {
            Some(&term) => cache.terms.push(term),
            // A stem no longer than the prefix is a word of its own:
            // "organ" of "organized" is no "organization".
            None if key.len() > PREFIX && key.is_char_boundary(PREFIX) => {
                if let Some(kin) = self.prefixes.get(&key[..PREFIX]) {
                    cache.terms.extend_from_slice(kin);
                }
            }
            None => {}
        }
        (from, cache.terms.len() as u32)
    }
}

/// Whether the three words before a word leave what it names out: "outside
/// China", "excluding the US" (an article between), "other than Japan".
/// Chinese words are one character a token: "除中国外", "不含中国",
/// "不包括中国", "不计中国".
fn excludes([third, first, second]: [&str; 3]) -> bool {
    const ONE: [&str; 6] = ["excluding", "except", "outside", "besides", "ex", "除"];
    const TWO: [[&str; 2]; 8] = [
        ["other", "than"],
        ["apart", "from"],
        ["aside", "from"],
        ["not", "including"],
        ["not", "counting"],
        ["不", "含"],
        ["不", "计"],
        ["排", "除"],
    ];
    let is = |word: &str, like: &str| word.eq_ignore_ascii_case(like);
    let one = |word: &str| ONE.iter().any(|w| is(word, w));
    one(second)
        || (is(second, "the") && one(first))
        || TWO.iter().any(|[a, b]| is(first, a) && is(second, b))
        || [third, first, second] == ["不", "包", "括"]
}

/// Where the sentence itself (not the paragraph before) writes `terms`
/// one after the other, word by word: the index of the first occurrence.
fn runs_of<'a>(
    occurrences: &'a [Occurrence],
    terms: &'a [u32],
) -> impl Iterator<Item = usize> + 'a {
    let n = terms.len();
    (0..(occurrences.len() + 1).saturating_sub(n)).filter(move |&i| {
        let run = &occurrences[i..i + n];
        n > 0
            && run.iter().zip(terms).enumerate().all(|(j, (o, &t))| {
                o.term == t && o.word != CONTEXT_WORD && o.word == run[0].word + j as u32
            })
    })
}

/// Marks, per word of `sentence`, the two words of a hyphened pair before
/// a word of comparison: "expert-public gap", "US-China divide".
fn mark_pairs(sentence: &str, paired: &mut Vec<bool>) {
    const COMPARING: [&str; 6] = ["gap", "gaps", "divide", "split", "rivalry", "race"];
    let letters = |t: &Token| sentence[t.start..t.end].chars().all(char::is_alphabetic);
    // The two words before the current one, and their indices.
    let mut before: [Option<Token>; 2] = [None, None];
    for (i, next) in tokens(sentence).enumerate() {
        paired.push(false);
        if let [Some(a), Some(b)] = before
            && &sentence[a.end..b.start] == "-"
            && letters(&a)
            && letters(&b)
            && COMPARING
                .iter()
                .any(|w| w.eq_ignore_ascii_case(&sentence[next.start..next.end]))
        {
            paired[i - 2] = true;
            paired[i - 1] = true;
        }
        before = [before[1], Some(next)];
    }
}

/// A draft fact's quote as the form of its metric: a harvested fact has no
/// name yet, and the words of the sentence that states it are what a
/// summary restating it shares with it.
struct QuotedForm {
    metric: Sym,
    /// The quote, then the table column's header when it is a cell.
    text: String,
    anchor: Anchor,
}

/// Where a draft's value stands in its quote, by word: the quote's words
/// weigh by their nearness to it, as a sentence's words weigh by their
/// nearness to its number; a sentence of forty words says most about its
/// number in the few words around it. A column header weighs fully.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    /// The index of the first word after the value, or `None` where the
    /// value's digits were not found in the quote (every word counts fully).
    after: Option<usize>,
    /// How many words from `after` on are the value's own ("billion" of
    /// "$30 billion"): its scale or unit, which names no fact.
    value_words: usize,
    /// How many words the quote has: the words after them are the header's.
    quote_words: usize,
    /// The first word of the clause of the quote's next drafted value, by
    /// the same count as `after`: the words from it on are the next
    /// value's.
    next: Option<usize>,
}

impl Anchor {
    /// How much word `word` of the quote says of the value; `proper` when
    /// it is written with a capital, as names of countries, companies and
    /// models are. Such a name in the clause of a later value is that
    /// value's ("$285.9 billion, more than 23 times the $12.4 billion
    /// invested in China": China is the third's), while common words
    /// ("private AI investment") stay shared by all.
    fn weight(self, word: usize, proper: bool) -> f32 {
        match self.after {
            Some(_) if word >= self.quote_words => 1.0,
            Some(after) if (after..after + self.value_words).contains(&word) => 0.0,
            Some(after) => {
                let gap = after.abs_diff(word + 1);
                // Only a later value's clause: the words before a quote's
                // first value are its topic ("the Foundation Model
                // Transparency Index rose from 37 to 58"), shared by every
                // value after them, and a clause names its value after it
                // as well as before ("112 came from Europe, 64 from Asia").
                let rivalled = proper && self.next.is_some_and(|next| word >= next);
                nearness(gap as f32) * if rivalled { RIVALLED_IN_QUOTE } else { 1.0 }
            }
            None => 1.0,
        }
    }
}

/// What a proper name in a later value's clause of its quote still says of
/// this one: a little, as a quote may name its subject late ("12 models and
/// 3 datasets, all from Google").
const RIVALLED_IN_QUOTE: f32 = 0.25;

/// The quote forms of the drafts whose metric is still empty.
fn draft_forms(store: &Store) -> Vec<QuotedForm> {
    let mut out = Vec::new();
    for fact in &store.facts {
        let Some(quote) = fact.quote.as_deref() else {
            continue;
        };
        if !fact.draft || !store.str(fact.metric).is_empty() {
            continue;
        }
        // The value's first run of digits ("285.9" of "$285.9 billion")
        // as the quote writes it, grouping commas aside.
        let digits: String = fact
            .value
            .text
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let at = (!digits.is_empty())
            .then(|| {
                // The digits as a number of their own: "5.9" is not the end
                // of "285.9".
                let plain = quote.replace(',', "");
                let digits = digits.trim_end_matches('.');
                plain.match_indices(digits).map(|(at, _)| at).find(|&at| {
                    let before = plain[..at].chars().next_back();
                    let after = plain[at + digits.len()..].chars().next();
                    !before.is_some_and(|c| c.is_ascii_digit() || c == '.')
                        && !after.is_some_and(|c| c.is_ascii_digit())
                })
            })
            .flatten()
            .map(|at| {
                // Back to an offset of the quote as written.
                let mut commas = 0;
                let mut seen = 0;
                for c in quote.chars() {
                    if seen == at {
                        break;
                    }
                    if c == ',' {
                        commas += 1;
                    } else {
                        seen += c.len_utf8();
                    }
                }
                at + commas
            });
        let words: Vec<Token> = tokens(quote).collect();
        let after = at.map(|at| words.iter().take_while(|t| t.start <= at).count());
        // The words the value is written with after its digits, as the
        // quote writes them next: "billion" of "at least $30 billion".
        let value = &fact.value.text;
        let tail = value
            .char_indices()
            .skip_while(|(_, c)| !c.is_ascii_digit())
            .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',')))
            .map_or("", |(at, _)| &value[at..]);
        let value_words = after.map_or(0, |after| {
            tokens(tail)
                .zip(words.iter().skip(after))
                .take_while(|(own, word)| {
                    tail[own.start..own.end].eq_ignore_ascii_case(&quote[word.start..word.end])
                })
                .count()
        });
        let mut text = quote.to_owned();
        if let Some(column) = store.locator(fact).and_then(|l| l.column.as_deref()) {
            text.push(' ');
            text.push_str(column);
        }
        out.push(QuotedForm {
            metric: fact.metric,
            text,
            anchor: Anchor {
                after,
                value_words,
                quote_words: words.len(),
                next: None,
            },
        });
    }
    // A table row's cells stand in columns, not in a sentence's order.
    let prose = |q: &QuotedForm| q.anchor.quote_words == tokens(&q.text).count();
    let mut start = 0;
    while start < out.len() {
        let end = start
            + out[start..]
                .iter()
                .take_while(|q| q.text == out[start].text)
                .count();
        if prose(&out[start]) {
            let quote = &out[start].text;
            let words: Vec<Token> = tokens(quote).collect();
            // Whether a clause of the quote starts at word `i`: after a
            // comma, a semicolon or a colon, or at a word that joins two.
            let opens = |i: usize| {
                i > 0
                    && (quote[words[i - 1].end..words[i].start].contains([',', ';', ':'])
                        || ["and", "while", "but", "whereas", "against", "versus", "vs"]
                            .iter()
                            .any(|w| w.eq_ignore_ascii_case(&quote[words[i].start..words[i].end])))
            };
            let clauses: Vec<Option<usize>> = (start..end)
                .map(|at| {
                    let after = out[at].anchor.after?;
                    let next = (at + 1..end)
                        .find_map(|i| out[i].anchor.after)
                        .filter(|&next| next > after)?;
                    // Back from the next value to its clause's start, not
                    // past this value; a clause that does not open before
                    // the next value starts at it.
                    (after..next).rev().find(|&i| opens(i)).or(Some(next - 1))
                })
                .collect();
            for (q, clause) in out[start..end].iter_mut().zip(clauses) {
                q.anchor.next = clause;
            }
        }
        start = end;
    }
    out
}

/// The drafts of one quote that states several values, each list in the
/// quote's order, and per fact the index of its list. Harvesting writes a
/// quote's drafts one after another, as the quote states them; a row of a
/// table is one quote.
fn quoted_lists(store: &Store) -> (Vec<Box<[u32]>>, Vec<u32>) {
    let mut lists: Vec<Box<[u32]>> = Vec::new();
    let mut list_of = vec![NO_SLOT; store.facts.len()];
    fn quote<'s>(store: &Store, f: &'s crate::store::Fact) -> Option<(Option<usize>, &'s str)> {
        (f.draft && store.str(f.metric).is_empty())
            .then_some(f.quote.as_deref())
            .flatten()
            .map(|q| (f.source, q))
    }
    let mut start = 0;
    while start < store.facts.len() {
        let Some(first) = quote(store, &store.facts[start]) else {
            start += 1;
            continue;
        };
        let end = start
            + store.facts[start..]
                .iter()
                .take_while(|f| quote(store, f) == Some(first))
                .count();
        if end - start > 1 {
            for slot in &mut list_of[start..end] {
                *slot = lists.len() as u32;
            }
            lists.push((start as u32..end as u32).collect());
        }
        start = end;
    }
    (lists, list_of)
}

/// Per source, the latest year its drafts' periods name.
fn report_years(store: &Store) -> Vec<Option<u32>> {
    let mut years = vec![None; store.sources.len()];
    for fact in store.facts.iter().filter(|f| f.draft) {
        let (Some(source), Some(period)) = (fact.source, fact.period) else {
            continue;
        };
        let year = store
            .str(period)
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| crate::quantity::is_year(w))
            .filter_map(|w| w.parse::<u32>().ok())
            .max();
        if let Some(slot) = years.get_mut(source) {
            *slot = (*slot).max(year);
        }
    }
    years
}

/// A word next to the number counts fully, one five words away half.
fn nearness(gap: f32) -> f32 {
    1.0 / (1.0 + gap / 5.0)
}

/// The most characters of a Chinese name left out after a word of
/// exclusion ("不含中国"): past them the sentence goes on.
const CJK_NAME_CHARS: usize = 4;

/// How much a word of the paragraph before the sentence counts towards a
/// name's coverage, and how near the number it stands, against a word of
/// the sentence: enough to tell which index "the index" is, too little to
/// make a link clear on its own.
const CONTEXT_FOUND: f32 = 0.5;
const CONTEXT_NEAR: f32 = 0.1;
const CONTEXT_WORD: u32 = u32::MAX;

/// The share of a name's weight that names it in full (rounding aside).
pub const NAMED_IN_FULL: f32 = 0.999;

/// A name whose words the sentence holds less than this share of (by
/// weight) is not considered for it.
const MIN_COVERAGE: f32 = 0.3;

/// The weight of a word in parentheses, against one outside.
const ASIDE: f32 = 0.2;

/// A term in more forms than this is common: it adds to a form's weight
/// but finds only forms that have no rarer term.
const COMMON: usize = 48;

/// How many metrics of a sentence are candidates, the best found first.
const MAX_METRICS: usize = 16;

/// Words already read, with their terms; kept for a whole audit.
#[derive(Debug, Default)]
pub struct WordCache {
    /// Each word's terms, as a range of `terms` (`STOP` for a stop word).
    words: FxHashMap<Box<str>, (u32, u32)>,
    terms: Vec<u32>,
    buffer: String,
    /// Per form, the weight found in the sentence being read; zero between
    /// sentences.
    found: Vec<f32>,
    touched: Vec<u32>,
    /// Per term, its presence in the sentence being read; zero between
    /// sentences.
    present: Vec<f32>,
    /// Per term, its slot among the distinct terms of the sentence being
    /// read; [`NO_SLOT`] between sentences.
    slot_of: Vec<u32>,
}

impl WordCache {
    /// How many distinct words it holds.
    pub fn words_held(&self) -> usize {
        self.words.len()
    }
}

const STOP: u32 = u32::MAX;
const NO_SLOT: u32 = u32::MAX;

/// A word of the context, with its terms as a range of the cache's list.
fn push_context_word((from, to): (u32, u32), cache: &WordCache, out: &mut SentenceTerms) {
    if from == STOP {
        return;
    }
    for &term in &cache.terms[from as usize..to as usize] {
        out.occurrences.push(Occurrence {
            term,
            slot: 0,
            word: CONTEXT_WORD,
            start: 0,
            end: 0,
        });
    }
}

impl SentenceTerms {
    /// The one subject the heading above the sentence names, if it names
    /// one alone ("## China").
    pub fn heading_subject(&self) -> Option<Sym> {
        self.heading_subject
    }

    /// What the word starting at byte `start` says: `None` where no word
    /// starts there, else the store's terms it stands for (empty for a word
    /// no name has) or `Some(None)` for a stop word.
    pub fn word_at(&self, start: usize) -> Option<Option<impl Iterator<Item = u32> + '_>> {
        let word = self.word_starts.binary_search(&(start as u32)).ok()? as u32;
        if self.stop_words.binary_search(&word).is_ok() {
            return Some(None);
        }
        Some(Some(
            self.occurrences
                .iter()
                .filter(move |o| o.word == word)
                .map(|o| o.term),
        ))
    }
}

#[cfg(test)]
mod tests;

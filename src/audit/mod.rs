//! `audit`: every number in a piece of prose, accounted for.
//!
//! An article (Markdown or plain text) is cut into prose blocks
//! ([`markdown`]), the numbers of each block are found ([`scan`]) and each
//! gets one status:
//!
//! - **claimed**: a claim in a claims file points at its line (`@article` +
//!   `@L`) and states the same value; the finding carries that claim's verdict;
//! - **backed**: no claim, but a fact of the store agrees with it and the
//!   fact's subject or metric is named in the same sentence;
//! - **contradicted**: the sentence names a fact's subject and metric and the
//!   value is one the facts rule out;
//! - **unsourced**: nothing in the store answers it.
//!
//! Like the rest of the library, nothing here prints or touches the file
//! system: the caller reads the files and picks the claims that point at them.

pub mod markdown;
pub mod scan;
pub mod suggest;
pub mod text;

mod classify;
mod derive;
mod finding;
pub(crate) mod judge;

use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::check::Options;
use crate::claim::{Body, ChainValues, Entry, Rhs, parse_line};
use crate::link::{HeadingWords, Linker, ParagraphWords, SentenceTerms, WordCache};
use crate::quantity::{Quantity, Reading, Unit};
use crate::report::{ClaimReport, Verdict};
use crate::store::Store;

pub use finding::*;

use classify::Vocabulary;
use judge::{Judgement, Years};
use text::{Block, Lines};

/// The store, read once for any number of articles.
#[derive(Debug)]
pub struct Auditor<'a> {
    store: &'a Store,
    vocabulary: Vocabulary,
    linker: Linker,
    /// Every fact's reading, approximation tolerance included.
    readings: Vec<Reading>,
    options: Options,
    /// Per fact, made on first use: a dense article cites the same facts
    /// thousands of times.
    shared_facts: Vec<OnceLock<SharedFact>>,
    /// Per fact, made on first use: how a finding's link candidates name it.
    candidate_names: Vec<OnceLock<String>>,
    /// Whether findings carry their link candidates in words.
    link_evidence: bool,
    /// The subjects' names cut before a parenthesis, normalised: "Writer
    /// (Palmyra X5)" is "Writer" in prose, and "Writer 27" no product.
    name_heads: FxHashSet<String>,
    /// The word caches and sentence buffers of finished audits, for the
    /// next to start from: a repository's articles are many and short, and
    /// each stemmed its words again and zeroed fresh per-form tables. At
    /// most one per thread that audits at the same time.
    spare: Mutex<Vec<(WordCache, SentenceTerms)>>,
}

impl<'a> Auditor<'a> {
    pub fn new(store: &'a Store, options: Options) -> Auditor<'a> {
        Auditor {
            store,
            vocabulary: Vocabulary::new(store),
            linker: Linker::new(store),
            readings: store
                .facts
                .iter()
                .map(|f| f.value.reading(options.tolerance))
                .collect(),
            options,
            shared_facts: store.facts.iter().map(|_| OnceLock::new()).collect(),
            candidate_names: store.facts.iter().map(|_| OnceLock::new()).collect(),
            link_evidence: true,
            spare: Mutex::new(Vec::new()),
            name_heads: name_heads(store),
        }
    }

    /// Whether findings carry the facts their numbers link to, with the
    /// words that matched ([`Finding::link`]); on unless turned off. An
    /// output that shows no link (CI annotations) saves their making.
    pub fn with_link_evidence(mut self, on: bool) -> Auditor<'a> {
        self.link_evidence = on;
        self
    }

    pub fn store(&self) -> &'a Store {
        self.store
    }

    /// Audits one article. `claims` are the checked claims whose `@article`
    /// is this file (the caller matches the paths); their `@L` lines link
    /// them to the numbers.
    pub fn audit(
        &self,
        file: &str,
        text: &str,
        format: Format,
        claims: &[ClaimReport],
    ) -> Vec<Finding> {
        // Sized once from a cheap count: growing a vector of a million
        // findings by doubling copies it again and again into fresh memory.
        // Pages of an over-estimate are never touched; `try_reserve` keeps
        // an absurd estimate from aborting.
        let mut findings = Vec::new();
        let _ = findings.try_reserve(digit_runs(text));
        self.audit_each(file, text, format, claims, |f| findings.push(f));
        findings
    }

    /// [`Auditor::audit`], handing each finding to `sink` in document order
    /// as soon as it is made: a caller that writes findings out or counts
    /// them need not hold them all.
    pub fn audit_each(
        &self,
        file: &str,
        text: &str,
        format: Format,
        claims: &[ClaimReport],
        sink: impl FnMut(Finding),
    ) {
        let claim_values: Vec<(usize, Vec<f64>)> = claims
            .iter()
            .map(|c| {
                (
                    c.article.as_ref().map_or(0, |a| a.line as usize),
                    values_of(&c.text),
                )
            })
            .collect();
        // Both are emptied as each sentence is read; the cache holds only
        // what a word's terms are, whatever article it was met in.
        let (words, terms) = self
            .spare
            .lock()
            .ok()
            .and_then(|mut spare| spare.pop())
            .unwrap_or_default();
        let mut work = Work {
            file: Arc::from(file),
            lines: Lines::new(text),
            claims,
            claim_values,
            fact_lists: FxHashMap::default(),
            mentions: Vec::new(),
            words,
            terms,
            paragraph: ParagraphWords::default(),
            heading: HeadingWords::default(),
            sink,
        };
        match format {
            Format::Markdown => markdown::each_markdown_block(text, |b| self.block(&mut work, b)),
            Format::PlainText => markdown::each_plain_block(text, |b| self.block(&mut work, b)),
        }
        // A cache grown past this (a corpus of millions of distinct words)
        // is dropped rather than kept for good.
        const MOST_WORDS_KEPT: usize = 1 << 20;
        if work.words.words_held() <= MOST_WORDS_KEPT
            && let Ok(mut spare) = self.spare.lock()
        {
            spare.push((work.words, work.terms));
        }
    }

    /// The findings of one prose block.
    fn block(&self, work: &mut Work<'_, '_, impl FnMut(Finding)>, block: &Block) {
        let mut mentions = std::mem::take(&mut work.mentions);
        let names_a_subject = |word: &str| {
            let name = crate::store::normalize(word);
            !self.store.subjects_named(&name).is_empty() || self.name_heads.contains(&name)
        };
        scan::scan_knowing(&block.text, block.kind, &names_a_subject, &mut mentions);
        // Numbers share sentences: names, terms and the prose are found
        // once per sentence.
        let mut cache: Option<Sentence> = None;
        let mut terms = std::mem::take(&mut work.terms);
        // The number that began "from X to Y", with the (subject, metric)
        // of the fact that backed it.
        let mut started = None;
        // The number before, with the (subject, metric) of the fact it was
        // judged by: "41 from China, up from 34" gives the 34 its link.
        let mut linked_before = None;
        // The number that is the part of "N of M", with the fact it links to.
        let mut part = None;
        // The facts the numbers of the sentence so far were judged by.
        let mut stated_facts: Vec<u32> = Vec::new();
        // The facts the block's sentences so far were judged by, for a
        // sentence that points back at them ("That's about 23 times.").
        let mut block_facts: Vec<u32> = Vec::new();
        // Those facts as the number being judged sees them: a copy kept in
        // one buffer, as the sentence's later numbers add to the list.
        let mut listed: Vec<u32> = Vec::new();
        work.paragraph.clear();
        self.linker
            .read_heading(&block.heading, &mut work.words, &mut work.heading);
        let block_year = judge::block_year(&block.heading, &block.text);
        for (at, mention) in mentions.iter().enumerate() {
            let (s, e) = mention.sentence;
            // A table cell's words are few: what it stands under says what
            // it is of, as a line of prose would ("Notable AI models
            // (2025); China: 30"), and the finding shows that line.
            // So does the question a sentence answers ("How many ... has
            // the FDA authorized? 139 by 2025."), as a FAQ writes it.
            let question = block
                .context
                .is_empty()
                .then(|| question_before(&block.text, s))
                .flatten();
            let cell_line: String;
            let (sentence, shift) = if !block.context.is_empty() {
                // A lead-in that ends on its own colon ("At a glance:"),
                // or on a full stop, takes no colon after it.
                let joint = if block
                    .context
                    .ends_with([':', '：', '.', '!', '?', '。', '！', '？'])
                {
                    " "
                } else {
                    ": "
                };
                cell_line = format!("{}{joint}{}", block.context, &block.text[s..e]);
                (cell_line.as_str(), block.context.len() + joint.len())
            } else if let Some((_, question)) = question {
                cell_line = format!("{question} {}", &block.text[s..e]);
                (cell_line.as_str(), question.len() + 1)
            } else {
                (&block.text[s..e], 0)
            };
            if cache.as_ref().is_none_or(|c| c.range != (s, e)) {
                let first = mentions[..at].partition_point(|m| m.sentence != (s, e));
                let numbers: Vec<(usize, usize)> = mentions[first..]
                    .iter()
                    .take_while(|m| m.sentence == (s, e))
                    .map(|m| (m.start - s + shift, m.end - s + shift))
                    .collect();
                if shift > 0 {
                    // A list item's sentences before this one, or those
                    // before the question; a table cell has none.
                    let before = match question {
                        Some((asked, _)) => &block.text[paragraph_start(&block.text, asked)..asked],
                        None => &block.text[paragraph_start(&block.text, s)..s],
                    };
                    self.linker.read_under(
                        &work.heading,
                        before,
                        sentence,
                        &mut work.words,
                        &mut terms,
                    );
                } else {
                    self.linker.read_in_paragraph(
                        &block.text,
                        &work.heading,
                        paragraph_start(&block.text, s),
                        (s, e),
                        &mut work.paragraph,
                        &mut work.words,
                        &mut terms,
                    );
                }
                let respective = says_respectively(sentence)
                    .then(|| self.linker.subjects_in_order(&terms, numbers.len()))
                    .flatten()
                    .filter(|listed| listed.len() == numbers.len() && listed.len() > 1);
                // "US investment was 23.1 times China's and 48.5 times the
                // UK's": multiples, each of the subject named first; "far
                // ahead of India (50,460) and Germany (48,520), and more than
                // four times India's total" is the US's too.
                let mine = &mentions[first..first + numbers.len()];
                let multiples = mine
                    .iter()
                    .filter(|m| m.quantity.unit == crate::quantity::Unit::Multiple)
                    .count();
                let multiples_of = (multiples > 0)
                    .then(|| self.linker.subjects_in_order(&terms, usize::MAX))
                    .flatten()
                    .and_then(|named| named.first().copied());
                let hits = self.vocabulary.hits(sentence);
                let in_a_name = numbers
                    .iter()
                    .map(|&(ms, me)| self.vocabulary.inside_name(&hits, ms, me))
                    .collect();
                // "US labs put out 59 notable models. China: 35. South Korea:
                // 11.": a label and its figure go on the list of the sentence
                // before, and keep the facts it was linked to.
                if !continues_a_list(sentence) {
                    stated_facts.clear();
                }
                cache = Some(Sentence {
                    range: (s, e),
                    first,
                    numbers,
                    in_a_name,
                    years: Years::of(sentence),
                    respective,
                    multiples_of,
                    points_back: points_back(sentence),
                    prose: None,
                });
            }
            let Some(current) = cache.as_mut() else {
                continue;
            };
            let (ms, me) = (mention.start - s + shift, mention.end - s + shift);
            if current.in_a_name[at - current.first] {
                continue;
            }
            let (line, column) = work.lines.locate(block.original(mention.start));
            let stated = stated_values(&mention.quantity);
            let linked: Vec<&ClaimReport> = work
                .claims
                .iter()
                .zip(&work.claim_values)
                .filter(|(_, (l, values))| {
                    *l == line && stated.clone().any(|v| values.iter().any(|c| same(v, *c)))
                })
                .map(|(c, _)| c)
                .collect();
            let mut finding = Finding {
                file: Arc::clone(&work.file),
                line: to_u32(line),
                column: to_u32(column),
                prose: Arc::clone(current.prose.get_or_insert_with(|| Arc::from(sentence))),
                span: (to_u32(ms), to_u32(me)),
                status: Status::Unsourced,
                verdict: None,
                loose: false,
                facts: work.no_facts(),
                suggested_value: None,
                detail: None,
            };
            if !block.context.is_empty() {
                finding.detail_mut().context = Some(block.context.clone());
            }
            if linked.is_empty() {
                let which = at - current.first;
                let ends_change = judge::Number::ends_change(sentence, &current.numbers, which);
                // "Eighty of ninety-five notable models": the words after the
                // whole are what the part counts too; "incidents rose from
                // 233 to 362": the words before the start name the end too.
                let is_part = judge::Number::part_of(sentence, &current.numbers, which);
                let partner = if is_part {
                    Some(which + 1)
                } else if ends_change {
                    Some(which - 1)
                } else {
                    None
                };
                // Nor does the "one" of "at least one business function"
                // take the words it stands among from a number stated.
                let mine = &mentions[current.first..current.first + current.numbers.len()];
                let no_rival = |n: usize| {
                    n != which
                        && (partner == Some(n)
                            || current.in_a_name[n]
                            || (!mention.weak && mine[n].weak && stands_for_one(&mine[n].quantity)))
                };
                let scores = if (0..mine.len()).any(no_rival) {
                    let numbers: Vec<(usize, usize)> = (0..mine.len())
                        .filter(|&n| !no_rival(n))
                        .map(|n| current.numbers[n])
                        .collect();
                    let which = (0..which).filter(|&n| !no_rival(n)).count();
                    self.linker.scores(&terms, &numbers, which)
                } else {
                    self.linker.scores(&terms, &current.numbers, which)
                };
                let next_word = judge::Number::word_after(sentence, me);
                let after_from = judge::Number::after_from(sentence, ms);
                let arrow = judge::Number::starts_an_arrow(sentence, &current.numbers, which);
                listed.clone_from(&stated_facts);
                let number = judge::Number {
                    quantity: &mention.quantity,
                    start: ms,
                    end: me,
                    reading: judge::prose_reading(&mention.quantity, self.options.tolerance),
                    as_written: mention.quantity.reading(self.options.tolerance).set,
                    sentence,
                    years: &current.years,
                    pinned: current.years.pinned(sentence, ms, me),
                    // "ranged from 1.8% to 4.5%" is one range, read whole.
                    starts_change: (after_from && !judge::Number::counts_a_source(sentence, me)
                        || arrow)
                        && current.years.pinned(sentence, ms, me).is_none()
                        && mention.quantity.high.is_none(),
                    earlier: judge::Number::earlier_value(sentence, &current.numbers, which),
                    next_word,
                    ordinal: mention.ordinal,
                    whole: which > 0
                        && judge::Number::part_of(sentence, &current.numbers, which - 1),
                    // ... "heard from 102 witnesses" states no change.
                    stated_change: started
                        .filter(|&(start, range, _)| {
                            // Of this sentence, the start is at or after its first number.
                            range == (s, e) && start < at && {
                                let end = start + 1 - current.first;
                                end < current.numbers.len()
                                    && judge::Number::ends_change(sentence, &current.numbers, end)
                            }
                        })
                        .map(|(_, _, pair)| pair),
                    change_of: started
                        .filter(|&(start, range, _)| {
                            range == (s, e)
                                && start < at
                                && ((ends_change && start + 1 == at)
                                    || judge::Number::after_to(sentence, ms))
                        })
                        .or(linked_before.filter(|&(before, range, _)| {
                            range == (s, e)
                                && before + 1 == at
                                && judge::Number::earlier_value(sentence, &current.numbers, which)
                        }))
                        .map(|(_, _, pair)| pair),
                    counts_a_noun: judge::Number::counts_a_noun(
                        &mention.quantity,
                        sentence,
                        &terms,
                        next_word,
                    ),
                    neighbours: &mentions[current.first..current.first + current.numbers.len()],
                    listed: &listed,
                    ends: judge::range_ends(&mention.quantity, self.options.tolerance),
                    which: at - current.first,
                    block_year,
                    multiples_of: current.multiples_of,
                    points_back: current.points_back,
                    written_as: None,
                    respective: current
                        .respective
                        .as_deref()
                        .map(|listed| (listed[at - current.first], listed)),
                };
                let number = judge::Number {
                    written_as: derive::kind_of(&number),
                    ..number
                };
                // 增长1.3倍 reaches 2.3 times the start: compared as that.
                let number = if derive::zh_multiple_added(&number) {
                    let reading = number.reading;
                    judge::Number {
                        reading: Reading {
                            set: reading.set.shift(1.0),
                            strict: reading.strict.shift(1.0),
                            central: reading.central.map(|c| c + 1.0),
                        },
                        as_written: number.as_written.shift(1.0),
                        ..number
                    }
                } else {
                    number
                };
                let rank = |for_derivation| {
                    judge::candidates(
                        self.store,
                        &self.linker,
                        &self.readings,
                        &scores,
                        &terms,
                        &number,
                        for_derivation,
                    )
                };
                // A number that may be derived is ranked against every
                // fact once, and its candidates within the constraints
                // taken from those.
                let any_unit = derive::may_derive(&number).then(|| rank(true));
                let candidates = match &any_unit {
                    Some(all) => judge::within_constraints(self.store, &number, all),
                    None => rank(false),
                };
                let mut judgement = judge::judge(
                    self.store,
                    &self.linker,
                    &terms,
                    &scores,
                    &candidates,
                    &number,
                );
                // "from 233 to 362", "from 37 in 2023 to 58 in 2024": the
                // start's fact settles the rest of the change.
                if let (true, Judgement::Backed(f)) = (after_from || arrow, &judgement) {
                    let fact = self.store.fact(f[0]);
                    started = Some((at, (s, e), (fact.subject, fact.metric)));
                }
                linked_before = match &judgement {
                    Judgement::Backed(f) | Judgement::Contradicted(f) => {
                        let fact = self.store.fact(f[0]);
                        Some((at, (s, e), (fact.subject, fact.metric)))
                    }
                    _ => None,
                };
                // "fell by 18 points" is no level: it contradicts none, and
                // is derived from two, or unsourced.
                let stated_gap =
                    derive::agrees_with_its_stated_gap(&number, self.options.tolerance);
                if (derive::states_a_gap(&number)
                    || derive::agrees_with_its_neighbours(&number, self.options.tolerance)
                    || stated_gap == Some(true))
                    && matches!(judgement, Judgement::Contradicted(_))
                {
                    judgement = Judgement::Unsourced;
                }
                // ... and one its own percentages do not make is backed by
                // no fact whose value it happens to have.
                if stated_gap == Some(false) && matches!(judgement, Judgement::Backed(_)) {
                    judgement = Judgement::Unsourced;
                }
                let mut linked = candidates;
                // A backing fact linked far less well than two facts whose
                // ratio or change the number is ("the median value per user
                // tripling") is a coincidence of values.
                let backed_by = match &judgement {
                    Judgement::Backed(f) => linked.iter().find(|c| c.fact == f[0]).map(|c| c.rank),
                    _ => None,
                };
                // "rose from 233 in 2024 to 362 in 2025, up 95%": the
                // sentence stated both ends of the change, and the facts
                // of a (subject, metric) backed them.
                let ends_stated = |d: &derive::Derivation| {
                    number.stated_change.is_some_and(|pair| {
                        d.facts.len() == 2
                            && d.facts.iter().all(|&f| {
                                let fact = self.store.fact(f);
                                (fact.subject, fact.metric) == pair
                            })
                    })
                };
                if let Some(any_unit) = any_unit {
                    let candidate = |f: &u32| any_unit.iter().find(|c| c.fact == *f);
                    if let Some(d) = derive::derive(self.store, &self.readings, &any_unit, &number)
                        && backed_by.is_none_or(|b| {
                            let weakest = d
                                .facts
                                .iter()
                                .map(|f| candidate(f).map_or(0.0, |c| c.rank))
                                .fold(f32::MAX, f32::min);
                            d.agrees && weakest > judge::MARGIN * b
                        })
                        && (d.agrees
                            || (judgement == Judgement::Unsourced
                                && (d
                                    .facts
                                    .iter()
                                    .all(|f| candidate(f).is_some_and(judge::fully_linked))
                                    || ends_stated(&d))))
                    {
                        judgement = Judgement::Derived(d);
                        linked = any_unit;
                    }
                }
                // "32.3% in Saudi Arabia and 29.5% in Italy, a difference
                // of 3.8 points": the two numbers before state what the gap
                // is of, however little its own words say.
                // "US private investment was $285.9 billion; China's was
                // $12.4 billion. That's about 23 times.": the two figures
                // stated last are what a sentence that points back relates.
                // It points at them more surely than any other words link it.
                let points_back = number.which == 0 && number.points_back;
                let pointed_at = if points_back {
                    &block_facts[block_facts.len().saturating_sub(2)..]
                } else {
                    &stated_facts[..]
                };
                if (judgement == Judgement::Unsourced || points_back)
                    && let Some(d) =
                        derive::derive_from_stated(self.store, &self.readings, pointed_at, &number)
                {
                    judgement = Judgement::Derived(d);
                    // Its own words linked it to nothing it is derived from.
                    linked = Vec::new();
                }
                if let Judgement::Backed(f) | Judgement::Contradicted(f) = &judgement {
                    stated_facts.push(f[0]);
                    block_facts.push(f[0]);
                }
                if let (true, Judgement::Backed(f) | Judgement::Contradicted(f)) =
                    (is_part, &judgement)
                {
                    part = Some((at, f[0]));
                }
                // "Eighty of ninety-five notable models": the fact the part
                // links to may say what it is counted of ("(of 102)").
                let whole = part
                    .filter(|&(p, _)| number.whole && p + 1 == at)
                    .and_then(|(_, f)| Some((f, judge::whole_of_part(self.store, f, &number)?)));
                if let Some((f, (_, agrees))) = &whole {
                    judgement = if *agrees {
                        Judgement::Backed(vec![*f])
                    } else {
                        Judgement::Contradicted(vec![*f])
                    };
                }
                if judge::Number::denied(sentence, ms) {
                    judgement = Judgement::Unsourced;
                }
                let link = if self.link_evidence {
                    judge::explain(
                        self.store,
                        &self.candidate_names,
                        &scores,
                        &number,
                        &linked,
                        &judgement,
                    )
                } else {
                    Vec::new()
                };
                // Every number is accounted for, a spelled-out count no fact
                // answers ("four words") too; but a position no fact answers
                // ("the 21st century") states no amount.
                if mention.ordinal && judgement == Judgement::Unsourced {
                    continue;
                }
                // "between 11.8 and 19.2" stated its high end wrong: the
                // claim line states that end.
                let wrong_end = matches!(judgement, Judgement::Contradicted(_))
                    .then(|| judge::wrong_range_end(self.store, &linked, &number))
                    .flatten();
                self.judged(
                    work,
                    &mut finding,
                    judgement,
                    wrong_end.as_ref().unwrap_or(&mention.quantity),
                    number.falls(),
                );
                if !link.is_empty() {
                    finding.detail_mut().link = link;
                }
                if let Some((f, (of, _))) = whole {
                    // No claim line states a whole: the claim is its part's.
                    finding.suggested_value = None;
                    let metric = self.store.str(self.store.fact(f).metric);
                    finding.detail_mut().arithmetic =
                        Some(format!("the whole counted in \"{metric}\" = {of}"));
                    if finding.status == Status::Contradicted {
                        finding.detail_mut().expected = Some(of);
                    }
                }
            } else {
                finding.status = Status::Claimed;
                let worst = linked
                    .iter()
                    .map(|c| c.verdict)
                    .max_by_key(|v| v.severity())
                    .unwrap_or(Verdict::Match);
                finding.verdict = Some(worst);
                finding.loose = linked.iter().any(|c| c.loose);
                finding.detail_mut().claims = linked
                    .iter()
                    .map(|c| ClaimLink {
                        file: c.file.clone(),
                        line: c.line,
                        label: c.label.clone(),
                        text: c.text.clone(),
                        verdict: c.verdict,
                        loose: c.loose,
                        expected: c.expected.clone(),
                    })
                    .collect();
            }
            (work.sink)(finding);
        }
        work.mentions = mentions;
        work.terms = terms;
    }

    /// Fills in a number no claim states from its judgement.
    fn judged(
        &self,
        work: &mut Work<'_, '_, impl FnMut(Finding)>,
        finding: &mut Finding,
        judgement: Judgement,
        quantity: &Quantity,
        falls: bool,
    ) {
        let (status, facts) = match judgement {
            Judgement::Backed(f) => (Status::Backed, f),
            Judgement::Contradicted(f) => (Status::Contradicted, f),
            Judgement::Derived(d) => {
                let (before, after) = &d.claim(self.store);
                let detail = finding.detail_mut();
                detail.arithmetic = Some(d.arithmetic.clone());
                detail.derived_claim =
                    Some(format!("{before}{}{after}", suggest::claim_value(quantity)));
                let status = if d.agrees {
                    Status::Derived
                } else {
                    Status::Contradicted
                };
                (status, d.facts.to_vec())
            }
            Judgement::Unsourced => (Status::Unsourced, Vec::new()),
        };
        finding.status = status;
        if let Some(arithmetic) = finding
            .arithmetic()
            .filter(|_| status == Status::Contradicted)
        {
            // A wrong derived number is expected to be what the facts derive.
            let derived = arithmetic.rsplit_once(" = ").map_or(arithmetic, |(_, v)| v);
            let expected = derived.to_owned();
            finding.detail_mut().expected = Some(expected);
        } else if status == Status::Contradicted {
            let values: Vec<&str> = facts
                .iter()
                .map(|&f| self.store.fact(f).value.text.as_str())
                .collect();
            finding.detail_mut().expected = Some(values.join(" or "));
        }
        // A ratio backed by a growth is claimed as the growth it is.
        let as_growth = facts
            .first()
            .filter(|&&f| self.store.fact(f).value.unit == Unit::Percent)
            .and_then(|_| suggest::ratio_as_growth(quantity));
        // A fall backed by a negative change is claimed as the change.
        let as_change = facts
            .first()
            .filter(|&&f| falls && judge::is_negative(&self.readings[f as usize]))
            .map(|_| suggest::negated(quantity));
        // "−7%" backed by a quote's "declined 7%" is claimed as the draft
        // states it.
        let as_magnitude = facts
            .first()
            .filter(|&&f| {
                quantity.low.negative && derive::draft_quoted_as_a_fall(self.store.fact(f))
            })
            .map(|_| suggest::negated(quantity));
        let claimed = as_growth
            .as_ref()
            .or(as_change.as_ref())
            .or(as_magnitude.as_ref())
            .unwrap_or(quantity);
        finding.suggested_value = Some(suggest::claim_value(claimed));
        if !facts.is_empty() {
            finding.facts = match work.fact_lists.get(facts.as_slice()) {
                Some(list) => Arc::clone(list),
                None => {
                    let list: FactList = facts
                        .iter()
                        .map(|&f| {
                            self.shared_facts[f as usize]
                                .get_or_init(|| SharedFact::new(self.store, f))
                                .clone()
                        })
                        .collect();
                    work.fact_lists.insert(facts, Arc::clone(&list));
                    list
                }
            };
        }
    }
}

/// What an audit of one article carries from block to block.
struct Work<'a, 'c, S> {
    file: Arc<str>,
    lines: Lines<'a>,
    claims: &'c [ClaimReport],
    claim_values: Vec<(usize, Vec<f64>)>,
    /// The fact lists made so far, by their facts: findings share them.
    fact_lists: FxHashMap<Vec<u32>, FactList>,
    /// The numbers of the current block, in a list kept from block to block.
    mentions: Vec<scan::Mention>,
    /// The words of the article read so far, with their terms.
    words: WordCache,
    /// The current sentence's terms, in a buffer kept from sentence to sentence.
    terms: SentenceTerms,
    /// The words of the current block read so far, for the sentences'
    /// contexts.
    paragraph: ParagraphWords,
    /// The words of the heading the blocks stand under.
    heading: HeadingWords,
    sink: S,
}

impl<S> Work<'_, '_, S> {
    fn no_facts(&mut self) -> FactList {
        match self.fact_lists.get(&[][..]) {
            Some(list) => Arc::clone(list),
            None => {
                let list: FactList = Arc::from([]);
                self.fact_lists.insert(Vec::new(), Arc::clone(&list));
                list
            }
        }
    }
}

/// A sentence of a block and what it names, shared by its numbers.
struct Sentence {
    range: (usize, usize),
    /// The index of its first number among the block's, and where its
    /// numbers stand in it.
    first: usize,
    numbers: Vec<(usize, usize)>,
    /// Per number, whether it is the digits of a name ("Evo 2"): no number
    /// stated, nor a rival for the words around it.
    in_a_name: Vec<bool>,
    years: Years,
    /// "Singapore and Japan ... at 81% and 32%, respectively": the subjects
    /// named, in order, one to each number.
    respective: Option<Vec<crate::store::Sym>>,
    /// Of a sentence listing two multiples or more, the subject it names
    /// first: the one each multiple is of.
    multiples_of: Option<crate::store::Sym>,
    /// "That's about 23 times.": it speaks of the sentence before.
    points_back: bool,
    /// Its prose, made for the first finding that keeps it.
    prose: Option<Arc<str>>,
}

/// Whether the sentence gives its numbers to the subjects it lists in
/// order: "respectively" (or "Respectively"), 分别.
fn says_respectively(sentence: &str) -> bool {
    sentence.contains("espectively") || sentence.contains("分别")
}

/// The question the sentence at `start` answers: the sentence before it,
/// if it asks one and states no number of its own (a year it may name),
/// with where it starts.
fn question_before(text: &str, start: usize) -> Option<(usize, &str)> {
    let asked = text[..start].trim_end();
    let mark = asked
        .chars()
        .next_back()
        .filter(|&c| c == '?' || c == '？')?;
    let body = &asked[..asked.len() - mark.len_utf8()];
    let from = body
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '.' | '!' | '?' | '\n' | '。' | '！' | '？'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let question = asked[from..].trim_end();
    let at = from + (question.len() - question.trim_start().len());
    let question = question.trim_start();
    // "How many did it log in 2025?" asks for a figure of a year; "Was it
    // 23 times?" states one.
    let states_a_number = question
        .split(|c: char| !c.is_ascii_digit())
        .any(|digits| !digits.is_empty() && !crate::quantity::is_year(digits));
    (!question.is_empty() && !states_a_number).then_some((at, question))
}

/// [`Auditor::name_heads`]: each subject looked at once.
fn name_heads(store: &Store) -> FxHashSet<String> {
    let mut seen = FxHashSet::default();
    let mut heads = FxHashSet::default();
    let mut quotes = FxHashSet::default();
    let mut versioned = FxHashSet::default();
    for fact in &store.facts {
        if seen.insert(fact.subject)
            && let Some((head, _)) = store.str(fact.subject).split_once(" (")
        {
            heads.insert(crate::store::normalize(head));
        }
        if fact.draft
            && let Some(quote) = fact.quote.as_deref()
            && quotes.insert(quote)
        {
            proper_nouns(quote, &mut heads, &mut versioned);
        }
    }
    heads.retain(|h| !versioned.contains(h));
    heads
}

/// A harvested report names its subjects nowhere but in its sentences: a
/// word capitalised inside one ("112 came from Europe") names something,
/// unless the report writes digits after it, as a product's version
/// ("Gemini 3 Pro"): those go to `versioned`.
fn proper_nouns(quote: &str, names: &mut FxHashSet<String>, versioned: &mut FxHashSet<String>) {
    let mut words = quote.split_whitespace().peekable();
    let mut first = true;
    while let Some(word) = words.next() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let capitalised = bare.starts_with(char::is_uppercase)
            && bare.chars().all(|c| c.is_alphabetic() || c == '-');
        if capitalised {
            let name = crate::store::normalize(bare);
            if word.ends_with(char::is_alphanumeric)
                && words
                    .peek()
                    .is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()))
            {
                versioned.insert(name);
            } else if !first {
                names.insert(name);
            }
        }
        first = word.ends_with(['.', '!', '?', ':', '|']) || word == "|";
    }
}

/// Whether a short sentence opens by pointing back at the figures before
/// it: "That's about 23 times.", "So that's a 50-point gap.", or is a
/// fragment that names what they make: "A 40-point gap."
fn points_back(sentence: &str) -> bool {
    const MOST_WORDS: usize = 8;
    const FRAGMENT_WORDS: usize = 4;
    // A Chinese sentence has no spaces to count: its characters, then.
    const MOST_CJK_CHARS: usize = 20;
    const OPENINGS: [&str; 7] = [
        "that's",
        "that’s",
        "that is",
        "this is",
        "so that's",
        "so that’s",
        "that was",
    ];
    let mut words = sentence.split_whitespace();
    let first = words.next().unwrap_or_default();
    // Counted no further than the longest it may be: sentences run long.
    let count = 1 + words.take(MOST_WORDS).count();
    if (first.eq_ignore_ascii_case("a") || first.eq_ignore_ascii_case("an"))
        && count <= FRAGMENT_WORDS
    {
        return true;
    }
    let opening = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
    if opening.starts_with("这是") {
        return opening.chars().take(MOST_CJK_CHARS + 1).count() <= MOST_CJK_CHARS;
    }
    count <= MOST_WORDS
        && OPENINGS.iter().any(|o| {
            opening
                .get(..o.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(o))
        })
}

/// Whether a sentence is only a label and its figure ("China: 35.",
/// "Humans: 96.1%."), a list's next item written as a sentence of its own.
fn continues_a_list(sentence: &str) -> bool {
    const MOST_WORDS: usize = 5;
    sentence.split_whitespace().count() <= MOST_WORDS && sentence.contains([':', '=', '：'])
}

/// Where the text of the block before byte `start` that is the sentence's
/// context begins, a sentence or two back: what a sentence's "it" and "the
/// index" may point back to. It begins the block or at a whitespace
/// character.
fn paragraph_start(text: &str, start: usize) -> usize {
    const REACH: usize = 200;
    let mut from = start.saturating_sub(REACH);
    if from == 0 {
        return 0;
    }
    // Two hundred bytes back may fall inside a character (Chinese prose).
    while !text.is_char_boundary(from) {
        from += 1;
    }
    // Start at a whole word.
    text[from..start]
        .find(char::is_whitespace)
        .map_or(start, |at| from + at)
}

/// Lines and columns past `u32::MAX` do not occur in files anyone audits;
/// they saturate rather than wrap.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// How many runs of ASCII digits `text` holds: about as many as its
/// numbers, dates and names with digits together.
fn digit_runs(text: &str) -> usize {
    let mut runs = 0;
    let mut previous = false;
    for b in text.bytes() {
        let digit = b.is_ascii_digit();
        runs += usize::from(digit && !previous);
        previous = digit;
    }
    runs
}

/// The values a claim states, in base units, to recognise its number in prose.
fn values_of(claim_text: &str) -> Vec<f64> {
    let Ok(Some(Entry::Claim(claim))) = parse_line(claim_text) else {
        return Vec::new();
    };
    let quantities: Vec<&Quantity> = match &claim.body {
        Body::Compare { rhs, .. } => match rhs {
            Rhs::Value(q) => vec![q],
            Rhs::Against { quantity, .. } => vec![quantity],
        },
        Body::Chain { values, .. } => match values {
            ChainValues::Each(v) => v.iter().collect(),
            ChainValues::Change(q) => vec![q],
        },
    };
    quantities.into_iter().flat_map(stated_values).collect()
}

/// The numbers a quantity states: its value, or both ends of a range.
fn stated_values(q: &Quantity) -> impl Iterator<Item = f64> + Clone + use<> {
    let factor = q.unit.factor();
    std::iter::once(q.low.value() * factor).chain(q.high.map(|h| h.value() * factor))
}

/// The same number, sign aside: prose says "fell 13%" where the claim
/// writes `-13%`.
fn same(a: f64, b: f64) -> bool {
    let (a, b) = (a.abs(), b.abs());
    (a - b).abs() <= 1e-9 * a.max(b).max(1e-12)
}

/// "one", alone: in "at least one function" or "one of the few" a word
/// of the phrase more than a count.
fn stands_for_one(quantity: &crate::quantity::Quantity) -> bool {
    quantity.high.is_none() && quantity.low.value() == 1.0
}

#[cfg(test)]
mod tests {
    use super::Finding;

    /// A short sentence that opens on "That's", or a fragment of a few
    /// words, points back at the figures before it; a long one that opens
    /// so, or a sentence that only starts with "A", does not.
    #[test]
    fn sentences_that_point_back() {
        for yes in [
            "That's about 23 times.",
            "So that’s a fifty-point gap.",
            "A 40-point gap.",
            "这是约23倍。",
        ] {
            assert!(super::points_back(yes), "{yes}");
        }
        for no in [
            "That is why the United States leads by a wide margin on most measures.",
            "A record year for private AI investment in the US.",
            "The gap is 40 points.",
            "这是报告第九次发布，全书超过四百页，涵盖研发、技术表现、经济与政策等多个章节的内容。",
        ] {
            assert!(!super::points_back(no), "{no}");
        }
    }

    /// A context reaching back into the middle of a character starts at
    /// the next one: Chinese prose of more than 200 bytes before a number.
    #[test]
    fn a_context_starts_on_a_character() {
        let text = format!(
            "{}。中国的份额为 30%。",
            "美国私人投资达到亿美元中国的份额".repeat(10)
        );
        for lead in ["", "a", "ab"] {
            let text = format!("{lead}{text}");
            let start = text.find("中国的份额为").unwrap_or(0);
            let from = super::paragraph_start(&text, start);
            assert!(text.is_char_boundary(from) && from <= start && start - from <= 200);
        }
    }

    /// A dense article keeps hundreds of thousands of findings, and on a
    /// fresh process every byte of them is memory the kernel zeroes first:
    /// a field that grows a finding should go into its boxed detail.
    #[test]
    fn a_finding_stays_small() {
        assert!(
            std::mem::size_of::<Finding>() <= 104,
            "a finding takes {} bytes",
            std::mem::size_of::<Finding>()
        );
    }
}

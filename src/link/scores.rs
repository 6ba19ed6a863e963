//! How strongly the words of a sentence point at each name, for one of
//! its numbers: each word weighed by its nearness to the number, and by
//! whether another number of the sentence has a better claim to it.

use crate::store::{NameKind, Sym};

use super::{
    CONTEXT_FOUND, CONTEXT_NEAR, CONTEXT_WORD, Linker, NO_SLOT, Occurrence, SentenceTerms, nearness,
};

/// How strongly the words around one number point at one name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NameScore {
    /// Share of the form's weight found anywhere in the sentence, 0 to 1.
    pub coverage: f32,
    /// The same, each term weighted by its nearness to the number.
    pub nearness: f32,
    /// The weight found, each term by its nearness, over the mean of the
    /// name's weight and the store's average name weight: a long name is
    /// not found only by its every word, nor a short one by a single word.
    pub strength: f32,
    /// Share of the form's weight found in the sentence itself, not only
    /// in the paragraph before it.
    pub own: f32,
    /// The most coverage of any of the name's forms, the strongest or not.
    pub most_held: f32,
    /// Share of the form's weight in the sentence whose every word there
    /// another number of the sentence pulls harder: a name given to it.
    pub rivalled: f32,
    /// The form that scored best.
    form: u32,
}

/// No word of the name read: the score of a name the sentence does not hold.
impl Default for NameScore {
    fn default() -> Self {
        NameScore::assumed(0.0, 0.0)
    }
}

impl NameScore {
    /// Share of the form's weight the sentence and what precedes it (the
    /// paragraph before it, the heading above) hold between them, a word
    /// before the sentence counted as one of its own.
    pub fn told(&self) -> f32 {
        self.own + (self.coverage - self.own).max(0.0) / CONTEXT_FOUND
    }

    /// A score given, not read from words: the store's default subject
    /// stands for a sentence that names none.
    pub const fn assumed(coverage: f32, nearness: f32) -> NameScore {
        NameScore {
            coverage,
            nearness,
            strength: nearness,
            own: 0.0,
            most_held: coverage,
            rivalled: 0.0,
            form: NO_FORM,
        }
    }

    /// This score, or `floor` where it says more.
    pub fn at_least(self, floor: NameScore) -> NameScore {
        if self.nearness >= floor.nearness {
            self
        } else {
            // What the sentence's own words hold of the name stays known:
            // "the Foundation Model Transparency Index ... fell back to 40"
            // names the index, however far from the number; a name the
            // sentence holds most of is read there, not assumed.
            NameScore {
                coverage: self.coverage.max(floor.coverage),
                most_held: self.most_held.max(floor.most_held),
                rivalled: self.rivalled,
                own: self.own.max(floor.own),
                form: if self.own >= MOSTLY_HELD {
                    self.form
                } else {
                    floor.form
                },
                ..floor
            }
        }
    }

    /// This score, as near, as strong and as fully held as `floor` at
    /// least, still the reading of the words that hold it: a heading that
    /// names a subject in full names it for the numbers under it as surely
    /// as their own sentences would.
    pub fn raised_to(self, floor: NameScore) -> NameScore {
        NameScore {
            nearness: self.nearness.max(floor.nearness),
            strength: self.strength.max(floor.strength),
            coverage: self.coverage.max(floor.coverage),
            most_held: self.most_held.max(floor.most_held),
            ..self
        }
    }

    /// Whether words of the sentence stand behind it.
    pub fn is_read(&self) -> bool {
        self.form != NO_FORM
    }
}

const NO_FORM: u32 = u32::MAX;

/// The share of a name's weight in the sentence's own words that has the
/// sentence name it: "new AI PhDs" of "New AI PhD graduates".
const MOSTLY_HELD: f32 = 0.6;

/// Which words matched a name: `(word in the sentence, word of the name)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub name: String,
    pub kind: NameKind,
    pub words: Vec<(String, String)>,
    /// The name's words found only in the paragraph before the sentence.
    pub earlier: Vec<String>,
}

/// The sentence's scores for one number, computed on demand per name.
#[derive(Debug)]
pub struct Scores<'l, 's> {
    linker: &'l Linker,
    sentence: &'s SentenceTerms,
    /// Per occurrence: its weight for this number.
    weight: Vec<f32>,
    /// Per distinct term of the sentence: its best weight.
    slot_weight: Vec<f32>,
    /// Per distinct term: whether the sentence has it where no later
    /// number has a better claim to it.
    free: Vec<bool>,
    /// Per distinct term: whether another number pulls every word of it in
    /// the sentence harder than this one.
    rivalled: Vec<bool>,
}

impl Linker {
    /// The scores of the sentence's names for its number `which` of
    /// `numbers` (byte ranges in the sentence, in order). A word weighs
    /// less the farther it stands, after the number rather than before it
    /// ("China's at 30": writers name the thing first), beyond another
    /// number, and where another number has a better claim to it ("the US
    /// released 50, China 30": China goes with 30).
    pub fn scores<'l, 's>(
        &'l self,
        sentence: &'s SentenceTerms,
        numbers: &[(usize, usize)],
        which: usize,
    ) -> Scores<'l, 's> {
        let word_of = |byte: usize| {
            sentence
                .word_starts
                .partition_point(|&s| (s as usize) < byte)
        };
        let spans: Vec<(usize, usize)> = numbers
            .iter()
            .map(|&(s, e)| (word_of(s), word_of(e)))
            .collect();
        let pull = |o: &Occurrence, n: usize| {
            if o.word == CONTEXT_WORD {
                return CONTEXT_NEAR;
            }
            let at = o.word as usize;
            // A word inside a number is its unit ("billion", 美 of 美元,
            // dollars), no word about what the number is of; a word left
            // out ("outside China") is none either.
            if sentence.excluded[at] || spans.iter().any(|&(f, l)| f <= at && at < l) {
                return 0.0;
            }
            let (first, last) = spans[n];
            if at >= last && sentence.opens_a_clause[last..=at].contains(&true) {
                return 0.0;
            }
            let paired = if sentence.paired[at] { PAIRED } else { 1.0 };
            let place = &sentence.word_place;
            // "41 from China", "59 in the United States": the words that
            // lead a name on to the number stand aside, and the name is as
            // near as a word right after the number.
            let mut lead = last;
            while lead < at && sentence.leading_on[lead] && !sentence.parted[lead] {
                lead += 1;
            }
            let (gap, after) = if at < first {
                (place[first] - place[at + 1], false)
            } else {
                ((place[at] - place[lead]).max(0.0), true)
            };
            let between = spans
                .iter()
                .filter(|&&(f, _)| {
                    if after {
                        last <= f && f < at
                    } else {
                        at < f && f < first
                    }
                })
                .count();
            // The word right after a number is what it counts ("19 models"),
            // or whose it is ("41 from China", "59 in the US"): as much the
            // number's as any before it.
            let right_after = after && at == lead && !sentence.parted[at];
            let side = if after && !right_after { AFTER } else { 1.0 };
            paired * nearness(gap) * side * 0.5f32.powi(between as i32)
        };
        // Per distinct term: whether some word of it in the sentence is not
        // another number's.
        let mut free = vec![false; sentence.distinct.len()];
        // Per distinct term: whether the sentence has it and another number
        // pulls every word of it there harder than this one (false once a
        // word of it is this one's).
        let mut rivalled = vec![false; sentence.distinct.len()];
        let mut seen = vec![false; sentence.distinct.len()];
        let weight: Vec<f32> = sentence
            .occurrences
            .iter()
            .map(|o| {
                let own = pull(o, which);
                let in_sentence = o.word != CONTEXT_WORD;
                // The hardest pull of another number of the sentence.
                let rival = if in_sentence {
                    (0..spans.len())
                        .filter(|&n| n != which)
                        .map(|n| pull(o, n))
                        .fold(0.0, f32::max)
                } else {
                    0.0
                };
                let claimed = rival > own;
                if in_sentence {
                    let slot = o.slot as usize;
                    rivalled[slot] = claimed && (rivalled[slot] || !seen[slot]);
                    seen[slot] = true;
                }
                // Words before a list of numbers speak of them all ("notable
                // models: the US 50, China 30"); a word after this number
                // that the next one pulls much harder begins the next clause.
                let after = in_sentence && o.word as usize >= spans[which].1;
                let taken = rival > TAKEN * own;
                if in_sentence && !(taken && after) {
                    free[o.slot as usize] = true;
                }
                if claimed { own * CLAIMED } else { own }
            })
            .collect();
        // A word the sentence has counts where the sentence has it, however
        // far: the paragraph's copy stands farther still.
        let mut slot_weight = vec![0.0f32; sentence.distinct.len()];
        for (o, w) in sentence.occurrences.iter().zip(&weight) {
            if o.word != CONTEXT_WORD || sentence.presence[o.slot as usize] < 1.0 {
                let slot = &mut slot_weight[o.slot as usize];
                *slot = slot.max(*w);
            }
        }
        Scores {
            linker: self,
            sentence,
            weight,
            slot_weight,
            free,
            rivalled,
        }
    }
}

/// How much a word of a pair that names a comparison ("the expert-public
/// gap") pulls for any one number: a little, as it names both sides.
const PAIRED: f32 = 0.25;

/// How much a word counts for a number where another number of the
/// sentence has a better claim to it.
const CLAIMED: f32 = 0.5;

/// How much harder another number must pull a word after this one for the
/// word to begin that number's clause.
const TAKEN: f32 = 1.5;

/// How much of a change metric's other words the sentence must write for
/// a number written as a change to say its words of change.
const WRITTEN_OF_A_CHANGE: f32 = 0.7;

/// The weight of a word that follows the number rather than leads it.
const AFTER: f32 = 0.6;

impl<'l, 's> Scores<'l, 's> {
    /// How strongly the words point at a subject or a metric: its best form,
    /// and the most the words hold of any form ("notable models" holds more
    /// of "notable models released" than of the stronger "notable AI models
    /// released", whose "AI" only a heading has).
    pub fn name(&self, kind: NameKind, sym: Sym) -> NameScore {
        self.name_as(kind, sym, false)
    }

    /// [`Scores::name`] of a metric for a number written as a change ("up
    /// 64%", "rose 64%"): its form says the metric's words of change
    /// ("growth in average deal size"), as near as can be.
    pub fn name_of_change(&self, metric: Sym) -> NameScore {
        self.name_as(NameKind::Metric, metric, true)
    }

    fn name_as(&self, kind: NameKind, sym: Sym, change: bool) -> NameScore {
        let (best, coverage) = self.forms(kind, sym, change).fold(
            (NameScore::default(), 0.0f32),
            |(best, coverage), score| {
                let best = if (score.strength, score.coverage) > (best.strength, best.coverage) {
                    score
                } else {
                    best
                };
                (best, coverage.max(score.coverage))
            },
        );
        NameScore {
            most_held: coverage,
            ..best
        }
    }

    /// The form of a subject or a metric that the words hold most of: a
    /// phrase has no number to be near, and "AI adoption among
    /// organizations" is "adopted AI" in full rather than part of
    /// "organizations using AI".
    pub fn fullest_name(&self, kind: NameKind, sym: Sym) -> NameScore {
        self.forms(kind, sym, false)
            .fold(NameScore::default(), |best, score| {
                if (score.coverage, score.strength) > (best.coverage, best.strength) {
                    score
                } else {
                    best
                }
            })
    }

    /// Whether the sentence sets `name` apart from `other` (by words of
    /// its names that are none of the other's) only by words another
    /// number pulls harder: "约93%的国家开设CS,30%将其列为必修" leaves
    /// 必修 ("mandatory") to the 30%, and the 93% to the countries that
    /// teach CS at all.
    pub fn apart_only_by_another_number(
        &self,
        (kind, name): (NameKind, Sym),
        (other_kind, other): (NameKind, Sym),
    ) -> bool {
        let mut apart = false;
        for (slot, &term) in self.sentence.distinct.iter().enumerate() {
            if self.sentence.presence[slot] >= 1.0
                && self.linker.name_holds(kind, name, term)
                && !self.linker.name_holds(other_kind, other, term)
            {
                if !self.rivalled[slot] {
                    return false;
                }
                apart = true;
            }
        }
        apart
    }

    /// The share of the sentence's words, weighed by their nearness to the
    /// number and their rarity, that the form of `score` holds: the other
    /// way round from its coverage. "MSAPairformer, with only 111 million
    /// parameters" holds "million parameters" of a quote on a 40-billion-
    /// parameter model, but the quote holds none of its rarer names.
    pub fn held_by(&self, score: NameScore) -> f32 {
        let present = |slot: usize| self.sentence.presence[slot] >= 1.0;
        let weigh = |slot: usize| {
            self.slot_weight[slot] * self.linker.rarity[self.sentence.distinct[slot] as usize]
        };
        let all: f32 = (0..self.sentence.distinct.len())
            .filter(|&slot| present(slot))
            .map(weigh)
            .sum();
        let held: f32 = match self.sentence.form_at.get(score.form as usize) {
            Some(&at) if at != NO_SLOT => {
                let (from, to) = self.sentence.form_slots[at as usize];
                self.sentence.slots[from as usize..to as usize]
                    .iter()
                    .map(|&(slot, _)| slot as usize)
                    .filter(|&slot| present(slot))
                    .map(weigh)
                    .sum()
            }
            _ => 0.0,
        };
        held / all.max(f32::MIN_POSITIVE)
    }

    /// The scores of the forms of a subject or a metric the words meet;
    /// `change`: with the words of change the number's form says.
    fn forms(
        &self,
        kind: NameKind,
        sym: Sym,
        change: bool,
    ) -> impl Iterator<Item = NameScore> + '_ {
        self.linker
            .forms_of(kind, sym)
            .iter()
            .filter_map(move |&f| {
                let at = match self.sentence.form_at.get(f as usize) {
                    Some(&at) if at != NO_SLOT => at as usize,
                    _ => return None,
                };
                let form = &self.linker.forms[f as usize];
                let (from, to) = self.sentence.form_slots[at];
                let mut near = 0.0;
                let mut own = 0.0;
                let mut found = 0.0;
                let mut rivalled = 0.0;
                let mut change_written = 0.0;
                for &(slot, rarity) in &self.sentence.slots[from as usize..to as usize] {
                    let slot = slot as usize;
                    if change
                        && self.sentence.presence[slot] == 1.0
                        && self
                            .linker
                            .change_terms
                            .contains(&self.sentence.distinct[slot])
                    {
                        change_written += rarity;
                    }
                    near += rarity * self.slot_weight[slot];
                    let presence = self.sentence.presence[slot];
                    if presence == 1.0 {
                        own += rarity;
                        if self.rivalled[slot] {
                            rivalled += rarity;
                        }
                    }
                    // "88 percent of organizations use AI, and generative AI
                    // reached 53 percent": "generative" is the 53's.
                    let claimed = presence == 1.0 && !self.free[slot];
                    found += rarity * presence * if claimed { CLAIMED } else { 1.0 };
                }
                // A short Chinese name is found only whole, and is near
                // where it stands whole: the 国 of 德国 is no word of 中国.
                // Not whole in the sentence, it is the paragraph's.
                if self.linker.packed_forms[f as usize].whole_only {
                    match self.whole_nearness(f, form) {
                        Some(whole) => near = whole,
                        None => {
                            near = form.mass * CONTEXT_NEAR;
                            found = form.mass * CONTEXT_FOUND;
                            own = 0.0;
                        }
                    }
                }
                // The form completes a name the words mostly write, and
                // makes none: "AI incidents rose by more than half" is no
                // growth of generative AI investment.
                let said = (self.linker.packed_forms[f as usize].change - change_written).max(0.0);
                let written = found / (form.mass - said).max(f32::MIN_POSITIVE);
                if change && written >= WRITTEN_OF_A_CHANGE {
                    found += said;
                    near += said;
                    own += said;
                }
                let own_mass = own;
                let coverage = found / form.mass.max(f32::MIN_POSITIVE);
                // Mostly the store's mean: a name with more of its rare words
                // in the sentence says more, whatever its length.
                let norm = (0.3 * form.mass + 0.7 * self.linker.mean_mass).max(f32::MIN_POSITIVE);
                Some(NameScore {
                    coverage,
                    nearness: near / form.mass.max(f32::MIN_POSITIVE),
                    strength: (found + near) / (2.0 * norm),
                    own: own / form.mass.max(f32::MIN_POSITIVE),
                    most_held: coverage,
                    rivalled: rivalled / own_mass.max(f32::MIN_POSITIVE),
                    form: f,
                })
            })
    }

    /// The weight of the nearest place where the sentence itself writes the
    /// form `f` whole (found once per sentence, by the reading), as
    /// [`Scores::forms`] weighs a term; `None` where it writes it nowhere.
    fn whole_nearness(&self, f: u32, form: &super::Form) -> Option<f32> {
        let n = form.terms.len();
        self.sentence
            .whole_at
            .iter()
            .filter(|&&(whole, _)| whole == f)
            .map(|&(_, first)| {
                let first = first as usize;
                form.weights
                    .iter()
                    .zip(&self.weight[first..first + n])
                    .map(|(rarity, weight)| rarity * weight)
                    .sum::<f32>()
            })
            .max_by(f32::total_cmp)
    }

    /// The linker and the reading these scores were made from.
    pub fn reading(&self) -> (&'l Linker, &'s SentenceTerms) {
        (self.linker, self.sentence)
    }

    /// The words behind a name's score, for an editor to check.
    pub fn evidence(&self, sentence: &str, score: NameScore) -> Option<Evidence> {
        let form = self.linker.forms.get(score.form as usize)?;
        let mut words = Vec::new();
        let mut earlier = Vec::new();
        let mut previous: Option<&str> = None;
        for (term, written) in form.words.iter() {
            // "GPT-4" holds two terms, "gpt-4" and "gpt": one word to show.
            if previous.replace(written) == Some(&**written) {
                continue;
            }
            let nearest = self
                .sentence
                .occurrences
                .iter()
                .zip(&self.weight)
                .filter(|(o, _)| o.term == *term)
                .filter(|(o, _)| {
                    o.word != CONTEXT_WORD || self.sentence.presence[o.slot as usize] < 1.0
                })
                .max_by(|a, b| a.1.total_cmp(b.1));
            match nearest {
                Some((o, _)) if o.word == CONTEXT_WORD => earlier.push(written.to_string()),
                Some((o, _)) => words.push((
                    sentence[o.start as usize..o.end as usize].to_owned(),
                    written.to_string(),
                )),
                None => {}
            }
        }
        Some(Evidence {
            name: form.text.to_string(),
            kind: form.kind,
            words,
            earlier,
        })
    }
}

//! The candidates of a number in words, for the finding to carry.

use super::{COMPARABLE, Candidate, Judgement, Number};
use crate::audit::{LinkCandidate, LinkEvidence};
use crate::link::{NameScore, Scores};
use crate::store::Store;

/// The best few candidates in words, for the finding to carry.
pub(crate) fn explain(
    store: &Store,
    names: &[std::sync::OnceLock<String>],
    scores: &Scores<'_, '_>,
    number: &Number<'_>,
    candidates: &[Candidate],
    judgement: &Judgement,
) -> Vec<LinkCandidate> {
    const SHOWN: usize = 3;
    let Some(top) = candidates.first() else {
        return Vec::new();
    };
    let chosen: &[u32] = match judgement {
        Judgement::Backed(f) | Judgement::Contradicted(f) => f,
        Judgement::Derived(d) => &d.facts,
        Judgement::Unsourced => &[],
    };
    let mut shown: Vec<&Candidate> = chosen
        .iter()
        .filter_map(|f| candidates.iter().find(|c| c.fact == *f))
        .collect();
    for c in candidates {
        if shown.len() >= SHOWN {
            break;
        }
        if !shown.iter().any(|s| s.fact == c.fact) {
            shown.push(c);
        }
    }
    shown
        .into_iter()
        .map(|c| {
            let fact = store.fact(c.fact);
            // Made once per fact: a dense article names the same few
            // hundred facts for every number.
            let name = names.get(c.fact as usize).map_or_else(
                || candidate_name(store, c.fact),
                |once| once.get_or_init(|| candidate_name(store, c.fact)).clone(),
            );
            let evidence = |score: NameScore| {
                scores
                    .evidence(number.sentence, score)
                    .map(|e| LinkEvidence {
                        name: e.name,
                        coverage: two_decimals(score.coverage),
                        strength: two_decimals(score.strength),
                        words: e.words,
                        earlier: e.earlier,
                    })
            };
            let period = match (number.pinned, fact.period) {
                (Some(pin), Some(_)) => Some(format!("{}, written beside the number", pin.year)),
                (None, Some(p)) if number.years.named().any(|y| store.str(p).contains(y)) => {
                    Some(format!("{}, named in the sentence", store.str(p)))
                }
                _ => None,
            };
            let why = match judgement {
                Judgement::Backed(f) if f.contains(&c.fact) => {
                    "agrees: backs the number".to_owned()
                }
                Judgement::Contradicted(f) if f.contains(&c.fact) && number.ends.is_some() => {
                    "the range's other end stands for it: one end states its pair's value, and \
                     its own falls inside the range, at neither end"
                        .to_owned()
                }
                Judgement::Contradicted(f) if f.contains(&c.fact) => {
                    "linked clearly, ahead of every other fact, and its value disagrees".to_owned()
                }
                _ if c.rank < COMPARABLE * top.rank => format!(
                    "linked less well than the best ({:.2} against {:.2})",
                    c.rank, top.rank
                ),
                _ if !c.agrees && super::stated_by_a_neighbour(store, c.fact, number) => {
                    "another number of the sentence states its value: it is that number's"
                        .to_owned()
                }
                _ if !c.agrees => "its value disagrees".to_owned(),
                Judgement::Contradicted(_) if number.ends.is_some() => {
                    "agrees: one end of the range states it".to_owned()
                }
                _ if super::traded_with_a_neighbour(store, scores, top, c, number) => {
                    "agrees, but another number of the sentence states the best link's value: \
                     the two subjects' values are traded"
                        .to_owned()
                }
                _ if super::swapped_subject(store, scores, top, c) => {
                    "agrees, but the words that name its subject are another number's".to_owned()
                }
                _ if super::named_only_before(store, top, c) => {
                    "agrees, but only the paragraph before names its subject, and the sentence \
                     names another"
                        .to_owned()
                }
                _ if {
                    let (linker, terms) = scores.reading();
                    super::compared_with(store, linker, terms, top, c, number)
                } =>
                {
                    "agrees, but its subject is named after the number as the one it is \
                     compared with, and the sentence gives the number to another"
                        .to_owned()
                }
                _ => "agrees, but another fact is linked as well".to_owned(),
            };
            LinkCandidate {
                fact: String::from(&*fact.id),
                name,
                score: two_decimals(c.rank),
                subject: if c.subject.is_read() {
                    evidence(c.subject)
                } else {
                    None
                },
                metric: evidence(c.metric),
                period,
                agrees: c.agrees,
                why,
            }
        })
        .collect()
}

/// A candidate fact as a finding names it: `subject · metric · period = value`.
fn candidate_name(store: &Store, f: u32) -> String {
    let fact = store.fact(f);
    let mut name = store.fact_name(fact);
    name.push_str(" = ");
    name.push_str(&fact.value.text);
    name
}

/// Scores are shown, and pinned by snapshots, to two decimals.
fn two_decimals(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

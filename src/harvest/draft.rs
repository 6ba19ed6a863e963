//! Draft facts as written to `facts.jsonl`.

use serde::Serialize;

use super::document::{Found, Skipped};
use crate::audit::suggest::claim_value;
use crate::lint::quotes::states_value;
use crate::quantity::parse_quantity;
use crate::store::Locator;

/// One line of a harvested `facts.jsonl`. The names a curator gives when
/// promoting it are written empty, never guessed: a wrong name would link
/// summaries to the fact by words it does not have.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftFact {
    pub id: String,
    pub draft: bool,
    pub subject: String,
    pub metric: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// In claim syntax, as precise as written: "nearly 53%", "$285.9 billion".
    pub value: String,
    pub locator: Locator,
    pub quote: String,
}

/// The drafts of the numbers found, and the numbers no draft can carry.
/// `id` is the source's: fact ids are `<id>-l<line>-<n>`, the n-th number
/// of that line, so that they are stable while the document is.
pub(super) fn drafts(id: &str, numbers: &[Found], skipped: &mut Vec<Skipped>) -> Vec<DraftFact> {
    let mut out: Vec<DraftFact> = Vec::with_capacity(numbers.len());
    let mut line = 0;
    let mut nth = 0;
    for found in numbers {
        if found.line != line {
            line = found.line;
            nth = 0;
        }
        nth += 1;
        let value = claim_value(&found.quantity).to_string();
        let skip = |reason| Skipped {
            line: found.line,
            text: found.quantity.text.to_string(),
            reason,
        };
        // What the store reads back must be what was read here.
        let Ok(read_back) = parse_quantity(&value) else {
            skipped.push(skip("its value does not read back in claim syntax"));
            continue;
        };
        // What lint verifies: the quote states the value in digits.
        if !states_value(&found.quote, &read_back) {
            skipped.push(skip("its quote does not state the value in digits"));
            continue;
        }
        let section = (!found.headings.is_empty()).then(|| found.headings.join(" > "));
        out.push(DraftFact {
            id: format!("{id}-l{}-{nth}", found.line),
            draft: true,
            subject: String::new(),
            metric: String::new(),
            period: found.period.clone(),
            value,
            locator: Locator {
                section,
                line: Some(found.line),
                page: found.page.map(|p| p.to_string()),
                column: found.column.clone(),
                row: found.row,
                ..Locator::default()
            },
            quote: found.quote.clone(),
        });
    }
    out
}
